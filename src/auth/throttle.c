/*
 * throttle.c — sign-in throttling with growing delays per address, account and pair, kept in
 * the login_throttle table. Layer: capability domain (auth); SQL only through auth_store.h.
 * The keys are hashed (BLAKE2b) so the table holds no e-mail or address as text.
 */
#include "throttle.h"

#include <stdbool.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"
#include "auth.h"
#include "auth_store.h"

enum { K_ADDRESS, K_ACCOUNT, K_PAIR, K_N };

static const struct {
	const char *kind;
	int free, base, cap;
} policy[K_N] = {
	[K_ADDRESS] = {"address", THROTTLE_ADDRESS_FREE, THROTTLE_ADDRESS_BASE, THROTTLE_ADDRESS_CAP},
	[K_ACCOUNT] = {"account", THROTTLE_ACCOUNT_FREE, THROTTLE_ACCOUNT_BASE, THROTTLE_ACCOUNT_CAP},
	[K_PAIR] = {"pair", THROTTLE_PAIR_FREE, THROTTLE_PAIR_BASE, THROTTLE_PAIR_CAP},
};

/* the rows of one attempt, read inside or outside a transaction */
struct attempt {
	const char *key[K_N];
	struct throttle_row row[K_N];
};

int64_t throttle_delay(int64_t failures, int free, int base, int cap)
{
	if (failures <= free)
		return 0;
	int64_t n = failures - free - 1;
	int64_t d = n >= 20 ? cap : (int64_t)base << n;
	return d < cap ? d : cap;
}

/* failures left after the forgiving of the time since the last one */
static int64_t decayed(const struct throttle_row *r, int64_t now)
{
	int64_t gone = now > r->last_failure ? (now - r->last_failure) / THROTTLE_DECAY : 0;
	return r->failures > gone ? r->failures - gone : 0;
}

static int attempt_read(struct db *db, struct arena *a, const char *email, const char *ip,
                        struct attempt *at)
{
	email = email ? email : "";
	ip = ip ? ip : "";
	at->key[K_ADDRESS] = auth_secret_hash(a, ip);
	at->key[K_ACCOUNT] = auth_secret_hash(a, email);
	at->key[K_PAIR] = auth_secret_hash(a, arena_printf(a, "%s\n%s", email, ip));
	for (int k = 0; k < K_N; k++) {
		int rc = auth_store_throttle_get(db, policy[k].kind, at->key[k], &at->row[k]);
		if (rc == ERR_NOTFOUND)
			memset(&at->row[k], 0, sizeof(at->row[k]));
		else if (rc)
			return rc;
	}
	return 0;
}

/* the seconds this attempt has to wait, 0 when it may run; the account's delay does not apply
 * to an address the owner signed in from lately */
static int64_t attempt_wait(const struct attempt *at, int64_t now)
{
	bool known = at->row[K_PAIR].known_at > now - THROTTLE_KNOWN;
	int64_t wait = 0;
	for (int k = 0; k < K_N; k++) {
		if (k == K_ACCOUNT && known)
			continue;
		int64_t w = at->row[k].next_allowed - now;
		if (w > wait)
			wait = w;
	}
	return wait;
}

static int row_put(struct db *db, int k, const char *key, const struct throttle_row *r)
{
	int64_t forget = r->last_failure + r->failures * THROTTLE_DECAY;
	if (r->next_allowed > forget)
		forget = r->next_allowed;
	if (r->known_at && r->known_at + THROTTLE_KNOWN > forget)
		forget = r->known_at + THROTTLE_KNOWN;
	return auth_store_throttle_put(db, policy[k].kind, key, r, forget);
}

int throttle_check(struct db *db, struct arena *a, const char *email, const char *ip, int64_t now,
                   int *wait)
{
	struct attempt at;
	int rc = attempt_read(db, a, email, ip, &at);
	if (rc)
		return rc;
	int64_t w = attempt_wait(&at, now);
	if (w > 0) {
		*wait = (int)w;
		return ERR_BUSY;
	}
	return 0;
}

int throttle_reserve(struct db *db, struct arena *a, const char *email, const char *ip,
                     int64_t now, int *wait)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct attempt at;
	rc = attempt_read(db, a, email, ip, &at);
	if (rc)
		goto done;
	int64_t w = attempt_wait(&at, now);
	if (w > 0) {
		*wait = (int)w;
		rc = ERR_BUSY;
		goto done;
	}
	for (int k = 0; k < K_N && rc == 0; k++) {
		struct throttle_row *r = &at.row[k];
		r->failures = decayed(r, now) + 1;
		r->last_failure = now;
		r->next_allowed = now + throttle_delay(r->failures, policy[k].free, policy[k].base,
		                                       policy[k].cap);
		rc = row_put(db, k, at.key[k], r);
	}
	/* rows are forgotten as they age, so the table stays as small as the recent failures */
	if (rc == 0)
		rc = auth_store_throttle_purge(db, now);
done:
	if (rc == ERR_BUSY) {
		db_rollback(db);
		return rc;
	}
	return db_write_end(db, rc);
}

int throttle_success(struct db *db, struct arena *a, const char *email, const char *ip,
                     int64_t now)
{
	struct attempt at;
	int rc = attempt_read(db, a, email, ip, &at);
	for (int k = 0; k < K_N && rc == 0; k++) {
		struct throttle_row *r = &at.row[k];
		if (k == K_PAIR) {
			memset(r, 0, sizeof(*r));
			r->known_at = now;
		} else {
			/* take back the failure the attempt reserved; the others stand */
			r->failures = r->failures > 0 ? r->failures - 1 : 0;
			int64_t d = throttle_delay(decayed(r, now), policy[k].free, policy[k].base,
			                           policy[k].cap);
			if (d == 0)
				r->next_allowed = 0;
			else if (r->next_allowed > now + d)
				r->next_allowed = now + d;
		}
		rc = row_put(db, k, at.key[k], r);
	}
	return rc;
}
