/*
 * openings_api.c — the JSON endpoints of openings (stillinger og pladser).
 * Layer: handlers of the employment capability. The body's members are read into a struct
 * opening (type errors become field errors); openings_save() holds every rule and the access
 * decision. Schemes and times travel as arrays of keys, stored as bits.
 */
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "../base/err.h"
#include "../base/errs.h"
#include "../http/api.h"
#include "openings.h"
#include "openings_web.h"

/* keys[0..n) as the array member key */
static void keys_json(struct json *w, const char *key, const char *const *keys, int n)
{
	json_arr_open(w, key);
	for (int i = 0; i < n; i++)
		json_str(w, NULL, keys[i]);
	json_arr_close(w);
}

/* the keys of the bits of list set in bits, in the list's order, as the array member key */
static void flags_json(struct json *w, const char *key, const struct employment_flag *list,
                       int nlist, int bits)
{
	json_arr_open(w, key);
	for (int i = 0; i < nlist; i++)
		if (bits & list[i].bit)
			json_str(w, NULL, list[i].key);
	json_arr_close(w);
}

/* one opening as a JSON object in w: the members POST takes, and id, enterprise_name, kommune,
 * status, created_at and updated_at */
static void opening_json(struct json *w, const struct opening *o)
{
	json_obj_open(w, NULL);
	json_int(w, "id", o->id);
	json_int(w, "enterprise_id", o->enterprise_id);
	json_str(w, "enterprise_name", o->enterprise_name);
	json_str(w, "kommune", o->kommune);
	json_str(w, "title", o->title);
	json_str(w, "description", o->description);
	json_str(w, "disco", o->disco);
	keys_json(w, "tasks", o->tasks, o->ntasks);
	flags_json(w, "schemes", employment_schemes, SCHEME_COUNT, o->schemes);
	json_int(w, "hours_min", o->hours_min);
	json_int(w, "hours_max", o->hours_max);
	flags_json(w, "times", employment_times, TIME_COUNT, o->times);
	keys_json(w, "adaptations", o->adaptations, o->nadaptations);
	json_bool(w, "inhouse", o->inhouse);
	json_int(w, "seats", o->seats);
	json_str(w, "status", o->status);
	json_str(w, "starts", o->starts);
	json_str(w, "ends", o->ends);
	json_str(w, "created_at", o->created_at);
	json_str(w, "updated_at", o->updated_at);
	json_obj_close(w);
}

/* answers o with status (201 adds its Location) */
static int reply_opening(struct req *r, const struct opening *o, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	opening_json(&w, o);
	if (status == 201)
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/openings/%lld", (long long)o->id));
	return reply_json(r, status);
}

/* GET /api/v1/openings — any signed-in user; each sees the openings access_openings_scope
 * gives it (a virksomhed only its own enterprise's). ?kommune, enterprise, status, scheme, task,
 * sort=newest|title, limit, offset. {"items": [...], "total", "limit", "offset"}. */
int openings_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	struct openings_query q;
	const char *bad = openings_query_from(r, &q, limit);
	if (bad)
		return reply_api_error(r, 400, "bad_parameter",
		                       arena_printf(&r->a, "%s has a value this list does not know.", bad), bad);
	q.offset = offset;
	struct opening *items;
	int n, total;
	int rc = openings_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		opening_json(&w, &items[i]);
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* GET /api/v1/openings/{id} — who may read it (access_openings): 404, 403. */
int openings_api_get(struct req *r)
{
	struct opening o;
	int rc = openings_get(r->db, &r->a, r->user, req_param_int(r, "id"), &o);
	if (rc)
		return api_fail(r, rc);
	return reply_opening(r, &o, 200);
}

/* an array of at most OPENINGS_MAX_LIST strings, member name of body, into a fresh array (by
 * api_strings); a member absent or null leaves *keys and *n as they are */
static void read_keys(struct req *r, json_t *body, const char *name, const char ***keys, int *n)
{
	const char **out = arena_alloc(&r->a, sizeof(*out) * (OPENINGS_MAX_LIST + 1));
	int count = -1;
	api_strings(r, body, name, out, OPENINGS_MAX_LIST, &count);
	if (count < 0 || errs_get(&r->errs, name))
		return;
	*keys = out;
	*n = count;
}

/* an array of keys of a fixed list, member name of body, as bits into *bits */
static void read_flags(struct req *r, json_t *body, const char *name,
                       const struct employment_flag *list, int nlist, int *bits)
{
	const char **keys = NULL;
	int n = -1;
	read_keys(r, body, name, &keys, &n);
	if (n >= 0)
		*bits = openings_flags(&r->a, list, nlist, keys, n, name, &r->errs);
}

/* a whole-number member; one outside int's range becomes -1, which no field accepts */
static void read_int(struct req *r, json_t *body, const char *name, int *out)
{
	json_t *v = json_object_get(body, name);
	if (!v)
		return;
	if (!json_is_integer(v)) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be a whole number.", name));
		return;
	}
	json_int_t x = json_integer_value(v);
	*out = x < INT_MIN || x > INT_MAX ? -1 : (int)x;
}

/* the members present in body over o (absent members keep o's values: PATCH semantics) */
static void read_body(struct req *r, json_t *body, struct opening *o)
{
	static const struct api_text_member texts[] = {
		{"title", offsetof(struct opening, title)},
		{"description", offsetof(struct opening, description)},
		{"disco", offsetof(struct opening, disco)},
		{"status", offsetof(struct opening, status)},
		{"starts", offsetof(struct opening, starts)},
		{"ends", offsetof(struct opening, ends)},
	};
	api_text_members(r, body, o, texts, sizeof(texts) / sizeof(texts[0]));
	json_t *e = json_object_get(body, "enterprise_id");
	if (e && !json_is_integer(e))
		errs_add(&r->errs, "enterprise_id", "enterprise_id must be a whole number.");
	else if (e)
		o->enterprise_id = json_integer_value(e) > 0 ? (int64_t)json_integer_value(e) : -1;
	read_keys(r, body, "tasks", &o->tasks, &o->ntasks);
	read_flags(r, body, "schemes", employment_schemes, SCHEME_COUNT, &o->schemes);
	read_int(r, body, "hours_min", &o->hours_min);
	read_int(r, body, "hours_max", &o->hours_max);
	read_flags(r, body, "times", employment_times, TIME_COUNT, &o->times);
	read_keys(r, body, "adaptations", &o->adaptations, &o->nadaptations);
	json_t *v = json_object_get(body, "inhouse");
	if (v && !json_is_boolean(v))
		errs_add(&r->errs, "inhouse", "inhouse must be true or false.");
	else if (v)
		o->inhouse = json_is_true(v);
	read_int(r, body, "seats", &o->seats);
}

/* POST /api/v1/openings — who may write at the enterprise (access_openings): the konsulent or
 * jobkonsulent of its home municipality, its own virksomhed user, the administrator.
 * {"enterprise_id", "title", "tasks", "schemes", "hours_min", "hours_max", "times",
 * "adaptations", "inhouse", "seats" (default 1), "disco", "description", "starts", "ends",
 * "status" (default open)}. 201 with the opening; 422 naming the field; 403 for another
 * municipality's enterprise. */
int openings_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct opening o = {.seats = 1};
	read_body(r, body, &o);
	json_decref(body);
	/* the type errors read_body found are the save's too: it answers 403 before them */
	int rc = openings_save(r->db, &r->a, r->user, &o, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_opening(r, &o, 201);
}

/* PATCH /api/v1/openings/{id} — who may write it. Members as for POST, status among them;
 * absent members are unchanged; enterprise_id may only repeat the opening's own. 200 with the
 * opening. */
int openings_api_update(struct req *r)
{
	struct opening o;
	int rc = openings_get(r->db, &r->a, r->user, req_param_int(r, "id"), &o);
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_body(r, body, &o);
	json_decref(body);
	rc = openings_save(r->db, &r->a, r->user, &o, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_opening(r, &o, 200);
}
