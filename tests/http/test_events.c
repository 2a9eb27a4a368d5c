/*
 * test_events.c — events (arrangementer) over real HTTP: created through the API by a konsulent
 * and refused to another municipality, the buyer and the public; anonymous sign-ups to a public
 * event past its capacity onto the waiting list, 409 for a second sign-up with the same e-mail;
 * the link in the confirmation mail (read from the outbox) shows a confirmation and cancels
 * without sign-in, moving the first on the waiting list up with a mail; a staff-only event is
 * 404 to the public and 403 to another municipality; staff cancel a sign-up and tick
 * attendance; the pages a person uses (the list, the event with its sign-up form and its
 * errors, the staff's view, the form, the CSV and the .ics download), each checked with tidy,
 * a hostile title shown escaped; the front page lists the next public events.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define HOSTILE_TITLE "<script>alert('arr')</script> & \"co\""

static struct harness_server *srv;
static struct harness_client *admin, *kolding, *indkoeb, *owner, *silkeborg;
static long long capped;   /* public, 2 places, made in creating() */
static long long staffonly; /* staff only, made in creating() */

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	admin = harness_bearer(srv, "admin@indgang.example");
	kolding = harness_bearer(srv, "konsulent@kolding.example");
	indkoeb = harness_bearer(srv, "indkoeb@kolding.example");
	owner = harness_bearer(srv, "virksomhed@kolding.example");
	silkeborg = harness_bearer(srv, "konsulent@silkeborg.example");
	CHECKF(admin && kolding && indkoeb && owner && silkeborg, "'indgang token create' failed");
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

static long long id_of(struct harness_resp *r)
{
	return (long long)json_integer_value(json_object_get(harness_json(r), "id"));
}

/* an anonymous client sending from its own address (the sign-up limit counts per address) */
static struct harness_client *anon_from(int n)
{
	struct harness_client *c = harness_client(srv);
	harness_client_bind(c, harness_fmt("127.0.0.%d", 100 + n));
	return c;
}

/* a future time "YYYY-MM-DDTHH:MM" in 2099 */
static const char *body(const char *kommune, const char *title, bool public, int capacity)
{
	return harness_fmt("{\"kommune\": \"%s\", \"title\": \"%s\", \"kind\": \"seminar\","
	                   " \"starts_at\": \"2099-06-10T09:00\", \"ends_at\": \"2099-06-10T15:00\","
	                   " \"place\": \"Kolding Rådhus\", \"public\": %s, \"capacity\": %d}",
	                   kommune, title, public ? "true" : "false", capacity);
}

static void creating(void)
{
	struct harness_resp *r = harness_post_json(kolding, "/api/v1/events", body("621", "Iværksætterdag", true, 2));
	CHECK_STATUS(r, 201);
	capped = id_of(r);
	CHECK(capped > 0);
	CHECK_STR(harness_json_str(harness_json(r), "kind"), "seminar");
	r = harness_post_json(kolding, "/api/v1/events", body("621", "Personaleseminar", false, 0));
	CHECK_STATUS(r, 201);
	staffonly = id_of(r);
	/* another municipality, the buyer, an enterprise, the public */
	CHECK_API_ERROR(harness_post_json(silkeborg, "/api/v1/events", body("621", "X", true, 0)), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(indkoeb, "/api/v1/events", body("621", "X", true, 0)), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(owner, "/api/v1/events", body("621", "X", true, 0)), 403, "forbidden", NULL);
	CHECK_STATUS(harness_post_json(harness_client(srv), "/api/v1/events", body("621", "X", true, 0)), 401);
	/* the fields named */
	r = harness_post_json(kolding, "/api/v1/events",
	                      "{\"kommune\": \"621\", \"title\": \"Y\", \"starts_at\": \"2099-06-10T09:00\","
	                      " \"ends_at\": \"2099-06-09T09:00\", \"place\": \"Her\"}");
	CHECK_API_ERROR(r, 422, "invalid", "ends_at");
	CHECK_API_ERROR(harness_post_json(kolding, "/api/v1/events", "{\"kommune\": \"621\", \"title\": \"\"}"),
	                422, "invalid", "title");
}

/* the newest message's body to to, from the outbox */
static const char *mail_body(const char *to, const char *like)
{
	char *out = NULL;
	int st = harness_sqlite(harness_server_db(srv),
	                        harness_fmt("SELECT subject || '|' || body FROM outbox WHERE to_addr = '%s'"
	                                    " AND subject LIKE '%s' ORDER BY id DESC LIMIT 1;", to, like),
	                        &out);
	return st == 0 && out && *out ? out : NULL;
}

/* the secret of the cancellation link in a mail body */
static const char *token_of(const char *mail)
{
	const char *t = mail ? strstr(mail, "token=") : NULL;
	if (!t)
		return NULL;
	t += 6;
	return harness_fmt("%.*s", (int)strcspn(t, "\n\r "), t);
}

static void signing_up_past_the_capacity(void)
{
	static const char *const who[] = {"a", "b", "c"};
	static const char *const want[] = {"confirmed", "confirmed", "waitlist"};
	for (int i = 0; i < 3; i++) {
		struct harness_resp *r = harness_post_json(anon_from(i), harness_fmt("/api/v1/events/%lld/signups", capped),
		                                           harness_fmt("{\"name\": \"Deltager %s\", \"email\": \"%s@example.org\"}",
		                                                       who[i], who[i]));
		CHECK_STATUS(r, 201);
		CHECK_STR(harness_json_str(harness_json(r), "status"), want[i]);
	}
	/* the same address again: 409 naming email */
	CHECK_API_ERROR(harness_post_json(anon_from(3), harness_fmt("/api/v1/events/%lld/signups", capped),
	                                  "{\"name\": \"Igen\", \"email\": \"A@example.org\"}"),
	                409, "conflict", "email");
	CHECK_API_ERROR(harness_post_json(anon_from(3), harness_fmt("/api/v1/events/%lld/signups", capped),
	                                  "{\"name\": \"\", \"email\": \"x\"}"),
	                422, "invalid", "name");
	/* the staff's list */
	struct harness_resp *r = harness_get(kolding, harness_fmt("/api/v1/events/%lld/signups", capped));
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(harness_json(r), "total")) == 3);
	json_t *items = json_object_get(harness_json(r), "items");
	CHECK_STR(harness_json_str(json_array_get(items, 2), "status"), "waitlist");
	CHECK_STR(harness_json_str(json_array_get(items, 2), "name"), "Deltager c");
	CHECK_STATUS(harness_get(indkoeb, harness_fmt("/api/v1/events/%lld/signups", capped)), 200);
	CHECK_API_ERROR(harness_get(silkeborg, harness_fmt("/api/v1/events/%lld/signups", capped)), 403, "forbidden", NULL);
	CHECK_STATUS(harness_get(harness_client(srv), harness_fmt("/api/v1/events/%lld/signups", capped)), 401);
	/* the mails: an invitation for the confirmed, the waiting list told so */
	CHECK(mail_body("a@example.org", "Tilmelding bekræftet%") != NULL);
	CHECK(mail_body("c@example.org", "Du er på venteliste%") != NULL);
}

static void the_link_cancels_and_moves_up(void)
{
	const char *token = token_of(mail_body("b@example.org", "Tilmelding bekræftet%"));
	CHECKF(token && strlen(token) > 20, "no token in the mail to b");
	struct harness_client *b = anon_from(10);
	/* a wrong token: 404 */
	CHECK_OK(page_problem(harness_get(b, harness_fmt("/arrangementer/%lld/afmeld?token=forkert", capped)), 404));
	/* the page only asks; the button cancels */
	struct harness_resp *page = harness_get(b, harness_fmt("/arrangementer/%lld/afmeld?token=%s", capped, token));
	CHECK_OK(page_problem(page, 200));
	CHECK_HAS(page->body, "Deltager b");
	CHECK_HAS(page->body, "Ja, afmeld mig");
	CHECK_HAS(page->body, "<div class=\"confirm\" role=\"alert\">");
	CHECK_HAS(page->body, harness_fmt("<input type=\"hidden\" name=\"token\" value=\"%s\">", token));
	struct harness_resp *done = harness_post_form(b, harness_fmt("/arrangementer/%lld/afmeld", capped),
	                                              harness_form("csrf", harness_csrf_field(page), "token", token, NULL));
	CHECK_OK(page_problem(done, 200));
	CHECK_HAS(done->body, "Du er afmeldt");
	/* used once */
	CHECK_STATUS(harness_get(b, harness_fmt("/arrangementer/%lld/afmeld?token=%s", capped, token)), 404);
	/* c has the place, and a mail saying so */
	struct harness_resp *r = harness_get(kolding, harness_fmt("/api/v1/events/%lld/signups", capped));
	json_t *items = json_object_get(harness_json(r), "items");
	CHECK(json_integer_value(json_object_get(harness_json(r), "total")) == 2);
	CHECK_STR(harness_json_str(json_array_get(items, 1), "name"), "Deltager c");
	CHECK_STR(harness_json_str(json_array_get(items, 1), "status"), "confirmed");
	CHECK(mail_body("c@example.org", "Du har fået en plads%") != NULL);
	CHECK(mail_body("b@example.org", "Afmeldt%") != NULL);
	/* the API's DELETE with the token works the same way; without one the public gets 401 */
	const char *ta = token_of(mail_body("a@example.org", "Tilmelding bekræftet%"));
	long long a_id = (long long)json_integer_value(json_object_get(json_array_get(items, 0), "id"));
	CHECK_STATUS(harness_send(anon_from(11), &(struct harness_req){.method = "DELETE",
	             .path = harness_fmt("/api/v1/events/%lld/signups/%lld", capped, a_id)}), 401);
	CHECK_STATUS(harness_send(anon_from(11), &(struct harness_req){.method = "DELETE",
	             .path = harness_fmt("/api/v1/events/%lld/signups/%lld?token=%s", capped, a_id, ta)}), 200);
}

static void staff_only_events(void)
{
	struct harness_client *anon = anon_from(20);
	CHECK_API_ERROR(harness_get(anon, harness_fmt("/api/v1/events/%lld", staffonly)), 404, "not_found", NULL);
	CHECK_OK(page_problem(harness_get(anon, harness_fmt("/arrangementer/%lld", staffonly)), 404));
	CHECK_STATUS(harness_get(anon, harness_fmt("/arrangementer/%lld/kalender.ics", staffonly)), 404);
	CHECK_API_ERROR(harness_post_json(anon, harness_fmt("/api/v1/events/%lld/signups", staffonly),
	                                  "{\"name\": \"Anne\", \"email\": \"anne@example.org\"}"),
	                404, "not_found", NULL);
	CHECK_API_ERROR(harness_get(silkeborg, harness_fmt("/api/v1/events/%lld", staffonly)), 403, "forbidden", NULL);
	CHECK_STATUS(harness_get(indkoeb, harness_fmt("/api/v1/events/%lld", staffonly)), 200);
	/* not in the public list, in the staff's */
	CHECK_LACKS(harness_get(anon, "/api/v1/events")->body, "Personaleseminar");
	CHECK_HAS(harness_get(kolding, "/api/v1/events")->body, "Personaleseminar");
	CHECK_LACKS(harness_get(silkeborg, "/api/v1/events")->body, "Personaleseminar");
	/* staff sign up */
	CHECK_STATUS(harness_post_json(kolding, harness_fmt("/api/v1/events/%lld/signups", staffonly),
	                               "{\"name\": \"Kollega\", \"email\": \"kollega@kolding.example\"}"), 201);
}

static void staff_cancel_attendance_and_update(void)
{
	struct harness_resp *r = harness_get(kolding, harness_fmt("/api/v1/events/%lld/signups", capped));
	long long c_id = (long long)json_integer_value(json_object_get(json_array_get(json_object_get(harness_json(r), "items"), 0), "id"));
	CHECK(c_id > 0);
	const char *path = harness_fmt("/api/v1/events/%lld/signups/%lld", capped, c_id);
	CHECK_API_ERROR(harness_patch_json(silkeborg, path, "{\"attended\": true}"), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_patch_json(kolding, path, "{\"attended\": \"ja\"}"), 422, "invalid", "attended");
	r = harness_patch_json(kolding, path, "{\"attended\": true}");
	CHECK_STATUS(r, 200);
	CHECK(json_is_true(json_object_get(harness_json(r), "attended")));
	/* a new place: SEQUENCE 1 and an update to everyone */
	r = harness_patch_json(kolding, harness_fmt("/api/v1/events/%lld", capped), "{\"place\": \"Godset\"}");
	CHECK_STATUS(r, 200);
	CHECK(json_integer_value(json_object_get(harness_json(r), "sequence")) == 1);
	CHECK(mail_body("c@example.org", "Ændret%") != NULL);
	CHECK_API_ERROR(harness_send(silkeborg, &(struct harness_req){.method = "DELETE", .path = path}), 403, "forbidden", NULL);
	CHECK_STATUS(harness_send(kolding, &(struct harness_req){.method = "DELETE", .path = path}), 200);
	CHECK_API_ERROR(harness_send(kolding, &(struct harness_req){.method = "DELETE", .path = path}), 404, "not_found", NULL);
}

static void the_pages(void)
{
	struct harness_client *anon = anon_from(30);
	struct harness_resp *list = harness_get(anon, "/arrangementer");
	CHECK_OK(page_problem(list, 200));
	CHECK_HAS(list->body, "Iværksætterdag");
	CHECK_LACKS(list->body, "Nyt arrangement");
	CHECK_HAS(harness_get(anon, "/")->body, "Kommende arrangementer");
	/* the public page with the sign-up form; errors at the fields, what was typed kept */
	struct harness_resp *page = harness_get(anon, harness_fmt("/arrangementer/%lld", capped));
	CHECK_OK(page_problem(page, 200));
	CHECK_HAS(page->body, "name=\"email\"");
	CHECK_HAS(page->body, "Vi gemmer dit navn");
	CHECK_LACKS(page->body, "Deltager c");
	struct harness_resp *bad = harness_post_form(anon, harness_fmt("/arrangementer/%lld/tilmeld", capped),
	                                             harness_form("csrf", harness_csrf_field(page), "name", "Ny Deltager",
	                                                          "email", "ikke-en-adresse", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "Ny Deltager");
	CHECK_HAS(bad->body, "gyldig e-mailadresse");
	struct harness_resp *ok = harness_post_form(anon, harness_fmt("/arrangementer/%lld/tilmeld", capped),
	                                            harness_form("csrf", harness_csrf_field(page), "name", "Ny Deltager",
	                                                         "email", "ny@example.org", NULL));
	CHECK_STATUS(ok, 303);
	/* the ics download */
	struct harness_resp *ics = harness_get(anon, harness_fmt("/arrangementer/%lld/kalender.ics", capped));
	CHECK_STATUS(ics, 200);
	CHECK_HAS(harness_header(ics, "Content-Type"), "text/calendar");
	CHECK_HAS(ics->body, harness_fmt("UID:event-%lld@indgang", capped));
	/* the staff's view: sign-ups, attendance, the waiting list, the CSV */
	struct harness_client *web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *staff = harness_get(web, harness_fmt("/arrangementer/%lld", capped));
	CHECK_OK(page_problem(staff, 200));
	CHECK_HAS(staff->body, "Ny Deltager");
	CHECK_HAS(staff->body, "Gem fremmøde");
	CHECK_HAS(staff->body, "Venteliste");
	struct harness_resp *csv = harness_get(web, harness_fmt("/arrangementer/%lld/tilmeldte.csv", capped));
	CHECK_STATUS(csv, 200);
	CHECK_HAS(csv->body, "navn;email;status");
	CHECK_HAS(csv->body, "Ny Deltager");
	CHECK_STATUS(harness_get(anon, harness_fmt("/arrangementer/%lld/tilmeldte.csv", capped)), 303);
	/* cancelling one person asks first */
	struct harness_resp *signups = harness_get(kolding, harness_fmt("/api/v1/events/%lld/signups", capped));
	long long first = (long long)json_integer_value(
		json_object_get(json_array_get(json_object_get(harness_json(signups), "items"), 0), "id"));
	CHECK_HAS(staff->body, harness_fmt("/arrangementer/%lld/tilmeldte/%lld/slet", capped, first));
	struct harness_resp *confirm = harness_get(web, harness_fmt("/arrangementer/%lld/tilmeldte/%lld/slet",
	                                                            capped, first));
	CHECK_OK(page_problem(confirm, 200));
	CHECK_HAS(confirm->body, "Ja, afmeld");
	CHECK_HAS(confirm->body, harness_fmt("<a href=\"/arrangementer/%lld\">Nej, tilbage</a>", capped));
	CHECK_STATUS(harness_post_form(web, harness_fmt("/arrangementer/%lld/tilmeldte/%lld/slet", capped, first),
	                               harness_form("csrf", harness_csrf_field(confirm), NULL)), 303);
	CHECK_OK(page_problem(harness_get(web, harness_fmt("/arrangementer/%lld/tilmeldte/%lld/slet", capped, first)), 404));
	/* the form: errors at the fields, then a hostile title shown escaped */
	struct harness_resp *form = harness_get(web, "/arrangementer/ny");
	CHECK_OK(page_problem(form, 200));
	struct harness_resp *invalid = harness_post_form(web, "/arrangementer",
		harness_form("csrf", harness_csrf_field(form), "title", "Mit seminar", "starts_at", "i morgen",
		             "ends_at", "", "place", "", "capacity", "mange", NULL));
	CHECK_OK(page_problem(invalid, 422));
	CHECK_HAS(invalid->body, "Mit seminar");
	CHECK_HAS(invalid->body, "Skriv, hvor arrangementet holdes.");
	struct harness_resp *made = harness_post_form(web, "/arrangementer",
		harness_form("csrf", harness_csrf_field(form), "title", HOSTILE_TITLE, "kind", "prisuddeling",
		             "starts_at", "2099-09-01T16:00", "ends_at", "2099-09-01T18:00", "place", "Godset",
		             "public", "1", "capacity", "0", NULL));
	CHECK_STATUS(made, 303);
	const char *where = harness_header(made, "Location");
	CHECK(where != NULL);
	struct harness_resp *shown = harness_get(web, where ? where : "/");
	CHECK_OK(page_problem(shown, 200));
	CHECK_LACKS(shown->body, "<script>alert");
	CHECK_HAS(shown->body, "&lt;script&gt;");
	/* calling it off asks first */
	long long made_id = where ? atoll(where + strlen("/arrangementer/")) : 0;
	struct harness_resp *ask = harness_get(web, harness_fmt("/arrangementer/%lld/aflys", made_id));
	CHECK_OK(page_problem(ask, 200));
	CHECK_STATUS(harness_post_form(web, harness_fmt("/arrangementer/%lld/aflys", made_id),
	                               harness_form("csrf", harness_csrf_field(ask), NULL)), 303);
	CHECK_HAS(harness_get(web, harness_fmt("/arrangementer/%lld", made_id))->body, "Arrangementet er aflyst");
	/* Silkeborg's staff: 403 on Kolding's staff event */
	struct harness_client *sweb = harness_login(srv, "konsulent@silkeborg.example", HARNESS_DEMO_PASSWORD);
	CHECK(sweb);
	CHECK_OK(page_problem(harness_get(sweb, harness_fmt("/arrangementer/%lld", staffonly)), 403));
	CHECK_OK(page_problem(harness_get(sweb, harness_fmt("/arrangementer/%lld/rediger", capped)), 403));
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"events are created by the municipality's konsulent; others get 403, the public 401; "
	 "invalid fields 422", creating, 0},
	{"anonymous sign-ups past the capacity go on the waiting list; the same e-mail twice is 409",
	 signing_up_past_the_capacity, 0},
	{"the link in the confirmation cancels without sign-in and moves the waiting list up",
	 the_link_cancels_and_moves_up, 0},
	{"a staff event is 404 to the public and 403 to another municipality", staff_only_events, 0},
	{"staff tick attendance, move the event (an update to everyone) and cancel a sign-up",
	 staff_cancel_attendance_and_update, 0},
	{"the pages: list, sign-up form with errors, staff view, CSV, .ics, the form, calling off",
	 the_pages, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
