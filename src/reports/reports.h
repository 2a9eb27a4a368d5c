/*
 * reports.h — the figures a municipality reports on and the national level reads: one
 * municipality's overview over five years, the 98 municipalities side by side, and the yearly
 * report (the 2015 report's chapter 3 for any year and survey round, with the same figures
 * counted from Indgang's own data beside the survey's).
 * Layer: capability domain (reports). It owns no tables: it gathers from the domains of the
 * registry, the entry point, the surveys, the placements (Tabel 4 from data) and the
 * municipalities, and asks access.h who may read. Counts of people (the placements) keep the
 * placements' statistical discretion: 1 and 2 as "<3" to whoever may not see them exactly. Knows no HTTP and no HTML; the writers are reports_write.c (JSON, XLSX) and
 * reports_html.c.
 */
#ifndef INDGANG_REPORTS_H
#define INDGANG_REPORTS_H

#include <stdbool.h>

#include "../employment/employment_stats.h"
#include "../entry/advisory.h"
#include "../entry/entry_stats.h"
#include "../kommune/kommune.h"
#include "../registry/registry.h"
#include "../surveys/surveys.h"

struct arena;
struct db;
struct principal;

/* ---------------------------------------------------------------- the municipality's overview */

#define REPORTS_YEARS 5 /* the years an overview shows, the chosen one last */

struct overview_year {
	int year;
	struct tabel1_row t1;     /* the municipality's row of Tabel 1 for the year */
	int closed;               /* social-economy enterprises closed within the year */
	struct inquiry_year inq;  /* inquiries received within the year */
	int sessions;             /* advisory sessions held within the year */
	struct employment_row emp; /* Tabel 4 from data: the placements that started within the
	                            * year (employment_stats), exact or with discretion (see
	                            * overview.emp_exact) */
};

struct overview {
	struct kommune k;
	int year;                                  /* the last year shown */
	struct overview_year years[REPORTS_YEARS]; /* year - 4 .. year, oldest first */
	int answer_days;                           /* the answer deadline in working days, today */
	struct month_count months[12];             /* advisory sessions in each month of year */
	bool emp_exact;                            /* the placements' counts are exact: who is
	                                            * staff of the municipality
	                                            * (access_counts_exact) */
};

/* reports_overview: the overview of kommune for the five years ending with year (1900-2200),
 * counted as of today (YYYY-MM-DD; the inquiries' open working days run to it): Tabel 1 per
 * year (registry_tabel1 restricted to kommune), the enterprises closed per year
 * (registry_closed_years), the inquiries per year against the answer deadline
 * (entry_stats_inquiry_years), the advisory sessions per year and per month of year
 * (advisory_stats), and Tabel 4 from data per year (employment_stats for kommune, exact when
 * access_counts_exact(who, kommune), else 1 and 2 as "<3"). Who may: access_figures(who,
 * kommune). Strings owned by a.
 * 0, ERR_FORBIDDEN, ERR_NOTFOUND (no such municipality), ERR_INVALID (year), ERR_DB. */
int reports_overview(struct db *db, struct arena *a, const struct principal *who,
                     const char *kommune, int year, const char *today, struct overview *out);

/* ---------------------------------------------------------------- the national view */

/* the key figures of one municipality, region or the whole country in one year */
struct national_figures {
	int soev;        /* Tabel 1's total: established and not closed on 31 December */
	int registered;  /* of those, RSV-registered */
	int established; /* established within the year */
	int inquiries;   /* inquiries received within the year */
	int sessions;    /* advisory sessions held within the year */
	/* placements that started within the year: the four counts of people of Tabel 4 from data
	 * (ordinary jobs, fleksjob at SØV and at companies, forløb at SØV) together; with the
	 * placements' discretion, so 1 and 2 are "<3" (value 0) unless who is staff of the
	 * municipality, and a subtotal is withheld ("..") when it would tell hidden ones */
	struct employment_cell placements;
};

enum national_sort {
	NS_NAME,        /* by name in Danish order (the default) */
	NS_SOEV,        /* the others: the year's figure, largest first, ties by name */
	NS_REGISTERED,
	NS_ESTABLISHED,
	NS_INQUIRIES,
	NS_SESSIONS,
	NS_PLACEMENTS,  /* by the shown value: "<3" as 0 */
	NS_COUNT
};

struct national_row {
	const char *kommune, *navn, *region;
	struct national_figures now, last; /* the year, and the year before */
};

struct national_region {
	const char *name;
	int first, n;                      /* its rows: rows[first .. first + n) */
	struct national_figures now, last; /* the subtotals */
};

struct national {
	int year;
	enum national_sort sort;
	struct national_row *rows;         /* every municipality, grouped by region, sorted within */
	int n;
	struct national_region *regions;   /* in the regions' official order (Nordjylland first) */
	int nregions;
	struct national_figures now, last; /* the whole country */
};

/* reports_national_sort_key / _parse: the names of the sort orders in a URL ("navn", "soev",
 * "registrerede", "nye", "henvendelser", "raadgivning", "forloeb"); parse gives 0 and *out, or
 * ERR_INVALID (*out untouched) for anything else, NULL included. */
const char *reports_national_sort_key(enum national_sort s);
int reports_national_sort_parse(const char *key, enum national_sort *out);

/* reports_national: every municipality (all 98, zeros included) with its key figures for year
 * and year - 1, grouped by region with the regions' subtotals and the country's total; within a
 * region sorted by sort. The placements are counted exactly (employment_stats) and shown with
 * discretion: a municipality's exactly to its own staff (access_counts_exact), 1 and 2 as "<3"
 * to everyone else; a subtotal or the total, counted from the exact numbers, as "<3" when 1 or
 * 2 and withheld as ".." when it and the shown cells would tell the hidden ones (one hidden
 * cell, or hidden cells that must all be 1 or all be 2), as employment_stats does. Who may: access_national_figures(who). Allocated in a.
 * 0, ERR_FORBIDDEN, ERR_INVALID (year outside 1901-2200 or sort out of range), ERR_DB. */
int reports_national(struct db *db, struct arena *a, const struct principal *who, int year,
                     enum national_sort sort, struct national *out);

/* ---------------------------------------------------------------- the yearly report */

#define REPORTS_T12_BUCKETS 5 /* Tabel 12's buckets: 0, 1-2, 3-5, 6-10, over 10 a month */

/* Tabel 12 counted from the advisory sessions: for each municipality that answered the round,
 * the bucket of the enterprises and entrepreneurs it advised in month (advisory_stats's
 * advised; a municipality without sessions that month is in bucket 0) */
struct yearly_t12 {
	char month[8];                    /* YYYY-MM */
	int counts[REPORTS_T12_BUCKETS];
	int municipalities;               /* the counts' sum: the round's respondents */
};

struct yearly {
	int year;
	struct survey s;
	struct round rd, cmp_rd;
	bool has_compare;
	struct report rep, cmp;           /* the survey's tables; cmp only with has_compare */
	const char **kommuner;            /* the municipalities that answered the round, NULL-ended */
	int nkommuner;
	/* Tabel 1 from the registry for the respondents (every municipality with a figure when the
	 * round has no respondents), and its growth: the same municipalities' total a year before */
	struct tabel1_row *t1;
	int nt1;
	struct tabel1_row t1_sum;
	int t1_total_before;              /* the total on 31 December of year - 1 */
	/* beside the survey's Tabel 2: the registry's enterprises by origin (registry_tabel2) */
	struct tabel2_row *t2;
	int nt2, t2_total;
	/* beside the survey's Tabel 12 (question t12): the advisory sessions' buckets */
	bool has_t12;
	struct yearly_t12 t12, t12_cmp;   /* t12_cmp only with has_compare */
	/* beside the survey's Tabel 4 (matrix question t4): Tabel 4 from data, the total of every
	 * municipality's placements that started within the year (employment_stats), always with
	 * discretion ("<3", ".."): the report is published */
	bool has_t4;
	struct employment_row t4;
};

/* reports_yearly: the yearly report for year (1900-2200) from survey code survey and its round
 * round (and compare, a second round of the same survey, or NULL): the survey's report of each
 * round (surveys_report), the respondents of round, Tabel 1 of the year for them with the total
 * a year before, the registry's Tabel 2 for them, and, when the survey has a single question
 * "t12" with five options (the 2015 survey's Tabel 12), Tabel 12 from the advisory sessions:
 * for round the month of its opening date, else of its closing date, else November of year (the
 * month the 2015 survey was sent); for compare the same from its own dates, else January of
 * year (the project's start); and, when the survey has a matrix question "t4", the total row of
 * Tabel 4 from data for year with discretion. out must stay where it is: its reports point into it. Who may:
 * access_national_figures(who) (the command line acts as
 * the administrator). Allocated in a. 0, ERR_FORBIDDEN, ERR_INVALID (year), ERR_NOTFOUND with
 * *missing naming what ("survey", "round" or "compare"), ERR_DB. */
int reports_yearly(struct db *db, struct arena *a, const struct principal *who, int year,
                   const char *survey, const char *round, const char *compare,
                   struct yearly *out, const char **missing);

/* reports_table_number: the number of the report's table that question i of s gives: N for a
 * question coded "tN" (N from 2 to 99, as the 2015 survey names them), else i + 2 (Tabel 1 is
 * the registry's). */
int reports_table_number(const struct survey *s, int i);
/* reports_compared: the second round's counts of question i of y, when y has a second round
 * and that round has answers to the question (the 2015 survey asked only Tabel 12 at the
 * project's start); else NULL. The HTML and XLSX show a second round's column only then; the
 * JSON always carries it. */
const struct qreport *reports_compared(const struct yearly *y, int i);
/* reports_month_parse: the year and month of "YYYY-MM" (month 1-12) into *year and *month:
 * true, or false (outputs untouched) for anything else. */
bool reports_month_parse(const char *s, int *year, int *month);
/* reports_month_da: "november 2015" for "2015-11" (allocated in a); s itself when it is no
 * month. */
const char *reports_month_da(struct arena *a, const char *s);
/* reports_round_name: the round's title, else its code. */
const char *reports_round_name(const struct round *rd);

/* ---------------------------------------------------------------- the writers (reports_write.c) */

struct buf;

/* reports_yearly_json: the report as one JSON document:
 *   {"year", "survey", "survey_title", "round", "round_title", "compare" (code or null),
 *    "respondents", "kommuner": [codes], "tables": [...]}
 * with the tables in the report's order. Tabel 1: {"table": "Tabel 1", "source": "registry",
 *   "title", "year", "rows": [{"kommune", "name", "total", "registered", "established",
 *   "pipeline"}], "total": {the four}, "growth": {"from_year", "from", "to"}}.
 * A survey table: {"table": "Tabel N", "source": "survey", "question" (code), "type", "text",
 *   "respondents", then by type: single and multi "options": [labels], "counts": [n],
 *   "answered"; matrix "options", "items": [{"key", "label", "counts", "answered"}]; number
 *   "answered", "sum", "min", "median", "max" (null without answers); text "answers":
 *   [{"kommune", "name", "text"}]}; with a second round a "compare" object with "round",
 *   "respondents" and the same members of its counts; beside Tabel 2, 4 and 12 a
 *   "from_data" object: Tabel 2 {"source": "registry", "title", "rows": [{"origin", "label",
 *   "count"}], "total"}, Tabel 4 {"source": "placements", "year", "counts": {"ordinary_jobs",
 *   "fleksjob_soev", "fleksjob_company", "forloeb_soev", "inhouse_companies"}} (each a number,
 *   or the string "<3" or ".."), Tabel 12 {"source": "advisory", "month", "counts",
 *   "municipalities"} and, with a second round, "compare": {"month", "counts",
 *   "municipalities"}. */
void reports_yearly_json(struct buf *o, const struct yearly *y);
/* reports_yearly_xlsx: the report as a workbook with one sheet per table ("Tabel 1", "Tabel 2",
 * ...), the survey's second round in the columns after the first's and the figures from data
 * under the survey's. 0 or ERR_IO. */
int reports_yearly_xlsx(struct buf *o, struct arena *a, const struct yearly *y);
/* reports_overview_xlsx: the overview as a workbook with one sheet per table: "Virksomheder"
 * (Tabel 1 and the closed per year), "Henvendelser" (per year), "Rådgivning" (per month of the
 * year), "Forløb og ansættelser" (Tabel 4 from data per year, hidden counts as the text "<3").
 * 0 or ERR_IO. */
int reports_overview_xlsx(struct buf *o, const struct overview *ov);
/* reports_national_xlsx: the national view as one sheet "Kommuner": a row per municipality in
 * the view's order with each figure of the year and the year before (a hidden count of
 * placements as the text "<3" or ".."), the regions' subtotals
 * after their municipalities and the country's total last. 0 or ERR_IO. */
int reports_national_xlsx(struct buf *o, const struct national *nat);

#endif
