/*
 * db_sqlite.c — SQLite behind the storage interface of db.h (db.c picks it for a path and
 * forwards to it through db_sqlite_backend).
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
#include "fts_rank.h"
#include "db_backend.h"

/* the statements a connection keeps compiled: the most recently used, as many as a server's
 * thread uses in its busiest pages several times over (the program has about 570) */
#define DB_CACHE 256
#define DB_POLL_MS 10  /* the longest sleep between two tries for a lock another process holds */

struct sqlite_stmt {
	struct db_stmt base; /* base.db: the connection */
	sqlite3_stmt *st;
	const char *sql;   /* the literal: its address is the cache key */
	uint64_t bound;    /* bit i-1 set when parameter i was bound */
	uint64_t need;     /* bits of all parameters */
	uint64_t used;     /* the connection's tick when it was last prepared: the least recent goes */
	bool in_use;
	bool cached;
};

struct sqlite_db {
	struct db base;    /* base.wait_ms: db_set_wait_ms(); base.since: when the current write
	                    * transaction got SQLite's lock */
	sqlite3 *h;
	bool writer;       /* holds the process writer mutex */
	int64_t until;     /* the busy handler's deadline (monotonic ms) */
	bool fixed;        /* until was set by db_write_begin for the whole of its wait */
	uint64_t tick;     /* counts the prepares, for sqlite_stmt.used */
	struct sqlite_stmt cache[DB_CACHE];
};


int64_t db_now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

void db_sleep_ms(int64_t ms)
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
	struct sqlite_db *db = p;
	int64_t t = db_now_ms();
	if (tries == 0 && !db->fixed)
		db->until = t + db->base.wait_ms;
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
	/* room for '%', a 200-character name in UTF-8 with every byte escaped, and '%'; the
	 * statements escape the typed wildcards, so a pattern's cost stays linear */
	sqlite3_limit(h, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 2 * 4 * 200 + 2);
	sqlite3_limit(h, SQLITE_LIMIT_VARIABLE_NUMBER, 100);
	sqlite3_limit(h, SQLITE_LIMIT_TRIGGER_DEPTH, 10);
}

static int db_sqlite_exec_script(struct db *d, const char *sql)
{
	struct sqlite_db *db = (struct sqlite_db *)d;
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		log_error("db: %s", msg ? msg : sqlite3_errmsg(db->h));
		sqlite3_free(msg);
		return ERR_DB;
	}
	return 0;
}

static void db_sqlite_close(struct db *d);

/* lower(x): x in lower case by Unicode's rules (collate_lower); NULL stays NULL, a value ICU
 * cannot lower is returned as it is */
static void db_lower(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	int n = sqlite3_value_bytes(argv[0]), outlen = 0;
	if (!s) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	char *low = collate_lower(s, n, &outlen);
	if (!low) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	sqlite3_result_text(ctx, low, outlen, free);
}

/* db_register: the collation and functions the statements use on connection h; NULL, or what
 * could not be registered */
static const char *db_register(sqlite3 *h)
{
	/* Danish order for names: ORDER BY navn COLLATE da */
	struct collator *coll = collate_open();
	if (!coll || sqlite3_create_collation_v2(h, "da", SQLITE_UTF8, coll, db_collate_da,
	                                         db_collate_free) != SQLITE_OK) {
		collate_close(coll);
		return "the Danish collation";
	}
	/* lower() by Unicode's rules, as PostgreSQL's is in a UTF-8 locale: SQLite's own lowers
	 * only A-Z, so a search for "øster" missed "Østergaard" */
	if (sqlite3_create_function_v2(h, "lower", 1,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	                               db_lower, NULL, NULL, NULL) != SQLITE_OK)
		return "lower()";
	/* the registry search's ranking (fts_rank.h) */
	if (fts_rank_register(h) != 0)
		return "the search's ranking function";
	return NULL;
}

/* db_open with the wait set before the first statement (the journal mode pragma) runs */
static int db_sqlite_open(const char *path, int wait_ms, struct db **out)
{
	struct sqlite_db *db = calloc(1, sizeof(*db));
	if (!db)
		return ERR_NOMEM;
	db->base.be = &db_sqlite_backend;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		log_error("db: cannot open %s: %s", path, db->h ? sqlite3_errmsg(db->h) : "no memory");
		sqlite3_close(db->h);
		free(db);
		return ERR_DB;
	}
	sqlite3_extended_result_codes(db->h, 1);
	db->base.wait_ms = wait_ms;
	sqlite3_busy_handler(db->h, db_busy, db);
	db_harden(db->h);
	const char *what = db_register(db->h);
	if (what) {
		log_error("db: cannot register %s", what);
		sqlite3_close(db->h);
		free(db);
		return ERR_DB;
	}
	bool mem = strcmp(path, ":memory:") == 0;
	if (db_sqlite_exec_script(&db->base, mem ? "PRAGMA foreign_keys=ON;"
	                                         : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
	                                           "PRAGMA foreign_keys=ON;") != 0) {
		log_error("db: cannot configure %s", path);
		db_sqlite_close(&db->base);
		return ERR_DB;
	}
	*out = &db->base;
	return 0;
}

static void db_sqlite_close(struct db *d)
{
	struct sqlite_db *db = (struct sqlite_db *)d;
	for (int i = 0; i < DB_CACHE; i++)
		sqlite3_finalize(db->cache[i].st);
	if (db->writer) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		pthread_mutex_unlock(&db_writer_lock);
	}
	sqlite3_close(db->h);
	free(db);
}

/* the wait is read from db->base.wait_ms when a lock is wanted: nothing to do */
static void db_sqlite_wait_changed(struct db *d)
{
	(void)d;
}

static int db_prepare_raw(struct sqlite_db *db, const char *sql, sqlite3_stmt **out)
{
	const char *tail = NULL;
	db->base.prepares++;
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

static void db_stmt_arm(struct sqlite_stmt *s)
{
	int n = sqlite3_bind_parameter_count(s->st);
	s->bound = 0;
	s->need = n >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1);
}

/* the cached statement not in use that was used least recently, or NULL when all are in use */
static struct sqlite_stmt *db_least_recent(struct sqlite_db *db)
{
	struct sqlite_stmt *lru = NULL;
	for (int i = 0; i < DB_CACHE; i++)
		if (!db->cache[i].in_use && (!lru || db->cache[i].used < lru->used))
			lru = &db->cache[i];
	return lru;
}

static struct db_stmt *db_sqlite_prepare(struct db *d, const char *sql)
{
	struct sqlite_db *db = (struct sqlite_db *)d;
	/* look for the literal's address; a miss takes a free slot, or the least recently used
	 * statement's when none is free */
	unsigned h = (unsigned)(((uintptr_t)sql >> 3) % DB_CACHE);
	struct sqlite_stmt *free_slot = NULL;
	for (int k = 0; k < DB_CACHE; k++) {
		struct sqlite_stmt *s = &db->cache[(h + (unsigned)k) % DB_CACHE];
		if (s->sql == sql && !s->in_use) {
			s->in_use = true;
			s->used = ++db->tick;
			db_stmt_arm(s);
			return &s->base;
		}
		if (!s->sql && !free_slot)
			free_slot = s;
	}
	struct sqlite_stmt *s = free_slot ? free_slot : db_least_recent(db);
	if (!s) {
		/* every cached statement is active (statements nested that deep): an uncached one */
		s = calloc(1, sizeof(*s));
		if (!s)
			return NULL;
	} else {
		if (s->sql)
			sqlite3_finalize(s->st);
		memset(s, 0, sizeof(*s));
		s->cached = true;
		s->used = ++db->tick;
	}
	if (db_prepare_raw(db, sql, &s->st) != 0) {
		if (!s->cached)
			free(s);
		else
			memset(s, 0, sizeof(*s));
		return NULL;
	}
	s->base.db = d;
	s->sql = sql;
	s->in_use = true;
	db_stmt_arm(s);
	return &s->base;
}

static int db_param_index(struct sqlite_stmt *s, const char *name)
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

static int db_sqlite_bind_text(struct db_stmt *st, const char *name, const char *value)
{
	struct sqlite_stmt *s = (struct sqlite_stmt *)st;
	int i = db_param_index(s, name);
	if (i < 0)
		return ERR_DB;
	int rc = value ? sqlite3_bind_text(s->st, i, value, -1, SQLITE_TRANSIENT)
	               : sqlite3_bind_null(s->st, i);
	return rc == SQLITE_OK ? 0 : ERR_DB;
}

static int db_sqlite_bind_int(struct db_stmt *st, const char *name, int64_t value)
{
	struct sqlite_stmt *s = (struct sqlite_stmt *)st;
	int i = db_param_index(s, name);
	if (i < 0)
		return ERR_DB;
	return sqlite3_bind_int64(s->st, i, value) == SQLITE_OK ? 0 : ERR_DB;
}

static int db_sqlite_bind_null(struct db_stmt *st, const char *name)
{
	struct sqlite_stmt *s = (struct sqlite_stmt *)st;
	int i = db_param_index(s, name);
	if (i < 0)
		return ERR_DB;
	return sqlite3_bind_null(s->st, i) == SQLITE_OK ? 0 : ERR_DB;
}

static int db_sqlite_bind_blob(struct db_stmt *st, const char *name, const void *p, int n)
{
	struct sqlite_stmt *s = (struct sqlite_stmt *)st;
	int i = db_param_index(s, name);
	if (i < 0)
		return ERR_DB;
	return sqlite3_bind_blob(s->st, i, p, n, SQLITE_TRANSIENT) == SQLITE_OK ? 0 : ERR_DB;
}

static int db_sqlite_step(struct db_stmt *st)
{
	struct sqlite_stmt *s = (struct sqlite_stmt *)st;
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
	log_error("db: step failed: %s", sqlite3_errmsg(((struct sqlite_db *)st->db)->h));
	return ERR_DB;
}

static const char *db_sqlite_col_text(struct db_stmt *st, int col, int *len)
{
	struct sqlite_stmt *s = (struct sqlite_stmt *)st;
	const char *t = (const char *)sqlite3_column_text(s->st, col);
	*len = t ? sqlite3_column_bytes(s->st, col) : 0;
	return t;
}

static int64_t db_sqlite_col_int(struct db_stmt *st, int col)
{
	return sqlite3_column_int64(((struct sqlite_stmt *)st)->st, col);
}

static const void *db_sqlite_col_blob(struct db_stmt *st, int col, int *len)
{
	struct sqlite_stmt *s = (struct sqlite_stmt *)st;
	const void *p = sqlite3_column_blob(s->st, col);
	*len = p ? sqlite3_column_bytes(s->st, col) : 0;
	return p;
}

static bool db_sqlite_col_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(((struct sqlite_stmt *)st)->st, col) == SQLITE_NULL;
}

static enum db_kind db_sqlite_col_kind(struct db_stmt *st, int col)
{
	switch (sqlite3_column_type(((struct sqlite_stmt *)st)->st, col)) {
	case SQLITE_INTEGER:
		return DB_INT;
	case SQLITE_FLOAT:
		return DB_REAL;
	case SQLITE_BLOB:
		return DB_BLOB;
	case SQLITE_TEXT:
		return DB_TEXT;
	default:
		return DB_NULL;
	}
}

static void db_sqlite_done(struct db_stmt *st)
{
	struct sqlite_stmt *s = (struct sqlite_stmt *)st;
	if (!s->cached) {
		sqlite3_finalize(s->st);
		free(s);
		return;
	}
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
	s->in_use = false;
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
static int db_sqlite_write_begin_within(struct db *d, int wait_ms)
{
	struct sqlite_db *db = (struct sqlite_db *)d;
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
	db->base.since = db_now_ms();
	return 0;
}

static void db_release_writer(struct sqlite_db *db)
{
	if (db->writer) {
		db->writer = false;
		pthread_mutex_unlock(&db_writer_lock);
	}
}

static int db_sqlite_commit(struct db *d)
{
	struct sqlite_db *db = (struct sqlite_db *)d;
	int rc = db_sqlite_exec_script(d, "COMMIT");
	if (rc != 0)
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	db_release_writer(db);
	return rc;
}

static void db_sqlite_rollback(struct db *d)
{
	struct sqlite_db *db = (struct sqlite_db *)d;
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	db_release_writer(db);
}

static int64_t db_sqlite_last_id(struct db *d)
{
	return sqlite3_last_insert_rowid(((struct sqlite_db *)d)->h);
}

static int db_sqlite_changes(struct db *d)
{
	return sqlite3_changes(((struct sqlite_db *)d)->h);
}

static int db_sqlite_version(struct db *d, struct db_version *out)
{
	struct sqlite_db *db = (struct sqlite_db *)d;
	struct db_stmt *s = db_prepare(d, "PRAGMA data_version");
	if (!s)
		return ERR_DB;
	int rc = db_step(s);
	if (rc == DB_ROW) {
		out->serial = db->base.serial;
		out->data_version = db_col_int(s, 0);
		out->changes = sqlite3_total_changes64(db->h);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

/* ---------------------------------------------------------------- maintenance */

static int db_sqlite_backup(struct db *d, const char *dest)
{
	struct sqlite_db *db = (struct sqlite_db *)d;
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

static int db_sqlite_checkpoint(struct db *d)
{
	struct sqlite_db *db = (struct sqlite_db *)d;
	int rc = sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	if (rc != SQLITE_OK) {
		log_warn("db: checkpoint: %s", sqlite3_errmsg(db->h));
		return ERR_DB;
	}
	return 0;
}

static bool db_sqlite_integrity_ok(struct db *d)
{
	struct db_stmt *s = db_prepare(d, "PRAGMA integrity_check");
	if (!s)
		return false;
	bool ok = db_step(s) == DB_ROW && strcmp(db_col_text(s, 0), "ok") == 0;
	db_done(s);
	return ok;
}

const struct db_backend db_sqlite_backend = {
	.name = "SQLite",
	.open = db_sqlite_open,
	.close = db_sqlite_close,
	.wait_changed = db_sqlite_wait_changed,
	.prepare = db_sqlite_prepare,
	.bind_text = db_sqlite_bind_text,
	.bind_int = db_sqlite_bind_int,
	.bind_null = db_sqlite_bind_null,
	.bind_blob = db_sqlite_bind_blob,
	.step = db_sqlite_step,
	.col_text = db_sqlite_col_text,
	.col_int = db_sqlite_col_int,
	.col_blob = db_sqlite_col_blob,
	.col_null = db_sqlite_col_null,
	.col_kind = db_sqlite_col_kind,
	.done = db_sqlite_done,
	.write_begin_within = db_sqlite_write_begin_within,
	.commit = db_sqlite_commit,
	.rollback = db_sqlite_rollback,
	.last_id = db_sqlite_last_id,
	.changes = db_sqlite_changes,
	.version = db_sqlite_version,
	.exec_script = db_sqlite_exec_script,
	.backup = db_sqlite_backup,
	.checkpoint = db_sqlite_checkpoint,
	.integrity_ok = db_sqlite_integrity_ok,
};
