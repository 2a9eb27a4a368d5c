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

/* ---- passwords (Argon2id). A few hashes run at once, a few more may wait briefly; the rest
 * are refused at once (see auth_hash_limit). */
#define AUTH_HASH_MAX 128
#define AUTH_HASH_WAIT_MS 100 /* the longest a sign-in waits for a hashing slot */
#define AUTH_HASH_RETRY 1     /* seconds a refused sign-in is told to wait (Retry-After) */
/* the length of a password in characters (UTF-8), both ways; a buffer for one needs
 * AUTH_PASSWORD_MAX_BYTES + 1 */
#define AUTH_PASSWORD_MIN 10
#define AUTH_PASSWORD_MAX 128
#define AUTH_PASSWORD_MAX_BYTES (4 * AUTH_PASSWORD_MAX)
/* auth_password_policy: NULL if pw is acceptable, else the Danish reason. */
const char *auth_password_policy(const char *pw);
/* auth_password_hash: out gets the encoded Argon2id hash. 0 or ERR_NOMEM. */
int auth_password_hash(const char *pw, char out[AUTH_HASH_MAX]);
/* auth_password_verify: 0 if pw matches hash, ERR_AUTH if not, ERR_UNAVAILABLE when no
 * hashing slot came free in AUTH_HASH_WAIT_MS. */
int auth_password_verify(const char *hash, const char *pw);
/* auth_hash_limit: sizes the hashing slots for a server of threads request threads: half the
 * cores (1 to 4) may hash and as many wait, but together never more than half the threads, so
 * the others always answer other requests. Call once before serving; also makes the dummy hash
 * that unknown accounts are checked against. Without it, the defaults hold. */
void auth_hash_limit(unsigned threads);
/* auth_dummy_hash_warm: makes the dummy hash now (auth_login makes it on first use). */
void auth_dummy_hash_warm(void);

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

/* auth_login: checks email and password, throttled per address, account and pair
 * (throttle.h), and, when they match an active user, creates a session. *cookie gets the
 * session secret for the cookie (owned by a). Returns 0; ERR_AUTH for wrong credentials (the
 * same, in the same time, for an unknown or inactive account); ERR_BUSY when throttled and
 * ERR_UNAVAILABLE when every hashing slot is taken, both with *wait, the seconds to wait;
 * ERR_DB. A failed sign-in of a known account and every success are audited. */
int auth_login(struct db *db, struct arena *a, const char *email, const char *password,
               const char *ip, char **cookie, int *wait);
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

#endif
