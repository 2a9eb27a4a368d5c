/*
 * employment_stats_web.c — the public page of Tabel 4 from data beside the survey's Tabel 4,
 * and its downloads (placements_api.c has GET /api/v1/stats/employment). Layer: handlers of
 * the employment capability. Public: counts, with statistical discretion for whom
 * access_counts_exact does not allow exact small counts.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../auth/access.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "employment_stats.h"
#include "placements_text_da.h"
#include "placements_web.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

bool employment_web_stats_params(struct req *r, bool api, int *year, const char **kommune)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	long long y = tm.tm_year + 1900 - 1;
	const char *ys = req_query(r, "year");
	if (ys && *ys && text_parse_int(ys, 1900, 2200, &y) != 0) {
		if (api)
			reply_api_error(r, 400, "bad_parameter", "year must be a year such as 2015.", "year");
		else
			reply_page_error(r, 400, "Året skal skrives med fire cifre, fx 2015.");
		return false;
	}
	const char *k = req_query(r, "kommune");
	*kommune = k && *k ? k : NULL;
	if (*kommune && !text_is_digits(*kommune, 3)) {
		if (api)
			reply_api_error(r, 400, "bad_parameter", "kommune must be a three-digit code.", "kommune");
		else
			reply_page_error(r, 400, "Kommunen skal angives med sin trecifrede kode.");
		return false;
	}
	*year = (int)y;
	return true;
}

/* "&kommune=K" for links, or "" */
static const char *kommune_arg(struct req *r, const char *kommune)
{
	return kommune ? arena_printf(&r->a, "&kommune=%s", kommune) : "";
}

/* the table of Tabel 4 from data up to its head, in its scrolling region (table_end closes both) */
static void table_head(struct buf *o, int year)
{
	char label[40];
	snprintf(label, sizeof(label), "Tabel 4 fra data, %d", year);
	table_begin(o, label, "numbers");
	htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr><th scope=\"col\">Kommune</th>", label);
	for (int c = 0; c < EMP_COLUMNS; c++)
		htmlf(o, "<th scope=\"col\">%s</th>", employment_columns[c].label);
	html(o, "</tr></thead>\n");
}

/* the five cells of a row as text, hidden counts by their marks */
static void cells(struct buf *o, const struct employment_row *row)
{
	for (int c = 0; c < EMP_COLUMNS; c++) {
		char t[16];
		htmlf(o, "<td>%s</td>", employment_cell_text(&row->cells[c], t));
	}
}

/* the survey's Tabel 4 with the counts from data in a last column */
static void survey_section(struct req *r, int year, const struct employment_survey *s,
                           const struct employment_row *total)
{
	struct buf *o = &r->out;
	htmlf(o, "<h2>" S_SURVEY_TITLE "</h2>\n", year);
	htmlf(o, "<p>%s, runde %s: i hvor høj grad kommunerne vurderede, at projekterne havde "
	         "medvirket til flere forløb og ansættelser. Tallene er antal kommuner (%d svarede); "
	         "den sidste kolonne er antal personer og virksomheder fra data ovenfor.</p>\n",
	      s->survey_title, s->round_title, s->respondents);
	table_begin(o, arena_printf(&r->a, S_SURVEY_TITLE, year), "numbers matrix");
	htmlf(o, "<caption class=\"visually-hidden\">" S_SURVEY_TITLE "</caption>\n<thead><tr><th scope=\"col\">%s</th>",
	      year, S_SURVEY_ITEM);
	for (int k = 0; k < s->noptions; k++)
		htmlf(o, "<th scope=\"col\">%s</th>", s->options[k]);
	htmlf(o, "<th scope=\"col\">%s</th><th scope=\"col\">" S_SURVEY_DATA "</th></tr></thead>\n<tbody>\n",
	      S_SURVEY_TOTAL, year);
	for (int i = 0; i < s->nitems; i++) {
		char t[16];
		htmlf(o, "<tr><th scope=\"row\">%s</th>", s->items[i].label);
		for (int k = 0; k < s->noptions; k++)
			htmlf(o, "<td>%d</td>", s->items[i].counts[k]);
		htmlf(o, "<td>%d</td><td>%s</td></tr>\n", s->items[i].answered,
		      employment_cell_text(&total->cells[i], t));
	}
	html(o, "</tbody>\n");
	table_end(o);
}

/* GET /statistik/beskaeftigelse — public. ?year=Y (default last year), kommune=K. Tabel 4 from
 * data (exact for the staff of K, else with discretion) and the survey's Tabel 4 for the year
 * when there is one, with downloads that keep year and kommune. */
int employment_page_stats(struct req *r)
{
	int year;
	const char *kommune;
	if (!employment_web_stats_params(r, false, &year, &kommune))
		return 0;
	bool exact = access_counts_exact(r->user, kommune, 0), found;
	struct employment_row *rows, total;
	struct employment_survey survey;
	struct kommune *ks;
	int n, nk;
	int rc = employment_stats(r->db, &r->a, year, kommune, exact, &rows, &n, &total);
	if (rc == 0)
		rc = employment_survey_tabel4(r->db, &r->a, year, &survey, &found);
	if (rc == 0)
		rc = kommune_list(r->db, &r->a, &ks, &nk);
	if (rc)
		return page_fail(r, rc, "Kommunen findes ikke.");
	page_begin(r, S_TITLE);
	struct buf *o = &r->out;
	htmlf(o, "<p class=\"lead\">%s</p>\n", S_LEAD);
	html(o, "<form method=\"get\" action=\"/statistik/beskaeftigelse\" class=\"filter\">\n");
	form_input(o, &(struct form_field){.name = "year", .label = S_YEAR, .type = "number",
	                                   .value = arena_printf(&r->a, "%d", year)});
	struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nk + 1));
	ko[0] = (struct form_option){"", S_ALL_KOMMUNER};
	for (int i = 0; i < nk; i++)
		ko[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
	form_select(o, &(struct form_field){.name = "kommune", .label = S_KOMMUNE,
	                                    .value = kommune ? kommune : ""}, ko, nk + 1);
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", P_SHOW);
	htmlf(o, "<h2>Tabel 4 fra data: forløb og ansættelser, der begyndte i %d</h2>\n", year);
	if (n == 0) {
		htmlf(o, "<p class=\"empty\">" S_EMPTY "</p>\n", year);
	} else {
		table_head(o, year);
		html(o, "<tbody>\n");
		for (int i = 0; i < n; i++) {
			htmlf(o, "<tr><th scope=\"row\">%s</th>", rows[i].navn);
			cells(o, &rows[i]);
			html(o, "</tr>\n");
		}
		html(o, "</tbody>\n<tfoot><tr><th scope=\"row\">I alt</th>");
		cells(o, &total);
		html(o, "</tr></tfoot>\n");
		table_end(o);
	}
	htmlf(o, "<p class=\"hint\">%s</p>\n", exact ? S_EXACT : S_DISCRETION);
	if (!exact && r->user && !access_national(r->user))
		htmlf(o, "<p class=\"hint\">%s</p>\n", S_EXACT_HINT);
	const char *kq = kommune_arg(r, kommune);
	htmlf(o, "<p>%s: <a href=\"/statistik/beskaeftigelse/eksport?format=csv&amp;year=%d%s\">CSV</a> · "
	         "<a href=\"/statistik/beskaeftigelse/eksport?format=xlsx&amp;year=%d%s\">Excel (XLSX)</a> · "
	         "<a href=\"/api/v1/stats/employment?year=%d%s\">JSON</a></p>\n",
	      S_DOWNLOAD, year, kq, year, kq, year, kq);
	if (found)
		survey_section(r, year, &survey, &total);
	else
		htmlf(o, "<p>" S_SURVEY_NONE "</p>\n", year);
	html(o, "<p><a href=\"/statistik\">Tabel 1 og 2: virksomhederne i registret</a></p>\n");
	return page_end(r, 200);
}

/* GET /statistik/beskaeftigelse/eksport — public. ?format=csv|xlsx|json&year=Y&kommune=K:
 * the table of the page, with the same discretion. */
int employment_download_stats(struct req *r)
{
	int year;
	const char *kommune;
	if (!employment_web_stats_params(r, false, &year, &kommune))
		return 0;
	const char *format = req_query(r, "format") ? req_query(r, "format") : "csv";
	if (strcmp(format, "csv") && strcmp(format, "xlsx") && strcmp(format, "json"))
		return reply_page_error(r, 400, "Formatet skal være csv, xlsx eller json.");
	bool exact = access_counts_exact(r->user, kommune, 0);
	struct employment_row *rows, total;
	int n;
	int rc = employment_stats(r->db, &r->a, year, kommune, exact, &rows, &n, &total);
	if (rc)
		return page_fail(r, rc, "Kommunen findes ikke.");
	buf_reset(&r->out);
	const char *name = kommune ? arena_printf(&r->a, "tabel4-%d-%s", year, kommune)
	                           : arena_printf(&r->a, "tabel4-%d", year);
	if (!strcmp(format, "xlsx")) {
		if (employment_stats_xlsx(&r->out, year, exact, rows, n, &total) != 0)
			return reply_page_error(r, 500, "Regnearket kunne ikke skrives.");
		return reply_download(r, XLSX_TYPE, arena_printf(&r->a, "%s.xlsx", name));
	}
	if (!strcmp(format, "json")) {
		employment_stats_json(&r->out, year, kommune, exact, rows, n, &total);
		return reply_json(r, 200);
	}
	struct csv_out w;
	page_csv_begin(r, &w);
	employment_stats_csv(&w, true, rows, n, &total);
	return reply_download(r, "text/csv; charset=utf-8", arena_printf(&r->a, "%s.csv", name));
}
