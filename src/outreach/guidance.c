/*
 * guidance.c — the rules of the guidance library: validation, the check of files by content,
 * who may keep and read documents, the search terms kept in step with every write, the list.
 * Layer: capability domain (outreach); the SQL is in guidance_store.c, the access decision in
 * auth/access.c, the Danish search terms in registry/registry_search.c.
 */
#include "guidance.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../registry/registry_search.h"
#include "../store/db.h"
#include "guidance_store.h"

/* ---------------------------------------------------------------- validation */

int guidance_tags_split(struct arena *a, const char *tags, const char **out, int max)
{
	int n = 0;
	const char *p = tags ? tags : "";
	while (*p && n < max) {
		while (*p == ' ' || *p == ',' || *p == ';' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		size_t len = strcspn(p, " ,;\t\n\r");
		if (len)
			out[n++] = arena_strndup(a, p, len);
		p += len;
	}
	return n;
}

/* the tags as stored: lower-case, space-separated, without repeats; field errors on tags */
static const char *clean_tags(struct arena *a, const char *tags, struct errs *errs)
{
	const char *list[GUIDANCE_MAX_TAGS + 1];
	int n = guidance_tags_split(a, tags, list, GUIDANCE_MAX_TAGS + 1);
	if (n > GUIDANCE_MAX_TAGS) {
		errs_add(errs, "tags", "Der kan højst være 20 emneord.");
		return "";
	}
	struct buf b;
	buf_init(&b, 4096);
	for (int i = 0; i < n; i++) {
		/* lower-case: the search folds it anyway; ASCII here, æøå as typed */
		const char *t = text_lower_ascii(a, list[i]);
		bool seen = false;
		for (int k = 0; k < i && !seen; k++)
			seen = !strcmp(text_lower_ascii(a, list[k]), t);
		if (seen)
			continue;
		if (utf8_len(t) > GUIDANCE_TAG_MAX) {
			errs_add(errs, "tags", "Et emneord må højst være på 40 tegn.");
			break;
		}
		buf_printf(&b, "%s%s", b.len ? " " : "", t);
	}
	const char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* whether url is an http or https address without spaces or control characters */
static bool url_ok(const char *url)
{
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
		return false;
	const char *host = url + (url[4] == 's' ? 8 : 7);
	if (!*host || *host == '/')
		return false;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>')
			return false;
	return strlen(url) <= 2000;
}

/* a safe name to offer the file under: the sent name's letters, digits, '-', '_' and '.'
 * (others become '_'), at most 100 bytes, ending in the checked type's extension */
static const char *safe_filename(struct arena *a, const char *sent, enum files_type type)
{
	const char *ext = files_type_key(type);
	const char *base = sent ? sent : "";
	const char *slash = strrchr(base, '/'), *back = strrchr(base, '\\');
	if (slash)
		base = slash + 1;
	if (back && back + 1 > base)
		base = back + 1;
	size_t n = strlen(base);
	const char *dot = strrchr(base, '.');
	if (dot)
		n = (size_t)(dot - base);
	if (n > 90)
		n = 90;
	char *out = arena_alloc(a, n + 8);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = base[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		          c == '-' || c == '_';
		out[k++] = ok ? c : '_';
	}
	if (k == 0)
		out[k++] = 'd', out[k++] = 'o', out[k++] = 'k';
	out[k] = '\0';
	return arena_printf(a, "%s.%s", out, ext);
}

/* the fields of d that are not the file */
static void check_fields(struct arena *a, struct guidance_doc *d, struct errs *errs)
{
	d->title = d->title ? text_trim(a, d->title) : "";
	if (!*d->title)
		errs_add(errs, "title", "Skriv en titel.");
	else if (utf8_len(d->title) > 200)
		errs_add(errs, "title", "Titlen må højst være på 200 tegn.");
	d->summary = d->summary ? text_trim(a, d->summary) : "";
	if (utf8_len(d->summary) > 5000)
		errs_add(errs, "summary", "Resuméet må højst være på 5.000 tegn.");
	d->tags = clean_tags(a, d->tags, errs);
	const char *rd = d->review_date ? text_trim(a, d->review_date) : NULL;
	d->review_date = rd && *rd ? rd : NULL;
	if (d->review_date && !text_date_valid(d->review_date))
		errs_add(errs, "review_date", "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-01-31.");
	if (d->url) {
		d->url = text_trim(a, d->url);
		if (!*d->url)
			d->url = NULL;
	}
}

/* a new document: a link or a checked file; ERR_TOOBIG for a file over the cap */
static int check_content(struct arena *a, struct guidance_doc *d, struct errs *errs)
{
	bool has_file = d->data && d->size > 0;
	if (d->url && has_file)
		return errs_add(errs, "url", "Vælg enten et link eller en fil, ikke begge.");
	if (!d->url && !has_file)
		return errs_add(errs, "file", "Vælg en fil (PDF, Word eller Excel) eller skriv et link.");
	if (d->url) {
		d->file_type = FILES_NONE;
		d->filename = NULL;
		if (!url_ok(d->url))
			errs_add(errs, "url", "Skriv et link, der begynder med https:// eller http://.");
		return 0;
	}
	const char *why;
	enum files_type type;
	int rc = files_check(d->data, d->size, &type, &why);
	if (rc) {
		errs_add(errs, "file", why);
		return rc == ERR_TOOBIG ? ERR_TOOBIG : 0;
	}
	d->file_type = type;
	d->filename = safe_filename(a, d->filename, type);
	return 0;
}

/* ---------------------------------------------------------------- access */

bool guidance_may_write(const struct principal *by, const struct guidance_doc *d)
{
	return by && access_collaboration(by, ACC_WRITE, d->kommune) == 0;
}

bool guidance_may_create(const struct principal *by)
{
	return by && (access_national(by) ||
	              (by->kommune && access_collaboration(by, ACC_WRITE, by->kommune) == 0));
}

static const char *today(void)
{
	static __thread char day[11];
	text_today(day);
	return day;
}

/* ---------------------------------------------------------------- writing */

static int index_terms(struct db *db, struct arena *a, const struct guidance_doc *d)
{
	const char *text = arena_printf(a, "%s %s", d->summary, d->tags);
	return guidance_store_set_terms(db, d->id, registry_search_terms(a, d->title, text));
}

static int write_doc(struct db *db, struct arena *a, const struct principal *by,
                     struct guidance_doc *d, struct errs *errs)
{
	bool creating = d->id == 0;
	if (!creating) {
		struct guidance_doc old;
		int rc = guidance_store_get(db, a, d->id, false, today(), &old);
		if (rc)
			return rc;
		if (!guidance_may_write(by, &old))
			return ERR_FORBIDDEN;
		d->kommune = old.kommune;
		if (!old.url)
			d->url = NULL;
		else if (!d->url)
			d->url = old.url;
	} else if (!by || access_collaboration(by, ACC_WRITE, d->kommune) != 0) {
		return ERR_FORBIDDEN;
	}
	check_fields(a, d, errs);
	int rc = 0;
	if (creating)
		rc = check_content(a, d, errs);
	else if (d->url && !url_ok(d->url))
		errs_add(errs, "url", "Skriv et link, der begynder med https:// eller http://.");
	if (rc == ERR_TOOBIG)
		return rc;
	if (errs->n)
		return ERR_INVALID;
	rc = creating ? guidance_store_insert(db, d, by->id, &d->id) : guidance_store_update(db, d);
	if (rc == 0)
		rc = index_terms(db, a, d);
	if (rc == 0)
		rc = audit_record(db, by, creating ? "create" : "update", "guidance",
		                  arena_printf(a, "%lld", (long long)d->id), d->kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("title", d->title), AUDIT_TEXT("tags", d->tags),
		                               AUDIT_TEXT("url", d->url),
		                               AUDIT_TEXT("file_type", files_type_key(d->file_type)),
		                               AUDIT_INT("size", (int64_t)d->size),
		                               AUDIT_TEXT("review_date", d->review_date)));
	if (rc == 0)
		rc = guidance_store_get(db, a, d->id, false, today(), d);
	return rc;
}

int guidance_save(struct db *db, struct arena *a, const struct principal *by,
                  struct guidance_doc *d, struct errs *errs)
{
	bool creating = d->id == 0;
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_doc(db, a, by, d, errs));
	if (rc && creating)
		d->id = 0;
	return rc;
}

int guidance_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct guidance_doc d;
	rc = guidance_store_get(db, a, id, false, today(), &d);
	if (rc == 0 && access_collaboration(by, ACC_READ, d.kommune) != 0)
		rc = ERR_FORBIDDEN;
	if (rc == 0 && !guidance_may_write(by, &d))
		rc = ERR_FORBIDDEN;
	if (rc == 0)
		rc = guidance_store_delete(db, id);
	if (rc == 0)
		rc = audit_record(db, by, "delete", "guidance", arena_printf(a, "%lld", (long long)id),
		                  d.kommune, AUDIT_DETAIL(AUDIT_TEXT("title", d.title)));
	return db_write_end(db, rc);
}

/* ---------------------------------------------------------------- reading */

static int get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
               bool with_data, struct guidance_doc *out)
{
	struct guidance_doc d;
	int rc = guidance_store_get(db, a, id, with_data, today(), &d);
	if (rc)
		return rc;
	if (!by || access_collaboration(by, ACC_READ, d.kommune) != 0)
		return ERR_FORBIDDEN;
	*out = d;
	return 0;
}

int guidance_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                 struct guidance_doc *out)
{
	return get(db, a, by, id, false, out);
}

int guidance_file(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                  struct guidance_doc *out)
{
	int rc = get(db, a, by, id, true, out);
	if (rc == 0 && (out->file_type == FILES_NONE || !out->data))
		return ERR_NOTFOUND;
	return rc;
}

int guidance_list(struct db *db, struct arena *a, const struct principal *by,
                  const struct guidance_query *q, struct guidance_doc **items, int *n, int *total)
{
	const char *scope;
	if (!by || access_collaboration_scope(by, &scope) != 0)
		return ERR_FORBIDDEN;
	const char *match = q->q ? registry_search_query(a, q->q) : NULL;
	const char *tag = q->tag && *q->tag ? text_lower_ascii(a, text_trim(a, q->tag)) : NULL;
	int limit = q->limit < 1 || q->limit > 500 ? 500 : q->limit;
	int offset = q->offset < 0 ? 0 : q->offset;
	return guidance_store_list(db, a, scope, match, tag && *tag ? tag : NULL, q->due, today(),
	                           limit, offset, items, n, total);
}
