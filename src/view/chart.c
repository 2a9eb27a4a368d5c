/*
 * chart.c — horizontal bar charts as inline SVG. Layer: view.
 *
 * SVG text does not wrap by itself and the server cannot measure a font, so every text is
 * laid out with an estimate of its width (CHAR_EM tenths of the font size per character, a
 * little wider than the average of a sans-serif font) and broken into lines (<tspan>s) at
 * spaces where it would pass the edge. Two layouts:
 *   - every category label fits a column of LABEL_W: the labels stand left of their bars;
 *   - any label is longer: each label stands above its bars, over the chart's whole width,
 *     on as many lines as it needs.
 * The legend flows in rows across the width, so every entry lies inside the view box.
 */
#include "chart.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "html.h"

#define WIDTH 640   /* the view box's width */
#define PAD 8       /* the margin inside the view box */
#define LABEL_W 150 /* the label column of the first layout */
#define BAR_H 14    /* one series' bar, with its gap to the next */
#define GAP 10      /* between categories */
#define LINE_H 15   /* one line of text at FONT */
#define FONT 12     /* labels and legend */
#define NUM_FONT 11 /* the number after a bar */
#define CHAR_EM 6   /* a character's estimated width, in tenths of the font size */
#define SWATCH 16   /* a legend entry's colour square and the space after it */
#define INK "#1b1b1b"

/* the number of characters (UTF-8 code points; a stray byte counts as one) in s[0..n) */
static int chars_in(const char *s, size_t n)
{
	int c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* the estimated width in pixels of chars characters at font */
static int width_of(int chars, int font)
{
	return (chars * font * CHAR_EM + 9) / 10;
}

/* how many characters fit in width pixels at font (at least one) */
static int fit(int width, int font)
{
	int n = width * 10 / (font * CHAR_EM);
	return n > 0 ? n : 1;
}

/* wrap_next: the next line of s from *pos holding at most max characters, broken after the
 * last space that fits, or inside a word that alone is longer than a line (between whole
 * characters). Sets *start and *len and moves *pos past the line; false when nothing is left. */
static bool wrap_next(const char *s, size_t *pos, int max, size_t *start, size_t *len)
{
	size_t p = *pos;
	while (s[p] == ' ')
		p++;
	if (!s[p])
		return false;
	*start = p;
	size_t space = 0; /* the last space inside the line, 0 for none */
	int n = 0;
	while (s[p]) {
		if (((unsigned char)s[p] & 0xC0) != 0x80) {
			if (n == max)
				break;
			n++;
		}
		if (s[p] == ' ')
			space = p;
		p++;
	}
	if (!s[p] || space <= *start || s[p] == ' ') {
		/* the end, a full line that ends where a space follows, or a word longer than a line */
		*len = p - *start;
	} else {
		*len = space - *start;
		p = space;
	}
	while (*len && s[*start + *len - 1] == ' ')
		(*len)--;
	*pos = p;
	return true;
}

/* the number of lines s takes at most max characters a line (0 for an empty text) */
static int lines_of(const char *s, int max)
{
	size_t pos = 0, start, len;
	int n = 0;
	while (s && wrap_next(s, &pos, max, &start, &len))
		n++;
	return n;
}

/* the widest line of s in characters, at most max characters a line */
static int widest_of(const char *s, int max)
{
	size_t pos = 0, start, len;
	int w = 0;
	while (s && wrap_next(s, &pos, max, &start, &len)) {
		int c = chars_in(s + start, len);
		if (c > w)
			w = c;
	}
	return w;
}

/* text: s at (x, y) (the first line's baseline), wrapped at max characters a line, one
 * <tspan> per line LINE_H apart; anchor "start" or "end" */
static void text(struct buf *o, const char *s, int x, int y, int max, int font, const char *anchor)
{
	htmlf(o, "<text font-size=\"%d\" text-anchor=\"%s\" fill=\"" INK "\">", font, anchor);
	size_t pos = 0, start, len;
	char line[1024];
	for (int k = 0; s && wrap_next(s, &pos, max, &start, &len); k++) {
		/* a line holds at most max characters of at most 4 bytes: bounded by the callers'
		 * widths (max is below 120); cut between characters should it not fit */
		if (len >= sizeof(line)) {
			len = sizeof(line) - 1;
			while (len && ((unsigned char)s[start + len] & 0xC0) == 0x80)
				len--;
		}
		memcpy(line, s + start, len);
		line[len] = '\0';
		htmlf(o, "<tspan x=\"%d\" y=\"%d\">%s</tspan>", x, y + k * LINE_H, line);
	}
	html(o, "</text>\n");
}

/* the widest of the values as text, in characters */
static int number_chars(const struct chart_series *series, int nseries, int ncat)
{
	int w = 1;
	for (int s = 0; s < nseries; s++)
		for (int c = 0; c < ncat; c++) {
			char num[16];
			int n = snprintf(num, sizeof(num), "%d", series[s].values[c]);
			if (n > w)
				w = n;
		}
	return w;
}

/* the legend's rows from y = PAD: entries left to right, a new row when the next would pass
 * the right edge; writes when o is not NULL. Returns the height it takes. */
static int legend(struct buf *o, const struct chart_series *series, int nseries)
{
	int max = fit(WIDTH - 2 * PAD - SWATCH, FONT);
	int x = PAD, top = PAD, row_lines = 0;
	for (int s = 0; s < nseries; s++) {
		int lines = lines_of(series[s].label, max);
		int w = SWATCH + width_of(widest_of(series[s].label, max), FONT);
		if (x > PAD && x + w > WIDTH - PAD) {
			top += (row_lines > 0 ? row_lines : 1) * LINE_H + 4;
			x = PAD;
			row_lines = 0;
		}
		if (o) {
			htmlf(o, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, top + 2,
			      series[s].fill);
			text(o, series[s].label, x + SWATCH, top + FONT, max, FONT, "start");
		}
		if (lines > row_lines)
			row_lines = lines;
		x += w + 24;
	}
	if (nseries == 0)
		return PAD;
	return top + (row_lines > 0 ? row_lines : 1) * LINE_H + 4 + 6;
}

void chart_bars(struct buf *o, const char *id, const char *title, const char *const *categories,
                int ncat, const struct chart_series *series, int nseries)
{
	int max = 1;
	for (int s = 0; s < nseries; s++)
		for (int c = 0; c < ncat; c++)
			if (series[s].values[c] > max)
				max = series[s].values[c];
	/* the layout: labels left of the bars when every one fits the column, else above them */
	int col_chars = fit(LABEL_W - 8 - PAD, FONT);
	bool above = false;
	for (int c = 0; c < ncat; c++)
		if (chars_in(categories[c], strlen(categories[c])) > col_chars)
			above = true;
	int label_max = above ? fit(WIDTH - 2 * PAD, FONT) : col_chars;
	int bar_x = above ? PAD : LABEL_W;
	int bar_max = WIDTH - PAD - bar_x - 4 - width_of(number_chars(series, nseries, ncat), NUM_FONT);
	int legend_h = legend(NULL, series, nseries);
	int height = legend_h;
	for (int c = 0; c < ncat; c++)
		height += (above ? lines_of(categories[c], label_max) * LINE_H + 4 : 0) + nseries * BAR_H + GAP;
	height += PAD;
	/* the caption names the chart and a hidden paragraph says its numbers: both outside the SVG,
	 * so every HTML checker and screen reader knows them */
	htmlf(o, "<figure class=\"chart\">\n<figcaption id=\"%s-t\">%s</figcaption>\n", id, title);
	htmlf(o, "<p class=\"visually-hidden\" id=\"%s-d\">", id);
	for (int c = 0; c < ncat; c++) {
		htmlf(o, "%s: ", categories[c]);
		for (int s = 0; s < nseries; s++)
			htmlf(o, "%s %d%s", series[s].label, series[s].values[c], s + 1 < nseries ? ", " : ". ");
	}
	html(o, "</p>\n");
	htmlf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" "
	         "width=\"100%%\" aria-labelledby=\"%s-t\" aria-describedby=\"%s-d\">\n",
	      WIDTH, height, id, id);
	legend(o, series, nseries);
	int y0 = legend_h;
	for (int c = 0; c < ncat; c++) {
		if (above) {
			text(o, categories[c], PAD, y0 + FONT, label_max, FONT, "start");
			y0 += lines_of(categories[c], label_max) * LINE_H + 4;
		} else {
			text(o, categories[c], LABEL_W - 8, y0 + (nseries * BAR_H) / 2 + 4, label_max, FONT, "end");
		}
		for (int s = 0; s < nseries; s++) {
			int v = series[s].values[c];
			/* in 64 bits: a count of millions times the bar's width does not fit an int; a
			 * negative count has no bar */
			int w = v > 0 ? (int)((long long)v * bar_max / max) : 0;
			int y = y0 + s * BAR_H;
			htmlf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
			         "<text x=\"%d\" y=\"%d\" font-size=\"%d\" fill=\"" INK "\">%d</text>\n",
			      bar_x, y, w, BAR_H - 2, series[s].fill, bar_x + w + 4, y + BAR_H - 3, NUM_FONT, v);
		}
		y0 += nseries * BAR_H + GAP;
	}
	html(o, "</svg>\n</figure>\n");
}
