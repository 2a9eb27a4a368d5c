/*
 * test_listmemo.c — the registry list's answers kept in memory (src/base/memo.h) never outlive
 * a change: the same list asked twice is the same answer; after an enterprise is created,
 * renamed or given another municipality through the API, or imported from the command line by
 * another process while the server runs, the list, the search and the list page show it at
 * once; a server started with --no-memo answers the same.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct harness_server *srv;
static struct harness_client *anon, *kolding;

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	kolding = harness_bearer(srv, "konsulent@kolding.example");
	CHECKF(kolding, "'indgang token create' failed");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

/* the total of the list at path, or -1 */
static long long total_of(const char *path)
{
	struct harness_resp *r = harness_get(anon, path);
	if (r->status != 200)
		return -1;
	return (long long)json_integer_value(json_object_get(harness_json(r), "total"));
}

/* whether the list at path names name */
static bool lists(const char *path, const char *name)
{
	struct harness_resp *r = harness_get(anon, path);
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it)
		if (harness_json_str(it, "name") && !strcmp(harness_json_str(it, "name"), name))
			return true;
	return false;
}

static void same_answer_twice(void)
{
	const char *path = "/api/v1/enterprises?kommune=621&limit=5";
	struct harness_resp *a = harness_get(anon, path), *b = harness_get(anon, path);
	CHECK_STATUS(a, 200);
	CHECK_STATUS(b, 200);
	CHECK(a->len == b->len && memcmp(a->body, b->body, a->len) == 0);
	CHECK_STR(harness_header(b, "Content-Type"), "application/json");
	/* another page is another answer */
	struct harness_resp *c = harness_get(anon, "/api/v1/enterprises?kommune=621&limit=5&offset=5");
	CHECK_STATUS(c, 200);
	CHECK(c->len != a->len || memcmp(c->body, a->body, a->len) != 0);
}

static void api_changes_show_at_once(void)
{
	const char *search = "/api/v1/enterprises?q=hukommelsesprøve";
	const char *silkeborg = "/api/v1/enterprises?kommune=740&q=hukommelsesprøve";
	long long kolding_before = total_of("/api/v1/enterprises?kommune=621&limit=1");
	CHECK(kolding_before > 0);
	CHECK(total_of(search) == 0);
	CHECK(total_of(search) == 0); /* asked twice: the second answer is the kept one */
	struct harness_resp *r = harness_post_json(kolding, "/api/v1/enterprises",
	                                           "{\"name\":\"Hukommelsesprøven\",\"kommune\":\"621\"}");
	CHECK_STATUS(r, 201);
	long long id = (long long)json_integer_value(json_object_get(harness_json(r), "id"));
	CHECK(total_of(search) == 1);
	CHECK(lists(search, "Hukommelsesprøven"));
	CHECK(total_of("/api/v1/enterprises?kommune=621&limit=1") == kolding_before + 1);
	/* renamed: the new name is found, the old is not */
	CHECK(total_of(silkeborg) == 0);
	r = harness_patch_json(kolding, harness_fmt("/api/v1/enterprises/%lld", id),
	                       "{\"name\":\"Erindringsprøven\",\"other_kommuner\":[\"740\"]}");
	CHECK_STATUS(r, 200);
	CHECK(total_of(search) == 0);
	CHECK(total_of("/api/v1/enterprises?q=erindringsprøve") == 1);
	/* another municipality now lists it, as one it works with */
	CHECK(lists("/api/v1/enterprises?kommune=740&q=erindringsprøve", "Erindringsprøven"));
	/* the list page too: its pages are kept the same way */
	struct harness_resp *page = harness_get(anon, "/virksomheder?kommune=740&q=erindringspr%C3%B8ve");
	CHECK_STATUS(page, 200);
	CHECK_HAS(page->body, "Erindringsprøven");
	r = harness_patch_json(kolding, harness_fmt("/api/v1/enterprises/%lld", id),
	                       "{\"name\":\"Genkaldelsesprøven\",\"other_kommuner\":[]}");
	CHECK_STATUS(r, 200);
	page = harness_get(anon, "/virksomheder?kommune=740&q=erindringspr%C3%B8ve");
	CHECK_STATUS(page, 200);
	CHECK_LACKS(page->body, "Erindringsprøven");
	page = harness_get(anon, "/virksomheder?kommune=621&q=genkaldelsespr%C3%B8ve");
	CHECK_HAS(page->body, "Genkaldelsesprøven");
}

static void import_by_another_process_shows(void)
{
	const char *search = "/api/v1/enterprises?q=importprøve";
	CHECK(total_of(search) == 0);
	const char *csv_path = harness_server_path(srv, "memo.csv");
	FILE *f = fopen(csv_path, "w");
	CHECKF(f, "cannot write %s", csv_path);
	fputs("name,kommune\nImportprøven Ét,621\nImportprøven To,740\n", f);
	fclose(f);
	CHECK(harness_cli(srv, NULL, NULL, "registry", "import", csv_path, NULL) == 0);
	CHECK(total_of(search) == 2);
	CHECK(total_of("/api/v1/enterprises?q=importprøve&kommune=740") == 1);
}

static void no_memo_answers_the_same(void)
{
	const char *paths[] = {"/api/v1/enterprises?kommune=621&limit=5",
	                       "/api/v1/enterprises?q=importprøve",
	                       "/api/v1/enterprises?service=kantine&sort=established&limit=3"};
	char *kept[3];
	for (int i = 0; i < 3; i++) {
		struct harness_resp *r = harness_get(anon, paths[i]);
		CHECK_STATUS(r, 200);
		kept[i] = harness_fmt("%s", r->body);
	}
	CHECK(harness_server_stop(srv) == 0);
	const char *opts[] = {"--no-memo", NULL};
	CHECKF(harness_server_start(srv, opts) == 0, "indgang serve --no-memo did not start");
	anon = harness_client(srv);
	for (int i = 0; i < 3; i++) {
		struct harness_resp *r = harness_get(anon, paths[i]);
		CHECK_STATUS(r, 200);
		CHECK_STR(r->body, kept[i]);
	}
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and a token is issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"the same list asked twice is the same answer; another page another", same_answer_twice, 0},
	{"an enterprise created, renamed and given a municipality over the API is listed at once", api_changes_show_at_once, 0},
	{"an import by another process while the server runs is listed at once", import_by_another_process_shows, 0},
	{"a server with --no-memo answers exactly the same", no_memo_answers_the_same, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
