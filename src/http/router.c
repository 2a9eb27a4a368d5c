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

enum param_type { P_STR, P_INT, P_KOMMUNE, P_BAD };

/* the type of the parameter spec "{name}" or "{name:type}" at p[0..len) (braces included);
 * *name and *nlen get its name */
static enum param_type param_spec(const char *p, size_t len, const char **name, size_t *nlen)
{
	const char *colon = memchr(p, ':', len);
	*name = p + 1;
	*nlen = (colon ? (size_t)(colon - p) : len - 1) - 1;
	for (size_t i = 0; i < *nlen; i++)
		if (!(((*name)[i] >= 'a' && (*name)[i] <= 'z') || (*name)[i] == '_'))
			return P_BAD;
	if (*nlen == 0)
		return P_BAD;
	if (!colon)
		return P_STR;
	size_t tlen = (size_t)(p + len - 1 - (colon + 1));
	if (tlen == 3 && memcmp(colon + 1, "int", 3) == 0)
		return P_INT;
	if (tlen == 7 && memcmp(colon + 1, "kommune", 7) == 0)
		return P_KOMMUNE;
	return P_BAD;
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static bool param_ok(enum param_type t, const char *seg, size_t slen)
{
	if (slen == 0 || slen > SEGMENT_MAX)
		return false;
	switch (t) {
	case P_STR:
		return true;
	case P_INT:
		return slen <= 15 && seg[0] != '0' && all_digits(seg, slen);
	case P_KOMMUNE:
		return slen == 3 && all_digits(seg, slen);
	case P_BAD:
		break;
	}
	return false;
}

/* match one pattern; returns the number of parameters or -1 */
static int match_one(const char *pat, const char *path, const char **params, int max,
                     struct arena *a)
{
	/* up to its first parameter a pattern is literal text that the path must start with: most
	 * of the table differs from the path within a few bytes of that, which rejects it without
	 * splitting either into segments */
	for (size_t i = 0; pat[i] && pat[i] != '{'; i++)
		if (path[i] != pat[i])
			return -1;
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
			const char *name;
			size_t nlen;
			if (!param_ok(param_spec(pat, plen, &name, &nlen), path, slen))
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

int router_param_index(const char *pattern, const char *name)
{
	int i = 0;
	size_t want = strlen(name);
	for (const char *p = strchr(pattern, '{'); p; p = strchr(p + 1, '{'), i++) {
		const char *end = strchr(p, '}');
		const char *pname;
		size_t nlen;
		if (!end)
			break;
		param_spec(p, (size_t)(end - p) + 1, &pname, &nlen);
		if (nlen == want && memcmp(pname, name, want) == 0)
			return i;
	}
	return -1;
}

/* the parameters of pattern are well-formed: known types, distinct names, whole segments */
static bool params_ok(const char *pattern)
{
	const char *names[REQ_MAX_PARAMS];
	size_t lens[REQ_MAX_PARAMS];
	int np = 0;
	for (const char *p = strchr(pattern, '{'); p; p = strchr(p + 1, '{')) {
		const char *end = strchr(p, '}');
		if (!end || np == REQ_MAX_PARAMS)
			return false;
		const char *name;
		size_t nlen;
		if (param_spec(p, (size_t)(end - p) + 1, &name, &nlen) == P_BAD ||
		    memchr(p + 1, '{', (size_t)(end - p - 1)))
			return false;
		/* a parameter is a whole segment: "/x/{id:int}.csv" would never match */
		if (p[-1] != '/' || (end[1] != '\0' && end[1] != '/'))
			return false;
		for (int i = 0; i < np; i++)
			if (lens[i] == nlen && memcmp(names[i], name, nlen) == 0)
				return false;
		names[np] = name;
		lens[np++] = nlen;
	}
	return true;
}

int router_check_table(const struct route *table, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct route *rt = &table[i];
		if (!rt->pattern || rt->pattern[0] != '/' || !rt->handler || !rt->methods) {
			log_error("route %zu is malformed", i);
			return ERR_INVALID;
		}
		if (!params_ok(rt->pattern)) {
			log_error("route %s has a parameter that is malformed, repeated, of an unknown type "
			          "or not a whole path segment", rt->pattern);
			return ERR_INVALID;
		}
		bool changes = (rt->methods & ~(unsigned)(M_GET | M_HEAD)) != 0;
		if (changes && !(rt->flags & (RF_FORM | RF_API))) {
			log_error("route %s changes state without CSRF or API protection", rt->pattern);
			return ERR_INVALID;
		}
		if ((rt->flags & RF_PERSONAL) && (rt->methods & ~(unsigned)(M_GET | M_HEAD))) {
			log_error("route %s reads personal data but is not a GET", rt->pattern);
			return ERR_INVALID;
		}
		if ((rt->flags & RF_FORM) && (rt->flags & RF_API)) {
			log_error("route %s is both a form and an API route", rt->pattern);
			return ERR_INVALID;
		}
		if ((rt->flags & RF_UPLOAD) && ((rt->flags & RF_PUBLIC) || !changes)) {
			log_error("route %s takes uploads but is public or takes no body", rt->pattern);
			return ERR_INVALID;
		}
	}
	return 0;
}
