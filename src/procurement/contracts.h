/*
 * contracts.h — contracts and leases (kontrakt, lejeaftale, forpagtning) between a municipality
 * and an enterprise, perhaps from a tender or an agreement, with a period, a value and social
 * commitments; a measurable commitment ("10 ansatte i fleksjob": scheme fleksjob, target 10) is
 * followed up against the placements of the employment capability (placements_now_by_scheme,
 * its domain function: never its SQL). Layer: capability domain (procurement); the SQL is in
 * contracts_store.c. Every read and write asks access_procurement (auth/access.h).
 */
#ifndef INDGANG_CONTRACTS_H
#define INDGANG_CONTRACTS_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

#define CONTRACTS_MAX_COMMITMENTS 20

struct commitment {
	const char *text;      /* 1..1000 characters */
	const char *scheme;    /* a key of employment_schemes, or NULL: not measurable */
	int target;            /* 1..10000 with a scheme, else 0 */
	/* read only, from contracts_followup: people at the enterprise in the scheme today, and
	 * the count as the caller may see it ("7", or "<3") */
	int now;
	const char *now_text;
};

struct contract {
	int64_t id;
	const char *kommune;
	int64_t enterprise_id;
	int64_t tender_id, agreement_id;   /* 0: none */
	const char *kind;                  /* "kontrakt", "lejeaftale", "forpagtning" */
	const char *title;
	const char *start, *end;           /* end NULL: open-ended */
	bool has_value;
	int64_t value_ore;
	const char *note;
	struct commitment *commitments;
	int ncommitments;
	/* read only */
	const char *kommune_navn, *enterprise_name;
	const char *created_at, *updated_at;
};

/* the kinds with their Danish labels */
const char *contracts_kind_label(const char *kind);
bool contracts_kind_valid(const char *kind);

/* contracts_save: creates (c->id 0) or updates c with its commitments and an audit line, in one
 * write transaction. Access: access_procurement ACC_WRITE on the municipality (a create's
 * c->kommune, NULL: by's own; an update keeps the stored one), else ERR_FORBIDDEN. Field errors:
 * kommune, enterprise_id (unknown), kind, title, start, end (before start), value (given as
 * value_text, money_parse, >= 0), note, agreement_id (not the municipality's agreement with the
 * enterprise), tender_id (not the municipality's tender), commitments (text missing, unknown
 * scheme, a target without a scheme or outside 1..10000). ERR_INVALID, ERR_NOTFOUND (update),
 * ERR_DB, ERR_UNAVAILABLE. */
int contracts_save(struct db *db, struct arena *a, const struct principal *by, struct contract *c,
                   const char *value_text, struct errs *errs);

/* contracts_get: contract id with its commitments for whoever may read the municipality's
 * purchasing. ERR_NOTFOUND, ERR_FORBIDDEN, ERR_DB. */
int contracts_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                  struct contract *out);

/* contracts_followup: fills now and now_text of each measurable commitment of c: the people
 * placed at c's enterprise in its scheme today, shown exact to whom access_counts_exact allows
 * and as "<3" below 3 to everyone else. 0 or ERR_DB. */
int contracts_followup(struct db *db, struct arena *a, const struct principal *by,
                       struct contract *c);

/* contracts_list: the contracts by may list (the municipality's; all for the administrator),
 * newest start first, without commitments; *total every match. ERR_FORBIDDEN, ERR_DB. */
int contracts_list(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                   int limit, int offset, struct contract **items, int *n, int *total);

/* contracts_may_write: whether by may keep contracts of some municipality. */
bool contracts_may_write(const struct principal *by);

#endif
