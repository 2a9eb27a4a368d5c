/*
 * memo.h — a bounded, shared cache of answers: bytes kept under a text key together with the
 * version of the data they were made from.
 * Layer: base (libc and pthreads only). A capability that can tell the version of its data
 * cheaply (the registry's counter, which every write of an enterprise raises: registry.h)
 * keeps the answers it wrote and hands them out again while the version is the same: a version
 * that differs is a miss, and the entry is replaced by the next put. Every thread of the
 * process shares one memo; a mutex guards it, held only to find, copy or store an entry.
 *
 *   static struct memo list_memo = MEMO_INIT(256, 4 << 20);
 *   if (memo_get(&list_memo, key, version, &r->out)) ... the answer is in r->out
 *   else { ... write it ...; memo_put(&list_memo, key, version, r->out.data, r->out.len); }
 */
#ifndef INDGANG_MEMO_H
#define INDGANG_MEMO_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct memo_entry;

struct memo {
	pthread_mutex_t lock;
	int max_entries;          /* at most this many answers */
	size_t max_bytes;         /* and at most this many bytes of them, keys included */
	/* the state below is the memo's own */
	struct memo_entry *entries;
	int n;
	size_t bytes;
	uint64_t tick;            /* the clock of the least recently used entry's eviction */
	uint64_t hits, misses;
};

#define MEMO_INIT(entries, bytes) {PTHREAD_MUTEX_INITIALIZER, (entries), (bytes), NULL, 0, 0, 0, 0, 0}

/* memo_get: when key's answer is kept for exactly version, appends it to out and returns true;
 * false otherwise (out untouched). */
bool memo_get(struct memo *m, const char *key, int64_t version, struct buf *out);
/* memo_put: keeps len bytes of data as key's answer for version, replacing what key had and,
 * when the memo is full, the least recently used answers. An answer larger than a quarter of
 * max_bytes is not kept. Failing to allocate keeps nothing; the caller never needs to know. */
void memo_put(struct memo *m, const char *key, int64_t version, const void *data, size_t len);
/* memo_set_enabled: false makes every memo of the process miss and keep nothing from then on
 * (serve --no-memo: for measuring what an answer costs to make). On by default. */
void memo_set_enabled(bool on);
/* memo_clear: forgets every answer and frees their memory (at exit, and in tests). */
void memo_clear(struct memo *m);

#endif
