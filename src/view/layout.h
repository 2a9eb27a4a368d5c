/*
 * layout.h — the page shell every HTML page shares: head, skip link, header with the
 * municipality's name, navigation, the signed-in user, main landmark, footer.
 * Layer: view. It is given what to show; it does not look anything up.
 */
#ifndef INDGANG_LAYOUT_H
#define INDGANG_LAYOUT_H

#include <stdbool.h>

#include "../base/buf.h"

struct layout_info {
	const char *title;         /* the page's h1 and <title> */
	const char *path;          /* the current path, to mark the navigation */
	const char *user_email;    /* NULL when anonymous */
	const char *user_role;     /* Danish label */
	const char *kommune_navn;  /* the user's municipality; NULL for admin or anonymous */
	const char *csrf;          /* for the sign-out form */
	bool nav_users;            /* show "Brugere" */
	bool nav_cases;            /* show "Sager" (instead of "Kontakt") */
	bool nav_admin;            /* show the national pages */
	bool nav_surveys;          /* show "Undersøgelser" */
	bool nav_citizens;         /* show "Borgere" */
	bool nav_openings;         /* show "Stillinger og pladser" */
	bool nav_matching;         /* show "Matchvægte" */
	bool nav_outreach;         /* show "Opsøgning": contacts, leads, plans, survival */
	const char *nav_overview;  /* "Overblik" links here (the municipality's overview, or the
	                            * national view), or NULL */
	const char *nav_placements; /* where "Forløb" leads (the jobkonsulent's list, or the
	                             * enterprise's own placements), or NULL: not shown */
	const char *feed;          /* tenders: an Atom feed for the head's <link rel=alternate>, or
	                            * NULL */
	/* events and the guidance library: "Arrangementer" is shown to everyone */
	bool nav_guidance;         /* show "Vejledning" (the municipality's staff) */
	long long nav_enterprise;  /* the id of the enterprise the user represents: "Min virksomhed";
	                            * 0: none */
	/* the catalogue (procurement): "Katalog" is shown to everyone; "Vores katalog" leads to the
	 * catalogue of the enterprise a virksomhed user keeps (its id), 0: not shown */
	long long nav_own_catalogue;
	/* purchasing: "Indkøb" (/indkoeb) for a municipality's purchasing staff and the
	 * administrator; "Ordrer" for an enterprise's own account: the orders sent to the enterprise
	 * of this id (0: not shown) */
	bool nav_purchasing;
	long long nav_supplier;
	/* networks and meetings (collab) */
	bool nav_networks;         /* show "Samarbejde" (the municipality's staff and the administrator) */
};

/* layout_stylesheet: the address of /static/app.css with its content hash (?v=...), written by
 * the build (tools/embed.c, into build/gen/assets.c) */
extern const char layout_stylesheet[];

/* layout_begin: everything up to and including <h1>; layout_end: closes the page, with the
 * footer's links to the privacy notice and the accessibility statement. */
void layout_begin(struct buf *o, const struct layout_info *info);
void layout_end(struct buf *o);

#endif
