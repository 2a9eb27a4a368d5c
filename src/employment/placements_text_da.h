/*
 * placements_text_da.h — the Danish strings of the pages of placements and Tabel 4 from data.
 */
#ifndef INDGANG_PLACEMENTS_TEXT_DA_H
#define INDGANG_PLACEMENTS_TEXT_DA_H

#define P_TITLE "Forløb og ansættelser"
#define P_NEW "Opret forløb"
#define P_NOT_FOUND "Forløbet findes ikke, eller du har ikke adgang til det."
#define P_PURPOSE "Formål med opslaget"
#define P_PURPOSE_NONE "Vis uden navne"
#define P_PURPOSE_HINT "Borgernes navne vises først, når du har valgt formålet. Hvert opslag logges " \
	"med formålet, så borgeren kan få at vide, hvem der har set oplysningerne og hvorfor."
#define P_SHOW_NAMES "Vis navne"
#define P_STATE "Forløb"
#define P_STATE_OPEN "I gang"
#define P_STATE_ENDED "Afsluttede"
#define P_STATE_ALL "Alle"
#define P_SCHEME "Ordning"
#define P_ALL_SCHEMES "Alle ordninger"
#define P_SHOW "Vis"
#define P_NUMBER "Nr."
#define P_CITIZEN "Borger"
#define P_CITIZEN_NO "Borger nr."
#define P_ENTERPRISE "Virksomhed"
#define P_OPENING "Stilling"
#define P_START "Start"
#define P_PLANNED_END "Planlagt slut"
#define P_END "Slut"
#define P_HOURS "Timer pr. uge"
#define P_INHOUSE "Inhouse-gruppe"
#define P_OUTCOME "Udfald"
#define P_NO_OUTCOME "Ikke afklaret"
#define P_HIDDEN_NAME "(vælg formål)"
#define P_ANONYMIZED "(anonymiseret)"
#define P_EMPTY "Ingen forløb matcher filtrene."
#define P_FOLLOWUPS "Opfølgning"
#define P_FOLLOWUPS_EMPTY "Der er ingen opfølgningsmøder på forløbet."
#define P_DUE "Dato"
#define P_NOTE "Note"
#define P_HELD "Holdt"
#define P_PLANNED "Planlagt"
#define P_REMINDED "påmindelse sendt"
#define P_MARK_HELD "Markér som holdt"
#define P_MARK_NOT_HELD "Markér som ikke holdt"
#define P_ADD_FOLLOWUP "Tilføj opfølgning"
#define P_CHANGE "Afslut eller ret forløbet"
#define P_SAVE "Gem"
#define P_CREATED "Forløbet er oprettet."
#define P_SAVED "Forløbet er gemt."
#define P_YES "Ja"
#define P_NO "Nej"

#define P_ENTERPRISE_TITLE "Forløb hos %s"
#define P_ENTERPRISE_LEAD "Her ser I de borgere, der er i job eller forløb hos jer, og som har givet " \
	"samtykke til, at virksomheden må se det. I ser kun fornavn, ordning, datoer og timer; " \
	"jobcentret har resten."
#define P_FIRST_NAME "Fornavn"
#define P_ENTERPRISE_EMPTY "Der er ingen forløb at vise: enten er der ingen, eller borgerne har ikke " \
	"givet samtykke til, at virksomheden ser dem."

#define P_NOW_TITLE "Borgere i job og forløb nu"
#define P_NOW_COUNT "Antal"
#define P_DISCRETION "Tal på 1 og 2 vises som <3 af hensyn til borgerne (diskretion)."

#define S_TITLE "Forløb og ansættelser (Tabel 4)"
#define S_YEAR "År"
#define S_KOMMUNE "Kommune"
#define S_ALL_KOMMUNER "Alle kommuner"
#define S_LEAD "Tabel 4 i erfaringsopsamlingen fra 2015 byggede på kommunernes vurdering, fordi der " \
	"ikke var sat tal på forløb og ansættelser. Her er tallene talt fra de forløb og ansættelser, " \
	"jobcentrene har registreret: dem, der begyndte i året, efter borgerens kommune."
#define S_DISCRETION "Tal på 1 og 2 vises som <3, og en total, der ville afsløre et skjult tal, vises " \
	"som .. (diskretion). 0 vises som 0."
#define S_EXACT_HINT "Som ansat i en kommune ser du de præcise tal, når du vælger din egen kommune."
#define S_EXACT "Du ser de præcise tal, fordi du er ansat i kommunen."
#define S_EMPTY "Ingen forløb eller ansættelser begyndte i %d."
#define S_DOWNLOAD "Hent tabellen"
#define S_SURVEY_TITLE "Kommunernes egen vurdering i spørgeskemaet %d"
#define S_SURVEY_NONE "Der er ingen spørgeskemaundersøgelse med en Tabel 4 for %d at sammenligne med."
#define S_SURVEY_ITEM "Projekterne har medvirket til ..."
#define S_SURVEY_TOTAL "I alt"
#define S_SURVEY_DATA "Fra data i %d"

#endif
