/*
 * errs.h — field errors from validation, collected and shown to the user unchanged.
 * Layer: base. Domain code fills a struct errs; the web layer shows each message next to its
 * field and the API layer returns the first as {"error": {..., "field"}}.
 */
#ifndef INDGANG_ERRS_H
#define INDGANG_ERRS_H

#define ERRS_MAX 16

struct field_error {
	const char *field;   /* form field or JSON member; NULL for the whole form */
	const char *message; /* Danish, for the user; must outlive the request (literal or arena) */
};

struct errs {
	struct field_error e[ERRS_MAX];
	int n;
};

/* errs_add: records message for field (kept past ERRS_MAX are dropped); returns ERR_INVALID. */
int errs_add(struct errs *errs, const char *field, const char *message);
/* errs_get: the first message for field, or NULL. */
const char *errs_get(const struct errs *errs, const char *field);

#endif
