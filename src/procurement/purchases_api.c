/*
 * purchases_api.c — the JSON endpoints of purchases, and the readers the purchasing handlers
 * share. Layer: handlers of the procurement capability; purchases_create() holds the rules.
 */
#include <string.h>

#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/api.h"
#include "purchases.h"
#include "purchases_web.h"

void purchases_api_read_id(struct req *r, json_t *body, const char *name, int64_t *out)
{
	json_t *v = json_object_get(body, name);
	if (!v || json_is_null(v))
		return;
	if (!json_is_integer(v) || json_integer_value(v) < 1) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be a whole number above 0.", name));
		*out = -1;
		return;
	}
	*out = (int64_t)json_integer_value(v);
}

int64_t purchases_web_id(const char *s)
{
	long long id;
	return s && text_parse_int(s, 1, 999999999999999LL, &id) == 0 ? (int64_t)id : 0;
}

static void purchase_json(struct json *w, const struct purchase *p)
{
	char amount[MONEY_TEXT];
	json_obj_open(w, NULL);
	json_int(w, "id", p->id);
	json_str(w, "kommune", p->kommune);
	json_int(w, "enterprise_id", p->enterprise_id);
	json_str(w, "enterprise_name", p->enterprise_name);
	json_str(w, "enterprise_kind", p->enterprise_kind);
	json_str(w, "date", p->date);
	json_str(w, "amount", money_api(amount, p->amount_ore));
	json_str(w, "service", p->service);
	json_str(w, "description", p->description);
	if (p->order_id)
		json_int(w, "order_id", p->order_id);
	else
		json_null_at(w, "order_id");
	if (p->agreement_id)
		json_int(w, "agreement_id", p->agreement_id);
	else
		json_null_at(w, "agreement_id");
	json_str(w, "created_at", p->created_at);
	json_obj_close(w);
}

/* POST /api/v1/purchases — the indkøber or konsulent of the municipality (the purchase is
 * theirs); the administrator names "kommune". {"enterprise_id", "date", "amount": "1234.50",
 * "description", "service"}. 201 {"id", ...}; 422 naming amount, date, enterprise_id, service. */
int purchases_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct purchase p = {0};
	p.kommune = api_member(r, body, "kommune");
	purchases_api_read_id(r, body, "enterprise_id", &p.enterprise_id);
	p.date = api_member(r, body, "date");
	p.service = api_member(r, body, "service");
	p.description = api_member(r, body, "description");
	/* the amount as a string (exact); a JSON number is accepted only when whole */
	json_t *am = json_object_get(body, "amount");
	const char *amount = "";
	if (json_is_string(am))
		amount = arena_strdup(&r->a, json_string_value(am));
	else if (json_is_integer(am))
		amount = arena_printf(&r->a, "%lld", (long long)json_integer_value(am));
	else if (am && !json_is_null(am))
		errs_add(&r->errs, "amount", "amount must be a string such as \"1234.50\".");
	json_decref(body);
	int rc = purchases_create(r->db, &r->a, r->user, &p, amount, &r->errs);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	purchase_json(&w, &p);
	reply_header(r, "Location", arena_printf(&r->a, "/api/v1/purchases?id=%lld", (long long)p.id));
	return reply_json(r, 201);
}

/* GET /api/v1/purchases — the municipality's purchasing (all for the administrator). ?year,
 * enterprise, service, kommune, sort (date: newest first, the default; amount: largest first),
 * limit, offset. {"items", "total", "sum", "limit", "offset"}. */
int purchases_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	struct purchases_query q = {.limit = limit, .offset = offset};
	long long year = 0;
	const char *v = req_query(r, "year");
	if (v && *v && text_parse_int(v, 1900, 2200, &year) != 0)
		return reply_api_error(r, 400, "bad_parameter", "year must be a year such as 2015.", "year");
	q.year = (int)year;
	v = req_query(r, "kommune");
	if (v && *v && !text_is_digits(v, 3))
		return reply_api_error(r, 400, "bad_parameter", "kommune must be a three-digit code.", "kommune");
	q.kommune = v && *v ? v : NULL;
	v = req_query(r, "enterprise");
	q.enterprise_id = purchases_web_id(v);
	v = req_query(r, "service");
	q.service = v && *v ? v : NULL;
	v = req_query(r, "sort");
	if (v && *v && strcmp(v, "date") && strcmp(v, "amount"))
		return reply_api_error(r, 400, "bad_parameter", "sort must be date or amount.", "sort");
	q.sort = v && !strcmp(v, "amount") ? PURCHASES_AMOUNT : PURCHASES_NEWEST;
	struct purchase *items;
	int n, total;
	int64_t sum;
	int rc = purchases_list(r->db, &r->a, r->user, &q, &items, &n, &total, &sum);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	char amount[MONEY_TEXT];
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_arr_open(&w, "items");
	for (int i = 0; i < n; i++)
		purchase_json(&w, &items[i]);
	json_arr_close(&w);
	json_int(&w, "total", total);
	json_str(&w, "sum", money_api(amount, sum));
	json_int(&w, "limit", limit);
	json_int(&w, "offset", offset);
	json_obj_close(&w);
	return reply_json(r, 200);
}

/* DELETE /api/v1/purchases/{id} — who may write the municipality's purchasing. 200
 * {"id", "deleted": true}; 404; 403. */
int purchases_api_delete(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	int rc = purchases_delete(r->db, &r->a, r->user, id);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", id);
	json_bool(&w, "deleted", true);
	json_obj_close(&w);
	return reply_json(r, 200);
}
