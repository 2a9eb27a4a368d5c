/*
 * users.h — user accounts: validation and the rules of who may manage whom.
 * Layer: capability domain (auth). Every change is audited in its own transaction.
 */
#ifndef INDGANG_USERS_H
#define INDGANG_USERS_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

/* an account as the store reads it */
struct user_row {
	int64_t id;
	const char *email;
	const char *name;
	const char *role;
	const char *kommune;
	const char *kommune_navn;
	const char *password_hash;
	bool active;
	const char *created_at;
	const char *updated_at;
	int64_t enterprise_id;    /* the enterprise a virksomhed user represents, or 0 */
};

/* an API token, without its secret */
struct token_row {
	int64_t id;
	const char *email, *label, *created_at, *revoked_at;
};

/* the command line acts as this principal: national scope, audited as "kommandolinje" */
extern const struct principal users_cli;

struct user_input {
	const char *email;
	const char *name;     /* NULL: unchanged on update */
	const char *role;     /* role name; NULL: unchanged on update */
	const char *kommune;  /* three digits, or NULL/"" for admin */
	const char *password; /* required on create; NULL/"" on update: unchanged */
	int active;           /* 1, 0, or -1 for unchanged on update */
	int64_t enterprise_id; /* virksomhed only: the enterprise represented; 0 none, -1 unchanged */
};

/* users_create: validates in, checks that by may grant the role in the municipality, hashes
 * the password and inserts. Field errors go to errs (ERR_INVALID, or ERR_CONFLICT with an
 * error on "email" when the address is taken); ERR_FORBIDDEN; ERR_DB.
 * *id gets the new user's id. */
int users_create(struct db *db, struct arena *a, const struct principal *by,
                 const struct user_input *in, struct errs *errs, int64_t *id);
/* users_update: changes name, role, active and optionally the password of user id. Deactivating
 * ends the user's sessions. A user cannot deactivate or demote themselves. */
int users_update(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                 const struct user_input *in, struct errs *errs);
/* users_get: user id if by may manage its municipality's users; ERR_NOTFOUND hides the rest. */
int users_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
              struct user_row *out);
/* users_list: the users of kommune (NULL: every one, admin only) if by may manage them. */
int users_list(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
               int limit, int offset, struct user_row **rows, int *n, int *total);
/* users_kommune_name: *navn (may be NULL) the name of municipality code; 0, ERR_NOTFOUND or
 * ERR_DB. */
int users_kommune_name(struct db *db, struct arena *a, const char *code, const char **navn);

/* users_case_workers: the active accounts of kommune that may be given its cases
 * (access_case_worker: konsulent and jobkonsulent), for a caller who may read the
 * municipality's data (ACC_READ). All of them, in the store's order, owned by a.
 * 0, ERR_FORBIDDEN or ERR_DB. */
int users_case_workers(struct db *db, struct arena *a, const struct principal *by,
                     const char *kommune, struct user_row **rows, int *n);

/* users_coordinators: the e-mail addresses of kommune's active accounts that may change its data
 * (its konsulenter: access_allowed ACC_WRITE), for the system's notices; no caller is asked,
 * and nothing else of the accounts is given. All of them, owned by a. 0 or ERR_DB. */
int users_coordinators(struct db *db, struct arena *a, const char *kommune, const char ***emails,
                       int *n);

/* users_by_email: the account with email (compared in lower case), for a caller who may manage
 * it (as users_get). 0, ERR_NOTFOUND (also for an account the caller may not see) or ERR_DB. */
int users_by_email(struct db *db, struct arena *a, const struct principal *by, const char *email,
                   struct user_row *out);
/* users_tokens: the API tokens of the account with email (NULL: every account), newest first,
 * for the national administrator. 0, ERR_FORBIDDEN or ERR_DB. */
int users_tokens(struct db *db, struct arena *a, const struct principal *by, const char *email,
                 struct token_row **rows, int *n);

/* users_case_worker: 0 and *email when user id is an active case worker of kommune (see
 * users_case_workers); ERR_NOTFOUND when it is not (no such account, inactive, another
 * municipality, or a role that may not see personal data), ERR_DB. */
int users_case_worker(struct db *db, struct arena *a, const char *kommune, int64_t id,
                      const char **email);

/* users_tokens_of: the API tokens of account id, newest first, for a caller who may manage it
 * (as users_get). 0, ERR_NOTFOUND or ERR_DB. */
int users_tokens_of(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                    struct token_row **rows, int *n);
/* users_token_revoke: revokes the live token token_id of account id, for a caller who may
 * manage the account; audited. 0, ERR_NOTFOUND (no such live token of that account, or an
 * account the caller may not see) or ERR_DB. */
int users_token_revoke(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                       int64_t token_id);

#endif
