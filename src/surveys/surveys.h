/*
 * surveys.h — questionnaires sent to municipalities in rounds, their answers, and the report
 * in the layout of the 2015 report's chapter 3.
 * Layer: capability domain (surveys). Knows no HTTP and no HTML; its SQL is in surveys_store.c.
 */
#ifndef INDGANG_SURVEYS_H
#define INDGANG_SURVEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/problems.h"

struct arena;
struct db;
struct errs;
struct principal;

enum qtype { Q_SINGLE, Q_MULTI, Q_MATRIX, Q_NUMBER, Q_TEXT };

struct choice {
	const char *key;
	const char *label;
};

struct question {
	int64_t id;
	const char *code, *text, *help;
	enum qtype type;
	bool required;
	bool has_min, has_max;
	long long min, max;        /* number questions */
	struct choice *options;    /* single, multi, matrix: in order */
	int noptions;
	struct choice *items;      /* matrix: in order */
	int nitems;
};

struct survey {
	int64_t id;
	const char *code, *title;
	int version;
	struct question *questions;
	int nquestions;
};

struct round {
	int64_t id;
	const char *code, *title, *opens, *closes; /* dates may be NULL */
};

const char *surveys_type_name(enum qtype t);

/* surveys_define: creates or updates the survey described by the JSON definition text (see
 * docs/surveys.md). Problems go to errs with field = the member's path ("questions[3].options").
 * A change that would orphan answers (a question, option or item with answers removed, or a
 * question's type changed) is refused with ERR_CONFLICT and a message saying which. *created
 * tells whether it was new. Audited. */
int surveys_define(struct db *db, struct arena *a, const struct principal *by, const char *json,
                   size_t len, struct errs *errs, int64_t *id, bool *created);
/* surveys_load: the survey with its questions and choices; ERR_NOTFOUND. */
int surveys_load(struct db *db, struct arena *a, const char *code, struct survey *out);
/* surveys_round: the round of survey; ERR_NOTFOUND. */
int surveys_round(struct db *db, struct arena *a, const struct survey *s, const char *code,
                  struct round *out);
/* surveys_round_ensure: the round, created (open, sent to nobody yet) if missing; inside the
 * caller's write transaction. */
int surveys_round_ensure(struct db *db, struct arena *a, const struct survey *s, const char *code,
                         struct round *out);
/* surveys_round_send: creates round send->code of s with its title and dates and sends it to
 * the municipalities in send->kommuner ("740,621"; empty: all 98). Field errors for code,
 * opens, closes, kommuner; ERR_CONFLICT (on "code") if the round exists. Admin only. */
struct round_send {
	const char *code, *title, *opens, *closes, *kommuner;
};
int surveys_round_send(struct db *db, struct arena *a, const struct principal *by,
                       const struct survey *s, const struct round_send *send, struct errs *errs);
/* a round as the survey list shows it: answered and submitted_at tell the state of the
 * viewer's municipality's answer (false and NULL for the national administrator) */
struct round_row {
	const char *survey_code, *survey_title, *round_code, *round_title, *opens, *closes;
	const char *submitted_at;
	bool answered;
};
/* surveys_rounds_for: the rounds who may see, newest first, every one (allocated in a): for the
 * national administrator every round of every survey, for anyone else signed in the rounds sent
 * to their municipality. ERR_FORBIDDEN for nobody signed in or an account without a
 * municipality; ERR_DB. */
int surveys_rounds_for(struct db *db, struct arena *a, const struct principal *who,
                       struct round_row **rows, int *n);
/* one municipality a round was sent to, and the state of its answer */
struct round_status {
	const char *kommune, *navn;
	const char *submitted_at, *updated_at; /* NULL: not submitted / no answer yet */
	bool answered, reopened;
};
/* surveys_round_status: every municipality rd was sent to, in Danish order of name, with the
 * state of its answer (allocated in a). National administrator only: ERR_FORBIDDEN; ERR_DB. */
int surveys_round_status(struct db *db, struct arena *a, const struct principal *who,
                         const struct round *rd, struct round_status **rows, int *n);
/* surveys_round_closed: true if today is after the round's closing date. */
bool surveys_round_closed(const struct round *r, const char *today);
/* surveys_question: the question with code, or NULL. */
const struct question *surveys_question(const struct survey *s, const char *code);
/* surveys_choice_index: the position of key in choices, or -1. */
int surveys_choice_index(const struct choice *c, int n, const char *key);

/* ---- one municipality's answer */
struct cell {
	const struct question *q;
	const char *item;   /* matrix item key, else "" */
	const char *option; /* chosen option key (single, multi, matrix), else "" */
	bool has_number;
	long long number;
	const char *text;
};

struct response {
	int64_t id;                /* 0 when there is none yet */
	const char *kommune;
	const char *submitted_at;  /* NULL: a draft */
	bool reopened;             /* reopened by the administrator after closing */
	struct cell *cells;
	int ncells, cap;
};

/* surveys_cell_add: appends a cell (the array grows in a). */
void surveys_cell_add(struct arena *a, struct response *r, const struct cell *c);
/* surveys_response_load: kommune's answer to the round (id 0 and no cells if none). */
int surveys_response_load(struct db *db, struct arena *a, const struct survey *s,
                          const struct round *rd, const char *kommune, struct response *out);
/* surveys_submitted: the round's submitted answers with their cells, in order of municipality
 * code, every one (allocated in a). Asks no access: like surveys_report, it is for callers
 * that have checked (the report's pages) or act for the nation (the command line). ERR_DB. */
int surveys_submitted(struct db *db, struct arena *a, const struct survey *s,
                      const struct round *rd, struct response **out, int *n);
/* surveys_question_name: how a message names question q (and its matrix item, or NULL): its
 * text in «», shortened at a word to about 90 characters; owned by a. */
const char *surveys_question_name(struct arena *a, const struct question *q, const char *item);
/* surveys_check: validates r's cells against the questions (keys, ranges; with submit, the
 * required questions); field errors named by question code ("t4.a" for an item). */
int surveys_check(struct arena *a, const struct survey *s, const struct response *r, bool submit,
                  struct errs *errs);
/* surveys_save: replaces kommune's answer to the round with r's cells, as a draft or submitted.
 * Who may: the municipality's konsulent while the round is open (or reopened), or the national
 * administrator (the command line's imports act as one). Audited. */
int surveys_save(struct db *db, struct arena *a, const struct principal *by,
                 const struct survey *s, const struct round *rd, struct response *r, bool submit,
                 struct errs *errs);
/* surveys_write: surveys_save's writes (no checks of the cells) inside the caller's write
 * transaction; imports write many answers in one. */
int surveys_write(struct db *db, struct arena *a, const struct principal *by,
                  const struct survey *s, const struct round *rd, struct response *r, bool submit);
/* surveys_remind: puts a reminder in the outbox to every active konsulent of each municipality
 * the round was sent to that has not submitted; *sent gets how many messages. Admin only. */
int surveys_remind(struct db *db, struct arena *a, const struct principal *by,
                   const struct survey *s, const struct round *rd, int *sent);
/* surveys_reopen: lets kommune's konsulent change a submitted answer again (admin only). */
int surveys_reopen(struct db *db, struct arena *a, const struct principal *by,
                   const struct round *rd, const char *kommune);

/* ---- import and export of the wide format survey tools use */
/* surveys_import_csv: one row per municipality; columns kommune, then one per single, number
 * and text question (its code), one per matrix item (CODE.ITEM, an option key) and one per
 * multi option (CODE.OPTION, 1 chosen or 0/empty). All-or-nothing; a municipality's row
 * replaces its earlier answer to the round, submitted. The round is created if missing. */
int surveys_import_csv(struct db *db, struct arena *a, const struct principal *by,
                       const struct survey *s, const char *round, const char *data, size_t len,
                       struct import_report *rep);
struct buf;
/* surveys_export_csv: the round's submitted answers in the import's format. */
int surveys_export_csv(struct db *db, struct arena *a, const struct survey *s,
                       const struct round *rd, struct buf *out);

/* ---- the report */
struct qreport {
	const struct question *q;
	int answered;            /* respondents who answered (multi: chose at least one) */
	int *counts;             /* single, multi: per option */
	int *item_answered;      /* matrix: per item */
	int *item_counts;        /* matrix: [item * noptions + option] */
	int n;                   /* number: answers */
	long long sum, min, max;
	double median;
	struct text_answer { const char *kommune, *navn, *text; } *texts; /* text: by municipality */
	int ntexts;
};

struct report {
	const struct survey *s;
	const struct round *rd;
	int respondents;
	struct qreport *q;       /* one per question, in the survey's order */
};

/* surveys_report: counts over the round's submitted answers. */
int surveys_report(struct db *db, struct arena *a, const struct survey *s, const struct round *rd,
                   struct report *out);
/* surveys_table_name: what the report calls question i of s, into out (cap bytes): "Tabel N"
 * for a code tN (the 2015 report's tables, numbered as there), else "Spørgsmål K" with K its
 * place in the survey. */
void surveys_table_name(const struct survey *s, int i, char *out, size_t cap);

/* surveys_report_json / _csv / _xlsx: the report written out (the HTML page is
 * surveys_report_html.c's). cmp, when not NULL, is a second round of the same survey, given side
 * by side: JSON a "compare" object at the top (round, respondents) and in every question (round
 * and the question's counts as for the first round); CSV a second count column; XLSX the
 * second round's columns after the first's. The free-text answers are the first round's only.
 * JSON is for machines (codes and keys); CSV and XLSX are for people: the CSV's rows are
 * Tabel;Spørgsmål;Delspørgsmål;Kommune;Svar;Antal (with a second round "Antal (RUNDE)" for
 * each), every row as many fields, an "I alt" row per table, a free-text answer with its
 * municipality and an empty count; the XLSX has a sheet per table named as the table. */
struct csv_out;
void surveys_report_json(struct buf *o, const struct report *r, const struct report *cmp);
void surveys_report_csv(struct csv_out *w, const struct report *r, const struct report *cmp);
int surveys_report_xlsx(struct buf *o, struct arena *a, const struct report *r, const struct report *cmp);

#endif
