/*
 * contracts_web.c — the pages of contracts and leases: the list, a new contract with its social
 * commitments, and one contract with the follow-up of each measurable commitment against the
 * placements at the enterprise today. Layer: handlers of the procurement capability.
 */
#include <string.h>

#include "../auth/access.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../employment/employment.h"
#include "../employment/placements.h"
#include "../http/page.h"
#include "contracts.h"
#include "contracts_web.h"
#include "purchases_web.h"

#define LIST_PAGE 50
#define FORM_COMMITMENTS 3 /* rows of commitments the form offers */

static const struct form_option kind_options[] = {
	{"kontrakt", "Kontrakt"}, {"lejeaftale", "Lejeaftale"}, {"forpagtning", "Forpagtning"},
};

/* GET /indkoeb/kontrakter — the municipality's purchasing (all for the administrator). */
int contracts_page_list(struct req *r)
{
	int limit = page_limit(r, LIST_PAGE, 500), offset = page_offset(r);
	struct contract *items;
	int n, total;
	int rc = contracts_list(r->db, &r->a, r->user, NULL, limit, offset, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Kontrakter og forpagtninger");
	struct buf *o = &r->out;
	purchases_web_nav(r, "/indkoeb/kontrakter");
	html(o, "<p class=\"lead\">Kontrakter, lejeaftaler og forpagtninger med socialøkonomiske "
	        "virksomheder — fx en kantine eller en café — med de sociale forpligtelser, der følges op "
	        "på.</p>\n");
	if (contracts_may_write(r->user))
		html(o, "<p><a href=\"/indkoeb/kontrakter/ny\">Ny kontrakt</a></p>\n");
	if (n == 0) {
		html(o, "<p class=\"empty\">Der er ingen kontrakter endnu.</p>\n");
		return page_end(r, 200);
	}
	table_begin(o, "Kontrakter", NULL);
	html(o, "<caption class=\"visually-hidden\">Kontrakter</caption>\n<thead><tr>"
	        "<th scope=\"col\">Kontrakt</th><th scope=\"col\">Art</th><th scope=\"col\">Virksomhed</th>"
	        "<th scope=\"col\">Kommune</th><th scope=\"col\">Periode</th><th scope=\"col\">Værdi</th>"
	        "</tr></thead>\n<tbody>\n");
	char value[MONEY_TEXT];
	for (int i = 0; i < n; i++) {
		const struct contract *c = &items[i];
		htmlf(o, "<tr><td><a href=\"/indkoeb/kontrakter/%lld\">%s</a></td><td>%s</td><td>%s</td>"
		         "<td>%s</td><td>%s–%s</td><td>%s%s</td></tr>\n",
		      (long long)c->id, c->title, contracts_kind_label(c->kind), c->enterprise_name,
		      c->kommune_navn, text_date_dk(&r->a, c->start), c->end ? text_date_dk(&r->a, c->end) : "",
		      c->has_value ? money_da_plain(value, c->value_ore) : "", c->has_value ? "\u00a0kr." : "");
	}
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, "/indkoeb/kontrakter", "", offset, limit, total);
	return page_end(r, 200);
}

/* what the user typed, kept on errors */
struct typed {
	const char *kommune, *enterprise_id, *value, *agreement_id;
	const char *targets[FORM_COMMITMENTS];
};

static int edit_form(struct req *r, int status, const struct contract *c, const struct typed *t)
{
	struct form_option *ents = NULL, *ks = NULL;
	int ne = 0, nk = 0;
	int rc = c->id ? 0 : purchases_web_enterprises(r, &ents, &ne);
	if (rc == 0 && !c->id && access_national(r->user))
		rc = purchases_web_kommuner(r, &ks, &nk);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, c->id ? arena_printf(&r->a, "Ret kontrakten: %s", c->title) : "Ny kontrakt");
	struct buf *o = &r->out;
	const struct errs *er = &r->errs;
	form_error_summary(o, er);
	if (c->id)
		htmlf(o, "<form method=\"post\" action=\"/indkoeb/kontrakter/%lld\" class=\"stack\" novalidate>\n",
		      (long long)c->id);
	else
		html(o, "<form method=\"post\" action=\"/indkoeb/kontrakter\" class=\"stack\" novalidate>\n");
	form_csrf(o, r->csrf);
	if (ks)
		form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune", .value = t->kommune,
		                                    .required = true, .error = errs_get(er, "kommune")}, ks, nk);
	if (ents)
		form_select(o, &(struct form_field){.name = "enterprise_id", .label = "Virksomhed",
		                                    .value = t->enterprise_id, .required = true,
		                                    .error = errs_get(er, "enterprise_id")}, ents, ne);
	else
		htmlf(o, "<p>Virksomhed: <strong>%s</strong></p>\n", c->enterprise_name ? c->enterprise_name : "");
	form_select(o, &(struct form_field){.name = "kind", .label = "Art", .value = c->kind,
	                                    .error = errs_get(er, "kind")}, kind_options, 3);
	form_input(o, &(struct form_field){.name = "title", .label = "Titel", .value = c->title,
	                                   .required = true, .maxlength = 200, .error = errs_get(er, "title"),
	                                   .hint = "Fx Forpagtning af kantinen på Handelsskolen"});
	html(o, "<fieldset><legend>Periode</legend>\n");
	form_input(o, &(struct form_field){.name = "start", .label = "Start", .type = "date",
	                                   .value = c->start, .required = true, .error = errs_get(er, "start")});
	form_input(o, &(struct form_field){.name = "end", .label = "Slut", .type = "date", .value = c->end,
	                                   .hint = "Tom, hvis kontrakten løber, til den opsiges.",
	                                   .error = errs_get(er, "end")});
	html(o, "</fieldset>\n");
	form_input(o, &(struct form_field){.name = "value", .label = "Værdi i kroner", .value = t->value,
	                                   .autocomplete = "off", .error = errs_get(er, "value")});
	form_input(o, &(struct form_field){.name = "agreement_id", .label = "Nummer på indkøbsaftale",
	                                   .value = t->agreement_id, .autocomplete = "off",
	                                   .hint = "Valgfrit: aftalen, kontrakten hører under.",
	                                   .error = errs_get(er, "agreement_id")});
	form_textarea(o, &(struct form_field){.name = "note", .label = "Note", .value = c->note,
	                                      .error = errs_get(er, "note")}, 3);
	html(o, "<fieldset id=\"f-commitments\"><legend>Sociale forpligtelser</legend>\n"
	        "<p class=\"hint\">Skriv forpligtelsen med ord. Er den målbar, så vælg ordningen og antallet "
	        "af personer: så følges den op mod forløbene på virksomheden.</p>\n");
	const char *err = errs_get(er, "commitments");
	if (err)
		htmlf(o, "<p class=\"error\">%s</p>\n", err);
	struct form_option so[SCHEME_COUNT + 1];
	so[0] = (struct form_option){"", "Ikke målbar"};
	for (int k = 0; k < SCHEME_COUNT; k++)
		so[k + 1] = (struct form_option){employment_schemes[k].key, employment_schemes[k].label};
	for (int i = 0; i < FORM_COMMITMENTS; i++) {
		const struct commitment *m = i < c->ncommitments ? &c->commitments[i] : NULL;
		htmlf(o, "<fieldset><legend>Forpligtelse %d</legend>\n", i + 1);
		form_input(o, &(struct form_field){.name = arena_printf(&r->a, "c%d_text", i), .label = "Tekst",
		                                   .value = m ? m->text : ""});
		form_select(o, &(struct form_field){.name = arena_printf(&r->a, "c%d_scheme", i),
		                                    .label = "Ordning", .value = m && m->scheme ? m->scheme : ""},
		            so, SCHEME_COUNT + 1);
		form_input(o, &(struct form_field){.name = arena_printf(&r->a, "c%d_target", i),
		                                   .label = "Antal personer", .type = "number",
		                                   .value = t->targets[i] ? t->targets[i] : ""});
		html(o, "</fieldset>\n");
	}
	html(o, "</fieldset>\n<div class=\"actions\"><button type=\"submit\">Gem kontrakten</button> ");
	if (c->id)
		htmlf(o, "<a href=\"/indkoeb/kontrakter/%lld\">Fortryd</a></div>\n</form>\n", (long long)c->id);
	else
		html(o, "<a href=\"/indkoeb/kontrakter\">Fortryd</a></div>\n</form>\n");
	return page_end(r, status);
}

/* GET /indkoeb/kontrakter/ny — who may write some municipality's purchasing. */
int contracts_page_new(struct req *r)
{
	if (!contracts_may_write(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct contract c = {.kind = "kontrakt", .start = page_today(r)};
	struct typed t = {.enterprise_id = req_query(r, "enterprise")};
	return edit_form(r, 200, &c, &t);
}

/* the form's fields over c (the municipality and enterprise only for a new contract) */
static void read_form(struct req *r, struct contract *c, struct typed *t)
{
	t->value = req_form(r, "value");
	t->agreement_id = req_form(r, "agreement_id");
	if (!c->id) {
		t->kommune = req_form(r, "kommune");
		t->enterprise_id = req_form(r, "enterprise_id");
		c->kommune = t->kommune;
		c->enterprise_id = purchases_web_id(t->enterprise_id);
	}
	c->kind = req_form(r, "kind");
	c->title = req_form(r, "title");
	c->start = req_form(r, "start");
	c->end = req_form(r, "end");
	c->note = req_form(r, "note");
	const char *ag = t->agreement_id ? text_trim(&r->a, t->agreement_id) : "";
	c->agreement_id = *ag ? (purchases_web_id(ag) ? purchases_web_id(ag) : -1) : 0;
	c->ncommitments = 0;
	struct commitment *m = arena_alloc(&r->a, sizeof(*m) * FORM_COMMITMENTS);
	for (int i = 0; i < FORM_COMMITMENTS; i++) {
		const char *text = req_form(r, arena_printf(&r->a, "c%d_text", i));
		const char *scheme = req_form(r, arena_printf(&r->a, "c%d_scheme", i));
		t->targets[i] = req_form(r, arena_printf(&r->a, "c%d_target", i));
		const char *tt = t->targets[i] ? text_trim(&r->a, t->targets[i]) : "";
		long long target = 0;
		if (*tt && text_parse_int(tt, 1, 10000, &target) != 0)
			target = -1;
		text = text ? text_trim(&r->a, text) : "";
		if (!*text && (!scheme || !*scheme) && !*tt)
			continue;
		m[c->ncommitments++] = (struct commitment){.text = text, .scheme = scheme, .target = (int)target};
	}
	c->commitments = m;
}

/* the stored values as the form shows them */
static struct typed typed_of(struct req *r, const struct contract *c)
{
	char value[MONEY_TEXT];
	struct typed t = {.value = c->has_value ? arena_strdup(&r->a, money_da_plain(value, c->value_ore)) : "",
	                  .agreement_id = c->agreement_id ? arena_printf(&r->a, "%lld", (long long)c->agreement_id) : ""};
	for (int i = 0; i < c->ncommitments && i < FORM_COMMITMENTS; i++)
		t.targets[i] = c->commitments[i].target ? arena_printf(&r->a, "%d", c->commitments[i].target) : "";
	return t;
}

/* POST /indkoeb/kontrakter — as above, CSRF. 303 to the contract; 422 with the form. */
int contracts_page_create(struct req *r)
{
	struct typed t = {0};
	struct contract c = {0};
	read_form(r, &c, &t);
	int rc = contracts_save(r->db, &r->a, r->user, &c, t.value ? t.value : "", &r->errs);
	if (rc == ERR_INVALID)
		return edit_form(r, 422, &c, &t);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/indkoeb/kontrakter/%lld?ok=oprettet", (long long)c.id));
}

/* GET /indkoeb/kontrakter/{id} — the municipality's purchasing: the contract and the follow-up
 * of its commitments (counts below 3 as "<3" where access_counts_exact says so). */
int contracts_page_show(struct req *r)
{
	struct contract c;
	int rc = contracts_get(r->db, &r->a, r->user, req_param_int(r, "id"), &c);
	if (rc == 0)
		rc = contracts_followup(r->db, &r->a, r->user, &c);
	if (rc)
		return page_fail(r, rc, "Kontrakten findes ikke.");
	page_begin(r, c.title);
	struct buf *o = &r->out;
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "oprettet"))
		html(o, "<p class=\"notice\" role=\"status\">Kontrakten er oprettet.</p>\n");
	else if (ok && !strcmp(ok, "gemt"))
		html(o, "<p class=\"notice\" role=\"status\">Kontrakten er gemt.</p>\n");
	char value[MONEY_TEXT];
	htmlf(o, "<dl>\n<dt>Art</dt><dd>%s</dd>\n<dt>Virksomhed</dt><dd><a href=\"/virksomheder/%lld\">%s</a></dd>\n"
	         "<dt>Kommune</dt><dd>%s</dd>\n<dt>Periode</dt><dd>%s–%s</dd>\n",
	      contracts_kind_label(c.kind), (long long)c.enterprise_id, c.enterprise_name, c.kommune_navn,
	      text_date_dk(&r->a, c.start), c.end ? text_date_dk(&r->a, c.end) : "(løbende)");
	if (c.has_value)
		htmlf(o, "<dt>Værdi</dt><dd>%s</dd>\n", money_da(value, c.value_ore));
	if (c.agreement_id)
		htmlf(o, "<dt>Indkøbsaftale</dt><dd><a href=\"/indkoeb/aftaler/%lld\">Aftale nr. %lld</a></dd>\n",
		      (long long)c.agreement_id, (long long)c.agreement_id);
	if (c.tender_id)
		htmlf(o, "<dt>Udbud</dt><dd>Udbud nr. %lld</dd>\n", (long long)c.tender_id);
	if (*c.note)
		htmlf(o, "<dt>Note</dt><dd>%s</dd>\n", c.note);
	html(o, "</dl>\n<h2>Sociale forpligtelser</h2>\n");
	if (c.ncommitments == 0) {
		html(o, "<p class=\"empty\">Kontrakten har ingen sociale forpligtelser.</p>\n");
	} else {
		table_begin(o, "Opfølgning på sociale forpligtelser", NULL);
		html(o, "<caption>Opfølgning i dag: personer i forløb på virksomheden i ordningen</caption>\n"
		        "<thead><tr><th scope=\"col\">Forpligtelse</th><th scope=\"col\">Ordning</th>"
		        "<th scope=\"col\">Mål</th><th scope=\"col\">I dag</th></tr></thead>\n<tbody>\n");
		for (int i = 0; i < c.ncommitments; i++) {
			const struct commitment *m = &c.commitments[i];
			if (m->scheme)
				htmlf(o, "<tr><td>%s</td><td>%s</td><td>%d</td><td>%s af %d</td></tr>\n", m->text,
				      placements_scheme_label(m->scheme), m->target,
				      m->now_text ? m->now_text : "0", m->target);
			else
				htmlf(o, "<tr><td>%s</td><td>Ikke målbar</td><td></td><td></td></tr>\n", m->text);
		}
		html(o, "</tbody>\n");
		table_end(o);
	}
	if (access_procurement(r->user, ACC_WRITE, c.kommune) == 0)
		htmlf(o, "<p><a href=\"/indkoeb/kontrakter/%lld/rediger\">Ret kontrakten</a></p>\n", (long long)c.id);
	html(o, "<p><a href=\"/indkoeb/kontrakter\">Alle kontrakter</a></p>\n");
	return page_end(r, 200);
}

/* the contract of the path that the caller may write, or the error page already answered */
static bool writable_or_reply(struct req *r, struct contract *c)
{
	int rc = contracts_get(r->db, &r->a, r->user, req_param_int(r, "id"), c);
	if (rc == 0 && access_procurement(r->user, ACC_WRITE, c->kommune) != 0)
		rc = ERR_FORBIDDEN;
	if (rc)
		page_fail(r, rc, "Kontrakten findes ikke.");
	return rc == 0;
}

/* GET /indkoeb/kontrakter/{id}/rediger — who may write the municipality's purchasing. */
int contracts_page_edit(struct req *r)
{
	struct contract c;
	if (!writable_or_reply(r, &c))
		return 0;
	struct typed t = typed_of(r, &c);
	return edit_form(r, 200, &c, &t);
}

/* POST /indkoeb/kontrakter/{id} — as above, CSRF. 303 to the contract; 422 with the form. */
int contracts_page_update(struct req *r)
{
	struct contract c;
	if (!writable_or_reply(r, &c))
		return 0;
	struct typed t = {0};
	read_form(r, &c, &t);
	int rc = contracts_save(r->db, &r->a, r->user, &c, t.value ? t.value : "", &r->errs);
	if (rc == ERR_INVALID)
		return edit_form(r, 422, &c, &t);
	if (rc)
		return page_fail(r, rc, "Kontrakten findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/indkoeb/kontrakter/%lld?ok=gemt", (long long)c.id));
}
