/*
 * kommune_api.c — the municipalities as JSON. Layer: handlers of the kommune capability.
 */
#include "kommune_web.h"

#include "../base/err.h"
#include "../http/api.h"
#include "../view/json.h"
#include "kommune.h"

/* GET /api/v1/kommuner — public. All 98 in one answer, in the list envelope. */
int kommune_api_list(struct req *r)
{
	struct kommune *ks;
	int n;
	if (kommune_list(r->db, &r->a, &ks, &n) != 0)
		return api_fail(r, ERR_DB);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		json_str(&w, "kode", ks[i].kode);
		json_str(&w, "navn", ks[i].navn);
		json_str(&w, "region", ks[i].region);
		json_obj_close(&w);
	}
	api_list_end(r, &w, n, n, 0);
	return 0;
}
