/*
 * partnerships_api.c — the JSON endpoints of partnership agreements: the list, one agreement
 * with its parties, follow-up group, action plan and progress, the changes, and the signed PDF
 * as a raw body. Layer: handlers of the collab capability. Members of the body are read into
 * the domain's structs (type errors become field errors); partnerships.h holds every rule and
 * the access decision.
 */
#include <string.h>

#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/api.h"
#include "../http/page.h"
#include "partnerships.h"
#include "partnerships_web.h"

#define MAX_PARTIES 50

static void progress_json(struct json *w, const struct partnership_progress *p)
{
	json_obj_open(w, "progress");
	json_int(w, "done", p->done);
	json_int(w, "total", p->total);
	json_int(w, "overdue", p->overdue);
	json_obj_close(w);
}

static void partnership_fields(struct json *w, const struct partnership *p)
{
	json_int(w, "id", p->id);
	json_str(w, "kommune", p->kommune);
	json_str(w, "kommune_navn", p->kommune_navn);
	json_str(w, "kind", p->kind);
	json_str(w, "title", p->title);
	json_str(w, "purpose", p->purpose);
	json_str(w, "start", p->starts_on);
	json_str(w, "end", p->ends_on);
	json_bool(w, "public", p->is_public);
	json_str(w, "status", p->status);
	progress_json(w, &p->progress);
}

static void party_json(struct json *w, const struct partnership_party *p, bool contacts)
{
	json_obj_open(w, NULL);
	json_int(w, "id", p->id);
	json_str(w, "kind", p->kind);
	if (p->enterprise_id)
		json_int(w, "enterprise_id", p->enterprise_id);
	json_str(w, "name", p->name);
	json_str(w, "role", p->role);
	if (contacts) {
		json_str(w, "contact_name", p->contact_name);
		json_str(w, "email", p->email);
	}
	json_obj_close(w);
}

static void action_json(struct json *w, const struct partnership_action *x)
{
	json_obj_open(w, NULL);
	json_int(w, "id", x->id);
	json_str(w, "title", x->title);
	json_int(w, "owner_party", x->owner_party);
	json_str(w, "owner_name", x->owner_name);
	json_str(w, "due", x->due);
	json_str(w, "status", x->status);
	json_str(w, "done_at", x->done_at);
	json_str(w, "note", x->note);
	json_bool(w, "overdue", x->overdue);
	json_obj_close(w);
}

/* the whole agreement id as JSON with status */
static int reply_partnership(struct req *r, int64_t id, int status)
{
	const char *day = page_today(r);
	struct partnership p;
	struct partnership_party *parties;
	struct partnership_member *members;
	struct partnership_action *actions;
	int np, nm, na;
	int rc = partnerships_get(r->db, &r->a, r->user, id, day, &p);
	if (rc == 0)
		rc = partnerships_parties(r->db, &r->a, r->user, id, &parties, &np);
	if (rc == 0)
		rc = partnerships_members(r->db, &r->a, r->user, id, &members, &nm);
	if (rc == 0)
		rc = partnerships_actions(r->db, &r->a, r->user, id, day, &actions, &na);
	if (rc)
		return api_fail(r, rc);
	bool contacts = partnerships_may_see_contacts(r->user, &p);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	partnership_fields(&w, &p);
	if (p.pdf_name) {
		json_obj_open(&w, "document");
		json_str(&w, "filename", p.pdf_name);
		json_int(&w, "size", p.pdf_size);
		json_str(&w, "url", arena_printf(&r->a, "/api/v1/partnerships/%lld/document", (long long)id));
		json_obj_close(&w);
	}
	else
		json_null_at(&w, "document");
	json_arr_open(&w, "parties");
	for (int i = 0; i < np; i++)
		party_json(&w, &parties[i], contacts);
	json_arr_close(&w);
	json_arr_open(&w, "follow_up_group");
	for (int i = 0; i < nm; i++) {
		json_obj_open(&w, NULL);
		json_int(&w, "id", members[i].id);
		json_str(&w, "name", members[i].name);
		json_str(&w, "organisation", members[i].organisation);
		if (contacts)
			json_str(&w, "email", members[i].email);
		json_bool(&w, "chair", members[i].chair);
		json_obj_close(&w);
	}
	json_arr_close(&w);
	json_arr_open(&w, "actions");
	for (int i = 0; i < na; i++)
		action_json(&w, &actions[i]);
	json_arr_close(&w);
	if (contacts) {
		json_str(&w, "created_at", p.created_at);
		json_str(&w, "updated_at", p.updated_at);
	}
	json_obj_close(&w);
	if (status == 201)
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/partnerships/%lld", (long long)id));
	return reply_json(r, status);
}

/* a boolean member into *out (absent or null: unchanged) */
static void read_bool(struct req *r, json_t *body, const char *name, bool *out)
{
	json_t *v = json_object_get(body, name);
	if (!v || json_is_null(v))
		return;
	if (!json_is_boolean(v)) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be true or false.", name));
		return;
	}
	*out = json_is_true(v);
}

/* an id member into *out (absent or null: unchanged; not a positive integer: -1 and an error) */
static void read_id(struct req *r, json_t *body, const char *name, int64_t *out)
{
	json_t *v = json_object_get(body, name);
	if (!v || json_is_null(v))
		return;
	if (!json_is_integer(v) || json_integer_value(v) < 1) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be a positive whole number.", name));
		*out = -1;
		return;
	}
	*out = (int64_t)json_integer_value(v);
}

static const struct api_text_member agreement_members[] = {
	{"kind", offsetof(struct partnership, kind)},
	{"title", offsetof(struct partnership, title)},
	{"purpose", offsetof(struct partnership, purpose)},
	{"start", offsetof(struct partnership, starts_on)},
	{"end", offsetof(struct partnership, ends_on)},
};

/* the members of body over p (PATCH semantics); "end": null clears the end date */
static void read_agreement(struct req *r, json_t *body, struct partnership *p)
{
	api_text_members(r, body, p, agreement_members,
	                 sizeof(agreement_members) / sizeof(agreement_members[0]));
	if (json_is_null(json_object_get(body, "end")))
		p->ends_on = "";
	read_bool(r, body, "public", &p->is_public);
}

static const struct api_text_member party_members[] = {
	{"kind", offsetof(struct partnership_party, kind)},
	{"name", offsetof(struct partnership_party, name)},
	{"contact_name", offsetof(struct partnership_party, contact_name)},
	{"email", offsetof(struct partnership_party, email)},
	{"role", offsetof(struct partnership_party, role)},
};

static void read_party(struct req *r, json_t *obj, struct partnership_party *p)
{
	api_text_members(r, obj, p, party_members, sizeof(party_members) / sizeof(party_members[0]));
	read_id(r, obj, "enterprise_id", &p->enterprise_id);
}

/* GET /api/v1/partnerships — public: the staff see their municipality's and the national
 * agreements (the administrator all), everyone else only the public ones. ?kommune, ?kind,
 * ?status (kommende, aktiv, udløbet), limit, offset. */
int partnerships_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	const char *kommune = req_query(r, "kommune"), *kind = req_query(r, "kind"),
	           *status = req_query(r, "status");
	if (kommune && *kommune && !text_is_digits(kommune, 3))
		return reply_api_error(r, 400, "bad_parameter", "kommune must be three digits.", "kommune");
	struct partnerships_query q = {
		.kommune = kommune && *kommune ? kommune : NULL, .kind = kind && *kind ? kind : NULL,
		.status = status && *status ? status : NULL, .day = page_today(r), .limit = limit,
		.offset = offset};
	struct partnership *items;
	int n, total;
	int rc = partnerships_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc == ERR_INVALID)
		return reply_api_error(r, 400, "bad_parameter",
		                       "kind is partnerskab, samarbejdsaftale, brugsaftale or andet; status"
		                       " is kommende, aktiv or udløbet.",
		                       q.kind && !partnerships_kind_valid(q.kind) ? "kind" : "status");
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		partnership_fields(&w, &items[i]);
		json_int(&w, "parties", items[i].nparties);
		json_obj_close(&w);
	}
	api_list_end(r, &w, total, q.limit, q.offset);
	return 0;
}

/* POST /api/v1/partnerships — konsulent or jobkonsulent for their municipality, the
 * administrator for any or a national one. {"kommune" (absent: the caller's own; null:
 * national), "kind", "title", "purpose", "start", "end", "public", "parties": [{"enterprise_id"
 * or "name" (with "contact_name", "email") or "kind": "kommune", "role"}]}. 201 with the
 * agreement; 422 naming the field; 403. */
int partnerships_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct partnership p = {0};
	json_t *k = json_object_get(body, "kommune");
	if (!k)
		p.kommune = r->user ? r->user->kommune : NULL;
	else if (!json_is_null(k))
		p.kommune = api_member(r, body, "kommune");
	read_agreement(r, body, &p);
	json_t *arr = json_object_get(body, "parties");
	struct partnership_party *parties = NULL;
	int np = 0;
	if (arr && !json_is_null(arr)) {
		if (!json_is_array(arr) || json_array_size(arr) > MAX_PARTIES)
			errs_add(&r->errs, "parties", "parties must be an array of at most 50 parties.");
		else {
			np = (int)json_array_size(arr);
			parties = arena_alloc(&r->a, sizeof(*parties) * (size_t)(np + 1));
			for (int i = 0; i < np; i++) {
				memset(&parties[i], 0, sizeof(parties[i]));
				json_t *o = json_array_get(arr, (size_t)i);
				if (!json_is_object(o))
					errs_add(&r->errs, "parties", "Each party must be an object.");
				else
					read_party(r, o, &parties[i]);
			}
		}
	}
	json_decref(body);
	int rc = partnerships_create(r->db, &r->a, r->user, &p, parties, np, page_today(r), &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_partnership(r, p.id, 201);
}

/* GET /api/v1/partnerships/{id} — public for a public agreement (without e-mail addresses),
 * else who may read it: 404, 403. With progress, parties, follow-up group and actions. */
int partnerships_api_get(struct req *r)
{
	return reply_partnership(r, req_param_int(r, "id"), 200);
}

/* PATCH /api/v1/partnerships/{id} — who may write it. {"kind", "title", "purpose", "start",
 * "end", "public"}. 200 with the agreement; 422. */
int partnerships_api_update(struct req *r)
{
	struct partnership p;
	int64_t id = req_param_int(r, "id");
	int rc = partnerships_get(r->db, &r->a, r->user, id, page_today(r), &p);
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_agreement(r, body, &p);
	json_decref(body);
	rc = partnerships_update(r->db, &r->a, r->user, &p, page_today(r), &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_partnership(r, id, 200);
}

/* POST /api/v1/partnerships/{id}/parties — who may write it. {"enterprise_id"} or {"name",
 * "contact_name", "email"} or {"kind": "kommune"}, with "role". 201 {"id", ...}; 422. */
int partnerships_api_party_add(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct partnership_party p = {0};
	read_party(r, body, &p);
	json_decref(body);
	int rc = partnerships_party_add(r->db, &r->a, r->user, req_param_int(r, "id"), &p, &r->errs);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	party_json(&w, &p, true);
	return reply_json(r, 201);
}

/* POST /api/v1/partnerships/{id}/members — who may write it: a member of the follow-up group.
 * {"name", "organisation", "email", "chair": bool}. 201 {"id"}; 422. */
int partnerships_api_member_add(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct partnership_member m = {0};
	m.name = api_member(r, body, "name");
	m.organisation = api_member(r, body, "organisation");
	m.email = api_member(r, body, "email");
	read_bool(r, body, "chair", &m.chair);
	json_decref(body);
	int rc = partnerships_member_add(r->db, &r->a, r->user, req_param_int(r, "id"), &m, &r->errs);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", m.id);
	json_str(&w, "name", m.name);
	json_bool(&w, "chair", m.chair);
	json_obj_close(&w);
	return reply_json(r, 201);
}

static const struct api_text_member action_members[] = {
	{"title", offsetof(struct partnership_action, title)},
	{"due", offsetof(struct partnership_action, due)},
	{"status", offsetof(struct partnership_action, status)},
	{"note", offsetof(struct partnership_action, note)},
	{"done_at", offsetof(struct partnership_action, done_at)},
};

static void read_action(struct req *r, json_t *body, struct partnership_action *x)
{
	api_text_members(r, body, x, action_members, sizeof(action_members) / sizeof(action_members[0]));
	if (json_is_null(json_object_get(body, "due")))
		x->due = "";
	json_t *o = json_object_get(body, "owner_party");
	if (o && !json_is_null(o)) {
		if (!json_is_integer(o) || json_integer_value(o) < 1) {
			errs_add(&r->errs, "owner_party", "owner_party must be the id of a party of this agreement.");
			x->owner_party = -1;
		}
		else
			x->owner_party = (int64_t)json_integer_value(o);
	}
}

static int reply_action(struct req *r, int64_t id, int64_t action_id, int status)
{
	struct partnership_action x;
	int rc = partnerships_action_get(r->db, &r->a, r->user, id, action_id, page_today(r), &x);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	action_json(&w, &x);
	return reply_json(r, status);
}

/* POST /api/v1/partnerships/{id}/actions — who may write it. {"title", "owner_party" (a
 * party's id), "due", "status": "open|done", "note"}. 201 with the item; 422 naming the field. */
int partnerships_api_action_add(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct partnership_action x = {0};
	read_action(r, body, &x);
	json_decref(body);
	int64_t id = req_param_int(r, "id");
	int rc = partnerships_action_add(r->db, &r->a, r->user, id, &x, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_action(r, id, x.id, 201);
}

/* PATCH /api/v1/partnerships/{id}/actions/{action} — who may write it; absent members keep
 * their values. 200 with the item; 404; 422. */
int partnerships_api_action_update(struct req *r)
{
	int64_t id = req_param_int(r, "id"), action_id = req_param_int(r, "action");
	struct partnership_action x;
	int rc = partnerships_action_get(r->db, &r->a, r->user, id, action_id, NULL, &x);
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_action(r, body, &x);
	json_decref(body);
	rc = partnerships_action_update(r->db, &r->a, r->user, id, &x, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_action(r, id, action_id, 200);
}

/* DELETE /api/v1/partnerships/{id}/actions/{action} — who may write it. 204; 404. */
int partnerships_api_action_delete(struct req *r)
{
	int rc = partnerships_action_delete(r->db, &r->a, r->user, req_param_int(r, "id"),
	                                    req_param_int(r, "action"));
	if (rc)
		return api_fail(r, rc);
	buf_reset(&r->out);
	return reply_json(r, 204);
}

/* PUT /api/v1/partnerships/{id}/document — who may write it: the signed agreement as the raw
 * body with Content-Type: application/pdf (?filename= names it). 204; 415 another type; 422
 * (field document) when the bytes are no clean PDF; 413 over 10 MB. */
int partnerships_api_document_put(struct req *r)
{
	const char *type = r->content_type ? r->content_type : "";
	if (strncmp(type, "application/pdf", 15) != 0 || (type[15] && type[15] != ';' && type[15] != ' '))
		return reply_api_error(r, 415, "unsupported_media_type",
		                       "Send the agreement as the body with Content-Type: application/pdf.", NULL);
	const char *filename = req_query(r, "filename");
	int rc = partnerships_document_put(r->db, &r->a, r->user, req_param_int(r, "id"),
	                                   filename ? filename : "aftale.pdf", r->body, r->body_len,
	                                   &r->errs);
	if (rc == ERR_TOOBIG)
		return reply_api_error(r, 413, "too_large", r->errs.n ? r->errs.e[0].message : "Too large.",
		                       "document");
	if (rc)
		return api_fail(r, rc);
	buf_reset(&r->out);
	return reply_json(r, 204);
}

/* GET /api/v1/partnerships/{id}/document — who may read the agreement: the PDF as an
 * attachment with nosniff. 404 when none. */
int partnerships_api_document_get(struct req *r)
{
	const void *data;
	size_t len;
	const char *name;
	int64_t id = req_param_int(r, "id");
	int rc = partnerships_document_get(r->db, &r->a, r->user, id, &data, &len, &name);
	if (rc)
		return api_fail(r, rc);
	buf_reset(&r->out);
	buf_append(&r->out, data, len);
	return reply_download(r, "application/pdf", arena_printf(&r->a, "aftale-%lld.pdf", (long long)id));
}
