/*
 * advisory_web.c — advisory sessions in the browser: registering one, the list and the monthly
 * figures with the report's buckets.
 * Layer: handlers of the entry capability.
 */
#include "entry_web.h"

#include <stdlib.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../http/ratelimit.h"
#include "../view/chart.h"
#include "advisory.h"
#include "entry.h"

static int sessions_page(struct req *r, int status)
{
	const char *kommune = r->user->kommune;
	if (!kommune)
		return reply_page_error(r, 403, "Rådgivningssamtaler føres af kommunens medarbejdere.");
	struct advisory_session_row *rows;
	int n, total;
	int limit = page_limit(r, 50, 500), offset = page_offset(r);
	int rc = advisory_sessions(r->db, &r->a, r->user, kommune, limit, offset, &rows, &n, &total);
	/* the last twelve months, with the report's buckets */
	const char *day = page_today(r);
	int y = (int)strtol(day, NULL, 10), m = (int)strtol(day + 5, NULL, 10);
	int fy = m == 12 ? y : y - 1, fm = m == 12 ? 1 : m + 1;
	struct advisory_row *stats;
	int ns = 0;
	if (rc == 0)
		rc = advisory_stats(r->db, &r->a, arena_printf(&r->a, "%04d-%02d", fy, fm),
		                    arena_printf(&r->a, "%04d-%02d", y, m), kommune, &stats, &ns);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Rådgivningssamtaler");
	struct buf *o = &r->out;
	if (req_query(r, "ok"))
		html(o, "<p class=\"notice\" role=\"status\">Samtalen er registreret.</p>\n");
	if (ns == 1) {
		html(o, "<h2>Rådgivning pr. måned</h2>\n<table class=\"numbers\">\n<caption class=\"visually-hidden\">"
		        "Rådgivne virksomheder og iværksættere og samtaler pr. måned de seneste tolv måneder</caption>\n"
		        "<thead><tr><th scope=\"col\">Måned</th>"
		        "<th scope=\"col\">Rådgivne virksomheder og iværksættere</th><th scope=\"col\">Samtaler</th>"
		        "<th scope=\"col\">Interval som i rapportens tabel 12 (rådgivne)</th></tr></thead>\n<tbody>\n");
		const char **cats = arena_alloc(&r->a, sizeof(char *) * (size_t)stats[0].nmonths);
		int *advised = arena_alloc(&r->a, sizeof(int) * (size_t)stats[0].nmonths);
		int *sessions = arena_alloc(&r->a, sizeof(int) * (size_t)stats[0].nmonths);
		for (int i = 0; i < stats[0].nmonths; i++) {
			const struct month_count *mc = &stats[0].months[i];
			htmlf(o, "<tr><th scope=\"row\">%s</th><td>%d</td><td>%d</td><td>%s</td></tr>\n", mc->month,
			      mc->advised, mc->sessions, advisory_bucket(mc->advised));
			cats[i] = mc->month;
			advised[i] = mc->advised;
			sessions[i] = mc->sessions;
		}
		html(o, "</tbody>\n</table>\n");
		struct chart_series series[] = {{"Rådgivne", advised, "#0b5394"}, {"Samtaler", sessions, "#b45f06"}};
		chart_bars(o, "samtaler", "Rådgivne og samtaler pr. måned som søjlediagram", cats, stats[0].nmonths,
		           series, 2);
	}
	html(o, "<h2>Registrér en samtale</h2>\n");
	form_error_summary(o, &r->errs);
	html(o, "<form method=\"post\" action=\"/raadgivning\" class=\"stack narrow\" novalidate>\n");
	form_csrf(o, r->csrf);
	const struct errs *er = &r->errs;
	form_input(o, &(struct form_field){.name = "date", .label = "Dato", .type = "date", .required = true,
	                                   .value = req_form(r, "date") ? req_form(r, "date") : day,
	                                   .error = errs_get(er, "date")});
	static const struct form_option topics[] = {{"business", "Forretningsudvikling"},
	                                            {"employment", "Beskæftigelse"}};
	form_select(o, &(struct form_field){.name = "topic", .label = "Emne", .required = true,
	                                    .value = req_form(r, "topic"), .error = errs_get(er, "topic")}, topics, 2);
	form_input(o, &(struct form_field){.name = "minutes", .label = "Varighed i minutter", .type = "number",
	                                   .required = true, .value = req_form(r, "minutes") ? req_form(r, "minutes") : "60",
	                                   .error = errs_get(er, "minutes")});
	form_input(o, &(struct form_field){.name = "enterprise_id", .label = "Virksomhed (nummer i registret)",
	                                   .type = "number", .value = req_form(r, "enterprise_id"),
	                                   .hint = "Eller skriv iværksætterens navn nedenfor.",
	                                   .error = errs_get(er, "enterprise_id")});
	form_input(o, &(struct form_field){.name = "entrepreneur", .label = "Iværksætter",
	                                   .value = req_form(r, "entrepreneur"), .error = errs_get(er, "entrepreneur")});
	form_textarea(o, &(struct form_field){.name = "follow_up", .label = "Opfølgning",
	                                      .value = req_form(r, "follow_up"), .error = errs_get(er, "follow_up")}, 3);
	html(o, "<button type=\"submit\">Registrér</button>\n</form>\n");
	html(o, "<h2>Seneste samtaler</h2>\n");
	if (n == 0) {
		html(o, "<p class=\"empty\">Ingen samtaler registreret endnu.</p>\n");
		return page_end(r, status);
	}
	html(o, "<table>\n<thead><tr><th scope=\"col\">Dato</th><th scope=\"col\">Emne</th><th scope=\"col\">Med</th>"
	        "<th scope=\"col\">Minutter</th><th scope=\"col\">Konsulent</th><th scope=\"col\">Opfølgning</th>"
	        "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td></tr>\n",
		      text_date_dk(&r->a, rows[i].date),
		      !strcmp(rows[i].topic, "business") ? "Forretningsudvikling" : "Beskæftigelse", rows[i].who,
		      rows[i].minutes, rows[i].consultant ? rows[i].consultant : "–", rows[i].follow_up);
	html(o, "</tbody>\n</table>\n");
	form_pagination(o, "/raadgivning", "", offset, limit, total);
	return page_end(r, status);
}

/* GET /raadgivning — konsulent. The municipality's advisory sessions and monthly figures. */
int advisory_page_list(struct req *r)
{
	return sessions_page(r, 200);
}

/* POST /raadgivning — konsulent, CSRF. date, topic, minutes, enterprise_id or entrepreneur,
 * follow_up. */
int advisory_page_post(struct req *r)
{
	long long minutes = 0;
	if (text_parse_int(req_form(r, "minutes"), 1, 1440, &minutes) != 0)
		errs_add(&r->errs, "minutes", "Varigheden skal være 1 til 1440 minutter.");
	int64_t ent = entry_web_id_field(r, "enterprise_id");
	if (ent == -2)
		errs_add(&r->errs, "enterprise_id", "Skriv virksomhedens nummer i registret (et tal).");
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

