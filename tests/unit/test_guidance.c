/*
 * test_guidance.c — the guidance library (src/outreach/guidance.h) and the check of documents by
 * content (src/outreach/files.h) against an in-memory database: the sample files of
 * tests/data/docs/ judged by their bytes (a sound PDF, DOCX and XLSX pass; a renamed EXE, a
 * truncated PDF, a ZIP that is no Office file, a ZIP whose directory lies past its end and an
 * encrypted entry are refused with a message, and nothing is stored); the 10 MB cap; links;
 * Danish search by an inflected or æ/ae-folded word and by tag; access between municipalities
 * and for national documents; the review mark. Run from the repository's root (tests/run.sh).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "src/base/errs.h"
#include "src/outreach/files.h"
#include "src/outreach/guidance.h"

#define DOCS "tests/data/docs/"

/* the file DOCS name into a (its length in *len) */
static unsigned char *load(struct arena *a, const char *name, size_t *len)
{
	char path[256];
	snprintf(path, sizeof(path), DOCS "%s", name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	unsigned char *data = arena_alloc(a, 64 * 1024);
	*len = fread(data, 1, 64 * 1024, f);
	fclose(f);
	assert_true(*len > 0);
	return data;
}

static int64_t rows(struct fixture *f)
{
	struct db_stmt *s = db_prepare(f->db, "SELECT count(*) FROM guidance");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	int64_t n = db_col_int(s, 0);
	db_done(s);
	return n;
}

static void sound_files_pass(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *name;
		enum files_type type;
	} good[] = {{"good.pdf", FILES_PDF}, {"good.docx", FILES_DOCX}, {"good.xlsx", FILES_XLSX}};
	for (size_t i = 0; i < N_OF(good); i++) {
		size_t len;
		unsigned char *d = load(&f->a, good[i].name, &len);
		enum files_type t;
		const char *why = "x";
		assert_int_equal(files_check(d, len, &t, &why), 0);
		assert_int_equal(t, good[i].type);
		assert_null(why);
	}
}

static void hostile_files_are_refused(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *name, *says;
	} bad[] = {
		{"renamed-exe.pdf", "hverken en PDF"},
		{"truncated.pdf", "PDF"},
		{"not-office.docx", "ikke et Word- eller Excel-dokument"},
		{"offset-past-end.docx", "beskadiget"},
		{"encrypted.docx", "krypteret"},
	};
	for (size_t i = 0; i < N_OF(bad); i++) {
		size_t len;
		unsigned char *d = load(&f->a, bad[i].name, &len);
		enum files_type t;
		const char *why = NULL;
		assert_int_equal(files_check(d, len, &t, &why), ERR_INVALID);
		assert_int_equal(t, FILES_NONE);
		assert_non_null(why);
		assert_non_null(strstr(why, bad[i].says));
		/* through the library: 422 on file, nothing stored */
		struct guidance_doc doc = {.kommune = "621", .title = "Farlig", .filename = bad[i].name,
		                           .data = d, .size = len};
		struct errs errs = {0};
		assert_int_equal(guidance_save(f->db, &f->a, &fixture_kons621, &doc, &errs), ERR_INVALID);
		assert_non_null(errs_get(&errs, "file"));
		assert_int_equal(doc.id, 0);
	}
	/* cut anywhere, a DOCX never passes and never reads outside its bytes */
	size_t len;
	unsigned char *d = load(&f->a, "good.docx", &len);
	for (size_t cut = 0; cut < len; cut++) {
		enum files_type t;
		const char *why;
		unsigned char *copy = malloc(cut ? cut : 1);
		memcpy(copy, d, cut);
		assert_int_not_equal(files_check(copy, cut, &t, &why), 0);
		free(copy);
	}
	assert_int_equal(rows(f), 0);
	assert_int_equal(fixture_audit_count(f->db, "create", "guidance"), 0);
}

static void over_the_cap_is_too_big(void **state)
{
	struct fixture *f = *state;
	size_t len = FILES_MAX_BYTES + 1;
	unsigned char *big = calloc(len, 1);
	assert_non_null(big);
	memcpy(big, "%PDF-1.4\n", 9);
	enum files_type t;
	const char *why;
	assert_int_equal(files_check(big, len, &t, &why), ERR_TOOBIG);
	struct guidance_doc doc = {.kommune = "621", .title = "Stor", .filename = "stor.pdf",
	                           .data = big, .size = len};
	struct errs errs = {0};
	assert_int_equal(guidance_save(f->db, &f->a, &fixture_kons621, &doc, &errs), ERR_TOOBIG);
	assert_non_null(errs_get(&errs, "file"));
	free(big);
	assert_int_equal(rows(f), 0);
}

/* a saved document of by; its id */
static int64_t save(struct fixture *f, const struct principal *by, struct guidance_doc d)
{
	struct errs errs = {0};
	int rc = guidance_save(f->db, &f->a, by, &d, &errs);
	if (rc)
		fail_msg("save: %d %s", rc, errs.n ? errs.e[0].message : "");
	return d.id;
}

static void links_files_and_validation(void **state)
{
	struct fixture *f = *state;
	size_t len;
	unsigned char *docx = load(&f->a, "good.docx", &len);
	int64_t file = save(f, &fixture_kons621, (struct guidance_doc){
		.kommune = "621", .title = "Skabelon: samarbejdsaftale", .tags = "Skabelon, fleksjob skabelon",
		.filename = "../../Aftale <1>.exe", .data = docx, .size = len});
	struct guidance_doc got;
	assert_int_equal(guidance_file(f->db, &f->a, &fixture_job621, file, &got), 0);
	assert_int_equal(got.file_type, FILES_DOCX);
	assert_string_equal(got.filename, "Aftale__1_.docx");
	assert_string_equal(got.tags, "skabelon fleksjob");
	assert_int_equal(got.size, len);
	assert_memory_equal(got.data, docx, len);
	assert_int_equal(got.owner_id, fixture_kons621.id);
	/* a link has no file */
	int64_t link = save(f, &fixture_kons621, (struct guidance_doc){
		.kommune = "621", .title = "Beskæftigelsesministeriet", .url = "https://bm.dk/"});
	assert_int_equal(guidance_file(f->db, &f->a, &fixture_kons621, link, &got), ERR_NOTFOUND);
	/* the fields named */
	struct guidance_doc bad = {.kommune = "621", .title = "", .url = "javascript:alert(1)",
	                           .review_date = "snart"};
	struct errs errs = {0};
	assert_int_equal(guidance_save(f->db, &f->a, &fixture_kons621, &bad, &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, "title"));
	assert_non_null(errs_get(&errs, "url"));
	assert_non_null(errs_get(&errs, "review_date"));
	bad = (struct guidance_doc){.kommune = "621", .title = "Intet"};
	errs = (struct errs){0};
	assert_int_equal(guidance_save(f->db, &f->a, &fixture_kons621, &bad, &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, "file"));
	/* an update keeps the file and the municipality */
	assert_int_equal(guidance_get(f->db, &f->a, &fixture_kons621, file, &got), 0);
	got.title = "Skabelon: samarbejdsaftale (2026)";
	got.kommune = "740";
	errs = (struct errs){0};
	assert_int_equal(guidance_save(f->db, &f->a, &fixture_kons621, &got, &errs), 0);
	assert_string_equal(got.kommune, "621");
	assert_int_equal(got.file_type, FILES_DOCX);
	assert_int_equal(fixture_audit_count(f->db, "update", "guidance"), 1);
}

static int list_total(struct fixture *f, const struct principal *by, const char *q, const char *tag)
{
	struct guidance_query gq = {.q = q, .tag = tag, .limit = 50};
	struct guidance_doc *items;
	int n, total;
	assert_int_equal(guidance_list(f->db, &f->a, by, &gq, &items, &n, &total), 0);
	return total;
}

static void danish_search_and_tags(void **state)
{
	struct fixture *f = *state;
	save(f, &fixture_kons621, (struct guidance_doc){
		.kommune = "621", .title = "Samarbejdsaftale med socialøkonomiske virksomheder",
		.summary = "Skabelon til aftaler om praktik og fleksjob.", .tags = "skabelon",
		.url = "https://example.org/aftale"});
	save(f, &fixture_kons621, (struct guidance_doc){
		.kommune = "621", .title = "Overblik over beskæftigelsesordningerne",
		.summary = "Løntilskud, mentor og virksomhedspraktik.", .tags = "ordninger lov",
		.url = "https://example.org/ordninger"});
	/* an inflected form, æ and ø written ae and oe, a word of the summary, a prefix */
	assert_int_equal(list_total(f, &fixture_kons621, "samarbejdsaftaler", NULL), 1);
	assert_int_equal(list_total(f, &fixture_kons621, "beskaeftigelsesordningerne", NULL), 1);
	assert_int_equal(list_total(f, &fixture_kons621, "loentilskud", NULL), 1);
	assert_int_equal(list_total(f, &fixture_kons621, "socialoekonomisk", NULL), 1);
	assert_int_equal(list_total(f, &fixture_kons621, "virksomhedspr", NULL), 1);
	assert_int_equal(list_total(f, &fixture_kons621, "kattemad", NULL), 0);
	/* tags: a search word and a filter */
	assert_int_equal(list_total(f, &fixture_kons621, "ordninger", NULL), 1);
	assert_int_equal(list_total(f, &fixture_kons621, NULL, "skabelon"), 1);
	assert_int_equal(list_total(f, &fixture_kons621, NULL, "Skabelon"), 1);
	assert_int_equal(list_total(f, &fixture_kons621, NULL, "skab"), 0);
	assert_int_equal(list_total(f, &fixture_kons621, NULL, NULL), 2);
}

static void access_between_municipalities(void **state)
{
	struct fixture *f = *state;
	int64_t own = save(f, &fixture_kons621, (struct guidance_doc){
		.kommune = "621", .title = "Koldings vejledning", .url = "https://example.org/k"});
	int64_t national = save(f, &fixture_admin, (struct guidance_doc){
		.kommune = NULL, .title = "Landsdækkende vejledning", .url = "https://example.org/n",
		.review_date = "2000-01-01"});
	struct guidance_doc d = {.kommune = "621", .title = "X", .url = "https://example.org/x"};
	struct errs errs = {0};
	/* writing: another municipality, the buyer, an enterprise, the public; national: admin */
	assert_int_equal(guidance_save(f->db, &f->a, &fixture_kons740, &d, &errs), ERR_FORBIDDEN);
	assert_int_equal(guidance_save(f->db, &f->a, &fixture_indk621, &d, &errs), ERR_FORBIDDEN);
	assert_int_equal(guidance_save(f->db, &f->a, &fixture_virk621, &d, &errs), ERR_FORBIDDEN);
	assert_int_equal(guidance_save(f->db, &f->a, NULL, &d, &errs), ERR_FORBIDDEN);
	d.kommune = NULL;
	assert_int_equal(guidance_save(f->db, &f->a, &fixture_kons621, &d, &errs), ERR_FORBIDDEN);
	/* reading */
	struct guidance_doc got;
	assert_int_equal(guidance_get(f->db, &f->a, &fixture_indk621, own, &got), 0);
	assert_int_equal(guidance_get(f->db, &f->a, &fixture_kons740, own, &got), ERR_FORBIDDEN);
	assert_int_equal(guidance_get(f->db, &f->a, &fixture_virk621, own, &got), ERR_FORBIDDEN);
	assert_int_equal(guidance_get(f->db, &f->a, NULL, own, &got), ERR_FORBIDDEN);
	assert_int_equal(guidance_get(f->db, &f->a, &fixture_kons740, national, &got), 0);
	assert_true(got.review_due);
	assert_int_equal(guidance_get(f->db, &f->a, &fixture_kons621, 999, &got), ERR_NOTFOUND);
	/* lists: Silkeborg sees the national one only; the public and enterprises nothing */
	assert_int_equal(list_total(f, &fixture_kons740, NULL, NULL), 1);
	assert_int_equal(list_total(f, &fixture_kons621, NULL, NULL), 2);
	assert_int_equal(list_total(f, &fixture_admin, NULL, NULL), 2);
	struct guidance_query q = {.limit = 10};
	struct guidance_doc *items;
	int n, total;
	assert_int_equal(guidance_list(f->db, &f->a, NULL, &q, &items, &n, &total), ERR_FORBIDDEN);
	assert_int_equal(guidance_list(f->db, &f->a, &fixture_virk621, &q, &items, &n, &total), ERR_FORBIDDEN);
	q.due = true;
	assert_int_equal(guidance_list(f->db, &f->a, &fixture_kons621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	/* deleting: Silkeborg may not, Kolding may not delete the national one, the admin may */
	assert_int_equal(guidance_delete(f->db, &f->a, &fixture_kons740, own), ERR_FORBIDDEN);
	assert_int_equal(guidance_delete(f->db, &f->a, &fixture_kons621, national), ERR_FORBIDDEN);
	assert_int_equal(guidance_delete(f->db, &f->a, &fixture_kons621, own), 0);
	assert_int_equal(guidance_delete(f->db, &f->a, &fixture_admin, national), 0);
	assert_int_equal(rows(f), 0);
	assert_int_equal(list_total(f, &fixture_admin, "vejledning", NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(sound_files_pass, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(hostile_files_are_refused, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(over_the_cap_is_too_big, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(links_files_and_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(danish_search_and_tags, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(access_between_municipalities, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
