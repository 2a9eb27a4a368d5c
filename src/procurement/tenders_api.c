/*
 * tenders_api.c — the JSON endpoints of tenders: the list, one tender, create, change,
 * publish, cancel, questions and answers.
 * Layer: handlers of the procurement capability. The body's members are read into a struct
 * tender (type errors become field errors); tenders_save() holds every rule and the access
 * decision. Amounts travel as decimal strings ("1250000.00"), deadlines as Danish local time in
 * and both UTC and local time out.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../http/api.h"
#include "cpv.h"
#include "tenders.h"
#include "tenders_web.h"

/* a stored UTC time as the members key (UTC) and key_local (Danish time) */
static void time_json(struct json *w, const char *key, const char *local_key, const char *utc)
{
	char local[17];
	json_str(w, key, utc);
	json_str(w, local_key, utc && tenders_utc_to_local(utc, local) == 0 ? local : NULL);
}

/* one tender as JSON; staff get the number of bids received */
static void tender_json(struct req *r, struct json *w, const struct tender *t, bool full)
{
	char money[MONEY_TEXT];
	json_obj_open(w, NULL);
	json_int(w, "id", t->id);
	json_str(w, "kommune", t->kommune);
	json_str(w, "kommune_navn", t->kommune_navn);
	json_str(w, "title", t->title);
	json_str(w, "status", t->state);
	json_str(w, "procedure", t->procedure);
	json_str(w, "procedure_label", tenders_procedure_label(t->procedure));
	json_str(w, "published", t->published);
	time_json(w, "questions_deadline", "questions_deadline_local", t->questions_deadline);
	time_json(w, "deadline", "deadline_local", t->deadline);
	json_str(w, "cpv", t->cpv);
	const struct cpv_code *c = t->cpv ? cpv_find(t->cpv) : NULL;
	json_str(w, "cpv_label", c ? c->label : NULL);
	json_str(w, "estimate", t->estimate_ore >= 0 ? money_api(money, t->estimate_ore) : NULL);
	if (t->awarded_bid_id)
		json_int(w, "awarded_bid_id", t->awarded_bid_id);
	if (tenders_staff(r->user, t, NULL))
		json_int(w, "bids_received", t->nbids);
	if (full) {
		json_str(w, "object", t->object);
		json_str(w, "description", t->description);
		json_arr_open(w, "criteria");
		for (int i = 0; i < t->ncriteria; i++) {
			json_obj_open(w, NULL);
			json_str(w, "key", t->criteria[i].key);
			json_str(w, "name", t->criteria[i].name);
			json_int(w, "weight", t->criteria[i].weight);
			json_bool(w, "price", t->criteria[i].is_price);
			json_obj_close(w);
		}
		json_arr_close(w);
		json_arr_open(w, "social_clauses");
		for (int i = 0; i < t->nclauses; i++) {
			json_obj_open(w, NULL);
			json_str(w, "kind", t->clauses[i].kind);
			json_str(w, "text", t->clauses[i].text);
			json_obj_close(w);
		}
		json_arr_close(w);
	}
	json_obj_close(w);
}

static int reply_tender(struct req *r, const struct tender *t, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	tender_json(r, &w, t, true);
	if (status == 201)
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/tenders/%lld", (long long)t->id));
	return reply_json(r, status);
}

/* GET /api/v1/tenders — public: published tenders with open deadlines and those awarded in the
 * last 180 days. ?scope=staff (the municipality's purchasing staff, the administrator): every
 * tender of the caller's municipality, ?status= one state. limit, offset. */
int tenders_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	const char *scope = req_query(r, "scope");
	struct tenders_query q = {.scope = TENDERS_PUBLIC, .limit = limit, .offset = offset};
	if (scope && !strcmp(scope, "staff")) {
		q.scope = TENDERS_STAFF;
		q.state = req_query(r, "status");
		if (q.state && !*q.state)
			q.state = NULL;
	} else if (scope && strcmp(scope, "public") != 0) {
		return reply_api_error(r, 400, "bad_parameter", "scope must be public or staff.", "scope");
	}
	struct tender *items;
	int n, total;
	int rc = tenders_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		tender_json(r, &w, &items[i], false);
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* GET /api/v1/tenders/{id} — public once published; a draft only for its staff (404). */
int tenders_api_get(struct req *r)
{
	struct tender t;
	int rc = tenders_get(r->db, &r->a, r->user, req_param_int(r, "id"), &t);
	if (rc)
		return api_fail(r, rc);
	return reply_tender(r, &t, 200);
}

/* the criteria member: [{"name", "weight", "price"?}] */
static void read_criteria(struct req *r, json_t *body, struct tender *t)
{
	json_t *v = json_object_get(body, "criteria");
	if (!v)
		return;
	if (!json_is_array(v) || json_array_size(v) > TENDERS_MAX_CRITERIA) {
		errs_add(&r->errs, "criteria", "criteria must be an array of at most 10 objects "
		                               "{\"name\", \"weight\"}.");
		return;
	}
	t->ncriteria = (int)json_array_size(v);
	t->criteria = arena_alloc(&r->a, sizeof(*t->criteria) * (size_t)(t->ncriteria + 1));
	size_t i;
	json_t *it;
	json_array_foreach(v, i, it) {
		json_t *name = json_object_get(it, "name"), *weight = json_object_get(it, "weight");
		json_t *price = json_object_get(it, "price");
		if (!json_is_object(it) || !json_is_string(name) || !json_is_integer(weight) ||
		    (price && !json_is_boolean(price))) {
			errs_add(&r->errs, "criteria", "Each criterion must be {\"name\": text, \"weight\": a whole "
			                               "number, \"price\": true|false (optional)}.");
			t->ncriteria = 0;
			return;
		}
		json_int_t wv = json_integer_value(weight);
		t->criteria[i] = (struct tender_criterion){
			.name = arena_strdup(&r->a, json_string_value(name)),
			.weight = wv < 0 || wv > 1000 ? -1 : (int)wv,
			.is_price = price && json_is_true(price),
		};
	}
}

/* the social_clauses member: strings, or objects {"kind", "text"} */
static void read_clauses(struct req *r, json_t *body, struct tender *t)
{
	json_t *v = json_object_get(body, "social_clauses");
	if (!v)
		return;
	if (!json_is_array(v) || json_array_size(v) > TENDERS_MAX_CLAUSES) {
		errs_add(&r->errs, "social_clauses", "social_clauses must be an array of at most 10 texts or "
		                                     "objects {\"kind\", \"text\"}.");
		return;
	}
	t->nclauses = (int)json_array_size(v);
	t->clauses = arena_alloc(&r->a, sizeof(*t->clauses) * (size_t)(t->nclauses + 1));
	size_t i;
	json_t *it;
	json_array_foreach(v, i, it) {
		json_t *kind = json_object_get(it, "kind"), *text = json_object_get(it, "text");
		if (json_is_string(it)) {
			t->clauses[i] = (struct tender_clause){"andet", arena_strdup(&r->a, json_string_value(it))};
		} else if (json_is_object(it) && json_is_string(text) && (!kind || json_is_string(kind))) {
			t->clauses[i] = (struct tender_clause){
				kind ? arena_strdup(&r->a, json_string_value(kind)) : "andet",
				arena_strdup(&r->a, json_string_value(text))};
		} else {
			errs_add(&r->errs, "social_clauses", "Each social clause must be a text or "
			                                     "{\"kind\", \"text\"}.");
			t->nclauses = 0;
			return;
		}
	}
}

/* the members present in body over t (absent ones keep t's values). Deadlines come as Danish
 * local time; t's stored ones are given back in local time first, so an absent member keeps
 * its value through tenders_validate's conversion. */
static void read_body(struct req *r, json_t *body, struct tender *t)
{
	char local[17];
	if (t->deadline && tenders_utc_to_local(t->deadline, local) == 0)
		t->deadline = arena_strdup(&r->a, local);
	if (t->questions_deadline && tenders_utc_to_local(t->questions_deadline, local) == 0)
		t->questions_deadline = arena_strdup(&r->a, local);
	static const struct api_text_member texts[] = {
		{"kommune", offsetof(struct tender, kommune)},
		{"title", offsetof(struct tender, title)},
		{"object", offsetof(struct tender, object)},
		{"description", offsetof(struct tender, description)},
		{"cpv", offsetof(struct tender, cpv)},
		{"procedure", offsetof(struct tender, procedure)},
		{"questions_deadline", offsetof(struct tender, questions_deadline)},
		{"deadline", offsetof(struct tender, deadline)},
	};
	api_text_members(r, body, t, texts, sizeof(texts) / sizeof(texts[0]));
	json_t *e = json_object_get(body, "estimate");
	if (e && json_is_null(e)) {
		t->estimate_ore = -1;
	} else if (e) {
		const char *s = api_member(r, body, "estimate");
		int64_t ore;
		if (s && money_parse(s, 0, &ore) == 0)
			t->estimate_ore = ore;
		else if (s)
			errs_add(&r->errs, "estimate", "estimate must be an amount in kroner as a string, "
			                               "e.g. \"1250000.00\".");
	}
	read_criteria(r, body, t);
	read_clauses(r, body, t);
}

/* POST /api/v1/tenders — the purchasing staff of kommune (access_procurement ACC_WRITE).
 * {"kommune" (default the caller's), "title", "procedure", "deadline" (Danish local time
 * "2026-12-01T12:00"), "criteria": [{"name", "weight", "price"?}], "social_clauses": [text |
 * {"kind", "text"}], "object", "description", "cpv", "estimate", "questions_deadline"}.
 * 201 with the tender (a draft); 422 naming the field (weights not summing to 100: criteria);
 * 403 for another municipality. */
int tenders_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct tender t = {.estimate_ore = -1, .kommune = r->user ? r->user->kommune : NULL};
	read_body(r, body, &t);
	json_decref(body);
	int rc = tenders_save(r->db, &r->a, r->user, &t, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_tender(r, &t, 201);
}

/* PATCH /api/v1/tenders/{id} — who may write it, while a draft or published. Members as for
 * POST; absent ones are unchanged. Once bids exist the criteria and the deadline are frozen
 * (422 criteria / deadline). 409 when closed, awarded or cancelled. */
int tenders_api_update(struct req *r)
{
	struct tender t;
	int rc = tenders_get(r->db, &r->a, r->user, req_param_int(r, "id"), &t);
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_body(r, body, &t);
	json_decref(body);
	rc = tenders_save(r->db, &r->a, r->user, &t, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_tender(r, &t, 200);
}

/* POST /api/v1/tenders/{id}/publish — who may write it: a draft becomes published. 200 with the
 * tender; 409 when not a draft; 422 deadline when the deadline has passed. */
int tenders_api_publish(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	int rc = tenders_publish(r->db, &r->a, r->user, id, &r->errs);
	struct tender t;
	if (rc == 0)
		rc = tenders_get(r->db, &r->a, r->user, id, &t);
	if (rc)
		return api_fail(r, rc);
	return reply_tender(r, &t, 200);
}

/* POST /api/v1/tenders/{id}/cancel — who may write it. {"confirm": true, "reason"?}: without
 * the confirmation 422 confirm. 200 with the tender; 409 when awarded or cancelled already. */
int tenders_api_cancel(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	json_t *confirm = json_object_get(body, "confirm");
	const char *reason = api_member(r, body, "reason");
	bool ok = json_is_true(confirm);
	json_decref(body);
	int64_t id = req_param_int(r, "id");
	struct tender t;
	int rc = tenders_get(r->db, &r->a, r->user, id, &t);
	if (rc == 0 && !ok) {
		bool write;
		rc = tenders_staff(r->user, &t, &write) && write
			? errs_add(&r->errs, "confirm", "Send \"confirm\": true to cancel the tender.")
			: ERR_FORBIDDEN;
	}
	if (rc == 0)
		rc = tenders_cancel(r->db, &r->a, r->user, id, reason ? reason : "");
	if (rc == 0)
		rc = tenders_get(r->db, &r->a, r->user, id, &t);
	if (rc)
		return api_fail(r, rc);
	return reply_tender(r, &t, 200);
}

/* GET /api/v1/tenders/{id}/questions — public once published: the answered questions (the
 * staff also the unanswered ones). Never who asked. */
int tenders_api_questions(struct req *r)
{
	struct tender_question *items;
	int n;
	int rc = tenders_questions(r->db, &r->a, r->user, req_param_int(r, "id"), &items, &n);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		json_int(&w, "id", items[i].id);
		json_str(&w, "question", items[i].question);
		json_str(&w, "answer", *items[i].answer ? items[i].answer : NULL);
		json_str(&w, "asked_at", items[i].asked_at);
		json_str(&w, "answered_at", items[i].answered_at);
		json_obj_close(&w);
	}
	api_list_end(r, &w, n, n, 0);
	return 0;
}

/* POST /api/v1/tenders/{id}/questions — an enterprise's account: {"enterprise_id",
 * "question"}. 201 {"id"}; 409 past the deadline for questions; 403 another enterprise. */
int tenders_api_ask(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	json_t *e = json_object_get(body, "enterprise_id");
	int64_t enterprise = json_is_integer(e) ? (int64_t)json_integer_value(e) : 0;
	if (!enterprise && r->user)
		enterprise = r->user->enterprise_id;
	const char *q = api_member(r, body, "question");
	json_decref(body);
	int64_t id = 0;
	int rc = tenders_ask(r->db, &r->a, r->user, req_param_int(r, "id"), enterprise, q, &r->errs, &id);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", id);
	json_obj_close(&w);
	return reply_json(r, 201);
}

/* POST /api/v1/tenders/{id}/questions/{question} — who may write the tender: {"answer"}; the
 * answer is published at once. 200 {"id"}. */
int tenders_api_answer(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	const char *answer = api_member(r, body, "answer");
	json_decref(body);
	int64_t qid = req_param_int(r, "question");
	int rc = tenders_answer(r->db, &r->a, r->user, req_param_int(r, "id"), qid, answer, &r->errs);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", qid);
	json_obj_close(&w);
	return reply_json(r, 200);
}
