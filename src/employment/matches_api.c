/*
 * matches_api.c — the lists of matches over the API: the openings that fit a citizen and the
 * citizens that fit an opening. Both are reads of personal data for a purpose, audited.
 * Layer: handlers of the employment capability.
 */
#include <stdlib.h>

#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/api.h"
#include "citizens.h"
#include "citizens_web.h"
#include "matching.h"
#include "matching_web.h"

/* ?limit, 1..100, default 20; false when the 400 answer is written */
static bool limit_or_reply(struct req *r, int *limit)
{
	const char *s = req_query(r, "limit");
	long long v = 20;
	if (s && text_parse_int(s, 1, 100, &v) != 0) {
		reply_api_error(r, 400, "bad_parameter", "limit must be a whole number from 1 to 100.", "limit");
		return false;
	}
	*limit = (int)v;
	return true;
}

/* GET /api/v1/citizens/{id}/matches?purpose=P[&limit=N] — the jobkonsulent of the citizen's
 * municipality: the open openings that fit the citizen by every hard rule, best first, each
 * with the reasons of its score. 409 naming consent_date when the citizen has not consented. */
int citizens_api_matches(struct req *r)
{
	if (citizens_access(r->user, r->user ? r->user->kommune : NULL) != 0)
		return api_fail(r, ERR_FORBIDDEN);
	const char *purpose = citizens_api_purpose_or_reply(r, NULL);
	int limit;
	if (!purpose || !limit_or_reply(r, &limit))
		return 0;
	struct citizen c;
	int rc = citizens_get(r->db, &r->a, r->user, req_param_int(r, "id"), purpose, false, &c);
	if (rc)
		return api_fail(r, rc);
	struct match *m;
	int n;
	rc = matching_openings(r->db, &r->a, &c, NULL, limit, &m, &n);
	return rc ? matching_api_fail(r, rc) : matching_api_reply_matches(r, m, n);
}

/* GET /api/v1/openings/{id}/matches?purpose=P[&limit=N] — a jobkonsulent: the citizens of its
 * own municipality that fit the opening, best first, each one an audited read. */
int openings_api_matches(struct req *r)
{
	if (citizens_access(r->user, r->user ? r->user->kommune : NULL) != 0)
		return api_fail(r, ERR_FORBIDDEN);
	const char *purpose = citizens_api_purpose_or_reply(r, NULL);
	int limit;
	if (!purpose || !limit_or_reply(r, &limit))
		return 0;
	struct citizen_match *m;
	int n;
	int rc = matching_citizens(r->db, &r->a, r->user, req_param_int(r, "id"), purpose, NULL, limit, &m, &n);
	return rc ? matching_api_fail(r, rc) : matching_api_reply_citizen_matches(r, m, n);
}
