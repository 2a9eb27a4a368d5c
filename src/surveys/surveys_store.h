/*
 * surveys_store.h — the SQL of surveys, rounds and answers. Layer: store of the surveys
 * capability: statements only.
 */
#ifndef INDGANG_SURVEYS_STORE_H
#define INDGANG_SURVEYS_STORE_H

#include "surveys.h"

int surveys_store_find(struct db *db, const char *code, int64_t *id, int *version);
int surveys_store_insert(struct db *db, const char *code, const char *title, int64_t *id);
int surveys_store_update(struct db *db, int64_t id, const char *title, int version);
int surveys_store_add_version(struct db *db, int64_t id, int version, const char *definition);
/* surveys_store_load: the survey's row, questions and choices into out */
int surveys_store_load(struct db *db, struct arena *a, const char *code, struct survey *out);
/* surveys_store_question_put: inserts or updates question code of the survey; *qid its id */
int surveys_store_question_put(struct db *db, int64_t survey_id, const struct question *q,
                               int position, int64_t *qid);
int surveys_store_question_delete(struct db *db, int64_t qid);
int surveys_store_choices_put(struct db *db, int64_t qid, const char *kind,
                              const struct choice *c, int n);
/* surveys_store_answers_count: answers to question qid (with item and option when not NULL) */
int surveys_store_answers_count(struct db *db, int64_t qid, const char *item, const char *option,
                                int *count);

int surveys_store_round_get(struct db *db, struct arena *a, int64_t survey_id, const char *code,
                            struct round *out);
int surveys_store_round_insert(struct db *db, int64_t survey_id, const char *code, int64_t *id);
int surveys_store_round_set(struct db *db, int64_t round_id, const char *title, const char *opens,
                            const char *closes);
int surveys_store_round_send_all(struct db *db, int64_t round_id);
int surveys_store_round_send(struct db *db, int64_t round_id, const char *kommune);
/* surveys_store_round_status: the municipalities the round was sent to, with their answer's
 * state, in Danish order of name */
int surveys_store_round_status(struct db *db, struct arena *a, int64_t round_id,
                               struct round_status **rows, int *n);
/* surveys_store_rounds_for: rounds sent to kommune (NULL: every round), newest first */
int surveys_store_rounds_for(struct db *db, struct arena *a, const char *kommune,
                             struct round_row **rows, int *n);

int surveys_store_response_get(struct db *db, struct arena *a, int64_t round_id,
                               const char *kommune, struct response *out);
/* the cells of response id; questions resolved against s */
int surveys_store_cells(struct db *db, struct arena *a, const struct survey *s, int64_t response_id,
                        struct response *out);
int surveys_store_response_put(struct db *db, int64_t round_id, const char *kommune, bool submit,
                               int64_t *id);
int surveys_store_cells_clear(struct db *db, int64_t response_id);
int surveys_store_cell_insert(struct db *db, int64_t response_id, const struct cell *c);
int surveys_store_reopen(struct db *db, int64_t round_id, const char *kommune);

/* report queries over submitted answers of the round */
struct report_respondent {
	int64_t response_id;
	const char *kommune, *navn; /* navn NULL if the municipality is not in kommuner */
};
/* surveys_store_report_respondents: the round's submitted responses in Danish order of the
 * municipality's name; strings owned by a */
int surveys_store_report_respondents(struct db *db, struct arena *a, int64_t round_id,
                                     struct report_respondent **rows, int *n);
/* a cell of a submitted answer; the strings are borrowed for the call only ("" where an item
 * or option does not apply, text NULL when there is none) */
struct report_cell {
	int64_t response_id, question_id;
	const char *item, *option, *text;
	bool has_number;
	long long number;
};
/* surveys_store_report_cells: calls fn for every cell of the round's submitted answers, in no
 * particular order */
int surveys_store_report_cells(struct db *db, int64_t round_id,
                               void (*fn)(void *, const struct report_cell *), void *ctx);
/* the submitted responses' ids and municipalities, by code */
int surveys_store_responses(struct db *db, struct arena *a, int64_t round_id, int64_t **ids,
                            const char ***kommuner, int *n);

#endif
