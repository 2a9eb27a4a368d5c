/*
 * reports.c — the municipality's overview and the national view, gathered from the registry,
 * the entry point and the municipalities. Layer: capability domain (reports); no SQL of its own.
 */
#include "reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../auth/access.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../registry/registry_trend.h"

/* ---------------------------------------------------------------- months */

bool reports_month_parse(const char *s, int *year, int *month)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return false;
	int v[2] = {0, 0};
	for (int i = 0; i < 7; i++) {
		if (i == 4)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return false;
		v[i > 4] = v[i > 4] * 10 + (s[i] - '0');
	}
	if (v[1] < 1 || v[1] > 12)
		return false;
	*year = v[0];
	*month = v[1];
	return true;
}

const char *reports_month_da(struct arena *a, const char *s)
{
	static const char *const names[] = {"januar", "februar", "marts", "april", "maj", "juni", "juli",
	                                    "august", "september", "oktober", "november", "december"};
	int y, m;
	if (!reports_month_parse(s, &y, &m))
		return s;
	return arena_printf(a, "%s %d", names[m - 1], y);
}

/* ---------------------------------------------------------------- the overview */

/* overview_advisory: the sessions of each year of ov and the months of its last year, from one
 * advisory_stats call over the five years (60 months) */
static int overview_advisory(struct db *db, struct arena *a, struct overview *ov)
{
	int first = ov->years[0].year;
	struct advisory_row *rows;
	int n;
	int rc = advisory_stats(db, a, arena_printf(a, "%04d-01", first),
	                        arena_printf(a, "%04d-12", ov->year), ov->k.kode, &rows, &n);
	if (rc)
		return rc;
	for (int m = 0; m < 12; m++) {
		snprintf(ov->months[m].month, sizeof(ov->months[m].month), "%04u-%02u",
		         (unsigned)ov->year % 10000u, (unsigned)(m + 1) % 100u);
		ov->months[m].advised = ov->months[m].sessions = 0;
	}
	for (int i = 0; i < n; i++)
		for (int k = 0; k < rows[i].nmonths; k++) {
			const struct month_count *mc = &rows[i].months[k];
			int y = 0, m = 0;
			if (!reports_month_parse(mc->month, &y, &m))
				continue;
			if (y >= first && y <= ov->year)
				ov->years[y - first].sessions += mc->sessions;
			if (y == ov->year && m >= 1 && m <= 12)
				ov->months[m - 1] = *mc;
		}
	return 0;
}

int reports_overview(struct db *db, struct arena *a, const struct principal *who,
                     const char *kommune, int year, const char *today, struct overview *out)
{
	if (access_figures(who, kommune) != 0)
		return ERR_FORBIDDEN;
	if (year < 1900 || year > 2200)
		return ERR_INVALID;
	memset(out, 0, sizeof(*out));
	int rc = kommune_get(db, a, kommune, &out->k);
	if (rc)
		return rc;
	out->year = year;
	int first = year - REPORTS_YEARS + 1;
	const char *only[] = {out->k.kode, NULL};
	int closed[REPORTS_YEARS];
	struct inquiry_year inq[REPORTS_YEARS];
	rc = registry_closed_years(db, first, year, out->k.kode, closed);
	if (rc == 0)
		rc = entry_stats_inquiry_years(db, a, out->k.kode, first, year, today, inq,
		                               &out->answer_days);
	for (int i = 0; rc == 0 && i < REPORTS_YEARS; i++) {
		struct overview_year *oy = &out->years[i];
		struct tabel1_row *rows, sum;
		int n;
		oy->year = first + i;
		oy->closed = closed[i];
		oy->inq = inq[i];
		rc = registry_tabel1(db, a, oy->year, only, &rows, &n, &sum);
		if (rc == 0)
			oy->t1 = n == 1 ? rows[0] : (struct tabel1_row){out->k.kode, out->k.navn, 0, 0, 0, 0};
	}
	if (rc == 0)
		rc = overview_advisory(db, a, out);
	out->emp_exact = access_counts_exact(who, out->k.kode, 0);
	for (int i = 0; rc == 0 && i < REPORTS_YEARS; i++) {
		struct employment_row *rows, total;
		int n;
		rc = employment_stats(db, a, out->years[i].year, out->k.kode, out->emp_exact, &rows, &n, &total);
		if (rc == 0 && n == 1)
			out->years[i].emp = rows[0];
	}
	return rc;
}

/* ---------------------------------------------------------------- the national view */

static const char *const sort_keys[NS_COUNT] = {
	[NS_NAME] = "navn",       [NS_SOEV] = "soev",           [NS_REGISTERED] = "registrerede",
	[NS_ESTABLISHED] = "nye", [NS_INQUIRIES] = "henvendelser", [NS_SESSIONS] = "raadgivning",
	[NS_PLACEMENTS] = "forloeb",
};

const char *reports_national_sort_key(enum national_sort s)
{
	return sort_keys[s];
}

int reports_national_sort_parse(const char *key, enum national_sort *out)
{
	for (int s = 0; key && s < NS_COUNT; s++)
		if (strcmp(key, sort_keys[s]) == 0) {
			*out = (enum national_sort)s;
			return 0;
		}
	return ERR_INVALID;
}

/* the regions in their official order (region codes 1081 to 1085) */
static const char *const region_order[] = {"Nordjylland", "Midtjylland", "Syddanmark",
                                           "Hovedstaden", "Sjælland"};
#define NREGION_ORDER (int)(sizeof(region_order) / sizeof(region_order[0]))

/* region_rank: the place of region in region_order, NREGION_ORDER for one not in it */
static int region_rank(const char *region)
{
	for (int i = 0; i < NREGION_ORDER; i++)
		if (region && strcmp(region, region_order[i]) == 0)
			return i;
	return NREGION_ORDER; /* an unknown region after the known ones */
}

/* one municipality being sorted: its row, its place in Danish order of name, the key, and the
 * exact placements of the year and the year before (kept here only, to count the subtotals) */
struct sort_item {
	struct national_row row;
	int rank, name_pos, value;
	int placed_now, placed_last;
};

/* cmp_item: qsort's order of the national view: by region, then the sorted figure largest
 * first, then Danish order of name (name_pos) */
static int cmp_item(const void *x, const void *y)
{
	const struct sort_item *a = x, *b = y;
	if (a->rank != b->rank)
		return a->rank - b->rank;
	int by_region = strcmp(a->row.region, b->row.region); /* two unknown regions apart */
	if (by_region)
		return by_region;
	if (a->value != b->value)
		return a->value > b->value ? -1 : 1;
	return a->name_pos - b->name_pos;
}

/* figure: the figure of f that sort s orders by; 0 for NS_NAME */
static int figure(const struct national_figures *f, enum national_sort s)
{
	switch (s) {
	case NS_SOEV: return f->soev;
	case NS_REGISTERED: return f->registered;
	case NS_ESTABLISHED: return f->established;
	case NS_INQUIRIES: return f->inquiries;
	case NS_SESSIONS: return f->sessions;
	case NS_PLACEMENTS: return f->placements.value;
	case NS_NAME:
	case NS_COUNT: break;
	}
	return 0;
}

/* add_figures: adds each count of f to to's (the placements, shown with discretion, are
 * counted apart) */
static void add_figures(struct national_figures *to, const struct national_figures *f)
{
	to->soev += f->soev;
	to->registered += f->registered;
	to->established += f->established;
	to->inquiries += f->inquiries;
	to->sessions += f->sessions;
}

/* the index of kode in the municipalities ks[0..n), or -1 */
static int find_kommune(const struct kommune *ks, int n, const char *kode)
{
	for (int i = 0; i < n; i++)
		if (strcmp(ks[i].kode, kode) == 0)
			return i;
	return -1;
}

/* national_registry: Tabel 1's figures of year into the now (last false) or last figures */
static int national_registry(struct db *db, struct arena *a, int year, struct sort_item *items,
                             const struct kommune *ks, int nk, bool last)
{
	struct tabel1_row *rows, sum;
	int n;
	int rc = registry_tabel1(db, a, year, NULL, &rows, &n, &sum);
	for (int i = 0; rc == 0 && i < n; i++) {
		int k = find_kommune(ks, nk, rows[i].kommune);
		if (k < 0)
			continue;
		struct national_figures *f = last ? &items[k].row.last : &items[k].row.now;
		f->soev = rows[i].total;
		f->registered = rows[i].registered;
		f->established = rows[i].established;
	}
	return rc;
}

/* national_entry: inquiries (sessions false) or advisory sessions of year - 1 and year */
static int national_entry(struct db *db, struct arena *a, int year, struct sort_item *items,
                          const struct kommune *ks, int nk, bool sessions)
{
	struct kommune_year_count *rows;
	int n;
	int rc = sessions ? entry_stats_sessions(db, a, year - 1, year, &rows, &n)
	                  : entry_stats_received(db, a, year - 1, year, &rows, &n);
	for (int i = 0; rc == 0 && i < n; i++) {
		int k = find_kommune(ks, nk, rows[i].kommune);
		if (k < 0)
			continue;
		struct national_figures *f = rows[i].year == year ? &items[k].row.now : &items[k].row.last;
		*(sessions ? &f->sessions : &f->inquiries) = rows[i].count;
	}
	return rc;
}

/* national_placements: the exact placements of year (last false) or year - 1 (last true) into
 * the items, as the four counts of people of Tabel 4 from data together, and each item's cell as
 * who may see it */
static int national_placements(struct db *db, struct arena *a, const struct principal *who, int year,
                               struct sort_item *items, const struct kommune *ks, int nk, bool last)
{
	struct employment_row *rows, total;
	int n;
	int rc = employment_stats(db, a, last ? year - 1 : year, NULL, true, &rows, &n, &total);
	for (int i = 0; rc == 0 && i < n; i++) {
		int k = find_kommune(ks, nk, rows[i].kommune);
		if (k < 0)
			continue;
		int people = rows[i].cells[EMP_ORDINARY_JOBS].value + rows[i].cells[EMP_FLEKSJOB_SOEV].value +
		             rows[i].cells[EMP_FLEKSJOB_COMPANY].value + rows[i].cells[EMP_FORLOEB_SOEV].value;
		*(last ? &items[k].placed_last : &items[k].placed_now) = people;
	}
	for (int k = 0; rc == 0 && k < nk; k++) {
		bool exact = access_counts_exact(who, ks[k].kode, 0);
		if (last)
			items[k].row.last.placements = employment_cell_from(items[k].placed_last, exact);
		else
			items[k].row.now.placements = employment_cell_from(items[k].placed_now, exact);
	}
	return rc;
}

/* a total being counted with discretion: the exact sum of its parts, how many parts are hidden
 * and the sum of those shown */
struct guarded {
	int exact, hidden;
	long shown;
};

static void guard_add(struct guarded *g, int exact, const struct employment_cell *shown)
{
	g->exact += exact;
	if (shown->mark == EMP_EXACT)
		g->shown += shown->value;
	else
		g->hidden++;
}

/* guarded_cell: the total as shown: "<3" for 1 or 2, withheld ("..") when it and the shown parts
 * tell the hidden ones (one hidden part, or all 1, or all 2), else exact */
static struct employment_cell guarded_cell(const struct guarded *g)
{
	struct employment_cell c = employment_cell_from(g->exact, false);
	long rest = g->exact - g->shown;
	if (c.mark == EMP_EXACT && g->hidden > 0 && (rest == g->hidden || rest == 2L * g->hidden))
		return (struct employment_cell){0, EMP_WITHHELD};
	return c;
}

/* national_guard: the regions' and the country's placements with discretion. The country's
 * parts are the municipalities; it is withheld too when exactly one region's subtotal is not
 * shown, which the country's total and the other regions would otherwise give away */
static void national_guard(struct national *out, const struct sort_item *items)
{
	for (int b = 0; b < 2; b++) {
		struct guarded country = {0};
		int regions_hidden = 0;
		for (int g = 0; g < out->nregions; g++) {
			struct national_region *reg = &out->regions[g];
			struct guarded region = {0};
			for (int i = reg->first; i < reg->first + reg->n; i++) {
				const struct sort_item *it = &items[i];
				int exact = b ? it->placed_last : it->placed_now;
				const struct employment_cell *shown = b ? &it->row.last.placements : &it->row.now.placements;
				guard_add(&region, exact, shown);
				guard_add(&country, exact, shown);
			}
			struct employment_cell *cell = b ? &reg->last.placements : &reg->now.placements;
			*cell = guarded_cell(&region);
			regions_hidden += cell->mark != EMP_EXACT;
		}
		struct employment_cell *total = b ? &out->last.placements : &out->now.placements;
		*total = guarded_cell(&country);
		if (regions_hidden == 1 && total->mark == EMP_EXACT)
			*total = (struct employment_cell){0, EMP_WITHHELD};
	}
}

int reports_national(struct db *db, struct arena *a, const struct principal *who, int year,
                     enum national_sort sort, struct national *out)
{
	if (access_national_figures(who) != 0)
		return ERR_FORBIDDEN;
	if (year < 1901 || year > 2200 || (int)sort < 0 || sort >= NS_COUNT)
		return ERR_INVALID;
	struct kommune *ks;
	int nk;
	int rc = kommune_list(db, a, &ks, &nk);
	if (rc)
		return rc;
	struct sort_item *items = arena_alloc(a, sizeof(*items) * (size_t)(nk + 1));
	for (int i = 0; i < nk; i++) {
		items[i].row.kommune = ks[i].kode;
		items[i].row.navn = ks[i].navn;
		items[i].row.region = ks[i].region;
		items[i].rank = region_rank(ks[i].region);
		items[i].name_pos = i; /* kommune_list is in Danish order */
	}
	rc = national_registry(db, a, year, items, ks, nk, false);
	if (rc == 0)
		rc = national_registry(db, a, year - 1, items, ks, nk, true);
	if (rc == 0)
		rc = national_entry(db, a, year, items, ks, nk, false);
	if (rc == 0)
		rc = national_entry(db, a, year, items, ks, nk, true);
	if (rc == 0)
		rc = national_placements(db, a, who, year, items, ks, nk, false);
	if (rc == 0)
		rc = national_placements(db, a, who, year, items, ks, nk, true);
	if (rc)
		return rc;
	for (int i = 0; i < nk; i++)
		items[i].value = figure(&items[i].row.now, sort);
	qsort(items, (size_t)nk, sizeof(*items), cmp_item);
	memset(out, 0, sizeof(*out));
	out->year = year;
	out->sort = sort;
	out->rows = arena_alloc(a, sizeof(*out->rows) * (size_t)(nk + 1));
	out->regions = arena_alloc(a, sizeof(*out->regions) * (size_t)(nk + 1));
	out->n = nk;
	for (int i = 0; i < nk; i++) {
		const struct national_row *row = &items[i].row;
		out->rows[i] = *row;
		if (out->nregions == 0 || strcmp(out->regions[out->nregions - 1].name, row->region) != 0)
			out->regions[out->nregions++] = (struct national_region){.name = row->region, .first = i};
		struct national_region *reg = &out->regions[out->nregions - 1];
		reg->n++;
		add_figures(&reg->now, &row->now);
		add_figures(&reg->last, &row->last);
		add_figures(&out->now, &row->now);
		add_figures(&out->last, &row->last);
	}
	national_guard(out, items);
	return 0;
}
