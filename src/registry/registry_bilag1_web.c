/*
 * registry_bilag1_web.c — Bilag 1 of the 2015 report from the registry's data: for each
 * municipality the social-economy enterprises it works with, those at home in it and those from
 * other municipalities that work in it (other_kommuner); the page and its downloads.
 * Layer: handlers of the registry capability. Public: registry facts, no personal data.
 */
#include <string.h>

#include "../base/csv.h"
#include "../base/text.h"
#include "../http/api.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "registry.h"
#include "registry_report.h"
#include "registry_text_da.h"
#include "registry_web.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ?kommune: three digits, or NULL for every municipality (anything else is ignored, as on the
 * registry's list) */
static const char *kommune_param(struct req *r)
{
	const char *k = req_query(r, "kommune");
	return k && text_is_digits(k, 3) ? k : NULL;
}

/* the municipality chooser */
static void filter_form(struct req *r, const struct kommune *ks, int nk, const char *kommune)
{
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(nk + 1));
	fo[0] = (struct form_option){"", R_ALL_KOMMUNER};
	for (int i = 0; i < nk; i++)
		fo[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
	html(&r->out, "<form method=\"get\" action=\"/statistik/bilag1\" class=\"filter\">\n");
	form_select(&r->out, &(struct form_field){.name = "kommune", .label = R_KOMMUNE,
	                                          .value = kommune ? kommune : ""},
	            fo, nk + 1);
	htmlf(&r->out, "<button type=\"submit\">%s</button>\n</form>\n", R_FILTER);
}

/* rows as a table: one row per municipality, its enterprises as a list */
static void bilag1_table(struct buf *o, const struct bilag1_row *rows, int n)
{
	table_begin(o, R_BILAG1_TITLE, "bilag1");
	htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n"
	         "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	      R_BILAG1_TITLE, R_KOMMUNE, R_BILAG1_COL);
	for (int i = 0; i < n; i++) {
		const struct bilag1_row *b = &rows[i];
		bool first = i == 0 || strcmp(rows[i - 1].kommune, b->kommune) != 0;
		bool last = i + 1 == n || strcmp(rows[i + 1].kommune, b->kommune) != 0;
		if (first)
			htmlf(o, "<tr><th scope=\"row\"><a href=\"/virksomheder?kommune=%s\">%s</a></th>"
			         "<td><ul>\n", b->kommune, b->navn);
		htmlf(o, "<li><a href=\"/virksomheder/%lld\">%s</a>", (long long)b->id, b->name);
		if (!b->home)
			htmlf(o, " <span class=\"hint\">(%s %s)</span>", R_WORKS_IN, b->home_navn);
		html(o, "</li>\n");
		if (last)
			html(o, "</ul></td></tr>\n");
	}
	html(o, "</tbody>\n");
	table_end(o);
}

/* GET /statistik/bilag1 — public. ?kommune=KODE for one municipality. Bilag 1 of the report:
 * the enterprises each municipality works with, not closed today. */
int registry_page_bilag1(struct req *r)
{
	const char *kommune = kommune_param(r);
	struct bilag1_row *rows;
	struct kommune *ks;
	int n, nk;
	int rc = registry_bilag1(r->db, &r->a, kommune, page_today(r), &rows, &n);
	if (rc == 0)
		rc = kommune_list(r->db, &r->a, &ks, &nk);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, R_BILAG1_TITLE);
	struct buf *o = &r->out;
	htmlf(o, "<p class=\"lead\">%s</p>\n", R_BILAG1_LEAD);
	filter_form(r, ks, nk, kommune);
	if (n == 0)
		htmlf(o, "<p class=\"empty\" role=\"status\">%s</p>\n", kommune ? R_BILAG1_NONE : R_BILAG1_EMPTY);
	else
		bilag1_table(o, rows, n);
	const char *kq = kommune ? arena_printf(&r->a, "&kommune=%s", kommune) : "";
	htmlf(o, "<p>Hent Bilag 1: <a href=\"/statistik/bilag1/eksport?format=csv%s\">CSV</a> · "
	         "<a href=\"/statistik/bilag1/eksport?format=xlsx%s\">Excel (XLSX)</a> · "
	         "<a href=\"/statistik/bilag1/eksport?format=json%s\">JSON</a></p>\n",
	      kq, kq, kq);
	htmlf(o, "<p><a href=\"/statistik\">%s</a></p>\n", R_STATS_TITLE);
	return page_end(r, 200);
}

/* GET /statistik/bilag1/eksport — public. ?format=csv|xlsx|json[&kommune=KODE]: the rows of the
 * page, one per municipality and enterprise, with whether it is the enterprise's home. The CSV
 * is for people (the XLSX's Danish headings; as page_csv_begin writes it, ?sep=,), or with
 * ?raw=1 the machine columns of docs/registry.md. */
int registry_download_bilag1(struct req *r)
{
	const char *format = req_query(r, "format") ? req_query(r, "format") : "csv";
	if (strcmp(format, "csv") && strcmp(format, "xlsx") && strcmp(format, "json"))
		return reply_page_error(r, 400, "Formatet skal være csv, xlsx eller json.");
	const char *kommune = kommune_param(r);
	struct bilag1_row *rows;
	int n;
	int rc = registry_bilag1(r->db, &r->a, kommune, page_today(r), &rows, &n);
	if (rc)
		return page_fail(r, rc, NULL);
	const char *base = kommune ? arena_printf(&r->a, "bilag1-%s", kommune) : "bilag1";
	buf_reset(&r->out);
	if (!strcmp(format, "xlsx")) {
		if (registry_bilag1_xlsx(&r->out, rows, n) != 0)
			return reply_page_error(r, 500, "Regnearket kunne ikke skrives.");
		return reply_download(r, XLSX_TYPE, arena_printf(&r->a, "%s.xlsx", base));
	}
	if (!strcmp(format, "json")) {
		registry_bilag1_json(&r->out, rows, n);
		return reply_json(r, 200);
	}
	const char *raw = req_query(r, "raw");
	struct csv_out w;
	page_csv_begin(r, &w);
	registry_bilag1_csv(&w, rows, n, !(raw && !strcmp(raw, "1")));
	return reply_download(r, "text/csv; charset=utf-8", arena_printf(&r->a, "%s.csv", base));
}
