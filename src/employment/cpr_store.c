/*
 * cpr_store.c — the SQL of the sealed CPR numbers in table citizens. Statements only: the
 * boxes pass through as bytes, never opened here.
 */
#include "cpr_store.h"

#include <string.h>

#include "../base/err.h"
#include "../store/db.h"

int cpr_store_boxes_after(struct db *db, int64_t after, struct cpr_store_box *rows, int max,
                          int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, cpr_box, cpr_key FROM citizens"
	                                   " WHERE cpr_box IS NOT NULL AND id > :after"
	                                   " ORDER BY id LIMIT :max");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":after", after);
	if (rc == 0)
		rc = db_bind_int(s, ":max", max);
	int count = 0;
	while (rc == 0 && count < max && (rc = db_step(s)) == DB_ROW) {
		struct cpr_store_box *r = &rows[count++];
		int len = 0;
		const void *p = db_col_blob(s, 1, &len);
		r->id = db_col_int(s, 0);
		r->key_id = db_col_null(s, 2) ? 0 : (int)db_col_int(s, 2);
		r->len = len;
		memset(r->box, 0, sizeof(r->box));
		if (p)
			memcpy(r->box, p, len < CPR_STORE_BOX_MAX ? (size_t)len : (size_t)CPR_STORE_BOX_MAX);
		rc = 0;
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*n = count;
	return 0;
}

int cpr_store_reseal(struct db *db, int64_t id, const uint8_t *box, int box_len, int key_id,
                     const uint8_t *hash, int hash_len)
{
	struct db_stmt *s = db_prepare(db, "UPDATE citizens SET cpr_box = :box, cpr_key = :key,"
	                                   " cpr_hash = :hash WHERE id = :id");
	int rc = s ? db_bind_blob(s, ":box", box, box_len) : 0;
	if (s && rc == 0)
		rc = db_bind_int(s, ":key", key_id);
	if (s && rc == 0)
		rc = db_bind_blob(s, ":hash", hash, hash_len);
	if (s && rc == 0)
		rc = db_bind_int(s, ":id", id);
	rc = db_run(s, rc);
	if (rc == 0 && db_changes(db) != 1)
		return ERR_NOTFOUND;
	return rc;
}

int cpr_store_count_by_key(struct db *db, int *ids, int64_t *counts, int max, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT coalesce(cpr_key, 0) AS k, count(*) FROM citizens"
	                                   " WHERE cpr_box IS NOT NULL GROUP BY k ORDER BY k");
	if (!s)
		return ERR_DB;
	int count = 0, rc;
	while ((rc = db_step(s)) == DB_ROW) {
		if (count == max) {
			rc = ERR_TOOBIG;
			break;
		}
		ids[count] = (int)db_col_int(s, 0);
		counts[count++] = db_col_int(s, 1);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*n = count;
	return 0;
}
