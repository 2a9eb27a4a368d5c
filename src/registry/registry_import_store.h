/*
 * registry_import_store.h — the SQL of the registry's CSV import: a staging table of the
 * connection (TEMP, so it needs no migration and no other connection sees it) that the import's
 * first pass fills with one checked row per line of the file, and the set-wise statements that
 * move a range of its lines into the registry's tables.
 * Layer: store of the registry capability: statements only, no rules.
 *
 * The staging table temp.import_rows holds per line: the key that finds the same enterprise
 * twice in one file (UNIQUE), what the line does (enum import_op), the id of the stored
 * enterprise it matched (UNIQUE too), the enterprise's values as they will be stored (checked and normalized), its lists
 * as JSON arrays, and its search terms as registry_search.c makes them.
 */
#ifndef INDGANG_REGISTRY_IMPORT_STORE_H
#define INDGANG_REGISTRY_IMPORT_STORE_H

#include <stdint.h>

#include "registry.h"

struct arena;
struct db;

enum import_op { IMPORT_SAME = 0, IMPORT_NEW = 1, IMPORT_UPDATE = 2 };

/* registry_import_store_open: an empty staging table (a previous one of the connection is
 * dropped). 0 or ERR_DB. */
int registry_import_store_open(struct db *db);
/* registry_import_store_close: drops the staging table; nothing if there is none. */
void registry_import_store_close(struct db *db);

/* registry_import_store_analyze: after an import that wrote many rows, the planner's figures
 * of the registry's tables made anew (PostgreSQL's ANALYZE; SQLite plans without them, and
 * nothing is done there). Without it the next import's lookups by name, run before the server's
 * autovacuum has looked, walk the whole table. 0 or ERR_DB. */
int registry_import_store_analyze(struct db *db);

/* registry_import_store_batch_begin / _end: a deferred transaction around many stagings (one
 * read snapshot of the registry, one commit of the staging table instead of one per line).
 * It writes only the TEMP table, so it never takes the database's write lock. 0 or ERR_DB;
 * _end with fail nonzero rolls back. Not inside a write transaction. */
int registry_import_store_batch_begin(struct db *db);
int registry_import_store_batch_end(struct db *db, int fail);

/* what one line stages: for IMPORT_SAME only line, key and op are read */
struct import_staged {
	int line;
	const char *key;                          /* "cvr:..." or "name:NAME\x1fKOMMUNE" */
	enum import_op op;
	int seq;                                  /* IMPORT_NEW: 1, 2, ... in line order */
	const struct enterprise *e;               /* values as stored; e->id for an update */
	const char *others, *services, *targets;  /* JSON arrays of keys, or NULL for none */
	const char *terms_name, *terms_body;      /* the search terms */
};

/* registry_import_store_stage: one line into the staging table. ERR_CONFLICT when its key, or
 * the stored enterprise it matched (e->id; one line by CVR, another by name), is already
 * staged, with *first the line that staged it; ERR_DB. */
int registry_import_store_stage(struct db *db, const struct import_staged *s, int *first);

/* registry_import_store_chunk: the last staged line of the next chunk of at most rows lines
 * after line after, into *to, and how many lines of each op it holds into counts[op]
 * (indexed by enum import_op). ERR_NOTFOUND when no line follows after; ERR_DB. */
int registry_import_store_chunk(struct db *db, int after, int rows, int *to, int counts[3]);

/* registry_import_store_write: inside the caller's write transaction, the staged lines
 * from..to into the registry: new enterprises inserted in line order with the ids SQLite would
 * give them (*base + seq; *base is set for registry_import_store_written), updated ones rewritten (updated_at now), their lists and search terms
 * replaced. updates is how many IMPORT_UPDATE lines the range holds: fewer rows updated means
 * an enterprise went away since the lines were staged (ERR_CONFLICT). ERR_CONFLICT also on a
 * constraint (a CVR taken since); ERR_DB. On failure the caller rolls back. */
int registry_import_store_write(struct db *db, int from, int to, int updates, int64_t *base);

/* what the audit line of a written enterprise names */
struct import_written {
	int64_t id;
	enum import_op op;
	const char *name, *cvr, *kommune, *kind, *pipeline_since, *established, *rsv_registered,
		*closed, *legal_form, *origin;
};
/* registry_import_store_written: the enterprises lines from..to created or updated (after
 * registry_import_store_write, with its base), in line order, allocated in a. 0 or ERR_DB. */
int registry_import_store_written(struct db *db, struct arena *a, int from, int to,
                                  int64_t base, struct import_written **rows, int *n);

#endif
