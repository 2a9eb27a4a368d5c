/*
 * reports_web.c — the municipality's overview (/kommuner/{kode}/overblik) and the lists behind
 * its figures: the enterprises behind a figure of Tabel 1 (/statistik/tabel1, public like
 * Tabel 1), the inquiries of a year and the advisory sessions of a month or year.
 * Layer: handlers of the reports capability. Every figure links to its list; a zero is plain.
 */
#include "reports_web.h"

#include <string.h>
#include <time.h>

#include "../auth/access.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../entry/entry.h"
#include "../http/page.h"
#include "../registry/registry_trend.h"
#include "../view/chart.h"
#include "reports.h"
#include "reports_text_da.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define NO_KOMMUNE "Kommunen findes ikke."

int reports_web_this_year(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return tm.tm_year + 1900;
}

bool reports_web_year(struct req *r, int dflt, int *year)
{
	const char *ys = req_query(r, "year");
	long long y = dflt;
	if (ys && *ys && text_parse_int(ys, 1901, 2200, &y) != 0) {
		reply_page_error(r, 400, "Året skal skrives med fire cifre, fx 2015.");
		return false;
	}
	*year = (int)y;
	return true;
}

/* cell: a count in a table cell, a link to href (made in the request's arena) unless it is 0 */
static void cell(struct buf *o, const char *href, int v)
{
	if (v && href)
		htmlf(o, "<td><a href=\"%s\">%d</a></td>", href, v);
	else
		htmlf(o, "<td>%d</td>", v);
}

/* tabel1_href: the list behind column c of kommune's Tabel 1 for year */
static const char *tabel1_href(struct req *r, int year, const char *kommune, enum tabel1_column c)
{
	return arena_printf(&r->a, "/statistik/tabel1?year=%d&kommune=%s&column=%s", year, kommune,
	                    registry_tabel1_column_key(c));
}

/* ---------------------------------------------------------------- the overview's sections */

/* section_registry: Tabel 1 per year with the closed, and the charts of the enterprises and of
 * the new and closed per year */
static void section_registry(struct req *r, const struct overview *ov)
{
	struct buf *o = &r->out;
	const struct overview_year *ys = ov->years;
	htmlf(o, "<section class=\"report-section\" id=\"virksomheder\">\n<h2>%s %d–%d</h2>\n",
	      REP_OV_REGISTRY, ys[0].year, ov->year);
	html(o, "<p>Tabel 1 for kommunen år for år, talt pr. 31. december (kun socialøkonomiske "
	        "virksomheder med kommunen som hjemkommune), og de virksomheder, der lukkede i året.</p>\n");
	htmlf(o, "<table class=\"numbers\">\n<caption class=\"visually-hidden\">%s</caption>\n<thead><tr>"
	         "<th scope=\"col\">År</th>", REP_OV_REGISTRY);
	for (int c = 0; c < T1_COLUMNS; c++)
		htmlf(o, "<th scope=\"col\">%s</th>", registry_tabel1_column_label((enum tabel1_column)c));
	html(o, "</tr></thead>\n<tbody>\n");
	const char *k = ov->k.kode;
	for (int i = 0; i < REPORTS_YEARS; i++) {
		const struct overview_year *y = &ys[i];
		const int v[T1_COLUMNS] = {y->t1.total, y->t1.registered, y->t1.established, y->t1.pipeline,
		                           y->closed};
		htmlf(o, "<tr><th scope=\"row\">%d</th>", y->year);
		for (int c = 0; c < T1_COLUMNS; c++)
			cell(o, tabel1_href(r, y->year, k, (enum tabel1_column)c), v[c]);
		html(o, "</tr>\n");
	}
	html(o, "</tbody>\n</table>\n");
	const char **cats = arena_alloc(&r->a, sizeof(*cats) * REPORTS_YEARS);
	int *tot = arena_alloc(&r->a, sizeof(int) * REPORTS_YEARS);
	int *pipe = arena_alloc(&r->a, sizeof(int) * REPORTS_YEARS);
	int *est = arena_alloc(&r->a, sizeof(int) * REPORTS_YEARS);
	int *closed = arena_alloc(&r->a, sizeof(int) * REPORTS_YEARS);
	for (int i = 0; i < REPORTS_YEARS; i++) {
		cats[i] = arena_printf(&r->a, "%d", ys[i].year);
		tot[i] = ys[i].t1.total;
		pipe[i] = ys[i].t1.pipeline;
		est[i] = ys[i].t1.established;
		closed[i] = ys[i].closed;
	}
	struct chart_series s1[] = {{"Antal i alt", tot, "#0b5394"}, {"Vurderes på vej", pipe, "#38761d"}};
	chart_bars(o, "chart-virksomheder",
	           arena_printf(&r->a, "Socialøkonomiske virksomheder i %s pr. 31. december, %d–%d",
	                        ov->k.navn, ys[0].year, ov->year),
	           cats, REPORTS_YEARS, s1, 2);
	html(o, "</section>\n");
	htmlf(o, "<section class=\"report-section\" id=\"nye-og-lukkede\">\n<h2>%s</h2>\n", REP_OV_FLOW);
	html(o, "<p>Virksomheder etableret og lukket i hvert år. Tallene fører til de samme lister som i "
	        "tabellen ovenfor.</p>\n");
	struct chart_series s2[] = {{"Etableret i året", est, "#0b5394"}, {"Lukket i året", closed, "#a61c00"}};
	chart_bars(o, "chart-nye-og-lukkede",
	           arena_printf(&r->a, "Nye og lukkede socialøkonomiske virksomheder i %s, %d–%d", ov->k.navn,
	                        ys[0].year, ov->year),
	           cats, REPORTS_YEARS, s2, 2);
	html(o, "</section>\n");
}

/* section_inquiries: the inquiries per year against the deadline, their table and chart */
static void section_inquiries(struct req *r, const struct overview *ov)
{
	struct buf *o = &r->out;
	htmlf(o, "<section class=\"report-section\" id=\"henvendelser\">\n<h2>%s</h2>\n", REP_OV_INQUIRIES);
	htmlf(o, "<p>Henvendelserne til én indgang efter det år, de kom ind. Svarfristen er %d arbejdsdage "
	         "(sat under Opsætning); en henvendelse er besvaret inden for fristen, når sagen er lukket "
	         "senest %d arbejdsdage efter, at den kom ind. Åbne sager tælles, som de står i dag.</p>\n",
	      ov->answer_days, ov->answer_days);
	html(o, "<table class=\"numbers\">\n<caption class=\"visually-hidden\">Henvendelser pr. år</caption>\n"
	        "<thead><tr><th scope=\"col\">År</th><th scope=\"col\">Modtaget</th>"
	        "<th scope=\"col\">Lukket</th><th scope=\"col\">Lukket inden for fristen</th>"
	        "<th scope=\"col\">Åbne</th><th scope=\"col\">Åbne over fristen</th>"
	        "<th scope=\"col\">Median arbejdsdage til lukning</th></tr></thead>\n<tbody>\n");
	const char **cats = arena_alloc(&r->a, sizeof(*cats) * REPORTS_YEARS);
	int *recv = arena_alloc(&r->a, sizeof(int) * REPORTS_YEARS);
	int *in_time = arena_alloc(&r->a, sizeof(int) * REPORTS_YEARS);
	for (int i = 0; i < REPORTS_YEARS; i++) {
		const struct inquiry_year *q = &ov->years[i].inq;
		const char *href = arena_printf(&r->a, "/kommuner/%s/overblik/henvendelser?year=%d", ov->k.kode,
		                                q->year);
		htmlf(o, "<tr><th scope=\"row\">%d</th>", q->year);
		cell(o, href, q->received);
		cell(o, href, q->closed);
		cell(o, href, q->in_time);
		cell(o, href, q->open);
		cell(o, href, q->overdue);
		if (q->median_workdays >= 0)
			htmlf(o, "<td>%d</td></tr>\n", q->median_workdays);
		else
			html(o, "<td>–</td></tr>\n");
		cats[i] = arena_printf(&r->a, "%d", q->year);
		recv[i] = q->received;
		in_time[i] = q->in_time;
	}
	html(o, "</tbody>\n</table>\n");
	struct chart_series s[] = {{"Modtaget", recv, "#0b5394"}, {"Lukket inden for fristen", in_time, "#38761d"}};
	chart_bars(o, "chart-henvendelser",
	           arena_printf(&r->a, "Henvendelser til %s Kommune pr. år", ov->k.navn), cats,
	           REPORTS_YEARS, s, 2);
	html(o, "</section>\n");
}

/* section_advisory: the advisory sessions per month of the year and per year */
static void section_advisory(struct req *r, const struct overview *ov)
{
	struct buf *o = &r->out;
	htmlf(o, "<section class=\"report-section\" id=\"raadgivning\">\n<h2>%s %d</h2>\n", REP_OV_ADVISORY,
	      ov->year);
	html(o, "<p>Rådgivne er de forskellige virksomheder og iværksættere, der fik rådgivning i måneden "
	        "(som Tabel 12 i rapporten spørger); samtaler er alle samtaler. Intervallet er Tabel 12's.</p>\n");
	html(o, "<table class=\"numbers\">\n<caption class=\"visually-hidden\">Rådgivningssamtaler pr. måned"
	        "</caption>\n<thead><tr><th scope=\"col\">Måned</th><th scope=\"col\">Rådgivne</th>"
	        "<th scope=\"col\">Samtaler</th><th scope=\"col\">Tabel 12-interval</th></tr></thead>\n<tbody>\n");
	const char **cats = arena_alloc(&r->a, sizeof(*cats) * 12);
	int *advised = arena_alloc(&r->a, sizeof(int) * 12);
	int *sessions = arena_alloc(&r->a, sizeof(int) * 12);
	for (int m = 0; m < 12; m++) {
		const struct month_count *mc = &ov->months[m];
		const char *href = arena_printf(&r->a, "/kommuner/%s/overblik/raadgivning?period=%s",
		                                ov->k.kode, mc->month);
		cats[m] = reports_month_da(&r->a, mc->month);
		htmlf(o, "<tr><th scope=\"row\">%s</th>", cats[m]);
		cell(o, href, mc->advised);
		cell(o, href, mc->sessions);
		htmlf(o, "<td>%s</td></tr>\n", advisory_bucket(mc->advised));
		advised[m] = mc->advised;
		sessions[m] = mc->sessions;
	}
	html(o, "</tbody>\n</table>\n");
	struct chart_series s[] = {{"Rådgivne", advised, "#0b5394"}, {"Samtaler", sessions, "#b45f06"}};
	chart_bars(o, "chart-raadgivning",
	           arena_printf(&r->a, "Rådgivning i %s Kommune pr. måned i %d", ov->k.navn, ov->year), cats,
	           12, s, 2);
	html(o, "<h3>Samtaler pr. år</h3>\n<table class=\"numbers\">\n<caption class=\"visually-hidden\">"
	        "Rådgivningssamtaler pr. år</caption>\n<thead><tr><th scope=\"col\">År</th>"
	        "<th scope=\"col\">Samtaler</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < REPORTS_YEARS; i++) {
		htmlf(o, "<tr><th scope=\"row\">%d</th>", ov->years[i].year);
		cell(o, arena_printf(&r->a, "/kommuner/%s/overblik/raadgivning?period=%d", ov->k.kode,
		                     ov->years[i].year),
		     ov->years[i].sessions);
		html(o, "</tr>\n");
	}
	html(o, "</tbody>\n</table>\n</section>\n");
}

/* section_placements: Tabel 4 from data per year (the placements that began in it), with the
 * placements' discretion unless the caller is the municipality's staff; each figure leads to
 * the page of Tabel 4 from data for the year and municipality (the people behind it are the
 * jobkonsulent's, on /forloeb); a chart only when the counts are exact */
static void section_placements(struct req *r, const struct overview *ov)
{
	struct buf *o = &r->out;
	htmlf(o, "<section class=\"report-section\" id=\"forloeb\">\n<h2>%s</h2>\n", REP_OV_PLACEMENTS);
	html(o, "<p>Rapportens Tabel 4 talt op fra borgernes forløb og ansættelser: dem, der begyndte i "
	        "året, efter borgerens kommune.");
	if (!ov->emp_exact)
		html(o, " Tal under 3 vises som &lt;3.");
	html(o, "</p>\n<table class=\"numbers\">\n<caption class=\"visually-hidden\">Forløb og ansættelser "
	        "pr. år</caption>\n<thead><tr><th scope=\"col\">År</th>");
	for (int c = 0; c < EMP_COLUMNS; c++)
		htmlf(o, "<th scope=\"col\">%s</th>", employment_columns[c].label);
	html(o, "</tr></thead>\n<tbody>\n");
	const char **cats = arena_alloc(&r->a, sizeof(*cats) * REPORTS_YEARS);
	int *fleks = arena_alloc(&r->a, sizeof(int) * REPORTS_YEARS);
	int *forloeb = arena_alloc(&r->a, sizeof(int) * REPORTS_YEARS);
	for (int i = 0; i < REPORTS_YEARS; i++) {
		const struct overview_year *y = &ov->years[i];
		const char *href = arena_printf(&r->a, "/statistik/beskaeftigelse?year=%d&kommune=%s", y->year,
		                                ov->k.kode);
		htmlf(o, "<tr><th scope=\"row\">%d</th>", y->year);
		for (int c = 0; c < EMP_COLUMNS; c++) {
			const struct employment_cell *ec = &y->emp.cells[c];
			char text[16];
			if (ec->mark == EMP_EXACT)
				cell(o, href, ec->value);
			else
				htmlf(o, "<td>%s</td>", employment_cell_text(ec, text));
		}
		html(o, "</tr>\n");
		cats[i] = arena_printf(&r->a, "%d", y->year);
		fleks[i] = y->emp.cells[EMP_FLEKSJOB_SOEV].value + y->emp.cells[EMP_FLEKSJOB_COMPANY].value;
		forloeb[i] = y->emp.cells[EMP_FORLOEB_SOEV].value;
	}
	html(o, "</tbody>\n</table>\n");
	if (ov->emp_exact) {
		struct chart_series s[] = {{"Fleksjob", fleks, "#0b5394"},
		                           {"Forløb i socialøkonomiske virksomheder", forloeb, "#38761d"}};
		chart_bars(o, "chart-forloeb",
		           arena_printf(&r->a, "Fleksjob og forløb begyndt i %s Kommune pr. år", ov->k.navn), cats,
		           REPORTS_YEARS, s, 2);
	}
	html(o, "</section>\n");
}

/* GET /kommuner/{kode:kommune}/overblik — the municipality's staff (konsulent, jobkonsulent,
 * indkøber) and the administrator (access_figures). ?year=Y (default this year): the five
 * years ending with Y: the enterprises, the inquiries, the advisory sessions and the placements.
 * ?format=xlsx: the tables as a workbook, one sheet each. */
int reports_page_overview(struct req *r)
{
	int year;
	if (!reports_web_year(r, reports_web_this_year(), &year))
		return 0;
	struct overview ov;
	int rc = reports_overview(r->db, &r->a, r->user, req_param(r, "kode"), year, page_today(r), &ov);
	if (rc)
		return page_fail(r, rc, NO_KOMMUNE);
	const char *format = req_query(r, "format");
	if (format && !strcmp(format, "xlsx")) {
		if ((rc = reports_overview_xlsx(&r->out, &ov)) != 0)
			return page_fail(r, rc, NULL);
		return reply_download(r, XLSX_TYPE, "overblik.xlsx");
	}
	page_begin(r, arena_printf(&r->a, "%s: %s Kommune", REP_OV_TITLE, ov.k.navn));
	struct buf *o = &r->out;
	htmlf(o, "<p class=\"lead\">%s</p>\n", REP_OV_LEAD);
	htmlf(o, "<form method=\"get\" action=\"/kommuner/%s/overblik\" class=\"filter noprint\">\n", ov.k.kode);
	form_input(o, &(struct form_field){.name = "year", .label = "Til og med år", .type = "number",
	                                   .value = arena_printf(&r->a, "%d", year)});
	html(o, "<button type=\"submit\">Vis</button>\n</form>\n");
	htmlf(o, "<p class=\"noprint\"><a href=\"/kommuner/%s/overblik?year=%d&amp;format=xlsx\">Hent tabellerne "
	         "som Excel (XLSX)</a> · <a href=\"/statistik/landet?year=%d\">Hele landet</a> · "
	         "<a href=\"/statistik/aarsrapport\">Årsrapporten</a></p>\n",
	      ov.k.kode, year, year);
	/* purchasing: the municipality's spend with social-economy enterprises (procurement/) */
	htmlf(o, "<p class=\"noprint\"><a href=\"/statistik/indkoeb?year=%d&amp;kommune=%s\">Kommunens indkøb "
	         "hos socialøkonomiske virksomheder</a></p>\n", year, ov.k.kode);
	htmlf(o, "<p class=\"hint noprint\">%s</p>\n", REP_OV_PRINT);
	section_registry(r, &ov);
	section_inquiries(r, &ov);
	section_advisory(r, &ov);
	section_placements(r, &ov);
	return page_end(r, 200);
}

/* ---------------------------------------------------------------- the lists behind */

/* GET /statistik/tabel1?year=Y&column=C[&kommune=K] — public, like Tabel 1. The social-economy
 * enterprises counted in column C (total, registered, established, pipeline, closed) for year Y
 * (default last year), of municipality K or of all. */
int reports_page_tabel1(struct req *r)
{
	int year;
	if (!reports_web_year(r, reports_web_this_year() - 1, &year))
		return 0;
	enum tabel1_column column;
	if (registry_tabel1_column_parse(req_query(r, "column"), &column) != 0)
		return reply_page_error(r, 400, "Vælg en kolonne: total, registered, established, pipeline "
		                                "eller closed.");
	const char *kommune = req_query(r, "kommune");
	struct kommune k = {0};
	if (kommune && *kommune) {
		int rc = text_is_digits(kommune, 3) ? kommune_get(r->db, &r->a, kommune, &k) : ERR_NOTFOUND;
		if (rc)
			return page_fail(r, rc, NO_KOMMUNE);
	}
	struct tabel1_member *rows;
	int n;
	int rc = registry_tabel1_members(r->db, &r->a, year, k.kode, column, &rows, &n);
	if (rc)
		return page_fail(r, rc, NULL);
	const char *what = registry_tabel1_column_label(column);
	page_begin(r, k.kode ? arena_printf(&r->a, "%s, %d: %s Kommune", what, year, k.navn)
	                     : arena_printf(&r->a, "%s, %d: hele landet", what, year));
	struct buf *o = &r->out;
	htmlf(o, "<p>%d socialøkonomiske virksomheder tælles her i %s %d (Tabel 1 pr. 31.12.%d; kun "
	         "virksomheder med kommunen som hjemkommune).</p>\n",
	      n, column == T1_CLOSED ? "kolonnen \"lukket i året\" for" : "Tabel 1 for", year, year);
	if (n > 0) {
		html(o, "<table>\n<caption class=\"visually-hidden\">Virksomhederne</caption>\n<thead><tr>"
		        "<th scope=\"col\">Virksomhed</th><th scope=\"col\">Kommune</th>"
		        "<th scope=\"col\">På vej siden</th><th scope=\"col\">Etableret</th>"
		        "<th scope=\"col\">Registreret</th><th scope=\"col\">Lukket</th></tr></thead>\n<tbody>\n");
		for (int i = 0; i < n; i++) {
			const struct tabel1_member *m = &rows[i];
			htmlf(o, "<tr><td><a href=\"/virksomheder/%lld\">%s</a></td><td>%s</td><td>%s</td>"
			         "<td>%s</td><td>%s</td><td>%s</td></tr>\n",
			      (long long)m->id, m->name, m->navn,
			      m->pipeline_since ? text_date_dk(&r->a, m->pipeline_since) : "–",
			      m->established ? text_date_dk(&r->a, m->established) : "–",
			      m->rsv_registered ? text_date_dk(&r->a, m->rsv_registered) : "–",
			      m->closed ? text_date_dk(&r->a, m->closed) : "–");
		}
		html(o, "</tbody>\n</table>\n");
	}
	htmlf(o, "<p><a href=\"/statistik?year=%d\">Tabel 1 for %d</a></p>\n", year, year);
	return page_end(r, 200);
}

/* the overview's municipality, after the access question: 0, or the page_fail answer's rc */
static int overview_kommune(struct req *r, struct kommune *k)
{
	const char *kode = req_param(r, "kode");
	if (access_figures(r->user, kode) != 0)
		return ERR_FORBIDDEN;
	return kommune_get(r->db, &r->a, kode, k);
}

/* GET /kommuner/{kode:kommune}/overblik/henvendelser?year=Y — as the overview. The inquiries
 * received in Y (default this year) by reference, topic, status and dates with their working
 * days against the deadline; no contact's personal data. The reference links to the case for
 * who may open it. */
int reports_page_overview_inquiries(struct req *r)
{
	int year;
	if (!reports_web_year(r, reports_web_this_year(), &year))
		return 0;
	struct kommune k;
	int rc = overview_kommune(r, &k);
	struct inquiry_brief *rows = NULL;
	int n = 0, days = 0;
	if (rc == 0)
		rc = entry_stats_inquiries(r->db, &r->a, k.kode, arena_printf(&r->a, "%d-01-01", year),
		                           arena_printf(&r->a, "%d-12-31", year), page_today(r), &rows, &n, &days);
	if (rc)
		return page_fail(r, rc, NO_KOMMUNE);
	page_begin(r, arena_printf(&r->a, "Henvendelser %d: %s Kommune", year, k.navn));
	struct buf *o = &r->out;
	htmlf(o, "<p>%d henvendelser kom ind i %d. Svarfristen er %d arbejdsdage. Kontaktpersonernes "
	         "oplysninger står kun på selve sagen.</p>\n", n, year, days);
	bool open_cases = access_inquiry(r->user, k.kode, 0) == 0;
	if (n > 0) {
		html(o, "<table>\n<caption class=\"visually-hidden\">Henvendelserne</caption>\n<thead><tr>"
		        "<th scope=\"col\">Reference</th><th scope=\"col\">Emne</th><th scope=\"col\">Modtaget</th>"
		        "<th scope=\"col\">Status</th><th scope=\"col\">Lukket</th>"
		        "<th scope=\"col\">Arbejdsdage</th><th scope=\"col\">Svarfrist</th></tr></thead>\n<tbody>\n");
		for (int i = 0; i < n; i++) {
			const struct inquiry_brief *q = &rows[i];
			if (open_cases)
				htmlf(o, "<tr><td><a href=\"/sager/%lld\">%s</a></td>", (long long)q->id, q->reference);
			else
				htmlf(o, "<tr><td>%s</td>", q->reference);
			htmlf(o, "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td></tr>\n",
			      entry_label(entry_topics, entry_topics_count, q->topic), text_date_dk(&r->a, q->received_date),
			      entry_label(entry_statuses, entry_statuses_count, q->status),
			      q->closed_date ? text_date_dk(&r->a, q->closed_date) : "–", q->workdays,
			      q->closed_date ? (q->in_time ? "Overholdt" : "Overskredet")
			                     : (q->overdue ? "Åben, over fristen" : "Åben, inden for fristen"));
		}
		html(o, "</tbody>\n</table>\n");
	}
	htmlf(o, "<p><a href=\"/kommuner/%s/overblik?year=%d#henvendelser\">Tilbage til overblikket</a></p>\n",
	      k.kode, year);
	return page_end(r, 200);
}

/* GET /kommuner/{kode:kommune}/overblik/raadgivning?period=YYYY-MM|YYYY — as the overview. The
 * advisory sessions of the month or year (default this year); an entrepreneur's name only for
 * the municipality's konsulent and the administrator (entry_stats_period_sessions). */
int reports_page_overview_advisory(struct req *r)
{
	const char *period = req_query(r, "period");
	if (!period || !*period)
		period = arena_printf(&r->a, "%d", reports_web_this_year());
	struct kommune k;
	int rc = overview_kommune(r, &k);
	struct session_brief *rows = NULL;
	int n = 0;
	if (rc == 0)
		rc = entry_stats_period_sessions(r->db, &r->a, r->user, k.kode, period, &rows, &n);
	if (rc == ERR_INVALID)
		return reply_page_error(r, 400, "Perioden skal være en måned (fx 2015-11) eller et år (fx 2015).");
	if (rc)
		return page_fail(r, rc, NO_KOMMUNE);
	const char *when = strlen(period) == 7 ? reports_month_da(&r->a, period) : period;
	page_begin(r, arena_printf(&r->a, "Rådgivningssamtaler %s: %s Kommune", when, k.navn));
	struct buf *o = &r->out;
	htmlf(o, "<p>%d samtaler i %s.</p>\n", n, when);
	if (n > 0) {
		html(o, "<table>\n<caption class=\"visually-hidden\">Samtalerne</caption>\n<thead><tr>"
		        "<th scope=\"col\">Dato</th><th scope=\"col\">Emne</th><th scope=\"col\">Minutter</th>"
		        "<th scope=\"col\">Virksomhed eller iværksætter</th><th scope=\"col\">Opfølgning</th>"
		        "</tr></thead>\n<tbody>\n");
		for (int i = 0; i < n; i++) {
			const struct session_brief *s = &rows[i];
			htmlf(o, "<tr><td>%s</td><td>%s</td><td>%d</td>", text_date_dk(&r->a, s->date),
			      !strcmp(s->topic, "business") ? "Forretningsudvikling" : "Beskæftigelse", s->minutes);
			if (s->enterprise_id)
				htmlf(o, "<td><a href=\"/virksomheder/%lld\">%s</a></td>", (long long)s->enterprise_id,
				      s->who ? s->who : "");
			else if (s->who)
				htmlf(o, "<td>%s</td>", s->who);
			else
				html(o, "<td>Iværksætter (navnet vises kun for kommunens konsulent)</td>");
			htmlf(o, "<td>%s</td></tr>\n", s->follow_up ? s->follow_up : "–");
		}
		html(o, "</tbody>\n</table>\n");
	}
	htmlf(o, "<p><a href=\"/kommuner/%s/overblik?year=%.4s#raadgivning\">Tilbage til overblikket</a></p>\n",
	      k.kode, period);
	return page_end(r, 200);
}
