/*
 * surveys_web.c — answering a survey in the browser (konsulent), and the administrator's pages:
 * the surveys, sending a round, who has answered, reopening an answer; and the report, which
 * every municipality's staff reads too.
 * Layer: handlers of the surveys capability.
 */
#include "surveys_web.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/api.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "../kommune/kommune_web.h"
#include "surveys.h"
#include "surveys_report_html.h"

/* what a 404 here says: the path names a survey or round that does not exist */
#define NOT_FOUND "Undersøgelsen eller runden findes ikke."

int surveys_web_load_round(struct req *r, struct survey *s, struct round *rd)
{
	int rc = surveys_load(r->db, &r->a, req_param(r, "survey"), s);
	if (rc == 0)
		rc = surveys_round(r->db, &r->a, s, req_param(r, "round"), rd);
	return rc;
}

/* GET /undersoegelser — signed in. The rounds sent to the caller's municipality, with the
 * state of its answer; for the national administrator every survey and round. */
int surveys_page_list(struct req *r)
{
	struct round_row *rows;
	int n;
	int rc = surveys_rounds_for(r->db, &r->a, r->user, &rows, &n);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Undersøgelser");
	struct buf *o = &r->out;
	if (n == 0) {
		html(o, "<p class=\"empty\">Der er ingen undersøgelser til din kommune.</p>\n");
		return page_end(r, 200);
	}
	/* the report of every round: the administrator and every municipality's staff */
	bool reports = access_national_figures(r->user) == 0;
	table_begin(o, "Undersøgelser", NULL);
	html(o, "<caption class=\"visually-hidden\">Undersøgelser og runder</caption>\n"
	        "<thead><tr><th scope=\"col\">Undersøgelse</th><th scope=\"col\">Runde</th>"
	        "<th scope=\"col\">Lukker</th><th scope=\"col\">Status</th>");
	if (reports)
		html(o, "<th scope=\"col\">Rapport</th>");
	html(o, "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct round_row *x = &rows[i];
		const char *state = access_national(r->user) ? "" : x->submitted_at ? "Indsendt" : x->answered ? "Kladde" : "Ikke besvaret";
		const char *href = access_national(r->user)
		                       ? arena_printf(&r->a, "/undersoegelser/%s/%s/oversigt", html_url(&r->a, x->survey_code), html_url(&r->a, x->round_code))
		                       : arena_printf(&r->a, "/undersoegelser/%s/%s", html_url(&r->a, x->survey_code), html_url(&r->a, x->round_code));
		/* the round's answers are for those who answer them (the konsulent) and the administrator;
		 * the other staff read its report */
		if (access_national(r->user) || access_allowed(r->user, ACC_ANSWER_SURVEY, r->user->kommune) == 0)
			htmlf(o, "<tr><td>%s</td><td><a href=\"%s\">%s</a></td><td>%s</td><td>%s</td>",
			      x->survey_title, href, *x->round_title ? x->round_title : x->round_code,
			      x->closes ? text_date_dk(&r->a, x->closes) : "–", state);
		else
			htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td>", x->survey_title,
			      *x->round_title ? x->round_title : x->round_code,
			      x->closes ? text_date_dk(&r->a, x->closes) : "–", state);
		if (reports)
			htmlf(o, "<td><a href=\"/undersoegelser/%s/%s/rapport\">Rapport<span class=\"visually-hidden\">"
			         " for %s</span></a></td>", html_url(&r->a, x->survey_code), html_url(&r->a, x->round_code),
			      *x->round_title ? x->round_title : x->round_code);
		html(o, "</tr>\n");
	}
	html(o, "</tbody>\n");
	table_end(o);
	return page_end(r, 200);
}

/* GET /undersoegelser/{survey} — admin. The survey's questions and a form to send a round. */
int surveys_page_survey(struct req *r)
{
	struct survey s;
	int rc = surveys_load(r->db, &r->a, req_param(r, "survey"), &s);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	if (!access_national(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct kommune *ks;
	int nk;
	if ((rc = kommune_list(r->db, &r->a, &ks, &nk)) != 0)
		return page_fail(r, rc, NULL);
	page_begin(r, s.title);
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	htmlf(o, "<p>Kode <code>%s</code>, version %d, %d spørgsmål.</p>\n", s.code, s.version, s.nquestions);
	html(o, "<h2>Send en ny runde</h2>\n");
	htmlf(o, "<form method=\"post\" action=\"/undersoegelser/%s/runder\" class=\"stack narrow\" novalidate>\n",
	      html_url(&r->a, s.code));
	form_csrf(o, r->csrf);
	form_input(o, &(struct form_field){.name = "code", .label = "Rundens kode", .value = req_form(r, "code"),
	                                   .hint = "Fx november-2016: a-z, 0-9 og bindestreg.",
	                                   .error = errs_get(&r->errs, "code"), .required = true});
	form_input(o, &(struct form_field){.name = "title", .label = "Titel", .value = req_form(r, "title")});
	form_input(o, &(struct form_field){.name = "opens", .label = "Åbner", .type = "date",
	                                   .value = req_form(r, "opens"), .error = errs_get(&r->errs, "opens")});
	form_input(o, &(struct form_field){.name = "closes", .label = "Lukker", .type = "date",
	                                   .value = req_form(r, "closes"), .error = errs_get(&r->errs, "closes")});
	const char *chosen[KOMMUNE_COUNT];
	int nchosen = kommune_web_split(&r->a, kommune_web_codes(&r->a, r->form, "kommuner"), chosen,
	                                KOMMUNE_COUNT);
	kommune_web_picker(o, &r->a, &(struct form_field){.name = "kommuner", .label = "Kommuner",
	                                                  .hint = "Vælg ingen for at sende runden til alle 98 kommuner.",
	                                                  .error = errs_get(&r->errs, "kommuner")},
	                   ks, nk, chosen, nchosen);
	html(o, "<button type=\"submit\">Send runden</button>\n</form>\n");
	html(o, "<h2>Spørgsmål</h2>\n<ol class=\"questions\">\n");
	for (int i = 0; i < s.nquestions; i++)
		htmlf(o, "<li><code>%s</code> (%s) %s</li>\n", s.questions[i].code,
		      surveys_type_name(s.questions[i].type), s.questions[i].text);
	html(o, "</ol>\n");
	return page_end(r, r->errs.n ? 422 : 200);
}

/* POST /undersoegelser/{survey}/runder — admin, CSRF. Fields code, title, opens, closes,
 * kommuner. */
int surveys_page_round_create(struct req *r)
{
	struct survey s;
	int rc = surveys_load(r->db, &r->a, req_param(r, "survey"), &s);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	if (!access_national(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	const char *code = text_trim(&r->a, req_form(r, "code"));
	const char *opens = text_trim(&r->a, req_form(r, "opens"));
	const char *closes = text_trim(&r->a, req_form(r, "closes"));
	const char *list = kommune_web_codes(&r->a, r->form, "kommuner");
	struct round_send send = {.code = code, .title = text_trim(&r->a, req_form(r, "title")),
	                          .opens = opens && *opens ? opens : NULL,
	                          .closes = closes && *closes ? closes : NULL, .kommuner = list};
	rc = surveys_round_send(r->db, &r->a, r->user, &s, &send, &r->errs);
	if (rc == ERR_INVALID || rc == ERR_CONFLICT)
		return surveys_page_survey(r);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/undersoegelser/%s/%s/oversigt", html_url(&r->a, s.code),
	                                      html_url(&r->a, code)));
}

/* the value of one cell of r, or NULL */
static const struct cell *cell_of(const struct response *r, const struct question *q,
                                  const char *item, const char *option)
{
	for (int i = 0; i < r->ncells; i++) {
		const struct cell *c = &r->cells[i];
		if (c->q == q && (!item || !strcmp(c->item, item)) && (!option || !strcmp(c->option, option)))
			return c;
	}
	return NULL;
}

/* the label of a question that must be answered before the answer can be submitted */
#define REQUIRED_MARK " (skal besvares)"

/* radios: one radio button per option of q, named name, in a fieldset with id "f-" name (where
 * the error summary links) and legend legend */
static void radios(struct buf *o, struct arena *a, const struct question *q, const char *name,
                   const char *legend, const char *chosen, const char *error, bool required)
{
	htmlf(o, "<fieldset id=\"f-%s\" class=\"field checks%s\"", name, error ? " has-error" : "");
	if (error)
		htmlf(o, " aria-describedby=\"f-%s-error\"", name);
	htmlf(o, ">\n<legend>%s%s</legend>\n", legend, required ? REQUIRED_MARK : "");
	if (error)
		htmlf(o, "<p class=\"error\" id=\"f-%s-error\">%s</p>\n", name, error);
	for (int k = 0; k < q->noptions; k++) {
		const char *id = arena_printf(a, "f-%s-%s", name, q->options[k].key);
		htmlf(o, "<div class=\"check\"><input type=\"radio\" id=\"%s\" name=\"%s\" value=\"%s\"%s> "
		         "<label for=\"%s\">%s</label></div>\n",
		      id, name, q->options[k].key, chosen && !strcmp(chosen, q->options[k].key) ? " checked" : "",
		      id, q->options[k].label);
	}
	html(o, "</fieldset>\n");
}

static void question_form(struct req *r, const struct question *q, const struct response *resp)
{
	struct buf *o = &r->out;
	const char *err = errs_get(&r->errs, q->code);
	htmlf(o, "<div class=\"question\" id=\"q-%s\">\n", q->code);
	if (q->help && *q->help)
		htmlf(o, "<p class=\"hint\">%s</p>\n", q->help);
	const struct cell *c;
	switch (q->type) {
	case Q_SINGLE:
		c = cell_of(resp, q, NULL, NULL);
		radios(o, &r->a, q, q->code, q->text, c ? c->option : NULL, err, q->required);
		break;
	case Q_MULTI: {
		const char **chosen = arena_alloc(&r->a, sizeof(char *) * (size_t)(q->noptions + 1));
		int n = 0;
		for (int k = 0; k < q->noptions; k++)
			if (cell_of(resp, q, NULL, q->options[k].key))
				chosen[n++] = q->options[k].key;
		struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)q->noptions);
		for (int k = 0; k < q->noptions; k++)
			fo[k] = (struct form_option){q->options[k].key, q->options[k].label};
		form_checkboxes(o, &(struct form_field){.name = q->code, .error = err,
		                                        .label = q->required ? arena_printf(&r->a, "%s" REQUIRED_MARK, q->text)
		                                                             : q->text},
		                fo, q->noptions, chosen, n);
		break;
	}
	case Q_MATRIX:
		htmlf(o, "<fieldset class=\"matrix\">\n<legend>%s</legend>\n", q->text);
		for (int it = 0; it < q->nitems; it++) {
			const char *name = arena_printf(&r->a, "%s.%s", q->code, q->items[it].key);
			c = cell_of(resp, q, q->items[it].key, NULL);
			radios(o, &r->a, q, name, q->items[it].label, c ? c->option : NULL,
			       errs_get(&r->errs, name), q->required);
		}
		html(o, "</fieldset>\n");
		break;
	case Q_NUMBER:
		c = cell_of(resp, q, NULL, NULL);
		form_input(o, &(struct form_field){.name = q->code, .label = q->text, .type = "number",
		                                   .value = c && c->has_number ? arena_printf(&r->a, "%lld", c->number)
		                                                                : req_form(r, q->code),
		                                   .error = err, .required = q->required,
		                                   .required_mark = "(skal besvares)"});
		break;
	case Q_TEXT:
		c = cell_of(resp, q, NULL, NULL);
		form_textarea(o, &(struct form_field){.name = q->code, .label = q->text,
		                                      .value = c ? c->text : NULL, .error = err,
		                                      .required = q->required, .maxlength = 10000,
		                                      .required_mark = "(skal besvares)"}, 5);
		break;
	}
	html(o, "</div>\n");
}

static int answer_form(struct req *r, int status, const struct survey *s, const struct round *rd,
                       const struct response *resp, bool locked, const char *notice)
{
	page_begin(r, s->title);
	struct buf *o = &r->out;
	htmlf(o, "<p>Runde <strong>%s</strong> for %s Kommune.", *rd->title ? rd->title : rd->code,
	      r->user->kommune_navn);
	if (rd->closes)
		htmlf(o, " Svarfrist %s.", text_date_dk(&r->a, rd->closes));
	htmlf(o, " Status: <strong>%s</strong>.</p>\n",
	      resp->submitted_at ? "indsendt" : resp->id ? "kladde" : "ikke besvaret");
	if (notice)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n", notice);
	if (locked) {
		html(o, "<p class=\"notice\">Runden er lukket. Kontakt den nationale administrator, hvis "
		        "svaret skal genåbnes.</p>\n");
		return page_end(r, status);
	}
	form_error_summary(o, &r->errs);
	bool submitted = resp->submitted_at != NULL;
	if (submitted)
		html(o, "<p>Svaret er indsendt. Du kan rette det og indsende det igen, så længe runden er åben. "
		        "Vil du arbejde videre på det, uden at det tæller som indsendt, så træk indsendelsen "
		        "tilbage: så bliver det en kladde igen.</p>\n");
	else
		html(o, "<p>Spørgsmål mærket " REQUIRED_MARK " skal besvares, før svaret kan indsendes. En "
		        "kladde kan gemmes når som helst.</p>\n");
	htmlf(o, "<form method=\"post\" action=\"/undersoegelser/%s/%s\" class=\"stack survey\" novalidate>\n",
	      html_url(&r->a, s->code), html_url(&r->a, rd->code));
	form_csrf(o, r->csrf);
	for (int i = 0; i < s->nquestions; i++)
		question_form(r, &s->questions[i], resp);
	if (submitted)
		html(o, "<div class=\"actions\"><button type=\"submit\" name=\"action\" value=\"submit\">"
		        "Indsend de rettede svar</button> <button type=\"submit\" name=\"action\" value=\"withdraw\" "
		        "class=\"secondary\">Træk indsendelsen tilbage, og gem som kladde</button></div>\n</form>\n");
	else
		html(o, "<div class=\"actions\"><button type=\"submit\" name=\"action\" value=\"draft\" "
		        "class=\"secondary\">Gem kladde</button> <button type=\"submit\" name=\"action\" "
		        "value=\"submit\">Indsend svar</button></div>\n</form>\n");
	return page_end(r, status);
}

/* the caller's municipality's round, or an answer telling why not */
static int round_for_konsulent(struct req *r, struct survey *s, struct round *rd)
{
	int rc = surveys_web_load_round(r, s, rd);
	if (rc)
		return rc;
	if (!r->user->kommune || access_allowed(r->user, ACC_ANSWER_SURVEY, r->user->kommune) != 0)
		return ERR_FORBIDDEN;
	return 0;
}

/* GET /undersoegelser/{survey}/{round} — konsulent. The municipality's answer form. The
 * administrator is sent to the overview. */
int surveys_page_answer(struct req *r)
{
	if (access_national(r->user))
		return reply_redirect(r, arena_printf(&r->a, "/undersoegelser/%s/%s/oversigt",
		                                      html_url(&r->a, req_param(r, "survey")), html_url(&r->a, req_param(r, "round"))));
	struct survey s;
	struct round rd;
	int rc = round_for_konsulent(r, &s, &rd);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	struct response resp;
	rc = surveys_response_load(r->db, &r->a, &s, &rd, r->user->kommune, &resp);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	bool locked = surveys_round_closed(&rd, page_today(r)) && !(resp.reopened && !resp.submitted_at);
	const char *ok = req_query(r, "ok");
	return answer_form(r, 200, &s, &rd, &resp, locked,
	                   !ok                             ? NULL
	                   : !strcmp(ok, "indsendt")        ? "Tak. Svaret er indsendt."
	                   : !strcmp(ok, "tilbagetrukket") ? "Indsendelsen er trukket tilbage. Svaret er gemt som kladde."
	                                                    : "Kladden er gemt.");
}

/* POST /undersoegelser/{survey}/{round} — konsulent, CSRF. One field per question (matrix:
 * CODE.ITEM; multi: CODE repeated), action=draft|submit|withdraw. A submitted answer is never
 * made a draft by "draft" (409 with the form as sent and what to do instead): only "withdraw"
 * takes the submission back, and says so. */
int surveys_page_answer_post(struct req *r)
{
	struct survey s;
	struct round rd;
	int rc = round_for_konsulent(r, &s, &rd);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	struct response resp = {.kommune = r->user->kommune};
	for (int i = 0; i < s.nquestions; i++) {
		const struct question *q = &s.questions[i];
		const char *vals[128];
		int n;
		switch (q->type) {
		case Q_SINGLE:
		case Q_TEXT: {
			const char *v = text_trim(&r->a, req_form(r, q->code));
			if (v && *v)
				surveys_cell_add(&r->a, &resp, &(struct cell){.q = q, .item = "",
				                 .option = q->type == Q_SINGLE ? v : "", .text = q->type == Q_TEXT ? v : NULL});
			break;
		}
		case Q_MULTI:
			n = kv_all(r->form, q->code, vals, 128);
			if (n > q->noptions || n > 128) {
				errs_add(&r->errs, q->code, "Vælg blandt svarmulighederne, hver højst én gang.");
				break;
			}
			for (int k = 0; k < n; k++)
				surveys_cell_add(&r->a, &resp, &(struct cell){.q = q, .item = "", .option = vals[k]});
			break;
		case Q_MATRIX:
			for (int it = 0; it < q->nitems; it++) {
				const char *v = req_form(r, arena_printf(&r->a, "%s.%s", q->code, q->items[it].key));
				if (v && *v)
					surveys_cell_add(&r->a, &resp, &(struct cell){.q = q, .item = q->items[it].key, .option = v});
			}
			break;
		case Q_NUMBER: {
			const char *v = text_trim(&r->a, req_form(r, q->code));
			long long num;
			if (!v || !*v)
				break;
			if (text_parse_int(v, -1000000000000LL, 1000000000000LL, &num) != 0)
				errs_add(&r->errs, q->code,
				         arena_printf(&r->a, "Skriv et helt tal som svar på %s.", surveys_question_name(&r->a, q, NULL)));
			else
				surveys_cell_add(&r->a, &resp, &(struct cell){.q = q, .item = "", .option = "",
				                 .has_number = true, .number = num});
			break;
		}
		}
	}
	const char *action = req_form(r, "action");
	bool submit = action && !strcmp(action, "submit");
	bool withdraw = action && !strcmp(action, "withdraw");
	struct response old;
	rc = surveys_response_load(r->db, &r->a, &s, &rd, r->user->kommune, &old);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	resp.id = old.id;
	resp.submitted_at = old.submitted_at;
	resp.reopened = old.reopened;
	if (!submit && !withdraw && old.submitted_at) {
		/* "Gem kladde" from a form shown before the answer was submitted: saving it as a draft
		 * would silently take the submission back. Wrong answers are said first (422). */
		if (r->errs.n || surveys_check(&r->a, &s, &resp, false, &r->errs) != 0)
			return answer_form(r, 422, &s, &rd, &resp, false, NULL);
		errs_add(&r->errs, NULL, "Svaret er allerede indsendt, så det gemmes ikke som kladde. Indsend de "
		                         "rettede svar, eller træk indsendelsen tilbage, hvis svaret ikke skal "
		                         "tælle som indsendt.");
		return answer_form(r, 409, &s, &rd, &resp, false, NULL);
	}
	if (r->errs.n == 0)
		rc = surveys_save(r->db, &r->a, r->user, &s, &rd, &resp, submit, &r->errs);
	else
		rc = ERR_INVALID;
	if (rc == ERR_INVALID)
		return answer_form(r, 422, &s, &rd, &resp, false, NULL);
	if (rc == ERR_FORBIDDEN)
		return answer_form(r, 403, &s, &rd, &old, true, NULL);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/undersoegelser/%s/%s?ok=%s", html_url(&r->a, s.code),
	                                      html_url(&r->a, rd.code),
	                                      submit ? "indsendt" : withdraw ? "tilbagetrukket" : "gemt"));
}

/* GET /undersoegelser/{survey}/{round}/oversigt — admin. Who has answered, with reopening. */
int surveys_page_overview(struct req *r)
{
	if (!access_national(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct survey s;
	struct round rd;
	int rc = surveys_web_load_round(r, &s, &rd);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	struct round_status *rows;
	int n;
	rc = surveys_round_status(r->db, &r->a, r->user, &rd, &rows, &n);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	page_begin(r, arena_printf(&r->a, "%s: runde %s", s.title, *rd.title ? rd.title : rd.code));
	struct buf *o = &r->out;
	int done = 0;
	for (int i = 0; i < n; i++)
		done += rows[i].submitted_at != NULL;
	htmlf(o, "<p>%d af %d kommuner har indsendt. <a href=\"/undersoegelser/%s/%s/rapport\">Se rapporten</a>.</p>\n",
	      done, n, html_url(&r->a, s.code), html_url(&r->a, rd.code));
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "1"))
		html(o, "<p class=\"notice\" role=\"status\">Svaret er genåbnet.</p>\n");
	else if (ok)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s påmindelser er lagt i udbakken.</p>\n", ok);
	if (done < n) {
		htmlf(o, "<form method=\"post\" action=\"/undersoegelser/%s/%s/paamind\">\n", html_url(&r->a, s.code),
		      html_url(&r->a, rd.code));
		form_csrf(o, r->csrf);
		htmlf(o, "<button type=\"submit\">Send en påmindelse til de %d kommuner, der ikke har indsendt</button>\n"
		         "</form>\n", n - done);
	}
	table_begin(o, "Kommunernes svar", NULL);
	html(o, "<caption class=\"visually-hidden\">Kommunernes svar</caption>\n"
	        "<thead><tr><th scope=\"col\">Kommune</th><th scope=\"col\">Status</th>"
	        "<th scope=\"col\">Senest ændret</th><th scope=\"col\">Handling</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct round_status *x = &rows[i];
		htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>", x->navn,
		      x->submitted_at ? "Indsendt" : x->answered ? (x->reopened ? "Genåbnet" : "Kladde") : "Ikke besvaret",
		      x->updated_at ? text_date_dk(&r->a, x->updated_at) : "–");
		if (x->submitted_at) {
			htmlf(o, "<form method=\"post\" action=\"/undersoegelser/%s/%s/genaabn\" class=\"inline\">",
			      html_url(&r->a, s.code), html_url(&r->a, rd.code));
			form_csrf(o, r->csrf);
			htmlf(o, "<input type=\"hidden\" name=\"kommune\" value=\"%s\">"
			         "<button type=\"submit\" class=\"link\">Genåbn svaret fra %s</button></form>", x->kommune, x->navn);
		}
		html(o, "</td></tr>\n");
	}
	html(o, "</tbody>\n");
	table_end(o);
	return page_end(r, 200);
}

/* POST /undersoegelser/{survey}/{round}/genaabn — admin, CSRF. Field kommune. */
int surveys_page_reopen(struct req *r)
{
	if (!access_national(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct survey s;
	struct round rd;
	int rc = surveys_web_load_round(r, &s, &rd);
	if (rc == 0)
		rc = surveys_reopen(r->db, &r->a, r->user, &rd, req_form(r, "kommune") ? req_form(r, "kommune") : "");
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/undersoegelser/%s/%s/oversigt?ok=1", html_url(&r->a, s.code),
	                                      html_url(&r->a, rd.code)));
}

/* POST /undersoegelser/{survey}/{round}/paamind — admin, CSRF. Reminders by mail to the
 * konsulenter of every municipality that has not submitted. */
int surveys_page_remind(struct req *r)
{
	if (!access_national(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct survey s;
	struct round rd;
	int sent = 0;
	int rc = surveys_web_load_round(r, &s, &rd);
	if (rc == 0)
		rc = surveys_remind(r->db, &r->a, r->user, &s, &rd, &sent);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/undersoegelser/%s/%s/oversigt?ok=%d", html_url(&r->a, s.code),
	                                      html_url(&r->a, rd.code), sent));
}

/* GET /undersoegelser/{survey}/{round}/rapport — the administrator and, read-only, every
 * municipality's staff (access_national_figures): aggregated counts, and the free-text answers
 * under the municipality that gave them. ?sammenlign=ROUND (or ?compare=ROUND, as in the API)
 * for a second round side by side; ?format=csv|xlsx|json to download, the comparison included;
 * a CSV as page_csv_begin writes it (?sep=,). */
int surveys_page_report(struct req *r)
{
	if (access_national_figures(r->user) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct survey s;
	struct round rd, cmp;
	int rc = surveys_web_load_round(r, &s, &rd);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	const char *other = req_query(r, "sammenlign");
	if (!other || !*other)
		other = req_query(r, "compare");
	bool compare = other && *other;
	if (compare && (rc = surveys_round(r->db, &r->a, &s, other, &cmp)) != 0)
		return page_fail(r, rc, NOT_FOUND);
	struct report rep, crep;
	rc = surveys_report(r->db, &r->a, &s, &rd, &rep);
	if (rc == 0 && compare)
		rc = surveys_report(r->db, &r->a, &s, &cmp, &crep);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	const char *format = req_query(r, "format");
	if (format && !strcmp(format, "json")) {
		surveys_report_json(&r->out, &rep, compare ? &crep : NULL);
		return reply_json(r, 200);
	}
	/* the file is named by the survey and the round(s): codes of a-z, 0-9, - and _ */
	const char *file = compare ? arena_printf(&r->a, "rapport-%s-%s-%s", s.code, rd.code, cmp.code)
	                           : arena_printf(&r->a, "rapport-%s-%s", s.code, rd.code);
	if (format && !strcmp(format, "csv")) {
		struct csv_out w;
		page_csv_begin(r, &w);
		surveys_report_csv(&w, &rep, compare ? &crep : NULL);
		return reply_download(r, "text/csv; charset=utf-8", arena_printf(&r->a, "%s.csv", file));
	}
	if (format && !strcmp(format, "xlsx")) {
		if ((rc = surveys_report_xlsx(&r->out, &r->a, &rep, compare ? &crep : NULL)) != 0)
			return page_fail(r, rc, NULL);
		return reply_download(r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		                      arena_printf(&r->a, "%s.xlsx", file));
	}
	/* the survey's rounds, for the comparison's choice */
	struct round_row *rounds;
	int nrounds;
	if ((rc = surveys_rounds_for(r->db, &r->a, r->user, &rounds, &nrounds)) != 0)
		return page_fail(r, rc, NULL);
	page_begin(r, s.title);
	struct buf *o = &r->out;
	const char *base = arena_printf(&r->a, "/undersoegelser/%s/%s/rapport", html_url(&r->a, s.code),
	                                html_url(&r->a, rd.code));
	/* the downloads carry the comparison too */
	const char *q = compare ? arena_printf(&r->a, "sammenlign=%s&", html_url(&r->a, other)) : "";
	htmlf(o, "<p class=\"noprint\">Hent rapporten: <a href=\"%s?%sformat=xlsx\">Excel (XLSX)</a> · "
	         "<a href=\"%s?%sformat=csv\">CSV</a> · <a href=\"%s?%sformat=json\">JSON</a></p>\n", base, q, base,
	      q, base, q);
	htmlf(o, "<form method=\"get\" action=\"%s\" class=\"filter noprint\">\n", base);
	/* the survey's other rounds to choose from, by title, never a code to type */
	struct form_option *ro = arena_alloc(&r->a, sizeof(*ro) * (size_t)(nrounds + 1));
	int nro = 0;
	ro[nro++] = (struct form_option){"", "Ingen sammenligning"};
	for (int i = 0; i < nrounds; i++)
		if (!strcmp(rounds[i].survey_code, s.code) && strcmp(rounds[i].round_code, rd.code))
			ro[nro++] = (struct form_option){rounds[i].round_code,
			                                 *rounds[i].round_title ? rounds[i].round_title : rounds[i].round_code};
	form_select(o, &(struct form_field){.name = "sammenlign", .label = "Sammenlign med runde", .value = other},
	            ro, nro);
	html(o, "<button type=\"submit\">Sammenlign</button>\n</form>\n");
	surveys_report_html(o, &r->a, &rep, compare ? &crep : NULL);
	return page_end(r, 200);
}
