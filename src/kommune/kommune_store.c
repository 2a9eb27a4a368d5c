/*
 * kommune_store.c — the SQL of the municipalities. Layer: store of the kommune capability.
 */
#include "kommune.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

int kommune_get(struct db *db, struct arena *a, const char *kode, struct kommune *out)
{
	struct db_stmt *s = db_prepare(db, "SELECT kode, navn, region FROM kommuner WHERE kode = :kode");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":kode", kode) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		out->kode = arena_strdup(a, db_col_text(s, 0));
		out->navn = arena_strdup(a, db_col_text(s, 1));
		out->region = arena_strdup(a, db_col_text(s, 2));
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int kommune_read_all(struct db *db, struct arena *a, struct kommune **rows, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT kode, navn, region FROM kommuner ORDER BY kode");
	if (!s)
		return ERR_DB;
	struct kommune *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct kommune *k = ARENA_PUSH(a, out, count, cap);
		k->kode = db_col_dup(a, s, 0);
		k->navn = db_col_dup(a, s, 1);
		k->region = db_col_dup(a, s, 2);
	}
	db_done(s);
	if (rc != DB_DONE)
		return ERR_DB;
	*rows = out;
	*n = (int)count;
	return 0;
}

/* The 98 municipalities come from the first migration and never change while the program
 * runs: they are read once, in Danish order, and served from memory after that (sorting with
 * the ICU collation on every request cost half the speed of a list request). */
static struct kommune *cache;
static int cache_n;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

static int load_cache(struct db *db)
{
	struct db_stmt *s = db_prepare(db, "SELECT kode, navn, region FROM kommuner"
	                                   " ORDER BY navn COLLATE da");
	if (!s)
		return ERR_DB;
	struct kommune *rows = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		if (count == cap) {
			/* grows: a table with more rows than expected is read whole, never cut off */
			size_t ncap = cap ? cap * 2 : 128;
			struct kommune *bigger = realloc(rows, ncap * sizeof(*rows));
			if (!bigger) {
				rc = ERR_NOMEM;
				break;
			}
			rows = bigger;
			cap = ncap;
		}
		struct kommune *k = &rows[count++];
		k->kode = strdup(db_col_text(s, 0));
		k->navn = strdup(db_col_text(s, 1));
		k->region = strdup(db_col_text(s, 2));
		if (!k->kode || !k->navn || !k->region) {
			rc = ERR_NOMEM;
			break;
		}
	}
	db_done(s);
	if (rc != DB_DONE || count == 0) {
		for (size_t i = 0; i < count; i++) {
			free((char *)rows[i].kode);
			free((char *)rows[i].navn);
			free((char *)rows[i].region);
		}
		free(rows);
		return rc == ERR_NOMEM ? ERR_NOMEM : ERR_DB;
	}
	cache = rows;
	cache_n = (int)count;
	return 0;
}

int kommune_list(struct db *db, struct arena *a, struct kommune **rows, int *n)
{
	pthread_mutex_lock(&cache_lock);
	int rc = cache ? 0 : load_cache(db);
	pthread_mutex_unlock(&cache_lock);
	if (rc)
		return rc;
	struct kommune *out = arena_alloc(a, sizeof(*out) * (size_t)cache_n);
	memcpy(out, cache, sizeof(*out) * (size_t)cache_n);
	*rows = out;
	*n = cache_n;
	return 0;
}
