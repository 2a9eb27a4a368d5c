/*
 * test_search_rank.c — the order within a tier of the registry's search by relevance: the
 * ranking function indgang_rank (src/store/fts_rank.h) puts a short name that is the word
 * before a long one that holds it, and a short description before a long one, whatever their
 * age; a tier of more than the 100 matches it ranks goes on with the older ones, newest first,
 * and paging through it gives every match exactly once; ranked searches with filters use the
 * same function; compacting the index (registry_search_compact) merges its parts into one and
 * changes no answer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/users.h"
#include "src/base/arena.h"
#include "src/base/errs.h"
#include "src/registry/registry.h"
#include "src/registry/registry_search.h"
#include "src/registry/registry_store.h"
#include "tests/unit/fixture.h"

static int64_t add(struct fixture *f, const char *name, const char *description)
{
	struct enterprise e = {.name = name, .kommune = "740", .description = description,
	                       .established = "2015-01-01"};
	struct errs errs = {0};
	if (registry_save(f->db, &f->a, &users_cli, &e, &errs) != 0)
		fail_msg("save %s: %s", name, errs.n ? errs.e[0].message : "");
	return e.id;
}

/* a page of a search by relevance: its ids into ids, their number returned */
static int page(struct fixture *f, const char *query, const char *kommune, int limit,
                int offset, int64_t *ids)
{
	struct registry_query q = {.match = registry_search_query(&f->a, query),
	                           .match_whole = registry_search_query_whole(&f->a, query),
	                           .match_last = registry_search_query_last(&f->a, query),
	                           .kommune = kommune, .registered = -1, .day = "2026-01-01",
	                           .limit = limit, .offset = offset, .sort = REGISTRY_SORT_RELEVANCE};
	struct registry_item *items;
	int n, total;
	bool exact;
	assert_int_equal(registry_list_page(f->db, &f->a, &q, &items, &n, &total, &exact), 0);
	for (int i = 0; i < n; i++)
		ids[i] = items[i].id;
	return n;
}

static void test_short_name_and_description_first(void **state)
{
	struct fixture *f = *state;
	/* the best are made first, so that newest first would put them last */
	int64_t exact_name = add(f, "Værkstedet", NULL);
	int64_t long_name = add(f, "Værkstedet for træ, metal, cykler og andre gode ting i Silkeborg", NULL);
	int64_t short_desc = add(f, "Alfa", "Et værksted.");
	int64_t long_desc = add(f, "Beta", "Vi har en butik, en kantine, en have, et lager og et "
	                                  "værksted, hvor borgere arbejder i fleksjob og løntilskud.");
	int64_t ids[10];
	assert_int_equal(page(f, "værkstedet", NULL, 10, 0, ids), 4);
	assert_int_equal(ids[0], exact_name);
	assert_int_equal(ids[1], long_name);
	assert_int_equal(ids[2], short_desc);
	assert_int_equal(ids[3], long_desc);
	/* with a filter the same ranking orders every match */
	assert_int_equal(page(f, "værkstedet", "740", 10, 0, ids), 4);
	assert_int_equal(ids[0], exact_name);
	assert_int_equal(ids[1], long_name);
	assert_int_equal(ids[2], short_desc);
	assert_int_equal(ids[3], long_desc);
}

static void test_long_tier_pages_every_match_once(void **state)
{
	struct fixture *f = *state;
	enum { N = 130 };
	int64_t made[N];
	for (int i = 0; i < N; i++)
		made[i] = add(f, arena_printf(&f->a, "Snedkeriet nr. %d", i), NULL);
	int64_t all[N + 20];
	int got = 0;
	for (int offset = 0; offset < N + 20; offset += 20) {
		int n = page(f, "snedkeriet", NULL, 20, offset, all + got);
		got += n;
		if (n < 20)
			break;
	}
	assert_int_equal(got, N);
	for (int i = 0; i < N; i++)
		for (int j = i + 1; j < N; j++)
			if (all[i] == all[j])
				fail_msg("%lld twice, at %d and %d", (long long)all[i], i, j);
	/* the 100 newest come first (ranked among themselves), then the 30 oldest, newest first */
	for (int i = 0; i < 100; i++)
		assert_true(all[i] >= made[N - 100]);
	for (int i = 100; i < N; i++)
		assert_int_equal(all[i], made[N - 1 - i]);
}

static void test_compact_merges_and_changes_nothing(void **state)
{
	struct fixture *f = *state;
	/* each save is its own transaction and leaves a part of its own in the index */
	for (int i = 0; i < 300; i++)
		add(f, arena_printf(&f->a, "Genbrugsbutikken %d", i),
		    i % 3 ? "Salg af brugte møbler og tøj." : "Cykler repareres af borgere i fleksjob.");
	/* FTS5's parts are SQLite's alone: on PostgreSQL the GIN index has none to count, and
	 * compacting does nothing there (the answers must stay the same all the same) */
	bool fts5 = !db_postgres(f->db);
	if (fts5)
		assert_true(COUNT_SQL(f->db, "SELECT count(DISTINCT segid) FROM enterprise_search_idx") > 1);
	const char *queries[] = {"genbrugsbutikken", "cykler fleksjob", "møbl", "tøj"};
	int64_t before[4][20], after[4][20];
	int nb[4], na[4];
	for (int i = 0; i < 4; i++)
		nb[i] = page(f, queries[i], NULL, 20, 0, before[i]);
	assert_int_equal(registry_search_compact(f->db), 0);
	if (fts5)
		assert_int_equal(COUNT_SQL(f->db, "SELECT count(DISTINCT segid) FROM enterprise_search_idx"), 1);
	bool worked = true;
	assert_int_equal(registry_store_search_merge(f->db, &worked), 0);
	assert_false(worked); /* nothing left to merge */
	for (int i = 0; i < 4; i++) {
		na[i] = page(f, queries[i], NULL, 20, 0, after[i]);
		assert_int_equal(na[i], nb[i]);
		assert_true(nb[i] > 0);
		assert_memory_equal(after[i], before[i], sizeof(int64_t) * (size_t)na[i]);
	}
	/* and the index goes on taking writes */
	int64_t late = add(f, "Genbrugsbutikken Sidst", NULL);
	int64_t ids[20];
	assert_true(page(f, "genbrugsbutikken sidst", NULL, 20, 0, ids) >= 1);
	assert_int_equal(ids[0], late);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_short_name_and_description_first, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_long_tier_pages_every_match_once, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_compact_merges_and_changes_nothing, fixture_setup,
		                                fixture_teardown),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
