/*
 * funding_store.c — the SQL of funding sources, their search terms and the suggestions on
 * inquiries. Layer: store of the collab capability. Filters are fixed fragments with every
 * parameter bound; no SQL text is built from input.
 */
#include "funding_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static int bind_source(struct db_stmt *s, const struct funding_source *f)
{
	return db_bind_text(s, ":kind", f->kind) | db_bind_text(s, ":title", f->title) |
	       db_bind_text(s, ":description", f->description) |
	       (f->amount_min_ore >= 0 ? db_bind_int(s, ":min", f->amount_min_ore) : db_bind_null(s, ":min")) |
	       (f->amount_max_ore >= 0 ? db_bind_int(s, ":max", f->amount_max_ore) : db_bind_null(s, ":max")) |
	       db_bind_text(s, ":deadline", f->deadline) | db_bind_text(s, ":recurring", f->recurring) |
	       db_bind_text(s, ":eligible", f->eligible) | db_bind_text(s, ":url", f->url) |
	       db_bind_int(s, ":public", f->public_);
}

int funding_store_insert(struct db *db, const struct funding_source *f, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO funding_sources (kommune, kind, title, description, amount_min_ore,"
		" amount_max_ore, deadline, recurring, eligible, url, public, created_at, updated_at)"
		" VALUES (:kommune, :kind, :title, :description, :min, :max, :deadline, :recurring,"
		" :eligible, :url, :public, " NOW ", " NOW ")");
	int rc = db_run(s, s ? db_bind_text(s, ":kommune", f->kommune) | bind_source(s, f) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int funding_store_update(struct db *db, const struct funding_source *f)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE funding_sources SET kind = :kind, title = :title, description = :description,"
		" amount_min_ore = :min, amount_max_ore = :max, deadline = :deadline,"
		" recurring = :recurring, eligible = :eligible, url = :url, public = :public,"
		" updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", f->id) | bind_source(s, f) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int funding_store_delete(struct db *db, int64_t id)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM inquiry_funding WHERE source_id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM funding_sources WHERE id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
		if (rc == 0 && db_changes(db) == 0)
			return ERR_NOTFOUND;
	}
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM funding_search WHERE rowid = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	}
	return rc;
}

int funding_store_set_terms(struct db *db, int64_t id, const char *terms)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM funding_search WHERE rowid = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	if (rc == 0) {
		s = db_prepare(db, "INSERT INTO funding_search (rowid, terms) VALUES (:id, :terms)");
		rc = db_run(s, s ? db_bind_int(s, ":id", id) | db_bind_text(s, ":terms", terms) : 0);
	}
	return rc;
}

#define SELECT_SOURCE                                                                      \
	"SELECT f.id, f.kommune, k.navn, f.kind, f.title, f.description,"                      \
	" coalesce(f.amount_min_ore, -1), coalesce(f.amount_max_ore, -1), f.deadline,"         \
	" f.recurring, f.eligible, f.url, f.public, f.created_at, f.updated_at"                \
	" FROM funding_sources f LEFT JOIN kommuner k ON k.kode = f.kommune"

static void read_source(struct db_stmt *s, struct arena *a, struct funding_source *f)
{
	memset(f, 0, sizeof(*f));
	f->id = db_col_int(s, 0);
	f->kommune = db_col_dup(a, s, 1);
	f->kommune_navn = db_col_dup(a, s, 2);
	f->kind = db_col_dup(a, s, 3);
	f->title = db_col_dup(a, s, 4);
	f->description = db_col_dup(a, s, 5);
	f->amount_min_ore = db_col_int(s, 6);
	f->amount_max_ore = db_col_int(s, 7);
	f->deadline = db_col_dup(a, s, 8);
	f->recurring = db_col_dup(a, s, 9);
	f->eligible = db_col_dup(a, s, 10);
	f->url = db_col_dup(a, s, 11);
	f->public_ = db_col_int(s, 12) != 0;
	f->created_at = db_col_dup(a, s, 13);
	f->updated_at = db_col_dup(a, s, 14);
}

int funding_store_get(struct db *db, struct arena *a, int64_t id, struct funding_source *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_SOURCE " WHERE f.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_source(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int funding_store_kommune_exists(struct db *db, const char *kommune, int *exists)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM kommuner WHERE kode = :k");
	if (!s || db_bind_text(s, ":k", kommune) || db_step(s) != DB_ROW) {
		db_done(s);
		return ERR_DB;
	}
	*exists = db_col_int(s, 0) > 0;
	db_done(s);
	return 0;
}

#define LIST_WHERE                                                                         \
	" WHERE (f.public = 1 OR (:staff = 1 AND (f.kommune IS NULL"                           \
	"  OR CAST(:scope AS text) IS NULL OR f.kommune = :scope)))"                           \
	" AND (CAST(:kind AS text) IS NULL OR f.kind = :kind)"                                 \
	" AND (CAST(:from AS text) IS NULL"                                                    \
	"  OR (f.deadline IS NOT NULL AND f.deadline BETWEEN :from AND :until))"

static int bind_list(struct db_stmt *s, const struct funding_store_filter *f)
{
	return db_bind_int(s, ":staff", f->staff) | db_bind_text(s, ":scope", f->scope) |
	       db_bind_text(s, ":kind", f->kind) | db_bind_text(s, ":from", f->from) |
	       db_bind_text(s, ":until", f->until);
}

int funding_store_list(struct db *db, struct arena *a, const struct funding_store_filter *f,
                       struct funding_source **items, int *n, int *total)
{
	struct db_stmt *c = f->match
		? db_prepare2(db, "SELECT count(*) FROM funding_sources f" LIST_WHERE
		                  " AND f.id IN (SELECT rowid FROM funding_search WHERE funding_search MATCH :match)",
		              "SELECT count(*) FROM funding_sources f" LIST_WHERE
		                  " AND f.id IN (SELECT rowid FROM funding_search"
		                  " WHERE tsv @@ fts_query(:match))")
		: db_prepare(db, "SELECT count(*) FROM funding_sources f" LIST_WHERE);
	if (!c)
		return ERR_DB;
	int b = bind_list(c, f);
	if (f->match)
		b |= db_bind_text(c, ":match", f->match);
	if (b || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s;
	if (f->match)
		s = db_prepare2(db, SELECT_SOURCE " JOIN (SELECT rowid AS mid, rank AS mrank FROM funding_search"
		                    " WHERE funding_search MATCH :match) m ON m.mid = f.id" LIST_WHERE
		                    " ORDER BY m.mrank, f.id LIMIT :limit OFFSET :offset",
		                /* FTS5's bm25 as fts_bm25 (migrations_pg 0002) */
		                SELECT_SOURCE " JOIN (SELECT rowid AS mid, fts_bm25((SELECT fts_phrases(:match)),"
		                    " terms, (SELECT fts_bm25_stats('funding_search', fts_phrases(:match))))"
		                    " AS mrank FROM funding_search WHERE tsv @@ fts_query(:match)) m"
		                    " ON m.mid = f.id" LIST_WHERE
		                    " ORDER BY m.mrank, f.id LIMIT :limit OFFSET :offset");
	else if (f->by_title)
		s = db_prepare(db, SELECT_SOURCE LIST_WHERE
		                   " ORDER BY f.title COLLATE da, f.id LIMIT :limit OFFSET :offset");
	else
		s = db_prepare(db, SELECT_SOURCE LIST_WHERE
		                   " ORDER BY f.deadline IS NULL, f.deadline, f.title COLLATE da, f.id"
		                   " LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	b = bind_list(s, f) | db_bind_int(s, ":limit", f->limit) | db_bind_int(s, ":offset", f->offset);
	if (f->match)
		b |= db_bind_text(s, ":match", f->match);
	if (b) {
		db_done(s);
		return ERR_DB;
	}
	struct funding_source *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_source(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

/* ---------------------------------------------------------------- suggestions */

int funding_store_inquiry(struct db *db, struct arena *a, int64_t id, const char **kommune,
                          const char **topic, int64_t *assignee_id)
{
	struct db_stmt *s = db_prepare(db, "SELECT kommune, topic, assignee_id FROM inquiries"
	                                   " WHERE id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		*kommune = db_col_dup(a, s, 0);
		*topic = db_col_dup(a, s, 1);
		*assignee_id = db_col_int(s, 2);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int funding_store_suggestions(struct db *db, struct arena *a, int64_t inquiry_id,
                              struct funding_source **items, int *n)
{
	struct db_stmt *s = db_prepare(db, SELECT_SOURCE " JOIN inquiry_funding x ON x.source_id = f.id"
	                                   " WHERE x.inquiry_id = :id ORDER BY f.title COLLATE da, f.id");
	if (!s || db_bind_int(s, ":id", inquiry_id)) {
		db_done(s);
		return ERR_DB;
	}
	struct funding_source *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_source(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int funding_store_suggest(struct db *db, int64_t inquiry_id, int64_t source_id)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO inquiry_funding (inquiry_id, source_id,"
	                                   " created_at) VALUES (:inquiry, :source, " NOW ")");
	return db_run(s, s ? db_bind_int(s, ":inquiry", inquiry_id) | db_bind_int(s, ":source", source_id)
	                   : 0);
}

int funding_store_unsuggest(struct db *db, int64_t inquiry_id, int64_t source_id)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM inquiry_funding WHERE inquiry_id = :inquiry"
	                                   " AND source_id = :source");
	int rc = db_run(s, s ? db_bind_int(s, ":inquiry", inquiry_id) | db_bind_int(s, ":source", source_id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}
