/*
 * chart.c — horizontal bar charts as inline SVG. Layer: view.
 */
#include "chart.h"

#include "html.h"

#define LABEL_W 150
#define BAR_MAX 420
#define BAR_H 14
#define GAP 10

void chart_bars(struct buf *o, const char *id, const char *title, const char *const *categories,
                int ncat, const struct chart_series *series, int nseries)
{
	int max = 1;
	for (int s = 0; s < nseries; s++)
		for (int c = 0; c < ncat; c++)
			if (series[s].values[c] > max)
				max = series[s].values[c];
	int group_h = nseries * BAR_H + GAP;
	int legend_h = 28;
	int height = legend_h + ncat * group_h + 10;
	int width = LABEL_W + BAR_MAX + 60;
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
	      width, height, id, id);
	/* legend */
	int x = LABEL_W;
	for (int s = 0; s < nseries; s++) {
		htmlf(o, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/>"
		         "<text x=\"%d\" y=\"16\" font-size=\"12\" fill=\"#1b1b1b\">%s</text>\n",
		      x, series[s].fill, x + 16, series[s].label);
		x += 170;
	}
	for (int c = 0; c < ncat; c++) {
		int y0 = legend_h + c * group_h;
		htmlf(o, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\" fill=\"#1b1b1b\">%s</text>\n",
		      LABEL_W - 8, y0 + (nseries * BAR_H) / 2 + 4, categories[c]);
		for (int s = 0; s < nseries; s++) {
			int v = series[s].values[c];
			/* in 64 bits: a count of millions times the bar's width does not fit an int; a
			 * negative count has no bar */
			int w = v > 0 ? (int)((long long)v * BAR_MAX / max) : 0;
			int y = y0 + s * BAR_H;
			htmlf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
			         "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#1b1b1b\">%d</text>\n",
			      LABEL_W, y, w, BAR_H - 2, series[s].fill, LABEL_W + w + 4, y + BAR_H - 4, v);
		}
	}
	html(o, "</svg>\n</figure>\n");
}
