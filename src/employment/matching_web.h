/*
 * matching_web.h — matching's pages and JSON endpoints: the municipality's weights of the score
 * (/matchning/vaegte, /api/v1/matching/weights), and the writers the pages and endpoints of
 * citizens and openings use to show matches (HTML and JSON) and to answer matching's errors.
 * Layer: handlers of the employment capability.
 *
 * Wiring a list of matches, e.g. GET /api/v1/citizens/{id}/matches?purpose=matching&limit=20:
 *   read the citizen with citizens_get(..., purpose, ...) (access and audit), then
 *   rc = matching_openings(r->db, &r->a, &c, NULL, limit, &m, &n);
 *   return rc ? matching_api_fail(r, rc) : matching_api_reply_matches(r, m, n);
 * and GET /api/v1/openings/{id}/matches?purpose=matching (flag the route RF_PERSONAL: the call
 * writes its audit lines, one at least):
 *   rc = matching_citizens(r->db, &r->a, r->user, id, purpose, NULL, limit, &cm, &n);
 *   return rc ? matching_api_fail(r, rc) : matching_api_reply_citizen_matches(r, cm, n);
 */
#ifndef INDGANG_MATCHING_WEB_H
#define INDGANG_MATCHING_WEB_H

struct buf;
struct citizen_match;
struct json;
struct match;
struct match_reason;
struct req;

int matching_page_weights(struct req *r);
int matching_page_weights_post(struct req *r);
int matching_api_weights(struct req *r);
int matching_api_weights_put(struct req *r);
/* GET /api/v1/citizens/{id}/matches and GET /api/v1/openings/{id}/matches (matches_api.c) */
int citizens_api_matches(struct req *r);
int openings_api_matches(struct req *r);

/* matching_json_reasons: the member key (NULL in an array) as an array of
 * {"factor", "points", "text"}, in the order given (highest points first). */
void matching_json_reasons(struct json *w, const char *key, const struct match_reason *reasons,
                           int n);
/* matching_json_match: m as one object {"opening_id", "enterprise_id", "title",
 * "enterprise_name", "kommune", "score", "reasons"} (in an array: key NULL). */
void matching_json_match(struct json *w, const char *key, const struct match *m);
/* matching_json_citizen_match: m as one object {"citizen_id", "name", "score", "reasons"}; no
 * CPR number, masked or not. */
void matching_json_citizen_match(struct json *w, const char *key, const struct citizen_match *m);

/* matching_api_reply_matches / matching_api_reply_citizen_matches: 200 with
 * {"items": [...], "count": n}, items as the writers above, best first. Return 0. */
int matching_api_reply_matches(struct req *r, const struct match *m, int n);
int matching_api_reply_citizen_matches(struct req *r, const struct citizen_match *m, int n);

/* matching_api_fail: answers an error of matching_openings or matching_citizens: ERR_CONFLICT
 * (no consent) 409 naming the field consent_date with MATCHING_NO_CONSENT; ERR_INVALID without
 * field errors (the purpose) 422 naming the field purpose; anything else as api_fail. Returns
 * 0. */
int matching_api_fail(struct req *r, int rc);

/* matching_html_reasons: the reasons as a list for a page,
 * <ul class="reasons"><li>3 af 4 opgaver passer <span class="points">(23 point)</span></li>...,
 * nothing when n is 0. Every text escaped. */
void matching_html_reasons(struct buf *o, const struct match_reason *reasons, int n);

#endif
