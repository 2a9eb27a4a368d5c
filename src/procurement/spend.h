/*
 * spend.h — spend with social-economy enterprises: the purchases of a year summed per
 * municipality (public: public spending), and per enterprise or per service (the municipality's
 * staff, access_figures; every municipality at once with access_national_figures). Only
 * purchases from enterprises of kind 'soev' count: an ordinary company (kind 'company') that
 * hires citizens is no social-economy spend. Amounts are exact øre, written with money_api.
 * Layer: capability domain (procurement); the SQL is in spend_store.c. The JSON, CSV and XLSX
 * writers are here, shared by the API, the page's downloads and the command line.
 */
#ifndef INDGANG_SPEND_H
#define INDGANG_SPEND_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct buf;
struct csv_out;
struct db;
struct principal;

enum spend_by { SPEND_KOMMUNE, SPEND_ENTERPRISE, SPEND_SERVICE };

/* one row of spend: a municipality (key its code), an enterprise (key its id) or a service (key
 * its key, NULL for purchases without one) */
struct spend_row {
	const char *key, *label;
	int64_t amount_ore;
	int purchases, enterprises;
};

/* spend_by_parse: "kommune" (or NULL/""), "enterprise", "service" into *out; false otherwise. */
bool spend_by_parse(const char *s, enum spend_by *out);

/* spend_rows: the spend of year (purchases dated in it) by what, for kommune (NULL: every
 * municipality), largest amount first, and the total in *total (key NULL, label "I alt").
 * Per municipality it is public; per enterprise or service by must pass access_figures for
 * kommune, or access_national_figures when kommune is NULL (ERR_FORBIDDEN). A kommune that is
 * not three digits gives ERR_INVALID. by NULL with SPEND_KOMMUNE is the public; trusted callers
 * (the command line) pass trusted true to skip the access check. ERR_DB. */
int spend_rows(struct db *db, struct arena *a, const struct principal *by, bool trusted, int year,
               const char *kommune, enum spend_by what, struct spend_row **rows, int *n,
               struct spend_row *total);

/* spend_json: {"year", "kommune"?, "by", "rows": [...], "total"} into o; each row of the
 * municipalities is {"kommune", "navn", "amount", "purchases", "enterprises"}, of the enterprises
 * {"enterprise_id", "name", ...}, of the services {"service", "label", ...}. */
void spend_json(struct buf *o, int year, const char *kommune, enum spend_by what,
                const struct spend_row *rows, int n, const struct spend_row *total);
/* spend_csv: a heading and one record per row and the total; raw amounts ("1234.50") when
 * machine is true, else Danish ("1.234,50"). */
void spend_csv(struct csv_out *w, bool machine, enum spend_by what, const struct spend_row *rows,
               int n, const struct spend_row *total);
/* spend_xlsx: a workbook of the table appended to o; amounts as numbers in kroner with two
 * decimals. 0 or ERR_IO. */
int spend_xlsx(struct buf *o, int year, enum spend_by what, const struct spend_row *rows, int n,
               const struct spend_row *total);

#endif
