/*
 * entry_contact_web.c — the public contact form of the one entry point and its receipt.
 * Layer: handlers of the entry capability.
 */
#include "entry_web.h"

#include <stdlib.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../http/ratelimit.h"
#include "../kommune/kommune.h"
#include "../view/chart.h"
#include "advisory.h"
#include "entry.h"

static int contact_form(struct req *r, int status, const char *kommune)
{
	struct kommune *ks;
	int nk = 0;
	int rc = kommune_list(r->db, &r->a, &ks, &nk);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Kontakt kommunen");
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Vil du starte en socialøkonomisk virksomhed, udvikle din virksomhed, "
	        "ansætte borgere på kanten af arbejdsmarkedet eller sælge til kommunen? Skriv til os her, "
	        "så sender vi din henvendelse til den rette medarbejder.</p>\n");
	form_error_summary(o, &r->errs);
	html(o, "<form method=\"post\" action=\"/kontakt\" class=\"stack narrow\" novalidate>\n");
	form_csrf(o, r->csrf);
	struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nk + 1));
	ko[0] = (struct form_option){"", "Vælg kommune"};
	for (int i = 0; i < nk; i++)
		ko[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
	const struct errs *er = &r->errs;
	form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune", .required = true,
	                                    .value = req_form(r, "kommune") ? req_form(r, "kommune") : kommune,
	                                    .error = errs_get(er, "kommune")}, ko, nk + 1);
	form_select(o, &(struct form_field){.name = "topic", .label = "Hvad drejer det sig om?", .required = true,
	                                    .value = req_form(r, "topic"), .error = errs_get(er, "topic")},
	            entry_web_options(r, entry_topics, entry_topics_count, "Vælg emne"), entry_topics_count + 1);
	form_input(o, &(struct form_field){.name = "name", .label = "Dit navn", .value = req_form(r, "name"),
	                                   .autocomplete = "name", .required = true, .maxlength = 200,
	                                   .error = errs_get(er, "name")});
	form_input(o, &(struct form_field){.name = "email", .label = "E-mail", .type = "email",
	                                   .value = req_form(r, "email"), .autocomplete = "email",
	                                   .required = true, .error = errs_get(er, "email")});
	form_input(o, &(struct form_field){.name = "phone", .label = "Telefon", .type = "tel",
	                                   .value = req_form(r, "phone"), .autocomplete = "tel", .maxlength = 40,
	                                   .error = errs_get(er, "phone")});
	form_input(o, &(struct form_field){.name = "organisation", .label = "Virksomhed eller idé",
	                                   .value = req_form(r, "organisation"), .autocomplete = "organization",
	                                   .hint = "Navnet på virksomheden, eller en kort titel på din idé.",
	                                   .maxlength = 200, .error = errs_get(er, "organisation")});
	form_input(o, &(struct form_field){.name = "cvr", .label = "CVR-nummer", .value = req_form(r, "cvr"),
	                                   .hint = "Hvis virksomheden har et: 8 cifre.", .error = errs_get(er, "cvr")});
	form_textarea(o, &(struct form_field){.name = "message", .label = "Din besked", .required = true,
	                                      .value = req_form(r, "message"), .maxlength = 5000,
	                                      .error = errs_get(er, "message")}, 6);
	/* a field people do not see and robots fill in */
	html(o, "<div class=\"visually-hidden\" aria-hidden=\"true\"><label for=\"f-homepage\">Lad dette felt "
	        "være tomt</label><input id=\"f-homepage\" name=\"homepage\" type=\"text\" tabindex=\"-1\" "
	        "autocomplete=\"off\"></div>\n");
	html(o, "<p class=\"hint\" id=\"privacy\">Den kommune, du vælger, er dataansvarlig for dine "
	        "oplysninger. Den bruger dem kun til at besvare din henvendelse, og kun de medarbejdere, "
	        "der arbejder med den, kan se dem. Læs mere i <a href=\"/privatliv\">privatlivspolitikken</a>, "
	        "også om dine rettigheder.</p>\n");
	html(o, "<button type=\"submit\">Send henvendelsen</button>\n</form>\n");
	return page_end(r, status);
}

/* GET /kontakt and /kontakt/{kode} — public. The contact form, the municipality preselected. */
int entry_page_contact(struct req *r)
{
	/* /kontakt has no parameter: asking for one there is logged as a handler's bug */
	return contact_form(r, 200, r->nparams > 0 ? req_param(r, "kode") : NULL);
}

/* POST /kontakt — public, CSRF, at most 10 a minute from one address. */
int entry_page_contact_post(struct req *r)
{
	if (!ratelimit_allow("inquiry", r->remote_ip, ENTRY_RATE_PER_MINUTE, 60)) {
		errs_add(&r->errs, NULL, "Der er sendt for mange henvendelser fra din forbindelse. Vent et minut, og prøv igen.");
		return contact_form(r, 429, NULL);
	}
	const char *pot = req_form(r, "homepage");
	if (pot && *pot) /* a robot: it gets what looks like a receipt, and nothing is stored */
		return reply_redirect(r, "/kontakt/kvittering");
	struct inquiry_input in = {
		.kommune = req_form(r, "kommune"), .name = req_form(r, "name"), .email = req_form(r, "email"),
		.phone = req_form(r, "phone"), .cvr = req_form(r, "cvr"),
		.organisation = req_form(r, "organisation"), .topic = req_form(r, "topic"),
		.message = req_form(r, "message"),
	};
	int64_t id;
	const char *ref;
	int rc = entry_inquiry_create(r->db, &r->a, &in, &r->errs, &id, &ref);
	if (rc == ERR_INVALID)
		return contact_form(r, 422, NULL);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/kontakt/kvittering?ref=%s", ref));
}

/* GET /kontakt/kvittering — public. ?ref=IND-... */
int entry_page_receipt(struct req *r)
{
	page_begin(r, "Tak for din henvendelse");
	const char *ref = req_query(r, "ref");
	bool ok = ref && strlen(ref) == 15 && !strncmp(ref, "IND-", 4);
	if (ok)
		htmlf(&r->out, "<p class=\"notice\" role=\"status\">Din henvendelse er modtaget. Dit referencenummer "
		                "er <strong>%s</strong>.</p>\n", ref);
	else
		html(&r->out, "<p class=\"notice\" role=\"status\">Din henvendelse er modtaget.</p>\n");
	html(&r->out, "<p>Du får en kvittering på e-mail, og vi svarer dig hurtigst muligt.</p>\n"
	              "<p><a href=\"/\">Til forsiden</a></p>\n");
	return page_end(r, 200);
}

