/*
 * test_networks.c — networks and meetings (src/collab/networks.h, meetings.h) against an
 * in-memory migrated database: who may create, read and change them (a table over the roles,
 * own and other municipality, national networks); validation naming the field; invitations in
 * the outbox parsed back with libical (METHOD:REQUEST, a stable UID, SEQUENCE raised on every
 * change, METHOD:CANCEL with STATUS:CANCELLED); the feed (no METHOD, one VEVENT per meeting) and
 * its token; the cadence's proposal (same weekday and time); attendance rules; reminders of due
 * action items once per due date; and Tabel 8's figures against hand-made data.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "src/auth/auth.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/collab/meetings.h"
#include "src/collab/networks.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

/* two enterprises of 621 (a social-economy enterprise with a contact e-mail, a company) and
 * one of 740 */
static void enterprises(struct db *db)
{
	assert_int_equal(EXEC_SQL(db, "INSERT INTO enterprises (id, name, kommune, kind, contact_email,"
	                              " created_at, updated_at) VALUES"
	                              " (1, 'Soul Café', '621', 'soev', 'cafe@example.org', 't', 't'),"
	                              " (2, 'Eksempel A/S', '621', 'company', '', 't', 't'),"
	                              " (3, 'Updesign ApS', '740', 'soev', 'up@example.org', 't', 't')"), 0);
}

/* a network of kommune (NULL national) made by by; its id */
static int64_t network(struct fixture *f, const struct principal *by, const char *kommune,
                       const char *name, int cadence)
{
	struct errs e = {0};
	struct network n = {.kommune = kommune, .name = name, .purpose = "Formål",
	                    .cadence_months = cadence};
	assert_int_equal(networks_save(f->db, &f->a, by, &n, &e), 0);
	assert_true(n.id > 0);
	return n.id;
}

static int64_t person(struct fixture *f, int64_t net, const char *name, const char *email)
{
	struct errs e = {0};
	struct network_member m = {.name = name, .email = email};
	assert_int_equal(networks_member_add(f->db, &f->a, &fixture_kons621, net, &m, &e), 0);
	return m.id;
}

/* the newest calendar part sent to addr, parsed (the caller frees it) */
static icalcomponent *last_invitation(struct db *db, const char *addr)
{
	struct db_stmt *s = db_prepare(db, "SELECT p.data FROM outbox_parts p JOIN outbox o ON"
	                                   " o.id = p.outbox_id WHERE o.to_addr = :to ORDER BY p.id DESC"
	                                   " LIMIT 1");
	assert_non_null(s);
	assert_int_equal(db_bind_text(s, ":to", addr), 0);
	assert_int_equal(db_step(s), DB_ROW);
	int len = 0;
	const void *data = db_col_blob(s, 0, &len);
	char *text = test_malloc((size_t)len + 1);
	memcpy(text, data, (size_t)len);
	text[len] = '\0';
	db_done(s);
	icalcomponent *cal = icalparser_parse_string(text);
	test_free(text);
	assert_non_null(cal);
	return cal;
}

/* ---------------------------------------------------------------- access */

static void test_access(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const struct principal *who;
		const char *kommune;
		int want;
	} creates[] = {
		{&fixture_admin, "621", 0},           {&fixture_kons621, "621", 0},
		{&fixture_job621, "621", 0},          {&fixture_indk621, "621", ERR_FORBIDDEN},
		{&fixture_virk621, "621", ERR_FORBIDDEN}, {&fixture_kons740, "621", ERR_FORBIDDEN},
		{NULL, "621", ERR_FORBIDDEN},         {&fixture_admin, NULL, 0},
		{&fixture_kons621, NULL, ERR_FORBIDDEN}, {&fixture_kons_none, "621", ERR_FORBIDDEN},
	};
	int64_t ids[N_OF(creates)];
	for (size_t i = 0; i < N_OF(creates); i++) {
		struct errs e = {0};
		struct network n = {.kommune = creates[i].kommune, .name = "Netværk"};
		int rc = networks_save(f->db, &f->a, creates[i].who, &n, &e);
		if (rc != creates[i].want)
			fail_msg("create row %zu: %d, expected %d", i, rc, creates[i].want);
		ids[i] = n.id;
		assert_true(rc ? n.id == 0 : n.id > 0);
	}
	int64_t k621 = ids[0], national = ids[7];
	static const struct {
		const struct principal *who;
		int read621, write621, read_national, write_national;
	} rows[] = {
		{&fixture_admin, 0, 0, 0, 0},
		{&fixture_kons621, 0, 0, 0, ERR_FORBIDDEN},
		{&fixture_job621, 0, 0, 0, ERR_FORBIDDEN},
		{&fixture_indk621, 0, ERR_FORBIDDEN, 0, ERR_FORBIDDEN},
		{&fixture_kons740, ERR_FORBIDDEN, ERR_FORBIDDEN, 0, ERR_FORBIDDEN},
		{&fixture_virk621, ERR_FORBIDDEN, ERR_FORBIDDEN, ERR_FORBIDDEN, ERR_FORBIDDEN},
		{NULL, ERR_FORBIDDEN, ERR_FORBIDDEN, ERR_FORBIDDEN, ERR_FORBIDDEN},
	};
	for (size_t i = 0; i < N_OF(rows); i++) {
		struct network n;
		struct errs e = {0};
		int r1 = networks_get(f->db, &f->a, rows[i].who, k621, &n);
		int r2 = networks_get(f->db, &f->a, rows[i].who, national, &n);
		struct network w1 = {.id = k621, .name = "Nyt navn"}, w2 = {.id = national, .name = "Nyt navn"};
		int w1rc = networks_save(f->db, &f->a, rows[i].who, &w1, &e);
		int w2rc = networks_save(f->db, &f->a, rows[i].who, &w2, &e);
		if (r1 != rows[i].read621 || w1rc != rows[i].write621 || r2 != rows[i].read_national ||
		    w2rc != rows[i].write_national)
			fail_msg("row %zu: read621 %d write621 %d read_national %d write_national %d", i, r1,
			         w1rc, r2, w2rc);
	}
	/* the list: the municipality's and the national ones */
	struct network *items;
	int n, total;
	assert_int_equal(networks_list(f->db, &f->a, &fixture_kons740, NULL, 50, 0, &items, &n, &total), 0);
	for (int i = 0; i < n; i++)
		assert_null(items[i].kommune); /* 740 has none of its own */
	assert_int_equal(networks_list(f->db, &f->a, &fixture_virk621, NULL, 50, 0, &items, &n, &total),
	                 ERR_FORBIDDEN);
	/* a denied write is not audited, and forbidden comes before the fields */
	struct errs e = {0};
	struct network bad = {.kommune = "621", .name = ""};
	assert_int_equal(networks_save(f->db, &f->a, &fixture_indk621, &bad, &e), ERR_FORBIDDEN);
	assert_int_equal(e.n, 0);
}

static void test_validation(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *kommune, *name;
		int cadence;
		const char *field;
	} rows[] = {
		{"621", "", 3, "name"}, {"621", "   ", 3, "name"}, {"621", "Navn", -1, "cadence_months"},
		{"621", "Navn", 25, "cadence_months"}, {"999", "Navn", 3, "kommune"},
	};
	for (size_t i = 0; i < N_OF(rows); i++) {
		struct errs e = {0};
		struct network n = {.kommune = rows[i].kommune, .name = rows[i].name,
		                    .cadence_months = rows[i].cadence};
		int rc = networks_save(f->db, &f->a, &fixture_admin, &n, &e);
		assert_int_equal(rc, ERR_INVALID);
		if (!errs_get(&e, rows[i].field))
			fail_msg("row %zu: no error on %s", i, rows[i].field);
	}
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM networks"), 0);
	/* members */
	enterprises(f->db);
	int64_t net = network(f, &fixture_kons621, "621", "Netværk", 3);
	static const struct {
		int64_t enterprise, unit;
		const char *name, *email, *field;
	} ms[] = {
		{0, 0, NULL, NULL, "member"},           {1, 0, "X", "x@example.org", "member"},
		{99, 0, NULL, NULL, "enterprise_id"},   {0, 99, NULL, NULL, "unit_id"},
		{0, 0, "", "x@example.org", "name"},    {0, 0, "Anne", "ikke-en-adresse", "email"},
	};
	for (size_t i = 0; i < N_OF(ms); i++) {
		struct errs e = {0};
		struct network_member m = {.enterprise_id = ms[i].enterprise, .unit_id = ms[i].unit,
		                           .name = ms[i].name, .email = ms[i].email};
		assert_int_equal(networks_member_add(f->db, &f->a, &fixture_kons621, net, &m, &e), ERR_INVALID);
		if (!errs_get(&e, ms[i].field))
			fail_msg("member row %zu: no error on %s", i, ms[i].field);
	}
	/* the same enterprise twice */
	struct errs e = {0};
	struct network_member m = {.enterprise_id = 1};
	assert_int_equal(networks_member_add(f->db, &f->a, &fixture_kons621, net, &m, &e), 0);
	assert_string_equal(m.email, "cafe@example.org"); /* the registry's contact */
	m = (struct network_member){.enterprise_id = 1};
	assert_int_equal(networks_member_add(f->db, &f->a, &fixture_kons621, net, &m, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "member"));
	/* meetings */
	static const struct {
		const char *starts, *ends, *minutes, *status, *field;
	} mt[] = {
		{"", NULL, NULL, NULL, "starts_at"},
		{"2015-13-12T09:00", NULL, NULL, NULL, "starts_at"},
		{"2015-11-12", NULL, NULL, NULL, "starts_at"},
		{"2015-11-12T09:00", "2015-11-12T08:00", NULL, NULL, "ends_at"},
		{"2015-11-12T09:00", "kl. 11", NULL, NULL, "ends_at"},
		{"2015-11-12T09:00", NULL, "Referat", NULL, "minutes"},
		{"2015-11-12T09:00", NULL, NULL, "afholdt", "status"},
		{"2015-11-12T09:00", NULL, NULL, "cancelled", "status"},
	};
	for (size_t i = 0; i < N_OF(mt); i++) {
		struct errs me = {0};
		struct meeting x = {.network_id = net, .starts_at = mt[i].starts, .ends_at = mt[i].ends,
		                    .minutes = mt[i].minutes, .status = mt[i].status};
		assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &x, &me), ERR_INVALID);
		if (!errs_get(&me, mt[i].field))
			fail_msg("meeting row %zu: no error on %s", i, mt[i].field);
		assert_int_equal(x.id, 0);
	}
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM network_meetings"), 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox"), 0);
}

/* ---------------------------------------------------------------- invitations and the feed */

static void test_invitations(void **state)
{
	struct fixture *f = *state;
	enterprises(f->db);
	int64_t net = network(f, &fixture_kons621, "621", "Koldings netværk", 3);
	struct errs e = {0};
	struct network_member soul = {.enterprise_id = 1}, company = {.enterprise_id = 2};
	assert_int_equal(networks_member_add(f->db, &f->a, &fixture_kons621, net, &soul, &e), 0);
	assert_int_equal(networks_member_add(f->db, &f->a, &fixture_kons621, net, &company, &e), 0);
	person(f, net, "Anne", "anne@example.org");
	struct meeting m = {.network_id = net, .starts_at = "2015-11-12T09:00",
	                    .ends_at = "2015-11-12T11:00", .place = "Rådhuset", .agenda = "1. Velkomst"};
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &m, &e), 0);
	/* two members with an e-mail (the company has none): two messages, each with a calendar */
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox"), 2);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox_parts WHERE content_type ="
	                                  " 'text/calendar; method=REQUEST; charset=utf-8'"), 2);
	const char *uid = meetings_uid(&f->a, m.id);
	icalcomponent *cal = last_invitation(f->db, "anne@example.org");
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_REQUEST);
	icalcomponent *v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_string_equal(icalcomponent_get_uid(v), uid);
	assert_int_equal(icalcomponent_get_sequence(v), 0);
	assert_string_equal(icalcomponent_get_location(v), "Rådhuset");
	assert_int_equal(icalcomponent_get_dtstart(v).hour, 8); /* 09:00 Danish winter time */
	assert_int_equal(icalcomponent_count_properties(v, ICAL_ATTENDEE_PROPERTY), 2);
	icalcomponent_free(cal);
	/* marking nothing new sends nothing; a change of place raises SEQUENCE */
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &m, &e), 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox"), 2);
	m.place = "Biblioteket";
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &m, &e), 0);
	assert_int_equal(m.sequence, 1);
	cal = last_invitation(f->db, "cafe@example.org");
	v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_string_equal(icalcomponent_get_uid(v), uid);
	assert_int_equal(icalcomponent_get_sequence(v), 1);
	assert_string_equal(icalcomponent_get_location(v), "Biblioteket");
	icalcomponent_free(cal);
	m.starts_at = "2015-11-13T09:00";
	m.ends_at = "2015-11-13T11:00";
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &m, &e), 0);
	assert_int_equal(m.sequence, 2);
	/* another municipality may not change it; nothing is sent */
	struct meeting other = m;
	other.place = "Silkeborg";
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons740, &other, &e), ERR_FORBIDDEN);
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_indk621, &other, &e), ERR_FORBIDDEN);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox"), 6);
	/* cancelled: METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE 3 */
	m.status = MEETINGS_CANCELLED;
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &m, &e), 0);
	cal = last_invitation(f->db, "anne@example.org");
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_CANCEL);
	v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_string_equal(icalcomponent_get_uid(v), uid);
	assert_int_equal(icalcomponent_get_sequence(v), 3);
	assert_int_equal(icalcomponent_get_status(v), ICAL_STATUS_CANCELLED);
	icalcomponent_free(cal);
	/* a cancelled meeting stays cancelled */
	m.place = "Igen";
	e.n = 0;
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &m, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "status"));
	assert_true(fixture_audit_count(f->db, "update", "meeting") >= 4);
}

static void test_feed(void **state)
{
	struct fixture *f = *state;
	int64_t net = network(f, &fixture_kons621, "621", "Koldings netværk", 3);
	struct errs e = {0};
	static const char *const starts[] = {"2015-11-12T09:00", "2016-02-11T09:00", "2016-05-12T09:00"};
	int64_t last = 0;
	for (int i = 0; i < 3; i++) {
		struct meeting m = {.network_id = net, .starts_at = starts[i]};
		assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &m, &e), 0);
		last = m.id;
	}
	struct meeting m;
	assert_int_equal(meetings_get(f->db, &f->a, &fixture_kons621, last, &m), 0);
	m.status = MEETINGS_CANCELLED;
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &m, &e), 0);
	struct network n;
	assert_int_equal(networks_get(f->db, &f->a, &fixture_indk621, net, &n), 0);
	assert_int_equal(strlen(n.feed_token), NETWORKS_TOKEN_LEN);
	char *text;
	size_t len;
	assert_int_equal(networks_feed(f->db, &f->a, net, n.feed_token, &text, &len), 0);
	icalcomponent *cal = icalparser_parse_string(text);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_NONE);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 3);
	int cancelled = 0;
	for (icalcomponent *v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); v;
	     v = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		cancelled += icalcomponent_get_status(v) == ICAL_STATUS_CANCELLED;
	assert_int_equal(cancelled, 1);
	icalcomponent_free(cal);
	/* wrong, short, missing tokens and another network: not found */
	char wrong[NETWORKS_TOKEN_LEN + 1];
	memcpy(wrong, n.feed_token, sizeof wrong);
	wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
	assert_int_equal(networks_feed(f->db, &f->a, net, wrong, &text, &len), ERR_NOTFOUND);
	assert_int_equal(networks_feed(f->db, &f->a, net, "abc", &text, &len), ERR_NOTFOUND);
	assert_int_equal(networks_feed(f->db, &f->a, net, NULL, &text, &len), ERR_NOTFOUND);
	assert_int_equal(networks_feed(f->db, &f->a, net + 1, n.feed_token, &text, &len), ERR_NOTFOUND);
	/* a new token: the old one stops working; only who may write makes one */
	assert_int_equal(networks_new_token(f->db, &f->a, &fixture_indk621, net), ERR_FORBIDDEN);
	assert_int_equal(networks_new_token(f->db, &f->a, &fixture_job621, net), 0);
	struct network n2;
	assert_int_equal(networks_get(f->db, &f->a, &fixture_kons621, net, &n2), 0);
	assert_string_not_equal(n2.feed_token, n.feed_token);
	assert_int_equal(networks_feed(f->db, &f->a, net, n.feed_token, &text, &len), ERR_NOTFOUND);
	assert_int_equal(networks_feed(f->db, &f->a, net, n2.feed_token, &text, &len), 0);
}

/* ---------------------------------------------------------------- the cadence */

static void test_propose_next(void **state)
{
	(void)state;
	static const struct {
		const char *starts, *ends;
		int months;
		const char *want_start, *want_end;
	} rows[] = {
		/* Silkeborg: 12 November 2015, a Thursday; three months later the nearest Thursday */
		{"2015-11-12T09:00", "2015-11-12T11:00", 3, "2016-02-11T09:00", "2016-02-11T11:00"},
		{"2016-11-10T09:00", NULL, 3, "2017-02-09T09:00", ""},
		/* the last day of a month: a shorter month's last day, same weekday */
		{"2015-01-31T10:00", NULL, 1, "2015-02-28T10:00", ""},
		{"2015-08-31T10:00", NULL, 6, "2016-02-29T10:00", ""},
		/* a Saturday a year later: back two days to the Thursday */
		{"2015-12-10T09:00", "2015-12-10T15:30", 12, "2016-12-08T09:00", "2016-12-08T15:30"},
		/* a meeting across midnight keeps its length */
		{"2015-03-05T22:00", "2015-03-06T01:00", 3, "2015-06-04T22:00", "2015-06-05T01:00"},
	};
	for (size_t i = 0; i < N_OF(rows); i++) {
		char start[17], end[17];
		assert_true(meetings_propose_next(rows[i].starts, rows[i].ends, rows[i].months, start, end));
		if (strcmp(start, rows[i].want_start) || strcmp(end, rows[i].want_end))
			fail_msg("row %zu: %s %s, expected %s %s", i, start, end, rows[i].want_start,
			         rows[i].want_end);
	}
	char s[17], e[17];
	assert_false(meetings_propose_next("2015-11-12T09:00", NULL, 0, s, e));
	assert_false(meetings_propose_next("2015-11-12", NULL, 3, s, e));
	assert_false(meetings_propose_next(NULL, NULL, 3, s, e));
}

static void test_proposal(void **state)
{
	struct fixture *f = *state;
	int64_t net = network(f, &fixture_kons621, "621", "Netværk", 3);
	struct errs e = {0};
	char start[17], end[17];
	assert_false(meetings_proposal(f->db, &f->a, &fixture_kons621, net, start, end)); /* none held */
	struct meeting m = {.network_id = net, .starts_at = "2015-11-12T09:00", .ends_at = "2015-11-12T11:00"};
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &m, &e), 0);
	assert_false(meetings_proposal(f->db, &f->a, &fixture_kons621, net, start, end));
	m.status = MEETINGS_HELD;
	m.minutes = "Referat";
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &m, &e), 0);
	assert_true(meetings_proposal(f->db, &f->a, &fixture_kons621, net, start, end));
	assert_string_equal(start, "2016-02-11T09:00");
	assert_string_equal(end, "2016-02-11T11:00");
	/* another municipality gets no proposal */
	assert_false(meetings_proposal(f->db, &f->a, &fixture_kons740, net, start, end));
	/* confirmed: the next is planned, so nothing more is proposed */
	struct meeting next = {.network_id = net, .starts_at = start, .ends_at = end};
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &next, &e), 0);
	assert_false(meetings_proposal(f->db, &f->a, &fixture_kons621, net, start, end));
}

/* ---------------------------------------------------------------- attendance and reminders */

/* a second current member of net for the checklist */
static int64_t another_member(struct fixture *f, int64_t net)
{
	return person(f, net, "Eva", "eva@example.org");
}

static void test_attendance_and_reminders(void **state)
{
	struct fixture *f = *state;
	int64_t net = network(f, &fixture_kons621, "621", "Netværk", 3);
	int64_t other = network(f, &fixture_kons621, "621", "Andet netværk", 0);
	int64_t anne = person(f, net, "Anne", "anne@example.org");
	int64_t bo = person(f, other, "Bo", "bo@example.org");
	struct errs e = {0};
	struct meeting m = {.network_id = net, .starts_at = "2015-11-12T09:00"};
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &m, &e), 0);
	/* before the meeting day: sign-up yes, presence no */
	assert_int_equal(meetings_attendance(f->db, &f->a, &fixture_kons621, m.id, anne, 1, -1,
	                                     "2015-11-01", &e), 0);
	assert_int_equal(meetings_attendance(f->db, &f->a, &fixture_kons621, m.id, anne, -1, 1,
	                                     "2015-11-11", &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "present"));
	e.n = 0;
	/* a member of another network; the buyer; another municipality */
	assert_int_equal(meetings_attendance(f->db, &f->a, &fixture_kons621, m.id, bo, -1, 1,
	                                     "2015-11-12", &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "member_id"));
	e.n = 0;
	assert_int_equal(meetings_attendance(f->db, &f->a, &fixture_indk621, m.id, anne, -1, 1,
	                                     "2015-11-12", &e), ERR_FORBIDDEN);
	assert_int_equal(meetings_attendance(f->db, &f->a, &fixture_kons740, m.id, anne, -1, 1,
	                                     "2015-11-12", &e), ERR_FORBIDDEN);
	assert_int_equal(meetings_attendance(f->db, &f->a, &fixture_job621, m.id, anne, -1, 1,
	                                     "2015-11-12", &e), 0);
	struct meeting_attendee *at;
	int nat;
	assert_int_equal(meetings_attendees(f->db, &f->a, &fixture_indk621, m.id, &at, &nat), 0);
	assert_int_equal(nat, 1);
	assert_true(at[0].signed_up);
	assert_int_equal(at[0].present, 1);
	/* removed afterwards, still listed for this meeting */
	assert_int_equal(networks_member_remove(f->db, &f->a, &fixture_kons621, net, anne), 0);
	assert_int_equal(networks_member_remove(f->db, &f->a, &fixture_kons621, net, anne), ERR_NOTFOUND);
	assert_int_equal(meetings_attendees(f->db, &f->a, &fixture_kons621, m.id, &at, &nat), 0);
	assert_int_equal(nat, 1);
	/* the page's checklist is one transaction: a row that fails writes nothing */
	int64_t dan = person(f, net, "Dan", "dan@example.org");
	struct meeting later = {.network_id = net, .starts_at = "2015-12-12T09:00"};
	assert_int_equal(meetings_save(f->db, &f->a, &fixture_kons621, &later, &e), 0);
	int64_t both[] = {dan, another_member(f, net)};
	int su[] = {1, 1}, pr[] = {-1, 1};
	assert_int_equal(meetings_attendance_all(f->db, &f->a, &fixture_kons621, later.id, both, su, pr, 2,
	                                         "2015-12-01", &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "present"));
	e.n = 0;
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM meeting_attendance"), 1);
	pr[1] = -1;
	assert_int_equal(meetings_attendance_all(f->db, &f->a, &fixture_kons621, later.id, both, su, pr, 2,
	                                         "2015-12-01", &e), 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM meeting_attendance"), 3);
	/* action items: a member's and a user's; reminded once per due date */
	int64_t carl = person(f, net, "Carl", "carl@example.org");
	int64_t uid = fixture_add_user(f->db, "ida@kolding.example", "konsulent", "621", true);
	struct meeting_action a1 = {.meeting_id = m.id, .title = "Send referat", .owner_member_id = carl,
	                            .due = "2015-12-01"};
	struct meeting_action a2 = {.meeting_id = m.id, .title = "Book lokale", .owner_user_id = uid,
	                            .due = "2015-12-05"};
	struct meeting_action a3 = {.meeting_id = m.id, .title = "Udført", .owner_member_id = carl,
	                            .due = "2015-11-20", .status = "done"};
	assert_int_equal(meetings_action_save(f->db, &f->a, &fixture_kons621, &a1, &e), 0);
	assert_int_equal(meetings_action_save(f->db, &f->a, &fixture_kons621, &a2, &e), 0);
	assert_int_equal(meetings_action_save(f->db, &f->a, &fixture_kons621, &a3, &e), 0);
	assert_string_equal(a1.owner_name, "Carl");
	struct meeting_action bad = {.meeting_id = m.id, .title = "X", .owner_member_id = bo};
	assert_int_equal(meetings_action_save(f->db, &f->a, &fixture_kons621, &bad, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "owner_member_id"));
	e.n = 0;
	bad = (struct meeting_action){.meeting_id = m.id, .title = "X", .due = "1. december"};
	assert_int_equal(meetings_action_save(f->db, &f->a, &fixture_kons621, &bad, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "due"));
	e.n = 0;
	bad = (struct meeting_action){.meeting_id = m.id, .title = "X"};
	assert_int_equal(meetings_action_save(f->db, &f->a, &fixture_indk621, &bad, &e), ERR_FORBIDDEN);
	int queued, skipped;
	int64_t before = COUNT_SQL(f->db, "SELECT count(*) FROM outbox");
	assert_int_equal(meetings_remind(f->db, &f->a, "2015-12-01", &queued, &skipped), 0);
	assert_int_equal(queued, 1);
	assert_int_equal(meetings_remind(f->db, &f->a, "2015-12-06", &queued, &skipped), 0);
	assert_int_equal(queued, 1); /* the user's; the member's was reminded */
	assert_int_equal(meetings_remind(f->db, &f->a, "2015-12-07", &queued, &skipped), 0);
	assert_int_equal(queued, 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE to_addr = 'carl@example.org'"
	                                  " AND subject = 'Påmindelse: Send referat'"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE to_addr = 'ida@kolding.example'"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox") - before, 2);
	/* a new due date: reminded again; done: never */
	a1.due = "2015-12-15";
	assert_int_equal(meetings_action_save(f->db, &f->a, &fixture_kons621, &a1, &e), 0);
	assert_int_equal(meetings_remind(f->db, &f->a, "2015-12-20", &queued, &skipped), 0);
	assert_int_equal(queued, 1);
	a1.status = "done";
	a1.due = "2015-12-21";
	assert_int_equal(meetings_action_save(f->db, &f->a, &fixture_kons621, &a1, &e), 0);
	assert_int_equal(meetings_remind(f->db, &f->a, "2015-12-31", &queued, &skipped), 0);
	assert_int_equal(queued, 0);
}

/* ---------------------------------------------------------------- Tabel 8 */

static void test_stats(void **state)
{
	struct fixture *f = *state;
	enterprises(f->db);
	int64_t k1 = network(f, &fixture_kons621, "621", "Kolding 1", 3);
	int64_t k2 = network(f, &fixture_kons621, "621", "Kolding 2", 0);
	int64_t s1 = network(f, &fixture_kons740, "740", "Silkeborg", 3);
	int64_t nat = network(f, &fixture_admin, NULL, "Puljen", 0);
	struct errs e = {0};
	struct network_member soev = {.enterprise_id = 1}, comp = {.enterprise_id = 2}, up = {.enterprise_id = 3};
	assert_int_equal(networks_member_add(f->db, &f->a, &fixture_kons621, k1, &soev, &e), 0);
	assert_int_equal(networks_member_add(f->db, &f->a, &fixture_kons621, k1, &comp, &e), 0);
	int64_t anne = person(f, k1, "Anne", "anne@example.org");
	person(f, k2, "Bo", "bo@example.org");
	assert_int_equal(networks_member_add(f->db, &f->a, &fixture_kons740, s1, &up, &e), 0);
	/* Kolding 1: two held meetings in 2015 (3 and 1 present), one cancelled, one held in 2016;
	 * Kolding 2: a planned meeting in 2015 only; Silkeborg: one held in 2015; national: one */
	struct {
		int64_t net;
		const char *starts, *status;
		int64_t present[3];
	} ms[] = {
		{k1, "2015-03-05T09:00", MEETINGS_HELD, {soev.id, comp.id, anne}},
		{k1, "2015-06-04T09:00", MEETINGS_HELD, {anne, 0, 0}},
		{k1, "2015-09-03T09:00", MEETINGS_CANCELLED, {0, 0, 0}},
		{k1, "2016-01-07T09:00", MEETINGS_HELD, {soev.id, 0, 0}},
		{k2, "2015-10-01T09:00", MEETINGS_PLANNED, {0, 0, 0}},
		{s1, "2015-11-12T09:00", MEETINGS_HELD, {up.id, 0, 0}},
		{nat, "2015-11-26T10:00", MEETINGS_HELD, {0, 0, 0}},
	};
	for (size_t i = 0; i < N_OF(ms); i++) {
		const struct principal *by = ms[i].net == s1 ? &fixture_kons740
		                             : ms[i].net == nat ? &fixture_admin : &fixture_kons621;
		struct meeting m = {.network_id = ms[i].net, .starts_at = ms[i].starts};
		assert_int_equal(meetings_save(f->db, &f->a, by, &m, &e), 0);
		for (int k = 0; k < 3 && ms[i].present[k]; k++)
			assert_int_equal(meetings_attendance(f->db, &f->a, by, m.id, ms[i].present[k], -1, 1,
			                                     NULL, &e), 0);
		m.status = ms[i].status;
		assert_int_equal(meetings_save(f->db, &f->a, by, &m, &e), 0);
	}
	struct networks_stats_row *rows;
	int n;
	assert_int_equal(networks_stats(f->db, &f->a, 2015, NULL, &rows, &n), 0);
	/* Kolding (2 networks), Silkeborg, and the national ones last; kommune names in Danish order */
	assert_int_equal(n, 3);
	assert_string_equal(rows[0].kommune, "621");
	assert_int_equal(rows[0].networks, 2);
	assert_int_equal(rows[0].meetings_held, 2);
	assert_int_equal(rows[0].members_soev, 1);
	assert_int_equal(rows[0].members_company, 1);
	assert_int_equal(rows[0].members_unit, 0);
	assert_int_equal(rows[0].members_person, 2);
	assert_int_equal(rows[0].attendance, 4);
	assert_string_equal(rows[1].kommune, "740");
	assert_int_equal(rows[1].meetings_held, 1);
	assert_int_equal(rows[1].attendance, 1);
	assert_null(rows[2].kommune);
	assert_int_equal(rows[2].meetings_held, 1);
	/* 2016: Kolding 1 only; scoped to 740: nothing in 2016 */
	assert_int_equal(networks_stats(f->db, &f->a, 2016, NULL, &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].networks, 1);
	assert_int_equal(rows[0].meetings_held, 1);
	assert_int_equal(rows[0].attendance, 1);
	assert_int_equal(networks_stats(f->db, &f->a, 2015, "740", &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].kommune, "740");
	/* who sees what */
	const char *scope;
	bool full;
	networks_stats_scope(&fixture_kons621, &scope, &full);
	assert_true(full);
	assert_string_equal(scope, "621");
	networks_stats_scope(&fixture_admin, &scope, &full);
	assert_true(full);
	assert_null(scope);
	networks_stats_scope(NULL, &scope, &full);
	assert_false(full);
	networks_stats_scope(&fixture_virk621, &scope, &full);
	assert_false(full);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_access, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_invitations, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_feed, fixture_setup, fixture_teardown),
		cmocka_unit_test(test_propose_next),
		cmocka_unit_test_setup_teardown(test_proposal, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_attendance_and_reminders, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_stats, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
