/*
 * tenders_edit_web.c — the staff's forms for a tender: create and edit (criteria and weights in
 * rows, social clauses, the procedures explained), publish, cancel with a confirmation, and
 * answering questions. Layer: handlers of the procurement capability. The rules are
 * tenders_save()'s; these pages read the form, show it again with the errors at the fields
 * (422), and redirect (303).
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "tenders.h"
#include "tenders_text_da.h"
#include "tenders_web.h"

#define ROWS_CRITERIA 6
#define ROWS_CLAUSES 3

/* what the user typed, so a form sent back shows it unchanged */
struct typed {
	const char *estimate, *deadline, *questions_deadline;
	const char *crit_name[ROWS_CRITERIA], *crit_weight[ROWS_CRITERIA];
	const char *clause_kind[ROWS_CLAUSES], *clause_text[ROWS_CLAUSES];
};

static const char *local_of(struct req *r, const char *utc)
{
	char local[17];
	return utc && tenders_utc_to_local(utc, local) == 0 ? arena_strdup(&r->a, local) : "";
}

/* the stored tender as the form shows it (a new one: the usual criteria) */
static void typed_of(struct req *r, const struct tender *t, struct typed *ty)
{
	memset(ty, 0, sizeof(*ty));
	char money[MONEY_TEXT];
	ty->estimate = t->estimate_ore >= 0 ? arena_strdup(&r->a, money_da_plain(money, t->estimate_ore)) : "";
	ty->deadline = local_of(r, t->deadline);
	ty->questions_deadline = local_of(r, t->questions_deadline);
	static const char *const names[] = {"Pris", "Kvalitet", "Service", "Social værdi"};
	static const char *const weights[] = {"40", "30", "20", "10"};
	for (int i = 0; i < ROWS_CRITERIA; i++) {
		if (t->id && i < t->ncriteria) {
			ty->crit_name[i] = t->criteria[i].name;
			ty->crit_weight[i] = arena_printf(&r->a, "%d", t->criteria[i].weight);
		} else if (!t->id && i < 4) {
			ty->crit_name[i] = names[i];
			ty->crit_weight[i] = weights[i];
		} else {
			ty->crit_name[i] = ty->crit_weight[i] = "";
		}
	}
	for (int i = 0; i < ROWS_CLAUSES; i++) {
		ty->clause_kind[i] = i < t->nclauses ? t->clauses[i].kind : "beskaeftigelse";
		ty->clause_text[i] = i < t->nclauses ? t->clauses[i].text : "";
	}
}

/* the procedure as radio buttons, each with its explanation */
static void procedure_radios(struct req *r, const char *value)
{
	struct buf *o = &r->out;
	const char *err = errs_get(&r->errs, "procedure");
	htmlf(o, "<fieldset id=\"f-procedure\" class=\"field checks%s\"%s>\n<legend>%s "
	         "<span class=\"req\">(skal udfyldes)</span></legend>\n",
	      err ? " has-error" : "", err ? " aria-describedby=\"f-procedure-error\"" : "", U_PROCEDURE);
	if (err)
		htmlf(o, "<p class=\"error\" id=\"f-procedure-error\">%s</p>\n", err);
	for (int i = 0; i < tenders_procedures_count; i++) {
		const struct tenders_procedure *p = &tenders_procedures[i];
		htmlf(o, "<div class=\"check\"><input type=\"radio\" id=\"f-procedure-%s\" name=\"procedure\" "
		         "value=\"%s\" aria-describedby=\"f-procedure-%s-hint\"%s> <label for=\"f-procedure-%s\">%s</label>"
		         "<p class=\"hint\" id=\"f-procedure-%s-hint\">%s</p></div>\n",
		      p->key, p->key, p->key, value && !strcmp(value, p->key) ? " checked" : "", p->key,
		      p->label, p->key, p->explanation);
	}
	html(o, "</fieldset>\n");
}

/* the criteria rows: name and weight */
static void criteria_rows(struct req *r, const struct typed *ty)
{
	struct buf *o = &r->out;
	const char *err = errs_get(&r->errs, "criteria");
	htmlf(o, "<fieldset id=\"f-criteria\" class=\"field%s\"%s>\n<legend>%s</legend>\n",
	      err ? " has-error" : "", err ? " aria-describedby=\"f-criteria-error\"" : "", U_CRITERIA);
	html(o, "<p class=\"hint\">Vægtene skal tilsammen give 100. Kriteriet \"Pris\" pointgives efter "
	        "prismodellen (laveste pris / buddets pris × 10); de andre giver kommunen 0-10 point med "
	        "begrundelse. Lad en række stå tom, hvis den ikke bruges.</p>\n");
	if (err)
		htmlf(o, "<p class=\"error\" id=\"f-criteria-error\">%s</p>\n", err);
	for (int i = 0; i < ROWS_CRITERIA; i++) {
		htmlf(o, "<div class=\"row\">\n");
		form_input(o, &(struct form_field){.name = arena_printf(&r->a, "crit_name_%d", i),
		                                   .label = arena_printf(&r->a, "Kriterium %d", i + 1),
		                                   .value = ty->crit_name[i], .maxlength = 100});
		form_input(o, &(struct form_field){.name = arena_printf(&r->a, "crit_weight_%d", i),
		                                   .label = arena_printf(&r->a, "Vægt %d (%%)", i + 1),
		                                   .type = "number", .value = ty->crit_weight[i]});
		html(o, "</div>\n");
	}
	html(o, "</fieldset>\n");
}

static void clause_rows(struct req *r, const struct typed *ty)
{
	struct buf *o = &r->out;
	const char *err = errs_get(&r->errs, "social_clauses");
	htmlf(o, "<fieldset id=\"f-social_clauses\" class=\"field%s\">\n<legend>%s</legend>\n",
	      err ? " has-error" : "", U_CLAUSES);
	html(o, "<p class=\"hint\">Fx \"Mindst 10 %% af de ansatte på opgaven er personer på kanten af "
	        "arbejdsmarkedet\". Lad teksten stå tom, hvis rækken ikke bruges.</p>\n");
	if (err)
		htmlf(o, "<p class=\"error\">%s</p>\n", err);
	struct form_option kinds[8];
	for (int k = 0; k < tenders_clause_kinds_count && k < 8; k++)
		kinds[k] = (struct form_option){tenders_clause_kinds[k].key, tenders_clause_kinds[k].label};
	for (int i = 0; i < ROWS_CLAUSES; i++) {
		form_select(o, &(struct form_field){.name = arena_printf(&r->a, "clause_kind_%d", i),
		                                    .label = arena_printf(&r->a, "Klausul %d: slags", i + 1),
		                                    .value = ty->clause_kind[i]},
		            kinds, tenders_clause_kinds_count);
		form_textarea(o, &(struct form_field){.name = arena_printf(&r->a, "clause_text_%d", i),
		                                      .label = arena_printf(&r->a, "Klausul %d: tekst", i + 1),
		                                      .value = ty->clause_text[i]}, 2);
	}
	html(o, "</fieldset>\n");
}

/* the municipality: a select for the administrator on a new tender, else fixed */
static int kommune_field(struct req *r, const struct tender *t)
{
	struct buf *o = &r->out;
	if (t->id || !access_national(r->user)) {
		htmlf(o, "<p>%s: <strong>%s</strong></p>\n", U_KOMMUNE,
		      t->kommune_navn ? t->kommune_navn : r->user->kommune_navn ? r->user->kommune_navn : "");
		return 0;
	}
	struct kommune *ks;
	int nk;
	int rc = kommune_list(r->db, &r->a, &ks, &nk);
	if (rc)
		return rc;
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(nk + 1));
	fo[0] = (struct form_option){"", "Vælg kommune"};
	for (int i = 0; i < nk; i++)
		fo[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
	form_select(o, &(struct form_field){.name = "kommune", .label = U_KOMMUNE, .value = t->kommune,
	                                    .error = errs_get(&r->errs, "kommune"), .required = true},
	            fo, nk + 1);
	return 0;
}

static int edit_form(struct req *r, int status, const struct tender *t, const struct typed *ty)
{
	page_begin(r, t->id ? arena_printf(&r->a, "%s: %s", U_EDIT, t->title) : U_NEW);
	struct buf *o = &r->out;
	const struct errs *er = &r->errs;
	form_error_summary(o, er);
	if (t->id) {
		htmlf(o, "<form method=\"post\" action=\"/udbud/%lld\" class=\"stack\" novalidate>\n", (long long)t->id);
		if (t->nbids > 0)
			html(o, "<p class=\"notice\">Der er afgivet bud: kriterierne, vægtene og fristen for bud kan "
			        "ikke længere ændres.</p>\n");
	} else {
		html(o, "<form method=\"post\" action=\"/udbud\" class=\"stack\" novalidate>\n");
	}
	form_csrf(o, r->csrf);
	html(o, "<fieldset><legend>Udbuddet</legend>\n");
	int rc = kommune_field(r, t);
	if (rc)
		return page_fail(r, rc, NULL);
	form_input(o, &(struct form_field){.name = "title", .label = U_COL_TITLE, .value = t->title,
	                                   .error = errs_get(er, "title"), .required = true, .maxlength = 200});
	form_textarea(o, &(struct form_field){.name = "object", .label = U_OBJECT, .value = t->object,
	                                      .error = errs_get(er, "object")}, 3);
	form_textarea(o, &(struct form_field){.name = "description", .label = U_DESCRIPTION,
	                                      .value = t->description, .error = errs_get(er, "description")}, 6);
	form_input(o, &(struct form_field){.name = "cpv", .label = U_CPV, .value = t->cpv,
	                                   .hint = "EU's CPV-kode med kontrolciffer, fx 55500000-5 (kantine).",
	                                   .error = errs_get(er, "cpv"), .autocomplete = "off"});
	form_input(o, &(struct form_field){.name = "estimate", .label = "Anslået værdi i kroner (ekskl. moms)",
	                                   .value = ty->estimate, .error = errs_get(er, "estimate"),
	                                   .hint = "Fx 1.250.000,00. Kan udelades."});
	html(o, "</fieldset>\n");
	procedure_radios(r, t->procedure);
	html(o, "<fieldset><legend>Frister (dansk tid)</legend>\n");
	form_input(o, &(struct form_field){.name = "questions_deadline", .label = U_QDEADLINE,
	                                   .type = "datetime-local", .value = ty->questions_deadline,
	                                   .error = errs_get(er, "questions_deadline"),
	                                   .hint = "ÅÅÅÅ-MM-DD TT:MM. Kan udelades."});
	form_input(o, &(struct form_field){.name = "deadline", .label = U_DEADLINE, .type = "datetime-local",
	                                   .value = ty->deadline, .error = errs_get(er, "deadline"),
	                                   .hint = "ÅÅÅÅ-MM-DD TT:MM, fx 2026-12-01 12:00.", .required = true});
	html(o, "</fieldset>\n");
	criteria_rows(r, ty);
	clause_rows(r, ty);
	htmlf(o, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"%s\">%s</a></div>\n</form>\n",
	      U_SAVE, t->id ? arena_printf(&r->a, "/udbud/%lld", (long long)t->id) : "/udbud", U_BACK);
	return page_end(r, status);
}

/* the form's values over t and ty */
static void read_form(struct req *r, struct tender *t, struct typed *ty)
{
	if (!t->id && access_national(r->user))
		t->kommune = req_form(r, "kommune");
	t->title = req_form(r, "title");
	t->object = req_form(r, "object");
	t->description = req_form(r, "description");
	t->cpv = req_form(r, "cpv");
	t->procedure = req_form(r, "procedure");
	ty->estimate = req_form(r, "estimate");
	const char *est = ty->estimate ? text_trim(&r->a, ty->estimate) : "";
	int64_t ore;
	if (!*est)
		t->estimate_ore = -1;
	else if (money_parse(est, 0, &ore) == 0)
		t->estimate_ore = ore;
	else
		errs_add(&r->errs, "estimate", "Skriv den anslåede værdi i kroner, fx 1.250.000,00.");
	ty->deadline = req_form(r, "deadline");
	ty->questions_deadline = req_form(r, "questions_deadline");
	t->deadline = ty->deadline;
	t->questions_deadline = ty->questions_deadline;
	t->criteria = arena_alloc(&r->a, sizeof(*t->criteria) * ROWS_CRITERIA);
	t->ncriteria = 0;
	for (int i = 0; i < ROWS_CRITERIA; i++) {
		ty->crit_name[i] = req_form(r, arena_printf(&r->a, "crit_name_%d", i));
		ty->crit_weight[i] = req_form(r, arena_printf(&r->a, "crit_weight_%d", i));
		const char *name = ty->crit_name[i] ? text_trim(&r->a, ty->crit_name[i]) : "";
		const char *w = ty->crit_weight[i] ? text_trim(&r->a, ty->crit_weight[i]) : "";
		if (!*name && !*w)
			continue;
		long long v;
		t->criteria[t->ncriteria++] = (struct tender_criterion){
			.name = name, .weight = text_parse_int(w, 0, 1000, &v) == 0 ? (int)v : -1};
	}
	t->clauses = arena_alloc(&r->a, sizeof(*t->clauses) * ROWS_CLAUSES);
	t->nclauses = 0;
	for (int i = 0; i < ROWS_CLAUSES; i++) {
		ty->clause_kind[i] = req_form(r, arena_printf(&r->a, "clause_kind_%d", i));
		ty->clause_text[i] = req_form(r, arena_printf(&r->a, "clause_text_%d", i));
		t->clauses[t->nclauses++] = (struct tender_clause){ty->clause_kind[i], ty->clause_text[i]};
	}
}

/* GET /udbud/ny — who may create a tender (tenders_may_create): 403 otherwise. */
int tenders_page_new(struct req *r)
{
	if (!tenders_may_create(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct tender t = {.estimate_ore = -1, .kommune = r->user->kommune, .procedure = "offentligt"};
	struct typed ty;
	typed_of(r, &t, &ty);
	return edit_form(r, 200, &t, &ty);
}

/* POST /udbud — as above, CSRF. 303 to the new draft; 422 with the form; 403. */
int tenders_page_create(struct req *r)
{
	if (!tenders_may_create(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct tender t = {.estimate_ore = -1, .kommune = r->user->kommune};
	struct typed ty;
	read_form(r, &t, &ty);
	const char *deadline = t.deadline, *qd = t.questions_deadline;
	int rc = tenders_save(r->db, &r->a, r->user, &t, &r->errs);
	if (rc == ERR_INVALID) {
		t.deadline = deadline;
		t.questions_deadline = qd;
		return edit_form(r, 422, &t, &ty);
	}
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/udbud/%lld?ok=oprettet", (long long)t.id));
}

/* the tender of the path that the caller may write, or the error page already answered */
static bool writable_or_reply(struct req *r, struct tender *t)
{
	int rc = tenders_get(r->db, &r->a, r->user, req_param_int(r, "id"), t);
	bool write = false;
	if (rc == 0 && (!tenders_staff(r->user, t, &write) || !write))
		rc = ERR_FORBIDDEN;
	if (rc)
		page_fail(r, rc, U_NOT_FOUND);
	return rc == 0;
}

/* GET /udbud/{id}/rediger — who may write the tender: 404, 403; 409 once final. */
int tenders_page_edit(struct req *r)
{
	struct tender t;
	if (!writable_or_reply(r, &t))
		return 0;
	if (strcmp(t.state, "draft") && strcmp(t.state, "published"))
		return page_fail(r, ERR_CONFLICT, NULL);
	struct typed ty;
	typed_of(r, &t, &ty);
	return edit_form(r, 200, &t, &ty);
}

/* POST /udbud/{id} — as above, CSRF. 303 to the tender; 422 with the form; 409. */
int tenders_page_update(struct req *r)
{
	struct tender t;
	if (!writable_or_reply(r, &t))
		return 0;
	struct typed ty;
	typed_of(r, &t, &ty);
	read_form(r, &t, &ty);
	int rc = tenders_save(r->db, &r->a, r->user, &t, &r->errs);
	if (rc == ERR_INVALID) {
		t.deadline = ty.deadline;
		t.questions_deadline = ty.questions_deadline;
		return edit_form(r, 422, &t, &ty);
	}
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/udbud/%lld?ok=gemt", (long long)t.id));
}

/* POST /udbud/{id}/offentliggoer — who may write it, CSRF: a draft is published. 303; 409;
 * 422 when the deadline has passed. */
int tenders_page_publish(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	int rc = tenders_publish(r->db, &r->a, r->user, id, &r->errs);
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/udbud/%lld?ok=offentliggjort", (long long)id));
}

/* the confirmation page of t, answered with status */
static int cancel_form(struct req *r, const struct tender *tp, int status);

/* GET /udbud/{id}/annuller — who may write it: the confirmation. */
int tenders_page_cancel_confirm(struct req *r)
{
	struct tender t;
	if (!writable_or_reply(r, &t))
		return 0;
	return cancel_form(r, &t, 200);
}

static int cancel_form(struct req *r, const struct tender *tp, int status)
{
	struct tender t = *tp;
	if (!strcmp(t.state, "awarded") || !strcmp(t.state, "cancelled"))
		return page_fail(r, ERR_CONFLICT, NULL);
	page_begin(r, arena_printf(&r->a, "Annullér udbuddet: %s", t.title));
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	html(o, "<p>Et annulleret udbud kan ikke genoptages. Virksomheder, der har budt, kan se, at "
	        "udbuddet er annulleret.</p>\n");
	htmlf(o, "<form method=\"post\" action=\"/udbud/%lld/annuller\" class=\"stack\">\n", (long long)t.id);
	form_csrf(o, r->csrf);
	form_textarea(o, &(struct form_field){.name = "reason", .label = "Begrundelse (kan udelades)",
	                                      .value = req_form(r, "reason")}, 3);
	form_checkbox(o, &(struct form_field){.name = "confirm", .label = "Ja, annullér udbuddet",
	                                      .error = errs_get(&r->errs, "confirm")});
	htmlf(o, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"/udbud/%lld\">%s</a></div>\n</form>\n",
	      U_CANCEL_TENDER, (long long)t.id, U_BACK);
	return page_end(r, status);
}

/* POST /udbud/{id}/annuller — as above, CSRF, confirm=1 and reason. 303; 422 without the
 * confirmation; 409 when awarded or cancelled. */
int tenders_page_cancel(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct tender t;
	if (!writable_or_reply(r, &t))
		return 0;
	if (!req_form(r, "confirm")) {
		errs_add(&r->errs, "confirm", "Sæt kryds ved \"Ja, annullér udbuddet\" for at bekræfte.");
		if (!strcmp(t.state, "awarded") || !strcmp(t.state, "cancelled"))
			return page_fail(r, ERR_CONFLICT, NULL);
		return cancel_form(r, &t, 422);
	}
	int rc = tenders_cancel(r->db, &r->a, r->user, id, req_form(r, "reason"));
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/udbud/%lld?ok=annulleret", (long long)id));
}

/* POST /udbud/{id}/spoergsmaal/{question} — who may write the tender, CSRF: answer-{question}. */
int tenders_page_answer(struct req *r)
{
	int64_t id = req_param_int(r, "id"), q = req_param_int(r, "question");
	const char *answer = req_form(r, arena_printf(&r->a, "answer-%lld", (long long)q));
	if (!answer)
		answer = req_form(r, "answer");
	int rc = tenders_answer(r->db, &r->a, r->user, id, q, answer, &r->errs);
	if (rc == ERR_INVALID)
		return tenders_page_render(r, id, 422);
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/udbud/%lld?ok=besvaret#spoergsmaal", (long long)id));
}
