/*
 * registry_trend.c — the registry's figures over time: enterprises closed per year and the
 * enterprises behind a figure of Tabel 1. Layer: capability domain (registry); SQL in
 * registry_trend_store.c.
 */
#include "registry_trend.h"

#include <stdio.h>
#include <string.h>

#include "../base/err.h"
#include "registry_trend_store.h"

static const struct {
	const char *key, *label;
} columns[T1_COLUMNS] = {
	[T1_TOTAL] = {"total", "Antal i alt"},
	[T1_REGISTERED] = {"registered", "Heraf registrerede"},
	[T1_ESTABLISHED] = {"established", "Etableret i året"},
	[T1_PIPELINE] = {"pipeline", "Vurderes på vej"},
	[T1_CLOSED] = {"closed", "Lukket i året"},
};

const char *registry_tabel1_column_key(enum tabel1_column c)
{
	return columns[c].key;
}

const char *registry_tabel1_column_label(enum tabel1_column c)
{
	return columns[c].label;
}

int registry_tabel1_column_parse(const char *key, enum tabel1_column *out)
{
	for (int c = 0; key && c < T1_COLUMNS; c++)
		if (strcmp(key, columns[c].key) == 0) {
			*out = (enum tabel1_column)c;
			return 0;
		}
	return ERR_INVALID;
}

struct closed_ctx {
	int from, to;
	int *counts;
};

/* on_closed: one year's count from the store into its slot (years outside the range, which the
 * query's dates exclude, are ignored) */
static void on_closed(void *p, int year, int count)
{
	struct closed_ctx *c = p;
	if (year >= c->from && year <= c->to)
		c->counts[year - c->from] = count;
}

int registry_closed_years(struct db *db, int from, int to, const char *kommune, int *counts)
{
	if (from < 1000 || to > 9999 || to < from || to - from >= 200)
		return ERR_INVALID;
	memset(counts, 0, sizeof(int) * (size_t)(to - from + 1));
	char first[11], last[11];
	snprintf(first, sizeof(first), "%04u-01-01", (unsigned)from % 10000u);
	snprintf(last, sizeof(last), "%04u-12-31", (unsigned)to % 10000u);
	struct closed_ctx c = {from, to, counts};
	return registry_trend_store_closed(db, first, last, kommune, on_closed, &c);
}

int registry_tabel1_members(struct db *db, struct arena *a, int year, const char *kommune,
                            enum tabel1_column column, struct tabel1_member **rows, int *n)
{
	if ((int)column < 0 || column >= T1_COLUMNS || year < 1000 || year > 9999)
		return ERR_INVALID;
	char from[11], cut[11];
	snprintf(from, sizeof(from), "%04u-01-01", (unsigned)year % 10000u);
	snprintf(cut, sizeof(cut), "%04u-12-31", (unsigned)year % 10000u);
	return registry_trend_store_members(db, a, from, cut, kommune, (int)column, rows, n);
}
