/*
 * pools_api.c — the JSON endpoints of the national grant pool: pools, applications, grants,
 * payments and reported spend. Amounts are strings of kroner ("500000.00", read with
 * money_parse; a whole JSON number is taken as kroner too) and written with money_api.
 * Layer: handlers of the collab capability; pools.h holds every rule and the access decision.
 */
#include <string.h>

#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/api.h"
#include "pools.h"
#include "pools_web.h"

/* an amount member into *ore: absent 0 (the rules name it), not an amount -1 with a field
 * error named field */
static void read_amount(struct req *r, json_t *body, const char *name, const char *field,
                        int64_t *ore)
{
	json_t *v = json_object_get(body, name);
	*ore = 0;
	if (!v || json_is_null(v))
		return;
	int rc = ERR_INVALID;
	if (json_is_string(v))
		rc = money_parse(json_string_value(v), 0, ore);
	else if (json_is_integer(v) && json_integer_value(v) >= 0 &&
	         json_integer_value(v) <= MONEY_MAX_ORE / 100) {
		*ore = (int64_t)json_integer_value(v) * 100;
		rc = 0;
	}
	if (rc) {
		*ore = -1;
		errs_add(&r->errs, field, arena_printf(&r->a, "%s must be an amount such as \"1234.50\".", name));
	}
}

static void amount_json(struct json *w, const char *key, int64_t ore)
{
	char t[MONEY_TEXT];
	json_str(w, key, money_api(t, ore));
}

static void pool_json(struct json *w, const struct pool *p)
{
	json_int(w, "id", p->id);
	json_str(w, "title", p->title);
	amount_json(w, "total", p->total_ore);
	amount_json(w, "max_per_kommune", p->max_ore);
	amount_json(w, "granted", p->granted_ore);
	amount_json(w, "remainder", p->total_ore - p->granted_ore);
	amount_json(w, "paid", p->paid_ore);
	json_str(w, "period_start", p->period_start);
	json_str(w, "period_end", p->period_end);
	json_str(w, "obligations", p->obligations);
	json_int(w, "meetings_required", p->meetings_required);
	if (p->network_id) {
		json_int(w, "network_id", p->network_id);
		json_str(w, "network_name", p->network_name);
	}
	else
		json_null_at(w, "network_id");
	json_arr_open(w, "rounds");
	for (int i = 0; i < p->nrounds; i++) {
		json_obj_open(w, NULL);
		json_str(w, "survey", p->rounds[i].survey);
		json_str(w, "round", p->rounds[i].round);
		json_str(w, "title", p->rounds[i].title);
		json_obj_close(w);
	}
	json_arr_close(w);
}

/* GET /api/v1/pools — the administrator and every municipality's staff. limit, offset. */
int pools_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	struct pool *items;
	int n, total;
	int rc = pools_list(r->db, &r->a, r->user, limit, offset, &items, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		pool_json(&w, &items[i]);
		json_obj_close(&w);
	}
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* the survey rounds of a pool's body: [{"survey", "round"}] */
static void read_rounds(struct req *r, json_t *body, struct pool *p)
{
	json_t *v = json_object_get(body, "rounds");
	if (!v || json_is_null(v))
		return;
	if (!json_is_array(v) || json_array_size(v) > POOLS_MAX_ROUNDS) {
		errs_add(&r->errs, "rounds", "rounds must be an array of at most 10 {\"survey\", \"round\"}.");
		return;
	}
	size_t i;
	json_t *x;
	json_array_foreach(v, i, x)
	{
		json_t *s = json_object_get(x, "survey"), *rd = json_object_get(x, "round");
		if (!json_is_string(s) || !json_is_string(rd)) {
			errs_add(&r->errs, "rounds", "Each round must have the strings survey and round.");
			return;
		}
		p->rounds[p->nrounds++] = (struct pool_round){
			arena_strdup(&r->a, json_string_value(s)), arena_strdup(&r->a, json_string_value(rd)), NULL};
	}
}

/* a whole-number member into *out (absent: unchanged; not one: -1 and a field error) */
static void read_int(struct req *r, json_t *body, const char *name, int64_t *out)
{
	json_t *v = json_object_get(body, name);
	if (!v || json_is_null(v))
		return;
	if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 1000000000) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be a whole number.", name));
		*out = -1;
		return;
	}
	*out = (int64_t)json_integer_value(v);
}

/* POST /api/v1/pools — the administrator. {"title", "total": "7000000.00", "max_per_kommune",
 * "period_start", "period_end", "obligations", "meetings_required", "network_id", "rounds":
 * [{"survey", "round"}]}. 201 {"id", ...}; 422 naming the field; 403 for anyone else. */
int pools_api_create(struct req *r)
{
	if (!pools_may_admin(r->user))
		return api_fail(r, ERR_FORBIDDEN);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct pool p = {0};
	static const struct api_text_member texts[] = {
		{"title", offsetof(struct pool, title)},
		{"period_start", offsetof(struct pool, period_start)},
		{"period_end", offsetof(struct pool, period_end)},
		{"obligations", offsetof(struct pool, obligations)},
	};
	api_text_members(r, body, &p, texts, sizeof(texts) / sizeof(texts[0]));
	read_amount(r, body, "total", "total", &p.total_ore);
	read_amount(r, body, "max_per_kommune", "max_per_kommune", &p.max_ore);
	int64_t required = 0;
	read_int(r, body, "meetings_required", &required);
	p.meetings_required = (int)required;
	read_int(r, body, "network_id", &p.network_id);
	read_rounds(r, body, &p);
	json_decref(body);
	int rc = pools_create(r->db, &r->a, r->user, &p, &r->errs);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	pool_json(&w, &p);
	json_obj_close(&w);
	reply_header(r, "Location", arena_printf(&r->a, "/api/v1/pools/%lld", (long long)p.id));
	return reply_json(r, 201);
}

static void entries_json(struct json *w, const char *key, const struct pool_entry *e, int n,
                         enum pools_entry_kind kind)
{
	json_arr_open(w, key);
	for (int i = 0; i < n; i++) {
		json_obj_open(w, NULL);
		json_int(w, "id", e[i].id);
		json_str(w, "kommune", e[i].kommune);
		json_str(w, "kommune_navn", e[i].kommune_navn);
		json_str(w, "date", e[i].day);
		amount_json(w, "amount", e[i].amount_ore);
		if (kind == POOLS_SPEND)
			json_str(w, "text", e[i].text);
		if (kind == POOLS_GRANTS && e[i].application_id)
			json_int(w, "application_id", e[i].application_id);
		json_obj_close(w);
	}
	json_arr_close(w);
}

/* GET /api/v1/pools/{id} — the administrator (every municipality's rows) and a municipality's
 * staff (their own application, grants, payments and spend; the pool's sums). */
int pools_api_get(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct pool p;
	struct pool_application *apps;
	struct pool_status *st;
	struct pool_entry *e[3];
	int napps, nst, ne[3];
	int rc = pools_get(r->db, &r->a, r->user, id, &p);
	if (rc == 0)
		rc = pools_applications(r->db, &r->a, r->user, id, &apps, &napps);
	if (rc == 0)
		rc = pools_status(r->db, &r->a, r->user, id, &st, &nst);
	for (int k = 0; rc == 0 && k < 3; k++)
		rc = pools_entries(r->db, &r->a, r->user, id, (enum pools_entry_kind)k, &e[k], &ne[k]);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	pool_json(&w, &p);
	json_arr_open(&w, "applications");
	for (int i = 0; i < napps; i++) {
		json_obj_open(&w, NULL);
		json_int(&w, "id", apps[i].id);
		json_str(&w, "kommune", apps[i].kommune);
		json_str(&w, "kommune_navn", apps[i].kommune_navn);
		amount_json(&w, "amount", apps[i].amount_ore);
		json_str(&w, "activities", apps[i].activities);
		json_str(&w, "status", apps[i].status);
		json_arr_open(&w, "budget");
		for (int k = 0; k < apps[i].nlines; k++) {
			json_obj_open(&w, NULL);
			json_str(&w, "label", apps[i].lines[k].label);
			amount_json(&w, "amount", apps[i].lines[k].amount_ore);
			json_obj_close(&w);
		}
		json_arr_close(&w);
		json_obj_close(&w);
	}
	json_arr_close(&w);
	entries_json(&w, "grants", e[0], ne[0], POOLS_GRANTS);
	entries_json(&w, "payments", e[1], ne[1], POOLS_PAYMENTS);
	entries_json(&w, "spend", e[2], ne[2], POOLS_SPEND);
	json_arr_open(&w, "kommuner");
	for (int i = 0; i < nst; i++) {
		json_obj_open(&w, NULL);
		json_str(&w, "kommune", st[i].kommune);
		json_str(&w, "kommune_navn", st[i].kommune_navn);
		json_str(&w, "application_status", st[i].application_status);
		amount_json(&w, "applied", st[i].applied_ore);
		amount_json(&w, "granted", st[i].granted_ore);
		amount_json(&w, "paid", st[i].paid_ore);
		amount_json(&w, "spent", st[i].spent_ore);
		json_obj_open(&w, "obligations");
		json_int(&w, "meetings_attended", st[i].meetings_attended);
		json_int(&w, "meetings_required", st[i].meetings_required);
		json_bool(&w, "met", st[i].meetings_attended >= st[i].meetings_required);
		json_obj_close(&w);
		json_obj_close(&w);
	}
	json_arr_close(&w);
	json_obj_close(&w);
	return reply_json(r, 200);
}

/* the kommune member: absent is the caller's own municipality */
static const char *kommune_of(struct req *r, json_t *body)
{
	json_t *k = json_object_get(body, "kommune");
	if (!k)
		return r->user ? r->user->kommune : NULL;
	return api_member(r, body, "kommune");
}

static int reply_created(struct req *r, const char *what, int64_t id)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", id);
	json_str(&w, "kind", what);
	json_obj_close(&w);
	return reply_json(r, 201);
}

/* POST /api/v1/pools/{id}/applications — the konsulent or jobkonsulent of the municipality (the
 * administrator for any). {"kommune", "amount", "activities", "budget": [{"label", "amount"}]}.
 * 201 {"id"}; 422 naming kommune, amount, activities or budget; 403 for another municipality. */
int pools_api_apply(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct pool_application x = {0};
	x.kommune = kommune_of(r, body);
	read_amount(r, body, "amount", "amount", &x.amount_ore);
	x.activities = api_member(r, body, "activities");
	json_t *b = json_object_get(body, "budget");
	if (b && !json_is_null(b)) {
		if (!json_is_array(b) || json_array_size(b) > POOLS_MAX_LINES)
			errs_add(&r->errs, "budget", "budget must be an array of at most 50 {\"label\", \"amount\"}.");
		else {
			size_t i;
			json_t *l;
			json_array_foreach(b, i, l)
			{
				json_t *lb = json_object_get(l, "label");
				struct pool_line *line = &x.lines[x.nlines++];
				line->label = json_is_string(lb) ? arena_strdup(&r->a, json_string_value(lb)) : "";
				read_amount(r, l, "amount", "budget", &line->amount_ore);
			}
		}
	}
	json_decref(body);
	int rc = pools_apply(r->db, &r->a, r->user, req_param_int(r, "id"), &x, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_created(r, "application", x.id);
}

/* admin_entry: a grant or a payment of the administrator from {"kommune", "date", "amount"},
 * written by write; 201 {"id"} named kind */
static int admin_entry(struct req *r,
                       int (*write)(struct db *, struct arena *, const struct principal *, int64_t,
                                    struct pool_entry *, struct errs *),
                       const char *kind)
{
	if (!pools_may_admin(r->user))
		return api_fail(r, ERR_FORBIDDEN);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct pool_entry e = {0};
	e.kommune = api_member(r, body, "kommune");
	e.day = api_member(r, body, "date");
	read_amount(r, body, "amount", "amount", &e.amount_ore);
	json_decref(body);
	int rc = write(r->db, &r->a, r->user, req_param_int(r, "id"), &e, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_created(r, kind, e.id);
}

/* POST /api/v1/pools/{id}/grants — the administrator. {"kommune", "amount", "date" (optional,
 * the decision's date; today when absent)}. 201 {"id"}; 422
 * amount when it passes max_per_kommune or the pool's remainder; 403 for anyone else. */
int pools_api_grant(struct req *r)
{
	return admin_entry(r, pools_grant, "grant");
}

/* POST /api/v1/pools/{id}/payments — the administrator. {"kommune", "date", "amount"}. 201;
 * 422 amount when the payments would pass the municipality's grants. */
int pools_api_pay(struct req *r)
{
	return admin_entry(r, pools_pay, "payment");
}

/* POST /api/v1/pools/{id}/spend — the konsulent or jobkonsulent of the municipality.
 * {"kommune", "date", "amount", "text"}: what was spent and done. 201; 422 naming the field. */
int pools_api_spend(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct pool_entry s = {0};
	s.kommune = kommune_of(r, body);
	s.day = api_member(r, body, "date");
	s.text = api_member(r, body, "text");
	read_amount(r, body, "amount", "amount", &s.amount_ore);
	json_decref(body);
	int rc = pools_report_spend(r->db, &r->a, r->user, req_param_int(r, "id"), &s, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_created(r, "spend", s.id);
}
