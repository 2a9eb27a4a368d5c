/*
 * auth_store.c — the SQL of users, sessions and API tokens.
 * Layer: store of the auth capability. Statements only; no rules, no other module's tables
 * except kommuner for names.
 */
#include "auth_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define USER_COLS "u.id, u.email, u.name, u.role, u.kommune, k.navn, u.password_hash, u.active," \
                  " u.created_at, u.updated_at, u.enterprise_id"
#define USER_FROM " FROM users u LEFT JOIN kommuner k ON k.kode = u.kommune"

static void user_read(struct db_stmt *s, struct arena *a, int c, struct user_row *u)
{
	u->id = db_col_int(s, c + 0);
	u->email = arena_strdup(a, db_col_text(s, c + 1));
	u->name = arena_strdup(a, db_col_text(s, c + 2));
	u->role = arena_strdup(a, db_col_text(s, c + 3));
	u->kommune = arena_strdup(a, db_col_text(s, c + 4));
	u->kommune_navn = arena_strdup(a, db_col_text(s, c + 5));
	u->password_hash = arena_strdup(a, db_col_text(s, c + 6));
	u->active = db_col_int(s, c + 7) != 0;
	u->created_at = arena_strdup(a, db_col_text(s, c + 8));
	u->updated_at = arena_strdup(a, db_col_text(s, c + 9));
	u->enterprise_id = db_col_int(s, c + 10);
}

/* run s expecting at most one row; read it into u */
static int one_user(struct db_stmt *s, struct arena *a, struct user_row *u)
{
	int rc = db_step(s);
	if (rc == DB_ROW)
		user_read(s, a, 0, u);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int auth_store_user_by_email(struct db *db, struct arena *a, const char *email, struct user_row *out)
{
	struct db_stmt *s = db_prepare(db, "SELECT " USER_COLS USER_FROM " WHERE u.email = :email");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":email", email)) {
		db_done(s);
		return ERR_DB;
	}
	return one_user(s, a, out);
}

int auth_store_user_by_id(struct db *db, struct arena *a, int64_t id, struct user_row *out)
{
	struct db_stmt *s = db_prepare(db, "SELECT " USER_COLS USER_FROM " WHERE u.id = :id");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":id", id)) {
		db_done(s);
		return ERR_DB;
	}
	return one_user(s, a, out);
}

int auth_store_user_insert(struct db *db, const struct user_row *u, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO users (email, name, role, kommune, password_hash, active, enterprise_id,"
		" created_at, updated_at) VALUES (:email, :name, :role, :kommune, :hash, :active, :ent,"
		" strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
	int b = !s ? 0 : db_bind_text(s, ":email", u->email) | db_bind_text(s, ":name", u->name) |
	        db_bind_text(s, ":role", u->role) | db_bind_text(s, ":kommune", u->kommune) |
	        db_bind_text(s, ":hash", u->password_hash) | db_bind_int(s, ":active", u->active) |
	        (u->enterprise_id ? db_bind_int(s, ":ent", u->enterprise_id) : db_bind_null(s, ":ent"));
	int rc = db_run(s, b);
	if (rc == 0 && id)
		*id = db_last_id(db);
	return rc;
}

int auth_store_user_update(struct db *db, const struct user_row *u)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE users SET email = :email, name = :name, role = :role, kommune = :kommune,"
		" active = :active, enterprise_id = :ent,"
		" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = :id");
	int b = !s ? 0 : db_bind_text(s, ":email", u->email) | db_bind_text(s, ":name", u->name) |
	        db_bind_text(s, ":role", u->role) | db_bind_text(s, ":kommune", u->kommune) |
	        db_bind_int(s, ":active", u->active) | db_bind_int(s, ":id", u->id) |
	        (u->enterprise_id ? db_bind_int(s, ":ent", u->enterprise_id) : db_bind_null(s, ":ent"));
	int rc = db_run(s, b);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int auth_store_user_set_password(struct db *db, int64_t id, const char *hash)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE users SET password_hash = :hash,"
		" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = :id");
	int b = !s ? 0 : db_bind_text(s, ":hash", hash) | db_bind_int(s, ":id", id);
	int rc = db_run(s, b);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int auth_store_users_list(struct db *db, struct arena *a, const char *kommune, int limit,
                          int offset, struct user_row **rows, int *n, int *total)
{
	/* kommune NULL matches every row: the caller's scope, decided by access.c, is bound here.
	 * CAST(:x AS text) IS NULL rather than :x IS NULL: PostgreSQL types a parameter where it
	 * first sees it, and IS NULL alone gives it none (the failed first guess would end a
	 * transaction) */
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM users u"
	                                   " WHERE CAST(:kommune AS text) IS NULL"
	                                   " OR u.kommune = :kommune");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":kommune", kommune) || db_step(s) != DB_ROW) {
		db_done(s);
		return ERR_DB;
	}
	*total = (int)db_col_int(s, 0);
	db_done(s);
	s = db_prepare(db, "SELECT " USER_COLS USER_FROM
	                   " WHERE CAST(:kommune AS text) IS NULL OR u.kommune = :kommune"
	                   " ORDER BY u.email LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":kommune", kommune) | db_bind_int(s, ":limit", limit) |
	    db_bind_int(s, ":offset", offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct user_row *out = arena_alloc(a, sizeof(*out) * (size_t)(limit > 0 ? limit : 1));
	int count = 0, rc;
	while ((rc = db_step(s)) == DB_ROW && count < limit)
		user_read(s, a, 0, &out[count++]);
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int auth_store_session_insert(struct db *db, const char *id_hash, int64_t user_id,
                              const char *csrf, int64_t now)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO sessions (id_hash, user_id, csrf, created_at, last_seen)"
		" VALUES (:h, :uid, :csrf, :now, :now)");
	int b = !s ? 0 : db_bind_text(s, ":h", id_hash) | db_bind_int(s, ":uid", user_id) |
	        db_bind_text(s, ":csrf", csrf) | db_bind_int(s, ":now", now);
	return db_run(s, b);
}

int auth_store_session_get(struct db *db, struct arena *a, const char *id_hash,
                           struct user_row *user, const char **csrf, int64_t *created,
                           int64_t *last_seen)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT " USER_COLS ", s.csrf, s.created_at, s.last_seen FROM sessions s"
		" JOIN users u ON u.id = s.user_id LEFT JOIN kommuner k ON k.kode = u.kommune"
		" WHERE s.id_hash = :h AND u.active = 1");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":h", id_hash)) {
		db_done(s);
		return ERR_DB;
	}
	int rc = db_step(s);
	if (rc == DB_ROW) {
		user_read(s, a, 0, user);
		*csrf = arena_strdup(a, db_col_text(s, 11));
		*created = db_col_int(s, 12);
		*last_seen = db_col_int(s, 13);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int auth_store_session_touch(struct db *db, const char *id_hash, int64_t now)
{
	struct db_stmt *s = db_prepare(db, "UPDATE sessions SET last_seen = :now WHERE id_hash = :h");
	int b = !s ? 0 : db_bind_int(s, ":now", now) | db_bind_text(s, ":h", id_hash);
	return db_run(s, b);
}

int auth_store_session_delete(struct db *db, const char *id_hash)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM sessions WHERE id_hash = :h");
	int b = !s ? 0 : db_bind_text(s, ":h", id_hash);
	return db_run(s, b);
}

int auth_store_sessions_delete_user(struct db *db, int64_t user_id)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM sessions WHERE user_id = :uid");
	int b = !s ? 0 : db_bind_int(s, ":uid", user_id);
	return db_run(s, b);
}

int auth_store_sessions_purge(struct db *db, int64_t idle_cutoff, int64_t max_cutoff)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM sessions"
	                                   " WHERE last_seen < :idle OR created_at < :max");
	int b = !s ? 0 : db_bind_int(s, ":idle", idle_cutoff) | db_bind_int(s, ":max", max_cutoff);
	return db_run(s, b);
}

int auth_store_token_insert(struct db *db, int64_t user_id, const char *hash, const char *label,
                            int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO api_tokens (user_id, token_hash, label, created_at)"
		" VALUES (:uid, :h, :label, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
	int b = !s ? 0 : db_bind_int(s, ":uid", user_id) | db_bind_text(s, ":h", hash) |
	        db_bind_text(s, ":label", label);
	int rc = db_run(s, b);
	if (rc == 0 && id)
		*id = db_last_id(db);
	return rc;
}

int auth_store_token_user(struct db *db, struct arena *a, const char *hash, struct user_row *user)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT " USER_COLS " FROM api_tokens t JOIN users u ON u.id = t.user_id"
		" LEFT JOIN kommuner k ON k.kode = u.kommune"
		" WHERE t.token_hash = :h AND t.revoked_at IS NULL AND u.active = 1");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":h", hash)) {
		db_done(s);
		return ERR_DB;
	}
	return one_user(s, a, user);
}

int auth_store_tokens_list(struct db *db, struct arena *a, const char *email,
                           struct token_row **rows, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT t.id, u.email, t.label, t.created_at, t.revoked_at FROM api_tokens t"
		" JOIN users u ON u.id = t.user_id"
		" WHERE CAST(:email AS text) IS NULL OR u.email = :email"
		" ORDER BY t.id DESC");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":email", email)) {
		db_done(s);
		return ERR_DB;
	}
	struct token_row *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct token_row *t = ARENA_PUSH(a, out, count, cap);
		t->id = db_col_int(s, 0);
		t->email = arena_strdup(a, db_col_text(s, 1));
		t->label = arena_strdup(a, db_col_text(s, 2));
		t->created_at = arena_strdup(a, db_col_text(s, 3));
		t->revoked_at = arena_strdup(a, db_col_text(s, 4));
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int auth_store_token_revoke(struct db *db, int64_t id, int64_t *user_id)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
		" WHERE id = :id AND revoked_at IS NULL RETURNING user_id");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":id", id)) {
		db_done(s);
		return ERR_DB;
	}
	int rc = db_step(s);
	if (rc == DB_ROW)
		*user_id = db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int auth_store_tokens_revoke_user(struct db *db, int64_t user_id, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
		" WHERE user_id = :uid AND revoked_at IS NULL");
	int rc = db_run(s, s ? db_bind_int(s, ":uid", user_id) : 0);
	if (rc == 0 && n)
		*n = db_changes(db);
	return rc;
}

int auth_store_throttle_get(struct db *db, const char *kind, const char *key_hash,
                            struct throttle_row *out)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT failures, last_failure, next_allowed, known_at FROM login_throttle"
		" WHERE kind = :kind AND key_hash = :key");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":kind", kind) || db_bind_text(s, ":key", key_hash)) {
		db_done(s);
		return ERR_DB;
	}
	int rc = db_step(s);
	if (rc == DB_ROW) {
		out->failures = db_col_int(s, 0);
		out->last_failure = db_col_int(s, 1);
		out->next_allowed = db_col_int(s, 2);
		out->known_at = db_col_int(s, 3);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int auth_store_throttle_put(struct db *db, const char *kind, const char *key_hash,
                            const struct throttle_row *row, int64_t forget_at)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO login_throttle"
		" (kind, key_hash, failures, last_failure, next_allowed, known_at, forget_at)"
		" VALUES (:kind, :key, :failures, :last, :next, :known, :forget)"
		" ON CONFLICT (kind, key_hash) DO UPDATE SET failures = excluded.failures,"
		" last_failure = excluded.last_failure, next_allowed = excluded.next_allowed,"
		" known_at = excluded.known_at, forget_at = excluded.forget_at");
	return db_run(s, s ? db_bind_text(s, ":kind", kind) || db_bind_text(s, ":key", key_hash) ||
	                         db_bind_int(s, ":failures", row->failures) ||
	                         db_bind_int(s, ":last", row->last_failure) ||
	                         db_bind_int(s, ":next", row->next_allowed) ||
	                         db_bind_int(s, ":known", row->known_at) ||
	                         db_bind_int(s, ":forget", forget_at)
	                   : 0);
}

int auth_store_throttle_purge(struct db *db, int64_t now)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM login_throttle WHERE forget_at < :now");
	return db_run(s, s ? db_bind_int(s, ":now", now) : 0);
}
