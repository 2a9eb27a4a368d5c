/*
 * test_usability.c — what a municipal user meets, over real HTTP: the advisory page's period
 * (Danish months, the demo's 2015 reachable, a wrong month answered with the form) and its
 * enterprise chosen from a list; municipalities picked by region instead of typed as codes;
 * answering a survey (required questions marked, errors that name their question, a submitted
 * answer never made a draft unasked); new inquiries routed to no person notifying as the setup
 * says; the statistics' year error with the page and the allowed range; search for "kobmand";
 * the demo's placeholders kept out of the public list without changing Tabel 1; a municipality's
 * user starting with its own enterprises; Danish wording on an enterprise.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define ROUND "/undersoegelser/soev-2015/november-2015"

static struct harness_server *srv;
static struct harness_client *anon, *konsulent, *admin;

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	konsulent = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	admin = harness_login(srv, "admin@indgang.example", HARNESS_DEMO_PASSWORD);
	CHECKF(konsulent && admin, "signing in through the form failed");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

/* how often needle occurs in text */
static int occurrences(const char *text, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(text, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* the id of the first enterprise the public API finds for q in kommune, or 0 */
static long long enterprise_id(const char *q, const char *kommune)
{
	struct harness_resp *r = harness_get(anon, harness_fmt("/api/v1/enterprises?q=%s&kommune=%s", q, kommune));
	return (long long)json_integer_value(
		json_object_get(json_array_get(json_object_get(harness_json(r), "items"), 0), "id"));
}

/* ---------------------------------------------------------------- the advisory page */

static void advisory_period(void)
{
	/* the default, the last twelve months, leads to the demo's year */
	struct harness_resp *r = harness_get(konsulent, "/raadgivning");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "type=\"month\"");
	CHECK_HAS(r->body, "href=\"/raadgivning?fra=2015-01&amp;til=2015-12\"");
	/* 2015 in Danish months, with its sessions */
	r = harness_get(konsulent, "/raadgivning?fra=2015-01&til=2015-12&limit=10");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "<h2>Rådgivning pr. måned, januar 2015 – december 2015</h2>");
	CHECK_HAS(r->body, "<th scope=\"row\">december 2015</th>");
	CHECK_LACKS(r->body, "<th scope=\"row\">2015-12</th>");
	CHECK_LACKS(r->body, "søjlediagram");
	CHECK_HAS(r->body, "role=\"region\"");
	CHECK_LACKS(r->body, "Ingen samtaler i perioden");
	/* the pages of sessions keep the period */
	CHECK_HAS(r->body, "&amp;fra=2015-01&amp;til=2015-12");
	/* a wrong month: 400 with the form, the error beside the field, and the default period */
	const char *const wrong[] = {"fra=2015-13&til=2015-12", "fra=2015-06&til=2015-01", "fra=2000-01&til=2015-12",
	                             "fra=januar&til=2015-12"};
	for (size_t i = 0; i < COUNT(wrong); i++) {
		r = harness_get(konsulent, harness_fmt("/raadgivning?%s", wrong[i]));
		CHECKF(r->status == 400, "?%s answered %ld", wrong[i], r->status);
		CHECK_HTML(r);
		CHECK_HAS(r->body, "class=\"error-summary\"");
		CHECK_HAS(r->body, "aria-invalid=\"true\"");
		CHECK_HAS(r->body, "<form method=\"get\" action=\"/raadgivning\"");
	}
}

static void advisory_enterprise_chosen(void)
{
	struct harness_resp *r = harness_get(konsulent, "/raadgivning");
	CHECK_LACKS(r->body, "nummer i registret");
	CHECK_HAS(r->body, "<select id=\"f-enterprise_id\" name=\"enterprise_id\"");
	long long soul = enterprise_id("soul", "621");
	CHECK(soul > 0);
	CHECK_HAS(r->body, harness_fmt("<option value=\"%lld\">Soul Café</option>", soul));
	/* the enterprises of another municipality are not offered */
	long long boas = enterprise_id("boas", "740");
	CHECK(boas > 0);
	CHECK_HAS(r->body, harness_fmt("<option value=\"%lld\">BOAS specialister ApS (hjemkommune Silkeborg)</option>", boas));
	long long updesign = enterprise_id("updesign", "740");
	CHECK(updesign > 0);
	CHECK_LACKS(r->body, harness_fmt("<option value=\"%lld\">", updesign));
	struct harness_resp *ok = harness_post_form(konsulent, "/raadgivning",
		harness_form("csrf", harness_csrf_field(r), "date", "2015-06-10", "topic", "business", "minutes", "45",
		             "enterprise_id", harness_fmt("%lld", soul), NULL));
	CHECK_STATUS(ok, 303);
	r = harness_get(konsulent, "/raadgivning?fra=2015-06&til=2015-06");
	CHECK_HAS(r->body, "<td>10.06.2015</td><td>Forretningsudvikling</td><td>Soul Café</td><td>45</td>");
	/* neither an enterprise nor a name: the error names what to do */
	struct harness_resp *bad = harness_post_form(konsulent, "/raadgivning",
		harness_form("csrf", harness_csrf_field(r), "date", "2015-06-10", "topic", "business", "minutes", "45",
		             "enterprise_id", "", "entrepreneur", "", NULL));
	CHECK_STATUS(bad, 422);
	CHECK_HTML(bad);
	CHECK_HAS(bad->body, "Vælg virksomheden, eller skriv iværksætterens navn.");
}

/* ---------------------------------------------------------------- municipalities by region */

static void municipalities_picked(void)
{
	struct harness_resp *r = harness_get(anon, "/statistik?year=2015&kommuner=621&kommuner=740");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_LACKS(r->body, "Fx 740,621");
	CHECK_HAS(r->body, "<summary>Region Syddanmark");
	CHECK_HAS(r->body, "name=\"kommuner\" value=\"621\" checked");
	CHECK_HAS(r->body, "name=\"kommuner\" value=\"740\" checked");
	CHECK_HAS(r->body, "name=\"kommuner\" value=\"101\">");
	CHECK(occurrences(r->body, "<details class=\"region\"") == 5);
	CHECK(occurrences(r->body, "<details class=\"region\" open>") == 2);
	CHECK_HAS(r->body, "<tr><th scope=\"row\">Kolding</th>");
	CHECK_HAS(r->body, "<tr><th scope=\"row\">Silkeborg</th>");
	CHECK_LACKS(r->body, "<tr><th scope=\"row\">Vejle</th>");
	CHECK_HAS(r->body, "kommuner=621%2C740");
	/* the comma list of links and old bookmarks still works */
	struct harness_resp *same = harness_get(anon, "/statistik?year=2015&kommuner=621,740");
	CHECK_STATUS(same, 200);
	CHECK_HAS(same->body, "name=\"kommuner\" value=\"740\" checked");
	/* the round form and the enterprise form pick by region too */
	struct harness_resp *round = harness_get(admin, "/undersoegelser/soev-2015");
	CHECK_STATUS(round, 200);
	CHECK_HTML(round);
	CHECK_LACKS(round->body, "koder adskilt af komma");
	CHECK_HAS(round->body, "name=\"kommuner\" value=\"851\"");
	r = harness_get(konsulent, "/virksomheder/ny");
	CHECK_HAS(r->body, "name=\"other_kommuner\" value=\"740\"");
	CHECK_LACKS(r->body, "multiple");
	/* a round sent to two municipalities chosen with checkboxes */
	struct harness_resp *sent = harness_post_form(admin, "/undersoegelser/soev-2015/runder",
		harness_form("csrf", harness_csrf_field(round), "code", "proeve-2016", "title", "Prøve", "kommuner", "621",
		             "kommuner", "740", NULL));
	CHECK_STATUS(sent, 303);
	r = harness_get(admin, "/undersoegelser/soev-2015/proeve-2016/oversigt");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "af 2 kommuner har indsendt");
}

/* ---------------------------------------------------------------- answering a survey */

static void survey_answering(void)
{
	struct harness_resp *form = harness_get(konsulent, ROUND);
	CHECK_STATUS(form, 200);
	CHECK_HTML(form);
	/* every required question says so: 13 of the survey's questions, t4 with its four items */
	CHECK(occurrences(form->body, "(skal besvares)") >= 16);
	CHECK_HAS(form->body, "fokuseret på? (skal besvares)</legend>");
	CHECK_HAS(form->body, "ressourceforløb");
	CHECK_LACKS(form->body, "resourceforløb");
	/* the demo's answer is submitted: no plain "Gem kladde", but a way to withdraw */
	CHECK_HAS(form->body, "Status: <strong>indsendt</strong>");
	CHECK_LACKS(form->body, "value=\"draft\"");
	CHECK_HAS(form->body, "value=\"withdraw\"");
	const char *csrf = harness_csrf_field(form);
	/* "Gem kladde" from an old form: refused, and the answer stays submitted */
	struct harness_resp *r = harness_post_form(konsulent, ROUND, harness_form("csrf", csrf, "action", "draft",
	                                                                           "t3", "2", NULL));
	CHECK_STATUS(r, 409);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Svaret er allerede indsendt, så det gemmes ikke som kladde.");
	CHECK_HAS(harness_get(konsulent, ROUND)->body, "Status: <strong>indsendt</strong>");
	/* withdrawing says what happened */
	r = harness_post_form(konsulent, ROUND, harness_form("csrf", csrf, "action", "withdraw", NULL));
	CHECK_STATUS(r, 303);
	r = harness_get(konsulent, harness_header(r, "Location"));
	CHECK_HAS(r->body, "Indsendelsen er trukket tilbage.");
	CHECK_HAS(r->body, "Status: <strong>kladde</strong>");
	CHECK_HAS(r->body, "value=\"draft\"");
	/* an empty submission: one error per missing answer, each naming its question and linking
	 * to a field that exists */
	r = harness_post_form(konsulent, ROUND, harness_form("csrf", csrf, "action", "submit", NULL));
	CHECK_STATUS(r, 422);
	CHECK_HTML(r);
	CHECK(occurrences(r->body, "<li><a href=\"#f-") == 16);
	CHECK_LACKS(r->body, ">skal besvares, før");
	CHECK_HAS(r->body, "<li><a href=\"#f-t3\">Vælg et svar på «Kommunernes vurdering af opnåede resultater».</a></li>");
	CHECK_HAS(r->body, "<li><a href=\"#f-t2\">Vælg mindst ét svar på «Hvilke typer af virksomheder");
	CHECK_HAS(r->body, "<a href=\"#f-t4.b\">Vælg et svar på «Der er skabt flere fleksjob i socialøkonomiske "
	                   "virksomheder» under «Forløb og ansættelser");
	const char *ids[] = {"id=\"f-t2\"", "id=\"f-t3\"", "id=\"f-t4.a\"", "id=\"f-t14\""};
	for (size_t i = 0; i < COUNT(ids); i++)
		CHECK_HAS(r->body, ids[i]);
	/* the report compares with a round chosen from the survey's, not a code to type */
	r = harness_get(admin, ROUND "/rapport?sammenlign=projektstart");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "<select id=\"f-sammenlign\" name=\"sammenlign\">");
	CHECK_HAS(r->body, "<option value=\"projektstart\" selected>");
	CHECK_LACKS(r->body, "<option value=\"november-2015\"");
}

/* ---------------------------------------------------------------- notifying the coordinators */

/* the number of messages in the outbox to to with subject "Ny henvendelse ..." */
static int notices(const char *to)
{
	struct harness_resp *r = harness_get(admin, "/admin/udbakke?limit=500");
	return occurrences(r->body, harness_fmt("<td>%s</td><td>Ny henvendelse IND-", to));
}

/* an inquiry from the public about topic in Kolding: 303 */
static long inquiry(const char *topic)
{
	struct harness_client *web = harness_client(srv);
	struct harness_resp *form = harness_get(web, "/kontakt/621");
	struct harness_resp *r = harness_post_form(web, "/kontakt",
		harness_form("csrf", harness_csrf_field(form), "kommune", "621", "name", "Ole Olsen", "email",
		             "ole@example.org", "topic", topic, "message", "Jeg vil gerne starte en café", NULL));
	return r->status;
}

static void new_inquiries_notify(void)
{
	/* the demo routes employment to the jobkonsulent: other topics to no person */
	int before = notices("konsulent@kolding.example");
	CHECK(inquiry("funding") == 303);
	CHECK(notices("konsulent@kolding.example") == before + 1);
	CHECK(notices("job@kolding.example") >= 0);
	/* a topic routed to a person notifies that person only */
	int job = notices("job@kolding.example");
	CHECK(inquiry("employment") == 303);
	CHECK(notices("job@kolding.example") == job + 1);
	CHECK(notices("konsulent@kolding.example") == before + 1);
	/* the setup page chooses: nobody */
	struct harness_resp *setup = harness_get(konsulent, "/opsaetning");
	CHECK_STATUS(setup, 200);
	CHECK_HTML(setup);
	CHECK_HAS(setup->body, "<h2>Besked om nye henvendelser</h2>");
	CHECK_HAS(setup->body, "id=\"f-notify-coordinators\" name=\"notify\" value=\"coordinators\" checked");
	struct harness_resp *r = harness_post_form(konsulent, "/opsaetning",
		harness_form("csrf", harness_csrf_field(setup), "action", "notify", "notify", "none", NULL));
	CHECK_STATUS(r, 303);
	CHECK_HAS(harness_get(konsulent, "/opsaetning")->body, "value=\"none\" checked");
	CHECK(inquiry("start") == 303);
	CHECK(notices("konsulent@kolding.example") == before + 1);
	/* an unknown choice is a field error */
	r = harness_post_form(konsulent, "/opsaetning",
		harness_form("csrf", harness_csrf_field(setup), "action", "notify", "notify", "alle", NULL));
	CHECK_STATUS(r, 422);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "href=\"#f-notify\"");
	r = harness_post_form(konsulent, "/opsaetning",
		harness_form("csrf", harness_csrf_field(setup), "action", "notify", "notify", "coordinators", NULL));
	CHECK_STATUS(r, 303);
}

/* ---------------------------------------------------------------- retention and the operator */

/* a municipality sets how long closed inquiries are kept; the nightly purge erases the personal
 * data of those past it, and the case says so */
static void inquiry_retention(void)
{
	struct harness_resp *setup = harness_get(konsulent, "/opsaetning");
	CHECK_STATUS(setup, 200);
	CHECK_HAS(setup->body, "<h2>Opbevaring af henvendelser</h2>");
	CHECK_HAS(setup->body, "name=\"retention_years\"");
	struct harness_resp *r = harness_post_form(konsulent, "/opsaetning",
		harness_form("csrf", harness_csrf_field(setup), "action", "retention", "retention_years", "11", NULL));
	CHECK_STATUS(r, 422);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "href=\"#f-retention_years\"");
	CHECK_HAS(r->body, "value=\"11\"");
	r = harness_post_form(konsulent, "/opsaetning",
		harness_form("csrf", harness_csrf_field(setup), "action", "retention", "retention_years", "3", NULL));
	CHECK_STATUS(r, 303);
	CHECK_HAS(harness_get(konsulent, "/opsaetning")->body, "value=\"3\"");
	/* one of Kolding's cases, closed long ago */
	char *id = NULL;
	CHECK(harness_sqlite(harness_server_db(srv),
		"UPDATE inquiries SET status = 'closed', closed_at = '2015-03-02T10:00:00Z'"
		" WHERE id = (SELECT min(id) FROM inquiries WHERE kommune = '621');"
		" SELECT min(id) FROM inquiries WHERE kommune = '621'", &id) == 0);
	CHECKF(id && atoi(id) > 0, "no inquiry in Kolding: %s", id ? id : "(none)");
	if (!id || atoi(id) <= 0)
		return;
	id[strcspn(id, "\n")] = 0;
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, "inquiries", "purge", "--dry-run", NULL) == 0);
	CHECK_HAS(out, "would be erased");
	CHECK(harness_cli(srv, NULL, &out, "inquiries", "purge", "--date", "2026-13-01", NULL) == 2);
	CHECK(harness_cli(srv, NULL, &out, "inquiries", "purge", NULL) == 0);
	CHECK_HAS(out, "closed inquiries erased");
	CHECKF(atoi(out) >= 1, "purge erased %s", out);
	r = harness_get(konsulent, harness_fmt("/sager/%s", id));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "opbevaringsperiode");
	CHECK_LACKS(r->body, "<h2>Beskeden</h2>");
	/* the privacy notice says what is kept and for how long */
	r = harness_get(anon, "/privatliv");
	CHECK_HAS(r->body, "sletter Indgang automatisk");
}

/* the administrator names the operator and its contact; the legal pages show them */
static void operator_contact(void)
{
	struct harness_resp *r = harness_get(konsulent, "/admin/indstillinger");
	CHECK_STATUS(r, 403);
	struct harness_resp *form = harness_get(admin, "/admin/indstillinger");
	CHECK_STATUS(form, 200);
	CHECK_HTML(form);
	r = harness_post_form(admin, "/admin/indstillinger",
		harness_form("csrf", harness_csrf_field(form), "name", "Den Fælles Drift", "email", "ikke-en-adresse",
		             "phone", "12", "address", "", NULL));
	CHECK_STATUS(r, 422);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "href=\"#f-email\"");
	CHECK_HAS(r->body, "href=\"#f-phone\"");
	CHECK_HAS(r->body, "value=\"Den Fælles Drift\"");
	r = harness_post_form(admin, "/admin/indstillinger",
		harness_form("csrf", harness_csrf_field(form), "name", "Den Fælles Drift <A/S>", "email",
		             "support@drift.example", "phone", "+45 33 12 34 56", "address", "Vejen 1, 2500 Valby", NULL));
	CHECK_STATUS(r, 303);
	r = harness_get(anon, "/tilgaengelighed");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "Indgang drives af Den Fælles Drift &lt;A/S&gt;");
	CHECK_HAS(r->body, "href=\"mailto:support@drift.example\"");
	CHECK_HAS(r->body, "href=\"tel:+4533123456\">+45 33 12 34 56</a>");
	r = harness_get(anon, "/privatliv");
	CHECK_HAS(r->body, "<h2>Hvem driver Indgang</h2>");
	CHECK_HAS(r->body, "support@drift.example");
	/* the audit log writes the change's details as words, escaped, not as JSON */
	r = harness_get(admin, "/admin/audit?entity=site_operator");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "<li>name: Den Fælles Drift &lt;A/S&gt;</li>");
	CHECK_LACKS(r->body, "<code>{");
	/* an entity with a page of its own links to it */
	r = harness_get(admin, "/admin/audit?entity=user");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "<a href=\"/brugere/");
}

/* ---------------------------------------------------------------- the statistics' year */

static void statistics_year(void)
{
	const char *const wrong[] = {"1800", "abc", "20155", "2201"};
	for (size_t i = 0; i < COUNT(wrong); i++) {
		struct harness_resp *r = harness_get(anon, harness_fmt("/statistik?year=%s", wrong[i]));
		CHECKF(r->status == 400, "year=%s answered %ld", wrong[i], r->status);
		CHECK_HTML(r);
		CHECK_HAS(r->body, "Året skal være et årstal fra 1900 til 2200, fx 2015.");
		CHECK_LACKS(r->body, "fire cifre");
		CHECK_HAS(r->body, "<form method=\"get\" action=\"/statistik\"");
		CHECK_HAS(r->body, harness_fmt("value=\"%s\"", wrong[i]));
		CHECK_HAS(r->body, "<h2>Tabel 1.");
	}
	struct harness_resp *api = harness_get(anon, "/api/v1/stats/enterprises?year=1800");
	CHECK_API_ERROR(api, 400, "bad_parameter", "year");
	CHECK_HAS(api->body, "1900 to 2200");
	/* Tabel 1 of 2015 holds the placeholders the list leaves out: the report's I alt */
	struct harness_resp *r = harness_get(anon, "/statistik?year=2015");
	CHECK_HAS(r->body, "<tfoot><tr><th scope=\"row\">I alt</th><td>77</td><td>22</td><td>29</td><td>58</td>");
}

/* ---------------------------------------------------------------- the registry list */

static void registry_list(void)
{
	/* search: ø written as o, oe or ø */
	const char *const finds[] = {"kobmand", "koebmand", "k%C3%B8bm"};
	for (size_t i = 0; i < COUNT(finds); i++) {
		struct harness_resp *r = harness_get(anon, harness_fmt("/virksomheder?q=%s", finds[i]));
		CHECK_STATUS(r, 200);
		CHECKF(strstr(r->body, "Hjortdal Købmandshandel"), "q=%s does not find Hjortdal Købmandshandel", finds[i]);
	}
	/* the demo's placeholders: not in the public list, said so, one click away */
	struct harness_resp *r = harness_get(anon, "/virksomheder?kommune=165&limit=500");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_LACKS(r->body, ">Pladsholder Albertslund");
	CHECK_HAS(r->body, "pladsholdere fra demodata er ikke vist");
	r = harness_get(anon, "/virksomheder?kommune=165&pladsholdere=vis&limit=500");
	CHECK_HAS(r->body, ">Pladsholder Albertslund 1</a>");
	CHECK_LACKS(r->body, "er ikke vist");
	/* a municipality's user starts with its own, all municipalities one click away */
	r = harness_get(konsulent, "/virksomheder");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "<option value=\"621\" selected>Kolding</option>");
	CHECK_HAS(r->body, "<a href=\"/virksomheder?kommune=\">Vis alle kommuner</a>");
	CHECK_HAS(r->body, ">Soul Café</a>");
	CHECK_LACKS(r->body, ">Updesign ApS</a>");
	r = harness_get(konsulent, "/virksomheder?kommune=&limit=20");
	CHECK_HAS(r->body, "<option value=\"\" selected>Alle kommuner</option>");
	CHECK_HAS(r->body, "&amp;kommune=\" rel=\"next\"");
	/* the public and the administrator start with all */
	CHECK_HAS(harness_get(anon, "/virksomheder")->body, "<option value=\"\" selected>Alle kommuner</option>");
	CHECK_HAS(harness_get(admin, "/virksomheder")->body, "<option value=\"\" selected>Alle kommuner</option>");
}

/* ---------------------------------------------------------------- an enterprise in Danish */

static void enterprise_in_danish(void)
{
	long long id = enterprise_id("soul", "621");
	CHECK(id > 0);
	struct harness_resp *r = harness_get(konsulent, harness_fmt("/virksomheder/%lld", id));
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "oprettet fra kommandolinjen");
	CHECK_LACKS(r->body, "af kommandolinje<");
	/* the origin of one enterprise in the singular, as in its form */
	long long updesign = enterprise_id("updesign", "740");
	r = harness_get(anon, harness_fmt("/virksomheder/%lld", updesign));
	CHECK_HAS(r->body, "<dt>Oprindelse</dt><dd>En eksisterende socialøkonomisk virksomhed</dd>");
	r = harness_get(konsulent, "/virksomheder/ny");
	CHECK_HAS(r->body, ">Startet af en social iværksætter</option>");
	CHECK_HAS(r->body, "maxlength=");
	/* an enterprise's account is linked to its enterprise by name, not by number */
	struct harness_resp *users = harness_get(harness_bearer(srv, "konsulent@kolding.example"),
	                                         "/api/v1/kommuner/621/users?limit=500");
	long long own = 0;
	size_t i;
	json_t *u;
	json_array_foreach(json_object_get(harness_json(users), "items"), i, u)
		if (!strcmp(harness_json_str(u, "email"), "virksomhed@kolding.example"))
			own = (long long)json_integer_value(json_object_get(u, "id"));
	CHECK(own > 0);
	r = harness_get(konsulent, harness_fmt("/brugere/%lld", own));
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, harness_fmt("<option value=\"%lld\" selected>Soul Café</option>", id));
	CHECK_LACKS(r->body, "(nummer)");
	/* the public form says what a CVR number is in plain words */
	struct harness_client *web = harness_client(srv);
	struct harness_resp *form = harness_get(web, "/kontakt/621");
	r = harness_post_form(web, "/kontakt",
		harness_form("csrf", harness_csrf_field(form), "kommune", "621", "name", "Ole", "email", "ole@example.org",
		             "topic", "start", "message", "Hej", "cvr", "12345678", NULL));
	CHECK_STATUS(r, 422);
	CHECK_LACKS(r->body, "modulus");
	CHECK_HAS(r->body, "Tjek CVR-nummeret");
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and the staff sign in", start, HARNESS_FATAL | HARNESS_KEEP},
	{"the advisory page: a period of Danish months, the demo's 2015 reachable, a wrong month answered with the form",
	 advisory_period, 0},
	{"the advisory page: the session's enterprise is chosen from the municipality's", advisory_enterprise_chosen, 0},
	{"municipalities are picked by region on the statistics, the round and the enterprise forms",
	 municipalities_picked, 0},
	{"survey answering: required marked, errors name their question, no silent withdrawal", survey_answering, 0},
	{"new inquiries routed to no person notify the coordinators, or nobody, as the setup says",
	 new_inquiries_notify, 0},
	{"a wrong year on /statistik: 400 with the page, the form and the allowed range", statistics_year, 0},
	{"the registry list: kobmand, the placeholders left out, a municipality's own first", registry_list, 0},
	{"an enterprise in Danish: its origin, its history, the CVR error", enterprise_in_danish, 0},
	{"a municipality's retention of closed inquiries, the nightly purge and the case that says so",
	 inquiry_retention, 0},
	{"the operator's contact set by the administrator and shown on the legal pages", operator_contact, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
