/*
 * strategies_report_web.c — the strategy report for the committee: a printable page
 * (/strategier/{id}/rapport) and the same as an Excel workbook (/strategier/{id}/rapport.xlsx),
 * each goal with its baseline, value today, target, deadline, progress and whether it is on
 * track, then each goal's monthly values beside the straight line to the target.
 * Layer: handlers of the collab capability; the values are strategies.h's goals_status.
 */
#include <string.h>

#include "../base/err.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../view/xlsx.h"
#include "strategies.h"
#include "strategies_web.h"
#include "strategies_web_common.h"

#define NOT_FOUND "Strategien findes ikke."

static int load(struct req *r, struct strategy *s, struct goal_status **gs, int *n)
{
	int64_t id = req_param_int(r, "id");
	int rc = strategies_get(r->db, &r->a, r->user, id, s, NULL);
	if (rc == 0)
		rc = goals_status(r->db, &r->a, r->user, id, page_today(r), gs, n);
	return rc;
}

/* GET /strategier/{id}/rapport — who may read the strategy: the report, made for print. */
int strategies_page_report(struct req *r)
{
	struct strategy s;
	struct goal_status *gs;
	int n;
	int rc = load(r, &s, &gs, &n);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	page_begin(r, arena_printf(&r->a, "Statusrapport: %s", s.title));
	struct buf *o = &r->out;
	htmlf(o, "<p class=\"lead\">%s · periode %s · opgjort %s på Indgangs data.</p>\n",
	      s.kommune_navn, strategies_period_text(r, &s), text_date_dk(&r->a, page_today(r)));
	if (*s.adopted_by || s.adopted_on)
		htmlf(o, "<p>Vedtaget %s%s%s.</p>\n", *s.adopted_by ? "af " : "", s.adopted_by,
		      s.adopted_on ? arena_printf(&r->a, " den %s", text_date_dk(&r->a, s.adopted_on)) : "");
	htmlf(o, "<p class=\"no-print\"><a href=\"/strategier/%lld\">Tilbage til strategien</a> · "
	         "<a href=\"/strategier/%lld/rapport.xlsx\">Hent som Excel (XLSX)</a></p>\n",
	      (long long)s.id, (long long)s.id);
	if (n == 0) {
		html(o, "<p class=\"empty\" role=\"status\">Strategien har ingen mål endnu.</p>\n");
		return page_end(r, 200);
	}
	table_begin(o, "Målene", NULL);
	html(o, "<caption>Målene i dag</caption>\n<thead><tr><th scope=\"col\">Mål</th>"
	        "<th scope=\"col\">Måling</th><th scope=\"col\">Udgangspunkt</th><th scope=\"col\">Nu</th>"
	        "<th scope=\"col\">Mål</th><th scope=\"col\">Frist</th><th scope=\"col\">Fremdrift</th>"
	        "<th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct goal *g = &gs[i].goal;
		htmlf(o, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
		         "<td>%s</td><td>%s</td><td>%s</td></tr>\n",
		      g->title, goal_metric_label(g->metric),
		      strategies_value_text(r, g, gs[i].baseline, gs[i].masked),
		      strategies_value_text(r, g, gs[i].current, gs[i].masked),
		      strategies_value_text(r, g, g->target, false), text_date_dk(&r->a, g->deadline),
		      strategies_progress_text(r, &gs[i]), strategies_track_text(r, &gs[i]));
	}
	html(o, "</tbody>\n");
	table_end(o);
	for (int i = 0; i < n; i++) {
		htmlf(o, "<h2>%s</h2>\n", gs[i].goal.title);
		strategies_chart(r, &gs[i]);
	}
	return page_end(r, 200);
}

/* a value as a cell: a number (kroner for soev_spend), or the text "<3" when masked */
static void value_cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const struct goal *g,
                       int64_t v, bool masked, lxw_format *money)
{
	if (masked && v >= 1 && v <= 2)
		worksheet_write_string(ws, row, col, "<3", NULL);
	else if (goal_metric_is_money(g->metric))
		worksheet_write_number(ws, row, col, (double)v / 100.0, money);
	else
		worksheet_write_number(ws, row, col, (double)v, NULL);
}

/* GET /strategier/{id}/rapport.xlsx — who may read the strategy: the report as a workbook, a
 * sheet of the goals and one of the monthly values. */
int strategies_page_report_xlsx(struct req *r)
{
	struct strategy s;
	struct goal_status *gs;
	int n;
	int rc = load(r, &s, &gs, &n);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return page_fail(r, ERR_IO, NULL);
	lxw_format *bold = workbook_add_format(x.wb);
	format_set_bold(bold);
	lxw_format *money = workbook_add_format(x.wb);
	format_set_num_format(money, "#,##0.00");
	lxw_worksheet *ws = workbook_add_worksheet(x.wb, "Mål");
	worksheet_write_string(ws, 0, 0, s.title, bold);
	worksheet_write_string(ws, 1, 0, arena_printf(&r->a, "%s, periode %s, opgjort %s", s.kommune_navn,
	                                              strategies_period_text(r, &s),
	                                              text_date_dk(&r->a, page_today(r))), NULL);
	static const char *const head[] = {"Mål", "Måling", "Startdato", "Udgangspunkt", "Nu", "Mål",
	                                   "Frist", "Fremdrift (%)", "Status"};
	for (int c = 0; c < 9; c++)
		worksheet_write_string(ws, 3, (lxw_col_t)c, head[c], bold);
	for (int i = 0; i < n; i++) {
		lxw_row_t row = (lxw_row_t)(4 + i);
		const struct goal *g = &gs[i].goal;
		worksheet_write_string(ws, row, 0, g->title, NULL);
		worksheet_write_string(ws, row, 1, goal_metric_label(g->metric), NULL);
		worksheet_write_string(ws, row, 2, g->baseline_date, NULL);
		value_cell(ws, row, 3, g, gs[i].baseline, gs[i].masked, money);
		value_cell(ws, row, 4, g, gs[i].current, gs[i].masked, money);
		value_cell(ws, row, 5, g, g->target, false, money);
		worksheet_write_string(ws, row, 6, g->deadline, NULL);
		if (gs[i].masked && gs[i].current >= 1 && gs[i].current <= 2)
			worksheet_write_string(ws, row, 7, "–", NULL);
		else
			worksheet_write_number(ws, row, 7, (double)(int)(gs[i].progress * 100.0 + 0.5), NULL);
		worksheet_write_string(ws, row, 8, strategies_track_text(r, &gs[i]), NULL);
	}
	lxw_worksheet *ms = workbook_add_worksheet(x.wb, "Måneder");
	static const char *const mhead[] = {"Mål", "Måned", "Værdi", "Lige linje mod målet"};
	for (int c = 0; c < 4; c++)
		worksheet_write_string(ms, 0, (lxw_col_t)c, mhead[c], bold);
	lxw_row_t row = 1;
	for (int i = 0; i < n; i++)
		for (int k = 0; k < gs[i].nseries; k++, row++) {
			worksheet_write_string(ms, row, 0, gs[i].goal.title, NULL);
			worksheet_write_string(ms, row, 1, gs[i].series[k].month, NULL);
			value_cell(ms, row, 2, &gs[i].goal, gs[i].series[k].value, gs[i].masked, money);
			value_cell(ms, row, 3, &gs[i].goal, gs[i].series[k].line, false, money);
		}
	buf_reset(&r->out);
	if (xlsx_close(&x, &r->out, false) != 0)
		return page_fail(r, ERR_IO, NULL);
	return reply_download(r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	                      arena_printf(&r->a, "strategi-%lld.xlsx", (long long)s.id));
}
