/*
 * cmd_demo_partnerships.c — the partnership part of `indgang demo`: Jammerbugt Kommune's
 * partnership agreement with six social-economy enterprises, launched in May 2015 (the
 * report, 4.2.1-4.2.2): the seven parties with their roles as the report writes them, the
 * follow-up group chaired by the mayor, and an action plan with one item done, one open and one
 * overdue. The demo has no user of Jammerbugt (849), so the national administrator keeps the
 * agreement for the municipality. The agreement is public, as the report made it. Everything
 * goes through the domain functions (rules, audit). Layer: cmd.
 */
#include <stdio.h>
#include <string.h>

#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../collab/partnerships.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "cmd.h"

static int report(const char *what, int rc, const struct errs *e)
{
	if (rc)
		fprintf(stderr, "indgang demo: %s: %s%s%s\n", what, err_str(rc), e && e->n ? ": " : "",
		        e && e->n ? e->e[0].message : "");
	return rc;
}

/* the report's words for the parties' roles (4.2.2) */
#define KOMMUNE_ROLE                                                                        \
	"Facilitator for partnerskabet; bistår med sparring og vejledning ift. drift og opstart af" \
	" socialøkonomiske virksomheder; ansvarlig for partnerskabets handleplan; ansvarlig for"    \
	" kortlægning, der skal vise det socialøkonomiske udviklingspotentiale i Jammerbugt."
#define ENTERPRISE_ROLE                                                                     \
	"Stiller deres viden og erfaringer til rådighed; byder ind med nye initiativer og"         \
	" perspektiver på beskæftigelse af udsatte borgere; bidrager med deres særlige kendskab til" \
	" nøglepersoner og ildsjæle i nærområdet."

int demo_partnerships(struct db *db, struct arena *a)
{
	struct partnerships_query q = {.day = "2015-06-01", .limit = 1};
	struct partnership *existing;
	int nexisting, total;
	struct principal admin;
	struct user_row u;
	int rc = users_by_email(db, a, &users_cli, "admin@indgang.example", &u);
	if (rc)
		return report("no admin@indgang.example", rc, NULL);
	admin = (struct principal){.id = u.id, .email = u.email, .name = u.name};
	if ((rc = role_parse(u.role, &admin.role)) != 0)
		return report("the administrator's role", rc, NULL);
	if ((rc = partnerships_list(db, a, &admin, &q, &existing, &nexisting, &total)) != 0)
		return report("the agreements", rc, NULL);
	if (total > 0)
		return 0;
	/* the parties in the report's order; a name missing from the registry becomes another
	 * organisation of that name */
	static const struct {
		const char *registry_name, *report_name;
	} enterprises[] = {
		{"Råd & Dåd S.M.B.A.", "Råd og Dåd S.M.B.A"},
		{"Skovsgaard Hotel", "Skovsgaard Hotel"},
		{"Hjortdal Købmandshandel A.M.B.A.", "Hjortdal Købmandshandel A.M.B.A"},
		{"Fonden NordVirk", "Fonden Nordvirk"},
		{"Re-cykel ApS", "Re-cykel ApS"},
		{"Stiftelsen Købmandsgården", "Stiftelsen Købmandsgaarden"},
	};
	enum { NE = sizeof(enterprises) / sizeof(enterprises[0]) };
	struct partnership_party parties[NE + 1];
	memset(parties, 0, sizeof(parties));
	parties[0] = (struct partnership_party){.kind = PARTNERSHIPS_PARTY_KOMMUNE, .role = KOMMUNE_ROLE};
	for (int i = 0; i < NE; i++) {
		struct partnership_party *p = &parties[i + 1];
		p->role = ENTERPRISE_ROLE;
		if (registry_find(db, NULL, enterprises[i].registry_name, "849", &p->enterprise_id) != 0)
			p->name = enterprises[i].report_name;
	}
	struct errs e = {0};
	struct partnership p = {
		.kommune = "849", .kind = PARTNERSHIPS_KIND_PARTNERSHIP,
		.title = "Socialøkonomiske partnerskaber i Jammerbugt",
		.purpose = "At styrke sammenhængskraften mellem den socialøkonomiske virksomhedsform og"
		           " Jammerbugt Kommunes interesser inden for fx beskæftigelses- og socialområdet"
		           " samt inden for erhverv-, turisme- og landdistriktsudvikling. Målet er flere"
		           " sociale iværksættere og en styrkelse af kommunens eksisterende"
		           " socialøkonomiske virksomheder. Aftalen er formuleret som en hensigtserklæring"
		           " med en handleplan.",
		.starts_on = "2015-05-01", .ends_on = "", .is_public = true,
	};
	if ((rc = partnerships_create(db, a, &admin, &p, parties, NE + 1, "2015-05-01", &e)) != 0)
		return report("Jammerbugt's partnership agreement", rc, &e);
	static const struct {
		const char *name, *organisation;
		bool chair;
	} group[] = {
		{"Mogens Gade", "Borgmester, Jammerbugt Kommune", true},
		{"Jannie Knudsen", "Arbejdsmarkedschef, Jammerbugt Kommune", false},
		{"Peter Mortensen", "Projektleder for socialøkonomi, Jammerbugt Kommune", false},
	};
	for (size_t i = 0; i < sizeof(group) / sizeof(group[0]); i++) {
		struct partnership_member m = {.name = group[i].name, .organisation = group[i].organisation,
		                               .email = "", .chair = group[i].chair};
		if ((rc = partnerships_member_add(db, a, &admin, p.id, &m, &e)) != 0)
			return report(group[i].name, rc, &e);
	}
	/* the party ids: the municipality first, then the enterprises in order */
	struct partnership_party *ps;
	int np;
	if ((rc = partnerships_parties(db, a, &admin, p.id, &ps, &np)) != 0 || np < 3)
		return report("the parties", rc ? rc : ERR_DB, NULL);
	char today[11];
	text_today(today);
	long long year = 2026;
	text_parse_int(arena_printf(a, "%.4s", today), 2000, 2200, &year);
	const char *next_year = arena_printf(a, "%lld-06-30", year + 1);
	struct {
		const char *title, *due, *status, *note;
		int party;
		const char *done_at;
	} items[] = {
		{"Analyse af de seks virksomheders forretningspotentiale", "2015-09-30", PARTNERSHIPS_DONE,
		 "Handleplanens første del; fulgt op af en bootcamp om forretningsudvikling.", 0, "2015-09-15"},
		{"Kortlægning af det socialøkonomiske udviklingspotentiale i Jammerbugt", "2016-03-31",
		 PARTNERSHIPS_OPEN, "", 0, NULL},
		{"Nye initiativer til beskæftigelse af udsatte borgere på hotellet", next_year,
		 PARTNERSHIPS_OPEN, "Demodata: et eksempel på et punkt med en virksomhed som ansvarlig.", 2, NULL},
	};
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		struct partnership_action x = {.title = items[i].title, .due = items[i].due,
		                               .status = items[i].status, .note = items[i].note,
		                               .owner_party = ps[items[i].party].id, .done_at = items[i].done_at};
		if ((rc = partnerships_action_add(db, a, &admin, p.id, &x, &e)) != 0)
			return report(items[i].title, rc, &e);
	}
	return 0;
}
