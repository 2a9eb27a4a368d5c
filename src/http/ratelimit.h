/*
 * ratelimit.h — a per-address request limit for public forms and endpoints (fixed windows, in
 * memory, per process). Layer: http.
 */
#ifndef INDGANG_RATELIMIT_H
#define INDGANG_RATELIMIT_H

#include <stdbool.h>

/* ratelimit_allow: counts one request of kind from key (an address) and says whether it is
 * within max per window seconds. Thread-safe. */
bool ratelimit_allow(const char *kind, const char *key, int max, int window);

#endif
