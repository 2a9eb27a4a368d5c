/*
 * mail_store.c — the SQL of the outbox. Layer: store of the mail capability.
 */
#include "mail_store.h"

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"
#include "mail.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

int mail_store_insert(struct db *db, const char *kommune, const char *to, const char *subject,
                      const char *body)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO outbox (kommune, to_addr, subject, body, created_at)"
	                                   " VALUES (:k, :to, :subject, :body, " NOW ")");
	return db_run(s, s ? db_bind_text(s, ":k", kommune) | db_bind_text(s, ":to", to) |
	                         db_bind_text(s, ":subject", subject) | db_bind_text(s, ":body", body) : 0);
}

int mail_store_part_insert(struct db *db, int64_t outbox_id, const char *content_type,
                           const char *filename, const void *data, size_t len)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO outbox_parts (outbox_id, content_type, filename, data)"
	                                   " VALUES (:id, :type, :name, :data)");
	return db_run(s, s ? db_bind_int(s, ":id", outbox_id) | db_bind_text(s, ":type", content_type) |
	                         db_bind_text(s, ":name", filename) | (len > 1u << 30 ? ERR_INVALID : db_bind_blob(s, ":data", data, (int)len)) : 0);
}

/* the parts of each of rows[0..n) */
static int read_parts(struct db *db, struct arena *a, struct outbox_row *rows, int n)
{
	for (int i = 0; i < n; i++) {
		struct db_stmt *s = db_prepare(db, "SELECT content_type, filename, data FROM outbox_parts"
		                                   " WHERE outbox_id = :id ORDER BY id");
		if (!s)
			return ERR_DB;
		int rc = db_bind_int(s, ":id", rows[i].id) ? ERR_DB : 0;
		size_t count = 0, cap = 0;
		while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
			struct mail_part *p = ARENA_PUSH(a, rows[i].parts, count, cap);
			p->content_type = db_col_dup(a, s, 0);
			p->filename = db_col_dup(a, s, 1);
			int len = 0;
			p->data = db_col_blob_dup(a, s, 2, &len);
			p->len = (size_t)len;
			rc = 0;
		}
		db_done(s);
		if (rc < 0)
			return rc;
		rows[i].nparts = (int)count;
	}
	return 0;
}

static void read_row(struct db_stmt *s, struct arena *a, struct outbox_row *r)
{
	r->id = db_col_int(s, 0);
	r->to = arena_strdup(a, db_col_text(s, 1));
	r->subject = arena_strdup(a, db_col_text(s, 2));
	r->body = arena_strdup(a, db_col_text(s, 3));
	r->created_at = arena_strdup(a, db_col_text(s, 4));
	r->attempts = (int)db_col_int(s, 5);
	r->next_attempt = db_col_int(s, 6);
	r->sent_at = arena_strdup(a, db_col_text(s, 7));
	r->last_error = arena_strdup(a, db_col_text(s, 8));
}

#define COLS "id, to_addr, subject, body, created_at, attempts, next_attempt, sent_at, last_error"

/* the due messages of s (bound here: :now, :max) with their parts */
static int due_rows(struct db *db, struct arena *a, struct db_stmt *s, int64_t now, int max,
                    struct outbox_row **rows, int *n)
{
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":now", now) | db_bind_int(s, ":max", max)) {
		db_done(s);
		return ERR_DB;
	}
	struct outbox_row *out = arena_alloc(a, sizeof(*out) * (size_t)(max > 0 ? max : 1));
	int count = 0, rc;
	while ((rc = db_step(s)) == DB_ROW && count < max)
		read_row(s, a, &out[count++]);
	db_done(s);
	if (rc < 0)
		return rc;
	if ((rc = read_parts(db, a, out, count)) != 0)
		return rc;
	*rows = out;
	*n = count;
	return 0;
}

int mail_store_due(struct db *db, struct arena *a, int64_t now, int max, struct outbox_row **rows,
                   int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT " COLS " FROM outbox WHERE sent_at IS NULL"
	                                   " AND next_attempt <= :now ORDER BY next_attempt, id LIMIT :max");
	return due_rows(db, a, s, now, max, rows, n);
}

int mail_store_claim(struct db *db, struct arena *a, int64_t now, int64_t lease, int max,
                     struct outbox_row **rows, int *n)
{
	/* On PostgreSQL the rows read are locked until the caller's commit, and rows another
	 * transaction holds are passed over (SKIP LOCKED): several servers each claim other
	 * messages even without the one writer at a time. SQLite has one writer anyway. */
	struct db_stmt *s = db_prepare2(db,
		"SELECT " COLS " FROM outbox WHERE sent_at IS NULL"
		" AND next_attempt <= :now ORDER BY next_attempt, id LIMIT :max",
		"SELECT " COLS " FROM outbox WHERE sent_at IS NULL"
		" AND next_attempt <= :now ORDER BY next_attempt, id LIMIT :max FOR UPDATE SKIP LOCKED");
	int rc = due_rows(db, a, s, now, max, rows, n);
	for (int i = 0; rc == 0 && i < *n; i++) {
		s = db_prepare(db, "UPDATE outbox SET next_attempt = :lease WHERE id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":lease", lease) | db_bind_int(s, ":id", (*rows)[i].id) : 0);
	}
	return rc;
}

int mail_store_sent(struct db *db, int64_t id)
{
	struct db_stmt *s = db_prepare(db, "UPDATE outbox SET sent_at = " NOW ", attempts = attempts + 1,"
	                                   " last_error = '' WHERE id = :id");
	return db_run(s, s ? db_bind_int(s, ":id", id) : 0);
}

int mail_store_failed(struct db *db, int64_t id, int64_t next_attempt, const char *why)
{
	struct db_stmt *s = db_prepare(db, "UPDATE outbox SET attempts = attempts + 1, next_attempt = :next,"
	                                   " last_error = :why WHERE id = :id");
	return db_run(s, s ? db_bind_int(s, ":next", next_attempt) | db_bind_text(s, ":why", why) |
	                         db_bind_int(s, ":id", id) : 0);
}

int mail_store_list(struct db *db, struct arena *a, bool pending_only, int limit, int offset,
                    struct outbox_row **rows, int *n, int *total)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM outbox WHERE :pending = 0 OR sent_at IS NULL");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":pending", pending_only) || db_step(s) != DB_ROW) {
		db_done(s);
		return ERR_DB;
	}
	*total = (int)db_col_int(s, 0);
	db_done(s);
	s = db_prepare(db, "SELECT " COLS " FROM outbox WHERE :pending = 0 OR sent_at IS NULL"
	                   " ORDER BY id DESC LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":pending", pending_only) | db_bind_int(s, ":limit", limit) |
	    db_bind_int(s, ":offset", offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct outbox_row *out = arena_alloc(a, sizeof(*out) * (size_t)(limit > 0 ? limit : 1));
	int count = 0, rc;
	while ((rc = db_step(s)) == DB_ROW && count < limit)
		read_row(s, a, &out[count++]);
	db_done(s);
	if (rc < 0)
		return rc;
	if ((rc = read_parts(db, a, out, count)) != 0)
		return rc;
	*rows = out;
	*n = count;
	return 0;
}
