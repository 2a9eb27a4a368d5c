/*
 * bids.h — bids on a tender (bud): submitting and replacing them before the deadline, their PDF
 * documents, the evaluation committee's scores, the ranking by the weighted total and the award
 * with a letter to every bidder.
 * Layer: capability domain (procurement); its SQL is in bids_store.c.
 *
 * Visibility (the rule every function here keeps): nothing of a bid — that it exists, its
 * price, its documents, its bidder — is shown to other bidders or the public before the award.
 * The bidder (access_supplier for its enterprise) sees its own bid at any time. The
 * municipality's staff (access_procurement) see the bids only once the deadline for bids has
 * passed: until then they are sealed (ERR_CONFLICT). After the award anyone may see the
 * ranking's totals and the winner's name and price, not the other bidders' names or prices.
 *
 * Price model "lowest_ratio": a bid's price score is lowest price / its price × 10, computed
 * exactly in integers and rounded half up to two decimals, never stored. The total is
 * Σ weight × score / 10 (0-100, two decimals). Ties are broken by the lower price, then the
 * earlier submission (a replaced bid counts from its replacement), then the lower bid id.
 */
#ifndef INDGANG_BIDS_H
#define INDGANG_BIDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tenders.h"

/* the standstill period after the award, in days, stated in the letters */
#define BIDS_STANDSTILL_DAYS 10

struct bid {
	int64_t id;
	int64_t tender_id;
	int64_t enterprise_id;
	const char *enterprise_name; /* read only */
	int64_t price_ore;           /* > 0, ex. moms */
	const char *note;            /* "" when none */
	const char *submitted_at;    /* read only, UTC ISO */
	const char *notified_at;     /* read only: when the letter about the outcome was queued */
	int ndocuments;              /* read only */
};

struct bid_document {
	int64_t id, bid_id;
	const char *filename;
	int64_t size;
	const char *sha256;          /* hex */
	const char *created_at;
	const void *data;            /* bids_document_get only */
};

/* bids_submit: the supplier's bid on tender_id: b->enterprise_id (access_supplier, else
 * ERR_FORBIDDEN), b->price_ore (> 0, field price), b->note. The tender must exist and be
 * published (a draft is ERR_NOTFOUND) with its deadline not passed (ERR_CONFLICT, answered
 * 409). A second bid of the same enterprise replaces the price and note of the first and keeps
 * its id and documents; *replaced tells which. Audited, one transaction. b->id is set. */
int bids_submit(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
                struct bid *b, struct errs *errs, bool *replaced);

/* bids_get: bid id with its tender (t may be NULL). The bidder always; the tender's staff once
 * the deadline has passed (before it ERR_CONFLICT: sealed); everyone else ERR_NOTFOUND. */
int bids_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
             struct bid *out, struct tender *t);

/* bids_own: the bid of enterprise_id on tender_id (access_supplier, else ERR_FORBIDDEN);
 * ERR_NOTFOUND when it has none. */
int bids_own(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
             int64_t enterprise_id, struct bid *out);

/* bids_list: the bids of tender_id for its staff once the deadline has passed (ERR_CONFLICT
 * before: sealed), by submission; ERR_FORBIDDEN for anyone else (ERR_NOTFOUND for a draft they
 * may not see). */
int bids_list(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
              struct bid **items, int *n);

/* bids_document_add: a PDF for bid_id from its bidder before the deadline. The bytes are
 * checked by content (pdf.h): over 10 MB ERR_TOOBIG, anything else that is not a clean PDF a
 * field error on document (ERR_INVALID) with pdf_message's sentence. filename is reduced to its
 * last path part (1..200 characters; "dokument.pdf" when empty). Stored with its SHA-256.
 * ERR_NOTFOUND, ERR_FORBIDDEN (not the bidder), ERR_CONFLICT (past the deadline). Audited. */
int bids_document_add(struct db *db, struct arena *a, const struct principal *by, int64_t bid_id,
                      const char *filename, const void *data, size_t len, struct errs *errs,
                      int64_t *id);
/* bids_documents: the documents of bid_id (without their bytes), for who may see the bid. */
int bids_documents(struct db *db, struct arena *a, const struct principal *by, int64_t bid_id,
                   struct bid_document **items, int *n);
/* bids_document_get: document doc_id of bid_id with its bytes, for who may see the bid. */
int bids_document_get(struct db *db, struct arena *a, const struct principal *by, int64_t bid_id,
                      int64_t doc_id, struct bid_document *out);

struct bid_score_in {
	const char *criterion;     /* a key of the tender's criteria, not the price */
	int score;                 /* 0..10 */
	const char *justification; /* may be NULL */
};

/* bids_score: the staff's (ACC_WRITE) scores of bid_id of tender_id, one per non-price
 * criterion given (others are kept). The deadline must have passed and the tender not be
 * awarded or cancelled (ERR_CONFLICT). An unknown criterion, the price criterion or a score
 * outside 0..10 is a field error on scores. Audited, one transaction. */
int bids_score(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
               int64_t bid_id, const struct bid_score_in *in, int n, struct errs *errs);

/* one bid's line of the ranking; scores are in hundredths (857 is 8.57) */
struct bid_rank {
	struct bid bid;
	int rank;                     /* 1 is the best */
	int64_t total;                /* hundredths of a point, 0..10000 */
	int64_t *score;               /* per criterion of the tender, in its order; -1 not scored */
	const char **justification;   /* per criterion; "" when none (the price: the model) */
	bool complete;                /* every criterion scored */
	bool named;                   /* the caller may see this bidder's name and price */
};

struct tender_result {
	struct tender tender;
	struct bid_rank *rows;        /* best first */
	int n;
	bool complete;                /* every bid scored on every criterion */
	const char **reasons;         /* the award's justification per criterion, or NULL */
};

/* bids_result: the ranking of tender_id. The staff once the deadline has passed (ERR_CONFLICT
 * before), with every name and price; after the award anyone, with only the winner's (and a
 * bidder's own) name and price: named tells which. ERR_NOTFOUND, ERR_FORBIDDEN. */
int bids_result(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
                struct tender_result *out);

/* bids_price_score: lowest / price × 10 in hundredths, rounded half up (both > 0). */
int64_t bids_price_score(int64_t lowest_ore, int64_t price_ore);

/* bids_award: the staff (ACC_WRITE) award tender_id to bid_id with a justification per
 * criterion (reasons[i] for the tender's criterion i, each 1..4000 characters: field reasons)
 * and an optional note. The deadline must have passed and the tender be neither awarded nor
 * cancelled (ERR_CONFLICT); every bid must be scored on every criterion (field scores); bid_id
 * must be one of its bids (field bid_id). In one transaction: the tender becomes awarded, the
 * reasons are stored, and every bidder gets a letter through the outbox (the winner that it
 * won; the others that they did not, with their own and the winner's score per criterion), with
 * the standstill period of BIDS_STANDSTILL_DAYS days as information. Audited. */
int bids_award(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
               int64_t bid_id, const char *const *reasons, int nreasons, const char *note,
               struct errs *errs);

/* bids_result_xlsx: res as a workbook (one sheet "Tildeling": rank, enterprise, price, total
 * and the score per criterion, then the reasons) appended to out. 0 or ERR_IO. */
struct buf;
int bids_result_xlsx(struct arena *a, const struct tender_result *res, struct buf *out);

/* bids_hundredths: v hundredths as "8.57" (api) or "8,57" (da) in a */
const char *bids_hundredths(struct arena *a, int64_t v, bool da);

#endif
