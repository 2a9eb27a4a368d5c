/*
 * entry_stats_store.h — the SQL of entry_stats.h. Layer: store of the entry capability:
 * statements only, no rules.
 */
#ifndef INDGANG_ENTRY_STATS_STORE_H
#define INDGANG_ENTRY_STATS_STORE_H

#include "entry_stats.h"

/* entry_stats_store_inquiries: id, reference, topic, status, received_date and the date part of
 * closed_at of kommune's inquiries received from..to, by received_at, then id; the derived
 * members are left 0. */
int entry_stats_store_inquiries(struct db *db, struct arena *a, const char *kommune,
                                const char *from, const char *to, struct inquiry_brief **rows,
                                int *n);
/* entry_stats_store_counts: sessions false: inquiries by received_date; true: advisory
 * sessions by date; per municipality and year within from..to (days). */
int entry_stats_store_counts(struct db *db, struct arena *a, bool sessions, const char *from,
                             const char *to, struct kommune_year_count **rows, int *n);
/* entry_stats_store_sessions: kommune's sessions from..to (days) by date, then id, with the
 * enterprise's name (who) when there is one, else the entrepreneur's; follow_up as stored. */
int entry_stats_store_sessions(struct db *db, struct arena *a, const char *kommune,
                               const char *from, const char *to, struct session_brief **rows,
                               int *n);

#endif
