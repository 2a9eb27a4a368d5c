/*
 * matching_web.c — the page of the municipality's matching weights, and the HTML list of a
 * match's reasons for the pages of citizens and openings.
 * Layer: handlers of the employment capability: talks to the matching domain, never to a store.
 */
#include "matching_web.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "matching.h"

#define W_TITLE "Vægte for matchning"
#define W_NOT_FOUND "Kommunen findes ikke."
#define W_INVALID_NUMBER -1 /* what a field that is no whole number 0-100 becomes */

/* the municipality the page is about: ?kommune= (the form's kommune on a post) for the
 * national administrator, else the caller's own unless another is named (then the access
 * check refuses it). NULL when the administrator has not chosen one. */
static const char *weights_kommune(struct req *r, const char *named)
{
	if (access_national(r->user))
		return named && text_is_digits(named, 3) ? named : NULL;
	return named && *named ? named : r->user->kommune;
}

/* the administrator's choice of municipality (a GET form) */
static int kommune_chooser(struct req *r, const char *kommune)
{
	struct kommune *ks = NULL;
	int nk = 0;
	int rc = kommune_list(r->db, &r->a, &ks, &nk);
	if (rc)
		return rc;
	struct buf *o = &r->out;
	struct form_option *opts = arena_alloc(&r->a, sizeof(*opts) * (size_t)(nk + 1));
	opts[0] = (struct form_option){"", "Vælg en kommune"};
	for (int i = 0; i < nk; i++)
		opts[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
	html(o, "<form method=\"get\" action=\"/matchning/vaegte\" class=\"filter\">\n");
	form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune", .value = kommune ? kommune : ""},
	            opts, nk + 1);
	html(o, "<button type=\"submit\">Vis</button>\n</form>\n");
	return 0;
}

/* the page: for kommune (NULL: only the administrator's choice) with w shown, or, when typed
 * (a form that failed validation), the values as typed */
static int weights_page(struct req *r, int status, const char *kommune, bool typed)
{
	struct match_weights w;
	struct kommune k = {0};
	int rc = 0;
	if (kommune && access_match_settings(r->user, kommune) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	if (kommune && (rc = kommune_get(r->db, &r->a, kommune, &k)) == 0)
		rc = matching_weights_get(r->db, kommune, &w);
	if (rc)
		return page_fail(r, rc, W_NOT_FOUND);
	page_begin(r, k.navn ? arena_printf(&r->a, W_TITLE " · %s Kommune", k.navn) : W_TITLE);
	struct buf *o = &r->out;
	const char *ok = req_query(r, "ok");
	if (ok)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n",
		      strcmp(ok, "nulstillet") == 0 ? "Vægtene er sat tilbage til standard."
		                                    : "Vægtene er gemt.");
	if (access_national(r->user) && (rc = kommune_chooser(r, kommune)) != 0)
		return page_fail(r, rc, NULL);
	if (!kommune)
		return page_end(r, status);
	form_error_summary(o, &r->errs);
	html(o, "<p>Matchningen giver hver stilling, der opfylder borgerens krav (ordning, timer, "
	        "tidspunkt, tilpasninger, transport, ledige pladser og samtykke), en score fra 0 til 100. "
	        "Vægtene herunder afgør, hvor meget hver del tæller. Scoren regnes altid om til 0-100, "
	        "så vægtene behøver ikke give 100 tilsammen; en vægt på 0 slår delen fra.</p>\n");
	htmlf(o, "<p>%s</p>\n", w.custom ? "Kommunen har sine egne vægte."
	                                  : "Kommunen bruger standardvægtene.");
	html(o, "<form method=\"post\" action=\"/matchning/vaegte\" class=\"stack narrow\" novalidate>\n");
	form_csrf(o, r->csrf);
	htmlf(o, "<input type=\"hidden\" name=\"kommune\" value=\"%s\">\n", kommune);
	for (int i = 0; i < MATCH_FACTOR_COUNT; i++) {
		const struct match_factor_def *d = &matching_factors[i];
		const char *value = typed ? req_form(r, d->key) : arena_printf(&r->a, "%d", w.points[i]);
		form_input(o, &(struct form_field){
			.name = d->key, .label = d->label, .type = "number", .value = value,
			.hint = arena_printf(&r->a, "%s Standard: %d.", d->hint, d->weight),
			.error = errs_get(&r->errs, d->key)});
	}
	html(o, "<div class=\"actions\"><button type=\"submit\" name=\"action\" value=\"save\">Gem vægte</button>\n"
	        "<button type=\"submit\" name=\"action\" value=\"reset\" class=\"secondary\">"
	        "Nulstil til standard</button></div>\n</form>\n");
	return page_end(r, status);
}

/* GET /matchning/vaegte — admin (?kommune=KODE, else the choice of one), konsulent or
 * jobkonsulent (its own municipality). ?ok=1 or ?ok=nulstillet after a save. */
int matching_page_weights(struct req *r)
{
	return weights_page(r, 200, weights_kommune(r, req_query(r, "kommune")), false);
}

/* POST /matchning/vaegte — as the GET, CSRF. kommune, action=save with one whole number 0-100
 * per factor (named by its key), or action=reset. 303 back to the page; 422 with the form as
 * typed and an error at each wrong field. */
int matching_page_weights_post(struct req *r)
{
	const char *kommune = weights_kommune(r, req_form(r, "kommune"));
	if (!kommune)
		return page_fail(r, ERR_NOTFOUND, W_NOT_FOUND);
	const char *action = req_form(r, "action") ? req_form(r, "action") : "save";
	int rc;
	if (strcmp(action, "reset") == 0) {
		rc = matching_weights_reset(r->db, r->user, kommune);
	} else if (strcmp(action, "save") == 0) {
		struct match_weights w;
		matching_weights_default(&w);
		for (int i = 0; i < MATCH_FACTOR_COUNT; i++) {
			long long v;
			w.points[i] = text_parse_int(req_form(r, matching_factors[i].key), 0, MATCH_WEIGHT_MAX, &v) == 0
			                  ? (int)v
			                  : W_INVALID_NUMBER;
		}
		rc = matching_weights_set(r->db, r->user, kommune, &w, &r->errs);
	} else {
		return reply_page_error(r, 400, "Ukendt handling.");
	}
	if (rc == ERR_INVALID)
		return weights_page(r, 422, kommune, true);
	if (rc)
		return page_fail(r, rc, W_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/matchning/vaegte?kommune=%s&ok=%s", kommune,
	                                      strcmp(action, "reset") == 0 ? "nulstillet" : "1"));
}

void matching_html_reasons(struct buf *o, const struct match_reason *reasons, int n)
{
	if (n <= 0)
		return;
	html(o, "<ul class=\"reasons\">");
	for (int i = 0; i < n; i++)
		htmlf(o, "<li>%s <span class=\"points\">(%d point)</span></li>", reasons[i].text,
		      reasons[i].points);
	html(o, "</ul>\n");
}
