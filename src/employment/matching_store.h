/*
 * matching_store.h — the SQL of matching: the hard rules as one statement each way, the details
 * of the few rows shown, and the municipality's weights.
 * Layer: store of the employment capability: statements only. The rules' constants (the bit of
 * "fleksibel", the travel keys) come from the domain as parameters.
 */
#ifndef INDGANG_MATCHING_STORE_H
#define INDGANG_MATCHING_STORE_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct db;

/* what matching_store_openings filters by: one citizen's profile */
struct matching_store_citizen {
	const char *kommune;    /* the citizen's municipality */
	int schemes, hours_max, times;
	const char *travel;     /* "kommune", "region" or "alle" */
	const char *needs_json; /* the adaptation keys the citizen needs, a JSON array, distinct */
	int nneeds;             /* how many keys needs_json holds */
	int flexible;           /* the bit of the time of day that overlaps every other */
};

/* an opening as the score needs it */
struct matching_store_opening {
	int64_t id, enterprise_id;
	int schemes, seats_left, tasks_total, tasks_matched, offered;
	bool soev, inhouse, open;
	char created[11];       /* the date it was created, YYYY-MM-DD */
	const char *targets;    /* the enterprise's target group keys, space-separated, or NULL */
	const char *kommune;    /* the enterprise's home municipality (matching_store_opening_get) */
};

/* matching_store_openings: every open opening with a seat left that passes the hard rules for
 * q (one statement), read from the enterprises within q's travel scope and their openings in
 * the covering index openings_match (0007), in no particular order. Only what the statement
 * reads cheaply is filled: tasks_total, tasks_matched and offered are -1 (see
 * matching_store_opening_parts), kommune NULL, open true. *rows allocated in a. ERR_DB. */
int matching_store_openings(struct db *db, struct arena *a, const struct matching_store_citizen *q,
                            struct matching_store_opening **rows, int *n);

/* matching_store_opening_parts: fills tasks_total, tasks_matched (its tasks among the keys of
 * the JSON array tasks_json, at most 63) and offered of rows[0..n), whose ids are ids_json (a
 * JSON array, in the same order). ERR_DB. */
int matching_store_opening_parts(struct db *db, const char *ids_json, const char *tasks_json,
                                 struct matching_store_opening *const *rows, int n);

/* matching_store_opening_get: opening id as the score needs it (tasks_matched 0, open whether
 * its status is 'open'), its enterprise's home in kommune. ERR_NOTFOUND, ERR_DB. */
int matching_store_opening_get(struct db *db, struct arena *a, int64_t id,
                               struct matching_store_opening *out);

/* matching_store_opening_card: what a list shows of opening id: title, the enterprise's name,
 * home municipality and its name, each allocated in a. ERR_NOTFOUND, ERR_DB. */
int matching_store_opening_card(struct db *db, struct arena *a, int64_t id, const char **title,
                                const char **enterprise_name, const char **kommune,
                                const char **kommune_navn);

/* a citizen as the score needs it */
struct matching_store_citizen_row {
	int64_t id;
	int schemes;       /* the citizen's */
	int tasks_matched; /* the opening's tasks among the citizen's */
	int nneeds;        /* the adaptations the citizen needs */
};

/* matching_store_citizens: the citizens of kommune, not anonymized and with a consent date, that
 * fit opening id by the hard rules, from the index citizens_kommune; none when the opening is
 * not open or has no seat left. flexible as in matching_store_citizen. *rows allocated in a. */
int matching_store_citizens(struct db *db, struct arena *a, const char *kommune, int64_t id,
                            int flexible, struct matching_store_citizen_row **rows, int *n);

/* matching_store_citizen_name: the name of citizen id, allocated in a. ERR_NOTFOUND, ERR_DB. */
int matching_store_citizen_name(struct db *db, struct arena *a, int64_t id, const char **name);

/* matching_store_citizen_needs: the adaptation keys citizen id needs (at most max) into keys,
 * allocated in a; *n how many. ERR_DB. */
int matching_store_citizen_needs(struct db *db, struct arena *a, int64_t id, const char **keys,
                                 int max, int *n);

/* matching_store_opening_adaptations: the keys and labels of the adaptations opening id offers,
 * in the managed list's order (at most max), allocated in a. ERR_DB. */
int matching_store_opening_adaptations(struct db *db, struct arena *a, int64_t id,
                                       const char **keys, const char **labels, int max, int *n);

/* a stored weight */
struct matching_store_weight {
	const char *factor;
	int points;
};

/* matching_store_weights: kommune's stored weights (any factor key) into *rows, allocated in a.
 * ERR_NOTFOUND when there is no such municipality, ERR_DB. */
int matching_store_weights(struct db *db, struct arena *a, const char *kommune,
                           struct matching_store_weight **rows, int *n);

/* matching_store_weights_clear: removes every stored weight of kommune. Inside the caller's
 * write transaction. */
int matching_store_weights_clear(struct db *db, const char *kommune);

/* matching_store_weight_put: stores kommune's weight of factor. Inside the caller's write
 * transaction. ERR_CONFLICT (the municipality does not exist, or points out of range), ERR_DB. */
int matching_store_weight_put(struct db *db, const char *kommune, const char *factor, int points);

#endif
