/*
 * collab_web.c — /samarbejde, the menu's one entry for the collaboration of the report's
 * chapter 4: what each part is for and a link to it. Layer: handlers of the collab capability.
 * Who may read each part is access_collaboration's one decision, asked once here.
 */
#include "collab_web.h"

#include "../auth/access.h"
#include "../base/err.h"
#include "../http/page.h"
#include "../http/req.h"
#include "../view/html.h"

/* one part of the collaboration: its page, its name and what it holds */
static void part(struct buf *o, const char *href, const char *name, const char *what)
{
	htmlf(o, "<li><a href=\"%s\">%s</a>: %s</li>\n", href, name, what);
}

int collab_page_hub(struct req *r)
{
	const char *scope;
	if (access_collaboration_scope(r->user, &scope) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	page_begin(r, "Samarbejde");
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Kommunens samarbejde med de socialøkonomiske virksomheder og "
	        "partnerne: netværk, der mødes fast, bindende aftaler med handleplaner, strategier "
	        "med mål, der måles løbende, og pengene bag arbejdet.</p>\n<ul class=\"cards\">\n");
	part(o, "/netvaerk", "Netværk", "medlemmer, møder med kalenderinvitationer, fremmøde, referater "
	                                "og opgaver; Tabel 8 pr. kommune og år.");
	part(o, "/partnerskaber", "Partnerskaber og aftaler",
	     "partnerskabsaftaler, samarbejdsaftaler og brugsaftaler med parternes roller, følgegruppen "
	     "og handleplanen.");
	part(o, "/strategier", "Strategier og mål",
	     "strategiernes succeskriterier, talt løbende fra Indgangs egne data, og rapporten til "
	     "udvalget.");
	part(o, "/puljer", "Puljer", "landsdækkende puljer: ansøgninger, bevillinger, udbetalinger, "
	                             "forbrug og forpligtelser.");
	part(o, "/finansiering", "Finansiering", "fonde, puljer, banker, LAG og crowdfunding med frister, "
	                                         "til rådgivningen om finansiering.");
	html(o, "</ul>\n");
	return page_end(r, 200);
}
