/*
 * test_urlenc.c — the parsers for what clients send (src/http/urlenc.h): urlencoded forms and query
 * strings ('+', %XX, invalid escapes kept, empty values, missing '=', fields that decode to NUL
 * or invalid UTF-8 dropped, the URLENC_MAX_FIELDS cap), Cookie headers (spaces, quotes, missing
 * '=', empty and NULL headers) and percent-decoding itself.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "src/base/arena.h"
#include "src/base/buf.h"
#include "src/http/urlenc.h"
#include "src/http/req.h"

#define N_OF(x) (sizeof(x) / sizeof((x)[0]))
#define MAX_PAIRS 4

struct form_case {
	const char *in;
	int n;                        /* expected number of fields */
	const char *pairs[MAX_PAIRS][2];
};

static int setup(void **state)
{
	static struct arena a;
	arena_init(&a, 0);
	*state = &a;
	return 0;
}

static int teardown(void **state)
{
	arena_free(*state);
	return 0;
}

static int kv_count(const struct kv *list)
{
	int n = 0;
	while (list[n].name)
		n++;
	return n;
}

/* compares a parsed list with a case; which says what parsed it, for the message */
static void expect_list(const char *which, size_t i, const struct kv *list,
                        const struct form_case *c)
{
	assert_non_null(list);
	int n = kv_count(list);
	if (n != c->n)
		fail_msg("%s case %zu (%s): %d fields, expected %d", which, i, c->in ? c->in : "NULL",
		         n, c->n);
	assert_null(list[n].value);
	for (int k = 0; k < n; k++)
		if (strcmp(list[k].name, c->pairs[k][0]) || strcmp(list[k].value, c->pairs[k][1]))
			fail_msg("%s case %zu (%s) field %d: %s=%s, expected %s=%s", which, i, c->in, k,
			         list[k].name, list[k].value, c->pairs[k][0], c->pairs[k][1]);
}

static void run_form_cases(struct arena *a, const struct form_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++)
		expect_list("urlenc_parse", i, urlenc_parse(a, cases[i].in, strlen(cases[i].in)), &cases[i]);
}

static void test_urlenc_parse_plain(void **state)
{
	static const struct form_case cases[] = {
		{"", 0, {{0}}},
		{"a=1", 1, {{"a", "1"}}},
		{"a=1&b=2", 2, {{"a", "1"}, {"b", "2"}}},
		{"a=1&a=2", 2, {{"a", "1"}, {"a", "2"}}},
		{"navn=Ærø", 1, {{"navn", "Ærø"}}},
		{"a=1=2", 1, {{"a", "1=2"}}},
		/* hostile text is kept as it is: escaping is the writer's job */
		{"navn=%3Cscript%3E%22%27%26", 1, {{"navn", "<script>\"'&"}}},
	};
	run_form_cases(*state, cases, N_OF(cases));
}

static void test_urlenc_parse_plus_and_escapes(void **state)
{
	static const struct form_case cases[] = {
		/* '+' is a space in names and values; an encoded plus stays a plus */
		{"q=hej+med+dig", 1, {{"q", "hej med dig"}}},
		{"a+b=c", 1, {{"a b", "c"}}},
		{"a=%2B1", 1, {{"a", "+1"}}},
		/* percent escapes, upper and lower case hex, in names too */
		{"navn=%C3%A6%C3%B8%C3%A5", 1, {{"navn", "æøå"}}},
		{"navn=%c3%a6", 1, {{"navn", "æ"}}},
		{"%6E%61vn=x", 1, {{"navn", "x"}}},
		{"a=%26&b=%3D", 2, {{"a", "&"}, {"b", "="}}},
	};
	run_form_cases(*state, cases, N_OF(cases));
}

static void test_urlenc_parse_invalid_escapes(void **state)
{
	/* invalid escapes are kept literally */
	static const struct form_case cases[] = {
		{"a=%zz", 1, {{"a", "%zz"}}},
		{"a=%4", 1, {{"a", "%4"}}},
		{"a=%", 1, {{"a", "%"}}},
		{"a=100%", 1, {{"a", "100%"}}},
		{"a=%g1&b=%1g", 2, {{"a", "%g1"}, {"b", "%1g"}}},
		{"a=%%41", 1, {{"a", "%A"}}},
		{"%=1", 1, {{"%", "1"}}},
	};
	run_form_cases(*state, cases, N_OF(cases));
}

static void test_urlenc_parse_empty(void **state)
{
	static const struct form_case cases[] = {
		/* empty values and a missing '=' give "" */
		{"a=", 1, {{"a", ""}}},
		{"a", 1, {{"a", ""}}},
		{"a&b=2", 2, {{"a", ""}, {"b", "2"}}},
		/* empty names and empty pieces are skipped */
		{"=v", 0, {{0}}},
		{"=", 0, {{0}}},
		{"=v&a=1", 1, {{"a", "1"}}},
		{"&&a=1&&", 1, {{"a", "1"}}},
		{"&", 0, {{0}}},
	};
	run_form_cases(*state, cases, N_OF(cases));
}

static void test_urlenc_parse_drops(void **state)
{
	static const struct form_case cases[] = {
		/* a decoded NUL would cut the string short: the field is dropped */
		{"a=%00", 0, {{0}}},
		{"a=x%00y&b=2", 1, {{"b", "2"}}},
		{"%00=1&b=2", 1, {{"b", "2"}}},
		/* invalid UTF-8 after decoding drops the field, raw or escaped */
		{"a=%FF&b=2", 1, {{"b", "2"}}},
		{"a=%C3&b=%C3%A6", 1, {{"b", "æ"}}},
		{"a=%C0%AF", 0, {{0}}},
		{"a=%ED%A0%80", 0, {{0}}},
		{"a=\xff", 0, {{0}}},
		{"\xc3=1&b=2", 1, {{"b", "2"}}},
	};
	run_form_cases(*state, cases, N_OF(cases));
}

static void test_urlenc_parse_length(void **state)
{
	struct arena *a = *state;
	/* only n bytes are read: no terminating NUL is needed */
	static const char body[] = "a=1&b=2XYZ";
	struct kv *l = urlenc_parse(a, body, 7);
	assert_int_equal(kv_count(l), 2);
	assert_string_equal(l[1].value, "2");
	l = urlenc_parse(a, body, 3);
	assert_int_equal(kv_count(l), 1);
	assert_string_equal(l[0].value, "1");
	/* an escape cut by n is not decoded past it */
	l = urlenc_parse(a, "a=%41", 4);
	assert_int_equal(kv_count(l), 1);
	assert_string_equal(l[0].value, "%4");
	l = urlenc_parse(a, "ignored", 0);
	assert_int_equal(kv_count(l), 0);
}

/* "f0=0&f1=1&..." with n fields */
static const char *many_fields(struct arena *a, int n)
{
	struct buf b;
	buf_init(&b, 0);
	for (int i = 0; i < n; i++)
		buf_printf(&b, "%sf%d=%d", i ? "&" : "", i, i);
	char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

static void test_urlenc_parse_cap(void **state)
{
	struct arena *a = *state;
	static const struct {
		int fields, kept;
	} cases[] = {
		{1, 1},
		{URLENC_MAX_FIELDS - 1, URLENC_MAX_FIELDS - 1},
		{URLENC_MAX_FIELDS, URLENC_MAX_FIELDS},
		{URLENC_MAX_FIELDS + 1, URLENC_MAX_FIELDS},
		{1000, URLENC_MAX_FIELDS},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		const char *s = many_fields(a, cases[i].fields);
		struct kv *l = urlenc_parse(a, s, strlen(s));
		assert_int_equal(kv_count(l), cases[i].kept);
		/* the first ones are kept, in order */
		for (int k = 0; k < cases[i].kept; k++) {
			char name[16];
			snprintf(name, sizeof(name), "f%d", k);
			assert_string_equal(l[k].name, name);
		}
	}
	/* dropped fields do not use up the cap */
	struct buf b;
	buf_init(&b, 0);
	for (int i = 0; i < 50; i++)
		buf_puts(&b, "bad=%00&");
	buf_puts(&b, "ok=1");
	struct kv *l = urlenc_parse(a, buf_str(&b), b.len);
	assert_int_equal(kv_count(l), 1);
	assert_string_equal(l[0].name, "ok");
	buf_free(&b);
}

static const struct form_case cookie_cases[] = {
	{"", 0, {{0}}},
	{"a=1", 1, {{"a", "1"}}},
	{"a=1; b=2", 2, {{"a", "1"}, {"b", "2"}}},
	{"a=1;b=2", 2, {{"a", "1"}, {"b", "2"}}},
	{"   a=1   ;   b=2   ", 2, {{"a", "1"}, {"b", "2"}}},
	{"\ta=1;\tb=2\t", 2, {{"a", "1"}, {"b", "2"}}},
	{";;; a=1 ;; ", 1, {{"a", "1"}}},
	/* quotes around a value are removed, only as a pair */
	{"a=\"x y\"", 1, {{"a", "x y"}}},
	{"a=\"\"", 1, {{"a", ""}}},
	{"a=\"", 1, {{"a", "\""}}},
	{"a=\"x", 1, {{"a", "\"x"}}},
	{"a=x\"", 1, {{"a", "x\""}}},
	/* a piece without '=' or with an empty name is skipped */
	{"flag", 0, {{0}}},
	{"flag; a=1", 1, {{"a", "1"}}},
	{"=v; a=1", 1, {{"a", "1"}}},
	{"a=1; flag; b=2", 2, {{"a", "1"}, {"b", "2"}}},
	/* empty values, '=' inside values, no decoding */
	{"a=; b=2", 2, {{"a", ""}, {"b", "2"}}},
	{"a=b=c", 1, {{"a", "b=c"}}},
	{"a=%41+b", 1, {{"a", "%41+b"}}},
	{"indgang_session=abc_-XYZ; indgang_csrf=q", 2,
	 {{"indgang_session", "abc_-XYZ"}, {"indgang_csrf", "q"}}},
};

static void test_urlenc_cookies(void **state)
{
	struct arena *a = *state;
	for (size_t i = 0; i < N_OF(cookie_cases); i++)
		expect_list("urlenc_cookies", i, urlenc_cookies(a, cookie_cases[i].in), &cookie_cases[i]);
	struct kv *l = urlenc_cookies(a, NULL);
	assert_non_null(l);
	assert_null(l[0].name);
}

static void test_urlenc_cookies_cap(void **state)
{
	struct arena *a = *state;
	struct buf b;
	buf_init(&b, 0);
	for (int i = 0; i < URLENC_MAX_FIELDS + 50; i++)
		buf_printf(&b, "c%d=%d; ", i, i);
	struct kv *l = urlenc_cookies(a, buf_str(&b));
	assert_int_equal(kv_count(l), URLENC_MAX_FIELDS);
	assert_string_equal(l[0].name, "c0");
	assert_string_equal(l[URLENC_MAX_FIELDS - 1].name, "c199");
	buf_free(&b);
}

static void test_urlenc_decode(void **state)
{
	struct arena *a = *state;
	static const struct {
		const char *in;
		int plus;
		const char *out;
		size_t len;
	} cases[] = {
		{"", 1, "", 0},
		{"abc", 1, "abc", 3},
		{"a+b", 1, "a b", 3},
		{"a+b", 0, "a+b", 3},
		{"%41%42", 0, "AB", 2},
		{"%c3%a6", 0, "æ", 2},
		{"%C3%A6", 1, "æ", 2},
		{"%2B", 1, "+", 1},
		{"%20", 0, " ", 1},
		{"%", 1, "%", 1},
		{"%4", 1, "%4", 2},
		{"%zz", 1, "%zz", 3},
		{"%%41", 1, "%A", 2},
		{"%4%41", 1, "%4A", 3},
		{"50%+", 1, "50% ", 4},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		size_t len = 999;
		char *r = urlenc_decode(a, cases[i].in, strlen(cases[i].in), cases[i].plus, &len);
		if (strcmp(r, cases[i].out) != 0 || len != cases[i].len)
			fail_msg("urlenc_decode case %zu (%s): got \"%s\" (%zu), expected \"%s\" (%zu)", i,
			         cases[i].in, r, len, cases[i].out, cases[i].len);
	}
	/* a decoded NUL is kept and counted: out_len tells the caller */
	size_t len = 0;
	char *r = urlenc_decode(a, "a%00b", 5, 0, &len);
	assert_int_equal(len, 3);
	assert_memory_equal(r, "a\0b", 4);
	/* only n bytes are read; out_len may be NULL */
	r = urlenc_decode(a, "%41%42", 5, 0, NULL);
	assert_string_equal(r, "A%4");
}

/* kv_all: the first max values, and how many there are in all, so a caller can refuse more
 * than it can hold instead of dropping them */
static void test_urlenc_kv_all(void **state)
{
	struct arena *a = *state;
	struct kv *l = urlenc_parse(a, "s=a&x=1&s=b&s=c", 15);
	const char *out[2] = {NULL, NULL};
	assert_int_equal(kv_all(l, "s", out, 2), 3);
	assert_string_equal(out[0], "a");
	assert_string_equal(out[1], "b");
	const char *three[3];
	assert_int_equal(kv_all(l, "s", three, 3), 3);
	assert_string_equal(three[2], "c");
	assert_int_equal(kv_all(l, "x", three, 3), 1);
	assert_int_equal(kv_all(l, "y", three, 3), 0);
	assert_int_equal(kv_all(NULL, "s", three, 3), 0);
	assert_int_equal(kv_all(l, "s", NULL, 0), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_urlenc_kv_all, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urlenc_parse_plain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urlenc_parse_plus_and_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urlenc_parse_invalid_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urlenc_parse_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urlenc_parse_drops, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urlenc_parse_length, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urlenc_parse_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urlenc_cookies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urlenc_cookies_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urlenc_decode, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
