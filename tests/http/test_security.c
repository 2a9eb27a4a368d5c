/*
 * test_security.c — the attacks the server must turn away, over real HTTP: every POST form
 * without its CSRF token or with a wrong one (403, nothing changed — checked through the API and
 * the audit log), the API called with a session cookie but no X-CSRF-Token, a hostile name stored
 * through the API and shown on the pages, every users page and endpoint of one municipality
 * tried from another and by roles that may not manage users, sign-in throttling, a konsulent
 * creating an administrator, and sessions ending when an account is deactivated.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define HOSTILE "<script>alert(1)</script>\"'&"
#define HOSTILE_ESCAPED "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"
#define KOLDING_USERS "/api/v1/kommuner/621/users"
#define SILKEBORG_USERS "/api/v1/kommuner/740/users"

static struct harness_server *srv;
static struct harness_client *admin_api;      /* the administrator's token: the oracle */
static struct harness_client *kolding_api;    /* konsulent of 621, token */
static struct harness_client *kolding;        /* konsulent of 621, session */
static struct harness_client *kolding_other;  /* a second session of the same konsulent */
static struct harness_client *silkeborg;      /* konsulent of 740, session */
static struct harness_client *silkeborg_api;  /* konsulent of 740, token */
static struct harness_client *job;            /* jobkonsulent of 621, session */
static struct harness_client *kolding_roles[3]; /* jobkonsulent, indkoeber, virksomhed: tokens */
static long long kolding_ids[8];              /* the demo users of 621 */
static int nkolding;
static long long silkeborg_id;                /* konsulent@silkeborg.example */
static long long indkoeb_id;                  /* indkoeb@kolding.example, the usual target */

/* ---------------------------------------------------------------- oracles */

/* the number of entries in the audit log, or -1 */
static long long audit_total(void)
{
	struct harness_resp *r = harness_get(admin_api, "/api/v1/audit?limit=1");
	json_t *t = r->status == 200 ? json_object_get(harness_json(r), "total") : NULL;
	return json_is_integer(t) ? (long long)json_integer_value(t) : -1;
}

/* a user as the administrator reads it, or NULL */
static json_t *user_json(long long id)
{
	struct harness_resp *r = harness_get(admin_api, harness_fmt("/api/v1/users/%lld", id));
	return r->status == 200 ? harness_json(r) : NULL;
}

/* name|role|active of a user: one string to compare before and after */
static const char *user_state(long long id)
{
	json_t *u = user_json(id);
	if (!u)
		return "(unreadable)";
	const char *name = harness_json_str(u, "name"), *role = harness_json_str(u, "role");
	return harness_fmt("%s|%s|%s", name ? name : "-", role ? role : "-",
	                   json_is_true(json_object_get(u, "active")) ? "active" : "inactive");
}

/* whether any account has this e-mail: `indgang user list`, beside the running server */
static bool account_exists(const char *email)
{
	char *out = NULL;
	int st = harness_cli(srv, NULL, &out, "user", "list", NULL);
	return st != 0 || !out || strstr(out, harness_fmt("\t%s\t", email)) != NULL;
}

static const char *user_body(const char *email, const char *role, const char *name)
{
	return harness_json_text(json_pack("{s:s, s:s, s:s, s:s}", "email", email, "role", role,
	                                   "password", "lang-nok-kode-1", "name", name));
}

/* ---------------------------------------------------------------- setup */

static long long id_in(const char *list_path, const char *email)
{
	struct harness_resp *r = harness_get(admin_api, harness_fmt("%s?limit=500", list_path));
	size_t i;
	json_t *u;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, u) {
		const char *e = harness_json_str(u, "email");
		if (e && strcmp(e, email) == 0)
			return (long long)json_integer_value(json_object_get(u, "id"));
	}
	return 0;
}

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	admin_api = harness_bearer(srv, "admin@indgang.example");
	kolding_api = harness_bearer(srv, "konsulent@kolding.example");
	silkeborg_api = harness_bearer(srv, "konsulent@silkeborg.example");
	kolding_roles[0] = harness_bearer(srv, "job@kolding.example");
	kolding_roles[1] = harness_bearer(srv, "indkoeb@kolding.example");
	kolding_roles[2] = harness_bearer(srv, "virksomhed@kolding.example");
	CHECKF(admin_api && kolding_api && silkeborg_api && kolding_roles[0] && kolding_roles[1] &&
	       kolding_roles[2], "'indgang token create' failed");
	kolding = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	kolding_other = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	silkeborg = harness_login(srv, "konsulent@silkeborg.example", HARNESS_DEMO_PASSWORD);
	job = harness_login(srv, "job@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECKF(kolding && kolding_other && silkeborg && job, "signing in through the form failed");
	CHECKF(strcmp(harness_client_csrf(kolding), harness_client_csrf(kolding_other)) != 0,
	       "two sessions share a CSRF token");
	struct harness_resp *r = harness_get(admin_api, KOLDING_USERS "?limit=500");
	CHECK_STATUS(r, 200);
	size_t i;
	json_t *u;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, u) {
		CHECK(nkolding < 8);
		kolding_ids[nkolding++] = (long long)json_integer_value(json_object_get(u, "id"));
	}
	CHECK(nkolding >= 4);
	silkeborg_id = id_in(SILKEBORG_USERS, "konsulent@silkeborg.example");
	indkoeb_id = id_in(KOLDING_USERS, "indkoeb@kolding.example");
	CHECK(silkeborg_id > 0 && indkoeb_id > 0);
	CHECK(audit_total() > 0);
}

static void stop(void)
{
	int st = harness_server_stop(srv);
	CHECKF(st == 0, "indgang serve exited with status %d after SIGTERM", st);
	CHECK_OK(harness_server_log_problem(srv));
}

/* ---------------------------------------------------------------- CSRF */

/* the wrong tokens a forged form could carry: none, empty, made up, another session's */
static const char *bad_csrf(int i, struct harness_client *other)
{
	switch (i) {
	case 0: return NULL;
	case 1: return "";
	case 2: return "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
	default: return harness_client_csrf(other);
	}
}
#define BAD_CSRF_KINDS 4

/* posts fields (a form body made with a csrf value put first) and expects the 403 page */
static const char *forged_problem(struct harness_client *c, const char *path, const char *csrf,
                                  const char *rest)
{
	const char *body = csrf ? harness_fmt("%s&%s", harness_form("csrf", csrf, NULL), rest) : rest;
	struct harness_resp *r = harness_post_form(c, path, body);
	const char *why = harness_status_problem(r, 403);
	if (!why)
		why = harness_html_problem(r);
	return why ? harness_fmt("POST %s with csrf=%s: %s", path, csrf ? csrf : "(none)", why) : NULL;
}

static void csrf_login(void)
{
	long long before = audit_total();
	for (int i = 0; i < BAD_CSRF_KINDS; i++) {
		struct harness_client *c = harness_client(srv);
		harness_client_csrf(c); /* the visitor has the anonymous CSRF cookie */
		const char *rest = harness_form("email", "konsulent@kolding.example", "password",
		                                HARNESS_DEMO_PASSWORD, NULL);
		CHECK_OK(forged_problem(c, "/login", bad_csrf(i, kolding), rest));
		CHECKF(!harness_cookie(c, "indgang_session"), "a forged sign-in got a session");
		CHECK_STATUS(harness_get(c, "/brugere"), 303);
	}
	CHECKF(audit_total() == before, "the audit log grew from %lld to %lld", before, audit_total());
}

/* A form post from another site is refused even when it carries a matching CSRF cookie and
 * field (an attacker who planted our cookie: login CSRF): the browser's Sec-Fetch-Site or
 * Origin gives it away. The same request from our own origin, or from a client that sends
 * neither header, is judged by the token alone. */
static void cross_site_forms(void)
{
	const char *self = harness_fmt("Origin: http://127.0.0.1:%d", harness_server_port(srv));
	const struct {
		const char *headers[3];
		long want;
	} cases[] = {
		{{"Origin: http://evil.example", NULL}, 403},
		{{"Origin: https://127.0.0.1.evil.example", NULL}, 403},
		{{"Origin: null", NULL}, 403},
		{{"Sec-Fetch-Site: cross-site", NULL}, 403},
		{{"Sec-Fetch-Site: same-site", NULL}, 403},
		{{"Sec-Fetch-Site: cross-site", self, NULL}, 403},
		{{"Sec-Fetch-Site: same-origin", NULL}, 303},
		{{self, NULL}, 303},
		{{NULL}, 303},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct harness_client *c = harness_client(srv);
		const char *csrf = harness_client_csrf(c);
		CHECKF(csrf, "no anonymous CSRF token");
		const char *body = harness_form("csrf", csrf, "email", "konsulent@kolding.example", "password",
		                                HARNESS_DEMO_PASSWORD, NULL);
		struct harness_resp *r = harness_send(c, &(struct harness_req){
			.method = "POST", .path = "/login", .type = "application/x-www-form-urlencoded",
			.body = body, .headers = cases[i].headers});
		CHECKF(r->status == cases[i].want, "sign-in with %s%s%s answered %ld, expected %ld",
		       cases[i].headers[0] ? cases[i].headers[0] : "neither header",
		       cases[i].headers[1] ? " and " : "", cases[i].headers[1] ? cases[i].headers[1] : "",
		       r->status, cases[i].want);
		if (cases[i].want == 403)
			CHECKF(!harness_cookie(c, "indgang_session"), "a cross-site sign-in got a session");
	}
	/* a signed-in form from another site too */
	struct harness_resp *r = harness_send(kolding, &(struct harness_req){
		.method = "POST", .path = "/logout", .type = "application/x-www-form-urlencoded",
		.body = harness_form("csrf", harness_client_csrf(kolding), NULL),
		.headers = (const char *const[]){"Origin: http://evil.example", NULL}});
	CHECK_STATUS(r, 403);
	CHECK_STATUS(harness_get(kolding, "/brugere"), 200);
}

static void csrf_logout(void)
{
	long long before = audit_total();
	for (int i = 0; i < BAD_CSRF_KINDS; i++)
		CHECK_OK(forged_problem(kolding, "/logout", bad_csrf(i, kolding_other), "x=1"));
	CHECKF(harness_get(kolding, "/brugere")->status == 200, "the session ended after all");
	CHECKF(audit_total() == before, "the audit log grew from %lld to %lld", before, audit_total());
}

static void csrf_create(void)
{
	long long before = audit_total();
	for (int i = 0; i < BAD_CSRF_KINDS; i++) {
		const char *email = harness_fmt("csrf-ny-%d@kolding.example", i);
		const char *rest = harness_form("email", email, "name", "Forfalsket", "role", "konsulent",
		                                "password", "lang-nok-kode-1", NULL);
		CHECK_OK(forged_problem(kolding, "/brugere", bad_csrf(i, kolding_other), rest));
		CHECKF(!account_exists(email), "%s was created", email);
	}
	CHECKF(audit_total() == before, "the audit log grew from %lld to %lld", before, audit_total());
	/* with its token the same form works: the 403s above were the token's doing */
	const char *body = harness_form("csrf", harness_client_csrf(kolding), "email",
	                                "csrf-ok@kolding.example", "name", "Rigtig", "role",
	                                "indkoeber", "password", "lang-nok-kode-1", NULL);
	struct harness_resp *r = harness_post_form(kolding, "/brugere", body);
	CHECK_STATUS(r, 303);
	CHECK(account_exists("csrf-ok@kolding.example"));
}

static void csrf_update(void)
{
	const char *path = harness_fmt("/brugere/%lld", indkoeb_id);
	const char *state = user_state(indkoeb_id);
	long long before = audit_total();
	/* no active field: a real form post would deactivate the account */
	const char *rest = harness_form("name", "Forfalsket", "role", "konsulent", "password",
	                                "overtaget-kode-1", NULL);
	for (int i = 0; i < BAD_CSRF_KINDS; i++)
		CHECK_OK(forged_problem(kolding, path, bad_csrf(i, kolding_other), rest));
	CHECK_STR(user_state(indkoeb_id), state);
	CHECKF(audit_total() == before, "the audit log grew from %lld to %lld", before, audit_total());
	struct harness_client *c = harness_login(srv, "indkoeb@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECKF(c, "the demo password of indkoeb@kolding.example no longer works");
	/* with its token the form works */
	const char *body = harness_fmt("%s&active=1", harness_form("csrf", harness_client_csrf(kolding),
	                                                           "name", "Ida Indkøber", "role",
	                                                           "indkoeber", NULL));
	CHECK_STATUS(harness_post_form(kolding, path, body), 303);
	CHECK_STR(user_state(indkoeb_id), "Ida Indkøber|indkoeber|active");
}

static void csrf_api_session(void)
{
	const char *email = "csrf-api@kolding.example";
	const char *body = user_body(email, "indkoeber", "Via session");
	/* a browser session may not call a state-changing API without the header */
	CHECK_API_ERROR(harness_post_json(kolding, KOLDING_USERS, body), 403, "csrf", NULL);
	static const char *const wrong[] = {"X-CSRF-Token: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
	                                    "X-CSRF-Token: ", NULL};
	for (int i = 0; wrong[i]; i++) {
		struct harness_resp *r = harness_send(
			kolding, &(struct harness_req){.method = "POST", .path = KOLDING_USERS,
			                               .type = "application/json", .body = body,
			                               .headers = (const char *const[]){wrong[i], NULL}});
		CHECK_API_ERROR(r, 403, "csrf", NULL);
	}
	const char *patch = harness_fmt("/api/v1/users/%lld", indkoeb_id);
	const char *state = user_state(indkoeb_id);
	CHECK_API_ERROR(harness_patch_json(kolding, patch, "{\"active\": false}"), 403, "csrf", NULL);
	CHECK_STR(user_state(indkoeb_id), state);
	CHECK(!account_exists(email));
	/* the session's own token in the header lets it through */
	const char *hdr = harness_fmt("X-CSRF-Token: %s", harness_client_csrf(kolding));
	struct harness_resp *r = harness_send(
		kolding, &(struct harness_req){.method = "POST", .path = KOLDING_USERS,
		                               .type = "application/json", .body = body,
		                               .headers = (const char *const[]){hdr, NULL}});
	CHECK_STATUS(r, 201);
}

/* ---------------------------------------------------------------- escaping */

static const char *escaped_problem(struct harness_client *c, const char *path, bool shown)
{
	struct harness_resp *r = harness_get(c, path);
	const char *why = harness_status_problem(r, 200);
	if (!why)
		why = harness_html_problem(r);
	if (!why && strstr(r->body, "<script>alert(1)"))
		why = "the hostile name is in the page unescaped";
	if (!why && strstr(r->body, "</script>\"'&"))
		why = "the quotes of the hostile name are in the page unescaped";
	if (!why && shown && !strstr(r->body, HOSTILE_ESCAPED))
		why = "the hostile name is not shown, escaped, where it belongs";
	return why ? harness_fmt("GET %s: %s", path, why) : NULL;
}

static void hostile_name(void)
{
	struct harness_resp *r = harness_post_json(
		kolding_api, KOLDING_USERS, user_body("hostile@kolding.example", "indkoeber", HOSTILE));
	CHECK_STATUS(r, 201);
	long long id = (long long)json_integer_value(json_object_get(harness_json(r), "id"));
	/* the API gives it back as it was given */
	CHECK_STR(harness_json_str(user_json(id), "name"), HOSTILE);
	CHECK_OK(escaped_problem(kolding, "/brugere", true));
	CHECK_OK(escaped_problem(kolding, harness_fmt("/brugere/%lld", id), true));
	struct harness_client *admin = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	CHECK(admin);
	CHECK_OK(escaped_problem(admin, "/brugere?kommune=621", true));
	CHECK_OK(escaped_problem(admin, "/brugere", true));
}

static void hostile_name_audit(void)
{
	struct harness_resp *r = harness_post_json(
		kolding_api, KOLDING_USERS, user_body("hostile-log@kolding.example", "indkoeber", HOSTILE));
	CHECK_STATUS(r, 201);
	struct harness_client *admin = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	CHECK(admin);
	/* the newest entries: the sign-in, and before it the creation, whose detail is JSON that
	 * holds the name */
	CHECK_OK(escaped_problem(admin, "/admin/audit", false));
	CHECK_HAS(harness_get(admin, "/admin/audit")->body, "&lt;script&gt;alert(1)&lt;/script&gt;");
}

static void hostile_query(void)
{
	const char *q = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27%26";
	struct harness_client *admin = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	CHECK(admin);
	struct harness_client *anon = harness_client(srv);
	CHECK_OK(escaped_problem(anon, harness_fmt("/login?next=/%s", q), false));
	CHECK_OK(escaped_problem(admin, harness_fmt("/admin/audit?user=%s&entity=%s", q, q), true));
	CHECK_OK(escaped_problem(admin, harness_fmt("/brugere?kommune=%s", q), false));
	/* a typed e-mail comes back in the sign-in form after a failed attempt */
	const char *body = harness_form("csrf", harness_client_csrf(anon), "email",
	                                "x@x.dk" HOSTILE, "password", "forkert-kode-1", NULL);
	struct harness_resp *r = harness_post_form(anon, "/login", body);
	CHECK_STATUS(r, 401);
	CHECK_OK(harness_html_problem(r));
	CHECK_LACKS(r->body, "<script>alert(1)");
	CHECK_HAS(r->body, "value=\"x@x.dk" HOSTILE_ESCAPED "\"");
}

/* ---------------------------------------------------------------- between municipalities */

static void other_kommune_pages(void)
{
	const char *csrf = harness_client_csrf(silkeborg);
	for (int i = 0; i < nkolding; i++) {
		const char *path = harness_fmt("/brugere/%lld", kolding_ids[i]);
		struct harness_resp *r = harness_get(silkeborg, path);
		CHECKF(r->status == 404, "GET %s as 740's konsulent answered %ld", path, r->status);
		CHECK_OK(harness_html_problem(r));
		CHECK_LACKS(r->body, "@kolding.example");
		const char *state = user_state(kolding_ids[i]);
		const char *body = harness_form("csrf", csrf, "name", "Overtaget", "role", "indkoeber",
		                                "password", "overtaget-kode-1", NULL);
		r = harness_post_form(silkeborg, path, body);
		CHECKF(r->status == 404, "POST %s as 740's konsulent answered %ld", path, r->status);
		CHECK_STR(user_state(kolding_ids[i]), state);
	}
	/* ?kommune= is the administrator's filter; a konsulent sees their own users */
	struct harness_resp *r = harness_get(silkeborg, "/brugere?kommune=621");
	CHECK_STATUS(r, 200);
	CHECK_LACKS(r->body, "@kolding.example");
	CHECK_HAS(r->body, "konsulent@silkeborg.example");
}

static void other_kommune_api(void)
{
	long long before = audit_total();
	CHECK_API_ERROR(harness_get(silkeborg_api, KOLDING_USERS), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_get(silkeborg_api, KOLDING_USERS "?limit=1&offset=0"), 403,
	                "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(silkeborg_api, KOLDING_USERS,
	                                  user_body("fremmed@kolding.example", "konsulent", "Fremmed")),
	                403, "forbidden", NULL);
	CHECK(!account_exists("fremmed@kolding.example"));
	for (int i = 0; i < nkolding; i++) {
		const char *path = harness_fmt("/api/v1/users/%lld", kolding_ids[i]);
		const char *state = user_state(kolding_ids[i]);
		CHECK_API_ERROR(harness_get(silkeborg_api, path), 404, "not_found", NULL);
		CHECK_API_ERROR(harness_patch_json(silkeborg_api, path,
		                                   "{\"name\": \"Overtaget\", \"active\": false}"),
		                404, "not_found", NULL);
		CHECK_STR(user_state(kolding_ids[i]), state);
	}
	CHECKF(audit_total() == before, "the audit log grew from %lld to %lld", before, audit_total());
}

/* the other way round, with every role of 621 */
static void every_role_other_kommune(void)
{
	const char *path = harness_fmt("/api/v1/users/%lld", silkeborg_id);
	const char *state = user_state(silkeborg_id);
	struct harness_client *all[] = {kolding_api, kolding_roles[0], kolding_roles[1],
	                                kolding_roles[2]};
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		CHECK_API_ERROR(harness_get(all[i], SILKEBORG_USERS), 403, "forbidden", NULL);
		CHECK_API_ERROR(harness_post_json(all[i], SILKEBORG_USERS,
		                                  user_body("fremmed@silkeborg.example", "konsulent", "F")),
		                403, "forbidden", NULL);
		CHECK_API_ERROR(harness_get(all[i], path), 404, "not_found", NULL);
		CHECK_API_ERROR(harness_patch_json(all[i], path, "{\"active\": false}"), 404, "not_found",
		                NULL);
	}
	CHECK_STR(user_state(silkeborg_id), state);
	CHECK(!account_exists("fremmed@silkeborg.example"));
}

/* a konsulent's form cannot name another municipality: the account lands in their own */
static void form_kommune_ignored(void)
{
	const char *body = harness_form("csrf", harness_client_csrf(silkeborg), "email",
	                                "flyttet@silkeborg.example", "name", "Flyttet", "role",
	                                "indkoeber", "kommune", "621", "password", "lang-nok-kode-1",
	                                NULL);
	CHECK_STATUS(harness_post_form(silkeborg, "/brugere", body), 303);
	CHECK(id_in(SILKEBORG_USERS, "flyttet@silkeborg.example") > 0);
	CHECK(id_in(KOLDING_USERS, "flyttet@silkeborg.example") == 0);
}

/* ---------------------------------------------------------------- roles */

static void roles_without_user_admin(void)
{
	static const char *const pages[] = {"/brugere", "/brugere/ny", "/admin/audit"};
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		struct harness_resp *r = harness_get(job, pages[i]);
		CHECKF(r->status == 403, "GET %s as jobkonsulent answered %ld", pages[i], r->status);
		CHECK_OK(harness_html_problem(r));
	}
	CHECK_STATUS(harness_get(job, harness_fmt("/brugere/%lld", indkoeb_id)), 403);
	const char *state = user_state(indkoeb_id);
	const char *body = harness_form("csrf", harness_client_csrf(job), "name", "Jobbet", "role",
	                                "konsulent", NULL);
	CHECK_STATUS(harness_post_form(job, harness_fmt("/brugere/%lld", indkoeb_id), body), 403);
	body = harness_form("csrf", harness_client_csrf(job), "email", "jobbet@kolding.example", "role",
	                    "konsulent", "password", "lang-nok-kode-1", NULL);
	CHECK_STATUS(harness_post_form(job, "/brugere", body), 403);
	CHECK(!account_exists("jobbet@kolding.example"));
	for (int i = 0; i < 3; i++) {
		CHECK_API_ERROR(harness_get(kolding_roles[i], KOLDING_USERS), 403, "forbidden", NULL);
		CHECK_API_ERROR(harness_post_json(kolding_roles[i], KOLDING_USERS,
		                                  user_body("jobbet@kolding.example", "konsulent", "J")),
		                403, "forbidden", NULL);
		CHECK_API_ERROR(harness_patch_json(kolding_roles[i],
		                                   harness_fmt("/api/v1/users/%lld", indkoeb_id),
		                                   "{\"role\": \"konsulent\"}"),
		                404, "not_found", NULL);
		CHECK_API_ERROR(harness_get(kolding_roles[i], "/api/v1/audit"), 403, "forbidden", NULL);
	}
	CHECK_STR(user_state(indkoeb_id), state);
	CHECK(!account_exists("jobbet@kolding.example"));
}

/* ---------------------------------------------------------------- sign-in */

static struct harness_resp *sign_in(struct harness_client *c, const char *email,
                                    const char *password)
{
	return harness_post_form(c, "/login", harness_form("csrf", harness_client_csrf(c), "email",
	                                                   email, "password", password, NULL));
}

/* the Retry-After of resp in seconds, or -1 when it has none or no number */
static long retry_after(const struct harness_resp *resp)
{
	const char *v = harness_header(resp, "Retry-After");
	char *end;
	long n = v ? strtol(v, &end, 10) : -1;
	return v && end != v && *end == '\0' ? n : -1;
}

static void login_throttle(void)
{
	const char *email = "virksomhed@kolding.example";
	struct harness_client *c = harness_client(srv);
	harness_client_bind(c, "127.0.0.9");
	for (int i = 1; i <= 4; i++) {
		struct harness_resp *r = sign_in(c, email, harness_fmt("forkert-kode-%d", i));
		CHECKF(r->status == 401, "wrong password %d answered %ld", i, r->status);
	}
	/* from that address the account waits a few seconds, even with the right password */
	struct harness_resp *r = sign_in(c, email, HARNESS_DEMO_PASSWORD);
	CHECK_STATUS(r, 429);
	CHECK_OK(harness_html_problem(r));
	CHECK_HAS(r->body, "For mange mislykkede forsøg.");
	CHECKF(retry_after(r) >= 1 && retry_after(r) <= 5, "Retry-After: %s",
	       harness_header(r, "Retry-After") ? harness_header(r, "Retry-After") : "(none)");
	CHECKF(!harness_set_cookie_line(r, "indgang_session"), "a throttled sign-in got a session");
	/* but it is no lock: from another address the owner signs in, whatever the case */
	struct harness_client *own = harness_client(srv);
	harness_client_bind(own, "127.0.0.10");
	CHECK_STATUS(sign_in(own, "VIRKSOMHED@kolding.example", HARNESS_DEMO_PASSWORD), 303);
	/* and other accounts still sign in from the address that failed */
	struct harness_client *other = harness_client(srv);
	harness_client_bind(other, "127.0.0.9");
	CHECK_STATUS(sign_in(other, "indkoeb@kolding.example", HARNESS_DEMO_PASSWORD), 303);
}

/* next values that lead off the site once a browser has read them (decoded here) */
static const char *const evil_next[] = {
	"/\t/evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example",
	"/\\/evil.example", "http://evil.example/", "https:evil.example", "/\r\nLocation: http://evil.example",
	"/\n/evil.example", "/x\ty", "/a\\..\\b", " /evil.example", "/\x7f/evil.example", "",
};

static void login_next_only_local(void)
{
	struct harness_client *anon = harness_client(srv);
	for (size_t i = 0; i < sizeof(evil_next) / sizeof(evil_next[0]); i++) {
		const char *next = evil_next[i];
		const char *query = harness_fmt("/login?%s", harness_form("next", next, NULL));
		/* signed in, GET /login?next= redirects at once */
		struct harness_resp *r = harness_get(kolding, query);
		CHECK_STATUS(r, 303);
		CHECKF(harness_header(r, "Location") && strcmp(harness_header(r, "Location"), "/") == 0,
		       "GET %s led to Location: %s", query, harness_header(r, "Location"));
		/* signed out, the form carries "/" on */
		r = harness_get(anon, query);
		CHECK_STATUS(r, 200);
		CHECK_HAS(r->body, "name=\"next\" value=\"/\"");
		/* and the form's field is checked as well */
		struct harness_client *c = harness_client(srv);
		r = harness_post_form(c, "/login", harness_form("csrf", harness_client_csrf(c), "email",
		                                                "indkoeb@kolding.example", "password",
		                                                HARNESS_DEMO_PASSWORD, "next", next, NULL));
		CHECK_STATUS(r, 303);
		CHECKF(harness_header(r, "Location") && strcmp(harness_header(r, "Location"), "/") == 0,
		       "POST /login with next case %zu led to Location: %s", i, harness_header(r, "Location"));
	}
	/* a path on this site is kept */
	struct harness_resp *r = harness_get(kolding, "/login?next=%2Fbrugere%3Fside%3D2");
	CHECK_STATUS(r, 303);
	CHECK_STR(harness_header(r, "Location"), "/brugere?side=2");
}

static void every_429_says_when(void)
{
	/* the contact form's per-address limit */
	struct harness_client *c = harness_client(srv);
	harness_client_bind(c, "127.0.0.11");
	struct harness_resp *r = NULL;
	for (int i = 0; i < 12; i++)
		r = harness_post_form(c, "/kontakt", harness_form("csrf", harness_client_csrf(c), "name",
		                                                  "x", NULL));
	CHECK_STATUS(r, 429);
	CHECKF(retry_after(r) > 0, "POST /kontakt answered 429 without Retry-After");
	/* and the inquiry API's */
	for (int i = 0; i < 12; i++)
		r = harness_post_json(c, "/api/v1/inquiries", "{}");
	CHECK_STATUS(r, 429);
	CHECKF(retry_after(r) > 0, "POST /api/v1/inquiries answered 429 without Retry-After");
}

static void konsulent_cannot_make_admin(void)
{
	long long before = audit_total();
	/* the API refuses it as invalid: an administrator belongs to no municipality */
	CHECK_API_ERROR(harness_post_json(kolding_api, KOLDING_USERS,
	                                  user_body("ny-admin@kolding.example", "admin", "Ny Admin")),
	                422, "invalid", "kommune");
	const char *body = harness_form("csrf", harness_client_csrf(kolding), "email",
	                                "ny-admin@kolding.example", "name", "Ny Admin", "role", "admin",
	                                "password", "lang-nok-kode-1", NULL);
	struct harness_resp *r = harness_post_form(kolding, "/brugere", body);
	CHECK_STATUS(r, 422);
	CHECK_OK(harness_html_problem(r));
	CHECK(!account_exists("ny-admin@kolding.example"));
	/* nor can an existing account be promoted */
	const char *state = user_state(indkoeb_id);
	CHECK_API_ERROR(harness_patch_json(kolding_api, harness_fmt("/api/v1/users/%lld", indkoeb_id),
	                                   "{\"role\": \"admin\"}"),
	                422, "invalid", "kommune");
	body = harness_fmt("%s&active=1", harness_form("csrf", harness_client_csrf(kolding), "name",
	                                               "Ida", "role", "admin", NULL));
	r = harness_post_form(kolding, harness_fmt("/brugere/%lld", indkoeb_id), body);
	CHECK_STATUS(r, 422);
	CHECK_STR(user_state(indkoeb_id), state);
	CHECKF(audit_total() == before, "the audit log grew from %lld to %lld", before, audit_total());
}

static void deactivation_ends_sessions(void)
{
	const char *email = "kortvarig@kolding.example";
	struct harness_resp *r =
		harness_post_json(kolding_api, KOLDING_USERS, user_body(email, "konsulent", "Kortvarig"));
	CHECK_STATUS(r, 201);
	long long id = (long long)json_integer_value(json_object_get(harness_json(r), "id"));
	struct harness_client *c = harness_client(srv);
	CHECK_STATUS(sign_in(c, email, "lang-nok-kode-1"), 303);
	CHECK_STATUS(harness_get(c, "/brugere"), 200);
	CHECK_STATUS(harness_patch_json(kolding_api, harness_fmt("/api/v1/users/%lld", id),
	                                "{\"active\": false}"),
	             200);
	CHECK_STATUS(harness_get(c, "/brugere"), 303);
	struct harness_client *again = harness_client(srv);
	CHECK_STATUS(sign_in(again, email, "lang-nok-kode-1"), 401);
	CHECK(!harness_cookie(again, "indgang_session"));
}

/* The access log names routes, not what a client typed into the path: an e-mail address or a
 * CPR number in a URL never reaches it, nor a query string. */
static void access_log_keeps_no_personal_data(void)
{
	struct harness_server *logged = harness_server_demo();
	CHECKF(logged, "no demo database");
	static const char *const opts[] = {"--access-log", NULL};
	CHECKF(harness_server_start(logged, opts) == 0, "indgang serve --access-log did not start");
	struct harness_client *c = harness_client(logged);
	CHECK_STATUS(harness_get(c, "/virksomheder/ole.hansen@example.org"), 404);
	CHECK_STATUS(harness_get(c, "/sager/0101901234-x"), 404);
	CHECK_STATUS(harness_get(c, "/kontakt/621?navn=Ole%20Hansen"), 200);
	CHECK_STATUS(harness_get(c, "/undersoegelser/2403851234/runde"), 303);
	CHECK_STATUS(harness_get(c, "/api/v1/enterprises/7?cpr=2403851234"), 200);
	CHECK_STATUS(harness_get(c, "/healthz"), 200);
	CHECKF(harness_server_stop(logged) == 0, "the server did not stop cleanly");
	FILE *fp = fopen(harness_server_path(logged, "server.log"), "r");
	CHECKF(fp, "cannot open the server's log");
	static char log[1 << 16];
	size_t len = fread(log, 1, sizeof(log) - 1, fp);
	fclose(fp);
	log[len] = '\0';
	CHECK_HAS(log, "access GET /healthz 200");
	CHECK_HAS(log, "access GET /kontakt/621 200");
	CHECK_HAS(log, "access GET /api/v1/enterprises/7 200");
	CHECK_HAS(log, "access GET /undersoegelser/{survey}/{round} 303");
	CHECK_HAS(log, "access GET - 404");
	CHECK_LACKS(log, "ole.hansen");
	CHECK_LACKS(log, "0101901234");
	CHECK_LACKS(log, "2403851234");
	CHECK_LACKS(log, "Ole");
}

/* Behind a trusted proxy (--trusted-proxy): X-Forwarded-Proto: https makes every cookie a
 * Secure __Host- cookie, and the client's address is the last X-Forwarded-For entry (so the
 * per-address limits count clients, not the proxy). From any other address both headers are
 * ignored. */
static void trusted_proxy_headers(void)
{
	struct harness_server *px = harness_server_demo();
	CHECKF(px, "no demo database");
	static const char *const opts[] = {"--trusted-proxy", "127.0.0.1", NULL};
	CHECKF(harness_server_start(px, opts) == 0, "indgang serve --trusted-proxy did not start");
	static const char *const https[] = {"X-Forwarded-Proto: https", NULL};
	struct harness_client *proxy = harness_client(px);
	struct harness_resp *r = harness_send(proxy, &(struct harness_req){.path = "/login", .headers = https});
	CHECK_STATUS(r, 200);
	const char *sc = harness_set_cookie_line(r, "__Host-indgang_csrf");
	CHECKF(sc, "no __Host- cookie over a proxy's HTTPS");
	CHECK_HAS(sc, "; Secure");
	CHECK_HAS(sc, "Path=/");
	CHECK_LACKS(sc, "Domain=");
	/* the same headers from an address that is not the proxy change nothing */
	struct harness_client *other = harness_client(px);
	harness_client_bind(other, "127.0.0.2");
	r = harness_send(other, &(struct harness_req){.path = "/login", .headers = https});
	CHECK_STATUS(r, 200);
	CHECKF(harness_set_cookie_line(r, "indgang_csrf"), "no plain cookie from an untrusted address");
	CHECKF(!harness_set_cookie_line(r, "__Host-indgang_csrf"), "an untrusted address got HTTPS");
	/* the inquiry limit (10 a minute) counts the forwarded client, not the proxy: eleven
	 * clients through the proxy are all served, the eleventh from one client is refused */
	for (int i = 0; i < 11; i++) {
		const char *xff[] = {harness_fmt("X-Forwarded-For: 203.0.113.%d", i + 1), NULL};
		r = harness_send(proxy, &(struct harness_req){.method = "POST", .path = "/api/v1/inquiries",
		                                              .type = "application/json",
		                                              .body = harness_fmt(
		                                                  "{\"kommune\":\"621\",\"name\":\"P %d\","
		                                                  "\"email\":\"p%d@example.org\",\"topic\":\"start\","
		                                                  "\"message\":\"Hej\"}", i, i),
		                                              .headers = xff});
		CHECKF(r->status == 201, "client %d through the proxy answered %ld", i + 1, r->status);
	}
	const char *one[] = {"X-Forwarded-For: 198.51.100.7, 203.0.113.99", NULL};
	for (int i = 0; i < 11; i++)
		r = harness_send(proxy, &(struct harness_req){.method = "POST", .path = "/api/v1/inquiries",
		                                              .type = "application/json",
		                                              .body = "{\"kommune\":\"621\",\"name\":\"Q\","
		                                                      "\"email\":\"q@example.org\",\"topic\":\"start\","
		                                                      "\"message\":\"Hej\"}",
		                                              .headers = one});
	CHECK_STATUS(r, 429);
	CHECKF(harness_server_stop(px) == 0, "the server did not stop cleanly");
}

static const struct harness_test tests[] = {
	{"the server starts, tokens are issued and four sessions sign in", start,
	 HARNESS_FATAL | HARNESS_KEEP},
	{"POST /login without or with a wrong csrf answers 403 and signs no one in", csrf_login, 0},
	{"a form post from another site answers 403 even with a matching CSRF cookie and field",
	 cross_site_forms, 0},
	{"POST /logout without or with a wrong csrf answers 403 and the session lives on",
	 csrf_logout, 0},
	{"POST /brugere without or with a wrong csrf answers 403 and creates no one", csrf_create, 0},
	{"POST /brugere/{id} without or with a wrong csrf answers 403 and changes nothing",
	 csrf_update, 0},
	{"the API with a session cookie but no X-CSRF-Token answers 403", csrf_api_session, 0},
	{"a hostile name stored through the API is escaped on every page that shows it",
	 hostile_name, 0},
	{"a hostile name in the audit log's details is escaped on /admin/audit", hostile_name_audit, 0},
	{"hostile query strings and form input come back escaped", hostile_query, 0},
	{"740's konsulent gets 404 for every 621 users page, and changes nothing",
	 other_kommune_pages, 0},
	{"740's konsulent gets 403 or 404 from every 621 users endpoint, and changes nothing",
	 other_kommune_api, 0},
	{"every role of 621 gets 403 or 404 from 740's users endpoints", every_role_other_kommune, 0},
	{"a konsulent's form cannot place an account in another municipality",
	 form_kommune_ignored, 0},
	{"roles that may not manage users get 403 from the users pages and API",
	 roles_without_user_admin, 0},
	{"after 4 wrong passwords from one address the account waits there (429 with Retry-After), "
	 "not elsewhere", login_throttle, 0},
	{"?next= and the form's next lead only to a path on this site", login_next_only_local, 0},
	{"every 429 carries Retry-After", every_429_says_when, 0},
	{"a konsulent cannot create or promote an administrator (422, nothing changes)",
	 konsulent_cannot_make_admin, 0},
	{"deactivating an account ends its sessions and sign-ins", deactivation_ends_sessions, 0},
	{"the access log names routes, never an e-mail, CPR number or query typed into the URL",
	 access_log_keeps_no_personal_data, 0},
	{"behind --trusted-proxy: __Host- Secure cookies over HTTPS, limits per forwarded client",
	 trusted_proxy_headers, 0},
	{"the server stops on SIGTERM with status 0 and a clean log", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
