/*
 * users_api.c — JSON endpoints for the caller and user accounts.
 * Layer: handlers of the auth capability.
 */
#include <stdlib.h>
#include <string.h>

#include "../base/err.h"
#include "../base/errs.h"
#include "../http/api.h"
#include "access.h"
#include "auth.h"
#include "auth_web.h"
#include "users.h"

static void user_json(struct json *w, const struct user_row *u)
{
	json_obj_open(w, NULL);
	json_int(w, "id", u->id);
	json_str(w, "email", u->email);
	json_str(w, "name", u->name);
	json_str(w, "role", u->role);
	json_str(w, "kommune", u->kommune);
	json_bool(w, "active", u->active);
	if (u->enterprise_id)
		json_int(w, "enterprise_id", u->enterprise_id);
	else
		json_null_at(w, "enterprise_id");
	json_str(w, "created_at", u->created_at);
	json_str(w, "updated_at", u->updated_at);
	json_obj_close(w);
}

/* GET /api/v1/me — signed in (session or token). {"email", "role", "kommune", ...} */
int auth_api_me(struct req *r)
{
	struct json w;
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", r->user->id);
	json_str(&w, "email", r->user->email);
	json_str(&w, "name", r->user->name);
	json_str(&w, "role", role_name(r->user->role));
	json_str(&w, "kommune", r->user->kommune);
	json_obj_close(&w);
	return reply_json(r, 200);
}

/* GET /api/v1/kommuner/{kode}/users — that municipality's konsulent, or admin. Paginated. */
int users_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	struct user_row *rows = NULL;
	int n = 0, total = 0;
	int rc = users_list(r->db, &r->a, r->user, req_param(r, "kode"), limit, offset, &rows, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		user_json(&w, &rows[i]);
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* "enterprise_id": a positive number or null; dflt when absent */
static int64_t read_enterprise(struct req *r, json_t *body, int64_t dflt)
{
	json_t *v = json_object_get(body, "enterprise_id");
	if (!v)
		return dflt;
	if (json_is_null(v))
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < 1) {
		errs_add(&r->errs, "enterprise_id", "enterprise_id must be the id of an enterprise, or null.");
		return dflt;
	}
	return json_integer_value(v);
}

static int read_active(struct req *r, json_t *body, int dflt)
{
	json_t *v = json_object_get(body, "active");
	if (!v || json_is_null(v))
		return dflt;
	if (!json_is_boolean(v)) {
		errs_add(&r->errs, "active", "active must be true or false.");
		return dflt;
	}
	return json_is_true(v) ? 1 : 0;
}

/* POST /api/v1/kommuner/{kode}/users — as above. {"email", "role", "password", "name"?}
 * 201 with the new user; 422 naming the field; 409 if the e-mail is taken. */
int users_api_create(struct req *r)
{
	const char *kommune = req_param(r, "kode");
	if (access_allowed(r->user, ACC_MANAGE_USERS, kommune) != 0)
		return api_fail(r, ERR_FORBIDDEN);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct user_input in = {
		.email = api_member(r, body, "email"),
		.name = api_member(r, body, "name"),
		.role = api_member(r, body, "role"),
		.kommune = kommune,
		.password = api_member(r, body, "password"),
		.active = read_active(r, body, 1),
		.enterprise_id = read_enterprise(r, body, 0),
	};
	json_decref(body);
	if (r->errs.n)
		return api_fail(r, ERR_INVALID);
	int64_t id;
	int rc = users_create(r->db, &r->a, r->user, &in, &r->errs, &id);
	if (rc)
		return api_fail(r, rc);
	struct user_row u;
	if (users_get(r->db, &r->a, r->user, id, &u) != 0)
		return api_fail(r, ERR_DB);
	struct json w;
	json_init(&w, &r->out);
	user_json(&w, &u);
	reply_header(r, "Location", arena_printf(&r->a, "/api/v1/users/%lld", (long long)id));
	return reply_json(r, 201);
}

/* GET /api/v1/users/{id} — konsulent of the user's municipality, or admin. */
int users_api_get(struct req *r)
{
	struct user_row u;
	int rc = users_get(r->db, &r->a, r->user, req_param_int(r, "id"), &u);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	json_init(&w, &r->out);
	user_json(&w, &u);
	return reply_json(r, 200);
}

/* PATCH /api/v1/users/{id} — as above. Any of {"name", "role", "active", "password"}. */
int users_api_update(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct user_row u;
	int rc = users_get(r->db, &r->a, r->user, id, &u);
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct user_input in = {
		.name = api_member(r, body, "name"),
		.role = api_member(r, body, "role"),
		.password = api_member(r, body, "password"),
		.active = read_active(r, body, -1),
		.enterprise_id = read_enterprise(r, body, -1),
	};
	json_decref(body);
	if (r->errs.n)
		return api_fail(r, ERR_INVALID);
	rc = users_update(r->db, &r->a, r->user, id, &in, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return users_api_get(r);
}
