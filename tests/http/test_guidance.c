/*
 * test_guidance.c — the guidance library over real HTTP: files uploaded through the API as the
 * raw body (the declared Content-Type is not trusted) and through the multipart form on the
 * page; the hostile samples of tests/data/docs/ refused with 422 naming "file" and nothing
 * stored; 413 over 10 MB; links; downloads as attachments with the checked type and nosniff,
 * only to staff who may read them (403 for another municipality, 401 for the public); the
 * Danish search by an inflected and an æ/ae-folded word; the administrator's national document
 * seen by every municipality; the pages (list with search and tag filter, the document, the
 * form with its errors, deleting with a confirmation), each checked with tidy.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h), from the
 * repository's root (tests/data/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define DOCS "tests/data/docs/"

static struct harness_server *srv;
static struct harness_client *admin, *kolding, *indkoeb, *owner, *silkeborg;

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	admin = harness_bearer(srv, "admin@indgang.example");
	kolding = harness_bearer(srv, "konsulent@kolding.example");
	indkoeb = harness_bearer(srv, "indkoeb@kolding.example");
	owner = harness_bearer(srv, "virksomhed@kolding.example");
	silkeborg = harness_bearer(srv, "konsulent@silkeborg.example");
	CHECKF(admin && kolding && indkoeb && owner && silkeborg, "'indgang token create' failed");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

static const char *page_problem(struct harness_resp *r, long status)
{
	const char *why = harness_status_problem(r, status);
	if (!why)
		why = harness_html_problem(r);
	if (!why)
		why = harness_security_headers_problem(r);
	return why;
}

/* the sample file DOCS name (the test owns it), its length in *len */
static char *load(const char *name, size_t *len)
{
	FILE *f = fopen(harness_fmt(DOCS "%s", name), "rb");
	if (!f)
		return NULL;
	char *buf = harness_fmt("%*s", 65536, "");
	*len = fread(buf, 1, 65536, f);
	fclose(f);
	return buf;
}

/* POST the raw bytes as a file through the API, claiming type */
static struct harness_resp *upload(struct harness_client *c, const char *query, const char *data,
                                   size_t len, const char *type)
{
	return harness_send(c, &(struct harness_req){.method = "POST",
	                                             .path = harness_fmt("/api/v1/guidance?%s", query),
	                                             .type = type, .body = data, .len = len});
}

static long long count_rows(void)
{
	char *out = NULL;
	if (harness_sqlite(harness_server_db(srv), "SELECT count(*) FROM guidance;", &out) != 0 || !out)
		return -1;
	return atoll(out);
}

static long long docx_id;

static void uploads_through_the_api(void)
{
	size_t len;
	char *docx = load("good.docx", &len);
	CHECKF(docx, "tests/data/docs/good.docx is missing (run from the repository's root)");
	/* declared as a PDF, judged a DOCX by its bytes */
	struct harness_resp *r = upload(kolding, "filename=aftale.pdf&title=Samarbejdsaftale%20skabelon"
	                                         "&summary=Skabelon%20til%20praktikaftaler&tags=skabelon%20aftale",
	                                docx, len, "application/pdf");
	CHECK_STATUS(r, 201);
	docx_id = (long long)json_integer_value(json_object_get(harness_json(r), "id"));
	CHECK_STR(harness_json_str(harness_json(r), "file_type"), "docx");
	CHECK_STR(harness_json_str(harness_json(r), "filename"), "aftale.docx");
	/* download: attachment, the checked type, nosniff, the same bytes */
	struct harness_resp *dl = harness_get(indkoeb, harness_fmt("/api/v1/guidance/%lld/file", docx_id));
	CHECK_STATUS(dl, 200);
	CHECK_HAS(harness_header(dl, "Content-Type"), "wordprocessingml");
	CHECK_HAS(harness_header(dl, "Content-Disposition"), "attachment");
	CHECK_STR(harness_header(dl, "X-Content-Type-Options"), "nosniff");
	CHECK(dl->len == len && memcmp(dl->body, docx, len) == 0);
	CHECK_API_ERROR(harness_get(silkeborg, harness_fmt("/api/v1/guidance/%lld/file", docx_id)), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_get(owner, harness_fmt("/api/v1/guidance/%lld", docx_id)), 403, "forbidden", NULL);
	CHECK_STATUS(harness_get(harness_client(srv), harness_fmt("/api/v1/guidance/%lld/file", docx_id)), 401);
	/* the buyer reads but does not write; another municipality neither */
	CHECK_API_ERROR(upload(indkoeb, "filename=a.docx&title=X", docx, len, "application/octet-stream"),
	                403, "forbidden", NULL);
	CHECK_API_ERROR(upload(silkeborg, "filename=a.docx&title=X&kommune=621", docx, len, "application/octet-stream"),
	                403, "forbidden", NULL);
	/* a link as JSON */
	r = harness_post_json(kolding, "/api/v1/guidance",
	                      "{\"title\": \"Beskæftigelsesordninger\", \"summary\": \"Løntilskud og fleksjob\","
	                      " \"tags\": [\"lov\", \"ordninger\"], \"url\": \"https://bm.dk/\"}");
	CHECK_STATUS(r, 201);
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/guidance", "{\"title\": \"X\", \"url\": \"ftp://x\"}"),
	                422, "invalid", "url");
}

static void hostile_files_are_refused(void)
{
	static const char *const bad[] = {"renamed-exe.pdf", "truncated.pdf", "not-office.docx",
	                                  "offset-past-end.docx", "encrypted.docx"};
	long long before = count_rows();
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t len;
		char *data = load(bad[i], &len);
		CHECKF(data, "missing sample %s", bad[i]);
		struct harness_resp *r = upload(kolding, harness_fmt("filename=%s&title=Farlig", bad[i]), data, len,
		                                "application/pdf");
		CHECK_API_ERROR(r, 422, "invalid", "file");
	}
	/* over 10 MB: 413 */
	size_t big = 10u * 1024u * 1024u + 1;
	char *huge = calloc(big, 1);
	CHECK(huge);
	memcpy(huge, "%PDF-1.4\n", 9);
	struct harness_resp *r = upload(kolding, "filename=stor.pdf&title=Stor", huge, big, "application/pdf");
	free(huge);
	CHECK_STATUS(r, 413);
	CHECK(count_rows() == before);
}

static long long total_of(struct harness_client *c, const char *path)
{
	struct harness_resp *r = harness_get(c, path);
	if (r->status != 200)
		return -1;
	return (long long)json_integer_value(json_object_get(harness_json(r), "total"));
}

static void danish_search_and_scope(void)
{
	/* an inflected form, ae for æ, oe for ø: the demo's and the uploaded documents */
	CHECK(total_of(kolding, "/api/v1/guidance?q=samarbejdsaftaler") >= 1);
	CHECK(total_of(kolding, "/api/v1/guidance?q=beskaeftigelsesordningerne") >= 1);
	CHECK(total_of(kolding, "/api/v1/guidance?q=loentilskud") >= 1);
	CHECK(total_of(kolding, "/api/v1/guidance?q=zebrafinke") == 0);
	CHECK(total_of(kolding, "/api/v1/guidance?tag=skabelon") >= 1);
	struct harness_resp *r = harness_get(kolding, "/api/v1/guidance?q=praktikaftaler");
	CHECK_STATUS(r, 200);
	json_t *first = json_array_get(json_object_get(harness_json(r), "items"), 0);
	CHECK(json_is_array(json_object_get(first, "tags")));
	/* Silkeborg sees the national document, not Kolding's */
	CHECK(total_of(silkeborg, "/api/v1/guidance?q=samarbejdsaftale") == 0);
	CHECK(total_of(silkeborg, "/api/v1/guidance?q=klausuler") == 1);
	CHECK_STATUS(harness_get(harness_client(srv), "/api/v1/guidance"), 401);
	CHECK_API_ERROR(harness_get(owner, "/api/v1/guidance"), 403, "forbidden", NULL);
}

static void the_pages(void)
{
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *list = harness_get(web, "/vejledning?q=samarbejdsaftaler");
	CHECK_OK(page_problem(list, 200));
	CHECK_HAS(list->body, "Samarbejdsaftale skabelon");
	CHECK_HAS(list->body, "<a href=\"/vejledning\" aria-current=\"page\">Vejledning</a>");
	CHECK_OK(page_problem(harness_get(web, "/vejledning?tag=skabelon"), 200));
	CHECK_HAS(harness_get(web, "/vejledning")->body, "Skal gennemgås");
	struct harness_resp *csv = harness_get(web, "/vejledning/eksport.csv?q=samarbejdsaftaler");
	CHECK_STATUS(csv, 200);
	CHECK_HAS(csv->body, "titel;type;emneord");
	CHECK_HAS(csv->body, "Samarbejdsaftale skabelon");
	struct harness_resp *one = harness_get(web, harness_fmt("/vejledning/%lld", docx_id));
	CHECK_OK(page_problem(one, 200));
	CHECK_HAS(one->body, harness_fmt("/vejledning/%lld/fil", docx_id));
	struct harness_resp *dl = harness_get(web, harness_fmt("/vejledning/%lld/fil", docx_id));
	CHECK_STATUS(dl, 200);
	CHECK_HAS(harness_header(dl, "Content-Disposition"), "attachment");
	/* the form: a multipart upload of a hostile file gives 422 at the field, nothing lost */
	struct harness_resp *form = harness_get(web, "/vejledning/ny");
	CHECK_OK(page_problem(form, 200));
	CHECK_HAS(form->body, "multipart/form-data");
	size_t len;
	char *exe = load("renamed-exe.pdf", &len);
	const char *b = "XyZbOuNdArY42";
	char *mp = harness_fmt("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n"
	                       "--%s\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nMin skabelon\r\n"
	                       "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rapport.pdf\"\r\n"
	                       "Content-Type: application/pdf\r\n\r\n",
	                       b, harness_csrf_field(form), b, b);
	size_t head = strlen(mp);
	char *tail = harness_fmt("\r\n--%s--\r\n", b);
	size_t total = head + len + strlen(tail);
	char *whole = harness_fmt("%*s", (int)total, "");
	memcpy(whole, mp, head);
	memcpy(whole + head, exe, len);
	memcpy(whole + head + len, tail, strlen(tail));
	struct harness_resp *bad = harness_send(web, &(struct harness_req){
		.method = "POST", .path = "/vejledning", .type = harness_fmt("multipart/form-data; boundary=%s", b),
		.body = whole, .len = total});
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "Min skabelon");
	CHECK_HAS(bad->body, "hverken en PDF");
	/* a sound PDF through the same form */
	char *pdf = load("good.pdf", &len);
	total = head + len + strlen(tail);
	whole = harness_fmt("%*s", (int)total, "");
	memcpy(whole, mp, head);
	memcpy(whole + head, pdf, len);
	memcpy(whole + head + len, tail, strlen(tail));
	struct harness_resp *ok = harness_send(web, &(struct harness_req){
		.method = "POST", .path = "/vejledning", .type = harness_fmt("multipart/form-data; boundary=%s", b),
		.body = whole, .len = total});
	CHECK_STATUS(ok, 303);
	const char *where = harness_header(ok, "Location");
	CHECK(where != NULL);
	/* deleting asks first */
	long long made = where ? atoll(where + strlen("/vejledning/")) : 0;
	struct harness_resp *ask = harness_get(web, harness_fmt("/vejledning/%lld/slet", made));
	CHECK_OK(page_problem(ask, 200));
	CHECK_HAS(ask->body, "<div class=\"confirm\" role=\"alert\">");
	CHECK_HAS(ask->body, harness_fmt("<a href=\"/vejledning/%lld\">Nej, tilbage</a>", made));
	CHECK_STATUS(harness_post_form(web, harness_fmt("/vejledning/%lld/slet", made),
	                               harness_form("csrf", harness_csrf_field(ask), NULL)), 303);
	CHECK_STATUS(harness_get(web, harness_fmt("/vejledning/%lld", made)), 404);
	/* another municipality: 403 */
	struct harness_client *sweb = harness_login(srv, "konsulent@silkeborg.example", HARNESS_DEMO_PASSWORD);
	CHECK(sweb);
	CHECK_OK(page_problem(harness_get(sweb, harness_fmt("/vejledning/%lld", docx_id)), 403));
	CHECK_OK(page_problem(harness_get(sweb, "/vejledning"), 200));
	/* the public is sent to sign in; an enterprise's account is refused */
	CHECK_STATUS(harness_get(harness_client(srv), "/vejledning"), 303);
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"files are judged by their bytes, served as attachments only to who may read them",
	 uploads_through_the_api, 0},
	{"hostile files get 422 on file and 413 over 10 MB; nothing is stored", hostile_files_are_refused, 0},
	{"Danish search finds inflected and folded words; each municipality sees its own and the "
	 "national documents", danish_search_and_scope, 0},
	{"the pages: search, tags, CSV, the document, the multipart form, deleting", the_pages, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
