/*
 * pools_report_web.c — the final report of a grant pool (/puljer/{id}/rapport): grants,
 * payments, reported spend and the network meetings attended per municipality, the totals,
 * and links to the pool's survey rounds; printable HTML, and ?format=xlsx as a workbook.
 * Layer: handlers of the collab capability; pools.h decides what the caller sees (the
 * administrator every municipality, a municipality's staff their own line).
 */
#include <string.h>

#include "../base/err.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../view/xlsx.h"
#include "pools.h"
#include "pools_web.h"

#define NOT_FOUND "Puljen findes ikke."

static const char *kr(struct req *r, int64_t ore)
{
	char t[MONEY_TEXT];
	return arena_strdup(&r->a, money_da(t, ore));
}

struct totals {
	int64_t applied, granted, paid, spent;
	int met;
};

static struct totals totals_of(const struct pool_status *st, int n)
{
	struct totals t = {0};
	for (int i = 0; i < n; i++) {
		t.applied += st[i].applied_ore;
		t.granted += st[i].granted_ore;
		t.paid += st[i].paid_ore;
		t.spent += st[i].spent_ore;
		t.met += st[i].meetings_attended >= st[i].meetings_required;
	}
	return t;
}

static const char *const head[] = {"Kommune", "Ansøgning", "Søgt", "Bevilget", "Udbetalt",
                                   "Forbrug", "Netværksmøder", "Krav"};

/* the report as an XLSX workbook into r->out */
static int report_xlsx(struct req *r, const struct pool *p, const struct pool_status *st, int n,
                       const struct pool_entry *spend, int ns)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	lxw_format *bold = workbook_add_format(x.wb);
	format_set_bold(bold);
	lxw_format *money = workbook_add_format(x.wb);
	format_set_num_format(money, "#,##0.00");
	lxw_worksheet *ws = workbook_add_worksheet(x.wb, "Slutrapport");
	worksheet_write_string(ws, 0, 0, p->title, bold);
	worksheet_write_string(ws, 1, 0, arena_printf(&r->a, "Periode %s–%s", p->period_start, p->period_end), NULL);
	for (int c = 0; c < 8; c++)
		worksheet_write_string(ws, 3, (lxw_col_t)c, head[c], bold);
	lxw_row_t row = 4;
	for (int i = 0; i < n; i++, row++) {
		worksheet_write_string(ws, row, 0, st[i].kommune_navn, NULL);
		worksheet_write_string(ws, row, 1, st[i].application_status ? st[i].application_status : "ikke søgt", NULL);
		int64_t v[] = {st[i].applied_ore, st[i].granted_ore, st[i].paid_ore, st[i].spent_ore};
		for (int c = 0; c < 4; c++)
			worksheet_write_number(ws, row, (lxw_col_t)(c + 2), (double)v[c] / 100.0, money);
		worksheet_write_number(ws, row, 6, st[i].meetings_attended, NULL);
		worksheet_write_number(ws, row, 7, st[i].meetings_required, NULL);
	}
	struct totals t = totals_of(st, n);
	worksheet_write_string(ws, row, 0, "I alt", bold);
	int64_t v[] = {t.applied, t.granted, t.paid, t.spent};
	for (int c = 0; c < 4; c++)
		worksheet_write_number(ws, row, (lxw_col_t)(c + 2), (double)v[c] / 100.0, money);
	lxw_worksheet *ws2 = workbook_add_worksheet(x.wb, "Forbrug");
	static const char *const h2[] = {"Dato", "Kommune", "Beløb", "Aktiviteter"};
	for (int c = 0; c < 4; c++)
		worksheet_write_string(ws2, 0, (lxw_col_t)c, h2[c], bold);
	for (int i = 0; i < ns; i++) {
		lxw_row_t rr = (lxw_row_t)(i + 1);
		worksheet_write_string(ws2, rr, 0, spend[i].day, NULL);
		worksheet_write_string(ws2, rr, 1, spend[i].kommune_navn, NULL);
		worksheet_write_number(ws2, rr, 2, (double)spend[i].amount_ore / 100.0, money);
		worksheet_write_string(ws2, rr, 3, spend[i].text, NULL);
	}
	buf_reset(&r->out);
	return xlsx_close(&x, &r->out, false);
}

static void status_rows(struct req *r, const struct pool_status *st, int n)
{
	struct buf *o = &r->out;
	table_begin(o, "Kommunerne", "numbers");
	html(o, "<caption>Bevillinger, udbetalinger, forbrug og forpligtelser pr. kommune</caption>\n<thead><tr>");
	for (int c = 0; c < 7; c++)
		htmlf(o, "<th scope=\"col\">%s</th>", head[c]);
	html(o, "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
		         "<td>%d af %d</td></tr>\n",
		      st[i].kommune_navn, st[i].application_status ? st[i].application_status : "ikke søgt",
		      kr(r, st[i].applied_ore), kr(r, st[i].granted_ore), kr(r, st[i].paid_ore),
		      kr(r, st[i].spent_ore), st[i].meetings_attended, st[i].meetings_required);
	struct totals t = totals_of(st, n);
	htmlf(o, "</tbody>\n<tfoot><tr><th scope=\"row\">I alt</th><td></td><td>%s</td><td>%s</td>"
	         "<td>%s</td><td>%s</td><td>%d af %d opfyldt</td></tr></tfoot>\n",
	      kr(r, t.applied), kr(r, t.granted), kr(r, t.paid), kr(r, t.spent), t.met, n);
	table_end(o);
}

/* GET /puljer/{id}/rapport[?format=xlsx] — the administrator (every municipality) and a
 * municipality's staff (their own line): the final report, printable. */
int pools_page_report(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct pool p;
	struct pool_status *st;
	struct pool_entry *spend;
	int n, ns;
	int rc = pools_get(r->db, &r->a, r->user, id, &p);
	if (rc == 0)
		rc = pools_status(r->db, &r->a, r->user, id, &st, &n);
	if (rc == 0)
		rc = pools_entries(r->db, &r->a, r->user, id, POOLS_SPEND, &spend, &ns);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	const char *format = req_query(r, "format");
	if (format && !strcmp(format, "xlsx")) {
		if ((rc = report_xlsx(r, &p, st, n, spend, ns)) != 0)
			return page_fail(r, rc, NULL);
		return reply_download(r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		                      arena_printf(&r->a, "pulje-%lld-slutrapport.xlsx", (long long)id));
	}
	if (format && *format && strcmp(format, "html"))
		return reply_page_error(r, 400, "Formatet skal være html eller xlsx.");
	page_begin(r, arena_printf(&r->a, "Slutrapport: %s", p.title));
	struct buf *o = &r->out;
	htmlf(o, "<p class=\"noprint\"><a href=\"/puljer/%lld\">Tilbage til puljen</a> · "
	         "<a href=\"/puljer/%lld/rapport?format=xlsx\">Hent som Excel (XLSX)</a></p>\n",
	      (long long)id, (long long)id);
	htmlf(o, "<p>Periode %s–%s. Puljens beløb %s, højst %s pr. kommune; bevilget %s, tilbage %s,"
	         " udbetalt %s.</p>\n",
	      text_date_dk(&r->a, p.period_start), text_date_dk(&r->a, p.period_end), kr(r, p.total_ore),
	      kr(r, p.max_ore), kr(r, p.granted_ore), kr(r, p.total_ore - p.granted_ore), kr(r, p.paid_ore));
	if (*p.obligations)
		htmlf(o, "<h2>Forpligtelser</h2>\n<p class=\"pre\">%s</p>\n", p.obligations);
	html(o, "<h2>Kommunerne</h2>\n");
	if (n == 0)
		html(o, "<p class=\"empty\">Ingen kommuner har søgt eller fået bevilget.</p>\n");
	else
		status_rows(r, st, n);
	html(o, "<h2>Forbrug og aktiviteter</h2>\n");
	if (ns == 0)
		html(o, "<p class=\"empty\">Intet indberettet.</p>\n");
	else {
		html(o, "<ul>\n");
		for (int i = 0; i < ns; i++)
			htmlf(o, "<li>%s, %s: %s — %s</li>\n", text_date_dk(&r->a, spend[i].day),
			      spend[i].kommune_navn, kr(r, spend[i].amount_ore), spend[i].text);
		html(o, "</ul>\n");
	}
	html(o, "<h2>Undersøgelser</h2>\n");
	if (p.nrounds == 0)
		html(o, "<p class=\"empty\">Puljen nævner ingen undersøgelsesrunder.</p>\n");
	else {
		html(o, "<ul>\n");
		for (int i = 0; i < p.nrounds; i++)
			htmlf(o, "<li><a href=\"/undersoegelser/%s/%s/rapport\">%s</a></li>\n",
			      html_url(&r->a, p.rounds[i].survey), html_url(&r->a, p.rounds[i].round),
			      p.rounds[i].title);
		html(o, "</ul>\n");
	}
	return page_end(r, 200);
}
