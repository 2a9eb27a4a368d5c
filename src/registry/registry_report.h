/*
 * registry_report.h — Tabel 1 and Tabel 2 written out as JSON, CSV and XLSX, the same bytes for
 * the command line, the API and the statistics page's downloads.
 * Layer: capability (registry), between the domain and the writers of view/.
 */
#ifndef INDGANG_REGISTRY_REPORT_H
#define INDGANG_REGISTRY_REPORT_H

#include "registry.h"

struct buf;
struct csv_out;

/* {"year": Y, "rows": [{"kommune", "name", "total", "registered", "established",
 *  "pipeline"}], "total": {...}} */
void registry_tabel1_json(struct buf *o, int year, const struct tabel1_row *rows, int n,
                          const struct tabel1_row *sum);
/* Tabel 1 as CSV into w, a row per municipality and a last row "I alt": for machines (people
 * false: the command line, ?raw=1) kommune,name,total,registered,established,pipeline; for people
 * Kommune, Kode, Antal i alt, Heraf registrerede, Etableret i YEAR, Vurderes på vej. */
void registry_tabel1_csv(struct csv_out *w, int year, const struct tabel1_row *rows, int n,
                         const struct tabel1_row *sum, bool people);
/* an XLSX workbook (Tabel 1 and, when t2 is given, Tabel 2 on a second sheet) into o */
int registry_tables_xlsx(struct buf *o, int year, const struct tabel1_row *rows, int n,
                         const struct tabel1_row *sum, const struct tabel2_row *t2, int n2,
                         int t2_total);
/* {"year": Y, "rows": [{"origin", "label", "count"}], "total": N} */
void registry_tabel2_json(struct buf *o, int year, const struct tabel2_row *rows, int n, int total);
/* Tabel 2 as CSV into w with a last row "I alt": for machines origin,label,count; for people
 * Oprindelse, Antal. */
void registry_tabel2_csv(struct csv_out *w, const struct tabel2_row *rows, int n, int total,
                         bool people);

/* Bilag 1 (registry_bilag1's rows). CSV for machines: kommune,kommune_name,enterprise_id,name,
 * home,home_kommune,home_kommune_name with home 1/0; for people the XLSX's columns (Kommune,
 * Kode, Virksomhed, Hjemme i kommunen Ja/Nej, Hjemkommune, Hjemkommunens kode). JSON:
 * {"rows": [{"kommune", "kommune_name", "id", "name", "home", "home_kommune",
 * "home_kommune_name"}], "total": N}. XLSX: one sheet with Danish headings. */
void registry_bilag1_csv(struct csv_out *w, const struct bilag1_row *rows, int n, bool people);
void registry_bilag1_json(struct buf *o, const struct bilag1_row *rows, int n);
int registry_bilag1_xlsx(struct buf *o, const struct bilag1_row *rows, int n);

/* registry_parse_kommuner: "740,621" into a NULL-terminated list owned by a; NULL for NULL or
 * empty; *bad gets the first code that is not three digits. */
const char **registry_parse_kommuner(struct arena *a, const char *s, const char **bad);

#endif
