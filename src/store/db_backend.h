/*
 * db_backend.h — what a storage backend (db_sqlite.c, db_pg.c) gives db.c, which picks one by
 * the database's name and forwards db.h's calls to it.
 * Layer: store, private to src/store/db*.c: nothing outside includes it.
 *
 * A backend's connection begins with struct db and its statement with struct db_stmt, so db.c
 * reads the backend and the wait from any connection, and each backend casts to its own type.
 */
#ifndef INDGANG_DB_BACKEND_H
#define INDGANG_DB_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

struct db_backend;

/* the first member of every backend's connection */
struct db {
	const struct db_backend *be;
	int wait_ms;       /* the longest wait for a lock: db_set_wait_ms() */
	int64_t since;     /* when the current write transaction got the write lock */
	uint64_t serial;   /* unique per opened connection, for db_version (set by db.c) */
	bool away;         /* the last statement or write found the database away (db_away) */
	uint64_t prepares; /* statements compiled or prepared on the server (db_prepares) */
};

/* the first member of every backend's statement */
struct db_stmt {
	struct db *db;
};

struct db_backend {
	const char *name;  /* "SQLite", "PostgreSQL" */
	/* open with the wait set before the first statement runs: 0 and *out, or ERR_DB
	 * (ERR_UNAVAILABLE: the server does not answer) with one line logged */
	int (*open)(const char *path, int wait_ms, struct db **out);
	void (*close)(struct db *db);
	/* the new wait is in db->wait_ms already; the backend applies it */
	void (*wait_changed)(struct db *db);
	struct db_stmt *(*prepare)(struct db *db, const char *sql);
	int (*bind_text)(struct db_stmt *s, const char *name, const char *value);
	int (*bind_int)(struct db_stmt *s, const char *name, int64_t value);
	int (*bind_null)(struct db_stmt *s, const char *name);
	int (*bind_blob)(struct db_stmt *s, const char *name, const void *p, int n);
	int (*step)(struct db_stmt *s);
	/* column text and its length in bytes (NULL and 0 for SQL NULL) */
	const char *(*col_text)(struct db_stmt *s, int col, int *len);
	int64_t (*col_int)(struct db_stmt *s, int col);
	const void *(*col_blob)(struct db_stmt *s, int col, int *len);
	bool (*col_null)(struct db_stmt *s, int col);
	enum db_kind (*col_kind)(struct db_stmt *s, int col);
	void (*done)(struct db_stmt *s);
	/* the write lock within wait_ms: 0 with a transaction open, ERR_UNAVAILABLE, ERR_DB */
	int (*write_begin_within)(struct db *db, int wait_ms);
	int (*commit)(struct db *db);
	void (*rollback)(struct db *db);
	int64_t (*last_id)(struct db *db);
	int (*changes)(struct db *db);
	int (*version)(struct db *db, struct db_version *out);
	/* runs a script of several statements (a migration) without results */
	int (*exec_script)(struct db *db, const char *sql);
	int (*backup)(struct db *db, const char *dest);
	int (*checkpoint)(struct db *db);
	bool (*integrity_ok)(struct db *db);
	/* a bulk load of one table inside the write transaction (db_copy.c); NULL when the backend
	 * has none and each row is an INSERT. copy_begin runs sql (COPY t (cols) FROM STDIN),
	 * copy_put sends rows in COPY's text format, copy_end ends them (ok false: abandons them)
	 * and answers whether the server took them all: 0 or an ERR_ code (logged) */
	int (*copy_begin)(struct db *db, const char *sql);
	int (*copy_put)(struct db *db, const char *data, size_t len);
	int (*copy_end)(struct db *db, bool ok);
};

extern const struct db_backend db_sqlite_backend;
extern const struct db_backend db_pg_backend;

/* the most named parameters a statement may have (the SQLite backend's bound mask is 64 bits) */
#define DB_PG_PARAMS 64

/* db_pg_translate (db_pg_sql.c): sql with each :name replaced by $n into *text (malloc'd), the
 * names, with their ':', into names[0..*nparams) (each malloc'd; *nparams starts at 0 and the
 * same name twice gets one number). Quoted strings, identifiers in double quotes, comments and
 * the :: of casts are left as they are; a ';' may only be followed by blanks and more ';'.
 * 0, ERR_DB (logged) for a second statement, an unterminated quote or comment or more than
 * DB_PG_PARAMS names, or ERR_NOMEM; on failure *text is untouched and the names so far are the
 * caller's to free. */
int db_pg_translate(const char *sql, char **text, char *names[], int *nparams);

/* db_now_ms, db_sleep_ms: the monotonic clock in milliseconds, and a sleep that outlasts
 * signals; shared by the backends */
int64_t db_now_ms(void);
void db_sleep_ms(int64_t ms);

#endif
