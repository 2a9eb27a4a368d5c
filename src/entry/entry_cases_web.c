/*
 * entry_cases_web.c — inquiries and cases in the browser: the dashboard, one case and its handling.
 * Layer: handlers of the entry capability.
 */
#include "entry_web.h"

#include <stdlib.h>
#include <string.h>

#include "../collab/funding_web.h" /* the suggested funding sources block */
#include "../auth/access.h"
#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../http/ratelimit.h"
#include "../view/chart.h"
#include "advisory.h"
#include "entry.h"

static void cases_table(struct req *r, const struct inquiry *rows, int n, const char *caption)
{
	struct buf *o = &r->out;
	table_begin(o, caption, NULL);
	htmlf(o, "<caption>%s</caption>\n<thead><tr><th scope=\"col\">Reference</th>"
	         "<th scope=\"col\">Modtaget</th><th scope=\"col\">Emne</th><th scope=\"col\">Status</th>"
	         "<th scope=\"col\">Arbejdsdage</th><th scope=\"col\">Næste handling</th>"
	         "<th scope=\"col\">Ansvarlig</th></tr></thead>\n<tbody>\n", caption);
	for (int i = 0; i < n; i++) {
		const struct inquiry *q = &rows[i];
		htmlf(o, "<tr%s><td><a href=\"/sager/%lld\">%s</a></td><td>%s</td><td>%s</td><td>%s</td>"
		         "<td>%d%s</td><td>%s %s</td><td>%s</td></tr>\n",
		      q->overdue ? " class=\"overdue\"" : "", (long long)q->id, q->reference,
		      text_date_dk(&r->a, q->received_date), entry_label(entry_topics, entry_topics_count, q->topic),
		      entry_label(entry_statuses, entry_statuses_count, q->status), q->workdays_open,
		      q->overdue ? " (over fristen)" : "",
		      q->next_action_date ? text_date_dk(&r->a, q->next_action_date) : "", q->next_action,
		      q->assignee_email ? q->assignee_email : "–");
	}
	html(o, "</tbody>\n");
	table_end(o);
}

static int cmp_next(const void *x, const void *y)
{
	const struct inquiry *a = x, *b = y;
	if (!a->next_action_date || !b->next_action_date)
		return (a->next_action_date == NULL) - (b->next_action_date == NULL);
	return strcmp(a->next_action_date, b->next_action_date);
}

/* GET /sager — konsulent, admin, or a user with assigned cases. A dashboard of open cases (over
 * the deadline, by next action, by age), or ?status= for a list. */
int entry_page_cases(struct req *r)
{
	const char *status = req_query(r, "status");
	if (status && !*status)
		status = NULL;
	struct inquiry *rows;
	int n, total;
	int limit = page_limit(r, 200, 500), offset = page_offset(r);
	int rc = entry_inquiries(r->db, &r->a, r->user, status ? status : "open", limit, offset, &rows, &n, &total);
	if (rc == ERR_INVALID)
		return reply_page_error(r, 400, "Ukendt status.");
	if (rc)
		return page_fail(r, rc, E_CASE_NOT_FOUND);
	page_begin(r, "Henvendelser og sager");
	struct buf *o = &r->out;
	html(o, "<form method=\"get\" action=\"/sager\" class=\"filter\">\n");
	struct form_option *so = entry_web_options(r, entry_statuses, entry_statuses_count, "Alle åbne");
	form_select(o, &(struct form_field){.name = "status", .label = "Status", .value = status ? status : ""},
	            so, entry_statuses_count + 1);
	html(o, "<button type=\"submit\">Vis</button>\n</form>\n");
	if (n == 0) {
		html(o, "<p class=\"empty\">Ingen sager.</p>\n");
		return page_end(r, 200);
	}
	if (!status) {
		struct inquiry *over = arena_alloc(&r->a, sizeof(*over) * (size_t)n);
		int no = 0;
		for (int i = 0; i < n; i++)
			if (rows[i].overdue)
				over[no++] = rows[i];
		htmlf(o, "<h2>Over svarfristen (%d)</h2>\n", no);
		if (no)
			cases_table(r, over, no, "Sager, der har ventet længere end kommunens svarfrist i arbejdsdage");
		else
			html(o, "<p class=\"empty\">Ingen sager er over fristen.</p>\n");
		struct inquiry *next = arena_alloc(&r->a, sizeof(*next) * (size_t)n);
		memcpy(next, rows, sizeof(*next) * (size_t)n);
		qsort(next, (size_t)n, sizeof(*next), cmp_next);
		html(o, "<h2>Efter næste handling</h2>\n");
		cases_table(r, next, n, "Åbne sager efter datoen for næste handling");
		html(o, "<h2>Efter alder</h2>\n");
	}
	cases_table(r, rows, n, status ? "Sager" : "Åbne sager, nyeste først");
	form_pagination(o, "/sager", status ? arena_printf(&r->a, "&status=%s", status) : "", offset, limit, total);
	return page_end(r, 200);
}

static int case_page(struct req *r, int status, const struct inquiry *q)
{
	/* everything the page shows is read first, so that a failure is an error page, never a
	 * page with parts silently missing */
	struct unit_row *units;
	struct user_row *users;
	struct note_row *notes;
	struct referral_row *refs;
	int nu = 0, nusers = 0, nn = 0, nr = 0;
	int rc = entry_units(r->db, &r->a, q->kommune, &units, &nu);
	if (rc == 0)
		rc = users_case_workers(r->db, &r->a, r->user, q->kommune, &users, &nusers);
	if (rc == 0)
		rc = entry_case_history(r->db, &r->a, q->id, &notes, &nn, &refs, &nr);
	if (rc)
		return page_fail(r, rc, E_CASE_NOT_FOUND);
	page_begin(r, arena_printf(&r->a, "Sag %s", q->reference));
	struct buf *o = &r->out;
	const char *ok = req_query(r, "ok");
	if (ok)
		html(o, "<p class=\"notice\" role=\"status\">Sagen er opdateret.</p>\n");
	form_error_summary(o, &r->errs);
	if (q->purged_at)
		htmlf(o, "<p class=\"notice\" role=\"status\">Afsenderens oplysninger, beskeden og noterne blev "
		         "slettet %s, da kommunens opbevaringsperiode efter sagens afslutning var udløbet. "
		         "Sagen tæller stadig med i tallene.</p>\n",
		      text_date_dk(&r->a, q->purged_at));
	html(o, "<dl class=\"facts\">\n");
	htmlf(o, "<dt>Modtaget</dt><dd>%s (%d arbejdsdage%s)</dd>\n", text_date_dk(&r->a, q->received_date),
	      q->workdays_open, q->overdue ? ", over svarfristen" : "");
	htmlf(o, "<dt>Emne</dt><dd>%s</dd>\n", entry_label(entry_topics, entry_topics_count, q->topic));
	if (!q->purged_at)
		htmlf(o, "<dt>Fra</dt><dd>%s, %s%s%s</dd>\n", q->name, q->email, *q->phone ? ", " : "", q->phone);
	if (*q->organisation)
		htmlf(o, "<dt>Virksomhed eller idé</dt><dd>%s</dd>\n", q->organisation);
	if (q->cvr)
		htmlf(o, "<dt>CVR-nummer</dt><dd>%s</dd>\n", q->cvr);
	if (q->enterprise_id)
		htmlf(o, "<dt>I registret</dt><dd><a href=\"/virksomheder/%lld\">%s</a></dd>\n",
		      (long long)q->enterprise_id, q->enterprise_name ? q->enterprise_name : "");
	htmlf(o, "<dt>Status</dt><dd>%s</dd>\n", entry_label(entry_statuses, entry_statuses_count, q->status));
	if (*q->outcome)
		htmlf(o, "<dt>Resultat</dt><dd>%s</dd>\n", q->outcome);
	html(o, "</dl>\n");
	if (!q->purged_at)
		htmlf(o, "<h2>Beskeden</h2>\n<p class=\"description\">%s</p>\n", q->message);

	const char *action = arena_printf(&r->a, "/sager/%lld", (long long)q->id);
	struct form_option *uo = entry_web_unit_options(r, units, nu, "Ingen");
	struct form_option *po = entry_web_worker_options(r, users, nusers, "Ingen");
	int np = nusers + 1;

	html(o, "<h2>Behandling</h2>\n");
	htmlf(o, "<form method=\"post\" action=\"%s\" class=\"stack narrow\" novalidate>\n", action);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"update\">\n");
	const struct errs *er = &r->errs;
	bool posted = r->form && req_form(r, "action") && !strcmp(req_form(r, "action"), "update");
	form_select(o, &(struct form_field){.name = "status", .label = "Status",
	                                    .value = posted ? req_form(r, "status") : q->status,
	                                    .error = errs_get(er, "status")},
	            entry_web_options(r, entry_statuses, entry_statuses_count, NULL), entry_statuses_count);
	form_textarea(o, &(struct form_field){.name = "outcome", .label = "Resultat",
	                                      .hint = "Hvad kom der ud af sagen? Skal udfyldes for at afslutte den.",
	                                      .value = posted ? req_form(r, "outcome") : q->outcome,
	                                      .maxlength = 2000, .error = errs_get(er, "outcome")}, 3);
	form_select(o, &(struct form_field){.name = "assignee_id", .label = "Ansvarlig",
	                                    .value = posted ? req_form(r, "assignee_id")
	                                           : q->assignee_id ? arena_printf(&r->a, "%lld", (long long)q->assignee_id) : "",
	                                    .error = errs_get(er, "assignee_id")}, po, np);
	form_select(o, &(struct form_field){.name = "unit_id", .label = "Enhed",
	                                    .value = posted ? req_form(r, "unit_id")
	                                           : q->unit_id ? arena_printf(&r->a, "%lld", (long long)q->unit_id) : "",
	                                    .error = errs_get(er, "unit_id")}, uo, nu + 1);
	form_input(o, &(struct form_field){.name = "next_action", .label = "Næste handling",
	                                   .value = posted ? req_form(r, "next_action") : q->next_action,
	                                   .maxlength = 500, .error = errs_get(er, "next_action")});
	form_input(o, &(struct form_field){.name = "next_action_date", .label = "Dato for næste handling",
	                                   .type = "date",
	                                   .value = posted ? req_form(r, "next_action_date") : q->next_action_date,
	                                   .error = errs_get(er, "next_action_date")});
	html(o, "<button type=\"submit\">Gem</button>\n</form>\n");

	html(o, "<h2>Henvisninger</h2>\n");
	if (nr == 0)
		html(o, "<p class=\"empty\">Sagen er ikke henvist.</p>\n");
	for (int i = 0; i < nr; i++) {
		htmlf(o, "<p>%s: henvist til <strong>%s</strong>. %s%s%s</p>\n", text_date_dk(&r->a, refs[i].at),
		      refs[i].unit, refs[i].note, *refs[i].result ? " Resultat: " : "", refs[i].result);
		if (*refs[i].result)
			continue;
		/* what came of the referral, when the unit or partner has answered */
		htmlf(o, "<form method=\"post\" action=\"%s\" class=\"filter\">\n", action);
		form_csrf(o, r->csrf);
		htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"result\">"
		         "<input type=\"hidden\" name=\"referral_id\" value=\"%lld\">\n", (long long)refs[i].id);
		const char *field = arena_printf(&r->a, "result-%lld", (long long)refs[i].id);
		form_input(o, &(struct form_field){.name = field,
		                                   .label = arena_printf(&r->a, "Hvad kom der ud af henvisningen til %s?",
		                                                         refs[i].unit),
		                                   .value = errs_get(er, field) ? req_form(r, field) : NULL,
		                                   .maxlength = 2000, .error = errs_get(er, field)});
		html(o, "<button type=\"submit\">Gem resultat</button>\n</form>\n");
	}
	if (nu) {
		htmlf(o, "<form method=\"post\" action=\"%s\" class=\"stack narrow\" novalidate>\n", action);
		form_csrf(o, r->csrf);
		html(o, "<input type=\"hidden\" name=\"action\" value=\"referral\">\n");
		form_select(o, &(struct form_field){.name = "referral_unit", .label = "Henvis til",
		                                    .error = errs_get(er, "unit_id")}, uo + 1, nu);
		form_input(o, &(struct form_field){.name = "referral_note", .label = "Bemærkning"});
		html(o, "<button type=\"submit\">Henvis</button>\n</form>\n");
	}
	html(o, "<h2>Notater</h2>\n");
	if (nn == 0)
		html(o, "<p class=\"empty\">Ingen notater endnu.</p>\n");
	for (int i = 0; i < nn; i++)
		htmlf(o, "<p><strong>%s %.5s, %s:</strong> %s</p>\n", text_date_dk(&r->a, notes[i].at),
		      strlen(notes[i].at) > 11 ? notes[i].at + 11 : "", notes[i].user ? notes[i].user : "–", notes[i].text);
	htmlf(o, "<form method=\"post\" action=\"%s\" class=\"stack narrow\" novalidate>\n", action);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"note\">\n");
	form_textarea(o, &(struct form_field){.name = "note", .label = "Nyt notat", .maxlength = 5000,
	                                      .error = errs_get(er, "note")}, 3);
	html(o, "<button type=\"submit\">Tilføj notat</button>\n</form>\n");
	if (!q->enterprise_id && !entry_may_register(r->user, q)) {
		html(o, "<h2>Registret</h2>\n<p>Henvendelsen er ikke knyttet til en virksomhed i registret. "
		        "Kommunens socialøkonomiske konsulent kan oprette den.</p>\n");
	} else if (!q->enterprise_id) {
		htmlf(o, "<h2>Registret</h2>\n<form method=\"post\" action=\"%s\" class=\"stack narrow\" "
		         "novalidate>\n", action);
		form_csrf(o, r->csrf);
		html(o, "<input type=\"hidden\" name=\"action\" value=\"registry\">\n"
		        "<p>Opret virksomheden eller iværksætterens idé i registret. Registret er offentligt: "
		        "kun navnet, CVR-nummeret og kommunen kommer med. Kontaktpersonens navn, e-mail, "
		        "telefon og besked bliver i sagen.</p>\n");
		bool named = r->form && req_form(r, "action") && !strcmp(req_form(r, "action"), "registry");
		form_input(o, &(struct form_field){.name = "registry_name", .label = "Navn i registret",
		                                   .required = true, .maxlength = 300,
		                                   .value = named ? req_form(r, "registry_name") : q->organisation,
		                                   .hint = "Virksomhedens eller idéens navn, som det må stå offentligt. "
		                                           "Ikke en persons navn uden samtykke.",
		                                   .error = errs_get(er, "registry_name")});
		html(o, "<button type=\"submit\">Opret i registret</button>\n</form>\n");
	}
	/* funding (collab): the sources suggested on an inquiry of topic funding, with the form to
	 * add and remove them */
	funding_case_block(r, q->id, q->topic);
	return page_end(r, status);
}

/* GET /sager/{id} — as /sager. A read of personal data: audited. */
int entry_page_case(struct req *r)
{
	struct inquiry q;
	int rc = entry_inquiry_get(r->db, &r->a, r->user, req_param_int(r, "id"), &q);
	if (rc)
		return page_fail(r, rc, E_CASE_NOT_FOUND);
	return case_page(r, 200, &q);
}

/* POST /sager/{id} — as /sager, CSRF. action=update (status, outcome, assignee_id, unit_id,
 * next_action, next_action_date) | note (note) | referral (referral_unit, referral_note) |
 * result (referral_id, result-ID) | registry. */
int entry_page_case_post(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	const char *action = req_form(r, "action") ? req_form(r, "action") : "";
	int rc;
	int64_t ent = 0;
	if (!strcmp(action, "update")) {
		struct inquiry_patch p = {
			.status = req_form(r, "status"), .outcome = req_form(r, "outcome"),
			.assignee_id = entry_web_id_field(r, "assignee_id"), .unit_id = entry_web_id_field(r, "unit_id"),
			.next_action = req_form(r, "next_action"),
			.next_action_date = req_form(r, "next_action_date") ? req_form(r, "next_action_date") : "",
		};
		if (p.assignee_id == -2 || p.unit_id == -2)
			return reply_page_error(r, 400, "Ugyldigt valg.");
		rc = entry_inquiry_update(r->db, &r->a, r->user, id, &p, &r->errs);
	} else if (!strcmp(action, "note")) {
		rc = entry_note_add(r->db, &r->a, r->user, id, req_form(r, "note"), &r->errs);
	} else if (!strcmp(action, "referral")) {
		int64_t unit = entry_web_id_field(r, "referral_unit");
		rc = entry_referral_add(r->db, &r->a, r->user, id, unit > 0 ? unit : 0, req_form(r, "referral_note"),
		                        &r->errs);
	} else if (!strcmp(action, "result")) {
		int64_t ref = entry_web_id_field(r, "referral_id");
		const char *result = ref > 0 ? req_form(r, arena_printf(&r->a, "result-%lld", (long long)ref)) : NULL;
		if (ref <= 0 || !result)
			return reply_page_error(r, 400, "Ugyldig henvisning.");
		rc = entry_referral_result(r->db, &r->a, r->user, id, ref, result, &r->errs);
	} else if (!strcmp(action, "registry")) {
		rc = entry_to_registry(r->db, &r->a, r->user, id, req_form(r, "registry_name"), &r->errs, &ent);
	} else {
		return reply_page_error(r, 400, "Ukendt handling.");
	}
	if (rc == ERR_INVALID || rc == ERR_CONFLICT) {
		struct inquiry q;
		int grc = entry_inquiry_get(r->db, &r->a, r->user, id, &q);
		return grc ? page_fail(r, grc, E_CASE_NOT_FOUND) : case_page(r, 422, &q);
	}
	if (rc)
		return page_fail(r, rc, E_CASE_NOT_FOUND);
	if (ent)
		return reply_redirect(r, arena_printf(&r->a, "/virksomheder/%lld?ok=oprettet", (long long)ent));
	return reply_redirect(r, arena_printf(&r->a, "/sager/%lld?ok=1", (long long)id));
}

