/*
 * test_pools.c — the grant pool (src/collab/pools.h) against an in-memory migrated database:
 * who may create, read and act on a pool (a table over the roles); validation naming the
 * field; the limits of grants (the maximum per municipality and the remainder, exactly the
 * remainder passing, the sum never past the total) and of payments (never past the grant); a
 * municipality's staff seeing only their own application; and the obligation to attend network
 * meetings counted from hand-made meetings of the pool's national network.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/auth.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/collab/meetings.h"
#include "src/collab/networks.h"
#include "src/collab/pools.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

/* a pool of total and max kroner (in øre) made by the administrator; its id */
static int64_t pool(struct fixture *f, int64_t total, int64_t max, int64_t network, int required)
{
	struct errs e = {0};
	struct pool p = {.title = "Prøvepulje", .total_ore = total, .max_ore = max,
	                 .period_start = "2016-01-01", .period_end = "2016-12-31", .obligations = "",
	                 .network_id = network, .meetings_required = required};
	assert_int_equal(pools_create(f->db, &f->a, &fixture_admin, &p, &e), 0);
	assert_true(p.id > 0);
	return p.id;
}

static int grant(struct fixture *f, const struct principal *by, int64_t id, const char *kommune,
                 int64_t ore, struct errs *e)
{
	*e = (struct errs){0};
	struct pool_entry g = {.kommune = kommune, .amount_ore = ore};
	return pools_grant(f->db, &f->a, by, id, &g, e);
}

static int pay(struct fixture *f, int64_t id, const char *kommune, int64_t ore, struct errs *e)
{
	*e = (struct errs){0};
	struct pool_entry p = {.kommune = kommune, .day = "2016-03-01", .amount_ore = ore};
	return pools_pay(f->db, &f->a, &fixture_admin, id, &p, e);
}

static void test_access(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const struct principal *who;
		int create;
		int read;
	} rows[] = {
		{&fixture_admin, 0, 0},
		{&fixture_kons621, ERR_FORBIDDEN, 0},
		{&fixture_job621, ERR_FORBIDDEN, 0},
		{&fixture_indk621, ERR_FORBIDDEN, 0},
		{&fixture_virk621, ERR_FORBIDDEN, ERR_FORBIDDEN},
		{NULL, ERR_FORBIDDEN, ERR_FORBIDDEN},
	};
	int64_t id = pool(f, 100000, 50000, 0, 0);
	for (size_t i = 0; i < N_OF(rows); i++) {
		struct errs e = {0};
		struct pool p = {.title = "x", .total_ore = 100, .max_ore = 50, .period_start = "2016-01-01",
		                 .period_end = "2016-12-31"};
		assert_int_equal(pools_create(f->db, &f->a, rows[i].who, &p, &e), rows[i].create);
		struct pool got;
		assert_int_equal(pools_get(f->db, &f->a, rows[i].who, id, &got), rows[i].read);
	}
	struct errs e;
	assert_int_equal(grant(f, &fixture_kons621, id, "621", 100, &e), ERR_FORBIDDEN);
	assert_int_equal(grant(f, &fixture_job621, id, "621", 100, &e), ERR_FORBIDDEN);
	/* applying: the konsulent and jobkonsulent of the municipality, the administrator for any */
	struct pool_application x = {.kommune = "621", .amount_ore = 100};
	assert_int_equal(pools_apply(f->db, &f->a, &fixture_kons740, id, &x, &e), ERR_FORBIDDEN);
	assert_int_equal(pools_apply(f->db, &f->a, &fixture_indk621, id, &x, &e), ERR_FORBIDDEN);
	assert_int_equal(pools_apply(f->db, &f->a, &fixture_virk621, id, &x, &e), ERR_FORBIDDEN);
	assert_int_equal(pools_apply(f->db, &f->a, &fixture_job621, id, &x, &e), 0);
	assert_int_equal(pools_apply(f->db, &f->a, &fixture_kons621, 999, &x, &e), ERR_NOTFOUND);
	assert_int_equal(fixture_audit_count(f->db, "apply", "pool"), 1);
}

static void test_validation(void **state)
{
	struct fixture *f = *state;
	struct errs e = {0};
	struct pool p = {.title = " ", .total_ore = 0, .max_ore = 0, .period_start = "2016-13-01",
	                 .period_end = "x", .meetings_required = 101, .network_id = 42};
	assert_int_equal(pools_create(f->db, &f->a, &fixture_admin, &p, &e), ERR_INVALID);
	static const char *const fields[] = {"title", "total", "max_per_kommune", "period_start",
	                                     "period_end", "meetings_required", "network_id"};
	for (size_t i = 0; i < N_OF(fields); i++)
		assert_non_null(errs_get(&e, fields[i]));
	e = (struct errs){0};
	p = (struct pool){.title = "x", .total_ore = 100, .max_ore = 101, .period_start = "2016-02-01",
	                  .period_end = "2016-01-01"};
	assert_int_equal(pools_create(f->db, &f->a, &fixture_admin, &p, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "max_per_kommune"));
	assert_non_null(errs_get(&e, "period_end"));
	/* a municipality's network is no pool network */
	struct network n = {.kommune = "621", .name = "Koldings", .purpose = ""};
	e = (struct errs){0};
	assert_int_equal(networks_save(f->db, &f->a, &fixture_kons621, &n, &e), 0);
	e = (struct errs){0};
	p = (struct pool){.title = "x", .total_ore = 100, .max_ore = 50, .period_start = "2016-01-01",
	                  .period_end = "2016-12-31", .network_id = n.id};
	assert_int_equal(pools_create(f->db, &f->a, &fixture_admin, &p, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "network_id"));
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM pools"), 0);
}

static void test_grant_limits(void **state)
{
	struct fixture *f = *state;
	int64_t id = pool(f, 100000, 60000, 0, 0); /* 1,000 kr., at most 600 kr. each */
	struct errs e;
	assert_int_equal(grant(f, &fixture_admin, id, "621", 60001, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "amount"));
	assert_int_equal(grant(f, &fixture_admin, id, "621", 60000, &e), 0);
	assert_int_equal(grant(f, &fixture_admin, id, "621", 1, &e), ERR_INVALID); /* its maximum */
	assert_non_null(errs_get(&e, "amount"));
	assert_int_equal(grant(f, &fixture_admin, id, "740", 40001, &e), ERR_INVALID); /* the remainder */
	assert_non_null(errs_get(&e, "amount"));
	assert_int_equal(grant(f, &fixture_admin, id, "740", 40000, &e), 0); /* exactly the remainder */
	assert_int_equal(grant(f, &fixture_admin, id, "330", 1, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "amount"));
	assert_int_equal(grant(f, &fixture_admin, id, "330", 0, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "amount"));
	assert_int_equal(grant(f, &fixture_admin, id, "999", 1, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "kommune"));
	assert_int_equal(grant(f, &fixture_admin, 999, "621", 1, &e), ERR_NOTFOUND);
	assert_int_equal(COUNT_SQL(f->db, "SELECT sum(amount_ore) FROM pool_grants"), 100000);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM pool_grants"), 2);
	assert_int_equal(fixture_audit_count(f->db, "grant", "pool"), 2);
	struct pool p;
	assert_int_equal(pools_get(f->db, &f->a, &fixture_kons621, id, &p), 0);
	assert_int_equal(p.granted_ore, 100000);
}

static void test_payments_and_spend(void **state)
{
	struct fixture *f = *state;
	int64_t id = pool(f, 100000, 60000, 0, 0);
	struct errs e;
	assert_int_equal(grant(f, &fixture_admin, id, "621", 50000, &e), 0);
	assert_int_equal(pay(f, id, "621", 50001, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "amount"));
	assert_int_equal(pay(f, id, "621", 30000, &e), 0);
	assert_int_equal(pay(f, id, "621", 20001, &e), ERR_INVALID);
	assert_int_equal(pay(f, id, "621", 20000, &e), 0);
	assert_int_equal(pay(f, id, "740", 1, &e), ERR_INVALID); /* no grant */
	e = (struct errs){0};
	struct pool_entry bad = {.kommune = "621", .day = "2016-02-30", .amount_ore = 1};
	assert_int_equal(pools_pay(f->db, &f->a, &fixture_admin, id, &bad, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "date"));
	assert_int_equal(pools_pay(f->db, &f->a, &fixture_kons621, id, &bad, &e), ERR_FORBIDDEN);
	assert_int_equal(COUNT_SQL(f->db, "SELECT sum(amount_ore) FROM pool_payments"), 50000);
	/* spend: the municipality itself, never another */
	e = (struct errs){0};
	struct pool_entry s = {.kommune = "621", .day = "2016-04-01", .amount_ore = 1000, .text = "Møde"};
	assert_int_equal(pools_report_spend(f->db, &f->a, &fixture_kons740, id, &s, &e), ERR_FORBIDDEN);
	assert_int_equal(pools_report_spend(f->db, &f->a, &fixture_kons621, id, &s, &e), 0);
	struct pool_entry empty = {.kommune = "621", .day = "2016-04-01", .amount_ore = 0, .text = " "};
	assert_int_equal(pools_report_spend(f->db, &f->a, &fixture_kons621, id, &empty, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "text"));
}

static void test_own_rows(void **state)
{
	struct fixture *f = *state;
	int64_t id = pool(f, 100000, 60000, 0, 0);
	struct errs e = {0};
	struct pool_application k = {.kommune = "621", .amount_ore = 50000, .activities = "Kolding",
	                             .nlines = 2};
	k.lines[0] = (struct pool_line){"Projektleder", 40000};
	k.lines[1] = (struct pool_line){"Møder", 10000};
	assert_int_equal(pools_apply(f->db, &f->a, &fixture_kons621, id, &k, &e), 0);
	struct pool_application again = {.kommune = "621", .amount_ore = 100};
	assert_int_equal(pools_apply(f->db, &f->a, &fixture_kons621, id, &again, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "kommune"));
	e = (struct errs){0};
	struct pool_application big = {.kommune = "740", .amount_ore = 60001};
	assert_int_equal(pools_apply(f->db, &f->a, &fixture_kons740, id, &big, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "amount"));
	e = (struct errs){0};
	struct pool_application s = {.kommune = "740", .amount_ore = 60000, .activities = "Silkeborg"};
	assert_int_equal(pools_apply(f->db, &f->a, &fixture_kons740, id, &s, &e), 0);
	assert_int_equal(grant(f, &fixture_admin, id, "740", 30000, &e), 0);
	struct pool_application *items;
	int n;
	assert_int_equal(pools_applications(f->db, &f->a, &fixture_indk621, id, &items, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].kommune, "621");
	assert_int_equal(items[0].nlines, 2);
	assert_string_equal(items[0].status, POOLS_APPLIED);
	assert_int_equal(pools_applications(f->db, &f->a, &fixture_admin, id, &items, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(items[1].status, POOLS_GRANTED); /* Silkeborg's, linked by the grant */
	struct pool_entry *g;
	assert_int_equal(pools_entries(f->db, &f->a, &fixture_kons621, id, POOLS_GRANTS, &g, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(pools_entries(f->db, &f->a, &fixture_kons740, id, POOLS_GRANTS, &g, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(g[0].application_id, s.id);
	assert_int_equal(pools_entries(f->db, &f->a, &fixture_virk621, id, POOLS_GRANTS, &g, &n), ERR_FORBIDDEN);
	/* rejecting: the administrator, an application not granted */
	assert_int_equal(pools_reject(f->db, &f->a, &fixture_kons621, id, "621"), ERR_FORBIDDEN);
	assert_int_equal(pools_reject(f->db, &f->a, &fixture_admin, id, "740"), ERR_CONFLICT);
	assert_int_equal(pools_reject(f->db, &f->a, &fixture_admin, id, "621"), 0);
	assert_int_equal(pools_reject(f->db, &f->a, &fixture_admin, id, "330"), ERR_NOTFOUND);
}

/* held meetings of the pool's network with a member of the municipality present: a person
 * whose e-mail is a user's of it, or an enterprise of it; planned meetings and absences do not
 * count */
static void test_obligations(void **state)
{
	struct fixture *f = *state;
	fixture_add_user(f->db, "k@kolding.dk", "konsulent", "621", true);
	fixture_add_user(f->db, "s@silkeborg.dk", "konsulent", "740", true);
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO enterprises (id, name, kommune, kind, created_at,"
	                                 " updated_at) VALUES (1, 'Slagelse SØV', '330', 'soev', 't', 't')"), 0);
	struct errs e = {0};
	struct network n = {.kommune = NULL, .name = "Puljens netværk", .purpose = ""};
	assert_int_equal(networks_save(f->db, &f->a, &fixture_admin, &n, &e), 0);
	struct network_member mk = {.name = "Kolding", .email = "K@Kolding.dk"};
	struct network_member ms = {.name = "Silkeborg", .email = "s@silkeborg.dk"};
	struct network_member me = {.enterprise_id = 1};
	assert_int_equal(networks_member_add(f->db, &f->a, &fixture_admin, n.id, &mk, &e), 0);
	assert_int_equal(networks_member_add(f->db, &f->a, &fixture_admin, n.id, &ms, &e), 0);
	assert_int_equal(networks_member_add(f->db, &f->a, &fixture_admin, n.id, &me, &e), 0);
	static const struct {
		const char *starts;
		int kolding, silkeborg, slagelse;
		bool held;
	} meetings[] = {
		{"2016-02-01T10:00", 1, 1, 0, true},
		{"2016-05-01T10:00", 1, 0, 1, true},
		{"2016-08-01T10:00", 1, 0, 0, false}, /* present, but not marked held */
		{"2016-11-01T10:00", 0, 0, 1, true},
	};
	for (size_t i = 0; i < N_OF(meetings); i++) {
		struct meeting m = {.network_id = n.id, .starts_at = meetings[i].starts, .place = "",
		                    .agenda = ""};
		assert_int_equal(meetings_save(f->db, &f->a, &fixture_admin, &m, &e), 0);
		assert_int_equal(meetings_attendance(f->db, &f->a, &fixture_admin, m.id, mk.id, -1,
		                                     meetings[i].kolding, "2017-01-01", &e), 0);
		assert_int_equal(meetings_attendance(f->db, &f->a, &fixture_admin, m.id, ms.id, -1,
		                                     meetings[i].silkeborg, "2017-01-01", &e), 0);
		assert_int_equal(meetings_attendance(f->db, &f->a, &fixture_admin, m.id, me.id, -1,
		                                     meetings[i].slagelse, "2017-01-01", &e), 0);
		if (meetings[i].held) {
			m.status = MEETINGS_HELD;
			assert_int_equal(meetings_save(f->db, &f->a, &fixture_admin, &m, &e), 0);
		}
	}
	int64_t id = pool(f, 100000, 50000, n.id, 2);
	assert_int_equal(grant(f, &fixture_admin, id, "621", 100, &e), 0);
	assert_int_equal(grant(f, &fixture_admin, id, "740", 100, &e), 0);
	assert_int_equal(grant(f, &fixture_admin, id, "330", 100, &e), 0);
	struct pool_status *rows;
	int nr;
	assert_int_equal(pools_status(f->db, &f->a, &fixture_admin, id, &rows, &nr), 0);
	assert_int_equal(nr, 3);
	/* by name: Kolding, Silkeborg, Slagelse */
	assert_string_equal(rows[0].kommune, "621");
	assert_int_equal(rows[0].meetings_attended, 2);
	assert_int_equal(rows[0].meetings_required, 2);
	assert_string_equal(rows[1].kommune, "740");
	assert_int_equal(rows[1].meetings_attended, 1);
	assert_string_equal(rows[2].kommune, "330");
	assert_int_equal(rows[2].meetings_attended, 2);
	assert_int_equal(rows[0].granted_ore, 100);
	/* a municipality's staff see their own line */
	assert_int_equal(pools_status(f->db, &f->a, &fixture_kons740, id, &rows, &nr), 0);
	assert_int_equal(nr, 1);
	assert_string_equal(rows[0].kommune, "740");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_access, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_grant_limits, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_payments_and_spend, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_own_rows, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_obligations, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
