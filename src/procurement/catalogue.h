/*
 * catalogue.h — the catalogue of the enterprises' products and services (chapter 5: "et nyt
 * system til indkøbere ... som sikrer, at produkterne både er beskrevet via tekst og billeder"):
 * products with a price in øre ex. moms, unit, minimum order, the registry's service keys, an
 * optional CPV code, the municipalities delivered to, and pictures; the Danish search and the
 * filters buyers use, with the mark of what an active purchase agreement of the buyer's
 * municipality covers.
 * Layer: capability domain (procurement). Knows no HTTP and no HTML; its SQL is in
 * catalogue_store.c, the picture pipeline in images.c. Writes ask access_catalogue_write()
 * with the enterprise's home municipality; the catalogue is public to read, except hidden
 * products and products of closed enterprises, which only their writers see.
 */
#ifndef INDGANG_CATALOGUE_H
#define INDGANG_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

#define CATALOGUE_MAX_SERVICES 16
#define CATALOGUE_MAX_AREAS 98
#define CATALOGUE_MAX_IMAGES 12
#define CATALOGUE_ALT_MAX 300

/* a picture of a product (the files are fetched one at a time, catalogue_image_file) */
struct catalogue_image {
	int64_t id;
	int64_t product_id;
	int position;
	const char *alt;
	int width, height;
};

struct product {
	int64_t id;                 /* 0 for a new product */
	int64_t enterprise_id;
	/* read only: the enterprise's name, home municipality and whether it is closed today */
	const char *enterprise_name, *kommune;
	bool enterprise_closed;
	const char *title;          /* 1..200 characters */
	const char *description;    /* "" when none, at most 10,000 characters */
	int64_t price_ore;          /* ex. moms, >= 0 */
	int vat_rate;               /* percent, 0..25 (25 is Danish moms, 0 for exempt services) */
	const char *unit;           /* "stk.", "time", "kurv" ...; 1..40 characters */
	int min_order;              /* 1..100000 */
	const char *cpv;            /* "39000000-2" or NULL */
	const char **services;      /* registry service keys */
	int nservices;
	const char **areas;         /* municipality codes delivered to; none: all of Denmark */
	int nareas;
	const char *status;         /* "active" or "hidden"; NULL is "active" on create */
	const char *created_at, *updated_at; /* read only */
	/* read only, set by catalogue_get: the pictures in their order */
	struct catalogue_image *images;
	int nimages;
	/* read only: whether an active agreement of the caller's municipality covers it, and that
	 * agreement's title (only for the municipality's own staff; NULL otherwise) */
	bool agreement;
	const char *agreement_title;
};

/* catalogue_price_text: "1.234,50 kr. ekskl. moms (25 %)" (or "... (momsfri)" at 0 %), in a. */
const char *catalogue_price_text(struct arena *a, int64_t price_ore, int vat_rate);
/* catalogue_status_label: "Synlig" / "Skjult". */
const char *catalogue_status_label(const char *status);

/* catalogue_validate: checks p's own fields, adding field errors named as the JSON members
 * (title, description, price, vat_rate, unit, min_order, cpv, services, areas, status) in Danish.
 * Trimmed copies replace the texts; cpv is written with its dash; duplicate keys are dropped;
 * unknown service keys and municipality codes are field errors. 0, ERR_INVALID, or ERR_DB. */
int catalogue_validate(struct db *db, struct arena *a, struct product *p, struct errs *errs);

/* catalogue_save: creates (p->id 0) or updates p with its services and areas, its search terms
 * and one audit line ("create"/"update", entity "product"), in one write transaction. An update
 * needs the stored product (ERR_NOTFOUND) and keeps its enterprise; a create needs an existing
 * enterprise (else field error enterprise_id). Then by must pass access_catalogue_write for the
 * enterprise's home municipality (ERR_FORBIDDEN), checked before any field error is reported.
 * Field errors errs already holds count as the save's. On success p->id and the read-only
 * fields are set. Also ERR_DB, ERR_UNAVAILABLE. Allocates in a. */
int catalogue_save(struct db *db, struct arena *a, const struct principal *by, struct product *p,
                   struct errs *errs);

/* catalogue_get: product id with services, areas and pictures into *out. A hidden product, or
 * one of a closed enterprise, is ERR_NOTFOUND to anyone who may not write it. agreement and
 * agreement_title are set as catalogue_search sets them for kommune (NULL: by's own, if any).
 * ERR_NOTFOUND, ERR_DB. */
int catalogue_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                  const char *kommune, struct product *out);

/* catalogue_may_write: whether by may change product p (as read by catalogue_get). */
bool catalogue_may_write(const struct principal *by, const struct product *p);

/* catalogue_set_status: hides ("hidden") or shows ("active") product id, audited ("status").
 * ERR_NOTFOUND, ERR_FORBIDDEN, ERR_INVALID (field status), ERR_DB, ERR_UNAVAILABLE. */
int catalogue_set_status(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                         const char *status, struct errs *errs);

/* ---------------------------------------------------------------- search */

enum catalogue_sort { CATALOGUE_RELEVANCE, CATALOGUE_TITLE, CATALOGUE_PRICE, CATALOGUE_NEWEST };

/* the filters of a search; each left NULL or 0 is not applied */
struct catalogue_query {
	const char *q;               /* words, searched the registry's Danish way */
	const char *service;         /* a service key */
	const char *cpv_division;    /* two digits */
	const char *kommune;         /* delivered there (no area rows: everywhere); also the
	                              * municipality whose agreements mark the public's results */
	int64_t price_min, price_max; /* øre; -1 for none */
	int64_t enterprise_id;       /* one enterprise's products */
	bool agreement_only;         /* only products under an agreement (see agreement_kommune) */
	bool include_hidden;         /* with enterprise_id: hidden ones too, for its writers */
	enum catalogue_sort sort;
	int limit, offset;           /* limit 1..500 */
};

/* one card of the results */
struct catalogue_item {
	int64_t id, enterprise_id;
	const char *enterprise_name;
	const char *title;
	int64_t price_ore;
	int vat_rate;
	const char *unit;
	const char *status;
	int64_t image_id;            /* the first picture, 0 when none */
	const char *image_alt;
	bool agreement;
};

/* catalogue_agreement_kommune: the municipality whose agreements mark a search by by: its own
 * for a municipality's staff (access_procurement_scope), else asked (may be NULL). */
const char *catalogue_agreement_kommune(const struct principal *by, const char *asked);

/* catalogue_search: one page of the active products of open enterprises that q selects (with
 * include_hidden and an enterprise by may write: its hidden ones too), and *total every match.
 * Each item's agreement says whether an active agreement of catalogue_agreement_kommune(by,
 * q->kommune) covers it (same enterprise, status active, start <= today <= end, and no product
 * rows or a row for it). ERR_DB. Allocates in a. */
int catalogue_search(struct db *db, struct arena *a, const struct principal *by,
                     const struct catalogue_query *q, struct catalogue_item **items, int *n,
                     int *total);

/* ---------------------------------------------------------------- pictures */

/* catalogue_image_add: runs the picture data[0..len) through the pipeline (images.h) and stores
 * it with its alt text (1..300 characters, required) and its five files last in the product's
 * order, audited ("image_add"), in one transaction. ERR_NOTFOUND, ERR_FORBIDDEN (by may not
 * write the product), then ERR_INVALID with the field alt or image (the pipeline's Danish
 * reason; more than CATALOGUE_MAX_IMAGES pictures too), ERR_TOOBIG over 10 MB; nothing stored
 * on failure. *out gets the stored picture. */
int catalogue_image_add(struct db *db, struct arena *a, const struct principal *by,
                        int64_t product_id, const void *data, size_t len, const char *alt,
                        struct errs *errs, struct catalogue_image *out);

/* catalogue_image_update: a new alt text (NULL: kept) and/or position (< 0: kept) of picture
 * id, audited. ERR_NOTFOUND, ERR_FORBIDDEN, ERR_INVALID (alt, position), ERR_DB. */
int catalogue_image_update(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                           const char *alt, int position, struct errs *errs);

/* catalogue_image_move_up: picture id one place earlier in its product's order (the first
 * stays first), the pictures renumbered 0.. in one transaction, audited. ERR_NOTFOUND,
 * ERR_FORBIDDEN, ERR_DB, ERR_UNAVAILABLE. */
int catalogue_image_move_up(struct db *db, struct arena *a, const struct principal *by, int64_t id);

/* catalogue_image_delete: removes picture id and its files, audited. ERR_NOTFOUND,
 * ERR_FORBIDDEN, ERR_DB, ERR_UNAVAILABLE. */
int catalogue_image_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id);

/* catalogue_image_get: picture id (for its product's writers even when the product is hidden).
 * ERR_NOTFOUND. */
int catalogue_image_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                        struct catalogue_image *out);

/* catalogue_image_file: the stored file of picture id at size (0 original, 320, 960) in format
 * ("jpeg", "webp"; the original exists as jpeg only): bytes (in a), length and ETag. Public for
 * pictures of visible products; ERR_NOTFOUND otherwise. */
int catalogue_image_file(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                         int size, const char *format, const void **data, size_t *len,
                         const char **etag);

#endif
