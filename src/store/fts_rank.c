/*
 * fts_rank.c — "indgang_rank": bm25 without the inverse document frequency (fts_rank.h).
 * Layer: store. Beside db.c the only file that speaks to SQLite: an FTS5 auxiliary function
 * is written against SQLite's extension interface.
 */
#include "fts_rank.h"

#include <sqlite3.h>
#include <stddef.h>

#define RANK_K1 1.2
#define RANK_B 0.75
#define RANK_MAX_COLUMNS 8

/* the columns' average lengths, worked out once per query */
struct rank_lengths {
	int ncol;
	double average[RANK_MAX_COLUMNS];
};

static struct rank_lengths *rank_lengths(const Fts5ExtensionApi *api, Fts5Context *fts, int *rc)
{
	struct rank_lengths *l = api->xGetAuxdata(fts, 0);
	if (l)
		return l;
	l = sqlite3_malloc(sizeof(*l));
	if (!l) {
		*rc = SQLITE_NOMEM;
		return NULL;
	}
	sqlite3_int64 rows = 0;
	*rc = api->xRowCount(fts, &rows);
	l->ncol = api->xColumnCount(fts);
	if (l->ncol > RANK_MAX_COLUMNS)
		l->ncol = RANK_MAX_COLUMNS;
	for (int c = 0; *rc == SQLITE_OK && c < l->ncol; c++) {
		sqlite3_int64 tokens = 0;
		*rc = api->xColumnTotalSize(fts, c, &tokens);
		l->average[c] = rows > 0 && tokens > 0 ? (double)tokens / (double)rows : 1.0;
	}
	if (*rc == SQLITE_OK)
		*rc = api->xSetAuxdata(fts, l, sqlite3_free);
	else
		sqlite3_free(l);
	return *rc == SQLITE_OK ? l : NULL;
}

static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                    int nval, sqlite3_value **val)
{
	int rc = SQLITE_OK;
	struct rank_lengths *l = rank_lengths(api, fts, &rc);
	double score = 0;
	int phrases = api->xPhraseCount(fts);
	for (int p = 0; rc == SQLITE_OK && p < phrases; p++) {
		Fts5PhraseIter it;
		int col;
		rc = api->xPhraseFirstColumn(fts, p, &it, &col);
		for (; rc == SQLITE_OK && col >= 0; api->xPhraseNextColumn(fts, &it, &col)) {
			if (col >= l->ncol)
				continue;
			int len = 0;
			rc = api->xColumnSize(fts, col, &len);
			double weight = col < nval ? sqlite3_value_double(val[col]) : 1.0;
			score += weight * (RANK_K1 + 1) /
			         (1 + RANK_K1 * (1 - RANK_B + RANK_B * (double)len / l->average[col]));
		}
	}
	if (rc == SQLITE_OK)
		sqlite3_result_double(ctx, -score);
	else
		sqlite3_result_error_code(ctx, rc);
}

int fts_rank_register(struct sqlite3 *h)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->iVersion < 2)
		return -1;
	return api->xCreateFunction(api, "indgang_rank", NULL, rank_fn, NULL) == SQLITE_OK ? 0 : -1;
}
