/*
 * catalogue_store.h — the SQL of the catalogue: products with their services and areas, their
 * search terms (product_search, 0012), pictures and their stored files. Layer: store of the
 * procurement capability: statements only, no rules (catalogue.c holds them). Every function
 * returns 0, ERR_NOTFOUND where it says so, ERR_CONFLICT on a constraint the database refuses,
 * or ERR_DB (logged by db.c).
 */
#ifndef INDGANG_CATALOGUE_STORE_H
#define INDGANG_CATALOGUE_STORE_H

#include <stdint.h>

#include "catalogue.h"
#include "images.h"

struct arena;
struct db;

/* catalogue_store_enterprise: name, home municipality and whether enterprise id is closed on
 * today, strings in a; ERR_NOTFOUND. */
int catalogue_store_enterprise(struct db *db, struct arena *a, int64_t id, const char *today,
                               const char **name, const char **kommune, bool *closed);

/* catalogue_store_insert: a new row of p's own fields, created_by by_id (0: none); *id. */
int catalogue_store_insert(struct db *db, const struct product *p, int64_t by_id, int64_t *id);
/* catalogue_store_update: p's own fields over row p->id; ERR_NOTFOUND. */
int catalogue_store_update(struct db *db, const struct product *p);
/* catalogue_store_set_lists: the service and area rows of p->id replaced by p's lists. */
int catalogue_store_set_lists(struct db *db, const struct product *p);
/* catalogue_store_set_terms: the search row of product id replaced by terms. */
int catalogue_store_set_terms(struct db *db, int64_t id, const char *terms);
/* catalogue_store_set_status: status and updated_at of row id; ERR_NOTFOUND. */
int catalogue_store_set_status(struct db *db, int64_t id, const char *status);

/* catalogue_store_get: product id with its services and areas and its enterprise's fields;
 * agreement (and agreement_title) as in catalogue_store_search for agreement_kommune.
 * ERR_NOTFOUND. */
int catalogue_store_get(struct db *db, struct arena *a, int64_t id, const char *today,
                        const char *agreement_kommune, struct product *out);
/* catalogue_store_images: the pictures of product id in their order. */
int catalogue_store_images(struct db *db, struct arena *a, int64_t product_id,
                           struct catalogue_image **out, int *n);

/* catalogue_store_search: the page of q (match: an FTS5 expression or NULL) on today; products
 * of writer_enterprise (0: none) are listed even hidden or closed when q->include_hidden;
 * agreement marks by agreement_kommune (NULL: none marked); *total every match. */
int catalogue_store_search(struct db *db, struct arena *a, const struct catalogue_query *q,
                           const char *match, const char *today, const char *agreement_kommune,
                           int64_t writer_enterprise, struct catalogue_item **items, int *n,
                           int *total);

/* catalogue_store_image_insert: a picture of product_id last in its order; *id. */
int catalogue_store_image_insert(struct db *db, int64_t product_id, const char *alt, int width,
                                 int height, int64_t *id);
/* catalogue_store_image_file_insert: one stored file of picture image_id. */
int catalogue_store_image_file_insert(struct db *db, int64_t image_id, const struct images_file *f);
/* catalogue_store_image_count: how many pictures product_id has. */
int catalogue_store_image_count(struct db *db, int64_t product_id, int *n);
/* catalogue_store_image_get: picture id into *out; ERR_NOTFOUND. */
int catalogue_store_image_get(struct db *db, struct arena *a, int64_t id, struct catalogue_image *out);
/* catalogue_store_image_update: alt (NULL kept) and position (< 0 kept) of picture id. */
int catalogue_store_image_update(struct db *db, int64_t id, const char *alt, int position);
/* catalogue_store_image_delete: picture id and its files; ERR_NOTFOUND. */
int catalogue_store_image_delete(struct db *db, int64_t id);
/* catalogue_store_image_file: the bytes (in a), length and etag of a stored file; ERR_NOTFOUND. */
int catalogue_store_image_file(struct db *db, struct arena *a, int64_t id, int size,
                               const char *format, const void **data, size_t *len,
                               const char **etag);

#endif
