/*
 * test_exports.c — every download the pages offer, opened as a spreadsheet would open it: each
 * CSV linked from the registry list, the statistics, Bilag 1 and the survey report (plain and
 * compared) starts with a UTF-8 byte-order mark, is separated by ';' and parses with as many
 * fields in every record as in its header; each XLSX is a zip whose workbook names the sheets
 * people expect ("Tabel 2", never "t2"). An enterprise named like a formula comes out
 * neutralised in every CSV and as a text cell in the XLSX. The downloads keep what is on screen:
 * the list's search, filters and order, both tables of the statistics, the report's comparison.
 * ?sep=, gives commas for machines, and the import reads the page's files with either
 * delimiter.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h); reads the XLSX's
 * zip itself, inflating with zlib.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "harness.h"

static struct harness_server *srv;
static struct harness_client *anon, *kolding, *aweb;

/* the enterprise a careless spreadsheet would run as a formula */
#define FORMULA_NAME "=HYPERLINK(\"http://evil.example\",\"Klik\")"
/* the same in XML text, should the writer escape its quotes */
#define FORMULA_XML "=HYPERLINK(&quot;http://evil.example&quot;,&quot;Klik&quot;)"
#define BOM "\xEF\xBB\xBF"
#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	kolding = harness_bearer(srv, "konsulent@kolding.example");
	aweb = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	CHECKF(kolding && aweb, "no token or no sign-in");
	/* a konsulent creates it through the API, established, so Bilag 1 lists it too */
	struct harness_resp *r = harness_post_json(kolding, "/api/v1/enterprises",
		"{\"name\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"Klik\\\")\",\"kommune\":\"621\","
		"\"established\":\"2012-05-01\",\"description\":\"@SUM(1+1)\",\"contact_phone\":\"+45 12 34 56 78\"}");
	CHECK_STATUS(r, 201);
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

/* ---------------------------------------------------------------- CSV */

#define MAX_FIELDS 64
#define MAX_RECORDS 2048

/* a parsed CSV file: fields as the file holds them (an apostrophe in front of a formula stays) */
struct table {
	int n;
	int nf[MAX_RECORDS];
	const char *f[MAX_RECORDS][MAX_FIELDS];
};

static char pool[8 << 20];
static size_t pool_used;

/* csv_parse: text[0..len) split by delim into t (the strings in pool, which it empties first):
 * quoted fields with "" for a quote and line breaks inside, records ended by CRLF or LF. NULL,
 * or what is wrong. */
static const char *csv_parse(const char *text, size_t len, char delim, struct table *t)
{
	const char *p = text, *end = text + len;
	pool_used = 0;
	t->n = 0;
	while (p < end) {
		if (t->n == MAX_RECORDS)
			return "more records than the test reads";
		int nf = 0;
		for (;;) {
			if (nf == MAX_FIELDS)
				return harness_fmt("record %d has more than %d fields", t->n + 1, MAX_FIELDS);
			char *out = pool + pool_used, *o = out;
			if (p < end && *p == '"') {
				for (p++;; p++) {
					if (p >= end)
						return harness_fmt("record %d: a quoted field is not closed", t->n + 1);
					if (*p == '"' && p + 1 < end && p[1] == '"')
						*o++ = *p++;
					else if (*p == '"')
						break;
					else
						*o++ = *p;
					if ((size_t)(o - pool) + 2 >= sizeof(pool))
						return "the file is larger than the test reads";
				}
				p++;
				if (p < end && *p != delim && *p != '\r' && *p != '\n')
					return harness_fmt("record %d: text after a closing quote", t->n + 1);
			} else {
				for (; p < end && *p != delim && *p != '\r' && *p != '\n'; p++) {
					if (*p == '"')
						return harness_fmt("record %d: a quote inside an unquoted field", t->n + 1);
					*o++ = *p;
					if ((size_t)(o - pool) + 2 >= sizeof(pool))
						return "the file is larger than the test reads";
				}
			}
			*o++ = '\0';
			pool_used = (size_t)(o - pool);
			t->f[t->n][nf++] = out;
			if (p < end && *p == delim) {
				p++;
				continue;
			}
			if (p < end && *p == '\r')
				p++;
			if (p < end && *p != '\n')
				return harness_fmt("record %d: a carriage return alone ends it", t->n + 1);
			p++;
			break;
		}
		t->nf[t->n++] = nf;
	}
	return NULL;
}

/* s would be run by a spreadsheet: it starts like a formula and is not a plain number */
static bool formula_like(const char *s)
{
	if (!strchr("=+-@\t\r", *s) || !*s)
		return false;
	const char *p = s + (*s == '-' || *s == '+');
	if (*p < '0' || *p > '9')
		return true;
	for (; *p; p++)
		if ((*p < '0' || *p > '9') && *p != ',' && *p != '.')
			return true;
	return false;
}

static struct table tab;

/* csv_download_problem: r is a CSV download for Danish Excel: text/csv offered as a .csv file,
 * the byte-order mark, ';' in the header, every record as many fields as the header (at least
 * two records), no field a spreadsheet would run. Leaves the records in tab. */
static const char *csv_download_problem(const char *path, struct harness_resp *r)
{
	if (r->status != 200)
		return harness_fmt("%s answered %ld", path, r->status);
	const char *type = harness_header(r, "Content-Type"), *disp = harness_header(r, "Content-Disposition");
	if (!type || strncmp(type, "text/csv", 8))
		return harness_fmt("%s is %s, not text/csv", path, type ? type : "untyped");
	if (!disp || !strstr(disp, "attachment") || !strstr(disp, ".csv\""))
		return harness_fmt("%s is not offered as a .csv file: %s", path, disp ? disp : "no Content-Disposition");
	if (r->len < 3 || memcmp(r->body, BOM, 3))
		return harness_fmt("%s has no byte-order mark: %.40s", path, r->body);
	const char *eol = strchr(r->body, '\n');
	if (!eol || !memchr(r->body, ';', (size_t)(eol - r->body)))
		return harness_fmt("%s's header has no ';': %.80s", path, r->body + 3);
	const char *why = csv_parse(r->body + 3, r->len - 3, ';', &tab);
	if (why)
		return harness_fmt("%s: %s", path, why);
	if (tab.n < 2)
		return harness_fmt("%s has %d records", path, tab.n);
	for (int i = 0; i < tab.n; i++) {
		if (tab.nf[i] != tab.nf[0])
			return harness_fmt("%s: record %d has %d fields under a header of %d", path, i + 1, tab.nf[i],
			                   tab.nf[0]);
		for (int k = 0; k < tab.nf[i]; k++)
			if (formula_like(tab.f[i][k]))
				return harness_fmt("%s: record %d field %d \"%s\" would run as a formula", path, i + 1,
				                   k + 1, tab.f[i][k]);
	}
	return NULL;
}

/* the column of tab's header named name, or -1 */
static int column(const char *name)
{
	for (int k = 0; k < tab.nf[0]; k++)
		if (!strcmp(tab.f[0][k], name))
			return k;
	return -1;
}

/* ---------------------------------------------------------------- XLSX */

static uint32_t le16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
	return le16(p) | le16(p + 2) << 16;
}

static char inflated[8 << 20];

/* zip_entry: the member name of the zip r->body, uncompressed and NUL-terminated (owned by the
 * test), or NULL when the body is no zip, has no such member or it cannot be inflated. Reads
 * the end of central directory record, the central directory and the member's local header. */
static const char *zip_entry(const struct harness_resp *r, const char *name)
{
	const unsigned char *z = (const unsigned char *)r->body;
	size_t len = r->len;
	if (len < 22 || memcmp(z, "PK\x03\x04", 4))
		return NULL;
	size_t eocd = len - 22;
	while (eocd > 0 && le32(z + eocd) != 0x06054b50)
		eocd--;
	if (le32(z + eocd) != 0x06054b50)
		return NULL;
	uint32_t count = le16(z + eocd + 10), at = le32(z + eocd + 16);
	for (uint32_t i = 0; i < count && at + 46 <= len && le32(z + at) == 0x02014b50; i++) {
		uint32_t method = le16(z + at + 10), csize = le32(z + at + 20), usize = le32(z + at + 24);
		uint32_t nlen = le16(z + at + 28), elen = le16(z + at + 30), clen = le16(z + at + 32);
		uint32_t local = le32(z + at + 42);
		if (nlen == strlen(name) && !memcmp(z + at + 46, name, nlen)) {
			if (local + 30 > len || le32(z + local) != 0x04034b50)
				return NULL;
			size_t data = local + 30 + le16(z + local + 26) + le16(z + local + 28);
			if (data + csize > len || usize + 1 > sizeof(inflated))
				return NULL;
			if (method == 0) {
				memcpy(inflated, z + data, csize);
				inflated[csize] = '\0';
				return harness_fmt("%s", inflated);
			}
			z_stream s = {0};
			if (method != 8 || inflateInit2(&s, -MAX_WBITS) != Z_OK)
				return NULL;
			s.next_in = (Bytef *)(uintptr_t)(z + data);
			s.avail_in = csize;
			s.next_out = (Bytef *)inflated;
			s.avail_out = (uInt)(sizeof(inflated) - 1);
			int rc = inflate(&s, Z_FINISH);
			size_t got = s.total_out;
			inflateEnd(&s);
			if (rc != Z_STREAM_END || got != usize)
				return NULL;
			inflated[got] = '\0';
			return harness_fmt("%s", inflated);
		}
		at += 46 + nlen + elen + clen;
	}
	return NULL;
}

/* the sheet names of workbook.xml, separated by '|' */
static const char *sheet_names(const char *workbook)
{
	const char *names = "";
	for (const char *p = workbook; (p = strstr(p, "<sheet name=\"")); ) {
		p += 13;
		const char *q = strchr(p, '"');
		if (!q)
			break;
		names = harness_fmt("%s%s%.*s", names, *names ? "|" : "", (int)(q - p), p);
		p = q;
	}
	return names;
}

/* the sheets people expect in the workbook at path */
static const char *expected_sheets(const char *path)
{
	if (!strncmp(path, "/virksomheder/eksport", 21))
		return "Virksomheder";
	if (!strncmp(path, "/statistik/virksomheder", 23))
		return "Tabel 1|Tabel 2";
	if (!strncmp(path, "/statistik/bilag1/eksport", 25))
		return "Bilag 1";
	if (!strncmp(path, "/statistik/beskaeftigelse/eksport", 33))
		return "Tabel 4";
	const char *names = "";
	for (int t = 2; t <= 15; t++)
		names = harness_fmt("%s%sTabel %d", names, t > 2 ? "|" : "", t);
	return names;
}

/* xlsx_download_problem: r is the workbook of path: its type, offered as .xlsx, a zip whose
 * workbook names the expected sheets, and no cell anywhere a formula */
static const char *xlsx_download_problem(const char *path, struct harness_resp *r)
{
	if (r->status != 200)
		return harness_fmt("%s answered %ld", path, r->status);
	const char *type = harness_header(r, "Content-Type"), *disp = harness_header(r, "Content-Disposition");
	if (!type || strcmp(type, XLSX_TYPE))
		return harness_fmt("%s is %s", path, type ? type : "untyped");
	if (!disp || !strstr(disp, ".xlsx\""))
		return harness_fmt("%s is not offered as a .xlsx file", path);
	const char *wb = zip_entry(r, "xl/workbook.xml");
	if (!wb)
		return harness_fmt("%s is no zip with xl/workbook.xml", path);
	const char *names = sheet_names(wb), *want = expected_sheets(path);
	if (strcmp(names, want))
		return harness_fmt("%s has the sheets %s, not %s", path, names, want);
	for (int i = 1;; i++) {
		const char *sheet = zip_entry(r, harness_fmt("xl/worksheets/sheet%d.xml", i));
		if (!sheet)
			return i > 1 ? NULL : harness_fmt("%s has no sheet", path);
		if (strstr(sheet, "<f>") || strstr(sheet, "<f "))
			return harness_fmt("%s: sheet %d holds a formula", path, i);
	}
}

/* ---------------------------------------------------------------- the pages' links */

#define MAX_LINKS 32

/* the download links (format=csv or format=xlsx) of an HTML page, entities undone */
static int download_links(const char *html, const char **links)
{
	int n = 0;
	for (const char *p = html; n < MAX_LINKS && (p = strstr(p, "href=\"")); ) {
		p += 6;
		const char *q = strchr(p, '"');
		if (!q)
			break;
		const char *href = harness_fmt("%.*s", (int)(q - p), p);
		p = q;
		if (!strstr(href, "format=csv") && !strstr(href, "format=xlsx"))
			continue;
		char *out = harness_fmt("%s", href), *o = out;
		for (const char *s = href; *s;)
			if (!strncmp(s, "&amp;", 5)) {
				*o++ = '&';
				s += 5;
			} else {
				*o++ = *s++;
			}
		*o = '\0';
		links[n++] = out;
	}
	return n;
}

/* the pages that offer downloads, with who reads them and how many CSV and XLSX links each has */
static const struct {
	const char *path;
	bool admin;
	int csv, xlsx;
} pages[] = {
	{"/virksomheder", false, 1, 1},
	{"/virksomheder?kommune=621&q=hyperlink&sort=established", false, 1, 1},
	{"/virksomheder?kind=all&kommune=740&status=established&registered=1", false, 1, 1},
	{"/statistik?year=2015", false, 2, 1},
	{"/statistik?year=2015&kommuner=621,740", false, 2, 1},
	{"/statistik/bilag1", false, 1, 1},
	{"/statistik/bilag1?kommune=621", false, 1, 1},
	{"/statistik/beskaeftigelse?year=2015", false, 1, 1},
	{"/statistik/beskaeftigelse?year=2015&kommune=330", false, 1, 1},
	{"/undersoegelser/soev-2015/november-2015/rapport", true, 1, 1},
	{"/undersoegelser/soev-2015/november-2015/rapport?sammenlign=projektstart", true, 1, 1},
};

static void every_download(void)
{
	int ncsv = 0, nxlsx = 0;
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		struct harness_client *c = pages[i].admin ? aweb : anon;
		struct harness_resp *page = harness_get(c, pages[i].path);
		CHECK_STATUS(page, 200);
		const char *links[MAX_LINKS];
		int n = download_links(page->body, links), csv = 0, xlsx = 0;
		for (int k = 0; k < n; k++) {
			struct harness_resp *r = harness_get(c, links[k]);
			if (strstr(links[k], "format=csv")) {
				CHECK_OK(csv_download_problem(links[k], r));
				csv++;
			} else {
				CHECK_OK(xlsx_download_problem(links[k], r));
				xlsx++;
			}
		}
		CHECKF(csv == pages[i].csv && xlsx == pages[i].xlsx, "%s links %d CSV and %d XLSX downloads, not %d and %d",
		       pages[i].path, csv, xlsx, pages[i].csv, pages[i].xlsx);
		ncsv += csv;
		nxlsx += xlsx;
	}
	harness_note("%d CSV and %d XLSX downloads opened", ncsv, nxlsx);
}

/* ---------------------------------------------------------------- formulas */

static void formula_neutralised(void)
{
	/* in the list's CSV: with an apostrophe in front, in the name, the description and the phone */
	const char *path = "/virksomheder/eksport?format=csv&kind=soev&kommune=621";
	CHECK_OK(csv_download_problem(path, harness_get(anon, path)));
	int name = column("Navn"), desc = column("Beskrivelse"), phone = column("Telefon");
	CHECK(name >= 0 && desc >= 0 && phone >= 0);
	int found = 0;
	for (int i = 1; i < tab.n; i++)
		if (!strcmp(tab.f[i][name], "'" FORMULA_NAME)) {
			found++;
			CHECK_STR(tab.f[i][desc], "'@SUM(1+1)");
			CHECK_STR(tab.f[i][phone], "'+45 12 34 56 78");
		}
	CHECKF(found == 1, "the formula's enterprise is %d times in %s", found, path);
	/* in Bilag 1's CSV */
	path = "/statistik/bilag1/eksport?format=csv&kommune=621";
	CHECK_OK(csv_download_problem(path, harness_get(anon, path)));
	found = 0;
	for (int i = 1; i < tab.n; i++)
		found += !strcmp(tab.f[i][column("Virksomhed")], "'" FORMULA_NAME);
	CHECK(found == 1);
	/* in the XLSX: a text cell (a shared string), and no formula anywhere */
	const char *xl[] = {"/virksomheder/eksport?format=xlsx&kind=soev&kommune=621",
	                    "/statistik/bilag1/eksport?format=xlsx&kommune=621"};
	for (size_t i = 0; i < 2; i++) {
		struct harness_resp *r = harness_get(anon, xl[i]);
		CHECK_OK(xlsx_download_problem(xl[i], r));
		const char *strings = zip_entry(r, "xl/sharedStrings.xml");
		CHECKF(strings && (strstr(strings, "<t>" FORMULA_NAME "</t>") || strstr(strings, "<t>" FORMULA_XML "</t>")),
		       "%s: the name is no text cell", xl[i]);
		CHECK_HAS(zip_entry(r, "xl/worksheets/sheet1.xml"), " t=\"s\"");
	}
	/* the machine format keeps the guard too, and the import reads it back as typed */
	struct harness_resp *raw = harness_get(anon, "/virksomheder/eksport?format=csv&kommune=621&raw=1&sep=,");
	CHECK_STATUS(raw, 200);
	CHECK_HAS(raw->body, "\r\n\"'=HYPERLINK(");
	CHECK_LACKS(raw->body, ",=HYPERLINK");
}

/* ---------------------------------------------------------------- what is on screen */

/* the enterprises' names the list page shows, in order, entities undone, separated by '|' */
static const char *names_on_page(const char *html)
{
	const char *names = "";
	for (const char *p = html; (p = strstr(p, "<tr><td><a href=\"/virksomheder/")); ) {
		p = strchr(p + 8, '>') + 1; /* after the link's start tag */
		const char *q = strstr(p, "</a>");
		char *name = harness_fmt("%.*s", (int)(q - p), p), *o = name;
		for (const char *s = name; *s;) {
			static const char *const ents[][2] = {{"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"},
			                                      {"&lt;", "<"}, {"&gt;", ">"}};
			size_t k;
			for (k = 0; k < 5 && strncmp(s, ents[k][0], strlen(ents[k][0])); k++)
				;
			if (k < 5) {
				*o++ = ents[k][1][0];
				s += strlen(ents[k][0]);
			} else {
				*o++ = *s++;
			}
		}
		*o = '\0';
		names = harness_fmt("%s%s%s", names, *names ? "|" : "", name);
		p = q;
	}
	return names;
}

/* the list's "Hent listen" CSV holds the rows of the page, in its order, with every filter;
 * the rows of all its pages when it is paged */
static void list_download_keeps_filters(void)
{
	static const char *const lists[] = {
		"/virksomheder?kommune=740&status=established&sort=established&limit=500",
		"/virksomheder?q=k%C3%B8bmand&kind=all&limit=500",
		"/virksomheder?kommune=621&registered=0&sort=kommune&limit=500",
		"/virksomheder?target=fleksjob&kind=all&sort=kommune&limit=500",
		"/virksomheder?kommune=621&q=hyperlink&limit=500",
	};
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		struct harness_resp *page = harness_get(anon, lists[i]);
		CHECK_STATUS(page, 200);
		const char *shown = names_on_page(page->body);
		CHECKF(*shown, "%s lists nothing", lists[i]);
		const char *links[MAX_LINKS];
		int n = download_links(page->body, links);
		CHECK(n == 2 && strstr(links[0], "format=csv"));
		CHECK_OK(csv_download_problem(links[0], harness_get(anon, links[0])));
		const char *got = "";
		for (int r = 1; r < tab.n; r++)
			got = harness_fmt("%s%s%s", got, r > 1 ? "|" : "", tab.f[r][0][0] == '\'' ? tab.f[r][0] + 1
			                                                                        : tab.f[r][0]);
		CHECKF(!strcmp(got, shown), "%s shows\n%s\nbut %s holds\n%s", lists[i], shown, links[0], got);
	}
	/* paged: the link is the same, and the file holds every page's rows */
	struct harness_resp *p1 = harness_get(anon, "/virksomheder?kommune=621&limit=3");
	CHECK_STATUS(p1, 200);
	const char *links[MAX_LINKS];
	CHECK(download_links(p1->body, links) == 2);
	CHECK_STR(links[0], "/virksomheder/eksport?format=csv&kind=soev&kommune=621");
	const char *count = strstr(p1->body, "Hent listen (");
	CHECK(count);
	int total = (int)strtol(count + 13, NULL, 10);
	CHECK(total > 3);
	CHECK_OK(csv_download_problem(links[0], harness_get(anon, links[0])));
	CHECKF(tab.n - 1 == total, "the page says %d, the file holds %d", total, tab.n - 1);
}

/* the statistics: Tabel 1 and Tabel 2 each as a CSV, both in the workbook; Tabel 2 counts the
 * enterprises of Tabel 1's total */
static void stats_both_tables(void)
{
	const char *t1 = "/statistik/virksomheder?format=csv&table=1&year=2015";
	CHECK_OK(csv_download_problem(t1, harness_get(anon, t1)));
	int total = column("Antal i alt");
	CHECK(total >= 0 && column("Etableret i 2015") >= 0 && column("Vurderes på vej") >= 0);
	CHECK_STR(tab.f[tab.n - 1][0], "I alt");
	const char *sum = harness_fmt("%s", tab.f[tab.n - 1][total]);
	const char *t2 = "/statistik/virksomheder?format=csv&table=2&year=2015";
	CHECK_OK(csv_download_problem(t2, harness_get(anon, t2)));
	CHECK_STR(tab.f[0][0], "Oprindelse");
	CHECK_STR(tab.f[0][1], "Antal");
	CHECK_STR(tab.f[tab.n - 1][0], "I alt");
	CHECK_STR(tab.f[tab.n - 1][1], sum);
	/* the page names what each link holds */
	struct harness_resp *page = harness_get(anon, "/statistik?year=2015");
	CHECK_HAS(page->body, ">Tabel 1 og 2 i Excel (XLSX)</a>");
	CHECK_HAS(page->body, ">Tabel 1 som CSV</a>");
	CHECK_HAS(page->body, ">Tabel 2 som CSV</a>");
	CHECK_STATUS(harness_get(anon, "/statistik/virksomheder?format=csv&table=3&year=2015"), 400);
}

/* the compared report's downloads hold both rounds, however the comparison was asked for */
static void report_keeps_comparison(void)
{
	const char *asked[] = {"/undersoegelser/soev-2015/november-2015/rapport?sammenlign=projektstart",
	                       "/undersoegelser/soev-2015/november-2015/rapport?compare=projektstart"};
	for (size_t i = 0; i < 2; i++) {
		struct harness_resp *page = harness_get(aweb, asked[i]);
		CHECK_STATUS(page, 200);
		CHECK_HTML(page);
		CHECK_HAS(page->body, "Sammenlignet med runde <strong>projektstart</strong>");
		const char *links[MAX_LINKS];
		int n = download_links(page->body, links);
		CHECK(n == 2);
		for (int k = 0; k < n; k++)
			CHECKF(strstr(links[k], "sammenlign=projektstart"), "%s drops the comparison", links[k]);
		const char *csv = strstr(links[0], "format=csv") ? links[0] : links[1];
		const char *xlsx = csv == links[0] ? links[1] : links[0];
		CHECK_OK(csv_download_problem(csv, harness_get(aweb, csv)));
		CHECK_STR(tab.f[0][5], "Antal (november-2015)");
		CHECK_STR(tab.f[0][6], "Antal (projektstart)");
		/* Tabel 12 as in the report: 0/12/5 beside 6/8/3 */
		int seen = 0;
		for (int r = 1; r < tab.n; r++)
			if (!strcmp(tab.f[r][0], "Tabel 12") && !strcmp(tab.f[r][4], "1-2 om måneden")) {
				CHECK_STR(tab.f[r][5], "12");
				CHECK_STR(tab.f[r][6], "8");
				seen++;
			}
		CHECK(seen == 1);
		struct harness_resp *x = harness_get(aweb, xlsx);
		CHECK_OK(xlsx_download_problem(xlsx, x));
		CHECK_HAS(zip_entry(x, "xl/sharedStrings.xml"), "Antal, projektstart");
	}
	/* the page's headings and charts name the tables, not the codes */
	struct harness_resp *page = harness_get(aweb, asked[0]);
	CHECK_HAS(page->body, "<h2><span class=\"code\">Tabel 5:</span> ");
	CHECK_HAS(page->body, ">Tabel 3 som diagram</figcaption>");
	CHECK_LACKS(page->body, "søjlediagram");
	CHECK_LACKS(page->body, ">t5<");
}

/* ?sep=, for machines: commas and no byte-order mark; the import reads the page's machine file
 * with ';' and the mark as well as with commas */
static void machines_and_the_import(void)
{
	struct harness_resp *c = harness_get(anon, "/statistik/virksomheder?format=csv&year=2015&sep=,");
	CHECK_STATUS(c, 200);
	CHECK(c->len > 3 && memcmp(c->body, BOM, 3) != 0);
	CHECK_HAS(c->body, "Kommune,Kode,Antal i alt,");
	const char *seps[] = {"", "&sep=,"};
	for (size_t i = 0; i < 2; i++) {
		struct harness_resp *r = harness_get(anon, harness_fmt("/virksomheder/eksport?format=csv&kind=all&kommune=621&raw=1%s",
		                                                       seps[i]));
		CHECK_STATUS(r, 200);
		CHECK(!memcmp(r->body, BOM, 3) == !i);
		const char *file = harness_server_path(srv, harness_fmt("page-%zu.csv", i));
		FILE *f = fopen(file, "wb");
		CHECK(f);
		CHECK(fwrite(r->body, 1, r->len, f) == r->len);
		CHECK(fclose(f) == 0);
		char *out = NULL;
		CHECK(harness_cli(srv, NULL, &out, "registry", "import", file, "--dry-run", NULL) == 0);
		CHECKF(strstr(out, " 0 created, 0 updated, "), "the import of the page's file says: %s", out);
	}
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database; a konsulent registers an enterprise named like a formula", start,
	 HARNESS_FATAL | HARNESS_KEEP},
	{"every CSV the pages link to has a BOM, ';' and as many fields in every record; every XLSX the expected sheets",
	 every_download, 0},
	{"a formula-looking name is neutralised in the CSV and a text cell in the XLSX", formula_neutralised, 0},
	{"\"Hent listen\" holds the rows the list shows, with every filter and all its pages", list_download_keeps_filters, 0},
	{"the statistics' downloads hold Tabel 1 and Tabel 2", stats_both_tables, 0},
	{"the compared report's downloads keep the comparison; headings name the tables", report_keeps_comparison, 0},
	{"?sep=, gives commas without a BOM, and the import reads the page's file with ';' or ','",
	 machines_and_the_import, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
