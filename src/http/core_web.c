/*
 * core_web.c — the front page. Layer: http handlers.
 */
#include "core_web.h"

#include "../auth/access.h"
#include "../auth/auth.h"
#include "page.h"

/* GET / — public. What Indgang is, and where to go from here for the signed-in user. */
int core_page_home(struct req *r)
{
	page_begin(r, "Velkommen til Indgang");
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Indgang er én indgang for kommunen og de socialøkonomiske "
	        "virksomheder: et register over virksomhederne, rådgivning og henvendelser, og "
	        "undersøgelser med den årlige rapport.</p>\n");
	if (!r->user) {
		html(o, "<p><a class=\"button\" href=\"/login\">Log ind</a> som medarbejder, "
		        "indkøber eller virksomhed.</p>\n");
	} else {
		htmlf(o, "<p>Du er logget ind som %s.</p>\n<ul class=\"cards\">\n", r->user->email);
		if (access_allowed(r->user, ACC_MANAGE_USERS, r->user->kommune) == 0)
			html(o, "<li><a href=\"/brugere\">Brugere</a>: opret og administrér kommunens "
			        "brugerkonti.</li>\n");
		if (access_allowed(r->user, ACC_NATIONAL, NULL) == 0)
			html(o, "<li><a href=\"/admin/audit\">Revisionslog</a>: alle ændringer og al "
			        "læsning af personoplysninger.</li>\n");
		/* the municipality's own desk: its konsulent, not the national administrator */
		if (r->user->kommune && access_allowed(r->user, ACC_WRITE, r->user->kommune) == 0)
			html(o, "<li><a href=\"/sager\">Sager</a>: henvendelser fra virksomheder og iværksættere.</li>\n"
			        "<li><a href=\"/raadgivning\">Rådgivningssamtaler</a> og deres månedstal.</li>\n"
			        "<li><a href=\"/undersoegelser\">Undersøgelser</a>, som kommunen skal besvare.</li>\n"
			        "<li><a href=\"/opsaetning\">Opsætning</a> af én indgang: enheder, partnere og svarfrist.</li>\n");
		if (access_allowed(r->user, ACC_NATIONAL, NULL) == 0)
			html(o, "<li><a href=\"/undersoegelser\">Undersøgelser</a> og rapporter.</li>\n"
			        "<li><a href=\"/admin/udbakke\">Udbakke</a>: al udgående post.</li>\n");
		if (r->user->kommune && access_figures(r->user, r->user->kommune) == 0)
			htmlf(o, "<li><a href=\"/kommuner/%s/overblik\">Overblik</a>: kommunens tal over fem år "
			         "til udvalget, klar til udskrift.</li>\n", r->user->kommune);
		if (access_national_figures(r->user) == 0)
			html(o, "<li><a href=\"/statistik/landet\">Hele landet</a>: de 98 kommuners nøgletal side om "
			        "side.</li>\n<li><a href=\"/statistik/aarsrapport\">Årsrapporten</a>: rapportens "
			        "kapitel 3 for et år og en runde af undersøgelsen.</li>\n");
		const char *scope;
		int64_t enterprise_id;
		if (access_openings_scope(r->user, &scope, &enterprise_id) == 0)
			html(o, "<li><a href=\"/stillinger\">Stillinger og pladser</a>: job, fleksjob, praktik og "
			        "andre pladser hos virksomhederne.</li>\n");
		html(o, "<li><a href=\"/virksomheder\">Virksomheder</a>: registret over socialøkonomiske virksomheder.</li>\n"
		        "<li><a href=\"/kommuner\">Kommuner</a>: landets 98 kommuner.</li>\n</ul>\n");
	}
	return page_end(r, 200);
}
