/*
 * advisory.h — advisory sessions of the one entry point and their monthly figures.
 * Layer: capability domain (entry).
 */
#ifndef INDGANG_ADVISORY_H
#define INDGANG_ADVISORY_H

#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

struct advisory_session_input {
	const char *kommune, *date, *topic; /* topic: business | employment */
	int minutes;
	int64_t enterprise_id;              /* or: */
	const char *entrepreneur;           /* the name of an entrepreneur without an enterprise */
	const char *follow_up;
	int64_t inquiry_id;
};
int advisory_session_add(struct db *db, struct arena *a, const struct principal *by,
                      const struct advisory_session_input *in, struct errs *errs, int64_t *id);
struct advisory_session_row {
	int64_t id;
	const char *date, *topic, *who, *consultant, *follow_up;
	int minutes;
	int64_t enterprise_id; /* the registry's enterprise advised, or 0 (an entrepreneur) */
};
/* advisory_sessions: the sessions of kommune (NULL: all, the national administrator only) held
 * from from_day to to_day (YYYY-MM-DD, both included; NULL: no bound), newest first, one page;
 * *total counts them all. 0, ERR_FORBIDDEN or ERR_DB. */
int advisory_sessions(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                      const char *from_day, const char *to_day, int limit, int offset,
                      struct advisory_session_row **rows, int *n, int *total);
/* advisory_years: the years (newest first, at most max) in which kommune has sessions, for a
 * caller who may read its data; *n gets how many. 0, ERR_FORBIDDEN or ERR_DB. */
int advisory_years(struct db *db, const struct principal *by, const char *kommune, int *years,
                   int max, int *n);

/* the report's buckets (Tabel 12) of enterprises or entrepreneurs advised a month: "0", "1-2",
 * "3-5", "6-10", ">10" */
const char *advisory_bucket(int advised);
struct month_count {
	char month[8];  /* YYYY-MM */
	int advised;    /* distinct enterprises, and entrepreneurs without one by name */
	int sessions;   /* every session, several with the same advised included */
};
struct advisory_row {
	const char *kommune, *navn;
	struct month_count *months;
	int nmonths;
};
/* advisory_stats: advised and sessions per month from..to (YYYY-MM, at most 120 months) for kommune, or
 * for every municipality with sessions in the period (kommune NULL). */
int advisory_stats(struct db *db, struct arena *a, const char *from, const char *to,
                         const char *kommune, struct advisory_row **rows, int *n);

#endif
