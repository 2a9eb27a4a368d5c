/*
 * tenders_web.c — the pages of tenders everyone sees: the list (/udbud), one tender with its
 * criteria, clauses and published answers (/udbud/{id}), and the Atom feed. On the tender's page
 * the staff also get their tools (edit, publish, answers, and after the deadline the bids,
 * scoring and the award) and an enterprise's account its bid: those parts are bids_web.c's.
 * Layer: handlers of the procurement capability; every decision is tenders.h's and bids.h's.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../view/json.h"
#include "bids.h"
#include "cpv.h"
#include "tenders.h"
#include "tenders_text_da.h"
#include "tenders_web.h"

#define LIST_PAGE 50

/* the table of items[0..n) */
static void list_table(struct req *r, const struct tender *items, int n, bool staff)
{
	struct buf *o = &r->out;
	table_begin(o, U_TITLE, NULL);
	htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	      U_TITLE, U_COL_TITLE, U_KOMMUNE, U_PROCEDURE, U_DEADLINE, U_STATUS);
	for (int i = 0; i < n; i++) {
		const struct tender *t = &items[i];
		htmlf(o, "<tr><td><a href=\"/udbud/%lld\">%s</a></td><td>%s</td><td>%s</td><td>%s</td>"
		         "<td>%s</td></tr>\n",
		      (long long)t->id, t->title, t->kommune_navn, tenders_procedure_label(t->procedure),
		      tenders_time_da(&r->a, t->deadline), tenders_state_label(t->state));
	}
	(void)staff;
	html(o, "</tbody>\n");
	table_end(o);
}

/* GET /udbud — public: published tenders with open deadlines and those awarded lately. The
 * municipality's purchasing staff also get every tender of their own (?status= one state),
 * with "Nyt udbud". Paginated. */
int tenders_page_list(struct req *r)
{
	const char *scope;
	bool staff = r->user && access_procurement_scope(r->user, &scope) == 0;
	const char *state = req_query(r, "status");
	if (state && !*state)
		state = NULL;
	struct tenders_query q = {.scope = staff ? TENDERS_STAFF : TENDERS_PUBLIC, .state = state,
	                          .limit = page_limit(r, LIST_PAGE, 500), .offset = page_offset(r)};
	struct tender *items;
	int n, total;
	int rc = tenders_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, U_TITLE);
	struct buf *o = &r->out;
	htmlf(o, "<p class=\"lead\">%s</p>\n", staff ? U_LEAD_STAFF : U_LEAD);
	htmlf(o, "<p><a href=\"/udbud/feed.xml\">%s</a></p>\n", U_FEED_LINK);
	if (tenders_may_create(r->user))
		htmlf(o, "<p><a class=\"button\" href=\"/udbud/ny\">%s</a></p>\n", U_NEW);
	if (staff) {
		static const struct form_option states[] = {
			{"", "Alle"}, {"draft", "Kladde"}, {"published", "Offentliggjort"},
			{"closed", "Frist udløbet"}, {"awarded", "Tildelt"}, {"cancelled", "Annulleret"}};
		html(o, "<form method=\"get\" action=\"/udbud\" class=\"filter\" role=\"search\">\n");
		form_select(o, &(struct form_field){.name = "status", .label = U_STATUS,
		                                    .value = state ? state : ""}, states, 6);
		htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", U_FILTER);
	}
	if (n == 0) {
		htmlf(o, "<p class=\"empty\" role=\"status\">%s</p>\n", staff ? U_EMPTY_STAFF : U_EMPTY);
	} else {
		list_table(r, items, n, staff);
	}
	form_pagination(o, "/udbud", state ? arena_printf(&r->a, "&status=%s", html_url(&r->a, state)) : "",
	                q.offset, q.limit, total);
	return page_end(r, 200);
}

static void dl_row(struct buf *o, const char *term, const char *value)
{
	if (value && *value)
		htmlf(o, "<dt>%s</dt><dd>%s</dd>\n", term, value);
}

/* the facts, criteria, clauses of t */
static void tender_facts(struct req *r, const struct tender *t)
{
	struct buf *o = &r->out;
	char money[MONEY_TEXT];
	html(o, "<dl class=\"facts\">\n");
	dl_row(o, U_KOMMUNE, t->kommune_navn);
	dl_row(o, U_STATUS, tenders_state_label(t->state));
	htmlf(o, "<dt>%s</dt><dd>%s<br><span class=\"hint\">%s</span></dd>\n", U_PROCEDURE,
	      tenders_procedure_label(t->procedure), tenders_procedure_explanation(t->procedure));
	if (t->cpv) {
		const struct cpv_code *c = cpv_find(t->cpv);
		dl_row(o, U_CPV, c ? arena_printf(&r->a, "%s %s", t->cpv, c->label) : t->cpv);
	}
	if (t->estimate_ore >= 0)
		dl_row(o, U_ESTIMATE, money_da(money, t->estimate_ore));
	dl_row(o, U_PUBLISHED, t->published ? text_date_dk(&r->a, t->published) : NULL);
	dl_row(o, U_QDEADLINE, tenders_time_da(&r->a, t->questions_deadline));
	dl_row(o, U_DEADLINE, tenders_time_da(&r->a, t->deadline));
	html(o, "</dl>\n");
	if (*t->object)
		htmlf(o, "<h2>%s</h2>\n<p class=\"description\">%s</p>\n", U_OBJECT, t->object);
	if (*t->description)
		htmlf(o, "<h2>%s</h2>\n<p class=\"description\">%s</p>\n", U_DESCRIPTION, t->description);
	htmlf(o, "<h2>%s</h2>\n", U_CRITERIA);
	table_begin(o, U_CRITERIA, NULL);
	htmlf(o, "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	         "</tr></thead>\n<tbody>\n", U_CRITERION, U_WEIGHT, U_HOW_SCORED);
	for (int i = 0; i < t->ncriteria; i++)
		htmlf(o, "<tr><td>%s</td><td>%d %%</td><td>%s</td></tr>\n", t->criteria[i].name,
		      t->criteria[i].weight, t->criteria[i].is_price ? U_PRICE_MODEL : U_SCORED_0_10);
	html(o, "</tbody>\n");
	table_end(o);
	htmlf(o, "<h2>%s</h2>\n", U_CLAUSES);
	if (t->nclauses == 0)
		htmlf(o, "<p class=\"empty\">%s</p>\n", U_NO_CLAUSES);
	else {
		html(o, "<ul class=\"clauses\">\n");
		for (int i = 0; i < t->nclauses; i++)
			htmlf(o, "<li><strong>%s:</strong> %s</li>\n", tenders_clause_label(t->clauses[i].kind),
			      t->clauses[i].text);
		html(o, "</ul>\n");
	}
}

/* the published questions and answers; the staff also answer the open ones */
static int questions(struct req *r, const struct tender *t, bool write)
{
	struct tender_question *qs;
	int n;
	int rc = tenders_questions(r->db, &r->a, r->user, t->id, &qs, &n);
	if (rc)
		return rc;
	struct buf *o = &r->out;
	htmlf(o, "<h2 id=\"spoergsmaal\">%s</h2>\n", U_QA);
	if (n == 0)
		htmlf(o, "<p class=\"empty\">%s</p>\n", U_NO_QA);
	for (int i = 0; i < n; i++) {
		htmlf(o, "<div class=\"qa\"><p><strong>%s</strong> %s</p>\n", U_Q, qs[i].question);
		if (*qs[i].answer)
			htmlf(o, "<p><strong>%s</strong> %s</p>\n", U_A, qs[i].answer);
		else if (write) {
			/* the question whose answer came back with an error gets the field "answer" */
			bool posted = req_param(r, "question") && req_param_int(r, "question") == qs[i].id;
			htmlf(o, "<form method=\"post\" action=\"/udbud/%lld/spoergsmaal/%lld\" class=\"stack\">\n",
			      (long long)t->id, (long long)qs[i].id);
			form_csrf(o, r->csrf);
			form_textarea(o, &(struct form_field){
				.name = posted ? "answer" : arena_printf(&r->a, "answer-%lld", (long long)qs[i].id),
				.label = U_ANSWER_LABEL, .required = true,
				.error = posted ? errs_get(&r->errs, "answer") : NULL}, 3);
			htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", U_ANSWER_SEND);
		} else {
			htmlf(o, "<p class=\"hint\">%s</p>\n", U_UNANSWERED);
		}
		html(o, "</div>\n");
	}
	return 0;
}

/* the notice after a change, from ?ok= */
static const char *notice_of(const char *ok)
{
	static const struct option_kv notices[] = {
		{"oprettet", U_OK_CREATED}, {"gemt", U_OK_SAVED}, {"offentliggjort", U_OK_PUBLISHED},
		{"annulleret", U_OK_CANCELLED}, {"besvaret", U_OK_ANSWERED}, {"spurgt", U_OK_ASKED},
		{"interesse", U_OK_INTEREST}, {"bud", U_OK_BID}, {"dokument", U_OK_DOCUMENT},
		{"point", U_OK_SCORED}, {"tildelt", U_OK_AWARDED},
	};
	for (size_t i = 0; ok && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (!strcmp(notices[i].key, ok))
			return notices[i].label;
	return NULL;
}

int tenders_page_render(struct req *r, int64_t id, int status)
{
	struct tender t;
	int rc = tenders_get(r->db, &r->a, r->user, id, &t);
	if (rc)
		return page_fail(r, rc, U_NOT_FOUND);
	bool write = false;
	bool staff = tenders_staff(r->user, &t, &write);
	page_begin(r, t.title);
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	const char *notice = status == 200 ? notice_of(req_query(r, "ok")) : NULL;
	if (notice)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n", notice);
	if (staff && write && (!strcmp(t.state, "draft") || !strcmp(t.state, "published"))) {
		html(o, "<div class=\"actions\">");
		htmlf(o, "<a class=\"button\" href=\"/udbud/%lld/rediger\">%s</a> ", (long long)t.id, U_EDIT);
		if (!strcmp(t.state, "draft")) {
			htmlf(o, "<form method=\"post\" action=\"/udbud/%lld/offentliggoer\" class=\"inline\">",
			      (long long)t.id);
			form_csrf(o, r->csrf);
			htmlf(o, "<button type=\"submit\">%s</button></form> ", U_PUBLISH);
		}
		htmlf(o, "<a href=\"/udbud/%lld/annuller\">%s</a>", (long long)t.id, U_CANCEL_TENDER);
		html(o, "</div>\n");
	}
	tender_facts(r, &t);
	if (!strcmp(t.state, "draft") && staff)
		htmlf(o, "<p class=\"hint\">%s</p>\n", U_DRAFT_HINT);
	else if ((rc = questions(r, &t, write)) != 0)
		return page_fail(r, rc, NULL);
	rc = bids_section(r, &t, staff, write);
	if (rc)
		return page_fail(r, rc, NULL);
	htmlf(o, "<p><a href=\"/udbud\">%s</a></p>\n", U_ALL);
	return page_end(r, status);
}

/* GET /udbud/{id} — public once published (a draft only for its staff: 404). Staff see their
 * tools; an enterprise's account its bid; after the award everyone the winner and totals. */
int tenders_page_show(struct req *r)
{
	return tenders_page_render(r, req_param_int(r, "id"), 200);
}

/* ---------------------------------------------------------------- the feed */

/* an Atom text element: name with s escaped (the HTML writer's escaping is valid XML) */
static void atom_text(struct buf *o, const char *name, const char *s)
{
	htmlf(o, "<%s>", name);
	html_text(o, s);
	htmlf(o, "</%s>\n", name);
}

/* GET /udbud/feed.xml — public: an Atom feed with one entry per published tender (open, and
 * awarded lately), newest change first; linked from the head of the tender pages. */
int tenders_page_feed(struct req *r)
{
	struct tenders_query q = {.scope = TENDERS_PUBLIC, .limit = 100};
	struct tender *items;
	int n, total;
	int rc = tenders_list(r->db, &r->a, NULL, &q, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	const char *host = r->host && *r->host ? r->host : "localhost";
	const char *base = arena_printf(&r->a, "%s://%s", r->tls ? "https" : "http", host);
	const char *updated = "2015-01-01T00:00:00Z";
	for (int i = 0; i < n; i++)
		if (strcmp(items[i].updated_at, updated) > 0)
			updated = items[i].updated_at;
	struct buf *o = &r->out;
	buf_reset(o);
	html(o, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
	atom_text(o, "title", "Indgang: udbud med sociale hensyn");
	atom_text(o, "id", arena_printf(&r->a, "%s/udbud", base));
	htmlf(o, "<link rel=\"self\" type=\"application/atom+xml\" href=\"%s/udbud/feed.xml\"/>\n", base);
	htmlf(o, "<link rel=\"alternate\" type=\"text/html\" href=\"%s/udbud\"/>\n", base);
	atom_text(o, "updated", updated);
	html(o, "<author><name>Indgang</name></author>\n");
	for (int i = 0; i < n; i++) {
		const struct tender *t = &items[i];
		const char *url = arena_printf(&r->a, "%s/udbud/%lld", base, (long long)t->id);
		html(o, "<entry>\n");
		atom_text(o, "title", t->title);
		atom_text(o, "id", url);
		htmlf(o, "<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n", url);
		atom_text(o, "updated", t->updated_at);
		atom_text(o, "summary", arena_printf(&r->a, "%s Kommune. %s. %s. Frist for bud: %s.",
		                                     t->kommune_navn, tenders_state_label(t->state),
		                                     tenders_procedure_label(t->procedure),
		                                     tenders_time_da(&r->a, t->deadline)));
		html(o, "</entry>\n");
	}
	html(o, "</feed>\n");
	return reply_download(r, "application/atom+xml; charset=utf-8", NULL);
}
