/*
 * citizens_web.c — the jobkonsulent's pages about citizens: the list, a new citizen, the
 * profile, editing, finding one by CPR number and revealing the number. Every page that shows
 * a citizen first asks for the purpose (formål) of the read; the CPR number travels only in
 * POST bodies, never in a URL. Layer: handlers of the employment capability.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "citizens.h"
#include "citizens_web.h"
#include "employment.h"
#include "matching.h"
#include "matching_web.h"
#include "placements.h"

#define C_NOT_FOUND "Borgeren findes ikke."

static const char *purpose_label(const char *key)
{
	return registry_label(employment_purposes, employment_purposes_count, key);
}

/* the purpose of this read from the query (formaal), or NULL when none or unknown */
static const char *query_purpose(struct req *r)
{
	const char *p = req_query(r, "formaal");
	return citizens_purpose_valid(p) ? p : NULL;
}

static struct form_option *purpose_options(struct req *r)
{
	struct form_option *o = arena_alloc(&r->a, sizeof(*o) * (size_t)employment_purposes_count);
	for (int i = 0; i < employment_purposes_count; i++)
		o[i] = (struct form_option){employment_purposes[i].key, employment_purposes[i].label};
	return o;
}

/* a GET form asking for the purpose before action shows a citizen */
static void purpose_form(struct req *r, const char *action, const char *button)
{
	struct buf *o = &r->out;
	htmlf(o, "<form method=\"get\" action=\"%s\" class=\"stack\">\n", action);
	form_select(o, &(struct form_field){.name = "formaal", .label = "Formål med opslaget",
	                                    .hint = "Hvert opslag på en borger logges med formålet. Borgeren kan få at vide, hvem der har set oplysningerne og hvorfor.",
	                                    .value = req_query(r, "formaal"), .required = true,
	                                    .error = req_query(r, "formaal") ? "Vælg et af formålene." : NULL},
	            purpose_options(r), employment_purposes_count);
	htmlf(o, "<div class=\"actions\"><button type=\"submit\">%s</button></div>\n</form>\n", button);
}

static void flags_text(struct buf *o, const struct employment_flag *list, int n, int bits)
{
	bool first = true;
	for (int i = 0; i < n; i++)
		if (bits & list[i].bit) {
			htmlf(o, "%s%s", first ? "" : ", ", list[i].label);
			first = false;
		}
	if (first)
		html(o, "–");
}

static void keys_text(struct buf *o, const struct option_kv *opts, int nopts,
                      const char *const *keys, int n)
{
	for (int i = 0; i < n; i++)
		htmlf(o, "%s%s", i ? ", " : "", registry_label(opts, nopts, keys[i]));
	if (n == 0)
		html(o, "–");
}

/* ---------------------------------------------------------------- the list */

/* GET /borgere — the jobkonsulent's municipality's citizens. Without ?formaal a form asks for
 * the purpose (and offers the search by CPR number); with it, a page of names (?navn, ?sort,
 * ?offset), each one an audited read. */
int citizens_page_list(struct req *r)
{
	if (citizens_access(r->user, r->user->kommune) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	const char *purpose = query_purpose(r);
	struct citizen_item *items = NULL;
	int n = 0, total = 0, count = 0;
	int limit = page_limit(r, 50, 200), offset = page_offset(r);
	const char *name = req_query(r, "navn");
	const char *sort = req_query(r, "sort");
	int sortn = sort && !strcmp(sort, "nyeste") ? 1 : sort && !strcmp(sort, "aktiv") ? 2 : 0;
	int rc;
	if (purpose) {
		struct citizens_query q = {.name = name, .sort = sortn, .limit = limit, .offset = offset};
		rc = citizens_list(r->db, &r->a, r->user, &q, purpose, &items, &n, &total);
	} else {
		rc = citizens_count(r->db, r->user->kommune, &count);
	}
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Borgere");
	struct buf *o = &r->out;
	html(o, "<p><a href=\"/borgere/ny\">Opret borger</a></p>\n");
	if (!purpose) {
		htmlf(o, "<p>%s har %d borgere i jobcentrets matchning.</p>\n", r->user->kommune_navn, count);
		purpose_form(r, "/borgere", "Vis borgerne");
		html(o, "<h2>Find en borger ud fra CPR-nummer</h2>\n"
		        "<form method=\"post\" action=\"/borgere/soeg\" class=\"stack\" novalidate>\n");
		form_csrf(o, r->csrf);
		form_input(o, &(struct form_field){.name = "cpr", .label = "CPR-nummer",
		                                   .hint = "10 cifre, med eller uden bindestreg.",
		                                   .autocomplete = "off", .required = true});
		form_select(o, &(struct form_field){.name = "cpr_formaal", .label = "Formål med opslaget",
		                                    .required = true},
		            purpose_options(r), employment_purposes_count);
		html(o, "<div class=\"actions\"><button type=\"submit\">Find borger</button></div>\n</form>\n");
		return page_end(r, 200);
	}
	htmlf(o, "<p>Formål: <strong>%s</strong>. <a href=\"/borgere\">Skift formål</a></p>\n",
	      purpose_label(purpose));
	html(o, "<form method=\"get\" action=\"/borgere\" class=\"filters\">\n");
	htmlf(o, "<input type=\"hidden\" name=\"formaal\" value=\"%s\">\n", purpose);
	form_input(o, &(struct form_field){.name = "navn", .label = "Navn indeholder", .value = name,
	                                   .autocomplete = "off"});
	static const struct form_option sorts[] = {
		{"navn", "Navn"}, {"nyeste", "Senest oprettet"}, {"aktiv", "Senest aktiv"}};
	form_select(o, &(struct form_field){.name = "sort", .label = "Sortering", .value = sort}, sorts, 3);
	html(o, "<div class=\"actions\"><button type=\"submit\">Vis</button></div>\n</form>\n");
	if (n == 0) {
		html(o, "<p>Ingen borgere matcher.</p>\n");
		return page_end(r, 200);
	}
	table_begin(o, "Borgere", NULL);
	html(o, "<caption>Borgere</caption>\n<thead><tr><th scope=\"col\">Navn</th>"
	        "<th scope=\"col\">CPR-nummer</th><th scope=\"col\">Ordninger</th>"
	        "<th scope=\"col\">Igangværende forløb</th><th scope=\"col\">Senest aktiv</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		htmlf(o, "<tr><td><a href=\"/borgere/%lld?formaal=%s\">%s</a></td><td>%s</td><td>",
		      (long long)items[i].id, purpose, *items[i].name ? items[i].name : "(anonymiseret)",
		      *items[i].cpr_masked ? items[i].cpr_masked : "–");
		flags_text(o, employment_schemes, SCHEME_COUNT, items[i].schemes);
		htmlf(o, "</td><td>%d</td><td>%s</td></tr>\n", items[i].placements_open,
		      text_date_dk(&r->a, items[i].active_at));
	}
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, "/borgere",
	                arena_printf(&r->a, "&formaal=%s%s%s&sort=%s", html_url(&r->a, purpose),
	                             name ? "&navn=" : "", name ? html_url(&r->a, name) : "",
	                             html_url(&r->a, sort ? sort : "navn")),
	                offset, limit, total);
	return page_end(r, 200);
}

/* POST /borgere/soeg — cpr and cpr_formaal: the citizen of the municipality with that number. */
int citizens_page_search(struct req *r)
{
	if (citizens_access(r->user, r->user->kommune) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	const char *purpose = req_form(r, "cpr_formaal");
	const char *cpr = req_form(r, "cpr");
	char digits[CPR_DIGITS + 1];
	bool ok = cpr && cpr_normalize(cpr, digits);
	sodium_memzero(digits, sizeof digits);
	if (!citizens_purpose_valid(purpose) || !ok) {
		page_begin(r, "Find en borger");
		struct errs *er = &r->errs;
		if (!ok)
			errs_add(er, "cpr", "Skriv et CPR-nummer med 10 cifre og en gyldig fødselsdato.");
		if (!citizens_purpose_valid(purpose))
			errs_add(er, "cpr_formaal", "Vælg formålet med opslaget.");
		struct buf *o = &r->out;
		form_error_summary(o, er);
		html(o, "<form method=\"post\" action=\"/borgere/soeg\" class=\"stack\" novalidate>\n");
		form_csrf(o, r->csrf);
		form_input(o, &(struct form_field){.name = "cpr", .label = "CPR-nummer",
		                                   .autocomplete = "off", .required = true,
		                                   .error = errs_get(er, "cpr")});
		form_select(o, &(struct form_field){.name = "cpr_formaal", .label = "Formål med opslaget",
		                                    .value = purpose, .required = true,
		                                    .error = errs_get(er, "cpr_formaal")},
		            purpose_options(r), employment_purposes_count);
		html(o, "<div class=\"actions\"><button type=\"submit\">Find borger</button> "
		        "<a href=\"/borgere\">Tilbage</a></div>\n</form>\n");
		return page_end(r, 422);
	}
	struct citizens_query q = {.cpr = cpr, .limit = 1};
	struct citizen_item *items;
	int n, total;
	int rc = citizens_list(r->db, &r->a, r->user, &q, purpose, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	if (n == 1)
		return reply_redirect(r, arena_printf(&r->a, "/borgere/%lld?formaal=%s", (long long)items[0].id,
		                                      html_url(&r->a, purpose)));
	page_begin(r, "Find en borger");
	html(&r->out, "<p>Kommunen har ingen borger med dette CPR-nummer.</p>\n"
	              "<p><a href=\"/borgere\">Tilbage</a> · <a href=\"/borgere/ny\">Opret borger</a></p>\n");
	return page_end(r, 404);
}

/* ---------------------------------------------------------------- the form */

struct citizen_lists {
	struct form_option *tasks, *adaptations;
	struct option_kv *task_kv, *adaptation_kv;
	int ntasks, nadaptations;
};

static int lists_load(struct req *r, struct citizen_lists *l)
{
	int rc = employment_list(r->db, &r->a, false, &l->task_kv, &l->ntasks);
	if (rc == 0)
		rc = employment_list(r->db, &r->a, true, &l->adaptation_kv, &l->nadaptations);
	if (rc)
		return rc;
	l->tasks = arena_alloc(&r->a, sizeof(*l->tasks) * (size_t)(l->ntasks + 1));
	for (int i = 0; i < l->ntasks; i++)
		l->tasks[i] = (struct form_option){l->task_kv[i].key, l->task_kv[i].label};
	l->adaptations = arena_alloc(&r->a, sizeof(*l->adaptations) * (size_t)(l->nadaptations + 1));
	for (int i = 0; i < l->nadaptations; i++)
		l->adaptations[i] = (struct form_option){l->adaptation_kv[i].key, l->adaptation_kv[i].label};
	return 0;
}

/* checkboxes of a fixed list of bits */
static void flag_boxes(struct req *r, const char *name, const char *label,
                       const struct employment_flag *list, int n, int bits)
{
	struct form_option *opts = arena_alloc(&r->a, sizeof(*opts) * (size_t)n);
	const char **checked = arena_alloc(&r->a, sizeof(*checked) * (size_t)n);
	int nchecked = 0;
	for (int i = 0; i < n; i++) {
		opts[i] = (struct form_option){list[i].key, list[i].label};
		if (bits & list[i].bit)
			checked[nchecked++] = list[i].key;
	}
	form_checkboxes(&r->out, &(struct form_field){.name = name, .label = label,
	                                              .error = errs_get(&r->errs, name)},
	                opts, n, checked, nchecked);
}

static int edit_form(struct req *r, int status, const struct citizen *c)
{
	struct citizen_lists l;
	int rc = lists_load(r, &l);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, c->id ? arena_printf(&r->a, "Ret %s", c->name) : "Opret borger");
	struct buf *o = &r->out;
	const struct errs *er = &r->errs;
	form_error_summary(o, er);
	if (c->id)
		htmlf(o, "<form method=\"post\" action=\"/borgere/%lld\" class=\"stack\" novalidate>\n",
		      (long long)c->id);
	else
		html(o, "<form method=\"post\" action=\"/borgere\" class=\"stack\" novalidate>\n");
	form_csrf(o, r->csrf);
	html(o, "<fieldset><legend>Borgeren</legend>\n");
	form_input(o, &(struct form_field){.name = "name", .label = "Navn", .value = c->name,
	                                   .error = errs_get(er, "name"), .required = true,
	                                   .autocomplete = "off"});
	/* the number is never sent back in the page: a failed form asks for it again */
	form_input(o, &(struct form_field){.name = "cpr", .label = "CPR-nummer",
	                                   .hint = c->id ? arena_printf(&r->a, "Gemt: %s. Udfyld kun for at rette nummeret.", c->cpr_masked)
	                                                 : "10 cifre, med eller uden bindestreg. Gemmes krypteret og vises maskeret.",
	                                   .error = errs_get(er, "cpr"), .required = !c->id,
	                                   .autocomplete = "off", .value = ""});
	form_input(o, &(struct form_field){.name = "phone", .label = "Telefon", .type = "tel",
	                                   .value = c->phone, .error = errs_get(er, "phone"), .autocomplete = "off"});
	form_input(o, &(struct form_field){.name = "email", .label = "E-mail", .type = "email",
	                                   .value = c->email, .error = errs_get(er, "email"), .autocomplete = "off"});
	html(o, "</fieldset>\n<fieldset><legend>Profil</legend>\n");
	form_checkboxes(o, &(struct form_field){.name = "tasks", .label = "Kompetencer: opgaver borgeren kan løse",
	                                        .error = errs_get(er, "tasks")},
	                l.tasks, l.ntasks, c->tasks, c->ntasks);
	form_textarea(o, &(struct form_field){.name = "strengths", .label = "Styrker og talenter",
	                                      .value = c->strengths, .error = errs_get(er, "strengths")}, 4);
	form_textarea(o, &(struct form_field){.name = "wishes", .label = "Ønsker",
	                                      .value = c->wishes, .error = errs_get(er, "wishes")}, 3);
	html(o, "</fieldset>\n<fieldset><legend>Rammer</legend>\n");
	flag_boxes(r, "schemes", "Ordninger borgeren er visiteret til", employment_schemes, SCHEME_COUNT, c->schemes);
	form_input(o, &(struct form_field){.name = "hours_max", .label = "Højst timer om ugen", .type = "number",
	                                   .value = arena_printf(&r->a, "%d", c->hours_max),
	                                   .error = errs_get(er, "hours_max"), .required = true});
	flag_boxes(r, "times", "Tidspunkter på dagen", employment_times, TIME_COUNT, c->times);
	form_checkboxes(o, &(struct form_field){.name = "needs", .label = "Hensyn borgeren har brug for",
	                                        .error = errs_get(er, "needs")},
	                l.adaptations, l.nadaptations, c->needs, c->nneeds);
	struct form_option travels[3];
	for (int i = 0; i < employment_travels_count && i < 3; i++)
		travels[i] = (struct form_option){employment_travels[i].key, employment_travels[i].label};
	form_select(o, &(struct form_field){.name = "travel", .label = "Hvor langt kan borgeren rejse",
	                                    .value = c->travel, .error = errs_get(er, "travel")},
	            travels, employment_travels_count);
	html(o, "</fieldset>\n<fieldset><legend>Samtykke</legend>\n");
	form_input(o, &(struct form_field){.name = "consent_date", .label = "Samtykke givet den", .type = "date",
	                                   .hint = "Uden samtykke matches borgeren ikke med stillinger.",
	                                   .value = c->consent_date ? c->consent_date : "",
	                                   .error = errs_get(er, "consent_date")});
	static const struct form_option scopes[] = {
		{"", "Intet samtykke"},
		{"matching", "Jobcentrets matchning med stillinger og pladser"},
		{"enterprise", "Matchning, og virksomheden må se fornavn og forløb"}};
	form_select(o, &(struct form_field){.name = "consent_scope", .label = "Samtykkets omfang",
	                                    .value = c->consent_scope, .error = errs_get(er, "consent_scope")},
	            scopes, 3);
	html(o, "</fieldset>\n<div class=\"actions\"><button type=\"submit\">Gem</button> ");
	if (c->id)
		htmlf(o, "<a href=\"/borgere/%lld?formaal=ajourfoering\">Annuller</a></div>\n</form>\n", (long long)c->id);
	else
		html(o, "<a href=\"/borgere\">Annuller</a></div>\n</form>\n");
	return page_end(r, status);
}

/* the bits of the checked keys of the fixed list */
static int form_flags(struct req *r, const char *name, const struct employment_flag *list, int n)
{
	const char *vals[CITIZEN_MAX_LIST];
	int got = kv_all(r->form, name, vals, CITIZEN_MAX_LIST);
	int bits = 0;
	for (int i = 0; i < got && i < CITIZEN_MAX_LIST; i++) {
		int bit = employment_flag_parse(list, n, vals[i]);
		if (!bit)
			errs_add(&r->errs, name, "Vælg blandt mulighederne.");
		bits |= bit;
	}
	return bits;
}

static int form_keys(struct req *r, const char *name, const char **out)
{
	int n = kv_all(r->form, name, out, CITIZEN_MAX_LIST);
	if (n > CITIZEN_MAX_LIST) {
		errs_add(&r->errs, name, arena_printf(&r->a, "Der kan højst vælges %d.", CITIZEN_MAX_LIST));
		n = CITIZEN_MAX_LIST;
	}
	return n;
}

static void read_form(struct req *r, struct citizen *c)
{
	c->name = req_form(r, "name");
	c->phone = req_form(r, "phone");
	c->email = req_form(r, "email");
	c->strengths = req_form(r, "strengths");
	c->wishes = req_form(r, "wishes");
	c->ntasks = form_keys(r, "tasks", c->tasks);
	c->nneeds = form_keys(r, "needs", c->needs);
	c->schemes = form_flags(r, "schemes", employment_schemes, SCHEME_COUNT);
	c->times = form_flags(r, "times", employment_times, TIME_COUNT);
	long long h = 0;
	const char *hours = req_form(r, "hours_max");
	c->hours_max = hours && text_parse_int(hours, 1, 37, &h) == 0 ? (int)h : 0;
	c->travel = req_form(r, "travel");
	c->consent_date = req_form(r, "consent_date");
	c->consent_scope = req_form(r, "consent_scope");
}

/* GET /borgere/ny — the jobkonsulent. */
int citizens_page_new(struct req *r)
{
	if (citizens_access(r->user, r->user->kommune) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct citizen c = {.hours_max = 37, .times = TIME_ALL, .travel = "kommune", .consent_scope = ""};
	return edit_form(r, 200, &c);
}

static int save_reply(struct req *r, struct citizen *c, const char *cpr, const char *done)
{
	int rc = r->errs.n ? ERR_INVALID : citizens_save(r->db, &r->a, r->user, c, cpr, &r->errs);
	if (rc == ERR_INVALID || rc == ERR_CONFLICT)
		return edit_form(r, rc == ERR_INVALID ? 422 : 409, c);
	if (rc == ERR_UNAVAILABLE && !cpr_keys_loaded()) {
		page_begin(r, "CPR-numre er ikke tilgængelige");
		html(&r->out, "<p>Serveren er startet uden sin nøglefil, så CPR-numre kan hverken gemmes "
		              "eller læses. Kontakt driften.</p>\n");
		return page_end(r, 503);
	}
	if (rc)
		return page_fail(r, rc, C_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/borgere/%lld?formaal=ajourfoering&ok=%s",
	                                      (long long)c->id, done));
}

/* POST /borgere — the jobkonsulent, CSRF: the fields of the form. */
int citizens_page_create(struct req *r)
{
	if (citizens_access(r->user, r->user->kommune) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct citizen c = {0};
	read_form(r, &c);
	return save_reply(r, &c, req_form(r, "cpr"), "oprettet");
}

/* GET /borgere/{id}/rediger — the jobkonsulent of the citizen's municipality. */
int citizens_page_edit(struct req *r)
{
	struct citizen c;
	int rc = citizens_get(r->db, &r->a, r->user, req_param_int(r, "id"), "ajourfoering", false, &c);
	if (rc)
		return page_fail(r, rc, C_NOT_FOUND);
	if (c.anonymized)
		return page_fail(r, ERR_CONFLICT, NULL);
	return edit_form(r, 200, &c);
}

/* POST /borgere/{id} — as above, CSRF. An empty cpr keeps the number. */
int citizens_page_update(struct req *r)
{
	struct citizen c;
	int rc = citizens_get(r->db, &r->a, r->user, req_param_int(r, "id"), "ajourfoering", false, &c);
	if (rc)
		return page_fail(r, rc, C_NOT_FOUND);
	if (c.anonymized)
		return page_fail(r, ERR_CONFLICT, NULL);
	read_form(r, &c);
	const char *cpr = req_form(r, "cpr");
	return save_reply(r, &c, cpr && *cpr ? cpr : NULL, "gemt");
}

/* ---------------------------------------------------------------- the profile */

static void profile(struct req *r, const struct citizen *c, const char *purpose)
{
	struct citizen_lists l;
	struct buf *o = &r->out;
	bool lists = lists_load(r, &l) == 0;
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "oprettet"))
		html(o, "<p class=\"notice\" role=\"status\">Borgeren er oprettet.</p>\n");
	else if (ok && !strcmp(ok, "gemt"))
		html(o, "<p class=\"notice\" role=\"status\">Ændringerne er gemt.</p>\n");
	htmlf(o, "<p>Formål: <strong>%s</strong>. <a href=\"/borgere/%lld\">Skift formål</a></p>\n",
	      purpose_label(purpose), (long long)c->id);
	if (c->anonymized) {
		html(o, "<p>Borgeren er anonymiseret: navn, CPR-nummer og profil er slettet. Forløbene tælles "
		        "stadig med i statistikken.</p>\n");
		return;
	}
	html(o, "<dl class=\"facts\">\n");
	htmlf(o, "<dt>CPR-nummer</dt><dd>%s", *c->cpr_masked ? c->cpr_masked : "–");
	htmlf(o, "<form method=\"post\" action=\"/borgere/%lld/cpr\" class=\"inline\">", (long long)c->id);
	form_csrf(o, r->csrf);
	htmlf(o, "<input type=\"hidden\" name=\"formaal\" value=\"%s\">"
	         "<button type=\"submit\" class=\"link\">Vis hele CPR-nummeret</button></form></dd>\n", purpose);
	htmlf(o, "<dt>Telefon</dt><dd>%s</dd>\n<dt>E-mail</dt><dd>%s</dd>\n",
	      *c->phone ? c->phone : "–", *c->email ? c->email : "–");
	html(o, "<dt>Kompetencer</dt><dd>");
	if (lists)
		keys_text(o, l.task_kv, l.ntasks, c->tasks, c->ntasks);
	htmlf(o, "</dd>\n<dt>Styrker og talenter</dt><dd>%s</dd>\n<dt>Ønsker</dt><dd>%s</dd>\n",
	      *c->strengths ? c->strengths : "–", *c->wishes ? c->wishes : "–");
	html(o, "<dt>Visiteret til</dt><dd>");
	flags_text(o, employment_schemes, SCHEME_COUNT, c->schemes);
	htmlf(o, "</dd>\n<dt>Højst timer om ugen</dt><dd>%d</dd>\n<dt>Tidspunkter</dt><dd>", c->hours_max);
	flags_text(o, employment_times, TIME_COUNT, c->times);
	html(o, "</dd>\n<dt>Hensyn</dt><dd>");
	if (lists)
		keys_text(o, l.adaptation_kv, l.nadaptations, c->needs, c->nneeds);
	htmlf(o, "</dd>\n<dt>Kan rejse</dt><dd>%s</dd>\n",
	      registry_label(employment_travels, employment_travels_count, c->travel));
	if (c->consent_date)
		htmlf(o, "<dt>Samtykke</dt><dd>%s (%s)</dd>\n", text_date_dk(&r->a, c->consent_date),
		      !strcmp(c->consent_scope, "enterprise") ? "matchning, og virksomheden må se fornavn og forløb"
		                                               : "jobcentrets matchning");
	else
		html(o, "<dt>Samtykke</dt><dd>Intet samtykke: borgeren matches ikke med stillinger.</dd>\n");
	html(o, "</dl>\n");
	htmlf(o, "<p><a href=\"/borgere/%lld/rediger\">Ret oplysningerne</a> · "
	         "<a href=\"/forloeb/ny?citizen_id=%lld\">Opret forløb</a></p>\n",
	      (long long)c->id, (long long)c->id);
}

/* the citizen's placements, newest first */
static void placements_section(struct req *r, const char *purpose, const struct placement *p,
                               int n, int total)
{
	struct buf *o = &r->out;
	html(o, "<h2>Forløb og ansættelser</h2>\n");
	if (n == 0) {
		html(o, "<p>Borgeren har ingen forløb endnu.</p>\n");
		return;
	}
	table_begin(o, "Borgerens forløb", NULL);
	html(o, "<caption>Borgerens forløb</caption>\n<thead><tr><th scope=\"col\">Virksomhed</th>"
	        "<th scope=\"col\">Ordning</th><th scope=\"col\">Start</th><th scope=\"col\">Slut</th>"
	        "<th scope=\"col\">Resultat</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		int bit = employment_flag_parse(employment_schemes, SCHEME_COUNT, p[i].scheme);
		htmlf(o, "<tr><td><a href=\"/forloeb/%lld?purpose=%s\">%s</a></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
		      (long long)p[i].id, purpose, p[i].enterprise_name,
		      bit ? employment_flag_label(employment_schemes, SCHEME_COUNT, bit) : p[i].scheme,
		      text_date_dk(&r->a, p[i].start), p[i].end ? text_date_dk(&r->a, p[i].end) : "–",
		      *p[i].outcome ? registry_label(employment_outcomes, employment_outcomes_count, p[i].outcome) : "–");
	}
	html(o, "</tbody>\n");
	table_end(o);
	if (total > n)
		htmlf(o, "<p>Viser de %d nyeste af %d forløb.</p>\n", n, total);
}

/* the openings that fit the citizen, best first, with the reasons of each score */
static void matches_section(struct req *r, const struct citizen *c, const struct match *m, int n,
                            bool no_consent)
{
	struct buf *o = &r->out;
	html(o, "<h2>Stillinger og pladser, der passer</h2>\n");
	if (no_consent) {
		html(o, "<p>Borgeren har ikke givet samtykke, så der matches ikke. Registrér samtykket under "
		        "«Ret oplysningerne».</p>\n");
		return;
	}
	if (n == 0) {
		html(o, "<p>Ingen åbne stillinger opfylder borgerens rammer lige nu: ordning, timer, "
		        "tidspunkt, hensyn og afstand skal alle passe.</p>\n");
		return;
	}
	html(o, "<ol class=\"matches\">\n");
	for (int i = 0; i < n; i++) {
		htmlf(o, "<li><a href=\"/stillinger/%lld\">%s</a>, %s (%s): <strong>%d point</strong>\n",
		      (long long)m[i].opening_id, m[i].title, m[i].enterprise_name,
		      m[i].kommune_navn ? m[i].kommune_navn : m[i].kommune, m[i].score);
		matching_html_reasons(o, m[i].reasons, m[i].nreasons);
		htmlf(o, "<a href=\"/forloeb/ny?citizen_id=%lld&amp;enterprise_id=%lld&amp;opening_id=%lld\">"
		         "Opret forløb<span class=\"visually-hidden\">: %s hos %s</span></a></li>\n",
		      (long long)c->id, (long long)m[i].enterprise_id, (long long)m[i].opening_id,
		      m[i].title, m[i].enterprise_name);
	}
	html(o, "</ol>\n");
}

/* GET /borgere/{id}?formaal=P — the profile, after the purpose is chosen; with the purpose
 * matching also the openings that fit. */
int citizens_page_view(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	const char *purpose = query_purpose(r);
	if (citizens_access(r->user, r->user->kommune) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	if (!purpose) {
		page_begin(r, "Se borger");
		purpose_form(r, arena_printf(&r->a, "/borgere/%lld", (long long)id), "Se borgeren");
		return page_end(r, 200);
	}
	struct citizen c;
	int rc = citizens_get(r->db, &r->a, r->user, id, purpose, false, &c);
	if (rc)
		return page_fail(r, rc, C_NOT_FOUND);
	/* matching shows the openings that fit, read before the page begins */
	struct match *m = NULL;
	int nm = 0, mrc = 0;
	bool matching = !strcmp(purpose, "matching") && !c.anonymized;
	if (matching) {
		mrc = matching_openings(r->db, &r->a, &c, NULL, 10, &m, &nm);
		if (mrc && mrc != ERR_CONFLICT)
			return page_fail(r, mrc, NULL);
	}
	struct placement *pl = NULL;
	int npl = 0, ptotal = 0;
	struct placement_query pq = {.citizen_id = c.id, .limit = 50};
	if ((rc = placements_list(r->db, &r->a, r->user, &pq, purpose, &r->errs, &pl, &npl, &ptotal)) != 0)
		return page_fail(r, rc, NULL);
	page_begin(r, *c.name ? c.name : "Anonymiseret borger");
	profile(r, &c, purpose);
	placements_section(r, purpose, pl, npl, ptotal);
	if (matching)
		matches_section(r, &c, m, nm, mrc == ERR_CONFLICT);
	else if (!c.anonymized)
		htmlf(&r->out, "<p><a href=\"/borgere/%lld?formaal=matching\">Find stillinger, der passer</a> "
		               "(opslaget logges med formålet matchning)</p>\n", (long long)c.id);
	return page_end(r, 200);
}

/* POST /borgere/{id}/cpr — formaal, CSRF: the whole CPR number, once, audited as a reveal. */
int citizens_page_reveal(struct req *r)
{
	const char *purpose = req_form(r, "formaal");
	if (!citizens_purpose_valid(purpose)) {
		errs_add(&r->errs, "formaal", "Vælg formålet med opslaget.");
		return page_fail(r, ERR_INVALID, NULL);
	}
	struct citizen c;
	int rc = citizens_get(r->db, &r->a, r->user, req_param_int(r, "id"), purpose, true, &c);
	if (rc == ERR_UNAVAILABLE && !cpr_keys_loaded()) {
		page_begin(r, "CPR-numre er ikke tilgængelige");
		html(&r->out, "<p>Serveren er startet uden sin nøglefil. Kontakt driften.</p>\n");
		return page_end(r, 503);
	}
	if (rc)
		return page_fail(r, rc, C_NOT_FOUND);
	page_begin(r, c.name);
	htmlf(&r->out, "<p>CPR-nummer: <strong>%.6s-%s</strong></p>\n"
	               "<p class=\"hint\">Visningen er logget med formålet «%s».</p>\n"
	               "<p><a href=\"/borgere/%lld?formaal=%s\">Tilbage til borgeren</a></p>\n",
	      c.cpr, c.cpr + 6, purpose_label(purpose), (long long)c.id, purpose);
	sodium_memzero(c.cpr, sizeof c.cpr);
	reply_header(r, "Cache-Control", "no-store");
	return page_end(r, 200);
}
