/*
 * entry_setup_web.c — the municipality's setup of the one entry point: answer deadline, units and
 * partners, who gets which inquiries.
 * Layer: handlers of the entry capability.
 */
#include "entry_web.h"

#include <stdlib.h>
#include <string.h>

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

/* notify_form: who hears of a new inquiry that its route gives to no person (entry_notify) */
static void notify_form(struct req *r, const char *current)
{
	struct buf *o = &r->out;
	const char *err = errs_get(&r->errs, "notify");
	const char *chosen = err && req_form(r, "notify") ? req_form(r, "notify") : current;
	html(o, "<h2>Besked om nye henvendelser</h2>\n"
	        "<p>Når emnet går til en bestemt person (se nedenfor), får personen en e-mail. Hvem skal "
	        "have besked om de henvendelser, der ikke går til en bestemt person?</p>\n"
	        "<form method=\"post\" action=\"/opsaetning\" class=\"stack narrow\" novalidate>\n");
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"notify\">\n");
	htmlf(o, "<fieldset id=\"f-notify\" class=\"field checks%s\"%s>\n<legend>Besked om henvendelser uden en "
	         "bestemt person</legend>\n", err ? " has-error" : "", err ? " aria-describedby=\"f-notify-error\"" : "");
	if (err)
		htmlf(o, "<p class=\"error\" id=\"f-notify-error\">%s</p>\n", err);
	for (int i = 0; i < entry_notify_options_count; i++) {
		const char *key = entry_notify_options[i].key;
		htmlf(o, "<div class=\"check\"><input type=\"radio\" id=\"f-notify-%s\" name=\"notify\" value=\"%s\"%s> "
		         "<label for=\"f-notify-%s\">%s</label></div>\n",
		      key, key, !strcmp(chosen, key) ? " checked" : "", key, entry_notify_options[i].label);
	}
	html(o, "</fieldset>\n<button type=\"submit\">Gem</button>\n</form>\n");
}

static int setup_page(struct req *r, int status)
{
	const char *k = r->user->kommune;
	if (!k || access_allowed(r->user, ACC_WRITE, k) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct unit_row *units;
	struct routing_row *routes;
	struct user_row *users;
	int nu = 0, nr = 0, nusers = 0;
	int rc = entry_units(r->db, &r->a, k, &units, &nu);
	if (rc == 0)
		rc = entry_routing(r->db, &r->a, k, &routes, &nr);
	if (rc == 0)
		rc = users_case_workers(r->db, &r->a, r->user, k, &users, &nusers);
	if (rc)
		return page_fail(r, rc, NULL);
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

	notify_form(r, entry_notify(r->db, &r->a, k));

	htmlf(o, "<h2>Opbevaring af henvendelser</h2>\n<form method=\"post\" action=\"/opsaetning\" class=\"stack narrow\" novalidate>\n");
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"retention\">\n");
	const char *years = errs_get(er, "retention_years") && req_form(r, "retention_years")
	                        ? req_form(r, "retention_years")
	                        : arena_printf(&r->a, "%d", entry_retention_years(r->db, k));
	form_input(o, &(struct form_field){.name = "retention_years", .label = "År efter, at sagen er afsluttet",
	                                   .type = "number", .value = years,
	                                   .hint = "Derefter slettes afsenderens navn, kontaktoplysninger, besked og "
	                                           "noter hver nat. Sagen tæller stadig med i tallene. Følg kommunens "
	                                           "regler for opbevaring og sletning.",
	                                   .error = errs_get(er, "retention_years")});
	html(o, "<button type=\"submit\">Gem</button>\n</form>\n");

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
	form_input(o, &(struct form_field){.name = "name", .label = "Navn", .value = req_form(r, "name"), .maxlength = 200,
	                                   .hint = "Fx Jobcenter, Erhvervscenter, Indkøb, en bank.",
	                                   .error = errs_get(er, "name")});
	form_input(o, &(struct form_field){.name = "email", .label = "E-mail", .type = "email",
	                                   .value = req_form(r, "email"), .error = errs_get(er, "email")});
	html(o, "<button type=\"submit\">Tilføj</button>\n</form>\n");

	struct form_option *uo = entry_web_unit_options(r, units, nu, "Ingen");
	struct form_option *po = entry_web_worker_options(r, users, nusers, "Koordinatoren (ingen bestemt)");
	int np = nusers + 1;
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

/* POST /opsaetning — konsulent, CSRF. action=days (answer_days) | retention (retention_years) |
 * notify (notify) | unit (kind,
 * name, email) | route (topic, unit_id, assignee_id). */
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
	} else if (!strcmp(action, "retention")) {
		long long y = 0;
		if (text_parse_int(req_form(r, "retention_years"), 1, 10, &y) != 0)
			y = 0;
		rc = entry_retention_set(r->db, &r->a, r->user, k, (int)y, &r->errs);
	} else if (!strcmp(action, "notify")) {
		rc = entry_notify_set(r->db, &r->a, r->user, k, req_form(r, "notify"), &r->errs);
	} else if (!strcmp(action, "unit")) {
		rc = entry_unit_add(r->db, &r->a, r->user, k, req_form(r, "kind"), req_form(r, "name"),
		                    req_form(r, "email"), &r->errs);
	} else if (!strcmp(action, "route")) {
		int64_t unit = entry_web_id_field(r, "unit_id"), person = entry_web_id_field(r, "assignee_id");
		rc = unit < 0 || person < 0 ? (errs_add(&r->errs, "unit_id", "Ugyldigt valg."), ERR_INVALID)
		                            : entry_routing_set(r->db, &r->a, r->user, k, req_form(r, "topic"), unit,
		                                              person, &r->errs);
	} else {
		return reply_page_error(r, 400, "Ukendt handling.");
	}
	if (rc == ERR_INVALID || rc == ERR_CONFLICT)
		return setup_page(r, 422);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, "/opsaetning?ok=1");
}

