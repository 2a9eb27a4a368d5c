/*
 * employment_stats_store.h — the SQL of Tabel 4 from data: placements counted per municipality
 * and year, and which round of a survey to set beside them. Layer: store of the employment
 * capability: statements only, no rules (the discretion is employment_stats.c's).
 */
#ifndef INDGANG_EMPLOYMENT_STATS_STORE_H
#define INDGANG_EMPLOYMENT_STATS_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "employment_stats.h"

struct arena;
struct db;

/* employment_stats_store_rows: the exact counts of the placements with start from..to (ISO
 * dates, inclusive) per municipality of the placement (kommune NULL: every municipality with a
 * placement in the period; else only that one, and no row when it has none), in Danish order
 * of name; marks EMP_EXACT. */
int employment_stats_store_rows(struct db *db, struct arena *a, const char *from, const char *to,
                                const char *kommune, struct employment_row **rows, int *n);
/* employment_stats_store_inhouse: the distinct companies (kind company) with an Inhouse
 * placement that starts from..to, of kommune (NULL: all). */
int employment_stats_store_inhouse(struct db *db, const char *from, const char *to,
                                   const char *kommune, int *count);
/* employment_stats_store_round: the code of the round of survey code with submitted answers
 * and the latest closing date (undated rounds after dated ones), else the newest; ERR_NOTFOUND
 * when the survey has none. */
int employment_stats_store_round(struct db *db, struct arena *a, const char *code,
                                 const char **round);

#endif
