/*
 * strategies_report_web.c — the strategy report for the committee: a printable page
 * (/strategier/{id}/rapport) and the same as an Excel workbook (/strategier/{id}/rapport.xlsx),
 * written by strategies_report.h (shared with `indgang strategies report`).
 * Layer: handlers of the collab capability; the values are strategies.h's goals_status.
 */
#include "../base/err.h"
#include "../http/page.h"
#include "strategies.h"
#include "strategies_report.h"
#include "strategies_web.h"

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
	htmlf(o, "<p class=\"no-print\"><a href=\"/strategier/%lld\">Tilbage til strategien</a> · "
	         "<a href=\"/strategier/%lld/rapport.xlsx\">Hent som Excel (XLSX)</a></p>\n",
	      (long long)s.id, (long long)s.id);
	strategies_report_html(o, &r->a, &s, gs, n, page_today(r));
	return page_end(r, 200);
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
	buf_reset(&r->out);
	if (strategies_report_xlsx(&r->out, &r->a, &s, gs, n, page_today(r)) != 0)
		return page_fail(r, ERR_IO, NULL);
	return reply_download(r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	                      arena_printf(&r->a, "strategi-%lld.xlsx", (long long)s.id));
}
