/*
 * entry_api.c — JSON endpoints of the one entry point. Layer: handlers of the entry capability.
 */
#include <stdlib.h>
#include <string.h>

#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../http/api.h"
#include "../http/ratelimit.h"
#include "advisory.h"
#include "entry.h"
#include "entry_web.h"

/* an optional positive integer member; -1 when absent, 0 for null */
static int64_t int_member(struct req *r, json_t *body, const char *name)
{
	json_t *v = json_object_get(body, name);
	if (!v)
		return -1;
	if (json_is_null(v))
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < 1) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be a positive whole number or null.", name));
		return -1;
	}
	return json_integer_value(v);
}

/* POST /api/v1/inquiries — public. {"kommune", "name", "email", "topic", "message", "phone"?,
 * "cvr"?, "organisation"?, "enterprise_id"?}: 201 {"id", "reference"}; 422 naming the field;
 * more than 10 a minute from one address: 429. */
int entry_api_inquiry_create(struct req *r)
{
	if (!ratelimit_allow("inquiry", r->remote_ip, ENTRY_RATE_PER_MINUTE, 60))
		return reply_api_error(r, 429, "too_many_requests",
		                       "Too many inquiries from this address; wait a minute.", NULL);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	int64_t ent = int_member(r, body, "enterprise_id");
	struct inquiry_input in = {
		.kommune = api_member(r, body, "kommune"),
		.name = api_member(r, body, "name"),
		.email = api_member(r, body, "email"),
		.phone = api_member(r, body, "phone"),
		.cvr = api_member(r, body, "cvr"),
		.organisation = api_member(r, body, "organisation"),
		.topic = api_member(r, body, "topic"),
		.message = api_member(r, body, "message"),
		.enterprise_id = ent > 0 ? ent : 0,
	};
	json_decref(body);
	if (r->errs.n)
		return api_fail(r, ERR_INVALID);
	int64_t id;
	const char *ref;
	int rc = entry_inquiry_create(r->db, &r->a, &in, &r->errs, &id, &ref);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", id);
	json_str(&w, "reference", ref);
	json_obj_close(&w);
	return reply_json(r, 201);
}

static void inquiry_json(struct json *w, const struct inquiry *q)
{
	json_obj_open(w, NULL);
	json_int(w, "id", q->id);
	json_str(w, "reference", q->reference);
	json_str(w, "kommune", q->kommune);
	json_str(w, "status", q->status);
	json_str(w, "topic", q->topic);
	json_str(w, "name", q->name);
	json_str(w, "email", q->email);
	json_str(w, "phone", q->phone);
	json_str(w, "cvr", q->cvr);
	json_str(w, "organisation", q->organisation);
	if (q->enterprise_id)
		json_int(w, "enterprise_id", q->enterprise_id);
	else
		json_null_at(w, "enterprise_id");
	json_str(w, "message", q->message);
	json_str(w, "outcome", q->outcome);
	if (q->assignee_id)
		json_int(w, "assignee_id", q->assignee_id);
	else
		json_null_at(w, "assignee_id");
	if (q->unit_id)
		json_int(w, "unit_id", q->unit_id);
	else
		json_null_at(w, "unit_id");
	json_str(w, "next_action", q->next_action);
	json_str(w, "next_action_date", q->next_action_date);
	json_str(w, "received_at", q->received_at);
	json_int(w, "workdays_open", q->workdays_open);
	json_bool(w, "overdue", q->overdue);
	json_obj_close(w);
}

/* GET /api/v1/inquiries — signed in. ?status=new|in_progress|referred|waiting|closed|open,
 * paginated: the caller's municipality's inquiries (admin: all; others: those assigned to them).
 * A read of personal data: audited. */
int entry_api_inquiries(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	struct inquiry *rows;
	int n, total;
	int rc = entry_inquiries(r->db, &r->a, r->user, req_query(r, "status"), limit, offset, &rows, &n, &total);
	if (rc == ERR_INVALID)
		return reply_api_error(r, 400, "bad_parameter",
		                       "status must be new, in_progress, referred, waiting, closed or open.", "status");
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		inquiry_json(&w, &rows[i]);
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* PATCH /api/v1/inquiries/{id} — the case's municipality's konsulent, its assignee, or admin.
 * Any of {"status", "outcome", "assignee_id", "unit_id", "next_action", "next_action_date"}. */
int entry_api_inquiry_update(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct inquiry_patch p = {
		.status = api_member(r, body, "status"),
		.outcome = api_member(r, body, "outcome"),
		.assignee_id = int_member(r, body, "assignee_id"),
		.unit_id = int_member(r, body, "unit_id"),
		.next_action = api_member(r, body, "next_action"),
		.next_action_date = api_member(r, body, "next_action_date"),
	};
	json_t *nad = json_object_get(body, "next_action_date");
	if (nad && json_is_null(nad))
		p.next_action_date = "";
	json_decref(body);
	if (r->errs.n)
		return api_fail(r, ERR_INVALID);
	int rc = entry_inquiry_update(r->db, &r->a, r->user, id, &p, &r->errs);
	if (rc)
		return api_fail(r, rc);
	struct inquiry q;
	rc = entry_inquiry_get(r->db, &r->a, r->user, id, &q);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	json_init(&w, &r->out);
	inquiry_json(&w, &q);
	return reply_json(r, 200);
}

/* POST /api/v1/advisory-sessions — staff (konsulent) of the municipality, or admin with
 * "kommune". {"date", "topic": "business|employment", "minutes", "enterprise_id" or
 * "entrepreneur", "follow_up"?}: 201 {"id"}. */
int entry_api_advisory_session_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	json_t *mins = json_object_get(body, "minutes");
	if (!json_is_integer(mins))
		errs_add(&r->errs, "minutes", "minutes must be a whole number.");
	int64_t ent = int_member(r, body, "enterprise_id");
	struct advisory_session_input in = {
		.kommune = api_member(r, body, "kommune"),
		.date = api_member(r, body, "date"),
		.topic = api_member(r, body, "topic"),
		.minutes = json_is_integer(mins) ? (int)json_integer_value(mins) : 0,
		.enterprise_id = ent > 0 ? ent : 0,
		.entrepreneur = api_member(r, body, "entrepreneur"),
		.follow_up = api_member(r, body, "follow_up"),
	};
	json_decref(body);
	if (r->errs.n)
		return api_fail(r, ERR_INVALID);
	if (!in.kommune)
		in.kommune = r->user->kommune;
	int64_t id;
	int rc = advisory_session_add(r->db, &r->a, r->user, &in, &r->errs, &id);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", id);
	json_obj_close(&w);
	return reply_json(r, 201);
}

/* GET /api/v1/stats/advisory?from=YYYY-MM&to=YYYY-MM[&kommune=KODE] — public (counts only).
 * {"rows": [{"kommune", "name", "months": [{"month", "advised", "sessions", "bucket"}]}]}: advised
 * counts distinct enterprises or entrepreneurs, and the bucket (Tabel 12's) is of advised. */
int entry_api_advisory_stats(struct req *r)
{
	const char *from = req_query(r, "from"), *to = req_query(r, "to"), *k = req_query(r, "kommune");
	struct advisory_row *rows;
	int n;
	/* name the parameter that is wrong: each alone, then the two together */
	const char *bad = advisory_stats(r->db, &r->a, from, from, NULL, &rows, &n) == ERR_INVALID ? "from" : "to";
	int rc = advisory_stats(r->db, &r->a, from, to, k && *k ? k : NULL, &rows, &n);
	if (rc == ERR_INVALID)
		return reply_api_error(r, 400, "bad_parameter",
		                       "from and to must be months YYYY-MM, from before to, at most 120 months.", bad);
	if (rc == ERR_NOTFOUND)
		return reply_api_error(r, 404, "not_found", "No municipality with that code.", "kommune");
	if (rc)
		return api_fail(r, rc);
	struct json w;
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_arr_open(&w, "rows");
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		json_str(&w, "kommune", rows[i].kommune);
		json_str(&w, "name", rows[i].navn);
		json_arr_open(&w, "months");
		for (int m = 0; m < rows[i].nmonths; m++) {
			json_obj_open(&w, NULL);
			json_str(&w, "month", rows[i].months[m].month);
			json_int(&w, "advised", rows[i].months[m].advised);
			json_int(&w, "sessions", rows[i].months[m].sessions);
			json_str(&w, "bucket", advisory_bucket(rows[i].months[m].advised));
			json_obj_close(&w);
		}
		json_arr_close(&w);
		json_obj_close(&w);
	}
	json_arr_close(&w);
	json_obj_close(&w);
	return reply_json(r, 200);
}
