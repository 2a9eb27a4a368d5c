/*
 * orders_api.c — the JSON endpoints of orders. Layer: handlers of the procurement capability;
 * orders.c holds the rules and asks the access decision.
 */
#include <string.h>

#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../http/api.h"
#include "orders.h"
#include "orders_web.h"
#include "purchases_web.h"

static void order_json(struct json *w, const struct order *o)
{
	char amount[MONEY_TEXT];
	json_obj_open(w, NULL);
	json_int(w, "id", o->id);
	json_str(w, "kommune", o->kommune);
	json_int(w, "enterprise_id", o->enterprise_id);
	json_str(w, "enterprise_name", o->enterprise_name);
	if (o->agreement_id)
		json_int(w, "agreement_id", o->agreement_id);
	else
		json_null_at(w, "agreement_id");
	json_str(w, "reference", o->reference);
	json_str(w, "delivery_address", o->delivery_address);
	json_str(w, "wanted_by", o->wanted_by);
	json_str(w, "note", o->note);
	json_str(w, "status", o->status);
	json_str(w, "answer", o->answer);
	json_str(w, "total", money_api(amount, o->total_ore));
	json_arr_open(w, "lines");
	for (int i = 0; i < o->nlines; i++) {
		const struct order_line *l = &o->lines[i];
		json_obj_open(w, NULL);
		if (l->product_id)
			json_int(w, "product_id", l->product_id);
		else
			json_null_at(w, "product_id");
		json_str(w, "title", l->title);
		json_str(w, "unit", l->unit);
		json_int(w, "quantity", l->quantity);
		json_str(w, "price", money_api(amount, l->price_ore));
		json_int(w, "vat_rate", l->vat_rate);
		json_obj_close(w);
	}
	json_arr_close(w);
	json_str(w, "created_at", o->created_at);
	json_str(w, "updated_at", o->updated_at);
	json_obj_close(w);
}

static int reply_order(struct req *r, const struct order *o, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	order_json(&w, o);
	if (status == 201)
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/orders/%lld", (long long)o->id));
	return reply_json(r, status);
}

static void read_lines(struct req *r, json_t *body, struct order *o)
{
	json_t *v = json_object_get(body, "lines");
	if (!v || json_is_null(v))
		return;
	if (!json_is_array(v) || json_array_size(v) > ORDERS_MAX_LINES) {
		errs_add(&r->errs, "lines", "lines must be an array of at most 50 objects.");
		return;
	}
	struct order_line *lines = arena_alloc(&r->a, sizeof(*lines) * (json_array_size(v) + 1));
	size_t i;
	json_t *it;
	int n = 0;
	json_array_foreach(v, i, it) {
		if (!json_is_object(it)) {
			errs_add(&r->errs, "lines", "each line must be an object.");
			return;
		}
		struct order_line *l = &lines[n++];
		memset(l, 0, sizeof(*l));
		purchases_api_read_id(r, it, "product_id", &l->product_id);
		json_t *q = json_object_get(it, "quantity");
		if (json_is_integer(q) && json_integer_value(q) >= 1 && json_integer_value(q) <= 1000000)
			l->quantity = (int)json_integer_value(q);
		else
			l->quantity = -1;
		l->title = api_member(r, it, "title");
		l->unit = api_member(r, it, "unit");
		l->price_text = api_member(r, it, "price");
	}
	o->lines = lines;
	o->nlines = n;
}

/* POST /api/v1/orders — the konsulent or indkøber of the municipality (the administrator names
 * "kommune"). {"enterprise_id", "lines": [{"product_id", "quantity"} or {"title", "quantity",
 * "unit", "price": "125.00"}], "reference", "delivery_address", "wanted_by", "note"}. 201 with
 * the order (its lines copied from the catalogue, "total"); 422 naming the field; 403. */
int orders_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct order o = {0};
	o.kommune = api_member(r, body, "kommune");
	purchases_api_read_id(r, body, "enterprise_id", &o.enterprise_id);
	o.reference = api_member(r, body, "reference");
	o.delivery_address = api_member(r, body, "delivery_address");
	o.wanted_by = api_member(r, body, "wanted_by");
	o.note = api_member(r, body, "note");
	read_lines(r, body, &o);
	json_decref(body);
	int rc = orders_create(r->db, &r->a, r->user, &o, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_order(r, &o, 201);
}

/* GET /api/v1/orders — the municipality's orders (all for the administrator), or an
 * enterprise's own account its enterprise's. ?status, limit, offset. */
int orders_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	const char *status = req_query(r, "status");
	struct order *items;
	int n, total;
	int rc = orders_list(r->db, &r->a, r->user, status && *status ? status : NULL, limit, offset, &items,
	                     &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		order_json(&w, &items[i]);
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* GET /api/v1/orders/{id} — the municipality's purchasing or the enterprise's own account. */
int orders_api_get(struct req *r)
{
	struct order o;
	int rc = orders_get(r->db, &r->a, r->user, req_param_int(r, "id"), &o);
	if (rc)
		return api_fail(r, rc);
	return reply_order(r, &o, 200);
}

/* PATCH /api/v1/orders/{id} — {"status": "accepted"|"declined"|"delivered", "answer"} by the
 * enterprise's own account, or {"status": "cancelled"} by the buyer's municipality. 200 with
 * the order; 409 (field status) for a move its status does not allow; 403; 404. */
int orders_api_status(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	const char *status = api_member(r, body, "status");
	const char *answer = api_member(r, body, "answer");
	json_decref(body);
	int64_t id = req_param_int(r, "id");
	int rc = r->errs.n ? ERR_INVALID : orders_set_status(r->db, &r->a, r->user, id, status, answer, &r->errs);
	struct order o;
	if (rc == 0)
		rc = orders_get(r->db, &r->a, r->user, id, &o);
	if (rc)
		return api_fail(r, rc);
	return reply_order(r, &o, 200);
}
