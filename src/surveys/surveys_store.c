/*
 * surveys_store.c — the SQL of surveys, rounds and answers. Layer: store of the surveys
 * capability.
 */
#include "surveys_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* An optional text filter reads CAST(:x AS text) IS NULL OR c = :x: PostgreSQL types a parameter
 * where it first sees it, and IS NULL alone gives it none. */

int surveys_store_find(struct db *db, const char *code, int64_t *id, int *version)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, version FROM surveys WHERE code = :code");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":code", code) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		*id = db_col_int(s, 0);
		*version = (int)db_col_int(s, 1);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int surveys_store_insert(struct db *db, const char *code, const char *title, int64_t *id)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO surveys (code, title, version, created_at, updated_at)"
	                                   " VALUES (:code, :title, 1, " NOW ", " NOW ")");
	int rc = db_run(s, s ? db_bind_text(s, ":code", code) | db_bind_text(s, ":title", title) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int surveys_store_update(struct db *db, int64_t id, const char *title, int version)
{
	struct db_stmt *s = db_prepare(db, "UPDATE surveys SET title = :title, version = :v,"
	                                   " updated_at = " NOW " WHERE id = :id");
	return db_run(s, s ? db_bind_text(s, ":title", title) | db_bind_int(s, ":v", version) |
	                         db_bind_int(s, ":id", id) : 0);
}

int surveys_store_add_version(struct db *db, int64_t id, int version, const char *definition)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO survey_versions (survey_id, version, definition,"
	                                   " created_at) VALUES (:id, :v, :def, " NOW ")");
	return db_run(s, s ? db_bind_int(s, ":id", id) | db_bind_int(s, ":v", version) |
	                         db_bind_text(s, ":def", definition) : 0);
}

static const enum qtype types[] = {Q_SINGLE, Q_MULTI, Q_MATRIX, Q_NUMBER, Q_TEXT};

int surveys_store_load(struct db *db, struct arena *a, const char *code, struct survey *out)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, code, title, version FROM surveys WHERE code = :code");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":code", code) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		memset(out, 0, sizeof(*out));
		out->id = db_col_int(s, 0);
		out->code = db_col_dup(a, s, 1);
		out->title = db_col_dup(a, s, 2);
		out->version = (int)db_col_int(s, 3);
	}
	db_done(s);
	if (rc != DB_ROW)
		return rc == DB_DONE ? ERR_NOTFOUND : rc;
	s = db_prepare(db, "SELECT count(*) FROM survey_questions WHERE survey_id = :id");
	if (!s || db_bind_int(s, ":id", out->id) || db_step(s) != DB_ROW) {
		db_done(s);
		return ERR_DB;
	}
	int nq = (int)db_col_int(s, 0);
	db_done(s);
	out->questions = arena_alloc(a, sizeof(struct question) * (size_t)(nq + 1));
	s = db_prepare(db, "SELECT id, code, text, help, type, required, min_value, max_value"
	                   " FROM survey_questions WHERE survey_id = :id ORDER BY position");
	if (!s || db_bind_int(s, ":id", out->id)) {
		db_done(s);
		return ERR_DB;
	}
	while ((rc = db_step(s)) == DB_ROW && out->nquestions < nq) {
		struct question *q = &out->questions[out->nquestions++];
		q->id = db_col_int(s, 0);
		q->code = db_col_dup(a, s, 1);
		q->text = db_col_dup(a, s, 2);
		q->help = db_col_dup(a, s, 3);
		const char *t = db_col_text(s, 4);
		for (int i = 0; i < 5; i++)
			if (!strcmp(t, surveys_type_name(types[i])))
				q->type = types[i];
		q->required = db_col_int(s, 5) != 0;
		q->has_min = !db_col_null(s, 6);
		q->min = db_col_int(s, 6);
		q->has_max = !db_col_null(s, 7);
		q->max = db_col_int(s, 7);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	/* the choices of every question in one pass */
	s = db_prepare(db, "SELECT c.question_id, c.kind, c.key, c.label FROM survey_choices c"
	                   " JOIN survey_questions q ON q.id = c.question_id WHERE q.survey_id = :id"
	                   " ORDER BY q.position, c.kind, c.position");
	if (!s || db_bind_int(s, ":id", out->id)) {
		db_done(s);
		return ERR_DB;
	}
	struct question *cur = NULL;
	size_t cap_o = 0, cap_i = 0;
	while ((rc = db_step(s)) == DB_ROW) {
		int64_t qid = db_col_int(s, 0);
		if (!cur || cur->id != qid) {
			cur = NULL;
			for (int i = 0; i < out->nquestions; i++)
				if (out->questions[i].id == qid)
					cur = &out->questions[i];
			cap_o = cap_i = 0;
			if (!cur)
				continue;
		}
		bool item = !strcmp(db_col_text(s, 1), "item");
		struct choice **arr = item ? &cur->items : &cur->options;
		int *nptr = item ? &cur->nitems : &cur->noptions;
		size_t *cap = item ? &cap_i : &cap_o;
		size_t n = (size_t)*nptr;
		struct choice *c = ARENA_PUSH(a, *arr, n, *cap);
		*nptr = (int)n;
		c->key = db_col_dup(a, s, 2);
		c->label = db_col_dup(a, s, 3);
	}
	db_done(s);
	return rc < 0 ? rc : 0;
}

int surveys_store_question_put(struct db *db, int64_t survey_id, const struct question *q,
                               int position, int64_t *qid)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO survey_questions (survey_id, code, position, type, text, help, required,"
		" min_value, max_value) VALUES (:sid, :code, :pos, :type, :text, :help, :req, :min, :max)"
		" ON CONFLICT (survey_id, code) DO UPDATE SET position = excluded.position,"
		" type = excluded.type, text = excluded.text, help = excluded.help,"
		" required = excluded.required, min_value = excluded.min_value,"
		" max_value = excluded.max_value RETURNING id");
	if (!s)
		return ERR_DB;
	int b = db_bind_int(s, ":sid", survey_id) | db_bind_text(s, ":code", q->code) |
	        db_bind_int(s, ":pos", position) | db_bind_text(s, ":type", surveys_type_name(q->type)) |
	        db_bind_text(s, ":text", q->text) | db_bind_text(s, ":help", q->help ? q->help : "") |
	        db_bind_int(s, ":req", q->required) |
	        (q->has_min ? db_bind_int(s, ":min", q->min) : db_bind_null(s, ":min")) |
	        (q->has_max ? db_bind_int(s, ":max", q->max) : db_bind_null(s, ":max"));
	int rc = b ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*qid = db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc < 0 ? rc : ERR_DB;
}

int surveys_store_question_delete(struct db *db, int64_t qid)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM survey_questions WHERE id = :id");
	return db_run(s, s ? db_bind_int(s, ":id", qid) : 0);
}

int surveys_store_choices_put(struct db *db, int64_t qid, const char *kind,
                              const struct choice *c, int n)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM survey_choices WHERE question_id = :q AND kind = :kind");
	int rc = db_run(s, s ? db_bind_int(s, ":q", qid) | db_bind_text(s, ":kind", kind) : 0);
	for (int i = 0; rc == 0 && i < n; i++) {
		s = db_prepare(db, "INSERT INTO survey_choices (question_id, kind, key, label, position)"
		                   " VALUES (:q, :kind, :key, :label, :pos)");
		rc = db_run(s, s ? db_bind_int(s, ":q", qid) | db_bind_text(s, ":kind", kind) |
		                       db_bind_text(s, ":key", c[i].key) |
		                       db_bind_text(s, ":label", c[i].label) | db_bind_int(s, ":pos", i) : 0);
	}
	return rc;
}

int surveys_store_answers_count(struct db *db, int64_t qid, const char *item, const char *option,
                                int *count)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM survey_answers WHERE question_id = :q"
	                                   " AND (CAST(:item AS text) IS NULL OR item = :item)"
	                                   " AND (CAST(:option AS text) IS NULL OR option = :option)");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":q", qid) | db_bind_text(s, ":item", item) |
	         db_bind_text(s, ":option", option) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*count = (int)db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

int surveys_store_round_get(struct db *db, struct arena *a, int64_t survey_id, const char *code,
                            struct round *out)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, code, title, opens, closes FROM survey_rounds"
	                                   " WHERE survey_id = :sid AND code = :code");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":sid", survey_id) | db_bind_text(s, ":code", code) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		out->id = db_col_int(s, 0);
		out->code = db_col_dup(a, s, 1);
		out->title = db_col_dup(a, s, 2);
		out->opens = db_col_dup(a, s, 3);
		out->closes = db_col_dup(a, s, 4);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int surveys_store_round_insert(struct db *db, int64_t survey_id, const char *code, int64_t *id)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO survey_rounds (survey_id, code, created_at)"
	                                   " VALUES (:sid, :code, " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":sid", survey_id) | db_bind_text(s, ":code", code) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int surveys_store_round_set(struct db *db, int64_t round_id, const char *title, const char *opens,
                            const char *closes)
{
	struct db_stmt *s = db_prepare(db, "UPDATE survey_rounds SET title = :title, opens = :opens,"
	                                   " closes = :closes WHERE id = :id");
	return db_run(s, s ? db_bind_text(s, ":title", title ? title : "") | db_bind_text(s, ":opens", opens) |
	                         db_bind_text(s, ":closes", closes) | db_bind_int(s, ":id", round_id) : 0);
}

int surveys_store_round_send_all(struct db *db, int64_t round_id)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO survey_round_kommuner (round_id, kommune)"
	                                   " SELECT :r, kode FROM kommuner WHERE true"
	                                   " ON CONFLICT DO NOTHING");
	return db_run(s, s ? db_bind_int(s, ":r", round_id) : 0);
}

int surveys_store_round_send(struct db *db, int64_t round_id, const char *kommune)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO survey_round_kommuner (round_id, kommune)"
	                                   " VALUES (:r, :k) ON CONFLICT DO NOTHING");
	return db_run(s, s ? db_bind_int(s, ":r", round_id) | db_bind_text(s, ":k", kommune) : 0);
}

int surveys_store_round_status(struct db *db, struct arena *a, int64_t round_id,
                               struct round_status **rows, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT k.kode, k.navn, r.submitted_at, r.updated_at, r.id IS NOT NULL, coalesce(r.reopened, 0)"
		" FROM survey_round_kommuner rk JOIN kommuner k ON k.kode = rk.kommune"
		" LEFT JOIN survey_responses r ON r.round_id = rk.round_id AND r.kommune = rk.kommune"
		" WHERE rk.round_id = :r ORDER BY k.navn COLLATE da");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":r", round_id)) {
		db_done(s);
		return ERR_DB;
	}
	struct round_status *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct round_status *r = ARENA_PUSH(a, out, count, cap);
		r->kommune = db_col_dup(a, s, 0);
		r->navn = db_col_dup(a, s, 1);
		r->submitted_at = db_col_dup(a, s, 2);
		r->updated_at = db_col_dup(a, s, 3);
		r->answered = db_col_int(s, 4) != 0;
		r->reopened = db_col_int(s, 5) != 0;
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int surveys_store_rounds_for(struct db *db, struct arena *a, const char *kommune,
                             struct round_row **rows, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT sv.code, sv.title, rd.code, rd.title, rd.opens, rd.closes, r.submitted_at,"
		" r.id IS NOT NULL FROM survey_rounds rd JOIN surveys sv ON sv.id = rd.survey_id"
		" LEFT JOIN survey_responses r ON r.round_id = rd.id AND r.kommune = :k"
		" WHERE CAST(:k AS text) IS NULL"
		" OR rd.id IN (SELECT round_id FROM survey_round_kommuner WHERE kommune = :k)"
		" ORDER BY rd.id DESC");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":k", kommune)) {
		db_done(s);
		return ERR_DB;
	}
	struct round_row *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct round_row *r = ARENA_PUSH(a, out, count, cap);
		r->survey_code = db_col_dup(a, s, 0);
		r->survey_title = db_col_dup(a, s, 1);
		r->round_code = db_col_dup(a, s, 2);
		r->round_title = db_col_dup(a, s, 3);
		r->opens = db_col_dup(a, s, 4);
		r->closes = db_col_dup(a, s, 5);
		r->submitted_at = db_col_dup(a, s, 6);
		r->answered = db_col_int(s, 7) != 0;
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int surveys_store_response_get(struct db *db, struct arena *a, int64_t round_id,
                               const char *kommune, struct response *out)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, submitted_at, reopened FROM survey_responses"
	                                   " WHERE round_id = :r AND kommune = :k");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":r", round_id) | db_bind_text(s, ":k", kommune) ? ERR_DB : db_step(s);
	memset(out, 0, sizeof(*out));
	out->kommune = arena_strdup(a, kommune);
	if (rc == DB_ROW) {
		out->id = db_col_int(s, 0);
		out->submitted_at = db_col_dup(a, s, 1);
		out->reopened = db_col_int(s, 2) != 0;
	}
	db_done(s);
	return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

int surveys_store_cells(struct db *db, struct arena *a, const struct survey *sv, int64_t response_id,
                        struct response *out)
{
	/* in the primary key's order, which SQLite reads anyway and PostgreSQL then gives too */
	struct db_stmt *s = db_prepare(db, "SELECT question_id, item, option, number, text"
	                                   " FROM survey_answers WHERE response_id = :id"
	                                   " ORDER BY question_id, item, option");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":id", response_id)) {
		db_done(s);
		return ERR_DB;
	}
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		int64_t qid = db_col_int(s, 0);
		const struct question *q = NULL;
		for (int i = 0; i < sv->nquestions && !q; i++)
			if (sv->questions[i].id == qid)
				q = &sv->questions[i];
		if (!q)
			continue;
		struct cell c = {.q = q, .item = db_col_dup(a, s, 1), .option = db_col_dup(a, s, 2),
		                 .has_number = !db_col_null(s, 3), .number = db_col_int(s, 3),
		                 .text = db_col_dup(a, s, 4)};
		surveys_cell_add(a, out, &c);
	}
	db_done(s);
	return rc < 0 ? rc : 0;
}

int surveys_store_response_put(struct db *db, int64_t round_id, const char *kommune, bool submit,
                               int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO survey_responses (round_id, kommune, submitted_at, updated_at)"
		" VALUES (:r, :k, CASE WHEN :submit <> 0 THEN " NOW " END, " NOW ")"
		" ON CONFLICT (round_id, kommune) DO UPDATE SET updated_at = excluded.updated_at,"
		" submitted_at = excluded.submitted_at,"
		" reopened = CASE WHEN :submit <> 0 THEN 0 ELSE survey_responses.reopened END RETURNING id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":r", round_id) | db_bind_text(s, ":k", kommune) |
	         db_bind_int(s, ":submit", submit) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc < 0 ? rc : ERR_DB;
}

int surveys_store_cells_clear(struct db *db, int64_t response_id)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM survey_answers WHERE response_id = :id");
	return db_run(s, s ? db_bind_int(s, ":id", response_id) : 0);
}

int surveys_store_cell_insert(struct db *db, int64_t response_id, const struct cell *c)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO survey_answers (response_id,"
	                                   " question_id, item, option, number, text)"
	                                   " VALUES (:r, :q, :item, :option, :number, :text)"
	                                   " ON CONFLICT (response_id, question_id, item, option)"
	                                   " DO UPDATE SET number = excluded.number, text = excluded.text");
	return db_run(s, s ? db_bind_int(s, ":r", response_id) | db_bind_int(s, ":q", c->q->id) |
	                         db_bind_text(s, ":item", c->item ? c->item : "") |
	                         db_bind_text(s, ":option", c->option ? c->option : "") |
	                         (c->has_number ? db_bind_int(s, ":number", c->number)
	                                        : db_bind_null(s, ":number")) |
	                         db_bind_text(s, ":text", c->text) : 0);
}

int surveys_store_reopen(struct db *db, int64_t round_id, const char *kommune)
{
	struct db_stmt *s = db_prepare(db, "UPDATE survey_responses SET submitted_at = NULL, reopened = 1,"
	                                   " updated_at = " NOW " WHERE round_id = :r AND kommune = :k");
	int rc = db_run(s, s ? db_bind_int(s, ":r", round_id) | db_bind_text(s, ":k", kommune) : 0);
	return rc == 0 && db_changes(db) == 0 ? ERR_NOTFOUND : rc;
}

/* the report reads a round in two statements, whatever the number of questions: the
 * respondents (98 rows, the only ones sorted with the Danish collation) and every cell of
 * their answers in one pass (about 11,000 rows for 60 questions), counted in C. One statement
 * per question and a GROUP BY per count cost 15 ms a round for 98 × 60 (docs/performance.md). */
int surveys_store_report_respondents(struct db *db, struct arena *a, int64_t round_id,
                                     struct report_respondent **rows, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT r.id, r.kommune, k.navn FROM survey_responses r"
	                                   " LEFT JOIN kommuner k ON k.kode = r.kommune"
	                                   " WHERE r.round_id = :round AND r.submitted_at IS NOT NULL"
	                                   " ORDER BY k.navn COLLATE da, r.id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":round", round_id) ? ERR_DB : 0;
	struct report_respondent *out = NULL;
	size_t count = 0, cap = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		struct report_respondent *r = ARENA_PUSH(a, out, count, cap);
		r->response_id = db_col_int(s, 0);
		r->kommune = db_col_dup(a, s, 1);
		r->navn = db_col_dup(a, s, 2);
		rc = 0;
	}
	db_done(s);
	if (rc != DB_DONE && rc != 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int surveys_store_report_cells(struct db *db, int64_t round_id,
                               void (*fn)(void *, const struct report_cell *), void *ctx)
{
	/* ordered as SQLite reads them without a sort (the responses by (round_id, kommune), each
	 * one's answers by the primary key), so that PostgreSQL gives the same order: a
	 * respondent's texts keep it in the report */
	struct db_stmt *s = db_prepare(db, "SELECT a.response_id, a.question_id, a.item, a.option,"
	                                   " a.number, a.text FROM survey_responses r"
	                                   " JOIN survey_answers a ON a.response_id = r.id"
	                                   " WHERE r.round_id = :round AND r.submitted_at IS NOT NULL"
	                                   " ORDER BY r.kommune, a.question_id, a.item, a.option");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":round", round_id) ? ERR_DB : 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		struct report_cell c = {.response_id = db_col_int(s, 0), .question_id = db_col_int(s, 1),
		                        .item = db_col_text(s, 2), .option = db_col_text(s, 3),
		                        .has_number = !db_col_null(s, 4), .number = db_col_int(s, 4),
		                        .text = db_col_text(s, 5)};
		fn(ctx, &c);
		rc = 0;
	}
	db_done(s);
	return rc == DB_DONE || rc == 0 ? 0 : rc;
}

int surveys_store_responses(struct db *db, struct arena *a, int64_t round_id, int64_t **ids,
                            const char ***kommuner, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, kommune FROM survey_responses"
	                                   " WHERE round_id = :round AND submitted_at IS NOT NULL"
	                                   " ORDER BY kommune");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":round", round_id) ? ERR_DB : 0;
	int64_t *i_out = NULL;
	const char **k_out = NULL;
	size_t count = 0, cap = 0, nk = 0, cap_k = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		*ARENA_PUSH(a, i_out, count, cap) = db_col_int(s, 0);
		*ARENA_PUSH(a, k_out, nk, cap_k) = db_col_dup(a, s, 1);
		rc = 0;
	}
	db_done(s);
	if (rc != DB_DONE && rc != 0)
		return rc;
	*ids = i_out;
	*kommuner = k_out;
	*n = (int)count;
	return 0;
}
