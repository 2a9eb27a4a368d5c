/*
 * tenders_store.h — the SQL of tenders, their criteria, clauses, questions and interest.
 * Layer: store of the procurement capability: statements only, no rules (tenders.c holds them).
 * Every function returns 0, ERR_NOTFOUND where it says so, ERR_CONFLICT on a constraint the
 * database refuses, or ERR_DB (logged by db.c). now is the current UTC time as tenders_now
 * writes it; a published tender whose deadline is not after now reads as state "closed".
 */
#ifndef INDGANG_TENDERS_STORE_H
#define INDGANG_TENDERS_STORE_H

#include <stdint.h>

#include "tenders.h"

/* a new row of t's own fields, status draft; *id its id */
int tenders_store_insert(struct db *db, const struct tender *t, int64_t created_by, int64_t *id);
/* t's own fields over row t->id (kommune, status and created_at kept); ERR_NOTFOUND */
int tenders_store_update(struct db *db, const struct tender *t);
/* replaces the criteria and clauses of t->id with t's */
int tenders_store_set_lists(struct db *db, const struct tender *t);
/* status of row id; published (YYYY-MM-DD) is set when not NULL; ERR_NOTFOUND */
int tenders_store_set_status(struct db *db, int64_t id, const char *status, const char *published);
/* row id with its lists, state as of now and the number of bids; ERR_NOTFOUND */
int tenders_store_get(struct db *db, struct arena *a, int64_t id, const char *now,
                      struct tender *out);
/* a page: public (kommune ignored) or staff (kommune NULL: all) with state filter */
int tenders_store_list(struct db *db, struct arena *a, bool public_list, const char *kommune,
                       const char *state, const char *now, const char *awarded_since, int limit,
                       int offset, struct tender **items, int *n, int *total);

int tenders_store_question_insert(struct db *db, int64_t tender_id, int64_t enterprise_id,
                                  const char *question, int64_t *id);
/* ERR_NOTFOUND when question_id is not one of tender_id's */
int tenders_store_question_answer(struct db *db, int64_t tender_id, int64_t question_id,
                                  const char *answer);
int tenders_store_questions(struct db *db, struct arena *a, int64_t tender_id, bool unanswered,
                            struct tender_question **items, int *n);

int tenders_store_interest(struct db *db, int64_t tender_id, int64_t enterprise_id);
/* the addresses of the enterprises interested in the tender: their own accounts' e-mails, or
 * the enterprise's contact e-mail when it has no account; each once */
int tenders_store_interested(struct db *db, struct arena *a, int64_t tender_id, const char ***to,
                             int *n);
int tenders_store_has_interest(struct db *db, int64_t tender_id, int64_t enterprise_id);

#endif
