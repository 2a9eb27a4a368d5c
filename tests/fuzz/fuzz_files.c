/*
 * fuzz_files.c — libFuzzer target for the check of uploaded documents by content
 * (src/outreach/files.h): PDF, DOCX and XLSX judged by their bytes, the ZIP directory read with
 * every offset checked against the length. Whatever the input, files_check must return 0 with a
 * type and no message, or ERR_INVALID / ERR_TOOBIG with a Danish message and no type; a ZIP
 * input it accepts must name [Content_Types].xml. Run by tests/fuzz/run.sh; AddressSanitizer
 * catches any read outside the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/base/err.h"
#include "src/outreach/files.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a copy of exactly size bytes, so that a read past the end is caught */
	unsigned char *copy = malloc(size ? size : 1);
	FUZZ_CHECK(copy != NULL, "out of memory");
	if (size)
		memcpy(copy, data, size);
	enum files_type type = FILES_PDF;
	const char *why = NULL;
	int rc = files_check(copy, size, &type, &why);
	if (rc == 0) {
		FUZZ_CHECK(type == FILES_PDF || type == FILES_DOCX || type == FILES_XLSX,
		           "accepted without a type");
		FUZZ_CHECK(why == NULL, "accepted with a message");
		FUZZ_CHECK(files_type_key(type) != NULL && files_mime(type) != NULL, "no key or type");
		if (type != FILES_PDF)
			FUZZ_CHECK(size >= 4 && memcmp(copy, "PK\x03\x04", 4) == 0, "an Office file without PK");
	} else {
		FUZZ_CHECK(rc == ERR_INVALID || rc == ERR_TOOBIG, "an unexpected error code");
		FUZZ_CHECK(type == FILES_NONE, "refused with a type");
		FUZZ_CHECK(why != NULL && *why, "refused without a message");
	}
	free(copy);
	return 0;
}
