/*
 * entry_stats.h — the one entry point's figures for a municipality's overview and the national
 * view: inquiries counted by year with their answer times against the municipality's deadline,
 * inquiries and advisory sessions per municipality and year, and the lists behind those counts.
 * Layer: capability domain (entry); SQL in entry_stats_store.c.
 *
 * No personal data leaves here: an inquiry is given by its reference, topic, status and dates
 * (never the contact's name, e-mail, phone or message), and an advisory session names an
 * entrepreneur without an enterprise only to who may change the municipality's data. Nothing
 * here is audited for that reason; the case itself (/sager/{id}) is, when opened.
 */
#ifndef INDGANG_ENTRY_STATS_H
#define INDGANG_ENTRY_STATS_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct db;
struct principal;

/* an inquiry without its contact: what the counts count */
struct inquiry_brief {
	int64_t id;
	const char *reference, *topic, *status;
	const char *received_date; /* YYYY-MM-DD */
	const char *closed_date;   /* YYYY-MM-DD, NULL while open */
	int workdays;  /* working days from received to closed, or to today while open */
	bool in_time;  /* closed within the answer deadline (workdays <= the deadline) */
	bool overdue;  /* still open, and open longer than the deadline */
};

/* entry_stats_inquiries: the inquiries of kommune received from..to (YYYY-MM-DD, both
 * included), oldest first, with their working days and place against the municipality's
 * answer deadline as it is set today (entry_answer_days), which *answer_days gets; today is
 * YYYY-MM-DD. Allocated in a; *n may be 0. 0 or ERR_DB. */
int entry_stats_inquiries(struct db *db, struct arena *a, const char *kommune, const char *from,
                          const char *to, const char *today, struct inquiry_brief **rows, int *n,
                          int *answer_days);

/* the inquiries received in one year, and what became of them */
struct inquiry_year {
	int year;
	int received;        /* received within the year */
	int closed;          /* of those, closed (at any time until today) */
	int in_time;         /* of the closed, closed within the answer deadline */
	int open;            /* of those received, still open today */
	int overdue;         /* of the open, over the deadline today */
	int median_workdays; /* the median working days to close of the closed (rounded down), -1
	                      * when none is closed */
};
/* entry_stats_inquiry_years: out[i] for the year from + i of kommune's inquiries, for every
 * year from..to (at most 50 years; out holds to - from + 1), counted as entry_stats_inquiries
 * describes. *answer_days gets the deadline. 0, ERR_INVALID for a bad range, ERR_DB. */
int entry_stats_inquiry_years(struct db *db, struct arena *a, const char *kommune, int from,
                              int to, const char *today, struct inquiry_year *out,
                              int *answer_days);

/* a count of one municipality in one year */
struct kommune_year_count {
	const char *kommune;
	int year;
	int count;
};
/* entry_stats_received / entry_stats_sessions: the inquiries received, and the advisory
 * sessions held, per municipality and year for the years from..to, one row for each pair with a
 * count above 0, in no particular order. Counts only (public like GET /api/v1/stats/advisory).
 * Allocated in a. 0, ERR_INVALID for a bad range, ERR_DB. */
int entry_stats_received(struct db *db, struct arena *a, int from, int to,
                         struct kommune_year_count **rows, int *n);
int entry_stats_sessions(struct db *db, struct arena *a, int from, int to,
                         struct kommune_year_count **rows, int *n);

/* an advisory session as the list behind a month's figure shows it */
struct session_brief {
	int64_t id;
	const char *date, *topic; /* topic: business | employment */
	int minutes;
	int64_t enterprise_id;    /* 0: an entrepreneur without an enterprise */
	const char *who;          /* the enterprise's name, or the entrepreneur's name; NULL when
	                           * the caller may not see an entrepreneur's name */
	const char *follow_up;    /* "" when none, NULL when hidden as who is */
};
/* entry_stats_period_sessions: the advisory sessions of kommune in period, a month (YYYY-MM)
 * or a year (YYYY), by date: those advisory_stats counts for it. An entrepreneur's name and the
 * follow-up note are given only to who may change kommune's data (access_allowed ACC_WRITE: its
 * konsulent, the administrator); to the rest of the staff who and follow_up are NULL for
 * entrepreneurs. Who may read the list at all is the caller's question (access_figures).
 * Allocated in a. 0, ERR_INVALID for a malformed period, ERR_DB. */
int entry_stats_period_sessions(struct db *db, struct arena *a, const struct principal *by,
                                const char *kommune, const char *period,
                                struct session_brief **rows, int *n);

#endif
