/*
 * audit_api.c — the audit log as JSON. Layer: handlers of the auth capability.
 */
#include "auth_web.h"

#include "../base/err.h"
#include "../http/api.h"
#include "../view/json.h"
#include "access.h"
#include "audit.h"

/* GET /api/v1/audit — admin. Same filters as the page; paginated. */
int audit_api_list(struct req *r)
{
	if (access_allowed(r->user, ACC_NATIONAL, NULL) != 0)
		return api_fail(r, ERR_FORBIDDEN);
	struct audit_filter f;
	audit_web_filter(r, &f);
	if (!api_paging_or_reply(r, &f.limit, &f.offset))
		return 0;
	struct audit_row *rows = NULL;
	int n = 0, total = 0;
	int rc = audit_list(r->db, &r->a, &f, &rows, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		audit_row_json(&w, &rows[i]);
	api_list_end(r, &w, total, f.limit, f.offset);
	return 0;
}
