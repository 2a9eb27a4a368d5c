/*
 * test_design.c — the look of Det Fælles Designsystem as the server delivers it: every page
 * links the one stylesheet at the address with its hash; the stylesheet comes gzip-compressed
 * when the client accepts it (the same bytes once unpacked), with an ETag per representation
 * and 304 on If-None-Match; a year's cache at the hashed address, a day elsewhere; the fonts,
 * the icon and the licences it refers to are served; pages keep validating with tidy and need
 * no script.
 * Layer: tests (the real binary over loopback).
 */
#include <string.h>
#include <zlib.h>

#include "tests/http/harness.h"

static struct harness_server *srv;
static struct harness_client *anon, *konsulent;

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	konsulent = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECKF(konsulent, "signing in through the form failed");
}

static void stop(void)
{
	int st = harness_server_stop(srv);
	CHECKF(st == 0, "indgang serve exited with status %d after SIGTERM", st);
	CHECK_OK(harness_server_log_problem(srv));
}

/* stylesheet_href: the stylesheet link of a page's head, or NULL */
static const char *stylesheet_href(const char *body)
{
	const char *p = strstr(body, "<link rel=\"stylesheet\" href=\"");
	if (!p)
		return NULL;
	p += strlen("<link rel=\"stylesheet\" href=\"");
	const char *e = strchr(p, '"');
	return e ? harness_fmt("%.*s", (int)(e - p), p) : NULL;
}

static struct harness_resp *get_with(struct harness_client *c, const char *path, const char *h1,
                                     const char *h2)
{
	return harness_send(c, &(struct harness_req){.path = path,
	                                              .headers = (const char *const[]){h1, h2, NULL}});
}

/* gunzip: the gzip body unpacked, NUL-terminated, or NULL when it is not gzip */
static char *gunzip(const struct harness_resp *r, size_t *len)
{
	size_t cap = 1 << 20;
	char *out = harness_fmt("%*s", (int)cap, "");
	z_stream z;
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return NULL;
	z.next_in = (Bytef *)r->body;
	z.avail_in = (uInt)r->len;
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)(cap - 1);
	int rc = inflate(&z, Z_FINISH);
	*len = z.total_out;
	inflateEnd(&z);
	if (rc != Z_STREAM_END)
		return NULL;
	out[*len] = '\0';
	return out;
}

static void pages_link_hashed_stylesheet(void)
{
	static const char *const paths[] = {"/", "/virksomheder", "/login", "/katalog", "/udbud"};
	const char *first = NULL;
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct harness_resp *r = harness_get(anon, paths[i]);
		CHECK_STATUS(r, 200);
		CHECK_OK(harness_html_problem(r));
		const char *href = stylesheet_href(r->body);
		CHECKF(href && strncmp(href, "/static/app.css?v=", 18) == 0 && strlen(href) == 34,
		       "%s links the stylesheet as %s", paths[i], href ? href : "nothing");
		if (!first)
			first = href;
		CHECK_STR(href, first);
		/* the pages need no script: there is none */
		CHECK_LACKS(r->body, "<script");
	}
	/* signed in, the same stylesheet, and the header's portal line before the menu */
	struct harness_resp *r = harness_get(konsulent, "/virksomheder");
	CHECK_STATUS(r, 200);
	CHECK_OK(harness_html_problem(r));
	CHECK_STR(stylesheet_href(r->body), first);
	const char *portal = strstr(r->body, "<div class=\"portal-header\">");
	const char *kommune = strstr(r->body, "<span class=\"kommune\">Kolding Kommune</span>");
	const char *nav = strstr(r->body, "<nav aria-label=");
	CHECKF(portal && kommune && nav && portal < kommune && kommune < nav,
	       "the header has no portal line with the municipality before the menu");
	/* the table writer's tables are dkfds tables */
	CHECK_HAS(r->body, "<table class=\"table");
}

static void stylesheet_gzip(void)
{
	const char *href = stylesheet_href(harness_get(anon, "/")->body);
	CHECK(href);
	struct harness_resp *plain = harness_get(anon, href);
	CHECK_STATUS(plain, 200);
	CHECK(harness_header(plain, "Content-Encoding") == NULL);
	CHECK_STR(harness_header(plain, "Vary"), "Accept-Encoding");
	CHECK_HAS(plain->body, ".button-primary");

	struct harness_resp *gz = get_with(anon, href, "Accept-Encoding: gzip, deflate, br", NULL);
	CHECK_STATUS(gz, 200);
	CHECK_STR(harness_header(gz, "Content-Encoding"), "gzip");
	CHECK_STR(harness_header(gz, "Vary"), "Accept-Encoding");
	const char *type = harness_header(gz, "Content-Type");
	CHECKF(type && strncmp(type, "text/css", 8) == 0, "Content-Type is %s", type ? type : "none");
	CHECKF(gz->len * 3 < plain->len, "gzip gives %zu bytes of %zu", gz->len, plain->len);
	size_t n = 0;
	char *unpacked = gunzip(gz, &n);
	CHECKF(unpacked, "the gzip body does not unpack");
	CHECKF(n == plain->len && memcmp(unpacked, plain->body, n) == 0,
	       "unpacked (%zu bytes) is not the stylesheet (%zu bytes)", n, plain->len);

	/* each representation its own ETag, and a 304 for each */
	const char *etag = harness_header(plain, "ETag");
	const char *gz_etag = harness_header(gz, "ETag");
	CHECK(etag && gz_etag && strcmp(etag, gz_etag) != 0);
	struct harness_resp *again = get_with(anon, href, harness_fmt("If-None-Match: %s", gz_etag),
	                                      "Accept-Encoding: gzip");
	CHECK_STATUS(again, 304);
	CHECK(again->len == 0);
	CHECK_STR(harness_header(again, "ETag"), gz_etag);
	again = get_with(anon, href, harness_fmt("If-None-Match: %s", etag), NULL);
	CHECK_STATUS(again, 304);
	/* the other representation's ETag does not stand for this one */
	again = get_with(anon, href, harness_fmt("If-None-Match: %s", etag), "Accept-Encoding: gzip");
	CHECK_STATUS(again, 200);
	CHECK_STR(harness_header(again, "Content-Encoding"), "gzip");

	/* gzip refused by q=0: the plain bytes */
	struct harness_resp *no = get_with(anon, href, "Accept-Encoding: gzip;q=0, identity", NULL);
	CHECK_STATUS(no, 200);
	CHECK(harness_header(no, "Content-Encoding") == NULL);
	CHECK(no->len == plain->len);
}

static void stylesheet_cache(void)
{
	const char *href = stylesheet_href(harness_get(anon, "/")->body);
	CHECK(href);
	struct harness_resp *r = harness_get(anon, href);
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_header(r, "Cache-Control"), "public, max-age=31536000, immutable");
	/* without the hash, or with an old one, a day */
	r = harness_get(anon, "/static/app.css");
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_header(r, "Cache-Control"), "public, max-age=86400");
	r = harness_get(anon, "/static/app.css?v=0123456789abcdef");
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_header(r, "Cache-Control"), "public, max-age=86400");
	CHECK_STATUS(harness_get(anon, "/static/dkfds.min.css"), 404);
	CHECK_STATUS(harness_send(anon, &(struct harness_req){.method = "POST", .path = href}), 404);
}

static void referenced_files(void)
{
	struct harness_resp *css = harness_get(anon, "/static/app.css");
	CHECK_STATUS(css, 200);
	int fonts = 0, files = 0;
	for (const char *p = strstr(css->body, "url(\""); p; p = strstr(p + 5, "url(\"")) {
		const char *b = p + 5, *e = strchr(b, '"');
		CHECK(e);
		const char *path = harness_fmt("/static/%.*s", (int)(e - b), b);
		struct harness_resp *f = get_with(anon, path, "Accept-Encoding: gzip", NULL);
		CHECKF(f->status == 200, "app.css refers to %s, which answers %ld", path, f->status);
		CHECK(harness_header(f, "ETag"));
		const char *type = harness_header(f, "Content-Type");
		if (strstr(path, ".woff2")) {
			fonts++;
			CHECK_STR(type, "font/woff2");
			/* woff2 is compressed already: sent as it is */
			CHECK(harness_header(f, "Content-Encoding") == NULL);
			CHECK(f->len > 4 && memcmp(f->body, "wOF2", 4) == 0);
		} else {
			CHECK_STR(type, "image/svg+xml");
		}
		files++;
	}
	CHECKF(fonts == 3, "app.css refers to %d fonts, not IBM Plex Sans' three weights", fonts);
	CHECK(files >= 4);
	struct harness_resp *lic = harness_get(anon, "/static/THIRD-PARTY.txt");
	CHECK_STATUS(lic, 200);
	CHECK_HAS(lic->body, "dkfds");
	CHECK_HAS(lic->body, "SIL OPEN FONT LICENSE Version 1.1");
	CHECK_HAS(lic->body, "Apache License");
}

/* a failed form: the error summary first, linking to the field that carries the message */
static void failed_form(void)
{
	struct harness_resp *r = harness_post_form(
		anon, "/login",
		harness_form("csrf", harness_client_csrf(anon), "email", "", "password", "", NULL));
	CHECK(r->status == 422 || r->status == 401 || r->status == 200);
	CHECK_OK(harness_html_problem(r));
	const char *summary = strstr(r->body, "<div class=\"error-summary\"");
	CHECKF(summary, "no error summary on a sign-in without e-mail");
	const char *link = strstr(summary, "<a href=\"#f-");
	CHECK(link);
	const char *e = strchr(link + 10, '"');
	const char *id = harness_fmt(" id=\"%.*s\"", (int)(e - (link + 10)), link + 10);
	const char *field = strstr(r->body, id);
	CHECKF(field && field > summary, "the summary's link %s leads nowhere", id);
}

static const struct harness_test tests[] = {
	{"the demo server starts", start, HARNESS_FATAL | HARNESS_KEEP},
	{"every page links one stylesheet at /static/app.css?v=<hash>, no script; the header's "
	 "portal line holds the municipality before the menu; tables are dkfds tables",
	 pages_link_hashed_stylesheet, 0},
	{"the stylesheet is gzip-compressed when accepted (the same bytes unpacked), with its own "
	 "ETag and 304; q=0 gets the plain bytes", stylesheet_gzip, 0},
	{"the hashed address is cached for a year, others for a day; POST and unknown files 404",
	 stylesheet_cache, 0},
	{"every file app.css refers to is served (three woff2 weights, not recompressed; the icons); "
	 "the licences at /static/THIRD-PARTY.txt", referenced_files, 0},
	{"a failed sign-in shows the error summary linking to its field", failed_form, 0},
	{"the server stops cleanly", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
