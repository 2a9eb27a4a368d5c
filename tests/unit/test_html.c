/*
 * test_html.c — the escaping HTML writer (src/view/html.h): htmlf escapes & < > " ' in every
 * %s and writes nothing for NULL, prints numbers and %% exactly, html() writes its literal raw,
 * html_url percent-encodes everything but RFC 3986's unreserved characters, html_escape, and
 * the hostile string <script>"'& never comes out of any writer raw.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/base/arena.h"
#include "src/base/buf.h"
#include "src/base/err.h"
#include "src/view/html.h"

#define N_OF(x) (sizeof(x) / sizeof((x)[0]))
#define HOSTILE "<script>\"'&"

struct fx {
	struct arena a;
	struct buf o;
};

static int setup(void **state)
{
	static struct fx f;
	arena_init(&f.a, 0);
	buf_init(&f.o, 0);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	buf_free(&f->o);
	arena_free(&f->a);
	return 0;
}

/* the five characters, alone and together, and text that has nothing to escape */
static const struct {
	const char *in, *out;
} escape_cases[] = {
	{"", ""},
	{"Kolding", "Kolding"},
	{"&", "&amp;"},
	{"<", "&lt;"},
	{">", "&gt;"},
	{"\"", "&quot;"},
	{"'", "&#39;"},
	{"a&b<c>d\"e'f", "a&amp;b&lt;c&gt;d&quot;e&#39;f"},
	{"&amp;", "&amp;amp;"}, /* text, not markup: an entity is escaped again */
	{"<<>>", "&lt;&lt;&gt;&gt;"},
	{"Ærø Køkken & Café", "Ærø Køkken &amp; Café"},
	{HOSTILE, "&lt;script&gt;&quot;&#39;&amp;"},
	{"</td><td onclick='x()'>", "&lt;/td&gt;&lt;td onclick=&#39;x()&#39;&gt;"},
	{"100%", "100%"},
	{"tab\there\nline", "tab\there\nline"},
};

static void test_htmlf_escapes_s(void **state)
{
	struct fx *f = *state;
	for (size_t i = 0; i < N_OF(escape_cases); i++) {
		buf_reset(&f->o);
		assert_int_equal(htmlf(&f->o, "<td>%s</td>", escape_cases[i].in), 0);
		const char *want = arena_printf(&f->a, "<td>%s</td>", escape_cases[i].out);
		if (strcmp(buf_str(&f->o), want) != 0)
			fail_msg("htmlf %%s case %zu: got %s, expected %s", i, buf_str(&f->o), want);
	}
}

static void test_htmlf_attribute(void **state)
{
	struct fx *f = *state;
	assert_int_equal(htmlf(&f->o, "<input name=\"%s\" value=\"%s\">", "navn", "a\"b' c"), 0);
	assert_string_equal(buf_str(&f->o), "<input name=\"navn\" value=\"a&quot;b&#39; c\">");
}

static void test_htmlf_null_s(void **state)
{
	struct fx *f = *state;
	/* volatile: a NULL the compiler cannot see, as it would be at run time */
	const char *volatile none = NULL;
	assert_int_equal(htmlf(&f->o, "[%s]", none), 0);
	assert_string_equal(buf_str(&f->o), "[]");
	buf_reset(&f->o);
	assert_int_equal(htmlf(&f->o, "%s%s%s", none, "x", none), 0);
	assert_string_equal(buf_str(&f->o), "x");
}

static void test_htmlf_numbers(void **state)
{
	struct fx *f = *state;
	assert_int_equal(htmlf(&f->o, "%d|%i|%d", 0, -5, INT_MIN), 0);
	assert_string_equal(buf_str(&f->o), "0|-5|-2147483648");
	buf_reset(&f->o);
	assert_int_equal(htmlf(&f->o, "%u|%u", 0u, UINT_MAX), 0);
	assert_string_equal(buf_str(&f->o), "0|4294967295");
	buf_reset(&f->o);
	assert_int_equal(htmlf(&f->o, "%ld|%lld|%lld", -1234567890123L, LLONG_MIN, LLONG_MAX), 0);
	assert_string_equal(buf_str(&f->o),
	                    "-1234567890123|-9223372036854775808|9223372036854775807");
	buf_reset(&f->o);
	assert_int_equal(htmlf(&f->o, "%zu|%zu", (size_t)0, SIZE_MAX), 0);
	assert_string_equal(buf_str(&f->o), "0|18446744073709551615");
	buf_reset(&f->o);
	/* numbers and strings mixed keep their order and argument types */
	assert_int_equal(htmlf(&f->o, "<tr><td>%s</td><td>%lld</td><td>%s</td><td>%zu</td></tr>",
	                       "A&B", 10150817LL, "<b>", (size_t)98),
	                 0);
	assert_string_equal(buf_str(&f->o),
	                    "<tr><td>A&amp;B</td><td>10150817</td><td>&lt;b&gt;</td><td>98</td></tr>");
}

static void test_htmlf_percent(void **state)
{
	struct fx *f = *state;
	assert_int_equal(htmlf(&f->o, "100%%"), 0);
	assert_string_equal(buf_str(&f->o), "100%");
	buf_reset(&f->o);
	assert_int_equal(htmlf(&f->o, "%d%% af %s", 42, "50%"), 0);
	assert_string_equal(buf_str(&f->o), "42% af 50%");
	buf_reset(&f->o);
	assert_int_equal(htmlf(&f->o, "%%%%"), 0);
	assert_string_equal(buf_str(&f->o), "%%");
	buf_reset(&f->o);
	/* a format without conversions is copied as it is: it is the program's own markup */
	assert_int_equal(htmlf(&f->o, "<p class=\"x\">&nbsp;</p>"), 0);
	assert_string_equal(buf_str(&f->o), "<p class=\"x\">&nbsp;</p>");
}

static void test_htmlf_unsupported(void **state)
{
	struct fx *f = *state;
	/* a conversion the writer does not know is made visible and stops the output */
	assert_int_equal(htmlf(&f->o, "a%xb", 255u), 0);
	assert_string_equal(buf_str(&f->o), "a[bad format]");
}

static void test_htmlf_precision(void **state)
{
	struct fx *f = *state;
	/* %.Ns: a time cut out of an ISO timestamp, escaped like any %s */
	assert_int_equal(htmlf(&f->o, "<td>%.8s|%s</td>", "12:34:56.789Z", "næste"), 0);
	assert_string_equal(buf_str(&f->o), "<td>12:34:56|næste</td>");
	buf_reset(&f->o);
	assert_int_equal(htmlf(&f->o, "%.3s", "<&>\"x"), 0);
	assert_string_equal(buf_str(&f->o), "&lt;&amp;&gt;");
	buf_reset(&f->o);
	/* never half an æ: two bytes of "æble" would cut it, so only whole characters come out */
	assert_int_equal(htmlf(&f->o, "[%.1s][%.2s][%.0s]", "æble", "æble", "x"), 0);
	assert_string_equal(buf_str(&f->o), "[][æ][]");
	buf_reset(&f->o);
	assert_int_equal(htmlf(&f->o, "%.20s!", "kort"), 0);
	assert_string_equal(buf_str(&f->o), "kort!");
}

static void test_htmlf_cap(void **state)
{
	(void)state;
	struct buf o;
	buf_init(&o, 10);
	assert_int_equal(htmlf(&o, "%s", "<<<"), ERR_NOMEM); /* 12 bytes escaped */
	assert_true(o.failed);
	assert_true(o.len <= 10);
	buf_free(&o);
}

static void test_htmlf_long(void **state)
{
	struct fx *f = *state;
	char in[1001];
	memset(in, '<', 1000);
	in[1000] = '\0';
	assert_int_equal(htmlf(&f->o, "%s!", in), 0);
	assert_int_equal(f->o.len, 4001);
	for (size_t i = 0; i < 1000; i++)
		assert_memory_equal(f->o.data + 4 * i, "&lt;", 4);
	assert_int_equal(f->o.data[4000], '!');
}

static void test_html_raw_literal(void **state)
{
	struct fx *f = *state;
	assert_int_equal(html(&f->o, "<br>"), 0);
	assert_int_equal(html(&f->o, "<p>\"x\" & 'y'</p>"), 0);
	assert_string_equal(buf_str(&f->o), "<br><p>\"x\" & 'y'</p>");
}

static void test_html_text_and_trusted(void **state)
{
	struct fx *f = *state;
	for (size_t i = 0; i < N_OF(escape_cases); i++) {
		buf_reset(&f->o);
		assert_int_equal(html_text(&f->o, escape_cases[i].in), 0);
		assert_string_equal(buf_str(&f->o), escape_cases[i].out);
	}
	buf_reset(&f->o);
	assert_int_equal(html_text(&f->o, NULL), 0);
	assert_int_equal(f->o.len, 0);
}

static void test_html_escape(void **state)
{
	struct fx *f = *state;
	for (size_t i = 0; i < N_OF(escape_cases); i++)
		assert_string_equal(html_escape(&f->a, escape_cases[i].in), escape_cases[i].out);
	assert_string_equal(html_escape(&f->a, NULL), "");
}

static void test_html_url(void **state)
{
	struct fx *f = *state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"", ""},
		{"abcXYZ019", "abcXYZ019"},
		{"-._~", "-._~"},
		{"æ", "%C3%A6"},
		{"ø", "%C3%B8"},
		{"å", "%C3%A5"},
		{"Æ", "%C3%86"},
		{" ", "%20"},
		{"/", "%2F"},
		{"?", "%3F"},
		{"&", "%26"},
		{"=", "%3D"},
		{"#", "%23"},
		{"+", "%2B"},
		{"%", "%25"},
		{":", "%3A"},
		{"@", "%40"},
		{"\"", "%22"},
		{"'", "%27"},
		{"\x7f", "%7F"},
		{"\x01", "%01"},
		{"\xff", "%FF"},
		{"Ærø Køkken", "%C3%86r%C3%B8%20K%C3%B8kken"},
		{"a/b?c=d&e", "a%2Fb%3Fc%3Dd%26e"},
		{HOSTILE, "%3Cscript%3E%22%27%26"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		const char *r = html_url(&f->a, cases[i].in);
		if (strcmp(r, cases[i].out) != 0)
			fail_msg("html_url case %zu: got %s, expected %s", i, r, cases[i].out);
	}
	assert_string_equal(html_url(&f->a, NULL), "");
	/* the encoded component is then safe to pass through %s into an attribute */
	buf_reset(&f->o);
	assert_int_equal(htmlf(&f->o, "<a href=\"/side?q=%s\">", html_url(&f->a, "æ&ø")), 0);
	assert_string_equal(buf_str(&f->o), "<a href=\"/side?q=%C3%A6%26%C3%B8\">");
}

/* no writer lets any of the markup characters of the hostile string through */
static void test_hostile_never_raw(void **state)
{
	struct fx *f = *state;
	const char *outs[5];
	buf_reset(&f->o);
	htmlf(&f->o, "%s", HOSTILE);
	outs[0] = arena_strdup(&f->a, buf_str(&f->o));
	buf_reset(&f->o);
	html_text(&f->o, "x" HOSTILE "y" HOSTILE);
	outs[1] = arena_strdup(&f->a, buf_str(&f->o));
	outs[2] = html_escape(&f->a, HOSTILE);
	outs[3] = html_url(&f->a, HOSTILE);
	buf_reset(&f->o);
	htmlf(&f->o, "%s", html_url(&f->a, HOSTILE));
	outs[4] = arena_strdup(&f->a, buf_str(&f->o));
	for (size_t i = 0; i < N_OF(outs); i++) {
		if (strstr(outs[i], HOSTILE) || strpbrk(outs[i], "<>\"'"))
			fail_msg("writer %zu let markup through: %s", i, outs[i]);
		/* every & left is the start of an entity this writer made */
		for (const char *p = strchr(outs[i], '&'); p; p = strchr(p + 1, '&'))
			if (strncmp(p, "&amp;", 5) && strncmp(p, "&lt;", 4) && strncmp(p, "&gt;", 4) &&
			    strncmp(p, "&quot;", 6) && strncmp(p, "&#39;", 5))
				fail_msg("writer %zu left a raw &: %s", i, outs[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_htmlf_escapes_s, setup, teardown),
		cmocka_unit_test_setup_teardown(test_htmlf_attribute, setup, teardown),
		cmocka_unit_test_setup_teardown(test_htmlf_null_s, setup, teardown),
		cmocka_unit_test_setup_teardown(test_htmlf_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_htmlf_percent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_htmlf_unsupported, setup, teardown),
		cmocka_unit_test_setup_teardown(test_htmlf_precision, setup, teardown),
		cmocka_unit_test(test_htmlf_cap),
		cmocka_unit_test_setup_teardown(test_htmlf_long, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_raw_literal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_text_and_trusted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_escape, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_url, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hostile_never_raw, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
