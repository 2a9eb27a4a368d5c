/*
 * test_router.c — method and path matching (src/http/router.h) against a table of its own:
 * literal paths, named parameters of the types kommune, int and string and their limits, trailing slashes, 404
 * against 405, HEAD answered by GET routes, the first matching route winning; the table check
 * that refuses unprotected state changes, unknown parameter types and RF_FORM|RF_API; and the
 * real route table of src/http/routes.c, which must pass that check with every route reachable.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/auth.h"
#include "src/base/arena.h"
#include "src/base/buf.h"
#include "src/base/err.h"
#include "src/http/dispatch.h"
#include "src/http/req.h"
#include "src/http/router.h"

#define N_OF(x) (sizeof(x) / sizeof((x)[0]))
#define NF ROUTER_NOT_FOUND
#define BAD ROUTER_BAD_METHOD

static int dummy(struct req *r)
{
	(void)r;
	return 0;
}

static const struct route table[] = {
	/* 0 */ {M_GET, "/", dummy, RF_PUBLIC, 0},
	/* 1 */ {M_GET, "/kommuner", dummy, RF_PUBLIC, 0},
	/* 2 */ {M_GET, "/kommuner/{kode:kommune}", dummy, RF_PUBLIC, 0},
	/* 3 */ {M_GET, "/kommuner/{kode:kommune}/brugere/{id:int}", dummy, 0, 0},
	/* 4 */ {M_POST, "/kommuner/{kode:kommune}/brugere", dummy, RF_FORM, 0},
	/* 5 */ {M_GET, "/brugere/ny", dummy, 0, 0},
	/* 6 */ {M_GET, "/brugere/{id:int}", dummy, 0, 0},
	/* 7 */ {M_POST | M_PATCH, "/brugere/{id:int}", dummy, RF_API, 0},
	/* 8 */ {M_GET, "/side/{navn}", dummy, 0, 0},
	/* 9 */ {M_GET, "/side/{a}/{b}", dummy, 0, 0},
	/* 10 */ {M_DELETE, "/side/{navn}", dummy, RF_API, 0},
	/* 11 */ {M_GET, "/side/om", dummy, 0, 0}, /* shadowed by 8: the first match wins */
};

struct match_case {
	unsigned method;
	const char *path;
	int want;              /* index, NF or BAD */
	const char *params[2]; /* expected parameters; NULL past the last */
};

static int setup(void **state)
{
	static struct arena a;
	arena_init(&a, 0);
	*state = &a;
	return 0;
}

static int teardown(void **state)
{
	arena_free(*state);
	return 0;
}

static void run_match_cases(struct arena *a, const struct match_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct match_case *c = &cases[i];
		const char *params[REQ_MAX_PARAMS] = {0};
		int np = -1;
		int got = router_match(table, N_OF(table), c->method, c->path, a, params,
		                       REQ_MAX_PARAMS, &np);
		if (got != c->want)
			fail_msg("case %zu: method %u %s matched %d, expected %d", i, c->method, c->path,
			         got, c->want);
		if (got < 0)
			continue;
		int want_np = c->params[0] ? c->params[1] ? 2 : 1 : 0;
		if (np != want_np)
			fail_msg("case %zu: %s gave %d parameters, expected %d", i, c->path, np, want_np);
		for (int k = 0; k < want_np; k++)
			if (!params[k] || strcmp(params[k], c->params[k]) != 0)
				fail_msg("case %zu: %s parameter %d is %s, expected %s", i, c->path, k,
				         params[k] ? params[k] : "NULL", c->params[k]);
	}
}

static void test_own_table_is_valid(void **state)
{
	(void)state;
	assert_int_equal(router_check_table(table, N_OF(table)), 0);
}

static void test_match_literal(void **state)
{
	static const struct match_case cases[] = {
		{M_GET, "/", 0, {0}},
		{M_GET, "/kommuner", 1, {0}},
		{M_GET, "/kommuner/", NF, {0}}, /* a trailing slash is another path */
		{M_GET, "/Kommuner", NF, {0}},
		{M_GET, "/kommunerne", NF, {0}},
		{M_GET, "/kommune", NF, {0}},
		{M_GET, "//", NF, {0}},
		{M_GET, "/nowhere", NF, {0}},
		{M_GET, "kommuner", NF, {0}},
		{M_GET, "", NF, {0}},
		{M_GET, "/brugere/ny", 5, {0}},
		{M_GET, "/side/om", 8, {"om"}}, /* route 8 comes first and takes it */
	};
	run_match_cases(*state, cases, N_OF(cases));
}

static void test_match_kode(void **state)
{
	/* {name:kommune}: exactly three digits */
	static const struct match_case cases[] = {
		{M_GET, "/kommuner/621", 2, {"621"}},
		{M_GET, "/kommuner/000", 2, {"000"}},
		{M_GET, "/kommuner/62", NF, {0}},
		{M_GET, "/kommuner/6210", NF, {0}},
		{M_GET, "/kommuner/62a", NF, {0}},
		{M_GET, "/kommuner/abc", NF, {0}},
		{M_GET, "/kommuner/-62", NF, {0}},
		{M_GET, "/kommuner/621/", NF, {0}},
		{M_GET, "/kommuner//621", NF, {0}},
		/* two parameters, in pattern order */
		{M_GET, "/kommuner/621/brugere/15", 3, {"621", "15"}},
		{M_GET, "/kommuner/621/brugere/0", NF, {0}},
		{M_GET, "/kommuner/621/brugere/15/", NF, {0}},
		{M_POST, "/kommuner/62/brugere", NF, {0}},
	};
	run_match_cases(*state, cases, N_OF(cases));
}

static void test_match_id(void **state)
{
	/* {name:int}: a positive integer, no leading zero, at most 15 digits */
	static const struct match_case cases[] = {
		{M_GET, "/brugere/1", 6, {"1"}},
		{M_GET, "/brugere/42", 6, {"42"}},
		{M_GET, "/brugere/999999999999999", 6, {"999999999999999"}},
		{M_GET, "/brugere/1000000000000000", NF, {0}},
		{M_GET, "/brugere/0", NF, {0}},
		{M_GET, "/brugere/01", NF, {0}},
		{M_GET, "/brugere/-1", NF, {0}},
		{M_GET, "/brugere/+1", NF, {0}},
		{M_GET, "/brugere/1a", NF, {0}},
		{M_GET, "/brugere/1.0", NF, {0}},
		{M_GET, "/brugere/", NF, {0}},
		{M_GET, "/brugere", NF, {0}},
		{M_GET, "/brugere//1", NF, {0}},
		{M_DELETE, "/brugere/0", NF, {0}},
	};
	run_match_cases(*state, cases, N_OF(cases));
}

static void test_match_str(void **state)
{
	/* {name}: any non-empty segment */
	static const struct match_case cases[] = {
		{M_GET, "/side/hej", 8, {"hej"}},
		{M_GET, "/side/æøå", 8, {"æøå"}},
		{M_GET, "/side/a b", 8, {"a b"}},
		{M_GET, "/side/<script>\"'&", 8, {"<script>\"'&"}},
		{M_GET, "/side/", NF, {0}},
		{M_GET, "/side", NF, {0}},
		{M_GET, "/side/x/y", 9, {"x", "y"}},
		{M_GET, "/side/x/y/", NF, {0}},
		{M_GET, "/side/x//", NF, {0}},
		{M_GET, "/side/x/y/z", NF, {0}},
	};
	run_match_cases(*state, cases, N_OF(cases));
}

static void test_match_methods(void **state)
{
	static const struct match_case cases[] = {
		/* the path exists for POST only: 405 for GET and for HEAD */
		{M_POST, "/kommuner/621/brugere", 4, {"621"}},
		{M_GET, "/kommuner/621/brugere", BAD, {0}},
		{M_HEAD, "/kommuner/621/brugere", BAD, {0}},
		/* HEAD is answered by a GET route */
		{M_HEAD, "/", 0, {0}},
		{M_HEAD, "/kommuner/621", 2, {"621"}},
		{M_POST, "/kommuner/621", BAD, {0}},
		{M_POST, "/brugere/ny", BAD, {0}},
		/* the same path, a later route for other methods; the rest 405 */
		{M_POST, "/brugere/42", 7, {"42"}},
		{M_PATCH, "/brugere/42", 7, {"42"}},
		{M_DELETE, "/brugere/42", BAD, {0}},
		{M_PUT, "/brugere/42", BAD, {0}},
		{M_OTHER, "/brugere/42", BAD, {0}},
		{M_DELETE, "/side/x", 10, {"x"}},
		{M_POST, "/side/x", BAD, {0}},
		{M_DELETE, "/side/x/y", BAD, {0}},
		/* an unknown path is 404 whatever the method */
		{M_POST, "/nowhere", NF, {0}},
		{M_HEAD, "/nowhere", NF, {0}},
	};
	run_match_cases(*state, cases, N_OF(cases));
}

static void test_match_null_path(void **state)
{
	struct arena *a = *state;
	const char *params[REQ_MAX_PARAMS];
	int np = 0;
	assert_int_equal(router_match(table, N_OF(table), M_GET, NULL, a, params, REQ_MAX_PARAMS, &np),
	                 NF);
	assert_int_equal(router_match(table, 0, M_GET, "/", a, params, REQ_MAX_PARAMS, &np), NF);
}

static void test_str_segment_limit(void **state)
{
	struct arena *a = *state;
	char path[300] = "/side/";
	const char *params[REQ_MAX_PARAMS];
	int np = 0;
	memset(path + 6, 'x', 200);
	path[206] = '\0';
	assert_int_equal(router_match(table, N_OF(table), M_GET, path, a, params, REQ_MAX_PARAMS, &np),
	                 8);
	assert_int_equal(strlen(params[0]), 200);
	path[206] = 'x';
	path[207] = '\0';
	assert_int_equal(router_match(table, N_OF(table), M_GET, path, a, params, REQ_MAX_PARAMS, &np),
	                 NF);
}

static void test_params_max(void **state)
{
	struct arena *a = *state;
	/* more parameters than slots: the route still matches, the extra ones are not stored */
	const char *params[2] = {NULL, "urørt"};
	int np = -1;
	assert_int_equal(router_match(table, N_OF(table), M_GET, "/kommuner/621/brugere/15", a,
	                              params, 1, &np),
	                 3);
	assert_int_equal(np, 1);
	assert_string_equal(params[0], "621");
	assert_string_equal(params[1], "urørt");
	np = -1;
	assert_int_equal(router_match(table, N_OF(table), M_GET, "/kommuner/621", a, params, 0, &np),
	                 2);
	assert_int_equal(np, 0);
	/* the parameters are copies, not pointers into the path */
	char path[] = "/kommuner/621";
	assert_int_equal(router_match(table, N_OF(table), M_GET, path, a, params, 2, &np), 2);
	path[10] = '9';
	assert_string_equal(params[0], "621");
}

static void test_check_table(void **state)
{
	(void)state;
	static const struct {
		struct route r;
		int want;
		const char *what;
	} cases[] = {
		{{M_GET, "/x", dummy, 0, 0}, 0, "plain GET"},
		{{M_HEAD, "/x", dummy, 0, 0}, 0, "HEAD only"},
		{{M_POST, "/x", dummy, RF_FORM, 0}, 0, "form POST"},
		{{M_POST, "/x", dummy, RF_API | RF_JSON, 0}, 0, "API POST"},
		{{M_DELETE, "/x", dummy, RF_API, 0}, 0, "API DELETE"},
		{{M_GET, "/x/{kode:kommune}/{id:int}/{navn}", dummy, 0, 0}, 0, "every parameter type"},
		{{M_GET, "/x/{a}/{b}/{c}/{d}", dummy, 0, 0}, 0, "four parameters"},
		{{M_GET, "/x/{a}/{b}/{c}/{d}/{e}", dummy, 0, 0}, ERR_INVALID, "more than REQ_MAX_PARAMS"},
		{{M_GET, "/x/{a}/{a:int}", dummy, 0, 0}, ERR_INVALID, "a name twice"},
		{{M_GET, "/x/{id:str}", dummy, 0, 0}, ERR_INVALID, "unknown type"},
		{{M_GET, "/x/{id:}", dummy, 0, 0}, ERR_INVALID, "empty type"},
		{{M_GET, "/x/{:int}", dummy, 0, 0}, ERR_INVALID, "no name"},
		{{M_GET, "/x/{id:int", dummy, 0, 0}, ERR_INVALID, "unclosed"},
		{{M_GET, "/x/{a{b}}", dummy, 0, 0}, ERR_INVALID, "nested"},
		{{M_POST, "/x", dummy, 0, 0}, ERR_INVALID, "POST without protection"},
		{{M_POST, "/x", dummy, RF_PUBLIC, 0}, ERR_INVALID, "public POST"},
		{{M_PATCH, "/x", dummy, RF_JSON, 0}, ERR_INVALID, "JSON body is not protection"},
		{{M_PUT, "/x", dummy, RF_PERSONAL, 0}, ERR_INVALID, "PUT without protection"},
		{{M_GET, "/x", dummy, RF_PERSONAL, 0}, 0, "a GET of personal data"},
		{{M_POST, "/x", dummy, RF_FORM | RF_PERSONAL, 0}, ERR_INVALID, "personal data on a POST"},
		{{M_DELETE, "/x", dummy, 0, ROLE_ADMIN}, ERR_INVALID, "a role is not protection"},
		{{M_GET | M_POST, "/x", dummy, 0, 0}, ERR_INVALID, "GET and POST unprotected"},
		{{M_GET, "/x/{id:kommunex}", dummy, 0, 0}, ERR_INVALID, "a longer type"},
		{{M_GET, "/x/{ID}", dummy, 0, 0}, ERR_INVALID, "names are lower case"},
		{{M_GET, "/x/{id:INT}", dummy, 0, 0}, ERR_INVALID, "types are lower case"},
		{{M_GET, "/x/{}", dummy, 0, 0}, ERR_INVALID, "empty name"},
		{{M_GET, "/x/{id:int}/{n-1}", dummy, 0, 0}, ERR_INVALID, "a bad second parameter"},
		{{M_POST, "/x", dummy, RF_FORM | RF_API, 0}, ERR_INVALID, "form and API at once"},
		{{M_GET, "/x", dummy, RF_FORM | RF_API, 0}, ERR_INVALID, "form and API on a GET"},
		{{M_GET, "x", dummy, 0, 0}, ERR_INVALID, "no leading slash"},
		{{M_GET, "", dummy, 0, 0}, ERR_INVALID, "empty pattern"},
		{{M_GET, NULL, dummy, 0, 0}, ERR_INVALID, "no pattern"},
		{{M_GET, "/x", NULL, 0, 0}, ERR_INVALID, "no handler"},
		{{0, "/x", dummy, 0, 0}, ERR_INVALID, "no method"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		/* alone, and after good routes: every row is checked */
		struct route t[3] = {table[0], table[4], cases[i].r};
		if (router_check_table(&cases[i].r, 1) != cases[i].want)
			fail_msg("check case %zu (%s): expected %d", i, cases[i].what, cases[i].want);
		if (router_check_table(t, 3) != cases[i].want)
			fail_msg("check case %zu (%s) in a table: expected %d", i, cases[i].what,
			         cases[i].want);
	}
	assert_int_equal(router_check_table(table, 0), 0);
}

/* a parameter is a whole segment: glued to text, the router would take it literally and the
 * typed parameter would never match, so the check must refuse such a pattern */
static void test_check_table_whole_segments(void **state)
{
	(void)state;
	static const struct route cases[] = {
		{M_GET, "/x/a{id:int}", dummy, 0, 0},
		{M_GET, "/x/{id:int}x", dummy, 0, 0},
		{M_GET, "/x/{kode:kommune}{id:int}", dummy, 0, 0},
		{M_GET, "/x/{navn}.csv", dummy, 0, 0},
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		if (router_check_table(&cases[i], 1) != ERR_INVALID)
			fail_msg("check accepted %s", cases[i].pattern);
}

/* the pattern with every parameter replaced by a value of its type */
static const char *sample_path(struct arena *a, const char *pattern)
{
	struct buf b;
	buf_init(&b, 0);
	for (const char *p = pattern; *p;) {
		if (*p == '{') {
			const char *end = strchr(p, '}');
			const char *colon = memchr(p, ':', (size_t)(end - p));
			if (colon && !strncmp(colon, ":kommune}", 9))
				buf_puts(&b, "621");
			else if (colon && !strncmp(colon, ":int}", 5))
				buf_puts(&b, "17");
			else
				buf_puts(&b, "x2015");
			p = end + 1;
		} else {
			buf_putc(&b, *p++);
		}
	}
	char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

static void test_real_table(void **state)
{
	struct arena *a = *state;
	assert_true(routes_count > 0);
	assert_int_equal(router_check_table(routes, routes_count), 0);
	/* every route answers its own path with each of its methods: none is shadowed */
	static const unsigned methods[] = {M_GET, M_HEAD, M_POST, M_PUT, M_PATCH, M_DELETE};
	for (size_t i = 0; i < routes_count; i++) {
		const char *path = sample_path(a, routes[i].pattern);
		for (size_t m = 0; m < N_OF(methods); m++) {
			if (!(routes[i].methods & methods[m]))
				continue;
			const char *params[REQ_MAX_PARAMS];
			int np = 0;
			int got = router_match(routes, routes_count, methods[m], path, a, params,
			                       REQ_MAX_PARAMS, &np);
			if (got != (int)i)
				fail_msg("route %zu %s: method %u on %s matched route %d", i,
				         routes[i].pattern, methods[m], path, got);
		}
		/* a state change is a form post or an API call, never both */
		if (routes[i].methods & ~(unsigned)(M_GET | M_HEAD)) {
			unsigned prot = routes[i].flags & (RF_FORM | RF_API);
			assert_true(prot == RF_FORM || prot == RF_API);
		}
	}
	/* a few fixed answers of the real table */
	const char *params[REQ_MAX_PARAMS];
	int np = 0;
	int i = router_match(routes, routes_count, M_POST, "/login", a, params, REQ_MAX_PARAMS, &np);
	assert_true(i >= 0);
	assert_string_equal(routes[i].pattern, "/login");
	assert_true(routes[i].flags & RF_FORM);
	assert_int_equal(router_match(routes, routes_count, M_DELETE, "/login", a, params,
	                              REQ_MAX_PARAMS, &np),
	                 BAD);
	assert_int_equal(router_match(routes, routes_count, M_GET, "/brugere/0", a, params,
	                              REQ_MAX_PARAMS, &np),
	                 NF);
	i = router_match(routes, routes_count, M_GET, "/api/v1/kommuner/621/users", a, params,
	                 REQ_MAX_PARAMS, &np);
	assert_true(i >= 0);
	assert_true(routes[i].flags & RF_API);
	assert_int_equal(np, 1);
	assert_string_equal(params[0], "621");
}

static void test_param_index(void **state)
{
	(void)state;
	assert_int_equal(router_param_index("/kommuner/{kode:kommune}/brugere/{id:int}", "kode"), 0);
	assert_int_equal(router_param_index("/kommuner/{kode:kommune}/brugere/{id:int}", "id"), 1);
	assert_int_equal(router_param_index("/u/{survey}/{round}/rapport", "round"), 1);
	assert_int_equal(router_param_index("/u/{survey}/{round}/rapport", "survey"), 0);
	/* whole names only: neither a prefix nor a type matches */
	assert_int_equal(router_param_index("/u/{survey}/{round}", "surv"), -1);
	assert_int_equal(router_param_index("/u/{id:int}", "int"), -1);
	assert_int_equal(router_param_index("/u/{id:int}", "i"), -1);
	assert_int_equal(router_param_index("/u", "id"), -1);
	/* every parameter of the real table is found under its own name, in order */
	for (size_t i = 0; i < routes_count; i++) {
		int k = 0;
		for (const char *p = strchr(routes[i].pattern, '{'); p; p = strchr(p + 1, '{'), k++) {
			size_t n = strcspn(p + 1, ":}");
			char name[32];
			assert_true(n < sizeof(name));
			memcpy(name, p + 1, n);
			name[n] = '\0';
			if (router_param_index(routes[i].pattern, name) != k)
				fail_msg("%s: parameter %s not at %d", routes[i].pattern, name, k);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_table_is_valid),
		cmocka_unit_test_setup_teardown(test_match_literal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_match_kode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_match_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_match_str, setup, teardown),
		cmocka_unit_test_setup_teardown(test_match_methods, setup, teardown),
		cmocka_unit_test_setup_teardown(test_match_null_path, setup, teardown),
		cmocka_unit_test_setup_teardown(test_str_segment_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_params_max, setup, teardown),
		cmocka_unit_test(test_check_table),
		cmocka_unit_test(test_check_table_whole_segments),
		cmocka_unit_test(test_param_index),
		cmocka_unit_test_setup_teardown(test_real_table, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
