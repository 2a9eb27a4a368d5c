/*
 * collate.c — Danish collation through ICU. Layer: store.
 * A UCollator must not be shared between threads, and each SQLite connection lives on one
 * thread, so each connection gets its own.
 */
#include "collate.h"

#include <pthread.h>
#include <string.h>
#include <stdlib.h>
#include <unicode/ucasemap.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "../base/arena.h"
#include "../base/log.h"

struct collator *collate_open(void)
{
	UErrorCode status = U_ZERO_ERROR;
	UCollator *c = ucol_open("da", &status);
	if (U_FAILURE(status)) {
		log_error("collate: ICU has no Danish collation: %s", u_errorName(status));
		return NULL;
	}
	return (struct collator *)c;
}

void collate_close(struct collator *c)
{
	if (c)
		ucol_close((UCollator *)c);
}

int collate_cmp(struct collator *c, const char *a, int alen, const char *b, int blen)
{
	UErrorCode status = U_ZERO_ERROR;
	UCollationResult r = ucol_strcollUTF8((UCollator *)c, a, alen, b, blen, &status);
	if (U_FAILURE(status))
		return 0;
	return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

static pthread_key_t coll_key;
static pthread_once_t coll_once = PTHREAD_ONCE_INIT;

static void coll_free(void *c)
{
	collate_close(c);
}

static void coll_key_make(void)
{
	pthread_key_create(&coll_key, coll_free);
}

const uint8_t *collate_sort_key(struct arena *a, const char *s, int *len)
{
	pthread_once(&coll_once, coll_key_make);
	UCollator *c = pthread_getspecific(coll_key);
	if (!c) {
		c = (UCollator *)collate_open();
		pthread_setspecific(coll_key, c);
	}
	*len = 0;
	if (!c || !s)
		return (const uint8_t *)"";
	/* UTF-8 to UTF-16, as ucol_getSortKey wants */
	int32_t n16 = 0;
	UErrorCode status = U_ZERO_ERROR;
	u_strFromUTF8(NULL, 0, &n16, s, -1, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return (const uint8_t *)"";
	UChar *u = arena_alloc(a, sizeof(UChar) * (size_t)(n16 + 1));
	status = U_ZERO_ERROR;
	u_strFromUTF8(u, n16 + 1, NULL, s, -1, &status);
	if (U_FAILURE(status))
		return (const uint8_t *)"";
	int32_t need = ucol_getSortKey(c, u, n16, NULL, 0);
	uint8_t *key = arena_alloc(a, (size_t)need + 1);
	ucol_getSortKey(c, u, n16, key, need + 1);
	/* the key ends in a NUL byte, which is not part of the comparison */
	*len = need > 0 ? need - 1 : 0;
	return key;
}

/* one case map for the process: it is not changed after it is opened, and ICU lets threads share
 * a const one */
static UCaseMap *casemap;
static pthread_once_t casemap_once = PTHREAD_ONCE_INIT;

static void casemap_make(void)
{
	UErrorCode status = U_ZERO_ERROR;
	casemap = ucasemap_open("", 0, &status);
	if (U_FAILURE(status)) {
		log_error("collate: ICU has no case map: %s", u_errorName(status));
		casemap = NULL;
	}
}

char *collate_lower(const char *s, int len, int *outlen)
{
	pthread_once(&casemap_once, casemap_make);
	if (!casemap || len < 0)
		return NULL;
	/* lower case seldom grows a string; when it does, ICU says by how much */
	int32_t cap = len + 16;
	for (int tries = 0; tries < 2; tries++) {
		char *out = malloc((size_t)cap + 1);
		if (!out)
			return NULL;
		UErrorCode status = U_ZERO_ERROR;
		int32_t n = ucasemap_utf8ToLower(casemap, out, cap + 1, s, len, &status);
		if (U_SUCCESS(status) && n <= cap) {
			out[n] = '\0';
			*outlen = n;
			return out;
		}
		free(out);
		if (status != U_BUFFER_OVERFLOW_ERROR)
			return NULL;
		cap = n;
	}
	return NULL;
}
