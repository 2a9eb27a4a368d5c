/*
 * ratelimit.c — fixed-window request counting per kind and address. Layer: http.
 * A small open-addressed table; when a neighbourhood is full the oldest window is reused, so
 * memory stays fixed under any number of addresses.
 */
#include "ratelimit.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#define SLOTS 4096
#define PROBES 8

struct slot {
	uint64_t hash;
	time_t start;
	int count;
};

static struct slot slots[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t fnv(const char *kind, const char *key)
{
	uint64_t h = 1469598103934665603ULL;
	for (const char *p = kind; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	h = (h ^ 0xff) * 1099511628211ULL;
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return h ? h : 1;
}

bool ratelimit_allow(const char *kind, const char *key, int max, int window)
{
	uint64_t h = fnv(kind, key ? key : "");
	time_t now = time(NULL);
	pthread_mutex_lock(&lock);
	struct slot *use = NULL, *oldest = NULL;
	for (int i = 0; i < PROBES && !use; i++) {
		struct slot *s = &slots[(h + (uint64_t)i) % SLOTS];
		if (s->hash == h)
			use = s;
		else if (!oldest || s->start < oldest->start)
			oldest = s;
	}
	if (!use) {
		use = oldest;
		use->hash = h;
		use->start = now;
		use->count = 0;
	}
	if (now - use->start >= window) {
		use->start = now;
		use->count = 0;
	}
	bool ok = ++use->count <= max;
	pthread_mutex_unlock(&lock);
	return ok;
}
