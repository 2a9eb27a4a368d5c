/*
 * entry_store.h — the SQL of inquiries, cases, units, routes and advisory sessions.
 * Layer: store of the entry capability.
 */
#ifndef INDGANG_ENTRY_STORE_H
#define INDGANG_ENTRY_STORE_H

#include "advisory.h"
#include "entry.h"

int entry_store_next_seq(struct db *db, int year, int *seq);
int entry_store_routing_lookup(struct db *db, const char *kommune, const char *topic, int64_t *unit_id,
                      int64_t *assignee_id);
int entry_store_insert(struct db *db, const struct inquiry *q, int year, int seq, int64_t *id);
/* list: scope_kommune NULL = all; assignee > 0 = only those assigned to that user */
int entry_store_list(struct db *db, struct arena *a, const char *scope_kommune, int64_t assignee,
                     const char *status, int limit, int offset, struct inquiry **rows, int *n,
                     int *total);
int entry_store_get(struct db *db, struct arena *a, int64_t id, struct inquiry *out);
int entry_store_update(struct db *db, const struct inquiry *q);
int entry_store_link_enterprise(struct db *db, int64_t id, int64_t enterprise_id);
int entry_store_note(struct db *db, int64_t id, int64_t user_id, const char *text);
int entry_store_referral(struct db *db, int64_t id, int64_t unit_id, const char *note);
int entry_store_referral_result(struct db *db, int64_t referral_id, const char *result,
                                int64_t *inquiry_id);
int entry_store_history(struct db *db, struct arena *a, int64_t id, struct note_row **notes,
                        int *nn, struct referral_row **refs, int *nr);
int entry_store_units(struct db *db, struct arena *a, const char *kommune, struct unit_row **rows, int *n);
int entry_store_unit_kommune(struct db *db, struct arena *a, int64_t unit_id, const char **kommune);
int entry_store_unit_add(struct db *db, const char *kommune, const char *kind, const char *name,
                         const char *email);
int entry_store_routing(struct db *db, struct arena *a, const char *kommune, struct routing_row **rows, int *n);
int entry_store_routing_set(struct db *db, const char *kommune, const char *topic, int64_t unit_id,
                          int64_t assignee_id);
int entry_store_answer_days(struct db *db, const char *kommune, int *days);
int entry_store_answer_days_set(struct db *db, const char *kommune, int days);
/* who hears of an inquiry routed to no person ("coordinators", "unit" or "none"); ERR_NOTFOUND
 * when the municipality has no settings yet */
int entry_store_retention(struct db *db, const char *kommune, int *years);
int entry_store_retention_set(struct db *db, const char *kommune, int years);
/* entry_store_purge: counts (*count) and, unless dry_run, erases the personal data of the
 * closed inquiries whose retention ended before today (YYYY-MM-DD). Inside a write. */
int entry_store_purge(struct db *db, const char *today, bool dry_run, int *count);
int entry_store_notify(struct db *db, struct arena *a, const char *kommune, const char **notify);
int entry_store_notify_set(struct db *db, const char *kommune, const char *notify);
/* the user's e-mail and municipality, for routing checks */
int entry_store_advisory_session_add(struct db *db, const struct advisory_session_input *in, int64_t consultant,
                            int64_t *id);
/* the sessions of kommune (NULL: all) from from_day to to_day (NULL: no bound), newest first */
int entry_store_advisory_sessions(struct db *db, struct arena *a, const char *kommune,
                                  const char *from_day, const char *to_day, int limit, int offset,
                                  struct advisory_session_row **rows, int *n, int *total);
/* the years with sessions of kommune, newest first, at most max into years */
int entry_store_advisory_years(struct db *db, const char *kommune, int *years, int max, int *n);
/* calls fn(ctx, kommune, navn, month, advised, sessions) for each municipality and month of the
 * period with sessions, kommune NULL for all; advised counts distinct enterprises, and
 * entrepreneurs without one by name */
int entry_store_month_counts(struct db *db, const char *from_day, const char *to_day,
                             const char *kommune,
                             void (*fn)(void *, const char *, const char *, const char *, int, int),
                             void *ctx);

#endif
