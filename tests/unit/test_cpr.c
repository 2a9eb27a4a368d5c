/*
 * test_cpr.c — CPR numbers and their protection at rest: validation with the CPR office's
 * century table, birth dates and masking, the key file (creation, its mode, every parse error
 * with its line, rotation and retirement), sealing, opening and hashing, and re-keying the
 * stored numbers of an in-memory database in one transaction.
 * Layer: tests. Key files are written into a temporary directory removed at the end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/base/log.h"
#include "src/employment/cpr.h"
#include "src/employment/cpr_store.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

/* a key of 64 hex digits for hand-written key files */
#define HEX_A "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
#define HEX_B "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"

/* the temporary directory of this run ($TMPDIR or /tmp), made by group_setup */
static char dir[256];

/* path: dir/name, in slot (0-3) of buffers: it lives until the next call with the same slot */
static const char *path(int slot, const char *name)
{
	static char paths[4][512];
	int n = snprintf(paths[slot], sizeof(paths[slot]), "%s/%s", dir, name);
	assert_true(n > 0 && (size_t)n < sizeof(paths[slot]));
	return paths[slot];
}

/* write_file: text as the whole file at p (mode 0600) */
static void write_file(const char *p, const char *text)
{
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	chmod(p, 0600);
}

/* read_file: the whole file at p into out (size n) */
static void read_file(const char *p, char *out, size_t n)
{
	FILE *f = fopen(p, "r");
	assert_non_null(f);
	size_t k = fread(out, 1, n - 1, f);
	out[k] = '\0';
	fclose(f);
}

/* leftovers: how many temporary files ("NAME.key.XXXXXX") are in dir */
static int leftovers(void)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += strstr(e->d_name, ".key.") != NULL;
	closedir(d);
	return n;
}

static int remove_entry(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	return remove(p);
}

static int group_setup(void **state)
{
	(void)state;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof(dir), "%s/indgang-cpr-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	return mkdtemp(dir) ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	cpr_keys_unload();
	return nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* ---------------------------------------------------------------- numbers */

static void test_normalize_valid(void **state)
{
	(void)state;
	char d[CPR_DIGITS + 1];
	static const char *const ok[] = {
		"0101901234", "010190-1234", "  010190-1234\t", "\t0101901234 ",
		"290200-4234", /* 7th digit 4, YY 00: 2000, a leap year */
		"290200-5234", "290200-9234", "290296-1234",
		"290260-5234", /* 7th digit 5, YY 60: 1860, a leap year */
		"311299-0000", "300490-1234",
	};
	for (size_t i = 0; i < N_OF(ok); i++) {
		assert_true(cpr_normalize(ok[i], d));
		assert_int_equal(strlen(d), CPR_DIGITS);
	}
	assert_true(cpr_normalize(" 010190-1234 ", d));
	assert_string_equal(d, "0101901234");
}

static void test_normalize_invalid(void **state)
{
	(void)state;
	char d[CPR_DIGITS + 1];
	static const char *const bad[] = {
		"310290-1234",  /* 31 February */
		"3102901234",
		"290201-1234",  /* 7th digit 1: 1901, no 29 February */
		"290201-4234",  /* 7th digit 4: 2001, neither */
		"290200-1234",  /* 7th digit 1, YY 00: 1900, not a leap year */
		"290200-3999",
		"290237-4000",  /* 4 and YY 37: 1937, not a leap year */
		"290258-5000",  /* 5 and YY 58: 1858 */
		"310490-1234",  /* 31 April */
		"000190-1234", "010090-1234", "011390-1234", "320190-1234",
		"01019O1234",   /* letter O */
		"0101901a34", "abcdefghij",
		"010190123",    /* 9 digits */
		"01019012345",  /* 11 digits */
		"0101-901234",  /* dash in the wrong place */
		"01019-01234", "0101901-234", "010190--1234", "-0101901234", "0101901234-",
		"010190 1234",  /* a blank for the dash */
		"0101 901234", "010190-12 34",
		"", "   ", "010190-", "+010190-1234", "010190\n1234",
	};
	for (size_t i = 0; i < N_OF(bad); i++) {
		memset(d, 'x', sizeof(d));
		if (cpr_normalize(bad[i], d))
			fail_msg("accepted %s", bad[i]);
		for (size_t k = 0; k < sizeof(d); k++)
			assert_false(d[k] >= '0' && d[k] <= '9'); /* no digit of the input is left */
	}
	assert_false(cpr_normalize(NULL, d));
}

static void test_century(void **state)
{
	(void)state;
	static const struct {
		const char *cpr, *born;
	} cases[] = {
		{"010190-1234", "1990-01-01"}, {"010100-0000", "1900-01-01"},
		{"311299-3999", "1999-12-31"}, {"150536-4000", "2036-05-15"},
		{"150537-4000", "1937-05-15"}, {"150536-9000", "2036-05-15"},
		{"150537-9999", "1937-05-15"}, {"150557-5000", "2057-05-15"},
		{"150558-5000", "1858-05-15"}, {"150500-8999", "2000-05-15"},
		{"150599-6000", "1899-05-15"}, {"290200-4234", "2000-02-29"},
		{"290260-7000", "1860-02-29"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		char d[CPR_DIGITS + 1], born[11];
		assert_true(cpr_normalize(cases[i].cpr, d));
		cpr_birth_date(d, born);
		assert_string_equal(born, cases[i].born);
	}
}

static void test_mask(void **state)
{
	(void)state;
	char d[CPR_DIGITS + 1], m[12];
	assert_true(cpr_normalize("010190-1234", d));
	cpr_mask(d, m);
	assert_string_equal(m, "010190-xxxx");
	assert_true(cpr_normalize("3112999999", d));
	cpr_mask(d, m);
	assert_string_equal(m, "311299-xxxx");
}

/* ---------------------------------------------------------------- the key file */

static void test_init(void **state)
{
	(void)state;
	const char *p = path(0, "init.key");
	assert_int_equal(cpr_keys_init(p), 0);
	struct stat st;
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char before[512], after[512];
	read_file(p, before, sizeof(before));
	assert_int_equal(strncmp(before, "indgang-cpr-key 1 ", 18), 0);
	assert_int_equal(strlen(before), 18 + 64 + 1);
	assert_int_equal(cpr_keys_init(p), ERR_CONFLICT); /* never replaced */
	read_file(p, after, sizeof(after));
	assert_string_equal(before, after);
	assert_int_equal(cpr_keys_init(path(1, "no-such-dir/x.key")), ERR_IO);
	/* a fresh key each time */
	assert_int_equal(cpr_keys_init(path(1, "init2.key")), 0);
	read_file(path(1, "init2.key"), after, sizeof(after));
	assert_string_not_equal(before, after);
	/* no temporary file is left beside them */
	assert_int_equal(leftovers(), 0);
}

static void test_load(void **state)
{
	(void)state;
	const char *p = path(0, "load.key");
	write_file(p, "indgang-cpr-key 3 " HEX_A "\n\nindgang-cpr-key 12 " HEX_B "\r\n");
	struct errs errs = {0};
	assert_int_equal(cpr_keys_load(p, &errs), 0);
	assert_int_equal(errs.n, 0);
	assert_true(cpr_keys_loaded());
	assert_int_equal(cpr_key_current(), 12);
	int ids[CPR_MAX_KEYS];
	assert_int_equal(cpr_key_ids(ids), 2);
	assert_int_equal(ids[0], 3);
	assert_int_equal(ids[1], 12);
	/* upper-case hex reads as the same key: the same hash */
	char d[CPR_DIGITS + 1] = "0101901234";
	uint8_t h1[CPR_HASH_BYTES], h2[CPR_HASH_BYTES];
	assert_int_equal(cpr_hash(d, 3, h1), 0);
	write_file(p, "indgang-cpr-key 3 00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF\n");
	assert_int_equal(cpr_keys_load(p, NULL), 0);
	assert_int_equal(cpr_hash(d, 0, h2), 0);
	assert_memory_equal(h1, h2, sizeof(h1));
	cpr_keys_unload();
	assert_false(cpr_keys_loaded());
	assert_int_equal(cpr_key_current(), 0);
	assert_int_equal(cpr_key_ids(ids), 0);
}

static void test_load_errors(void **state)
{
	(void)state;
	static const struct {
		const char *text, *message;
	} cases[] = {
		{"indgang-cpr-key 1 " HEX_A "\nindgang-cpr-kex 2 " HEX_B "\n",
		 "line 2: does not start with \"indgang-cpr-key \""},
		{"cpr 1 " HEX_A "\n", "line 1: does not start with \"indgang-cpr-key \""},
		{" indgang-cpr-key 1 " HEX_A "\n", "line 1: does not start with \"indgang-cpr-key \""},
		{"indgang-cpr-key 1 00112233445566778899aabbccddeeff\n", "line 1: the key must be 64 hex digits"},
		{"\n\nindgang-cpr-key 1 " HEX_A "0\n", "line 3: the key must be 64 hex digits"},
		{"indgang-cpr-key 1 " HEX_A " \n", "line 1: the key must be 64 hex digits"},
		{"indgang-cpr-key 1 0g112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n",
		 "line 1: the key must be 64 hex digits"},
		{"indgang-cpr-key 1 " HEX_A "\nindgang-cpr-key 1 " HEX_B "\n", "line 2: key id 1 appears twice"},
		{"indgang-cpr-key 0 " HEX_A "\n", "line 1: the key id must be a number from 1 to 999999999"},
		{"indgang-cpr-key 01 " HEX_A "\n", "line 1: the key id must be a number from 1 to 999999999"},
		{"indgang-cpr-key 1000000000 " HEX_A "\n",
		 "line 1: the key id must be a number from 1 to 999999999"},
		{"indgang-cpr-key x " HEX_A "\n", "line 1: the key id must be a number from 1 to 999999999"},
		{"indgang-cpr-key 1  " HEX_A "\n", "line 1: the key must be 64 hex digits"},
		{"indgang-cpr-key 1\n", "line 1: the key id must be followed by one space and the key"},
		{"", "the file holds no key; 'indgang key init' makes a key file"},
		{"\n\n", "the file holds no key; 'indgang key init' makes a key file"},
		{"indgang-cpr-key 1 " HEX_A "\nindgang-cpr-key 2 " HEX_A "\nindgang-cpr-key 3 " HEX_A
		 "\nindgang-cpr-key 4 " HEX_A "\nindgang-cpr-key 5 " HEX_A "\nindgang-cpr-key 6 " HEX_A
		 "\nindgang-cpr-key 7 " HEX_A "\nindgang-cpr-key 8 " HEX_A "\nindgang-cpr-key 9 " HEX_A "\n",
		 "line 9: more than 8 keys; 'indgang key rotate' keeps only one"},
	};
	/* a good ring first: a failed load keeps it */
	const char *good = path(1, "good.key");
	write_file(good, "indgang-cpr-key 4 " HEX_B "\n");
	assert_int_equal(cpr_keys_load(good, NULL), 0);
	const char *p = path(0, "bad.key");
	for (size_t i = 0; i < N_OF(cases); i++) {
		write_file(p, cases[i].text);
		struct errs errs = {0};
		int rc = cpr_keys_load(p, &errs);
		if (rc != ERR_INVALID || errs.n != 1 || strcmp(errs.e[0].message, cases[i].message) != 0)
			fail_msg("case %zu: rc %d, %s", i, rc, errs.n ? errs.e[0].message : "no message");
		assert_null(errs.e[0].field);
		assert_null(strstr(errs.e[0].message, "00112233"));  /* never a key */
		assert_int_equal(cpr_key_current(), 4);
	}
	struct errs errs = {0};
	assert_int_equal(cpr_keys_load(path(2, "missing.key"), &errs), ERR_IO);
	assert_int_equal(errs.n, 1);
	assert_non_null(strstr(errs.e[0].message, "cannot open it"));
	assert_int_equal(cpr_keys_load(dir, NULL), ERR_INVALID); /* a directory */
	/* longer than any key file */
	char big[5000];
	memset(big, '\n', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	write_file(p, big);
	assert_int_equal(cpr_keys_load(p, NULL), ERR_INVALID);
	assert_int_equal(cpr_key_current(), 4);
	/* a good key file that the group or others may read or write is refused, named by its mode */
	static const mode_t loose[] = {0640, 0604, 0620, 0660, 0644};
	for (size_t i = 0; i < N_OF(loose); i++) {
		write_file(p, "indgang-cpr-key 9 " HEX_A "\n");
		chmod(p, loose[i]);
		struct errs e2 = {0};
		assert_int_equal(cpr_keys_load(p, &e2), ERR_INVALID);
		assert_int_equal(e2.n, 1);
		assert_non_null(strstr(e2.e[0].message, "chmod 600"));
		assert_int_equal(cpr_key_current(), 4);
	}
	chmod(p, 0400); /* read-only for its owner is fine */
	assert_int_equal(cpr_keys_load(p, NULL), 0);
	assert_int_equal(cpr_key_current(), 9);
	unlink(p);
	cpr_keys_unload();
}

/* ---------------------------------------------------------------- sealing, opening, hashing */

static void test_without_ring(void **state)
{
	(void)state;
	cpr_keys_unload();
	char d[CPR_DIGITS + 1] = "0101901234", out[CPR_DIGITS + 1];
	uint8_t box[CPR_BOX_BYTES] = {0}, h[CPR_HASH_BYTES];
	int key = -1;
	assert_false(cpr_keys_loaded());
	assert_int_equal(cpr_seal(d, box, &key), ERR_UNAVAILABLE);
	assert_int_equal(key, -1);
	assert_int_equal(cpr_hash(d, 0, h), ERR_UNAVAILABLE);
	assert_int_equal(cpr_hash(d, 1, h), ERR_UNAVAILABLE);
	assert_int_equal(cpr_open(box, sizeof(box), 1, out), ERR_UNAVAILABLE);
}

static void test_seal_open(void **state)
{
	(void)state;
	const char *p = path(0, "seal.key");
	assert_int_equal(cpr_keys_init(p), 0);
	assert_int_equal(cpr_keys_load(p, NULL), 0);
	char d[CPR_DIGITS + 1], out[CPR_DIGITS + 1];
	assert_true(cpr_normalize("010190-1234", d));
	uint8_t box[CPR_BOX_BYTES], box2[CPR_BOX_BYTES];
	int key = 0, key2 = 0;
	assert_int_equal(cpr_seal(d, box, &key), 0);
	assert_int_equal(key, 1);
	assert_int_equal(cpr_seal(d, box2, &key2), 0);
	assert_memory_not_equal(box, box2, sizeof(box)); /* a fresh nonce each time */
	assert_null(memmem(box, sizeof(box), d, CPR_DIGITS)); /* not in clear */
	assert_int_equal(cpr_open(box, sizeof(box), key, out), 0);
	assert_string_equal(out, "0101901234");
	assert_int_equal(cpr_open(box2, sizeof(box2), key2, out), 0);
	assert_string_equal(out, "0101901234");
	/* a changed byte anywhere: nonce, MAC or ciphertext */
	static const size_t where[] = {0, 23, 24, 39, 40, CPR_BOX_BYTES - 1};
	for (size_t i = 0; i < N_OF(where); i++) {
		uint8_t t[CPR_BOX_BYTES];
		memcpy(t, box, sizeof(t));
		t[where[i]] ^= 1;
		memset(out, '7', sizeof(out));
		assert_int_equal(cpr_open(t, sizeof(t), key, out), ERR_INVALID);
		assert_int_equal(out[0], '\0'); /* wiped */
	}
	assert_int_equal(cpr_open(box, sizeof(box) - 1, key, out), ERR_INVALID);
	assert_int_equal(cpr_open(NULL, 0, key, out), ERR_INVALID);
	assert_int_equal(cpr_open(box, sizeof(box), 2, out), ERR_UNAVAILABLE);
	assert_int_equal(cpr_open(box, sizeof(box), 0, out), ERR_UNAVAILABLE);
	/* only 10 digits are sealed or hashed */
	uint8_t h[CPR_HASH_BYTES];
	assert_int_equal(cpr_seal("01019012ab", box2, &key2), ERR_INVALID);
	assert_int_equal(cpr_hash("010190123x", 0, h), ERR_INVALID);
	/* under another key file's key 1 the box does not open */
	const char *other = path(1, "seal-other.key");
	assert_int_equal(cpr_keys_init(other), 0);
	assert_int_equal(cpr_keys_load(other, NULL), 0);
	assert_int_equal(cpr_open(box, sizeof(box), 1, out), ERR_INVALID);
	cpr_keys_unload();
}

static void test_hash(void **state)
{
	(void)state;
	const char *p = path(0, "hash.key");
	assert_int_equal(cpr_keys_init(p), 0);
	assert_int_equal(cpr_keys_load(p, NULL), 0);
	char d[CPR_DIGITS + 1], e[CPR_DIGITS + 1];
	assert_true(cpr_normalize("010190-1234", d));
	assert_true(cpr_normalize("0101901234", e));
	uint8_t h1[CPR_HASH_BYTES], h2[CPR_HASH_BYTES], h3[CPR_HASH_BYTES];
	assert_int_equal(cpr_hash(d, 0, h1), 0);
	assert_int_equal(cpr_hash(e, 1, h2), 0);
	assert_memory_equal(h1, h2, sizeof(h1)); /* equal digits, equal hash; 0 is the current key */
	assert_true(cpr_normalize("010190-1235", e));
	assert_int_equal(cpr_hash(e, 0, h2), 0);
	assert_memory_not_equal(h1, h2, sizeof(h1));
	/* a second key: the same digits hash differently under it */
	int id = 0;
	assert_int_equal(cpr_keys_rotate_file(p, &id), 0);
	assert_int_equal(id, 2);
	assert_int_equal(cpr_hash(d, 1, h2), 0);
	assert_memory_equal(h1, h2, sizeof(h1));
	assert_int_equal(cpr_hash(d, 2, h3), 0);
	assert_memory_not_equal(h1, h3, sizeof(h1));
	assert_int_equal(cpr_hash(d, 0, h2), 0);
	assert_memory_equal(h2, h3, sizeof(h2));
	assert_int_equal(cpr_hash(d, 3, h2), ERR_UNAVAILABLE);
	/* the hash is not the unkeyed hash of the digits */
	uint8_t plain[CPR_HASH_BYTES];
	assert_int_equal(crypto_generichash(plain, sizeof(plain), (const unsigned char *)d, CPR_DIGITS,
	                                    NULL, 0), 0);
	assert_memory_not_equal(plain, h2, sizeof(plain));
	assert_memory_not_equal(plain, h1, sizeof(plain));
	cpr_keys_unload();
}

/* ---------------------------------------------------------------- rotation */

static void test_rotate_retire_file(void **state)
{
	(void)state;
	const char *p = path(0, "rotate.key");
	assert_int_equal(cpr_keys_init(p), 0);
	char one[512], text[1024];
	read_file(p, one, sizeof(one));
	assert_int_equal(cpr_keys_load(p, NULL), 0);
	int id = 0;
	assert_int_equal(cpr_keys_rotate_file(p, &id), 0);
	assert_int_equal(id, 2);
	assert_int_equal(cpr_key_current(), 2); /* the ring was reloaded */
	read_file(p, text, sizeof(text));
	assert_int_equal(strncmp(text, one, strlen(one)), 0); /* the old key kept as it was */
	assert_int_equal(strncmp(text + strlen(one), "indgang-cpr-key 2 ", 18), 0);
	struct stat st;
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* the file's last key is the ring's current one: retiring keeps only it */
	char two[200];
	snprintf(two, sizeof(two), "%s", text + strlen(one));
	assert_int_equal(cpr_keys_retire_file(p), 0);
	read_file(p, text, sizeof(text));
	assert_string_equal(text, two);
	int ids[CPR_MAX_KEYS];
	assert_int_equal(cpr_key_ids(ids), 1);
	assert_int_equal(ids[0], 2);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* a ring whose current key is not the file's last: nothing is dropped */
	const char *other = path(1, "rotate-other.key");
	write_file(other, "indgang-cpr-key 1 " HEX_A "\nindgang-cpr-key 2 " HEX_B "\n");
	assert_int_equal(cpr_keys_retire_file(other), ERR_CONFLICT);
	read_file(other, text, sizeof(text));
	assert_string_equal(text, "indgang-cpr-key 1 " HEX_A "\nindgang-cpr-key 2 " HEX_B "\n");
	/* without a ring the file's last key is kept */
	cpr_keys_unload();
	assert_int_equal(cpr_keys_retire_file(other), 0);
	read_file(other, text, sizeof(text));
	assert_string_equal(text, "indgang-cpr-key 2 " HEX_B "\n");
	/* at most CPR_MAX_KEYS keys: rotate refuses the ninth */
	for (int i = 0; i < CPR_MAX_KEYS - 1; i++)
		assert_int_equal(cpr_keys_rotate_file(other, &id), 0);
	assert_int_equal(id, 2 + CPR_MAX_KEYS - 1);
	assert_int_equal(cpr_keys_rotate_file(other, &id), ERR_INVALID);
	assert_int_equal(cpr_keys_rotate_file(path(2, "missing.key"), &id), ERR_IO);
	assert_int_equal(leftovers(), 0);
	cpr_keys_unload();
}

/* another process rewrites the key file: the next seal, and an open under a key the ring
 * lacks, read it again; a file that cannot be read keeps the ring */
static void test_refresh(void **state)
{
	(void)state;
	const char *p = path(0, "refresh.key");
	assert_int_equal(cpr_keys_init(p), 0);
	assert_int_equal(cpr_keys_load(p, NULL), 0);
	assert_int_equal(cpr_keys_refresh(), 0); /* unchanged: nothing read */
	char d[CPR_DIGITS + 1], back[CPR_DIGITS + 1];
	assert_true(cpr_normalize("010190-1234", d));
	uint8_t box1[CPR_BOX_BYTES], box2[CPR_BOX_BYTES];
	int k1 = 0, k2 = 0;
	assert_int_equal(cpr_seal(d, box1, &k1), 0);
	assert_int_equal(k1, 1);
	/* the file as a rotation leaves it, written behind the ring's back */
	char one[512], two[1024];
	read_file(p, one, sizeof(one));
	snprintf(two, sizeof(two), "%sindgang-cpr-key 2 " HEX_B "\n", one);
	write_file(p, two);
	assert_int_equal(cpr_key_current(), 1);
	assert_int_equal(cpr_seal(d, box2, &k2), 0);
	assert_int_equal(k2, 2); /* the seal took up the new key */
	assert_int_equal(cpr_key_current(), 2);
	/* the file keeps only key 2: key 2's box opens, key 1's no longer does */
	write_file(p, "indgang-cpr-key 2 " HEX_B "\n");
	assert_int_equal(cpr_open(box1, sizeof(box1), 1, back), 0); /* the ring still has key 1 */
	assert_int_equal(cpr_keys_refresh(), 0);
	int ids[CPR_MAX_KEYS];
	assert_int_equal(cpr_key_ids(ids), 1);
	assert_int_equal(cpr_open(box2, sizeof(box2), 2, back), 0);
	assert_string_equal(back, d);
	assert_int_equal(cpr_open(box1, sizeof(box1), 1, back), ERR_UNAVAILABLE);
	/* an open under a key the ring lacks reads the file again */
	write_file(p, "indgang-cpr-key 2 " HEX_B "\nindgang-cpr-key 3 " HEX_A "\n");
	assert_int_equal(cpr_key_ids(ids), 1);
	uint8_t h[CPR_HASH_BYTES];
	assert_int_equal(cpr_hash(d, 3, h), 0);
	assert_int_equal(cpr_key_current(), 3);
	/* a file others may read is refused, and the ring stays */
	write_file(p, "indgang-cpr-key 4 " HEX_B "\n");
	chmod(p, 0644);
	assert_int_equal(cpr_keys_refresh(), ERR_INVALID);
	assert_int_equal(cpr_key_current(), 3);
	assert_int_equal(cpr_open(box2, sizeof(box2), 2, back), 0);
	cpr_keys_unload();
	assert_int_equal(cpr_keys_refresh(), 0); /* no ring: nothing to do */
	assert_false(cpr_keys_loaded());
}

/* threads seal and open while the key file is rotated under them again and again: each box
 * opens to its digits or, once its key is dropped, is refused as unavailable; never anything
 * else (AddressSanitizer watches the rings that are replaced) */
struct churn {
	int ok, gone, wrong;
};

static void *churn_thread(void *arg)
{
	struct churn *c = arg;
	char d[CPR_DIGITS + 1], back[CPR_DIGITS + 1];
	cpr_normalize("150585-6789", d);
	for (int i = 0; i < 3000; i++) {
		uint8_t box[CPR_BOX_BYTES];
		int k = 0;
		if (cpr_seal(d, box, &k) != 0) {
			c->wrong++;
			continue;
		}
		int rc = cpr_open(box, sizeof(box), k, back);
		if (rc == 0 && strcmp(back, d) == 0)
			c->ok++;
		else if (rc == ERR_UNAVAILABLE)
			c->gone++;
		else
			c->wrong++;
	}
	return NULL;
}

static void test_refresh_threads(void **state)
{
	(void)state;
	const char *p = path(0, "churn.key");
	assert_int_equal(cpr_keys_init(p), 0);
	assert_int_equal(cpr_keys_load(p, NULL), 0);
	log_set_level(LOG_WARN); /* not a line for each of the many reloads */
	enum { THREADS = 4 };
	pthread_t t[THREADS];
	struct churn c[THREADS] = {0};
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, churn_thread, &c[i]), 0);
	for (int r = 0; r < 40; r++) {
		int id = 0;
		assert_int_equal(cpr_keys_rotate_file(p, &id), 0);
		assert_int_equal(cpr_keys_retire_file(p), 0);
	}
	int ok = 0;
	for (int i = 0; i < THREADS; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_int_equal(c[i].wrong, 0);
		ok += c[i].ok;
	}
	log_set_level(LOG_INFO);
	assert_true(ok > 0);
	assert_int_equal(leftovers(), 0);
	cpr_keys_unload();
}

/* ---------------------------------------------------------------- re-keying stored numbers */

static const char *const cprs[] = {"0101901234", "3112991111", "2902004234"};

/* the cpr_hash column of citizen id into out */
static void stored_hash(struct db *db, int64_t id, uint8_t out[CPR_HASH_BYTES])
{
	struct db_stmt *s = db_prepare(db, "SELECT cpr_hash FROM citizens WHERE id = :id");
	assert_non_null(s);
	assert_int_equal(db_bind_int(s, ":id", id), 0);
	assert_int_equal(db_step(s), DB_ROW);
	int len = 0;
	const void *p = db_col_blob(s, 0, &len);
	assert_int_equal(len, CPR_HASH_BYTES);
	memcpy(out, p, CPR_HASH_BYTES);
	db_done(s);
}

/* three citizens with a CPR sealed under the ring's current key (ids 1-3), one without (4) */
static void add_citizens(struct db *db)
{
	assert_int_equal(EXEC_SQL(db, "INSERT INTO citizens (id, kommune, name, created_at, updated_at,"
	                              " active_at) VALUES"
	                              " (1, '621', 'A', '2026-01-01', '2026-01-01', '2026-01-01'),"
	                              " (2, '621', 'B', '2026-01-01', '2026-01-01', '2026-01-01'),"
	                              " (3, '740', 'C', '2026-01-01', '2026-01-01', '2026-01-01'),"
	                              " (4, '740', 'D', '2026-01-01', '2026-01-01', '2026-01-01')"),
	                 0);
	for (int i = 0; i < 3; i++) {
		uint8_t box[CPR_BOX_BYTES], h[CPR_HASH_BYTES];
		int key = 0;
		assert_int_equal(cpr_seal(cprs[i], box, &key), 0);
		assert_int_equal(cpr_hash(cprs[i], key, h), 0);
		assert_int_equal(cpr_store_reseal(db, i + 1, box, CPR_BOX_BYTES, key, h, CPR_HASH_BYTES), 0);
	}
}

/* every stored CPR of ids 1-3 opens to its digits under the key its row names, which is key */
static void check_rows(struct db *db, int key)
{
	struct cpr_store_box rows[8];
	int n = 0;
	assert_int_equal(cpr_store_boxes_after(db, 0, rows, 8, &n), 0);
	assert_int_equal(n, 3);
	for (int i = 0; i < n; i++) {
		char out[CPR_DIGITS + 1];
		assert_int_equal(rows[i].id, i + 1);
		assert_int_equal(rows[i].key_id, key);
		assert_int_equal(cpr_open(rows[i].box, (size_t)rows[i].len, rows[i].key_id, out), 0);
		assert_string_equal(out, cprs[i]);
	}
}

static void test_rekey(void **state)
{
	struct fixture *f = *state;
	const char *p = path(0, "rekey.key");
	assert_int_equal(cpr_keys_init(p), 0);
	assert_int_equal(cpr_keys_load(p, NULL), 0);
	add_citizens(f->db);
	check_rows(f->db, 1);
	uint8_t old[3][CPR_HASH_BYTES];
	for (int i = 0; i < 3; i++)
		stored_hash(f->db, i + 1, old[i]);
	int id = 0, count = -1;
	int64_t bad = 0;
	assert_int_equal(cpr_keys_rotate_file(p, &id), 0);
	assert_int_equal(id, 2);
	struct cpr_key_use *uses;
	int n = 0;
	assert_int_equal(cpr_key_usage(f->db, &f->a, &uses, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(uses[0].key_id, 1);
	assert_int_equal(uses[0].citizens, 3);
	assert_true(uses[0].loaded);
	assert_int_equal(uses[1].key_id, 2);
	assert_int_equal(uses[1].citizens, 0);
	assert_int_equal(cpr_rekey(f->db, &fixture_admin, &count, &bad), 0);
	assert_int_equal(count, 3);
	assert_int_equal(bad, 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM citizens WHERE cpr_key = 2"), 3);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM citizens WHERE cpr_box IS NULL"
	                                  " AND cpr_key IS NULL AND cpr_hash IS NULL"), 1);
	check_rows(f->db, 2);
	for (int i = 0; i < 3; i++) {
		uint8_t now[CPR_HASH_BYTES], want[CPR_HASH_BYTES];
		stored_hash(f->db, i + 1, now);
		assert_memory_not_equal(now, old[i], CPR_HASH_BYTES);
		assert_int_equal(cpr_hash(cprs[i], 2, want), 0);
		assert_memory_equal(now, want, CPR_HASH_BYTES);
	}
	assert_int_equal(fixture_audit_count(f->db, "rekey", "cpr_key"), 1);
	/* after retiring, the old key is gone from the file and every number still opens */
	assert_int_equal(cpr_keys_retire_file(p), 0);
	char text[512];
	read_file(p, text, sizeof(text));
	assert_null(strstr(text, "indgang-cpr-key 1 "));
	assert_int_equal(strncmp(text, "indgang-cpr-key 2 ", 18), 0);
	assert_int_equal(strchr(text, '\n') - text, 18 + 64);
	check_rows(f->db, 2);
	assert_int_equal(cpr_key_usage(f->db, &f->a, &uses, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(uses[0].key_id, 2);
	assert_int_equal(uses[0].citizens, 3);
	cpr_keys_unload();
}

static void test_rekey_fails_whole(void **state)
{
	struct fixture *f = *state;
	const char *p = path(0, "rekey-fail.key");
	assert_int_equal(cpr_keys_init(p), 0);
	assert_int_equal(cpr_keys_load(p, NULL), 0);
	add_citizens(f->db);
	int id = 0, count = -1;
	int64_t bad = 0;
	assert_int_equal(cpr_keys_rotate_file(p, &id), 0);
	/* citizen 2 names a key the file lacks: nothing changes */
	assert_int_equal(EXEC_SQL(f->db, "UPDATE citizens SET cpr_key = 7 WHERE id = 2"), 0);
	assert_int_equal(cpr_rekey(f->db, NULL, &count, &bad), ERR_UNAVAILABLE);
	assert_int_equal(bad, 2);
	assert_int_equal(count, -1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM citizens WHERE cpr_key = 1"), 2);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM citizens WHERE cpr_key = 2"), 0);
	assert_int_equal(fixture_audit_count(f->db, "rekey", NULL), 0);
	struct cpr_key_use *uses;
	int n = 0;
	assert_int_equal(cpr_key_usage(f->db, &f->a, &uses, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(uses[2].key_id, 7);
	assert_false(uses[2].loaded);
	assert_int_equal(uses[2].citizens, 1);
	/* a damaged box: ERR_INVALID, nothing changes */
	assert_int_equal(EXEC_SQL(f->db, "UPDATE citizens SET cpr_key = 1 WHERE id = 2"), 0);
	assert_int_equal(fixture_exec(db_prepare2(f->db,
	                 "UPDATE citizens SET cpr_box = zeroblob(50) WHERE id = 3",
	                 "UPDATE citizens SET cpr_box = decode(repeat('00', 50), 'hex') WHERE id = 3")),
	                 0);
	assert_int_equal(cpr_rekey(f->db, NULL, &count, &bad), ERR_INVALID);
	assert_int_equal(bad, 3);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM citizens WHERE cpr_key = 1"), 3);
	/* without a ring */
	cpr_keys_unload();
	assert_int_equal(cpr_rekey(f->db, NULL, &count, &bad), ERR_UNAVAILABLE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize_valid),
		cmocka_unit_test(test_normalize_invalid),
		cmocka_unit_test(test_century),
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_without_ring),
		cmocka_unit_test(test_seal_open),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_rotate_retire_file),
		cmocka_unit_test(test_refresh),
		cmocka_unit_test(test_refresh_threads),
		cmocka_unit_test_setup_teardown(test_rekey, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_rekey_fails_whole, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
