/*
 * citizens_store.c — the SQL of the citizens.
 */
#include "citizens_store.h"

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

int citizens_store_count(struct db *db, const char *kommune, int *count)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM citizens"
	                                   " WHERE anonymized_at IS NULL AND (:kommune IS NULL OR kommune = :kommune)");
	if (!s)
		return ERR_DB;
	int rc = kommune ? db_bind_text(s, ":kommune", kommune) : db_bind_null(s, ":kommune");
	if (rc == 0)
		rc = db_step(s);
	if (rc == DB_ROW) {
		*count = (int)db_col_int(s, 0);
		rc = 0;
	} else if (rc >= 0) {
		rc = ERR_DB;
	}
	db_done(s);
	return rc;
}
