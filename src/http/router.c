/*
 * router.c — method and path matching with typed parameters. Layer: http.
 */
#include "router.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "req.h"

#define SEGMENT_MAX 200

static int param_ok(const char *type, size_t tlen, const char *seg, size_t slen)
{
	if (slen == 0 || slen > SEGMENT_MAX)
		return 0;
	if (tlen == 4 && memcmp(type, "kode", 4) == 0) {
		if (slen != 3)
			return 0;
		for (size_t i = 0; i < 3; i++)
			if (seg[i] < '0' || seg[i] > '9')
				return 0;
		return 1;
	}
	if (tlen == 2 && memcmp(type, "id", 2) == 0) {
		if (slen > 15 || seg[0] == '0')
			return 0;
		for (size_t i = 0; i < slen; i++)
			if (seg[i] < '0' || seg[i] > '9')
				return 0;
		return 1;
	}
	return tlen == 3 && memcmp(type, "str", 3) == 0;
}

/* match one pattern; returns the number of parameters or -1 */
static int match_one(const char *pat, const char *path, const char **params, int max,
                     struct arena *a)
{
	int np = 0;
	while (*pat && *path) {
		if (*pat != '/' || *path != '/')
			return -1;
		pat++;
		path++;
		const char *pe = strchr(pat, '/'), *se = strchr(path, '/');
		size_t plen = pe ? (size_t)(pe - pat) : strlen(pat);
		size_t slen = se ? (size_t)(se - path) : strlen(path);
		if (plen >= 2 && pat[0] == '{' && pat[plen - 1] == '}') {
			if (!param_ok(pat + 1, plen - 2, path, slen))
				return -1;
			if (np < max)
				params[np] = arena_strndup(a, path, slen);
			np++;
		} else if (plen != slen || memcmp(pat, path, plen) != 0) {
			return -1;
		}
		pat += plen;
		path += slen;
	}
	return *pat == '\0' && *path == '\0' ? np : -1;
}

int router_match(const struct route *table, size_t n, unsigned method, const char *path,
                 struct arena *a, const char **params, int max, int *nparams)
{
	if (!path || path[0] != '/')
		return ROUTER_NOT_FOUND;
	int result = ROUTER_NOT_FOUND;
	unsigned want = method == M_HEAD ? M_GET : method;
	for (size_t i = 0; i < n; i++) {
		int np = match_one(table[i].pattern, path, params, max, a);
		if (np < 0)
			continue;
		if (table[i].methods & want) {
			*nparams = np < max ? np : max;
			return (int)i;
		}
		result = ROUTER_BAD_METHOD;
	}
	return result;
}

unsigned router_allowed(const struct route *table, size_t n, const char *path, struct arena *a)
{
	unsigned m = 0;
	const char *params[REQ_MAX_PARAMS];
	for (size_t i = 0; path && path[0] == '/' && i < n; i++)
		if (match_one(table[i].pattern, path, params, REQ_MAX_PARAMS, a) >= 0)
			m |= table[i].methods;
	return m & M_GET ? m | M_HEAD : m;
}

int router_check_table(const struct route *table, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct route *rt = &table[i];
		if (!rt->pattern || rt->pattern[0] != '/' || !rt->handler || !rt->methods) {
			log_error("route %zu is malformed", i);
			return ERR_INVALID;
		}
		for (const char *p = strchr(rt->pattern, '{'); p; p = strchr(p + 1, '{')) {
			if (strncmp(p, "{kode}", 6) && strncmp(p, "{id}", 4) && strncmp(p, "{str}", 5)) {
				log_error("route %s has an unknown parameter type", rt->pattern);
				return ERR_INVALID;
			}
			/* a parameter is a whole segment: "/x/{id}.csv" would never match */
			const char *end = strchr(p, '}');
			if (p[-1] != '/' || (end[1] != '\0' && end[1] != '/')) {
				log_error("route %s has a parameter that is not a whole path segment", rt->pattern);
				return ERR_INVALID;
			}
		}
		bool changes = (rt->methods & ~(unsigned)(M_GET | M_HEAD)) != 0;
		if (changes && !(rt->flags & (RF_FORM | RF_API))) {
			log_error("route %s changes state without CSRF or API protection", rt->pattern);
			return ERR_INVALID;
		}
		if ((rt->flags & RF_FORM) && (rt->flags & RF_API)) {
			log_error("route %s is both a form and an API route", rt->pattern);
			return ERR_INVALID;
		}
	}
	return 0;
}
