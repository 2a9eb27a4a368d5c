/*
 * registry_edit_web.c — creating and editing an enterprise in the browser.
 * Layer: handlers of the registry capability. The rules are registry_save()'s; these pages
 * only read the form, show it again with the errors next to the fields, and redirect.
 */
#include <stdlib.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "../kommune/kommune_web.h"
#include "registry.h"
#include "registry_text_da.h"
#include "registry_web.h"

static struct form_option *to_form_options(struct req *r, const struct option_kv *kv, int n)
{
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(n > 0 ? n : 1));
	for (int i = 0; i < n; i++)
		fo[i] = (struct form_option){kv[i].key, kv[i].label};
	return fo;
}

static const char *date_or_empty(const char *s)
{
	return s ? s : "";
}

/* what the form offers to choose from, read before the page begins so that a failed read
 * answers an error page instead of a form with empty lists */
struct edit_lists {
	struct kommune *ks; /* the municipalities, for the picker of the other municipalities */
	struct form_option *kommuner, *services, *targets;
	int nkommuner, nservices, ntargets;
};

static int edit_lists_load(struct req *r, struct edit_lists *l)
{
	struct option_kv *opts;
	int rc = kommune_list(r->db, &r->a, &l->ks, &l->nkommuner);
	if (rc)
		return rc;
	l->kommuner = arena_alloc(&r->a, sizeof(*l->kommuner) * (size_t)(l->nkommuner + 1));
	for (int i = 0; i < l->nkommuner; i++)
		l->kommuner[i] = (struct form_option){l->ks[i].kode, l->ks[i].navn};
	rc = registry_options(r->db, &r->a, false, &opts, &l->nservices);
	if (rc)
		return rc;
	l->services = to_form_options(r, opts, l->nservices);
	rc = registry_options(r->db, &r->a, true, &opts, &l->ntargets);
	if (rc)
		return rc;
	l->targets = to_form_options(r, opts, l->ntargets);
	return 0;
}

/* the registry's facts: only the municipality's staff set these */
static void form_facts(struct req *r, const struct enterprise *e, const struct edit_lists *l)
{
	struct buf *o = &r->out;
	const struct errs *er = &r->errs;
	form_select(o, &(struct form_field){.name = "kind", .label = R_KIND,
	                                    .value = e->kind ? e->kind : REGISTRY_KIND_SOEV,
	                                    .hint = "En almindelig virksomhed ansætter borgere, tager en "
	                                            "Inhouse-gruppe eller er CSR-partner. Den tæller ikke "
	                                            "med i Tabel 1 og 2.",
	                                    .error = errs_get(er, "kind")},
	            to_form_options(r, registry_kinds, registry_kinds_count), registry_kinds_count);
	form_checkbox(o, &(struct form_field){.name = "entrepreneur",
	                                      .label = "Social iværksætter uden virksomhed endnu (en person og en idé)",
	                                      .value = e->entrepreneur ? "1" : "0"});
	form_input(o, &(struct form_field){.name = "cvr", .label = R_CVR, .value = e->cvr,
	                                   .hint = "8 cifre. Kan udelades, mens virksomheden er en idé eller på vej.",
	                                   .error = errs_get(er, "cvr")});
	if (access_national(r->user)) {
		form_select(o, &(struct form_field){.name = "kommune", .label = "Hjemkommune",
		                                    .value = e->kommune, .error = errs_get(er, "kommune"),
		                                    .required = true}, l->kommuner, l->nkommuner);
	} else {
		htmlf(o, "<p>Hjemkommune: <strong>%s</strong></p>\n", r->user->kommune_navn);
	}
	struct form_option og[16];
	og[0] = (struct form_option){"", "Ikke oplyst"};
	for (int i = 0; i < registry_origins_count; i++)
		og[i + 1] = (struct form_option){registry_origins_one[i].key, registry_origins_one[i].label};
	form_select(o, &(struct form_field){.name = "origin", .label = "Oprindelse",
	                                    .value = e->origin, .error = errs_get(er, "origin")},
	            og, registry_origins_count + 1);
}

static void form_lifecycle(struct req *r, const struct enterprise *e, const struct edit_lists *l)
{
	struct buf *o = &r->out;
	const struct errs *er = &r->errs;
	html(o, "<fieldset><legend>Forløb (status beregnes ud fra datoerne)</legend>\n");
	static const struct { const char *name, *label; } dates[] = {
		{"pipeline_since", "På vej siden"}, {"established", R_ESTABLISHED},
		{"rsv_registered", "RSV-registreret"}, {"closed", "Lukket"}};
	const char *values[] = {e->pipeline_since, e->established, e->rsv_registered, e->closed};
	for (int i = 0; i < 4; i++)
		form_input(o, &(struct form_field){.name = dates[i].name, .label = dates[i].label,
		                                   .type = "date", .value = date_or_empty(values[i]),
		                                   .error = errs_get(er, dates[i].name)});
	html(o, "</fieldset>\n");
	kommune_web_picker(o, &r->a, &(struct form_field){.name = "other_kommuner",
	                                                  .label = "Andre kommuner, der samarbejder med virksomheden",
	                                                  .hint = "Åbn en region, og sæt kryds ved kommunerne.",
	                                                  .error = errs_get(er, "other_kommuner")},
	                   l->ks, l->nkommuner, e->others, e->nothers);
}

/* what the enterprise's own user may keep up to date too */
static void form_profile(struct req *r, const struct enterprise *e, const struct edit_lists *l)
{
	struct buf *o = &r->out;
	const struct errs *er = &r->errs;
	struct form_option lf[16];
	lf[0] = (struct form_option){"", "Ikke oplyst"};
	for (int i = 0; i < registry_legal_forms_count; i++)
		lf[i + 1] = (struct form_option){registry_legal_forms[i].key, registry_legal_forms[i].label};
	form_select(o, &(struct form_field){.name = "legal_form", .label = "Selskabsform",
	                                    .value = e->legal_form, .error = errs_get(er, "legal_form")},
	            lf, registry_legal_forms_count + 1);
	static const struct form_option purposes[] = {
		{"social", "Socialt"}, {"health", "Sundhed"}, {"environment", "Miljø"}};
	const char *pch[3];
	int np = 0;
	if (e->purpose_social)
		pch[np++] = "social";
	if (e->purpose_health)
		pch[np++] = "health";
	if (e->purpose_environment)
		pch[np++] = "environment";
	form_checkboxes(o, &(struct form_field){.name = "purposes", .label = "Formål"}, purposes, 3, pch, np);
	static const struct form_option criteria[] = {
		{"purpose", "Har et socialt, sundheds- eller miljømæssigt formål"},
		{"sells", "Sælger ydelser og/eller produkter"},
		{"reinvests", "Geninvesterer et eventuelt overskud i virksomheden og formålet"},
		{"independent", "Er organisatorisk uafhængig af den offentlige sektor"},
		{"cvr", "Har et CVR-nummer"}};
	const char *cch[5];
	int nc = 0;
	for (int i = 0; i < 5; i++)
		if (e->criteria & (1 << i))
			cch[nc++] = criteria[i].value;
	form_checkboxes(o, &(struct form_field){.name = "criteria",
	                                        .label = "Regeringens fem kriterier for en socialøkonomisk virksomhed"},
	                criteria, 5, cch, nc);
	form_checkboxes(o, &(struct form_field){.name = "services", .label = "Ydelser, virksomheden sælger",
	                                        .error = errs_get(er, "services")},
	                l->services, l->nservices, e->services, e->nservices);
	form_checkboxes(o, &(struct form_field){.name = "target_groups", .label = "Målgrupper",
	                                        .error = errs_get(er, "target_groups")},
	                l->targets, l->ntargets, e->targets, e->ntargets);
	html(o, "<fieldset><legend>Kontakt (offentlig)</legend>\n"
	        "<p class=\"hint\">Alt i registret kan ses af alle: på siden, i API'et og i "
	        "hentede lister. Skriv kun kontaktoplysninger, som virksomheden selv vil offentliggøre: "
	        "kontaktpersonens navn, e-mail og telefon er offentlige. Læs mere i "
	        "<a href=\"/privatliv\">privatlivspolitikken</a>.</p>\n");
	form_input(o, &(struct form_field){.name = "contact_name", .label = "Kontaktperson",
	                                   .value = e->contact_name, .autocomplete = "off"});
	form_input(o, &(struct form_field){.name = "contact_email", .label = "E-mail", .type = "email",
	                                   .value = e->contact_email, .error = errs_get(er, "contact_email")});
	form_input(o, &(struct form_field){.name = "contact_phone", .label = "Telefon", .type = "tel",
	                                   .value = e->contact_phone, .maxlength = 40,
	                                   .error = errs_get(er, "contact_phone")});
	form_input(o, &(struct form_field){.name = "address", .label = "Adresse", .value = e->address});
	form_input(o, &(struct form_field){.name = "website", .label = "Hjemmeside", .type = "url",
	                                   .value = e->website, .error = errs_get(er, "website")});
	html(o, "</fieldset>\n");
	form_textarea(o, &(struct form_field){.name = "description", .label = "Beskrivelse",
	                                      .hint = "Vises offentligt.", .maxlength = 10000,
	                                      .value = e->description, .error = errs_get(er, "description")},
	              6);
}

/* the form, filled from e (what is stored, or what the user sent); own_only: the enterprise's
 * own user, who sees the registry's facts but cannot change them */
static int edit_form(struct req *r, int status, const struct enterprise *e, bool own_only)
{
	struct edit_lists l;
	int rc = edit_lists_load(r, &l);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, e->id ? arena_printf(&r->a, "%s: %s", R_EDIT, e->name) : R_NEW);
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	if (e->id)
		htmlf(o, "<form method=\"post\" action=\"/virksomheder/%lld\" class=\"stack\" novalidate>\n",
		      (long long)e->id);
	else
		html(o, "<form method=\"post\" action=\"/virksomheder\" class=\"stack\" novalidate>\n");
	form_csrf(o, r->csrf);
	html(o, "<fieldset><legend>Virksomheden</legend>\n");
	form_input(o, &(struct form_field){.name = "name", .label = R_NAME, .value = e->name, .maxlength = 300,
	                                   .error = errs_get(&r->errs, "name"), .required = true});
	if (own_only)
		html(o, "<p class=\"hint\">Kommunen vedligeholder virksomhedens type, CVR-nummer, kommune, "
		        "oprindelse og datoer. Kontakt kommunen, hvis de skal rettes.</p>\n");
	else
		form_facts(r, e, &l);
	html(o, "</fieldset>\n");
	if (!own_only)
		form_lifecycle(r, e, &l);
	form_profile(r, e, &l);
	htmlf(o, "<div class=\"actions\"><button type=\"submit\">%s</button> ", R_SAVE);
	if (e->id)
		htmlf(o, "<a href=\"/virksomheder/%lld\">%s</a></div>\n</form>\n", (long long)e->id, R_CANCEL);
	else
		htmlf(o, "<a href=\"/virksomheder\">%s</a></div>\n</form>\n", R_CANCEL);
	return page_end(r, status);
}

/* the values of the repeated field name, at most REGISTRY_MAX_LIST of them; more is a field
 * error on field (the form never offers that many, so it is not silently cut) */
static int form_list(struct req *r, const char *name, const char **out, const char *field)
{
	int n = kv_all(r->form, name, out, REGISTRY_MAX_LIST);
	if (n > REGISTRY_MAX_LIST) {
		errs_add(&r->errs, field, arena_printf(&r->a, "Der kan højst vælges %d.", REGISTRY_MAX_LIST));
		n = REGISTRY_MAX_LIST;
	}
	return n;
}

/* the registry's facts from the form: what only the municipality's staff may set */
static void read_facts(struct req *r, struct enterprise *e)
{
	if (req_form(r, "kind")) /* a form without it keeps the kind (a new one is SØV) */
		e->kind = req_form(r, "kind");
	e->cvr = req_form(r, "cvr");
	e->entrepreneur = req_form(r, "entrepreneur") != NULL;
	if (access_national(r->user))
		e->kommune = req_form(r, "kommune");
	else if (!e->id)
		e->kommune = r->user->kommune;
	e->origin = req_form(r, "origin");
	e->pipeline_since = req_form(r, "pipeline_since");
	e->established = req_form(r, "established");
	e->rsv_registered = req_form(r, "rsv_registered");
	e->closed = req_form(r, "closed");
	e->nothers = form_list(r, "other_kommuner", e->others, "other_kommuner");
}

/* the form's values over e; own_only leaves the facts the form did not show */
static void read_form(struct req *r, struct enterprise *e, bool own_only)
{
	e->name = req_form(r, "name");
	if (!own_only)
		read_facts(r, e);
	e->legal_form = req_form(r, "legal_form");
	const char *vals[REGISTRY_MAX_LIST];
	int n = form_list(r, "purposes", vals, "purposes");
	e->purpose_social = e->purpose_health = e->purpose_environment = false;
	for (int i = 0; i < n; i++) {
		e->purpose_social |= !strcmp(vals[i], "social");
		e->purpose_health |= !strcmp(vals[i], "health");
		e->purpose_environment |= !strcmp(vals[i], "environment");
	}
	static const char *crit[] = {"purpose", "sells", "reinvests", "independent", "cvr"};
	n = form_list(r, "criteria", vals, "criteria");
	e->criteria = 0;
	for (int i = 0; i < n; i++)
		for (int k = 0; k < 5; k++)
			if (!strcmp(vals[i], crit[k]))
				e->criteria |= 1 << k;
	e->nservices = form_list(r, "services", e->services, "services");
	e->ntargets = form_list(r, "target_groups", e->targets, "target_groups");
	e->contact_name = req_form(r, "contact_name");
	e->contact_email = req_form(r, "contact_email");
	e->contact_phone = req_form(r, "contact_phone");
	e->address = req_form(r, "address");
	e->website = req_form(r, "website");
	e->description = req_form(r, "description");
}

/* GET /virksomheder/ny — konsulent or admin. ?kind=company chooses an ordinary company. */
int registry_page_new(struct req *r)
{
	if (access_allowed(r->user, ACC_WRITE, r->user->kommune) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	const char *kind = req_query(r, "kind");
	struct enterprise e = {.kommune = r->user->kommune, .criteria = 0,
	                       .kind = registry_kind_valid(kind) ? kind : REGISTRY_KIND_SOEV};
	return edit_form(r, 200, &e, false);
}

/* POST /virksomheder — konsulent or admin, CSRF. The fields of the form above. */
int registry_page_create(struct req *r)
{
	struct enterprise e = {0};
	read_form(r, &e, false);
	int rc = r->errs.n ? ERR_INVALID : registry_save(r->db, &r->a, r->user, &e, &r->errs);
	if (rc == ERR_INVALID || rc == ERR_CONFLICT)
		return edit_form(r, rc == ERR_INVALID ? 422 : 409, &e, false);
	if (rc)
		return page_fail(r, rc, R_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/virksomheder/%lld?ok=oprettet", (long long)e.id));
}

/* GET /virksomheder/{id}/rediger — staff of the enterprise's municipality, or admin. */
int registry_page_edit(struct req *r)
{
	struct enterprise e;
	int rc = registry_get(r->db, &r->a, req_param_int(r, "id"), &e);
	if (rc)
		return page_fail(r, rc, R_NOT_FOUND);
	bool own_only;
	if (access_enterprise_profile(r->user, e.id, e.kommune, &own_only) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	return edit_form(r, 200, &e, own_only);
}

/* POST /virksomheder/{id} — as above, CSRF. */
int registry_page_update(struct req *r)
{
	struct enterprise e;
	int rc = registry_get(r->db, &r->a, req_param_int(r, "id"), &e);
	if (rc)
		return page_fail(r, rc, R_NOT_FOUND);
	bool own_only;
	if (access_enterprise_profile(r->user, e.id, e.kommune, &own_only) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	read_form(r, &e, own_only);
	rc = r->errs.n ? ERR_INVALID : registry_save(r->db, &r->a, r->user, &e, &r->errs);
	if (rc == ERR_INVALID || rc == ERR_CONFLICT)
		return edit_form(r, rc == ERR_INVALID ? 422 : 409, &e, own_only);
	if (rc)
		return page_fail(r, rc, R_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/virksomheder/%lld?ok=gemt", (long long)e.id));
}
