/*
 * test_placements.c — placements and Tabel 4 from data over real HTTP: the API's validation
 * (422 naming the member), the purpose every read of the jobkonsulent names, who may do what
 * between roles and municipalities, the enterprise's view (first names of consenting citizens
 * only), follow-ups and their reminders from the command line (queued once), the statistics
 * endpoint per role (exact for the municipality's staff, "<3" for everyone else), the command
 * line's JSON, CSV and XLSX, and the jobkonsulent's pages and forms (valid HTML).
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h); the citizens are
 * put into the database with sqlite3, as the citizens' own interface is tested elsewhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"

static struct harness_server *srv;
static struct harness_client *anon, *job, *job740, *owner, *kolding, *silkeborg, *admin;
static struct harness_client *job_web; /* the jobkonsulent of 621, signed in through the form */
/* citizens: [0] 621 consenting to the enterprise, [1] 621 not, [2] 740, [3] 621 anonymized */
static long long citizen[4];
static long long soul, sterk; /* Soul Café (soev, virksomhed@kolding's) and a company of 621 */

/* the single number sqlite3 printed for sql on the server's database, or 0 */
static long long sql_id(const char *sql)
{
	char *out = NULL;
	if (harness_sqlite(harness_server_db(srv), sql, &out) != 0 || !out)
		return 0;
	return strtoll(out, NULL, 10);
}

static long long id_of(struct harness_resp *r)
{
	return (long long)json_integer_value(json_object_get(harness_json(r), "id"));
}

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	/* the counts below start from no openings, citizens or placements */
	CHECKF(harness_server_no_employment(srv) == 0, "the demo's employment rows were not removed");
	static const char *const names[4][3] = {
		{"621", "Anne-Marie Hansen", "enterprise"}, {"621", "Bo Jensen", "matching"},
		{"740", "Carl Berg", "enterprise"}, {"621", "", ""}};
	for (int i = 0; i < 4; i++) {
		citizen[i] = sql_id(harness_fmt(
			"INSERT INTO citizens (kommune, name, consent_scope, created_at, updated_at, active_at,"
			" anonymized_at) VALUES ('%s', '%s', '%s', 't', 't', '2000-01-01', %s) RETURNING id",
			names[i][0], names[i][1], names[i][2],
			i == 3 ? "'2020-01-01'" : "NULL"));
		CHECKF(citizen[i] > 0, "citizen %d could not be put in", i);
	}
	soul = sql_id("SELECT id FROM enterprises WHERE name = 'Soul Café';");
	sterk = sql_id("INSERT INTO enterprises (name, kommune, kind, created_at, updated_at)"
	               " VALUES ('Sterk ApS', '621', 'company', 't', 't') RETURNING id");
	CHECK(soul > 0 && sterk > 0);
	/* job@silkeborg.example, the jobkonsulent of 740, is one of the demo's users */
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	job = harness_bearer(srv, "job@kolding.example");
	job740 = harness_bearer(srv, "job@silkeborg.example");
	owner = harness_bearer(srv, "virksomhed@kolding.example");
	kolding = harness_bearer(srv, "konsulent@kolding.example");
	silkeborg = harness_bearer(srv, "konsulent@silkeborg.example");
	admin = harness_bearer(srv, "admin@indgang.example");
	job_web = harness_login(srv, "job@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECKF(job && job740 && owner && kolding && silkeborg && admin && job_web,
	       "a token or the sign-in failed");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

/* POST /api/v1/placements with body as c */
static struct harness_resp *create(struct harness_client *c, const char *body)
{
	return harness_post_json(c, "/api/v1/placements", body);
}

/* ---------------------------------------------------------------- the API */

static void api_create(void)
{
	const char *good = harness_fmt("{\"citizen_id\": %lld, \"enterprise_id\": %lld, \"scheme\": "
	                               "\"fleksjob\", \"start\": \"2026-01-05\", \"hours\": 20}",
	                               citizen[0], soul);
	struct harness_resp *r = create(job, good);
	CHECK_STATUS(r, 201);
	CHECK(id_of(r) > 0);
	CHECK_STR(harness_header(r, "Location"), harness_fmt("/api/v1/placements/%lld", id_of(r)));
	/* each wrong member named */
	static const struct {
		const char *field, *members;
	} bad[] = {
		{"scheme", "\"scheme\": \"fuldtid\", \"start\": \"2026-01-05\""},
		{"start", "\"scheme\": \"fleksjob\", \"start\": \"5. januar\""},
		{"end", "\"scheme\": \"fleksjob\", \"start\": \"2026-01-05\", \"end\": \"2026-01-04\""},
		{"planned_end", "\"scheme\": \"fleksjob\", \"start\": \"2026-01-05\", \"planned_end\": \"2025-01-04\""},
		{"hours", "\"scheme\": \"fleksjob\", \"start\": \"2026-01-05\", \"hours\": 38"},
		{"hours", "\"scheme\": \"fleksjob\", \"start\": \"2026-01-05\", \"hours\": \"tyve\""},
		{"outcome", "\"scheme\": \"fleksjob\", \"start\": \"2026-01-05\", \"outcome\": \"pension\""},
		{"opening_id", "\"scheme\": \"fleksjob\", \"start\": \"2026-01-05\", \"opening_id\": 999999"},
		{"inhouse", "\"scheme\": \"fleksjob\", \"start\": \"2026-01-05\", \"inhouse\": \"ja\""},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_API_ERROR(create(job, harness_fmt("{\"citizen_id\": %lld, \"enterprise_id\": %lld, %s}",
		                                        citizen[0], soul, bad[i].members)),
		                422, "invalid", bad[i].field);
	CHECK_API_ERROR(create(job, harness_fmt("{\"citizen_id\": %lld, \"enterprise_id\": 999999, "
	                                        "\"scheme\": \"fleksjob\", \"start\": \"2026-01-05\"}",
	                                        citizen[0])), 422, "invalid", "enterprise_id");
	CHECK_API_ERROR(create(job, harness_fmt("{\"citizen_id\": %lld, \"enterprise_id\": %lld, "
	                                        "\"scheme\": \"fleksjob\", \"start\": \"2026-01-05\"}",
	                                        citizen[3], soul)), 422, "invalid", "citizen_id");
	CHECK_API_ERROR(create(job, "{\"citizen_id\": \"1\"}"), 422, "invalid", "citizen_id");
	/* another municipality's citizen and one that does not exist: the same 403 */
	const char *other = harness_fmt("{\"citizen_id\": %lld, \"enterprise_id\": %lld, \"scheme\": "
	                                "\"fleksjob\", \"start\": \"2026-01-05\"}", citizen[2], soul);
	struct harness_resp *a = create(job, other);
	struct harness_resp *b = create(job, "{\"citizen_id\": 999999999, \"enterprise_id\": 1, "
	                                     "\"scheme\": \"fleksjob\", \"start\": \"2026-01-05\"}");
	CHECK_API_ERROR(a, 403, "forbidden", NULL);
	CHECK_STR(a->body, b->body);
	/* only the jobkonsulent creates */
	CHECK_API_ERROR(create(kolding, good), 403, "forbidden", NULL);
	CHECK_API_ERROR(create(admin, good), 403, "forbidden", NULL);
	CHECK_API_ERROR(create(owner, good), 403, "forbidden", NULL);
	CHECK_API_ERROR(create(job740, good), 403, "forbidden", NULL);
	CHECK_API_ERROR(create(anon, good), 401, "unauthorized", NULL);
}

/* the placement of citizen i at enterprise, started on start (YYYY-MM-DD), as the jobkonsulent */
static long long place(struct harness_client *c, int i, long long enterprise, const char *scheme,
                       const char *start, const char *more)
{
	struct harness_resp *r = create(c, harness_fmt("{\"citizen_id\": %lld, \"enterprise_id\": %lld, "
	                                               "\"scheme\": \"%s\", \"start\": \"%s\"%s}",
	                                               citizen[i], enterprise, scheme, start, more));
	return r->status == 201 ? id_of(r) : 0;
}

static void api_purpose(void)
{
	long long id = place(job, 0, soul, "praktik", "2026-02-01", "");
	CHECK(id > 0);
	const char *path = harness_fmt("/api/v1/placements/%lld", id);
	CHECK_API_ERROR(harness_get(job, path), 422, "invalid", "purpose");
	CHECK_API_ERROR(harness_get(job, harness_fmt("%s?purpose=nysgerrighed", path)), 422, "invalid",
	                "purpose");
	CHECK_API_ERROR(harness_get(job, "/api/v1/placements"), 422, "invalid", "purpose");
	struct harness_resp *r = harness_get(job, harness_fmt("%s?purpose=opfoelgning", path));
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "citizen_name"), "Anne-Marie Hansen");
	CHECK_STR(harness_json_str(harness_json(r), "scheme"), "praktik");
	CHECK(json_is_array(json_object_get(harness_json(r), "followups")));
	/* the read is in the audit log with its purpose */
	r = harness_get(admin, harness_fmt("/api/v1/audit?entity=citizen&entity_id=%lld", citizen[0]));
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "opfoelgning");
	/* the list: the municipality's own only */
	r = harness_get(job, "/api/v1/placements?purpose=matching&limit=500");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "Anne-Marie Hansen");
	CHECK_LACKS(r->body, "Carl Berg");
	r = harness_get(job740, "/api/v1/placements?purpose=matching");
	CHECK_STATUS(r, 200);
	CHECK_LACKS(r->body, "Anne-Marie");
	/* another municipality's jobkonsulent, and the roles that see only counts */
	CHECK_API_ERROR(harness_get(job740, harness_fmt("%s?purpose=matching", path)), 404, "not_found", NULL);
	CHECK_API_ERROR(harness_get(kolding, harness_fmt("%s?purpose=matching", path)), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_get(admin, harness_fmt("%s?purpose=matching", path)), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_get(kolding, "/api/v1/placements?purpose=matching"), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_get(anon, path), 401, "unauthorized", NULL);
	CHECK_API_ERROR(harness_get(job, "/api/v1/placements?purpose=matching&open=ja"), 400,
	                "bad_parameter", "open");
}

static void enterprise_view(void)
{
	long long shown = place(job, 0, soul, "fleksjob", "2026-03-01", ", \"hours\": 15");
	long long hidden = place(job, 1, soul, "fleksjob", "2026-03-01", "");
	CHECK(shown > 0 && hidden > 0);
	struct harness_resp *r = harness_get(owner, "/api/v1/placements?limit=500");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "\"first_name\":\"Anne-Marie\"");
	CHECK_LACKS(r->body, "Hansen");
	CHECK_LACKS(r->body, "\"Bo\"");
	CHECK_LACKS(r->body, "Jensen");
	CHECK_LACKS(r->body, "citizen_id");
	CHECK_LACKS(r->body, "cpr");
	CHECK_LACKS(r->body, "kommune");
	r = harness_get(owner, harness_fmt("/api/v1/placements/%lld", shown));
	CHECK_STATUS(r, 200);
	json_t *p = harness_json(r);
	CHECK_STR(harness_json_str(p, "first_name"), "Anne-Marie");
	CHECK(json_integer_value(json_object_get(p, "hours")) == 15);
	CHECK(json_object_size(p) == 7); /* id, enterprise_id, first_name, scheme, start, end, hours */
	CHECK_API_ERROR(harness_get(owner, harness_fmt("/api/v1/placements/%lld", hidden)), 404,
	                "not_found", NULL);
	CHECK_API_ERROR(harness_get(owner, harness_fmt("/api/v1/placements?enterprise_id=%lld", sterk)),
	                403, "forbidden", NULL);
	CHECK_API_ERROR(harness_patch_json(owner, harness_fmt("/api/v1/placements/%lld", shown),
	                                   "{\"end\": \"2026-04-01\"}"), 403, "forbidden", NULL);
}

static void api_change_and_followups(void)
{
	long long id = place(job, 1, sterk, "ordinaer", "2026-01-10", "");
	CHECK(id > 0);
	const char *path = harness_fmt("/api/v1/placements/%lld", id);
	CHECK_API_ERROR(harness_patch_json(job, path, "{\"end\": \"2026-01-09\"}"), 422, "invalid", "end");
	CHECK_API_ERROR(harness_patch_json(job, path, "{\"outcome\": \"pension\"}"), 422, "invalid", "outcome");
	CHECK_API_ERROR(harness_patch_json(job740, path, "{\"end\": \"2026-06-30\"}"), 404, "not_found", NULL);
	struct harness_resp *r = harness_patch_json(job, path, "{\"end\": \"2026-06-30\", \"outcome\": "
	                                                       "\"ordinaert_job\", \"hours\": 37}");
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "end"), "2026-06-30");
	CHECK_STR(harness_json_str(harness_json(r), "outcome"), "ordinaert_job");
	CHECK(json_is_null(json_object_get(harness_json(r), "citizen_name")));
	r = harness_post_json(job, harness_fmt("%s/followups", path), "{\"due\": \"2026-02-01\", "
	                                                              "\"note\": \"Første samtale\"}");
	CHECK_STATUS(r, 201);
	long long fid = id_of(r);
	CHECK_API_ERROR(harness_post_json(job, harness_fmt("%s/followups", path), "{\"due\": \"snart\"}"),
	                422, "invalid", "due");
	CHECK_API_ERROR(harness_post_json(job740, harness_fmt("%s/followups", path), "{\"due\": \"2026-02-01\"}"),
	                404, "not_found", NULL);
	r = harness_patch_json(job, harness_fmt("%s/followups/%lld", path, fid), "{\"done\": true}");
	CHECK_STATUS(r, 200);
	json_t *f = json_array_get(json_object_get(harness_json(r), "followups"), 0);
	CHECK(harness_json_str(f, "done_at") != NULL);
	CHECK_STR(harness_json_str(f, "note"), "Første samtale");
	CHECK_API_ERROR(harness_patch_json(job, harness_fmt("%s/followups/999999", path), "{\"done\": true}"),
	                404, "not_found", NULL);
}

/* ---------------------------------------------------------------- reminders */

static void remind_once(void)
{
	long long id = place(job, 0, sterk, "loentilskud", "2026-01-02", "");
	CHECK(id > 0);
	struct harness_resp *r = harness_post_json(job, harness_fmt("/api/v1/placements/%lld/followups", id),
	                                           "{\"due\": \"2026-01-20\"}");
	CHECK_STATUS(r, 201);
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, "employment", "remind", "--date", "2026-01-25", NULL) == 0);
	CHECK_HAS(out, "1 reminder queued");
	CHECK(harness_cli(srv, NULL, &out, "employment", "remind", "--date", "2026-01-25", NULL) == 0);
	CHECK_HAS(out, "0 reminders queued");
	CHECK(harness_cli(srv, NULL, &out, "mail", "list", "--pending", NULL) == 0);
	CHECK_HAS(out, harness_fmt("job@kolding.example\tpending\t0\tOpfølgning på forløb nr. %lld den "
	                           "20.01.2026", id));
	CHECK(harness_cli(srv, NULL, NULL, "employment", "remind", "--date", "i morgen", NULL) == 2);
}

/* ---------------------------------------------------------------- Tabel 4 from data */

/* the member key of the first row of the statistics as c reads them */
static json_t *stat_member(struct harness_client *c, const char *query, const char *key)
{
	struct harness_resp *r = harness_get(c, harness_fmt("/api/v1/stats/employment?%s", query));
	if (r->status != 200)
		return NULL;
	return json_object_get(json_array_get(json_object_get(harness_json(r), "rows"), 0), key);
}

static void stats_per_role(void)
{
	/* 2027 has exactly one placement: a fleksjob at Soul Café for Kolding */
	CHECK(place(job, 1, soul, "fleksjob", "2027-01-01", "") > 0);
	json_t *v = stat_member(kolding, "year=2027&kommune=621", "fleksjob_soev");
	CHECKF(json_is_integer(v) && json_integer_value(v) == 1, "the konsulent of 621 does not see 1");
	v = stat_member(job, "year=2027&kommune=621", "fleksjob_soev");
	CHECK(json_is_integer(v) && json_integer_value(v) == 1);
	/* the public, another municipality, the administrator, and every view across municipalities */
	struct harness_client *others[] = {anon, silkeborg, admin, owner};
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		v = stat_member(others[i], "year=2027&kommune=621", "fleksjob_soev");
		CHECKF(json_is_string(v) && !strcmp(json_string_value(v), "<3"), "caller %zu sees the exact count", i);
	}
	v = stat_member(kolding, "year=2027", "fleksjob_soev");
	CHECK(json_is_string(v) && !strcmp(json_string_value(v), "<3"));
	v = stat_member(anon, "year=2027", "ordinary_jobs");
	CHECK(json_is_integer(v) && json_integer_value(v) == 0); /* zero stays zero */
	struct harness_resp *r = harness_get(anon, "/api/v1/stats/employment?year=2027");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "\"total\":{\"ordinary_jobs\":0,\"fleksjob_soev\":\"<3\"");
	CHECK_HAS(r->body, "\"exact\":false");
	CHECK_API_ERROR(harness_get(anon, "/api/v1/stats/employment?year=tyve"), 400, "bad_parameter", "year");
	CHECK_API_ERROR(harness_get(anon, "/api/v1/stats/employment?kommune=62"), 400, "bad_parameter", "kommune");
	CHECK_API_ERROR(harness_get(anon, "/api/v1/stats/employment?kommune=999"), 404, "not_found", "kommune");
	/* the downloads keep the discretion */
	r = harness_get(anon, "/statistik/beskaeftigelse/eksport?format=csv&year=2027");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "Kolding;621;0;<3;0;0;0\r\n");
	CHECK(!strncmp(r->body, "\xEF\xBB\xBF", 3)); /* a byte-order mark, for Danish Excel */
	r = harness_get(anon, "/statistik/beskaeftigelse/eksport?format=xlsx&year=2027&kommune=621");
	CHECK_STATUS(r, 200);
	CHECK(r->len > 100 && !memcmp(r->body, "PK", 2));
	CHECK_STR(harness_header(r, "Content-Disposition"), "attachment; filename=\"tabel4-2027-621.xlsx\"");
}

static void cli_formats(void)
{
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, "employment", "stats", "--year", "2027", NULL) == 0);
	json_error_t e;
	json_t *j = json_loads(out, 0, &e);
	CHECKF(j, "not JSON: %s", out);
	json_t *row = json_array_get(json_object_get(j, "rows"), 0);
	CHECK(json_integer_value(json_object_get(row, "fleksjob_soev")) == 1); /* exact */
	CHECK(json_is_true(json_object_get(j, "exact")));
	json_decref(j);
	CHECK(harness_cli(srv, NULL, &out, "employment", "stats", "--year", "2027", "--kommune", "621",
	                  "--format", "csv", NULL) == 0);
	CHECK_STR(out, "kommune,name,ordinary_jobs,fleksjob_soev,fleksjob_company,forloeb_soev,inhouse_companies\r\n"
	               "621,Kolding,0,1,0,0,0\r\n,I alt,0,1,0,0,0\r\n");
	const char *file = harness_server_path(srv, "tabel4.xlsx");
	CHECK(harness_cli(srv, NULL, NULL, "employment", "stats", "--year", "2027", "--format", "xlsx",
	                  file, NULL) == 0);
	struct stat st;
	CHECK(stat(file, &st) == 0 && st.st_size > 100);
	FILE *f = fopen(file, "rb");
	char magic[2] = {0};
	CHECK(f);
	CHECK(fread(magic, 1, 2, f) == 2);
	fclose(f);
	CHECK(!memcmp(magic, "PK", 2));
	CHECK(harness_cli(srv, NULL, NULL, "employment", "stats", "--year", "2027", "--format", "xlsx", NULL) == 2);
	CHECK(harness_cli(srv, NULL, NULL, "employment", "stats", NULL) == 2);
	CHECK(harness_cli(srv, NULL, NULL, "employment", "stats", "--year", "2027", "--kommune", "999", NULL) == 2);
	CHECK(harness_cli(srv, NULL, &out, "employment", "--help", NULL) == 0);
	CHECK_HAS(out, "employment remind");
}

/* ---------------------------------------------------------------- pages */

static const char *page_problem(struct harness_resp *r, const char *what, long status)
{
	const char *why = harness_status_problem(r, status);
	if (!why)
		why = harness_html_problem(r);
	return why ? harness_fmt("%s: %s", what, why) : NULL;
}

static void pages_flow(void)
{
	const char *csrf = harness_client_csrf(job_web);
	CHECK(csrf);
	/* the forms need their CSRF token */
	struct harness_resp *forged = harness_post_form(
		job_web, "/forloeb", harness_form("csrf", "forkert", "citizen_id",
		                                  harness_fmt("%lld", citizen[0]), NULL));
	CHECK_STATUS(forged, 403);
	/* a new placement through the form: errors first, then the real one */
	struct harness_resp *r = harness_get(job_web, harness_fmt("/forloeb/ny?citizen_id=%lld", citizen[0]));
	CHECK_OK(page_problem(r, "GET /forloeb/ny", 200));
	CHECK_HAS(r->body, "Sterk ApS");
	r = harness_post_form(job_web, "/forloeb",
	                      harness_form("csrf", csrf, "citizen_id", harness_fmt("%lld", citizen[0]),
	                                   "enterprise_id", harness_fmt("%lld", soul), "scheme", "fleksjob",
	                                   "start", "2026-13-01", "hours", "mange", NULL));
	CHECK_OK(page_problem(r, "POST /forloeb with errors", 422));
	CHECK_HAS(r->body, "Skriv datoen som ÅÅÅÅ-MM-DD");
	CHECK_HAS(r->body, "value=\"2026-13-01\"");
	r = harness_post_form(job_web, "/forloeb",
	                      harness_form("csrf", csrf, "citizen_id", harness_fmt("%lld", citizen[0]),
	                                   "enterprise_id", harness_fmt("%lld", soul), "scheme", "fleksjob",
	                                   "start", "2026-04-01", "hours", "12", NULL));
	CHECK_STATUS(r, 303);
	const char *to = harness_header(r, "Location");
	CHECKF(to && !strncmp(to, "/forloeb/", 9), "created, then sent to %s", to ? to : "nowhere");
	long long id = strtoll(to + 9, NULL, 10);
	/* the page asks for the purpose before it shows the name */
	r = harness_get(job_web, to);
	CHECK_OK(page_problem(r, harness_fmt("GET %s", to), 200));
	CHECK_HAS(r->body, "Forløbet er oprettet.");
	CHECK_HAS(r->body, "name=\"purpose\"");
	CHECK_LACKS(r->body, "Anne-Marie");
	const char *detail = harness_fmt("/forloeb/%lld?purpose=opfoelgning", id);
	r = harness_get(job_web, detail);
	CHECK_OK(page_problem(r, harness_fmt("GET %s", detail), 200));
	CHECK_HAS(r->body, "Anne-Marie Hansen");
	/* a follow-up, held; an end before the start is refused with the page again */
	const char *action = harness_fmt("/forloeb/%lld", id);
	r = harness_post_form(job_web, action, harness_form("csrf", csrf, "action", "followup", "purpose",
	                                                    "opfoelgning", "due", "2026-04-15", "note",
	                                                    "Samtale <med> mentor", NULL));
	CHECK_STATUS(r, 303);
	CHECK_STR(harness_header(r, "Location"), harness_fmt("/forloeb/%lld?ok=gemt&purpose=opfoelgning", id));
	r = harness_get(job_web, detail);
	CHECK_HAS(r->body, "Samtale &lt;med&gt; mentor");
	CHECK_HAS(r->body, "Markér som holdt");
	r = harness_post_form(job_web, action, harness_form("csrf", csrf, "action", "update", "purpose",
	                                                    "opfoelgning", "end", "2026-03-01", NULL));
	CHECK_OK(page_problem(r, "POST /forloeb/{id} with an end before the start", 422));
	CHECK_HAS(r->body, "Slutdatoen ligger før startdatoen.");
	r = harness_post_form(job_web, action, harness_form("csrf", csrf, "action", "update", "end",
	                                                    "2026-05-01", "outcome", "uddannelse", NULL));
	CHECK_STATUS(r, 303);
	r = harness_get(job_web, action);
	CHECK_HAS(r->body, "Uddannelse");
	/* the list: without a purpose, no names; with one, names, and the links keep it */
	r = harness_get(job_web, "/forloeb?state=all");
	CHECK_OK(page_problem(r, "GET /forloeb", 200));
	CHECK_LACKS(r->body, "Hansen");
	r = harness_get(job_web, "/forloeb?state=all&purpose=matching");
	CHECK_OK(page_problem(r, "GET /forloeb with a purpose", 200));
	CHECK_HAS(r->body, "Anne-Marie Hansen");
	CHECK_HAS(r->body, harness_fmt("href=\"/forloeb/%lld?purpose=matching\"", id));
	CHECK_HAS(r->body, "href=\"/forloeb\" aria-current=\"page\"");
	r = harness_get(job_web, "/forloeb?state=open&scheme=ordinaer&purpose=matching");
	CHECK_OK(page_problem(r, "GET /forloeb, an empty filter", 200));
	/* the enterprise's page and the profile's block */
	struct harness_client *virk = harness_login(srv, "virksomhed@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(virk);
	r = harness_get(virk, harness_fmt("/virksomheder/%lld/forloeb?state=all", soul));
	CHECK_OK(page_problem(r, "the enterprise's placements", 200));
	CHECK_HAS(r->body, "<td>Anne-Marie</td>");
	CHECK_LACKS(r->body, "Hansen");
	CHECK_LACKS(r->body, ">Bo<"); /* bare "Bo" turns up in a random CSRF token now and then */
	CHECK_LACKS(r->body, "Jensen");
	CHECK_HAS(r->body, harness_fmt("href=\"/virksomheder/%lld/forloeb\"", soul)); /* its menu */
	r = harness_get(anon, harness_fmt("/virksomheder/%lld", soul));
	CHECK_OK(page_problem(r, "the profile of Soul Café", 200));
	CHECK_HAS(r->body, "Borgere i job og forløb nu");
	CHECK_STATUS(harness_get(virk, harness_fmt("/virksomheder/%lld/forloeb", sterk)), 403);
}

static void stats_page(void)
{
	struct harness_resp *r = harness_get(anon, "/statistik/beskaeftigelse?year=2015");
	CHECK_OK(page_problem(r, "GET /statistik/beskaeftigelse?year=2015", 200));
	/* the survey's Tabel 4 beside it: the report's counts */
	CHECK_HAS(r->body, "<td>5</td><td>6</td><td>5</td><td>1</td><td>0</td><td>17</td>");
	CHECK_HAS(r->body, "<td>3</td><td>2</td><td>11</td><td>0</td><td>1</td><td>17</td>");
	r = harness_get(anon, "/statistik/beskaeftigelse?year=2027&kommune=621");
	CHECK_OK(page_problem(r, "GET /statistik/beskaeftigelse?year=2027&kommune=621", 200));
	CHECK_HAS(r->body, "<td>&lt;3</td>");
	CHECK_HAS(r->body, "format=csv&amp;year=2027&amp;kommune=621");
	CHECK_HAS(r->body, "ingen spørgeskemaundersøgelse");
	CHECK_STATUS(harness_get(anon, "/statistik/beskaeftigelse?year=x"), 400);
	CHECK_STATUS(harness_get(anon, "/statistik/beskaeftigelse?kommune=999"), 404);
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database with citizens of 621 and 740", start,
	 HARNESS_FATAL | HARNESS_KEEP},
	{"POST /api/v1/placements: 201, 422 naming each wrong member, 403 alike for another "
	 "municipality's or no citizen, only the jobkonsulent", api_create, 0},
	{"reading a placement names a purpose (422 on purpose), is audited, and stays within the "
	 "municipality", api_purpose, 0},
	{"the enterprise sees its consenting citizens by first name, scheme, dates and hours only",
	 enterprise_view, 0},
	{"PATCH a placement and its follow-ups; another municipality gets 404", api_change_and_followups, 0},
	{"indgang employment remind queues a due follow-up once", remind_once, 0},
	{"GET /api/v1/stats/employment: exact for the municipality's staff, <3 for everyone else",
	 stats_per_role, 0},
	{"indgang employment stats gives JSON, CSV and XLSX with exact counts", cli_formats, 0},
	{"the jobkonsulent's pages: a new placement, the purpose first, follow-ups, 422 with the "
	 "form; the enterprise's page and the profile's block", pages_flow, 0},
	{"/statistik/beskaeftigelse shows Tabel 4 from data beside the survey's", stats_page, 0},
	{"the server stops on SIGTERM with status 0 and a clean log", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
