/*
 * registry_search.c — Danish search terms: words, stems, folding. Layer: capability domain.
 * libstemmer's stemmers are not thread-safe, so each thread keeps its own.
 */
#include "registry_search.h"

#include <libstemmer.h>
#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"

#define WORD_MAX 100

static pthread_key_t stem_key;
static pthread_once_t stem_once = PTHREAD_ONCE_INIT;

static void stem_free(void *p)
{
	sb_stemmer_delete(p);
}

static void stem_key_make(void)
{
	pthread_key_create(&stem_key, stem_free);
}

static struct sb_stemmer *stemmer(void)
{
	pthread_once(&stem_once, stem_key_make);
	struct sb_stemmer *s = pthread_getspecific(stem_key);
	if (!s) {
		s = sb_stemmer_new("danish", "UTF_8");
		pthread_setspecific(stem_key, s);
	}
	return s;
}

/* is the UTF-8 sequence at p a letter or digit we index? ASCII alnum, or any non-ASCII letter
 * of Latin-1 Supplement and beyond (punctuation there is rare in names) */
static int word_char_len(const unsigned char *p)
{
	if (*p < 0x80)
		return ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) ? 1 : 0;
	if (*p == 0xC2) /* U+0080..U+00BF: symbols and punctuation (« » § ° ...) */
		return 0;
	if (*p == 0xC3 && (p[1] == 0x97 || p[1] == 0xB7)) /* × ÷ */
		return 0;
	int n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;
	if (*p >= 0xE2 && *p <= 0xE3) /* general punctuation, arrows, CJK symbols */
		return 0;
	for (int i = 1; i < n; i++)
		if (!p[i])
			return 0;
	return n;
}

/* lowercase Latin-1 capitals (U+00C0..U+00DE) and ASCII, into out */
static void lower_into(struct buf *out, const char *w, int len)
{
	const unsigned char *p = (const unsigned char *)w;
	for (int i = 0; i < len; i++) {
		if (p[i] >= 'A' && p[i] <= 'Z') {
			buf_putc(out, (char)(p[i] + 32));
		} else if (p[i] == 0xC3 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9E &&
		           p[i + 1] != 0x97) {
			buf_putc(out, (char)0xC3);
			buf_putc(out, (char)(p[i + 1] + 0x20));
			i++;
		} else {
			buf_putc(out, (char)p[i]);
		}
	}
}

/* fold a lowercased word: æ→ae ø→oe å→aa ä→ae ö→oe ü→ue, accented vowels to plain; with
 * plain, the way a keyboard without the Danish letters writes them instead: æ→ae ø→o å→a ä→a
 * ö→o ü→u ("kobmand" for "købmand") */
static void fold_into(struct buf *out, const char *w, size_t len, bool plain)
{
	const unsigned char *p = (const unsigned char *)w;
	for (size_t i = 0; i < len; i++) {
		if (p[i] == 0xC3 && i + 1 < len) {
			const char *rep = NULL;
			switch (p[i + 1]) {
			case 0xA6: rep = "ae"; break;                       /* æ */
			case 0xA4: rep = plain ? "a" : "ae"; break;         /* ä */
			case 0xB8: case 0xB6: rep = plain ? "o" : "oe"; break; /* ø ö */
			case 0xA5: rep = plain ? "a" : "aa"; break;         /* å */
			case 0xBC: rep = plain ? "u" : "ue"; break;         /* ü */
			case 0xA9: case 0xA8: case 0xAA: case 0xAB: rep = "e"; break; /* é è ê ë */
			case 0xA1: case 0xA0: case 0xA2: rep = "a"; break;
			case 0xB3: case 0xB2: case 0xB4: rep = "o"; break;
			case 0xAD: case 0xAC: case 0xAE: case 0xAF: rep = "i"; break;
			case 0xBA: case 0xB9: case 0xBB: rep = "u"; break;
			case 0xA7: rep = "c"; break;
			case 0xB1: rep = "n"; break;
			}
			if (rep) {
				buf_puts(out, rep);
				i++;
				continue;
			}
		}
		buf_putc(out, (char)p[i]);
	}
}

char *registry_search_fold(struct arena *a, const char *word, int len)
{
	struct buf low, folded;
	buf_init(&low, 4 * WORD_MAX);
	buf_init(&folded, 8 * WORD_MAX);
	lower_into(&low, word, len);
	fold_into(&folded, buf_str(&low), low.len, false);
	char *r = arena_strdup(a, buf_str(&folded));
	buf_free(&low);
	buf_free(&folded);
	return r;
}

/* the word lowercased and folded the plain way (fold_into), owned by a */
static char *plain_fold(struct arena *a, const char *word, int len)
{
	struct buf low, folded;
	buf_init(&low, 4 * WORD_MAX);
	buf_init(&folded, 8 * WORD_MAX);
	lower_into(&low, word, len);
	fold_into(&folded, buf_str(&low), low.len, true);
	char *r = arena_strdup(a, buf_str(&folded));
	buf_free(&low);
	buf_free(&folded);
	return r;
}

/* the folded stem of one word */
static char *stem_fold(struct arena *a, const char *word, int len)
{
	struct buf low, folded;
	buf_init(&low, 4 * WORD_MAX);
	buf_init(&folded, 8 * WORD_MAX);
	lower_into(&low, word, len);
	struct sb_stemmer *s = stemmer();
	const sb_symbol *st = s ? sb_stemmer_stem(s, (const sb_symbol *)buf_str(&low), (int)low.len) : NULL;
	if (st)
		fold_into(&folded, (const char *)st, (size_t)sb_stemmer_length(s), false);
	else
		fold_into(&folded, buf_str(&low), low.len, false);
	char *r = arena_strdup(a, buf_str(&folded));
	buf_free(&low);
	buf_free(&folded);
	return r;
}

/* calls fn for each word of text */
static void each_word(const char *text, void (*fn)(void *, const char *, int), void *ctx)
{
	const unsigned char *p = (const unsigned char *)(text ? text : "");
	while (*p) {
		int n = word_char_len(p);
		if (!n) {
			p += (*p >= 0xC0) ? (*p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2) : 1;
			continue;
		}
		const unsigned char *start = p;
		while (*p && (n = word_char_len(p)) > 0)
			p += n;
		int len = (int)(p - start);
		if (len <= 4 * WORD_MAX)
			fn(ctx, (const char *)start, len);
	}
}

struct terms_ctx {
	struct arena *a;
	struct buf *out;
};

static void add_terms(void *c, const char *w, int len)
{
	struct terms_ctx *t = c;
	char *whole = registry_search_fold(t->a, w, len);
	char *stem = stem_fold(t->a, w, len);
	if (t->out->len)
		buf_putc(t->out, ' ');
	buf_puts(t->out, whole);
	if (strcmp(stem, whole) != 0) {
		buf_putc(t->out, ' ');
		buf_puts(t->out, stem);
	}
	/* a word with ø, å (or ä, ö, ü) also as a keyboard without them writes it: "kobmand" finds
	 * "Købmand", as "koebmand" and "købm" do */
	char *plain = plain_fold(t->a, w, len);
	if (strcmp(plain, whole) != 0) {
		buf_putc(t->out, ' ');
		buf_puts(t->out, plain);
	}
}

char *registry_search_terms(struct arena *a, const char *name, const char *description)
{
	struct buf out;
	buf_init(&out, 0);
	struct terms_ctx t = {a, &out};
	each_word(name, add_terms, &t);
	each_word(description, add_terms, &t);
	char *r = arena_strdup(a, buf_str(&out));
	buf_free(&out);
	return r;
}

struct query_ctx {
	struct arena *a;
	const char *whole[16], *stem[16]; /* a bound on the query's size */
	int words;
};

static void add_query(void *c, const char *w, int len)
{
	struct query_ctx *q = c;
	if (q->words >= 16)
		return;
	q->whole[q->words] = registry_search_fold(q->a, w, len);
	q->stem[q->words] = stem_fold(q->a, w, len);
	q->words++;
}

/* the longest prefix the registry's search index holds (migration 0024: prefix = '2 3 4 5') */
#define PREFIX_INDEXED 5

/* query: the MATCH expression of q's words: each whole or by its stem, and as the beginning
 * of longer words when it is short enough for the prefix index; the last word also when it is
 * longer, if prefix is true */
static char *query(struct arena *a, const char *q, bool prefix)
{
	struct query_ctx ctx = {.a = a};
	each_word(q, add_query, &ctx);
	if (!ctx.words)
		return NULL;
	/* terms hold only [a-z0-9] and folded letters: nothing to quote inside "...". A single
	 * letter is no prefix worth expanding. */
	struct buf out;
	buf_init(&out, 0);
	for (int i = 0; i < ctx.words; i++) {
		if (i)
			buf_puts(&out, " AND ");
		size_t len = strlen(ctx.whole[i]);
		bool star = len >= 2 && (len <= PREFIX_INDEXED || (prefix && i == ctx.words - 1));
		buf_printf(&out, star ? "(\"%s\"* OR \"%s\")" : "(\"%s\" OR \"%s\")", ctx.whole[i],
		           ctx.stem[i]);
	}
	char *r = arena_strdup(a, buf_str(&out));
	buf_free(&out);
	return r;
}

char *registry_search_query(struct arena *a, const char *q)
{
	return query(a, q, true);
}

char *registry_search_query_whole(struct arena *a, const char *q)
{
	return query(a, q, false);
}

char *registry_search_query_last(struct arena *a, const char *q)
{
	struct query_ctx ctx = {.a = a};
	each_word(q, add_query, &ctx);
	if (!ctx.words)
		return NULL;
	int last = ctx.words - 1;
	if (strlen(ctx.whole[last]) <= PREFIX_INDEXED)
		return NULL;
	return arena_printf(a, "(\"%s\" OR \"%s\")", ctx.whole[last], ctx.stem[last]);
}
