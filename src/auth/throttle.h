/*
 * throttle.h — sign-in throttling with growing delays, kept in the database.
 * Layer: capability domain (auth). Knows no HTTP; its SQL is in auth_store.c (login_throttle).
 *
 * Three counts are kept for every attempt: per address, per account and per (account, address)
 * pair. Each failure raises its counts; past a number of free failures the next attempt has to
 * wait, 2^n times a base delay up to a cap, and every AUTH_THROTTLE_DECAY seconds without a
 * failure forgives one. There is no lock: the pair and the address carry the long delays, the
 * account only a mild one, and not at all for an address the owner signed in from lately, so
 * failures from elsewhere cannot keep the owner out.
 */
#ifndef INDGANG_THROTTLE_H
#define INDGANG_THROTTLE_H

#include <stdint.h>

struct arena;
struct db;

#define THROTTLE_DECAY 600           /* seconds that forgive one failure */
#define THROTTLE_KNOWN (90 * 86400)  /* how long a successful address counts as the owner's */
#define THROTTLE_PAIR_FREE 3         /* failures of an account from one address before delays */
#define THROTTLE_PAIR_BASE 5
#define THROTTLE_PAIR_CAP 900
#define THROTTLE_ADDRESS_FREE 20     /* failures from one address, over all accounts */
#define THROTTLE_ADDRESS_BASE 5
#define THROTTLE_ADDRESS_CAP 900
#define THROTTLE_ACCOUNT_FREE 10     /* failures of one account, over all addresses */
#define THROTTLE_ACCOUNT_BASE 1
#define THROTTLE_ACCOUNT_CAP 30

/* throttle_delay: the wait in seconds after the failures-th failure, given free failures, the
 * base delay and the cap: 0 while failures <= free, then base, 2 base, 4 base ... up to cap. */
int64_t throttle_delay(int64_t failures, int free, int base, int cap);

/* throttle_check: whether an attempt for email from ip may run at now, reading only. 0 if so;
 * ERR_BUSY with *wait (seconds, at least 1) if not; ERR_DB. */
int throttle_check(struct db *db, struct arena *a, const char *email, const char *ip, int64_t now,
                   int *wait);
/* throttle_reserve: the same check and, when it passes, counts the attempt as a failure in the
 * same write transaction, so concurrent attempts see each other (throttle_success takes the
 * count back). Opens and ends its own transaction. 0, ERR_BUSY with *wait, or ERR_DB. */
int throttle_reserve(struct db *db, struct arena *a, const char *email, const char *ip,
                     int64_t now, int *wait);
/* throttle_success: after a reserved attempt signed in: the pair is cleared and remembered as
 * the owner's address, the account and address counts lose the reserved failure. Runs inside
 * the caller's write transaction. 0 or ERR_DB. */
int throttle_success(struct db *db, struct arena *a, const char *email, const char *ip,
                     int64_t now);

#endif
