/*
 * citizens_api.c — the citizens' JSON endpoints. Every read names a purpose (?purpose= or the
 * body's "purpose"); the CPR number is answered masked, in full only from .../reveal.
 * Layer: handlers of the employment capability.
 */
#include <sodium.h>
#include <stddef.h>
#include <string.h>

#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../http/api.h"
#include "citizens.h"
#include "citizens_web.h"
#include "employment.h"

/* 503 when no key file is loaded: CPR numbers can be neither sealed nor read */
static int no_key(struct req *r)
{
	return reply_api_error(r, 503, "no_key",
	                       "CPR numbers are unavailable: the server was started without its key file.",
	                       NULL);
}

static int fail(struct req *r, int rc)
{
	if (rc == ERR_UNAVAILABLE && !cpr_keys_loaded())
		return no_key(r);
	return api_fail(r, rc);
}

const char *citizens_api_purpose_or_reply(struct req *r, const char *given)
{
	const char *p = given ? given : req_query(r, "purpose");
	if (citizens_purpose_valid(p))
		return p;
	errs_add(&r->errs, "purpose",
	         p ? "purpose must be one of matching, opfoelgning, visitation, aktindsigt, ajourfoering."
	           : "Every read of a citizen names its purpose: add purpose=matching (or opfoelgning, visitation, aktindsigt, ajourfoering).");
	api_fail(r, ERR_INVALID);
	return NULL;
}

/* an array of keys of a fixed list as its bits; absent leaves *bits */
static void read_flags(struct req *r, json_t *body, const char *name,
                       const struct employment_flag *list, int nlist, int *bits)
{
	const char *arr[CITIZEN_MAX_LIST];
	int n = -1;
	api_strings(r, body, name, arr, CITIZEN_MAX_LIST, &n);
	if (n < 0)
		return;
	*bits = 0;
	for (int i = 0; i < n; i++) {
		int bit = employment_flag_parse(list, nlist, arr[i]);
		if (!bit) {
			errs_add(&r->errs, name, arena_printf(&r->a, "Unknown %s key \"%s\".", name, arr[i]));
			return;
		}
		*bits |= bit;
	}
}

/* the members present in body over c (PATCH semantics); *cpr the CPR as typed, if given */
static void read_body(struct req *r, json_t *body, struct citizen *c, const char **cpr)
{
	static const struct api_text_member texts[] = {
		{"name", offsetof(struct citizen, name)},
		{"phone", offsetof(struct citizen, phone)},
		{"email", offsetof(struct citizen, email)},
		{"strengths", offsetof(struct citizen, strengths)},
		{"wishes", offsetof(struct citizen, wishes)},
		{"travel", offsetof(struct citizen, travel)},
		{"consent_date", offsetof(struct citizen, consent_date)},
		{"consent_scope", offsetof(struct citizen, consent_scope)},
	};
	api_text_members(r, body, c, texts, sizeof(texts) / sizeof(texts[0]));
	if (json_object_get(body, "cpr"))
		*cpr = api_member(r, body, "cpr");
	json_t *h = json_object_get(body, "hours_max");
	if (h && !json_is_integer(h))
		errs_add(&r->errs, "hours_max", "hours_max must be a whole number from 1 to 37.");
	else if (h)
		c->hours_max = json_integer_value(h) < 0 || json_integer_value(h) > 1000
			? 0 : (int)json_integer_value(h);
	api_strings(r, body, "tasks", c->tasks, CITIZEN_MAX_LIST, &c->ntasks);
	api_strings(r, body, "needs", c->needs, CITIZEN_MAX_LIST, &c->nneeds);
	read_flags(r, body, "schemes", employment_schemes, SCHEME_COUNT, &c->schemes);
	read_flags(r, body, "times", employment_times, TIME_COUNT, &c->times);
}

static void citizen_json(struct req *r, const struct citizen *c)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	citizens_json_members(&w, c);
	json_obj_close(&w);
}

/* POST /api/v1/citizens — the jobkonsulent of a municipality, for its own citizens.
 * {"name", "cpr", "tasks", "schemes", "hours_max", "times", "needs", "travel", "consent_date",
 * ...} → 201 {"id", "cpr": masked}. */
int citizens_api_create(struct req *r)
{
	if (citizens_access(r->user, r->user ? r->user->kommune : NULL) != 0)
		return api_fail(r, ERR_FORBIDDEN);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct citizen c = {0};
	c.hours_max = 37;
	c.times = TIME_ALL;
	const char *cpr = NULL;
	read_body(r, body, &c, &cpr);
	json_decref(body);
	if (r->errs.n)
		return api_fail(r, ERR_INVALID);
	int rc = citizens_save(r->db, &r->a, r->user, &c, cpr, &r->errs);
	if (rc)
		return fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", c.id);
	json_obj_close(&w);
	reply_header(r, "Location", arena_printf(&r->a, "/api/v1/citizens/%lld", (long long)c.id));
	return reply_json(r, 201);
}

/* GET /api/v1/citizens?purpose=P[&name=][&sort=name|created|active] — the jobkonsulent's
 * municipality's citizens, each listed one an audited read. */
int citizens_api_list(struct req *r)
{
	if (citizens_access(r->user, r->user ? r->user->kommune : NULL) != 0)
		return api_fail(r, ERR_FORBIDDEN);
	const char *purpose = citizens_api_purpose_or_reply(r, NULL);
	if (!purpose)
		return 0;
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	struct citizens_query q = {.name = req_query(r, "name"), .limit = limit, .offset = offset};
	const char *sort = req_query(r, "sort");
	if (sort && strcmp(sort, "name") && strcmp(sort, "created") && strcmp(sort, "active"))
		return reply_api_error(r, 400, "bad_parameter", "sort must be name, created or active.", "sort");
	q.sort = !sort || !strcmp(sort, "name") ? 0 : !strcmp(sort, "created") ? 1 : 2;
	struct citizen_item *items;
	int n, total;
	int rc = citizens_list(r->db, &r->a, r->user, &q, purpose, &items, &n, &total);
	if (rc)
		return fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		json_int(&w, "id", items[i].id);
		json_str(&w, "name", items[i].name);
		json_str(&w, "cpr", *items[i].cpr_masked ? items[i].cpr_masked : NULL);
		json_str(&w, "active_at", items[i].active_at);
		json_int(&w, "open_placements", items[i].placements_open);
		json_obj_close(&w);
	}
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* POST /api/v1/citizens/search {"cpr", "purpose"} — the citizen of the caller's municipality
 * with that CPR number (a CPR never travels in a URL): {"items": [...]} with 0 or 1 item. */
int citizens_api_search(struct req *r)
{
	if (citizens_access(r->user, r->user ? r->user->kommune : NULL) != 0)
		return api_fail(r, ERR_FORBIDDEN);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	const char *cpr = api_member(r, body, "cpr");
	const char *given = api_member(r, body, "purpose");
	given = given ? arena_strdup(&r->a, given) : NULL;
	cpr = cpr ? arena_strdup(&r->a, cpr) : NULL;
	json_decref(body);
	if (r->errs.n)
		return api_fail(r, ERR_INVALID);
	const char *purpose = citizens_api_purpose_or_reply(r, given ? given : "");
	if (!purpose)
		return 0;
	char digits[CPR_DIGITS + 1];
	if (!cpr || !cpr_normalize(cpr, digits)) {
		errs_add(&r->errs, "cpr", "cpr must be 10 digits (DDMMYY-XXXX) with a real birth date.");
		return api_fail(r, ERR_INVALID);
	}
	struct citizens_query q = {.cpr = cpr, .limit = 1};
	struct citizen_item *items;
	int n, total;
	int rc = citizens_list(r->db, &r->a, r->user, &q, purpose, &items, &n, &total);
	if (rc)
		return fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		json_int(&w, "id", items[i].id);
		json_str(&w, "name", items[i].name);
		json_str(&w, "cpr", *items[i].cpr_masked ? items[i].cpr_masked : NULL);
		json_obj_close(&w);
	}
	api_list_end(r, &w, total, 1, 0);
	return 0;
}

/* GET /api/v1/citizens/{id}?purpose=P — the citizen, CPR masked. 422 without a purpose;
 * 403 for anyone but the jobkonsulent of the citizen's municipality. */
int citizens_api_get(struct req *r)
{
	if (citizens_access(r->user, r->user ? r->user->kommune : NULL) != 0)
		return api_fail(r, ERR_FORBIDDEN);
	const char *purpose = citizens_api_purpose_or_reply(r, NULL);
	if (!purpose)
		return 0;
	struct citizen c;
	int rc = citizens_get(r->db, &r->a, r->user, req_param_int(r, "id"), purpose, false, &c);
	if (rc)
		return fail(r, rc);
	citizen_json(r, &c);
	return reply_json(r, 200);
}

/* PATCH /api/v1/citizens/{id} — members as for POST; absent ones unchanged; "cpr" replaces the
 * number. Read for the purpose ajourfoering. */
int citizens_api_update(struct req *r)
{
	if (citizens_access(r->user, r->user ? r->user->kommune : NULL) != 0)
		return api_fail(r, ERR_FORBIDDEN);
	struct citizen c;
	int rc = citizens_get(r->db, &r->a, r->user, req_param_int(r, "id"), "ajourfoering", false, &c);
	if (rc)
		return fail(r, rc);
	if (c.anonymized)
		return reply_api_error(r, 409, "anonymized", "The citizen is anonymized and cannot be changed.", NULL);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	const char *cpr = NULL;
	read_body(r, body, &c, &cpr);
	cpr = cpr ? arena_strdup(&r->a, cpr) : NULL;
	json_decref(body);
	if (r->errs.n)
		return api_fail(r, ERR_INVALID);
	if ((rc = citizens_save(r->db, &r->a, r->user, &c, cpr, &r->errs)) != 0)
		return fail(r, rc);
	if ((rc = citizens_get(r->db, &r->a, r->user, c.id, "ajourfoering", false, &c)) != 0)
		return fail(r, rc);
	citizen_json(r, &c);
	return reply_json(r, 200);
}

/* POST /api/v1/citizens/{id}/reveal {"purpose"} — the CPR number in full, audited as a reveal:
 * {"id", "cpr": "DDMMYYXXXX"}. */
int citizens_api_reveal(struct req *r)
{
	if (citizens_access(r->user, r->user ? r->user->kommune : NULL) != 0)
		return api_fail(r, ERR_FORBIDDEN);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	const char *given = api_member(r, body, "purpose");
	given = arena_strdup(&r->a, given ? given : "");
	json_decref(body);
	const char *purpose = citizens_api_purpose_or_reply(r, given);
	if (!purpose)
		return 0;
	struct citizen c;
	int rc = citizens_get(r->db, &r->a, r->user, req_param_int(r, "id"), purpose, true, &c);
	if (rc)
		return fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", c.id);
	json_str(&w, "cpr", c.cpr);
	json_obj_close(&w);
	sodium_memzero(c.cpr, sizeof c.cpr);
	reply_header(r, "Cache-Control", "no-store");
	return reply_json(r, 200);
}
