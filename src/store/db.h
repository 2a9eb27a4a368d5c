/*
 * db.h — the storage interface: one connection, prepared statements with named parameters,
 * transactions, migrations and backup.
 * Layer: store. Two backends stand behind it, picked by the database's name in db_open: a path
 * is SQLite (db_sqlite.c, the only file that includes sqlite3.h), a postgres:// or
 * postgresql:// URI is PostgreSQL (db_pg.c, the only file that includes libpq-fe.h; what works
 * there yet is in docs/postgresql.md). Capabilities keep their SQL in their own *_store.c files.
 *
 * SQL text is only ever a string literal: db_prepare() is a macro that refuses anything else at
 * compile time, binding an unknown parameter name fails, and text after the first statement is
 * rejected. There is no way to build SQL from input.
 *
 * A connection belongs to one thread. Writes go through db_write_begin(), which serializes the
 * process's writers on one mutex and then takes SQLite's write lock at once (BEGIN IMMEDIATE),
 * so a reader never has to upgrade to a writer mid-transaction and "database is locked" cannot
 * surface from within the process. On PostgreSQL a transaction-level advisory lock on one
 * constant stands in for both, so writers are serialized across servers too.
 *
 * Waiting for other processes. In WAL mode a reader never waits for a writer; only writers wait,
 * for the one write lock. How long is a connection's wait bound (db_set_wait_ms): the command
 * line is alone and patient (DB_WAIT_PATIENT_MS, the default of db_open), the server's request
 * threads are not (DB_WAIT_WEB_MS): a write that cannot get the lock in time, because another
 * process (an import, the sqlite3 shell) holds it, fails with ERR_UNAVAILABLE, which the server
 * answers 503 with Retry-After, instead of holding a request thread. A long write from the
 * command line commits in slices (db_write_slice) so the server's writes get in between.
 * On PostgreSQL the wait is the session's lock_timeout, and a connection the server dropped is
 * made anew before its next statement (the failed one is ERR_UNAVAILABLE).
 */
#ifndef INDGANG_DB_H
#define INDGANG_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct db_stmt;

enum {
	DB_WAIT_PATIENT_MS = 60000, /* the command line: outlasts any other writer's transaction */
	/* a request thread: mutex and SQLite's lock together. Short, because microhttpd's pool
	 * thread serves its other connections (a /healthz among them) only after the wait */
	DB_WAIT_WEB_MS = 750,
	DB_SLICE_MS = 200,          /* db_write_slice: how long one slice holds the write lock */
	DB_PAUSE_MS = 30,           /* db_write_slice: the pause between two slices */
};

enum { DB_ROW = 1, DB_DONE = 2 };

/* db_is_postgres: path is a postgres:// or postgresql:// URI (db_open picks PostgreSQL) */
bool db_is_postgres(const char *path);
/* db_describe: path fit for a message into out (at most n bytes): a file path as it is, a URI
 * without its password and query string (which may hold one) */
void db_describe(const char *path, char *out, size_t n);

/* db_open: opens (creating if missing) the database at path with WAL, foreign keys, a wait
 * for locks of DB_WAIT_PATIENT_MS and the defensive settings. ":memory:" gives a private
 * in-memory database. A postgres:// or postgresql:// URI connects to PostgreSQL instead (the
 * database must exist). Returns 0 and *out, or ERR_DB with the reason logged as one line (a
 * URI without its password), ERR_UNAVAILABLE when the PostgreSQL server does not answer. */
int db_open(const char *path, struct db **out);
/* db_close: finalizes cached statements and closes. NULL is fine. */
void db_close(struct db *db);
/* db_set_wait_ms: the longest time db_write_begin waits for the write lock (the process's
 * writer mutex and SQLite's lock together), and any statement for a lock another process
 * holds. 0 means no wait at all. */
void db_set_wait_ms(struct db *db, int ms);

/* db_prepare: a statement for a literal SQL string, cached per connection. NULL on error
 * (logged). Release with db_done(). */
#define db_prepare(db, sql) db_prepare_literal((db), "" sql)
struct db_stmt *db_prepare_literal(struct db *db, const char *sql);
/* db_prepare2: a statement whose text differs between the dialects: sqlite_sql on SQLite,
 * pg_sql on PostgreSQL, both literals, next to each other in the store. */
#define db_prepare2(db, sqlite_sql, pg_sql) db_prepare_literal2((db), "" sqlite_sql, "" pg_sql)
struct db_stmt *db_prepare_literal2(struct db *db, const char *sqlite_sql, const char *pg_sql);
/* db_postgres: db is a PostgreSQL connection */
bool db_postgres(const struct db *db);

/* Binding by name (":name"). Each returns 0, or ERR_DB if the name is not in the statement.
 * Text is copied by SQLite; NULL text binds SQL NULL. */
int db_bind_text(struct db_stmt *st, const char *name, const char *value);
int db_bind_int(struct db_stmt *st, const char *name, int64_t value);
int db_bind_null(struct db_stmt *st, const char *name);
int db_bind_blob(struct db_stmt *st, const char *name, const void *p, int n);

/* db_step: DB_ROW when a row is ready, DB_DONE at the end, ERR_CONFLICT on a constraint
 * violation, ERR_DB otherwise (logged). Fails with ERR_DB if a parameter was left unbound. */
int db_step(struct db_stmt *st);
/* Column accessors for the current row. Text is borrowed until the next step or db_done:
 * copy it (arena_strdup) before that. NULL columns give NULL text and 0. */
const char *db_col_text(struct db_stmt *st, int col);
/* db_col_dup: column col's text copied into a (NULL for SQL NULL). */
char *db_col_dup(struct arena *a, struct db_stmt *st, int col);
/* db_col_blob_dup: column col's bytes copied into a, their number into *len (NULL and 0 for
 * SQL NULL or an empty blob). */
void *db_col_blob_dup(struct arena *a, struct db_stmt *st, int col, int *len);
int64_t db_col_int(struct db_stmt *st, int col);
/* db_col_blob: column col's bytes, borrowed like db_col_text (NULL for SQL NULL or an empty
 * blob), and their number in *len. */
const void *db_col_blob(struct db_stmt *st, int col, int *len);
bool db_col_null(struct db_stmt *st, int col);
/* db_col_kind: what column col of the current row holds (db_copy reads and binds each value as
 * what it is) */
enum db_kind { DB_NULL, DB_INT, DB_REAL, DB_TEXT, DB_BLOB };
enum db_kind db_col_kind(struct db_stmt *st, int col);
/* db_away: the connection's last statement (db_step) or db_write_begin failed with
 * ERR_UNAVAILABLE: the database did not answer, or a lock was not had in time. A caller that
 * reports any failure as ERR_DB leaves this behind, so the server answers 503 rather than 500
 * (page_fail, api_fail). */
bool db_away(struct db *db);
/* db_done: resets the statement and returns it to the cache. NULL is fine. The pointer is not
 * the caller's after this: the next db_prepare of the same text may hand it out again, so a
 * statement used after db_done is a use-after-free; prepare it anew instead. */
void db_done(struct db_stmt *st);

/* db_run: steps a statement that returns no rows to its end and releases it. bind_rc is the
 * result of the caller's binds: nonzero means a bind failed and the statement is not run. s may
 * be NULL (a failed prepare). Returns 0, ERR_CONFLICT on a constraint violation, or ERR_DB.
 *   struct db_stmt *s = db_prepare(db, "DELETE FROM t WHERE id = :id");
 *   return db_run(s, s ? db_bind_int(s, ":id", id) : 0); */
int db_run(struct db_stmt *s, int bind_rc);

/* Transactions. db_write_begin takes the process's writer mutex and SQLite's write lock,
 * waiting at most the connection's wait (db_set_wait_ms): 0, ERR_UNAVAILABLE when the lock was
 * not had in time (another writer holds it; nothing is open), or ERR_DB. db_commit or
 * db_rollback ends the transaction. Nesting is not supported. */
int db_write_begin(struct db *db);
/* db_write_try: db_write_begin without any wait, for writes that may be left out when another
 * writer is busy (a session's "last seen"): 0, ERR_UNAVAILABLE or ERR_DB. */
int db_write_try(struct db *db);
/* db_write_slice: for long writes from the command line, called between two rows inside
 * db_write_begin's transaction. Once the transaction has held the lock DB_SLICE_MS, commits it
 * (*committed is set true), pauses DB_PAUSE_MS (longer than the poll of a writer waiting in
 * another process, so the server's writes get the lock in between) and begins the next.
 * 0 with a transaction open; otherwise the commit's or the begin's error, with no transaction
 * open (what was committed before stays). */
int db_write_slice(struct db *db, bool *committed);
int db_commit(struct db *db);
void db_rollback(struct db *db);
/* db_write_end: the tail of every write: commits when rc is 0 and returns the commit's result,
 * otherwise rolls back and returns rc unchanged.
 *   if ((rc = db_write_begin(db)) != 0) return rc;
 *   rc = store_insert(...);
 *   if (rc == 0) rc = audit_record(...);
 *   return db_write_end(db, rc); */
int db_write_end(struct db *db, int rc);

/* db_last_id: the id of the row the connection inserted last. On PostgreSQL it is lastval(),
 * the value the last sequence (identity column) used by this connection handed out: call it
 * right after the INSERT, before anything else that may use a sequence (an audit row). */
int64_t db_last_id(struct db *db);
/* db_changes: the rows the last INSERT, UPDATE or DELETE changed */
int db_changes(struct db *db);

/* what a cache of query results is valid for: the connection (serial, unique per db_open),
 * SQLite's data_version (changes when another connection commits) and the connection's own
 * total of changed rows. Two equal versions mean nothing in the database changed in between. */
struct db_version {
	uint64_t serial;
	int64_t data_version, changes;
};
/* db_version: the current version of db into *out; 0 or ERR_DB. Allocates nothing. */
int db_version(struct db *db, struct db_version *out);
/* db_prepares: how many statements the connection has compiled (SQLite) or prepared on the
 * server (PostgreSQL). Each connection keeps the statements it used most recently, so one run
 * again costs no compiling. */
uint64_t db_prepares(struct db *db);

/* db_migrate: applies, in order and each in its own transaction, the compiled-in migrations not
 * yet recorded in schema_migrations. *applied (may be NULL) gets how many ran. */
int db_migrate(struct db *db, int *applied);
/* db_job_lock: for a periodic job that one server at a time must run (the daily reminders):
 * true when this connection now holds job's lock, until it is closed; false when another
 * connection holds it (or on an error, logged). On PostgreSQL a session advisory lock on the
 * job's name, as the servers share the database; on SQLite always true: the file is one
 * machine's, and each reminder is queued once inside its write transaction. */
bool db_job_lock(struct db *db, const char *job);
/* db_ping: 0 when the database answers a read of its migrations (the health check), else
 * ERR_DB */
int db_ping(struct db *db);
/* db_schema_version: the highest applied migration number, 0 for an empty database. */
int db_schema_version(struct db *db);

/* db_backup: an online, consistent copy of the database into the file dest (replaced). */
int db_backup(struct db *db, const char *dest);
/* db_checkpoint: folds the WAL into the database file and truncates it. */
int db_checkpoint(struct db *db);
/* db_integrity_ok: PRAGMA integrity_check says "ok". */
bool db_integrity_ok(struct db *db);

/* The per-thread connection for the server: opened on first use in each thread from the path
 * given to db_thread_setup(), with the wait wait_ms (DB_WAIT_WEB_MS for request threads), closed
 * when the thread exits. */
int db_thread_setup(const char *path, int wait_ms);
struct db *db_thread(void);

#endif
