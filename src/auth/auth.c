/*
 * auth.c — roles, Argon2id passwords, session and token secrets, sign-in with throttling.
 * Layer: capability domain (auth). Secrets come from libsodium; the store keeps only hashes.
 */
#include "auth.h"

#include <pthread.h>
#include <semaphore.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../base/text.h"
#include "../store/db.h"
#include "audit.h"
#include "auth_store.h"

/* ---------------------------------------------------------------- roles */

static const struct {
	enum role role;
	const char *name, *label;
} roles[] = {
	{ROLE_ADMIN, "admin", "National administrator"},
	{ROLE_KONSULENT, "konsulent", "Konsulent"},
	{ROLE_JOBKONSULENT, "jobkonsulent", "Jobkonsulent"},
	{ROLE_INDKOEBER, "indkoeber", "Indkøber"},
	{ROLE_VIRKSOMHED, "virksomhed", "Virksomhed"},
};

const char *role_name(enum role role)
{
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (roles[i].role == role)
			return roles[i].name;
	return "?";
}

const char *role_label(enum role role)
{
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (roles[i].role == role)
			return roles[i].label;
	return "?";
}

int role_parse(const char *name, enum role *out)
{
	for (size_t i = 0; name && i < sizeof(roles) / sizeof(roles[0]); i++) {
		if (strcmp(roles[i].name, name) == 0) {
			*out = roles[i].role;
			return 0;
		}
	}
	return ERR_INVALID;
}

/* ---------------------------------------------------------------- passwords */

/* Argon2id at libsodium's interactive cost takes ~70 ms and 64 MiB: cap how many run at once
 * so a burst of sign-ins cannot take every core and the memory with it. */
static sem_t hash_slots;
static pthread_once_t hash_once = PTHREAD_ONCE_INIT;

static void hash_init(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	if (n > 4)
		n = 4;
	sem_init(&hash_slots, 0, (unsigned)n);
	if (sodium_init() < 0)
		log_error("auth: libsodium failed to initialize");
}

const char *auth_password_policy(const char *pw)
{
	if (!pw || utf8_len(pw) < AUTH_PASSWORD_MIN)
		return "Adgangskoden skal være på mindst 10 tegn.";
	if (strlen(pw) > AUTH_PASSWORD_MAX_BYTES || utf8_len(pw) > AUTH_PASSWORD_MAX)
		return "Adgangskoden må højst være på 128 tegn.";
	return NULL;
}

int auth_password_hash(const char *pw, char out[AUTH_HASH_MAX])
{
	pthread_once(&hash_once, hash_init);
	char tmp[crypto_pwhash_STRBYTES];
	_Static_assert(crypto_pwhash_STRBYTES <= AUTH_HASH_MAX, "hash buffer too small");
	sem_wait(&hash_slots);
	int rc = crypto_pwhash_str_alg(tmp, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                               crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13);
	sem_post(&hash_slots);
	if (rc != 0)
		return ERR_NOMEM;
	memcpy(out, tmp, sizeof(tmp));
	return 0;
}

int auth_password_verify(const char *hash, const char *pw)
{
	pthread_once(&hash_once, hash_init);
	if (!hash || !pw || strlen(pw) > AUTH_PASSWORD_MAX_BYTES || utf8_len(pw) > AUTH_PASSWORD_MAX)
		return ERR_AUTH;
	sem_wait(&hash_slots);
	int rc = crypto_pwhash_str_verify(hash, pw, strlen(pw));
	sem_post(&hash_slots);
	return rc == 0 ? 0 : ERR_AUTH;
}

/* ---------------------------------------------------------------- secrets */

void auth_random_secret(char out[AUTH_SECRET_LEN + 1])
{
	pthread_once(&hash_once, hash_init);
	unsigned char raw[32];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, AUTH_SECRET_LEN + 1, raw, sizeof(raw),
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

char *auth_secret_hash(struct arena *a, const char *secret)
{
	pthread_once(&hash_once, hash_init);
	unsigned char h[32];
	crypto_generichash(h, sizeof(h), (const unsigned char *)secret, strlen(secret), NULL, 0);
	char *hex = arena_alloc(a, 65);
	sodium_bin2hex(hex, 65, h, sizeof(h));
	return hex;
}

bool auth_equal(const char *x, const char *y)
{
	if (!x || !y)
		return false;
	size_t n = strlen(x);
	if (n != strlen(y))
		return false;
	return sodium_memcmp(x, y, n) == 0;
}

/* ---------------------------------------------------------------- throttling */

#define THROTTLE_SLOTS 4096

struct throttle_slot {
	unsigned char key[16]; /* hash of kind and key, so no address or e-mail sits in memory */
	time_t first;
	int count;
};

static struct throttle_slot throttle[THROTTLE_SLOTS];
static pthread_mutex_t throttle_lock = PTHREAD_MUTEX_INITIALIZER;

static struct throttle_slot *throttle_find(const char *kind, const char *key, bool create)
{
	unsigned char h[16];
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)kind, strlen(kind) + 1);
	crypto_generichash_update(&st, (const unsigned char *)key, strlen(key));
	crypto_generichash_final(&st, h, sizeof(h));
	size_t start = ((size_t)h[0] << 8 | h[1]) % THROTTLE_SLOTS;
	time_t now = time(NULL);
	struct throttle_slot *stale = NULL;
	for (size_t i = 0; i < 16; i++) {
		struct throttle_slot *s = &throttle[(start + i) % THROTTLE_SLOTS];
		if (s->count && memcmp(s->key, h, sizeof(h)) == 0) {
			if (now - s->first >= AUTH_FAIL_WINDOW) {
				s->count = 0;
				s->first = now;
			}
			return s;
		}
		if (!stale && (s->count == 0 || now - s->first >= AUTH_FAIL_WINDOW))
			stale = s;
	}
	if (!create)
		return NULL;
	if (!stale) /* all 16 probes are live: reuse the oldest */
		stale = &throttle[start];
	memcpy(stale->key, h, sizeof(h));
	stale->first = now;
	stale->count = 0;
	return stale;
}

bool auth_throttled(const char *kind, const char *key, int max)
{
	pthread_once(&hash_once, hash_init);
	pthread_mutex_lock(&throttle_lock);
	struct throttle_slot *s = throttle_find(kind, key ? key : "", false);
	bool r = s && s->count >= max;
	pthread_mutex_unlock(&throttle_lock);
	return r;
}

void auth_throttle_fail(const char *kind, const char *key)
{
	pthread_once(&hash_once, hash_init);
	pthread_mutex_lock(&throttle_lock);
	struct throttle_slot *s = throttle_find(kind, key ? key : "", true);
	s->count++;
	pthread_mutex_unlock(&throttle_lock);
}

void auth_throttle_clear(const char *kind, const char *key)
{
	pthread_once(&hash_once, hash_init);
	pthread_mutex_lock(&throttle_lock);
	struct throttle_slot *s = throttle_find(kind, key ? key : "", false);
	if (s)
		s->count = 0;
	pthread_mutex_unlock(&throttle_lock);
}

/* ---------------------------------------------------------------- principals */

static struct principal *principal_from(struct arena *a, const struct user_row *u, bool token)
{
	struct principal *p = arena_alloc(a, sizeof(*p));
	enum role role = ROLE_VIRKSOMHED;
	role_parse(u->role, &role);
	p->id = u->id;
	p->email = u->email;
	p->name = u->name;
	p->role = role;
	p->kommune = u->kommune;
	p->kommune_navn = u->kommune_navn;
	p->via_token = token;
	p->enterprise_id = u->enterprise_id;
	return p;
}

/* ---------------------------------------------------------------- sessions */

/* a dummy hash to verify against for unknown e-mails, so both answers take as long */
static char dummy[AUTH_HASH_MAX];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_make(void)
{
	auth_password_hash("indgang-dummy-password", dummy);
}

static const char *dummy_hash(void)
{
	pthread_once(&dummy_once, dummy_make);
	return dummy;
}

int auth_login(struct db *db, struct arena *a, const char *email, const char *password,
               const char *ip, char **cookie)
{
	if (auth_throttled("ip", ip, AUTH_FAIL_IP) || auth_throttled("account", email, AUTH_FAIL_ACCOUNT))
		return ERR_BUSY;
	struct user_row u;
	int rc = auth_store_user_by_email(db, a, email, &u);
	if (rc == ERR_DB)
		return rc;
	bool ok = rc == 0 && u.active;
	if (auth_password_verify(ok ? u.password_hash : dummy_hash(), password) != 0)
		ok = false;
	if (!ok) {
		auth_throttle_fail("ip", ip);
		auth_throttle_fail("account", email);
		if (rc == 0 && db_write_begin(db) == 0) {
			struct principal *p = principal_from(a, &u, false);
			if (audit_record(db, p, "login_failed", "user", arena_printf(a, "%lld", (long long)u.id),
			                 u.kommune, AUDIT_NONE) == 0)
				db_commit(db);
			else
				db_rollback(db);
		}
		return ERR_AUTH;
	}
	auth_throttle_clear("account", email);
	char secret[AUTH_SECRET_LEN + 1], csrf[AUTH_SECRET_LEN + 1];
	auth_random_secret(secret);
	auth_random_secret(csrf);
	if (db_write_begin(db) != 0)
		return ERR_DB;
	struct principal *p = principal_from(a, &u, false);
	int64_t now = (int64_t)time(NULL);
	/* sign-in is rare enough to sweep expired sessions of everyone here */
	if (auth_store_sessions_purge(db, now - AUTH_SESSION_IDLE, now - AUTH_SESSION_MAX) ||
	    auth_store_session_insert(db, auth_secret_hash(a, secret), u.id, csrf, now) ||
	    audit_record(db, p, "login", "user", arena_printf(a, "%lld", (long long)u.id), u.kommune,
	                 AUDIT_NONE)) {
		db_rollback(db);
		return ERR_DB;
	}
	if (db_commit(db) != 0)
		return ERR_DB;
	*cookie = arena_strdup(a, secret);
	return 0;
}

int auth_session(struct db *db, struct arena *a, const char *cookie, struct principal **who,
                 const char **csrf)
{
	if (!cookie || strlen(cookie) != AUTH_SECRET_LEN)
		return ERR_AUTH;
	const char *h = auth_secret_hash(a, cookie);
	struct user_row u;
	int64_t created, last_seen;
	int rc = auth_store_session_get(db, a, h, &u, csrf, &created, &last_seen);
	if (rc == ERR_NOTFOUND)
		return ERR_AUTH;
	if (rc)
		return rc;
	int64_t now = (int64_t)time(NULL);
	if (now - last_seen > AUTH_SESSION_IDLE || now - created > AUTH_SESSION_MAX) {
		if (db_write_begin(db) == 0) {
			if (auth_store_session_delete(db, h) == 0)
				db_commit(db);
			else
				db_rollback(db);
		}
		return ERR_AUTH;
	}
	/* refresh at most once a minute: most requests stay read-only */
	if (now - last_seen >= 60 && db_write_begin(db) == 0) {
		if (auth_store_session_touch(db, h, now) == 0)
			db_commit(db);
		else
			db_rollback(db);
	}
	*who = principal_from(a, &u, false);
	return 0;
}

int auth_logout(struct db *db, struct arena *a, const char *cookie)
{
	if (!cookie || strlen(cookie) != AUTH_SECRET_LEN)
		return 0;
	struct principal *who = NULL;
	const char *csrf;
	if (auth_session(db, a, cookie, &who, &csrf) != 0)
		return 0;
	if (db_write_begin(db) != 0)
		return ERR_DB;
	if (auth_store_session_delete(db, auth_secret_hash(a, cookie)) ||
	    audit_record(db, who, "logout", "user", arena_printf(a, "%lld", (long long)who->id),
	                 who->kommune, AUDIT_NONE)) {
		db_rollback(db);
		return ERR_DB;
	}
	return db_commit(db);
}

/* ---------------------------------------------------------------- API tokens */

int auth_token_create(struct db *db, struct arena *a, const struct principal *by,
                      const char *email, const char *label, char **token, int64_t *id)
{
	char secret[AUTH_SECRET_LEN + 1];
	auth_random_secret(secret);
	char *t = arena_printf(a, AUTH_TOKEN_PREFIX "%s", secret);
	if (db_write_begin(db) != 0)
		return ERR_DB;
	struct user_row u;
	int rc = auth_store_user_by_email(db, a, email, &u);
	if (rc == 0 && !u.active)
		rc = ERR_NOTFOUND;
	if (rc == 0)
		rc = auth_store_token_insert(db, u.id, auth_secret_hash(a, t), label ? label : "", id);
	if (rc == 0)
		rc = audit_record(db, by, "create", "api_token", arena_printf(a, "%lld", (long long)*id),
		                  u.kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("user", u.email), AUDIT_TEXT("label", label ? label : "")));
	if (rc) {
		db_rollback(db);
		return rc;
	}
	if (db_commit(db) != 0)
		return ERR_DB;
	*token = t;
	return 0;
}

int auth_token(struct db *db, struct arena *a, const char *token, struct principal **who)
{
	size_t plen = strlen(AUTH_TOKEN_PREFIX);
	if (!token || strlen(token) != plen + AUTH_SECRET_LEN || strncmp(token, AUTH_TOKEN_PREFIX, plen))
		return ERR_AUTH;
	struct user_row u;
	int rc = auth_store_token_user(db, a, auth_secret_hash(a, token), &u);
	if (rc == ERR_NOTFOUND)
		return ERR_AUTH;
	if (rc)
		return rc;
	*who = principal_from(a, &u, true);
	return 0;
}

int auth_token_revoke(struct db *db, const struct principal *by, int64_t id)
{
	if (db_write_begin(db) != 0)
		return ERR_DB;
	int64_t uid = 0;
	int rc = auth_store_token_revoke(db, id, &uid);
	char eid[24];
	snprintf(eid, sizeof(eid), "%lld", (long long)id);
	if (rc == 0)
		rc = audit_record(db, by, "revoke", "api_token", eid, NULL, AUDIT_NONE);
	return db_write_end(db, rc);
}
