/*
 * site_web.c — /admin/indstillinger: the operator's name and contact, which the accessibility
 * statement and the privacy notice show. Layer: handlers of the site capability.
 */
#include "site_web.h"

#include "../auth/access.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../view/form.h"
#include "../view/html.h"
#include "site.h"

static int settings_form(struct req *r, int status, const struct site_operator *op)
{
	page_begin(r, "Indstillinger for Indgang");
	struct buf *o = &r->out;
	if (req_query(r, "ok"))
		html(o, "<p class=\"notice\" role=\"status\">Indstillingerne er gemt.</p>\n");
	form_error_summary(o, &r->errs);
	html(o, "<h2>Driftsorganisation</h2>\n"
	        "<p>Organisationen, der driver Indgang, og hvordan brugerne kontakter den. Den står i "
	        "<a href=\"/tilgaengelighed\">tilgængelighedserklæringen</a> og i "
	        "<a href=\"/privatliv\">privatlivspolitikken</a>.</p>\n"
	        "<form method=\"post\" action=\"/admin/indstillinger\" class=\"stack narrow\" novalidate>\n");
	form_csrf(o, r->csrf);
	const struct errs *er = &r->errs;
	form_input(o, &(struct form_field){.name = "name", .label = "Navn", .value = op->name,
	                                   .required = true, .maxlength = 200, .autocomplete = "organization",
	                                   .error = errs_get(er, "name")});
	form_input(o, &(struct form_field){.name = "email", .label = "E-mail", .type = "email",
	                                   .value = op->email, .required = true, .maxlength = 254,
	                                   .autocomplete = "email", .error = errs_get(er, "email")});
	form_input(o, &(struct form_field){.name = "phone", .label = "Telefon", .type = "tel",
	                                   .value = op->phone, .maxlength = 20, .autocomplete = "tel",
	                                   .hint = "Fx 33 12 34 56. Kan udelades.",
	                                   .error = errs_get(er, "phone")});
	form_input(o, &(struct form_field){.name = "address", .label = "Adresse", .value = op->address,
	                                   .maxlength = 300, .autocomplete = "street-address",
	                                   .hint = "Kan udelades.", .error = errs_get(er, "address")});
	html(o, "<button type=\"submit\">Gem</button>\n</form>\n");
	if (op->updated_at)
		htmlf(o, "<p class=\"hint\">Senest ændret %s.</p>\n", text_date_dk(&r->a, op->updated_at));
	return page_end(r, status);
}

/* GET /admin/indstillinger — the national administrator. */
int site_page_settings(struct req *r)
{
	if (!access_national(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct site_operator op;
	site_operator_get(r->db, &r->a, &op);
	return settings_form(r, 200, &op);
}

/* POST /admin/indstillinger — the national administrator, CSRF. Fields name, email, phone,
 * address. */
int site_page_settings_post(struct req *r)
{
	struct site_operator in = {
		.name = req_form(r, "name"),
		.email = req_form(r, "email"),
		.phone = req_form(r, "phone"),
		.address = req_form(r, "address"),
	};
	int rc = site_operator_set(r->db, &r->a, r->user, &in, &r->errs);
	if (rc == ERR_INVALID) {
		struct site_operator shown = {
			.name = in.name ? in.name : "",
			.email = in.email ? in.email : "",
			.phone = in.phone ? in.phone : "",
			.address = in.address ? in.address : "",
		};
		return settings_form(r, 422, &shown);
	}
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, "/admin/indstillinger?ok=1");
}
