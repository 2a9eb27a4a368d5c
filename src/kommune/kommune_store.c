/*
 * kommune_store.c — the SQL of the municipalities. Layer: store of the kommune capability.
 */
#include "kommune.h"

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

int kommune_get(struct db *db, struct arena *a, const char *kode, struct kommune *out)
{
	struct db_stmt *s = db_prepare(db, "SELECT kode, navn, region FROM kommuner WHERE kode = :kode");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":kode", kode) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		out->kode = arena_strdup(a, db_col_text(s, 0));
		out->navn = arena_strdup(a, db_col_text(s, 1));
		out->region = arena_strdup(a, db_col_text(s, 2));
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int kommune_list(struct db *db, struct arena *a, struct kommune **rows, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT kode, navn, region FROM kommuner"
	                                   " ORDER BY navn COLLATE da");
	if (!s)
		return ERR_DB;
	struct kommune *out = arena_alloc(a, sizeof(*out) * 128);
	int count = 0, rc;
	while ((rc = db_step(s)) == DB_ROW && count < 128) {
		out[count].kode = arena_strdup(a, db_col_text(s, 0));
		out[count].navn = arena_strdup(a, db_col_text(s, 1));
		out[count].region = arena_strdup(a, db_col_text(s, 2));
		count++;
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = count;
	return 0;
}
