/*
 * registry_trend_store.h — the SQL of registry_trend.h. Layer: store of the registry
 * capability: statements only, no rules.
 */
#ifndef INDGANG_REGISTRY_TREND_STORE_H
#define INDGANG_REGISTRY_TREND_STORE_H

#include "registry_trend.h"

/* registry_trend_store_closed: for each year Y with any, calls on(ctx, Y, count) with the
 * social-economy enterprises of kommune (NULL: all) closed between from and to (YYYY-MM-DD,
 * both included) whose established date is on or before their closing date. 0 or ERR_DB. */
int registry_trend_store_closed(struct db *db, const char *from, const char *to,
                                const char *kommune, void (*on)(void *ctx, int year, int count),
                                void *ctx);
/* registry_trend_store_members: the rows of column (an enum tabel1_column value) for the year
 * from..cut, as registry_tabel1_members describes them. 0 or ERR_DB. */
int registry_trend_store_members(struct db *db, struct arena *a, const char *from,
                                 const char *cut, const char *kommune, int column,
                                 struct tabel1_member **rows, int *n);

#endif
