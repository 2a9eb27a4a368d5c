/*
 * kommune_api.c — the municipalities as JSON. Layer: handlers of the kommune capability.
 */
#include "kommune_web.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/err.h"
#include "../http/api.h"
#include "../http/req.h"
#include "../view/json.h"
#include "kommune.h"

/* The 98 municipalities do not change while the program runs (kommune_store keeps them after
 * its first read), so their list is written as JSON once and copied into every answer: the
 * writing, not the reading, was most of what the request cost. */
static pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;
static _Atomic(const char *) list_json;
static size_t list_len;

/* list_write: the list's JSON into list_json, once; 0 or ERR_DB / ERR_NOMEM */
static int list_write(struct req *r)
{
	pthread_mutex_lock(&list_lock);
	int rc = 0;
	if (!atomic_load(&list_json)) {
		struct kommune *ks;
		int n;
		rc = kommune_list(r->db, &r->a, &ks, &n);
		struct buf b;
		buf_init(&b, 0);
		struct json w;
		json_init(&w, &b);
		json_obj_open(&w, NULL);
		json_arr_open(&w, "items");
		for (int i = 0; rc == 0 && i < n; i++) {
			json_obj_open(&w, NULL);
			json_str(&w, "kode", ks[i].kode);
			json_str(&w, "navn", ks[i].navn);
			json_str(&w, "region", ks[i].region);
			json_obj_close(&w);
		}
		json_arr_close(&w);
		json_int(&w, "total", n);
		json_int(&w, "limit", n);
		json_int(&w, "offset", 0);
		json_obj_close(&w);
		char *copy = rc == 0 && !b.failed ? strdup(buf_str(&b)) : NULL;
		if (rc == 0 && !copy)
			rc = ERR_NOMEM;
		if (copy) {
			list_len = b.len;
			atomic_store(&list_json, copy);
		}
		buf_free(&b);
	}
	pthread_mutex_unlock(&list_lock);
	return rc;
}

/* GET /api/v1/kommuner — public. All 98 in one answer, in the list envelope. */
int kommune_api_list(struct req *r)
{
	int rc = atomic_load(&list_json) ? 0 : list_write(r);
	if (rc)
		return api_fail(r, rc);
	buf_reset(&r->out);
	buf_append(&r->out, atomic_load(&list_json), list_len);
	return reply_json(r, 200);
}
