/*
 * surveys_report_html.c — the report as HTML in the 2015 report's layout: per question a table
 * of the option labels with their counts and "I alt", the matrix as items × scale, texts by
 * municipality, numbers with count, sum, min, median and max; a bar chart per question; any
 * second round side by side. Used by the report page and `survey report --format html`.
 * Layer: capability (surveys), writing through view/.
 */
#include "surveys_report_html.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../view/chart.h"
#include "../view/html.h"
#include "../view/table.h"

/* the round as a reader knows it: its title, else its code */
static const char *round_label(const struct report *r)
{
	return r->rd->title && *r->rd->title ? r->rd->title : r->rd->code;
}

/* table_choices: a single or multi question's table (the second round's column first, as in
 * Tabel 12) and its chart; name is the table's ("Tabel 3"), n the question's place */
static void table_choices(struct buf *o, struct arena *a, const struct qreport *qr,
                          const struct qreport *cmp, const struct report *r,
                          const struct report *c, const char *name, int n)
{
	const struct question *q = qr->q;
	table_begin(o, q->text, "numbers");
	html(o, "<thead><tr><th scope=\"col\">Svar</th>");
	if (cmp)
		htmlf(o, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>", round_label(c), round_label(r));
	else
		html(o, "<th scope=\"col\">Antal</th>");
	html(o, "</tr></thead>\n<tbody>\n");
	for (int k = 0; k < q->noptions; k++) {
		htmlf(o, "<tr><th scope=\"row\">%s</th>", q->options[k].label);
		if (cmp)
			htmlf(o, "<td>%d</td>", cmp->counts[k]);
		htmlf(o, "<td>%d</td></tr>\n", qr->counts[k]);
	}
	htmlf(o, "</tbody>\n<tfoot><tr><th scope=\"row\">%s</th>",
	      q->type == Q_MULTI ? "Antal besvarelser i alt" : "I alt");
	if (cmp)
		htmlf(o, "<td>%d</td>", cmp->answered);
	htmlf(o, "<td>%d</td></tr></tfoot>\n", qr->answered);
	table_end(o);
	const char **cats = arena_alloc(a, sizeof(*cats) * (size_t)q->noptions);
	for (int k = 0; k < q->noptions; k++)
		cats[k] = q->options[k].label;
	struct chart_series series[2];
	int ns = 0;
	if (cmp)
		series[ns++] = (struct chart_series){round_label(c), cmp->counts, "#b45f06"};
	series[ns++] = (struct chart_series){round_label(r), qr->counts, "#0b5394"};
	chart_bars(o, arena_printf(a, "chart-%s-%d", q->code, n), arena_printf(a, "%s som diagram", name),
	           cats, q->noptions, series, ns);
}

/* colours for a chart's series, each at least 3:1 against white */
static const char *const palette[] = {"#0b5394", "#b45f06", "#38761d", "#741b47", "#3d3d3d", "#7f6000",
                                      "#0e6b73", "#a61c00"};

/* chart_matrix: a matrix question's chart: a group of bars per item (by its label), a bar per
 * answer on the scale */
static void chart_matrix(struct buf *o, struct arena *a, const struct qreport *qr, const char *name,
                         int n)
{
	const struct question *q = qr->q;
	const char **cats = arena_alloc(a, sizeof(*cats) * (size_t)q->nitems);
	for (int it = 0; it < q->nitems; it++)
		cats[it] = q->items[it].label;
	int ns = q->noptions < 8 ? q->noptions : 8;
	struct chart_series *series = arena_alloc(a, sizeof(*series) * (size_t)ns);
	for (int k = 0; k < ns; k++) {
		int *vals = arena_alloc(a, sizeof(int) * (size_t)q->nitems);
		for (int it = 0; it < q->nitems; it++)
			vals[it] = qr->item_counts[it * q->noptions + k];
		series[k] = (struct chart_series){q->options[k].label, vals, palette[k]};
	}
	chart_bars(o, arena_printf(a, "chart-%s-%d", q->code, n),
	           arena_printf(a, "%s som diagram: svarene på hvert delspørgsmål", name), cats, q->nitems,
	           series, ns);
}

/* table_matrix: the items × the scale, with each item's "I alt" */
static void table_matrix(struct buf *o, const struct qreport *qr)
{
	const struct question *q = qr->q;
	table_begin(o, q->text, "numbers");
	html(o, "<thead><tr><th scope=\"col\"></th>");
	for (int k = 0; k < q->noptions; k++)
		htmlf(o, "<th scope=\"col\">%s</th>", q->options[k].label);
	html(o, "<th scope=\"col\">I alt</th></tr></thead>\n<tbody>\n");
	for (int it = 0; it < q->nitems; it++) {
		htmlf(o, "<tr><th scope=\"row\">%s</th>", q->items[it].label);
		for (int k = 0; k < q->noptions; k++)
			htmlf(o, "<td>%d</td>", qr->item_counts[it * q->noptions + k]);
		htmlf(o, "<td>%d</td></tr>\n", qr->item_answered[it]);
	}
	html(o, "</tbody>\n");
	table_end(o);
}

/* table_number: count, sum, and with answers the smallest, the median and the largest */
static void table_number(struct buf *o, const struct qreport *qr)
{
	table_begin(o, qr->q->text, "numbers");
	htmlf(o, "<tbody>\n<tr><th scope=\"row\">Antal svar</th><td>%d</td></tr>\n"
	         "<tr><th scope=\"row\">Sum</th><td>%lld</td></tr>\n", qr->n, qr->sum);
	if (qr->n) {
		char med[32];
		snprintf(med, sizeof(med), "%.15g", qr->median);
		htmlf(o, "<tr><th scope=\"row\">Mindste</th><td>%lld</td></tr>\n"
		         "<tr><th scope=\"row\">Median</th><td>%s</td></tr>\n"
		         "<tr><th scope=\"row\">Største</th><td>%lld</td></tr>\n", qr->min, med, qr->max);
	}
	html(o, "</tbody>\n");
	table_end(o);
}

/* table_texts: the free-text answers by municipality */
static void table_texts(struct buf *o, const struct qreport *qr)
{
	if (qr->ntexts == 0) {
		html(o, "<p class=\"empty\">Ingen svar.</p>\n");
		return;
	}
	table_begin(o, qr->q->text, NULL);
	html(o, "<thead><tr><th scope=\"col\">Kommune</th><th scope=\"col\">Svar</th></tr></thead>\n<tbody>\n");
	for (int k = 0; k < qr->ntexts; k++)
		htmlf(o, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>\n", qr->texts[k].navn, qr->texts[k].text);
	html(o, "</tbody>\n");
	table_end(o);
}

void surveys_report_html(struct buf *o, struct arena *a, const struct report *r,
                         const struct report *compare)
{
	htmlf(o, "<p>%s · runde <strong>%s</strong>: %d besvarelser.", r->s->title, round_label(r),
	      r->respondents);
	if (compare)
		htmlf(o, " Sammenlignet med runde <strong>%s</strong>: %d besvarelser.", round_label(compare),
		      compare->respondents);
	html(o, "</p>\n");
	for (int i = 0; i < r->s->nquestions; i++) {
		const struct qreport *qr = &r->q[i];
		const struct question *q = qr->q;
		char name[48];
		surveys_table_name(r->s, i, name, sizeof(name));
		htmlf(o, "<section class=\"question\" id=\"q-%s\">\n<h2><span class=\"code\">%s:</span> %s</h2>\n",
		      q->code, name, q->text);
		switch (q->type) {
		case Q_SINGLE:
		case Q_MULTI:
			table_choices(o, a, qr, compare ? &compare->q[i] : NULL, r, compare, name, i);
			break;
		case Q_MATRIX:
			table_matrix(o, qr);
			chart_matrix(o, a, qr, name, i);
			if (compare) {
				htmlf(o, "<p>Runde %s:</p>\n", round_label(compare));
				table_matrix(o, &compare->q[i]);
			}
			break;
		case Q_NUMBER:
			table_number(o, qr);
			break;
		case Q_TEXT:
			table_texts(o, qr);
			break;
		}
		html(o, "</section>\n");
	}
}
