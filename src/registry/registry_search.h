/*
 * registry_search.h — searching the way Danes type: Danish stemming (Snowball, libstemmer),
 * æ/ae, ø/oe, å/aa as equals, case-insensitive, prefix search as you type.
 * Layer: capability domain (registry). Text is turned into folded terms both when an enterprise
 * is saved (stored in the FTS5 table enterprise_search) and when a query is asked, so both
 * sides meet in the same form: each word is kept whole and as its stem, lowercased and folded
 * (æ→ae, ø→oe, å→aa, ä→ae, ö→oe, ü→ue, é→e); a word with ø or å is also kept as a keyboard
 * without them writes it (ø→o, å→a: "kobmand" finds "Købmand"). Terms made before that plain
 * form was added get it when the enterprise is saved again (`indgang registry reindex`).
 */
#ifndef INDGANG_REGISTRY_SEARCH_H
#define INDGANG_REGISTRY_SEARCH_H

struct arena;

/* registry_search_terms: the index terms of name and description, space-separated, owned by a. */
char *registry_search_terms(struct arena *a, const char *name, const char *description);
/* registry_search_query: an FTS5 MATCH expression for what the user typed, owned by a, or NULL
 * when q holds no word. Every word must match: whole, by its stem, or (two letters or more) as
 * the beginning of longer words — a word of up to 5 letters always, a longer one only when it
 * is the last (the word being typed), so results come as you type. */
char *registry_search_query(struct arena *a, const char *q);
/* registry_search_query_whole: the same without the last word's long prefix. A prefix of 2-5
 * letters is one doclist of the index's prefix index (migration 0024), but a longer one is the
 * merge of every term it begins; the registry's search asks for it only while the page is not
 * full. Equal to registry_search_query when the last word is short. */
char *registry_search_query_whole(struct arena *a, const char *q);
/* registry_search_query_last: the last word alone, whole or by its stem, when it is longer than
 * the prefix index reaches, else NULL: a word that common by itself was typed in full, and its
 * prefix is not expanded (see registry_store_list). */
char *registry_search_query_last(struct arena *a, const char *q);
/* registry_search_fold: one word lowercased and folded (no stemming), owned by a. */
char *registry_search_fold(struct arena *a, const char *word, int len);

#endif
