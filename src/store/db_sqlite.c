/*
 * db.c — SQLite behind the storage interface of db.h.
 * Layer: store. The only file that includes sqlite3.h. Knows nothing of HTTP, HTML or any
 * capability; it runs the literal SQL it is given.
 */
#include "db.h"

#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "collate.h"
#include "migrations.h"

#define DB_CACHE 96
#define DB_POLL_MS 10  /* the longest sleep between two tries for a lock another process holds */

struct db_stmt {
	struct db *db;
	sqlite3_stmt *st;
	const char *sql;   /* the literal: its address is the cache key */
	uint64_t bound;    /* bit i-1 set when parameter i was bound */
	uint64_t need;     /* bits of all parameters */
	bool in_use;
	bool cached;
};

struct db {
	sqlite3 *h;
	bool writer;       /* holds the process writer mutex */
	int wait_ms;       /* the longest wait for a lock: db_set_wait_ms() */
	int64_t until;     /* the busy handler's deadline (monotonic ms) */
	bool fixed;        /* until was set by db_write_begin for the whole of its wait */
	int64_t since;     /* when the current write transaction got SQLite's lock */
	struct db_stmt cache[DB_CACHE];
	uint64_t serial;   /* unique per opened connection, for db_version */
};

/* the serial of the next connection opened (db_version tells connections apart by it, so a
 * connection opened at a freed one's address is never taken for it) */
static uint64_t db_next_serial = 1;

static int64_t db_now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void db_sleep_ms(int64_t ms)
{
	struct timespec t = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000};
	while (nanosleep(&t, &t) != 0 && errno == EINTR)
		;
}

/*
 * The busy handler, called by SQLite while another process holds a lock this connection wants
 * (the write lock, in WAL mode; readers are not held up by a writer). It sleeps in short steps
 * up to the connection's wait_ms, not SQLite's default growing sleeps of up to 100 ms: another
 * process that writes in short transactions with a pause between them (a long import, see
 * db_write_slice) leaves gaps of a few tens of milliseconds, and a poll of 10 ms lands in them.
 * Returns 0 to give up (SQLite then answers SQLITE_BUSY), 1 to try again.
 */
static int db_busy(void *p, int tries)
{
	struct db *db = p;
	int64_t t = db_now_ms();
	if (tries == 0 && !db->fixed)
		db->until = t + db->wait_ms;
	if (t >= db->until)
		return 0;
	int64_t step = tries < 3 ? 1 + tries * 2 : DB_POLL_MS;
	db_sleep_ms(step < db->until - t ? step : db->until - t);
	return 1;
}

static int db_collate_da(void *c, int alen, const void *a, int blen, const void *b)
{
	return collate_cmp(c, a, alen, b, blen);
}

static void db_collate_free(void *c)
{
	collate_close(c);
}

static pthread_mutex_t db_writer_lock = PTHREAD_MUTEX_INITIALIZER;

static void db_harden(sqlite3 *h)
{
	/* SQLite's "defense against dark arts" advice for untrusted input */
	sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
	sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)0);
	sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)0);
	sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, (int *)0);
	sqlite3_limit(h, SQLITE_LIMIT_LENGTH, 32 * 1000 * 1000);
	sqlite3_limit(h, SQLITE_LIMIT_SQL_LENGTH, 1000 * 1000);
	sqlite3_limit(h, SQLITE_LIMIT_COLUMN, 200);
	sqlite3_limit(h, SQLITE_LIMIT_EXPR_DEPTH, 100);
	sqlite3_limit(h, SQLITE_LIMIT_COMPOUND_SELECT, 20);
	sqlite3_limit(h, SQLITE_LIMIT_FUNCTION_ARG, 16);
	sqlite3_limit(h, SQLITE_LIMIT_ATTACHED, 0);
	sqlite3_limit(h, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100);
	sqlite3_limit(h, SQLITE_LIMIT_VARIABLE_NUMBER, 100);
	sqlite3_limit(h, SQLITE_LIMIT_TRIGGER_DEPTH, 10);
}

static int db_exec_script(struct db *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		log_error("db: %s", msg ? msg : sqlite3_errmsg(db->h));
		sqlite3_free(msg);
		return ERR_DB;
	}
	return 0;
}

/* db_open with the wait set before the first statement (the journal mode pragma) runs */
static int db_open_waiting(const char *path, int wait_ms, struct db **out)
{
	struct db *db = calloc(1, sizeof(*db));
	if (db)
		db->serial = __atomic_fetch_add(&db_next_serial, 1, __ATOMIC_RELAXED);
	if (!db)
		return ERR_NOMEM;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		log_error("db: cannot open %s: %s", path, db->h ? sqlite3_errmsg(db->h) : "no memory");
		sqlite3_close(db->h);
		free(db);
		return ERR_DB;
	}
	sqlite3_extended_result_codes(db->h, 1);
	db->wait_ms = wait_ms;
	sqlite3_busy_handler(db->h, db_busy, db);
	db_harden(db->h);
	/* Danish order for names: ORDER BY navn COLLATE da */
	struct collator *coll = collate_open();
	if (!coll || sqlite3_create_collation_v2(db->h, "da", SQLITE_UTF8, coll, db_collate_da,
	                                         db_collate_free) != SQLITE_OK) {
		collate_close(coll);
		log_error("db: cannot register the Danish collation");
		sqlite3_close(db->h);
		free(db);
		return ERR_DB;
	}
	bool mem = strcmp(path, ":memory:") == 0;
	if (db_exec_script(db, mem ? "PRAGMA foreign_keys=ON;"
	                           : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
	                             "PRAGMA foreign_keys=ON;") != 0) {
		log_error("db: cannot configure %s", path);
		db_close(db);
		return ERR_DB;
	}
	*out = db;
	return 0;
}

int db_open(const char *path, struct db **out)
{
	return db_open_waiting(path, DB_WAIT_PATIENT_MS, out);
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (int i = 0; i < DB_CACHE; i++)
		sqlite3_finalize(db->cache[i].st);
	if (db->writer) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		pthread_mutex_unlock(&db_writer_lock);
	}
	sqlite3_close(db->h);
	free(db);
}

void db_set_wait_ms(struct db *db, int ms)
{
	db->wait_ms = ms > 0 ? ms : 0;
}

static int db_prepare_raw(struct db *db, const char *sql, sqlite3_stmt **out)
{
	const char *tail = NULL;
	int rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, out, &tail);
	if (rc != SQLITE_OK || !*out) {
		log_error("db: prepare failed: %s", sqlite3_errmsg(db->h));
		sqlite3_finalize(*out);
		*out = NULL;
		return ERR_DB;
	}
	for (; tail && *tail; tail++) {
		if (*tail != ' ' && *tail != '\n' && *tail != '\t' && *tail != '\r' && *tail != ';') {
			log_error("db: refused SQL with more than one statement");
			sqlite3_finalize(*out);
			*out = NULL;
			return ERR_DB;
		}
	}
	return 0;
}

static void db_stmt_arm(struct db_stmt *s)
{
	int n = sqlite3_bind_parameter_count(s->st);
	s->bound = 0;
	s->need = n >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1);
}

struct db_stmt *db_prepare_literal(struct db *db, const char *sql)
{
	/* look for the literal's address; a miss takes a free slot */
	unsigned h = (unsigned)(((uintptr_t)sql >> 3) % DB_CACHE);
	struct db_stmt *free_slot = NULL;
	for (int k = 0; k < DB_CACHE; k++) {
		struct db_stmt *s = &db->cache[(h + (unsigned)k) % DB_CACHE];
		if (s->sql == sql && !s->in_use) {
			s->in_use = true;
			db_stmt_arm(s);
			return s;
		}
		if (!s->sql && !free_slot)
			free_slot = s;
	}
	struct db_stmt *s = free_slot;
	if (!s) {
		/* cache full, or the same statement is still active: an uncached one */
		s = calloc(1, sizeof(*s));
		if (!s)
			return NULL;
	} else {
		s->cached = true;
	}
	if (db_prepare_raw(db, sql, &s->st) != 0) {
		if (!s->cached)
			free(s);
		else
			memset(s, 0, sizeof(*s));
		return NULL;
	}
	s->db = db;
	s->sql = sql;
	s->in_use = true;
	db_stmt_arm(s);
	return s;
}

static int db_param_index(struct db_stmt *s, const char *name)
{
	int i = sqlite3_bind_parameter_index(s->st, name);
	if (i <= 0) {
		log_error("db: no parameter %s in statement", name);
		return -1;
	}
	if (i <= 64)
		s->bound |= (uint64_t)1 << (i - 1);
	return i;
}

int db_bind_text(struct db_stmt *s, const char *name, const char *value)
{
	int i = db_param_index(s, name);
	if (i < 0)
		return ERR_DB;
	int rc = value ? sqlite3_bind_text(s->st, i, value, -1, SQLITE_TRANSIENT)
	               : sqlite3_bind_null(s->st, i);
	return rc == SQLITE_OK ? 0 : ERR_DB;
}

int db_bind_int(struct db_stmt *s, const char *name, int64_t value)
{
	int i = db_param_index(s, name);
	if (i < 0)
		return ERR_DB;
	return sqlite3_bind_int64(s->st, i, value) == SQLITE_OK ? 0 : ERR_DB;
}

int db_bind_null(struct db_stmt *s, const char *name)
{
	int i = db_param_index(s, name);
	if (i < 0)
		return ERR_DB;
	return sqlite3_bind_null(s->st, i) == SQLITE_OK ? 0 : ERR_DB;
}

int db_bind_blob(struct db_stmt *s, const char *name, const void *p, int n)
{
	int i = db_param_index(s, name);
	if (i < 0)
		return ERR_DB;
	return sqlite3_bind_blob(s->st, i, p, n, SQLITE_TRANSIENT) == SQLITE_OK ? 0 : ERR_DB;
}

int db_step(struct db_stmt *s)
{
	if ((s->bound & s->need) != s->need) {
		log_error("db: statement run with an unbound parameter");
		return ERR_DB;
	}
	int rc = sqlite3_step(s->st);
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return ERR_CONFLICT;
	log_error("db: step failed: %s", sqlite3_errmsg(s->db->h));
	return ERR_DB;
}

const char *db_col_text(struct db_stmt *s, int col)
{
	return (const char *)sqlite3_column_text(s->st, col);
}

char *db_col_dup(struct arena *a, struct db_stmt *s, int col)
{
	const char *t = (const char *)sqlite3_column_text(s->st, col);
	return t ? arena_strndup(a, t, (size_t)sqlite3_column_bytes(s->st, col)) : NULL;
}

void *db_col_blob_dup(struct arena *a, struct db_stmt *s, int col, int *len)
{
	const void *p = sqlite3_column_blob(s->st, col);
	int n = sqlite3_column_bytes(s->st, col);
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
	return sqlite3_column_int64(s->st, col);
}

const void *db_col_blob(struct db_stmt *s, int col, int *len)
{
	const void *p = sqlite3_column_blob(s->st, col);
	*len = p ? sqlite3_column_bytes(s->st, col) : 0;
	return p;
}

bool db_col_null(struct db_stmt *s, int col)
{
	return sqlite3_column_type(s->st, col) == SQLITE_NULL;
}

void db_done(struct db_stmt *s)
{
	if (!s)
		return;
	if (!s->cached) {
		sqlite3_finalize(s->st);
		free(s);
		return;
	}
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
	s->in_use = false;
}

int db_run(struct db_stmt *s, int bind_rc)
{
	if (!s)
		return ERR_DB;
	int rc = bind_rc ? ERR_DB : db_step(s);
	db_done(s);
	return rc == DB_DONE ? 0 : rc == DB_ROW ? ERR_DB : rc;
}

/* the process mutex by the deadline: true when taken */
static bool db_writer_lock_by(int64_t until)
{
	if (pthread_mutex_trylock(&db_writer_lock) == 0)
		return true;
	int64_t t = db_now_ms();
	if (t >= until)
		return false;
	struct timespec abs;
	clock_gettime(CLOCK_MONOTONIC, &abs);
	int64_t ns = abs.tv_nsec + (until - t) % 1000 * 1000000;
	abs.tv_sec += (time_t)((until - t) / 1000 + ns / 1000000000);
	abs.tv_nsec = (long)(ns % 1000000000);
	return pthread_mutex_clocklock(&db_writer_lock, CLOCK_MONOTONIC, &abs) == 0;
}

/* the write lock within wait_ms, the mutex and SQLite's lock together */
static int db_write_begin_within(struct db *db, int wait_ms)
{
	int64_t until = db_now_ms() + wait_ms;
	if (!db_writer_lock_by(until))
		return ERR_UNAVAILABLE;
	db->writer = true;
	db->until = until;
	db->fixed = true;
	int rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	db->fixed = false;
	if (rc != SQLITE_OK) {
		int busy = (rc & 0xff) == SQLITE_BUSY;
		if (!busy)
			log_error("db: cannot begin a write: %s", sqlite3_errmsg(db->h));
		db->writer = false;
		pthread_mutex_unlock(&db_writer_lock);
		return busy ? ERR_UNAVAILABLE : ERR_DB;
	}
	db->since = db_now_ms();
	return 0;
}

int db_write_begin(struct db *db)
{
	return db_write_begin_within(db, db->wait_ms);
}

int db_write_try(struct db *db)
{
	return db_write_begin_within(db, 0);
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

static void db_release_writer(struct db *db)
{
	if (db->writer) {
		db->writer = false;
		pthread_mutex_unlock(&db_writer_lock);
	}
}

int db_commit(struct db *db)
{
	int rc = db_exec_script(db, "COMMIT");
	if (rc != 0)
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	db_release_writer(db);
	return rc;
}

void db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	db_release_writer(db);
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
	return sqlite3_last_insert_rowid(db->h);
}

int db_changes(struct db *db)
{
	return sqlite3_changes(db->h);
}

int db_version(struct db *db, struct db_version *out)
{
	struct db_stmt *s = db_prepare_literal(db, "PRAGMA data_version");
	if (!s)
		return ERR_DB;
	int rc = db_step(s);
	if (rc == DB_ROW) {
		out->serial = db->serial;
		out->data_version = db_col_int(s, 0);
		out->changes = sqlite3_total_changes64(db->h);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

/* ---------------------------------------------------------------- migrations */

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
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM sqlite_schema "
	                                   "WHERE type = 'table' AND name = 'schema_migrations'");
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

int db_migrate(struct db *db, int *applied)
{
	int count = 0;
	if (db_exec_script(db, "CREATE TABLE IF NOT EXISTS schema_migrations ("
	                       " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
	                       " applied_at TEXT NOT NULL)") != 0)
		return ERR_DB;
	for (size_t i = 0; i < migrations_count; i++) {
		const struct migration *m = &migrations[i];
		if (db_write_begin(db) != 0)
			return ERR_DB;
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
		if (db_exec_script(db, m->sql) != 0) {
			log_error("db: migration %04d_%s failed", m->version, m->name);
			db_rollback(db);
			return ERR_DB;
		}
		s = db_prepare(db, "INSERT INTO schema_migrations (version, name, applied_at)"
		                   " VALUES (:v, :name, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
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
	sqlite3 *to = NULL;
	if (sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		log_error("db: cannot open backup file %s: %s", dest, to ? sqlite3_errmsg(to) : "");
		sqlite3_close(to);
		return ERR_IO;
	}
	sqlite3_backup *b = sqlite3_backup_init(to, "main", db->h, "main");
	if (!b) {
		log_error("db: backup failed: %s", sqlite3_errmsg(to));
		sqlite3_close(to);
		return ERR_DB;
	}
	int rc;
	/* in steps, so writers in other connections are not held off for the whole copy */
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
	       rc == SQLITE_LOCKED)
		sqlite3_sleep(5);
	sqlite3_backup_finish(b);
	int err = rc == SQLITE_DONE ? 0 : ERR_DB;
	if (err)
		log_error("db: backup failed: %s", sqlite3_errstr(rc));
	sqlite3_close(to);
	return err;
}

int db_checkpoint(struct db *db)
{
	int rc = sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	if (rc != SQLITE_OK) {
		log_warn("db: checkpoint: %s", sqlite3_errmsg(db->h));
		return ERR_DB;
	}
	return 0;
}

bool db_integrity_ok(struct db *db)
{
	struct db_stmt *s = db_prepare(db, "PRAGMA integrity_check");
	if (!s)
		return false;
	bool ok = db_step(s) == DB_ROW && strcmp(db_col_text(s, 0), "ok") == 0;
	db_done(s);
	return ok;
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
