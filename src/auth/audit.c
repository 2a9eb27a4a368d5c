/*
 * audit.c — the append-only audit log, and its SQL (one table, two statements).
 * Layer: capability domain and store (auth).
 */
#include "audit.h"

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/buf.h"
#include "../store/db.h"
#include "../view/json.h"
#include "auth.h"

static int audit_insert(struct db *db, const struct principal *who, const char *action,
                        const char *entity, const char *entity_id, const char *kommune,
                        const char *detail_json);

static _Thread_local unsigned long audit_written;

unsigned long audit_count_thread(void)
{
	return audit_written;
}

int audit_record(struct db *db, const struct principal *who, const char *action,
                 const char *entity, const char *entity_id, const char *kommune,
                 const struct audit_field *detail, size_t n)
{
	struct buf d;
	struct json w;
	buf_init(&d, 0);
	json_init(&w, &d);
	json_obj_open(&w, NULL);
	for (size_t i = 0; i < n; i++) {
		switch (detail[i].kind) {
		case AUDIT_KIND_TEXT:
			json_str(&w, detail[i].key, detail[i].text);
			break;
		case AUDIT_KIND_INT:
			json_int(&w, detail[i].key, detail[i].number);
			break;
		case AUDIT_KIND_BOOL:
			json_bool(&w, detail[i].key, detail[i].number != 0);
			break;
		}
	}
	json_obj_close(&w);
	int rc = audit_insert(db, who, action, entity, entity_id, kommune, buf_str(&d));
	buf_free(&d);
	return rc;
}

static int audit_insert(struct db *db, const struct principal *who, const char *action,
                        const char *entity, const char *entity_id, const char *kommune,
                        const char *detail_json)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO audit (at, user_id, user_email, kommune, action, entity, entity_id, detail)"
		" VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), :uid, :email, :kommune, :action,"
		" :entity, :eid, :detail)");
	if (!s)
		return ERR_DB;
	int b = (who ? db_bind_int(s, ":uid", who->id) : db_bind_null(s, ":uid")) |
	        db_bind_text(s, ":email", who ? who->email : NULL) |
	        db_bind_text(s, ":kommune", kommune) | db_bind_text(s, ":action", action) |
	        db_bind_text(s, ":entity", entity) | db_bind_text(s, ":eid", entity_id) |
	        db_bind_text(s, ":detail", detail_json);
	int rc = b ? ERR_DB : db_step(s);
	db_done(s);
	if (rc != DB_DONE)
		return ERR_DB;
	audit_written++;
	return 0;
}

int audit_list(struct db *db, struct arena *a, const struct audit_filter *f,
               struct audit_row **rows, int *n, int *total)
{
	/* CAST(:x AS text) IS NULL rather than :x IS NULL: PostgreSQL types a parameter where it
	 * first sees it, and IS NULL alone gives it none (the failed first guess would end a
	 * transaction) */
#define AUDIT_WHERE                                                   \
	" WHERE (CAST(:user AS text) IS NULL OR user_email = :user)"  \
	" AND (CAST(:entity AS text) IS NULL OR entity = :entity)"    \
	" AND (CAST(:eid AS text) IS NULL OR entity_id = :eid)"       \
	" AND (CAST(:from AS text) IS NULL OR at >= :from)"           \
	" AND (CAST(:to AS text) IS NULL OR at < :to || 'z')"         \
	" AND (CAST(:kommune AS text) IS NULL OR kommune = :kommune)"
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM audit" AUDIT_WHERE);
	struct db_stmt *l = NULL;
	int rc = ERR_DB;
	if (!s)
		goto done;
	for (int pass = 0; pass < 2; pass++) {
		struct db_stmt *q = pass ? l : s;
		if (db_bind_text(q, ":user", f->user) | db_bind_text(q, ":entity", f->entity) |
		    db_bind_text(q, ":eid", f->entity_id) | db_bind_text(q, ":from", f->from) |
		    db_bind_text(q, ":to", f->to) | db_bind_text(q, ":kommune", f->kommune))
			goto done;
		if (pass == 0) {
			if (db_step(s) != DB_ROW)
				goto done;
			*total = (int)db_col_int(s, 0);
			l = db_prepare(db, "SELECT id, at, user_email, kommune, action, entity, entity_id,"
			                   " detail FROM audit" AUDIT_WHERE
			                   " ORDER BY id DESC LIMIT :limit OFFSET :offset");
			if (!l || db_bind_int(l, ":limit", f->limit) | db_bind_int(l, ":offset", f->offset))
				goto done;
		}
	}
	struct audit_row *out = arena_alloc(a, sizeof(*out) * (size_t)(f->limit > 0 ? f->limit : 1));
	int count = 0, st;
	while ((st = db_step(l)) == DB_ROW && count < f->limit) {
		struct audit_row *r = &out[count++];
		r->id = db_col_int(l, 0);
		r->at = arena_strdup(a, db_col_text(l, 1));
		r->user_email = arena_strdup(a, db_col_text(l, 2));
		r->kommune = arena_strdup(a, db_col_text(l, 3));
		r->action = arena_strdup(a, db_col_text(l, 4));
		r->entity = arena_strdup(a, db_col_text(l, 5));
		r->entity_id = arena_strdup(a, db_col_text(l, 6));
		r->detail = arena_strdup(a, db_col_text(l, 7));
	}
	if (st < 0)
		goto done;
	*rows = out;
	*n = count;
	rc = 0;
done:
	db_done(s);
	db_done(l);
	return rc;
#undef AUDIT_WHERE
}

void audit_row_json(struct json *w, const struct audit_row *row)
{
	json_obj_open(w, NULL);
	json_int(w, "id", row->id);
	json_str(w, "at", row->at);
	json_str(w, "user", row->user_email);
	json_str(w, "kommune", row->kommune);
	json_str(w, "action", row->action);
	json_str(w, "entity", row->entity);
	json_str(w, "entity_id", row->entity_id);
	json_str(w, "detail", row->detail);
	json_obj_close(w);
}
