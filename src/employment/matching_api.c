/*
 * matching_api.c — matching's JSON: the municipality's weights (GET and PUT
 * /api/v1/matching/weights), and the writers and error answer of the lists of matches that the
 * citizens' and openings' endpoints give.
 * Layer: handlers of the employment capability: talks to the matching domain, never to a store.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/api.h"
#include "matching.h"
#include "matching_web.h"

/* ================================================================ lists of matches */

void matching_json_reasons(struct json *w, const char *key, const struct match_reason *reasons,
                           int n)
{
	json_arr_open(w, key);
	for (int i = 0; i < n; i++) {
		json_obj_open(w, NULL);
		json_str(w, "factor", reasons[i].factor);
		json_int(w, "points", reasons[i].points);
		json_str(w, "text", reasons[i].text);
		json_obj_close(w);
	}
	json_arr_close(w);
}

void matching_json_match(struct json *w, const char *key, const struct match *m)
{
	json_obj_open(w, key);
	json_int(w, "opening_id", m->opening_id);
	json_int(w, "enterprise_id", m->enterprise_id);
	json_str(w, "title", m->title);
	json_str(w, "enterprise_name", m->enterprise_name);
	json_str(w, "kommune", m->kommune);
	json_int(w, "score", m->score);
	matching_json_reasons(w, "reasons", m->reasons, m->nreasons);
	json_obj_close(w);
}

void matching_json_citizen_match(struct json *w, const char *key, const struct citizen_match *m)
{
	json_obj_open(w, key);
	json_int(w, "citizen_id", m->citizen_id);
	json_str(w, "name", m->name);
	json_int(w, "score", m->score);
	matching_json_reasons(w, "reasons", m->reasons, m->nreasons);
	json_obj_close(w);
}

/* {"items": [ (the caller's items) ], "count": n} around write */
static void list_begin(struct req *r, struct json *w)
{
	buf_reset(&r->out);
	json_init(w, &r->out);
	json_obj_open(w, NULL);
	json_arr_open(w, "items");
}

static int list_end(struct req *r, struct json *w, int n)
{
	json_arr_close(w);
	json_int(w, "count", n);
	json_obj_close(w);
	return reply_json(r, 200);
}

int matching_api_reply_matches(struct req *r, const struct match *m, int n)
{
	struct json w;
	list_begin(r, &w);
	for (int i = 0; i < n; i++)
		matching_json_match(&w, NULL, &m[i]);
	return list_end(r, &w, n);
}

int matching_api_reply_citizen_matches(struct req *r, const struct citizen_match *m, int n)
{
	struct json w;
	list_begin(r, &w);
	for (int i = 0; i < n; i++)
		matching_json_citizen_match(&w, NULL, &m[i]);
	return list_end(r, &w, n);
}

int matching_api_fail(struct req *r, int rc)
{
	if (rc == ERR_CONFLICT)
		return reply_api_error(r, 409, "no_consent", MATCHING_NO_CONSENT, "consent_date");
	if (rc == ERR_INVALID && r->errs.n == 0)
		return reply_api_error(r, 422, "invalid", "purpose must be one of the purposes of a read.",
		                       "purpose");
	return api_fail(r, rc);
}

/* ================================================================ the weights */

/* the municipality asked about: ?kommune= (required for the national administrator), else the
 * caller's own; NULL when the 422 answer is written */
static const char *api_kommune_or_reply(struct req *r)
{
	const char *k = req_query(r, "kommune");
	if (access_national(r->user)) {
		if (!k || !text_is_digits(k, 3)) {
			reply_api_error(r, 422, "invalid",
			                "kommune (three digits) is required for the national administrator.",
			                "kommune");
			return NULL;
		}
		return k;
	}
	return k ? k : r->user->kommune;
}

/* {"kommune", "custom", "weights": {...}, "defaults": {...}} */
static int reply_weights(struct req *r, const char *kommune, const struct match_weights *w)
{
	struct json j;
	buf_reset(&r->out);
	json_init(&j, &r->out);
	json_obj_open(&j, NULL);
	json_str(&j, "kommune", kommune);
	json_bool(&j, "custom", w->custom);
	json_obj_open(&j, "weights");
	for (int i = 0; i < MATCH_FACTOR_COUNT; i++)
		json_int(&j, matching_factors[i].key, w->points[i]);
	json_obj_close(&j);
	json_obj_open(&j, "defaults");
	for (int i = 0; i < MATCH_FACTOR_COUNT; i++)
		json_int(&j, matching_factors[i].key, matching_factors[i].weight);
	json_obj_close(&j);
	json_obj_close(&j);
	return reply_json(r, 200);
}

/* GET /api/v1/matching/weights — admin (?kommune=KODE required), konsulent or jobkonsulent (its
 * own municipality; another named is 403). The weights in force, whether the municipality has
 * its own, and the defaults. */
int matching_api_weights(struct req *r)
{
	const char *kommune = api_kommune_or_reply(r);
	if (!kommune)
		return 0;
	if (access_match_settings(r->user, kommune) != 0)
		return api_fail(r, ERR_FORBIDDEN);
	struct match_weights w;
	int rc = matching_weights_get(r->db, kommune, &w);
	if (rc)
		return api_fail(r, rc);
	return reply_weights(r, kommune, &w);
}

/* the body's "weights" object over the defaults (PUT replaces: a factor not named gets its
 * default); field errors name the factor (or "weights") */
static void read_weights(struct req *r, json_t *body, struct match_weights *w)
{
	matching_weights_default(w);
	json_t *obj = json_object_get(body, "weights");
	if (!json_is_object(obj)) {
		errs_add(&r->errs, "weights", "weights must be an object of factors and whole numbers 0-100.");
		return;
	}
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		int k = matching_factor_parse(key);
		if (k < 0) {
			errs_add(&r->errs, arena_strdup(&r->a, key),
			         arena_printf(&r->a, "%s is not a factor of the score.", key));
			continue;
		}
		if (!json_is_integer(v)) {
			errs_add(&r->errs, matching_factors[k].key,
			         arena_printf(&r->a, "%s must be a whole number from 0 to 100.", key));
			continue;
		}
		json_int_t n = json_integer_value(v);
		w->points[k] = n < 0 || n > MATCH_WEIGHT_MAX ? -1 : (int)n; /* the domain names it */
	}
}

/* PUT /api/v1/matching/weights — as the GET, JSON body {"weights": {"tasks": 30, ...}}: every
 * factor named gets its weight, the others their default; {"weights": {}} is the defaults as
 * the municipality's own. 200 with the weights as the GET; 422 naming the first wrong factor. */
int matching_api_weights_put(struct req *r)
{
	const char *kommune = api_kommune_or_reply(r);
	if (!kommune)
		return 0;
	if (access_match_settings(r->user, kommune) != 0)
		return api_fail(r, ERR_FORBIDDEN);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct match_weights w;
	read_weights(r, body, &w);
	json_decref(body);
	if (r->errs.n)
		return api_fail(r, ERR_INVALID);
	int rc = matching_weights_set(r->db, r->user, kommune, &w, &r->errs);
	if (rc == 0)
		rc = matching_weights_get(r->db, kommune, &w);
	if (rc)
		return api_fail(r, rc);
	return reply_weights(r, kommune, &w);
}
