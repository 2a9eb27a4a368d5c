/*
 * test_reports.c — the reports capability and the figures it gathers (src/reports/reports.h,
 * src/registry/registry_trend.h, src/entry/entry_stats.h): the tables' numbers and months; the
 * enterprises behind every figure of Tabel 1 are exactly as many as the figure; the closed per
 * year; inquiries by year against the answer deadline; a municipality's overview and the
 * national view (every municipality, by region, sorted, with last year) against an in-memory
 * migrated database, and who may read them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/users.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/entry/advisory.h"
#include "src/entry/entry.h"
#include "src/entry/entry_stats.h"
#include "src/registry/registry.h"
#include "src/registry/registry_trend.h"
#include "src/reports/reports.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

/* ---------------------------------------------------------------- without a database */

static void test_numbers_and_months(void **state)
{
	(void)state;
	struct question qs[] = {{.code = "t2"}, {.code = "t15"}, {.code = "antal"}, {.code = "t1"},
	                        {.code = "t100"}, {.code = "t3x"}};
	struct survey s = {.questions = qs, .nquestions = 6};
	const int want[] = {2, 15, 4, 5, 6, 7};
	for (int i = 0; i < 6; i++)
		assert_int_equal(reports_table_number(&s, i), want[i]);
	int y = 0, m = 0;
	assert_true(reports_month_parse("2015-11", &y, &m));
	assert_int_equal(y, 2015);
	assert_int_equal(m, 11);
	const char *bad[] = {"2015-13", "2015-00", "2015-1", "15-11", "2015/11", "", NULL};
	for (size_t i = 0; i < N_OF(bad); i++)
		assert_false(reports_month_parse(bad[i], &y, &m));
	struct arena a;
	arena_init(&a, 0);
	assert_string_equal(reports_month_da(&a, "2015-01"), "januar 2015");
	assert_string_equal(reports_month_da(&a, "nope"), "nope");
	arena_free(&a);
	enum national_sort so;
	assert_int_equal(reports_national_sort_parse("henvendelser", &so), 0);
	assert_int_equal(so, NS_INQUIRIES);
	assert_int_equal(reports_national_sort_parse("Navn", &so), ERR_INVALID);
	assert_int_equal(reports_national_sort_parse(NULL, &so), ERR_INVALID);
	enum tabel1_column c;
	assert_int_equal(registry_tabel1_column_parse("closed", &c), 0);
	assert_int_equal(c, T1_CLOSED);
	assert_int_equal(registry_tabel1_column_parse("lukket", &c), ERR_INVALID);
}

/* ---------------------------------------------------------------- with a database */

static void add(struct fixture *f, const char *name, const char *kommune, const char *pipe,
                const char *est, const char *rsv, const char *closed)
{
	struct enterprise e = {.name = name, .kommune = kommune, .pipeline_since = pipe,
	                       .established = est, .rsv_registered = rsv, .closed = closed};
	struct errs errs = {0};
	int rc = registry_save(f->db, &f->a, &users_cli, &e, &errs);
	if (rc)
		fail_msg("save %s: %d %s", name, rc, errs.n ? errs.e[0].message : "");
}

/* a few enterprises of Kolding and Silkeborg over 2013-2016, one a company (never counted) */
static void registry_demo(struct fixture *f)
{
	add(f, "Alfa", "621", "2013-05-01", "2014-02-01", "2015-03-01", NULL);
	add(f, "Beta", "621", "2014-01-01", "2015-04-01", NULL, NULL);
	add(f, "Gamma", "621", "2015-06-01", NULL, NULL, NULL);
	add(f, "Delta", "621", NULL, "2013-01-01", NULL, "2015-09-30");
	add(f, "Epsilon", "621", NULL, "2015-02-01", NULL, "2015-10-31");
	add(f, "Zeta", "740", NULL, "2012-01-01", "2014-01-01", NULL);
	add(f, "Eta", "740", "2015-01-01", "2016-01-01", NULL, NULL);
	struct enterprise co = {.name = "Firma", .kommune = "621", .kind = REGISTRY_KIND_COMPANY,
	                        .established = "2015-01-01"};
	struct errs errs = {0};
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &co, &errs), 0);
}

static void test_members_match_tabel1(void **state)
{
	struct fixture *f = *state;
	registry_demo(f);
	static const char *const kommuner[] = {"621", "740", NULL};
	for (int year = 2013; year <= 2016; year++)
		for (int k = 0; k < 3; k++) {
			const char *only[] = {kommuner[k], NULL};
			struct tabel1_row *rows, sum;
			int n;
			assert_int_equal(registry_tabel1(f->db, &f->a, year, kommuner[k] ? only : NULL, &rows, &n,
			                                 &sum), 0);
			const int want[4] = {sum.total, sum.registered, sum.established, sum.pipeline};
			for (int c = 0; c < 4; c++) {
				struct tabel1_member *m;
				int nm;
				assert_int_equal(registry_tabel1_members(f->db, &f->a, year, kommuner[k],
				                                         (enum tabel1_column)c, &m, &nm), 0);
				if (nm != want[c])
					fail_msg("%d %s %s: %d members, figure %d", year, kommuner[k] ? kommuner[k] : "all",
					         registry_tabel1_column_key((enum tabel1_column)c), nm, want[c]);
			}
		}
	/* closed: Delta and Epsilon in 2015 (Epsilon established and closed within it) */
	int closed[4];
	assert_int_equal(registry_closed_years(f->db, 2013, 2016, "621", closed), 0);
	assert_int_equal(closed[0], 0);
	assert_int_equal(closed[2], 2);
	assert_int_equal(closed[3], 0);
	struct tabel1_member *m;
	int nm;
	assert_int_equal(registry_tabel1_members(f->db, &f->a, 2015, "621", T1_CLOSED, &m, &nm), 0);
	assert_int_equal(nm, 2);
	assert_string_equal(m[0].name, "Delta");
	assert_int_equal(registry_closed_years(f->db, 2016, 2015, NULL, closed), ERR_INVALID);
}

/* an inquiry of Kolding received on received and, unless closed is NULL, closed then */
static void inquiry(struct fixture *f, const char *received, const char *closed)
{
	struct inquiry_input in = {.kommune = "621", .name = "Maja", .email = "maja@example.org",
	                           .topic = "start", .message = "Hvordan starter jeg?"};
	struct errs errs = {0};
	int64_t id;
	const char *ref;
	assert_int_equal(entry_inquiry_create(f->db, &f->a, &in, &errs, &id, &ref), 0);
	struct db_stmt *s = db_prepare(f->db,
		"UPDATE inquiries SET received_date = :r, received_at = :r || 'T09:00:00Z',"
		" closed_at = CASE WHEN :c IS NULL THEN NULL ELSE :c || 'T15:00:00Z' END,"
		" status = CASE WHEN :c IS NULL THEN 'new' ELSE 'closed' END,"
		" outcome = CASE WHEN :c IS NULL THEN '' ELSE 'Besvaret' END WHERE id = :id");
	assert_non_null(s);
	assert_int_equal(db_run(s, db_bind_text(s, ":r", received) | db_bind_text(s, ":c", closed) |
	                           db_bind_int(s, ":id", id)), 0);
}

static void test_inquiry_years(void **state)
{
	struct fixture *f = *state;
	inquiry(f, "2015-03-02", "2015-03-06"); /* Monday to Friday: 4 working days, in time */
	inquiry(f, "2015-03-02", "2015-03-16"); /* 10 working days: late */
	inquiry(f, "2015-06-01", NULL);         /* open ever since: over the deadline */
	inquiry(f, "2014-12-01", "2014-12-02");
	struct inquiry_year ys[3];
	int days = 0;
	assert_int_equal(entry_stats_inquiry_years(f->db, &f->a, "621", 2014, 2016, "2026-01-05", ys, &days),
	                 0);
	assert_int_equal(days, ENTRY_DEFAULT_ANSWER_DAYS);
	assert_int_equal(ys[0].received, 1);
	assert_int_equal(ys[0].in_time, 1);
	assert_int_equal(ys[0].median_workdays, 1);
	assert_int_equal(ys[1].year, 2015);
	assert_int_equal(ys[1].received, 3);
	assert_int_equal(ys[1].closed, 2);
	assert_int_equal(ys[1].in_time, 1);
	assert_int_equal(ys[1].open, 1);
	assert_int_equal(ys[1].overdue, 1);
	assert_int_equal(ys[1].median_workdays, 7);
	assert_int_equal(ys[2].received, 0);
	assert_int_equal(ys[2].median_workdays, -1);
	/* the list behind: no contact, the references in order */
	struct inquiry_brief *rows;
	int n;
	assert_int_equal(entry_stats_inquiries(f->db, &f->a, "621", "2015-01-01", "2015-12-31", "2026-01-05",
	                                       &rows, &n, &days), 0);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].workdays, 4);
	assert_true(rows[0].in_time);
	assert_false(rows[1].in_time);
	assert_true(rows[2].overdue);
	assert_null(rows[2].closed_date);
	assert_int_equal(entry_stats_inquiry_years(f->db, &f->a, "621", 2016, 2014, "2026-01-05", ys, &days),
	                 ERR_INVALID);
}

static void session(struct fixture *f, const char *kommune, const char *date, const char *who)
{
	struct advisory_session_input in = {.kommune = kommune, .date = date, .topic = "business",
	                                    .minutes = 30, .entrepreneur = who};
	struct errs errs = {0};
	int64_t id;
	assert_int_equal(advisory_session_add(f->db, &f->a, &users_cli, &in, &errs, &id), 0);
}

static void test_overview_and_national(void **state)
{
	struct fixture *f = *state;
	registry_demo(f);
	inquiry(f, "2015-03-02", "2015-03-06");
	session(f, "621", "2015-11-02", "Maja");
	session(f, "621", "2015-11-09", "Maja");
	session(f, "621", "2015-11-16", "Ole");
	session(f, "740", "2014-05-05", "Sara");
	struct overview ov;
	assert_int_equal(reports_overview(f->db, &f->a, &fixture_kons621, "621", 2015, "2026-01-05", &ov), 0);
	assert_string_equal(ov.k.navn, "Kolding");
	assert_int_equal(ov.years[0].year, 2011);
	const struct overview_year *y15 = &ov.years[4];
	/* Alfa and Beta established and open; Delta and Epsilon closed in 2015; Gamma on the way */
	assert_int_equal(y15->t1.total, 2);
	assert_int_equal(y15->t1.registered, 1);
	assert_int_equal(y15->t1.established, 2);
	assert_int_equal(y15->t1.pipeline, 1);
	assert_int_equal(y15->closed, 2);
	assert_int_equal(y15->inq.received, 1);
	assert_int_equal(y15->sessions, 3);
	assert_string_equal(ov.months[10].month, "2015-11");
	assert_int_equal(ov.months[10].advised, 2);
	assert_int_equal(ov.months[10].sessions, 3);
	assert_int_equal(ov.years[3].t1.total, 2); /* 2014: Alfa and Delta */
	/* who may: the municipality's staff and the administrator, not an enterprise's account */
	assert_int_equal(reports_overview(f->db, &f->a, &fixture_indk621, "621", 2015, "2026-01-05", &ov), 0);
	assert_int_equal(reports_overview(f->db, &f->a, &fixture_kons621, "740", 2015, "2026-01-05", &ov),
	                 ERR_FORBIDDEN);
	assert_int_equal(reports_overview(f->db, &f->a, &fixture_virk621, "621", 2015, "2026-01-05", &ov),
	                 ERR_FORBIDDEN);
	assert_int_equal(reports_overview(f->db, &f->a, &fixture_admin, "999", 2015, "2026-01-05", &ov),
	                 ERR_NOTFOUND);

	struct national nat;
	assert_int_equal(reports_national(f->db, &f->a, &fixture_job621, 2015, NS_SOEV, &nat), 0);
	assert_int_equal(nat.n, KOMMUNE_COUNT);
	assert_int_equal(nat.nregions, 5);
	assert_string_equal(nat.regions[0].name, "Nordjylland");
	assert_string_equal(nat.regions[4].name, "Sjælland");
	int sum = 0;
	for (int g = 0; g < nat.nregions; g++)
		sum += nat.regions[g].n;
	assert_int_equal(sum, KOMMUNE_COUNT);
	/* Syddanmark sorted by SØV: Kolding (2) first */
	const struct national_region *sd = &nat.regions[2];
	assert_string_equal(sd->name, "Syddanmark");
	assert_string_equal(nat.rows[sd->first].navn, "Kolding");
	assert_int_equal(nat.rows[sd->first].now.inquiries, 1);
	assert_int_equal(nat.rows[sd->first].now.sessions, 3);
	assert_int_equal(sd->now.soev, 2);
	/* the country: Kolding's 2 and Silkeborg's Zeta (Eta comes in 2016); a year before Kolding's
	 * Alfa and Delta and Zeta; Sara's session in Silkeborg was in 2014 */
	assert_int_equal(nat.now.soev, 3);
	assert_int_equal(nat.last.soev, 3);
	assert_int_equal(nat.now.sessions, 3);
	assert_int_equal(nat.last.sessions, 1);
	assert_int_equal(reports_national(f->db, &f->a, &fixture_virk621, 2015, NS_SOEV, &nat), ERR_FORBIDDEN);
	assert_int_equal(reports_national(f->db, &f->a, NULL, 2015, NS_SOEV, &nat), ERR_FORBIDDEN);
	assert_int_equal(reports_national(f->db, &f->a, &fixture_admin, 2015, NS_COUNT, &nat), ERR_INVALID);
	/* by name: Danish order within the region (Aabenraa, as Å, last in Syddanmark) */
	assert_int_equal(reports_national(f->db, &f->a, &fixture_admin, 2015, NS_NAME, &nat), 0);
	sd = &nat.regions[2];
	assert_string_equal(nat.rows[sd->first + sd->n - 1].navn, "Aabenraa");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_and_months),
		cmocka_unit_test_setup_teardown(test_members_match_tabel1, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_inquiry_years, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_overview_and_national, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
