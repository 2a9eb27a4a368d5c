/*
 * support_web.c — the pages of support plans: /opsoegning/planer (the municipality's plans),
 * /virksomheder/{id}/plan (the checklist, the milestones, the municipality's survival table),
 * and /opsoegning/overlevelse (the survival table per municipality and cohort, with CSV).
 * Layer: handlers of the outreach capability. The rules and the access decision are
 * support.h's; these pages read the request and render.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../entry/advisory.h"
#include "../entry/entry.h"
#include "../http/page.h"
#include "contacts_web.h"
#include "support.h"
#include "support_web.h"

#define NOT_FOUND "Virksomheden findes ikke."

static const char *dk(struct req *r, const char *date)
{
	return date ? text_date_dk(&r->a, date) : "";
}

/* "n af m" with the share, or "–" when none is eligible yet */
static const char *share(struct req *r, int survived, int eligible)
{
	if (!eligible)
		return "–";
	return arena_printf(&r->a, "%d af %d (%d %%)", survived, eligible, (survived * 100 + eligible / 2) / eligible);
}

/* the survival table of rows[0..n); with_kommune adds the municipality's column */
static void survival_table(struct req *r, const struct survival_row *rows, int n, bool with_kommune)
{
	struct buf *o = &r->out;
	if (n == 0) {
		html(o, "<p class=\"empty\">Der er ingen etablerede socialøkonomiske virksomheder at følge.</p>\n");
		return;
	}
	table_begin(o, "Overlevelse", "numbers");
	html(o, "<caption>Virksomheder, der stadig var åbne 1, 2 og 3 år efter etableringen, efter "
	        "etableringsår</caption>\n<thead><tr>");
	if (with_kommune)
		html(o, "<th scope=\"col\">Kommune</th>");
	html(o, "<th scope=\"col\">Etableret</th><th scope=\"col\">Antal</th><th scope=\"col\">Efter 1 år</th>"
	        "<th scope=\"col\">Efter 2 år</th><th scope=\"col\">Efter 3 år</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct survival_row *s = &rows[i];
		html(o, "<tr>");
		if (with_kommune)
			htmlf(o, "<td>%s</td>", s->navn);
		htmlf(o, "<th scope=\"row\">%d</th><td>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
		      s->cohort, s->count, share(r, s->survived[0], s->eligible[0]),
		      share(r, s->survived[1], s->eligible[1]), share(r, s->survived[2], s->eligible[2]));
	}
	html(o, "</tbody>\n");
	table_end(o);
	html(o, "<p class=\"hint\">Et år tæller først med, når der er gået så lang tid siden etableringen. "
	        "Lukkedatoerne kommer fra registret. Kun socialøkonomiske virksomheder.</p>\n");
}

/* GET /opsoegning/overlevelse — the staff of a municipality (its own), the administrator (every
 * municipality, or ?kommune). ?format=csv. */
int support_page_survival(struct req *r)
{
	const char *k = text_trim(&r->a, req_query(r, "kommune"));
	if (k && (!*k || !text_is_digits(k, 3)))
		k = NULL;
	struct survival_row *rows;
	int n;
	int rc = support_survival(r->db, &r->a, r->user, k, page_today(r), &rows, &n);
	if (rc)
		return page_fail(r, rc, NULL);
	const char *format = req_query(r, "format");
	if (format && !strcmp(format, "csv")) {
		struct csv_out w;
		page_csv_begin(r, &w);
		static const char *const head[] = {"kommune", "kommunenavn", "etableret_aar", "antal",
		                                   "efter_1_aar_kan_taelles", "efter_1_aar_aabne",
		                                   "efter_2_aar_kan_taelles", "efter_2_aar_aabne",
		                                   "efter_3_aar_kan_taelles", "efter_3_aar_aabne"};
		for (size_t i = 0; i < sizeof(head) / sizeof(head[0]); i++)
			csv_out_field(&w, head[i]);
		csv_out_end(&w);
		for (int i = 0; i < n; i++) {
			csv_out_field(&w, rows[i].kommune);
			csv_out_field(&w, rows[i].navn);
			csv_out_int(&w, rows[i].cohort);
			csv_out_int(&w, rows[i].count);
			for (int y = 0; y < 3; y++) {
				csv_out_int(&w, rows[i].eligible[y]);
				csv_out_int(&w, rows[i].survived[y]);
			}
			csv_out_end(&w);
		}
		return reply_download(r, "text/csv; charset=utf-8", "overlevelse.csv");
	}
	page_begin(r, "Overlevelse efter etablering");
	struct buf *o = &r->out;
	contacts_web_subnav(r, "/opsoegning/overlevelse");
	html(o, "<p class=\"lead\">Nye virksomheder er særligt sårbare i de første år. Tabellen viser "
	        "for hvert etableringsår, hvor mange der stadig var åbne 1, 2 og 3 år efter.</p>\n");
	if (access_national(r->user)) {
		html(o, "<form method=\"get\" action=\"/opsoegning/overlevelse\" class=\"filter\" role=\"search\">\n");
		form_input(o, &(struct form_field){.name = "kommune", .label = "Kommunekode",
		                                   .value = k ? k : "", .hint = "Tre cifre, fx 621. Tom: alle."});
		html(o, "<button type=\"submit\">Vis</button>\n</form>\n");
	}
	htmlf(o, "<p><a href=\"/opsoegning/overlevelse?format=csv%s%s\">Hent som CSV</a></p>\n",
	      k ? "&kommune=" : "", k ? k : "");
	survival_table(r, rows, n, true);
	return page_end(r, 200);
}

/* GET /opsoegning/planer — the staff of a municipality (its own plans), the administrator. */
int support_page_list(struct req *r)
{
	struct plan_summary *items;
	int n;
	int rc = support_plans_list(r->db, &r->a, r->user, NULL, &items, &n);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Støtteplaner");
	struct buf *o = &r->out;
	contacts_web_subnav(r, "/opsoegning/planer");
	html(o, "<p class=\"lead\">Planer for virksomheder i etableringsfasen: forretningsplanen, "
	        "milepæle og overlevelsen. En plan laves fra virksomhedens side under Kontakter → "
	        "Støtteplan.</p>\n");
	if (n == 0) {
		html(o, "<p class=\"empty\" role=\"status\">Der er endnu ingen støtteplaner.</p>\n");
		return page_end(r, 200);
	}
	table_begin(o, "Støtteplaner", NULL);
	htmlf(o, "<caption class=\"visually-hidden\">Støtteplaner</caption>\n<thead><tr>"
	         "<th scope=\"col\">Virksomhed</th><th scope=\"col\">Etableret</th>"
	         "<th scope=\"col\">Forretningsplan</th><th scope=\"col\">Åbne milepæle</th>"
	         "<th scope=\"col\">Næste frist</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<tr><td><a href=\"/virksomheder/%lld/plan\">%s</a></td><td>%s</td><td>%d af %d</td>"
		         "<td>%d</td><td>%s</td></tr>\n",
		      (long long)items[i].enterprise_id, items[i].enterprise_name, dk(r, items[i].established),
		      items[i].done, SUPPORT_ITEMS, items[i].open_milestones, dk(r, items[i].next_due));
	html(o, "</tbody>\n");
	table_end(o);
	return page_end(r, 200);
}

static void checklist(struct req *r, const struct support_plan *p, bool writer)
{
	struct buf *o = &r->out;
	html(o, "<h2 id=\"tjekliste\">Forretningsplan</h2>\n");
	if (writer) {
		htmlf(o, "<form method=\"post\" action=\"/virksomheder/%lld/plan\" novalidate>\n",
		      (long long)p->enterprise.id);
		form_csrf(o, r->csrf);
	}
	html(o, "<ul class=\"plain\">\n");
	for (int i = 0; i < SUPPORT_ITEMS; i++) {
		const char *key = support_items[i].key;
		if (i == 0)
			html(o, "<li><h3>Regeringens definition</h3></li>\n");
		else if (i == 5)
			html(o, "<li><h3>Økonomi og marked</h3></li>\n");
		else if (i == 7)
			html(o, "<li><h3>Beskæftigelsen</h3></li>\n");
		html(o, "<li>");
		if (writer) {
			form_checkbox(o, &(struct form_field){.name = arena_printf(&r->a, "done_%s", key),
			                                      .label = support_items[i].label,
			                                      .value = p->items[i].done ? "1" : ""});
			const char *nname = arena_printf(&r->a, "note_%s", key);
			const char *typed = req_form(r, nname);
			form_input(o, &(struct form_field){.name = nname,
			                                   .label = arena_printf(&r->a, "Note til „%s“", support_items[i].label),
			                                   .maxlength = 2000,
			                                   .value = typed ? typed : p->items[i].note,
			                                   .error = errs_get(&r->errs, nname)});
		} else {
			htmlf(o, "%s: <strong>%s</strong>%s%s", support_items[i].label,
			      p->items[i].done ? "på plads" : "mangler", *p->items[i].note ? " — " : "",
			      p->items[i].note);
		}
		html(o, "</li>\n");
	}
	html(o, "</ul>\n");
	if (writer)
		html(o, "<button type=\"submit\">Gem forretningsplanen</button>\n</form>\n");
}

static void milestones(struct req *r, const struct support_plan *p, bool writer)
{
	struct buf *o = &r->out;
	long long eid = (long long)p->enterprise.id;
	html(o, "<h2 id=\"milepaele\">Milepæle</h2>\n");
	if (p->nmilestones == 0)
		html(o, "<p class=\"empty\">Der er endnu ingen milepæle.</p>\n");
	else {
		table_begin(o, "Milepæle", NULL);
		html(o, "<caption class=\"visually-hidden\">Milepæle</caption>\n<thead><tr>"
		        "<th scope=\"col\">Milepæl</th><th scope=\"col\">Frist</th><th scope=\"col\">Ansvarlig</th>"
		        "<th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
		for (int i = 0; i < p->nmilestones; i++) {
			const struct milestone *m = &p->milestones[i];
			htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s", m->title, dk(r, m->due),
			      m->owner_email ? m->owner_email : "", m->done_at ? "Nået" : "Åben");
			if (writer) {
				htmlf(o, " <form method=\"post\" action=\"/virksomheder/%lld/plan/milepaele/%lld\">", eid,
				      (long long)m->id);
				form_csrf(o, r->csrf);
				htmlf(o, "<input type=\"hidden\" name=\"done\" value=\"%s\"><button type=\"submit\" "
				         "aria-label=\"%s: %s\">%s</button></form>",
				      m->done_at ? "0" : "1", m->done_at ? "Genåbn" : "Markér som nået", m->title,
				      m->done_at ? "Genåbn" : "Markér som nået");
			}
			html(o, "</td></tr>\n");
		}
		html(o, "</tbody>\n");
		table_end(o);
	}
	if (!writer)
		return;
	html(o, "<h3>Ny milepæl</h3>\n");
	htmlf(o, "<form method=\"post\" action=\"/virksomheder/%lld/plan/milepaele\" novalidate>\n", eid);
	form_csrf(o, r->csrf);
	const char *t = req_form(r, "title"), *d = req_form(r, "due");
	form_input(o, &(struct form_field){.name = "title", .label = "Milepæl", .required = true,
	                                   .maxlength = 300, .value = t ? t : "",
	                                   .error = errs_get(&r->errs, "title")});
	form_input(o, &(struct form_field){.name = "due", .label = "Frist", .type = "date", .required = true,
	                                   .value = d ? d : "", .hint = "Den ansvarlige (dig) får en påmindelse på dagen.",
	                                   .error = errs_get(&r->errs, "due")});
	html(o, "<button type=\"submit\">Tilføj milepæl</button>\n</form>\n");
}

/* the enterprise's advisory sessions and inquiries, read through the entry capability's domain
 * (each shows what the caller may see of them: the municipality's sessions, the caller's cases);
 * of an inquiry only its reference, topic, status and date, none of the sender's personal data */
static void entry_section(struct req *r, const struct enterprise *e)
{
	struct buf *o = &r->out;
	html(o, "<h2>Rådgivning og henvendelser</h2>\n");
	struct advisory_session_row *rows = NULL;
	int n = 0, total, shown = 0;
	if (advisory_sessions(r->db, &r->a, r->user, e->kommune, NULL, NULL, 5000, 0, &rows, &n, &total) != 0)
		n = 0;
	for (int i = 0; i < n; i++) {
		if (rows[i].enterprise_id != e->id)
			continue;
		if (shown++ == 0) {
			table_begin(o, "Rådgivningssamtaler", NULL);
			html(o, "<caption>Rådgivningssamtaler</caption>\n<thead><tr><th scope=\"col\">Dato</th>"
			        "<th scope=\"col\">Emne</th><th scope=\"col\">Minutter</th>"
			        "<th scope=\"col\">Konsulent</th></tr></thead>\n<tbody>\n");
		}
		htmlf(o, "<tr><td>%s</td><td>%s</td><td>%d</td><td>%s</td></tr>\n", dk(r, rows[i].date),
		      entry_label(entry_topics, entry_topics_count, rows[i].topic), rows[i].minutes,
		      rows[i].consultant ? rows[i].consultant : "");
	}
	if (shown) {
		html(o, "</tbody>\n");
		table_end(o);
	} else {
		html(o, "<p class=\"empty\">Ingen rådgivningssamtaler med virksomheden, som du kan se.</p>\n");
	}
	struct inquiry *inq = NULL;
	int ni = 0, ti;
	if (entry_inquiries(r->db, &r->a, r->user, NULL, 500, 0, &inq, &ni, &ti) != 0)
		ni = 0;
	shown = 0;
	for (int i = 0; i < ni; i++) {
		if (inq[i].enterprise_id != e->id)
			continue;
		if (shown++ == 0)
			html(o, "<h3>Henvendelser</h3>\n<ul>\n");
		htmlf(o, "<li><a href=\"/sager/%lld\">%s</a>: %s, %s, modtaget %s</li>\n", (long long)inq[i].id,
		      inq[i].reference, entry_label(entry_topics, entry_topics_count, inq[i].topic),
		      entry_label(entry_statuses, entry_statuses_count, inq[i].status), dk(r, inq[i].received_date));
	}
	if (shown)
		html(o, "</ul>\n");
	else
		html(o, "<p class=\"empty\">Ingen henvendelser fra virksomheden, som du kan se.</p>\n");
}

static int plan_page(struct req *r, int status, const struct support_plan *p)
{
	struct survival_row *rows = NULL;
	int n = 0;
	int rc = support_survival(r->db, &r->a, r->user, p->enterprise.kommune, page_today(r), &rows, &n);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	bool writer = support_plan_may_write(r->user, p->enterprise.kommune);
	page_begin(r, arena_printf(&r->a, "Støtteplan for %s", p->enterprise.name));
	struct buf *o = &r->out;
	contacts_web_subnav(r, NULL);
	const char *ok = req_query(r, "ok");
	if (ok)
		html(o, "<p class=\"notice\" role=\"status\">Planen er gemt.</p>\n");
	form_error_summary(o, &r->errs);
	htmlf(o, "<p><a href=\"/virksomheder/%lld\">%s</a> · %s · etableret %s%s%s</p>\n",
	      (long long)p->enterprise.id, p->enterprise.name, p->enterprise.kommune_navn,
	      p->enterprise.established ? dk(r, p->enterprise.established) : "ikke endnu",
	      p->enterprise.closed ? " · lukket " : "", p->enterprise.closed ? dk(r, p->enterprise.closed) : "");
	if (!p->id)
		html(o, "<p class=\"hint\">Virksomheden har endnu ingen støtteplan. Den oprettes, når du gemmer "
		        "forretningsplanen eller tilføjer en milepæl.</p>\n");
	checklist(r, p, writer);
	milestones(r, p, writer);
	entry_section(r, &p->enterprise);
	htmlf(o, "<h2>Overlevelse i %s</h2>\n", p->enterprise.kommune_navn);
	survival_table(r, rows, n, false);
	return page_end(r, status);
}

/* GET /virksomheder/{id}/plan — the staff of the enterprise's home municipality (the indkøber
 * reads), the administrator. 404, 403. */
int support_page_plan(struct req *r)
{
	struct support_plan p;
	int rc = support_plan_get(r->db, &r->a, r->user, req_param_int(r, "id"), &p);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return plan_page(r, 200, &p);
}

/* the plan again after a failed change: 422 with the errors, or the error page */
static int after_change(struct req *r, int rc, int64_t id, const char *anchor)
{
	if (rc == ERR_INVALID) {
		struct support_plan p;
		int grc = support_plan_get(r->db, &r->a, r->user, id, &p);
		if (grc == 0)
			return plan_page(r, 422, &p);
		rc = grc;
	}
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/virksomheder/%lld/plan?ok=gemt#%s", (long long)id, anchor));
}

/* POST /virksomheder/{id}/plan — the konsulent or jobkonsulent of its home municipality, the
 * administrator; CSRF. done_<item>=1 and note_<item> for each item of the checklist. 303; 422;
 * 404, 403. */
int support_page_plan_post(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct plan_item items[SUPPORT_ITEMS];
	for (int i = 0; i < SUPPORT_ITEMS; i++) {
		const char *d = req_form(r, arena_printf(&r->a, "done_%s", support_items[i].key));
		items[i].done = d && !strcmp(d, "1");
		items[i].note = req_form(r, arena_printf(&r->a, "note_%s", support_items[i].key));
	}
	int rc = support_plan_save_items(r->db, &r->a, r->user, id, items, &r->errs);
	return after_change(r, rc, id, "tjekliste");
}

/* POST /virksomheder/{id}/plan/milepaele — as above. title, due. 303; 422; 404, 403. */
int support_page_milestone_add(struct req *r)
{
	int64_t id = req_param_int(r, "id"), mid;
	int rc = support_milestone_add(r->db, &r->a, r->user, id, req_form(r, "title"), req_form(r, "due"),
	                               0, &r->errs, &mid);
	return after_change(r, rc, id, "milepaele");
}

/* POST /virksomheder/{id}/plan/milepaele/{mid} — as above. done=1 (reached) or 0 (open again).
 * 303; 404, 403. */
int support_page_milestone_post(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	const char *done = req_form(r, "done");
	int rc = support_milestone_set_done(r->db, &r->a, r->user, id, req_param_int(r, "mid"),
	                                    done && !strcmp(done, "1"));
	return after_change(r, rc, id, "milepaele");
}
