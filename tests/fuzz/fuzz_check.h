/*
 * fuzz_check.h — the one assertion the fuzz targets share.
 * Layer: tests (tests/fuzz/ only). FUZZ_CHECK names the broken invariant on stderr and aborts,
 * so libFuzzer records the input as a crash with its stack; it must never be compiled out the
 * way assert() is under NDEBUG.
 */
#ifndef INDGANG_FUZZ_CHECK_H
#define INDGANG_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_CHECK(cond, what)                                                               \
	do {                                                                                 \
		if (!(cond)) {                                                               \
			fprintf(stderr, "%s:%d: invariant broken: %s (%s)\n", __FILE__, __LINE__, \
			        (what), #cond);                                              \
			abort();                                                             \
		}                                                                            \
	} while (0)

#endif
