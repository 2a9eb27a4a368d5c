/*
 * html.h — the escaping HTML writer every page byte goes through.
 * Layer: view. Knows buffers and strings, not requests or the store.
 *
 *   htmlf(o, "<td>%s</td>", name)   every %s is escaped (& < > " '): safe in text and in
 *                                   quoted attribute values; %.Ns takes at most N bytes (whole
 *                                   UTF-8 characters). %d %ld %lld %u %zu print numbers.
 *   html(o, "<br>")                 raw markup: accepts only a string literal.
 *   html_url(a, s)                  s percent-encoded as a URL component (then pass it to %s).
 * The format of htmlf must be a literal: the macro refuses anything else at compile time.
 */
#ifndef INDGANG_HTML_H
#define INDGANG_HTML_H

#include <stdarg.h>
#include <stddef.h>

#include "../base/buf.h"

struct arena;

#define html(o, lit) buf_append((o), "" lit, sizeof(lit) - 1)
#define htmlf(o, fmt, ...) html_printf((o), "" fmt, ##__VA_ARGS__)

/* html_printf: see htmlf. Returns 0 or ERR_NOMEM (the buf's cap). */
int html_printf(struct buf *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* html_text: s escaped; NULL writes nothing. */
int html_text(struct buf *o, const char *s);
/* html_url: s percent-encoded (RFC 3986 unreserved characters kept), owned by a. */
char *html_url(struct arena *a, const char *s);
/* html_escape: s escaped, owned by a (for attributes built outside a buf). */
char *html_escape(struct arena *a, const char *s);

#endif
