/*
 * test_pools.c — the national grant pool over real HTTP: only the administrator creates pools,
 * grants and records payments (403 for everyone else); a grant over the maximum per
 * municipality or over the pool's remainder is 422 naming amount, exactly the remainder passes
 * and the grants never sum past the total; payments past the grant are 422; a municipality's
 * staff apply for their own municipality only and see only their own application; the
 * obligation to attend network meetings is counted from hand-made meetings of the pool's
 * national network; the pages and the final report (HTML checked with tidy, XLSX).
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct harness_server *srv;
static struct harness_client *anon, *admin, *kolding, *job, *indkoeb, *owner, *silkeborg;
static long long pool; /* the pool made by creating() */

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
	kolding = harness_bearer(srv, "konsulent@kolding.example");
	job = harness_bearer(srv, "job@kolding.example");
	indkoeb = harness_bearer(srv, "indkoeb@kolding.example");
	owner = harness_bearer(srv, "virksomhed@kolding.example");
	silkeborg = harness_bearer(srv, "konsulent@silkeborg.example");
	CHECKF(admin && kolding && job && indkoeb && owner && silkeborg, "'indgang token create' failed");
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

static const char *sql_text(const char *sql)
{
	char *out = NULL;
	if (harness_sqlite(harness_server_db(srv), sql, &out) != 0 || !out)
		return "";
	return out;
}

static const char *path(const char *tail)
{
	return harness_fmt("/api/v1/pools/%lld%s", pool, tail);
}

static void creating(void)
{
	const char *body = "{\"title\": \"Prøvepulje <script>\", \"total\": \"1000000.00\","
	                   " \"max_per_kommune\": \"500000.00\", \"period_start\": \"2016-01-01\","
	                   " \"period_end\": \"2016-12-31\", \"obligations\": \"To netværksmøder\"}";
	CHECK_STATUS(harness_post_json(kolding, "/api/v1/pools", body), 403);
	CHECK_STATUS(harness_post_json(job, "/api/v1/pools", body), 403);
	CHECK_STATUS(harness_post_json(indkoeb, "/api/v1/pools", body), 403);
	CHECK_STATUS(harness_post_json(owner, "/api/v1/pools", body), 403);
	CHECK_STATUS(harness_post_json(anon, "/api/v1/pools", body), 401);
	struct harness_resp *r = harness_post_json(admin, "/api/v1/pools", body);
	CHECK_STATUS(r, 201);
	pool = id_of(r);
	CHECK(pool > 0);
	CHECK_STR(harness_json_str(harness_json(r), "total"), "1000000.00");
	CHECK_STR(harness_json_str(harness_json(r), "remainder"), "1000000.00");
	/* invalid fields name themselves */
	CHECK_API_ERROR(harness_post_json(admin, "/api/v1/pools",
	                                  "{\"title\": \"x\", \"total\": \"mange\", \"max_per_kommune\": \"1\","
	                                  " \"period_start\": \"2016-01-01\", \"period_end\": \"2016-12-31\"}"),
	                422, "invalid", "total");
	CHECK_API_ERROR(harness_post_json(admin, "/api/v1/pools",
	                                  "{\"title\": \"x\", \"total\": \"100\", \"max_per_kommune\": \"200\","
	                                  " \"period_start\": \"2016-01-01\", \"period_end\": \"2016-12-31\"}"),
	                422, "invalid", "max_per_kommune");
	CHECK_API_ERROR(harness_post_json(admin, "/api/v1/pools",
	                                  "{\"title\": \"x\", \"total\": \"100\", \"max_per_kommune\": \"50\","
	                                  " \"period_start\": \"2016-01-01\", \"period_end\": \"2015-12-31\"}"),
	                422, "invalid", "period_end");
	CHECK_API_ERROR(harness_post_json(admin, "/api/v1/pools",
	                                  "{\"title\": \"x\", \"total\": \"100\", \"max_per_kommune\": \"50\","
	                                  " \"period_start\": \"2016-01-01\", \"period_end\": \"2016-12-31\","
	                                  " \"network_id\": 1}"),
	                422, "invalid", "network_id"); /* Silkeborg's network is not national */
	CHECK_API_ERROR(harness_post_json(admin, "/api/v1/pools",
	                                  "{\"title\": \"x\", \"total\": \"100\", \"max_per_kommune\": \"50\","
	                                  " \"period_start\": \"2016-01-01\", \"period_end\": \"2016-12-31\","
	                                  " \"rounds\": [{\"survey\": \"soev-2015\", \"round\": \"findes-ikke\"}]}"),
	                422, "invalid", "rounds");
	/* every municipality's staff reads the list; an enterprise's account does not */
	CHECK_STATUS(harness_get(indkoeb, "/api/v1/pools"), 200);
	CHECK_STATUS(harness_get(owner, "/api/v1/pools"), 403);
	CHECK_STATUS(harness_get(owner, path("")), 403);
}

static void limits(void)
{
	/* over the maximum per municipality */
	CHECK_API_ERROR(harness_post_json(admin, path("/grants"), "{\"kommune\": \"621\", \"amount\": \"500000.01\"}"),
	                422, "invalid", "amount");
	CHECK_STATUS(harness_post_json(kolding, path("/grants"), "{\"kommune\": \"621\", \"amount\": \"1000\"}"), 403);
	CHECK_API_ERROR(harness_post_json(admin, path("/grants"),
	                                  "{\"kommune\": \"621\", \"amount\": \"300000\", \"date\": \"2016-02-30\"}"),
	                422, "invalid", "date");
	CHECK_STATUS(harness_post_json(admin, path("/grants"),
	                               "{\"kommune\": \"621\", \"amount\": \"300000\", \"date\": \"2016-02-01\"}"), 201);
	/* the municipality's second grant may not pass its maximum either */
	CHECK_API_ERROR(harness_post_json(admin, path("/grants"), "{\"kommune\": \"621\", \"amount\": \"200000.01\"}"),
	                422, "invalid", "amount");
	CHECK_STATUS(harness_post_json(admin, path("/grants"), "{\"kommune\": \"621\", \"amount\": \"200000.00\"}"), 201);
	CHECK_STATUS(harness_post_json(admin, path("/grants"), "{\"kommune\": \"740\", \"amount\": \"400000\"}"), 201);
	/* 100,000 kr. is left: one øre more is refused, exactly the remainder passes */
	CHECK_API_ERROR(harness_post_json(admin, path("/grants"), "{\"kommune\": \"330\", \"amount\": \"100000.01\"}"),
	                422, "invalid", "amount");
	CHECK_STATUS(harness_post_json(admin, path("/grants"), "{\"kommune\": \"330\", \"amount\": \"100000.00\"}"), 201);
	CHECK_API_ERROR(harness_post_json(admin, path("/grants"), "{\"kommune\": \"101\", \"amount\": \"0.01\"}"),
	                422, "invalid", "amount");
	CHECK_API_ERROR(harness_post_json(admin, path("/grants"), "{\"kommune\": \"999\", \"amount\": \"1\"}"),
	                422, "invalid", "kommune");
	CHECK_API_ERROR(harness_post_json(admin, path("/grants"), "{\"kommune\": \"101\", \"amount\": -5}"),
	                422, "invalid", "amount");
	struct harness_resp *g = harness_get(admin, path(""));
	CHECK_STATUS(g, 200);
	CHECK_STR(harness_json_str(harness_json(g), "granted"), "1000000.00");
	CHECK_STR(harness_json_str(harness_json(g), "remainder"), "0.00");
	json_t *first = json_array_get(json_object_get(harness_json(g), "grants"), 0);
	CHECK_STR(harness_json_str(first, "date"), "2016-02-01");
	CHECK_STR(sql_text(harness_fmt("SELECT CASE WHEN sum(amount_ore) <= 100000000 THEN 1 ELSE 0 END"
	                               " FROM pool_grants WHERE pool_id = %lld;", pool)),
	          "1\n");
	CHECK_STATUS(harness_post_json(admin, "/api/v1/pools/999999/grants", "{\"kommune\": \"621\", \"amount\": \"1\"}"),
	             404);
}

static void payments(void)
{
	const char *over = "{\"kommune\": \"740\", \"date\": \"2016-02-01\", \"amount\": \"400000.01\"}";
	CHECK_API_ERROR(harness_post_json(admin, path("/payments"), over), 422, "invalid", "amount");
	CHECK_STATUS(harness_post_json(silkeborg, path("/payments"), over), 403);
	CHECK_STATUS(harness_post_json(admin, path("/payments"),
	                               "{\"kommune\": \"740\", \"date\": \"2016-02-01\", \"amount\": \"150000\"}"), 201);
	CHECK_API_ERROR(harness_post_json(admin, path("/payments"),
	                                  "{\"kommune\": \"740\", \"date\": \"2016-03-01\", \"amount\": \"250000.01\"}"),
	                422, "invalid", "amount");
	CHECK_STATUS(harness_post_json(admin, path("/payments"),
	                               "{\"kommune\": \"740\", \"date\": \"2016-03-01\", \"amount\": \"250000\"}"), 201);
	CHECK_API_ERROR(harness_post_json(admin, path("/payments"),
	                                  "{\"kommune\": \"740\", \"date\": \"2016-02-30\", \"amount\": \"1\"}"),
	                422, "invalid", "date");
	/* a municipality without a grant gets nothing paid */
	CHECK_API_ERROR(harness_post_json(admin, path("/payments"),
	                                  "{\"kommune\": \"101\", \"date\": \"2016-03-01\", \"amount\": \"1\"}"),
	                422, "invalid", "amount");
	/* spend reported by the municipality itself */
	const char *spend = "{\"kommune\": \"740\", \"date\": \"2016-04-01\", \"amount\": \"1234.50\","
	                    " \"text\": \"Netværksmøde\"}";
	CHECK_STATUS(harness_post_json(kolding, path("/spend"), spend), 403);
	CHECK_STATUS(harness_post_json(silkeborg, path("/spend"), spend), 201);
	CHECK_API_ERROR(harness_post_json(silkeborg, path("/spend"),
	                                  "{\"date\": \"2016-04-01\", \"amount\": \"1\", \"text\": \" \"}"),
	                422, "invalid", "text");
}

static void applications(void)
{
	const char *body = "{\"kommune\": \"621\", \"amount\": \"250000\", \"activities\": \"Iværksætterdag\","
	                   " \"budget\": [{\"label\": \"Projektleder\", \"amount\": \"200000\"},"
	                   " {\"label\": \"Møder\", \"amount\": \"50000\"}]}";
	CHECK_STATUS(harness_post_json(silkeborg, path("/applications"), body), 403);
	CHECK_STATUS(harness_post_json(indkoeb, path("/applications"), body), 403);
	CHECK_STATUS(harness_post_json(owner, path("/applications"), body), 403);
	CHECK_API_ERROR(harness_post_json(kolding, path("/applications"),
	                                  "{\"amount\": \"500000.01\"}"), 422, "invalid", "amount");
	CHECK_API_ERROR(harness_post_json(kolding, path("/applications"),
	                                  "{\"amount\": \"1000\", \"budget\": [{\"label\": \"\", \"amount\": \"1\"}]}"),
	                422, "invalid", "budget");
	CHECK_STATUS(harness_post_json(job, path("/applications"), body), 201);
	CHECK_API_ERROR(harness_post_json(kolding, path("/applications"), body), 422, "invalid", "kommune");
	CHECK_STATUS(harness_post_json(silkeborg, path("/applications"),
	                               "{\"amount\": \"100000\", \"activities\": \"Silkeborgs egne planer\"}"), 201);
	/* Kolding sees its own application and grants, never Silkeborg's */
	struct harness_resp *k = harness_get(kolding, path(""));
	CHECK_STATUS(k, 200);
	CHECK_HAS(k->body, "Iværksætterdag");
	CHECK_LACKS(k->body, "Silkeborgs egne planer");
	CHECK_LACKS(k->body, "\"740\"");
	json_t *apps = json_object_get(harness_json(k), "applications");
	CHECK(json_array_size(apps) == 1);
	CHECK_STR(harness_json_str(json_array_get(apps, 0), "status"), "ansøgt"); /* granted before it applied */
	CHECK(json_array_size(json_object_get(json_array_get(apps, 0), "budget")) == 2);
	struct harness_resp *a = harness_get(admin, path(""));
	CHECK_HAS(a->body, "Silkeborgs egne planer");
	CHECK(json_array_size(json_object_get(harness_json(a), "applications")) == 2);
	/* a grant to a municipality that applied links its application */
	CHECK_STR(sql_text(harness_fmt("SELECT count(*) FROM pool_grants g JOIN pool_applications x"
	                               " ON x.id = g.application_id WHERE g.pool_id = %lld;", pool)), "0\n");
}

/* hand-made meetings of a national network: Kolding's konsulent present at two held meetings,
 * absent from a third; a planned meeting does not count */
static void obligations(void)
{
	struct harness_resp *n = harness_post_json(admin, "/api/v1/networks",
	                                           "{\"kommune\": null, \"name\": \"Prøvepuljens netværk\"}");
	CHECK_STATUS(n, 201);
	long long net = id_of(n);
	struct harness_resp *m = harness_post_json(admin, harness_fmt("/api/v1/networks/%lld/members", net),
	                                           "{\"name\": \"Kolding\", \"email\": \"Konsulent@kolding.example\"}");
	CHECK_STATUS(m, 201);
	long long member = id_of(m);
	struct harness_resp *m2 = harness_post_json(admin, harness_fmt("/api/v1/networks/%lld/members", net),
	                                            "{\"name\": \"Silkeborg\", \"email\": \"konsulent@silkeborg.example\"}");
	CHECK_STATUS(m2, 201);
	long long member2 = id_of(m2);
	static const char *const days[] = {"2016-02-01", "2016-05-01", "2016-08-01", "2099-01-01"};
	for (int i = 0; i < 4; i++) {
		struct harness_resp *mt = harness_post_json(admin, harness_fmt("/api/v1/networks/%lld/meetings", net),
		                                            harness_fmt("{\"starts_at\": \"%sT10:00\"}", days[i]));
		CHECK_STATUS(mt, 201);
		long long mid = id_of(mt);
		if (i == 3)
			break;
		CHECK_STATUS(harness_post_json(admin, harness_fmt("/api/v1/meetings/%lld/attendance", mid),
		                               harness_fmt("{\"member_id\": %lld, \"present\": %s}", member,
		                                           i < 2 ? "true" : "false")), 200);
		CHECK_STATUS(harness_post_json(admin, harness_fmt("/api/v1/meetings/%lld/attendance", mid),
		                               harness_fmt("{\"member_id\": %lld, \"present\": %s}", member2,
		                                           i == 0 ? "true" : "false")), 200);
		CHECK_STATUS(harness_patch_json(admin, harness_fmt("/api/v1/meetings/%lld", mid),
		                                "{\"status\": \"held\"}"), 200);
	}
	struct harness_resp *p = harness_post_json(admin, "/api/v1/pools",
		harness_fmt("{\"title\": \"Netværkspulje\", \"total\": \"100000\", \"max_per_kommune\": \"50000\","
		            " \"period_start\": \"2016-01-01\", \"period_end\": \"2016-12-31\","
		            " \"meetings_required\": 2, \"network_id\": %lld}", net));
	CHECK_STATUS(p, 201);
	long long id = id_of(p);
	CHECK_STATUS(harness_post_json(kolding, harness_fmt("/api/v1/pools/%lld/applications", id),
	                               "{\"amount\": \"1000\"}"), 201);
	CHECK_STATUS(harness_post_json(admin, harness_fmt("/api/v1/pools/%lld/grants", id),
	                               "{\"kommune\": \"740\", \"amount\": \"1000\"}"), 201);
	struct harness_resp *g = harness_get(admin, harness_fmt("/api/v1/pools/%lld", id));
	CHECK_STATUS(g, 200);
	json_t *ks = json_object_get(harness_json(g), "kommuner");
	CHECK(json_array_size(ks) == 2);
	int seen = 0;
	size_t i;
	json_t *k;
	json_array_foreach(ks, i, k) {
		json_t *o = json_object_get(k, "obligations");
		long long att = (long long)json_integer_value(json_object_get(o, "meetings_attended"));
		if (!strcmp(harness_json_str(k, "kommune"), "621")) {
			CHECKF(att == 2, "Kolding attended %lld", att);
			CHECK(json_is_true(json_object_get(o, "met")));
			seen++;
		}
		else {
			CHECKF(att == 1, "Silkeborg attended %lld", att);
			CHECK(json_is_false(json_object_get(o, "met")));
			seen++;
		}
	}
	CHECK(seen == 2);
}

static void pages(void)
{
	struct harness_client *web = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *l = harness_get(web, "/puljer");
	CHECK_OK(page_problem(l, 200));
	CHECK_HAS(l->body, "Puljen til socialøkonomiske virksomheder 2015");
	CHECK_HAS(l->body, "Prøvepulje &lt;script&gt;");
	CHECK_OK(page_problem(harness_get(web, "/puljer/ny"), 200));
	struct harness_resp *s = harness_get(web, "/puljer/1");
	CHECK_OK(page_problem(s, 200));
	CHECK_HAS(s->body, "5.650.000,00 kr."); /* the 2015 pool's remainder */
	CHECK_HAS(s->body, "4 af 4");           /* Kolding attended the four network meetings */
	const char *csrf = harness_client_csrf(web);
	/* a grant over the maximum: the form again with the message at the amount, the value kept */
	struct harness_resp *bad = harness_post_form(web, "/puljer/1",
		harness_form("csrf", csrf, "action", "grant", "g_kommune", "101", "g_amount", "500.000,01", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "id=\"f-g_amount-error\"");
	CHECK_HAS(bad->body, "value=\"500.000,01\"");
	struct harness_resp *ok = harness_post_form(web, "/puljer/1",
		harness_form("csrf", csrf, "action", "grant", "g_kommune", "101", "g_amount", "100.000", NULL));
	CHECK_STATUS(ok, 303);
	struct harness_resp *nf = harness_post_form(web, "/puljer",
		harness_form("csrf", csrf, "title", "", "total", "7.000.000", "max_per_kommune", "500.000",
		             "period_start", "2017-01-01", "period_end", "2017-12-31", NULL));
	CHECK_OK(page_problem(nf, 422));
	CHECK_HAS(nf->body, "value=\"7.000.000\"");
	struct harness_resp *rep = harness_get(web, "/puljer/1/rapport");
	CHECK_OK(page_problem(rep, 200));
	CHECK_HAS(rep->body, "/undersoegelser/soev-2015/november-2015/rapport");
	CHECK_HAS(rep->body, "Slagelse");
	struct harness_resp *x = harness_get(web, "/puljer/1/rapport?format=xlsx");
	CHECK_STATUS(x, 200);
	CHECK(x->len > 100 && !memcmp(x->body, "PK", 2));
	/* a municipality's konsulent: its own line, the forms to apply and report */
	struct harness_resp *nk = harness_get(web, "/puljer/999999");
	CHECK_OK(page_problem(nk, 404));
	struct harness_client *sk = harness_login(srv, "konsulent@silkeborg.example", HARNESS_DEMO_PASSWORD);
	CHECK(sk);
	struct harness_resp *ss = harness_get(sk, "/puljer/1");
	CHECK_OK(page_problem(ss, 200));
	CHECK_HAS(ss->body, "Indberet forbrug");
	CHECK_LACKS(ss->body, "Business case"); /* Slagelse's application */
	CHECK_OK(page_problem(harness_get(sk, "/puljer/1/rapport"), 200));
	CHECK_STATUS(harness_get(sk, "/puljer/ny"), 403);
	const char *scsrf = harness_client_csrf(sk);
	struct harness_resp *sp = harness_post_form(sk, "/puljer/1",
		harness_form("csrf", scsrf, "action", "spend", "s_date", "2015-12-01", "s_amount", "10.000",
		             "s_text", "", NULL));
	CHECK_OK(page_problem(sp, 422));
	CHECK_HAS(sp->body, "id=\"f-s_text-error\"");
	CHECK_HAS(sp->body, "value=\"10.000\"");
	struct harness_resp *sg = harness_post_form(sk, "/puljer/1",
		harness_form("csrf", scsrf, "action", "grant", "g_kommune", "740", "g_amount", "1", NULL));
	CHECK_STATUS(sg, 403);
	struct harness_client *v = harness_login(srv, "virksomhed@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(v);
	CHECK_STATUS(harness_get(v, "/puljer/1"), 403);
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"only the administrator creates a pool; invalid fields answer 422 naming them", creating, HARNESS_FATAL},
	{"grants: over the maximum or the remainder 422 amount, exactly the remainder passes, the sum"
	 " never passes the total", limits, 0},
	{"payments never pass the grant; spend is reported by the municipality itself", payments, 0},
	{"a municipality's staff apply for their own municipality and see only their own application",
	 applications, 0},
	{"the obligation to attend network meetings is counted from the pool network's attendance",
	 obligations, 0},
	{"the pages: list, pool, forms with errors kept, final report in HTML and XLSX, refused callers",
	 pages, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
