/*
 * test_signin_flood.c — sign-in under attack, over real HTTP: about 1,000 wrong passwords, each
 * for another e-mail and spread over 249 addresses (127.0.0.2 to .250), sent eight at a time
 * for about 20 seconds, while /healthz from 127.0.0.1 must stay fast and every refused sign-in
 * must say when to come back; afterwards the real owner, whose account the flood also hit, signs
 * in from their own address. Then the throttle's state survives a restart of the server.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h). Slow: ~25 s.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

#define OWNER "konsulent@kolding.example"
#define ATTEMPTS 1000
#define ADDRESSES 249   /* 127.0.0.2 .. 127.0.0.250 */
#define WORKERS 8
#define SPACING_MS 20   /* one attempt every 20 ms: ~20 s in all */
#define OWNER_EVERY 40  /* every 40th attempt is for the owner's account */

static struct harness_server *srv;

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void sleep_until(double t)
{
	double d = t - now_s();
	if (d <= 0)
		return;
	struct timespec ts = {(time_t)d, (long)((d - (double)(time_t)d) * 1e9)};
	nanosleep(&ts, NULL);
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return a < b ? -1 : a > b;
}

static struct harness_resp *sign_in(struct harness_client *c, const char *email,
                                    const char *password)
{
	return harness_post_form(c, "/login", harness_form("csrf", harness_client_csrf(c), "email",
	                                                   email, "password", password, NULL));
}

static void start(void)
{
	srv = harness_server_demo();
	CHECK(srv);
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	/* the owner has signed in from their own address before */
	struct harness_client *owner = harness_client(srv);
	CHECK_STATUS(sign_in(owner, OWNER, HARNESS_DEMO_PASSWORD), 303);
}

/* ---------------------------------------------------------------- the flood */

struct flood {
	double t0;
	atomic_int unexpected, no_retry_after, n401, n429, n503, n0;
	atomic_int done;
	long bad_status;
};

struct worker {
	pthread_t thread;
	int id;
	struct flood *f;
};

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct flood *f = w->f;
	struct harness_client *clients[ADDRESSES / WORKERS + 1] = {0};
	for (int k = 0; k < ATTEMPTS; k++) {
		int addr = k % ADDRESSES;
		if (addr % WORKERS != w->id)
			continue;
		struct harness_client **c = &clients[addr / WORKERS];
		if (!*c) {
			*c = harness_client(srv);
			harness_client_bind(*c, harness_fmt("127.0.0.%d", 2 + addr));
		}
		sleep_until(f->t0 + k * SPACING_MS / 1000.0);
		const char *email = k % OWNER_EVERY == 0 ? OWNER : harness_fmt("flood-%d@kolding.example", k);
		struct harness_resp *r = sign_in(*c, email, harness_fmt("forkert-kode-%d", k));
		if (r->status == 401)
			atomic_fetch_add(&f->n401, 1);
		else if (r->status == 429)
			atomic_fetch_add(&f->n429, 1);
		else if (r->status == 503)
			atomic_fetch_add(&f->n503, 1);
		else if (r->status == 0)
			atomic_fetch_add(&f->n0, 1);
		else {
			atomic_fetch_add(&f->unexpected, 1);
			f->bad_status = r->status;
		}
		if ((r->status == 429 || r->status == 503) && !harness_header(r, "Retry-After"))
			atomic_fetch_add(&f->no_retry_after, 1);
	}
	atomic_fetch_add(&f->done, 1);
	return NULL;
}

static void flood(void)
{
	struct flood f = {.t0 = now_s() + 0.2};
	struct worker w[WORKERS];
	int started = 0;
	for (int i = 0; i < WORKERS; i++) {
		w[i].id = i;
		w[i].f = &f;
		if (pthread_create(&w[i].thread, NULL, worker_main, &w[i]) == 0)
			started++;
	}
	/* /healthz from 127.0.0.1 while the flood runs */
	struct harness_client *probe = harness_client(srv);
	static double lat[4000];
	int n = 0, bad = 0;
	while (atomic_load(&f.done) < started && n < 4000) {
		struct harness_resp *r = harness_get(probe, "/healthz");
		if (r->status != 200)
			bad++;
		lat[n++] = r->seconds;
		sleep_until(now_s() + 0.03);
	}
	for (int i = 0; i < WORKERS && i < started; i++)
		pthread_join(w[i].thread, NULL);
	double took = now_s() - f.t0;
	CHECKF(started == WORKERS, "only %d of %d threads started", started, WORKERS);
	CHECK(n > 10);
	qsort(lat, (size_t)n, sizeof(lat[0]), cmp_double);
	double p50 = lat[n / 2], p99 = lat[(n * 99) / 100], max = lat[n - 1];
	harness_note("%d sign-ins in %.1f s: %d answered 401, %d 429, %d 503, %d no answer",
	             ATTEMPTS, took, atomic_load(&f.n401), atomic_load(&f.n429), atomic_load(&f.n503),
	             atomic_load(&f.n0));
	harness_note("/healthz meanwhile: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms", n,
	             p50 * 1000, p99 * 1000, max * 1000);
	CHECKF(bad == 0, "%d of %d /healthz requests failed", bad, n);
	CHECKF(p99 < 1.0, "/healthz p99 %.2f s during the flood", p99);
	CHECKF(atomic_load(&f.unexpected) == 0, "%d sign-ins answered something else, e.g. %ld",
	       atomic_load(&f.unexpected), f.bad_status);
	CHECKF(atomic_load(&f.n0) == 0, "%d sign-ins got no answer", atomic_load(&f.n0));
	CHECKF(atomic_load(&f.no_retry_after) == 0, "%d answers 429/503 without Retry-After",
	       atomic_load(&f.no_retry_after));
	CHECK(harness_server_alive(srv));
}

static void owner_signs_in(void)
{
	struct harness_client *owner = harness_client(srv);
	struct harness_resp *r = sign_in(owner, OWNER, HARNESS_DEMO_PASSWORD);
	CHECKF(r->status == 303, "the owner's sign-in after the flood answered %ld (Retry-After %s)",
	       r->status, harness_header(r, "Retry-After") ? harness_header(r, "Retry-After") : "none");
	CHECK(harness_cookie(owner, "indgang_session"));
	CHECK_STATUS(harness_get(owner, "/brugere"), 200);
}

/* ---------------------------------------------------------------- restart */

static void throttle_survives_restart(void)
{
	const char *email = "job@kolding.example";
	struct harness_client *c = harness_client(srv);
	harness_client_bind(c, "127.0.1.1");
	for (int i = 1; i <= 4; i++)
		CHECK_STATUS(sign_in(c, email, harness_fmt("forkert-kode-%d", i)), 401);
	struct harness_resp *r = sign_in(c, email, HARNESS_DEMO_PASSWORD);
	CHECK_STATUS(r, 429);
	CHECK(harness_header(r, "Retry-After"));
	/* a restart does not clear it: the delay is in the database */
	CHECK(harness_server_stop(srv) == 0);
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start again");
	c = harness_client(srv);
	harness_client_bind(c, "127.0.1.1");
	r = sign_in(c, email, HARNESS_DEMO_PASSWORD);
	CHECK_STATUS(r, 429);
	CHECK(harness_header(r, "Retry-After"));
	CHECK(!harness_cookie(c, "indgang_session"));
}

static void stop(void)
{
	CHECK_OK(harness_server_log_problem(srv));
	CHECK(harness_server_stop(srv) == 0);
}

static const struct harness_test tests[] = {
	{"the server starts and the owner signs in from 127.0.0.1", start, HARNESS_FATAL | HARNESS_KEEP},
	{"1,000 wrong sign-ins from 249 addresses: /healthz stays fast, every refusal has Retry-After",
	 flood, 0},
	{"after the flood the owner signs in from their own address", owner_signs_in, 0},
	{"a sign-in delay survives a restart of the server", throttle_survives_restart, 0},
	{"the server stops on SIGTERM with status 0 and a clean log", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
