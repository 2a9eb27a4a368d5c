/*
 * site_store.c — the SQL of the site's settings. Layer: store of the site capability.
 */
#include "site_store.h"

#include "../base/err.h"
#include "../store/db.h"
#include "site.h"

int site_store_operator(struct db *db, struct arena *a, struct site_operator *op)
{
	struct db_stmt *s = db_prepare(db, "SELECT name, email, phone, address, updated_at"
	                                   " FROM site_operator WHERE id = 1");
	if (!s)
		return ERR_DB;
	int rc = db_step(s);
	if (rc == DB_ROW) {
		op->name = db_col_dup(a, s, 0);
		op->email = db_col_dup(a, s, 1);
		op->phone = db_col_dup(a, s, 2);
		op->address = db_col_dup(a, s, 3);
		op->updated_at = db_col_dup(a, s, 4);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int site_store_operator_set(struct db *db, const struct site_operator *op, int64_t by)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO site_operator (id, name, email, phone, address, updated_by, updated_at)"
		" VALUES (1, :name, :email, :phone, :address, :by, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
		" ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,"
		" phone = excluded.phone, address = excluded.address, updated_by = excluded.updated_by,"
		" updated_at = excluded.updated_at");
	return db_run(s, s ? db_bind_text(s, ":name", op->name) | db_bind_text(s, ":email", op->email) |
	                         db_bind_text(s, ":phone", op->phone) |
	                         db_bind_text(s, ":address", op->address) |
	                         (by > 0 ? db_bind_int(s, ":by", by) : db_bind_null(s, ":by")) : 0);
}
