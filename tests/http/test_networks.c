/*
 * test_networks.c — networks and meetings over real HTTP: a konsulent sets up a network,
 * adds members of each kind, plans a meeting whose invitations (text/calendar, METHOD:REQUEST,
 * a stable UID) go into the outbox, changes it (SEQUENCE rises) and cancels it (METHOD:CANCEL);
 * the secret calendar feed (no sign-in with the right token, 404 with a wrong or old one);
 * attendance and Tabel 8's figures against hand-made data; access between municipalities
 * (403), the indkøber read-only, an enterprise's own account and anonymous callers refused;
 * and the pages, each checked with tidy. Layer: tests. Runs the real `indgang serve` on a demo
 * database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "tests/tools/testdb.h"

static struct harness_server *srv;
static struct harness_client *anon, *admin, *kolding, *job, *indkoeb, *owner, *silkeborg;
static long long soul;      /* Soul Café, 621 */
static long long net;       /* Kolding's network made by creating() */
static long long person;    /* its person member */
static long long enterprise_member;
static long long meeting;   /* the planned meeting of meetings() */
static char feed[256];      /* the network's calendar_url */

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
	struct harness_resp *r = harness_get(anon, "/api/v1/enterprises?kommune=621&limit=500");
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it) {
		const char *n = harness_json_str(it, "name");
		if (n && !strcmp(n, "Soul Café"))
			soul = (long long)json_integer_value(json_object_get(it, "id"));
	}
	CHECKF(soul, "Soul Café is not in the demo registry");
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

/* the single value sqlite3 printed for sql on the server's database, or "" */
static const char *sql_text(const char *sql)
{
	char *out = NULL;
	if (harness_sqlite(harness_server_db(srv), sql, &out) != 0 || !out)
		return "";
	return out;
}

static void creating(void)
{
	const char *body = "{\"kommune\": \"621\", \"name\": \"Koldings netværk om socialøkonomi\","
	                   " \"purpose\": \"At mødes om <script>\\\"indkøb\\\"</script> & samarbejde.\","
	                   " \"cadence_months\": 3}";
	struct harness_resp *r = harness_post_json(kolding, "/api/v1/networks", body);
	CHECK_STATUS(r, 201);
	net = id_of(r);
	CHECK(net > 0);
	const char *url = harness_json_str(harness_json(r), "calendar_url");
	snprintf(feed, sizeof feed, "%s", url ? url : "");
	CHECKF(url && !strncmp(feed, harness_fmt("/netvaerk/%lld/kalender.ics?token=", net), 30),
	       "calendar_url %s", feed);
	CHECK_STR(harness_json_str(harness_json(r), "kommune"), "621");
	/* another municipality, the buyer, an enterprise and anonymous callers may not */
	CHECK_STATUS(harness_post_json(silkeborg, "/api/v1/networks", body), 403);
	CHECK_STATUS(harness_post_json(indkoeb, "/api/v1/networks", body), 403);
	CHECK_STATUS(harness_post_json(owner, "/api/v1/networks", body), 403);
	CHECK_STATUS(harness_post_json(anon, "/api/v1/networks", body), 401);
	/* national networks are the administrator's */
	const char *nat = "{\"kommune\": null, \"name\": \"Landsnetværk\", \"cadence_months\": 0}";
	CHECK_STATUS(harness_post_json(kolding, "/api/v1/networks", nat), 403);
	struct harness_resp *n = harness_post_json(admin, "/api/v1/networks", nat);
	CHECK_STATUS(n, 201);
	CHECK(json_is_null(json_object_get(harness_json(n), "kommune")));
	/* every staff member reads a national network; only the administrator changes it */
	CHECK_STATUS(harness_get(indkoeb, harness_fmt("/api/v1/networks/%lld", id_of(n))), 200);
	CHECK_STATUS(harness_patch_json(kolding, harness_fmt("/api/v1/networks/%lld", id_of(n)),
	                                "{\"name\": \"Ændret\"}"), 403);
	/* invalid fields: 422 naming them */
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/networks", "{\"name\": \" \"}"), 422,
	                "invalid", "name");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/networks",
	                                  "{\"name\": \"x\", \"cadence_months\": 30}"), 422, "invalid",
	                "cadence_months");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/networks",
	                                  "{\"name\": \"x\", \"cadence_months\": \"3\"}"), 422, "invalid",
	                "cadence_months");
	/* reading: own municipality yes, another no; the buyer reads; PATCH by the jobkonsulent */
	CHECK_STATUS(harness_get(indkoeb, harness_fmt("/api/v1/networks/%lld", net)), 200);
	CHECK_STATUS(harness_get(silkeborg, harness_fmt("/api/v1/networks/%lld", net)), 403);
	CHECK_STATUS(harness_get(owner, harness_fmt("/api/v1/networks/%lld", net)), 403);
	CHECK_STATUS(harness_get(anon, harness_fmt("/api/v1/networks/%lld", net)), 401);
	CHECK_STATUS(harness_patch_json(indkoeb, harness_fmt("/api/v1/networks/%lld", net),
	                                "{\"cadence_months\": 2}"), 403);
	struct harness_resp *p = harness_patch_json(job, harness_fmt("/api/v1/networks/%lld", net),
	                                            "{\"cadence_months\": 3}");
	CHECK_STATUS(p, 200);
	/* the list: Kolding's and the national ones, never Silkeborg's */
	struct harness_resp *l = harness_get(kolding, "/api/v1/networks");
	CHECK_STATUS(l, 200);
	CHECK_HAS(l->body, "Koldings netværk");
	CHECK_HAS(l->body, "Puljens netværk 2015");
	CHECK_LACKS(l->body, "Inhouse og socialøkonomi");
	CHECK_STATUS(harness_get(owner, "/api/v1/networks"), 403);
}

static void members(void)
{
	const char *path = harness_fmt("/api/v1/networks/%lld/members", net);
	struct harness_resp *e = harness_post_json(kolding, path,
	                                           harness_fmt("{\"enterprise_id\": %lld}", soul));
	CHECK_STATUS(e, 201);
	enterprise_member = id_of(e);
	CHECK_STR(harness_json_str(harness_json(e), "kind"), "enterprise");
	struct harness_resp *p = harness_post_json(kolding, path,
		"{\"name\": \"Demoperson Anne\", \"email\": \"anne@example.org\", \"organisation\": \"LAG\"}");
	CHECK_STATUS(p, 201);
	person = id_of(p);
	/* a second person, removed again below */
	struct harness_resp *q = harness_post_json(kolding, path,
		"{\"name\": \"Demoperson Bo\", \"email\": \"bo@example.org\"}");
	CHECK_STATUS(q, 201);
	/* a partner of Kolding's entry point; Silkeborg's partner is not Kolding's to add */
	const char *partner = sql_text("SELECT id FROM entry_units WHERE kommune = '621' AND kind = 'partner'"
	                               " ORDER BY id LIMIT 1;");
	CHECKF(*partner, "no partner of 621 in the demo");
	struct harness_resp *u = harness_post_json(kolding, path, harness_fmt("{\"unit_id\": %lld}",
	                                                                      strtoll(partner, NULL, 10)));
	CHECK_STATUS(u, 201);
	CHECK_STR(harness_json_str(harness_json(u), "kind"), "unit");
	CHECK_STR(harness_json_str(harness_json(u), "detail"), "partner");
	const char *foreign = sql_text("SELECT id FROM entry_units WHERE kommune <> '621' ORDER BY id LIMIT 1;");
	if (*foreign)
		CHECK_API_ERROR(harness_post_json(kolding, path, harness_fmt("{\"unit_id\": %lld}",
		                                                             strtoll(foreign, NULL, 10))),
		                422, "invalid", "unit_id");
	/* invalid: 422 naming the field */
	CHECK_API_ERROR(harness_post_json(kolding, path, "{\"name\": \"X\", \"email\": \"ikke-en-adresse\"}"),
	                422, "invalid", "email");
	CHECK_API_ERROR(harness_post_json(kolding, path, "{}"), 422, "invalid", "member");
	CHECK_API_ERROR(harness_post_json(kolding, path, harness_fmt("{\"enterprise_id\": %lld, \"name\":"
	                                                             " \"X\", \"email\": \"x@example.org\"}", soul)),
	                422, "invalid", "member");
	CHECK_API_ERROR(harness_post_json(kolding, path, harness_fmt("{\"enterprise_id\": %lld}", soul)),
	                422, "invalid", "member"); /* already a member */
	CHECK_API_ERROR(harness_post_json(kolding, path, "{\"enterprise_id\": 999999999}"), 422,
	                "invalid", "enterprise_id");
	CHECK_API_ERROR(harness_post_json(kolding, path, "{\"unit_id\": 999999999}"), 422, "invalid",
	                "unit_id");
	/* refused callers */
	CHECK_STATUS(harness_post_json(indkoeb, path, "{\"name\": \"Y\", \"email\": \"y@example.org\"}"), 403);
	CHECK_STATUS(harness_post_json(silkeborg, path, "{\"name\": \"Y\", \"email\": \"y@example.org\"}"), 403);
	/* removal: 204, then 404; another municipality 403 */
	const char *del = harness_fmt("%s/%lld", path, id_of(q));
	CHECK_STATUS(harness_send(silkeborg, &(struct harness_req){.method = "DELETE", .path = del}), 403);
	CHECK_STATUS(harness_send(kolding, &(struct harness_req){.method = "DELETE", .path = del}), 204);
	CHECK_STATUS(harness_send(kolding, &(struct harness_req){.method = "DELETE", .path = del}), 404);
	struct harness_resp *l = harness_get(indkoeb, path);
	CHECK_STATUS(l, 200);
	CHECK_HAS(l->body, "Soul Café");
	CHECK_HAS(l->body, "anne@example.org");
	CHECK_LACKS(l->body, "bo@example.org");
	CHECK_STR(sql_text(harness_fmt("SELECT count(*) FROM audit WHERE entity = 'network'"
	                               " AND entity_id = '%lld' AND action LIKE 'member_%%';", net)), "5\n");
}

/* a message part's bytes (outbox_parts p) as text: sqlite3 prints a blob as it is, psql a bytea
 * in hex digits unless converted */
static const char *part_text(void)
{
	return testdb_on_pg() ? "convert_from(p.data, 'UTF8')" : "CAST(p.data AS TEXT)";
}

/* the calendar part of the newest message to addr, or "" */
static const char *last_invitation(const char *addr)
{
	return sql_text(harness_fmt("SELECT %s FROM outbox_parts p JOIN outbox o ON o.id = p.outbox_id"
	                            " WHERE o.to_addr = '%s' ORDER BY p.id DESC LIMIT 1;",
	                            part_text(), addr));
}

static void meetings(void)
{
	const char *path = harness_fmt("/api/v1/networks/%lld/meetings", net);
	struct harness_resp *m = harness_post_json(kolding, path,
		"{\"starts_at\": \"2030-11-14T09:00\", \"ends_at\": \"2030-11-14T11:00\","
		" \"place\": \"Kolding Rådhus\", \"agenda\": \"1. Velkomst\\n2. Inhouse\"}");
	CHECK_STATUS(m, 201);
	meeting = id_of(m);
	const char *uid = harness_fmt("UID:meeting-%lld@indgang", meeting);
	const char *ics = last_invitation("anne@example.org");
	CHECK_HAS(ics, "METHOD:REQUEST");
	CHECK_HAS(ics, uid);
	CHECK_HAS(ics, "SEQUENCE:0");
	CHECK_HAS(ics, "DTSTART:20301114T080000Z");
	CHECK_HAS(ics, "anne@example.org");
	CHECK_LACKS(last_invitation("bo@example.org"), uid); /* removed before the meeting */
	CHECK_STR(sql_text(harness_fmt("SELECT count(*) FROM outbox_parts p JOIN outbox o ON o.id ="
	                               " p.outbox_id WHERE %s LIKE '%%%s%%' AND p.content_type LIKE"
	                               " 'text/calendar; method=REQUEST%%';", part_text(), uid + 4)), "1\n");
	/* a change of place: SEQUENCE 1 and the update; the same UID */
	const char *mp = harness_fmt("/api/v1/meetings/%lld", meeting);
	CHECK_STATUS(harness_patch_json(indkoeb, mp, "{\"place\": \"Andet sted\"}"), 403);
	CHECK_STATUS(harness_patch_json(silkeborg, mp, "{\"place\": \"Andet sted\"}"), 403);
	struct harness_resp *u = harness_patch_json(kolding, mp, "{\"place\": \"Kolding Bibliotek\"}");
	CHECK_STATUS(u, 200);
	CHECK(json_integer_value(json_object_get(harness_json(u), "sequence")) == 1);
	ics = last_invitation("anne@example.org");
	CHECK_HAS(ics, uid);
	CHECK_HAS(ics, "SEQUENCE:1");
	CHECK_HAS(ics, "Kolding Bibliotek");
	/* minutes on a meeting that is not held: 422; a bad time: 422 */
	CHECK_API_ERROR(harness_patch_json(kolding, mp, "{\"minutes\": \"Referat\"}"), 422, "invalid", "minutes");
	CHECK_API_ERROR(harness_patch_json(kolding, mp, "{\"starts_at\": \"14-11-2030\"}"), 422, "invalid", "starts_at");
	CHECK_API_ERROR(harness_patch_json(kolding, mp, "{\"ends_at\": \"2030-11-14T08:00\"}"), 422, "invalid", "ends_at");
	/* presence before the meeting: 422 present; sign-up is fine */
	const char *att = harness_fmt("/api/v1/meetings/%lld/attendance", meeting);
	CHECK_API_ERROR(harness_post_json(kolding, att, harness_fmt("{\"member_id\": %lld, \"present\": true}", person)),
	                422, "invalid", "present");
	CHECK_STATUS(harness_post_json(kolding, att, harness_fmt("{\"member_id\": %lld, \"signed_up\": true}", person)), 200);
	/* cancelled: SEQUENCE 2 and METHOD:CANCEL with STATUS:CANCELLED */
	struct harness_resp *c = harness_patch_json(kolding, mp, "{\"status\": \"cancelled\"}");
	CHECK_STATUS(c, 200);
	ics = last_invitation("anne@example.org");
	CHECK_HAS(ics, "METHOD:CANCEL");
	CHECK_HAS(ics, "STATUS:CANCELLED");
	CHECK_HAS(ics, "SEQUENCE:2");
	CHECK_HAS(ics, uid);
	CHECK_API_ERROR(harness_patch_json(kolding, mp, "{\"place\": \"Igen\"}"), 422, "invalid", "status");
	struct harness_resp *g = harness_get(indkoeb, mp);
	CHECK_STATUS(g, 200);
	CHECK_STR(harness_json_str(harness_json(g), "status"), "cancelled");
	CHECK_STATUS(harness_get(silkeborg, mp), 403);
}

static void the_feed(void)
{
	CHECK(*feed);
	struct harness_resp *f = harness_get(anon, feed);
	CHECK_STATUS(f, 200);
	CHECK_STR(harness_header(f, "Content-Type"), "text/calendar; charset=utf-8");
	CHECK_HAS(f->body, "BEGIN:VCALENDAR");
	CHECK_LACKS(f->body, "METHOD:");
	CHECK_HAS(f->body, harness_fmt("UID:meeting-%lld@indgang", meeting));
	CHECK_HAS(f->body, "STATUS:CANCELLED");
	CHECK_HAS(f->body, "X-WR-CALNAME:Koldings netværk om socialøkonomi");
	/* a wrong token, none, or another network's id: 404 */
	CHECK_STATUS(harness_get(anon, harness_fmt("/netvaerk/%lld/kalender.ics?token=%064d", net, 0)), 404);
	CHECK_STATUS(harness_get(anon, harness_fmt("/netvaerk/%lld/kalender.ics", net)), 404);
	CHECK_STATUS(harness_get(anon, harness_fmt("/netvaerk/%lld/kalender.ics%s", net + 100000,
	                                           strchr(feed, '?'))), 404);
	/* a new token: the old address stops working */
	const char *tp = harness_fmt("/api/v1/networks/%lld/token", net);
	CHECK_STATUS(harness_post_json(indkoeb, tp, "{}"), 403);
	struct harness_resp *t = harness_post_json(kolding, tp, "{}");
	CHECK_STATUS(t, 200);
	const char *fresh = harness_json_str(harness_json(t), "calendar_url");
	CHECK(fresh && strcmp(fresh, feed) != 0);
	CHECK_STATUS(harness_get(anon, feed), 404);
	CHECK_STATUS(harness_get(anon, fresh), 200);
	snprintf(feed, sizeof feed, "%s", fresh);
}

/* hand-made data for the figures: Kolding's network meets once in 2014 with two members
 * present; nothing else of Kolding's is in 2014 */
static void figures(void)
{
	struct harness_resp *m = harness_post_json(kolding, harness_fmt("/api/v1/networks/%lld/meetings", net),
		"{\"starts_at\": \"2014-03-06T13:00\", \"place\": \"Kolding\"}");
	CHECK_STATUS(m, 201);
	long long held = id_of(m);
	const char *att = harness_fmt("/api/v1/meetings/%lld/attendance", held);
	CHECK_STATUS(harness_post_json(kolding, att, harness_fmt("{\"member_id\": %lld, \"present\": true}", person)), 200);
	CHECK_STATUS(harness_post_json(job, att, harness_fmt("{\"member_id\": %lld, \"present\": true}",
	                                                     enterprise_member)), 200);
	CHECK_STATUS(harness_post_json(indkoeb, att, harness_fmt("{\"member_id\": %lld, \"present\": false}", person)), 403);
	CHECK_API_ERROR(harness_post_json(kolding, att, "{\"member_id\": 99999999, \"present\": true}"),
	                422, "invalid", "member_id");
	CHECK_STATUS(harness_patch_json(kolding, harness_fmt("/api/v1/meetings/%lld", held),
	                                "{\"status\": \"held\", \"minutes\": \"Godt møde.\"}"), 200);
	/* an action item, due long ago: reminded once */
	struct harness_resp *x = harness_post_json(kolding, harness_fmt("/api/v1/meetings/%lld/actions", held),
		harness_fmt("{\"title\": \"Send referatet\", \"owner_member_id\": %lld, \"due\": \"2014-04-01\"}", person));
	CHECK_STATUS(x, 201);
	CHECK_API_ERROR(harness_post_json(kolding, harness_fmt("/api/v1/meetings/%lld/actions", held),
	                                  "{\"title\": \"\"}"), 422, "invalid", "title");
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, "networks", "remind", "--date", "2014-04-02", NULL) == 0);
	CHECK_HAS(out, "1 reminder queued");
	CHECK(harness_cli(srv, NULL, &out, "networks", "remind", "--date", "2014-04-03", NULL) == 0);
	CHECK_HAS(out, "0 reminders queued");
	CHECK_STR(sql_text("SELECT count(*) FROM outbox WHERE to_addr = 'anne@example.org'"
	                   " AND subject = 'Påmindelse: Send referatet';"), "1\n");
	/* Kolding's staff: their own municipality */
	struct harness_resp *s = harness_get(kolding, "/api/v1/stats/networks?year=2014");
	CHECK_STATUS(s, 200);
	json_t *rows = json_object_get(harness_json(s), "rows");
	CHECK(json_array_size(rows) == 1);
	json_t *row = json_array_get(rows, 0);
	CHECK_STR(harness_json_str(row, "kommune"), "621");
	CHECK(json_integer_value(json_object_get(row, "networks")) == 1);
	CHECK(json_integer_value(json_object_get(row, "meetings_held")) == 1);
	CHECK(json_integer_value(json_object_get(row, "attendance")) == 2);
	json_t *mem = json_object_get(row, "members");
	CHECK(json_integer_value(json_object_get(mem, "soev")) == 1);
	CHECK(json_integer_value(json_object_get(mem, "company")) == 0);
	CHECK(json_integer_value(json_object_get(mem, "person")) == 1);
	CHECK(json_integer_value(json_object_get(mem, "unit")) == 1);
	/* the public: counts per municipality, Silkeborg's 2015 among them, no network names */
	struct harness_resp *pub = harness_get(anon, "/api/v1/stats/networks?year=2015");
	CHECK_STATUS(pub, 200);
	CHECK_HAS(pub->body, "\"kommune\":\"740\"");
	CHECK_LACKS(pub->body, "Inhouse og socialøkonomi");
	CHECK_LACKS(pub->body, "\"kommune\":null");
	/* the administrator: the national network too (the pool's four meetings of 2015) */
	struct harness_resp *all = harness_get(admin, "/api/v1/stats/networks?year=2015");
	CHECK_HAS(all->body, "\"kommune\":null");
	CHECK_HAS(all->body, "\"meetings_held\":4");
	CHECK_STATUS(harness_get(anon, "/api/v1/stats/networks?year=x"), 400);
	/* the proposal: a meeting cadence_months after the held one, same weekday and time */
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *page = harness_get(web, harness_fmt("/netvaerk/%lld", net));
	CHECK_OK(page_problem(page, 200));
	CHECK_HAS(page->body, "Foreslået næste møde");
	CHECK_HAS(page->body, "value=\"2014-06-05T13:00\""); /* a Thursday, like 2014-03-06 */
}

static void pages(void)
{
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *home = harness_get(web, "/");
	CHECK_HAS(home->body, "href=\"/netvaerk\"");
	struct harness_resp *list = harness_get(web, "/netvaerk");
	CHECK_OK(page_problem(list, 200));
	CHECK_HAS(list->body, "Koldings netværk om socialøkonomi");
	CHECK_HAS(list->body, "href=\"/netvaerk/ny\"");
	CHECK_OK(page_problem(harness_get(web, "/netvaerk/ny"), 200));
	/* a new network through the form: 422 keeps what was typed, then 303 */
	const char *csrf = harness_client_csrf(web);
	struct harness_resp *bad = harness_post_form(web, "/netvaerk",
		harness_form("csrf", csrf, "name", "", "purpose", "Formål bevares", "cadence_months", "3", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "Formål bevares");
	CHECK_HAS(bad->body, "<a href=\"#f-name\">");
	struct harness_resp *ok = harness_post_form(web, "/netvaerk",
		harness_form("csrf", csrf, "name", "Formularnetværk", "purpose", "", "cadence_months", "2", NULL));
	CHECK_STATUS(ok, 303);
	const char *to = harness_header(ok, "Location");
	long long id = 0;
	CHECKF(to && sscanf(to, "/netvaerk/%lld?ok=oprettet", &id) == 1, "Location %s", to ? to : "-");
	struct harness_resp *show = harness_get(web, to);
	CHECK_OK(page_problem(show, 200));
	CHECK_HAS(show->body, "Netværket er oprettet.");
	CHECK_HAS(show->body, "kalender.ics?token=");
	/* a member with a bad e-mail: 422 at the field, the name kept */
	struct harness_resp *bm = harness_post_form(web, harness_fmt("/netvaerk/%lld", id),
		harness_form("csrf", csrf, "action", "member_add", "enterprise_id", "", "name", "Ny Person",
		             "email", "forkert", "organisation", "", NULL));
	CHECK_OK(page_problem(bm, 422));
	CHECK_HAS(bm->body, "value=\"Ny Person\"");
	CHECK_HAS(bm->body, "<a href=\"#f-email\">");
	struct harness_resp *gm = harness_post_form(web, harness_fmt("/netvaerk/%lld", id),
		harness_form("csrf", csrf, "action", "member_add", "enterprise_id", harness_fmt("%lld", soul),
		             "name", "", "email", "", NULL));
	CHECK_STATUS(gm, 303);
	/* removal asks first */
	struct harness_resp *mem = harness_get(kolding, harness_fmt("/api/v1/networks/%lld/members", id));
	long long mid = (long long)json_integer_value(json_object_get(
		json_array_get(json_object_get(harness_json(mem), "items"), 0), "id"));
	struct harness_resp *ask = harness_post_form(web, harness_fmt("/netvaerk/%lld", id),
		harness_form("csrf", csrf, "action", "member_remove", "member", harness_fmt("%lld", mid), NULL));
	CHECK_OK(page_problem(ask, 200));
	CHECK_HAS(ask->body, "Ja, fjern medlemmet");
	/* a meeting through the form, then its page */
	struct harness_resp *mt = harness_post_form(web, harness_fmt("/netvaerk/%lld", id),
		harness_form("csrf", csrf, "action", "meeting_add", "starts_at", "2030-01-10T09:00",
		             "ends_at", "", "place", "Rådhuset", "agenda", "Dagsorden", NULL));
	CHECK_STATUS(mt, 303);
	struct harness_resp *mp = harness_get(web, harness_header(mt, "Location"));
	CHECK_OK(page_problem(mp, 200));
	CHECK_HAS(mp->body, "Rådhuset");
	CHECK_HAS(mp->body, "Soul Café");
	CHECK_HAS(mp->body, "Aflys mødet");
	/* cancelling asks first; marking held leads to the network with the proposal */
	const char *mpath = harness_header(mt, "Location");
	mpath = harness_fmt("%.*s", (int)(strchr(mpath, '?') - mpath), mpath);
	struct harness_resp *ca = harness_post_form(web, mpath, harness_form("csrf", csrf, "action", "cancel", NULL));
	CHECK_OK(page_problem(ca, 200));
	CHECK_HAS(ca->body, "Ja, aflys mødet");
	struct harness_resp *hd = harness_post_form(web, mpath, harness_form("csrf", csrf, "action", "held", NULL));
	CHECK_STATUS(hd, 303);
	CHECK_STR(harness_header(hd, "Location"), harness_fmt("/netvaerk/%lld?ok=afholdt#moeder", id));
	struct harness_resp *after = harness_get(web, harness_fmt("/netvaerk/%lld?ok=afholdt", id));
	CHECK_OK(page_problem(after, 200));
	CHECK_HAS(after->body, "Foreslået næste møde");
	CHECK_HAS(after->body, "value=\"2030-03-07T09:00\""); /* two months on, the nearest Thursday */
	struct harness_resp *mn = harness_post_form(web, mpath, harness_form("csrf", csrf, "action", "minutes",
	                                                                      "minutes", "Referat fra mødet", NULL));
	CHECK_STATUS(mn, 303);
	CHECK_HAS(harness_get(web, mpath)->body, "Referat fra mødet");
	/* the meeting of another network in the path: 404 */
	long long mmid = 0;
	CHECK(sscanf(harness_header(mt, "Location"), "/netvaerk/%*d/moeder/%lld", &mmid) == 1);
	CHECK_OK(page_problem(harness_get(web, harness_fmt("/netvaerk/%lld/moeder/%lld", net, mmid)), 404));
	/* the network's own form: an empty name is 422 at its field, a new cadence is saved */
	struct harness_resp *be = harness_post_form(web, harness_fmt("/netvaerk/%lld", id),
		harness_form("csrf", csrf, "action", "update", "net_name", "", "net_purpose", "Nyt formål",
		             "net_cadence", "4", NULL));
	CHECK_OK(page_problem(be, 422));
	CHECK_HAS(be->body, "<a href=\"#f-net_name\">");
	CHECK_HAS(be->body, "Nyt formål");
	struct harness_resp *ge = harness_post_form(web, harness_fmt("/netvaerk/%lld", id),
		harness_form("csrf", csrf, "action", "update", "net_name", "Formularnetværk", "net_purpose",
		             "Nyt formål", "net_cadence", "4", NULL));
	CHECK_STATUS(ge, 303);
	CHECK(json_integer_value(json_object_get(harness_json(harness_get(kolding,
		harness_fmt("/api/v1/networks/%lld", id))), "cadence_months")) == 4);
	/* the hostile purpose of the first network is shown escaped */
	struct harness_resp *hp = harness_get(web, harness_fmt("/netvaerk/%lld", net));
	CHECK_OK(page_problem(hp, 200));
	CHECK_LACKS(hp->body, "<script>\"indkøb");
	CHECK_HAS(hp->body, "&lt;script&gt;");
	/* the buyer reads without forms; Silkeborg's network is not Kolding's */
	struct harness_client *buyer = harness_login(srv, "indkoeb@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(buyer);
	struct harness_resp *seen = harness_get(buyer, harness_fmt("/netvaerk/%lld", net));
	CHECK_OK(page_problem(seen, 200));
	CHECK_LACKS(seen->body, "Tilføj medlem");
	CHECK_LACKS(harness_get(buyer, "/netvaerk")->body, "href=\"/netvaerk/ny\"");
	CHECK_OK(page_problem(harness_get(buyer, "/netvaerk/ny"), 403));
	CHECK_OK(page_problem(harness_get(web, "/netvaerk/1"), 403));
	/* an enterprise's account and anonymous callers */
	struct harness_client *virk = harness_login(srv, "virksomhed@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(virk);
	CHECK_OK(page_problem(harness_get(virk, "/netvaerk"), 403));
	CHECK_LACKS(harness_get(virk, "/")->body, "href=\"/netvaerk\"");
	struct harness_resp *a = harness_get(anon, "/netvaerk");
	CHECK_STATUS(a, 303);
	/* Silkeborg's konsulent sees the demo network with its proposal and the figures page */
	struct harness_client *sk = harness_login(srv, "konsulent@silkeborg.example", HARNESS_DEMO_PASSWORD);
	CHECK(sk);
	struct harness_resp *sn = harness_get(sk, "/netvaerk/1");
	CHECK_OK(page_problem(sn, 200));
	CHECK_HAS(sn->body, "Virksomhedsnetværk om Inhouse og socialøkonomi");
	CHECK_HAS(sn->body, "12.11.2015 kl. 09.00");
	CHECK_HAS(sn->body, "value=\"2017-02-09T09:00\""); /* three months after 10.11.2016, a Thursday */
	struct harness_resp *sm = harness_get(sk, "/netvaerk/1/moeder/1");
	CHECK_OK(page_problem(sm, 200));
	CHECK_HAS(sm->body, "Netværket er startet.");
	struct harness_resp *st = harness_get(anon, "/statistik/netvaerk?year=2015");
	CHECK_OK(page_problem(st, 200));
	CHECK_HAS(st->body, "Silkeborg");
	struct harness_resp *csv = harness_get(anon, "/statistik/netvaerk/eksport?year=2015&sep=,");
	CHECK_STATUS(csv, 200);
	CHECK_HAS(csv->body, "740,Silkeborg,2015,1,1,4,3,0,2,7");
	struct harness_resp *x = harness_get(anon, "/statistik/netvaerk/eksport?year=2015&format=xlsx");
	CHECK_STATUS(x, 200);
	CHECK(x->len > 100 && !memcmp(x->body, "PK", 2));
	CHECK_STATUS(harness_get(anon, "/statistik/netvaerk/eksport?year=2015&format=pdf"), 400);
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"a konsulent creates a network; other municipalities, the buyer, an enterprise and anonymous"
	 " callers may not; national networks are the administrator's", creating, HARNESS_FATAL},
	{"members of each kind are added and removed; invalid ones answer 422 naming the field", members,
	 HARNESS_FATAL},
	{"a meeting invites the members with iCalendar (REQUEST, stable UID, rising SEQUENCE, CANCEL)",
	 meetings, 0},
	{"the calendar feed needs its token, no sign-in; a new token ends the old address", the_feed, 0},
	{"attendance, reminders, Tabel 8's figures and the cadence's proposal from hand-made data",
	 figures, 0},
	{"the pages: list, form with errors, network, meeting, read-only buyer, refused callers", pages, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
