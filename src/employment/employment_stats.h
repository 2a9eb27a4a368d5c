/*
 * employment_stats.h — the report's Tabel 4 ("Forløb og ansættelser") counted from the
 * placements instead of guessed, with statistical discretion for small counts, written as JSON,
 * CSV and XLSX; and the 2015 survey's Tabel 4 (the municipalities' own assessment) to show
 * beside it. Layer: capability domain (employment), between the domain and the writers of
 * view/. Knows no HTTP and no HTML; SQL in employment_stats_store.c.
 *
 * Statistical discretion: a count of 1 or 2 people is shown as "<3" to anyone who may not see
 * exact small counts (access_counts_exact): the public, other municipalities and the national
 * administrator's view across municipalities. 0 stays 0 (no person can be singled out by a
 * zero, and the tables must show where nothing happened). A column's total is counted from the
 * exact numbers and then shown the same way; when the total and the shown cells would let one
 * work the hidden cells out (one hidden cell, or hidden cells that must all be 1 or all 2), the
 * total is withheld too and shown as ".." (Danmarks Statistik's mark for a figure withheld for
 * discretion).
 */
#ifndef INDGANG_EMPLOYMENT_STATS_H
#define INDGANG_EMPLOYMENT_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include "employment.h"

struct arena;
struct buf;
struct db;

/* the columns of Tabel 4 from data */
enum employment_column {
	EMP_ORDINARY_JOBS,      /* scheme ordinaer, at an enterprise of either kind */
	EMP_FLEKSJOB_SOEV,      /* scheme fleksjob at a social-economy enterprise (kind soev) */
	EMP_FLEKSJOB_COMPANY,   /* scheme fleksjob at an ordinary company (kind company) */
	EMP_FORLOEB_SOEV,       /* ressourceforloeb, praktik or loentilskud at a soev */
	EMP_INHOUSE_COMPANIES,  /* distinct companies (kind company) with an Inhouse placement */
	EMP_COLUMNS
};

struct employment_column_def {
	const char *key;   /* the JSON member and CSV column */
	const char *label; /* the Danish heading */
};
extern const struct employment_column_def employment_columns[EMP_COLUMNS];

/* how a count is shown */
enum employment_mark {
	EMP_EXACT,    /* value is the count */
	EMP_BELOW3,   /* 1 or 2, shown as "<3"; value is 0 */
	EMP_WITHHELD, /* a total withheld so a hidden cell cannot be worked out: ".."; value 0 */
};

struct employment_cell {
	int value;
	enum employment_mark mark;
};

/* employment_cell_from: count as shown to a caller for whom exact is (or is not) allowed: the
 * count itself when exact or not 1 or 2, else EMP_BELOW3 with value 0 (the exact number is not
 * kept, so no writer can give it away). */
struct employment_cell employment_cell_from(int count, bool exact);
/* employment_cell_text: the cell as text into out: the number, "<3" or "..". Returns out. */
const char *employment_cell_text(const struct employment_cell *c, char out[16]);

struct employment_row {
	const char *kommune, *navn;  /* the total row: kommune NULL, navn "I alt" */
	struct employment_cell cells[EMP_COLUMNS];
};

/* employment_stats: Tabel 4 from data for the placements that start in year (1 January to 31
 * December), counted by the placement's municipality (the citizen's when placed): one row per
 * municipality with at least one non-zero count, in Danish order of name, or, with kommune (3
 * digits), exactly that municipality's row (zeros included; ERR_NOTFOUND for an unknown code).
 * *total is the total row (for inhouse_companies the distinct companies over all rows, which
 * may be fewer than the rows' sum). exact false applies the discretion described above to the
 * rows and the total; true gives every count as it is (the municipality's own staff, the
 * command line). Allocates in a. ERR_NOTFOUND, ERR_DB. */
int employment_stats(struct db *db, struct arena *a, int year, const char *kommune, bool exact,
                     struct employment_row **rows, int *n, struct employment_row *total);

/* The writers, the same bytes for the API, the command line and the page's downloads:
 * JSON {"year": Y, "kommune": K or null, "exact": bool, "rows": [{"kommune", "name",
 *   "ordinary_jobs", "fleksjob_soev", "fleksjob_company", "forloeb_soev", "inhouse_companies"}],
 *   "total": {the five}}, each count a number or the string "<3" or "..";
 * CSV kommune,name,<the five keys> (comma, CRLF, like the project's other CSV files) with a last
 *   row ",I alt,..."; the same strings for hidden counts;
 * XLSX one sheet "Tabel 4" with Danish headings, numbers as numbers and hidden counts as the
 *   text "<3" or "..", and a note on discretion. employment_stats_xlsx returns 0 or ERR_IO. */
void employment_stats_json(struct buf *o, int year, const char *kommune, bool exact,
                           const struct employment_row *rows, int n,
                           const struct employment_row *total);
struct csv_out;
/* employment_stats_csv: the rows and the total into the CSV file w has begun; people gives the
 * Danish headings (Kommune, Kode, the columns' labels) of the page's download, else the keys
 * (kommune, name, ordinary_jobs, ...) of the command line's format for machines. */
void employment_stats_csv(struct csv_out *w, bool people, const struct employment_row *rows,
                          int n, const struct employment_row *total);
int employment_stats_xlsx(struct buf *o, int year, bool exact, const struct employment_row *rows,
                          int n, const struct employment_row *total);

/* ---- the survey's Tabel 4, to show beside the counts */

#define EMP_SURVEY_ITEMS 4 /* the survey's items a-d: the first four columns, in order */
#define EMP_SURVEY_OPTIONS 8

struct employment_survey {
	const char *survey_code, *survey_title, *round_code, *round_title;
	int respondents;                          /* municipalities that submitted */
	const char *options[EMP_SURVEY_OPTIONS];  /* the scale's labels, in order */
	int noptions;
	struct {
		const char *label;                    /* the survey's wording of the item */
		int counts[EMP_SURVEY_OPTIONS];       /* municipalities per scale step */
		int answered;
	} items[EMP_SURVEY_ITEMS];
	int nitems;
};

/* employment_survey_tabel4: the survey of year (code "soev-<year>", as data/surveys/ names it)
 * and its Tabel 4 (the matrix question "t4"), counted over the submitted answers of its latest
 * round that has any (the round with the latest closing date, else the newest): the counts of
 * all responding municipalities together, as the published report gives them, never one
 * municipality's answer. *found false (and 0) when the year has no such survey, question or
 * answers. Allocates in a. ERR_DB. */
int employment_survey_tabel4(struct db *db, struct arena *a, int year,
                             struct employment_survey *out, bool *found);

#endif
