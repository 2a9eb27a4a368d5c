/*
 * strategies_api.c — the JSON endpoints of strategies, their goals with live values, and the
 * values of manual goals. Layer: handlers of the collab capability. Members of the body are
 * read into the domain's structs (type errors become field errors); strategies.h holds every
 * rule and the access decision.
 *
 * The JSON of a strategy and its goals is strategies_report.h's (shared with the command line):
 * counts are whole numbers; a soev_spend goal's values are amounts "1234.50" (kroner, as
 * strings, like every amount of the API); a count of people (positions, fleksjob) of 1 or 2 is
 * "<3" to anyone but the municipality's own staff, and then its progress is null.
 */
#include <string.h>

#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/api.h"
#include "../http/page.h"
#include "strategies.h"
#include "strategies_report.h"
#include "strategies_web.h"

static int reply_strategy(struct req *r, const struct strategy *s, int status)
{
	struct goal_status *gs;
	int n;
	int rc = goals_status(r->db, &r->a, r->user, s->id, page_today(r), &gs, &n);
	if (rc)
		return api_fail(r, rc);
	buf_reset(&r->out);
	strategies_report_json(&r->out, &r->a, s, gs, n, page_today(r));
	if (status == 201)
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/strategies/%lld", (long long)s->id));
	return reply_json(r, status);
}

/* GET /api/v1/strategies — the caller's municipality's (every one for the administrator) and
 * the public ones of all; public, signed out the public ones only. ?kommune, limit, offset. */
int strategies_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	const char *kommune = req_query(r, "kommune");
	if (kommune && *kommune && !text_is_digits(kommune, 3))
		return reply_api_error(r, 400, "bad_parameter", "kommune must be three digits.", "kommune");
	struct strategy *items;
	int n, total;
	int rc = strategies_list(r->db, &r->a, r->user, kommune && *kommune ? kommune : NULL,
	                         strategies_sort_of(req_query(r, "sort")), limit, offset, &items, &n,
	                         &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		strategies_json(&w, &items[i]);
		json_obj_close(&w);
	}
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* the members of body over s (PATCH semantics: absent members keep s's values) */
static void read_strategy(struct req *r, json_t *body, struct strategy *s)
{
	static const struct api_text_member text[] = {
		{"title", offsetof(struct strategy, title)},
		{"adopted_by", offsetof(struct strategy, adopted_by)},
		{"adopted_on", offsetof(struct strategy, adopted_on)},
		{"period_start", offsetof(struct strategy, period_start)},
		{"period_end", offsetof(struct strategy, period_end)},
		{"link", offsetof(struct strategy, link)},
	};
	api_text_members(r, body, s, text, sizeof text / sizeof text[0]);
	json_t *p = json_object_get(body, "public");
	if (p && !json_is_null(p)) {
		if (json_is_boolean(p))
			s->public = json_is_true(p);
		else
			errs_add(&r->errs, "public", "public must be true or false.");
	}
}

/* POST /api/v1/strategies — konsulent or jobkonsulent for their municipality, the
 * administrator for any. {"kommune" (absent: the caller's own), "title", "adopted_by",
 * "adopted_on", "period_start", "period_end", "link", "public"}. 201 with the strategy; 422
 * naming the field; 403. */
int strategies_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct strategy s = {.adopted_by = "", .link = ""};
	s.kommune = json_object_get(body, "kommune") ? api_member(r, body, "kommune")
	                                             : (r->user ? r->user->kommune : NULL);
	read_strategy(r, body, &s);
	json_decref(body);
	int rc = strategies_save(r->db, &r->a, r->user, &s, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_strategy(r, &s, 201);
}

/* GET /api/v1/strategies/{id} — who may read it (a public one: everybody): the strategy with
 * its goals counted today and their monthly series. 404 (signed out, not public), 403. */
int strategies_api_get(struct req *r)
{
	struct strategy s;
	int rc = strategies_get(r->db, &r->a, r->user, req_param_int(r, "id"), &s, NULL);
	if (rc)
		return api_fail(r, rc);
	return reply_strategy(r, &s, 200);
}

/* PATCH /api/v1/strategies/{id} — who may write it. The members of the create but kommune. */
int strategies_api_update(struct req *r)
{
	enum strategies_view view;
	struct strategy s;
	int rc = strategies_get(r->db, &r->a, r->user, req_param_int(r, "id"), &s, &view);
	if (rc == 0 && view != STRATEGIES_WRITE)
		rc = ERR_FORBIDDEN;
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_strategy(r, body, &s);
	json_decref(body);
	rc = strategies_save(r->db, &r->a, r->user, &s, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_strategy(r, &s, 200);
}

/* DELETE /api/v1/strategies/{id} — who may write it: the strategy with its goals. 204. */
int strategies_api_delete(struct req *r)
{
	int rc = strategies_delete(r->db, &r->a, r->user, req_param_int(r, "id"));
	if (rc)
		return api_fail(r, rc);
	buf_reset(&r->out);
	return reply_json(r, 204);
}

/* the target member: a whole number, or for soev_spend an amount "250000.00" (a string, or a
 * whole number of kroner); -1 when it is neither (the domain names the field) */
static void read_target(json_t *body, enum goal_metric metric, int64_t *target)
{
	json_t *v = json_object_get(body, "target");
	if (!v)
		return;
	if (json_is_integer(v)) {
		json_int_t x = json_integer_value(v);
		if (goal_metric_is_money(metric))
			*target = x > 0 && x <= MONEY_MAX_ORE / 100 ? (int64_t)x * 100 : -1;
		else
			*target = x > 0 ? (int64_t)x : -1;
	}
	else if (json_is_string(v) && goal_metric_is_money(metric)) {
		int64_t ore;
		*target = money_parse(json_string_value(v), 0, &ore) == 0 ? ore : -1;
	}
	else
		*target = -1;
}

static void read_goal(struct req *r, json_t *body, struct goal *g)
{
	static const struct api_text_member text[] = {
		{"title", offsetof(struct goal, title)},
		{"baseline_date", offsetof(struct goal, baseline_date)},
		{"deadline", offsetof(struct goal, deadline)},
	};
	api_text_members(r, body, g, text, sizeof text / sizeof text[0]);
	read_target(body, g->metric, &g->target);
}

static int reply_goal(struct req *r, int64_t strategy_id, int64_t goal_id, int status)
{
	struct goal_status *gs;
	int n;
	int rc = goals_status(r->db, &r->a, r->user, strategy_id, page_today(r), &gs, &n);
	if (rc)
		return api_fail(r, rc);
	for (int i = 0; i < n; i++)
		if (gs[i].goal.id == goal_id) {
			struct json w;
			buf_reset(&r->out);
			json_init(&w, &r->out);
			strategies_goal_json(&w, &r->a, &gs[i]);
			return reply_json(r, status);
		}
	return api_fail(r, ERR_NOTFOUND);
}

/* POST /api/v1/strategies/{id}/goals — who may write the strategy. {"title", "metric",
 * "baseline_date", "target", "deadline"}. 201 with the goal and its values; 422 naming the
 * field (metric unknown, target not positive, deadline not after the baseline date). */
int strategies_api_goal_add(struct req *r)
{
	int64_t sid = req_param_int(r, "id");
	enum strategies_view view;
	struct strategy s;
	int rc = strategies_get(r->db, &r->a, r->user, sid, &s, &view);
	if (rc == 0 && view != STRATEGIES_WRITE)
		rc = ERR_FORBIDDEN;
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct goal g = {.strategy_id = sid, .metric = GOAL_MANUAL};
	const char *metric = api_member(r, body, "metric");
	if (!metric || goal_metric_parse(metric, &g.metric) != 0)
		errs_add(&r->errs, "metric", "Vælg en af målingerne: new_rsv_registered, established,"
		                             " spinoffs, attracted, pipeline, advisory_sessions,"
		                             " network_meetings, positions, fleksjob, inhouse_companies,"
		                             " soev_spend eller manual.");
	read_goal(r, body, &g);
	json_decref(body);
	rc = goals_save(r->db, &r->a, r->user, &g, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_goal(r, sid, g.id, 201);
}

/* PATCH /api/v1/strategies/{id}/goals/{goal} — who may write the strategy: title,
 * baseline_date, target, deadline (the metric stays). */
int strategies_api_goal_update(struct req *r)
{
	struct goal g;
	struct strategy s;
	int rc = goals_get(r->db, &r->a, r->user, req_param_int(r, "goal"), &g, &s, NULL);
	if (rc == 0 && s.id != req_param_int(r, "id"))
		rc = ERR_NOTFOUND;
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_goal(r, body, &g);
	json_decref(body);
	rc = goals_save(r->db, &r->a, r->user, &g, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_goal(r, s.id, g.id, 200);
}

/* DELETE /api/v1/strategies/{id}/goals/{goal} — who may write the strategy. 204. */
int strategies_api_goal_delete(struct req *r)
{
	struct goal g;
	struct strategy s;
	int rc = goals_get(r->db, &r->a, r->user, req_param_int(r, "goal"), &g, &s, NULL);
	if (rc == 0 && s.id != req_param_int(r, "id"))
		rc = ERR_NOTFOUND;
	if (rc == 0)
		rc = goals_delete(r->db, &r->a, r->user, g.id);
	if (rc)
		return api_fail(r, rc);
	buf_reset(&r->out);
	return reply_json(r, 204);
}

/* PUT /api/v1/strategies/{id}/document?filename=strategi.pdf — who may write the strategy; the
 * body is the PDF itself (Content-Type application/pdf), judged by its bytes. 200 with the
 * strategy; 413 over 10 MB; 422 document (not a clean PDF, the reason in Danish); 415 another
 * type. */
int strategies_api_document(struct req *r)
{
	const char *type = r->content_type ? r->content_type : "";
	if (strncmp(type, "application/pdf", 15) != 0 || (type[15] && type[15] != ';' && type[15] != ' '))
		return reply_api_error(r, 415, "unsupported_media_type",
		                       "Send the document as the body with Content-Type: application/pdf.", NULL);
	int64_t id = req_param_int(r, "id");
	const char *name = req_query(r, "filename");
	int rc = strategies_set_document(r->db, &r->a, r->user, id, (const unsigned char *)r->body,
	                                 r->body_len, name ? name : "strategi.pdf", &r->errs);
	if (rc == ERR_TOOBIG)
		return reply_api_error(r, 413, "too_large", "Filen er for stor: højst 10 MB.", "document");
	struct strategy s;
	if (rc == 0)
		rc = strategies_get(r->db, &r->a, r->user, id, &s, NULL);
	if (rc)
		return api_fail(r, rc);
	return reply_strategy(r, &s, 200);
}

static void value_item_json(struct json *w, const struct goal_value *v)
{
	json_obj_open(w, NULL);
	json_int(w, "id", v->id);
	json_str(w, "date", v->date);
	json_int(w, "value", v->value);
	json_str(w, "entered_by", v->by_name);
	json_str(w, "entered_at", v->created_at);
	json_obj_close(w);
}

/* POST /api/v1/goals/{id}/values — who may write the goal's strategy: {"date", "value"} of a
 * manual goal. 201 with the value; 422 field metric for a goal that is counted. */
int strategies_api_value_add(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct goal_value v = {.value = -1};
	v.date = api_member(r, body, "date");
	json_t *x = json_object_get(body, "value");
	if (x && json_is_integer(x))
		v.value = (int64_t)json_integer_value(x);
	else if (x && !json_is_null(x))
		errs_add(&r->errs, "value", "value must be a whole number.");
	json_decref(body);
	int64_t gid = req_param_int(r, "id");
	int rc = goals_value_add(r->db, &r->a, r->user, gid, &v, &r->errs);
	if (rc)
		return api_fail(r, rc);
	/* the stored row, with when it was entered */
	struct goal_value *items;
	int n;
	if (goals_values(r->db, &r->a, r->user, gid, &items, &n) == 0)
		for (int i = 0; i < n; i++)
			if (items[i].id == v.id)
				v = items[i];
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	value_item_json(&w, &v);
	return reply_json(r, 201);
}

/* GET /api/v1/goals/{id}/values — who may read the goal's strategy: the values, newest first. */
int strategies_api_values(struct req *r)
{
	struct goal_value *items;
	int n;
	int rc = goals_values(r->db, &r->a, r->user, req_param_int(r, "id"), &items, &n);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		value_item_json(&w, &items[i]);
	api_list_end(r, &w, n, n, 0);
	return 0;
}
