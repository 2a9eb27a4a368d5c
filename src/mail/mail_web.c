/*
 * mail_web.c — the outbox in the browser, for the national administrator.
 * Layer: handlers of the mail capability.
 */
#include "mail_web.h"

#include <stdbool.h>
#include <string.h>

#include "../base/text.h"
#include "../http/page.h"
#include "mail.h"

/* GET /admin/udbakke — admin. Every outgoing message, newest first; ?ventende=1 for those not
 * yet delivered. */
int mail_page_outbox(struct req *r)
{
	bool pending = req_query(r, "ventende") != NULL;
	struct outbox_row *rows;
	int n, total;
	int limit = page_limit(r, 100, 500), offset = page_offset(r);
	int rc = mail_outbox(r->db, &r->a, r->user, pending, limit, offset, &rows, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Udbakke");
	struct buf *o = &r->out;
	htmlf(o, "<p>%d beskeder%s. <a href=\"/admin/udbakke%s\">%s</a></p>\n", total, pending ? " venter" : "",
	      pending ? "" : "?ventende=1", pending ? "Vis alle" : "Vis kun dem, der venter");
	if (n == 0) {
		html(o, "<p class=\"empty\">Ingen beskeder.</p>\n");
		return page_end(r, 200);
	}
	table_begin(o, "Udgående post", NULL);
	html(o, "<caption class=\"visually-hidden\">Udgående post, nyeste først</caption>\n<thead><tr><th scope=\"col\">Oprettet</th><th scope=\"col\">Til</th><th scope=\"col\">Emne</th>"
	        "<th scope=\"col\">Status</th><th scope=\"col\">Forsøg</th><th scope=\"col\">Seneste fejl</th>"
	        "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s", text_date_dk(&r->a, rows[i].created_at),
		      rows[i].to, rows[i].subject);
		/* what the message carries: an invitation, a file */
		for (int p = 0; p < rows[i].nparts; p++)
			htmlf(o, "<br><small>%s %s</small>",
			      strncmp(rows[i].parts[p].content_type, "text/calendar", 13) == 0 ? "Kalenderinvitation:"
			                                                                      : "Vedhæftet:",
			      rows[i].parts[p].filename);
		htmlf(o, "</td><td>%s</td><td>%d</td><td>%s</td></tr>\n", rows[i].sent_at ? "Sendt" : "Venter",
		      rows[i].attempts, rows[i].last_error);
	}
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, "/admin/udbakke", pending ? "&ventende=1" : "", offset, limit, total);
	return page_end(r, 200);
}
