/*
 * registry_io.h — enterprises in and out as files: CSV import (checked whole before anything is
 * written, with every problem reported as LINE:COLUMN), and export as CSV, JSON and XLSX: with
 * the import's columns for machines, or with Danish headings and labels for people.
 * Layer: capability domain (registry).
 *
 * Columns (header names, any order; only name and kommune are required):
 *   name, cvr, kommune (3-digit code), kind (soev or company; empty: soev), pipeline_since,
 *   established, rsv_registered, closed (YYYY-MM-DD or empty), entrepreneur (1/0, ja/nej),
 *   legal_form, origin, purposes, criteria, services, target_groups, other_kommuner,
 *   contact_name, contact_email, contact_phone, address, website, description, source.
 * List columns hold keys separated by '|': purposes social|health|environment; criteria
 * purpose|sells|reinvests|independent|cvr; services and target_groups the keys of the managed
 * lists; other_kommuner municipality codes. A column "home" (the export's, for one municipality)
 * is skipped.
 */
#ifndef INDGANG_REGISTRY_IO_H
#define INDGANG_REGISTRY_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/problems.h"
#include "registry.h"

struct arena;
struct buf;
struct db;
struct principal;

/* registry_import_csv: reads data[0..len) and, unless dry_run, writes all its enterprises: an
 * existing enterprise (same CVR, else same name in the same municipality) is updated with the
 * file's columns, others are created. Any problem anywhere in the file means nothing is
 * written; every row is checked (and by's right to write it) before anything is. A valid file
 * is written set-wise from a staging table in chunks of short transactions (about DB_SLICE_MS
 * each, with a pause between), so other processes' writers get the lock in between; each
 * enterprise written gets its audit line in its chunk; if writing fails part way, rep->committed rows
 * stay written, and importing the same file again finishes the job. Returns 0 (see rep),
 * ERR_INVALID (problems in rep), ERR_FORBIDDEN, ERR_UNAVAILABLE (the write lock not had in
 * time), ERR_DB. */
int registry_import_csv(struct db *db, struct arena *a, const struct principal *by,
                        const char *data, size_t len, bool dry_run, struct import_report *rep);
/* registry_import_file: registry_import_csv of the file at path, read through a mapping
 * whose pages are given back as the import reads on, so the memory it takes does not grow with
 * the file (a million rows take what a thousand do). Also ERR_IO when the file cannot be read. */
int registry_import_file(struct db *db, struct arena *a, const struct principal *by,
                         const char *path, bool dry_run, struct import_report *rep);
/* registry_import_csv_chunked: registry_import_csv (no dry run) writing chunk_rows lines per
 * transaction instead of as many as take about DB_SLICE_MS; for tests of a write that stops
 * between two chunks. */
int registry_import_csv_chunked(struct db *db, struct arena *a, const struct principal *by,
                                const char *data, size_t len, int chunk_rows,
                                struct import_report *rep);

enum export_format { EXPORT_CSV, EXPORT_JSON, EXPORT_XLSX };

/* how an export is written */
struct export_style {
	enum export_format format;
	char delim;      /* CSV: ',' or ';' */
	bool people;     /* CSV and XLSX for people (the pages' downloads): Danish headings, labels
	                  * and names instead of keys and codes, Ja/Nej, today's status, dates as
	                  * dates in the XLSX, no source column. false: the import's columns, so the
	                  * file imports as it was (the command line; the pages with ?raw=1). JSON is
	                  * always the import's columns. */
	const char *day; /* YYYY-MM-DD: the day whose status the people's files give */
};

/* registry_export: the command line's export: every enterprise of kommune (NULL: all) and kind
 * (REGISTRY_KIND_SOEV or _COMPANY; NULL: both) into out, in name order, with the import's
 * columns (CSV with commas): with a municipality, those whose home it is and those that work
 * with it (other_kommuner), and a last column "home" (1/0; JSON true/false) saying which. XLSX
 * needs a temporary file (libxlsxwriter writes files); its bytes end up in out. */
int registry_export(struct db *db, struct arena *a, const char *kommune, const char *kind,
                    enum export_format f, struct buf *out);
/* registry_export_query: every enterprise q selects (its search, filters and order; not its
 * paging), written as st says, appended to out (a CSV's byte-order mark, if any, is the
 * caller's). With q->kommune the last column says whether it is the enterprise's home ("home"
 * 1/0, or "Hjemme i kommunen" Ja/Nej). 0, ERR_DB, ERR_IO (XLSX), ERR_TOOBIG. */
int registry_export_query(struct db *db, struct arena *a, const struct registry_query *q,
                          const struct export_style *st, struct buf *out);

#endif
