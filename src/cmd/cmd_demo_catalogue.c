/*
 * cmd_demo_catalogue.c — the catalogue part of `indgang demo`: products and services of the
 * enterprises of chapter 5. Legehytten's playhouses with pictures drawn here (a house in
 * colours, never a copied picture), Soul Café's gifts for an anniversary (coffee, baskets: the
 * buyer of chapter 5 who looks for "en gave hos en socialøkonomisk virksomhed"),
 * Virksomhedsporten's logistics and services, and a few Slagelse enterprises of the demo
 * registry. Some deliver only to certain municipalities. Everything goes through the domain
 * functions (catalogue.h), so validation, search terms, the picture pipeline and the audit hold
 * as for any other data. Nothing is done when the catalogue already has products.
 * Layer: cmd.
 */
#include <stdint.h>
#include <stdio.h>

#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../procurement/catalogue.h"
#include "../procurement/images.h"
#include "../registry/registry.h"
#include "cmd.h"

struct demo_product {
	const char *enterprise, *kommune, *title, *description;
	int64_t price_ore;
	int vat_rate;
	const char *unit;
	int min_order;
	const char *cpv;
	const char *services[2];
	const char *areas[4];
	/* a drawn playhouse: wall and roof colours (RGB), or wall[0] 0 for no picture */
	unsigned char wall[3], roof[3];
	const char *alt;
};

static const struct demo_product products[] = {
	{"Legehytten", "621", "Legehus Villa Rød",
	 "Legehus i nordisk gran med saddeltag, dør og vindue med rigtigt glas. 2,4 × 1,8 m. "
	 "Bygget på værkstedet af folk i jobtræning; leveres samlet og stilles op.",
	 1499500, 25, "stk.", 1, "37535200-9", {"haandvaerk", NULL}, {NULL},
	 {190, 40, 40}, {70, 70, 80}, "Rødt legehus med gråt tag, brun dør og et vindue, på græs"},
	{"Legehytten", "621", "Legehus Bondegård",
	 "Stort legehus med halvtag og bænk langs væggen. Til børnehaver og dagplejer. Malet med "
	 "svanemærket maling.",
	 2250000, 25, "stk.", 1, "37535200-9", {"haandvaerk", NULL}, {"621", "330", "630", NULL},
	 {230, 190, 60}, {150, 60, 40}, "Gult legehus med rødt tag, brun dør og et vindue, på græs"},
	{"Legehytten", "621", "Legehus Skovhytte",
	 "Lille legehus til haven eller legepladsen, let at flytte. Leveres som byggesæt med "
	 "vejledning.",
	 895000, 25, "stk.", 1, "37535200-9", {"haandvaerk", NULL}, {NULL},
	 {80, 130, 80}, {60, 40, 30}, "Grønt legehus med brunt tag, brun dør og et vindue, på græs"},
	{"Soul Café", "621", "Jubilæumskurv med kaffe og småkager",
	 "Gavekurv til jubilæer og afskeder: økologisk kaffe fra vores eget risteri, hjemmebagte "
	 "småkager og et kort med jeres hilsen. Pakket af caféens medarbejdere.",
	 45000, 25, "kurv", 1, "18530000-3", {"cafe", NULL}, {"621", "630", "607", NULL},
	 {0}, {0}, NULL},
	{"Soul Café", "621", "Kaffe og kage til mødet",
	 "Kaffe, te og dagens kage leveret til mødelokalet, med service. Bestil senest to dage før.",
	 6500, 25, "kuvert", 10, "55520000-1", {"cafe", "kantine"}, {"621", NULL},
	 {0}, {0}, NULL},
	{"Soul Café", "621", "Økologisk kaffe, 500 g",
	 "Hele bønner eller formalet kaffe, ristet i Kolding. Fin som lille gave.", 8900, 25, "pose",
	 6, "15861000-1", {"cafe", "fodevarer"}, {NULL}, {0}, {0}, NULL},
	{"Virksomhedsporten", "621", "Pakning og montage",
	 "Pakning af forsendelser, montage af små dele og kuvertering. Vi henter og bringer i "
	 "Trekantområdet.",
	 39500, 25, "time", 2, "79921000-6", {"pakning", NULL}, {"621", "630", "607", NULL},
	 {0}, {0}, NULL},
	{"Virksomhedsporten", "621", "Budkørsel og lager",
	 "Budkørsel mellem kommunens institutioner, opbevaring af materialer og levering efter "
	 "aftale.",
	 45000, 25, "time", 1, "60161000-4", {"transport", NULL}, {"621", NULL}, {0}, {0}, NULL},
	{"Virksomhedsporten", "621", "Flytning af kontorer og biblioteker",
	 "Nedpakning, flytning og opstilling af møbler, arkiver og bogsamlinger. Vi har flyttet "
	 "bibliotekets samlinger for Kolding Kommune.",
	 52500, 25, "time", 4, "98392000-7", {"transport", NULL}, {NULL}, {0}, {0}, NULL},
	{"VeteranHaven", "330", "Pleje af grønne områder",
	 "Græsslåning, hækklipning og beplantning ved kommunale bygninger og boligforeninger.",
	 42500, 25, "time", 4, "77310000-6", {"haveservice", NULL}, {"330", "329", "326", NULL},
	 {0}, {0}, NULL},
	{"Bevar", "330", "Istandsættelse af møbler",
	 "Vi reparerer og istandsætter stole, borde og skabe fra institutioner, så de kan bruges "
	 "igen.",
	 35000, 25, "time", 1, "50850000-8", {"genbrug", NULL}, {"330", NULL}, {0}, {0}, NULL},
	{"Sumak", "330", "Frokostbuffet til arrangementer",
	 "Varieret frokostbuffet med retter fra hele verden, lavet af kvinder i jobtræning.", 12500,
	 25, "kuvert", 15, "55520000-1", {"kantine", NULL}, {"330", NULL}, {0}, {0}, NULL},
};

/* the count of the strings in a NULL-ended list of at most max */
static int count(const char *const *list, int max)
{
	int n = 0;
	while (n < max && list[n])
		n++;
	return n;
}

int demo_catalogue(struct db *db, struct arena *a)
{
	struct catalogue_query q = {.limit = 1, .price_min = -1, .price_max = -1};
	struct catalogue_item *items;
	int n, total;
	int rc = catalogue_search(db, a, &users_cli, &q, &items, &n, &total);
	if (rc)
		return rc;
	if (total > 0)
		return 0;
	int made = 0, pictures = 0;
	for (size_t i = 0; i < sizeof(products) / sizeof(products[0]); i++) {
		const struct demo_product *d = &products[i];
		int64_t enterprise;
		if ((rc = registry_find(db, NULL, d->enterprise, d->kommune, &enterprise)) != 0) {
			fprintf(stderr, "indgang demo: no enterprise %s in %s\n", d->enterprise, d->kommune);
			return rc;
		}
		struct product p = {.enterprise_id = enterprise, .title = d->title,
		                    .description = d->description, .price_ore = d->price_ore,
		                    .vat_rate = d->vat_rate, .unit = d->unit, .min_order = d->min_order,
		                    .cpv = d->cpv, .services = (const char **)(uintptr_t)d->services,
		                    .nservices = count(d->services, 2),
		                    .areas = (const char **)(uintptr_t)d->areas, .nareas = count(d->areas, 4)};
		struct errs errs = {0};
		if ((rc = catalogue_save(db, a, &users_cli, &p, &errs)) != 0) {
			fprintf(stderr, "indgang demo: product %s: %s\n", d->title,
			        errs.n ? errs.e[0].message : err_str(rc));
			return rc;
		}
		made++;
		if (!d->wall[0])
			continue;
		const void *png;
		size_t len;
		if (images_generate_house(a, 1200, 900, d->wall, d->roof, &png, &len) != 0) {
			fprintf(stderr, "indgang demo: the picture of %s could not be drawn\n", d->title);
			return ERR_IO;
		}
		struct catalogue_image im;
		if ((rc = catalogue_image_add(db, a, &users_cli, p.id, png, len, d->alt, &errs, &im)) != 0) {
			fprintf(stderr, "indgang demo: picture of %s: %s\n", d->title,
			        errs.n ? errs.e[0].message : err_str(rc));
			return rc;
		}
		pictures++;
	}
	printf("  catalogue: %d products, %d pictures\n", made, pictures);
	return 0;
}
