/*
 * db.c — the storage interface of db.h: picks the backend by the database's name (a path is
 * SQLite, db_sqlite.c; a postgres:// or postgresql:// URI is PostgreSQL, db_pg.c) and forwards
 * each call to it. What is the same on both lives here: the migrations, the transactions'
 * tail, copying columns into an arena, the per-thread connections.
 * Layer: store. Includes neither sqlite3.h nor libpq-fe.h; knows nothing of HTTP, HTML or any
 * capability.
 */
#include "db.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "db_backend.h"
#include "migrations.h"

/* the serial of the next connection opened (db_version tells connections apart by it, so a
 * connection opened at a freed one's address is never taken for it) */
static uint64_t db_next_serial = 1;

bool db_is_postgres(const char *path)
{
	return strncmp(path, "postgres://", 11) == 0 || strncmp(path, "postgresql://", 13) == 0;
}

void db_describe(const char *path, char *out, size_t n)
{
	if (!n)
		return;
	if (!db_is_postgres(path)) {
		snprintf(out, n, "%s", path);
		return;
	}
	/* scheme://[user[:password]@]host...: the password left out, the query string too (it may
	 * hold password=...) */
	const char *auth = strstr(path, "://") + 3;
	const char *end = auth + strcspn(auth, "/?#");
	const char *at = NULL;
	for (const char *p = auth; p < end; p++)
		if (*p == '@')
			at = p;
	const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	size_t scheme = (size_t)(auth - path);
	size_t q = strcspn(path, "?#");
	if (colon)
		snprintf(out, n, "%.*s%.*s%.*s", (int)scheme, path, (int)(colon - auth), auth,
		         (int)(q - (size_t)(at - path)), at);
	else
		snprintf(out, n, "%.*s", (int)q, path);
}

/* db_open with the wait set before the first statement runs */
static int db_open_waiting(const char *path, int wait_ms, struct db **out)
{
	const struct db_backend *be = db_is_postgres(path) ? &db_pg_backend : &db_sqlite_backend;
	struct db *db = NULL;
	int rc = be->open(path, wait_ms, &db);
	if (rc != 0)
		return rc;
	db->serial = __atomic_fetch_add(&db_next_serial, 1, __ATOMIC_RELAXED);
	*out = db;
	return 0;
}

int db_open(const char *path, struct db **out)
{
	return db_open_waiting(path, DB_WAIT_PATIENT_MS, out);
}

void db_close(struct db *db)
{
	if (db)
		db->be->close(db);
}

void db_set_wait_ms(struct db *db, int ms)
{
	db->wait_ms = ms > 0 ? ms : 0;
	db->be->wait_changed(db);
}

bool db_postgres(const struct db *db)
{
	return db->be == &db_pg_backend;
}

struct db_stmt *db_prepare_literal(struct db *db, const char *sql)
{
	return db->be->prepare(db, sql);
}

struct db_stmt *db_prepare_literal2(struct db *db, const char *sqlite_sql, const char *pg_sql)
{
	return db->be->prepare(db, db->be == &db_pg_backend ? pg_sql : sqlite_sql);
}

int db_bind_text(struct db_stmt *s, const char *name, const char *value)
{
	return s->db->be->bind_text(s, name, value);
}

int db_bind_int(struct db_stmt *s, const char *name, int64_t value)
{
	return s->db->be->bind_int(s, name, value);
}

int db_bind_null(struct db_stmt *s, const char *name)
{
	return s->db->be->bind_null(s, name);
}

int db_bind_blob(struct db_stmt *s, const char *name, const void *p, int n)
{
	return s->db->be->bind_blob(s, name, p, n);
}

int db_step(struct db_stmt *s)
{
	int rc = s->db->be->step(s);
	s->db->away = rc == ERR_UNAVAILABLE;
	return rc;
}

bool db_away(struct db *db)
{
	return db && db->away;
}

uint64_t db_prepares(struct db *db)
{
	return db->prepares;
}

enum db_kind db_col_kind(struct db_stmt *s, int col)
{
	return s->db->be->col_kind(s, col);
}

const char *db_col_text(struct db_stmt *s, int col)
{
	int len;
	return s->db->be->col_text(s, col, &len);
}

char *db_col_dup(struct arena *a, struct db_stmt *s, int col)
{
	int len;
	const char *t = s->db->be->col_text(s, col, &len);
	return t ? arena_strndup(a, t, (size_t)len) : NULL;
}

void *db_col_blob_dup(struct arena *a, struct db_stmt *s, int col, int *len)
{
	int n;
	const void *p = s->db->be->col_blob(s, col, &n);
	*len = 0;
	if (!p || n <= 0)
		return NULL;
	void *out = arena_alloc(a, (size_t)n);
	memcpy(out, p, (size_t)n);
	*len = n;
	return out;
}

int64_t db_col_int(struct db_stmt *s, int col)
{
	return s->db->be->col_int(s, col);
}

const void *db_col_blob(struct db_stmt *s, int col, int *len)
{
	return s->db->be->col_blob(s, col, len);
}

bool db_col_null(struct db_stmt *s, int col)
{
	return s->db->be->col_null(s, col);
}

void db_done(struct db_stmt *s)
{
	if (s)
		s->db->be->done(s);
}

int db_run(struct db_stmt *s, int bind_rc)
{
	if (!s)
		return ERR_DB;
	int rc = bind_rc ? ERR_DB : db_step(s);
	db_done(s);
	return rc == DB_DONE ? 0 : rc == DB_ROW ? ERR_DB : rc;
}

/* ---------------------------------------------------------------- transactions */

int db_write_begin(struct db *db)
{
	int rc = db->be->write_begin_within(db, db->wait_ms);
	db->away = rc == ERR_UNAVAILABLE;
	return rc;
}

int db_write_try(struct db *db)
{
	return db->be->write_begin_within(db, 0);
}

int db_write_slice(struct db *db, bool *committed)
{
	*committed = false;
	if (db_now_ms() - db->since < DB_SLICE_MS)
		return 0;
	int rc = db_commit(db);
	if (rc != 0)
		return rc;
	*committed = true;
	/* longer than two polls of a waiting writer (db_busy), so one gets in */
	db_sleep_ms(DB_PAUSE_MS);
	return db_write_begin(db);
}

int db_commit(struct db *db)
{
	return db->be->commit(db);
}

void db_rollback(struct db *db)
{
	db->be->rollback(db);
}

int db_write_end(struct db *db, int rc)
{
	if (rc != 0) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

int64_t db_last_id(struct db *db)
{
	return db->be->last_id(db);
}

int db_changes(struct db *db)
{
	return db->be->changes(db);
}

int db_version(struct db *db, struct db_version *out)
{
	return db->be->version(db, out);
}

/* ---------------------------------------------------------------- migrations */

bool db_job_lock(struct db *db, const char *job)
{
	struct db_stmt *s = db_prepare2(db, "SELECT :job IS NOT NULL",
	                                "SELECT pg_try_advisory_lock(hashtext('indgang job ' || :job))");
	if (!s)
		return false;
	bool got = db_bind_text(s, ":job", job) == 0 && db_step(s) == DB_ROW && db_col_int(s, 0) == 1;
	db_done(s);
	return got;
}

int db_ping(struct db *db)
{
	/* one seek in the primary key, not db_schema_version's walk of the schema */
	struct db_stmt *s = db_prepare(db, "SELECT max(version) FROM schema_migrations");
	if (!s)
		return ERR_DB;
	int rc = db_step(s);
	bool ok = rc == DB_ROW && db_col_int(s, 0) > 0;
	db_done(s);
	return ok ? 0 : ERR_DB;
}

int db_schema_version(struct db *db)
{
	struct db_stmt *s = db_prepare2(db,
		"SELECT count(*) FROM sqlite_schema "
		"WHERE type = 'table' AND name = 'schema_migrations'",
		"SELECT count(*) FROM pg_catalog.pg_tables "
		"WHERE schemaname = current_schema() AND tablename = 'schema_migrations'");
	if (!s)
		return ERR_DB;
	int have = db_step(s) == DB_ROW && db_col_int(s, 0) > 0;
	db_done(s);
	if (!have)
		return 0;
	s = db_prepare(db, "SELECT coalesce(max(version), 0) FROM schema_migrations");
	if (!s)
		return ERR_DB;
	int v = db_step(s) == DB_ROW ? (int)db_col_int(s, 0) : ERR_DB;
	db_done(s);
	return v;
}

/* the text of migration m for db's backend: the SQLite file, or the PostgreSQL file of the
 * same number and name (NULL when that one is not written yet) */
static const char *db_migration_sql(struct db *db, const struct migration *m)
{
	if (db->be != &db_pg_backend)
		return m->sql;
	for (size_t k = 0; k < migrations_pg_count; k++)
		if (migrations_pg[k].version == m->version && strcmp(migrations_pg[k].name, m->name) == 0)
			return migrations_pg[k].sql;
	return NULL;
}

int db_migrate(struct db *db, int *applied)
{
	int count = 0;
	if (db->be->exec_script(db, "CREATE TABLE IF NOT EXISTS schema_migrations ("
	                            " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
	                            " applied_at TEXT NOT NULL)") != 0)
		return ERR_DB;
	for (size_t i = 0; i < migrations_count; i++) {
		const struct migration *m = &migrations[i];
		int rc = db_write_begin(db);
		if (rc != 0)
			return rc == ERR_UNAVAILABLE ? rc : ERR_DB;
		/* checked inside the write lock, so two processes never both apply one */
		struct db_stmt *s = db_prepare(db, "SELECT 1 FROM schema_migrations WHERE version = :v");
		if (!s || db_bind_int(s, ":v", m->version) != 0) {
			db_done(s);
			db_rollback(db);
			return ERR_DB;
		}
		bool done = db_step(s) == DB_ROW;
		db_done(s);
		if (done) {
			db_rollback(db);
			continue;
		}
		const char *sql = db_migration_sql(db, m);
		if (!sql) {
			log_error("db: migration %04d has no PostgreSQL version yet (%04d_%s.sql is not in "
			          "src/store/migrations_pg/)", m->version, m->version, m->name);
			db_rollback(db);
			return ERR_DB;
		}
		if (db->be->exec_script(db, sql) != 0) {
			log_error("db: migration %04d_%s failed", m->version, m->name);
			db_rollback(db);
			return ERR_DB;
		}
		s = db_prepare2(db,
			"INSERT INTO schema_migrations (version, name, applied_at)"
			" VALUES (:v, :name, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
			"INSERT INTO schema_migrations (version, name, applied_at)"
			" VALUES (:v, :name, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))");
		if (!s || db_bind_int(s, ":v", m->version) || db_bind_text(s, ":name", m->name) ||
		    db_step(s) != DB_DONE) {
			db_done(s);
			db_rollback(db);
			return ERR_DB;
		}
		db_done(s);
		if (db_commit(db) != 0)
			return ERR_DB;
		count++;
	}
	if (applied)
		*applied = count;
	return 0;
}

/* ---------------------------------------------------------------- maintenance */

int db_backup(struct db *db, const char *dest)
{
	return db->be->backup(db, dest);
}

int db_checkpoint(struct db *db)
{
	return db->be->checkpoint(db);
}

bool db_integrity_ok(struct db *db)
{
	return db->be->integrity_ok(db);
}

/* ---------------------------------------------------------------- per-thread connections */

static pthread_key_t db_key;
static pthread_once_t db_key_once = PTHREAD_ONCE_INIT;
static char *db_thread_path;
static int db_thread_wait_ms;

static void db_thread_close(void *p)
{
	db_close(p);
}

static void db_key_make(void)
{
	pthread_key_create(&db_key, db_thread_close);
}

int db_thread_setup(const char *path, int wait_ms)
{
	db_thread_wait_ms = wait_ms;
	pthread_once(&db_key_once, db_key_make);
	free(db_thread_path);
	db_thread_path = strdup(path);
	return db_thread_path ? 0 : ERR_NOMEM;
}

struct db *db_thread(void)
{
	struct db *db = pthread_getspecific(db_key);
	if (db)
		return db;
	if (!db_thread_path || db_open_waiting(db_thread_path, db_thread_wait_ms, &db) != 0)
		return NULL;
	pthread_setspecific(db_key, db);
	return db;
}
