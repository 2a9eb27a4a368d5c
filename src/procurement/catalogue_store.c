/*
 * catalogue_store.c — the SQL of the catalogue. Layer: store of the procurement capability.
 * Filters are fixed fragments "(:x IS NULL OR ...)" with every parameter bound, the sort orders
 * CASE expressions on a bound number, so no SQL text is ever built from input. A search with
 * words and one without are two literal statements (FTS5 is joined only when there are words).
 */
#include "catalogue_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* the conditions on an agreement ag of :ak that covers product p on :today: same enterprise,
 * active, in its period, and either covering all of the enterprise's products or naming this
 * one */
#define AGREEMENT_COVERS(p)                                                                    \
	" ag.enterprise_id = " p ".enterprise_id"                                              \
	" AND ag.kommune = :ak AND ag.status = 'active' AND ag.start <= :today"                \
	" AND ag.\"end\" >= :today AND (NOT EXISTS (SELECT 1 FROM agreement_products ap"       \
	" WHERE ap.agreement_id = ag.id) OR EXISTS (SELECT 1 FROM agreement_products ap"       \
	" WHERE ap.agreement_id = ag.id AND ap.product_id = " p ".id))"

/* whether an active agreement of :ak covers product p on :today */
#define AGREEMENT_OF(p) " EXISTS (SELECT 1 FROM agreements ag WHERE" AGREEMENT_COVERS(p) ")"

int catalogue_store_enterprise(struct db *db, struct arena *a, int64_t id, const char *today,
                               const char **name, const char **kommune, bool *closed)
{
	struct db_stmt *s = db_prepare(db, "SELECT name, kommune, closed IS NOT NULL AND closed <= :today"
	                                   " FROM enterprises WHERE id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) | db_bind_text(s, ":today", today) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		*name = db_col_dup(a, s, 0);
		*kommune = db_col_dup(a, s, 1);
		*closed = db_col_int(s, 2) != 0;
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

/* binds p's own fields in s; nonzero when a bind failed */
static int bind_fields(struct db_stmt *s, const struct product *p)
{
	return db_bind_text(s, ":title", p->title) | db_bind_text(s, ":description", p->description) |
	       db_bind_int(s, ":price", p->price_ore) | db_bind_int(s, ":vat", p->vat_rate) |
	       db_bind_text(s, ":unit", p->unit) | db_bind_int(s, ":min_order", p->min_order) |
	       db_bind_text(s, ":cpv", p->cpv) | db_bind_text(s, ":status", p->status);
}

int catalogue_store_insert(struct db *db, const struct product *p, int64_t by_id, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO products (enterprise_id, title, description, price_ore, vat_rate, unit,"
		" min_order, cpv, status, created_by, created_at, updated_at) VALUES (:enterprise,"
		" :title, :description, :price, :vat, :unit, :min_order, :cpv, :status,"
		" nullif(:by, 0), " NOW ", " NOW ")");
	int rc = db_run(s, s ? bind_fields(s, p) | db_bind_int(s, ":enterprise", p->enterprise_id) |
	                       db_bind_int(s, ":by", by_id)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int catalogue_store_update(struct db *db, const struct product *p)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE products SET title = :title, description = :description, price_ore = :price,"
		" vat_rate = :vat, unit = :unit, min_order = :min_order, cpv = :cpv, status = :status,"
		" updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? bind_fields(s, p) | db_bind_int(s, ":id", p->id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int catalogue_store_set_lists(struct db *db, const struct product *p)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM product_services WHERE product_id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", p->id) : 0);
	for (int i = 0; rc == 0 && i < p->nservices; i++) {
		s = db_prepare(db, "INSERT INTO product_services (product_id, service)"
		                   " VALUES (:id, :k) ON CONFLICT DO NOTHING");
		rc = db_run(s, s ? db_bind_int(s, ":id", p->id) | db_bind_text(s, ":k", p->services[i]) : 0);
	}
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM product_areas WHERE product_id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", p->id) : 0);
	}
	for (int i = 0; rc == 0 && i < p->nareas; i++) {
		s = db_prepare(db, "INSERT INTO product_areas (product_id, kommune)"
		                   " VALUES (:id, :k) ON CONFLICT DO NOTHING");
		rc = db_run(s, s ? db_bind_int(s, ":id", p->id) | db_bind_text(s, ":k", p->areas[i]) : 0);
	}
	return rc;
}

int catalogue_store_set_terms(struct db *db, int64_t id, const char *terms)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM product_search WHERE rowid = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	if (rc == 0) {
		s = db_prepare(db, "INSERT INTO product_search (rowid, terms) VALUES (:id, :terms)");
		rc = db_run(s, s ? db_bind_int(s, ":id", id) | db_bind_text(s, ":terms", terms) : 0);
	}
	return rc;
}

int catalogue_store_set_status(struct db *db, int64_t id, const char *status)
{
	struct db_stmt *s = db_prepare(db, "UPDATE products SET status = :status, updated_at = " NOW
	                                   " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":status", status) | db_bind_int(s, ":id", id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

/* the values of a comma-joined list (NULL: none) as an array in a */
static void split(struct arena *a, const char *csv, const char ***out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!csv || !*csv)
		return;
	int count = 1;
	for (const char *p = csv; *p; p++)
		count += *p == ',';
	const char **v = arena_alloc(a, sizeof(*v) * (size_t)count);
	int k = 0;
	for (const char *p = csv;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		v[k++] = arena_strndup(a, p, len);
		if (!end)
			break;
		p = end + 1;
	}
	*out = v;
	*n = k;
}

int catalogue_store_get(struct db *db, struct arena *a, int64_t id, const char *today,
                        const char *agreement_kommune, struct product *out)
{
	struct db_stmt *s = db_prepare2(db,
		"SELECT p.id, p.enterprise_id, e.name, e.kommune,"
		" e.closed IS NOT NULL AND e.closed <= :today, p.title, p.description, p.price_ore,"
		" p.vat_rate, p.unit, p.min_order, p.cpv, p.status, p.created_at, p.updated_at,"
		" (SELECT group_concat(service, ',') FROM (SELECT ps.service FROM product_services ps"
		"   JOIN services sv ON sv.key = ps.service WHERE ps.product_id = p.id"
		"   ORDER BY sv.position)),"
		" (SELECT group_concat(kommune, ',') FROM (SELECT kommune FROM product_areas"
		"   WHERE product_id = p.id ORDER BY kommune)),"
		" (SELECT ag.title FROM agreements ag WHERE" AGREEMENT_COVERS("p")
		"   ORDER BY ag.\"end\" DESC LIMIT 1)"
		" FROM products p JOIN enterprises e ON e.id = p.enterprise_id WHERE p.id = :id",
		"SELECT p.id, p.enterprise_id, e.name, e.kommune,"
		" e.closed IS NOT NULL AND e.closed <= :today, p.title, p.description, p.price_ore,"
		" p.vat_rate, p.unit, p.min_order, p.cpv, p.status, p.created_at, p.updated_at,"
		" (SELECT string_agg(ps.service, ',' ORDER BY sv.position) FROM product_services ps"
		"   JOIN services sv ON sv.key = ps.service WHERE ps.product_id = p.id),"
		" (SELECT string_agg(kommune, ',' ORDER BY kommune) FROM product_areas"
		"   WHERE product_id = p.id),"
		" (SELECT ag.title FROM agreements ag WHERE" AGREEMENT_COVERS("p")
		"   ORDER BY ag.\"end\" DESC LIMIT 1)"
		" FROM products p JOIN enterprises e ON e.id = p.enterprise_id WHERE p.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) | db_bind_text(s, ":today", today) |
	                 db_bind_text(s, ":ak", agreement_kommune)
		? ERR_DB
		: db_step(s);
	if (rc == DB_ROW) {
		struct product *p = out;
		memset(p, 0, sizeof(*p));
		p->id = db_col_int(s, 0);
		p->enterprise_id = db_col_int(s, 1);
		p->enterprise_name = db_col_dup(a, s, 2);
		p->kommune = db_col_dup(a, s, 3);
		p->enterprise_closed = db_col_int(s, 4) != 0;
		p->title = db_col_dup(a, s, 5);
		p->description = db_col_dup(a, s, 6);
		p->price_ore = db_col_int(s, 7);
		p->vat_rate = (int)db_col_int(s, 8);
		p->unit = db_col_dup(a, s, 9);
		p->min_order = (int)db_col_int(s, 10);
		p->cpv = db_col_dup(a, s, 11);
		p->status = db_col_dup(a, s, 12);
		p->created_at = db_col_dup(a, s, 13);
		p->updated_at = db_col_dup(a, s, 14);
		split(a, db_col_text(s, 15), &p->services, &p->nservices);
		split(a, db_col_text(s, 16), &p->areas, &p->nareas);
		p->agreement_title = db_col_dup(a, s, 17);
		p->agreement = p->agreement_title != NULL;
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int catalogue_store_images(struct db *db, struct arena *a, int64_t product_id,
                           struct catalogue_image **out, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, product_id, position, alt, width, height"
	                                   " FROM product_images WHERE product_id = :id"
	                                   " ORDER BY position, id");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":id", product_id)) {
		db_done(s);
		return ERR_DB;
	}
	struct catalogue_image *v = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct catalogue_image *im = ARENA_PUSH(a, v, count, cap);
		im->id = db_col_int(s, 0);
		im->product_id = db_col_int(s, 1);
		im->position = (int)db_col_int(s, 2);
		im->alt = db_col_dup(a, s, 3);
		im->width = (int)db_col_int(s, 4);
		im->height = (int)db_col_int(s, 5);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*out = v;
	*n = (int)count;
	return 0;
}

/* ---------------------------------------------------------------- search */

/* what may be listed, then the query's filters; a parameter left NULL (or < 0, or 0) leaves its
 * filter out */
#define SEARCH_WHERE                                                                         \
	" WHERE ((p.status = 'active' AND (e.closed IS NULL OR e.closed > :today))"            \
	"   OR (:writer <> 0 AND p.enterprise_id = :writer))"                                  \
	" AND (:enterprise = 0 OR p.enterprise_id = :enterprise)"                              \
	" AND (:service IS NULL OR p.id IN (SELECT product_id FROM product_services"           \
	"   WHERE service = :service))"                                                        \
	" AND (:division IS NULL OR substr(p.cpv, 1, 2) = :division)"                          \
	" AND (:kommune IS NULL OR NOT EXISTS (SELECT 1 FROM product_areas pa"                 \
	"   WHERE pa.product_id = p.id) OR EXISTS (SELECT 1 FROM product_areas pa"             \
	"   WHERE pa.product_id = p.id AND pa.kommune = :kommune))"                            \
	" AND (:price_min < 0 OR p.price_ore >= :price_min)"                                   \
	" AND (:price_max < 0 OR p.price_ore <= :price_max)"                                   \
	" AND (:agreement_only = 0 OR" AGREEMENT_OF("p") ")"

#define SEARCH_COLS                                                                          \
	"SELECT p.id, p.enterprise_id, e.name, p.title, p.price_ore, p.vat_rate, p.unit,"      \
	" p.status, (SELECT id FROM product_images WHERE product_id = p.id"                   \
	"   ORDER BY position, id LIMIT 1),"                                                   \
	" (SELECT alt FROM product_images WHERE product_id = p.id ORDER BY position, id LIMIT 1)," \
	AGREEMENT_OF("p")

#define FROM_PLAIN " FROM products p JOIN enterprises e ON e.id = p.enterprise_id"
#define FROM_MATCH                                                                           \
	" FROM (SELECT rowid AS mid, rank AS mrank FROM product_search"                        \
	"   WHERE product_search MATCH :match) m JOIN products p ON p.id = m.mid"              \
	" JOIN enterprises e ON e.id = p.enterprise_id"
/* the same on PostgreSQL (migrations_pg 0002): FTS5's MATCH as a tsquery, its bm25 as
 * fts_bm25 (each sub-select worked out once per statement) */
#define FROM_MATCH_PG                                                                        \
	" FROM (SELECT rowid AS mid, fts_bm25((SELECT fts_phrases(:match)), terms,"            \
	"   (SELECT fts_bm25_stats('product_search', fts_phrases(:match)))) AS mrank"          \
	"   FROM product_search WHERE tsv @@ fts_query(:match)) m"                             \
	" JOIN products p ON p.id = m.mid JOIN enterprises e ON e.id = p.enterprise_id"

/* the orders: 1 title (Danish), 2 price, 3 newest; relevance (0) only with words */
#define ORDER_PLAIN                                                                          \
	" ORDER BY (CASE WHEN :sort = 1 THEN p.title END) COLLATE da,"                         \
	" CASE WHEN :sort = 2 THEN p.price_ore END, p.id DESC LIMIT :limit OFFSET :offset"
#define ORDER_MATCH                                                                          \
	" ORDER BY (CASE WHEN :sort = 1 THEN p.title END) COLLATE da,"                         \
	" CASE WHEN :sort = 2 THEN p.price_ore END, CASE WHEN :sort = 0 THEN m.mrank END,"     \
	" p.id DESC LIMIT :limit OFFSET :offset"

/* binds the filters of SEARCH_WHERE in s; nonzero when a bind failed */
static int bind_search(struct db_stmt *s, const struct catalogue_query *q, const char *match,
                       const char *today, const char *ak, int64_t writer)
{
	int rc = db_bind_text(s, ":today", today) | db_bind_text(s, ":ak", ak) |
	         db_bind_int(s, ":writer", q->include_hidden ? writer : 0) |
	         db_bind_int(s, ":enterprise", q->enterprise_id) |
	         db_bind_text(s, ":service", q->service) |
	         db_bind_text(s, ":division", q->cpv_division) |
	         db_bind_text(s, ":kommune", q->kommune) | db_bind_int(s, ":price_min", q->price_min) |
	         db_bind_int(s, ":price_max", q->price_max) |
	         db_bind_int(s, ":agreement_only", q->agreement_only);
	if (match)
		rc |= db_bind_text(s, ":match", match);
	return rc;
}

int catalogue_store_search(struct db *db, struct arena *a, const struct catalogue_query *q,
                           const char *match, const char *today, const char *agreement_kommune,
                           int64_t writer_enterprise, struct catalogue_item **items, int *n,
                           int *total)
{
	struct db_stmt *c = match ? db_prepare2(db, "SELECT count(*)" FROM_MATCH SEARCH_WHERE,
	                                        "SELECT count(*)" FROM_MATCH_PG SEARCH_WHERE)
	                          : db_prepare(db, "SELECT count(*)" FROM_PLAIN SEARCH_WHERE);
	if (!c)
		return ERR_DB;
	if (bind_search(c, q, match, today, agreement_kommune, writer_enterprise) ||
	    db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = match ? db_prepare2(db, SEARCH_COLS FROM_MATCH SEARCH_WHERE ORDER_MATCH,
	                                        SEARCH_COLS FROM_MATCH_PG SEARCH_WHERE ORDER_MATCH)
	                          : db_prepare(db, SEARCH_COLS FROM_PLAIN SEARCH_WHERE ORDER_PLAIN);
	if (!s)
		return ERR_DB;
	if (bind_search(s, q, match, today, agreement_kommune, writer_enterprise) |
	    db_bind_int(s, ":sort", q->sort) | db_bind_int(s, ":limit", q->limit) |
	    db_bind_int(s, ":offset", q->offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct catalogue_item *v = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct catalogue_item *it = ARENA_PUSH(a, v, count, cap);
		it->id = db_col_int(s, 0);
		it->enterprise_id = db_col_int(s, 1);
		it->enterprise_name = db_col_dup(a, s, 2);
		it->title = db_col_dup(a, s, 3);
		it->price_ore = db_col_int(s, 4);
		it->vat_rate = (int)db_col_int(s, 5);
		it->unit = db_col_dup(a, s, 6);
		it->status = db_col_dup(a, s, 7);
		it->image_id = db_col_int(s, 8);
		it->image_alt = db_col_dup(a, s, 9);
		it->agreement = db_col_int(s, 10) != 0;
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = v;
	*n = (int)count;
	return 0;
}

/* ---------------------------------------------------------------- pictures */

int catalogue_store_image_insert(struct db *db, int64_t product_id, const char *alt, int width,
                                 int height, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO product_images (product_id, position, alt, width, height, created_at)"
		" VALUES (:product, (SELECT coalesce(max(position), -1) + 1 FROM product_images"
		" WHERE product_id = :product), :alt, :w, :h, " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":product", product_id) | db_bind_text(s, ":alt", alt) |
	                       db_bind_int(s, ":w", width) | db_bind_int(s, ":h", height)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int catalogue_store_image_file_insert(struct db *db, int64_t image_id, const struct images_file *f)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO product_image_files (image_id, size, format, width, height, etag, data)"
		" VALUES (:image, :size, :format, :w, :h, :etag, :data)");
	return db_run(s, s ? db_bind_int(s, ":image", image_id) | db_bind_int(s, ":size", f->size) |
	                     db_bind_text(s, ":format", f->format) | db_bind_int(s, ":w", f->width) |
	                     db_bind_int(s, ":h", f->height) | db_bind_text(s, ":etag", f->etag) |
	                     db_bind_blob(s, ":data", f->data, (int)f->len)
	                   : 0);
}

int catalogue_store_image_count(struct db *db, int64_t product_id, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM product_images WHERE product_id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", product_id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*n = (int)db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

int catalogue_store_image_get(struct db *db, struct arena *a, int64_t id, struct catalogue_image *out)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, product_id, position, alt, width, height"
	                                   " FROM product_images WHERE id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		out->id = db_col_int(s, 0);
		out->product_id = db_col_int(s, 1);
		out->position = (int)db_col_int(s, 2);
		out->alt = db_col_dup(a, s, 3);
		out->width = (int)db_col_int(s, 4);
		out->height = (int)db_col_int(s, 5);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int catalogue_store_image_update(struct db *db, int64_t id, const char *alt, int position)
{
	struct db_stmt *s = db_prepare(db, "UPDATE product_images SET alt = coalesce(:alt, alt),"
	                                   " position = CASE WHEN :pos < 0 THEN position ELSE :pos END"
	                                   " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":alt", alt) | db_bind_int(s, ":pos", position) |
	                       db_bind_int(s, ":id", id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int catalogue_store_image_delete(struct db *db, int64_t id)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM product_image_files WHERE image_id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM product_images WHERE id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
		if (rc == 0 && db_changes(db) == 0)
			return ERR_NOTFOUND;
	}
	return rc;
}

int catalogue_store_image_file(struct db *db, struct arena *a, int64_t id, int size,
                               const char *format, const void **data, size_t *len,
                               const char **etag)
{
	struct db_stmt *s = db_prepare(db, "SELECT data, etag FROM product_image_files"
	                                   " WHERE image_id = :id AND size = :size AND format = :format");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) | db_bind_int(s, ":size", size) |
	                 db_bind_text(s, ":format", format)
		? ERR_DB
		: db_step(s);
	if (rc == DB_ROW) {
		int n = 0;
		*data = db_col_blob_dup(a, s, 0, &n);
		*len = (size_t)n;
		*etag = db_col_dup(a, s, 1);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}
