/*
 * orders.h — orders a buyer sends to an enterprise through Indgang: lines copied from the
 * enterprise's catalogue (title, unit, price and VAT as they were when ordered; at least the
 * product's minimum order) and free lines, a reference, a delivery address, a wanted-by date and
 * a note, linked to the agreement in force. Sending mails the enterprise (the registry's contact
 * e-mail) through the outbox; the enterprise's own account accepts or declines with an answer
 * (mailed back to the buyer) and marks it delivered, which makes the purchase (purchases.h) that
 * spend counts once. A buyer may cancel an order that is not delivered.
 * Layer: capability domain (procurement); SQL in orders_store.c. Access: access_procurement for
 * the municipality's side, access_supplier for the enterprise's.
 */
#ifndef INDGANG_ORDERS_H
#define INDGANG_ORDERS_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

#define ORDERS_MAX_LINES 50

struct order_line {
	int64_t product_id;      /* 0: a free line */
	const char *title;       /* free lines; copied from the product otherwise */
	const char *unit;        /* free lines ("stk." when empty); copied otherwise */
	int quantity;            /* 1..1000000, and at least the product's minimum order */
	const char *price_text;  /* free lines: the price per unit as typed (money_parse) */
	int64_t price_ore;       /* per unit, ex. moms; set by orders_create */
	int vat_rate;            /* percent; 25 for free lines */
};

struct order {
	int64_t id;
	const char *kommune;                /* the buyer's municipality */
	int64_t enterprise_id;
	int64_t agreement_id;               /* set: the agreement in force, 0 none */
	const char *reference, *delivery_address, *wanted_by, *note; /* wanted_by NULL: none */
	const char *status;                 /* sent, accepted, declined, delivered, cancelled */
	const char *answer;                 /* the enterprise's answer, "" none */
	int64_t total_ore;                  /* the lines' sum ex. moms */
	struct order_line *lines;
	int nlines;
	/* read only */
	int64_t buyer_id;
	const char *kommune_navn, *enterprise_name, *buyer_email, *created_at, *updated_at;
};

/* orders_status_label: the Danish label of a status ("Sendt", ...), or the key. */
const char *orders_status_label(const char *status);

/* orders_create: validates o and its lines, sends it: one order with its lines, the mail to the
 * enterprise's contact e-mail (when it has one) and an audit line, in one transaction. The
 * municipality is by's own (the administrator names it, field kommune); by must pass
 * access_procurement ACC_WRITE (else ERR_FORBIDDEN, before any field error). Field errors:
 * enterprise_id (unknown), lines (none, too many, a product not the enterprise's or hidden, a
 * quantity below the product's minimum order or outside 1..1000000, a free line without title
 * or with a price that is not an amount), wanted_by, reference, delivery_address, note.
 * ERR_INVALID, ERR_DB, ERR_UNAVAILABLE; on success o is read back (its id, total, lines). */
int orders_create(struct db *db, struct arena *a, const struct principal *by, struct order *o,
                  struct errs *errs);

/* orders_get: order id with its lines for the municipality's purchasing (ACC_READ) or the
 * enterprise's own account. ERR_NOTFOUND, ERR_FORBIDDEN, ERR_DB. */
int orders_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
               struct order *out);

/* orders_may_answer / orders_may_cancel: whether by may move order o on as its supplier
 * (accept, decline, deliver) or as its buyer (cancel), in its present status. */
bool orders_may_answer(const struct principal *by, const struct order *o);
bool orders_may_cancel(const struct principal *by, const struct order *o);

/* orders_set_status: moves order id to status with answer (the enterprise's words; may be
 * NULL), in one transaction with an audit line:
 *   sent → accepted | declined   the enterprise's own account; mails the answer to the buyer
 *   accepted → delivered         the enterprise's own account; makes the order's purchase
 *   sent | accepted → cancelled  the municipality (ACC_WRITE); mails the enterprise
 * ERR_NOTFOUND; ERR_FORBIDDEN when by may not see it or not make this move; ERR_INVALID (field
 * status) for an unknown status; ERR_CONFLICT (field status) for a move the order's status does
 * not allow; ERR_DB. */
int orders_set_status(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                      const char *status, const char *answer, struct errs *errs);

/* orders_list: the orders by may list, newest first: the municipality's (all for the
 * administrator), or the enterprise's own (supplier). status filters when not NULL.
 * ERR_FORBIDDEN, ERR_DB. */
int orders_list(struct db *db, struct arena *a, const struct principal *by, const char *status,
                int limit, int offset, struct order **items, int *n, int *total);

/* a catalogue product as an order offers it */
struct order_product {
	int64_t id;
	const char *title, *unit;
	int64_t price_ore;
	int vat_rate, min_order;
};
/* orders_products: the active products of enterprise_id, by title (public catalogue data). */
int orders_products(struct db *db, struct arena *a, int64_t enterprise_id,
                    struct order_product **items, int *n);
/* orders_product_enterprise: the enterprise of product id; ERR_NOTFOUND. */
int orders_product_enterprise(struct db *db, int64_t id, int64_t *enterprise_id);

#endif
