/*
 * guidance_api.c — the JSON endpoints of the guidance library. Layer: handlers of the outreach
 * capability. A file is uploaded as the raw body with ?filename=&title=... (its Content-Type is
 * not trusted: files.c judges the bytes); a link as a JSON body. guidance.c holds every rule
 * and the access decision.
 */
#include <jansson.h>
#include <string.h>

#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../http/api.h"
#include "guidance.h"
#include "guidance_web.h"

static void doc_json(struct req *r, struct json *w, const struct guidance_doc *d)
{
	json_obj_open(w, NULL);
	json_int(w, "id", d->id);
	json_str(w, "kommune", d->kommune);
	json_str(w, "title", d->title);
	json_str(w, "summary", d->summary);
	const char *tags[GUIDANCE_MAX_TAGS];
	int n = guidance_tags_split(&r->a, d->tags, tags, GUIDANCE_MAX_TAGS);
	json_arr_open(w, "tags");
	for (int i = 0; i < n; i++)
		json_str(w, NULL, tags[i]);
	json_arr_close(w);
	json_str(w, "url", d->url);
	json_str(w, "file_type", files_type_key(d->file_type));
	json_str(w, "filename", d->filename);
	json_int(w, "size", (int64_t)d->size);
	if (d->file_type != FILES_NONE)
		json_str(w, "download", arena_printf(&r->a, "/api/v1/guidance/%lld/file", (long long)d->id));
	json_str(w, "review_date", d->review_date);
	json_bool(w, "review_due", d->review_due);
	json_str(w, "owner", d->owner_email);
	json_str(w, "created_at", d->created_at);
	json_str(w, "updated_at", d->updated_at);
	json_obj_close(w);
}

static int reply_doc(struct req *r, const struct guidance_doc *d, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	doc_json(r, &w, d);
	if (status == 201)
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/guidance/%lld", (long long)d->id));
	return reply_json(r, status);
}

/* GET /api/v1/guidance — the municipality's staff (access_collaboration ACC_READ): its own and
 * the national documents; all for the administrator. ?q (Danish search), tag, due=1, limit,
 * offset. {"items": [{"id", "title", "summary", "tags", ...}], "total", "limit", "offset"}. */
int guidance_api_list(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	const char *due = req_query(r, "due");
	struct guidance_query q = {.q = req_query(r, "q"), .tag = req_query(r, "tag"),
	                           .due = due && !strcmp(due, "1"), .limit = limit, .offset = offset};
	struct guidance_doc *items;
	int n, total;
	int rc = guidance_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	for (int i = 0; i < n; i++)
		doc_json(r, &w, &items[i]);
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* the municipality a new document belongs to: "kommune" given (null or "" national), else the
 * caller's own (the administrator's: national) */
static const char *kommune_of(struct req *r, const char *given, bool present)
{
	if (present)
		return given && *given ? given : NULL;
	return r->user ? r->user->kommune : NULL;
}

/* POST /api/v1/guidance — who may write the municipality's collaboration (ACC_WRITE).
 * A file: the raw body (at most 10 MB: 413), ?filename= (required), title=, summary=, tags=,
 * review_date=, kommune=. A link: a JSON body {"title", "summary", "tags", "url", "review_date",
 * "kommune"}. 201 with the document; 422 naming the field (a file that is no sound PDF, DOCX or
 * XLSX: "file"), nothing stored; 403. */
int guidance_api_create(struct req *r)
{
	struct guidance_doc d = {0};
	const char *filename = req_query(r, "filename");
	if (filename) {
		const char *k = req_query(r, "kommune");
		d.kommune = kommune_of(r, k, k != NULL);
		d.title = req_query(r, "title");
		d.summary = req_query(r, "summary");
		d.tags = req_query(r, "tags");
		d.review_date = req_query(r, "review_date");
		d.filename = filename;
		d.data = (const unsigned char *)r->body;
		d.size = r->body_len;
		if (d.size == 0)
			errs_add(&r->errs, "file", "Send filen som forespørgslens indhold.");
	} else {
		json_t *body = api_body_or_reply(r);
		if (!body)
			return 0;
		json_t *k = json_object_get(body, "kommune");
		d.kommune = kommune_of(r, api_member(r, body, "kommune"), k != NULL);
		d.title = api_member(r, body, "title");
		d.summary = api_member(r, body, "summary");
		d.url = api_member(r, body, "url");
		d.review_date = api_member(r, body, "review_date");
		json_t *tags = json_object_get(body, "tags");
		if (json_is_array(tags)) {
			const char *list[GUIDANCE_MAX_TAGS + 1];
			int n = 0;
			api_strings(r, body, "tags", list, GUIDANCE_MAX_TAGS, &n);
			struct buf b;
			buf_init(&b, 4096);
			for (int i = 0; i < n; i++)
				buf_printf(&b, "%s%s", i ? " " : "", list[i]);
			d.tags = arena_strdup(&r->a, buf_str(&b));
			buf_free(&b);
		} else {
			d.tags = api_member(r, body, "tags");
		}
		json_decref(body);
		if (!d.url && !errs_get(&r->errs, "url"))
			errs_add(&r->errs, "url", "Skriv et link, eller send en fil med ?filename=.");
	}
	int rc = guidance_save(r->db, &r->a, r->user, &d, &r->errs);
	if (rc == ERR_TOOBIG)
		return reply_api_error(r, 413, "too_large", "Filen må højst fylde 10 MB.", "file");
	if (rc)
		return api_fail(r, rc);
	return reply_doc(r, &d, 201);
}

/* GET /api/v1/guidance/{id} — who may read it: 404, 403. */
int guidance_api_get(struct req *r)
{
	struct guidance_doc d;
	int rc = guidance_get(r->db, &r->a, r->user, req_param_int(r, "id"), &d);
	if (rc)
		return api_fail(r, rc);
	return reply_doc(r, &d, 200);
}

/* PATCH /api/v1/guidance/{id} — who may write it: title, summary, tags, url (a link's),
 * review_date. 200; 422; 403. */
int guidance_api_update(struct req *r)
{
	struct guidance_doc d;
	int rc = guidance_get(r->db, &r->a, r->user, req_param_int(r, "id"), &d);
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	static const char *const names[] = {"title", "summary", "tags", "url", "review_date"};
	const char **fields[] = {&d.title, &d.summary, &d.tags, &d.url, &d.review_date};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (json_object_get(body, names[i]) && !json_is_array(json_object_get(body, names[i])))
			*fields[i] = api_member(r, body, names[i]);
	if (json_is_array(json_object_get(body, "tags"))) {
		const char *list[GUIDANCE_MAX_TAGS + 1];
		int n = 0;
		api_strings(r, body, "tags", list, GUIDANCE_MAX_TAGS, &n);
		struct buf b;
		buf_init(&b, 4096);
		for (int i = 0; i < n; i++)
			buf_printf(&b, "%s%s", i ? " " : "", list[i]);
		d.tags = arena_strdup(&r->a, buf_str(&b));
		buf_free(&b);
	}
	json_decref(body);
	rc = guidance_save(r->db, &r->a, r->user, &d, &r->errs);
	if (rc)
		return api_fail(r, rc);
	return reply_doc(r, &d, 200);
}

/* DELETE /api/v1/guidance/{id} — who may write it. 200 {"id", "deleted": true}; 404; 403. */
int guidance_api_delete(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	int rc = guidance_delete(r->db, &r->a, r->user, id);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", id);
	json_bool(&w, "deleted", true);
	json_obj_close(&w);
	return reply_json(r, 200);
}

/* GET /api/v1/guidance/{id}/file — who may read it: the file as an attachment; 404 for a link. */
int guidance_api_file(struct req *r)
{
	struct guidance_doc d;
	int rc = guidance_file(r->db, &r->a, r->user, req_param_int(r, "id"), &d);
	if (rc)
		return api_fail(r, rc);
	return guidance_reply_file(r, &d);
}
