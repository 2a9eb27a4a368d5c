/*
 * partnerships_list_web.c — the list of partnership agreements (/partnerskaber) with filters,
 * sorting, pages and CSV/XLSX exports that keep the filters, the form of a new agreement, and
 * the overdue action items on the staff's home page. Layer: handlers of the collab capability;
 * what a caller may see and do is asked of partnerships.h.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "../view/xlsx.h"
#include "partnerships.h"
#include "partnerships_web.h"

#define LIST_PAGE 50
#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ---------------------------------------------------------------- the list */

struct filters {
	struct partnerships_query q;
	const char *kind, *status, *sort; /* as given, "" when none */
};

static const char *query_or_empty(struct req *r, const char *name)
{
	const char *v = req_query(r, name);
	return v ? v : "";
}

static void filters_from(struct req *r, struct filters *f)
{
	memset(f, 0, sizeof(*f));
	f->kind = query_or_empty(r, "kind");
	f->status = query_or_empty(r, "status");
	f->sort = query_or_empty(r, "sort");
	f->q.kind = partnerships_kind_valid(f->kind) ? f->kind : NULL;
	if (!strcmp(f->status, PARTNERSHIPS_UPCOMING) || !strcmp(f->status, PARTNERSHIPS_ACTIVE) ||
	    !strcmp(f->status, PARTNERSHIPS_EXPIRED))
		f->q.status = f->status;
	f->q.day = page_today(r);
	f->q.sort = !strcmp(f->sort, "titel") ? PARTNERSHIPS_BY_TITLE
	          : !strcmp(f->sort, "slut") ? PARTNERSHIPS_BY_END : PARTNERSHIPS_BY_START;
	/* the newest first by start, the others ascending */
	f->q.desc = f->q.sort == PARTNERSHIPS_BY_START;
	f->q.limit = page_limit(r, LIST_PAGE, 500);
	f->q.offset = page_offset(r);
}

/* the filters as "&k=v" pairs for links */
static const char *filters_args(struct req *r, const struct filters *f)
{
	return arena_printf(&r->a, "&kind=%s&status=%s&sort=%s", f->q.kind ? f->q.kind : "",
	                    f->q.status ? html_url(&r->a, f->q.status) : "", html_url(&r->a, f->sort));
}

static void filter_form(struct req *r, const struct filters *f)
{
	struct buf *o = &r->out;
	html(o, "<form method=\"get\" action=\"/partnerskaber\" class=\"filter\">\n");
	struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(partnerships_web_nkinds + 1));
	ko[0] = (struct form_option){"", "Alle typer"};
	for (int i = 0; i < partnerships_web_nkinds; i++)
		ko[i + 1] = partnerships_web_kinds[i];
	form_select(o, &(struct form_field){.name = "kind", .label = "Type", .value = f->kind}, ko, partnerships_web_nkinds + 1);
	static const struct form_option so[] = {{"", "Alle"}, {PARTNERSHIPS_ACTIVE, "Aktive"},
	                                        {PARTNERSHIPS_UPCOMING, "Kommende"},
	                                        {PARTNERSHIPS_EXPIRED, "Udløbne"}};
	form_select(o, &(struct form_field){.name = "status", .label = "Status", .value = f->status}, so, 4);
	static const struct form_option sorts[] = {{"", "Nyeste start først"}, {"titel", "Titel"},
	                                           {"slut", "Slutdato"}};
	form_select(o, &(struct form_field){.name = "sort", .label = "Sortér efter", .value = f->sort},
	            sorts, 3);
	html(o, "<div class=\"actions\"><button type=\"submit\">Vis</button></div>\n</form>\n");
}

/* GET /partnerskaber — public. The municipality's staff and the administrator: the
 * municipality's agreements and the national ones; everyone else the public agreements of every
 * municipality (partnerships_list decides). ?kind, status, sort (titel|slut), offset, limit. */
int partnerships_page_list(struct req *r)
{
	struct filters f;
	filters_from(r, &f);
	struct partnership *items;
	int n, total;
	int rc = partnerships_list(r->db, &r->a, r->user, &f.q, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Partnerskaber og aftaler");
	struct buf *o = &r->out;
	const char *scope;
	if (access_collaboration_scope(r->user, &scope) == 0)
		html(o, "<p class=\"lead\">Kommunens partnerskabsaftaler med socialøkonomiske virksomheder og"
		        " andre parter, samarbejdsaftaler om borgere i forløb og brugsaftaler i boligområder —"
		        " med parternes roller, følgegruppe og handleplan.</p>\n");
	else
		html(o, "<p class=\"lead\">Kommunernes offentlige partnerskabsaftaler med socialøkonomiske"
		        " virksomheder og andre parter — med parternes roller og handleplan.</p>\n");
	if (partnerships_may_create(r->user))
		html(o, "<p class=\"noprint\"><a class=\"button\" href=\"/partnerskaber/ny\">Ny aftale</a></p>\n");
	filter_form(r, &f);
	const char *args = filters_args(r, &f);
	if (total == 0) {
		html(o, "<p class=\"empty\" role=\"status\">Der er ingen aftaler, der passer til filtrene.</p>\n");
		return page_end(r, 200);
	}
	table_begin(o, "Aftaler", NULL);
	html(o, "<caption class=\"visually-hidden\">Aftaler</caption>\n<thead><tr>"
	        "<th scope=\"col\">Titel</th><th scope=\"col\">Type</th><th scope=\"col\">Kommune</th>"
	        "<th scope=\"col\">Periode</th><th scope=\"col\">Status</th><th scope=\"col\">Parter</th>"
	        "<th scope=\"col\">Handleplan</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct partnership *p = &items[i];
		htmlf(o, "<tr><td><a href=\"/partnerskaber/%lld\">%s</a></td><td>%s</td><td>%s</td>"
		         "<td>%s – %s</td><td>%s</td><td>%d</td><td>%d af %d udført",
		      (long long)p->id, p->title, partnerships_web_kind_da(p->kind),
		      p->kommune_navn ? p->kommune_navn : "Landsdækkende", partnerships_web_date_da(r, p->starts_on),
		      p->ends_on ? partnerships_web_date_da(r, p->ends_on) : "indtil videre", partnerships_web_status_da(p->status), p->nparties,
		      p->progress.done, p->progress.total);
		if (p->progress.overdue)
			htmlf(o, ", <strong class=\"overdue\">%d overskredet</strong>", p->progress.overdue);
		html(o, "</td></tr>\n");
	}
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, "/partnerskaber", args, f.q.offset, f.q.limit, total);
	htmlf(o, "<p class=\"noprint\">Hent listen med de valgte filtre: <a href=\"/partnerskaber/eksport?format=csv%s\">CSV</a>"
	         " · <a href=\"/partnerskaber/eksport?format=xlsx%s\">Excel (XLSX)</a></p>\n", args, args);
	return page_end(r, 200);
}

static const char *const export_heads[] = {"Titel", "Type", "Kommune", "Start", "Slut", "Status",
                                           "Parter", "Punkter", "Udført", "Overskredet"};
#define NHEADS ((int)(sizeof(export_heads) / sizeof(export_heads[0])))

static int list_xlsx(struct buf *o, const struct partnership *items, int n)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	lxw_format *bold = workbook_add_format(x.wb);
	format_set_bold(bold);
	lxw_worksheet *ws = workbook_add_worksheet(x.wb, "Aftaler");
	for (int c = 0; c < NHEADS; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, export_heads[c], bold);
	for (int i = 0; i < n; i++) {
		lxw_row_t row = (lxw_row_t)(i + 1);
		const struct partnership *p = &items[i];
		worksheet_write_string(ws, row, 0, p->title, NULL);
		worksheet_write_string(ws, row, 1, partnerships_web_kind_da(p->kind), NULL);
		worksheet_write_string(ws, row, 2, p->kommune_navn ? p->kommune_navn : "Landsdækkende", NULL);
		worksheet_write_string(ws, row, 3, p->starts_on, NULL);
		worksheet_write_string(ws, row, 4, p->ends_on ? p->ends_on : "", NULL);
		worksheet_write_string(ws, row, 5, partnerships_web_status_da(p->status), NULL);
		worksheet_write_number(ws, row, 6, p->nparties, NULL);
		worksheet_write_number(ws, row, 7, p->progress.total, NULL);
		worksheet_write_number(ws, row, 8, p->progress.done, NULL);
		worksheet_write_number(ws, row, 9, p->progress.overdue, NULL);
	}
	return xlsx_close(&x, o, false) ? ERR_IO : 0;
}

/* GET /partnerskaber/eksport — as the list: ?format=csv|xlsx with the list's filters (every
 * match, no pages); CSV with ';' and a BOM, ?sep=, for machines. */
int partnerships_download_list(struct req *r)
{
	const char *format = req_query(r, "format") ? req_query(r, "format") : "csv";
	if (strcmp(format, "csv") && strcmp(format, "xlsx"))
		return reply_page_error(r, 400, "Formatet skal være csv eller xlsx.");
	struct filters f;
	filters_from(r, &f);
	f.q.limit = 500;
	f.q.offset = 0;
	struct partnership *items;
	int n, total;
	int rc = partnerships_list(r->db, &r->a, r->user, &f.q, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	if (!strcmp(format, "xlsx")) {
		buf_reset(&r->out);
		if (list_xlsx(&r->out, items, n) != 0)
			return page_fail(r, ERR_IO, NULL);
		return reply_download(r, XLSX_TYPE, "partnerskaber.xlsx");
	}
	struct csv_out w;
	page_csv_begin(r, &w);
	for (int c = 0; c < NHEADS; c++)
		csv_out_field(&w, export_heads[c]);
	csv_out_end(&w);
	for (int i = 0; i < n; i++) {
		const struct partnership *p = &items[i];
		csv_out_field(&w, p->title);
		csv_out_field(&w, partnerships_web_kind_da(p->kind));
		csv_out_field(&w, p->kommune_navn ? p->kommune_navn : "Landsdækkende");
		csv_out_field(&w, p->starts_on);
		csv_out_field(&w, p->ends_on ? p->ends_on : "");
		csv_out_field(&w, partnerships_web_status_da(p->status));
		csv_out_int(&w, p->nparties);
		csv_out_int(&w, p->progress.total);
		csv_out_int(&w, p->progress.done);
		csv_out_int(&w, p->progress.overdue);
		csv_out_end(&w);
	}
	return reply_download(r, "text/csv; charset=utf-8", "partnerskaber.csv");
}

/* ---------------------------------------------------------------- a new agreement */

struct typed {
	const char *kommune, *kind, *title, *purpose, *start, *end, *is_public, *kommune_role;
};

static int new_form(struct req *r, int status, const struct typed *t)
{
	struct kommune *ks = NULL;
	int nk = 0;
	bool national = access_national(r->user);
	if (national) {
		int rc = kommune_list(r->db, &r->a, &ks, &nk);
		if (rc)
			return page_fail(r, rc, NULL);
	}
	page_begin(r, "Ny aftale");
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	html(o, "<form method=\"post\" action=\"/partnerskaber\" class=\"stack\" novalidate>\n");
	form_csrf(o, r->csrf);
	if (national) {
		struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nk + 1));
		ko[0] = (struct form_option){"", "Landsdækkende (ingen kommune)"};
		for (int i = 0; i < nk; i++)
			ko[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
		form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune", .value = t->kommune,
		                                    .error = errs_get(&r->errs, "kommune")},
		            ko, nk + 1);
	}
	form_select(o, &(struct form_field){.name = "kind", .label = "Type", .value = t->kind,
	                                    .error = errs_get(&r->errs, "kind")}, partnerships_web_kinds, partnerships_web_nkinds);
	form_input(o, &(struct form_field){.name = "title", .label = "Titel", .value = t->title,
	                                   .error = errs_get(&r->errs, "title"), .required = true,
	                                   .maxlength = 200});
	form_textarea(o, &(struct form_field){.name = "purpose", .label = "Formål", .value = t->purpose,
	                                      .error = errs_get(&r->errs, "purpose")}, 4);
	form_input(o, &(struct form_field){.name = "start", .label = "Startdato", .type = "date",
	                                   .value = t->start, .error = errs_get(&r->errs, "start"),
	                                   .required = true});
	form_input(o, &(struct form_field){.name = "end", .label = "Slutdato", .type = "date",
	                                   .value = t->end, .error = errs_get(&r->errs, "end"),
	                                   .hint = "Lad den stå tom, hvis aftalen gælder indtil videre."});
	form_textarea(o, &(struct form_field){.name = "kommune_role", .label = "Kommunens rolle i aftalen",
	                                      .value = t->kommune_role,
	                                      .hint = "Fx facilitator for partnerskabet og ansvarlig for"
	                                              " handleplanen. Kommunen bliver part i aftalen.",
	                                      .error = errs_get(&r->errs, "kommune_role")}, 3);
	form_checkbox(o, &(struct form_field){.name = "public", .label = "Offentlig: alle kan læse aftalen"
	                                                                 " (uden e-mailadresser)",
	                                      .value = t->is_public});
	html(o, "<div class=\"actions\"><button type=\"submit\">Opret aftale</button> "
	        "<a href=\"/partnerskaber\">Annullér</a></div>\n</form>\n");
	return page_end(r, status);
}

/* GET /partnerskaber/ny — who may create an agreement. */
int partnerships_page_new(struct req *r)
{
	if (!partnerships_may_create(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct typed t = {"", PARTNERSHIPS_KIND_PARTNERSHIP, "", "", page_today(r), "", "0", ""};
	return new_form(r, 200, &t);
}

static const char *form_or_empty(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

/* POST /partnerskaber — who may create an agreement, CSRF. kommune (administrator), kind,
 * title, purpose, start, end, public, kommune_role (makes the municipality a party). 303 to
 * the agreement; 422 with the form kept. */
int partnerships_page_create(struct req *r)
{
	struct typed t = {form_or_empty(r, "kommune"), form_or_empty(r, "kind"), form_or_empty(r, "title"),
	                  form_or_empty(r, "purpose"), form_or_empty(r, "start"), form_or_empty(r, "end"),
	                  !strcmp(form_or_empty(r, "public"), "1") ? "1" : "0",
	                  form_or_empty(r, "kommune_role")};
	struct partnership p = {.kommune = access_national(r->user) ? t.kommune
	                                                            : (r->user ? r->user->kommune : NULL),
	                        .kind = t.kind, .title = t.title, .purpose = t.purpose,
	                        .starts_on = t.start, .ends_on = t.end, .is_public = *t.is_public == '1'};
	struct partnership_party party = {.kind = PARTNERSHIPS_PARTY_KOMMUNE, .role = t.kommune_role};
	bool with_kommune = p.kommune && *p.kommune;
	int rc = partnerships_create(r->db, &r->a, r->user, &p, &party, with_kommune ? 1 : 0,
	                             page_today(r), &r->errs);
	if (rc == ERR_INVALID) {
		/* the municipality's party is the form's field kommune_role */
		for (int i = 0; i < r->errs.n; i++)
			if (r->errs.e[i].field && !strcmp(r->errs.e[i].field, "parties"))
				r->errs.e[i].field = "kommune_role";
		return new_form(r, 422, &t);
	}
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/partnerskaber/%lld?ok=oprettet", (long long)p.id));
}

/* ---------------------------------------------------------------- the home page */

void partnerships_home_due(struct req *r)
{
	struct partnerships_due_item *items;
	int n;
	if (partnerships_due(r->db, &r->a, r->user, page_today(r), 20, &items, &n) != 0 || n == 0)
		return;
	struct buf *o = &r->out;
	html(o, "<section aria-labelledby=\"partnerskaber-frister\">\n"
	        "<h2 id=\"partnerskaber-frister\">Overskredne punkter i handleplanerne</h2>\n<ul>\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<li><a href=\"/partnerskaber/%lld#handleplan\">%s</a>: %s (%s, frist %s)</li>\n",
		      (long long)items[i].partnership_id, items[i].partnership_title, items[i].title,
		      items[i].owner_name, partnerships_web_date_da(r, items[i].due));
	html(o, "</ul>\n</section>\n");
}
