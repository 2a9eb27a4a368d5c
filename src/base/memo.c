/*
 * memo.c — the bounded, shared cache of answers of memo.h.
 * Layer: base. A small array searched by a hash of the key: a memo holds a few hundred answers
 * (the first pages of the lists people ask for most), so a walk over their hashes costs less
 * than the upkeep of a hash table would.
 */
#include "memo.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

struct memo_entry {
	uint64_t hash;
	char *key;       /* key and answer in one allocation: the key, its NUL, then the answer */
	size_t key_len;
	const char *data;
	size_t len;
	int64_t version;
	uint64_t used;   /* the memo's tick when last handed out or stored */
};

static atomic_bool memo_on = true;

/* FNV-1a, 64 bits */
static uint64_t memo_hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211u;
	}
	return h;
}

static struct memo_entry *memo_find(struct memo *m, uint64_t hash, const char *key, size_t key_len)
{
	for (int i = 0; i < m->n; i++) {
		struct memo_entry *e = &m->entries[i];
		if (e->hash == hash && e->key_len == key_len && memcmp(e->key, key, key_len) == 0)
			return e;
	}
	return NULL;
}

static void memo_drop(struct memo *m, struct memo_entry *e)
{
	m->bytes -= e->key_len + 1 + e->len;
	free(e->key);
	*e = m->entries[--m->n];
}

bool memo_get(struct memo *m, const char *key, int64_t version, struct buf *out)
{
	if (!atomic_load_explicit(&memo_on, memory_order_relaxed))
		return false;
	size_t key_len = strlen(key);
	uint64_t hash = memo_hash(key, key_len);
	bool hit = false;
	pthread_mutex_lock(&m->lock);
	struct memo_entry *e = memo_find(m, hash, key, key_len);
	if (e && e->version == version) {
		e->used = ++m->tick;
		hit = buf_append(out, e->data, e->len) == 0;
	}
	if (hit)
		m->hits++;
	else
		m->misses++;
	pthread_mutex_unlock(&m->lock);
	return hit;
}

void memo_put(struct memo *m, const char *key, int64_t version, const void *data, size_t len)
{
	if (!atomic_load_explicit(&memo_on, memory_order_relaxed) || m->max_entries <= 0)
		return;
	size_t key_len = strlen(key);
	size_t size = key_len + 1 + len;
	if (size > m->max_bytes / 4)
		return;
	char *copy = malloc(size);
	if (!copy)
		return;
	memcpy(copy, key, key_len + 1);
	memcpy(copy + key_len + 1, data, len);
	uint64_t hash = memo_hash(key, key_len);

	pthread_mutex_lock(&m->lock);
	if (!m->entries)
		m->entries = calloc((size_t)m->max_entries, sizeof(*m->entries));
	struct memo_entry *e = m->entries ? memo_find(m, hash, key, key_len) : NULL;
	if (e)
		memo_drop(m, e);
	/* room: the least recently used go first */
	while (m->entries && m->n > 0 && (m->n >= m->max_entries || m->bytes + size > m->max_bytes)) {
		struct memo_entry *old = &m->entries[0];
		for (int i = 1; i < m->n; i++)
			if (m->entries[i].used < old->used)
				old = &m->entries[i];
		memo_drop(m, old);
	}
	if (m->entries) {
		e = &m->entries[m->n++];
		*e = (struct memo_entry){hash, copy, key_len, copy + key_len + 1, len, version, ++m->tick};
		m->bytes += size;
		copy = NULL;
	}
	pthread_mutex_unlock(&m->lock);
	free(copy);
}

void memo_clear(struct memo *m)
{
	pthread_mutex_lock(&m->lock);
	for (int i = 0; i < m->n; i++)
		free(m->entries[i].key);
	free(m->entries);
	m->entries = NULL;
	m->n = 0;
	m->bytes = 0;
	pthread_mutex_unlock(&m->lock);
}

void memo_set_enabled(bool on)
{
	atomic_store(&memo_on, on);
}
