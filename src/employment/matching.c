/*
 * matching.c — matching citizens and openings: the score and its reasons, both directions of
 * the match, and the municipality's weights. Layer: capability domain (employment).
 * The hard rules are SQL (matching_store.c), one statement each way; the score is computed here
 * for every row that passes, and the texts of the reasons only for the rows returned.
 */
#include "matching.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../store/db.h"
#include "../view/json.h"
#include "citizens.h"
#include "employment.h"
#include "matching_store.h"

#define RANGE " skal være et helt tal fra 0 til 100."
const struct match_factor_def matching_factors[MATCH_FACTOR_COUNT] = {
	[MATCH_TASKS] = {"tasks", "Opgaver der passer",
	                 "Andelen af stillingens opgaver, som borgeren kan.", 30,
	                 "Vægten for opgaver der passer" RANGE},
	[MATCH_TARGETS] = {"targets", "Virksomhedens målgrupper",
	                   "Virksomheden har fleksjob, ressourceforløb eller udsatte ledige som "
	                   "målgruppe, og ordningen passer.", 15,
	                   "Vægten for virksomhedens målgrupper" RANGE},
	[MATCH_SOEV] = {"soev", "Socialøkonomisk virksomhed",
	                "Stillingen er hos en socialøkonomisk virksomhed, ikke en almindelig "
	                "virksomhed.", 10, "Vægten for socialøkonomisk virksomhed" RANGE},
	[MATCH_ADAPTATIONS] = {"adaptations", "Tilpasninger",
	                       "Stillingen tilbyder de tilpasninger, borgeren har brug for, og flere.",
	                       15, "Vægten for tilpasninger" RANGE},
	[MATCH_SEATS] = {"seats", "Ledige pladser", "Flere ledige pladser giver flere point (fuldt ved 5).",
	                 10, "Vægten for ledige pladser" RANGE},
	[MATCH_INHOUSE] = {"inhouse", "Inhouse-gruppe",
	                   "Borgeren ansættes sammen med en gruppe i samme situation.", 5,
	                   "Vægten for Inhouse-gruppe" RANGE},
	[MATCH_RECENCY] = {"recency", "Ny stilling",
	                   "Nyere stillinger giver flere point (ingen efter 90 dage).", 15,
	                   "Vægten for ny stilling" RANGE},
};
#undef RANGE

/* the target groups of the registry that say an enterprise knows a scheme */
static const struct {
	int schemes;        /* bits of enum scheme */
	const char *target; /* a key of target_groups */
	const char *text;   /* in "Virksomheden har erfaring med ..." */
} scheme_targets[] = {
	{SCHEME_FLEKSJOB, "fleksjob", "fleksjob"},
	{SCHEME_RESSOURCEFORLOEB, "ressourceforloeb", "ressourceforløb"},
	{SCHEME_PRAKTIK | SCHEME_LOENTILSKUD, "udsatte_ledige", "udsatte ledige"},
};
#define SCHEME_TARGETS ((int)(sizeof(scheme_targets) / sizeof(scheme_targets[0])))

#define ADAPTATIONS_FULL 4 /* 2 × needs met + others offered that give the factor in full */
#define LIST_MAX 32        /* adaptations named in a reason */

int matching_factor_parse(const char *key)
{
	for (int i = 0; key && i < MATCH_FACTOR_COUNT; i++)
		if (strcmp(matching_factors[i].key, key) == 0)
			return i;
	return -1;
}

void matching_weights_default(struct match_weights *w)
{
	memset(w, 0, sizeof(*w));
	for (int i = 0; i < MATCH_FACTOR_COUNT; i++)
		w->points[i] = matching_factors[i].weight;
}

/* ================================================================ the score */

/* the words of list joined the Danish way: "a", "a og b", "a, b og c"; owned by a */
static const char *join_da(struct arena *a, const char *const *list, int n)
{
	struct buf b;
	buf_init(&b, 4096);
	for (int i = 0; i < n; i++) {
		if (i)
			buf_puts(&b, i == n - 1 ? " og " : ", ");
		buf_puts(&b, list[i]);
	}
	const char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* label with an ASCII capital first letter lowered, for the middle of a sentence; owned by a */
static const char *lower_first(struct arena *a, const char *label)
{
	char *s = arena_strdup(a, label ? label : "");
	if (s[0] >= 'A' && s[0] <= 'Z')
		s[0] = (char)(s[0] - 'A' + 'a');
	return s;
}

/* the fraction 0..1 of factor i for facts */
static double factor_fraction(int i, const struct match_facts *f)
{
	double x = 0;
	switch (i) {
	case MATCH_TASKS:
		x = f->tasks_total > 0 ? (double)f->tasks_matched / f->tasks_total : 0;
		break;
	case MATCH_TARGETS:
		x = f->target_groups ? 1 : 0;
		break;
	case MATCH_SOEV:
		x = f->soev ? 1 : 0;
		break;
	case MATCH_ADAPTATIONS:
		x = (double)(2 * f->needs_met + f->extras) / ADAPTATIONS_FULL;
		break;
	case MATCH_SEATS:
		x = (double)f->seats_left / MATCH_SEATS_FULL;
		break;
	case MATCH_INHOUSE:
		x = f->inhouse ? 1 : 0;
		break;
	case MATCH_RECENCY:
		x = 1.0 - (double)(f->age_days > 0 ? f->age_days : 0) / MATCH_RECENCY_DAYS;
		break;
	}
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

/* the Danish text of factor i for facts; owned by a */
static const char *factor_text(struct arena *a, int i, const struct match_facts *f)
{
	switch (i) {
	case MATCH_TASKS:
		return f->tasks_total == 1 ? arena_printf(a, "%d af 1 opgave passer", f->tasks_matched)
		                           : arena_printf(a, "%d af %d opgaver passer", f->tasks_matched,
		                                          f->tasks_total);
	case MATCH_TARGETS: {
		const char *names[SCHEME_TARGETS];
		int n = 0;
		for (int k = 0; k < SCHEME_TARGETS; k++)
			if (f->target_groups & (1 << k))
				names[n++] = scheme_targets[k].text;
		return arena_printf(a, "Virksomheden har erfaring med %s", join_da(a, names, n));
	}
	case MATCH_SOEV:
		return "Socialøkonomisk virksomhed";
	case MATCH_ADAPTATIONS:
		return f->adaptations_text ? arena_printf(a, "Tilbyder %s", f->adaptations_text)
		                           : arena_printf(a, "Tilbyder %d tilpasninger",
		                                          f->needs_met + f->extras);
	case MATCH_SEATS:
		return f->seats_left == 1 ? "1 ledig plads"
		                          : arena_printf(a, "%d ledige pladser", f->seats_left);
	case MATCH_INHOUSE:
		return "Inhouse-gruppe";
	case MATCH_RECENCY:
		return f->age_days <= 0 ? "Oprettet i dag"
		       : f->age_days == 1 ? "Oprettet i går"
		                          : arena_printf(a, "Oprettet for %d dage siden", f->age_days);
	}
	return "";
}

int matching_score(struct arena *a, const struct match_facts *f, const struct match_weights *w,
                   struct match_reason *reasons, int *nreasons)
{
	*nreasons = 0;
	int sum = 0;
	for (int i = 0; i < MATCH_FACTOR_COUNT; i++)
		sum += w->points[i];
	if (sum <= 0)
		return 0;
	/* each factor's exact share of 100, the score rounded from their sum, and the points of the
	 * reasons by largest remainders so that they add up to the score */
	double exact[MATCH_FACTOR_COUNT], total = 0;
	int pts[MATCH_FACTOR_COUNT], given = 0;
	for (int i = 0; i < MATCH_FACTOR_COUNT; i++) {
		exact[i] = 100.0 * w->points[i] * factor_fraction(i, f) / sum;
		total += exact[i];
		pts[i] = (int)exact[i]; /* not negative: truncation is floor */
		given += pts[i];
	}
	int score = (int)(total + 0.5 + 1e-9); /* a half that floating point made a hair less */
	if (score > 100)
		score = 100;
	bool taken[MATCH_FACTOR_COUNT] = {false};
	for (int left = score - given; left > 0; left--) {
		int best = -1;
		for (int i = 0; i < MATCH_FACTOR_COUNT; i++)
			if (!taken[i] && exact[i] - pts[i] > 1e-9 &&
			    (best < 0 || exact[i] - pts[i] > exact[best] - pts[best]))
				best = i;
		if (best < 0)
			break;
		pts[best]++;
		taken[best] = true;
	}
	if (!reasons)
		return score;
	/* the reasons with points, highest first, equal ones in the order of the factors */
	for (int i = 0; i < MATCH_FACTOR_COUNT; i++) {
		if (pts[i] <= 0)
			continue;
		int at = *nreasons;
		while (at > 0 && reasons[at - 1].points < pts[i]) {
			reasons[at] = reasons[at - 1];
			at--;
		}
		reasons[at] = (struct match_reason){matching_factors[i].key, pts[i],
		                                    a ? factor_text(a, i, f) : NULL};
		(*nreasons)++;
	}
	return score;
}

/* ================================================================ helpers */

/* whether the space-separated words hold word */
static bool words_have(const char *words, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = words; p && (p = strstr(p, word)) != NULL; p += n)
		if ((p == words || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

/* the bits of scheme_targets whose schemes are among shared and whose target group the
 * enterprise (targets: space-separated keys) has */
static int target_groups(int shared, const char *targets)
{
	int bits = 0;
	for (int k = 0; k < SCHEME_TARGETS; k++)
		if ((shared & scheme_targets[k].schemes) && words_have(targets, scheme_targets[k].target))
			bits |= 1 << k;
	return bits;
}

/* the days from 1970-01-01 to the date that iso ("YYYY-MM-DD...") begins with (Howard
 * Hinnant's days_from_civil), or -1 when it does not begin with one */
static long day_number(const char *iso)
{
	if (!iso || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-')
		return -1;
	char *end;
	long y = strtol(iso, &end, 10), m = strtol(iso + 5, &end, 10), d = strtol(iso + 8, &end, 10);
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* the score's facts of opening o for a citizen with schemes, the opening's tasks matched and
 * needs needs, on the day today (day_number) */
static void opening_facts(const struct matching_store_opening *o, int schemes, int matched,
                          int needs, long today, struct match_facts *f)
{
	memset(f, 0, sizeof(*f));
	f->tasks_total = o->tasks_total;
	f->tasks_matched = matched;
	f->shared_schemes = schemes & o->schemes;
	f->target_groups = target_groups(f->shared_schemes, o->targets);
	f->soev = o->soev;
	f->needs_met = needs;
	f->extras = o->offered > needs ? o->offered - needs : 0;
	f->seats_left = o->seats_left;
	f->inhouse = o->inhouse;
	long created = day_number(o->created);
	/* an opening without a readable date counts as old */
	f->age_days = created < 0 || today < 0 ? MATCH_RECENCY_DAYS : (int)(today - created);
}

/* "henteordning og fast mentor": what opening id offers, the needs (keys) first; NULL when it
 * offers nothing. Owned by a. */
static int adaptations_text(struct db *db, struct arena *a, int64_t id, const char *const *needs,
                            int nneeds, const char **text)
{
	const char *keys[LIST_MAX], *labels[LIST_MAX], *names[LIST_MAX];
	int n = 0, k = 0;
	int rc = matching_store_opening_adaptations(db, a, id, keys, labels, LIST_MAX, &n);
	if (rc)
		return rc;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < n; i++) {
			bool needed = false;
			for (int j = 0; j < nneeds && !needed; j++)
				needed = strcmp(keys[i], needs[j]) == 0;
			if (needed == (pass == 0))
				names[k++] = lower_first(a, labels[i]);
		}
	*text = k ? join_da(a, names, k) : NULL;
	return 0;
}

/* a JSON array of the distinct strings of list, owned by a; *distinct (may be NULL) how many */
static const char *keys_json(struct arena *a, const char *const *list, int n, int *distinct)
{
	struct buf b;
	struct json w;
	buf_init(&b, 0);
	json_init(&w, &b);
	json_arr_open(&w, NULL);
	int count = 0;
	for (int i = 0; i < n; i++) {
		bool seen = !list[i];
		for (int j = 0; j < i && !seen; j++)
			seen = list[j] && strcmp(list[i], list[j]) == 0;
		if (!seen) {
			json_str(&w, NULL, list[i]);
			count++;
		}
	}
	json_arr_close(&w);
	const char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	if (distinct)
		*distinct = count;
	return s;
}

static int limit_of(int limit)
{
	return limit <= 0 ? MATCH_LIMIT_DEFAULT : limit > MATCH_LIMIT_MAX ? MATCH_LIMIT_MAX : limit;
}

/* a candidate while ranking: its row and score */
struct ranked {
	int row;
	int score;
	int64_t id;
};

/* best score first, then the larger id (the newer opening) */
static int by_score_newest(const void *x, const void *y)
{
	const struct ranked *p = x, *q = y;
	if (p->score != q->score)
		return p->score > q->score ? -1 : 1;
	return p->id > q->id ? -1 : p->id < q->id;
}

/* best score first, then the smaller id (the citizen registered first) */
static int by_score_oldest(const void *x, const void *y)
{
	const struct ranked *p = x, *q = y;
	if (p->score != q->score)
		return p->score > q->score ? -1 : 1;
	return p->id < q->id ? -1 : p->id > q->id;
}

/* ================================================================ openings for a citizen */

#define PARTS_BATCH 64 /* openings whose tasks and adaptations one statement reads */

/* x ranks before y: a better score, or the same and newer (a larger id) */
static bool ranks_before(const struct ranked *x, const struct ranked *y)
{
	return x->score > y->score || (x->score == y->score && x->id > y->id);
}

/* puts x into top[0..*n) (room for k, best first), dropping the last when full */
static void top_insert(struct ranked *top, int *n, int k, struct ranked x)
{
	if (*n == k && !ranks_before(&x, &top[k - 1]))
		return;
	int at = *n < k ? (*n)++ : k - 1;
	for (; at > 0 && ranks_before(&x, &top[at - 1]); at--)
		top[at] = top[at - 1];
	top[at] = x;
}

/* the best score opening o could reach for a citizen with schemes, tasks (true if any) and
 * needs, before its tasks and adaptations are read: every task fitting and the adaptations in
 * full */
static int bound_score(const struct matching_store_opening *o, int schemes, bool tasks, int needs,
                       long today, const struct match_weights *w)
{
	struct matching_store_opening best = *o;
	best.tasks_total = 1;
	best.offered = needs + ADAPTATIONS_FULL;
	struct match_facts f;
	opening_facts(&best, schemes, tasks ? 1 : 0, needs, today, &f);
	return matching_score(NULL, &f, w, NULL, &(int){0});
}

/* The best limit of rows[0..nrows) for citizen c, into top (room for limit), *ntop how many.
 * Reading each opening's tasks and adaptations is most of the cost, so the openings are taken
 * in the order of the best score each could reach (bound_score) and read in batches, and the
 * reading stops at the first opening that could not enter the top even so. The result is the
 * same as scoring every row. */
static int rank_openings(struct db *db, struct arena *a, const struct citizen *c, int nneeds,
                         long today, const struct match_weights *w,
                         struct matching_store_opening *rows, int nrows, int limit,
                         struct ranked *top, int *ntop)
{
	struct ranked *order = arena_alloc(a, sizeof(*order) * (size_t)(nrows ? nrows : 1));
	for (int i = 0; i < nrows; i++)
		order[i] = (struct ranked){i, bound_score(&rows[i], c->schemes, c->ntasks > 0, nneeds, today, w),
		                           rows[i].id};
	qsort(order, (size_t)nrows, sizeof(*order), by_score_newest);
	const char *tasks_json = keys_json(a, c->tasks, c->ntasks, NULL);
	struct buf ids;
	buf_init(&ids, 0);
	*ntop = 0;
	int rc = 0;
	for (int next = 0; next < nrows && rc == 0;) {
		struct matching_store_opening *batch[PARTS_BATCH];
		int nb = 0;
		struct json jw;
		buf_reset(&ids);
		json_init(&jw, &ids);
		json_arr_open(&jw, NULL);
		for (; next < nrows && nb < PARTS_BATCH; next++) {
			if (*ntop == limit && !ranks_before(&order[next], &top[limit - 1])) {
				next = nrows; /* neither this one nor any after it can enter the top */
				break;
			}
			batch[nb++] = &rows[order[next].row];
			json_int(&jw, NULL, rows[order[next].row].id);
		}
		json_arr_close(&jw);
		if (nb == 0)
			break;
		rc = matching_store_opening_parts(db, buf_str(&ids), tasks_json, batch, nb);
		for (int i = 0; i < nb && rc == 0; i++) {
			struct matching_store_opening *o = batch[i];
			if (o->tasks_total < 0) /* gone since the first statement: nothing to score */
				o->tasks_total = o->tasks_matched = o->offered = 0;
			struct match_facts f;
			opening_facts(o, c->schemes, o->tasks_matched, nneeds, today, &f);
			top_insert(top, ntop, limit, (struct ranked){(int)(o - rows),
			                                             matching_score(NULL, &f, w, NULL, &(int){0}),
			                                             o->id});
		}
	}
	buf_free(&ids);
	return rc;
}

int matching_openings(struct db *db, struct arena *a, const struct citizen *c,
                      const struct match_weights *w, int limit, struct match **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!c->consent_date || !*c->consent_date || c->anonymized)
		return ERR_CONFLICT;
	struct match_weights own;
	int rc = 0;
	if (!w) {
		if ((rc = matching_weights_get(db, c->kommune, &own)) != 0)
			return rc;
		w = &own;
	}
	limit = limit_of(limit);
	char day[11];
	text_today(day);
	long today = day_number(day);
	struct matching_store_citizen q = {
		.kommune = c->kommune,
		.schemes = c->schemes,
		.hours_max = c->hours_max,
		.times = c->times,
		.travel = c->travel ? c->travel : "kommune",
		.flexible = TIME_FLEKSIBEL,
	};
	q.needs_json = keys_json(a, c->needs, c->nneeds, &q.nneeds);
	struct matching_store_opening *rows;
	int nrows = 0, count = 0;
	if ((rc = matching_store_openings(db, a, &q, &rows, &nrows)) != 0)
		return rc;
	struct ranked *top = arena_alloc(a, sizeof(*top) * (size_t)limit);
	if ((rc = rank_openings(db, a, c, q.nneeds, today, w, rows, nrows, limit, top, &count)) != 0)
		return rc;
	struct match *m = arena_alloc(a, sizeof(*m) * (size_t)(count ? count : 1));
	for (int i = 0; i < count && rc == 0; i++) {
		const struct matching_store_opening *o = &rows[top[i].row];
		m[i].opening_id = o->id;
		m[i].enterprise_id = o->enterprise_id;
		rc = matching_store_opening_card(db, a, o->id, &m[i].title, &m[i].enterprise_name,
		                                 &m[i].kommune, &m[i].kommune_navn);
		struct match_facts f;
		opening_facts(o, c->schemes, o->tasks_matched, q.nneeds, today, &f);
		if (rc == 0 && o->offered)
			rc = adaptations_text(db, a, o->id, c->needs, c->nneeds, &f.adaptations_text);
		m[i].score = matching_score(a, &f, w, m[i].reasons, &m[i].nreasons);
	}
	if (rc)
		return rc;
	*out = m;
	*n = count;
	return 0;
}

/* ================================================================ citizens for an opening */

/* the names, reasons and scores of the count best of rank into m */
static int citizen_details(struct db *db, struct arena *a, const struct matching_store_opening *o,
                           const struct matching_store_citizen_row *rows, const struct ranked *rank,
                           int count, const struct match_weights *w, long today,
                           struct citizen_match *m)
{
	int rc = 0;
	for (int i = 0; i < count && rc == 0; i++) {
		const struct matching_store_citizen_row *c = &rows[rank[i].row];
		struct match_facts f;
		const char *needs[CITIZEN_MAX_LIST];
		int nneeds = 0;
		m[i].citizen_id = c->id;
		rc = matching_store_citizen_name(db, a, c->id, &m[i].name);
		opening_facts(o, c->schemes, c->tasks_matched, c->nneeds, today, &f);
		if (rc == 0 && o->offered)
			rc = matching_store_citizen_needs(db, a, c->id, needs, CITIZEN_MAX_LIST, &nneeds);
		if (rc == 0 && o->offered)
			rc = adaptations_text(db, a, o->id, needs, nneeds, &f.adaptations_text);
		m[i].score = matching_score(a, &f, w, m[i].reasons, &m[i].nreasons);
	}
	return rc;
}

int matching_citizens(struct db *db, struct arena *a, const struct principal *who,
                      int64_t opening_id, const char *purpose, const struct match_weights *w,
                      int limit, struct citizen_match **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!who || !who->kommune || citizens_access(who, who->kommune) != 0)
		return ERR_FORBIDDEN;
	if (!citizens_purpose_valid(purpose))
		return ERR_INVALID;
	const char *kommune = who->kommune;
	char day[11];
	text_today(day);
	long today = day_number(day);
	struct matching_store_opening o;
	int rc = matching_store_opening_get(db, a, opening_id, &o);
	if (rc)
		return rc;
	struct match_weights own;
	if (!w) {
		if ((rc = matching_weights_get(db, kommune, &own)) != 0)
			return rc;
		w = &own;
	}
	limit = limit_of(limit);
	struct matching_store_citizen_row *rows = NULL;
	int nrows = 0;
	if (o.open && o.seats_left > 0 &&
	    (rc = matching_store_citizens(db, a, kommune, opening_id, TIME_FLEKSIBEL, &rows, &nrows)) != 0)
		return rc;
	struct ranked *rank = arena_alloc(a, sizeof(*rank) * (size_t)(nrows ? nrows : 1));
	struct match_facts f;
	for (int i = 0; i < nrows; i++) {
		opening_facts(&o, rows[i].schemes, rows[i].tasks_matched, rows[i].nneeds, today, &f);
		rank[i] = (struct ranked){i, matching_score(NULL, &f, w, NULL, &(int){0}), rows[i].id};
	}
	qsort(rank, (size_t)nrows, sizeof(*rank), by_score_oldest);
	int count = nrows < limit ? nrows : limit;
	struct citizen_match *m = arena_alloc(a, sizeof(*m) * (size_t)(count ? count : 1));
	if ((rc = citizen_details(db, a, &o, rows, rank, count, w, today, m)) != 0)
		return rc;
	/* every citizen shown is a read of personal data, and so is the search */
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	for (int i = 0; i < count && rc == 0; i++)
		rc = citizens_audit_read(db, who, m[i].citizen_id, kommune, purpose);
	if (rc == 0) {
		char eid[24];
		snprintf(eid, sizeof eid, "%" PRId64, opening_id);
		rc = audit_record(db, who, "match", "opening", eid, kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("purpose", purpose), AUDIT_INT("count", count)));
	}
	if ((rc = db_write_end(db, rc)) != 0)
		return rc;
	*out = m;
	*n = count;
	return 0;
}

/* ================================================================ weights */

int matching_weights_get(struct db *db, const char *kommune, struct match_weights *w)
{
	if (!kommune)
		return ERR_NOTFOUND;
	struct arena tmp;
	arena_init(&tmp, 0);
	struct matching_store_weight *rows = NULL;
	int n = 0;
	int rc = matching_store_weights(db, &tmp, kommune, &rows, &n);
	if (rc == 0) {
		matching_weights_default(w);
		for (int i = 0; i < n; i++) {
			int k = matching_factor_parse(rows[i].factor);
			if (k < 0)
				continue; /* a factor this version does not know */
			w->points[k] = rows[i].points;
			w->custom = true;
		}
	}
	arena_free(&tmp);
	return rc;
}

/* who may change kommune's weights, and kommune exists */
static int may_set(struct db *db, const struct principal *who, const char *kommune)
{
	if (!kommune || access_match_settings(who, kommune) != 0)
		return ERR_FORBIDDEN;
	struct match_weights cur;
	return matching_weights_get(db, kommune, &cur);
}

int matching_weights_set(struct db *db, const struct principal *who, const char *kommune,
                         const struct match_weights *w, struct errs *errs)
{
	int rc = may_set(db, who, kommune);
	if (rc)
		return rc;
	for (int i = 0; i < MATCH_FACTOR_COUNT; i++)
		if (w->points[i] < 0 || w->points[i] > MATCH_WEIGHT_MAX)
			rc = errs_add(errs, matching_factors[i].key, matching_factors[i].error);
	if (rc)
		return rc;
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = matching_store_weights_clear(db, kommune);
	for (int i = 0; i < MATCH_FACTOR_COUNT && rc == 0; i++)
		rc = matching_store_weight_put(db, kommune, matching_factors[i].key, w->points[i]);
	if (rc == 0) {
		struct audit_field detail[MATCH_FACTOR_COUNT];
		for (int i = 0; i < MATCH_FACTOR_COUNT; i++)
			detail[i] = AUDIT_INT(matching_factors[i].key, w->points[i]);
		rc = audit_record(db, who, "update", "match_weights", kommune, kommune, detail,
		                  MATCH_FACTOR_COUNT);
	}
	return db_write_end(db, rc);
}

int matching_weights_reset(struct db *db, const struct principal *who, const char *kommune)
{
	int rc = may_set(db, who, kommune);
	if (rc)
		return rc;
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = matching_store_weights_clear(db, kommune);
	if (rc == 0)
		rc = audit_record(db, who, "reset", "match_weights", kommune, kommune, AUDIT_NONE);
	return db_write_end(db, rc);
}
