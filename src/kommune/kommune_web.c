/*
 * kommune_web.c — the public list of municipalities. Layer: handlers of the kommune capability.
 */
#include "kommune_web.h"

#include "../auth/access.h"
#include "../base/err.h"
#include "../http/api.h"
#include "../http/page.h"
#include "kommune.h"

/* GET /kommuner — public. The 98 municipalities with code and region; for who reads a
 * municipality's figures (access_figures) a link to its overview. */
int kommune_page_list(struct req *r)
{
	struct kommune *ks;
	int n;
	int rc = kommune_list(r->db, &r->a, &ks, &n);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Kommuner");
	struct buf *o = &r->out;
	htmlf(o, "<p>Danmarks %d kommuner med deres officielle kommunekoder.</p>\n", n);
	bool figures = access_national_figures(r->user) == 0;
	html(o, "<table>\n<caption class=\"visually-hidden\">Kommuner</caption>\n<thead><tr>"
	        "<th scope=\"col\">Kode</th><th scope=\"col\">Kommune</th>"
	        "<th scope=\"col\">Region</th>");
	if (figures)
		html(o, "<th scope=\"col\">Tal</th>");
	html(o, "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s</td>", ks[i].kode, ks[i].navn, ks[i].region);
		if (figures && access_figures(r->user, ks[i].kode) == 0)
			htmlf(o, "<td><a href=\"/kommuner/%s/overblik\">Overblik<span class=\"visually-hidden\">"
			         " for %s</span></a></td>", ks[i].kode, ks[i].navn);
		else if (figures)
			html(o, "<td></td>");
		html(o, "</tr>\n");
	}
	html(o, "</tbody>\n</table>\n");
	return page_end(r, 200);
}
