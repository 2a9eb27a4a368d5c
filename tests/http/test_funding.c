/*
 * test_funding.c — funding sources over real HTTP: who keeps them (a konsulent or jobkonsulent
 * their municipality's, the administrator national ones; the buyer, another municipality, an
 * enterprise and anonymous callers refused), public and non-public sources (the public sees
 * only the public ones, another municipality's staff not Kolding's own), Danish search and the
 * filters by kind and deadline, the CSV and XLSX export keeping the filters, the suggestions on
 * an inquiry of topic funding (another municipality's staff 403, other topics 422), the
 * deadlines on the home page, and the pages checked with tidy. Layer: tests. Runs the real
 * `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

static struct harness_server *srv;
static struct harness_client *anon, *admin, *kolding, *job, *indkoeb, *owner, *silkeborg;
static long long own_source;   /* Kolding's own, not public */
static long long soon_source;  /* national, public, deadline in 10 days */
static char soon[11], later[11];

static struct harness_resp *send_delete(struct harness_client *c, const char *path)
{
	return harness_send(c, &(struct harness_req){.method = "DELETE", .path = path});
}

static long long id_of(struct harness_resp *r)
{
	return (long long)json_integer_value(json_object_get(harness_json(r), "id"));
}

static void date_in(int days, char out[11])
{
	time_t t = time(NULL) + (time_t)days * 86400;
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	admin = harness_bearer(srv, "admin@indgang.example");
	kolding = harness_bearer(srv, "konsulent@kolding.example");
	job = harness_bearer(srv, "job@kolding.example");
	indkoeb = harness_bearer(srv, "indkoeb@kolding.example");
	owner = harness_bearer(srv, "virksomhed@kolding.example");
	silkeborg = harness_bearer(srv, "konsulent@silkeborg.example");
	CHECKF(admin && kolding && job && indkoeb && owner && silkeborg, "'indgang token create' failed");
	date_in(10, soon);
	date_in(60, later);
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

/* the titles of a list answer, joined with '|' */
static const char *titles(struct harness_resp *r)
{
	const char *out = "";
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it) {
		out = harness_fmt("%s%s|", out, harness_json_str(it, "title"));
	}
	return out;
}

static void keeping(void)
{
	const char *own = "{\"kind\": \"offentlig_pulje\", \"title\": \"Koldings mikrolån <script>\","
	                  " \"description\": \"Små lån til iværksættere i kommunen\", \"amount_min\": \"5000\","
	                  " \"amount_max\": \"50000.00\", \"public\": false}";
	CHECK_STATUS(harness_post_json(indkoeb, "/api/v1/funding", own), 403);
	CHECK_STATUS(harness_post_json(owner, "/api/v1/funding", own), 403);
	CHECK_STATUS(harness_post_json(anon, "/api/v1/funding", own), 401);
	CHECK_STATUS(harness_post_json(silkeborg, "/api/v1/funding",
	                               "{\"kommune\": \"621\", \"kind\": \"fond\", \"title\": \"x\"}"), 403);
	struct harness_resp *r = harness_post_json(kolding, "/api/v1/funding", own);
	CHECK_STATUS(r, 201);
	own_source = id_of(r);
	CHECK_STR(harness_json_str(harness_json(r), "kommune"), "621");
	CHECK_STR(harness_json_str(harness_json(r), "amount_max"), "50000.00");
	/* national sources are the administrator's */
	const char *nat = harness_fmt("{\"kommune\": null, \"kind\": \"fond\", \"title\": \"Fond for"
	                              " genbrugsværksteder\", \"description\": \"Støtte til værksteder,"
	                              " der reparerer møbler\", \"deadline\": \"%s\", \"public\": true,"
	                              " \"url\": \"https://vaerksted.example\"}", soon);
	CHECK_STATUS(harness_post_json(kolding, "/api/v1/funding", nat), 403);
	struct harness_resp *n = harness_post_json(admin, "/api/v1/funding", nat);
	CHECK_STATUS(n, 201);
	soon_source = id_of(n);
	CHECK_STATUS(harness_post_json(admin, "/api/v1/funding",
	                               harness_fmt("{\"kommune\": null, \"kind\": \"bank\", \"title\": \"Senere lån\","
	                                           " \"deadline\": \"%s\", \"public\": true}", later)), 201);
	/* invalid fields name themselves */
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/funding", "{\"kind\": \"lotteri\", \"title\": \"x\"}"),
	                422, "invalid", "kind");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/funding", "{\"kind\": \"fond\", \"title\": \" \"}"),
	                422, "invalid", "title");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/funding",
	                                  "{\"kind\": \"fond\", \"title\": \"x\", \"url\": \"javascript:alert(1)\"}"),
	                422, "invalid", "url");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/funding",
	                                  "{\"kind\": \"fond\", \"title\": \"x\", \"amount_min\": \"10\","
	                                  " \"amount_max\": \"5\"}"), 422, "invalid", "amount_max");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/funding",
	                                  "{\"kind\": \"fond\", \"title\": \"x\", \"deadline\": \"2016-02-30\"}"),
	                422, "invalid", "deadline");
	/* changing: the jobkonsulent yes, the buyer and Silkeborg no */
	const char *p = harness_fmt("/api/v1/funding/%lld", own_source);
	CHECK_STATUS(harness_patch_json(job, p, "{\"eligible\": \"Iværksættere i Kolding\"}"), 200);
	CHECK_STATUS(harness_patch_json(indkoeb, p, "{\"eligible\": \"x\"}"), 403);
	CHECK_STATUS(harness_patch_json(silkeborg, p, "{\"eligible\": \"x\"}"), 403);
	CHECK_STATUS(send_delete(silkeborg, p), 403);
}

static void visibility(void)
{
	const char *p = harness_fmt("/api/v1/funding/%lld", own_source);
	CHECK_STATUS(harness_get(indkoeb, p), 200);
	CHECK_STATUS(harness_get(silkeborg, p), 403);
	CHECK_STATUS(harness_get(anon, p), 403);
	CHECK_STATUS(harness_get(owner, p), 403);
	CHECK_STATUS(harness_get(anon, harness_fmt("/api/v1/funding/%lld", soon_source)), 200);
	struct harness_resp *pub = harness_get(anon, "/api/v1/funding?limit=500");
	CHECK_STATUS(pub, 200);
	CHECK_HAS(titles(pub), "Fond for genbrugsværksteder|");
	CHECK_LACKS(titles(pub), "Koldings mikrolån");
	CHECK_LACKS(titles(pub), "Koldings iværksætterpulje");
	struct harness_resp *sk = harness_get(silkeborg, "/api/v1/funding?limit=500");
	CHECK_LACKS(titles(sk), "Koldings mikrolån");
	struct harness_resp *kk = harness_get(kolding, "/api/v1/funding?limit=500");
	CHECK_HAS(titles(kk), "Koldings mikrolån");
	CHECK_HAS(titles(kk), "Fond for genbrugsværksteder");
	struct harness_resp *page = harness_get(anon, "/finansiering");
	CHECK_OK(page_problem(page, 200));
	CHECK_HAS(page->body, "Fond for genbrugsværksteder");
	CHECK_LACKS(page->body, "Koldings mikrolån");
}

static void searching(void)
{
	/* Danish search: a stem, and æ/ae, ø/oe folded */
	struct harness_resp *s = harness_get(kolding, "/api/v1/funding?q=vaerksteder");
	CHECK_STATUS(s, 200);
	CHECK_STR(titles(s), "Fond for genbrugsværksteder|");
	s = harness_get(kolding, "/api/v1/funding?q=m%C3%B8bler");
	CHECK_STR(titles(s), "Fond for genbrugsværksteder|");
	s = harness_get(kolding, "/api/v1/funding?q=iv%C3%A6rks%C3%A6ttere&kind=offentlig_pulje");
	CHECK_HAS(titles(s), "Koldings mikrolån");
	CHECK_LACKS(titles(s), "genbrug");
	/* the kind filter */
	s = harness_get(anon, "/api/v1/funding?kind=bank&limit=500");
	CHECK_HAS(titles(s), "Senere lån|");
	CHECK_LACKS(titles(s), "genbrug");
	/* deadlines within 30 days: the one in 10 days, not the one in 60, nor past ones */
	s = harness_get(kolding, "/api/v1/funding?within_days=30");
	CHECK_STR(titles(s), "Fond for genbrugsværksteder|");
	s = harness_get(kolding, "/api/v1/funding?within_days=90");
	CHECK_STR(titles(s), "Fond for genbrugsværksteder|Senere lån|");
	CHECK_API_ERROR(harness_get(kolding, "/api/v1/funding?within_days=mange"), 400, "bad_parameter",
	                "within_days");
	CHECK_API_ERROR(harness_get(kolding, "/api/v1/funding?kind=lotteri"), 400, "bad_parameter", "kind");
	/* the page and its export keep the filters */
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *pg = harness_get(web, "/finansiering?frist=30");
	CHECK_OK(page_problem(pg, 200));
	CHECK_HAS(pg->body, "Fond for genbrugsværksteder");
	CHECK_LACKS(pg->body, "Senere lån");
	CHECK_HAS(pg->body, "eksport?format=csv&amp;q=&amp;kind=&amp;frist=30");
	struct harness_resp *csv = harness_get(web, "/finansiering/eksport?format=csv&frist=30&sep=,");
	CHECK_STATUS(csv, 200);
	CHECK_HAS(csv->body, "Fond for genbrugsværksteder");
	CHECK_LACKS(csv->body, "Senere lån");
	struct harness_resp *bom = harness_get(web, "/finansiering/eksport?format=csv");
	CHECK(bom->len > 3 && !memcmp(bom->body, "\xEF\xBB\xBF", 3));
	CHECK_HAS(bom->body, "id;slags;titel");
	struct harness_resp *x = harness_get(web, "/finansiering/eksport?format=xlsx&kind=bank");
	CHECK_STATUS(x, 200);
	CHECK(x->len > 100 && !memcmp(x->body, "PK", 2));
	/* the home page: deadlines within 30 days for the staff */
	struct harness_resp *home = harness_get(web, "/");
	CHECK_OK(page_problem(home, 200));
	CHECK_HAS(home->body, "Frister for finansiering inden for 30 dage");
	CHECK_HAS(home->body, "Fond for genbrugsværksteder");
	struct harness_resp *ah = harness_get(anon, "/");
	CHECK_LACKS(ah->body, "Frister for finansiering");
}

static void suggestions(void)
{
	struct harness_resp *q = harness_post_json(anon, "/api/v1/inquiries",
		"{\"kommune\": \"621\", \"name\": \"Iben Iværksætter\", \"email\": \"iben@example.org\","
		" \"topic\": \"funding\", \"message\": \"Hvor kan jeg søge penge til opstart?\"}");
	CHECK_STATUS(q, 201);
	long long inq = id_of(q);
	CHECK(inq > 0);
	struct harness_resp *other = harness_post_json(anon, "/api/v1/inquiries",
		"{\"kommune\": \"621\", \"name\": \"Bo Beskæftigelse\", \"email\": \"bo@example.org\","
		" \"topic\": \"employment\", \"message\": \"Praktik\"}");
	CHECK_STATUS(other, 201);
	const char *path = harness_fmt("/api/v1/inquiries/%lld/funding", inq);
	const char *body = harness_fmt("{\"source_id\": %lld}", soon_source);
	CHECK_STATUS(harness_post_json(silkeborg, path, body), 403);
	CHECK_STATUS(harness_post_json(indkoeb, path, body), 403);
	CHECK_STATUS(harness_post_json(owner, path, body), 403);
	CHECK_STATUS(harness_post_json(anon, path, body), 401);
	CHECK_STATUS(harness_post_json(kolding, "/api/v1/inquiries/999999/funding", body), 404);
	struct harness_resp *a = harness_post_json(kolding, path, body);
	CHECK_STATUS(a, 201);
	CHECK_HAS(titles(a), "Fond for genbrugsværksteder|");
	CHECK_API_ERROR(harness_post_json(kolding, path, body), 422, "invalid", "source_id");
	CHECK_API_ERROR(harness_post_json(kolding, path, "{\"source_id\": 999999}"), 422, "invalid", "source_id");
	CHECK_API_ERROR(harness_post_json(kolding, harness_fmt("/api/v1/inquiries/%lld/funding", id_of(other)), body),
	                422, "invalid", "topic");
	CHECK_STATUS(harness_post_json(kolding, path, harness_fmt("{\"source_id\": %lld}", own_source)), 201);
	/* the case page shows the block; the form adds and removes */
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *cp = harness_get(web, harness_fmt("/sager/%lld", inq));
	CHECK_OK(page_problem(cp, 200));
	CHECK_HAS(cp->body, "Foreslåede finansieringskilder");
	CHECK_HAS(cp->body, "Koldings mikrolån &lt;script&gt;");
	const char *csrf = harness_client_csrf(web);
	struct harness_resp *bad = harness_post_form(web, harness_fmt("/sager/%lld/finansiering", inq),
		harness_form("csrf", csrf, "action", "add", "source_id", "", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "id=\"f-source_id-error\"");
	struct harness_resp *rm = harness_post_form(web, harness_fmt("/sager/%lld/finansiering", inq),
		harness_form("csrf", csrf, "action", "remove", "source_id", harness_fmt("%lld", own_source), NULL));
	CHECK_STATUS(rm, 303);
	struct harness_resp *left = harness_get(kolding, path);
	(void)left;
	struct harness_resp *d = send_delete(kolding, harness_fmt("%s/%lld", path, soon_source));
	CHECK_STATUS(d, 200);
	CHECK_STR(titles(d), "");
	CHECK_API_ERROR(send_delete(kolding, harness_fmt("%s/%lld", path, soon_source)), 422, "invalid",
	                "source_id");
	/* an employment case shows no funding block */
	struct harness_resp *ep = harness_get(web, harness_fmt("/sager/%lld", id_of(other)));
	CHECK_OK(page_problem(ep, 200));
	CHECK_LACKS(ep->body, "Foreslåede finansieringskilder");
}

static void pages(void)
{
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	CHECK_OK(page_problem(harness_get(web, "/finansiering/ny"), 200));
	const char *csrf = harness_client_csrf(web);
	struct harness_resp *bad = harness_post_form(web, "/finansiering",
		harness_form("csrf", csrf, "kind", "fond", "title", "", "description", "Bevares ved fejl",
		             "amount_max", "mange", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "Bevares ved fejl");
	CHECK_HAS(bad->body, "id=\"f-title-error\"");
	CHECK_HAS(bad->body, "id=\"f-amount_max-error\"");
	struct harness_resp *ok = harness_post_form(web, "/finansiering",
		harness_form("csrf", csrf, "kind", "lag", "title", "Formularkilde", "amount_max", "100.000",
		             "public", "1", NULL));
	CHECK_STATUS(ok, 303);
	struct harness_resp *l = harness_get(web, "/finansiering?q=Formularkilde");
	CHECK_OK(page_problem(l, 200));
	CHECK_HAS(l->body, "op til 100.000,00 kr.");
	CHECK_OK(page_problem(harness_get(web, harness_fmt("/finansiering/%lld/rediger", own_source)), 200));
	CHECK_OK(page_problem(harness_get(web, harness_fmt("/finansiering/%lld/slet", own_source)), 200));
	struct harness_resp *del = harness_post_form(web, harness_fmt("/finansiering/%lld/slet", own_source),
		harness_form("csrf", csrf, NULL));
	CHECK_STATUS(del, 303);
	CHECK_STATUS(harness_get(kolding, harness_fmt("/api/v1/funding/%lld", own_source)), 404);
	struct harness_client *sk = harness_login(srv, "konsulent@silkeborg.example", HARNESS_DEMO_PASSWORD);
	CHECK(sk);
	CHECK_STATUS(harness_get(sk, harness_fmt("/finansiering/%lld/rediger", soon_source)), 403);
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"a konsulent keeps the municipality's sources, the administrator national ones; others are"
	 " refused; invalid fields answer 422 naming them", keeping, HARNESS_FATAL},
	{"public sources for anyone, a municipality's own only for its staff", visibility, 0},
	{"Danish search, the kind and deadline filters, the export and the home page's deadlines",
	 searching, 0},
	{"suggestions on a funding inquiry: the case's workers only, other topics refused, the case"
	 " page's block", suggestions, 0},
	{"the pages: new with errors kept, edit, delete with confirmation", pages, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
