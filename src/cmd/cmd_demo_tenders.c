/*
 * cmd_demo_tenders.c — the tenders of `indgang demo`, from chapter 5 of the 2015 report:
 * Kolding's library tender, which Virksomhedsporten won on price, service, quality and
 * innovation (awarded, with the letters in the outbox), and Albertslund's tender of the café in
 * Sundhedshuset, published and open so that an enterprise's account can bid. The two other
 * bidders in Kolding are enterprises of the demo registry, and every price, score and date of
 * the bids is invented: the report tells only who won and on what. Everything goes through the
 * domain functions (the Kolding tender with the tenders' clock set to 2015), so the rules, the
 * sealing and the audit hold as for any other data.
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
#include "../procurement/bids.h"
#include "../procurement/tenders.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "cmd.h"

/* the account with email as the principal the domain functions act for */
static int principal_of(struct db *db, struct arena *a, const char *email, struct principal *p)
{
	struct user_row u;
	int rc = users_by_email(db, a, &users_cli, email, &u);
	if (rc) {
		fprintf(stderr, "indgang demo: no user %s\n", email);
		return rc;
	}
	*p = (struct principal){.id = u.id, .email = u.email, .name = u.name, .kommune = u.kommune,
	                        .kommune_navn = u.kommune_navn, .enterprise_id = u.enterprise_id};
	return role_parse(u.role, &p->role);
}

/* the supplier acting for the enterprise called name in kommune: its own account when it has
 * one (email), else a principal without an account */
static int supplier(struct db *db, struct arena *a, const char *name, const char *kommune,
                    const char *email, struct principal *p)
{
	int64_t id;
	int rc = registry_find(db, NULL, name, kommune, &id);
	if (rc) {
		fprintf(stderr, "indgang demo: no enterprise %s in %s\n", name, kommune);
		return rc;
	}
	if (email && (rc = principal_of(db, a, email, p)) != 0)
		return rc;
	if (!email)
		*p = (struct principal){.name = name, .role = ROLE_VIRKSOMHED, .kommune = kommune};
	p->enterprise_id = id;
	return 0;
}

/* a report of what failed, and rc */
static int failed(const char *what, int rc, const struct errs *errs)
{
	fprintf(stderr, "indgang demo: %s: %s%s%s\n", what, err_str(rc), errs->n ? ": " : "",
	        errs->n ? errs->e[0].message : "");
	return rc;
}

static int kolding(struct db *db, struct arena *a)
{
	struct principal buyer, bidders[3];
	static const char *const names[3] = {"Virksomhedsporten", "Special Solutions", "Borups Pakkeri"};
	static const char *const emails[3] = {"porten@kolding.example", NULL, NULL};
	int rc = principal_of(db, a, "indkoeb@kolding.example", &buyer);
	for (int i = 0; rc == 0 && i < 3; i++)
		rc = supplier(db, a, names[i], "621", emails[i], &bidders[i]);
	if (rc)
		return rc;
	struct tender_criterion crit[] = {
		{.name = "Pris", .weight = 40}, {.name = "Service", .weight = 20},
		{.name = "Kvalitet", .weight = 25}, {.name = "Innovation", .weight = 15}};
	struct tender_clause clauses[] = {
		{"beskaeftigelse", "Opgaverne løses af medarbejdere på kanten af arbejdsmarkedet, fx i "
		                   "fleksjob på grund af nedsat arbejdsevne. Formålet er at hjælpe dem til at "
		                   "starte eller genstarte et liv på arbejdsmarkedet."},
	};
	struct tender t = {
		.kommune = "621",
		.title = "Logistik- og serviceydelser til Koldingbibliotekerne",
		.object = "Logistik- og servicerelaterede biblioteksydelser: det daglige arbejde omkring "
		          "bibliotekets sorteringsmaskine, at sætte bøger på plads, finde bøger, der er "
		          "bestilt på hjemmesiden, og pakke bøger til andre biblioteker.",
		.description = "Koldingbibliotekerne udbyder opgaverne til en socialøkonomisk virksomhed. "
		               "Virksomhederne måles ikke kun på, at de er socialøkonomiske, men også på "
		               "pris, service, kvalitet og evnen til at arbejde med innovation. Udbuddet "
		               "understøtter Kolding Kommunes strategi \"Overskud gir Overskud\".",
		.cpv = "92511000-6",
		.estimate_ore = 180000000,
		.procedure = "reserveret",
		.questions_deadline = "2015-04-01T12:00",
		.deadline = "2015-04-15T12:00",
		.criteria = crit, .ncriteria = 4,
		.clauses = clauses, .nclauses = 1,
	};
	struct errs errs = {0};
	tenders_clock_set("2015-03-02T08:00:00Z");
	if ((rc = tenders_save(db, a, &buyer, &t, &errs)) != 0)
		return failed("the Kolding tender", rc, &errs);
	if ((rc = tenders_publish(db, a, &buyer, t.id, &errs)) != 0)
		return failed("publishing the Kolding tender", rc, &errs);
	int64_t qid;
	tenders_clock_set("2015-03-16T10:00:00Z");
	if ((rc = tenders_ask(db, a, &bidders[1], t.id, bidders[1].enterprise_id,
	                      "Skal medarbejderne kunne betjene sorteringsmaskinen fra første dag, eller "
	                      "indgår oplæring i opgaven?", &errs, &qid)) != 0 ||
	    (rc = tenders_answer(db, a, &buyer, t.id, qid,
	                         "Biblioteket står for oplæringen de første fire uger. Beskriv i tilbuddet, "
	                         "hvordan I derefter sikrer stabil bemanding.", &errs)) != 0)
		return failed("the Kolding question", rc, &errs);
	static const int64_t prices[3] = {159000000, 168000000, 175000000};
	int64_t bid_ids[3];
	for (int i = 0; i < 3; i++) {
		tenders_clock_set(i == 0 ? "2015-04-14T09:30:00Z" : i == 1 ? "2015-04-13T13:00:00Z"
		                                                         : "2015-04-10T11:15:00Z");
		struct bid b = {.enterprise_id = bidders[i].enterprise_id, .price_ore = prices[i]};
		bool replaced;
		if ((rc = bids_submit(db, a, &bidders[i], t.id, &b, &errs, &replaced)) != 0)
			return failed("a Kolding bid", rc, &errs);
		bid_ids[i] = b.id;
	}
	/* after the deadline: the evaluation committee's scores (service, quality, innovation) */
	tenders_clock_set("2015-04-20T09:00:00Z");
	static const int scores[3][3] = {{9, 8, 8}, {7, 7, 6}, {6, 7, 5}};
	static const char *const why[3][3] = {
		{"Fast kontaktperson og dækning ved fravær beskrevet.",
		 "Erfaring med sortering og pakning; plan for oplæring.",
		 "Forslag om at udvikle bibliotekets udbringning med medarbejderne."},
		{"Kontaktperson, men ingen plan ved fravær.", "God beskrivelse af kvalitetskontrol.",
		 "Få nye idéer."},
		{"Service kun i dagtimerne.", "God beskrivelse af kvalitetskontrol.", "Ingen nye idéer."},
	};
	for (int i = 0; i < 3; i++) {
		struct bid_score_in in[3] = {{"service", scores[i][0], why[i][0]},
		                             {"kvalitet", scores[i][1], why[i][1]},
		                             {"innovation", scores[i][2], why[i][2]}};
		if ((rc = bids_score(db, a, &buyer, t.id, bid_ids[i], in, 3, &errs)) != 0)
			return failed("the Kolding scores", rc, &errs);
	}
	const char *reasons[4] = {
		"Virksomhedsporten gav den laveste pris og får fuldt point efter prismodellen.",
		"Den bedste beskrivelse af fast kontaktperson og dækning ved fravær.",
		"Erfaring med sortering og pakning og en konkret plan for oplæring.",
		"Konkrete forslag til at udvikle bibliotekets ydelser sammen med medarbejderne.",
	};
	rc = bids_award(db, a, &buyer, t.id, bid_ids[0], reasons, 4,
	                "Virksomhedsporten vandt på pris, service, kvalitet og innovation.", &errs);
	tenders_clock_set(NULL);
	if (rc)
		return failed("the Kolding award", rc, &errs);
	return 0;
}

static int albertslund(struct db *db, struct arena *a)
{
	struct principal buyer;
	int rc = principal_of(db, a, "indkoeb@albertslund.example", &buyer);
	if (rc)
		return rc;
	/* open for bids six weeks from today, questions until four weeks from today (Danish time) */
	char deadline[17], questions[17];
	time_t now = time(NULL);
	struct tm tm;
	time_t d = now + 42 * 86400, q = now + 28 * 86400;
	gmtime_r(&d, &tm);
	strftime(deadline, sizeof(deadline), "%Y-%m-%dT12:00", &tm);
	gmtime_r(&q, &tm);
	strftime(questions, sizeof(questions), "%Y-%m-%dT12:00", &tm);
	struct tender_criterion crit[] = {
		{.name = "Pris", .weight = 30}, {.name = "Kvalitet", .weight = 30},
		{.name = "Social værdi", .weight = 25}, {.name = "Service", .weight = 15}};
	struct tender_clause clauses[] = {
		{"beskaeftigelse", "Forpagteren skal tænke i at skabe job til udsatte ledige, fx "
		                   "arbejdsmuligheder for personer med handicap, fleksjobansatte eller jobs til "
		                   "unge, som skal indsluses på arbejdsmarkedet."},
		{"andet", "Caféen skal drives på et socialøkonomisk grundlag. Det er ikke et krav, at "
		          "forpagteren er en registreret socialøkonomisk virksomhed."},
	};
	struct tender t = {
		.kommune = "165",
		.title = "Forpagtning af caféen i Sundhedshuset",
		.object = "Drift af caféen i stueetagen i Sundhedshuset med udeservering: et mødested for "
		          "borgerne, mad til Plejecenteret, kantinetilbud til de ansatte i huset og "
		          "forplejning til møderne i huset.",
		.description = "Sundhedshuset ejes af Albertslund Kommune og rummer genoptræning, "
		               "mødefaciliteter og undervisningslokaler. Caféen skal være et sted, hvor alle "
		               "føler sig velkomne, og kvaliteten af maden skal afspejle, at det er et "
		               "sundhedshus. Kundegrundlaget er byens 28.000 borgere og husets besøgende.",
		.cpv = "55330000-2",
		.estimate_ore = -1,
		.procedure = "light",
		.questions_deadline = questions,
		.deadline = deadline,
		.criteria = crit, .ncriteria = 4,
		.clauses = clauses, .nclauses = 2,
	};
	struct errs errs = {0};
	if ((rc = tenders_save(db, a, &buyer, &t, &errs)) != 0)
		return failed("the Albertslund tender", rc, &errs);
	if ((rc = tenders_publish(db, a, &buyer, t.id, &errs)) != 0)
		return failed("publishing the Albertslund tender", rc, &errs);
	return 0;
}

int demo_tenders(struct db *db, struct arena *a)
{
	struct tenders_query q = {.scope = TENDERS_STAFF, .limit = 1};
	struct tender *items;
	int n, total;
	int rc = tenders_list(db, a, &users_cli, &q, &items, &n, &total);
	if (rc)
		return rc;
	if (total > 0)
		return 0; /* loaded before */
	rc = kolding(db, a);
	if (rc == 0)
		rc = albertslund(db, a);
	if (rc == 0)
		printf("Tenders: Kolding's library tender (awarded to Virksomhedsporten, letters in the "
		       "outbox), Albertslund's café in Sundhedshuset (open for bids)\n");
	return rc;
}
