/*
 * spend_store.h — the SQL of spend: sums over purchases from enterprises of kind 'soev'.
 * Layer: store of the procurement capability. 0 or ERR_DB.
 */
#ifndef INDGANG_SPEND_STORE_H
#define INDGANG_SPEND_STORE_H

#include "spend.h"

/* spend_store_rows: the rows of year by what for kommune (NULL: all), largest first; the
 * total over them in *total (its enterprises counted distinct). */
int spend_store_rows(struct db *db, struct arena *a, int year, const char *kommune,
                     enum spend_by what, struct spend_row **rows, int *n, struct spend_row *total);

#endif
