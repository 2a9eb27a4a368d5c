/*
 * layout.c — the page shell. Layer: view.
 * No inline script or style: the CSP allows only files from /static/.
 */
#include "layout.h"

#include <stdio.h>
#include <string.h>

#include "html.h"
#include "text_da.h"

/* on_path: the page shown is href or below it */
static bool on_path(const struct layout_info *info, const char *href)
{
	size_t n = strlen(href);
	return info->path && (strcmp(info->path, href) == 0 ||
	                      (n > 1 && strncmp(info->path, href, n) == 0 && info->path[n] == '/'));
}

/* nav_item: one link of the menu, marked aria-current when here */
static void nav_item(struct buf *o, const char *href, const char *label, bool here)
{
	if (here)
		htmlf(o, "<li><a href=\"%s\" aria-current=\"page\">%s</a></li>", href, label);
	else
		htmlf(o, "<li><a href=\"%s\">%s</a></li>", href, label);
}

void layout_begin(struct buf *o, const struct layout_info *info)
{
	html(o, "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
	        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
	htmlf(o, "<title>%s · Indgang</title>\n", info->title);
	/* the stylesheet's address carries its content hash, so it may be cached for a year */
	htmlf(o, "<link rel=\"stylesheet\" href=\"%s\">\n", layout_stylesheet);
	html(o, "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n");
	/* tenders: the Atom feed of published tenders, for feed readers */
	if (info->feed)
		htmlf(o, "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"%s\" href=\"%s\">\n",
		      T_FEED_TENDERS, info->feed);
	html(o, "</head>\n<body>\n");
	htmlf(o, "<a class=\"skip\" href=\"#main\">%s</a>\n", T_SKIP);
	/* the header of Det Fælles Designsystem: the portal line with the solution's name, the
	 * municipality and who is signed in, then the menu */
	html(o, "<header class=\"top\">\n<div class=\"portal-header\"><div class=\"portal-header-inner\">\n"
	        "<div class=\"brand\"><a href=\"/\" class=\"logo\">Indgang</a>");
	if (info->kommune_navn)
		htmlf(o, " <span class=\"kommune\">%s %s</span>", info->kommune_navn, T_KOMMUNE);
	else if (info->user_email)
		htmlf(o, " <span class=\"kommune\">%s</span>", T_NATIONAL);
	html(o, "</div>\n<div class=\"user\">");
	if (info->user_email) {
		htmlf(o, "<span class=\"who\">%s <span class=\"role\">(%s)</span></span>", info->user_email,
		      info->user_role);
		htmlf(o, "<form method=\"post\" action=\"/logout\" class=\"inline\">"
		         "<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
		         "<button type=\"submit\" class=\"link\">%s</button></form>",
		      info->csrf ? info->csrf : "", T_LOGOUT);
	} else {
		htmlf(o, "<a href=\"/login\">%s</a>", T_LOGIN);
	}
	html(o, "</div>\n</div></div>\n");
	htmlf(o, "<nav aria-label=\"%s\"><ul class=\"nav-primary\">", T_NAV_MAIN);
	/* the enterprise a virksomhed user represents: its pages are "Min virksomhed", not the
	 * registry's */
	char own[48] = "";
	if (info->nav_enterprise > 0)
		snprintf(own, sizeof(own), "/virksomheder/%lld", info->nav_enterprise);
	/* an enterprise's placements lie below its page: there "Forløb" is marked, not the page */
	bool at_placements = info->nav_placements && on_path(info, info->nav_placements);
	/* the catalogue an enterprise keeps lies below its page too */
	char own_catalogue[56] = "";
	if (info->nav_own_catalogue > 0)
		snprintf(own_catalogue, sizeof(own_catalogue), "/virksomheder/%lld/katalog",
		         info->nav_own_catalogue);
	bool at_own_catalogue = *own_catalogue && on_path(info, own_catalogue);
	/* and so are its orders (purchasing) */
	char own_orders[64] = "";
	if (info->nav_supplier > 0)
		snprintf(own_orders, sizeof(own_orders), "/virksomheder/%lld/ordrer", info->nav_supplier);
	bool at_orders = *own_orders && on_path(info, own_orders);
	bool at_own = *own && on_path(info, own) && !at_placements && !at_own_catalogue && !at_orders;
	nav_item(o, "/", T_NAV_HOME, on_path(info, "/"));
	nav_item(o, "/virksomheder", T_NAV_REGISTRY,
	         on_path(info, "/virksomheder") && !at_own && !at_placements && !at_own_catalogue &&
	         !at_orders);
	if (*own)
		nav_item(o, own, T_NAV_OWN_ENTERPRISE, at_own);
	nav_item(o, "/katalog", T_NAV_CATALOGUE, on_path(info, "/katalog"));
	if (*own_catalogue)
		nav_item(o, own_catalogue, T_NAV_OWN_CATALOGUE, at_own_catalogue);
	if (info->nav_openings)
		nav_item(o, "/stillinger", T_NAV_OPENINGS, on_path(info, "/stillinger"));
	/* tenders: public, for everyone */
	nav_item(o, "/udbud", T_NAV_TENDERS, on_path(info, "/udbud"));
	/* the collaboration (collab): networks, partnerships, strategies, pools and funding are
	 * gathered on /samarbejde, marked as here on each of their pages */
	if (info->nav_networks)
		nav_item(o, "/samarbejde", "Samarbejde",
		         on_path(info, "/samarbejde") || on_path(info, "/netvaerk") ||
		             on_path(info, "/partnerskaber") || on_path(info, "/strategier") ||
		             on_path(info, "/puljer") || on_path(info, "/finansiering"));
	if (info->nav_cases)
		nav_item(o, "/sager", T_NAV_CASES, on_path(info, "/sager"));
	else
		nav_item(o, "/kontakt", T_NAV_CONTACT, on_path(info, "/kontakt"));
	if (info->nav_citizens)
		nav_item(o, "/borgere", T_NAV_CITIZENS, on_path(info, "/borgere"));
	if (info->nav_placements)
		nav_item(o, info->nav_placements, T_NAV_PLACEMENTS, at_placements);
	/* purchasing (procurement/): the menu's Danish labels are the pages' own titles */
	if (info->nav_purchasing)
		nav_item(o, "/indkoeb", "Indkøb", on_path(info, "/indkoeb"));
	else if (info->nav_supplier > 0) {
		char orders[64];
		snprintf(orders, sizeof(orders), "/virksomheder/%lld/ordrer", info->nav_supplier);
		nav_item(o, orders, "Ordrer", on_path(info, orders) || on_path(info, "/indkoeb"));
	}
	nav_item(o, "/statistik", T_NAV_STATS, on_path(info, "/statistik") && !on_path(info, "/statistik/landet"));
	if (info->nav_overview)
		nav_item(o, info->nav_overview, T_NAV_OVERVIEW, on_path(info, info->nav_overview));
	nav_item(o, "/kommuner", T_NAV_KOMMUNER, on_path(info, "/kommuner") &&
	                                        !(info->nav_overview && on_path(info, info->nav_overview)));
	/* events for everyone, the guidance library for staff */
	nav_item(o, "/arrangementer", "Arrangementer", on_path(info, "/arrangementer"));
	if (info->nav_guidance)
		nav_item(o, "/vejledning", "Vejledning", on_path(info, "/vejledning"));
	if (info->nav_surveys)
		nav_item(o, "/undersoegelser", T_NAV_SURVEYS, on_path(info, "/undersoegelser"));
	if (info->nav_matching)
		nav_item(o, "/matchning/vaegte", T_NAV_MATCHING, on_path(info, "/matchning/vaegte"));
	/* outreach: contacts, leads, support plans and survival */
	if (info->nav_outreach)
		nav_item(o, "/opsoegning/kontakter", T_NAV_OUTREACH, on_path(info, "/opsoegning"));
	if (info->nav_users)
		nav_item(o, "/brugere", T_NAV_USERS, on_path(info, "/brugere"));
	if (info->nav_admin)
		nav_item(o, "/admin/audit", T_NAV_AUDIT, on_path(info, "/admin/audit"));
	html(o, "</ul></nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n");
	htmlf(o, "<h1>%s</h1>\n", info->title);
}

void layout_end(struct buf *o)
{
	htmlf(o, "</main>\n<footer><p>%s</p>\n<ul class=\"footer-links\">"
	         "<li><a href=\"/privatliv\">%s</a></li><li><a href=\"/tilgaengelighed\">%s</a></li>"
	         "</ul></footer>\n</body>\n</html>\n",
	      T_FOOTER, T_FOOTER_PRIVACY, T_FOOTER_ACCESSIBILITY);
}
