/*
 * auth_store.h — the SQL of users, sessions and API tokens.
 * Layer: store of the auth capability: nothing but statements; the rules are in auth.c/users.c.
 */
#ifndef INDGANG_AUTH_STORE_H
#define INDGANG_AUTH_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "users.h"

struct arena;
struct db;
struct principal;


/* each returns 0, ERR_NOTFOUND, ERR_CONFLICT (unique email) or ERR_DB; rows owned by a */
int auth_store_user_by_email(struct db *db, struct arena *a, const char *email, struct user_row *out);
int auth_store_user_by_id(struct db *db, struct arena *a, int64_t id, struct user_row *out);
int auth_store_user_insert(struct db *db, const struct user_row *u, int64_t *id);
int auth_store_user_update(struct db *db, const struct user_row *u);
int auth_store_user_set_password(struct db *db, int64_t id, const char *hash);
/* auth_store_users_list: users of kommune (NULL: all) ordered by email, a page of them;
 * *rows gets an array owned by a, *total the count of all matching. */
int auth_store_users_list(struct db *db, struct arena *a, const char *kommune, int limit,
                          int offset, struct user_row **rows, int *n, int *total);

int auth_store_session_insert(struct db *db, const char *id_hash, int64_t user_id,
                              const char *csrf, int64_t now);
/* auth_store_session_get: the session's user (active users only), csrf and times. */
int auth_store_session_get(struct db *db, struct arena *a, const char *id_hash,
                           struct user_row *user, const char **csrf, int64_t *created,
                           int64_t *last_seen);
int auth_store_session_touch(struct db *db, const char *id_hash, int64_t now);
int auth_store_session_delete(struct db *db, const char *id_hash);
int auth_store_sessions_delete_user(struct db *db, int64_t user_id);
/* auth_store_sessions_purge: deletes sessions idle since before idle_cutoff or created before
 * max_cutoff (unix seconds). */
int auth_store_sessions_purge(struct db *db, int64_t idle_cutoff, int64_t max_cutoff);

int auth_store_token_insert(struct db *db, int64_t user_id, const char *hash, const char *label,
                            int64_t *id);
int auth_store_token_user(struct db *db, struct arena *a, const char *hash, struct user_row *user);
/* auth_store_tokens_list: tokens of the user with email (NULL: all), newest first. */
int auth_store_tokens_list(struct db *db, struct arena *a, const char *email,
                           struct token_row **rows, int *n);
int auth_store_token_revoke(struct db *db, int64_t id, int64_t *user_id);
/* auth_store_tokens_revoke_user: revokes every live token of user_id; *n (may be NULL) how many */
int auth_store_tokens_revoke_user(struct db *db, int64_t user_id, int *n);

/* one row of login_throttle (see migration 0005); times in unix seconds */
struct throttle_row {
	int64_t failures, last_failure, next_allowed, known_at;
};
/* auth_store_throttle_get: the row of (kind, key_hash); ERR_NOTFOUND when there is none. */
int auth_store_throttle_get(struct db *db, const char *kind, const char *key_hash,
                            struct throttle_row *out);
/* auth_store_throttle_put: inserts or replaces the row of (kind, key_hash). */
int auth_store_throttle_put(struct db *db, const char *kind, const char *key_hash,
                            const struct throttle_row *row, int64_t forget_at);
/* auth_store_throttle_purge: deletes the rows whose forget_at is before now. */
int auth_store_throttle_purge(struct db *db, int64_t now);

#endif
