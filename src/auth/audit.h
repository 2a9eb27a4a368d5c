/*
 * audit.h — the append-only audit log: every change and every read of personal data.
 * Layer: capability domain (auth). audit_record() must run inside the caller's write
 * transaction, so a change and its audit line commit or vanish together. The table has
 * triggers that refuse UPDATE and DELETE; this module only ever inserts and reads.
 */
#ifndef INDGANG_AUDIT_H
#define INDGANG_AUDIT_H

#include <stdint.h>

struct arena;
struct db;
struct principal;

/* audit_record: appends one line. who may be NULL (the system, or an anonymous caller);
 * kommune is the municipality the entity belongs to (NULL for national rows); detail_json is
 * a JSON object saying what changed (never secrets), or NULL for {}. 0 or ERR_DB. */
int audit_record(struct db *db, const struct principal *who, const char *action,
                 const char *entity, const char *entity_id, const char *kommune,
                 const char *detail_json);

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

/* audit_list: newest first. *rows owned by a; *total counts all matching lines. */
int audit_list(struct db *db, struct arena *a, const struct audit_filter *f,
               struct audit_row **rows, int *n, int *total);

#endif
