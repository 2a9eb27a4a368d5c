/*
 * layout.c — the page shell. Layer: view.
 * No inline script or style: the CSP allows only files from /static/.
 */
#include "layout.h"

#include <string.h>

#include "html.h"
#include "text_da.h"

static void nav_item(struct buf *o, const struct layout_info *info, const char *href,
                     const char *label)
{
	size_t n = strlen(href);
	bool here = info->path && (strcmp(info->path, href) == 0 ||
	                           (n > 1 && strncmp(info->path, href, n) == 0 && info->path[n] == '/'));
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
	html(o, "<link rel=\"stylesheet\" href=\"/static/app.css\">\n"
	        "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n"
	        "</head>\n<body>\n");
	htmlf(o, "<a class=\"skip\" href=\"#main\">%s</a>\n", T_SKIP);
	html(o, "<header class=\"top\">\n<div class=\"brand\"><a href=\"/\" class=\"logo\">Indgang</a>");
	if (info->kommune_navn)
		htmlf(o, " <span class=\"kommune\">%s %s</span>", info->kommune_navn, T_KOMMUNE);
	else if (info->user_email)
		htmlf(o, " <span class=\"kommune\">%s</span>", T_NATIONAL);
	html(o, "</div>\n");
	htmlf(o, "<nav aria-label=\"%s\"><ul>", T_NAV_MAIN);
	nav_item(o, info, "/", T_NAV_HOME);
	nav_item(o, info, "/virksomheder", T_NAV_REGISTRY);
	if (info->nav_openings)
		nav_item(o, info, "/stillinger", T_NAV_OPENINGS);
	if (info->nav_cases)
		nav_item(o, info, "/sager", T_NAV_CASES);
	else
		nav_item(o, info, "/kontakt", T_NAV_CONTACT);
	if (info->nav_citizens)
		nav_item(o, info, "/borgere", T_NAV_CITIZENS);
	if (info->nav_placements)
		nav_item(o, info, info->nav_placements, T_NAV_PLACEMENTS);
	nav_item(o, info, "/statistik", T_NAV_STATS);
	if (info->nav_overview)
		nav_item(o, info, info->nav_overview, T_NAV_OVERVIEW);
	nav_item(o, info, "/kommuner", T_NAV_KOMMUNER);
	if (info->nav_surveys)
		nav_item(o, info, "/undersoegelser", T_NAV_SURVEYS);
	if (info->nav_matching)
		nav_item(o, info, "/matchning/vaegte", T_NAV_MATCHING);
	if (info->nav_users)
		nav_item(o, info, "/brugere", T_NAV_USERS);
	if (info->nav_admin)
		nav_item(o, info, "/admin/audit", T_NAV_AUDIT);
	html(o, "</ul></nav>\n<div class=\"user\">");
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
	html(o, "</div>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n");
	htmlf(o, "<h1>%s</h1>\n", info->title);
}

void layout_end(struct buf *o)
{
	htmlf(o, "</main>\n<footer><p>%s</p></footer>\n</body>\n</html>\n", T_FOOTER);
}
