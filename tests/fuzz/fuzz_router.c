/*
 * fuzz_router.c — libFuzzer target for router_match() over the real route table.
 * Layer: tests. The first input byte gives the method bits, the rest is the path (made
 * NUL-terminated here; an embedded NUL just ends it early). Each answer is checked against
 * router.h's contract and against a plain segment-by-segment reading of every pattern written
 * here independently of router.c: the first route whose pattern matches and which allows the
 * method wins, ROUTER_BAD_METHOD when only other methods match, ROUTER_NOT_FOUND otherwise; the
 * parameters are copies of the path's segments and have their declared types.
 * Must not touch a database or the network. Built by `make fuzz`, run by tests/fuzz/run.sh.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "src/base/arena.h"
#include "src/http/dispatch.h"
#include "src/http/req.h"
#include "src/http/router.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* one '/'-separated segment: s[0..n) */
struct seg {
	const char *s;
	size_t n;
};

/* the next segment of a string that starts at a '/'; *p moves to the following '/' or NUL */
static struct seg next_seg(const char **p)
{
	struct seg g = {*p + 1, 0};
	while (g.s[g.n] && g.s[g.n] != '/')
		g.n++;
	*p = g.s + g.n;
	return g;
}

static bool all_digits(struct seg g)
{
	for (size_t i = 0; i < g.n; i++)
		if (g.s[i] < '0' || g.s[i] > '9')
			return false;
	return true;
}

static bool ends_with(struct seg t, const char *suffix)
{
	size_t n = strlen(suffix);
	return t.n >= n && memcmp(t.s + t.n - n, suffix, n) == 0;
}

/* does segment g fit the parameter {name}, {name:int} or {name:kommune} in pattern segment t? */
static bool type_fits(struct seg t, struct seg g)
{
	if (g.n == 0 || g.n > 200)
		return false;
	if (ends_with(t, ":kommune}"))
		return g.n == 3 && all_digits(g);
	if (ends_with(t, ":int}"))
		return g.n <= 15 && g.s[0] != '0' && all_digits(g);
	return memchr(t.s, ':', t.n) == NULL;
}

static bool is_param(struct seg t)
{
	return t.n >= 2 && t.s[0] == '{' && t.s[t.n - 1] == '}';
}

/* the expected reading of pattern against path: true on a match, with the matched parameter
 * segments in segs[0..*np) (at most max are kept) */
static bool oracle(const char *pattern, const char *path, struct seg *segs, int max, int *np)
{
	const char *p = pattern, *q = path;
	*np = 0;
	while (*p == '/' && *q == '/') {
		struct seg t = next_seg(&p), g = next_seg(&q);
		if (is_param(t)) {
			if (!type_fits(t, g))
				return false;
			if (*np < max)
				segs[*np] = g;
			(*np)++;
		} else if (t.n != g.n || memcmp(t.s, g.s, t.n) != 0) {
			return false;
		}
	}
	return *p == '\0' && *q == '\0';
}

static void check(unsigned method, const char *path, int got, const char **params, int nparams)
{
	unsigned want = method == M_HEAD ? M_GET : method;
	int expect = ROUTER_NOT_FOUND;
	struct seg segs[REQ_MAX_PARAMS];
	int np = 0;
	if (path[0] == '/') {
		for (size_t i = 0; i < routes_count; i++) {
			int n;
			struct seg s[REQ_MAX_PARAMS];
			if (!oracle(routes[i].pattern, path, s, REQ_MAX_PARAMS, &n))
				continue;
			if (routes[i].methods & want) {
				expect = (int)i;
				np = n < REQ_MAX_PARAMS ? n : REQ_MAX_PARAMS;
				memcpy(segs, s, sizeof(s));
				break;
			}
			expect = ROUTER_BAD_METHOD;
		}
	}
	FUZZ_CHECK(got == expect, "router_match disagrees with the reading of the patterns");
	if (got < 0)
		return;
	FUZZ_CHECK((size_t)got < routes_count, "route index out of range");
	FUZZ_CHECK(nparams == np, "parameter count");
	for (int i = 0; i < nparams; i++) {
		FUZZ_CHECK(params[i] != NULL, "parameter missing");
		FUZZ_CHECK(strlen(params[i]) == segs[i].n, "parameter length");
		FUZZ_CHECK(memcmp(params[i], segs[i].s, segs[i].n) == 0, "parameter is not its segment");
		FUZZ_CHECK(params[i] < path || params[i] > path + strlen(path),
		           "parameter is not a copy");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool table_checked;
	if (!table_checked) {
		FUZZ_CHECK(router_check_table(routes, routes_count) == 0, "route table rejected");
		table_checked = true;
	}
	if (size < 1)
		return 0;
	unsigned method = data[0] & 0x7f; /* every M_* bit, alone or combined */
	char *path = malloc(size);
	if (!path)
		return 0;
	memcpy(path, data + 1, size - 1);
	path[size - 1] = '\0';

	struct arena a;
	arena_init(&a, 1u << 20);
	const char *params[REQ_MAX_PARAMS] = {0};
	int nparams = -1;
	int got = router_match(routes, routes_count, method, path, &a, params, REQ_MAX_PARAMS,
	                       &nparams);
	check(method, path, got, params, nparams);
	arena_free(&a);
	free(path);
	return 0;
}
