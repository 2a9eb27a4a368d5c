/*
 * cmd_demo_events.c — the events and guidance part of `indgang demo`: Kolding's social
 * entrepreneur day (public, 40 places, full with a waiting list), a seminar across departments
 * for the staff (4.1.1 of the 2015 report), an award ceremony, a staff meeting in Silkeborg,
 * and guidance documents: a cooperation agreement template and a national overview as links,
 * and an overview of the employment schemes as a small Excel workbook made here. The events lie in the weeks after the day the demo is loaded, so
 * that people can still sign up. Everything goes through the domain functions, so the rules,
 * the mails and the audit hold as for any other data. Layer: cmd.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/buf.h"
#include "../outreach/events.h"
#include "../outreach/guidance.h"
#include "../view/xlsx.h"
#include "../store/db.h"
#include "cmd.h"

/* the user with email as the principal the domain functions act for */
static int principal_of(struct db *db, struct arena *a, const char *email, struct principal *p)
{
	struct user_row u;
	int rc = users_by_email(db, a, &users_cli, email, &u);
	if (rc)
		return rc;
	*p = (struct principal){.id = u.id, .email = u.email, .name = u.name,
	                        .kommune = u.kommune, .kommune_navn = u.kommune_navn};
	return role_parse(u.role, &p->role);
}

/* "YYYY-MM-DDTHH:MM" days from today at time hm ("09:00"), in a */
static const char *in_days(struct arena *a, int days, const char *hm)
{
	time_t t = time(NULL) + (time_t)days * 24 * 3600;
	struct tm tm;
	gmtime_r(&t, &tm);
	char day[11];
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	return arena_printf(a, "%sT%s", day, hm);
}

static int add_event(struct db *db, struct arena *a, const struct principal *by, struct event *ev)
{
	struct errs errs = {0};
	int rc = events_save(db, a, by, ev, &errs);
	if (rc)
		fprintf(stderr, "indgang demo: event \"%s\": %s%s%s\n", ev->title, err_str(rc),
		        errs.n ? ": " : "", errs.n ? errs.e[0].message : "");
	return rc;
}

static const char *const first_names[] = {
	"Anne", "Bo", "Camilla", "Dennis", "Eva", "Frederik", "Gitte", "Henrik", "Ida", "Jens",
	"Karen", "Lars", "Mette", "Niels", "Ole", "Pia", "Rasmus", "Sofie", "Torben", "Ulla",
	"Vibeke", "William", "Yvonne", "Åse",
};

/* n invented sign-ups to event id */
static int sign_up(struct db *db, struct arena *a, int64_t id, int n, const char *tag)
{
	int count = (int)(sizeof(first_names) / sizeof(first_names[0]));
	for (int i = 0; i < n; i++) {
		struct errs errs = {0};
		struct event_signup s;
		const char *name = arena_printf(a, "%s Demodeltager %d", first_names[i % count], i + 1);
		const char *email = arena_printf(a, "deltager%d.%s@example.org", i + 1, tag);
		int rc = events_signup(db, a, NULL, id, name, email, &errs, &s);
		if (rc) {
			fprintf(stderr, "indgang demo: sign-up %d: %s\n", i + 1, err_str(rc));
			return rc;
		}
	}
	return 0;
}

static int demo_event_list(struct db *db, struct arena *a)
{
	struct principal kolding, silkeborg, admin;
	int rc = principal_of(db, a, "konsulent@kolding.example", &kolding);
	if (rc == 0)
		rc = principal_of(db, a, "konsulent@silkeborg.example", &silkeborg);
	if (rc == 0)
		rc = principal_of(db, a, "admin@indgang.example", &admin);
	if (rc)
		return rc;
	struct event day = {
		.kommune = "621",
		.title = "Social iværksætterdag 2015",
		.description = "En dag for alle, der vil starte eller udvikle en socialøkonomisk "
		               "virksomhed i Kolding: oplæg fra virksomheder, der er kommet godt i gang, "
		               "rådgivning om forretningsplan og samarbejde med jobcentret, og netværk.",
		.kind = "ivaerksaetterdag",
		.starts_at = in_days(a, 21, "09:00"),
		.ends_at = in_days(a, 21, "15:30"),
		.place = "Kolding Rådhus, Akseltorv 1, 6000 Kolding",
		.public = true,
		.capacity = 40,
	};
	struct event seminar = {
		.kommune = "621",
		.title = "Socialøkonomi på tværs af forvaltningerne",
		.description = "Seminar for medarbejdere fra beskæftigelse, social, erhverv og indkøb: "
		               "hvordan arbejder vi sammen med de socialøkonomiske virksomheder?",
		.kind = "seminar",
		.starts_at = in_days(a, 14, "13:00"),
		.ends_at = in_days(a, 14, "16:00"),
		.place = "Kolding Rådhus, mødelokale 3",
		.public = false,
		.capacity = 30,
	};
	struct event award = {
		.kommune = "621",
		.title = "Prisuddeling: Årets socialøkonomiske virksomhed",
		.description = "Kommunen uddeler prisen til en virksomhed, der har skabt job og "
		               "fællesskab for borgere på kanten af arbejdsmarkedet.",
		.kind = "prisuddeling",
		.starts_at = in_days(a, 35, "16:00"),
		.ends_at = in_days(a, 35, "18:00"),
		.place = "Godset, Jernbanegade 16, 6000 Kolding",
		.public = true,
		.capacity = 0,
	};
	struct event meeting = {
		.kommune = "740",
		.title = "Netværksmøde for jobkonsulenter",
		.kind = "seminar",
		.starts_at = in_days(a, 10, "09:00"),
		.ends_at = in_days(a, 10, "11:00"),
		.place = "Jobcenter Silkeborg",
		.public = false,
	};
	struct event course = {
		.kommune = NULL,
		.title = "Kursus: Sociale klausuler i udbud",
		.description = "Landsdækkende kursus for kommunernes medarbejdere.",
		.kind = "kursus",
		.starts_at = in_days(a, 28, "10:00"),
		.ends_at = in_days(a, 28, "15:00"),
		.place = "Online",
		.public = false,
	};
	rc = add_event(db, a, &kolding, &day);
	if (rc == 0)
		rc = add_event(db, a, &kolding, &seminar);
	if (rc == 0)
		rc = add_event(db, a, &kolding, &award);
	if (rc == 0)
		rc = add_event(db, a, &silkeborg, &meeting);
	if (rc == 0)
		rc = add_event(db, a, &admin, &course);
	/* 43 for 40 places: three on the waiting list */
	if (rc == 0)
		rc = sign_up(db, a, day.id, 43, "dag");
	if (rc == 0)
		rc = sign_up(db, a, award.id, 12, "pris");
	return rc;
}

/* the overview of the employment schemes as an XLSX workbook into out */
static int schemes_workbook(struct buf *out)
{
	static const char *const rows[][3] = {
		{"Ordning", "Hvem", "Hvad virksomheden får"},
		{"Fleksjob", "Borgere med varigt nedsat arbejdsevne", "Løntilskud efter arbejdsevnen"},
		{"Løntilskud", "Ledige og sygemeldte", "Tilskud til lønnen i en periode"},
		{"Virksomhedspraktik", "Ledige, der skal afklares eller opkvalificeres", "Ingen løn; en mentor kan bevilges"},
		{"Job med løntilskud for førtidspensionister", "Førtidspensionister", "Tilskud til lønnen"},
		{"Mentor", "Borgere, der har brug for støtte på arbejdspladsen", "Betaling for mentorens timer"},
	};
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	lxw_worksheet *ws = workbook_add_worksheet(x.wb, "Ordninger");
	for (int i = 0; ws && i < (int)(sizeof(rows) / sizeof(rows[0])); i++)
		for (int k = 0; k < 3; k++)
			worksheet_write_string(ws, (lxw_row_t)i, (lxw_col_t)k, rows[i][k], NULL);
	return xlsx_close(&x, out, ws == NULL);
}

static int add_doc(struct db *db, struct arena *a, const struct principal *by, struct guidance_doc *d)
{
	struct errs errs = {0};
	int rc = guidance_save(db, a, by, d, &errs);
	if (rc)
		fprintf(stderr, "indgang demo: guidance \"%s\": %s%s%s\n", d->title, err_str(rc),
		        errs.n ? ": " : "", errs.n ? errs.e[0].message : "");
	return rc;
}

static int demo_guidance(struct db *db, struct arena *a)
{
	struct principal kolding, admin;
	int rc = principal_of(db, a, "konsulent@kolding.example", &kolding);
	if (rc == 0)
		rc = principal_of(db, a, "admin@indgang.example", &admin);
	if (rc)
		return rc;
	struct guidance_doc agreement = {
		.kommune = "621",
		.title = "Skabelon: samarbejdsaftale med en socialøkonomisk virksomhed",
		.summary = "En skabelon til aftaler mellem jobcentret og en socialøkonomisk virksomhed om "
		           "praktikpladser, fleksjob og mentorstøtte, med roller, opfølgning og økonomi.",
		.tags = "skabelon samarbejdsaftale jobcenter fleksjob",
		.url = "https://www.kolding.dk/socialoekonomi/samarbejdsaftale",
		.review_date = "2027-06-30",
	};
	struct buf book;
	buf_init(&book, 1024 * 1024);
	rc = schemes_workbook(&book);
	struct guidance_doc schemes = {
		.kommune = "621",
		.title = "Overblik over beskæftigelsesordningerne",
		.summary = "Fleksjob, løntilskud, virksomhedspraktik og mentor: hvem ordningerne er for, "
		           "og hvad virksomheden får. Til brug i samtaler med virksomhederne.",
		.tags = "beskæftigelse ordninger fleksjob løntilskud praktik mentor",
		.filename = "ordninger.xlsx",
		.data = (const unsigned char *)book.data,
		.size = book.len,
		.review_date = "2026-01-31",
	};
	struct guidance_doc national = {
		.kommune = NULL,
		.title = "Vejledning om sociale klausuler i udbud",
		.summary = "Landsdækkende vejledning om, hvordan kommunerne kan bruge sociale klausuler, "
		           "når de køber ind hos socialøkonomiske virksomheder.",
		.tags = "udbud indkøb klausuler",
		.url = "https://www.kfst.dk/",
		.review_date = "2027-12-31",
	};
	if (rc == 0)
		rc = add_doc(db, a, &kolding, &agreement);
	if (rc == 0)
		rc = add_doc(db, a, &kolding, &schemes);
	if (rc == 0)
		rc = add_doc(db, a, &admin, &national);
	buf_free(&book);
	return rc;
}

int demo_events(struct db *db, struct arena *a)
{
	struct principal admin;
	int rc = principal_of(db, a, "admin@indgang.example", &admin);
	if (rc)
		return rc;
	struct events_query q = {.past = true, .limit = 1};
	struct event *items;
	int n, total;
	rc = events_list(db, a, &admin, &q, &items, &n, &total);
	if (rc)
		return rc;
	if (total > 0)
		return 0; /* loaded before */
	rc = demo_event_list(db, a);
	if (rc == 0)
		rc = demo_guidance(db, a);
	if (rc == 0)
		printf("Events: Kolding's social entrepreneur day (40 places, 3 on the waiting list), a "
		       "staff seminar, an award ceremony; a staff meeting in Silkeborg; a national course; "
		       "3 guidance documents\n");
	return rc;
}
