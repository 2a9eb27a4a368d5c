/*
 * urlenc.c — urlencoded form, query and cookie parsers. Layer: http.
 */
#include "urlenc.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/text.h"
#include "req.h"

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *urlenc_decode(struct arena *a, const char *s, size_t n, int plus, size_t *out_len)
{
	char *out = arena_alloc(a, n + 1), *q = out;
	for (size_t i = 0; i < n; i++) {
		int h, l;
		if (s[i] == '%' && i + 2 < n && (h = hexval(s[i + 1])) >= 0 &&
		    (l = hexval(s[i + 2])) >= 0) {
			*q++ = (char)(h * 16 + l);
			i += 2;
		} else if (plus && s[i] == '+') {
			*q++ = ' ';
		} else {
			*q++ = s[i];
		}
	}
	*q = '\0';
	if (out_len)
		*out_len = (size_t)(q - out);
	return out;
}

struct kv *urlenc_parse(struct arena *a, const char *s, size_t n)
{
	size_t cap = 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '&')
			cap++;
	if (cap > URLENC_MAX_FIELDS)
		cap = URLENC_MAX_FIELDS;
	struct kv *list = arena_alloc(a, (cap + 1) * sizeof(*list));
	size_t count = 0, i = 0;
	while (i < n && count < cap) {
		size_t end = i;
		while (end < n && s[end] != '&')
			end++;
		size_t eq = i;
		while (eq < end && s[eq] != '=')
			eq++;
		if (end > i) {
			size_t nl, vl = 0;
			char *name = urlenc_decode(a, s + i, eq - i, 1, &nl);
			char *value = eq < end ? urlenc_decode(a, s + eq + 1, end - eq - 1, 1, &vl)
			                       : arena_strdup(a, "");
			/* decoded NULs would cut a string short: drop such fields, like invalid UTF-8 */
			if (nl > 0 && utf8_valid(name, nl) && utf8_valid(value, vl)) {
				list[count].name = name;
				list[count].value = value;
				count++;
			}
		}
		i = end + 1;
	}
	list[count].name = list[count].value = NULL;
	return list;
}

struct kv *urlenc_cookies(struct arena *a, const char *header)
{
	size_t cap = 1;
	for (const char *p = header ? header : ""; *p; p++)
		if (*p == ';')
			cap++;
	if (cap > URLENC_MAX_FIELDS)
		cap = URLENC_MAX_FIELDS;
	struct kv *list = arena_alloc(a, (cap + 1) * sizeof(*list));
	size_t count = 0;
	const char *p = header ? header : "";
	while (*p && count < cap) {
		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		const char *start = p;
		while (*p && *p != ';')
			p++;
		const char *end = p;
		while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		const char *eq = memchr(start, '=', (size_t)(end - start));
		if (!eq || eq == start)
			continue;
		const char *v = eq + 1, *ve = end;
		if (ve - v >= 2 && *v == '"' && ve[-1] == '"') {
			v++;
			ve--;
		}
		list[count].name = arena_strndup(a, start, (size_t)(eq - start));
		list[count].value = arena_strndup(a, v, (size_t)(ve - v));
		count++;
	}
	list[count].name = list[count].value = NULL;
	return list;
}
