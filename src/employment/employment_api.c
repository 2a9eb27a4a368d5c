/*
 * employment_api.c — the employment capability's JSON endpoints: the managed lists of tasks and
 * adaptations. Layer: handlers of the employment capability; the lists come from the domain
 * (employment_list), never from its store.
 */
#include "employment_web.h"

#include <stdbool.h>

#include "../http/api.h"
#include "employment.h"

/* the managed list of tasks (adaptations false) or adaptations (true) as
 * {"items": [{"key", "label"}], "total", "limit", "offset"}: all in one answer, in the list's
 * order, like /api/v1/kommuner */
static int list_reply(struct req *r, bool adaptations)
{
	struct option_kv *opts;
	int n;
	int rc = employment_list(r->db, &r->a, adaptations, &opts, &n);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		json_str(&w, "key", opts[i].key);
		json_str(&w, "label", opts[i].label);
		json_obj_close(&w);
	}
	api_list_end(r, &w, n, n, 0);
	return 0;
}

/* GET /api/v1/lists/tasks — public. The work tasks an opening offers and a citizen can do. */
int employment_api_list_tasks(struct req *r)
{
	return list_reply(r, false);
}

/* GET /api/v1/lists/adaptations — public. The adaptations an opening offers and a citizen
 * needs. */
int employment_api_list_adaptations(struct req *r)
{
	return list_reply(r, true);
}
