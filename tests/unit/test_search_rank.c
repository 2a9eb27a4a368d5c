/*
 * test_search_rank.c — the order within a tier of the registry's search by relevance: the
 * ranking function indgang_rank (src/store/fts_rank.h) puts a short name that is the word
 * before a long one that holds it, and a short description before a long one, whatever their
 * age; a tier of more than the 100 matches it ranks goes on with the older ones, newest first,
 * and paging through it gives every match exactly once; ranked searches with filters use the
 * same function; compacting the index (registry_search_compact) merges its parts into one and
 * changes no answer. With INDGANG_TEST_PG set, the same generated registry and catalogue terms
 * in SQLite and in PostgreSQL give the same scores, to the bit, and the same pages in the same
 * order for every kind of search (test_backends_agree).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/users.h"
#include "src/base/arena.h"
#include "src/base/errs.h"
#include "src/registry/registry.h"
#include "src/registry/registry_search.h"
#include "src/registry/registry_store.h"
#include "tests/tools/testdb.h"
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

/* ---------------------------------------------------------------- SQLite and PostgreSQL alike */

/* words with shared stems, prefixes and Danish letters, so that matches tie and differ */
static const char *const words[] = {
	"værksted", "værkstedet", "værksteder", "kantine", "kantinen", "cykel", "cykler", "cykelværksted",
	"genbrug", "genbrugsbutik", "butik", "butikken", "café", "caféen", "have", "haven", "køkken",
	"økologisk", "økologi", "tøj", "møbler", "kaffe", "kage", "kager", "rengøring", "fleksjob",
	"løntilskud", "borgere", "snedker", "snedkeriet", "træ", "metal", "grøn", "årstid", "købmand",
	"Silkeborg", "Kolding", "og", "i", "for", "med",
};
#define NWORDS ((int)(sizeof(words) / sizeof(words[0])))

static uint64_t rng = 88172645463325252u;
static int roll(int n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (int)(rng % (uint64_t)n);
}

/* n random words into a's memory, "" for none */
static const char *some_words(struct arena *a, int n)
{
	const char *out = "";
	for (int i = 0; i < n; i++)
		out = arena_printf(a, "%s%s%s", out, i ? " " : "", words[roll(NWORDS)]);
	return out;
}

/* one PostgreSQL database of the test cluster, migrated, its URI into uri */
static struct db *open_pg(char *uri, size_t n)
{
	struct db *db = NULL;
	assert_int_equal(testdb_template(uri, n), 0);
	assert_int_equal(db_open(uri, &db), 0);
	assert_int_equal(db_migrate(db, NULL), 0);
	db_close(db);
	assert_int_equal(testdb_new(uri, n), 0);
	assert_int_equal(db_open(uri, &db), 0);
	return db;
}

/* every match of the FTS5 expression match with its score, in rowid order, into ids/scores:
 * the registry's indgang_rank, or FTS5's bm25 over product_search */
static int scores(struct db *db, bool registry, const char *match, int64_t *ids, double *sc, int max)
{
	struct db_stmt *s = registry
		? db_prepare2(db, "SELECT rowid, rank FROM enterprise_search WHERE enterprise_search"
		                  " MATCH :match AND rank MATCH 'indgang_rank(10.0, 1.0)' ORDER BY rowid",
		              "SELECT rowid, fts_rank_columns((SELECT fts_phrases(:match)), name, body,"
		                  " name_len, body_len, (SELECT enterprise_search_averages()))"
		                  " FROM enterprise_search WHERE tsv @@ fts_query(:match)"
		                  " ORDER BY rowid")
		: db_prepare2(db, "SELECT rowid, rank FROM product_search WHERE product_search"
		                  " MATCH :match ORDER BY rowid",
		              "SELECT rowid, fts_bm25((SELECT fts_phrases(:match)), terms,"
		                  " (SELECT fts_bm25_stats('product_search', fts_phrases(:match))))"
		                  " FROM product_search WHERE tsv @@ fts_query(:match)"
		                  " ORDER BY rowid");
	assert_non_null(s);
	assert_int_equal(db_bind_text(s, ":match", match), 0);
	int n = 0, rc;
	while ((rc = db_step(s)) == DB_ROW) {
		assert_true(n < max);
		ids[n] = db_col_int(s, 0);
		const char *t = db_col_text(s, 1);
		sc[n++] = strtod(t ? t : "0", NULL);
	}
	db_done(s);
	assert_int_equal(rc, DB_DONE);
	return n;
}

/* the same matches with the same scores on both: PostgreSQL sends a double as the shortest
 * text that reads back to the same bits, and SQLite's text of a REAL is not that, so the
 * scores are compared as numbers, to a relative 1e-14 (a bit or two) */
static void same_scores(struct db *lite, struct db *pg, bool registry, const char *match)
{
	enum { MAX = 2000 };
	static int64_t id1[MAX], id2[MAX];
	static double s1[MAX], s2[MAX];
	int n1 = scores(lite, registry, match, id1, s1, MAX);
	int n2 = scores(pg, registry, match, id2, s2, MAX);
	if (n1 != n2)
		fail_msg("%s: %d matches on SQLite, %d on PostgreSQL", match, n1, n2);
	for (int i = 0; i < n1; i++) {
		if (id1[i] != id2[i])
			fail_msg("%s: match %d is %lld on SQLite, %lld on PostgreSQL", match, i,
			         (long long)id1[i], (long long)id2[i]);
		double d = s1[i] - s2[i], m = s1[i] < 0 ? -s1[i] : s1[i];
		if ((d < 0 ? -d : d) > m * 1e-14)
			fail_msg("%s: row %lld scores %.17g on SQLite, %.17g on PostgreSQL", match,
			         (long long)id1[i], s1[i], s2[i]);
	}
}

/* a page of q on db, its ids into ids; also the total */
static int list_ids(struct db *db, struct arena *a, const char *query, const char *kommune,
                    enum registry_sort sort, int limit, int offset, int64_t *ids, int *total)
{
	struct registry_query q = {.match = registry_search_query(a, query),
	                           .match_whole = registry_search_query_whole(a, query),
	                           .match_last = registry_search_query_last(a, query),
	                           .kommune = kommune, .registered = -1, .day = "2026-01-01",
	                           .limit = limit, .offset = offset, .sort = sort};
	struct registry_item *items;
	int n;
	bool exact;
	assert_int_equal(registry_list_page(db, a, &q, &items, &n, total, &exact), 0);
	for (int i = 0; i < n; i++)
		ids[i] = items[i].id;
	return n;
}

static void same_pages(struct db *lite, struct db *pg, struct arena *a, const char *query,
                       const char *kommune, enum registry_sort sort)
{
	int64_t p1[25], p2[25];
	for (int offset = 0; offset < 400; offset += 25) {
		int t1, t2;
		int n1 = list_ids(lite, a, query, kommune, sort, 25, offset, p1, &t1);
		int n2 = list_ids(pg, a, query, kommune, sort, 25, offset, p2, &t2);
		if (n1 != n2 || t1 != t2)
			fail_msg("'%s' %s sort %d offset %d: %d of %d on SQLite, %d of %d on PostgreSQL",
			         query, kommune ? kommune : "-", (int)sort, offset, n1, t1, n2, t2);
		for (int i = 0; i < n1; i++)
			if (p1[i] != p2[i])
				fail_msg("'%s' %s sort %d: row %d is %lld on SQLite, %lld on PostgreSQL", query,
				         kommune ? kommune : "-", (int)sort, offset + i, (long long)p1[i],
				         (long long)p2[i]);
		if (n1 < 25)
			break;
	}
}

static void test_backends_agree(void **state)
{
	(void)state;
	if (!getenv("INDGANG_TEST_PG") || !*getenv("INDGANG_TEST_PG"))
		skip();
	struct db *lite = NULL, *pg;
	char uri[512];
	struct arena a;
	arena_init(&a, 0);
	assert_int_equal(db_open(":memory:", &lite), 0);
	assert_int_equal(db_migrate(lite, NULL), 0);
	pg = open_pg(uri, sizeof(uri));
	const char *kommuner[] = {"740", "621", "330"};
	enum { N = 400 };
	for (int i = 0; i < N; i++) {
		/* short names with the same words tie; a few have no description */
		const char *name = some_words(&a, 1 + roll(4));
		const char *desc = roll(5) ? some_words(&a, roll(25)) : NULL;
		struct enterprise e1 = {.name = name, .kommune = kommuner[roll(3)], .description = desc,
		                        .established = "2015-01-01"};
		struct enterprise e2 = e1;
		struct errs errs = {0};
		assert_int_equal(registry_save(lite, &a, &users_cli, &e1, &errs), 0);
		assert_int_equal(registry_save(pg, &a, &users_cli, &e2, &errs), 0);
		assert_int_equal(e1.id, e2.id);
		/* the catalogue's one-column table, straight: bm25 with its document frequency */
		struct db_stmt *s[2];
		for (int k = 0; k < 2; k++) {
			s[k] = db_prepare(k ? pg : lite, "INSERT INTO product_search (rowid, terms) VALUES (:id, :terms)");
			assert_int_equal(db_run(s[k], s[k] ? db_bind_int(s[k], ":id", e1.id) |
			                              db_bind_text(s[k], ":terms", registry_search_terms(&a, name, desc)) : 0), 0);
		}
	}
	const char *queries[] = {"værksted", "værkstedet", "cykel", "cykler værksted", "kantine og",
	                         "genbrug butik", "kobmand", "groen aarstid", "sne", "væ", "ka",
	                         "café kage", "økologisk tøj", "fleksjob borgere silkeborg", "træ metal",
	                         "rengøring i", "snedkeriet", "haven", "møbl", "kolding", "værkst",
	                         "genbrugsb", "fleksjob løntil", "cykelv"};
	for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		const char *q = queries[i];
		const char *p = registry_search_query(&a, q), *w = registry_search_query_whole(&a, q);
		/* the expressions the search's tiers ask (search_page) */
		same_scores(lite, pg, true, p);
		same_scores(lite, pg, true, arena_printf(&a, "{name} : (%s)", w));
		same_scores(lite, pg, true, arena_printf(&a, "{name} : (%s) NOT {name} : (%s)", p, w));
		same_scores(lite, pg, true, arena_printf(&a, "(%s) NOT {name} : (%s)", w, p));
		same_scores(lite, pg, true, arena_printf(&a, "(%s) NOT ((%s) OR {name} : (%s))", p, w, p));
		same_scores(lite, pg, false, p);
		same_scores(lite, pg, false, w);
		/* and the pages: by relevance in tiers, by relevance with a filter, in the other orders */
		same_pages(lite, pg, &a, q, NULL, REGISTRY_SORT_RELEVANCE);
		same_pages(lite, pg, &a, q, "740", REGISTRY_SORT_RELEVANCE);
		same_pages(lite, pg, &a, q, NULL, REGISTRY_SORT_NAME);
		same_pages(lite, pg, &a, q, "621", REGISTRY_SORT_ESTABLISHED);
	}
	db_close(lite);
	db_close(pg);
	testdb_drop(uri);
	arena_free(&a);
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
		cmocka_unit_test(test_backends_agree),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
