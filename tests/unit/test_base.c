/*
 * test_base.c — the base layer: the arena (zeroed, aligned allocations, string copies, reuse
 * after free), the capped buffer (appends, printf, the cap that drops data and sticks, steal,
 * reset), the UTF-8 and text helpers of text.h, field errors (errs.h) and err_str().
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/base/arena.h"
#include "src/base/buf.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/base/text.h"

#define N_OF(x) (sizeof(x) / sizeof((x)[0]))

static bool all_zero(const void *p, size_t n)
{
	const unsigned char *c = p;
	for (size_t i = 0; i < n; i++)
		if (c[i])
			return false;
	return true;
}

/* an arena per test, freed in the teardown so a failed assertion leaks nothing */
static int arena_setup(void **state)
{
	static struct arena a;
	arena_init(&a, 0);
	*state = &a;
	return 0;
}

static int arena_teardown(void **state)
{
	arena_free(*state);
	return 0;
}

/* ---------------------------------------------------------------- arena */

static void test_arena_alloc_zeroed_aligned(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	static const size_t sizes[] = {0, 1, 7, 16, 17, 100, 8191, 8192, 20000};
	for (size_t i = 0; i < N_OF(sizes); i++) {
		unsigned char *p = arena_alloc(&a, sizes[i]);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		assert_true(all_zero(p, sizes[i]));
		memset(p, 0xAB, sizes[i]); /* dirty it: the next allocation must still come zeroed */
	}
	/* two allocations never overlap */
	char *x = arena_alloc(&a, 10), *y = arena_alloc(&a, 10);
	assert_true(y >= x + 10 || x >= y + 10);
	arena_free(&a);
}

static void test_arena_used_total(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	assert_int_equal(a.used_total, 0);
	arena_alloc(&a, 1);
	assert_int_equal(a.used_total, sizeof(max_align_t)); /* rounded up to the alignment */
	arena_alloc(&a, sizeof(max_align_t) + 1);
	assert_int_equal(a.used_total, 3 * sizeof(max_align_t));
	arena_free(&a);
	assert_int_equal(a.used_total, 0);
	assert_null(a.head);
}

static void test_arena_free_and_reuse(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	for (int round = 0; round < 3; round++) {
		char *p = arena_alloc(&a, 5000);
		assert_true(all_zero(p, 5000));
		memset(p, 'x', 5000);
		char *s = arena_strdup(&a, "genbrug");
		assert_string_equal(s, "genbrug");
		arena_free(&a);
		assert_null(a.head);
	}
	/* freeing an empty arena twice is harmless */
	arena_free(&a);
	arena_free(&a);
}

static void test_arena_strings(void **state)
{
	struct arena *a = *state;
	const char *src = "Ærø Køkken";
	char *d = arena_strdup(a, src);
	assert_string_equal(d, src);
	assert_ptr_not_equal(d, src);
	assert_null(arena_strdup(a, NULL));
	assert_null(arena_strndup(a, NULL, 3));
	assert_string_equal(arena_strndup(a, "abcdef", 3), "abc");
	assert_string_equal(arena_strndup(a, "abcdef", 0), "");
	assert_string_equal(arena_strdup(a, ""), "");
	/* strndup copies exactly n bytes, even past an embedded NUL */
	char *bin = arena_strndup(a, "a\0b", 3);
	assert_memory_equal(bin, "a\0b\0", 4);
	assert_string_equal(arena_printf(a, "%s-%d-%05.1f", "kode", 621, 3.14159), "kode-621-003.1");
	assert_string_equal(arena_printf(a, "%s", ""), "");
	/* a result longer than a chunk */
	char *big = arena_printf(a, "%20000d", 7);
	assert_int_equal(strlen(big), 20000);
	assert_int_equal(big[19999], '7');
}

/* ---------------------------------------------------------------- buf */

static void test_buf_empty(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(b.cap, BUF_DEFAULT_CAP);
	assert_int_equal(b.len, 0);
	assert_null(b.data);
	assert_false(b.failed);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(buf_append(&b, "", 0), 0);
	assert_string_equal(buf_str(&b), "");
	buf_free(&b);
	assert_null(b.data);
}

static void test_buf_append(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(buf_puts(&b, "Kold"), 0);
	assert_int_equal(buf_putc(&b, 'i'), 0);
	assert_int_equal(buf_append(&b, "ngzzz", 2), 0);
	assert_string_equal(buf_str(&b), "Kolding");
	assert_int_equal(b.len, 7);
	/* bytes with a NUL among them are kept, and the buffer stays NUL-terminated */
	assert_int_equal(buf_append(&b, "\0æ", 3), 0);
	assert_int_equal(b.len, 10);
	assert_memory_equal(b.data, "Kolding\0æ\0", 11);
	/* growth across several reallocations keeps every byte */
	buf_reset(&b);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(buf_putc(&b, (char)('a' + i % 26)), 0);
	assert_int_equal(b.len, 1000);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(b.data[i], 'a' + i % 26);
	assert_int_equal(b.data[1000], '\0');
	buf_free(&b);
}

static void test_buf_printf(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(buf_printf(&b, "%s=%d", "kode", 621), 0);
	assert_int_equal(buf_printf(&b, ";%03d;%s", 7, ""), 0);
	assert_string_equal(buf_str(&b), "kode=621;007;");
	assert_int_equal(b.len, strlen("kode=621;007;"));
	/* a long formatted piece forces a reallocation mid-printf */
	assert_int_equal(buf_printf(&b, "%1000s|", "x"), 0);
	assert_int_equal(b.len, 13 + 1001);
	assert_int_equal(b.data[b.len - 1], '|');
	assert_int_equal(b.data[b.len - 2], 'x');
	buf_free(&b);
}

static void test_buf_cap(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 8);
	assert_int_equal(buf_puts(&b, "12345"), 0);
	/* 5 + 4 > 8: refused, nothing of it written, failed set */
	assert_int_equal(buf_puts(&b, "6789"), ERR_NOMEM);
	assert_true(b.failed);
	assert_int_equal(b.len, 5);
	assert_string_equal(buf_str(&b), "12345");
	/* failed sticks: even a byte that would fit is dropped */
	assert_int_equal(buf_putc(&b, 'x'), ERR_NOMEM);
	assert_int_equal(buf_printf(&b, "%d", 1), ERR_NOMEM);
	assert_int_equal(b.len, 5);
	assert_string_equal(buf_str(&b), "12345");
	/* reset clears the flag and the contents, and the buffer works again */
	buf_reset(&b);
	assert_false(b.failed);
	assert_int_equal(b.len, 0);
	assert_string_equal(buf_str(&b), "");
	/* exactly the cap fits */
	assert_int_equal(buf_puts(&b, "12345678"), 0);
	assert_int_equal(b.len, 8);
	assert_string_equal(buf_str(&b), "12345678");
	assert_false(b.failed);
	assert_int_equal(buf_putc(&b, '9'), ERR_NOMEM);
	assert_true(b.failed);
	buf_free(&b);
}

static void test_buf_printf_cap(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 10);
	assert_int_equal(buf_printf(&b, "%s", "abc"), 0);
	assert_int_equal(buf_printf(&b, "%08d", 42), ERR_NOMEM); /* 3 + 8 > 10 */
	assert_true(b.failed);
	assert_int_equal(b.len, 3);
	assert_string_equal(buf_str(&b), "abc");
	buf_free(&b);
}

static void test_buf_steal(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 100);
	buf_puts(&b, "stjålet");
	size_t len = 0;
	char *p = buf_steal(&b, &len);
	assert_string_equal(p, "stjålet");
	assert_int_equal(len, strlen("stjålet"));
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.alloc, 0);
	assert_string_equal(buf_str(&b), "");
	free(p);
	/* the emptied buf keeps its cap and can be used again */
	assert_int_equal(b.cap, 100);
	assert_int_equal(buf_puts(&b, "igen"), 0);
	assert_string_equal(buf_str(&b), "igen");
	buf_free(&b);
	/* stealing from an empty buf gives an empty string of its own, never NULL */
	buf_init(&b, 0);
	len = 99;
	p = buf_steal(&b, &len);
	assert_non_null(p);
	assert_string_equal(p, "");
	assert_int_equal(len, 0);
	free(p);
	p = buf_steal(&b, NULL);
	assert_string_equal(p, "");
	free(p);
}

/* ---------------------------------------------------------------- UTF-8 */

static const struct {
	const char *s;
	size_t n;
	bool valid;
	const char *what;
} utf8_cases[] = {
	{"", 0, true, "empty"},
	{"abc", 3, true, "ASCII"},
	{"\x7f", 1, true, "DEL is ASCII"},
	{"\xc3\xa6\xc3\xb8\xc3\xa5", 6, true, "æøå"},
	{"\xc3\x86\xc3\x98\xc3\x85", 6, true, "ÆØÅ"},
	{"\xe2\x82\xac", 3, true, "euro sign"},
	{"\xf0\x9d\x84\x9e", 4, true, "G clef, four bytes"},
	{"\xf4\x8f\xbf\xbf", 4, true, "U+10FFFF, the last code point"},
	{"\xed\x9f\xbf", 3, true, "U+D7FF, just below the surrogates"},
	{"\xee\x80\x80", 3, true, "U+E000, just above the surrogates"},
	{"\xc2\x80", 2, true, "U+0080, shortest two-byte"},
	{"\xe0\xa0\x80", 3, true, "U+0800, shortest three-byte"},
	{"\xf0\x90\x80\x80", 4, true, "U+10000, shortest four-byte"},
	{"\xc0\xaf", 2, false, "overlong '/' in two bytes (C0)"},
	{"\xc1\xbf", 2, false, "overlong in two bytes (C1)"},
	{"\xe0\x80\xaf", 3, false, "overlong '/' in three bytes"},
	{"\xe0\x9f\xbf", 3, false, "overlong U+07FF in three bytes"},
	{"\xf0\x80\x80\xaf", 4, false, "overlong '/' in four bytes"},
	{"\xf0\x8f\xbf\xbf", 4, false, "overlong U+FFFF in four bytes"},
	{"\xed\xa0\x80", 3, false, "high surrogate U+D800"},
	{"\xed\xbf\xbf", 3, false, "low surrogate U+DFFF"},
	{"\xed\xa0\xbd\xed\xb2\xa9", 6, false, "a surrogate pair as CESU-8"},
	{"\xf4\x90\x80\x80", 4, false, "U+110000, beyond Unicode"},
	{"\xf5\x80\x80\x80", 4, false, "F5 lead byte"},
	{"\xff", 1, false, "FF"},
	{"\xfe", 1, false, "FE"},
	{"\x80", 1, false, "a lone continuation byte"},
	{"a\xbf", 2, false, "a continuation byte after ASCII"},
	{"\xc3", 1, false, "two-byte sequence cut after the lead"},
	{"\xe2\x82", 2, false, "three-byte sequence cut short"},
	{"\xf0\x9d\x84", 3, false, "four-byte sequence cut short"},
	{"\xc3(", 2, false, "lead followed by ASCII"},
	{"\xe2\x28\xa1", 3, false, "bad second byte of three"},
	{"\xf0\x9d\x84(", 4, false, "bad last byte of four"},
	{"\xe6\x96\x87x\xe5", 5, false, "valid then cut"},
	{"a\0b", 3, false, "NUL inside"},
	{"\0", 1, false, "only NUL"},
	{"\xc3\xa6", 1, false, "æ cut by n"},
	{"abc", 2, true, "n shorter than the string"},
	{"\xc0\x80", 2, false, "overlong NUL"},
};

static void test_utf8_valid(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_OF(utf8_cases); i++)
		if (utf8_valid(utf8_cases[i].s, utf8_cases[i].n) != utf8_cases[i].valid)
			fail_msg("utf8_valid case %zu (%s): expected %s", i, utf8_cases[i].what,
			         utf8_cases[i].valid ? "valid" : "invalid");
}

static void test_utf8_len(void **state)
{
	(void)state;
	assert_int_equal(utf8_len(""), 0);
	assert_int_equal(utf8_len("abc"), 3);
	assert_int_equal(utf8_len("æøå"), 3);
	assert_int_equal(utf8_len("Ærø Køkken"), 10);
	assert_int_equal(utf8_len("\xf0\x9d\x84\x9e!"), 2);
}

/* ---------------------------------------------------------------- text */

static void test_text_trim(void **state)
{
	struct arena *a = *state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"", ""},
		{"   ", ""},
		{"a", "a"},
		{"  a", "a"},
		{"a  ", "a"},
		{" \t\r\n a b \t\r\n ", "a b"},
		{"  æ ø  å ", "æ ø  å"},
		{"\v\fx\v\f", "x"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		char *t = text_trim(a, cases[i].in);
		if (!t || strcmp(t, cases[i].out) != 0)
			fail_msg("text_trim case %zu: '%s', expected '%s'", i, t ? t : "(null)",
			         cases[i].out);
	}
	assert_null(text_trim(a, NULL));
	/* the result is a copy, not the input shifted */
	const char *in = "ingen";
	assert_ptr_not_equal(text_trim(a, in), in);
}

static void test_text_email_valid(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		bool valid;
	} cases[] = {
		{"navn@kommune.dk", true},
		{"a@b.c", true},
		{"Fornavn.Efternavn+tag@sub.kolding.dk", true},
		{"NAVN@KOLDING.DK", true},
		{"", false},
		{"a@", false},
		{"navn", false},
		{"@kommune.dk", false},
		{"navn@", false},
		{"navn@kommune", false},
		{"navn@.dk", false},
		{"navn@kommune.", false},
		{"navn@kommune.dk.", false},
		{"a@b@c.dk", false},
		{"na vn@kommune.dk", false},
		{" navn@kommune.dk", false},
		{"navn@kommune.dk\n", false},
		{"navn@kom\tmune.dk", false},
		{"navn@kommune.dk\x7f", false},
		{"<navn@kommune.dk>", false},
		{"a,b@kommune.dk", false},
		{"navn.kommune.dk", false},
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		if (text_email_valid(cases[i].s) != cases[i].valid)
			fail_msg("text_email_valid(\"%s\"): expected %s", cases[i].s,
			         cases[i].valid ? "valid" : "invalid");
	assert_false(text_email_valid(NULL));

	/* 254 bytes is the most an address may have */
	char addr[300];
	memset(addr, 'a', sizeof(addr));
	memcpy(addr + 254 - strlen("@kommune.dk"), "@kommune.dk", strlen("@kommune.dk"));
	addr[254] = '\0';
	assert_int_equal(strlen(addr), 254);
	assert_true(text_email_valid(addr));
	memmove(addr + 1, addr, 255);
	assert_int_equal(strlen(addr), 255);
	assert_false(text_email_valid(addr));
}

static void test_text_lower_ascii(void **state)
{
	struct arena *a = *state;
	assert_string_equal(text_lower_ascii(a, "NaVn@KOLDING.dk"), "navn@kolding.dk");
	assert_string_equal(text_lower_ascii(a, "ÆØÅ@X.DK"), "ÆØÅ@x.dk"); /* only ASCII */
	assert_string_equal(text_lower_ascii(a, ""), "");
	assert_null(text_lower_ascii(a, NULL));
}

static void test_text_is_digits(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t n;
		bool ok;
	} cases[] = {
		{"621", 3, true},  {"000", 3, true},  {"", 0, true},     {"62", 3, false},
		{"6210", 3, false}, {"62a", 3, false}, {" 62", 3, false}, {"-62", 3, false},
		{"٦٢١", 3, false},  {"12345678", 8, true}, {"1234567", 8, false},
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		if (text_is_digits(cases[i].s, cases[i].n) != cases[i].ok)
			fail_msg("text_is_digits(\"%s\", %zu): expected %d", cases[i].s, cases[i].n,
			         cases[i].ok);
	assert_false(text_is_digits(NULL, 3));
	assert_false(text_is_digits(NULL, 0));
}

static void test_text_parse_int(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		long long min, max;
		int rc;
		long long value;
	} cases[] = {
		{"0", 0, 10, 0, 0},
		{"10", 0, 10, 0, 10},
		{"11", 0, 10, ERR_INVALID, 0},
		{"-1", 0, 10, ERR_INVALID, 0},
		{"-5", -10, 10, 0, -5},
		{"-10", -10, 10, 0, -10},
		{"-11", -10, 10, ERR_INVALID, 0},
		{"007", 0, 10, 0, 7},
		{"-0", -1, 1, 0, 0},
		{"", 0, 10, ERR_INVALID, 0},
		{"-", -10, 10, ERR_INVALID, 0},
		{"--5", -10, 10, ERR_INVALID, 0},
		{"+5", 0, 10, ERR_INVALID, 0},
		{" 5", 0, 10, ERR_INVALID, 0},
		{"5 ", 0, 10, ERR_INVALID, 0},
		{"5x", 0, 10, ERR_INVALID, 0},
		{"x5", 0, 10, ERR_INVALID, 0},
		{"0x10", 0, 100, ERR_INVALID, 0},
		{"1e3", 0, 10000, ERR_INVALID, 0},
		{"1.5", 0, 10, ERR_INVALID, 0},
		{"١", 0, 10, ERR_INVALID, 0},
		{"9223372036854775807", LLONG_MIN, LLONG_MAX, 0, LLONG_MAX},
		{"-9223372036854775808", LLONG_MIN, LLONG_MAX, 0, LLONG_MIN},
		{"9223372036854775808", LLONG_MIN, LLONG_MAX, ERR_INVALID, 0},
		{"-9223372036854775809", LLONG_MIN, LLONG_MAX, ERR_INVALID, 0},
		{"99999999999999999999999", LLONG_MIN, LLONG_MAX, ERR_INVALID, 0},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		long long out = 4242;
		int rc = text_parse_int(cases[i].s, cases[i].min, cases[i].max, &out);
		if (rc != cases[i].rc)
			fail_msg("text_parse_int(\"%s\", %lld, %lld): rc %d, expected %d", cases[i].s,
			         cases[i].min, cases[i].max, rc, cases[i].rc);
		/* the output is written only on success */
		long long want = cases[i].rc == 0 ? cases[i].value : 4242;
		if (out != want)
			fail_msg("text_parse_int(\"%s\"): out %lld, expected %lld", cases[i].s, out, want);
	}
	long long out = 1;
	assert_int_equal(text_parse_int(NULL, 0, 10, &out), ERR_INVALID);
	assert_int_equal(out, 1);
}

static void test_text_date_valid(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		bool ok;
	} cases[] = {
		{"2026-11-26", true},  {"2024-02-29", true},  {"2023-02-29", false},
		{"2000-02-29", true},  {"2100-02-29", false}, {"1800-01-01", true},
		{"1799-12-31", false}, {"2200-12-31", true},  {"2201-01-01", false},
		{"2026-00-10", false}, {"2026-13-10", false}, {"2026-06-31", false},
		{"2026-06-00", false}, {"2026-6-30", false},  {"26.11.2026", false},
		{"2026/11/26", false}, {"2026-11-26T", false}, {"", false},
		{"2O26-11-26", false},
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		if (text_date_valid(cases[i].s) != cases[i].ok)
			fail_msg("text_date_valid(\"%s\"): expected %d", cases[i].s, cases[i].ok);
	assert_false(text_date_valid(NULL));
}

static void test_text_date_dk(void **state)
{
	struct arena *a = *state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"2026-11-26", "26.11.2026"},
		{"2015-01-02", "02.01.2015"},
		{"2026-11-26T10:11:12Z", "26.11.2026"}, /* a timestamp shows its day */
		{"2026-11-26 10:11", "26.11.2026"},
		/* not dates: returned unchanged */
		{"", ""},
		{"26.11.2026", "26.11.2026"},
		{"2026-1-2", "2026-1-2"},
		{"2026/11/26", "2026/11/26"},
		{"ukendt", "ukendt"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		const char *r = text_date_dk(a, cases[i].in);
		if (!r || strcmp(r, cases[i].out) != 0)
			fail_msg("text_date_dk(\"%s\") = \"%s\", expected \"%s\"", cases[i].in,
			         r ? r : "(null)", cases[i].out);
	}
	const char *same = "ikke en dato";
	assert_ptr_equal(text_date_dk(a, same), same);
	assert_null(text_date_dk(a, NULL));
}

/* months in Danish words, as the advisory page names them */
static void test_text_month_dk(void **state)
{
	struct arena *a = *state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"2025-12", "december 2025"},
		{"2015-01", "januar 2015"},
		{"2015-05-17", "maj 2015"}, /* a date shows its month */
		/* not months: returned unchanged */
		{"2015-13", "2015-13"},
		{"2015-00", "2015-00"},
		{"15-01", "15-01"},
		{"2015/01", "2015/01"},
		{"", ""},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		const char *r = text_month_dk(a, cases[i].in);
		if (!r || strcmp(r, cases[i].out) != 0)
			fail_msg("text_month_dk(\"%s\") = \"%s\", expected \"%s\"", cases[i].in,
			         r ? r : "(null)", cases[i].out);
	}
	assert_null(text_month_dk(a, NULL));
	int y = 0, m = 0;
	assert_true(text_month_valid("2015-09", &y, &m));
	assert_int_equal(y, 2015);
	assert_int_equal(m, 9);
	assert_false(text_month_valid("2015-9", &y, &m));
	assert_false(text_month_valid("1799-01", &y, &m));
	assert_false(text_month_valid("2015-01-01", &y, &m));
	assert_false(text_month_valid(NULL, &y, &m));
}

/* text in the shape of a date but without its digits is not a date: returned unchanged */
static void test_text_date_dk_needs_digits(void **state)
{
	struct arena *a = *state;
	static const char *cases[] = {"abcd-ef-gh", "2026-xx-26", "20a6-11-26", "2026-11-2b"};
	for (size_t i = 0; i < N_OF(cases); i++) {
		const char *r = text_date_dk(a, cases[i]);
		if (strcmp(r, cases[i]) != 0)
			fail_msg("text_date_dk(\"%s\") = \"%s\", expected it unchanged", cases[i], r);
	}
}

/* ---------------------------------------------------------------- errs */

static void test_errs(void **state)
{
	(void)state;
	struct errs e = {0};
	assert_null(errs_get(&e, "email"));
	assert_int_equal(errs_add(&e, "email", "Forkert e-mail."), ERR_INVALID);
	assert_int_equal(errs_add(&e, NULL, "Hele formularen."), ERR_INVALID);
	assert_int_equal(errs_add(&e, "email", "Anden besked."), ERR_INVALID);
	assert_int_equal(errs_add(&e, "kommune", "Ukendt kommune."), ERR_INVALID);
	assert_int_equal(e.n, 4);
	/* the first message of a field wins */
	assert_string_equal(errs_get(&e, "email"), "Forkert e-mail.");
	assert_string_equal(errs_get(&e, "kommune"), "Ukendt kommune.");
	assert_null(errs_get(&e, "password"));
	/* a form-level error has no field and is not found by a field name or NULL */
	assert_null(errs_get(&e, NULL));
	assert_null(e.e[1].field);
	assert_string_equal(e.e[1].message, "Hele formularen.");
	/* NULL errs: no crash, still ERR_INVALID */
	assert_int_equal(errs_add(NULL, "x", "y"), ERR_INVALID);
	assert_null(errs_get(NULL, "x"));
}

static void test_errs_cap(void **state)
{
	(void)state;
	struct errs e = {0};
	for (int i = 0; i < ERRS_MAX + 5; i++)
		assert_int_equal(errs_add(&e, i == ERRS_MAX + 2 ? "sen" : "felt", "besked"),
		                 ERR_INVALID);
	assert_int_equal(e.n, ERRS_MAX);
	assert_null(errs_get(&e, "sen")); /* dropped past the cap */
	assert_string_equal(errs_get(&e, "felt"), "besked");
}

static void test_err_str(void **state)
{
	(void)state;
	static const struct {
		int code;
		const char *s;
	} cases[] = {
		{ERR_OK, "ok"},
		{ERR_NOMEM, "out of memory or over a size limit"},
		{ERR_DB, "database error"},
		{ERR_NOTFOUND, "not found"},
		{ERR_CONFLICT, "conflict"},
		{ERR_INVALID, "invalid input"},
		{ERR_FORBIDDEN, "forbidden"},
		{ERR_IO, "input/output error"},
		{ERR_BUSY, "busy, try again later"},
		{ERR_AUTH, "not authenticated"},
		{ERR_TOOBIG, "too large"},
		{-999, "unknown error"},
		{1, "unknown error"},
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		assert_string_equal(err_str(cases[i].code), cases[i].s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena_alloc_zeroed_aligned),
		cmocka_unit_test(test_arena_used_total),
		cmocka_unit_test(test_arena_free_and_reuse),
		cmocka_unit_test_setup_teardown(test_arena_strings, arena_setup, arena_teardown),
		cmocka_unit_test(test_buf_empty),
		cmocka_unit_test(test_buf_append),
		cmocka_unit_test(test_buf_printf),
		cmocka_unit_test(test_buf_cap),
		cmocka_unit_test(test_buf_printf_cap),
		cmocka_unit_test(test_buf_steal),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_len),
		cmocka_unit_test_setup_teardown(test_text_trim, arena_setup, arena_teardown),
		cmocka_unit_test(test_text_email_valid),
		cmocka_unit_test_setup_teardown(test_text_lower_ascii, arena_setup, arena_teardown),
		cmocka_unit_test(test_text_is_digits),
		cmocka_unit_test(test_text_parse_int),
		cmocka_unit_test(test_text_date_valid),
		cmocka_unit_test_setup_teardown(test_text_date_dk, arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_text_month_dk, arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_text_date_dk_needs_digits, arena_setup,
		                                arena_teardown),
		cmocka_unit_test(test_errs),
		cmocka_unit_test(test_errs_cap),
		cmocka_unit_test(test_err_str),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
