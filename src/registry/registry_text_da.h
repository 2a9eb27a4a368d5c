/*
 * registry_text_da.h — the Danish strings of the registry's pages.
 */
#ifndef INDGANG_REGISTRY_TEXT_DA_H
#define INDGANG_REGISTRY_TEXT_DA_H

#define R_TITLE "Socialøkonomiske virksomheder"
#define R_LEAD "Registret over socialøkonomiske virksomheder og sociale iværksættere."
#define R_TITLE_COMPANY "Almindelige virksomheder"
#define R_LEAD_COMPANY "Almindelige virksomheder, der samarbejder med kommunen om job: de ansætter " \
	"borgere, tager en Inhouse-gruppe eller er CSR-partnere. De tæller ikke med i statistikken " \
	"over socialøkonomiske virksomheder."
#define R_TITLE_ALL "Virksomheder"
#define R_LEAD_ALL "Registrets socialøkonomiske virksomheder og sociale iværksættere og de " \
	"almindelige virksomheder, der samarbejder med kommunen om job."
#define R_KIND "Type"
#define R_KIND_SOEV "Socialøkonomiske virksomheder"
#define R_KIND_COMPANY "Almindelige virksomheder"
#define R_KIND_ALL "Alle typer"
#define R_KIND_ONE_COMPANY "almindelig virksomhed"
#define R_SEARCH "Søg"
#define R_SEARCH_HINT "Navn eller ord fra beskrivelsen. Æ, ø og å kan skrives ae, oe og aa."
#define R_ALL_KOMMUNER "Alle kommuner"
#define R_SHOWING_OWN "Listen viser virksomhederne i"
#define R_SHOW_ALL_KOMMUNER "Vis alle kommuner"
#define R_FILLERS_HIDDEN "%d pladsholdere fra demodata er ikke vist: de står for virksomheder, som " \
	"rapporten tæller med, men ikke nævner ved navn, og de tæller med i statistikken."
#define R_FILLERS_SHOW "Vis også pladsholderne"
#define R_ALL "Alle"
#define R_KOMMUNE "Kommune"
#define R_SERVICE "Ydelse"
#define R_TARGET "Målgruppe"
#define R_STATUS "Status"
#define R_REGISTERED "RSV-registreret"
#define R_YES "Ja"
#define R_NO "Nej"
#define R_SORT "Sortér efter"
#define R_SORT_NAME "Navn"
#define R_SORT_RELEVANCE "Bedste match"
#define R_SORT_ESTABLISHED "Nyeste etablering"
#define R_SORT_KOMMUNE "Kommune"
#define R_FILTER "Vis"
#define R_EMPTY "Ingen virksomheder matcher søgningen. Prøv med færre ord eller uden filtre."
#define R_NAME "Navn"
#define R_CVR "CVR-nummer"
#define R_ESTABLISHED "Etableret"
#define R_EXPORT "Hent listen"
#define R_NEW "Opret virksomhed"
#define R_NEW_COMPANY "Opret almindelig virksomhed"
#define R_EDIT "Redigér"
#define R_HISTORY "Historik"
#define R_HISTORY_EMPTY "Ingen ændringer er registreret."
#define R_SAVED "Virksomheden er gemt."
#define R_CREATED "Virksomheden er oprettet."
#define R_SAVE "Gem"
#define R_CANCEL "Annullér"
#define R_NOT_FOUND "Virksomheden findes ikke."
#define R_STATS_TITLE "Statistik over socialøkonomiske virksomheder"
#define R_STATS_SOEV_ONLY "Tabellerne tæller kun socialøkonomiske virksomheder: de almindelige " \
	"virksomheder i registret, der samarbejder med kommunen om job, er ikke med."
#define R_YEAR "År"
#define R_KOMMUNER_FILTER "Kun disse kommuner"
#define R_KOMMUNER_HINT "Vælg ingen for at se alle kommuner med virksomheder."
#define R_SHOW "Vis statistik"
#define R_WORKS_IN "arbejder i kommunen, hjemkommune:"
#define R_BILAG1_LINK "Bilag 1: de virksomheder, hver kommune samarbejder med"
#define R_BILAG1_TITLE "Bilag 1. Socialøkonomiske virksomheder som kommunerne samarbejder med"
#define R_BILAG1_LEAD "For hver kommune de socialøkonomiske virksomheder, den samarbejder med: " \
	"dem, der hører hjemme i kommunen, og dem fra andre kommuner, der arbejder i den. " \
	"Lukkede virksomheder er ikke med."
#define R_BILAG1_EMPTY "Ingen kommuner samarbejder med virksomheder i registret."
#define R_BILAG1_NONE "Kommunen samarbejder ikke med nogen virksomhed i registret."
#define R_BILAG1_COL "Virksomheder, som kommunen samarbejder med"

#define R_OPENINGS "Åbne stillinger og pladser"
#define R_OPENINGS_EMPTY "Virksomheden har ingen åbne stillinger eller pladser."
#define R_OPENINGS_ALL "Alle virksomhedens stillinger og pladser"
#define R_OPENINGS_MORE "Se flere af virksomhedens stillinger og pladser"
#define R_OPENINGS_NEW "Opret stilling"

#endif
