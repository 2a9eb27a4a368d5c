/*
 * funding_web.c — the pages of the funding catalogue: the list with Danish search and filters
 * (/finansiering: public sources for anyone, the municipality's and the national ones besides
 * for its staff), its CSV and XLSX export with the same filters, a new source, editing and
 * deleting one (with confirmation); the suggested sources on a funding inquiry's case page; and
 * the approaching deadlines on the staff's home page. Layer: handlers of the collab capability;
 * what a caller may see and do is asked of funding.h.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "../view/xlsx.h"
#include "funding.h"
#include "funding_web.h"

#define LIST_PAGE 50
#define NOT_FOUND "Finansieringskilden findes ikke."

static const char *amounts_da(struct req *r, const struct funding_source *s)
{
	char a[MONEY_TEXT], b[MONEY_TEXT];
	if (s->amount_min_ore >= 0 && s->amount_max_ore >= 0)
		return arena_printf(&r->a, "%s–%s", money_da_plain(a, s->amount_min_ore), money_da(b, s->amount_max_ore));
	if (s->amount_max_ore >= 0)
		return arena_printf(&r->a, "op til %s", money_da(b, s->amount_max_ore));
	if (s->amount_min_ore >= 0)
		return arena_printf(&r->a, "fra %s", money_da(a, s->amount_min_ore));
	return "–";
}

static const char *deadline_da(struct req *r, const struct funding_source *s)
{
	if (s->deadline && *s->recurring)
		return arena_printf(&r->a, "%s (%s)", text_date_dk(&r->a, s->deadline), s->recurring);
	if (s->deadline)
		return text_date_dk(&r->a, s->deadline);
	return *s->recurring ? s->recurring : "Løbende";
}

/* the list's filters from the query; a field error for a bad "frist" */
static void read_query(struct req *r, struct funding_query *q)
{
	memset(q, 0, sizeof(*q));
	q->q = req_query(r, "q");
	q->kind = req_query(r, "kind");
	if (q->kind && !*funding_kind_da(q->kind))
		q->kind = NULL;
	const char *d = req_query(r, "frist");
	long long days;
	if (d && *d && text_parse_int(d, 1, 3650, &days) == 0)
		q->within_days = (int)days;
	const char *sort = req_query(r, "sort");
	q->sort = sort && !strcmp(sort, "titel") ? FUNDING_BY_TITLE : FUNDING_BY_DEADLINE;
	q->today = page_today(r);
}

/* "&q=..&kind=..&frist=..&sort=.." of q, for links that keep the filters */
static const char *query_args(struct req *r, const struct funding_query *q)
{
	return arena_printf(&r->a, "&q=%s&kind=%s&frist=%s&sort=%s",
	                    html_url(&r->a, q->q ? q->q : ""), q->kind ? q->kind : "",
	                    q->within_days ? arena_printf(&r->a, "%d", q->within_days) : "",
	                    q->sort == FUNDING_BY_TITLE ? "titel" : "frist");
}

static void filter_form(struct req *r, const struct funding_query *q)
{
	struct buf *o = &r->out;
	html(o, "<form method=\"get\" action=\"/finansiering\" class=\"filter\" role=\"search\">\n");
	form_input(o, &(struct form_field){.name = "q", .label = "Søg", .type = "search",
	                                   .value = q->q ? q->q : ""});
	struct form_option ko[7] = {{"", "Alle slags"}};
	for (int i = 0; i < funding_nkinds; i++)
		ko[i + 1] = (struct form_option){funding_kinds[i], funding_kind_da(funding_kinds[i])};
	form_select(o, &(struct form_field){.name = "kind", .label = "Slags", .value = q->kind ? q->kind : ""},
	            ko, 7);
	static const struct form_option fo[] = {{"", "Alle"}, {"14", "Inden for 14 dage"},
	                                        {"30", "Inden for 30 dage"}, {"90", "Inden for 90 dage"},
	                                        {"365", "Inden for et år"}};
	form_select(o, &(struct form_field){.name = "frist", .label = "Frist",
	                                    .value = q->within_days ? arena_printf(&r->a, "%d", q->within_days) : ""},
	            fo, 5);
	static const struct form_option so[] = {{"frist", "Frist"}, {"titel", "Navn"}};
	form_select(o, &(struct form_field){.name = "sort", .label = "Sortér efter",
	                                    .value = q->sort == FUNDING_BY_TITLE ? "titel" : "frist"}, so, 2);
	html(o, "<button type=\"submit\">Søg</button>\n</form>\n");
}

/* GET /finansiering — public. ?q (Danish search), kind, frist (days), sort (frist|titel),
 * limit, offset. The public sources; a municipality's staff see theirs and the national ones. */
int funding_page_list(struct req *r)
{
	struct funding_query q;
	read_query(r, &q);
	q.limit = page_limit(r, LIST_PAGE, 500);
	q.offset = page_offset(r);
	struct funding_source *items;
	int n, total;
	int rc = funding_search(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Finansiering");
	struct buf *o = &r->out;
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "slettet"))
		html(o, "<p class=\"notice\" role=\"status\">Finansieringskilden er slettet.</p>\n");
	html(o, "<p class=\"lead\">Fonde, puljer, banker, LAG og crowdfunding, der kan finansiere en"
	        " socialøkonomisk virksomhed, med beløb, frister og hvem der kan søge.</p>\n");
	if (funding_may_create(r->user))
		html(o, "<p><a class=\"button\" href=\"/finansiering/ny\">Ny finansieringskilde</a></p>\n");
	filter_form(r, &q);
	const char *args = query_args(r, &q);
	htmlf(o, "<p>Hent listen: <a href=\"/finansiering/eksport?format=csv%s\">CSV</a> · "
	         "<a href=\"/finansiering/eksport?format=xlsx%s\">Excel (XLSX)</a></p>\n", args, args);
	if (n == 0) {
		html(o, "<p class=\"empty\" role=\"status\">Ingen finansieringskilder passer til søgningen.</p>\n");
		return page_end(r, 200);
	}
	table_begin(o, "Finansieringskilder", NULL);
	html(o, "<caption class=\"visually-hidden\">Finansieringskilder</caption>\n<thead><tr>"
	        "<th scope=\"col\">Kilde</th><th scope=\"col\">Slags</th><th scope=\"col\">Beløb</th>"
	        "<th scope=\"col\">Frist</th><th scope=\"col\">Hvem kan søge</th><th scope=\"col\">Udbyder</th>"
	        "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct funding_source *s = &items[i];
		if (*s->url)
			htmlf(o, "<tr><td><a href=\"%s\" rel=\"noopener\">%s</a>", s->url, s->title);
		else
			htmlf(o, "<tr><td>%s", s->title);
		if (*s->description)
			htmlf(o, "<br><span class=\"hint\">%s</span>", s->description);
		if (funding_may_write(r->user, s->kommune))
			htmlf(o, "<br><a href=\"/finansiering/%lld/rediger\" aria-label=\"Ret %s\">Ret</a>",
			      (long long)s->id, s->title);
		htmlf(o, "</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s%s</td></tr>\n",
		      funding_kind_da(s->kind), amounts_da(r, s), deadline_da(r, s),
		      *s->eligible ? s->eligible : "–", s->kommune_navn ? s->kommune_navn : "Landsdækkende",
		      s->public_ ? "" : " (kun for kommunens medarbejdere)");
	}
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, "/finansiering", args, q.offset, q.limit, total);
	return page_end(r, 200);
}

static const char *amount_text(struct req *r, int64_t ore)
{
	char t[MONEY_TEXT];
	return ore >= 0 ? arena_strdup(&r->a, money_api(t, ore)) : "";
}

/* GET /finansiering/eksport?format=csv|xlsx plus the list's filters — as /finansiering: every
 * source that matches (up to 500), CSV with ';' and BOM (?sep=, for machines) or XLSX. */
int funding_download(struct req *r)
{
	struct funding_query q;
	read_query(r, &q);
	q.limit = 500;
	struct funding_source *items;
	int n, total;
	int rc = funding_search(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	static const char *const head[] = {"id", "slags", "titel", "beskrivelse", "beloeb_min",
	                                   "beloeb_max", "frist", "tilbagevendende", "hvem_kan_soege",
	                                   "link", "kommune", "offentlig"};
	const char *format = req_query(r, "format");
	if (format && !strcmp(format, "xlsx")) {
		struct xlsx x;
		if (xlsx_open(&x) != 0)
			return page_fail(r, ERR_IO, NULL);
		lxw_format *bold = workbook_add_format(x.wb);
		format_set_bold(bold);
		lxw_worksheet *ws = workbook_add_worksheet(x.wb, "Finansiering");
		for (int c = 0; c < 12; c++)
			worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], bold);
		for (int i = 0; i < n; i++) {
			const struct funding_source *s = &items[i];
			const char *v[] = {arena_printf(&r->a, "%lld", (long long)s->id), s->kind, s->title,
			                   s->description, amount_text(r, s->amount_min_ore),
			                   amount_text(r, s->amount_max_ore), s->deadline ? s->deadline : "",
			                   s->recurring, s->eligible, s->url, s->kommune ? s->kommune : "",
			                   s->public_ ? "ja" : "nej"};
			for (int c = 0; c < 12; c++)
				worksheet_write_string(ws, (lxw_row_t)(i + 1), (lxw_col_t)c, v[c], NULL);
		}
		buf_reset(&r->out);
		if (xlsx_close(&x, &r->out, false) != 0)
			return page_fail(r, ERR_IO, NULL);
		return reply_download(r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		                      "finansiering.xlsx");
	}
	if (format && *format && strcmp(format, "csv"))
		return reply_page_error(r, 400, "Formatet skal være csv eller xlsx.");
	struct csv_out w;
	page_csv_begin(r, &w);
	for (int c = 0; c < 12; c++)
		csv_out_field(&w, head[c]);
	csv_out_end(&w);
	for (int i = 0; i < n; i++) {
		const struct funding_source *s = &items[i];
		const char *v[] = {arena_printf(&r->a, "%lld", (long long)s->id), s->kind, s->title,
		                   s->description, amount_text(r, s->amount_min_ore),
		                   amount_text(r, s->amount_max_ore), s->deadline ? s->deadline : "",
		                   s->recurring, s->eligible, s->url, s->kommune ? s->kommune : "",
		                   s->public_ ? "ja" : "nej"};
		for (int c = 0; c < 12; c++)
			csv_out_field(&w, v[c]);
		csv_out_end(&w);
	}
	return reply_download(r, "text/csv; charset=utf-8", "finansiering.csv");
}

/* ---------------------------------------------------------------- new and edit */

/* the form of source s (id 0: new); the typed amounts shown as typed */
static int source_form(struct req *r, int status, const struct funding_source *s)
{
	struct kommune *ks = NULL;
	int nk = 0;
	bool national = access_national(r->user);
	if (national && s->id == 0) {
		int rc = kommune_list(r->db, &r->a, &ks, &nk);
		if (rc)
			return page_fail(r, rc, NULL);
	}
	page_begin(r, s->id ? "Ret finansieringskilde" : "Ny finansieringskilde");
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	if (s->id)
		htmlf(o, "<form method=\"post\" action=\"/finansiering/%lld\" class=\"stack\" novalidate>\n",
		      (long long)s->id);
	else
		html(o, "<form method=\"post\" action=\"/finansiering\" class=\"stack\" novalidate>\n");
	form_csrf(o, r->csrf);
	if (national && s->id == 0) {
		struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nk + 1));
		ko[0] = (struct form_option){"", "Landsdækkende (ingen kommune)"};
		for (int i = 0; i < nk; i++)
			ko[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
		form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune",
		                                    .value = s->kommune ? s->kommune : "",
		                                    .error = errs_get(&r->errs, "kommune")}, ko, nk + 1);
	}
	struct form_option ko[7] = {{"", "Vælg slags"}};
	for (int i = 0; i < funding_nkinds; i++)
		ko[i + 1] = (struct form_option){funding_kinds[i], funding_kind_da(funding_kinds[i])};
	form_select(o, &(struct form_field){.name = "kind", .label = "Slags", .value = s->kind ? s->kind : "",
	                                    .error = errs_get(&r->errs, "kind"), .required = true}, ko, 7);
	form_input(o, &(struct form_field){.name = "title", .label = "Navn", .value = s->title,
	                                   .error = errs_get(&r->errs, "title"), .required = true,
	                                   .maxlength = 200});
	form_textarea(o, &(struct form_field){.name = "description", .label = "Beskrivelse",
	                                      .value = s->description,
	                                      .error = errs_get(&r->errs, "description")}, 4);
	const char *v;
	form_input(o, &(struct form_field){.name = "amount_min", .label = "Mindste beløb (kr.)",
	                                   .value = (v = req_form(r, "amount_min")) ? v : amount_text(r, s->amount_min_ore),
	                                   .error = errs_get(&r->errs, "amount_min")});
	form_input(o, &(struct form_field){.name = "amount_max", .label = "Største beløb (kr.)",
	                                   .value = (v = req_form(r, "amount_max")) ? v : amount_text(r, s->amount_max_ore),
	                                   .error = errs_get(&r->errs, "amount_max")});
	form_input(o, &(struct form_field){.name = "deadline", .label = "Næste frist", .type = "date",
	                                   .value = s->deadline ? s->deadline : "",
	                                   .hint = "Tom, hvis der kan søges løbende.",
	                                   .error = errs_get(&r->errs, "deadline")});
	form_input(o, &(struct form_field){.name = "recurring", .label = "Tilbagevendende frist",
	                                   .value = s->recurring, .hint = "Fx \"hvert år 1. marts og 1. september\".",
	                                   .error = errs_get(&r->errs, "recurring"), .maxlength = 500});
	form_input(o, &(struct form_field){.name = "eligible", .label = "Hvem kan søge", .value = s->eligible,
	                                   .error = errs_get(&r->errs, "eligible"), .maxlength = 500});
	form_input(o, &(struct form_field){.name = "url", .label = "Link", .type = "url", .value = s->url,
	                                   .error = errs_get(&r->errs, "url")});
	form_checkbox(o, &(struct form_field){.name = "public", .label = "Vis kilden for alle på /finansiering",
	                                      .value = s->public_ ? "1" : "0"});
	html(o, "<div class=\"actions\"><button type=\"submit\">Gem</button> "
	        "<a href=\"/finansiering\">Annullér</a></div>\n</form>\n");
	if (s->id)
		htmlf(o, "<p><a href=\"/finansiering/%lld/slet\">Slet kilden</a></p>\n", (long long)s->id);
	return page_end(r, status);
}

/* a typed amount: -1 when empty, -2 with a field error when it is no amount */
static int64_t form_amount(struct req *r, const char *name)
{
	const char *s = req_form(r, name);
	const char *t = s ? text_trim(&r->a, s) : "";
	int64_t ore;
	if (!*t)
		return -1;
	if (money_parse(t, 0, &ore) != 0) {
		errs_add(&r->errs, name, "Skriv et beløb i kroner, fx 50.000.");
		return -2;
	}
	return ore;
}

static void read_form(struct req *r, struct funding_source *s)
{
	s->kind = req_form(r, "kind");
	s->title = req_form(r, "title");
	s->description = req_form(r, "description");
	s->amount_min_ore = form_amount(r, "amount_min");
	s->amount_max_ore = form_amount(r, "amount_max");
	s->deadline = req_form(r, "deadline");
	s->recurring = req_form(r, "recurring");
	s->eligible = req_form(r, "eligible");
	s->url = req_form(r, "url");
	const char *p = req_form(r, "public");
	s->public_ = p && !strcmp(p, "1");
}

/* GET /finansiering/ny — who may create a source. */
int funding_page_new(struct req *r)
{
	if (!funding_may_create(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct funding_source s = {.title = "", .description = "", .recurring = "", .eligible = "",
	                           .url = "", .amount_min_ore = -1, .amount_max_ore = -1};
	return source_form(r, 200, &s);
}

/* POST /finansiering — who may create a source, CSRF. 303 to the list; 422 with the form. */
int funding_page_create(struct req *r)
{
	struct funding_source s = {0};
	s.kommune = access_national(r->user) ? req_form(r, "kommune") : (r->user ? r->user->kommune : NULL);
	read_form(r, &s);
	int rc = funding_save(r->db, &r->a, r->user, &s, &r->errs);
	if (rc == ERR_INVALID)
		return source_form(r, 422, &s);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/finansiering?q=%s", html_url(&r->a, s.title)));
}

/* GET /finansiering/{id}/rediger — who may change the source. */
int funding_page_edit(struct req *r)
{
	struct funding_source s;
	int rc = funding_get(r->db, &r->a, r->user, req_param_int(r, "id"), &s);
	if (rc == 0 && !funding_may_write(r->user, s.kommune))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return source_form(r, 200, &s);
}

/* POST /finansiering/{id} — who may change the source, CSRF. 303; 422 with the form. */
int funding_page_update(struct req *r)
{
	struct funding_source s;
	int rc = funding_get(r->db, &r->a, r->user, req_param_int(r, "id"), &s);
	if (rc == 0 && !funding_may_write(r->user, s.kommune))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	read_form(r, &s);
	rc = funding_save(r->db, &r->a, r->user, &s, &r->errs);
	if (rc == ERR_INVALID)
		return source_form(r, 422, &s);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/finansiering?q=%s", html_url(&r->a, s.title)));
}

/* GET /finansiering/{id}/slet — who may change the source: the confirmation. */
int funding_page_delete_confirm(struct req *r)
{
	struct funding_source s;
	int rc = funding_get(r->db, &r->a, r->user, req_param_int(r, "id"), &s);
	if (rc == 0 && !funding_may_write(r->user, s.kommune))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	page_begin(r, "Slet finansieringskilde");
	/* the route itself deletes: no hidden field says what to do */
	form_confirm(&r->out, &(struct form_confirm){
		.before = "Vil du slette ", .name = s.title,
		.after = "? Kilden fjernes også fra de henvendelser, hvor den er foreslået.",
		.action = arena_printf(&r->a, "/finansiering/%lld/slet", (long long)s.id), .csrf = r->csrf,
		.yes = "Ja, slet kilden",
		.back = arena_printf(&r->a, "/finansiering/%lld/rediger", (long long)s.id)});
	return page_end(r, 200);
}

/* POST /finansiering/{id}/slet — who may change the source, CSRF. 303 to the list. */
int funding_page_delete(struct req *r)
{
	int rc = funding_delete(r->db, &r->a, r->user, req_param_int(r, "id"));
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return reply_redirect(r, "/finansiering?ok=slettet");
}

/* ---------------------------------------------------------------- the case page and home */

/* the block's list and form into r->out */
static void case_block(struct req *r, int64_t inquiry_id, const struct funding_source *items,
                       int n)
{
	struct buf *o = &r->out;
	html(o, "<h2 id=\"finansiering\">Foreslåede finansieringskilder</h2>\n");
	if (n == 0)
		html(o, "<p class=\"empty\">Ingen kilder foreslået endnu.</p>\n");
	else {
		html(o, "<ul>\n");
		for (int i = 0; i < n; i++) {
			htmlf(o, "<li>%s (%s; frist %s) ", items[i].title, funding_kind_da(items[i].kind),
			      deadline_da(r, &items[i]));
			htmlf(o, "<form method=\"post\" action=\"/sager/%lld/finansiering\" class=\"inline\">",
			      (long long)inquiry_id);
			form_csrf(o, r->csrf);
			htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"remove\">"
			         "<input type=\"hidden\" name=\"source_id\" value=\"%lld\">"
			         "<button type=\"submit\" class=\"link\" aria-label=\"Fjern %s\">Fjern</button></form></li>\n",
			      (long long)items[i].id, items[i].title);
		}
		html(o, "</ul>\n");
	}
	struct funding_query q = {.limit = 500, .sort = FUNDING_BY_TITLE};
	struct funding_source *all;
	int na, total;
	if (funding_search(r->db, &r->a, r->user, &q, &all, &na, &total) != 0 || na == 0)
		return;
	struct form_option *opts = arena_alloc(&r->a, sizeof(*opts) * (size_t)(na + 1));
	opts[0] = (struct form_option){"", "Vælg kilde"};
	for (int i = 0; i < na; i++)
		opts[i + 1] = (struct form_option){arena_printf(&r->a, "%lld", (long long)all[i].id), all[i].title};
	htmlf(o, "<form method=\"post\" action=\"/sager/%lld/finansiering\" class=\"stack narrow\" novalidate>\n",
	      (long long)inquiry_id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"add\">\n");
	const char *sent = r->form ? req_form(r, "source_id") : NULL;
	form_select(o, &(struct form_field){.name = "source_id", .label = "Foreslå en kilde",
	                                    .value = sent ? sent : "", .error = errs_get(&r->errs, "source_id")},
	            opts, na + 1);
	html(o, "<div class=\"actions\"><button type=\"submit\">Foreslå</button> "
	        "<a href=\"/finansiering\">Se kataloget</a></div>\n</form>\n");
}

void funding_case_block(struct req *r, int64_t inquiry_id, const char *topic)
{
	if (!topic || strcmp(topic, "funding"))
		return;
	const char *t;
	struct funding_source *items;
	int n;
	if (funding_suggestions(r->db, &r->a, r->user, inquiry_id, &t, &items, &n) != 0) {
		html(&r->out, "<p class=\"notice\">De foreslåede finansieringskilder kan ikke vises lige nu.</p>\n");
		return;
	}
	case_block(r, inquiry_id, items, n);
}

/* POST /sager/{id}/finansiering — who may work on the case, CSRF. action add|remove,
 * source_id. 303 back to the case; 422 with the block and the message at the field. */
int funding_page_case_post(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	const char *action = req_form(r, "action");
	const char *sid = req_form(r, "source_id");
	long long source = 0;
	if (!sid || text_parse_int(sid, 1, 999999999999999LL, &source) != 0)
		source = 0;
	int rc = funding_suggest(r->db, &r->a, r->user, id, (int64_t)source,
	                         !action || strcmp(action, "remove"), &r->errs);
	if (rc == ERR_INVALID) {
		const char *topic;
		struct funding_source *items;
		int n;
		struct errs kept = r->errs;
		if ((rc = funding_suggestions(r->db, &r->a, r->user, id, &topic, &items, &n)) != 0)
			return page_fail(r, rc, "Sagen findes ikke.");
		r->errs = kept;
		page_begin(r, "Foreslåede finansieringskilder");
		form_error_summary(&r->out, &r->errs);
		htmlf(&r->out, "<p><a href=\"/sager/%lld\">Tilbage til sagen</a></p>\n", (long long)id);
		case_block(r, id, items, n);
		return page_end(r, 422);
	}
	if (rc)
		return page_fail(r, rc, "Sagen findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/sager/%lld?ok=1#finansiering", (long long)id));
}

void funding_home_deadlines(struct req *r)
{
	struct funding_source *items;
	int n;
	if (funding_home_list(r->db, &r->a, r->user, page_today(r), 30, &items, &n) != 0 || n == 0)
		return;
	struct buf *o = &r->out;
	html(o, "<h2>Frister for finansiering inden for 30 dage</h2>\n<ul>\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<li>%s: %s (%s)</li>\n", text_date_dk(&r->a, items[i].deadline), items[i].title,
		      funding_kind_da(items[i].kind));
	html(o, "</ul>\n<p><a href=\"/finansiering?frist=30\">Alle frister inden for 30 dage</a></p>\n");
}
