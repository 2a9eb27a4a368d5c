/*
 * collate.c — Danish collation through ICU. Layer: store.
 * A UCollator must not be shared between threads, and each SQLite connection lives on one
 * thread, so each connection gets its own.
 */
#include "collate.h"

#include <unicode/ucol.h>

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
