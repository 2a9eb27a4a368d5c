/*
 * cpr.h — CPR numbers: validation, masking, and their protection at rest. A CPR number is
 * stored only as a libsodium secretbox under a key from a key file outside the database, and
 * found by a keyed hash; it is shown masked (DDMMYY-xxxx) except on an audited reveal.
 * Layer: capability domain (employment). Knows no HTTP, no HTML and no SQL.
 *
 * The key file (indgang key init; path from --key-file or INDGANG_KEY_FILE) is a text file of
 * mode 0600, one key per line, "indgang-cpr-key <id> <64 hex digits>", the last line the current
 * key. Each key gives two subkeys through crypto_kdf: one to seal, one to hash. A rotation appends
 * a new key, re-seals and re-hashes every stored CPR in one transaction, then drops the old keys.
 */
#ifndef INDGANG_CPR_H
#define INDGANG_CPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct errs;

#define CPR_DIGITS 10
#define CPR_HASH_BYTES 32
/* a sealed CPR: nonce, MAC and the 10 digits */
#define CPR_BOX_BYTES (24 + 16 + CPR_DIGITS)
#define CPR_MAX_KEYS 8

/* cpr_normalize: in ("DDMMYYSSSS" or "DDMMYY-SSSS", surrounding blanks ignored) as its 10 digits
 * in out (11 bytes), if it is a valid CPR number: digits only, a real calendar date whose
 * century follows from the 7th digit and the year (the CPR office's table). No modulus-11 rule:
 * numbers given since 2007 need not satisfy it. false otherwise (out undefined). */
bool cpr_normalize(const char *in, char out[CPR_DIGITS + 1]);

/* cpr_birth_date: the birth date of the 10 normalized digits as YYYY-MM-DD in out (11 bytes). */
void cpr_birth_date(const char digits[CPR_DIGITS + 1], char out[11]);

/* cpr_mask: "DDMMYY-xxxx" of the 10 normalized digits, into out (12 bytes). */
void cpr_mask(const char digits[CPR_DIGITS + 1], char out[12]);

/* ---- the key ring: loaded once at start, read by every thread, never written after */

/* cpr_keys_init: creates a new key file at path with one fresh key (mode 0600); refuses to
 * overwrite an existing file (ERR_CONFLICT). 0, ERR_CONFLICT or ERR_IO. */
int cpr_keys_init(const char *path);

/* cpr_keys_load: reads the key file at path into the process's key ring (locked memory).
 * ERR_IO when it cannot be read, ERR_INVALID when a line is malformed (errs, if given, gets
 * "line N: ..."), 0 otherwise. Loading again replaces the ring. */
int cpr_keys_load(const char *path, struct errs *errs);

/* cpr_keys_loaded: true once a key ring is loaded. Without one every seal, open and hash
 * answers ERR_UNAVAILABLE. */
bool cpr_keys_loaded(void);

/* cpr_keys_unload: wipes the ring (tests, and the end of the process). */
void cpr_keys_unload(void);

/* cpr_key_current: the id of the current key (the last of the file), 0 if none loaded. */
int cpr_key_current(void);

/* cpr_key_ids: the ids of every loaded key, current last; returns how many (≤ CPR_MAX_KEYS). */
int cpr_key_ids(int ids[CPR_MAX_KEYS]);

/* cpr_seal: the 10 digits sealed under the current key into box (CPR_BOX_BYTES), *key_id the key
 * used. 0 or ERR_UNAVAILABLE. */
int cpr_seal(const char digits[CPR_DIGITS + 1], uint8_t box[CPR_BOX_BYTES], int *key_id);

/* cpr_open: the digits of a box sealed under key_id, into out (11 bytes). ERR_UNAVAILABLE when
 * that key is not loaded, ERR_INVALID when the box does not open (tampered, wrong key). */
int cpr_open(const uint8_t *box, size_t len, int key_id, char out[CPR_DIGITS + 1]);

/* cpr_hash: the keyed hash of the digits under key_id (0: the current key), to find a citizen
 * by CPR without storing it. 0 or ERR_UNAVAILABLE. */
int cpr_hash(const char digits[CPR_DIGITS + 1], int key_id, uint8_t out[CPR_HASH_BYTES]);

/* cpr_keys_rotate_file: appends a fresh key to the key file at path (written to a temporary
 * file and renamed, mode 0600) and reloads the ring; *new_id gets its id. The caller then
 * re-seals every stored CPR under it and, when that has committed, calls
 * cpr_keys_retire_file to keep only the new key. 0, ERR_IO or ERR_INVALID. */
int cpr_keys_rotate_file(const char *path, int *new_id);

/* cpr_keys_retire_file: rewrites the key file at path with only the current key, and reloads. */
int cpr_keys_retire_file(const char *path);

#endif
