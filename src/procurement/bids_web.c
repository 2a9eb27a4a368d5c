/*
 * bids_web.c — the bid side of a tender's page and its forms: an enterprise's bid, documents,
 * question and interest; the staff's sealed notice, bids, scoring, ranking and award; the award
 * decision as printable HTML and XLSX. Layer: handlers of the procurement capability; what a
 * caller may see of a bid is decided by bids.h.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/multipart.h"
#include "../http/page.h"
#include "bids.h"
#include "tenders.h"
#include "tenders_text_da.h"
#include "tenders_web.h"

/* ---------------------------------------------------------------- the enterprise's side */

static int supplier_part(struct req *r, const struct tender *t)
{
	struct buf *o = &r->out;
	int64_t ent = r->user->enterprise_id;
	struct bid own;
	int rc = bids_own(r->db, &r->a, r->user, t->id, ent, &own);
	bool has = rc == 0;
	if (rc && rc != ERR_NOTFOUND)
		return rc;
	char money[MONEY_TEXT];
	html(o, "<h2 id=\"bud\">Jeres bud</h2>\n");
	html(o, "<p class=\"hint\">Ingen andre end I kan se jeres bud, før udbuddet er afgjort. Kommunen "
	        "ser buddene først, når fristen for bud er udløbet.</p>\n");
	if (has) {
		htmlf(o, "<p>Afgivet %s: <strong>%s</strong> ekskl. moms.</p>\n",
		      tenders_time_da(&r->a, own.submitted_at), money_da(money, own.price_ore));
		struct bid_document *docs;
		int nd;
		if ((rc = bids_documents(r->db, &r->a, r->user, own.id, &docs, &nd)) != 0)
			return rc;
		if (nd) {
			html(o, "<ul>\n");
			for (int i = 0; i < nd; i++)
				htmlf(o, "<li><a href=\"/bud/%lld/dokumenter/%lld\">%s</a> (%lld byte)</li>\n",
				      (long long)own.id, (long long)docs[i].id, docs[i].filename, (long long)docs[i].size);
			html(o, "</ul>\n");
		}
	} else {
		html(o, "<p>I har ikke afgivet bud.</p>\n");
	}
	if (strcmp(t->state, "published") != 0) {
		htmlf(o, "<p>%s</p>\n", !strcmp(t->state, "awarded") ? "Udbuddet er afgjort; I har fået brev om resultatet."
		                                                     : "Fristen for bud er udløbet.");
		return 0;
	}
	htmlf(o, "<form method=\"post\" action=\"/udbud/%lld/bud\" class=\"stack\" novalidate>\n", (long long)t->id);
	form_csrf(o, r->csrf);
	form_input(o, &(struct form_field){.name = "price", .label = has ? "Ny pris i kroner (erstatter den første)"
	                                                              : "Pris i kroner (ekskl. moms)",
	                                   .value = req_form(r, "price"), .error = errs_get(&r->errs, "price"),
	                                   .hint = "Fx 1.250.000,00. Et nyt bud før fristen erstatter det forrige.",
	                                   .required = true, .autocomplete = "off"});
	form_textarea(o, &(struct form_field){.name = "note", .label = "Bemærkning til buddet (kan udelades)",
	                                      .value = req_form(r, "note")}, 3);
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", has ? "Erstat buddet" : "Byd");
	if (has) {
		/* documents: PDF only, checked by content on the server */
		const char *err = errs_get(&r->errs, "document");
		htmlf(o, "<form method=\"post\" action=\"/bud/%lld/dokumenter\" enctype=\"multipart/form-data\" "
		         "class=\"stack\">\n", (long long)own.id);
		form_csrf(o, r->csrf);
		htmlf(o, "<div class=\"field%s\">\n<label for=\"f-document\">Vedlæg et dokument til buddet</label>\n"
		         "<p class=\"hint\" id=\"f-document-hint\">Kun PDF, højst 10 MB. Filen kontrolleres: "
		         "krypterede filer og filer med JavaScript afvises.</p>\n", err ? " has-error" : "");
		if (err)
			htmlf(o, "<p class=\"error\" id=\"f-document-error\">%s</p>\n", err);
		htmlf(o, "<input id=\"f-document\" name=\"document\" type=\"file\" accept=\"application/pdf,.pdf\" "
		         "aria-describedby=\"%sf-document-hint\"%s>\n</div>\n",
		      err ? "f-document-error " : "", err ? " aria-invalid=\"true\"" : "");
		html(o, "<button type=\"submit\">Vedlæg dokumentet</button>\n</form>\n");
	}
	html(o, "<h2>Spørgsmål til udbuddet</h2>\n");
	htmlf(o, "<form method=\"post\" action=\"/udbud/%lld/spoergsmaal\" class=\"stack\">\n", (long long)t->id);
	form_csrf(o, r->csrf);
	form_textarea(o, &(struct form_field){.name = "question", .label = "Spørgsmål", .value = req_form(r, "question"),
	                                      .hint = "Spørgsmålet og svaret offentliggøres for alle, uden jeres navn.",
	                                      .error = errs_get(&r->errs, "question"), .required = true}, 3);
	html(o, "<button type=\"submit\">Send spørgsmålet</button>\n</form>\n");
	if (!tenders_has_interest(r->db, t->id, ent)) {
		htmlf(o, "<form method=\"post\" action=\"/udbud/%lld/interesse\">\n", (long long)t->id);
		form_csrf(o, r->csrf);
		html(o, "<button type=\"submit\">Registrér interesse</button>\n</form>\n");
	} else {
		html(o, "<p>I har registreret interesse for udbuddet.</p>\n");
	}
	return 0;
}

/* ---------------------------------------------------------------- the ranking */

static void ranking_table(struct req *r, const struct tender_result *res, bool staff)
{
	struct buf *o = &r->out;
	const struct tender *t = &res->tender;
	char money[MONEY_TEXT];
	table_begin(o, "Rangordning", NULL);
	html(o, "<caption>Rangordning efter point i alt (uafgjort: laveste pris, derefter første bud)</caption>\n");
	html(o, "<thead><tr><th scope=\"col\">Nr.</th><th scope=\"col\">Virksomhed</th>"
	        "<th scope=\"col\">Pris</th><th scope=\"col\">Point i alt</th>");
	for (int k = 0; k < t->ncriteria; k++)
		htmlf(o, "<th scope=\"col\">%s (%d %%)</th>", t->criteria[k].name, t->criteria[k].weight);
	html(o, "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < res->n; i++) {
		const struct bid_rank *b = &res->rows[i];
		bool winner = t->awarded_bid_id && b->bid.id == t->awarded_bid_id;
		htmlf(o, "<tr><td>%d</td><td>%s%s</td><td>%s</td><td>%s</td>", b->rank,
		      b->named ? b->bid.enterprise_name : arena_printf(&r->a, "Bud %d", b->rank),
		      winner ? " (vinder)" : "", b->named ? money_da(money, b->bid.price_ore) : "–",
		      bids_hundredths(&r->a, b->total, true));
		for (int k = 0; k < t->ncriteria; k++)
			htmlf(o, "<td>%s</td>", b->score[k] < 0 ? (staff ? "mangler" : "–")
			                                        : bids_hundredths(&r->a, b->score[k], true));
		html(o, "</tr>\n");
	}
	html(o, "</tbody>\n");
	table_end(o);
}

/* the staff's part after the deadline: scoring forms, ranking, award form */
static int staff_part(struct req *r, const struct tender *t, bool write)
{
	struct buf *o = &r->out;
	html(o, "<h2 id=\"bud\">Bud</h2>\n");
	if (!strcmp(t->state, "draft") || !strcmp(t->state, "published")) {
		html(o, "<p class=\"notice\">Buddene er forseglede, indtil fristen for bud er udløbet. Hverken "
		        "kommunen eller andre kan se, om der er bud, hvem der har budt, eller priserne før da.</p>\n");
		return 0;
	}
	if (!strcmp(t->state, "cancelled"))
		return 0;
	struct tender_result res;
	int rc = bids_result(r->db, &r->a, r->user, t->id, &res);
	if (rc)
		return rc;
	if (res.n == 0) {
		html(o, "<p class=\"empty\">Der kom ingen bud.</p>\n");
		return 0;
	}
	htmlf(o, "<p><a href=\"/udbud/%lld/beslutning\">Tildelingsbeslutningen til udskrift</a> · "
	         "<a href=\"/udbud/%lld/beslutning.xlsx\">som regneark (XLSX)</a></p>\n",
	      (long long)t->id, (long long)t->id);
	ranking_table(r, &res, true);
	bool open = write && strcmp(t->state, "awarded") != 0;
	char money[MONEY_TEXT];
	/* the bid whose scores came back with an error: its form shows what was typed */
	long long posted = 0;
	if (req_form(r, "score_form"))
		text_parse_int(req_form(r, "bid_id"), 1, 999999999999999LL, &posted);
	for (int i = 0; i < res.n && open; i++) {
		const struct bid_rank *b = &res.rows[i];
		long long bid = (long long)b->bid.id;
		bool mine = posted == bid;
		htmlf(o, "<h3>Vurdering: %s (%s)</h3>\n", b->bid.enterprise_name, money_da(money, b->bid.price_ore));
		struct bid_document *docs;
		int nd;
		if ((rc = bids_documents(r->db, &r->a, r->user, b->bid.id, &docs, &nd)) != 0)
			return rc;
		for (int d = 0; d < nd; d++)
			htmlf(o, "<p><a href=\"/bud/%lld/dokumenter/%lld\">%s</a></p>\n", bid, (long long)docs[d].id,
			      docs[d].filename);
		htmlf(o, "<form method=\"post\" action=\"/udbud/%lld/vurdering\" class=\"stack\">\n", (long long)t->id);
		form_csrf(o, r->csrf);
		htmlf(o, "<input type=\"hidden\" name=\"bid_id\" value=\"%lld\">\n"
		         "<input type=\"hidden\" name=\"score_form\" value=\"1\">\n", bid);
		const char *err = mine ? errs_get(&r->errs, "scores") : NULL;
		if (err)
			htmlf(o, "<p class=\"error\" id=\"f-scores\">%s</p>\n", err);
		for (int k = 0; k < t->ncriteria; k++) {
			if (t->criteria[k].is_price)
				continue;
			const char *key = t->criteria[k].key;
			const char *sname = arena_printf(&r->a, "b%lld_score_%s", bid, key);
			const char *jname = arena_printf(&r->a, "b%lld_just_%s", bid, key);
			const char *stored = b->score[k] >= 0 ? arena_printf(&r->a, "%lld", (long long)(b->score[k] / 100)) : "";
			form_input(o, &(struct form_field){
				.name = sname, .label = arena_printf(&r->a, "%s (0-10)", t->criteria[k].name),
				.type = "number", .value = mine ? req_form(r, sname) : stored});
			form_textarea(o, &(struct form_field){
				.name = jname, .label = arena_printf(&r->a, "Begrundelse: %s", t->criteria[k].name),
				.value = mine ? req_form(r, jname) : b->justification[k]}, 2);
		}
		html(o, "<button type=\"submit\">Gem point</button>\n</form>\n");
	}
	if (open) {
		bool award_posted = req_form(r, "award_form") != NULL;
		html(o, "<h2>Tildeling</h2>\n");
		const char *serr = award_posted ? errs_get(&r->errs, "scores") : NULL;
		if (serr)
			htmlf(o, "<p class=\"error\" id=\"f-scores\">%s</p>\n", serr);
		else if (!res.complete)
			html(o, "<p class=\"notice\">Alle bud skal have point på alle kriterier, før der kan tildeles.</p>\n");
		htmlf(o, "<form method=\"post\" action=\"/udbud/%lld/tildeling\" class=\"stack\" novalidate>\n",
		      (long long)t->id);
		form_csrf(o, r->csrf);
		html(o, "<input type=\"hidden\" name=\"award_form\" value=\"1\">\n");
		struct form_option *opts = arena_alloc(&r->a, sizeof(*opts) * (size_t)res.n);
		for (int i = 0; i < res.n; i++)
			opts[i] = (struct form_option){arena_printf(&r->a, "%lld", (long long)res.rows[i].bid.id),
			                               arena_printf(&r->a, "%d. %s (%s point)", res.rows[i].rank,
			                                            res.rows[i].bid.enterprise_name,
			                                            bids_hundredths(&r->a, res.rows[i].total, true))};
		form_select(o, &(struct form_field){.name = "bid_id", .label = "Vindende bud",
		                                    .value = award_posted ? req_form(r, "bid_id") : opts[0].value,
		                                    .error = award_posted ? errs_get(&r->errs, "bid_id") : NULL},
		            opts, res.n);
		const char *rerr = award_posted ? errs_get(&r->errs, "reasons") : NULL;
		htmlf(o, "<fieldset id=\"f-reasons\" class=\"field%s\">\n<legend>Begrundelse pr. kriterium "
		         "<span class=\"req\">(skal udfyldes)</span></legend>\n", rerr ? " has-error" : "");
		if (rerr)
			htmlf(o, "<p class=\"error\">%s</p>\n", rerr);
		for (int k = 0; k < t->ncriteria; k++) {
			const char *name = arena_printf(&r->a, "reason_%s", t->criteria[k].key);
			form_textarea(o, &(struct form_field){.name = name, .label = t->criteria[k].name,
			                                      .value = award_posted ? req_form(r, name) : NULL}, 2);
		}
		html(o, "</fieldset>\n");
		form_checkbox(o, &(struct form_field){.name = "confirm",
		                                      .label = "Ja, tildel kontrakten og send brev til alle bydende",
		                                      .error = award_posted ? errs_get(&r->errs, "confirm") : NULL});
		html(o, "<button type=\"submit\">Tildel</button>\n</form>\n");
	}
	return 0;
}

int bids_section(struct req *r, const struct tender *t, bool staff, bool write)
{
	if (staff)
		return staff_part(r, t, write);
	if (!strcmp(t->state, "awarded")) {
		struct tender_result res;
		int rc = bids_result(r->db, &r->a, r->user, t->id, &res);
		if (rc)
			return rc;
		html(&r->out, "<h2 id=\"resultat\">Resultat</h2>\n<p class=\"hint\">Vinderens navn og pris og "
		              "alle buds point vises; de andre bydendes navne og priser vises ikke.</p>\n");
		ranking_table(r, &res, false);
	}
	if (r->user && r->user->enterprise_id && access_supplier(r->user, r->user->enterprise_id) == 0 &&
	    strcmp(t->state, "cancelled") != 0)
		return supplier_part(r, t);
	if (!r->user && !strcmp(t->state, "published"))
		html(&r->out, "<p><a href=\"/login\">Log ind</a> med jeres virksomheds konto for at byde.</p>\n");
	return 0;
}

/* ---------------------------------------------------------------- the enterprise's forms */

/* POST /udbud/{id}/bud — an enterprise's account, CSRF: price, note. 303 to the tender; 422
 * with the tender page (the form keeps what was typed); 409 after the deadline. */
int bids_page_submit(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct bid b = {.enterprise_id = r->user->enterprise_id, .note = req_form(r, "note")};
	const char *price = req_form(r, "price");
	if (!price || money_parse(text_trim(&r->a, price), 0, &b.price_ore) != 0)
		b.price_ore = 0;
	bool replaced;
	int rc = bids_submit(r->db, &r->a, r->user, id, &b, &r->errs, &replaced);
	if (rc == ERR_INVALID)
		return tenders_page_render(r, id, 422);
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/udbud/%lld?ok=bud#bud", (long long)id));
}

/* POST /udbud/{id}/spoergsmaal — an enterprise's account, CSRF: question. 303; 422; 409. */
int tenders_page_ask(struct req *r)
{
	int64_t id = req_param_int(r, "id"), qid;
	int rc = tenders_ask(r->db, &r->a, r->user, id, r->user->enterprise_id, req_form(r, "question"),
	                     &r->errs, &qid);
	if (rc == ERR_INVALID)
		return tenders_page_render(r, id, 422);
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/udbud/%lld?ok=spurgt", (long long)id));
}

/* POST /udbud/{id}/interesse — an enterprise's account, CSRF. 303; 409 when not open. */
int tenders_page_interest(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	int rc = tenders_interest(r->db, &r->a, r->user, id, r->user->enterprise_id);
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/udbud/%lld?ok=interesse", (long long)id));
}

/* GET /bud/{id}/dokumenter/{doc} — who may see the bid (its bidder; the staff after the
 * deadline): the PDF as an attachment, never inline. */
int bids_page_document(struct req *r)
{
	struct bid_document d;
	int rc = bids_document_get(r->db, &r->a, r->user, req_param_int(r, "id"), req_param_int(r, "doc"), &d);
	if (rc)
		return page_fail(r, rc, "Dokumentet findes ikke.");
	buf_reset(&r->out);
	buf_append(&r->out, d.data, (size_t)d.size);
	reply_header(r, "X-Content-Type-Options", "nosniff");
	return reply_download(r, "application/pdf", arena_printf(&r->a, "bud-%lld-dokument-%lld.pdf",
	                                                         (long long)d.bid_id, (long long)d.id));
}

/* POST /bud/{id}/dokumenter — the bidder's account, CSRF, a multipart form (RF_UPLOAD) with
 * the file in the field document. 303 to the tender; 422 (not a clean PDF, with the reason at
 * the field) or 413 (over 10 MB) with the tender page; 409 after the deadline. */
int bids_page_upload(struct req *r)
{
	struct bid b;
	struct tender t;
	int rc = bids_get(r->db, &r->a, r->user, req_param_int(r, "id"), &b, &t);
	if (rc)
		return page_fail(r, rc, "Buddet findes ikke.");
	const struct req_file *f = req_file(r, "document");
	int64_t doc;
	if (!f || f->len == 0)
		rc = errs_add(&r->errs, "document", "Vælg en PDF-fil at vedlægge.");
	else
		rc = bids_document_add(r->db, &r->a, r->user, b.id, f->filename, f->data, f->len, &r->errs, &doc);
	if ((rc == ERR_INVALID || rc == ERR_TOOBIG) && errs_get(&r->errs, "document"))
		return tenders_page_render(r, t.id, rc == ERR_TOOBIG ? 413 : 422);
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/udbud/%lld?ok=dokument#bud", (long long)t.id));
}

/* ---------------------------------------------------------------- the staff's forms */

/* POST /udbud/{id}/vurdering — who may write the tender, CSRF: bid_id, score_<key> (0-10) and
 * just_<key> per non-price criterion; blank scores are left out. 303; 422; 409. */
int bids_page_score(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct tender t;
	int rc = tenders_get(r->db, &r->a, r->user, id, &t);
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	long long bid_id = 0;
	text_parse_int(req_form(r, "bid_id"), 1, 999999999999999LL, &bid_id);
	struct bid_score_in *in = arena_alloc(&r->a, sizeof(*in) * (size_t)(t.ncriteria + 1));
	int n = 0;
	for (int k = 0; k < t.ncriteria; k++) {
		if (t.criteria[k].is_price)
			continue;
		const char *v = req_form(r, arena_printf(&r->a, "b%lld_score_%s", bid_id, t.criteria[k].key));
		v = v ? text_trim(&r->a, v) : "";
		if (!*v)
			continue;
		long long s;
		in[n++] = (struct bid_score_in){
			t.criteria[k].key, text_parse_int(v, 0, 10, &s) == 0 ? (int)s : -1,
			req_form(r, arena_printf(&r->a, "b%lld_just_%s", bid_id, t.criteria[k].key))};
	}
	rc = bids_score(r->db, &r->a, r->user, id, bid_id, in, n, &r->errs);
	if (rc == ERR_INVALID)
		return tenders_page_render(r, id, 422);
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/udbud/%lld?ok=point#bud", (long long)id));
}

/* POST /udbud/{id}/tildeling — who may write the tender, CSRF: bid_id, reason_<key> per
 * criterion, confirm. 303 to the tender; 422 (the first error's message); 409. */
int bids_page_award(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct tender t;
	int rc = tenders_get(r->db, &r->a, r->user, id, &t);
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	bool write;
	if (!tenders_staff(r->user, &t, &write) || !write)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	if (!req_form(r, "confirm")) {
		errs_add(&r->errs, "confirm", "Sæt kryds ved \"Ja, tildel kontrakten\" for at bekræfte.");
		return strcmp(t.state, "closed") ? page_fail(r, ERR_CONFLICT, NULL) : tenders_page_render(r, id, 422);
	}
	long long bid_id = 0;
	text_parse_int(req_form(r, "bid_id"), 1, 999999999999999LL, &bid_id);
	const char **reasons = arena_alloc(&r->a, sizeof(*reasons) * (size_t)(t.ncriteria + 1));
	for (int k = 0; k < t.ncriteria; k++)
		reasons[k] = req_form(r, arena_printf(&r->a, "reason_%s", t.criteria[k].key));
	rc = bids_award(r->db, &r->a, r->user, id, bid_id, reasons, t.ncriteria, req_form(r, "note"), &r->errs);
	if (rc == ERR_INVALID)
		return tenders_page_render(r, id, 422);
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/udbud/%lld?ok=tildelt", (long long)id));
}

/* GET /udbud/{id}/beslutning — the staff after the deadline, everyone after the award (with
 * what bids_result lets them see): the award decision as a printable page. */
int bids_page_decision(struct req *r)
{
	struct tender_result res;
	int rc = bids_result(r->db, &r->a, r->user, req_param_int(r, "id"), &res);
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	const struct tender *t = &res.tender;
	page_begin(r, arena_printf(&r->a, "Tildelingsbeslutning: %s", t->title));
	struct buf *o = &r->out;
	htmlf(o, "<div class=\"print-document\">\n<p>%s Kommune · %s · %s</p>\n", t->kommune_navn,
	      tenders_procedure_label(t->procedure), tenders_state_label(t->state));
	html(o, "<p>Prisen pointgives efter modellen laveste pris / buddets pris × 10. Point i alt er "
	        "summen af vægt × point / 10 (0-100). Står to bud lige, vinder det laveste bud og derefter "
	        "det først afgivne.</p>\n");
	ranking_table(r, &res, tenders_staff(r->user, t, NULL));
	if (res.reasons) {
		html(o, "<h2>Begrundelse pr. kriterium</h2>\n<dl class=\"facts\">\n");
		for (int k = 0; k < t->ncriteria; k++)
			htmlf(o, "<dt>%s</dt><dd>%s</dd>\n", t->criteria[k].name, res.reasons[k]);
		html(o, "</dl>\n");
		htmlf(o, "<p>Standstill-periode: %d kalenderdage fra tildelingen (til orientering).</p>\n",
		      BIDS_STANDSTILL_DAYS);
	}
	htmlf(o, "</div>\n<p class=\"noprint\"><a href=\"/udbud/%lld\">%s</a></p>\n", (long long)t->id, U_BACK);
	return page_end(r, 200);
}

/* GET /udbud/{id}/beslutning.xlsx — as above, as one sheet. */
int bids_download_decision(struct req *r)
{
	struct tender_result res;
	int rc = bids_result(r->db, &r->a, r->user, req_param_int(r, "id"), &res);
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	buf_reset(&r->out);
	if (bids_result_xlsx(&r->a, &res, &r->out) != 0)
		return page_fail(r, ERR_IO, NULL);
	return reply_download(r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	                      arena_printf(&r->a, "udbud-%lld-tildeling.xlsx", (long long)res.tender.id));
}
