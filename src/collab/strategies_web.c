/*
 * strategies_web.c — the pages of strategies: the list (/strategier, with CSV and XLSX of the
 * list as filtered), a new strategy, one strategy with its goals (current value, progress,
 * on track or behind in words, a monthly chart with the straight target line, the manual
 * values with their form and history), changing and deleting it, and its PDF. The report for
 * the committee is strategies_report_web.c. Layer: handlers of the collab capability; what a
 * caller may see and do is asked of strategies.h.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "../view/xlsx.h"
#include "strategies.h"
#include "strategies_report.h"
#include "strategies_web.h"
#include "strategies_web_common.h"

#define LIST_PAGE 50
#define NOT_FOUND "Strategien findes ikke."

/* ---------------------------------------------------------------- the list */

static const char *kommune_filter(struct req *r)
{
	const char *k = req_query(r, "kommune");
	return k && text_is_digits(k, 3) ? k : NULL;
}

/* ?sort as one of the page's keys ("kommune", "titel", "nyeste") */
static const char *sort_key_of(struct req *r)
{
	static const char *const keys[] = {"kommune", "titel", "nyeste"};
	return keys[strategies_sort_of(req_query(r, "sort"))];
}

/* GET /strategier — everybody: the public strategies of every municipality and, for the staff,
 * their municipality's (all for the administrator); ?kommune filters; paginated. */
int strategies_page_list(struct req *r)
{
	int limit = page_limit(r, LIST_PAGE, 500), offset = page_offset(r);
	const char *kommune = kommune_filter(r);
	struct strategy *items;
	int n, total;
	const char *sort_key = sort_key_of(r);
	int rc = strategies_list(r->db, &r->a, r->user, kommune, strategies_sort_of(sort_key), limit,
	                         offset, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	struct kommune *ks;
	int nk;
	if ((rc = kommune_list(r->db, &r->a, &ks, &nk)) != 0)
		return page_fail(r, rc, NULL);
	page_begin(r, "Strategier og mål");
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Kommunernes strategier for socialøkonomi med succeskriterier, der"
	        " måles løbende på Indgangs egne data: nye virksomheder, stillinger, møder og indkøb.</p>\n");
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "slettet"))
		html(o, "<p class=\"notice\" role=\"status\">Strategien er slettet.</p>\n");
	if (strategies_may_create(r->user))
		html(o, "<p><a class=\"button\" href=\"/strategier/ny\">Ny strategi</a></p>\n");
	struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nk + 1));
	ko[0] = (struct form_option){"", "Alle kommuner"};
	for (int i = 0; i < nk; i++)
		ko[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
	static const struct form_option sorts[] = {
		{"kommune", "Kommune"}, {"titel", "Titel"}, {"nyeste", "Nyeste periode først"}};
	html(o, "<form method=\"get\" action=\"/strategier\" class=\"filter\">\n");
	form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune",
	                                    .value = kommune ? kommune : ""}, ko, nk + 1);
	form_select(o, &(struct form_field){.name = "sort", .label = "Sortér efter", .value = sort_key},
	            sorts, 3);
	html(o, "<button type=\"submit\">Vis</button>\n</form>\n");
	const char *extra = arena_printf(&r->a, "&sort=%s%s%s", sort_key, kommune ? "&kommune=" : "",
	                                 kommune ? kommune : "");
	htmlf(o, "<p>Hent listen: <a href=\"/strategier/eksport?format=csv%s\">CSV</a> · "
	         "<a href=\"/strategier/eksport?format=xlsx%s\">Excel (XLSX)</a></p>\n", extra, extra);
	if (n == 0) {
		html(o, "<p class=\"empty\" role=\"status\">Der er ingen strategier at vise.</p>\n");
		return page_end(r, 200);
	}
	table_begin(o, "Strategier", NULL);
	html(o, "<caption class=\"visually-hidden\">Strategier</caption>\n<thead><tr>"
	        "<th scope=\"col\">Titel</th><th scope=\"col\">Kommune</th><th scope=\"col\">Periode</th>"
	        "<th scope=\"col\">Vedtaget af</th><th scope=\"col\">Mål</th>"
	        "<th scope=\"col\">Offentlig</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<tr><td><a href=\"/strategier/%lld\">%s</a></td><td>%s</td><td>%s</td>"
		         "<td>%s</td><td>%d</td><td>%s</td></tr>\n",
		      (long long)items[i].id, items[i].title, items[i].kommune_navn,
		      strategies_period_text(&r->a, &items[i]), *items[i].adopted_by ? items[i].adopted_by : "–",
		      items[i].ngoals, items[i].public ? "Ja" : "Nej");
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, "/strategier", extra, offset, limit, total);
	return page_end(r, 200);
}

/* GET /strategier/eksport?format=csv|xlsx[&kommune=K] — the list as filtered on screen: CSV
 * (';' and BOM, ?sep=, for machines) or an Excel workbook. */
int strategies_page_export(struct req *r)
{
	struct strategy *items;
	int n, total;
	int rc = strategies_list(r->db, &r->a, r->user, kommune_filter(r),
	                         strategies_sort_of(sort_key_of(r)), 500, 0, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	static const char *const head[] = {"id", "kommune", "kommune_navn", "titel", "vedtaget_af",
	                                   "vedtaget_den", "periode_start", "periode_slut", "link",
	                                   "offentlig", "maal"};
	const char *format = req_query(r, "format");
	if (format && !strcmp(format, "xlsx")) {
		struct xlsx x;
		if (xlsx_open(&x) != 0)
			return page_fail(r, ERR_IO, NULL);
		lxw_format *bold = workbook_add_format(x.wb);
		format_set_bold(bold);
		lxw_worksheet *ws = workbook_add_worksheet(x.wb, "Strategier");
		for (int c = 0; c < 11; c++)
			worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], bold);
		for (int i = 0; i < n; i++) {
			lxw_row_t row = (lxw_row_t)(i + 1);
			const struct strategy *s = &items[i];
			worksheet_write_number(ws, row, 0, (double)s->id, NULL);
			const char *cells[] = {s->kommune, s->kommune_navn, s->title, s->adopted_by,
			                       s->adopted_on ? s->adopted_on : "", s->period_start,
			                       s->period_end, s->link, s->public ? "ja" : "nej"};
			for (int c = 0; c < 9; c++)
				worksheet_write_string(ws, row, (lxw_col_t)(c + 1), cells[c], NULL);
			worksheet_write_number(ws, row, 10, s->ngoals, NULL);
		}
		buf_reset(&r->out);
		if (xlsx_close(&x, &r->out, false) != 0)
			return page_fail(r, ERR_IO, NULL);
		return reply_download(r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		                      "strategier.xlsx");
	}
	if (format && strcmp(format, "csv"))
		return reply_page_error(r, 400, "Formatet skal være csv eller xlsx.");
	struct csv_out w;
	page_csv_begin(r, &w);
	for (size_t i = 0; i < sizeof(head) / sizeof(head[0]); i++)
		csv_out_field(&w, head[i]);
	csv_out_end(&w);
	for (int i = 0; i < n; i++) {
		const struct strategy *s = &items[i];
		csv_out_int(&w, s->id);
		csv_out_field(&w, s->kommune);
		csv_out_field(&w, s->kommune_navn);
		csv_out_field(&w, s->title);
		csv_out_field(&w, s->adopted_by);
		csv_out_field(&w, s->adopted_on);
		csv_out_field(&w, s->period_start);
		csv_out_field(&w, s->period_end);
		csv_out_field(&w, s->link);
		csv_out_field(&w, s->public ? "ja" : "nej");
		csv_out_int(&w, s->ngoals);
		csv_out_end(&w);
	}
	return reply_download(r, "text/csv; charset=utf-8", "strategier.csv");
}

/* ---------------------------------------------------------------- the strategy's fields */

/* the fields of a strategy's form, filled from s; with_kommune for a new one by the
 * administrator */
int strategies_form_fields(struct req *r, const struct strategy *s, bool with_kommune,
                           const struct errs *er)
{
	struct buf *o = &r->out;
	if (with_kommune) {
		struct kommune *ks;
		int nk;
		int rc = kommune_list(r->db, &r->a, &ks, &nk);
		if (rc)
			return rc;
		struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nk + 1));
		ko[0] = (struct form_option){"", "Vælg kommune"};
		for (int i = 0; i < nk; i++)
			ko[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
		form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune",
		                                    .value = s->kommune ? s->kommune : "", .required = true,
		                                    .error = errs_get(er, "kommune")}, ko, nk + 1);
	}
	form_input(o, &(struct form_field){.name = "title", .label = "Titel", .value = s->title,
	                                   .error = errs_get(er, "title"), .required = true,
	                                   .maxlength = 300});
	form_input(o, &(struct form_field){.name = "adopted_by", .label = "Vedtaget af",
	                                   .value = s->adopted_by, .hint = "Fx Byrådet.",
	                                   .error = errs_get(er, "adopted_by"), .maxlength = 200});
	form_input(o, &(struct form_field){.name = "adopted_on", .label = "Vedtaget den", .type = "date",
	                                   .value = s->adopted_on ? s->adopted_on : "",
	                                   .error = errs_get(er, "adopted_on")});
	form_input(o, &(struct form_field){.name = "period_start", .label = "Periodens start",
	                                   .type = "date", .value = s->period_start, .required = true,
	                                   .error = errs_get(er, "period_start")});
	form_input(o, &(struct form_field){.name = "period_end", .label = "Periodens slutning",
	                                   .type = "date", .value = s->period_end, .required = true,
	                                   .error = errs_get(er, "period_end")});
	form_input(o, &(struct form_field){.name = "link", .label = "Link til strategien", .type = "url",
	                                   .value = s->link, .hint = "En adresse, der begynder med https://.",
	                                   .error = errs_get(er, "link"), .maxlength = 2000});
	form_checkbox(o, &(struct form_field){.name = "public", .label = "Offentlig: alle kan se strategien og dens mål",
	                                      .value = s->public ? "1" : ""});
	return 0;
}

void strategies_form_read(struct req *r, struct strategy *s)
{
	s->title = req_form(r, "title");
	s->adopted_by = req_form(r, "adopted_by");
	s->adopted_on = req_form(r, "adopted_on");
	s->period_start = req_form(r, "period_start");
	s->period_end = req_form(r, "period_end");
	s->link = req_form(r, "link");
	const char *p = req_form(r, "public");
	s->public = p && !strcmp(p, "1");
}

static int new_form(struct req *r, int status, const struct strategy *s)
{
	page_begin(r, "Ny strategi");
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	html(o, "<form method=\"post\" action=\"/strategier\" class=\"stack\" novalidate>\n");
	form_csrf(o, r->csrf);
	int rc = strategies_form_fields(r, s, access_national(r->user), &r->errs);
	if (rc)
		return page_fail(r, rc, NULL);
	html(o, "<div class=\"actions\"><button type=\"submit\">Opret strategi</button> "
	        "<a href=\"/strategier\">Annullér</a></div>\n</form>\n");
	return page_end(r, status);
}

/* GET /strategier/ny — who may create a strategy. */
int strategies_page_new(struct req *r)
{
	if (!strategies_may_create(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct strategy s = {.title = "", .adopted_by = "", .period_start = "", .period_end = "",
	                     .link = ""};
	return new_form(r, 200, &s);
}

/* POST /strategier — who may create a strategy, CSRF. kommune (administrator), title,
 * adopted_by, adopted_on, period_start, period_end, link, public. 303; 422 with the form. */
int strategies_page_create(struct req *r)
{
	if (!strategies_may_create(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct strategy s = {0};
	s.kommune = access_national(r->user) ? req_form(r, "kommune") : r->user->kommune;
	strategies_form_read(r, &s);
	int rc = strategies_save(r->db, &r->a, r->user, &s, &r->errs);
	if (rc == ERR_INVALID)
		return new_form(r, 422, &s);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/strategier/%lld?ok=oprettet", (long long)s.id));
}
