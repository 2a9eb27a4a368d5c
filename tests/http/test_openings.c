/*
 * test_openings.c — openings (stillinger og pladser) over real HTTP: created through the API by
 * a jobkonsulent, a konsulent, an enterprise's own account and the administrator, refused to
 * another municipality, another enterprise and the indkøber; every invalid field answered 422
 * naming it; reading, listing with filters, partial updates and the status; anonymous callers
 * sent to sign in; and the pages a person uses (form with errors, the opening, its status
 * buttons, the profile's list), each checked with tidy, with a hostile title shown escaped.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define HOSTILE_TITLE "<script>alert('stilling')</script> & \"co\""

static struct harness_server *srv;
static struct harness_client *anon, *admin, *kolding, *job, *indkoeb, *owner, *silkeborg;
static long long soul;      /* Soul Café, 621, whom owner represents */
static long long kantine;   /* another enterprise whose home is 621 */
static long long aeble;     /* an enterprise whose home is 740 */
static long long created[4]; /* by job, kolding, owner and admin in creating() */

/* the id of the first enterprise of the list path whose home is kommune and whose name is name
 * (NULL: any other than Soul Café), or 0 */
static long long enterprise_in(const char *path, const char *kommune, const char *name)
{
	struct harness_resp *r = harness_get(anon, path);
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it) {
		const char *k = harness_json_str(it, "kommune"), *n = harness_json_str(it, "name");
		if (!k || strcmp(k, kommune) || !n || (name ? strcmp(n, name) : !strcmp(n, "Soul Café")))
			continue;
		return (long long)json_integer_value(json_object_get(it, "id"));
	}
	return 0;
}

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	/* the counts below start from no openings, citizens or placements */
	CHECKF(harness_server_no_employment(srv) == 0, "the demo's employment rows were not removed");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	admin = harness_bearer(srv, "admin@indgang.example");
	kolding = harness_bearer(srv, "konsulent@kolding.example");
	job = harness_bearer(srv, "job@kolding.example");
	indkoeb = harness_bearer(srv, "indkoeb@kolding.example");
	owner = harness_bearer(srv, "virksomhed@kolding.example");
	silkeborg = harness_bearer(srv, "konsulent@silkeborg.example");
	CHECKF(admin && kolding && job && indkoeb && owner && silkeborg, "'indgang token create' failed");
	soul = enterprise_in("/api/v1/enterprises?kommune=621&limit=500", "621", "Soul Café");
	kantine = enterprise_in("/api/v1/enterprises?kommune=621&limit=500", "621", NULL);
	aeble = enterprise_in("/api/v1/enterprises?kommune=740&limit=500", "740", NULL);
	CHECKF(soul && kantine && aeble, "the demo enterprises were not found");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

/* a valid opening at enterprise as a JSON object (the caller owns the reference) */
static json_t *opening(long long enterprise, const char *title)
{
	return json_pack("{s:I, s:s, s:[s, s], s:[s, s], s:i, s:i, s:[s], s:[s], s:b, s:i, s:s}",
	                 "enterprise_id", (json_int_t)enterprise, "title", title, "tasks", "kantine",
	                 "koekken", "schemes", "fleksjob", "praktik", "hours_min", 10, "hours_max", 20,
	                 "times", "eftermiddag", "adaptations", "fast_mentor", "inhouse", 0, "seats", 2,
	                 "description", "Opvask og anretning i caféen.");
}

static long long id_of(struct harness_resp *r)
{
	return (long long)json_integer_value(json_object_get(harness_json(r), "id"));
}

/* ---------------------------------------------------------------- the API */

static void creating(void)
{
	struct harness_client *who[] = {job, kolding, owner, admin};
	long long at[] = {soul, kantine, soul, aeble};
	for (int i = 0; i < 4; i++) {
		struct harness_resp *r = harness_post_json(
			who[i], "/api/v1/openings",
			harness_json_text(opening(at[i], harness_fmt("Kantinemedhjælper %d", i))));
		CHECK_STATUS(r, 201);
		created[i] = id_of(r);
		CHECK(created[i] > 0);
		CHECK_STR(harness_header(r, "Location"), harness_fmt("/api/v1/openings/%lld", created[i]));
		CHECK(json_integer_value(json_object_get(harness_json(r), "enterprise_id")) == at[i]);
		CHECK_STR(harness_json_str(harness_json(r), "status"), "open");
	}
	json_t *body = harness_json(harness_get(job, harness_fmt("/api/v1/openings/%lld", created[0])));
	CHECK_STR(harness_json_str(body, "enterprise_name"), "Soul Café");
	CHECK_STR(harness_json_str(body, "kommune"), "621");
	/* schemes and times as keys, the lists in the managed lists' order */
	CHECK_STR(harness_json_text(json_incref(json_object_get(body, "schemes"))), "[\"fleksjob\",\"praktik\"]");
	CHECK_STR(harness_json_text(json_incref(json_object_get(body, "times"))), "[\"eftermiddag\"]");
	CHECK_STR(harness_json_text(json_incref(json_object_get(body, "tasks"))), "[\"koekken\",\"kantine\"]");
	CHECK(json_integer_value(json_object_get(body, "seats")) == 2);
	CHECK(json_is_false(json_object_get(body, "inhouse")));
	/* another enterprise of the municipality, another municipality, the buyer: 403 */
	const char *theirs = harness_json_text(opening(kantine, "Ikke min"));
	CHECK_API_ERROR(harness_post_json(owner, "/api/v1/openings", theirs), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(silkeborg, "/api/v1/openings", theirs), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(indkoeb, "/api/v1/openings", theirs), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/openings",
	                                  harness_json_text(opening(aeble, "Silkeborgs"))), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(anon, "/api/v1/openings", theirs), 401, "unauthorized", NULL);
	/* a refused caller learns nothing about the input: 403 before 422 */
	CHECK_API_ERROR(harness_post_json(silkeborg, "/api/v1/openings",
	                                  harness_fmt("{\"enterprise_id\": %lld, \"title\": 7}", kantine)),
	                403, "forbidden", NULL);
	/* seats default to 1 */
	json_t *one = opening(soul, "Én plads");
	json_object_del(one, "seats");
	struct harness_resp *r = harness_post_json(kolding, "/api/v1/openings", harness_json_text(one));
	CHECK_STATUS(r, 201);
	CHECK(json_integer_value(json_object_get(harness_json(r), "seats")) == 1);
}

static void each_invalid_field(void)
{
	/* one change to a valid opening at Soul Café, and the field the 422 names */
	static const struct {
		const char *member, *value, *field;
	} cases[] = {
		{"title", "\"\"", "title"},
		{"title", "7", "title"},
		{"tasks", "[]", "tasks"},
		{"tasks", "[\"astronaut\"]", "tasks"},
		{"tasks", "\"kantine\"", "tasks"},
		{"schemes", "[]", "schemes"},
		{"schemes", "[\"fuldtid\"]", "schemes"},
		{"hours_min", "0", "hours_min"},
		{"hours_min", "\"10\"", "hours_min"},
		{"hours_max", "38", "hours_max"},
		{"hours_max", "5", "hours_max"},
		{"hours_max", "20.5", "hours_max"},
		{"times", "[]", "times"},
		{"times", "[\"nat\"]", "times"},
		{"adaptations", "[\"jetpack\"]", "adaptations"},
		{"inhouse", "\"ja\"", "inhouse"},
		{"seats", "0", "seats"},
		{"seats", "501", "seats"},
		{"seats", "9999999999999", "seats"},
		{"disco", "\"91a2\"", "disco"},
		{"disco", "\"91123\"", "disco"},
		{"status", "\"paused\"", "status"},
		{"starts", "\"2026-13-01\"", "starts"},
		{"ends", "\"2020-01-01\"", "ends"},
		{"enterprise_id", "999999", "enterprise_id"},
		{"enterprise_id", "\"27\"", "enterprise_id"},
		{"enterprise_id", "null", "enterprise_id"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		json_t *body = opening(soul, "Ugyldig");
		json_object_set_new(body, "starts", json_string("2026-03-01"));
		json_error_t err;
		json_t *v = json_loads(cases[i].value, JSON_DECODE_ANY, &err);
		CHECKF(v, "case %zu: %s", i, cases[i].value);
		json_object_set_new(body, cases[i].member, v);
		struct harness_resp *r = harness_post_json(kolding, "/api/v1/openings", harness_json_text(body));
		CHECKF(r->status == 422, "%s = %s answered %ld: %s", cases[i].member, cases[i].value, r->status, r->body);
		CHECK_API_ERROR(r, 422, "invalid", cases[i].field);
	}
	/* nothing was made */
	struct harness_resp *r = harness_get(kolding, "/api/v1/openings?limit=500");
	CHECK_LACKS(r->body, "Ugyldig");
}

static long long total(struct harness_client *c, const char *query)
{
	struct harness_resp *r = harness_get(c, harness_fmt("/api/v1/openings?%s", query));
	if (r->status != 200)
		return -1;
	return (long long)json_integer_value(json_object_get(harness_json(r), "total"));
}

static void reading_and_listing(void)
{
	const char *one = harness_fmt("/api/v1/openings/%lld", created[0]);
	CHECK_STATUS(harness_get(indkoeb, one), 200);
	CHECK_STATUS(harness_get(owner, one), 200);
	CHECK_STATUS(harness_get(admin, one), 200);
	CHECK_API_ERROR(harness_get(silkeborg, one), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_get(owner, harness_fmt("/api/v1/openings/%lld", created[1])), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_get(kolding, "/api/v1/openings/999999"), 404, "not_found", NULL);
	CHECK_API_ERROR(harness_get(anon, one), 401, "unauthorized", NULL);
	CHECK_API_ERROR(harness_get(anon, "/api/v1/openings"), 401, "unauthorized", NULL);
	/* each sees its own: Kolding's four (three of creating() and "Én plads"), the owner its
	 * enterprise's three, Silkeborg one, the administrator all five */
	CHECK(total(kolding, "") == 4);
	CHECK(total(indkoeb, "") == 4);
	CHECK(total(owner, "") == 3);
	CHECK(total(silkeborg, "") == 1);
	CHECK(total(admin, "") == 5);
	CHECK(total(admin, "kommune=740") == 1);
	CHECK(total(kolding, "kommune=740") == 0);
	CHECK(total(kolding, harness_fmt("enterprise=%lld", kantine)) == 1);
	CHECK(total(owner, harness_fmt("enterprise=%lld", kantine)) == 0);
	CHECK(total(kolding, "scheme=fleksjob") == 4);
	CHECK(total(kolding, "scheme=loentilskud") == 0);
	CHECK(total(kolding, "task=koekken") == 4);
	CHECK(total(kolding, "task=it") == 0);
	CHECK(total(kolding, "status=open") == 4);
	CHECK(total(kolding, "status=closed") == 0);
	struct harness_resp *r = harness_get(kolding, "/api/v1/openings?sort=title&limit=2");
	CHECK_STATUS(r, 200);
	json_t *items = json_object_get(harness_json(r), "items");
	CHECK(json_array_size(items) == 2);
	CHECK_STR(harness_json_str(json_array_get(items, 0), "title"), "Én plads");
	/* newest first by default */
	r = harness_get(kolding, "/api/v1/openings?limit=1");
	CHECK_STR(harness_json_str(json_array_get(json_object_get(harness_json(r), "items"), 0), "title"), "Én plads");
	static const char *const bad[] = {"status=paused", "scheme=fuldtid", "task=astronaut", "sort=colour",
	                                  "kommune=74", "enterprise=abc"};
	static const char *const field[] = {"status", "scheme", "task", "sort", "kommune", "enterprise"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_API_ERROR(harness_get(kolding, harness_fmt("/api/v1/openings?%s", bad[i])), 400,
		                "bad_parameter", field[i]);
}

static void updating_and_status(void)
{
	const char *path = harness_fmt("/api/v1/openings/%lld", created[2]);
	struct harness_resp *r = harness_patch_json(owner, path, "{\"seats\": 4, \"inhouse\": true}");
	CHECK_STATUS(r, 200);
	json_t *b = harness_json(r);
	CHECK(json_integer_value(json_object_get(b, "seats")) == 4);
	CHECK(json_is_true(json_object_get(b, "inhouse")));
	CHECK_STR(harness_json_str(b, "title"), "Kantinemedhjælper 2"); /* the rest is kept */
	CHECK_STR(harness_json_text(json_incref(json_object_get(b, "schemes"))), "[\"fleksjob\",\"praktik\"]");
	r = harness_patch_json(job, path, "{\"status\": \"filled\"}");
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "status"), "filled");
	CHECK(total(kolding, "status=filled") == 1);
	CHECK(total(kolding, "status=open") == 3);
	CHECK_API_ERROR(harness_patch_json(job, path, "{\"status\": \"paused\"}"), 422, "invalid", "status");
	CHECK_API_ERROR(harness_patch_json(job, path, harness_fmt("{\"enterprise_id\": %lld}", kantine)), 422,
	                "invalid", "enterprise_id");
	CHECK_API_ERROR(harness_patch_json(indkoeb, path, "{\"status\": \"closed\"}"), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_patch_json(silkeborg, path, "{\"status\": \"closed\"}"), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_patch_json(owner, harness_fmt("/api/v1/openings/%lld", created[1]),
	                                   "{\"status\": \"closed\"}"), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_patch_json(kolding, "/api/v1/openings/999999", "{\"seats\": 3}"), 404, "not_found", NULL);
	/* each change is in the audit log: the owner's creation and change, the jobkonsulent's
	 * status (by user: the ids of the demo's removed openings come round again) */
	r = harness_get(admin, harness_fmt("/api/v1/audit?entity=opening&entity_id=%lld"
	                                   "&user=virksomhed@kolding.example", created[2]));
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(harness_json(r), "total")) == 2);
	r = harness_get(admin, harness_fmt("/api/v1/audit?entity=opening&entity_id=%lld"
	                                   "&user=job@kolding.example", created[2]));
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(harness_json(r), "total")) == 1);
}

/* ---------------------------------------------------------------- the pages */

/* the page's status, tidy's verdict and the security headers */
static const char *page_problem(struct harness_resp *r, long status)
{
	const char *why = harness_status_problem(r, status);
	if (!why)
		why = harness_html_problem(r);
	if (!why)
		why = harness_security_headers_problem(r);
	return why;
}

static void anonymous_is_sent_to_sign_in(void)
{
	struct harness_resp *r = harness_get(anon, "/stillinger");
	CHECK_STATUS(r, 303);
	CHECK_STR(harness_header(r, "Location"), "/login?next=%2Fstillinger");
	r = harness_get(anon, harness_fmt("/stillinger/%lld", created[0]));
	CHECK_STATUS(r, 303);
	/* and the menu links the page only for who may use it */
	CHECK_LACKS(harness_get(anon, "/")->body, "href=\"/stillinger\"");
}

static void the_form_flow(void)
{
	struct harness_client *web = harness_login(srv, "virksomhed@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *list = harness_get(web, "/stillinger");
	CHECK_OK(page_problem(list, 200));
	CHECK_HAS(list->body, "<a href=\"/stillinger\" aria-current=\"page\">Stillinger og pladser</a>");
	CHECK_HAS(list->body, "Kantinemedhjælper 0");
	CHECK_LACKS(list->body, "Kantinemedhjælper 1"); /* another enterprise's */
	struct harness_resp *form = harness_get(web, "/stillinger/ny");
	CHECK_OK(page_problem(form, 200));
	CHECK_HAS(form->body, "<strong>Soul Café</strong>");
	CHECK_HAS(form->body, harness_fmt("name=\"enterprise_id\" value=\"%lld\"", soul));
	CHECK_HAS(form->body, "<legend>Opgaver</legend>");
	CHECK_HAS(form->body, "<legend>Ordninger</legend>");
	CHECK_HAS(form->body, "<legend>Tidspunkt på dagen</legend>");
	CHECK_HAS(form->body, "<legend>Tilpasninger, virksomheden tilbyder</legend>");
	const char *csrf = harness_csrf_field(form);
	/* missing hours, no scheme, no time of day: 422 with the form kept */
	struct harness_resp *bad = harness_post_form(web, "/stillinger",
		harness_form("csrf", csrf, "enterprise_id", harness_fmt("%lld", soul), "title", HOSTILE_TITLE,
		             "tasks", "rengoering", "hours_min", "", "hours_max", "tyve", "seats", "1", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "id=\"f-hours_min-error\"");
	CHECK_HAS(bad->body, "id=\"f-hours_max-error\"");
	CHECK_HAS(bad->body, "id=\"f-schemes-error\"");
	CHECK_HAS(bad->body, "id=\"f-times-error\"");
	CHECK_HAS(bad->body, "value=\"tyve\"");
	CHECK_HAS(bad->body, "value=\"rengoering\" checked");
	CHECK_LACKS(bad->body, "<script>alert");
	CHECK_HAS(bad->body, "&lt;script&gt;alert(&#39;stilling&#39;)&lt;/script&gt;");
	/* another enterprise through the hidden field: refused */
	struct harness_resp *theirs = harness_post_form(web, "/stillinger",
		harness_form("csrf", csrf, "enterprise_id", harness_fmt("%lld", kantine), "title", "Ikke min",
		             "tasks", "rengoering", "schemes", "praktik", "hours_min", "10", "hours_max", "20",
		             "times", "dag", "seats", "1", NULL));
	CHECK_OK(page_problem(theirs, 403));
	struct harness_resp *ok = harness_post_form(web, "/stillinger",
		harness_form("csrf", csrf, "enterprise_id", harness_fmt("%lld", soul), "title", HOSTILE_TITLE,
		             "tasks", "rengoering", "tasks", "kantine", "schemes", "fleksjob", "hours_min", "8",
		             "hours_max", "15", "times", "eftermiddag", "adaptations", "henteordning",
		             "inhouse", "1", "seats", "3", "starts", "2026-04-01", NULL));
	CHECK_STATUS(ok, 303);
	const char *to = harness_header(ok, "Location");
	long long id = 0;
	CHECKF(to && sscanf(to, "/stillinger/%lld?ok=oprettet", &id) == 1 && id > 0, "Location %s", to ? to : "-");
	struct harness_resp *show = harness_get(web, to);
	CHECK_OK(page_problem(show, 200));
	CHECK_HAS(show->body, "Stillingen er oprettet.");
	CHECK_HAS(show->body, "Henteordning");
	CHECK_HAS(show->body, "8–15");
	CHECK_HAS(show->body, "01.04.2026");
	CHECK_LACKS(show->body, "<script>alert");
	/* the status buttons */
	CHECK_HAS(show->body, "name=\"status\" value=\"filled\"");
	CHECK_HAS(show->body, "name=\"status\" value=\"closed\"");
	CHECK_LACKS(show->body, "name=\"status\" value=\"open\"");
	struct harness_resp *st = harness_post_form(web, harness_fmt("/stillinger/%lld/status", id),
	                                            harness_form("csrf", csrf, "status", "closed", NULL));
	CHECK_STATUS(st, 303);
	CHECK_STR(harness_header(st, "Location"), harness_fmt("/stillinger/%lld?ok=closed", id));
	show = harness_get(web, harness_header(st, "Location"));
	CHECK_OK(page_problem(show, 200));
	CHECK_HAS(show->body, "Stillingen er lukket.");
	CHECK_HAS(show->body, "name=\"status\" value=\"open\"");
	/* edit: the form keeps the stored values, and a change is saved */
	struct harness_resp *edit = harness_get(web, harness_fmt("/stillinger/%lld/rediger", id));
	CHECK_OK(page_problem(edit, 200));
	CHECK_HAS(edit->body, "value=\"kantine\" checked");
	CHECK_HAS(edit->body, "name=\"hours_min\" type=\"number\" value=\"8\"");
	struct harness_resp *saved = harness_post_form(web, harness_fmt("/stillinger/%lld", id),
		harness_form("csrf", csrf, "title", "Caféhjælper", "tasks", "kantine", "schemes", "fleksjob",
		             "hours_min", "8", "hours_max", "15", "times", "eftermiddag", "seats", "3", NULL));
	CHECK_STATUS(saved, 303);
	struct harness_resp *api = harness_get(owner, harness_fmt("/api/v1/openings/%lld", id));
	CHECK_STR(harness_json_str(harness_json(api), "title"), "Caféhjælper");
	CHECK_STR(harness_json_str(harness_json(api), "status"), "closed"); /* kept by the form */
	CHECK(json_is_false(json_object_get(harness_json(api), "inhouse")));
	/* the list's filters and empty state */
	struct harness_resp *closed = harness_get(web, "/stillinger?status=closed&sort=title");
	CHECK_OK(page_problem(closed, 200));
	CHECK_HAS(closed->body, "Caféhjælper");
	struct harness_resp *none = harness_get(web, "/stillinger?scheme=loentilskud");
	CHECK_OK(page_problem(none, 200));
	CHECK_HAS(none->body, "class=\"empty\"");
	/* the profile lists the open ones, with a link to all of them */
	struct harness_resp *profile = harness_get(web, harness_fmt("/virksomheder/%lld", soul));
	CHECK_OK(page_problem(profile, 200));
	CHECK_HAS(profile->body, "Åbne stillinger og pladser");
	CHECK_HAS(profile->body, harness_fmt("href=\"/stillinger/%lld\"", created[0]));
	CHECK_LACKS(profile->body, harness_fmt("href=\"/stillinger/%lld\"", id)); /* closed */
	CHECK_HAS(profile->body, harness_fmt("href=\"/stillinger?enterprise=%lld\"", soul));
	/* not for the public, nor for another enterprise's profile */
	CHECK_LACKS(harness_get(anon, harness_fmt("/virksomheder/%lld", soul))->body, "/stillinger");
	CHECK_LACKS(harness_get(web, harness_fmt("/virksomheder/%lld", kantine))->body, "/stillinger/");
}

static void staff_pages(void)
{
	struct harness_client *web = harness_login(srv, "job@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *home = harness_get(web, "/");
	CHECK_HAS(home->body, "href=\"/stillinger\"");
	struct harness_resp *form = harness_get(web, harness_fmt("/stillinger/ny?enterprise=%lld", kantine));
	CHECK_OK(page_problem(form, 200));
	/* the municipality's enterprises to choose from, the one asked for chosen */
	CHECK_HAS(form->body, "<select id=\"f-enterprise_id\" name=\"enterprise_id\"");
	CHECK_HAS(form->body, harness_fmt("<option value=\"%lld\">Soul Café</option>", soul));
	CHECK_HAS(form->body, harness_fmt("<option value=\"%lld\" selected>", kantine));
	CHECK_LACKS(form->body, harness_fmt("<option value=\"%lld\"", aeble));
	/* no enterprise chosen: 422 naming it */
	struct harness_resp *bad = harness_post_form(web, "/stillinger",
		harness_form("csrf", harness_csrf_field(form), "enterprise_id", "", "title", "Lagermedarbejder",
		             "tasks", "lager", "schemes", "ordinaer", "hours_min", "30", "hours_max", "37",
		             "times", "dag", "seats", "2", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "<a href=\"#f-enterprise_id\">");
	struct harness_resp *list = harness_get(web, "/stillinger?task=kantine&offset=0&limit=2");
	CHECK_OK(page_problem(list, 200));
	CHECK_HAS(list->body, "rel=\"next\"");
	CHECK_HAS(list->body, "task=kantine");
	struct harness_client *aweb = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	CHECK(aweb);
	struct harness_resp *all = harness_get(aweb, "/stillinger?kommune=740");
	CHECK_OK(page_problem(all, 200));
	CHECK_HAS(all->body, "Kantinemedhjælper 3");
	CHECK_LACKS(all->body, "Kantinemedhjælper 0");
	CHECK_OK(page_problem(harness_get(aweb, "/stillinger/ny"), 200));
	CHECK_OK(page_problem(harness_get(aweb, harness_fmt("/stillinger/%lld/rediger", created[3])), 200));
	/* the buyer reads, but has no form */
	struct harness_client *buyer = harness_login(srv, "indkoeb@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(buyer);
	struct harness_resp *seen = harness_get(buyer, harness_fmt("/stillinger/%lld", created[0]));
	CHECK_OK(page_problem(seen, 200));
	CHECK_LACKS(seen->body, "/rediger");
	CHECK_LACKS(seen->body, "name=\"status\"");
	CHECK_LACKS(harness_get(buyer, "/stillinger")->body, "href=\"/stillinger/ny\"");
	CHECK_OK(page_problem(harness_get(buyer, "/stillinger/ny"), 403));
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"openings are created by a jobkonsulent, a konsulent, the enterprise and the administrator; "
	 "others get 403", creating, 0},
	{"every invalid field of an opening answers 422 naming it", each_invalid_field, 0},
	{"openings are read and listed within the caller's scope, with filters and sorting", reading_and_listing, 0},
	{"PATCH changes only what it names, the status among them; refused callers get 403", updating_and_status, 0},
	{"signed out, the openings pages send to the sign-in form", anonymous_is_sent_to_sign_in, 0},
	{"an enterprise creates, closes and edits an opening in the browser; the profile lists it", the_form_flow, 0},
	{"staff choose the enterprise from their registry; the buyer only reads", staff_pages, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
