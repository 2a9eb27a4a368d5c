/*
 * reports_national_web.c — the national view (/statistik/landet: the 98 municipalities side by
 * side, by region, sortable, with last year beside) and the yearly report's page
 * (/statistik/aarsrapport). Both for the national administrator and, read-only, the staff of
 * every municipality (access_national_figures, asked by the domain).
 * Layer: handlers of the reports capability.
 */
#include <string.h>

#include "../auth/access.h"
#include "../base/err.h"
#include "../http/api.h"
#include "../http/page.h"
#include "reports.h"
#include "reports_html.h"
#include "reports_text_da.h"
#include "reports_web.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ---------------------------------------------------------------- the national view */

static const struct {
	enum national_sort sort;
	const char *label;
} figure_heads[] = {
	{NS_SOEV, "SØV i alt"},
	{NS_REGISTERED, "Heraf registrerede"},
	{NS_ESTABLISHED, "Nye i året"},
	{NS_INQUIRIES, "Henvendelser"},
	{NS_SESSIONS, "Rådgivningssamtaler"},
	{NS_PLACEMENTS, "Job og forløb"},
};
#define NFIGURES (int)(sizeof(figure_heads) / sizeof(figure_heads[0]))

/* head_link: a column heading that sorts by sort (a group of two columns unless it is the
 * name's), marked when it is the current order */
static void head_link(struct buf *o, const struct national *nat, enum national_sort sort,
                      const char *label)
{
	bool current = nat->sort == sort;
	if (sort == NS_NAME)
		html(o, "<th scope=\"col\"");
	else
		html(o, "<th scope=\"colgroup\" colspan=\"2\"");
	if (current && sort == NS_NAME)
		html(o, " aria-sort=\"ascending\"");
	else if (current)
		html(o, " aria-sort=\"descending\"");
	if (current)
		htmlf(o, ">%s</th>", label);
	else
		htmlf(o, "><a href=\"/statistik/landet?year=%d&amp;sort=%s\">%s</a></th>", nat->year,
		      reports_national_sort_key(sort), label);
}

/* figures_cells: the twelve cells of a row: each figure of now and last. With kommune, the
 * registry's figures link to the enterprises behind them, the placements to Tabel 4 from data
 * for the municipality, and (lists) the inquiries and sessions to the overview's lists; a zero,
 * a hidden count ("<3", ".."), a subtotal and the total (kommune NULL) are plain */
static void figures_cells(struct req *r, const struct national_figures *now,
                          const struct national_figures *last, const char *kommune, int year,
                          bool lists)
{
	struct buf *o = &r->out;
	const struct national_figures *both[2] = {now, last};
	static const char *const columns[] = {"total", "registered", "established"};
	for (int f = 0; f < NFIGURES; f++)
		for (int b = 0; b < 2; b++) {
			const struct national_figures *x = both[b];
			int y = year - b;
			const int v[] = {x->soev, x->registered, x->established, x->inquiries, x->sessions,
			                 x->placements.value};
			/* the year before in a quieter cell */
			if (b)
				html(o, "<td class=\"last\">");
			else
				html(o, "<td>");
			if (f == 5 && x->placements.mark != EMP_EXACT) {
				char text[16];
				htmlf(o, "%s</td>", employment_cell_text(&x->placements, text));
				continue;
			}
			const char *href = NULL;
			if (kommune && v[f] && f < 3)
				href = arena_printf(&r->a, "/statistik/tabel1?year=%d&kommune=%s&column=%s", y, kommune,
				                    columns[f]);
			else if (kommune && v[f] && lists && f == 3)
				href = arena_printf(&r->a, "/kommuner/%s/overblik/henvendelser?year=%d", kommune, y);
			else if (kommune && v[f] && lists && f == 4)
				href = arena_printf(&r->a, "/kommuner/%s/overblik/raadgivning?period=%d", kommune, y);
			else if (kommune && v[f] && f == 5)
				href = arena_printf(&r->a, "/statistik/beskaeftigelse?year=%d&kommune=%s", y, kommune);
			if (href)
				htmlf(o, "<a href=\"%s\">%d</a></td>", href, v[f]);
			else
				htmlf(o, "%d</td>", v[f]);
		}
}

/* GET /statistik/landet — the administrator and every municipality's staff (read-only).
 * ?year=Y (default this year) with Y - 1 beside; ?sort=navn|soev|registrerede|nye|henvendelser|
 * raadgivning|forloeb (within each region); ?format=xlsx downloads the table. The placements with
 * their discretion (reports_national). */
int reports_page_national(struct req *r)
{
	int year;
	if (!reports_web_year(r, reports_web_this_year(), &year))
		return 0;
	enum national_sort sort = NS_NAME;
	const char *sort_s = req_query(r, "sort");
	if (sort_s && *sort_s && reports_national_sort_parse(sort_s, &sort) != 0)
		return reply_page_error(r, 400, "Sortér efter navn, soev, registrerede, nye, henvendelser, "
		                                "raadgivning eller forloeb.");
	struct national nat;
	int rc = reports_national(r->db, &r->a, r->user, year, sort, &nat);
	if (rc)
		return page_fail(r, rc, NULL);
	const char *format = req_query(r, "format");
	if (format && !strcmp(format, "xlsx")) {
		if ((rc = reports_national_xlsx(&r->out, &nat)) != 0)
			return page_fail(r, rc, NULL);
		return reply_download(r, XLSX_TYPE, "landet.xlsx");
	}
	page_begin(r, arena_printf(&r->a, "%s %d", REP_NAT_TITLE, year));
	struct buf *o = &r->out;
	htmlf(o, "<p class=\"lead\">%s</p>\n", REP_NAT_LEAD);
	html(o, "<form method=\"get\" action=\"/statistik/landet\" class=\"filter noprint\">\n");
	form_input(o, &(struct form_field){.name = "year", .label = "År", .type = "number",
	                                   .value = arena_printf(&r->a, "%d", year)});
	htmlf(o, "<input type=\"hidden\" name=\"sort\" value=\"%s\">\n<button type=\"submit\">Vis</button>\n"
	         "</form>\n", reports_national_sort_key(sort));
	htmlf(o, "<p class=\"noprint\"><a href=\"/statistik/landet?year=%d&amp;sort=%s&amp;format=xlsx\">Hent "
	         "tabellen som Excel (XLSX)</a> · <a href=\"/statistik/aarsrapport\">Årsrapporten</a></p>\n",
	      year, reports_national_sort_key(sort));
	htmlf(o, "<p>Hele landet: %d socialøkonomiske virksomheder pr. 31.12.%d (%d året før), %d "
	         "henvendelser og %d rådgivningssamtaler i %d.</p>\n",
	      nat.now.soev, year, nat.last.soev, nat.now.inquiries, nat.now.sessions, year);
	htmlf(o, "<div class=\"wide\">\n<table class=\"numbers national\">\n<caption class=\"visually-hidden\">"
	         "Nøgletal for kommunerne, %d med %d ved siden af</caption>\n<thead>\n<tr>", year, year - 1);
	head_link(o, &nat, NS_NAME, "Kommune");
	for (int f = 0; f < NFIGURES; f++)
		head_link(o, &nat, figure_heads[f].sort, figure_heads[f].label);
	html(o, "</tr>\n<tr><td></td>");
	for (int f = 0; f < NFIGURES; f++)
		htmlf(o, "<th scope=\"col\">%d</th><th scope=\"col\" class=\"last\">%d</th>", year, year - 1);
	html(o, "</tr>\n</thead>\n");
	for (int g = 0; g < nat.nregions; g++) {
		const struct national_region *reg = &nat.regions[g];
		htmlf(o, "<tbody>\n<tr class=\"region\"><th scope=\"rowgroup\" colspan=\"%d\">Region %s</th></tr>\n",
		      1 + 2 * NFIGURES, reg->name);
		for (int i = reg->first; i < reg->first + reg->n; i++) {
			const struct national_row *row = &nat.rows[i];
			bool own = access_figures(r->user, row->kommune) == 0;
			if (own)
				htmlf(o, "<tr><th scope=\"row\"><a href=\"/kommuner/%s/overblik?year=%d\">%s</a></th>",
				      row->kommune, year, row->navn);
			else
				htmlf(o, "<tr><th scope=\"row\">%s</th>", row->navn);
			figures_cells(r, &row->now, &row->last, row->kommune, year, own);
			html(o, "</tr>\n");
		}
		htmlf(o, "<tr class=\"subtotal\"><th scope=\"row\">Region %s i alt</th>", reg->name);
		figures_cells(r, &reg->now, &reg->last, NULL, year, false);
		html(o, "</tr>\n</tbody>\n");
	}
	html(o, "<tfoot><tr><th scope=\"row\">Hele landet</th>");
	figures_cells(r, &nat.now, &nat.last, NULL, year, false);
	html(o, "</tr></tfoot>\n</table>\n</div>\n");
	return page_end(r, 200);
}

/* ---------------------------------------------------------------- the yearly report */

/* yearly_form: the choice of year, survey, round and second round, from the rounds who sees */
static void yearly_form(struct req *r, const struct round_row *rows, int n, int year)
{
	struct buf *o = &r->out;
	struct form_option *surveys = arena_alloc(&r->a, sizeof(*surveys) * (size_t)(n + 1));
	struct form_option *rounds = arena_alloc(&r->a, sizeof(*rounds) * (size_t)(n + 1));
	struct form_option *compares = arena_alloc(&r->a, sizeof(*compares) * (size_t)(n + 2));
	int ns = 0, nr = 0, nc = 0;
	compares[nc++] = (struct form_option){"", REP_COMPARE_NONE};
	for (int i = 0; i < n; i++) {
		bool seen = false;
		for (int k = 0; k < ns; k++)
			seen = seen || !strcmp(surveys[k].value, rows[i].survey_code);
		if (!seen)
			surveys[ns++] = (struct form_option){rows[i].survey_code, rows[i].survey_title};
		const char *label = arena_printf(&r->a, "%s (%s)", *rows[i].round_title ? rows[i].round_title
		                                                                       : rows[i].round_code,
		                                 rows[i].survey_code);
		rounds[nr++] = (struct form_option){rows[i].round_code, label};
		compares[nc++] = (struct form_option){rows[i].round_code, label};
	}
	const char *survey = req_query(r, "survey"), *round = req_query(r, "round");
	html(o, "<form method=\"get\" action=\"/statistik/aarsrapport\" class=\"filter noprint\">\n");
	form_input(o, &(struct form_field){.name = "year", .label = REP_YEAR, .type = "number",
	                                   .value = arena_printf(&r->a, "%d", year)});
	form_select(o, &(struct form_field){.name = "survey", .label = REP_SURVEY,
	                                    .value = survey ? survey : ""}, surveys, ns);
	form_select(o, &(struct form_field){.name = "round", .label = REP_ROUND, .value = round ? round : ""},
	            rounds, nr);
	const char *cmp = req_query(r, "compare");
	form_select(o, &(struct form_field){.name = "compare", .label = REP_COMPARE, .value = cmp ? cmp : ""},
	            compares, nc);
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", REP_SHOW);
}

/* GET /statistik/aarsrapport — the administrator and every municipality's staff.
 * ?year=Y&survey=S&round=R[&compare=R2][&format=json|xlsx]: the yearly report (reports_yearly);
 * without round only the form. The same report as `indgang report`. */
int reports_page_yearly(struct req *r)
{
	if (access_national_figures(r->user) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	int year;
	if (!reports_web_year(r, reports_web_this_year() - 1, &year))
		return 0;
	const char *round = req_query(r, "round");
	struct yearly *y = arena_alloc(&r->a, sizeof(*y)); /* its reports point into it */
	bool shown = round && *round;
	if (shown) {
		const char *missing;
		int rc = reports_yearly(r->db, &r->a, r->user, year, req_query(r, "survey"), round,
		                        req_query(r, "compare"), y, &missing);
		if (rc)
			return page_fail(r, rc, !missing ? NULL
			                        : !strcmp(missing, "survey") ? "Undersøgelsen findes ikke."
			                                                     : "Runden findes ikke i undersøgelsen.");
		const char *format = req_query(r, "format");
		if (format && !strcmp(format, "json")) {
			reports_yearly_json(&r->out, y);
			return reply_json(r, 200);
		}
		if (format && !strcmp(format, "xlsx")) {
			if ((rc = reports_yearly_xlsx(&r->out, &r->a, y)) != 0)
				return page_fail(r, rc, NULL);
			return reply_download(r, XLSX_TYPE, "aarsrapport.xlsx");
		}
	}
	struct round_row *rows;
	int n;
	int rc = surveys_rounds_for(r->db, &r->a, r->user, &rows, &n);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, shown ? arena_printf(&r->a, "%s %d", REP_YEARLY_TITLE, year) : REP_YEARLY_TITLE);
	struct buf *o = &r->out;
	if (n == 0 && !shown) {
		htmlf(o, "<p class=\"empty\">%s</p>\n", REP_NO_ROUNDS);
		return page_end(r, 200);
	}
	yearly_form(r, rows, n, year);
	if (!shown) {
		htmlf(o, "<p>%s</p>\n", REP_CHOOSE);
		return page_end(r, 200);
	}
	const char *q = arena_printf(&r->a, "/statistik/aarsrapport?year=%d&survey=%s&round=%s%s%s", year,
	                             html_url(&r->a, y->s.code), html_url(&r->a, y->rd.code),
	                             y->has_compare ? "&compare=" : "",
	                             y->has_compare ? html_url(&r->a, y->cmp_rd.code) : "");
	htmlf(o, "<p class=\"noprint\">%s: <a href=\"%s&amp;format=xlsx\">Excel (XLSX)</a> · "
	         "<a href=\"%s&amp;format=json\">JSON</a></p>\n", REP_DOWNLOAD, q, q);
	reports_yearly_html(o, &r->a, y, true);
	return page_end(r, 200);
}
