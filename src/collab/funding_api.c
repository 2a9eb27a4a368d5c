/*
 * funding_api.c — the JSON endpoints of the funding catalogue and of the sources suggested on
 * an inquiry. Amounts are strings of kroner ("50000.00"), null when not given.
 * Layer: handlers of the collab capability; funding.h holds every rule and the access decision.
 */
#include <string.h>

#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/api.h"
#include "funding.h"
#include "funding_web.h"

static void amount_json(struct json *w, const char *key, int64_t ore)
{
	char t[MONEY_TEXT];
	if (ore < 0)
		json_null_at(w, key);
	else
		json_str(w, key, money_api(t, ore));
}

static void source_json(struct json *w, const struct funding_source *s)
{
	json_obj_open(w, NULL);
	json_int(w, "id", s->id);
	json_str(w, "kommune", s->kommune);
	json_str(w, "kommune_navn", s->kommune_navn);
	json_str(w, "kind", s->kind);
	json_str(w, "title", s->title);
	json_str(w, "description", s->description);
	amount_json(w, "amount_min", s->amount_min_ore);
	amount_json(w, "amount_max", s->amount_max_ore);
	json_str(w, "deadline", s->deadline);
	json_str(w, "recurring", s->recurring);
	json_str(w, "eligible", s->eligible);
	json_str(w, "url", s->url);
	json_bool(w, "public", s->public_);
	json_str(w, "created_at", s->created_at);
	json_str(w, "updated_at", s->updated_at);
	json_obj_close(w);
}

static int reply_source(struct req *r, const struct funding_source *s, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	source_json(&w, s);
	if (status == 201)
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/funding/%lld", (long long)s->id));
	return reply_json(r, status);
}

/* GET /api/v1/funding — public. ?q, kind, within_days, sort (deadline|title), limit, offset.
 * The public sources; a municipality's staff see theirs and the national ones besides. */
int funding_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	struct funding_query q = {.limit = limit, .offset = offset};
	q.q = req_query(r, "q");
	q.kind = req_query(r, "kind");
	if (q.kind && *q.kind && !*funding_kind_da(q.kind))
		return reply_api_error(r, 400, "bad_parameter",
		                       "kind must be fond, offentlig_pulje, bank, lag, crowdfunding or andet.", "kind");
	const char *d = req_query(r, "within_days");
	long long days = 0;
	if (d && *d && text_parse_int(d, 1, 3650, &days) != 0)
		return reply_api_error(r, 400, "bad_parameter", "within_days must be 1 to 3650.", "within_days");
	q.within_days = (int)days;
	const char *sort = req_query(r, "sort");
	if (sort && *sort && strcmp(sort, "deadline") && strcmp(sort, "title"))
		return reply_api_error(r, 400, "bad_parameter", "sort must be deadline or title.", "sort");
	q.sort = sort && !strcmp(sort, "title") ? FUNDING_BY_TITLE : FUNDING_BY_DEADLINE;
	struct funding_source *items;
	int n, total;
	int rc = funding_search(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		source_json(&w, &items[i]);
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* an amount member: absent keeps *ore, null clears it (-1), not an amount is -2 with an error */
static void read_amount(struct req *r, json_t *body, const char *name, int64_t *ore)
{
	json_t *v = json_object_get(body, name);
	if (!v)
		return;
	if (json_is_null(v)) {
		*ore = -1;
		return;
	}
	if (!json_is_string(v) || money_parse(json_string_value(v), 0, ore) != 0) {
		*ore = -2;
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be an amount such as \"50000.00\".", name));
	}
}

/* the members of body over s (PATCH semantics) */
static void read_source(struct req *r, json_t *body, struct funding_source *s)
{
	static const struct api_text_member texts[] = {
		{"kind", offsetof(struct funding_source, kind)},
		{"title", offsetof(struct funding_source, title)},
		{"description", offsetof(struct funding_source, description)},
		{"recurring", offsetof(struct funding_source, recurring)},
		{"eligible", offsetof(struct funding_source, eligible)},
		{"url", offsetof(struct funding_source, url)},
	};
	api_text_members(r, body, s, texts, sizeof(texts) / sizeof(texts[0]));
	json_t *d = json_object_get(body, "deadline");
	if (d && json_is_null(d))
		s->deadline = NULL;
	else if (d)
		s->deadline = api_member(r, body, "deadline");
	read_amount(r, body, "amount_min", &s->amount_min_ore);
	read_amount(r, body, "amount_max", &s->amount_max_ore);
	json_t *p = json_object_get(body, "public");
	if (p && !json_is_boolean(p))
		errs_add(&r->errs, "public", "public must be true or false.");
	else if (p)
		s->public_ = json_is_true(p);
}

/* POST /api/v1/funding — the administrator (national, "kommune": null or absent) or a
 * konsulent or jobkonsulent (their municipality's; absent kommune is their own). {"kind",
 * "title", "description", "amount_min", "amount_max", "deadline", "recurring", "eligible",
 * "url", "public"}. 201; 422 naming the field; 403. */
int funding_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct funding_source s = {.amount_min_ore = -1, .amount_max_ore = -1};
	json_t *k = json_object_get(body, "kommune");
	if (!k)
		s.kommune = r->user ? r->user->kommune : NULL;
	else if (!json_is_null(k))
		s.kommune = api_member(r, body, "kommune");
	read_source(r, body, &s);
	json_decref(body);
	int rc = funding_save(r->db, &r->a, r->user, &s, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_source(r, &s, 201);
}

/* GET /api/v1/funding/{id} — public when the source is; otherwise who may read it. */
int funding_api_get(struct req *r)
{
	struct funding_source s;
	int rc = funding_get(r->db, &r->a, r->user, req_param_int(r, "id"), &s);
	if (rc)
		return api_fail(r, rc);
	return reply_source(r, &s, 200);
}

/* PATCH /api/v1/funding/{id} — who may change it; the members of POST. */
int funding_api_update(struct req *r)
{
	struct funding_source s;
	int rc = funding_get(r->db, &r->a, r->user, req_param_int(r, "id"), &s);
	if (rc == 0 && !funding_may_write(r->user, s.kommune))
		rc = ERR_FORBIDDEN;
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_source(r, body, &s);
	json_decref(body);
	rc = funding_save(r->db, &r->a, r->user, &s, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_source(r, &s, 200);
}

/* DELETE /api/v1/funding/{id} — who may change it. 204. */
int funding_api_delete(struct req *r)
{
	int rc = funding_delete(r->db, &r->a, r->user, req_param_int(r, "id"));
	if (rc)
		return api_fail(r, rc);
	buf_reset(&r->out);
	return reply_json(r, 204);
}

static int reply_suggestions(struct req *r, int64_t inquiry_id, int status)
{
	const char *topic;
	struct funding_source *items;
	int n;
	int rc = funding_suggestions(r->db, &r->a, r->user, inquiry_id, &topic, &items, &n);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "inquiry_id", inquiry_id);
	json_arr_open(&w, "items");
	for (int i = 0; i < n; i++)
		source_json(&w, &items[i]);
	json_arr_close(&w);
	json_obj_close(&w);
	return reply_json(r, status);
}

/* POST /api/v1/inquiries/{id}/funding — who may work on the case. {"source_id"}: suggests the
 * source on an inquiry of topic funding. 201 with the suggestions; 422 source_id or topic. */
int funding_api_suggest(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	json_t *v = json_object_get(body, "source_id");
	int64_t source = json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
	json_decref(body);
	int64_t id = req_param_int(r, "id");
	int rc = funding_suggest(r->db, &r->a, r->user, id, source, true, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_suggestions(r, id, 201);
}

/* DELETE /api/v1/inquiries/{id}/funding/{source} — who may work on the case. 200 with the
 * suggestions left; 422 source_id when it was not suggested. */
int funding_api_unsuggest(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	int rc = funding_suggest(r->db, &r->a, r->user, id, req_param_int(r, "source"), false, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_suggestions(r, id, 200);
}
