/*
 * cmd_demo_networks.c — the networks part of `indgang demo`: Silkeborg's company network
 * ("Virksomhedsnetværk om Inhouse og socialøkonomi"), which meets every third month (the
 * report, 4.4.3: "hver tredje måned"), with its first meeting on 12 November 2015 at 09:00 and
 * the following quarterly ones into 2016, members from the demo registry (Silkeborg's
 * social-economy enterprises and companies) and a few invented persons, attendance and minutes
 * on the held meetings and a couple of action items; and the grant pool's national network
 * (kommune NULL) with its four network meetings of 2015 (Forord). Persons, places, agendas and
 * minutes are invented. Everything goes through the domain functions (rules, invitations in the
 * outbox, audit). Layer: cmd.
 */
#include <stdio.h>
#include <string.h>

#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../collab/meetings.h"
#include "../collab/networks.h"
#include "../registry/registry.h"
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

struct demo_meeting {
	const char *starts, *ends, *place, *agenda, *minutes;
	int present[12]; /* member indexes present, -1 ends */
};

/* the meetings ms[0..n) of network id, held with attendance and minutes; members mids */
static int add_meetings(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                        const struct demo_meeting *ms, int n, const int64_t *mids, int nm,
                        int64_t *first)
{
	for (int i = 0; i < n; i++) {
		struct errs e = {0};
		struct meeting m = {.network_id = id, .starts_at = ms[i].starts, .ends_at = ms[i].ends,
		                    .place = ms[i].place, .agenda = ms[i].agenda};
		int rc = meetings_save(db, a, by, &m, &e);
		if (rc)
			return report("a network meeting", rc, &e);
		if (i == 0 && first)
			*first = m.id;
		for (int k = 0; k < nm; k++) {
			int present = 0;
			for (int j = 0; j < 12 && ms[i].present[j] >= 0; j++)
				present |= ms[i].present[j] == k;
			if ((rc = meetings_attendance(db, a, by, m.id, mids[k], present, present, NULL, &e)) != 0)
				return report("the attendance", rc, &e);
		}
		m.status = MEETINGS_HELD;
		m.minutes = ms[i].minutes;
		if ((rc = meetings_save(db, a, by, &m, &e)) != 0)
			return report("the minutes", rc, &e);
	}
	return 0;
}

static int silkeborg(struct db *db, struct arena *a)
{
	struct principal by;
	int rc = principal_of(db, a, "konsulent@silkeborg.example", &by);
	if (rc)
		return report("no konsulent@silkeborg.example", rc, NULL);
	struct errs e = {0};
	struct network n = {
		.kommune = "740", .name = "Virksomhedsnetværk om Inhouse og socialøkonomi",
		.purpose = "Silkeborg Kommunes netværk af virksomheder og socialøkonomiske virksomheder,"
		           " der mødes hver tredje måned om Inhouse-modellen, praktik og fleksjob: at holde"
		           " emnet på dagsordenen og dele erfaringer.",
		.cadence_months = 3,
	};
	if ((rc = networks_save(db, a, &by, &n, &e)) != 0)
		return report("Silkeborg's network", rc, &e);
	static const char *const enterprises[] = {
		"Updesign ApS", "Æblespecialisterne ApS", "Handi Boat Ivs", "BOAS specialister ApS",
		"Eksempel Emballage A/S", "Eksempel Maskinfabrik A/S", "Eksempel Supermarked Silkeborg ApS",
	};
	static const struct {
		const char *name, *email, *org;
	} persons[] = {
		{"Demoperson Karen Holm", "karen.holm@erhverv-silkeborg.example", "Erhvervsrådet (demodata)"},
		{"Demoperson Mads Winther", "mads.winther@jobcenter-silkeborg.example", "Jobcentret (demodata)"},
	};
	int64_t mids[12];
	int nm = 0;
	for (size_t i = 0; i < sizeof(enterprises) / sizeof(enterprises[0]); i++) {
		struct network_member m = {0};
		if (registry_find(db, NULL, enterprises[i], "740", &m.enterprise_id) != 0)
			continue; /* a registry without it: the demo goes on with the others */
		if ((rc = networks_member_add(db, a, &by, n.id, &m, &e)) != 0)
			return report(enterprises[i], rc, &e);
		mids[nm++] = m.id;
	}
	for (size_t i = 0; i < sizeof(persons) / sizeof(persons[0]); i++) {
		struct network_member m = {.name = persons[i].name, .email = persons[i].email,
		                           .organisation = persons[i].org};
		if ((rc = networks_member_add(db, a, &by, n.id, &m, &e)) != 0)
			return report(persons[i].name, rc, &e);
		mids[nm++] = m.id;
	}
	static const struct demo_meeting ms[] = {
		{"2015-11-12T09:00", "2015-11-12T11:00", "Silkeborg Rådhus, mødelokale 2",
		 "1. Velkomst og præsentation\n2. Inhouse-modellen: erfaringer fra lageret\n3. Kommunens"
		 " strategi for socialøkonomi til 2020\n4. Næste møde",
		 "Netværket er startet. Eksempel Emballage fortalte om Inhouse-gruppen på lageret. Aftalt at"
		 " mødes hver tredje måned.", {0, 1, 2, 4, 5, 7, 8, -1}},
		{"2016-02-11T09:00", "2016-02-11T11:00", "Eksempel Maskinfabrik A/S, kantinen",
		 "1. Rundvisning i montageafdelingen\n2. Fra Inhouse-gruppe til fleksjob\n3. Eventuelt",
		 "Rundvisning. To borgere fra Inhouse-gruppen er ansat i fleksjob.", {0, 1, 3, 5, 6, 7, 8, -1}},
		{"2016-05-12T09:00", "2016-05-12T11:00", "Updesign ApS",
		 "1. Socialøkonomiske leverandører til kommunen\n2. Praktikpladser i sommeren",
		 "Drøftet sociale klausuler og små indkøb.", {0, 2, 4, 6, 8, -1}},
		{"2016-08-11T09:00", "2016-08-11T11:00", "Silkeborg Rådhus, mødelokale 2",
		 "1. Status på strategien: 20 Inhouse-virksomheder\n2. Nye medlemmer",
		 "Status: netværket tæller syv virksomheder; to nye er inviteret.", {0, 1, 4, 5, 7, -1}},
		{"2016-11-10T09:00", "2016-11-10T11:00", "Æblespecialisterne ApS",
		 "1. Et år med netværket\n2. Plan for 2017",
		 "Evaluering: møderne holder emnet på dagsordenen. Planen for 2017 vedtaget.",
		 {0, 1, 2, 3, 4, 5, 6, 7, 8, -1}},
	};
	int64_t first = 0;
	if ((rc = add_meetings(db, a, &by, n.id, ms, (int)(sizeof(ms) / sizeof(ms[0])), mids, nm, &first)) != 0)
		return rc;
	struct meeting_action xs[] = {
		{.meeting_id = first, .title = "Sende Inhouse-modellens skabelon til medlemmerne",
		 .owner_user_id = by.id, .due = "2015-11-30", .status = "done"},
		{.meeting_id = first, .title = "Invitere to nye virksomheder til næste møde",
		 .owner_member_id = nm > 7 ? mids[7] : 0, .due = "2016-01-31", .status = "open"},
	};
	for (size_t i = 0; i < sizeof(xs) / sizeof(xs[0]); i++)
		if ((rc = meetings_action_save(db, a, &by, &xs[i], &e)) != 0)
			return report("an action item", rc, &e);
	return 0;
}

static int national(struct db *db, struct arena *a)
{
	struct errs e = {0};
	const struct principal *by = &users_cli;
	struct network n = {
		.kommune = NULL, .name = "Puljens netværk 2015",
		.purpose = "Netværket for de 17 kommuner, der fik del i puljen i 2015: fire netværksmøder"
		           " om at udvikle samarbejdet med socialøkonomiske virksomheder.",
		.cadence_months = 0,
	};
	int rc = networks_save(db, a, by, &n, &e);
	if (rc)
		return report("the pool's network", rc, &e);
	static const struct {
		const char *name, *email, *org;
	} persons[] = {
		{"Konsulent, Kolding (demodata)", "konsulent@kolding.example", "Kolding Kommune"},
		{"Konsulent, Silkeborg (demodata)", "konsulent@silkeborg.example", "Silkeborg Kommune"},
		{"Konsulent, Slagelse (demodata)", "konsulent@slagelse.example", "Slagelse Kommune"},
	};
	int64_t mids[3];
	for (int i = 0; i < 3; i++) {
		struct network_member m = {.name = persons[i].name, .email = persons[i].email,
		                           .organisation = persons[i].org};
		if ((rc = networks_member_add(db, a, by, n.id, &m, &e)) != 0)
			return report(persons[i].name, rc, &e);
		mids[i] = m.id;
	}
	static const struct demo_meeting ms[] = {
		{"2015-03-05T10:00", "2015-03-05T15:00", "Odense (demodata)", "Projektstart i puljen",
		 "Kommunerne præsenterede deres projekter.", {0, 1, 2, -1}},
		{"2015-06-04T10:00", "2015-06-04T15:00", "Vejle (demodata)", "Netværksmøde 2: strategier",
		 "Erfaringer med strategier og succeskriterier.", {0, 1, -1}},
		{"2015-09-03T10:00", "2015-09-03T15:00", "Slagelse (demodata)", "Netværksmøde 3: beskæftigelse",
		 "Fleksjob og praktik i socialøkonomiske virksomheder.", {0, 1, 2, -1}},
		{"2015-11-26T10:00", "2015-11-26T15:00", "Kolding (demodata)", "Netværksmøde 4: opsamling",
		 "Opsamling til erfaringsopsamlingen.", {0, 1, 2, -1}},
	};
	return add_meetings(db, a, by, n.id, ms, 4, mids, 3, NULL);
}

int demo_networks(struct db *db, struct arena *a)
{
	struct network *items;
	int n, total;
	if (networks_list(db, a, &users_cli, NULL, 1, 0, &items, &n, &total) != 0)
		return ERR_DB;
	if (total > 0)
		return 0; /* loaded before */
	int rc = silkeborg(db, a);
	if (rc == 0)
		rc = national(db, a);
	if (rc == 0)
		printf("Networks: Silkeborg's company network (five quarterly meetings from 12 November 2015)"
		       " and the grant pool's national network (four meetings in 2015)\n");
	return rc;
}
