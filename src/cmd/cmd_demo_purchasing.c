/*
 * cmd_demo_purchasing.c — the purchasing part of `indgang demo`, from chapter 5 of the 2015
 * report: Slagelse's voluntary purchase agreements, three with social-economy enterprises in
 * the municipality and one in Jutland (Legehytten in Kolding, whose playhouses are in the
 * catalogue), made in the autumn of 2015; purchases over 2015 for Slagelse, Kolding and
 * Silkeborg (an anniversary gift among them, and one at an ordinary company, which spend does
 * not count); and Silkeborg's canteen lease at the Handelsskole with the commitment "10 ansatte
 * i fleksjob", at the placeholder enterprise where cmd_demo_employment.c placed the ten people in
 * fleksjob of Sterk ApS's story, so that the follow-up shows 10 of 10. Everything goes through
 * the domain functions, so the rules and the audit hold as for any other data. Layer: cmd.
 */
#include <stdio.h>
#include <string.h>

#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../procurement/agreements.h"
#include "../procurement/contracts.h"
#include "../procurement/purchases.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "cmd.h"

/* the user with email as the principal the domain functions act for */
static int principal_of(struct db *db, struct arena *a, const char *email, struct principal *p)
{
	struct user_row u;
	int rc = users_by_email(db, a, &users_cli, email, &u);
	if (rc) {
		fprintf(stderr, "indgang demo: no user %s\n", email);
		return rc;
	}
	*p = (struct principal){.id = u.id, .email = u.email, .name = u.name,
	                        .kommune = u.kommune, .kommune_navn = u.kommune_navn};
	return role_parse(u.role, &p->role);
}

static int enterprise(struct db *db, const char *name, const char *kommune, int64_t *id)
{
	int rc = registry_find(db, NULL, name, kommune, id);
	if (rc)
		fprintf(stderr, "indgang demo: no enterprise %s in %s\n", name, kommune);
	return rc;
}

static int report(const char *what, int rc, const struct errs *errs)
{
	if (rc)
		fprintf(stderr, "indgang demo: %s: %s%s%s\n", what, err_str(rc), errs->n ? ": " : "",
		        errs->n ? errs->e[0].message : "");
	return rc;
}

/* Slagelse's four voluntary agreements of the autumn of 2015 */
static int agreements(struct db *db, struct arena *a, const struct principal *by)
{
	static const struct {
		const char *enterprise, *kommune, *title, *scope, *contact, *email, *start, *end;
	} rows[] = {
		{"Sumak", "330", "Frokost og mødeforplejning", "Frokostordninger og forplejning til møder i "
		 "kommunens administrationsbygninger.", "Kontaktperson hos Sumak", "kontakt@sumak.example",
		 "2015-10-01", "2017-09-30"},
		{"Bevar", "330", "Reparation og genbrug af møbler", "Istandsættelse af kontormøbler og "
		 "udstyr, der ellers ville blive kasseret.", "Kontaktperson hos Bevar", "kontakt@bevar.example",
		 "2015-11-01", "2016-10-31"},
		{"VeteranHaven", "330", "Pleje af grønne områder", "Have- og parkservice ved kommunens "
		 "institutioner.", "Kontaktperson hos VeteranHaven", "kontakt@veteranhaven.example",
		 "2015-11-15", "2027-01-15"},
		{"Legehytten", "621", "Legehuse til daginstitutioner", "Legehuse fra Legehyttens katalog "
		 "til kommunens daginstitutioner, leveret og opstillet.", "Kontaktperson hos Legehytten",
		 "kontakt@legehytten.example", "2015-10-15", "2026-12-31"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct agreement g = {.kommune = "330", .title = rows[i].title, .scope = rows[i].scope,
		                      .terms = "Frivillig indkøbsaftale; priser efter virksomhedens katalog. Demodata.",
		                      .contact_name = rows[i].contact, .contact_email = rows[i].email,
		                      .start = rows[i].start, .end = rows[i].end, .status = "active"};
		int rc = enterprise(db, rows[i].enterprise, rows[i].kommune, &g.enterprise_id);
		struct errs errs = {0};
		if (rc == 0)
			rc = report(rows[i].title, agreements_save(db, a, by, &g, &errs), &errs);
		if (rc)
			return rc;
	}
	return 0;
}

struct demo_purchase {
	const char *enterprise, *kommune, *date, *amount, *service, *description;
};

static int purchases(struct db *db, struct arena *a, const struct principal *by,
                     const struct demo_purchase *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct purchase p = {.date = rows[i].date, .service = rows[i].service,
		                     .description = rows[i].description};
		int rc = enterprise(db, rows[i].enterprise, rows[i].kommune, &p.enterprise_id);
		struct errs errs = {0};
		if (rc == 0)
			rc = report(rows[i].description, purchases_create(db, a, by, &p, rows[i].amount, &errs), &errs);
		if (rc)
			return rc;
	}
	return 0;
}

static const struct demo_purchase slagelse_purchases[] = {
	{"Sumak", "330", "2015-03-12", "18.450,00", "kantine", "Forplejning til temadag for ledere"},
	{"Sumak", "330", "2015-10-20", "6.200,00", "kantine", "Mødeforplejning, oktober"},
	{"Sumak", "330", "2015-11-24", "7.850,00", "kantine", "Mødeforplejning, november"},
	{"Bevar", "330", "2015-11-30", "12.300,00", "genbrug", "Istandsættelse af 20 kontorstole"},
	{"VeteranHaven", "330", "2015-12-01", "24.000,00", "haveservice", "Beskæring og vinterklargøring"},
	{"Legehytten", "621", "2015-12-10", "38.500,00", NULL, "Legehus til Børnehuset Troldehøj"},
	{"Bevar", "330", "2015-12-15", "1.495,00", "genbrug", "Jubilæumsgave: istandsat skrivebord"},
	/* an ordinary company: recorded, but no social-economy spend */
	{"Eksempel Kantinedrift ApS", "330", "2015-09-01", "9.900,00", "kantine", "Kantinevikar"},
};
static const struct demo_purchase kolding_purchases[] = {
	{"Virksomhedsporten", "621", "2015-06-01", "45.000,00", "raadgivning", "Forløb for unge ledige"},
	{"Soul Café", "621", "2015-09-17", "3.250,00", "cafe", "Kaffe og kage til borgermøde"},
	{"Legehytten", "621", "2015-10-05", "41.200,00", NULL, "Legehus til dagplejens legestue"},
	{"Glad Design", "621", "2015-11-19", "2.995,50", "design", "Jubilæumsgave til medarbejder"},
};
static const struct demo_purchase silkeborg_purchases[] = {
	{"Pladsholder Silkeborg 2", "740", "2015-08-31", "62.500,00", "kantine", "Kantinedrift, august"},
	{"Pladsholder Silkeborg 2", "740", "2015-09-30", "62.500,00", "kantine", "Kantinedrift, september"},
	{"Handi Boat Ivs", "740", "2015-07-02", "8.400,00", "kultur", "Sejlture for plejehjemsbeboere"},
	{"Æblespecialisterne ApS", "740", "2015-10-12", "4.180,00", "fodevarer", "Æbler til skolefrugt"},
};

/* Silkeborg's canteen lease with ten people in fleksjob */
static int lease(struct db *db, struct arena *a, const struct principal *by)
{
	struct commitment m = {.text = "10 ansatte i fleksjob", .scheme = "fleksjob", .target = 10};
	struct commitment m2 = {.text = "Økologisk andel af råvarerne på mindst 60 %"};
	struct commitment list[2] = {m, m2};
	struct contract c = {.kommune = "740", .kind = "forpagtning",
	                     .title = "Forpagtning af kantinen på Handelsskolen", .start = "2015-08-01",
	                     .note = "Forpagtet af en socialøkonomisk virksomhed på sociale vilkår "
	                             "(som Sterk ApS i rapportens kapitel 5). Demodata.",
	                     .commitments = list, .ncommitments = 2};
	int rc = enterprise(db, "Pladsholder Silkeborg 2", "740", &c.enterprise_id);
	struct errs errs = {0};
	if (rc == 0)
		rc = report(c.title, contracts_save(db, a, by, &c, "750.000,00", &errs), &errs);
	return rc;
}

int demo_purchasing(struct db *db, struct arena *a)
{
	struct principal slagelse, kolding, silkeborg;
	int rc = principal_of(db, a, "indkoeb@slagelse.example", &slagelse);
	if (rc == 0)
		rc = principal_of(db, a, "indkoeb@kolding.example", &kolding);
	if (rc == 0)
		rc = principal_of(db, a, "indkoeb@silkeborg.example", &silkeborg);
	if (rc)
		return rc;
	struct agreement *items;
	int n, total;
	struct agreements_query q = {.limit = 1};
	if ((rc = agreements_list(db, a, &slagelse, &q, &items, &n, &total)) != 0)
		return rc;
	if (total > 0)
		return 0; /* loaded before */
	if ((rc = agreements(db, a, &slagelse)) != 0 ||
	    (rc = purchases(db, a, &slagelse, slagelse_purchases,
	                    sizeof(slagelse_purchases) / sizeof(slagelse_purchases[0]))) != 0 ||
	    (rc = purchases(db, a, &kolding, kolding_purchases,
	                    sizeof(kolding_purchases) / sizeof(kolding_purchases[0]))) != 0 ||
	    (rc = purchases(db, a, &silkeborg, silkeborg_purchases,
	                    sizeof(silkeborg_purchases) / sizeof(silkeborg_purchases[0]))) != 0 ||
	    (rc = lease(db, a, &silkeborg)) != 0)
		return rc;
	printf("Purchasing: 4 agreements of Slagelse, 16 purchases of 2015, Silkeborg's canteen lease\n");
	return 0;
}
