/*
 * test_registry.c — the registry's rules against an in-memory database: the CVR check, dates,
 * the status derived from dates, Tabel 1 and 2, Danish collation, search terms with stemming and
 * folding, every import error path, who may write, and the ordinary companies (kind), which
 * the lists, search and exports filter on and Tabel 1, Tabel 2 and Bilag 1 never count.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/auth.h"
#include "src/auth/users.h"
#include "src/base/arena.h"
#include "src/base/buf.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/registry/registry.h"
#include "src/registry/registry_io.h"
#include "src/registry/registry_search.h"
#include "src/registry/registry_store.h"
#include "src/store/collate.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

static void test_cvr(void **state)
{
	(void)state;
	/* weights 2,7,6,5,4,3,2,1: 10150817 → 2+0+6+25+0+24+2+7 = 66 = 6·11 */
	assert_true(registry_cvr_valid("10150817"));
	assert_true(registry_cvr_valid("25313763"));
	assert_false(registry_cvr_valid("10150818")); /* check digit off by one */
	assert_false(registry_cvr_valid("01234567")); /* first digit 0 */
	assert_false(registry_cvr_valid("1015081"));  /* 7 digits */
	assert_false(registry_cvr_valid("101508170"));
	assert_false(registry_cvr_valid("1015O817")); /* letter O */
	assert_false(registry_cvr_valid(""));
	assert_false(registry_cvr_valid(NULL));
}

static void test_dates(void **state)
{
	(void)state;
	assert_true(registry_date_valid("2015-12-31"));
	assert_true(registry_date_valid("2016-02-29"));
	assert_false(registry_date_valid("2015-02-29"));
	assert_true(registry_date_valid("2000-02-29"));
	assert_false(registry_date_valid("1900-02-29"));
	assert_false(registry_date_valid("2015-13-01"));
	assert_false(registry_date_valid("2015-04-31"));
	assert_false(registry_date_valid("2015-4-3"));
	assert_false(registry_date_valid("03.11.2015"));
	assert_false(registry_date_valid(""));
}

static void test_status(void **state)
{
	(void)state;
	struct enterprise e = {.pipeline_since = "2014-05-01", .established = "2015-03-01",
	                       .closed = "2015-10-31"};
	assert_int_equal(registry_status_on(&e, "2014-04-30"), REGISTRY_IDEA);
	assert_int_equal(registry_status_on(&e, "2014-05-01"), REGISTRY_PIPELINE);
	assert_int_equal(registry_status_on(&e, "2015-02-28"), REGISTRY_PIPELINE);
	assert_int_equal(registry_status_on(&e, "2015-03-01"), REGISTRY_ESTABLISHED);
	assert_int_equal(registry_status_on(&e, "2015-10-31"), REGISTRY_CLOSED);
	assert_int_equal(registry_status_on(&e, "2020-01-01"), REGISTRY_CLOSED);
	struct enterprise idea = {0};
	assert_int_equal(registry_status_on(&idea, "2015-01-01"), REGISTRY_IDEA);
	assert_string_equal(registry_status_key(REGISTRY_PIPELINE), "pipeline");
}

/* insert one enterprise through the domain, as the command line would */
static int64_t add(struct fixture *f, const char *name, const char *kommune, const char *pipe,
                   const char *est, const char *rsv, const char *closed)
{
	struct enterprise e = {.name = name, .kommune = kommune, .pipeline_since = pipe,
	                       .established = est, .rsv_registered = rsv, .closed = closed};
	struct errs errs = {0};
	int rc = registry_save(f->db, &f->a, &users_cli, &e, &errs);
	if (rc)
		fail_msg("save %s: %d %s", name, rc, errs.n ? errs.e[0].message : "");
	return e.id;
}

static const struct tabel1_row *row_of(const struct tabel1_row *rows, int n, const char *kode)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(rows[i].kommune, kode))
			return &rows[i];
	return NULL;
}

static void test_tabel1(void **state)
{
	struct fixture *f = *state;
	/* Kolding 621 */
	add(f, "A", "621", NULL, "2013-01-01", "2015-06-01", NULL);         /* total, registered */
	add(f, "B", "621", NULL, "2015-02-01", NULL, NULL);                 /* total, established */
	add(f, "C", "621", NULL, "2015-02-01", NULL, "2015-11-30");         /* established+closed in Y */
	add(f, "D", "621", "2015-04-01", NULL, NULL, NULL);                 /* pipeline */
	add(f, "E", "621", "2015-04-01", "2016-01-10", NULL, NULL);         /* pipeline at cut-off */
	add(f, "F", "621", NULL, "2012-01-01", "2016-02-01", NULL);         /* registered later */
	add(f, "G", "621", NULL, "2012-01-01", NULL, "2014-01-01");         /* closed before Y */
	add(f, "H", "621", NULL, NULL, NULL, NULL);                         /* idea: nowhere */
	/* Silkeborg 740: more than Kolding, so it sorts first */
	const char *names[] = {"S0", "S1", "S2", "S3", "S4"};
	for (int i = 0; i < 5; i++)
		add(f, names[i], "740", NULL, "2010-01-01", NULL, NULL);
	/* one each in Aabenraa 580, Ærø 492 and Thisted 787: the Danish order on ties */
	add(f, "Å1", "580", NULL, "2010-01-01", NULL, NULL);
	add(f, "Æ1", "492", NULL, "2010-01-01", NULL, NULL);
	add(f, "Z1", "787", NULL, "2010-01-01", NULL, NULL);
	/* no enterprise at the cut-off, yet figures of their own: Lejre 350 only on the way, and
	 * Albertslund 165 one established in the year and closed before its end plus one on the way
	 * (the report's Tabel 1 lists both) */
	add(f, "L1", "350", "2015-05-01", NULL, NULL, NULL);
	add(f, "AL1", "165", NULL, "2015-03-01", NULL, "2015-09-01");
	add(f, "AL2", "165", "2015-06-01", NULL, NULL, NULL);

	struct tabel1_row *rows, sum;
	int n;
	assert_int_equal(registry_tabel1(f->db, &f->a, 2015, NULL, &rows, &n, &sum), 0);
	const struct tabel1_row *lejre = row_of(rows, n, "350"), *alb = row_of(rows, n, "165");
	assert_non_null(lejre);
	assert_int_equal(lejre->total + lejre->registered + lejre->established, 0);
	assert_int_equal(lejre->pipeline, 1);
	assert_non_null(alb);
	assert_int_equal(alb->total, 0);
	assert_int_equal(alb->established, 1);
	assert_int_equal(alb->pipeline, 1);
	assert_int_equal(n, 7);
	assert_string_equal(rows[0].kommune, "740");
	const struct tabel1_row *k = row_of(rows, n, "621");
	assert_non_null(k);
	assert_int_equal(k->total, 3);        /* A, B, F */
	assert_int_equal(k->registered, 1);   /* A */
	assert_int_equal(k->established, 2);  /* B, C */
	assert_int_equal(k->pipeline, 2);     /* D, E */
	/* ties on total 1: Thisted, Ærø, Aabenraa in Danish order (Aa = Å, last) */
	assert_string_equal(rows[2].navn, "Thisted");
	assert_string_equal(rows[3].navn, "Ærø");
	assert_string_equal(rows[4].navn, "Aabenraa");
	assert_int_equal(sum.total, 5 + 3 + 3);
	assert_int_equal(sum.established, 2 + 1);
	assert_int_equal(sum.pipeline, 2 + 1 + 1);

	/* a given list: zeros included, others left out */
	const char *list[] = {"621", "101", NULL};
	assert_int_equal(registry_tabel1(f->db, &f->a, 2015, list, &rows, &n, &sum), 0);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].kommune, "621");
	assert_string_equal(rows[1].kommune, "101");
	assert_int_equal(rows[1].total + rows[1].registered + rows[1].established + rows[1].pipeline, 0);
	assert_int_equal(sum.total, 3);

	/* two years earlier: A, F and G were established and G not yet closed */
	assert_int_equal(registry_tabel1(f->db, &f->a, 2013, list, &rows, &n, &sum), 0);
	assert_int_equal(rows[0].total, 3);
	assert_int_equal(rows[0].registered, 0);
	assert_int_equal(rows[0].established, 1); /* A */

	struct tabel2_row *t2;
	int n2, total2;
	assert_int_equal(registry_tabel2(f->db, &f->a, 2015, NULL, &t2, &n2, &total2), 0);
	assert_int_equal(total2, 11);
	assert_string_equal(t2[n2 - 1].label, "Ikke oplyst");
	assert_int_equal(t2[n2 - 1].count, 11);
}

static void test_collation(void **state)
{
	(void)state;
	struct collator *c = collate_open();
	assert_non_null(c);
	const char *in_order[] = {"Albertslund", "Zealand", "Æbelø", "Ørsted", "Ålborg", "Aarhus"};
	for (int i = 0; i + 1 < 6; i++)
		if (collate_cmp(c, in_order[i], -1, in_order[i + 1], -1) >= 0)
			fail_msg("%s should sort before %s", in_order[i], in_order[i + 1]);
	assert_true(collate_cmp(c, "Aabenraa", -1, "Zealand", -1) > 0);
	assert_int_equal(collate_cmp(c, "abc", -1, "abc", -1), 0);
	collate_close(c);
}

static void test_list_order(void **state)
{
	struct fixture *f = *state;
	const char *names[] = {"Ålekroen", "Zebra", "Øko", "abe", "Aalborg Café", "Ærø Køkken", "Abe"};
	for (size_t i = 0; i < 7; i++)
		add(f, names[i], "621", NULL, NULL, NULL, NULL);
	struct registry_query q = {.registered = -1, .day = "2026-01-01", .limit = 10};
	struct registry_item *items;
	int n, total;
	bool exact;
	assert_int_equal(registry_store_list(f->db, &f->a, &q, &items, &n, &total, &exact), 0);
	/* Danish puts upper case first on a tie */
	const char *want[] = {"Abe", "abe", "Zebra", "Ærø Køkken", "Øko", "Aalborg Café", "Ålekroen"};
	assert_int_equal(n, 7);
	for (int i = 0; i < 7; i++)
		if (strcmp(items[i].name, want[i]))
			fail_msg("place %d: %s, want %s", i, items[i].name, want[i]);
}

static int found(struct fixture *f, const char *query)
{
	struct registry_query q = {.match = registry_search_query(&f->a, query), .registered = -1,
	                           .day = "2026-01-01", .limit = 10};
	struct registry_item *items;
	int n, total;
	bool exact;
	assert_int_equal(registry_store_list(f->db, &f->a, &q, &items, &n, &total, &exact), 0);
	return total;
}

static void test_search(void **state)
{
	struct fixture *f = *state;
	char *t = registry_search_terms(&f->a, "Æblespecialisterne ApS", NULL);
	assert_non_null(strstr(t, "aeblespecialisterne"));
	assert_non_null(strstr(t, "aeblespecialist "));
	assert_non_null(strstr(t, "aps"));
	assert_string_equal(registry_search_fold(&f->a, "ØSTERÅ", 8), "oesteraa");
	assert_null(registry_search_query(&f->a, "  -- ,, "));
	assert_null(registry_search_query(&f->a, NULL));

	add(f, "Æblespecialisterne ApS", "740", NULL, "2015-01-01", NULL, NULL);
	add(f, "Aabenraa Genbrug", "580", NULL, NULL, NULL, NULL);
	const char *finds[] = {"æblespecialist", "aeblespecialisterne", "ÆBLES", "aebl",
	                       "æblespecialisterne aps", "AEBLESPECIALISTERNE", "åbenrå",
	                       "aabenraa", "Åbenrå genbrug", "genbruget"};
	for (size_t i = 0; i < sizeof(finds) / sizeof(finds[0]); i++)
		if (found(f, finds[i]) != 1)
			fail_msg("query '%s' found %d, not 1", finds[i], found(f, finds[i]));
	assert_int_equal(found(f, "pærevælling"), 0);
	assert_int_equal(found(f, "æblespecialist genbrug"), 0); /* every word must match */
}

/* ø and å written as a keyboard without them writes them: "kobmand" finds "Købmand" as
 * "koebmand" and "købm" do, and the ae/oe/aa folding stays */
static void test_search_plain_letters(void **state)
{
	struct fixture *f = *state;
	char *t = registry_search_terms(&f->a, "Hjortdal Købmandshandel", NULL);
	assert_non_null(strstr(t, "koebmandshandel"));
	assert_non_null(strstr(t, "kobmandshandel"));
	int64_t id = add(f, "Hjortdal Købmandshandel A.M.B.A.", "849", NULL, "2015-01-01", NULL, NULL);
	add(f, "Grøn Årstid", "740", NULL, NULL, NULL, NULL);
	const char *finds[] = {"kobmand", "koebmand", "købm", "KØBMANDSHANDEL", "kobm", "Kobmandshandel",
	                       "gron arstid", "groen aarstid", "grøn årstid", "gro ars"};
	for (size_t i = 0; i < sizeof(finds) / sizeof(finds[0]); i++)
		if (found(f, finds[i]) != 1)
			fail_msg("query '%s' found %d, not 1", finds[i], found(f, finds[i]));
	assert_int_equal(found(f, "kabmand"), 0);
	assert_int_equal(found(f, "kobmand arstid"), 0); /* every word must match */
	/* an enterprise saved before the plain form existed gets it from reindex */
	int count;
	assert_int_equal(registry_store_set_terms(f->db, id, "hjortdal koebmandshandel", ""), 0);
	assert_int_equal(found(f, "kobmand"), 0);
	assert_int_equal(registry_reindex(f->db, &f->a, &users_cli, &count), 0);
	assert_int_equal(count, 2);
	assert_int_equal(found(f, "kobmand"), 1);
}

static int64_t add_described(struct fixture *f, const char *name, const char *description)
{
	struct enterprise e = {.name = name, .kommune = "740", .description = description,
	                       .established = "2015-01-01"};
	struct errs errs = {0};
	if (registry_save(f->db, &f->a, &users_cli, &e, &errs) != 0)
		fail_msg("save %s: %s", name, errs.n ? errs.e[0].message : "");
	return e.id;
}

/* the ids of a search's page by relevance (the public search's order) */
static int relevance(struct fixture *f, const char *query, int64_t *ids, int max, int *total,
                     bool *exact)
{
	struct registry_query q = {.match = registry_search_query(&f->a, query),
	                           .match_whole = registry_search_query_whole(&f->a, query),
	                           .match_last = registry_search_query_last(&f->a, query),
	                           .registered = -1, .day = "2026-01-01", .limit = max,
	                           .sort = REGISTRY_SORT_RELEVANCE};
	struct registry_item *items;
	int n;
	assert_int_equal(registry_store_list(f->db, &f->a, &q, &items, &n, total, exact), 0);
	for (int i = 0; i < n; i++)
		ids[i] = items[i].id;
	return n;
}

/* A search by relevance puts the enterprises whose name holds the words first, then names that
 * hold a longer word the last word begins, then descriptions — whatever their age; a search
 * counts to 1,000 and says "more" past that. */
static void test_search_relevance(void **state)
{
	struct fixture *f = *state;
	int64_t named = add_described(f, "Kantinen Syd", "Frokost til virksomhederne i byen.");
	int64_t longer = add_described(f, "Kantinefællesskabet", "Mad og arbejde.");
	int64_t described = add_described(f, "Madhuset", "Vi driver en kantine med borgere i job.");
	add_described(f, "Cykelsmeden", "Reparationer.");
	int64_t ids[10];
	int total;
	bool exact;
	assert_int_equal(relevance(f, "kantine", ids, 10, &total, &exact), 3);
	assert_true(exact);
	assert_int_equal(total, 3);
	assert_int_equal(ids[0], named);
	assert_int_equal(ids[1], longer);
	assert_int_equal(ids[2], described);
	/* paging goes on across the tiers */
	struct registry_query q = {.match = registry_search_query(&f->a, "kantine"),
	                           .match_whole = registry_search_query_whole(&f->a, "kantine"),
	                           .match_last = registry_search_query_last(&f->a, "kantine"),
	                           .registered = -1, .day = "2026-01-01", .limit = 1, .offset = 2,
	                           .sort = REGISTRY_SORT_RELEVANCE};
	struct registry_item *items;
	int n;
	assert_int_equal(registry_store_list(f->db, &f->a, &q, &items, &n, &total, &exact), 0);
	assert_int_equal(n, 1);
	assert_int_equal(items[0].id, described);
	/* a word of up to five letters begins longer words anywhere in the query */
	assert_int_equal(relevance(f, "kanti syd", ids, 10, &total, &exact), 1);
	assert_int_equal(ids[0], named);
	/* a longer word begins longer ones only as the last word */
	assert_int_equal(relevance(f, "kantinefælles", ids, 10, &total, &exact), 1);
	assert_int_equal(relevance(f, "kantinefælles mad", ids, 10, &total, &exact), 0);
	/* the count stops at 1,000 */
	for (int i = 0; i < 1001; i++)
		add_described(f, arena_printf(&f->a, "Fælleskøkkenet nr. %d", i), NULL);
	assert_int_equal(relevance(f, "fælleskøkkenet", ids, 10, &total, &exact), 10);
	assert_false(exact);
	assert_int_equal(total, 1000);
}

/* the ids of a search's page in one of the registry's orders */
static int in_order(struct fixture *f, const char *query, enum registry_sort sort, int offset,
                    int64_t *ids, int max)
{
	struct registry_query q = {.match = registry_search_query(&f->a, query),
	                           .match_whole = registry_search_query_whole(&f->a, query),
	                           .match_last = registry_search_query_last(&f->a, query),
	                           .registered = -1, .day = "2026-01-01", .limit = max,
	                           .offset = offset, .sort = sort};
	struct registry_item *items;
	int n, total;
	bool exact;
	assert_int_equal(registry_store_list(f->db, &f->a, &q, &items, &n, &total, &exact), 0);
	for (int i = 0; i < n; i++)
		ids[i] = items[i].id;
	return n;
}

/* the same page read straight from the tables: the enterprises whose search row holds terms,
 * in the order's columns */
static int expected_page(struct fixture *f, const char *terms, enum registry_sort sort, int offset,
                         int64_t *ids, int max)
{
	struct db_stmt *s = sort == REGISTRY_SORT_NAME
		? db_prepare(f->db, "SELECT e.id FROM enterprises e JOIN enterprise_search x ON x.rowid = -e.id"
		                    " WHERE x.name = :terms ORDER BY e.name_key, e.id LIMIT :n OFFSET :o")
		: sort == REGISTRY_SORT_ESTABLISHED
		? db_prepare(f->db, "SELECT e.id FROM enterprises e JOIN enterprise_search x ON x.rowid = -e.id"
		                    " WHERE x.name = :terms ORDER BY e.established IS NULL, e.established DESC,"
		                    " e.name_key, e.id LIMIT :n OFFSET :o")
		: db_prepare(f->db, "SELECT e.id FROM enterprises e JOIN enterprise_search x ON x.rowid = -e.id"
		                    " JOIN kommuner k ON k.kode = e.kommune WHERE x.name = :terms"
		                    " ORDER BY k.sort_da, e.name_key, e.id LIMIT :n OFFSET :o");
	assert_non_null(s);
	assert_int_equal(db_bind_text(s, ":terms", terms) | db_bind_int(s, ":n", max) |
	                 db_bind_int(s, ":o", offset), 0);
	int n = 0;
	while (n < max && db_step(s) == DB_ROW)
		ids[n++] = db_col_int(s, 0);
	db_done(s);
	return n;
}

/* A search in the registry's own orders (name, newest, municipality) pages alike however many
 * match: a few are gathered and sorted, more than a search counts are looked up in the set of
 * matches as the order's index is walked, and very many (20,000 and more) are asked about one
 * by one. Copies of one enterprise are made in bulk, every other one holding the word, so that
 * each walk passes enterprises without it. */
static void test_search_in_order_walks(void **state)
{
	struct fixture *f = *state;
	int64_t first = add_described(f, "Fælleskøkkenet", "Mad.");
	const char *terms = registry_search_terms(&f->a, "Fælleskøkkenet", "");
	const int sizes[] = {40, 2400, 40000}; /* copies in all: 20, 1,200 and 20,000 with the word */
	int made = 0;
	/* PostgreSQL asks one by one whenever a search counts more than it shows: the 20,000 add
	 * nothing there */
	size_t stages = db_postgres(f->db) ? 2 : sizeof(sizes) / sizeof(sizes[0]);
	for (size_t k = 0; k < stages; k++) {
		struct db_stmt *s = db_prepare(f->db,
			"INSERT INTO enterprises (name, name_key, kommune, established, kind, created_at,"
			" updated_at) WITH RECURSIVE c(i) AS (SELECT :from UNION ALL SELECT i + 1 FROM c"
			" WHERE i < :to) SELECT t.name || ' ' || CAST(i AS TEXT), t.name_key,"
			" CASE WHEN i % 3 = 0 THEN '101' WHEN i % 3 = 1 THEN '740' ELSE '851' END,"
			" CASE WHEN i % 5 = 0 THEN NULL ELSE t.established END, t.kind, t.created_at,"
			" t.updated_at FROM enterprises t, c WHERE t.id = :first");
		assert_non_null(s);
		assert_int_equal(db_bind_int(s, ":from", made + 1) | db_bind_int(s, ":to", sizes[k]) |
		                 db_bind_int(s, ":first", first), 0);
		assert_int_equal(db_run(s, 0), 0);
		s = db_prepare(f->db, "INSERT INTO enterprise_search (rowid, name, body)"
		                      " SELECT -id, CASE WHEN id % 2 = 0 THEN :terms ELSE 'andet' END, ''"
		                      " FROM enterprises WHERE id > :last");
		assert_non_null(s);
		struct db_stmt *m = db_prepare(f->db, "SELECT max(id) FROM enterprises"
		                                      " WHERE id IN (SELECT -rowid FROM enterprise_search)");
		assert_non_null(m);
		assert_int_equal(db_step(m), DB_ROW);
		int64_t last = db_col_int(m, 0);
		db_done(m);
		assert_int_equal(db_bind_text(s, ":terms", terms) | db_bind_int(s, ":last", last), 0);
		assert_int_equal(db_run(s, 0), 0);
		made = sizes[k];
		const enum registry_sort sorts[] = {REGISTRY_SORT_NAME, REGISTRY_SORT_ESTABLISHED,
		                                    REGISTRY_SORT_KOMMUNE};
		for (size_t o = 0; o < 3; o++) {
			const int offsets[] = {0, 15, sizes[k] / 2 - 10};
			for (size_t p = 0; p < 3; p++) {
				int64_t got[20], want[20];
				int n = in_order(f, "fælleskøkkenet", sorts[o], offsets[p], got, 20);
				int w = expected_page(f, terms, sorts[o], offsets[p], want, 20);
				if (n != w || memcmp(got, want, sizeof(got[0]) * (size_t)n) != 0)
					fail_msg("%d copies, order %d, offset %d: %d ids, %d expected", sizes[k],
					         (int)sorts[o], offsets[p], n, w);
				assert_true(n > 0);
			}
		}
	}
}

/* A migration that changes how search terms are stored asks for them anew; the program makes
 * them once when it opens the database. */
static void test_reindex_due(void **state)
{
	struct fixture *f = *state;
	int64_t id = add_described(f, "Grønttorvet", "Frugt og grønt.");
	assert_int_equal(found(f, "grønttorvet"), 1);
	assert_int_equal(registry_store_set_terms(f->db, id, "", ""), 0);
	assert_int_equal(found(f, "grønttorvet"), 0);
	int count = -1;
	assert_int_equal(registry_reindex_due(f->db, &f->a, &count), 0);
	assert_int_equal(count, 0); /* nothing was asked */
	EXEC_SQL(f->db, "INSERT INTO registry_reindex_due (since) VALUES ('x')");
	assert_int_equal(registry_reindex_due(f->db, &f->a, &count), 0);
	assert_int_equal(count, 1);
	assert_int_equal(found(f, "grønttorvet"), 1);
	assert_int_equal(registry_reindex_due(f->db, &f->a, &count), 0);
	assert_int_equal(count, 0); /* once */
}

/* how many rows of enterprise_kommuner, enterprise_services and enterprise_targets carry
 * another name's key than their enterprise's (migration 0028 keeps them equal) */
static int64_t stale_name_keys(struct fixture *f)
{
	struct db_stmt *s = db_prepare(f->db, "SELECT (SELECT count(*) FROM enterprise_kommuner x"
	                                      " JOIN enterprises e ON e.id = x.enterprise_id WHERE x.name_key <> e.name_key)"
	                                      " + (SELECT count(*) FROM enterprise_services x"
	                                      " JOIN enterprises e ON e.id = x.enterprise_id WHERE x.name_key <> e.name_key)"
	                                      " + (SELECT count(*) FROM enterprise_targets x"
	                                      " JOIN enterprises e ON e.id = x.enterprise_id WHERE x.name_key <> e.name_key)");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	int64_t n = db_col_int(s, 0);
	db_done(s);
	return n;
}

/* enterprise id saved again under name */
static void rename_enterprise(struct fixture *f, int64_t id, const char *name)
{
	struct enterprise e;
	assert_int_equal(registry_get(f->db, &f->a, id, &e), 0);
	e.name = name;
	struct errs errs = {0};
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &e, &errs), 0);
}

static int import(struct fixture *f, const char *csv, bool dry, struct import_report *rep)
{
	return registry_import_csv(f->db, &f->a, &users_cli, csv, strlen(csv), dry, rep);
}

static int count_enterprises(struct fixture *f)
{
	struct registry_query q = {.registered = -1, .day = "2026-01-01", .limit = 1};
	struct registry_item *items;
	int n, total = -1;
	bool exact;
	assert_int_equal(registry_store_list(f->db, &f->a, &q, &items, &n, &total, &exact), 0);
	return total;
}

static void test_import_ok_and_idempotent(void **state)
{
	struct fixture *f = *state;
	/* semicolons, a BOM, CRLF, a quoted field with the delimiter, a quote and a line break */
	const char *csv = "\xEF\xBB\xBFname;cvr;kommune;established;services;description\r\n"
	                  "Café Glad;10150817;621;2015-03-01;cafe|kantine;\"Frokost; kaffe og \"\"kage\"\"\nHver dag\"\r\n"
	                  "Ny Idé;;740;;;\r\n";
	struct import_report rep;
	assert_int_equal(import(f, csv, true, &rep), 0);
	assert_int_equal(rep.created, 2);
	assert_int_equal(count_enterprises(f), 0); /* a dry run writes nothing */
	assert_int_equal(import(f, csv, false, &rep), 0);
	assert_int_equal(rep.created, 2);
	assert_int_equal(count_enterprises(f), 2);
	assert_int_equal(import(f, csv, false, &rep), 0);
	assert_int_equal(rep.created, 0);
	assert_int_equal(rep.updated, 0);
	assert_int_equal(rep.unchanged, 2);
	/* same CVR, new name: an update that keeps the columns the file lacks */
	const char *upd = "name,cvr,kommune\nCafé Glad og Grøn,10150817,621\n";
	assert_int_equal(import(f, upd, false, &rep), 0);
	assert_int_equal(rep.updated, 1);
	int64_t id;
	assert_int_equal(registry_store_find(f->db, "10150817", NULL, NULL, &id), 0);
	struct enterprise e;
	assert_int_equal(registry_get(f->db, &f->a, id, &e), 0);
	assert_string_equal(e.name, "Café Glad og Grøn");
	assert_string_equal(e.established, "2015-03-01");
	assert_string_equal(e.description, "Frokost; kaffe og \"kage\"\nHver dag");
	assert_int_equal(e.nservices, 2);
	/* the municipalities it works with carry its name's key, on a new line and a renamed one */
	const char *with = "name,cvr,kommune,other_kommuner\nCafé Glad,10150817,621,740|746\nBager Ny,,740,621\n";
	assert_int_equal(import(f, with, false, &rep), 0);
	assert_int_equal(rep.updated + rep.created, 2);
	assert_int_equal(stale_name_keys(f), 0);
	struct registry_query q = {.kommune = "621", .registered = -1, .day = "2026-01-01", .limit = 10};
	struct registry_item *items;
	int n, total;
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(n, 2);
	assert_string_equal(items[0].name, "Bager Ny");
	assert_false(items[0].home);
	assert_string_equal(items[1].name, "Café Glad");
}

struct bad_case {
	const char *csv;
	int line, col;
	const char *needle; /* part of the message */
};

static void test_import_errors(void **state)
{
	struct fixture *f = *state;
	static const struct bad_case cases[] = {
		{"", 1, 1, "tom"},
		{"name,kommune,colour\nA,621,red\n", 1, 3, "ukendt kolonne"},
		{"name,kommune,name\nA,621,B\n", 1, 3, "to gange"},
		{"cvr,kommune\n10150817,621\n", 1, 1, "\"name\" mangler"},
		{"name,cvr\nA,10150817\n", 1, 1, "\"kommune\" mangler"},
		{"name,kommune,cvr\nA,621,10150818\n", 2, 3, "CVR"},
		{"name,kommune,established\nA,621,2015-02-30\n", 2, 3, "ÅÅÅÅ-MM-DD"},
		{"name,kommune\nA,999\n", 2, 2, "Ukendt kommunekode"},
		{"name,kommune\n,621\n", 2, 1, "navn"},
		{"name,kommune\nA\"b,621\n", 2, 1, "quote"},
		{"name,kommune\n\"A,621\n", 2, 1, "not closed"},
		{"name,kommune\n\"A\"x,621\n", 2, 1, "closing quote"},
		{"name,kommune\nA\xff,621\n", 2, 1, "UTF-8"},
		{"name,kommune,cvr\nA,621,10150817\nB,621,10150817\n", 3, 3, "linje 2"},
		{"name,kommune\nA,621\nA,621\n", 3, 1, "linje 2"},
		{"name,kommune\nA,621,extra\n", 2, 3, "uden kolonnenavn"},
		{"name,kommune,entrepreneur\nA,621,måske\n", 2, 3, "entrepreneur"},
		{"name,kommune,purposes\nA,621,social|fun\n", 2, 3, "formål"},
		{"name,kommune,criteria\nA,621,purpose|nice\n", 2, 3, "kriterium"},
		{"name,kommune,services\nA,621,kantine|flyvning\n", 2, 3, "flyvning"},
		{"name,kommune,target_groups\nA,621,unge|drager\n", 2, 3, "drager"},
		{"name,kommune,other_kommuner\nA,621,740|1\n", 2, 3, "kommunekode"},
		{"name,kommune,established,closed\nA,621,2015-05-01,2015-04-01\n", 2, 4, "før"},
		{"name,kommune,rsv_registered\nA,621,2015-05-01\n", 2, 3, "etableringsdato"},
		{"name,kommune,website\nA,621,www.a.dk\n", 2, 3, "https://"},
		{"name,kommune,legal_form\nA,621,kooperativ\n", 2, 3, "selskabsform"},
		{"name,kommune,kind\nA,621,firma\n", 2, 3, "Ukendt type"},
		{"name,kind,kommune,entrepreneur\nA,company,621,1\n", 2, 2, "iværksætter"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct import_report rep;
		int rc = import(f, cases[i].csv, false, &rep);
		if (rc != ERR_INVALID || rep.nproblems < 1)
			fail_msg("case %zu: rc %d, %d problems", i, rc, rep.nproblems);
		bool hit = false;
		for (int k = 0; k < rep.nproblems && !hit; k++)
			hit = rep.problems[k].line == cases[i].line && rep.problems[k].col == cases[i].col &&
			      strstr(rep.problems[k].message, cases[i].needle);
		if (!hit)
			fail_msg("case %zu: expected %d:%d '%s', got %d:%d '%s'", i, cases[i].line,
			         cases[i].col, cases[i].needle, rep.problems[0].line, rep.problems[0].col,
			         rep.problems[0].message);
	}
	assert_int_equal(count_enterprises(f), 0);
	/* one bad row among good ones: nothing at all is written */
	struct import_report rep;
	assert_int_equal(import(f, "name,kommune\nGod,621\nOgså god,740\nDårlig,000\n", false, &rep),
	                 ERR_INVALID);
	assert_int_equal(rep.nproblems, 1);
	assert_int_equal(rep.problems[0].line, 4);
	assert_int_equal(count_enterprises(f), 0);
}

static void test_access(void **state)
{
	struct fixture *f = *state;
	struct principal kolding = {.id = 9, .email = "k@kolding.example", .role = ROLE_KONSULENT,
	                            .kommune = "621"};
	struct principal job = {.id = 10, .email = "j@kolding.example", .role = ROLE_JOBKONSULENT,
	                        .kommune = "621"};
	struct enterprise e = {.name = "Silkeborgs egen", .kommune = "740"};
	struct errs errs = {0};
	assert_int_equal(registry_save(f->db, &f->a, &kolding, &e, &errs), ERR_FORBIDDEN);
	e = (struct enterprise){.name = "Koldings egen", .kommune = "621"};
	assert_int_equal(registry_save(f->db, &f->a, &job, &e, &errs), ERR_FORBIDDEN);
	assert_int_equal(registry_save(f->db, &f->a, &kolding, &e, &errs), 0);
	/* moving it to another municipality is refused, and so is editing another's */
	e.kommune = "740";
	assert_int_equal(registry_save(f->db, &f->a, &kolding, &e, &errs), ERR_FORBIDDEN);
	struct principal silkeborg = {.id = 11, .email = "s@silkeborg.example", .role = ROLE_KONSULENT,
	                              .kommune = "740"};
	struct enterprise again;
	assert_int_equal(registry_get(f->db, &f->a, e.id, &again), 0);
	again.name = "Overtaget";
	assert_int_equal(registry_save(f->db, &f->a, &silkeborg, &again, &errs), ERR_FORBIDDEN);
	/* a duplicate CVR is a conflict on the cvr field */
	struct enterprise x = {.name = "X", .kommune = "621", .cvr = "25313763"};
	struct enterprise y = {.name = "Y", .kommune = "621", .cvr = "25313763"};
	assert_int_equal(registry_save(f->db, &f->a, &kolding, &x, &errs), 0);
	errs.n = 0;
	assert_int_equal(registry_save(f->db, &f->a, &kolding, &y, &errs), ERR_CONFLICT);
	assert_string_equal(errs.e[0].field, "cvr");
}

static void test_own_profile(void **state)
{
	struct fixture *f = *state;
	int64_t mine = add(f, "Min Café", "621", NULL, "2015-01-01", NULL, NULL);
	int64_t other = add(f, "Nabocaféen", "621", NULL, "2015-01-01", NULL, NULL);
	struct principal owner = {.id = 12, .email = "v@cafe.example", .role = ROLE_VIRKSOMHED,
	                          .kommune = "621", .enterprise_id = mine};
	struct errs errs = {0};
	struct enterprise e;
	assert_int_equal(registry_get(f->db, &f->a, mine, &e), 0);
	e.description = "Frokost hver dag";
	e.established = "1999-01-01"; /* a fact the owner may not change: kept as it was */
	e.kommune = "740";
	assert_int_equal(registry_save(f->db, &f->a, &owner, &e, &errs), 0);
	assert_int_equal(registry_get(f->db, &f->a, mine, &e), 0);
	assert_string_equal(e.description, "Frokost hver dag");
	assert_string_equal(e.established, "2015-01-01");
	assert_string_equal(e.kommune, "621");
	/* another enterprise, and creating new ones, are not the owner's */
	assert_int_equal(registry_get(f->db, &f->a, other, &e), 0);
	e.description = "Overtaget";
	assert_int_equal(registry_save(f->db, &f->a, &owner, &e, &errs), ERR_FORBIDDEN);
	struct enterprise fresh = {.name = "Ny", .kommune = "621"};
	assert_int_equal(registry_save(f->db, &f->a, &owner, &fresh, &errs), ERR_FORBIDDEN);
}

static void test_managed_lists(void **state)
{
	struct fixture *f = *state;
	struct errs errs = {0};
	struct principal kolding = {.id = 0, .email = "k@kolding.example", .role = ROLE_KONSULENT, .kommune = "621"};
	assert_int_equal(registry_option_add(f->db, &f->a, &kolding, false, "kaffe", "Kaffe", &errs), ERR_FORBIDDEN);
	assert_int_equal(registry_option_add(f->db, &f->a, &users_cli, false, "kaffe", "Kaffe og kage", &errs), 0);
	assert_int_equal(registry_option_add(f->db, &f->a, &users_cli, false, "kaffe", "Kaffe igen", &errs), ERR_CONFLICT);
	errs.n = 0;
	assert_int_equal(registry_option_add(f->db, &f->a, &users_cli, true, "Store Bogstaver", "", &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, "key"));
	assert_non_null(errs_get(&errs, "label"));
	/* the new service can be used at once, and comes last in the list */
	struct import_report rep;
	assert_int_equal(import(f, "name,kommune,services\nKaffebaren,621,kaffe\n", false, &rep), 0);
	struct option_kv *opts;
	int n;
	assert_int_equal(registry_store_options(f->db, &f->a, 0, &opts, &n), 0);
	assert_string_equal(opts[n - 1].key, "kaffe");
	assert_string_equal(opts[n - 1].label, "Kaffe og kage");
}

static void test_export_roundtrip(void **state)
{
	struct fixture *f = *state;
	const char *csv = "name,cvr,kommune,established,purposes,criteria,services,other_kommuner\n"
	                  "Rund Tur,10150817,621,2014-01-02,social|health,purpose|cvr,it,740|630\n";
	struct import_report rep;
	assert_int_equal(import(f, csv, false, &rep), 0);
	struct buf out;
	buf_init(&out, 0);
	assert_int_equal(registry_export(f->db, &f->a, NULL, NULL, EXPORT_CSV, &out), 0);
	/* importing the export changes nothing */
	assert_int_equal(import(f, buf_str(&out), false, &rep), 0);
	assert_int_equal(rep.unchanged, 1);
	assert_int_equal(rep.created + rep.updated, 0);
	buf_reset(&out);
	assert_int_equal(registry_export(f->db, &f->a, NULL, NULL, EXPORT_XLSX, &out), 0);
	assert_true(out.len > 100);
	assert_memory_equal(out.data, "PK", 2); /* a zip container */
	buf_free(&out);
}

/* more rows than any fixed cap the store once had: every row comes back */
static void test_no_row_caps(void **state)
{
	struct fixture *f = *state;
	/* 60 extra municipalities (codes 900-959) beside the 98: a Tabel 1 of 158 rows */
	struct db_stmt *s = db_prepare(f->db, "WITH RECURSIVE c(i) AS (SELECT 900 UNION ALL"
	                                      " SELECT i + 1 FROM c WHERE i < 959)"
	                                      " INSERT INTO kommuner (kode, navn, region)"
	                                      " SELECT CAST(i AS TEXT), 'Testkommune ' || i, 'Test' FROM c");
	assert_int_equal(db_run(s, 0), 0);
	const char **list = NULL;
	size_t nk = 0, cap = 0;
	s = db_prepare(f->db, "SELECT kode FROM kommuner ORDER BY kode");
	assert_non_null(s);
	while (db_step(s) == DB_ROW)
		*ARENA_PUSH(&f->a, list, nk, cap) = db_col_dup(&f->a, s, 0);
	db_done(s);
	assert_int_equal(nk, 98 + 60);
	*ARENA_PUSH(&f->a, list, nk, cap) = NULL;
	nk--;
	add(f, "Sidst", "959", NULL, "2010-01-01", NULL, NULL);
	struct tabel1_row *rows, sum;
	int n;
	assert_int_equal(registry_tabel1(f->db, &f->a, 2015, list, &rows, &n, &sum), 0);
	assert_int_equal(n, (int)nk);
	assert_string_equal(rows[0].kommune, "959"); /* the only one with an enterprise sorts first */
	assert_int_equal(sum.total, 1);
	/* 250 services beside the standard ones */
	struct option_kv *opts;
	int before, after;
	assert_int_equal(registry_options(f->db, &f->a, false, &opts, &before), 0);
	s = db_prepare(f->db, "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 250)"
	                      " INSERT INTO services (key, label, position)"
	                      " SELECT 'x' || i, 'Ydelse ' || i, 1000 + i FROM c");
	assert_int_equal(db_run(s, 0), 0);
	assert_int_equal(registry_options(f->db, &f->a, false, &opts, &after), 0);
	assert_int_equal(after, before + 250);
	assert_string_equal(opts[after - 1].key, "x250");
	assert_int_equal(registry_options(f->db, &f->a, true, &opts, &n), 0);
	assert_true(n > 0);
}

/* the domain's read functions the handlers and the command line use */
static void test_domain_reads(void **state)
{
	struct fixture *f = *state;
	add(f, "Kaffebaren", "621", NULL, "2010-01-01", NULL, NULL);
	add(f, "Cykelværkstedet", "621", NULL, NULL, NULL, NULL);
	int64_t id;
	assert_int_equal(registry_find(f->db, NULL, "Kaffebaren", "621", &id), 0);
	struct enterprise e;
	assert_int_equal(registry_get(f->db, &f->a, id, &e), 0);
	assert_string_equal(e.name, "Kaffebaren");
	assert_int_equal(registry_find(f->db, NULL, "Kaffebaren", "740", &id), ERR_NOTFOUND);
	assert_int_equal(registry_find(f->db, "10150817", NULL, NULL, &id), ERR_NOTFOUND);
	struct registry_query q = {.kommune = "621", .registered = -1, .day = "2015-12-31", .limit = 10};
	struct registry_item *items;
	int n, total;
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(n, 2);
	assert_int_equal(total, 2);
	assert_string_equal(items[0].name, "Cykelværkstedet"); /* name order */
	assert_string_equal(items[1].status, "established");
	q.limit = 1;
	q.offset = 1;
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(n, 1);
	assert_int_equal(total, 2);
	assert_string_equal(items[0].name, "Kaffebaren");
}

/* A municipality's pages in name order, at every offset and two page sizes: its own enterprises
 * and those that work with it come in Danish order, each once, with the home flag right, also
 * where a page begins or ends inside a run of the others (the two kinds are read apart and
 * merged at the page's end) */
static void test_list_other_kommuner_pages(void **state)
{
	struct fixture *f = *state;
	/* names in Danish order: "Aa" sorts as Å, last ("Ål" before "Aastrup"); the others' names
	 * fall between and after */
	static const char *const own[] = {"Bager", "Cafe", "Dæk", "Fisk", "Have", "Kaffe", "Løb",
	                                  "Ost", "Pap", "Rod", "Sæbe", "Tøj", "Vask", "Øl", "Aastrup"};
	static const char *const other[] = {"Bolig", "Boreal", "Brød", "Cykel", "Dyr", "Ærme", "Ål"};
	enum { NOWN = sizeof(own) / sizeof(own[0]), NOTHER = sizeof(other) / sizeof(other[0]),
	       ALL = NOWN + NOTHER };
	for (int i = 0; i < NOWN; i++)
		add(f, own[i], "621", NULL, NULL, NULL, NULL);
	int64_t other_id[NOTHER];
	for (int i = 0; i < NOTHER; i++) {
		struct enterprise e = {.name = other[i], .kommune = i % 2 ? "740" : "746",
		                       .others = {"621"}, .nothers = 1};
		struct errs errs = {0};
		assert_int_equal(registry_save(f->db, &f->a, &users_cli, &e, &errs), 0);
		other_id[i] = e.id;
	}
	add(f, "Ikke med", "740", NULL, NULL, NULL, NULL);
	struct registry_query q = {.kommune = "621", .registered = -1, .day = "2015-12-31", .limit = 50};
	struct registry_item *all;
	int n, total;
	assert_int_equal(registry_list(f->db, &f->a, &q, &all, &n, &total), 0);
	assert_int_equal(n, ALL);
	assert_int_equal(total, ALL);
	static const char *const want[] = {"Bager", "Bolig", "Boreal", "Brød", "Cafe", "Cykel", "Dyr",
	                                   "Dæk", "Fisk", "Have", "Kaffe", "Løb", "Ost", "Pap", "Rod",
	                                   "Sæbe", "Tøj", "Vask", "Ærme", "Øl", "Ål", "Aastrup"};
	_Static_assert(sizeof(want) / sizeof(want[0]) == ALL, "every enterprise once");
	for (int i = 0; i < ALL; i++) {
		assert_string_equal(all[i].name, want[i]);
		assert_int_equal(all[i].home, !strcmp(all[i].kommune, "621"));
	}
	for (int size = 2; size <= 3; size++) {
		for (int offset = 0; offset <= ALL; offset++) {
			q.limit = size;
			q.offset = offset;
			struct registry_item *page;
			assert_int_equal(registry_list(f->db, &f->a, &q, &page, &n, &total), 0);
			int expect = ALL - offset < size ? ALL - offset : size;
			assert_int_equal(n, expect);
			for (int i = 0; i < n; i++) {
				assert_string_equal(page[i].name, want[offset + i]);
				assert_int_equal(page[i].home, all[offset + i].home);
			}
		}
	}
	/* renamed, the others move to their new places: the index they are walked in keeps
	 * each one's name (migration 0028) */
	assert_int_equal(stale_name_keys(f), 0);
	rename_enterprise(f, other_id[6], "Abe");
	rename_enterprise(f, other_id[0], "Zebra");
	assert_int_equal(stale_name_keys(f), 0);
	/* a key written by other means than a save (a collation's upgrade, say) reaches them too */
	assert_int_equal(fixture_exec(db_prepare2(f->db, "UPDATE enterprises SET name_key = name_key || x'00'",
	                                          "UPDATE enterprises SET name_key = name_key || '\\x00'::bytea")),
	                 0);
	assert_int_equal(stale_name_keys(f), 0);
	static const char *const renamed[] = {"Abe", "Bager", "Boreal", "Brød", "Cafe", "Cykel", "Dyr",
	                                      "Dæk", "Fisk", "Have", "Kaffe", "Løb", "Ost", "Pap", "Rod",
	                                      "Sæbe", "Tøj", "Vask", "Zebra", "Ærme", "Øl", "Aastrup"};
	for (int size = 3; size <= 50; size += 47) {
		for (int offset = 0; offset < ALL; offset += size) {
			q.limit = size;
			q.offset = offset;
			struct registry_item *page;
			assert_int_equal(registry_list(f->db, &f->a, &q, &page, &n, &total), 0);
			for (int i = 0; i < n; i++)
				assert_string_equal(page[i].name, renamed[offset + i]);
		}
	}
}

/* A service's and a target group's list in name order (walked in the list's own index,
 * migration 0028) is the registry's name order filtered, at every offset, also after a rename
 * and with a second filter */
static void test_list_by_service_in_name_order(void **state)
{
	struct fixture *f = *state;
	static const char *const names[] = {"Øl", "Bager", "Aastrup", "Cafe", "Ål", "Dæk", "Ærme", "Bolig",
	                                    "Fisk", "Have"};
	enum { N = sizeof(names) / sizeof(names[0]) };
	int64_t ids[N];
	for (int i = 0; i < N; i++) {
		struct enterprise e = {.name = names[i], .kommune = i % 3 ? "621" : "740",
		                       .established = i % 2 ? "2010-01-01" : NULL,
		                       .services = {i % 2 ? "cafe" : "kantine"}, .nservices = 1,
		                       .targets = {"fleksjob"}, .ntargets = i % 4 ? 1 : 0};
		struct errs errs = {0};
		assert_int_equal(registry_save(f->db, &f->a, &users_cli, &e, &errs), 0);
		ids[i] = e.id;
	}
	for (int round = 0; round < 2; round++) {
		if (round == 1) {
			rename_enterprise(f, ids[1], "Zebra"); /* was "Bager" */
			rename_enterprise(f, ids[0], "Abe");   /* was "Øl" */
			assert_int_equal(stale_name_keys(f), 0);
		}
		struct registry_query all = {.registered = -1, .day = "2015-12-31", .limit = 50};
		struct registry_item *every;
		int nall, total;
		assert_int_equal(registry_list(f->db, &f->a, &all, &every, &nall, &total), 0);
		assert_int_equal(nall, N);
		static const struct registry_query filters[] = {
			{.service = "cafe"}, {.service = "kantine"}, {.target = "fleksjob"},
			{.service = "cafe", .status = "established"}, {.target = "fleksjob", .kind = "soev"},
		};
		for (size_t k = 0; k < sizeof(filters) / sizeof(filters[0]); k++) {
			/* what the filter keeps of the whole list, in its order */
			struct registry_query one = filters[k];
			one.registered = -1, one.day = "2015-12-31", one.limit = 50;
			struct registry_item *want;
			int nwant;
			assert_int_equal(registry_list(f->db, &f->a, &one, &want, &nwant, &total), 0);
			assert_true(nwant > 0);
			int at = 0;
			for (int i = 0; i < nall && at < nwant; i++)
				if (every[i].id == want[at].id)
					at++;
			assert_int_equal(at, nwant); /* a subsequence of the name order */
			for (int offset = 0; offset < nwant; offset++) {
				one.limit = 2;
				one.offset = offset;
				struct registry_item *page;
				int n;
				assert_int_equal(registry_list(f->db, &f->a, &one, &page, &n, &total), 0);
				assert_int_equal(n, nwant - offset < 2 ? nwant - offset : 2);
				for (int i = 0; i < n; i++)
					assert_int_equal(page[i].id, want[offset + i].id);
			}
		}
	}
}

/* Bilag 1: a municipality's list holds the enterprises whose home it is and those that work with
 * it (other_kommuner), counted and paged as one list in name order */
static void test_list_other_kommuner(void **state)
{
	struct fixture *f = *state;
	add(f, "Cykelværkstedet", "621", NULL, NULL, NULL, NULL);
	add(f, "Kaffebaren", "621", NULL, "2010-01-01", NULL, NULL);
	struct enterprise e = {.name = "BOAS Specialister", .kommune = "740", .established = "2013-12-22",
	                       .others = {"621", "746"}, .nothers = 2};
	struct errs errs = {0};
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &e, &errs), 0);
	add(f, "Andetsteds", "746", NULL, NULL, NULL, NULL);
	struct registry_query q = {.kommune = "621", .registered = -1, .day = "2015-12-31", .limit = 10};
	struct registry_item *items;
	int n, total;
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(total, 3);
	assert_int_equal(n, 3);
	assert_string_equal(items[0].name, "BOAS Specialister");
	assert_string_equal(items[0].kommune, "740"); /* its home stays its home */
	assert_false(items[0].home);
	assert_string_equal(items[1].name, "Cykelværkstedet");
	assert_true(items[1].home);
	assert_string_equal(items[2].name, "Kaffebaren");
	assert_true(items[2].home);
	/* pages of two: the other municipality's enterprise is counted once, in its place */
	q.limit = 2;
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(n, 2);
	assert_int_equal(total, 3);
	assert_string_equal(items[0].name, "BOAS Specialister");
	q.offset = 2;
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(n, 1);
	assert_int_equal(total, 3);
	assert_string_equal(items[0].name, "Kaffebaren");
	/* its home municipality and the third one list it once each */
	q = (struct registry_query){.kommune = "746", .registered = -1, .day = "2015-12-31", .limit = 10};
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(total, 2);
	assert_string_equal(items[0].name, "Andetsteds");
	assert_string_equal(items[1].name, "BOAS Specialister");
	assert_true(items[0].home);
	assert_false(items[1].home);
	q.kommune = "740";
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_true(items[0].home);
	/* without a municipality every item is at home */
	q.kommune = NULL;
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(total, 4);
	for (int i = 0; i < n; i++)
		assert_true(items[i].home);
	/* with other filters and a search, too */
	q = (struct registry_query){.kommune = "621", .status = "established", .registered = -1,
	                            .day = "2015-12-31", .limit = 10};
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(total, 2);
	q.match = registry_search_query(&f->a, "boas");
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_string_equal(items[0].name, "BOAS Specialister");
	/* the export of 621 holds it too, with home 0, and imports as it was */
	struct buf out;
	buf_init(&out, 0);
	assert_int_equal(registry_export(f->db, &f->a, "621", NULL, EXPORT_CSV, &out), 0);
	assert_non_null(strstr(buf_str(&out), ",source,home\r\n"));
	assert_non_null(strstr(buf_str(&out), "\r\nBOAS Specialister,"));
	assert_non_null(strstr(buf_str(&out), ",0\r\n"));
	struct import_report rep;
	assert_int_equal(import(f, buf_str(&out), false, &rep), 0);
	assert_int_equal(rep.unchanged, 3);
	buf_free(&out);
	/* Bilag 1: under each municipality its own and those working with it; a closed one is out */
	add(f, "Lukket", "621", NULL, "2010-01-01", NULL, "2014-06-30");
	struct bilag1_row *rows;
	assert_int_equal(registry_bilag1(f->db, &f->a, NULL, "2015-12-31", &rows, &n), 0);
	assert_int_equal(n, 6); /* Kolding 3, Silkeborg 1, Skanderborg 2 */
	assert_string_equal(rows[0].navn, "Kolding");
	assert_string_equal(rows[0].name, "BOAS Specialister");
	assert_false(rows[0].home);
	assert_string_equal(rows[0].home_kommune, "740");
	assert_string_equal(rows[0].home_navn, "Silkeborg");
	assert_true(rows[1].home);
	assert_string_equal(rows[3].navn, "Silkeborg");
	assert_true(rows[3].home);
	assert_string_equal(rows[4].navn, "Skanderborg");
	assert_string_equal(rows[5].name, "BOAS Specialister");
	assert_false(rows[5].home);
	assert_int_equal(registry_bilag1(f->db, &f->a, "746", "2015-12-31", &rows, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(registry_bilag1(f->db, &f->a, "621", "2014-01-01", &rows, &n), 0);
	assert_int_equal(n, 4); /* Lukket was still open */
}

/* ---------------------------------------------------------------- ordinary companies */

/* one enterprise of kind (NULL: left to the default) with its dates, through the domain */
static int64_t add_kind(struct fixture *f, const char *name, const char *kommune, const char *kind,
                        const char *pipe, const char *est, const char *rsv, const char *closed)
{
	struct enterprise e = {.name = name, .kommune = kommune, .kind = kind, .pipeline_since = pipe,
	                       .established = est, .rsv_registered = rsv, .closed = closed,
	                       .origin = "existing"};
	struct errs errs = {0};
	int rc = registry_save(f->db, &f->a, &users_cli, &e, &errs);
	if (rc)
		fail_msg("save %s: %d %s", name, rc, errs.n ? errs.e[0].message : "");
	return e.id;
}

static void test_kind_validation(void **state)
{
	struct fixture *f = *state;
	assert_true(registry_kind_valid("soev"));
	assert_true(registry_kind_valid("company"));
	assert_false(registry_kind_valid("Company"));
	assert_false(registry_kind_valid(""));
	assert_false(registry_kind_valid(NULL));
	/* no kind is a social-economy enterprise; a company is kept; spaces are trimmed */
	struct enterprise e = {.name = "Uden type", .kommune = "621"};
	struct errs errs = {0};
	assert_int_equal(registry_validate(f->db, &f->a, &e, &errs), 0);
	assert_string_equal(e.kind, "soev");
	e.kind = " company ";
	assert_int_equal(registry_validate(f->db, &f->a, &e, &errs), 0);
	assert_string_equal(e.kind, "company");
	/* anything else is a field error on kind, in Danish, and so is an empty kind */
	const char *bad[] = {"firma", "", "SOEV", "soev,company"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errs.n = 0;
		e.kind = bad[i];
		assert_int_equal(registry_validate(f->db, &f->a, &e, &errs), ERR_INVALID);
		assert_int_equal(errs.n, 1);
		assert_string_equal(errs.e[0].field, "kind");
		assert_non_null(strstr(errs.e[0].message, "Ukendt type"));
	}
	/* a social entrepreneur without a company yet is not an ordinary company */
	errs.n = 0;
	e = (struct enterprise){.name = "Idé", .kommune = "621", .kind = "company", .entrepreneur = true};
	assert_int_equal(registry_validate(f->db, &f->a, &e, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "kind");
	/* saved and read back */
	int64_t id = add_kind(f, "Firmaet", "621", "company", NULL, "2001-01-01", NULL, NULL);
	struct enterprise got;
	assert_int_equal(registry_get(f->db, &f->a, id, &got), 0);
	assert_string_equal(got.kind, "company");
	/* the enterprise's own user cannot change its kind */
	struct principal owner = {.id = 12, .email = "v@firma.example", .role = ROLE_VIRKSOMHED,
	                          .kommune = "621", .enterprise_id = id};
	got.kind = "soev";
	got.description = "Vi ansætter i fleksjob";
	assert_int_equal(registry_save(f->db, &f->a, &owner, &got, &errs), 0);
	assert_int_equal(registry_get(f->db, &f->a, id, &got), 0);
	assert_string_equal(got.kind, "company");
	assert_string_equal(got.description, "Vi ansætter i fleksjob");
	/* staff can */
	got.kind = "soev";
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &got, &errs), 0);
	assert_int_equal(registry_get(f->db, &f->a, id, &got), 0);
	assert_string_equal(got.kind, "soev");
}

/* Tabel 1, Tabel 2 and Bilag 1 are about social-economy enterprises: companies of every date,
 * in a municipality with enterprises and in one without, change none of their figures */
static void test_statistics_ignore_companies(void **state)
{
	struct fixture *f = *state;
	add_kind(f, "SØV 1", "740", NULL, NULL, "2013-01-01", "2015-06-01", NULL);
	add_kind(f, "SØV 2", "740", "soev", "2014-09-01", "2015-03-01", NULL, NULL);
	add_kind(f, "SØV 3", "740", "soev", "2015-04-01", NULL, NULL, NULL);
	struct tabel1_row *rows, sum;
	struct tabel2_row *t2;
	struct bilag1_row *b1;
	int n, n2, total2, nb;
	assert_int_equal(registry_tabel1(f->db, &f->a, 2015, NULL, &rows, &n, &sum), 0);
	assert_int_equal(n, 1);
	struct tabel1_row before = sum;
	assert_int_equal(registry_tabel2(f->db, &f->a, 2015, NULL, &t2, &n2, &total2), 0);
	int total2_before = total2;
	assert_int_equal(registry_bilag1(f->db, &f->a, NULL, "2015-12-31", &b1, &nb), 0);
	assert_int_equal(nb, 3);
	/* a company in each of Tabel 1's columns in Silkeborg, and one in Kolding, which has no
	 * social-economy enterprise and so no row */
	add_kind(f, "Firma etableret", "740", "company", NULL, "2001-01-01", NULL, NULL);
	add_kind(f, "Firma registreret", "740", "company", NULL, "2014-01-01", "2015-02-01", NULL);
	add_kind(f, "Firma i året", "740", "company", "2014-06-01", "2015-05-01", NULL, NULL);
	add_kind(f, "Firma på vej", "740", "company", "2015-02-01", NULL, NULL, NULL);
	add_kind(f, "Firma lukket", "740", "company", NULL, "2015-01-01", NULL, "2015-06-30");
	struct enterprise other = {.name = "Firma i Kolding", .kommune = "621", .kind = "company",
	                           .established = "1999-01-01", .others = {"740"}, .nothers = 1};
	struct errs errs = {0};
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &other, &errs), 0);
	assert_int_equal(registry_tabel1(f->db, &f->a, 2015, NULL, &rows, &n, &sum), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].kommune, "740");
	assert_int_equal(sum.total, before.total);
	assert_int_equal(sum.registered, before.registered);
	assert_int_equal(sum.established, before.established);
	assert_int_equal(sum.pipeline, before.pipeline);
	assert_int_equal(sum.total, 2);
	assert_int_equal(sum.registered, 1);
	assert_int_equal(sum.established, 1);
	assert_int_equal(sum.pipeline, 1);
	/* a list naming Kolding gives it a row of zeros */
	const char *list[] = {"740", "621", NULL};
	assert_int_equal(registry_tabel1(f->db, &f->a, 2015, list, &rows, &n, &sum), 0);
	assert_int_equal(n, 2);
	assert_int_equal(rows[1].total + rows[1].registered + rows[1].established + rows[1].pipeline, 0);
	assert_int_equal(registry_tabel2(f->db, &f->a, 2015, NULL, &t2, &n2, &total2), 0);
	assert_int_equal(total2, total2_before);
	assert_int_equal(registry_tabel2(f->db, &f->a, 2015, list, &t2, &n2, &total2), 0);
	assert_int_equal(total2, total2_before);
	/* Bilag 1 neither lists the companies at home nor under the municipalities they work with */
	assert_int_equal(registry_bilag1(f->db, &f->a, NULL, "2015-12-31", &b1, &nb), 0);
	assert_int_equal(nb, 3);
	for (int i = 0; i < nb; i++)
		assert_null(strstr(b1[i].name, "Firma"));
}

/* the list, its search and the exports filter on kind; the import reads the column */
static void test_kind_in_lists_and_files(void **state)
{
	struct fixture *f = *state;
	add_kind(f, "Kantinen", "621", NULL, NULL, "2010-01-01", NULL, NULL);
	add_kind(f, "Kantinefirmaet", "621", "company", NULL, "2001-01-01", NULL, NULL);
	add_kind(f, "Lagerfirmaet", "740", "company", NULL, "2001-01-01", NULL, NULL);
	struct registry_query q = {.registered = -1, .day = "2015-12-31", .limit = 10};
	struct registry_item *items;
	int n, total;
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(total, 3); /* no kind: both */
	q.kind = "soev";
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_string_equal(items[0].name, "Kantinen");
	assert_string_equal(items[0].kind, "soev");
	q.kind = "company";
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(total, 2);
	assert_string_equal(items[0].kind, "company");
	/* with a search (the count that reads the index alone is not taken then) and a municipality */
	q.match = registry_search_query(&f->a, "kantine");
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_string_equal(items[0].name, "Kantinefirmaet");
	q.kind = NULL;
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(total, 2);
	q = (struct registry_query){.kommune = "621", .kind = "company", .registered = -1,
	                            .day = "2015-12-31", .limit = 10};
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	/* exports: a column kind after kommune; one kind, or both */
	struct buf out;
	buf_init(&out, 0);
	assert_int_equal(registry_export(f->db, &f->a, NULL, "company", EXPORT_CSV, &out), 0);
	assert_non_null(strstr(buf_str(&out), "name,cvr,kommune,kind,pipeline_since,"));
	assert_non_null(strstr(buf_str(&out), "\r\nKantinefirmaet,,621,company,"));
	assert_null(strstr(buf_str(&out), "Kantinen,"));
	buf_reset(&out);
	assert_int_equal(registry_export(f->db, &f->a, "621", "soev", EXPORT_JSON, &out), 0);
	assert_non_null(strstr(buf_str(&out), "\"kind\":\"soev\""));
	assert_null(strstr(buf_str(&out), "company"));
	buf_reset(&out);
	/* everything exported imports as it was, the kind included */
	assert_int_equal(registry_export(f->db, &f->a, NULL, NULL, EXPORT_CSV, &out), 0);
	struct import_report rep;
	assert_int_equal(import(f, buf_str(&out), false, &rep), 0);
	assert_int_equal(rep.unchanged, 3);
	buf_free(&out);
	/* the import: a company, an empty kind is the default, and a changed kind is an update */
	assert_int_equal(import(f, "name,kommune,kind\nNyt Firma,740,company\nNy SØV,740,\n"
	                           "Lagerfirmaet,740,soev\n", false, &rep), 0);
	assert_int_equal(rep.created, 2);
	assert_int_equal(rep.updated, 1);
	int64_t id;
	struct enterprise e;
	assert_int_equal(registry_find(f->db, NULL, "Nyt Firma", "740", &id), 0);
	assert_int_equal(registry_get(f->db, &f->a, id, &e), 0);
	assert_string_equal(e.kind, "company");
	assert_int_equal(registry_find(f->db, NULL, "Ny SØV", "740", &id), 0);
	assert_int_equal(registry_get(f->db, &f->a, id, &e), 0);
	assert_string_equal(e.kind, "soev");
	assert_int_equal(registry_find(f->db, NULL, "Lagerfirmaet", "740", &id), 0);
	assert_int_equal(registry_get(f->db, &f->a, id, &e), 0);
	assert_string_equal(e.kind, "soev");
	/* a file without the column leaves the kind as it is */
	assert_int_equal(import(f, "name,kommune,description\nNyt Firma,740,Lager\n", false, &rep), 0);
	assert_int_equal(registry_find(f->db, NULL, "Nyt Firma", "740", &id), 0);
	assert_int_equal(registry_get(f->db, &f->a, id, &e), 0);
	assert_string_equal(e.kind, "company");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cvr),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_collation),
		cmocka_unit_test_setup_teardown(test_tabel1, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_search, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_search_plain_letters, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_search_relevance, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_search_in_order_walks, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_reindex_due, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_list_order, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_import_ok_and_idempotent, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_import_errors, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_access, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_own_profile, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_managed_lists, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_export_roundtrip, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_no_row_caps, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_domain_reads, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_list_other_kommuner, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_list_other_kommuner_pages, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_list_by_service_in_name_order, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_kind_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_statistics_ignore_companies, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_kind_in_lists_and_files, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
