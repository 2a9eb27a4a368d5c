/*
 * test_strategies.c — strategies and goals (src/collab/strategies.h) against an in-memory
 * migrated database: every metric counted against hand-made data (in the interval and on its
 * two ends, before it, after the day asked, in another municipality, a company instead of a
 * SØV); the monthly series; the straight line and on track; manual values with who and when;
 * who may read and change a strategy (own, other municipality, public, signed out); counts of
 * people masked as "<3"; validation naming the field; the PDF judged by its bytes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/auth.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/collab/strategies.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

#define FROM "2016-01-01"
#define DAY "2016-06-30"

/* an enterprise straight into the registry's table */
static void ent(struct db *db, int64_t id, const char *kommune, const char *kind,
                const char *origin, const char *pipeline, const char *est, const char *rsv,
                const char *closed)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO enterprises (id, name, kommune, kind, origin, pipeline_since, established,"
		" rsv_registered, closed, created_at, updated_at) VALUES (:id, 'E' || :id, :k, :kind,"
		" :origin, :p, :e, :r, :c, 't', 't')");
	assert_non_null(s);
	assert_int_equal(db_run(s, db_bind_int(s, ":id", id) | db_bind_text(s, ":k", kommune) |
	                               db_bind_text(s, ":kind", kind) |
	                               db_bind_text(s, ":origin", origin) |
	                               db_bind_text(s, ":p", pipeline) | db_bind_text(s, ":e", est) |
	                               db_bind_text(s, ":r", rsv) | db_bind_text(s, ":c", closed)),
	                 0);
}

/* seven enterprises with a date in column col (0 rsv_registered, 1 established) and origin:
 * in the interval, on its first day, on the day asked (these three count), the day before
 * the interval, the day after the day asked, in 740, and a company */
static void seven(struct db *db, int col, const char *origin)
{
	static const struct {
		const char *k, *kind, *date;
	} rows[] = {
		{"621", "soev", "2016-03-01"}, {"621", "soev", FROM},      {"621", "soev", DAY},
		{"621", "soev", "2015-12-31"}, {"621", "soev", "2016-07-01"}, {"740", "soev", "2016-03-01"},
		{"621", "company", "2016-03-01"},
	};
	for (int i = 0; i < 7; i++)
		ent(db, 100 + i, rows[i].k, rows[i].kind, origin, NULL, col == 1 ? rows[i].date : NULL,
		    col == 0 ? rows[i].date : NULL, NULL);
}

static int64_t measure(struct fixture *f, enum goal_metric m, const char *day)
{
	int64_t v = -1;
	assert_int_equal(goals_measure(f->db, m, "621", 0, FROM, day, &v), 0);
	return v;
}

/* ---------------------------------------------------------------- the registry's metrics */

static void test_new_rsv_registered(void **state)
{
	struct fixture *f = *state;
	seven(f->db, 0, "");
	assert_int_equal(measure(f, GOAL_NEW_RSV_REGISTERED, DAY), 3);
	assert_int_equal(measure(f, GOAL_NEW_RSV_REGISTERED, "2016-07-01"), 4);
	assert_int_equal(measure(f, GOAL_NEW_RSV_REGISTERED, "2016-02-01"), 1);
	/* a day before the interval counts nothing */
	assert_int_equal(measure(f, GOAL_NEW_RSV_REGISTERED, "2015-12-31"), 0);
	/* the other metrics do not count registrations */
	assert_int_equal(measure(f, GOAL_ESTABLISHED, DAY), 0);
	assert_int_equal(measure(f, GOAL_ATTRACTED, DAY), 0);
}

static void test_established(void **state)
{
	struct fixture *f = *state;
	seven(f->db, 1, "social_entrepreneur");
	assert_int_equal(measure(f, GOAL_ESTABLISHED, DAY), 3);
	assert_int_equal(measure(f, GOAL_NEW_RSV_REGISTERED, DAY), 0);
	assert_int_equal(measure(f, GOAL_SPINOFFS, DAY), 0);
}

static void test_spinoffs(void **state)
{
	struct fixture *f = *state;
	seven(f->db, 1, "kommune_spinoff");
	/* a company's spin-off counts too, also by its registration when it has no establishment
	 * date; an existing enterprise does not */
	ent(f->db, 1, "621", "soev", "company_spinoff", NULL, NULL, "2016-04-01", NULL);
	ent(f->db, 2, "621", "soev", "existing", NULL, "2016-04-01", NULL, NULL);
	assert_int_equal(measure(f, GOAL_SPINOFFS, DAY), 4);
	assert_int_equal(measure(f, GOAL_ATTRACTED, DAY), 0);
}

static void test_attracted(void **state)
{
	struct fixture *f = *state;
	seven(f->db, 1, "existing_outside");
	ent(f->db, 1, "621", "soev", "existing_outside", NULL, NULL, "2016-05-01", NULL);
	ent(f->db, 2, "621", "soev", "existing", NULL, "2016-05-01", NULL, NULL);
	assert_int_equal(measure(f, GOAL_ATTRACTED, DAY), 4);
	assert_int_equal(measure(f, GOAL_SPINOFFS, DAY), 0);
}

static void test_pipeline(void **state)
{
	struct fixture *f = *state;
	/* on the way on DAY: 1 and 5; 2 established by then, 3 closed, 4 not yet on the way, 6 in
	 * 740, 7 a company */
	ent(f->db, 1, "621", "soev", "", "2016-02-01", NULL, NULL, NULL);
	ent(f->db, 2, "621", "soev", "", "2016-02-01", "2016-05-01", NULL, NULL);
	ent(f->db, 3, "621", "soev", "", "2016-02-01", NULL, NULL, "2016-04-01");
	ent(f->db, 4, "621", "soev", "", "2016-07-01", NULL, NULL, NULL);
	ent(f->db, 5, "621", "soev", "", "2015-01-01", "2016-07-15", NULL, NULL);
	ent(f->db, 6, "740", "soev", "", "2016-02-01", NULL, NULL, NULL);
	ent(f->db, 7, "621", "company", "", "2016-02-01", NULL, NULL, NULL);
	assert_int_equal(measure(f, GOAL_PIPELINE, DAY), 2);
	/* a state: on the baseline day only 5 was on the way */
	assert_int_equal(measure(f, GOAL_PIPELINE, FROM), 1);
	assert_int_equal(measure(f, GOAL_PIPELINE, "2016-03-01"), 4);
}

/* ---------------------------------------------------------------- the other capabilities' */

static void test_advisory_sessions(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO advisory_sessions (kommune, date, topic, minutes,"
	                                 " entrepreneur, created_at) VALUES"
	                                 " ('621', '2016-03-01', 'business', 60, 'A', 't'),"
	                                 " ('621', '2016-01-01', 'business', 60, 'B', 't'),"
	                                 " ('621', '2016-06-30', 'employment', 60, 'C', 't'),"
	                                 " ('621', '2015-12-31', 'business', 60, 'D', 't'),"
	                                 " ('621', '2016-07-01', 'business', 60, 'E', 't'),"
	                                 " ('740', '2016-03-01', 'business', 60, 'F', 't')"), 0);
	assert_int_equal(measure(f, GOAL_ADVISORY_SESSIONS, DAY), 3);
}

/* 63 zeros: with a digit after them, a feed token of the 64 characters the schema wants */
#define Z63 "000000000000000000000000000000000000000000000000000000000000000"

static void test_network_meetings(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO networks (id, kommune, name, feed_token,"
	                                 " created_at, updated_at) VALUES"
	                                 " (1, '621', 'N', '" Z63 "1', 't', 't'),"
	                                 " (2, '740', 'M', '" Z63 "2', 't', 't'),"
	                                 " (3, NULL, 'Landsdækkende', '" Z63 "3', 't', 't')"), 0);
	/* held in the interval, held on the day asked in the evening: counted; planned, cancelled,
	 * before, after, another municipality's and a national one: not */
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO network_meetings (network_id, starts_at, status,"
	                                 " created_at, updated_at) VALUES"
	                                 " (1, '2016-03-01T09:00', 'held', 't', 't'),"
	                                 " (1, '2016-06-30T18:00', 'held', 't', 't'),"
	                                 " (1, '2016-04-01T09:00', 'planned', 't', 't'),"
	                                 " (1, '2016-05-01T09:00', 'cancelled', 't', 't'),"
	                                 " (1, '2015-12-31T09:00', 'held', 't', 't'),"
	                                 " (1, '2016-07-01T09:00', 'held', 't', 't'),"
	                                 " (2, '2016-03-01T09:00', 'held', 't', 't'),"
	                                 " (3, '2016-03-01T09:00', 'held', 't', 't')"), 0);
	assert_int_equal(measure(f, GOAL_NETWORK_MEETINGS, DAY), 2);
}

/* citizens 1 (621) and 2 (740) and enterprises 1 (621 soev), 2 (621 company), 3 (740 soev) */
static void citizens(struct db *db)
{
	ent(db, 1, "621", "soev", "", NULL, NULL, NULL, NULL);
	ent(db, 2, "621", "company", "", NULL, NULL, NULL, NULL);
	ent(db, 3, "740", "soev", "", NULL, NULL, NULL, NULL);
	ent(db, 4, "621", "company", "", NULL, NULL, NULL, NULL);
	ent(db, 5, "621", "company", "", NULL, NULL, NULL, NULL);
	assert_int_equal(EXEC_SQL(db, "INSERT INTO citizens (id, kommune, name, created_at, updated_at,"
	                              " active_at) VALUES (1, '621', 'A', 't', 't', 't'),"
	                              " (2, '740', 'B', 't', 't', 't')"), 0);
}

static void test_positions_and_fleksjob(void **state)
{
	struct fixture *f = *state;
	citizens(f->db);
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO placements (citizen_id, kommune, enterprise_id,"
	                                 " scheme, start, created_at, updated_at) VALUES"
	                                 " (1, '621', 1, 'ordinaer', '2016-03-01', 't', 't'),"
	                                 " (1, '621', 2, 'fleksjob', '2016-06-30', 't', 't'),"
	                                 " (1, '621', 1, 'fleksjob', '2015-12-31', 't', 't'),"
	                                 " (1, '621', 1, 'fleksjob', '2016-07-01', 't', 't'),"
	                                 " (2, '740', 3, 'fleksjob', '2016-03-01', 't', 't')"), 0);
	assert_int_equal(measure(f, GOAL_POSITIONS, DAY), 2);
	assert_int_equal(measure(f, GOAL_FLEKSJOB, DAY), 1);
	assert_int_equal(measure(f, GOAL_FLEKSJOB, "2016-07-01"), 2);
}

static void test_inhouse_companies(void **state)
{
	struct fixture *f = *state;
	citizens(f->db);
	/* 2: two Inhouse placements in the interval, counted once; 4: an Inhouse opening starting
	 * in it; 1: its first Inhouse group before the interval; 5: a placement that is no
	 * Inhouse group; 3: in 740 */
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO placements (citizen_id, kommune, enterprise_id,"
	                                 " scheme, start, inhouse, created_at, updated_at) VALUES"
	                                 " (1, '621', 2, 'praktik', '2016-03-01', 1, 't', 't'),"
	                                 " (1, '621', 2, 'praktik', '2016-04-01', 1, 't', 't'),"
	                                 " (1, '621', 1, 'praktik', '2015-11-01', 1, 't', 't'),"
	                                 " (1, '621', 1, 'praktik', '2016-03-01', 1, 't', 't'),"
	                                 " (1, '621', 5, 'praktik', '2016-03-01', 0, 't', 't'),"
	                                 " (2, '740', 3, 'praktik', '2016-03-01', 1, 't', 't')"), 0);
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO openings (enterprise_id, title, schemes, hours_min,"
	                                 " hours_max, times, inhouse, starts, created_at, updated_at)"
	                                 " VALUES (4, 'Inhouse-gruppe', 1, 10, 20, 1, 1, '2016-05-01',"
	                                 " '2015-01-01T00:00:00Z', 't')"), 0);
	assert_int_equal(measure(f, GOAL_INHOUSE_COMPANIES, DAY), 2);
	assert_int_equal(measure(f, GOAL_INHOUSE_COMPANIES, "2016-04-15"), 1);
}

static void test_soev_spend(void **state)
{
	struct fixture *f = *state;
	citizens(f->db);
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO purchases (kommune, enterprise_id, date, amount_ore,"
	                                 " created_at) VALUES"
	                                 " ('621', 1, '2016-03-01', 100000, 't'),"
	                                 " ('621', 1, '2016-06-30', 50, 't'),"
	                                 " ('621', 1, '2015-12-31', 7000, 't'),"
	                                 " ('621', 1, '2016-07-01', 9000, 't'),"
	                                 " ('621', 2, '2016-03-01', 11000, 't'),"
	                                 " ('740', 3, '2016-03-01', 13000, 't')"), 0);
	assert_int_equal(measure(f, GOAL_SOEV_SPEND, DAY), 100050);
}

/* ---------------------------------------------------------------- strategies and goals */

static int64_t strategy(struct fixture *f, const struct principal *by, const char *kommune,
                        bool public)
{
	struct errs e = {0};
	struct strategy s = {.kommune = kommune, .title = "Strategi", .adopted_by = "Byrådet",
	                     .period_start = "2016-01-01", .period_end = "2016-12-31", .link = "",
	                     .public = public};
	assert_int_equal(strategies_save(f->db, &f->a, by, &s, &e), 0);
	return s.id;
}

static int64_t goal(struct fixture *f, int64_t sid, enum goal_metric m, int64_t target)
{
	struct errs e = {0};
	struct goal g = {.strategy_id = sid, .title = "Mål", .metric = m, .baseline_date = FROM,
	                 .deadline = "2016-12-31", .target = target};
	assert_int_equal(goals_save(f->db, &f->a, &fixture_kons621, &g, &e), 0);
	return g.id;
}

static void test_status_and_line(void **state)
{
	struct fixture *f = *state;
	seven(f->db, 0, "");
	int64_t sid = strategy(f, &fixture_kons621, "621", false);
	goal(f, sid, GOAL_NEW_RSV_REGISTERED, 6);
	struct goal_status *gs;
	int n;
	assert_int_equal(goals_status(f->db, &f->a, &fixture_kons621, sid, DAY, &gs, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(gs[0].baseline, 0);
	assert_int_equal(gs[0].current, 3);
	assert_true(gs[0].progress > 0.49 && gs[0].progress < 0.51);
	/* 181 of 365 days: the line is at 6 * 181 / 365 = 2 (whole numbers, rounded down) */
	assert_int_equal(gs[0].expected, 2);
	assert_true(gs[0].on_track);
	/* January to June, cumulative at each month's end */
	assert_int_equal(gs[0].nseries, 6);
	assert_string_equal(gs[0].series[0].month, "2016-01");
	assert_int_equal(gs[0].series[0].value, 1);
	assert_int_equal(gs[0].series[1].value, 1);
	assert_int_equal(gs[0].series[2].value, 2);
	assert_int_equal(gs[0].series[5].value, 3);
	assert_string_equal(gs[0].series[5].month, "2016-06");
	/* behind with a higher target */
	assert_int_equal(goal(f, sid, GOAL_NEW_RSV_REGISTERED, 20) > 0, 1);
	assert_int_equal(goals_status(f->db, &f->a, &fixture_kons621, sid, DAY, &gs, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(gs[1].expected, 9);
	assert_false(gs[1].on_track);
	/* before the baseline: no series */
	assert_int_equal(goals_status(f->db, &f->a, &fixture_kons621, sid, "2015-06-01", &gs, &n), 0);
	assert_int_equal(gs[0].nseries, 0);
	assert_int_equal(gs[0].current, 0);
}

static void test_line(void **state)
{
	(void)state;
	struct goal g = {.baseline_date = "2016-01-01", .deadline = "2016-12-31", .target = 365};
	/* 2016 is a leap year: 365 days from the baseline to the deadline */
	assert_int_equal(goals_line(&g, 0, "2015-06-01"), 0);
	assert_int_equal(goals_line(&g, 0, "2016-01-01"), 0);
	assert_int_equal(goals_line(&g, 0, "2016-01-02"), 1);
	assert_int_equal(goals_line(&g, 0, "2016-07-01"), 182);
	assert_int_equal(goals_line(&g, 0, "2016-12-31"), 365);
	assert_int_equal(goals_line(&g, 0, "2030-01-01"), 365);
	/* from a baseline of 100 to 465 */
	g.target = 465;
	assert_int_equal(goals_line(&g, 100, "2016-07-01"), 282);
	/* an amount in øre far beyond int: no overflow */
	g.target = INT64_C(99999999999999);
	assert_true(goals_line(&g, 0, "2016-07-01") > INT64_C(49000000000000));
	assert_true(goals_line(&g, 0, "2016-07-01") < INT64_C(51000000000000));
}

static void test_manual_values(void **state)
{
	struct fixture *f = *state;
	int64_t sid = strategy(f, &fixture_kons621, "621", false);
	int64_t gid = goal(f, sid, GOAL_MANUAL, 10);
	int64_t rsv = goal(f, sid, GOAL_NEW_RSV_REGISTERED, 10);
	static const struct {
		const char *date;
		int64_t value;
	} vals[] = {{"2015-12-01", 5}, {"2016-03-01", 7}, {"2016-07-01", 9}};
	for (size_t i = 0; i < 3; i++) {
		struct errs e = {0};
		struct goal_value v = {.date = vals[i].date, .value = vals[i].value};
		assert_int_equal(goals_value_add(f->db, &f->a, &fixture_job621, gid, &v, &e), 0);
		assert_true(v.id > 0);
	}
	assert_int_equal(fixture_audit_count(f->db, "goal_value", "strategy"), 3);
	/* the latest value on or before the day; the baseline is the value on the baseline date */
	struct goal_status *gs;
	int n;
	assert_int_equal(goals_status(f->db, &f->a, &fixture_kons621, sid, DAY, &gs, &n), 0);
	assert_int_equal(gs[0].baseline, 5);
	assert_int_equal(gs[0].current, 7);
	assert_int_equal(gs[0].series[0].value, 5);
	assert_int_equal(gs[0].series[2].value, 7);
	/* listed newest first with who entered them */
	struct goal_value *vs;
	assert_int_equal(goals_values(f->db, &f->a, &fixture_indk621, gid, &vs, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(vs[0].date, "2016-07-01");
	assert_int_equal(vs[0].value, 9);
	assert_non_null(vs[0].created_at);
	/* a counted goal takes no values; bad date and value name their fields */
	struct errs e = {0};
	struct goal_value v = {.date = "2016-03-01", .value = 1};
	assert_int_equal(goals_value_add(f->db, &f->a, &fixture_kons621, rsv, &v, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "metric"));
	e = (struct errs){0};
	v = (struct goal_value){.date = "2016-02-30", .value = -1};
	assert_int_equal(goals_value_add(f->db, &f->a, &fixture_kons621, gid, &v, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "date"));
	assert_non_null(errs_get(&e, "value"));
	/* the buyer reads but does not write; another municipality does neither */
	e = (struct errs){0};
	v = (struct goal_value){.date = "2016-03-01", .value = 1};
	assert_int_equal(goals_value_add(f->db, &f->a, &fixture_indk621, gid, &v, &e), ERR_FORBIDDEN);
	assert_int_equal(goals_value_add(f->db, &f->a, &fixture_kons740, gid, &v, &e), ERR_FORBIDDEN);
	assert_int_equal(goals_values(f->db, &f->a, &fixture_kons740, gid, &vs, &n), ERR_FORBIDDEN);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM goal_values"), 3);
	/* deleting the goal takes its values */
	assert_int_equal(goals_delete(f->db, &f->a, &fixture_kons740, gid), ERR_FORBIDDEN);
	assert_int_equal(goals_delete(f->db, &f->a, &fixture_kons621, gid), 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM goal_values"), 0);
}

static void test_access(void **state)
{
	struct fixture *f = *state;
	int64_t closed = strategy(f, &fixture_kons621, "621", false);
	int64_t open = strategy(f, &fixture_job621, "621", true);
	int64_t theirs = strategy(f, &fixture_kons740, "740", false);
	struct strategy s;
	enum strategies_view v;
	assert_int_equal(strategies_get(f->db, &f->a, &fixture_kons621, closed, &s, &v), 0);
	assert_int_equal(v, STRATEGIES_WRITE);
	assert_int_equal(strategies_get(f->db, &f->a, &fixture_indk621, closed, &s, &v), 0);
	assert_int_equal(v, STRATEGIES_READ);
	assert_int_equal(strategies_get(f->db, &f->a, &fixture_admin, closed, &s, &v), 0);
	assert_int_equal(v, STRATEGIES_WRITE);
	assert_int_equal(strategies_get(f->db, &f->a, &fixture_kons740, closed, &s, &v), ERR_FORBIDDEN);
	assert_int_equal(strategies_get(f->db, &f->a, &fixture_virk621, closed, &s, &v), ERR_FORBIDDEN);
	assert_int_equal(strategies_get(f->db, &f->a, NULL, closed, &s, &v), ERR_NOTFOUND);
	assert_int_equal(strategies_get(f->db, &f->a, NULL, open, &s, &v), 0);
	assert_int_equal(v, STRATEGIES_PUBLIC);
	assert_int_equal(strategies_get(f->db, &f->a, &fixture_kons740, open, &s, &v), 0);
	assert_int_equal(v, STRATEGIES_PUBLIC);
	assert_int_equal(strategies_get(f->db, &f->a, NULL, 999, &s, &v), ERR_NOTFOUND);
	/* changes: the konsulent and jobkonsulent of the municipality and the administrator */
	struct errs e = {0};
	assert_int_equal(strategies_get(f->db, &f->a, &fixture_kons621, closed, &s, &v), 0);
	s.title = "Ny titel";
	assert_int_equal(strategies_save(f->db, &f->a, &fixture_kons740, &s, &e), ERR_FORBIDDEN);
	assert_int_equal(strategies_save(f->db, &f->a, &fixture_indk621, &s, &e), ERR_FORBIDDEN);
	assert_int_equal(strategies_save(f->db, &f->a, &fixture_virk621, &s, &e), ERR_FORBIDDEN);
	assert_int_equal(strategies_save(f->db, &f->a, NULL, &s, &e), ERR_FORBIDDEN);
	assert_int_equal(strategies_save(f->db, &f->a, &fixture_job621, &s, &e), 0);
	assert_int_equal(strategies_save(f->db, &f->a, &fixture_admin, &s, &e), 0);
	struct strategy other = {.kommune = "740", .title = "X", .period_start = "2016-01-01",
	                         .period_end = "2016-12-31"};
	assert_int_equal(strategies_save(f->db, &f->a, &fixture_kons621, &other, &e), ERR_FORBIDDEN);
	struct goal g = {.strategy_id = theirs, .title = "Mål", .metric = GOAL_ESTABLISHED,
	                 .baseline_date = FROM, .deadline = "2016-12-31", .target = 1};
	assert_int_equal(goals_save(f->db, &f->a, &fixture_kons621, &g, &e), ERR_FORBIDDEN);
	assert_int_equal(strategies_delete(f->db, &f->a, &fixture_kons621, theirs), ERR_FORBIDDEN);
	/* lists: one's own and the public ones; signed out the public ones only */
	struct strategy *items;
	int n, total;
	assert_int_equal(strategies_list(f->db, &f->a, NULL, NULL, STRATEGIES_BY_KOMMUNE, 50, 0, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_int_equal(items[0].id, open);
	assert_int_equal(strategies_list(f->db, &f->a, &fixture_kons740, NULL, STRATEGIES_BY_KOMMUNE, 50, 0, &items, &n, &total), 0);
	assert_int_equal(total, 2);
	assert_int_equal(strategies_list(f->db, &f->a, &fixture_kons621, NULL, STRATEGIES_BY_KOMMUNE, 50, 0, &items, &n, &total), 0);
	assert_int_equal(total, 2);
	assert_int_equal(strategies_list(f->db, &f->a, &fixture_admin, NULL, STRATEGIES_BY_KOMMUNE, 50, 0, &items, &n, &total), 0);
	assert_int_equal(total, 3);
	assert_int_equal(strategies_list(f->db, &f->a, &fixture_admin, "740", STRATEGIES_BY_KOMMUNE, 50, 0, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	/* in the order asked */
	struct strategy later = {.kommune = "621", .title = "Anden strategi", .period_start = "2019-01-01",
	                         .period_end = "2019-12-31"};
	assert_int_equal(strategies_save(f->db, &f->a, &fixture_kons621, &later, &e), 0);
	assert_int_equal(strategies_list(f->db, &f->a, &fixture_admin, NULL, strategies_sort_of("titel"),
	                                 50, 0, &items, &n, &total), 0);
	assert_string_equal(items[0].title, "Anden strategi");
	assert_int_equal(strategies_list(f->db, &f->a, &fixture_admin, NULL, strategies_sort_of("nyeste"),
	                                 50, 0, &items, &n, &total), 0);
	assert_int_equal(items[0].id, later.id);
	assert_int_equal(strategies_list(f->db, &f->a, &fixture_admin, NULL, strategies_sort_of(NULL),
	                                 50, 0, &items, &n, &total), 0);
	assert_string_equal(items[0].kommune, "621");
	assert_string_equal(items[n - 1].kommune, "740");
	/* audited */
	assert_int_equal(fixture_audit_count(f->db, "create", "strategy"), 4);
	assert_int_equal(fixture_audit_count(f->db, "update", "strategy"), 2);
	assert_int_equal(strategies_delete(f->db, &f->a, &fixture_kons740, theirs), 0);
	assert_int_equal(fixture_audit_count(f->db, "delete", "strategy"), 1);
}

static void test_masked_counts(void **state)
{
	struct fixture *f = *state;
	citizens(f->db);
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO placements (citizen_id, kommune, enterprise_id,"
	                                 " scheme, start, created_at, updated_at) VALUES"
	                                 " (1, '621', 1, 'fleksjob', '2016-03-01', 't', 't'),"
	                                 " (1, '621', 1, 'fleksjob', '2016-04-01', 't', 't')"), 0);
	int64_t sid = strategy(f, &fixture_kons621, "621", true);
	goal(f, sid, GOAL_FLEKSJOB, 10);
	goal(f, sid, GOAL_NEW_RSV_REGISTERED, 10);
	struct goal_status *gs;
	int n;
	assert_int_equal(goals_status(f->db, &f->a, &fixture_indk621, sid, DAY, &gs, &n), 0);
	assert_false(gs[0].masked);
	assert_int_equal(gs[0].current, 2);
	assert_int_equal(goals_status(f->db, &f->a, NULL, sid, DAY, &gs, &n), 0);
	assert_true(gs[0].masked);
	assert_false(gs[1].masked);
	assert_int_equal(goals_status(f->db, &f->a, &fixture_kons740, sid, DAY, &gs, &n), 0);
	assert_true(gs[0].masked);
	assert_string_equal(goals_count_text(&f->a, 2, true), "<3");
	assert_string_equal(goals_count_text(&f->a, 0, true), "0");
	assert_string_equal(goals_count_text(&f->a, 3, true), "3");
	assert_string_equal(goals_count_text(&f->a, 2, false), "2");
}

static void test_validation(void **state)
{
	struct fixture *f = *state;
	struct errs e = {0};
	struct strategy s = {.kommune = "621", .title = " ", .adopted_on = "2015-13-01",
	                     .period_start = "2016-05-01", .period_end = "2016-01-01",
	                     .link = "ftp://example.org/x.pdf"};
	assert_int_equal(strategies_save(f->db, &f->a, &fixture_kons621, &s, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "title"));
	assert_non_null(errs_get(&e, "adopted_on"));
	assert_non_null(errs_get(&e, "period_end"));
	assert_non_null(errs_get(&e, "link"));
	assert_int_equal(s.id, 0);
	e = (struct errs){0};
	struct strategy u = {.kommune = "999", .title = "T", .period_start = "2016-01-01",
	                     .period_end = "2016-12-31", .link = "https://example.org/s.pdf"};
	assert_int_equal(strategies_save(f->db, &f->a, &fixture_admin, &u, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "kommune"));
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM strategies"), 0);
	int64_t sid = strategy(f, &fixture_kons621, "621", false);
	e = (struct errs){0};
	struct goal g = {.strategy_id = sid, .title = "", .metric = GOAL_ESTABLISHED,
	                 .baseline_date = "2016-05-01", .deadline = "2016-01-01", .target = 0};
	assert_int_equal(goals_save(f->db, &f->a, &fixture_kons621, &g, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "title"));
	assert_non_null(errs_get(&e, "deadline"));
	assert_non_null(errs_get(&e, "target"));
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM strategy_goals"), 0);
	/* metric names */
	enum goal_metric m;
	assert_int_equal(goal_metric_parse("new_rsv_registered", &m), 0);
	assert_int_equal(m, GOAL_NEW_RSV_REGISTERED);
	assert_int_equal(goal_metric_parse("soev_spend", &m), 0);
	assert_true(goal_metric_is_money(m));
	assert_int_equal(goal_metric_parse("findes_ikke", &m), ERR_INVALID);
	assert_int_equal(goal_metric_parse(NULL, &m), ERR_INVALID);
	for (int i = 0; i < GOAL_NMETRICS; i++) {
		assert_int_equal(goal_metric_parse(goal_metric_key((enum goal_metric)i), &m), 0);
		assert_int_equal(m, i);
	}
}

static const char tiny_pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\nxref\n0 1\n0000000000 65535 f \n"
                               "trailer<<>>\nstartxref\n9\n%%EOF\n";

static void test_document(void **state)
{
	struct fixture *f = *state;
	int64_t sid = strategy(f, &fixture_kons621, "621", false);
	struct errs e = {0};
	const unsigned char *not_pdf = (const unsigned char *)"GIF89a not a document";
	assert_int_equal(strategies_set_document(f->db, &f->a, &fixture_kons621, sid, not_pdf, 21,
	                                         "strategi.pdf", &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "document"));
	size_t big = 10u * 1024u * 1024u + 1u;
	unsigned char *huge = test_calloc(big, 1);
	memcpy(huge, tiny_pdf, sizeof tiny_pdf - 1);
	e = (struct errs){0};
	assert_int_equal(strategies_set_document(f->db, &f->a, &fixture_kons621, sid, huge, big,
	                                         "stor.pdf", &e), ERR_TOOBIG);
	test_free(huge);
	e = (struct errs){0};
	assert_int_equal(strategies_set_document(f->db, &f->a, &fixture_kons740, sid,
	                                         (const unsigned char *)tiny_pdf, sizeof tiny_pdf - 1,
	                                         "s.pdf", &e), ERR_FORBIDDEN);
	assert_int_equal(strategies_set_document(f->db, &f->a, &fixture_kons621, sid,
	                                         (const unsigned char *)tiny_pdf, sizeof tiny_pdf - 1,
	                                         "Strategi 2020<x>.pdf", &e), 0);
	const unsigned char *data;
	size_t len;
	const char *name;
	assert_int_equal(strategies_document(f->db, &f->a, &fixture_indk621, sid, &data, &len, &name), 0);
	assert_int_equal(len, sizeof tiny_pdf - 1);
	assert_memory_equal(data, tiny_pdf, len);
	assert_string_equal(name, "Strategi_2020_x_.pdf");
	assert_int_equal(strategies_document(f->db, &f->a, NULL, sid, &data, &len, &name), ERR_NOTFOUND);
	assert_int_equal(strategies_document(f->db, &f->a, &fixture_kons740, sid, &data, &len, &name),
	                 ERR_FORBIDDEN);
	assert_int_equal(fixture_audit_count(f->db, "document", "strategy"), 1);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		T(test_new_rsv_registered), T(test_established), T(test_spinoffs), T(test_attracted),
		T(test_pipeline), T(test_advisory_sessions), T(test_network_meetings),
		T(test_positions_and_fleksjob), T(test_inhouse_companies), T(test_soev_spend),
		T(test_status_and_line), cmocka_unit_test(test_line), T(test_manual_values),
		T(test_access), T(test_masked_counts), T(test_validation), T(test_document),
	};
#undef T
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
