/*
 * db_pg.c — PostgreSQL behind the storage interface of db.h (db.c picks it for a postgres:// or
 * postgresql:// URI and forwards to it through db_pg_backend).
 * Layer: store. The only file that includes libpq-fe.h. Knows nothing of HTTP, HTML or any
 * capability; it runs the literal SQL it is given. docs/postgresql.md says what works and why
 * it is built this way.
 *
 * Statements. The stores write named parameters (:kommune); PostgreSQL numbers them ($1).
 * db_pg_translate (db_pg_sql.c) turns the one into the other once per statement (a name used twice gets one
 * number), skipping quoted strings, quoted identifiers, comments and the :: of casts, and
 * refuses text after the first statement. The statement is prepared on the server on its
 * first run, under a name of its own on this connection, with the types of that run's values:
 * text as "unknown" (OID 0, so the server infers date, integer or text from where it stands),
 * integers as int8 and blobs as bytea (sent in binary). A later run with values of other types
 * prepares it anew; NULL fits any type. Statements are cached by the literal's address, like
 * db_sqlite.c's.
 *
 * Rows. A query's rows come one at a time (libpq's single-row mode), so an export of 100,000
 * rows never holds them all. A connection has only one query on the wire: when another
 * statement runs while one is still giving rows (a loop that looks something up per row), the
 * rest of the first one's rows are read into memory first (pg_drain), and it goes on from there.
 *
 * Writes are serialized across every connection and every server, as the SQLite build's mutex
 * and lock do: db_write_begin is BEGIN and a transaction-level advisory lock on one constant,
 * waited for at most the connection's wait (lock_timeout), and db_write_try takes it only if it
 * is free. A connection found broken is reset before its next statement; a server that does
 * not answer is ERR_UNAVAILABLE (the server answers 503 with Retry-After).
 */
#include "db.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/err.h"
#include "../base/log.h"
#include "db_backend.h"

/*
 * libpq is opened when the first PostgreSQL connection is made, not when the program starts:
 * with its Kerberos, LDAP and TLS libraries it is a dozen libraries more, about 2 ms of every
 * command's start, which a program on SQLite has no use for. As libmicrohttpd in server.c, each
 * function is called through a pointer of its own type, looked up once (pq_load); the macros
 * after it keep the calls below reading PQx(...). The sanitizer builds link it
 * (INDGANG_LINKED_LIBS, see the Makefile's SAN and LAZY_PKGS).
 */
#define PQ_FUNCTIONS(X) \
	X(PQclear) \
	X(PQcmdStatus) \
	X(PQcmdTuples) \
	X(PQconnectdbParams) \
	X(PQconninfoFree) \
	X(PQconninfoParse) \
	X(PQerrorMessage) \
	X(PQexec) \
	X(PQexecParams) \
	X(PQexecPrepared) \
	X(PQfinish) \
	X(PQfreemem) \
	X(PQftype) \
	X(PQgetResult) \
	X(PQgetisnull) \
	X(PQgetlength) \
	X(PQgetvalue) \
	X(PQnfields) \
	X(PQntuples) \
	X(PQprepare) \
	X(PQputCopyData) \
	X(PQputCopyEnd) \
	X(PQreset) \
	X(PQresultErrorField) \
	X(PQresultErrorMessage) \
	X(PQresultStatus) \
	X(PQsendQueryPrepared) \
	X(PQsetNoticeProcessor) \
	X(PQsetSingleRowMode) \
	X(PQstatus) \
	X(PQtransactionStatus) \
	X(PQunescapeBytea)

#ifdef INDGANG_LINKED_LIBS
static int pq_load(void)
{
	return 0;
}
#else
#include <dlfcn.h>
#include <pthread.h>
#define PQ_POINTER(f) __typeof__(f) *f;
static struct {
	PQ_FUNCTIONS(PQ_POINTER)
} pq_fn;
static pthread_once_t pq_once = PTHREAD_ONCE_INIT;
static int pq_status;

/* libpq's ABI has been version 5 since PostgreSQL 8.0 (libpq.so.5) */
static void pq_open(void)
{
	void *h = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
	if (!h) {
		log_error("db: cannot open libpq.so.5 (Debian's libpq5) for PostgreSQL: %s", dlerror());
		pq_status = ERR_IO;
		return;
	}
#define PQ_LOOKUP(f)                                                \
	if (!(*(void **)&pq_fn.f = dlsym(h, #f))) {                    \
		log_error("db: libpq.so.5 has no %s", #f);              \
		pq_status = ERR_IO;                                     \
		return;                                                 \
	}
	PQ_FUNCTIONS(PQ_LOOKUP)
#undef PQ_LOOKUP
}

/* 0 once libpq is open, ERR_IO (logged) when it cannot be */
static int pq_load(void)
{
	pthread_once(&pq_once, pq_open);
	return pq_status;
}
#define PQclear (*pq_fn.PQclear)
#define PQcmdStatus (*pq_fn.PQcmdStatus)
#define PQcmdTuples (*pq_fn.PQcmdTuples)
#define PQconnectdbParams (*pq_fn.PQconnectdbParams)
#define PQconninfoFree (*pq_fn.PQconninfoFree)
#define PQconninfoParse (*pq_fn.PQconninfoParse)
#define PQerrorMessage (*pq_fn.PQerrorMessage)
#define PQexec (*pq_fn.PQexec)
#define PQexecParams (*pq_fn.PQexecParams)
#define PQexecPrepared (*pq_fn.PQexecPrepared)
#define PQfinish (*pq_fn.PQfinish)
#define PQfreemem (*pq_fn.PQfreemem)
#define PQftype (*pq_fn.PQftype)
#define PQgetResult (*pq_fn.PQgetResult)
#define PQgetisnull (*pq_fn.PQgetisnull)
#define PQgetlength (*pq_fn.PQgetlength)
#define PQgetvalue (*pq_fn.PQgetvalue)
#define PQnfields (*pq_fn.PQnfields)
#define PQntuples (*pq_fn.PQntuples)
#define PQprepare (*pq_fn.PQprepare)
#define PQputCopyData (*pq_fn.PQputCopyData)
#define PQputCopyEnd (*pq_fn.PQputCopyEnd)
#define PQreset (*pq_fn.PQreset)
#define PQresultErrorField (*pq_fn.PQresultErrorField)
#define PQresultErrorMessage (*pq_fn.PQresultErrorMessage)
#define PQresultStatus (*pq_fn.PQresultStatus)
#define PQsendQueryPrepared (*pq_fn.PQsendQueryPrepared)
#define PQsetNoticeProcessor (*pq_fn.PQsetNoticeProcessor)
#define PQsetSingleRowMode (*pq_fn.PQsetSingleRowMode)
#define PQstatus (*pq_fn.PQstatus)
#define PQtransactionStatus (*pq_fn.PQtransactionStatus)
#define PQunescapeBytea (*pq_fn.PQunescapeBytea)
#endif

/* the statements a connection keeps prepared on the server: the most recently used (as
 * db_sqlite.c's DB_CACHE) */
#define PG_CACHE 256
/* the advisory lock every writer takes: "Indgang" in ASCII */
#define PG_WRITE_LOCK "SELECT pg_advisory_xact_lock(20631057917931111)"
#define PG_WRITE_TRY "SELECT pg_try_advisory_xact_lock(20631057917931111)"
/* a request thread's statement may run this long; the command line's has no limit */
#define PG_STATEMENT_MS "30000"
/* a connection attempt (also a reset) gives up after this many seconds: a request thread soon
 * (libpq's least), so that a server host that does not answer holds no thread long; the
 * command line later */
#define PG_CONNECT_WEB_S "2"
#define PG_CONNECT_S "10"

enum {
	OID_UNKNOWN = 0, OID_BOOL = 16, OID_BYTEA = 17, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23,
	OID_TEXT = 25, OID_FLOAT4 = 700, OID_FLOAT8 = 701, OID_NUMERIC = 1700
};
enum pg_bound { B_UNSET, B_NULL, B_TEXT, B_INT, B_BLOB };
enum pg_state { S_IDLE, S_RUNNING, S_DONE };

struct pg_stmt {
	struct db_stmt base;     /* base.db: the connection */
	const char *sql;         /* the literal: its address is the cache key */
	char *text;              /* the statement with $n for :name */
	int nparams;
	char *names[DB_PG_PARAMS]; /* ":name" of $1, $2 ... */
	char name[24];           /* its name on the server ("" for an uncached one) */
	unsigned generation;     /* the connection's generation it was prepared in, 0: not yet */
	/* the name on the server of the statement this slot held before, to be deallocated
	 * before this one is prepared (when prepared in stale_generation, the current one) */
	char stale[24];
	unsigned stale_generation;
	uint64_t used;           /* the connection's tick when it was last prepared */
	Oid types[DB_PG_PARAMS];    /* the types it was prepared with */
	/* this run's values */
	enum pg_bound bound[DB_PG_PARAMS];
	char *vals[DB_PG_PARAMS];
	int lens[DB_PG_PARAMS];
	/* this run's rows */
	enum pg_state state;
	PGresult *row;           /* the current row */
	PGresult **queue;        /* results read ahead by pg_drain, the next at qhead */
	size_t qhead, qlen, qcap;
	struct pg_blob {
		unsigned char *p;
		size_t n;
	} *blobs;                /* bytea columns of the current row, decoded when asked */
	int nblobs;
	bool in_use;
	bool cached;
};

struct pg_db {
	struct db base;          /* base.wait_ms: db_set_wait_ms(); base.since: when the current
	                          * write transaction got the advisory lock */
	PGconn *c;
	struct pg_stmt *streaming; /* the statement whose rows are still on the wire */
	unsigned generation;     /* bumps on every (re)connect: prepared statements are gone */
	unsigned next_name;      /* for the statements' names on the server */
	uint64_t tick;           /* counts the prepares, for pg_stmt.used */
	unsigned release_generation; /* the connection on which "indgang_release" is prepared */
	int lock_wait;           /* the lock_timeout set on the server, -1: not known */
	bool in_tx;
	int changes;             /* rows the last INSERT, UPDATE or DELETE changed */
	int64_t total_changes;
	char where[160];         /* the URI without its password, for messages */
	struct pg_stmt cache[PG_CACHE];
};

/* ---------------------------------------------------------------- errors */

/* the first line of a libpq message, for a one-line log */
static const char *pg_line(const char *msg, char *out, size_t n)
{
	if (!msg || !*msg)
		msg = "no reason given";
	snprintf(out, n, "%.*s", (int)strcspn(msg, "\r\n"), msg);
	return out;
}

/* what a failed result means to the caller: ERR_CONFLICT for a constraint (class 23),
 * ERR_UNAVAILABLE for a lock not had in time, a cancelled statement, a lost or shutting-down
 * server; ERR_DB otherwise. Logs all but conflicts. */
static int pg_error(struct pg_db *db, const PGresult *r, const char *what)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	char line[300];
	pg_line(r ? PQresultErrorMessage(r) : PQerrorMessage(db->c), line, sizeof(line));
	if (state && strncmp(state, "23", 2) == 0)
		return ERR_CONFLICT;
	if (PQstatus(db->c) == CONNECTION_BAD || !state || strncmp(state, "08", 2) == 0 ||
	    strcmp(state, "55P03") == 0 || strcmp(state, "57014") == 0 ||
	    strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	    strncmp(state, "57P0", 4) == 0) {
		log_warn("db: %s: PostgreSQL at %s: %s", what, db->where, line);
		return ERR_UNAVAILABLE;
	}
	log_error("db: %s: %s", what, line);
	return ERR_DB;
}

/* ---------------------------------------------------------------- results */

/* the next result of s: read ahead by pg_drain, or from the wire */
static PGresult *pg_next(struct pg_db *db, struct pg_stmt *s)
{
	if (s->qhead < s->qlen)
		return s->queue[s->qhead++];
	if (db->streaming == s)
		return PQgetResult(db->c);
	return NULL;
}

/* pg_drain: the rest of the streaming statement's results into its queue, so that the
 * connection can take another query. 0 or ERR_NOMEM. */
static int pg_drain(struct pg_db *db)
{
	struct pg_stmt *s = db->streaming;
	if (!s)
		return 0;
	db->streaming = NULL;
	PGresult *r;
	int rc = 0;
	while ((r = PQgetResult(db->c)) != NULL) {
		if (s->qlen == s->qcap) {
			size_t cap = s->qcap ? s->qcap * 2 : 64;
			PGresult **q = realloc(s->queue, cap * sizeof(*q));
			if (!q) {
				PQclear(r);
				rc = ERR_NOMEM;
				continue;
			}
			s->queue = q;
			s->qcap = cap;
		}
		s->queue[s->qlen++] = r;
	}
	return rc;
}

/* reads and frees what is left of s's results */
static void pg_discard(struct pg_db *db, struct pg_stmt *s)
{
	PGresult *r;
	while ((r = pg_next(db, s)) != NULL)
		PQclear(r);
	if (db->streaming == s)
		db->streaming = NULL;
	free(s->queue);
	s->queue = NULL;
	s->qhead = s->qlen = s->qcap = 0;
}

static void pg_free_row(struct pg_stmt *s)
{
	for (int i = 0; i < s->nblobs; i++)
		if (s->blobs[i].p)
			PQfreemem(s->blobs[i].p);
	free(s->blobs);
	s->blobs = NULL;
	s->nblobs = 0;
	PQclear(s->row);
	s->row = NULL;
}

/* the statement back to before its run: values, rows and results gone */
static void pg_reset(struct pg_stmt *s)
{
	pg_free_row(s);
	pg_discard((struct pg_db *)s->base.db, s);
	for (int i = 0; i < s->nparams; i++) {
		free(s->vals[i]);
		s->vals[i] = NULL;
		s->bound[i] = B_UNSET;
	}
	s->state = S_IDLE;
}

/* ---------------------------------------------------------------- connection */

/* the connection ready for a query: no other query's rows on the wire, and a broken
 * connection reset (once; not inside a transaction, whose work is lost with it).
 * 0, ERR_UNAVAILABLE (logged) or ERR_NOMEM. */
static int pg_ready(struct pg_db *db)
{
	int rc = pg_drain(db);
	if (rc != 0)
		return rc;
	if (PQstatus(db->c) == CONNECTION_OK)
		return 0;
	if (db->in_tx)
		return ERR_UNAVAILABLE;
	PQreset(db->c);
	db->generation++;
	db->lock_wait = -1;
	if (PQstatus(db->c) != CONNECTION_OK) {
		char line[300];
		log_warn("db: PostgreSQL at %s does not answer: %s", db->where,
		         pg_line(PQerrorMessage(db->c), line, sizeof(line)));
		return ERR_UNAVAILABLE;
	}
	log_info("db: connected to PostgreSQL at %s again", db->where);
	return 0;
}

/* runs a statement without parameters or rows of interest; 0 or pg_error's code */
static int pg_exec(struct pg_db *db, const char *sql, const char *what)
{
	int rc = pg_ready(db);
	if (rc != 0)
		return rc;
	PGresult *r = PQexec(db->c, sql);
	ExecStatusType st = PQresultStatus(r);
	rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? 0 : pg_error(db, r, what);
	PQclear(r);
	return rc;
}

static void db_pg_close(struct db *d);

/* the server's notices and warnings, as one log line each (libpq would print them raw) */
static void pg_notice(void *arg, const char *msg)
{
	(void)arg;
	char line[300];
	log_warn("db: PostgreSQL says: %s", pg_line(msg, line, sizeof(line)));
}

static int db_pg_open(const char *path, int wait_ms, struct db **out)
{
	if (pq_load() != 0)
		return ERR_DB;
	struct pg_db *db = calloc(1, sizeof(*db));
	if (!db)
		return ERR_NOMEM;
	db->base.be = &db_pg_backend;
	db->base.wait_ms = wait_ms;
	db->lock_wait = wait_ms;
	db->generation = 1;
	db_describe(path, db->where, sizeof(db->where));
	char *err = NULL;
	PQconninfoOption *opts = PQconninfoParse(path, &err);
	if (!opts) {
		char line[300];
		log_error("db: not a PostgreSQL URI: %s: %s", db->where,
		          pg_line(err ? err : "no memory", line, sizeof(line)));
		PQfreemem(err);
		free(db);
		return ERR_DB;
	}
	PQconninfoFree(opts);
	/* the settings every session starts with, also after a reset: the wait for locks, the
	 * statement timeout of a request thread, UTC, and errors in English for the log */
	char options[160];
	snprintf(options, sizeof(options),
	         "-c lock_timeout=%d -c statement_timeout=%s -c TimeZone=UTC -c lc_messages=C "
	         "-c client_min_messages=warning",
	         wait_ms, wait_ms < DB_WAIT_PATIENT_MS ? PG_STATEMENT_MS : "0");
	const char *keys[] = {"dbname", "options", "connect_timeout", "client_encoding",
	                      "application_name", NULL};
	const char *vals[] = {path, options, wait_ms < DB_WAIT_PATIENT_MS ? PG_CONNECT_WEB_S : PG_CONNECT_S,
	                      "UTF8", "indgang", NULL};
	db->c = PQconnectdbParams(keys, vals, 1);
	if (!db->c || PQstatus(db->c) != CONNECTION_OK) {
		char line[300];
		log_error("db: cannot connect to PostgreSQL at %s: %s", db->where,
		          pg_line(db->c ? PQerrorMessage(db->c) : "no memory", line, sizeof(line)));
		PQfinish(db->c);
		free(db);
		return ERR_DB;
	}
	PQsetNoticeProcessor(db->c, pg_notice, NULL);
	*out = &db->base;
	return 0;
}

static void pg_stmt_free(struct pg_stmt *s)
{
	pg_reset(s);
	free(s->text);
	for (int i = 0; i < s->nparams; i++)
		free(s->names[i]);
}

static void db_pg_close(struct db *d)
{
	struct pg_db *db = (struct pg_db *)d;
	for (int i = 0; i < PG_CACHE; i++)
		if (db->cache[i].sql)
			pg_stmt_free(&db->cache[i]);
	/* an open transaction ends with the session, rolled back */
	PQfinish(db->c);
	free(db);
}

/* the lock wait is set on the server before the next write begins */
static void db_pg_wait_changed(struct db *d)
{
	(void)d;
}

/* ---------------------------------------------------------------- statements */

/* the cached statement not in use that was used least recently, or NULL when all are in use */
static struct pg_stmt *pg_least_recent(struct pg_db *db)
{
	struct pg_stmt *lru = NULL;
	for (int i = 0; i < PG_CACHE; i++)
		if (!db->cache[i].in_use && (!lru || db->cache[i].used < lru->used))
			lru = &db->cache[i];
	return lru;
}

/* empties cached slot s for another statement; the name it owes the server (stale) stays */
static void pg_slot_clear(struct pg_stmt *s)
{
	char stale[sizeof(s->stale)];
	unsigned stale_generation = s->stale_generation;
	memcpy(stale, s->stale, sizeof(stale));
	memset(s, 0, sizeof(*s));
	memcpy(s->stale, stale, sizeof(stale));
	s->stale_generation = stale_generation;
}

static struct db_stmt *db_pg_prepare(struct db *d, const char *sql)
{
	struct pg_db *db = (struct pg_db *)d;
	unsigned h = (unsigned)(((uintptr_t)sql >> 3) % PG_CACHE);
	struct pg_stmt *free_slot = NULL;
	for (int k = 0; k < PG_CACHE; k++) {
		struct pg_stmt *s = &db->cache[(h + (unsigned)k) % PG_CACHE];
		if (s->sql == sql && !s->in_use) {
			s->in_use = true;
			s->used = ++db->tick;
			return &s->base;
		}
		if (!s->sql && !free_slot)
			free_slot = s;
	}
	struct pg_stmt *s = free_slot ? free_slot : pg_least_recent(db);
	if (!s) {
		/* every cached statement is active: an uncached one, prepared as the unnamed
		 * statement on each run */
		s = calloc(1, sizeof(*s));
		if (!s)
			return NULL;
	} else {
		/* the least recent one's name on the server is deallocated when this one is
		 * prepared (pg_prepare_now): the connection may be busy with another's rows now */
		if (s->sql && s->generation) {
			memcpy(s->stale, s->name, sizeof(s->stale));
			s->stale_generation = s->generation;
		}
		if (s->sql)
			pg_stmt_free(s);
		pg_slot_clear(s);
		s->cached = true;
		s->used = ++db->tick;
		snprintf(s->name, sizeof(s->name), "indgang_%u", ++db->next_name);
	}
	s->base.db = d;
	if (db_pg_translate(sql, &s->text, s->names, &s->nparams) != 0) {
		pg_stmt_free(s);
		if (!s->cached)
			free(s);
		else
			pg_slot_clear(s);
		return NULL;
	}
	s->sql = sql;
	s->in_use = true;
	return &s->base;
}

/* the index of parameter name, or -1 (logged) */
static int pg_param(struct pg_stmt *s, const char *name)
{
	for (int i = 0; i < s->nparams; i++)
		if (strcmp(s->names[i], name) == 0)
			return i;
	log_error("db: no parameter %s in statement", name);
	return -1;
}

/* stores value (n bytes, copied; NULL: SQL NULL) as parameter name's */
static int pg_bind(struct db_stmt *st, const char *name, enum pg_bound kind, const void *value,
                   size_t n)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	int i = pg_param(s, name);
	if (i < 0)
		return ERR_DB;
	free(s->vals[i]);
	s->vals[i] = NULL;
	s->lens[i] = 0;
	s->bound[i] = kind;
	if (kind == B_NULL)
		return 0;
	s->vals[i] = malloc(n + 1);
	if (!s->vals[i])
		return ERR_NOMEM;
	if (n)
		memcpy(s->vals[i], value, n);
	s->vals[i][n] = '\0';
	s->lens[i] = (int)n;
	return 0;
}

static int db_pg_bind_text(struct db_stmt *st, const char *name, const char *value)
{
	return value ? pg_bind(st, name, B_TEXT, value, strlen(value))
	             : pg_bind(st, name, B_NULL, NULL, 0);
}

static int db_pg_bind_int(struct db_stmt *st, const char *name, int64_t value)
{
	char t[24];
	int n = snprintf(t, sizeof(t), "%lld", (long long)value);
	return pg_bind(st, name, B_INT, t, (size_t)n);
}

static int db_pg_bind_null(struct db_stmt *st, const char *name)
{
	return pg_bind(st, name, B_NULL, NULL, 0);
}

static int db_pg_bind_blob(struct db_stmt *st, const char *name, const void *p, int n)
{
	return pg_bind(st, name, B_BLOB, p ? p : "", n > 0 ? (size_t)n : 0);
}

static Oid pg_oid(enum pg_bound b)
{
	return b == B_INT ? OID_INT8 : b == B_BLOB ? OID_BYTEA : OID_UNKNOWN;
}

/* the statement as prepared takes this run's values: NULL fits anything, text an unknown
 * type, an integer int8 or an unknown type (sent as text) and a blob bytea */
static bool pg_fits(const struct pg_stmt *s)
{
	for (int i = 0; i < s->nparams; i++) {
		enum pg_bound b = s->bound[i];
		Oid t = s->types[i];
		if (!(b == B_NULL || (b == B_TEXT && (t == OID_UNKNOWN || t == OID_TEXT)) ||
		      (b == B_INT && (t == OID_INT8 || t == OID_UNKNOWN)) ||
		      (b == B_BLOB && t == OID_BYTEA)))
			return false;
	}
	return true;
}

/* ends the savepoint of s's type guesses. An uncached statement is the unnamed one, which a
 * simple query or another unnamed statement would drop: its RELEASE runs as a named prepared
 * statement of its own, made once per connection. */
static void pg_release(struct pg_db *db, struct pg_stmt *s)
{
	if (s->cached) {
		PQclear(PQexec(db->c, "RELEASE SAVEPOINT indgang_prepare"));
		return;
	}
	if (db->release_generation != db->generation) {
		PGresult *r = PQprepare(db->c, "indgang_release", "RELEASE SAVEPOINT indgang_prepare", 0,
		                        NULL);
		if (PQresultStatus(r) == PGRES_COMMAND_OK)
			db->release_generation = db->generation;
		PQclear(r);
	}
	PQclear(PQexecPrepared(db->c, "indgang_release", 0, NULL, NULL, NULL, 0));
}

/* prepares s on the server with this run's types. A text or a NULL goes as "unknown", for the
 * server to infer from where it stands; where it cannot (":x IS NULL OR d = :x" with :x NULL:
 * PostgreSQL types a parameter where it first sees it), they are tried as text, and then as
 * int8, the two kinds of column the schema has besides blobs. Inside a transaction the tries
 * run under a savepoint, as a failed one would end the transaction; it costs two round trips
 * on a statement's first run in a connection, none after. */
static int pg_prepare_now(struct pg_db *db, struct pg_stmt *s)
{
	static const Oid guesses[] = {OID_UNKNOWN, OID_TEXT, OID_INT8};
	if (s->stale[0]) {
		/* the statement this slot held before; gone anyway after a reconnect */
		if (s->stale_generation == db->generation) {
			char sql[48];
			snprintf(sql, sizeof(sql), "DEALLOCATE %s", s->stale);
			PQclear(PQexec(db->c, sql));
		}
		s->stale[0] = '\0';
	}
	if (s->cached && s->generation == db->generation) {
		/* prepared with other types: the old one goes, the new one gets a new name. The
		 * name is this file's own, never input. */
		char sql[48];
		snprintf(sql, sizeof(sql), "DEALLOCATE %s", s->name);
		PQclear(PQexec(db->c, sql));
		snprintf(s->name, sizeof(s->name), "indgang_%u", ++db->next_name);
	}
	s->generation = 0;
	int rc = ERR_DB;
	bool savepoint = db->in_tx && PQtransactionStatus(db->c) == PQTRANS_INTRANS;
	if (savepoint)
		PQclear(PQexec(db->c, "SAVEPOINT indgang_prepare"));
	for (size_t k = 0; k < sizeof(guesses) / sizeof(guesses[0]); k++) {
		for (int i = 0; i < s->nparams; i++) {
			Oid t = pg_oid(s->bound[i]);
			s->types[i] = t == OID_UNKNOWN ? guesses[k] : t;
		}
		PGresult *r = PQprepare(db->c, s->name, s->text, s->nparams, s->types);
		db->base.prepares++;
		if (PQresultStatus(r) == PGRES_COMMAND_OK) {
			PQclear(r);
			if (savepoint)
				pg_release(db, s);
			s->generation = db->generation;
			return 0;
		}
		if (savepoint)
			PQclear(PQexec(db->c, "ROLLBACK TO SAVEPOINT indgang_prepare"));
		/* no type could be inferred, or the guess did not fit: the next guess */
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		bool again = state && k + 1 < sizeof(guesses) / sizeof(guesses[0]) &&
		             (strcmp(state, "42P18") == 0 || strcmp(state, "42P08") == 0 ||
		              (k > 0 && (strcmp(state, "42883") == 0 || strcmp(state, "42804") == 0)));
		if (!again)
			rc = pg_error(db, r, "prepare failed");
		PQclear(r);
		if (!again)
			break;
	}
	return rc;
}

/* sends s's run: prepared first when it is not (or not with fitting types) */
static int pg_start(struct pg_db *db, struct pg_stmt *s)
{
	for (int i = 0; i < s->nparams; i++)
		if (s->bound[i] == B_UNSET) {
			log_error("db: statement run with an unbound parameter");
			return ERR_DB;
		}
	int rc = pg_ready(db);
	if (rc != 0)
		return rc;
	if (!s->cached || s->generation != db->generation || !pg_fits(s)) {
		rc = pg_prepare_now(db, s);
		if (rc != 0)
			return rc;
	}
	int fmts[DB_PG_PARAMS];
	for (int i = 0; i < s->nparams; i++)
		fmts[i] = s->bound[i] == B_BLOB;
	if (!PQsendQueryPrepared(db->c, s->name, s->nparams, (const char *const *)s->vals, s->lens,
	                         fmts, 0))
		return pg_error(db, NULL, "cannot send a statement");
	PQsetSingleRowMode(db->c);
	db->streaming = s;
	s->state = S_RUNNING;
	return 0;
}

static int db_pg_step(struct db_stmt *st)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	struct pg_db *db = (struct pg_db *)st->db;
	if (s->state == S_DONE)
		return DB_DONE;
	if (s->state == S_IDLE) {
		int rc = pg_start(db, s);
		if (rc != 0)
			return rc;
	}
	pg_free_row(s);
	PGresult *r = pg_next(db, s);
	ExecStatusType status = PQresultStatus(r);
	if (status == PGRES_SINGLE_TUPLE) {
		s->row = r;
		return DB_ROW;
	}
	int rc = DB_DONE;
	if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
		const char *n = PQcmdTuples(r);
		if (*n) {
			db->changes = (int)strtol(n, NULL, 10);
			db->total_changes += db->changes;
		}
	} else {
		rc = pg_error(db, r, "step failed");
	}
	PQclear(r);
	pg_discard(db, s);
	s->state = S_DONE;
	return rc;
}

static const char *db_pg_col_text(struct db_stmt *st, int col, int *len)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	*len = 0;
	if (!s->row || col < 0 || col >= PQnfields(s->row) || PQgetisnull(s->row, 0, col))
		return NULL;
	*len = PQgetlength(s->row, 0, col);
	return PQgetvalue(s->row, 0, col);
}

static int64_t db_pg_col_int(struct db_stmt *st, int col)
{
	int len;
	const char *t = db_pg_col_text(st, col, &len);
	if (!t)
		return 0;
	if (PQftype(((struct pg_stmt *)st)->row, col) == OID_BOOL)
		return t[0] == 't';
	return strtoll(t, NULL, 10);
}

static const void *db_pg_col_blob(struct db_stmt *st, int col, int *len)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	const char *t = db_pg_col_text(st, col, len);
	if (!t || PQftype(s->row, col) != OID_BYTEA)
		return *len ? t : NULL;
	if (!s->blobs) {
		s->nblobs = PQnfields(s->row);
		s->blobs = calloc((size_t)s->nblobs, sizeof(*s->blobs));
		if (!s->blobs) {
			s->nblobs = 0;
			*len = 0;
			return NULL;
		}
	}
	struct pg_blob *b = &s->blobs[col];
	if (!b->p)
		b->p = PQunescapeBytea((const unsigned char *)t, &b->n);
	*len = b->p && b->n ? (int)b->n : 0;
	return *len ? b->p : NULL;
}

static bool db_pg_col_null(struct db_stmt *st, int col)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	return !s->row || col < 0 || col >= PQnfields(s->row) || PQgetisnull(s->row, 0, col);
}

static enum db_kind db_pg_col_kind(struct db_stmt *st, int col)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	if (db_pg_col_null(st, col))
		return DB_NULL;
	switch (PQftype(s->row, col)) {
	case OID_BYTEA:
		return DB_BLOB;
	case OID_BOOL:
	case OID_INT8:
	case OID_INT2:
	case OID_INT4:
		return DB_INT;
	case OID_FLOAT4:
	case OID_FLOAT8:
	case OID_NUMERIC:
		return DB_REAL;
	default:
		return DB_TEXT;
	}
}

static void db_pg_done(struct db_stmt *st)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	pg_reset(s);
	if (!s->cached) {
		pg_stmt_free(s);
		free(s);
		return;
	}
	s->in_use = false;
}

/* ---------------------------------------------------------------- transactions */

/* the lock_timeout of the session as wait_ms, set when it differs */
static int pg_lock_wait(struct pg_db *db, int wait_ms)
{
	if (db->lock_wait == wait_ms)
		return 0;
	char ms[24];
	snprintf(ms, sizeof(ms), "%d", wait_ms);
	const char *vals[] = {ms};
	PGresult *r = PQexecParams(db->c, "SELECT set_config('lock_timeout', $1, false)", 1, NULL,
	                           vals, NULL, NULL, 0);
	int rc = PQresultStatus(r) == PGRES_TUPLES_OK ? 0 : pg_error(db, r, "cannot set the wait");
	PQclear(r);
	if (rc == 0)
		db->lock_wait = wait_ms;
	return rc;
}

static int db_pg_write_begin_within(struct db *d, int wait_ms)
{
	struct pg_db *db = (struct pg_db *)d;
	int rc = pg_ready(db);
	if (rc == 0 && wait_ms > 0)
		rc = pg_lock_wait(db, wait_ms);
	if (rc == 0)
		rc = pg_exec(db, "BEGIN", "cannot begin a write");
	if (rc != 0)
		return rc == ERR_CONFLICT ? ERR_DB : rc;
	db->in_tx = true;
	PGresult *r = PQexec(db->c, wait_ms > 0 ? PG_WRITE_LOCK : PG_WRITE_TRY);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		rc = pg_error(db, r, "cannot take the write lock");
	} else if (wait_ms == 0 && strcmp(PQgetvalue(r, 0, 0), "t") != 0) {
		rc = ERR_UNAVAILABLE; /* another writer holds it */
	}
	PQclear(r);
	if (rc != 0) {
		db->base.be->rollback(d);
		return rc == ERR_CONFLICT ? ERR_DB : rc;
	}
	db->base.since = db_now_ms();
	return 0;
}

static int db_pg_commit(struct db *d)
{
	struct pg_db *db = (struct pg_db *)d;
	int rc = pg_drain(db);
	PGresult *r = rc == 0 ? PQexec(db->c, "COMMIT") : NULL;
	if (rc == 0 && PQresultStatus(r) != PGRES_COMMAND_OK)
		rc = pg_error(db, r, "commit failed");
	else if (rc == 0 && strcmp(PQcmdStatus(r), "COMMIT") != 0) {
		/* a statement of the transaction had failed: PostgreSQL rolled it all back */
		log_error("db: commit failed: the transaction was rolled back after an error in it");
		rc = ERR_DB;
	}
	PQclear(r);
	if (rc != 0 && PQstatus(db->c) == CONNECTION_OK &&
	    PQtransactionStatus(db->c) != PQTRANS_IDLE)
		PQclear(PQexec(db->c, "ROLLBACK"));
	db->in_tx = false;
	return rc;
}

static void db_pg_rollback(struct db *d)
{
	struct pg_db *db = (struct pg_db *)d;
	if (db->in_tx && pg_drain(db) == 0 && PQstatus(db->c) == CONNECTION_OK &&
	    PQtransactionStatus(db->c) != PQTRANS_IDLE)
		PQclear(PQexec(db->c, "ROLLBACK"));
	db->in_tx = false;
}

static int64_t db_pg_last_id(struct db *d)
{
	struct pg_db *db = (struct pg_db *)d;
	if (pg_ready(db) != 0)
		return 0;
	PGresult *r = PQexec(db->c, "SELECT lastval()");
	int64_t id = 0;
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	else
		pg_error(db, r, "no last id (call db_last_id right after an INSERT)");
	PQclear(r);
	return id;
}

static int db_pg_changes(struct db *d)
{
	return ((struct pg_db *)d)->changes;
}

/*
 * PostgreSQL has no data_version. What stands in for it is the snapshot, the set of
 * transactions a new query sees as committed (xmin:xmax:in-progress list): it changes when any
 * transaction anywhere in the cluster that wrote has ended, and only then, so two equal
 * snapshots mean nothing was committed in between. It is hashed into data_version (64 bits,
 * FNV-1a); the connection's own uncommitted writes show in changes.
 */
static int db_pg_version(struct db *d, struct db_version *out)
{
	struct pg_db *db = (struct pg_db *)d;
	int rc = pg_ready(db);
	if (rc != 0)
		return ERR_DB;
	PGresult *r = PQexec(db->c, "SELECT pg_current_snapshot()::text");
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
		pg_error(db, r, "no snapshot");
		PQclear(r);
		return ERR_DB;
	}
	uint64_t h = 1469598103934665603ULL;
	for (const char *p = PQgetvalue(r, 0, 0); *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	PQclear(r);
	out->serial = db->base.serial;
	out->data_version = (int64_t)(h >> 1);
	out->changes = db->total_changes;
	return 0;
}

static int db_pg_exec_script(struct db *d, const char *sql)
{
	return pg_exec((struct pg_db *)d, sql, "script failed");
}

/* ---------------------------------------------------------------- bulk load */

/* COPY ... FROM STDIN: the server waits for the rows after PGRES_COPY_IN */
static int db_pg_copy_begin(struct db *d, const char *sql)
{
	struct pg_db *db = (struct pg_db *)d;
	int rc = pg_ready(db);
	if (rc != 0)
		return rc;
	PGresult *r = PQexec(db->c, sql);
	rc = PQresultStatus(r) == PGRES_COPY_IN ? 0 : pg_error(db, r, "copy failed");
	PQclear(r);
	return rc;
}

static int db_pg_copy_put(struct db *d, const char *data, size_t len)
{
	struct pg_db *db = (struct pg_db *)d;
	if (PQputCopyData(db->c, data, (int)len) == 1)
		return 0;
	return pg_error(db, NULL, "copy failed");
}

/* the rows end (or, with ok false, the copy is abandoned); then the server's verdict */
static int db_pg_copy_end(struct db *d, bool ok)
{
	struct pg_db *db = (struct pg_db *)d;
	int rc = PQputCopyEnd(db->c, ok ? NULL : "abandoned by the client") == 1 ? 0 : ERR_DB;
	PGresult *r;
	while ((r = PQgetResult(db->c)) != NULL) {
		if (rc == 0 && PQresultStatus(r) != PGRES_COMMAND_OK)
			rc = ok ? pg_error(db, r, "copy failed") : ERR_DB;
		PQclear(r);
	}
	return rc;
}

/* ---------------------------------------------------------------- maintenance */

static int db_pg_backup(struct db *d, const char *dest)
{
	(void)dest;
	log_error("db: PostgreSQL at %s is backed up with pg_dump, not indgang backup",
	          ((struct pg_db *)d)->where);
	return ERR_DB;
}

/* the server checkpoints on its own */
static int db_pg_checkpoint(struct db *d)
{
	(void)d;
	return 0;
}

/* PostgreSQL checks its pages itself (and pg_amcheck does more): answering is what is asked */
static bool db_pg_integrity_ok(struct db *d)
{
	return pg_exec((struct pg_db *)d, "SELECT 1", "ping failed") == 0;
}

const struct db_backend db_pg_backend = {
	.name = "PostgreSQL",
	.open = db_pg_open,
	.close = db_pg_close,
	.wait_changed = db_pg_wait_changed,
	.prepare = db_pg_prepare,
	.bind_text = db_pg_bind_text,
	.bind_int = db_pg_bind_int,
	.bind_null = db_pg_bind_null,
	.bind_blob = db_pg_bind_blob,
	.step = db_pg_step,
	.col_text = db_pg_col_text,
	.col_int = db_pg_col_int,
	.col_blob = db_pg_col_blob,
	.col_null = db_pg_col_null,
	.col_kind = db_pg_col_kind,
	.done = db_pg_done,
	.write_begin_within = db_pg_write_begin_within,
	.commit = db_pg_commit,
	.rollback = db_pg_rollback,
	.last_id = db_pg_last_id,
	.changes = db_pg_changes,
	.version = db_pg_version,
	.exec_script = db_pg_exec_script,
	.backup = db_pg_backup,
	.checkpoint = db_pg_checkpoint,
	.integrity_ok = db_pg_integrity_ok,
	.copy_begin = db_pg_copy_begin,
	.copy_put = db_pg_copy_put,
	.copy_end = db_pg_copy_end,
};
