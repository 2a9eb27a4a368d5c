/*
 * placements_api.c — the JSON endpoints of placements, their follow-ups and Tabel 4 from data.
 * Layer: handlers of the employment capability: read the request, call the domain, write the
 * answer. The rules and the access decisions are placements.c's and access.h's.
 */
#include <stddef.h>
#include <string.h>

#include "../auth/access.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/api.h"
#include "employment_stats.h"
#include "placements.h"
#include "placements_web.h"

/* ---- reading bodies */

/* an id member: 0 when absent or null, -1 (with a field error) when not a positive integer */
static int64_t member_id(struct req *r, json_t *body, const char *name)
{
	json_t *v = json_object_get(body, name);
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) <= 0) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s skal være et positivt heltal.", name));
		return -1;
	}
	return (int64_t)json_integer_value(v);
}

/* hours: *given false when absent; *null true for null; otherwise the number (a non-integer is
 * a field error) */
static void member_hours(struct req *r, json_t *body, bool *given, bool *null, long long *hours)
{
	json_t *v = json_object_get(body, "hours");
	*given = v != NULL;
	*null = v && json_is_null(v);
	*hours = 0;
	if (!v || json_is_null(v))
		return;
	if (!json_is_integer(v))
		errs_add(&r->errs, "hours", "Timer pr. uge skal være et helt tal fra 1 til 37.");
	else
		*hours = (long long)json_integer_value(v);
}

/* a boolean member: dflt when absent or null; a field error for another type */
static bool member_bool(struct req *r, json_t *body, const char *name, bool dflt)
{
	json_t *v = json_object_get(body, name);
	if (!v || json_is_null(v))
		return dflt;
	if (!json_is_boolean(v)) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s skal være true eller false.", name));
		return dflt;
	}
	return json_is_true(v);
}

/* ---- writing answers */

/* one follow-up as a JSON object in an array */
static void followup_json(struct json *w, const struct placement_followup *f)
{
	json_obj_open(w, NULL);
	json_int(w, "id", f->id);
	json_str(w, "due", f->due);
	json_str(w, "note", f->note);
	json_str(w, "done_at", f->done_at);
	json_str(w, "reminded_at", f->reminded_at);
	json_obj_close(w);
}

/* one placement as its view allows: the enterprise's view has only the first name, the scheme,
 * start, end and hours */
static void placement_json(struct json *w, const struct placement *p, bool with_followups)
{
	json_obj_open(w, NULL);
	json_int(w, "id", p->id);
	json_int(w, "enterprise_id", p->enterprise_id);
	if (p->view == ACCESS_PLACEMENT_ENTERPRISE) {
		json_str(w, "first_name", p->citizen_name);
	} else {
		json_int(w, "citizen_id", p->citizen_id);
		json_str(w, "citizen_name", p->citizen_name);
		json_bool(w, "anonymized", p->citizen_anonymized);
		json_str(w, "kommune", p->kommune);
		json_str(w, "enterprise_name", p->enterprise_name);
		json_str(w, "enterprise_kind", p->enterprise_kind);
		if (p->opening_id)
			json_int(w, "opening_id", p->opening_id);
		else
			json_null_at(w, "opening_id");
		json_str(w, "opening_title", p->opening_title);
	}
	json_str(w, "scheme", p->scheme);
	json_str(w, "start", p->start);
	if (p->view != ACCESS_PLACEMENT_ENTERPRISE)
		json_str(w, "planned_end", p->planned_end);
	json_str(w, "end", p->end);
	if (p->hours)
		json_int(w, "hours", p->hours);
	else
		json_null_at(w, "hours");
	if (p->view != ACCESS_PLACEMENT_ENTERPRISE) {
		json_bool(w, "inhouse", p->inhouse);
		json_str(w, "outcome", p->outcome && *p->outcome ? p->outcome : NULL);
		json_str(w, "created_at", p->created_at);
		json_str(w, "updated_at", p->updated_at);
	}
	if (with_followups && p->view == ACCESS_PLACEMENT_ALL) {
		json_arr_open(w, "followups");
		for (int i = 0; i < p->nfollowups; i++)
			followup_json(w, &p->followups[i]);
		json_arr_close(w);
	}
	json_obj_close(w);
}

/* the jobkonsulent names a purpose for every read (422 on purpose without one); the
 * enterprise's account needs none. false when the answer is written. */
static bool purpose_or_reply(struct req *r, const char **purpose)
{
	const char *k;
	int64_t e;
	*purpose = req_query(r, "purpose");
	if (*purpose && !**purpose)
		*purpose = NULL;
	if (access_placement_scope(r->user, &k, &e) == 0 && k && !*purpose) {
		reply_api_error(r, 422, "invalid", "Angiv formålet med opslaget (purpose), fx "
		                                   "purpose=opfoelgning.", "purpose");
		return false;
	}
	return true;
}

/* {"id": id} with status, and a Location header when location is given */
static int reply_id(struct req *r, int64_t id, const char *location, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", id);
	json_obj_close(&w);
	if (location)
		reply_header(r, "Location", location);
	return reply_json(r, status);
}

/* ---- placements */

/* POST /api/v1/placements — the jobkonsulent of the citizen's municipality. JSON {"citizen_id",
 * "enterprise_id", "opening_id"?, "scheme", "start", "end"?, "planned_end"?, "hours"?,
 * "inhouse"?, "outcome"?}. 201 {"id"} with Location; 422 naming the field; 403 for a citizen of
 * another municipality, without telling whether it exists. */
int placements_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct placement_input in = {
		.citizen_id = member_id(r, body, "citizen_id"),
		.enterprise_id = member_id(r, body, "enterprise_id"),
		.opening_id = member_id(r, body, "opening_id"),
		.scheme = api_member(r, body, "scheme"), .start = api_member(r, body, "start"),
		.end = api_member(r, body, "end"), .planned_end = api_member(r, body, "planned_end"),
		.outcome = api_member(r, body, "outcome"),
		.inhouse = member_bool(r, body, "inhouse", false),
	};
	bool null;
	member_hours(r, body, &in.has_hours, &null, &in.hours);
	in.has_hours = in.has_hours && !null;
	json_decref(body);
	/* the members of a wrong type are already field errors: the domain answers them after
	 * its access checks, so a caller who may not hears only that */
	int64_t id;
	int rc = placements_create(r->db, &r->a, r->user, &in, &r->errs, &id);
	if (rc)
		return api_fail(r, rc);
	return reply_id(r, id, arena_printf(&r->a, "/api/v1/placements/%lld", (long long)id), 201);
}

/* GET /api/v1/placements — the jobkonsulent (its municipality's, ?purpose= required) or an
 * enterprise's account (the consented placements at its enterprise, first names). ?citizen_id,
 * enterprise_id, scheme, open=1 (not ended) or open=0 (ended), limit, offset. */
int placements_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	const char *purpose;
	if (!purpose_or_reply(r, &purpose))
		return 0;
	struct placement_query q = {.limit = limit, .offset = offset};
	static const char *const ids[] = {"citizen_id", "enterprise_id"};
	int64_t *dst[] = {&q.citizen_id, &q.enterprise_id};
	for (int i = 0; i < 2; i++) {
		const char *v = req_query(r, ids[i]);
		long long x;
		if (v && *v && text_parse_int(v, 1, 999999999999999LL, &x) != 0)
			return reply_api_error(r, 400, "bad_parameter",
			                       arena_printf(&r->a, "%s must be a positive whole number.", ids[i]),
			                       ids[i]);
		*dst[i] = v && *v ? (int64_t)x : 0;
	}
	const char *open = req_query(r, "open");
	if (open && strcmp(open, "1") && strcmp(open, "0"))
		return reply_api_error(r, 400, "bad_parameter", "open must be 1 or 0.", "open");
	q.state = !open ? PLACEMENTS_ALL : !strcmp(open, "1") ? PLACEMENTS_OPEN : PLACEMENTS_ENDED;
	q.scheme = req_query(r, "scheme") && *req_query(r, "scheme") ? req_query(r, "scheme") : NULL;
	struct placement *items;
	int n, total;
	int rc = placements_list(r->db, &r->a, r->user, &q, purpose, &r->errs, &items, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		placement_json(&w, &items[i], false);
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* GET /api/v1/placements/{id} — as the list: the jobkonsulent with ?purpose= (422 on purpose
 * without), every field, the name and the follow-ups; the enterprise's account the first name,
 * scheme, start, end and hours. 404 for one the caller may not see. */
int placements_api_get(struct req *r)
{
	const char *purpose;
	if (!purpose_or_reply(r, &purpose))
		return 0;
	struct placement p;
	int rc = placements_get(r->db, &r->a, r->user, req_param_int(r, "id"), purpose, &r->errs, &p);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	placement_json(&w, &p, true);
	return reply_json(r, 200);
}

/* the placement without the citizen's name (no purpose), after a change */
static int reply_placement(struct req *r, int64_t id)
{
	struct placement p;
	int rc = placements_get(r->db, &r->a, r->user, id, NULL, &r->errs, &p);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	placement_json(&w, &p, true);
	return reply_json(r, 200);
}

/* PATCH /api/v1/placements/{id} — the jobkonsulent of the placement's municipality. JSON with
 * any of "end", "planned_end", "outcome" (null or "" clears) and "hours" (null clears). 200
 * with the placement, without the citizen's name. */
int placements_api_update(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct placement_change ch = {
		.set_end = json_object_get(body, "end") != NULL,
		.set_planned_end = json_object_get(body, "planned_end") != NULL,
		.set_outcome = json_object_get(body, "outcome") != NULL,
		.end = api_member(r, body, "end"), .planned_end = api_member(r, body, "planned_end"),
		.outcome = api_member(r, body, "outcome"),
	};
	member_hours(r, body, &ch.set_hours, &ch.hours_null, &ch.hours);
	json_decref(body);
	int64_t id = req_param_int(r, "id");
	int rc = placements_update(r->db, &r->a, r->user, id, &ch, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_placement(r, id);
}

/* POST /api/v1/placements/{id}/followups — the jobkonsulent of the placement's municipality.
 * JSON {"due": "YYYY-MM-DD", "note"?}. 201 {"id"}. */
int placements_api_followup_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	const char *due = api_member(r, body, "due"), *note = api_member(r, body, "note");
	json_decref(body);
	int64_t id = req_param_int(r, "id"), fid = 0;
	int rc = placements_followup_add(r->db, &r->a, r->user, id, due, note, &r->errs, &fid);
	if (rc)
		return api_fail(r, rc);
	return reply_id(r, fid, NULL, 201);
}

/* PATCH /api/v1/placements/{id}/followups/{followup} — as above. JSON with any of "done"
 * (true: held now; false: not held), "due" (a new date, reminded anew), "note". 200 with the
 * placement, without the citizen's name. */
int placements_api_followup_update(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct followup_change ch = {
		.set_done = json_object_get(body, "done") != NULL,
		.set_due = json_object_get(body, "due") != NULL,
		.set_note = json_object_get(body, "note") != NULL,
		.done = member_bool(r, body, "done", false),
		.due = api_member(r, body, "due"), .note = api_member(r, body, "note"),
	};
	json_decref(body);
	int64_t id = req_param_int(r, "id");
	int rc = placements_followup_change(r->db, &r->a, r->user, id, req_param_int(r, "followup"),
	                                    &ch, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_placement(r, id);
}

/* ---- Tabel 4 from data */

/* GET /api/v1/stats/employment — public. ?year=Y (default last year) [&kommune=K]. Exact
 * counts for the staff of K (access_counts_exact), else counts below 3 as "<3". */
int employment_api_stats(struct req *r)
{
	int year;
	const char *kommune;
	if (!employment_web_stats_params(r, true, &year, &kommune))
		return 0;
	bool exact = access_counts_exact(r->user, kommune, 0);
	struct employment_row *rows, total;
	int n;
	int rc = employment_stats(r->db, &r->a, year, kommune, exact, &rows, &n, &total);
	if (rc == ERR_NOTFOUND)
		return reply_api_error(r, 404, "not_found", "No municipality with that code.", "kommune");
	if (rc)
		return api_fail(r, rc);
	buf_reset(&r->out);
	employment_stats_json(&r->out, year, kommune, exact, rows, n, &total);
	return reply_json(r, 200);
}
