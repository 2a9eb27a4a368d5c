/*
 * auth.c — roles, Argon2id passwords on bounded hashing slots, session and token secrets,
 * sign-in with throttling (throttle.c).
 * Layer: capability domain (auth). Secrets come from libsodium; the store keeps only hashes.
 */
#include "auth.h"

#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
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
#include "throttle.h"

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

/* Argon2id's cost: OWASP's Password Storage Cheat Sheet's first configuration, 19 MiB of
 * memory, 2 passes, one lane. libsodium's "interactive" limits (64 MiB, 2 passes) held 64 MiB
 * per check, three times the server's whole working set, and gave a flood of sign-ins that
 * much to make the server allocate; OWASP counts the two as equally strong against cracking
 * on the same hardware. A hash made with other limits still verifies (the limits are in its
 * string) and is made anew with these at its owner's next sign-in (auth_login). */
#define PW_OPSLIMIT 2ULL
#define PW_MEMLIMIT ((size_t)19 << 20)

/* Argon2id at that cost takes ~40 ms of a core and 19 MiB. A sign-in may
 * not make a request thread wait long for it: at most hash_parallel verifications run at once,
 * at most hash_queue more wait (for AUTH_HASH_WAIT_MS at the most), and any other is refused
 * at once with ERR_UNAVAILABLE, so the request threads beyond those stay free for everything
 * else. auth_hash_limit() sizes both from the server's thread count. */
static sem_t hash_slots;
static pthread_once_t hash_once = PTHREAD_ONCE_INIT;
static unsigned hash_parallel, hash_queue;
static bool hash_configured;
static atomic_uint hash_admitted; /* running or waiting */

static unsigned hash_default_parallel(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN) / 2;
	return n < 1 ? 1 : n > 4 ? 4 : (unsigned)n;
}

static void hash_init(void)
{
	if (sodium_init() < 0)
		log_error("auth: libsodium failed to initialize");
	if (!hash_configured)
		hash_parallel = hash_queue = hash_default_parallel();
	sem_init(&hash_slots, 0, hash_parallel);
}

void auth_hash_limit(unsigned threads)
{
	unsigned p = hash_default_parallel();
	if (p > threads / 2)
		p = threads / 2 ? threads / 2 : 1;
	unsigned q = threads > 2 * p ? p : 0;
	if (q > threads - 2 * p)
		q = threads - 2 * p;
	hash_parallel = p;
	hash_queue = q;
	hash_configured = true;
	pthread_once(&hash_once, hash_init);
	/* The dummy hash (an Argon2id run over 19 MiB) is not made here: made at start, even in a
	 * thread of its own, it held the server's first answer back by 150 ms (its page faults
	 * contend with the starting threads) and put its memory on the start's peak. The first
	 * sign-in makes it (auth_login), whether its account is known or not, so that first one
	 * costs the same either way and every later one one Argon2id run. */
}

/* a slot to hash in: 0, or ERR_UNAVAILABLE when the queue is full or the wait too long */
static int hash_take(void)
{
	pthread_once(&hash_once, hash_init);
	if (atomic_fetch_add(&hash_admitted, 1) >= hash_parallel + hash_queue) {
		atomic_fetch_sub(&hash_admitted, 1);
		return ERR_UNAVAILABLE;
	}
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_nsec += AUTH_HASH_WAIT_MS * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	while (sem_timedwait(&hash_slots, &until) != 0) {
		if (errno != EINTR) {
			atomic_fetch_sub(&hash_admitted, 1);
			return ERR_UNAVAILABLE;
		}
	}
	return 0;
}

static void hash_give(void)
{
	sem_post(&hash_slots);
	atomic_fetch_sub(&hash_admitted, 1);
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
	/* setting a password is rare and done by signed-in people: it waits for a slot */
	atomic_fetch_add(&hash_admitted, 1);
	sem_wait(&hash_slots);
	int rc = crypto_pwhash_str_alg(tmp, pw, strlen(pw), PW_OPSLIMIT, PW_MEMLIMIT,
	                               crypto_pwhash_ALG_ARGON2ID13);
	hash_give();
	if (rc != 0)
		return ERR_NOMEM;
	memcpy(out, tmp, sizeof(tmp));
	return 0;
}

/* the verification itself, in a slot the caller holds */
static int verify_in_slot(const char *hash, const char *pw)
{
	pthread_once(&hash_once, hash_init);
	if (!hash || !pw || strlen(pw) > AUTH_PASSWORD_MAX_BYTES || utf8_len(pw) > AUTH_PASSWORD_MAX)
		return ERR_AUTH;
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0 ? 0 : ERR_AUTH;
}

int auth_password_verify(const char *hash, const char *pw)
{
	int rc = hash_take();
	if (rc)
		return rc;
	rc = verify_in_slot(hash, pw);
	hash_give();
	return rc;
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

/* a dummy hash to verify against for unknown or inactive accounts, so that every answer costs
 * one Argon2id verification and takes as long; made once, by the first sign-in */
static char dummy[AUTH_HASH_MAX];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_make(void)
{
	pthread_once(&hash_once, hash_init);
	_Static_assert(crypto_pwhash_STRBYTES <= AUTH_HASH_MAX, "hash buffer too small");
	if (crypto_pwhash_str_alg(dummy, "indgang-dummy-password", strlen("indgang-dummy-password"),
	                          PW_OPSLIMIT, PW_MEMLIMIT, crypto_pwhash_ALG_ARGON2ID13) != 0)
		log_error("auth: the dummy password hash could not be made");
}

void auth_dummy_hash_warm(void)
{
	pthread_once(&dummy_once, dummy_make);
}

/* the failed sign-in of a known account goes into the audit log */
static void login_failed_audit(struct db *db, struct arena *a, const struct user_row *u)
{
	if (db_write_begin(db) != 0)
		return;
	struct principal *p = principal_from(a, u, false);
	if (audit_record(db, p, "login_failed", "user", arena_printf(a, "%lld", (long long)u->id),
	                 u->kommune, AUDIT_NONE) == 0)
		db_commit(db);
	else
		db_rollback(db);
}

int auth_login(struct db *db, struct arena *a, const char *email, const char *password,
               const char *ip, char **cookie, int *wait)
{
	int64_t now = (int64_t)time(NULL);
	int w = 0;
	/* a cheap read first: a throttled attempt takes no hashing slot and writes nothing */
	int rc = throttle_check(db, a, email, ip, now, &w);
	if (rc == 0) {
		auth_dummy_hash_warm();
		rc = hash_take();
		if (rc == ERR_UNAVAILABLE)
			w = AUTH_HASH_RETRY;
	}
	if (rc)
		goto done;
	/* then check and count in one transaction, so concurrent attempts cannot all pass */
	rc = throttle_reserve(db, a, email, ip, now, &w);
	struct user_row u;
	int found = ERR_NOTFOUND;
	bool ok = false, rehashed = false;
	char rehash[crypto_pwhash_STRBYTES];
	if (rc == 0) {
		found = auth_store_user_by_email(db, a, email, &u);
		ok = found == 0 && u.active;
		if (verify_in_slot(ok ? u.password_hash : dummy, password) != 0)
			ok = false;
		/* a hash made with other limits than today's is made anew while the slot is held,
		 * and stored with the session below */
		if (ok && crypto_pwhash_str_needs_rehash(u.password_hash, PW_OPSLIMIT, PW_MEMLIMIT) != 0)
			rehashed = crypto_pwhash_str_alg(rehash, password, strlen(password), PW_OPSLIMIT,
			                                 PW_MEMLIMIT, crypto_pwhash_ALG_ARGON2ID13) == 0;
	}
	hash_give();
	if (rc)
		goto done;
	if (found == ERR_DB) {
		rc = ERR_DB;
		goto done;
	}
	if (!ok) {
		if (found == 0)
			login_failed_audit(db, a, &u);
		rc = ERR_AUTH;
		goto done;
	}
	char secret[AUTH_SECRET_LEN + 1], csrf[AUTH_SECRET_LEN + 1];
	auth_random_secret(secret);
	auth_random_secret(csrf);
	if ((rc = db_write_begin(db)) != 0)
		goto done;
	struct principal *p = principal_from(a, &u, false);
	now = (int64_t)time(NULL);
	/* sign-in is rare enough to sweep expired sessions of everyone here */
	if (throttle_success(db, a, email, ip, now) ||
	    (rehashed && auth_store_user_set_password(db, u.id, rehash)) ||
	    auth_store_sessions_purge(db, now - AUTH_SESSION_IDLE, now - AUTH_SESSION_MAX) ||
	    auth_store_session_insert(db, auth_secret_hash(a, secret), u.id, csrf, now) ||
	    audit_record(db, p, "login", "user", arena_printf(a, "%lld", (long long)u.id), u.kommune,
	                 AUDIT_NONE)) {
		db_rollback(db);
		rc = ERR_DB;
		goto done;
	}
	if ((rc = db_commit(db)) != 0)
		goto done;
	*cookie = arena_strdup(a, secret);
done:
	if (rc == ERR_BUSY || rc == ERR_UNAVAILABLE)
		*wait = w > 0 ? w : 1;
	return rc;
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
	/* The writes here are housekeeping on a read's path: they take the write lock only if it
	 * is free at once, so a read never waits behind a writer. Left out when busy, the expired
	 * session is refused all the same (and deleted by a later request), and "last seen" is
	 * refreshed by the next request. */
	if (now - last_seen > AUTH_SESSION_IDLE || now - created > AUTH_SESSION_MAX) {
		if (db_write_try(db) == 0) {
			if (auth_store_session_delete(db, h) == 0)
				db_commit(db);
			else
				db_rollback(db);
		}
		return ERR_AUTH;
	}
	/* refresh at most once a minute: most requests stay read-only */
	if (now - last_seen >= 60 && db_write_try(db) == 0) {
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
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
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
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
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
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	int64_t uid = 0;
	int rc = auth_store_token_revoke(db, id, &uid);
	char eid[24];
	snprintf(eid, sizeof(eid), "%lld", (long long)id);
	if (rc == 0)
		rc = audit_record(db, by, "revoke", "api_token", eid, NULL, AUDIT_NONE);
	return db_write_end(db, rc);
}
