/*
 * networks_api.c — the JSON endpoints of networks, their members and Tabel 8's figures.
 * Layer: handlers of the collab capability. Members of the body are read into the domain's
 * structs (type errors become field errors); networks.h holds every rule and the access
 * decision.
 */
#include <limits.h>
#include <string.h>

#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/api.h"
#include "networks.h"
#include "networks_web.h"

const char *networks_calendar_path(struct req *r, long long id, const char *token)
{
	return arena_printf(&r->a, "/netvaerk/%lld/kalender.ics?token=%s", id, token ? token : "");
}

static void network_json(struct req *r, struct json *w, const struct network *n, bool with_feed)
{
	json_obj_open(w, NULL);
	json_int(w, "id", n->id);
	json_str(w, "kommune", n->kommune);
	json_str(w, "kommune_navn", n->kommune_navn);
	json_str(w, "name", n->name);
	json_str(w, "purpose", n->purpose);
	json_int(w, "cadence_months", n->cadence_months);
	json_int(w, "members", n->nmembers);
	json_int(w, "meetings", n->nmeetings);
	json_int(w, "meetings_held", n->nheld);
	if (with_feed)
		json_str(w, "calendar_url", networks_calendar_path(r, (long long)n->id, n->feed_token));
	json_str(w, "created_at", n->created_at);
	json_str(w, "updated_at", n->updated_at);
	json_obj_close(w);
}

static int reply_network(struct req *r, const struct network *n, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	network_json(r, &w, n, true);
	if (status == 201)
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/networks/%lld", (long long)n->id));
	return reply_json(r, status);
}

/* a whole-number member into *out (absent: unchanged); one outside int's range becomes -1 */
static void read_int(struct req *r, json_t *body, const char *name, int *out)
{
	json_t *v = json_object_get(body, name);
	if (!v || json_is_null(v))
		return;
	if (!json_is_integer(v)) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be a whole number.", name));
		return;
	}
	json_int_t x = json_integer_value(v);
	*out = x < INT_MIN || x > INT_MAX ? -1 : (int)x;
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

/* GET /api/v1/networks — the municipality's staff (and the administrator): their
 * municipality's networks and the national ones. ?kommune, limit, offset. */
int networks_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	const char *kommune = req_query(r, "kommune");
	if (kommune && *kommune && !text_is_digits(kommune, 3))
		return reply_api_error(r, 400, "bad_parameter", "kommune must be three digits.", "kommune");
	struct network *items;
	int n, total;
	int rc = networks_list(r->db, &r->a, r->user, kommune && *kommune ? kommune : NULL, limit,
	                       offset, &items, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		network_json(r, &w, &items[i], false);
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* the members of body over n (PATCH semantics: absent members keep n's values) */
static void read_network(struct req *r, json_t *body, struct network *n)
{
	if (json_object_get(body, "name"))
		n->name = api_member(r, body, "name");
	if (json_object_get(body, "purpose"))
		n->purpose = api_member(r, body, "purpose");
	read_int(r, body, "cadence_months", &n->cadence_months);
}

/* POST /api/v1/networks — konsulent or jobkonsulent for their municipality, the administrator
 * for any or a national one. {"kommune" (absent: the caller's own; null: national), "name",
 * "purpose", "cadence_months"}. 201 {"id", ..., "calendar_url"}; 422 naming the field; 403. */
int networks_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct network n = {0};
	json_t *k = json_object_get(body, "kommune");
	if (!k)
		n.kommune = r->user ? r->user->kommune : NULL;
	else if (!json_is_null(k))
		n.kommune = api_member(r, body, "kommune");
	read_network(r, body, &n);
	json_decref(body);
	int rc = networks_save(r->db, &r->a, r->user, &n, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_network(r, &n, 201);
}

/* GET /api/v1/networks/{id} — who may read it: 404, 403. With "calendar_url", the feed. */
int networks_api_get(struct req *r)
{
	struct network n;
	int rc = networks_get(r->db, &r->a, r->user, req_param_int(r, "id"), &n);
	if (rc)
		return api_fail(r, rc);
	return reply_network(r, &n, 200);
}

/* PATCH /api/v1/networks/{id} — who may write it. {"name", "purpose", "cadence_months"}. */
int networks_api_update(struct req *r)
{
	struct network n;
	int rc = networks_get(r->db, &r->a, r->user, req_param_int(r, "id"), &n);
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_network(r, body, &n);
	json_decref(body);
	rc = networks_save(r->db, &r->a, r->user, &n, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_network(r, &n, 200);
}

/* POST /api/v1/networks/{id}/token — who may write it: a new feed address; the old one stops
 * working. 200 with the network. */
int networks_api_token(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	int rc = networks_new_token(r->db, &r->a, r->user, id);
	struct network n;
	if (rc == 0)
		rc = networks_get(r->db, &r->a, r->user, id, &n);
	if (rc)
		return api_fail(r, rc);
	return reply_network(r, &n, 200);
}

static void member_json(struct json *w, const struct network_member *m)
{
	json_obj_open(w, NULL);
	json_int(w, "id", m->id);
	json_str(w, "kind", m->kind);
	if (m->enterprise_id)
		json_int(w, "enterprise_id", m->enterprise_id);
	if (m->unit_id)
		json_int(w, "unit_id", m->unit_id);
	json_str(w, "name", m->name);
	json_str(w, "email", m->email);
	json_str(w, "organisation", m->organisation);
	json_str(w, "detail", m->detail);
	json_obj_close(w);
}

/* GET /api/v1/networks/{id}/members — who may read the network. {"items": [...]} */
int networks_api_members(struct req *r)
{
	struct network_member *items;
	int n;
	int rc = networks_members(r->db, &r->a, r->user, req_param_int(r, "id"), &items, &n);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		member_json(&w, &items[i]);
	api_list_end(r, &w, n, n, 0);
	return 0;
}

/* POST /api/v1/networks/{id}/members — who may write the network. {"enterprise_id"} or
 * {"unit_id"} or {"name", "email", "organisation"}. 201 with the member; 422 naming the field. */
int networks_api_member_add(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct network_member m = {0};
	read_id(r, body, "enterprise_id", &m.enterprise_id);
	read_id(r, body, "unit_id", &m.unit_id);
	if (json_object_get(body, "name") && !json_is_null(json_object_get(body, "name")))
		m.name = api_member(r, body, "name");
	if (json_object_get(body, "email") && !json_is_null(json_object_get(body, "email")))
		m.email = api_member(r, body, "email");
	m.organisation = api_member(r, body, "organisation");
	json_decref(body);
	int rc = networks_member_add(r->db, &r->a, r->user, req_param_int(r, "id"), &m, &r->errs);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	member_json(&w, &m);
	return reply_json(r, 201);
}

/* DELETE /api/v1/networks/{id}/members/{member} — who may write the network. 204. */
int networks_api_member_remove(struct req *r)
{
	int rc = networks_member_remove(r->db, &r->a, r->user, req_param_int(r, "id"),
	                                req_param_int(r, "member"));
	if (rc)
		return api_fail(r, rc);
	buf_reset(&r->out);
	return reply_json(r, 204);
}

/* GET /api/v1/stats/networks?year=Y — Tabel 8: per municipality networks, meetings held,
 * members by kind and attendance. The staff see their own municipality (with its name), the
 * administrator every one with the national networks; everyone else (public) only the counts
 * per municipality code. */
int networks_api_stats(struct req *r)
{
	long long year;
	const char *y = req_query(r, "year");
	if (!y || text_parse_int(y, 1990, 2100, &year) != 0)
		return reply_api_error(r, 400, "bad_parameter", "year must be a year, e.g. 2015.", "year");
	const char *scope;
	bool full;
	networks_stats_scope(r->user, &scope, &full);
	struct networks_stats_row *rows;
	int n;
	int rc = networks_stats(r->db, &r->a, (int)year, scope, &rows, &n);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "year", year);
	json_arr_open(&w, "rows");
	for (int i = 0; i < n; i++) {
		if (!full && !rows[i].kommune)
			continue; /* the national networks are the administrator's */
		json_obj_open(&w, NULL);
		json_str(&w, "kommune", rows[i].kommune);
		json_str(&w, "kommune_navn", rows[i].kommune_navn);
		json_int(&w, "networks", rows[i].networks);
		json_int(&w, "meetings_held", rows[i].meetings_held);
		json_obj_open(&w, "members");
		json_int(&w, "soev", rows[i].members_soev);
		json_int(&w, "company", rows[i].members_company);
		json_int(&w, "unit", rows[i].members_unit);
		json_int(&w, "person", rows[i].members_person);
		json_obj_close(&w);
		json_int(&w, "attendance", rows[i].attendance);
		json_obj_close(&w);
	}
	json_arr_close(&w);
	json_obj_close(&w);
	return reply_json(r, 200);
}
