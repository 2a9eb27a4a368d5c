/*
 * employment_store.c — the SQL of the managed lists of tasks and adaptations.
 */
#include "employment_store.h"

#include "../base/arena.h"
#include "../base/err.h"
#include "../registry/registry.h"
#include "../store/db.h"

int employment_store_list(struct db *db, struct arena *a, bool adaptations,
                          struct option_kv **opts, int *n)
{
	struct db_stmt *s = adaptations
		? db_prepare(db, "SELECT key, label FROM adaptations ORDER BY position")
		: db_prepare(db, "SELECT key, label FROM tasks ORDER BY position");
	if (!s)
		return ERR_DB;
	struct option_kv *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct option_kv *o = ARENA_PUSH(a, out, count, cap);
		o->key = db_col_dup(a, s, 0);
		o->label = db_col_dup(a, s, 1);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*opts = out;
	*n = (int)count;
	return 0;
}
