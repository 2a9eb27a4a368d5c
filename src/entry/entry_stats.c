/*
 * entry_stats.c — the one entry point's figures: inquiries by year against the answer deadline,
 * counts per municipality and year, and the lists behind them. Layer: capability domain
 * (entry); SQL in entry_stats_store.c.
 */
#include "entry_stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../auth/access.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/workdays.h"
#include "entry.h"
#include "entry_stats_store.h"

int entry_stats_inquiries(struct db *db, struct arena *a, const char *kommune, const char *from,
                          const char *to, const char *today, struct inquiry_brief **rows, int *n,
                          int *answer_days)
{
	int rc = entry_stats_store_inquiries(db, a, kommune, from, to, rows, n);
	if (rc)
		return rc;
	int days = entry_answer_days(db, kommune);
	for (int i = 0; i < *n; i++) {
		struct inquiry_brief *q = &(*rows)[i];
		/* a case closed by its status but without a closing time counts as open, as on /sager */
		bool closed = q->closed_date && strcmp(q->status, "closed") == 0;
		if (!closed)
			q->closed_date = NULL;
		q->workdays = workdays_between(q->received_date, closed ? q->closed_date : today);
		q->in_time = closed && q->workdays <= days;
		q->overdue = !closed && q->workdays > days;
	}
	*answer_days = days;
	return 0;
}

/* year_of: the year of a YYYY-MM-DD date, 0 when it does not start with four digits */
static int year_of(const char *date)
{
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (!date || date[i] < '0' || date[i] > '9')
			return 0;
		y = y * 10 + (date[i] - '0');
	}
	return y;
}

/* cmp_int: qsort's order of ints, ascending */
static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

int entry_stats_inquiry_years(struct db *db, struct arena *a, const char *kommune, int from,
                              int to, const char *today, struct inquiry_year *out,
                              int *answer_days)
{
	if (from < 1000 || to > 9999 || to < from || to - from >= 50)
		return ERR_INVALID;
	char first[11], last[11];
	snprintf(first, sizeof(first), "%04u-01-01", (unsigned)from % 10000u);
	snprintf(last, sizeof(last), "%04u-12-31", (unsigned)to % 10000u);
	struct inquiry_brief *rows;
	int n;
	int rc = entry_stats_inquiries(db, a, kommune, first, last, today, &rows, &n, answer_days);
	if (rc)
		return rc;
	int *days = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
	for (int y = from; y <= to; y++) {
		struct inquiry_year *iy = &out[y - from];
		memset(iy, 0, sizeof(*iy));
		iy->year = y;
		int nd = 0;
		for (int i = 0; i < n; i++) {
			const struct inquiry_brief *q = &rows[i];
			if (year_of(q->received_date) != y)
				continue;
			iy->received++;
			if (q->closed_date) {
				iy->closed++;
				iy->in_time += q->in_time;
				days[nd++] = q->workdays;
			} else {
				iy->open++;
				iy->overdue += q->overdue;
			}
		}
		qsort(days, (size_t)nd, sizeof(int), cmp_int);
		iy->median_workdays = nd == 0 ? -1 : nd % 2 ? days[nd / 2] : (days[nd / 2 - 1] + days[nd / 2]) / 2;
	}
	return 0;
}

/* counts: entry_stats_received's and entry_stats_sessions's work, sessions choosing which */
static int counts(struct db *db, struct arena *a, bool sessions, int from, int to,
                  struct kommune_year_count **rows, int *n)
{
	if (from < 1000 || to > 9999 || to < from)
		return ERR_INVALID;
	char first[11], last[11];
	snprintf(first, sizeof(first), "%04u-01-01", (unsigned)from % 10000u);
	snprintf(last, sizeof(last), "%04u-12-31", (unsigned)to % 10000u);
	return entry_stats_store_counts(db, a, sessions, first, last, rows, n);
}

int entry_stats_received(struct db *db, struct arena *a, int from, int to,
                         struct kommune_year_count **rows, int *n)
{
	return counts(db, a, false, from, to, rows, n);
}

int entry_stats_sessions(struct db *db, struct arena *a, int from, int to,
                         struct kommune_year_count **rows, int *n)
{
	return counts(db, a, true, from, to, rows, n);
}

int entry_stats_period_sessions(struct db *db, struct arena *a, const struct principal *by,
                                const char *kommune, const char *period,
                                struct session_brief **rows, int *n)
{
	size_t len = period ? strlen(period) : 0;
	bool month = len == 7 && period[4] == '-' && period[5] >= '0' && period[5] <= '1' &&
	             period[6] >= '0' && period[6] <= '9' && strcmp(period + 5, "00") != 0 &&
	             strcmp(period + 5, "12") <= 0;
	if ((len != 4 && !month) || year_of(period) == 0)
		return ERR_INVALID;
	char first[11], last[11];
	if (month) {
		snprintf(first, sizeof(first), "%.7s-01", period);
		snprintf(last, sizeof(last), "%.7s-31", period);
	} else {
		snprintf(first, sizeof(first), "%.4s-01-01", period);
		snprintf(last, sizeof(last), "%.4s-12-31", period);
	}
	int rc = entry_stats_store_sessions(db, a, kommune, first, last, rows, n);
	if (rc)
		return rc;
	/* an entrepreneur is a person: the name and the note only to who keeps the sessions */
	bool names = access_allowed(by, ACC_WRITE, kommune) == 0;
	for (int i = 0; !names && i < *n; i++)
		if (!(*rows)[i].enterprise_id) {
			(*rows)[i].who = NULL;
			(*rows)[i].follow_up = NULL;
		}
	return 0;
}
