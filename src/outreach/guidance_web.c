/*
 * guidance_web.c — the pages of the guidance library (vejledning): the list with the search box,
 * the tag filter and each document's type and review state; one document; the form to add a
 * document (a file through a multipart form, or a link) and to change one; deleting with a
 * confirmation; the download; the CSV of the list with its filters.
 * Layer: handlers of the outreach capability. Who may see and do what is asked of guidance.h
 * (which asks auth/access.h); these pages only read the request and render.
 */
#include "guidance_web.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "guidance.h"

#define LIST_PAGE 50

int guidance_reply_file(struct req *r, const struct guidance_doc *d)
{
	buf_reset(&r->out);
	buf_append(&r->out, d->data, d->size);
	/* X-Content-Type-Options: nosniff is added by the server to every non-HTML answer */
	return reply_download(r, files_mime(d->file_type), d->filename);
}

static const char *nonblank(struct req *r, const char *name)
{
	const char *v = text_trim(&r->a, req_query(r, name));
	return v && *v ? v : NULL;
}

static const char *type_text(const struct guidance_doc *d)
{
	return d->file_type == FILES_NONE ? "Link" : files_type_label(d->file_type);
}

static const char *review_text(struct req *r, const struct guidance_doc *d)
{
	if (!d->review_date)
		return "Ingen dato";
	if (d->review_due)
		return arena_printf(&r->a, "Skal gennemgås (%s)", text_date_dk(&r->a, d->review_date));
	return arena_printf(&r->a, "Gennemgås %s", text_date_dk(&r->a, d->review_date));
}

/* the tags as links to the list filtered by each */
static void tag_links(struct req *r, const char *tags)
{
	const char *list[GUIDANCE_MAX_TAGS];
	int n = guidance_tags_split(&r->a, tags, list, GUIDANCE_MAX_TAGS);
	for (int i = 0; i < n; i++)
		htmlf(&r->out, "%s<a href=\"/vejledning?tag=%s\">%s</a>", i ? ", " : "",
		      html_url(&r->a, list[i]), list[i]);
}

/* the query of the list page */
static void query_from(struct req *r, struct guidance_query *q, int limit)
{
	const char *due = req_query(r, "due");
	*q = (struct guidance_query){.q = nonblank(r, "q"), .tag = nonblank(r, "tag"),
	                             .due = due && !strcmp(due, "1"), .limit = limit,
	                             .offset = page_offset(r)};
}

/* the filters as "&k=v" pairs, for pagination and the CSV link */
static const char *filters(struct req *r)
{
	struct buf b;
	buf_init(&b, 4096);
	static const char *const keep[] = {"q", "tag", "due"};
	for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (nonblank(r, keep[i]))
			buf_printf(&b, "&%s=%s", keep[i], html_url(&r->a, nonblank(r, keep[i])));
	const char *s = arena_strdup(&r->a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* GET /vejledning — the municipality's staff (access_collaboration ACC_READ): its own and the
 * national documents. ?q (Danish search), tag, due=1; paginated. */
int guidance_page_list(struct req *r)
{
	struct guidance_query q;
	query_from(r, &q, page_limit(r, LIST_PAGE, 500));
	struct guidance_doc *items;
	int n, total;
	int rc = guidance_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Vejledning");
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Kommunens fælles vejledninger, skabeloner og links om "
	        "socialøkonomi og beskæftigelse, og dem, Indgang deler med alle kommuner.</p>\n");
	if (guidance_may_create(r->user))
		html(o, "<p><a class=\"button\" href=\"/vejledning/ny\">Ny vejledning</a></p>\n");
	html(o, "<form method=\"get\" action=\"/vejledning\" class=\"filter\" role=\"search\">\n");
	form_input(o, &(struct form_field){.name = "q", .label = "Søg", .type = "search",
	                                   .value = q.q ? q.q : ""});
	form_input(o, &(struct form_field){.name = "tag", .label = "Emneord", .value = q.tag ? q.tag : ""});
	form_checkbox(o, &(struct form_field){.name = "due", .label = "Kun dem, der skal gennemgås",
	                                      .value = q.due ? "1" : "0"});
	html(o, "<button type=\"submit\">Søg</button>\n</form>\n");
	const char *extra = filters(r);
	htmlf(o, "<p><a href=\"/vejledning/eksport.csv?x=1%s\">Hent listen som CSV</a></p>\n", extra);
	if (n == 0) {
		htmlf(o, "<p class=\"empty\" role=\"status\">%s</p>\n",
		      q.q || q.tag || q.due ? "Ingen vejledninger passer på søgningen."
		                            : "Der er ingen vejledninger endnu.");
		return page_end(r, 200);
	}
	table_begin(o, "Vejledninger", NULL);
	html(o, "<caption class=\"visually-hidden\">Vejledninger</caption>\n<thead><tr>"
	        "<th scope=\"col\">Titel</th><th scope=\"col\">Type</th><th scope=\"col\">Emneord</th>"
	        "<th scope=\"col\">Deles af</th><th scope=\"col\">Gennemgang</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct guidance_doc *d = &items[i];
		htmlf(o, "<tr><td><a href=\"/vejledning/%lld\">%s</a></td><td>%s</td><td>", (long long)d->id,
		      d->title, type_text(d));
		tag_links(r, d->tags);
		htmlf(o, "</td><td>%s</td><td>%s</td></tr>\n",
		      d->kommune_navn ? d->kommune_navn : "Alle kommuner", review_text(r, d));
	}
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, "/vejledning", extra, q.offset, q.limit, total);
	return page_end(r, 200);
}

/* GET /vejledning/eksport.csv — as the list, every match: title, type, tags, municipality,
 * review date, owner, link. ';' and a BOM; ?sep=, for machines. */
int guidance_page_csv(struct req *r)
{
	struct guidance_query q;
	query_from(r, &q, 500);
	q.offset = 0;
	struct guidance_doc *items;
	int n, total;
	int rc = guidance_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	struct csv_out w;
	page_csv_begin(r, &w);
	static const char *const head[] = {"titel", "type", "emneord", "kommune", "gennemgaas",
	                                   "ejer", "link"};
	for (size_t i = 0; i < sizeof(head) / sizeof(head[0]); i++)
		csv_out_field(&w, head[i]);
	csv_out_end(&w);
	for (int i = 0; i < n; i++) {
		csv_out_field(&w, items[i].title);
		csv_out_field(&w, type_text(&items[i]));
		csv_out_field(&w, items[i].tags);
		csv_out_field(&w, items[i].kommune ? items[i].kommune : "");
		csv_out_field(&w, items[i].review_date);
		csv_out_field(&w, items[i].owner_email);
		csv_out_field(&w, items[i].url);
		csv_out_end(&w);
	}
	return reply_download(r, "text/csv; charset=utf-8", "vejledning.csv");
}

/* ---------------------------------------------------------------- the form */

static int doc_form(struct req *r, const struct guidance_doc *d, int status)
{
	page_begin(r, d->id ? "Ret vejledning" : "Ny vejledning");
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	if (d->id)
		htmlf(o, "<form method=\"post\" action=\"/vejledning/%lld\" novalidate>\n", (long long)d->id);
	else
		html(o, "<form method=\"post\" action=\"/vejledning\" enctype=\"multipart/form-data\" novalidate>\n");
	form_csrf(o, r->csrf);
	if (!d->id && access_national(r->user)) {
		struct kommune *ks;
		int nk;
		if (kommune_list(r->db, &r->a, &ks, &nk) == 0) {
			struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nk + 1));
			ko[0] = (struct form_option){"", "Alle kommuner (landsdækkende)"};
			for (int i = 0; i < nk; i++)
				ko[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
			form_select(o, &(struct form_field){.name = "kommune", .label = "Deles med",
			                                    .value = d->kommune ? d->kommune : ""},
			            ko, nk + 1);
		}
	}
	form_input(o, &(struct form_field){.name = "title", .label = "Titel", .value = d->title,
	                                   .error = errs_get(&r->errs, "title"), .required = true,
	                                   .maxlength = 200});
	form_textarea(o, &(struct form_field){.name = "summary", .label = "Resumé", .value = d->summary,
	                                      .error = errs_get(&r->errs, "summary")}, 5);
	form_input(o, &(struct form_field){.name = "tags", .label = "Emneord", .value = d->tags,
	                                   .hint = "Frie ord adskilt af mellemrum eller komma, fx "
	                                           "skabelon samarbejdsaftale fleksjob.",
	                                   .error = errs_get(&r->errs, "tags")});
	if (!d->id) {
		html(o, "<fieldset class=\"field\"><legend>Dokument eller link</legend>\n");
		const char *ferr = errs_get(&r->errs, "file");
		htmlf(o, "<div class=\"field%s\" id=\"f-file\"><label for=\"file\">Fil (PDF, Word eller Excel, "
		         "højst 10 MB)</label>\n", ferr ? " has-error" : "");
		if (ferr)
			htmlf(o, "<p class=\"error\" id=\"file-error\">%s</p>\n", ferr);
		htmlf(o, "<input type=\"file\" id=\"file\" name=\"file\" accept=\".pdf,.docx,.xlsx\"%s></div>\n",
		      ferr ? " aria-describedby=\"file-error\"" : "");
		form_input(o, &(struct form_field){.name = "url", .label = "Eller et link", .type = "url",
		                                   .value = d->url, .hint = "Fx https://bm.dk/...",
		                                   .error = errs_get(&r->errs, "url")});
		html(o, "</fieldset>\n");
	} else if (d->url) {
		form_input(o, &(struct form_field){.name = "url", .label = "Link", .type = "url",
		                                   .value = d->url, .error = errs_get(&r->errs, "url")});
	}
	form_input(o, &(struct form_field){.name = "review_date", .label = "Gennemgås senest",
	                                   .type = "date", .value = d->review_date,
	                                   .hint = "Når datoen er nået, markeres vejledningen "
	                                           "\"skal gennemgås\".",
	                                   .error = errs_get(&r->errs, "review_date")});
	html(o, "<button type=\"submit\">Gem vejledning</button>\n</form>\n");
	return page_end(r, status);
}

/* GET /vejledning/ny — who may create documents (ACC_WRITE of their municipality). */
int guidance_page_new(struct req *r)
{
	if (!guidance_may_create(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct guidance_doc d = {0};
	return doc_form(r, &d, 200);
}

/* POST /vejledning — CSRF, multipart (RF_UPLOAD): title, summary, tags, file or url,
 * review_date, kommune (the administrator). 303 to the document; 422 or 413 the form again
 * with the message at the field, nothing stored. */
int guidance_page_create(struct req *r)
{
	struct guidance_doc d = {.title = req_form(r, "title"), .summary = req_form(r, "summary"),
	                         .tags = req_form(r, "tags"), .url = req_form(r, "url"),
	                         .review_date = req_form(r, "review_date")};
	if (access_national(r->user)) {
		const char *k = req_form(r, "kommune");
		d.kommune = k && *k ? k : NULL;
	} else {
		d.kommune = r->user->kommune;
	}
	const struct req_file *f = req_file(r, "file");
	if (f && f->len > 0) {
		d.data = f->data;
		d.size = f->len;
		d.filename = f->filename;
	}
	int rc = guidance_save(r->db, &r->a, r->user, &d, &r->errs);
	if (rc == ERR_INVALID || rc == ERR_TOOBIG)
		return doc_form(r, &d, rc == ERR_TOOBIG ? 413 : 422);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/vejledning/%lld?ok=oprettet", (long long)d.id));
}

/* GET /vejledning/{id}/rediger — who may write the document. */
int guidance_page_edit(struct req *r)
{
	struct guidance_doc d;
	int rc = guidance_get(r->db, &r->a, r->user, req_param_int(r, "id"), &d);
	if (rc == 0 && !guidance_may_write(r->user, &d))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, "Vejledningen findes ikke.");
	return doc_form(r, &d, 200);
}

/* POST /vejledning/{id} — CSRF; who may write it: title, summary, tags, url (a link's),
 * review_date. 303; 422 the form again. */
int guidance_page_update(struct req *r)
{
	struct guidance_doc d;
	int rc = guidance_get(r->db, &r->a, r->user, req_param_int(r, "id"), &d);
	if (rc == 0 && !guidance_may_write(r->user, &d))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, "Vejledningen findes ikke.");
	d.title = req_form(r, "title");
	d.summary = req_form(r, "summary");
	d.tags = req_form(r, "tags");
	d.review_date = req_form(r, "review_date");
	if (d.url)
		d.url = req_form(r, "url");
	rc = guidance_save(r->db, &r->a, r->user, &d, &r->errs);
	if (rc == ERR_INVALID)
		return doc_form(r, &d, 422);
	if (rc)
		return page_fail(r, rc, "Vejledningen findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/vejledning/%lld?ok=gemt", (long long)d.id));
}

/* ---------------------------------------------------------------- one document */

/* GET /vejledning/{id} — who may read it: 404, 403. */
int guidance_page_show(struct req *r)
{
	struct guidance_doc d;
	int rc = guidance_get(r->db, &r->a, r->user, req_param_int(r, "id"), &d);
	if (rc)
		return page_fail(r, rc, "Vejledningen findes ikke.");
	page_begin(r, d.title);
	struct buf *o = &r->out;
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "oprettet"))
		html(o, "<p class=\"notice\" role=\"status\">Vejledningen er gemt.</p>\n");
	else if (ok && !strcmp(ok, "gemt"))
		html(o, "<p class=\"notice\" role=\"status\">Ændringerne er gemt.</p>\n");
	if (d.review_due)
		html(o, "<p class=\"notice\" role=\"status\"><strong>Skal gennemgås:</strong> "
		        "gennemgangsdatoen er nået.</p>\n");
	if (*d.summary)
		htmlf(o, "<p class=\"description\">%s</p>\n", d.summary);
	if (d.url)
		htmlf(o, "<p><a href=\"%s\" rel=\"noopener noreferrer\">Åbn linket</a> (%s)</p>\n", d.url, d.url);
	else
		htmlf(o, "<p><a class=\"button\" href=\"/vejledning/%lld/fil\">Hent %s</a> (%s, %lld kB)</p>\n",
		      (long long)d.id, d.filename, files_type_label(d.file_type),
		      (long long)((d.size + 1023) / 1024));
	html(o, "<dl class=\"facts\">\n<dt>Emneord</dt><dd>");
	tag_links(r, d.tags);
	htmlf(o, "</dd>\n<dt>Deles af</dt><dd>%s</dd>\n<dt>Ejer</dt><dd>%s</dd>\n"
	         "<dt>Gennemgang</dt><dd>%s</dd>\n<dt>Senest ændret</dt><dd>%s</dd>\n</dl>\n",
	      d.kommune_navn ? arena_printf(&r->a, "%s Kommune", d.kommune_navn) : "Indgang (alle kommuner)",
	      d.owner_email ? d.owner_email : "Ukendt", review_text(r, &d),
	      text_date_dk(&r->a, d.updated_at));
	if (guidance_may_write(r->user, &d))
		htmlf(o, "<p class=\"actions\"><a class=\"button\" href=\"/vejledning/%lld/rediger\">Ret</a> "
		         "<a href=\"/vejledning/%lld/slet\">Slet vejledningen</a></p>\n",
		      (long long)d.id, (long long)d.id);
	html(o, "<p><a href=\"/vejledning\">Alle vejledninger</a></p>\n");
	return page_end(r, 200);
}

/* GET /vejledning/{id}/fil — who may read it: the file as an attachment, its checked type,
 * nosniff; 404 for a link. */
int guidance_page_file(struct req *r)
{
	struct guidance_doc d;
	int rc = guidance_file(r->db, &r->a, r->user, req_param_int(r, "id"), &d);
	if (rc)
		return page_fail(r, rc, "Vejledningen har ingen fil.");
	return guidance_reply_file(r, &d);
}

/* GET /vejledning/{id}/slet — who may write it: the confirmation. */
int guidance_page_delete_confirm(struct req *r)
{
	struct guidance_doc d;
	int rc = guidance_get(r->db, &r->a, r->user, req_param_int(r, "id"), &d);
	if (rc == 0 && !guidance_may_write(r->user, &d))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, "Vejledningen findes ikke.");
	page_begin(r, "Slet vejledning");
	form_confirm(&r->out, &(struct form_confirm){
		.before = "Vil du slette ", .name = d.title, .after = "? Det kan ikke fortrydes.",
		.action = arena_printf(&r->a, "/vejledning/%lld/slet", (long long)d.id), .csrf = r->csrf,
		.yes = "Ja, slet den",
		.back = arena_printf(&r->a, "/vejledning/%lld", (long long)d.id), .back_label = "Nej, tilbage"});
	return page_end(r, 200);
}

/* POST /vejledning/{id}/slet — CSRF; who may write it. 303 to the list. */
int guidance_page_delete(struct req *r)
{
	int rc = guidance_delete(r->db, &r->a, r->user, req_param_int(r, "id"));
	if (rc)
		return page_fail(r, rc, "Vejledningen findes ikke.");
	return reply_redirect(r, "/vejledning");
}
