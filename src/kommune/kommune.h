/*
 * kommune.h — the 98 municipalities (code, name, region), loaded by the first migration.
 * Layer: capability domain; the SQL is in kommune_store.c. Public data.
 */
#ifndef INDGANG_KOMMUNE_H
#define INDGANG_KOMMUNE_H

struct arena;
struct db;

struct kommune {
	const char *kode;   /* three digits */
	const char *navn;
	const char *region;
};

#define KOMMUNE_COUNT 98

/* kommune_get: the municipality with code; ERR_NOTFOUND; ERR_DB. Strings owned by a. */
int kommune_get(struct db *db, struct arena *a, const char *kode, struct kommune *out);
/* kommune_list: all municipalities by name in Danish order (Aabenraa and Aarhus last, as Å);
 * *rows owned by a. */
int kommune_list(struct db *db, struct arena *a, struct kommune **rows, int *n);
/* kommune_read_all: every municipality the table holds now, by code (read anew, not from
 * kommune_list's copy); *rows owned by a. 0 or ERR_DB. */
int kommune_read_all(struct db *db, struct arena *a, struct kommune **rows, int *n);

#endif
