/*
 * meetings_api.c — the JSON endpoints of a network's meetings: create and change (the
 * invitations go out through the outbox), attendance and sign-up, action items.
 * Layer: handlers of the collab capability; meetings.h holds every rule and the access decision.
 */
#include <stddef.h>
#include <string.h>

#include "../base/err.h"
#include "../base/errs.h"
#include "../http/api.h"
#include "../http/page.h"
#include "meetings.h"
#include "networks_web.h"

static void meeting_json(struct json *w, const struct meeting *m)
{
	json_obj_open(w, NULL);
	json_int(w, "id", m->id);
	json_int(w, "network_id", m->network_id);
	json_str(w, "starts_at", m->starts_at);
	json_str(w, "ends_at", m->ends_at);
	json_str(w, "place", m->place);
	json_str(w, "agenda", m->agenda);
	json_str(w, "minutes", m->minutes);
	json_str(w, "status", m->status);
	json_int(w, "sequence", m->sequence);
	json_int(w, "present", m->present);
	json_str(w, "created_at", m->created_at);
	json_str(w, "updated_at", m->updated_at);
	json_obj_close(w);
}

static int reply_meeting(struct req *r, const struct meeting *m, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	meeting_json(&w, m);
	if (status == 201)
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/meetings/%lld", (long long)m->id));
	return reply_json(r, status);
}

/* the members of body over m (absent ones keep m's values) */
static void read_meeting(struct req *r, json_t *body, struct meeting *m)
{
	static const struct api_text_member texts[] = {
		{"starts_at", offsetof(struct meeting, starts_at)},
		{"ends_at", offsetof(struct meeting, ends_at)},
		{"place", offsetof(struct meeting, place)},
		{"agenda", offsetof(struct meeting, agenda)},
		{"minutes", offsetof(struct meeting, minutes)},
		{"status", offsetof(struct meeting, status)},
	};
	api_text_members(r, body, m, texts, sizeof(texts) / sizeof(texts[0]));
}

/* GET /api/v1/networks/{id}/meetings — who may read the network: its meetings by start. */
int meetings_api_list(struct req *r)
{
	struct meeting *items;
	int n;
	int rc = meetings_list(r->db, &r->a, r->user, req_param_int(r, "id"), &items, &n);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		meeting_json(&w, &items[i]);
	api_list_end(r, &w, n, n, 0);
	return 0;
}

/* POST /api/v1/networks/{id}/meetings — who may write the network. {"starts_at":
 * "2015-11-12T09:00", "ends_at", "place", "agenda"}. 201; every member with an e-mail gets an
 * invitation (text/calendar, METHOD:REQUEST) through the outbox. */
int meetings_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct meeting m = {.network_id = req_param_int(r, "id")};
	read_meeting(r, body, &m);
	json_decref(body);
	int rc = meetings_save(r->db, &r->a, r->user, &m, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_meeting(r, &m, 201);
}

/* GET /api/v1/meetings/{id} — who may read its network; with "attendees" and "actions". */
int meetings_api_get(struct req *r)
{
	struct meeting m;
	struct meeting_attendee *at;
	struct meeting_action *ac;
	int nat, nac;
	int64_t id = req_param_int(r, "id");
	int rc = meetings_get(r->db, &r->a, r->user, id, &m);
	if (rc == 0)
		rc = meetings_attendees(r->db, &r->a, r->user, id, &at, &nat);
	if (rc == 0)
		rc = meetings_actions(r->db, &r->a, r->user, id, &ac, &nac);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", m.id);
	json_int(&w, "network_id", m.network_id);
	json_str(&w, "network_name", m.network_name);
	json_str(&w, "starts_at", m.starts_at);
	json_str(&w, "ends_at", m.ends_at);
	json_str(&w, "place", m.place);
	json_str(&w, "agenda", m.agenda);
	json_str(&w, "minutes", m.minutes);
	json_str(&w, "status", m.status);
	json_int(&w, "sequence", m.sequence);
	json_str(&w, "uid", meetings_uid(&r->a, m.id));
	json_arr_open(&w, "attendees");
	for (int i = 0; i < nat; i++) {
		json_obj_open(&w, NULL);
		json_int(&w, "member_id", at[i].member_id);
		json_str(&w, "name", at[i].name);
		json_str(&w, "kind", at[i].kind);
		json_bool(&w, "signed_up", at[i].signed_up);
		if (at[i].present < 0)
			json_null_at(&w, "present");
		else
			json_bool(&w, "present", at[i].present == 1);
		json_obj_close(&w);
	}
	json_arr_close(&w);
	json_arr_open(&w, "actions");
	for (int i = 0; i < nac; i++) {
		json_obj_open(&w, NULL);
		json_int(&w, "id", ac[i].id);
		json_str(&w, "title", ac[i].title);
		if (ac[i].owner_member_id)
			json_int(&w, "owner_member_id", ac[i].owner_member_id);
		if (ac[i].owner_user_id)
			json_int(&w, "owner_user_id", ac[i].owner_user_id);
		json_str(&w, "owner_name", ac[i].owner_name);
		json_str(&w, "due", ac[i].due);
		json_str(&w, "status", ac[i].status);
		json_obj_close(&w);
	}
	json_arr_close(&w);
	json_obj_close(&w);
	return reply_json(r, 200);
}

/* PATCH /api/v1/meetings/{id} — who may write its network. Members as for POST, and "minutes"
 * (held meetings only) and "status" (planned|held|cancelled). A change of time, place or agenda
 * raises SEQUENCE and sends the update; cancelled sends METHOD:CANCEL. */
int meetings_api_update(struct req *r)
{
	struct meeting m;
	int rc = meetings_get(r->db, &r->a, r->user, req_param_int(r, "id"), &m);
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_meeting(r, body, &m);
	json_decref(body);
	rc = meetings_save(r->db, &r->a, r->user, &m, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_meeting(r, &m, 200);
}

/* a boolean member: 1 or 0; -1 when absent or null; an error for another type */
static int read_bool(struct req *r, json_t *body, const char *name)
{
	json_t *v = json_object_get(body, name);
	if (!v || json_is_null(v))
		return -1;
	if (!json_is_boolean(v)) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be true or false.", name));
		return -1;
	}
	return json_is_true(v) ? 1 : 0;
}

/* an id member: its value, 0 when absent or null, -1 (and an error) when not a positive
 * whole number */
static int64_t read_id(struct req *r, json_t *body, const char *name)
{
	json_t *v = json_object_get(body, name);
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < 1) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be a positive whole number.", name));
		return -1;
	}
	return (int64_t)json_integer_value(v);
}

/* POST /api/v1/meetings/{id}/attendance — who may write its network. {"member_id",
 * "present": true|false, "signed_up": true|false} (either or both). 200 {"member_id", ...}. */
int meetings_api_attendance(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	int64_t member = read_id(r, body, "member_id");
	int present = read_bool(r, body, "present");
	int signed_up = read_bool(r, body, "signed_up");
	json_decref(body);
	int rc = meetings_attendance(r->db, &r->a, r->user, req_param_int(r, "id"), member, signed_up,
	                             present, page_today(r), &r->errs);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "member_id", member);
	if (present >= 0)
		json_bool(&w, "present", present == 1);
	if (signed_up >= 0)
		json_bool(&w, "signed_up", signed_up == 1);
	json_obj_close(&w);
	return reply_json(r, 200);
}

static void read_action(struct req *r, json_t *body, struct meeting_action *x)
{
	if (json_object_get(body, "title"))
		x->title = api_member(r, body, "title");
	if (json_object_get(body, "due"))
		x->due = api_member(r, body, "due");
	if (json_object_get(body, "status"))
		x->status = api_member(r, body, "status");
	if (json_object_get(body, "owner_member_id")) {
		x->owner_member_id = read_id(r, body, "owner_member_id");
		if (x->owner_member_id)
			x->owner_user_id = 0;
	}
	if (json_object_get(body, "owner_user_id")) {
		x->owner_user_id = read_id(r, body, "owner_user_id");
		if (x->owner_user_id && !json_object_get(body, "owner_member_id"))
			x->owner_member_id = 0;
	}
}

static int reply_action(struct req *r, const struct meeting_action *x, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", x->id);
	json_int(&w, "meeting_id", x->meeting_id);
	json_str(&w, "title", x->title);
	json_str(&w, "owner_name", x->owner_name);
	json_str(&w, "due", x->due);
	json_str(&w, "status", x->status);
	json_obj_close(&w);
	return reply_json(r, status);
}

/* POST /api/v1/meetings/{id}/actions — who may write its network. {"title", "owner_member_id"
 * or "owner_user_id", "due", "status": "open|done"}. 201. */
int meetings_api_action_add(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct meeting_action x = {.meeting_id = req_param_int(r, "id")};
	read_action(r, body, &x);
	json_decref(body);
	int rc = meetings_action_save(r->db, &r->a, r->user, &x, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_action(r, &x, 201);
}

/* PATCH /api/v1/meetings/{id}/actions/{action} — who may write its network; members as for
 * POST, absent ones unchanged. 200. */
int meetings_api_action_update(struct req *r)
{
	struct meeting_action *items;
	int n;
	int64_t mid = req_param_int(r, "id"), aid = req_param_int(r, "action");
	int rc = meetings_actions(r->db, &r->a, r->user, mid, &items, &n);
	if (rc)
		return api_fail(r, rc);
	struct meeting_action *x = NULL;
	for (int i = 0; i < n && !x; i++)
		if (items[i].id == aid)
			x = &items[i];
	if (!x)
		return api_fail(r, ERR_NOTFOUND);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_action(r, body, x);
	json_decref(body);
	rc = meetings_action_save(r->db, &r->a, r->user, x, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_action(r, x, 200);
}
