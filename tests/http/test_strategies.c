/*
 * test_strategies.c — strategies and goals over real HTTP: the demo's strategies of
 * Silkeborg, Kolding and Slagelse; Silkeborg's 2020 goal of new registered SØV rising when an
 * enterprise is registered through the registry's API (and not for a company); creating
 * strategies and goals with 422 naming the field; manual values; access between
 * municipalities (403), public and not (404 signed out), the indkøber read-only; counts of
 * people shown as "<3" to others; the pages checked with tidy, the form kept on errors, the
 * PDF judged by its bytes, deletion confirmed first, the list's CSV and XLSX and the
 * committee's report as XLSX opened. Layer: tests. Runs the real `indgang serve` on a demo
 * database (harness.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "harness.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

static struct harness_server *srv;
static struct harness_client *anon, *admin, *kolding, *job, *indkoeb, *owner, *silkeborg;
static long long mine;   /* Kolding's strategy made by creating() */
static char today[11];

static long long id_of(struct harness_resp *r)
{
	return (long long)json_integer_value(json_object_get(harness_json(r), "id"));
}

static void start(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
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

/* the goal of strategy body whose metric is metric, or NULL */
static json_t *goal_of(json_t *strategy, const char *metric)
{
	size_t i;
	json_t *g;
	json_array_foreach(json_object_get(strategy, "goals"), i, g) {
		const char *m = harness_json_str(g, "metric");
		if (m && !strcmp(m, metric))
			return g;
	}
	return NULL;
}

static long long current_of(struct harness_client *c, long long id, const char *metric)
{
	struct harness_resp *r = harness_get(c, harness_fmt("/api/v1/strategies/%lld", id));
	json_t *g = r->status == 200 ? goal_of(harness_json(r), metric) : NULL;
	return g ? (long long)json_integer_value(json_object_get(g, "current")) : -1;
}

static struct harness_resp *del(struct harness_client *c, const char *path)
{
	struct harness_req q = {.method = "DELETE", .path = path};
	return harness_send(c, &q);
}

/* ---------------------------------------------------------------- the demo */

static void demo(void)
{
	/* Silkeborg's and Kolding's are public, Slagelse's business case is not */
	struct harness_resp *l = harness_get(anon, "/api/v1/strategies");
	CHECK_STATUS(l, 200);
	CHECK_HAS(l->body, "Strategi for socialøkonomiske virksomheder 2020");
	CHECK_HAS(l->body, "Kolding");
	CHECK_LACKS(l->body, "Business case");
	CHECK(json_integer_value(json_object_get(harness_json(l), "total")) == 2);
	struct harness_resp *a = harness_get(admin, "/api/v1/strategies");
	CHECK(json_integer_value(json_object_get(harness_json(a), "total")) == 3);
	struct harness_resp *s = harness_get(anon, "/api/v1/strategies/1");
	CHECK_STATUS(s, 200);
	json_t *j = harness_json(s);
	CHECK_STR(harness_json_str(j, "kommune"), "740");
	CHECK(json_array_size(json_object_get(j, "goals")) == 3);
	json_t *rsv = goal_of(j, "new_rsv_registered");
	CHECK(rsv && json_integer_value(json_object_get(rsv, "target")) == 20);
	CHECK(json_integer_value(json_object_get(rsv, "baseline")) == 0);
	CHECK(json_is_number(json_object_get(rsv, "progress")));
	CHECK(json_is_boolean(json_object_get(rsv, "on_track")));
	json_t *series = json_object_get(rsv, "series");
	CHECK(json_array_size(series) > 12);
	CHECK_STR(harness_json_str(json_array_get(series, 0), "month"), "2015-01");
	CHECK(goal_of(j, "inhouse_companies") && goal_of(j, "positions"));
	/* Kolding's ten attracted enterprises by the end of 2015 */
	struct harness_resp *k = harness_get(anon, "/api/v1/strategies/2");
	CHECK_STATUS(k, 200);
	json_t *att = goal_of(harness_json(k), "attracted");
	CHECK(att && json_integer_value(json_object_get(att, "target")) == 10);
	CHECK_STR(harness_json_str(att, "deadline"), "2015-12-31");
	/* Slagelse's: its own staff and the administrator; nobody else */
	CHECK_STATUS(harness_get(anon, "/api/v1/strategies/3"), 404);
	CHECK_STATUS(harness_get(kolding, "/api/v1/strategies/3"), 403);
	CHECK_STATUS(harness_get(owner, "/api/v1/strategies/3"), 403);
	struct harness_resp *sl = harness_get(admin, "/api/v1/strategies/3");
	CHECK_STATUS(sl, 200);
	CHECK(goal_of(harness_json(sl), "fleksjob"));
	CHECK_STATUS(harness_get(anon, "/api/v1/strategies/999999"), 404);
}

/* Silkeborg's 2020 goal counts an enterprise registered today through the registry's API */
static void live_value(void)
{
	long long before = current_of(silkeborg, 1, "new_rsv_registered");
	CHECK(before >= 0);
	struct harness_resp *e = harness_post_json(silkeborg, "/api/v1/enterprises", harness_fmt(
		"{\"name\": \"Strategiprøvens Værksted\", \"kommune\": \"740\", \"kind\": \"soev\","
		" \"established\": \"%s\", \"rsv_registered\": \"%s\"}", today, today));
	CHECK_STATUS(e, 201);
	CHECK(current_of(silkeborg, 1, "new_rsv_registered") == before + 1);
	CHECK(current_of(anon, 1, "new_rsv_registered") == before + 1);
	/* a company registered the same day is no SØV; nor is an enterprise of Kolding */
	CHECK_STATUS(harness_post_json(silkeborg, "/api/v1/enterprises", harness_fmt(
		"{\"name\": \"Strategiprøvens Firma\", \"kommune\": \"740\", \"kind\": \"company\","
		" \"established\": \"%s\", \"rsv_registered\": \"%s\"}", today, today)), 201);
	CHECK_STATUS(harness_post_json(kolding, "/api/v1/enterprises", harness_fmt(
		"{\"name\": \"Koldings Strategiprøve\", \"kommune\": \"621\", \"kind\": \"soev\","
		" \"established\": \"%s\", \"rsv_registered\": \"%s\"}", today, today)), 201);
	CHECK(current_of(silkeborg, 1, "new_rsv_registered") == before + 1);
	/* its series ends with today's month at the new value */
	struct harness_resp *r = harness_get(anon, "/api/v1/strategies/1");
	json_t *series = json_object_get(goal_of(harness_json(r), "new_rsv_registered"), "series");
	json_t *last = json_array_get(series, json_array_size(series) - 1);
	CHECKF(!strncmp(harness_json_str(last, "month") ? harness_json_str(last, "month") : "", today, 7),
	       "the series ends in %s", harness_json_str(last, "month"));
	CHECK(json_integer_value(json_object_get(last, "value")) == before + 1);
}

/* ---------------------------------------------------------------- creating */

static void creating(void)
{
	const char *body = "{\"kommune\": \"621\", \"title\": \"Koldings <script>\\\"strategi\\\"</script>\","
	                   " \"adopted_by\": \"Byrådet\", \"period_start\": \"2026-01-01\","
	                   " \"period_end\": \"2028-12-31\", \"link\": \"https://kolding.example/strategi\"}";
	CHECK_STATUS(harness_post_json(silkeborg, "/api/v1/strategies", body), 403);
	CHECK_STATUS(harness_post_json(indkoeb, "/api/v1/strategies", body), 403);
	CHECK_STATUS(harness_post_json(owner, "/api/v1/strategies", body), 403);
	CHECK_STATUS(harness_post_json(anon, "/api/v1/strategies", body), 401);
	struct harness_resp *r = harness_post_json(kolding, "/api/v1/strategies", body);
	CHECK_STATUS(r, 201);
	mine = id_of(r);
	CHECK(mine > 0);
	CHECK(json_is_false(json_object_get(harness_json(r), "public")));
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/strategies",
	                                  "{\"title\": \" \", \"period_start\": \"2026-01-01\","
	                                  " \"period_end\": \"2026-12-31\"}"), 422, "invalid", "title");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/strategies",
	                                  "{\"title\": \"x\", \"period_start\": \"2026-01-01\","
	                                  " \"period_end\": \"2025-12-31\"}"), 422, "invalid", "period_end");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/strategies",
	                                  "{\"title\": \"x\", \"period_start\": \"2026-01-01\","
	                                  " \"period_end\": \"2026-12-31\", \"link\": \"javascript:alert(1)\"}"),
	                422, "invalid", "link");
	/* goals: 422 naming metric, target and deadline */
	const char *goals = harness_fmt("/api/v1/strategies/%lld/goals", mine);
	CHECK_API_ERROR(harness_post_json(kolding, goals,
	                                  "{\"title\": \"x\", \"metric\": \"findes_ikke\", \"baseline_date\":"
	                                  " \"2026-01-01\", \"target\": 5, \"deadline\": \"2028-12-31\"}"),
	                422, "invalid", "metric");
	CHECK_API_ERROR(harness_post_json(kolding, goals,
	                                  "{\"title\": \"x\", \"metric\": \"established\", \"baseline_date\":"
	                                  " \"2026-01-01\", \"target\": 0, \"deadline\": \"2028-12-31\"}"),
	                422, "invalid", "target");
	CHECK_API_ERROR(harness_post_json(kolding, goals,
	                                  "{\"title\": \"x\", \"metric\": \"established\", \"baseline_date\":"
	                                  " \"2026-01-01\", \"target\": -3, \"deadline\": \"2028-12-31\"}"),
	                422, "invalid", "target");
	CHECK_API_ERROR(harness_post_json(kolding, goals,
	                                  "{\"title\": \"x\", \"metric\": \"established\", \"baseline_date\":"
	                                  " \"2026-01-01\", \"target\": 5, \"deadline\": \"2025-12-31\"}"),
	                422, "invalid", "deadline");
	CHECK_STATUS(harness_post_json(silkeborg, goals,
	                               "{\"title\": \"x\", \"metric\": \"established\", \"baseline_date\":"
	                               " \"2026-01-01\", \"target\": 5, \"deadline\": \"2028-12-31\"}"), 403);
	struct harness_resp *g = harness_post_json(job, goals,
	                                           "{\"title\": \"Nye SØV\", \"metric\": \"new_rsv_registered\","
	                                           " \"baseline_date\": \"2026-01-01\", \"target\": 5,"
	                                           " \"deadline\": \"2028-12-31\"}");
	CHECK_STATUS(g, 201);
	/* the enterprise registered in live_value() is Kolding's too */
	CHECK(json_integer_value(json_object_get(harness_json(g), "current")) >= 1);
	struct harness_resp *sp = harness_post_json(kolding, goals,
	                                            "{\"title\": \"Køb hos SØV\", \"metric\": \"soev_spend\","
	                                            " \"baseline_date\": \"2026-01-01\", \"target\": \"250000,50\","
	                                            " \"deadline\": \"2028-12-31\"}");
	CHECK_STATUS(sp, 201);
	CHECK_STR(harness_json_str(harness_json(sp), "target"), "250000.50");
	CHECK_STR(harness_json_str(harness_json(sp), "current"), "0.00");
	/* PATCH of a goal: the target; of the strategy: made public */
	CHECK_STATUS(harness_patch_json(kolding, harness_fmt("/api/v1/strategies/%lld/goals/%lld", mine, id_of(g)),
	                                "{\"target\": 8}"), 200);
	CHECK_API_ERROR(harness_patch_json(kolding, harness_fmt("/api/v1/strategies/%lld/goals/%lld", mine, id_of(g)),
	                                   "{\"target\": 0}"), 422, "invalid", "target");
	CHECK_STATUS(harness_patch_json(silkeborg, harness_fmt("/api/v1/strategies/%lld/goals/%lld", mine, id_of(g)),
	                                "{\"target\": 9}"), 403);
	CHECK_STATUS(del(silkeborg, harness_fmt("/api/v1/strategies/%lld/goals/%lld", mine, id_of(sp))), 403);
	CHECK_STATUS(del(kolding, harness_fmt("/api/v1/strategies/%lld/goals/%lld", mine, id_of(sp))), 204);
	CHECK_STATUS(harness_patch_json(indkoeb, harness_fmt("/api/v1/strategies/%lld", mine), "{\"public\": true}"), 403);
	CHECK_STATUS(harness_patch_json(silkeborg, harness_fmt("/api/v1/strategies/%lld", mine), "{\"public\": true}"), 403);
	/* not public yet: the indkøber reads, other municipalities and the public do not */
	CHECK_STATUS(harness_get(indkoeb, harness_fmt("/api/v1/strategies/%lld", mine)), 200);
	CHECK_STATUS(harness_get(silkeborg, harness_fmt("/api/v1/strategies/%lld", mine)), 403);
	CHECK_STATUS(harness_get(anon, harness_fmt("/api/v1/strategies/%lld", mine)), 404);
	CHECK_STATUS(harness_patch_json(kolding, harness_fmt("/api/v1/strategies/%lld", mine), "{\"public\": true}"), 200);
	CHECK_STATUS(harness_get(silkeborg, harness_fmt("/api/v1/strategies/%lld", mine)), 200);
	CHECK_STATUS(harness_get(anon, harness_fmt("/api/v1/strategies/%lld", mine)), 200);
	/* audited */
	const char *audit = NULL;
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, "audit", "--entity", "strategy", NULL) == 0);
	audit = out ? out : "";
	CHECK_HAS(audit, "goal_create");
	CHECK_HAS(audit, "goal_delete");
}

static void manual_values(void)
{
	struct harness_resp *g = harness_post_json(kolding, harness_fmt("/api/v1/strategies/%lld/goals", mine),
	                                           "{\"title\": \"Borgere i job efter forløb\", \"metric\": \"manual\","
	                                           " \"baseline_date\": \"2026-01-01\", \"target\": 40,"
	                                           " \"deadline\": \"2028-12-31\"}");
	CHECK_STATUS(g, 201);
	long long gid = id_of(g);
	const char *values = harness_fmt("/api/v1/goals/%lld/values", gid);
	CHECK_STATUS(harness_post_json(job, values, harness_fmt("{\"date\": \"%s\", \"value\": 12}", today)), 201);
	CHECK_API_ERROR(harness_post_json(job, values, "{\"date\": \"2026-02-30\", \"value\": 1}"), 422,
	                "invalid", "date");
	CHECK_API_ERROR(harness_post_json(job, values, "{\"date\": \"2026-02-01\", \"value\": \"x\"}"), 422,
	                "invalid", "value");
	CHECK_STATUS(harness_post_json(silkeborg, values, "{\"date\": \"2026-02-01\", \"value\": 1}"), 403);
	CHECK_STATUS(harness_post_json(indkoeb, values, "{\"date\": \"2026-02-01\", \"value\": 1}"), 403);
	/* a counted goal takes no values */
	json_t *rsv = goal_of(harness_json(harness_get(kolding, harness_fmt("/api/v1/strategies/%lld", mine))),
	                      "new_rsv_registered");
	CHECK(rsv);
	CHECK_API_ERROR(harness_post_json(kolding, harness_fmt("/api/v1/goals/%lld/values",
	                                                       (long long)json_integer_value(json_object_get(rsv, "id"))),
	                                  "{\"date\": \"2026-02-01\", \"value\": 1}"), 422, "invalid", "metric");
	CHECK(current_of(kolding, mine, "manual") == 12);
	struct harness_resp *l = harness_get(indkoeb, values);
	CHECK_STATUS(l, 200);
	json_t *first = json_array_get(json_object_get(harness_json(l), "items"), 0);
	CHECK(json_integer_value(json_object_get(first, "value")) == 12);
	CHECK(harness_json_str(first, "entered_by") && *harness_json_str(first, "entered_by"));
	CHECK(harness_json_str(first, "entered_at"));
}

/* positions of people: Kolding's one placement of the demo is "<3" to the public */
static void masked_counts(void)
{
	CHECK_STATUS(harness_post_json(kolding, harness_fmt("/api/v1/strategies/%lld/goals", mine),
	                               "{\"title\": \"Stillinger\", \"metric\": \"positions\","
	                               " \"baseline_date\": \"2026-01-01\", \"target\": 50,"
	                               " \"deadline\": \"2028-12-31\"}"), 201);
	long long own = current_of(indkoeb, mine, "positions");
	CHECK(own >= 0);
	struct harness_resp *r = harness_get(anon, harness_fmt("/api/v1/strategies/%lld", mine));
	json_t *g = goal_of(harness_json(r), "positions");
	CHECK(g);
	if (own >= 1 && own <= 2) {
		CHECK_STR(harness_json_str(g, "current"), "<3");
		CHECK(json_is_null(json_object_get(g, "progress")));
		CHECK_HAS(harness_get(anon, harness_fmt("/strategier/%lld", mine))->body, "&lt;3");
	}
	else
		CHECK(json_integer_value(json_object_get(g, "current")) == own);
}

/* ---------------------------------------------------------------- pages */

static void pages(void)
{
	struct harness_resp *l = harness_get(anon, "/strategier");
	CHECK_OK(page_problem(l, 200));
	CHECK_HAS(l->body, "Strategi for socialøkonomiske virksomheder 2020");
	CHECK_LACKS(l->body, "Business case");
	CHECK_OK(page_problem(harness_get(anon, "/strategier?kommune=740"), 200));
	struct harness_resp *one = harness_get(anon, "/strategier/1");
	CHECK_OK(page_problem(one, 200));
	CHECK_HAS(one->body, "<progress");
	CHECK_HAS(one->body, "Lige linje mod målet");
	CHECK_LACKS(one->body, "Tilføj et mål");
	CHECK_OK(page_problem(harness_get(anon, "/strategier/3"), 404));
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	CHECK_OK(page_problem(harness_get(web, "/strategier/3"), 403));
	struct harness_resp *own = harness_get(web, harness_fmt("/strategier/%lld", mine));
	CHECK_OK(page_problem(own, 200));
	CHECK_HAS(own->body, "Tilføj et mål");
	CHECK_HAS(own->body, "Registrér en værdi");
	CHECK_LACKS(own->body, "<script>\"strategi");
	CHECK_OK(page_problem(harness_get(web, "/strategier/ny"), 200));
	/* a new strategy with errors: 422, the message at its field, what was typed kept */
	const char *csrf = harness_client_csrf(web);
	struct harness_resp *bad = harness_post_form(web, "/strategier",
		harness_form("csrf", csrf, "title", "Min strategi æøå", "period_start", "2026-01-01",
		             "period_end", "2025-01-01", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "Periodens slutning må ikke ligge før dens start.");
	CHECK_HAS(bad->body, "value=\"Min strategi æøå\"");
	struct harness_resp *ok = harness_post_form(web, "/strategier",
		harness_form("csrf", csrf, "title", "Sidens strategi", "period_start", "2026-01-01",
		             "period_end", "2027-12-31", NULL));
	CHECK_STATUS(ok, 303);
	const char *loc = harness_header(ok, "Location");
	CHECK(loc && !strncmp(loc, "/strategier/", 12));
	long long sid = strtoll(loc + 12, NULL, 10);
	/* a goal through the page: an unknown metric keeps the form */
	struct harness_resp *gb = harness_post_form(web, harness_fmt("/strategier/%lld", sid),
		harness_form("csrf", csrf, "action", "goal_add", "goal_title", "Møder", "goal_metric", "",
		             "goal_baseline_date", "2026-01-01", "goal_target", "4", "goal_deadline", "2026-12-31",
		             NULL));
	CHECK_OK(page_problem(gb, 422));
	CHECK_HAS(gb->body, "value=\"Møder\"");
	CHECK_STATUS(harness_post_form(web, harness_fmt("/strategier/%lld", sid),
		harness_form("csrf", csrf, "action", "goal_add", "goal_title", "Møder", "goal_metric",
		             "network_meetings", "goal_baseline_date", "2026-01-01", "goal_target", "4",
		             "goal_deadline", "2026-12-31", NULL)), 303);
	/* the indkøber reads, writes nothing */
	struct harness_client *buyer = harness_login(srv, "indkoeb@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(buyer);
	struct harness_resp *bp = harness_get(buyer, harness_fmt("/strategier/%lld", sid));
	CHECK_OK(page_problem(bp, 200));
	CHECK_LACKS(bp->body, "Tilføj et mål");
	CHECK_STATUS(harness_post_form(buyer, harness_fmt("/strategier/%lld", sid),
		harness_form("csrf", harness_client_csrf(buyer), "action", "delete", "confirm", "1", NULL)), 403);
	/* the report for the committee */
	struct harness_resp *rep = harness_get(anon, "/strategier/1/rapport");
	CHECK_OK(page_problem(rep, 200));
	CHECK_HAS(rep->body, "Statusrapport");
	/* deletion is confirmed first */
	struct harness_resp *ask = harness_post_form(web, harness_fmt("/strategier/%lld", sid),
		harness_form("csrf", csrf, "action", "delete", NULL));
	CHECK_OK(page_problem(ask, 200));
	CHECK_HAS(ask->body, "Ja, slet strategien");
	CHECK_STATUS(harness_get(web, harness_fmt("/api/v1/strategies/%lld", sid)), 200);
	struct harness_resp *gone = harness_post_form(web, harness_fmt("/strategier/%lld", sid),
		harness_form("csrf", csrf, "action", "delete", "confirm", "1", NULL));
	CHECK_STATUS(gone, 303);
	struct harness_resp *after = harness_get(web, harness_header(gone, "Location"));
	CHECK_OK(page_problem(after, 200));
	CHECK_HAS(after->body, "Strategien er slettet.");
	CHECK_STATUS(harness_get(kolding, harness_fmt("/api/v1/strategies/%lld", sid)), 404);
}

/* a multipart/form-data body of csrf and the file document (data[0..len)) */
static struct harness_resp *upload(struct harness_client *c, long long id, const char *csrf,
                                   const char *data, size_t len)
{
	const char *head = harness_fmt(
		"--XyZzY\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n"
		"--XyZzY\r\nContent-Disposition: form-data; name=\"document\"; filename=\"strategi.pdf\"\r\n"
		"Content-Type: application/pdf\r\n\r\n", csrf);
	const char *tail = "\r\n--XyZzY--\r\n";
	size_t n = strlen(head) + len + strlen(tail);
	char *body = harness_fmt("%*s", (int)n, "");
	memcpy(body, head, strlen(head));
	memcpy(body + strlen(head), data, len);
	memcpy(body + strlen(head) + len, tail, strlen(tail));
	struct harness_req q = {.method = "POST", .path = harness_fmt("/strategier/%lld/dokument", id),
	                        .type = "multipart/form-data; boundary=XyZzY", .body = body, .len = n};
	return harness_send(c, &q);
}

static void document(void)
{
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	const char *csrf = harness_client_csrf(web);
	/* declared a PDF, but a picture: refused by its bytes, the message at the field */
	const char *gif = "GIF89a\x01\x00\x01\x00";
	struct harness_resp *bad = upload(web, mine, csrf, gif, 10);
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "aria-invalid");
	static const char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\nxref\n0 1\n0000000000 65535 f \n"
	                          "trailer<<>>\nstartxref\n9\n%%EOF\n";
	CHECK_STATUS(upload(web, mine, csrf, pdf, sizeof pdf - 1), 303);
	struct harness_resp *d = harness_get(anon, harness_fmt("/strategier/%lld/dokument.pdf", mine));
	CHECK_STATUS(d, 200);
	CHECK_STR(harness_header(d, "Content-Type"), "application/pdf");
	CHECK(d->len == sizeof pdf - 1 && !memcmp(d->body, pdf, d->len));
	struct harness_resp *j = harness_get(anon, harness_fmt("/api/v1/strategies/%lld", mine));
	CHECK_STR(harness_json_str(harness_json(j), "document_url"),
	          harness_fmt("/strategier/%lld/dokument.pdf", mine));
	/* over 10 MB: 413 */
	size_t big = 10u * 1024u * 1024u + 10u;
	char *huge = calloc(big, 1);
	CHECK(huge);
	memcpy(huge, pdf, sizeof pdf - 1);
	struct harness_resp *tb = upload(web, mine, csrf, huge, big);
	free(huge);
	CHECK_STATUS(tb, 413);
	/* Silkeborg's konsulent may not upload to Kolding's strategy */
	struct harness_client *other = harness_login(srv, "konsulent@silkeborg.example", HARNESS_DEMO_PASSWORD);
	CHECK(other);
	CHECK_STATUS(upload(other, mine, harness_client_csrf(other), pdf, sizeof pdf - 1), 403);
	/* through the API: the PDF itself as the body */
	const char *api = harness_fmt("/api/v1/strategies/%lld/document?filename=ny.pdf", mine);
	struct harness_req put = {.method = "PUT", .path = api, .type = "application/pdf", .body = pdf,
	                          .len = sizeof pdf - 1};
	CHECK_STATUS(harness_send(kolding, &put), 200);
	put.body = gif;
	put.len = 10;
	CHECK_API_ERROR(harness_send(kolding, &put), 422, "invalid", "document");
	put.type = "image/gif";
	CHECK_STATUS(harness_send(kolding, &put), 415);
	put.type = "application/pdf";
	put.body = pdf;
	put.len = sizeof pdf - 1;
	CHECK_STATUS(harness_send(silkeborg, &put), 403);
	CHECK_STATUS(harness_send(indkoeb, &put), 403);
	/* none for Slagelse's strategy, and not to the public */
	CHECK_STATUS(harness_get(anon, "/strategier/3/dokument.pdf"), 404);
}

/* ---------------------------------------------------------------- downloads */

static uint32_t le16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
	return le16(p) | le16(p + 2) << 16;
}

/* the member name of the zip r->body, inflated, or NULL */
static const char *zip_entry(const struct harness_resp *r, const char *name)
{
	static char inflated[4 << 20];
	const unsigned char *z = (const unsigned char *)r->body;
	size_t len = r->len;
	if (len < 22 || memcmp(z, "PK\x03\x04", 4))
		return NULL;
	size_t eocd = len - 22;
	while (eocd > 0 && le32(z + eocd) != 0x06054b50)
		eocd--;
	uint32_t count = le16(z + eocd + 10), at = le32(z + eocd + 16);
	for (uint32_t i = 0; i < count && at + 46 <= len && le32(z + at) == 0x02014b50; i++) {
		uint32_t method = le16(z + at + 10), csize = le32(z + at + 20), usize = le32(z + at + 24);
		uint32_t nlen = le16(z + at + 28), elen = le16(z + at + 30), clen = le16(z + at + 32);
		uint32_t local = le32(z + at + 42);
		if (nlen == strlen(name) && !memcmp(z + at + 46, name, nlen)) {
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

static void downloads(void)
{
	struct harness_resp *x = harness_get(anon, "/strategier/1/rapport.xlsx");
	CHECK_STATUS(x, 200);
	CHECK_STR(harness_header(x, "Content-Type"), XLSX_TYPE);
	const char *wb = zip_entry(x, "xl/workbook.xml");
	CHECKF(wb, "the report is no workbook");
	CHECK_HAS(wb, "<sheet name=\"Mål\"");
	CHECK_HAS(wb, "<sheet name=\"Måneder\"");
	const char *strings = zip_entry(x, "xl/sharedStrings.xml");
	CHECK(strings);
	CHECK_HAS(strings, "20 virksomheder har anvendt Inhouse-modellen");
	CHECK_STATUS(harness_get(anon, "/strategier/3/rapport.xlsx"), 404);
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	CHECK_STATUS(harness_get(web, "/strategier/3/rapport.xlsx"), 403);
	/* pages take no bearer tokens: the administrator signs in */
	struct harness_client *nat = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	CHECK(nat);
	CHECK_STATUS(harness_get(nat, "/strategier/3/rapport.xlsx"), 200);
	/* the list as filtered: CSV with ';' and a BOM, ?sep=, for machines, and XLSX */
	struct harness_resp *c = harness_get(anon, "/strategier/eksport?format=csv&kommune=740");
	CHECK_STATUS(c, 200);
	CHECK(c->len > 3 && !memcmp(c->body, "\xEF\xBB\xBF", 3));
	CHECK_HAS(c->body, "id;kommune;kommune_navn;titel");
	CHECK_HAS(c->body, "Strategi for socialøkonomiske virksomheder 2020");
	CHECK_LACKS(c->body, "Kolding");
	struct harness_resp *m = harness_get(anon, "/strategier/eksport?format=csv&sep=,");
	CHECK_HAS(m->body, "id,kommune,kommune_navn,titel");
	struct harness_resp *lx = harness_get(nat, "/strategier/eksport?format=xlsx");
	CHECK_STATUS(lx, 200);
	const char *ls = zip_entry(lx, "xl/sharedStrings.xml");
	CHECK(ls);
	CHECK_HAS(ls, "Business case om socialøkonomiske virksomheder");
	struct harness_resp *la = harness_get(anon, "/strategier/eksport?format=xlsx");
	const char *pub = zip_entry(la, "xl/sharedStrings.xml");
	CHECK(pub);
	CHECK_LACKS(pub, "Business case");
}

/* indgang strategies report: the same report from the command line, counts exact */
static void command_line(void)
{
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, "strategies", "report", "--id", "1", "--format", "json",
	                  "--date", "2016-06-30", NULL) == 0);
	json_error_t err;
	json_t *j = json_loads(out ? out : "", 0, &err);
	CHECKF(j, "not JSON: %s", err.text);
	CHECK_STR(harness_json_str(j, "today"), "2016-06-30");
	CHECK(json_array_size(json_object_get(j, "goals")) == 3);
	json_t *rsv = goal_of(j, "new_rsv_registered");
	CHECK(rsv && json_array_size(json_object_get(rsv, "series")) == 18);
	json_decref(j);
	const char *file = harness_server_path(srv, "rapport.xlsx");
	CHECK(harness_cli(srv, NULL, NULL, "strategies", "report", "--id", "3", "--format", "xlsx",
	                  "--output", file, NULL) == 0);
	FILE *f = fopen(file, "rb");
	CHECK(f);
	char head[4] = {0};
	size_t got = fread(head, 1, 4, f);
	fclose(f);
	CHECK(got == 4 && !memcmp(head, "PK\x03\x04", 4));
	CHECK(harness_cli(srv, NULL, &out, "strategies", "report", "--id", "2", NULL) == 0);
	CHECK_HAS(out, "<title>Statusrapport: Strategi for socialøkonomi");
	CHECK(harness_cli(srv, NULL, NULL, "strategies", "report", "--id", "999999", NULL) == 1);
	CHECK(harness_cli(srv, NULL, NULL, "strategies", "report", "--id", "1", "--format", "pdf", NULL) == 2);
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database", start, HARNESS_FATAL | HARNESS_KEEP},
	{"the demo holds the strategies of Silkeborg, Kolding and Slagelse", demo, 0},
	{"Silkeborg's goal rises when a SØV is registered through the registry", live_value, 0},
	{"strategies and goals are created and changed by their own municipality, 422 by field", creating, 0},
	{"manual goals take dated values with who and when", manual_values, 0},
	{"counts of people are \"<3\" to the public", masked_counts, 0},
	{"the pages: list, strategy, new, forms kept on errors, confirmed deletion", pages, 0},
	{"the strategy's PDF is judged by its bytes and capped", document, 0},
	{"the report and the list download as XLSX and CSV", downloads, 0},
	{"indgang strategies report writes HTML, XLSX and JSON", command_line, 0},
	{"the server stops cleanly", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
