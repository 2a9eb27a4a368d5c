/*
 * strategies.c — the rules of strategies and goals: validation, who may keep and see them
 * (access_collaboration, and a strategy marked public for everybody), the strategy's PDF
 * (checked by its bytes), and the goals' live values: each metric counted in the strategy's
 * municipality, its monthly series and the straight line from baseline to target.
 * Layer: capability domain (collab); the SQL is in strategies_store.c.
 */
#include "strategies.h"

#include <stdio.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../procurement/pdf.h"
#include "../store/db.h"
#include "strategies_store.h"

/* the most months a series holds (30 years) */
#define SERIES_MAX 360

static const struct {
	const char *key, *label;
} metrics[GOAL_NMETRICS] = {
	[GOAL_NEW_RSV_REGISTERED] = {"new_rsv_registered", "Nye RSV-registrerede socialøkonomiske virksomheder"},
	[GOAL_ESTABLISHED] = {"established", "Nyetablerede socialøkonomiske virksomheder"},
	[GOAL_SPINOFFS] = {"spinoffs", "Afknopninger fra virksomheder og kommunen"},
	[GOAL_ATTRACTED] = {"attracted", "Socialøkonomiske virksomheder tiltrukket udefra"},
	[GOAL_PIPELINE] = {"pipeline", "Socialøkonomiske virksomheder på vej"},
	[GOAL_ADVISORY_SESSIONS] = {"advisory_sessions", "Rådgivningssamtaler"},
	[GOAL_NETWORK_MEETINGS] = {"network_meetings", "Afholdte netværksmøder"},
	[GOAL_POSITIONS] = {"positions", "Stillinger og pladser til borgere"},
	[GOAL_FLEKSJOB] = {"fleksjob", "Fleksjob"},
	[GOAL_INHOUSE_COMPANIES] = {"inhouse_companies", "Virksomheder med Inhouse-model"},
	[GOAL_SOEV_SPEND] = {"soev_spend", "Køb hos socialøkonomiske virksomheder"},
	[GOAL_MANUAL] = {"manual", "Manuelt indtastet værdi"},
};

int goal_metric_parse(const char *key, enum goal_metric *out)
{
	for (int i = 0; key && i < GOAL_NMETRICS; i++)
		if (!strcmp(metrics[i].key, key)) {
			*out = (enum goal_metric)i;
			return 0;
		}
	return ERR_INVALID;
}

const char *goal_metric_key(enum goal_metric m)
{
	return (int)m >= 0 && m < GOAL_NMETRICS ? metrics[m].key : "manual";
}

const char *goal_metric_label(enum goal_metric m)
{
	return (int)m >= 0 && m < GOAL_NMETRICS ? metrics[m].label : "";
}

bool goal_metric_is_money(enum goal_metric m)
{
	return m == GOAL_SOEV_SPEND;
}

bool goal_metric_is_people(enum goal_metric m)
{
	return m == GOAL_POSITIONS || m == GOAL_FLEKSJOB;
}

static const char *trimmed(struct arena *a, const char *s)
{
	return s ? text_trim(a, s) : "";
}

static const char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%lld", (long long)id);
}

/* ---------------------------------------------------------------- dates */

/* days since 1970-01-01 of "YYYY-MM-DD" (Howard Hinnant's days_from_civil) */
static int64_t day_number(const char *iso)
{
	int y = 0, m = 0, d = 0;
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return 0;
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* ---------------------------------------------------------------- strategies */

enum strategies_view strategies_view_of(const struct principal *by, const char *kommune,
                                        bool public)
{
	if (by && kommune && access_collaboration(by, ACC_WRITE, kommune) == 0)
		return STRATEGIES_WRITE;
	if (by && kommune && access_collaboration(by, ACC_READ, kommune) == 0)
		return STRATEGIES_READ;
	return public ? STRATEGIES_PUBLIC : STRATEGIES_NONE;
}

bool strategies_may_create(const struct principal *by)
{
	if (access_national(by))
		return true;
	return by && by->kommune && access_collaboration(by, ACC_WRITE, by->kommune) == 0;
}

static bool link_valid(const char *s)
{
	if (strncmp(s, "https://", 8) && strncmp(s, "http://", 7))
		return false;
	const char *host = s + (s[4] == 's' ? 8 : 7);
	if (!*host || *host == '/')
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>')
			return false;
	return strlen(s) <= 2000;
}

static void check_strategy(struct arena *a, struct strategy *s, struct errs *errs)
{
	s->title = trimmed(a, s->title);
	if (!*s->title)
		errs_add(errs, "title", "Skriv strategiens titel.");
	else if (utf8_len(s->title) > 300)
		errs_add(errs, "title", "Titlen må højst være på 300 tegn.");
	s->adopted_by = trimmed(a, s->adopted_by);
	if (utf8_len(s->adopted_by) > 200)
		errs_add(errs, "adopted_by", "Skriv højst 200 tegn om, hvem der har vedtaget strategien.");
	if (s->adopted_on && !*text_trim(a, s->adopted_on))
		s->adopted_on = NULL;
	if (s->adopted_on && !text_date_valid(s->adopted_on))
		errs_add(errs, "adopted_on", "Skriv datoen for vedtagelsen som ÅÅÅÅ-MM-DD, fx 2015-06-22.");
	bool start_ok = s->period_start && text_date_valid(s->period_start);
	bool end_ok = s->period_end && text_date_valid(s->period_end);
	if (!start_ok)
		errs_add(errs, "period_start", "Skriv periodens start som ÅÅÅÅ-MM-DD, fx 2016-01-01.");
	if (!end_ok)
		errs_add(errs, "period_end", "Skriv periodens slutning som ÅÅÅÅ-MM-DD, fx 2020-12-31.");
	else if (start_ok && strcmp(s->period_end, s->period_start) < 0)
		errs_add(errs, "period_end", "Periodens slutning må ikke ligge før dens start.");
	s->link = trimmed(a, s->link);
	if (*s->link && !link_valid(s->link))
		errs_add(errs, "link", "Skriv en webadresse, der begynder med https:// eller http://.");
}

static int write_strategy(struct db *db, struct arena *a, const struct principal *by,
                          struct strategy *s, struct errs *errs)
{
	bool creating = s->id == 0;
	if (!creating) {
		struct strategy old;
		int rc = strategies_store_get(db, a, s->id, &old);
		if (rc)
			return rc;
		if (access_collaboration(by, ACC_WRITE, old.kommune) != 0)
			return ERR_FORBIDDEN;
		s->kommune = old.kommune;
	}
	else {
		if (!s->kommune || !text_is_digits(s->kommune, 3)) {
			if (!access_national(by) && !strategies_may_create(by))
				return ERR_FORBIDDEN;
			errs_add(errs, "kommune", "Vælg kommunen.");
		}
		else {
			if (access_collaboration(by, ACC_WRITE, s->kommune) != 0)
				return ERR_FORBIDDEN;
			int exists = 0;
			if (strategies_store_kommune_exists(db, s->kommune, &exists) != 0)
				return ERR_DB;
			if (!exists)
				errs_add(errs, "kommune", "Ukendt kommune.");
		}
	}
	check_strategy(a, s, errs);
	if (errs->n > 0)
		return ERR_INVALID;
	int rc = creating ? strategies_store_insert(db, s, &s->id) : strategies_store_update(db, s);
	if (rc == 0)
		rc = audit_record(db, by, creating ? "create" : "update", "strategy", id_text(a, s->id),
		                  s->kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("title", s->title),
		                               AUDIT_TEXT("period_start", s->period_start),
		                               AUDIT_TEXT("period_end", s->period_end),
		                               AUDIT_TEXT("link", s->link), AUDIT_BOOL("public", s->public)));
	if (rc == 0)
		rc = strategies_store_get(db, a, s->id, s);
	return rc;
}

int strategies_save(struct db *db, struct arena *a, const struct principal *by,
                    struct strategy *s, struct errs *errs)
{
	bool creating = s->id == 0;
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_strategy(db, a, by, s, errs));
	if (rc && creating)
		s->id = 0;
	return rc;
}

int strategies_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                   struct strategy *out, enum strategies_view *view)
{
	struct strategy s;
	int rc = strategies_store_get(db, a, id, &s);
	if (rc)
		return rc;
	enum strategies_view v = strategies_view_of(by, s.kommune, s.public);
	if (v == STRATEGIES_NONE)
		return by ? ERR_FORBIDDEN : ERR_NOTFOUND;
	*out = s;
	if (view)
		*view = v;
	return 0;
}

enum strategies_sort strategies_sort_of(const char *key)
{
	if (key && (!strcmp(key, "title") || !strcmp(key, "titel")))
		return STRATEGIES_BY_TITLE;
	if (key && (!strcmp(key, "newest") || !strcmp(key, "nyeste")))
		return STRATEGIES_BY_NEWEST;
	return STRATEGIES_BY_KOMMUNE;
}

int strategies_list(struct db *db, struct arena *a, const struct principal *by,
                    const char *kommune, enum strategies_sort sort, int limit, int offset,
                    struct strategy **items, int *n, int *total)
{
	const char *scope = NULL;
	int all_rows = 0;
	if (by && access_collaboration_scope(by, &scope) == 0)
		all_rows = scope == NULL;
	else
		scope = NULL; /* the public ones only */
	if (limit < 1 || limit > 500)
		limit = 500;
	if (offset < 0)
		offset = 0;
	return strategies_store_list(db, a, all_rows, scope, kommune, (int)sort, limit, offset, items,
	                             n, total);
}

int strategies_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct strategy s;
	rc = strategies_store_get(db, a, id, &s);
	if (rc == 0 && access_collaboration(by, ACC_WRITE, s.kommune) != 0)
		rc = ERR_FORBIDDEN;
	if (rc == 0)
		rc = strategies_store_delete(db, id);
	if (rc == 0)
		rc = audit_record(db, by, "delete", "strategy", id_text(a, id), s.kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("title", s.title), AUDIT_INT("goals", s.ngoals)));
	return db_write_end(db, rc);
}

/* a file name safe for a download header: letters, digits, '.', '-' and '_', ending ".pdf" */
static const char *safe_name(struct arena *a, const char *name)
{
	size_t n = name ? strlen(name) : 0;
	if (n > 100)
		n = 100;
	char *out = arena_alloc(a, n + 5);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		          c == '.' || c == '-' || c == '_';
		out[k++] = ok ? c : '_';
	}
	out[k] = '\0';
	if (k == 0)
		return "strategi.pdf";
	if (k < 4 || strcmp(out + k - 4, ".pdf"))
		memcpy(out + k, ".pdf", 5);
	return out;
}

int strategies_set_document(struct db *db, struct arena *a, const struct principal *by,
                            int64_t id, const unsigned char *data, size_t len, const char *name,
                            struct errs *errs)
{
	struct strategy s;
	int rc = strategies_store_get(db, a, id, &s);
	if (rc)
		return rc;
	if (access_collaboration(by, ACC_WRITE, s.kommune) != 0)
		return ERR_FORBIDDEN;
	enum pdf_result verdict = pdf_check(data, len);
	if (verdict == PDF_TOO_BIG)
		return ERR_TOOBIG;
	if (verdict != PDF_OK)
		return errs_add(errs, "document", pdf_message(verdict));
	const char *file = safe_name(a, name);
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = strategies_store_set_document(db, id, data, len, file);
	if (rc == 0)
		rc = audit_record(db, by, "document", "strategy", id_text(a, id), s.kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("name", file), AUDIT_INT("bytes", (int64_t)len)));
	return db_write_end(db, rc);
}

int strategies_document(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                        const unsigned char **data, size_t *len, const char **name)
{
	struct strategy s;
	int rc = strategies_get(db, a, by, id, &s, NULL);
	if (rc)
		return rc;
	return strategies_store_document(db, a, id, data, len, name);
}

/* ---------------------------------------------------------------- goals */

static void check_goal(struct arena *a, struct goal *g, struct errs *errs)
{
	g->title = trimmed(a, g->title);
	if (!*g->title)
		errs_add(errs, "title", "Skriv målets titel.");
	else if (utf8_len(g->title) > 300)
		errs_add(errs, "title", "Titlen må højst være på 300 tegn.");
	bool base_ok = g->baseline_date && text_date_valid(g->baseline_date);
	if (!base_ok)
		errs_add(errs, "baseline_date", "Skriv startdatoen for målingen som ÅÅÅÅ-MM-DD.");
	if (!g->deadline || !text_date_valid(g->deadline))
		errs_add(errs, "deadline", "Skriv fristen som ÅÅÅÅ-MM-DD.");
	else if (base_ok && strcmp(g->deadline, g->baseline_date) <= 0)
		errs_add(errs, "deadline", "Fristen skal ligge efter startdatoen for målingen.");
	if (g->target <= 0)
		errs_add(errs, "target", goal_metric_is_money(g->metric)
		                             ? "Skriv målet som et beløb over 0 kr., fx 250000,00."
		                             : "Skriv målet som et helt tal over 0.");
	else if (g->target > INT64_C(1000000000000000))
		errs_add(errs, "target", "Målet er for stort.");
}

static int write_goal(struct db *db, struct arena *a, const struct principal *by, struct goal *g,
                      struct errs *errs)
{
	bool creating = g->id == 0;
	if (!creating) {
		struct goal old;
		int rc = goals_store_get(db, a, g->id, &old);
		if (rc)
			return rc;
		g->strategy_id = old.strategy_id;
		g->metric = old.metric;
	}
	struct strategy s;
	int rc = strategies_store_get(db, a, g->strategy_id, &s);
	if (rc)
		return rc;
	if (access_collaboration(by, ACC_WRITE, s.kommune) != 0)
		return ERR_FORBIDDEN;
	check_goal(a, g, errs);
	if (errs->n > 0)
		return ERR_INVALID;
	rc = creating ? goals_store_insert(db, g, &g->id) : goals_store_update(db, g);
	if (rc == 0)
		rc = audit_record(db, by, creating ? "goal_create" : "goal_update", "strategy",
		                  id_text(a, s.id), s.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("goal_id", g->id), AUDIT_TEXT("title", g->title),
		                               AUDIT_TEXT("metric", goal_metric_key(g->metric)),
		                               AUDIT_TEXT("baseline_date", g->baseline_date),
		                               AUDIT_INT("target", g->target),
		                               AUDIT_TEXT("deadline", g->deadline)));
	if (rc == 0)
		rc = goals_store_get(db, a, g->id, g);
	return rc;
}

int goals_save(struct db *db, struct arena *a, const struct principal *by, struct goal *g,
               struct errs *errs)
{
	bool creating = g->id == 0;
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_goal(db, a, by, g, errs));
	if (rc && creating)
		g->id = 0;
	return rc;
}

int goals_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
              struct goal *out, struct strategy *strategy, enum strategies_view *view)
{
	struct goal g;
	int rc = goals_store_get(db, a, id, &g);
	if (rc)
		return rc;
	struct strategy s;
	if ((rc = strategies_get(db, a, by, g.strategy_id, &s, view)) != 0)
		return rc;
	*out = g;
	if (strategy)
		*strategy = s;
	return 0;
}

int goals_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct goal g;
	struct strategy s;
	rc = goals_store_get(db, a, id, &g);
	if (rc == 0)
		rc = strategies_store_get(db, a, g.strategy_id, &s);
	if (rc == 0 && access_collaboration(by, ACC_WRITE, s.kommune) != 0)
		rc = ERR_FORBIDDEN;
	if (rc == 0)
		rc = goals_store_delete(db, id);
	if (rc == 0)
		rc = audit_record(db, by, "goal_delete", "strategy", id_text(a, s.id), s.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("goal_id", id), AUDIT_TEXT("title", g.title),
		                               AUDIT_TEXT("metric", goal_metric_key(g.metric))));
	return db_write_end(db, rc);
}

static int write_value(struct db *db, struct arena *a, const struct principal *by,
                       int64_t goal_id, struct goal_value *v, struct errs *errs)
{
	struct goal g;
	struct strategy s;
	int rc = goals_store_get(db, a, goal_id, &g);
	if (rc == 0)
		rc = strategies_store_get(db, a, g.strategy_id, &s);
	if (rc)
		return rc;
	if (access_collaboration(by, ACC_WRITE, s.kommune) != 0)
		return ERR_FORBIDDEN;
	if (g.metric != GOAL_MANUAL)
		errs_add(errs, "metric", "Kun mål med manuelt indtastede værdier tager imod værdier; de"
		                         " andre tælles af Indgang selv.");
	if (!v->date || !text_date_valid(v->date))
		errs_add(errs, "date", "Skriv datoen som ÅÅÅÅ-MM-DD.");
	if (v->value < 0 || v->value > INT64_C(1000000000000))
		errs_add(errs, "value", "Skriv værdien som et helt tal fra 0.");
	if (errs->n > 0)
		return ERR_INVALID;
	v->goal_id = goal_id;
	v->by_name = by && by->name && *by->name ? by->name : (by && by->email ? by->email : "");
	rc = goals_store_value_insert(db, v, by ? by->id : 0, &v->id);
	if (rc == 0)
		rc = audit_record(db, by, "goal_value", "strategy", id_text(a, s.id), s.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("goal_id", goal_id), AUDIT_INT("value_id", v->id),
		                               AUDIT_TEXT("date", v->date), AUDIT_INT("value", v->value)));
	return rc;
}

int goals_value_add(struct db *db, struct arena *a, const struct principal *by, int64_t goal_id,
                    struct goal_value *v, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_value(db, a, by, goal_id, v, errs));
	if (rc)
		v->id = 0;
	return rc;
}

int goals_values(struct db *db, struct arena *a, const struct principal *by, int64_t goal_id,
                 struct goal_value **items, int *n)
{
	struct goal g;
	int rc = goals_get(db, a, by, goal_id, &g, NULL, NULL);
	if (rc)
		return rc;
	return goals_store_values(db, a, goal_id, items, n);
}

/* ---------------------------------------------------------------- live values */

int goals_measure(struct db *db, enum goal_metric metric, const char *kommune, int64_t goal_id,
                  const char *from, const char *day, int64_t *out)
{
	if (strcmp(day, from) < 0 && metric != GOAL_PIPELINE && metric != GOAL_MANUAL) {
		*out = 0;
		return 0;
	}
	return goals_store_count(db, metric, kommune, goal_id, from, day, out);
}

int64_t goals_line(const struct goal *g, int64_t baseline, const char *day)
{
	int64_t d0 = day_number(g->baseline_date), d1 = day_number(g->deadline), d = day_number(day);
	if (d <= d0)
		return baseline;
	if (d >= d1 || d1 <= d0)
		return g->target;
	int64_t span = d1 - d0, done = d - d0, rise = g->target - baseline;
	/* rise * done / span without overflow: done < span */
	return baseline + rise / span * done + rise % span * done / span;
}

const char *goals_count_text(struct arena *a, int64_t v, bool masked)
{
	if (masked && v >= 1 && v <= 2)
		return "<3";
	return arena_printf(a, "%lld", (long long)v);
}

/* the value of g and its series on today */
static int measure_goal(struct db *db, struct arena *a, const char *kommune, const char *today,
                        struct goal_status *st)
{
	const struct goal *g = &st->goal;
	bool state = g->metric == GOAL_PIPELINE || g->metric == GOAL_MANUAL;
	int rc = 0;
	st->baseline = 0;
	if (state && (rc = goals_measure(db, g->metric, kommune, g->id, g->baseline_date,
	                                 g->baseline_date, &st->baseline)) != 0)
		return rc;
	if ((rc = goals_measure(db, g->metric, kommune, g->id, g->baseline_date, today,
	                        &st->current)) != 0)
		return rc;
	st->expected = goals_line(g, st->baseline, today);
	st->on_track = st->current >= st->expected;
	st->progress = g->target > 0 ? (double)st->current / (double)g->target : 0;
	/* the series: the value at the end of each month from the baseline's to today's */
	int y = 0, m = 0, ty = 0, tm = 0;
	if (sscanf(g->baseline_date, "%4d-%2d", &y, &m) != 2 || sscanf(today, "%4d-%2d", &ty, &tm) != 2)
		return 0;
	int months = (ty - y) * 12 + (tm - m) + 1;
	if (months < 1 || strcmp(today, g->baseline_date) < 0)
		return 0;
	if (months > SERIES_MAX) {
		int skip = months - SERIES_MAX;
		y += (m - 1 + skip) / 12;
		m = (m - 1 + skip) % 12 + 1;
		months = SERIES_MAX;
	}
	st->series = arena_alloc(a, sizeof(*st->series) * (size_t)months);
	for (int i = 0; i < months; i++) {
		char day[11];
		snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, month_days(y, m));
		const char *at = strcmp(day, today) > 0 ? today : day;
		struct goal_point *p = &st->series[i];
		snprintf(p->month, sizeof p->month, "%04d-%02d", y, m);
		if ((rc = goals_measure(db, g->metric, kommune, g->id, g->baseline_date, at, &p->value)) != 0)
			return rc;
		p->line = goals_line(g, st->baseline, at);
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	st->nseries = months;
	return 0;
}

/* the goals of strategy s counted on today; masked for people counts unless exact */
static int status_of(struct db *db, struct arena *a, const struct strategy *s, bool exact,
                     const char *today, struct goal_status **items, int *n)
{
	struct goal *gs;
	int ng;
	int rc = goals_store_list(db, a, s->id, &gs, &ng);
	if (rc)
		return rc;
	struct goal_status *out = arena_alloc(a, sizeof(*out) * (size_t)(ng > 0 ? ng : 1));
	for (int i = 0; i < ng; i++) {
		out[i].goal = gs[i];
		out[i].masked = goal_metric_is_people(gs[i].metric) && !exact;
		if ((rc = measure_goal(db, a, s->kommune, today, &out[i])) != 0)
			return rc;
	}
	*items = out;
	*n = ng;
	return 0;
}

int goals_status(struct db *db, struct arena *a, const struct principal *by, int64_t strategy_id,
                 const char *today, struct goal_status **items, int *n)
{
	struct strategy s;
	int rc = strategies_get(db, a, by, strategy_id, &s, NULL);
	if (rc)
		return rc;
	return status_of(db, a, &s, access_counts_exact(by, s.kommune, 0), today, items, n);
}

int strategies_load_all(struct db *db, struct arena *a, int64_t id, const char *today,
                        struct strategy *s, struct goal_status **items, int *n)
{
	int rc = strategies_store_get(db, a, id, s);
	if (rc)
		return rc;
	return status_of(db, a, s, true, today, items, n);
}
