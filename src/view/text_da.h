/*
 * text_da.h — the Danish strings of the shared page shell and forms, in one place so an
 * English set can follow. Each capability keeps its own strings in its own *_text_da.h.
 */
#ifndef INDGANG_TEXT_DA_H
#define INDGANG_TEXT_DA_H

#define T_SKIP "Spring til indhold"
#define T_KOMMUNE "Kommune"
#define T_NATIONAL "National administration"
#define T_NAV_MAIN "Hovedmenu"
#define T_NAV_HOME "Forside"
#define T_NAV_KOMMUNER "Kommuner"
#define T_NAV_REGISTRY "Virksomheder"
#define T_NAV_OPENINGS "Stillinger og pladser"
/* tenders */
#define T_NAV_TENDERS "Udbud"
#define T_FEED_TENDERS "Udbud (Atom)"
#define T_NAV_STATS "Statistik"
#define T_NAV_OVERVIEW "Overblik"
#define T_NAV_CITIZENS "Borgere"
#define T_NAV_CASES "Sager"
#define T_NAV_CONTACT "Kontakt"
#define T_NAV_PLACEMENTS "Forløb"
#define T_NAV_SURVEYS "Undersøgelser"
#define T_NAV_USERS "Brugere"
#define T_NAV_MATCHING "Matchvægte"
#define T_NAV_OUTREACH "Opsøgning"
#define T_NAV_AUDIT "Revisionslog"
#define T_NAV_OWN_ENTERPRISE "Min virksomhed"
/* the catalogue (procurement) */
#define T_NAV_CATALOGUE "Katalog"
#define T_NAV_OWN_CATALOGUE "Vores katalog"
#define T_LOGIN "Log ind"
#define T_LOGOUT "Log ud"
#define T_FOOTER "Indgang — én indgang for kommuner og socialøkonomiske virksomheder"
#define T_FOOTER_PRIVACY "Privatlivspolitik og databeskyttelse"
#define T_FOOTER_ACCESSIBILITY "Tilgængelighedserklæring"
#define T_REQUIRED "(skal udfyldes)"
#define T_ERRORS_TITLE "Formularen indeholder fejl"
/* the link back from a question asked before a destructive action */
#define T_CONFIRM_BACK "Fortryd"
#define T_PREV "Forrige"
#define T_NEXT "Næste"
#define T_PAGINATION "Sider"
#define T_SHOWING "Viser %d–%d af %d"
#define T_SHOWING_OVER "Viser %d–%d af over %s"
#define T_PAST_END "Siden er tom: listen har %d i alt."
#define T_FIRST_PAGE "Til første side"
#define T_ERR_LOGGED "Der skete en fejl. Den er logget."
#define T_ERR_NOT_FOUND "Siden findes ikke."
#define T_ERR_FORBIDDEN "Du har ikke adgang til denne side."
#define T_ERR_CONFLICT "Det kan ikke lade sig gøre, fordi data er ændret i mellemtiden eller allerede findes."
#define T_ERR_INVALID "Oplysningerne kunne ikke bruges. Ret dem og prøv igen."
#define T_ERR_TOOBIG "Der blev sendt for meget data."
#define T_ERR_BUSY "For mange forsøg. Vent lidt, og prøv igen."
#define T_ERR_UNAVAILABLE "Der er travlt lige nu. Prøv igen om et øjeblik."

#endif
