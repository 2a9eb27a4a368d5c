/*
 * fts_rank.h — "indgang_rank", the FTS5 ranking function of the registry's search.
 * Layer: store. Registered on every connection by db.c; the search statements ask for it with
 * `rank MATCH 'indgang_rank(10.0, 1.0)'` (a weight per column), so the table's own
 * configuration (bm25) stays what other programs reading the file expect.
 *
 * It is bm25 without the inverse document frequency and with a term frequency of one per
 * column: the sum over the query's phrases and the columns holding them of
 *   weight(column) × (k1 + 1) / (1 + k1 × (1 − b + b × length / average length)),
 * negated so that the best comes first in ascending order, like bm25. FTS5's bm25 learns each
 * phrase's frequency by reading the phrase's whole doclist once per query, which for a common
 * word (tens of thousands of enterprises) cost more than the rest of the search; within one of
 * the search's tiers every match holds every word, so that weight orders little, while the
 * column and the length (a short name that is the words) order what matters. The index keeps
 * no positions (detail=column), so a term counts once per column as it did for bm25.
 */
#ifndef INDGANG_FTS_RANK_H
#define INDGANG_FTS_RANK_H

struct sqlite3;

/* fts_rank_register: makes indgang_rank known to the connection's FTS5. 0 or -1. */
int fts_rank_register(struct sqlite3 *h);

#endif
