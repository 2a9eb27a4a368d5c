/*
 * test_matching.c — a municipality's matching weights over real HTTP, for each role: the API
 * (GET and PUT /api/v1/matching/weights: 401, 403, 404, 415, 422 naming the factor, the saved
 * weights and their audit line) and the page (/matchning/vaegte: the form, its 422 with the
 * values as typed, saving and "Nulstil til standard", the administrator's choice of
 * municipality, the menu item only for those who may use it, a post without its CSRF token).
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define WEIGHTS_API "/api/v1/matching/weights"
#define WEIGHTS_PAGE "/matchning/vaegte"

static struct harness_server *srv;
/* bearer tokens */
static struct harness_client *anon, *admin, *kons, *job, *indk, *virk, *silk;
/* signed in through the form */
static struct harness_client *kons_s, *job_s, *indk_s, *admin_s;

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	admin = harness_bearer(srv, "admin@indgang.example");
	kons = harness_bearer(srv, "konsulent@kolding.example");
	job = harness_bearer(srv, "job@kolding.example");
	indk = harness_bearer(srv, "indkoeb@kolding.example");
	virk = harness_bearer(srv, "virksomhed@kolding.example");
	silk = harness_bearer(srv, "konsulent@silkeborg.example");
	CHECKF(admin && kons && job && indk && virk && silk, "'indgang token create' failed");
	kons_s = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	job_s = harness_login(srv, "job@kolding.example", HARNESS_DEMO_PASSWORD);
	indk_s = harness_login(srv, "indkoeb@kolding.example", HARNESS_DEMO_PASSWORD);
	admin_s = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	CHECKF(kons_s && job_s && indk_s && admin_s, "a demo user could not sign in");
}

static void stop(void)
{
	int st = harness_server_stop(srv);
	CHECKF(st == 0, "indgang serve exited with status %d after SIGTERM", st);
	CHECK_OK(harness_server_log_problem(srv));
}

static struct harness_resp *put(struct harness_client *c, const char *path, const char *body)
{
	return harness_send(c, &(struct harness_req){.method = "PUT", .path = path,
	                                              .type = "application/json", .body = body});
}

/* the weight of factor in a weights answer, or -1 */
static long long weight(struct harness_resp *r, const char *member, const char *factor)
{
	json_t *w = json_object_get(json_object_get(harness_json(r), member), factor);
	return json_is_integer(w) ? (long long)json_integer_value(w) : -1;
}

/* ---------------------------------------------------------------- the API */

static void api_get_by_role(void)
{
	struct harness_resp *r = harness_get(kons, WEIGHTS_API);
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "kommune"), "621");
	CHECK(weight(r, "weights", "tasks") == 30 && weight(r, "defaults", "recency") == 15);
	CHECK(json_is_false(json_object_get(harness_json(r), "custom")));
	long long sum = 0;
	const char *key;
	json_t *v;
	json_object_foreach(json_object_get(harness_json(r), "defaults"), key, v)
		sum += json_integer_value(v);
	CHECKF(sum == 100, "the defaults sum to %lld", sum);
	CHECK_STATUS(harness_get(job, WEIGHTS_API), 200);
	CHECK_STATUS(harness_get(job, WEIGHTS_API "?kommune=621"), 200);
	CHECK_STATUS(harness_get(admin, WEIGHTS_API "?kommune=740"), 200);
	CHECK_API_ERROR(harness_get(admin, WEIGHTS_API), 422, "invalid", "kommune");
	CHECK_API_ERROR(harness_get(admin, WEIGHTS_API "?kommune=999"), 404, "not_found", NULL);
	CHECK_API_ERROR(harness_get(indk, WEIGHTS_API), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_get(virk, WEIGHTS_API), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_get(silk, WEIGHTS_API "?kommune=621"), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_get(job, WEIGHTS_API "?kommune=740"), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_get(anon, WEIGHTS_API), 401, "unauthorized", NULL);
}

static void api_put_saves(void)
{
	struct harness_resp *r = put(job, WEIGHTS_API, "{\"weights\": {\"tasks\": 60, \"inhouse\": 0}}");
	CHECK_STATUS(r, 200);
	CHECK(json_is_true(json_object_get(harness_json(r), "custom")));
	CHECK(weight(r, "weights", "tasks") == 60 && weight(r, "weights", "inhouse") == 0);
	CHECK(weight(r, "weights", "soev") == 10); /* not named: its default */
	/* the konsulent sees what the jobkonsulent saved; Silkeborg keeps the defaults */
	r = harness_get(kons, WEIGHTS_API);
	CHECK(weight(r, "weights", "tasks") == 60);
	r = harness_get(silk, WEIGHTS_API);
	CHECK(weight(r, "weights", "tasks") == 30);
	CHECK(json_is_false(json_object_get(harness_json(r), "custom")));
	/* the administrator sets Silkeborg's */
	r = put(admin, WEIGHTS_API "?kommune=740", "{\"weights\": {\"seats\": 40}}");
	CHECK_STATUS(r, 200);
	CHECK(weight(harness_get(silk, WEIGHTS_API), "weights", "seats") == 40);
	/* each change is in the audit log */
	r = harness_get(admin, "/api/v1/audit?entity=match_weights&limit=10");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "\"entity_id\":\"621\"");
	CHECK_HAS(r->body, "\"entity_id\":\"740\"");
	CHECK_HAS(r->body, "job@kolding.example");
	/* an empty object: the defaults, as the municipality's own */
	r = put(kons, WEIGHTS_API, "{\"weights\": {}}");
	CHECK_STATUS(r, 200);
	CHECK(weight(r, "weights", "tasks") == 30);
}

static void api_put_invalid(void)
{
	static const struct {
		const char *body, *field;
	} bad[] = {
		{"{\"weights\": {\"tasks\": 101}}", "tasks"},
		{"{\"weights\": {\"recency\": -1}}", "recency"},
		{"{\"weights\": {\"seats\": \"10\"}}", "seats"},
		{"{\"weights\": {\"soev\": 2.5}}", "soev"},
		{"{\"weights\": {\"afstand\": 10}}", "afstand"},
		{"{\"weights\": [30, 15]}", "weights"},
		{"{}", "weights"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_API_ERROR(put(kons, WEIGHTS_API, bad[i].body), 422, "invalid", bad[i].field);
	/* nothing was saved: what the last test left */
	struct harness_resp *r = harness_get(kons, WEIGHTS_API);
	CHECK(weight(r, "weights", "tasks") == 30 && weight(r, "weights", "recency") == 15);
	CHECK(weight(r, "weights", "seats") == 10 && weight(r, "weights", "soev") == 10);
	CHECK_API_ERROR(put(kons, WEIGHTS_API, "{\"weights\""), 400, "bad_json", NULL);
	CHECK_API_ERROR(harness_send(kons, &(struct harness_req){.method = "PUT", .path = WEIGHTS_API,
	                                                          .type = "text/plain", .body = "{}"}),
	                415, "unsupported_media_type", NULL);
	/* the access check comes before the body is read */
	CHECK_API_ERROR(put(indk, WEIGHTS_API, "{\"weights\": {\"x\": 1}}"), 403, "forbidden", NULL);
	CHECK_API_ERROR(put(silk, WEIGHTS_API "?kommune=621", "{\"weights\": {}}"), 403, "forbidden", NULL);
	CHECK_API_ERROR(put(admin, WEIGHTS_API, "{\"weights\": {}}"), 422, "invalid", "kommune");
	CHECK_API_ERROR(put(anon, WEIGHTS_API, "{\"weights\": {}}"), 401, "unauthorized", NULL);
}

/* ---------------------------------------------------------------- the page */

static const char *page_body(struct harness_client *c, const char *path, long want)
{
	struct harness_resp *r = harness_get(c, path);
	if (r->status != want)
		return NULL;
	return r->body;
}

static void page_form(void)
{
	struct harness_resp *r = harness_get(kons_s, WEIGHTS_PAGE);
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_SECURITY_HEADERS(r);
	CHECK_HAS(r->body, "Vægte for matchning · Kolding Kommune");
	CHECK_HAS(r->body, "name=\"tasks\"");
	CHECK_HAS(r->body, "name=\"recency\"");
	CHECK_HAS(r->body, "Nulstil til standard");
	CHECK_HAS(r->body, "Standard: 30.");
	CHECK_HAS(r->body, "name=\"csrf\"");
	/* the menu leads here */
	CHECK_HAS(r->body, "href=\"/matchning/vaegte\" aria-current=\"page\"");
	CHECK_STATUS(harness_get(job_s, WEIGHTS_PAGE), 200);
	CHECK_STATUS(harness_get(kons_s, WEIGHTS_PAGE "?kommune=740"), 403);
}

static void page_roles(void)
{
	/* a buyer neither reaches the page nor sees it in the menu */
	CHECK_STATUS(harness_get(indk_s, WEIGHTS_PAGE), 403);
	const char *home = page_body(indk_s, "/", 200);
	CHECK(home);
	CHECK_LACKS(home, "/matchning/vaegte");
	home = page_body(job_s, "/", 200);
	CHECK(home);
	CHECK_HAS(home, "href=\"/matchning/vaegte\"");
	home = page_body(anon, "/", 200);
	CHECK(home);
	CHECK_LACKS(home, "/matchning/vaegte");
	/* anonymous: to the sign-in form */
	struct harness_resp *r = harness_get(anon, WEIGHTS_PAGE);
	CHECK_STATUS(r, 303);
	CHECK(harness_header(r, "Location") && !strncmp(harness_header(r, "Location"), "/login?", 7));
	/* the administrator chooses a municipality first */
	r = harness_get(admin_s, WEIGHTS_PAGE);
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "<select id=\"f-kommune\" name=\"kommune\"");
	CHECK_LACKS(r->body, "name=\"tasks\"");
	r = harness_get(admin_s, WEIGHTS_PAGE "?kommune=740");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Silkeborg Kommune");
	CHECK_HAS(r->body, "name=\"tasks\"");
	CHECK_STATUS(harness_get(admin_s, WEIGHTS_PAGE "?kommune=999"), 404);
}

static const char *weights_form(struct harness_client *c, const char *kommune, const char *action,
                                const char *tasks)
{
	return harness_form("csrf", harness_client_csrf(c), "kommune", kommune, "action", action,
	                    "tasks", tasks, "targets", "15", "soev", "10", "adaptations", "15",
	                    "seats", "10", "inhouse", "5", "recency", "15", NULL);
}

static void page_post(void)
{
	/* a weight that is no number, and one out of range: 422, the form as typed */
	const char *body = harness_form("csrf", harness_client_csrf(job_s), "kommune", "621", "action",
	                                "save", "tasks", "<script>\"'&", "targets", "15", "soev", "10",
	                                "adaptations", "101", "seats", "10", "inhouse", "5", "recency",
	                                "15", NULL);
	struct harness_resp *r = harness_post_form(job_s, WEIGHTS_PAGE, body);
	CHECK_STATUS(r, 422);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Vægten for opgaver der passer skal være et helt tal fra 0 til 100.");
	CHECK_HAS(r->body, "Vægten for tilpasninger skal være et helt tal fra 0 til 100.");
	CHECK_HAS(r->body, "value=\"&lt;script&gt;&quot;&#39;&amp;\"");
	CHECK_LACKS(r->body, "<script>\"");
	CHECK_HAS(r->body, "value=\"101\"");
	CHECK_HAS(r->body, "aria-invalid=\"true\"");
	/* saved: back to the page, which says so and shows them */
	r = harness_post_form(job_s, WEIGHTS_PAGE, weights_form(job_s, "621", "save", "45"));
	CHECK_STATUS(r, 303);
	CHECK_STR(harness_header(r, "Location"), "/matchning/vaegte?kommune=621&ok=1");
	r = harness_get(job_s, "/matchning/vaegte?kommune=621&ok=1");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "Vægtene er gemt.");
	CHECK_HAS(r->body, "Kommunen har sine egne vægte.");
	CHECK_HAS(r->body, "value=\"45\"");
	CHECK(weight(harness_get(kons, WEIGHTS_API), "weights", "tasks") == 45);
	/* "Nulstil til standard" */
	r = harness_post_form(kons_s, WEIGHTS_PAGE, weights_form(kons_s, "621", "reset", "45"));
	CHECK_STATUS(r, 303);
	CHECK_STR(harness_header(r, "Location"), "/matchning/vaegte?kommune=621&ok=nulstillet");
	r = harness_get(kons_s, "/matchning/vaegte?kommune=621&ok=nulstillet");
	CHECK_HAS(r->body, "Vægtene er sat tilbage til standard.");
	CHECK_HAS(r->body, "Kommunen bruger standardvægtene.");
	r = harness_get(kons, WEIGHTS_API);
	CHECK(weight(r, "weights", "tasks") == 30);
	CHECK(json_is_false(json_object_get(harness_json(r), "custom")));
	/* another municipality's, and a form without its token */
	CHECK_STATUS(harness_post_form(kons_s, WEIGHTS_PAGE, weights_form(kons_s, "740", "save", "50")), 403);
	CHECK_STATUS(harness_post_form(kons_s, WEIGHTS_PAGE,
	                               harness_form("kommune", "621", "action", "reset", NULL)),
	             403);
	CHECK_STATUS(harness_post_form(indk_s, WEIGHTS_PAGE, weights_form(indk_s, "621", "reset", "1")), 403);
	/* the administrator saves Silkeborg's through the page */
	r = harness_post_form(admin_s, WEIGHTS_PAGE, weights_form(admin_s, "740", "save", "70"));
	CHECK_STATUS(r, 303);
	CHECK(weight(harness_get(silk, WEIGHTS_API), "weights", "tasks") == 70);
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database; tokens and sessions for each role", start,
	 HARNESS_FATAL | HARNESS_KEEP},
	{"GET the weights: konsulent and jobkonsulent their own, admin any named; others 403",
	 api_get_by_role, 0},
	{"PUT the weights saves them for the municipality only, audited; unnamed factors default",
	 api_put_saves, 0},
	{"PUT a weight out of range, of another type or an unknown factor answers 422 naming it",
	 api_put_invalid, 0},
	{"the weights page shows a labelled form with the defaults and is in the menu", page_form, 0},
	{"buyers, enterprises and the anonymous neither reach nor see the page; admin chooses",
	 page_roles, 0},
	{"posting the page: 422 as typed, saving, Nulstil til standard, 403 without token or access",
	 page_post, 0},
	{"the server stops on SIGTERM with status 0 and a clean log", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
