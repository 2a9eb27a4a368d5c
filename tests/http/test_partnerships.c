/*
 * test_partnerships.c — partnership agreements over real HTTP: a konsulent makes an agreement
 * with parties and roles; validation answers 422 naming the field (missing title, end before
 * start, an owner party of another agreement); access between municipalities (403), the buyer
 * read-only, an enterprise's own account and anonymous callers refused, a public agreement read
 * by anyone without e-mail addresses and a non-public one 404 to them; the action plan's
 * progress and overdue items; the signed PDF by content (a good one stored, a renamed non-PDF
 * 422 with nothing stored, 413 over 10 MB); the reminders (exactly one message per overdue item,
 * none on a second run); and the pages with tidy, exports and the home page's overdue items, a
 * party's form (a bad e-mail 422 at the field, its contact and role changed) and its removal
 * (asked first; refused with the reason while it owns an item of the action plan).
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct harness_server *srv;
static struct harness_client *anon, *admin, *kolding, *indkoeb, *owner, *silkeborg;
static long long soul;          /* Soul Café, 621 */
static long long agreement;     /* Kolding's agreement of creating() */
static long long party_kommune; /* its municipality party (no e-mail) */
static long long party_org;     /* its organisation party with an e-mail */
static long long jammerbugt;    /* the demo's public agreement */

static long long id_of(struct harness_resp *r)
{
	return (long long)json_integer_value(json_object_get(harness_json(r), "id"));
}

static const char *sql_text(const char *sql)
{
	char *out = NULL;
	if (harness_sqlite(harness_server_db(srv), sql, &out) != 0 || !out)
		return "";
	size_t n = strlen(out);
	while (n && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = 0;
	return out;
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

/* the bytes of a sample file of tests/data/, or NULL */
static char *sample(const char *name, size_t *len)
{
	FILE *f = fopen(harness_fmt("tests/data/%s", name), "rb");
	if (!f)
		return NULL;
	char *buf = harness_fmt("%*s", 65536, "");
	*len = fread(buf, 1, 65536, f);
	fclose(f);
	return buf;
}

static struct harness_resp *put_pdf(struct harness_client *c, long long id, const char *type,
                                    const char *body, size_t len)
{
	struct harness_req q = {.method = "PUT",
	                        .path = harness_fmt("/api/v1/partnerships/%lld/document?filename=aftale.pdf", id),
	                        .type = type, .body = body, .len = len};
	return harness_send(c, &q);
}

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	admin = harness_bearer(srv, "admin@indgang.example");
	kolding = harness_bearer(srv, "konsulent@kolding.example");
	indkoeb = harness_bearer(srv, "indkoeb@kolding.example");
	owner = harness_bearer(srv, "virksomhed@kolding.example");
	silkeborg = harness_bearer(srv, "konsulent@silkeborg.example");
	CHECKF(admin && kolding && indkoeb && owner && silkeborg, "'indgang token create' failed");
	struct harness_resp *r = harness_get(anon, "/api/v1/enterprises?kommune=621&limit=500");
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it) {
		const char *n = harness_json_str(it, "name");
		if (n && !strcmp(n, "Soul Café"))
			soul = (long long)json_integer_value(json_object_get(it, "id"));
	}
	CHECKF(soul, "Soul Café is not in the demo registry");
	jammerbugt = strtoll(sql_text("SELECT id FROM partnerships WHERE kommune = '849';"), NULL, 10);
	CHECKF(jammerbugt > 0, "the demo has no Jammerbugt agreement");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

static void demo(void)
{
	/* Jammerbugt's agreement of May 2015: seven parties, the mayor chairs the follow-up group,
	 * one item done, one overdue; public, so an anonymous caller reads it without e-mails */
	struct harness_resp *r = harness_get(anon, harness_fmt("/api/v1/partnerships/%lld", jammerbugt));
	CHECK_STATUS(r, 200);
	json_t *j = harness_json(r);
	CHECK(json_array_size(json_object_get(j, "parties")) == 7);
	CHECK_STR(harness_json_str(json_array_get(json_object_get(j, "parties"), 0), "kind"), "kommune");
	CHECK_HAS(r->body, "Facilitator for partnerskabet");
	CHECK_HAS(r->body, "\"name\":\"Mogens Gade\"");
	CHECK_LACKS(r->body, "\"email\"");
	json_t *g = json_object_get(j, "progress");
	CHECK(json_integer_value(json_object_get(g, "done")) == 1);
	CHECK(json_integer_value(json_object_get(g, "total")) == 3);
	CHECK(json_integer_value(json_object_get(g, "overdue")) == 1);
	json_t *chair = json_array_get(json_object_get(j, "follow_up_group"), 0);
	CHECK(json_is_true(json_object_get(chair, "chair")));
	CHECK_STR(harness_json_str(chair, "name"), "Mogens Gade");
}

static void creating(void)
{
	const char *body = harness_fmt(
		"{\"kommune\": \"621\", \"kind\": \"samarbejdsaftale\", \"title\": \"Samarbejde om <script>\\\"forløb\\\"</script>\","
		" \"purpose\": \"Borgere i forløb & praktik\", \"start\": \"2015-01-01\", \"end\": \"2030-12-31\","
		" \"parties\": [{\"kind\": \"kommune\", \"role\": \"Facilitator\"},"
		" {\"enterprise_id\": %lld, \"role\": \"Tager borgere i praktik\"},"
		" {\"name\": \"Foreningen Broen\", \"contact_name\": \"Bo Broe\", \"email\": \"bo@broen.example\","
		" \"role\": \"Frivillige mentorer\"}]}", soul);
	struct harness_resp *r = harness_post_json(kolding, "/api/v1/partnerships", body);
	CHECK_STATUS(r, 201);
	agreement = id_of(r);
	CHECK(agreement > 0);
	json_t *ps = json_object_get(harness_json(r), "parties");
	CHECK(json_array_size(ps) == 3);
	size_t i;
	json_t *it;
	json_array_foreach(ps, i, it) {
		const char *k = harness_json_str(it, "kind");
		if (k && !strcmp(k, "kommune"))
			party_kommune = (long long)json_integer_value(json_object_get(it, "id"));
		if (k && !strcmp(k, "organisation"))
			party_org = (long long)json_integer_value(json_object_get(it, "id"));
		if (k && !strcmp(k, "enterprise"))
			CHECK_STR(harness_json_str(it, "name"), "Soul Café");
	}
	CHECK(party_kommune > 0 && party_org > 0);
	CHECK_STR(harness_json_str(harness_json(r), "status"), "aktiv");
	/* nothing is half-written when a party is invalid: 422 and no agreement */
	const char *before = sql_text("SELECT count(*) FROM partnerships;");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/partnerships",
	                                  "{\"title\": \"X\", \"start\": \"2015-01-01\", \"parties\":"
	                                  " [{\"name\": \"Ok\"}, {\"enterprise_id\": 99999999}]}"),
	                422, "invalid", "parties");
	CHECK_STR(sql_text("SELECT count(*) FROM partnerships;"), before);
	/* validation names the field */
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/partnerships", "{\"start\": \"2015-01-01\"}"),
	                422, "invalid", "title");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/partnerships",
	                                  "{\"title\": \"X\", \"start\": \"2016-01-01\", \"end\": \"2015-01-01\"}"),
	                422, "invalid", "end");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/partnerships",
	                                  "{\"title\": \"X\", \"start\": \"1. maj\"}"), 422, "invalid", "start");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/partnerships",
	                                  "{\"title\": \"X\", \"start\": \"2015-01-01\", \"public\": \"ja\"}"),
	                422, "invalid", "public");
	/* another municipality, the buyer, an enterprise's account and anonymous callers may not */
	CHECK_STATUS(harness_post_json(silkeborg, "/api/v1/partnerships", body), 403);
	CHECK_STATUS(harness_post_json(indkoeb, "/api/v1/partnerships", body), 403);
	CHECK_STATUS(harness_post_json(owner, "/api/v1/partnerships", body), 403);
	CHECK_STATUS(harness_post_json(anon, "/api/v1/partnerships", body), 401);
	/* a national agreement is the administrator's */
	const char *nat = "{\"kommune\": null, \"title\": \"Landsdækkende aftale\", \"start\": \"2015-01-01\"}";
	CHECK_STATUS(harness_post_json(kolding, "/api/v1/partnerships", nat), 403);
	CHECK_STATUS(harness_post_json(admin, "/api/v1/partnerships", nat), 201);
}

static void reading(void)
{
	const char *path = harness_fmt("/api/v1/partnerships/%lld", agreement);
	struct harness_resp *own = harness_get(indkoeb, path);
	CHECK_STATUS(own, 200);
	CHECK_HAS(own->body, "bo@broen.example");
	CHECK_STATUS(harness_get(silkeborg, path), 403);
	CHECK_STATUS(harness_get(anon, path), 404);
	CHECK_STATUS(harness_get(owner, path), 404);
	CHECK_STATUS(harness_get(anon, "/api/v1/partnerships/99999999"), 404);
	/* the buyer reads, but does not write */
	CHECK_STATUS(harness_patch_json(indkoeb, path, "{\"title\": \"Nyt\"}"), 403);
	CHECK_STATUS(harness_patch_json(silkeborg, path, "{\"title\": \"Nyt\"}"), 403);
	CHECK_API_ERROR(harness_patch_json(kolding, path, "{\"end\": \"2014-01-01\"}"), 422, "invalid", "end");
	/* made public: anyone reads it, without the e-mail addresses */
	CHECK_STATUS(harness_patch_json(kolding, path, "{\"public\": true}"), 200);
	struct harness_resp *pub = harness_get(anon, path);
	CHECK_STATUS(pub, 200);
	CHECK_LACKS(pub->body, "bo@broen.example");
	CHECK_STATUS(harness_patch_json(kolding, path, "{\"public\": false}"), 200);
	CHECK_STATUS(harness_get(anon, path), 404);
	/* lists: the staff their own and the national ones, the public only public ones */
	struct harness_resp *l = harness_get(kolding, "/api/v1/partnerships?limit=1");
	CHECK_STATUS(l, 200);
	CHECK(json_integer_value(json_object_get(harness_json(l), "total")) == 2);
	CHECK(json_array_size(json_object_get(harness_json(l), "items")) == 1);
	struct harness_resp *pl = harness_get(anon, "/api/v1/partnerships");
	CHECK_STATUS(pl, 200);
	CHECK(json_integer_value(json_object_get(harness_json(pl), "total")) == 1);
	CHECK_LACKS(pl->body, "Samarbejde om");
	struct harness_resp *ex = harness_get(kolding, "/api/v1/partnerships?status=udl%C3%B8bet");
	CHECK_STATUS(ex, 200);
	CHECK(json_integer_value(json_object_get(harness_json(ex), "total")) == 0);
	struct harness_resp *ki = harness_get(kolding, "/api/v1/partnerships?kind=samarbejdsaftale");
	CHECK(json_integer_value(json_object_get(harness_json(ki), "total")) == 1);
	CHECK_API_ERROR(harness_get(kolding, "/api/v1/partnerships?kind=x"), 400, "bad_parameter", "kind");
	CHECK_STATUS(harness_get(silkeborg, "/api/v1/partnerships?kommune=621"), 200);
	CHECK(json_integer_value(json_object_get(harness_json(harness_get(silkeborg,
		"/api/v1/partnerships?kommune=621")), "total")) == 0);
}

static void actions(void)
{
	const char *path = harness_fmt("/api/v1/partnerships/%lld/actions", agreement);
	/* the owner must be a party of this agreement */
	long long foreign = strtoll(sql_text(harness_fmt("SELECT min(id) FROM partnership_parties WHERE"
	                                                 " partnership_id = %lld;", jammerbugt)), NULL, 10);
	CHECK_API_ERROR(harness_post_json(kolding, path, harness_fmt("{\"title\": \"X\", \"owner_party\": %lld}",
	                                                             foreign)), 422, "invalid", "owner_party");
	CHECK_API_ERROR(harness_post_json(kolding, path, "{\"title\": \"X\"}"), 422, "invalid", "owner_party");
	CHECK_API_ERROR(harness_post_json(kolding, path, harness_fmt("{\"title\": \" \", \"owner_party\": %lld}",
	                                                             party_org)), 422, "invalid", "title");
	CHECK_API_ERROR(harness_post_json(kolding, path, harness_fmt("{\"title\": \"X\", \"owner_party\": %lld,"
	                                                             " \"status\": \"maybe\"}", party_org)),
	                422, "invalid", "status");
	CHECK_STATUS(harness_post_json(silkeborg, path, harness_fmt("{\"title\": \"X\", \"owner_party\": %lld}",
	                                                            party_org)), 403);
	/* one done, two overdue (one owned by a party with an e-mail, one by the municipality,
	 * whose reminder goes to the responsible konsulent), one in the future */
	struct harness_resp *d = harness_post_json(kolding, path, harness_fmt(
		"{\"title\": \"Kortlægning\", \"owner_party\": %lld, \"due\": \"2015-03-01\", \"status\": \"done\"}",
		party_kommune));
	CHECK_STATUS(d, 201);
	CHECK(harness_json_str(harness_json(d), "done_at") != NULL);
	struct harness_resp *o1 = harness_post_json(kolding, path, harness_fmt(
		"{\"title\": \"Mentorordning\", \"owner_party\": %lld, \"due\": \"2015-02-01\"}", party_org));
	CHECK_STATUS(o1, 201);
	CHECK(json_is_true(json_object_get(harness_json(o1), "overdue")));
	CHECK_STATUS(harness_post_json(kolding, path, harness_fmt(
		"{\"title\": \"Handleplan for 2015\", \"owner_party\": %lld, \"due\": \"2015-01-15\"}", party_kommune)), 201);
	struct harness_resp *f = harness_post_json(kolding, path, harness_fmt(
		"{\"title\": \"Evaluering\", \"owner_party\": %lld, \"due\": \"2099-01-01\", \"note\": \"Senere\"}", party_org));
	CHECK_STATUS(f, 201);
	long long future = id_of(f);
	struct harness_resp *g = harness_get(kolding, harness_fmt("/api/v1/partnerships/%lld", agreement));
	json_t *p = json_object_get(harness_json(g), "progress");
	CHECK(json_integer_value(json_object_get(p, "done")) == 1);
	CHECK(json_integer_value(json_object_get(p, "total")) == 4);
	CHECK(json_integer_value(json_object_get(p, "overdue")) == 2);
	/* PATCH: done and open again; the owner must still be a party */
	const char *apath = harness_fmt("%s/%lld", path, future);
	struct harness_resp *u = harness_patch_json(kolding, apath, "{\"status\": \"done\"}");
	CHECK_STATUS(u, 200);
	CHECK(harness_json_str(harness_json(u), "done_at") != NULL);
	CHECK_STR(harness_json_str(harness_json(u), "note"), "Senere");
	u = harness_patch_json(kolding, apath, "{\"status\": \"open\"}");
	CHECK(json_is_null(json_object_get(harness_json(u), "done_at")));
	CHECK_API_ERROR(harness_patch_json(kolding, apath, harness_fmt("{\"owner_party\": %lld}", foreign)),
	                422, "invalid", "owner_party");
	CHECK_STATUS(harness_patch_json(silkeborg, apath, "{\"status\": \"done\"}"), 403);
	/* delete: 204, then 404; another municipality 403 */
	struct harness_req del = {.method = "DELETE", .path = apath};
	CHECK_STATUS(harness_send(silkeborg, &del), 403);
	CHECK_STATUS(harness_send(kolding, &del), 204);
	CHECK_STATUS(harness_send(kolding, &del), 404);
	/* parties and the follow-up group afterwards */
	const char *pp = harness_fmt("/api/v1/partnerships/%lld/parties", agreement);
	CHECK_API_ERROR(harness_post_json(kolding, pp, "{\"kind\": \"kommune\"}"), 422, "invalid", "party");
	CHECK_API_ERROR(harness_post_json(kolding, pp, "{\"role\": \"x\"}"), 422, "invalid", "party");
	CHECK_API_ERROR(harness_post_json(kolding, pp, "{\"name\": \"Y\", \"email\": \"ikke-en-adresse\"}"),
	                422, "invalid", "email");
	CHECK_STATUS(harness_post_json(kolding, pp, "{\"name\": \"Boligselskabet\", \"role\": \"Udlåner lokaler\"}"), 201);
	const char *mp = harness_fmt("/api/v1/partnerships/%lld/members", agreement);
	CHECK_STATUS(harness_post_json(kolding, mp, "{\"name\": \"Anne Formand\", \"chair\": true}"), 201);
	CHECK_STATUS(harness_post_json(kolding, mp, "{\"name\": \"Ny Formand\", \"chair\": true}"), 201);
	CHECK_API_ERROR(harness_post_json(kolding, mp, "{\"name\": \"\"}"), 422, "invalid", "name");
	/* one row, one line: a second chair would be a second line */
	CHECK_STR(sql_text(harness_fmt("SELECT name FROM partnership_members WHERE"
	                               " partnership_id = %lld AND chair = 1;", agreement)), "Ny Formand");
}

static void document(void)
{
	size_t len = 0, bad_len = 0;
	char *good = sample("docs/good.pdf", &len);
	char *bad = sample("docs/renamed-exe.pdf", &bad_len);
	CHECK(good && len > 100 && bad && bad_len > 0);
	/* a renamed non-PDF on an agreement without one: 422, nothing stored */
	CHECK_API_ERROR(put_pdf(kolding, agreement, "application/pdf", bad, bad_len), 422, "invalid", "document");
	CHECK_STR(sql_text("SELECT count(*) FROM partnership_documents;"), "0");
	CHECK_STATUS(put_pdf(kolding, agreement, "text/plain", good, len), 415);
	CHECK_STATUS(put_pdf(silkeborg, agreement, "application/pdf", good, len), 403);
	CHECK_STATUS(put_pdf(indkoeb, agreement, "application/pdf", good, len), 403);
	CHECK_STATUS(put_pdf(kolding, agreement, "application/pdf", good, len), 204);
	/* over 10 MB: 413 naming the field; the stored one stays */
	char *huge = harness_fmt("%s%*s", "%PDF-1.4\n", (int)(11u * 1024 * 1024), "");
	CHECK_API_ERROR(put_pdf(kolding, agreement, "application/pdf", huge, strlen(huge)), 413, "too_large",
	                "document");
	CHECK_STR(sql_text(harness_fmt("SELECT size FROM partnership_documents WHERE partnership_id = %lld;",
	                               agreement)), harness_fmt("%zu", len));
	/* download: an attachment, only for who may read the agreement */
	const char *path = harness_fmt("/api/v1/partnerships/%lld/document", agreement);
	struct harness_resp *r = harness_get(indkoeb, path);
	CHECK_STATUS(r, 200);
	CHECK(r->len == len && !memcmp(r->body, "%PDF", 4));
	CHECK_HAS(harness_header(r, "Content-Disposition"), "attachment");
	CHECK_STR(harness_header(r, "X-Content-Type-Options"), "nosniff");
	CHECK_STATUS(harness_get(anon, path), 404);
	CHECK_STATUS(harness_get(silkeborg, path), 403);
	CHECK_STATUS(harness_get(anon, harness_fmt("/partnerskaber/%lld/aftale.pdf", agreement)), 404);
	CHECK_STATUS(harness_get(kolding, harness_fmt("/api/v1/partnerships/%lld/document", jammerbugt)), 404);
	/* through the page's multipart form: a clean PDF is taken, a picture is not */
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	const char *csrf = harness_client_csrf(web);
	static const char *const files[2] = {"pdf/tilbud.pdf", "pdf/picture.pdf"};
	for (int i = 0; i < 2; i++) {
		size_t dl = 0;
		char *data = sample(files[i], &dl);
		CHECKF(data, "no sample %s", files[i]);
		const char *head = harness_fmt("--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n"
		                               "--XyZ\r\nContent-Disposition: form-data; name=\"document\";"
		                               " filename=\"aftale.pdf\"\r\nContent-Type: application/pdf\r\n\r\n",
		                               csrf);
		size_t hl = strlen(head), tl = strlen("\r\n--XyZ--\r\n");
		char *body = harness_fmt("%*s", (int)(hl + dl + tl), "");
		memcpy(body, head, hl);
		memcpy(body + hl, data, dl);
		memcpy(body + hl + dl, "\r\n--XyZ--\r\n", tl);
		struct harness_req q = {.method = "POST", .path = harness_fmt("/partnerskaber/%lld/aftale", agreement),
		                        .type = "multipart/form-data; boundary=XyZ", .body = body, .len = hl + dl + tl};
		struct harness_resp *up = harness_send(web, &q);
		if (i == 0) {
			CHECK_STATUS(up, 303);
			CHECK_STR(sql_text(harness_fmt("SELECT size FROM partnership_documents WHERE partnership_id = %lld;",
			                               agreement)), harness_fmt("%zu", dl));
		} else {
			CHECK_OK(page_problem(up, 422));
			CHECK_HAS(up->body, "Filen er ikke en PDF-fil");
		}
	}
}

static void reminders(void)
{
	/* on 2015-06-01 two items of Kolding's agreement are overdue; the demo's are not yet due */
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, "partnerships", "remind", "--date", "2015-06-01", NULL) == 0);
	CHECK_HAS(out, "2 reminders queued");
	CHECK_STR(sql_text("SELECT count(*) FROM outbox WHERE to_addr = 'bo@broen.example'"
	                   " AND subject LIKE '%Mentorordning%';"), "1");
	CHECK_STR(sql_text("SELECT count(*) FROM outbox WHERE to_addr = 'konsulent@kolding.example'"
	                   " AND subject LIKE '%Handleplan for 2015%';"), "1");
	CHECK(harness_cli(srv, NULL, &out, "partnerships", "remind", "--date", "2015-06-02", NULL) == 0);
	CHECK_HAS(out, "0 reminders queued");
	CHECK_STR(sql_text("SELECT count(*) FROM outbox WHERE subject LIKE 'Påmindelse om handleplanen%';"), "2");
	CHECK(harness_cli(srv, NULL, &out, "partnerships", "remind", "--date", "juni", NULL) != 0);
}

static void pages(void)
{
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	const char *csrf = harness_client_csrf(web);
	struct harness_resp *l = harness_get(web, "/partnerskaber?kind=samarbejdsaftale&sort=titel");
	CHECK_OK(page_problem(l, 200));
	CHECK_HAS(l->body, "Samarbejde om &lt;script&gt;");
	CHECK_HAS(l->body, "eksport?format=csv&amp;kind=samarbejdsaftale");
	struct harness_resp *e = harness_get(web, "/partnerskaber?kind=brugsaftale");
	CHECK_OK(page_problem(e, 200));
	CHECK_HAS(e->body, "Der er ingen aftaler");
	struct harness_resp *csv = harness_get(web, "/partnerskaber/eksport?format=csv&kind=samarbejdsaftale");
	CHECK_STATUS(csv, 200);
	CHECK(csv->len > 3 && !memcmp(csv->body, "\xEF\xBB\xBF", 3));
	CHECK_HAS(csv->body, "Titel;Type;");
	CHECK_HAS(csv->body, "Samarbejde om");
	CHECK_LACKS(csv->body, "Landsdækkende aftale");
	struct harness_resp *x = harness_get(web, "/partnerskaber/eksport?format=xlsx");
	CHECK_STATUS(x, 200);
	CHECK(x->len > 100 && !memcmp(x->body, "PK", 2));
	CHECK_OK(page_problem(harness_get(web, "/partnerskaber/ny"), 200));
	/* a new agreement through the form: 422 keeps what was typed */
	struct harness_resp *bad = harness_post_form(web, "/partnerskaber", harness_form(
		"csrf", csrf, "kind", "brugsaftale", "title", "", "purpose", "Formål bevares",
		"start", "2016-01-01", "end", "2015-01-01", "kommune_role", "Udlåner", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "Formål bevares");
	CHECK_HAS(bad->body, "Skriv aftalens titel.");
	CHECK_HAS(bad->body, "Slutdatoen må ikke ligge før startdatoen.");
	struct harness_resp *ok = harness_post_form(web, "/partnerskaber", harness_form(
		"csrf", csrf, "kind", "brugsaftale", "title", "Brugsaftale i Korsør", "start", "2015-01-01",
		"kommune_role", "Udlåner lokaler", NULL));
	CHECK_STATUS(ok, 303);
	const char *loc = harness_header(ok, "Location");
	CHECK(loc && !strncmp(loc, "/partnerskaber/", 15));
	long long made = strtoll(loc + 15, NULL, 10);
	const char *ppath = harness_fmt("/partnerskaber/%lld", made);
	struct harness_resp *show = harness_get(web, ppath);
	CHECK_OK(page_problem(show, 200));
	CHECK_HAS(show->body, "Kolding Kommune");
	CHECK_HAS(show->body, "Udlåner lokaler");
	/* an action item without an owner: 422 at the field, the title kept */
	struct harness_resp *ab = harness_post_form(web, ppath, harness_form(
		"csrf", csrf, "action", "action_add", "a_title", "Nøgleudlevering", "a_owner", "", NULL));
	CHECK_OK(page_problem(ab, 422));
	CHECK_HAS(ab->body, "Vælg en af aftalens parter som ansvarlig.");
	CHECK_HAS(ab->body, "Nøgleudlevering");
	long long kp = strtoll(sql_text(harness_fmt("SELECT id FROM partnership_parties WHERE partnership_id = %lld;",
	                                            made)), NULL, 10);
	CHECK_STATUS(harness_post_form(web, ppath, harness_form(
		"csrf", csrf, "action", "action_add", "a_title", "Nøgleudlevering", "a_owner",
		harness_fmt("%lld", kp), "a_due", "2015-02-01", NULL)), 303);
	long long item = strtoll(sql_text(harness_fmt("SELECT id FROM partnership_actions WHERE partnership_id = %lld;",
	                                              made)), NULL, 10);
	struct harness_resp *od = harness_get(web, ppath);
	CHECK_HAS(od->body, "Overskredet");
	CHECK_HAS(od->body, "<progress");
	/* the home page lists the overdue item */
	struct harness_resp *home = harness_get(web, "/");
	CHECK_OK(page_problem(home, 200));
	CHECK_HAS(home->body, "Overskredne punkter i handleplanerne");
	CHECK_HAS(home->body, "Nøgleudlevering");
	CHECK_HAS(home->body, "href=\"/partnerskaber\"");
	CHECK_STATUS(harness_post_form(web, ppath, harness_form("csrf", csrf, "action", "action_done", "item",
	                                                        harness_fmt("%lld", item), NULL)), 303);
	CHECK_STR(sql_text(harness_fmt("SELECT status FROM partnership_actions WHERE id = %lld;", item)), "done");
	/* deleting asks first */
	struct harness_resp *ask = harness_post_form(web, ppath, harness_form("csrf", csrf, "action", "action_delete",
	                                                                      "item", harness_fmt("%lld", item), NULL));
	CHECK_OK(page_problem(ask, 200));
	CHECK_HAS(ask->body, "Ja, slet punktet");
	CHECK_STR(sql_text(harness_fmt("SELECT count(*) FROM partnership_actions WHERE id = %lld;", item)), "1");
	CHECK_STATUS(harness_post_form(web, ppath, harness_form("csrf", csrf, "action", "action_delete", "item",
	                                                        harness_fmt("%lld", item), "confirm", "1", NULL)), 303);
	CHECK_STR(sql_text(harness_fmt("SELECT count(*) FROM partnership_actions WHERE id = %lld;", item)), "0");
	/* parties and members through the forms */
	CHECK_OK(page_problem(harness_post_form(web, ppath, harness_form("csrf", csrf, "action", "party_add",
	                                                                 "name", "", "enterprise_id", "", NULL)), 422));
	CHECK_STATUS(harness_post_form(web, ppath, harness_form("csrf", csrf, "action", "party_add", "enterprise_id",
	                                                        harness_fmt("%lld", soul), "role", "Driver caféen", NULL)), 303);
	CHECK_STATUS(harness_post_form(web, ppath, harness_form("csrf", csrf, "action", "member_add", "m_name",
	                                                        "Formand Fie", "m_chair", "1", NULL)), 303);
	struct harness_resp *full = harness_get(web, ppath);
	CHECK_HAS(full->body, "Formand Fie");
	CHECK_HAS(full->body, "(formand)");
	CHECK_HAS(full->body, "Driver caféen");
	CHECK_HAS(full->body, "aria-label=\"Ret: Soul Café\"");
	CHECK_HAS(full->body, "aria-label=\"Fjern: Soul Café\"");
	/* a party's form: its role changed; a bad e-mail is 422 at the field with what was typed */
	long long sp = strtoll(sql_text(harness_fmt("SELECT id FROM partnership_parties WHERE partnership_id = %lld"
	                                            " AND enterprise_id = %lld;", made, soul)), NULL, 10);
	struct harness_resp *pf = harness_get(web, harness_fmt("%s?part=%lld", ppath, sp));
	CHECK_OK(page_problem(pf, 200));
	CHECK_HAS(pf->body, "Ret parten Soul Café");
	CHECK_LACKS(pf->body, "Organisationens navn"); /* an enterprise's name is the registry's */
	struct harness_resp *pb = harness_post_form(web, ppath, harness_form(
		"csrf", csrf, "action", "party_update", "item", harness_fmt("%lld", sp), "p_email", "ikke@",
		"p_role", "Driver caféen og kantinen", NULL));
	CHECK_OK(page_problem(pb, 422));
	CHECK_HAS(pb->body, "Skriv en gyldig e-mailadresse");
	CHECK_HAS(pb->body, "Driver caféen og kantinen");
	CHECK_HAS(pb->body, "href=\"#f-p_email\"");
	CHECK_STATUS(harness_post_form(web, ppath, harness_form(
		"csrf", csrf, "action", "party_update", "item", harness_fmt("%lld", sp), "p_contact", "Søs",
		"p_email", "soes@soulcafe.example", "p_role", "Driver caféen og kantinen", NULL)), 303);
	CHECK_STR(sql_text(harness_fmt("SELECT contact_name || '|' || email || '|' || role FROM partnership_parties"
	                               " WHERE id = %lld;", sp)), "Søs|soes@soulcafe.example|Driver caféen og kantinen");
	/* removing asks first; the municipality owns an item, so it stays, 422 saying why */
	CHECK_STATUS(harness_post_form(web, ppath, harness_form(
		"csrf", csrf, "action", "action_add", "a_title", "Nøgler til lokalerne", "a_owner",
		harness_fmt("%lld", kp), NULL)), 303);
	struct harness_resp *pask = harness_post_form(web, ppath, harness_form(
		"csrf", csrf, "action", "party_delete", "item", harness_fmt("%lld", sp), NULL));
	CHECK_OK(page_problem(pask, 200));
	CHECK_HAS(pask->body, "Ja, fjern parten");
	struct harness_resp *kept = harness_post_form(web, ppath, harness_form(
		"csrf", csrf, "action", "party_delete", "item", harness_fmt("%lld", kp), "confirm", "1", NULL));
	CHECK_OK(page_problem(kept, 422));
	CHECK_HAS(kept->body, "er ansvarlig for 1 punkt i handleplanen");
	CHECK_STR(sql_text(harness_fmt("SELECT count(*) FROM partnership_parties WHERE id = %lld;", kp)), "1");
	CHECK_STATUS(harness_post_form(web, ppath, harness_form(
		"csrf", csrf, "action", "party_delete", "item", harness_fmt("%lld", sp), "confirm", "1", NULL)), 303);
	CHECK_STR(sql_text(harness_fmt("SELECT count(*) FROM partnership_parties WHERE id = %lld;", sp)), "0");
	CHECK_STR(sql_text(harness_fmt("SELECT count(*) FROM audit WHERE action = 'party_delete'"
	                               " AND entity_id = '%lld';", made)), "1");
	/* another municipality's konsulent may do neither */
	struct harness_client *other = harness_login(srv, "konsulent@silkeborg.example", HARNESS_DEMO_PASSWORD);
	CHECK(other);
	CHECK_STATUS(harness_post_form(other, ppath, harness_form(
		"csrf", harness_client_csrf(other), "action", "party_delete", "item", harness_fmt("%lld", kp),
		"confirm", "1", NULL)), 403);
	CHECK_STATUS(harness_post_form(other, ppath, harness_form(
		"csrf", harness_client_csrf(other), "action", "party_update", "item", harness_fmt("%lld", kp),
		"p_role", "Overtaget", NULL)), 403);
	/* the agreement's own form: 422 keeps what was typed; saved, it becomes public */
	struct harness_resp *ub = harness_post_form(web, ppath, harness_form(
		"csrf", csrf, "action", "update", "kind", "brugsaftale", "title", "Brugsaftale i Korsør (ny)",
		"start", "2015-01-01", "end", "2014-12-31", NULL));
	CHECK_OK(page_problem(ub, 422));
	CHECK_HAS(ub->body, "Brugsaftale i Korsør (ny)");
	CHECK_HAS(ub->body, "Slutdatoen må ikke ligge før startdatoen.");
	CHECK_STATUS(harness_post_form(web, ppath, harness_form(
		"csrf", csrf, "action", "update", "kind", "brugsaftale", "title", "Brugsaftale i Korsør (ny)",
		"start", "2015-01-01", "end", "", "public", "1", NULL)), 303);
	CHECK_STR(sql_text(harness_fmt("SELECT title || '|' || public FROM partnerships WHERE id = %lld;", made)),
	          "Brugsaftale i Korsør (ny)|1");
	CHECK_STATUS(harness_get(anon, ppath), 200);
	CHECK_STATUS(harness_post_form(web, ppath, harness_form(
		"csrf", csrf, "action", "update", "kind", "brugsaftale", "title", "Brugsaftale i Korsør",
		"start", "2015-01-01", NULL)), 303);
	/* other callers: another municipality 403, the public 404 for a non-public agreement and the
	 * public agreement's page for everyone */
	struct harness_client *sweb = harness_login(srv, "konsulent@silkeborg.example", HARNESS_DEMO_PASSWORD);
	CHECK(sweb);
	CHECK_STATUS(harness_get(sweb, ppath), 403);
	CHECK_STATUS(harness_get(anon, ppath), 404);
	struct harness_resp *pub = harness_get(anon, harness_fmt("/partnerskaber/%lld", jammerbugt));
	CHECK_OK(page_problem(pub, 200));
	CHECK_HAS(pub->body, "Mogens Gade");
	CHECK_LACKS(pub->body, "Tilføj en part");
	/* the public list: the public agreements only, no form to make one, the export the same */
	struct harness_resp *pl = harness_get(anon, "/partnerskaber");
	CHECK_OK(page_problem(pl, 200));
	CHECK_HAS(pl->body, harness_fmt("href=\"/partnerskaber/%lld\"", jammerbugt));
	CHECK_HAS(pl->body, "offentlige partnerskabsaftaler");
	CHECK_LACKS(pl->body, "Brugsaftale i Korsør");
	CHECK_LACKS(pl->body, "/partnerskaber/ny");
	struct harness_resp *pcsv = harness_get(anon, "/partnerskaber/eksport?format=csv");
	CHECK_STATUS(pcsv, 200);
	CHECK_HAS(pcsv->body, "Jammerbugt");
	CHECK_LACKS(pcsv->body, "Brugsaftale i Korsør");
	/* the public finds it from the front page */
	CHECK_HAS(harness_get(anon, "/")->body, "href=\"/partnerskaber\"");
	/* the buyer reads without forms */
	struct harness_client *bweb = harness_login(srv, "indkoeb@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(bweb);
	struct harness_resp *ro = harness_get(bweb, ppath);
	CHECK_OK(page_problem(ro, 200));
	CHECK_LACKS(ro->body, "Tilføj et punkt");
	CHECK_STATUS(harness_post_form(bweb, ppath, harness_form("csrf", harness_client_csrf(bweb), "action",
	                                                         "action_add", NULL)), 403);
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"the demo holds Jammerbugt's agreement: seven parties, the mayor as chair, its progress", demo, 0},
	{"a konsulent makes an agreement with parties; 422 naming the field; others may not", creating,
	 HARNESS_FATAL},
	{"reading: own municipality, 403 for another, 404 for the public unless public, the lists", reading, 0},
	{"the action plan: progress and overdue, owner_party of this agreement, done, delete", actions, 0},
	{"the signed PDF by content: stored, a non-PDF 422 with nothing stored, 413, attachment", document, 0},
	{"reminders: exactly one message per overdue item, none on a second run", reminders, 0},
	{"the pages: list, exports, form with errors, agreement, confirmation, home page, access", pages, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
