/*
 * contacts_web.c — the pages of the contacts with enterprises: the municipality's list with its
 * filters and CSV (/opsoegning/kontakter), the form to log a contact with one enterprise, and the
 * timeline on the enterprise's page. Also the sub-navigation every outreach page shows.
 * Layer: handlers of the outreach capability. What a caller may see and do is asked of
 * contacts.h (which asks auth/access.h); these pages read the request and render.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "contacts.h"
#include "contacts_web.h"
#include "support.h"

#define LIST_PAGE 50

void contacts_web_subnav(struct req *r, const char *current)
{
	static const struct option_kv links[] = {
		{"/opsoegning/kontakter", "Kontakter"},
		{"/opsoegning/leads", "Leads"},
		{"/opsoegning/planer", "Støtteplaner"},
		{"/opsoegning/overlevelse", "Overlevelse"},
	};
	struct buf *o = &r->out;
	html(o, "<nav aria-label=\"Opsøgning\" class=\"subnav\"><ul>\n");
	for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		if (current && !strcmp(current, links[i].key))
			htmlf(o, "<li><a href=\"%s\" aria-current=\"page\">%s</a></li>\n", links[i].key,
			      links[i].label);
		else
			htmlf(o, "<li><a href=\"%s\">%s</a></li>\n", links[i].key, links[i].label);
	}
	html(o, "</ul></nav>\n");
}

/* the query parameter name trimmed, or NULL when absent or blank */
static const char *nonblank(struct req *r, const char *name)
{
	const char *v = text_trim(&r->a, req_query(r, name));
	return v && *v ? v : NULL;
}

static const char *dk(struct req *r, const char *date)
{
	return date ? text_date_dk(&r->a, date) : "";
}

/* ---------------------------------------------------------------- the timeline */

int contacts_web_timeline(struct req *r, const struct enterprise *e)
{
	if (!contacts_may_see_enterprise(r->user, e, false))
		return 0;
	struct outreach_contact *items;
	int n;
	int rc = contacts_of_enterprise(r->db, &r->a, r->user, e->id, &items, &n);
	if (rc)
		return rc;
	struct buf *o = &r->out;
	html(o, "<section aria-labelledby=\"kontakter\">\n<h2 id=\"kontakter\">Kontakter</h2>\n");
	if (req_query(r, "kontakt"))
		html(o, "<p class=\"notice\" role=\"status\">Kontakten er gemt.</p>\n");
	html(o, "<p class=\"hint\">Besøg, opkald, møder og mails med virksomheden. Kun kommunens "
	        "medarbejdere ser dem.</p>\n");
	/* the plan is its home municipality's: staff of a municipality it works with log contacts
	 * but get no link to a plan they may not open */
	bool log = contacts_may_see_enterprise(r->user, e, true);
	bool plan = support_plan_may_read(r->user, e->kommune);
	if (log || plan) {
		html(o, "<p>");
		if (log)
			htmlf(o, "<a class=\"button\" href=\"/virksomheder/%lld/kontakter/ny\">Registrér kontakt</a>",
			      (long long)e->id);
		if (plan)
			htmlf(o, "%s<a href=\"/virksomheder/%lld/plan\">Støtteplan</a>", log ? " " : "",
			      (long long)e->id);
		html(o, "</p>\n");
	}
	if (n == 0) {
		html(o, "<p class=\"empty\">Der er endnu ingen kontakter med virksomheden.</p>\n</section>\n");
		return 0;
	}
	html(o, "<ol class=\"timeline\">\n");
	for (int i = 0; i < n; i++) {
		const struct outreach_contact *c = &items[i];
		htmlf(o, "<li><p><strong>%s</strong> · %s · %s</p>\n<p>%s</p>\n", dk(r, c->date),
		      contacts_kind_label(c->kind), c->topic, c->user_email);
		if (*c->participants)
			htmlf(o, "<p>Deltagere: %s</p>\n", c->participants);
		if (*c->notes)
			htmlf(o, "<p class=\"description\">%s</p>\n", c->notes);
		if (c->follow_up)
			htmlf(o, "<p>Opfølgning: %s%s</p>\n", dk(r, c->follow_up),
			      c->reminded_at ? " (påmindelse sendt)" : "");
		html(o, "</li>\n");
	}
	html(o, "</ol>\n</section>\n");
	return 0;
}

/* ---------------------------------------------------------------- the list */

static struct form_option *kind_options(struct req *r, bool all)
{
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(contacts_kinds_count + 1));
	int k = 0;
	if (all)
		fo[k++] = (struct form_option){"", "Alle"};
	for (int i = 0; i < contacts_kinds_count; i++)
		fo[k++] = (struct form_option){contacts_kinds[i].key, contacts_kinds[i].label};
	return fo;
}

/* the list query from the URL: kind, from, to, due=1 (follow-up due by today), kommune
 * (administrator); an invalid value is left out */
static void query_from(struct req *r, struct contacts_query *q)
{
	memset(q, 0, sizeof(*q));
	const char *v;
	if ((v = nonblank(r, "kind")) && strcmp(contacts_kind_label(v), v) != 0)
		q->kind = v;
	if ((v = nonblank(r, "from")) && text_date_valid(v))
		q->from = v;
	if ((v = nonblank(r, "to")) && text_date_valid(v))
		q->to = v;
	if ((v = nonblank(r, "due")) && !strcmp(v, "1"))
		q->due = page_today(r);
	if ((v = nonblank(r, "kommune")) && text_is_digits(v, 3))
		q->kommune = v;
}

static void list_csv(struct req *r, const struct outreach_contact *items, int n)
{
	struct csv_out w;
	page_csv_begin(r, &w);
	static const char *const head[] = {"dato", "art", "virksomhed", "emne", "deltagere", "noter",
	                                   "opfoelgning", "registreret_af", "kommune"};
	for (size_t i = 0; i < sizeof(head) / sizeof(head[0]); i++)
		csv_out_field(&w, head[i]);
	csv_out_end(&w);
	for (int i = 0; i < n; i++) {
		const struct outreach_contact *c = &items[i];
		csv_out_field(&w, c->date);
		csv_out_field(&w, contacts_kind_label(c->kind));
		csv_out_field(&w, c->enterprise_name);
		csv_out_field(&w, c->topic);
		csv_out_field(&w, c->participants);
		csv_out_field(&w, c->notes);
		csv_out_field(&w, c->follow_up ? c->follow_up : "");
		csv_out_field(&w, c->user_email);
		csv_out_field(&w, c->kommune);
		csv_out_end(&w);
	}
}

/* the filters as "&k=v" pairs, for pagination and the CSV link */
static const char *filters_of(struct req *r)
{
	static const char *const keep[] = {"kind", "from", "to", "due", "kommune"};
	const char *s = "";
	for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (nonblank(r, keep[i]))
			s = arena_printf(&r->a, "%s&%s=%s", s, keep[i], html_url(&r->a, nonblank(r, keep[i])));
	return s;
}

/* GET /opsoegning/kontakter — the staff of a municipality (its own contacts), the administrator
 * (all, or ?kommune). Filters kind, from, to, due=1; ?format=csv for the whole filtered list;
 * paginated. */
int contacts_page_list(struct req *r)
{
	struct contacts_query q;
	query_from(r, &q);
	bool csv = req_query(r, "format") && !strcmp(req_query(r, "format"), "csv");
	q.limit = csv ? 5000 : page_limit(r, LIST_PAGE, 500);
	q.offset = csv ? 0 : page_offset(r);
	struct outreach_contact *items;
	int n, total;
	int rc = contacts_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	if (csv) {
		list_csv(r, items, n);
		return reply_download(r, "text/csv; charset=utf-8", "kontakter.csv");
	}
	page_begin(r, "Kontakter med virksomheder");
	struct buf *o = &r->out;
	contacts_web_subnav(r, "/opsoegning/kontakter");
	html(o, "<p class=\"lead\">Besøg, opkald, møder og mails med virksomhederne. En kontakt "
	        "registreres på virksomhedens side under Kontakter.</p>\n");
	html(o, "<form method=\"get\" action=\"/opsoegning/kontakter\" class=\"filter\" role=\"search\">\n");
	const char *kind = nonblank(r, "kind");
	form_select(o, &(struct form_field){.name = "kind", .label = "Art", .value = kind ? kind : ""},
	            kind_options(r, true), contacts_kinds_count + 1);
	const char *from = nonblank(r, "from"), *to = nonblank(r, "to");
	form_input(o, &(struct form_field){.name = "from", .label = "Fra", .type = "date",
	                                   .value = from ? from : ""});
	form_input(o, &(struct form_field){.name = "to", .label = "Til", .type = "date",
	                                   .value = to ? to : ""});
	form_checkbox(o, &(struct form_field){.name = "due", .label = "Kun forfaldne opfølgninger",
	                                      .value = q.due ? "1" : ""});
	if (access_national(r->user)) {
		const char *k = nonblank(r, "kommune");
		form_input(o, &(struct form_field){.name = "kommune", .label = "Kommunekode",
		                                   .value = k ? k : "", .hint = "Tre cifre, fx 621."});
	}
	html(o, "<button type=\"submit\">Filtrér</button>\n</form>\n");
	const char *extra = filters_of(r);
	htmlf(o, "<p><a href=\"/opsoegning/kontakter?format=csv%s\">Hent listen som CSV</a></p>\n", extra);
	if (n == 0) {
		htmlf(o, "<p class=\"empty\" role=\"status\">%s</p>\n",
		      total || q.kind || q.from || q.to || q.due ? "Ingen kontakter passer til filtrene."
		                                                 : "Der er endnu ingen kontakter.");
		return page_end(r, 200);
	}
	table_begin(o, "Kontakter", NULL);
	html(o, "<caption class=\"visually-hidden\">Kontakter</caption>\n<thead><tr>"
	        "<th scope=\"col\">Dato</th><th scope=\"col\">Art</th><th scope=\"col\">Virksomhed</th>"
	        "<th scope=\"col\">Emne</th><th scope=\"col\">Opfølgning</th>"
	        "<th scope=\"col\">Registreret af</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct outreach_contact *c = &items[i];
		htmlf(o, "<tr><td>%s</td><td>%s</td><td><a href=\"/virksomheder/%lld#kontakter\">%s</a></td>"
		         "<td>%s</td><td>%s</td><td>%s</td></tr>\n",
		      dk(r, c->date), contacts_kind_label(c->kind), (long long)c->enterprise_id,
		      c->enterprise_name, c->topic, dk(r, c->follow_up), c->user_email);
	}
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, "/opsoegning/kontakter", extra, q.offset, q.limit, total);
	return page_end(r, 200);
}

/* ---------------------------------------------------------------- logging a contact */

/* the form to log a contact with e, with c's values and r->errs */
static int contact_form(struct req *r, int status, const struct enterprise *e,
                        const struct outreach_contact *c)
{
	page_begin(r, arena_printf(&r->a, "Registrér kontakt med %s", e->name));
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	htmlf(o, "<form method=\"post\" action=\"/virksomheder/%lld/kontakter\" novalidate>\n",
	      (long long)e->id);
	form_csrf(o, r->csrf);
	form_input(o, &(struct form_field){.name = "date", .label = "Dato", .type = "date",
	                                   .value = c->date ? c->date : page_today(r), .required = true,
	                                   .error = errs_get(&r->errs, "date")});
	form_select(o, &(struct form_field){.name = "kind", .label = "Art", .required = true,
	                                    .value = c->kind ? c->kind : "besoeg",
	                                    .error = errs_get(&r->errs, "kind")},
	            kind_options(r, false), contacts_kinds_count);
	form_input(o, &(struct form_field){.name = "topic", .label = "Emne", .required = true,
	                                   .maxlength = 300, .value = c->topic ? c->topic : "",
	                                   .error = errs_get(&r->errs, "topic")});
	form_input(o, &(struct form_field){.name = "participants", .label = "Andre deltagere",
	                                   .hint = "Kan udelades. Du står selv som den, der registrerer.",
	                                   .maxlength = 500, .value = c->participants ? c->participants : "",
	                                   .error = errs_get(&r->errs, "participants")});
	form_textarea(o, &(struct form_field){.name = "notes", .label = "Noter",
	                                      .value = c->notes ? c->notes : "",
	                                      .error = errs_get(&r->errs, "notes")}, 6);
	form_input(o, &(struct form_field){.name = "follow_up", .label = "Opfølgning", .type = "date",
	                                   .hint = "Kan udelades. Du får en påmindelse på dagen.",
	                                   .value = c->follow_up ? c->follow_up : "",
	                                   .error = errs_get(&r->errs, "follow_up")});
	htmlf(o, "<button type=\"submit\">Gem kontakt</button> <a href=\"/virksomheder/%lld\">Annuller</a>\n"
	         "</form>\n", (long long)e->id);
	return page_end(r, status);
}

/* GET /virksomheder/{id}/kontakter/ny — the konsulent or jobkonsulent of a municipality the
 * enterprise works with, the administrator: the form. 404, 403. */
int contacts_page_new(struct req *r)
{
	struct enterprise e;
	int rc = registry_get(r->db, &r->a, req_param_int(r, "id"), &e);
	if (rc == 0 && !contacts_may_see_enterprise(r->user, &e, true))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, "Virksomheden findes ikke.");
	struct outreach_contact c = {0};
	return contact_form(r, 200, &e, &c);
}

/* POST /virksomheder/{id}/kontakter — as the form, CSRF. date, kind, topic, participants,
 * notes, follow_up. 303 to the enterprise's timeline; 422 with the form again; 404, 403. */
int contacts_page_create(struct req *r)
{
	struct enterprise e;
	int64_t id = req_param_int(r, "id");
	int rc = registry_get(r->db, &r->a, id, &e);
	if (rc)
		return page_fail(r, rc, "Virksomheden findes ikke.");
	struct outreach_contact c = {.enterprise_id = id, .date = req_form(r, "date"),
	                             .kind = req_form(r, "kind"), .topic = req_form(r, "topic"),
	                             .participants = req_form(r, "participants"),
	                             .notes = req_form(r, "notes"), .follow_up = req_form(r, "follow_up")};
	rc = contacts_create(r->db, &r->a, r->user, &c, page_today(r), &r->errs);
	if (rc == ERR_INVALID)
		return contact_form(r, 422, &e, &c);
	if (rc)
		return page_fail(r, rc, "Virksomheden findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/virksomheder/%lld?kontakt=gemt#kontakter", (long long)id));
}
