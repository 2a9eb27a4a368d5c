/*
 * cmd_demo_strategies.c — the strategies part of `indgang demo`, from chapter 4 of the 2015
 * report: Silkeborg's strategy for social-economy enterprises to 2020 with its success
 * criteria (4.4: 20 new registered SØV, 20 companies that have used the Inhouse model, 150
 * positions for vulnerable citizens), Kolding's revised strategy with its aim of attracting at
 * least ten social-economy enterprises by the end of 2015 (4.1), and Slagelse's business case,
 * measured in jobs (4.3: "Vi har indtil nu skabt 28 fleksjob"). The goals' values are counted
 * live from the rest of the demo data. Dates of adoption and Slagelse's target are invented.
 * Everything goes through the domain functions (rules, audit). Layer: cmd.
 */
#include <stdio.h>
#include <string.h>

#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../collab/strategies.h"
#include "../store/db.h"
#include "cmd.h"

/* the user with e-mail email as the principal the domain functions act for */
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

static int report(const char *what, int rc, const struct errs *e)
{
	if (rc)
		fprintf(stderr, "indgang demo: %s: %s%s%s\n", what, err_str(rc), e && e->n ? ": " : "",
		        e && e->n ? e->e[0].message : "");
	return rc;
}

struct demo_goal {
	const char *title;
	enum goal_metric metric;
	const char *baseline, *deadline;
	int64_t target;
};

struct demo_strategy {
	const char *email; /* who keeps it */
	struct strategy s;
	struct demo_goal goals[4];
	int ngoals;
};

static const struct demo_strategy demo[] = {
	{"konsulent@silkeborg.example",
	 {.kommune = "740", .title = "Strategi for socialøkonomiske virksomheder 2020",
	  .adopted_by = "Byrådet", .adopted_on = "2015-06-22", .period_start = "2015-01-01",
	  .period_end = "2020-12-31", .link = "", .public = true},
	 {{"20 nye registrerede socialøkonomiske virksomheder, heraf afknopning af offentlige"
	   " aktiviteter", GOAL_NEW_RSV_REGISTERED, "2015-01-01", "2020-12-31", 20},
	  {"20 virksomheder har anvendt Inhouse-modellen", GOAL_INHOUSE_COMPANIES, "2015-01-01",
	   "2020-12-31", 20},
	  {"150 stillinger til udsatte borgere i Silkeborg Kommune", GOAL_POSITIONS, "2015-01-01",
	   "2020-12-31", 150}},
	 3},
	{"konsulent@kolding.example",
	 {.kommune = "621", .title = "Strategi for socialøkonomi: en strategisk dagsorden for hele"
	  " kommunen", .adopted_by = "Byrådet", .adopted_on = "2014-12-15",
	  .period_start = "2015-01-01", .period_end = "2015-12-31", .link = "", .public = true},
	 {{"Tiltrække mindst ti socialøkonomiske virksomheder inden udgangen af 2015",
	   GOAL_ATTRACTED, "2015-01-01", "2015-12-31", 10},
	  {"Socialøkonomiske virksomheder på vej", GOAL_PIPELINE, "2015-01-01", "2015-12-31", 13}},
	 2},
	{"konsulent@slagelse.example",
	 {.kommune = "330", .title = "Business case om socialøkonomiske virksomheder",
	  .adopted_by = "Jobcentret (en af tre investeringsstrategier)", .adopted_on = NULL,
	  .period_start = "2015-01-01", .period_end = "2016-12-31", .link = "", .public = false},
	 {{"Job til ledige med nedsat arbejdsevne: fleksjob i og via de socialøkonomiske"
	   " virksomheder", GOAL_FLEKSJOB, "2015-01-01", "2016-12-31", 40},
	  {"Rådgivningssamtaler med socialøkonomiske initiativer", GOAL_ADVISORY_SESSIONS,
	   "2015-01-01", "2016-12-31", 100}},
	 2},
};

int demo_strategies(struct db *db, struct arena *a)
{
	struct principal admin;
	int rc = principal_of(db, a, "admin@indgang.example", &admin);
	if (rc)
		return report("no admin@indgang.example", rc, NULL);
	struct strategy *items;
	int n, total;
	if ((rc = strategies_list(db, a, &admin, NULL, STRATEGIES_BY_KOMMUNE, 1, 0, &items, &n, &total)) != 0)
		return report("strategies", rc, NULL);
	if (total > 0)
		return 0;
	for (size_t i = 0; i < sizeof demo / sizeof demo[0]; i++) {
		struct principal by;
		if ((rc = principal_of(db, a, demo[i].email, &by)) != 0)
			return report(demo[i].email, rc, NULL);
		struct strategy s = demo[i].s;
		struct errs e = {0};
		if ((rc = strategies_save(db, a, &by, &s, &e)) != 0)
			return report(demo[i].s.title, rc, &e);
		for (int k = 0; k < demo[i].ngoals; k++) {
			const struct demo_goal *d = &demo[i].goals[k];
			struct goal g = {.strategy_id = s.id, .title = d->title, .metric = d->metric,
			                 .baseline_date = d->baseline, .deadline = d->deadline,
			                 .target = d->target};
			if ((rc = goals_save(db, a, &by, &g, &e)) != 0)
				return report(d->title, rc, &e);
		}
	}
	return 0;
}
