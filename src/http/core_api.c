/*
 * core_api.c — the health check. Layer: http handlers.
 */
#include "core_web.h"

#include "../store/db.h"
#include "../view/json.h"
#include "req.h"

/* GET /healthz — public. 200 {"status":"ok"} when the database answers. */
int core_api_health(struct req *r)
{
	struct json w;
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	bool ok = db_ping(r->db) == 0;
	json_str(&w, "status", ok ? "ok" : "unavailable");
	json_obj_close(&w);
	return reply_json(r, ok ? 200 : 503);
}
