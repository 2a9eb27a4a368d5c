/*
 * entry_web.c — the one entry point in the browser: the public contact form and its receipt,
 * the cases with their dashboard, one case with its handling, advisory sessions with their
 * monthly figures, the municipality's routing setup, and the outbox.
 * Layer: handlers of the entry capability.
 */
#include "entry_web.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../http/ratelimit.h"
#include "../kommune/kommune.h"
#include "../mail/mail.h"
#include "../view/chart.h"
#include "entry.h"

static const char *today(struct req *r)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return arena_printf(&r->a, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static struct form_option *pairs(struct req *r, const struct option_pair *p, int n, const char *first)
{
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(n + 1));
	int k = 0;
	if (first)
		fo[k++] = (struct form_option){"", first};
	for (int i = 0; i < n; i++)
		fo[k++] = (struct form_option){p[i].key, p[i].label};
	return fo;
}

static int fail(struct req *r, int rc)
{
	if (rc == ERR_NOTFOUND)
		return reply_page_error(r, 404, "Sagen findes ikke, eller du har ikke adgang til den.");
	if (rc == ERR_FORBIDDEN)
		return reply_page_error(r, 403, "Du har ikke adgang til denne side.");
	return reply_page_error(r, 500, "Der skete en fejl. Den er logget.");
}

/* ---------------------------------------------------------------- the public form */

static int contact_form(struct req *r, int status, const char *kommune)
{
	page_begin(r, "Kontakt kommunen");
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Vil du starte en socialøkonomisk virksomhed, udvikle din virksomhed, "
	        "ansætte borgere på kanten af arbejdsmarkedet eller sælge til kommunen? Skriv til os her, "
	        "så sender vi din henvendelse til den rette medarbejder.</p>\n");
	form_error_summary(o, &r->errs);
	html(o, "<form method=\"post\" action=\"/kontakt\" class=\"stack narrow\" novalidate>\n");
	form_csrf(o, r->csrf);
	struct kommune *ks;
	int nk = 0;
	kommune_list(r->db, &r->a, &ks, &nk);
	struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nk + 1));
	ko[0] = (struct form_option){"", "Vælg kommune"};
	for (int i = 0; i < nk; i++)
		ko[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
	const struct errs *er = &r->errs;
	form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune", .required = true,
	                                    .value = req_form(r, "kommune") ? req_form(r, "kommune") : kommune,
	                                    .error = errs_get(er, "kommune")}, ko, nk + 1);
	form_select(o, &(struct form_field){.name = "topic", .label = "Hvad drejer det sig om?", .required = true,
	                                    .value = req_form(r, "topic"), .error = errs_get(er, "topic")},
	            pairs(r, entry_topics, entry_topics_count, "Vælg emne"), entry_topics_count + 1);
	form_input(o, &(struct form_field){.name = "name", .label = "Dit navn", .value = req_form(r, "name"),
	                                   .autocomplete = "name", .required = true, .error = errs_get(er, "name")});
	form_input(o, &(struct form_field){.name = "email", .label = "E-mail", .type = "email",
	                                   .value = req_form(r, "email"), .autocomplete = "email",
	                                   .required = true, .error = errs_get(er, "email")});
	form_input(o, &(struct form_field){.name = "phone", .label = "Telefon", .type = "tel",
	                                   .value = req_form(r, "phone"), .autocomplete = "tel",
	                                   .error = errs_get(er, "phone")});
	form_input(o, &(struct form_field){.name = "organisation", .label = "Virksomhed eller idé",
	                                   .value = req_form(r, "organisation"), .autocomplete = "organization",
	                                   .hint = "Navnet på virksomheden, eller en kort titel på din idé.",
	                                   .error = errs_get(er, "organisation")});
	form_input(o, &(struct form_field){.name = "cvr", .label = "CVR-nummer", .value = req_form(r, "cvr"),
	                                   .hint = "Hvis virksomheden har et.", .error = errs_get(er, "cvr")});
	form_textarea(o, &(struct form_field){.name = "message", .label = "Din besked", .required = true,
	                                      .value = req_form(r, "message"), .error = errs_get(er, "message")}, 6);
	/* a field people do not see and robots fill in */
	html(o, "<div class=\"visually-hidden\" aria-hidden=\"true\"><label for=\"f-homepage\">Lad dette felt "
	        "være tomt</label><input id=\"f-homepage\" name=\"homepage\" type=\"text\" tabindex=\"-1\" "
	        "autocomplete=\"off\"></div>\n");
	html(o, "<button type=\"submit\">Send henvendelsen</button>\n</form>\n");
	return page_end(r, status);
}

/* GET /kontakt and /kontakt/{kode} — public. The contact form, the municipality preselected. */
int entry_page_contact(struct req *r)
{
	return contact_form(r, 200, req_param(r, "kode"));
}

/* POST /kontakt — public, CSRF, at most 10 a minute from one address. */
int entry_page_contact_post(struct req *r)
{
	if (!ratelimit_allow("inquiry", r->remote_ip, ENTRY_RATE_PER_MINUTE, 60)) {
		errs_add(&r->errs, NULL, "Der er sendt for mange henvendelser fra din forbindelse. Vent et minut, og prøv igen.");
		return contact_form(r, 429, NULL);
	}
	const char *pot = req_form(r, "homepage");
	if (pot && *pot) /* a robot: it gets what looks like a receipt, and nothing is stored */
		return reply_redirect(r, "/kontakt/kvittering");
	struct inquiry_input in = {
		.kommune = req_form(r, "kommune"), .name = req_form(r, "name"), .email = req_form(r, "email"),
		.phone = req_form(r, "phone"), .cvr = req_form(r, "cvr"),
		.organisation = req_form(r, "organisation"), .topic = req_form(r, "topic"),
		.message = req_form(r, "message"),
	};
	int64_t id;
	const char *ref;
	int rc = entry_inquiry_create(r->db, &r->a, &in, &r->errs, &id, &ref);
	if (rc == ERR_INVALID)
		return contact_form(r, 422, NULL);
	if (rc)
		return fail(r, rc);
	return reply_redirect(r, arena_printf(&r->a, "/kontakt/kvittering?ref=%s", ref));
}

/* GET /kontakt/kvittering — public. ?ref=IND-... */
int entry_page_receipt(struct req *r)
{
	page_begin(r, "Tak for din henvendelse");
	const char *ref = req_query(r, "ref");
	bool ok = ref && strlen(ref) == 15 && !strncmp(ref, "IND-", 4);
	if (ok)
		htmlf(&r->out, "<p class=\"notice\" role=\"status\">Din henvendelse er modtaget. Dit referencenummer "
		                "er <strong>%s</strong>.</p>\n", ref);
	else
		html(&r->out, "<p class=\"notice\" role=\"status\">Din henvendelse er modtaget.</p>\n");
	html(&r->out, "<p>Du får en kvittering på e-mail, og vi svarer dig hurtigst muligt.</p>\n"
	              "<p><a href=\"/\">Til forsiden</a></p>\n");
	return page_end(r, 200);
}

/* ---------------------------------------------------------------- cases */

static void cases_table(struct req *r, const struct inquiry *rows, int n, const char *caption)
{
	struct buf *o = &r->out;
	htmlf(o, "<table>\n<caption>%s</caption>\n<thead><tr><th scope=\"col\">Reference</th>"
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
	html(o, "</tbody>\n</table>\n");
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
		return fail(r, rc);
	page_begin(r, "Henvendelser og sager");
	struct buf *o = &r->out;
	html(o, "<form method=\"get\" action=\"/sager\" class=\"filter\">\n");
	struct form_option *so = pairs(r, entry_statuses, entry_statuses_count, "Alle åbne");
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
	page_begin(r, arena_printf(&r->a, "Sag %s", q->reference));
	struct buf *o = &r->out;
	const char *ok = req_query(r, "ok");
	if (ok)
		html(o, "<p class=\"notice\" role=\"status\">Sagen er opdateret.</p>\n");
	form_error_summary(o, &r->errs);
	html(o, "<dl class=\"facts\">\n");
	htmlf(o, "<dt>Modtaget</dt><dd>%s (%d arbejdsdage%s)</dd>\n", text_date_dk(&r->a, q->received_date),
	      q->workdays_open, q->overdue ? ", over svarfristen" : "");
	htmlf(o, "<dt>Emne</dt><dd>%s</dd>\n", entry_label(entry_topics, entry_topics_count, q->topic));
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
	htmlf(o, "<h2>Beskeden</h2>\n<p class=\"description\">%s</p>\n", q->message);

	const char *action = arena_printf(&r->a, "/sager/%lld", (long long)q->id);
	struct unit_row *units;
	int nu = 0;
	entry_units(r->db, &r->a, q->kommune, &units, &nu);
	struct form_option *uo = arena_alloc(&r->a, sizeof(*uo) * (size_t)(nu + 1));
	uo[0] = (struct form_option){"", "Ingen"};
	for (int i = 0; i < nu; i++)
		uo[i + 1] = (struct form_option){arena_printf(&r->a, "%lld", (long long)units[i].id), units[i].name};
	struct user_row *users;
	int nusers = 0, utotal;
	users_list(r->db, &r->a, &users_cli, q->kommune, 200, 0, &users, &nusers, &utotal);
	struct form_option *po = arena_alloc(&r->a, sizeof(*po) * (size_t)(nusers + 1));
	int np = 0;
	po[np++] = (struct form_option){"", "Ingen"};
	for (int i = 0; i < nusers; i++)
		if (users[i].active && strcmp(users[i].role, "virksomhed"))
			po[np++] = (struct form_option){arena_printf(&r->a, "%lld", (long long)users[i].id), users[i].email};

	html(o, "<h2>Behandling</h2>\n");
	htmlf(o, "<form method=\"post\" action=\"%s\" class=\"stack narrow\" novalidate>\n", action);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"update\">\n");
	const struct errs *er = &r->errs;
	bool posted = r->form && req_form(r, "action") && !strcmp(req_form(r, "action"), "update");
	form_select(o, &(struct form_field){.name = "status", .label = "Status",
	                                    .value = posted ? req_form(r, "status") : q->status,
	                                    .error = errs_get(er, "status")},
	            pairs(r, entry_statuses, entry_statuses_count, NULL), entry_statuses_count);
	form_textarea(o, &(struct form_field){.name = "outcome", .label = "Resultat",
	                                      .hint = "Hvad kom der ud af sagen? Skal udfyldes for at afslutte den.",
	                                      .value = posted ? req_form(r, "outcome") : q->outcome,
	                                      .error = errs_get(er, "outcome")}, 3);
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
	                                   .error = errs_get(er, "next_action")});
	form_input(o, &(struct form_field){.name = "next_action_date", .label = "Dato for næste handling",
	                                   .type = "date",
	                                   .value = posted ? req_form(r, "next_action_date") : q->next_action_date,
	                                   .error = errs_get(er, "next_action_date")});
	html(o, "<button type=\"submit\">Gem</button>\n</form>\n");

	struct note_row *notes;
	struct referral_row *refs;
	int nn = 0, nr = 0;
	entry_case_history(r->db, &r->a, q->id, &notes, &nn, &refs, &nr);
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
		form_input(o, &(struct form_field){.name = arena_printf(&r->a, "result-%lld", (long long)refs[i].id),
		                                   .label = arena_printf(&r->a, "Hvad kom der ud af henvisningen til %s?",
		                                                         refs[i].unit)});
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
	form_textarea(o, &(struct form_field){.name = "note", .label = "Nyt notat", .error = errs_get(er, "note")}, 3);
	html(o, "<button type=\"submit\">Tilføj notat</button>\n</form>\n");
	if (!q->enterprise_id) {
		htmlf(o, "<h2>Registret</h2>\n<form method=\"post\" action=\"%s\">\n", action);
		form_csrf(o, r->csrf);
		html(o, "<input type=\"hidden\" name=\"action\" value=\"registry\">\n"
		        "<p>Opret virksomheden eller iværksætteren i registret med oplysningerne fra henvendelsen.</p>\n"
		        "<button type=\"submit\">Opret i registret</button>\n</form>\n");
	}
	return page_end(r, status);
}

/* GET /sager/{id} — as /sager. A read of personal data: audited. */
int entry_page_case(struct req *r)
{
	struct inquiry q;
	int rc = entry_inquiry_get(r->db, &r->a, r->user, req_param_int(r, "id"), &q);
	if (rc)
		return fail(r, rc);
	return case_page(r, 200, &q);
}

static int64_t id_field(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	long long id;
	if (!v || !*v)
		return 0;
	return text_parse_int(v, 1, 1LL << 53, &id) == 0 ? id : -2;
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
			.assignee_id = id_field(r, "assignee_id"), .unit_id = id_field(r, "unit_id"),
			.next_action = req_form(r, "next_action"),
			.next_action_date = req_form(r, "next_action_date") ? req_form(r, "next_action_date") : "",
		};
		if (p.assignee_id == -2 || p.unit_id == -2)
			return reply_page_error(r, 400, "Ugyldigt valg.");
		rc = entry_inquiry_update(r->db, &r->a, r->user, id, &p, &r->errs);
	} else if (!strcmp(action, "note")) {
		rc = entry_note_add(r->db, &r->a, r->user, id, req_form(r, "note"), &r->errs);
	} else if (!strcmp(action, "referral")) {
		int64_t unit = id_field(r, "referral_unit");
		rc = entry_referral_add(r->db, &r->a, r->user, id, unit > 0 ? unit : 0, req_form(r, "referral_note"),
		                        &r->errs);
	} else if (!strcmp(action, "result")) {
		int64_t ref = id_field(r, "referral_id");
		const char *result = ref > 0 ? req_form(r, arena_printf(&r->a, "result-%lld", (long long)ref)) : NULL;
		if (ref <= 0 || !result || !*text_trim(&r->a, result))
			return reply_page_error(r, 400, "Skriv, hvad der kom ud af henvisningen.");
		rc = entry_referral_result(r->db, &r->a, r->user, ref, result);
	} else if (!strcmp(action, "registry")) {
		rc = entry_to_registry(r->db, &r->a, r->user, id, &r->errs, &ent);
	} else {
		return reply_page_error(r, 400, "Ukendt handling.");
	}
	if (rc == ERR_INVALID || rc == ERR_CONFLICT) {
		struct inquiry q;
		int grc = entry_inquiry_get(r->db, &r->a, r->user, id, &q);
		return grc ? fail(r, grc) : case_page(r, 422, &q);
	}
	if (rc)
		return fail(r, rc);
	if (ent)
		return reply_redirect(r, arena_printf(&r->a, "/virksomheder/%lld?ok=oprettet", (long long)ent));
	return reply_redirect(r, arena_printf(&r->a, "/sager/%lld?ok=1", (long long)id));
}

/* ---------------------------------------------------------------- advisory sessions */

static int sessions_page(struct req *r, int status)
{
	const char *kommune = r->user->kommune;
	if (!kommune)
		return reply_page_error(r, 403, "Rådgivningssamtaler føres af kommunens medarbejdere.");
	struct advisory_session_row *rows;
	int n, total;
	int limit = page_limit(r, 50, 500), offset = page_offset(r);
	int rc = advisory_sessions(r->db, &r->a, r->user, kommune, limit, offset, &rows, &n, &total);
	if (rc)
		return fail(r, rc);
	page_begin(r, "Rådgivningssamtaler");
	struct buf *o = &r->out;
	if (req_query(r, "ok"))
		html(o, "<p class=\"notice\" role=\"status\">Samtalen er registreret.</p>\n");
	/* the last twelve months, with the report's buckets */
	const char *day = today(r);
	int y = (int)strtol(day, NULL, 10), m = (int)strtol(day + 5, NULL, 10);
	int fy = m == 12 ? y : y - 1, fm = m == 12 ? 1 : m + 1;
	struct advisory_row *stats;
	int ns = 0;
	if (advisory_stats(r->db, &r->a, arena_printf(&r->a, "%04d-%02d", fy, fm),
	                         arena_printf(&r->a, "%04d-%02d", y, m), kommune, &stats, &ns) == 0 && ns == 1) {
		html(o, "<h2>Samtaler pr. måned</h2>\n<table class=\"numbers\">\n<caption class=\"visually-hidden\">"
		        "Samtaler pr. måned de seneste tolv måneder</caption>\n<thead><tr><th scope=\"col\">Måned</th>"
		        "<th scope=\"col\">Samtaler</th><th scope=\"col\">Interval som i rapportens tabel 12</th></tr>"
		        "</thead>\n<tbody>\n");
		const char **cats = arena_alloc(&r->a, sizeof(char *) * (size_t)stats[0].nmonths);
		int *vals = arena_alloc(&r->a, sizeof(int) * (size_t)stats[0].nmonths);
		for (int i = 0; i < stats[0].nmonths; i++) {
			const struct month_count *mc = &stats[0].months[i];
			htmlf(o, "<tr><th scope=\"row\">%s</th><td>%d</td><td>%s</td></tr>\n", mc->month, mc->sessions,
			      advisory_bucket(mc->sessions));
			cats[i] = mc->month;
			vals[i] = mc->sessions;
		}
		html(o, "</tbody>\n</table>\n");
		struct chart_series series = {"Samtaler", vals, "#0b5394"};
		chart_bars(o, "samtaler", "Samtaler pr. måned som søjlediagram", cats, stats[0].nmonths, &series, 1);
	}
	html(o, "<h2>Registrér en samtale</h2>\n");
	form_error_summary(o, &r->errs);
	html(o, "<form method=\"post\" action=\"/raadgivning\" class=\"stack narrow\" novalidate>\n");
	form_csrf(o, r->csrf);
	const struct errs *er = &r->errs;
	form_input(o, &(struct form_field){.name = "date", .label = "Dato", .type = "date", .required = true,
	                                   .value = req_form(r, "date") ? req_form(r, "date") : day,
	                                   .error = errs_get(er, "date")});
	static const struct form_option topics[] = {{"business", "Forretningsudvikling"},
	                                            {"employment", "Beskæftigelse"}};
	form_select(o, &(struct form_field){.name = "topic", .label = "Emne", .required = true,
	                                    .value = req_form(r, "topic"), .error = errs_get(er, "topic")}, topics, 2);
	form_input(o, &(struct form_field){.name = "minutes", .label = "Varighed i minutter", .type = "number",
	                                   .required = true, .value = req_form(r, "minutes") ? req_form(r, "minutes") : "60",
	                                   .error = errs_get(er, "minutes")});
	form_input(o, &(struct form_field){.name = "enterprise_id", .label = "Virksomhed (nummer i registret)",
	                                   .type = "number", .value = req_form(r, "enterprise_id"),
	                                   .hint = "Eller skriv iværksætterens navn nedenfor.",
	                                   .error = errs_get(er, "enterprise_id")});
	form_input(o, &(struct form_field){.name = "entrepreneur", .label = "Iværksætter",
	                                   .value = req_form(r, "entrepreneur"), .error = errs_get(er, "entrepreneur")});
	form_textarea(o, &(struct form_field){.name = "follow_up", .label = "Opfølgning",
	                                      .value = req_form(r, "follow_up"), .error = errs_get(er, "follow_up")}, 3);
	html(o, "<button type=\"submit\">Registrér</button>\n</form>\n");
	html(o, "<h2>Seneste samtaler</h2>\n");
	if (n == 0) {
		html(o, "<p class=\"empty\">Ingen samtaler registreret endnu.</p>\n");
		return page_end(r, status);
	}
	html(o, "<table>\n<thead><tr><th scope=\"col\">Dato</th><th scope=\"col\">Emne</th><th scope=\"col\">Med</th>"
	        "<th scope=\"col\">Minutter</th><th scope=\"col\">Konsulent</th><th scope=\"col\">Opfølgning</th>"
	        "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td></tr>\n",
		      text_date_dk(&r->a, rows[i].date),
		      !strcmp(rows[i].topic, "business") ? "Forretningsudvikling" : "Beskæftigelse", rows[i].who,
		      rows[i].minutes, rows[i].consultant ? rows[i].consultant : "–", rows[i].follow_up);
	html(o, "</tbody>\n</table>\n");
	form_pagination(o, "/raadgivning", "", offset, limit, total);
	return page_end(r, status);
}

/* GET /raadgivning — konsulent. The municipality's advisory sessions and monthly figures. */
int entry_page_advisory(struct req *r)
{
	return sessions_page(r, 200);
}

/* POST /raadgivning — konsulent, CSRF. date, topic, minutes, enterprise_id or entrepreneur,
 * follow_up. */
int entry_page_advisory_post(struct req *r)
{
	long long minutes = 0;
	if (text_parse_int(req_form(r, "minutes"), 1, 1440, &minutes) != 0)
		errs_add(&r->errs, "minutes", "Varigheden skal være 1 til 1440 minutter.");
	int64_t ent = id_field(r, "enterprise_id");
	if (ent == -2)
		errs_add(&r->errs, "enterprise_id", "Skriv virksomhedens nummer i registret (et tal).");
	struct advisory_session_input in = {
		.kommune = r->user->kommune, .date = req_form(r, "date"), .topic = req_form(r, "topic"),
		.minutes = (int)minutes, .enterprise_id = ent > 0 ? ent : 0,
		.entrepreneur = req_form(r, "entrepreneur"), .follow_up = req_form(r, "follow_up"),
	};
	int64_t id;
	int rc = r->errs.n ? ERR_INVALID : advisory_session_add(r->db, &r->a, r->user, &in, &r->errs, &id);
	if (rc == ERR_INVALID)
		return sessions_page(r, 422);
	if (rc)
		return fail(r, rc);
	return reply_redirect(r, "/raadgivning?ok=1");
}

/* ---------------------------------------------------------------- setup */

static int setup_page(struct req *r, int status)
{
	const char *k = r->user->kommune;
	if (!k || access_allowed(r->user, ACC_WRITE, k) != 0)
		return fail(r, ERR_FORBIDDEN);
	page_begin(r, "Opsætning af én indgang");
	struct buf *o = &r->out;
	if (req_query(r, "ok"))
		html(o, "<p class=\"notice\" role=\"status\">Opsætningen er gemt.</p>\n");
	form_error_summary(o, &r->errs);
	const struct errs *er = &r->errs;
	htmlf(o, "<h2>Svarfrist</h2>\n<form method=\"post\" action=\"/opsaetning\" class=\"stack narrow\" novalidate>\n");
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"days\">\n");
	form_input(o, &(struct form_field){.name = "answer_days", .label = "Svarfrist i arbejdsdage", .type = "number",
	                                   .value = arena_printf(&r->a, "%d", entry_answer_days(r->db, k)),
	                                   .hint = "Helligdage, grundlovsdag, juleaften og nytårsaften tæller ikke med.",
	                                   .error = errs_get(er, "answer_days")});
	html(o, "<button type=\"submit\">Gem</button>\n</form>\n");

	struct unit_row *units;
	int nu = 0;
	entry_units(r->db, &r->a, k, &units, &nu);
	html(o, "<h2>Enheder og samarbejdspartnere</h2>\n");
	if (nu == 0)
		html(o, "<p class=\"empty\">Ingen endnu.</p>\n");
	else {
		html(o, "<ul>\n");
		for (int i = 0; i < nu; i++)
			htmlf(o, "<li>%s (%s)%s%s</li>\n", units[i].name,
			      !strcmp(units[i].kind, "unit") ? "enhed" : "samarbejdspartner", *units[i].email ? ", " : "",
			      units[i].email);
		html(o, "</ul>\n");
	}
	html(o, "<form method=\"post\" action=\"/opsaetning\" class=\"stack narrow\" novalidate>\n");
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"unit\">\n");
	static const struct form_option kinds[] = {{"unit", "Enhed i kommunen"}, {"partner", "Samarbejdspartner"}};
	form_select(o, &(struct form_field){.name = "kind", .label = "Type", .value = req_form(r, "kind"),
	                                    .error = errs_get(er, "kind")}, kinds, 2);
	form_input(o, &(struct form_field){.name = "name", .label = "Navn", .value = req_form(r, "name"),
	                                   .hint = "Fx Jobcenter, Erhvervscenter, Indkøb, en bank.",
	                                   .error = errs_get(er, "name")});
	form_input(o, &(struct form_field){.name = "email", .label = "E-mail", .type = "email",
	                                   .value = req_form(r, "email"), .error = errs_get(er, "email")});
	html(o, "<button type=\"submit\">Tilføj</button>\n</form>\n");

	struct routing_row *routes;
	int nr = 0;
	entry_routing(r->db, &r->a, k, &routes, &nr);
	struct user_row *users;
	int nusers = 0, total;
	users_list(r->db, &r->a, &users_cli, k, 200, 0, &users, &nusers, &total);
	struct form_option *uo = arena_alloc(&r->a, sizeof(*uo) * (size_t)(nu + 1));
	uo[0] = (struct form_option){"", "Ingen"};
	for (int i = 0; i < nu; i++)
		uo[i + 1] = (struct form_option){arena_printf(&r->a, "%lld", (long long)units[i].id), units[i].name};
	struct form_option *po = arena_alloc(&r->a, sizeof(*po) * (size_t)(nusers + 1));
	int np = 0;
	po[np++] = (struct form_option){"", "Koordinatoren (ingen bestemt)"};
	for (int i = 0; i < nusers; i++)
		if (users[i].active && strcmp(users[i].role, "virksomhed"))
			po[np++] = (struct form_option){arena_printf(&r->a, "%lld", (long long)users[i].id), users[i].email};
	html(o, "<h2>Hvem får hvilke henvendelser</h2>\n");
	for (int t = 0; t < entry_topics_count; t++) {
		const struct routing_row *cur = NULL;
		for (int i = 0; i < nr; i++)
			if (!strcmp(routes[i].topic, entry_topics[t].key))
				cur = &routes[i];
		htmlf(o, "<form method=\"post\" action=\"/opsaetning\" class=\"filter\">\n<h3>%s</h3>\n", entry_topics[t].label);
		form_csrf(o, r->csrf);
		htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"route\"><input type=\"hidden\" name=\"topic\" "
		         "value=\"%s\">\n", entry_topics[t].key);
		htmlf(o, "<div class=\"field\"><label for=\"f-unit-%s\">Enhed</label><select id=\"f-unit-%s\" name=\"unit_id\">",
		      entry_topics[t].key, entry_topics[t].key);
		for (int i = 0; i <= nu; i++)
			htmlf(o, "<option value=\"%s\"%s>%s</option>", uo[i].value,
			      cur && cur->unit_id && i && cur->unit_id == units[i - 1].id ? " selected" : "", uo[i].label);
		htmlf(o, "</select></div>\n<div class=\"field\"><label for=\"f-person-%s\">Person</label>"
		         "<select id=\"f-person-%s\" name=\"assignee_id\">", entry_topics[t].key, entry_topics[t].key);
		for (int i = 0; i < np; i++)
			htmlf(o, "<option value=\"%s\"%s>%s</option>", po[i].value,
			      cur && cur->assignee_id && *po[i].value && cur->assignee_id == strtoll(po[i].value, NULL, 10) ? " selected" : "",
			      po[i].label);
		html(o, "</select></div>\n<button type=\"submit\">Gem</button>\n</form>\n");
	}
	return page_end(r, status);
}

/* GET /opsaetning — konsulent. */
int entry_page_setup(struct req *r)
{
	return setup_page(r, 200);
}

/* POST /opsaetning — konsulent, CSRF. action=days (answer_days) | unit (kind, name, email) |
 * route (topic, unit_id, assignee_id). */
int entry_page_setup_post(struct req *r)
{
	const char *k = r->user->kommune;
	const char *action = req_form(r, "action") ? req_form(r, "action") : "";
	int rc;
	if (!strcmp(action, "days")) {
		long long d = 0;
		if (text_parse_int(req_form(r, "answer_days"), 1, 60, &d) != 0)
			d = 0;
		rc = entry_answer_days_set(r->db, &r->a, r->user, k, (int)d, &r->errs);
	} else if (!strcmp(action, "unit")) {
		rc = entry_unit_add(r->db, &r->a, r->user, k, req_form(r, "kind"), req_form(r, "name"),
		                    req_form(r, "email"), &r->errs);
	} else if (!strcmp(action, "route")) {
		int64_t unit = id_field(r, "unit_id"), person = id_field(r, "assignee_id");
		rc = unit < 0 || person < 0 ? (errs_add(&r->errs, "unit_id", "Ugyldigt valg."), ERR_INVALID)
		                            : entry_routing_set(r->db, &r->a, r->user, k, req_form(r, "topic"), unit,
		                                              person, &r->errs);
	} else {
		return reply_page_error(r, 400, "Ukendt handling.");
	}
	if (rc == ERR_INVALID || rc == ERR_CONFLICT)
		return setup_page(r, 422);
	if (rc)
		return fail(r, rc);
	return reply_redirect(r, "/opsaetning?ok=1");
}

/* ---------------------------------------------------------------- outbox */

/* GET /admin/udbakke — admin. Every outgoing message, newest first; ?ventende=1 for those not
 * yet delivered. */
int entry_page_outbox(struct req *r)
{
	if (access_allowed(r->user, ACC_NATIONAL, NULL) != 0)
		return fail(r, ERR_FORBIDDEN);
	bool pending = req_query(r, "ventende") != NULL;
	struct outbox_row *rows;
	int n, total;
	int limit = page_limit(r, 100, 500), offset = page_offset(r);
	if (mail_outbox(r->db, &r->a, pending, limit, offset, &rows, &n, &total) != 0)
		return fail(r, ERR_DB);
	page_begin(r, "Udbakke");
	struct buf *o = &r->out;
	htmlf(o, "<p>%d beskeder%s. <a href=\"/admin/udbakke%s\">%s</a></p>\n", total, pending ? " venter" : "",
	      pending ? "" : "?ventende=1", pending ? "Vis alle" : "Vis kun dem, der venter");
	if (n == 0) {
		html(o, "<p class=\"empty\">Ingen beskeder.</p>\n");
		return page_end(r, 200);
	}
	html(o, "<table>\n<thead><tr><th scope=\"col\">Oprettet</th><th scope=\"col\">Til</th><th scope=\"col\">Emne</th>"
	        "<th scope=\"col\">Status</th><th scope=\"col\">Forsøg</th><th scope=\"col\">Seneste fejl</th>"
	        "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td></tr>\n",
		      text_date_dk(&r->a, rows[i].created_at), rows[i].to, rows[i].subject,
		      rows[i].sent_at ? "Sendt" : "Venter", rows[i].attempts, rows[i].last_error);
	html(o, "</tbody>\n</table>\n");
	form_pagination(o, "/admin/udbakke", pending ? "&ventende=1" : "", offset, limit, total);
	return page_end(r, 200);
}
