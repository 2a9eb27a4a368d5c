/*
 * advisory.c — advisory sessions: who was advised when, on what, for how long, and the report's
 * monthly figures (Tabel 12). Layer: capability domain (entry).
 */
#include "advisory.h"

#include <stdio.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../kommune/kommune.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "entry.h"
#include "entry_store.h"

int advisory_session_add(struct db *db, struct arena *a, const struct principal *by,
                      const struct advisory_session_input *in_, struct errs *errs, int64_t *id)
{
	struct advisory_session_input in = *in_;
	if (!in.kommune && by)
		in.kommune = by->kommune;
	if (!in.kommune || access_allowed(by, ACC_WRITE, in.kommune) != 0)
		return ERR_FORBIDDEN;
	if (!text_date_valid(in.date))
		errs_add(errs, "date", "Skriv datoen som ÅÅÅÅ-MM-DD.");
	if (!in.topic || (strcmp(in.topic, "business") && strcmp(in.topic, "employment")))
		errs_add(errs, "topic", "Emnet er business (forretningsudvikling) eller employment (beskæftigelse).");
	if (in.minutes < 1 || in.minutes > 1440)
		errs_add(errs, "minutes", "Varigheden skal være 1 til 1440 minutter.");
	in.entrepreneur = entry_trimmed(a, in.entrepreneur);
	struct enterprise e;
	if (in.enterprise_id && registry_get(db, a, in.enterprise_id, &e) != 0)
		errs_add(errs, "enterprise_id", "Virksomheden findes ikke i registret.");
	if (!in.enterprise_id && !*in.entrepreneur)
		errs_add(errs, "entrepreneur", "Vælg virksomheden, eller skriv iværksætterens navn.");
	entry_check_len(errs, "entrepreneur", in.entrepreneur, 200, "Navnet må højst være på 200 tegn.");
	in.follow_up = entry_trimmed(a, in.follow_up);
	entry_check_len(errs, "follow_up", in.follow_up, 2000, "Opfølgningen må højst være på 2.000 tegn.");
	if (errs->n)
		return ERR_INVALID;
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	int rc = entry_store_advisory_session_add(db, &in, by->id, id);
	if (rc == 0)
		rc = audit_record(db, by, "create", "advisory_session", arena_printf(a, "%lld", (long long)*id),
		                  in.kommune, AUDIT_DETAIL(AUDIT_TEXT("date", in.date), AUDIT_TEXT("topic", in.topic)));
	return db_write_end(db, rc);
}

int advisory_sessions(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                      const char *from_day, const char *to_day, int limit, int offset,
                      struct advisory_session_row **rows, int *n, int *total)
{
	if (kommune ? access_allowed(by, ACC_READ, kommune) != 0 : access_allowed(by, ACC_NATIONAL, NULL) != 0)
		return ERR_FORBIDDEN;
	return entry_store_advisory_sessions(db, a, kommune, from_day, to_day, limit, offset, rows, n, total);
}

int advisory_years(struct db *db, const struct principal *by, const char *kommune, int *years,
                   int max, int *n)
{
	if (!kommune || access_allowed(by, ACC_READ, kommune) != 0)
		return ERR_FORBIDDEN;
	return entry_store_advisory_years(db, kommune, years, max, n);
}

const char *advisory_bucket(int n)
{
	/* Tabel 12 asks how many enterprises or entrepreneurs get advice a month: n is that count */
	return n <= 0 ? "0" : n <= 2 ? "1-2" : n <= 5 ? "3-5" : n <= 10 ? "6-10" : ">10";
}

struct stats_ctx {
	struct arena *a;
	struct advisory_row *rows;
	size_t n, cap;
	char (*months)[8];
	int nmonths;
};

static struct advisory_row *stats_row(struct stats_ctx *c, const char *kommune, const char *navn)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->rows[i].kommune, kommune))
			return &c->rows[i];
	struct advisory_row *r = ARENA_PUSH(c->a, c->rows, c->n, c->cap);
	r->kommune = arena_strdup(c->a, kommune);
	r->navn = arena_strdup(c->a, navn);
	r->nmonths = c->nmonths;
	r->months = arena_alloc(c->a, sizeof(*r->months) * (size_t)c->nmonths);
	for (int m = 0; m < c->nmonths; m++)
		memcpy(r->months[m].month, c->months[m], 8);
	return r;
}

static void on_month(void *ctx, const char *kommune, const char *navn, const char *month, int advised,
                     int sessions)
{
	struct stats_ctx *c = ctx;
	struct advisory_row *r = stats_row(c, kommune, navn);
	for (int m = 0; r && m < r->nmonths; m++)
		if (!strcmp(r->months[m].month, month)) {
			r->months[m].advised = advised;
			r->months[m].sessions = sessions;
		}
}

static bool parse_month(const char *s, int *y, int *m)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return false;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return false;
	return sscanf(s, "%4d-%2d", y, m) == 2 && *m >= 1 && *m <= 12 && *y >= 1900 && *y <= 2200;
}

int advisory_stats(struct db *db, struct arena *a, const char *from, const char *to,
                         const char *kommune, struct advisory_row **rows, int *n)
{
	int y1, m1, y2, m2;
	if (!parse_month(from, &y1, &m1) || !parse_month(to, &y2, &m2))
		return ERR_INVALID;
	int count = (y2 - y1) * 12 + (m2 - m1) + 1;
	if (count < 1 || count > 120)
		return ERR_INVALID;
	struct stats_ctx c = {.a = a};
	c.months = arena_alloc(a, 8 * (size_t)count);
	c.nmonths = count;
	for (int i = 0; i < count; i++) {
		int y = y1 + (m1 - 1 + i) / 12, m = (m1 - 1 + i) % 12 + 1;
		snprintf(c.months[i], 8, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
	}
	if (kommune) {
		struct kommune k;
		if (kommune_get(db, a, kommune, &k) != 0)
			return ERR_NOTFOUND;
		stats_row(&c, k.kode, k.navn);
	}
	char fromday[11], today_[11];
	snprintf(fromday, sizeof(fromday), "%s-01", c.months[0]);
	snprintf(today_, sizeof(today_), "%s-31", c.months[count - 1]);
	int rc = entry_store_month_counts(db, fromday, today_, kommune, on_month, &c);
	if (rc)
		return rc;
	*rows = c.rows;
	*n = (int)c.n;
	return 0;
}
