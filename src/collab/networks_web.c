/*
 * networks_web.c — the pages of networks: the list (/netvaerk), a new network, one network with
 * its members, meetings, the calendar feed's address and the proposed next meeting, the feed
 * itself (/netvaerk/{id}/kalender.ics, reached with its secret token, no sign-in), and Tabel 8's
 * figures (/statistik/netvaerk). Layer: handlers of the collab capability; what a caller may
 * see and do is asked of networks.h and meetings.h.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "../registry/registry.h"
#include "../view/xlsx.h"
#include "meetings.h"
#include "networks.h"
#include "networks_web.h"

#define LIST_PAGE 50
#define NOT_FOUND "Netværket findes ikke."

/* "2015-11-12T09:00" as "12.11.2015 kl. 09.00" */
static const char *when_da(struct req *r, const char *t)
{
	if (!t || strlen(t) != 16)
		return t ? t : "";
	return arena_printf(&r->a, "%.2s.%.2s.%.4s kl. %.2s.%.2s", t + 8, t + 5, t, t + 11, t + 14);
}

static const char *status_da(const char *s)
{
	if (!s)
		return "";
	if (!strcmp(s, MEETINGS_HELD))
		return "Afholdt";
	if (!strcmp(s, MEETINGS_CANCELLED))
		return "Aflyst";
	return "Planlagt";
}

static const char *cadence_da(struct req *r, int months)
{
	if (months == 0)
		return "Ingen fast kadence";
	if (months == 1)
		return "Hver måned";
	return arena_printf(&r->a, "Hver %d. måned", months);
}

static const char *member_kind_da(const struct network_member *m)
{
	if (!strcmp(m->kind, NETWORKS_MEMBER_ENTERPRISE))
		return !strcmp(m->detail, REGISTRY_KIND_COMPANY) ? "Virksomhed" : "Socialøkonomisk virksomhed";
	if (!strcmp(m->kind, NETWORKS_MEMBER_UNIT))
		return !strcmp(m->detail, "partner") ? "Partner" : "Enhed";
	return "Person";
}

/* ---------------------------------------------------------------- the list */

/* GET /netvaerk — the municipality's staff (konsulent, jobkonsulent, indkøber) and the
 * administrator: the municipality's networks and the national ones; paginated. */
int networks_page_list(struct req *r)
{
	int limit = page_limit(r, LIST_PAGE, 500), offset = page_offset(r);
	struct network *items;
	int n, total;
	int rc = networks_list(r->db, &r->a, r->user, NULL, limit, offset, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Netværk");
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Kommunens netværk med socialøkonomiske virksomheder, virksomheder og"
	        " partnere, og de landsdækkende netværk. Et netværk mødes fast, fx hver tredje måned.</p>\n");
	if (networks_may_create(r->user))
		html(o, "<p><a class=\"button\" href=\"/netvaerk/ny\">Nyt netværk</a></p>\n");
	html(o, "<p><a href=\"/statistik/netvaerk\">Netværk pr. kommune og år (Tabel 8)</a></p>\n");
	if (n == 0) {
		html(o, "<p class=\"empty\" role=\"status\">Der er ingen netværk endnu.</p>\n");
		return page_end(r, 200);
	}
	table_begin(o, "Netværk", NULL);
	html(o, "<caption class=\"visually-hidden\">Netværk</caption>\n<thead><tr>"
	        "<th scope=\"col\">Navn</th><th scope=\"col\">Kommune</th><th scope=\"col\">Kadence</th>"
	        "<th scope=\"col\">Medlemmer</th><th scope=\"col\">Afholdte møder</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<tr><td><a href=\"/netvaerk/%lld\">%s</a></td><td>%s</td><td>%s</td>"
		         "<td>%d</td><td>%d</td></tr>\n",
		      (long long)items[i].id, items[i].name,
		      items[i].kommune_navn ? items[i].kommune_navn : "Landsdækkende",
		      cadence_da(r, items[i].cadence_months), items[i].nmembers, items[i].nheld);
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, "/netvaerk", "", offset, limit, total);
	return page_end(r, 200);
}

/* ---------------------------------------------------------------- a new network */

/* the form of a new network, filled from n; cadence as typed */
static int new_form(struct req *r, int status, const struct network *n, const char *cadence)
{
	struct kommune *ks = NULL;
	int nk = 0;
	bool national = access_national(r->user);
	if (national) {
		int rc = kommune_list(r->db, &r->a, &ks, &nk);
		if (rc)
			return page_fail(r, rc, NULL);
	}
	page_begin(r, "Nyt netværk");
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	html(o, "<form method=\"post\" action=\"/netvaerk\" class=\"stack\" novalidate>\n");
	form_csrf(o, r->csrf);
	if (national) {
		struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nk + 1));
		ko[0] = (struct form_option){"", "Landsdækkende (ingen kommune)"};
		for (int i = 0; i < nk; i++)
			ko[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
		form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune",
		                                    .value = n->kommune ? n->kommune : "",
		                                    .error = errs_get(&r->errs, "kommune")},
		            ko, nk + 1);
	}
	form_input(o, &(struct form_field){.name = "name", .label = "Navn", .value = n->name,
	                                   .error = errs_get(&r->errs, "name"), .required = true,
	                                   .maxlength = 200});
	form_textarea(o, &(struct form_field){.name = "purpose", .label = "Formål", .value = n->purpose,
	                                      .error = errs_get(&r->errs, "purpose")}, 4);
	form_input(o, &(struct form_field){.name = "cadence_months", .label = "Måneder mellem møderne",
	                                   .type = "number", .value = cadence,
	                                   .hint = "Fx 3 for hver tredje måned; 0 for ingen fast kadence.",
	                                   .error = errs_get(&r->errs, "cadence_months")});
	html(o, "<div class=\"actions\"><button type=\"submit\">Opret netværk</button> "
	        "<a href=\"/netvaerk\">Annullér</a></div>\n</form>\n");
	return page_end(r, status);
}

/* GET /netvaerk/ny — who may create a network. */
int networks_page_new(struct req *r)
{
	if (!networks_may_create(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct network n = {.name = "", .purpose = ""};
	return new_form(r, 200, &n, "3");
}

/* a typed number: 0 when empty, -1 when not a whole number */
static int number_of(struct req *r, const char *s)
{
	long long v;
	const char *t = s ? text_trim(&r->a, s) : "";
	if (!*t)
		return 0;
	return text_parse_int(t, -1000000, 1000000, &v) == 0 ? (int)v : -1;
}

/* POST /netvaerk — who may create a network, CSRF. kommune (administrator; "" national), name,
 * purpose, cadence_months. 303 to the network; 422 with the form. */
int networks_page_create(struct req *r)
{
	struct network n = {0};
	n.kommune = access_national(r->user) ? req_form(r, "kommune") : (r->user ? r->user->kommune : NULL);
	n.name = req_form(r, "name");
	n.purpose = req_form(r, "purpose");
	const char *cadence = req_form(r, "cadence_months");
	n.cadence_months = number_of(r, cadence);
	int rc = networks_save(r->db, &r->a, r->user, &n, &r->errs);
	if (rc == ERR_INVALID)
		return new_form(r, 422, &n, cadence);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/netvaerk/%lld?ok=oprettet", (long long)n.id));
}

/* ---------------------------------------------------------------- one network */

static const char *notice_of(const char *ok)
{
	static const struct {
		const char *key, *text;
	} notices[] = {
		{"oprettet", "Netværket er oprettet."}, {"medlem", "Medlemmet er tilføjet."},
		{"fjernet", "Medlemmet er fjernet fra netværket."},
		{"moede", "Mødet er oprettet, og invitationerne er lagt i udbakken."},
		{"link", "Kalenderen har fået et nyt link. Det gamle virker ikke længere."},
		{"gemt", "Netværket er gemt."},
		{"afholdt", "Mødet er markeret som afholdt. Skriv referatet på mødets side; netværkets"
		            " næste møde er foreslået nedenfor."},
	};
	for (size_t i = 0; ok && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (!strcmp(notices[i].key, ok))
			return notices[i].text;
	return NULL;
}

/* the enterprises that may be added: the network's municipality's (all for a national one) */
static int enterprise_options(struct req *r, const char *kommune, struct form_option **opts, int *n)
{
	struct registry_query q = {.kommune = kommune, .registered = -1, .day = page_today(r),
	                           .sort = 0, .limit = 2000};
	struct registry_item *items;
	int count, total;
	int rc = registry_list(r->db, &r->a, &q, &items, &count, &total);
	if (rc)
		return rc;
	*opts = arena_alloc(&r->a, sizeof(**opts) * (size_t)(count + 1));
	(*opts)[0] = (struct form_option){"", "Vælg virksomhed"};
	*n = 1;
	for (int i = 0; i < count; i++)
		(*opts)[(*n)++] = (struct form_option){
			arena_printf(&r->a, "%lld", (long long)items[i].id),
			kommune ? items[i].name : arena_printf(&r->a, "%s (%s)", items[i].name, items[i].kommune_navn)};
	return 0;
}

/* what the forms of the network's page were sent with, to show them again */
struct sent {
	const char *action;
	const char *enterprise_id, *unit_id, *name, *email, *organisation;
	const char *net_name, *net_purpose, *net_cadence;
	const char *starts_at, *ends_at, *place, *agenda;
	int64_t confirm_member; /* a removal to confirm */
};

static void members_section(struct req *r, const struct network *nw, bool writer,
                            const struct network_member *ms, int nm, const struct sent *s,
                            const struct form_option *eo, int neo, const struct form_option *uo,
                            int nuo)
{
	struct buf *o = &r->out;
	htmlf(o, "<h2 id=\"medlemmer\">Medlemmer (%d)</h2>\n", nm);
	if (s->confirm_member) {
		for (int i = 0; i < nm; i++)
			if (ms[i].id == s->confirm_member) {
				const struct form_hidden hidden[] = {
					{"action", "member_remove"},
					{"member", arena_printf(&r->a, "%lld", (long long)ms[i].id)},
					{"confirm", "1"},
				};
				form_confirm(o, &(struct form_confirm){
					.before = "Vil du fjerne ", .name = ms[i].name,
					.after = " fra netværket? Tidligere fremmøde bevares.",
					.action = arena_printf(&r->a, "/netvaerk/%lld", (long long)nw->id),
					.csrf = r->csrf, .hidden = hidden, .nhidden = 3, .yes = "Ja, fjern medlemmet",
					.back = arena_printf(&r->a, "/netvaerk/%lld#medlemmer", (long long)nw->id)});
			}
	}
	if (nm == 0)
		html(o, "<p class=\"empty\">Netværket har ingen medlemmer endnu.</p>\n");
	else {
		table_begin(o, "Medlemmer", NULL);
		html(o, "<caption class=\"visually-hidden\">Medlemmer</caption>\n<thead><tr>"
		        "<th scope=\"col\">Navn</th><th scope=\"col\">Slags</th><th scope=\"col\">E-mail</th>");
		if (writer)
			html(o, "<th scope=\"col\">Handling</th>");
		html(o, "</tr></thead>\n<tbody>\n");
		for (int i = 0; i < nm; i++) {
			if (ms[i].enterprise_id)
				htmlf(o, "<tr><td><a href=\"/virksomheder/%lld\">%s</a></td>",
				      (long long)ms[i].enterprise_id, ms[i].name);
			else if (*ms[i].organisation)
				htmlf(o, "<tr><td>%s (%s)</td>", ms[i].name, ms[i].organisation);
			else
				htmlf(o, "<tr><td>%s</td>", ms[i].name);
			htmlf(o, "<td>%s</td><td>%s</td>", member_kind_da(&ms[i]),
			      *ms[i].email ? ms[i].email : "–");
			if (writer) {
				htmlf(o, "<td><form method=\"post\" action=\"/netvaerk/%lld\">", (long long)nw->id);
				form_csrf(o, r->csrf);
				htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"member_remove\">"
				         "<input type=\"hidden\" name=\"member\" value=\"%lld\">"
				         "<button type=\"submit\" class=\"link\" aria-label=\"Fjern %s\">Fjern</button>"
				         "</form></td>",
				      (long long)ms[i].id, ms[i].name);
			}
			html(o, "</tr>\n");
		}
		html(o, "</tbody>\n");
		table_end(o);
	}
	if (!writer)
		return;
	bool mine = s->action && !strcmp(s->action, "member_add");
	const struct errs *er = mine ? &r->errs : &(struct errs){0};
	htmlf(o, "<form method=\"post\" action=\"/netvaerk/%lld\" class=\"stack\" novalidate>\n",
	      (long long)nw->id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"member_add\">\n"
	        "<fieldset><legend>Tilføj et medlem</legend>\n"
	        "<p class=\"hint\">Vælg en virksomhed fra registret, en enhed eller partner i kommunens"
	        " indgang, eller skriv en persons navn og e-mail.</p>\n");
	if (mine && errs_get(er, "member"))
		htmlf(o, "<p class=\"error\" id=\"f-member\">%s</p>\n", errs_get(er, "member"));
	form_select(o, &(struct form_field){.name = "enterprise_id", .label = "Virksomhed",
	                                    .value = mine ? s->enterprise_id : "",
	                                    .error = errs_get(er, "enterprise_id")}, eo, neo);
	if (nuo > 1)
		form_select(o, &(struct form_field){.name = "unit_id", .label = "Enhed eller partner",
		                                    .value = mine ? s->unit_id : "",
		                                    .error = errs_get(er, "unit_id")}, uo, nuo);
	form_input(o, &(struct form_field){.name = "name", .label = "Personens navn",
	                                   .value = mine ? s->name : "", .error = errs_get(er, "name"),
	                                   .autocomplete = "off", .maxlength = 200});
	form_input(o, &(struct form_field){.name = "email", .label = "Personens e-mail", .type = "email",
	                                   .value = mine ? s->email : "", .error = errs_get(er, "email"),
	                                   .autocomplete = "off"});
	form_input(o, &(struct form_field){.name = "organisation", .label = "Organisation",
	                                   .value = mine ? s->organisation : "",
	                                   .error = errs_get(er, "organisation"), .maxlength = 200});
	html(o, "</fieldset>\n<div class=\"actions\"><button type=\"submit\">Tilføj medlem</button></div>\n"
	        "</form>\n");
}

static void meetings_table(struct req *r, const struct network *nw, const struct meeting *ms,
                           int n, bool coming, const char *now)
{
	struct buf *o = &r->out;
	int shown = 0;
	for (int i = 0; i < n; i++)
		shown += (strcmp(ms[i].starts_at, now) >= 0) == coming;
	if (shown == 0) {
		htmlf(o, "<p class=\"empty\">%s</p>\n", coming ? "Ingen kommende møder." : "Ingen tidligere møder.");
		return;
	}
	const char *label = coming ? "Kommende møder" : "Tidligere møder";
	table_begin(o, label, NULL);
	htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr><th scope=\"col\">Tid</th>"
	         "<th scope=\"col\">Sted</th><th scope=\"col\">Status</th><th scope=\"col\">Fremmødte</th>"
	         "</tr></thead>\n<tbody>\n", label);
	for (int k = 0; k < n; k++) {
		int i = coming ? k : n - 1 - k;
		if ((strcmp(ms[i].starts_at, now) >= 0) != coming)
			continue;
		htmlf(o, "<tr><td><a href=\"/netvaerk/%lld/moeder/%lld\">%s</a></td><td>%s</td><td>%s</td>"
		         "<td>%d</td></tr>\n",
		      (long long)nw->id, (long long)ms[i].id, when_da(r, ms[i].starts_at),
		      *ms[i].place ? ms[i].place : "–", status_da(ms[i].status), ms[i].present);
	}
	html(o, "</tbody>\n");
	table_end(o);
}

static void meeting_form(struct req *r, const struct network *nw, const struct sent *s)
{
	struct buf *o = &r->out;
	bool mine = s->action && !strcmp(s->action, "meeting_add");
	const struct errs *er = mine ? &r->errs : &(struct errs){0};
	char start[17] = "", end[17] = "";
	bool proposed = !mine && meetings_proposal(r->db, &r->a, r->user, nw->id, start, end);
	htmlf(o, "<form method=\"post\" action=\"/netvaerk/%lld\" class=\"stack\" novalidate>\n",
	      (long long)nw->id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"meeting_add\">\n");
	if (proposed)
		htmlf(o, "<fieldset><legend>Foreslået næste møde</legend>\n<p class=\"hint\">%s efter sidste"
		         " afholdte møde, samme ugedag og tid. Ret det til, og bekræft.</p>\n",
		      cadence_da(r, nw->cadence_months));
	else
		html(o, "<fieldset><legend>Nyt møde</legend>\n");
	form_input(o, &(struct form_field){.name = "starts_at", .label = "Starter", .type = "datetime-local",
	                                   .value = mine ? s->starts_at : start,
	                                   .error = errs_get(er, "starts_at"), .required = true});
	form_input(o, &(struct form_field){.name = "ends_at", .label = "Slutter", .type = "datetime-local",
	                                   .value = mine ? s->ends_at : end, .error = errs_get(er, "ends_at")});
	form_input(o, &(struct form_field){.name = "place", .label = "Sted", .value = mine ? s->place : "",
	                                   .error = errs_get(er, "place"), .maxlength = 300});
	form_textarea(o, &(struct form_field){.name = "agenda", .label = "Dagsorden",
	                                      .value = mine ? s->agenda : "",
	                                      .error = errs_get(er, "agenda")}, 5);
	html(o, "</fieldset>\n<div class=\"actions\"><button type=\"submit\">Opret møde og send"
	        " invitationer</button></div>\n</form>\n");
}

static void feed_section(struct req *r, const struct network *nw, bool writer)
{
	struct buf *o = &r->out;
	html(o, "<h2 id=\"kalender\">Kalender</h2>\n<p>Abonnér på netværkets møder i Outlook eller Google"
	        " Kalender med denne adresse. Alle med adressen kan se møderne, så del den kun med"
	        " netværkets medlemmer.</p>\n");
	const char *path = networks_calendar_path(r, (long long)nw->id, nw->feed_token);
	const char *url = r->host ? arena_printf(&r->a, "%s://%s%s", r->tls ? "https" : "http", r->host, path)
	                          : path;
	htmlf(o, "<p><label for=\"feed-url\">Kalenderens adresse</label>\n"
	         "<input id=\"feed-url\" type=\"text\" readonly value=\"%s\" class=\"wide\"></p>\n", url);
	if (!writer)
		return;
	htmlf(o, "<form method=\"post\" action=\"/netvaerk/%lld\" class=\"stack\">\n", (long long)nw->id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"token\">\n");
	form_checkbox(o, &(struct form_field){.name = "confirm", .label = "Ja, lav en ny adresse; den gamle"
	                                                                  " holder op med at virke",
	                                      .value = "0", .error = errs_get(&r->errs, "confirm")});
	html(o, "<div class=\"actions\"><button type=\"submit\">Nyt kalenderlink</button></div>\n</form>\n");
}

/* the form that changes the network's name, purpose and cadence */
static void edit_section(struct req *r, const struct network *nw, const struct sent *s)
{
	struct buf *o = &r->out;
	bool mine = s->action && !strcmp(s->action, "update");
	const struct errs *er = mine ? &r->errs : &(struct errs){0};
	html(o, "<h2 id=\"ret\">Ret netværket</h2>\n");
	htmlf(o, "<form method=\"post\" action=\"/netvaerk/%lld\" class=\"stack\" novalidate>\n",
	      (long long)nw->id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"update\">\n");
	form_input(o, &(struct form_field){.name = "net_name", .label = "Navn",
	                                   .value = mine ? s->net_name : nw->name,
	                                   .error = errs_get(er, "net_name"), .required = true,
	                                   .maxlength = 200});
	form_textarea(o, &(struct form_field){.name = "net_purpose", .label = "Formål",
	                                      .value = mine ? s->net_purpose : nw->purpose,
	                                      .error = errs_get(er, "net_purpose")}, 4);
	form_input(o, &(struct form_field){.name = "net_cadence", .label = "Måneder mellem møderne",
	                                   .type = "number",
	                                   .value = mine ? s->net_cadence
	                                                 : arena_printf(&r->a, "%d", nw->cadence_months),
	                                   .error = errs_get(er, "net_cadence")});
	html(o, "<div class=\"actions\"><button type=\"submit\">Gem netværket</button></div>\n</form>\n");
}

/* the network's page with status; s what a form was sent with (its errors in r->errs) */
static int show(struct req *r, int status, const struct sent *s)
{
	struct network nw;
	struct network_member *ms;
	struct meeting *mt;
	int nm, nmt;
	int64_t id = req_param_int(r, "id");
	int rc = networks_get(r->db, &r->a, r->user, id, &nw);
	if (rc == 0)
		rc = networks_members(r->db, &r->a, r->user, id, &ms, &nm);
	if (rc == 0)
		rc = meetings_list(r->db, &r->a, r->user, id, &mt, &nmt);
	bool writer = rc == 0 && networks_may_write(r->user, &nw);
	struct form_option *eo = NULL, *uo = NULL;
	int neo = 0, nuo = 0;
	if (rc == 0 && writer)
		rc = enterprise_options(r, nw.kommune, &eo, &neo);
	struct network_member *units = NULL;
	int nunits = 0;
	if (rc == 0 && writer)
		rc = networks_units(r->db, &r->a, r->user, id, &units, &nunits);
	if (rc == 0 && writer) {
		uo = arena_alloc(&r->a, sizeof(*uo) * (size_t)(nunits + 1));
		uo[nuo++] = (struct form_option){"", "Vælg enhed eller partner"};
		for (int i = 0; i < nunits; i++)
			uo[nuo++] = (struct form_option){arena_printf(&r->a, "%lld", (long long)units[i].unit_id),
			                                 units[i].name};
	}
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	page_begin(r, nw.name);
	struct buf *o = &r->out;
	const char *notice = status == 200 ? notice_of(req_query(r, "ok")) : NULL;
	if (notice)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n", notice);
	form_error_summary(o, &r->errs);
	html(o, "<dl class=\"facts\">\n");
	htmlf(o, "<dt>Kommune</dt><dd>%s</dd>\n", nw.kommune_navn ? nw.kommune_navn : "Landsdækkende");
	htmlf(o, "<dt>Kadence</dt><dd>%s</dd>\n", cadence_da(r, nw.cadence_months));
	htmlf(o, "<dt>Formål</dt><dd>%s</dd>\n", *nw.purpose ? nw.purpose : "–");
	html(o, "</dl>\n");
	members_section(r, &nw, writer, ms, nm, s, eo, neo, uo, nuo);
	html(o, "<h2 id=\"moeder\">Møder</h2>\n");
	const char *now = arena_printf(&r->a, "%sT00:00", page_today(r));
	html(o, "<h3>Kommende</h3>\n");
	meetings_table(r, &nw, mt, nmt, true, now);
	html(o, "<h3>Tidligere</h3>\n");
	meetings_table(r, &nw, mt, nmt, false, now);
	if (writer)
		meeting_form(r, &nw, s);
	feed_section(r, &nw, writer);
	if (writer)
		edit_section(r, &nw, s);
	html(o, "<p><a href=\"/netvaerk\">Alle netværk</a></p>\n");
	return page_end(r, status);
}

/* GET /netvaerk/{id} — who may read the network: 404, 403. */
int networks_page_show(struct req *r)
{
	struct sent s = {0};
	return show(r, 200, &s);
}

/* POST /netvaerk/{id} — who may write the network, CSRF. action=member_add (enterprise_id, or
 * name, email, organisation), member_remove (member; confirm=1 removes, else asks),
 * meeting_add (starts_at, ends_at, place, agenda), token (confirm=1). 303 back with the
 * notice; 422 with the page and the form's errors; 404, 403. */
int networks_page_post(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct network nw;
	int rc = networks_get(r->db, &r->a, r->user, id, &nw);
	if (rc == 0 && !networks_may_write(r->user, &nw))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	struct sent s = {.action = req_form(r, "action")};
	const char *action = s.action ? s.action : "";
	const char *ok = NULL;
	long long v;
	if (!strcmp(action, "member_add")) {
		struct network_member m = {0};
		s.enterprise_id = req_form(r, "enterprise_id");
		s.unit_id = req_form(r, "unit_id");
		const char *u = s.unit_id ? text_trim(&r->a, s.unit_id) : "";
		if (*u)
			m.unit_id = text_parse_int(u, 1, 999999999999999LL, &v) == 0 ? v : -1;
		s.name = req_form(r, "name");
		s.email = req_form(r, "email");
		s.organisation = req_form(r, "organisation");
		const char *e = s.enterprise_id ? text_trim(&r->a, s.enterprise_id) : "";
		if (*e)
			m.enterprise_id = text_parse_int(e, 1, 999999999999999LL, &v) == 0 ? v : -1;
		const char *nm = s.name ? text_trim(&r->a, s.name) : "";
		const char *em = s.email ? text_trim(&r->a, s.email) : "";
		if (*nm || *em) {
			m.name = nm;
			m.email = em;
			m.organisation = s.organisation;
		}
		rc = networks_member_add(r->db, &r->a, r->user, id, &m, &r->errs);
		ok = "medlem";
	}
	else if (!strcmp(action, "member_remove")) {
		const char *mid = req_form(r, "member");
		int64_t member = mid && text_parse_int(mid, 1, 999999999999999LL, &v) == 0 ? v : 0;
		if (!req_form(r, "confirm")) {
			s.confirm_member = member;
			return show(r, 200, &s);
		}
		rc = networks_member_remove(r->db, &r->a, r->user, id, member);
		ok = "fjernet";
	}
	else if (!strcmp(action, "meeting_add")) {
		struct meeting m = {.network_id = id};
		m.starts_at = s.starts_at = req_form(r, "starts_at");
		m.ends_at = s.ends_at = req_form(r, "ends_at");
		m.place = s.place = req_form(r, "place");
		m.agenda = s.agenda = req_form(r, "agenda");
		rc = meetings_save(r->db, &r->a, r->user, &m, &r->errs);
		if (rc == 0)
			return reply_redirect(r, arena_printf(&r->a, "/netvaerk/%lld/moeder/%lld?ok=oprettet",
			                                      (long long)id, (long long)m.id));
	}
	else if (!strcmp(action, "update")) {
		struct network n = nw;
		n.name = s.net_name = req_form(r, "net_name");
		n.purpose = s.net_purpose = req_form(r, "net_purpose");
		s.net_cadence = req_form(r, "net_cadence");
		n.cadence_months = number_of(r, s.net_cadence);
		rc = networks_save(r->db, &r->a, r->user, &n, &r->errs);
		/* the form's own names, so the error summary links to these fields */
		for (int k = 0; k < r->errs.n; k++)
			r->errs.e[k].field = !strcmp(r->errs.e[k].field, "name")      ? "net_name"
			                     : !strcmp(r->errs.e[k].field, "purpose") ? "net_purpose"
			                                                              : "net_cadence";
		ok = "gemt";
	}
	else if (!strcmp(action, "token")) {
		if (!req_form(r, "confirm"))
			rc = errs_add(&r->errs, "confirm", "Sæt kryds for at bekræfte, at det gamle link skal holde op med at virke.");
		else
			rc = networks_new_token(r->db, &r->a, r->user, id);
		ok = "link";
	}
	else
		rc = errs_add(&r->errs, "action", "Ukendt handling.");
	if (rc == ERR_INVALID)
		return show(r, 422, &s);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/netvaerk/%lld?ok=%s", (long long)id, ok));
}

/* GET /netvaerk/{id}/kalender.ics?token=SECRET — public (no sign-in): the network's meetings as
 * an iCalendar feed for calendar programs to subscribe to. 404 for a wrong or old token. */
int networks_page_feed(struct req *r)
{
	char *text;
	size_t len;
	int rc = networks_feed(r->db, &r->a, req_param_int(r, "id"), req_query(r, "token"), &text, &len);
	if (rc)
		return page_fail(r, rc, "Kalenderen findes ikke. Linket kan være udskiftet.");
	buf_reset(&r->out);
	buf_append(&r->out, text, len);
	return reply_download(r, "text/calendar; charset=utf-8", NULL);
}

/* ---------------------------------------------------------------- Tabel 8 */

static int stats_year(struct req *r)
{
	long long y;
	const char *s = req_query(r, "year");
	if (s && text_parse_int(s, 1990, 2100, &y) == 0)
		return (int)y;
	const char *today = page_today(r);
	return text_parse_int(arena_strndup(&r->a, today, 4), 1990, 2100, &y) == 0 ? (int)y : 2015;
}

/* GET /statistik/netvaerk?year=Y — public: Tabel 8's figures per municipality (counts only);
 * the staff see their own municipality, the administrator every one with the national
 * networks. */
int networks_page_stats(struct req *r)
{
	int year = stats_year(r);
	const char *scope;
	bool full;
	networks_stats_scope(r->user, &scope, &full);
	struct networks_stats_row *rows;
	int n;
	int rc = networks_stats(r->db, &r->a, year, scope, &rows, &n);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, arena_printf(&r->a, "Netværk %d (Tabel 8)", year));
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Skaber kommunen netværk? Netværk med møder i året, afholdte møder,"
	        " medlemmer efter slags og fremmøde.</p>\n");
	html(o, "<form method=\"get\" action=\"/statistik/netvaerk\" class=\"filter\">\n");
	form_input(o, &(struct form_field){.name = "year", .label = "År", .type = "number",
	                                   .value = arena_printf(&r->a, "%d", year)});
	html(o, "<button type=\"submit\">Vis</button>\n</form>\n");
	htmlf(o, "<p>Hent tallene: <a href=\"/statistik/netvaerk/eksport?year=%d\">CSV</a> · "
	         "<a href=\"/statistik/netvaerk/eksport?format=xlsx&amp;year=%d\">Excel (XLSX)</a></p>\n",
	      year, year);
	int shown = 0;
	for (int i = 0; i < n; i++)
		shown += full || rows[i].kommune != NULL;
	if (shown == 0) {
		html(o, "<p class=\"empty\" role=\"status\">Ingen netværk med møder i året.</p>\n");
		return page_end(r, 200);
	}
	table_begin(o, "Netværk pr. kommune", "numbers");
	html(o, "<caption class=\"visually-hidden\">Netværk pr. kommune</caption>\n<thead><tr>"
	        "<th scope=\"col\">Kommune</th><th scope=\"col\">Netværk</th><th scope=\"col\">Afholdte møder</th>"
	        "<th scope=\"col\">SØV</th><th scope=\"col\">Virksomheder</th>"
	        "<th scope=\"col\">Enheder og partnere</th><th scope=\"col\">Personer</th>"
	        "<th scope=\"col\">Fremmøde</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		if (!full && !rows[i].kommune)
			continue;
		htmlf(o, "<tr><th scope=\"row\">%s</th><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td>"
		         "<td>%d</td><td>%d</td></tr>\n",
		      rows[i].kommune_navn ? rows[i].kommune_navn : "Landsdækkende", rows[i].networks,
		      rows[i].meetings_held, rows[i].members_soev, rows[i].members_company,
		      rows[i].members_unit, rows[i].members_person, rows[i].attendance);
	}
	html(o, "</tbody>\n");
	table_end(o);
	return page_end(r, 200);
}

static const char *const stats_head[] = {"Kommune", "Netværk", "Afholdte møder", "SØV",
                                         "Virksomheder", "Enheder og partnere", "Personer",
                                         "Fremmøde"};

/* the figures as an XLSX workbook into r->out */
static int stats_xlsx(struct req *r, int year, const struct networks_stats_row *rows, int n, bool full)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	lxw_format *bold = workbook_add_format(x.wb);
	format_set_bold(bold);
	lxw_worksheet *ws = workbook_add_worksheet(x.wb, "Tabel 8");
	worksheet_write_string(ws, 0, 0, arena_printf(&r->a, "Netværk %d (Tabel 8)", year), bold);
	for (int c = 0; c < 8; c++)
		worksheet_write_string(ws, 2, (lxw_col_t)c, stats_head[c], bold);
	lxw_row_t row = 3;
	for (int i = 0; i < n; i++) {
		if (!full && !rows[i].kommune)
			continue;
		worksheet_write_string(ws, row, 0, rows[i].kommune_navn ? rows[i].kommune_navn : "Landsdækkende", NULL);
		int vals[] = {rows[i].networks, rows[i].meetings_held, rows[i].members_soev,
		              rows[i].members_company, rows[i].members_unit, rows[i].members_person,
		              rows[i].attendance};
		for (int c = 0; c < 7; c++)
			worksheet_write_number(ws, row, (lxw_col_t)(c + 1), vals[c], NULL);
		row++;
	}
	buf_reset(&r->out);
	return xlsx_close(&x, &r->out, false);
}

/* GET /statistik/netvaerk/eksport?year=Y[&format=xlsx] — the same figures as CSV (';' and BOM;
 * ?sep=,) or as an Excel workbook. */
int networks_download_stats(struct req *r)
{
	int year = stats_year(r);
	const char *scope;
	bool full;
	networks_stats_scope(r->user, &scope, &full);
	struct networks_stats_row *rows;
	int n;
	int rc = networks_stats(r->db, &r->a, year, scope, &rows, &n);
	if (rc)
		return page_fail(r, rc, NULL);
	const char *format = req_query(r, "format");
	if (format && !strcmp(format, "xlsx")) {
		if ((rc = stats_xlsx(r, year, rows, n, full)) != 0)
			return page_fail(r, rc, NULL);
		return reply_download(r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		                      arena_printf(&r->a, "netvaerk-%d.xlsx", year));
	}
	if (format && strcmp(format, "csv"))
		return reply_page_error(r, 400, "Formatet skal være csv eller xlsx.");
	struct csv_out w;
	page_csv_begin(r, &w);
	static const char *const head[] = {"kommune", "kommune_navn", "aar", "netvaerk", "afholdte_moeder",
	                                   "medlemmer_soev", "medlemmer_virksomheder",
	                                   "medlemmer_enheder", "medlemmer_personer", "fremmoede"};
	for (size_t i = 0; i < sizeof(head) / sizeof(head[0]); i++)
		csv_out_field(&w, head[i]);
	csv_out_end(&w);
	for (int i = 0; i < n; i++) {
		if (!full && !rows[i].kommune)
			continue;
		csv_out_field(&w, rows[i].kommune ? rows[i].kommune : "");
		csv_out_field(&w, rows[i].kommune_navn ? rows[i].kommune_navn : "Landsdækkende");
		int vals[] = {year, rows[i].networks, rows[i].meetings_held, rows[i].members_soev,
		              rows[i].members_company, rows[i].members_unit, rows[i].members_person,
		              rows[i].attendance};
		for (size_t k = 0; k < sizeof(vals) / sizeof(vals[0]); k++)
			csv_out_field(&w, arena_printf(&r->a, "%d", vals[k]));
		csv_out_end(&w);
	}
	return reply_download(r, "text/csv; charset=utf-8", arena_printf(&r->a, "netvaerk-%d.csv", year));
}
