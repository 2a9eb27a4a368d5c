/*
 * cpr_store.h — the SQL of the sealed CPR numbers in table citizens: reading the boxes to
 * re-seal them, writing a re-sealed one, and counting them by key.
 * Layer: store of the employment capability: statements only, no rules, no cryptography.
 */
#ifndef INDGANG_CPR_STORE_H
#define INDGANG_CPR_STORE_H

#include <stdint.h>

struct db;

/* the longest box a row is read with; a longer one is cut (len keeps its real length) */
#define CPR_STORE_BOX_MAX 64

/* one stored CPR: the citizen, its box and the key id it was sealed under (0 for NULL) */
struct cpr_store_box {
	int64_t id;
	int key_id;
	int len;
	uint8_t box[CPR_STORE_BOX_MAX];
};

/* cpr_store_boxes_after: up to max rows (max > 0) of citizens with a cpr_box and an id above
 * after, by id ascending, into rows; *n gets how many (0 at the end). 0 or ERR_DB. */
int cpr_store_boxes_after(struct db *db, int64_t after, struct cpr_store_box *rows, int max,
                          int *n);

/* cpr_store_reseal: sets citizen id's cpr_box, cpr_key and cpr_hash (updated_at is left alone:
 * the citizen's data did not change). 0, ERR_NOTFOUND when no row has that id, ERR_CONFLICT,
 * ERR_DB. */
int cpr_store_reseal(struct db *db, int64_t id, const uint8_t *box, int box_len, int key_id,
                     const uint8_t *hash, int hash_len);

/* cpr_store_count_by_key: the key ids of the stored CPR numbers (0 for NULL) ascending and how
 * many are sealed under each, into ids and counts (max entries each); *n gets how many; more
 * than max distinct ids: ERR_TOOBIG. 0 or ERR_DB. */
int cpr_store_count_by_key(struct db *db, int *ids, int64_t *counts, int max, int *n);

#endif
