/*
 * auth.h — who the caller is: roles, passwords, sessions, API tokens and login throttling.
 * Layer: capability domain (auth). Knows no HTTP and no HTML; its SQL is in auth_store.c.
 */
#ifndef INDGANG_AUTH_H
#define INDGANG_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;

enum role {
	ROLE_ADMIN = 1,        /* national administrator: every municipality */
	ROLE_KONSULENT = 2,    /* a municipality's staff: its data and its users */
	ROLE_JOBKONSULENT = 4, /* jobcenter caseworker: may see citizens' personal data */
	ROLE_INDKOEBER = 8,    /* buyer */
	ROLE_VIRKSOMHED = 16,  /* represents one enterprise */
};
#define ROLE_ALL (ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT | ROLE_INDKOEBER | ROLE_VIRKSOMHED)

/* the signed-in caller; strings owned by the request's arena */
struct principal {
	int64_t id;
	const char *email;
	const char *name;
	enum role role;
	const char *kommune;      /* three digits; NULL for admin */
	const char *kommune_navn; /* NULL for admin */
	bool via_token;           /* authenticated by an API token, not a session */
	int64_t enterprise_id;    /* the enterprise a virksomhed user represents, or 0 */
};

/* role_name: "admin", "konsulent", ...; role_label: the Danish label for people. */
const char *role_name(enum role role);
const char *role_label(enum role role);
/* role_parse: 0 and *out for a known role name, ERR_INVALID otherwise. */
int role_parse(const char *name, enum role *out);

/* ---- passwords (Argon2id). At most AUTH_HASH_PARALLEL hashes run at once; more wait. */
#define AUTH_HASH_MAX 128
/* the length of a password in characters (UTF-8), both ways; a buffer for one needs
 * AUTH_PASSWORD_MAX_BYTES + 1 */
#define AUTH_PASSWORD_MIN 10
#define AUTH_PASSWORD_MAX 128
#define AUTH_PASSWORD_MAX_BYTES (4 * AUTH_PASSWORD_MAX)
/* auth_password_policy: NULL if pw is acceptable, else the Danish reason. */
const char *auth_password_policy(const char *pw);
/* auth_password_hash: out gets the encoded Argon2id hash. 0 or ERR_NOMEM. */
int auth_password_hash(const char *pw, char out[AUTH_HASH_MAX]);
/* auth_password_verify: 0 if pw matches hash, ERR_AUTH otherwise. */
int auth_password_verify(const char *hash, const char *pw);

/* ---- secrets: random tokens, stored only as hashes */
#define AUTH_SECRET_LEN 43 /* 32 random bytes as unpadded base64url */
/* auth_random_secret: out (AUTH_SECRET_LEN + 1 bytes) gets a fresh random secret. */
void auth_random_secret(char out[AUTH_SECRET_LEN + 1]);
/* auth_secret_hash: the hex BLAKE2b-256 of secret, owned by a (what the store keeps). */
char *auth_secret_hash(struct arena *a, const char *secret);
/* auth_equal: constant-time comparison of two NUL-terminated strings. */
bool auth_equal(const char *x, const char *y);

/* ---- sessions */
#define AUTH_SESSION_IDLE (2 * 3600)     /* seconds without a request before a session ends */
#define AUTH_SESSION_MAX (12 * 3600)     /* seconds after sign-in when a session ends anyway */

/* auth_login: checks email and password with throttling per account and per ip and, when they
 * match an active user, creates a session. *cookie gets the session secret for the cookie
 * (owned by a). Returns 0; ERR_AUTH for wrong credentials (the same for an unknown email);
 * ERR_BUSY when throttled; ERR_DB. The outcome is audited. */
int auth_login(struct db *db, struct arena *a, const char *email, const char *password,
               const char *ip, char **cookie);
/* auth_session: the principal and CSRF token of a live session cookie; refreshes its idle
 * time. ERR_AUTH if unknown or expired (an expired one is deleted). */
int auth_session(struct db *db, struct arena *a, const char *cookie, struct principal **who,
                 const char **csrf);
/* auth_logout: ends the session of cookie (unknown is fine). */
int auth_logout(struct db *db, struct arena *a, const char *cookie);

/* ---- API tokens */
#define AUTH_TOKEN_PREFIX "ind_"
/* auth_token_create: a new bearer token for the active user with email; *token gets it (shown
 * once, owned by a), *id its row id. ERR_NOTFOUND for an unknown user. Audited. */
int auth_token_create(struct db *db, struct arena *a, const struct principal *by,
                      const char *email, const char *label, char **token, int64_t *id);
/* auth_token: the principal for a bearer token; ERR_AUTH if unknown, revoked or the user is
 * inactive. */
int auth_token(struct db *db, struct arena *a, const char *token, struct principal **who);
/* auth_token_revoke: revokes token id. ERR_NOTFOUND if there is no such live token. Audited. */
int auth_token_revoke(struct db *db, const struct principal *by, int64_t id);

/* ---- throttling (in memory, per process) */
#define AUTH_FAIL_WINDOW 900   /* seconds */
#define AUTH_FAIL_ACCOUNT 5    /* failures per account in the window before refusing */
#define AUTH_FAIL_IP 20        /* failures per address in the window */
/* auth_throttled: true if key (an email or an address) has max failures in the window. */
bool auth_throttled(const char *kind, const char *key, int max);
/* auth_throttle_fail / auth_throttle_clear: count a failure / forget key. */
void auth_throttle_fail(const char *kind, const char *key);
void auth_throttle_clear(const char *kind, const char *key);

#endif
