/*
 * test_surveys.c — surveys against an in-memory database: definitions and their validation,
 * refusing changes that orphan answers, every question type in import and report, every import
 * error path, re-import, round comparison data, and who may answer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/auth.h"
#include "src/auth/users.h"
#include "src/base/arena.h"
#include "src/base/buf.h"
#include "src/base/csv.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/mail/mail.h"
#include "src/store/db.h"
#include "src/surveys/surveys.h"
#include "src/surveys/surveys_store.h"
#include "tests/unit/fixture.h"

struct fx {
	struct db *db;
	struct arena a;
	struct survey s;
};

static const char def[] =
	"{\"code\": \"test\", \"title\": \"Prøve\", \"questions\": ["
	" {\"code\": \"s\", \"text\": \"Én\", \"type\": \"single\", \"required\": true,"
	"  \"options\": [{\"key\": \"1\", \"label\": \"Lav\"}, {\"key\": \"2\", \"label\": \"Høj\"}]},"
	" {\"code\": \"m\", \"text\": \"Flere\", \"type\": \"multi\","
	"  \"options\": [{\"key\": \"a\", \"label\": \"A\"}, {\"key\": \"b\", \"label\": \"B\"}, {\"key\": \"c\", \"label\": \"C\"}]},"
	" {\"code\": \"x\", \"text\": \"Matrix\", \"type\": \"matrix\","
	"  \"options\": [{\"key\": \"1\", \"label\": \"Nej\"}, {\"key\": \"2\", \"label\": \"Ja\"}],"
	"  \"items\": [{\"key\": \"a\", \"label\": \"Første\"}, {\"key\": \"b\", \"label\": \"Anden\"}]},"
	" {\"code\": \"n\", \"text\": \"Antal\", \"type\": \"number\", \"min\": 0, \"max\": 100},"
	" {\"code\": \"t\", \"text\": \"Fritekst\", \"type\": \"text\"}]}";

static int setup(void **state)
{
	static struct fx f;
	memset(&f, 0, sizeof(f));
	fixture_open(&f.db, &f.a);
	struct errs errs = {0};
	int64_t id;
	bool created;
	int rc = surveys_define(f.db, &f.a, &users_cli, def, strlen(def), &errs, &id, &created);
	if (rc)
		fail_msg("define: %d %s %s", rc, errs.n ? errs.e[0].field : "", errs.n ? errs.e[0].message : "");
	assert_true(created);
	assert_int_equal(surveys_load(f.db, &f.a, "test", &f.s), 0);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	fixture_close(f->db, &f->a);
	return 0;
}

/* every record of the report's CSV in out has six fields (the header's) */
static void csv_rows_of_six(struct arena *a, const struct buf *out)
{
	struct csv c;
	struct csv_record rec;
	csv_open(&c, out->data, out->len);
	int rc, rows = 0;
	while ((rc = csv_next(&c, a, &rec)) > 0) {
		if (rec.n != 6)
			fail_msg("line %d has %d fields, not 6", rec.line, rec.n);
		rows++;
	}
	assert_int_equal(rc, 0);
	assert_true(rows > 10);
}

static int import(struct fx *f, const char *round, const char *csv, struct import_report *rep)
{
	return surveys_import_csv(f->db, &f->a, &users_cli, &f->s, round, csv, strlen(csv), rep);
}

static void test_define_loaded(void **state)
{
	struct fx *f = *state;
	assert_int_equal(f->s.nquestions, 5);
	const struct question *x = surveys_question(&f->s, "x");
	assert_non_null(x);
	assert_int_equal(x->type, Q_MATRIX);
	assert_int_equal(x->nitems, 2);
	assert_int_equal(x->noptions, 2);
	assert_string_equal(x->items[1].label, "Anden");
	const struct question *n = surveys_question(&f->s, "n");
	assert_true(n->has_min && n->has_max);
	assert_int_equal(n->max, 100);
	assert_true(surveys_question(&f->s, "s")->required);
}

static void test_define_errors(void **state)
{
	struct fx *f = *state;
	static const struct { const char *json, *field; } cases[] = {
		{"{\"code\": \"a\", \"title\": \"b\", \"questions\": [", "line 1, column 42"},
		{"[]", "definition"},
		{"{\"title\": \"b\", \"questions\": [{\"code\":\"q\",\"text\":\"t\",\"type\":\"text\"}]}", "definition.code"},
		{"{\"code\": \"a\", \"title\": \"b\", \"questions\": []}", "definition.questions"},
		{"{\"code\": \"a\", \"title\": \"b\", \"questions\": [{\"code\":\"q\",\"text\":\"t\",\"type\":\"scale\"}]}", "questions[0].type"},
		{"{\"code\": \"a\", \"title\": \"b\", \"questions\": [{\"code\":\"q\",\"text\":\"t\",\"type\":\"single\"}]}", "questions[0].options"},
		{"{\"code\": \"a\", \"title\": \"b\", \"questions\": [{\"code\":\"q\",\"text\":\"t\",\"type\":\"matrix\",\"options\":[{\"key\":\"1\",\"label\":\"x\"}]}]}", "questions[0].items"},
		{"{\"code\": \"a\", \"title\": \"b\", \"questions\": [{\"code\":\"q\",\"text\":\"t\",\"type\":\"single\",\"options\":[{\"key\":\"1\",\"label\":\"x\"},{\"key\":\"1\",\"label\":\"y\"}]}]}", "questions[0].options[1].key"},
		{"{\"code\": \"a\", \"title\": \"b\", \"questions\": [{\"code\":\"q\",\"text\":\"t\",\"type\":\"text\"},{\"code\":\"q\",\"text\":\"u\",\"type\":\"text\"}]}", "questions[1].code"},
		{"{\"code\": \"a\", \"title\": \"b\", \"questions\": [{\"code\":\"q.r\",\"text\":\"t\",\"type\":\"text\"}]}", "questions[0].code"},
		{"{\"code\": \"a\", \"title\": \"b\", \"questions\": [{\"code\":\"q\",\"text\":\"t\",\"type\":\"number\",\"min\":5,\"max\":1}]}", "questions[0].min"},
		{"{\"code\": \"a\", \"title\": \"b\", \"questions\": [{\"code\":\"q\",\"text\":\"t\",\"type\":\"text\",\"options\":[]}]}", "questions[0].options"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct errs errs = {0};
		int64_t id;
		bool created;
		int rc = surveys_define(f->db, &f->a, &users_cli, cases[i].json, strlen(cases[i].json), &errs,
		                        &id, &created);
		if (rc != ERR_INVALID || !errs_get(&errs, cases[i].field))
			fail_msg("case %zu: rc %d, first error %s", i, rc, errs.n ? errs.e[0].field : "(none)");
	}
	/* a konsulent may not define surveys */
	struct principal k = {.id = 5, .email = "k@x", .role = ROLE_KONSULENT, .kommune = "621"};
	struct errs errs = {0};
	int64_t id;
	bool created;
	assert_int_equal(surveys_define(f->db, &f->a, &k, def, strlen(def), &errs, &id, &created), ERR_FORBIDDEN);
}

static const char answers[] =
	"kommune,s,m.a,m.b,m.c,x.a,x.b,n,t\r\n"
	"621,2,1,1,0,1,2,10,\"Kolding: én indgang, \"\"tæt\"\" på\"\r\n"
	"740,1,1,,0,2,2,20,Silkeborg svarer\r\n"
	"849,2,0,0,1,2,,3,\r\n"
	"370,,,,,,,41,\r\n";

static struct qreport *qr_of(struct report *r, const char *code)
{
	for (int i = 0; i < r->s->nquestions; i++)
		if (!strcmp(r->q[i].q->code, code))
			return &r->q[i];
	return NULL;
}

static void test_import_and_report(void **state)
{
	struct fx *f = *state;
	struct import_report rep;
	assert_int_equal(import(f, "r1", answers, &rep), 0);
	assert_int_equal(rep.created, 4);
	struct round rd;
	assert_int_equal(surveys_round(f->db, &f->a, &f->s, "r1", &rd), 0);
	struct report r;
	assert_int_equal(surveys_report(f->db, &f->a, &f->s, &rd, &r), 0);
	assert_int_equal(r.respondents, 4);
	struct qreport *s = qr_of(&r, "s");
	assert_int_equal(s->answered, 3);
	assert_int_equal(s->counts[0], 1);
	assert_int_equal(s->counts[1], 2);
	struct qreport *m = qr_of(&r, "m");
	assert_int_equal(m->answered, 3); /* 370 chose nothing */
	assert_int_equal(m->counts[0], 2);
	assert_int_equal(m->counts[1], 1);
	assert_int_equal(m->counts[2], 1);
	struct qreport *x = qr_of(&r, "x");
	assert_int_equal(x->item_answered[0], 3);
	assert_int_equal(x->item_answered[1], 2);
	assert_int_equal(x->item_counts[0 * 2 + 0], 1); /* a: Nej */
	assert_int_equal(x->item_counts[0 * 2 + 1], 2); /* a: Ja */
	assert_int_equal(x->item_counts[1 * 2 + 1], 2); /* b: Ja */
	struct qreport *n = qr_of(&r, "n");
	assert_int_equal(n->n, 4);
	assert_int_equal(n->sum, 74);
	assert_int_equal(n->min, 3);
	assert_int_equal(n->max, 41);
	assert_true(n->median == 15.0); /* (10 + 20) / 2 */
	struct qreport *t = qr_of(&r, "t");
	assert_int_equal(t->ntexts, 2);
	assert_string_equal(t->texts[0].navn, "Kolding");
	assert_string_equal(t->texts[0].text, "Kolding: én indgang, \"tæt\" på");
	assert_string_equal(t->texts[1].navn, "Silkeborg");

	struct buf out;
	buf_init(&out, 0);
	surveys_report_json(&out, &r, NULL);
	assert_non_null(strstr(buf_str(&out), "\"median\":15"));
	assert_non_null(strstr(buf_str(&out), "\"respondents\":4"));
	buf_reset(&out);
	struct csv_out w;
	csv_out_begin(&w, &out, ';', true);
	surveys_report_csv(&w, &r, NULL);
	/* for people: the table's name, the question's text, the labels, one count column */
	assert_memory_equal(out.data, CSV_BOM "Tabel;Spørgsmål;Delspørgsmål;Kommune;Svar;Antal\r\n", 56);
	assert_non_null(strstr(buf_str(&out), "\r\nSpørgsmål 1;Én;;;Lav;"));
	assert_non_null(strstr(buf_str(&out), "\r\nSpørgsmål 1;Én;;;I alt;3\r\n"));
	assert_non_null(strstr(buf_str(&out), "\r\nSpørgsmål 3;Matrix;Anden;;I alt;2\r\n"));
	assert_non_null(strstr(buf_str(&out), "\r\nSpørgsmål 4;Antal;;;Median;"));
	/* free text: the municipality and the answer, and an empty count, as many fields as the rest */
	assert_non_null(strstr(buf_str(&out), "\r\nSpørgsmål 5;Fritekst;;Kolding;\"Kolding: én indgang, \"\"tæt\"\" på\";\r\n"));
	assert_null(strstr(buf_str(&out), ";s;"));
	csv_rows_of_six(&f->a, &out);
	buf_reset(&out);
	assert_int_equal(surveys_report_xlsx(&out, &f->a, &r, NULL), 0);
	assert_memory_equal(out.data, "PK", 2);
	/* the export is the import's format: importing it into another round gives the same report */
	buf_reset(&out);
	assert_int_equal(surveys_export_csv(f->db, &f->a, &f->s, &rd, &out), 0);
	assert_int_equal(import(f, "r2", buf_str(&out), &rep), 0);
	struct round rd2;
	struct report r2;
	assert_int_equal(surveys_round(f->db, &f->a, &f->s, "r2", &rd2), 0);
	assert_int_equal(surveys_report(f->db, &f->a, &f->s, &rd2, &r2), 0);
	assert_int_equal(qr_of(&r2, "n")->sum, 74);
	assert_int_equal(qr_of(&r2, "x")->item_counts[1], 2);
	assert_int_equal(qr_of(&r2, "t")->ntexts, 2);
	buf_free(&out);

	/* re-importing a municipality's row replaces its answer for that round only */
	assert_int_equal(import(f, "r1", "kommune,s,n\n621,1,50\n", &rep), 0);
	assert_int_equal(rep.updated, 1);
	assert_int_equal(surveys_report(f->db, &f->a, &f->s, &rd, &r), 0);
	assert_int_equal(qr_of(&r, "s")->counts[0], 2);
	assert_int_equal(qr_of(&r, "n")->sum, 114);  /* 50 + 20 + 3 + 41 */
	assert_int_equal(qr_of(&r, "t")->ntexts, 1); /* Kolding's text went with its old answer */
	assert_int_equal(surveys_report(f->db, &f->a, &f->s, &rd2, &r2), 0);
	assert_int_equal(qr_of(&r2, "n")->sum, 74);

	/* the two rounds side by side in every format */
	struct buf cmp;
	buf_init(&cmp, 0);
	surveys_report_json(&cmp, &r, &r2);
	assert_non_null(strstr(buf_str(&cmp), "\"compare\":{\"round\":\"r2\",\"respondents\":4}"));
	assert_non_null(strstr(buf_str(&cmp), "\"compare\":{\"round\":\"r2\",\"answered\":4,\"sum\":74"));
	buf_reset(&cmp);
	struct csv_out cw;
	csv_out_begin(&cw, &cmp, ',', false);
	surveys_report_csv(&cw, &r, &r2);
	assert_non_null(strstr(buf_str(&cmp), "Tabel,Spørgsmål,Delspørgsmål,Kommune,Svar,Antal (r1),Antal (r2)\r\n"));
	assert_non_null(strstr(buf_str(&cmp), "\r\nSpørgsmål 4,Antal,,,Sum,114,74\r\n"));
	/* 621's x went with its old answer */
	assert_non_null(strstr(buf_str(&cmp), "\r\nSpørgsmål 3,Matrix,Første,,I alt,2,3\r\n"));
	buf_reset(&cmp);
	csv_out_begin(&cw, &cmp, ',', false);
	surveys_report_csv(&cw, &r, NULL);
	assert_null(strstr(buf_str(&cmp), "(r2)"));
	buf_reset(&cmp);
	assert_int_equal(surveys_report_xlsx(&cmp, &f->a, &r, &r2), 0);
	assert_memory_equal(cmp.data, "PK", 2);
	buf_free(&cmp);
}

static void test_import_errors(void **state)
{
	struct fx *f = *state;
	static const struct { const char *csv; int line, col; const char *needle; } cases[] = {
		{"", 1, 1, "tom"},
		{"kode,s\n621,1\n", 1, 1, "kommune"},
		{"kommune,q\n621,1\n", 1, 2, "ukendt kolonne"},
		{"kommune,x\n621,1\n", 1, 2, "matrix"},
		{"kommune,x.z\n621,1\n", 1, 2, "matrix"},
		{"kommune,m\n621,1\n", 1, 2, "flere svar"},
		{"kommune,m.z\n621,1\n", 1, 2, "flere svar"},
		{"kommune,s.a\n621,1\n", 1, 2, "ukendt kolonne"},
		{"kommune,s,s\n621,1,1\n", 1, 3, "to gange"},
		{"kommune,s\n999,1\n", 2, 1, "kommunekode"},
		{"kommune,s\n62,1\n", 2, 1, "kommunekode"},
		{"kommune,s\n621,3\n", 2, 2, "svarmulighed"},
		{"kommune,x.a\n621,9\n", 2, 2, "svarmulighed"},
		{"kommune,m.a\n621,ja\n", 2, 2, "skriv 1"},
		{"kommune,n\n621,101\n", 2, 2, "interval"},
		{"kommune,n\n621,-1\n", 2, 2, "interval"},
		{"kommune,n\n621,1.5\n", 2, 2, "helt tal"},
		{"kommune,t\n621,\xc3\x28\n", 2, 2, "UTF-8"},
		{"kommune,s\n621,1,extra\n", 2, 3, "uden kolonnenavn"},
		{"kommune,s\n621,1\n621,2\n", 3, 1, "tidligere række"},
		{"kommune,s\n621,\"1\n", 2, 2, "not closed"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct import_report rep;
		int rc = import(f, "bad", cases[i].csv, &rep);
		bool hit = false;
		for (int k = 0; k < rep.nproblems && !hit; k++)
			hit = rep.problems[k].line == cases[i].line && rep.problems[k].col == cases[i].col &&
			      strstr(rep.problems[k].message, cases[i].needle);
		if (rc != ERR_INVALID || !hit)
			fail_msg("case %zu: rc %d, expected %d:%d '%s', got %d problems, first %d:%d '%s'", i, rc,
			         cases[i].line, cases[i].col, cases[i].needle, rep.nproblems,
			         rep.nproblems ? rep.problems[0].line : 0, rep.nproblems ? rep.problems[0].col : 0,
			         rep.nproblems ? rep.problems[0].message : "");
	}
	/* nothing was written: not even the round */
	struct round rd;
	assert_int_equal(surveys_round(f->db, &f->a, &f->s, "bad", &rd), ERR_NOTFOUND);
	/* one bad cell in an otherwise good file: nothing written */
	struct import_report rep;
	assert_int_equal(import(f, "r", "kommune,s\n621,1\n740,7\n", &rep), ERR_INVALID);
	assert_int_equal(surveys_round(f->db, &f->a, &f->s, "r", &rd), ERR_NOTFOUND);
}

static void test_orphans(void **state)
{
	struct fx *f = *state;
	struct import_report rep;
	assert_int_equal(import(f, "r1", "kommune,s,m.b,x.a\n621,2,1,1\n", &rep), 0);
	struct errs errs = {0};
	int64_t id;
	bool created;
	/* removing option 2 of s, which has an answer */
	const char *no_opt = "{\"code\":\"test\",\"title\":\"Prøve\",\"questions\":["
	                     "{\"code\":\"s\",\"text\":\"Én\",\"type\":\"single\",\"options\":[{\"key\":\"1\",\"label\":\"Lav\"}]},"
	                     "{\"code\":\"m\",\"text\":\"F\",\"type\":\"multi\",\"options\":[{\"key\":\"b\",\"label\":\"B\"}]},"
	                     "{\"code\":\"x\",\"text\":\"M\",\"type\":\"matrix\",\"options\":[{\"key\":\"1\",\"label\":\"N\"}],"
	                     "\"items\":[{\"key\":\"a\",\"label\":\"F\"}]}]}";
	assert_int_equal(surveys_define(f->db, &f->a, &users_cli, no_opt, strlen(no_opt), &errs, &id, &created),
	                 ERR_CONFLICT);
	assert_non_null(errs_get(&errs, "questions.s.options"));
	/* removing question t (no answers) and option m.c (none) is fine; the survey is unchanged
	 * after the refusal above */
	struct survey again;
	assert_int_equal(surveys_load(f->db, &f->a, "test", &again), 0);
	assert_int_equal(again.nquestions, 5);
	assert_int_equal(again.version, 1);
	const char *fewer = "{\"code\":\"test\",\"title\":\"Prøve 2\",\"questions\":["
	                    "{\"code\":\"s\",\"text\":\"Én\",\"type\":\"single\",\"options\":[{\"key\":\"1\",\"label\":\"Lav\"},{\"key\":\"2\",\"label\":\"Høj\"}]},"
	                    "{\"code\":\"m\",\"text\":\"F\",\"type\":\"multi\",\"options\":[{\"key\":\"b\",\"label\":\"B\"}]},"
	                    "{\"code\":\"x\",\"text\":\"M\",\"type\":\"matrix\",\"options\":[{\"key\":\"1\",\"label\":\"N\"}],"
	                    "\"items\":[{\"key\":\"a\",\"label\":\"F\"}]}]}";
	errs.n = 0;
	assert_int_equal(surveys_define(f->db, &f->a, &users_cli, fewer, strlen(fewer), &errs, &id, &created), 0);
	assert_false(created);
	assert_int_equal(surveys_load(f->db, &f->a, "test", &again), 0);
	assert_int_equal(again.nquestions, 3);
	assert_int_equal(again.version, 2);
	assert_string_equal(again.title, "Prøve 2");
	/* changing the type of a question with answers is refused too */
	const char *retype = "{\"code\":\"test\",\"title\":\"P\",\"questions\":["
	                     "{\"code\":\"s\",\"text\":\"Én\",\"type\":\"text\"},"
	                     "{\"code\":\"m\",\"text\":\"F\",\"type\":\"multi\",\"options\":[{\"key\":\"b\",\"label\":\"B\"}]},"
	                     "{\"code\":\"x\",\"text\":\"M\",\"type\":\"matrix\",\"options\":[{\"key\":\"1\",\"label\":\"N\"}],"
	                     "\"items\":[{\"key\":\"a\",\"label\":\"F\"}]}]}";
	errs.n = 0;
	assert_int_equal(surveys_define(f->db, &f->a, &users_cli, retype, strlen(retype), &errs, &id, &created),
	                 ERR_CONFLICT);
}

static void test_answering_rules(void **state)
{
	struct fx *f = *state;
	struct principal kolding = {.id = 7, .email = "k@kolding.example", .role = ROLE_KONSULENT,
	                            .kommune = "621"};
	struct principal job = {.id = 8, .email = "j@kolding.example", .role = ROLE_JOBKONSULENT,
	                        .kommune = "621"};
	struct round_send send = {.code = "open", .kommuner = "621,740"};
	struct errs errs = {0};
	assert_int_equal(surveys_round_send(f->db, &f->a, &users_cli, &f->s, &send, &errs), 0);
	assert_int_equal(surveys_round_send(f->db, &f->a, &users_cli, &f->s, &send, &errs), ERR_CONFLICT);
	struct round_send bad = {.code = "x y", .opens = "2015-02-30", .kommuner = "621,12"};
	errs.n = 0;
	assert_int_equal(surveys_round_send(f->db, &f->a, &users_cli, &f->s, &bad, &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, "code"));
	assert_non_null(errs_get(&errs, "opens"));
	assert_non_null(errs_get(&errs, "kommuner"));
	struct round rd;
	assert_int_equal(surveys_round(f->db, &f->a, &f->s, "open", &rd), 0);

	const struct question *s = surveys_question(&f->s, "s");
	struct response r = {.kommune = "621"};
	surveys_cell_add(&f->a, &r, &(struct cell){.q = s, .item = "", .option = "1"});
	errs.n = 0;
	/* a draft without the required matrix is fine; submitting it is not */
	assert_int_equal(surveys_save(f->db, &f->a, &kolding, &f->s, &rd, &r, false, &errs), 0);
	assert_int_equal(surveys_save(f->db, &f->a, &kolding, &f->s, &rd, &r, true, &errs), 0);
	/* s is the only required question here: submitted */
	struct response back;
	assert_int_equal(surveys_response_load(f->db, &f->a, &f->s, &rd, "621", &back), 0);
	assert_non_null(back.submitted_at);
	struct response empty = {.kommune = "621"};
	errs.n = 0;
	assert_int_equal(surveys_save(f->db, &f->a, &kolding, &f->s, &rd, &empty, true, &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, "s"));
	/* another municipality's answer, and a jobkonsulent's, are refused */
	struct response other = {.kommune = "740"};
	surveys_cell_add(&f->a, &other, &(struct cell){.q = s, .item = "", .option = "2"});
	errs.n = 0;
	assert_int_equal(surveys_save(f->db, &f->a, &kolding, &f->s, &rd, &other, false, &errs), ERR_FORBIDDEN);
	assert_int_equal(surveys_save(f->db, &f->a, &job, &f->s, &rd, &r, false, &errs), ERR_FORBIDDEN);
	/* two options for a single question is refused */
	struct response two = {.kommune = "621"};
	surveys_cell_add(&f->a, &two, &(struct cell){.q = s, .item = "", .option = "1"});
	surveys_cell_add(&f->a, &two, &(struct cell){.q = s, .item = "", .option = "2"});
	errs.n = 0;
	assert_int_equal(surveys_save(f->db, &f->a, &kolding, &f->s, &rd, &two, false, &errs), ERR_INVALID);

	/* after closing only the administrator reopens, and then the konsulent may answer again */
	struct round_send closed = {.code = "closed", .opens = "2015-01-01", .closes = "2015-12-31",
	                            .kommuner = "621"};
	errs.n = 0;
	assert_int_equal(surveys_round_send(f->db, &f->a, &users_cli, &f->s, &closed, &errs), 0);
	struct round crd;
	assert_int_equal(surveys_round(f->db, &f->a, &f->s, "closed", &crd), 0);
	assert_true(surveys_round_closed(&crd, "2016-01-01"));
	assert_false(surveys_round_closed(&crd, "2015-12-31"));
	assert_int_equal(surveys_save(f->db, &f->a, &kolding, &f->s, &crd, &r, true, &errs), ERR_FORBIDDEN);
	assert_int_equal(surveys_save(f->db, &f->a, &users_cli, &f->s, &crd, &r, true, &errs), 0);
	assert_int_equal(surveys_reopen(f->db, &f->a, &kolding, &crd, "621"), ERR_FORBIDDEN);
	assert_int_equal(surveys_reopen(f->db, &f->a, &users_cli, &crd, "621"), 0);
	assert_int_equal(surveys_save(f->db, &f->a, &kolding, &f->s, &crd, &r, true, &errs), 0);
	/* submitted again: locked again */
	assert_int_equal(surveys_save(f->db, &f->a, &kolding, &f->s, &crd, &r, true, &errs), ERR_FORBIDDEN);
}

static void test_reminders(void **state)
{
	struct fx *f = *state;
	struct errs errs = {0};
	int64_t id;
	const char *who[][3] = {{"k1@kolding.example", "konsulent", "621"}, {"k2@silkeborg.example", "konsulent", "740"},
	                        {"j@silkeborg.example", "jobkonsulent", "740"}};
	for (int i = 0; i < 3; i++) {
		struct user_input u = {.email = who[i][0], .role = who[i][1], .kommune = who[i][2],
		                       .password = "en lang adgangskode", .active = 1};
		assert_int_equal(users_create(f->db, &f->a, &users_cli, &u, &errs, &id), 0);
	}
	struct round_send send = {.code = "paamind", .kommuner = "621,740", .closes = "2030-01-31"};
	assert_int_equal(surveys_round_send(f->db, &f->a, &users_cli, &f->s, &send, &errs), 0);
	struct round rd;
	assert_int_equal(surveys_round(f->db, &f->a, &f->s, "paamind", &rd), 0);
	struct import_report rep;
	assert_int_equal(import(f, "paamind", "kommune,s\n621,1\n", &rep), 0);
	struct principal k = {.id = 0, .email = "k@x", .role = ROLE_KONSULENT, .kommune = "621"};
	int sent = -1;
	assert_int_equal(surveys_remind(f->db, &f->a, &k, &f->s, &rd, &sent), ERR_FORBIDDEN);
	assert_int_equal(surveys_remind(f->db, &f->a, &users_cli, &f->s, &rd, &sent), 0);
	assert_int_equal(sent, 1); /* Silkeborg's konsulent; not its jobkonsulent, not Kolding, which submitted */
	struct outbox_row *rows;
	int n, total;
	assert_int_equal(mail_outbox(f->db, &f->a, &users_cli, true, 10, 0, &rows, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_string_equal(rows[0].to, "k2@silkeborg.example");
	assert_non_null(strstr(rows[0].body, "Silkeborg Kommune har endnu ikke indsendt"));
}

/* the survey list and the round overview: who may see them, and every row however many */
static void test_round_views(void **state)
{
	struct fx *f = *state;
	/* 40 extra municipalities beside the 98, so a round sent to all has 138. One statement
	 * per row: the trigger that numbers a new municipality's place in Danish order runs after
	 * each statement on PostgreSQL, so rows of one statement would share the place 0. */
	for (int i = 900; i < 940; i++) {
		struct db_stmt *st = db_prepare(f->db, "INSERT INTO kommuner (kode, navn, region)"
		                                       " VALUES (CAST(:i AS text), 'Testkommune ' || :i, 'Test')");
		assert_int_equal(db_run(st, st ? db_bind_int(st, ":i", i) : 0), 0);
	}
	struct errs errs = {0};
	struct round_send all = {.code = "alle", .kommuner = ""};
	assert_int_equal(surveys_round_send(f->db, &f->a, &users_cli, &f->s, &all, &errs), 0);
	struct round_send two = {.code = "to", .kommuner = "621,740"};
	assert_int_equal(surveys_round_send(f->db, &f->a, &users_cli, &f->s, &two, &errs), 0);
	struct import_report rep;
	assert_int_equal(import(f, "to", "kommune,s\n621,1\n", &rep), 0);
	struct round rd;
	assert_int_equal(surveys_round(f->db, &f->a, &f->s, "alle", &rd), 0);

	struct principal kolding = {.id = 0, .email = "k@x", .role = ROLE_KONSULENT, .kommune = "621"};
	struct principal aarhus = {.id = 0, .email = "a@x", .role = ROLE_VIRKSOMHED, .kommune = "751"};
	struct principal homeless = {.id = 0, .email = "h@x", .role = ROLE_KONSULENT, .kommune = NULL};
	struct round_status *status;
	int n;
	assert_int_equal(surveys_round_status(f->db, &f->a, &kolding, &rd, &status, &n), ERR_FORBIDDEN);
	assert_int_equal(surveys_round_status(f->db, &f->a, NULL, &rd, &status, &n), ERR_FORBIDDEN);
	assert_int_equal(surveys_round_status(f->db, &f->a, &users_cli, &rd, &status, &n), 0);
	assert_int_equal(n, 98 + 40);

	struct round_row *rows;
	assert_int_equal(surveys_rounds_for(f->db, &f->a, NULL, &rows, &n), ERR_FORBIDDEN);
	assert_int_equal(surveys_rounds_for(f->db, &f->a, &homeless, &rows, &n), ERR_FORBIDDEN);
	assert_int_equal(surveys_rounds_for(f->db, &f->a, &kolding, &rows, &n), 0);
	assert_int_equal(n, 2); /* newest first, with Kolding's answer */
	assert_string_equal(rows[0].round_code, "to");
	assert_true(rows[0].answered);
	assert_non_null(rows[0].submitted_at);
	assert_false(rows[1].answered);
	assert_int_equal(surveys_rounds_for(f->db, &f->a, &aarhus, &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].round_code, "alle");
	/* more rounds than the list once showed: the administrator sees every one */
	struct db_stmt *st = db_prepare(f->db, "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL"
	                                       " SELECT i + 1 FROM c WHERE i < 510)"
	                                       " INSERT INTO survey_rounds (survey_id, code, created_at)"
	                                       " SELECT :sid, 'gammel-' || i, '2015-01-01' FROM c");
	assert_non_null(st);
	assert_int_equal(db_run(st, db_bind_int(st, ":sid", f->s.id)), 0);
	assert_int_equal(surveys_rounds_for(f->db, &f->a, &users_cli, &rows, &n), 0);
	assert_int_equal(n, 510 + 2);
	assert_false(rows[0].answered); /* the administrator has no answer of its own */
}

/* the submitted answers with their cells, by municipality code; drafts left out */
/* the report counts only submitted answers (not a draft, not one reopened by the
 * administrator), a respondent once per question and matrix item however many options it
 * chose, the numbers' odd median, and the free texts in Danish order of the municipality's
 * name (Æ, then Aa as Å); an empty round has zeros and no minimum, median or maximum */
static void test_report_counts(void **state)
{
	struct fx *f = *state;
	struct import_report rep;
	static const char csv[] =
		"kommune,s,m.a,m.b,m.c,x.a,x.b,n,t\r\n"
		"580,1,1,1,0,1,1,7,Aabenraa svarer\r\n"
		"492,2,0,0,0,2,,0,Ærø svarer\r\n"
		"420,2,1,0,1,,2,100,Assens svarer\r\n"
		"851,,0,0,0,1,2,3,Aalborg svarer\r\n"
		"101,1,0,0,1,2,,41,København svarer\r\n"
		"621,1,1,1,1,2,2,50,Kolding svarer\r\n";
	assert_int_equal(import(f, "r1", csv, &rep), 0);
	struct round rd;
	assert_int_equal(surveys_round(f->db, &f->a, &f->s, "r1", &rd), 0);
	assert_int_equal(surveys_reopen(f->db, &f->a, &users_cli, &rd, "621"), 0);
	struct response draft = {.kommune = "147"};
	surveys_cell_add(&f->a, &draft, &(struct cell){.q = surveys_question(&f->s, "n"), .item = "",
	                                               .option = "", .has_number = true, .number = 99});
	surveys_cell_add(&f->a, &draft, &(struct cell){.q = surveys_question(&f->s, "t"), .item = "",
	                                               .option = "", .text = "Udkast"});
	surveys_cell_add(&f->a, &draft, &(struct cell){.q = surveys_question(&f->s, "s"), .item = "",
	                                               .option = "1"});
	struct errs errs = {0};
	assert_int_equal(surveys_save(f->db, &f->a, &users_cli, &f->s, &rd, &draft, false, &errs), 0);

	struct report r;
	assert_int_equal(surveys_report(f->db, &f->a, &f->s, &rd, &r), 0);
	assert_int_equal(r.respondents, 5);
	struct qreport *s = qr_of(&r, "s");
	assert_int_equal(s->answered, 4);
	assert_int_equal(s->counts[0], 2); /* 580, 101 */
	assert_int_equal(s->counts[1], 2); /* 492, 420 */
	struct qreport *m = qr_of(&r, "m");
	assert_int_equal(m->answered, 3); /* 580 chose two, 420 two, 101 one; 492 and 851 none */
	assert_int_equal(m->counts[0], 2);
	assert_int_equal(m->counts[1], 1);
	assert_int_equal(m->counts[2], 2);
	struct qreport *x = qr_of(&r, "x");
	assert_int_equal(x->answered, 0);
	assert_int_equal(x->item_answered[0], 4);
	assert_int_equal(x->item_answered[1], 3);
	assert_int_equal(x->item_counts[0 * 2 + 0], 2);
	assert_int_equal(x->item_counts[0 * 2 + 1], 2);
	assert_int_equal(x->item_counts[1 * 2 + 0], 1);
	assert_int_equal(x->item_counts[1 * 2 + 1], 2);
	struct qreport *n = qr_of(&r, "n");
	assert_int_equal(n->n, 5); /* 0 3 7 41 100: neither Kolding's 50 nor the draft's 99 */
	assert_int_equal(n->answered, 5);
	assert_int_equal(n->sum, 151);
	assert_int_equal(n->min, 0);
	assert_int_equal(n->max, 100);
	assert_true(n->median == 7.0);
	struct qreport *t = qr_of(&r, "t");
	assert_int_equal(t->ntexts, 5);
	assert_int_equal(t->answered, 5);
	static const char *const order[][3] = {
		{"420", "Assens", "Assens svarer"},     {"101", "København", "København svarer"},
		{"492", "Ærø", "Ærø svarer"},           {"580", "Aabenraa", "Aabenraa svarer"},
		{"851", "Aalborg", "Aalborg svarer"},
	};
	for (int k = 0; k < 5; k++) {
		assert_string_equal(t->texts[k].kommune, order[k][0]);
		assert_string_equal(t->texts[k].navn, order[k][1]);
		assert_string_equal(t->texts[k].text, order[k][2]);
	}

	/* a round nobody answered */
	struct round empty;
	assert_int_equal(surveys_round_ensure(f->db, &f->a, &f->s, "r0", &empty), 0);
	assert_int_equal(surveys_report(f->db, &f->a, &f->s, &empty, &r), 0);
	assert_int_equal(r.respondents, 0);
	for (int i = 0; i < r.s->nquestions; i++) {
		const struct qreport *q = &r.q[i];
		assert_int_equal(q->answered + q->n + q->ntexts, 0);
		for (int k = 0; q->counts && k < q->q->noptions; k++)
			assert_int_equal(q->counts[k], 0);
		for (int it = 0; q->item_answered && it < q->q->nitems; it++)
			assert_int_equal(q->item_answered[it], 0);
	}
	struct buf out;
	buf_init(&out, 0);
	surveys_report_json(&out, &r, NULL);
	assert_non_null(strstr(buf_str(&out), "\"answered\":0,\"sum\":0,\"min\":null,\"max\":null,\"median\":null"));
	assert_non_null(strstr(buf_str(&out), "\"type\":\"text\",\"text\":\"Fritekst\",\"answered\":0,\"answers\":[]"));
	buf_free(&out);
}

static void test_submitted(void **state)
{
	struct fx *f = *state;
	struct import_report rep;
	assert_int_equal(import(f, "r1", answers, &rep), 0);
	struct round rd;
	assert_int_equal(surveys_round(f->db, &f->a, &f->s, "r1", &rd), 0);
	struct response draft = {.kommune = "101"};
	surveys_cell_add(&f->a, &draft, &(struct cell){.q = surveys_question(&f->s, "n"), .item = "",
	                                               .option = "", .has_number = true, .number = 7});
	struct errs errs = {0};
	assert_int_equal(surveys_save(f->db, &f->a, &users_cli, &f->s, &rd, &draft, false, &errs), 0);
	struct response *out;
	int n;
	assert_int_equal(surveys_submitted(f->db, &f->a, &f->s, &rd, &out, &n), 0);
	assert_int_equal(n, 4);
	assert_string_equal(out[0].kommune, "370");
	assert_string_equal(out[3].kommune, "849");
	assert_int_equal(out[0].ncells, 1); /* 370 answered only n */
	assert_true(out[0].cells[0].has_number);
	assert_int_equal(out[0].cells[0].number, 41);
	assert_string_equal(out[1].kommune, "621");
	assert_true(out[1].ncells > 5);
}

/* the report names a question tN "Tabel N", as the 2015 report numbers its tables, and any
 * other by its place in the survey */
static void test_table_names(void **state)
{
	(void)state;
	static const struct {
		const char *code, *want;
	} cases[] = {
		{"t2", "Tabel 2"}, {"t15", "Tabel 15"}, {"t", "Spørgsmål 3"}, {"t02", "Spørgsmål 3"},
		{"tx", "Spørgsmål 3"}, {"t1a", "Spørgsmål 3"}, {"q1", "Spørgsmål 3"}, {"t12345", "Spørgsmål 3"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct question q[3] = {{.code = "a"}, {.code = "b"}, {.code = cases[i].code}};
		struct survey sv = {.questions = q, .nquestions = 3};
		char name[48];
		surveys_table_name(&sv, 2, name, sizeof(name));
		if (strcmp(name, cases[i].want))
			fail_msg("%s is called \"%s\", not \"%s\"", cases[i].code, name, cases[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_names),
		cmocka_unit_test_setup_teardown(test_define_loaded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_define_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_and_report, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_orphans, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answering_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reminders, setup, teardown),
		cmocka_unit_test_setup_teardown(test_round_views, setup, teardown),
		cmocka_unit_test_setup_teardown(test_submitted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_report_counts, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
