/*
 * guidance.h — the guidance library (vejledning): documents and links a municipality's staff
 * share — guidance concepts, overviews of employment law and schemes, templates such as a
 * cooperation agreement — with a title, a summary, free tags, an owner and a review date; the
 * administrator's national documents are shared with every municipality (kommune NULL).
 * Files are PDF, DOCX or XLSX checked by their content (files.h), at most 10 MB. Danish
 * full-text search over title, summary and tags with the registry's search (registry_search.h:
 * stemming, æ/ae ø/oe å/aa folded), kept in step on every write.
 * Layer: capability domain (outreach). Knows no HTTP and no HTML; its SQL is in
 * guidance_store.c. Every read and write asks access_collaboration(); lists bind its scope.
 */
#ifndef INDGANG_GUIDANCE_H
#define INDGANG_GUIDANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "files.h"

struct arena;
struct db;
struct errs;
struct principal;

/* the most tags a document has, and the longest tag */
#define GUIDANCE_MAX_TAGS 20
#define GUIDANCE_TAG_MAX 40

struct guidance_doc {
	int64_t id;                 /* 0 for a new document */
	const char *kommune;        /* three digits, or NULL: national (the administrator's) */
	const char *kommune_navn;   /* read only */
	const char *title;
	const char *summary;        /* "" when none */
	const char *tags;           /* free words, separated by spaces or commas; stored lower-case,
	                             * space-separated, without repeats */
	const char *url;            /* a link (http or https), or NULL for a file */
	enum files_type file_type;  /* the checked type of the file; FILES_NONE for a link */
	const char *filename;       /* the file's name as offered for download */
	const unsigned char *data;  /* the file's bytes (only read by guidance_file) */
	size_t size;
	const char *review_date;    /* YYYY-MM-DD or NULL */
	/* read only */
	int64_t owner_id;
	const char *owner_email;    /* NULL when the owner's account is gone */
	const char *created_at, *updated_at;
	bool review_due;            /* the review date has come: "skal gennemgås" */
};

/* guidance_save: creates (d->id 0) or updates d, with its search terms and an audit line, in
 * one write transaction. A create needs access_collaboration ACC_WRITE for d->kommune
 * (ERR_FORBIDDEN) and either a link (url) or a file (data, size, filename), checked by content:
 * ERR_TOOBIG over 10 MB (field file), ERR_INVALID with a field error on file for anything but a
 * sound PDF, DOCX or XLSX. An update needs the stored document (ERR_NOTFOUND) and ACC_WRITE for
 * its municipality, which it keeps, and changes title, summary, tags, review date and a link's
 * url (a file stays as it is). Field errors: title, summary, tags, url, file, review_date,
 * kommune. Errors already in errs count. The owner is the creator. ERR_DB, ERR_UNAVAILABLE. */
int guidance_save(struct db *db, struct arena *a, const struct principal *by,
                  struct guidance_doc *d, struct errs *errs);

/* guidance_get: document id without its bytes. ERR_NOTFOUND, ERR_FORBIDDEN (ACC_READ). */
int guidance_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                 struct guidance_doc *out);
/* guidance_file: guidance_get with the file's bytes in out->data; ERR_NOTFOUND for a link. */
int guidance_file(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                  struct guidance_doc *out);
/* guidance_delete: removes document id and its search row (ACC_WRITE). Audited. */
int guidance_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id);

/* guidance_may_write: whether by may change d; guidance_may_create: create somewhere */
bool guidance_may_write(const struct principal *by, const struct guidance_doc *d);
bool guidance_may_create(const struct principal *by);

struct guidance_query {
	const char *q;      /* words to search for, or NULL */
	const char *tag;    /* one tag, or NULL */
	bool due;           /* only those whose review date has come */
	int limit, offset;  /* limit 1..500 */
};

/* guidance_list: the documents by may read (its municipality's and the national ones; all for
 * the administrator) that q selects: found by q->q (best match first), else by title in
 * Danish order. *total counts every match. ERR_FORBIDDEN for anyone who may read none. */
int guidance_list(struct db *db, struct arena *a, const struct principal *by,
                  const struct guidance_query *q, struct guidance_doc **items, int *n, int *total);

/* guidance_tags_split: the tags of d->tags (as stored) into out[0..max), their number */
int guidance_tags_split(struct arena *a, const char *tags, const char **out, int max);

#endif
