/*
 * contacts_api.c — the JSON endpoints of the contacts with enterprises.
 * Layer: handlers of the outreach capability. contacts.h holds every rule and the access
 * decision; these read the body and answer.
 */
#include "../base/err.h"
#include "../base/errs.h"
#include "../http/api.h"
#include "../http/page.h"
#include "contacts.h"
#include "contacts_web.h"

static void contact_json(struct json *w, const struct outreach_contact *c)
{
	json_obj_open(w, NULL);
	json_int(w, "id", c->id);
	json_int(w, "enterprise_id", c->enterprise_id);
	json_str(w, "enterprise_name", c->enterprise_name);
	json_str(w, "kommune", c->kommune);
	json_str(w, "user_email", c->user_email);
	json_str(w, "date", c->date);
	json_str(w, "kind", c->kind);
	json_str(w, "participants", c->participants);
	json_str(w, "topic", c->topic);
	json_str(w, "notes", c->notes);
	json_str(w, "follow_up", c->follow_up);
	json_str(w, "reminded_at", c->reminded_at);
	json_str(w, "created_at", c->created_at);
	json_obj_close(w);
}

/* POST /api/v1/enterprises/{id}/contacts — the konsulent or jobkonsulent of a municipality the
 * enterprise works with (its home or one of its other municipalities), or the administrator
 * (who may name "kommune"). {"date", "kind": "besoeg|telefon|moede|mail", "topic", "notes",
 * "participants", "follow_up"}. 201 with the contact; 404, 403, 422 naming the field. */
int contacts_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct outreach_contact c = {.enterprise_id = req_param_int(r, "id")};
	c.date = api_member(r, body, "date");
	c.kind = api_member(r, body, "kind");
	c.topic = api_member(r, body, "topic");
	c.notes = api_member(r, body, "notes");
	c.participants = api_member(r, body, "participants");
	c.follow_up = api_member(r, body, "follow_up");
	c.kommune = api_member(r, body, "kommune");
	json_decref(body);
	int rc = contacts_create(r->db, &r->a, r->user, &c, page_today(r), &r->errs);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	contact_json(&w, &c);
	return reply_json(r, 201);
}

/* GET /api/v1/enterprises/{id}/contacts — the staff of a municipality the enterprise works with
 * (their own municipality's contacts), the administrator (all). {"items": [...], "total"}. 404,
 * 403. */
int contacts_api_list(struct req *r)
{
	struct outreach_contact *items;
	int n;
	int rc = contacts_of_enterprise(r->db, &r->a, r->user, req_param_int(r, "id"), &items, &n);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		contact_json(&w, &items[i]);
	api_list_end(r, &w, n, 500, 0);
	return 0;
}
