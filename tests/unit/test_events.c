/*
 * test_events.c — events (src/outreach/events.h) against an in-memory database: validation with
 * the fields named, who may create and see them (public, staff only, other municipalities),
 * sign-ups past the capacity onto the waiting list, a second sign-up with the same e-mail, the
 * cancellation by the link's token moving the first on the waiting list up, the mails in the
 * outbox with their invitations parsed back with libical (METHOD, UID, SEQUENCE, ATTENDEE),
 * an update of the time raising the SEQUENCE, the cancellation of the event (METHOD:CANCEL),
 * attendance, and the reminders the day before, each sign-up once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "fixture.h"
#include "src/base/errs.h"
#include "src/outreach/events.h"
#include "src/store/db.h"

/* a valid event of kommune (NULL: national) with capacity */
static struct event sample(const char *kommune, bool public, int capacity)
{
	return (struct event){.kommune = kommune, .title = "Social iværksætterdag", .kind = "ivaerksaetterdag",
	                      .starts_at = "2099-06-10T09:00", .ends_at = "2099-06-10T15:00",
	                      .place = "Kolding Rådhus", .public = public, .capacity = capacity};
}

static int64_t create(struct fixture *f, const struct principal *by, struct event ev)
{
	struct errs errs = {0};
	assert_int_equal(events_save(f->db, &f->a, by, &ev, &errs), 0);
	assert_true(ev.id > 0);
	return ev.id;
}

/* messages in the outbox to to */
static int64_t mails_to(struct fixture *f, const char *to)
{
	struct db_stmt *s = db_prepare(f->db, "SELECT count(*) FROM outbox WHERE to_addr = :to");
	assert_non_null(s);
	assert_int_equal(db_bind_text(s, ":to", to), 0);
	assert_int_equal(db_step(s), DB_ROW);
	int64_t n = db_col_int(s, 0);
	db_done(s);
	return n;
}

/* the newest message to to: its subject and body, and its calendar part (NULL: none) */
static void last_mail(struct fixture *f, const char *to, const char **subject, const char **body,
                      const char **ics)
{
	/* the part's bytes as text: PostgreSQL's cast of a bytea would give its hex digits */
	struct db_stmt *s = db_prepare2(f->db,
		"SELECT o.subject, o.body, (SELECT CAST(p.data AS TEXT) FROM outbox_parts p"
		" WHERE p.outbox_id = o.id AND p.content_type LIKE 'text/calendar%')"
		" FROM outbox o WHERE o.to_addr = :to ORDER BY o.id DESC LIMIT 1",
		"SELECT o.subject, o.body, (SELECT convert_from(p.data, 'UTF8') FROM outbox_parts p"
		" WHERE p.outbox_id = o.id AND p.content_type LIKE 'text/calendar%')"
		" FROM outbox o WHERE o.to_addr = :to ORDER BY o.id DESC LIMIT 1");
	assert_non_null(s);
	assert_int_equal(db_bind_text(s, ":to", to), 0);
	assert_int_equal(db_step(s), DB_ROW);
	*subject = db_col_dup(&f->a, s, 0);
	*body = db_col_dup(&f->a, s, 1);
	*ics = db_col_dup(&f->a, s, 2);
	db_done(s);
}

/* the invitation ics parsed with libical: its METHOD, the VEVENT's UID, SEQUENCE and first
 * ATTENDEE must be as given */
static void check_ics(const char *ics, icalproperty_method method, const char *uid, int sequence,
                      const char *attendee)
{
	assert_non_null(ics);
	icalcomponent *cal = icalparser_parse_string(ics);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_get_method(cal), method);
	icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_non_null(ev);
	assert_string_equal(icalcomponent_get_uid(ev), uid);
	icalproperty *seq = icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY);
	assert_non_null(seq);
	assert_int_equal(icalproperty_get_sequence(seq), sequence);
	if (attendee) {
		icalproperty *att = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
		assert_non_null(att);
		const char *v = icalproperty_get_attendee(att);
		assert_non_null(strstr(v, attendee));
	}
	icalcomponent_free(cal);
}

static void validation_names_the_fields(void **state)
{
	struct fixture *f = *state;
	struct event ev = {.kommune = "621", .title = " ", .kind = "fest", .starts_at = "2099-13-01T09:00",
	                   .ends_at = "i morgen", .place = "", .capacity = -1, .signup_deadline = "snart"};
	struct errs errs = {0};
	assert_int_equal(events_save(f->db, &f->a, &fixture_kons621, &ev, &errs), ERR_INVALID);
	static const char *const fields[] = {"title", "kind", "starts_at", "ends_at", "place",
	                                     "capacity", "signup_deadline"};
	for (size_t i = 0; i < N_OF(fields); i++)
		assert_non_null(errs_get(&errs, fields[i]));
	assert_int_equal(ev.id, 0);
	/* the end before the start */
	ev = sample("621", true, 0);
	ev.ends_at = "2099-06-10T08:00";
	errs = (struct errs){0};
	assert_int_equal(events_save(f->db, &f->a, &fixture_kons621, &ev, &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, "ends_at"));
}

static void who_may_create_and_see(void **state)
{
	struct fixture *f = *state;
	struct event ev = sample("621", false, 0);
	struct errs errs = {0};
	/* another municipality, the buyer, an enterprise, the public */
	assert_int_equal(events_save(f->db, &f->a, &fixture_kons740, &ev, &errs), ERR_FORBIDDEN);
	assert_int_equal(events_save(f->db, &f->a, &fixture_indk621, &ev, &errs), ERR_FORBIDDEN);
	assert_int_equal(events_save(f->db, &f->a, &fixture_virk621, &ev, &errs), ERR_FORBIDDEN);
	assert_int_equal(events_save(f->db, &f->a, NULL, &ev, &errs), ERR_FORBIDDEN);
	/* a national event is the administrator's */
	struct event nat = sample(NULL, false, 0);
	assert_int_equal(events_save(f->db, &f->a, &fixture_kons621, &nat, &errs), ERR_FORBIDDEN);
	int64_t national = create(f, &fixture_admin, nat);
	int64_t staff = create(f, &fixture_job621, sample("621", false, 0));
	int64_t open = create(f, &fixture_kons621, sample("621", true, 0));
	struct event got;
	/* a staff event: its municipality's staff; other staff 403, the public 404 */
	assert_int_equal(events_get(f->db, &f->a, &fixture_indk621, staff, &got), 0);
	assert_int_equal(events_get(f->db, &f->a, &fixture_kons740, staff, &got), ERR_FORBIDDEN);
	assert_int_equal(events_get(f->db, &f->a, NULL, staff, &got), ERR_NOTFOUND);
	assert_int_equal(events_get(f->db, &f->a, &fixture_virk621, staff, &got), ERR_NOTFOUND);
	/* a public event: everyone; the national one every municipality's staff */
	assert_int_equal(events_get(f->db, &f->a, NULL, open, &got), 0);
	assert_int_equal(events_get(f->db, &f->a, &fixture_kons740, national, &got), 0);
	assert_int_equal(events_get(f->db, &f->a, NULL, national, &got), ERR_NOTFOUND);
	/* lists: the public sees the public one only; Silkeborg also the national one */
	struct events_query q = {.limit = 50};
	struct event *items;
	int n, total;
	assert_int_equal(events_list(f->db, &f->a, NULL, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_int_equal(items[0].id, open);
	assert_int_equal(events_list(f->db, &f->a, &fixture_kons740, &q, &items, &n, &total), 0);
	assert_int_equal(total, 2);
	assert_int_equal(events_list(f->db, &f->a, &fixture_kons621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 3);
	/* a staff event takes sign-ups from its staff only */
	struct event_signup s;
	assert_int_equal(events_signup(f->db, &f->a, NULL, staff, "Anne", "anne@example.org", &errs, &s),
	                 ERR_NOTFOUND);
	assert_int_equal(events_signup(f->db, &f->a, &fixture_kons740, staff, "Anne", "anne@example.org",
	                               &errs, &s), ERR_FORBIDDEN);
	assert_int_equal(fixture_audit_count(f->db, "create", "event"), 3);
}

/* the secret of the cancellation link in the newest mail to to */
static const char *token_in_mail(struct fixture *f, const char *to)
{
	const char *subject, *body, *ics;
	last_mail(f, to, &subject, &body, &ics);
	const char *t = strstr(body, "token=");
	assert_non_null(t);
	t += 6;
	size_t n = strcspn(t, "\n \r");
	return arena_strndup(&f->a, t, n);
}

static void capacity_waitlist_cancel_and_move_up(void **state)
{
	struct fixture *f = *state;
	int64_t id = create(f, &fixture_kons621, sample("621", true, 2));
	const char *uid = arena_printf(&f->a, "event-%lld@indgang", (long long)id);
	static const char *const emails[] = {"a@example.org", "b@example.org", "c@example.org",
	                                     "d@example.org"};
	struct event_signup s[4];
	for (int i = 0; i < 4; i++) {
		struct errs errs = {0};
		assert_int_equal(events_signup(f->db, &f->a, NULL, id, "Deltager", emails[i], &errs, &s[i]), 0);
	}
	assert_string_equal(s[0].status, "confirmed");
	assert_string_equal(s[1].status, "confirmed");
	assert_string_equal(s[2].status, "waitlist");
	assert_string_equal(s[3].status, "waitlist");
	/* a confirmed sign-up gets the invitation; the waiting list a notice without one */
	const char *subject, *body, *ics;
	last_mail(f, "a@example.org", &subject, &body, &ics);
	assert_non_null(strstr(subject, "Tilmelding bekræftet"));
	assert_non_null(strstr(body, "/afmeld?token="));
	check_ics(ics, ICAL_METHOD_REQUEST, uid, 0, "a@example.org");
	last_mail(f, "c@example.org", &subject, &body, &ics);
	assert_non_null(strstr(subject, "venteliste"));
	assert_null(ics);
	/* the same e-mail again, in another case: 409 on email */
	struct errs errs = {0};
	struct event_signup dup;
	assert_int_equal(events_signup(f->db, &f->a, NULL, id, "Igen", "A@Example.org", &errs, &dup),
	                 ERR_CONFLICT);
	assert_non_null(errs_get(&errs, "email"));
	/* a wrong token cancels nothing; the right one cancels b and moves c up */
	assert_int_equal(events_signup_cancel(f->db, &f->a, NULL, id, 0, "x"), ERR_NOTFOUND);
	const char *token = token_in_mail(f, "b@example.org");
	struct event ev;
	struct event_signup by_token;
	assert_int_equal(events_signup_by_token(f->db, &f->a, id, token, &ev, &by_token), 0);
	assert_int_equal(by_token.id, s[1].id);
	assert_int_equal(events_signup_cancel(f->db, &f->a, NULL, id, 0, token), 0);
	assert_int_equal(events_signup_cancel(f->db, &f->a, NULL, id, 0, token), ERR_NOTFOUND);
	last_mail(f, "c@example.org", &subject, &body, &ics);
	assert_non_null(strstr(subject, "Du har fået en plads"));
	check_ics(ics, ICAL_METHOD_REQUEST, uid, 0, "c@example.org");
	struct event_signup *list;
	int n;
	assert_int_equal(events_signups(f->db, &f->a, &fixture_kons621, id, &list, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(list[0].email, "a@example.org");
	assert_string_equal(list[1].email, "c@example.org");
	assert_string_equal(list[1].status, "confirmed");
	assert_string_equal(list[2].status, "waitlist");
	/* staff cancel a; d moves up. Another municipality may not */
	assert_int_equal(events_signup_cancel(f->db, &f->a, &fixture_kons740, id, s[0].id, NULL), ERR_FORBIDDEN);
	assert_int_equal(events_signup_cancel(f->db, &f->a, &fixture_indk621, id, s[0].id, NULL), ERR_FORBIDDEN);
	assert_int_equal(events_signup_cancel(f->db, &f->a, &fixture_kons621, id, s[0].id, NULL), 0);
	last_mail(f, "d@example.org", &subject, &body, &ics);
	assert_non_null(strstr(subject, "Du har fået en plads"));
	/* b may sign up again, and is now on the waiting list */
	errs = (struct errs){0};
	assert_int_equal(events_signup(f->db, &f->a, NULL, id, "B", "b@example.org", &errs, &dup), 0);
	assert_string_equal(dup.status, "waitlist");
	/* the sign-ups of another municipality's event are not Silkeborg's to read */
	assert_int_equal(events_signups(f->db, &f->a, &fixture_kons740, id, &list, &n), ERR_FORBIDDEN);
	assert_int_equal(events_signups(f->db, &f->a, NULL, id, &list, &n), ERR_FORBIDDEN);
}

static void update_and_cancel_reach_everyone(void **state)
{
	struct fixture *f = *state;
	int64_t id = create(f, &fixture_kons621, sample("621", true, 0));
	const char *uid = arena_printf(&f->a, "event-%lld@indgang", (long long)id);
	struct event_signup s;
	struct errs errs = {0};
	assert_int_equal(events_signup(f->db, &f->a, NULL, id, "Eva", "eva@example.org", &errs, &s), 0);
	/* a new title alone sends nothing and keeps the SEQUENCE */
	struct event ev;
	assert_int_equal(events_get(f->db, &f->a, &fixture_kons621, id, &ev), 0);
	ev.title = "Social iværksætterdag 2099";
	assert_int_equal(events_save(f->db, &f->a, &fixture_kons621, &ev, &errs), 0);
	assert_int_equal(ev.sequence, 0);
	assert_int_equal(mails_to(f, "eva@example.org"), 1);
	/* a new time: SEQUENCE 1 and an updated invitation */
	ev.starts_at = "2099-06-10T10:00";
	assert_int_equal(events_save(f->db, &f->a, &fixture_kons621, &ev, &errs), 0);
	assert_int_equal(ev.sequence, 1);
	assert_int_equal(mails_to(f, "eva@example.org"), 2);
	const char *subject, *body, *ics;
	last_mail(f, "eva@example.org", &subject, &body, &ics);
	assert_non_null(strstr(subject, "Ændret"));
	check_ics(ics, ICAL_METHOD_REQUEST, uid, 1, "eva@example.org");
	/* Silkeborg may not change or cancel it */
	assert_int_equal(events_save(f->db, &f->a, &fixture_kons740, &ev, &errs), ERR_FORBIDDEN);
	assert_int_equal(events_cancel(f->db, &f->a, &fixture_kons740, id), ERR_FORBIDDEN);
	/* attendance: Kolding's staff */
	assert_int_equal(events_set_attended(f->db, &f->a, &fixture_kons740, id, s.id, 1, &errs), ERR_FORBIDDEN);
	assert_int_equal(events_set_attended(f->db, &f->a, &fixture_kons621, id, s.id, 2, &errs), ERR_INVALID);
	assert_int_equal(events_set_attended(f->db, &f->a, &fixture_kons621, id, s.id, 1, &errs), 0);
	struct event_signup *list;
	int n;
	assert_int_equal(events_signups(f->db, &f->a, &fixture_kons621, id, &list, &n), 0);
	assert_true(list[0].attended);
	/* cancelled: METHOD:CANCEL to everyone, SEQUENCE 2; then no sign-ups and no changes */
	assert_int_equal(events_cancel(f->db, &f->a, &fixture_kons621, id), 0);
	last_mail(f, "eva@example.org", &subject, &body, &ics);
	assert_non_null(strstr(subject, "Aflyst"));
	check_ics(ics, ICAL_METHOD_CANCEL, uid, 2, "eva@example.org");
	assert_int_equal(events_cancel(f->db, &f->a, &fixture_kons621, id), ERR_CONFLICT);
	errs = (struct errs){0};
	assert_int_equal(events_signup(f->db, &f->a, NULL, id, "Sen", "sen@example.org", &errs, &s), ERR_CONFLICT);
	assert_non_null(errs_get(&errs, "event"));
	assert_int_equal(events_get(f->db, &f->a, &fixture_kons621, id, &ev), 0);
	assert_int_equal(events_save(f->db, &f->a, &fixture_kons621, &ev, &errs), ERR_CONFLICT);
}

static void reminders_the_day_before_once(void **state)
{
	struct fixture *f = *state;
	int64_t id = create(f, &fixture_kons621, sample("621", true, 1));
	struct event_signup s;
	struct errs errs = {0};
	assert_int_equal(events_signup(f->db, &f->a, NULL, id, "Ida", "ida@example.org", &errs, &s), 0);
	assert_int_equal(events_signup(f->db, &f->a, NULL, id, "Jens", "jens@example.org", &errs, &s), 0);
	assert_string_equal(s.status, "waitlist");
	int queued;
	/* two days before: nothing */
	assert_int_equal(events_remind(f->db, &f->a, "2099-06-08", &queued), 0);
	assert_int_equal(queued, 0);
	/* the day before: the confirmed one, not the waiting list */
	assert_int_equal(events_remind(f->db, &f->a, "2099-06-09", &queued), 0);
	assert_int_equal(queued, 1);
	const char *subject, *body, *ics;
	last_mail(f, "ida@example.org", &subject, &body, &ics);
	assert_non_null(strstr(subject, "Påmindelse"));
	assert_int_equal(mails_to(f, "jens@example.org"), 1);
	/* once */
	assert_int_equal(events_remind(f->db, &f->a, "2099-06-09", &queued), 0);
	assert_int_equal(queued, 0);
	assert_int_equal(events_remind(f->db, &f->a, "ikke-en-dato", &queued), ERR_INVALID);
}

static void ics_download_is_a_feed(void **state)
{
	struct fixture *f = *state;
	int64_t id = create(f, &fixture_kons621, sample("621", true, 0));
	struct event ev;
	assert_int_equal(events_get(f->db, &f->a, NULL, id, &ev), 0);
	size_t len;
	char *ics = events_ics(&f->a, &ev, &len);
	assert_non_null(ics);
	icalcomponent *cal = icalparser_parse_string(ics);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_NONE);
	icalcomponent *v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_non_null(v);
	/* 09:00 Danish summer time is 07:00 UTC */
	struct icaltimetype start = icalcomponent_get_dtstart(v);
	assert_int_equal(start.hour, 7);
	icalcomponent_free(cal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(validation_names_the_fields, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(who_may_create_and_see, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(capacity_waitlist_cancel_and_move_up, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(update_and_cancel_reach_everyone, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(reminders_the_day_before_once, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(ics_download_is_a_feed, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
