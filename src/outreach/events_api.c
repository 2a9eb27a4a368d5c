/*
 * events_api.c — the JSON endpoints of events (arrangementer) and their sign-ups.
 * Layer: handlers of the outreach capability. The body's members are read into a struct event;
 * events.c holds every rule and the access decision; a public event's sign-up is open to
 * anonymous callers, limited per address like the public contact form.
 */
#include <jansson.h>
#include <limits.h>
#include <string.h>

#include "../base/err.h"
#include "../base/errs.h"
#include "../http/api.h"
#include "../http/ratelimit.h"
#include "events.h"
#include "events_web.h"

/* sign-ups one address may send a minute, as the contact form's inquiries */
#define SIGNUP_RATE_PER_MINUTE 10

static void event_json(struct json *w, const struct event *ev, bool counts)
{
	json_obj_open(w, NULL);
	json_int(w, "id", ev->id);
	json_str(w, "kommune", ev->kommune);
	json_str(w, "title", ev->title);
	json_str(w, "description", ev->description);
	json_str(w, "kind", ev->kind);
	json_str(w, "starts_at", ev->starts_at);
	json_str(w, "ends_at", ev->ends_at);
	json_str(w, "place", ev->place);
	json_bool(w, "public", ev->public);
	json_int(w, "capacity", ev->capacity);
	json_str(w, "signup_deadline", ev->signup_deadline);
	json_bool(w, "cancelled", ev->cancelled_at != NULL);
	json_int(w, "sequence", ev->sequence);
	if (counts) {
		json_int(w, "confirmed", ev->confirmed);
		json_int(w, "waitlist", ev->waitlist);
	}
	json_obj_close(w);
}

static int reply_event(struct req *r, const struct event *ev, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	event_json(&w, ev, events_may_see_signups(r->user, ev));
	if (status == 201)
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/events/%lld", (long long)ev->id));
	return reply_json(r, status);
}

/* GET /api/v1/events — public: the upcoming public events; staff also their municipality's
 * staff events and national ones; ?past=1 (staff) with past ones. limit, offset. */
int events_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	const char *past = req_query(r, "past");
	struct events_query q = {.past = past && !strcmp(past, "1"), .limit = limit, .offset = offset};
	struct event *items;
	int n, total;
	int rc = events_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		event_json(&w, &items[i], events_may_see_signups(r->user, &items[i]));
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* GET /api/v1/events/{id} — a public event for anyone; a staff event for its municipality's
 * staff (403 other staff, 404 the public). */
int events_api_get(struct req *r)
{
	struct event ev;
	int rc = events_get(r->db, &r->a, r->user, req_param_int(r, "id"), &ev);
	if (rc)
		return api_fail(r, rc);
	return reply_event(r, &ev, 200);
}

/* a whole-number member into *out; a wrong type is a field error, out of range -1 */
static void read_int(struct req *r, json_t *body, const char *name, int *out)
{
	json_t *v = json_object_get(body, name);
	if (!v || json_is_null(v))
		return;
	if (!json_is_integer(v)) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s skal være et helt tal.", name));
		return;
	}
	json_int_t x = json_integer_value(v);
	*out = x < 0 || x > INT_MAX ? -1 : (int)x;
}

/* the members present in body over ev (absent members keep ev's values) */
static void read_body(struct req *r, json_t *body, struct event *ev)
{
	static const char *const texts[] = {"title", "description", "kind", "starts_at",
	                                    "ends_at", "place", "signup_deadline"};
	const char **fields[] = {&ev->title, &ev->description, &ev->kind, &ev->starts_at,
	                         &ev->ends_at, &ev->place, &ev->signup_deadline};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (json_object_get(body, texts[i]))
			*fields[i] = api_member(r, body, texts[i]);
	json_t *v = json_object_get(body, "public");
	if (v && !json_is_boolean(v))
		errs_add(&r->errs, "public", "public skal være true eller false.");
	else if (v)
		ev->public = json_is_true(v);
	read_int(r, body, "capacity", &ev->capacity);
}

/* POST /api/v1/events — access_collaboration ACC_WRITE for "kommune" (absent or null:
 * national, the administrator). {"kommune", "title", "description", "kind", "starts_at",
 * "ends_at", "place", "public", "capacity", "signup_deadline"}. 201 with the event; 422; 403. */
int events_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct event ev = {0};
	ev.kommune = api_member(r, body, "kommune");
	read_body(r, body, &ev);
	json_decref(body);
	int rc = events_save(r->db, &r->a, r->user, &ev, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_event(r, &ev, 201);
}

/* PATCH /api/v1/events/{id} — who may write it. Members as for POST but kommune; a new time or
 * place raises the SEQUENCE and sends everyone signed up the update. 200; 409 when cancelled. */
int events_api_update(struct req *r)
{
	struct event ev;
	int rc = events_get(r->db, &r->a, r->user, req_param_int(r, "id"), &ev);
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_body(r, body, &ev);
	json_decref(body);
	rc = events_save(r->db, &r->a, r->user, &ev, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_event(r, &ev, 200);
}

/* DELETE /api/v1/events/{id} — who may write it: calls the event off and sends everyone signed
 * up the cancellation (METHOD:CANCEL). 200 with the event; 409 when already cancelled. */
int events_api_cancel(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct event ev;
	int rc = events_get(r->db, &r->a, r->user, id, &ev);
	if (rc == 0)
		rc = events_cancel(r->db, &r->a, r->user, id);
	if (rc == 0)
		rc = events_get(r->db, &r->a, r->user, id, &ev);
	if (rc)
		return api_fail(r, rc);
	return reply_event(r, &ev, 200);
}

/* POST /api/v1/events/{id}/signups — public for a public event (anonymous, limited per
 * address), its municipality's staff otherwise. {"name", "email"}. 201 {"id", "status":
 * "confirmed|waitlist"}; 409 a second sign-up with the e-mail, or sign-up closed; 422; 429. */
int events_api_signup(struct req *r)
{
	if (!ratelimit_allow("event_signup", r->remote_ip, SIGNUP_RATE_PER_MINUTE, 60))
		return reply_api_error(r, 429, "too_many_requests",
		                       "Too many sign-ups from this address; wait a minute.", NULL);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	const char *name = api_member(r, body, "name"), *email = api_member(r, body, "email");
	json_decref(body);
	if (r->errs.n)
		return api_fail(r, ERR_INVALID);
	struct event_signup s;
	int rc = events_signup(r->db, &r->a, r->user, req_param_int(r, "id"), name, email, &r->errs, &s);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", s.id);
	json_str(&w, "status", s.status);
	json_obj_close(&w);
	return reply_json(r, 201);
}

/* GET /api/v1/events/{id}/signups — the event's municipality's staff. {"items": [{"id",
 * "name", "email", "status", "attended"}], "total"}. */
int events_api_signups(struct req *r)
{
	struct event_signup *items;
	int n;
	int rc = events_signups(r->db, &r->a, r->user, req_param_int(r, "id"), &items, &n);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		json_int(&w, "id", items[i].id);
		json_str(&w, "name", items[i].name);
		json_str(&w, "email", items[i].email);
		json_str(&w, "status", items[i].status);
		json_bool(&w, "attended", items[i].attended);
		json_obj_close(&w);
	}
	api_list_end(r, &w, n, n, 0);
	return 0;
}

/* answers {"id", "status"} (or "attended") of sign-up id with 200 */
static int reply_signup(struct req *r, int64_t id, const char *status, int attended)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", id);
	if (status)
		json_str(&w, "status", status);
	else
		json_bool(&w, "attended", attended != 0);
	json_obj_close(&w);
	return reply_json(r, 200);
}

/* DELETE /api/v1/events/{id}/signups/{signup} — staff who may write the event, or the person
 * with ?token= from the confirmation mail (no sign-in). Moves the first on the waiting list
 * up. 200 {"id", "status": "cancelled"}; 404 (no such active sign-up, or a wrong token); 403. */
int events_api_signup_cancel(struct req *r)
{
	const char *token = req_query(r, "token");
	if (!token && !r->user)
		return api_fail(r, ERR_AUTH);
	int64_t id = req_param_int(r, "signup");
	int rc = events_signup_cancel(r->db, &r->a, r->user, req_param_int(r, "id"), id, token);
	if (rc)
		return api_fail(r, rc);
	return reply_signup(r, id, "cancelled", 0);
}

/* PATCH /api/v1/events/{id}/signups/{signup} — staff who may write the event: {"attended":
 * true|false} for a confirmed sign-up. 200 {"id", "attended"}; 404; 403; 422. */
int events_api_attendance(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	json_t *v = json_object_get(body, "attended");
	int attended = v && json_is_boolean(v) ? json_is_true(v) : -1;
	json_decref(body);
	int64_t id = req_param_int(r, "signup");
	int rc = events_set_attended(r->db, &r->a, r->user, req_param_int(r, "id"), id, attended,
	                             &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_signup(r, id, NULL, attended);
}
