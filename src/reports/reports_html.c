/*
 * reports_html.c — the yearly report as HTML in the layout of the 2015 report's chapter 3: per
 * table a section that starts a printed page, the table with "I alt", a second round beside the
 * first (like Tabel 12), the figures counted from Indgang's data beside the survey's, and bar
 * charts where rounds or years are compared. Used by the report page and `indgang report
 * --format html`. Layer: capability (reports), writing through view/.
 */
#include "reports_html.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../view/chart.h"
#include "../view/html.h"
#include "reports_text_da.h"

/* colours of the charts' series, each at least 3:1 against white */
#define C_FIRST "#0b5394"
#define C_SECOND "#b45f06"
#define C_THIRD "#38761d"
#define C_FOURTH "#741b47"

/* figure: a count of Tabel 1, linked to the enterprises behind it when links is set and it is
 * not 0 */
static void figure(struct buf *o, bool links, int year, const char *kommune, const char *column,
                   int v)
{
	if (v == 0)
		htmlf(o, "<td>%d</td>", v);
	else if (links && kommune)
		htmlf(o, "<td><a href=\"/statistik/tabel1?year=%d&amp;kommune=%s&amp;column=%s\">%d</a></td>",
		      year, kommune, column, v);
	else if (links)
		htmlf(o, "<td><a href=\"/statistik/tabel1?year=%d&amp;column=%s\">%d</a></td>", year, column, v);
	else
		htmlf(o, "<td>%d</td>", v);
}

/* tabel1_row: a row of Tabel 1 (the "I alt" row when sum, whose figures are plain) */
static void tabel1_row(struct buf *o, const struct tabel1_row *r, int year, bool links, bool sum)
{
	/* the total row links to the lists of every municipality the table holds only when it holds
	 * them all; with the respondents only it is a plain sum */
	const char *k = sum ? NULL : r->kommune;
	bool l = links && !sum;
	if (sum)
		html(o, "<tr><th scope=\"row\">I alt</th>");
	else
		htmlf(o, "<tr><th scope=\"row\">%s</th>", r->navn);
	figure(o, l, year, k, "total", r->total);
	figure(o, l, year, k, "registered", r->registered);
	figure(o, l, year, k, "established", r->established);
	figure(o, l, year, k, "pipeline", r->pipeline);
	html(o, "</tr>\n");
}

/* tabel1_html: Tabel 1's section: the growth in a sentence, the table, and a chart of the total
 * a year before and at the end of the year */
static void tabel1_html(struct buf *o, struct arena *a, const struct yearly *y, bool links)
{
	htmlf(o, "<section class=\"report-section\" id=\"tabel-1\">\n<h2>Tabel 1. %s – %d</h2>\n",
	      REP_T1_TITLE, y->year);
	int from = y->t1_total_before, to = y->t1_sum.total;
	htmlf(o, "<p>Antallet af socialøkonomiske virksomheder i de %d kommuner er %s %d pr. 31.12.%d %s "
	         "%d pr. 31.12.%d. Heraf er %d registreret. Derudover vurderes det, at %d er på vej.</p>\n",
	      y->nt1, to > from ? "steget fra" : to < from ? "faldet fra" : "uændret:", from, y->year - 1,
	      to == from ? "og" : "til", to, y->year, y->t1_sum.registered, y->t1_sum.pipeline);
	htmlf(o, "<table class=\"numbers\">\n<caption class=\"visually-hidden\">Tabel 1, %d</caption>\n"
	         "<thead><tr><th scope=\"col\">Kommune</th><th scope=\"col\">Antal i alt</th>"
	         "<th scope=\"col\">Antal registrerede</th><th scope=\"col\">Etableret i %d</th>"
	         "<th scope=\"col\">Vurderes på vej</th></tr></thead>\n<tbody>\n",
	      y->year, y->year);
	for (int i = 0; i < y->nt1; i++)
		tabel1_row(o, &y->t1[i], y->year, links, false);
	html(o, "</tbody>\n<tfoot>");
	tabel1_row(o, &y->t1_sum, y->year, links, true);
	html(o, "</tfoot>\n</table>\n");
	const char *cats[] = {arena_printf(a, "31.12.%d", y->year - 1), arena_printf(a, "31.12.%d", y->year)};
	int *tot = arena_alloc(a, 2 * sizeof(int));
	tot[0] = from;
	tot[1] = to;
	struct chart_series s[] = {{"Antal i alt", tot, C_FIRST}};
	chart_bars(o, "chart-tabel-1", arena_printf(a, "Tabel 1: antal socialøkonomiske virksomheder i de "
	                                               "%d kommuner, %d og %d", y->nt1, y->year - 1, y->year),
	           cats, 2, s, 1);
	html(o, "</section>\n");
}

/* choices_html: a single or multi question's table, the second round's column first */
static void choices_html(struct buf *o, const struct yearly *y, int i, int number)
{
	const struct qreport *qr = &y->rep.q[i], *cq = reports_compared(y, i);
	const struct question *q = qr->q;
	htmlf(o, "<table class=\"numbers\">\n<caption class=\"visually-hidden\">Tabel %d</caption>\n"
	         "<thead><tr><th scope=\"col\">Svar</th>", number);
	if (cq)
		htmlf(o, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>", reports_round_name(&y->cmp_rd),
		      reports_round_name(&y->rd));
	else
		html(o, "<th scope=\"col\">Antal</th>");
	html(o, "</tr></thead>\n<tbody>\n");
	for (int k = 0; k < q->noptions; k++) {
		htmlf(o, "<tr><th scope=\"row\">%s</th>", q->options[k].label);
		if (cq)
			htmlf(o, "<td>%d</td>", cq->counts[k]);
		htmlf(o, "<td>%d</td></tr>\n", qr->counts[k]);
	}
	htmlf(o, "</tbody>\n<tfoot><tr><th scope=\"row\">%s</th>",
	      q->type == Q_MULTI ? "Antal besvarelser i alt" : "I alt");
	if (cq)
		htmlf(o, "<td>%d</td>", cq->answered);
	htmlf(o, "<td>%d</td></tr></tfoot>\n</table>\n", qr->answered);
}

/* compare_chart: a second round's counts beside the first's, as bars */
static void compare_chart(struct buf *o, struct arena *a, const struct yearly *y, int i, int number)
{
	const struct qreport *qr = &y->rep.q[i], *cq = &y->cmp.q[i];
	const struct question *q = qr->q;
	const char **cats = arena_alloc(a, sizeof(*cats) * (size_t)(q->noptions + 1));
	for (int k = 0; k < q->noptions; k++)
		cats[k] = q->options[k].label;
	struct chart_series s[] = {{reports_round_name(&y->cmp_rd), cq->counts, C_SECOND},
	                           {reports_round_name(&y->rd), qr->counts, C_FIRST}};
	chart_bars(o, arena_printf(a, "chart-tabel-%d", number),
	           arena_printf(a, "Tabel %d: %s og %s som søjlediagram", number,
	                        reports_round_name(&y->cmp_rd), reports_round_name(&y->rd)),
	           cats, q->noptions, s, 2);
}

/* matrix_html: a matrix question of one round as items × options with each item's I alt */
static void matrix_html(struct buf *o, const struct qreport *qr, const char *caption)
{
	const struct question *q = qr->q;
	htmlf(o, "<table class=\"numbers\">\n<caption>%s</caption>\n<thead><tr><td></td>", caption);
	for (int k = 0; k < q->noptions; k++)
		htmlf(o, "<th scope=\"col\">%s</th>", q->options[k].label);
	html(o, "<th scope=\"col\">I alt</th></tr></thead>\n<tbody>\n");
	for (int it = 0; it < q->nitems; it++) {
		htmlf(o, "<tr><th scope=\"row\">%s</th>", q->items[it].label);
		for (int k = 0; k < q->noptions; k++)
			htmlf(o, "<td>%d</td>", qr->item_counts[it * q->noptions + k]);
		htmlf(o, "<td>%d</td></tr>\n", qr->item_answered[it]);
	}
	html(o, "</tbody>\n</table>\n");
}

/* number_html: a number question's answers, sum, and (with answers) least, median, largest */
static void number_html(struct buf *o, const struct qreport *qr)
{
	htmlf(o, "<table class=\"numbers\">\n<tbody>\n<tr><th scope=\"row\">Antal svar</th><td>%d</td></tr>\n"
	         "<tr><th scope=\"row\">Sum</th><td>%lld</td></tr>\n", qr->n, qr->sum);
	if (qr->n) {
		char med[32];
		snprintf(med, sizeof(med), "%.15g", qr->median);
		htmlf(o, "<tr><th scope=\"row\">Mindste</th><td>%lld</td></tr>\n"
		         "<tr><th scope=\"row\">Median</th><td>%s</td></tr>\n"
		         "<tr><th scope=\"row\">Største</th><td>%lld</td></tr>\n", qr->min, med, qr->max);
	}
	html(o, "</tbody>\n</table>\n");
}

/* texts_html: the free-text answers under their municipality, or "Ingen svar." */
static void texts_html(struct buf *o, const struct qreport *qr)
{
	if (qr->ntexts == 0) {
		html(o, "<p class=\"empty\">Ingen svar.</p>\n");
		return;
	}
	html(o, "<table>\n<thead><tr><th scope=\"col\">Kommune</th><th scope=\"col\">Svar</th></tr></thead>\n"
	        "<tbody>\n");
	for (int k = 0; k < qr->ntexts; k++)
		htmlf(o, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>\n", qr->texts[k].navn, qr->texts[k].text);
	html(o, "</tbody>\n</table>\n");
}

/* t4_data_html: beside Tabel 4, Tabel 4 from data for the year: each column's count of the
 * placements that began in it, with discretion ("<3", ".."); with links, a link to the page of
 * Tabel 4 from data */
static void t4_data_html(struct buf *o, const struct yearly *y, bool links)
{
	htmlf(o, "<h3>%s %d</h3>\n<p>Borgernes forløb og ansættelser i alle kommuner, der begyndte i året, "
	         "efter forløbene i Indgang. Spørgsmålets delspørgsmål a til d svarer til de fire første "
	         "rækker. Tal under 3 vises som &lt;3, og en sum, der ville afsløre dem, som ..</p>\n",
	      REP_T4_DATA_TITLE, y->year);
	htmlf(o, "<table class=\"numbers\">\n<caption class=\"visually-hidden\">%s %d</caption>\n"
	         "<thead><tr><th scope=\"col\">Fra data</th><th scope=\"col\">Antal</th></tr></thead>\n<tbody>\n",
	      REP_T4_DATA_TITLE, y->year);
	for (int c = 0; c < EMP_COLUMNS; c++) {
		char text[16];
		htmlf(o, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>\n", employment_columns[c].label,
		      employment_cell_text(&y->t4.cells[c], text));
	}
	html(o, "</tbody>\n</table>\n");
	if (links)
		htmlf(o, "<p><a href=\"/statistik/beskaeftigelse?year=%d\">Tabel 4 fra data for %d pr. kommune</a></p>\n",
		      y->year, y->year);
}

/* t2_data_html: beside Tabel 2, the registry's enterprises by origin */
static void t2_data_html(struct buf *o, const struct yearly *y)
{
	htmlf(o, "<h3>%s</h3>\n<p>De socialøkonomiske virksomheder i de samme kommuner pr. 31.12.%d, efter "
	         "hvor de kom fra (registrets Tabel 2).</p>\n",
	      REP_T2_DATA_TITLE, y->year);
	htmlf(o, "<table class=\"numbers\">\n<caption class=\"visually-hidden\">%s</caption>\n"
	         "<thead><tr><th scope=\"col\">Oprindelse</th><th scope=\"col\">Antal</th></tr></thead>\n<tbody>\n",
	      REP_T2_DATA_TITLE);
	for (int k = 0; k < y->nt2; k++)
		htmlf(o, "<tr><th scope=\"row\">%s</th><td>%d</td></tr>\n", y->t2[k].label, y->t2[k].count);
	htmlf(o, "</tbody>\n<tfoot><tr><th scope=\"row\">I alt</th><td>%d</td></tr></tfoot>\n</table>\n",
	      y->t2_total);
}

/* t12_data_html: beside Tabel 12, the buckets counted from the advisory sessions (the second
 * round's month first), and one chart of the survey's and the data's counts of both rounds */
static void t12_data_html(struct buf *o, struct arena *a, const struct yearly *y,
                          const struct question *q)
{
	const char *main = reports_month_da(a, y->t12.month);
	const char *before = y->has_compare ? reports_month_da(a, y->t12_cmp.month) : NULL;
	htmlf(o, "<h3>%s</h3>\n<p>For hver kommune, der har svaret: hvor mange virksomheder og iværksættere "
	         "den rådgav i måneden, efter rådgivningssamtalerne i Indgang (en virksomhed eller "
	         "iværksætter tælles én gang om måneden, uanset antal samtaler).</p>\n",
	      REP_T12_DATA_TITLE);
	htmlf(o, "<table class=\"numbers\">\n<caption class=\"visually-hidden\">%s</caption>\n"
	         "<thead><tr><th scope=\"col\">Rådgivne i måneden</th>",
	      REP_T12_DATA_TITLE);
	if (before)
		htmlf(o, "<th scope=\"col\">%s</th>", before);
	htmlf(o, "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n", main);
	for (int k = 0; k < REPORTS_T12_BUCKETS; k++) {
		htmlf(o, "<tr><th scope=\"row\">%s</th>", q->options[k].label);
		if (before)
			htmlf(o, "<td>%d</td>", y->t12_cmp.counts[k]);
		htmlf(o, "<td>%d</td></tr>\n", y->t12.counts[k]);
	}
	html(o, "</tbody>\n<tfoot><tr><th scope=\"row\">I alt</th>");
	if (before)
		htmlf(o, "<td>%d</td>", y->t12_cmp.municipalities);
	htmlf(o, "<td>%d</td></tr></tfoot>\n</table>\n", y->t12.municipalities);
	/* the survey's answers and the data's counts of both rounds in one chart */
	const char **cats = arena_alloc(a, sizeof(*cats) * REPORTS_T12_BUCKETS);
	for (int k = 0; k < REPORTS_T12_BUCKETS; k++)
		cats[k] = q->options[k].label;
	int i = (int)(surveys_question(&y->s, "t12") - y->s.questions);
	struct chart_series s[4];
	int ns = 0;
	if (y->has_compare) {
		if (reports_compared(y, i))
			s[ns++] = (struct chart_series){
				arena_printf(a, "Besvarelser, %s", reports_round_name(&y->cmp_rd)), y->cmp.q[i].counts,
				C_SECOND};
		s[ns++] = (struct chart_series){arena_printf(a, "Data, %s", before), y->t12_cmp.counts, C_FOURTH};
	}
	s[ns++] = (struct chart_series){arena_printf(a, "Besvarelser, %s", reports_round_name(&y->rd)),
	                                y->rep.q[i].counts, C_FIRST};
	s[ns++] = (struct chart_series){arena_printf(a, "Data, %s", main), y->t12.counts, C_THIRD};
	chart_bars(o, "chart-tabel-12-data",
	           "Tabel 12: kommunernes besvarelser og tallene fra rådgivningssamtalerne som søjlediagram",
	           cats, REPORTS_T12_BUCKETS, s, ns);
}

/* survey_table_html: the section of survey question i: its table by type, a second round where
 * it answered, and the figures from data beside Tabel 2, 4 and 12 (links as for
 * reports_yearly_html) */
static void survey_table_html(struct buf *o, struct arena *a, const struct yearly *y, int i,
                              bool links)
{
	const struct qreport *qr = &y->rep.q[i];
	const struct question *q = qr->q;
	int number = reports_table_number(&y->s, i);
	htmlf(o, "<section class=\"report-section\" id=\"tabel-%d\">\n<h2>Tabel %d. %s</h2>\n", number,
	      number, q->text);
	bool data = !strcmp(q->code, "t2") || (!strcmp(q->code, "t12") && y->has_t12) ||
	            (!strcmp(q->code, "t4") && y->has_t4);
	if (data)
		htmlf(o, "<h3>%s</h3>\n", REP_FROM_SURVEY);
	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTI:
		choices_html(o, y, i, number);
		if (reports_compared(y, i) && strcmp(q->code, "t12"))
			compare_chart(o, a, y, i, number);
		break;
	case Q_MATRIX:
		matrix_html(o, qr, arena_printf(a, "Tabel %d, %s", number, reports_round_name(&y->rd)));
		if (reports_compared(y, i))
			matrix_html(o, &y->cmp.q[i],
			            arena_printf(a, "Tabel %d, %s", number, reports_round_name(&y->cmp_rd)));
		break;
	case Q_NUMBER:
		number_html(o, qr);
		break;
	case Q_TEXT:
		texts_html(o, qr);
		break;
	}
	if (!strcmp(q->code, "t2"))
		t2_data_html(o, y);
	else if (!strcmp(q->code, "t4") && y->has_t4)
		t4_data_html(o, y, links);
	else if (!strcmp(q->code, "t12") && y->has_t12)
		t12_data_html(o, a, y, q);
	html(o, "</section>\n");
}

void reports_yearly_html(struct buf *o, struct arena *a, const struct yearly *y, bool links)
{
	htmlf(o, "<p class=\"lead\">%s</p>\n", REP_YEARLY_LEAD);
	htmlf(o, "<p>%s · runde <strong>%s</strong>: %d besvarelser.", y->s.title, reports_round_name(&y->rd),
	      y->rep.respondents);
	if (y->has_compare)
		htmlf(o, " Sammenlignet med runde <strong>%s</strong>: %d besvarelser.",
		      reports_round_name(&y->cmp_rd), y->cmp.respondents);
	html(o, "</p>\n<nav aria-label=\"Tabellerne\" class=\"toc noprint\"><ul>\n<li><a href=\"#tabel-1\">Tabel 1</a></li>\n");
	for (int i = 0; i < y->s.nquestions; i++) {
		int number = reports_table_number(&y->s, i);
		htmlf(o, "<li><a href=\"#tabel-%d\">Tabel %d</a></li>\n", number, number);
	}
	html(o, "</ul></nav>\n");
	tabel1_html(o, a, y, links);
	for (int i = 0; i < y->s.nquestions; i++)
		survey_table_html(o, a, y, i, links);
}
