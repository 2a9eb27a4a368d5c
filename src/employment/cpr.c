/*
 * cpr.c — CPR numbers: validation and masking, the key ring and its key file, sealing, opening
 * and hashing with libsodium, and re-keying the stored numbers.
 * Layer: capability domain (employment). Its SQL is in cpr_store.c.
 * Must not: print, log or put into an error message a CPR number or a key; leave digits or key
 * bytes in a stack buffer (sodium_memzero) or in ordinary heap memory (keys and the key file's
 * text live only in sodium_malloc'd memory, which sodium_free wipes).
 */
#include "cpr.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "../auth/audit.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/log.h"
#include "../store/db.h"
#include "cpr_store.h"

_Static_assert(CPR_BOX_BYTES == crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + CPR_DIGITS,
               "a box is nonce, MAC and the digits");
_Static_assert(crypto_kdf_KEYBYTES == 32, "a key is 32 bytes, 64 hex digits");

#define KEY_PREFIX "indgang-cpr-key "
#define KEY_HEX (2 * crypto_kdf_KEYBYTES)
#define KEY_ID_MAX 999999999
/* the longest line the file writer makes: prefix, 9 digits, space, 64 hex digits, newline */
#define KEY_LINE_MAX (sizeof(KEY_PREFIX) - 1 + 9 + 1 + KEY_HEX + 1)
/* no key file is longer: CPR_MAX_KEYS lines and room for empty ones */
#define KEYFILE_MAX 4096
#define KDF_SEAL "cprseal_"
#define KDF_HASH "cprhash_"
#define REKEY_BATCH 64

/* ---------------------------------------------------------------- numbers */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* digits_ok: d holds exactly 10 digits and its terminating NUL */
static bool digits_ok(const char *d)
{
	for (int i = 0; i < CPR_DIGITS; i++)
		if (!is_digit(d[i]))
			return false;
	return d[CPR_DIGITS] == '\0';
}

/* two digits at d as a number */
static int two(const char *d)
{
	return (d[0] - '0') * 10 + (d[1] - '0');
}

/* cpr_year: the full birth year of 10 digits, by the CPR office's table of the 7th digit and YY:
 * 0-3 the 1900s; 4 and 9 the 2000s up to YY 36, else the 1900s; 5-8 the 2000s up to YY 57, else
 * the 1800s */
static int cpr_year(const char *d)
{
	int yy = two(d + 4), s = d[6] - '0';
	if (s <= 3)
		return 1900 + yy;
	if (s == 4 || s == 9)
		return (yy <= 36 ? 2000 : 1900) + yy;
	return (yy <= 57 ? 2000 : 1800) + yy;
}

/* days of month (1-12) in the Gregorian year */
static int days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

bool cpr_normalize(const char *in, char out[CPR_DIGITS + 1])
{
	sodium_memzero(out, CPR_DIGITS + 1);
	if (!in)
		return false;
	const char *p = in;
	while (*p == ' ' || *p == '\t')
		p++;
	size_t len = strlen(p);
	while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
		len--;
	size_t k = 0;
	bool ok = len == CPR_DIGITS || len == CPR_DIGITS + 1;
	for (size_t i = 0; ok && i < len; i++) {
		if (i == 6 && len == CPR_DIGITS + 1 && p[i] == '-')
			continue;
		if (!is_digit(p[i]) || k == CPR_DIGITS)
			ok = false;
		else
			out[k++] = p[i];
	}
	if (ok && k == CPR_DIGITS) {
		int day = two(out), month = two(out + 2);
		ok = month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(cpr_year(out), month);
	} else {
		ok = false;
	}
	if (!ok)
		sodium_memzero(out, CPR_DIGITS + 1);
	return ok;
}

void cpr_birth_date(const char digits[CPR_DIGITS + 1], char out[11])
{
	int year = cpr_year(digits);
	out[0] = (char)('0' + year / 1000);
	out[1] = (char)('0' + year / 100 % 10);
	out[2] = digits[4];
	out[3] = digits[5];
	out[4] = '-';
	out[5] = digits[2];
	out[6] = digits[3];
	out[7] = '-';
	out[8] = digits[0];
	out[9] = digits[1];
	out[10] = '\0';
}

void cpr_mask(const char digits[CPR_DIGITS + 1], char out[12])
{
	memcpy(out, digits, 6);
	memcpy(out + 6, "-xxxx", 6);
}

/* ---------------------------------------------------------------- the key ring */

/* the loaded keys: per key its id and its two subkeys, never the key itself */
struct cpr_ring {
	int n;
	int ids[CPR_MAX_KEYS];
	unsigned char seal[CPR_MAX_KEYS][crypto_secretbox_KEYBYTES];
	unsigned char hash[CPR_MAX_KEYS][crypto_generichash_KEYBYTES];
};

/* the process's ring, in sodium_malloc'd memory made read-only once filled; NULL: none.
 * Every thread reads it under ring_lock's read side; a load swaps it under the write side, so
 * that a server takes up a rotated key file while it runs (cpr_keys_refresh). */
static struct cpr_ring *ring;
static pthread_rwlock_t ring_lock = PTHREAD_RWLOCK_INITIALIZER;
/* one load at a time; the key file the ring came from, and what stat said of it before */
static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;
static char ring_path[PATH_MAX];
static struct stat ring_stat;

/* the keys of a key file as read or about to be written (in sodium_malloc'd memory) */
struct cpr_keyfile {
	int n;
	int ids[CPR_MAX_KEYS];
	unsigned char keys[CPR_MAX_KEYS][crypto_kdf_KEYBYTES];
};

/* the message of the last failed load, which errs points at (see cpr_keys_load) */
static char load_message[160];

/* fail_msg: puts the formatted message into load_message and errs (if given): ERR_INVALID */
__attribute__((format(printf, 2, 3))) static int fail_msg(struct errs *errs, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(load_message, sizeof(load_message), fmt, ap);
	va_end(ap);
	if (errs)
		errs_add(errs, NULL, load_message);
	return ERR_INVALID;
}

/* ring_index: the ring's index of key_id (0: the current key), -1 when not loaded */
static int ring_index(int key_id)
{
	if (!ring)
		return -1;
	if (key_id == 0)
		return ring->n - 1;
	for (int i = 0; i < ring->n; i++)
		if (ring->ids[i] == key_id)
			return i;
	return -1;
}

/* ring_from: a new read-only ring with the subkeys of every key of kf, into *out.
 * 0 or ERR_NOMEM. */
static int ring_from(const struct cpr_keyfile *kf, struct cpr_ring **out)
{
	struct cpr_ring *r = sodium_malloc(sizeof(*r));
	if (!r)
		return ERR_NOMEM;
	sodium_memzero(r, sizeof(*r));
	r->n = kf->n;
	for (int i = 0; i < kf->n; i++) {
		r->ids[i] = kf->ids[i];
		crypto_kdf_derive_from_key(r->seal[i], sizeof(r->seal[i]), 1, KDF_SEAL, kf->keys[i]);
		crypto_kdf_derive_from_key(r->hash[i], sizeof(r->hash[i]), 1, KDF_HASH, kf->keys[i]);
	}
	sodium_mprotect_readonly(r);
	*out = r;
	return 0;
}

/* ---------------------------------------------------------------- the key file: reading */

/* keyfile_read: the whole file at path, NUL-terminated, into a new sodium_malloc'd *text
 * (*len bytes; the caller sodium_frees it). ERR_IO when it cannot be opened or read,
 * ERR_INVALID when it is no regular file or longer than KEYFILE_MAX, ERR_NOMEM; errs as
 * fail_msg. */
static int keyfile_read(const char *path, char **text, size_t *len, struct errs *errs)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		fail_msg(errs, "cannot open it: %s", strerror(errno));
		return ERR_IO;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > KEYFILE_MAX) {
		close(fd);
		return fail_msg(errs, "it is not a key file (a regular file of at most %d bytes)",
		                KEYFILE_MAX);
	}
	/* a key others on the machine may read is no longer a secret: refuse it before reading */
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		close(fd);
		return fail_msg(errs, "others may read or change it (mode %03o); 'chmod 600' it",
		                (unsigned)(st.st_mode & 0777));
	}
	char *buf = sodium_malloc(KEYFILE_MAX + 2);
	if (!buf) {
		close(fd);
		return ERR_NOMEM;
	}
	size_t got = 0;
	int rc = 0;
	while (rc == 0 && got <= KEYFILE_MAX) {
		ssize_t k = read(fd, buf + got, KEYFILE_MAX + 1 - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			fail_msg(errs, "cannot read it: %s", strerror(errno));
			rc = ERR_IO;
		} else if (k == 0) {
			break;
		}
		got += k > 0 ? (size_t)k : 0;
	}
	close(fd);
	if (rc == 0 && got > KEYFILE_MAX)
		rc = fail_msg(errs, "it is longer than a key file can be (%d bytes)", KEYFILE_MAX);
	if (rc != 0) {
		sodium_free(buf);
		return rc;
	}
	buf[got] = '\0';
	*text = buf;
	*len = got;
	return 0;
}

/* keyfile_line: parses line number lineno (l, n bytes, without its newline; one trailing CR is
 * ignored) into kf: nothing for an empty line, else one key "indgang-cpr-key <id> <64 hex>"
 * whose id is not yet in kf. ERR_INVALID with "line N: ..." in errs. */
static int keyfile_line(const char *l, size_t n, int lineno, struct cpr_keyfile *kf,
                        struct errs *errs)
{
	if (n && l[n - 1] == '\r')
		n--;
	if (n == 0)
		return 0;
	size_t plen = sizeof(KEY_PREFIX) - 1;
	if (n < plen || memcmp(l, KEY_PREFIX, plen) != 0)
		return fail_msg(errs, "line %d: does not start with \"%s\"", lineno, KEY_PREFIX);
	size_t i = plen, digits = 0;
	long id = 0;
	while (i < n && is_digit(l[i]) && digits < 10) {
		id = id * 10 + (l[i++] - '0');
		digits++;
	}
	if (digits == 0 || l[plen] == '0' || id > KEY_ID_MAX || (i < n && is_digit(l[i])))
		return fail_msg(errs, "line %d: the key id must be a number from 1 to %d", lineno,
		                KEY_ID_MAX);
	if (i == n || l[i] != ' ')
		return fail_msg(errs, "line %d: the key id must be followed by one space and the key",
		                lineno);
	i++;
	bool hex = n - i == KEY_HEX;
	for (size_t k = i; hex && k < n; k++)
		hex = (l[k] >= '0' && l[k] <= '9') || (l[k] >= 'a' && l[k] <= 'f') ||
		      (l[k] >= 'A' && l[k] <= 'F');
	if (!hex)
		return fail_msg(errs, "line %d: the key must be %d hex digits", lineno, (int)KEY_HEX);
	for (int k = 0; k < kf->n; k++)
		if (kf->ids[k] == (int)id)
			return fail_msg(errs, "line %d: key id %ld appears twice", lineno, id);
	if (kf->n == CPR_MAX_KEYS)
		return fail_msg(errs, "line %d: more than %d keys; 'indgang key rotate' keeps only one",
		                lineno, CPR_MAX_KEYS);
	size_t bin = 0;
	if (sodium_hex2bin(kf->keys[kf->n], crypto_kdf_KEYBYTES, l + i, KEY_HEX, NULL, &bin, NULL) != 0 ||
	    bin != crypto_kdf_KEYBYTES)
		return fail_msg(errs, "line %d: the key must be %d hex digits", lineno, (int)KEY_HEX);
	kf->ids[kf->n++] = (int)id;
	return 0;
}

/* keyfile_load: the key file at path read and parsed into a new sodium_malloc'd *out (the
 * caller sodium_frees it). ERR_IO, ERR_INVALID (a bad line, or no key at all), ERR_NOMEM; errs
 * as fail_msg. */
static int keyfile_load(const char *path, struct cpr_keyfile **out, struct errs *errs)
{
	if (sodium_init() < 0)
		return fail_msg(errs, "libsodium did not start");
	char *text = NULL;
	size_t len = 0;
	int rc = keyfile_read(path, &text, &len, errs);
	if (rc != 0)
		return rc;
	struct cpr_keyfile *kf = sodium_malloc(sizeof(*kf));
	if (!kf) {
		sodium_free(text);
		return ERR_NOMEM;
	}
	sodium_memzero(kf, sizeof(*kf));
	int lineno = 0;
	for (size_t pos = 0; rc == 0 && pos < len;) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		rc = keyfile_line(text + pos, end - pos, ++lineno, kf, errs);
		pos = end + 1;
	}
	sodium_free(text);
	if (rc == 0 && kf->n == 0)
		rc = fail_msg(errs, "the file holds no key; 'indgang key init' makes a key file");
	if (rc != 0) {
		sodium_free(kf);
		return rc;
	}
	*out = kf;
	return 0;
}

/* ---------------------------------------------------------------- the key file: writing */

/* keyfile_format: kf as the key file's text into text (room for cap bytes, at least
 * kf->n * KEY_LINE_MAX + 1), NUL-terminated; returns its length */
static size_t keyfile_format(const struct cpr_keyfile *kf, char *text, size_t cap)
{
	size_t pos = 0;
	for (int i = 0; i < kf->n; i++) {
		char id[16];
		int k = snprintf(id, sizeof(id), "%d ", kf->ids[i]);
		memcpy(text + pos, KEY_PREFIX, sizeof(KEY_PREFIX) - 1);
		pos += sizeof(KEY_PREFIX) - 1;
		memcpy(text + pos, id, (size_t)k);
		pos += (size_t)k;
		sodium_bin2hex(text + pos, cap - pos, kf->keys[i], crypto_kdf_KEYBYTES);
		pos += KEY_HEX;
		text[pos++] = '\n';
	}
	text[pos] = '\0';
	return pos;
}

/* write_all: the n bytes of p to fd, through short writes and EINTR. 0 or -1. */
static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* sync_dir: fsyncs the directory that holds path, so a rename or link in it lasts a crash.
 * Best effort: the file is in place either way, and some file systems refuse it. */
static void sync_dir(const char *path)
{
	char copy[PATH_MAX];
	if (snprintf(copy, sizeof(copy), "%s", path) >= (int)sizeof(copy))
		return;
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return;
	fsync(fd);
	close(fd);
}

/* keyfile_write: kf as the key file at path. Written into a new temporary file "path.XXXXXX"
 * of mode 0600 in the same directory and synced, then renamed over path (replace) or
 * hard-linked to path, which must not exist (not replace: ERR_CONFLICT when it does, so a
 * reader sees the whole file or none); the temporary name is removed in every case and the
 * directory synced. 0, ERR_CONFLICT, ERR_IO or ERR_NOMEM. */
static int keyfile_write(const char *path, const struct cpr_keyfile *kf, bool replace)
{
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path) >= (int)sizeof(tmp))
		return ERR_IO;
	size_t cap = (size_t)kf->n * KEY_LINE_MAX + 1;
	char *text = sodium_malloc(cap);
	if (!text)
		return ERR_NOMEM;
	size_t len = keyfile_format(kf, text, cap);
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		sodium_free(text);
		return ERR_IO;
	}
	int rc = 0;
	if (fchmod(fd, 0600) != 0 || write_all(fd, text, len) != 0 || fsync(fd) != 0)
		rc = ERR_IO;
	if (close(fd) != 0 && rc == 0)
		rc = ERR_IO;
	sodium_free(text);
	if (rc == 0 && replace && rename(tmp, path) != 0)
		rc = ERR_IO;
	else if (rc == 0 && !replace && link(tmp, path) != 0)
		rc = errno == EEXIST ? ERR_CONFLICT : ERR_IO;
	if (rc != 0 || !replace)
		unlink(tmp);
	if (rc == 0)
		sync_dir(path);
	return rc;
}

/* ---------------------------------------------------------------- the key file: public */

int cpr_keys_init(const char *path)
{
	if (sodium_init() < 0)
		return ERR_IO;
	struct stat st;
	if (lstat(path, &st) == 0)
		return ERR_CONFLICT;
	struct cpr_keyfile *kf = sodium_malloc(sizeof(*kf));
	if (!kf)
		return ERR_NOMEM;
	sodium_memzero(kf, sizeof(*kf));
	kf->n = 1;
	kf->ids[0] = 1;
	crypto_kdf_keygen(kf->keys[0]);
	int rc = keyfile_write(path, kf, false);
	sodium_free(kf);
	return rc;
}

/* ring_swap: r (may be NULL) becomes the ring, read from path whose stat was st (NULL: none);
 * the ring before is wiped */
static void ring_swap(struct cpr_ring *r, const char *path, const struct stat *st)
{
	pthread_rwlock_wrlock(&ring_lock);
	struct cpr_ring *old = ring;
	ring = r;
	snprintf(ring_path, sizeof(ring_path), "%s", path ? path : "");
	if (st)
		ring_stat = *st;
	else
		memset(&ring_stat, 0, sizeof(ring_stat));
	pthread_rwlock_unlock(&ring_lock);
	if (old)
		sodium_free(old);
}

int cpr_keys_load(const char *path, struct errs *errs)
{
	pthread_mutex_lock(&load_lock);
	/* the file's stat before it is read: a change after this is seen by the next refresh */
	struct stat st;
	bool known = stat(path, &st) == 0 && strlen(path) < sizeof(ring_path);
	struct cpr_keyfile *kf = NULL;
	int rc = keyfile_load(path, &kf, errs);
	struct cpr_ring *r = NULL;
	if (rc == 0) {
		rc = ring_from(kf, &r);
		sodium_free(kf);
	}
	if (rc == 0)
		ring_swap(r, known ? path : NULL, known ? &st : NULL);
	pthread_mutex_unlock(&load_lock);
	return rc;
}

/* whether two stats are of the same file, unchanged: a key file is written anew and renamed
 * into place, so a change is a new inode, and at least a new time */
static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

int cpr_keys_refresh(void)
{
	char path[PATH_MAX];
	struct stat was, now;
	pthread_rwlock_rdlock(&ring_lock);
	bool have = ring && ring_path[0];
	if (have) {
		memcpy(path, ring_path, sizeof(path));
		was = ring_stat;
	}
	pthread_rwlock_unlock(&ring_lock);
	/* a key file that cannot be looked at now (moved for a moment) leaves the ring as it is */
	if (!have || stat(path, &now) != 0 || same_file(&now, &was))
		return 0;
	int rc = cpr_keys_load(path, NULL);
	if (rc == 0)
		log_info("cpr: the key file %s changed and was read again; the current key is %d", path,
		         cpr_key_current());
	else
		log_warn("cpr: the key file %s changed but cannot be read (%s); the keys read before "
		         "stay in use", path, err_str(rc));
	return rc;
}

bool cpr_keys_loaded(void)
{
	pthread_rwlock_rdlock(&ring_lock);
	bool loaded = ring != NULL;
	pthread_rwlock_unlock(&ring_lock);
	return loaded;
}

void cpr_keys_unload(void)
{
	pthread_mutex_lock(&load_lock);
	ring_swap(NULL, NULL, NULL);
	pthread_mutex_unlock(&load_lock);
}

int cpr_key_current(void)
{
	pthread_rwlock_rdlock(&ring_lock);
	int id = ring ? ring->ids[ring->n - 1] : 0;
	pthread_rwlock_unlock(&ring_lock);
	return id;
}

int cpr_key_ids(int ids[CPR_MAX_KEYS])
{
	pthread_rwlock_rdlock(&ring_lock);
	int n = ring ? ring->n : 0;
	for (int i = 0; i < n; i++)
		ids[i] = ring->ids[i];
	pthread_rwlock_unlock(&ring_lock);
	return n;
}

int cpr_keys_rotate_file(const char *path, int *new_id)
{
	struct cpr_keyfile *kf = NULL;
	int rc = keyfile_load(path, &kf, NULL);
	if (rc != 0)
		return rc;
	int top = 0;
	for (int i = 0; i < kf->n; i++)
		top = kf->ids[i] > top ? kf->ids[i] : top;
	if (kf->n == CPR_MAX_KEYS || top == KEY_ID_MAX) {
		sodium_free(kf);
		return ERR_INVALID;
	}
	kf->ids[kf->n] = top + 1;
	crypto_kdf_keygen(kf->keys[kf->n]);
	kf->n++;
	rc = keyfile_write(path, kf, true);
	sodium_free(kf);
	if (rc == 0)
		rc = cpr_keys_load(path, NULL);
	if (rc == 0)
		*new_id = top + 1;
	return rc;
}

/* same_as_current: whether key (a key file's) is the ring's current key, compared by the seal
 * subkey it gives; under ring_lock */
static bool same_as_current(int id, const unsigned char key[crypto_kdf_KEYBYTES])
{
	int i = ring_index(0);
	if (i < 0 || ring->ids[i] != id)
		return false;
	unsigned char sub[crypto_secretbox_KEYBYTES];
	crypto_kdf_derive_from_key(sub, sizeof(sub), 1, KDF_SEAL, key);
	bool same = sodium_memcmp(sub, ring->seal[i], sizeof(sub)) == 0;
	sodium_memzero(sub, sizeof(sub));
	return same;
}

int cpr_keys_retire_file(const char *path)
{
	struct cpr_keyfile *kf = NULL;
	int rc = keyfile_load(path, &kf, NULL);
	if (rc != 0)
		return rc;
	int last = kf->n - 1;
	pthread_rwlock_rdlock(&ring_lock);
	bool differs = ring && !same_as_current(kf->ids[last], kf->keys[last]);
	pthread_rwlock_unlock(&ring_lock);
	if (differs) {
		sodium_free(kf);
		return ERR_CONFLICT;
	}
	if (last > 0) {
		kf->ids[0] = kf->ids[last];
		memcpy(kf->keys[0], kf->keys[last], crypto_kdf_KEYBYTES);
		kf->n = 1;
	}
	rc = keyfile_write(path, kf, true);
	sodium_free(kf);
	return rc == 0 ? cpr_keys_load(path, NULL) : rc;
}

/* ---------------------------------------------------------------- sealing, opening, hashing */

/* seal_now: cpr_seal with the ring as it is */
static int seal_now(const char digits[CPR_DIGITS + 1], uint8_t box[CPR_BOX_BYTES], int *key_id)
{
	pthread_rwlock_rdlock(&ring_lock);
	int i = ring_index(0);
	int rc = i < 0 ? ERR_UNAVAILABLE : !digits_ok(digits) ? ERR_INVALID : 0;
	if (rc == 0) {
		randombytes_buf(box, crypto_secretbox_NONCEBYTES);
		crypto_secretbox_easy(box + crypto_secretbox_NONCEBYTES, (const unsigned char *)digits,
		                      CPR_DIGITS, box, ring->seal[i]);
		*key_id = ring->ids[i];
	}
	pthread_rwlock_unlock(&ring_lock);
	return rc;
}

int cpr_seal(const char digits[CPR_DIGITS + 1], uint8_t box[CPR_BOX_BYTES], int *key_id)
{
	cpr_keys_refresh();
	return seal_now(digits, box, key_id);
}

/* open_now: cpr_open with the ring as it is; ERR_UNAVAILABLE when it lacks key_id */
static int open_now(const uint8_t *box, size_t len, int key_id, char out[CPR_DIGITS + 1])
{
	unsigned char plain[CPR_DIGITS];
	pthread_rwlock_rdlock(&ring_lock);
	int i = key_id > 0 ? ring_index(key_id) : -1;
	int rc = i < 0                              ? ERR_UNAVAILABLE
	         : !box || len != CPR_BOX_BYTES     ? ERR_INVALID
	         : crypto_secretbox_open_easy(plain, box + crypto_secretbox_NONCEBYTES,
	                                      len - crypto_secretbox_NONCEBYTES, box, ring->seal[i])
	               ? ERR_INVALID
	               : 0;
	pthread_rwlock_unlock(&ring_lock);
	if (rc == 0) {
		memcpy(out, plain, CPR_DIGITS);
		out[CPR_DIGITS] = '\0';
		rc = digits_ok(out) ? 0 : ERR_INVALID;
	}
	sodium_memzero(plain, sizeof(plain));
	return rc;
}

int cpr_open(const uint8_t *box, size_t len, int key_id, char out[CPR_DIGITS + 1])
{
	sodium_memzero(out, CPR_DIGITS + 1);
	int rc = open_now(box, len, key_id, out);
	/* a key the ring lacks: the key file may have been rotated since it was read */
	if (rc == ERR_UNAVAILABLE && key_id > 0 && cpr_keys_refresh() == 0)
		rc = open_now(box, len, key_id, out);
	if (rc != 0)
		sodium_memzero(out, CPR_DIGITS + 1);
	return rc;
}

/* hash_now: cpr_hash with the ring as it is */
static int hash_now(const char digits[CPR_DIGITS + 1], int key_id, uint8_t out[CPR_HASH_BYTES])
{
	pthread_rwlock_rdlock(&ring_lock);
	int i = key_id >= 0 ? ring_index(key_id) : -1;
	int rc = i < 0 ? ERR_UNAVAILABLE : !digits_ok(digits) ? ERR_INVALID : 0;
	if (rc == 0)
		crypto_generichash(out, CPR_HASH_BYTES, (const unsigned char *)digits, CPR_DIGITS,
		                   ring->hash[i], sizeof(ring->hash[i]));
	pthread_rwlock_unlock(&ring_lock);
	return rc;
}

int cpr_hash(const char digits[CPR_DIGITS + 1], int key_id, uint8_t out[CPR_HASH_BYTES])
{
	int rc = hash_now(digits, key_id, out);
	if (rc == ERR_UNAVAILABLE && key_id > 0 && cpr_keys_refresh() == 0)
		rc = hash_now(digits, key_id, out);
	return rc;
}

/* ---------------------------------------------------------------- the stored numbers */

/* reseal_row: the stored CPR of row opened, sealed under the current key and hashed under it,
 * and written back. cpr_open's, cpr_store_reseal's errors. */
static int reseal_row(struct db *db, const struct cpr_store_box *row)
{
	char digits[CPR_DIGITS + 1];
	uint8_t box[CPR_BOX_BYTES], hash[CPR_HASH_BYTES];
	int key_id = 0;
	int rc = cpr_open(row->box, (size_t)row->len, row->key_id, digits);
	if (rc == 0)
		rc = seal_now(digits, box, &key_id);
	if (rc == 0)
		rc = cpr_hash(digits, key_id, hash);
	sodium_memzero(digits, sizeof(digits));
	if (rc == 0)
		rc = cpr_store_reseal(db, row->id, box, CPR_BOX_BYTES, key_id, hash, CPR_HASH_BYTES);
	return rc;
}

int cpr_rekey(struct db *db, const struct principal *who, int *count, int64_t *bad_id)
{
	if (!cpr_keys_loaded())
		return ERR_UNAVAILABLE;
	int rc = db_write_begin(db);
	if (rc != 0)
		return rc;
	struct cpr_store_box rows[REKEY_BATCH];
	int n = 0, done = 0;
	int64_t after = 0;
	while (rc == 0 && (rc = cpr_store_boxes_after(db, after, rows, REKEY_BATCH, &n)) == 0 && n > 0) {
		for (int i = 0; rc == 0 && i < n; i++) {
			rc = reseal_row(db, &rows[i]);
			if (rc != 0 && bad_id)
				*bad_id = rows[i].id;
			after = rows[i].id;
			done += rc == 0;
		}
	}
	if (rc == 0) {
		char eid[16];
		snprintf(eid, sizeof(eid), "%d", cpr_key_current());
		rc = audit_record(db, who, "rekey", "cpr_key", eid, NULL,
		                  AUDIT_DETAIL(AUDIT_INT("count", done)));
	}
	rc = db_write_end(db, rc);
	if (rc == 0)
		*count = done;
	return rc;
}

int cpr_key_usage(struct db *db, struct arena *a, struct cpr_key_use **uses, int *n)
{
	enum { MAX_IDS = 64 };
	int ids[MAX_IDS];
	int64_t counts[MAX_IDS];
	int m = 0;
	int rc = cpr_store_count_by_key(db, ids, counts, MAX_IDS, &m);
	if (rc != 0)
		return rc;
	int loaded[CPR_MAX_KEYS];
	int nl = cpr_key_ids(loaded);
	struct cpr_key_use *out = arena_alloc(a, sizeof(*out) * (size_t)(m + nl + 1));
	if (!out)
		return ERR_NOMEM;
	int k = 0;
	for (int i = 0; i < nl; i++) {
		out[k] = (struct cpr_key_use){.key_id = loaded[i], .loaded = true};
		for (int j = 0; j < m; j++)
			if (ids[j] == loaded[i])
				out[k].citizens = counts[j];
		k++;
	}
	pthread_rwlock_rdlock(&ring_lock);
	for (int j = 0; j < m; j++)
		if (ring_index(ids[j]) < 0 || ids[j] == 0)
			out[k++] = (struct cpr_key_use){.key_id = ids[j], .citizens = counts[j]};
	pthread_rwlock_unlock(&ring_lock);
	*uses = out;
	*n = k;
	return 0;
}
