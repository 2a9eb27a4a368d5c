/*
 * test_purchasing.c — voluntary purchase agreements, purchases, spend and contracts over real
 * HTTP on the demo database: the API's answers for every role (201, 403 for another
 * municipality, 422 naming the field), the supplier's read-only view, spend as exact decimal
 * strings that count only social-economy enterprises and agree with `indgang procurement spend`,
 * the reminders of `indgang procurement remind` once per end date, and the pages a buyer uses
 * (forms with their errors at the fields, confirmations before ending or deleting, exports that
 * keep the filters), each checked with tidy, with hostile text shown escaped.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define HOSTILE "<script>alert('indkøb')</script> & \"co\""
#define HOSTILE_ESC "&lt;script&gt;alert(&#39;indkøb&#39;)&lt;/script&gt; &amp; &quot;co&quot;"

static struct harness_server *srv;
static struct harness_client *anon, *admin, *buyer, *konsulent, *job, *kolding, *legehytten;
static long long sumak, legehytten_id, company;
static long long house_id, lid_id; /* Legehytten's two products, made by orders_api */

/* the id of the enterprise called name in kommune, or 0 */
static long long enterprise(const char *kommune, const char *name)
{
	struct harness_resp *r = harness_get(anon, harness_fmt("/api/v1/enterprises?kommune=%s&limit=500", kommune));
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it) {
		const char *n = harness_json_str(it, "name"), *k = harness_json_str(it, "kommune");
		if (n && !strcmp(n, name) && k && !strcmp(k, kommune))
			return (long long)json_integer_value(json_object_get(it, "id"));
	}
	return 0;
}

static long long id_of(struct harness_resp *r)
{
	return (long long)json_integer_value(json_object_get(harness_json(r), "id"));
}

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	admin = harness_bearer(srv, "admin@indgang.example");
	buyer = harness_bearer(srv, "indkoeb@slagelse.example");
	konsulent = harness_bearer(srv, "konsulent@slagelse.example");
	job = harness_bearer(srv, "job@slagelse.example");
	kolding = harness_bearer(srv, "indkoeb@kolding.example");
	legehytten = harness_bearer(srv, "legehytten@kolding.example");
	CHECKF(admin && buyer && konsulent && job && kolding && legehytten, "'indgang token create' failed");
	sumak = enterprise("330", "Sumak");
	legehytten_id = enterprise("621", "Legehytten");
	company = enterprise("330", "Eksempel Kantinedrift ApS");
	CHECKF(sumak && legehytten_id && company, "the demo enterprises were not found");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

static const char *agreement(const char *kommune, long long enterprise_id, const char *start,
                             const char *end)
{
	return harness_fmt("{\"kommune\": \"%s\", \"enterprise_id\": %lld, \"title\": \"Kaffe og kage\","
	                   " \"start\": \"%s\", \"end\": \"%s\", \"contact_email\": \"kage@sumak.example\"}",
	                   kommune, enterprise_id, start, end);
}

static void agreements_api(void)
{
	struct harness_resp *r = harness_post_json(buyer, "/api/v1/agreements",
	                                           agreement("330", sumak, "2026-01-01", "2026-12-31"));
	CHECK_STATUS(r, 201);
	long long id = id_of(r);
	CHECK(id > 0);
	CHECK_STR(harness_json_str(harness_json(r), "kommune"), "330");
	CHECK_STATUS(harness_post_json(konsulent, "/api/v1/agreements",
	                               agreement("330", sumak, "2026-01-01", "2026-12-31")), 201);
	/* another municipality; the jobkonsulent reads only; an enterprise never makes one */
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/agreements", agreement("621", sumak, "2026-01-01", "2026-12-31")),
	                403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/agreements", agreement("330", sumak, "2026-01-01", "2026-12-31")),
	                403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(job, "/api/v1/agreements", agreement("330", sumak, "2026-01-01", "2026-12-31")),
	                403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(legehytten, "/api/v1/agreements",
	                                  agreement("330", legehytten_id, "2026-01-01", "2026-12-31")),
	                403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(anon, "/api/v1/agreements", agreement("330", sumak, "2026-01-01", "2026-12-31")),
	                401, "unauthorized", NULL);
	/* the fields */
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/agreements", agreement("330", sumak, "2026-01-01", "2025-12-31")),
	                422, "invalid", "end");
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/agreements", agreement("330", 999999, "2026-01-01", "2026-12-31")),
	                422, "invalid", "enterprise_id");
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/agreements", "{\"enterprise_id\": \"x\", \"title\": 3}"),
	                422, "invalid", "title");
	CHECK_API_ERROR(harness_post_json(admin, "/api/v1/agreements", agreement("", sumak, "2026-01-01", "2026-12-31")),
	                422, "invalid", "kommune");
	/* read: the municipality's staff; Kolding's buyer not */
	CHECK_STATUS(harness_get(job, harness_fmt("/api/v1/agreements/%lld", id)), 200);
	CHECK_STATUS(harness_get(kolding, harness_fmt("/api/v1/agreements/%lld", id)), 403);
	/* the supplier: Legehytten sees Slagelse's agreement with it, read-only, and no other */
	r = harness_get(legehytten, "/api/v1/agreements");
	CHECK_STATUS(r, 200);
	json_t *items = json_object_get(harness_json(r), "items");
	CHECKF(json_array_size(items) == 1, "Legehytten sees %zu agreements", json_array_size(items));
	long long lid = (long long)json_integer_value(json_object_get(json_array_get(items, 0), "id"));
	CHECK_STR(harness_json_str(json_array_get(items, 0), "enterprise_name"), "Legehytten");
	CHECK_STATUS(harness_get(legehytten, harness_fmt("/api/v1/agreements/%lld", lid)), 200);
	CHECK_STATUS(harness_get(legehytten, harness_fmt("/api/v1/agreements/%lld", id)), 403);
	CHECK_API_ERROR(harness_patch_json(legehytten, harness_fmt("/api/v1/agreements/%lld", lid), "{\"end\": \"2030-01-01\"}"),
	                403, "forbidden", NULL);
	/* PATCH: ending it, and a bad date */
	CHECK_API_ERROR(harness_patch_json(buyer, harness_fmt("/api/v1/agreements/%lld", id), "{\"end\": \"2025-01-01\"}"),
	                422, "invalid", "end");
	r = harness_patch_json(buyer, harness_fmt("/api/v1/agreements/%lld", id), "{\"status\": \"ended\"}");
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "status"), "ended");
	CHECK_STR(harness_json_str(harness_json(r), "title"), "Kaffe og kage");
	/* filters */
	r = harness_get(buyer, "/api/v1/agreements?status=ended");
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(harness_json(r), "total")) == 1);
	CHECK_STATUS(harness_get(buyer, "/api/v1/agreements?expiring=x"), 400);
	r = harness_get(buyer, "/api/v1/agreements?sort=title&limit=1");
	CHECK_STR(harness_json_str(json_array_get(json_object_get(harness_json(r), "items"), 0), "title"),
	          "Frokost og mødeforplejning");
}

static const char *purchase(long long enterprise_id, const char *amount)
{
	return harness_fmt("{\"enterprise_id\": %lld, \"date\": \"2015-06-15\", \"amount\": \"%s\","
	                   " \"description\": \"%s\", \"service\": \"kantine\"}", enterprise_id, amount,
	                   "Julefrokost");
}

/* Slagelse's amount in the public spend of 2015, as the API writes it */
static const char *slagelse_spend(void)
{
	struct harness_resp *r = harness_get(anon, "/api/v1/stats/spend?year=2015&kommune=330");
	json_t *row = json_array_get(json_object_get(harness_json(r), "rows"), 0);
	return row ? harness_fmt("%s", harness_json_str(row, "amount")) : NULL;
}

static void purchases_and_spend(void)
{
	const char *before = slagelse_spend();
	CHECKF(before && !strcmp(before, "108795.00"), "Slagelse's spend of 2015 is %s", before ? before : "missing");
	struct harness_resp *r = harness_post_json(buyer, "/api/v1/purchases", purchase(sumak, "1234.50"));
	CHECK_STATUS(r, 201);
	long long id = id_of(r);
	CHECK_STR(harness_json_str(harness_json(r), "kommune"), "330");
	CHECK_STR(harness_json_str(harness_json(r), "amount"), "1234.50");
	CHECK_STR(slagelse_spend(), "110029.50");
	/* an ordinary company is recorded, but it is no social-economy spend */
	CHECK_STATUS(harness_post_json(buyer, "/api/v1/purchases", purchase(company, "500")), 201);
	CHECK_STR(slagelse_spend(), "110029.50");
	/* the fields, and who may */
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/purchases", purchase(sumak, "0")), 422, "invalid", "amount");
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/purchases", purchase(sumak, "12,345")), 422, "invalid", "amount");
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/purchases", purchase(999999, "12")), 422, "invalid",
	                "enterprise_id");
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/purchases",
	                                  "{\"enterprise_id\": 1, \"date\": \"15-06-2015\", \"amount\": \"1\"}"),
	                422, "invalid", "date");
	CHECK_API_ERROR(harness_post_json(admin, "/api/v1/purchases", purchase(sumak, "12")), 422, "invalid", "kommune");
	CHECK_STATUS(harness_post_json(admin, "/api/v1/purchases",
	                               "{\"kommune\": \"330\", \"enterprise_id\": 1, \"date\": \"2014-01-01\", \"amount\": \"1\"}"), 201);
	CHECK_API_ERROR(harness_post_json(job, "/api/v1/purchases", purchase(sumak, "12")), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(legehytten, "/api/v1/purchases", purchase(sumak, "12")), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/purchases",
	                                  "{\"kommune\": \"621\", \"enterprise_id\": 1, \"date\": \"2015-01-01\", \"amount\": \"1\"}"),
	                403, "forbidden", NULL);
	/* the list: own municipality only, with the sum */
	r = harness_get(buyer, "/api/v1/purchases?year=2015&sort=amount&limit=1");
	CHECK_HAS(r->body, "\"amount\":\"38500.00\"");
	CHECK_STATUS(harness_get(buyer, "/api/v1/purchases?sort=size"), 400);
	r = harness_get(kolding, "/api/v1/purchases?year=2015");
	CHECK_STATUS(r, 200);
	CHECK_LACKS(r->body, "Julefrokost");
	r = harness_get(job, "/api/v1/purchases?year=2015&enterprise=" "0");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "Julefrokost");
	/* deleting: Kolding may not, the buyer may, once */
	CHECK_STATUS(harness_send(kolding, &(struct harness_req){.method = "DELETE",
	                                     .path = harness_fmt("/api/v1/purchases/%lld", id)}), 403);
	CHECK_STATUS(harness_send(buyer, &(struct harness_req){.method = "DELETE",
	                                   .path = harness_fmt("/api/v1/purchases/%lld", id)}), 200);
	CHECK_STATUS(harness_send(buyer, &(struct harness_req){.method = "DELETE",
	                                   .path = harness_fmt("/api/v1/purchases/%lld", id)}), 404);
	CHECK_STR(slagelse_spend(), before);
	/* the breakdowns: the municipality's staff and the administrator */
	CHECK_API_ERROR(harness_get(anon, "/api/v1/stats/spend?year=2015&kommune=330&by=enterprise"), 403, "forbidden", NULL);
	CHECK_STATUS(harness_get(kolding, "/api/v1/stats/spend?year=2015&kommune=330&by=enterprise"), 403);
	CHECK_STATUS(harness_get(legehytten, "/api/v1/stats/spend?year=2015&kommune=621&by=service"), 403);
	r = harness_get(buyer, "/api/v1/stats/spend?year=2015&kommune=330&by=enterprise");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "\"name\":\"Legehytten\",\"amount\":\"38500.00\"");
	CHECK_LACKS(r->body, "Eksempel Kantinedrift");
	CHECK_STATUS(harness_get(admin, "/api/v1/stats/spend?year=2015&by=service"), 200);
	CHECK_STATUS(harness_get(anon, "/api/v1/stats/spend?year=to"), 400);
	CHECK_STATUS(harness_get(anon, "/api/v1/stats/spend?year=2015&by=person"), 400);
	/* the command line writes the same */
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, "procurement", "spend", "--year", "2015", "--format", "json", NULL) == 0);
	r = harness_get(anon, "/api/v1/stats/spend?year=2015");
	CHECKF(out && !strncmp(out, r->body, r->len), "the command line wrote %s, the API %s", out ? out : "", r->body);
	CHECK(harness_cli(srv, NULL, &out, "procurement", "spend", "--year", "2015", "--format", "csv",
	                  "--by", "service", NULL) == 0);
	CHECK_HAS(out, "kantine,Kantine og catering,");
	CHECK(harness_cli(srv, NULL, NULL, "procurement", "spend", "--year", "2015", "--format", "xlsx", NULL) == 2);
}

static void reminders(void)
{
	char *out = NULL;
	/* the demo's Legehytten (2026-12-31) and VeteranHaven (2027-01-15) agreements, and the
	 * konsulent's of agreements_api (2026-12-31) */
	CHECK(harness_cli(srv, NULL, &out, "procurement", "remind", "--date", "2026-12-01", "--days", "60", NULL) == 0);
	CHECK_STR(out, "3 agreements reminded\n");
	CHECK(harness_cli(srv, NULL, &out, "procurement", "remind", "--date", "2026-12-02", NULL) == 0);
	CHECK_STR(out, "0 agreements reminded\n");
	/* renewed: reminded again when the new end comes near */
	struct harness_resp *r = harness_get(legehytten, "/api/v1/agreements");
	json_t *items = json_object_get(harness_json(r), "items");
	CHECK(json_array_size(items) == 1);
	long long id = (long long)json_integer_value(json_object_get(json_array_get(items, 0), "id"));
	CHECK_STATUS(harness_patch_json(buyer, harness_fmt("/api/v1/agreements/%lld", id), "{\"end\": \"2027-01-31\"}"), 200);
	CHECK(harness_cli(srv, NULL, &out, "procurement", "remind", "--date", "2026-12-02", NULL) == 0);
	CHECK_STR(out, "1 agreement reminded\n");
	CHECK(harness_cli(srv, NULL, NULL, "procurement", "remind", "--date", "i-morgen", NULL) == 2);
}

static void contracts(void)
{
	struct harness_client *silkeborg = harness_bearer(srv, "konsulent@silkeborg.example");
	CHECK(silkeborg);
	struct harness_resp *r = harness_get(silkeborg, "/api/v1/contracts");
	CHECK_STATUS(r, 200);
	json_t *it = json_array_get(json_object_get(harness_json(r), "items"), 0);
	CHECK_STR(harness_json_str(it, "kind"), "forpagtning");
	long long id = (long long)json_integer_value(json_object_get(it, "id"));
	r = harness_get(silkeborg, harness_fmt("/api/v1/contracts/%lld", id));
	CHECK_STATUS(r, 200);
	/* the ten people in fleksjob of the demo's canteen */
	CHECK_HAS(r->body, "\"scheme\":\"fleksjob\",\"target\":10,\"placed\":\"10\"");
	CHECK_STATUS(harness_get(buyer, harness_fmt("/api/v1/contracts/%lld", id)), 403);
	/* a new one, with a measurable and a written commitment; then the fields */
	r = harness_post_json(buyer, "/api/v1/contracts", harness_fmt(
		"{\"enterprise_id\": %lld, \"kind\": \"lejeaftale\", \"title\": \"Caféen i biblioteket\","
		" \"start\": \"2026-01-01\", \"value\": \"120000\", \"commitments\": [{\"text\": \"2 i praktik\","
		" \"scheme\": \"praktik\", \"target\": 2}, {\"text\": \"Lokale råvarer\"}]}", sumak));
	CHECK_STATUS(r, 201);
	CHECK_STR(harness_json_str(harness_json(r), "value"), "120000.00");
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/contracts", harness_fmt(
		"{\"enterprise_id\": %lld, \"title\": \"x\", \"start\": \"2026-01-01\", \"commitments\":"
		" [{\"text\": \"x\", \"scheme\": \"fleksjob\"}]}", sumak)), 422, "invalid", "commitments");
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/contracts", harness_fmt(
		"{\"enterprise_id\": %lld, \"title\": \"x\", \"start\": \"2026-01-01\", \"kind\": \"leje\"}", sumak)),
		422, "invalid", "kind");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/contracts", harness_fmt(
		"{\"kommune\": \"330\", \"enterprise_id\": %lld, \"title\": \"x\", \"start\": \"2026-01-01\"}", sumak)),
		403, "forbidden", NULL);
	/* the page shows the follow-up */
	struct harness_client *web = harness_login(srv, "konsulent@silkeborg.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	r = harness_get(web, harness_fmt("/indkoeb/kontrakter/%lld", id));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "10 af 10");
	r = harness_get(web, "/indkoeb/kontrakter");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Handelsskolen");
	/* editing keeps the commitments as they were, and names the field in error */
	r = harness_get(web, harness_fmt("/indkoeb/kontrakter/%lld/rediger", id));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "value=\"750.000,00\"");
	const char *csrf = harness_csrf_field(r);
	r = harness_post_form(web, harness_fmt("/indkoeb/kontrakter/%lld", id), harness_form("csrf", csrf,
		"kind", "forpagtning", "title", "", "start", "2015-08-01", "value", "750.000,00",
		"c0_text", "10 ansatte i fleksjob", "c0_scheme", "fleksjob", "c0_target", "10", NULL));
	CHECK_STATUS(r, 422);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Skriv kontraktens titel.");
	r = harness_post_form(web, harness_fmt("/indkoeb/kontrakter/%lld", id), harness_form("csrf", csrf,
		"kind", "forpagtning", "title", "Forpagtning af kantinen på Handelsskolen", "start", "2015-08-01",
		"end", "2027-07-31", "value", "800.000", "c0_text", "12 ansatte i fleksjob", "c0_scheme", "fleksjob",
		"c0_target", "12", NULL));
	CHECK_STATUS(r, 303);
	r = harness_get(silkeborg, harness_fmt("/api/v1/contracts/%lld", id));
	CHECK_HAS(r->body, "\"scheme\":\"fleksjob\",\"target\":12,\"placed\":\"10\"");
	CHECK_HAS(r->body, "\"value\":\"800000.00\"");
	CHECK_STATUS(harness_get(harness_login(srv, "job@silkeborg.example", HARNESS_DEMO_PASSWORD),
	                         harness_fmt("/indkoeb/kontrakter/%lld/rediger", id)), 403);
}

static void agreement_pages(void)
{
	struct harness_client *web = harness_login(srv, "indkoeb@slagelse.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *r = harness_get(web, "/indkoeb");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_SECURITY_HEADERS(r);
	CHECK_HAS(r->body, "href=\"/indkoeb\" aria-current=\"page\">Indkøb</a>");
	r = harness_get(web, "/indkoeb/aftaler");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Legehuse til daginstitutioner");
	struct harness_resp *form = harness_get(web, "/indkoeb/aftaler/ny");
	CHECK_STATUS(form, 200);
	CHECK_HTML(form);
	const char *csrf = harness_csrf_field(form);
	CHECK(csrf);
	/* errors at the fields, what was typed kept and escaped */
	r = harness_post_form(web, "/indkoeb/aftaler", harness_form("csrf", csrf, "enterprise_id",
		harness_fmt("%lld", sumak), "title", HOSTILE, "start", "2026-05-01", "end", "2026-04-01", NULL));
	CHECK_STATUS(r, 422);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Slutdatoen ligger før startdatoen.");
	CHECK_HAS(r->body, HOSTILE_ESC);
	CHECK_LACKS(r->body, HOSTILE);
	r = harness_post_form(web, "/indkoeb/aftaler", harness_form("csrf", csrf, "enterprise_id",
		harness_fmt("%lld", sumak), "title", HOSTILE, "start", "2026-05-01", "end", "2027-04-30",
		"contact_email", "kage@sumak.example", NULL));
	CHECK_STATUS(r, 303);
	const char *loc = harness_header(r, "Location");
	CHECK(loc && !strncmp(loc, "/indkoeb/aftaler/", 17));
	long long id = atoll(loc + 17);
	r = harness_get(web, loc);
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, HOSTILE_ESC);
	CHECK_HAS(r->body, "Aftalen er oprettet.");
	/* ending asks first */
	r = harness_get(web, harness_fmt("/indkoeb/aftaler/%lld/afslut", id));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Ja, afslut aftalen");
	CHECK_HAS(r->body, "<div class=\"confirm\" role=\"alert\">");
	r = harness_post_form(web, harness_fmt("/indkoeb/aftaler/%lld/afslut", id), harness_form("csrf", csrf, NULL));
	CHECK_STATUS(r, 303);
	r = harness_get(buyer, harness_fmt("/api/v1/agreements/%lld", id));
	CHECK_STR(harness_json_str(harness_json(r), "status"), "ended");
	/* edit keeps the fields; an invalid e-mail at its field */
	r = harness_get(web, harness_fmt("/indkoeb/aftaler/%lld/rediger", id));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	r = harness_post_form(web, harness_fmt("/indkoeb/aftaler/%lld", id), harness_form("csrf", csrf,
		"title", "Kage", "start", "2026-05-01", "end", "2027-04-30", "contact_email", "kage", "status",
		"ended", NULL));
	CHECK_STATUS(r, 422);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Skriv en gyldig e-mailadresse");
	/* Legehytten's agreement names one of its catalogue products (made by orders_api) */
	r = harness_get(legehytten, "/api/v1/agreements");
	long long lid_agreement = (long long)json_integer_value(json_object_get(
		json_array_get(json_object_get(harness_json(r), "items"), 0), "id"));
	r = harness_get(web, harness_fmt("/indkoeb/aftaler/%lld/rediger", lid_agreement));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Sandkasselåg");
	r = harness_post_form(web, harness_fmt("/indkoeb/aftaler/%lld", lid_agreement), harness_form("csrf", csrf,
		"title", "Legehuse til daginstitutioner", "start", "2015-10-15", "end", "2027-01-31", "status", "active",
		"products", harness_fmt("%lld", lid_id), NULL));
	CHECK_STATUS(r, 303);
	r = harness_get(buyer, harness_fmt("/api/v1/agreements/%lld", lid_agreement));
	CHECK_HAS(r->body, harness_fmt("\"products\":[%lld]", lid_id));
	CHECK_API_ERROR(harness_patch_json(buyer, harness_fmt("/api/v1/agreements/%lld", id),
	                                   harness_fmt("{\"products\": [%lld]}", lid_id)), 422, "invalid", "products");
	/* the list filtered by enterprise */
	r = harness_get(web, harness_fmt("/indkoeb/aftaler?enterprise=%lld", legehytten_id));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Legehuse til daginstitutioner");
	CHECK_LACKS(r->body, "Frokost og mødeforplejning");
	/* the supplier's own page of its agreement, read-only */
	struct harness_client *own = harness_login(srv, "legehytten@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(own);
	r = harness_get(own, "/indkoeb/aftaler");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Legehuse til daginstitutioner");
	CHECK_LACKS(r->body, "Frokost og mødeforplejning");
	CHECK_LACKS(r->body, "Ny indkøbsaftale");
	CHECK_STATUS(harness_get(own, "/indkoeb/aftaler/ny"), 403);
}

static void purchase_pages(void)
{
	struct harness_client *web = harness_login(srv, "indkoeb@slagelse.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *page = harness_get(web, "/indkoeb/koeb?year=2015");
	CHECK_STATUS(page, 200);
	CHECK_HTML(page);
	CHECK_HAS(page->body, "Jubilæumsgave");
	const char *csrf = harness_csrf_field(page);
	struct harness_resp *r = harness_post_form(web, "/indkoeb/koeb", harness_form("csrf", csrf,
		"enterprise_id", harness_fmt("%lld", sumak), "date", "2015-05-05", "amount", "mange penge",
		"description", HOSTILE, NULL));
	CHECK_STATUS(r, 422);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Skriv beløbet i kroner");
	CHECK_HAS(r->body, "value=\"mange penge\"");
	CHECK_HAS(r->body, HOSTILE_ESC);
	r = harness_post_form(web, "/indkoeb/koeb", harness_form("csrf", csrf, "enterprise_id",
		harness_fmt("%lld", sumak), "date", "2015-05-05", "amount", "2.000,25", "purchase_service", "kantine",
		"description", HOSTILE, NULL));
	CHECK_STATUS(r, 303);
	r = harness_get(web, "/indkoeb/koeb?year=2015&service=kantine");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "2.000,25&nbsp;kr.");
	CHECK_LACKS(r->body, "Jubilæumsgave");
	/* the export keeps the filters: CSV with ';' and a BOM, commas on request */
	r = harness_get(web, "/indkoeb/koeb/eksport?format=csv&year=2015&service=kantine");
	CHECK_STATUS(r, 200);
	CHECK(r->len > 3 && !memcmp(r->body, "\xEF\xBB\xBF", 3));
	CHECK_HAS(r->body, ";\"2.000,25\"");
	CHECK_LACKS(r->body, "Jubilæumsgave");
	r = harness_get(web, "/indkoeb/koeb/eksport?format=csv&year=2015&service=kantine&sep=,");
	CHECK_HAS(r->body, ",2000.25");
	r = harness_get(web, "/indkoeb/koeb/eksport?format=xlsx&year=2015");
	CHECK_STATUS(r, 200);
	CHECK(r->len > 2 && !memcmp(r->body, "PK", 2));
	/* deleting asks first */
	r = harness_get(buyer, "/api/v1/purchases?year=2015&service=kantine&limit=1");
	long long id = (long long)json_integer_value(json_object_get(json_array_get(json_object_get(harness_json(r), "items"), 0), "id"));
	r = harness_get(web, harness_fmt("/indkoeb/koeb/%lld/slet", id));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Ja, slet købet");
	CHECK_HAS(r->body, "<div class=\"confirm\" role=\"alert\">");
	r = harness_post_form(web, harness_fmt("/indkoeb/koeb/%lld/slet", id), harness_form("csrf", csrf, NULL));
	CHECK_STATUS(r, 303);
	CHECK_STATUS(harness_get(web, harness_fmt("/indkoeb/koeb/%lld/slet", id)), 404);
	/* the jobkonsulent reads without the form; another municipality's buyer never sees them */
	struct harness_client *jweb = harness_login(srv, "job@slagelse.example", HARNESS_DEMO_PASSWORD);
	CHECK(jweb);
	r = harness_get(jweb, "/indkoeb/koeb?year=2015");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_LACKS(r->body, "Registrér et køb");
	CHECK_LACKS(r->body, "/slet\"");
}

static void spend_page(void)
{
	struct harness_resp *r = harness_get(anon, "/statistik/indkoeb?year=2015");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Slagelse");
	CHECK_HAS(r->body, "<svg");
	CHECK_LACKS(r->body, "Pr. virksomhed");
	struct harness_client *web = harness_login(srv, "konsulent@slagelse.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	r = harness_get(web, "/statistik/indkoeb?year=2015");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Pr. virksomhed");
	CHECK_HAS(r->body, "Pr. ydelse");
	CHECK_HAS(r->body, "VeteranHaven");
	r = harness_get(web, "/statistik/indkoeb/eksport?format=csv&year=2015&kommune=330&by=enterprise");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "Legehytten;\"38.500,00\"");
	CHECK_STATUS(harness_get(anon, "/statistik/indkoeb/eksport?format=csv&year=2015&kommune=330&by=enterprise"), 403);
	r = harness_get(anon, "/statistik/indkoeb/eksport?format=xlsx&year=2015");
	CHECK_STATUS(r, 200);
	CHECK(r->len > 2 && !memcmp(r->body, "PK", 2));
	r = harness_get(anon, "/statistik");
	CHECK_HAS(r->body, "/statistik/indkoeb?year=");
}


/* two products of Legehytten's in the catalogue (straight into the database: the catalogue's
 * own API is not this test's), and its contact e-mail in the registry; *house and *lid their ids */
static const char *catalogue(long long *house, long long *lid)
{
	char *out = NULL;
	const char *sql = harness_fmt(
		"INSERT INTO products (enterprise_id, title, price_ore, unit, min_order, created_at, updated_at)"
		" VALUES (%lld, 'Legehus Troldehøj', 2450000, 'stk.', 1, 't', 't'),"
		" (%lld, 'Sandkasselåg', 45000, 'stk.', 2, 't', 't');"
		" SELECT id FROM products WHERE enterprise_id = %lld"
		" AND title IN ('Legehus Troldehøj', 'Sandkasselåg') ORDER BY price_ore DESC;",
		legehytten_id, legehytten_id, legehytten_id);
	if (harness_sqlite(harness_server_db(srv), sql, &out) != 0 || !out)
		return "the products were not made";
	if (sscanf(out, "%lld %lld", house, lid) != 2)
		return harness_fmt("the products' ids: %s", out);
	struct harness_resp *r = harness_patch_json(admin, harness_fmt("/api/v1/enterprises/%lld", legehytten_id),
	                                            "{\"contact_email\": \"ordre@legehytten.example\"}");
	return r->status == 200 ? NULL : harness_fmt("the contact e-mail: %ld %s", r->status, r->body);
}

static long long outbox_to(const char *to)
{
	char *out = NULL;
	harness_sqlite(harness_server_db(srv), harness_fmt("SELECT count(*) FROM outbox WHERE to_addr = '%s';", to), &out);
	return out ? atoll(out) : -1;
}


static void orders_api(void)
{
	CHECK_OK(catalogue(&house_id, &lid_id));
	const char *order = harness_fmt(
		"{\"enterprise_id\": %lld, \"reference\": \"EAN 5798000000000\", \"delivery_address\": \"Børnehuset\","
		" \"lines\": [{\"product_id\": %lld, \"quantity\": 1}, {\"product_id\": %lld, \"quantity\": 2},"
		" {\"title\": \"Opstilling\", \"quantity\": 3, \"unit\": \"timer\", \"price\": \"450,00\"}]}",
		legehytten_id, house_id, lid_id);
	/* below the minimum order, a product of another enterprise, a free line without a price */
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/orders", harness_fmt(
		"{\"enterprise_id\": %lld, \"lines\": [{\"product_id\": %lld, \"quantity\": 1}]}", legehytten_id, lid_id)),
		422, "invalid", "lines");
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/orders", harness_fmt(
		"{\"enterprise_id\": %lld, \"lines\": [{\"product_id\": %lld, \"quantity\": 1}]}", sumak, house_id)),
		422, "invalid", "lines");
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/orders", harness_fmt(
		"{\"enterprise_id\": %lld, \"lines\": [{\"title\": \"Kage\", \"quantity\": 1}]}", sumak)),
		422, "invalid", "lines");
	CHECK_API_ERROR(harness_post_json(buyer, "/api/v1/orders", harness_fmt("{\"enterprise_id\": %lld}", sumak)),
		422, "invalid", "lines");
	CHECK_API_ERROR(harness_post_json(job, "/api/v1/orders", order), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(legehytten, "/api/v1/orders", order), 403, "forbidden", NULL);
	CHECK_STR(harness_fmt("%lld", outbox_to("ordre@legehytten.example")), "0");
	struct harness_resp *r = harness_post_json(buyer, "/api/v1/orders", order);
	CHECK_STATUS(r, 201);
	long long id = id_of(r);
	/* the catalogue's prices copied: 24,500 + 2 × 450 + 3 × 450 */
	CHECK_STR(harness_json_str(harness_json(r), "total"), "26750.00");
	CHECK_STR(harness_json_str(harness_json(r), "status"), "sent");
	CHECK_HAS(r->body, "\"title\":\"Sandkasselåg\",\"unit\":\"stk.\",\"quantity\":2,\"price\":\"450.00\"");
	CHECK_STR(harness_fmt("%lld", outbox_to("ordre@legehytten.example")), "1");
	/* who sees it */
	CHECK_STATUS(harness_get(kolding, harness_fmt("/api/v1/orders/%lld", id)), 403);
	CHECK_STATUS(harness_get(legehytten, harness_fmt("/api/v1/orders/%lld", id)), 200);
	struct harness_client *porten = harness_bearer(srv, "porten@kolding.example");
	CHECK(porten);
	CHECK_STATUS(harness_get(porten, harness_fmt("/api/v1/orders/%lld", id)), 403);
	r = harness_get(porten, "/api/v1/orders");
	CHECK_LACKS(r->body, "Troldehøj");
	/* the moves: the buyer does not accept, the enterprise not before it accepted delivers */
	const char *path = harness_fmt("/api/v1/orders/%lld", id);
	CHECK_API_ERROR(harness_patch_json(buyer, path, "{\"status\": \"accepted\"}"), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_patch_json(legehytten, path, "{\"status\": \"delivered\"}"), 409, "conflict", "status");
	CHECK_API_ERROR(harness_patch_json(legehytten, path, "{\"status\": \"sendt\"}"), 422, "invalid", "status");
	long long mails = outbox_to("indkoeb@slagelse.example");
	r = harness_patch_json(legehytten, path, "{\"status\": \"accepted\", \"answer\": \"Leveres i uge 50\"}");
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "answer"), "Leveres i uge 50");
	CHECK(outbox_to("indkoeb@slagelse.example") == mails + 1);
	CHECK_STATUS(harness_patch_json(legehytten, path, "{\"status\": \"delivered\"}"), 200);
	CHECK_API_ERROR(harness_patch_json(legehytten, path, "{\"status\": \"delivered\"}"), 409, "conflict", "status");
	CHECK_API_ERROR(harness_patch_json(buyer, path, "{\"status\": \"cancelled\"}"), 409, "conflict", "status");
	/* delivered: one purchase of the order's total, counted once */
	r = harness_get(buyer, harness_fmt("/api/v1/purchases?enterprise=%lld", legehytten_id));
	CHECK_HAS(r->body, harness_fmt("\"amount\":\"26750.00\",\"service\":null,\"description\":\"Ordre nr. %lld (EAN 5798000000000)\",\"order_id\":%lld", id, id));
	/* a second order, cancelled by the buyer; then the enterprise cannot accept it */
	r = harness_post_json(buyer, "/api/v1/orders", order);
	CHECK_STATUS(r, 201);
	path = harness_fmt("/api/v1/orders/%lld", id_of(r));
	CHECK_STATUS(harness_patch_json(legehytten, path, "{\"status\": \"cancelled\"}"), 403);
	CHECK_STATUS(harness_patch_json(buyer, path, "{\"status\": \"cancelled\"}"), 200);
	CHECK_API_ERROR(harness_patch_json(legehytten, path, "{\"status\": \"accepted\"}"), 409, "conflict", "status");
	CHECK_STR(harness_fmt("%lld", outbox_to("ordre@legehytten.example")), "3");
}

static void order_pages(void)
{
	struct harness_client *web = harness_login(srv, "indkoeb@slagelse.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	/* from the catalogue's product page: the enterprise and the first line chosen */
	struct harness_resp *r = harness_get(web, harness_fmt("/indkoeb/ordrer/ny?produkt=%lld", lid_id));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Ordren sendes til <strong>Legehytten");
	CHECK_HAS(r->body, harness_fmt("<option value=\"%lld\" selected>Sandkasselåg", lid_id));
	CHECK_HAS(r->body, "name=\"pq0\" type=\"number\" value=\"2\"");
	const char *csrf = harness_csrf_field(r);
	r = harness_get(web, "/indkoeb/ordrer/ny");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	r = harness_post_form(web, "/indkoeb/ordrer", harness_form("csrf", csrf, "enterprise_id",
		harness_fmt("%lld", legehytten_id), "p0", harness_fmt("%lld", lid_id), "pq0", "1", "reference", HOSTILE, NULL));
	CHECK_STATUS(r, 422);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "mindst 2 stk.");
	CHECK_HAS(r->body, HOSTILE_ESC);
	r = harness_post_form(web, "/indkoeb/ordrer", harness_form("csrf", csrf, "enterprise_id",
		harness_fmt("%lld", legehytten_id), "p0", harness_fmt("%lld", lid_id), "pq0", "4", "reference", HOSTILE,
		"ft0", "Fragt", "fq0", "1", "fp0", "250", NULL));
	CHECK_STATUS(r, 303);
	const char *loc = harness_header(r, "Location");
	CHECK(loc && !strncmp(loc, "/indkoeb/ordrer/", 16));
	long long id = atoll(loc + 16);
	r = harness_get(web, loc);
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "2.050,00&nbsp;kr.");
	CHECK_HAS(r->body, HOSTILE_ESC);
	CHECK_LACKS(r->body, "Acceptér ordren");
	r = harness_get(web, "/indkoeb/ordrer");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	/* the enterprise's own pages: its orders, and the answer */
	struct harness_client *own = harness_login(srv, "legehytten@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(own);
	r = harness_get(own, harness_fmt("/virksomheder/%lld/ordrer", legehytten_id));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, harness_fmt("/indkoeb/ordrer/%lld", id));
	CHECK_STATUS(harness_get(own, harness_fmt("/virksomheder/%lld/ordrer", sumak)), 403);
	r = harness_get(own, loc);
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Acceptér ordren");
	r = harness_post_form(own, harness_fmt("/indkoeb/ordrer/%lld/status", id), harness_form("csrf",
		harness_csrf_field(r), "status", "accepted", "answer", "Vi leverer fredag", NULL));
	CHECK_STATUS(r, 303);
	r = harness_get(own, loc);
	CHECK_HAS(r->body, "Vi leverer fredag");
	CHECK_HAS(r->body, "Markér som leveret");
	/* the buyer cancels after a confirmation */
	r = harness_get(web, harness_fmt("/indkoeb/ordrer/%lld?annuller=1", id));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Ja, annullér ordren");
	CHECK_HAS(r->body, "<div class=\"confirm\" role=\"alert\">");
	CHECK_HAS(r->body, "<input type=\"hidden\" name=\"status\" value=\"cancelled\">");
	r = harness_post_form(web, harness_fmt("/indkoeb/ordrer/%lld/status", id), harness_form("csrf", csrf,
		"status", "cancelled", NULL));
	CHECK_STATUS(r, 303);
	r = harness_get(web, loc);
	CHECK_HAS(r->body, "Annulleret");
	CHECK_STATUS(harness_post_form(web, harness_fmt("/indkoeb/ordrer/%lld/status", id), harness_form("csrf", csrf,
		"status", "cancelled", NULL)), 409);
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"agreements: made by the municipality's buyer or konsulent, 403 for others, 422 naming the "
	 "field, read-only for the supplier", agreements_api, 0},
	{"purchases: 201, 422 naming amount, date and enterprise, 403 for others; spend counts only "
	 "social-economy enterprises, exactly, and agrees with the command line", purchases_and_spend, 0},
	{"reminders go out once per agreement and end date, and again after a renewal", reminders, 0},
	{"orders: lines copied from the catalogue, mailed to the enterprise, answered, delivered into "
	 "one purchase, or cancelled; every other move refused", orders_api, 0},
	{"a buyer orders from a product's page; the enterprise answers in its own pages", order_pages, 0},
	{"contracts follow up their commitments: the canteen has 10 of 10 in fleksjob", contracts, 0},
	{"a buyer makes, ends and edits an agreement in the browser, errors at the fields", agreement_pages, 0},
	{"a buyer records, filters, exports and deletes purchases in the browser", purchase_pages, 0},
	{"spend per municipality is public; staff see it per enterprise and service", spend_page, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
