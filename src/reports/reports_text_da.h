/*
 * reports_text_da.h — the Danish strings of the reports capability (the overview, the national
 * view and the yearly report), in one place.
 */
#ifndef INDGANG_REPORTS_TEXT_DA_H
#define INDGANG_REPORTS_TEXT_DA_H

/* the yearly report */
#define REP_YEARLY_TITLE "Årsrapport"
#define REP_YEARLY_LEAD "Erfaringsopsamlingens kapitel 3 for et år og en runde af undersøgelsen: " \
	"Tabel 1 fra registret, de øvrige tabeller fra kommunernes besvarelser og, hvor Indgang har " \
	"tallene, det samme talt op fra data ved siden af."
#define REP_T1_TITLE "Antal socialøkonomiske virksomheder i kommunerne"
#define REP_T2_DATA_TITLE "Fra registret: virksomhederne efter oprindelse"
#define REP_T4_DATA_TITLE "Fra forløbene: job og forløb, der begyndte i"
#define REP_T12_DATA_TITLE "Fra rådgivningssamtalerne: kommunerne efter antal rådgivne i måneden"
#define REP_FROM_DATA "Talt op fra data"
#define REP_FROM_SURVEY "Kommunernes besvarelser"
#define REP_YEAR "År"
#define REP_SURVEY "Undersøgelse"
#define REP_ROUND "Runde"
#define REP_COMPARE "Sammenlign med runde"
#define REP_COMPARE_NONE "Ingen sammenligning"
#define REP_SHOW "Vis rapporten"
#define REP_CHOOSE "Vælg år, undersøgelse og runde, og vis rapporten."
#define REP_NO_ROUNDS "Der er endnu ingen runder af en undersøgelse."
#define REP_DOWNLOAD "Hent rapporten"

/* the overview */
#define REP_OV_TITLE "Overblik"
#define REP_OV_LEAD "Kommunens tal over fem år: virksomhederne i registret, henvendelserne til " \
	"én indgang, rådgivningssamtalerne og borgernes forløb og ansættelser. Hvert tal fører til " \
	"listen eller tabellen bag det."
#define REP_OV_REGISTRY "Socialøkonomiske virksomheder"
#define REP_OV_FLOW "Nye og lukkede virksomheder"
#define REP_OV_INQUIRIES "Henvendelser og svartider"
#define REP_OV_ADVISORY "Rådgivningssamtaler"
#define REP_OV_PLACEMENTS "Forløb og ansættelser"
#define REP_OV_PRINT "Udskriv siden, eller gem den som PDF fra browserens udskriftsdialog: " \
	"hvert afsnit begynder på en ny side."

/* the national view */
#define REP_NAT_TITLE "Hele landet"
#define REP_NAT_LEAD "Landets 98 kommuner med deres nøgletal for året og året før, grupperet " \
	"efter region med regionernes subtotaler. Klik på en kolonneoverskrift for at sortere " \
	"inden for regionerne."

#endif
