/*
 * core_web.c — the front page. Layer: http handlers.
 * It links every page the caller may use and none that would refuse them, asking access.h the
 * same questions as the menu (page.c); it promises only what exists.
 */
#include "core_web.h"

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../collab/funding_web.h" /* funding: the deadlines within 30 days */
#include "../outreach/events_web.h"
/* partnership agreements: the overdue action items on the home page */
#include "../collab/partnerships_web.h"
#include "../registry/registry.h"
#include "page.h"

/* card: one item of the front page's list: a link and what it leads to */
static void card(struct buf *o, const char *href, const char *label, const char *what)
{
	htmlf(o, "<li><a href=\"%s\">%s</a>: %s</li>\n", href, label, what);
}

/* the cards of the municipality's own desk and of the national administrator: who asks is
 * signed in */
static void staff_cards(struct req *r)
{
	struct buf *o = &r->out;
	const struct principal *u = r->user;
	bool national = access_national(u);
	if (!national && access_case_worker(u, u->kommune) == 0)
		card(o, "/sager", "Sager",
		     access_allowed(u, ACC_WRITE, u->kommune) == 0
		         ? "henvendelser fra virksomheder og iværksættere gennem én indgang."
		         : "de henvendelser fra virksomheder og iværksættere, der er givet til dig.");
	if (national)
		card(o, "/sager", "Sager", "alle kommuners henvendelser fra virksomheder og iværksættere.");
	/* the municipality's own desk: its konsulent, not the national administrator */
	if (!national && access_allowed(u, ACC_WRITE, u->kommune) == 0) {
		card(o, "/raadgivning", "Rådgivningssamtaler", "registrér samtaler og se månedstallene.");
		card(o, "/opsaetning", "Opsætning af én indgang",
		     "enheder, samarbejdspartnere, hvem der får hvilke henvendelser, og svarfristen.");
	}
	if (access_allowed(u, ACC_ANSWER_SURVEY, u->kommune) == 0)
		card(o, "/undersoegelser", "Undersøgelser",
		     national ? "send runder, følg svarene og læs rapporterne."
		              : "de undersøgelser, kommunen skal besvare.");
	else if (access_national_figures(u) == 0)
		card(o, "/undersoegelser", "Undersøgelser", "rapporterne fra kommunernes årlige undersøgelse.");
	if (access_allowed(u, ACC_READ_PERSONAL, u->kommune) == 0)
		card(o, "/borgere", "Borgere", "jobcentrets borgere og deres match med pladserne.");
	const char *scope;
	int64_t enterprise_id;
	if (access_openings_scope(u, &scope, &enterprise_id) == 0)
		card(o, "/stillinger", "Stillinger og pladser",
		     enterprise_id ? "virksomhedens job, fleksjob, praktik og andre pladser."
		                   : "job, fleksjob, praktik og andre pladser hos virksomhederne.");
	const char *pk;
	int64_t pe;
	if (access_placement_scope(u, &pk, &pe) == 0) {
		if (pk)
			card(o, "/forloeb", "Forløb", "borgernes forløb hos virksomhederne, opfølgninger og resultater.");
		else
			htmlf(o, "<li><a href=\"/virksomheder/%lld/forloeb\">Forløb</a>: de borgere, der er i forløb hos "
			         "virksomheden.</li>\n", (long long)pe);
	}
	/* networks and meetings (collab) */
	const char *collab_scope;
	if (access_collaboration_scope(u, &collab_scope) == 0)
		card(o, "/netvaerk", "Netværk", "kommunens netværk med virksomhederne: medlemmer, møder, "
		                                "fremmøde, referater og opgaver.");
	/* the grant pool and funding sources (collab) */
	const char *pool_scope;
	if (access_collaboration_scope(u, &pool_scope) == 0) {
		card(o, "/puljer", "Puljer", "landsdækkende puljer: ansøgninger, bevillinger, udbetalinger,"
		                             " forbrug og forpligtelser.");
		card(o, "/finansiering", "Finansiering", "fonde, puljer, banker, LAG og crowdfunding med"
		                                         " frister, til rådgivningen om finansiering.");
	}
	/* partnership agreements (collab) */
	const char *pship_scope;
	if (access_collaboration_scope(u, &pship_scope) == 0)
		card(o, "/partnerskaber", "Partnerskaber",
		     "partnerskabs-, samarbejds- og brugsaftaler med parternes roller, følgegruppe og handleplan.");
	/* outreach: contacts, leads, support plans and survival */
	const char *outreach_scope;
	if (access_collaboration_scope(u, &outreach_scope) == 0)
		card(o, "/opsoegning/kontakter", "Opsøgning",
		     "besøg og kontakter med virksomhederne, leads til nye virksomheder, støtteplaner og "
		     "overlevelse.");
	/* strategies with live goals (collab) */
	const char *strategy_scope;
	if (access_collaboration_scope(u, &strategy_scope) == 0)
		card(o, "/strategier", "Strategier og mål",
		     "kommunens strategier med succeskriterier, der måles løbende, og rapporten til udvalget.");
	/* purchasing read-only (the jobkonsulent): the menu's "Indkøb" is for those who keep it */
	if (access_procurement(u, ACC_WRITE, u->kommune) != 0 && access_procurement(u, ACC_READ, u->kommune) == 0)
		card(o, "/indkoeb", "Indkøb", "kommunens aftaler, ordrer, køb og kontrakter med virksomhederne.");
	if (access_match_settings(u, u->kommune) == 0)
		card(o, "/matchning/vaegte", "Matchvægte", "hvad der vægter mest, når borgere og pladser matches.");
	if (u->kommune && access_figures(u, u->kommune) == 0)
		htmlf(o, "<li><a href=\"/kommuner/%s/overblik\">Overblik</a>: kommunens tal over fem år "
		         "til udvalget, klar til udskrift.</li>\n", u->kommune);
	if (access_national_figures(u) == 0) {
		card(o, "/statistik/landet", "Hele landet", "de 98 kommuners nøgletal side om side.");
		card(o, "/statistik/aarsrapport", "Årsrapporten",
		     "rapportens kapitel 3 for et år og en runde af undersøgelsen.");
	}
	if (access_allowed(u, ACC_MANAGE_USERS, u->kommune) == 0)
		card(o, "/brugere", "Brugere", national ? "alle kommuners brugerkonti og de nationale."
		                                        : "opret og administrér kommunens brugerkonti.");
	if (national) {
		card(o, "/admin/audit", "Revisionslog", "alle ændringer og al læsning af personoplysninger.");
		card(o, "/admin/udbakke", "Udbakke", "al udgående post.");
		card(o, "/admin/indstillinger", "Indstillinger",
		     "driftsorganisationen og dens kontakt, som de juridiske sider viser.");
	}
}

/* the public side of the collaboration: funding sources, strategies with their goals, and the
 * public partnership agreements */
static void public_collab_cards(struct buf *o)
{
	card(o, "/finansiering", "Finansiering",
	     "fonde, puljer, lån og crowdfunding til at starte eller udvikle en virksomhed.");
	card(o, "/strategier", "Strategier og mål",
	     "kommunernes strategier for samarbejdet med virksomhederne, og hvor langt de er nået.");
	card(o, "/partnerskaber", "Partnerskaber", "kommunernes offentlige partnerskabsaftaler.");
}

/* the enterprise a virksomhed user represents: its profile and the form to keep it up to date */
static void own_enterprise_card(struct req *r)
{
	struct enterprise e;
	bool own_only;
	if (!r->user->enterprise_id || registry_get(r->db, &r->a, r->user->enterprise_id, &e) != 0 ||
	    access_enterprise_profile(r->user, e.id, e.kommune, &own_only) != 0)
		return;
	htmlf(&r->out, "<li><a href=\"/virksomheder/%lld\">%s</a>: virksomhedens side i registret. "
	               "<a href=\"/virksomheder/%lld/rediger\">Ret virksomhedens oplysninger</a>.</li>\n",
	      (long long)e.id, e.name, (long long)e.id);
}

/* GET / — public. What Indgang is, and every page the caller may use from here. */
int core_page_home(struct req *r)
{
	page_begin(r, "Velkommen til Indgang");
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Indgang samler kommunens arbejde med de socialøkonomiske "
	        "virksomheder: et offentligt register over virksomhederne, én indgang for "
	        "henvendelser og rådgivning, stillinger og pladser hos virksomhederne, kommunens "
	        "indkøb og udbud, netværk, partnerskaber, strategier og puljer, og kommunernes årlige "
	        "undersøgelse med rapporten.</p>\n");
	if (!r->user) {
		html(o, "<ul class=\"cards\">\n");
		card(o, "/virksomheder", "Virksomheder", "søg i registret over socialøkonomiske virksomheder.");
		card(o, "/statistik", "Statistik", "antal virksomheder pr. kommune og efter oprindelse.");
		card(o, "/kontakt", "Kontakt kommunen",
		     "om at starte eller udvikle en virksomhed, ansætte borgere eller sælge til kommunen.");
		public_collab_cards(o);
		card(o, "/kommuner", "Kommuner", "landets 98 kommuner.");
		html(o, "</ul>\n<p><a class=\"button\" href=\"/login\">Log ind</a> som medarbejder i en "
		        "kommune eller som virksomhed.</p>\n");
		/* events: the next three public ones */
		events_home_list(r);
		return page_end(r, 200);
	}
	htmlf(o, "<p>Du er logget ind som %s.</p>\n<ul class=\"cards\">\n", r->user->email);
	own_enterprise_card(r);
	staff_cards(r);
	if (r->user->kommune && !access_national(r->user))
		htmlf(o, "<li><a href=\"/virksomheder?kommune=%s\">Virksomheder i %s</a>: registrets "
		         "virksomheder i kommunen; <a href=\"/virksomheder?kommune=\">alle kommuner</a>.</li>\n",
		      r->user->kommune, r->user->kommune_navn ? r->user->kommune_navn : r->user->kommune);
	else
		card(o, "/virksomheder", "Virksomheder", "registret over socialøkonomiske virksomheder.");
	card(o, "/statistik", "Statistik", "Tabel 1 og 2 og Bilag 1 fra registrets data.");
	if (access_case_worker(r->user, r->user->kommune) != 0 && !access_national(r->user))
		card(o, "/kontakt", "Kontakt", "skriv til en kommune gennem én indgang.");
	/* what the staff keep, as the public sees it, for those who do not keep it (an
	 * enterprise's account) */
	const char *collab_scope;
	if (access_collaboration_scope(r->user, &collab_scope) != 0)
		public_collab_cards(o);
	card(o, "/kommuner", "Kommuner", "landets 98 kommuner.");
	html(o, "</ul>\n");
	/* funding (collab): the deadlines of the sources the staff may see within 30 days */
	funding_home_deadlines(r);
	/* partnership agreements: the overdue items of the municipality's action plans */
	partnerships_home_due(r);
	return page_end(r, 200);
}
