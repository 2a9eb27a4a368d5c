/*
 * db_copy.h — copying a whole database into another of the other backend: a SQLite file into
 * an empty PostgreSQL database, and back (`indgang copy`).
 * Layer: store. The one place where statements are made of names rather than written as
 * literals: the names are the schema's own tables and columns, read from the source's catalog,
 * checked against the destination's, limited to [a-z0-9_] and quoted; no value is ever part of
 * a statement's text.
 */
#ifndef INDGANG_DB_COPY_H
#define INDGANG_DB_COPY_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

struct db_copy_table {
	const char *name;
	int64_t from_rows, to_rows; /* counted in each database after the copy */
};

struct db_copy_report {
	struct db_copy_table *tables; /* in the order they were copied */
	int n;
};

/* db_copy: copies every table of from into to, in one transaction of to. Both must be at the
 * same schema version, and to must hold no data yet (no user, no audit row: a database just
 * migrated); the rows the migrations put there (the municipalities, the managed lists) are
 * replaced by from's. Tables are copied parents first (by to's foreign keys); on PostgreSQL the
 * identity columns' sequences are set past the copied ids. Each table's rows are then counted on
 * both sides into *rep (allocated in a).
 * 0 when every count agrees; ERR_CONFLICT when to is not empty or a table's columns differ,
 * ERR_INVALID when the versions differ or a count does not agree (nothing is kept then),
 * ERR_DB otherwise. why (n bytes) gets one line saying what was wrong. */
int db_copy(struct db *from, struct db *to, struct arena *a, struct db_copy_report *rep, char *why,
            size_t n);

#endif
