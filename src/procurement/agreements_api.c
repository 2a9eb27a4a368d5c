/*
 * agreements_api.c — the JSON endpoints of voluntary purchase agreements.
 * Layer: handlers of the procurement capability. The body's members are read into a struct
 * agreement (type errors become field errors); agreements_save() holds every rule and the
 * access decision.
 */
#include <stddef.h>
#include <string.h>

#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/api.h"
#include "../http/page.h"
#include "agreements.h"
#include "agreements_web.h"
#include "purchases_web.h"

static void agreement_json(struct json *w, const struct agreement *g, const char *today)
{
	json_obj_open(w, NULL);
	json_int(w, "id", g->id);
	json_str(w, "kommune", g->kommune);
	json_str(w, "kommune_navn", g->kommune_navn);
	json_int(w, "enterprise_id", g->enterprise_id);
	json_str(w, "enterprise_name", g->enterprise_name);
	json_str(w, "title", g->title);
	json_str(w, "scope", g->scope);
	json_str(w, "terms", g->terms);
	json_str(w, "contact_name", g->contact_name);
	json_str(w, "contact_email", g->contact_email);
	json_str(w, "contact_phone", g->contact_phone);
	json_str(w, "start", g->start);
	json_str(w, "end", g->end);
	json_str(w, "status", g->status);
	/* an active agreement past its end counts as expired on read */
	json_bool(w, "expired", g->status && !strcmp(g->status, "active") && strcmp(g->end, today) < 0);
	json_arr_open(w, "products");
	for (int i = 0; i < g->nproducts; i++)
		json_int(w, NULL, g->products[i]);
	json_arr_close(w);
	json_str(w, "reminded_at", g->reminded_at);
	json_str(w, "created_at", g->created_at);
	json_str(w, "updated_at", g->updated_at);
	json_obj_close(w);
}

static int reply_agreement(struct req *r, const struct agreement *g, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	agreement_json(&w, g, page_today(r));
	if (status == 201)
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/agreements/%lld", (long long)g->id));
	return reply_json(r, status);
}

/* the members present in body over g (absent members keep g's values) */
static void read_body(struct req *r, json_t *body, struct agreement *g)
{
	static const struct api_text_member texts[] = {
		{"kommune", offsetof(struct agreement, kommune)},
		{"title", offsetof(struct agreement, title)},
		{"scope", offsetof(struct agreement, scope)},
		{"terms", offsetof(struct agreement, terms)},
		{"contact_name", offsetof(struct agreement, contact_name)},
		{"contact_email", offsetof(struct agreement, contact_email)},
		{"contact_phone", offsetof(struct agreement, contact_phone)},
		{"start", offsetof(struct agreement, start)},
		{"end", offsetof(struct agreement, end)},
		{"status", offsetof(struct agreement, status)},
	};
	api_text_members(r, body, g, texts, sizeof(texts) / sizeof(texts[0]));
	purchases_api_read_id(r, body, "enterprise_id", &g->enterprise_id);
	json_t *p = json_object_get(body, "products");
	if (p && !json_is_null(p)) {
		if (!json_is_array(p) || json_array_size(p) > AGREEMENTS_MAX_PRODUCTS) {
			errs_add(&r->errs, "products", "products must be an array of at most 100 product ids.");
			return;
		}
		int64_t *ids = arena_alloc(&r->a, sizeof(*ids) * (json_array_size(p) + 1));
		size_t i;
		json_t *it;
		int n = 0;
		json_array_foreach(p, i, it) {
			if (!json_is_integer(it) || json_integer_value(it) < 1) {
				errs_add(&r->errs, "products", "products must hold product ids.");
				return;
			}
			ids[n++] = (int64_t)json_integer_value(it);
		}
		g->products = ids;
		g->nproducts = n;
	}
}

/* POST /api/v1/agreements — the konsulent or indkøber of the municipality, or the
 * administrator naming it. {"kommune", "enterprise_id", "title", "start", "end", "scope",
 * "terms", "contact_name", "contact_email", "contact_phone", "status", "products"}. 201 with
 * the agreement; 403 for another municipality; 422 naming the field ("end" before "start"). */
int agreements_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct agreement g = {0};
	read_body(r, body, &g);
	json_decref(body);
	int rc = agreements_save(r->db, &r->a, r->user, &g, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_agreement(r, &g, 201);
}

/* GET /api/v1/agreements — the municipality's purchasing (all for the administrator), or an
 * enterprise's own account (its agreements). ?status, enterprise, kommune, expiring (days),
 * sort (end: soonest end first, the default; title), limit, offset. */
int agreements_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	struct agreements_query q = {.limit = limit, .offset = offset, .today = page_today(r)};
	const char *v = req_query(r, "status");
	if (v && *v && !agreements_status_valid(v))
		return reply_api_error(r, 400, "bad_parameter", "status must be draft, active or ended.", "status");
	q.status = v && *v ? v : NULL;
	v = req_query(r, "kommune");
	if (v && *v && !text_is_digits(v, 3))
		return reply_api_error(r, 400, "bad_parameter", "kommune must be a three-digit code.", "kommune");
	q.kommune = v && *v ? v : NULL;
	v = req_query(r, "enterprise");
	q.enterprise_id = purchases_web_id(v);
	if (v && *v && !q.enterprise_id)
		return reply_api_error(r, 400, "bad_parameter", "enterprise must be an id.", "enterprise");
	long long days = 0;
	v = req_query(r, "expiring");
	if (v && *v && text_parse_int(v, 1, 3650, &days) != 0)
		return reply_api_error(r, 400, "bad_parameter", "expiring must be a number of days, 1 to 3650.",
		                       "expiring");
	q.expiring_days = (int)days;
	v = req_query(r, "sort");
	if (v && *v && strcmp(v, "end") && strcmp(v, "title"))
		return reply_api_error(r, 400, "bad_parameter", "sort must be end or title.", "sort");
	q.by_title = v && !strcmp(v, "title");
	struct agreement *items;
	int n, total;
	int rc = agreements_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		agreement_json(&w, &items[i], q.today);
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* GET /api/v1/agreements/{id} — who may read it: 404, 403. */
int agreements_api_get(struct req *r)
{
	struct agreement g;
	int rc = agreements_get(r->db, &r->a, r->user, req_param_int(r, "id"), &g);
	if (rc)
		return api_fail(r, rc);
	return reply_agreement(r, &g, 200);
}

/* PATCH /api/v1/agreements/{id} — who may write it. Members as for POST; absent ones are kept
 * ("status": "ended" ends it; a new "end" renews it and is reminded again). 200. */
int agreements_api_update(struct req *r)
{
	struct agreement g;
	int rc = agreements_get(r->db, &r->a, r->user, req_param_int(r, "id"), &g);
	if (rc)
		return api_fail(r, rc);
	if (!agreements_may_write(r->user, &g))
		return api_fail(r, ERR_FORBIDDEN);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_body(r, body, &g);
	json_decref(body);
	rc = agreements_save(r->db, &r->a, r->user, &g, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_agreement(r, &g, 200);
}
