/*
 * reports_yearly.c — the yearly report gathered: the survey's tables of a round (and a second
 * round), Tabel 1 and Tabel 2 from the registry for the municipalities that answered, Tabel 4
 * from the placements, and Tabel 12 counted from the advisory sessions.
 * Layer: capability domain (reports); no SQL.
 */
#include <stdio.h>
#include <string.h>

#include "../auth/access.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "reports.h"

int reports_table_number(const struct survey *s, int i)
{
	const char *c = s->questions[i].code;
	if (c[0] == 't' && c[1] >= '1' && c[1] <= '9') {
		int v = c[1] - '0';
		if (c[2] >= '0' && c[2] <= '9' && c[3] == '\0')
			v = v * 10 + (c[2] - '0');
		else if (c[2] != '\0')
			return i + 2;
		if (v >= 2)
			return v;
	}
	return i + 2;
}

const char *reports_round_name(const struct round *rd)
{
	return rd->title && *rd->title ? rd->title : rd->code;
}

/* answered: whether anybody answered the question in the round of qr */
static bool answered(const struct qreport *qr)
{
	switch (qr->q->type) {
	case Q_SINGLE:
	case Q_MULTI:
		return qr->answered > 0;
	case Q_MATRIX:
		for (int it = 0; it < qr->q->nitems; it++)
			if (qr->item_answered[it] > 0)
				return true;
		return false;
	case Q_NUMBER:
		return qr->n > 0;
	case Q_TEXT:
		return qr->ntexts > 0;
	}
	return false;
}

const struct qreport *reports_compared(const struct yearly *y, int i)
{
	return y->has_compare && answered(&y->cmp.q[i]) ? &y->cmp.q[i] : NULL;
}

/* round_month: the month a round asks about: that of its opening date, else of its closing
 * date, else month dflt of year */
static void round_month(const struct round *rd, int year, int dflt, char out[8])
{
	const char *d = rd->opens && *rd->opens ? rd->opens : rd->closes && *rd->closes ? rd->closes : NULL;
	if (d && strlen(d) >= 7)
		snprintf(out, 8, "%.7s", d);
	else
		snprintf(out, 8, "%04u-%02u", (unsigned)year % 10000u, (unsigned)dflt % 100u);
}

/* bucket_index: the position of advised's bucket (advisory_bucket) among Tabel 12's five */
static int bucket_index(int advised)
{
	static const char *const buckets[REPORTS_T12_BUCKETS] = {"0", "1-2", "3-5", "6-10", ">10"};
	const char *b = advisory_bucket(advised);
	for (int i = 0; i < REPORTS_T12_BUCKETS; i++)
		if (strcmp(b, buckets[i]) == 0)
			return i;
	return 0;
}

/* respondents: the codes of the municipalities that submitted an answer to rd, NULL-ended */
static int respondents(struct db *db, struct arena *a, const struct survey *s,
                       const struct round *rd, const char ***codes, int *n)
{
	struct response *answers;
	int na;
	int rc = surveys_submitted(db, a, s, rd, &answers, &na);
	if (rc)
		return rc;
	const char **out = arena_alloc(a, sizeof(*out) * (size_t)(na + 1));
	for (int i = 0; i < na; i++)
		out[i] = answers[i].kommune;
	*codes = out;
	*n = na;
	return 0;
}

/* t12_from_data: t->counts for the municipalities kommuner[0..nk) in t->month */
static int t12_from_data(struct db *db, struct arena *a, const char *const *kommuner, int nk,
                         struct yearly_t12 *t)
{
	struct advisory_row *rows;
	int n;
	int rc = advisory_stats(db, a, t->month, t->month, NULL, &rows, &n);
	if (rc)
		return rc;
	memset(t->counts, 0, sizeof(t->counts));
	for (int k = 0; k < nk; k++) {
		int advised = 0;
		for (int i = 0; i < n; i++)
			if (strcmp(rows[i].kommune, kommuner[k]) == 0 && rows[i].nmonths > 0)
				advised = rows[i].months[0].advised;
		t->counts[bucket_index(advised)]++;
	}
	t->municipalities = nk;
	return 0;
}

/* load_rounds: the survey, its round and the second round, with *missing naming what is not
 * there */
static int load_rounds(struct db *db, struct arena *a, const char *survey, const char *round,
                       const char *compare, struct yearly *out, const char **missing)
{
	if (!survey || surveys_load(db, a, survey, &out->s) != 0) {
		*missing = "survey";
		return ERR_NOTFOUND;
	}
	if (!round || surveys_round(db, a, &out->s, round, &out->rd) != 0) {
		*missing = "round";
		return ERR_NOTFOUND;
	}
	out->has_compare = compare && *compare;
	if (out->has_compare && surveys_round(db, a, &out->s, compare, &out->cmp_rd) != 0) {
		*missing = "compare";
		return ERR_NOTFOUND;
	}
	return 0;
}

int reports_yearly(struct db *db, struct arena *a, const struct principal *who, int year,
                   const char *survey, const char *round, const char *compare,
                   struct yearly *out, const char **missing)
{
	*missing = NULL;
	if (access_national_figures(who) != 0)
		return ERR_FORBIDDEN;
	if (year < 1900 || year > 2200)
		return ERR_INVALID;
	memset(out, 0, sizeof(*out));
	out->year = year;
	int rc = load_rounds(db, a, survey, round, compare, out, missing);
	if (rc == 0)
		rc = surveys_report(db, a, &out->s, &out->rd, &out->rep);
	if (rc == 0 && out->has_compare)
		rc = surveys_report(db, a, &out->s, &out->cmp_rd, &out->cmp);
	if (rc == 0)
		rc = respondents(db, a, &out->s, &out->rd, &out->kommuner, &out->nkommuner);
	if (rc)
		return rc;
	/* the registry's tables for the municipalities that answered, as the 2015 report's 17 */
	const char *const *list = out->nkommuner ? out->kommuner : NULL;
	struct tabel1_row *before, before_sum;
	int nbefore;
	rc = registry_tabel1(db, a, year, list, &out->t1, &out->nt1, &out->t1_sum);
	if (rc == 0)
		rc = registry_tabel1(db, a, year - 1, list, &before, &nbefore, &before_sum);
	if (rc == 0)
		rc = registry_tabel2(db, a, year, list, &out->t2, &out->nt2, &out->t2_total);
	if (rc)
		return rc;
	out->t1_total_before = before_sum.total;
	const struct question *t4 = surveys_question(&out->s, "t4");
	if (t4 && t4->type == Q_MATRIX) {
		struct employment_row *rows;
		int n;
		if ((rc = employment_stats(db, a, year, NULL, false, &rows, &n, &out->t4)) != 0)
			return rc;
		out->has_t4 = true;
	}
	const struct question *t12 = surveys_question(&out->s, "t12");
	out->has_t12 = t12 && t12->type == Q_SINGLE && t12->noptions == REPORTS_T12_BUCKETS;
	if (!out->has_t12)
		return 0;
	round_month(&out->rd, year, 11, out->t12.month);
	rc = t12_from_data(db, a, out->kommuner, out->nkommuner, &out->t12);
	if (rc == 0 && out->has_compare) {
		const char **cmp_kommuner;
		int ncmp;
		round_month(&out->cmp_rd, year, 1, out->t12_cmp.month);
		rc = respondents(db, a, &out->s, &out->cmp_rd, &cmp_kommuner, &ncmp);
		if (rc == 0)
			rc = t12_from_data(db, a, cmp_kommuner, ncmp, &out->t12_cmp);
	}
	return rc;
}
