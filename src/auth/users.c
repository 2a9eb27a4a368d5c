/*
 * users.c — user accounts: validation and who may manage whom. Layer: capability domain (auth).
 */
#include "users.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../kommune/kommune.h"
#include "../store/db.h"
#include "access.h"
#include "audit.h"
#include "auth.h"
#include "auth_store.h"

const struct principal users_cli = {
	.id = 0, .email = "kommandolinje", .name = "Kommandolinje", .role = ROLE_ADMIN,
};

int users_kommune_name(struct db *db, struct arena *a, const char *code, const char **navn)
{
	struct kommune k;
	int rc = kommune_get(db, a, code, &k);
	if (rc == 0 && navn)
		*navn = k.navn;
	return rc;
}

/* validate the fields shared by create and update; role and kommune resolved */
static void check_role_kommune(struct db *db, struct arena *a, const char *role_s,
                               const char *kommune, struct errs *errs, enum role *role)
{
	if (role_parse(role_s, role) != 0) {
		errs_add(errs, "role", "Vælg en rolle.");
		return;
	}
	if (*role == ROLE_ADMIN) {
		if (kommune)
			errs_add(errs, "kommune", "En national administrator hører ikke til en kommune.");
		return;
	}
	if (!kommune)
		errs_add(errs, "kommune", "Vælg en kommune.");
	else if (!text_is_digits(kommune, 3) || users_kommune_name(db, a, kommune, NULL) != 0)
		errs_add(errs, "kommune", "Ukendt kommunekode: brug en af de 98 kommuners tre cifre.");
}

static const char *blank_null(struct arena *a, const char *s)
{
	char *t = text_trim(a, s);
	return t && *t ? t : NULL;
}

/* the audit detail of an account: fields[] needs room for 7 */
static size_t user_detail(struct audit_field *f, const struct user_row *u, bool password)
{
	size_t n = 0;
	f[n++] = AUDIT_TEXT("email", u->email);
	f[n++] = AUDIT_TEXT("name", u->name);
	f[n++] = AUDIT_TEXT("role", u->role);
	f[n++] = AUDIT_TEXT("kommune", u->kommune);
	f[n++] = AUDIT_BOOL("active", u->active);
	if (u->enterprise_id)
		f[n++] = AUDIT_INT("enterprise_id", u->enterprise_id);
	if (password)
		f[n++] = AUDIT_BOOL("password_changed", true);
	return n;
}

int users_create(struct db *db, struct arena *a, const struct principal *by,
                 const struct user_input *in, struct errs *errs, int64_t *id)
{
	struct user_row u = {0};
	const char *email = blank_null(a, in->email);
	const char *kommune = blank_null(a, in->kommune);
	const char *name = blank_null(a, in->name);
	enum role role = 0;
	if (!email || !text_email_valid(email) || !utf8_valid(email, strlen(email)))
		errs_add(errs, "email", "Skriv en gyldig e-mailadresse, fx navn@kommune.dk.");
	if (name && utf8_len(name) > 200)
		errs_add(errs, "name", "Navnet må højst være på 200 tegn.");
	check_role_kommune(db, a, in->role, kommune, errs, &role);
	const char *why = auth_password_policy(in->password);
	if (why)
		errs_add(errs, "password", why);
	if (errs->n)
		return ERR_INVALID;
	if (!access_may_grant(by, (int)role, kommune))
		return ERR_FORBIDDEN;
	char hash[AUTH_HASH_MAX];
	if (auth_password_hash(in->password, hash) != 0)
		return ERR_NOMEM;
	u.email = text_lower_ascii(a, email);
	u.name = name ? name : "";
	u.role = role_name(role);
	u.kommune = kommune;
	u.password_hash = hash;
	u.active = in->active != 0;
	u.enterprise_id = role == ROLE_VIRKSOMHED && in->enterprise_id > 0 ? in->enterprise_id : 0;
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	int rc = auth_store_user_insert(db, &u, id);
	if (rc == ERR_CONFLICT) {
		db_rollback(db);
		/* the unique e-mail, or an enterprise id that does not exist */
		struct user_row other;
		if (auth_store_user_by_email(db, a, u.email, &other) == 0) {
			errs_add(errs, "email", "Der findes allerede en bruger med denne e-mailadresse.");
			return ERR_CONFLICT;
		}
		return errs_add(errs, "enterprise_id", "Virksomheden findes ikke i registret.");
	}
	if (rc == 0) {
		struct audit_field f[7];
		rc = audit_record(db, by, "create", "user", arena_printf(a, "%lld", (long long)*id),
		                  kommune, f, user_detail(f, &u, false));
	}
	return db_write_end(db, rc);
}

int users_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
              struct user_row *out)
{
	int rc = auth_store_user_by_id(db, a, id, out);
	if (rc)
		return rc;
	/* another municipality's account is "not found", not "forbidden": no probing for ids */
	if (access_allowed(by, out->role && strcmp(out->role, "admin") == 0 ? ACC_NATIONAL
	                                                                     : ACC_MANAGE_USERS,
	                   out->kommune) != 0)
		return ERR_NOTFOUND;
	return 0;
}

int users_update(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                 const struct user_input *in, struct errs *errs)
{
	struct user_row old, u;
	int rc = users_get(db, a, by, id, &old);
	if (rc)
		return rc;
	u = old;
	if (in->name) {
		const char *name = blank_null(a, in->name);
		if (name && utf8_len(name) > 200)
			errs_add(errs, "name", "Navnet må højst være på 200 tegn.");
		u.name = name ? name : "";
	}
	enum role role = 0;
	if (in->role) {
		check_role_kommune(db, a, in->role, old.kommune, errs, &role);
		u.role = role_name(role);
	} else {
		role_parse(old.role, &role);
	}
	if (in->active >= 0)
		u.active = in->active != 0;
	if (in->enterprise_id >= 0)
		u.enterprise_id = in->enterprise_id;
	if (role != ROLE_VIRKSOMHED)
		u.enterprise_id = 0;
	bool password = in->password && *in->password;
	const char *why = password ? auth_password_policy(in->password) : NULL;
	if (why)
		errs_add(errs, "password", why);
	if (id == by->id && (!u.active || strcmp(u.role, old.role) != 0))
		errs_add(errs, u.active ? "role" : "active",
		         "Du kan ikke deaktivere eller ændre rollen på din egen konto.");
	if (errs->n)
		return ERR_INVALID;
	if (!access_may_grant(by, (int)role, old.kommune))
		return ERR_FORBIDDEN;
	char hash[AUTH_HASH_MAX];
	if (password && auth_password_hash(in->password, hash) != 0)
		return ERR_NOMEM;
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = auth_store_user_update(db, &u);
	if (rc == ERR_CONFLICT) {
		db_rollback(db);
		return errs_add(errs, "enterprise_id", "Virksomheden findes ikke i registret.");
	}
	if (rc == 0 && password)
		rc = auth_store_user_set_password(db, id, hash);
	/* a new password or a closed account ends every way in: sessions and API tokens */
	int revoked = 0;
	if (rc == 0 && (!u.active || password))
		rc = auth_store_sessions_delete_user(db, id);
	if (rc == 0 && (!u.active || password))
		rc = auth_store_tokens_revoke_user(db, id, &revoked);
	if (rc == 0) {
		struct audit_field f[8];
		size_t nf = user_detail(f, &u, password);
		if (revoked)
			f[nf++] = AUDIT_INT("tokens_revoked", revoked);
		rc = audit_record(db, by, "update", "user", arena_printf(a, "%lld", (long long)id),
		                  old.kommune, f, nf);
	}
	return db_write_end(db, rc);
}

int users_list(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
               int limit, int offset, struct user_row **rows, int *n, int *total)
{
	if (kommune ? access_allowed(by, ACC_MANAGE_USERS, kommune) != 0
	            : access_allowed(by, ACC_NATIONAL, NULL) != 0)
		return ERR_FORBIDDEN;
	return auth_store_users_list(db, a, kommune, limit, offset, rows, n, total);
}

/* the account u, active, may be given kommune's cases */
static bool is_case_worker(const struct user_row *u, const char *kommune)
{
	enum role role;
	if (!u->active || role_parse(u->role, &role) != 0)
		return false;
	struct principal p = {.id = u->id, .email = u->email, .role = role, .kommune = u->kommune};
	return access_case_worker(&p, kommune) == 0;
}

int users_case_workers(struct db *db, struct arena *a, const struct principal *by,
                     const char *kommune, struct user_row **rows, int *n)
{
	if (!kommune || access_allowed(by, ACC_READ, kommune) != 0)
		return ERR_FORBIDDEN;
	struct user_row *out = NULL;
	size_t count = 0, cap = 0;
	const int page = 500;
	for (int offset = 0, total = 1; offset < total; offset += page) {
		struct user_row *batch;
		int nb;
		int rc = auth_store_users_list(db, a, kommune, page, offset, &batch, &nb, &total);
		if (rc)
			return rc;
		for (int i = 0; i < nb; i++)
			if (is_case_worker(&batch[i], kommune))
				*ARENA_PUSH(a, out, count, cap) = batch[i];
		if (nb == 0)
			break;
	}
	*rows = out;
	*n = (int)count;
	return 0;
}

int users_coordinators(struct db *db, struct arena *a, const char *kommune, const char ***emails,
                       int *n)
{
	const char **out = NULL;
	size_t count = 0, cap = 0;
	const int page = 500;
	for (int offset = 0, total = 1; kommune && offset < total; offset += page) {
		struct user_row *batch;
		int nb;
		int rc = auth_store_users_list(db, a, kommune, page, offset, &batch, &nb, &total);
		if (rc)
			return rc;
		for (int i = 0; i < nb; i++) {
			enum role role;
			if (!batch[i].active || role_parse(batch[i].role, &role) != 0)
				continue;
			struct principal p = {.id = batch[i].id, .email = batch[i].email, .role = role,
			                      .kommune = batch[i].kommune};
			if (access_allowed(&p, ACC_WRITE, kommune) == 0)
				*ARENA_PUSH(a, out, count, cap) = batch[i].email;
		}
		if (nb == 0)
			break;
	}
	*emails = out;
	*n = (int)count;
	return 0;
}

int users_by_email(struct db *db, struct arena *a, const struct principal *by, const char *email,
                   struct user_row *out)
{
	struct user_row u;
	int rc = auth_store_user_by_email(db, a, text_lower_ascii(a, email ? email : ""), &u);
	if (rc)
		return rc;
	return users_get(db, a, by, u.id, out);
}

int users_tokens(struct db *db, struct arena *a, const struct principal *by, const char *email,
                 struct token_row **rows, int *n)
{
	if (!access_national(by))
		return ERR_FORBIDDEN;
	return auth_store_tokens_list(db, a, email ? text_lower_ascii(a, email) : NULL, rows, n);
}

int users_case_worker(struct db *db, struct arena *a, const char *kommune, int64_t id,
                      const char **email)
{
	struct user_row u;
	int rc = auth_store_user_by_id(db, a, id, &u);
	if (rc)
		return rc;
	if (!is_case_worker(&u, kommune))
		return ERR_NOTFOUND;
	*email = u.email;
	return 0;
}

int users_tokens_of(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                    struct token_row **rows, int *n)
{
	struct user_row u;
	int rc = users_get(db, a, by, id, &u);
	if (rc)
		return rc;
	return auth_store_tokens_list(db, a, u.email, rows, n);
}

int users_token_revoke(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                       int64_t token_id)
{
	struct user_row u;
	int rc = users_get(db, a, by, id, &u);
	if (rc)
		return rc;
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	int64_t owner = 0;
	rc = auth_store_token_revoke(db, token_id, &owner);
	/* only a live token of this very account: anything else is "not found" */
	if (rc == 0 && owner != id)
		rc = ERR_NOTFOUND;
	if (rc == 0)
		rc = audit_record(db, by, "revoke", "api_token", arena_printf(a, "%lld", (long long)token_id),
		                  u.kommune, AUDIT_DETAIL(AUDIT_TEXT("user", u.email)));
	return db_write_end(db, rc);
}
