/*
 * partnerships_web.c — the page of one partnership agreement: its parties and roles, follow-up
 * group, action plan with progress and overdue items, the signed PDF (upload and download) and
 * the forms that change them; and the Danish labels the pages share (the list, the exports and
 * a new agreement are partnerships_list_web.c).
 * Layer: handlers of the collab capability; what a caller may see and do is asked of
 * partnerships.h. A public agreement's page is open to anyone, without e-mail addresses.
 */
#include <string.h>

#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../registry/registry.h"
#include "partnerships.h"
#include "partnerships_web.h"

#define NOT_FOUND "Aftalen findes ikke."

static const struct form_option kind_options[] = {
	{PARTNERSHIPS_KIND_PARTNERSHIP, "Partnerskabsaftale"},
	{PARTNERSHIPS_KIND_COOPERATION, "Samarbejdsaftale (borgere i forløb)"},
	{PARTNERSHIPS_KIND_USAGE, "Brugsaftale (boligområde)"},
	{PARTNERSHIPS_KIND_OTHER, "Anden aftale"},
};
const struct form_option *const partnerships_web_kinds = kind_options;
const int partnerships_web_nkinds = (int)(sizeof(kind_options) / sizeof(kind_options[0]));

const char *partnerships_web_kind_da(const char *k)
{
	for (int i = 0; k && i < partnerships_web_nkinds; i++)
		if (!strcmp(partnerships_web_kinds[i].value, k))
			return partnerships_web_kinds[i].label;
	return k ? k : "";
}

const char *partnerships_web_status_da(const char *s)
{
	if (s && !strcmp(s, PARTNERSHIPS_UPCOMING))
		return "Kommende";
	if (s && !strcmp(s, PARTNERSHIPS_EXPIRED))
		return "Udløbet";
	return "Aktiv";
}

const char *partnerships_web_date_da(struct req *r, const char *d)
{
	return d && *d ? text_date_dk(&r->a, d) : "–";
}

/* ---------------------------------------------------------------- one agreement */

static const char *form_or_empty(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}


/* what the forms of the page were sent with, to show them again */
struct sent {
	const char *action;
	const char *enterprise_id, *name, *contact_name, *email, *role;
	const char *m_name, *m_organisation, *m_email, *m_chair;
	const char *a_title, *a_owner, *a_due, *a_note;
	const char *kind, *title, *purpose, *start, *end, *is_public; /* the agreement's own form */
	const char *p_name, *p_contact, *p_email, *p_role; /* a party's form (party_update) */
	int64_t confirm_delete; /* an action item whose deletion is to be confirmed */
	int64_t edit_party;     /* the party whose form is shown (?part=, or a failed party_update) */
	int64_t confirm_party;  /* a party whose removal is to be confirmed */
};

static const char *notice_of(const char *ok)
{
	static const struct {
		const char *key, *text;
	} notices[] = {
		{"oprettet", "Aftalen er oprettet. Tilføj parterne, følgegruppen og handleplanen."},
		{"part", "Parten er tilføjet."}, {"partrettet", "Parten er rettet."},
		{"partfjernet", "Parten er fjernet fra aftalen."},
		{"medlem", "Medlemmet af følgegruppen er tilføjet."},
		{"punkt", "Punktet er tilføjet til handleplanen."},
		{"udfoert", "Punktet er markeret som udført."}, {"genaabnet", "Punktet er åbnet igen."},
		{"slettet", "Punktet er slettet fra handleplanen."},
		{"pdf", "Den underskrevne aftale er gemt."},
		{"gemt", "Aftalen er gemt."},
	};
	for (size_t i = 0; ok && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (!strcmp(notices[i].key, ok))
			return notices[i].text;
	return NULL;
}

/* a button that sends action for item to the agreement's page, landing at anchor; its label for
 * a screen reader names what it acts on */
static void item_button(struct req *r, const struct partnership *p, const char *anchor,
                        const char *action, int64_t item, const char *label, const char *what)
{
	struct buf *o = &r->out;
	htmlf(o, "<form method=\"post\" action=\"/partnerskaber/%lld#%s\" class=\"inline\">",
	      (long long)p->id, anchor);
	form_csrf(o, r->csrf);
	htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"%s\"><input type=\"hidden\" name=\"item\""
	         " value=\"%lld\"><button type=\"submit\" class=\"link\" aria-label=\"%s: %s\">%s</button></form> ",
	      action, (long long)item, label, what, label);
}

/* the question asked before action removes item (what, in bold, between before and after):
 * yes sends it again with confirm=1, Fortryd goes back to anchor */
static void confirm_box(struct req *r, const struct partnership *p, const char *anchor,
                        const char *before, const char *what, const char *after,
                        const char *action, int64_t item, const char *yes)
{
	const char *back = arena_printf(&r->a, "/partnerskaber/%lld#%s", (long long)p->id, anchor);
	const struct form_hidden hidden[] = {
		{"action", action},
		{"item", arena_printf(&r->a, "%lld", (long long)item)},
		{"confirm", "1"},
	};
	form_confirm(&r->out, &(struct form_confirm){.before = before, .name = what, .after = after,
	                                             .action = back, .csrf = r->csrf, .hidden = hidden,
	                                             .nhidden = 3, .yes = yes, .back = back});
}

/* the form that changes party x: its contact, e-mail and role, and an organisation's name */
static void party_form(struct req *r, const struct partnership *p, const struct partnership_party *x,
                       const struct sent *s)
{
	struct buf *o = &r->out;
	bool mine = s->action && !strcmp(s->action, "party_update");
	const struct errs *er = mine ? &r->errs : &(struct errs){0};
	bool organisation = !strcmp(x->kind, PARTNERSHIPS_PARTY_ORGANISATION);
	htmlf(o, "<form method=\"post\" action=\"/partnerskaber/%lld#parter\" class=\"stack noprint\""
	         " novalidate>\n", (long long)p->id);
	form_csrf(o, r->csrf);
	htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"party_update\">"
	         "<input type=\"hidden\" name=\"item\" value=\"%lld\">\n"
	         "<fieldset><legend id=\"ret-part\">Ret parten %s</legend>\n", (long long)x->id, x->name);
	if (!organisation)
		html(o, "<p class=\"hint\">Hvem parten er, står fast; er det en forkert part, så fjern den"
		        " og tilføj den rigtige.</p>\n");
	else
		form_input(o, &(struct form_field){.name = "p_name", .label = "Organisationens navn",
		                                   .value = mine ? s->p_name : x->name,
		                                   .error = errs_get(er, "p_name"), .required = true,
		                                   .maxlength = 200});
	form_input(o, &(struct form_field){.name = "p_contact", .label = "Kontaktperson",
	                                   .value = mine ? s->p_contact : x->contact_name,
	                                   .error = errs_get(er, "p_contact"), .maxlength = 200});
	form_input(o, &(struct form_field){.name = "p_email", .label = "E-mail", .type = "email",
	                                   .value = mine ? s->p_email : x->email,
	                                   .error = errs_get(er, "p_email")});
	form_textarea(o, &(struct form_field){.name = "p_role", .label = "Rolle i aftalen",
	                                      .value = mine ? s->p_role : x->role,
	                                      .error = errs_get(er, "p_role")}, 3);
	htmlf(o, "</fieldset>\n<div class=\"actions\"><button type=\"submit\">Gem parten</button> "
	         "<a href=\"/partnerskaber/%lld#parter\">Fortryd</a></div>\n</form>\n", (long long)p->id);
}

static void parties_section(struct req *r, const struct partnership *p, bool writer, bool contacts,
                            const struct partnership_party *ps, int np, const struct sent *s)
{
	struct buf *o = &r->out;
	htmlf(o, "<h2 id=\"parter\">Parter og roller (%d)</h2>\n", np);
	for (int i = 0; writer && s->confirm_party && i < np; i++)
		if (ps[i].id == s->confirm_party)
			confirm_box(r, p, "parter", "Vil du fjerne ", ps[i].name, " som part i aftalen?",
			            "party_delete", ps[i].id, "Ja, fjern parten");
	if (writer && errs_get(&r->errs, "party") && s->action && !strcmp(s->action, "party_delete"))
		htmlf(o, "<p class=\"error\" id=\"f-party\">%s</p>\n", errs_get(&r->errs, "party"));
	if (np == 0)
		html(o, "<p class=\"empty\">Aftalen har ingen parter endnu.</p>\n");
	else {
		table_begin(o, "Parter", NULL);
		html(o, "<caption class=\"visually-hidden\">Parter og roller</caption>\n<thead><tr>"
		        "<th scope=\"col\">Part</th><th scope=\"col\">Rolle i aftalen</th>");
		if (contacts)
			html(o, "<th scope=\"col\">Kontakt</th>");
		if (writer)
			html(o, "<th scope=\"col\" class=\"noprint\">Handling</th>");
		html(o, "</tr></thead>\n<tbody>\n");
		for (int i = 0; i < np; i++) {
			if (ps[i].enterprise_id)
				htmlf(o, "<tr><td><a href=\"/virksomheder/%lld\">%s</a></td>",
				      (long long)ps[i].enterprise_id, ps[i].name);
			else
				htmlf(o, "<tr><td>%s</td>", ps[i].name);
			htmlf(o, "<td class=\"prewrap\">%s</td>", *ps[i].role ? ps[i].role : "–");
			if (contacts)
				htmlf(o, "<td>%s %s</td>", ps[i].contact_name, ps[i].email);
			if (writer) {
				htmlf(o, "<td class=\"noprint\"><a href=\"/partnerskaber/%lld?part=%lld#ret-part\""
				         " aria-label=\"Ret: %s\">Ret</a> ",
				      (long long)p->id, (long long)ps[i].id, ps[i].name);
				item_button(r, p, "parter", "party_delete", ps[i].id, "Fjern", ps[i].name);
				html(o, "</td>");
			}
			html(o, "</tr>\n");
		}
		html(o, "</tbody>\n");
		table_end(o);
	}
	if (!writer)
		return;
	for (int i = 0; s->edit_party && i < np; i++)
		if (ps[i].id == s->edit_party)
			party_form(r, p, &ps[i], s);
	bool mine = s->action && !strcmp(s->action, "party_add");
	const struct errs *er = mine ? &r->errs : &(struct errs){0};
	struct registry_query q = {.kommune = p->kommune, .registered = -1, .day = page_today(r),
	                           .sort = 0, .limit = 2000};
	struct registry_item *items = NULL;
	int count = 0, total = 0;
	if (registry_list(r->db, &r->a, &q, &items, &count, &total) != 0)
		count = 0;
	struct form_option *eo = arena_alloc(&r->a, sizeof(*eo) * (size_t)(count + 1));
	eo[0] = (struct form_option){"", "Vælg virksomhed"};
	for (int i = 0; i < count; i++)
		eo[i + 1] = (struct form_option){arena_printf(&r->a, "%lld", (long long)items[i].id), items[i].name};
	htmlf(o, "<form method=\"post\" action=\"/partnerskaber/%lld#parter\" class=\"stack noprint\" novalidate>\n",
	      (long long)p->id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"party_add\">\n"
	        "<fieldset><legend>Tilføj en part</legend>\n<p class=\"hint\">Vælg en virksomhed fra"
	        " registret, eller skriv navnet på en anden organisation.</p>\n");
	if (errs_get(er, "party"))
		htmlf(o, "<p class=\"error\" id=\"f-party\">%s</p>\n", errs_get(er, "party"));
	form_select(o, &(struct form_field){.name = "enterprise_id", .label = "Virksomhed",
	                                    .value = mine ? s->enterprise_id : "",
	                                    .error = errs_get(er, "enterprise_id")}, eo, count + 1);
	form_input(o, &(struct form_field){.name = "name", .label = "Anden organisation", .value = mine ? s->name : "",
	                                   .error = errs_get(er, "name"), .maxlength = 200});
	form_input(o, &(struct form_field){.name = "contact_name", .label = "Kontaktperson",
	                                   .value = mine ? s->contact_name : "",
	                                   .error = errs_get(er, "contact_name"), .maxlength = 200});
	form_input(o, &(struct form_field){.name = "email", .label = "E-mail", .type = "email",
	                                   .value = mine ? s->email : "", .error = errs_get(er, "email")});
	form_textarea(o, &(struct form_field){.name = "role", .label = "Rolle i aftalen",
	                                      .value = mine ? s->role : "", .error = errs_get(er, "role"),
	                                      .hint = "Skriv rollen ud, fx \"stiller viden og erfaringer til rådighed\"."}, 3);
	html(o, "</fieldset>\n<div class=\"actions\"><button type=\"submit\">Tilføj part</button></div>\n</form>\n");
}

static void group_section(struct req *r, const struct partnership *p, bool writer, bool contacts,
                          const struct partnership_member *ms, int nm, const struct sent *s)
{
	struct buf *o = &r->out;
	html(o, "<h2 id=\"foelgegruppe\">Følgegruppe</h2>\n");
	if (nm == 0)
		html(o, "<p class=\"empty\">Aftalen har ingen følgegruppe endnu.</p>\n");
	else {
		html(o, "<ul>\n");
		for (int i = 0; i < nm; i++) {
			htmlf(o, "<li>%s", ms[i].name);
			if (*ms[i].organisation)
				htmlf(o, ", %s", ms[i].organisation);
			if (ms[i].chair)
				html(o, " <strong>(formand)</strong>");
			if (contacts && *ms[i].email)
				htmlf(o, " – %s", ms[i].email);
			html(o, "</li>\n");
		}
		html(o, "</ul>\n");
	}
	if (!writer)
		return;
	bool mine = s->action && !strcmp(s->action, "member_add");
	const struct errs *er = mine ? &r->errs : &(struct errs){0};
	htmlf(o, "<form method=\"post\" action=\"/partnerskaber/%lld#foelgegruppe\" class=\"stack noprint\" novalidate>\n",
	      (long long)p->id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"member_add\">\n"
	        "<fieldset><legend>Tilføj et medlem af følgegruppen</legend>\n");
	form_input(o, &(struct form_field){.name = "m_name", .label = "Navn", .value = mine ? s->m_name : "",
	                                   .error = errs_get(er, "m_name"), .required = true, .maxlength = 200});
	form_input(o, &(struct form_field){.name = "m_organisation", .label = "Organisation eller part",
	                                   .value = mine ? s->m_organisation : "",
	                                   .error = errs_get(er, "m_organisation"), .maxlength = 200});
	form_input(o, &(struct form_field){.name = "m_email", .label = "E-mail", .type = "email",
	                                   .value = mine ? s->m_email : "", .error = errs_get(er, "m_email")});
	form_checkbox(o, &(struct form_field){.name = "m_chair", .label = "Formand for følgegruppen",
	                                      .value = mine ? s->m_chair : "0"});
	html(o, "</fieldset>\n<div class=\"actions\"><button type=\"submit\">Tilføj medlem</button></div>\n</form>\n");
}

static void plan_section(struct req *r, const struct partnership *p, bool writer,
                         const struct partnership_action *xs, int nx,
                         const struct partnership_party *ps, int np, const struct sent *s)
{
	struct buf *o = &r->out;
	const struct partnership_progress *g = &p->progress;
	html(o, "<h2 id=\"handleplan\">Handleplan</h2>\n");
	if (g->total > 0) {
		htmlf(o, "<p><label for=\"fremdrift\">Fremdrift: %d af %d punkter udført</label>\n"
		         "<progress id=\"fremdrift\" max=\"%d\" value=\"%d\">%d af %d</progress></p>\n",
		      g->done, g->total, g->total, g->done, g->done, g->total);
		if (g->overdue)
			htmlf(o, "<p class=\"overdue\" role=\"status\"><strong>%d %s overskredet fristen.</strong></p>\n",
			      g->overdue, g->overdue == 1 ? "punkt har" : "punkter har");
	}
	for (int i = 0; s->confirm_delete && i < nx; i++)
		if (xs[i].id == s->confirm_delete)
			confirm_box(r, p, "handleplan", "Vil du slette punktet ", xs[i].title,
			            " fra handleplanen? Det kan ikke fortrydes.", "action_delete", xs[i].id,
			            "Ja, slet punktet");
	if (nx == 0)
		html(o, "<p class=\"empty\">Handleplanen har ingen punkter endnu.</p>\n");
	else {
		table_begin(o, "Handleplan", NULL);
		html(o, "<caption class=\"visually-hidden\">Handleplanens punkter</caption>\n<thead><tr>"
		        "<th scope=\"col\">Punkt</th><th scope=\"col\">Ansvarlig part</th>"
		        "<th scope=\"col\">Frist</th><th scope=\"col\">Status</th><th scope=\"col\">Note</th>");
		if (writer)
			html(o, "<th scope=\"col\" class=\"noprint\">Handling</th>");
		html(o, "</tr></thead>\n<tbody>\n");
		for (int i = 0; i < nx; i++) {
			const struct partnership_action *x = &xs[i];
			bool done = !strcmp(x->status, PARTNERSHIPS_DONE);
			if (x->overdue)
				html(o, "<tr class=\"overdue\">");
			else
				html(o, "<tr>");
			htmlf(o, "<td>%s</td><td>%s</td><td>%s</td><td>", x->title, x->owner_name, partnerships_web_date_da(r, x->due));
			if (done)
				htmlf(o, "Udført %s", partnerships_web_date_da(r, x->done_at));
			else if (x->overdue)
				html(o, "<strong>Overskredet</strong>");
			else
				html(o, "Åben");
			htmlf(o, "</td><td class=\"prewrap\">%s</td>", x->note);
			if (writer) {
				html(o, "<td class=\"noprint\">");
				item_button(r, p, "handleplan", done ? "action_reopen" : "action_done", x->id,
				            done ? "Åbn igen" : "Markér som udført", x->title);
				item_button(r, p, "handleplan", "action_delete", x->id, "Slet", x->title);
				html(o, "</td>");
			}
			html(o, "</tr>\n");
		}
		html(o, "</tbody>\n");
		table_end(o);
	}
	if (!writer)
		return;
	bool mine = s->action && !strcmp(s->action, "action_add");
	const struct errs *er = mine ? &r->errs : &(struct errs){0};
	struct form_option *po = arena_alloc(&r->a, sizeof(*po) * (size_t)(np + 1));
	po[0] = (struct form_option){"", "Vælg den ansvarlige part"};
	for (int i = 0; i < np; i++)
		po[i + 1] = (struct form_option){arena_printf(&r->a, "%lld", (long long)ps[i].id), ps[i].name};
	htmlf(o, "<form method=\"post\" action=\"/partnerskaber/%lld#handleplan\" class=\"stack noprint\" novalidate>\n",
	      (long long)p->id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"action_add\">\n"
	        "<fieldset><legend>Tilføj et punkt til handleplanen</legend>\n");
	form_input(o, &(struct form_field){.name = "a_title", .label = "Hvad skal gøres", .value = mine ? s->a_title : "",
	                                   .error = errs_get(er, "a_title"), .required = true, .maxlength = 300});
	form_select(o, &(struct form_field){.name = "a_owner", .label = "Ansvarlig part",
	                                    .value = mine ? s->a_owner : "",
	                                    .error = errs_get(er, "a_owner"), .required = true}, po, np + 1);
	form_input(o, &(struct form_field){.name = "a_due", .label = "Frist", .type = "date",
	                                   .value = mine ? s->a_due : "", .error = errs_get(er, "a_due")});
	form_textarea(o, &(struct form_field){.name = "a_note", .label = "Note", .value = mine ? s->a_note : "",
	                                      .error = errs_get(er, "a_note")}, 2);
	html(o, "</fieldset>\n<div class=\"actions\"><button type=\"submit\">Tilføj punkt</button></div>\n</form>\n");
}

static void document_section(struct req *r, const struct partnership *p, bool writer)
{
	struct buf *o = &r->out;
	html(o, "<h2 id=\"aftale\">Den underskrevne aftale</h2>\n");
	if (p->pdf_name)
		htmlf(o, "<p><a href=\"/partnerskaber/%lld/aftale.pdf\">Hent %s</a> (PDF, %lld kB)</p>\n",
		      (long long)p->id, p->pdf_name, (long long)((p->pdf_size + 1023) / 1024));
	else
		html(o, "<p class=\"empty\">Den underskrevne aftale er ikke lagt ind endnu.</p>\n");
	if (!writer)
		return;
	htmlf(o, "<form method=\"post\" action=\"/partnerskaber/%lld/aftale\" enctype=\"multipart/form-data\""
	         " class=\"stack noprint\" novalidate>\n", (long long)p->id);
	form_csrf(o, r->csrf);
	const char *err = errs_get(&r->errs, "document");
	htmlf(o, "<div class=\"field%s\"><label for=\"f-document\">Underskrevet aftale (PDF, højst 10 MB)</label>\n",
	      err ? " invalid" : "");
	if (err)
		htmlf(o, "<p class=\"error\" id=\"e-document\">%s</p>\n"
		         "<input type=\"file\" id=\"f-document\" name=\"document\" accept=\"application/pdf\""
		         " aria-invalid=\"true\" aria-describedby=\"e-document\">", err);
	else
		html(o, "<input type=\"file\" id=\"f-document\" name=\"document\" accept=\"application/pdf\">");
	html(o, "</div>\n<div class=\"actions\"><button type=\"submit\">Gem aftalen</button></div>\n</form>\n");
}

/* the form that changes the agreement's type, title, purpose, period and publicity */
static void edit_section(struct req *r, const struct partnership *p, const struct sent *s)
{
	struct buf *o = &r->out;
	bool mine = s->action && !strcmp(s->action, "update");
	const struct errs *er = mine ? &r->errs : &(struct errs){0};
	html(o, "<h2 id=\"ret\" class=\"noprint\">Ret aftalen</h2>\n");
	htmlf(o, "<form method=\"post\" action=\"/partnerskaber/%lld#ret\" class=\"stack noprint\" novalidate>\n",
	      (long long)p->id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"update\">\n");
	form_select(o, &(struct form_field){.name = "kind", .label = "Type", .value = mine ? s->kind : p->kind,
	                                    .error = errs_get(er, "kind")}, partnerships_web_kinds, partnerships_web_nkinds);
	form_input(o, &(struct form_field){.name = "title", .label = "Titel", .value = mine ? s->title : p->title,
	                                   .error = errs_get(er, "title"), .required = true, .maxlength = 200});
	form_textarea(o, &(struct form_field){.name = "purpose", .label = "Formål",
	                                      .value = mine ? s->purpose : p->purpose,
	                                      .error = errs_get(er, "purpose")}, 4);
	form_input(o, &(struct form_field){.name = "start", .label = "Startdato", .type = "date",
	                                   .value = mine ? s->start : p->starts_on,
	                                   .error = errs_get(er, "start"), .required = true});
	form_input(o, &(struct form_field){.name = "end", .label = "Slutdato", .type = "date",
	                                   .value = mine ? s->end : (p->ends_on ? p->ends_on : ""),
	                                   .error = errs_get(er, "end"),
	                                   .hint = "Lad den stå tom, hvis aftalen gælder indtil videre."});
	form_checkbox(o, &(struct form_field){.name = "public", .label = "Offentlig: alle kan læse aftalen"
	                                                                 " (uden e-mailadresser)",
	                                      .value = mine ? s->is_public : (p->is_public ? "1" : "0")});
	html(o, "<div class=\"actions\"><button type=\"submit\">Gem ændringer</button></div>\n</form>\n");
}

/* the page of agreement id with status; s holds what a failed form was sent with */
static int show(struct req *r, int64_t id, int status, const struct sent *s)
{
	const char *day = page_today(r);
	struct partnership p;
	struct partnership_party *ps;
	struct partnership_member *ms;
	struct partnership_action *xs;
	int np, nm, nx;
	int rc = partnerships_get(r->db, &r->a, r->user, id, day, &p);
	if (rc == 0)
		rc = partnerships_parties(r->db, &r->a, r->user, id, &ps, &np);
	if (rc == 0)
		rc = partnerships_members(r->db, &r->a, r->user, id, &ms, &nm);
	if (rc == 0)
		rc = partnerships_actions(r->db, &r->a, r->user, id, day, &xs, &nx);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	bool writer = partnerships_may_write(r->user, &p);
	bool contacts = partnerships_may_see_contacts(r->user, &p);
	page_begin(r, p.title);
	struct buf *o = &r->out;
	const char *notice = status == 200 ? notice_of(req_query(r, "ok")) : NULL;
	if (notice)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n", notice);
	form_error_summary(o, &r->errs);
	htmlf(o, "<dl class=\"facts\"><dt>Type</dt><dd>%s</dd><dt>Kommune</dt><dd>%s</dd>"
	         "<dt>Periode</dt><dd>%s – %s</dd><dt>Status</dt><dd>%s</dd>",
	      partnerships_web_kind_da(p.kind), p.kommune_navn ? p.kommune_navn : "Landsdækkende",
	      partnerships_web_date_da(r, p.starts_on), p.ends_on ? partnerships_web_date_da(r, p.ends_on) : "indtil videre", partnerships_web_status_da(p.status));
	if (contacts)
		htmlf(o, "<dt>Synlighed</dt><dd>%s</dd>", p.is_public ? "Offentlig" : "Kun kommunens medarbejdere");
	html(o, "</dl>\n");
	if (*p.purpose)
		htmlf(o, "<h2>Formål</h2>\n<p class=\"prewrap\">%s</p>\n", p.purpose);
	parties_section(r, &p, writer, contacts, ps, np, s);
	group_section(r, &p, writer, contacts, ms, nm, s);
	plan_section(r, &p, writer, xs, nx, ps, np, s);
	document_section(r, &p, writer);
	if (writer)
		edit_section(r, &p, s);
	if (contacts)
		html(o, "<p class=\"noprint\"><a href=\"/partnerskaber\">Alle aftaler</a></p>\n");
	return page_end(r, status);
}

/* GET /partnerskaber/{id}[?part=N: the form of party N, for who may write] — public for a
 * public agreement (without e-mail addresses); else
 * the staff who may read it: 404 to anyone else, 403 to another municipality's staff. */
int partnerships_page_show(struct req *r)
{
	struct sent s = {0};
	long long part;
	const char *v = req_query(r, "part");
	if (v && text_parse_int(v, 1, 999999999999999LL, &part) == 0)
		s.edit_party = (int64_t)part;
	return show(r, req_param_int(r, "id"), 200, &s);
}

static int64_t id_of(const char *v)
{
	long long x;
	return v && text_parse_int(v, 1, 999999999999999LL, &x) == 0 ? (int64_t)x : 0;
}

/* the domain's field names as the page's forms call them (prefix m_ or a_), so that the error
 * summary links to the fields */
static void rename_fields(struct req *r, const char *const (*map)[2], size_t n)
{
	for (int i = 0; i < r->errs.n; i++)
		for (size_t k = 0; k < n; k++)
			if (r->errs.e[i].field && !strcmp(r->errs.e[i].field, map[k][0])) {
				r->errs.e[i].field = map[k][1];
				break;
			}
}

static const char *const party_fields[][2] = {
	{"name", "p_name"}, {"contact_name", "p_contact"}, {"email", "p_email"}, {"role", "p_role"}};
static const char *const member_fields[][2] = {
	{"name", "m_name"}, {"organisation", "m_organisation"}, {"email", "m_email"}};
static const char *const action_fields[][2] = {
	{"title", "a_title"}, {"owner_party", "a_owner"}, {"due", "a_due"}, {"note", "a_note"}};

/* the item's status changed to status, the rest kept */
static int set_status(struct req *r, int64_t id, int64_t item, const char *status)
{
	struct partnership_action x;
	int rc = partnerships_action_get(r->db, &r->a, r->user, id, item, NULL, &x);
	if (rc == 0) {
		x.status = status;
		rc = partnerships_action_update(r->db, &r->a, r->user, id, &x, &r->errs);
	}
	return rc;
}

/* POST /partnerskaber/{id} — who may write the agreement, CSRF. action = party_add
 * (enterprise_id | name, contact_name, email, role), party_update (item, p_name, p_contact,
 * p_email, p_role), party_delete (item; asks first, removes with confirm=1; a party that owns
 * items of the action plan stays, 422), member_add (m_name, m_organisation,
 * m_email, m_chair), action_add (a_title, a_owner, a_due, a_note), action_done / action_reopen
 * (item), action_delete (item; asks first, deletes with confirm=1), update (kind, title,
 * purpose, start, end, public). 303 back; 422 with the page and the form kept. */
int partnerships_page_post(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct partnership p;
	int rc = partnerships_get(r->db, &r->a, r->user, id, NULL, &p);
	if (rc == 0 && !partnerships_may_write(r->user, &p))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	struct sent s = {.action = form_or_empty(r, "action")};
	const char *ok = NULL;
	int64_t item = id_of(req_form(r, "item"));
	if (!strcmp(s.action, "party_add")) {
		s.enterprise_id = form_or_empty(r, "enterprise_id");
		s.name = form_or_empty(r, "name");
		s.contact_name = form_or_empty(r, "contact_name");
		s.email = form_or_empty(r, "email");
		s.role = form_or_empty(r, "role");
		struct partnership_party party = {.enterprise_id = *s.enterprise_id ? id_of(s.enterprise_id) : 0,
		                                  .name = *s.name ? s.name : NULL, .contact_name = s.contact_name,
		                                  .email = s.email, .role = s.role};
		if (*s.enterprise_id && !party.enterprise_id)
			party.enterprise_id = -1;
		rc = partnerships_party_add(r->db, &r->a, r->user, id, &party, &r->errs);
		ok = "part";
	}
	else if (!strcmp(s.action, "party_update")) {
		s.p_name = form_or_empty(r, "p_name");
		s.p_contact = form_or_empty(r, "p_contact");
		s.p_email = form_or_empty(r, "p_email");
		s.p_role = form_or_empty(r, "p_role");
		s.edit_party = item;
		struct partnership_party party = {.id = item, .name = s.p_name, .contact_name = s.p_contact,
		                                  .email = s.p_email, .role = s.p_role};
		rc = partnerships_party_update(r->db, &r->a, r->user, id, &party, &r->errs);
		rename_fields(r, party_fields, sizeof(party_fields) / sizeof(party_fields[0]));
		ok = "partrettet";
	}
	else if (!strcmp(s.action, "party_delete")) {
		if (strcmp(form_or_empty(r, "confirm"), "1") != 0) {
			s.confirm_party = item;
			return show(r, id, 200, &s);
		}
		rc = partnerships_party_delete(r->db, &r->a, r->user, id, item, &r->errs);
		ok = "partfjernet";
	}
	else if (!strcmp(s.action, "member_add")) {
		s.m_name = form_or_empty(r, "m_name");
		s.m_organisation = form_or_empty(r, "m_organisation");
		s.m_email = form_or_empty(r, "m_email");
		s.m_chair = !strcmp(form_or_empty(r, "m_chair"), "1") ? "1" : "0";
		struct partnership_member m = {.name = s.m_name, .organisation = s.m_organisation,
		                               .email = s.m_email, .chair = *s.m_chair == '1'};
		rc = partnerships_member_add(r->db, &r->a, r->user, id, &m, &r->errs);
		rename_fields(r, member_fields, sizeof(member_fields) / sizeof(member_fields[0]));
		ok = "medlem";
	}
	else if (!strcmp(s.action, "action_add")) {
		s.a_title = form_or_empty(r, "a_title");
		s.a_owner = form_or_empty(r, "a_owner");
		s.a_due = form_or_empty(r, "a_due");
		s.a_note = form_or_empty(r, "a_note");
		struct partnership_action x = {.title = s.a_title, .owner_party = id_of(s.a_owner),
		                               .due = s.a_due, .note = s.a_note, .status = PARTNERSHIPS_OPEN};
		rc = partnerships_action_add(r->db, &r->a, r->user, id, &x, &r->errs);
		rename_fields(r, action_fields, sizeof(action_fields) / sizeof(action_fields[0]));
		ok = "punkt";
	}
	else if (!strcmp(s.action, "update")) {
		s.kind = form_or_empty(r, "kind");
		s.title = form_or_empty(r, "title");
		s.purpose = form_or_empty(r, "purpose");
		s.start = form_or_empty(r, "start");
		s.end = form_or_empty(r, "end");
		s.is_public = !strcmp(form_or_empty(r, "public"), "1") ? "1" : "0";
		p.kind = s.kind;
		p.title = s.title;
		p.purpose = s.purpose;
		p.starts_on = s.start;
		p.ends_on = s.end;
		p.is_public = *s.is_public == '1';
		rc = partnerships_update(r->db, &r->a, r->user, &p, page_today(r), &r->errs);
		ok = "gemt";
	}
	else if (!strcmp(s.action, "action_done") || !strcmp(s.action, "action_reopen")) {
		bool done = !strcmp(s.action, "action_done");
		rc = set_status(r, id, item, done ? PARTNERSHIPS_DONE : PARTNERSHIPS_OPEN);
		ok = done ? "udfoert" : "genaabnet";
	}
	else if (!strcmp(s.action, "action_delete")) {
		if (strcmp(form_or_empty(r, "confirm"), "1") != 0) {
			s.confirm_delete = item;
			return show(r, id, 200, &s);
		}
		rc = partnerships_action_delete(r->db, &r->a, r->user, id, item);
		ok = "slettet";
	}
	else {
		errs_add(&r->errs, NULL, "Ukendt handling.");
		return show(r, id, 422, &s);
	}
	if (rc == ERR_INVALID)
		return show(r, id, 422, &s);
	if (rc)
		return page_fail(r, rc, "Punktet findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/partnerskaber/%lld?ok=%s", (long long)id, ok));
}

/* POST /partnerskaber/{id}/aftale — who may write the agreement, CSRF, a multipart form
 * (RF_UPLOAD) with the PDF in the field document. 303; 422 (no clean PDF, the reason at the
 * field) or 413 (over 10 MB) with the page. */
int partnerships_page_upload(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	const struct req_file *f = req_file(r, "document");
	int rc;
	if (!f || f->len == 0) {
		struct partnership p;
		rc = partnerships_get(r->db, &r->a, r->user, id, NULL, &p);
		if (rc == 0 && !partnerships_may_write(r->user, &p))
			rc = ERR_FORBIDDEN;
		if (rc == 0)
			rc = errs_add(&r->errs, "document", "Vælg den underskrevne aftale som en PDF-fil.");
	}
	else
		rc = partnerships_document_put(r->db, &r->a, r->user, id, f->filename, f->data, f->len,
		                               &r->errs);
	struct sent s = {0};
	if ((rc == ERR_INVALID || rc == ERR_TOOBIG) && errs_get(&r->errs, "document"))
		return show(r, id, rc == ERR_TOOBIG ? 413 : 422, &s);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/partnerskaber/%lld?ok=pdf#aftale", (long long)id));
}

/* GET /partnerskaber/{id}/aftale.pdf — who may read the agreement: the PDF as an attachment,
 * never inline. */
int partnerships_page_document(struct req *r)
{
	const void *data;
	size_t len;
	const char *name;
	int64_t id = req_param_int(r, "id");
	int rc = partnerships_document_get(r->db, &r->a, r->user, id, &data, &len, &name);
	if (rc)
		return page_fail(r, rc, "Aftalen har ingen underskrevet PDF.");
	buf_reset(&r->out);
	buf_append(&r->out, data, len);
	return reply_download(r, "application/pdf", arena_printf(&r->a, "aftale-%lld.pdf", (long long)id));
}
