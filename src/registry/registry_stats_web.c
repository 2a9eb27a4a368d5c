/*
 * registry_stats_web.c — the statistics page (Tabel 1 and 2 from the registry's data, with a
 * bar chart) and the downloads (registry_api.c has GET /api/v1/stats/enterprises).
 * Layer: handlers of the registry capability. Public: these are counts, not personal data.
 */
#include <string.h>
#include <time.h>

#include "../base/csv.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../http/api.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "../kommune/kommune_web.h"
#include "../view/chart.h"
#include "registry.h"
#include "registry_io.h"
#include "registry_report.h"
#include "registry_text_da.h"
#include "registry_web.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#define YEAR_MIN 1900
#define YEAR_MAX 2200
#define YEAR_ERROR "Året skal være et årstal fra 1900 til 2200, fx 2015."
#define KOMMUNER_ERROR "Kommunerne skal angives med deres trecifrede koder, adskilt af komma."

/* the year (?year, default last year) and municipalities (?kommuner, one per checkbox of the
 * page's picker or separated by commas; NULL: all) of a statistics request. NULL when both are
 * good, else the field that is not ("year" or "kommuner"), whose default *year or *list then
 * holds. */
static const char *stats_params(struct req *r, int *year, const char ***list)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	long long y = tm.tm_year + 1900 - 1;
	const char *ys = req_query(r, "year");
	const char *wrong = NULL;
	if (ys && *ys && text_parse_int(ys, YEAR_MIN, YEAR_MAX, &y) != 0) {
		wrong = "year";
		y = tm.tm_year + 1900 - 1;
	}
	*year = (int)y;
	const char *bad = NULL;
	*list = registry_parse_kommuner(&r->a, kommune_web_codes(&r->a, r->query, "kommuner"), &bad);
	if (bad && !wrong)
		wrong = "kommuner";
	return wrong;
}

bool registry_web_stats_params(struct req *r, bool api, int *year, const char ***list)
{
	const char *wrong = stats_params(r, year, list);
	if (!wrong)
		return true;
	bool y = !strcmp(wrong, "year");
	if (api)
		reply_api_error(r, 400, "bad_parameter",
		                y ? "year must be a year from 1900 to 2200, such as 2015."
		                  : "kommuner must be three-digit codes separated by commas.", wrong);
	else
		reply_page_error(r, 400, y ? YEAR_ERROR : KOMMUNER_ERROR);
	return false;
}

/* GET /statistik — public. ?year=Y&kommuner=740,621 (or kommuner=740&kommuner=621 from the
 * picker). A wrong year or code is 400 with the page of the default in its place, the error
 * next to the field and the form to correct it. */
int registry_page_stats(struct req *r)
{
	int year;
	const char **list;
	const char *wrong = stats_params(r, &year, &list);
	if (wrong)
		errs_add(&r->errs, wrong, !strcmp(wrong, "year") ? YEAR_ERROR : KOMMUNER_ERROR);
	struct tabel1_row *rows, sum;
	struct tabel2_row *t2;
	struct kommune *ks;
	int n, n2, t2_total, nk;
	int rc = registry_tabel1(r->db, &r->a, year, list, &rows, &n, &sum);
	if (rc == 0)
		rc = registry_tabel2(r->db, &r->a, year, list, &t2, &n2, &t2_total);
	if (rc == 0)
		rc = kommune_list(r->db, &r->a, &ks, &nk);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, R_STATS_TITLE);
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	html(o, "<form method=\"get\" action=\"/statistik\" class=\"stack\">\n");
	const char *ys = req_query(r, "year");
	form_input(o, &(struct form_field){.name = "year", .label = R_YEAR, .type = "number",
	                                   .value = wrong && !strcmp(wrong, "year") ? ys : arena_printf(&r->a, "%d", year),
	                                   .hint = "Fra 1900 til 2200.", .error = errs_get(&r->errs, "year")});
	int nchosen = 0;
	while (list && list[nchosen])
		nchosen++;
	kommune_web_picker(o, &r->a, &(struct form_field){.name = "kommuner", .label = R_KOMMUNER_FILTER,
	                                                  .hint = R_KOMMUNER_HINT,
	                                                  .error = errs_get(&r->errs, "kommuner")},
	                   ks, nk, list, nchosen);
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", R_SHOW);
	htmlf(o, "<h2>Tabel 1. Socialøkonomiske virksomheder pr. 31.12.%d</h2>\n", year);
	if (n == 0) {
		html(o, "<p class=\"empty\">Ingen kommuner har virksomheder i registret for dette år.</p>\n");
	} else {
		table_begin(o, arena_printf(&r->a, "Tabel 1, %d", year), "numbers");
		htmlf(o, "<caption class=\"visually-hidden\">Tabel 1, %d</caption>\n"
		         "<thead><tr><th scope=\"col\">Kommune</th><th scope=\"col\">Antal i alt</th>"
		         "<th scope=\"col\">Heraf registrerede</th><th scope=\"col\">Etableret i %d</th>"
		         "<th scope=\"col\">Vurderes på vej</th></tr></thead>\n<tbody>\n", year, year);
		for (int i = 0; i < n; i++)
			htmlf(o, "<tr><th scope=\"row\">%s</th><td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>\n",
			      rows[i].navn, rows[i].total, rows[i].registered, rows[i].established,
			      rows[i].pipeline);
		htmlf(o, "</tbody>\n<tfoot><tr><th scope=\"row\">I alt</th><td>%d</td><td>%d</td><td>%d</td>"
		         "<td>%d</td></tr></tfoot>\n",
		      sum.total, sum.registered, sum.established, sum.pipeline);
		table_end(o);
		const char **cats = arena_alloc(&r->a, sizeof(*cats) * (size_t)n);
		int *tot = arena_alloc(&r->a, sizeof(int) * (size_t)n);
		int *reg = arena_alloc(&r->a, sizeof(int) * (size_t)n);
		int *pipe = arena_alloc(&r->a, sizeof(int) * (size_t)n);
		for (int i = 0; i < n; i++) {
			cats[i] = rows[i].navn;
			tot[i] = rows[i].total;
			reg[i] = rows[i].registered;
			pipe[i] = rows[i].pipeline;
		}
		struct chart_series series[] = {
			{"Antal i alt", tot, "#0b5394"},
			{"Heraf registrerede", reg, "#b45f06"},
			{"Vurderes på vej", pipe, "#38761d"},
		};
		chart_bars(o, "tabel1", arena_printf(&r->a, "Tabel 1 for %d som diagram", year), cats, n,
		           series, 3);
	}
	htmlf(o, "<h2>Tabel 2. Virksomheder efter oprindelse pr. 31.12.%d</h2>\n", year);
	table_begin(o, arena_printf(&r->a, "Tabel 2, %d", year), "numbers");
	html(o, "<caption class=\"visually-hidden\">Tabel 2</caption>\n"
	        "<thead><tr><th scope=\"col\">Oprindelse</th><th scope=\"col\">Antal</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n2; i++)
		htmlf(o, "<tr><th scope=\"row\">%s</th><td>%d</td></tr>\n", t2[i].label, t2[i].count);
	htmlf(o, "</tbody>\n<tfoot><tr><th scope=\"row\">I alt</th><td>%d</td></tr></tfoot>\n",
	      t2_total);
	table_end(o);
	const char *k = kommune_web_codes(&r->a, r->query, "kommuner");
	const char *kq = k && *k ? arena_printf(&r->a, "&kommuner=%s", html_url(&r->a, k)) : "";
	/* one workbook with both tables; a CSV file and a JSON answer per table */
	htmlf(o, "<p>Hent tabellerne: <a href=\"/statistik/virksomheder?format=xlsx&amp;year=%d%s\">"
	         "Tabel 1 og 2 i Excel (XLSX)</a> · "
	         "<a href=\"/statistik/virksomheder?format=csv&amp;table=1&amp;year=%d%s\">Tabel 1 som CSV</a> · "
	         "<a href=\"/statistik/virksomheder?format=csv&amp;table=2&amp;year=%d%s\">Tabel 2 som CSV</a> · "
	         "<a href=\"/api/v1/stats/enterprises?year=%d%s\">Tabel 1 som JSON</a> · "
	         "<a href=\"/api/v1/stats/enterprises?table=2&amp;year=%d%s\">Tabel 2 som JSON</a></p>\n",
	      year, kq, year, kq, year, kq, year, kq, year, kq);
	htmlf(o, "<p class=\"hint\">%s</p>\n", R_STATS_SOEV_ONLY);
	htmlf(o, "<p><a href=\"/statistik/bilag1\">%s</a></p>\n", R_BILAG1_LINK);
	htmlf(o, "<p><a href=\"/statistik/beskaeftigelse?year=%d\">Tabel 4: forløb og ansættelser</a></p>\n", year);
	/* purchasing: spend with social-economy enterprises (procurement/spend_web.c) */
	htmlf(o, "<p><a href=\"/statistik/indkoeb?year=%d\">Indkøb hos socialøkonomiske virksomheder</a></p>\n", year);
	/* the networks' figures (collab/networks_web.c) and the municipalities' strategies with
	 * their goals measured from the data (collab/strategies_web.c), both public */
	htmlf(o, "<p><a href=\"/statistik/netvaerk?year=%d\">Tabel 8: netværk med virksomhederne</a></p>\n", year);
	html(o, "<p><a href=\"/strategier\">Kommunernes strategier og mål</a></p>\n");
	return page_end(r, wrong ? 400 : 200);
}

/* GET /statistik/virksomheder — public. ?format=csv|xlsx|json&year=Y&kommuner=...&table=1|2:
 * XLSX both tables (a sheet each); CSV and JSON the table asked for (default 1). The CSV is for
 * people (Danish headings; as page_csv_begin writes it, ?sep=,), or with ?raw=1 the command
 * line's columns. */
int registry_download_stats(struct req *r)
{
	int year;
	const char **list;
	if (!registry_web_stats_params(r, false, &year, &list))
		return 0;
	const char *format = req_query(r, "format") ? req_query(r, "format") : "csv";
	const char *table = req_query(r, "table");
	bool two = table && !strcmp(table, "2");
	if (table && *table && !two && strcmp(table, "1"))
		return reply_page_error(r, 400, "Tabellen skal være 1 eller 2.");
	struct tabel1_row *rows, sum;
	struct tabel2_row *t2;
	int n, n2, t2_total;
	int rc = registry_tabel1(r->db, &r->a, year, list, &rows, &n, &sum);
	if (rc == 0)
		rc = registry_tabel2(r->db, &r->a, year, list, &t2, &n2, &t2_total);
	if (rc)
		return page_fail(r, rc, NULL);
	buf_reset(&r->out);
	if (!strcmp(format, "xlsx")) {
		if (registry_tables_xlsx(&r->out, year, rows, n, &sum, t2, n2, t2_total) != 0)
			return reply_page_error(r, 500, "Regnearket kunne ikke skrives.");
		return reply_download(r, XLSX_TYPE, arena_printf(&r->a, "tabel1-og-2-%d.xlsx", year));
	}
	if (!strcmp(format, "json")) {
		if (two)
			registry_tabel2_json(&r->out, year, t2, n2, t2_total);
		else
			registry_tabel1_json(&r->out, year, rows, n, &sum);
		return reply_json(r, 200);
	}
	if (strcmp(format, "csv"))
		return reply_page_error(r, 400, "Formatet skal være csv, xlsx eller json.");
	const char *raw = req_query(r, "raw");
	bool people = !(raw && !strcmp(raw, "1"));
	struct csv_out w;
	page_csv_begin(r, &w);
	if (two)
		registry_tabel2_csv(&w, t2, n2, t2_total, people);
	else
		registry_tabel1_csv(&w, year, rows, n, &sum, people);
	return reply_download(r, "text/csv; charset=utf-8", arena_printf(&r->a, "tabel%d-%d.csv", two ? 2 : 1, year));
}

/* GET /virksomheder/eksport — public. ?format=csv|xlsx|json with the list page's query (q,
 * kommune, service, target, kind, status, registered, sort; not its paging): every enterprise
 * the page lists, in its order. kind as on the list page: soev (the default), company or all; an
 * unknown value counts as the default, as there. CSV and XLSX for people (Danish headings and
 * labels; the CSV as page_csv_begin writes it, ?sep=,); ?raw=1 gives the import's columns
 * instead, as `indgang registry export` writes them. JSON has the import's columns. The demo's
 * placeholders are left out as on the page, unless ?pladsholdere=vis. */
int registry_download_export(struct req *r)
{
	const char *format = req_query(r, "format") ? req_query(r, "format") : "csv";
	if (strcmp(format, "csv") && strcmp(format, "xlsx") && strcmp(format, "json"))
		return reply_page_error(r, 400, "Formatet skal være csv, xlsx eller json.");
	struct registry_query q;
	registry_query_from(r, &q, 0);
	const char *kind = req_query(r, "kind");
	if (!kind || (strcmp(kind, "all") && !registry_kind_valid(kind)))
		q.kind = REGISTRY_KIND_SOEV;
	else if (!strcmp(kind, "all"))
		q.kind = NULL;
	/* the demo's placeholders, as the list: left out unless asked for */
	const char *fillers = req_query(r, "pladsholdere");
	q.source_not = fillers && !strcmp(fillers, "vis") ? NULL : REGISTRY_SOURCE_FILLER;
	const char *raw = req_query(r, "raw");
	struct export_style st = {
		.format = !strcmp(format, "xlsx") ? EXPORT_XLSX : !strcmp(format, "json") ? EXPORT_JSON : EXPORT_CSV,
		.delim = ',', .people = !(raw && !strcmp(raw, "1")), .day = page_today(r)};
	buf_reset(&r->out);
	if (st.format == EXPORT_CSV) {
		struct csv_out w;
		page_csv_begin(r, &w);
		st.delim = w.delim;
	}
	if (registry_export_query(r->db, &r->a, &q, &st, &r->out) != 0)
		return reply_page_error(r, 500, "Eksporten kunne ikke skrives.");
	if (st.format == EXPORT_XLSX)
		return reply_download(r, XLSX_TYPE, "virksomheder.xlsx");
	if (st.format == EXPORT_CSV)
		return reply_download(r, "text/csv; charset=utf-8", "virksomheder.csv");
	return reply_json(r, 200);
}
