/*
 * meetings_web.c — the page of one meeting of a network (/netvaerk/{id}/moeder/{mid}): time,
 * place and agenda, the attendance checklist, the minutes, the action items, and the buttons
 * that mark it held or cancel it. Layer: handlers of the collab capability; the rules are
 * meetings.h's.
 */
#include <string.h>

#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "meetings.h"
#include "networks.h"
#include "networks_web.h"

#define NOT_FOUND "Mødet findes ikke."

static const char *when_da(struct req *r, const char *t)
{
	if (!t || strlen(t) != 16)
		return t ? t : "";
	return arena_printf(&r->a, "%.2s.%.2s.%.4s kl. %.2s.%.2s", t + 8, t + 5, t, t + 11, t + 14);
}

static const char *status_da(const char *s)
{
	if (!strcmp(s, MEETINGS_HELD))
		return "Afholdt";
	if (!strcmp(s, MEETINGS_CANCELLED))
		return "Aflyst";
	return "Planlagt";
}

/* the meeting of the path when it belongs to the network of the path */
static int meeting_of(struct req *r, struct meeting *m)
{
	int rc = meetings_get(r->db, &r->a, r->user, req_param_int(r, "mid"), m);
	if (rc == 0 && m->network_id != req_param_int(r, "id"))
		rc = ERR_NOTFOUND;
	return rc;
}

/* what the forms were sent with */
struct sent {
	const char *action;
	const char *starts_at, *ends_at, *place, *agenda, *minutes, *title, *due, *owner;
	bool confirm_cancel;
};

static const char *err_of(struct req *r, const struct sent *s, const char *action, const char *field)
{
	return s->action && !strcmp(s->action, action) ? errs_get(&r->errs, field) : NULL;
}

static void form_open(struct req *r, const struct meeting *m, const char *action)
{
	htmlf(&r->out, "<form method=\"post\" action=\"/netvaerk/%lld/moeder/%lld\" class=\"stack\" novalidate>\n",
	      (long long)m->network_id, (long long)m->id);
	form_csrf(&r->out, r->csrf);
	htmlf(&r->out, "<input type=\"hidden\" name=\"action\" value=\"%s\">\n", action);
}

static void attendance_section(struct req *r, const struct meeting *m, bool writer,
                               const struct meeting_attendee *at, int n, const char *error)
{
	struct buf *o = &r->out;
	html(o, "<h2 id=\"fremmoede\">Tilmelding og fremmøde</h2>\n");
	if (error) /* the error summary links here */
		htmlf(o, "<p class=\"error\" id=\"f-present\">%s</p>\n", error);
	if (n == 0) {
		html(o, "<p class=\"empty\">Netværket har ingen medlemmer.</p>\n");
		return;
	}
	bool editable = writer && strcmp(m->status, MEETINGS_CANCELLED) != 0;
	if (editable)
		form_open(r, m, "attendance");
	table_begin(o, "Fremmøde", NULL);
	html(o, "<caption class=\"visually-hidden\">Fremmøde</caption>\n<thead><tr><th scope=\"col\">Medlem</th>"
	        "<th scope=\"col\">Tilmeldt</th><th scope=\"col\">Mødt</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		htmlf(o, "<tr><th scope=\"row\">%s</th>", at[i].name);
		if (editable) {
			/* named by aria-label: a visually hidden label would widen the page on a phone */
			htmlf(o, "<td><input type=\"checkbox\" name=\"signed_up\" value=\"%lld\" id=\"s-%lld\"%s"
			         " aria-label=\"%s er tilmeldt\"></td>",
			      (long long)at[i].member_id, (long long)at[i].member_id,
			      at[i].signed_up ? " checked" : "", at[i].name);
			htmlf(o, "<td><input type=\"checkbox\" name=\"present\" value=\"%lld\" id=\"p-%lld\"%s"
			         " aria-label=\"%s mødte op\"></td></tr>\n",
			      (long long)at[i].member_id, (long long)at[i].member_id,
			      at[i].present == 1 ? " checked" : "", at[i].name);
		}
		else
			htmlf(o, "<td>%s</td><td>%s</td></tr>\n", at[i].signed_up ? "Ja" : "Nej",
			      at[i].present == 1 ? "Ja" : at[i].present == 0 ? "Nej" : "–");
	}
	html(o, "</tbody>\n");
	table_end(o);
	if (editable)
		html(o, "<p class=\"hint\">Fremmøde kan registreres fra mødedagen.</p>\n"
		        "<div class=\"actions\"><button type=\"submit\">Gem tilmelding og fremmøde</button></div>\n"
		        "</form>\n");
}

static void actions_section(struct req *r, const struct meeting *m, bool writer,
                            const struct meeting_action *ac, int n,
                            const struct meeting_attendee *at, int nat, const struct sent *s)
{
	struct buf *o = &r->out;
	html(o, "<h2 id=\"opgaver\">Opgaver</h2>\n");
	if (n == 0)
		html(o, "<p class=\"empty\">Ingen opgaver fra mødet.</p>\n");
	else {
		table_begin(o, "Opgaver", NULL);
		html(o, "<caption class=\"visually-hidden\">Opgaver</caption>\n<thead><tr><th scope=\"col\">Opgave</th>"
		        "<th scope=\"col\">Ansvarlig</th><th scope=\"col\">Frist</th><th scope=\"col\">Status</th>"
		        "</tr></thead>\n<tbody>\n");
		for (int i = 0; i < n; i++) {
			bool done = !strcmp(ac[i].status, "done");
			htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>", ac[i].title,
			      *ac[i].owner_name ? ac[i].owner_name : "–",
			      ac[i].due ? text_date_dk(&r->a, ac[i].due) : "–");
			if (writer) {
				htmlf(o, "<form method=\"post\" action=\"/netvaerk/%lld/moeder/%lld\">",
				      (long long)m->network_id, (long long)m->id);
				form_csrf(o, r->csrf);
				htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"action_status\">"
				         "<input type=\"hidden\" name=\"item\" value=\"%lld\">"
				         "<input type=\"hidden\" name=\"status\" value=\"%s\">%s "
				         "<button type=\"submit\" class=\"link\">%s</button></form>",
				      (long long)ac[i].id, done ? "open" : "done", done ? "Udført" : "Åben",
				      done ? "Genåbn" : "Markér udført");
			}
			else
				htmlf(o, "%s", done ? "Udført" : "Åben");
			html(o, "</td></tr>\n");
		}
		html(o, "</tbody>\n");
		table_end(o);
	}
	if (!writer)
		return;
	struct form_option *opts = arena_alloc(&r->a, sizeof(*opts) * (size_t)(nat + 1));
	opts[0] = (struct form_option){"", "Ingen valgt"};
	int no = 1;
	for (int i = 0; i < nat; i++)
		opts[no++] = (struct form_option){arena_printf(&r->a, "%lld", (long long)at[i].member_id),
		                                  at[i].name};
	bool mine = s->action && !strcmp(s->action, "action_add");
	form_open(r, m, "action_add");
	html(o, "<fieldset><legend>Ny opgave</legend>\n");
	form_input(o, &(struct form_field){.name = "title", .label = "Opgave", .value = mine ? s->title : "",
	                                   .error = err_of(r, s, "action_add", "title"), .required = true,
	                                   .maxlength = 300});
	form_select(o, &(struct form_field){.name = "owner_member_id", .label = "Ansvarlig",
	                                    .value = mine ? s->owner : "",
	                                    .error = err_of(r, s, "action_add", "owner_member_id")},
	            opts, no);
	form_input(o, &(struct form_field){.name = "due", .label = "Frist", .type = "date",
	                                   .value = mine ? s->due : "",
	                                   .error = err_of(r, s, "action_add", "due")});
	html(o, "</fieldset>\n<div class=\"actions\"><button type=\"submit\">Tilføj opgave</button></div>\n</form>\n");
}

static void change_section(struct req *r, const struct meeting *m, const struct sent *s)
{
	struct buf *o = &r->out;
	bool mine = s->action && !strcmp(s->action, "update");
	html(o, "<h2 id=\"aendr\">Ændr mødet</h2>\n<p class=\"hint\">Ændres tid, sted eller dagsorden, får"
	        " medlemmerne en opdateret invitation.</p>\n");
	form_open(r, m, "update");
	form_input(o, &(struct form_field){.name = "starts_at", .label = "Starter", .type = "datetime-local",
	                                   .value = mine ? s->starts_at : m->starts_at,
	                                   .error = err_of(r, s, "update", "starts_at"), .required = true});
	form_input(o, &(struct form_field){.name = "ends_at", .label = "Slutter", .type = "datetime-local",
	                                   .value = mine ? s->ends_at : m->ends_at,
	                                   .error = err_of(r, s, "update", "ends_at")});
	form_input(o, &(struct form_field){.name = "place", .label = "Sted", .value = mine ? s->place : m->place,
	                                   .error = err_of(r, s, "update", "place"), .maxlength = 300});
	form_textarea(o, &(struct form_field){.name = "agenda", .label = "Dagsorden",
	                                      .value = mine ? s->agenda : m->agenda,
	                                      .error = err_of(r, s, "update", "agenda")}, 5);
	html(o, "<div class=\"actions\"><button type=\"submit\">Gem og send opdatering</button></div>\n</form>\n");
	if (strcmp(m->status, MEETINGS_HELD) != 0) {
		form_open(r, m, "held");
		html(o, "<div class=\"actions\"><button type=\"submit\">Markér som afholdt</button></div>\n</form>\n");
	}
	if (s->confirm_cancel) {
		const char *self = arena_printf(&r->a, "/netvaerk/%lld/moeder/%lld", (long long)m->network_id,
		                                (long long)m->id);
		const struct form_hidden hidden[] = {{"action", "cancel"}, {"confirm", "1"}};
		form_confirm(o, &(struct form_confirm){
			.before = "Vil du aflyse mødet? Medlemmerne får besked, og mødet kan ikke genoptages.",
			.action = self, .csrf = r->csrf, .hidden = hidden, .nhidden = 2,
			.yes = "Ja, aflys mødet", .back = arena_printf(&r->a, "%s#aendr", self)});
	}
	else {
		form_open(r, m, "cancel");
		html(o, "<div class=\"actions\"><button type=\"submit\">Aflys mødet</button></div>\n</form>\n");
	}
}

static int show(struct req *r, int status, const struct sent *s)
{
	struct meeting m;
	struct network nw;
	struct meeting_attendee *at;
	struct meeting_action *ac;
	int nat = 0, nac = 0;
	int rc = meeting_of(r, &m);
	if (rc == 0)
		rc = networks_get(r->db, &r->a, r->user, m.network_id, &nw);
	if (rc == 0)
		rc = meetings_attendees(r->db, &r->a, r->user, m.id, &at, &nat);
	if (rc == 0)
		rc = meetings_actions(r->db, &r->a, r->user, m.id, &ac, &nac);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	bool writer = networks_may_write(r->user, &nw);
	page_begin(r, arena_printf(&r->a, "Møde %s", when_da(r, m.starts_at)));
	struct buf *o = &r->out;
	const char *ok = status == 200 ? req_query(r, "ok") : NULL;
	if (ok)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n",
		      !strcmp(ok, "oprettet") ? "Mødet er oprettet, og invitationerne er lagt i udbakken."
		      : !strcmp(m.status, MEETINGS_CANCELLED) ? "Mødet er aflyst, og medlemmerne har fået besked."
		                                              : "Mødet er gemt.");
	form_error_summary(o, &r->errs);
	html(o, "<dl class=\"facts\">\n");
	htmlf(o, "<dt>Netværk</dt><dd><a href=\"/netvaerk/%lld\">%s</a></dd>\n", (long long)nw.id, nw.name);
	htmlf(o, "<dt>Tid</dt><dd>%s%s%s</dd>\n", when_da(r, m.starts_at), m.ends_at ? " – " : "",
	      m.ends_at ? when_da(r, m.ends_at) : "");
	htmlf(o, "<dt>Sted</dt><dd>%s</dd>\n", *m.place ? m.place : "–");
	htmlf(o, "<dt>Status</dt><dd>%s</dd>\n", status_da(m.status));
	html(o, "</dl>\n<h2>Dagsorden</h2>\n");
	htmlf(o, "<p class=\"description\">%s</p>\n", *m.agenda ? m.agenda : "Ingen dagsorden endnu.");
	attendance_section(r, &m, writer, at, nat, err_of(r, s, "attendance", "present"));
	html(o, "<h2 id=\"referat\">Referat</h2>\n");
	if (writer && !strcmp(m.status, MEETINGS_HELD)) {
		form_open(r, &m, "minutes");
		form_textarea(o, &(struct form_field){.name = "minutes", .label = "Referat",
		                                      .value = s->minutes ? s->minutes : m.minutes,
		                                      .error = err_of(r, s, "minutes", "minutes")}, 8);
		html(o, "<div class=\"actions\"><button type=\"submit\">Gem referat</button></div>\n</form>\n");
	}
	else if (*m.minutes)
		htmlf(o, "<p class=\"description\">%s</p>\n", m.minutes);
	else
		html(o, "<p class=\"empty\">Referatet skrives, når mødet er afholdt.</p>\n");
	actions_section(r, &m, writer, ac, nac, at, nat, s);
	if (writer && strcmp(m.status, MEETINGS_CANCELLED) != 0)
		change_section(r, &m, s);
	return page_end(r, status);
}

/* GET /netvaerk/{id}/moeder/{mid} — who may read the network: 404, 403. */
int meetings_page_show(struct req *r)
{
	struct sent s = {0};
	return show(r, 200, &s);
}

/* the values of the repeated checkbox name as member ids; whether id is among them */
static bool checked(struct req *r, const char *name, int64_t id)
{
	const char *vals[512];
	int n = kv_all(r->form, name, vals, 512);
	for (int i = 0; i < n && i < 512; i++) {
		long long v;
		if (text_parse_int(vals[i], 1, 999999999999999LL, &v) == 0 && v == id)
			return true;
	}
	return false;
}

/* POST /netvaerk/{id}/moeder/{mid} — who may write the network, CSRF. action=attendance
 * (signed_up, present: the checked member ids), minutes, held, cancel (confirm=1, else asks),
 * update (starts_at, ends_at, place, agenda), action_add (title, owner_member_id, due),
 * action_status (item, status). 303 back; 422 with the page and the errors at the form. */
int meetings_page_post(struct req *r)
{
	struct meeting m;
	struct network nw;
	int rc = meeting_of(r, &m);
	if (rc == 0)
		rc = networks_get(r->db, &r->a, r->user, m.network_id, &nw);
	if (rc == 0 && !networks_may_write(r->user, &nw))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	struct sent s = {.action = req_form(r, "action")};
	const char *action = s.action ? s.action : "";
	const char *anchor = "";
	if (!strcmp(action, "attendance")) {
		struct meeting_attendee *at;
		int nat;
		rc = meetings_attendees(r->db, &r->a, r->user, m.id, &at, &nat);
		bool today_or_later = strncmp(m.starts_at, page_today(r), 10) <= 0;
		int64_t *ids = arena_alloc(&r->a, sizeof(*ids) * (size_t)(nat + 1));
		int *signed_up = arena_alloc(&r->a, sizeof(*signed_up) * (size_t)(nat + 1));
		int *present = arena_alloc(&r->a, sizeof(*present) * (size_t)(nat + 1));
		for (int i = 0; rc == 0 && i < nat; i++) {
			ids[i] = at[i].member_id;
			signed_up[i] = checked(r, "signed_up", at[i].member_id);
			/* before the meeting's day presence is left alone, unless someone is ticked:
			 * then the rule answers */
			present[i] = today_or_later || checked(r, "present", at[i].member_id)
			                 ? checked(r, "present", at[i].member_id)
			                 : -1;
		}
		if (rc == 0)
			rc = meetings_attendance_all(r->db, &r->a, r->user, m.id, ids, signed_up, present, nat,
			                             page_today(r), &r->errs);
		anchor = "#fremmoede";
	}
	else if (!strcmp(action, "minutes")) {
		m.minutes = s.minutes = req_form(r, "minutes");
		rc = meetings_save(r->db, &r->a, r->user, &m, &r->errs);
		anchor = "#referat";
	}
	else if (!strcmp(action, "held")) {
		m.status = MEETINGS_HELD;
		rc = meetings_save(r->db, &r->a, r->user, &m, &r->errs);
		if (rc == 0) /* the network's page proposes the next meeting */
			return reply_redirect(r, arena_printf(&r->a, "/netvaerk/%lld?ok=afholdt#moeder",
			                                      (long long)m.network_id));
	}
	else if (!strcmp(action, "cancel")) {
		if (!req_form(r, "confirm")) {
			s.confirm_cancel = true;
			return show(r, 200, &s);
		}
		m.status = MEETINGS_CANCELLED;
		rc = meetings_save(r->db, &r->a, r->user, &m, &r->errs);
	}
	else if (!strcmp(action, "update")) {
		m.starts_at = s.starts_at = req_form(r, "starts_at");
		m.ends_at = s.ends_at = req_form(r, "ends_at");
		m.place = s.place = req_form(r, "place");
		m.agenda = s.agenda = req_form(r, "agenda");
		rc = meetings_save(r->db, &r->a, r->user, &m, &r->errs);
	}
	else if (!strcmp(action, "action_add")) {
		struct meeting_action x = {.meeting_id = m.id};
		long long v;
		x.title = s.title = req_form(r, "title");
		x.due = s.due = req_form(r, "due");
		s.owner = req_form(r, "owner_member_id");
		if (s.owner && *s.owner)
			x.owner_member_id = text_parse_int(s.owner, 1, 999999999999999LL, &v) == 0 ? v : -1;
		rc = meetings_action_save(r->db, &r->a, r->user, &x, &r->errs);
		anchor = "#opgaver";
	}
	else if (!strcmp(action, "action_status")) {
		struct meeting_action *ac;
		int nac;
		long long item = 0;
		const char *it = req_form(r, "item");
		if (!it || text_parse_int(it, 1, 999999999999999LL, &item) != 0)
			item = 0;
		rc = meetings_actions(r->db, &r->a, r->user, m.id, &ac, &nac);
		struct meeting_action *x = NULL;
		for (int i = 0; rc == 0 && i < nac && !x; i++)
			if (ac[i].id == item)
				x = &ac[i];
		if (rc == 0 && !x)
			rc = ERR_NOTFOUND;
		if (rc == 0) {
			x->status = req_form(r, "status");
			if (!x->status)
				x->status = "";
			rc = meetings_action_save(r->db, &r->a, r->user, x, &r->errs);
		}
		anchor = "#opgaver";
	}
	else
		rc = errs_add(&r->errs, "action", "Ukendt handling.");
	if (rc == ERR_INVALID)
		return show(r, 422, &s);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/netvaerk/%lld/moeder/%lld?ok=gemt%s",
	                                      (long long)m.network_id, (long long)m.id, anchor));
}
