/*
 * events_web.c — the pages of events (arrangementer): the list, one event with its sign-up form
 * (public events) or its sign-ups, waiting list and attendance (staff), the form to create and
 * change an event, calling it off, the CSV of sign-ups, the .ics download and the cancellation
 * page a person reaches from the link in their mail (no sign-in).
 * Layer: handlers of the outreach capability. Who may see and do what is asked of events.h
 * (which asks auth/access.h); these pages only read the request and render.
 */
#include "events_web.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../http/ratelimit.h"
#include "../kommune/kommune.h"
#include "events.h"

#define LIST_PAGE 25
#define SIGNUP_RATE_PER_MINUTE 10
#define CONSENT "Vi gemmer dit navn og din e-mail for at kunne sende dig bekræftelse, påmindelse " \
                "og eventuelle ændringer om arrangementet. Oplysningerne bruges ikke til andet og " \
                "slettes, når arrangementet er overstået."

/* "12. november 2015 kl. 09:00–15:00" */
static const char *when_text(struct req *r, const struct event *ev)
{
	const char *day = text_date_dk(&r->a, arena_strndup(&r->a, ev->starts_at, 10));
	if (!strncmp(ev->starts_at, ev->ends_at, 10))
		return arena_printf(&r->a, "%s kl. %s–%s", day, ev->starts_at + 11, ev->ends_at + 11);
	return arena_printf(&r->a, "%s kl. %s til %s kl. %s", day, ev->starts_at + 11,
	                    text_date_dk(&r->a, arena_strndup(&r->a, ev->ends_at, 10)),
	                    ev->ends_at + 11);
}

static const char *who_text(const struct event *ev)
{
	return ev->public ? "Offentligt" : "Kun for medarbejdere";
}

/* ---------------------------------------------------------------- the list */

void events_home_list(struct req *r)
{
	struct events_query q = {.limit = 3};
	struct event *items;
	int n, total;
	if (events_list(r->db, &r->a, NULL, &q, &items, &n, &total) != 0 || n == 0)
		return;
	struct buf *o = &r->out;
	html(o, "<h2>Kommende arrangementer</h2>\n<ul class=\"events\">\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<li><a href=\"/arrangementer/%lld\">%s</a>: %s, %s</li>\n",
		      (long long)items[i].id, items[i].title, when_text(r, &items[i]), items[i].place);
	html(o, "</ul>\n<p><a href=\"/arrangementer\">Alle arrangementer</a></p>\n");
}

/* GET /arrangementer — everyone: the upcoming public events; staff also their municipality's
 * staff events and the national ones, with ?past=1 the past ones. Paginated. */
int events_page_list(struct req *r)
{
	const char *past = req_query(r, "past");
	bool with_past = past && !strcmp(past, "1");
	struct events_query q = {.past = with_past, .limit = page_limit(r, LIST_PAGE, 500),
	                         .offset = page_offset(r)};
	struct event *items;
	int n, total;
	int rc = events_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	const char *scope;
	bool staff = r->user && access_collaboration_scope(r->user, &scope) == 0;
	page_begin(r, "Arrangementer");
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Seminarer, iværksætterdage, prisuddelinger og kurser om "
	        "socialøkonomi. Tilmeld dig de offentlige arrangementer her; du behøver ikke en "
	        "konto.</p>\n");
	if (events_may_create(r->user))
		html(o, "<p><a class=\"button\" href=\"/arrangementer/ny\">Nyt arrangement</a></p>\n");
	if (staff)
		htmlf(o, "<p><a href=\"/arrangementer%s\">%s</a></p>\n", with_past ? "" : "?past=1",
		      with_past ? "Vis kun kommende arrangementer" : "Vis også afholdte arrangementer");
	if (n == 0) {
		html(o, "<p class=\"empty\" role=\"status\">Der er ingen kommende arrangementer lige nu.</p>\n");
		return page_end(r, 200);
	}
	table_begin(o, "Arrangementer", NULL);
	html(o, "<caption class=\"visually-hidden\">Arrangementer</caption>\n<thead><tr>"
	        "<th scope=\"col\">Arrangement</th><th scope=\"col\">Tid</th><th scope=\"col\">Sted</th>"
	        "<th scope=\"col\">Type</th><th scope=\"col\">For</th>");
	if (staff)
		html(o, "<th scope=\"col\">Tilmeldte</th>");
	html(o, "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct event *ev = &items[i];
		htmlf(o, "<tr><td><a href=\"/arrangementer/%lld\">%s</a>%s</td><td>%s</td><td>%s</td>"
		         "<td>%s</td><td>%s</td>",
		      (long long)ev->id, ev->title, ev->cancelled_at ? " (aflyst)" : "", when_text(r, ev),
		      ev->place, events_kind_label(ev->kind), who_text(ev));
		if (staff && events_may_see_signups(r->user, ev))
			htmlf(o, "<td>%d%s</td>", ev->confirmed,
			      ev->waitlist ? arena_printf(&r->a, " + %d på venteliste", ev->waitlist) : "");
		else if (staff)
			html(o, "<td></td>");
		html(o, "</tr>\n");
	}
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, "/arrangementer", with_past ? "&past=1" : "", q.offset, q.limit, total);
	return page_end(r, 200);
}

/* ---------------------------------------------------------------- the form */

/* the event form with ev's values and r->errs; action its target */
static int event_form(struct req *r, const struct event *ev, const char *action, int status)
{
	page_begin(r, ev->id ? "Ret arrangement" : "Nyt arrangement");
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	htmlf(o, "<form method=\"post\" action=\"%s\" novalidate>\n", action);
	form_csrf(o, r->csrf);
	if (!ev->id && access_national(r->user)) {
		struct kommune *ks;
		int nk;
		if (kommune_list(r->db, &r->a, &ks, &nk) == 0) {
			struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nk + 1));
			ko[0] = (struct form_option){"", "Hele landet (alle kommuner)"};
			for (int i = 0; i < nk; i++)
				ko[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
			form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune",
			                                    .value = ev->kommune ? ev->kommune : "",
			                                    .error = errs_get(&r->errs, "kommune")},
			            ko, nk + 1);
		}
	}
	form_input(o, &(struct form_field){.name = "title", .label = "Titel", .value = ev->title,
	                                   .error = errs_get(&r->errs, "title"), .required = true,
	                                   .maxlength = 200});
	struct form_option kinds[8];
	for (int i = 0; i < events_kinds_count; i++)
		kinds[i] = (struct form_option){events_kinds[i].key, events_kinds[i].label};
	form_select(o, &(struct form_field){.name = "kind", .label = "Type", .value = ev->kind,
	                                    .error = errs_get(&r->errs, "kind")},
	            kinds, events_kinds_count);
	form_input(o, &(struct form_field){.name = "starts_at", .label = "Begynder",
	                                   .type = "datetime-local", .value = ev->starts_at,
	                                   .hint = "Dansk tid, fx 2015-11-12T09:00.",
	                                   .error = errs_get(&r->errs, "starts_at"), .required = true});
	form_input(o, &(struct form_field){.name = "ends_at", .label = "Slutter",
	                                   .type = "datetime-local", .value = ev->ends_at,
	                                   .error = errs_get(&r->errs, "ends_at"), .required = true});
	form_input(o, &(struct form_field){.name = "place", .label = "Sted", .value = ev->place,
	                                   .error = errs_get(&r->errs, "place"), .required = true,
	                                   .maxlength = 300});
	form_textarea(o, &(struct form_field){.name = "description", .label = "Beskrivelse",
	                                      .value = ev->description,
	                                      .error = errs_get(&r->errs, "description")}, 6);
	form_checkbox(o, &(struct form_field){.name = "public", .label = "Offentligt: alle kan se og tilmelde sig",
	                                      .value = ev->public ? "1" : "0"});
	form_input(o, &(struct form_field){.name = "capacity", .label = "Antal pladser",
	                                   .type = "number", .hint = "0 betyder ingen grænse.",
	                                   .value = arena_printf(&r->a, "%d", ev->capacity < 0 ? 0 : ev->capacity),
	                                   .error = errs_get(&r->errs, "capacity")});
	form_input(o, &(struct form_field){.name = "signup_deadline", .label = "Tilmeldingsfrist",
	                                   .type = "date", .value = ev->signup_deadline,
	                                   .hint = "Den sidste dag man kan tilmelde sig (valgfri).",
	                                   .error = errs_get(&r->errs, "signup_deadline")});
	html(o, "<button type=\"submit\">Gem arrangement</button>\n</form>\n");
	return page_end(r, status);
}

/* the form's fields over ev */
static void read_form(struct req *r, struct event *ev)
{
	ev->title = req_form(r, "title");
	ev->kind = req_form(r, "kind");
	ev->starts_at = req_form(r, "starts_at");
	ev->ends_at = req_form(r, "ends_at");
	ev->place = req_form(r, "place");
	ev->description = req_form(r, "description");
	const char *pub = req_form(r, "public");
	ev->public = pub && !strcmp(pub, "1");
	const char *cap = text_trim(&r->a, req_form(r, "capacity"));
	long long c = 0;
	if (cap && *cap && text_parse_int(cap, 0, 100000, &c) != 0) {
		errs_add(&r->errs, "capacity", "Antal pladser skal være et helt tal fra 0 (ingen grænse) til 100.000.");
		c = 0;
	}
	ev->capacity = (int)c;
	ev->signup_deadline = req_form(r, "signup_deadline");
}

/* GET /arrangementer/ny — who may create events (access_collaboration ACC_WRITE). */
int events_page_new(struct req *r)
{
	if (!events_may_create(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct event ev = {.kind = "seminar", .kommune = r->user->kommune};
	return event_form(r, &ev, "/arrangementer", 200);
}

/* POST /arrangementer — CSRF; ACC_WRITE for the municipality (the administrator chooses one or
 * none: national). 303 to the event; 422 the form again. */
int events_page_create(struct req *r)
{
	struct event ev = {0};
	if (access_national(r->user)) {
		const char *k = req_form(r, "kommune");
		ev.kommune = k && *k ? k : NULL;
	} else {
		ev.kommune = r->user->kommune;
	}
	read_form(r, &ev);
	int rc = events_save(r->db, &r->a, r->user, &ev, &r->errs);
	if (rc == ERR_INVALID)
		return event_form(r, &ev, "/arrangementer", 422);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/arrangementer/%lld?ok=oprettet", (long long)ev.id));
}

/* GET /arrangementer/{id}/rediger — who may write the event. */
int events_page_edit(struct req *r)
{
	struct event ev;
	int rc = events_get(r->db, &r->a, r->user, req_param_int(r, "id"), &ev);
	if (rc == 0 && !events_may_manage(r->user, &ev))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, "Arrangementet findes ikke.");
	return event_form(r, &ev, arena_printf(&r->a, "/arrangementer/%lld", (long long)ev.id), 200);
}

/* POST /arrangementer/{id} — CSRF; who may write the event. A new time or place sends everyone
 * signed up the update. 303; 422; 409 when cancelled. */
int events_page_update(struct req *r)
{
	struct event ev;
	int rc = events_get(r->db, &r->a, r->user, req_param_int(r, "id"), &ev);
	if (rc == 0 && !events_may_manage(r->user, &ev))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, "Arrangementet findes ikke.");
	read_form(r, &ev);
	rc = events_save(r->db, &r->a, r->user, &ev, &r->errs);
	if (rc == ERR_INVALID)
		return event_form(r, &ev, arena_printf(&r->a, "/arrangementer/%lld", (long long)ev.id), 422);
	if (rc)
		return page_fail(r, rc, "Arrangementet findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/arrangementer/%lld?ok=gemt", (long long)ev.id));
}

/* ---------------------------------------------------------------- one event */

static const char *notice_of(const char *ok)
{
	static const struct {
		const char *key, *text;
	} notices[] = {
		{"oprettet", "Arrangementet er oprettet."},
		{"gemt", "Ændringerne er gemt. Tilmeldte får besked, hvis tid eller sted er ændret."},
		{"confirmed", "Tak for din tilmelding. Du får en bekræftelse på e-mail."},
		{"waitlist", "Arrangementet er fuldt. Du står på ventelisten og får besked på e-mail, "
		             "hvis der bliver en plads."},
		{"aflyst", "Arrangementet er aflyst, og alle tilmeldte har fået besked."},
		{"fremmoede", "Fremmødet er gemt."},
		{"afmeldt", "Tilmeldingen er slettet."},
	};
	for (size_t i = 0; ok && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (!strcmp(notices[i].key, ok))
			return notices[i].text;
	return NULL;
}

/* the public sign-up form, with what the person typed and the errors */
static void signup_form(struct req *r, const struct event *ev)
{
	struct buf *o = &r->out;
	html(o, "<h2 id=\"tilmelding\">Tilmelding</h2>\n");
	if (ev->cancelled_at) {
		html(o, "<p>Arrangementet er aflyst.</p>\n");
		return;
	}
	if (ev->capacity > 0 && ev->confirmed >= ev->capacity)
		html(o, "<p>Arrangementet er fuldt. Tilmelder du dig, kommer du på ventelisten.</p>\n");
	form_error_summary(o, &r->errs);
	htmlf(o, "<form method=\"post\" action=\"/arrangementer/%lld/tilmeld\" novalidate>\n",
	      (long long)ev->id);
	form_csrf(o, r->csrf);
	form_input(o, &(struct form_field){.name = "name", .label = "Navn", .value = req_form(r, "name"),
	                                   .error = errs_get(&r->errs, "name"), .required = true,
	                                   .autocomplete = "name", .maxlength = 200});
	form_input(o, &(struct form_field){.name = "email", .label = "E-mail", .type = "email",
	                                   .value = req_form(r, "email"),
	                                   .error = errs_get(&r->errs, "email"), .required = true,
	                                   .autocomplete = "email", .maxlength = 254});
	htmlf(o, "<p class=\"hint\">%s</p>\n", CONSENT);
	html(o, "<button type=\"submit\">Tilmeld</button>\n</form>\n");
}

/* the staff's view: sign-ups with attendance, the waiting list, and the actions */
static void staff_part(struct req *r, const struct event *ev)
{
	struct buf *o = &r->out;
	struct event_signup *list;
	int n;
	if (events_signups(r->db, &r->a, r->user, ev->id, &list, &n) != 0)
		return;
	bool manage = events_may_manage(r->user, ev);
	if (manage && !ev->cancelled_at)
		htmlf(o, "<p class=\"actions\"><a class=\"button\" href=\"/arrangementer/%lld/rediger\">Ret "
		         "arrangement</a> <a href=\"/arrangementer/%lld/aflys\">Aflys arrangementet</a></p>\n",
		      (long long)ev->id, (long long)ev->id);
	htmlf(o, "<h2>Tilmeldte (%d)</h2>\n", ev->confirmed);
	htmlf(o, "<p><a href=\"/arrangementer/%lld/tilmeldte.csv\">Hent tilmeldte som CSV</a></p>\n",
	      (long long)ev->id);
	if (ev->confirmed == 0) {
		html(o, "<p class=\"empty\">Ingen har tilmeldt sig endnu.</p>\n");
	} else {
		if (manage)
			htmlf(o, "<form method=\"post\" action=\"/arrangementer/%lld/fremmoede\">\n",
			      (long long)ev->id);
		if (manage)
			form_csrf(o, r->csrf);
		table_begin(o, "Tilmeldte", NULL);
		html(o, "<caption class=\"visually-hidden\">Tilmeldte</caption>\n<thead><tr>"
		        "<th scope=\"col\">Navn</th><th scope=\"col\">E-mail</th>"
		        "<th scope=\"col\">Kom</th>");
		if (manage)
			html(o, "<th scope=\"col\">Afmeld</th>");
		html(o, "</tr></thead>\n<tbody>\n");
		for (int i = 0; i < n; i++) {
			if (strcmp(list[i].status, "confirmed"))
				continue;
			htmlf(o, "<tr><td>%s</td><td>%s</td><td>", list[i].name, list[i].email);
			if (manage)
				htmlf(o, "<input type=\"checkbox\" name=\"attended\" value=\"%lld\" id=\"a-%lld\"%s>"
				         " <label for=\"a-%lld\">Kom</label>",
				      (long long)list[i].id, (long long)list[i].id, list[i].attended ? " checked" : "",
				      (long long)list[i].id);
			else
				html_text(o, list[i].attended ? "Ja" : "Nej");
			html(o, "</td>");
			if (manage)
				htmlf(o, "<td><a href=\"/arrangementer/%lld/tilmeldte/%lld/slet\">Afmeld %s</a></td>",
				      (long long)ev->id, (long long)list[i].id, list[i].name);
			html(o, "</tr>\n");
		}
		html(o, "</tbody>\n");
		table_end(o);
		if (manage)
			html(o, "<button type=\"submit\">Gem fremmøde</button>\n</form>\n");
	}
	htmlf(o, "<h2>Venteliste (%d)</h2>\n", ev->waitlist);
	if (ev->waitlist == 0) {
		html(o, "<p class=\"empty\">Ingen står på ventelisten.</p>\n");
		return;
	}
	html(o, "<ol class=\"waitlist\">\n");
	for (int i = 0; i < n; i++)
		if (!strcmp(list[i].status, "waitlist")) {
			htmlf(o, "<li>%s (%s)", list[i].name, list[i].email);
			if (manage)
				htmlf(o, " <a href=\"/arrangementer/%lld/tilmeldte/%lld/slet\">Afmeld %s</a>",
				      (long long)ev->id, (long long)list[i].id, list[i].name);
			html(o, "</li>\n");
		}
	html(o, "</ol>\n");
}

/* the page of one event with status */
static int show(struct req *r, const struct event *ev, int status)
{
	page_begin(r, ev->title);
	struct buf *o = &r->out;
	const char *notice = notice_of(req_query(r, "ok"));
	if (notice)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n", notice);
	if (ev->cancelled_at)
		html(o, "<p class=\"notice\" role=\"status\"><strong>Arrangementet er aflyst.</strong></p>\n");
	html(o, "<dl class=\"facts\">\n");
	htmlf(o, "<dt>Tid</dt><dd>%s</dd>\n<dt>Sted</dt><dd>%s</dd>\n<dt>Type</dt><dd>%s</dd>\n",
	      when_text(r, ev), ev->place, events_kind_label(ev->kind));
	htmlf(o, "<dt>Arrangør</dt><dd>%s</dd>\n<dt>For</dt><dd>%s</dd>\n",
	      ev->kommune_navn ? arena_printf(&r->a, "%s Kommune", ev->kommune_navn) : "Indgang (landsdækkende)",
	      who_text(ev));
	if (ev->capacity > 0)
		htmlf(o, "<dt>Pladser</dt><dd>%d, heraf %d ledige</dd>\n", ev->capacity,
		      ev->capacity > ev->confirmed ? ev->capacity - ev->confirmed : 0);
	if (ev->signup_deadline)
		htmlf(o, "<dt>Tilmeldingsfrist</dt><dd>%s</dd>\n", text_date_dk(&r->a, ev->signup_deadline));
	html(o, "</dl>\n");
	if (*ev->description)
		htmlf(o, "<p class=\"description\">%s</p>\n", ev->description);
	htmlf(o, "<p><a href=\"/arrangementer/%lld/kalender.ics\">Føj til kalender (.ics)</a></p>\n",
	      (long long)ev->id);
	if (events_may_see_signups(r->user, ev))
		staff_part(r, ev);
	if (ev->public || events_may_see_signups(r->user, ev))
		signup_form(r, ev);
	html(o, "<p><a href=\"/arrangementer\">Alle arrangementer</a></p>\n");
	return page_end(r, status);
}

/* GET /arrangementer/{id} — a public event for everyone; a staff event for its municipality's
 * staff (404 the public, 403 other staff). */
int events_page_show(struct req *r)
{
	struct event ev;
	int rc = events_get(r->db, &r->a, r->user, req_param_int(r, "id"), &ev);
	if (rc)
		return page_fail(r, rc, "Arrangementet findes ikke.");
	return show(r, &ev, 200);
}

/* POST /arrangementer/{id}/tilmeld — CSRF; public for a public event (limited per address),
 * staff for a staff event. name, email. 303 to the event with the result; 422 the page again
 * with the errors at the fields; 409 (already signed up, closed) the page with the message. */
int events_page_signup(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	if (!ratelimit_allow("event_signup", r->remote_ip, SIGNUP_RATE_PER_MINUTE, 60))
		return page_fail(r, ERR_BUSY, NULL);
	struct event_signup s;
	int rc = events_signup(r->db, &r->a, r->user, id, req_form(r, "name"), req_form(r, "email"),
	                       &r->errs, &s);
	if (rc == ERR_INVALID || (rc == ERR_CONFLICT && r->errs.n)) {
		struct event ev;
		if (events_get(r->db, &r->a, r->user, id, &ev) == 0)
			return show(r, &ev, rc == ERR_INVALID ? 422 : 409);
	}
	if (rc)
		return page_fail(r, rc, "Arrangementet findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/arrangementer/%lld?ok=%s#tilmelding",
	                                      (long long)id, s.status));
}

/* GET /arrangementer/{id}/aflys — who may write the event: the confirmation to call it off. */
int events_page_cancel_confirm(struct req *r)
{
	struct event ev;
	int rc = events_get(r->db, &r->a, r->user, req_param_int(r, "id"), &ev);
	if (rc == 0 && !events_may_manage(r->user, &ev))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, "Arrangementet findes ikke.");
	page_begin(r, "Aflys arrangement");
	form_confirm(&r->out, &(struct form_confirm){
		.before = "Vil du aflyse ", .name = ev.title,
		.after = arena_printf(&r->a, " (%s)? Alle %d tilmeldte og %d på ventelisten får besked på "
		                      "e-mail, og aflysningen kan ikke fortrydes.", when_text(r, &ev),
		                      ev.confirmed, ev.waitlist),
		.action = arena_printf(&r->a, "/arrangementer/%lld/aflys", (long long)ev.id), .csrf = r->csrf,
		.yes = "Ja, aflys arrangementet",
		.back = arena_printf(&r->a, "/arrangementer/%lld", (long long)ev.id), .back_label = "Nej, tilbage"});
	return page_end(r, 200);
}

/* POST /arrangementer/{id}/aflys — CSRF; who may write the event. 303; 409 when cancelled. */
int events_page_cancel(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct event ev;
	int rc = events_get(r->db, &r->a, r->user, id, &ev);
	if (rc == 0)
		rc = events_cancel(r->db, &r->a, r->user, id);
	if (rc)
		return page_fail(r, rc, "Arrangementet findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/arrangementer/%lld?ok=aflyst", (long long)id));
}

/* POST /arrangementer/{id}/fremmoede — CSRF; who may write the event. attended=<sign-up id>
 * for each who came; every other confirmed sign-up is marked as not come. 303. */
int events_page_attendance(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct event_signup *list;
	int n;
	int rc = events_signups(r->db, &r->a, r->user, id, &list, &n);
	const char *came[1000];
	int ncame = rc == 0 ? kv_all(r->form, "attended", came, 1000) : 0;
	if (ncame > 1000)
		ncame = 1000;
	for (int i = 0; rc == 0 && i < n; i++) {
		if (strcmp(list[i].status, "confirmed"))
			continue;
		const char *sid = arena_printf(&r->a, "%lld", (long long)list[i].id);
		int on = 0;
		for (int k = 0; k < ncame && !on; k++)
			on = came[k] && !strcmp(came[k], sid);
		if (on != list[i].attended)
			rc = events_set_attended(r->db, &r->a, r->user, id, list[i].id, on, &r->errs);
	}
	if (rc)
		return page_fail(r, rc, "Arrangementet findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/arrangementer/%lld?ok=fremmoede", (long long)id));
}

/* GET /arrangementer/{id}/tilmeldte/{signup}/slet — who may write the event: the confirmation
 * to cancel one sign-up. 404 for no such active sign-up. */
int events_page_signup_remove_confirm(struct req *r)
{
	int64_t id = req_param_int(r, "id"), sid = req_param_int(r, "signup");
	struct event ev;
	struct event_signup *list;
	int n;
	int rc = events_get(r->db, &r->a, r->user, id, &ev);
	if (rc == 0 && !events_may_manage(r->user, &ev))
		rc = ERR_FORBIDDEN;
	if (rc == 0)
		rc = events_signups(r->db, &r->a, r->user, id, &list, &n);
	const struct event_signup *s = NULL;
	for (int i = 0; rc == 0 && i < n && !s; i++)
		if (list[i].id == sid)
			s = &list[i];
	if (rc == 0 && !s)
		rc = ERR_NOTFOUND;
	if (rc)
		return page_fail(r, rc, "Tilmeldingen findes ikke.");
	page_begin(r, "Afmeld deltager");
	form_confirm(&r->out, &(struct form_confirm){
		.before = "Vil du afmelde ", .name = s->name,
		.after = arena_printf(&r->a, " (%s) fra %s? Personen får besked på e-mail%s.", s->email,
		                      ev.title,
		                      strcmp(s->status, "confirmed") ? ""
		                                                     : ", og den første på ventelisten får pladsen"),
		.action = arena_printf(&r->a, "/arrangementer/%lld/tilmeldte/%lld/slet", (long long)id,
		                       (long long)sid),
		.csrf = r->csrf, .yes = "Ja, afmeld",
		.back = arena_printf(&r->a, "/arrangementer/%lld", (long long)id), .back_label = "Nej, tilbage"});
	return page_end(r, 200);
}

/* POST /arrangementer/{id}/tilmeldte/{signup}/slet — CSRF; who may write the event: cancels
 * the sign-up and moves the first on the waiting list up. 303. */
int events_page_signup_remove(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	int rc = events_signup_cancel(r->db, &r->a, r->user, id, req_param_int(r, "signup"), NULL);
	if (rc)
		return page_fail(r, rc, "Tilmeldingen findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/arrangementer/%lld?ok=afmeldt", (long long)id));
}

/* GET /arrangementer/{id}/tilmeldte.csv — the event's municipality's staff: the sign-ups (name,
 * e-mail, status, came, signed up), ';' and a BOM, ?sep=, for machines. */
int events_page_csv(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct event_signup *list;
	int n;
	int rc = events_signups(r->db, &r->a, r->user, id, &list, &n);
	if (rc)
		return page_fail(r, rc, "Arrangementet findes ikke.");
	struct csv_out w;
	page_csv_begin(r, &w);
	static const char *const head[] = {"navn", "email", "status", "kom", "tilmeldt"};
	for (size_t i = 0; i < sizeof(head) / sizeof(head[0]); i++)
		csv_out_field(&w, head[i]);
	csv_out_end(&w);
	for (int i = 0; i < n; i++) {
		csv_out_field(&w, list[i].name);
		csv_out_field(&w, list[i].email);
		csv_out_field(&w, !strcmp(list[i].status, "confirmed") ? "tilmeldt" : "venteliste");
		csv_out_field(&w, list[i].attended ? "ja" : "nej");
		csv_out_field(&w, list[i].created_at);
		csv_out_end(&w);
	}
	return reply_download(r, "text/csv; charset=utf-8",
	                      arena_printf(&r->a, "tilmeldte-%lld.csv", (long long)id));
}

/* GET /arrangementer/{id}/kalender.ics — whoever may see the event: it as an iCalendar file. */
int events_page_ics(struct req *r)
{
	struct event ev;
	int rc = events_get(r->db, &r->a, r->user, req_param_int(r, "id"), &ev);
	if (rc)
		return page_fail(r, rc, "Arrangementet findes ikke.");
	size_t len;
	char *ics = events_ics(&r->a, &ev, &len);
	if (!ics)
		return page_fail(r, ERR_DB, NULL);
	buf_reset(&r->out);
	buf_append(&r->out, ics, len);
	return reply_download(r, "text/calendar; charset=utf-8",
	                      arena_printf(&r->a, "arrangement-%lld.ics", (long long)ev.id));
}

/* ---------------------------------------------------------------- the link in the mail */

/* GET /arrangementer/{id}/afmeld?token= — public: the sign-up the link belongs to, with a
 * button to cancel it (a GET changes nothing, so a mail scanner following links does not
 * cancel). 404 for a wrong or used link. */
int events_page_unsubscribe(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	const char *token = req_query(r, "token");
	struct event ev;
	struct event_signup s;
	int rc = events_signup_by_token(r->db, &r->a, id, token, &ev, &s);
	if (rc)
		return page_fail(r, rc, "Linket er ikke gyldigt, eller tilmeldingen er allerede afmeldt.");
	page_begin(r, "Afmeld dig");
	const struct form_hidden hidden[] = {{"token", token}};
	/* the link back leads to the event's page where the public may see it, else to the list */
	form_confirm(&r->out, &(struct form_confirm){
		.before = "Vil du afmelde ", .name = s.name,
		.after = arena_printf(&r->a, " fra %s (%s)?", ev.title, when_text(r, &ev)),
		.action = arena_printf(&r->a, "/arrangementer/%lld/afmeld", (long long)id), .csrf = r->csrf,
		.hidden = hidden, .nhidden = 1, .yes = "Ja, afmeld mig",
		.back = ev.public ? arena_printf(&r->a, "/arrangementer/%lld", (long long)id) : "/arrangementer"});
	return page_end(r, 200);
}

/* POST /arrangementer/{id}/afmeld — public, CSRF; token. Cancels the sign-up the token
 * belongs to and moves the first on the waiting list up. 200 with a receipt; 404. */
int events_page_unsubscribe_post(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	const char *token = req_form(r, "token");
	int rc = token ? events_signup_cancel(r->db, &r->a, NULL, id, 0, token) : ERR_NOTFOUND;
	if (rc)
		return page_fail(r, rc, "Linket er ikke gyldigt, eller tilmeldingen er allerede afmeldt.");
	page_begin(r, "Du er afmeldt");
	html(&r->out, "<p>Tak for besked. Du er afmeldt, og du får en kvittering på e-mail.</p>\n"
	              "<p><a href=\"/arrangementer\">Se andre arrangementer</a></p>\n");
	return page_end(r, 200);
}
