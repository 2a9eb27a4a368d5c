/*
 * test_citizens.c — citizens over real HTTP: the jobkonsulent registers, finds, reads, changes
 * and reveals a citizen; every other caller is refused; every read names its purpose and leaves
 * an audit line; the CPR number is never in clear in a response (but the reveal), in the
 * database file, in the audit details or in the server's log; the pages ask for the purpose
 * first; the command line answers the citizen's access request and export.
 * Layer: tests. Runs the real `indgang serve` on a demo database with a key file (harness.h).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct harness_server *srv;
static struct harness_client *job, *job_other, *konsulent, *admin, *indkoeb, *owner, *anon;
static long long citizen_id;

/* fictitious CPR numbers: the digits after the date are no one's (the birth dates are real) */
#define CPR_A "0101904321"
#define CPR_A_DASH "010190-4321"
#define CPR_A_MASK "010190-xxxx"
#define CPR_B "1505856789"

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	job = harness_bearer(srv, "job@kolding.example");
	job_other = harness_bearer(srv, "job@silkeborg.example");
	konsulent = harness_bearer(srv, "konsulent@kolding.example");
	admin = harness_bearer(srv, "admin@indgang.example");
	indkoeb = harness_bearer(srv, "indkoeb@kolding.example");
	owner = harness_bearer(srv, "virksomhed@kolding.example");
	CHECKF(job && job_other && konsulent && admin && indkoeb && owner, "'indgang token create' failed");
}

static const char *citizen_json(const char *name, const char *cpr)
{
	return harness_fmt("{\"name\": \"%s\", \"cpr\": \"%s\", \"tasks\": [\"rengoering\", \"kantine\"],"
	                   " \"schemes\": [\"fleksjob\"], \"hours_max\": 20,"
	                   " \"times\": [\"eftermiddag\"], \"needs\": [\"fast_mentor\"],"
	                   " \"travel\": \"kommune\", \"consent_date\": \"2026-01-05\"}",
	                   name, cpr);
}

/* the server's database is PostgreSQL's (INDGANG_TEST_BACKEND=postgresql), not a SQLite file */
static bool on_postgres(void)
{
	return strncmp(harness_server_db(srv), "postgresql://", 13) == 0;
}

/* the condition "the audit detail's purpose is purpose" in the server database's dialect */
static const char *purpose_is(const char *purpose)
{
	return harness_fmt(on_postgres() ? "CAST(detail AS jsonb) ->> 'purpose' = '%s'"
	                                 : "json_extract(detail, '$.purpose') = '%s'",
	                   purpose);
}

static long long audit_count(const char *where)
{
	char *out = NULL;
	if (harness_sqlite(harness_server_db(srv),
	                   harness_fmt("SELECT count(*) FROM audit WHERE entity = 'citizen' AND %s", where),
	                   &out) != 0 || !out)
		return -1;
	return atoll(out);
}

static void create_as_jobkonsulent(void)
{
	struct harness_resp *r = harness_post_json(job, "/api/v1/citizens", citizen_json("Anna Prøve", CPR_A_DASH));
	CHECK_STATUS(r, 201);
	citizen_id = json_integer_value(json_object_get(harness_json(r), "id"));
	CHECK(citizen_id > 0);
	CHECK_LACKS(r->body, "4321");
	CHECK(audit_count(harness_fmt("action = 'create' AND entity_id = '%lld'", citizen_id)) == 1);
	/* the same number again in the municipality: a conflict on the field */
	CHECK_API_ERROR(harness_post_json(job, "/api/v1/citizens", citizen_json("Anna To", CPR_A)),
	                409, "conflict", "cpr");
	/* the same person may be a citizen of another municipality too */
	CHECK_STATUS(harness_post_json(job_other, "/api/v1/citizens", citizen_json("Anna Silkeborg", CPR_A)), 201);
}

static void cpr_validated(void)
{
	/* 31 February, too short, letters, the dash in the wrong place, 11 digits */
	const char *bad[] = {"3102904321", "01019043", "01019O4321", "01019-04321", "01019043210", ""};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct harness_resp *r = harness_post_json(job, "/api/v1/citizens", citizen_json("Bo Prøve", bad[i]));
		CHECK_API_ERROR(r, 422, "invalid", "cpr");
	}
	/* no modulus-11 rule: a number from after 2007 need not satisfy it */
	CHECK_STATUS(harness_post_json(job, "/api/v1/citizens", citizen_json("Bo Prøve", CPR_B)), 201);
}

static void fields_validated(void)
{
	static const struct { const char *json, *field; } bad[] = {
		{"{\"name\": \"\", \"cpr\": \"0202020202\", \"schemes\": [\"fleksjob\"]}", "name"},
		{"{\"name\": \"X\", \"cpr\": \"0202020202\", \"schemes\": []}", "schemes"},
		{"{\"name\": \"X\", \"cpr\": \"0202020202\", \"schemes\": [\"slikbutik\"]}", "schemes"},
		{"{\"name\": \"X\", \"cpr\": \"0202020202\", \"schemes\": [\"fleksjob\"], \"hours_max\": 60}", "hours_max"},
		{"{\"name\": \"X\", \"cpr\": \"0202020202\", \"schemes\": [\"fleksjob\"], \"tasks\": [\"astronaut\"]}", "tasks"},
		{"{\"name\": \"X\", \"cpr\": \"0202020202\", \"schemes\": [\"fleksjob\"], \"needs\": [\"sofa\"]}", "needs"},
		{"{\"name\": \"X\", \"cpr\": \"0202020202\", \"schemes\": [\"fleksjob\"], \"travel\": \"maanen\"}", "travel"},
		{"{\"name\": \"X\", \"cpr\": \"0202020202\", \"schemes\": [\"fleksjob\"], \"consent_date\": \"2026-02-30\"}", "consent_date"},
		{"{\"name\": \"X\", \"cpr\": \"0202020202\", \"schemes\": [\"fleksjob\"], \"times\": [\"nat\"]}", "times"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_API_ERROR(harness_post_json(job, "/api/v1/citizens", bad[i].json), 422, "invalid", bad[i].field);
}

static void others_refused(void)
{
	struct harness_client *who[] = {konsulent, admin, indkoeb, owner};
	for (size_t i = 0; i < 4; i++) {
		CHECK_STATUS(harness_post_json(who[i], "/api/v1/citizens", citizen_json("C", "0303030303")), 403);
		CHECK_STATUS(harness_get(who[i], harness_fmt("/api/v1/citizens/%lld?purpose=matching", citizen_id)), 403);
		CHECK_STATUS(harness_get(who[i], "/api/v1/citizens?purpose=matching"), 403);
	}
	CHECK_STATUS(harness_get(anon, harness_fmt("/api/v1/citizens/%lld?purpose=matching", citizen_id)), 401);
	/* the jobkonsulent of another municipality */
	CHECK_STATUS(harness_get(job_other, harness_fmt("/api/v1/citizens/%lld?purpose=matching", citizen_id)), 403);
	CHECK_STATUS(harness_patch_json(job_other, harness_fmt("/api/v1/citizens/%lld", citizen_id), "{\"name\": \"X\"}"), 403);
	CHECK_STATUS(harness_post_json(job_other, harness_fmt("/api/v1/citizens/%lld/reveal", citizen_id),
	                               "{\"purpose\": \"matching\"}"), 403);
}

static void read_needs_purpose(void)
{
	const char *path = harness_fmt("/api/v1/citizens/%lld", citizen_id);
	CHECK_API_ERROR(harness_get(job, path), 422, "invalid", "purpose");
	CHECK_API_ERROR(harness_get(job, harness_fmt("%s?purpose=nysgerrighed", path)), 422, "invalid", "purpose");
	CHECK_API_ERROR(harness_get(job, "/api/v1/citizens"), 422, "invalid", "purpose");
	long long before = audit_count(harness_fmt("action = 'read' AND entity_id = '%lld'", citizen_id));
	struct harness_resp *r = harness_get(job, harness_fmt("%s?purpose=matching", path));
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "cpr"), CPR_A_MASK);
	CHECK_STR(harness_json_str(harness_json(r), "name"), "Anna Prøve");
	CHECK_LACKS(r->body, "4321");
	CHECK(audit_count(harness_fmt("action = 'read' AND entity_id = '%lld' AND %s", citizen_id,
	                              purpose_is("matching"))) == before + 1);
}

static void list_and_search(void)
{
	struct harness_resp *r = harness_get(job, "/api/v1/citizens?purpose=visitation&name=Anna");
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(harness_json(r), "total")) == 1);
	CHECK_LACKS(r->body, "4321");
	CHECK_HAS(r->body, CPR_A_MASK);
	CHECK(audit_count(harness_fmt("entity_id = '%lld' AND %s", citizen_id, purpose_is("visitation"))) == 1);
	/* the name is found whatever the case of its Danish letters, on either backend */
	/* ANNA PRØVE, anna prøve, "a PRØ" (not Bo Prøve) */
	const char *spellings[] = {"ANNA%20PR%C3%98VE", "anna%20pr%C3%B8ve", "a%20PR%C3%98"};
	for (size_t i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
		r = harness_get(job, harness_fmt("/api/v1/citizens?purpose=ajourfoering&name=%s", spellings[i]));
		CHECK_STATUS(r, 200);
		CHECK(json_integer_value(json_object_get(harness_json(r), "total")) == 1);
	}
	/* a long name, every character of it a wildcard, is a search like any other; longer than
	 * any name, it finds none */
	char long_name[3 * 201 + 1] = "";
	for (int i = 0; i < 201; i++) {
		strcat(long_name, "%25");
		if (i == 199 || i == 200) {
			r = harness_get(job, harness_fmt("/api/v1/citizens?purpose=ajourfoering&name=%s", long_name));
			CHECK_STATUS(r, 200);
			CHECK(json_integer_value(json_object_get(harness_json(r), "total")) == 0);
		}
	}
	/* by CPR number, in a body and never in the URL */
	r = harness_post_json(job, "/api/v1/citizens/search", "{\"cpr\": \"010190-4321\", \"purpose\": \"opfoelgning\"}");
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(json_array_get(json_object_get(harness_json(r), "items"), 0), "id")) == citizen_id);
	CHECK_LACKS(r->body, "4321");
	r = harness_post_json(job, "/api/v1/citizens/search", "{\"cpr\": \"0202020202\", \"purpose\": \"opfoelgning\"}");
	CHECK_STATUS(r, 200);
	CHECK(json_array_size(json_object_get(harness_json(r), "items")) == 0);
	CHECK_API_ERROR(harness_post_json(job, "/api/v1/citizens/search", "{\"cpr\": \"0202020202\"}"),
	                422, "invalid", "purpose");
	/* another municipality's jobkonsulent finds only its own Anna */
	r = harness_post_json(job_other, "/api/v1/citizens/search", "{\"cpr\": \"0101904321\", \"purpose\": \"matching\"}");
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(json_array_get(json_object_get(harness_json(r), "items"), 0), "id")) != citizen_id);
}

static void update_and_reveal(void)
{
	const char *path = harness_fmt("/api/v1/citizens/%lld", citizen_id);
	struct harness_resp *r = harness_patch_json(job, path, "{\"hours_max\": 25, \"times\": [\"eftermiddag\", \"aften\"]}");
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(harness_json(r), "hours_max")) == 25);
	CHECK(json_array_size(json_object_get(harness_json(r), "times")) == 2);
	CHECK_STR(harness_json_str(harness_json(r), "name"), "Anna Prøve");
	CHECK_API_ERROR(harness_patch_json(job, path, "{\"hours_max\": 0}"), 422, "invalid", "hours_max");
	CHECK_API_ERROR(harness_patch_json(job, path, "{\"cpr\": \"99999\"}"), 422, "invalid", "cpr");
	CHECK_API_ERROR(harness_post_json(job, harness_fmt("%s/reveal", path), "{}"), 422, "invalid", "purpose");
	r = harness_post_json(job, harness_fmt("%s/reveal", path), "{\"purpose\": \"aktindsigt\"}");
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "cpr"), CPR_A);
	CHECK_STR(harness_header(r, "Cache-Control"), "no-store");
	CHECK(audit_count(harness_fmt("action = 'reveal' AND entity_id = '%lld'", citizen_id)) == 1);
}

/* the id of the enterprise of 621 named name, or 0 */
static long long enterprise_named(const char *name)
{
	struct harness_resp *r = harness_get(anon, "/api/v1/enterprises?kommune=621&limit=500");
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it)
		if (!strcmp(harness_json_str(it, "name"), name))
			return (long long)json_integer_value(json_object_get(it, "id"));
	return 0;
}

static long long add_opening(const char *title, const char *adaptations)
{
	long long ent = enterprise_named("Soul Café");
	struct harness_resp *r = harness_post_json(job, "/api/v1/openings", harness_fmt(
		"{\"enterprise_id\": %lld, \"title\": \"%s\", \"tasks\": [\"rengoering\", \"koekken\"],"
		" \"schemes\": [\"fleksjob\", \"praktik\"], \"hours_min\": 10, \"hours_max\": 20,"
		" \"times\": [\"eftermiddag\"], \"adaptations\": [%s], \"seats\": 2}",
		ent, title, adaptations));
	return r->status == 201 ? (long long)json_integer_value(json_object_get(harness_json(r), "id")) : 0;
}

static void matches(void)
{
	/* one opening offers the mentor Anna needs, the other does not */
	long long fits = add_opening("Rengøring om eftermiddagen", "\"fast_mentor\", \"henteordning\"");
	long long lacks = add_opening("Rengøring uden mentor", "");
	CHECK(fits && lacks);
	const char *path = harness_fmt("/api/v1/citizens/%lld/matches", citizen_id);
	CHECK_API_ERROR(harness_get(job, path), 422, "invalid", "purpose");
	CHECK_STATUS(harness_get(konsulent, harness_fmt("%s?purpose=matching", path)), 403);
	CHECK_STATUS(harness_get(job_other, harness_fmt("%s?purpose=matching", path)), 403);
	struct harness_resp *r = harness_get(job, harness_fmt("%s?purpose=matching&limit=20", path));
	CHECK_STATUS(r, 200);
	json_t *items = json_object_get(harness_json(r), "items");
	bool found_fit = false, found_lack = false;
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) {
		long long id = (long long)json_integer_value(json_object_get(it, "opening_id"));
		found_fit |= id == fits;
		found_lack |= id == lacks;
		long long score = (long long)json_integer_value(json_object_get(it, "score"));
		CHECK(score >= 0 && score <= 100);
		CHECK(json_array_size(json_object_get(it, "reasons")) > 0);
	}
	CHECKF(found_fit && !found_lack, "matches: %s", r->body);
	CHECK_HAS(r->body, "opgaver passer");
	CHECK_LACKS(r->body, "4321");
	/* the other way: Anna of Kolding fits the opening; the audit names the purpose */
	long long before = audit_count(harness_fmt("entity_id = '%lld' AND %s", citizen_id, purpose_is("matching")));
	r = harness_get(job, harness_fmt("/api/v1/openings/%lld/matches?purpose=matching", fits));
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "Anna Prøve");
	CHECK_LACKS(r->body, "Anna Silkeborg");
	CHECK_LACKS(r->body, "4321");
	CHECK(audit_count(harness_fmt("entity_id = '%lld' AND %s", citizen_id, purpose_is("matching"))) == before + 1);
	r = harness_get(job, harness_fmt("/api/v1/openings/%lld/matches?purpose=matching", lacks));
	CHECK_STATUS(r, 200);
	CHECK_LACKS(r->body, "Anna Prøve");
	/* the page with the purpose matching lists the opening that fits with its reasons */
	struct harness_client *web = harness_login(srv, "job@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	r = harness_get(web, harness_fmt("/borgere/%lld?formaal=matching", citizen_id));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Rengøring om eftermiddagen");
	CHECK_LACKS(r->body, "Rengøring uden mentor");
	CHECK_HAS(r->body, "opgaver passer");
	/* without consent there is nothing to match */
	CHECK_STATUS(harness_patch_json(job, harness_fmt("/api/v1/citizens/%lld", citizen_id),
	                                "{\"consent_date\": null, \"consent_scope\": null}"), 200);
	CHECK_API_ERROR(harness_get(job, harness_fmt("%s?purpose=matching", path)), 409, "no_consent", "consent_date");
	r = harness_get(web, harness_fmt("/borgere/%lld?formaal=matching", citizen_id));
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "ikke givet samtykke");
	CHECK_STATUS(harness_patch_json(job, harness_fmt("/api/v1/citizens/%lld", citizen_id),
	                                "{\"consent_date\": \"2026-01-05\", \"consent_scope\": \"matching\"}"), 200);
}

static void no_cpr_in_clear(void)
{
	/* the database file and its log, the audit details and the server's log (PostgreSQL's
	 * files are the cluster's: there the audit details and the server's log are read) */
	char *out = NULL;
	CHECK(on_postgres() ||
	      harness_sqlite(harness_server_db(srv), "PRAGMA wal_checkpoint(TRUNCATE)", &out) == 0);
	const char *files[] = {harness_server_db(srv), harness_fmt("%s-wal", harness_server_db(srv)),
	                       harness_server_path(srv, "server.log")};
	for (size_t i = 0; i < 3; i++) {
		FILE *f = fopen(files[i], "rb");
		if (!f)
			continue;
		static char data[64 << 20];
		size_t n = fread(data, 1, sizeof data - 1, f);
		fclose(f);
		data[n] = 0;
		CHECKF(!memmem(data, n, CPR_A, 10) && !memmem(data, n, CPR_A_DASH, 11) &&
		       !memmem(data, n, CPR_B, 10),
		       "%s holds a CPR number in clear", files[i]);
	}
	CHECK(harness_sqlite(harness_server_db(srv), "SELECT detail FROM audit", &out) == 0);
	CHECK_LACKS(out, "4321");
}

static void pages(void)
{
	struct harness_client *web = harness_login(srv, "job@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *r = harness_get(web, "/borgere");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Formål med opslaget");
	CHECK_LACKS(r->body, "Anna Prøve");
	r = harness_get(web, "/borgere?formaal=matching");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Anna Prøve");
	CHECK_HAS(r->body, CPR_A_MASK);
	/* the name field finds Danish letters in either case; a name of 200 wildcards is no error */
	r = harness_get(web, "/borgere?formaal=matching&navn=PR%C3%98VE");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "Anna Prøve");
	char wild[3 * 200 + 1] = "";
	for (int i = 0; i < 200; i++)
		strcat(wild, "%25");
	r = harness_get(web, harness_fmt("/borgere?formaal=matching&navn=%s", wild));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_LACKS(r->body, "Anna Prøve");
	r = harness_get(web, harness_fmt("/borgere/%lld", citizen_id));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_LACKS(r->body, "Anna Prøve");
	r = harness_get(web, harness_fmt("/borgere/%lld?formaal=opfoelgning", citizen_id));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Anna Prøve");
	CHECK_HAS(r->body, "Fast mentor");
	CHECK_LACKS(r->body, "4321");
	r = harness_get(web, "/borgere/ny");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	const char *csrf = harness_csrf_field(r);
	CHECK(csrf);
	/* a bad form keeps what was typed but the CPR number, and names the field */
	r = harness_post_form(web, "/borgere", harness_form("csrf", csrf, "name", "Carl Form", "cpr", "3002901234",
	                                                    "schemes", "praktik", "hours_max", "15", "times", "dag",
	                                                    "travel", "region", NULL));
	CHECK_STATUS(r, 422);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Carl Form");
	CHECK_LACKS(r->body, "3002901234");
	r = harness_post_form(web, "/borgere", harness_form("csrf", csrf, "name", "Carl Form", "cpr", "300390-1234",
	                                                    "schemes", "praktik", "tasks", "lager", "hours_max", "15",
	                                                    "times", "dag", "travel", "region", NULL));
	CHECK_STATUS(r, 303);
	const char *where = harness_header(r, "Location");
	CHECK(where && strstr(where, "/borgere/") && strstr(where, "formaal="));
	r = harness_get(web, where);
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "Borgeren er oprettet");
	/* find by CPR: POST, then the profile */
	r = harness_post_form(web, "/borgere/soeg", harness_form("csrf", csrf, "cpr", CPR_A_DASH, "cpr_formaal", "matching", NULL));
	CHECK_STATUS(r, 303);
	CHECK_LACKS(harness_header(r, "Location"), "4321");
	r = harness_post_form(web, harness_fmt("/borgere/%lld/cpr", citizen_id), harness_form("csrf", csrf, "formaal", "aktindsigt", NULL));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, CPR_A_DASH);
	/* the konsulent has no citizens: no menu item, 403 */
	struct harness_client *k = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(k);
	r = harness_get(k, "/");
	CHECK_LACKS(r->body, "href=\"/borgere\"");
	CHECK_STATUS(harness_get(k, "/borgere"), 403);
	r = harness_get(web, "/");
	CHECK_HAS(r->body, "href=\"/borgere\"");
}

static void citizen_rights_cli(void)
{
	char *out = NULL;
	CHECK(harness_cli(srv, CPR_A_DASH "\n", &out, "citizens", "access-log", NULL) == 0);
	CHECK_HAS(out, "job@kolding.example");
	CHECK_HAS(out, "matching");
	CHECK_HAS(out, "reveal");
	CHECK_HAS(out, "job@silkeborg.example");
	CHECK_LACKS(out, "4321");
	CHECK(harness_cli(srv, CPR_A "\n", &out, "citizens", "export", NULL) == 0);
	json_error_t e;
	json_t *doc = json_loads(out, 0, &e);
	CHECKF(doc, "export is not JSON: %s", e.text);
	CHECK(json_array_size(json_object_get(doc, "citizens")) == 2);
	CHECK_LACKS(out, "4321");
	json_decref(doc);
	CHECK(harness_cli(srv, "0404040404\n", &out, "citizens", "access-log", NULL) != 0);
	CHECK(harness_cli(srv, "not a number\n", &out, "citizens", "export", NULL) == 2);
	/* nobody has been inactive for ten years: nothing to purge */
	CHECK(harness_cli(srv, NULL, &out, "citizens", "purge", "--inactive-months", "120", "--dry-run", NULL) == 0);
	CHECK_HAS(out, "0 citizens would be anonymized");
	/* Bo has been still since 2020 and has a placement that ended: anonymized, the placement kept */
	long long bo = 0;
	CHECK(harness_sqlite(harness_server_db(srv), "SELECT id FROM citizens WHERE name = 'Bo Prøve'", &out) == 0);
	bo = atoll(out);
	CHECK(bo > 0);
	CHECK(harness_sqlite(harness_server_db(srv), harness_fmt(
		"INSERT INTO placements (citizen_id, kommune, enterprise_id, scheme, start, \"end\", created_at,"
		" updated_at)"
		" SELECT %lld, '621', id, 'praktik', '2019-03-01', '2019-06-01', 't', 't' FROM enterprises"
		" WHERE name = 'Soul Café'; UPDATE citizens SET active_at = '2020-01-01T00:00:00Z' WHERE id = %lld",
		bo, bo), NULL) == 0);
	CHECK(harness_cli(srv, NULL, &out, "citizens", "purge", "--inactive-months", "24", "--dry-run", NULL) == 0);
	CHECK_HAS(out, "1 citizens would be anonymized");
	CHECK(harness_sqlite(harness_server_db(srv), harness_fmt("SELECT name"
	                     " || CASE WHEN cpr_box IS NULL THEN '|1' ELSE '|0' END"
	                     " || CASE WHEN anonymized_at IS NULL THEN '|1' ELSE '|0' END"
	                     " FROM citizens WHERE id = %lld", bo), &out) == 0);
	CHECK_HAS(out, "Bo Prøve|0|1");
	CHECK(harness_cli(srv, NULL, &out, "citizens", "purge", "--inactive-months", "24", NULL) == 0);
	CHECK_HAS(out, "1 citizens anonymized");
	CHECK(harness_sqlite(harness_server_db(srv), harness_fmt("SELECT name"
	                     " || CASE WHEN cpr_box IS NULL THEN '|1' ELSE '|0' END"
	                     " || CASE WHEN cpr_hash IS NULL THEN '|1' ELSE '|0' END"
	                     " || CASE WHEN anonymized_at IS NOT NULL THEN '|1' ELSE '|0' END"
	                     " || '|' || (SELECT count(*) FROM placements WHERE citizen_id = %lld)"
	                     " FROM citizens WHERE id = %lld", bo, bo), &out) == 0);
	CHECK_HAS(out, "|1|1|1|1");
	CHECK_LACKS(out, "Bo");
	/* the purged citizen is no longer found by the number, and the API shows the anonymized row */
	CHECK(harness_cli(srv, CPR_B "\n", &out, "citizens", "access-log", NULL) != 0);
	struct harness_resp *r = harness_get(job, harness_fmt("/api/v1/citizens/%lld?purpose=aktindsigt", bo));
	CHECK_STATUS(r, 200);
	CHECK(json_is_true(json_object_get(harness_json(r), "anonymized")));
	CHECK_API_ERROR(harness_patch_json(job, harness_fmt("/api/v1/citizens/%lld", bo), "{\"name\": \"Bo\"}"),
	                409, "anonymized", NULL);
}

/* the CPR number of the citizen id, revealed for an access request through the API ("" when
 * the reveal fails) */
static const char *revealed(long long id)
{
	struct harness_resp *r = harness_post_json(job, harness_fmt("/api/v1/citizens/%lld/reveal", id),
	                                           "{\"purpose\": \"aktindsigt\"}");
	const char *cpr = r && r->status == 200 ? harness_json_str(harness_json(r), "cpr") : NULL;
	return cpr ? cpr : "";
}

/* the id of the citizen of the jobkonsulent's municipality with the CPR number cpr, or 0 */
static long long found_by_cpr(const char *cpr)
{
	struct harness_resp *r = harness_post_json(job, "/api/v1/citizens/search",
	                                           harness_fmt("{\"cpr\": \"%s\", \"purpose\": \"opfoelgning\"}", cpr));
	json_t *it = r && r->status == 200 ? json_array_get(json_object_get(harness_json(r), "items"), 0) : NULL;
	return it ? (long long)json_integer_value(json_object_get(it, "id")) : 0;
}

/* `indgang key rotate` while the server runs: the server takes up the new key at its next use
 * of one, so the numbers re-sealed under it open and are found, and a citizen registered right
 * after is sealed under it (not under the key the rotation dropped) */
static void rotate_while_serving(void)
{
	CHECK_STR(revealed(citizen_id), CPR_A);
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, "key", "rotate", NULL) == 0);
	CHECK_HAS(out, "re-sealed under key 2");
	CHECK_STR(revealed(citizen_id), CPR_A);
	CHECK(found_by_cpr(CPR_A) == citizen_id);
	struct harness_resp *r = harness_post_json(job, "/api/v1/citizens", citizen_json("Dan Nøgle", "2002021234"));
	CHECK_STATUS(r, 201);
	long long dan = (long long)json_integer_value(json_object_get(harness_json(r), "id"));
	CHECK(dan > 0);
	CHECK(found_by_cpr("2002021234") == dan);
	/* every number is under key 2 now: none under key 1, which the file no longer holds */
	CHECK(harness_cli(srv, NULL, &out, "key", "status", NULL) == 0);
	CHECK_HAS(out, "current key 2");
	CHECK_LACKS(out, "key 1");
	CHECK_LACKS(out, "cannot be read");
	/* a second rotation, and Dan's number (sealed by the server) comes back under key 3 */
	CHECK(harness_cli(srv, NULL, &out, "key", "rotate", NULL) == 0);
	CHECK_HAS(out, "re-sealed under key 3");
	CHECK_STR(revealed(dan), "2002021234");
	CHECK_STR(revealed(citizen_id), CPR_A);
	/* the server said so in its log, and never the numbers */
	FILE *f = fopen(harness_server_path(srv, "server.log"), "rb");
	CHECK(f);
	static char log[4 << 20];
	size_t n = f ? fread(log, 1, sizeof log - 1, f) : 0;
	if (f)
		fclose(f);
	log[n] = 0;
	CHECK_HAS(log, "changed and was read again; the current key is 3");
	CHECK_LACKS(log, "2002021234");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

int main(void)
{
	static const struct harness_test tests[] = {
		{"a demo server with a key file", start, HARNESS_FATAL | HARNESS_KEEP},
		{"the jobkonsulent registers a citizen; the CPR number is not answered", create_as_jobkonsulent, 0},
		{"CPR numbers are validated (date, century, length; no modulus 11)", cpr_validated, 0},
		{"every field is validated and named", fields_validated, 0},
		{"konsulent, admin, buyer, enterprise, anonymous and another municipality are refused", others_refused, 0},
		{"a read without a purpose is 422; with one it is audited and masked", read_needs_purpose, 0},
		{"list and search by CPR (in the body) are audited per citizen", list_and_search, 0},
		{"changes are validated; the reveal gives the number once, audited", update_and_reveal, 0},
		{"matches both ways: hard rules, reasons, purpose, audit, consent", matches, 0},
		{"no CPR number in clear in the database, the audit or the server's log", no_cpr_in_clear, 0},
		{"the pages ask for the purpose first and keep the CPR number out of forms and URLs", pages, 0},
		{"the citizen's access log, export and the purge of the inactive from the command line", citizen_rights_cli, 0},
		{"the key is rotated while the server runs: old numbers open, new ones are sealed under the new key", rotate_while_serving, 0},
		{"the server stops cleanly", stop, 0},
	};
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
