/*
 * bids_api.c — the JSON endpoints of bids: submit, list, documents, scores, the result and the
 * award. Layer: handlers of the procurement capability; bids.h holds every rule, including who
 * may see what of a bid and when.
 */
#include <string.h>

#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../http/api.h"
#include "bids.h"
#include "tenders_web.h"

static int reply_id(struct req *r, int64_t id, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", id);
	json_obj_close(&w);
	return reply_json(r, status);
}

/* the whole-number member name (> 0), or 0 with a field error when present but not one */
static int64_t member_id(struct req *r, json_t *body, const char *name)
{
	json_t *v = json_object_get(body, name);
	if (!v)
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) <= 0) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be a positive whole number.", name));
		return 0;
	}
	return (int64_t)json_integer_value(v);
}

/* POST /api/v1/tenders/{id}/bids — an enterprise's own account (access_supplier):
 * {"enterprise_id", "price": "1234.50", "note"?}. 201 {"id"} for a new bid, 200 {"id",
 * "replaced": true} when it replaced the enterprise's earlier bid; 409 after the deadline; 403
 * for another enterprise; 422 price. */
int bids_api_submit(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct bid b = {0};
	b.enterprise_id = member_id(r, body, "enterprise_id");
	if (!b.enterprise_id && r->user && !json_object_get(body, "enterprise_id"))
		b.enterprise_id = r->user->enterprise_id;
	const char *price = api_member(r, body, "price");
	if (!price && !json_object_get(body, "price"))
		errs_add(&r->errs, "price", "Skriv buddets pris i kroner uden moms, fx \"1250000.00\".");
	else if (price && money_parse(price, 0, &b.price_ore) != 0)
		errs_add(&r->errs, "price", "price must be an amount in kroner as a string, e.g. \"1250000.00\".");
	b.note = api_member(r, body, "note");
	json_decref(body);
	bool replaced = false;
	/* the type errors above are the submit's: it answers 403/404/409 before them */
	int rc = bids_submit(r->db, &r->a, r->user, req_param_int(r, "id"), &b, &r->errs, &replaced);
	if (rc)
		return api_fail(r, rc);
	if (!replaced)
		return reply_id(r, b.id, 201);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", b.id);
	json_bool(&w, "replaced", true);
	json_obj_close(&w);
	return reply_json(r, 200);
}

static void bid_json(struct json *w, const struct bid *b)
{
	char money[MONEY_TEXT];
	json_obj_open(w, NULL);
	json_int(w, "id", b->id);
	json_int(w, "tender_id", b->tender_id);
	json_int(w, "enterprise_id", b->enterprise_id);
	json_str(w, "enterprise", b->enterprise_name);
	json_str(w, "price", money_api(money, b->price_ore));
	json_str(w, "note", b->note);
	json_str(w, "submitted_at", b->submitted_at);
	json_int(w, "documents", b->ndocuments);
	json_str(w, "notified_at", b->notified_at);
	json_obj_close(w);
}

/* GET /api/v1/tenders/{id}/bids — the staff once the deadline has passed (409 before: the
 * bids are sealed); an enterprise's own account gets its own bid (0 or 1 items). */
int bids_api_list(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct bid *items = NULL;
	int n = 0;
	int rc;
	if (r->user && r->user->enterprise_id) {
		struct bid own;
		struct tender t;
		rc = tenders_get(r->db, &r->a, r->user, id, &t); /* a draft or no tender: 404 */
		if (rc == 0)
			rc = bids_own(r->db, &r->a, r->user, id, r->user->enterprise_id, &own);
		if (rc == 0) {
			items = &own;
			n = 1;
		} else if (rc == ERR_NOTFOUND) {
			rc = 0;
		}
		if (rc == 0) {
			struct json w;
			api_list_begin(r, &w);
			for (int i = 0; i < n; i++)
				bid_json(&w, &items[i]);
			api_list_end(r, &w, n, 1, 0);
			return 0;
		}
		return api_fail(r, rc);
	}
	rc = bids_list(r->db, &r->a, r->user, id, &items, &n);
	if (rc == ERR_CONFLICT)
		return reply_api_error(r, 409, "sealed", "The bids are sealed until the deadline for bids has passed.",
		                       NULL);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		bid_json(&w, &items[i]);
	api_list_end(r, &w, n, n, 0);
	return 0;
}

/* POST /api/v1/bids/{id}/documents?filename=tilbud.pdf — the bidder, before the deadline; the
 * body is the PDF itself (Content-Type application/pdf). 201 {"id", "sha256", "size"}; 413 over
 * 10 MB; 422 document (not a clean PDF, with the reason in Danish); 415 another type. */
int bids_api_document(struct req *r)
{
	const char *type = r->content_type ? r->content_type : "";
	if (strncmp(type, "application/pdf", 15) != 0 || (type[15] && type[15] != ';' && type[15] != ' '))
		return reply_api_error(r, 415, "unsupported_media_type",
		                       "Send the document as the body with Content-Type: application/pdf.", NULL);
	int64_t id = 0;
	int rc = bids_document_add(r->db, &r->a, r->user, req_param_int(r, "id"), req_query(r, "filename"),
	                           r->body, r->body_len, &r->errs, &id);
	if (rc == ERR_TOOBIG)
		return reply_api_error(r, 413, "too_large", r->errs.n ? r->errs.e[0].message : "Too large.",
		                       "document");
	if (rc)
		return api_fail(r, rc);
	return reply_id(r, id, 201);
}

/* POST /api/v1/tenders/{id}/scores — the staff who may write, after the deadline and before
 * the award: {"bid_id", "scores": {"kvalitet": 7, ...}, "justifications": {"kvalitet": "..."}?}.
 * 200 {"id": bid_id}; 422 scores (unknown criterion, the price, outside 0-10); 409 sealed or
 * awarded. */
int bids_api_scores(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	int64_t bid_id = member_id(r, body, "bid_id");
	json_t *scores = json_object_get(body, "scores"), *just = json_object_get(body, "justifications");
	struct bid_score_in in[16];
	int n = 0;
	if (!json_is_object(scores) || json_object_size(scores) > 16) {
		errs_add(&r->errs, "scores", "scores must be an object of criterion: 0-10.");
	} else {
		const char *key;
		json_t *v;
		json_object_foreach(scores, key, v) {
			if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 10) {
				errs_add(&r->errs, "scores", arena_printf(&r->a, "Point for \"%s\" skal være et helt "
				                                                 "tal fra 0 til 10.", key));
				break;
			}
			json_t *j = json_is_object(just) ? json_object_get(just, key) : NULL;
			in[n++] = (struct bid_score_in){arena_strdup(&r->a, key), (int)json_integer_value(v),
			                                json_is_string(j) ? arena_strdup(&r->a, json_string_value(j)) : NULL};
		}
	}
	if (just && !json_is_object(just))
		errs_add(&r->errs, "justifications", "justifications must be an object of criterion: text.");
	json_decref(body);
	if (!bid_id && !errs_get(&r->errs, "bid_id"))
		errs_add(&r->errs, "bid_id", "bid_id must name a bid of the tender.");
	/* the access answer comes before the input's errors */
	struct tender t;
	bool write = false;
	int rc = tenders_get(r->db, &r->a, r->user, req_param_int(r, "id"), &t);
	if (rc == 0 && (!tenders_staff(r->user, &t, &write) || !write))
		rc = ERR_FORBIDDEN;
	if (rc == 0 && r->errs.n)
		rc = ERR_INVALID;
	if (rc == 0)
		rc = bids_score(r->db, &r->a, r->user, t.id, bid_id, in, n, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_id(r, bid_id, 200);
}

/* the ranking as JSON (see bids_api_result) */
static void result_json(struct req *r, struct json *w, const struct tender_result *res)
{
	const struct tender *t = &res->tender;
	char money[MONEY_TEXT];
	json_obj_open(w, NULL);
	json_int(w, "tender_id", t->id);
	json_str(w, "status", t->state);
	json_str(w, "price_model", "lowest_ratio");
	json_bool(w, "complete", res->complete);
	json_arr_open(w, "ranking");
	for (int i = 0; i < res->n; i++) {
		const struct bid_rank *b = &res->rows[i];
		json_obj_open(w, NULL);
		json_int(w, "rank", b->rank);
		json_int(w, "bid_id", b->bid.id);
		if (b->named) {
			json_int(w, "enterprise_id", b->bid.enterprise_id);
			json_str(w, "enterprise", b->bid.enterprise_name);
			json_str(w, "price", money_api(money, b->bid.price_ore));
		} else {
			json_null_at(w, "enterprise_id");
			json_null_at(w, "enterprise");
			json_null_at(w, "price");
		}
		json_raw(w, "total", bids_hundredths(&r->a, b->total, false));
		json_bool(w, "complete", b->complete);
		json_bool(w, "winner", t->awarded_bid_id && b->bid.id == t->awarded_bid_id);
		json_obj_open(w, "by_criterion");
		for (int k = 0; k < t->ncriteria; k++) {
			if (b->score[k] < 0)
				json_null_at(w, t->criteria[k].key);
			else
				json_raw(w, t->criteria[k].key, bids_hundredths(&r->a, b->score[k], false));
		}
		json_obj_close(w);
		json_obj_close(w);
	}
	json_arr_close(w);
	if (res->reasons) {
		json_obj_open(w, "reasons");
		for (int k = 0; k < t->ncriteria; k++)
			json_str(w, t->criteria[k].key, res->reasons[k]);
		json_obj_close(w);
	}
	json_obj_close(w);
}

/* GET /api/v1/tenders/{id}/result — the staff once the deadline has passed (409 before: sealed),
 * everyone after the award (other bidders' names and prices null). {"ranking": [{"rank",
 * "bid_id", "enterprise_id", "enterprise", "price", "total", "by_criterion": {"pris": 8.57,
 * ...}, "complete", "winner"}], "complete", "reasons"?}: scores 0-10 and the total 0-100 with
 * two decimals; the price scored lowest / price × 10; ties by price, then submission time. */
int bids_api_result(struct req *r)
{
	struct tender_result res;
	int rc = bids_result(r->db, &r->a, r->user, req_param_int(r, "id"), &res);
	if (rc == ERR_CONFLICT)
		return reply_api_error(r, 409, "sealed", "The bids are sealed until the deadline for bids has passed.",
		                       NULL);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	result_json(r, &w, &res);
	return reply_json(r, 200);
}

/* POST /api/v1/tenders/{id}/award — the staff who may write, after the deadline: {"bid_id",
 * "reasons": {"<criterion key>": "why", ...} (one per criterion), "note"?}. The tender becomes
 * awarded and every bidder gets a letter through the outbox. 200 with the result; 422 bid_id,
 * scores (not every bid scored) or reasons; 409 sealed or decided. */
int bids_api_award(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct tender t;
	int rc = tenders_get(r->db, &r->a, r->user, id, &t);
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	int64_t bid_id = member_id(r, body, "bid_id");
	json_t *reasons = json_object_get(body, "reasons");
	const char **texts = arena_alloc(&r->a, sizeof(*texts) * (size_t)(t.ncriteria + 1));
	for (int k = 0; k < t.ncriteria; k++) {
		json_t *v = json_is_object(reasons) ? json_object_get(reasons, t.criteria[k].key) : NULL;
		texts[k] = json_is_string(v) ? arena_strdup(&r->a, json_string_value(v)) : NULL;
	}
	if (reasons && !json_is_object(reasons))
		errs_add(&r->errs, "reasons", "reasons must be an object of criterion: text.");
	const char *note = api_member(r, body, "note");
	json_decref(body);
	bool write;
	if (!tenders_staff(r->user, &t, &write) || !write)
		return api_fail(r, ERR_FORBIDDEN);
	if (r->errs.n)
		return api_fail(r, ERR_INVALID);
	rc = bids_award(r->db, &r->a, r->user, id, bid_id, texts, t.ncriteria, note, &r->errs);
	struct tender_result res;
	if (rc == 0)
		rc = bids_result(r->db, &r->a, r->user, id, &res);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	result_json(r, &w, &res);
	return reply_json(r, 200);
}
