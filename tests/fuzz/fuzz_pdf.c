/*
 * fuzz_pdf.c — libFuzzer target for the content check of a bid's documents (pdf_check in
 * src/procurement/pdf.h). Any bytes must give a verdict without a crash, a read outside the
 * input or an allocation; the verdict must be one of enum pdf_result with a Danish message, the
 * same verdict twice, and a file accepted must start its header within the first 1024 bytes
 * and end with %%EOF within the last 1024. Seeds: tests/fuzz/corpus/pdf/ (sample PDFs of
 * tests/data/pdf/). Run by tests/fuzz/run.sh.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/procurement/pdf.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a copy of exactly size bytes, so AddressSanitizer sees any read past the end */
	uint8_t *copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	if (size)
		memcpy(copy, data, size);
	enum pdf_result r = pdf_check(size ? copy : NULL, size);
	FUZZ_CHECK(r >= PDF_OK && r <= PDF_ACTIVE, "verdict out of range");
	FUZZ_CHECK(pdf_check(size ? copy : NULL, size) == r, "verdict not deterministic");
	if (r != PDF_OK)
		FUZZ_CHECK(strlen(pdf_message(r)) > 10, "no Danish message for a refusal");
	if (r == PDF_OK) {
		size_t head = size < 1024 ? size : 1024;
		FUZZ_CHECK(memmem(copy, head + (size - head < 8 ? size - head : 8), "%PDF-", 5) != NULL,
		           "accepted without a header near the start");
		size_t tail = size < 1024 ? size : 1024;
		FUZZ_CHECK(memmem(copy + size - tail, tail, "%%EOF", 5) != NULL,
		           "accepted without %%EOF near the end");
	}
	free(copy);
	return 0;
}
