/*
 * orders_store.c — the SQL of orders, their lines, and the catalogue's products as an order
 * reads them. Layer: store of the procurement capability.
 */
#include "orders_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

int orders_store_insert(struct db *db, const struct order *o, int64_t buyer, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO orders (kommune, enterprise_id, agreement_id, buyer_id, reference,"
		" delivery_address, wanted_by, note, status, total_ore, created_at, updated_at) VALUES"
		" (:kommune, :e, nullif(:agreement, 0), nullif(:buyer, 0), :reference, :address, :wanted,"
		" :note, 'sent', :total, " NOW ", " NOW ")");
	int rc = db_run(s, s ? db_bind_text(s, ":kommune", o->kommune) | db_bind_int(s, ":e", o->enterprise_id) |
	                           db_bind_int(s, ":agreement", o->agreement_id) | db_bind_int(s, ":buyer", buyer) |
	                           db_bind_text(s, ":reference", o->reference) |
	                           db_bind_text(s, ":address", o->delivery_address) |
	                           db_bind_text(s, ":wanted", o->wanted_by) | db_bind_text(s, ":note", o->note) |
	                           db_bind_int(s, ":total", o->total_ore)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int orders_store_insert_line(struct db *db, int64_t order_id, const struct order_line *l)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO order_lines (order_id, product_id, title, unit, quantity, price_ore, vat_rate)"
		" VALUES (:order, nullif(:product, 0), :title, :unit, :quantity, :price, :vat)");
	return db_run(s, s ? db_bind_int(s, ":order", order_id) | db_bind_int(s, ":product", l->product_id) |
	                         db_bind_text(s, ":title", l->title) | db_bind_text(s, ":unit", l->unit) |
	                         db_bind_int(s, ":quantity", l->quantity) |
	                         db_bind_int(s, ":price", l->price_ore) | db_bind_int(s, ":vat", l->vat_rate)
	                   : 0);
}

int orders_store_set_status(struct db *db, int64_t id, const char *status, const char *answer)
{
	struct db_stmt *s = db_prepare(db, "UPDATE orders SET status = :status,"
	                                   " answer = coalesce(:answer, answer), updated_at = " NOW
	                                   " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":status", status) | db_bind_text(s, ":answer", answer) |
	                           db_bind_int(s, ":id", id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

#define SELECT_ORDER                                                                      \
	"SELECT o.id, o.kommune, k.navn, o.enterprise_id, e.name, o.agreement_id, o.buyer_id,"  \
	" u.email, o.reference, o.delivery_address, o.wanted_by, o.note, o.status, o.answer,"   \
	" o.total_ore, o.created_at, o.updated_at"                                            \
	" FROM orders o JOIN enterprises e ON e.id = o.enterprise_id"                         \
	" JOIN kommuner k ON k.kode = o.kommune LEFT JOIN users u ON u.id = o.buyer_id"

static void read_row(struct db_stmt *s, struct arena *a, struct order *o)
{
	memset(o, 0, sizeof(*o));
	o->id = db_col_int(s, 0);
	o->kommune = db_col_dup(a, s, 1);
	o->kommune_navn = db_col_dup(a, s, 2);
	o->enterprise_id = db_col_int(s, 3);
	o->enterprise_name = db_col_dup(a, s, 4);
	o->agreement_id = db_col_int(s, 5);
	o->buyer_id = db_col_int(s, 6);
	o->buyer_email = db_col_dup(a, s, 7);
	o->reference = db_col_dup(a, s, 8);
	o->delivery_address = db_col_dup(a, s, 9);
	o->wanted_by = db_col_dup(a, s, 10);
	o->note = db_col_dup(a, s, 11);
	o->status = db_col_dup(a, s, 12);
	o->answer = db_col_dup(a, s, 13);
	o->total_ore = db_col_int(s, 14);
	o->created_at = db_col_dup(a, s, 15);
	o->updated_at = db_col_dup(a, s, 16);
}

int orders_store_get(struct db *db, struct arena *a, int64_t id, struct order *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_ORDER " WHERE o.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_row(s, a, out);
	db_done(s);
	if (rc != DB_ROW)
		return rc == DB_DONE ? ERR_NOTFOUND : rc;
	s = db_prepare(db, "SELECT product_id, title, unit, quantity, price_ore, vat_rate FROM order_lines"
	                   " WHERE order_id = :id ORDER BY id");
	if (!s || db_bind_int(s, ":id", id)) {
		db_done(s);
		return ERR_DB;
	}
	struct order_line *lines = NULL;
	size_t count = 0, cap = 0;
	while ((rc = db_step(s)) == DB_ROW) {
		struct order_line *l = ARENA_PUSH(a, lines, count, cap);
		l->product_id = db_col_int(s, 0);
		l->title = db_col_dup(a, s, 1);
		l->unit = db_col_dup(a, s, 2);
		l->quantity = (int)db_col_int(s, 3);
		l->price_ore = db_col_int(s, 4);
		l->vat_rate = (int)db_col_int(s, 5);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	out->lines = lines;
	out->nlines = (int)count;
	return 0;
}

#define LIST_WHERE                                                                        \
	" WHERE (:scope IS NULL OR o.kommune = :scope)"                                        \
	" AND (:scope_enterprise = 0 OR o.enterprise_id = :scope_enterprise)"                  \
	" AND (:status IS NULL OR o.status = :status)"

int orders_store_list(struct db *db, struct arena *a, const char *scope, int64_t scope_enterprise,
                      const char *status, int limit, int offset, struct order **items, int *n,
                      int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM orders o" LIST_WHERE);
	if (!c)
		return ERR_DB;
	if (db_bind_text(c, ":scope", scope) | db_bind_int(c, ":scope_enterprise", scope_enterprise) |
	        db_bind_text(c, ":status", status) ||
	    db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = db_prepare(db, SELECT_ORDER LIST_WHERE
	                                   " ORDER BY o.id DESC LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":scope", scope) | db_bind_int(s, ":scope_enterprise", scope_enterprise) |
	    db_bind_text(s, ":status", status) | db_bind_int(s, ":limit", limit) |
	    db_bind_int(s, ":offset", offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct order *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_row(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

#define SELECT_PRODUCT "SELECT id, title, unit, price_ore, vat_rate, min_order FROM products"

static void read_product(struct db_stmt *s, struct arena *a, struct order_product *p)
{
	p->id = db_col_int(s, 0);
	p->title = db_col_dup(a, s, 1);
	p->unit = db_col_dup(a, s, 2);
	p->price_ore = db_col_int(s, 3);
	p->vat_rate = (int)db_col_int(s, 4);
	p->min_order = (int)db_col_int(s, 5);
}

int orders_store_product(struct db *db, struct arena *a, int64_t id, int64_t enterprise_id,
                         struct order_product *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_PRODUCT " WHERE id = :id AND enterprise_id = :e"
	                                   " AND status = 'active'");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) | db_bind_int(s, ":e", enterprise_id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_product(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int orders_store_products(struct db *db, struct arena *a, int64_t enterprise_id,
                          struct order_product **items, int *n)
{
	struct db_stmt *s = db_prepare(db, SELECT_PRODUCT " WHERE enterprise_id = :e AND status = 'active'"
	                                   " ORDER BY title COLLATE da, id LIMIT 500");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":e", enterprise_id)) {
		db_done(s);
		return ERR_DB;
	}
	struct order_product *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_product(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int orders_store_product_enterprise(struct db *db, int64_t id, int64_t *enterprise_id)
{
	struct db_stmt *s = db_prepare(db, "SELECT enterprise_id FROM products WHERE id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*enterprise_id = db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}
