/*
 * surveys_api.c — a round's report as JSON. Layer: handlers of the surveys capability.
 */
#include "surveys_web.h"

#include "../auth/access.h"
#include "../base/err.h"
#include "../http/api.h"
#include "surveys.h"

/* GET /api/v1/surveys/{survey}/rounds/{round}/report — admin. The report as JSON. */
int surveys_api_report(struct req *r)
{
	if (!access_national(r->user))
		return api_fail(r, ERR_FORBIDDEN);
	struct survey s;
	struct round rd;
	int rc = surveys_web_load_round(r, &s, &rd);
	if (rc)
		return api_fail(r, rc);
	struct report rep;
	rc = surveys_report(r->db, &r->a, &s, &rd, &rep);
	if (rc)
		return api_fail(r, rc);
	surveys_report_json(&r->out, &rep);
	return reply_json(r, 200);
}
