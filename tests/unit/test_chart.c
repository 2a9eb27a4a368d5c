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
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
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

/* ---------------------------------------------------------------- the SVG's geometry */

/* one line of text in the SVG: where it stands, how it is anchored, its size and its text
 * (entities unescaped) */
struct line {
	int x, y, font;
	bool end;
	char text[1024];
};

/* the integer value of attribute name (e.g. " x=\"") in the tag from p to its '>', or def */
static int attr_int(const char *p, const char *gt, const char *name, int def)
{
	const char *a = strstr(p, name);
	return a && a < gt ? (int)strtol(a + strlen(name), NULL, 10) : def;
}

/* the text from p to stop with the writer's entities unescaped */
static void unescape(char *out, size_t cap, const char *p, const char *stop)
{
	static const struct {
		const char *ent, *ch;
	} ents[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
	size_t n = 0;
	while (p < stop && n + 1 < cap) {
		size_t k;
		for (k = 0; k < N_OF(ents); k++)
			if (!strncmp(p, ents[k].ent, strlen(ents[k].ent)))
				break;
		if (k < N_OF(ents)) {
			out[n++] = ents[k].ch[0];
			p += strlen(ents[k].ent);
		} else {
			out[n++] = *p++;
		}
	}
	out[n] = '\0';
}

/* every line of text in the SVG of out, in order (a <text> with <tspan>s gives one per tspan;
 * *texts counts the <text> elements and first[i] is the first line of the i-th); returns the
 * number of lines */
static int svg_lines(const char *out, struct line *lines, int cap, int *first, int *texts)
{
	int n = 0;
	*texts = 0;
	for (const char *p = strstr(out, "<svg"); p && (p = strstr(p, "<text")); ) {
		const char *gt = strchr(p, '>'), *close = strstr(p, "</text>");
		assert_non_null(gt);
		assert_non_null(close);
		int font = attr_int(p, gt, " font-size=\"", 16);
		const char *anchor = strstr(p, " text-anchor=\"end\"");
		bool end = anchor && anchor < gt;
		first[(*texts)++] = n;
		const char *t = strstr(gt, "<tspan");
		if (!t || t > close) {
			assert_true(n < cap);
			lines[n] = (struct line){attr_int(p, gt, " x=\"", -1), attr_int(p, gt, " y=\"", -1), font, end, ""};
			unescape(lines[n].text, sizeof(lines[n].text), gt + 1, close);
			n++;
		}
		for (; t && t < close; t = strstr(t + 1, "<tspan")) {
			const char *tgt = strchr(t, '>'), *tend = strstr(t, "</tspan>");
			assert_true(n < cap);
			lines[n] = (struct line){attr_int(t, tgt, " x=\"", -1), attr_int(t, tgt, " y=\"", -1), font, end, ""};
			unescape(lines[n].text, sizeof(lines[n].text), tgt + 1, tend);
			n++;
		}
		p = close;
	}
	first[*texts] = n;
	return n;
}

/* characters (UTF-8 code points) of s */
static int chars_of(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* every line of text lies inside the view box: its baseline and its height above it, its
 * anchor, and its estimated width (0.6 of the font size a character, wider than the average
 * of a sans-serif font) from the anchor in the anchor's direction */
static void inside_view_box(const char *out)
{
	const char *vb = strstr(out, "viewBox=\"0 0 ");
	assert_non_null(vb);
	int w = 0, h = 0;
	assert_int_equal(sscanf(vb + 13, "%d %d", &w, &h), 2);
	static struct line lines[4096];
	static int first[4097];
	int texts;
	int n = svg_lines(out, lines, 4096, first, &texts);
	for (int i = 0; i < n; i++) {
		const struct line *l = &lines[i];
		int width = (chars_of(l->text) * l->font * 6 + 9) / 10;
		int left = l->end ? l->x - width : l->x, right = l->end ? l->x : l->x + width;
		if (l->x < 0 || l->y < 0 || l->y - l->font < 0 || l->y > h || left < 0 || right > w)
			fail_msg("\"%s\" at x=%d y=%d (%s, %d px wide) is outside the view box 0 0 %d %d",
			         l->text, l->x, l->y, l->end ? "end" : "start", width, w, h);
	}
}

/* appends s to out (of cap bytes), as far as it fits */
static void append(char *out, size_t cap, const char *s)
{
	size_t n = strlen(out);
	snprintf(out + n, cap - n, "%s", s);
}

/* whether some <text> of the SVG holds s whole: its lines joined with spaces, or (for a word
 * broken between lines) joined as they are */
static bool svg_has_text(const char *out, const char *s)
{
	static struct line lines[4096];
	static int first[4097];
	static char joined[70000], bare[70000];
	int texts;
	svg_lines(out, lines, 4096, first, &texts);
	for (int t = 0; t < texts; t++) {
		joined[0] = bare[0] = '\0';
		for (int i = first[t]; i < first[t + 1]; i++) {
			if (i > first[t])
				append(joined, sizeof(joined), " ");
			append(joined, sizeof(joined), lines[i].text);
			append(bare, sizeof(bare), lines[i].text);
		}
		if (!strcmp(joined, s) || !strcmp(bare, s))
			return true;
	}
	return false;
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
	inside_view_box(out);
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
	/* legends: a swatch in the series' colour and its label, side by side in one row */
	has(out, "<rect x=\"8\" y=\"10\" width=\"12\" height=\"12\" fill=\"#0b5394\"/>"
	         "<text font-size=\"12\" text-anchor=\"start\" fill=\"#1b1b1b\"><tspan x=\"24\" y=\"20\">Aktive</tspan></text>");
	has(out, "fill=\"#8a3b12\"/><text font-size=\"12\" text-anchor=\"start\" fill=\"#1b1b1b\">"
	         "<tspan x=\"108\" y=\"20\">Lukkede</tspan></text>");
	/* the category labels, short enough to stand left of their bars */
	has(out, "text-anchor=\"end\" fill=\"#1b1b1b\"><tspan x=\"142\" y=\"");
	has(out, ">Kolding</tspan>");
	has(out, ">Århus</tspan>");
	/* the largest value fills the full bar, the others in proportion, zero is empty */
	has(out, "<rect x=\"150\" y=\"");
	has(out, "width=\"464\" height=\"12\" fill=\"#8a3b12\"/>");
	has(out, "width=\"232\" height=\"12\" fill=\"#0b5394\"/>");
	has(out, "width=\"116\" height=\"12\" fill=\"#0b5394\"/>");
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
		snprintf(want, sizeof(want), "\">%s</tspan>", cases[i].esc);
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
	has(out, ">Aktive</tspan>");
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
	/* a long label is kept whole (never cut inside a character): in the caption and three times
	 * in the description (as category, and as series for each of the two categories); in the
	 * SVG as the category's text and the legend's, each broken into lines that fit */
	assert_int_equal(count(out, label), 4);
	assert_true(svg_has_text(out, label));
	assert_true(count(out, "<tspan") > 10);
	/* a large value fills the bar; a small one next to it gets a thin bar, not a negative one */
	has(out, "width=\"573\" height=\"12\"");
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
	has(out, "width=\"431\" height=\"12\"");
	has(out, "width=\"215\" height=\"12\"");
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
	has(out, ">kat-39</tspan>");
	has(out, "kat-39: S 117. </p>");
	/* the view box grows with the categories: the legend's 33, 40 * (14 + 10) and 8 */
	has(out, "viewBox=\"0 0 640 1001\"");
}

/* the 2015 report's Tabel 5: answers of 100 to 200 characters stand whole inside the chart,
 * above their bars, on lines that fit */
static void test_chart_report_labels(void **state)
{
	struct buf *o = *state;
	const char *const cats[] = {
		"I meget lav grad (hverken udvalg eller byråd har drøftet kommunens indsats for socialøkonomiske virksomheder)",
		"I lav grad (Udvalg og/eller byråd har drøftet socialøkonomiske virksomheder, men har ikke givet noget mandat til at prioritere indsatsen)",
		"I nogen grad (udvalg og/eller byråd har drøftet socialøkonomiske virksomheder og har tilkendegivet opbakning til at prioritere indsatsen)",
		"I meget høj grad (Udvalg og/eller byråd har med bredt flertal vedtaget en politik/strategi for socialøkonomiske virksomheder og tilkendegivet opbakning til at prioritere indsatsen, borgmesteren er aktiv fortaler)",
		"Kort",
	};
	const int v[] = {1, 4, 7, 2, 0};
	const struct chart_series series[] = {{.label = "November 2015", .values = v, .fill = "#0b5394"}};
	chart_bars(o, "t5", "Tabel 5 som diagram", cats, 5, series, 1);
	assert_false(o->failed);
	const char *out = buf_str(o);
	well_formed(out, "t5");
	for (size_t i = 0; i < N_OF(cats); i++)
		if (!svg_has_text(out, cats[i]))
			fail_msg("\"%s\" is not whole in:\n%s", cats[i], out);
	/* labels above the bars: from the left margin, and the bars too */
	has(out, "text-anchor=\"start\" fill=\"#1b1b1b\"><tspan x=\"8\" y=\"");
	has(out, "<rect x=\"8\" y=\"");
	assert_null(strstr(out, "text-anchor=\"end\""));
	/* no line of a label is cut off in the middle of a word */
	has(out, ">I lav grad (Udvalg og/eller byråd har drøftet socialøkonomiske virksomheder, men har</tspan>");
}

/* the matrix of Tabel 4: five answers on the scale as the legend; every entry, "I høj grad"
 * and "I meget høj grad" too, inside the chart, in rows when one is not wide enough */
static void test_chart_legend_rows(void **state)
{
	struct buf *o = *state;
	const char *const cats[] = {"Der er skabt flere fleksjob i socialøkonomiske virksomheder",
	                            "Der er skabt flere fleksjob i almindelige virksomheder"};
	const int v[2] = {3, 5};
	const char *const scale[] = {"I meget lav grad", "I lav grad", "I nogen grad", "I høj grad",
	                             "I meget høj grad"};
	const char *const fills[] = {"#0b5394", "#b45f06", "#38761d", "#741b47", "#3d3d3d"};
	struct chart_series series[5];
	for (int k = 0; k < 5; k++)
		series[k] = (struct chart_series){.label = scale[k], .values = v, .fill = fills[k]};
	chart_bars(o, "t4", "Tabel 4 som diagram", cats, 2, series, 5);
	const char *out = buf_str(o);
	well_formed(out, "t4");
	for (int k = 0; k < 5; k++) {
		char want[120];
		snprintf(want, sizeof(want), "\">%s</tspan>", scale[k]);
		has(out, want);
	}
	for (size_t i = 0; i < N_OF(cats); i++)
		assert_true(svg_has_text(out, cats[i]));
	/* a legend wider than the chart: each entry whole, broken into lines where one is too long */
	buf_reset(o);
	char longer[400];
	snprintf(longer, sizeof(longer), "%s", "Resultaterne er fuldstændigt eller næsten fuldstændigt "
	         "opnået. Der er ikke væsentlige resultater, der ikke er opnået, og det gælder for alle");
	const struct chart_series two[] = {{.label = longer, .values = v, .fill = "#0b5394"},
	                                   {.label = "Anden runde", .values = v, .fill = "#b45f06"}};
	chart_bars(o, "lang-legende", "Lang", cats, 2, two, 2);
	out = buf_str(o);
	well_formed(out, "lang-legende");
	assert_true(svg_has_text(out, longer));
	assert_true(svg_has_text(out, "Anden runde"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_chart_two_series, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_chart_escaping, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_chart_empty, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_chart_long_labels, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_chart_many_categories, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_chart_report_labels, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_chart_legend_rows, fixture_buf_setup, fixture_buf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
