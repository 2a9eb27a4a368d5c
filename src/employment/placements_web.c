/*
 * placements_web.c — the pages of placements: the jobkonsulent's list (/forloeb), a new
 * placement, one placement with its follow-ups and the forms that change it, the enterprise's
 * own view of the placements at it, and the block of people in each scheme now on an
 * enterprise's profile. Layer: handlers of the employment capability: read the form, call the
 * domain, show the form again with the errors next to the fields (422), or redirect (303).
 *
 * The purpose first: the list and a placement are shown without the citizens' names until the
 * caseworker has chosen the purpose of the look (formål) in the small form at the top; the
 * numbers, enterprises, schemes and dates are there from the start, so the overview needs no
 * purpose, and the names, once a purpose is chosen, stay through the filters, the pages and
 * the forms (the purpose travels in the links).
 */
#include <stdlib.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../registry/registry.h"
#include "citizens.h"
#include "employment_stats.h"
#include "placements.h"
#include "placements_text_da.h"
#include "placements_web.h"

#define LIST_PAGE 50

/* ---- small helpers */

/* the query or form value name, trimmed; NULL when absent or blank */
static const char *param(struct req *r, const char *name)
{
	const char *v = r->form ? req_form(r, name) : NULL;
	if (!v)
		v = req_query(r, name);
	v = v ? text_trim(&r->a, v) : NULL;
	return v && *v ? v : NULL;
}

/* the purpose of the look, if it is one of the list (an unknown one is as none) */
static const char *purpose_of(struct req *r)
{
	const char *p = param(r, "purpose");
	return p && citizens_purpose_valid(p) ? p : NULL;
}

/* "&purpose=P" for links, or "" */
static const char *purpose_arg(struct req *r, const char *purpose)
{
	return purpose ? arena_printf(&r->a, "&purpose=%s", html_url(&r->a, purpose)) : "";
}

/* an id field of a form: 0 when blank, -1 when not a positive whole number */
static int64_t id_field(struct req *r, const char *name)
{
	const char *v = param(r, name);
	long long x;
	if (!v)
		return 0;
	return text_parse_int(v, 1, 999999999999999LL, &x) == 0 ? (int64_t)x : -1;
}

/* id as text for a form value, "" for none */
static const char *id_text(struct req *r, int64_t id)
{
	return id > 0 ? arena_printf(&r->a, "%lld", (long long)id) : "";
}

/* an ISO date the Danish way, "–" for none */
static const char *date_dk(struct req *r, const char *iso)
{
	return iso ? text_date_dk(&r->a, iso) : "–";
}

/* the schemes as select options after a first, empty option labelled first */
static struct form_option *scheme_options(struct req *r, const char *first)
{
	struct form_option *o = arena_alloc(&r->a, sizeof(*o) * (SCHEME_COUNT + 1));
	o[0] = (struct form_option){"", first};
	for (int i = 0; i < SCHEME_COUNT; i++)
		o[i + 1] = (struct form_option){employment_schemes[i].key, employment_schemes[i].label};
	return o;
}

/* the small form that asks for the purpose of the look; hidden carries the other filters */
static void purpose_form(struct req *r, const char *action, const char *purpose,
                         const struct kv *hidden)
{
	struct buf *o = &r->out;
	struct form_option *po = arena_alloc(&r->a, sizeof(*po) * (size_t)(employment_purposes_count + 1));
	po[0] = (struct form_option){"", P_PURPOSE_NONE};
	for (int i = 0; i < employment_purposes_count; i++)
		po[i + 1] = (struct form_option){employment_purposes[i].key, employment_purposes[i].label};
	htmlf(o, "<form method=\"get\" action=\"%s\" class=\"filter\">\n", action);
	for (const struct kv *h = hidden; h && h->name; h++)
		if (h->value)
			htmlf(o, "<input type=\"hidden\" name=\"%s\" value=\"%s\">\n", h->name, h->value);
	form_select(o, &(struct form_field){.name = "purpose", .label = P_PURPOSE,
	                                    .value = purpose ? purpose : "", .hint = P_PURPOSE_HINT},
	            po, employment_purposes_count + 1);
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", P_SHOW_NAMES);
}

/* the citizen's name as the page may show it */
static const char *name_cell(const struct placement *p)
{
	if (p->citizen_anonymized)
		return P_ANONYMIZED;
	return p->citizen_name ? p->citizen_name : P_HIDDEN_NAME;
}

/* ?state= (open by default, ended, all) and its key for the links */
static enum placement_state state_of(struct req *r, const char **key)
{
	const char *s = param(r, "state");
	*key = s && (!strcmp(s, "ended") || !strcmp(s, "all")) ? s : "open";
	return !strcmp(*key, "ended") ? PLACEMENTS_ENDED : !strcmp(*key, "all") ? PLACEMENTS_ALL
	                                                                     : PLACEMENTS_OPEN;
}

/* the select of the state filter, key chosen */
static void state_select(struct req *r, const char *key)
{
	static const struct form_option states[] = {
		{"open", P_STATE_OPEN}, {"ended", P_STATE_ENDED}, {"all", P_STATE_ALL}};
	form_select(&r->out, &(struct form_field){.name = "state", .label = P_STATE, .value = key},
	            states, 3);
}

/* ---- the jobkonsulent's list */

/* GET /forloeb — the jobkonsulent: its municipality's placements, newest start first. ?state=
 * open (default)|ended|all, scheme, purpose (names shown only with one), offset, limit. Every
 * look is audited (the page's line, and one per citizen named). */
int placements_page_list(struct req *r)
{
	const char *state_key, *purpose = purpose_of(r);
	struct placement_query q = {.state = state_of(r, &state_key), .scheme = param(r, "scheme"),
	                            .limit = page_limit(r, LIST_PAGE, 500), .offset = page_offset(r)};
	if (q.scheme && !employment_flag_parse(employment_schemes, SCHEME_COUNT, q.scheme))
		q.scheme = NULL;
	struct placement *items;
	int n, total;
	int rc = placements_list(r->db, &r->a, r->user, &q, purpose, &r->errs, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, P_TITLE);
	struct buf *o = &r->out;
	htmlf(o, "<p class=\"lead\">%s Kommunes borgere i job og forløb hos virksomhederne.</p>\n",
	      r->user->kommune_navn ? r->user->kommune_navn : "");
	htmlf(o, "<p><a class=\"button\" href=\"/forloeb/ny\">%s</a></p>\n", P_NEW);
	purpose_form(r, "/forloeb", purpose,
	             (struct kv[]){{"state", state_key}, {"scheme", q.scheme}, {NULL, NULL}});
	html(o, "<form method=\"get\" action=\"/forloeb\" class=\"filter\">\n");
	if (purpose)
		htmlf(o, "<input type=\"hidden\" name=\"purpose\" value=\"%s\">\n", purpose);
	state_select(r, state_key);
	form_select(o, &(struct form_field){.name = "scheme", .label = P_SCHEME,
	                                    .value = q.scheme ? q.scheme : ""},
	            scheme_options(r, P_ALL_SCHEMES), SCHEME_COUNT + 1);
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", P_SHOW);
	if (n == 0) {
		htmlf(o, "<p class=\"empty\" role=\"status\">%s</p>\n", P_EMPTY);
		return page_end(r, 200);
	}
	table_begin(o, P_TITLE, NULL);
	htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	         "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	      P_TITLE, P_NUMBER, P_CITIZEN, P_ENTERPRISE, P_SCHEME, P_START, P_END, P_OUTCOME);
	const char *pa = purpose_arg(r, purpose);
	for (int i = 0; i < n; i++) {
		const struct placement *p = &items[i];
		htmlf(o, "<tr><td><a href=\"/forloeb/%lld%s%s\">%lld</a></td><td>%s</td><td>%s</td>"
		         "<td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
		      (long long)p->id, *pa ? "?" : "", *pa ? pa + 1 : "", (long long)p->id, name_cell(p),
		      p->enterprise_name, placements_scheme_label(p->scheme), date_dk(r, p->start),
		      p->end ? date_dk(r, p->end) : p->planned_end ? arena_printf(&r->a, "(%s)", date_dk(r, p->planned_end)) : "–",
		      *p->outcome ? placements_outcome_label(p->outcome) : "–");
	}
	html(o, "</tbody>\n");
	table_end(o);
	const char *extra = arena_printf(&r->a, "&state=%s%s%s", state_key,
	                                 q.scheme ? arena_printf(&r->a, "&scheme=%s", q.scheme) : "", pa);
	form_pagination(o, "/forloeb", extra, q.offset, q.limit, total);
	return page_end(r, 200);
}

/* ---- a new placement */

/* the form of a new placement, filled from the form sent (or citizen_id from the query) */
static int new_form(struct req *r, int status)
{
	struct placement_choice *ents, *ops;
	int ne, no;
	int rc = placements_choices(r->db, &r->a, r->user, &ents, &ne, &ops, &no);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, P_NEW);
	struct buf *o = &r->out;
	const struct errs *er = &r->errs;
	form_error_summary(o, er);
	html(o, "<form method=\"post\" action=\"/forloeb\" class=\"stack\" novalidate>\n");
	form_csrf(o, r->csrf);
	form_input(o, &(struct form_field){.name = "citizen_id", .label = P_CITIZEN_NO,
	                                   .type = "number", .value = param(r, "citizen_id"),
	                                   .hint = "Borgerens nummer i Indgang (står på borgerens side).",
	                                   .error = errs_get(er, "citizen_id"), .required = true});
	struct form_option *eo = arena_alloc(&r->a, sizeof(*eo) * (size_t)(ne + 1));
	eo[0] = (struct form_option){"", "Vælg virksomhed"};
	for (int i = 0; i < ne; i++)
		eo[i + 1] = (struct form_option){id_text(r, ents[i].id), ents[i].label};
	form_select(o, &(struct form_field){.name = "enterprise_id", .label = P_ENTERPRISE,
	                                    .value = param(r, "enterprise_id"),
	                                    .error = errs_get(er, "enterprise_id"), .required = true},
	            eo, ne + 1);
	struct form_option *oo = arena_alloc(&r->a, sizeof(*oo) * (size_t)(no + 1));
	oo[0] = (struct form_option){"", "Ingen bestemt stilling"};
	for (int i = 0; i < no; i++)
		oo[i + 1] = (struct form_option){id_text(r, ops[i].id), ops[i].label};
	form_select(o, &(struct form_field){.name = "opening_id", .label = P_OPENING,
	                                    .value = param(r, "opening_id"),
	                                    .hint = "Stillingen skal høre til den valgte virksomhed.",
	                                    .error = errs_get(er, "opening_id")}, oo, no + 1);
	form_select(o, &(struct form_field){.name = "scheme", .label = P_SCHEME,
	                                    .value = param(r, "scheme"), .error = errs_get(er, "scheme"),
	                                    .required = true},
	            scheme_options(r, "Vælg ordning"), SCHEME_COUNT + 1);
	form_input(o, &(struct form_field){.name = "start", .label = P_START, .type = "date",
	                                   .value = param(r, "start"), .error = errs_get(er, "start"),
	                                   .required = true});
	form_input(o, &(struct form_field){.name = "planned_end", .label = P_PLANNED_END, .type = "date",
	                                   .value = param(r, "planned_end"),
	                                   .error = errs_get(er, "planned_end")});
	form_input(o, &(struct form_field){.name = "hours", .label = P_HOURS, .type = "number",
	                                   .value = param(r, "hours"), .hint = "1 til 37.",
	                                   .error = errs_get(er, "hours")});
	form_checkbox(o, &(struct form_field){.name = "inhouse", .label = "I en Inhouse-gruppe hos virksomheden",
	                                      .value = param(r, "inhouse") ? "1" : "0"});
	htmlf(o, "<div class=\"actions\"><button type=\"submit\">%s</button> "
	         "<a href=\"/forloeb\">Annullér</a></div>\n</form>\n", P_NEW);
	return page_end(r, status);
}

/* GET /forloeb/ny — the jobkonsulent. ?citizen_id= fills in the citizen (the citizen's page
 * links here). */
int placements_page_new(struct req *r)
{
	return new_form(r, 200);
}

/* hours from a form: not given when blank, -1 (out of range: a field error) when no number */
static void form_hours(struct req *r, bool *given, long long *hours)
{
	const char *v = param(r, "hours");
	*given = v != NULL;
	if (v && text_parse_int(v, -1000000, 1000000, hours) != 0)
		*hours = -1;
}

/* POST /forloeb — the jobkonsulent, CSRF. citizen_id, enterprise_id, opening_id, scheme, start,
 * planned_end, hours, inhouse. 303 to the new placement; 422 with the form again; 403 for a
 * citizen of another municipality. */
int placements_page_create(struct req *r)
{
	struct placement_input in = {
		.citizen_id = id_field(r, "citizen_id"), .enterprise_id = id_field(r, "enterprise_id"),
		.opening_id = id_field(r, "opening_id"), .scheme = param(r, "scheme"),
		.start = param(r, "start"), .planned_end = param(r, "planned_end"),
		.inhouse = param(r, "inhouse") != NULL,
	};
	form_hours(r, &in.has_hours, &in.hours);
	int64_t id;
	int rc = placements_create(r->db, &r->a, r->user, &in, &r->errs, &id);
	if (rc == ERR_INVALID)
		return new_form(r, 422);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/forloeb/%lld?ok=oprettet", (long long)id));
}

/* ---- one placement */

/* one term and value of the facts list, "–" for none */
static void fact(struct buf *o, const char *term, const char *value)
{
	htmlf(o, "<dt>%s</dt><dd>%s</dd>\n", term, value && *value ? value : "–");
}

/* the follow-ups of p with a button each to mark it held or not, and the form that adds one;
 * every form carries the purpose back */
static void followups_section(struct req *r, const struct placement *p, const char *action,
                              const char *purpose)
{
	struct buf *o = &r->out;
	htmlf(o, "<h2>%s</h2>\n", P_FOLLOWUPS);
	if (p->nfollowups == 0)
		htmlf(o, "<p class=\"empty\">%s</p>\n", P_FOLLOWUPS_EMPTY);
	else {
		table_begin(o, P_FOLLOWUPS, NULL);
		htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr>"
		         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">Status</th>"
		         "<th scope=\"col\"><span class=\"visually-hidden\">Handling</span></th></tr></thead>\n"
		         "<tbody>\n", P_FOLLOWUPS, P_DUE, P_NOTE);
	}
	for (int i = 0; i < p->nfollowups; i++) {
		const struct placement_followup *f = &p->followups[i];
		const char *status = f->done_at ? arena_printf(&r->a, "%s %s", P_HELD, date_dk(r, f->done_at))
		                     : f->reminded_at ? arena_printf(&r->a, "%s, %s", P_PLANNED, P_REMINDED)
		                                      : P_PLANNED;
		htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>", date_dk(r, f->due),
		      *f->note ? f->note : "–", status);
		htmlf(o, "<form method=\"post\" action=\"%s\" class=\"inline\">", action);
		form_csrf(o, r->csrf);
		htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"%s\">"
		         "<input type=\"hidden\" name=\"followup_id\" value=\"%lld\">"
		         "<input type=\"hidden\" name=\"purpose\" value=\"%s\">"
		         "<button type=\"submit\" class=\"secondary\">%s<span class=\"visually-hidden\"> "
		         "(%s)</span></button></form></td></tr>\n",
		      f->done_at ? "followup_undo" : "followup_done", (long long)f->id,
		      purpose ? purpose : "", f->done_at ? P_MARK_NOT_HELD : P_MARK_HELD, date_dk(r, f->due));
	}
	if (p->nfollowups) {
		html(o, "</tbody>\n");
		table_end(o);
	}
	bool posted = r->form && param(r, "action") && !strcmp(param(r, "action"), "followup");
	htmlf(o, "<form method=\"post\" action=\"%s\" class=\"stack narrow\" novalidate>\n", action);
	form_csrf(o, r->csrf);
	htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"followup\">"
	         "<input type=\"hidden\" name=\"purpose\" value=\"%s\">\n", purpose ? purpose : "");
	form_input(o, &(struct form_field){.name = "due", .label = "Dato for opfølgningen", .type = "date",
	                                   .value = posted ? param(r, "due") : NULL,
	                                   .hint = "Jobkonsulenten, der oprettede forløbet, får en påmindelse "
	                                           "på dagen.",
	                                   .error = errs_get(&r->errs, "due"), .required = true});
	form_textarea(o, &(struct form_field){.name = "note", .label = P_NOTE,
	                                      .value = posted ? param(r, "note") : NULL,
	                                      .error = errs_get(&r->errs, "note")}, 3);
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", P_ADD_FOLLOWUP);
}

/* the form that sets the end, planned end, outcome and hours, filled from the form sent
 * (after an error) or from p */
static void change_section(struct req *r, const struct placement *p, const char *action,
                           const char *purpose)
{
	struct buf *o = &r->out;
	const struct errs *er = &r->errs;
	bool posted = r->form && param(r, "action") && !strcmp(param(r, "action"), "update");
	htmlf(o, "<h2>%s</h2>\n", P_CHANGE);
	htmlf(o, "<form method=\"post\" action=\"%s\" class=\"stack narrow\" novalidate>\n", action);
	form_csrf(o, r->csrf);
	htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"update\">"
	         "<input type=\"hidden\" name=\"purpose\" value=\"%s\">\n", purpose ? purpose : "");
	form_input(o, &(struct form_field){.name = "end", .label = P_END, .type = "date",
	                                   .value = posted ? param(r, "end") : p->end,
	                                   .hint = "Den dag, forløbet eller ansættelsen sluttede.",
	                                   .error = errs_get(er, "end")});
	form_input(o, &(struct form_field){.name = "planned_end", .label = P_PLANNED_END, .type = "date",
	                                   .value = posted ? param(r, "planned_end") : p->planned_end,
	                                   .error = errs_get(er, "planned_end")});
	struct form_option *oo = arena_alloc(&r->a, sizeof(*oo) * (size_t)(employment_outcomes_count + 1));
	oo[0] = (struct form_option){"", P_NO_OUTCOME};
	for (int i = 0; i < employment_outcomes_count; i++)
		oo[i + 1] = (struct form_option){employment_outcomes[i].key, employment_outcomes[i].label};
	form_select(o, &(struct form_field){.name = "outcome", .label = P_OUTCOME,
	                                    .value = posted ? param(r, "outcome") : p->outcome,
	                                    .error = errs_get(er, "outcome")},
	            oo, employment_outcomes_count + 1);
	form_input(o, &(struct form_field){.name = "hours", .label = P_HOURS, .type = "number",
	                                   .value = posted ? param(r, "hours")
	                                          : p->hours ? arena_printf(&r->a, "%d", p->hours) : NULL,
	                                   .hint = "1 til 37.", .error = errs_get(er, "hours")});
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", P_SAVE);
}

/* the page of p for the jobkonsulent, with status (422 after a form with errors) */
static int detail_page(struct req *r, int status, const struct placement *p, const char *purpose)
{
	page_begin(r, arena_printf(&r->a, "Forløb nr. %lld", (long long)p->id));
	struct buf *o = &r->out;
	const char *action = arena_printf(&r->a, "/forloeb/%lld", (long long)p->id);
	form_error_summary(o, &r->errs);
	const char *ok = req_query(r, "ok");
	if (ok && status == 200)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n",
		      !strcmp(ok, "oprettet") ? P_CREATED : P_SAVED);
	if (!purpose && !p->citizen_anonymized)
		purpose_form(r, action, NULL, NULL);
	html(o, "<dl class=\"facts\">\n");
	fact(o, P_CITIZEN, name_cell(p));
	fact(o, P_CITIZEN_NO, id_text(r, p->citizen_id));
	htmlf(o, "<dt>%s</dt><dd><a href=\"/virksomheder/%lld\">%s</a></dd>\n", P_ENTERPRISE,
	      (long long)p->enterprise_id, p->enterprise_name);
	fact(o, P_OPENING, p->opening_title);
	fact(o, P_SCHEME, placements_scheme_label(p->scheme));
	fact(o, P_START, date_dk(r, p->start));
	fact(o, P_PLANNED_END, p->planned_end ? date_dk(r, p->planned_end) : NULL);
	fact(o, P_END, p->end ? date_dk(r, p->end) : NULL);
	fact(o, P_HOURS, p->hours ? arena_printf(&r->a, "%d", p->hours) : NULL);
	fact(o, P_INHOUSE, p->inhouse ? P_YES : P_NO);
	fact(o, P_OUTCOME, *p->outcome ? placements_outcome_label(p->outcome) : P_NO_OUTCOME);
	html(o, "</dl>\n");
	followups_section(r, p, action, purpose);
	change_section(r, p, action, purpose);
	htmlf(o, "<p><a href=\"/forloeb?state=all%s\">Alle forløb</a></p>\n", purpose_arg(r, purpose));
	return page_end(r, status);
}

/* GET /forloeb/{id} — the jobkonsulent of the placement's municipality. ?purpose= shows the
 * citizen's name (audited with the purpose); without it the page asks for one. 404 for a
 * placement of another municipality. */
int placements_page_detail(struct req *r)
{
	const char *purpose = purpose_of(r);
	struct placement p;
	int rc = placements_get(r->db, &r->a, r->user, req_param_int(r, "id"), purpose, &r->errs, &p);
	if (rc == 0 && p.view != ACCESS_PLACEMENT_ALL)
		rc = ERR_NOTFOUND; /* the enterprise's account has its own page */
	if (rc)
		return page_fail(r, rc, P_NOT_FOUND);
	return detail_page(r, 200, &p, purpose);
}

/* POST /forloeb/{id} — as above, CSRF. action=update (end, planned_end, outcome, hours) |
 * followup (due, note) | followup_done | followup_undo (followup_id); purpose carried along.
 * 303 back to the placement; 422 with the page and the errors. */
int placements_page_post(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	const char *action = param(r, "action") ? param(r, "action") : "", *purpose = purpose_of(r);
	int rc;
	if (!strcmp(action, "update")) {
		struct placement_change ch = {
			.set_end = true, .set_planned_end = true, .set_outcome = true, .set_hours = true,
			.end = param(r, "end"), .planned_end = param(r, "planned_end"),
			.outcome = param(r, "outcome"),
		};
		bool given;
		form_hours(r, &given, &ch.hours);
		ch.hours_null = !given;
		rc = placements_update(r->db, &r->a, r->user, id, &ch, &r->errs);
	} else if (!strcmp(action, "followup")) {
		int64_t fid;
		rc = placements_followup_add(r->db, &r->a, r->user, id, param(r, "due"), param(r, "note"),
		                             &r->errs, &fid);
	} else if (!strcmp(action, "followup_done") || !strcmp(action, "followup_undo")) {
		struct followup_change ch = {.set_done = true, .done = !strcmp(action, "followup_done")};
		int64_t fid = id_field(r, "followup_id");
		rc = fid > 0 ? placements_followup_change(r->db, &r->a, r->user, id, fid, &ch, &r->errs)
		             : ERR_NOTFOUND;
	} else {
		return reply_page_error(r, 400, "Ukendt handling.");
	}
	if (rc == ERR_INVALID) {
		struct placement p;
		struct errs none = {0};
		int grc = placements_get(r->db, &r->a, r->user, id, purpose, &none, &p);
		return grc ? page_fail(r, grc, P_NOT_FOUND) : detail_page(r, 422, &p, purpose);
	}
	if (rc)
		return page_fail(r, rc, P_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/forloeb/%lld?ok=gemt%s", (long long)id,
	                                      purpose_arg(r, purpose)));
}

/* ---- the enterprise's own view */

/* GET /virksomheder/{id}/forloeb — the account of enterprise id (another enterprise's: 403).
 * The placements at it whose citizen consented to share with the enterprise: first name,
 * scheme, start, end and hours. ?state=open (default)|ended|all, offset. Audited. */
int placements_page_enterprise(struct req *r)
{
	int64_t eid = req_param_int(r, "id");
	const char *state_key;
	struct placement_query q = {.enterprise_id = eid, .state = state_of(r, &state_key),
	                            .limit = page_limit(r, LIST_PAGE, 500), .offset = page_offset(r)};
	const char *k;
	int64_t own;
	if (access_placement_scope(r->user, &k, &own) != 0 || own != eid)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct enterprise e;
	struct placement *items;
	int n, total;
	int rc = registry_get(r->db, &r->a, eid, &e);
	if (rc == 0)
		rc = placements_list(r->db, &r->a, r->user, &q, NULL, &r->errs, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, arena_printf(&r->a, P_ENTERPRISE_TITLE, e.name));
	struct buf *o = &r->out;
	htmlf(o, "<p class=\"lead\">%s</p>\n", P_ENTERPRISE_LEAD);
	const char *action = arena_printf(&r->a, "/virksomheder/%lld/forloeb", (long long)eid);
	htmlf(o, "<form method=\"get\" action=\"%s\" class=\"filter\">\n", action);
	state_select(r, state_key);
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", P_SHOW);
	if (n == 0) {
		htmlf(o, "<p class=\"empty\" role=\"status\">%s</p>\n", P_ENTERPRISE_EMPTY);
		return page_end(r, 200);
	}
	table_begin(o, P_TITLE, NULL);
	htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	      P_TITLE, P_FIRST_NAME, P_SCHEME, P_START, P_END, P_HOURS);
	for (int i = 0; i < n; i++) {
		const struct placement *p = &items[i];
		htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
		      p->citizen_name && *p->citizen_name ? p->citizen_name : "–",
		      placements_scheme_label(p->scheme), date_dk(r, p->start), date_dk(r, p->end),
		      p->hours ? arena_printf(&r->a, "%d", p->hours) : "–");
	}
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, action, arena_printf(&r->a, "&state=%s", state_key), q.offset, q.limit, total);
	return page_end(r, 200);
}

/* ---- the block on an enterprise's profile */

void placements_web_now_block(struct req *r, int64_t enterprise_id, const char *kommune,
                              const int counts[SCHEME_COUNT])
{
	int sum = 0;
	for (int i = 0; i < SCHEME_COUNT; i++)
		sum += counts[i];
	if (sum == 0)
		return;
	bool exact = access_counts_exact(r->user, kommune, enterprise_id), hidden = false;
	struct buf *o = &r->out;
	htmlf(o, "<h2>%s</h2>\n", P_NOW_TITLE);
	table_begin(o, P_NOW_TITLE, "numbers");
	htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n"
	         "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	      P_NOW_TITLE, P_SCHEME, P_NOW_COUNT);
	for (int i = 0; i < SCHEME_COUNT; i++) {
		if (!counts[i])
			continue;
		struct employment_cell c = employment_cell_from(counts[i], exact);
		char t[16];
		hidden |= c.mark != EMP_EXACT;
		htmlf(o, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>\n", employment_schemes[i].label,
		      employment_cell_text(&c, t));
	}
	html(o, "</tbody>\n");
	table_end(o);
	if (hidden)
		htmlf(o, "<p class=\"hint\">%s</p>\n", P_DISCRETION);
}
