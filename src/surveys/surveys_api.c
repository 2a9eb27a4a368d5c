/*
 * surveys_api.c — a round's report as JSON. Layer: handlers of the surveys capability.
 */
#include "surveys_web.h"

#include <stdbool.h>

#include "../auth/access.h"
#include "../base/err.h"
#include "../http/api.h"
#include "surveys.h"

/* GET /api/v1/surveys/{survey}/rounds/{round}/report[?compare=ROUND] — the administrator and
 * every municipality's staff (access_national_figures). The report as
 * JSON; with compare, the second round's counts beside the first's (surveys_report_json). */
int surveys_api_report(struct req *r)
{
	if (access_national_figures(r->user) != 0)
		return api_fail(r, ERR_FORBIDDEN);
	struct survey s;
	struct round rd, cmp;
	int rc = surveys_web_load_round(r, &s, &rd);
	if (rc)
		return api_fail(r, rc);
	const char *other = req_query(r, "compare");
	bool compare = other && *other;
	if (compare && surveys_round(r->db, &r->a, &s, other, &cmp) != 0)
		return reply_api_error(r, 404, "not_found", "The survey has no round with that code.", "compare");
	struct report rep, crep;
	rc = surveys_report(r->db, &r->a, &s, &rd, &rep);
	if (rc == 0 && compare)
		rc = surveys_report(r->db, &r->a, &s, &cmp, &crep);
	if (rc)
		return api_fail(r, rc);
	surveys_report_json(&r->out, &rep, compare ? &crep : NULL);
	return reply_json(r, 200);
}
