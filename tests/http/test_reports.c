/*
 * test_reports.c — the reports over real HTTP and the command line: the yearly report from the
 * demo data reproduces every table of the 2015 report's chapter 3 (tests/data/report-2015/, the
 * published tables), in `indgang report`'s JSON and the page's; its HTML and XLSX formats; a
 * municipality's overview with every figure leading to the list behind it and the lists keeping
 * the contacts' personal data out; the national view's regions, totals and sorting; the survey
 * report read by every municipality's staff; the placements (Tabel 4 from data) with their
 * discretion in each; and the print stylesheet.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h); reads
 * tests/data/ relative to the repository's root, where tests/run.sh runs it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define DATA "tests/data/report-2015/"
#define REPORT_ARGS "report", "--year", "2015", "--survey", "soev-2015", "--round", "november-2015"

static struct harness_server *srv;
static struct harness_client *anon, *admin, *konsulent, *indkoeb, *virksomhed;

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	admin = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	konsulent = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	indkoeb = harness_login(srv, "indkoeb@kolding.example", HARNESS_DEMO_PASSWORD);
	virksomhed = harness_login(srv, "virksomhed@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECKF(admin && konsulent && indkoeb && virksomhed, "signing in through the form failed");
}

static void stop(void)
{
	int st = harness_server_stop(srv);
	CHECKF(st == 0, "indgang serve exited with status %d after SIGTERM", st);
	CHECK_OK(harness_server_log_problem(srv));
}

/* ---------------------------------------------------------------- helpers */

/* the table called name ("Tabel 4") of a yearly report's JSON, or NULL */
static json_t *table_named(json_t *report, const char *name)
{
	size_t i;
	json_t *t;
	json_array_foreach(json_object_get(report, "tables"), i, t) {
		const char *n = harness_json_str(t, "table");
		if (n && !strcmp(n, name))
			return t;
	}
	return NULL;
}

static long long int_at(json_t *obj, const char *key)
{
	return (long long)json_integer_value(json_object_get(obj, key));
}

/* page_problem: NULL when GET path as c answers 200 with valid HTML, else why not */
static const char *page_problem(struct harness_client *c, const char *path)
{
	struct harness_resp *r = harness_get(c, path);
	const char *why = harness_status_problem(r, 200);
	if (!why)
		why = harness_html_problem(r);
	return why ? harness_fmt("GET %s: %s", path, why) : NULL;
}

/* html_text_problem: NULL when text (a whole document, not from the server) is HTML tidy
 * accepts, as harness_html_problem judges a page */
static const char *html_text_problem(char *text)
{
	static char type[] = "Content-Type: text/html; charset=utf-8\r\n";
	struct harness_resp r = {.status = 200, .body = text, .len = strlen(text), .headers = type};
	return harness_html_problem(&r);
}

/* count: how many times needle is in text */
static int count(const char *text, const char *needle)
{
	int n = 0;
	for (const char *p = text; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* xlsx_problem: NULL when the bytes are a zip (an XLSX workbook) with exactly sheets sheets:
 * the names of its members are stored uncompressed, xl/worksheets/sheetN.xml for each */
static const char *xlsx_problem(const char *data, size_t len, int sheets)
{
	if (len < 100 || memcmp(data, "PK\x03\x04", 4) != 0)
		return harness_fmt("not a zip file (%zu bytes)", len);
	for (int i = 1; i <= sheets + 1; i++) {
		const char *name = harness_fmt("xl/worksheets/sheet%d.xml", i);
		bool found = memmem(data, len, name, strlen(name)) != NULL;
		if (found != (i <= sheets))
			return harness_fmt("the workbook %s %s (expected %d sheets)", found ? "has" : "lacks", name,
			                   sheets);
	}
	return NULL;
}

/* ---------------------------------------------------------------- the yearly report */

/* tabel1_problem: NULL when Tabel 1 of report holds every row of tests/data's tabel1.csv (the
 * report's 17 municipalities) and its I alt 76/22/29/58 */
static const char *tabel1_problem(json_t *report)
{
	json_t *t1 = table_named(report, "Tabel 1");
	if (!t1)
		return "no Tabel 1";
	FILE *f = fopen(DATA "tabel1.csv", "r");
	if (!f)
		return "cannot read " DATA "tabel1.csv (run from the repository's root)";
	char line[256];
	int rows = 0;
	const char *why = NULL;
	if (!fgets(line, sizeof(line), f))
		why = "tabel1.csv is empty";
	while (!why && fgets(line, sizeof(line), f)) {
		char name[64], kode[4];
		int want[4];
		if (sscanf(line, "%63[^,],%3[0-9],%d,%d,%d,%d", name, kode, &want[0], &want[1], &want[2],
		           &want[3]) != 6)
			continue;
		rows++;
		json_t *row = NULL, *x;
		size_t i;
		json_array_foreach(json_object_get(t1, "rows"), i, x) {
			const char *k = harness_json_str(x, "kommune");
			if (k && !strcmp(k, kode))
				row = x;
		}
		static const char *const keys[] = {"total", "registered", "established", "pipeline"};
		for (int c = 0; !why && c < 4; c++)
			if (!row || int_at(row, keys[c]) != want[c])
				why = harness_fmt("Tabel 1, %s: %s is %lld, the report says %d", name, keys[c],
				                  row ? int_at(row, keys[c]) : -1, want[c]);
	}
	fclose(f);
	if (why)
		return why;
	json_t *sum = json_object_get(t1, "total");
	if (rows != 17 || json_array_size(json_object_get(t1, "rows")) != 17)
		return harness_fmt("Tabel 1 has %zu rows, the report %d",
		                   json_array_size(json_object_get(t1, "rows")), rows);
	if (int_at(sum, "total") != 76 || int_at(sum, "registered") != 22 ||
	    int_at(sum, "established") != 29 || int_at(sum, "pipeline") != 58)
		return "Tabel 1's I alt is not the report's 76/22/29/58";
	return NULL;
}

/* survey_table_problem: NULL when the report's table has the published table want's question,
 * options and counts (single and multi: counts; matrix: each item's; Tabel 12: both rounds,
 * the start as the comparison) */
static const char *survey_table_problem(json_t *report, json_t *want)
{
	const char *name = harness_json_str(want, "table");
	json_t *got = table_named(report, name);
	if (!got)
		return harness_fmt("the report has no %s", name);
	if (strcmp(harness_json_str(got, "text"), harness_json_str(want, "question")) != 0)
		return harness_fmt("%s asks \"%s\"", name, harness_json_str(got, "text"));
	if (!json_equal(json_object_get(got, "options"), json_object_get(want, "options")))
		return harness_fmt("%s: the options differ from the report's", name);
	if (int_at(got, "respondents") != int_at(want, "respondents"))
		return harness_fmt("%s: %lld respondents", name, int_at(got, "respondents"));
	json_t *rounds = json_object_get(want, "rounds");
	if (rounds) {
		json_t *start = json_object_get(json_array_get(rounds, 0), "counts");
		json_t *end = json_object_get(json_array_get(rounds, 1), "counts");
		if (!json_equal(json_object_get(got, "counts"), end) ||
		    !json_equal(json_object_get(json_object_get(got, "compare"), "counts"), start))
			return harness_fmt("%s: the rounds' counts differ from the report's", name);
		return NULL;
	}
	if (!strcmp(harness_json_str(want, "type"), "matrix")) {
		json_t *items = json_object_get(want, "items"), *it;
		size_t i;
		json_array_foreach(items, i, it) {
			json_t *g = json_array_get(json_object_get(got, "items"), i);
			if (!g || strcmp(harness_json_str(g, "label"), harness_json_str(it, "label")) != 0 ||
			    !json_equal(json_object_get(g, "counts"), json_object_get(it, "counts")))
				return harness_fmt("%s: item %zu differs from the report's", name, i + 1);
		}
		return json_array_size(json_object_get(got, "items")) == json_array_size(items)
		           ? NULL
		           : harness_fmt("%s: another number of items", name);
	}
	if (!json_equal(json_object_get(got, "counts"), json_object_get(want, "counts")))
		return harness_fmt("%s: the counts differ from the report's", name);
	if (int_at(got, "answered") != int_at(want, "respondents"))
		return harness_fmt("%s: I alt is %lld", name, int_at(got, "answered"));
	return NULL;
}

/* chapter3_problem: NULL when the yearly report's JSON holds every table of chapter 3 */
static const char *chapter3_problem(json_t *report)
{
	if (!report)
		return "the report is no JSON";
	const char *why = tabel1_problem(report);
	if (why)
		return why;
	json_error_t err;
	json_t *tables = json_load_file(DATA "survey-tables.json", 0, &err);
	if (!tables)
		return harness_fmt("cannot read " DATA "survey-tables.json: %s", err.text);
	json_t *t;
	size_t i;
	json_array_foreach(json_object_get(tables, "tables"), i, t) {
		if ((why = survey_table_problem(report, t)) != NULL)
			break;
	}
	size_t n = json_array_size(json_object_get(tables, "tables"));
	json_decref(tables);
	if (why)
		return why;
	if (n != 13)
		return harness_fmt("the transcription holds %zu survey tables, not Tabel 2 to 14", n);
	/* Tabel 15: the 17 municipalities' free text */
	json_t *t15 = table_named(report, "Tabel 15");
	if (!t15 || json_array_size(json_object_get(t15, "answers")) != 17)
		return "Tabel 15 does not hold the 17 municipalities' answers";
	return NULL;
}

static void yearly_report_reproduces_chapter_3(void)
{
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, REPORT_ARGS, "--compare", "projektstart", "--format", "json",
	                  NULL) == 0);
	json_error_t err;
	json_t *cli = json_loads(out, 0, &err);
	const char *why = chapter3_problem(cli);
	json_t *t12 = table_named(cli, "Tabel 12"), *t2 = table_named(cli, "Tabel 2");
	json_t *t1 = table_named(cli, "Tabel 1");
	/* beside the survey: Tabel 12 counted from the advisory sessions gives the report's both
	 * columns, Tabel 2 the registry's origins, Tabel 1 the growth from the year before */
	bool data = t12 && t2 && t1 &&
	            json_equal(json_object_get(json_object_get(t12, "from_data"), "counts"),
	                       json_object_get(t12, "counts")) &&
	            json_equal(json_object_get(json_object_get(json_object_get(t12, "from_data"), "compare"),
	                                       "counts"),
	                       json_object_get(json_object_get(t12, "compare"), "counts")) &&
	            !strcmp(harness_json_str(json_object_get(t12, "from_data"), "month"), "2015-11") &&
	            int_at(json_object_get(t2, "from_data"), "total") == 76 &&
	            int_at(json_object_get(t1, "growth"), "to") == 76 &&
	            int_at(json_object_get(t1, "growth"), "from_year") == 2014;
	/* beside Tabel 4: the placements of 2015 (the demo's 28 fleksjob in Slagelse's social-economy
	 * enterprises), with discretion: the report is published */
	json_t *t4 = json_object_get(json_object_get(table_named(cli, "Tabel 4"), "from_data"), "counts");
	const char *inhouse = harness_json_str(t4, "inhouse_companies");
	bool placements = t4 && int_at(t4, "fleksjob_soev") == 28 && inhouse && !strcmp(inhouse, "<3");
	int tables = (int)json_array_size(json_object_get(cli, "tables"));
	json_t *from_page = NULL;
	struct harness_resp *page = harness_get(
		konsulent, "/statistik/aarsrapport?year=2015&survey=soev-2015&round=november-2015"
		           "&compare=projektstart&format=json");
	if (page->status == 200)
		from_page = json_incref(harness_json(page));
	bool same = from_page && json_equal(cli, from_page);
	json_decref(from_page);
	json_decref(cli);
	CHECK_OK(why);
	CHECKF(data, "the figures from data beside Tabel 1, 2 and 12 are not the expected ones");
	CHECKF(placements, "Tabel 4 from the placements is not beside the survey's, or not with discretion");
	CHECKF(tables == 15, "%d tables, expected Tabel 1 to 15", tables);
	CHECK_STATUS(page, 200);
	CHECKF(same, "the page's JSON differs from indgang report's");
}

static void yearly_report_formats(void)
{
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, REPORT_ARGS, "--compare", "projektstart", "--format", "html",
	                  NULL) == 0);
	CHECK_OK(html_text_problem(out));
	CHECKF(count(out, "<section class=\"report-section\"") == 15, "the HTML has %d sections",
	       count(out, "<section class=\"report-section\""));
	CHECK_HAS(out, "<h2>Tabel 15. ");
	CHECK_HAS(out, "break-before: page"); /* the stylesheet inline, its print rules with it */
	const char *file = harness_server_path(srv, "aarsrapport.xlsx");
	CHECK(harness_cli(srv, NULL, NULL, REPORT_ARGS, "--format", "xlsx", "--output", file, NULL) == 0);
	FILE *f = fopen(file, "rb");
	CHECK(f);
	static char buf[1 << 20];
	size_t len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	CHECK_OK(xlsx_problem(buf, len, 15));
	/* usage errors and unknown rounds */
	CHECK(harness_cli(srv, NULL, NULL, REPORT_ARGS, "--format", "xlsx", NULL) == 2);
	CHECK(harness_cli(srv, NULL, NULL, REPORT_ARGS, "--format", "pdf", NULL) == 2);
	CHECK(harness_cli(srv, NULL, NULL, "report", "--survey", "soev-2015", "--round", "november-2015",
	                  NULL) == 2);
	CHECK(harness_cli(srv, NULL, NULL, REPORT_ARGS, "--compare", "findes-ikke", NULL) == 1);
	CHECK(harness_cli(srv, NULL, NULL, "report", "--year", "2015", "--survey", "findes-ikke", "--round",
	                  "november-2015", NULL) == 1);
	/* the page: the report, the form, the download */
	CHECK_OK(page_problem(admin, "/statistik/aarsrapport"));
	CHECK_OK(page_problem(indkoeb, "/statistik/aarsrapport?year=2015&survey=soev-2015&round=november-2015"
	                               "&compare=projektstart"));
	struct harness_resp *x = harness_get(
		admin, "/statistik/aarsrapport?year=2015&survey=soev-2015&round=november-2015&format=xlsx");
	CHECK_STATUS(x, 200);
	CHECK_OK(xlsx_problem(x->body, x->len, 15));
	CHECK_STATUS(harness_get(admin, "/statistik/aarsrapport?year=2015&survey=soev-2015&round=nope"), 404);
	CHECK_STATUS(harness_get(virksomhed, "/statistik/aarsrapport"), 403);
}

/* ---------------------------------------------------------------- the overview */

static void overview_with_its_lists(void)
{
	CHECK_OK(page_problem(konsulent, "/kommuner/621/overblik?year=2015"));
	struct harness_resp *r = harness_get(konsulent, "/kommuner/621/overblik?year=2015");
	CHECKF(count(r->body, "<section class=\"report-section\"") == 5, "%d sections",
	       count(r->body, "<section class=\"report-section\""));
	CHECK(count(r->body, "<figure class=\"chart\">") == 5); /* the placements' too: exact for Kolding */
	/* Kolding's row of Tabel 1 for 2015 (7 in all, 13 on the way), each figure a link */
	CHECK_HAS(r->body, "<a href=\"/statistik/tabel1?year=2015&amp;kommune=621&amp;column=total\">7</a>");
	CHECK_HAS(r->body, "<a href=\"/statistik/tabel1?year=2015&amp;kommune=621&amp;column=pipeline\">13</a>");
	CHECK_HAS(r->body, "<a href=\"/kommuner/621/overblik/raadgivning?period=2015-11\">2</a>");
	/* the lists behind: as many enterprises as the figure says */
	struct harness_resp *list = harness_get(anon, "/statistik/tabel1?year=2015&kommune=621&column=pipeline");
	CHECK_STATUS(list, 200);
	CHECK_HTML(list);
	CHECK_HAS(list->body, "<p>13 socialøkonomiske virksomheder");
	CHECK(count(list->body, "<tr><td><a href=\"/virksomheder/") == 13);
	CHECK_STATUS(harness_get(anon, "/statistik/tabel1?year=2015&column=nope"), 400);
	CHECK_STATUS(harness_get(anon, "/statistik/tabel1?year=2015&kommune=999&column=total"), 404);
	/* the advisory sessions of November: the entrepreneurs' names for the konsulent only */
	const char *nov = "/kommuner/621/overblik/raadgivning?period=2015-11";
	CHECK_OK(page_problem(konsulent, nov));
	CHECK_HAS(harness_get(konsulent, nov)->body, "Iværksætter 1 (demo)");
	struct harness_resp *b = harness_get(indkoeb, nov);
	CHECK_STATUS(b, 200);
	CHECK_LACKS(b->body, "Iværksætter 1 (demo)");
	CHECK_HAS(b->body, "navnet vises kun for kommunens konsulent");
	CHECK_STATUS(harness_get(konsulent, "/kommuner/621/overblik/raadgivning?period=2015-13"), 400);
	/* this year's inquiries (the demo's three): references and dates, never the contact */
	struct harness_resp *ov = harness_get(indkoeb, "/kommuner/621/overblik");
	CHECK_STATUS(ov, 200);
	CHECK_HAS(ov->body, "/kommuner/621/overblik/henvendelser?year=");
	struct harness_resp *inq = harness_get(indkoeb, "/kommuner/621/overblik/henvendelser");
	CHECK_STATUS(inq, 200);
	CHECK_HTML(inq);
	CHECK_HAS(inq->body, "<p>3 henvendelser kom ind");
	CHECK_HAS(inq->body, "IND-");
	CHECK_LACKS(inq->body, "Maja Iværksætter");
	CHECK_LACKS(inq->body, "maja@example.org");
	CHECK_LACKS(inq->body, "<a href=\"/sager/"); /* a buyer cannot open cases */
	CHECK_HAS(harness_get(konsulent, "/kommuner/621/overblik/henvendelser")->body, "<a href=\"/sager/");
	/* the workbook: one sheet per table */
	struct harness_resp *x = harness_get(konsulent, "/kommuner/621/overblik?year=2015&format=xlsx");
	CHECK_STATUS(x, 200);
	CHECK_OK(xlsx_problem(x->body, x->len, 4));
	/* another municipality's overview: its staff and the administrator only */
	CHECK_STATUS(harness_get(konsulent, "/kommuner/740/overblik"), 403);
	CHECK_OK(page_problem(admin, "/kommuner/740/overblik?year=2015"));
	CHECK_STATUS(harness_get(admin, "/kommuner/999/overblik"), 404);
	CHECK_STATUS(harness_get(virksomhed, "/kommuner/621/overblik"), 403);
	/* the placements of Silkeborg in 2015 (two fleksjob at companies): exact for its own staff,
	 * "<3" for the administrator, who looks across municipalities */
	struct harness_client *silkeborg = harness_login(srv, "konsulent@silkeborg.example", HARNESS_DEMO_PASSWORD);
	CHECK(silkeborg);
	struct harness_resp *own = harness_get(silkeborg, "/kommuner/740/overblik?year=2015");
	CHECK_STATUS(own, 200);
	CHECK_HAS(own->body, "<a href=\"/statistik/beskaeftigelse?year=2015&amp;kommune=740\">2</a>");
	struct harness_resp *across = harness_get(admin, "/kommuner/740/overblik?year=2015");
	CHECK_HAS(across->body, "<td>&lt;3</td>");
	CHECK_LACKS(across->body, "kommune=740\">2</a>");
	struct harness_resp *ox = harness_get(admin, "/kommuner/740/overblik?year=2015&format=xlsx");
	CHECK_OK(xlsx_problem(ox->body, ox->len, 4));
	/* linked from the home page and the menu, and for the administrator from /kommuner */
	CHECK_HAS(harness_get(indkoeb, "/")->body, "<a href=\"/kommuner/621/overblik\">");
	CHECK_HAS(harness_get(admin, "/kommuner")->body, "<a href=\"/kommuner/740/overblik\">");
	CHECK_LACKS(harness_get(anon, "/kommuner")->body, "/overblik");
}

/* ---------------------------------------------------------------- the national view */

/* the position of needle in text, or -1 */
static long pos(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);
	return p ? p - text : -1;
}

static void national_view(void)
{
	CHECK_OK(page_problem(konsulent, "/statistik/landet?year=2015"));
	struct harness_resp *r = harness_get(konsulent, "/statistik/landet?year=2015");
	/* 98 municipalities in five regions with their subtotals, and the country's total */
	CHECKF(count(r->body, "<tr><th scope=\"row\">") == 98 + 1, "%d rows of municipalities and the "
	       "country", count(r->body, "<tr><th scope=\"row\">"));
	CHECK_HAS(r->body, "<tfoot><tr><th scope=\"row\">Hele landet</th>");
	CHECK(count(r->body, "<tr class=\"subtotal\">") == 5);
	CHECK(pos(r->body, "Region Nordjylland</th>") < pos(r->body, "Region Midtjylland</th>"));
	CHECK(pos(r->body, "Region Hovedstaden</th>") < pos(r->body, "Region Sjælland</th>"));
	/* 77 in all on 31.12.2015 (the report's 76 and Grennessminde of Høje-Taastrup), 48 a year
	 * before; the columns of 2015 and 2014 side by side */
	CHECK_HAS(r->body, "Hele landet: 77 socialøkonomiske virksomheder pr. 31.12.2015");
	CHECK_HAS(r->body, "<th scope=\"col\">2015</th><th scope=\"col\" class=\"last\">2014</th>");
	/* the konsulent's own municipality links to its overview, another does not */
	CHECK_HAS(r->body, "<a href=\"/kommuner/621/overblik?year=2015\">Kolding</a>");
	CHECK_LACKS(r->body, "/kommuner/740/overblik");
	/* by name, Favrskov before Silkeborg; by the number of SØV, Silkeborg (9) before
	 * Skanderborg (8) before Favrskov (2) */
	CHECK(pos(r->body, ">Favrskov<") < pos(r->body, ">Silkeborg<"));
	struct harness_resp *s = harness_get(admin, "/statistik/landet?year=2015&sort=soev");
	CHECK_STATUS(s, 200);
	CHECK_HTML(s);
	CHECK(pos(s->body, ">Silkeborg</a>") < pos(s->body, ">Skanderborg</a>"));
	CHECK(pos(s->body, ">Skanderborg</a>") < pos(s->body, ">Favrskov</a>"));
	CHECK_HAS(s->body, "aria-sort=\"descending\"");
	CHECK_HAS(s->body, "<td class=\"last\">");
	/* the placements: Silkeborg's two hidden from the administrator, so Midtjylland's subtotal
	 * is "<3" and the country's, which with Sjælland's 30 would tell them, withheld */
	CHECK_HAS(s->body, "<tr class=\"subtotal\"><th scope=\"row\">Region Midtjylland i alt</th>");
	CHECK_HAS(s->body, "<td>..</td>");
	CHECK_LACKS(s->body, "<td><a href=\"/statistik/beskaeftigelse?year=2015&amp;kommune=740\">");
	CHECK_STATUS(harness_get(admin, "/statistik/landet?year=2015&sort=forloeb"), 200);
	CHECK_STATUS(harness_get(admin, "/statistik/landet?sort=nope"), 400);
	CHECK_STATUS(harness_get(admin, "/statistik/landet?year=15"), 400);
	struct harness_resp *x = harness_get(indkoeb, "/statistik/landet?year=2015&format=xlsx");
	CHECK_STATUS(x, 200);
	CHECK_OK(xlsx_problem(x->body, x->len, 1));
	CHECK_STATUS(harness_get(virksomhed, "/statistik/landet"), 403);
}

/* ---------------------------------------------------------------- the survey report */

static void survey_report_for_every_municipality(void)
{
	struct harness_client *api = harness_bearer(srv, "indkoeb@kolding.example");
	CHECK(api);
	struct harness_resp *r = harness_get(api, "/api/v1/surveys/soev-2015/rounds/november-2015/report");
	CHECK_STATUS(r, 200);
	CHECK(int_at(harness_json(r), "respondents") == 17);
	CHECK_OK(page_problem(konsulent, "/undersoegelser/soev-2015/november-2015/rapport?sammenlign=projektstart"));
	/* linked from the list of surveys */
	CHECK_HAS(harness_get(konsulent, "/undersoegelser")->body,
	          "<a href=\"/undersoegelser/soev-2015/november-2015/rapport\">");
	struct harness_client *vapi = harness_bearer(srv, "virksomhed@kolding.example");
	CHECK(vapi);
	CHECK_API_ERROR(harness_get(vapi, "/api/v1/surveys/soev-2015/rounds/november-2015/report"), 403,
	                "forbidden", NULL);
}

static void print_stylesheet(void)
{
	struct harness_resp *r = harness_get(anon, "/static/app.css");
	CHECK_STATUS(r, 200);
	const char *print = strstr(r->body, "@media print {\n\tsection.report-section ~ section.report-section "
	                                    "{ break-before: page;");
	CHECKF(print, "app.css has no print rule starting each report section on a new page");
	CHECK_HAS(r->body, "@media print { header.top nav");
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and five users sign in", start,
	 HARNESS_FATAL | HARNESS_KEEP},
	{"indgang report and /statistik/aarsrapport reproduce every table of chapter 3 (Tabel 1-15) "
	 "with Tabel 12 from the advisory sessions beside the survey's", yearly_report_reproduces_chapter_3, 0},
	{"the yearly report as HTML (valid, a section per table) and XLSX (a sheet per table); "
	 "usage errors exit 2", yearly_report_formats, 0},
	{"a municipality's overview links every figure to its list, and the lists keep the contacts "
	 "out", overview_with_its_lists, 0},
	{"the national view: 98 municipalities by region with subtotals, sorted on the server, "
	 "with last year beside", national_view, 0},
	{"the survey report answers every municipality's staff, not an enterprise's account",
	 survey_report_for_every_municipality, 0},
	{"app.css starts every report section after the first on a new printed page", print_stylesheet, 0},
	{"the server stops on SIGTERM with status 0 and a clean log", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
