/*
 * test_funding.c — funding sources (src/collab/funding.h) against an in-memory migrated
 * database: who may keep and read them (national, a municipality's own, public ones for anyone);
 * validation naming the field; Danish search and the filters by kind and by a deadline within
 * N days from a given day; the home page's deadlines; and the suggestions on an inquiry of topic
 * funding (who may work on the case, other topics refused, removing).
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
#include "src/collab/funding.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

static int64_t source(struct fixture *f, const struct principal *by, const char *kommune,
                      const char *kind, const char *title, const char *deadline, bool public_)
{
	struct errs e = {0};
	struct funding_source s = {.kommune = kommune, .kind = kind, .title = title,
	                           .description = "Støtte til opstart", .recurring = "",
	                           .eligible = "", .url = "", .deadline = deadline,
	                           .amount_min_ore = -1, .amount_max_ore = -1, .public_ = public_};
	assert_int_equal(funding_save(f->db, &f->a, by, &s, &e), 0);
	assert_true(s.id > 0);
	return s.id;
}

/* the titles found for q by who, joined with '|' */
static const char *found(struct fixture *f, const struct principal *who, struct funding_query q)
{
	struct funding_source *items;
	int n, total;
	q.today = q.today ? q.today : "2016-01-01";
	assert_int_equal(funding_search(f->db, &f->a, who, &q, &items, &n, &total), 0);
	assert_int_equal(n, total);
	const char *out = "";
	for (int i = 0; i < n; i++)
		out = arena_printf(&f->a, "%s%s|", out, items[i].title);
	return out;
}

static void test_access(void **state)
{
	struct fixture *f = *state;
	struct errs e = {0};
	struct funding_source s = {.kommune = "621", .kind = "fond", .title = "x"};
	assert_int_equal(funding_save(f->db, &f->a, &fixture_indk621, &s, &e), ERR_FORBIDDEN);
	assert_int_equal(funding_save(f->db, &f->a, &fixture_kons740, &s, &e), ERR_FORBIDDEN);
	assert_int_equal(funding_save(f->db, &f->a, &fixture_virk621, &s, &e), ERR_FORBIDDEN);
	assert_int_equal(funding_save(f->db, &f->a, NULL, &s, &e), ERR_FORBIDDEN);
	s.kommune = NULL;
	assert_int_equal(funding_save(f->db, &f->a, &fixture_kons621, &s, &e), ERR_FORBIDDEN);
	int64_t own = source(f, &fixture_job621, "621", "fond", "Koldings egen", NULL, false);
	int64_t nat = source(f, &fixture_admin, NULL, "bank", "Landsdækkende lån", NULL, false);
	int64_t pub = source(f, &fixture_admin, NULL, "lag", "Offentlig LAG", NULL, true);
	struct funding_source got;
	assert_int_equal(funding_get(f->db, &f->a, &fixture_indk621, own, &got), 0);
	assert_int_equal(funding_get(f->db, &f->a, &fixture_kons740, own, &got), ERR_FORBIDDEN);
	assert_int_equal(funding_get(f->db, &f->a, NULL, own, &got), ERR_FORBIDDEN);
	assert_int_equal(funding_get(f->db, &f->a, &fixture_kons740, nat, &got), 0);
	assert_int_equal(funding_get(f->db, &f->a, NULL, nat, &got), ERR_FORBIDDEN);
	assert_int_equal(funding_get(f->db, &f->a, &fixture_virk621, nat, &got), ERR_FORBIDDEN);
	assert_int_equal(funding_get(f->db, &f->a, NULL, pub, &got), 0);
	assert_int_equal(funding_get(f->db, &f->a, NULL, 999, &got), ERR_NOTFOUND);
	/* lists: the public sees the public one; Silkeborg the national ones; Kolding all three */
	struct funding_query q = {.sort = FUNDING_BY_TITLE};
	assert_string_equal(found(f, NULL, q), "Offentlig LAG|");
	assert_string_equal(found(f, &fixture_virk621, q), "Offentlig LAG|");
	assert_string_equal(found(f, &fixture_kons740, q), "Landsdækkende lån|Offentlig LAG|");
	assert_string_equal(found(f, &fixture_indk621, q), "Koldings egen|Landsdækkende lån|Offentlig LAG|");
	assert_string_equal(found(f, &fixture_admin, q), "Koldings egen|Landsdækkende lån|Offentlig LAG|");
	/* deleting: who may write */
	assert_int_equal(funding_delete(f->db, &f->a, &fixture_kons740, own), ERR_FORBIDDEN);
	assert_int_equal(funding_delete(f->db, &f->a, &fixture_kons621, nat), ERR_FORBIDDEN);
	assert_int_equal(funding_delete(f->db, &f->a, &fixture_kons621, own), 0);
	assert_int_equal(funding_delete(f->db, &f->a, &fixture_kons621, own), ERR_NOTFOUND);
	assert_int_equal(fixture_audit_count(f->db, "delete", "funding_source"), 1);
}

static void test_validation(void **state)
{
	struct fixture *f = *state;
	struct errs e = {0};
	struct funding_source s = {.kommune = "999", .kind = "lotteri", .title = " ",
	                           .amount_min_ore = 100, .amount_max_ore = 50, .deadline = "2016-02-30",
	                           .url = "ftp://x"};
	assert_int_equal(funding_save(f->db, &f->a, &fixture_admin, &s, &e), ERR_INVALID);
	static const char *const fields[] = {"kommune", "kind", "title", "amount_max", "deadline", "url"};
	for (size_t i = 0; i < N_OF(fields); i++)
		assert_non_null(errs_get(&e, fields[i]));
	e = (struct errs){0};
	s = (struct funding_source){.kind = "fond", .title = "x", .url = "javascript:alert(1)",
	                            .amount_min_ore = -1, .amount_max_ore = -1};
	assert_int_equal(funding_save(f->db, &f->a, &fixture_admin, &s, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "url"));
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM funding_sources"), 0);
}

static void test_search_and_deadlines(void **state)
{
	struct fixture *f = *state;
	source(f, &fixture_admin, NULL, "fond", "Fond for genbrugsværksteder", "2016-01-20", true);
	source(f, &fixture_admin, NULL, "bank", "Startlån", "2016-03-01", true);
	source(f, &fixture_admin, NULL, "fond", "Gammel fond", "2015-12-31", true);
	source(f, &fixture_kons621, "621", "crowdfunding", "Koldings kampagne", "2016-01-02", false);
	struct funding_query q = {.q = "genbrugsvaerksted"}; /* æ typed as ae, a prefix */
	assert_string_equal(found(f, NULL, q), "Fond for genbrugsværksteder|");
	q = (struct funding_query){.q = "Genbrug"};
	assert_string_equal(found(f, NULL, q), "Fond for genbrugsværksteder|");
	q = (struct funding_query){.kind = "fond", .sort = FUNDING_BY_TITLE};
	assert_string_equal(found(f, NULL, q), "Fond for genbrugsværksteder|Gammel fond|");
	/* deadlines from 1 January 2016 to 30 days later, soonest first */
	q = (struct funding_query){.within_days = 30};
	assert_string_equal(found(f, &fixture_kons621, q), "Koldings kampagne|Fond for genbrugsværksteder|");
	assert_string_equal(found(f, NULL, q), "Fond for genbrugsværksteder|");
	q = (struct funding_query){.within_days = 60};
	assert_string_equal(found(f, NULL, q), "Fond for genbrugsværksteder|Startlån|");
	q = (struct funding_query){.within_days = 60, .today = "2016-02-28"}; /* over a leap day */
	assert_string_equal(found(f, NULL, q), "Startlån|");
	q = (struct funding_query){.within_days = 1, .today = "2016-02-29"};
	assert_string_equal(found(f, NULL, q), "Startlån|");
	/* the home page: staff only */
	struct funding_source *items;
	int n;
	assert_int_equal(funding_home_list(f->db, &f->a, &fixture_kons740, "2016-01-01", 30, &items, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(funding_home_list(f->db, &f->a, NULL, "2016-01-01", 30, &items, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(funding_home_list(f->db, &f->a, &fixture_virk621, "2016-01-01", 30, &items, &n), 0);
	assert_int_equal(n, 0);
}

static void test_suggestions(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO inquiries (id, year, seq, reference, kommune, name,"
	                                 " email, topic, message, received_at, received_date, updated_at)"
	                                 " VALUES (1, 2016, 1, 'IND-2016-000001', '621', 'Iben', 'i@example.org',"
	                                 " 'funding', 'Penge', 't', '2016-01-01', 't'),"
	                                 " (2, 2016, 2, 'IND-2016-000002', '621', 'Bo', 'b@example.org',"
	                                 " 'employment', 'Praktik', 't', '2016-01-01', 't')"), 0);
	int64_t pub = source(f, &fixture_admin, NULL, "fond", "Fond", NULL, true);
	int64_t other = source(f, &fixture_kons740, "740", "fond", "Silkeborgs egen", NULL, false);
	struct errs e = {0};
	assert_int_equal(funding_suggest(f->db, &f->a, &fixture_kons740, 1, pub, true, &e), ERR_FORBIDDEN);
	assert_int_equal(funding_suggest(f->db, &f->a, &fixture_indk621, 1, pub, true, &e), ERR_FORBIDDEN);
	assert_int_equal(funding_suggest(f->db, &f->a, &fixture_virk621, 1, pub, true, &e), ERR_FORBIDDEN);
	assert_int_equal(funding_suggest(f->db, &f->a, &fixture_kons621, 9, pub, true, &e), ERR_NOTFOUND);
	assert_int_equal(funding_suggest(f->db, &f->a, &fixture_kons621, 2, pub, true, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "topic"));
	e = (struct errs){0};
	/* a source the advisor may not see is no choice */
	assert_int_equal(funding_suggest(f->db, &f->a, &fixture_kons621, 1, other, true, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "source_id"));
	e = (struct errs){0};
	assert_int_equal(funding_suggest(f->db, &f->a, &fixture_kons621, 1, pub, true, &e), 0);
	assert_int_equal(funding_suggest(f->db, &f->a, &fixture_kons621, 1, pub, true, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "source_id"));
	const char *topic;
	struct funding_source *items;
	int n;
	assert_int_equal(funding_suggestions(f->db, &f->a, &fixture_admin, 1, &topic, &items, &n), 0);
	assert_string_equal(topic, "funding");
	assert_int_equal(n, 1);
	assert_string_equal(items[0].title, "Fond");
	assert_int_equal(funding_suggestions(f->db, &f->a, &fixture_kons740, 1, &topic, &items, &n), ERR_FORBIDDEN);
	e = (struct errs){0};
	assert_int_equal(funding_suggest(f->db, &f->a, &fixture_kons621, 1, pub, false, &e), 0);
	assert_int_equal(funding_suggest(f->db, &f->a, &fixture_kons621, 1, pub, false, &e), ERR_INVALID);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM inquiry_funding"), 0);
	assert_int_equal(fixture_audit_count(f->db, "suggest_funding", "inquiry"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_access, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_search_and_deadlines, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_suggestions, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
