/*
 * registry_report.h — Tabel 1 and Tabel 2 written out as JSON, CSV and XLSX, the same bytes for
 * the command line, the API and the statistics page's downloads.
 * Layer: capability (registry), between the domain and the writers of view/.
 */
#ifndef INDGANG_REGISTRY_REPORT_H
#define INDGANG_REGISTRY_REPORT_H

#include "registry.h"

struct buf;

/* {"year": Y, "rows": [{"kommune", "name", "total", "registered", "established",
 *  "pipeline"}], "total": {...}} */
void registry_tabel1_json(struct buf *o, int year, const struct tabel1_row *rows, int n,
                          const struct tabel1_row *sum);
/* kommune,name,total,registered,established,pipeline with a last row "I alt" */
void registry_tabel1_csv(struct buf *o, const struct tabel1_row *rows, int n,
                         const struct tabel1_row *sum);
/* an XLSX workbook (Tabel 1 and, when t2 is given, Tabel 2 on a second sheet) into o */
int registry_tables_xlsx(struct buf *o, int year, const struct tabel1_row *rows, int n,
                         const struct tabel1_row *sum, const struct tabel2_row *t2, int n2,
                         int t2_total);
/* {"year": Y, "rows": [{"origin", "label", "count"}], "total": N} */
void registry_tabel2_json(struct buf *o, int year, const struct tabel2_row *rows, int n, int total);
void registry_tabel2_csv(struct buf *o, const struct tabel2_row *rows, int n, int total);

/* Bilag 1 (registry_bilag1's rows). CSV: kommune,kommune_name,enterprise_id,name,home,
 * home_kommune,home_kommune_name with home 1/0, every text cell through csv_write_field. JSON:
 * {"rows": [{"kommune", "kommune_name", "id", "name", "home", "home_kommune",
 * "home_kommune_name"}], "total": N}. XLSX: one sheet with Danish headings. */
void registry_bilag1_csv(struct buf *o, const struct bilag1_row *rows, int n);
void registry_bilag1_json(struct buf *o, const struct bilag1_row *rows, int n);
int registry_bilag1_xlsx(struct buf *o, const struct bilag1_row *rows, int n);

/* registry_parse_kommuner: "740,621" into a NULL-terminated list owned by a; NULL for NULL or
 * empty; *bad gets the first code that is not three digits. */
const char **registry_parse_kommuner(struct arena *a, const char *s, const char **bad);

#endif
