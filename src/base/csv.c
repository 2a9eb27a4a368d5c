/*
 * csv.c — a CSV reader and field writer. Layer: base (libc only).
 */
#include "csv.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "text.h"

void csv_open(struct csv *c, const char *data, size_t len)
{
	memset(c, 0, sizeof(*c));
	c->p = data;
	c->end = data + len;
	c->line = 1;
	if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
	    (unsigned char)data[2] == 0xBF)
		c->p += 3;
	int commas = 0, semis = 0, quoted = 0;
	for (const char *q = c->p; q < c->end && (quoted || (*q != '\n' && *q != '\r')); q++) {
		if (*q == '"')
			quoted = !quoted;
		else if (!quoted && *q == ',')
			commas++;
		else if (!quoted && *q == ';')
			semis++;
	}
	c->delim = semis > commas ? ';' : ',';
}

static int csv_fail(struct csv *c, const char *msg, int line, int col)
{
	c->error = msg;
	c->error_line = line;
	c->error_col = col;
	return -1;
}

/* c starts a formula in a spreadsheet cell */
static bool formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* s is a plain number such as -12, +3 or -1,5: a spreadsheet reads it as a number, not a formula */
static bool plain_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (*s < '0' || *s > '9')
		return false;
	bool sep = false;
	for (; *s; s++) {
		if ((*s == '.' || *s == ',') && !sep && s[1] >= '0' && s[1] <= '9')
			sep = true;
		else if (*s < '0' || *s > '9')
			return false;
	}
	return true;
}

int csv_next(struct csv *c, struct arena *a, struct csv_record *rec)
{
	/* skip blank lines */
	while (c->p < c->end && (*c->p == '\n' || *c->p == '\r')) {
		/* CRLF counts once, at its LF; a lone CR ends a line too */
		bool crlf = *c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n';
		if (!crlf)
			c->line++;
		c->p++;
	}
	if (c->p >= c->end)
		return 0;
	rec->line = c->line;
	rec->n = 0;
	struct buf field;
	buf_init(&field, CSV_MAX_FIELD);
	for (;;) {
		buf_reset(&field);
		int col = rec->n + 1;
		if (rec->n >= CSV_MAX_FIELDS) {
			buf_free(&field);
			return csv_fail(c, "too many fields in one line", c->line, col);
		}
		if (c->p < c->end && *c->p == '"') {
			int start_line = c->line;
			c->p++;
			for (;;) {
				if (c->p >= c->end) {
					buf_free(&field);
					return csv_fail(c, "a quoted field is not closed", start_line, col);
				}
				if (*c->p == '"') {
					if (c->p + 1 < c->end && c->p[1] == '"') {
						buf_putc(&field, '"');
						c->p += 2;
						continue;
					}
					c->p++;
					break;
				}
				if (*c->p == '\n')
					c->line++;
				buf_putc(&field, *c->p++);
			}
			if (c->p < c->end && *c->p != c->delim && *c->p != '\n' && *c->p != '\r') {
				buf_free(&field);
				return csv_fail(c, "text after the closing quote of a field", c->line, col);
			}
		} else {
			while (c->p < c->end && *c->p != c->delim && *c->p != '\n' && *c->p != '\r') {
				if (*c->p == '"') {
					buf_free(&field);
					return csv_fail(c, "a quote inside an unquoted field (quote the whole field)",
					                c->line, col);
				}
				buf_putc(&field, *c->p++);
			}
		}
		if (field.failed) {
			buf_free(&field);
			return csv_fail(c, "a field is longer than 65536 bytes", c->line, col);
		}
		const char *text = buf_str(&field);
		size_t len = field.len;
		/* the apostrophe csv_write_field puts before a formula's first character */
		if (len >= 2 && text[0] == '\'' && formula_start(text[1])) {
			text++;
			len--;
		}
		rec->f[rec->n++] = arena_strndup(a, text, len);
		if (c->p < c->end && *c->p == c->delim) {
			c->p++;
			continue;
		}
		/* end of record */
		if (c->p < c->end && *c->p == '\r')
			c->p++;
		if (c->p < c->end && *c->p == '\n')
			c->p++;
		c->line++;
		break;
	}
	buf_free(&field);
	return 1;
}

int csv_field_ok(const char *s)
{
	return utf8_valid(s, strlen(s));
}

void csv_write_field(struct buf *o, const char *s, char delim)
{
	if (!s)
		s = "";
	bool number = plain_number(s);
	bool guard = formula_start(*s) && !number;
	/* the other delimiter too (not in a number such as -1,5), for readers that guess */
	bool quote = guard || strchr(s, delim) || (!number && (strchr(s, ',') || strchr(s, ';'))) ||
	             strchr(s, '"') || strchr(s, '\n') || strchr(s, '\r');
	if (!quote) {
		buf_puts(o, s);
		return;
	}
	buf_putc(o, '"');
	if (guard)
		buf_putc(o, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(o, '"');
		buf_putc(o, *s);
	}
	buf_putc(o, '"');
}

void csv_out_begin(struct csv_out *w, struct buf *o, char delim, bool bom)
{
	w->o = o;
	w->delim = delim;
	w->nfields = 0;
	if (bom)
		buf_puts(o, CSV_BOM);
}

/* the delimiter before every field but a record's first */
static void csv_out_sep(struct csv_out *w)
{
	if (w->nfields++)
		buf_putc(w->o, w->delim);
}

void csv_out_field(struct csv_out *w, const char *s)
{
	csv_out_sep(w);
	csv_write_field(w->o, s, w->delim);
}

void csv_out_int(struct csv_out *w, long long v)
{
	csv_out_sep(w);
	buf_printf(w->o, "%lld", v);
}

void csv_out_decimal(struct csv_out *w, double v)
{
	char num[40];
	snprintf(num, sizeof(num), "%.15g", v);
	if (w->delim == ';')
		for (char *p = num; *p; p++)
			if (*p == '.')
				*p = ',';
	csv_out_sep(w);
	csv_write_field(w->o, num, w->delim);
}

void csv_out_end(struct csv_out *w)
{
	buf_puts(w->o, "\r\n");
	w->nfields = 0;
}
