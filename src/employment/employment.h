/*
 * employment.h — jobs for citizens on the edge of the labour market: the fixed lists every
 * part of the capability shares (schemes, times of day, travel, outcomes) and the managed
 * lists of tasks and adaptations.
 * Layer: capability domain (employment). Knows no HTTP and no HTML; its SQL is in the *_store.c
 * files of this folder.
 */
#ifndef INDGANG_EMPLOYMENT_H
#define INDGANG_EMPLOYMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "../registry/registry.h" /* struct option_kv */

struct arena;
struct db;
struct errs;
struct principal;

/* the schemes (ordninger) an opening offers and a citizen is visiteret to, as bits */
enum scheme {
	SCHEME_ORDINAER = 1,         /* ordinært job */
	SCHEME_FLEKSJOB = 2,
	SCHEME_RESSOURCEFORLOEB = 4,
	SCHEME_PRAKTIK = 8,          /* virksomhedspraktik */
	SCHEME_LOENTILSKUD = 16,
};
#define SCHEME_COUNT 5
#define SCHEME_ALL 31

/* times of day, as bits */
enum daytime {
	TIME_MORGEN = 1,
	TIME_DAG = 2,
	TIME_EFTERMIDDAG = 4,
	TIME_AFTEN = 8,
	TIME_FLEKSIBEL = 16, /* any time: overlaps every other */
};
#define TIME_COUNT 5
#define TIME_ALL 31

/* a fixed list entry: its bit, key and Danish label */
struct employment_flag {
	int bit;
	const char *key, *label;
};
extern const struct employment_flag employment_schemes[SCHEME_COUNT];
extern const struct employment_flag employment_times[TIME_COUNT];

/* employment_flag_parse: the bit of key in list (n entries), 0 if unknown. */
int employment_flag_parse(const struct employment_flag *list, int n, const char *key);
/* employment_flag_key / _label: of the single bit in list, or NULL. */
const char *employment_flag_key(const struct employment_flag *list, int n, int bit);
const char *employment_flag_label(const struct employment_flag *list, int n, int bit);

/* travel scope of a citizen: own municipality, its region, anywhere */
extern const struct option_kv employment_travels[];
extern const int employment_travels_count;
/* outcomes of a placement */
extern const struct option_kv employment_outcomes[];
extern const int employment_outcomes_count;
/* purposes (formål) of a read of a citizen */
extern const struct option_kv employment_purposes[];
extern const int employment_purposes_count;

/* employment_lists: the managed list of tasks (adaptations false) or adaptations (true), in
 * their order, allocated in a. Public data. ERR_DB. */
int employment_list(struct db *db, struct arena *a, bool adaptations, struct option_kv **opts,
                    int *n);

#endif
