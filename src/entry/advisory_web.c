/*
 * advisory_web.c — advisory sessions in the browser: the monthly figures with the report's
 * buckets for a period the user picks, registering a session (the enterprise chosen from the
 * municipality's, never typed as a number), and the sessions of the period.
 * Layer: handlers of the entry capability.
 */
#include "entry_web.h"

#include <stdlib.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../registry/registry.h"
#include "../view/chart.h"
#include "advisory.h"
#include "entry.h"

/* the longest period the figures cover (advisory_stats' bound) */
#define MAX_MONTHS 120
/* the most enterprises the form offers to choose from */
#define MAX_ENTERPRISES 1000

/* the period shown: months from..to (YYYY-MM) */
struct period {
	const char *from, *to;
	bool chosen; /* asked for in the address, not the default */
};

/* months_between: the number of months from (y1, m1) to (y2, m2), both included */
static int months_between(int y1, int m1, int y2, int m2)
{
	return (y2 - y1) * 12 + (m2 - m1) + 1;
}

/* period_of: the period of ?fra=YYYY-MM&til=YYYY-MM, by default the last twelve months up to
 * this one. A wrong month, a period that ends before it begins or is longer than MAX_MONTHS
 * adds a field error (fra or til) and gives the default. */
static struct period period_of(struct req *r)
{
	const char *day = page_today(r);
	int y = (int)strtol(day, NULL, 10), m = (int)strtol(day + 5, NULL, 10);
	int fy = m == 12 ? y : y - 1, fm = m == 12 ? 1 : m + 1;
	struct period def = {arena_printf(&r->a, "%04d-%02d", fy, fm), arena_printf(&r->a, "%04d-%02d", y, m), false};
	const char *from = text_trim(&r->a, req_query(r, "fra") ? req_query(r, "fra") : "");
	const char *to = text_trim(&r->a, req_query(r, "til") ? req_query(r, "til") : "");
	if (!*from && !*to)
		return def;
	int y1, m1, y2, m2;
	bool ok1 = text_month_valid(from, &y1, &m1), ok2 = text_month_valid(to, &y2, &m2);
	if (!ok1)
		errs_add(&r->errs, "fra", "Skriv den første måned som år og måned, fx 2015-01.");
	if (!ok2)
		errs_add(&r->errs, "til", "Skriv den sidste måned som år og måned, fx 2015-12.");
	if (ok1 && ok2 && months_between(y1, m1, y2, m2) < 1)
		errs_add(&r->errs, "til", "Den sidste måned ligger før den første.");
	else if (ok1 && ok2 && months_between(y1, m1, y2, m2) > MAX_MONTHS)
		errs_add(&r->errs, "til", "Perioden kan højst være 10 år (120 måneder).");
	if (r->errs.n)
		return def;
	return (struct period){from, to, true};
}

/* the period's figures: a table of the months in Danish, the report's buckets, and a chart */
static void figures(struct req *r, const struct period *p, const struct advisory_row *stats)
{
	struct buf *o = &r->out;
	int nm = stats->nmonths;
	const char **cats = arena_alloc(&r->a, sizeof(char *) * (size_t)nm);
	int *advised = arena_alloc(&r->a, sizeof(int) * (size_t)nm);
	int *sessions = arena_alloc(&r->a, sizeof(int) * (size_t)nm);
	const char *span = arena_printf(&r->a, "%s – %s", text_month_dk(&r->a, p->from), text_month_dk(&r->a, p->to));
	table_begin(o, arena_printf(&r->a, "Rådgivning pr. måned, %s", span), "numbers");
	htmlf(o, "<caption class=\"visually-hidden\">Rådgivne virksomheder og iværksættere og samtaler pr. "
	         "måned, %s</caption>\n"
	         "<thead><tr><th scope=\"col\">Måned</th>"
	         "<th scope=\"col\">Rådgivne virksomheder og iværksættere</th><th scope=\"col\">Samtaler</th>"
	         "<th scope=\"col\">Interval som i rapportens tabel 12 (rådgivne)</th></tr></thead>\n<tbody>\n",
	      span);
	for (int i = 0; i < nm; i++) {
		const struct month_count *mc = &stats->months[i];
		cats[i] = text_month_dk(&r->a, mc->month);
		advised[i] = mc->advised;
		sessions[i] = mc->sessions;
		htmlf(o, "<tr><th scope=\"row\">%s</th><td>%d</td><td>%d</td><td>%s</td></tr>\n", cats[i],
		      mc->advised, mc->sessions, advisory_bucket(mc->advised));
	}
	html(o, "</tbody>\n");
	table_end(o);
	struct chart_series series[] = {{"Rådgivne", advised, "#0b5394"}, {"Samtaler", sessions, "#b45f06"}};
	chart_bars(o, "samtaler", arena_printf(&r->a, "Rådgivne og samtaler pr. måned, %s", span), cats, nm,
	           series, 2);
}

/* the period picker: two months, and one click to the last twelve months or a year with
 * sessions */
static void period_form(struct req *r, const struct period *p, const int *years, int nyears)
{
	struct buf *o = &r->out;
	html(o, "<form method=\"get\" action=\"/raadgivning\" class=\"filter\" aria-label=\"Periode\">\n");
	const char *from = req_query(r, "fra"), *to = req_query(r, "til");
	form_input(o, &(struct form_field){.name = "fra", .label = "Fra måned", .type = "month",
	                                   .value = errs_get(&r->errs, "fra") ? from : p->from,
	                                   .hint = "År og måned, fx 2015-01.", .maxlength = 7,
	                                   .error = errs_get(&r->errs, "fra")});
	form_input(o, &(struct form_field){.name = "til", .label = "Til og med måned", .type = "month",
	                                   .value = errs_get(&r->errs, "til") ? to : p->to,
	                                   .hint = "År og måned, fx 2015-12.", .maxlength = 7,
	                                   .error = errs_get(&r->errs, "til")});
	html(o, "<button type=\"submit\">Vis perioden</button>\n</form>\n");
	html(o, "<p>Vis: <a href=\"/raadgivning\">de seneste 12 måneder</a>");
	for (int i = 0; i < nyears; i++)
		htmlf(o, " · <a href=\"/raadgivning?fra=%d-01&amp;til=%d-12\">%d</a>", years[i], years[i], years[i]);
	html(o, "</p>\n");
}

/* the enterprises the session can be about: the municipality's, and those working in it */
static struct form_option *enterprise_options(struct req *r, const struct registry_item *items, int n)
{
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(n + 1));
	fo[0] = (struct form_option){"", "Ingen: en iværksætter uden virksomhed i registret"};
	for (int i = 0; i < n; i++)
		fo[i + 1] = (struct form_option){
			arena_printf(&r->a, "%lld", (long long)items[i].id),
			items[i].home ? items[i].name : arena_printf(&r->a, "%s (hjemkommune %s)", items[i].name,
			                                              items[i].kommune_navn)};
	return fo;
}

/* the form that registers a session */
static void session_form(struct req *r, const struct registry_item *items, int nitems)
{
	struct buf *o = &r->out;
	const struct errs *er = &r->errs;
	html(o, "<form method=\"post\" action=\"/raadgivning\" class=\"stack narrow\" novalidate>\n");
	form_csrf(o, r->csrf);
	form_input(o, &(struct form_field){.name = "date", .label = "Dato", .type = "date", .required = true,
	                                   .value = req_form(r, "date") ? req_form(r, "date") : page_today(r),
	                                   .error = errs_get(er, "date")});
	static const struct form_option topics[] = {{"business", "Forretningsudvikling"},
	                                            {"employment", "Beskæftigelse"}};
	form_select(o, &(struct form_field){.name = "topic", .label = "Emne", .required = true,
	                                    .value = req_form(r, "topic"), .error = errs_get(er, "topic")}, topics, 2);
	form_input(o, &(struct form_field){.name = "minutes", .label = "Varighed i minutter", .type = "number",
	                                   .required = true, .value = req_form(r, "minutes") ? req_form(r, "minutes") : "60",
	                                   .error = errs_get(er, "minutes")});
	form_select(o, &(struct form_field){.name = "enterprise_id", .label = "Virksomhed i registret",
	                                    .value = req_form(r, "enterprise_id"),
	                                    .hint = "Kommunens virksomheder og dem fra andre kommuner, der arbejder i "
	                                            "kommunen. Er det en iværksætter uden virksomhed i registret, så "
	                                            "vælg Ingen, og skriv navnet nedenfor.",
	                                    .error = errs_get(er, "enterprise_id")},
	            enterprise_options(r, items, nitems), nitems + 1);
	form_input(o, &(struct form_field){.name = "entrepreneur", .label = "Iværksætterens navn",
	                                   .value = req_form(r, "entrepreneur"), .maxlength = 200,
	                                   .hint = "Kun når samtalen ikke er med en virksomhed i registret.",
	                                   .error = errs_get(er, "entrepreneur")});
	form_textarea(o, &(struct form_field){.name = "follow_up", .label = "Opfølgning", .maxlength = 2000,
	                                      .value = req_form(r, "follow_up"), .error = errs_get(er, "follow_up")}, 3);
	html(o, "<button type=\"submit\">Registrér samtalen</button>\n</form>\n");
}

/* the sessions of the period, one page of them */
static void sessions_table(struct req *r, const struct period *p, const struct advisory_session_row *rows,
                           int n, int offset, int limit, int total)
{
	struct buf *o = &r->out;
	if (n == 0) {
		html(o, "<p class=\"empty\">Ingen samtaler i perioden.</p>\n");
		return;
	}
	table_begin(o, "Samtaler i perioden", NULL);
	html(o, "<caption class=\"visually-hidden\">Samtaler i perioden, nyeste først</caption>\n"
	        "<thead><tr><th scope=\"col\">Dato</th><th scope=\"col\">Emne</th><th scope=\"col\">Med</th>"
	        "<th scope=\"col\">Minutter</th><th scope=\"col\">Konsulent</th><th scope=\"col\">Opfølgning</th>"
	        "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td></tr>\n",
		      text_date_dk(&r->a, rows[i].date),
		      !strcmp(rows[i].topic, "business") ? "Forretningsudvikling" : "Beskæftigelse", rows[i].who,
		      rows[i].minutes, rows[i].consultant ? rows[i].consultant : "–", rows[i].follow_up);
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, "/raadgivning",
	                p->chosen ? arena_printf(&r->a, "&fra=%s&til=%s", p->from, p->to) : "", offset, limit,
	                total);
}

/* sessions_page: the whole page with status (the POST's 422 keeps its errors and values): the
 * period's figures, the form, the period's sessions; 400 for a wrong period */
static int sessions_page(struct req *r, int status)
{
	const char *kommune = r->user->kommune;
	if (!kommune)
		return reply_page_error(r, 403, "Rådgivningssamtaler føres af kommunens medarbejdere.");
	/* the form's errors are the POST's; the period's are added after them */
	int form_errors = r->errs.n;
	struct period p = period_of(r);
	if (r->errs.n > form_errors && status == 200)
		status = 400;
	struct advisory_session_row *rows;
	struct advisory_row *stats;
	struct registry_item *items;
	int n, total, ns = 0, nitems = 0, nyears = 0, ntotal;
	int years[20];
	int limit = page_limit(r, 50, 500), offset = page_offset(r);
	int rc = advisory_sessions(r->db, &r->a, r->user, kommune, arena_printf(&r->a, "%s-01", p.from),
	                           arena_printf(&r->a, "%s-31", p.to), limit, offset, &rows, &n, &total);
	if (rc == 0)
		rc = advisory_stats(r->db, &r->a, p.from, p.to, kommune, &stats, &ns);
	if (rc == 0)
		rc = advisory_years(r->db, r->user, kommune, years, 20, &nyears);
	struct registry_query q = {.kommune = kommune, .registered = -1, .day = page_today(r),
	                           .limit = MAX_ENTERPRISES};
	if (rc == 0)
		rc = registry_list(r->db, &r->a, &q, &items, &nitems, &ntotal);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Rådgivningssamtaler");
	struct buf *o = &r->out;
	if (req_query(r, "ok"))
		html(o, "<p class=\"notice\" role=\"status\">Samtalen er registreret.</p>\n");
	form_error_summary(o, &r->errs);
	htmlf(o, "<h2>Rådgivning pr. måned, %s – %s</h2>\n", text_month_dk(&r->a, p.from), text_month_dk(&r->a, p.to));
	period_form(r, &p, years, nyears);
	if (total == 0 && nyears > 0)
		htmlf(o, "<p class=\"notice\" role=\"status\">Der er ingen samtaler i perioden. Den seneste er "
		         "fra %d: <a href=\"/raadgivning?fra=%d-01&amp;til=%d-12\">vis %d</a>.</p>\n",
		      years[0], years[0], years[0], years[0]);
	else if (total == 0)
		html(o, "<p class=\"empty\">Kommunen har ikke registreret nogen samtaler endnu.</p>\n");
	else if (ns == 1)
		figures(r, &p, &stats[0]);
	html(o, "<h2>Registrér en samtale</h2>\n");
	session_form(r, items, nitems);
	html(o, "<h2>Samtaler i perioden</h2>\n");
	sessions_table(r, &p, rows, n, offset, limit, total);
	return page_end(r, status);
}

/* GET /raadgivning — konsulent. The municipality's monthly figures and sessions for the period
 * ?fra=YYYY-MM&til=YYYY-MM (default: the last twelve months; 400 with the form and the error
 * for a wrong one), and the form that registers a session. */
int advisory_page_list(struct req *r)
{
	return sessions_page(r, 200);
}

/* POST /raadgivning — konsulent, CSRF. date, topic, minutes, enterprise_id (chosen from the
 * municipality's) or entrepreneur, follow_up. */
int advisory_page_post(struct req *r)
{
	long long minutes = 0;
	if (text_parse_int(req_form(r, "minutes"), 1, 1440, &minutes) != 0)
		errs_add(&r->errs, "minutes", "Varigheden skal være 1 til 1440 minutter.");
	int64_t ent = entry_web_id_field(r, "enterprise_id");
	if (ent == -2)
		errs_add(&r->errs, "enterprise_id", "Vælg virksomheden på listen.");
	struct advisory_session_input in = {
		.kommune = r->user->kommune, .date = req_form(r, "date"), .topic = req_form(r, "topic"),
		.minutes = (int)minutes, .enterprise_id = ent > 0 ? ent : 0,
		.entrepreneur = req_form(r, "entrepreneur"), .follow_up = req_form(r, "follow_up"),
	};
	int64_t id;
	int rc = r->errs.n ? ERR_INVALID : advisory_session_add(r->db, &r->a, r->user, &in, &r->errs, &id);
	if (rc == ERR_INVALID)
		return sessions_page(r, 422);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, "/raadgivning?ok=1");
}
