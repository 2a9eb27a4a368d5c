/*
 * test_pages.c — the HTML side over real HTTP: every page of the public site, of a konsulent and
 * of the administrator (and the openings' pages of a jobkonsulent) answers 200 with a document
 * tidy accepts and the security headers (CSP without 'unsafe-inline' and with frame-ancestors,
 * nosniff, Referrer-Policy); error pages too. Static files answer conditional GETs with 304.
 * Signing in and out: the redirect to /login?next=, the form after a wrong password, the session
 * cookie's flags, and logout ending the session for good.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"

static struct harness_server *srv;
static struct harness_client *anon;
static struct harness_client *konsulent; /* konsulent of 621, signed in through the form */
static struct harness_client *admin;
static struct harness_client *job;       /* jobkonsulent of 621 */

/* page_problem: NULL when GET path as c answers status with valid HTML and the security
 * headers, else why not */
static const char *page_problem(struct harness_client *c, const char *path, long status)
{
	struct harness_resp *r = harness_get(c, path);
	const char *why = harness_status_problem(r, status);
	if (!why)
		why = harness_html_problem(r);
	if (!why)
		why = harness_security_headers_problem(r);
	return why ? harness_fmt("GET %s: %s", path, why) : NULL;
}

static const char *resp_problem(const char *what, struct harness_resp *r, long status)
{
	const char *why = harness_status_problem(r, status);
	if (!why)
		why = harness_html_problem(r);
	if (!why)
		why = harness_security_headers_problem(r);
	return why ? harness_fmt("%s: %s", what, why) : NULL;
}

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	/* the counts below start from no openings, citizens or placements */
	CHECKF(harness_server_no_employment(srv) == 0, "the demo's employment rows were not removed");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	konsulent = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	admin = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	job = harness_login(srv, "job@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECKF(konsulent && admin && job, "signing in through the form failed");
}

static void stop(void)
{
	int st = harness_server_stop(srv);
	CHECKF(st == 0, "indgang serve exited with status %d after SIGTERM", st);
	CHECK_OK(harness_server_log_problem(srv));
}

/* ---------------------------------------------------------------- pages */

static void public_pages(void)
{
	static const char *const paths[] = {"/", "/login", "/kommuner"};
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		CHECK_OK(page_problem(anon, paths[i], 200));
	CHECK_HAS(harness_get(anon, "/kommuner")->body, "Kolding");
}

static void konsulent_pages(void)
{
	CHECK_OK(page_problem(konsulent, "/brugere", 200));
	CHECK_OK(page_problem(konsulent, "/brugere/ny", 200));
	/* the edit page of every account of the municipality, each role's form */
	struct harness_resp *r = harness_get(konsulent, "/api/v1/kommuner/621/users?limit=500");
	CHECK_STATUS(r, 200);
	json_t *items = json_object_get(harness_json(r), "items");
	CHECK(json_array_size(items) >= 4);
	size_t i;
	json_t *u;
	json_array_foreach(items, i, u) {
		long long id = (long long)json_integer_value(json_object_get(u, "id"));
		const char *path = harness_fmt("/brugere/%lld", id);
		CHECK_OK(page_problem(konsulent, path, 200));
		CHECK_HAS(harness_get(konsulent, path)->body, harness_json_str(u, "email"));
	}
	CHECK_HAS(harness_get(konsulent, "/brugere")->body, "job@kolding.example");
}

static void admin_pages(void)
{
	CHECK_OK(page_problem(admin, "/brugere?kommune=621", 200));
	CHECK_OK(page_problem(admin, "/brugere", 200));
	CHECK_OK(page_problem(admin, "/brugere/ny", 200));
	struct harness_resp *r = harness_get(admin, "/brugere?kommune=621");
	CHECK_HAS(r->body, "konsulent@kolding.example");
	CHECK_LACKS(r->body, "konsulent@silkeborg.example");
}

static void audit_page(void)
{
	CHECK_OK(page_problem(admin, "/admin/audit", 200));
	/* the sign-ins of start() are the newest entries of the log, each in a row of its own */
	struct harness_resp *r = harness_get(admin, "/admin/audit");
	CHECK_HAS(r->body, "<td title=\"login\">Logget ind</td>");
	/* the user signed in is named and linked to their page */
	CHECK_HAS(r->body, "<td title=\"user\"><a href=\"/brugere/");
	CHECK_HAS(r->body, "<td>job@kolding.example</td>");
	CHECK_LACKS(r->body, "<td>login</td>");
	CHECK_LACKS(r->body, "&lt;code&gt;");
}

/* the reports' pages: the overview and the lists behind it, the national view, the yearly
 * report and the survey report, for a konsulent and the administrator */
static void reports_pages(void)
{
	static const char *const paths[] = {
		"/kommuner/621/overblik", "/kommuner/621/overblik?year=2015",
		"/kommuner/621/overblik/henvendelser", "/kommuner/621/overblik/raadgivning?period=2015-11",
		"/kommuner/621/overblik/raadgivning?period=2015", "/statistik/landet",
		"/statistik/landet?year=2015&sort=henvendelser", "/statistik/aarsrapport",
		"/statistik/aarsrapport?year=2015&survey=soev-2015&round=november-2015&compare=projektstart",
		"/undersoegelser/soev-2015/november-2015/rapport"};
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		CHECK_OK(page_problem(konsulent, paths[i], 200));
		CHECK_OK(page_problem(admin, paths[i], 200));
	}
	CHECK_OK(page_problem(anon, "/statistik/tabel1?year=2015&kommune=621&column=established", 200));
	CHECK_OK(page_problem(admin, "/kommuner", 200));
}

/* the openings' pages of each staff role, with an opening of Kolding to show */
static void openings_pages(void)
{
	struct harness_client *api = harness_bearer(srv, "job@kolding.example");
	CHECK(api);
	struct harness_resp *e = harness_get(api, "/api/v1/enterprises?q=soul&kommune=621");
	long long enterprise = (long long)json_integer_value(
		json_object_get(json_array_get(json_object_get(harness_json(e), "items"), 0), "id"));
	CHECK(enterprise > 0);
	struct harness_resp *r = harness_post_json(api, "/api/v1/openings", harness_json_text(json_pack(
		"{s:I, s:s, s:[s], s:[s], s:i, s:i, s:[s], s:[s], s:i, s:s}", "enterprise_id",
		(json_int_t)enterprise, "title", "Sidetjek", "tasks", "kantine", "schemes", "fleksjob",
		"hours_min", 15, "hours_max", 25, "times", "dag", "adaptations", "rolige_omgivelser", "seats", 1,
		"description", "Æøå <b>fed</b>")));
	CHECK_STATUS(r, 201);
	long long id = (long long)json_integer_value(json_object_get(harness_json(r), "id"));
	const char *paths[] = {"/stillinger", "/stillinger?status=closed", "/stillinger/ny",
	                       harness_fmt("/stillinger/%lld", id), harness_fmt("/stillinger/%lld/rediger", id),
	                       harness_fmt("/virksomheder/%lld", enterprise)};
	struct harness_client *who[] = {konsulent, admin, job};
	for (size_t w = 0; w < 3; w++)
		for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
			CHECK_OK(page_problem(who[w], paths[i], 200));
	CHECK_HAS(harness_get(konsulent, "/stillinger")->body, "Sidetjek");
	CHECK_HAS(harness_get(konsulent, harness_fmt("/stillinger/%lld", id))->body, "Æøå &lt;b&gt;fed&lt;/b&gt;");
	CHECK_OK(page_problem(konsulent, "/stillinger/999999", 404));
	CHECK_OK(page_problem(konsulent, "/stillinger/999999/rediger", 404));
}

static void error_pages(void)
{
	CHECK_OK(page_problem(anon, "/findes-ikke", 404));
	CHECK_OK(page_problem(job, "/brugere", 403));
	CHECK_OK(page_problem(konsulent, "/admin/audit", 403));
	CHECK_OK(page_problem(konsulent, "/brugere/999999", 404));
}

/* placements and Tabel 4 from data: the public table, and the jobkonsulent's pages on a
 * database without placements (the empty state); test_placements.c has them with data */
static void placements_pages(void)
{
	CHECK_OK(page_problem(anon, "/statistik/beskaeftigelse?year=2015", 200));
	CHECK_OK(page_problem(anon, "/statistik/beskaeftigelse?year=2015&kommune=621", 200));
	CHECK_OK(page_problem(job, "/forloeb", 200));
	CHECK_HAS(harness_get(job, "/forloeb")->body, "Ingen forløb matcher filtrene.");
	CHECK_OK(page_problem(job, "/forloeb?state=ended&scheme=fleksjob&purpose=matching", 200));
	CHECK_OK(page_problem(job, "/forloeb/ny", 200));
	CHECK_OK(page_problem(job, "/forloeb/999999?purpose=matching", 404));
	CHECK_OK(page_problem(konsulent, "/forloeb", 403));
	/* the menu leads the jobkonsulent there, and not the konsulent */
	CHECK_HAS(harness_get(job, "/")->body, "<a href=\"/forloeb\">Forløb</a>");
	CHECK_LACKS(harness_get(konsulent, "/")->body, "href=\"/forloeb\"");
}

/* a form sent back with its errors is a page like the others */
static void form_error_page(void)
{
	const char *body = harness_form("csrf", harness_client_csrf(konsulent), "email",
	                                "sider-kort@kolding.example", "name", "Kort Kode", "role",
	                                "indkoeber", "password", "kort", NULL);
	struct harness_resp *r = harness_post_form(konsulent, "/brugere", body);
	CHECK_OK(resp_problem("POST /brugere with a short password", r, 422));
	CHECK_HAS(r->body, "value=\"sider-kort@kolding.example\"");
	CHECK_HAS(r->body, "mindst 10 tegn");
	CHECK_LACKS(harness_get(konsulent, "/brugere")->body, "sider-kort@kolding.example");
}

/* ---------------------------------------------------------------- static files */

static void static_etag(void)
{
	struct harness_resp *r = harness_get(anon, "/static/app.css");
	CHECK_STATUS(r, 200);
	CHECK(r->len > 0);
	const char *etag = harness_header(r, "ETag");
	CHECKF(etag && etag[0] == '"', "ETag is %s", etag ? etag : "missing");
	const char *type = harness_header(r, "Content-Type");
	CHECKF(type && strncmp(type, "text/css", 8) == 0, "Content-Type is %s", type ? type : "missing");
	CHECK_STR(harness_header(r, "X-Content-Type-Options"), "nosniff");

	const char *inm = harness_fmt("If-None-Match: %s", etag);
	struct harness_resp *again = harness_send(
		anon, &(struct harness_req){.path = "/static/app.css",
		                            .headers = (const char *const[]){inm, NULL}});
	CHECK_STATUS(again, 304);
	CHECK(again->len == 0);
	CHECK_STR(harness_header(again, "ETag"), etag);

	struct harness_resp *other = harness_send(
		anon, &(struct harness_req){.path = "/static/app.css",
		                            .headers = (const char *const[]){"If-None-Match: \"0\"", NULL}});
	CHECK_STATUS(other, 200);
	CHECK(other->len == r->len);
	CHECK_STATUS(harness_get(anon, "/static/findes-ikke.css"), 404);
}

/* ---------------------------------------------------------------- signing in and out */

static void signed_out_redirect(void)
{
	struct harness_client *c = harness_client(srv);
	struct harness_resp *r = harness_get(c, "/brugere");
	CHECK_STATUS(r, 303);
	CHECK_STR(harness_header(r, "Location"), "/login?next=%2Fbrugere");
	r = harness_get(c, "/brugere/ny");
	CHECK_STATUS(r, 303);
	CHECK_STR(harness_header(r, "Location"), "/login?next=%2Fbrugere%2Fny");
	/* the form carries next, and signing in goes there */
	r = harness_get(c, "/login?next=%2Fbrugere");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "name=\"next\" value=\"/brugere\"");
	const char *body = harness_form("csrf", harness_csrf_field(r), "next", "/brugere", "email",
	                                "konsulent@kolding.example", "password",
	                                HARNESS_DEMO_PASSWORD, NULL);
	r = harness_post_form(c, "/login", body);
	CHECK_STATUS(r, 303);
	CHECK_STR(harness_header(r, "Location"), "/brugere");
	CHECK_OK(page_problem(c, "/brugere", 200));
}

/* the query string is part of where the visitor was going */
static void redirect_keeps_query(void)
{
	struct harness_client *c = harness_client(srv);
	struct harness_resp *r = harness_get(c, "/brugere?offset=0&limit=2");
	CHECK_STATUS(r, 303);
	const char *to = harness_header(r, "Location");
	CHECKF(to && strncmp(to, "/login?next=", 12) == 0, "Location is %s", to ? to : "missing");
	r = harness_get(c, to);
	CHECK_STATUS(r, 200);
	const char *field = strstr(r->body, "name=\"next\" value=\"");
	CHECK(field);
	field += strlen("name=\"next\" value=\"");
	const char *next = harness_fmt("%.*s", (int)strcspn(field, "\""), field);
	CHECK_STR(next, "/brugere?offset=0&amp;limit=2");
}

static void next_stays_on_site(void)
{
	static const char *const away[] = {"//evil.example/", "https://evil.example/", "/\\evil.example",
	                                   "javascript:alert(1)"};
	for (size_t i = 0; i < sizeof(away) / sizeof(away[0]); i++) {
		struct harness_client *c = harness_client(srv);
		const char *body = harness_form("csrf", harness_client_csrf(c), "next", away[i], "email",
		                                "konsulent@kolding.example", "password",
		                                HARNESS_DEMO_PASSWORD, NULL);
		struct harness_resp *r = harness_post_form(c, "/login", body);
		CHECK_STATUS(r, 303);
		CHECKF(strcmp(harness_header(r, "Location"), "/") == 0, "next=%s led to %s", away[i],
		       harness_header(r, "Location"));
	}
}

static void wrong_password(void)
{
	struct harness_client *c = harness_client(srv);
	const char *body = harness_form("csrf", harness_client_csrf(c), "email",
	                                "konsulent@kolding.example", "password", "forkert-kode-4711",
	                                NULL);
	struct harness_resp *r = harness_post_form(c, "/login", body);
	CHECK_OK(resp_problem("POST /login with a wrong password", r, 401));
	CHECK_HAS(r->body, "Forkert e-mail eller adgangskode.");
	CHECK_HAS(r->body, "<form method=\"post\" action=\"/login\"");
	CHECK_HAS(r->body, "name=\"email\" type=\"email\" value=\"konsulent@kolding.example\"");
	CHECK_LACKS(r->body, "forkert-kode-4711");
	CHECKF(!harness_set_cookie_line(r, "indgang_session"), "a session cookie came anyway");
	CHECK(!harness_cookie(c, "indgang_session"));
	CHECK_STATUS(harness_get(c, "/brugere"), 303);
}

static void session_cookie_flags(void)
{
	struct harness_client *c = harness_client(srv);
	const char *body = harness_form("csrf", harness_client_csrf(c), "email",
	                                "konsulent@kolding.example", "password",
	                                HARNESS_DEMO_PASSWORD, NULL);
	struct harness_resp *r = harness_post_form(c, "/login", body);
	CHECK_STATUS(r, 303);
	const char *sc = harness_set_cookie_line(r, "indgang_session");
	CHECKF(sc, "no Set-Cookie for indgang_session");
	CHECKF(strstr(sc, "; HttpOnly"), "the session cookie lacks HttpOnly: %s", sc);
	CHECKF(strstr(sc, "; SameSite=Lax"), "the session cookie lacks SameSite=Lax: %s", sc);
	CHECKF(strstr(sc, "; Path=/"), "the session cookie lacks Path=/: %s", sc);
	/* 32 random bytes, base64url: nothing guessable */
	const char *v = harness_cookie(c, "indgang_session");
	CHECKF(v && strlen(v) == 43, "the session cookie is %s", v ? v : "missing");
	/* a new session for every sign-in */
	CHECKF(strcmp(v, harness_cookie(konsulent, "indgang_session")) != 0,
	       "two sign-ins share a session");
}

static void logout_ends_session(void)
{
	struct harness_client *c = harness_login(srv, "konsulent@kolding.example",
	                                         HARNESS_DEMO_PASSWORD);
	CHECK(c);
	const char *old = harness_cookie(c, "indgang_session");
	CHECK(old);
	CHECK_STATUS(harness_get(c, "/brugere"), 200);
	struct harness_resp *r =
		harness_post_form(c, "/logout", harness_form("csrf", harness_client_csrf(c), NULL));
	CHECK_STATUS(r, 303);
	CHECK_STR(harness_header(r, "Location"), "/login?ud=1");
	const char *sc = harness_set_cookie_line(r, "indgang_session");
	CHECKF(sc && strstr(sc, "Max-Age=0"), "logout does not clear the cookie: %s",
	       sc ? sc : "no Set-Cookie");
	CHECK_STATUS(harness_get(c, "/brugere"), 303);
	/* the old cookie, sent again by someone who kept it, opens nothing */
	struct harness_client *thief = harness_client(srv);
	harness_set_cookie(thief, "indgang_session", old);
	r = harness_get(thief, "/brugere");
	CHECK_STATUS(r, 303);
	CHECK_STR(harness_header(r, "Location"), "/login?next=%2Fbrugere");
	CHECK_API_ERROR(harness_get(thief, "/api/v1/me"), 401, "unauthorized", NULL);
	CHECK_OK(page_problem(anon, "/login?ud=1", 200));
	CHECK_HAS(harness_get(anon, "/login?ud=1")->body, "Du er nu logget ud.");
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and three users sign in", start,
	 HARNESS_FATAL | HARNESS_KEEP},
	{"/, /login and /kommuner answer valid HTML with the security headers", public_pages, 0},
	{"a konsulent's /brugere, /brugere/ny and every /brugere/{id} are valid HTML",
	 konsulent_pages, 0},
	{"the administrator's /brugere?kommune=621, /brugere and /brugere/ny are valid HTML",
	 admin_pages, 0},
	{"/admin/audit is valid HTML and shows the newest entries", audit_page, 0},
	{"the openings' list, form, opening and edit pages are valid HTML for konsulent, admin and "
	 "jobkonsulent", openings_pages, 0},
	{"the reports' pages (overview, lists, national view, yearly report, survey report) are "
	 "valid HTML for a konsulent and the administrator", reports_pages, 0},
	{"404 and 403 pages are valid HTML with the security headers", error_pages, 0},
	{"/statistik/beskaeftigelse and the jobkonsulent's /forloeb pages are valid HTML",
	 placements_pages, 0},
	{"a form sent back with errors (422) is valid HTML and keeps the input", form_error_page, 0},
	{"/static/app.css has an ETag, and If-None-Match with it answers 304", static_etag, 0},
	{"signed out, /brugere answers 303 to /login?next=..., and signing in goes back",
	 signed_out_redirect, 0},
	{"signed out, the redirect to /login keeps the query string in next",
	 redirect_keeps_query, 0},
	{"next= cannot send a signed-in user to another site", next_stays_on_site, 0},
	{"a wrong password shows the form again with the error and the typed e-mail",
	 wrong_password, 0},
	{"the session cookie is HttpOnly and SameSite=Lax", session_cookie_flags, 0},
	{"logging out ends the session: the old cookie no longer opens /brugere",
	 logout_ends_session, 0},
	{"the server stops on SIGTERM with status 0 and a clean log", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
