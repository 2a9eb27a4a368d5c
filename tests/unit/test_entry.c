/*
 * test_entry.c — the one entry point: Danish working days across Easter and Christmas, inquiries
 * (validation, references, routing, receipts in the outbox), cases between municipalities,
 * advisory sessions and their monthly buckets, and mail delivery to a small SMTP server this test
 * runs on loopback, and the outbox keeping what a dead relay could not take.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "src/auth/auth.h"
#include "src/auth/audit.h"
#include "src/auth/users.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/base/workdays.h"
#include "src/entry/advisory.h"
#include "src/entry/entry.h"
#include "src/mail/mail.h"
#include "src/mail/mail_store.h"
#include "src/registry/registry.h"
#include "src/store/db.h"
#include "tests/tools/testdb.h"
#include "tests/unit/fixture.h"

static void test_easter(void **state)
{
	(void)state;
	static const struct { int y, m, d; } easter[] = {
		{2015, 4, 5}, {2016, 3, 27}, {2019, 4, 21}, {2024, 3, 31}, {2025, 4, 20}, {2026, 4, 5}, {2038, 4, 25},
	};
	for (size_t i = 0; i < sizeof(easter) / sizeof(easter[0]); i++) {
		int m, d;
		workdays_easter(easter[i].y, &m, &d);
		if (m != easter[i].m || d != easter[i].d)
			fail_msg("Easter %d: got %d-%d", easter[i].y, m, d);
	}
}

static void test_workdays(void **state)
{
	(void)state;
	/* Easter 2015: Thursday 2 April to Monday 6 April are days off */
	assert_false(workdays_is_workday("2015-04-02"));
	assert_false(workdays_is_workday("2015-04-03"));
	assert_false(workdays_is_workday("2015-04-06"));
	assert_true(workdays_is_workday("2015-04-07"));
	assert_string_equal(workdays_holiday_name("2015-04-03"), "Langfredag");
	/* from Wednesday 1 April: Tuesday 7 April is the first working day after */
	assert_int_equal(workdays_between("2015-04-01", "2015-04-07"), 1);
	char out[11];
	workdays_add("2015-04-01", 1, out);
	assert_string_equal(out, "2015-04-07");
	workdays_add("2015-03-30", 5, out); /* Mon: Tue 31, Wed 1, then Easter, Tue 7, Wed 8, Thu 9 */
	assert_string_equal(out, "2015-04-09");
	/* Christmas 2026: Thursday 24 to Saturday 26, and New Year's Eve and Day */
	assert_false(workdays_is_workday("2026-12-24"));
	assert_false(workdays_is_workday("2026-12-25"));
	assert_true(workdays_is_workday("2026-12-28"));
	assert_false(workdays_is_workday("2026-12-31"));
	assert_false(workdays_is_workday("2027-01-01"));
	assert_int_equal(workdays_between("2026-12-22", "2027-01-05"), 6); /* 23, 28, 29, 30, 4, 5 */
	workdays_add("2026-12-23", 1, out);
	assert_string_equal(out, "2026-12-28");
	/* Great Prayer Day: a day off in 2023, a working day from 2024 */
	assert_false(workdays_is_workday("2023-05-05"));
	assert_true(workdays_is_workday("2024-04-26"));
	/* Ascension Day 2026 (Easter + 39) and Whit Monday (+50); Constitution Day */
	assert_false(workdays_is_workday("2026-05-14"));
	assert_false(workdays_is_workday("2026-05-25"));
	assert_false(workdays_is_workday("2026-06-05"));
	/* weekends, nonsense */
	assert_false(workdays_is_workday("2026-11-28"));
	assert_true(workdays_is_workday("2026-11-27"));
	assert_false(workdays_is_workday("2026-13-01"));
	assert_int_equal(workdays_between("2026-11-27", "2026-11-20"), 0);
}

/* a principal backed by a real account, as the server would have */
static struct principal account(struct fixture *f, const char *email, const char *role, const char *kommune)
{
	struct user_input u = {.email = email, .role = role, .kommune = kommune,
	                       .password = "en lang adgangskode", .active = 1};
	struct errs errs = {0};
	int64_t id = 0;
	if (users_create(f->db, &f->a, &users_cli, &u, &errs, &id) != 0)
		fail_msg("account %s: %s", email, errs.n ? errs.e[0].message : "");
	enum role r = ROLE_KONSULENT;
	role_parse(role, &r);
	return (struct principal){.id = id, .email = email, .role = r, .kommune = kommune};
}

static int count_outbox(struct fixture *f, bool pending)
{
	struct outbox_row *rows;
	int n, total;
	assert_int_equal(mail_outbox(f->db, &f->a, &users_cli, pending, 100, 0, &rows, &n, &total), 0);
	return total;
}

static void test_inquiries(void **state)
{
	struct fixture *f = *state;
	struct errs errs = {0};
	int64_t id;
	const char *ref;
	struct inquiry_input bad = {.kommune = "999", .name = "", .email = "x", .cvr = "12345678",
	                            .topic = "weather", .message = "", .phone = "ring mig"};
	assert_int_equal(entry_inquiry_create(f->db, &f->a, &bad, &errs, &id, &ref), ERR_INVALID);
	const char *fields[] = {"kommune", "name", "email", "cvr", "topic", "message", "phone"};
	for (size_t i = 0; i < 7; i++)
		if (!errs_get(&errs, fields[i]))
			fail_msg("no error on %s", fields[i]);
	assert_int_equal(count_outbox(f, false), 0);

	/* routing: employment in Kolding goes to a unit and a person */
	struct user_input u = {.email = "job@kolding.example", .role = "jobkonsulent", .kommune = "621",
	                       .password = "en lang adgangskode", .active = 1};
	int64_t job_id;
	errs.n = 0;
	assert_int_equal(users_create(f->db, &f->a, &users_cli, &u, &errs, &job_id), 0);
	assert_int_equal(entry_unit_add(f->db, &f->a, &users_cli, "621", "unit", "Jobcenter", "", &errs), 0);
	struct unit_row *units;
	int nu;
	assert_int_equal(entry_units(f->db, &f->a, "621", &units, &nu), 0);
	assert_int_equal(nu, 1);
	assert_int_equal(entry_routing_set(f->db, &f->a, &users_cli, "621", "employment", units[0].id, job_id, &errs), 0);
	/* a unit of another municipality cannot be routed to */
	errs.n = 0;
	assert_int_equal(entry_unit_add(f->db, &f->a, &users_cli, "740", "partner", "Bank", "", &errs), 0);
	struct unit_row *other;
	assert_int_equal(entry_units(f->db, &f->a, "740", &other, &nu), 0);
	errs.n = 0;
	assert_int_equal(entry_routing_set(f->db, &f->a, &users_cli, "621", "funding", other[0].id, 0, &errs), ERR_INVALID);

	struct inquiry_input ok = {.kommune = "621", .name = "Maja", .email = "Maja@Example.org",
	                           .topic = "employment", .message = "To praktikpladser", .cvr = "25313763"};
	errs.n = 0;
	assert_int_equal(entry_inquiry_create(f->db, &f->a, &ok, &errs, &id, &ref), 0);
	char year[5];
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(year, sizeof(year), "%Y", &tm);
	assert_string_equal(ref, arena_printf(&f->a, "IND-%s-000001", year));
	assert_int_equal(entry_inquiry_create(f->db, &f->a, &ok, &errs, &id, &ref), 0);
	assert_string_equal(ref, arena_printf(&f->a, "IND-%s-000002", year));
	/* a receipt to the sender and a notice to the assignee for each */
	assert_int_equal(count_outbox(f, true), 4);

	struct principal kolding = account(f, "k@kolding.example", "konsulent", "621");
	struct principal silkeborg = account(f, "k@silkeborg.example", "konsulent", "740");
	struct principal jobber = {.id = job_id, .email = "job@kolding.example", .role = ROLE_JOBKONSULENT, .kommune = "621"};
	struct inquiry q;
	assert_int_equal(entry_inquiry_get(f->db, &f->a, &kolding, id, &q), 0);
	assert_string_equal(q.email, "maja@example.org");
	assert_int_equal(q.assignee_id, job_id);
	assert_int_equal(q.unit_id, units[0].id);
	assert_int_equal(entry_inquiry_get(f->db, &f->a, &jobber, id, &q), 0); /* the assignee */
	assert_int_equal(entry_inquiry_get(f->db, &f->a, &silkeborg, id, &q), ERR_NOTFOUND);
	struct inquiry *rows;
	int n, total;
	assert_int_equal(entry_inquiries(f->db, &f->a, &silkeborg, "new", 50, 0, &rows, &n, &total), 0);
	assert_int_equal(total, 0);
	assert_int_equal(entry_inquiries(f->db, &f->a, &kolding, "new", 50, 0, &rows, &n, &total), 0);
	assert_int_equal(total, 2);
	assert_int_equal(entry_inquiries(f->db, &f->a, &kolding, "bogus", 50, 0, &rows, &n, &total), ERR_INVALID);

	/* closing needs an outcome; another municipality cannot touch it */
	struct inquiry_patch close = {.status = "closed", .assignee_id = -1, .unit_id = -1};
	errs.n = 0;
	assert_int_equal(entry_inquiry_update(f->db, &f->a, &kolding, id, &close, &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, "outcome"));
	close.outcome = "Startet i praktik";
	assert_int_equal(entry_inquiry_update(f->db, &f->a, &silkeborg, id, &close, &errs), ERR_NOTFOUND);
	errs.n = 0;
	assert_int_equal(entry_inquiry_update(f->db, &f->a, &kolding, id, &close, &errs), 0);
	assert_int_equal(entry_inquiry_get(f->db, &f->a, &kolding, id, &q), 0);
	assert_string_equal(q.status, "closed");
	assert_non_null(q.closed_at);
	assert_false(q.overdue);
	/* an inquiry naming an enterprise already in the registry is linked to it */
	struct enterprise known = {.name = "Kendt Café", .kommune = "621", .cvr = "10150817"};
	errs.n = 0;
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &known, &errs), 0);
	struct inquiry_input by_cvr = {.kommune = "621", .name = "Ole", .email = "ole@example.org", .topic = "other",
	                               .message = "Hej", .cvr = "10150817"};
	int64_t id2;
	assert_int_equal(entry_inquiry_create(f->db, &f->a, &by_cvr, &errs, &id2, &ref), 0);
	struct inquiry_input by_name = {.kommune = "621", .name = "Ole", .email = "ole@example.org", .topic = "other",
	                                .message = "Hej", .organisation = "Kendt Café"};
	int64_t id3;
	assert_int_equal(entry_inquiry_create(f->db, &f->a, &by_name, &errs, &id3, &ref), 0);
	struct inquiry q2, q3;
	assert_int_equal(entry_inquiry_get(f->db, &f->a, &kolding, id2, &q2), 0);
	assert_int_equal(entry_inquiry_get(f->db, &f->a, &kolding, id3, &q3), 0);
	assert_int_equal(q2.enterprise_id, known.id);
	assert_int_equal(q3.enterprise_id, known.id);
	/* a note, a referral, and the registry entry made from the inquiry */
	errs.n = 0;
	assert_int_equal(entry_note_add(f->db, &f->a, &kolding, id, "Ringet op", &errs), 0);
	assert_int_equal(entry_referral_add(f->db, &f->a, &kolding, id, units[0].id, "Til virksomhedsservice", &errs), 0);
	assert_int_equal(entry_referral_add(f->db, &f->a, &kolding, id, other[0].id, "", &errs), ERR_INVALID);
	int64_t ent = 0;
	errs.n = 0;
	/* the case's jobkonsulent sees it but does not write the registry: refused, nothing made */
	assert_false(entry_may_register(&jobber, &q));
	assert_true(entry_may_register(&kolding, &q));
	assert_int_equal(entry_to_registry(f->db, &f->a, &jobber, id, "Grøn Kantine", &errs, &ent), ERR_FORBIDDEN);
	assert_int_equal(ent, 0);
	assert_int_equal(entry_inquiry_get(f->db, &f->a, &kolding, id, &q), 0);
	assert_int_equal(q.enterprise_id, 0);
	/* a public name is asked for; nothing of the person goes into the public registry */
	assert_int_equal(entry_to_registry(f->db, &f->a, &kolding, id, "  ", &errs, &ent), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "registry_name");
	errs.n = 0;
	assert_int_equal(entry_to_registry(f->db, &f->a, &kolding, id, "Grøn Kantine", &errs, &ent), 0);
	assert_int_equal(entry_inquiry_get(f->db, &f->a, &kolding, id, &q), 0);
	assert_int_equal(q.enterprise_id, ent);
	struct enterprise pub;
	assert_int_equal(registry_get(f->db, &f->a, ent, &pub), 0);
	assert_string_equal(pub.name, "Grøn Kantine");
	assert_string_equal(pub.kommune, "621");
	assert_string_equal(pub.cvr, "25313763");
	assert_true(!pub.contact_name || !*pub.contact_name);
	assert_true(!pub.contact_email || !*pub.contact_email);
	assert_true(!pub.contact_phone || !*pub.contact_phone);
	assert_true(!pub.description || !*pub.description);
	assert_int_equal(entry_to_registry(f->db, &f->a, &kolding, id, "Igen", &errs, &ent), ERR_INVALID);
	/* every read of the case was audited: a read line exists */
	struct note_row *notes;
	struct referral_row *refs;
	int nn, nr;
	assert_int_equal(entry_case_history(f->db, &f->a, id, &notes, &nn, &refs, &nr), 0);
	assert_int_equal(nn, 1);
	assert_int_equal(nr, 1);
	/* what came of the referral: asked for, at most 2,000 characters, only on its own case */
	const char *field = arena_printf(&f->a, "result-%lld", (long long)refs[0].id);
	errs.n = 0;
	assert_int_equal(entry_referral_result(f->db, &f->a, &kolding, id, refs[0].id, "  ", &errs), ERR_INVALID);
	assert_string_equal(errs_get(&errs, field), "Skriv, hvad der kom ud af henvisningen.");
	char *long_text = arena_alloc(&f->a, 2002);
	memset(long_text, 'x', 2001);
	long_text[2001] = '\0';
	errs.n = 0;
	assert_int_equal(entry_referral_result(f->db, &f->a, &kolding, id, refs[0].id, long_text, &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, field));
	errs.n = 0;
	assert_int_equal(entry_referral_result(f->db, &f->a, &kolding, id2, refs[0].id, "Forkert sag", &errs),
	                 ERR_NOTFOUND);
	assert_int_equal(entry_referral_result(f->db, &f->a, &silkeborg, id, refs[0].id, "Andre", &errs),
	                 ERR_NOTFOUND);
	assert_int_equal(entry_case_history(f->db, &f->a, id, &notes, &nn, &refs, &nr), 0);
	assert_string_equal(refs[0].result, "");
	assert_int_equal(entry_referral_result(f->db, &f->a, &kolding, id, refs[0].id, " To i praktik ", &errs), 0);
	assert_int_equal(errs.n, 0);
	assert_int_equal(entry_case_history(f->db, &f->a, id, &notes, &nn, &refs, &nr), 0);
	assert_string_equal(refs[0].result, "To i praktik");
}

/* the recipients of the outbox's messages whose subject starts "Ny henvendelse", joined by
 * spaces in the outbox's order (newest first), owned by the fixture */
static const char *notices_to(struct fixture *f)
{
	struct outbox_row *rows;
	int n, total;
	assert_int_equal(mail_outbox(f->db, &f->a, &users_cli, false, 100, 0, &rows, &n, &total), 0);
	const char *out = "";
	for (int i = 0; i < n; i++)
		if (!strncmp(rows[i].subject, "Ny henvendelse", 14))
			out = arena_printf(&f->a, "%s%s%s", out, *out ? " " : "", rows[i].to);
	return out;
}

/* an inquiry whose route names no person: the municipality's konsulenter (active ones, not the
 * jobkonsulent or a buyer) hear of it by default, or the unit's e-mail, or nobody, as the setup
 * says; the notice names no personal data of the sender */
static void test_unassigned_inquiries_notify(void **state)
{
	struct fixture *f = *state;
	struct principal k1 = account(f, "k1@kolding.example", "konsulent", "621");
	account(f, "k2@kolding.example", "konsulent", "621");
	account(f, "job@kolding.example", "jobkonsulent", "621");
	account(f, "indkoeb@kolding.example", "indkoeber", "621");
	account(f, "k@silkeborg.example", "konsulent", "740");
	struct errs errs = {0};
	int64_t id;
	const char *ref;
	struct inquiry_input in = {.kommune = "621", .name = "Maja Hemmelig", .email = "maja@example.org",
	                           .topic = "funding", .message = "Lån til en café"};
	/* the default: the coordinators */
	assert_string_equal(entry_notify(f->db, &f->a, "621"), ENTRY_NOTIFY_COORDINATORS);
	assert_int_equal(entry_inquiry_create(f->db, &f->a, &in, &errs, &id, &ref), 0);
	assert_string_equal(notices_to(f), "k2@kolding.example k1@kolding.example");
	struct outbox_row *rows;
	int n, total;
	assert_int_equal(mail_outbox(f->db, &f->a, &users_cli, false, 100, 0, &rows, &n, &total), 0);
	for (int i = 0; i < n; i++)
		if (!strncmp(rows[i].subject, "Ny henvendelse", 14)) {
			assert_non_null(strstr(rows[i].body, ref));
			assert_null(strstr(rows[i].body, "Maja"));
			assert_null(strstr(rows[i].body, "café"));
		}
	/* the unit's e-mail when the topic goes to a unit that has one */
	assert_int_equal(entry_unit_add(f->db, &f->a, &k1, "621", "partner", "Lokal bank", "erhverv@bank.example", &errs), 0);
	struct unit_row *units;
	int nu;
	assert_int_equal(entry_units(f->db, &f->a, "621", &units, &nu), 0);
	assert_int_equal(entry_routing_set(f->db, &f->a, &k1, "621", "funding", units[0].id, 0, &errs), 0);
	assert_int_equal(entry_notify_set(f->db, &f->a, &k1, "621", ENTRY_NOTIFY_UNIT, &errs), 0);
	assert_int_equal(entry_inquiry_create(f->db, &f->a, &in, &errs, &id, &ref), 0);
	assert_string_equal(notices_to(f), "erhverv@bank.example k2@kolding.example k1@kolding.example");
	/* a topic without a unit: the coordinators after all */
	in.topic = "other";
	assert_int_equal(entry_inquiry_create(f->db, &f->a, &in, &errs, &id, &ref), 0);
	assert_int_equal(strlen(notices_to(f)), strlen("k1@kolding.example k2@kolding.example erhverv@bank.example "
	                                               "k1@kolding.example k2@kolding.example"));
	/* nobody: the inquiry waits under Sager */
	assert_int_equal(entry_notify_set(f->db, &f->a, &k1, "621", ENTRY_NOTIFY_NONE, &errs), 0);
	const char *before = notices_to(f);
	assert_int_equal(entry_inquiry_create(f->db, &f->a, &in, &errs, &id, &ref), 0);
	assert_string_equal(notices_to(f), before);
	/* the setting is the municipality's konsulent's, and one of the three */
	struct principal other = {.id = 99, .email = "k@silkeborg.example", .role = ROLE_KONSULENT, .kommune = "740"};
	assert_int_equal(entry_notify_set(f->db, &f->a, &other, "621", ENTRY_NOTIFY_UNIT, &errs), ERR_FORBIDDEN);
	errs.n = 0;
	assert_int_equal(entry_notify_set(f->db, &f->a, &k1, "621", "alle", &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, "notify"));
	assert_string_equal(entry_notify(f->db, &f->a, "621"), ENTRY_NOTIFY_NONE);
	/* an inactive konsulent hears nothing */
	const char **to;
	int nto;
	assert_int_equal(users_coordinators(f->db, &f->a, "621", &to, &nto), 0);
	assert_int_equal(nto, 2);
	assert_int_equal(users_coordinators(f->db, &f->a, "740", &to, &nto), 0);
	assert_int_equal(nto, 1);
	assert_string_equal(to[0], "k@silkeborg.example");
}

static void test_sessions_and_buckets(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(advisory_bucket(0), "0");
	assert_string_equal(advisory_bucket(1), "1-2");
	assert_string_equal(advisory_bucket(2), "1-2");
	assert_string_equal(advisory_bucket(3), "3-5");
	assert_string_equal(advisory_bucket(5), "3-5");
	assert_string_equal(advisory_bucket(6), "6-10");
	assert_string_equal(advisory_bucket(10), "6-10");
	assert_string_equal(advisory_bucket(11), ">10");
	struct principal kolding = account(f, "k@kolding.example", "konsulent", "621");
	struct principal indkoeb = account(f, "i@kolding.example", "indkoeber", "621");
	struct errs errs = {0};
	int64_t id;
	for (int i = 0; i < 4; i++) {
		struct advisory_session_input in = {.kommune = "621", .date = "2015-11-03", .topic = "business", .minutes = 60,
		                           .entrepreneur = "Maja"};
		assert_int_equal(advisory_session_add(f->db, &f->a, &kolding, &in, &errs, &id), 0);
	}
	struct advisory_session_input dec = {.kommune = "621", .date = "2015-12-01", .topic = "employment", .minutes = 30,
	                            .entrepreneur = "Ole"};
	assert_int_equal(advisory_session_add(f->db, &f->a, &kolding, &dec, &errs, &id), 0);
	struct advisory_session_input bad = {.kommune = "621", .date = "2015-11-31", .topic = "fun", .minutes = 0};
	assert_int_equal(advisory_session_add(f->db, &f->a, &kolding, &bad, &errs, &id), ERR_INVALID);
	assert_non_null(errs_get(&errs, "date"));
	assert_non_null(errs_get(&errs, "topic"));
	assert_non_null(errs_get(&errs, "minutes"));
	assert_non_null(errs_get(&errs, "entrepreneur"));
	struct advisory_session_input theirs = {.kommune = "740", .date = "2015-11-03", .topic = "business", .minutes = 60,
	                               .entrepreneur = "X"};
	assert_int_equal(advisory_session_add(f->db, &f->a, &kolding, &theirs, &errs, &id), ERR_FORBIDDEN);
	assert_int_equal(advisory_session_add(f->db, &f->a, &indkoeb, &dec, &errs, &id), ERR_FORBIDDEN);

	struct advisory_row *rows;
	int n;
	assert_int_equal(advisory_stats(f->db, &f->a, "2015-10", "2015-12", "621", &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].nmonths, 3);
	assert_string_equal(rows[0].months[0].month, "2015-10");
	assert_int_equal(rows[0].months[0].sessions, 0);
	/* November: four sessions with Maja (one advised), then Ole twice and an enterprise twice */
	assert_int_equal(rows[0].months[1].sessions, 4);
	assert_int_equal(rows[0].months[1].advised, 1);
	assert_int_equal(rows[0].months[2].sessions, 1);
	assert_int_equal(rows[0].months[2].advised, 1);
	struct enterprise cafe = {.name = "Rådgivet Café", .kommune = "621"};
	errs.n = 0;
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &cafe, &errs), 0);
	for (int i = 0; i < 2; i++) {
		struct advisory_session_input ole = {.kommune = "621", .date = "2015-11-10", .topic = "business",
		                                     .minutes = 30, .entrepreneur = "  Ole "};
		struct advisory_session_input ent = {.kommune = "621", .date = "2015-11-11", .topic = "business",
		                                     .minutes = 30, .enterprise_id = cafe.id};
		assert_int_equal(advisory_session_add(f->db, &f->a, &kolding, &ole, &errs, &id), 0);
		assert_int_equal(advisory_session_add(f->db, &f->a, &kolding, &ent, &errs, &id), 0);
	}
	/* the same name in another municipality is someone else */
	struct principal silkeborg = account(f, "k@silkeborg.example", "konsulent", "740");
	struct advisory_session_input maja740 = {.kommune = "740", .date = "2015-11-03", .topic = "business",
	                                         .minutes = 60, .entrepreneur = "Maja"};
	assert_int_equal(advisory_session_add(f->db, &f->a, &silkeborg, &maja740, &errs, &id), 0);
	assert_int_equal(advisory_stats(f->db, &f->a, "2015-10", "2015-12", "621", &rows, &n), 0);
	assert_int_equal(rows[0].months[1].sessions, 8);
	assert_int_equal(rows[0].months[1].advised, 3);
	assert_string_equal(advisory_bucket(rows[0].months[1].advised), "3-5");
	/* an ordinary company advised on hiring citizens is a session, but no social-economy
	 * enterprise advised (Tabel 12) */
	struct enterprise firm = {.name = "Almindeligt Firma ApS", .kommune = "621", .kind = "company"};
	errs.n = 0;
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &firm, &errs), 0);
	struct advisory_session_input hire = {.kommune = "621", .date = "2015-11-12", .topic = "employment",
	                                      .minutes = 45, .enterprise_id = firm.id};
	assert_int_equal(advisory_session_add(f->db, &f->a, &kolding, &hire, &errs, &id), 0);
	assert_int_equal(advisory_stats(f->db, &f->a, "2015-10", "2015-12", "621", &rows, &n), 0);
	assert_int_equal(rows[0].months[1].sessions, 9);
	assert_int_equal(rows[0].months[1].advised, 3);
	assert_int_equal(advisory_stats(f->db, &f->a, "2015-11", "2015-11", "740", &rows, &n), 0);
	assert_int_equal(rows[0].months[0].advised, 1);
	/* all municipalities: only those with sessions */
	assert_int_equal(advisory_stats(f->db, &f->a, "2015-01", "2015-12", NULL, &rows, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(advisory_stats(f->db, &f->a, "2015-12", "2015-01", NULL, &rows, &n), ERR_INVALID);
	assert_int_equal(advisory_stats(f->db, &f->a, "2015-13", "2016-01", NULL, &rows, &n), ERR_INVALID);
	assert_int_equal(advisory_stats(f->db, &f->a, "2015-01", "2015-02", "999", &rows, &n), ERR_NOTFOUND);
}

/* ---------------------------------------------------------------- a small SMTP server */

struct sink {
	int fd, port;
	char data[65536];
	size_t len;
	char rcpt[256];
};

static void say(int c, const char *s)
{
	ssize_t w = write(c, s, strlen(s));
	(void)w;
}

/* one connection, one message; enough of RFC 5321 for libcurl */
static void *sink_run(void *arg)
{
	struct sink *s = arg;
	int c = accept(s->fd, NULL, NULL);
	if (c < 0)
		return NULL;
	say(c, "220 sink ESMTP\r\n");
	char buf[8192];
	size_t have = 0;
	bool in_data = false;
	for (;;) {
		ssize_t r = read(c, buf + have, sizeof(buf) - have - 1);
		if (r <= 0)
			break;
		have += (size_t)r;
		buf[have] = '\0';
		char *line;
		while ((line = strstr(buf, "\r\n"))) {
			*line = '\0';
			size_t used = (size_t)(line - buf) + 2;
			if (in_data) {
				if (!strcmp(buf, ".")) {
					in_data = false;
					say(c, "250 queued\r\n");
				} else if (s->len + used < sizeof(s->data)) {
					/* undo the sender's dot-stuffing, as a server does */
					size_t skip = buf[0] == '.' ? 1 : 0;
					memcpy(s->data + s->len, buf + skip, used - 2 - skip);
					s->len += used - 2 - skip;
					s->data[s->len++] = '\n';
				}
			} else if (!strncmp(buf, "EHLO", 4) || !strncmp(buf, "HELO", 4)) {
				say(c, "250-sink\r\n250 8BITMIME\r\n");
			} else if (!strncmp(buf, "MAIL FROM", 9)) {
				say(c, "250 ok\r\n");
			} else if (!strncmp(buf, "RCPT TO", 7)) {
				snprintf(s->rcpt, sizeof(s->rcpt), "%.200s", buf + 8);
				say(c, "250 ok\r\n");
			} else if (!strcmp(buf, "DATA")) {
				in_data = true;
				say(c, "354 go ahead\r\n");
			} else if (!strcmp(buf, "QUIT")) {
				say(c, "221 bye\r\n");
				close(c);
				return NULL;
			} else {
				say(c, "250 ok\r\n");
			}
			memmove(buf, buf + used, have - used + 1);
			have -= used;
		}
	}
	close(c);
	return NULL;
}

static int sink_open(struct sink *s)
{
	memset(s, 0, sizeof(*s));
	s->fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = 0};
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s->fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(s->fd, 1) != 0)
		return -1;
	socklen_t sl = sizeof(sa);
	getsockname(s->fd, (struct sockaddr *)&sa, &sl);
	s->port = ntohs(sa.sin_port);
	return 0;
}

/* Two senders on one outbox (two servers on one database): a message one has claimed is not
 * due for the other until the claim runs out, so it goes out once; a claim that runs out
 * (its sender stopped) hands the message to the next. */
static void test_mail_claim(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(db_write_begin(f->db), 0);
	assert_int_equal(mail_queue(f->db, "621", "a@example.org", "Første", "Tekst\n"), 0);
	assert_int_equal(mail_queue(f->db, "621", "b@example.org", "Anden", "Tekst\n"), 0);
	assert_int_equal(db_commit(f->db), 0);
	int64_t now = (int64_t)time(NULL);
	struct outbox_row *rows;
	int n;
	assert_int_equal(db_write_begin(f->db), 0);
	assert_int_equal(mail_store_claim(f->db, &f->a, now, now + 300, 1, &rows, &n), 0);
	assert_int_equal(db_commit(f->db), 0);
	assert_int_equal(n, 1);
	int64_t first = rows[0].id;
	/* the second sender, at the same moment: only the message not claimed */
	assert_int_equal(db_write_begin(f->db), 0);
	assert_int_equal(mail_store_claim(f->db, &f->a, now, now + 300, 10, &rows, &n), 0);
	assert_int_equal(db_commit(f->db), 0);
	assert_int_equal(n, 1);
	assert_true(rows[0].id != first);
	/* nothing is left to claim until the claims run out */
	assert_int_equal(db_write_begin(f->db), 0);
	assert_int_equal(mail_store_claim(f->db, &f->a, now + 299, now + 599, 10, &rows, &n), 0);
	assert_int_equal(db_commit(f->db), 0);
	assert_int_equal(n, 0);
	/* the first is sent; the second's sender stopped: its claim runs out and it is due again */
	assert_int_equal(mail_store_sent(f->db, first), 0);
	assert_int_equal(db_write_begin(f->db), 0);
	assert_int_equal(mail_store_claim(f->db, &f->a, now + 300, now + 600, 10, &rows, &n), 0);
	assert_int_equal(db_commit(f->db), 0);
	assert_int_equal(n, 1);
	assert_true(rows[0].id != first);
}

/* Several servers on one PostgreSQL database may claim at the same moment: a claim locks the
 * rows it read until its commit, and another sender passes over them (FOR UPDATE SKIP LOCKED)
 * rather than waiting for them or taking them as still due. The second sender here claims
 * outside the writers' lock, as a claim in flight on another server would look. SQLite has one
 * writer at a time, so there is nothing of this to test there. */
static void test_mail_claim_skips_locked(void **state)
{
	(void)state;
	if (!testdb_on_pg())
		skip();
	char uri[512];
	struct db *one = NULL, *two = NULL;
	assert_int_equal(testdb_template(uri, sizeof(uri)), 0);
	assert_int_equal(db_open(uri, &one), 0);
	assert_int_equal(db_migrate(one, NULL), 0);
	db_close(one);
	assert_int_equal(testdb_new(uri, sizeof(uri)), 0);
	assert_int_equal(db_open(uri, &one), 0);
	assert_int_equal(db_open(uri, &two), 0);
	db_set_wait_ms(two, 2000);
	struct arena a;
	arena_init(&a, 0);
	assert_int_equal(db_write_begin(one), 0);
	assert_int_equal(mail_queue(one, "621", "a@example.org", "Første", "Tekst\n"), 0);
	assert_int_equal(mail_queue(one, "621", "b@example.org", "Anden", "Tekst\n"), 0);
	assert_int_equal(db_commit(one), 0);
	int64_t now = (int64_t)time(NULL);
	struct outbox_row *rows;
	int n;
	assert_int_equal(db_write_begin(one), 0);
	assert_int_equal(mail_store_claim(one, &a, now, now + 300, 1, &rows, &n), 0);
	assert_int_equal(n, 1);
	int64_t first = rows[0].id;
	/* the first claim is not committed yet: the other sender gets the other message only */
	assert_int_equal(mail_store_claim(two, &a, now, now + 300, 10, &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_true(rows[0].id != first);
	assert_int_equal(db_commit(one), 0);
	/* both claims hold: nothing is due for either */
	assert_int_equal(mail_store_claim(two, &a, now, now + 300, 10, &rows, &n), 0);
	assert_int_equal(n, 0);
	arena_free(&a);
	db_close(one);
	db_close(two);
	testdb_drop(uri);
}

static void test_mail_delivery(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(db_write_begin(f->db), 0);
	assert_int_equal(mail_queue(f->db, "621", "maja@example.org", "Kvittering for din henvendelse – tak fra Kolding",
	                            "Kære Maja\n.\nTak for din henvendelse til Kolding Kommune.\n"), 0);
	assert_int_equal(db_commit(f->db), 0);
	/* no relay: nothing happens, the message waits */
	struct mail_config none = {.from = "indgang@kolding.example"};
	int sent, failed;
	assert_int_equal(mail_deliver_due(f->db, &f->a, &none, (int64_t)time(NULL), 10, &sent, &failed), 0);
	assert_int_equal(sent + failed, 0);
	/* the relay is down: one failed attempt, kept, tried again after the back-off */
	struct sink down;
	assert_int_equal(sink_open(&down), 0);
	int dead_port = down.port;
	close(down.fd);
	struct mail_config dead = {.smtp_url = arena_printf(&f->a, "smtp://127.0.0.1:%d", dead_port),
	                           .from = "indgang@kolding.example"};
	int64_t now = (int64_t)time(NULL);
	assert_int_equal(mail_deliver_due(f->db, &f->a, &dead, now, 10, &sent, &failed), 0);
	assert_int_equal(failed, 1);
	struct outbox_row *rows;
	int n, total;
	assert_int_equal(mail_outbox(f->db, &f->a, &users_cli, true, 10, 0, &rows, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_int_equal(rows[0].attempts, 1);
	assert_true(rows[0].next_attempt >= now + 60);
	assert_true(strlen(rows[0].last_error) > 0);
	/* not due yet: nothing is tried */
	assert_int_equal(mail_deliver_due(f->db, &f->a, &dead, now + 1, 10, &sent, &failed), 0);
	assert_int_equal(sent + failed, 0);
	assert_true(mail_backoff(2) == 120 && mail_backoff(20) == 6 * 3600);
	/* the relay is up: delivered once it is due */
	struct sink up;
	assert_int_equal(sink_open(&up), 0);
	pthread_t th;
	pthread_create(&th, NULL, sink_run, &up);
	struct mail_config live = {.smtp_url = arena_printf(&f->a, "smtp://127.0.0.1:%d", up.port),
	                           .from = "indgang@kolding.example"};
	assert_int_equal(mail_deliver_due(f->db, &f->a, &live, now + 61, 10, &sent, &failed), 0);
	pthread_join(th, NULL);
	close(up.fd);
	assert_int_equal(sent, 1);
	assert_int_equal(failed, 0);
	assert_non_null(strstr(up.rcpt, "maja@example.org"));
	up.data[up.len] = '\0';
	if (!strstr(up.data, "Subject: =?UTF-8?B?"))
		fail_msg("the message as received:\n%s", up.data);
	assert_non_null(strstr(up.data, "Content-Type: text/plain; charset=utf-8"));
	assert_non_null(strstr(up.data, "Tak for din henvendelse til Kolding Kommune."));
	/* the lone dot travelled dot-stuffed and came back as a dot */
	assert_non_null(strstr(up.data, "\n.\n"));
	assert_int_equal(count_outbox(f, true), 0);
	assert_int_equal(count_outbox(f, false), 1);
}

/* a message with a calendar invitation and a file: the text and the invitation as
 * alternatives, the file attached, both in base64 that decodes to the bytes queued; a part that
 * could break the headers is refused and nothing is queued */
static void test_mail_parts(void **state)
{
	struct fixture *f = *state;
	static const char ics[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
	static const unsigned char pdf[] = "%PDF-1.4 \x00\x01\xff binary";
	struct mail_part parts[2] = {
		{"text/calendar; method=REQUEST; charset=utf-8", "invitation.ics", ics, sizeof ics - 1},
		{"application/pdf", "dagsorden.pdf", pdf, sizeof pdf - 1},
	};
	struct mail_part evil = {"text/plain\r\nBcc: x@example.org", "a.txt", "x", 1};
	struct mail_part quote = {"text/plain", "a\"b.txt", "x", 1};
	assert_int_equal(db_write_begin(f->db), 0);
	assert_int_equal(mail_queue_parts(f->db, "740", "mette@example.org", "Invitation", "Se vedhæftet.", &evil, 1),
	                 ERR_INVALID);
	assert_int_equal(mail_queue_parts(f->db, "740", "mette@example.org", "Invitation", "Se vedhæftet.", &quote, 1),
	                 ERR_INVALID);
	assert_int_equal(mail_queue_parts(f->db, "740", "mette@example.org", "Invitation til netværksmøde",
	                                  "Du er inviteret.\n", parts, 2), 0);
	assert_int_equal(db_commit(f->db), 0);
	assert_int_equal(count_outbox(f, true), 1);
	struct outbox_row *rows;
	int n, total;
	assert_int_equal(mail_outbox(f->db, &f->a, &users_cli, true, 10, 0, &rows, &n, &total), 0);
	assert_int_equal(rows[0].nparts, 2);
	assert_string_equal(rows[0].parts[0].filename, "invitation.ics");
	assert_int_equal(rows[0].parts[1].len, sizeof pdf - 1);
	assert_memory_equal(rows[0].parts[1].data, pdf, sizeof pdf - 1);

	struct sink up;
	assert_int_equal(sink_open(&up), 0);
	pthread_t th;
	pthread_create(&th, NULL, sink_run, &up);
	struct mail_config live = {.smtp_url = arena_printf(&f->a, "smtp://127.0.0.1:%d", up.port),
	                           .from = "indgang@silkeborg.example"};
	int sent, failed;
	assert_int_equal(mail_deliver_due(f->db, &f->a, &live, (int64_t)time(NULL), 10, &sent, &failed), 0);
	pthread_join(th, NULL);
	close(up.fd);
	assert_int_equal(sent, 1);
	up.data[up.len] = '\0';
	const char *d = up.data;
	if (!strstr(d, "Content-Type: multipart/mixed; boundary="))
		fail_msg("the message as received:\n%s", d);
	assert_non_null(strstr(d, "Content-Type: multipart/alternative; boundary="));
	assert_non_null(strstr(d, "Content-Type: text/plain; charset=utf-8"));
	assert_non_null(strstr(d, "Du er inviteret."));
	assert_non_null(strstr(d, "Content-Type: text/calendar; method=REQUEST; charset=utf-8"));
	assert_non_null(strstr(d, "Content-Disposition: attachment; filename=\"dagsorden.pdf\""));
	/* each part is there in base64, in lines of 76 characters (57 bytes each; the sink keeps
	 * the lines' ends as LF) */
	const struct {
		const unsigned char *p;
		size_t n;
	} bytes[] = {{(const unsigned char *)ics, sizeof ics - 1}, {pdf, sizeof pdf - 1}};
	for (size_t b = 0; b < 2; b++) {
		char want[512] = "", line[80];
		for (size_t at = 0; at < bytes[b].n; at += 57) {
			size_t k = bytes[b].n - at < 57 ? bytes[b].n - at : 57;
			sodium_bin2base64(line, sizeof line, bytes[b].p + at, k, sodium_base64_VARIANT_ORIGINAL);
			strcat(want, line);
			strcat(want, "\n");
		}
		if (!strstr(d, want))
			fail_msg("part %zu not found as\n%s\nin\n%s", b, want, d);
	}
	assert_int_equal(count_outbox(f, true), 0);
}

/* the retention: closed inquiries past their municipality's period lose their personal data
 * (and their notes), open ones and those inside the period keep everything, a second run finds
 * nothing, and the figures still count every inquiry */
static void test_purge_after_retention(void **state)
{
	struct fixture *f = *state;
	struct errs errs = {0};
	int64_t ids[4];
	const char *ref;
	static const char *const kommuner[4] = {"621", "621", "740", "621"};
	for (int i = 0; i < 4; i++) {
		struct inquiry_input in = {.kommune = kommuner[i], .name = "Bo Borger", .email = "bo@example.org",
		                           .phone = "20 30 40 50", .organisation = "Bos idé", .topic = "start",
		                           .message = "Hemmelig plan"};
		assert_int_equal(entry_inquiry_create(f->db, &f->a, &in, &errs, &ids[i], &ref), 0);
	}
	assert_int_equal(entry_note_add(f->db, &f->a, &users_cli, ids[0], "Ringede til Bo", &errs), 0);
	/* 0: Kolding, closed 2019 (past 5 years); 1: Kolding, closed 2023 (inside); 2: Silkeborg,
	 * closed 2023 with a retention of 2 years (past); 3: Kolding, open since 2015 */
	assert_int_equal(EXEC_SQL(f->db, "UPDATE inquiries SET status = 'closed', closed_at = '2019-05-01T10:00:00Z'"
	                                 " WHERE seq = 1"), 0);
	assert_int_equal(EXEC_SQL(f->db, "UPDATE inquiries SET status = 'closed', closed_at = '2023-05-01T10:00:00Z'"
	                                 " WHERE seq IN (2, 3)"), 0);
	assert_int_equal(EXEC_SQL(f->db, "UPDATE inquiries SET received_at = '2015-01-05T09:00:00Z' WHERE seq = 4"), 0);
	struct principal kolding = account(f, "k3@kolding.example", "konsulent", "621");
	struct principal silkeborg = account(f, "k3@silkeborg.example", "konsulent", "740");
	/* a municipality sets its own retention, within 1 to 10 years, and only its own */
	assert_int_equal(entry_retention_set(f->db, &f->a, &kolding, "740", 2, &errs), ERR_FORBIDDEN);
	assert_int_equal(entry_retention_set(f->db, &f->a, &silkeborg, "740", 11, &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, "retention_years"));
	errs.n = 0;
	assert_int_equal(entry_retention_set(f->db, &f->a, &silkeborg, "740", 2, &errs), 0);
	assert_int_equal(entry_retention_years(f->db, "740"), 2);
	assert_int_equal(entry_retention_years(f->db, "621"), ENTRY_DEFAULT_RETENTION_YEARS);

	int count = -1;
	assert_int_equal(entry_purge(f->db, "2026-99-01", false, &count), ERR_INVALID);
	assert_int_equal(entry_purge(f->db, "2026-11-30", true, &count), 0);
	assert_int_equal(count, 2);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM inquiries WHERE purged_at IS NOT NULL"), 0);
	int64_t purges = fixture_audit_count(f->db, "purge", "inquiry");
	assert_int_equal(entry_purge(f->db, "2026-11-30", false, &count), 0);
	assert_int_equal(count, 2);
	assert_int_equal(fixture_audit_count(f->db, "purge", "inquiry"), purges + 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM inquiries WHERE purged_at IS NOT NULL"
	                                  " AND name = '' AND email = '' AND phone = '' AND organisation = ''"
	                                  " AND message = '' AND cvr IS NULL AND seq IN (1, 3)"), 2);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM inquiry_notes"), 0);
	/* the others keep everything */
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM inquiries WHERE purged_at IS NULL"
	                                  " AND name = 'Bo Borger' AND message = 'Hemmelig plan' AND seq IN (2, 4)"), 2);
	/* nothing is left to do, and every inquiry still counts */
	assert_int_equal(entry_purge(f->db, "2026-11-30", false, &count), 0);
	assert_int_equal(count, 0);
	assert_int_equal(fixture_audit_count(f->db, "purge", "inquiry"), purges + 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM inquiries"), 4);
	/* the case says what happened instead of showing empty fields */
	struct inquiry q;
	assert_int_equal(entry_inquiry_get(f->db, &f->a, &kolding, ids[0], &q), 0);
	assert_non_null(q.purged_at);
	assert_string_equal(q.name, "");
}

/* every read of personal data writes its audit line, naming who read what; a refused read
 * writes none and shows nothing */
static void test_personal_reads_audited(void **state)
{
	struct fixture *f = *state;
	struct errs errs = {0};
	struct inquiry_input in = {.kommune = "621", .name = "Bo Borger", .email = "bo@example.org",
	                           .topic = "start", .message = "En idé"};
	int64_t id;
	const char *ref;
	assert_int_equal(entry_inquiry_create(f->db, &f->a, &in, &errs, &id, &ref), 0);
	struct principal kolding = account(f, "k2@kolding.example", "konsulent", "621");
	struct principal silkeborg = account(f, "k2@silkeborg.example", "konsulent", "740");
	struct principal indk = account(f, "i2@kolding.example", "indkoeber", "621");
	int64_t reads = fixture_audit_count(f->db, "read", "inquiry");
	unsigned long mine = audit_count_thread();

	struct inquiry q;
	assert_int_equal(entry_inquiry_get(f->db, &f->a, &kolding, id, &q), 0);
	assert_int_equal(fixture_audit_count(f->db, "read", "inquiry"), reads + 1);
	assert_int_equal(audit_count_thread(), mine + 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM audit WHERE action = 'read'"
	                                  " AND entity = 'inquiry' AND user_email = 'k2@kolding.example'"
	                                  " AND kommune = '621' AND entity_id = CAST((SELECT max(id) FROM"
	                                  " inquiries) AS text)"),
	                 1);
	/* the list: one line per look, with how many rows it showed */
	struct inquiry *rows;
	int n, total;
	assert_int_equal(entry_inquiries(f->db, &f->a, &kolding, "open", 50, 0, &rows, &n, &total), 0);
	assert_true(n >= 1);
	assert_int_equal(fixture_audit_count(f->db, "read", "inquiry"), reads + 2);
	assert_string_equal(fixture_last_audit_detail(f->db, &f->a),
	                    arena_printf(&f->a, "{\"count\":%d}", n));
	/* an empty list is a look too (a jobkonsulent with no case given yet) */
	struct principal job0 = account(f, "j0@kolding.example", "jobkonsulent", "621");
	assert_int_equal(entry_inquiries(f->db, &f->a, &job0, "open", 50, 0, &rows, &n, &total), 0);
	assert_int_equal(n, 0);
	assert_int_equal(fixture_audit_count(f->db, "read", "inquiry"), reads + 3);
	/* a buyer is never given cases, so the list is refused, not shown empty */
	assert_int_equal(entry_inquiries(f->db, &f->a, &indk, "open", 50, 0, &rows, &n, &total),
	                 ERR_FORBIDDEN);
	/* a refused read writes nothing and gives nothing */
	assert_int_equal(entry_inquiry_get(f->db, &f->a, &silkeborg, id, &q), ERR_NOTFOUND);
	assert_int_equal(entry_inquiry_get(f->db, &f->a, NULL, id, &q), ERR_NOTFOUND);
	assert_int_equal(fixture_audit_count(f->db, "read", "inquiry"), reads + 3);
	assert_int_equal(entry_inquiries(f->db, &f->a, NULL, "open", 50, 0, &rows, &n, &total),
	                 ERR_FORBIDDEN);
	assert_int_equal(fixture_audit_count(f->db, "read", "inquiry"), reads + 3);
	/* a case goes only to those who may see the contact's data: not to a buyer */
	struct inquiry_patch give = {.assignee_id = indk.id, .unit_id = -1};
	errs.n = 0;
	assert_int_equal(entry_inquiry_update(f->db, &f->a, &kolding, id, &give, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "assignee_id");
	struct principal job = account(f, "j2@kolding.example", "jobkonsulent", "621");
	give.assignee_id = job.id;
	errs.n = 0;
	assert_int_equal(entry_inquiry_update(f->db, &f->a, &kolding, id, &give, &errs), 0);
	assert_int_equal(entry_inquiry_get(f->db, &f->a, &job, id, &q), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_easter),
		cmocka_unit_test(test_workdays),
		cmocka_unit_test_setup_teardown(test_inquiries, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_unassigned_inquiries_notify, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_sessions_and_buckets, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_mail_claim, fixture_setup, fixture_teardown),
		cmocka_unit_test(test_mail_claim_skips_locked),
		cmocka_unit_test_setup_teardown(test_mail_delivery, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_mail_parts, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_personal_reads_audited, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_purge_after_retention, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
