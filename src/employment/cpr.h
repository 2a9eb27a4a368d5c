/*
 * cpr.h — CPR numbers: validation, masking, and their protection at rest. A CPR number is
 * stored only as a libsodium secretbox under a key from a key file outside the database, and
 * found by a keyed hash; it is shown masked (DDMMYY-xxxx) except on an audited reveal.
 * Layer: capability domain (employment). Knows no HTTP and no HTML; the SQL of re-keying and of
 * the key status is in cpr_store.c.
 *
 * Nothing here prints, logs or puts into an error message a CPR number or a key. Buffers on
 * the stack that held digits or keys are wiped (sodium_memzero) before they go out of scope.
 *
 * The key file (indgang key init; path from --key-file or INDGANG_KEY_FILE) is a text file of
 * mode 0600, one key per line, "indgang-cpr-key <id> <64 hex digits>", the last line the current
 * key. Ids are decimal numbers from 1 to 999999999 without leading zeros, each once; empty lines
 * are allowed, nothing else is, and at most CPR_MAX_KEYS keys. Each key gives two subkeys
 * through crypto_kdf_derive_from_key (subkey 1 of the contexts "cprseal_" and "cprhash_"): one
 * to seal, one to hash. A rotation appends a new key, re-seals and re-hashes every stored CPR in
 * one transaction, then drops the old keys.
 *
 * Threads. The key ring lives in memory from sodium_malloc (guarded, locked against swapping)
 * and is made read-only once loaded. Every thread may seal, open and hash at the same time,
 * each under a read lock; a load replaces the ring under the write lock. A server takes up a
 * key file that `indgang key rotate` rewrote while it ran: each seal, and each open or hash
 * under a key the ring lacks, first looks whether the file changed (cpr_keys_refresh). As a
 * seal runs inside the write transaction, it never seals under a key that a rotation has
 * finished with: a rotation writes the new key into the file before its own transaction, and
 * drops the old one only after it committed.
 */
#ifndef INDGANG_CPR_H
#define INDGANG_CPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

#define CPR_DIGITS 10
#define CPR_HASH_BYTES 32
/* a sealed CPR: nonce, MAC and the 10 digits */
#define CPR_BOX_BYTES (24 + 16 + CPR_DIGITS)
#define CPR_MAX_KEYS 8

/* cpr_normalize: in ("DDMMYYSSSS" or "DDMMYY-SSSS", surrounding blanks (spaces and tabs)
 * ignored) as its 10 digits in out (11 bytes), if it is a valid CPR number: digits only, a real
 * calendar date whose century follows from the 7th digit and the year (the CPR office's table:
 * 0-3 the 1900s; 4 and 9 the 2000s when YY <= 36, else the 1900s; 5-8 the 2000s when YY <= 57,
 * else the 1800s). No modulus-11 rule: numbers given since 2007 need not satisfy it. false
 * otherwise (out then holds no digits of in). in may be NULL (false). */
bool cpr_normalize(const char *in, char out[CPR_DIGITS + 1]);

/* cpr_birth_date: the birth date of the 10 normalized digits as YYYY-MM-DD in out (11 bytes),
 * the century by cpr_normalize's table. */
void cpr_birth_date(const char digits[CPR_DIGITS + 1], char out[11]);

/* cpr_mask: "DDMMYY-xxxx" of the 10 normalized digits, into out (12 bytes). */
void cpr_mask(const char digits[CPR_DIGITS + 1], char out[12]);

/* ---- the key ring: loaded once at start, read by every thread, never written after */

/* cpr_keys_init: creates a new key file at path with one fresh key of id 1 (mode 0600), written
 * to a temporary file beside it, synced and linked into place, so the file appears whole or not
 * at all; refuses to overwrite an existing file (ERR_CONFLICT). Does not load the ring.
 * 0, ERR_CONFLICT or ERR_IO. */
int cpr_keys_init(const char *path);

/* cpr_keys_load: reads the key file at path into the process's key ring (locked memory).
 * ERR_IO when it cannot be read, ERR_INVALID when a line is malformed, the file holds no key,
 * or others than its owner may read or write it (any group or other permission bit); errs, if
 * given, then gets one error with a NULL field and an English message for the
 * operator ("line N: ..." for a line; never a key). The message lives in a static buffer until
 * the next cpr_keys_* call. 0 otherwise. Loading again replaces the ring; a failed load keeps
 * the ring as it was. Safe while other threads use the ring (see above). */
int cpr_keys_load(const char *path, struct errs *errs);

/* cpr_keys_refresh: when the key file the ring was loaded from changed since (stat: another
 * inode, size or time), loads it again; a file that cannot be read now keeps the ring as it
 * is (logged). 0 when the ring is the file's (or there is no ring), else cpr_keys_load's error.
 * Costs one stat when nothing changed. */
int cpr_keys_refresh(void);

/* cpr_keys_loaded: true once a key ring is loaded. Without one every seal, open and hash
 * answers ERR_UNAVAILABLE. */
bool cpr_keys_loaded(void);

/* cpr_keys_unload: wipes the ring (tests, and the end of the process). */
void cpr_keys_unload(void);

/* cpr_key_current: the id of the current key (the last of the file), 0 if none loaded. */
int cpr_key_current(void);

/* cpr_key_ids: the ids of every loaded key in the file's order, current last; returns how many
 * (≤ CPR_MAX_KEYS, 0 if none loaded). */
int cpr_key_ids(int ids[CPR_MAX_KEYS]);

/* cpr_seal: the 10 digits sealed under the current key into box (CPR_BOX_BYTES: a random
 * 24-byte nonce, then crypto_secretbox_easy's MAC and ciphertext), *key_id the key used.
 * 0, ERR_UNAVAILABLE (no ring) or ERR_INVALID (digits are not 10 digits). */
int cpr_seal(const char digits[CPR_DIGITS + 1], uint8_t box[CPR_BOX_BYTES], int *key_id);

/* cpr_open: the digits of a box sealed under key_id, into out (11 bytes). ERR_UNAVAILABLE when
 * that key is not loaded, ERR_INVALID when the box does not open (not CPR_BOX_BYTES long,
 * tampered, wrong key) or holds anything but 10 digits; out is then wiped. */
int cpr_open(const uint8_t *box, size_t len, int key_id, char out[CPR_DIGITS + 1]);

/* cpr_hash: the keyed hash (crypto_generichash, 32 bytes, keyed with the hash subkey) of the
 * digits under key_id (0: the current key), to find a citizen by CPR without storing it.
 * 0, ERR_UNAVAILABLE (no ring, or key_id not loaded) or ERR_INVALID (not 10 digits). */
int cpr_hash(const char digits[CPR_DIGITS + 1], int key_id, uint8_t out[CPR_HASH_BYTES]);

/* cpr_keys_rotate_file: appends a fresh key (id one above the highest) to the key file at path
 * (written to a temporary file of mode 0600 beside it, synced and renamed over it) and reloads
 * the ring from it; *new_id gets its id. The caller then re-seals every stored CPR under it
 * (cpr_rekey) and, when that has committed, calls cpr_keys_retire_file to keep only the new
 * key. 0, ERR_IO, or ERR_INVALID (the file is malformed, or already holds CPR_MAX_KEYS keys). */
int cpr_keys_rotate_file(const char *path, int *new_id);

/* cpr_keys_retire_file: rewrites the key file at path (as cpr_keys_rotate_file does) with only
 * its last key, and reloads the ring from it. When a ring is loaded and its current key is not
 * the file's last one, changes nothing and answers ERR_CONFLICT: the database may hold CPR
 * numbers under a key the file would lose. 0, ERR_IO, ERR_INVALID or ERR_CONFLICT. */
int cpr_keys_retire_file(const char *path);

/* ---- the stored CPR numbers (table citizens) */

/* cpr_rekey: in one write transaction, opens every stored CPR (cpr_box not NULL) with the key
 * its row names, seals it again under the current key and hashes it under that key, and writes
 * an audit line (who, action "rekey", entity "cpr_key", the new key id, the count). *count gets
 * how many were re-sealed. When one does not open, nothing changes: ERR_UNAVAILABLE (its key is
 * not in the ring) or ERR_INVALID (tampered), and *bad_id (may be NULL) gets that citizen's id.
 * ERR_UNAVAILABLE also without a ring; ERR_DB; ERR_UNAVAILABLE when the write lock is busy. */
int cpr_rekey(struct db *db, const struct principal *who, int *count, int64_t *bad_id);

/* how many stored CPR numbers are sealed under one key id */
struct cpr_key_use {
	int key_id;
	int64_t citizens;
	bool loaded; /* the key is in the ring; false: these CPR numbers cannot be opened */
};

/* cpr_key_usage: every key id the database's stored CPR numbers are sealed under, and every key
 * of the ring (with 0 citizens when none uses it), in the ring's order and then the database's
 * other ids ascending; *uses allocated in a. 0 or ERR_DB. */
int cpr_key_usage(struct db *db, struct arena *a, struct cpr_key_use **uses, int *n);

#endif
