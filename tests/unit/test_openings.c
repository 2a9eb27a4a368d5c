/*
 * test_openings.c — openings (stillinger og pladser, src/employment/openings.h) against an
 * in-memory migrated database: who may keep and see them (access_openings and its scope, as a
 * table over every role, both operations, own and other municipality and enterprise), every
 * field's validation with the field it names, saving with the lists and the audit line, the
 * order of the checks (403 before 422), the list's scope and filters, and the status.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/access.h"
#include "src/auth/auth.h"
#include "src/auth/users.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/employment/employment.h"
#include "src/employment/openings.h"
#include "src/registry/registry.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

#define Y 0
#define N ERR_FORBIDDEN

/* ---------------------------------------------------------------- the access decision */

static void test_access_openings(void **state)
{
	(void)state;
	/* fixture_virk621 represents enterprise 5 of 621; the columns are READ and WRITE on the
	 * openings of enterprise id of kommune */
	static const struct {
		const struct principal *who;
		const char *kommune;
		int64_t id;
		int read, write;
	} rows[] = {
		{&fixture_admin, "621", 5, Y, Y},      {&fixture_admin, "740", 9, Y, Y},
		{&fixture_kons621, "621", 5, Y, Y},    {&fixture_kons621, "621", 6, Y, Y},
		{&fixture_kons621, "740", 9, N, N},    {&fixture_kons740, "740", 9, Y, Y},
		{&fixture_job621, "621", 6, Y, Y},     {&fixture_job621, "740", 9, N, N},
		{&fixture_indk621, "621", 6, Y, N},    {&fixture_indk621, "740", 9, N, N},
		{&fixture_virk621, "621", 5, Y, Y},    {&fixture_virk621, "621", 6, N, N},
		{&fixture_virk621, "740", 5, N, N},    {&fixture_kons_none, "621", 5, N, N},
		{NULL, "621", 5, N, N},                {&fixture_admin, NULL, 5, N, N},
		{&fixture_kons621, NULL, 5, N, N},
	};
	for (size_t i = 0; i < N_OF(rows); i++) {
		int r = access_openings(rows[i].who, ACC_READ, rows[i].kommune, rows[i].id);
		int w = access_openings(rows[i].who, ACC_WRITE, rows[i].kommune, rows[i].id);
		if (r != rows[i].read || w != rows[i].write)
			fail_msg("openings row %zu (%s, %s, %lld): read %d write %d, expected %d %d", i,
			         rows[i].who ? rows[i].who->email : "anonymous",
			         rows[i].kommune ? rows[i].kommune : "NULL", (long long)rows[i].id, r, w,
			         rows[i].read, rows[i].write);
	}
	/* only reading and writing are questions about openings */
	assert_int_equal(access_openings(&fixture_admin, ACC_NATIONAL, "621", 5), N);
	assert_int_equal(access_openings(&fixture_kons621, ACC_MANAGE_USERS, "621", 5), N);
}

static void test_access_openings_scope(void **state)
{
	(void)state;
	static const struct principal virk_none = {.id = 9008, .role = ROLE_VIRKSOMHED, .kommune = "621"};
	static const struct {
		const struct principal *who;
		int rc;
		const char *kommune;
		int64_t enterprise;
		bool may_create;
	} cases[] = {
		{&fixture_admin, Y, NULL, 0, true},       {&fixture_kons621, Y, "621", 0, true},
		{&fixture_kons740, Y, "740", 0, true},    {&fixture_job621, Y, "621", 0, true},
		{&fixture_indk621, Y, "621", 0, false},   {&fixture_virk621, Y, "621", 5, true},
		{&virk_none, N, NULL, 0, false},          {&fixture_kons_none, N, NULL, 0, false},
		{NULL, N, NULL, 0, false},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		const char *k = "untouched";
		int64_t e = -1;
		int rc = access_openings_scope(cases[i].who, &k, &e);
		if (rc != cases[i].rc)
			fail_msg("scope case %zu: %d, expected %d", i, rc, cases[i].rc);
		if (rc == 0 && ((k == NULL) != (cases[i].kommune == NULL) ||
		                (k && strcmp(k, cases[i].kommune)) || e != cases[i].enterprise))
			fail_msg("scope case %zu: %s/%lld", i, k ? k : "NULL", (long long)e);
		if (rc != 0 && (strcmp(k, "untouched") || e != -1))
			fail_msg("scope case %zu: outputs written on failure", i);
		if (openings_may_create(cases[i].who) != cases[i].may_create)
			fail_msg("may_create case %zu: expected %d", i, cases[i].may_create);
	}
}

/* ---------------------------------------------------------------- helpers */

static int64_t add_enterprise(struct fixture *f, const char *name, const char *kommune)
{
	struct enterprise e = {.name = name, .kommune = kommune};
	struct errs errs = {0};
	int rc = registry_save(f->db, &f->a, &users_cli, &e, &errs);
	if (rc)
		fail_msg("save %s: %d %s", name, rc, errs.n ? errs.e[0].message : "");
	return e.id;
}

static const char *one_task[] = {"rengoering"};

/* a valid opening at enterprise */
static struct opening valid(int64_t enterprise)
{
	return (struct opening){.enterprise_id = enterprise, .title = "Rengøringsassistent",
	                        .tasks = one_task, .ntasks = 1, .schemes = SCHEME_FLEKSJOB,
	                        .hours_min = 10, .hours_max = 20, .times = TIME_EFTERMIDDAG,
	                        .seats = 2};
}

/* ---------------------------------------------------------------- validation */

/* o breaks one rule: validation answers ERR_INVALID with one field error, on field */
static void breaks(struct fixture *f, const char *what, const char *field, struct opening o)
{
	struct errs errs = {0};
	int rc = openings_validate(f->db, &f->a, &o, &errs);
	if (rc != ERR_INVALID || errs.n != 1 || strcmp(errs.e[0].field, field))
		fail_msg("%s: rc %d, %d errors, the first on %s (expected one on %s)", what, rc, errs.n,
		         errs.n ? errs.e[0].field : "-", field);
}
/* BREAKS(what, field, change): a valid opening with change made breaks the rule on field */
#define BREAKS(what, field, ...)                                                               \
	do {                                                                                       \
		struct opening o = valid(1);                                                           \
		__VA_ARGS__;                                                                           \
		breaks(f, what, field, o);                                                             \
	} while (0)

static void test_validation(void **state)
{
	struct fixture *f = *state;
	static const char *unknown_task[] = {"rengoering", "astronaut"};
	static const char *unknown_adaptation[] = {"henteordning", "jetpack"};
	static char long_title[202];
	memset(long_title, 'x', 201);
	struct errs errs = {0};
	struct opening ok = valid(1);
	assert_int_equal(openings_validate(f->db, &f->a, &ok, &errs), 0);
	BREAKS("no title", "title", o.title = "  ");
	BREAKS("a title of 201 characters", "title", o.title = long_title);
	BREAKS("disco of 3 digits", "disco", o.disco = "911");
	BREAKS("disco with a letter", "disco", o.disco = "91a2");
	BREAKS("no task", "tasks", o.ntasks = 0);
	BREAKS("an unknown task", "tasks", o.tasks = unknown_task, o.ntasks = 2);
	BREAKS("no scheme", "schemes", o.schemes = 0);
	BREAKS("a scheme past the list", "schemes", o.schemes = 32);
	BREAKS("0 hours at least", "hours_min", o.hours_min = 0);
	BREAKS("38 hours at most", "hours_max", o.hours_max = 38);
	BREAKS("at most below at least", "hours_max", o.hours_min = 30, o.hours_max = 20);
	BREAKS("no time of day", "times", o.times = 0);
	BREAKS("an unknown adaptation", "adaptations", o.adaptations = unknown_adaptation,
	       o.nadaptations = 2);
	BREAKS("0 seats", "seats", o.seats = 0);
	BREAKS("501 seats", "seats", o.seats = 501);
	BREAKS("an unknown status", "status", o.status = "paused");
	BREAKS("a date that is not one", "starts", o.starts = "2026-02-30");
	BREAKS("a Danish date", "ends", o.ends = "01.03.2026");
	BREAKS("ends before it starts", "ends", o.starts = "2026-03-01", o.ends = "2026-02-28");
}

static void test_validation_cleans(void **state)
{
	struct fixture *f = *state;
	const char *tasks[] = {"kantine", "rengoering", "kantine"};
	struct opening o = valid(1);
	o.title = "  Køkkenhjælp  ";
	o.disco = " ";
	o.description = NULL;
	o.starts = "";
	o.ends = " 2026-12-31 ";
	o.tasks = tasks;
	o.ntasks = 3;
	struct errs errs = {0};
	assert_int_equal(openings_validate(f->db, &f->a, &o, &errs), 0);
	assert_string_equal(o.title, "Køkkenhjælp");
	assert_null(o.disco);
	assert_string_equal(o.description, "");
	assert_null(o.starts);
	assert_string_equal(o.ends, "2026-12-31");
	assert_string_equal(o.status, "open");
	assert_int_equal(o.ntasks, 2); /* the repeat is dropped */
	/* DISCO-08 in four digits, hours equal */
	o.disco = "9112";
	o.hours_min = o.hours_max = 37;
	assert_int_equal(openings_validate(f->db, &f->a, &o, &errs), 0);
	/* the fixed lists from keys; an unknown key names its list */
	const char *keys[] = {"fleksjob", "praktik", "fleksjob"};
	assert_int_equal(openings_flags(&f->a, employment_schemes, SCHEME_COUNT, keys, 3, "schemes", &errs),
	                 SCHEME_FLEKSJOB | SCHEME_PRAKTIK);
	assert_int_equal(errs.n, 0);
	const char *bad[] = {"morgen", "nat"};
	assert_int_equal(openings_flags(&f->a, employment_times, TIME_COUNT, bad, 2, "times", &errs), TIME_MORGEN);
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.e[0].field, "times");
	assert_string_equal(errs.e[0].message, "Ukendt tidspunkt: nat.");
	assert_true(openings_status_valid("filled"));
	assert_false(openings_status_valid("Filled"));
	assert_false(openings_status_valid(NULL));
	assert_string_equal(openings_status_label("closed"), "Lukket");
}

/* ---------------------------------------------------------------- saving and reading */

static void test_save_get_update(void **state)
{
	struct fixture *f = *state;
	int64_t kolding = add_enterprise(f, "Soul Café", "621");
	const char *adaptations[] = {"fast_mentor", "henteordning"};
	struct opening o = valid(kolding);
	o.adaptations = adaptations;
	o.nadaptations = 2;
	o.inhouse = true;
	o.disco = "9112";
	o.starts = "2026-03-01";
	struct errs errs = {0};
	assert_int_equal(openings_save(f->db, &f->a, &fixture_job621, &o, &errs), 0);
	assert_true(o.id > 0);
	/* the saved opening comes back as stored */
	assert_string_equal(o.enterprise_name, "Soul Café");
	assert_string_equal(o.kommune, "621");
	assert_string_equal(o.kommune_navn, "Kolding");
	assert_string_equal(o.status, "open");
	assert_non_null(o.created_at);
	assert_int_equal(fixture_audit_count(f->db, "create", "opening"), 1);
	assert_non_null(strstr(fixture_last_audit_detail(f->db, &f->a), "\"title\":\"Rengøringsassistent\""));
	struct opening got;
	assert_int_equal(openings_get(f->db, &f->a, &fixture_indk621, o.id, &got), 0);
	assert_int_equal(got.ntasks, 1);
	assert_string_equal(got.tasks[0], "rengoering");
	/* in the managed list's order: henteordning before fast_mentor */
	assert_int_equal(got.nadaptations, 2);
	assert_string_equal(got.adaptations[0], "henteordning");
	assert_string_equal(got.adaptations[1], "fast_mentor");
	assert_int_equal(got.schemes, SCHEME_FLEKSJOB);
	assert_true(got.inhouse);
	assert_string_equal(got.disco, "9112");
	assert_string_equal(got.starts, "2026-03-01");
	assert_null(got.ends);
	/* reading: another municipality is forbidden, an unknown id not found */
	assert_int_equal(openings_get(f->db, &f->a, &fixture_kons740, o.id, &got), ERR_FORBIDDEN);
	assert_int_equal(openings_get(f->db, &f->a, NULL, o.id, &got), ERR_FORBIDDEN);
	assert_int_equal(openings_get(f->db, &f->a, &fixture_kons621, o.id + 100, &got), ERR_NOTFOUND);
	/* an update replaces the lists and keeps the enterprise */
	const char *tasks[] = {"kantine", "koekken"};
	got.tasks = tasks;
	got.ntasks = 2;
	got.nadaptations = 0;
	got.seats = 5;
	assert_int_equal(openings_save(f->db, &f->a, &fixture_kons621, &got, &errs), 0);
	assert_int_equal(got.ntasks, 2);
	assert_string_equal(got.tasks[0], "koekken");
	assert_int_equal(got.nadaptations, 0);
	assert_int_equal(got.seats, 5);
	assert_int_equal(fixture_audit_count(f->db, "update", "opening"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM opening_adaptations"), 0);
	/* it cannot move to another enterprise */
	int64_t other = add_enterprise(f, "Anden ApS", "621");
	got.enterprise_id = other;
	assert_int_equal(openings_save(f->db, &f->a, &fixture_kons621, &got, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "enterprise_id");
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM openings WHERE enterprise_id = 2"), 0);
}

static void test_save_access_before_validation(void **state)
{
	struct fixture *f = *state;
	int64_t kolding = add_enterprise(f, "Soul Café", "621");
	int64_t silkeborg = add_enterprise(f, "Æblespecialisterne", "740");
	struct principal virk = fixture_virk621;
	virk.enterprise_id = kolding;
	/* who may create where: a valid opening, and one without a title */
	static const struct {
		const struct principal *who;
		int own, other; /* at kolding and at silkeborg */
	} cases[] = {
		{&fixture_admin, Y, Y}, {&fixture_kons621, Y, N}, {&fixture_job621, Y, N},
		{&fixture_indk621, N, N}, {&fixture_virk621, N, N}, /* represents enterprise 5, not these */
		{NULL, N, N},
	};
	for (size_t i = 0; i < N_OF(cases) + 1; i++) {
		const struct principal *who = i < N_OF(cases) ? cases[i].who : &virk;
		int want[2] = {i < N_OF(cases) ? cases[i].own : Y, i < N_OF(cases) ? cases[i].other : N};
		int64_t at[2] = {kolding, silkeborg};
		for (int k = 0; k < 2; k++) {
			struct errs errs = {0};
			struct opening o = valid(at[k]);
			int rc = openings_save(f->db, &f->a, who, &o, &errs);
			if (rc != want[k] || (rc == 0) != (o.id > 0))
				fail_msg("case %zu at %s: %d (id %lld), expected %d", i, k ? "740" : "621", rc,
				         (long long)o.id, want[k]);
			struct errs errs2 = {0};
			struct opening bad = valid(at[k]);
			bad.title = "";
			rc = openings_save(f->db, &f->a, who, &bad, &errs2);
			int expect = want[k] == Y ? ERR_INVALID : ERR_FORBIDDEN;
			if (rc != expect || bad.id != 0 || (rc == ERR_FORBIDDEN && errs2.n))
				fail_msg("case %zu at %s without a title: %d, expected %d", i, k ? "740" : "621", rc, expect);
		}
	}
	/* an unknown enterprise is a field error, with the other fields checked too */
	struct errs errs = {0};
	struct opening o = valid(999);
	o.seats = 0;
	assert_int_equal(openings_save(f->db, &f->a, &fixture_kons621, &o, &errs), ERR_INVALID);
	assert_int_equal(errs.n, 2);
	assert_string_equal(errs.e[0].field, "enterprise_id");
	assert_string_equal(errs.e[1].field, "seats");
	assert_int_equal(o.id, 0);
	/* errors the caller found reading the input stop the save, after the access check */
	struct errs pre = {0};
	errs_add(&pre, "disco", "disco must be a string.");
	o = valid(kolding);
	assert_int_equal(openings_save(f->db, &f->a, &fixture_kons740, &o, &pre), ERR_FORBIDDEN);
	assert_int_equal(openings_save(f->db, &f->a, &fixture_kons621, &o, &pre), ERR_INVALID);
	assert_string_equal(pre.e[0].field, "disco");
	assert_int_equal(o.id, 0);
	/* every refused save wrote nothing: two at kolding by the administrator, konsulent,
	 * jobkonsulent and the enterprise's own user, two at silkeborg by the administrator */
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM openings"), 5);
	assert_int_equal(fixture_audit_count(f->db, "create", "opening"), 5);
}

/* ---------------------------------------------------------------- list and status */

static void test_list_scope_and_filters(void **state)
{
	struct fixture *f = *state;
	int64_t soul = add_enterprise(f, "Soul Café", "621");
	int64_t other = add_enterprise(f, "Kantinen", "621");
	int64_t silkeborg = add_enterprise(f, "Æblespecialisterne", "740");
	const char *kitchen[] = {"koekken"};
	struct {
		int64_t at;
		const char *title;
		int schemes;
		const char **tasks;
	} rows[] = {
		{soul, "Opvasker", SCHEME_FLEKSJOB, kitchen},
		{soul, "Café-medhjælper", SCHEME_PRAKTIK, one_task},
		{other, "Kantinemedarbejder", SCHEME_FLEKSJOB | SCHEME_LOENTILSKUD, one_task},
		{silkeborg, "Æbleplukker", SCHEME_FLEKSJOB, one_task},
	};
	int64_t ids[4];
	for (int i = 0; i < 4; i++) {
		struct opening o = valid(rows[i].at);
		o.title = rows[i].title;
		o.schemes = rows[i].schemes;
		o.tasks = rows[i].tasks;
		struct errs errs = {0};
		assert_int_equal(openings_save(f->db, &f->a, &fixture_admin, &o, &errs), 0);
		ids[i] = o.id;
	}
	struct opening *items;
	int n, total;
	struct openings_query q = {.limit = 50};
	/* the administrator sees all, newest first */
	assert_int_equal(openings_list(f->db, &f->a, &fixture_admin, &q, &items, &n, &total), 0);
	assert_int_equal(total, 4);
	assert_int_equal(items[0].id, ids[3]);
	assert_string_equal(items[0].kommune, "740");
	/* the konsulent its municipality's, even when it asks for another */
	assert_int_equal(openings_list(f->db, &f->a, &fixture_kons621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 3);
	q.kommune = "740";
	assert_int_equal(openings_list(f->db, &f->a, &fixture_kons621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 0);
	assert_int_equal(openings_list(f->db, &f->a, &fixture_admin, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	q.kommune = NULL;
	/* the virksomhed its own enterprise's, the indkøber every one of its municipality */
	struct principal virk = fixture_virk621;
	virk.enterprise_id = soul;
	assert_int_equal(openings_list(f->db, &f->a, &virk, &q, &items, &n, &total), 0);
	assert_int_equal(total, 2);
	q.enterprise_id = other;
	assert_int_equal(openings_list(f->db, &f->a, &virk, &q, &items, &n, &total), 0);
	assert_int_equal(total, 0);
	assert_int_equal(openings_list(f->db, &f->a, &fixture_indk621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	q.enterprise_id = 0;
	assert_int_equal(openings_list(f->db, &f->a, NULL, &q, &items, &n, &total), ERR_FORBIDDEN);
	/* filters: scheme, task, status; sorting by title in Danish order; paging */
	q.scheme = SCHEME_FLEKSJOB;
	assert_int_equal(openings_list(f->db, &f->a, &fixture_kons621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 2);
	q.scheme = 0;
	q.task = "koekken";
	assert_int_equal(openings_list(f->db, &f->a, &fixture_kons621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_string_equal(items[0].title, "Opvasker");
	q.task = NULL;
	struct errs errs = {0};
	assert_int_equal(openings_set_status(f->db, &f->a, &fixture_kons621, ids[0], "filled", &errs), 0);
	q.status = "open";
	assert_int_equal(openings_list(f->db, &f->a, &fixture_kons621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 2);
	q.status = NULL;
	q.sort = OPENINGS_TITLE;
	q.limit = 2;
	assert_int_equal(openings_list(f->db, &f->a, &fixture_admin, &q, &items, &n, &total), 0);
	assert_int_equal(total, 4);
	assert_int_equal(n, 2);
	assert_string_equal(items[0].title, "Café-medhjælper");
	assert_string_equal(items[1].title, "Kantinemedarbejder");
	q.offset = 3;
	assert_int_equal(openings_list(f->db, &f->a, &fixture_admin, &q, &items, &n, &total), 0);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].title, "Æbleplukker"); /* Æ after Z and O */
}

static void test_set_status(void **state)
{
	struct fixture *f = *state;
	int64_t soul = add_enterprise(f, "Soul Café", "621");
	struct opening o = valid(soul);
	struct errs errs = {0};
	assert_int_equal(openings_save(f->db, &f->a, &fixture_kons621, &o, &errs), 0);
	assert_int_equal(openings_set_status(f->db, &f->a, &fixture_kons740, o.id, "closed", &errs), ERR_FORBIDDEN);
	assert_int_equal(openings_set_status(f->db, &f->a, &fixture_indk621, o.id, "closed", &errs), ERR_FORBIDDEN);
	/* the access check comes before the status is read */
	assert_int_equal(openings_set_status(f->db, &f->a, &fixture_kons740, o.id, "paused", &errs), ERR_FORBIDDEN);
	assert_int_equal(errs.n, 0);
	assert_int_equal(openings_set_status(f->db, &f->a, &fixture_kons621, o.id, "paused", &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "status");
	assert_int_equal(openings_set_status(f->db, &f->a, &fixture_kons621, o.id + 1, "closed", &errs), ERR_NOTFOUND);
	assert_int_equal(openings_set_status(f->db, &f->a, &fixture_job621, o.id, "closed", &errs), 0);
	struct opening got;
	assert_int_equal(openings_get(f->db, &f->a, &fixture_kons621, o.id, &got), 0);
	assert_string_equal(got.status, "closed");
	assert_int_equal(fixture_audit_count(f->db, "status", "opening"), 1);
	assert_non_null(strstr(fixture_last_audit_detail(f->db, &f->a), "\"from\":\"open\""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_access_openings),
		cmocka_unit_test(test_access_openings_scope),
		cmocka_unit_test_setup_teardown(test_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_validation_cleans, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_save_get_update, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_save_access_before_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_list_scope_and_filters, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_set_status, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
