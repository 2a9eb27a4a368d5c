/*
 * json.c — streaming JSON writer. Layer: view.
 */
#include "json.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

void json_init(struct json *w, struct buf *o)
{
	memset(w, 0, sizeof(*w));
	w->o = o;
}

/* the length of the valid UTF-8 sequence at s, or 0 */
static size_t utf8_seq(const unsigned char *s)
{
	unsigned c = s[0];
	size_t len;
	unsigned cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

void json_escape_into(struct buf *o, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	buf_putc(o, '"');
	size_t start = 0, i = 0;
	for (; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			/* JSON must be UTF-8: a broken sequence (say, cut out of a longer text) becomes
			 * U+FFFD rather than an invalid answer */
			size_t len = utf8_seq((const unsigned char *)s + i);
			if (len) {
				i += len - 1;
				continue;
			}
			buf_append(o, s + start, i - start);
			buf_puts(o, "\\ufffd");
			start = i + 1;
			continue;
		}
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
			continue;
		buf_append(o, s + start, i - start);
		switch (c) {
		case '"': buf_puts(o, "\\\""); break;
		case '\\': buf_puts(o, "\\\\"); break;
		case '\n': buf_puts(o, "\\n"); break;
		case '\r': buf_puts(o, "\\r"); break;
		case '\t': buf_puts(o, "\\t"); break;
		default: {
			char u[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
			buf_puts(o, u);
		}
		}
		start = i + 1;
	}
	buf_append(o, s + start, i - start);
	buf_putc(o, '"');
}

static void json_key(struct json *w, const char *key)
{
	if (w->need_comma[w->depth])
		buf_putc(w->o, ',');
	w->need_comma[w->depth] = true;
	if (key) {
		json_escape_into(w->o, key);
		buf_putc(w->o, ':');
	}
}

static void json_open(struct json *w, const char *key, char c)
{
	json_key(w, key);
	buf_putc(w->o, c);
	if (w->depth < JSON_DEPTH - 1) {
		w->need_comma[++w->depth] = false;
	} else {
		/* deeper than the writer tracks: the output would be wrong, so it is refused */
		w->too_deep++;
		w->o->failed = true;
	}
}

static void json_close(struct json *w, char c)
{
	buf_putc(w->o, c);
	if (w->too_deep > 0)
		w->too_deep--;
	else if (w->depth > 0)
		w->depth--;
}

void json_obj_open(struct json *w, const char *key) { json_open(w, key, '{'); }
void json_obj_close(struct json *w) { json_close(w, '}'); }
void json_arr_open(struct json *w, const char *key) { json_open(w, key, '['); }
void json_arr_close(struct json *w) { json_close(w, ']'); }

void json_str(struct json *w, const char *key, const char *value)
{
	json_key(w, key);
	if (value)
		json_escape_into(w->o, value);
	else
		buf_puts(w->o, "null");
}

void json_int(struct json *w, const char *key, int64_t value)
{
	char num[32];
	snprintf(num, sizeof(num), "%" PRId64, value);
	json_key(w, key);
	buf_puts(w->o, num);
}

void json_double(struct json *w, const char *key, double value)
{
	char num[40];
	json_key(w, key);
	if (!isfinite(value)) {
		buf_puts(w->o, "null");
		return;
	}
	snprintf(num, sizeof(num), "%.15g", value);
	buf_puts(w->o, num);
}

void json_bool(struct json *w, const char *key, bool value)
{
	json_key(w, key);
	buf_puts(w->o, value ? "true" : "false");
}

void json_null_at(struct json *w, const char *key)
{
	json_key(w, key);
	buf_puts(w->o, "null");
}

void json_raw(struct json *w, const char *key, const char *value)
{
	json_key(w, key);
	buf_puts(w->o, value && *value ? value : "null");
}
