/*
 * registry_trend.h — the registry's figures over time beside Tabel 1: the social-economy
 * enterprises closed in each year, and the enterprises behind each figure of Tabel 1 (the list a
 * figure links to). Companies (kind "company") never count, as in Tabel 1.
 * Layer: capability domain (registry). Public data: no access check. SQL in
 * registry_trend_store.c.
 */
#ifndef INDGANG_REGISTRY_TREND_H
#define INDGANG_REGISTRY_TREND_H

#include <stdint.h>

struct arena;
struct db;

/* the columns of Tabel 1 (registry.h's struct tabel1_row), and beside them the enterprises
 * closed in the year */
enum tabel1_column {
	T1_TOTAL,       /* established by 31 December and not closed by then */
	T1_REGISTERED,  /* of those, RSV-registered by 31 December */
	T1_ESTABLISHED, /* established within the year */
	T1_PIPELINE,    /* on the way on 31 December: not established and not closed by then */
	T1_CLOSED,      /* closed within the year, having been established on or before that day */
	T1_COLUMNS
};

/* registry_tabel1_column_key: "total", "registered", "established", "pipeline", "closed";
 * registry_tabel1_column_label: the Danish heading. Both for a valid column only. */
const char *registry_tabel1_column_key(enum tabel1_column c);
const char *registry_tabel1_column_label(enum tabel1_column c);
/* registry_tabel1_column_parse: the column named key (as registry_tabel1_column_key gives
 * them) into *out: 0, or ERR_INVALID for NULL or any other text (*out untouched). */
int registry_tabel1_column_parse(const char *key, enum tabel1_column *out);

/* registry_closed_years: counts[i] gets the social-economy enterprises whose home is kommune
 * (NULL: every municipality) that closed within the year from + i (1 January to 31 December)
 * and had been established on or before their closing day, for every year from..to (to >= from,
 * at most 200 years; counts holds to - from + 1 ints). 0, ERR_INVALID for a bad range, ERR_DB. */
int registry_closed_years(struct db *db, int from, int to, const char *kommune, int *counts);

/* one enterprise behind a figure */
struct tabel1_member {
	int64_t id;
	const char *name;
	const char *kommune, *navn;  /* its home municipality */
	const char *pipeline_since, *established, *rsv_registered, *closed; /* YYYY-MM-DD or NULL */
};
/* registry_tabel1_members: the social-economy enterprises counted in column of Tabel 1 for
 * year (cut-off 31 December), whose home is kommune (NULL: every municipality), exactly the
 * ones registry_tabel1 (and, for T1_CLOSED, registry_closed_years) counts: sorted by
 * municipality name, then name, both in Danish order. Allocated in a; *n may be 0.
 * 0, ERR_INVALID for a column out of range, ERR_DB. */
int registry_tabel1_members(struct db *db, struct arena *a, int year, const char *kommune,
                            enum tabel1_column column, struct tabel1_member **rows, int *n);

#endif
