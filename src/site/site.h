/*
 * site.h — the settings of this Indgang as a whole: the operator (the organisation that runs
 * it), named with its contact on the accessibility statement and the privacy notice.
 * Layer: capability domain (site); its SQL is in site_store.c.
 */
#ifndef INDGANG_SITE_H
#define INDGANG_SITE_H

struct arena;
struct db;
struct errs;
struct principal;

struct site_operator {
	const char *name, *email, *phone, *address; /* "" when not set */
	const char *updated_at;                     /* NULL when never set */
};

/* site_operator_get: the operator's details into *op (owned by a); every field "" when none
 * are set or the database cannot be read, so a public page can always be shown. */
void site_operator_get(struct db *db, struct arena *a, struct site_operator *op);

/* site_operator_set: saves the operator's details (the national administrator only:
 * ERR_FORBIDDEN otherwise). Field errors: name (required, at most 200 characters), email (a
 * plausible address, required), phone (digits, spaces and a leading +, 8 to 20 characters;
 * optional), address (at most 300 characters). Audited. */
int site_operator_set(struct db *db, struct arena *a, const struct principal *by,
                      const struct site_operator *in, struct errs *errs);

#endif
