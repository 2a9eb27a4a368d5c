/*
 * test_tenders.c — tenders (udbud) and bids over real HTTP, on the demo database: the demo's
 * awarded Kolding tender and open Albertslund tender as the public sees them (list, page, Atom
 * feed, result without the losers' names); a tender created, refused and published through the
 * API; bids from two enterprises' accounts (replaced, another enterprise's refused, after the
 * deadline 409), sealed from the staff until the deadline (moved into the past in the
 * database); PDF documents by content (a real sample accepted, hostile ones 422, a wrong type
 * 415, over the body cap 413); scores, the result, the award with letters in the outbox; the
 * decision as HTML and XLSX; and the pages of the staff and of an enterprise, each checked with
 * tidy, with a hostile title shown escaped.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define HOSTILE_TITLE "<script>alert('udbud')</script> & \"co\""

static struct harness_server *srv;
static struct harness_client *anon, *admin, *buyer, *job, *porten, *hytten, *silkeborg, *soul;
static long long tender;            /* made in creating() */
static long long bid_porten, bid_hytten;
static long long ent_porten, ent_hytten;

static long long id_of(struct harness_resp *r)
{
	return (long long)json_integer_value(json_object_get(harness_json(r), "id"));
}

/* the enterprise the account with email represents, from /api/v1/me's companion: the database */
static long long enterprise_of(const char *email)
{
	char *out = NULL;
	if (harness_sqlite(harness_server_db(srv),
	                   harness_fmt("SELECT enterprise_id FROM users WHERE email = '%s';", email), &out) != 0 ||
	    !out)
		return 0;
	return strtoll(out, NULL, 10);
}

static void sql(const char *statement)
{
	char *out = NULL;
	CHECKF(harness_sqlite(harness_server_db(srv), statement, &out) == 0, "sqlite3: %s", statement);
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

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	admin = harness_bearer(srv, "admin@indgang.example");
	buyer = harness_bearer(srv, "indkoeb@kolding.example");
	job = harness_bearer(srv, "job@kolding.example");
	porten = harness_bearer(srv, "porten@kolding.example");
	hytten = harness_bearer(srv, "legehytten@kolding.example");
	silkeborg = harness_bearer(srv, "konsulent@silkeborg.example");
	soul = harness_bearer(srv, "virksomhed@kolding.example");
	CHECKF(admin && buyer && job && porten && hytten && silkeborg && soul, "'indgang token create' failed");
	ent_porten = enterprise_of("porten@kolding.example");
	ent_hytten = enterprise_of("legehytten@kolding.example");
	CHECKF(ent_porten && ent_hytten, "the demo's enterprise accounts were not found");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

/* the id of the public tender titled title, or 0 */
static long long public_tender(const char *title)
{
	struct harness_resp *r = harness_get(anon, "/api/v1/tenders");
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it) {
		const char *t = harness_json_str(it, "title");
		if (t && !strcmp(t, title))
			return (long long)json_integer_value(json_object_get(it, "id"));
	}
	return 0;
}

static void the_demo_in_public(void)
{
	long long kolding = public_tender("Logistik- og serviceydelser til Koldingbibliotekerne");
	long long cafe = public_tender("Forpagtning af caféen i Sundhedshuset");
	CHECKF(kolding && cafe, "the demo's tenders are not in the public list");
	struct harness_resp *list = harness_get(anon, "/udbud");
	CHECK_OK(page_problem(list, 200));
	CHECK_HAS(list->body, "Forpagtning af caféen i Sundhedshuset");
	CHECK_HAS(list->body, "href=\"/udbud/feed.xml\"");
	CHECK_HAS(list->body, "rel=\"alternate\" type=\"application/atom+xml\"");
	struct harness_resp *page = harness_get(anon, harness_fmt("/udbud/%lld", kolding));
	CHECK_OK(page_problem(page, 200));
	CHECK_HAS(page->body, "Virksomhedsporten (vinder)");
	CHECK_HAS(page->body, "Innovation (15 %)");
	CHECK_LACKS(page->body, "Special Solutions");
	CHECK_LACKS(page->body, "Borups Pakkeri");
	struct harness_resp *cafe_page = harness_get(anon, harness_fmt("/udbud/%lld", cafe));
	CHECK_OK(page_problem(cafe_page, 200));
	CHECK_HAS(cafe_page->body, "personer med handicap, fleksjobansatte eller jobs til unge");
	CHECK_HAS(cafe_page->body, "Light-regimet");
	/* the result: the winner named, the others' names and prices null */
	struct harness_resp *res = harness_get(anon, harness_fmt("/api/v1/tenders/%lld/result", kolding));
	CHECK_STATUS(res, 200);
	json_t *rank = json_object_get(harness_json(res), "ranking");
	CHECK(json_array_size(rank) == 3);
	CHECK_STR(harness_json_str(json_array_get(rank, 0), "enterprise"), "Virksomhedsporten");
	CHECK(json_is_true(json_object_get(json_array_get(rank, 0), "winner")));
	CHECK(json_is_null(json_object_get(json_array_get(rank, 1), "enterprise")));
	CHECK(json_is_null(json_object_get(json_array_get(rank, 1), "price")));
	/* the open tender's result is nobody's business yet */
	CHECK_STATUS(harness_get(anon, harness_fmt("/api/v1/tenders/%lld/result", cafe)), 403);
	/* the feed is Atom with an entry per published tender */
	struct harness_resp *feed = harness_get(anon, "/udbud/feed.xml");
	CHECK_STATUS(feed, 200);
	CHECK_HAS(harness_header(feed, "Content-Type"), "application/atom+xml");
	CHECK_HAS(feed->body, "<feed xmlns=\"http://www.w3.org/2005/Atom\">");
	CHECK_HAS(feed->body, "<title>Forpagtning af caféen i Sundhedshuset</title>");
	CHECK_HAS(feed->body, harness_fmt("/udbud/%lld</id>", cafe));
	/* the letters of the award are in the outbox */
	char *out = NULL;
	CHECK(harness_sqlite(harness_server_db(srv), "SELECT count(*) FROM outbox WHERE to_addr ="
	                     " 'porten@kolding.example' AND subject LIKE 'Tildeling:%';", &out) == 0);
	CHECK(out && atoi(out) == 1);
	/* the printable decision and the workbook, for everyone after the award */
	CHECK_OK(page_problem(harness_get(anon, harness_fmt("/udbud/%lld/beslutning", kolding)), 200));
	struct harness_resp *x = harness_get(anon, harness_fmt("/udbud/%lld/beslutning.xlsx", kolding));
	CHECK_STATUS(x, 200);
	CHECK(x->len > 100 && !memcmp(x->body, "PK", 2));
}

static json_t *valid_tender(const char *title, const char *deadline)
{
	return json_pack("{s:s, s:s, s:s, s:[{s:s, s:i}, {s:s, s:i}, {s:s, s:i}], s:[s, {s:s, s:s}],"
	                 " s:s, s:s}",
	                 "title", title, "procedure", "reserveret", "deadline", deadline, "criteria",
	                 "name", "Pris", "weight", 50, "name", "Kvalitet", "weight", 30, "name", "Service",
	                 "weight", 20, "social_clauses", "Mindst to ansatte i fleksjob.", "kind",
	                 "laerlinge", "text", "En lærling på opgaven.", "cpv", "55330000-2", "estimate",
	                 "300000.00");
}

static void creating(void)
{
	const char *body = harness_json_text(valid_tender(HOSTILE_TITLE, "2030-01-10T12:00"));
	/* the public, a read-only role, an enterprise: refused */
	CHECK_STATUS(harness_post_json(anon, "/api/v1/tenders", body), 401);
	CHECK_STATUS(harness_post_json(job, "/api/v1/tenders", body), 403);
	CHECK_STATUS(harness_post_json(porten, "/api/v1/tenders", body), 403);
	/* another municipality: 403 */
	json_t *other = valid_tender("Andet", "2030-01-10T12:00");
	json_object_set_new(other, "kommune", json_string("740"));
	CHECK_STATUS(harness_post_json(buyer, "/api/v1/tenders", harness_json_text(other)), 403);
	/* weights not summing to 100: 422 criteria */
	json_t *bad = valid_tender("Forkert", "2030-01-10T12:00");
	json_object_set_new(bad, "criteria", json_pack("[{s:s, s:i}]", "name", "Pris", "weight", 90));
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/tenders", harness_json_text(bad)), 422,
	                "invalid", "criteria");
	bad = valid_tender("Forkert", "1. januar");
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/tenders", harness_json_text(bad)), 422,
	                "invalid", "deadline");
	bad = valid_tender("Forkert", "2030-01-10T12:00");
	json_object_set_new(bad, "procedure", json_string("hemmelig"));
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/tenders", harness_json_text(bad)), 422,
	                "invalid", "procedure");
	struct harness_resp *r = harness_post_json(buyer, "/api/v1/tenders", body);
	CHECK_STATUS(r, 201);
	tender = id_of(r);
	CHECK(tender > 0);
	CHECK_STR(harness_json_str(harness_json(r), "status"), "draft");
	CHECK_STR(harness_json_str(harness_json(r), "deadline"), "2030-01-10T11:00:00Z");
	CHECK_STR(harness_json_str(harness_json(r), "deadline_local"), "2030-01-10T12:00");
	CHECK_STR(harness_json_str(harness_json(r), "cpv_label"), "Cafeteria services");
	/* a draft is not public */
	CHECK_STATUS(harness_get(anon, harness_fmt("/api/v1/tenders/%lld", tender)), 404);
	CHECK_STATUS(harness_get(anon, harness_fmt("/udbud/%lld", tender)), 404);
	CHECK_STATUS(harness_get(silkeborg, harness_fmt("/api/v1/tenders/%lld", tender)), 404);
	CHECK_STATUS(harness_get(job, harness_fmt("/api/v1/tenders/%lld", tender)), 200);
	/* publishing: others refused, then public */
	CHECK_STATUS(harness_post_json(job, harness_fmt("/api/v1/tenders/%lld/publish", tender), "{}"), 403);
	r = harness_post_json(buyer, harness_fmt("/api/v1/tenders/%lld/publish", tender), "{}");
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "status"), "published");
	CHECK_STATUS(harness_post_json(buyer, harness_fmt("/api/v1/tenders/%lld/publish", tender), "{}"), 409);
	struct harness_resp *page = harness_get(anon, harness_fmt("/udbud/%lld", tender));
	CHECK_OK(page_problem(page, 200));
	CHECK_LACKS(page->body, "<script>alert");
	CHECK_HAS(page->body, "&lt;script&gt;alert(&#39;udbud&#39;)&lt;/script&gt;");
	CHECK_HAS(harness_get(anon, "/udbud/feed.xml")->body, "&lt;script&gt;alert(");
}

/* a minimal PDF with a correct structure */
static const char *pdf_ok(void)
{
	return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages"
	       " /Kids [] /Count 0 >>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n"
	       "0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%EOF\n";
}

static struct harness_resp *upload(struct harness_client *c, long long bid, const char *type,
                                   const char *body, size_t len)
{
	struct harness_req q = {.method = "POST",
	                        .path = harness_fmt("/api/v1/bids/%lld/documents?filename=tilbud.pdf", bid),
	                        .type = type, .body = body, .len = len};
	return harness_send(c, &q);
}

/* the bytes of a sample file of tests/data/pdf/, or NULL */
static char *sample(const char *name, size_t *len)
{
	FILE *f = fopen(harness_fmt("tests/data/pdf/%s", name), "rb");
	if (!f)
		return NULL;
	char *buf = harness_fmt("%*s", 65536, "");
	*len = fread(buf, 1, 65536, f);
	fclose(f);
	return buf;
}

static void bidding(void)
{
	const char *path = harness_fmt("/api/v1/tenders/%lld/bids", tender);
	/* another enterprise's id: 403; no price: 422 */
	CHECK_STATUS(harness_post_json(porten, path, harness_fmt("{\"enterprise_id\": %lld, \"price\": \"1.00\"}",
	                                                         ent_hytten)), 403);
	CHECK_API_ERROR(harness_post_json(porten, path, harness_fmt("{\"enterprise_id\": %lld}", ent_porten)),
	                422, "invalid", "price");
	CHECK_STATUS(harness_post_json(buyer, path, harness_fmt("{\"enterprise_id\": %lld, \"price\": \"1.00\"}",
	                                                        ent_porten)), 403);
	struct harness_resp *r = harness_post_json(porten, path,
		harness_fmt("{\"enterprise_id\": %lld, \"price\": \"240000.00\"}", ent_porten));
	CHECK_STATUS(r, 201);
	bid_porten = id_of(r);
	r = harness_post_json(porten, path, harness_fmt("{\"enterprise_id\": %lld, \"price\": \"200000.00\"}",
	                                                ent_porten));
	CHECK_STATUS(r, 200);
	CHECK(id_of(r) == bid_porten);
	r = harness_post_json(hytten, path, harness_fmt("{\"enterprise_id\": %lld, \"price\": \"250.000,00\"}",
	                                                ent_hytten));
	CHECK_STATUS(r, 201);
	bid_hytten = id_of(r);
	/* sealed: the staff get 409, each bidder only its own, another account nothing */
	CHECK_STATUS(harness_get(buyer, path), 409);
	CHECK_STATUS(harness_get(buyer, harness_fmt("/api/v1/tenders/%lld/result", tender)), 409);
	r = harness_get(porten, path);
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(harness_json(r), "total")) == 1);
	CHECK_STR(harness_json_str(json_array_get(json_object_get(harness_json(r), "items"), 0), "price"),
	          "200000.00");
	r = harness_get(soul, path);
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(harness_json(r), "total")) == 0);
	CHECK_LACKS(harness_get(anon, harness_fmt("/udbud/%lld", tender))->body, "200.000");
	/* criteria are frozen once bids exist */
	CHECK_API_ERROR(harness_patch_json(buyer, harness_fmt("/api/v1/tenders/%lld", tender),
	                                   "{\"criteria\": [{\"name\": \"Pris\", \"weight\": 100}]}"),
	                422, "invalid", "criteria");
	CHECK_STATUS(harness_patch_json(buyer, harness_fmt("/api/v1/tenders/%lld", tender),
	                                "{\"description\": \"Caféen i stueetagen.\"}"), 200);
	/* documents: checked by content */
	const char *pdf = pdf_ok();
	r = upload(porten, bid_porten, "application/pdf", pdf, strlen(pdf));
	CHECK_STATUS(r, 201);
	size_t len = 0;
	char *xs = sample("xref-stream.pdf", &len);
	CHECK(xs && len > 100);
	CHECK_STATUS(upload(porten, bid_porten, "application/pdf", xs, len), 201);
	static const char *const hostile[] = {"javascript.pdf", "javascript-escaped.pdf", "launch.pdf",
	                                      "encrypted.pdf", "truncated.pdf", "picture.pdf", "no-xref.pdf"};
	for (size_t i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		char *d = sample(hostile[i], &len);
		CHECKF(d, "no sample %s", hostile[i]);
		CHECK_API_ERROR(upload(porten, bid_porten, "application/pdf", d, len), 422, "invalid", "document");
	}
	CHECK_STATUS(upload(porten, bid_porten, "image/png", pdf, strlen(pdf)), 415);
	CHECK_STATUS(upload(hytten, bid_porten, "application/pdf", pdf, strlen(pdf)), 404);
	CHECK_STATUS(upload(buyer, bid_porten, "application/pdf", pdf, strlen(pdf)), 403);
	/* over the 10 MB of a document (the upload route takes up to 16 MiB): 413 naming the field;
	 * over the server's upload cap: 413 before any handler runs */
	size_t big = 11u * 1024 * 1024;
	char *huge = harness_fmt("%s%*s", pdf, (int)big, "");
	CHECK_API_ERROR(upload(porten, bid_porten, "application/pdf", huge, strlen(huge)), 413, "too_large",
	                "document");
	big = 17u * 1024 * 1024;
	huge = harness_fmt("%s%*s", pdf, (int)big, "");
	CHECK_STATUS(upload(porten, bid_porten, "application/pdf", huge, strlen(huge)), 413);
	char *out = NULL;
	CHECK(harness_sqlite(harness_server_db(srv), harness_fmt("SELECT count(*) FROM bid_documents"
	                     " WHERE bid_id = %lld AND length(sha256) = 64;", bid_porten), &out) == 0);
	CHECK(out && atoi(out) == 2);
}

static void evaluating_and_awarding(void)
{
	/* the deadline passes */
	sql(harness_fmt("UPDATE tenders SET deadline = '2020-01-01T00:00:00Z' WHERE id = %lld;", tender));
	CHECK_STATUS(harness_post_json(hytten, harness_fmt("/api/v1/tenders/%lld/bids", tender),
	                               harness_fmt("{\"enterprise_id\": %lld, \"price\": \"1.00\"}", ent_hytten)),
	             409);
	struct harness_resp *r = harness_get(job, harness_fmt("/api/v1/tenders/%lld/bids", tender));
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(harness_json(r), "total")) == 2);
	CHECK_STATUS(harness_get(silkeborg, harness_fmt("/api/v1/tenders/%lld/bids", tender)), 403);
	const char *scores = harness_fmt("/api/v1/tenders/%lld/scores", tender);
	CHECK_STATUS(harness_post_json(job, scores, harness_fmt("{\"bid_id\": %lld, \"scores\": {\"kvalitet\": 7}}",
	                                                        bid_porten)), 403);
	CHECK_API_ERROR(harness_post_json(buyer, scores,
	                                  harness_fmt("{\"bid_id\": %lld, \"scores\": {\"pris\": 7}}", bid_porten)),
	                422, "invalid", "scores");
	CHECK_API_ERROR(harness_post_json(buyer, scores,
	                                  harness_fmt("{\"bid_id\": %lld, \"scores\": {\"kvalitet\": 12}}", bid_porten)),
	                422, "invalid", "scores");
	CHECK_STATUS(harness_post_json(buyer, scores,
	                               harness_fmt("{\"bid_id\": %lld, \"scores\": {\"kvalitet\": 7, \"service\": 8},"
	                                           " \"justifications\": {\"kvalitet\": \"God menu\"}}", bid_porten)),
	             200);
	CHECK_STATUS(harness_post_json(buyer, scores,
	                               harness_fmt("{\"bid_id\": %lld, \"scores\": {\"kvalitet\": 9, \"service\": 10}}",
	                                           bid_hytten)), 200);
	r = harness_get(buyer, harness_fmt("/api/v1/tenders/%lld/result", tender));
	CHECK_STATUS(r, 200);
	json_t *rank = json_object_get(harness_json(r), "ranking");
	/* porten: 50 + 21 + 16 = 87.00; hytten: 200/250 × 10 = 8.00 → 40 + 27 + 20 = 87.00, a tie
	 * broken by the lower price */
	CHECK(json_array_size(rank) == 2);
	json_t *first = json_array_get(rank, 0), *second = json_array_get(rank, 1);
	CHECK(json_integer_value(json_object_get(first, "bid_id")) == bid_porten);
	CHECK(json_real_value(json_object_get(first, "total")) == 87.0);
	CHECK(json_real_value(json_object_get(second, "total")) == 87.0);
	CHECK(json_real_value(json_object_get(json_object_get(second, "by_criterion"), "pris")) == 8.0);
	CHECK_STR(harness_json_str(second, "price"), "250000.00");
	/* the award: a reason per criterion, then letters to both */
	const char *award = harness_fmt("/api/v1/tenders/%lld/award", tender);
	CHECK_API_ERROR(harness_post_json(buyer, award, harness_fmt("{\"bid_id\": %lld, \"reasons\": {\"pris\":"
	                                                            " \"Lavest\"}}", bid_porten)),
	                422, "invalid", "reasons");
	CHECK_STATUS(harness_post_json(job, award, harness_fmt("{\"bid_id\": %lld}", bid_porten)), 403);
	r = harness_post_json(buyer, award,
		harness_fmt("{\"bid_id\": %lld, \"reasons\": {\"pris\": \"Lavest pris\", \"kvalitet\": \"God menu\","
		            " \"service\": \"Lang åbningstid\"}}", bid_porten));
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "status"), "awarded");
	CHECK_STATUS(harness_post_json(buyer, award, harness_fmt("{\"bid_id\": %lld, \"reasons\": {}}", bid_hytten)),
	             409);
	char *out = NULL;
	CHECK(harness_sqlite(harness_server_db(srv),
	                     "SELECT count(*) FROM outbox WHERE to_addr IN ('porten@kolding.example',"
	                     " 'legehytten@kolding.example') AND body LIKE '%Lang åbningstid%';", &out) == 0);
	CHECK(out && atoi(out) == 2);
	/* the public sees the winner and the totals, not the other bidder */
	r = harness_get(anon, harness_fmt("/udbud/%lld", tender));
	CHECK_OK(page_problem(r, 200));
	CHECK_HAS(r->body, "Virksomhedsporten (vinder)");
	CHECK_LACKS(r->body, "Legehytten");
	CHECK_LACKS(r->body, "250.000,00");
	/* the losing bidder's document stays its own and the staff's */
	CHECK_STATUS(harness_get(anon, harness_fmt("/bud/%lld/dokumenter/1", bid_porten)), 303);
}

static void pages(void)
{
	struct harness_client *web = harness_login(srv, "indkoeb@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *list = harness_get(web, "/udbud");
	CHECK_OK(page_problem(list, 200));
	CHECK_HAS(list->body, "href=\"/udbud/ny\"");
	struct harness_resp *form = harness_get(web, "/udbud/ny");
	CHECK_OK(page_problem(form, 200));
	CHECK_HAS(form->body, "udbudsloven § 20");
	const char *csrf = harness_csrf_field(form);
	/* weights not summing to 100: the form again with the message and what was typed */
	struct harness_resp *bad = harness_post_form(web, "/udbud",
		harness_form("csrf", csrf, "title", "Rengøring af rådhuset", "procedure", "offentligt",
		             "deadline", "2031-03-01T12:00", "crit_name_0", "Pris", "crit_weight_0", "60",
		             "crit_name_1", "Kvalitet", "crit_weight_1", "30", "clause_kind_0", "praktik",
		             "clause_text_0", "To praktikpladser.", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "<a href=\"#f-criteria\">");
	CHECK_HAS(bad->body, "de giver 90");
	CHECK_HAS(bad->body, "value=\"Rengøring af rådhuset\"");
	CHECK_HAS(bad->body, "To praktikpladser.");
	struct harness_resp *ok = harness_post_form(web, "/udbud",
		harness_form("csrf", csrf, "title", "Rengøring af rådhuset", "procedure", "offentligt",
		             "deadline", "2031-03-01T12:00", "crit_name_0", "Pris", "crit_weight_0", "70",
		             "crit_name_1", "Kvalitet", "crit_weight_1", "30", NULL));
	CHECK_STATUS(ok, 303);
	const char *where = harness_header(ok, "Location");
	CHECK(where && !strncmp(where, "/udbud/", 7));
	struct harness_resp *draft = harness_get(web, where);
	CHECK_OK(page_problem(draft, 200));
	CHECK_HAS(draft->body, "Udbuddet er oprettet som kladde.");
	long long id = strtoll(where + 7, NULL, 10);
	CHECK_OK(page_problem(harness_get(web, harness_fmt("/udbud/%lld/rediger", id)), 200));
	CHECK_OK(page_problem(harness_get(web, harness_fmt("/udbud/%lld/annuller", id)), 200));
	struct harness_resp *pub = harness_post_form(web, harness_fmt("/udbud/%lld/offentliggoer", id),
	                                             harness_form("csrf", csrf, NULL));
	CHECK_STATUS(pub, 303);
	/* cancelling needs the confirmation */
	CHECK_STATUS(harness_post_form(web, harness_fmt("/udbud/%lld/annuller", id), harness_form("csrf", csrf, NULL)),
	             422);
	CHECK_STATUS(harness_post_form(web, harness_fmt("/udbud/%lld/annuller", id),
	                               harness_form("csrf", csrf, "confirm", "1", "reason", "Prøve", NULL)), 303);
	/* the staff see the evaluation of the awarded tender */
	struct harness_resp *done = harness_get(web, harness_fmt("/udbud/%lld", tender));
	CHECK_OK(page_problem(done, 200));
	CHECK_HAS(done->body, "Legehytten");
	CHECK_HAS(done->body, "/beslutning.xlsx");
	/* an enterprise bids on the open café tender in the browser */
	long long cafe = public_tender("Forpagtning af caféen i Sundhedshuset");
	struct harness_client *ent = harness_login(srv, "virksomhed@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(ent);
	struct harness_resp *cp = harness_get(ent, harness_fmt("/udbud/%lld", cafe));
	CHECK_OK(page_problem(cp, 200));
	CHECK_HAS(cp->body, "I har ikke afgivet bud.");
	const char *ecsrf = harness_csrf_field(cp);
	struct harness_resp *nobid = harness_post_form(ent, harness_fmt("/udbud/%lld/bud", cafe),
	                                               harness_form("csrf", ecsrf, "price", "mange penge", NULL));
	CHECK_OK(page_problem(nobid, 422));
	CHECK_HAS(nobid->body, "value=\"mange penge\"");
	CHECK_STATUS(harness_post_form(ent, harness_fmt("/udbud/%lld/bud", cafe),
	                               harness_form("csrf", ecsrf, "price", "12.500,00", NULL)), 303);
	CHECK_HAS(harness_get(ent, harness_fmt("/udbud/%lld", cafe))->body, "12.500,00 kr.");
	CHECK_STATUS(harness_post_form(ent, harness_fmt("/udbud/%lld/spoergsmaal", cafe),
	                               harness_form("csrf", ecsrf, "question", "Er der en opvaskemaskine?", NULL)),
	             303);
	/* a document through the page's multipart form: a clean PDF is taken, a picture is not */
	char *own_bid = NULL;
	CHECK(harness_sqlite(harness_server_db(srv), harness_fmt("SELECT b.id FROM bids b JOIN users u"
	                     " ON u.enterprise_id = b.enterprise_id WHERE b.tender_id = %lld AND u.email ="
	                     " 'virksomhed@kolding.example';", cafe), &own_bid) == 0 && own_bid);
	long long own = strtoll(own_bid, NULL, 10);
	static const char *const files[2] = {"tilbud.pdf", "picture.pdf"};
	static const long want[2] = {303, 422};
	for (int i = 0; i < 2; i++) {
		size_t len = 0;
		char *data = sample(files[i], &len);
		CHECKF(data, "no sample %s", files[i]);
		const char *head = harness_fmt("--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n"
		                               "--XyZ\r\nContent-Disposition: form-data; name=\"document\";"
		                               " filename=\"%s\"\r\nContent-Type: application/pdf\r\n\r\n",
		                               ecsrf, files[i]);
		size_t hl = strlen(head), tl = strlen("\r\n--XyZ--\r\n");
		char *body = harness_fmt("%*s", (int)(hl + len + tl), "");
		memcpy(body, head, hl);
		memcpy(body + hl, data, len);
		memcpy(body + hl + len, "\r\n--XyZ--\r\n", tl);
		struct harness_req q = {.method = "POST", .path = harness_fmt("/bud/%lld/dokumenter", own),
		                        .type = "multipart/form-data; boundary=XyZ", .body = body,
		                        .len = hl + len + tl};
		struct harness_resp *up = harness_send(ent, &q);
		if (want[i] == 303) {
			CHECK_STATUS(up, 303);
		} else {
			CHECK_OK(page_problem(up, 422));
			CHECK_HAS(up->body, "Filen er ikke en PDF-fil");
		}
	}
	struct harness_resp *mine = harness_get(ent, harness_fmt("/udbud/%lld", cafe));
	CHECK_HAS(mine->body, harness_fmt("href=\"/bud/%lld/dokumenter/", own));
	/* the Albertslund buyer sees the bids sealed */
	struct harness_client *alb = harness_login(srv, "indkoeb@albertslund.example", HARNESS_DEMO_PASSWORD);
	CHECK(alb);
	struct harness_resp *sealed = harness_get(alb, harness_fmt("/udbud/%lld", cafe));
	CHECK_OK(page_problem(sealed, 200));
	CHECK_HAS(sealed->body, "Buddene er forseglede");
	CHECK_LACKS(sealed->body, "12.500");
	CHECK_HAS(sealed->body, "Er der en opvaskemaskine?");
}


/* the staff score and award on the tender's page: errors come back at the fields with what was
 * typed, every field has an id of its own, and the award ends in the winner */
static void evaluating_on_the_page(void)
{
	struct harness_resp *r = harness_post_json(buyer, "/api/v1/tenders",
		harness_json_text(valid_tender("Sidevurdering", "2030-01-10T12:00")));
	CHECK_STATUS(r, 201);
	long long t = id_of(r);
	CHECK_STATUS(harness_post_json(buyer, harness_fmt("/api/v1/tenders/%lld/publish", t), "{}"), 200);
	const char *bids = harness_fmt("/api/v1/tenders/%lld/bids", t);
	r = harness_post_json(porten, bids, harness_fmt("{\"enterprise_id\": %lld, \"price\": \"100.00\"}", ent_porten));
	CHECK_STATUS(r, 201);
	long long b1 = id_of(r);
	r = harness_post_json(hytten, bids, harness_fmt("{\"enterprise_id\": %lld, \"price\": \"125.00\"}", ent_hytten));
	CHECK_STATUS(r, 201);
	long long b2 = id_of(r);
	struct harness_client *web = harness_login(srv, "indkoeb@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	/* sealed on the page until the deadline */
	struct harness_resp *page = harness_get(web, harness_fmt("/udbud/%lld", t));
	CHECK_OK(page_problem(page, 200));
	CHECK_HAS(page->body, "Buddene er forseglede");
	CHECK_LACKS(page->body, "Legehytten");
	sql(harness_fmt("UPDATE tenders SET deadline = '2020-01-01T00:00:00Z' WHERE id = %lld;", t));
	page = harness_get(web, harness_fmt("/udbud/%lld", t));
	CHECK_OK(page_problem(page, 200));
	CHECK_HAS(page->body, harness_fmt("id=\"f-b%lld_score_kvalitet\"", b1));
	CHECK_HAS(page->body, harness_fmt("id=\"f-b%lld_score_kvalitet\"", b2));
	const char *csrf = harness_csrf_field(page);
	const char *path = harness_fmt("/udbud/%lld/vurdering", t);
	/* 11 points: the page again with the error in that bid's form and the typed values */
	struct harness_resp *bad = harness_post_form(web, path,
		harness_form("csrf", csrf, "score_form", "1", "bid_id", harness_fmt("%lld", b1),
		             harness_fmt("b%lld_score_kvalitet", b1), "11", harness_fmt("b%lld_just_kvalitet", b1),
		             "Meget flot", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "<a href=\"#f-scores\">");
	CHECK_HAS(bad->body, "id=\"f-scores\"");
	CHECK_HAS(bad->body, "value=\"11\"");
	CHECK_HAS(bad->body, "Meget flot");
	static const char *const pts[2][2] = {{"7", "8"}, {"9", "10"}};
	long long ids[2] = {b1, b2};
	for (int i = 0; i < 2; i++)
		CHECK_STATUS(harness_post_form(web, path,
			harness_form("csrf", csrf, "score_form", "1", "bid_id", harness_fmt("%lld", ids[i]),
			             harness_fmt("b%lld_score_kvalitet", ids[i]), pts[i][0],
			             harness_fmt("b%lld_score_service", ids[i]), pts[i][1], NULL)), 303);
	const char *award = harness_fmt("/udbud/%lld/tildeling", t);
	/* no confirmation, a reason missing: the page again with both at their fields */
	bad = harness_post_form(web, award, harness_form("csrf", csrf, "award_form", "1", "bid_id",
	                                                 harness_fmt("%lld", b1), "reason_pris", "Lavest", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "<a href=\"#f-confirm\">");
	bad = harness_post_form(web, award, harness_form("csrf", csrf, "award_form", "1", "confirm", "1", "bid_id",
	                                                 harness_fmt("%lld", b1), "reason_pris", "Lavest", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "<a href=\"#f-reasons\">");
	CHECK_HAS(bad->body, ">Lavest</textarea>");
	CHECK_STATUS(harness_post_form(web, award,
		harness_form("csrf", csrf, "award_form", "1", "confirm", "1", "bid_id", harness_fmt("%lld", b1),
		             "reason_pris", "Lavest", "reason_kvalitet", "God", "reason_service", "Hurtig", NULL)), 303);
	page = harness_get(web, harness_fmt("/udbud/%lld", t));
	CHECK_OK(page_problem(page, 200));
	CHECK_HAS(page->body, "Virksomhedsporten (vinder)");
	CHECK_HAS(page->body, "<dd>Tildelt</dd>");
	CHECK_OK(page_problem(harness_get(web, harness_fmt("/udbud/%lld/beslutning", t)), 200));
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"the demo's tenders are public: list, page, feed, result without the losers' names, letters",
	 the_demo_in_public, 0},
	{"a tender is created, refused to others with 403 and 422 naming the field, and published",
	 creating, 0},
	{"bids are submitted, replaced, sealed and refused as they should; PDFs are checked by content",
	 bidding, 0},
	{"after the deadline the staff score, rank and award; every bidder gets a letter", evaluating_and_awarding, 0},
	{"the staff's and an enterprise's pages work with the errors at the fields", pages, 0},
	{"the staff score and award on the tender's page, with errors at the fields", evaluating_on_the_page, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
