/*
 * surveys.c — questionnaire definitions, rounds and one municipality's answer: the rules.
 * Layer: capability domain (surveys). Definitions are JSON, read with jansson.
 */
#include "surveys.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../mail/mail.h"
#include "../store/db.h"
#include "surveys_store.h"

#define MAX_QUESTIONS 500
#define MAX_CHOICES 100

const char *surveys_type_name(enum qtype t)
{
	static const char *names[] = {"single", "multi", "matrix", "number", "text"};
	return names[t];
}

const struct question *surveys_question(const struct survey *s, const char *code)
{
	for (int i = 0; i < s->nquestions; i++)
		if (!strcmp(s->questions[i].code, code))
			return &s->questions[i];
	return NULL;
}

int surveys_choice_index(const struct choice *c, int n, const char *key)
{
	for (int i = 0; key && i < n; i++)
		if (!strcmp(c[i].key, key))
			return i;
	return -1;
}

/* a key: 1-32 of [a-z0-9_-], so it can stand in a column name after a dot */
static bool key_ok(const char *k)
{
	size_t n = strlen(k);
	if (n < 1 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((k[i] >= 'a' && k[i] <= 'z') || (k[i] >= '0' && k[i] <= '9') || k[i] == '_' || k[i] == '-'))
			return false;
	return true;
}

static const char *str_member(struct arena *a, json_t *o, const char *name, const char *path,
                              bool required, struct errs *errs)
{
	json_t *v = json_object_get(o, name);
	if (!v || json_is_null(v)) {
		if (required)
			errs_add(errs, arena_printf(a, "%s.%s", path, name), "mangler.");
		return NULL;
	}
	if (!json_is_string(v) || !json_string_length(v)) {
		errs_add(errs, arena_printf(a, "%s.%s", path, name), "skal være en tekst, der ikke er tom.");
		return NULL;
	}
	return arena_strdup(a, json_string_value(v));
}

static int parse_choices(struct arena *a, json_t *q, const char *name, const char *path,
                         struct choice **out, int *n, struct errs *errs)
{
	json_t *arr = json_object_get(q, name);
	char *p = arena_printf(a, "%s.%s", path, name);
	if (!json_is_array(arr) || json_array_size(arr) == 0 || json_array_size(arr) > MAX_CHOICES)
		return errs_add(errs, p, arena_printf(a, "skal være en liste med 1 til %d elementer.", MAX_CHOICES));
	*n = (int)json_array_size(arr);
	*out = arena_alloc(a, sizeof(**out) * (size_t)*n);
	for (int i = 0; i < *n; i++) {
		json_t *c = json_array_get(arr, (size_t)i);
		char *cp = arena_printf(a, "%s[%d]", p, i);
		if (!json_is_object(c)) {
			errs_add(errs, cp, "skal være et objekt med key og label.");
			continue;
		}
		(*out)[i].key = str_member(a, c, "key", cp, true, errs);
		(*out)[i].label = str_member(a, c, "label", cp, true, errs);
		if ((*out)[i].key && !key_ok((*out)[i].key))
			errs_add(errs, arena_printf(a, "%s.key", cp), "må kun bestå af a-z, 0-9, _ og - (højst 32 tegn).");
		for (int k = 0; k < i; k++)
			if ((*out)[i].key && (*out)[k].key && !strcmp((*out)[i].key, (*out)[k].key))
				errs_add(errs, arena_printf(a, "%s.key", cp), arena_printf(a, "\"%s\" står to gange.", (*out)[i].key));
	}
	return 0;
}

/* the definition into s (not yet stored) */
static int parse_definition(struct arena *a, json_t *root, struct survey *s, struct errs *errs)
{
	memset(s, 0, sizeof(*s));
	if (!json_is_object(root))
		return errs_add(errs, "definition", "skal være et JSON-objekt.");
	s->code = str_member(a, root, "code", "definition", true, errs);
	if (s->code && !key_ok(s->code))
		errs_add(errs, "definition.code", "må kun bestå af a-z, 0-9, _ og - (højst 32 tegn).");
	s->title = str_member(a, root, "title", "definition", true, errs);
	json_t *qs = json_object_get(root, "questions");
	if (!json_is_array(qs) || json_array_size(qs) == 0 || json_array_size(qs) > MAX_QUESTIONS)
		return errs_add(errs, "definition.questions", "skal være en liste med 1 til 500 spørgsmål.");
	s->nquestions = (int)json_array_size(qs);
	s->questions = arena_alloc(a, sizeof(struct question) * (size_t)s->nquestions);
	for (int i = 0; i < s->nquestions; i++) {
		json_t *jq = json_array_get(qs, (size_t)i);
		struct question *q = &s->questions[i];
		char *p = arena_printf(a, "questions[%d]", i);
		if (!json_is_object(jq)) {
			errs_add(errs, p, "skal være et objekt.");
			continue;
		}
		q->code = str_member(a, jq, "code", p, true, errs);
		if (q->code && (!key_ok(q->code) || strchr(q->code, '.')))
			errs_add(errs, arena_printf(a, "%s.code", p), "må kun bestå af a-z, 0-9, _ og - (højst 32 tegn).");
		for (int k = 0; k < i; k++)
			if (q->code && s->questions[k].code && !strcmp(q->code, s->questions[k].code))
				errs_add(errs, arena_printf(a, "%s.code", p), arena_printf(a, "\"%s\" står to gange.", q->code));
		q->text = str_member(a, jq, "text", p, true, errs);
		q->help = str_member(a, jq, "help", p, false, errs);
		json_t *req = json_object_get(jq, "required");
		if (req && !json_is_boolean(req))
			errs_add(errs, arena_printf(a, "%s.required", p), "skal være true eller false.");
		q->required = json_is_true(req);
		const char *type = str_member(a, jq, "type", p, true, errs);
		int t = -1;
		for (int k = 0; type && k < 5; k++)
			if (!strcmp(type, surveys_type_name((enum qtype)k)))
				t = k;
		if (type && t < 0) {
			errs_add(errs, arena_printf(a, "%s.type", p), "skal være single, multi, matrix, number eller text.");
			continue;
		}
		if (t < 0)
			continue;
		q->type = (enum qtype)t;
		if (q->type == Q_SINGLE || q->type == Q_MULTI || q->type == Q_MATRIX)
			parse_choices(a, jq, "options", p, &q->options, &q->noptions, errs);
		else if (json_object_get(jq, "options"))
			errs_add(errs, arena_printf(a, "%s.options", p), "bruges kun til single, multi og matrix.");
		if (q->type == Q_MATRIX)
			parse_choices(a, jq, "items", p, &q->items, &q->nitems, errs);
		else if (json_object_get(jq, "items"))
			errs_add(errs, arena_printf(a, "%s.items", p), "bruges kun til matrix.");
		if (q->type == Q_NUMBER) {
			json_t *mn = json_object_get(jq, "min"), *mx = json_object_get(jq, "max");
			if (mn && !json_is_integer(mn))
				errs_add(errs, arena_printf(a, "%s.min", p), "skal være et helt tal.");
			if (mx && !json_is_integer(mx))
				errs_add(errs, arena_printf(a, "%s.max", p), "skal være et helt tal.");
			q->has_min = json_is_integer(mn);
			q->min = q->has_min ? json_integer_value(mn) : 0;
			q->has_max = json_is_integer(mx);
			q->max = q->has_max ? json_integer_value(mx) : 0;
			if (q->has_min && q->has_max && q->min > q->max)
				errs_add(errs, arena_printf(a, "%s.min", p), "er større end max.");
		}
	}
	return errs->n ? ERR_INVALID : 0;
}

/* refuse a new definition that would leave answers without their question, item or option */
static int check_orphans(struct db *db, struct arena *a, const struct survey *old,
                         const struct survey *nw, struct errs *errs)
{
	for (int i = 0; i < old->nquestions; i++) {
		const struct question *oq = &old->questions[i];
		const struct question *nq = surveys_question(nw, oq->code);
		int count = 0;
		if (!nq || nq->type != oq->type) {
			if (surveys_store_answers_count(db, oq->id, NULL, NULL, &count) != 0)
				return ERR_DB;
			if (count)
				errs_add(errs, arena_printf(a, "questions.%s", oq->code),
				         arena_printf(a, nq ? "spørgsmål %s har svar og kan ikke skifte type."
				                            : "spørgsmål %s har svar og kan ikke fjernes.", oq->code));
			continue;
		}
		for (int k = 0; k < oq->noptions; k++) {
			if (surveys_choice_index(nq->options, nq->noptions, oq->options[k].key) >= 0)
				continue;
			if (surveys_store_answers_count(db, oq->id, NULL, oq->options[k].key, &count) != 0)
				return ERR_DB;
			if (count)
				errs_add(errs, arena_printf(a, "questions.%s.options", oq->code),
				         arena_printf(a, "svarmulighed \"%s\" i %s har %d svar og kan ikke fjernes eller få ny nøgle.",
				                      oq->options[k].key, oq->code, count));
		}
		for (int k = 0; k < oq->nitems; k++) {
			if (surveys_choice_index(nq->items, nq->nitems, oq->items[k].key) >= 0)
				continue;
			if (surveys_store_answers_count(db, oq->id, oq->items[k].key, NULL, &count) != 0)
				return ERR_DB;
			if (count)
				errs_add(errs, arena_printf(a, "questions.%s.items", oq->code),
				         arena_printf(a, "delspørgsmål \"%s\" i %s har %d svar og kan ikke fjernes.",
				                      oq->items[k].key, oq->code, count));
		}
	}
	return errs->n ? ERR_CONFLICT : 0;
}

int surveys_define(struct db *db, struct arena *a, const struct principal *by, const char *text,
                   size_t len, struct errs *errs, int64_t *id, bool *created)
{
	if (access_allowed(by, ACC_NATIONAL, NULL) != 0)
		return ERR_FORBIDDEN;
	json_error_t je;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		return errs_add(errs, arena_printf(a, "line %d, column %d", je.line, je.column),
		                arena_printf(a, "ugyldig JSON: %s", je.text));
	struct survey nw;
	int rc = parse_definition(a, root, &nw, errs);
	json_decref(root);
	if (rc)
		return rc;
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	int version = 0;
	rc = surveys_store_find(db, nw.code, id, &version);
	*created = rc == ERR_NOTFOUND;
	if (rc == 0) {
		struct survey old;
		rc = surveys_store_load(db, a, nw.code, &old);
		if (rc == 0)
			rc = check_orphans(db, a, &old, &nw, errs);
		for (int i = 0; rc == 0 && i < old.nquestions; i++)
			if (!surveys_question(&nw, old.questions[i].code))
				rc = surveys_store_question_delete(db, old.questions[i].id);
		if (rc == 0)
			rc = surveys_store_update(db, *id, nw.title, version + 1);
	} else if (rc == ERR_NOTFOUND) {
		rc = surveys_store_insert(db, nw.code, nw.title, id);
	}
	for (int i = 0; rc == 0 && i < nw.nquestions; i++) {
		struct question *q = &nw.questions[i];
		rc = surveys_store_question_put(db, *id, q, i, &q->id);
		if (rc == 0)
			rc = surveys_store_choices_put(db, q->id, "option", q->options, q->noptions);
		if (rc == 0)
			rc = surveys_store_choices_put(db, q->id, "item", q->items, q->nitems);
	}
	if (rc == 0)
		rc = surveys_store_add_version(db, *id, version + 1, arena_strndup(a, text, len));
	if (rc == 0)
		rc = audit_record(db, by, *created ? "create" : "update", "survey", nw.code, NULL,
		                  AUDIT_DETAIL(AUDIT_TEXT("code", nw.code), AUDIT_INT("version", version + 1),
		                               AUDIT_INT("questions", nw.nquestions)));
	return db_write_end(db, rc);
}

int surveys_load(struct db *db, struct arena *a, const char *code, struct survey *out)
{
	return surveys_store_load(db, a, code, out);
}

int surveys_round(struct db *db, struct arena *a, const struct survey *s, const char *code,
                  struct round *out)
{
	return surveys_store_round_get(db, a, s->id, code, out);
}

int surveys_round_ensure(struct db *db, struct arena *a, const struct survey *s, const char *code,
                         struct round *out)
{
	int rc = surveys_store_round_get(db, a, s->id, code, out);
	if (rc != ERR_NOTFOUND)
		return rc;
	if (!key_ok(code))
		return ERR_INVALID;
	int64_t id;
	rc = surveys_store_round_insert(db, s->id, code, &id);
	if (rc)
		return rc;
	return surveys_store_round_get(db, a, s->id, code, out);
}

int surveys_round_send(struct db *db, struct arena *a, const struct principal *by,
                       const struct survey *s, const struct round_send *send, struct errs *errs)
{
	if (access_allowed(by, ACC_NATIONAL, NULL) != 0)
		return ERR_FORBIDDEN;
	if (!send->code || !key_ok(send->code))
		errs_add(errs, "code", "Skriv rundens kode med a-z, 0-9, _ og - (højst 32 tegn).");
	if (send->opens && !text_date_valid(send->opens))
		errs_add(errs, "opens", "Skriv datoen som ÅÅÅÅ-MM-DD.");
	if (send->closes && !text_date_valid(send->closes))
		errs_add(errs, "closes", "Skriv datoen som ÅÅÅÅ-MM-DD.");
	if (send->opens && send->closes && text_date_valid(send->opens) && text_date_valid(send->closes) &&
	    strcmp(send->closes, send->opens) < 0)
		errs_add(errs, "closes", "Runden kan ikke lukke, før den åbner.");
	/* the list of codes */
	const char *codes[128];
	int n = 0;
	char *copy = arena_strdup(a, send->kommuner ? send->kommuner : "");
	for (char *part = copy, *next; part && *part; part = next) {
		next = strchr(part, ',');
		if (next)
			*next++ = '\0';
		char *t = text_trim(a, part);
		if (!*t)
			continue;
		if (!text_is_digits(t, 3) || n >= 128) {
			errs_add(errs, "kommuner", arena_printf(a, "\"%s\" er ikke en kommunekode.", t));
			break;
		}
		codes[n++] = t;
	}
	if (errs->n)
		return ERR_INVALID;
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	struct round rd;
	int rc = surveys_store_round_get(db, a, s->id, send->code, &rd);
	if (rc == 0) {
		errs_add(errs, "code", "Der findes allerede en runde med denne kode.");
		return db_write_end(db, ERR_CONFLICT);
	}
	int64_t id = 0;
	rc = rc == ERR_NOTFOUND ? surveys_store_round_insert(db, s->id, send->code, &id) : rc;
	if (rc == 0)
		rc = surveys_store_round_set(db, id, send->title, send->opens, send->closes);
	if (rc == 0 && n == 0)
		rc = surveys_store_round_send_all(db, id);
	for (int i = 0; rc == 0 && i < n; i++) {
		rc = surveys_store_round_send(db, id, codes[i]);
		if (rc == ERR_CONFLICT) /* a code that is not a municipality fails its foreign key */
			errs_add(errs, "kommuner", arena_printf(a, "%s er ikke en af de 98 kommuner.", codes[i]));
	}
	if (rc == 0)
		rc = audit_record(db, by, "create", "survey_round", arena_printf(a, "%s/%s", s->code, send->code),
		                  NULL, AUDIT_NONE);
	return db_write_end(db, rc == ERR_CONFLICT ? ERR_INVALID : rc);
}

int surveys_rounds_for(struct db *db, struct arena *a, const struct principal *who,
                       struct round_row **rows, int *n)
{
	const char *kommune = NULL;
	if (!access_national(who)) {
		if (!who || !who->kommune || access_allowed(who, ACC_READ, who->kommune) != 0)
			return ERR_FORBIDDEN;
		kommune = who->kommune;
	}
	return surveys_store_rounds_for(db, a, kommune, rows, n);
}

int surveys_round_status(struct db *db, struct arena *a, const struct principal *who,
                         const struct round *rd, struct round_status **rows, int *n)
{
	if (!access_national(who))
		return ERR_FORBIDDEN;
	return surveys_store_round_status(db, a, rd->id, rows, n);
}

bool surveys_round_closed(const struct round *r, const char *today)
{
	return r->closes && strcmp(today, r->closes) > 0;
}

void surveys_cell_add(struct arena *a, struct response *r, const struct cell *c)
{
	size_t n = (size_t)r->ncells, cap = (size_t)r->cap;
	*ARENA_PUSH(a, r->cells, n, cap) = *c;
	r->ncells = (int)n;
	r->cap = (int)cap;
}

int surveys_response_load(struct db *db, struct arena *a, const struct survey *s,
                          const struct round *rd, const char *kommune, struct response *out)
{
	int rc = surveys_store_response_get(db, a, rd->id, kommune, out);
	if (rc == 0 && out->id)
		rc = surveys_store_cells(db, a, s, out->id, out);
	return rc;
}

int surveys_submitted(struct db *db, struct arena *a, const struct survey *s,
                      const struct round *rd, struct response **out, int *n)
{
	int64_t *ids;
	const char **kommuner;
	int count;
	int rc = surveys_store_responses(db, a, rd->id, &ids, &kommuner, &count);
	if (rc)
		return rc;
	struct response *rs = arena_alloc(a, sizeof(*rs) * (size_t)(count > 0 ? count : 1));
	for (int i = 0; rc == 0 && i < count; i++) {
		rs[i] = (struct response){.id = ids[i], .kommune = kommuner[i]};
		rc = surveys_store_cells(db, a, s, ids[i], &rs[i]);
	}
	if (rc)
		return rc;
	*out = rs;
	*n = count;
	return 0;
}

/* is question q (item) answered in r? */
static bool answered(const struct response *r, const struct question *q, const char *item)
{
	for (int i = 0; i < r->ncells; i++) {
		const struct cell *c = &r->cells[i];
		if (c->q != q || (item && strcmp(c->item, item)))
			continue;
		if (*c->option || c->has_number || (c->text && *c->text))
			return true;
	}
	return false;
}

/* the first max characters of text, at a word's end, with "…" when it was cut; owned by a */
static const char *shortened(struct arena *a, const char *text, size_t max)
{
	if (utf8_len(text) <= max)
		return text;
	size_t bytes = 0, chars = 0, cut = 0;
	while (text[bytes] && chars < max) {
		if (text[bytes] == ' ')
			cut = bytes;
		bytes++;
		while ((text[bytes] & 0xC0) == 0x80)
			bytes++;
		chars++;
	}
	return arena_printf(a, "%.*s …", (int)(cut ? cut : bytes), text);
}

const char *surveys_question_name(struct arena *a, const struct question *q, const char *item)
{
	const char *text = shortened(a, q->text, 90);
	if (!item)
		return arena_printf(a, "«%s»", text);
	int k = surveys_choice_index(q->items, q->nitems, item);
	if (k < 0)
		return arena_printf(a, "«%s»", text);
	return arena_printf(a, "«%s» under «%s»", shortened(a, q->items[k].label, 90), text);
}

int surveys_check(struct arena *a, const struct survey *s, const struct response *r, bool submit,
                  struct errs *errs)
{
	int before = errs->n;
	for (int i = 0; i < r->ncells; i++) {
		const struct cell *c = &r->cells[i];
		const struct question *q = c->q;
		const char *name = surveys_question_name(a, q, NULL);
		if (q->type == Q_MATRIX && surveys_choice_index(q->items, q->nitems, c->item) < 0)
			errs_add(errs, q->code, arena_printf(a, "%s har ikke delspørgsmålet \"%s\".", name, c->item));
		if ((q->type == Q_SINGLE || q->type == Q_MULTI || q->type == Q_MATRIX) && *c->option &&
		    surveys_choice_index(q->options, q->noptions, c->option) < 0)
			errs_add(errs, q->type == Q_MATRIX ? arena_printf(a, "%s.%s", q->code, c->item) : q->code,
			         arena_printf(a, "%s har ikke svarmuligheden \"%s\".", name, c->option));
		if (q->type == Q_NUMBER && c->has_number &&
		    ((q->has_min && c->number < q->min) || (q->has_max && c->number > q->max)))
			errs_add(errs, q->code, q->has_min && q->has_max
			                            ? arena_printf(a, "Svaret på %s skal være et tal fra %lld til %lld.", name, q->min, q->max)
			                        : q->has_min ? arena_printf(a, "Svaret på %s skal være mindst %lld.", name, q->min)
			                                     : arena_printf(a, "Svaret på %s må højst være %lld.", name, q->max));
		if (q->type == Q_TEXT && c->text && utf8_len(c->text) > 10000)
			errs_add(errs, q->code, arena_printf(a, "Svaret på %s må højst være på 10.000 tegn.", name));
	}
	/* one option at most for single, one per item for matrix */
	for (int i = 0; i < r->ncells; i++)
		for (int k = i + 1; k < r->ncells; k++)
			if (r->cells[i].q == r->cells[k].q && r->cells[i].q->type != Q_MULTI &&
			    !strcmp(r->cells[i].item, r->cells[k].item))
				errs_add(errs, r->cells[i].q->code,
				         arena_printf(a, "%s har mere end ét svar.", surveys_question_name(a, r->cells[i].q, NULL)));
	if (submit) {
		/* each unanswered question by name, in the form's order: the error summary is a list
		 * of what is missing, not the same sentence again and again */
		for (int i = 0; i < s->nquestions; i++) {
			const struct question *q = &s->questions[i];
			if (!q->required)
				continue;
			if (q->type == Q_MATRIX) {
				for (int k = 0; k < q->nitems; k++)
					if (!answered(r, q, q->items[k].key))
						errs_add(errs, arena_printf(a, "%s.%s", q->code, q->items[k].key),
						         arena_printf(a, "Vælg et svar på %s.",
						                      surveys_question_name(a, q, q->items[k].key)));
			} else if (!answered(r, q, NULL)) {
				const char *name = surveys_question_name(a, q, NULL);
				errs_add(errs, q->code,
				         q->type == Q_MULTI    ? arena_printf(a, "Vælg mindst ét svar på %s.", name)
				         : q->type == Q_NUMBER ? arena_printf(a, "Skriv et tal som svar på %s.", name)
				         : q->type == Q_TEXT   ? arena_printf(a, "Skriv et svar på %s.", name)
				                               : arena_printf(a, "Vælg et svar på %s.", name));
			}
		}
	}
	return errs->n > before ? ERR_INVALID : 0;
}

static bool may_answer(const struct principal *by, const struct round *rd, const struct response *old,
                       const char *kommune, const char *today)
{
	if (access_allowed(by, ACC_NATIONAL, NULL) == 0)
		return true;
	if (access_allowed(by, ACC_ANSWER_SURVEY, kommune) != 0)
		return false;
	/* the municipality's konsulent while the round is open, or after the administrator
	 * reopened this answer */
	return !surveys_round_closed(rd, today) || (old->reopened && !old->submitted_at);
}

int surveys_write(struct db *db, struct arena *a, const struct principal *by,
                  const struct survey *s, const struct round *rd, struct response *r, bool submit)
{
	char today[11];
	text_today(today);
	struct response old;
	int rc = surveys_store_response_get(db, a, rd->id, r->kommune, &old);
	if (rc == 0 && !may_answer(by, rd, &old, r->kommune, today))
		rc = ERR_FORBIDDEN;
	if (rc == 0)
		rc = surveys_store_round_send(db, rd->id, r->kommune);
	if (rc == 0)
		rc = surveys_store_response_put(db, rd->id, r->kommune, submit, &r->id);
	if (rc == 0)
		rc = surveys_store_cells_clear(db, r->id);
	for (int i = 0; rc == 0 && i < r->ncells; i++) {
		const struct cell *c = &r->cells[i];
		if (*c->option || c->has_number || (c->text && *c->text))
			rc = surveys_store_cell_insert(db, r->id, c);
	}
	if (rc == 0)
		rc = audit_record(db, by, submit ? "submit" : "save", "survey_response",
		                  arena_printf(a, "%s/%s/%s", s->code, rd->code, r->kommune), r->kommune, AUDIT_NONE);
	return rc;
}

int surveys_save(struct db *db, struct arena *a, const struct principal *by,
                 const struct survey *s, const struct round *rd, struct response *r, bool submit,
                 struct errs *errs)
{
	if (surveys_check(a, s, r, submit, errs) != 0)
		return ERR_INVALID;
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	return db_write_end(db, surveys_write(db, a, by, s, rd, r, submit));
}

int surveys_reopen(struct db *db, struct arena *a, const struct principal *by,
                   const struct round *rd, const char *kommune)
{
	if (access_allowed(by, ACC_NATIONAL, NULL) != 0)
		return ERR_FORBIDDEN;
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	int rc = surveys_store_reopen(db, rd->id, kommune);
	if (rc == 0)
		rc = audit_record(db, by, "reopen", "survey_response",
		                  arena_printf(a, "%lld/%s", (long long)rd->id, kommune), kommune, AUDIT_NONE);
	return db_write_end(db, rc);
}

int surveys_remind(struct db *db, struct arena *a, const struct principal *by,
                   const struct survey *s, const struct round *rd, int *sent)
{
	*sent = 0;
	if (access_allowed(by, ACC_NATIONAL, NULL) != 0)
		return ERR_FORBIDDEN;
	struct round_status *rows;
	int n;
	int rc = surveys_store_round_status(db, a, rd->id, &rows, &n);
	if (rc)
		return rc;
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	for (int i = 0; rc == 0 && i < n; i++) {
		if (rows[i].submitted_at)
			continue;
		struct user_row *users;
		int nu, total;
		rc = users_list(db, a, by, rows[i].kommune, 500, 0, &users, &nu, &total);
		for (int k = 0; rc == 0 && k < nu; k++) {
			if (!users[k].active || strcmp(users[k].role, "konsulent"))
				continue;
			rc = mail_queue(db, rows[i].kommune, users[k].email,
			                arena_printf(a, "Påmindelse: %s", s->title),
			                arena_printf(a, "Kære %s\n\n%s Kommune har endnu ikke indsendt sit svar på "
			                                "undersøgelsen \"%s\", runde %s.%s%s\n\nSvaret gives i Indgang under "
			                                "Undersøgelser.\n\nVenlig hilsen\nDen nationale administration\n",
			                             *users[k].name ? users[k].name : users[k].email, rows[i].navn, s->title,
			                             *rd->title ? rd->title : rd->code, rd->closes ? " Svarfristen er " : "",
			                             rd->closes ? rd->closes : ""));
			if (rc == 0)
				(*sent)++;
		}
	}
	if (rc == 0)
		rc = audit_record(db, by, "remind", "survey_round", arena_printf(a, "%s/%s", s->code, rd->code), NULL,
		                  AUDIT_DETAIL(AUDIT_INT("messages", *sent)));
	if (rc)
		*sent = 0;
	return db_write_end(db, rc);
}
