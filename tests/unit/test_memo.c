/*
 * test_memo.c — the memo of answers (src/base/memo.h): a hit only for the same key and
 * version, replacing, the least recently used going first when the entries or the bytes run
 * out, answers too large to keep, switching every memo off; and what the registry list's memo
 * stands on: the registry's version, which every change of an enterprise, its lists or its
 * search terms raises (migration 0026) and nothing else does, and the key of a query, which
 * tells every filter, order and page apart, and one database from another; and a page of the
 * list handed out again until a change.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/users.h"
#include "src/base/buf.h"
#include "src/base/errs.h"
#include "src/base/memo.h"
#include "src/registry/registry.h"
#include "tests/unit/fixture.h"

/* the answer of key for version, or NULL on a miss (copied into a static buffer) */
static const char *got(struct memo *m, const char *key, int64_t version)
{
	static char text[256];
	struct buf b;
	buf_init(&b, 0);
	bool hit = memo_get(m, key, version, &b);
	snprintf(text, sizeof(text), "%s", buf_str(&b));
	buf_free(&b);
	return hit ? text : NULL;
}

static void test_memo_hit_needs_key_and_version(void **state)
{
	(void)state;
	struct memo m = MEMO_INIT(8, 4096);
	assert_null(got(&m, "a", 1));
	memo_put(&m, "a", 1, "answer a", 8);
	assert_string_equal(got(&m, "a", 1), "answer a");
	assert_null(got(&m, "a", 2));  /* the data changed since */
	assert_null(got(&m, "ab", 1)); /* a longer key is another key */
	assert_null(got(&m, "", 1));
	/* the answer is appended to what the buffer holds */
	struct buf b;
	buf_init(&b, 0);
	buf_puts(&b, "x:");
	assert_true(memo_get(&m, "a", 1, &b));
	assert_string_equal(buf_str(&b), "x:answer a");
	buf_free(&b);
	/* a put for a new version replaces the old answer */
	memo_put(&m, "a", 2, "newer", 5);
	assert_string_equal(got(&m, "a", 2), "newer");
	assert_null(got(&m, "a", 1));
	assert_int_equal(m.n, 1);
	memo_clear(&m);
	assert_int_equal(m.n, 0);
	assert_null(got(&m, "a", 2));
}

static void test_memo_evicts_least_recently_used(void **state)
{
	(void)state;
	struct memo m = MEMO_INIT(3, 1 << 20);
	memo_put(&m, "1", 7, "one", 3);
	memo_put(&m, "2", 7, "two", 3);
	memo_put(&m, "3", 7, "three", 5);
	assert_non_null(got(&m, "1", 7)); /* "2" is now the least recently used */
	memo_put(&m, "4", 7, "four", 4);
	assert_int_equal(m.n, 3);
	assert_null(got(&m, "2", 7));
	assert_string_equal(got(&m, "1", 7), "one");
	assert_string_equal(got(&m, "3", 7), "three");
	assert_string_equal(got(&m, "4", 7), "four");
	memo_clear(&m);
}

static void test_memo_bytes_bound(void **state)
{
	(void)state;
	char big[300];
	memset(big, 'x', sizeof(big));
	/* 1000 bytes: an answer over a quarter of that is never kept */
	struct memo m = MEMO_INIT(100, 1000);
	memo_put(&m, "big", 1, big, sizeof(big));
	assert_null(got(&m, "big", 1));
	assert_int_equal(m.n, 0);
	/* four answers of 200 bytes (and their keys) fill it; a fifth pushes out the oldest */
	const char *keys[] = {"k1", "k2", "k3", "k4", "k5"};
	for (int i = 0; i < 5; i++)
		memo_put(&m, keys[i], 1, big, 200);
	assert_true(m.bytes <= 1000);
	assert_int_equal(m.n, 4);
	assert_null(got(&m, "k1", 1));
	assert_non_null(got(&m, "k5", 1));
	memo_clear(&m);
}

static void test_memo_off(void **state)
{
	(void)state;
	struct memo m = MEMO_INIT(8, 4096);
	memo_put(&m, "a", 1, "kept", 4);
	memo_set_enabled(false);
	assert_null(got(&m, "a", 1));
	memo_put(&m, "b", 1, "not kept", 8);
	memo_set_enabled(true);
	assert_string_equal(got(&m, "a", 1), "kept");
	assert_null(got(&m, "b", 1));
	memo_clear(&m);
}

/* ---------------------------------------------------------------- the registry's version */

static int64_t version(struct fixture *f)
{
	struct registry_query q = {.registered = -1, .day = "2026-11-30", .limit = 20};
	char key[512];
	int64_t v = -1;
	assert_true(registry_memo_key(f->db, &q, key, sizeof(key), &v));
	return v;
}

static void test_registry_version_moves_with_every_change(void **state)
{
	struct fixture *f = *state;
	int64_t v0 = version(f);
	assert_int_equal(version(f), v0); /* reading changes nothing */

	const char *services[] = {"kantine"};
	struct enterprise e = {.name = "Versionscaféen", .kommune = "621"};
	e.services[0] = services[0];
	e.nservices = 1;
	struct errs errs = {0};
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &e, &errs), 0);
	int64_t v1 = version(f);
	assert_true(v1 > v0);

	/* a change of a field, of the list of municipalities, of the name (search terms) */
	e.description = "Frokost og møder";
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &e, &errs), 0);
	int64_t v2 = version(f);
	assert_true(v2 > v1);
	e.others[0] = "740";
	e.nothers = 1;
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &e, &errs), 0);
	int64_t v3 = version(f);
	assert_true(v3 > v2);

	/* a write elsewhere (a user) leaves the registry's version alone */
	fixture_add_user(f->db, "version@example.dk", "konsulent", "621", true);
	assert_int_equal(version(f), v3);

	/* the search terms alone (a reindex) raise it too: FTS5 has no triggers */
	int reindexed = 0;
	assert_int_equal(registry_reindex(f->db, &f->a, &users_cli, &reindexed), 0);
	assert_true(version(f) > v3);
}

/* two databases never share a key: a process may open more than one (tests, a copy) and the
 * counters of both start at 1 */
static void test_memo_key_names_the_database(void **state)
{
	(void)state;
	struct db *x, *y;
	struct arena ax, ay;
	fixture_open(&x, &ax);
	fixture_open(&y, &ay);
	struct registry_query q = {.registered = -1, .day = "2026-11-30", .limit = 20};
	char kx[512], ky[512];
	int64_t vx, vy;
	assert_true(registry_memo_key(x, &q, kx, sizeof(kx), &vx));
	assert_true(registry_memo_key(y, &q, ky, sizeof(ky), &vy));
	assert_int_equal(vx, 1);
	assert_int_equal(vy, 1);
	assert_string_not_equal(kx, ky);
	/* the same database, asked again: the same key */
	assert_true(registry_memo_key(x, &q, ky, sizeof(ky), &vy));
	assert_string_equal(kx, ky);
	fixture_close(x, &ax);
	fixture_close(y, &ay);
}

static void test_registry_query_key(void **state)
{
	(void)state;
	struct registry_query base = {.registered = -1, .day = "2026-11-30", .limit = 20};
	char k0[512], k1[512];
	assert_true(registry_query_key(&base, k0, sizeof(k0)));
	assert_true(registry_query_key(&base, k1, sizeof(k1)));
	assert_string_equal(k0, k1);

	/* every field tells queries apart */
	struct registry_query v[12];
	for (int i = 0; i < 12; i++)
		v[i] = base;
	v[0].offset = 20;
	v[1].limit = 50;
	v[2].sort = REGISTRY_SORT_KOMMUNE;
	v[3].registered = 1;
	v[4].match = "cafe";
	v[5].kommune = "621";
	v[6].service = "kantine";
	v[7].target = "fleksjob";
	v[8].kind = "soev";
	v[9].source_not = "filler";
	v[10].status = "idea";
	v[11].day = "2026-12-01";
	for (int i = 0; i < 12; i++) {
		assert_true(registry_query_key(&v[i], k1, sizeof(k1)));
		if (!strcmp(k0, k1))
			fail_msg("field %d does not change the key", i);
	}
	/* a service and a target group are not one another */
	struct registry_query s = base, t = base;
	s.service = "x";
	t.target = "x";
	char ks[512], kt[512];
	assert_true(registry_query_key(&s, ks, sizeof(ks)));
	assert_true(registry_query_key(&t, kt, sizeof(kt)));
	assert_string_not_equal(ks, kt);
	/* a text with the separator is not keyed, nor one that does not fit */
	s.service = "a\x1F" "b";
	assert_false(registry_query_key(&s, ks, sizeof(ks)));
	assert_false(registry_query_key(&base, ks, 8));
}

/* the fields of two pages are the same, NULL texts included */
static void same_items(const struct registry_item *x, const struct registry_item *y, int n)
{
	for (int i = 0; i < n; i++) {
		assert_int_equal(x[i].id, y[i].id);
		assert_int_equal(x[i].home, y[i].home);
		const char *const a[] = {x[i].name, x[i].cvr, x[i].kommune, x[i].kommune_navn,
		                         x[i].kind, x[i].status, x[i].established, x[i].rsv_registered};
		const char *const b[] = {y[i].name, y[i].cvr, y[i].kommune, y[i].kommune_navn,
		                         y[i].kind, y[i].status, y[i].established, y[i].rsv_registered};
		for (int t = 0; t < 8; t++) {
			if (!a[t] || !b[t])
				assert_ptr_equal(a[t], b[t]);
			else
				assert_string_equal(a[t], b[t]);
		}
	}
}

static void test_list_page_kept_until_a_change(void **state)
{
	struct fixture *f = *state;
	struct errs errs = {0};
	struct enterprise one = {.name = "Første Café", .kommune = "621", .cvr = "25313763",
	                         .established = "2015-01-01"};
	struct enterprise two = {.name = "Anden Café", .kommune = "740", .established = "2014-01-01",
	                         .rsv_registered = "2015-02-01"};
	two.others[0] = "621";
	two.nothers = 1;
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &one, &errs), 0);
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &two, &errs), 0);
	struct registry_query q = {.kommune = "621", .registered = -1, .day = "2026-01-01", .limit = 10};
	struct registry_item *a, *b;
	int na, nb, ta, tb;
	bool ea, eb;
	assert_int_equal(registry_list_page(f->db, &f->a, &q, &a, &na, &ta, &ea), 0);
	assert_int_equal(registry_list_page(f->db, &f->a, &q, &b, &nb, &tb, &eb), 0);
	assert_int_equal(na, 2);
	assert_int_equal(nb, na);
	assert_int_equal(tb, ta);
	assert_int_equal(eb, ea);
	same_items(a, b, na);
	assert_false(b[0].home); /* Anden Café works with 621 from 740 */
	assert_null(b[0].cvr);
	assert_string_equal(b[1].cvr, "25313763");
	/* a change: the next page is made anew */
	one.name = "Tredje Café";
	assert_int_equal(registry_save(f->db, &f->a, &users_cli, &one, &errs), 0);
	assert_int_equal(registry_list_page(f->db, &f->a, &q, &b, &nb, &tb, &eb), 0);
	assert_int_equal(nb, 2);
	assert_string_equal(b[1].name, "Tredje Café");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memo_hit_needs_key_and_version),
		cmocka_unit_test(test_memo_evicts_least_recently_used),
		cmocka_unit_test(test_memo_bytes_bound),
		cmocka_unit_test(test_memo_off),
		cmocka_unit_test_setup_teardown(test_registry_version_moves_with_every_change,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test(test_registry_query_key),
		cmocka_unit_test(test_memo_key_names_the_database),
		cmocka_unit_test_setup_teardown(test_list_page_kept_until_a_change, fixture_setup,
		                                fixture_teardown),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
