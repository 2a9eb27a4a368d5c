/*
 * spend_web.c — the page "Indkøb i tal" (/statistik/indkoeb): spend with social-economy
 * enterprises per municipality (public), and for the municipality's staff per enterprise and per
 * service, as tables, a chart and CSV/XLSX downloads that keep the filters.
 * Layer: handlers of the procurement capability; spend_rows() decides who sees what.
 */
#include <string.h>
#include <time.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../view/chart.h"
#include "purchases_web.h"
#include "spend.h"
#include "spend_web.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ?year (default last year) and ?kommune; false when the 400 page is answered */
static bool params_or_reply(struct req *r, int *year, const char **kommune)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	long long y = tm.tm_year + 1900 - 1;
	const char *ys = req_query(r, "year");
	if (ys && *ys && text_parse_int(ys, 1900, 2200, &y) != 0) {
		reply_page_error(r, 400, "Året skal skrives med fire cifre, fx 2015.");
		return false;
	}
	const char *k = req_query(r, "kommune");
	*kommune = k && *k ? k : NULL;
	if (*kommune && !text_is_digits(*kommune, 3)) {
		reply_page_error(r, 400, "Kommunen skal angives med sin trecifrede kode.");
		return false;
	}
	*year = (int)y;
	return true;
}

static const char *const titles[] = {"Pr. kommune", "Pr. virksomhed", "Pr. ydelse"};
static const char *const titles_lower[] = {"pr. kommune", "pr. virksomhed", "pr. ydelse"};
static const char *const heads[] = {"Kommune", "Virksomhed", "Ydelse"};
static const char *const by_keys[] = {"kommune", "enterprise", "service"};

/* kroner, rounded down, for the chart's bars (the table has the exact amounts) */
static int kroner(int64_t ore)
{
	int64_t kr = ore / 100;
	return kr > 2000000000 ? 2000000000 : (int)kr;
}

static void section(struct req *r, int year, const char *kommune, enum spend_by what,
                    const struct spend_row *rows, int n, const struct spend_row *total)
{
	struct buf *o = &r->out;
	char amount[MONEY_TEXT];
	htmlf(o, "<h2>%s</h2>\n", titles[what]);
	if (n == 0) {
		html(o, "<p class=\"empty\">Ingen køb hos socialøkonomiske virksomheder i året.</p>\n");
		return;
	}
	table_begin(o, titles[what], "numbers");
	htmlf(o, "<caption class=\"visually-hidden\">Indkøb %s %d</caption>\n<thead><tr><th scope=\"col\">%s</th>"
	         "<th scope=\"col\">Beløb ekskl. moms</th><th scope=\"col\">Køb</th>"
	         "<th scope=\"col\">Virksomheder</th></tr></thead>\n<tbody>\n",
	      titles_lower[what], year, heads[what]);
	for (int i = 0; i <= n; i++) {
		const struct spend_row *row = i < n ? &rows[i] : total;
		if (i == n)
			html(o, "</tbody>\n<tfoot>\n");
		if (what == SPEND_ENTERPRISE && i < n)
			htmlf(o, "<tr><th scope=\"row\"><a href=\"/virksomheder/%s\">%s</a></th>", row->key, row->label);
		else
			htmlf(o, "<tr><th scope=\"row\">%s</th>", row->label);
		htmlf(o, "<td>%s&nbsp;kr.</td><td>%d</td><td>%d</td></tr>\n", money_da_plain(amount, row->amount_ore),
		      row->purchases, row->enterprises);
	}
	html(o, "</tfoot>\n");
	table_end(o);
	int shown = n > 20 ? 20 : n;
	const char **cats = arena_alloc(&r->a, sizeof(*cats) * (size_t)shown);
	int *vals = arena_alloc(&r->a, sizeof(*vals) * (size_t)shown);
	for (int i = 0; i < shown; i++) {
		cats[i] = rows[i].label;
		vals[i] = kroner(rows[i].amount_ore);
	}
	struct chart_series s = {"Kroner ekskl. moms", vals, "#0b5394"};
	chart_bars(o, by_keys[what], arena_printf(&r->a, "Indkøb %s %d som diagram (kroner)", titles_lower[what], year),
	           cats, shown, &s, 1);
	htmlf(o, "<p>Hent tabellen: <a href=\"/statistik/indkoeb/eksport?format=csv&amp;year=%d%s%s&amp;by=%s\">CSV</a>"
	         " · <a href=\"/statistik/indkoeb/eksport?format=xlsx&amp;year=%d%s%s&amp;by=%s\">Excel (XLSX)</a></p>\n",
	      year, kommune ? "&kommune=" : "", kommune ? kommune : "", by_keys[what],
	      year, kommune ? "&kommune=" : "", kommune ? kommune : "", by_keys[what]);
}

/* the filter form: year and municipality (ks[0..nk), read before the page began) */
static void filter_form(struct req *r, int year, const char *kommune, struct form_option *ks, int nk)
{
	ks[0].label = "Alle kommuner";
	struct buf *o = &r->out;
	html(o, "<form method=\"get\" action=\"/statistik/indkoeb\" class=\"filter\">\n");
	form_input(o, &(struct form_field){.name = "year", .label = "År", .type = "number",
	                                   .value = arena_printf(&r->a, "%d", year)});
	form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune", .value = kommune ? kommune : ""},
	            ks, nk);
	html(o, "<button type=\"submit\">Vis</button>\n</form>\n");
}

/* GET /statistik/indkoeb — public. ?year=Y&kommune=K. Per municipality for everyone; per
 * enterprise and per service for the municipality's staff (its own; a staff member without
 * ?kommune sees its own municipality's) and for every municipality with
 * access_national_figures. */
int spend_page_stats(struct req *r)
{
	int year;
	const char *kommune;
	if (!params_or_reply(r, &year, &kommune))
		return 0;
	struct spend_row *rows, total;
	int n;
	int rc = spend_rows(r->db, &r->a, r->user, false, year, kommune, SPEND_KOMMUNE, &rows, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	/* the breakdowns: for the asked municipality, else the caller's own, else all */
	const char *bk = kommune ? kommune : r->user && r->user->kommune ? r->user->kommune : NULL;
	struct spend_row *erows = NULL, *srows = NULL, etotal, stotal;
	int en = 0, sn = 0;
	bool staff = r->user && spend_rows(r->db, &r->a, r->user, false, year, bk, SPEND_ENTERPRISE,
	                                   &erows, &en, &etotal) == 0;
	if (staff && (rc = spend_rows(r->db, &r->a, r->user, false, year, bk, SPEND_SERVICE, &srows, &sn,
	                              &stotal)) != 0)
		return page_fail(r, rc, NULL);
	struct form_option *ks;
	int nk;
	if ((rc = purchases_web_kommuner(r, &ks, &nk)) != 0)
		return page_fail(r, rc, NULL);
	page_begin(r, arena_printf(&r->a, "Indkøb hos socialøkonomiske virksomheder %d", year));
	struct buf *o = &r->out;
	const char *scope;
	if (access_procurement_scope(r->user, &scope) == 0)
		purchases_web_nav(r, "/statistik/indkoeb");
	html(o, "<p class=\"lead\">Kommunernes køb hos socialøkonomiske virksomheder i året, ekskl. moms: "
	        "registrerede køb og leverede ordrer. Køb hos almindelige virksomheder, der ansætter borgere, "
	        "tæller ikke med her.</p>\n");
	filter_form(r, year, kommune, ks, nk);
	section(r, year, kommune, SPEND_KOMMUNE, rows, n, &total);
	if (staff) {
		if (bk && !kommune)
			htmlf(o, "<p>Fordelingerne nedenfor gælder din kommune, %s.</p>\n",
			      r->user->kommune_navn ? r->user->kommune_navn : bk);
		section(r, year, bk, SPEND_ENTERPRISE, erows, en, &etotal);
		section(r, year, bk, SPEND_SERVICE, srows, sn, &stotal);
	}
	return page_end(r, 200);
}

/* GET /statistik/indkoeb/eksport — as the page, one table: ?format=csv|xlsx|json, year,
 * kommune, by. A breakdown the caller may not see is 403. */
int spend_download(struct req *r)
{
	int year;
	const char *kommune;
	if (!params_or_reply(r, &year, &kommune))
		return 0;
	const char *format = req_query(r, "format") ? req_query(r, "format") : "csv";
	if (strcmp(format, "csv") && strcmp(format, "xlsx") && strcmp(format, "json"))
		return reply_page_error(r, 400, "Formatet skal være csv, xlsx eller json.");
	enum spend_by what;
	if (!spend_by_parse(req_query(r, "by"), &what))
		return reply_page_error(r, 400, "Fordelingen skal være kommune, enterprise eller service.");
	struct spend_row *rows, total;
	int n;
	int rc = spend_rows(r->db, &r->a, r->user, false, year, kommune, what, &rows, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	const char *name = arena_printf(&r->a, "indkoeb-%d-%s", year, by_keys[what]);
	buf_reset(&r->out);
	if (!strcmp(format, "json")) {
		spend_json(&r->out, year, kommune, what, rows, n, &total);
		return reply_download(r, "application/json", arena_printf(&r->a, "%s.json", name));
	}
	if (!strcmp(format, "xlsx")) {
		if (spend_xlsx(&r->out, year, what, rows, n, &total) != 0)
			return page_fail(r, ERR_IO, NULL);
		return reply_download(r, XLSX_TYPE, arena_printf(&r->a, "%s.xlsx", name));
	}
	struct csv_out w;
	page_csv_begin(r, &w);
	const char *sep = req_query(r, "sep");
	spend_csv(&w, sep && !strcmp(sep, ","), what, rows, n, &total);
	return reply_download(r, "text/csv; charset=utf-8", arena_printf(&r->a, "%s.csv", name));
}
