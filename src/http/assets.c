/*
 * assets.c — looking up the compiled-in static files, and the two header questions their
 * serving asks. Layer: http.
 */
#include "assets.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

const struct asset *assets_find(const char *path)
{
	for (size_t i = 0; i < assets_count; i++)
		if (strcmp(assets[i].path, path) == 0)
			return &assets[i];
	return NULL;
}

/* next_item: the list item at *p (up to ',' or the end), trimmed, into [*b, *e); *p moves past
 * it. False at the end of the list. */
static bool next_item(const char **p, const char **b, const char **e)
{
	const char *s = *p;
	while (*s == ' ' || *s == '\t' || *s == ',')
		s++;
	if (!*s)
		return false;
	const char *end = s;
	while (*end && *end != ',')
		end++;
	*p = end;
	*b = s;
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	*e = end;
	return true;
}

/* q_is_zero: the parameters [b, e) of a coding say q=0 (q=0, q=0.0, q=0.000) */
static bool q_is_zero(const char *b, const char *e)
{
	for (const char *s = b; s < e; s++) {
		if (*s != ';')
			continue;
		s++;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		if (s + 1 < e && (s[0] == 'q' || s[0] == 'Q') && s[1] == '=') {
			s += 2;
			if (s >= e || *s != '0')
				return false;
			s++;
			if (s < e && *s == '.')
				for (s++; s < e && isdigit((unsigned char)*s); s++)
					if (*s != '0')
						return false;
			return true;
		}
	}
	return false;
}

bool assets_accepts_gzip(const char *accept_encoding)
{
	if (!accept_encoding)
		return false;
	const char *p = accept_encoding, *b, *e;
	while (next_item(&p, &b, &e)) {
		size_t n = 0;
		while (b + n < e && b[n] != ';' && b[n] != ' ' && b[n] != '\t')
			n++;
		bool gz = (n == 4 && strncasecmp(b, "gzip", 4) == 0) || (n == 1 && *b == '*');
		if (gz)
			return !q_is_zero(b + n, e);
	}
	return false;
}

bool assets_etag_matches(const char *if_none_match, const char *etag)
{
	if (!if_none_match || !etag)
		return false;
	const char *p = if_none_match, *b, *e;
	size_t n = strlen(etag);
	while (next_item(&p, &b, &e)) {
		if (e - b == 1 && *b == '*')
			return true;
		/* a weak validator W/"x" matches for If-None-Match (RFC 9110, 13.1.2) */
		if (e - b > 2 && b[0] == 'W' && b[1] == '/')
			b += 2;
		if ((size_t)(e - b) == n && strncmp(b, etag, n) == 0)
			return true;
	}
	return false;
}
