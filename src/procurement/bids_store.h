/*
 * bids_store.h — the SQL of bids, their documents and scores, and the award.
 * Layer: store of the procurement capability: statements only, no rules (bids.c holds them).
 * Every function returns 0, ERR_NOTFOUND where it says so, ERR_CONFLICT on a constraint the
 * database refuses, or ERR_DB.
 */
#ifndef INDGANG_BIDS_STORE_H
#define INDGANG_BIDS_STORE_H

#include "bids.h"

/* a bid's letter address: the account that submitted it, else the enterprise's contact */
struct bid_row {
	struct bid bid;
	const char *to; /* NULL when neither is known */
};

/* inserts or replaces (same tender and enterprise) the bid; *id, *replaced */
int bids_store_upsert(struct db *db, const struct bid *b, int64_t by_id, int64_t *id,
                      bool *replaced);
int bids_store_get(struct db *db, struct arena *a, int64_t id, struct bid *out);
/* ERR_NOTFOUND when the enterprise has no bid on the tender */
int bids_store_find(struct db *db, struct arena *a, int64_t tender_id, int64_t enterprise_id,
                    struct bid *out);
/* every bid of the tender, by submission, with its letter address */
int bids_store_list(struct db *db, struct arena *a, int64_t tender_id, struct bid_row **items,
                    int *n);

int bids_store_doc_insert(struct db *db, int64_t bid_id, const char *filename, const void *data,
                          int len, const char *sha256, int64_t *id);
int bids_store_docs(struct db *db, struct arena *a, int64_t bid_id, struct bid_document **items,
                    int *n);
/* ERR_NOTFOUND unless doc_id is a document of bid_id */
int bids_store_doc_get(struct db *db, struct arena *a, int64_t bid_id, int64_t doc_id,
                       struct bid_document *out);

int bids_store_score_set(struct db *db, int64_t bid_id, const char *criterion, int score,
                         const char *justification, int64_t by_id);
/* every score of the tender's bids: bid_id, criterion, score, justification */
struct bid_score_row {
	int64_t bid_id;
	const char *criterion, *justification;
	int score;
};
int bids_store_scores(struct db *db, struct arena *a, int64_t tender_id,
                      struct bid_score_row **items, int *n);

/* the tender awarded to bid_id now, with note */
int bids_store_award(struct db *db, int64_t tender_id, int64_t bid_id, const char *note);
int bids_store_reason_set(struct db *db, int64_t tender_id, const char *criterion,
                          const char *reason);
/* the reason of criterion, copied into a; *reason NULL when none */
int bids_store_reason(struct db *db, struct arena *a, int64_t tender_id, const char *criterion,
                      const char **reason);
int bids_store_notified(struct db *db, int64_t bid_id);

#endif
