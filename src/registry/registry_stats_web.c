/*
 * registry_stats_web.c — the statistics page (Tabel 1 and 2 from the registry's data, with a
 * bar chart) and the downloads (registry_api.c has GET /api/v1/stats/enterprises).
 * Layer: handlers of the registry capability. Public: these are counts, not personal data.
 */
#include <string.h>
#include <time.h>

#include "../base/err.h"
#include "../base/text.h"
#include "../http/api.h"
#include "../http/page.h"
#include "../view/chart.h"
#include "registry.h"
#include "registry_io.h"
#include "registry_report.h"
#include "registry_text_da.h"
#include "registry_web.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

bool registry_web_stats_params(struct req *r, bool api, int *year, const char ***list)
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
	const char *bad = NULL;
	*list = registry_parse_kommuner(&r->a, req_query(r, "kommuner"), &bad);
	if (bad) {
		if (api)
			reply_api_error(r, 400, "bad_parameter",
			                "kommuner must be three-digit codes separated by commas.", "kommuner");
		else
			reply_page_error(r, 400, "Kommunerne skal angives med deres trecifrede koder, adskilt af komma.");
		return false;
	}
	*year = (int)y;
	return true;
}

/* GET /statistik — public. ?year=Y&kommuner=740,621 */
int registry_page_stats(struct req *r)
{
	int year;
	const char **list;
	if (!registry_web_stats_params(r, false, &year, &list))
		return 0;
	struct tabel1_row *rows, sum;
	struct tabel2_row *t2;
	int n, n2, t2_total;
	int rc = registry_tabel1(r->db, &r->a, year, list, &rows, &n, &sum);
	if (rc == 0)
		rc = registry_tabel2(r->db, &r->a, year, list, &t2, &n2, &t2_total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, R_STATS_TITLE);
	struct buf *o = &r->out;
	html(o, "<form method=\"get\" action=\"/statistik\" class=\"filter\">\n");
	form_input(o, &(struct form_field){.name = "year", .label = R_YEAR, .type = "number",
	                                   .value = arena_printf(&r->a, "%d", year)});
	form_input(o, &(struct form_field){.name = "kommuner", .label = R_KOMMUNER_FILTER,
	                                   .value = req_query(r, "kommuner"), .hint = R_KOMMUNER_HINT});
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", R_SHOW);
	htmlf(o, "<h2>Tabel 1. Socialøkonomiske virksomheder pr. 31.12.%d</h2>\n", year);
	if (n == 0) {
		html(o, "<p class=\"empty\">Ingen kommuner har virksomheder i registret for dette år.</p>\n");
	} else {
		htmlf(o, "<table class=\"numbers\">\n<caption class=\"visually-hidden\">Tabel 1, %d</caption>\n"
		         "<thead><tr><th scope=\"col\">Kommune</th><th scope=\"col\">Antal i alt</th>"
		         "<th scope=\"col\">Heraf registrerede</th><th scope=\"col\">Etableret i %d</th>"
		         "<th scope=\"col\">Vurderes på vej</th></tr></thead>\n<tbody>\n", year, year);
		for (int i = 0; i < n; i++)
			htmlf(o, "<tr><th scope=\"row\">%s</th><td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>\n",
			      rows[i].navn, rows[i].total, rows[i].registered, rows[i].established,
			      rows[i].pipeline);
		htmlf(o, "</tbody>\n<tfoot><tr><th scope=\"row\">I alt</th><td>%d</td><td>%d</td><td>%d</td>"
		         "<td>%d</td></tr></tfoot>\n</table>\n",
		      sum.total, sum.registered, sum.established, sum.pipeline);
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
		chart_bars(o, "tabel1", arena_printf(&r->a, "Tabel 1 for %d som søjlediagram", year), cats, n,
		           series, 3);
	}
	htmlf(o, "<h2>Tabel 2. Virksomheder efter oprindelse pr. 31.12.%d</h2>\n", year);
	html(o, "<table class=\"numbers\">\n<caption class=\"visually-hidden\">Tabel 2</caption>\n"
	        "<thead><tr><th scope=\"col\">Oprindelse</th><th scope=\"col\">Antal</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n2; i++)
		htmlf(o, "<tr><th scope=\"row\">%s</th><td>%d</td></tr>\n", t2[i].label, t2[i].count);
	htmlf(o, "</tbody>\n<tfoot><tr><th scope=\"row\">I alt</th><td>%d</td></tr></tfoot>\n</table>\n",
	      t2_total);
	const char *k = req_query(r, "kommuner");
	const char *kq = k && *k ? arena_printf(&r->a, "&kommuner=%s", html_url(&r->a, k)) : "";
	htmlf(o, "<p>Hent tabellerne: <a href=\"/statistik/virksomheder?format=csv&amp;year=%d%s\">CSV</a> · "
	         "<a href=\"/statistik/virksomheder?format=xlsx&amp;year=%d%s\">Excel (XLSX)</a> · "
	         "<a href=\"/api/v1/stats/enterprises?year=%d%s\">JSON</a></p>\n",
	      year, kq, year, kq, year, kq);
	htmlf(o, "<p class=\"hint\">%s</p>\n", R_STATS_SOEV_ONLY);
	htmlf(o, "<p><a href=\"/statistik/bilag1\">%s</a></p>\n", R_BILAG1_LINK);
	htmlf(o, "<p><a href=\"/statistik/beskaeftigelse?year=%d\">Tabel 4: forløb og ansættelser</a></p>\n", year);
	return page_end(r, 200);
}

/* GET /statistik/virksomheder — public. ?format=csv|xlsx|json&year=Y&kommuner=... */
int registry_download_stats(struct req *r)
{
	int year;
	const char **list;
	if (!registry_web_stats_params(r, false, &year, &list))
		return 0;
	const char *format = req_query(r, "format") ? req_query(r, "format") : "csv";
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
		return reply_download(r, XLSX_TYPE, arena_printf(&r->a, "tabel1-%d.xlsx", year));
	}
	if (!strcmp(format, "json")) {
		registry_tabel1_json(&r->out, year, rows, n, &sum);
		return reply_json(r, 200);
	}
	if (strcmp(format, "csv"))
		return reply_page_error(r, 400, "Formatet skal være csv, xlsx eller json.");
	registry_tabel1_csv(&r->out, rows, n, &sum);
	return reply_download(r, "text/csv; charset=utf-8", arena_printf(&r->a, "tabel1-%d.csv", year));
}

/* GET /virksomheder/eksport — public. ?format=csv|xlsx|json[&kommune=KODE][&kind=...]: every
 * enterprise with the import's columns. kind as on the list page: soev (the default), company
 * or all; an unknown value counts as the default, as there. */
int registry_download_export(struct req *r)
{
	const char *format = req_query(r, "format") ? req_query(r, "format") : "csv";
	const char *kommune = req_query(r, "kommune");
	if (kommune && !text_is_digits(kommune, 3))
		kommune = NULL;
	const char *kind = req_query(r, "kind");
	if (!kind || (strcmp(kind, "all") && !registry_kind_valid(kind)))
		kind = REGISTRY_KIND_SOEV;
	else if (!strcmp(kind, "all"))
		kind = NULL;
	enum export_format f = !strcmp(format, "xlsx") ? EXPORT_XLSX : !strcmp(format, "json") ? EXPORT_JSON : EXPORT_CSV;
	if (strcmp(format, "csv") && strcmp(format, "xlsx") && strcmp(format, "json"))
		return reply_page_error(r, 400, "Formatet skal være csv, xlsx eller json.");
	buf_reset(&r->out);
	if (registry_export(r->db, &r->a, kommune, kind, f, &r->out) != 0)
		return reply_page_error(r, 500, "Eksporten kunne ikke skrives.");
	if (f == EXPORT_XLSX)
		return reply_download(r, XLSX_TYPE, "virksomheder.xlsx");
	if (f == EXPORT_CSV)
		return reply_download(r, "text/csv; charset=utf-8", "virksomheder.csv");
	return reply_json(r, 200);
}
