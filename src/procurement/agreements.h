/*
 * agreements.h — voluntary purchase agreements (frivillige indkøbsaftaler) between a
 * municipality and a social-economy enterprise: title, scope, terms, contact, period, the
 * products covered (none: every product of the enterprise) and status; their validation, who
 * may keep and see them, the filtered list and the reminders before an agreement ends.
 * Layer: capability domain (procurement). Knows no HTTP and no HTML; its SQL is in
 * agreements_store.c. Every function asks auth/access.h: the municipality's purchasing
 * (access_procurement) or the enterprise's own account (access_supplier, read-only).
 */
#ifndef INDGANG_AGREEMENTS_H
#define INDGANG_AGREEMENTS_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

/* the most products one agreement names */
#define AGREEMENTS_MAX_PRODUCTS 100

struct agreement {
	int64_t id;                       /* 0 for a new agreement */
	const char *kommune;              /* the buying municipality, 3 digits */
	int64_t enterprise_id;
	/* read only: names, set by agreements_get/_list/_save */
	const char *kommune_navn, *enterprise_name;
	const char *title;
	const char *scope, *terms;        /* "" when none */
	const char *contact_name, *contact_email, *contact_phone; /* "" when none */
	const char *start, *end;          /* YYYY-MM-DD, end >= start */
	const char *status;               /* "draft", "active" or "ended"; NULL is "active" */
	int64_t *products;                /* product ids of the enterprise; none: all of them */
	int nproducts;
	const char *reminded_at;          /* read only: when the reminder before end was queued */
	int64_t created_by;               /* read only */
	const char *created_at, *updated_at;
};

/* agreements_status_label: the Danish label of a status ("Aktiv", ...), or the key itself. */
const char *agreements_status_label(const char *status);
/* agreements_status_valid: status is "draft", "active" or "ended". */
bool agreements_status_valid(const char *status);

/* agreements_validate: checks g's own fields, adding Danish field errors named as the API's
 * members (title, scope, terms, contact_name, contact_email, contact_phone, start, end, status,
 * products); trimmed copies replace the texts, a NULL status becomes "active". An end before
 * the start is the field error end. Does not look at kommune, enterprise or the products'
 * owner. 0 or ERR_INVALID. */
int agreements_validate(struct arena *a, struct agreement *g, struct errs *errs);

/* agreements_save: creates (g->id 0) or updates g with its products and one audit line
 * ("create" or "update", entity "agreement"), in one write transaction. A create needs a
 * municipality (NULL: by's own) that by may write (access_procurement ACC_WRITE, else
 * ERR_FORBIDDEN), then an existing enterprise (field enterprise_id); an update needs the stored
 * agreement (ERR_NOTFOUND) that by may write, and keeps its municipality and enterprise. Products
 * must be the enterprise's (field products). A changed end date clears reminded_at, so the new
 * end is reminded again. Field errors errs already holds count too, after the access checks.
 * ERR_INVALID, ERR_DB, ERR_UNAVAILABLE; on failure nothing is written and a new g->id stays 0. */
int agreements_save(struct db *db, struct arena *a, const struct principal *by, struct agreement *g,
                    struct errs *errs);

/* agreements_get: agreement id with its products into *out (strings in a) for whoever may read
 * it: the municipality's purchasing (ACC_READ) or the enterprise's own account. ERR_NOTFOUND,
 * ERR_FORBIDDEN, ERR_DB. */
int agreements_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                   struct agreement *out);

/* agreements_may_write: whether by may change agreement g (access_procurement ACC_WRITE). */
bool agreements_may_write(const struct principal *by, const struct agreement *g);

/* a filtered page of agreements; filters left NULL or 0 are not applied */
struct agreements_query {
	const char *kommune;
	int64_t enterprise_id;
	const char *status;         /* "draft", "active", "ended" */
	int expiring_days;          /* > 0: active agreements ending from today to today + N days */
	bool by_title;              /* title in Danish order instead of the soonest end first */
	const char *today;          /* YYYY-MM-DD, for expiring_days */
	int limit, offset;          /* limit 1..500 */
};

/* agreements_list: the page of q that by may list, soonest end first (q->by_title: by title),
 * *total every match. The
 * municipality's purchasing lists its own (all for the administrator); an enterprise's own
 * account the agreements with its enterprise. ERR_FORBIDDEN for anyone else; ERR_DB. */
int agreements_list(struct db *db, struct arena *a, const struct principal *by,
                    const struct agreements_query *q, struct agreement **items, int *n,
                    int *total);

/* agreements_in_force: the id of an active agreement between kommune and enterprise_id whose
 * period holds day (the one ending last), or 0 when there is none. Public to domain code: it
 * tells no content. 0 or ERR_DB. */
int agreements_in_force(struct db *db, const char *kommune, int64_t enterprise_id, const char *day,
                        int64_t *id);

/* agreements_remind: puts one message in the outbox for every active agreement whose end lies
 * from day to day + days and that has not been reminded since its end was last set, to the
 * agreement's contact e-mail (when valid) and to the user who made it (when active), marks it
 * reminded and writes an audit line ("remind", entity "agreement"), in one transaction. The
 * system acts (no principal): for `indgang procurement remind`. *queued counts the agreements
 * reminded. 0, ERR_DB, ERR_UNAVAILABLE. */
int agreements_remind(struct db *db, struct arena *a, const char *day, int days, int *queued);

#endif
