/*
 * citizens_store.h — the SQL of the citizens. Layer: store of the employment capability:
 * statements only, no rules.
 */
#ifndef INDGANG_CITIZENS_STORE_H
#define INDGANG_CITIZENS_STORE_H

#include <stdint.h>

#include "citizens.h"

struct arena;
struct db;

/* citizens_store_count: active citizens of kommune (NULL: all). */
int citizens_store_count(struct db *db, const char *kommune, int *count);

#endif
