/*
 * html.c — the escaping HTML writer. Layer: view.
 */
#include "html.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"

static int html_escape_n(struct buf *o, const char *s, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rep;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_append(o, s + start, i - start);
		buf_puts(o, rep);
		start = i + 1;
	}
	return buf_append(o, s + start, n - start);
}

int html_text(struct buf *o, const char *s)
{
	return s ? html_escape_n(o, s, strlen(s)) : 0;
}

int html_printf(struct buf *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *p = fmt;
	while (*p) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			buf_puts(o, p);
			break;
		}
		buf_append(o, p, (size_t)(pct - p));
		p = pct + 1;
		char num[32];
		if (p[0] == '.' && p[1] >= '0' && p[1] <= '9') {
			/* %.Ns: at most N bytes of the string, never cutting a UTF-8 sequence */
			size_t prec = 0;
			for (p++; *p >= '0' && *p <= '9'; p++)
				prec = prec * 10 + (size_t)(*p - '0');
			if (*p != 's') {
				buf_puts(o, "[bad format]");
				break;
			}
			p++;
			const char *s = va_arg(ap, const char *);
			if (!s)
				continue;
			size_t n = strnlen(s, prec);
			while (n > 0 && n < strlen(s) && ((unsigned char)s[n] & 0xC0) == 0x80)
				n--;
			html_escape_n(o, s, n);
		} else if (*p == 's') {
			html_text(o, va_arg(ap, const char *));
			p++;
		} else if (*p == 'd' || *p == 'i') {
			snprintf(num, sizeof(num), "%d", va_arg(ap, int));
			buf_puts(o, num);
			p++;
		} else if (*p == 'u') {
			snprintf(num, sizeof(num), "%u", va_arg(ap, unsigned));
			buf_puts(o, num);
			p++;
		} else if (p[0] == 'l' && p[1] == 'd') {
			snprintf(num, sizeof(num), "%ld", va_arg(ap, long));
			buf_puts(o, num);
			p += 2;
		} else if (p[0] == 'l' && p[1] == 'l' && p[2] == 'd') {
			snprintf(num, sizeof(num), "%lld", va_arg(ap, long long));
			buf_puts(o, num);
			p += 3;
		} else if (p[0] == 'z' && p[1] == 'u') {
			snprintf(num, sizeof(num), "%zu", va_arg(ap, size_t));
			buf_puts(o, num);
			p += 2;
		} else if (*p == '%') {
			buf_putc(o, '%');
			p++;
		} else {
			/* an unsupported conversion is a programming error: make it visible */
			buf_puts(o, "[bad format]");
			break;
		}
	}
	va_end(ap);
	return o->failed ? ERR_NOMEM : 0;
}

char *html_url(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	if (!s)
		return arena_strdup(a, "");
	size_t n = strlen(s);
	char *out = arena_alloc(a, n * 3 + 1), *q = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '.' || *p == '_' || *p == '~') {
			*q++ = (char)*p;
		} else {
			*q++ = '%';
			*q++ = hex[*p >> 4];
			*q++ = hex[*p & 15];
		}
	}
	*q = '\0';
	return out;
}

char *html_escape(struct arena *a, const char *s)
{
	struct buf b;
	buf_init(&b, 0);
	html_text(&b, s ? s : "");
	char *r = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return r;
}
