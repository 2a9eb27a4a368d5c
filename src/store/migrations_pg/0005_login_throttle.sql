-- 0005_login_throttle (PostgreSQL): sign-in throttling kept in the database, so a restart does not clear it
-- Translated from ../migrations/0005_login_throttle.sql.
-- and every server thread and process sees the same counts.

-- One row per address, per account and per (account, address) pair that failed to sign in
-- lately (or, for a pair, signed in successfully). key_hash is the BLAKE2b of the e-mail, the
-- address or both, never the text itself. failures decay with time (auth/throttle.c);
-- next_allowed is when the next attempt may run (unix seconds); known_at, for a pair, is the
-- last successful sign-in from that address; forget_at is when the row says nothing any more.
CREATE TABLE login_throttle (
	kind TEXT NOT NULL CHECK (kind IN ('address', 'account', 'pair')),
	key_hash TEXT NOT NULL,
	failures bigint NOT NULL DEFAULT 0,
	last_failure bigint NOT NULL DEFAULT 0,
	next_allowed bigint NOT NULL DEFAULT 0,
	known_at bigint NOT NULL DEFAULT 0,
	forget_at bigint NOT NULL,
	PRIMARY KEY (kind, key_hash)
);
CREATE INDEX login_throttle_forget ON login_throttle (forget_at);
