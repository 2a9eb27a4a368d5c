/*
 * core_api.c — the health check. Layer: http handlers.
 */
#include "core_web.h"

#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

#include "../store/db.h"
#include "../view/json.h"
#include "req.h"

/* A database that answered within the last HEALTH_FRESH_MS counts as answering: a proxy or a
 * monitor that checks many times a second costs one read a second instead of one read each
 * (a read's locks and file checks were most of what a check cost). Only an answer is kept: a
 * failure is asked again by the next check, so recovery shows at once, and a failure shows
 * within HEALTH_FRESH_MS of the last good answer. */
#define HEALTH_FRESH_MS 1000
static _Atomic int64_t health_ok_at; /* 0: never */

static int64_t now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* GET /healthz — public. 200 {"status":"ok"} when the database answers. */
int core_api_health(struct req *r)
{
	int64_t now = now_ms();
	int64_t at = atomic_load_explicit(&health_ok_at, memory_order_relaxed);
	bool ok = at > 0 && now - at < HEALTH_FRESH_MS;
	if (!ok && (ok = db_ping(r->db) == 0))
		atomic_store_explicit(&health_ok_at, now, memory_order_relaxed);
	struct json w;
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_str(&w, "status", ok ? "ok" : "unavailable");
	json_obj_close(&w);
	return reply_json(r, ok ? 200 : 503);
}
