/*
 * auth_text_da.h — the Danish strings of sign-in, user accounts and the audit log.
 */
#ifndef INDGANG_AUTH_TEXT_DA_H
#define INDGANG_AUTH_TEXT_DA_H

#define A_LOGIN_TITLE "Log ind"
#define A_EMAIL "E-mail"
#define A_PASSWORD "Adgangskode"
#define A_LOGIN_BUTTON "Log ind"
#define A_LOGIN_WRONG "Forkert e-mail eller adgangskode."
#define A_LOGIN_BUSY "For mange mislykkede forsøg. Vent 15 minutter, og prøv igen."
#define A_LOGIN_EMPTY_EMAIL "Skriv din e-mailadresse."
#define A_LOGIN_EMPTY_PASSWORD "Skriv din adgangskode."
#define A_LOGGED_OUT "Du er nu logget ud."

#define A_USERS_TITLE "Brugere"
#define A_USERS_OF "Brugere i %s Kommune"
#define A_USERS_ALL "Alle brugere"
#define A_USERS_EMPTY "Der er ingen brugere endnu."
#define A_USER_NEW "Opret bruger"
#define A_USER_EDIT "Redigér bruger"
#define A_NAME "Navn"
#define A_ROLE "Rolle"
#define A_KOMMUNE "Kommune"
#define A_ACTIVE "Aktiv"
#define A_STATUS "Status"
#define A_CREATED "Oprettet"
#define A_ACTIVE_YES "Aktiv"
#define A_ACTIVE_NO "Deaktiveret"
#define A_NEW_PASSWORD "Ny adgangskode"
#define A_NEW_PASSWORD_HINT "Lad feltet stå tomt for at beholde den nuværende. Mindst 10 tegn."
#define A_PASSWORD_HINT "Mindst 10 tegn. Giv den til brugeren ad en sikker vej."
#define A_SAVE "Gem"
#define A_CREATE "Opret"
#define A_CANCEL "Annullér"
#define A_CREATED_OK "Brugeren er oprettet."
#define A_SAVED_OK "Ændringerne er gemt."
#define A_DEACTIVATE_HINT "En deaktiveret bruger kan ikke logge ind, og alle brugerens sessioner afsluttes. Det kan fortrydes ved at sætte kontoen aktiv igen."
#define A_HISTORY "Historik"
#define A_EXPORT_CSV "Hent som CSV"

#define A_AUDIT_TITLE "Revisionslog"
#define A_AUDIT_EMPTY "Ingen hændelser matcher filteret."
#define A_AUDIT_WHEN "Tidspunkt"
#define A_AUDIT_WHO "Bruger"
#define A_AUDIT_ACTION "Handling"
#define A_AUDIT_ENTITY "Objekt"
#define A_AUDIT_DETAIL "Detaljer"
#define A_AUDIT_FROM "Fra dato"
#define A_AUDIT_TO "Til dato"
#define A_FILTER "Filtrér"

#endif
