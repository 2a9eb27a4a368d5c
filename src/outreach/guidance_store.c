/*
 * guidance_store.c — the SQL of the guidance library and its search table (guidance_search,
 * FTS5 over the terms guidance.c makes). Layer: store of the outreach capability. Every
 * parameter is bound; the list's filters are fixed fragments.
 */
#include "guidance_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

int guidance_store_insert(struct db *db, const struct guidance_doc *d, int64_t owner_id, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO guidance (kommune, title, summary, tags, url, file_type, filename, file_data,"
		" file_size, owner_id, review_date, created_at, updated_at)"
		" VALUES (:kommune, :title, :summary, :tags, :url, :type, :filename, :data, :size,"
		" nullif(:owner, 0), :review, " NOW ", " NOW ")");
	if (!s)
		return ERR_DB;
	int b = db_bind_text(s, ":kommune", d->kommune) | db_bind_text(s, ":title", d->title) |
	        db_bind_text(s, ":summary", d->summary) | db_bind_text(s, ":tags", d->tags) |
	        db_bind_text(s, ":url", d->url) | db_bind_text(s, ":type", files_type_key(d->file_type)) |
	        db_bind_text(s, ":filename", d->filename) | db_bind_int(s, ":size", (int64_t)d->size) |
	        db_bind_int(s, ":owner", owner_id) | db_bind_text(s, ":review", d->review_date);
	b |= d->data && d->size ? db_bind_blob(s, ":data", d->data, (int)d->size) : db_bind_null(s, ":data");
	int rc = db_run(s, b);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int guidance_store_update(struct db *db, const struct guidance_doc *d)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE guidance SET title = :title, summary = :summary, tags = :tags,"
		" url = CASE WHEN url IS NULL THEN NULL ELSE :url END, review_date = :review,"
		" updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":title", d->title) | db_bind_text(s, ":summary", d->summary) |
	                       db_bind_text(s, ":tags", d->tags) | db_bind_text(s, ":url", d->url) |
	                       db_bind_text(s, ":review", d->review_date) | db_bind_int(s, ":id", d->id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int guidance_store_delete(struct db *db, int64_t id)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM guidance WHERE id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM guidance_search WHERE rowid = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	}
	return rc;
}

int guidance_store_set_terms(struct db *db, int64_t id, const char *terms)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM guidance_search WHERE rowid = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	if (rc == 0) {
		s = db_prepare(db, "INSERT INTO guidance_search (rowid, terms) VALUES (:id, :terms)");
		rc = db_run(s, s ? db_bind_int(s, ":id", id) | db_bind_text(s, ":terms", terms) : 0);
	}
	return rc;
}

#define SELECT_DOC                                                                            \
	"SELECT g.id, g.kommune, k.navn, g.title, g.summary, g.tags, g.url, g.file_type,"          \
	" g.filename, g.file_size, g.review_date, g.owner_id, u.email, g.created_at, g.updated_at," \
	" g.review_date IS NOT NULL AND g.review_date <= :today"

#define FROM_DOC                                                                              \
	" FROM guidance g LEFT JOIN kommuner k ON k.kode = g.kommune"                              \
	" LEFT JOIN users u ON u.id = g.owner_id"

static void read_doc(struct db_stmt *s, struct arena *a, struct guidance_doc *d)
{
	memset(d, 0, sizeof(*d));
	d->id = db_col_int(s, 0);
	d->kommune = db_col_dup(a, s, 1);
	d->kommune_navn = db_col_dup(a, s, 2);
	d->title = db_col_dup(a, s, 3);
	d->summary = db_col_dup(a, s, 4);
	d->tags = db_col_dup(a, s, 5);
	d->url = db_col_dup(a, s, 6);
	d->file_type = files_type_parse(db_col_text(s, 7));
	d->filename = db_col_dup(a, s, 8);
	d->size = (size_t)db_col_int(s, 9);
	d->review_date = db_col_dup(a, s, 10);
	d->owner_id = db_col_int(s, 11);
	d->owner_email = db_col_dup(a, s, 12);
	d->created_at = db_col_dup(a, s, 13);
	d->updated_at = db_col_dup(a, s, 14);
	d->review_due = db_col_int(s, 15) != 0;
}

int guidance_store_get(struct db *db, struct arena *a, int64_t id, bool with_data,
                       const char *today, struct guidance_doc *out)
{
	struct db_stmt *s = with_data ? db_prepare(db, SELECT_DOC ", g.file_data" FROM_DOC " WHERE g.id = :id")
	                              : db_prepare(db, SELECT_DOC FROM_DOC " WHERE g.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) | db_bind_text(s, ":today", today) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		read_doc(s, a, out);
		if (with_data) {
			int len = 0;
			out->data = db_col_blob_dup(a, s, 16, &len);
			out->size = (size_t)(len > 0 ? len : 0);
		}
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

/* The tag filter asks whether " tag " occurs in " tags ": taking it out shortens them (instr
 * in SQLite's words, strpos in PostgreSQL's; replace and length read the same in both). The
 * CASTs give PostgreSQL a type for a parameter that is NULL. */
#define LIST_WHERE                                                                            \
	" WHERE (CAST(:scope AS text) IS NULL OR g.kommune = :scope OR g.kommune IS NULL)"         \
	" AND (CAST(:tag AS text) IS NULL"                                                         \
	"  OR length(replace(' ' || g.tags || ' ', ' ' || :tag || ' ', '')) < length(g.tags) + 2)" \
	" AND (:due = 0 OR (g.review_date IS NOT NULL AND g.review_date <= :today))"

static int bind_list(struct db_stmt *s, const char *scope, const char *tag, bool due, const char *today)
{
	return db_bind_text(s, ":scope", scope) | db_bind_text(s, ":tag", tag) |
	       db_bind_int(s, ":due", due) | db_bind_text(s, ":today", today);
}

int guidance_store_list(struct db *db, struct arena *a, const char *scope, const char *match,
                        const char *tag, bool due, const char *today, int limit, int offset,
                        struct guidance_doc **items, int *n, int *total)
{
	struct db_stmt *c = match
		? db_prepare2(db, "SELECT count(*) FROM guidance g" LIST_WHERE
		                  " AND g.id IN (SELECT rowid FROM guidance_search WHERE guidance_search MATCH :match)",
		              "SELECT count(*) FROM guidance g" LIST_WHERE
		                  " AND g.id IN (SELECT rowid FROM guidance_search"
		                  " WHERE tsv @@ fts_query(:match))")
		: db_prepare(db, "SELECT count(*) FROM guidance g" LIST_WHERE);
	if (!c)
		return ERR_DB;
	int b = bind_list(c, scope, tag, due, today);
	if (match)
		b |= db_bind_text(c, ":match", match);
	if (b || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = match
		? db_prepare2(db, SELECT_DOC FROM_DOC
		                  " JOIN (SELECT rowid AS mid, rank AS mrank FROM guidance_search"
		                  " WHERE guidance_search MATCH :match) m ON m.mid = g.id" LIST_WHERE
		                  " ORDER BY m.mrank, g.id LIMIT :limit OFFSET :offset",
		              /* FTS5's bm25 as fts_bm25 (migrations_pg 0002) */
		              SELECT_DOC FROM_DOC
		                  " JOIN (SELECT rowid AS mid, fts_bm25((SELECT fts_phrases(:match)), terms,"
		                  " (SELECT fts_bm25_stats('guidance_search', fts_phrases(:match)))) AS mrank"
		                  " FROM guidance_search WHERE tsv @@ fts_query(:match)) m"
		                  " ON m.mid = g.id" LIST_WHERE
		                  " ORDER BY m.mrank, g.id LIMIT :limit OFFSET :offset")
		: db_prepare(db, SELECT_DOC FROM_DOC LIST_WHERE
		                 " ORDER BY g.title COLLATE da, g.id LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	b = bind_list(s, scope, tag, due, today) | db_bind_int(s, ":limit", limit) |
	    db_bind_int(s, ":offset", offset);
	if (match)
		b |= db_bind_text(s, ":match", match);
	if (b) {
		db_done(s);
		return ERR_DB;
	}
	struct guidance_doc *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_doc(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}
