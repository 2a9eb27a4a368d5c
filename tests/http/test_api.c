/*
 * test_api.c — the JSON API over real HTTP: health, the caller (/api/v1/me), the municipalities,
 * the managed lists (/api/v1/lists/...), and one municipality's user accounts (list, create,
 * update) with every status the API
 * promises — 400, 401, 403, 404, 405, 409, 413, 415, 422 — the error body
 * {"error": {"code", "message", "field"}}, pagination, and the token of a deactivated user.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define KOLDING_USERS "/api/v1/kommuner/621/users"
#define BIG_BODY (1024 * 1024 + 100 * 1024) /* 1.1 MiB: over the 1 MiB limit */

static struct harness_server *srv;
static struct harness_client *anon;      /* no token, no session */
static struct harness_client *kolding;   /* konsulent of 621 */
static struct harness_client *silkeborg; /* konsulent of 740 */
static struct harness_client *job;       /* jobkonsulent of 621 */
static struct harness_client *admin;     /* national administrator */
static int serial;                       /* for e-mail addresses no other test uses */

/* ---------------------------------------------------------------- helpers */

static const char *new_email(const char *what)
{
	return harness_fmt("api-%s-%d@kolding.example", what, ++serial);
}

static const char *user_body(const char *email, const char *role, const char *password)
{
	return harness_json_text(json_pack("{s:s, s:s, s:s, s:s}", "email", email, "role", role,
	                                   "password", password, "name", "Test Testesen"));
}

/* the users of a municipality as the administrator sees them (all pages), or NULL */
static json_t *all_users(const char *kommune)
{
	struct harness_resp *r =
		harness_get(admin, harness_fmt("/api/v1/kommuner/%s/users?limit=500", kommune));
	json_t *items = r->status == 200 ? json_object_get(harness_json(r), "items") : NULL;
	return json_is_array(items) ? items : NULL;
}

/* the id of the user with this e-mail in kommune, 0 when there is none, -1 when the list
 * could not be read */
static long long user_id(const char *kommune, const char *email)
{
	json_t *items = all_users(kommune);
	if (!items)
		return -1;
	size_t i;
	json_t *u;
	json_array_foreach(items, i, u) {
		const char *e = harness_json_str(u, "email");
		if (e && strcmp(e, email) == 0)
			return (long long)json_integer_value(json_object_get(u, "id"));
	}
	return 0;
}

/* ---------------------------------------------------------------- setup */

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	kolding = harness_bearer(srv, "konsulent@kolding.example");
	silkeborg = harness_bearer(srv, "konsulent@silkeborg.example");
	job = harness_bearer(srv, "job@kolding.example");
	admin = harness_bearer(srv, "admin@indgang.example");
	CHECKF(kolding && silkeborg && job && admin, "'indgang token create' failed");
}

static void stop(void)
{
	int st = harness_server_stop(srv);
	CHECKF(st == 0, "indgang serve exited with status %d after SIGTERM", st);
	CHECK_OK(harness_server_log_problem(srv));
}

/* ---------------------------------------------------------------- health and the caller */

static void healthz(void)
{
	struct harness_resp *r = harness_get(anon, "/healthz");
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_header(r, "Content-Type"), "application/json");
	CHECK_STR(r->body, "{\"status\":\"ok\"}");
}

static void me_konsulent(void)
{
	struct harness_resp *r = harness_get(kolding, "/api/v1/me");
	CHECK_STATUS(r, 200);
	json_t *me = harness_json(r);
	CHECK_STR(harness_json_str(me, "email"), "konsulent@kolding.example");
	CHECK_STR(harness_json_str(me, "role"), "konsulent");
	CHECK_STR(harness_json_str(me, "kommune"), "621");
}

static void me_admin(void)
{
	struct harness_resp *r = harness_get(admin, "/api/v1/me");
	CHECK_STATUS(r, 200);
	json_t *me = harness_json(r);
	CHECK_STR(harness_json_str(me, "email"), "admin@indgang.example");
	CHECK_STR(harness_json_str(me, "role"), "admin");
	json_t *k = json_object_get(me, "kommune");
	CHECKF(k && json_is_null(k), "kommune is not null: %s", r->body);
}

static void me_without_token(void)
{
	struct harness_resp *r = harness_get(anon, "/api/v1/me");
	CHECK_API_ERROR(r, 401, "unauthorized", NULL);
}

/* RFC 9110 section 15.5.2: a 401 response MUST carry WWW-Authenticate */
static void unauthorized_names_scheme(void)
{
	struct harness_resp *r = harness_get(anon, "/api/v1/me");
	CHECK_STATUS(r, 401);
	const char *wa = harness_header(r, "WWW-Authenticate");
	CHECKF(wa && strncmp(wa, "Bearer", 6) == 0, "WWW-Authenticate is %s, expected Bearer ...",
	       wa ? wa : "missing");
}

static void bad_tokens(void)
{
	static const char *const auth[] = {
		/* the right shape, but never issued */
		"Authorization: Bearer ind_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"Authorization: Bearer ind_short",
		"Authorization: Bearer ",
		"Authorization: Basic a29uc3VsZW50QGtvbGRpbmcuZXhhbXBsZTppbmRnYW5nLWRlbW8tMjAyNg==",
	};
	for (size_t i = 0; i < sizeof(auth) / sizeof(auth[0]); i++) {
		struct harness_resp *r = harness_send(
			anon, &(struct harness_req){.path = "/api/v1/me",
			                            .headers = (const char *const[]){auth[i], NULL}});
		CHECK_API_ERROR(r, 401, "unauthorized", NULL);
	}
}

/* ---------------------------------------------------------------- municipalities */

static void kommuner_public(void)
{
	struct harness_resp *r = harness_get(anon, "/api/v1/kommuner");
	CHECK_STATUS(r, 200);
	json_t *root = harness_json(r), *items = json_object_get(root, "items");
	CHECKF(json_is_array(items), "no items array: %.200s", r->body);
	CHECKF(json_array_size(items) == 98, "%zu municipalities, expected 98",
	       json_array_size(items));
	CHECK(json_integer_value(json_object_get(root, "total")) == 98);
	bool kolding_seen = false;
	size_t i;
	json_t *k;
	json_array_foreach(items, i, k) {
		const char *kode = harness_json_str(k, "kode");
		CHECKF(kode && strlen(kode) == 3 && harness_json_str(k, "navn"),
		       "item %zu is not {kode, navn, ...}", i);
		if (strcmp(kode, "621") == 0)
			kolding_seen = strcmp(harness_json_str(k, "navn"), "Kolding") == 0;
	}
	CHECKF(kolding_seen, "621 Kolding is not in the list");
	/* the list is written once and then copied: later answers are the same bytes */
	for (int n = 0; n < 3; n++) {
		struct harness_resp *again = harness_get(anon, "/api/v1/kommuner");
		CHECK_STATUS(again, 200);
		CHECKF(again->len == r->len && memcmp(again->body, r->body, r->len) == 0,
		       "answer %d differs from the first (%zu and %zu bytes)", n + 2, again->len, r->len);
	}
}

/* ---------------------------------------------------------------- listing users */

static void list_as_own_konsulent(void)
{
	struct harness_resp *r = harness_get(kolding, KOLDING_USERS);
	CHECK_STATUS(r, 200);
	json_t *items = json_object_get(harness_json(r), "items");
	CHECK(json_is_array(items) && json_array_size(items) >= 4);
	bool self = false;
	size_t i;
	json_t *u;
	json_array_foreach(items, i, u) {
		CHECK_STR(harness_json_str(u, "kommune"), "621");
		CHECKF(!json_object_get(u, "password_hash") && !json_object_get(u, "password"),
		       "a user in the list carries a password field");
		self = self || strcmp(harness_json_str(u, "email"), "konsulent@kolding.example") == 0;
	}
	CHECK(self);
}

static void list_as_other_konsulent(void)
{
	CHECK_API_ERROR(harness_get(silkeborg, KOLDING_USERS), 403, "forbidden", NULL);
}

static void list_as_jobkonsulent(void)
{
	CHECK_API_ERROR(harness_get(job, KOLDING_USERS), 403, "forbidden", NULL);
}

static void list_as_admin(void)
{
	struct harness_resp *r = harness_get(admin, KOLDING_USERS);
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "\"konsulent@kolding.example\"");
	CHECK_LACKS(r->body, "silkeborg");
}

static void list_without_token(void)
{
	CHECK_API_ERROR(harness_get(anon, KOLDING_USERS), 401, "unauthorized", NULL);
}

/* ---------------------------------------------------------------- creating users */

static void create_user(void)
{
	const char *email = new_email("ny");
	struct harness_resp *r =
		harness_post_json(kolding, KOLDING_USERS, user_body(email, "indkoeber", "lang-nok-kode-1"));
	CHECK_STATUS(r, 201);
	json_t *u = harness_json(r);
	CHECK_STR(harness_json_str(u, "email"), email);
	CHECK_STR(harness_json_str(u, "role"), "indkoeber");
	CHECK_STR(harness_json_str(u, "kommune"), "621");
	CHECK(json_is_true(json_object_get(u, "active")));
	CHECK(!json_object_get(u, "password") && !json_object_get(u, "password_hash"));
	long long id = (long long)json_integer_value(json_object_get(u, "id"));
	CHECK(id > 0);
	CHECK_STR(harness_header(r, "Location"), harness_fmt("/api/v1/users/%lld", id));
	CHECKF(user_id("621", email) == id, "the new user is not in the list of 621");
	struct harness_resp *g = harness_get(kolding, harness_fmt("/api/v1/users/%lld", id));
	CHECK_STATUS(g, 200);
	CHECK_STR(harness_json_str(harness_json(g), "email"), email);
}

static void create_duplicate(void)
{
	const char *taken = user_body("job@kolding.example", "indkoeber", "lang-nok-kode-1");
	CHECK_API_ERROR(harness_post_json(kolding, KOLDING_USERS, taken), 409, "conflict", "email");
	/* e-mail addresses are compared without regard to case */
	taken = user_body("JOB@Kolding.Example", "indkoeber", "lang-nok-kode-1");
	CHECK_API_ERROR(harness_post_json(kolding, KOLDING_USERS, taken), 409, "conflict", "email");
}

static void create_bad_role(void)
{
	const char *email = new_email("rolle");
	CHECK_API_ERROR(harness_post_json(kolding, KOLDING_USERS,
	                                  user_body(email, "superbruger", "lang-nok-kode-1")),
	                422, "invalid", "role");
	CHECK(user_id("621", email) == 0);
}

static void create_short_password(void)
{
	const char *email = new_email("kode");
	CHECK_API_ERROR(harness_post_json(kolding, KOLDING_USERS,
	                                  user_body(email, "indkoeber", "123456789")),
	                422, "invalid", "password");
	CHECK(user_id("621", email) == 0);
}

static void create_malformed(void)
{
	static const char *const bodies[] = {
		"{\"email\": \"x@kolding.example\", \"role\": ",
		"[\"not\", \"an\", \"object\"]",
		"{\"email\": \"x@kolding.example\", \"email\": \"y@kolding.example\"}",
		"\"just a string\"",
	};
	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++)
		CHECK_API_ERROR(harness_post_json(kolding, KOLDING_USERS, bodies[i]), 400, "bad_json",
		                NULL);
	/* invalid UTF-8 inside a string */
	CHECK_API_ERROR(harness_post_json(kolding, KOLDING_USERS, "{\"name\": \"\xff\xfe\"}"), 400,
	                "bad_json", NULL);
}

static void create_wrong_type(void)
{
	const char *email = new_email("type");
	struct harness_resp *r = harness_send(
		kolding, &(struct harness_req){.method = "POST", .path = KOLDING_USERS,
		                               .type = "text/plain",
		                               .body = user_body(email, "indkoeber", "lang-nok-kode-1")});
	CHECK_API_ERROR(r, 415, "unsupported_media_type", NULL);
	r = harness_send(kolding, &(struct harness_req){
		.method = "POST", .path = KOLDING_USERS, .type = "application/x-www-form-urlencoded",
		.body = harness_form("email", email, "role", "indkoeber", NULL)});
	CHECK_API_ERROR(r, 415, "unsupported_media_type", NULL);
	CHECK(user_id("621", email) == 0);
}

/* a JSON object of BIG_BODY bytes that would create a user if the size were allowed */
static const char *big_body(const char *email)
{
	const char *head = harness_fmt("{\"email\":\"%s\",\"role\":\"indkoeber\","
	                               "\"password\":\"lang-nok-kode-1\",\"name\":\"", email);
	size_t hl = strlen(head);
	char *b = harness_fmt("%*s", BIG_BODY, "");
	memcpy(b, head, hl);
	memset(b + hl, 'x', BIG_BODY - hl - 2);
	memcpy(b + BIG_BODY - 2, "\"}", 2);
	return b;
}

static void create_too_large(void)
{
	const char *email = new_email("stor");
	struct harness_resp *r = harness_post_json(kolding, KOLDING_USERS, big_body(email));
	CHECK_API_ERROR(r, 413, "too_large", NULL);
	CHECK(user_id("621", email) == 0);
}

static void create_too_large_chunked(void)
{
	const char *email = new_email("stykker");
	struct harness_resp *r = harness_send(
		kolding, &(struct harness_req){.method = "POST", .path = KOLDING_USERS,
		                               .type = "application/json", .body = big_body(email),
		                               .chunked = true});
	CHECK_API_ERROR(r, 413, "too_large", NULL);
	CHECK(user_id("621", email) == 0);
	/* the server is fine afterwards */
	CHECK_STATUS(harness_get(anon, "/healthz"), 200);
}

/* ---------------------------------------------------------------- pagination */

static void pagination(void)
{
	struct harness_resp *all = harness_get(kolding, KOLDING_USERS "?limit=500");
	CHECK_STATUS(all, 200);
	long long total = json_integer_value(json_object_get(harness_json(all), "total"));
	CHECKF(total >= 4, "total %lld", total);
	char seen[64][80] = {{0}};
	long long n = 0;
	for (long long offset = 0; offset < total; offset += 2) {
		struct harness_resp *r =
			harness_get(kolding, harness_fmt(KOLDING_USERS "?limit=2&offset=%lld", offset));
		CHECK_STATUS(r, 200);
		json_t *root = harness_json(r), *items = json_object_get(root, "items");
		CHECK(json_integer_value(json_object_get(root, "limit")) == 2);
		CHECK(json_integer_value(json_object_get(root, "offset")) == offset);
		CHECK(json_integer_value(json_object_get(root, "total")) == total);
		size_t want = total - offset < 2 ? (size_t)(total - offset) : 2;
		CHECKF(json_array_size(items) == want, "offset %lld: %zu items, expected %zu", offset,
		       json_array_size(items), want);
		size_t i;
		json_t *u;
		json_array_foreach(items, i, u) {
			const char *e = harness_json_str(u, "email");
			for (long long k = 0; k < n; k++)
				CHECKF(strcmp(seen[k], e) != 0, "%s is on two pages", e);
			CHECK(n < 64);
			snprintf(seen[n++], sizeof(seen[0]), "%s", e);
		}
	}
	CHECKF(n == total, "the pages hold %lld users, total says %lld", n, total);
	struct harness_resp *past = harness_get(kolding, harness_fmt(KOLDING_USERS "?offset=%lld", total));
	CHECK_STATUS(past, 200);
	CHECK(json_array_size(json_object_get(harness_json(past), "items")) == 0);
}

static void bad_paging(void)
{
	static const struct {
		const char *query, *field;
	} bad[] = {
		{"limit=0", "limit"}, {"limit=501", "limit"}, {"limit=abc", "limit"},
		{"limit=-1", "limit"}, {"limit=2x", "limit"}, {"offset=-1", "offset"},
		{"offset=x", "offset"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_API_ERROR(harness_get(kolding, harness_fmt(KOLDING_USERS "?%s", bad[i].query)), 400,
		                "bad_parameter", bad[i].field);
}

/* ---------------------------------------------------------------- updating users */

static void deactivate_ends_token(void)
{
	const char *email = new_email("stop");
	struct harness_resp *r =
		harness_post_json(kolding, KOLDING_USERS, user_body(email, "indkoeber", "lang-nok-kode-1"));
	CHECK_STATUS(r, 201);
	long long id = (long long)json_integer_value(json_object_get(harness_json(r), "id"));
	struct harness_client *them = harness_bearer(srv, email);
	CHECK(them);
	CHECK_STATUS(harness_get(them, "/api/v1/me"), 200);
	const char *path = harness_fmt("/api/v1/users/%lld", id);
	r = harness_patch_json(kolding, path, "{\"active\": false}");
	CHECK_STATUS(r, 200);
	CHECK(json_is_false(json_object_get(harness_json(r), "active")));
	CHECK_API_ERROR(harness_get(them, "/api/v1/me"), 401, "unauthorized", NULL);
	/* and it stays off */
	r = harness_get(kolding, path);
	CHECK_STATUS(r, 200);
	CHECK(json_is_false(json_object_get(harness_json(r), "active")));
}

static void patch_invalid(void)
{
	long long id = user_id("621", "indkoeb@kolding.example");
	CHECK(id > 0);
	const char *path = harness_fmt("/api/v1/users/%lld", id);
	CHECK_API_ERROR(harness_patch_json(kolding, path, "{\"active\": \"nej\"}"), 422, "invalid",
	                "active");
	CHECK_API_ERROR(harness_patch_json(kolding, path, "{\"role\": \"superbruger\"}"), 422,
	                "invalid", "role");
	CHECK_API_ERROR(harness_patch_json(kolding, path, "{\"password\": \"kort\"}"), 422, "invalid",
	                "password");
	struct harness_resp *r = harness_get(kolding, path);
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "role"), "indkoeber");
	CHECK(json_is_true(json_object_get(harness_json(r), "active")));
}

static void other_kommune_user_not_found(void)
{
	long long id = user_id("740", "konsulent@silkeborg.example");
	CHECK(id > 0);
	const char *path = harness_fmt("/api/v1/users/%lld", id);
	CHECK_API_ERROR(harness_get(kolding, path), 404, "not_found", NULL);
	CHECK_API_ERROR(harness_patch_json(kolding, path, "{\"name\": \"Overtaget\"}"), 404,
	                "not_found", NULL);
	/* the same answer as for an id that does not exist, so ids cannot be probed */
	struct harness_resp *none = harness_get(kolding, "/api/v1/users/999999");
	CHECK_API_ERROR(none, 404, "not_found", NULL);
	struct harness_resp *r = harness_get(admin, path);
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "name"), "Søren Silkeborg");
}

/* ---------------------------------------------------------------- the managed lists */

/* list_problem: NULL when path answers 200 with at least min items, each {key, label}, the first
 * first_key with first_label, and total the number of items; else the reason */
static const char *list_problem(const char *path, size_t min, const char *first_key,
                                const char *first_label)
{
	struct harness_resp *r = harness_get(anon, path);
	if (r->status != 200)
		return harness_fmt("%s answered %ld", path, r->status);
	json_t *items = json_object_get(harness_json(r), "items");
	if (!json_is_array(items) || json_array_size(items) < min)
		return harness_fmt("%s: fewer than %zu items: %.200s", path, min, r->body);
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) {
		const char *k = harness_json_str(it, "key"), *l = harness_json_str(it, "label");
		if (!k || !*k || !l || !*l || json_object_size(it) != 2)
			return harness_fmt("%s: item %zu is not {key, label}", path, i);
	}
	json_t *first = json_array_get(items, 0);
	if (strcmp(harness_json_str(first, "key"), first_key) ||
	    strcmp(harness_json_str(first, "label"), first_label))
		return harness_fmt("%s: the first item is %s, not %s", path,
		                   harness_json_str(first, "key"), first_key);
	if (json_integer_value(json_object_get(harness_json(r), "total")) != (json_int_t)json_array_size(items))
		return harness_fmt("%s: total is not the number of items", path);
	return NULL;
}

static void managed_lists(void)
{
	CHECK_OK(list_problem("/api/v1/lists/tasks", 8, "rengoering", "Rengøring"));
	CHECK_OK(list_problem("/api/v1/lists/adaptations", 5, "henteordning", "Henteordning"));
	CHECK_OK(list_problem("/api/v1/lists/services", 8, "kantine", "Kantine og catering"));
	CHECK_OK(list_problem("/api/v1/lists/target_groups", 5, "fleksjob", "Fleksjob"));
	/* in the lists' order: the second task and the last adaptation of the new database */
	struct harness_resp *t = harness_get(anon, "/api/v1/lists/tasks");
	CHECK_STR(harness_json_str(json_array_get(json_object_get(harness_json(t), "items"), 1), "key"),
	          "koekken");
	struct harness_resp *a = harness_get(kolding, "/api/v1/lists/adaptations");
	CHECK_STATUS(a, 200);
	json_t *items = json_object_get(harness_json(a), "items");
	CHECK_STR(harness_json_str(json_array_get(items, json_array_size(items) - 1), "key"), "sprogstoette");
	CHECK_STR(harness_header(a, "Content-Type"), "application/json");
	CHECK_API_ERROR(harness_get(anon, "/api/v1/lists/findes-ikke"), 404, "not_found", NULL);
	CHECK_API_ERROR(harness_get(anon, "/api/v1/lists"), 404, "not_found", NULL);
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/lists/tasks", "{}"), 405, "method_not_allowed", NULL);
}

/* ---------------------------------------------------------------- routing */

static void unknown_route(void)
{
	CHECK_API_ERROR(harness_get(kolding, "/api/v1/findes-ikke"), 404, "not_found", NULL);
	CHECK_API_ERROR(harness_get(anon, "/api/v2/kommuner"), 404, "not_found", NULL);
}

static void wrong_method(void)
{
	CHECK_API_ERROR(harness_send(kolding, &(struct harness_req){.method = "DELETE",
	                                                             .path = "/api/v1/me"}),
	                405, "method_not_allowed", NULL);
	CHECK_API_ERROR(harness_send(kolding, &(struct harness_req){.method = "PUT",
	                                                             .path = KOLDING_USERS,
	                                                             .type = "application/json",
	                                                             .body = "{}"}),
	                405, "method_not_allowed", NULL);
}

/* RFC 9110 section 15.5.6: a 405 response MUST carry Allow with the route's methods */
static void wrong_method_allow(void)
{
	struct harness_resp *r =
		harness_send(kolding, &(struct harness_req){.method = "DELETE", .path = KOLDING_USERS});
	CHECK_STATUS(r, 405);
	const char *allow = harness_header(r, "Allow");
	CHECKF(allow && strstr(allow, "GET") && strstr(allow, "POST"),
	       "Allow is %s, expected GET and POST", allow ? allow : "missing");
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start,
	 HARNESS_FATAL | HARNESS_KEEP},
	{"GET /healthz answers 200 {\"status\":\"ok\"}", healthz, 0},
	{"GET /api/v1/me with a konsulent's token gives e-mail, role and kommune \"621\"",
	 me_konsulent, 0},
	{"GET /api/v1/me as the national administrator has kommune null", me_admin, 0},
	{"GET /api/v1/me without a token answers 401 {\"error\": {code, message, field}}",
	 me_without_token, 0},
	{"a 401 names the Bearer scheme in WWW-Authenticate", unauthorized_names_scheme, 0},
	{"an unknown, malformed or non-Bearer token answers 401", bad_tokens, 0},
	{"GET /api/v1/kommuner lists the 98 municipalities without signing in", kommuner_public, 0},
	{"the managed lists (tasks, adaptations, services, target groups) are public, in order",
	 managed_lists, 0},
	{"GET 621's users as 621's konsulent answers 200 with only 621's users",
	 list_as_own_konsulent, 0},
	{"GET 621's users as 740's konsulent answers 403", list_as_other_konsulent, 0},
	{"GET 621's users as 621's jobkonsulent answers 403", list_as_jobkonsulent, 0},
	{"GET 621's users as the administrator answers 200", list_as_admin, 0},
	{"GET 621's users without a token answers 401", list_without_token, 0},
	{"POST a user answers 201 with Location, and the list and GET show it", create_user, 0},
	{"POST a taken e-mail (in any case) answers 409 naming email", create_duplicate, 0},
	{"POST an unknown role answers 422 naming role, creating nothing", create_bad_role, 0},
	{"POST a 9-character password answers 422 naming password, creating nothing",
	 create_short_password, 0},
	{"POST malformed JSON, a non-object or invalid UTF-8 answers 400", create_malformed, 0},
	{"POST a body that is not application/json answers 415", create_wrong_type, 0},
	{"POST a 1.1 MiB body answers 413, creating nothing", create_too_large, 0},
	{"POST a 1.1 MiB chunked body answers 413, creating nothing", create_too_large_chunked, 0},
	{"limit and offset page through the users without gaps or repeats", pagination, 0},
	{"a bad limit or offset answers 400 naming the parameter", bad_paging, 0},
	{"PATCH active false deactivates a user, whose token then answers 401",
	 deactivate_ends_token, 0},
	{"PATCH with invalid fields answers 422 naming the field and changes nothing",
	 patch_invalid, 0},
	{"another municipality's user answers 404 to GET and PATCH, like an unknown id",
	 other_kommune_user_not_found, 0},
	{"an unknown API route answers 404 in JSON", unknown_route, 0},
	{"a method a route does not take answers 405 in JSON", wrong_method, 0},
	{"a 405 lists the route's methods in Allow", wrong_method_allow, 0},
	{"the server stops on SIGTERM with status 0 and a clean log", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
