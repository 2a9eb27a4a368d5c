/*
 * legal_web.c — the pages Danish public-sector sites must have: the privacy notice
 * (databeskyttelse: who is the data controller, why, for how long, the person's rights) and
 * the accessibility statement (tilgængelighedserklæring). Layer: http handlers.
 * Public, linked from every page's footer. The operator's name and contact come from the
 * administrator's settings (site.h); the rest is fixed text.
 */
#include "core_web.h"

#include <string.h>

#include "../base/arena.h"
#include "../entry/entry.h"
#include "../site/site.h"
#include "page.h"

/* the operator and how to reach it, as a sentence; nothing when no operator is set */
static void operator_contact(struct req *r, const struct site_operator *op)
{
	struct buf *o = &r->out;
	if (!*op->name)
		return;
	htmlf(o, "<p>Indgang drives af %s. Skriv til <a href=\"mailto:%s\">%s</a>", op->name,
	      op->email, op->email);
	if (*op->phone) {
		/* a tel: URI has no spaces (RFC 3966): "+45 33 12 34 56" links to tel:+4533123456 */
		size_t n = strlen(op->phone);
		char *tel = arena_alloc(&r->a, n + 1);
		size_t t = 0;
		for (size_t i = 0; i < n; i++)
			if (op->phone[i] != ' ')
				tel[t++] = op->phone[i];
		tel[t] = 0;
		htmlf(o, " eller ring på <a href=\"tel:%s\">%s</a>", tel, op->phone);
	}
	html(o, ".");
	if (*op->address)
		htmlf(o, " Adresse: %s.", op->address);
	html(o, "</p>\n");
}

/* the Danish Data Protection Agency and the Agency for Digital Government's complaint page */
#define DATATILSYNET_URL "https://www.datatilsynet.dk/"
#define DIGST_COMPLAINT_URL \
	"https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/"

/* GET /privatliv — public. How Indgang handles personal data: an inquiry through the contact
 * form, the registry's public contact details, user accounts, cookies. */
int core_page_privacy(struct req *r)
{
	struct site_operator op;
	site_operator_get(r->db, &r->a, &op);
	page_begin(r, "Privatlivspolitik og databeskyttelse");
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Her kan du læse, hvilke personoplysninger Indgang behandler, hvorfor, "
	        "hvor længe de gemmes, og hvilke rettigheder du har.</p>\n"
	        "<h2>Når du skriver til en kommune</h2>\n"
	        "<h3>Dataansvarlig</h3>\n"
	        "<p>Den kommune, du vælger i <a href=\"/kontakt\">kontaktformularen</a>, er dataansvarlig "
	        "for din henvendelse. Du kan kontakte kommunens databeskyttelsesrådgiver (DPO) gennem "
	        "kommunens hjemmeside, hvis du har spørgsmål til, hvordan dine oplysninger behandles.</p>\n"
	        "<h3>Hvilke oplysninger og hvorfor</h3>\n"
	        "<p>Vi behandler dit navn, din e-mailadresse, dit telefonnummer (hvis du skriver det), "
	        "navnet på din virksomhed eller idé, CVR-nummeret og din besked. Formålet er at besvare "
	        "din henvendelse og hjælpe dig videre: med at starte eller udvikle en socialøkonomisk "
	        "virksomhed, ansætte borgere, finde finansiering eller sælge til kommunen. Kommunen "
	        "behandler oplysningerne som led i sin myndighedsudøvelse og sine opgaver med "
	        "erhvervsfremme og beskæftigelse (databeskyttelsesforordningens artikel 6, stk. 1, "
	        "litra e).</p>\n"
	        "<h3>Hvem ser oplysningerne</h3>\n"
	        "<p>Kun de medarbejdere i kommunen, der arbejder med henvendelser (kommunens konsulenter "
	        "og den jobkonsulent, sagen er givet til), og Indgangs nationale administrator, der "
	        "driver løsningen. Hver gang nogen åbner din henvendelse, bliver det skrevet i en log. "
	        "Dine oplysninger kommer ikke i det offentlige virksomhedsregister: opretter kommunen "
	        "din virksomhed eller idé i registret, er det kun navnet, CVR-nummeret og kommunen, der "
	        "bliver offentligt.</p>\n"
	        "<h3>Hvor længe</h3>\n");
	htmlf(o, "<p>Henvendelsen gemmes, mens sagen er åben, og derefter så længe kommunen skal kunne "
	         "dokumentere sin sagsbehandling efter sine regler for opbevaring og sletning. Når "
	         "opbevaringsperioden er udløbet, sletter Indgang automatisk dit navn, dine "
	         "kontaktoplysninger, din besked og kommunens noter; tilbage står kun, at der var en "
	         "henvendelse om et emne, så den tæller med i kommunens tal. Perioden er %d år efter, at "
	         "sagen er afsluttet, medmindre kommunen har valgt en anden.</p>\n",
	      ENTRY_DEFAULT_RETENTION_YEARS);
	html(o, 
	        "<h2>Virksomhedsregistret</h2>\n"
	        "<p>Registret over socialøkonomiske virksomheder er offentligt. Det gælder også den "
	        "kontaktperson, e-mailadresse og det telefonnummer, en virksomhed vælger at vise: de kan "
	        "ses på virksomhedens side, i listerne, der kan hentes, og gennem API'et. Virksomheden "
	        "kan selv rette eller fjerne dem, eller bede kommunen om det. Virksomhedens hjemkommune "
	        "er dataansvarlig.</p>\n"
	        "<h2>Brugere af Indgang</h2>\n"
	        "<p>Har du en brugerkonto, gemmer vi din e-mailadresse, dit navn, din rolle og din kommune, "
	        "og en log over, hvad du ændrer, og hvornår du logger ind. Kontoen oprettes og lukkes af "
	        "din kommune.</p>\n"
	        "<h2>Cookies</h2>\n"
	        "<p>Indgang bruger kun de cookies, der er nødvendige for, at du kan logge ind og sende "
	        "formularer sikkert: en cookie, der holder dig logget ind, og en, der beskytter "
	        "formularerne mod forfalskning. Der er ingen cookies til statistik eller markedsføring, "
	        "og ingen oplysninger sendes til andre tjenester.</p>\n"
	        "<h2>Dine rettigheder</h2>\n"
	        "<p>Du har ret til at få at vide, hvilke oplysninger kommunen har om dig (indsigt), til at "
	        "få forkerte oplysninger rettet, til at få oplysninger slettet, når de ikke længere skal "
	        "bruges, til at få behandlingen begrænset, og til at gøre indsigelse mod den. Skriv til "
	        "den kommune, du har kontaktet.</p>\n");
	if (*op.name) {
		html(o, "<h2>Hvem driver Indgang</h2>\n");
		operator_contact(r, &op);
	}
	htmlf(o, "<p>Du kan klage over kommunens behandling af dine oplysninger til "
	         "<a href=\"%s\">Datatilsynet</a>, Carl Jacobsens Vej 35, 2500 Valby.</p>\n",
	      DATATILSYNET_URL);
	return page_end(r, 200);
}

/* GET /tilgaengelighed — public. The accessibility statement: the status against WCAG 2.1 AA,
 * the known gaps, how it was tested, whom to tell, and Digitaliseringsstyrelsen's complaint
 * procedure. */
int core_page_accessibility(struct req *r)
{
	struct site_operator op;
	site_operator_get(r->db, &r->a, &op);
	page_begin(r, "Tilgængelighedserklæring");
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Indgang skal kunne bruges af alle, også med skærmlæser, med "
	        "tastaturet alene, med forstørrelse og på en mobiltelefon. Erklæringen gælder alle "
	        "sider på dette websted.</p>\n"
	        "<h2>Status</h2>\n"
	        "<p>Indgang er <strong>delvist i overensstemmelse</strong> med kravene i lov om "
	        "tilgængelighed af offentlige organers websteder og mobilapplikationer, som henviser til "
	        "standarden WCAG 2.1 på niveau AA. Det, der endnu ikke lever op til kravene, står "
	        "nedenfor.</p>\n"
	        "<h2>Kendte mangler</h2>\n<ul>\n"
	        "<li>Man bliver logget ud efter 2 timer uden aktivitet uden at blive advaret og uden at "
	        "kunne forlænge tiden (WCAG 2.2.1). Gem en kladde undervejs, når du besvarer en lang "
	        "undersøgelse.</li>\n"
	        "<li>Diagrammerne i statistikken og rapporterne kan være svære at aflæse. Alle tal i "
	        "diagrammerne står også i en tabel på samme side.</li>\n"
	        "</ul>\n"
	        "<h2>Sådan er tilgængeligheden vurderet</h2>\n"
	        "<p>Siderne testes automatisk, hver gang Indgang ændres: hver side, en bruger kommer "
	        "igennem i testene, kontrolleres med axe-core mod WCAG 2.1 A og AA, formularerne bruges "
	        "med tastaturet alene og uden JavaScript, og siderne vises både i fuld bredde og i en "
	        "mobiltelefons bredde (390 pixel), hvor intet må stikke ud til siden. Al HTML "
	        "valideres. Erklæringen opdateres, når der sker ændringer, og mindst én gang om året.</p>\n"
	        "<h2>Feedback og kontakt</h2>\n"
	        "<p>Oplever du noget, du ikke kan bruge, så fortæl os det gennem "
	        "<a href=\"/kontakt\">kontaktformularen</a> (vælg emnet Andet), eller ring til din "
	        "kommunes hovednummer. Vi svarer inden for 10 arbejdsdage og finder en anden måde at "
	        "give dig det, du har brug for.</p>\n");
	operator_contact(r, &op);
	html(o, "<h2>Håndhævelsesprocedure</h2>\n");
	htmlf(o, "<p>Får du ikke et tilfredsstillende svar inden for 10 arbejdsdage, kan du klage til "
	         "Digitaliseringsstyrelsen, som fører tilsyn med offentlige websteders tilgængelighed. "
	         "Læs hvordan på <a href=\"%s\">Digitaliseringsstyrelsens side om ikke-tilgængeligt "
	         "indhold</a>.</p>\n",
	      DIGST_COMPLAINT_URL);
	return page_end(r, 200);
}
