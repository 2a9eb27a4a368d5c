/*
 * test_companies.c — ordinary companies in the registry over HTTP: kind on create, read, update
 * and the list's filter (400 on a bad filter, 422 on a bad kind); Tabel 1, Tabel 2 and Bilag 1
 * unchanged by companies in the demo's municipalities (API, command line, page and downloads);
 * the list page's Type filter with its pagination and downloads; the profile's type; the form's
 * kind for staff and not for the enterprise's own account.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct harness_server *srv;
static struct harness_client *anon, *kolding, *silkeborg, *owner;

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	kolding = harness_bearer(srv, "konsulent@kolding.example");
	silkeborg = harness_bearer(srv, "konsulent@silkeborg.example");
	owner = harness_bearer(srv, "virksomhed@kolding.example");
	CHECKF(kolding && silkeborg && owner, "'indgang token create' failed");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

/* the id member of r's body, or 0 */
static long long id_of(struct harness_resp *r)
{
	return (long long)json_integer_value(json_object_get(harness_json(r), "id"));
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

/* ---------------------------------------------------------------- kind in the API */

static void kind_in_the_api(void)
{
	/* without kind: a social-economy enterprise, as before */
	struct harness_resp *r = harness_post_json(kolding, "/api/v1/enterprises",
	                                           "{\"name\":\"Type Prøve SØV\",\"kommune\":\"621\"}");
	CHECK_STATUS(r, 201);
	CHECK_STR(harness_json_str(harness_json(r), "kind"), "soev");
	long long soev = id_of(r);
	/* a company */
	r = harness_post_json(kolding, "/api/v1/enterprises",
	                      "{\"name\":\"Type Prøve Firma\",\"kommune\":\"621\",\"kind\":\"company\","
	                      "\"established\":\"2001-04-01\",\"target_groups\":[\"fleksjob\"]}");
	CHECK_STATUS(r, 201);
	CHECK_STR(harness_json_str(harness_json(r), "kind"), "company");
	long long company = id_of(r);
	CHECK(soev > 0 && company > 0);
	r = harness_get(anon, harness_fmt("/api/v1/enterprises/%lld", company));
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "kind"), "company");
	/* a kind that is none: 422 naming kind, in Danish; nothing is created or changed */
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/enterprises",
	                                  "{\"name\":\"Type Prøve Forkert\",\"kommune\":\"621\",\"kind\":\"firma\"}"),
	                422, "invalid", "kind");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/enterprises",
	                                  "{\"name\":\"Type Prøve Tal\",\"kommune\":\"621\",\"kind\":1}"),
	                422, "invalid", "kind");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/enterprises",
	                                  "{\"name\":\"Type Prøve Tom\",\"kommune\":\"621\",\"kind\":\"\"}"),
	                422, "invalid", "kind");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/enterprises",
	                                  "{\"name\":\"Type Prøve Idé\",\"kommune\":\"621\",\"kind\":\"company\","
	                                  "\"entrepreneur\":true}"),
	                422, "invalid", "kind");
	struct harness_resp *bad = harness_patch_json(kolding, harness_fmt("/api/v1/enterprises/%lld", company),
	                                              "{\"kind\":\"SØV\"}");
	CHECK_API_ERROR(bad, 422, "invalid", "kind");
	CHECK_HAS(harness_json_str(json_object_get(harness_json(bad), "error"), "message"), "Ukendt type");
	r = harness_get(anon, "/api/v1/enterprises?q=type%20pr%C3%B8ve&kind=all");
	CHECK_STATUS(r, 200);
	CHECKF(json_integer_value(json_object_get(harness_json(r), "total")) == 2, "%s", r->body);
	/* PATCH changes it both ways; another municipality may not */
	r = harness_patch_json(kolding, harness_fmt("/api/v1/enterprises/%lld", soev), "{\"kind\":\"company\"}");
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "kind"), "company");
	CHECK_STR(harness_json_str(harness_json(r), "name"), "Type Prøve SØV");
	r = harness_patch_json(kolding, harness_fmt("/api/v1/enterprises/%lld", soev), "{\"kind\":\"soev\"}");
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "kind"), "soev");
	CHECK_API_ERROR(harness_patch_json(silkeborg, harness_fmt("/api/v1/enterprises/%lld", soev),
	                                   "{\"kind\":\"company\"}"), 403, "forbidden", NULL);
	/* the list: both kinds by default, each item with its kind; ?kind filters, with a search too */
	r = harness_get(anon, "/api/v1/enterprises?q=type%20pr%C3%B8ve");
	CHECK_STATUS(r, 200);
	json_t *it = item_named(r, "Type Prøve Firma");
	CHECKF(it, "the company is not in the list: %.300s", r->body);
	CHECK_STR(harness_json_str(it, "kind"), "company");
	CHECK_STR(harness_json_str(item_named(r, "Type Prøve SØV"), "kind"), "soev");
	r = harness_get(anon, "/api/v1/enterprises?q=type%20pr%C3%B8ve&kind=company");
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(harness_json(r), "total")) == 1);
	CHECK(item_named(r, "Type Prøve Firma"));
	r = harness_get(anon, "/api/v1/enterprises?kommune=621&kind=soev&limit=500");
	CHECK_STATUS(r, 200);
	CHECK(item_named(r, "Soul Café") && item_named(r, "Type Prøve SØV"));
	CHECK(!item_named(r, "Type Prøve Firma") && !item_named(r, "Eksempel Logistik A/S"));
	r = harness_get(anon, "/api/v1/enterprises?kind=company&limit=500");
	CHECK_STATUS(r, 200);
	size_t i;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it)
		CHECKF(!strcmp(harness_json_str(it, "kind"), "company"), "%s is listed as a company",
		       harness_json_str(it, "name"));
	CHECK(item_named(r, "Eksempel Emballage A/S")); /* the demo's companies */
	/* a filter that is none is a malformed parameter: 400 naming kind, as sort */
	CHECK_API_ERROR(harness_get(anon, "/api/v1/enterprises?kind=firma"), 400, "bad_parameter", "kind");
	/* the enterprise's own account keeps its kind as the municipality set it */
	r = harness_get(anon, "/api/v1/enterprises?q=soul&kommune=621");
	long long soul = (long long)json_integer_value(
		json_object_get(json_array_get(json_object_get(harness_json(r), "items"), 0), "id"));
	r = harness_patch_json(owner, harness_fmt("/api/v1/enterprises/%lld", soul), "{\"kind\":\"company\"}");
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "kind"), "soev");
}

/* ---------------------------------------------------------------- the statistics */

/* what the statistics answer for 2015, in every way they are given, to compare before and after */
struct figures {
	const char *tabel1, *tabel1_list, *tabel2, *cli, *csv, *bilag1, *page;
};

static const char *figures_problem(struct figures *f)
{
	const char *paths[] = {"/api/v1/stats/enterprises?year=2015",
	                       "/api/v1/stats/enterprises?year=2015&kommuner=740,330,621,860",
	                       "/api/v1/stats/enterprises?year=2015&table=2",
	                       "/statistik/virksomheder?format=csv&year=2015",
	                       "/statistik/bilag1/eksport?format=csv",
	                       "/statistik?year=2015"};
	const char **into[] = {&f->tabel1, &f->tabel1_list, &f->tabel2, &f->csv, &f->bilag1, &f->page};
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct harness_resp *r = harness_get(anon, paths[i]);
		if (r->status != 200)
			return harness_fmt("%s answered %ld", paths[i], r->status);
		*into[i] = r->body;
	}
	/* the page's tables: from the first heading to the downloads */
	const char *from = strstr(f->page, "<h2>"), *to = strstr(f->page, "Hent tabellerne");
	if (!from || !to || to < from)
		return "the statistics page has no tables";
	f->page = harness_fmt("%.*s", (int)(to - from), from);
	char *out = NULL;
	if (harness_cli(srv, NULL, &out, "registry", "stats", "--year", "2015", "--format", "csv", NULL) != 0)
		return "indgang registry stats failed";
	f->cli = out;
	return NULL;
}

/* a company in each of Tabel 1's columns, in Silkeborg and Slagelse (the report's
 * municipalities) and in Hjørring (none of theirs), working with Kolding too, changes no figure */
static void companies_do_not_count(void)
{
	struct figures before, after;
	CHECK_OK(figures_problem(&before));
	CHECK_HAS(before.tabel1_list, "{\"kommune\":\"740\",\"name\":\"Silkeborg\",\"total\":9,\"registered\":4,"
	                              "\"established\":6,\"pipeline\":4}");
	CHECK_HAS(before.page, "<th scope=\"row\">Slagelse</th><td>6</td><td>4</td><td>4</td><td>4</td>");
	const char *bodies[] = {
		"{\"name\":\"Statistik Firma 1\",\"kommune\":\"740\",\"kind\":\"company\",\"established\":\"2010-01-01\","
		"\"rsv_registered\":\"2015-02-01\",\"origin\":\"existing\",\"other_kommuner\":[\"621\"]}",
		"{\"name\":\"Statistik Firma 2\",\"kommune\":\"740\",\"kind\":\"company\",\"pipeline_since\":\"2014-06-01\","
		"\"established\":\"2015-05-01\",\"origin\":\"company_spinoff\"}",
		"{\"name\":\"Statistik Firma 3\",\"kommune\":\"330\",\"kind\":\"company\",\"pipeline_since\":\"2015-03-01\"}",
		"{\"name\":\"Statistik Firma 4\",\"kommune\":\"330\",\"kind\":\"company\",\"established\":\"2015-01-01\","
		"\"closed\":\"2015-06-30\"}",
		"{\"name\":\"Statistik Firma 5\",\"kommune\":\"860\",\"kind\":\"company\",\"established\":\"2012-01-01\"}",
	};
	struct harness_client *admin = harness_bearer(srv, "admin@indgang.example");
	CHECK(admin);
	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++)
		CHECK_STATUS(harness_post_json(admin, "/api/v1/enterprises", bodies[i]), 201);
	CHECK_OK(figures_problem(&after));
	CHECK_STR(after.tabel1, before.tabel1);
	CHECK_STR(after.tabel1_list, before.tabel1_list);
	CHECK_STR(after.tabel2, before.tabel2);
	CHECK_STR(after.cli, before.cli);
	CHECK_STR(after.csv, before.csv);
	CHECK_STR(after.bilag1, before.bilag1);
	CHECK_STR(after.page, before.page);
	CHECK_LACKS(after.bilag1, "Statistik Firma");
	CHECK_LACKS(after.tabel1, "\"860\"");
	/* the same enterprise as a social-economy one does count: the comparison can see a change */
	struct harness_resp *r = harness_get(anon, "/api/v1/enterprises?q=statistik%20firma%201&kind=company");
	long long id = (long long)json_integer_value(
		json_object_get(json_array_get(json_object_get(harness_json(r), "items"), 0), "id"));
	CHECK(id > 0);
	CHECK_STATUS(harness_patch_json(admin, harness_fmt("/api/v1/enterprises/%lld", id), "{\"kind\":\"soev\"}"), 200);
	r = harness_get(anon, "/api/v1/stats/enterprises?year=2015&kommuner=740");
	CHECK_HAS(r->body, "\"total\":10,\"registered\":5");
	CHECK_STATUS(harness_patch_json(admin, harness_fmt("/api/v1/enterprises/%lld", id), "{\"kind\":\"company\"}"), 200);
	CHECK_STR(harness_get(anon, "/api/v1/stats/enterprises?year=2015")->body, before.tabel1);
	/* the page says so */
	CHECK_HAS(harness_get(anon, "/statistik?year=2015")->body, "Tabellerne tæller kun socialøkonomiske virksomheder");
}

/* ---------------------------------------------------------------- pages and downloads */

static void list_page_type_filter(void)
{
	/* the public registry is of social-economy enterprises: no company unless asked for */
	struct harness_resp *p = harness_get(anon, "/virksomheder?kommune=740&limit=500");
	CHECK_STATUS(p, 200);
	CHECK_HTML(p);
	CHECK_HAS(p->body, "<h1>Socialøkonomiske virksomheder</h1>");
	CHECK_HAS(p->body, "<label for=\"f-kind\">Type</label>");
	CHECK_HAS(p->body, "<option value=\"soev\" selected>Socialøkonomiske virksomheder</option>");
	CHECK_HAS(p->body, "<option value=\"company\">Almindelige virksomheder</option>");
	CHECK_HAS(p->body, "<option value=\"all\">Alle typer</option>");
	CHECK_HAS(p->body, "Æblespecialisterne ApS");
	CHECK_LACKS(p->body, "Eksempel Emballage A/S");
	/* companies only, with the downloads of what is on screen */
	p = harness_get(anon, "/virksomheder?kommune=740&kind=company");
	CHECK_STATUS(p, 200);
	CHECK_HTML(p);
	CHECK_HAS(p->body, "<h1>Almindelige virksomheder</h1>");
	CHECK_HAS(p->body, "<option value=\"company\" selected>");
	CHECK_HAS(p->body, "Eksempel Emballage A/S");
	CHECK_HAS(p->body, "Eksempel Maskinfabrik A/S");
	CHECK_LACKS(p->body, "Æblespecialisterne ApS");
	CHECK_LACKS(p->body, "Eksempel Logistik A/S"); /* Kolding's */
	CHECK_HAS(p->body, "href=\"/virksomheder/eksport?format=csv&amp;kind=company&amp;kommune=740\"");
	CHECK_HAS(p->body, "href=\"/virksomheder/eksport?format=xlsx&amp;kind=company&amp;kommune=740\"");
	/* both kinds, the companies marked */
	p = harness_get(anon, "/virksomheder?q=eksempel%20emballage&kind=all");
	CHECK_STATUS(p, 200);
	CHECK_HTML(p);
	CHECK_HAS(p->body, "<h1>Virksomheder</h1>");
	CHECK_HAS(p->body, "Eksempel Emballage A/S</a><br><span class=\"hint\">(almindelig virksomhed)</span>");
	CHECK_HAS(p->body, "href=\"/virksomheder/eksport?format=json&amp;kind=all&amp;q=eksempel%20emballage\"");
	/* an unknown kind shows the default */
	p = harness_get(anon, "/virksomheder?kind=firma&q=eksempel");
	CHECK_STATUS(p, 200);
	CHECK_HAS(p->body, "<option value=\"soev\" selected>");
	CHECK_LACKS(p->body, "Eksempel Emballage A/S");
	/* the pages keep the filter, and the sort, from one to the next */
	p = harness_get(anon, "/virksomheder?kind=company&sort=kommune&limit=2");
	CHECK_STATUS(p, 200);
	CHECK_HTML(p);
	CHECK_HAS(p->body, "kind=company&amp;sort=kommune");
	CHECK_HAS(p->body, "offset=2");
	/* by municipality in Danish order (Hjørring, Kolding, Silkeborg, Slagelse): the second page
	 * goes on after Kolding's first company */
	CHECK_HAS(p->body, "Eksempel Logistik A/S");
	p = harness_get(anon, "/virksomheder?kind=company&sort=kommune&limit=2&offset=2");
	CHECK_STATUS(p, 200);
	CHECK_LACKS(p->body, "Eksempel Logistik A/S");
	CHECK_LACKS(p->body, "Æblespecialisterne ApS");
	/* the downloads: social-economy ones by default, the kind on screen, or both */
	struct harness_resp *csv = harness_get(anon, "/virksomheder/eksport?format=csv&raw=1&sep=,");
	CHECK_STATUS(csv, 200);
	CHECK_HAS(csv->body, "name,cvr,kommune,kind,pipeline_since,");
	CHECK_HAS(csv->body, "\r\nSoul Café,,621,soev,");
	CHECK_LACKS(csv->body, ",company,");
	csv = harness_get(anon, "/virksomheder/eksport?format=csv&kind=company&kommune=740&raw=1&sep=,");
	CHECK_STATUS(csv, 200);
	CHECK_HAS(csv->body, "\r\nEksempel Emballage A/S,,740,company,");
	CHECK_LACKS(csv->body, ",soev,");
	CHECK_LACKS(csv->body, "Eksempel Logistik");
	/* for people: the kind's Danish name */
	csv = harness_get(anon, "/virksomheder/eksport?format=csv&kind=company&kommune=740");
	CHECK_STATUS(csv, 200);
	CHECK_HAS(csv->body, "\r\nEksempel Emballage A/S;;Silkeborg;740;Almindelig virksomhed;");
	CHECK_LACKS(csv->body, "Socialøkonomisk virksomhed");
	struct harness_resp *json = harness_get(anon, "/virksomheder/eksport?format=json&kind=all&kommune=621");
	CHECK_STATUS(json, 200);
	CHECK(item_named(json, "Soul Café") && item_named(json, "Eksempel Logistik A/S"));
	CHECK_STR(harness_json_str(item_named(json, "Eksempel Logistik A/S"), "kind"), "company");
	struct harness_resp *xlsx = harness_get(anon, "/virksomheder/eksport?format=xlsx&kind=company");
	CHECK_STATUS(xlsx, 200);
	CHECK(xlsx->len > 100 && !memcmp(xlsx->body, "PK", 2));
	/* the command line's export has the column, and --kind */
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, "registry", "export", "--kind", "company", NULL) == 0);
	CHECK_HAS(out, "\r\nEksempel Kantinedrift ApS,,330,company,");
	CHECK_LACKS(out, ",soev,");
	CHECK(harness_cli(srv, NULL, &out, "registry", "export", "--kind", "firma", NULL) != 0);
}

static void profile_and_form(void)
{
	struct harness_resp *r = harness_get(anon, "/api/v1/enterprises?q=eksempel%20logistik&kind=company");
	long long company = (long long)json_integer_value(
		json_object_get(json_array_get(json_object_get(harness_json(r), "items"), 0), "id"));
	r = harness_get(anon, "/api/v1/enterprises?q=soul&kommune=621");
	long long soul = (long long)json_integer_value(
		json_object_get(json_array_get(json_object_get(harness_json(r), "items"), 0), "id"));
	CHECK(company > 0 && soul > 0);
	struct harness_resp *p = harness_get(anon, harness_fmt("/virksomheder/%lld", company));
	CHECK_STATUS(p, 200);
	CHECK_HTML(p);
	CHECK_HAS(p->body, "<dt>Type</dt><dd>Almindelig virksomhed</dd>");
	CHECK_HAS(p->body, "Demodata: en opdigtet virksomhed");
	p = harness_get(anon, harness_fmt("/virksomheder/%lld", soul));
	CHECK_STATUS(p, 200);
	CHECK_HAS(p->body, "<dt>Type</dt><dd>Socialøkonomisk virksomhed</dd>");
	/* staff choose the kind; the list's "new company" link preselects it */
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	p = harness_get(web, "/virksomheder?kind=company");
	CHECK_HAS(p->body, "href=\"/virksomheder/ny?kind=company\"");
	struct harness_resp *form = harness_get(web, "/virksomheder/ny?kind=company");
	CHECK_STATUS(form, 200);
	CHECK_HTML(form);
	CHECK_HAS(form->body, "<label for=\"f-kind\">Type</label>");
	CHECK_HAS(form->body, "<option value=\"company\" selected>Almindelig virksomhed</option>");
	struct harness_resp *bad = harness_post_form(web, "/virksomheder",
		harness_form("csrf", harness_csrf_field(form), "name", "Formfirma", "kind", "firma", NULL));
	CHECK_STATUS(bad, 422);
	CHECK_HTML(bad);
	CHECK_HAS(bad->body, "id=\"f-kind-error\"");
	CHECK_HAS(bad->body, "value=\"Formfirma\"");
	struct harness_resp *ok = harness_post_form(web, "/virksomheder",
		harness_form("csrf", harness_csrf_field(form), "name", "Formfirma", "kind", "company", NULL));
	CHECK_STATUS(ok, 303);
	p = harness_get(web, harness_header(ok, "Location"));
	CHECK_STATUS(p, 200);
	CHECK_HAS(p->body, "<dt>Type</dt><dd>Almindelig virksomhed</dd>");
	struct harness_resp *edit = harness_get(web, harness_fmt("/virksomheder/%lld/rediger", company));
	CHECK_STATUS(edit, 200);
	CHECK_HTML(edit);
	CHECK_HAS(edit->body, "<option value=\"company\" selected>Almindelig virksomhed</option>");
	/* the enterprise's own account sees no kind to choose, and a kind it sends is ignored */
	struct harness_client *own = harness_login(srv, "virksomhed@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(own);
	edit = harness_get(own, harness_fmt("/virksomheder/%lld/rediger", soul));
	CHECK_STATUS(edit, 200);
	CHECK_HTML(edit);
	CHECK_LACKS(edit->body, "name=\"kind\"");
	CHECK_HAS(edit->body, "type, CVR-nummer");
	ok = harness_post_form(own, harness_fmt("/virksomheder/%lld", soul),
		harness_form("csrf", harness_csrf_field(edit), "name", "Soul Café", "kind", "company", NULL));
	CHECK_STATUS(ok, 303);
	r = harness_get(anon, harness_fmt("/api/v1/enterprises/%lld", soul));
	CHECK_STR(harness_json_str(harness_json(r), "kind"), "soev");
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"kind on create, read, update and the list's filter; a bad kind is 422, a bad filter 400", kind_in_the_api, 0},
	{"companies in the report's municipalities change neither Tabel 1, Tabel 2 nor Bilag 1", companies_do_not_count, 0},
	{"the list page's Type filter: SØV by default, kept by pagination and downloads", list_page_type_filter, 0},
	{"the profile shows the type; staff choose it in the form, the enterprise's account cannot", profile_and_form, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
