/*
 * leads_api.c — the JSON endpoints of leads. Layer: handlers of the outreach capability.
 * leads.h holds every rule and the access decision; these read the body and answer.
 */
#include <string.h>

#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/api.h"
#include "../http/page.h"
#include "leads.h"
#include "leads_web.h"

static void lead_json(struct json *w, const struct outreach_lead *l)
{
	json_obj_open(w, NULL);
	json_int(w, "id", l->id);
	json_str(w, "kommune", l->kommune);
	json_str(w, "title", l->title);
	json_str(w, "description", l->description);
	json_str(w, "origin", l->origin);
	json_str(w, "behind", l->behind);
	json_str(w, "stage", l->stage);
	json_str(w, "stage_since", l->stage_since);
	if (l->owner_id)
		json_int(w, "owner_id", l->owner_id);
	else
		json_null_at(w, "owner_id");
	json_str(w, "owner_email", l->owner_email);
	json_str(w, "next_step", l->next_step);
	json_str(w, "next_step_date", l->next_step_date);
	if (l->enterprise_id)
		json_int(w, "enterprise_id", l->enterprise_id);
	else
		json_null_at(w, "enterprise_id");
	json_str(w, "enterprise_name", l->enterprise_name);
	json_str(w, "created_at", l->created_at);
	json_str(w, "updated_at", l->updated_at);
	if (l->history) {
		json_arr_open(w, "history");
		for (int i = 0; i < l->nhistory; i++) {
			json_obj_open(w, NULL);
			json_str(w, "stage", l->history[i].stage);
			json_str(w, "date", l->history[i].date);
			json_obj_close(w);
		}
		json_arr_close(w);
	}
	json_obj_close(w);
}

static int reply_lead(struct req *r, const struct outreach_lead *l, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	lead_json(&w, l);
	if (status == 201)
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/leads/%lld", (long long)l->id));
	return reply_json(r, status);
}

/* an id member: a positive whole number or null (0); *has set when present */
static void read_id(struct req *r, json_t *body, const char *name, bool *has, int64_t *out)
{
	json_t *v = json_object_get(body, name);
	if (!v)
		return;
	*has = true;
	if (json_is_null(v))
		*out = 0;
	else if (json_is_integer(v) && json_integer_value(v) > 0)
		*out = (int64_t)json_integer_value(v);
	else
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be a positive whole number or null.", name));
}

static void read_change(struct req *r, json_t *body, struct lead_change *ch)
{
	memset(ch, 0, sizeof(*ch));
	ch->title = api_member(r, body, "title");
	ch->description = api_member(r, body, "description");
	ch->origin = api_member(r, body, "origin");
	ch->behind = api_member(r, body, "behind");
	ch->next_step = api_member(r, body, "next_step");
	ch->next_step_date = api_member(r, body, "next_step_date");
	/* null clears the next step's date */
	if (!ch->next_step_date && json_is_null(json_object_get(body, "next_step_date")))
		ch->next_step_date = "";
	ch->stage = api_member(r, body, "stage");
	ch->stage_date = api_member(r, body, "stage_date");
	read_id(r, body, "owner_id", &ch->has_owner, &ch->owner_id);
	read_id(r, body, "enterprise_id", &ch->has_enterprise, &ch->enterprise_id);
	if (ch->has_enterprise && !ch->enterprise_id)
		ch->has_enterprise = false;
}

/* GET /api/v1/leads — the staff of a municipality (its own), the administrator (all, or
 * ?kommune). ?stage, ?origin, limit, offset. {"items", "total", "limit", "offset"}. */
int leads_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	struct leads_query q = {.kommune = req_query(r, "kommune"), .stage = req_query(r, "stage"),
	                        .origin = req_query(r, "origin"), .limit = limit, .offset = offset};
	struct outreach_lead *items;
	int n, total;
	int rc = leads_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		lead_json(&w, &items[i]);
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* POST /api/v1/leads — the konsulent or jobkonsulent of "kommune", the administrator.
 * {"kommune", "title", "origin": "company_spinoff|kommune_spinoff|existing_outside|local_idea",
 * "stage" (default ide), "stage_date", "description", "behind", "owner_id", "next_step",
 * "next_step_date"}. 201 with the lead; 422 naming the field; 403 for another municipality. */
int leads_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct lead_change ch;
	read_change(r, body, &ch);
	const char *kommune = api_member(r, body, "kommune");
	json_decref(body);
	struct outreach_lead l;
	int rc = leads_create(r->db, &r->a, r->user, kommune, &ch, page_today(r), &r->errs, &l);
	if (rc)
		return api_fail(r, rc);
	return reply_lead(r, &l, 201);
}

/* GET /api/v1/leads/{id} — the staff of its municipality, the administrator: the lead with its
 * history. 404, 403. */
int leads_api_get(struct req *r)
{
	struct outreach_lead l;
	int rc = leads_get(r->db, &r->a, r->user, req_param_int(r, "id"), &l);
	if (rc)
		return api_fail(r, rc);
	return reply_lead(r, &l, 200);
}

/* PATCH /api/v1/leads/{id} — who may write its municipality. Members as POST's (not kommune);
 * "stage" moves it (with "stage_date", default today); to etableret with "enterprise_id" links
 * that registry entry, without one creates the entry. 200 with the lead, whose "enterprise_id"
 * is the entry's id. 404, 403, 422. */
int leads_api_update(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct lead_change ch;
	read_change(r, body, &ch);
	json_decref(body);
	struct outreach_lead l;
	int rc = leads_update(r->db, &r->a, r->user, req_param_int(r, "id"), &ch, page_today(r),
	                      &r->errs, &l);
	if (rc)
		return api_fail(r, rc);
	return reply_lead(r, &l, 200);
}
