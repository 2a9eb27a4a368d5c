/*
 * test_outreach.c — contacts with enterprises, leads and support plans over real HTTP: contacts
 * logged through the API by the staff of a municipality the enterprise works with and refused to
 * another municipality, the indkøber, the enterprise's own account and anonymous callers; every
 * invalid field answered 422 naming it; a follow-up that comes back as one reminder through
 * `indgang outreach remind`; the public profile page that never shows contacts; a lead moved to
 * etableret that is found in the registry with the right origin and dates, and one linked to an
 * existing entry; and the pages (the board and its move form, the lists with CSV, the contact
 * form with its errors, a support plan, the survival table), each checked with tidy, with a
 * hostile title shown escaped. Layer: tests. Runs the real `indgang serve` on a demo database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

#define HOSTILE_TITLE "<script>alert('lead')</script> & \"co\""

static struct harness_server *srv;
static struct harness_client *anon, *admin, *kolding, *job, *indkoeb, *owner, *silkeborg;
static long long soul;   /* Soul Café, 621 */
static long long boas;   /* BOAS specialister ApS, home 740, works with 621 */
static long long updesign; /* an enterprise of 740 only */
static char today[11];

static long long enterprise_named(const char *kommune, const char *name)
{
	struct harness_resp *r =
		harness_get(anon, harness_fmt("/api/v1/enterprises?kommune=%s&limit=500", kommune));
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it) {
		const char *n = harness_json_str(it, "name");
		if (n && !strcmp(n, name))
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
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
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
	soul = enterprise_named("621", "Soul Café");
	boas = enterprise_named("740", "BOAS specialister ApS");
	updesign = enterprise_named("740", "Updesign ApS");
	CHECKF(soul && boas && updesign, "the demo enterprises were not found");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

static const char *contacts_of(long long enterprise)
{
	return harness_fmt("/api/v1/enterprises/%lld/contacts", enterprise);
}

static const char *contact_json(const char *date, const char *kind, const char *topic,
                                const char *follow_up)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "date", date, "kind", kind, "topic", topic,
	                      "notes", "Noter fra kontakten");
	if (follow_up)
		json_object_set_new(o, "follow_up", json_string(follow_up));
	return harness_json_text(o);
}

/* ---------------------------------------------------------------- contacts */

static void contacts_api(void)
{
	const char *body = contact_json(today, "besoeg", "Besøg om nye fleksjob", today);
	struct harness_resp *r = harness_post_json(kolding, contacts_of(soul), body);
	CHECK_STATUS(r, 201);
	CHECK(id_of(r) > 0);
	CHECK_STR(harness_json_str(harness_json(r), "kommune"), "621");
	CHECK_STATUS(harness_post_json(job, contacts_of(soul), contact_json(today, "telefon", "Opkald", NULL)), 201);
	/* another municipality, the indkøber, the enterprise itself, anonymous */
	CHECK_API_ERROR(harness_post_json(silkeborg, contacts_of(soul), body), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(indkoeb, contacts_of(soul), body), 403, "forbidden", NULL);
	CHECK_STATUS(harness_post_json(owner, contacts_of(soul), body), 403);
	CHECK_STATUS(harness_post_json(anon, contacts_of(soul), body), 401);
	CHECK_STATUS(harness_post_json(kolding, contacts_of(updesign), body), 403);
	CHECK_STATUS(harness_post_json(kolding, "/api/v1/enterprises/99999999/contacts", body), 404);
	/* an enterprise of 740 that works with 621: both log it, each reads its own */
	CHECK_STATUS(harness_post_json(kolding, contacts_of(boas), contact_json(today, "moede", "Koldings møde", NULL)), 201);
	CHECK_STATUS(harness_post_json(silkeborg, contacts_of(boas), contact_json(today, "mail", "Silkeborgs mail", NULL)), 201);
	r = harness_get(kolding, contacts_of(boas));
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "Koldings møde");
	CHECK_LACKS(r->body, "Silkeborgs mail");
	r = harness_get(silkeborg, contacts_of(boas));
	CHECK_HAS(r->body, "Silkeborgs mail");
	CHECK_LACKS(r->body, "Koldings møde");
	r = harness_get(admin, contacts_of(boas));
	CHECK_HAS(r->body, "Silkeborgs mail");
	CHECK_HAS(r->body, "Koldings møde");
	/* reading: the indkøber reads; other municipality, enterprise, anonymous do not */
	r = harness_get(indkoeb, contacts_of(soul));
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "Besøg om nye fleksjob");
	CHECK_STATUS(harness_get(silkeborg, contacts_of(soul)), 403);
	CHECK_STATUS(harness_get(owner, contacts_of(soul)), 403);
	CHECK_STATUS(harness_get(anon, contacts_of(soul)), 401);
}

static void contacts_invalid_fields(void)
{
	static const struct {
		const char *json, *field;
	} cases[] = {
		{"{\"kind\": \"besoeg\", \"topic\": \"x\"}", "date"},
		{"{\"date\": \"2026-13-01\", \"kind\": \"besoeg\", \"topic\": \"x\"}", "date"},
		{"{\"date\": \"2999-01-01\", \"kind\": \"besoeg\", \"topic\": \"x\"}", "date"},
		{"{\"date\": \"2026-01-05\", \"kind\": \"fax\", \"topic\": \"x\"}", "kind"},
		{"{\"date\": \"2026-01-05\", \"kind\": \"mail\", \"topic\": \"\"}", "topic"},
		{"{\"date\": \"2026-01-05\", \"kind\": \"mail\", \"topic\": 7}", "topic"},
		{"{\"date\": \"2026-01-05\", \"kind\": \"mail\", \"topic\": \"x\", \"follow_up\": \"snart\"}", "follow_up"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_API_ERROR(harness_post_json(kolding, contacts_of(soul), cases[i].json), 422, "invalid",
		                cases[i].field);
	/* not JSON */
	CHECK_STATUS(harness_post_json(kolding, contacts_of(soul), "{"), 400);
}

static void follow_up_reminded_once(void)
{
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, "outreach", "remind", "--date", today, NULL) == 0);
	CHECK_HAS(out, "1 follow-up reminder and 0 milestone reminders queued");
	CHECK(harness_cli(srv, NULL, &out, "outreach", "remind", "--date", today, NULL) == 0);
	CHECK_HAS(out, "0 follow-up reminders and 0 milestone reminders queued");
	CHECK(harness_sqlite(harness_server_db(srv),
	                     "SELECT count(*) FROM outbox WHERE to_addr = 'konsulent@kolding.example'"
	                     " AND subject LIKE 'Opfølgning på kontakt med Soul Café%'", &out) == 0);
	CHECK(atoi(out) == 1);
	CHECK(harness_cli(srv, NULL, &out, "outreach", "remind", "--date", "igår", NULL) == 2);
}

static void profile_shows_contacts_to_staff_only(void)
{
	const char *page = harness_fmt("/virksomheder/%lld", soul);
	struct harness_resp *r = harness_get(anon, page);
	CHECK_STATUS(r, 200);
	CHECK_LACKS(r->body, "Besøg om nye fleksjob");
	CHECK_LACKS(r->body, "id=\"kontakter\"");
	struct harness_client *own = harness_login(srv, "virksomhed@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(own);
	r = harness_get(own, page);
	CHECK_STATUS(r, 200);
	CHECK_LACKS(r->body, "Besøg om nye fleksjob");
	struct harness_client *other = harness_login(srv, "konsulent@silkeborg.example", HARNESS_DEMO_PASSWORD);
	CHECK(other);
	CHECK_LACKS(harness_get(other, page)->body, "Besøg om nye fleksjob");
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	r = harness_get(web, page);
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "id=\"kontakter\"");
	CHECK_HAS(r->body, "Besøg om nye fleksjob");
}

/* ---------------------------------------------------------------- leads */

static void lead_becomes_registry_entry(void)
{
	struct harness_resp *r = harness_post_json(kolding, "/api/v1/leads",
		"{\"kommune\": \"621\", \"title\": \"Værksted fra en lokal smedje\", \"origin\": "
		"\"company_spinoff\", \"stage\": \"ide\", \"stage_date\": \"2026-01-05\"}");
	CHECK_STATUS(r, 201);
	long long id = id_of(r);
	CHECK(id > 0);
	const char *path = harness_fmt("/api/v1/leads/%lld", id);
	CHECK_STATUS(harness_patch_json(kolding, path, "{\"stage\": \"dialog\", \"stage_date\": \"2026-02-01\"}"), 200);
	/* refused: another municipality, the indkøber, the enterprise, anonymous */
	const char *est = "{\"stage\": \"etableret\", \"stage_date\": \"2026-03-01\"}";
	CHECK_STATUS(harness_patch_json(silkeborg, path, est), 403);
	CHECK_STATUS(harness_patch_json(indkoeb, path, est), 403);
	CHECK_STATUS(harness_patch_json(owner, path, est), 403);
	CHECK_STATUS(harness_patch_json(anon, path, est), 401);
	CHECK_API_ERROR(harness_patch_json(kolding, path, "{\"stage\": \"lukket\"}"), 422, "invalid", "stage");
	CHECK_API_ERROR(harness_patch_json(kolding, path, "{\"stage\": \"etableret\", \"stage_date\": \"2026-01-10\"}"),
	                422, "invalid", "stage_date");
	r = harness_patch_json(kolding, path, est);
	CHECK_STATUS(r, 200);
	long long eid = (long long)json_integer_value(json_object_get(harness_json(r), "enterprise_id"));
	CHECK(eid > 0);
	CHECK_STR(harness_json_str(harness_json(r), "stage"), "etableret");
	CHECK(json_array_size(json_object_get(harness_json(r), "history")) == 3);
	/* found in the public registry with the right origin and dates */
	r = harness_get(anon, harness_fmt("/api/v1/enterprises/%lld", eid));
	CHECK_STATUS(r, 200);
	json_t *e = harness_json(r);
	CHECK_STR(harness_json_str(e, "name"), "Værksted fra en lokal smedje");
	CHECK_STR(harness_json_str(e, "kommune"), "621");
	CHECK_STR(harness_json_str(e, "origin"), "company_spinoff");
	CHECK_STR(harness_json_str(e, "pipeline_since"), "2026-02-01");
	CHECK_STR(harness_json_str(e, "established"), "2026-03-01");
	/* the indkøber reads it; Silkeborg does not */
	CHECK_STATUS(harness_get(indkoeb, path), 200);
	CHECK_STATUS(harness_get(silkeborg, path), 403);
	r = harness_get(silkeborg, "/api/v1/leads");
	CHECK_STATUS(r, 200);
	CHECK_LACKS(r->body, "Værksted fra en lokal smedje");
	CHECK_STATUS(harness_get(owner, "/api/v1/leads"), 403);
}

static void lead_links_existing_entry(void)
{
	struct harness_resp *r = harness_post_json(kolding, "/api/v1/leads",
		"{\"kommune\": \"621\", \"title\": \"BOAS' næste afdeling\", \"origin\": \"existing_outside\","
		" \"stage\": \"forberedelse\"}");
	CHECK_STATUS(r, 201);
	const char *path = harness_fmt("/api/v1/leads/%lld", id_of(r));
	CHECK_API_ERROR(harness_patch_json(kolding, path, "{\"stage\": \"etableret\", \"enterprise_id\": 99999999}"),
	                422, "invalid", "enterprise_id");
	CHECK_API_ERROR(harness_patch_json(kolding, path, "{\"stage\": \"etableret\", \"enterprise_id\": \"x\"}"),
	                422, "invalid", "enterprise_id");
	r = harness_patch_json(kolding, path, harness_fmt("{\"stage\": \"etableret\", \"enterprise_id\": %lld}", boas));
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(harness_json(r), "enterprise_id")) == boas);
	/* creating: the fields named */
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/leads", "{\"kommune\": \"621\", \"title\": \"x\", \"origin\": \"nej\"}"),
	                422, "invalid", "origin");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/leads", "{\"kommune\": \"12\", \"title\": \"x\", \"origin\": \"local_idea\"}"),
	                422, "invalid", "kommune");
	CHECK_STATUS(harness_post_json(kolding, "/api/v1/leads", "{\"kommune\": \"740\", \"title\": \"x\", \"origin\": \"local_idea\"}"), 403);
	CHECK_STATUS(harness_post_json(indkoeb, "/api/v1/leads", "{\"kommune\": \"621\", \"title\": \"x\", \"origin\": \"local_idea\"}"), 403);
	CHECK_STATUS(harness_get(kolding, "/api/v1/leads/99999999"), 404);
}

/* ---------------------------------------------------------------- pages */

static const char *page_problem(struct harness_resp *r, long status)
{
	const char *why = harness_status_problem(r, status);
	if (!why)
		why = harness_html_problem(r);
	if (!why)
		why = harness_security_headers_problem(r);
	return why;
}

static void pages(void)
{
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	CHECK_STATUS(harness_post_json(kolding, "/api/v1/leads",
	                               harness_json_text(json_pack("{s:s, s:s, s:s}", "kommune", "621", "title",
	                                                           HOSTILE_TITLE, "origin", "local_idea"))), 201);
	struct harness_resp *board = harness_get(web, "/opsoegning/leads");
	CHECK_OK(page_problem(board, 200));
	CHECK_HAS(board->body, "BOAS specialister åbner afdeling i Kolding");
	CHECK_HAS(board->body, "&lt;script&gt;alert(&#39;lead&#39;)&lt;/script&gt;");
	CHECK_LACKS(board->body, HOSTILE_TITLE);
	CHECK_HAS(board->body, "<a href=\"/opsoegning/kontakter\" aria-current=\"page\">Opsøgning</a>");
	CHECK_HAS(board->body, "/fase\"");
	/* move a card with its form */
	struct harness_resp *r = harness_get(kolding, "/api/v1/leads?stage=ide");
	long long id = (long long)json_integer_value(
		json_object_get(json_array_get(json_object_get(harness_json(r), "items"), 0), "id"));
	CHECK(id > 0);
	r = harness_post_form(web, harness_fmt("/opsoegning/leads/%lld/fase", id),
	                      harness_form("csrf", harness_client_csrf(web), "stage", "dialog", NULL));
	CHECK_STATUS(r, 303);
	r = harness_post_form(web, harness_fmt("/opsoegning/leads/%lld/fase", id),
	                      harness_form("csrf", harness_client_csrf(web), "stage", "etableret",
	                                   "enterprise_id", "abc", NULL));
	CHECK_OK(page_problem(r, 422));
	CHECK_HAS(r->body, "Skriv virksomhedens nummer i registret som et helt tal.");
	CHECK_OK(page_problem(harness_get(web, harness_fmt("/opsoegning/leads/%lld", id)), 200));
	CHECK_OK(page_problem(harness_get(web, "/opsoegning/leads?view=liste"), 200));
	r = harness_get(web, "/opsoegning/leads?format=csv&stage=etableret");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "BOAS specialister åbner afdeling i Kolding");
	CHECK_LACKS(r->body, "Kantine som afknopning");
	/* a new lead through the form */
	CHECK_OK(page_problem(harness_get(web, "/opsoegning/leads/ny"), 200));
	r = harness_post_form(web, "/opsoegning/leads", harness_form("csrf", harness_client_csrf(web), "title", "",
	                                                              "origin", "local_idea", NULL));
	CHECK_OK(page_problem(r, 422));
	CHECK_HAS(r->body, "Skriv en titel på leadet.");
	r = harness_post_form(web, "/opsoegning/leads", harness_form("csrf", harness_client_csrf(web), "title",
	                                                              "Idé fra lokalrådet", "origin", "local_idea", NULL));
	CHECK_STATUS(r, 303);
	/* contacts: the list with its filters and CSV, the form with its errors */
	r = harness_get(web, "/opsoegning/kontakter?due=1");
	CHECK_OK(page_problem(r, 200));
	CHECK_HAS(r->body, "Besøg om nye fleksjob");
	r = harness_get(web, "/opsoegning/kontakter?format=csv&kind=telefon");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "Opkald");
	CHECK_LACKS(r->body, "Besøg om nye fleksjob");
	const char *form = harness_fmt("/virksomheder/%lld/kontakter", soul);
	CHECK_OK(page_problem(harness_get(web, harness_fmt("%s/ny", form)), 200));
	r = harness_post_form(web, form, harness_form("csrf", harness_client_csrf(web), "date", today, "kind",
	                                              "besoeg", "topic", "", "notes", "Beholdes", NULL));
	CHECK_OK(page_problem(r, 422));
	CHECK_HAS(r->body, "Skriv emnet for kontakten.");
	CHECK_HAS(r->body, "Beholdes");
	r = harness_post_form(web, form, harness_form("csrf", harness_client_csrf(web), "date", today, "kind",
	                                              "telefon", "topic", "Opkald om kantinen", NULL));
	CHECK_STATUS(r, 303);
	/* a support plan: the checklist, a milestone, the survival table */
	const char *plan = harness_fmt("/virksomheder/%lld/plan", soul);
	CHECK_OK(page_problem(harness_get(web, plan), 200));
	r = harness_post_form(web, plan, harness_form("csrf", harness_client_csrf(web), "done_budget", "1",
	                                              "note_budget", "Budget for 2027", NULL));
	CHECK_STATUS(r, 303);
	r = harness_post_form(web, harness_fmt("%s/milepaele", plan),
	                      harness_form("csrf", harness_client_csrf(web), "title", "", "due", "snart", NULL));
	CHECK_OK(page_problem(r, 422));
	r = harness_post_form(web, harness_fmt("%s/milepaele", plan),
	                      harness_form("csrf", harness_client_csrf(web), "title", "Aftale med jobcentret",
	                                   "due", "2027-01-15", NULL));
	CHECK_STATUS(r, 303);
	r = harness_get(web, plan);
	CHECK_OK(page_problem(r, 200));
	CHECK_HAS(r->body, "Budget for 2027");
	CHECK_HAS(r->body, "Aftale med jobcentret");
	CHECK_HAS(r->body, "Overlevelse i Kolding");
	CHECK_HAS(r->body, "Rådgivning og henvendelser");
	/* the plan lists the sessions with the enterprise itself, not an entrepreneur who happens to
	 * carry its name */
	CHECK_STATUS(harness_post_json(kolding, "/api/v1/advisory-sessions", harness_fmt(
		"{\"date\":\"2016-04-07\",\"topic\":\"business\",\"minutes\":40,\"enterprise_id\":%lld}", soul)), 201);
	CHECK_STATUS(harness_post_json(kolding, "/api/v1/advisory-sessions",
		"{\"date\":\"2016-04-08\",\"topic\":\"business\",\"minutes\":40,\"entrepreneur\":\"Soul Café\"}"), 201);
	r = harness_get(web, plan);
	CHECK_HAS(r->body, "07.04.2016");
	CHECK_LACKS(r->body, "08.04.2016");
	r = harness_get(web, "/opsoegning/planer");
	CHECK_OK(page_problem(r, 200));
	CHECK_HAS(r->body, "Allehånde");
	CHECK_HAS(r->body, "Soul Café");
	CHECK_OK(page_problem(harness_get(web, "/opsoegning/overlevelse"), 200));
	r = harness_get(web, "/opsoegning/overlevelse?format=csv");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "Kolding");
	CHECK_LACKS(r->body, "Silkeborg");
}

static void readers_and_refused(void)
{
	struct harness_client *buyer = harness_login(srv, "indkoeb@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(buyer);
	struct harness_resp *r = harness_get(buyer, "/opsoegning/leads");
	CHECK_OK(page_problem(r, 200));
	CHECK_LACKS(r->body, "/fase\"");
	CHECK_LACKS(r->body, "href=\"/opsoegning/leads/ny\"");
	r = harness_get(buyer, harness_fmt("/virksomheder/%lld/plan", soul));
	CHECK_OK(page_problem(r, 200));
	CHECK_LACKS(r->body, "Gem forretningsplanen");
	CHECK_OK(page_problem(harness_get(buyer, "/opsoegning/leads/ny"), 403));
	struct harness_client *own = harness_login(srv, "virksomhed@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(own);
	CHECK_STATUS(harness_get(own, "/opsoegning/leads"), 403);
	CHECK_STATUS(harness_get(own, harness_fmt("/virksomheder/%lld/plan", soul)), 403);
	CHECK_LACKS(harness_get(own, "/")->body, "href=\"/opsoegning/kontakter\"");
	r = harness_get(anon, "/opsoegning/kontakter");
	CHECK_STATUS(r, 303);
	struct harness_client *other = harness_login(srv, "konsulent@silkeborg.example", HARNESS_DEMO_PASSWORD);
	CHECK(other);
	CHECK_STATUS(harness_get(other, harness_fmt("/virksomheder/%lld/plan", soul)), 403);
	CHECK_STATUS(harness_get(other, harness_fmt("/virksomheder/%lld/kontakter/ny", soul)), 403);
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"contacts are logged by the staff of a municipality the enterprise works with; others get 403",
	 contacts_api, 0},
	{"every invalid field of a contact answers 422 naming it", contacts_invalid_fields, 0},
	{"a due follow-up comes back as one reminder through the outbox", follow_up_reminded_once, 0},
	{"the enterprise's page shows contacts to its municipality's staff only", profile_shows_contacts_to_staff_only, 0},
	{"a lead moved to etableret is found in the registry with its origin and dates", lead_becomes_registry_entry, 0},
	{"a lead links an existing registry entry; invalid leads answer 422", lead_links_existing_entry, 0},
	{"the board, the lists, the contact form and a support plan work in the browser", pages, 0},
	{"the indkøber reads; the enterprise, another municipality and anonymous callers are refused",
	 readers_and_refused, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
