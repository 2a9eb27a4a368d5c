/*
 * test_twoservers.c — two `indgang serve` on one database behind Debian's haproxy, as a
 * national setup runs them (docs/deploy.md): a session made on one server holds on the other,
 * with its CSRF token, and a form sent there writes what the first then shows; signing out on
 * one signs out on both; requests through the proxy alternate between the servers and all
 * succeed; one server killed in the middle of a load loses no request (the proxy tries a
 * request that found its server gone on the other) and the other goes on alone; and the
 * outbox that both send from delivers every message exactly once to the relay.
 * Layer: tests. Runs the real program twice on a demo database, haproxy and an SMTP relay
 * (harness_proxy.c).
 */
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

#define PASSWORD "indgang-demo-2026"

static struct harness_server *one, *two, *proxy;
static struct harness_smtp *relay;
static const char *opts[8];

static void start(void)
{
	relay = harness_smtp_start();
	CHECKF(relay, "the SMTP relay did not start");
	one = harness_server_demo();
	CHECKF(one, "no demo database");
	two = harness_server_twin(one);
	CHECKF(two, "no second server");
	opts[0] = "--smtp-url";
	opts[1] = harness_fmt("smtp://127.0.0.1:%d", harness_smtp_port(relay));
	opts[2] = "--per-ip";
	opts[3] = "1000";
	opts[4] = NULL;
	/* both servers send from the outbox; the relay is the one the proxy's setup would name */
	CHECKF(harness_server_start(one, opts) == 0, "the first server did not start");
	CHECKF(harness_server_start(two, opts) == 0, "the second server did not start");
	proxy = harness_proxy_start(one, two);
	CHECKF(proxy, "haproxy did not start in front of the two servers");
}

static void session_on_both(void)
{
	struct harness_client *a = harness_login(one, "konsulent@kolding.example", PASSWORD);
	CHECKF(a, "signing in on the first server failed");
	/* the same browser (its cookie) on the second server */
	struct harness_client *b = harness_client(two);
	const char *session = harness_cookie(a, "indgang_session");
	CHECK(session);
	harness_set_cookie(b, "indgang_session", session);
	CHECK_STATUS(harness_get(b, "/raadgivning"), 200);
	CHECK(harness_client_csrf(b));
	CHECK_STR(harness_client_csrf(b), harness_client_csrf(a));
	/* a form sent to the second server with the token the first handed out */
	struct harness_resp *ok = harness_post_form(b, "/virksomheder",
		harness_form("csrf", harness_client_csrf(a), "name", "Tvillingeværkstedet", NULL));
	CHECK_STATUS(ok, 303);
	struct harness_resp *list = harness_get(a, "/api/v1/enterprises?q=tvillingev%C3%A6rksted");
	CHECK_STATUS(list, 200);
	CHECK_HAS(list->body, "Tvillingeværkstedet");
	/* a wrong token is refused there as here */
	CHECK_STATUS(harness_post_form(b, "/virksomheder",
	                               harness_form("csrf", "forkert", "name", "Aldrig", NULL)), 403);
	/* signing out on the second ends the session on the first */
	CHECK_STATUS(harness_post_form(b, "/logout", harness_form("csrf", harness_client_csrf(a), NULL)), 303);
	struct harness_resp *after = harness_get(a, "/raadgivning");
	CHECK(after->status == 303 || after->status == 401 || after->status == 403);
}

static void through_the_proxy(void)
{
	struct harness_client *c = harness_login(proxy, "konsulent@kolding.example", PASSWORD);
	CHECKF(c, "signing in through the proxy failed");
	for (int i = 0; i < 40; i++) {
		struct harness_resp *r = harness_get(c, i % 2 ? "/raadgivning" : "/api/v1/enterprises?limit=5");
		CHECK_STATUS(r, 200);
	}
	/* a form through the proxy: its token is checked by whichever server gets it */
	struct harness_resp *ok = harness_post_form(c, "/virksomheder",
		harness_form("csrf", harness_client_csrf(c), "name", "Proxyværkstedet", NULL));
	CHECK_STATUS(ok, 303);
	CHECK_HAS(harness_get(c, "/api/v1/enterprises?q=proxyv%C3%A6rksted")->body, "Proxyværkstedet");
}

/* ---------------------------------------------------------------- a server dies under load */

enum { LOADERS = 4, PER_LOADER = 150 };

struct loader {
	int done, failed;
	long first_failure;
};

static volatile int loaded; /* requests done by all loaders */

static void *load(void *arg)
{
	struct loader *l = arg;
	struct harness_client *c = harness_client(proxy);
	for (int i = 0; i < PER_LOADER; i++) {
		struct harness_resp *r = harness_get(c, i % 3 ? "/api/v1/enterprises?limit=5&kommune=621"
		                                               : "/virksomheder");
		if (r->status != 200) {
			if (!l->failed)
				l->first_failure = r->status;
			l->failed++;
		}
		l->done++;
		__atomic_add_fetch(&loaded, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

static void one_dies_under_load(void)
{
	struct loader l[LOADERS] = {{0}};
	pthread_t t[LOADERS];
	for (int i = 0; i < LOADERS; i++)
		pthread_create(&t[i], NULL, load, &l[i]);
	while (__atomic_load_n(&loaded, __ATOMIC_RELAXED) < LOADERS * PER_LOADER / 3)
		usleep(2000);
	harness_note("the first server is killed (SIGKILL) after %d of %d requests",
	             __atomic_load_n(&loaded, __ATOMIC_RELAXED), LOADERS * PER_LOADER);
	harness_server_kill(one);
	for (int i = 0; i < LOADERS; i++)
		pthread_join(t[i], NULL);
	int failed = 0, done = 0;
	for (int i = 0; i < LOADERS; i++) {
		failed += l[i].failed;
		done += l[i].done;
		if (l[i].failed)
			harness_note("loader %d: %d failed, the first with status %ld", i, l[i].failed,
			             l[i].first_failure);
	}
	CHECK(done == LOADERS * PER_LOADER);
	/* at most the requests in flight on the server when it died: one per loader; the proxy's
	 * retries (retry-on conn-failure empty-response) should leave none */
	CHECKF(failed <= LOADERS, "%d requests failed", failed);
	/* the second goes on alone */
	struct harness_client *c = harness_client(proxy);
	for (int i = 0; i < 10; i++)
		CHECK_STATUS(harness_get(c, "/api/v1/enterprises?limit=5"), 200);
	/* and the first comes back on the same database */
	CHECKF(harness_server_start(one, opts) == 0, "the first server did not start again");
}

/* ---------------------------------------------------------------- the outbox */

static void outbox_once(void)
{
	/* forty messages more, while both servers send (sqlite3 waits for a server's write; the
	 * pragma prints a line of its own) */
	bool pg = harness_server_pg(one);
	const char *wait = pg ? "" : "PRAGMA busy_timeout = 10000; ";
	char *out = NULL;
	CHECK(harness_sqlite(harness_server_db(one),
	                     harness_fmt("%sWITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
	                     " SELECT i + 1 FROM n WHERE i < 40) INSERT INTO outbox (kommune, to_addr,"
	                     " subject, body, created_at) SELECT '621', 'm' || i || '@example.org',"
	                     " 'Besked ' || i, 'Tekst', strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now') FROM n",
	                     wait), &out) == 0);
	/* wait until none is left unsent (both servers look every 5 s) */
	long long left = -1, total = 0;
	for (int tries = 0; tries < 150; tries++) {
		CHECK(harness_sqlite(harness_server_db(one),
		                     harness_fmt("%sSELECT count(*) FILTER (WHERE sent_at IS NULL),"
		                                    " count(*) FROM outbox", wait), &out) == 0);
		const char *row = out && !pg ? strchr(out, '\n') : out;
		CHECK(row && sscanf(row + (pg ? 0 : 1), "%lld|%lld", &left, &total) == 2);
		if (left == 0)
			break;
		usleep(200 * 1000);
	}
	CHECKF(left == 0, "%lld messages of %lld still unsent after 30 s", left, total);
	CHECK(total >= 40);
	char *ids = NULL; /* the test's */
	CHECK(harness_sqlite(harness_server_db(one), "SELECT id FROM outbox ORDER BY id", &ids) == 0);
	CHECK(ids);
	int checked = 0;
	for (char *p = ids, *next; p && *p; p = next) {
		long long id = strtoll(p, &next, 10);
		if (next == p)
			break;
		int n = harness_smtp_count(relay, id);
		CHECKF(n == 1, "message %lld was delivered %d times", id, n);
		checked++;
		while (*next == '\n')
			next++;
	}
	CHECK(checked == total);
	CHECK(harness_smtp_total(relay) == total);
	harness_note("%d messages in the outbox, each delivered once by one of the two servers", checked);
}

static void stop(void)
{
	CHECK(harness_server_stop(proxy) == 0);
	CHECK(harness_server_stop(two) == 0);
	CHECK(harness_server_stop(one) == 0);
	CHECK_OK(harness_server_log_problem(one));
	CHECK_OK(harness_server_log_problem(two));
}

static const struct harness_test tests[] = {
	{"two servers on one demo database start behind haproxy, with an SMTP relay", start, HARNESS_FATAL | HARNESS_KEEP},
	{"a session made on one server holds on the other, with its CSRF token; signing out ends it on both", session_on_both, 0},
	{"requests through the proxy alternate between the servers and all succeed", through_the_proxy, 0},
	{"one server killed under load loses no request beyond those in flight, and comes back", one_dies_under_load, 0},
	{"both servers send from one outbox and each message arrives exactly once", outbox_once, 0},
	{"the servers stop cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
