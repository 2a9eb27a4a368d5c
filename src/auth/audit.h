/*
 * audit.h — the append-only audit log: every change and every read of personal data.
 * Layer: capability domain (auth). audit_record() must run inside the caller's write
 * transaction, so a change and its audit line commit or vanish together. The table has
 * triggers that refuse UPDATE and DELETE; this module only ever inserts and reads.
 */
#ifndef INDGANG_AUDIT_H
#define INDGANG_AUDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct principal;

/* One member of an audit line's detail, the JSON object saying what changed (never secrets).
 * The object is written by the JSON writer, so no value can break out of its string. */
enum audit_kind { AUDIT_KIND_TEXT, AUDIT_KIND_INT, AUDIT_KIND_BOOL };
struct audit_field {
	const char *key;
	enum audit_kind kind;
	const char *text; /* AUDIT_KIND_TEXT; NULL writes null */
	int64_t number;   /* AUDIT_KIND_INT, and AUDIT_KIND_BOOL as 0 or 1 */
};
#define AUDIT_TEXT(k, v) ((struct audit_field){(k), AUDIT_KIND_TEXT, (v), 0})
#define AUDIT_INT(k, v) ((struct audit_field){(k), AUDIT_KIND_INT, NULL, (int64_t)(v)})
#define AUDIT_BOOL(k, v) ((struct audit_field){(k), AUDIT_KIND_BOOL, NULL, (v) ? 1 : 0})
/* AUDIT_DETAIL(AUDIT_TEXT("topic", t), AUDIT_INT("unit_id", u)) gives the two arguments
 * (array, count) of audit_record's detail; AUDIT_NONE gives an empty one. */
#define AUDIT_DETAIL(...)                                                                          \
	(const struct audit_field[]){__VA_ARGS__},                                                     \
		sizeof((const struct audit_field[]){__VA_ARGS__}) / sizeof(struct audit_field)
#define AUDIT_NONE NULL, 0

/* audit_record: appends one line. who may be NULL (the system, or an anonymous caller);
 * kommune is the municipality the entity belongs to (NULL for national rows); detail[0..n)
 * become the line's JSON object ({} when n is 0). 0 or ERR_DB. */
int audit_record(struct db *db, const struct principal *who, const char *action,
                 const char *entity, const char *entity_id, const char *kommune,
                 const struct audit_field *detail, size_t n);

/* audit_count_thread: how many lines this thread has appended since it started. dispatch()
 * compares it before and after a handler of personal data (RF_PERSONAL), so a read that forgot
 * its audit line is refused instead of answered. */
unsigned long audit_count_thread(void);

struct audit_filter {
	const char *user;     /* e-mail, exact; NULL = any */
	const char *entity;   /* NULL = any */
	const char *entity_id;/* NULL = any */
	const char *from;     /* ISO date or time, inclusive; NULL = open */
	const char *to;       /* ISO date or time, exclusive of later days; NULL = open */
	const char *kommune;  /* the caller's scope: NULL only for the national administrator */
	int limit, offset;
};

struct audit_row {
	int64_t id;
	const char *at, *user_email, *kommune, *action, *entity, *entity_id, *detail;
};

/* audit_row_json: row as one JSON object in w (its detail, JSON this program wrote, as a string,
 * which keeps the writer typed); shared by the API and the command line. */
struct json;
void audit_row_json(struct json *w, const struct audit_row *row);

/* audit_list: newest first. *rows owned by a; *total counts all matching lines. */
int audit_list(struct db *db, struct arena *a, const struct audit_filter *f,
               struct audit_row **rows, int *n, int *total);

#endif
