/*
 * cmd_demo_outreach.c — the outreach part of `indgang demo`: Kolding's contacts with a few of its
 * enterprises (visits, calls, a meeting and a mail, one with a follow-up due in a few days),
 * Kolding's attraction of BOAS (the report's 4.1.3: BOAS specialister opened a branch in
 * Kolding — a lead from outside the municipality moved through its stages to established and
 * linked to BOAS's entry in the registry), spin-off and local leads in Silkeborg and Jammerbugt
 * at various stages, and a support plan for one of Kolding's young enterprises with part of its
 * business plan in place and milestones. Everything goes through the outreach domain, so the
 * rules and the audit hold as for any other data. Nothing is loaded when leads already exist.
 * Layer: cmd.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../outreach/contacts.h"
#include "../outreach/leads.h"
#include "../outreach/support.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "cmd.h"

/* the account email as the principal the domain functions act for */
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

/* today moved by days, YYYY-MM-DD in a */
static const char *day_from_today(struct arena *a, int days)
{
	time_t t = time(NULL) + (time_t)days * 86400;
	struct tm tm;
	localtime_r(&t, &tm);
	char out[11];
	strftime(out, sizeof(out), "%Y-%m-%d", &tm);
	return arena_strdup(a, out);
}

static int find(struct db *db, const char *name, const char *kommune, int64_t *id)
{
	int rc = registry_find(db, NULL, name, kommune, id);
	if (rc)
		fprintf(stderr, "indgang demo: no enterprise %s in %s\n", name, kommune);
	return rc;
}

struct demo_contact {
	const char *enterprise, *kommune;
	int days_ago;
	const char *kind, *topic, *participants, *notes;
	int follow_up_in; /* days from today, 0 none */
};

static const struct demo_contact contacts[] = {
	{"Soul Café", "621", 30, "besoeg", "Besøg i caféen: pladser til fleksjob og praktik",
	 "Caféens leder og en jobkonsulent", "Caféen kan tage to i fleksjob fra foråret, hvis "
	 "køkkenet får en fast makker til dem. Vi aftalte at vende tilbage med kandidater.", 3},
	{"Slotssøbadet", "621", 14, "telefon", "Opfølgning på ressourceforløb", "",
	 "Forløbet går godt; badet vil gerne tage én mere.", 0},
	{"BeeLiving", "621", 7, "moede", "Møde om forretningsplan og budget", "Erhvervskonsulent fra "
	 "erhvervshuset", "Budgettet hænger sammen for de næste to år; markedet for honning i "
	 "kommunens kantiner skal undersøges.", 21},
	{"Legehytten", "621", 3, "mail", "Invitation til netværksmøde for nye virksomheder", "", "", 0},
	{"BOAS specialister ApS", "740", 60, "besoeg", "Besøg i den nye afdeling i Kolding",
	 "BOAS' daglige leder", "Afdelingen er i gang med seks medarbejdere; to kommer fra Kolding.", 0},
};

static int load_contacts(struct db *db, struct arena *a, const struct principal *by,
                         const char *today)
{
	for (size_t i = 0; i < sizeof(contacts) / sizeof(contacts[0]); i++) {
		const struct demo_contact *d = &contacts[i];
		struct outreach_contact c = {.date = day_from_today(a, -d->days_ago), .kind = d->kind,
		                             .topic = d->topic, .participants = d->participants,
		                             .notes = d->notes,
		                             .follow_up = d->follow_up_in ? day_from_today(a, d->follow_up_in) : NULL};
		struct errs errs = {0};
		int rc = find(db, d->enterprise, d->kommune, &c.enterprise_id);
		if (rc == 0)
			rc = contacts_create(db, a, by, &c, today, &errs);
		if (rc) {
			fprintf(stderr, "indgang demo: the contact with %s: %s %s\n", d->enterprise, err_str(rc),
			        errs.n ? errs.e[0].message : "");
			return rc;
		}
	}
	return 0;
}

struct demo_step {
	const char *stage, *date;
};

struct demo_lead {
	const char *kommune, *title, *origin, *behind, *description, *next_step;
	struct demo_step steps[4]; /* the first is the stage it was created in */
	const char *link_name, *link_kommune; /* the registry entry etableret links to */
};

static const struct demo_lead leads[] = {
	{"621", "BOAS specialister åbner afdeling i Kolding", "existing_outside",
	 "BOAS specialister ApS, Silkeborg", "Kolding tiltrækker en eksisterende socialøkonomisk "
	 "virksomhed udefra (rapportens afsnit 4.1.3): BOAS åbner en afdeling i Kolding.", "",
	 {{"ide", "2013-03-01"}, {"dialog", "2013-05-15"}, {"forberedelse", "2013-09-01"},
	  {"etableret", "2013-12-22"}}, "BOAS specialister ApS", "740"},
	{"621", "Kantine som afknopning fra kommunens køkkener", "kommune_spinoff", "Kolding Kommunes "
	 "madservice", "Kantinen i rådhuset kan drives af en socialøkonomisk virksomhed med "
	 "medarbejdere i fleksjob.", "Møde med madservice om økonomien",
	 {{"ide", "2026-01-05"}, {"dialog", "2026-02-02"}}, NULL, NULL},
	{"621", "Lokalrådets idé: genbrugsbutik i Vamdrup", "local_idea", "Vamdrup Lokalråd", "", "",
	 {{"ide", "2026-03-01"}}, NULL, NULL},
	{"740", "Værksted som afknopning fra en lokal metalvirksomhed", "company_spinoff",
	 "En metalvirksomhed i Silkeborg", "Virksomheden vil lade en social virksomhed overtage "
	 "montage af mindre dele med medarbejdere på kanten af arbejdsmarkedet.",
	 "Forretningsplan gennemgås med erhvervshuset",
	 {{"ide", "2025-10-01"}, {"dialog", "2025-11-10"}, {"forberedelse", "2026-01-20"}}, NULL, NULL},
	{"740", "Café drevet af frivillige i Them", "local_idea", "Ildsjæle i Them", "", "",
	 {{"ide", "2026-02-15"}, {"opgivet", "2026-04-01"}}, NULL, NULL},
	{"849", "Fra bootcampen: naturpleje langs kysten", "local_idea", "Deltagere i kommunens "
	 "bootcamp for sociale iværksættere", "En af de seks virksomheder, hvis forretningspotentiale "
	 "kommunen analyserede (afsnit 4.2.2).", "Afklare aftale med jobcentret",
	 {{"ide", "2025-09-01"}, {"dialog", "2025-10-15"}}, NULL, NULL},
	{"849", "Cykelværksted som afknopning fra en lokal forhandler", "company_spinoff",
	 "En cykelforhandler i Aabybro", "", "", {{"ide", "2026-01-10"}}, NULL, NULL},
};

static int load_lead(struct db *db, struct arena *a, const struct principal *by,
                     const struct demo_lead *d, const char *today)
{
	struct lead_change ch = {.title = d->title, .origin = d->origin, .behind = d->behind,
	                         .description = d->description, .next_step = d->next_step,
	                         .stage = d->steps[0].stage, .stage_date = d->steps[0].date};
	struct outreach_lead l;
	struct errs errs = {0};
	int rc = leads_create(db, a, by, d->kommune, &ch, today, &errs, &l);
	for (int i = 1; rc == 0 && i < 4 && d->steps[i].stage; i++) {
		struct lead_change mv = {.stage = d->steps[i].stage, .stage_date = d->steps[i].date};
		if (!strcmp(mv.stage, "etableret") && d->link_name) {
			mv.has_enterprise = true;
			rc = find(db, d->link_name, d->link_kommune, &mv.enterprise_id);
		}
		if (rc == 0)
			rc = leads_update(db, a, by, l.id, &mv, today, &errs, &l);
	}
	if (rc)
		fprintf(stderr, "indgang demo: the lead %s: %s %s\n", d->title, err_str(rc),
		        errs.n ? errs.e[0].message : "");
	return rc;
}

static int load_plan(struct db *db, struct arena *a, const struct principal *by)
{
	int64_t id;
	int rc = find(db, "Allehånde", "621", &id);
	if (rc)
		return rc;
	struct plan_item items[SUPPORT_ITEMS];
	static const char *const notes[SUPPORT_ITEMS] = {
		"Beskæftigelse af borgere på kanten af arbejdsmarkedet", "Catering og små arrangementer",
		"Står i vedtægterne", "", "Mangler: registreres inden første faktura",
		"Budget for to år gennemgået med erhvervshuset", "", "Ressourceforløb og fleksjob",
		"", "Dialog med 3F om overenskomst for køkkenmedarbejdere"};
	static const bool done[SUPPORT_ITEMS] = {true, true, true, true, false, true, false, true,
	                                         false, false};
	for (int i = 0; i < SUPPORT_ITEMS; i++)
		items[i] = (struct plan_item){.done = done[i], .note = notes[i]};
	struct errs errs = {0};
	rc = support_plan_save_items(db, a, by, id, items, &errs);
	static const struct {
		const char *title;
		int in_days;
		bool done;
	} ms[] = {
		{"Forretningsplan gennemgået", -20, true},
		{"CVR-nummer registreret", 10, false},
		{"Aftale med jobcentret om to fleksjob", 30, false},
		{"Første kvartalsregnskab", 90, false},
	};
	for (size_t i = 0; rc == 0 && i < sizeof(ms) / sizeof(ms[0]); i++) {
		int64_t mid;
		rc = support_milestone_add(db, a, by, id, ms[i].title, day_from_today(a, ms[i].in_days), 0,
		                           &errs, &mid);
		if (rc == 0 && ms[i].done)
			rc = support_milestone_set_done(db, a, by, id, mid, true);
	}
	if (rc)
		fprintf(stderr, "indgang demo: the support plan: %s\n", err_str(rc));
	return rc;
}

int demo_outreach(struct db *db, struct arena *a)
{
	struct principal kolding, silkeborg, admin;
	int rc = principal_of(db, a, "konsulent@kolding.example", &kolding);
	if (rc == 0)
		rc = principal_of(db, a, "konsulent@silkeborg.example", &silkeborg);
	if (rc == 0)
		rc = principal_of(db, a, "admin@indgang.example", &admin);
	if (rc) {
		fprintf(stderr, "indgang demo: the demo users of the outreach data are missing\n");
		return rc;
	}
	struct outreach_lead *items;
	int n, total;
	struct leads_query q = {.limit = 1};
	rc = leads_list(db, a, &admin, &q, &items, &n, &total);
	if (rc || total > 0)
		return rc;
	char today[11];
	text_today(today);
	rc = load_contacts(db, a, &kolding, today);
	for (size_t i = 0; rc == 0 && i < sizeof(leads) / sizeof(leads[0]); i++) {
		const struct principal *by = !strcmp(leads[i].kommune, "621")   ? &kolding
		                             : !strcmp(leads[i].kommune, "740") ? &silkeborg
		                                                                : &admin;
		rc = load_lead(db, a, by, &leads[i], today);
	}
	if (rc == 0)
		rc = load_plan(db, a, &kolding);
	return rc;
}
