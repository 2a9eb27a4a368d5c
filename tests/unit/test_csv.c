/*
 * test_csv.c — the CSV reader and field writer (src/base/csv.h): delimiter detection, the BOM,
 * quoting with "", line breaks inside quotes, CRLF and lone CR, blank lines, the line each
 * record starts on, errors with LINE:COLUMN, the field and field-count limits, and a writer
 * whose output the reader reads back unchanged.
 * Layer: tests (base, libc only: no database).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/base/arena.h"
#include "src/base/buf.h"
#include "src/base/csv.h"

#define N_OF(x) (sizeof(x) / sizeof((x)[0]))

/* dump: every record of data as "LINE[field][field] LINE[field]", or "error: ..." after the
 * records read before a malformed one; the delimiter found goes to *delim */
static char *dump(struct arena *a, const char *data, size_t len, char *delim)
{
	struct csv c;
	struct csv_record rec;
	struct buf o;
	buf_init(&o, 0);
	csv_open(&c, data, len);
	if (delim)
		*delim = c.delim;
	int rc;
	while ((rc = csv_next(&c, a, &rec)) == 1) {
		buf_printf(&o, "%s%d", o.len ? " " : "", rec.line);
		for (int i = 0; i < rec.n; i++)
			buf_printf(&o, "[%s]", rec.f[i]);
	}
	if (rc < 0)
		buf_printf(&o, "%serror %d:%d %s", o.len ? " " : "", c.error_line, c.error_col, c.error);
	char *s = arena_strdup(a, buf_str(&o));
	buf_free(&o);
	return s;
}

/* ---------------------------------------------------------------- records that read */

static void test_csv_reads(void **state)
{
	(void)state;
	static const struct {
		const char *name, *in;
		size_t len; /* 0: strlen(in) */
		char delim;
		const char *want;
	} cases[] = {
		{"commas, LF", "a,b\nc,d\n", 0, ',', "1[a][b] 2[c][d]"},
		{"no final line end", "a,b\nc,d", 0, ',', "1[a][b] 2[c][d]"},
		{"semicolons as Excel writes them", "navn;kommune\nBørge;621\n", 0, ';',
		 "1[navn][kommune] 2[Børge][621]"},
		{"a tie is a comma", "a;b,c\n", 0, ',', "1[a;b][c]"},
		{"delimiters inside quotes do not count", "\"a;b;c\",d,e\n", 0, ',', "1[a;b;c][d][e]"},
		{"commas in a semicolon file", "navn;by\n\"Smith, J\";Vejle\n", 0, ';',
		 "1[navn][by] 2[Smith, J][Vejle]"},
		{"CRLF", "a,b\r\nc,d\r\n", 0, ',', "1[a][b] 2[c][d]"},
		{"a lone CR ends a line", "a\rb\r", 0, ',', "1[a] 2[b]"},
		{"a BOM is skipped", "\xEF\xBB\xBFnavn;by\nÆble;Århus\n", 0, ';',
		 "1[navn][by] 2[Æble][Århus]"},
		{"only a BOM", "\xEF\xBB\xBF", 0, ',', ""},
		{"a BOM-like start that is not one stays", "\xEF\xBBx,y", 0, ',', "1[\xEF\xBBx][y]"},
		{"empty input", "", 0, ',', ""},
		{"only blank lines", "\n\r\n\r\n", 0, ',', ""},
		{"blank lines are skipped and counted", "a\n\n\r\n\nb\n", 0, ',', "1[a] 5[b]"},
		{"quoted \"\" is a quote", "\"sagde \"\"hej\"\"\",x\n", 0, ',', "1[sagde \"hej\"][x]"},
		{"a line break inside quotes", "\"linje 1\nlinje 2\",b\nc,d\n", 0, ',',
		 "1[linje 1\nlinje 2][b] 3[c][d]"},
		{"a CRLF inside quotes is kept", "\"a\r\nb\",c\r\nd,e\r\n", 0, ',',
		 "1[a\r\nb][c] 3[d][e]"},
		{"empty fields", ",,\n", 0, ',', "1[][][]"},
		{"a delimiter at the very end", "a,b,", 0, ',', "1[a][b][]"},
		{"an empty quoted field", "\"\",x\n", 0, ',', "1[][x]"},
		{"spaces are kept", " a , b \n", 0, ',', "1[ a ][ b ]"},
		{"hostile text comes back as it was", "\"<script>\"\"'&\";ø\n", 0, ';',
		 "1[<script>\"'&][ø]"},
		{"invalid UTF-8 passes the reader", "\xff\xfe,a\n", 0, ',', "1[\xff\xfe][a]"},
		{"the length bounds the input", "a,b\nc,d\n", 4, ',', "1[a][b]"},
		{"one field", "æøå\n", 0, ',', "1[æøå]"},
	};
	struct arena a;
	arena_init(&a, 0);
	for (size_t i = 0; i < N_OF(cases); i++) {
		char delim = 0;
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].in);
		const char *got = dump(&a, cases[i].in, len, &delim);
		if (strcmp(got, cases[i].want) != 0 || delim != cases[i].delim)
			fail_msg("%s: got \"%s\" (delimiter '%c'), expected \"%s\" ('%c')", cases[i].name,
			         got, delim, cases[i].want, cases[i].delim);
	}
	arena_free(&a);
}

/* ---------------------------------------------------------------- malformed records */

static void test_csv_errors(void **state)
{
	(void)state;
	static const struct {
		const char *name, *in, *want;
	} cases[] = {
		{"an unclosed quote names the line it opened on", "a,b\nc,\"open\nmore\n",
		 "1[a][b] error 2:2 a quoted field is not closed"},
		{"a lone quote", "\"", "error 1:1 a quoted field is not closed"},
		{"text after the closing quote", "a\nb,\"x\"y\n",
		 "1[a] error 2:2 text after the closing quote of a field"},
		{"a space after the closing quote", "\"x\" ,y\n",
		 "error 1:1 text after the closing quote of a field"},
		{"a quote inside an unquoted field", "a\nb,c\"d\n",
		 "1[a] error 2:2 a quote inside an unquoted field (quote the whole field)"},
		{"hostile text in an unquoted field", "<script>\"'&\n",
		 "error 1:1 a quote inside an unquoted field (quote the whole field)"},
		{"after a field with a line break, the line where it goes wrong",
		 "a\n\"x\ny\"z\n", "1[a] error 3:1 text after the closing quote of a field"},
	};
	struct arena a;
	arena_init(&a, 0);
	for (size_t i = 0; i < N_OF(cases); i++) {
		const char *got = dump(&a, cases[i].in, strlen(cases[i].in), NULL);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s: got \"%s\", expected \"%s\"", cases[i].name, got, cases[i].want);
	}
	arena_free(&a);
}

static void test_csv_error_stops_reading(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct csv c;
	struct csv_record rec;
	const char *in = "ok,1\nbad\"x,2\nok,3\n";
	csv_open(&c, in, strlen(in));
	assert_int_equal(csv_next(&c, &a, &rec), 1);
	assert_null(c.error);
	assert_int_equal(csv_next(&c, &a, &rec), -1);
	assert_non_null(c.error);
	assert_int_equal(c.error_line, 2);
	assert_int_equal(c.error_col, 1);
	arena_free(&a);
}

/* ---------------------------------------------------------------- limits */

/* a line of n fields "x" */
static char *fields_line(size_t n)
{
	char *s = malloc(2 * n + 1);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++) {
		s[2 * i] = 'x';
		s[2 * i + 1] = i + 1 < n ? ',' : '\n';
	}
	s[2 * n] = '\0';
	return s;
}

static void test_csv_field_count_limit(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct csv c;
	struct csv_record rec;

	char *most = fields_line(CSV_MAX_FIELDS);
	csv_open(&c, most, strlen(most));
	assert_int_equal(csv_next(&c, &a, &rec), 1);
	assert_int_equal(rec.n, CSV_MAX_FIELDS);
	assert_string_equal(rec.f[CSV_MAX_FIELDS - 1], "x");
	assert_int_equal(csv_next(&c, &a, &rec), 0);
	free(most);

	char *over = fields_line(CSV_MAX_FIELDS + 1);
	csv_open(&c, over, strlen(over));
	assert_int_equal(csv_next(&c, &a, &rec), -1);
	assert_string_equal(c.error, "too many fields in one line");
	assert_int_equal(c.error_line, 1);
	assert_int_equal(c.error_col, CSV_MAX_FIELDS + 1);
	free(over);
	arena_free(&a);
}

static void test_csv_field_length_limit(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct csv c;
	struct csv_record rec;
	/* "k,<n bytes>\n", the long field unquoted and quoted */
	for (int quoted = 0; quoted <= 1; quoted++) {
		for (size_t n = CSV_MAX_FIELD; n <= CSV_MAX_FIELD + 1; n++) {
			char *s = malloc(n + 8);
			assert_non_null(s);
			size_t k = 0;
			s[k++] = 'k';
			s[k++] = ',';
			if (quoted)
				s[k++] = '"';
			memset(s + k, 'y', n);
			k += n;
			if (quoted)
				s[k++] = '"';
			s[k++] = '\n';
			csv_open(&c, s, k);
			int rc = csv_next(&c, &a, &rec);
			if (n == CSV_MAX_FIELD) {
				assert_int_equal(rc, 1);
				assert_int_equal(rec.n, 2);
				assert_int_equal(strlen(rec.f[1]), CSV_MAX_FIELD);
			} else {
				assert_int_equal(rc, -1);
				assert_string_equal(c.error, "a field is longer than 65536 bytes");
				assert_int_equal(c.error_line, 1);
				assert_int_equal(c.error_col, 2);
			}
			free(s);
		}
	}
	arena_free(&a);
}

/* ---------------------------------------------------------------- csv_field_ok */

static void test_csv_field_ok(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		int ok;
	} cases[] = {
		{"", 1},
		{"plain", 1},
		{"æøå ÆØÅ", 1},
		{"<script>\"'&", 1},
		{"\xff", 0},
		{"\xc3", 0},            /* a lead byte cut short */
		{"a\xc3(", 0},          /* a bad continuation */
		{"\xc0\xaf", 0},        /* an overlong '/' */
		{"\xed\xa0\x80", 0},    /* a UTF-16 surrogate */
		{"\xf4\x90\x80\x80", 0}, /* past U+10FFFF */
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		if (!!csv_field_ok(cases[i].s) != cases[i].ok)
			fail_msg("csv_field_ok case %zu: expected %d", i, cases[i].ok);
}

/* ---------------------------------------------------------------- the writer */

static void test_csv_write_field(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		char delim;
		const char *want;
	} cases[] = {
		{"plain", ';', "plain"},
		{"", ';', ""},
		{NULL, ';', ""},
		{"æøå", ';', "æøå"},
		{"a;b", ';', "\"a;b\""},
		{"a,b", ';', "\"a,b\""},
		{"Antal, november", ';', "\"Antal, november\""},
		{"a;b", ',', "\"a;b\""},
		{"a,b", ',', "\"a,b\""},
		{"sagde \"hej\"", ';', "\"sagde \"\"hej\"\"\""},
		{"to\nlinjer", ';', "\"to\nlinjer\""},
		{"cr\rhere", ';', "\"cr\rhere\""},
		{"<script>\"'&", ';', "\"<script>\"\"'&\""},
		/* CSV injection: what a spreadsheet would run gets an apostrophe in front */
		{"=HYPERLINK(\"http://x\")", ';', "\"'=HYPERLINK(\"\"http://x\"\")\""},
		{"@SUM(1+1)", ';', "\"'@SUM(1+1)\""},
		{"+45 12 34 56 78", ';', "\"'+45 12 34 56 78\""},
		{"-2+3", ';', "\"'-2+3\""},
		{"\tx", ';', "\"'\tx\""},
		{"\r=1", ';', "\"'\r=1\""},
		{"=", ';', "\"'=\""},
		/* plain numbers stay numbers */
		{"-5", ';', "-5"},
		{"+3", ';', "+3"},
		{"-1,5", ';', "-1,5"},
		{"-1,5", ',', "\"-1,5\""},
		{"-1.25", ';', "-1.25"},
		{"a=b", ';', "a=b"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct buf o;
		buf_init(&o, 0);
		csv_write_field(&o, cases[i].in, cases[i].delim);
		if (strcmp(buf_str(&o), cases[i].want) != 0)
			fail_msg("case %zu: wrote \"%s\", expected \"%s\"", i, buf_str(&o), cases[i].want);
		buf_free(&o);
	}
}

/* a file written record by record: the BOM when asked, the delimiter between fields, CRLF
 * after each record, decimal commas with ';', and text fields through csv_write_field */
static void test_csv_out(void **state)
{
	(void)state;
	struct buf o;
	buf_init(&o, 0);
	struct csv_out w;
	csv_out_begin(&w, &o, ';', true);
	csv_out_field(&w, "Navn");
	csv_out_field(&w, "Antal, i alt");
	csv_out_field(&w, "Median");
	csv_out_end(&w);
	csv_out_field(&w, "=HYPERLINK(\"x\")");
	csv_out_int(&w, -12);
	csv_out_decimal(&w, 2.5);
	csv_out_end(&w);
	csv_out_field(&w, NULL);
	csv_out_int(&w, 0);
	csv_out_decimal(&w, -3);
	csv_out_end(&w);
	assert_string_equal(buf_str(&o), "\xEF\xBB\xBFNavn;\"Antal, i alt\";Median\r\n"
	                                  "\"'=HYPERLINK(\"\"x\"\")\";-12;2,5\r\n"
	                                  ";0;-3\r\n");
	/* the reader takes it back: the BOM skipped, ';' found, every record three fields */
	struct arena a;
	arena_init(&a, 0);
	struct csv c;
	struct csv_record rec;
	csv_open(&c, buf_str(&o), o.len);
	assert_int_equal(c.delim, ';');
	for (int i = 0; i < 3; i++) {
		assert_int_equal(csv_next(&c, &a, &rec), 1);
		assert_int_equal(rec.n, 3);
	}
	assert_string_equal(rec.f[2], "-3");
	assert_int_equal(csv_next(&c, &a, &rec), 0);
	/* commas for machines: no BOM, a decimal point */
	buf_reset(&o);
	csv_out_begin(&w, &o, ',', false);
	csv_out_field(&w, "a;b");
	csv_out_decimal(&w, 2.5);
	csv_out_end(&w);
	assert_string_equal(buf_str(&o), "\"a;b\",2.5\r\n");
	arena_free(&a);
	buf_free(&o);
}

/* what the writer writes, the reader reads back unchanged */
static void test_csv_roundtrip(void **state)
{
	(void)state;
	static const char *const fields[] = {
		"Æble ApS", "Smith; J", "\"citat\"", "to\nlinjer", "", "<script>\"'&", "a,b", "ø",
		"=HYPERLINK(\"x\")", "@SUM(1+1)", "+45 12 34 56 78", "-5", "-1,5", "\tfane", "'citeret",
	};
	struct arena a;
	arena_init(&a, 0);
	for (int d = 0; d < 2; d++) {
		char delim = d ? ',' : ';';
		struct buf o;
		buf_init(&o, 0);
		/* a header line that makes the delimiter unambiguous, then the fields */
		buf_printf(&o, "x%cy%cz\n", delim, delim);
		for (size_t i = 0; i < N_OF(fields); i++) {
			if (i)
				buf_putc(&o, delim);
			csv_write_field(&o, fields[i], delim);
		}
		buf_puts(&o, "\r\n");
		struct csv c;
		struct csv_record rec;
		csv_open(&c, buf_str(&o), o.len);
		assert_int_equal(c.delim, delim);
		assert_int_equal(csv_next(&c, &a, &rec), 1);
		assert_int_equal(csv_next(&c, &a, &rec), 1);
		assert_int_equal(rec.line, 2);
		assert_int_equal(rec.n, (int)N_OF(fields));
		for (size_t i = 0; i < N_OF(fields); i++)
			assert_string_equal(rec.f[i], fields[i]);
		assert_int_equal(csv_next(&c, &a, &rec), 0);
		buf_free(&o);
	}
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_reads),
		cmocka_unit_test(test_csv_errors),
		cmocka_unit_test(test_csv_error_stops_reading),
		cmocka_unit_test(test_csv_field_count_limit),
		cmocka_unit_test(test_csv_field_length_limit),
		cmocka_unit_test(test_csv_field_ok),
		cmocka_unit_test(test_csv_write_field),
		cmocka_unit_test(test_csv_out),
		cmocka_unit_test(test_csv_roundtrip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
