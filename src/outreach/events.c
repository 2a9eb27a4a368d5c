/*
 * events.c — the rules of events (arrangementer): validation, who may keep and see them, sign-ups
 * with a capacity and a waiting list, the mails with their iCalendar invitations, attendance and
 * reminders. Layer: capability domain (outreach); the SQL is in events_store.c, the access
 * decision in auth/access.c, the mail goes through the outbox (mail/mail.h) inside the same
 * write transaction as the change that causes it.
 */
#include "events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../mail/mail.h"
#include "../store/db.h"
#include "../view/ical.h"
#include "events_store.h"

const struct events_kind events_kinds[] = {
	{"seminar", "Seminar"},
	{"ivaerksaetterdag", "Iværksætterdag"},
	{"prisuddeling", "Prisuddeling"},
	{"kursus", "Kursus"},
	{"andet", "Andet"},
};
const int events_kinds_count = sizeof(events_kinds) / sizeof(events_kinds[0]);

const char *events_kind_label(const char *kind)
{
	for (int i = 0; kind && i < events_kinds_count; i++)
		if (!strcmp(events_kinds[i].key, kind))
			return events_kinds[i].label;
	return kind ? kind : "";
}

const char *events_public_url(void)
{
	static char url[256];
	static int done;
	if (!done) {
		const char *e = getenv("INDGANG_PUBLIC_URL");
		snprintf(url, sizeof(url), "%s", e && *e ? e : "http://127.0.0.1:8080");
		size_t n = strlen(url);
		while (n > 0 && url[n - 1] == '/')
			url[--n] = '\0';
		done = 1;
	}
	return url;
}

/* now as Danish local time "YYYY-MM-DDTHH:MM" into out: UTC plus the offset (one or two
 * hours) that ical_local_time turns back into the same minute */
static void local_now(char out[17])
{
	time_t now = time(NULL);
	now -= now % 60;
	for (int hours = 2; hours >= 0; hours--) {
		time_t shifted = now + hours * 3600;
		struct tm tm;
		gmtime_r(&shifted, &tm);
		strftime(out, 17, "%Y-%m-%dT%H:%M", &tm);
		time_t back;
		if (hours == 0 || (ical_local_time(out, &back) && back == now))
			return;
	}
}

/* ---------------------------------------------------------------- validation */

/* trimmed s, NULL when empty or NULL */
static const char *opt_null(struct arena *a, const char *s)
{
	const char *t = s ? text_trim(a, s) : NULL;
	return t && *t ? t : NULL;
}

/* a local time "YYYY-MM-DDTHH:MM"; "YYYY-MM-DD HH:MM" (a form's) is accepted and normalised */
static bool local_time_ok(struct arena *a, const char **s)
{
	if (!*s || strlen(*s) != 16)
		return false;
	char *c = arena_strdup(a, *s);
	if (c[10] == ' ')
		c[10] = 'T';
	time_t t;
	if (!ical_local_time(c, &t))
		return false;
	*s = c;
	return true;
}

int events_validate(struct arena *a, struct event *ev, struct errs *errs)
{
	int before = errs->n;
	ev->title = ev->title ? text_trim(a, ev->title) : "";
	if (!*ev->title)
		errs_add(errs, "title", "Skriv arrangementets titel.");
	else if (utf8_len(ev->title) > 200)
		errs_add(errs, "title", "Titlen må højst være på 200 tegn.");
	ev->description = ev->description ? text_trim(a, ev->description) : "";
	if (utf8_len(ev->description) > 10000)
		errs_add(errs, "description", "Beskrivelsen må højst være på 10.000 tegn.");
	if (!ev->kind)
		ev->kind = "andet";
	else if (strcmp(events_kind_label(ev->kind), ev->kind) == 0)
		errs_add(errs, "kind", "Vælg seminar, iværksætterdag, prisuddeling, kursus eller andet.");
	ev->starts_at = opt_null(a, ev->starts_at);
	ev->ends_at = opt_null(a, ev->ends_at);
	bool start_ok = local_time_ok(a, &ev->starts_at), end_ok = local_time_ok(a, &ev->ends_at);
	if (!start_ok)
		errs_add(errs, "starts_at", "Skriv starttidspunktet som ÅÅÅÅ-MM-DDTTT:MM, fx 2015-11-12T09:00.");
	if (!end_ok)
		errs_add(errs, "ends_at", "Skriv sluttidspunktet som ÅÅÅÅ-MM-DDTTT:MM, fx 2015-11-12T15:00.");
	else if (start_ok && strcmp(ev->ends_at, ev->starts_at) < 0)
		errs_add(errs, "ends_at", "Arrangementet kan ikke slutte, før det begynder.");
	ev->place = ev->place ? text_trim(a, ev->place) : "";
	if (!*ev->place)
		errs_add(errs, "place", "Skriv, hvor arrangementet holdes.");
	else if (utf8_len(ev->place) > 300)
		errs_add(errs, "place", "Stedet må højst være på 300 tegn.");
	if (ev->capacity < 0 || ev->capacity > 100000)
		errs_add(errs, "capacity", "Antal pladser skal være et helt tal fra 0 (ingen grænse) til 100.000.");
	ev->signup_deadline = opt_null(a, ev->signup_deadline);
	if (ev->signup_deadline && !text_date_valid(ev->signup_deadline))
		errs_add(errs, "signup_deadline", "Skriv tilmeldingsfristen som ÅÅÅÅ-MM-DD, fx 2015-11-05.");
	else if (ev->signup_deadline && start_ok && strncmp(ev->signup_deadline, ev->starts_at, 10) > 0)
		errs_add(errs, "signup_deadline", "Tilmeldingsfristen ligger efter arrangementet.");
	return errs->n > before ? ERR_INVALID : 0;
}

/* ---------------------------------------------------------------- mails */

/* ERR_CONFLICT with message on field */
static int conflict(struct errs *errs, const char *field, const char *message)
{
	errs_add(errs, field, message);
	return ERR_CONFLICT;
}

static const char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%lld", (long long)id);
}

/* "12. november 2015 kl. 09:00–15:00" (or with the end's date when it is another day) */
static const char *when_text(struct arena *a, const struct event *ev)
{
	const char *day = text_date_dk(a, arena_strndup(a, ev->starts_at, 10));
	if (!strncmp(ev->starts_at, ev->ends_at, 10))
		return arena_printf(a, "%s kl. %s–%s", day, ev->starts_at + 11, ev->ends_at + 11);
	return arena_printf(a, "%s kl. %s til %s kl. %s", day, ev->starts_at + 11,
	                    text_date_dk(a, arena_strndup(a, ev->ends_at, 10)), ev->ends_at + 11);
}

/* the event as iCalendar with method (NULL: a feed) and attendee (NULL: none) */
static char *ics_of(struct arena *a, const struct event *ev, const char *method,
                    const char *attendee, size_t *len)
{
	const char *att[1] = {attendee};
	struct ical_event ie = {
		.uid = arena_printf(a, "event-%lld@indgang", (long long)ev->id),
		.sequence = ev->sequence,
		.start = ev->starts_at,
		.end = ev->ends_at,
		.summary = ev->title,
		.description = ev->description,
		.location = ev->place,
		.url = arena_printf(a, "%s/arrangementer/%lld", events_public_url(), (long long)ev->id),
		.attendees = attendee ? att : NULL,
		.nattendees = attendee ? 1 : 0,
		.cancelled = ev->cancelled_at != NULL,
	};
	return ical_write(a, method, NULL, &ie, 1, len);
}

char *events_ics(struct arena *a, const struct event *ev, size_t *len)
{
	return ics_of(a, ev, NULL, NULL, len);
}

/* a mail to s about ev with body, and the invitation (method REQUEST or CANCEL) when method is
 * set */
static int send(struct db *db, struct arena *a, const struct event *ev,
                const struct event_signup *s, const char *subject, const char *body,
                const char *method)
{
	if (!method)
		return mail_queue(db, ev->kommune, s->email, subject, body);
	size_t len;
	char *ics = ics_of(a, ev, method, s->email, &len);
	if (!ics)
		return ERR_INVALID;
	struct mail_part part = {
		.content_type = !strcmp(method, "CANCEL") ? "text/calendar; method=CANCEL; charset=utf-8"
		                                          : "text/calendar; method=REQUEST; charset=utf-8",
		.filename = "invitation.ics",
		.data = ics,
		.len = len,
	};
	return mail_queue_parts(db, ev->kommune, s->email, subject, body, &part, 1);
}

/* the facts every mail repeats */
static const char *facts(struct arena *a, const struct event *ev)
{
	return arena_printf(a, "%s\nTid: %s\nSted: %s\n", ev->title, when_text(a, ev), ev->place);
}

static int mail_signed_up(struct db *db, struct arena *a, const struct event *ev,
                          const struct event_signup *s, const char *token)
{
	const char *link = arena_printf(a, "%s/arrangementer/%lld/afmeld?token=%s",
	                                events_public_url(), (long long)ev->id, token);
	bool confirmed = !strcmp(s->status, "confirmed");
	const char *subject = arena_printf(a, confirmed ? "Tilmelding bekræftet: %s"
	                                                : "Du er på venteliste: %s", ev->title);
	const char *body = arena_printf(a,
		"Kære %s\n\n%s\n%s\n"
		"Kan du ikke komme, så afmeld dig her, så en anden kan få pladsen:\n%s\n\n"
		"Vi gemmer dit navn og din e-mail til arrangementet og sletter dem bagefter.\n\n"
		"Venlig hilsen\nIndgang\n",
		s->name,
		confirmed ? "Tak for din tilmelding. Du har en plads til:"
		          : "Arrangementet er fuldt. Du står på ventelisten og får besked, hvis der "
		            "bliver en plads til dig:",
		facts(a, ev), link);
	return send(db, a, ev, s, subject, body, confirmed ? "REQUEST" : NULL);
}

static int mail_moved_up(struct db *db, struct arena *a, const struct event *ev,
                         const struct event_signup *s)
{
	return send(db, a, ev, s, arena_printf(a, "Du har fået en plads: %s", ev->title),
	            arena_printf(a, "Kære %s\n\nDer er blevet en plads til dig fra ventelisten:\n%s\n"
	                            "Kan du ikke komme alligevel, så brug linket i din første mail "
	                            "til at afmelde dig.\n\nVenlig hilsen\nIndgang\n",
	                         s->name, facts(a, ev)),
	            "REQUEST");
}

/* ---------------------------------------------------------------- reading */

bool events_may_manage(const struct principal *by, const struct event *ev)
{
	return by && access_collaboration(by, ACC_WRITE, ev->kommune) == 0;
}

bool events_may_see_signups(const struct principal *by, const struct event *ev)
{
	return by && access_collaboration(by, ACC_READ, ev->kommune) == 0;
}

bool events_may_create(const struct principal *by)
{
	return by && (access_national(by) ||
	              (by->kommune && access_collaboration(by, ACC_WRITE, by->kommune) == 0));
}

/* whether by is staff who may read some collaboration */
static bool is_staff(const struct principal *by)
{
	const char *scope;
	return by && access_collaboration_scope(by, &scope) == 0;
}

int events_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
               struct event *out)
{
	struct event ev;
	int rc = events_store_get(db, a, id, &ev);
	if (rc)
		return rc;
	if (!ev.public && !events_may_see_signups(by, &ev))
		return is_staff(by) ? ERR_FORBIDDEN : ERR_NOTFOUND;
	*out = ev;
	return 0;
}

int events_list(struct db *db, struct arena *a, const struct principal *by,
                const struct events_query *q, struct event **items, int *n, int *total)
{
	const char *scope = NULL;
	bool staff = by && access_collaboration_scope(by, &scope) == 0;
	char now[17];
	local_now(now);
	int limit = q->limit < 1 || q->limit > 500 ? 500 : q->limit;
	int offset = q->offset < 0 ? 0 : q->offset;
	return events_store_list(db, a, staff, scope, staff && q->past, now, limit, offset, items, n,
	                         total);
}

/* ---------------------------------------------------------------- writing */

static int audit_event(struct db *db, struct arena *a, const struct principal *by,
                       const char *action, const struct event *ev)
{
	return audit_record(db, by, action, "event", id_text(a, ev->id), ev->kommune,
	                    AUDIT_DETAIL(AUDIT_TEXT("title", ev->title), AUDIT_TEXT("kind", ev->kind),
	                                 AUDIT_TEXT("starts_at", ev->starts_at),
	                                 AUDIT_TEXT("ends_at", ev->ends_at),
	                                 AUDIT_TEXT("place", ev->place), AUDIT_BOOL("public", ev->public),
	                                 AUDIT_INT("capacity", ev->capacity),
	                                 AUDIT_INT("sequence", ev->sequence)));
}

/* moves people up from the waiting list while ev (read fresh) has free places */
static int fill_places(struct db *db, struct arena *a, int64_t event_id)
{
	for (;;) {
		struct event ev;
		int rc = events_store_get(db, a, event_id, &ev);
		if (rc)
			return rc;
		if (ev.cancelled_at || (ev.capacity > 0 && ev.confirmed >= ev.capacity))
			return 0;
		struct event_signup s;
		rc = events_store_first_waiting(db, a, event_id, &s);
		if (rc == ERR_NOTFOUND)
			return 0;
		if (rc == 0)
			rc = events_store_signup_set_status(db, s.id, "confirmed");
		s.status = "confirmed";
		if (rc == 0)
			rc = mail_moved_up(db, a, &ev, &s);
		if (rc == 0)
			rc = audit_record(db, NULL, "move_up", "event_signup", id_text(a, s.id), ev.kommune,
			                  AUDIT_DETAIL(AUDIT_INT("event_id", ev.id)));
		if (rc)
			return rc;
	}
}

/* every active sign-up of ev gets body with the invitation of method */
static int mail_everyone(struct db *db, struct arena *a, const struct event *ev,
                         const char *subject, const char *intro, const char *method)
{
	struct event_signup *list;
	int n;
	int rc = events_store_signups(db, a, ev->id, &list, &n);
	for (int i = 0; rc == 0 && i < n; i++) {
		bool confirmed = !strcmp(list[i].status, "confirmed");
		const char *body = arena_printf(a, "Kære %s\n\n%s\n%s\nVenlig hilsen\nIndgang\n",
		                                list[i].name, intro, facts(a, ev));
		rc = send(db, a, ev, &list[i], subject, body, confirmed ? method : NULL);
	}
	return rc;
}

static int write_event(struct db *db, struct arena *a, const struct principal *by,
                       struct event *ev, struct errs *errs)
{
	struct event old = {0};
	if (ev->id) {
		int rc = events_store_get(db, a, ev->id, &old);
		if (rc)
			return rc;
		if (!events_may_manage(by, &old))
			return ERR_FORBIDDEN;
		if (old.cancelled_at)
			return conflict(errs, "event", "Arrangementet er aflyst og kan ikke ændres.");
		ev->kommune = old.kommune;
		ev->sequence = old.sequence;
	} else if (access_collaboration(by, ACC_WRITE, ev->kommune) != 0) {
		return ERR_FORBIDDEN;
	}
	int rc = events_validate(a, ev, errs);
	if (errs->n > 0)
		return ERR_INVALID;
	bool moved = ev->id && (strcmp(old.starts_at, ev->starts_at) || strcmp(old.ends_at, ev->ends_at) ||
	                        strcmp(old.place, ev->place));
	if (moved)
		ev->sequence++;
	bool creating = ev->id == 0;
	rc = creating ? events_store_insert(db, ev, by ? by->id : 0, &ev->id) : events_store_update(db, ev);
	if (rc == 0)
		rc = audit_event(db, a, by, creating ? "create" : "update", ev);
	if (rc == 0 && !creating)
		rc = fill_places(db, a, ev->id);
	if (rc == 0)
		rc = events_store_get(db, a, ev->id, ev);
	if (rc == 0 && moved)
		rc = mail_everyone(db, a, ev, arena_printf(a, "Ændret: %s", ev->title),
		                   "Tid eller sted for arrangementet er ændret. Sådan ser det ud nu:",
		                   "REQUEST");
	return rc;
}

int events_save(struct db *db, struct arena *a, const struct principal *by, struct event *ev,
                struct errs *errs)
{
	bool creating = ev->id == 0;
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_event(db, a, by, ev, errs));
	if (rc && creating)
		ev->id = 0;
	return rc;
}

int events_cancel(struct db *db, struct arena *a, const struct principal *by, int64_t id)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct event ev;
	rc = events_store_get(db, a, id, &ev);
	if (rc == 0 && !events_may_manage(by, &ev))
		rc = ERR_FORBIDDEN;
	if (rc == 0 && ev.cancelled_at)
		rc = ERR_CONFLICT;
	if (rc == 0)
		rc = events_store_cancel(db, id);
	if (rc == 0)
		rc = events_store_get(db, a, id, &ev);
	if (rc == 0)
		rc = mail_everyone(db, a, &ev, arena_printf(a, "Aflyst: %s", ev.title),
		                   "Arrangementet er desværre aflyst:", "CANCEL");
	if (rc == 0)
		rc = audit_event(db, a, by, "cancel", &ev);
	return db_write_end(db, rc);
}

/* ---------------------------------------------------------------- sign-ups */

static int write_signup(struct db *db, struct arena *a, const struct principal *by,
                        int64_t event_id, const char *name, const char *email,
                        struct errs *errs, struct event_signup *out)
{
	struct event ev;
	int rc = events_get(db, a, by, event_id, &ev);
	if (rc)
		return rc;
	name = name ? text_trim(a, name) : "";
	email = email ? text_lower_ascii(a, text_trim(a, email)) : "";
	if (!*name)
		errs_add(errs, "name", "Skriv dit navn.");
	else if (utf8_len(name) > 200)
		errs_add(errs, "name", "Navnet må højst være på 200 tegn.");
	if (!*email)
		errs_add(errs, "email", "Skriv din e-mailadresse.");
	else if (!text_email_valid(email))
		errs_add(errs, "email", "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.");
	if (errs->n)
		return ERR_INVALID;
	char now[17];
	local_now(now);
	if (ev.cancelled_at)
		return conflict(errs, "event", "Arrangementet er aflyst.");
	if (strcmp(ev.starts_at, now) <= 0 ||
	    (ev.signup_deadline && strncmp(ev.signup_deadline, now, 10) < 0))
		return conflict(errs, "event", "Tilmeldingen er lukket.");
	const char *status = ev.capacity > 0 && ev.confirmed >= ev.capacity ? "waitlist" : "confirmed";
	char token[AUTH_SECRET_LEN + 1];
	auth_random_secret(token);
	int64_t id;
	rc = events_store_signup_insert(db, event_id, name, email, status, auth_secret_hash(a, token), &id);
	if (rc == ERR_CONFLICT)
		return conflict(errs, "email", "Den e-mailadresse er allerede tilmeldt.");
	if (rc == 0)
		rc = events_store_signup_get(db, a, event_id, id, out);
	if (rc == 0)
		rc = mail_signed_up(db, a, &ev, out, token);
	if (rc == 0)
		rc = audit_record(db, by, "signup", "event_signup", id_text(a, id), ev.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("event_id", event_id), AUDIT_TEXT("status", status)));
	return rc;
}

int events_signup(struct db *db, struct arena *a, const struct principal *by, int64_t event_id,
                  const char *name, const char *email, struct errs *errs,
                  struct event_signup *out)
{
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_signup(db, a, by, event_id, name, email, errs, out));
	return rc;
}

/* the active sign-up of event_id with token */
static int by_token(struct db *db, struct arena *a, int64_t event_id, const char *token,
                    struct event_signup *out)
{
	if (!token || strlen(token) != AUTH_SECRET_LEN)
		return ERR_NOTFOUND;
	return events_store_signup_by_token(db, a, event_id, auth_secret_hash(a, token), out);
}

int events_signup_by_token(struct db *db, struct arena *a, int64_t event_id, const char *token,
                           struct event *ev, struct event_signup *out)
{
	int rc = by_token(db, a, event_id, token, out);
	if (rc == 0)
		rc = events_store_get(db, a, event_id, ev);
	return rc;
}

static int write_cancel(struct db *db, struct arena *a, const struct principal *by,
                        int64_t event_id, int64_t signup_id, const char *token)
{
	struct event ev;
	int rc = events_store_get(db, a, event_id, &ev);
	if (rc)
		return rc;
	struct event_signup s;
	if (token) {
		rc = by_token(db, a, event_id, token, &s);
		if (rc == 0 && signup_id && s.id != signup_id)
			rc = ERR_NOTFOUND;
		by = NULL;
	} else {
		if (!events_may_manage(by, &ev))
			return ev.public || is_staff(by) ? ERR_FORBIDDEN : ERR_NOTFOUND;
		rc = events_store_signup_get(db, a, event_id, signup_id, &s);
		if (rc == 0 && !strcmp(s.status, "cancelled"))
			rc = ERR_NOTFOUND;
	}
	if (rc)
		return rc;
	rc = events_store_signup_set_status(db, s.id, "cancelled");
	if (rc == 0)
		rc = send(db, a, &ev, &s, arena_printf(a, "Afmeldt: %s", ev.title),
		          arena_printf(a, "Kære %s\n\nDu er nu afmeldt:\n%s\nVenlig hilsen\nIndgang\n",
		                       s.name, facts(a, &ev)),
		          NULL);
	if (rc == 0)
		rc = audit_record(db, by, "cancel", "event_signup", id_text(a, s.id), ev.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("event_id", event_id), AUDIT_TEXT("from", s.status),
		                               AUDIT_BOOL("by_link", token != NULL)));
	if (rc == 0)
		rc = fill_places(db, a, event_id);
	return rc;
}

int events_signup_cancel(struct db *db, struct arena *a, const struct principal *by,
                         int64_t event_id, int64_t signup_id, const char *token)
{
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_cancel(db, a, by, event_id, signup_id, token));
	return rc;
}

int events_signups(struct db *db, struct arena *a, const struct principal *by, int64_t event_id,
                   struct event_signup **items, int *n)
{
	struct event ev;
	int rc = events_store_get(db, a, event_id, &ev);
	if (rc)
		return rc;
	if (!events_may_see_signups(by, &ev))
		return ev.public || is_staff(by) ? ERR_FORBIDDEN : ERR_NOTFOUND;
	return events_store_signups(db, a, event_id, items, n);
}

int events_set_attended(struct db *db, struct arena *a, const struct principal *by,
                        int64_t event_id, int64_t signup_id, int attended, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct event ev;
	rc = events_store_get(db, a, event_id, &ev);
	if (rc == 0 && !events_may_manage(by, &ev))
		rc = ev.public || is_staff(by) ? ERR_FORBIDDEN : ERR_NOTFOUND;
	if (rc == 0 && attended != 0 && attended != 1)
		rc = errs_add(errs, "attended", "Angiv, om personen kom (true eller false).");
	if (rc == 0)
		rc = events_store_set_attended(db, event_id, signup_id, attended == 1);
	if (rc == 0)
		rc = audit_record(db, by, "attendance", "event_signup", id_text(a, signup_id), ev.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("event_id", event_id),
		                               AUDIT_BOOL("attended", attended)));
	return db_write_end(db, rc);
}

/* ---------------------------------------------------------------- reminders */

int events_remind(struct db *db, struct arena *a, const char *day, int *queued)
{
	*queued = 0;
	if (!text_date_valid(day))
		return ERR_INVALID;
	struct tm tm = {0};
	int y, m, d;
	if (sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return ERR_INVALID;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d + 1;
	tm.tm_hour = 12;
	time_t t = timegm(&tm);
	gmtime_r(&t, &tm);
	char from[17], until[17];
	strftime(from, sizeof(from), "%Y-%m-%dT00:00", &tm);
	t += 24 * 3600;
	gmtime_r(&t, &tm);
	strftime(until, sizeof(until), "%Y-%m-%dT00:00", &tm);
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct events_due *due;
	int n;
	rc = events_store_due(db, a, from, until, &due, &n);
	for (int i = 0; rc == 0 && i < n; i++) {
		struct event ev;
		rc = events_store_get(db, a, due[i].event_id, &ev);
		if (rc == 0)
			rc = send(db, a, &ev, &due[i].s, arena_printf(a, "Påmindelse: %s i morgen", ev.title),
			          arena_printf(a, "Kære %s\n\nVi glæder os til at se dig i morgen:\n%s\n"
			                          "Kan du ikke komme alligevel, så brug linket i din "
			                          "bekræftelse til at afmelde dig.\n\nVenlig hilsen\nIndgang\n",
			                       due[i].s.name, facts(a, &ev)),
			          NULL);
		if (rc == 0)
			rc = events_store_mark_reminded(db, due[i].s.id);
		if (rc == 0)
			rc = audit_record(db, NULL, "remind", "event_signup", id_text(a, due[i].s.id),
			                  ev.kommune, AUDIT_DETAIL(AUDIT_INT("event_id", ev.id)));
		if (rc == 0)
			(*queued)++;
	}
	rc = db_write_end(db, rc);
	if (rc)
		*queued = 0;
	return rc;
}
