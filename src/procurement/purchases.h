/*
 * purchases.h — purchases from enterprises (køb): recorded by a buyer for something bought
 * outside Indgang, or made from an order when the enterprise delivers it. Spend (spend.h) is
 * the sum of these. Layer: capability domain (procurement). Knows no HTTP and no HTML; its SQL
 * is in purchases_store.c. Every read and write asks access_procurement (auth/access.h), and
 * the list binds access_procurement_scope into its SQL.
 */
#ifndef INDGANG_PURCHASES_H
#define INDGANG_PURCHASES_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

struct purchase {
	int64_t id;
	const char *kommune;          /* the buying municipality; a buyer's own */
	int64_t enterprise_id;
	int64_t order_id;             /* 0: recorded by hand */
	int64_t agreement_id;         /* 0: none; set to the agreement in force on date */
	const char *date;             /* YYYY-MM-DD */
	int64_t amount_ore;           /* > 0, ex. moms */
	const char *service;          /* a registry service key, or NULL */
	const char *description;      /* "" when none */
	/* read only */
	const char *kommune_navn, *enterprise_name, *enterprise_kind, *service_label;
	int64_t created_by;
	const char *created_at;
};

/* purchases_create: validates p (amount_text is the amount as typed, read with money_parse;
 * NULL when p->amount_ore is already set) and records it with an audit line ("create",
 * "purchase") in one write transaction. The municipality is by's own; the national
 * administrator must name it in p->kommune (field kommune). Order of the checks: access
 * (access_procurement ACC_WRITE, else ERR_FORBIDDEN), then field errors: enterprise_id
 * (unknown), date, amount (money_parse, > 0), service (unknown key), description (at most 1,000
 * characters). Field errors errs already holds count too. p->agreement_id becomes the agreement
 * in force with the enterprise on the date. ERR_INVALID, ERR_DB, ERR_UNAVAILABLE; on success
 * p->id. */
int purchases_create(struct db *db, struct arena *a, const struct principal *by,
                     struct purchase *p, const char *amount_text, struct errs *errs);

/* purchases_get: purchase id for whoever may read its municipality's purchasing. ERR_NOTFOUND,
 * ERR_FORBIDDEN, ERR_DB. */
int purchases_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                  struct purchase *out);

/* purchases_delete: deletes purchase id with an audit line ("delete", "purchase", the amount
 * and date) in one transaction. ERR_NOTFOUND, ERR_FORBIDDEN (ACC_WRITE), ERR_DB. */
int purchases_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id);

/* purchases_may_record: whether by may record purchases for some municipality. */
bool purchases_may_record(const struct principal *by);

enum purchases_sort { PURCHASES_NEWEST, PURCHASES_AMOUNT };

/* a filtered page of purchases; filters left NULL or 0 are not applied */
struct purchases_query {
	const char *kommune;
	int year;
	int64_t enterprise_id;
	const char *service;
	enum purchases_sort sort;   /* newest date first, or largest amount first */
	int limit, offset;          /* limit 1..10000 (exports take more than a page) */
};

/* purchases_list: the page of q that by may list (its municipality's; all for the
 * administrator), in q's order; *total every match and *sum_ore their amount.
 * ERR_FORBIDDEN, ERR_DB. */
int purchases_list(struct db *db, struct arena *a, const struct principal *by,
                   const struct purchases_query *q, struct purchase **items, int *n, int *total,
                   int64_t *sum_ore);

/* purchases_from_order: the purchase of a delivered order (order_id set, the order's total on
 * day, described as description), inside the caller's write transaction; an order that already
 * has its purchase is left as it is, so spend counts it once. For orders.c. 0, ERR_DB. */
int purchases_from_order(struct db *db, int64_t order_id, const char *kommune,
                         int64_t enterprise_id, int64_t agreement_id, const char *day,
                         int64_t amount_ore, const char *description, int64_t by);

#endif
