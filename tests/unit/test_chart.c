/*
 * test_chart.c — the SVG bar charts (src/view/chart.h): the caption and the text description
 * tied to the SVG by id, every value written on its bar and in the description, bar widths in
 * proportion to the largest value, one legend entry per series, escaped titles, categories and
 * legends (æøå, invalid UTF-8, <script>"'&), long labels kept whole, empty data, and no style
 * attributes (the CSP forbids inline style).
 * Layer: tests (view: no database).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "src/base/buf.h"
#include "tests/unit/fixture.h"
#include "src/view/chart.h"


static int count(const char *s, const char *needle)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static void has(const char *out, const char *needle)
{
	if (!strstr(out, needle))
		fail_msg("\"%s\" is missing from:\n%s", needle, out);
}

/* the shape every chart has, whatever its data */
static void well_formed(const char *out, const char *id)
{
	char want[160];
	snprintf(want, sizeof(want), "<figcaption id=\"%s-t\">", id);
	has(out, want);
	snprintf(want, sizeof(want), "<p class=\"visually-hidden\" id=\"%s-d\">", id);
	has(out, want);
	snprintf(want, sizeof(want), "aria-labelledby=\"%s-t\" aria-describedby=\"%s-d\"", id, id);
	has(out, want);
	has(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ");
	assert_int_equal(count(out, "<figure"), 1);
	assert_int_equal(count(out, "</figure>"), 1);
	assert_int_equal(count(out, "<svg"), 1);
	assert_int_equal(count(out, "</svg>"), 1);
	assert_null(strstr(out, "style="));
	assert_null(strstr(out, "<script"));
	assert_null(strstr(out, "(null)"));
	assert_null(strstr(out, "[bad format]"));
}

static void test_chart_two_series(void **state)
{
	struct buf *o = *state;
	const char *const cats[] = {"Kolding", "Århus"};
	const int a[] = {10, 5}, b[] = {20, 0};
	const struct chart_series series[] = {
		{.label = "Aktive", .values = a, .fill = "#0b5394"},
		{.label = "Lukkede", .values = b, .fill = "#8a3b12"},
	};
	chart_bars(o, "c1", "Virksomheder pr. kommune", cats, 2, series, 2);
	assert_false(o->failed);
	const char *out = buf_str(o);
	well_formed(out, "c1");
	has(out, ">Virksomheder pr. kommune</figcaption>");
	/* the description repeats every number */
	has(out, "id=\"c1-d\">Kolding: Aktive 10, Lukkede 20. Århus: Aktive 5, Lukkede 0. </p>");
	/* legends: a swatch in the series' colour and its label */
	has(out, "fill=\"#0b5394\"/><text x=\"166\" y=\"16\" font-size=\"12\" fill=\"#1b1b1b\">Aktive</text>");
	has(out, "fill=\"#8a3b12\"/><text x=\"336\" y=\"16\" font-size=\"12\" fill=\"#1b1b1b\">Lukkede</text>");
	/* the category labels */
	has(out, ">Kolding</text>");
	has(out, ">Århus</text>");
	/* the largest value fills the full bar, the others in proportion, zero is empty */
	has(out, "width=\"420\" height=\"12\" fill=\"#8a3b12\"/>");
	has(out, "width=\"210\" height=\"12\" fill=\"#0b5394\"/>");
	has(out, "width=\"105\" height=\"12\" fill=\"#0b5394\"/>");
	has(out, "width=\"0\" height=\"12\" fill=\"#8a3b12\"/>");
	/* each value written at the end of its bar */
	has(out, "font-size=\"11\" fill=\"#1b1b1b\">20</text>");
	has(out, "font-size=\"11\" fill=\"#1b1b1b\">0</text>");
	/* 2 legend swatches + 4 bars */
	assert_int_equal(count(out, "<rect "), 6);
}

static void test_chart_escaping(void **state)
{
	struct buf *o = *state;
	static const struct {
		const char *text, *esc;
	} cases[] = {
		{HOSTILE, HOSTILE_ESC},
		{"Æblerød & Søn", "Æblerød &amp; Søn"},
		{"</text></svg><script>", "&lt;/text&gt;&lt;/svg&gt;&lt;script&gt;"},
		{"\xff<b>", "\xff&lt;b&gt;"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		buf_reset(o);
		const char *const cats[] = {cases[i].text};
		const int v[] = {3};
		const struct chart_series series[] = {{.label = cases[i].text, .values = v,
		                                        .fill = "#0b5394"}};
		chart_bars(o, "e", cases[i].text, cats, 1, series, 1);
		const char *out = buf_str(o);
		well_formed(out, "e");
		char want[200];
		snprintf(want, sizeof(want), ">%s</figcaption>", cases[i].esc);
		has(out, want);
		snprintf(want, sizeof(want), ">%s: %s 3. </p>", cases[i].esc, cases[i].esc);
		has(out, want);
		snprintf(want, sizeof(want), "fill=\"#1b1b1b\">%s</text>", cases[i].esc);
		/* the legend and the category label */
		if (count(out, want) != 2)
			fail_msg("case %zu: expected %s twice in:\n%s", i, want, out);
		assert_null(strstr(out, "\"'&"));
	}
	/* a hostile id stays inside its attributes */
	buf_reset(o);
	chart_bars(o, "x\"><script>", "T", NULL, 0, NULL, 0);
	has(buf_str(o), "id=\"x&quot;&gt;&lt;script&gt;-t\"");
	assert_null(strstr(buf_str(o), "<script"));
}

static void test_chart_empty(void **state)
{
	struct buf *o = *state;
	/* no categories: the caption, an empty description and the legend only */
	const struct chart_series series[] = {{.label = "Aktive", .values = NULL, .fill = "#0b5394"}};
	chart_bars(o, "tom", "Ingen data", NULL, 0, series, 1);
	const char *out = buf_str(o);
	well_formed(out, "tom");
	has(out, "id=\"tom-d\"></p>");
	has(out, ">Aktive</text>");
	assert_int_equal(count(out, "<rect "), 1);

	/* nothing at all */
	buf_reset(o);
	chart_bars(o, "intet", "Intet", NULL, 0, NULL, 0);
	out = buf_str(o);
	well_formed(out, "intet");
	assert_int_equal(count(out, "<rect "), 0);

	/* only zeros: empty bars, no division by zero */
	buf_reset(o);
	const char *const cats[] = {"a", "b"};
	const int z[] = {0, 0};
	const struct chart_series zs[] = {{.label = "Nul", .values = z, .fill = "#0b5394"}};
	chart_bars(o, "nul", "Nul", cats, 2, zs, 1);
	out = buf_str(o);
	well_formed(out, "nul");
	assert_int_equal(count(out, "width=\"0\" height=\"12\""), 2);
	has(out, "a: Nul 0. b: Nul 0. </p>");
}

static void test_chart_long_labels(void **state)
{
	struct buf *o = *state;
	char label[601];
	/* 200 "æ" characters (400 bytes) then 200 "a" */
	for (int i = 0; i < 200; i++)
		memcpy(label + 2 * i, "æ", 2);
	memset(label + 400, 'a', 200);
	label[600] = '\0';
	const char *const cats[] = {label, "kort"};
	const int v[] = {1, 1000000};
	const struct chart_series series[] = {{.label = label, .values = v, .fill = "#0b5394"}};
	chart_bars(o, "lang", label, cats, 2, series, 1);
	assert_false(o->failed);
	const char *out = buf_str(o);
	well_formed(out, "lang");
	/* a long label is kept whole (never cut inside a character): in the caption, the legend,
	 * the category's text and three times in the description (as category, and as series for
	 * each of the two categories) */
	assert_int_equal(count(out, label), 6);
	/* a large value fills the bar; a small one next to it gets a thin bar, not a negative one */
	has(out, "width=\"420\" height=\"12\"");
	has(out, "width=\"0\" height=\"12\"");
	has(out, ">1000000</text>");
	has(out, "kort: ");
	assert_null(strstr(out, "width=\"-"));
	/* counts of millions do not overflow the bar's arithmetic; a negative one has no bar */
	buf_reset(o);
	const int big[] = {6000000, 3000000, -5};
	const char *const three[] = {"a", "b", "c"};
	const struct chart_series bs[] = {{.label = "Kr.", .values = big, .fill = "#0b5394"}};
	chart_bars(o, "stor", "Store tal", three, 3, bs, 1);
	out = buf_str(o);
	well_formed(out, "stor");
	has(out, "width=\"420\" height=\"12\"");
	has(out, "width=\"210\" height=\"12\"");
	has(out, ">6000000</text>");
	has(out, ">-5</text>");
	assert_null(strstr(out, "width=\"-"));
}

static void test_chart_many_categories(void **state)
{
	struct buf *o = *state;
	enum { N = 40 };
	char names[N][16];
	const char *cats[N];
	int v[N];
	for (int i = 0; i < N; i++) {
		snprintf(names[i], sizeof(names[i]), "kat-%d", i);
		cats[i] = names[i];
		v[i] = i * 3;
	}
	const struct chart_series series[] = {{.label = "S", .values = v, .fill = "#0b5394"}};
	chart_bars(o, "mange", "Mange", cats, N, series, 1);
	const char *out = buf_str(o);
	well_formed(out, "mange");
	assert_int_equal(count(out, "<rect "), N + 1);
	has(out, ">kat-39</text>");
	has(out, "kat-39: S 117. </p>");
	/* the view box grows with the categories: 28 + 40 * (14 + 10) + 10 */
	has(out, "viewBox=\"0 0 630 998\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_chart_two_series, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_chart_escaping, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_chart_empty, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_chart_long_labels, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_chart_many_categories, fixture_buf_setup, fixture_buf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
