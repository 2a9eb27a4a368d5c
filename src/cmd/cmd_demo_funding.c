/*
 * cmd_demo_funding.c — the funding part of `indgang demo`: the 2015 grant pool of the report's
 * Forord (7 mio. kr. for 17 municipalities, at most 500,000 kr. each, four national network
 * meetings), linked to the pool's national network that demo_networks makes (found by its
 * name) and to the 2015 survey's rounds, with applications and grants for Kolding, Silkeborg
 * and Slagelse and one payment; and a handful of invented, generic funding sources (no real
 * foundation's amounts). Everything goes through the domain functions (rules, audit).
 * Layer: cmd.
 */
#include <stdio.h>
#include <string.h>

#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../collab/funding.h"
#include "../collab/networks.h"
#include "../collab/pools.h"
#include "../store/db.h"
#include "cmd.h"

#define POOL_NETWORK "Puljens netværk 2015"

static int report(const char *what, int rc, const struct errs *e)
{
	if (rc)
		fprintf(stderr, "indgang demo: %s: %s%s%s\n", what, err_str(rc), e && e->n ? ": " : "",
		        e && e->n ? e->e[0].message : "");
	return rc;
}

/* the id of the national network called POOL_NETWORK, or 0 */
static int64_t pool_network(struct db *db, struct arena *a)
{
	struct network *items;
	int n, total;
	if (networks_list(db, a, &users_cli, NULL, 500, 0, &items, &n, &total) != 0)
		return 0;
	for (int i = 0; i < n; i++)
		if (!items[i].kommune && !strcmp(items[i].name, POOL_NETWORK))
			return items[i].id;
	return 0;
}

static int demo_pool(struct db *db, struct arena *a)
{
	const struct principal *by = &users_cli;
	struct errs e = {0};
	struct pool p = {
		.title = "Puljen til socialøkonomiske virksomheder 2015",
		.total_ore = INT64_C(700000000), .max_ore = INT64_C(50000000),
		.period_start = "2015-01-01", .period_end = "2015-12-31",
		.obligations = "Kommunerne deltager i fire landsdækkende netværksmøder, besvarer"
		               " undersøgelsen ved projektstart og i november 2015 og indberetter forbrug"
		               " og aktiviteter.",
		.meetings_required = 4,
		.network_id = pool_network(db, a),
		.rounds = {{"soev-2015", "projektstart", NULL}, {"soev-2015", "november-2015", NULL}},
		.nrounds = 2,
	};
	int rc = pools_create(db, a, by, &p, &e);
	if (rc == ERR_INVALID && errs_get(&e, "rounds")) {
		/* the survey is not loaded: the pool without its rounds */
		e = (struct errs){0};
		p.nrounds = 0;
		rc = pools_create(db, a, by, &p, &e);
	}
	if (rc)
		return report("the 2015 pool", rc, &e);
	static const struct {
		const char *kommune, *activities;
		int64_t amount;
	} apps[] = {
		{"621", "Socialøkonomisk iværksætterdag, rådgivning af nye virksomheder og et netværk"
		        " for virksomhederne (demodata).", INT64_C(50000000)},
		{"740", "Virksomhedsnetværk om Inhouse-modellen og socialøkonomi, hver tredje måned"
		        " (demodata).", INT64_C(45000000)},
		{"330", "Business case for socialøkonomiske virksomheder målt i job (demodata).",
		 INT64_C(40000000)},
	};
	for (size_t i = 0; i < sizeof(apps) / sizeof(apps[0]); i++) {
		struct pool_application x = {.kommune = apps[i].kommune, .amount_ore = apps[i].amount,
		                             .activities = apps[i].activities, .nlines = 2};
		x.lines[0] = (struct pool_line){"Projektleder, halv tid", apps[i].amount * 3 / 5};
		x.lines[1] = (struct pool_line){"Netværksmøder og arrangementer", apps[i].amount * 2 / 5};
		if ((rc = pools_apply(db, a, by, p.id, &x, &e)) != 0)
			return report("an application to the pool", rc, &e);
		struct pool_entry g = {.kommune = apps[i].kommune, .amount_ore = apps[i].amount,
		                       .day = "2015-02-01"};
		if ((rc = pools_grant(db, a, by, p.id, &g, &e)) != 0)
			return report("a grant", rc, &e);
	}
	struct pool_entry pay = {.kommune = "621", .day = "2015-03-01", .amount_ore = INT64_C(25000000)};
	if ((rc = pools_pay(db, a, by, p.id, &pay, &e)) != 0)
		return report("a payment", rc, &e);
	struct pool_entry spend = {.kommune = "621", .day = "2015-11-30", .amount_ore = INT64_C(12000000),
	                           .text = "Iværksætterdag og rådgivning af fire nye virksomheder (demodata)."};
	return report("reported spend", pools_report_spend(db, a, by, p.id, &spend, &e), &e);
}

/* a handful of invented, generic sources: national and public, one of Kolding's own that only
 * its staff see */
static int demo_sources(struct db *db, struct arena *a)
{
	static const struct {
		const char *kommune, *kind, *title, *description, *deadline, *recurring, *eligible, *url;
		int64_t min, max;
		bool public_;
	} src[] = {
		{NULL, "fond", "Lokal fond for socialøkonomi (demodata)",
		 "Støtter opstart af socialøkonomiske virksomheder med et lokalt formål.", "2016-03-01",
		 "to gange om året, 1. marts og 1. september", "Nye socialøkonomiske virksomheder",
		 "https://fond.example/ansoeg", INT64_C(1000000), INT64_C(10000000), true},
		{NULL, "lag", "LAG-pulje til landdistrikterne (demodata)",
		 "Lokale aktionsgrupper støtter projekter, der skaber arbejdspladser i landdistrikterne.",
		 NULL, "løbende ansøgningsrunder", "Virksomheder og foreninger i LAG-området",
		 "https://lag.example", -1, INT64_C(50000000), true},
		{NULL, "bank", "Startlån til socialøkonomiske virksomheder (demodata)",
		 "Et lån til opstart med afdragsfrihed det første år.", NULL, "", "Virksomheder med en"
		 " forretningsplan", "https://bank.example/startlaan", INT64_C(5000000), INT64_C(50000000), true},
		{NULL, "crowdfunding", "Crowdfunding-platform for lokale projekter (demodata)",
		 "Lokale borgere forudbetaler eller donerer til en kampagne.", NULL, "", "Alle",
		 "https://crowd.example", -1, -1, true},
		{"621", "offentlig_pulje", "Koldings iværksætterpulje (demodata)",
		 "Kommunens egen pulje til rådgivning og opstart; kun til intern brug i rådgivningen.",
		 "2015-12-15", "", "Iværksættere i Kolding Kommune", "", INT64_C(0), INT64_C(2500000), false},
	};
	for (size_t i = 0; i < sizeof(src) / sizeof(src[0]); i++) {
		struct errs e = {0};
		struct funding_source s = {
			.kommune = src[i].kommune, .kind = src[i].kind, .title = src[i].title,
			.description = src[i].description, .deadline = src[i].deadline,
			.recurring = src[i].recurring, .eligible = src[i].eligible, .url = src[i].url,
			.amount_min_ore = src[i].min, .amount_max_ore = src[i].max, .public_ = src[i].public_,
		};
		int rc = funding_save(db, a, &users_cli, &s, &e);
		if (rc)
			return report(src[i].title, rc, &e);
	}
	return 0;
}

int demo_funding(struct db *db, struct arena *a)
{
	struct pool *items;
	int n, total;
	if (pools_list(db, a, &users_cli, 1, 0, &items, &n, &total) != 0)
		return ERR_DB;
	if (total > 0)
		return 0; /* loaded before */
	int rc = demo_pool(db, a);
	if (rc == 0)
		rc = demo_sources(db, a);
	if (rc == 0)
		printf("Funding: the 2015 grant pool (7 mio. kr., three grants, one payment) and a"
		       " handful of funding sources\n");
	return rc;
}
