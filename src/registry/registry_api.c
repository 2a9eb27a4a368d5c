/*
 * registry_api.c — the registry's JSON endpoints. Layer: handlers of the registry capability.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/err.h"
#include "../base/memo.h"
#include "../base/errs.h"
#include "../http/api.h"
#include "registry.h"
#include "registry_report.h"
#include "registry_web.h"

/* The list's answers of late: the first pages and common filters are asked for again and again,
 * and the registry changes seldom (src/base/memo.h). 512 answers of 20 items are about 2 MB. */
#define LIST_KEY 1024
static struct memo list_memo = MEMO_INIT(512, 8u << 20);

/* GET /api/v1/enterprises — public. ?q, kommune, service, target, kind=soev|company|all
 * (default all), status, registered, sort=name|established|kommune|relevance (default name, or
 * relevance with q; relevance only with q), limit, offset. Public fields only. ?kommune=K lists
 * the enterprises whose home K is and those that work with K (Bilag 1); "home" says which.
 * "total_exact" false means "total" is a bound: there are more matches than that. */
int registry_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	const char *sort = req_query(r, "sort");
	if (sort && strcmp(sort, "name") && strcmp(sort, "established") && strcmp(sort, "kommune") &&
	    strcmp(sort, "relevance"))
		return reply_api_error(r, 400, "bad_parameter",
		                       "sort must be name, established, kommune or relevance.", "sort");
	const char *kind = req_query(r, "kind");
	if (kind && *kind && strcmp(kind, "all") && !registry_kind_valid(kind))
		return reply_api_error(r, 400, "bad_parameter", "kind must be soev, company or all.", "kind");
	struct registry_query q;
	registry_query_from(r, &q, limit);
	q.offset = offset;
	/* the answer depends on q and the registry alone: kept while the registry's version stays */
	char key[LIST_KEY];
	int64_t version;
	bool keyed = registry_memo_key(r->db, &q, key, sizeof(key), &version);
	buf_reset(&r->out);
	if (keyed && memo_get(&list_memo, key, version, &r->out))
		return reply_json(r, 200);
	struct registry_item *items;
	int n, total;
	bool exact;
	int rc = registry_list_page(r->db, &r->a, &q, &items, &n, &total, &exact);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		json_int(&w, "id", items[i].id);
		json_str(&w, "name", items[i].name);
		json_str(&w, "cvr", items[i].cvr);
		json_str(&w, "kommune", items[i].kommune);
		json_str(&w, "kind", items[i].kind);
		json_str(&w, "status", items[i].status);
		json_str(&w, "established", items[i].established);
		json_bool(&w, "registered", items[i].rsv_registered && strcmp(items[i].rsv_registered, q.day) <= 0);
		json_bool(&w, "home", items[i].home);
		json_obj_close(&w);
	}
	api_list_end_bounded(r, &w, total, exact, limit, offset);
	if (keyed && !r->out.failed)
		memo_put(&list_memo, key, version, r->out.data, r->out.len);
	return 0;
}

static void strings(struct json *w, const char *key, const char *const *arr, int n)
{
	json_arr_open(w, key);
	for (int i = 0; i < n; i++)
		json_str(w, NULL, arr[i]);
	json_arr_close(w);
}

static void enterprise_json(struct req *r, const struct enterprise *e)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", e->id);
	json_str(&w, "name", e->name);
	json_str(&w, "cvr", e->cvr);
	json_str(&w, "kommune", e->kommune);
	json_str(&w, "kind", e->kind);
	json_bool(&w, "entrepreneur", e->entrepreneur);
	json_str(&w, "legal_form", *e->legal_form ? e->legal_form : NULL);
	json_str(&w, "origin", *e->origin ? e->origin : NULL);
	const char *p[3];
	int np = 0;
	if (e->purpose_social)
		p[np++] = "social";
	if (e->purpose_health)
		p[np++] = "health";
	if (e->purpose_environment)
		p[np++] = "environment";
	strings(&w, "purposes", p, np);
	static const char *crit[] = {"purpose", "sells", "reinvests", "independent", "cvr"};
	const char *c[5];
	int nc = 0;
	for (int i = 0; i < 5; i++)
		if (e->criteria & (1 << i))
			c[nc++] = crit[i];
	strings(&w, "criteria", c, nc);
	json_str(&w, "pipeline_since", e->pipeline_since);
	json_str(&w, "established", e->established);
	json_str(&w, "rsv_registered", e->rsv_registered);
	json_str(&w, "closed", e->closed);
	strings(&w, "services", e->services, e->nservices);
	strings(&w, "target_groups", e->targets, e->ntargets);
	strings(&w, "other_kommuner", e->others, e->nothers);
	json_str(&w, "contact_name", e->contact_name);
	json_str(&w, "contact_email", e->contact_email);
	json_str(&w, "contact_phone", e->contact_phone);
	json_str(&w, "address", e->address);
	json_str(&w, "website", e->website);
	json_str(&w, "description", e->description);
	json_obj_close(&w);
}

/* GET /api/v1/enterprises/{id} — public. */
int registry_api_get(struct req *r)
{
	struct enterprise e;
	int rc = registry_get(r->db, &r->a, req_param_int(r, "id"), &e);
	if (rc)
		return api_fail(r, rc);
	enterprise_json(r, &e);
	return reply_json(r, 200);
}

/* the members present in body over e (absent members keep e's values: PATCH semantics) */
static void read_body(struct req *r, json_t *body, struct enterprise *e)
{
	static const struct api_text_member texts[] = {
		{"name", offsetof(struct enterprise, name)},
		{"cvr", offsetof(struct enterprise, cvr)},
		{"kommune", offsetof(struct enterprise, kommune)},
		{"kind", offsetof(struct enterprise, kind)},
		{"legal_form", offsetof(struct enterprise, legal_form)},
		{"origin", offsetof(struct enterprise, origin)},
		{"pipeline_since", offsetof(struct enterprise, pipeline_since)},
		{"established", offsetof(struct enterprise, established)},
		{"rsv_registered", offsetof(struct enterprise, rsv_registered)},
		{"closed", offsetof(struct enterprise, closed)},
		{"contact_name", offsetof(struct enterprise, contact_name)},
		{"contact_email", offsetof(struct enterprise, contact_email)},
		{"contact_phone", offsetof(struct enterprise, contact_phone)},
		{"address", offsetof(struct enterprise, address)},
		{"website", offsetof(struct enterprise, website)},
		{"description", offsetof(struct enterprise, description)},
	};
	api_text_members(r, body, e, texts, sizeof(texts) / sizeof(texts[0]));
	json_t *v = json_object_get(body, "entrepreneur");
	if (v && !json_is_boolean(v))
		errs_add(&r->errs, "entrepreneur", "entrepreneur must be true or false.");
	else if (v)
		e->entrepreneur = json_is_true(v);
	const char *arr[REGISTRY_MAX_LIST];
	int n = -1;
	api_strings(r, body, "purposes", arr, REGISTRY_MAX_LIST, &n);
	if (n >= 0) {
		e->purpose_social = e->purpose_health = e->purpose_environment = false;
		for (int i = 0; i < n; i++) {
			if (!strcmp(arr[i], "social"))
				e->purpose_social = true;
			else if (!strcmp(arr[i], "health"))
				e->purpose_health = true;
			else if (!strcmp(arr[i], "environment"))
				e->purpose_environment = true;
			else
				errs_add(&r->errs, "purposes", "purposes are social, health and environment.");
		}
	}
	n = -1;
	api_strings(r, body, "criteria", arr, REGISTRY_MAX_LIST, &n);
	if (n >= 0) {
		static const char *crit[] = {"purpose", "sells", "reinvests", "independent", "cvr"};
		e->criteria = 0;
		for (int i = 0; i < n; i++) {
			int bit = -1;
			for (int k = 0; k < 5; k++)
				if (!strcmp(arr[i], crit[k]))
					bit = k;
			if (bit < 0)
				errs_add(&r->errs, "criteria", "criteria are purpose, sells, reinvests, independent and cvr.");
			else
				e->criteria |= 1 << bit;
		}
	}
	api_strings(r, body, "services", e->services, REGISTRY_MAX_LIST, &e->nservices);
	api_strings(r, body, "target_groups", e->targets, REGISTRY_MAX_LIST, &e->ntargets);
	api_strings(r, body, "other_kommuner", e->others, REGISTRY_MAX_LIST, &e->nothers);
}

static int save_and_reply(struct req *r, struct enterprise *e, int status)
{
	if (r->errs.n)
		return api_fail(r, ERR_INVALID);
	int rc = registry_save(r->db, &r->a, r->user, e, &r->errs);
	if (rc)
		return api_fail(r, rc);
	struct enterprise saved;
	rc = registry_get(r->db, &r->a, e->id, &saved);
	if (rc)
		return api_fail(r, rc);
	enterprise_json(r, &saved);
	if (status == 201)
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/enterprises/%lld", (long long)e->id));
	return reply_json(r, status);
}

/* POST /api/v1/enterprises — staff of the enterprise's municipality (kommune member), or admin.
 * The members of GET /api/v1/enterprises/{id}; name and kommune required, kind "soev" unless
 * given. 201. */
int registry_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct enterprise e = {0};
	read_body(r, body, &e);
	json_decref(body);
	return save_and_reply(r, &e, 201);
}

/* PATCH /api/v1/enterprises/{id} — staff of its municipality, or admin. Members as for POST;
 * absent members are unchanged. */
int registry_api_update(struct req *r)
{
	struct enterprise e;
	int rc = registry_get(r->db, &r->a, req_param_int(r, "id"), &e);
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_body(r, body, &e);
	json_decref(body);
	return save_and_reply(r, &e, 200);
}

/* GET /api/v1/stats/enterprises — public. ?year=Y[&kommuner=...][&table=2] */
int registry_api_stats(struct req *r)
{
	int year;
	const char **list;
	if (!registry_web_stats_params(r, true, &year, &list))
		return 0;
	/* one table an answer: only the one asked for is counted */
	const char *table = req_query(r, "table");
	int rc;
	buf_reset(&r->out);
	if (table && !strcmp(table, "2")) {
		struct tabel2_row *t2;
		int n2, t2_total;
		if ((rc = registry_tabel2(r->db, &r->a, year, list, &t2, &n2, &t2_total)) != 0)
			return api_fail(r, rc);
		registry_tabel2_json(&r->out, year, t2, n2, t2_total);
	} else {
		struct tabel1_row *rows, sum;
		int n;
		if ((rc = registry_tabel1(r->db, &r->a, year, list, &rows, &n, &sum)) != 0)
			return api_fail(r, rc);
		registry_tabel1_json(&r->out, year, rows, n, &sum);
	}
	return reply_json(r, 200);
}

/* the managed list opts as {"items": [{"key", "label"}], "total", "limit", "offset"}, all in one
 * answer in the list's order, like /api/v1/kommuner */
static int options_reply(struct req *r, bool targets)
{
	struct option_kv *opts;
	int n;
	int rc = registry_options(r->db, &r->a, targets, &opts, &n);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		json_str(&w, "key", opts[i].key);
		json_str(&w, "label", opts[i].label);
		json_obj_close(&w);
	}
	api_list_end(r, &w, n, n, 0);
	return 0;
}

/* GET /api/v1/lists/services — public. The managed list of services an enterprise sells. */
int registry_api_list_services(struct req *r)
{
	return options_reply(r, false);
}

/* GET /api/v1/lists/target_groups — public. The managed list of target groups. */
int registry_api_list_target_groups(struct req *r)
{
	return options_reply(r, true);
}
