/*
 * test_routes.c — the access matrix over real HTTP: every route that `indgang routes` prints,
 * tried by every caller (anonymous and the five roles of Kolding, 621) on a path of its own
 * municipality and of another (Silkeborg, 740), against a table of the statuses expected. A
 * route without a row in the table, or a row without a route, fails the test: a new route must
 * come with its access expectation.
 * State-changing routes get a valid CSRF token (forms) or a bearer token (API) and a body that
 * fails validation, so that a caller who may gets the validation answer and nothing changes.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define OWN "621"   /* Kolding: the municipality of the demo users below */
#define OTHER "740" /* Silkeborg */
/* a valid CVR number (modulus 11) given to an enterprise of 740 at the start: creating another
 * enterprise with it is refused with 409 after the access check, so nothing is created */
#define TAKEN_CVR "10000009"
/* the name of the inquiry of 740 made at the start: no caller of 621 but the administrator may
 * see it */
#define OTHER_CONTACT "Silkeborg Adgangsproeve"
/* the name of the citizen of 740 made at the start: no caller of 621 may see it */
#define OTHER_CITIZEN "Borger Adgangsproeve"
/* the title of the opening of 740 made at the start: no caller of 621 but the administrator may
 * see it */
#define OTHER_OPENING "Silkeborg Adgangsstilling"
/* the citizen of 740 placed at the start (straight into the database): no caller of 621 may see
 * the name; the citizen of 621 is placed at Soul Café and consented to share with it */
#define OTHER_PLACED "Sigurd"

/* events and the guidance library: the staff-only event of 740 of the demo, a sign-up to it and a
 * document of 740 made at the start: no caller of 621 but the administrator may see them */
#define OTHER_EVENT "Netværksmøde for jobkonsulenter"
#define OTHER_SIGNUP "Sigrid Silkeborgtilmeldt"
#define OTHER_GUIDANCE "Silkeborgs adgangsvejledning"

enum caller { ANON, ADMIN, KONSULENT, JOB, INDKOEB, VIRKSOMHED, NCALLERS };

static const char *const caller_name[NCALLERS] = {
	"anonymous", "admin", "konsulent", "jobkonsulent", "indkoeber", "virksomhed",
};
static const char *const caller_email[NCALLERS] = {
	NULL, "admin@indgang.example", "konsulent@kolding.example", "job@kolding.example",
	"indkoeb@kolding.example", "virksomhed@kolding.example",
};

/* ---------------------------------------------------------------- the expectations
 *
 * path and body are templates: {kommune}, {user}, {enterprise}, {inquiry}, {opening},
 * {citizen}, {placement} and {followup} become the code of the municipality tried and the id of
 * a row of that municipality (for 621: indkoeb@kolding, Soul Café, whom virksomhed@kolding
 * represents, an unassigned inquiry, an opening at Soul Café, and a placement at Soul Café with
 * a follow-up; for 740: konsulent@silkeborg, an enterprise, an inquiry, an opening and a
 * placement of Silkeborg with a follow-up; {citizen} a citizen made for each at the start). A
 * form body gets csrf= in front; an API body is sent as JSON.
 *
 * want holds one field per caller, in the order of enum caller: "OWN/OTHER" statuses, or one
 * status when the route has no municipality to choose (then it is tried once). An anonymous
 * caller's 303 from a route that is not public must lead to the sign-in form. */
enum { FRESH_SESSION = 1 }; /* sign in anew for this route (it ends the session) */

struct expect {
	const char *method, *pattern;
	const char *path, *body;
	const char *want;
	const char *hidden; /* text no 2xx answer may show to a caller other than admin, or NULL */
	int flags;
};

static const struct expect expects[] = {
	/* pages */
	{"GET", "/", "/", NULL, "200 200 200 200 200 200", NULL, 0},
	/* a signed-in caller is sent on from the sign-in form */
	{"GET", "/login", "/login", NULL, "200 303 303 303 303 303", NULL, 0},
	/* empty e-mail and password: the form again with 422, counted as no failed sign-in */
	{"POST", "/login", "/login", "email=&password=", "422 422 422 422 422 422", NULL, 0},
	{"POST", "/logout", "/logout", "", "303 303 303 303 303 303", NULL, FRESH_SESSION},
	{"GET", "/kommuner", "/kommuner", NULL, "200 200 200 200 200 200", NULL, 0},
	{"GET", "/privatliv", "/privatliv", NULL, "200 200 200 200 200 200", NULL, 0},
	{"GET", "/tilgaengelighed", "/tilgaengelighed", NULL, "200 200 200 200 200 200", NULL, 0},
	/* a konsulent's ?kommune= is ignored: it sees its own users */
	{"GET", "/brugere", "/brugere?kommune={kommune}", NULL,
	 "303/303 200/200 200/200 403/403 403/403 403/403", "silkeborg.example", 0},
	{"POST", "/brugere", "/brugere", "kommune={kommune}&email=&role=indkoeber",
	 "303/303 422/422 422/422 403/403 403/403 403/403", NULL, 0},
	{"GET", "/brugere/ny", "/brugere/ny?kommune={kommune}", NULL,
	 "303/303 200/200 200/200 403/403 403/403 403/403", "silkeborg.example", 0},
	{"GET", "/brugere/{id:int}", "/brugere/{user}", NULL,
	 "303/303 200/200 200/404 403/403 403/403 403/403", "silkeborg.example", 0},
	{"POST", "/brugere/{id:int}", "/brugere/{user}", "name=&role=findes-ikke",
	 "303/303 422/422 422/404 403/403 403/403 403/403", NULL, 0},
	{"GET", "/admin/audit", "/admin/audit", NULL, "303 200 403 403 403 403", NULL, 0},
	{"GET", "/admin/udbakke", "/admin/udbakke", NULL, "303 200 403 403 403 403", NULL, 0},
	{"GET", "/admin/indstillinger", "/admin/indstillinger", NULL, "303 200 403 403 403 403", NULL, 0},
	{"POST", "/admin/indstillinger", "/admin/indstillinger", "name=&email=", "303 422 403 403 403 403", NULL, 0},
	{"GET", "/kontakt", "/kontakt", NULL, "200 200 200 200 200 200", NULL, 0},
	/* public: everybody gets the form again with its errors (at most 10 a minute from one
	 * address: each caller sends from an address of its own) */
	{"POST", "/kontakt", "/kontakt", "kommune={kommune}&name=&email=",
	 "422/422 422/422 422/422 422/422 422/422 422/422", NULL, 0},
	{"GET", "/kontakt/kvittering", "/kontakt/kvittering", NULL, "200 200 200 200 200 200", NULL, 0},
	{"GET", "/kontakt/{kode:kommune}", "/kontakt/{kommune}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	/* the cases of the municipality (konsulent), all (admin), or those assigned to the caller
	 * (jobkonsulent); buyers and enterprises are never given cases */
	{"GET", "/sager", "/sager", NULL, "303 200 200 200 403 403", OTHER_CONTACT, 0},
	{"GET", "/sager/{id:int}", "/sager/{inquiry}", NULL,
	 "303/303 200/200 200/404 404/404 404/404 404/404", OTHER_CONTACT, 0},
	/* an empty note: 422 after the access check */
	{"POST", "/sager/{id:int}", "/sager/{inquiry}", "action=note&note=",
	 "303/303 422/422 422/404 404/404 404/404 404/404", NULL, 0},
	{"GET", "/raadgivning", "/raadgivning", NULL, "303 403 200 403 403 403", NULL, 0},
	{"POST", "/raadgivning", "/raadgivning", "date=&topic=&minutes=",
	 "303 403 422 403 403 403", NULL, 0},
	{"GET", "/opsaetning", "/opsaetning", NULL, "303 403 200 403 403 403", NULL, 0},
	{"POST", "/opsaetning", "/opsaetning", "action=days&answer_days=",
	 "303 403 422 403 403 403", NULL, 0},
	{"GET", "/virksomheder", "/virksomheder?kommune={kommune}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	/* a taken CVR number: 409 after the access check (a konsulent's kommune is its own) */
	{"POST", "/virksomheder", "/virksomheder",
	 "name=Adgangspr%C3%B8ve&kommune={kommune}&cvr=" TAKEN_CVR,
	 "303/303 409/409 409/409 403/403 403/403 403/403", NULL, 0},
	{"GET", "/virksomheder/ny", "/virksomheder/ny", NULL, "303 200 200 403 403 403", NULL, 0},
	{"GET", "/virksomheder/eksport", "/virksomheder/eksport?kommune={kommune}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"GET", "/virksomheder/{id:int}", "/virksomheder/{enterprise}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	/* an empty name: 422 after the access check; virksomhed edits only its own enterprise */
	{"POST", "/virksomheder/{id:int}", "/virksomheder/{enterprise}", "name=",
	 "303/303 422/422 422/403 403/403 403/403 422/403", NULL, 0},
	{"GET", "/virksomheder/{id:int}/rediger", "/virksomheder/{enterprise}/rediger", NULL,
	 "303/303 200/200 200/403 403/403 403/403 200/403", NULL, 0},
	{"GET", "/borgere", "/borgere?formaal=matching", NULL, "303 403 403 200 403 403",
	 OTHER_CITIZEN, 0},
	{"POST", "/borgere", "/borgere", "name=", "303 403 403 422 403 403", NULL, 0},
	{"GET", "/borgere/ny", "/borgere/ny", NULL, "303 403 403 200 403 403", NULL, 0},
	{"POST", "/borgere/soeg", "/borgere/soeg", "cpr=", "303 403 403 422 403 403", NULL, 0},
	{"GET", "/borgere/{id:int}", "/borgere/{citizen}?formaal=matching", NULL,
	 "303/303 403/403 403/403 200/403 403/403 403/403", OTHER_CITIZEN, 0},
	{"GET", "/borgere/{id:int}/rediger", "/borgere/{citizen}/rediger", NULL,
	 "303/303 403/403 403/403 200/403 403/403 403/403", OTHER_CITIZEN, 0},
	{"POST", "/borgere/{id:int}", "/borgere/{citizen}", "name=",
	 "303/303 403/403 403/403 422/403 403/403 403/403", NULL, 0},
	{"POST", "/borgere/{id:int}/cpr", "/borgere/{citizen}/cpr", "formaal=",
	 "303/303 403/403 403/403 422/422 403/403 403/403", NULL, 0},
	/* openings: the municipality's staff and the administrator; a virksomhed its own enterprise's
	 * (Soul Café); the indkøber reads them. An empty title: 422 after the access check */
	{"GET", "/stillinger", "/stillinger", NULL, "303 200 200 200 200 200", OTHER_OPENING, 0},
	{"POST", "/stillinger", "/stillinger", "enterprise_id={enterprise}&title=",
	 "303/303 422/422 422/403 422/403 403/403 422/403", NULL, 0},
	{"GET", "/stillinger/ny", "/stillinger/ny", NULL, "303 200 200 200 403 200", NULL, 0},
	{"GET", "/stillinger/{id:int}", "/stillinger/{opening}", NULL,
	 "303/303 200/200 200/403 200/403 200/403 200/403", OTHER_OPENING, 0},
	{"POST", "/stillinger/{id:int}", "/stillinger/{opening}", "title=",
	 "303/303 422/422 422/403 422/403 403/403 422/403", NULL, 0},
	{"GET", "/stillinger/{id:int}/rediger", "/stillinger/{opening}/rediger", NULL,
	 "303/303 200/200 200/403 200/403 403/403 200/403", OTHER_OPENING, 0},
	/* a status the opening cannot have: 422 after the access check */
	{"POST", "/stillinger/{id:int}/status", "/stillinger/{opening}/status", "status=findes-ikke",
	 "303/303 422/422 422/403 422/403 403/403 422/403", NULL, 0},
	{"GET", "/statistik", "/statistik?kommuner={kommune}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"GET", "/undersoegelser", "/undersoegelser", NULL, "303 200 200 200 200 403", NULL, 0},
	{"GET", "/undersoegelser/{survey}", "/undersoegelser/soev-2015", NULL,
	 "303 200 403 403 403 403", NULL, 0},
	{"POST", "/undersoegelser/{survey}/runder", "/undersoegelser/soev-2015/runder",
	 "code=&title=", "303 422 403 403 403 403", NULL, 0},
	/* the administrator is sent on to the overview; a konsulent answers for its own */
	{"GET", "/undersoegelser/{survey}/{round}", "/undersoegelser/soev-2015/november-2015", NULL,
	 "303 303 200 403 403 403", NULL, 0},
	/* an option the question does not have: 422 after the access check */
	{"POST", "/undersoegelser/{survey}/{round}", "/undersoegelser/soev-2015/november-2015",
	 "action=draft&t3=findes-ikke", "303 403 422 403 403 403", NULL, 0},
	{"GET", "/undersoegelser/{survey}/{round}/oversigt",
	 "/undersoegelser/soev-2015/november-2015/oversigt", NULL, "303 200 403 403 403 403", NULL, 0},
	/* no municipality named: nothing to reopen */
	{"POST", "/undersoegelser/{survey}/{round}/genaabn",
	 "/undersoegelser/soev-2015/november-2015/genaabn", "kommune=", "303 404 403 403 403 403",
	 NULL, 0},
	/* reminders have no field to get wrong: a round that does not exist keeps the outbox as it
	 * is, and the national check comes first */
	{"POST", "/undersoegelser/{survey}/{round}/paamind",
	 "/undersoegelser/soev-2015/findes-ikke/paamind", "", "303 404 403 403 403 403", NULL, 0},
	/* the report: aggregated counts for the administrator and every municipality's staff, never
	 * an enterprise's own account */
	{"GET", "/undersoegelser/{survey}/{round}/rapport",
	 "/undersoegelser/soev-2015/november-2015/rapport", NULL, "303 200 200 200 200 403", NULL, 0},
	{"GET", "/statistik/virksomheder", "/statistik/virksomheder?format=json&kommuner={kommune}",
	 NULL, "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	/* Bilag 1: public registry facts */
	{"GET", "/statistik/bilag1", "/statistik/bilag1?kommune={kommune}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"GET", "/statistik/bilag1/eksport", "/statistik/bilag1/eksport?format=csv&kommune={kommune}",
	 NULL, "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	/* a municipality's matching weights: its konsulent and jobkonsulent, and the administrator
	 * for any; a weight that is no number is 422 after the access check */
	{"GET", "/matchning/vaegte", "/matchning/vaegte?kommune={kommune}", NULL,
	 "303/303 200/200 200/403 200/403 403/403 403/403", NULL, 0},
	{"POST", "/matchning/vaegte", "/matchning/vaegte", "kommune={kommune}&action=save&tasks=x",
	 "303/303 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	/* the reports: a municipality's overview and the lists behind it for its staff and the
	 * administrator (no contact's name in the list of inquiries); the national view and the
	 * yearly report for every municipality's staff; the enterprises behind a figure of Tabel 1
	 * are public, like Tabel 1 */
	{"GET", "/kommuner/{kode:kommune}/overblik", "/kommuner/{kommune}/overblik?year=2015", NULL,
	 "303/303 200/200 200/403 200/403 200/403 403/403", NULL, 0},
	{"GET", "/kommuner/{kode:kommune}/overblik/henvendelser", "/kommuner/{kommune}/overblik/henvendelser",
	 NULL, "303/303 200/200 200/403 200/403 200/403 403/403", OTHER_CONTACT, 0},
	{"GET", "/kommuner/{kode:kommune}/overblik/raadgivning",
	 "/kommuner/{kommune}/overblik/raadgivning?period=2015-11", NULL,
	 "303/303 200/200 200/403 200/403 200/403 403/403", NULL, 0},
	{"GET", "/statistik/landet", "/statistik/landet?year=2015&sort=soev", NULL,
	 "303 200 200 200 200 403", NULL, 0},
	{"GET", "/statistik/aarsrapport",
	 "/statistik/aarsrapport?year=2015&survey=soev-2015&round=november-2015", NULL,
	 "303 200 200 200 200 403", NULL, 0},
	{"GET", "/statistik/tabel1", "/statistik/tabel1?year=2015&kommune={kommune}&column=total", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	/* Tabel 4 from data: public counts (exact only for the municipality's staff) */
	{"GET", "/statistik/beskaeftigelse", "/statistik/beskaeftigelse?year=2026&kommune={kommune}",
	 NULL, "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"GET", "/statistik/beskaeftigelse/eksport",
	 "/statistik/beskaeftigelse/eksport?format=csv&year=2026&kommune={kommune}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	/* placements: the jobkonsulent's own municipality's only; the others see counts */
	{"GET", "/forloeb", "/forloeb?purpose=opfoelgning&state=all", NULL, "303 403 403 200 403 403",
	 OTHER_PLACED, 0},
	/* an unknown scheme: 422 after the access check; another municipality's citizen 403 */
	{"POST", "/forloeb", "/forloeb", "citizen_id={citizen}&scheme=findes-ikke",
	 "303/303 403/403 403/403 422/403 403/403 403/403", NULL, 0},
	{"GET", "/forloeb/ny", "/forloeb/ny", NULL, "303 403 403 200 403 403", NULL, 0},
	{"GET", "/forloeb/{id:int}", "/forloeb/{placement}?purpose=opfoelgning", NULL,
	 "303/303 403/403 403/403 200/404 403/403 403/403", OTHER_PLACED, 0},
	{"POST", "/forloeb/{id:int}", "/forloeb/{placement}", "action=update&end=ikke-en-dato",
	 "303/303 403/403 403/403 422/404 403/403 403/403", NULL, 0},
	/* the enterprise's own account: its consented placements by first name */
	{"GET", "/virksomheder/{id:int}/forloeb", "/virksomheder/{enterprise}/forloeb", NULL,
	 "303/303 403/403 403/403 403/403 403/403 200/403", OTHER_PLACED, 0},
	/* the catalogue (procurement): public to read; kept by its enterprise's own account (Soul
	 * Café for 621), the konsulent of the enterprise's home and the administrator. Bodies fail
	 * validation after the access check; deleting a picture is tried on one that does not exist */
	{"GET", "/katalog", "/katalog?q=kaffe", NULL, "200 200 200 200 200 200", NULL, 0},
	{"GET", "/katalog/{id:int}", "/katalog/{product}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"POST", "/katalog/{id:int}", "/katalog/{product}", "title=",
	 "303/303 422/422 422/403 403/403 403/403 422/403", NULL, 0},
	{"GET", "/katalog/{id:int}/rediger", "/katalog/{product}/rediger", NULL,
	 "303/303 200/200 200/403 403/403 403/403 200/403", NULL, 0},
	{"POST", "/katalog/{id:int}/status", "/katalog/{product}/status", "status=findes-ikke",
	 "303/303 422/422 422/403 403/403 403/403 422/403", NULL, 0},
	{"POST", "/katalog/{id:int}/billeder", "/katalog/{product}/billeder", "alt=",
	 "303/303 422/422 422/403 403/403 403/403 422/403", NULL, 0},
	{"POST", "/katalog/billeder/{id:int}", "/katalog/billeder/{image}", "action=alt&alt=",
	 "303/303 422/422 422/403 403/403 403/403 422/403", NULL, 0},
	{"GET", "/katalog/billeder/{id:int}/slet", "/katalog/billeder/{image}/slet", NULL,
	 "303/303 200/200 200/403 403/403 403/403 200/403", NULL, 0},
	{"POST", "/katalog/billeder/{id:int}/slet", "/katalog/billeder/999999999/slet", "",
	 "303 404 404 403 403 404", NULL, 0},
	{"GET", "/billeder/{id:int}/{file}", "/billeder/{image}/320.jpg", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"GET", "/virksomheder/{id:int}/katalog", "/virksomheder/{enterprise}/katalog", NULL,
	 "303/303 200/200 200/403 403/403 403/403 200/403", NULL, 0},
	{"POST", "/virksomheder/{id:int}/katalog", "/virksomheder/{enterprise}/katalog", "title=",
	 "303/303 422/422 422/403 403/403 403/403 422/403", NULL, 0},
	{"GET", "/virksomheder/{id:int}/katalog/ny", "/virksomheder/{enterprise}/katalog/ny", NULL,
	 "303/303 200/200 200/403 403/403 403/403 200/403", NULL, 0},
	/* purchasing (procurement/): a municipality's agreements, purchases and contracts are kept
	 * by its konsulent and indkøber and read by its jobkonsulent; an enterprise's own account
	 * reads its own agreements. Slagelse's agreements, Silkeborg's purchases and canteen lease
	 * of the demo are no business of Kolding's callers. Rows of one id use an id that does not
	 * exist: 404 for every caller the route lets through, so nothing changes. */
	{"GET", "/indkoeb", "/indkoeb", NULL, "303 200 200 200 200 403", NULL, 0},
	{"GET", "/indkoeb/aftaler", "/indkoeb/aftaler", NULL, "303 200 200 200 200 200",
	 "Legehuse til daginstitutioner", 0},
	{"POST", "/indkoeb/aftaler", "/indkoeb/aftaler", "kommune={kommune}&enterprise_id={enterprise}&title=",
	 "303/303 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	{"GET", "/indkoeb/aftaler/ny", "/indkoeb/aftaler/ny", NULL, "303 200 200 403 200 403", NULL, 0},
	{"GET", "/indkoeb/aftaler/{id:int}", "/indkoeb/aftaler/999999", NULL, "303 404 404 404 404 404",
	 NULL, 0},
	{"POST", "/indkoeb/aftaler/{id:int}", "/indkoeb/aftaler/999999", "title=",
	 "303 404 404 403 404 403", NULL, 0},
	{"GET", "/indkoeb/aftaler/{id:int}/rediger", "/indkoeb/aftaler/999999/rediger", NULL,
	 "303 404 404 403 404 403", NULL, 0},
	{"GET", "/indkoeb/aftaler/{id:int}/afslut", "/indkoeb/aftaler/999999/afslut", NULL,
	 "303 404 404 403 404 403", NULL, 0},
	{"POST", "/indkoeb/aftaler/{id:int}/afslut", "/indkoeb/aftaler/999999/afslut", "",
	 "303 404 404 403 404 403", NULL, 0},
	/* orders: the buyer's municipality sends and cancels, the enterprise's own account answers;
	 * an order without lines is 422 after the access check */
	{"GET", "/indkoeb/ordrer", "/indkoeb/ordrer", NULL, "303 200 200 200 200 403", NULL, 0},
	{"POST", "/indkoeb/ordrer", "/indkoeb/ordrer", "enterprise_id={enterprise}",
	 "303 422 422 403 422 403", NULL, 0},
	{"GET", "/indkoeb/ordrer/ny", "/indkoeb/ordrer/ny", NULL, "303 200 200 403 200 403", NULL, 0},
	{"GET", "/indkoeb/ordrer/{id:int}", "/indkoeb/ordrer/999999", NULL, "303 404 404 404 404 404",
	 NULL, 0},
	{"POST", "/indkoeb/ordrer/{id:int}/status", "/indkoeb/ordrer/999999/status", "status=x",
	 "303 404 404 403 404 404", NULL, 0},
	{"GET", "/virksomheder/{id:int}/ordrer", "/virksomheder/{enterprise}/ordrer", NULL,
	 "303/303 403/403 403/403 403/403 403/403 200/403", NULL, 0},
	{"GET", "/indkoeb/koeb", "/indkoeb/koeb", NULL, "303 200 200 200 200 403", "Kantinedrift, august", 0},
	{"POST", "/indkoeb/koeb", "/indkoeb/koeb", "kommune={kommune}&enterprise_id={enterprise}&amount=",
	 "303/303 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	{"GET", "/indkoeb/koeb/eksport", "/indkoeb/koeb/eksport?format=csv", NULL,
	 "303 200 200 200 200 403", "Kantinedrift, august", 0},
	{"GET", "/indkoeb/koeb/{id:int}/slet", "/indkoeb/koeb/999999/slet", NULL,
	 "303 404 404 403 404 403", NULL, 0},
	{"POST", "/indkoeb/koeb/{id:int}/slet", "/indkoeb/koeb/999999/slet", "",
	 "303 404 404 403 404 403", NULL, 0},
	{"GET", "/indkoeb/kontrakter", "/indkoeb/kontrakter", NULL, "303 200 200 200 200 403",
	 "Handelsskolen", 0},
	{"POST", "/indkoeb/kontrakter", "/indkoeb/kontrakter",
	 "kommune={kommune}&enterprise_id={enterprise}&title=",
	 "303/303 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	{"GET", "/indkoeb/kontrakter/ny", "/indkoeb/kontrakter/ny", NULL, "303 200 200 403 200 403", NULL, 0},
	{"GET", "/indkoeb/kontrakter/{id:int}", "/indkoeb/kontrakter/999999", NULL,
	 "303 404 404 404 404 403", NULL, 0},
	{"POST", "/indkoeb/kontrakter/{id:int}", "/indkoeb/kontrakter/999999", "title=",
	 "303 404 404 403 404 403", NULL, 0},
	{"GET", "/indkoeb/kontrakter/{id:int}/rediger", "/indkoeb/kontrakter/999999/rediger", NULL,
	 "303 404 404 403 404 403", NULL, 0},
	/* spend per municipality is public; the breakdowns follow access_figures */
	{"GET", "/statistik/indkoeb", "/statistik/indkoeb?year=2015&kommune={kommune}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"GET", "/statistik/indkoeb/eksport", "/statistik/indkoeb/eksport?format=csv&year=2015&kommune={kommune}",
	 NULL, "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"POST", "/api/v1/agreements", "/api/v1/agreements",
	 "{\"kommune\": \"{kommune}\", \"enterprise_id\": {enterprise}, \"title\": \"\"}",
	 "401/401 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	{"GET", "/api/v1/agreements", "/api/v1/agreements", NULL, "401 200 200 200 200 200",
	 "Legehuse til daginstitutioner", 0},
	{"GET", "/api/v1/agreements/{id:int}", "/api/v1/agreements/999999", NULL,
	 "401 404 404 404 404 404", NULL, 0},
	{"PATCH", "/api/v1/agreements/{id:int}", "/api/v1/agreements/999999", "{\"title\": \"\"}",
	 "401 404 404 404 404 404", NULL, 0},
	{"POST", "/api/v1/orders", "/api/v1/orders", "{\"enterprise_id\": {enterprise}}",
	 "401 422 422 403 422 403", NULL, 0},
	{"GET", "/api/v1/orders", "/api/v1/orders", NULL, "401 200 200 200 200 200", NULL, 0},
	{"GET", "/api/v1/orders/{id:int}", "/api/v1/orders/999999", NULL, "401 404 404 404 404 404",
	 NULL, 0},
	{"PATCH", "/api/v1/orders/{id:int}", "/api/v1/orders/999999", "{\"status\": \"x\"}",
	 "401 404 404 404 404 404", NULL, 0},
	{"POST", "/api/v1/purchases", "/api/v1/purchases",
	 "{\"kommune\": \"{kommune}\", \"enterprise_id\": {enterprise}, \"amount\": \"\"}",
	 "401/401 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	{"GET", "/api/v1/purchases", "/api/v1/purchases", NULL, "401 200 200 200 200 403",
	 "Kantinedrift, august", 0},
	{"DELETE", "/api/v1/purchases/{id:int}", "/api/v1/purchases/999999", NULL,
	 "401 404 404 404 404 404", NULL, 0},
	{"GET", "/api/v1/stats/spend", "/api/v1/stats/spend?year=2015&kommune={kommune}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"POST", "/api/v1/contracts", "/api/v1/contracts",
	 "{\"kommune\": \"{kommune}\", \"enterprise_id\": {enterprise}, \"title\": \"\"}",
	 "401/401 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	{"GET", "/api/v1/contracts", "/api/v1/contracts", NULL, "401 200 200 200 200 403",
	 "Handelsskolen", 0},
	{"GET", "/api/v1/contracts/{id:int}", "/api/v1/contracts/999999", NULL,
	 "401 404 404 404 404 404", NULL, 0},
	/* JSON API: bearer tokens, and none for the anonymous caller */
	{"GET", "/healthz", "/healthz", NULL, "200 200 200 200 200 200", NULL, 0},
	{"GET", "/api/v1/me", "/api/v1/me", NULL, "401 200 200 200 200 200", NULL, 0},
	{"GET", "/api/v1/kommuner", "/api/v1/kommuner", NULL, "200 200 200 200 200 200", NULL, 0},
	{"GET", "/api/v1/kommuner/{kode:kommune}/users", "/api/v1/kommuner/{kommune}/users", NULL,
	 "401/401 200/200 200/403 403/403 403/403 403/403", "silkeborg.example", 0},
	{"POST", "/api/v1/kommuner/{kode:kommune}/users", "/api/v1/kommuner/{kommune}/users", "{}",
	 "401/401 422/422 422/403 403/403 403/403 403/403", NULL, 0},
	{"GET", "/api/v1/users/{id:int}", "/api/v1/users/{user}", NULL,
	 "401/401 200/200 200/404 404/404 404/404 404/404", "silkeborg.example", 0},
	{"PATCH", "/api/v1/users/{id:int}", "/api/v1/users/{user}", "{\"role\": \"findes-ikke\"}",
	 "401/401 422/422 422/404 404/404 404/404 404/404", NULL, 0},
	{"GET", "/api/v1/audit", "/api/v1/audit?limit=1", NULL, "401 200 403 403 403 403", NULL, 0},
	/* public, like the contact form */
	{"POST", "/api/v1/inquiries", "/api/v1/inquiries", "{\"kommune\": \"{kommune}\"}",
	 "422/422 422/422 422/422 422/422 422/422 422/422", NULL, 0},
	/* as /sager: the municipality's, all, or those assigned to the caller */
	{"GET", "/api/v1/inquiries", "/api/v1/inquiries", NULL, "401 200 200 200 403 403",
	 OTHER_CONTACT, 0},
	{"PATCH", "/api/v1/inquiries/{id:int}", "/api/v1/inquiries/{inquiry}",
	 "{\"status\": \"findes-ikke\"}", "401/401 422/422 422/404 404/404 404/404 404/404", NULL, 0},
	{"POST", "/api/v1/advisory-sessions", "/api/v1/advisory-sessions",
	 "{\"kommune\": \"{kommune}\", \"minutes\": 0}",
	 "401/401 422/422 422/403 403/403 403/403 403/403", NULL, 0},
	{"GET", "/api/v1/stats/advisory",
	 "/api/v1/stats/advisory?from=2025-01&to=2025-12&kommune={kommune}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"GET", "/api/v1/enterprises", "/api/v1/enterprises?kommune={kommune}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	/* a taken CVR number: 409 after the access check */
	{"POST", "/api/v1/enterprises", "/api/v1/enterprises",
	 "{\"name\": \"Adgangsprøve\", \"kommune\": \"{kommune}\", \"cvr\": \"" TAKEN_CVR "\"}",
	 "401/401 409/409 409/403 403/403 403/403 403/403", NULL, 0},
	{"GET", "/api/v1/enterprises/{id:int}", "/api/v1/enterprises/{enterprise}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"PATCH", "/api/v1/enterprises/{id:int}", "/api/v1/enterprises/{enterprise}",
	 "{\"name\": \"\"}", "401/401 422/422 422/403 403/403 403/403 422/403", NULL, 0},
	{"GET", "/api/v1/stats/enterprises", "/api/v1/stats/enterprises?year=2015&kommuner={kommune}",
	 NULL, "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"GET", "/api/v1/openings", "/api/v1/openings?limit=500", NULL, "401 200 200 200 200 200",
	 OTHER_OPENING, 0},
	{"POST", "/api/v1/openings", "/api/v1/openings", "{\"enterprise_id\": {enterprise}, \"title\": \"\"}",
	 "401/401 422/422 422/403 422/403 403/403 422/403", NULL, 0},
	{"GET", "/api/v1/openings/{id:int}", "/api/v1/openings/{opening}", NULL,
	 "401/401 200/200 200/403 200/403 200/403 200/403", OTHER_OPENING, 0},
	{"PATCH", "/api/v1/openings/{id:int}", "/api/v1/openings/{opening}", "{\"title\": \"\"}",
	 "401/401 422/422 422/403 422/403 403/403 422/403", NULL, 0},
	/* the catalogue's API */
	{"GET", "/api/v1/catalogue", "/api/v1/catalogue?q=kaffe", NULL, "200 200 200 200 200 200", NULL, 0},
	{"POST", "/api/v1/enterprises/{id:int}/products", "/api/v1/enterprises/{enterprise}/products",
	 "{\"title\": \"\"}", "401/401 422/422 422/403 403/403 403/403 422/403", NULL, 0},
	{"GET", "/api/v1/products/{id:int}", "/api/v1/products/{product}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"PATCH", "/api/v1/products/{id:int}", "/api/v1/products/{product}", "{\"title\": \"\"}",
	 "401/401 422/422 422/403 403/403 403/403 422/403", NULL, 0},
	{"POST", "/api/v1/products/{id:int}/images", "/api/v1/products/{product}/images", "{}",
	 "401/401 422/422 422/403 403/403 403/403 422/403", NULL, 0},
	{"PATCH", "/api/v1/images/{id:int}", "/api/v1/images/{image}", "{\"alt\": \"\"}",
	 "401/401 422/422 422/403 403/403 403/403 422/403", NULL, 0},
	{"DELETE", "/api/v1/images/{id:int}", "/api/v1/images/999999999", NULL,
	 "401 404 404 404 404 404", NULL, 0},
	/* the managed lists: public, the same for everybody */
	{"GET", "/api/v1/lists/services", "/api/v1/lists/services", NULL, "200 200 200 200 200 200",
	 NULL, 0},
	{"GET", "/api/v1/lists/target_groups", "/api/v1/lists/target_groups", NULL,
	 "200 200 200 200 200 200", NULL, 0},
	{"GET", "/api/v1/lists/tasks", "/api/v1/lists/tasks", NULL, "200 200 200 200 200 200", NULL, 0},
	{"GET", "/api/v1/lists/adaptations", "/api/v1/lists/adaptations", NULL,
	 "200 200 200 200 200 200", NULL, 0},
	{"GET", "/api/v1/surveys/{survey}/rounds/{round}/report",
	 "/api/v1/surveys/soev-2015/rounds/november-2015/report", NULL, "401 200 200 200 200 403",
	 NULL, 0},
	/* citizens: the jobkonsulent of their municipality only; a read without a purpose is 422
	 * before the citizen is looked up */
	{"POST", "/api/v1/citizens", "/api/v1/citizens", "{\"name\": \"\"}",
	 "401 403 403 422 403 403", NULL, 0},
	{"GET", "/api/v1/citizens", "/api/v1/citizens?purpose=matching", NULL,
	 "401 403 403 200 403 403", OTHER_CITIZEN, 0},
	{"POST", "/api/v1/citizens/search", "/api/v1/citizens/search",
	 "{\"cpr\": \"\", \"purpose\": \"matching\"}", "401 403 403 422 403 403", NULL, 0},
	{"GET", "/api/v1/citizens/{id:int}", "/api/v1/citizens/{citizen}?purpose=matching", NULL,
	 "401/401 403/403 403/403 200/403 403/403 403/403", OTHER_CITIZEN, 0},
	{"PATCH", "/api/v1/citizens/{id:int}", "/api/v1/citizens/{citizen}", "{\"hours_max\": 0}",
	 "401/401 403/403 403/403 422/403 403/403 403/403", NULL, 0},
	{"POST", "/api/v1/citizens/{id:int}/reveal", "/api/v1/citizens/{citizen}/reveal", "{}",
	 "401/401 403/403 403/403 422/422 403/403 403/403", NULL, 0},
	/* the citizen of the start has no consent: 409 naming consent_date, after the access check */
	{"GET", "/api/v1/citizens/{id:int}/matches", "/api/v1/citizens/{citizen}/matches?purpose=matching",
	 NULL, "401/401 403/403 403/403 409/403 403/403 403/403", NULL, 0},
	/* the jobkonsulent's own citizens that fit any municipality's opening */
	{"GET", "/api/v1/openings/{id:int}/matches", "/api/v1/openings/{opening}/matches?purpose=matching",
	 NULL, "401/401 403/403 403/403 200/200 403/403 403/403", OTHER_CITIZEN, 0},
	{"GET", "/api/v1/matching/weights", "/api/v1/matching/weights?kommune={kommune}", NULL,
	 "401/401 200/200 200/403 200/403 403/403 403/403", NULL, 0},
	{"PUT", "/api/v1/matching/weights", "/api/v1/matching/weights?kommune={kommune}",
	 "{\"weights\": {\"tasks\": 101}}", "401/401 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"POST", "/api/v1/placements", "/api/v1/placements",
	 "{\"citizen_id\": {citizen}, \"scheme\": \"findes-ikke\"}",
	 "401/401 403/403 403/403 422/403 403/403 403/403", NULL, 0},
	/* without ?purpose= the jobkonsulent gets 422; the enterprise needs none */
	{"GET", "/api/v1/placements", "/api/v1/placements?purpose=opfoelgning", NULL,
	 "401 403 403 200 403 200", OTHER_PLACED, 0},
	{"GET", "/api/v1/placements/{id:int}", "/api/v1/placements/{placement}?purpose=opfoelgning",
	 NULL, "401/401 403/403 403/403 200/404 403/403 200/404", OTHER_PLACED, 0},
	{"PATCH", "/api/v1/placements/{id:int}", "/api/v1/placements/{placement}",
	 "{\"end\": \"ikke-en-dato\"}", "401/401 403/403 403/403 422/404 403/403 403/403", NULL, 0},
	{"POST", "/api/v1/placements/{id:int}/followups", "/api/v1/placements/{placement}/followups",
	 "{\"due\": \"snart\"}", "401/401 403/403 403/403 422/404 403/403 403/403", NULL, 0},
	{"PATCH", "/api/v1/placements/{id:int}/followups/{followup:int}",
	 "/api/v1/placements/{placement}/followups/{followup}", "{\"done\": \"ja\"}",
	 "401/401 403/403 403/403 422/404 403/403 403/403", NULL, 0},
	{"GET", "/api/v1/stats/employment", "/api/v1/stats/employment?year=2026&kommune={kommune}",
	 NULL, "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	/* tenders (udbud): {tender} is a published tender of the municipality, open for bids. The
	 * public reads them; the purchasing staff (konsulent, indkøber; the jobkonsulent reads) keep
	 * their own; an enterprise's account (Soul Café) asks and bids; the bids are sealed (409) for
	 * the staff until the deadline, and the result and decision are nobody else's before the
	 * award (403) */
	{"GET", "/udbud", "/udbud", NULL, "200 200 200 200 200 200", NULL, 0},
	{"POST", "/udbud", "/udbud", "title=", "303 422 422 403 422 403", NULL, 0},
	{"GET", "/udbud/ny", "/udbud/ny", NULL, "303 200 200 403 200 403", NULL, 0},
	{"GET", "/udbud/feed.xml", "/udbud/feed.xml", NULL, "200 200 200 200 200 200", NULL, 0},
	{"GET", "/udbud/{id:int}", "/udbud/{tender}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"POST", "/udbud/{id:int}", "/udbud/{tender}", "title=",
	 "303/303 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	{"GET", "/udbud/{id:int}/rediger", "/udbud/{tender}/rediger", NULL,
	 "303/303 200/200 200/403 403/403 200/403 403/403", NULL, 0},
	{"POST", "/udbud/{id:int}/offentliggoer", "/udbud/{tender}/offentliggoer", "",
	 "303/303 409/409 409/403 403/403 409/403 403/403", NULL, 0},
	{"GET", "/udbud/{id:int}/annuller", "/udbud/{tender}/annuller", NULL,
	 "303/303 200/200 200/403 403/403 200/403 403/403", NULL, 0},
	{"POST", "/udbud/{id:int}/annuller", "/udbud/{tender}/annuller", "reason=",
	 "303/303 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	{"POST", "/udbud/{id:int}/spoergsmaal", "/udbud/{tender}/spoergsmaal", "question=",
	 "303/303 403/403 403/403 403/403 403/403 422/422", NULL, 0},
	{"POST", "/udbud/{id:int}/spoergsmaal/{question:int}", "/udbud/{tender}/spoergsmaal/999999",
	 "answer-999999=", "303/303 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	/* registering interest has nothing to validate: the enterprise's account succeeds */
	{"POST", "/udbud/{id:int}/interesse", "/udbud/{tender}/interesse", "",
	 "303/303 403/403 403/403 403/403 403/403 303/303", NULL, 0},
	{"POST", "/udbud/{id:int}/bud", "/udbud/{tender}/bud", "price=",
	 "303/303 403/403 403/403 403/403 403/403 422/422", NULL, 0},
	{"POST", "/udbud/{id:int}/vurdering", "/udbud/{tender}/vurdering", "bid_id=",
	 "303/303 409/409 409/403 403/403 409/403 403/403", NULL, 0},
	{"POST", "/udbud/{id:int}/tildeling", "/udbud/{tender}/tildeling", "bid_id=",
	 "303/303 409/409 409/403 403/403 409/403 403/403", NULL, 0},
	{"GET", "/udbud/{id:int}/beslutning", "/udbud/{tender}/beslutning", NULL,
	 "403/403 409/409 409/403 409/403 409/403 403/403", NULL, 0},
	{"GET", "/udbud/{id:int}/beslutning.xlsx", "/udbud/{tender}/beslutning.xlsx", NULL,
	 "403/403 409/409 409/403 409/403 409/403 403/403", NULL, 0},
	{"POST", "/bud/{id:int}/dokumenter", "/bud/999999/dokumenter", "", "303 403 403 403 403 404",
	 NULL, 0},
	{"GET", "/bud/{id:int}/dokumenter/{doc:int}", "/bud/999999/dokumenter/1", NULL,
	 "303 404 404 404 404 404", NULL, 0},
	{"GET", "/api/v1/tenders", "/api/v1/tenders?scope=public", NULL, "200 200 200 200 200 200", NULL, 0},
	{"POST", "/api/v1/tenders", "/api/v1/tenders", "{\"kommune\": \"{kommune}\", \"title\": \"\"}",
	 "401/401 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	{"GET", "/api/v1/tenders/{id:int}", "/api/v1/tenders/{tender}", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"PATCH", "/api/v1/tenders/{id:int}", "/api/v1/tenders/{tender}", "{\"title\": \"\"}",
	 "401/401 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	{"POST", "/api/v1/tenders/{id:int}/publish", "/api/v1/tenders/{tender}/publish", NULL,
	 "401/401 409/409 409/403 403/403 409/403 403/403", NULL, 0},
	{"POST", "/api/v1/tenders/{id:int}/cancel", "/api/v1/tenders/{tender}/cancel", "{}",
	 "401/401 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	{"GET", "/api/v1/tenders/{id:int}/questions", "/api/v1/tenders/{tender}/questions", NULL,
	 "200/200 200/200 200/200 200/200 200/200 200/200", NULL, 0},
	{"POST", "/api/v1/tenders/{id:int}/questions", "/api/v1/tenders/{tender}/questions",
	 "{\"question\": \"\"}", "401/401 403/403 403/403 403/403 403/403 422/422", NULL, 0},
	{"POST", "/api/v1/tenders/{id:int}/questions/{question:int}",
	 "/api/v1/tenders/{tender}/questions/999999", "{\"answer\": \"\"}",
	 "401/401 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	{"POST", "/api/v1/tenders/{id:int}/bids", "/api/v1/tenders/{tender}/bids", "{\"price\": \"\"}",
	 "401/401 403/403 403/403 403/403 403/403 422/422", NULL, 0},
	{"GET", "/api/v1/tenders/{id:int}/bids", "/api/v1/tenders/{tender}/bids", NULL,
	 "401/401 409/409 409/403 409/403 409/403 200/200", NULL, 0},
	{"POST", "/api/v1/tenders/{id:int}/scores", "/api/v1/tenders/{tender}/scores", "{\"scores\": 5}",
	 "401/401 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	{"GET", "/api/v1/tenders/{id:int}/result", "/api/v1/tenders/{tender}/result", NULL,
	 "403/403 409/409 409/403 409/403 409/403 403/403", NULL, 0},
	{"POST", "/api/v1/tenders/{id:int}/award", "/api/v1/tenders/{tender}/award", "{\"bid_id\": 0}",
	 "401/401 422/422 422/403 403/403 422/403 403/403", NULL, 0},
	/* a JSON body is no PDF: 415 for every signed-in caller */
	{"POST", "/api/v1/bids/{id:int}/documents", "/api/v1/bids/999999/documents", "{}",
	 "401 415 415 415 415 415", NULL, 0},
	/* networks and meetings (collab). The demo's network 1 is Silkeborg's (740), network 2 the
	 * grant pool's national one, meeting 1 and action item 1 Silkeborg's: Kolding's staff get
	 * 403 for them, the administrator the validation answer; national rows are read by every
	 * municipality's staff; an enterprise's own account gets nothing. */
	{"GET", "/samarbejde", "/samarbejde", NULL, "303 200 200 200 200 403", NULL, 0},
	{"GET", "/netvaerk", "/netvaerk", NULL, "303 200 200 200 200 403", "Demoperson Karen Holm", 0},
	{"POST", "/netvaerk", "/netvaerk", "name=", "303 422 422 422 403 403", NULL, 0},
	{"GET", "/netvaerk/ny", "/netvaerk/ny", NULL, "303 200 200 200 403 403", NULL, 0},
	{"GET", "/netvaerk/{id:int}", "/netvaerk/1", NULL, "303 200 403 403 403 403",
	 "Demoperson Karen Holm", 0},
	{"POST", "/netvaerk/{id:int}", "/netvaerk/1", "action=findes-ikke", "303 422 403 403 403 403",
	 NULL, 0},
	/* the feed is public with its token; a wrong token is 404 for everybody */
	{"GET", "/netvaerk/{id:int}/kalender.ics", "/netvaerk/1/kalender.ics?token=forkert", NULL,
	 "404 404 404 404 404 404", NULL, 0},
	{"GET", "/netvaerk/{id:int}/moeder/{mid:int}", "/netvaerk/1/moeder/1", NULL,
	 "303 200 403 403 403 403", "Demoperson Karen Holm", 0},
	{"POST", "/netvaerk/{id:int}/moeder/{mid:int}", "/netvaerk/1/moeder/1", "action=findes-ikke",
	 "303 422 403 403 403 403", NULL, 0},
	{"GET", "/statistik/netvaerk", "/statistik/netvaerk?year=2015", NULL,
	 "200 200 200 200 200 200", "Inhouse og socialøkonomi", 0},
	{"GET", "/statistik/netvaerk/eksport", "/statistik/netvaerk/eksport?year=2015", NULL,
	 "200 200 200 200 200 200", NULL, 0},
	{"GET", "/api/v1/networks", "/api/v1/networks", NULL, "401 200 200 200 200 403",
	 "Inhouse og socialøkonomi", 0},
	{"POST", "/api/v1/networks", "/api/v1/networks", "{\"kommune\": \"{kommune}\", \"name\": \"\"}",
	 "401/401 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"GET", "/api/v1/networks/{id:int}", "/api/v1/networks/1", NULL, "401 200 403 403 403 403",
	 NULL, 0},
	{"PATCH", "/api/v1/networks/{id:int}", "/api/v1/networks/1", "{\"name\": \"\"}",
	 "401 422 403 403 403 403", NULL, 0},
	/* a network that does not exist: no feed address is replaced */
	{"POST", "/api/v1/networks/{id:int}/token", "/api/v1/networks/999999/token", NULL,
	 "401 404 404 404 404 404", NULL, 0},
	{"GET", "/api/v1/networks/{id:int}/members", "/api/v1/networks/2/members", NULL,
	 "401 200 200 200 200 403", NULL, 0},
	{"POST", "/api/v1/networks/{id:int}/members", "/api/v1/networks/1/members", "{}",
	 "401 422 403 403 403 403", NULL, 0},
	{"DELETE", "/api/v1/networks/{id:int}/members/{member:int}", "/api/v1/networks/1/members/999999",
	 NULL, "401 404 403 403 403 403", NULL, 0},
	{"GET", "/api/v1/networks/{id:int}/meetings", "/api/v1/networks/1/meetings", NULL,
	 "401 200 403 403 403 403", NULL, 0},
	{"POST", "/api/v1/networks/{id:int}/meetings", "/api/v1/networks/1/meetings", "{}",
	 "401 422 403 403 403 403", NULL, 0},
	{"GET", "/api/v1/meetings/{id:int}", "/api/v1/meetings/1", NULL, "401 200 403 403 403 403",
	 "Demoperson Karen Holm", 0},
	{"PATCH", "/api/v1/meetings/{id:int}", "/api/v1/meetings/1", "{\"starts_at\": \"x\"}",
	 "401 422 403 403 403 403", NULL, 0},
	{"POST", "/api/v1/meetings/{id:int}/attendance", "/api/v1/meetings/1/attendance",
	 "{\"member_id\": 999999, \"present\": true}", "401 422 403 403 403 403", NULL, 0},
	{"POST", "/api/v1/meetings/{id:int}/actions", "/api/v1/meetings/1/actions",
	 "{\"title\": \"\"}", "401 422 403 403 403 403", NULL, 0},
	{"PATCH", "/api/v1/meetings/{id:int}/actions/{action:int}", "/api/v1/meetings/1/actions/1",
	 "{\"status\": \"x\"}", "401 422 403 403 403 403", NULL, 0},
	{"GET", "/api/v1/stats/networks", "/api/v1/stats/networks?year=2015", NULL,
	 "200 200 200 200 200 200", "Inhouse og socialøkonomi", 0},
	/* the grant pool (collab): the demo's pool 1 is the 2015 pool with grants to Kolding,
	 * Silkeborg and Slagelse; every municipality's staff read it, but only their own rows
	 * (Slagelse's application is hidden from Kolding's callers); the administrator keeps it.
	 * Bodies fail validation after the access check, so nothing is written */
	{"GET", "/puljer", "/puljer", NULL, "303 200 200 200 200 403", NULL, 0},
	{"POST", "/puljer", "/puljer", "title=", "303 422 403 403 403 403", NULL, 0},
	{"GET", "/puljer/ny", "/puljer/ny", NULL, "303 200 403 403 403 403", NULL, 0},
	{"GET", "/puljer/{id:int}", "/puljer/1", NULL, "303 200 200 200 200 403", "Business case", 0},
	{"POST", "/puljer/{id:int}", "/puljer/1", "action=findes-ikke", "303 422 422 422 422 403", NULL, 0},
	{"GET", "/puljer/{id:int}/rapport", "/puljer/1/rapport", NULL, "303 200 200 200 200 403",
	 "Business case", 0},
	{"GET", "/api/v1/pools", "/api/v1/pools", NULL, "401 200 200 200 200 403", NULL, 0},
	{"POST", "/api/v1/pools", "/api/v1/pools", "{\"title\": \"\"}", "401 422 403 403 403 403", NULL, 0},
	{"GET", "/api/v1/pools/{id:int}", "/api/v1/pools/1", NULL, "401 200 200 200 200 403",
	 "Business case", 0},
	{"POST", "/api/v1/pools/{id:int}/applications", "/api/v1/pools/1/applications",
	 "{\"kommune\": \"{kommune}\", \"amount\": \"0\"}",
	 "401/401 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"POST", "/api/v1/pools/{id:int}/grants", "/api/v1/pools/1/grants",
	 "{\"kommune\": \"{kommune}\", \"amount\": \"0\"}",
	 "401/401 422/422 403/403 403/403 403/403 403/403", NULL, 0},
	{"POST", "/api/v1/pools/{id:int}/payments", "/api/v1/pools/1/payments",
	 "{\"kommune\": \"{kommune}\", \"date\": \"x\", \"amount\": \"0\"}",
	 "401/401 422/422 403/403 403/403 403/403 403/403", NULL, 0},
	{"POST", "/api/v1/pools/{id:int}/spend", "/api/v1/pools/1/spend",
	 "{\"kommune\": \"{kommune}\", \"text\": \"\"}",
	 "401/401 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	/* funding sources (collab): the demo's sources 1-4 are national and public, 5 is Kolding's
	 * own and not public; suggestions on {inquiry} fail validation (no source given) after the
	 * access check of the case */
	{"GET", "/finansiering", "/finansiering", NULL, "200 200 200 200 200 200", NULL, 0},
	{"POST", "/finansiering", "/finansiering", "title=", "303 422 422 422 403 403", NULL, 0},
	{"GET", "/finansiering/eksport", "/finansiering/eksport?format=csv", NULL, "200 200 200 200 200 200",
	 NULL, 0},
	{"GET", "/finansiering/ny", "/finansiering/ny", NULL, "303 200 200 200 403 403", NULL, 0},
	{"GET", "/finansiering/{id:int}/rediger", "/finansiering/5/rediger", NULL, "303 200 200 200 403 403",
	 NULL, 0},
	{"POST", "/finansiering/{id:int}", "/finansiering/5", "title=", "303 422 422 422 403 403", NULL, 0},
	{"GET", "/finansiering/{id:int}/slet", "/finansiering/5/slet", NULL, "303 200 200 200 403 403",
	 NULL, 0},
	{"POST", "/finansiering/{id:int}/slet", "/finansiering/999999/slet", "", "303 404 404 404 404 403",
	 NULL, 0},
	{"POST", "/sager/{id:int}/finansiering", "/sager/{inquiry}/finansiering", "action=add&source_id=",
	 "303/303 422/422 422/403 403/403 403/403 403/403", NULL, 0},
	{"GET", "/api/v1/funding", "/api/v1/funding", NULL, "200 200 200 200 200 200", NULL, 0},
	{"POST", "/api/v1/funding", "/api/v1/funding", "{\"kommune\": \"{kommune}\", \"title\": \"\"}",
	 "401/401 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"GET", "/api/v1/funding/{id:int}", "/api/v1/funding/5", NULL, "403 200 200 200 200 403", NULL, 0},
	{"PATCH", "/api/v1/funding/{id:int}", "/api/v1/funding/5", "{\"title\": \"\"}",
	 "401 422 422 422 403 403", NULL, 0},
	{"DELETE", "/api/v1/funding/{id:int}", "/api/v1/funding/999999", NULL, "401 404 404 404 404 404",
	 NULL, 0},
	{"POST", "/api/v1/inquiries/{id:int}/funding", "/api/v1/inquiries/{inquiry}/funding",
	 "{\"source_id\": 0}", "401/401 422/422 422/403 403/403 403/403 403/403", NULL, 0},
	{"DELETE", "/api/v1/inquiries/{id:int}/funding/{source:int}",
	 "/api/v1/inquiries/{inquiry}/funding/999999", NULL,
	 "401/401 422/422 422/403 403/403 403/403 403/403", NULL, 0},
	/* outreach (contacts, leads, support plans): the konsulent and jobkonsulent of a
	 * municipality the enterprise works with write, its indkøber reads, the administrator all;
	 * virksomhed and anonymous nothing. A lead that does not exist is 404 to who may read leads.
	 * Bodies fail validation after the access check, so nothing is written */
	{"GET", "/opsoegning/kontakter", "/opsoegning/kontakter", NULL, "303 200 200 200 200 403", NULL, 0},
	{"GET", "/virksomheder/{id:int}/kontakter/ny", "/virksomheder/{enterprise}/kontakter/ny", NULL,
	 "303/303 200/200 200/403 200/403 403/403 403/403", NULL, 0},
	{"POST", "/virksomheder/{id:int}/kontakter", "/virksomheder/{enterprise}/kontakter", "topic=",
	 "303/303 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"GET", "/opsoegning/leads", "/opsoegning/leads", NULL, "303 200 200 200 200 403", NULL, 0},
	{"POST", "/opsoegning/leads", "/opsoegning/leads", "title=", "303 422 422 422 403 403", NULL, 0},
	{"GET", "/opsoegning/leads/ny", "/opsoegning/leads/ny", NULL, "303 200 200 200 403 403", NULL, 0},
	{"GET", "/opsoegning/leads/{id:int}", "/opsoegning/leads/999999", NULL, "303 404 404 404 404 403",
	 NULL, 0},
	{"POST", "/opsoegning/leads/{id:int}/fase", "/opsoegning/leads/999999/fase", "stage=",
	 "303 404 404 404 404 403", NULL, 0},
	{"GET", "/opsoegning/planer", "/opsoegning/planer", NULL, "303 200 200 200 200 403", NULL, 0},
	{"GET", "/opsoegning/overlevelse", "/opsoegning/overlevelse", NULL, "303 200 200 200 200 403",
	 NULL, 0},
	{"GET", "/virksomheder/{id:int}/plan", "/virksomheder/{enterprise}/plan", NULL,
	 "303/303 200/200 200/403 200/403 200/403 403/403", NULL, 0},
	/* a note over 2,000 characters */
	{"POST", "/virksomheder/{id:int}/plan", "/virksomheder/{enterprise}/plan",
	 "note_budget=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	 "303/303 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"POST", "/virksomheder/{id:int}/plan/milepaele", "/virksomheder/{enterprise}/plan/milepaele",
	 "title=", "303/303 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"POST", "/virksomheder/{id:int}/plan/milepaele/{mid:int}",
	 "/virksomheder/{enterprise}/plan/milepaele/999999", "done=1",
	 "303/303 404/404 404/403 404/403 403/403 403/403", NULL, 0},
	{"POST", "/api/v1/enterprises/{id:int}/contacts", "/api/v1/enterprises/{enterprise}/contacts",
	 "{\"topic\": \"\"}", "401/401 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"GET", "/api/v1/enterprises/{id:int}/contacts", "/api/v1/enterprises/{enterprise}/contacts", NULL,
	 "401/401 200/200 200/403 200/403 200/403 403/403", NULL, 0},
	{"GET", "/api/v1/leads", "/api/v1/leads", NULL, "401 200 200 200 200 403", NULL, 0},
	{"POST", "/api/v1/leads", "/api/v1/leads", "{\"kommune\": \"{kommune}\", \"title\": \"\"}",
	 "401/401 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"GET", "/api/v1/leads/{id:int}", "/api/v1/leads/999999", NULL, "401 404 404 404 404 403", NULL, 0},
	{"PATCH", "/api/v1/leads/{id:int}", "/api/v1/leads/999999", "{\"stage\": \"x\"}",
	 "401 404 404 404 404 403", NULL, 0},
	/* ---- events and the guidance library: {event} a staff-only event of the municipality with
	 * {signup} a confirmed sign-up, {cancelled} a cancelled staff-only event (calling off
	 * answers 409 after the access check, so nothing changes), {guidance} a document with a file
	 */
	{"GET", "/arrangementer", "/arrangementer", NULL, "200 200 200 200 200 200", OTHER_EVENT, 0},
	{"POST", "/arrangementer", "/arrangementer", "title=", "303 422 422 422 403 403", NULL, 0},
	{"GET", "/arrangementer/ny", "/arrangementer/ny", NULL, "303 200 200 200 403 403", NULL, 0},
	{"GET", "/arrangementer/{id:int}", "/arrangementer/{event}", NULL,
	 "404/404 200/200 200/403 200/403 200/403 404/404", OTHER_SIGNUP, 0},
	{"POST", "/arrangementer/{id:int}", "/arrangementer/{event}", "title=",
	 "303/303 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"GET", "/arrangementer/{id:int}/rediger", "/arrangementer/{event}/rediger", NULL,
	 "303/303 200/200 200/403 200/403 403/403 403/403", NULL, 0},
	{"POST", "/arrangementer/{id:int}/tilmeld", "/arrangementer/{event}/tilmeld", "name=&email=",
	 "404/404 422/422 422/403 422/403 422/403 404/404", NULL, 0},
	{"GET", "/arrangementer/{id:int}/aflys", "/arrangementer/{event}/aflys", NULL,
	 "303/303 200/200 200/403 200/403 403/403 403/403", NULL, 0},
	{"POST", "/arrangementer/{id:int}/aflys", "/arrangementer/{cancelled}/aflys", "",
	 "303/303 409/409 409/403 409/403 403/403 403/403", NULL, 0},
	/* no one ticked: the sign-up's attendance stays as it is */
	{"POST", "/arrangementer/{id:int}/fremmoede", "/arrangementer/{event}/fremmoede", "",
	 "303/303 303/303 303/403 303/403 403/403 403/403", NULL, 0},
	{"GET", "/arrangementer/{id:int}/tilmeldte/{signup:int}/slet",
	 "/arrangementer/{event}/tilmeldte/{signup}/slet", NULL,
	 "303/303 200/200 200/403 200/403 403/403 403/403", OTHER_SIGNUP, 0},
	{"POST", "/arrangementer/{id:int}/tilmeldte/{signup:int}/slet",
	 "/arrangementer/{event}/tilmeldte/999999/slet", "",
	 "303/303 404/404 404/403 404/403 403/403 403/403", NULL, 0},
	{"GET", "/arrangementer/{id:int}/tilmeldte.csv", "/arrangementer/{event}/tilmeldte.csv", NULL,
	 "303/303 200/200 200/403 200/403 200/403 403/403", OTHER_SIGNUP, 0},
	{"GET", "/arrangementer/{id:int}/kalender.ics", "/arrangementer/{event}/kalender.ics", NULL,
	 "404/404 200/200 200/403 200/403 200/403 404/404", NULL, 0},
	{"GET", "/arrangementer/{id:int}/afmeld", "/arrangementer/{event}/afmeld?token=forkert", NULL,
	 "404/404 404/404 404/404 404/404 404/404 404/404", NULL, 0},
	{"POST", "/arrangementer/{id:int}/afmeld", "/arrangementer/{event}/afmeld", "token=forkert",
	 "404/404 404/404 404/404 404/404 404/404 404/404", NULL, 0},
	{"GET", "/api/v1/events", "/api/v1/events", NULL, "200 200 200 200 200 200", OTHER_EVENT, 0},
	{"POST", "/api/v1/events", "/api/v1/events", "{\"kommune\": \"{kommune}\", \"title\": \"\"}",
	 "401/401 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"GET", "/api/v1/events/{id:int}", "/api/v1/events/{event}", NULL,
	 "404/404 200/200 200/403 200/403 200/403 404/404", OTHER_EVENT, 0},
	{"PATCH", "/api/v1/events/{id:int}", "/api/v1/events/{event}", "{\"title\": \"\"}",
	 "401/401 422/422 422/403 422/403 403/403 404/404", NULL, 0},
	{"DELETE", "/api/v1/events/{id:int}", "/api/v1/events/{cancelled}", NULL,
	 "401/401 409/409 409/403 409/403 403/403 404/404", NULL, 0},
	{"POST", "/api/v1/events/{id:int}/signups", "/api/v1/events/{event}/signups",
	 "{\"name\": \"\", \"email\": \"\"}", "404/404 422/422 422/403 422/403 422/403 404/404", NULL, 0},
	{"GET", "/api/v1/events/{id:int}/signups", "/api/v1/events/{event}/signups", NULL,
	 "401/401 200/200 200/403 200/403 200/403 404/404", OTHER_SIGNUP, 0},
	{"DELETE", "/api/v1/events/{id:int}/signups/{signup:int}", "/api/v1/events/{event}/signups/999999",
	 NULL, "401/401 404/404 404/403 404/403 403/403 404/404", NULL, 0},
	{"PATCH", "/api/v1/events/{id:int}/signups/{signup:int}", "/api/v1/events/{event}/signups/{signup}",
	 "{\"attended\": \"ja\"}", "401/401 422/422 422/403 422/403 403/403 404/404", NULL, 0},
	{"GET", "/vejledning", "/vejledning", NULL, "303 200 200 200 200 403", OTHER_GUIDANCE, 0},
	{"POST", "/vejledning", "/vejledning", "title=", "303 422 422 422 403 403", NULL, 0},
	{"GET", "/vejledning/ny", "/vejledning/ny", NULL, "303 200 200 200 403 403", NULL, 0},
	{"GET", "/vejledning/eksport.csv", "/vejledning/eksport.csv", NULL, "303 200 200 200 200 403",
	 OTHER_GUIDANCE, 0},
	{"GET", "/vejledning/{id:int}", "/vejledning/{guidance}", NULL,
	 "303/303 200/200 200/403 200/403 200/403 403/403", OTHER_GUIDANCE, 0},
	{"POST", "/vejledning/{id:int}", "/vejledning/{guidance}", "title=",
	 "303/303 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"GET", "/vejledning/{id:int}/rediger", "/vejledning/{guidance}/rediger", NULL,
	 "303/303 200/200 200/403 200/403 403/403 403/403", NULL, 0},
	{"GET", "/vejledning/{id:int}/fil", "/vejledning/{guidance}/fil", NULL,
	 "303/303 200/200 200/403 200/403 200/403 403/403", NULL, 0},
	{"GET", "/vejledning/{id:int}/slet", "/vejledning/{guidance}/slet", NULL,
	 "303/303 200/200 200/403 200/403 403/403 403/403", NULL, 0},
	/* a document that does not exist: nothing to delete (access is tested in test_guidance) */
	{"POST", "/vejledning/{id:int}/slet", "/vejledning/999999/slet", "", "303 404 404 404 404 404", NULL, 0},
	{"GET", "/api/v1/guidance", "/api/v1/guidance", NULL, "401 200 200 200 200 403", OTHER_GUIDANCE, 0},
	{"POST", "/api/v1/guidance", "/api/v1/guidance", "{\"kommune\": \"{kommune}\", \"title\": \"\"}",
	 "401/401 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"GET", "/api/v1/guidance/{id:int}", "/api/v1/guidance/{guidance}", NULL,
	 "401/401 200/200 200/403 200/403 200/403 403/403", OTHER_GUIDANCE, 0},
	{"PATCH", "/api/v1/guidance/{id:int}", "/api/v1/guidance/{guidance}", "{\"title\": \"\"}",
	 "401/401 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"DELETE", "/api/v1/guidance/{id:int}", "/api/v1/guidance/999999", NULL, "401 404 404 404 404 404", NULL, 0},
	{"GET", "/api/v1/guidance/{id:int}/file", "/api/v1/guidance/{guidance}/file", NULL,
	 "401/401 200/200 200/403 200/403 200/403 403/403", NULL, 0},
	/* ---- end of events and the guidance library */
	/* ---- strategies with live goals. The demo's strategy 1 is Silkeborg's (740, public), 2
	 * Kolding's (public) and 3 Slagelse's business case (330, not public) with goals 6 and 7:
	 * signed out it does not exist, Kolding's staff and enterprise get 403, the administrator
	 * the validation answer. Lists and public strategies are everybody's. */
#define OTHER_STRATEGY "Business case om socialøkonomiske"
	{"GET", "/strategier", "/strategier", NULL, "200 200 200 200 200 200", OTHER_STRATEGY, 0},
	{"POST", "/strategier", "/strategier", "title=", "303 422 422 422 403 403", NULL, 0},
	{"GET", "/strategier/ny", "/strategier/ny", NULL, "303 200 200 200 403 403", NULL, 0},
	{"GET", "/strategier/eksport", "/strategier/eksport", NULL, "200 200 200 200 200 200",
	 OTHER_STRATEGY, 0},
	{"GET", "/strategier/{id:int}", "/strategier/3", NULL, "404 200 403 403 403 403", OTHER_STRATEGY, 0},
	{"POST", "/strategier/{id:int}", "/strategier/3", "action=findes-ikke", "303 422 403 403 403 403",
	 NULL, 0},
	/* no file: 422 for who may upload */
	{"POST", "/strategier/{id:int}/dokument", "/strategier/3/dokument", "", "303 422 403 403 403 403",
	 NULL, 0},
	{"GET", "/strategier/{id:int}/dokument.pdf", "/strategier/3/dokument.pdf", NULL,
	 "404 404 403 403 403 403", NULL, 0},
	{"GET", "/strategier/{id:int}/rapport", "/strategier/3/rapport", NULL, "404 200 403 403 403 403",
	 OTHER_STRATEGY, 0},
	{"GET", "/strategier/{id:int}/rapport.xlsx", "/strategier/3/rapport.xlsx", NULL,
	 "404 200 403 403 403 403", NULL, 0},
	{"GET", "/api/v1/strategies", "/api/v1/strategies", NULL, "200 200 200 200 200 200",
	 OTHER_STRATEGY, 0},
	{"POST", "/api/v1/strategies", "/api/v1/strategies", "{\"kommune\": \"{kommune}\", \"title\": \"\"}",
	 "401/401 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"GET", "/api/v1/strategies/{id:int}", "/api/v1/strategies/3", NULL, "404 200 403 403 403 403",
	 OTHER_STRATEGY, 0},
	{"PATCH", "/api/v1/strategies/{id:int}", "/api/v1/strategies/3", "{\"title\": \"\"}",
	 "401 422 403 403 403 403", NULL, 0},
	/* a strategy that does not exist: nothing is deleted */
	{"DELETE", "/api/v1/strategies/{id:int}", "/api/v1/strategies/999999", NULL,
	 "401 404 404 404 404 404", NULL, 0},
	/* a JSON body is no PDF: 415 for every signed-in caller */
	{"PUT", "/api/v1/strategies/{id:int}/document", "/api/v1/strategies/3/document", "{}",
	 "401 415 415 415 415 415", NULL, 0},
	{"POST", "/api/v1/strategies/{id:int}/goals", "/api/v1/strategies/3/goals", "{}",
	 "401 422 403 403 403 403", NULL, 0},
	{"PATCH", "/api/v1/strategies/{id:int}/goals/{goal:int}", "/api/v1/strategies/3/goals/6",
	 "{\"target\": 0}", "401 422 403 403 403 403", NULL, 0},
	{"DELETE", "/api/v1/strategies/{id:int}/goals/{goal:int}", "/api/v1/strategies/3/goals/999999",
	 NULL, "401 404 404 404 404 404", NULL, 0},
	{"GET", "/api/v1/goals/{id:int}/values", "/api/v1/goals/6/values", NULL,
	 "404 200 403 403 403 403", NULL, 0},
	/* goal 6 counts fleksjob: no values (422 for the administrator) */
	{"POST", "/api/v1/goals/{id:int}/values", "/api/v1/goals/6/values", "{\"date\": \"x\"}",
	 "401 422 403 403 403 403", NULL, 0},
	/* ---- end of strategies */
	/* ---- partnership agreements (collab). The demo's agreement 1 is Jammerbugt's (849), public:
	 * every caller reads it, nobody of 621 writes it (403), the administrator gets the validation
	 * answer; it has no signed PDF (404); a JSON body is no PDF (415) */
	{"GET", "/partnerskaber", "/partnerskaber", NULL, "200 200 200 200 200 200", NULL, 0},
	{"POST", "/partnerskaber", "/partnerskaber", "title=", "303 422 422 422 403 403", NULL, 0},
	{"GET", "/partnerskaber/ny", "/partnerskaber/ny", NULL, "303 200 200 200 403 403", NULL, 0},
	{"GET", "/partnerskaber/eksport", "/partnerskaber/eksport?format=csv", NULL,
	 "200 200 200 200 200 200", NULL, 0},
	{"GET", "/partnerskaber/{id:int}", "/partnerskaber/1", NULL, "200 200 200 200 200 200", NULL, 0},
	{"POST", "/partnerskaber/{id:int}", "/partnerskaber/1", "action=findes-ikke",
	 "303 422 403 403 403 403", NULL, 0},
	{"POST", "/partnerskaber/{id:int}/aftale", "/partnerskaber/1/aftale", "",
	 "303 422 403 403 403 403", NULL, 0},
	{"GET", "/partnerskaber/{id:int}/aftale.pdf", "/partnerskaber/1/aftale.pdf", NULL,
	 "404 404 404 404 404 404", NULL, 0},
	{"GET", "/api/v1/partnerships", "/api/v1/partnerships", NULL, "200 200 200 200 200 200", NULL, 0},
	{"POST", "/api/v1/partnerships", "/api/v1/partnerships", "{\"kommune\": \"{kommune}\", \"title\": \"\"}",
	 "401/401 422/422 422/403 422/403 403/403 403/403", NULL, 0},
	{"GET", "/api/v1/partnerships/{id:int}", "/api/v1/partnerships/1", NULL,
	 "200 200 200 200 200 200", NULL, 0},
	{"PATCH", "/api/v1/partnerships/{id:int}", "/api/v1/partnerships/1", "{\"title\": \"\"}",
	 "401 422 403 403 403 403", NULL, 0},
	{"POST", "/api/v1/partnerships/{id:int}/parties", "/api/v1/partnerships/1/parties", "{}",
	 "401 422 403 403 403 403", NULL, 0},
	{"POST", "/api/v1/partnerships/{id:int}/members", "/api/v1/partnerships/1/members", "{}",
	 "401 422 403 403 403 403", NULL, 0},
	{"POST", "/api/v1/partnerships/{id:int}/actions", "/api/v1/partnerships/1/actions",
	 "{\"title\": \"\"}", "401 422 403 403 403 403", NULL, 0},
	{"PATCH", "/api/v1/partnerships/{id:int}/actions/{action:int}", "/api/v1/partnerships/1/actions/1",
	 "{\"status\": \"x\"}", "401 422 403 403 403 403", NULL, 0},
	{"DELETE", "/api/v1/partnerships/{id:int}/actions/{action:int}",
	 "/api/v1/partnerships/1/actions/999999", NULL, "401 404 403 403 403 403", NULL, 0},
	{"PUT", "/api/v1/partnerships/{id:int}/document", "/api/v1/partnerships/1/document", "{}",
	 "401 415 415 415 415 415", NULL, 0},
	{"GET", "/api/v1/partnerships/{id:int}/document", "/api/v1/partnerships/1/document", NULL,
	 "404 404 404 404 404 404", NULL, 0},
	/* ---- end of partnership agreements */
};

/* ---------------------------------------------------------------- state */

struct route_line {
	char *methods, *pattern, *flags, *roles;
};

static struct harness_server *srv;
static struct harness_client *session[NCALLERS]; /* signed in through the form */
static struct harness_client *bearer[NCALLERS];  /* a token each; ANON sends none */
static struct route_line printed[512];            /* what `indgang routes` printed */
static size_t nprinted;
/* the ids that fill the templates: [0] of 621, [1] of 740 */
static long long user_id[2], enterprise_id[2], inquiry_id[2], opening_id[2], citizen_id[2];
static long long placement_id[2], followup_id[2];
static long long product_id[2], image_id[2]; /* the catalogue's: a product with a picture */
/* tenders: a published tender of each municipality, open for bids ({tender}) */
static long long tender_id[2];
static long long event_id[2], signup_id[2], cancelled_id[2], guidance_id[2]; /* events, guidance */
static long long counts_before[5];
static int checks_run;
static size_t next_row; /* the row the next row test walks: they run in the table's order */

/* the local address a caller sends from, so the per-address limits of the public forms count
 * each caller apart */
static const char *caller_ip(enum caller c)
{
	return harness_fmt("127.0.0.%d", 40 + (int)c);
}

/* ---------------------------------------------------------------- setup */

/* the next tab- or newline-ended field of *p, cut off in place; NULL at the end of the text */
static char *field(char **p, char end)
{
	char *s = *p, *e = strchr(s, end);
	if (!e)
		return NULL;
	*e = '\0';
	*p = e + 1;
	return s;
}

/* `indgang routes` into printed[]; NULL, or why not */
static const char *read_routes(void)
{
	char *out = NULL;
	int st = harness_cli(srv, NULL, &out, "routes", NULL);
	if (st != 0 || !out)
		return harness_fmt("'indgang routes' exited with status %d", st);
	char *p = out;
	while (*p) {
		struct route_line l;
		char *line = field(&p, '\n');
		if (!line)
			return "the output of 'indgang routes' does not end with a newline";
		if (!(l.methods = field(&line, '\t')) || !(l.pattern = field(&line, '\t')) ||
		    !(l.flags = field(&line, '\t')) || !*(l.roles = line) || strchr(l.roles, '\t'))
			return harness_fmt("'indgang routes' printed a line without four fields: %s", line);
		if (nprinted == COUNT(printed))
			return "'indgang routes' printed more routes than this test can hold";
		printed[nprinted++] = l;
	}
	return NULL;
}

/* the id member of the first item of list (as the administrator reads it) whose member key is
 * value, or 0 */
static long long find_id(const char *list, const char *key, const char *value)
{
	struct harness_resp *r = harness_get(bearer[ADMIN], list);
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it) {
		const char *v = harness_json_str(it, key);
		if (!value || (v && strcmp(v, value) == 0))
			return (long long)json_integer_value(json_object_get(it, "id"));
	}
	return 0;
}

/* the total of a list as the administrator reads it, or -1 */
static long long total_of(const char *list)
{
	struct harness_resp *r = harness_get(bearer[ADMIN], list);
	json_t *t = r->status == 200 ? json_object_get(harness_json(r), "total") : NULL;
	return json_is_integer(t) ? (long long)json_integer_value(t) : -1;
}

static void count_rows(long long out[5])
{
	out[0] = total_of("/api/v1/kommuner/" OWN "/users?limit=1");
	out[1] = total_of("/api/v1/kommuner/" OTHER "/users?limit=1");
	out[2] = total_of("/api/v1/enterprises?limit=1");
	out[3] = total_of("/api/v1/inquiries?limit=1&status=new");
	out[4] = total_of("/api/v1/openings?limit=1");
}

/* a new opening at enterprise (as the administrator) titled title: its id, or 0 */
static long long add_opening(long long enterprise, const char *title)
{
	struct harness_resp *r = harness_post_json(
		bearer[ADMIN], "/api/v1/openings",
		harness_json_text(json_pack("{s:I, s:s, s:[s], s:[s], s:i, s:i, s:[s], s:b, s:i}",
		                            "enterprise_id", (json_int_t)enterprise, "title", title,
		                            "tasks", "rengoering", "schemes", "fleksjob", "hours_min", 10,
		                            "hours_max", 20, "times", "eftermiddag", "inhouse", 0,
		                            "seats", 2)));
	if (r->status != 201)
		harness_note("POST /api/v1/openings answered %ld: %.300s", r->status, r->body);
	return r->status == 201 ? (long long)json_integer_value(json_object_get(harness_json(r), "id")) : 0;
}

/* tenders: a published tender of kommune (as the administrator), open until 2099: its id, or 0 */
static long long add_tender(const char *kommune)
{
	struct harness_resp *r = harness_post_json(
		bearer[ADMIN], "/api/v1/tenders",
		harness_json_text(json_pack("{s:s, s:s, s:s, s:s, s:[{s:s, s:i}]}", "kommune", kommune,
		                            "title", "Adgangsudbud", "procedure", "offentligt", "deadline",
		                            "2099-01-01T12:00", "criteria", "name", "Pris", "weight", 100)));
	long long id = r->status == 201 ? (long long)json_integer_value(json_object_get(harness_json(r), "id")) : 0;
	if (!id)
		harness_note("POST /api/v1/tenders answered %ld: %.300s", r->status, r->body);
	r = harness_post_json(bearer[ADMIN], harness_fmt("/api/v1/tenders/%lld/publish", id), "{}");
	return r->status == 200 ? id : 0;
}

/* the single number sqlite3 printed for sql on the server's database, or 0 */
/* a literal of the bytes hex in the database's dialect */
static const char *blob(const char *hex)
{
	return harness_server_pg(srv) ? harness_fmt("'\\x%s'", hex) : harness_fmt("x'%s'", hex);
}

static long long sql_id(const char *sql)
{
	char *out = NULL;
	if (harness_sqlite(harness_server_db(srv), sql, &out) != 0 || !out)
		return 0;
	return strtoll(out, NULL, 10);
}

/* a citizen of each municipality (other than the {citizen} ones), placed with a follow-up (the
 * placements' own interfaces are tested elsewhere; here they only give the routes rows to try) */
static const char *seed_placements(void)
{
	/* one statement at a time, each id read back with RETURNING (both dialects) */
	static const char *const kommune[2] = {"621", "740"}, *const name[2] = {"Kaja Koldingprøve",
	                                                                       "Sigurd Silkeborgprøve"};
	static const char *const enterprise[2] = {"SELECT id FROM enterprises WHERE name = 'Soul Café'",
	                                          "SELECT min(id) FROM enterprises WHERE kommune = '740'"};
	static const char *const scheme[2] = {"fleksjob", "praktik"};
	for (int m = 0; m < 2; m++) {
		long long citizen = sql_id(harness_fmt(
			"INSERT INTO citizens (kommune, name, consent_scope, created_at, updated_at, active_at)"
			" VALUES ('%s', '%s', 'enterprise', 't', 't', 't') RETURNING id;", kommune[m], name[m]));
		long long at = sql_id(harness_fmt("%s;", enterprise[m]));
		placement_id[m] = citizen && at ? sql_id(harness_fmt(
			"INSERT INTO placements (citizen_id, kommune, enterprise_id, scheme, start, created_at,"
			" updated_at) VALUES (%lld, '%s', %lld, '%s', '2026-01-05', 't', 't') RETURNING id;",
			citizen, kommune[m], at, scheme[m])) : 0;
		if (!placement_id[m] || !sql_id(harness_fmt("INSERT INTO placement_followups (placement_id,"
		                                            " due) VALUES (%lld, '2026-02-01') RETURNING id;",
		                                            placement_id[m])))
			return "the placements could not be put into the demo database";
		followup_id[m] = sql_id(harness_fmt("SELECT id FROM placement_followups"
		                                    " WHERE placement_id = %lld;", placement_id[m]));
		if (!followup_id[m])
			return "the follow-ups are not in the demo database";
	}
	return NULL;
}

/* a product with a picture for Soul Café (621) and an enterprise of 740, straight into the
 * database (the catalogue's own interfaces are tested in test_catalogue.c) */
static const char *seed_catalogue(void)
{
	static const char *const where[2] = {"name = 'Soul Café'", "kommune = '740' AND closed IS NULL"};
	for (int m = 0; m < 2; m++) {
		long long product = sql_id(harness_fmt(
			"INSERT INTO products (enterprise_id, title, price_ore, created_at, updated_at)"
			" SELECT min(id), 'Adgangsprodukt %d', 10000, 't', 't' FROM enterprises WHERE %s"
			" RETURNING id;", m, where[m]));
		long long image = product ? sql_id(harness_fmt(
			"INSERT INTO product_images (product_id, alt, width, height, created_at)"
			" VALUES (%lld, 'Et billede', 1, 1, 't') RETURNING id;", product)) : 0;
		image_id[m] = image ? sql_id(harness_fmt(
			"INSERT INTO product_image_files (image_id, size, format, width, height, etag, data)"
			" VALUES (%lld, 320, 'jpeg', 1, 1, '\"e\"', %s) RETURNING image_id;", image,
			blob("FFD8FF"))) : 0;
		product_id[m] = image_id[m] ? sql_id(harness_fmt("SELECT product_id FROM product_images"
		                                                 " WHERE id = %lld;", image_id[m]))
		                            : 0;
		if (!product_id[m])
			return "the catalogue's products could not be put into the demo database";
	}
	return NULL;
}

/* events and the guidance library: the demo's staff-only event of each municipality with a
 * sign-up, a cancelled staff-only event of each, and a document with a file of each (Kolding's
 * from the demo) */
static const char *seed_events_guidance(void)
{
	for (int m = 0; m < 2; m++) {
		const char *k = m ? OTHER : OWN;
		event_id[m] = sql_id(harness_fmt("SELECT min(id) FROM events WHERE kommune = '%s'"
		                                 " AND public = 0 AND cancelled_at IS NULL;", k));
		signup_id[m] = sql_id(harness_fmt(
			"INSERT INTO event_signups (event_id, name, email, status, token_hash, created_at)"
			" VALUES (%lld, '%s', 'tilmeldt%d@example.org', 'confirmed', 'x', 't') RETURNING id;",
			event_id[m], m ? OTHER_SIGNUP : "Karla Koldingtilmeldt", m));
		cancelled_id[m] = sql_id(harness_fmt(
			"INSERT INTO events (kommune, title, kind, starts_at, ends_at, place, public, capacity,"
			" sequence, cancelled_at, created_at, updated_at) VALUES ('%s', 'Aflyst prøve', 'andet',"
			" '2099-01-01T10:00', '2099-01-01T11:00', 'Her', 0, 0, 1, 't', 't', 't') RETURNING id;", k));
		guidance_id[m] = m ? sql_id(harness_fmt("INSERT INTO guidance (kommune, title, file_type,"
		                            " filename, file_data, file_size, created_at, updated_at) VALUES ('"
		                            OTHER "', '" OTHER_GUIDANCE "', 'pdf', 'a.pdf', %s, 5, 't', 't')"
		                            " RETURNING id;", blob("255044462D")))
		                   : sql_id("SELECT min(id) FROM guidance WHERE kommune = '" OWN "'"
		                            " AND file_type IS NOT NULL;");
		if (!event_id[m] || !signup_id[m] || !cancelled_id[m] || !guidance_id[m])
			return "the events and guidance documents of the demo were not found";
	}
	return NULL;
}

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECK_OK(seed_placements());
	CHECK_OK(seed_catalogue());
	CHECK_OK(seed_events_guidance());
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	CHECK_OK(read_routes());
	CHECKF(nprinted > 0, "'indgang routes' printed no route");
	session[ANON] = harness_client(srv);
	bearer[ANON] = harness_client(srv);
	for (int c = ADMIN; c < NCALLERS; c++) {
		bearer[c] = harness_bearer(srv, caller_email[c]);
		session[c] = harness_login(srv, caller_email[c], HARNESS_DEMO_PASSWORD);
		CHECKF(bearer[c] && session[c], "no token or session for %s", caller_email[c]);
	}
	for (int c = ANON; c < NCALLERS; c++) {
		harness_client_bind(session[c], caller_ip((enum caller)c));
		harness_client_bind(bearer[c], caller_ip((enum caller)c));
		CHECKF(harness_client_csrf(session[c]), "no csrf token for the %s caller", caller_name[c]);
	}
	user_id[0] = find_id("/api/v1/kommuner/" OWN "/users?limit=100", "email",
	                     "indkoeb@kolding.example");
	user_id[1] = find_id("/api/v1/kommuner/" OTHER "/users?limit=100", "email",
	                     "konsulent@silkeborg.example");
	enterprise_id[0] = find_id("/api/v1/enterprises?kommune=" OWN "&limit=100", "name", "Soul Café");
	enterprise_id[1] = find_id("/api/v1/enterprises?kommune=" OTHER "&limit=1", NULL, NULL);
	CHECKF(user_id[0] && user_id[1] && enterprise_id[0] && enterprise_id[1],
	       "the demo users or enterprises were not found");
	/* an unassigned inquiry of 621, and a new one of 740 */
	struct harness_resp *r = harness_get(bearer[ADMIN], "/api/v1/inquiries?limit=100");
	CHECK_STATUS(r, 200);
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it) {
		const char *k = harness_json_str(it, "kommune");
		if (k && !strcmp(k, OWN) && json_is_null(json_object_get(it, "assignee_id")))
			inquiry_id[0] = (long long)json_integer_value(json_object_get(it, "id"));
	}
	CHECKF(inquiry_id[0], "no unassigned inquiry of " OWN " in the demo data");
	r = harness_post_json(harness_client(srv), "/api/v1/inquiries",
	                      harness_json_text(json_pack("{s:s, s:s, s:s, s:s, s:s}", "kommune", OTHER,
	                                                  "name", OTHER_CONTACT, "email",
	                                                  "adgang@example.org", "topic", "other",
	                                                  "message", "Hvem må se denne henvendelse?")));
	CHECK_STATUS(r, 201);
	inquiry_id[1] = (long long)json_integer_value(json_object_get(harness_json(r), "id"));
	CHECK(inquiry_id[1] > 0);
	r = harness_post_json(bearer[ADMIN], "/api/v1/enterprises",
	                      harness_json_text(json_pack("{s:s, s:s, s:s}", "name", "Adgang ApS",
	                                                  "kommune", OTHER, "cvr", TAKEN_CVR)));
	CHECK_STATUS(r, 201);
	/* a citizen of each municipality (without a CPR number: access is the question here) */
	char *out = NULL;
	for (int m = 0; m < 2; m++) {
		CHECK(harness_sqlite(harness_server_db(srv),
		                     harness_fmt("INSERT INTO citizens (kommune, name, schemes, created_at,"
		                                 " updated_at, active_at) VALUES ('%s', '%s', 2, '2026-01-01',"
		                                 " '2026-01-01', '2026-01-01') RETURNING id;",
		                                 m ? OTHER : OWN, m ? OTHER_CITIZEN : "Borger Kolding"),
		                     &out) == 0);
		citizen_id[m] = atoll(out);
		CHECK(citizen_id[m] > 0);
	}
	opening_id[0] = add_opening(enterprise_id[0], "Kolding Adgangsstilling");
	opening_id[1] = add_opening(enterprise_id[1], OTHER_OPENING);
	CHECKF(opening_id[0] && opening_id[1], "the openings of the test were not made");
	tender_id[0] = add_tender(OWN);
	tender_id[1] = add_tender(OTHER);
	CHECKF(tender_id[0] && tender_id[1], "the tenders of the test were not made");
	count_rows(counts_before);
	for (int k = 0; k < 5; k++)
		CHECK(counts_before[k] >= 0);
}

/* ---------------------------------------------------------------- one route */

/* whether the comma-separated list has the item */
static bool list_has(const char *list, const char *item)
{
	size_t n = strlen(item);
	for (const char *p = list; (p = strstr(p, item)) != NULL; p += n)
		if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return true;
	return false;
}

/* the line of `indgang routes` for method and pattern, or NULL */
static const struct route_line *printed_route(const char *method, const char *pattern)
{
	for (size_t i = 0; i < nprinted; i++)
		if (!strcmp(printed[i].pattern, pattern) && list_has(printed[i].methods, method))
			return &printed[i];
	return NULL;
}

/* the expectation of method and pattern, or NULL */
static const struct expect *expect_for(const char *method, const char *pattern)
{
	for (size_t i = 0; i < COUNT(expects); i++)
		if (!strcmp(expects[i].method, method) && !strcmp(expects[i].pattern, pattern))
			return &expects[i];
	return NULL;
}

/* t with {kommune}, {user}, {enterprise}, {inquiry}, {opening}, {citizen}, {placement},
 * {followup}, {product} and {image} filled in for municipality m (0: 621, 1: 740); owned by the test */
static const char *fill(const char *t, int m)
{
	static const char *const names[] = {"{kommune}", "{user}", "{enterprise}", "{inquiry}",
	                                    "{opening}", "{citizen}", "{placement}", "{followup}",
	                                    "{product}", "{image}", "{tender}",
	                                    /* events and the guidance library */
	                                    "{event}", "{signup}", "{cancelled}", "{guidance}"};
	const char *vals[] = {m ? OTHER : OWN, harness_fmt("%lld", user_id[m]),
	                      harness_fmt("%lld", enterprise_id[m]), harness_fmt("%lld", inquiry_id[m]),
	                      harness_fmt("%lld", opening_id[m]), harness_fmt("%lld", citizen_id[m]),
	                      harness_fmt("%lld", placement_id[m]), harness_fmt("%lld", followup_id[m]),
	                      harness_fmt("%lld", product_id[m]), harness_fmt("%lld", image_id[m]),
	                      harness_fmt("%lld", tender_id[m]),
	                      harness_fmt("%lld", event_id[m]), harness_fmt("%lld", signup_id[m]),
	                      harness_fmt("%lld", cancelled_id[m]), harness_fmt("%lld", guidance_id[m])};
	const char *s = t;
	for (size_t i = 0; i < COUNT(names); i++) {
		const char *at;
		while ((at = strstr(s, names[i])) != NULL)
			s = harness_fmt("%.*s%s%s", (int)(at - s), s, vals[i], at + strlen(names[i]));
	}
	return s;
}

/* the statuses of want: own[c] and other[c] (0 when the route has no municipality); NULL or
 * why the text is malformed */
static const char *parse_want(const char *want, long own[NCALLERS], long other[NCALLERS])
{
	const char *p = want;
	for (int c = 0; c < NCALLERS; c++) {
		char *end;
		own[c] = strtol(p, &end, 10);
		other[c] = 0;
		if (*end == '/')
			other[c] = strtol(end + 1, &end, 10);
		if (own[c] < 100 || own[c] > 599 || (*end != ' ' && *end != '\0') ||
		    (c < NCALLERS - 1) != (*end == ' '))
			return harness_fmt("want \"%s\" is not six statuses", want);
		if ((other[c] != 0) != (other[0] != 0))
			return harness_fmt("want \"%s\" mixes one and two statuses", want);
		p = end + 1;
	}
	return NULL;
}

/* one request of caller c for row e on municipality m: its answer */
static struct harness_resp *try_route(const struct expect *e, const struct route_line *l,
                                      enum caller c, int m)
{
	bool api = list_has(l->flags, "api");
	struct harness_client *cl = api ? bearer[c] : session[c];
	if ((e->flags & FRESH_SESSION) && c != ANON) {
		cl = harness_login(srv, caller_email[c], HARNESS_DEMO_PASSWORD);
		if (!cl)
			return NULL;
		harness_client_bind(cl, caller_ip(c));
	}
	struct harness_req q = {.method = e->method, .path = fill(e->path, m)};
	if (e->body && list_has(l->flags, "form")) {
		const char *body = fill(e->body, m);
		q.type = "application/x-www-form-urlencoded";
		q.body = harness_fmt("%s%s%s", harness_form("csrf", harness_client_csrf(cl), NULL),
		                     *body ? "&" : "", body);
	} else if (e->body) {
		q.type = "application/json";
		q.body = fill(e->body, m);
	}
	return harness_send(cl, &q);
}

/* walks the next row of the table: every caller on both municipalities */
static void row(void)
{
	const struct expect *e = &expects[next_row++];
	const struct route_line *l = printed_route(e->method, e->pattern);
	CHECKF(l, "the row %s %s names a route that no longer exists (not printed by 'indgang routes')",
	       e->method, e->pattern);
	long own[NCALLERS], other[NCALLERS];
	CHECK_OK(parse_want(e->want, own, other));
	const char *first = NULL;
	int wrong = 0;
	for (int c = 0; c < NCALLERS; c++) {
		for (int m = 0; m < 2; m++) {
			long want = m ? other[c] : own[c];
			if (!want)
				continue;
			checks_run++;
			struct harness_resp *r = try_route(e, l, (enum caller)c, m);
			const char *why = NULL;
			if (!r)
				why = "could not sign in";
			else if (r->status != want)
				why = harness_fmt("answered %ld, expected %ld", r->status, want);
			else if (c == ANON && r->status == 303 && !list_has(l->flags, "public") &&
			         strncmp(harness_header(r, "Location") ? harness_header(r, "Location") : "",
			                 "/login?", 7) != 0)
				why = "answered 303, but not to the sign-in form";
			else if (e->hidden && c != ADMIN && r->status >= 200 && r->status < 300 &&
			         strstr(r->body, e->hidden))
				why = harness_fmt("answered %ld showing \"%s\"", r->status, e->hidden);
			if (!why)
				continue;
			why = harness_fmt("%s %s as %s on %s (%s): %s", e->method, fill(e->path, m),
			                  caller_name[c], m ? "another municipality" : "its own municipality",
			                  m ? OTHER : OWN, why);
			harness_note("%s", why);
			if (!first)
				first = why;
			wrong++;
		}
	}
	CHECKF(!wrong, "%s%s", first, wrong > 1 ? harness_fmt(" (and %d more)", wrong - 1) : "");
}

/* ---------------------------------------------------------------- the table against the routes */

static void every_route_has_a_row(void)
{
	const char *first = NULL;
	int missing = 0;
	for (size_t i = 0; i < nprinted; i++) {
		char *methods = harness_fmt("%s", printed[i].methods), *save = NULL;
		for (char *m = strtok_r(methods, ",", &save); m; m = strtok_r(NULL, ",", &save)) {
			if (expect_for(m, printed[i].pattern))
				continue;
			const char *why = harness_fmt("route %s %s has no access expectation in test_routes.c",
			                              m, printed[i].pattern);
			harness_note("%s", why);
			if (!first)
				first = why;
			missing++;
		}
	}
	CHECKF(!missing, "%s%s", first, missing > 1 ? harness_fmt(" (and %d more)", missing - 1) : "");
}

static void every_row_has_a_route(void)
{
	for (size_t i = 0; i < COUNT(expects); i++)
		CHECKF(printed_route(expects[i].method, expects[i].pattern),
		       "the row %s %s names a route that no longer exists", expects[i].method,
		       expects[i].pattern);
	for (size_t i = 0; i < COUNT(expects); i++)
		for (size_t k = i + 1; k < COUNT(expects); k++)
			CHECKF(strcmp(expects[i].method, expects[k].method) ||
			       strcmp(expects[i].pattern, expects[k].pattern),
			       "two rows for %s %s", expects[i].method, expects[i].pattern);
}

static void nothing_changed(void)
{
	long long after[5];
	count_rows(after);
	static const char *const what[] = {"users of " OWN, "users of " OTHER, "enterprises",
	                                   "new inquiries", "openings"};
	for (int k = 0; k < 5; k++)
		CHECKF(after[k] == counts_before[k], "the number of %s went from %lld to %lld", what[k],
		       counts_before[k], after[k]);
	harness_note("%d route x caller x municipality checks", checks_run);
}

static void stop(void)
{
	int st = harness_server_stop(srv);
	CHECKF(st == 0, "indgang serve exited with status %d after SIGTERM", st);
	CHECK_OK(harness_server_log_problem(srv));
}

int main(void)
{
	/* the setup, one test per row of the table, the table against `indgang routes`, the end */
	static struct harness_test tests[COUNT(expects) + 5];
	size_t n = 0;
	tests[n++] = (struct harness_test){"start the server with the demo data, read 'indgang routes'",
	                                   start, HARNESS_FATAL | HARNESS_KEEP};
	for (size_t i = 0; i < COUNT(expects); i++) {
		char *name = NULL;
		if (asprintf(&name, "%s %s answers every caller on its own and another municipality as "
		                    "expected", expects[i].method, expects[i].pattern) < 0)
			return 1;
		tests[n++] = (struct harness_test){name, row, 0};
	}
	tests[n++] = (struct harness_test){"every route of 'indgang routes' has a row in the table",
	                                   every_route_has_a_row, 0};
	tests[n++] = (struct harness_test){"every row of the table names a route, once",
	                                   every_row_has_a_route, 0};
	tests[n++] = (struct harness_test){"no request changed the users, enterprises, inquiries or openings",
	                                   nothing_changed, 0};
	tests[n++] = (struct harness_test){"the server stops on SIGTERM with status 0 and a clean log",
	                                   stop, 0};
	int st = harness_main(tests, n);
	for (size_t i = 1; i <= COUNT(expects); i++)
		free((char *)tests[i].name);
	return st;
}
