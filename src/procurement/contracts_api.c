/*
 * contracts_api.c — the JSON endpoints of contracts and leases. Layer: handlers of the
 * procurement capability; contracts_save() holds the rules and the access decision.
 */
#include <string.h>

#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/api.h"
#include "contracts.h"
#include "contracts_web.h"
#include "purchases_web.h"

static void contract_json(struct json *w, const struct contract *c)
{
	char value[MONEY_TEXT];
	json_obj_open(w, NULL);
	json_int(w, "id", c->id);
	json_str(w, "kommune", c->kommune);
	json_int(w, "enterprise_id", c->enterprise_id);
	json_str(w, "enterprise_name", c->enterprise_name);
	json_str(w, "kind", c->kind);
	json_str(w, "title", c->title);
	json_str(w, "start", c->start);
	json_str(w, "end", c->end);
	json_str(w, "value", c->has_value ? money_api(value, c->value_ore) : NULL);
	json_str(w, "note", c->note);
	if (c->tender_id)
		json_int(w, "tender_id", c->tender_id);
	else
		json_null_at(w, "tender_id");
	if (c->agreement_id)
		json_int(w, "agreement_id", c->agreement_id);
	else
		json_null_at(w, "agreement_id");
	json_arr_open(w, "commitments");
	for (int i = 0; i < c->ncommitments; i++) {
		const struct commitment *m = &c->commitments[i];
		json_obj_open(w, NULL);
		json_str(w, "text", m->text);
		json_str(w, "scheme", m->scheme);
		if (m->scheme) {
			json_int(w, "target", m->target);
			/* the people placed now: a number, or "<3" (access_counts_exact) */
			json_str(w, "placed", m->now_text);
		}
		json_obj_close(w);
	}
	json_arr_close(w);
	json_str(w, "created_at", c->created_at);
	json_str(w, "updated_at", c->updated_at);
	json_obj_close(w);
}

static void read_commitments(struct req *r, json_t *body, struct contract *c)
{
	json_t *v = json_object_get(body, "commitments");
	if (!v || json_is_null(v))
		return;
	if (!json_is_array(v) || json_array_size(v) > CONTRACTS_MAX_COMMITMENTS) {
		errs_add(&r->errs, "commitments", "commitments must be an array of at most 20 objects.");
		return;
	}
	struct commitment *m = arena_alloc(&r->a, sizeof(*m) * (json_array_size(v) + 1));
	size_t i;
	json_t *it;
	int n = 0;
	json_array_foreach(v, i, it) {
		if (!json_is_object(it)) {
			errs_add(&r->errs, "commitments", "each commitment must be an object {\"text\", \"scheme\", \"target\"}.");
			return;
		}
		memset(&m[n], 0, sizeof(m[n]));
		m[n].text = api_member(r, it, "text");
		m[n].scheme = api_member(r, it, "scheme");
		json_t *t = json_object_get(it, "target");
		if (t && !json_is_null(t)) {
			if (!json_is_integer(t) || json_integer_value(t) < 1 || json_integer_value(t) > 10000)
				m[n].target = -1;
			else
				m[n].target = (int)json_integer_value(t);
		}
		n++;
	}
	c->commitments = m;
	c->ncommitments = n;
}

/* POST /api/v1/contracts — the konsulent or indkøber of the municipality; the administrator
 * names "kommune". {"enterprise_id", "kind", "title", "start", "end", "value": "250000.00",
 * "note", "tender_id", "agreement_id", "commitments": [{"text", "scheme", "target"}]}. 201;
 * 403 for another municipality; 422 naming the field. */
int contracts_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct contract c = {0};
	c.kommune = api_member(r, body, "kommune");
	purchases_api_read_id(r, body, "enterprise_id", &c.enterprise_id);
	purchases_api_read_id(r, body, "tender_id", &c.tender_id);
	purchases_api_read_id(r, body, "agreement_id", &c.agreement_id);
	c.kind = api_member(r, body, "kind");
	c.title = api_member(r, body, "title");
	c.start = api_member(r, body, "start");
	c.end = api_member(r, body, "end");
	c.note = api_member(r, body, "note");
	const char *value = api_member(r, body, "value");
	read_commitments(r, body, &c);
	json_decref(body);
	int rc = contracts_save(r->db, &r->a, r->user, &c, value ? value : "", &r->errs);
	if (rc == 0)
		rc = contracts_followup(r->db, &r->a, r->user, &c);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	contract_json(&w, &c);
	reply_header(r, "Location", arena_printf(&r->a, "/api/v1/contracts/%lld", (long long)c.id));
	return reply_json(r, 201);
}

/* GET /api/v1/contracts — the municipality's purchasing (all for the administrator); ?kommune,
 * limit, offset. Without commitments (GET one has them). */
int contracts_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	const char *k = req_query(r, "kommune");
	if (k && *k && !text_is_digits(k, 3))
		return reply_api_error(r, 400, "bad_parameter", "kommune must be a three-digit code.", "kommune");
	struct contract *items;
	int n, total;
	int rc = contracts_list(r->db, &r->a, r->user, k && *k ? k : NULL, limit, offset, &items, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		contract_json(&w, &items[i]);
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* GET /api/v1/contracts/{id} — who may read the municipality's purchasing; each measurable
 * commitment with "placed": the people at the enterprise in its scheme today. 404, 403. */
int contracts_api_get(struct req *r)
{
	struct contract c;
	int rc = contracts_get(r->db, &r->a, r->user, req_param_int(r, "id"), &c);
	if (rc == 0)
		rc = contracts_followup(r->db, &r->a, r->user, &c);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	contract_json(&w, &c);
	return reply_json(r, 200);
}
