/*
 * test_capabilities.c — the registry, the surveys and the one entry point over real HTTP: the
 * interfaces the acceptance checks use (search the way Danes type, CVR validation, Tabel 1 for
 * 2015 from the demo data, the 2015 survey's report, inquiries with their limits, advisory
 * statistics), who may do what between municipalities, the browser forms (contact, survey
 * answering, enterprise editing) and every page's HTML.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"

static struct harness_server *srv;
static struct harness_client *anon, *kolding, *silkeborg, *admin, *owner;

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	kolding = harness_bearer(srv, "konsulent@kolding.example");
	silkeborg = harness_bearer(srv, "konsulent@silkeborg.example");
	admin = harness_bearer(srv, "admin@indgang.example");
	owner = harness_bearer(srv, "virksomhed@kolding.example");
	CHECKF(kolding && silkeborg && admin && owner, "'indgang token create' failed");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

/* ---------------------------------------------------------------- registry */

static const char *first_name(struct harness_resp *r)
{
	json_t *items = json_object_get(harness_json(r), "items");
	return harness_json_str(json_array_get(items, 0), "name");
}

static void search_danish(void)
{
	const char *queries[] = {"aeblespecialist", "%C3%A6blespecialisterne", "AEBLES", "%C3%86blesp"};
	for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		struct harness_resp *r = harness_get(anon, harness_fmt("/api/v1/enterprises?q=%s", queries[i]));
		CHECK_STATUS(r, 200);
		CHECKF(json_integer_value(json_object_get(harness_json(r), "total")) == 1, "q=%s: %s", queries[i], r->body);
		CHECK_STR(first_name(r), "Æblespecialisterne ApS");
	}
	struct harness_resp *none = harness_get(anon, "/api/v1/enterprises?q=p%C3%A6revælling");
	CHECK_STATUS(none, 200);
	CHECK(json_integer_value(json_object_get(harness_json(none), "total")) == 0);
	CHECK_API_ERROR(harness_get(anon, "/api/v1/enterprises?sort=colour"), 400, "bad_parameter", "sort");
}

static void list_in_danish_order(void)
{
	struct harness_resp *r = harness_get(anon, "/api/v1/enterprises?kommune=740&limit=500");
	CHECK_STATUS(r, 200);
	json_t *items = json_object_get(harness_json(r), "items");
	CHECK(json_array_size(items) >= 10);
	/* Æblespecialisterne sorts after every A-Z name of Silkeborg */
	size_t i;
	json_t *it;
	size_t aeble = 0, last_latin = 0;
	json_array_foreach(items, i, it) {
		const char *n = harness_json_str(it, "name");
		if (!strcmp(n, "Æblespecialisterne ApS"))
			aeble = i;
		else if ((n[0] >= 'A' && n[0] <= 'Z') && strncmp(n, "Aa", 2))
			last_latin = i;
	}
	CHECKF(aeble > last_latin, "Æ at %zu, a Latin name at %zu", aeble, last_latin);
}

static void create_and_edit_enterprise(void)
{
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/enterprises",
	                                  "{\"name\":\"Forkert CVR\",\"kommune\":\"621\",\"cvr\":\"10150818\"}"),
	                422, "invalid", "cvr");
	struct harness_resp *r = harness_post_json(kolding, "/api/v1/enterprises",
	                                           "{\"name\":\"Grøn Kantine HTTP\",\"kommune\":\"621\",\"cvr\":\"10150817\","
	                                           "\"established\":\"2026-01-05\",\"services\":[\"kantine\"]}");
	CHECK_STATUS(r, 201);
	long long id = (long long)json_integer_value(json_object_get(harness_json(r), "id"));
	CHECK(id > 0);
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/enterprises",
	                                  "{\"name\":\"Samme CVR\",\"kommune\":\"621\",\"cvr\":\"10150817\"}"),
	                409, "conflict", "cvr");
	/* another municipality's konsulent may neither create in 621 nor change this one */
	CHECK_API_ERROR(harness_post_json(silkeborg, "/api/v1/enterprises", "{\"name\":\"X\",\"kommune\":\"621\"}"),
	                403, "forbidden", NULL);
	CHECK_API_ERROR(harness_patch_json(silkeborg, harness_fmt("/api/v1/enterprises/%lld", id),
	                                   "{\"name\":\"Overtaget\"}"), 403, "forbidden", NULL);
	struct harness_resp *p = harness_patch_json(kolding, harness_fmt("/api/v1/enterprises/%lld", id),
	                                            "{\"closed\":\"2026-06-30\"}");
	CHECK_STATUS(p, 200);
	CHECK_STR(harness_json_str(harness_json(p), "closed"), "2026-06-30");
	CHECK_STR(harness_json_str(harness_json(p), "name"), "Grøn Kantine HTTP");
	/* a name or description a spreadsheet would run as a formula goes into the public CSV with
	 * an apostrophe in front (CSV injection), and an import of that file reads it back as typed */
	struct harness_resp *f = harness_post_json(kolding, "/api/v1/enterprises",
		"{\"name\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"Klik\\\")\",\"kommune\":\"621\","
		"\"description\":\"@SUM(1+1)\"}");
	CHECK_STATUS(f, 201);
	struct harness_resp *csv = harness_get(anon, "/virksomheder/eksport?format=csv&kommune=621");
	CHECK_STATUS(csv, 200);
	CHECK_HAS(csv->body, "\"'=HYPERLINK(");
	CHECK_HAS(csv->body, "'@SUM(1+1)");
	CHECK_LACKS(csv->body, ",=HYPERLINK");
	CHECK_LACKS(csv->body, ",@SUM");
	CHECK_LACKS(csv->body, ";=HYPERLINK");
	/* the profile page shows it and its history to the municipality's staff */
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *page = harness_get(web, harness_fmt("/virksomheder/%lld", id));
	CHECK_STATUS(page, 200);
	CHECK_HTML(page);
	CHECK_HAS(page->body, "Historik");
	CHECK_HAS(page->body, "Grøn Kantine HTTP");
}

static void own_enterprise_profile(void)
{
	struct harness_resp *r = harness_get(anon, "/api/v1/enterprises?q=soul&kommune=621");
	CHECK_STATUS(r, 200);
	json_t *it = json_array_get(json_object_get(harness_json(r), "items"), 0);
	CHECK_STR(harness_json_str(it, "name"), "Soul Café");
	long long id = (long long)json_integer_value(json_object_get(it, "id"));
	struct harness_resp *p = harness_patch_json(owner, harness_fmt("/api/v1/enterprises/%lld", id),
	                                            "{\"description\":\"Frokost og kaffe\",\"kommune\":\"740\"}");
	CHECK_STATUS(p, 200);
	CHECK_STR(harness_json_str(harness_json(p), "description"), "Frokost og kaffe");
	CHECK_STR(harness_json_str(harness_json(p), "kommune"), "621"); /* a fact the owner cannot change */
	struct harness_resp *other = harness_get(anon, "/api/v1/enterprises?q=allehaande&kommune=621");
	long long oid = (long long)json_integer_value(
		json_object_get(json_array_get(json_object_get(harness_json(other), "items"), 0), "id"));
	CHECK(oid > 0);
	CHECK_API_ERROR(harness_patch_json(owner, harness_fmt("/api/v1/enterprises/%lld", oid),
	                                   "{\"description\":\"Overtaget\"}"), 403, "forbidden", NULL);
}

static const struct {
	const char *kode;
	int total, registered, established, pipeline;
} tabel1[] = {
	{"740", 9, 4, 6, 4}, {"746", 8, 1, 3, 2}, {"621", 7, 3, 3, 13}, {"849", 7, 2, 1, 2},
	{"370", 7, 0, 0, 4}, {"330", 6, 4, 4, 4}, {"615", 6, 2, 2, 4}, {"630", 5, 2, 0, 3},
	{"265", 5, 0, 1, 4}, {"779", 5, 0, 3, 2}, {"253", 4, 0, 0, 2}, {"730", 3, 2, 2, 3},
	{"813", 2, 1, 2, 1}, {"710", 2, 1, 1, 2}, {"165", 0, 0, 1, 2}, {"450", 0, 0, 0, 3},
	{"350", 0, 0, 0, 3},
};

/* tabel1_all_problem: NULL when doc, Tabel 1 for 2015 without a list of municipalities, has a
 * row for Albertslund, Nyborg, Lejre and Høje-Taastrup (Grennessminde) and I alt 77/22/29/58;
 * else the reason, in a static buffer. */
static const char *tabel1_all_problem(const char *who, json_t *doc)
{
	static char why[200];
	if (!doc) {
		snprintf(why, sizeof(why), "%s: no JSON", who);
		return why;
	}
	json_t *isum = json_object_get(doc, "total");
	int t[4] = {(int)json_integer_value(json_object_get(isum, "total")),
	            (int)json_integer_value(json_object_get(isum, "registered")),
	            (int)json_integer_value(json_object_get(isum, "established")),
	            (int)json_integer_value(json_object_get(isum, "pipeline"))};
	if (t[0] != 77 || t[1] != 22 || t[2] != 29 || t[3] != 58) {
		snprintf(why, sizeof(why), "%s: I alt %d/%d/%d/%d, not 77/22/29/58", who, t[0], t[1], t[2], t[3]);
		return why;
	}
	json_t *arows = json_object_get(doc, "rows");
	const char *need[] = {"165", "450", "350", "169"};
	for (size_t q = 0; q < 4; q++) {
		bool found = false;
		json_t *x;
		size_t i;
		json_array_foreach(arows, i, x) if (!strcmp(harness_json_str(x, "kommune"), need[q])) found = true;
		if (!found) {
			snprintf(why, sizeof(why), "%s: no row for %s", who, need[q]);
			return why;
		}
	}
	return NULL;
}

static void tabel1_from_the_demo(void)
{
	struct harness_resp *r = harness_get(
		anon, "/api/v1/stats/enterprises?year=2015&kommuner=740,746,621,849,370,330,615,630,265,779,253,730,813,710,165,450,350");
	CHECK_STATUS(r, 200);
	json_t *rows = json_object_get(harness_json(r), "rows");
	CHECK(json_array_size(rows) == 17);
	for (size_t k = 0; k < 17; k++) {
		json_t *row = NULL, *x;
		size_t i;
		json_array_foreach(rows, i, x) if (!strcmp(harness_json_str(x, "kommune"), tabel1[k].kode)) row = x;
		CHECKF(row, "no row for %s", tabel1[k].kode);
		int got[4] = {(int)json_integer_value(json_object_get(row, "total")),
		              (int)json_integer_value(json_object_get(row, "registered")),
		              (int)json_integer_value(json_object_get(row, "established")),
		              (int)json_integer_value(json_object_get(row, "pipeline"))};
		CHECKF(got[0] == tabel1[k].total && got[1] == tabel1[k].registered &&
		       got[2] == tabel1[k].established && got[3] == tabel1[k].pipeline,
		       "%s: %d %d %d %d", tabel1[k].kode, got[0], got[1], got[2], got[3]);
	}
	json_t *sum = json_object_get(harness_json(r), "total");
	CHECK(json_integer_value(json_object_get(sum, "total")) == 76);
	CHECK(json_integer_value(json_object_get(sum, "pipeline")) == 58);
	CHECK_API_ERROR(harness_get(anon, "/api/v1/stats/enterprises?year=2015&kommuner=74"), 400, "bad_parameter", "kommuner");
	struct harness_resp *page = harness_get(anon, "/statistik?year=2015");
	CHECK_STATUS(page, 200);
	CHECK_HTML(page);
	CHECK_HAS(page->body, "<figure class=\"chart\">");
	/* without a list: every municipality with a figure, Albertslund, Nyborg and Lejre among them
	 * (only established in the year or on the way), and the report's I alt plus Grennessminde */
	struct harness_resp *all = harness_get(anon, "/api/v1/stats/enterprises?year=2015");
	CHECK_STATUS(all, 200);
	const char *problem = tabel1_all_problem("/api/v1/stats/enterprises", harness_json(all));
	CHECKF(!problem, "%s", problem);
	char *cli = NULL;
	CHECK(harness_cli(srv, NULL, &cli, "registry", "stats", "--year", "2015", "--format", "json", NULL) == 0);
	json_error_t jerr;
	json_t *cli_json = cli ? json_loads(cli, 0, &jerr) : NULL;
	problem = tabel1_all_problem("registry stats", cli_json);
	json_decref(cli_json);
	CHECKF(!problem, "%s", problem);
	CHECK_HAS(page->body, "Albertslund");
	CHECK_HAS(page->body, "Nyborg");
	CHECK_HAS(page->body, "Lejre");
	struct harness_resp *csv = harness_get(anon, "/statistik/virksomheder?format=csv&year=2015&kommuner=740");
	CHECK_STATUS(csv, 200);
	CHECK_HAS(harness_header(csv, "Content-Type"), "text/csv");
	CHECK_HAS(csv->body, "\r\nSilkeborg;740;9;4;6;4\r\n");
	/* the command line's columns with ?raw=1, commas with ?sep=, */
	csv = harness_get(anon, "/statistik/virksomheder?format=csv&year=2015&kommuner=740&raw=1&sep=,");
	CHECK_STATUS(csv, 200);
	CHECK_HAS(csv->body, "kommune,name,total,registered,established,pipeline\r\n740,Silkeborg,9,4,6,4\r\n");
	struct harness_resp *xlsx = harness_get(anon, "/statistik/virksomheder?format=xlsx&year=2015");
	CHECK_STATUS(xlsx, 200);
	CHECK(xlsx->len > 100 && !memcmp(xlsx->body, "PK", 2));
}

/* the item of the list r named name, or NULL */
static json_t *item_named(struct harness_resp *r, const char *name)
{
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it)
		if (!strcmp(harness_json_str(it, "name"), name))
			return it;
	return NULL;
}

/* Bilag 1: an enterprise is listed for the municipalities that work with it as well as for its
 * home, marked as such, in the API, the list page, the export and the Bilag 1 page */
static void bilag1_per_municipality(void)
{
	struct harness_resp *r = harness_get(anon, "/api/v1/enterprises?kommune=621&limit=500");
	CHECK_STATUS(r, 200);
	json_t *boas = item_named(r, "BOAS specialister ApS");
	CHECKF(boas, "BOAS Specialister is not listed for Kolding: %.300s", r->body);
	CHECK(boas && json_is_false(json_object_get(boas, "home")));
	CHECK_STR(harness_json_str(boas, "kommune"), "740");
	json_t *soul = item_named(r, "Soul Café");
	CHECK(soul && json_is_true(json_object_get(soul, "home")));
	struct harness_resp *a = harness_get(anon, "/api/v1/enterprises?kommune=165");
	CHECK_STATUS(a, 200);
	json_t *gm = item_named(a, "Grennessminde");
	CHECKF(gm, "Grennessminde is not listed for Albertslund: %.300s", a->body);
	CHECK(gm && json_is_false(json_object_get(gm, "home")));
	CHECK(json_integer_value(json_object_get(harness_json(a), "total")) ==
	      (json_int_t)json_array_size(json_object_get(harness_json(a), "items")));
	/* the list page marks it */
	struct harness_resp *page = harness_get(anon, "/virksomheder?kommune=165");
	CHECK_STATUS(page, 200);
	CHECK_HTML(page);
	CHECK_HAS(page->body, "Grennessminde");
	CHECK_HAS(page->body, "arbejder i kommunen, hjemkommune: Høje-Taastrup");
	CHECK_HAS(page->body, "href=\"/statistik/bilag1");
	/* the export holds it, with the column saying where it is at home: Danish for people, the
	 * import's column home with ?raw=1 */
	struct harness_resp *exp = harness_get(anon, "/virksomheder/eksport?format=csv&kommune=621");
	CHECK_STATUS(exp, 200);
	CHECK_HAS(exp->body, ";Beskrivelse;Hjemme i kommunen\r\n");
	CHECK_HAS(exp->body, "\r\nBOAS specialister ApS;;Silkeborg;740;");
	exp = harness_get(anon, "/virksomheder/eksport?format=csv&kommune=621&raw=1&sep=,");
	CHECK_STATUS(exp, 200);
	CHECK_HAS(exp->body, ",source,home\r\n");
	CHECK_HAS(exp->body, "\r\nBOAS specialister ApS,");
	struct harness_resp *ej = harness_get(anon, "/virksomheder/eksport?format=json&kommune=165");
	CHECK_STATUS(ej, 200);
	json_t *gj = json_array_get(json_object_get(harness_json(ej), "items"), 0);
	CHECK_STR(harness_json_str(gj, "name"), "Grennessminde");
	CHECK(json_is_false(json_object_get(gj, "home")));
	/* Bilag 1: every municipality, or one */
	struct harness_resp *all = harness_get(anon, "/statistik/bilag1");
	CHECK_STATUS(all, 200);
	CHECK_HTML(all);
	CHECK_SECURITY_HEADERS(all);
	CHECK_HAS(all->body, "Albertslund");
	CHECK_HAS(all->body, "Grennessminde");
	CHECK_HAS(all->body, "Æblespecialisterne ApS");
	struct harness_resp *one = harness_get(anon, "/statistik/bilag1?kommune=621");
	CHECK_STATUS(one, 200);
	CHECK_HTML(one);
	CHECK_HAS(one->body, "Soul Café");
	CHECK_HAS(one->body, "BOAS specialister ApS");
	CHECK_HAS(one->body, "hjemkommune: Silkeborg");
	CHECK_LACKS(one->body, "Æblespecialisterne ApS");
	CHECK_HAS(one->body, "href=\"/statistik/bilag1/eksport?format=csv&amp;kommune=621\"");
	struct harness_resp *csv = harness_get(anon, "/statistik/bilag1/eksport?format=csv&kommune=165");
	CHECK_STATUS(csv, 200);
	CHECK_HAS(harness_header(csv, "Content-Type"), "text/csv");
	CHECK_HAS(csv->body, "Kommune;Kode;Virksomhed;Hjemme i kommunen;Hjemkommune;Hjemkommunens kode\r\n");
	CHECK_HAS(csv->body, "\r\nAlbertslund;165;Grennessminde;Nej;Høje-Taastrup;169\r\n");
	struct harness_resp *kcsv = harness_get(anon, "/statistik/bilag1/eksport?format=csv&raw=1&sep=,");
	CHECK_STATUS(kcsv, 200);
	CHECK_HAS(kcsv->body, "kommune,kommune_name,enterprise_id,name,home,home_kommune,home_kommune_name\r\n");
	CHECK_HAS(kcsv->body, ",BOAS specialister ApS,0,740,Silkeborg\r\n");
	CHECK_HAS(kcsv->body, ",BOAS specialister ApS,1,740,Silkeborg\r\n");
	struct harness_resp *xlsx = harness_get(anon, "/statistik/bilag1/eksport?format=xlsx");
	CHECK_STATUS(xlsx, 200);
	CHECK(xlsx->len > 100 && !memcmp(xlsx->body, "PK", 2));
	CHECK_STATUS(harness_get(anon, "/statistik/bilag1/eksport?format=doc"), 400);
	/* the statistics page links to it */
	struct harness_resp *stats = harness_get(anon, "/statistik?year=2015");
	CHECK_STATUS(stats, 200);
	CHECK_HAS(stats->body, "href=\"/statistik/bilag1\"");
}

static void registry_pages(void)
{
	const char *paths[] = {"/virksomheder", "/virksomheder?q=caf%C3%A9&sort=established&registered=1",
	                       "/virksomheder?kommune=621&service=cafe&status=established"};
	for (size_t i = 0; i < 3; i++) {
		struct harness_resp *r = harness_get(anon, paths[i]);
		CHECK_STATUS(r, 200);
		CHECK_HTML(r);
		CHECK_SECURITY_HEADERS(r);
	}
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *form = harness_get(web, "/virksomheder/ny");
	CHECK_STATUS(form, 200);
	CHECK_HTML(form);
	/* the form says that what it holds is public */
	CHECK_HAS(form->body, "Kontakt (offentlig)");
	/* a form with an invalid CVR comes back with the error next to the field and what was typed */
	struct harness_resp *bad = harness_post_form(web, "/virksomheder",
		harness_form("csrf", harness_csrf_field(form), "name", "Ny & <Glad>", "cvr", "12345678", NULL));
	CHECK_STATUS(bad, 422);
	CHECK_HTML(bad);
	CHECK_HAS(bad->body, "id=\"f-cvr-error\"");
	CHECK_HAS(bad->body, "value=\"Ny &amp; &lt;Glad&gt;\"");
	struct harness_resp *ok = harness_post_form(web, "/virksomheder",
		harness_form("csrf", harness_csrf_field(form), "name", "Ny Glad Virksomhed", "services", "cafe",
		             "services", "kantine", NULL));
	CHECK_STATUS(ok, 303);
	CHECK_HAS(harness_header(ok, "Location"), "?ok=oprettet");
	/* more services than the form can hold: an error on the field, nothing cut off in silence */
	char *many = harness_form("csrf", harness_csrf_field(form), "name", "For Mange Ydelser", NULL);
	for (int i = 0; i < 33; i++)
		many = harness_fmt("%s&services=cafe", many);
	struct harness_resp *toomany = harness_post_form(web, "/virksomheder", many);
	CHECK_STATUS(toomany, 422);
	CHECK_HTML(toomany);
	CHECK_HAS(toomany->body, "Der kan højst vælges 32.");
	CHECK_HAS(toomany->body, "value=\"For Mange Ydelser\"");
	struct harness_resp *nocsrf = harness_post_form(web, "/virksomheder", harness_form("name", "Uden", NULL));
	CHECK_STATUS(nocsrf, 403);
}

/* ---------------------------------------------------------------- surveys */

static json_t *question(json_t *report, const char *code)
{
	size_t i;
	json_t *q;
	json_array_foreach(json_object_get(report, "questions"), i, q) if (!strcmp(harness_json_str(q, "code"), code)) return q;
	return NULL;
}

static int count_of(json_t *q, int option)
{
	return (int)json_integer_value(json_object_get(json_array_get(json_object_get(q, "options"), (size_t)option), "count"));
}

static void survey_report_reproduces_chapter_3(void)
{
	struct harness_resp *r = harness_get(admin, "/api/v1/surveys/soev-2015/rounds/november-2015/report");
	CHECK_STATUS(r, 200);
	json_t *rep = harness_json(r);
	CHECK(json_integer_value(json_object_get(rep, "respondents")) == 17);
	json_t *t3 = question(rep, "t3");
	CHECK(t3 && count_of(t3, 0) == 6 && count_of(t3, 1) == 10 && count_of(t3, 2) == 1);
	json_t *t2 = question(rep, "t2");
	CHECK(t2 && count_of(t2, 0) == 14 && count_of(t2, 5) == 4);
	json_t *t4 = question(rep, "t4");
	json_t *c = json_array_get(json_object_get(t4, "items"), 2);
	CHECK_STR(harness_json_str(c, "key"), "c");
	CHECK(count_of(c, 2) == 11);
	json_t *t15 = question(rep, "t15");
	CHECK(json_array_size(json_object_get(t15, "answers")) == 17);
	json_t *t12 = question(rep, "t12");
	CHECK(count_of(t12, 1) == 12 && count_of(t12, 2) == 5);
	struct harness_resp *start = harness_get(admin, "/api/v1/surveys/soev-2015/rounds/projektstart/report");
	json_t *s12 = question(harness_json(start), "t12");
	CHECK(count_of(s12, 0) == 6 && count_of(s12, 1) == 8 && count_of(s12, 2) == 3);
	/* a second round side by side: the API's ?compare= and the page's JSON download */
	const char *both[] = {"/api/v1/surveys/soev-2015/rounds/november-2015/report?compare=projektstart",
	                      "/undersoegelser/soev-2015/november-2015/rapport?sammenlign=projektstart&format=json"};
	struct harness_client *aweb = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	CHECK(aweb);
	for (size_t i = 0; i < 2; i++) {
		struct harness_resp *cr = harness_get(i ? aweb : admin, both[i]);
		CHECK_STATUS(cr, 200);
		json_t *cq = json_object_get(question(harness_json(cr), "t12"), "compare");
		CHECKF(cq, "%s: t12 has no \"compare\"", both[i]);
		CHECK_STR(harness_json_str(cq, "round"), "projektstart");
		CHECK(count_of(cq, 0) == 6 && count_of(cq, 1) == 8 && count_of(cq, 2) == 3);
	}
	CHECK_API_ERROR(harness_get(admin, "/api/v1/surveys/soev-2015/rounds/november-2015/report?compare=nope"),
	                404, "not_found", "compare");
	/* a konsulent reads the national report (aggregated counts) too; an anonymous caller does not */
	CHECK_STATUS(harness_get(kolding, "/api/v1/surveys/soev-2015/rounds/november-2015/report"), 200);
	CHECK_API_ERROR(harness_get(anon, "/api/v1/surveys/soev-2015/rounds/november-2015/report"), 401, "unauthorized", NULL);
}

/* survey report --compare: every format carries the second round (JSON, CSV, XLSX), not only HTML */
static void survey_report_compare_every_format(void)
{
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, "survey", "report", "--survey", "soev-2015", "--round", "november-2015",
	                  "--compare", "projektstart", "--format", "csv", NULL) == 0);
	CHECK_HAS(out, "Tabel,Spørgsmål,Delspørgsmål,Kommune,Svar,Antal (november-2015),Antal (projektstart)\r\n");
	const char *t12 = "\r\nTabel 12,Hvor mange socialøkonomiske virksomheder/iværksættere får ca. rådgivning "
	                  "fra kommunen om enten forretningsudvikling eller beskæftigelse (din vurdering)?,,,";
	CHECK_HAS(out, harness_fmt("%s0 om måneden,0,6\r\n", t12));
	CHECK_HAS(out, harness_fmt("%s1-2 om måneden,12,8\r\n", t12));
	CHECK_HAS(out, harness_fmt("%sI alt,17,17\r\n", t12));
	CHECK(harness_cli(srv, NULL, &out, "survey", "report", "--survey", "soev-2015", "--round", "november-2015",
	                  "--compare", "projektstart", "--format", "json", NULL) == 0);
	CHECK_HAS(out, "\"compare\":{\"round\":\"projektstart\",\"respondents\":17}");
	CHECK_HAS(out, "\"compare\":{\"round\":\"projektstart\",\"answered\":17,\"options\":"
	               "[{\"key\":\"1\",\"label\":\"0 om måneden\",\"count\":6}");
	const char *xlsx = harness_server_path(srv, "compare.xlsx"), *plain = harness_server_path(srv, "plain.xlsx");
	CHECK(harness_cli(srv, NULL, NULL, "survey", "report", "--survey", "soev-2015", "--round", "november-2015",
	                  "--compare", "projektstart", "--format", "xlsx", xlsx, NULL) == 0);
	CHECK(harness_cli(srv, NULL, NULL, "survey", "report", "--survey", "soev-2015", "--round", "november-2015",
	                  "--format", "xlsx", plain, NULL) == 0);
	/* the sheets are compressed: the second round's column makes the file larger */
	struct stat a, b;
	CHECK(stat(xlsx, &a) == 0 && stat(plain, &b) == 0);
	CHECKF(a.st_size > b.st_size, "xlsx with --compare %lld bytes, without %lld", (long long)a.st_size,
	       (long long)b.st_size);
}

static void survey_answered_in_the_browser(void)
{
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *list = harness_get(web, "/undersoegelser");
	CHECK_STATUS(list, 200);
	CHECK_HTML(list);
	struct harness_resp *form = harness_get(web, "/undersoegelser/soev-2015/november-2015");
	CHECK_STATUS(form, 200);
	CHECK_HTML(form);
	const char *csrf = harness_csrf_field(form);
	/* submitting without the required answers: 422 with the errors, nothing submitted */
	struct harness_resp *incomplete = harness_post_form(web, "/undersoegelser/soev-2015/november-2015",
		harness_form("csrf", csrf, "t3", "1", "action", "submit", NULL));
	CHECK_STATUS(incomplete, 422);
	CHECK_HTML(incomplete);
	CHECK_HAS(incomplete->body, "skal besvares");
	/* every required question answered: submitted */
	struct harness_resp *ok = harness_post_form(web, "/undersoegelser/soev-2015/november-2015",
		harness_form("csrf", csrf, "t2", "1", "t2", "3", "t3", "1", "t4.a", "5", "t4.b", "5", "t4.c", "5",
		             "t4.d", "5", "t5", "5", "t6", "5", "t7", "5", "t8", "5", "t9", "4", "t10", "5", "t11", "5",
		             "t12", "3", "t13", "5", "t14", "5", "t15", "Forankret i styregruppen.", "action", "submit", NULL));
	CHECK_STATUS(ok, 303);
	struct harness_resp *r = harness_get(admin, "/api/v1/surveys/soev-2015/rounds/november-2015/report");
	json_t *t3 = question(harness_json(r), "t3");
	CHECK(json_integer_value(json_object_get(harness_json(r), "respondents")) == 17);
	CHECK(count_of(t3, 0) + count_of(t3, 1) + count_of(t3, 2) == 17);
	json_t *t15 = question(harness_json(r), "t15");
	CHECK_HAS(harness_json_text(json_incref(t15)), "Forankret i styregruppen.");
	struct harness_client *aweb = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	CHECK(aweb);
	const char *pages[] = {"/undersoegelser", "/undersoegelser/soev-2015", "/undersoegelser/soev-2015/november-2015/oversigt",
	                       "/undersoegelser/soev-2015/november-2015/rapport?sammenlign=projektstart"};
	for (size_t i = 0; i < 4; i++) {
		struct harness_resp *p = harness_get(aweb, pages[i]);
		CHECK_STATUS(p, 200);
		CHECK_HTML(p);
	}
	/* the konsulent reads the national report too, its own answer counted in it */
	struct harness_resp *rep = harness_get(web, "/undersoegelser/soev-2015/november-2015/rapport");
	CHECK_STATUS(rep, 200);
	CHECK_HTML(rep);
	CHECK_HAS(rep->body, "Forankret i styregruppen.");
}

/* ---------------------------------------------------------------- one entry point */

static const char *inquiry(const char *email)
{
	return harness_fmt("{\"kommune\":\"621\",\"name\":\"Maja Prøve\",\"email\":\"%s\",\"topic\":\"employment\","
	                   "\"message\":\"To praktikpladser\"}", email);
}

static void inquiries_api(void)
{
	struct harness_resp *r = harness_post_json(anon, "/api/v1/inquiries", inquiry("maja@example.org"));
	CHECK_STATUS(r, 201);
	const char *ref = harness_json_str(harness_json(r), "reference");
	CHECKF(ref && strlen(ref) == 15 && !strncmp(ref, "IND-", 4), "reference %s", ref ? ref : "(none)");
	long long id = (long long)json_integer_value(json_object_get(harness_json(r), "id"));
	CHECK_API_ERROR(harness_post_json(anon, "/api/v1/inquiries", inquiry("not-an-address")), 422, "invalid", "email");
	/* the municipality sees it, another does not */
	struct harness_resp *mine = harness_get(kolding, "/api/v1/inquiries?status=new&limit=500");
	CHECK_STATUS(mine, 200);
	CHECK_HAS(mine->body, ref);
	struct harness_resp *theirs = harness_get(silkeborg, "/api/v1/inquiries?status=new&limit=500");
	CHECK_STATUS(theirs, 200);
	CHECK_LACKS(theirs->body, ref);
	CHECK_API_ERROR(harness_get(anon, "/api/v1/inquiries"), 401, "unauthorized", NULL);
	CHECK_API_ERROR(harness_patch_json(silkeborg, harness_fmt("/api/v1/inquiries/%lld", id), "{\"status\":\"closed\"}"),
	                404, "not_found", NULL);
	CHECK_API_ERROR(harness_patch_json(kolding, harness_fmt("/api/v1/inquiries/%lld", id), "{\"status\":\"closed\"}"),
	                422, "invalid", "outcome");
	struct harness_resp *closed = harness_patch_json(kolding, harness_fmt("/api/v1/inquiries/%lld", id),
	                                                 "{\"status\":\"closed\",\"outcome\":\"Startet i praktik\"}");
	CHECK_STATUS(closed, 200);
	CHECK_STR(harness_json_str(harness_json(closed), "status"), "closed");
	/* the receipt waits in the outbox (no relay in this test) */
	struct harness_client *aweb = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	CHECK(aweb);
	struct harness_resp *outbox = harness_get(aweb, "/admin/udbakke?ventende=1");
	CHECK_STATUS(outbox, 200);
	CHECK_HTML(outbox);
	CHECK_HAS(outbox->body, harness_fmt("Kvittering for din henvendelse %s", ref));
}

static void inquiries_rate_limit(void)
{
	struct harness_client *flood = harness_client(srv);
	harness_client_bind(flood, "127.0.0.9");
	for (int i = 0; i < 10; i++)
		CHECK_STATUS(harness_post_json(flood, "/api/v1/inquiries", inquiry(harness_fmt("flood%d@example.org", i))), 201);
	CHECK_API_ERROR(harness_post_json(flood, "/api/v1/inquiries", inquiry("flood11@example.org")), 429,
	                "too_many_requests", NULL);
	/* another address is not held back */
	CHECK_STATUS(harness_post_json(anon, "/api/v1/inquiries", inquiry("other@example.org")), 201);
}

static void contact_form_in_the_browser(void)
{
	struct harness_client *web = harness_client(srv);
	struct harness_resp *form = harness_get(web, "/kontakt/621");
	CHECK_STATUS(form, 200);
	CHECK_HTML(form);
	CHECK_HAS(form->body, "<option value=\"621\" selected>");
	const char *csrf = harness_csrf_field(form);
	struct harness_resp *bad = harness_post_form(web, "/kontakt",
		harness_form("csrf", csrf, "kommune", "621", "name", "Ole", "email", "ole@", "topic", "start", "message", "Hej", NULL));
	CHECK_STATUS(bad, 422);
	CHECK_HTML(bad);
	CHECK_HAS(bad->body, "id=\"f-email-error\"");
	CHECK_HAS(bad->body, "value=\"Ole\"");
	struct harness_resp *ok = harness_post_form(web, "/kontakt",
		harness_form("csrf", csrf, "kommune", "621", "name", "Ole", "email", "ole@example.org", "topic", "start",
		             "message", "Jeg har en idé", NULL));
	CHECK_STATUS(ok, 303);
	CHECK_HAS(harness_header(ok, "Location"), "/kontakt/kvittering?ref=IND-");
	struct harness_resp *receipt = harness_get(web, harness_header(ok, "Location"));
	CHECK_STATUS(receipt, 200);
	CHECK_HTML(receipt);
	CHECK_HAS(receipt->body, "IND-");
	/* a robot filling the hidden field gets a receipt page and nothing is stored */
	struct harness_resp *before = harness_get(kolding, "/api/v1/inquiries?limit=1");
	long long n0 = (long long)json_integer_value(json_object_get(harness_json(before), "total"));
	struct harness_resp *bot = harness_post_form(web, "/kontakt",
		harness_form("csrf", csrf, "kommune", "621", "name", "Bot", "email", "bot@example.org", "topic", "start",
		             "message", "spam", "homepage", "http://spam.example", NULL));
	CHECK_STATUS(bot, 303);
	struct harness_resp *after = harness_get(kolding, "/api/v1/inquiries?limit=1");
	CHECK(json_integer_value(json_object_get(harness_json(after), "total")) == n0);
	/* the coordinator sees the case on the dashboard and opens it */
	struct harness_client *kweb = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(kweb);
	struct harness_resp *cases = harness_get(kweb, "/sager");
	CHECK_STATUS(cases, 200);
	CHECK_HTML(cases);
	const char *p = strstr(cases->body, "href=\"/sager/");
	CHECK(p);
	long long id = 0;
	sscanf(p + strlen("href=\"/sager/"), "%lld", &id);
	struct harness_resp *c = harness_get(kweb, harness_fmt("/sager/%lld", id));
	CHECK_STATUS(c, 200);
	CHECK_HTML(c);
	const char *pages[] = {"/raadgivning", "/opsaetning"};
	for (size_t i = 0; i < 2; i++) {
		struct harness_resp *x = harness_get(kweb, pages[i]);
		CHECK_STATUS(x, 200);
		CHECK_HTML(x);
	}
}

/* advisory_month: {sessions, advised} of kommune's month in a stats answer; -1 when missing */
static void advisory_month(struct harness_resp *r, const char *month, int out[2])
{
	out[0] = out[1] = -1;
	json_t *row = json_array_get(json_object_get(harness_json(r), "rows"), 0), *m;
	size_t i;
	json_array_foreach(json_object_get(row, "months"), i, m) if (!strcmp(harness_json_str(m, "month"), month)) {
		out[0] = json_object_get(m, "sessions") ? (int)json_integer_value(json_object_get(m, "sessions")) : -1;
		out[1] = json_object_get(m, "advised") ? (int)json_integer_value(json_object_get(m, "advised")) : -1;
	}
}

static const char *bucket_of(int n)
{
	return n <= 0 ? "0" : n <= 2 ? "1-2" : n <= 5 ? "3-5" : n <= 10 ? "6-10" : ">10";
}

/* Tabel 12 asks how many enterprises or entrepreneurs are advised a month: the demo's January
 * (the project's start) gives the report's start column, November its November column, counted
 * by distinct advised; three sessions with one entrepreneur count once. */
static void advisory_counts_the_advised(void)
{
	struct harness_resp *r = harness_get(anon, "/api/v1/stats/advisory?from=2015-01&to=2015-12");
	CHECK_STATUS(r, 200);
	json_t *rows = json_object_get(harness_json(r), "rows");
	CHECKF(json_array_size(rows) == 17, "%zu municipalities with sessions", json_array_size(rows));
	static const char *const names[] = {"0", "1-2", "3-5", "6-10", ">10"};
	static const struct {
		const char *month;
		int counts[5];
	} want[] = {{"2015-01", {6, 8, 3, 0, 0}}, {"2015-11", {0, 12, 5, 0, 0}}};
	for (size_t w = 0; w < 2; w++) {
		int got[5] = {0};
		json_t *row, *m;
		size_t i, j;
		json_array_foreach(rows, i, row) json_array_foreach(json_object_get(row, "months"), j, m)
			if (!strcmp(harness_json_str(m, "month"), want[w].month))
				for (int b = 0; b < 5; b++)
					got[b] += !strcmp(harness_json_str(m, "bucket"), names[b]);
		CHECKF(!memcmp(got, want[w].counts, sizeof(got)), "%s: %d/%d/%d/%d/%d municipalities, not %d/%d/%d/%d/%d",
		       want[w].month, got[0], got[1], got[2], got[3], got[4], want[w].counts[0], want[w].counts[1],
		       want[w].counts[2], want[w].counts[3], want[w].counts[4]);
	}
	/* the bucket is of the advised; sessions are at least as many; the figures move over the year */
	bool moves = false;
	json_t *row;
	size_t i;
	json_array_foreach(rows, i, row) {
		json_t *m;
		size_t j;
		int first = -1;
		json_array_foreach(json_object_get(row, "months"), j, m) {
			json_t *adv = json_object_get(m, "advised");
			CHECKF(adv, "%s %s: no \"advised\"", harness_json_str(row, "kommune"), harness_json_str(m, "month"));
			int a = (int)json_integer_value(adv);
			int n = (int)json_integer_value(json_object_get(m, "sessions"));
			CHECKF(a <= n, "%s: %d advised in %d sessions", harness_json_str(row, "kommune"), a, n);
			CHECK_STR(harness_json_str(m, "bucket"), bucket_of(a));
			if (first < 0)
				first = a;
			else if (a != first)
				moves = true;
		}
	}
	CHECKF(moves, "every municipality's figure is the same all year");
	/* three sessions with one entrepreneur in a month: 1 advised, 3 sessions, bucket 1-2 */
	for (int k = 0; k < 3; k++)
		CHECK_STATUS(harness_post_json(kolding, "/api/v1/advisory-sessions",
			harness_fmt("{\"date\":\"2016-03-%02d\",\"topic\":\"business\",\"minutes\":45,"
			            "\"entrepreneur\":\"Tre Gange\"}", 3 + k)), 201);
	struct harness_resp *mar = harness_get(anon, "/api/v1/stats/advisory?from=2016-03&to=2016-03&kommune=621");
	CHECK_STATUS(mar, 200);
	int got[2];
	advisory_month(mar, "2016-03", got);
	CHECKF(got[0] == 3 && got[1] == 1, "March 2016: %d sessions, %d advised", got[0], got[1]);
	json_t *m0 = json_array_get(json_object_get(json_array_get(json_object_get(harness_json(mar), "rows"), 0), "months"), 0);
	CHECK_STR(harness_json_str(m0, "bucket"), "1-2");
}

static void advisory_sessions_and_statistics(void)
{
	int nov_before[2];
	advisory_month(harness_get(anon, "/api/v1/stats/advisory?from=2015-11&to=2015-11&kommune=621"), "2015-11",
	               nov_before);
	struct harness_resp *r = harness_post_json(kolding, "/api/v1/advisory-sessions",
		"{\"date\":\"2015-11-20\",\"topic\":\"business\",\"minutes\":45,\"entrepreneur\":\"Maja\"}");
	CHECK_STATUS(r, 201);
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/advisory-sessions",
	                                  "{\"date\":\"2015-11-20\",\"topic\":\"fun\",\"minutes\":45,\"entrepreneur\":\"M\"}"),
	                422, "invalid", "topic");
	CHECK_API_ERROR(harness_post_json(owner, "/api/v1/advisory-sessions",
	                                  "{\"date\":\"2015-11-20\",\"topic\":\"business\",\"minutes\":45,\"entrepreneur\":\"M\"}"),
	                403, "forbidden", NULL);
	struct harness_resp *s = harness_get(anon, "/api/v1/stats/advisory?from=2015-10&to=2015-11&kommune=621");
	CHECK_STATUS(s, 200);
	json_t *months = json_object_get(json_array_get(json_object_get(harness_json(s), "rows"), 0), "months");
	CHECK(json_array_size(months) == 2);
	json_t *nov = json_array_get(months, 1);
	CHECK_STR(harness_json_str(nov, "month"), "2015-11");
	int sessions = (int)json_integer_value(json_object_get(nov, "sessions"));
	int advised = (int)json_integer_value(json_object_get(nov, "advised"));
	/* Maja is new in November: one more session and one more advised than before */
	CHECKF(sessions == nov_before[0] + 1 && advised == nov_before[1] + 1, "November before %d/%d, after %d/%d",
	       nov_before[0], nov_before[1], sessions, advised);
	const char *bucket = harness_json_str(nov, "bucket");
	CHECK(bucket && (!strcmp(bucket, "1-2") || !strcmp(bucket, "3-5") || !strcmp(bucket, "6-10") ||
	                 !strcmp(bucket, ">10")));
	CHECK_API_ERROR(harness_get(anon, "/api/v1/stats/advisory?from=2015-13&to=2015-11"), 400, "bad_parameter", "from");
	CHECK_API_ERROR(harness_get(anon, "/api/v1/stats/advisory?from=2015-01&to=2015"), 400, "bad_parameter", "to");
	CHECK_API_ERROR(harness_get(anon, "/api/v1/stats/advisory?from=2015-11&to=2015-01"), 400, "bad_parameter", "to");
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"registry search finds Æblespecialisterne the way Danes type, in any case", search_danish, 0},
	{"the registry lists names in Danish order (Æ after Z)", list_in_danish_order, 0},
	{"enterprises: a bad CVR is 422 on cvr, a taken one 409, another municipality 403", create_and_edit_enterprise, 0},
	{"a virksomhed account edits its own profile, not the registry's facts nor others", own_enterprise_profile, 0},
	{"Tabel 1 for 2015 from the demo data equals the report's, with page and downloads", tabel1_from_the_demo, 0},
	{"registry pages validate; the enterprise form keeps input and shows errors", registry_pages, 0},
	{"Bilag 1: enterprises are listed for the municipalities that work with them, page and downloads", bilag1_per_municipality, 0},
	{"the 2015 survey's report reproduces chapter 3; konsulenter cannot read it", survey_report_reproduces_chapter_3, 0},
	{"survey report --compare gives the second round in JSON, CSV and XLSX too", survey_report_compare_every_format, 0},
	{"a konsulent answers the 2015 survey in the browser and the report counts it", survey_answered_in_the_browser, 0},
	{"inquiries: reference, validation, municipality scope, closing needs an outcome, receipt in outbox", inquiries_api, 0},
	{"more than 10 inquiries a minute from one address answer 429", inquiries_rate_limit, 0},
	{"the contact form, its receipt, the honeypot and the case dashboard in the browser", contact_form_in_the_browser, 0},
	{"Tabel 12 counts the advised, not sessions; the demo's January and November match the report",
	 advisory_counts_the_advised, 0},
	{"advisory sessions count into the monthly buckets", advisory_sessions_and_statistics, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
