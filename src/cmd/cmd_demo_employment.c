/*
 * cmd_demo_employment.c — the employment part of `indgang demo`: openings, citizens and
 * placements that tell the report's stories with invented people. Slagelse's jobcenter made 28
 * fleksjob at social-economy enterprises in 2015 (4.3); a social-economy enterprise moved its
 * cleaning from the morning to the afternoon for people in fleksjob (Musholm, 4.3); a canteen
 * leased by a social-economy enterprise has ten people in fleksjob (Sterk ApS, chapter 5);
 * Silkeborg's companies take Inhouse groups (4.4). The report's own enterprises Musholm and
 * Sterk ApS are not rows of the demo registry (their dates and homes would change Tabel 1), so
 * the stories happen at the demo's placeholder and invented enterprises, and their openings say
 * whose story they retell. Every citizen is invented: "Demoborger" names, birthdays made up,
 * and 9 as the seventh digit of the CPR number. Everything goes through the domain functions,
 * so the rules, the sealing of CPR numbers and the audit hold as for any other data.
 * Layer: cmd.
 */
#include <stdio.h>
#include <string.h>

#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../employment/citizens.h"
#include "../employment/employment.h"
#include "../employment/openings.h"
#include "../employment/placements.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "cmd.h"

/* the jobkonsulent of a municipality as the principal the domain functions act for */
static int jobkonsulent(struct db *db, struct arena *a, const char *email, struct principal *p)
{
	struct user_row u;
	int rc = users_by_email(db, a, &users_cli, email, &u);
	if (rc)
		return rc;
	*p = (struct principal){.id = u.id, .email = u.email, .name = u.name,
	                        .kommune = u.kommune, .kommune_navn = u.kommune_navn};
	return role_parse(u.role, &p->role);
}

struct demo_opening {
	const char *enterprise, *kommune, *title, *description;
	const char *tasks[3];
	int schemes, hours_min, hours_max, times;
	const char *adaptations[3];
	bool inhouse;
	int seats;
};

static int add_opening(struct db *db, struct arena *a, const struct principal *by,
                       const struct demo_opening *d, int64_t *id, int64_t *enterprise_id)
{
	int rc = registry_find(db, NULL, d->enterprise, d->kommune, enterprise_id);
	if (rc) {
		fprintf(stderr, "indgang demo: no enterprise %s in %s\n", d->enterprise, d->kommune);
		return rc;
	}
	struct opening o = {.enterprise_id = *enterprise_id, .title = d->title,
	                    .description = d->description, .schemes = d->schemes,
	                    .hours_min = d->hours_min, .hours_max = d->hours_max, .times = d->times,
	                    .inhouse = d->inhouse, .seats = d->seats, .starts = "2015-01-01"};
	/* validation writes its trimmed copies into the lists: give it lists of its own */
	const char **tasks = arena_alloc(a, 3 * sizeof(*tasks));
	const char **adaptations = arena_alloc(a, 3 * sizeof(*adaptations));
	while (o.ntasks < 3 && d->tasks[o.ntasks]) {
		tasks[o.ntasks] = d->tasks[o.ntasks];
		o.ntasks++;
	}
	while (o.nadaptations < 3 && d->adaptations[o.nadaptations]) {
		adaptations[o.nadaptations] = d->adaptations[o.nadaptations];
		o.nadaptations++;
	}
	o.tasks = tasks;
	o.adaptations = adaptations;
	struct errs errs = {0};
	rc = openings_save(db, a, by, &o, &errs);
	if (rc)
		fprintf(stderr, "indgang demo: opening %s: %s%s%s\n", d->title, err_str(rc),
		        errs.n ? ": " : "", errs.n ? errs.e[0].message : "");
	*id = o.id;
	return rc;
}

/* citizen number i of a municipality: invented, with a consent unless none is asked for */
static int add_citizen(struct db *db, struct arena *a, const struct principal *by, const char *town,
                       int i, int schemes, const char *task, const char *need, bool consent,
                       int64_t *id)
{
	char cpr[32];
	/* a birthday between 1960 and 1999, and 9 as the seventh digit */
	snprintf(cpr, sizeof cpr, "%02d%02d%02d-9%03d", 1 + (i * 7) % 28, 1 + (i * 5) % 12,
	         60 + (i * 3 + (unsigned char)town[0]) % 40, (i * 37 + (unsigned char)town[1]) % 1000);
	const char *tasks[1] = {task};
	const char *needs[1] = {need};
	struct citizen c = {.name = arena_printf(a, "Demoborger %s %d", town, i + 1),
	                    .schemes = schemes, .hours_max = 15 + (i % 4) * 5,
	                    .times = i % 3 == 0 ? TIME_EFTERMIDDAG | TIME_DAG : TIME_ALL,
	                    .travel = i % 5 == 0 ? "region" : "kommune",
	                    .consent_date = consent ? "2015-01-05" : NULL,
	                    .consent_scope = consent ? (i % 2 ? "enterprise" : "matching") : "",
	                    .strengths = "Mødestabil og glad for faste opgaver (demodata).",
	                    .ntasks = 1, .nneeds = need ? 1 : 0};
	memcpy(c.tasks, tasks, sizeof tasks);
	if (need)
		memcpy(c.needs, needs, sizeof needs);
	struct errs errs = {0};
	int rc = citizens_save(db, a, by, &c, cpr, &errs);
	if (rc)
		fprintf(stderr, "indgang demo: citizen %s %d: %s%s%s\n", town, i + 1, err_str(rc),
		        errs.n ? ": " : "", errs.n ? errs.e[0].message : "");
	*id = c.id;
	return rc;
}

static int place(struct db *db, struct arena *a, const struct principal *by, int64_t citizen,
                 int64_t enterprise, int64_t opening, const char *scheme, const char *start,
                 const char *end, const char *outcome, bool inhouse)
{
	struct placement_input in = {.citizen_id = citizen, .enterprise_id = enterprise,
	                             .opening_id = opening, .scheme = scheme, .start = start,
	                             .end = end, .outcome = outcome, .inhouse = inhouse,
	                             .has_hours = true, .hours = 15};
	struct errs errs = {0};
	int64_t id;
	int rc = placements_create(db, a, by, &in, &errs, &id);
	if (rc)
		fprintf(stderr, "indgang demo: placement from %s: %s%s%s\n", start, err_str(rc),
		        errs.n ? ": " : "", errs.n ? errs.e[0].message : "");
	return rc;
}

/* Slagelse: 28 fleksjob at its social-economy enterprises in 2015, two at a company */
static int slagelse(struct db *db, struct arena *a)
{
	struct principal by;
	int rc = jobkonsulent(db, a, "job@slagelse.example", &by);
	if (rc)
		return rc;
	static const struct demo_opening ops[] = {
		{"Pladsholder Slagelse 2", "330", "Rengøring om eftermiddagen",
		 "Rengøringen er flyttet fra morgen til eftermiddag, så personer i fleksjob kan være med "
		 "(som hos Musholm i rapportens afsnit 4.3). Demodata.",
		 {"rengoering", NULL}, SCHEME_FLEKSJOB, 6, 20, TIME_EFTERMIDDAG,
		 {"fleksibel_moedetid", "tilpasset_tempo", NULL}, false, 8},
		{"Sumak", "330", "Køkkenmedhjælper", "Demodata.", {"koekken", "kantine", NULL},
		 SCHEME_FLEKSJOB | SCHEME_PRAKTIK, 8, 25, TIME_DAG, {"fast_mentor", NULL}, false, 8},
		{"Bevar", "330", "Genbrug og reparation", "Demodata.", {"genbrug", "haandvaerk", NULL},
		 SCHEME_FLEKSJOB | SCHEME_RESSOURCEFORLOEB, 6, 20, TIME_DAG | TIME_EFTERMIDDAG,
		 {"rolige_omgivelser", NULL}, false, 8},
		{"VeteranHaven", "330", "Have og park", "Demodata.", {"have", NULL},
		 SCHEME_FLEKSJOB | SCHEME_PRAKTIK, 6, 20, TIME_MORGEN | TIME_DAG, {"fast_mentor", NULL},
		 false, 8},
		{"Eksempel Kantinedrift ApS", "330", "Kantinemedarbejder", "Demodata.", {"kantine", NULL},
		 SCHEME_FLEKSJOB | SCHEME_ORDINAER, 10, 30, TIME_DAG, {NULL}, false, 4},
	};
	int64_t op[5], ent[5];
	for (int k = 0; k < 5; k++)
		if ((rc = add_opening(db, a, &by, &ops[k], &op[k], &ent[k])) != 0)
			return rc;
	/* starts no earlier than each enterprise's establishment (VeteranHaven from November) */
	static const char *const tasks[] = {"rengoering", "koekken", "genbrug", "have"};
	for (int i = 0; i < 30; i++) {
		int at = i < 28 ? (i < 24 ? i % 3 == 2 ? 2 : i % 3 : 3) : 4;
		if (i < 28 && i % 7 == 6)
			at = 0;
		int64_t cid;
		if ((rc = add_citizen(db, a, &by, "Slagelse", i, SCHEME_FLEKSJOB | SCHEME_PRAKTIK,
		                      i < 28 ? tasks[at] : "kantine", NULL, true, &cid)) != 0)
			return rc;
		int month = at == 3 ? 11 + i % 2 : at == 2 ? 6 + i % 6 : 1 + i % 11;
		const char *start = arena_printf(a, "2015-%02d-%02d", month, at == 3 ? 16 + i % 10 : 1 + i % 27);
		bool ended = i % 5 == 0;
		rc = place(db, a, &by, cid, ent[at], op[at], "fleksjob", start,
		           ended ? "2016-06-30" : NULL, ended ? (i % 10 ? "ordinaert_job" : "afbrudt") : NULL,
		           false);
		if (rc)
			return rc;
	}
	/* three citizens still waiting for a match, one of them without consent */
	for (int i = 30; i < 33; i++) {
		int64_t cid;
		if ((rc = add_citizen(db, a, &by, "Slagelse", i, SCHEME_FLEKSJOB, "rengoering",
		                      "tilpasset_tempo", i != 32, &cid)) != 0)
			return rc;
	}
	return 0;
}

/* Silkeborg: a canteen with ten in fleksjob now, and Inhouse groups at two companies */
static int silkeborg(struct db *db, struct arena *a)
{
	struct principal by;
	int rc = jobkonsulent(db, a, "job@silkeborg.example", &by);
	if (rc)
		return rc;
	static const struct demo_opening ops[] = {
		{"Pladsholder Silkeborg 2", "740", "Kantine med ti ansatte i fleksjob",
		 "En socialøkonomisk virksomhed forpagter kantinen; de fleste arbejder få timer om dagen "
		 "(som Sterk ApS i rapportens kapitel 5). Demodata.",
		 {"kantine", "koekken", "rengoering"}, SCHEME_FLEKSJOB, 5, 20, TIME_MORGEN | TIME_DAG,
		 {"korte_dage", "fast_mentor", NULL}, false, 12},
		{"Eksempel Emballage A/S", "740", "Inhouse-gruppe i pakkeriet",
		 "En gruppe borgere arbejder sammen med en fast mentor (Inhouse-modellen, afsnit 4.4). Demodata.",
		 {"lager", "montage", NULL}, SCHEME_PRAKTIK | SCHEME_FLEKSJOB, 10, 30, TIME_DAG,
		 {"fast_mentor", "rolige_omgivelser", "faste_opgaver"}, true, 6},
		{"Eksempel Maskinfabrik A/S", "740", "Inhouse-gruppe i montagen", "Demodata.",
		 {"montage", "haandvaerk", NULL}, SCHEME_PRAKTIK | SCHEME_LOENTILSKUD, 15, 30, TIME_DAG,
		 {"fast_mentor", "faste_opgaver", NULL}, true, 6},
	};
	int64_t op[3], ent[3];
	for (int k = 0; k < 3; k++)
		if ((rc = add_opening(db, a, &by, &ops[k], &op[k], &ent[k])) != 0)
			return rc;
	for (int i = 0; i < 17; i++) {
		int at = i < 10 ? 0 : i < 14 ? 1 : 2;
		int64_t cid;
		if ((rc = add_citizen(db, a, &by, "Silkeborg", i, SCHEME_FLEKSJOB | SCHEME_PRAKTIK | SCHEME_LOENTILSKUD,
		                      at == 0 ? "kantine" : "montage", NULL, true, &cid)) != 0)
			return rc;
		const char *start = at == 0 ? arena_printf(a, "%d-%02d-01", 2024 + i % 3, 1 + i % 9)
		                            : arena_printf(a, "2015-%02d-01", 3 + i % 8);
		const char *scheme = at == 0 ? "fleksjob" : at == 1 ? (i % 2 ? "fleksjob" : "praktik") : "loentilskud";
		if ((rc = place(db, a, &by, cid, ent[at], op[at], scheme, start, NULL, NULL, at > 0)) != 0)
			return rc;
	}
	return 0;
}

/* Kolding: a few citizens and openings for the demo's jobkonsulent to match */
static int kolding(struct db *db, struct arena *a)
{
	struct principal by;
	int rc = jobkonsulent(db, a, "job@kolding.example", &by);
	if (rc)
		return rc;
	static const struct demo_opening ops[] = {
		{"Soul Café", "621", "Café og servering", "Demodata.", {"kantine", "koekken", NULL},
		 SCHEME_FLEKSJOB | SCHEME_PRAKTIK, 6, 20, TIME_DAG | TIME_EFTERMIDDAG,
		 {"rolige_omgivelser", "fast_mentor", NULL}, false, 2},
		{"Eksempel Logistik A/S", "621", "Lagermedarbejder", "Demodata.", {"lager", "transport", NULL},
		 SCHEME_ORDINAER | SCHEME_FLEKSJOB | SCHEME_LOENTILSKUD, 15, 37, TIME_MORGEN | TIME_DAG,
		 {"fast_mentor", NULL}, false, 3},
	};
	int64_t op[2], ent[2];
	for (int k = 0; k < 2; k++)
		if ((rc = add_opening(db, a, &by, &ops[k], &op[k], &ent[k])) != 0)
			return rc;
	static const char *const tasks[] = {"kantine", "lager", "koekken", "transport", "rengoering"};
	for (int i = 0; i < 5; i++) {
		int64_t cid;
		if ((rc = add_citizen(db, a, &by, "Kolding", i, SCHEME_FLEKSJOB | SCHEME_PRAKTIK | SCHEME_LOENTILSKUD,
		                      tasks[i], i == 0 ? "fast_mentor" : NULL, i != 4, &cid)) != 0)
			return rc;
		if (i == 1 && (rc = place(db, a, &by, cid, ent[1], op[1], "loentilskud", "2026-09-01",
		                          NULL, NULL, false)) != 0)
			return rc;
	}
	return 0;
}

int demo_employment(struct db *db, struct arena *a)
{
	int count = 0;
	if (citizens_count(db, NULL, &count) != 0)
		return ERR_DB;
	if (count > 0)
		return 0; /* loaded before */
	if (!cpr_keys_loaded()) {
		printf("Employment: no citizens or placements without a key file (--key-file)\n");
		return 0;
	}
	int rc = slagelse(db, a);
	if (rc == 0)
		rc = silkeborg(db, a);
	if (rc == 0)
		rc = kolding(db, a);
	if (rc == 0)
		printf("Employment: 10 openings, 55 invented citizens, 48 placements (Slagelse's 28 fleksjob of 2015)\n");
	return rc;
}
