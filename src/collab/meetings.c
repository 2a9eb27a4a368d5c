/*
 * meetings.c — the rules of a network's meetings: validation, the invitations through the
 * outbox with an iCalendar part (view/ical.h), sign-up and attendance, minutes, action items
 * and their reminders, and the next meeting the cadence proposes. Layer: capability domain
 * (collab); the SQL is in networks_store.c, access is the network's (access_collaboration).
 */
#include "meetings.h"

#include <stdio.h>
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
#include "networks.h"
#include "networks_store.h"

const char *meetings_uid(struct arena *a, int64_t id)
{
	return arena_printf(a, "meeting-%lld@indgang", (long long)id);
}

static const char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%lld", (long long)id);
}

/* s trimmed, "" for NULL */
static const char *trimmed(struct arena *a, const char *s)
{
	return s ? text_trim(a, s) : "";
}

/* "2015-11-12T09:00" as "12.11.2015 kl. 09:00" */
static const char *time_da(struct arena *a, const char *t)
{
	if (!t || strlen(t) != 16)
		return t ? t : "";
	return arena_printf(a, "%.2s.%.2s.%.4s kl. %.5s", t + 8, t + 5, t, t + 11);
}

/* the network of meeting m (or of m->network_id for a new one), and whether by may do op */
static int network_of(struct db *db, struct arena *a, const struct principal *by,
                      int64_t network_id, enum access_op op, struct network *n)
{
	int rc = networks_store_get(db, a, network_id, n);
	if (rc)
		return rc;
	return access_collaboration(by, op, n->kommune) != 0 ? ERR_FORBIDDEN : 0;
}

/* ---------------------------------------------------------------- invitations */

/* one message per current member with an e-mail: method REQUEST or CANCEL for meeting m of
 * network n, each with the calendar as its alternative part */
static int send_invitations(struct db *db, struct arena *a, const struct principal *by,
                            const struct network *n, const struct meeting *m, const char *method,
                            const char *what)
{
	struct network_member *ms;
	int nm;
	int rc = networks_store_members(db, a, n->id, 0, &ms, &nm);
	if (rc)
		return rc;
	const char **to = arena_alloc(a, sizeof(*to) * (size_t)(nm > 0 ? nm : 1));
	int nto = 0;
	for (int i = 0; i < nm; i++)
		if (ms[i].email && *ms[i].email && text_email_valid(ms[i].email))
			to[nto++] = ms[i].email;
	if (nto == 0)
		return 0;
	struct ical_event ev = {
		.uid = meetings_uid(a, m->id), .sequence = m->sequence,
		.start = m->starts_at, .end = m->ends_at, .summary = n->name,
		.description = *m->agenda ? m->agenda : NULL, .location = *m->place ? m->place : NULL,
		.organizer_name = by && by->name && *by->name ? by->name : NULL,
		.organizer_email = by && by->email && text_email_valid(by->email) ? by->email : NULL,
		.attendees = to, .nattendees = nto,
		.cancelled = !strcmp(method, "CANCEL"),
	};
	size_t len;
	char *ics = ical_write(a, method, NULL, &ev, 1, &len);
	if (!ics)
		return ERR_INVALID;
	struct mail_part part = {
		.content_type = !strcmp(method, "CANCEL") ? "text/calendar; method=CANCEL; charset=utf-8"
		                                          : "text/calendar; method=REQUEST; charset=utf-8",
		.filename = "invitation.ics", .data = ics, .len = len,
	};
	const char *subject = arena_printf(a, "%s: %s %s", what, n->name, time_da(a, m->starts_at));
	const char *body = arena_printf(
		a, "%s: møde i netværket %s.\n\nTid: %s%s%s\nSted: %s\n\nDagsorden:\n%s\n", what, n->name,
		time_da(a, m->starts_at), m->ends_at ? " til " : "", m->ends_at ? m->ends_at + 11 : "",
		*m->place ? m->place : "(ikke angivet)", *m->agenda ? m->agenda : "(følger)");
	for (int i = 0; rc == 0 && i < nto; i++)
		rc = mail_queue_parts(db, n->kommune, to[i], subject, body, &part, 1);
	return rc;
}

/* ---------------------------------------------------------------- meetings */

static bool status_valid(const char *s)
{
	return s && (!strcmp(s, MEETINGS_PLANNED) || !strcmp(s, MEETINGS_HELD) ||
	             !strcmp(s, MEETINGS_CANCELLED));
}

static void check_meeting(struct arena *a, struct meeting *m, struct errs *errs)
{
	time_t ts = 0, te = 0;
	m->starts_at = trimmed(a, m->starts_at);
	if (!*m->starts_at || strlen(m->starts_at) != 16 || !ical_local_time(m->starts_at, &ts))
		errs_add(errs, "starts_at", "Skriv mødets start som ÅÅÅÅ-MM-DDTTT:MM, fx 2015-11-12T09:00.");
	m->ends_at = m->ends_at ? text_trim(a, m->ends_at) : NULL;
	if (m->ends_at && !*m->ends_at)
		m->ends_at = NULL;
	if (m->ends_at && (strlen(m->ends_at) != 16 || !ical_local_time(m->ends_at, &te)))
		errs_add(errs, "ends_at", "Skriv mødets slut som ÅÅÅÅ-MM-DDTTT:MM, fx 2015-11-12T11:00.");
	else if (m->ends_at && ts && te <= ts)
		errs_add(errs, "ends_at", "Mødet skal slutte efter, det begynder.");
	m->place = trimmed(a, m->place);
	if (utf8_len(m->place) > 300)
		errs_add(errs, "place", "Stedet må højst være på 300 tegn.");
	m->agenda = trimmed(a, m->agenda);
	if (utf8_len(m->agenda) > 20000)
		errs_add(errs, "agenda", "Dagsordenen må højst være på 20.000 tegn.");
	m->minutes = trimmed(a, m->minutes);
	if (utf8_len(m->minutes) > 20000)
		errs_add(errs, "minutes", "Referatet må højst være på 20.000 tegn.");
	if (!m->status)
		m->status = MEETINGS_PLANNED;
	else if (!status_valid(m->status))
		errs_add(errs, "status", "Status skal være planned (planlagt), held (afholdt) eller cancelled (aflyst).");
	if (*m->minutes && status_valid(m->status) && strcmp(m->status, MEETINGS_HELD) != 0)
		errs_add(errs, "minutes", "Der kan kun skrives referat af et afholdt møde.");
}

/* whether the invited see a difference between old and m */
static bool changed_for_invited(const struct meeting *old, const struct meeting *m)
{
	const char *oe = old->ends_at ? old->ends_at : "", *ne = m->ends_at ? m->ends_at : "";
	return strcmp(old->starts_at, m->starts_at) || strcmp(oe, ne) || strcmp(old->place, m->place) ||
	       strcmp(old->agenda, m->agenda);
}

static int write_meeting(struct db *db, struct arena *a, const struct principal *by,
                         struct meeting *m, struct errs *errs)
{
	struct meeting old = {0};
	bool creating = m->id == 0;
	int rc;
	if (!creating) {
		if ((rc = networks_store_meeting_get(db, a, m->id, &old)) != 0)
			return rc;
		m->network_id = old.network_id;
	}
	struct network n;
	if ((rc = network_of(db, a, by, m->network_id, ACC_WRITE, &n)) != 0)
		return rc;
	check_meeting(a, m, errs);
	if (!creating && !strcmp(old.status, MEETINGS_CANCELLED) && errs->n == 0 &&
	    (changed_for_invited(&old, m) || strcmp(m->status, MEETINGS_CANCELLED) != 0))
		errs_add(errs, "status", "Et aflyst møde kan ikke ændres; opret et nyt.");
	if (creating && !strcmp(m->status, MEETINGS_CANCELLED))
		errs_add(errs, "status", "Et nyt møde kan ikke være aflyst.");
	if (errs->n > 0)
		return ERR_INVALID;
	const char *method = NULL, *what = NULL;
	if (creating) {
		m->sequence = 0;
		rc = networks_store_meeting_insert(db, m, &m->id);
		method = "REQUEST";
		what = "Invitation";
	}
	else {
		m->sequence = old.sequence;
		bool cancel = strcmp(old.status, MEETINGS_CANCELLED) != 0 &&
		              !strcmp(m->status, MEETINGS_CANCELLED);
		if (cancel) {
			m->sequence++;
			method = "CANCEL";
			what = "Aflyst";
		}
		else if (changed_for_invited(&old, m)) {
			m->sequence++;
			method = "REQUEST";
			what = "Ændret";
		}
		rc = networks_store_meeting_update(db, m);
	}
	if (rc == 0)
		rc = audit_record(db, by, creating ? "create" : "update", "meeting", id_text(a, m->id),
		                  n.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("network_id", n.id),
		                               AUDIT_TEXT("starts_at", m->starts_at),
		                               AUDIT_TEXT("place", m->place), AUDIT_TEXT("status", m->status),
		                               AUDIT_INT("sequence", m->sequence)));
	if (rc == 0 && method)
		rc = send_invitations(db, a, by, &n, m, method, what);
	if (rc == 0)
		rc = networks_store_meeting_get(db, a, m->id, m);
	return rc;
}

int meetings_save(struct db *db, struct arena *a, const struct principal *by, struct meeting *m,
                  struct errs *errs)
{
	bool creating = m->id == 0;
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_meeting(db, a, by, m, errs));
	if (rc && creating)
		m->id = 0;
	return rc;
}

int meetings_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                 struct meeting *out)
{
	struct meeting m;
	int rc = networks_store_meeting_get(db, a, id, &m);
	if (rc)
		return rc;
	if (access_collaboration(by, ACC_READ, m.kommune) != 0)
		return ERR_FORBIDDEN;
	*out = m;
	return 0;
}

int meetings_list(struct db *db, struct arena *a, const struct principal *by,
                  int64_t network_id, struct meeting **items, int *n)
{
	struct network nw;
	int rc = network_of(db, a, by, network_id, ACC_READ, &nw);
	if (rc)
		return rc;
	return networks_store_meetings(db, a, network_id, items, n);
}

/* ---------------------------------------------------------------- attendance */

int meetings_attendees(struct db *db, struct arena *a, const struct principal *by,
                       int64_t meeting_id, struct meeting_attendee **items, int *n)
{
	struct meeting m;
	int rc = meetings_get(db, a, by, meeting_id, &m);
	if (rc)
		return rc;
	return networks_store_attendees(db, a, meeting_id, m.network_id, items, n);
}

static int write_attendance(struct db *db, struct arena *a, const struct principal *by,
                            int64_t meeting_id, int64_t member_id, int signed_up, int present,
                            const char *today, struct errs *errs)
{
	struct meeting m;
	int rc = networks_store_meeting_get(db, a, meeting_id, &m);
	if (rc)
		return rc;
	if (access_collaboration(by, ACC_WRITE, m.kommune) != 0)
		return ERR_FORBIDDEN;
	struct network_member mb;
	rc = member_id > 0 ? networks_store_member(db, a, m.network_id, member_id, &mb) : ERR_NOTFOUND;
	if (rc == ERR_NOTFOUND)
		errs_add(errs, "member_id", "Vælg et medlem af netværket.");
	else if (rc)
		return rc;
	if (present >= 0 && !strcmp(m.status, MEETINGS_CANCELLED))
		errs_add(errs, "present", "Mødet er aflyst: der er ikke noget fremmøde at registrere.");
	else if (present >= 0 && today && strncmp(m.starts_at, today, 10) > 0)
		errs_add(errs, "present", "Fremmøde kan først registreres på mødedagen.");
	if (signed_up < 0 && present < 0)
		errs_add(errs, "present", "Angiv tilmelding (signed_up) eller fremmøde (present).");
	if (errs->n > 0)
		return ERR_INVALID;
	rc = networks_store_attendance_set(db, meeting_id, member_id, signed_up, present);
	if (rc == 0)
		rc = audit_record(db, by, "attendance", "meeting", id_text(a, meeting_id), m.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("member_id", member_id),
		                               AUDIT_INT("signed_up", signed_up), AUDIT_INT("present", present)));
	return rc;
}

int meetings_attendance(struct db *db, struct arena *a, const struct principal *by,
                        int64_t meeting_id, int64_t member_id, int signed_up, int present,
                        const char *today, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_attendance(db, a, by, meeting_id, member_id, signed_up, present,
		                                       today, errs));
	return rc;
}

int meetings_attendance_all(struct db *db, struct arena *a, const struct principal *by,
                            int64_t meeting_id, const int64_t *members, const int *signed_up,
                            const int *present, int n, const char *today, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	for (int i = 0; rc == 0 && i < n; i++) {
		struct errs one = {0};
		rc = write_attendance(db, a, by, meeting_id, members[i], signed_up[i], present[i], today, &one);
		if (rc == ERR_INVALID && one.n == 1 && errs_get(&one, "member_id"))
			rc = 0; /* a former member: kept as recorded */
		else if (rc == ERR_INVALID)
			for (int k = 0; k < one.n; k++)
				errs_add(errs, one.e[k].field, one.e[k].message);
	}
	return db_write_end(db, rc);
}

/* ---------------------------------------------------------------- action items */

static int write_action(struct db *db, struct arena *a, const struct principal *by,
                        struct meeting_action *x, struct errs *errs)
{
	bool creating = x->id == 0;
	int rc;
	if (!creating) {
		struct meeting_action old;
		if ((rc = networks_store_action_get(db, a, x->id, &old)) != 0)
			return rc;
		x->meeting_id = old.meeting_id;
		if (!x->status)
			x->status = old.status;
	}
	struct meeting m;
	if ((rc = networks_store_meeting_get(db, a, x->meeting_id, &m)) != 0)
		return rc;
	if (access_collaboration(by, ACC_WRITE, m.kommune) != 0)
		return ERR_FORBIDDEN;
	x->title = trimmed(a, x->title);
	if (!*x->title)
		errs_add(errs, "title", "Skriv, hvad der skal gøres.");
	else if (utf8_len(x->title) > 300)
		errs_add(errs, "title", "Opgaven må højst være på 300 tegn.");
	if (x->owner_member_id && x->owner_user_id)
		errs_add(errs, "owner", "Vælg én ansvarlig: et medlem eller en bruger.");
	else if (x->owner_member_id) {
		struct network_member mb;
		rc = x->owner_member_id > 0
		         ? networks_store_member(db, a, m.network_id, x->owner_member_id, &mb)
		         : ERR_NOTFOUND;
		if (rc == ERR_NOTFOUND)
			errs_add(errs, "owner_member_id", "Vælg et medlem af netværket.");
		else if (rc)
			return rc;
	}
	else if (x->owner_user_id) {
		int exists = 0;
		if (networks_store_user_exists(db, x->owner_user_id, m.kommune, &exists) != 0)
			return ERR_DB;
		if (!exists)
			errs_add(errs, "owner_user_id", "Vælg en aktiv bruger i kommunen.");
	}
	x->due = x->due ? text_trim(a, x->due) : NULL;
	if (x->due && !*x->due)
		x->due = NULL;
	if (x->due && !text_date_valid(x->due))
		errs_add(errs, "due", "Skriv fristen som ÅÅÅÅ-MM-DD, fx 2016-01-15.");
	if (!x->status)
		x->status = "open";
	else if (strcmp(x->status, "open") && strcmp(x->status, "done"))
		errs_add(errs, "status", "Status skal være open (åben) eller done (udført).");
	if (errs->n > 0)
		return ERR_INVALID;
	rc = creating ? networks_store_action_insert(db, x, &x->id) : networks_store_action_update(db, x);
	if (rc == 0)
		rc = audit_record(db, by, creating ? "action_add" : "action_update", "meeting",
		                  id_text(a, x->meeting_id), m.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("action_id", x->id), AUDIT_TEXT("title", x->title),
		                               AUDIT_TEXT("due", x->due), AUDIT_TEXT("status", x->status)));
	if (rc == 0)
		rc = networks_store_action_get(db, a, x->id, x);
	return rc;
}

int meetings_action_save(struct db *db, struct arena *a, const struct principal *by,
                         struct meeting_action *x, struct errs *errs)
{
	bool creating = x->id == 0;
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_action(db, a, by, x, errs));
	if (rc && creating)
		x->id = 0;
	return rc;
}

int meetings_actions(struct db *db, struct arena *a, const struct principal *by,
                     int64_t meeting_id, struct meeting_action **items, int *n)
{
	struct meeting m;
	int rc = meetings_get(db, a, by, meeting_id, &m);
	if (rc)
		return rc;
	return networks_store_actions(db, a, meeting_id, items, n);
}

int meetings_remind(struct db *db, struct arena *a, const char *day, int *queued, int *skipped)
{
	*queued = *skipped = 0;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct networks_due_action *d;
	int n;
	rc = networks_store_due_actions(db, a, day, &d, &n);
	int q = 0, s = 0;
	for (int i = 0; rc == 0 && i < n; i++) {
		if (*d[i].to && text_email_valid(d[i].to)) {
			const char *subject = arena_printf(a, "Påmindelse: %s", d[i].title);
			const char *body = arena_printf(
				a, "Opgaven \"%s\" fra mødet i netværket %s den %s havde frist %s og er ikke"
				   " markeret som udført.\n", d[i].title, d[i].network_name,
				time_da(a, d[i].starts_at), d[i].due);
			rc = mail_queue(db, d[i].kommune, d[i].to, subject, body);
			q++;
		}
		else
			s++;
		/* reminded once per due date, with or without an address */
		if (rc == 0)
			rc = networks_store_action_reminded(db, d[i].id, d[i].due);
	}
	rc = db_write_end(db, rc);
	if (rc == 0) {
		*queued = q;
		*skipped = s;
	}
	return rc;
}

/* ---------------------------------------------------------------- the cadence */

/* days since 1970-01-01 of y-m-d (proleptic Gregorian) */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int month_days(int y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : len[m - 1];
}

/* the day of t ("YYYY-MM-DDTHH:MM") moved as the cadence says, same time, into out */
static bool shift(const char *t, int months, long *delta_out, long delta_in, char out[17])
{
	int y, mo, d, h, mi;
	time_t check;
	if (!t || strlen(t) != 16 || !ical_local_time(t, &check) ||
	    sscanf(t, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5)
		return false;
	long day0 = days_from_civil(y, mo, d);
	long target;
	if (delta_out) {
		int ty = y + (mo - 1 + months) / 12, tm = (mo - 1 + months) % 12 + 1;
		int td = d > month_days(ty, tm) ? month_days(ty, tm) : d;
		target = days_from_civil(ty, tm, td);
		/* the nearest day with the same weekday (within three days either way) */
		long diff = ((day0 - target) % 7 + 7) % 7;
		if (diff > 3)
			diff -= 7;
		target += diff;
		*delta_out = target - day0;
	}
	else
		target = day0 + delta_in;
	int ny, nm, nd;
	civil_from_days(target, &ny, &nm, &nd);
	char buf[64];
	snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", ny % 10000, nm, nd, h % 100, mi % 100);
	if (strlen(buf) != 16)
		return false;
	memcpy(out, buf, 17);
	return true;
}

bool meetings_propose_next(const char *starts_at, const char *ends_at, int cadence_months,
                           char start[17], char end[17])
{
	if (cadence_months < 1 || cadence_months > 24)
		return false;
	long delta = 0;
	if (!shift(starts_at, cadence_months, &delta, 0, start))
		return false;
	end[0] = '\0';
	if (ends_at && *ends_at && !shift(ends_at, 0, NULL, delta, end))
		return false;
	return true;
}

bool meetings_proposal(struct db *db, struct arena *a, const struct principal *by,
                       int64_t network_id, char start[17], char end[17])
{
	struct network n;
	if (networks_get(db, a, by, network_id, &n) != 0 || n.cadence_months < 1)
		return false;
	struct meeting last;
	int planned_after = 0;
	if (networks_store_last_held(db, a, network_id, &last, &planned_after) != 0 || planned_after)
		return false;
	return meetings_propose_next(last.starts_at, last.ends_at, n.cadence_months, start, end);
}
