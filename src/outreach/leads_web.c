/*
 * leads_web.c — the pages of leads: the board per municipality (one column per stage, a small
 * form on each card to move it, without JavaScript; the columns stack on a narrow screen), the
 * list view with CSV, one lead with its history, and the form to create one.
 * Layer: handlers of the outreach capability. The rules and the access decision are leads.h's
 * (and auth/access.h's); these pages read the request and render.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "contacts_web.h"
#include "leads.h"
#include "leads_web.h"

static const char *nonblank(struct req *r, const char *name)
{
	const char *v = text_trim(&r->a, req_query(r, name));
	return v && *v ? v : NULL;
}

static const char *label_of(const struct option_kv *o, int n, const char *key)
{
	return registry_label(o, n, key);
}

static struct form_option *kv_options(struct req *r, const struct option_kv *kv, int n)
{
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(n + 1));
	for (int i = 0; i < n; i++)
		fo[i] = (struct form_option){kv[i].key, kv[i].label};
	return fo;
}

static bool may_write(struct req *r, const char *kommune)
{
	return r->user && access_collaboration(r->user, ACC_WRITE, kommune) == 0;
}

/* the move form of a card: a labelled select of the other stages and a button */
static void move_form(struct req *r, const struct outreach_lead *l)
{
	struct buf *o = &r->out;
	htmlf(o, "<form method=\"post\" action=\"/opsoegning/leads/%lld/fase\" class=\"move\">\n",
	      (long long)l->id);
	form_csrf(o, r->csrf);
	htmlf(o, "<label for=\"stage-%lld\">Flyt til</label> <select id=\"stage-%lld\" name=\"stage\">\n",
	      (long long)l->id, (long long)l->id);
	for (int i = 0; i < leads_stages_count; i++)
		if (strcmp(leads_stages[i].key, l->stage) != 0)
			htmlf(o, "<option value=\"%s\">%s</option>\n", leads_stages[i].key, leads_stages[i].label);
	htmlf(o, "</select> <button type=\"submit\" aria-label=\"Flyt %s\">Flyt</button>\n</form>\n",
	      l->title);
}

static void board(struct req *r, const struct outreach_lead *items, int n, bool national)
{
	struct buf *o = &r->out;
	html(o, "<div class=\"board\">\n");
	for (int s = 0; s < leads_stages_count; s++) {
		int count = 0;
		for (int i = 0; i < n; i++)
			count += !strcmp(items[i].stage, leads_stages[s].key);
		htmlf(o, "<section aria-labelledby=\"fase-%s\">\n<h2 id=\"fase-%s\">%s (%d)</h2>\n",
		      leads_stages[s].key, leads_stages[s].key, leads_stages[s].label, count);
		if (!count) {
			html(o, "<p class=\"empty\">Ingen leads i denne fase.</p>\n</section>\n");
			continue;
		}
		html(o, "<ul>\n");
		for (int i = 0; i < n; i++) {
			const struct outreach_lead *l = &items[i];
			if (strcmp(l->stage, leads_stages[s].key) != 0)
				continue;
			int days = leads_days_between(l->stage_since, page_today(r));
			htmlf(o, "<li><p><a href=\"/opsoegning/leads/%lld\">%s</a></p>\n<p>%s</p>\n",
			      (long long)l->id, l->title, label_of(leads_origins, leads_origins_count, l->origin));
			if (national)
				htmlf(o, "<p>%s</p>\n", l->kommune_navn);
			htmlf(o, "<p>Ansvarlig: %s</p>\n<p>%d %s i fasen</p>\n",
			      l->owner_email ? l->owner_email : "ingen", days, days == 1 ? "dag" : "dage");
			if (may_write(r, l->kommune))
				move_form(r, l);
			html(o, "</li>\n");
		}
		html(o, "</ul>\n</section>\n");
	}
	html(o, "</div>\n");
}

static void list_table(struct req *r, const struct outreach_lead *items, int n)
{
	struct buf *o = &r->out;
	table_begin(o, "Leads", NULL);
	html(o, "<caption class=\"visually-hidden\">Leads</caption>\n<thead><tr><th scope=\"col\">Titel</th>"
	        "<th scope=\"col\">Kommune</th><th scope=\"col\">Oprindelse</th><th scope=\"col\">Fase</th>"
	        "<th scope=\"col\">I fasen siden</th><th scope=\"col\">Ansvarlig</th>"
	        "<th scope=\"col\">Næste skridt</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct outreach_lead *l = &items[i];
		htmlf(o, "<tr><td><a href=\"/opsoegning/leads/%lld\">%s</a></td><td>%s</td><td>%s</td>"
		         "<td>%s</td><td>%s</td><td>%s</td><td>%s%s%s</td></tr>\n",
		      (long long)l->id, l->title, l->kommune_navn,
		      label_of(leads_origins, leads_origins_count, l->origin),
		      label_of(leads_stages, leads_stages_count, l->stage), text_date_dk(&r->a, l->stage_since),
		      l->owner_email ? l->owner_email : "", l->next_step, l->next_step_date ? " · " : "",
		      l->next_step_date ? text_date_dk(&r->a, l->next_step_date) : "");
	}
	html(o, "</tbody>\n");
	table_end(o);
}

static void list_csv(struct req *r, const struct outreach_lead *items, int n)
{
	struct csv_out w;
	page_csv_begin(r, &w);
	static const char *const head[] = {"id", "titel", "kommune", "oprindelse", "bag_leadet", "fase",
	                                   "i_fasen_siden", "ansvarlig", "naeste_skridt", "naeste_dato",
	                                   "virksomhed_id"};
	for (size_t i = 0; i < sizeof(head) / sizeof(head[0]); i++)
		csv_out_field(&w, head[i]);
	csv_out_end(&w);
	for (int i = 0; i < n; i++) {
		const struct outreach_lead *l = &items[i];
		csv_out_int(&w, l->id);
		csv_out_field(&w, l->title);
		csv_out_field(&w, l->kommune);
		csv_out_field(&w, l->origin);
		csv_out_field(&w, l->behind);
		csv_out_field(&w, l->stage);
		csv_out_field(&w, l->stage_since);
		csv_out_field(&w, l->owner_email ? l->owner_email : "");
		csv_out_field(&w, l->next_step);
		csv_out_field(&w, l->next_step_date ? l->next_step_date : "");
		if (l->enterprise_id)
			csv_out_int(&w, l->enterprise_id);
		else
			csv_out_field(&w, "");
		csv_out_end(&w);
	}
}

/* GET /opsoegning/leads — the staff of a municipality (its own leads), the administrator (all,
 * or ?kommune). The board, or ?view=liste the list; ?stage and ?origin filter; ?format=csv the
 * filtered list as CSV. */
int leads_page_board(struct req *r)
{
	struct leads_query q = {.limit = 5000};
	const char *v;
	if ((v = nonblank(r, "kommune")) && text_is_digits(v, 3))
		q.kommune = v;
	if ((v = nonblank(r, "stage")) && strcmp(label_of(leads_stages, leads_stages_count, v), v))
		q.stage = v;
	if ((v = nonblank(r, "origin")) && strcmp(label_of(leads_origins, leads_origins_count, v), v))
		q.origin = v;
	struct outreach_lead *items;
	int n, total;
	int rc = leads_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	if ((v = req_query(r, "format")) && !strcmp(v, "csv")) {
		list_csv(r, items, n);
		return reply_download(r, "text/csv; charset=utf-8", "leads.csv");
	}
	bool as_list = (v = req_query(r, "view")) && !strcmp(v, "liste");
	bool national = access_national(r->user);
	page_begin(r, "Leads");
	struct buf *o = &r->out;
	contacts_web_subnav(r, "/opsoegning/leads");
	const char *ok = req_query(r, "ok");
	if (ok)
		html(o, "<p class=\"notice\" role=\"status\">Leadet er gemt.</p>\n");
	html(o, "<p class=\"lead\">Mulige nye virksomheder og afdelinger: afknopninger, virksomheder "
	        "udefra og lokale idéer, fra idé til etableret.</p>\n");
	if (r->user && (national || may_write(r, r->user->kommune)))
		html(o, "<p><a class=\"button\" href=\"/opsoegning/leads/ny\">Nyt lead</a></p>\n");
	html(o, "<form method=\"get\" action=\"/opsoegning/leads\" class=\"filter\" role=\"search\">\n");
	if (as_list)
		html(o, "<input type=\"hidden\" name=\"view\" value=\"liste\">\n");
	struct form_option *so = kv_options(r, leads_stages, leads_stages_count);
	struct form_option *oo = kv_options(r, leads_origins, leads_origins_count);
	struct form_option sall[8], oall[8];
	sall[0] = oall[0] = (struct form_option){"", "Alle"};
	memcpy(sall + 1, so, sizeof(*so) * (size_t)leads_stages_count);
	memcpy(oall + 1, oo, sizeof(*oo) * (size_t)leads_origins_count);
	form_select(o, &(struct form_field){.name = "stage", .label = "Fase", .value = q.stage ? q.stage : ""},
	            sall, leads_stages_count + 1);
	form_select(o, &(struct form_field){.name = "origin", .label = "Oprindelse",
	                                    .value = q.origin ? q.origin : ""}, oall, leads_origins_count + 1);
	if (national)
		form_input(o, &(struct form_field){.name = "kommune", .label = "Kommunekode",
		                                   .value = q.kommune ? q.kommune : "", .hint = "Tre cifre, fx 621."});
	html(o, "<button type=\"submit\">Filtrér</button>\n</form>\n");
	const char *extra = arena_printf(&r->a, "%s%s%s%s%s%s", q.kommune ? "&kommune=" : "",
	                                 q.kommune ? q.kommune : "", q.stage ? "&stage=" : "",
	                                 q.stage ? q.stage : "", q.origin ? "&origin=" : "",
	                                 q.origin ? q.origin : "");
	htmlf(o, "<p><a href=\"/opsoegning/leads?format=csv%s\">Hent som CSV</a></p>\n", extra);
	if (as_list)
		htmlf(o, "<p><a href=\"/opsoegning/leads?view=tavle%s\">Vis som tavle</a></p>\n", extra);
	else
		htmlf(o, "<p><a href=\"/opsoegning/leads?view=liste%s\">Vis som liste</a></p>\n", extra);
	if (n == 0) {
		htmlf(o, "<p class=\"empty\" role=\"status\">%s</p>\n",
		      q.stage || q.origin || q.kommune ? "Ingen leads passer til filtrene."
		                                       : "Der er endnu ingen leads.");
		return page_end(r, 200);
	}
	if (as_list)
		list_table(r, items, n);
	else
		board(r, items, n, national);
	return page_end(r, 200);
}

/* ---------------------------------------------------------------- creating */

static int new_form(struct req *r, int status, const struct lead_change *ch, const char *kommune)
{
	page_begin(r, "Nyt lead");
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	html(o, "<form method=\"post\" action=\"/opsoegning/leads\" novalidate>\n");
	form_csrf(o, r->csrf);
	if (access_national(r->user))
		form_input(o, &(struct form_field){.name = "kommune", .label = "Kommunekode", .required = true,
		                                   .value = kommune ? kommune : "", .hint = "Tre cifre, fx 621.",
		                                   .error = errs_get(&r->errs, "kommune")});
	form_input(o, &(struct form_field){.name = "title", .label = "Titel", .required = true,
	                                   .maxlength = 300, .value = ch->title ? ch->title : "",
	                                   .error = errs_get(&r->errs, "title")});
	form_select(o, &(struct form_field){.name = "origin", .label = "Oprindelse", .required = true,
	                                    .value = ch->origin ? ch->origin : "",
	                                    .error = errs_get(&r->errs, "origin")},
	            kv_options(r, leads_origins, leads_origins_count), leads_origins_count);
	form_input(o, &(struct form_field){.name = "behind", .label = "Virksomhed eller person bag",
	                                   .maxlength = 300, .value = ch->behind ? ch->behind : "",
	                                   .error = errs_get(&r->errs, "behind")});
	form_textarea(o, &(struct form_field){.name = "description", .label = "Beskrivelse",
	                                      .value = ch->description ? ch->description : "",
	                                      .error = errs_get(&r->errs, "description")}, 5);
	form_select(o, &(struct form_field){.name = "stage", .label = "Fase",
	                                    .value = ch->stage ? ch->stage : "ide",
	                                    .error = errs_get(&r->errs, "stage")},
	            kv_options(r, leads_stages, leads_stages_count), leads_stages_count);
	form_input(o, &(struct form_field){.name = "next_step", .label = "Næste skridt", .maxlength = 500,
	                                   .value = ch->next_step ? ch->next_step : "",
	                                   .error = errs_get(&r->errs, "next_step")});
	form_input(o, &(struct form_field){.name = "next_step_date", .label = "Dato for næste skridt",
	                                   .type = "date", .value = ch->next_step_date ? ch->next_step_date : "",
	                                   .error = errs_get(&r->errs, "next_step_date")});
	html(o, "<button type=\"submit\">Opret lead</button> <a href=\"/opsoegning/leads\">Annuller</a>\n</form>\n");
	return page_end(r, status);
}

/* GET /opsoegning/leads/ny — the konsulent or jobkonsulent of a municipality, the
 * administrator. 403 for who may only read. */
int leads_page_new(struct req *r)
{
	if (!access_national(r->user) && !may_write(r, r->user ? r->user->kommune : NULL))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct lead_change ch = {0};
	return new_form(r, 200, &ch, NULL);
}

/* POST /opsoegning/leads — as the form, CSRF. kommune (administrator), title, origin, behind,
 * description, stage, next_step, next_step_date. 303 to the board; 422 with the form; 403. */
int leads_page_create(struct req *r)
{
	struct lead_change ch = {.title = req_form(r, "title"), .origin = req_form(r, "origin"),
	                         .behind = req_form(r, "behind"), .description = req_form(r, "description"),
	                         .stage = req_form(r, "stage"), .next_step = req_form(r, "next_step"),
	                         .next_step_date = req_form(r, "next_step_date")};
	if (ch.origin && !*ch.origin)
		ch.origin = NULL;
	const char *kommune = access_national(r->user) ? req_form(r, "kommune")
	                                               : r->user ? r->user->kommune : NULL;
	struct outreach_lead l;
	int rc = leads_create(r->db, &r->a, r->user, kommune, &ch, page_today(r), &r->errs, &l);
	if (rc == ERR_INVALID)
		return new_form(r, 422, &ch, kommune);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/opsoegning/leads/%lld?ok=oprettet", (long long)l.id));
}

/* ---------------------------------------------------------------- one lead */

static int show(struct req *r, int status, const struct outreach_lead *l)
{
	page_begin(r, l->title);
	struct buf *o = &r->out;
	contacts_web_subnav(r, NULL);
	if (req_query(r, "ok"))
		html(o, "<p class=\"notice\" role=\"status\">Leadet er gemt.</p>\n");
	form_error_summary(o, &r->errs);
	html(o, "<dl class=\"facts\">\n");
	htmlf(o, "<dt>Kommune</dt><dd>%s</dd>\n", l->kommune_navn);
	htmlf(o, "<dt>Oprindelse</dt><dd>%s</dd>\n", label_of(leads_origins, leads_origins_count, l->origin));
	if (*l->behind)
		htmlf(o, "<dt>Bag leadet</dt><dd>%s</dd>\n", l->behind);
	htmlf(o, "<dt>Fase</dt><dd>%s siden %s</dd>\n", label_of(leads_stages, leads_stages_count, l->stage),
	      text_date_dk(&r->a, l->stage_since));
	htmlf(o, "<dt>Ansvarlig</dt><dd>%s</dd>\n", l->owner_email ? l->owner_email : "ingen");
	if (*l->next_step || l->next_step_date)
		htmlf(o, "<dt>Næste skridt</dt><dd>%s %s</dd>\n", l->next_step,
		      l->next_step_date ? text_date_dk(&r->a, l->next_step_date) : "");
	if (l->enterprise_id)
		htmlf(o, "<dt>I registret</dt><dd><a href=\"/virksomheder/%lld\">%s</a></dd>\n",
		      (long long)l->enterprise_id, l->enterprise_name ? l->enterprise_name : "");
	html(o, "</dl>\n");
	if (*l->description)
		htmlf(o, "<p class=\"description\">%s</p>\n", l->description);
	html(o, "<h2>Historik</h2>\n<ol>\n");
	for (int i = 0; i < l->nhistory; i++)
		htmlf(o, "<li>%s: %s%s%s</li>\n", text_date_dk(&r->a, l->history[i].date),
		      label_of(leads_stages, leads_stages_count, l->history[i].stage),
		      *l->history[i].user_email ? " · " : "", l->history[i].user_email);
	html(o, "</ol>\n");
	if (may_write(r, l->kommune)) {
		html(o, "<h2>Flyt til en anden fase</h2>\n");
		htmlf(o, "<form method=\"post\" action=\"/opsoegning/leads/%lld/fase\" novalidate>\n",
		      (long long)l->id);
		form_csrf(o, r->csrf);
		const char *stage = req_form(r, "stage");
		form_select(o, &(struct form_field){.name = "stage", .label = "Ny fase",
		                                    .value = stage ? stage : l->stage,
		                                    .error = errs_get(&r->errs, "stage")},
		            kv_options(r, leads_stages, leads_stages_count), leads_stages_count);
		const char *d = req_form(r, "stage_date");
		form_input(o, &(struct form_field){.name = "stage_date", .label = "Dato for skiftet",
		                                   .type = "date", .value = d ? d : page_today(r),
		                                   .error = errs_get(&r->errs, "stage_date")});
		const char *eid = req_form(r, "enterprise_id");
		form_input(o, &(struct form_field){.name = "enterprise_id", .label = "Virksomhedens nummer i registret",
		                                   .hint = "Kun ved etableret: nummeret i adressen /virksomheder/N på "
		                                           "en virksomhed, der allerede står i registret. Uden "
		                                           "nummer oprettes virksomheden i registret.",
		                                   .value = eid ? eid : "",
		                                   .error = errs_get(&r->errs, "enterprise_id")});
		html(o, "<button type=\"submit\">Flyt</button>\n</form>\n");
	}
	html(o, "<p><a href=\"/opsoegning/leads\">Tilbage til tavlen</a></p>\n");
	return page_end(r, status);
}

/* GET /opsoegning/leads/{id} — the staff of its municipality, the administrator. 404, 403. */
int leads_page_show(struct req *r)
{
	struct outreach_lead l;
	int rc = leads_get(r->db, &r->a, r->user, req_param_int(r, "id"), &l);
	if (rc)
		return page_fail(r, rc, "Leadet findes ikke.");
	return show(r, 200, &l);
}

/* POST /opsoegning/leads/{id}/fase — who may write its municipality, CSRF. stage, stage_date
 * (default today), enterprise_id (with etableret). 303 back (to the board when sent from it,
 * from=tavle); 422 with the lead's page and the errors; 404, 403. */
int leads_page_stage(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct lead_change ch = {.stage = req_form(r, "stage"), .stage_date = req_form(r, "stage_date")};
	if (!ch.stage)
		ch.stage = "";
	const char *eid = text_trim(&r->a, req_form(r, "enterprise_id"));
	if (eid && *eid) {
		long long v;
		ch.has_enterprise = true;
		if (text_parse_int(eid, 1, 999999999999LL, &v) == 0)
			ch.enterprise_id = v;
		else
			errs_add(&r->errs, "enterprise_id", "Skriv virksomhedens nummer i registret som et helt tal.");
	}
	struct outreach_lead l;
	int rc = leads_update(r->db, &r->a, r->user, id, &ch, page_today(r), &r->errs, &l);
	if (rc == ERR_INVALID && leads_get(r->db, &r->a, r->user, id, &l) == 0)
		return show(r, 422, &l);
	if (rc)
		return page_fail(r, rc, "Leadet findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/opsoegning/leads/%lld?ok=flyttet", (long long)id));
}
