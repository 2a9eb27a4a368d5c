/*
 * test_dbwait.c — the server beside another process that holds SQLite's write lock: while the
 * sqlite3 shell keeps a write transaction open for 8 seconds, /healthz, public pages and a
 * signed-in page (whose session is due for its "last seen" refresh) answer within a second,
 * and web writes answer 503 with Retry-After within 2 seconds instead of waiting for the lock;
 * once it is released, the same write succeeds. A 40,000-row `indgang registry import` beside
 * the running server commits in short chunks, so web writes during it wait at most a couple of
 * seconds. On PostgreSQL psql holds the advisory lock that stands for the write lock there.
 * Layer: tests. Runs the real `indgang serve` (harness.h) and the sqlite3 shell or psql.
 */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define LOCK_SECONDS 8.0   /* how long the other process holds the write lock */
#define READ_LIMIT 1.0     /* seconds a read may take while the lock is held */
#define REFUSE_LIMIT 2.0   /* seconds a web write may take to be refused with 503 */
#define IMPORT_ROWS 40000
#define IMPORT_WAIT_LIMIT 2.5 /* seconds a web write may wait beside the import */
#define WRITES_MAX 400

static struct harness_server *srv;
static const char *kolding_token; /* konsulent of 621 */
static struct harness_client *kolding_web; /* the same, signed in through the form */
static atomic_int serial;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* one web write: a new enterprise in 621 through the API */
static struct harness_resp *web_write(struct harness_client *c)
{
	int n = atomic_fetch_add(&serial, 1);
	return harness_post_json(c, "/api/v1/enterprises",
	                         harness_fmt("{\"name\":\"Ventetest web %d\",\"kommune\":\"621\"}", n));
}

static struct harness_client *bearer_client(void)
{
	struct harness_client *c = harness_client(srv);
	harness_client_set_bearer(c, kolding_token);
	return c;
}

static void start(void)
{
	srv = harness_server_demo();
	CHECK(srv);
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	kolding_token = harness_token(srv, "konsulent@kolding.example");
	CHECK(kolding_token);
	kolding_web = harness_login(srv, "konsulent@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(kolding_web);
	CHECK_STATUS(web_write(bearer_client()), 201);
}

/* ---------------------------------------------------------------- the lock holder
 * The sqlite3 shell reading commands from a pipe: BEGIN IMMEDIATE takes the write lock, a
 * SELECT's answer says it has it, and the lock lasts until COMMIT is sent. A thread of its own
 * sends COMMIT after LOCK_SECONDS, so a server that waits for the lock is not waited on
 * forever by the test that asks it. */

struct holder {
	pid_t pid;
	int in, out;     /* the shell's standard input (ours to write) and output */
	double locked;   /* when the shell said it holds the lock */
	pthread_t thread;
	atomic_bool released;
};

static int holder_start(struct holder *h, const char *dbfile, bool pg)
{
	int in[2], out[2];
	if (pipe2(in, O_CLOEXEC) != 0)
		return -1;
	if (pipe2(out, O_CLOEXEC) != 0) {
		close(in[0]);
		close(in[1]);
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		if (pg)
			execlp("psql", "psql", "-X", "-A", "-t", "-q", "-d", dbfile, (char *)NULL);
		else
			execlp("sqlite3", "sqlite3", dbfile, (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	h->pid = pid;
	h->in = in[1];
	h->out = out[0];
	/* PostgreSQL's write lock is the advisory lock every write transaction takes (db_pg.c's
	 * PG_WRITE_LOCK) */
	const char *begin = pg ? "BEGIN;\nSELECT pg_advisory_xact_lock(20631057917931111);\n"
	                         "SELECT 'locked';\n"
	                       : "BEGIN IMMEDIATE;\nSELECT 'locked';\n";
	if (write(h->in, begin, strlen(begin)) != (ssize_t)strlen(begin))
		return -1;
	char buf[64];
	size_t got = 0;
	while (got < sizeof(buf) - 1) {
		ssize_t n = read(h->out, buf + got, sizeof(buf) - 1 - got);
		if (n <= 0)
			return -1;
		got += (size_t)n;
		buf[got] = '\0';
		if (strstr(buf, "locked\n")) {
			h->locked = now();
			return 0;
		}
	}
	return -1;
}

/* sends COMMIT, closes the pipe and waits for the shell; its exit status */
static int holder_release(struct holder *h)
{
	static const char commit[] = "COMMIT;\n";
	ssize_t w = write(h->in, commit, sizeof(commit) - 1);
	(void)w;
	close(h->in);
	close(h->out);
	int st = 0;
	if (waitpid(h->pid, &st, 0) != h->pid)
		return -1;
	atomic_store(&h->released, true);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static void *holder_main(void *arg)
{
	struct holder *h = arg;
	double left = h->locked + LOCK_SECONDS - now();
	if (left > 0) {
		struct timespec ts = {(time_t)left, (long)((left - (double)(time_t)left) * 1e9)};
		nanosleep(&ts, NULL);
	}
	holder_release(h);
	return NULL;
}

/* ---------------------------------------------------------------- writers beside the lock */

struct writer {
	pthread_t thread;
	atomic_bool stop;
	atomic_int n, refused;
	long bad_status;       /* the first status that is neither 503 nor 201 */
	bool no_retry_after;   /* a 503 without Retry-After */
	double slowest;
};

static void *writer_main(void *arg)
{
	struct writer *wr = arg;
	struct harness_client *c = bearer_client();
	while (!atomic_load(&wr->stop) && atomic_load(&wr->n) < WRITES_MAX) {
		struct harness_resp *r = web_write(c);
		atomic_fetch_add(&wr->n, 1);
		if (r->seconds > wr->slowest)
			wr->slowest = r->seconds;
		if (r->status == 503) {
			atomic_fetch_add(&wr->refused, 1);
			if (!harness_header(r, "Retry-After"))
				wr->no_retry_after = true;
		} else if (r->status != 201 && !wr->bad_status) {
			wr->bad_status = r->status;
		}
		if (r->status == 0)
			break;
	}
	return NULL;
}

static const char *timed_problem(struct harness_resp *r, long status, double limit, const char *what)
{
	if (r->status != status)
		return harness_fmt("%s: %s", what, harness_status_problem(r, status));
	if (r->seconds > limit)
		return harness_fmt("%s answered %ld after %.2f s (limit %.1f s)", what, r->status,
		                   r->seconds, limit);
	return NULL;
}

static void lock_held_by_another_process(void)
{
	const char *db = harness_server_db(srv);
	/* the signed-in session is due for its "last seen" refresh, a write */
	CHECK(harness_sqlite(db, "UPDATE sessions SET last_seen = last_seen - 120;", NULL) == 0);
	static struct holder h;
	CHECKF(holder_start(&h, db, harness_server_pg(srv)) == 0,
	       "the sqlite3 shell (psql on PostgreSQL) did not take the write lock");
	CHECK(pthread_create(&h.thread, NULL, holder_main, &h) == 0);
	/* one writer that keeps asking: each of microhttpd's pool threads serves its connections
	 * one after another, so a read that shares a thread with a waiting writer waits for that
	 * writer's refusal (at most the server's 0.75 s) */
	static struct writer wr[1];
	for (int i = 0; i < 1; i++)
		if (pthread_create(&wr[i].thread, NULL, writer_main, &wr[i]) != 0)
			atomic_store(&wr[i].stop, true);

	const char *problem = NULL;
	struct harness_client *anon = harness_client(srv);
	struct harness_client *writer = bearer_client();
	struct harness_resp *refused = web_write(writer);
	problem = timed_problem(refused, 503, REFUSE_LIMIT, "POST /api/v1/enterprises");
	if (!problem && !harness_header(refused, "Retry-After"))
		problem = "the 503 has no Retry-After";
	if (!problem)
		problem = timed_problem(harness_get(kolding_web, "/virksomheder"), 200, READ_LIMIT,
		                        "GET /virksomheder signed in");
	/* reads throughout the lock, while the writer keeps asking */
	int reads = 0;
	double slowest = 0;
	while (!problem && now() < h.locked + LOCK_SECONDS - 2.5) {
		struct harness_resp *r = harness_get(anon, "/healthz");
		problem = timed_problem(r, 200, READ_LIMIT, "GET /healthz");
		if (!problem)
			problem = timed_problem(harness_get(anon, "/virksomheder"), 200, READ_LIMIT,
			                        "GET /virksomheder");
		if (r->seconds > slowest)
			slowest = r->seconds;
		reads++;
		usleep(200 * 1000);
	}
	bool held = !atomic_load(&h.released);
	pthread_join(h.thread, NULL);
	atomic_store(&wr[0].stop, true);
	pthread_join(wr[0].thread, NULL);
	harness_note("%d rounds of reads, slowest /healthz %.3f s; the writer beside them was "
	             "refused %d times, its slowest answer %.2f s", reads, slowest,
	             atomic_load(&wr[0].refused), wr[0].slowest);
	CHECK_OK(problem);
	CHECKF(held, "the lock was released before the reads were done");
	for (int i = 0; i < 1; i++) {
		CHECKF(!wr[i].bad_status, "a writer beside the lock got %ld", wr[i].bad_status);
		CHECKF(!wr[i].no_retry_after, "a writer's 503 had no Retry-After");
		CHECKF(wr[i].slowest <= REFUSE_LIMIT, "a writer waited %.2f s", wr[i].slowest);
	}
	/* the lock is gone: the same write goes through */
	CHECK_STATUS(web_write(writer), 201);
	CHECK(harness_server_alive(srv));
}

/* ---------------------------------------------------------------- a long import beside */

struct import {
	pthread_t thread;
	const char *file;
	int status;
	char *out;
	atomic_bool done;
};

static void *import_main(void *arg)
{
	struct import *im = arg;
	im->status = harness_cli(srv, NULL, &im->out, "registry", "import", im->file, NULL);
	atomic_store(&im->done, true);
	return NULL;
}

static void import_beside_the_server(void)
{
	static struct import im;
	im.file = harness_server_path(srv, "enterprises.csv");
	FILE *f = fopen(im.file, "w");
	CHECK(f);
	fputs("name,kommune,established\n", f);
	for (int i = 1; i <= IMPORT_ROWS; i++)
		fprintf(f, "Ventetest import %d,621,2020-%02d-%02d\n", i, 1 + i % 12, 1 + i % 28);
	CHECK(fclose(f) == 0);
	CHECK(pthread_create(&im.thread, NULL, import_main, &im) == 0);
	struct harness_client *c = bearer_client();
	int n = 0, created = 0;
	long bad = 0;
	double slowest = 0, t0 = now();
	while (!atomic_load(&im.done) && n < WRITES_MAX) {
		struct harness_resp *r = web_write(c);
		n++;
		if (r->status == 201)
			created++;
		else if (!bad)
			bad = r->status;
		if (r->seconds > slowest)
			slowest = r->seconds;
		usleep(50 * 1000);
	}
	pthread_join(im.thread, NULL);
	harness_note("the import took %.1f s; %d web writes beside it, slowest %.2f s", now() - t0, n,
	             slowest);
	CHECKF(im.status == 0, "indgang registry import exited with %d: %s", im.status,
	       im.out ? im.out : "");
	CHECK_HAS(im.out, harness_fmt("%d rows: %d created", IMPORT_ROWS, IMPORT_ROWS));
	CHECKF(n >= 5, "only %d web writes happened during the import", n);
	CHECKF(slowest <= IMPORT_WAIT_LIMIT, "a web write waited %.2f s beside the import", slowest);
	CHECKF(!bad, "a web write beside the import got %ld", bad);
	CHECK(created == n);
}

static void stop(void)
{
	int st = harness_server_stop(srv);
	CHECKF(st == 0, "indgang serve exited with status %d after SIGTERM", st);
	CHECK_OK(harness_server_log_problem(srv));
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database", start, HARNESS_FATAL | HARNESS_KEEP},
	{"another process holds the write lock for 8 s: reads answer within 1 s, web writes 503 "
	 "with Retry-After within 2 s, and succeed after it",
	 lock_held_by_another_process, 0},
	{"a 40,000-row registry import beside the server keeps web writes under 2.5 s",
	 import_beside_the_server, 0},
	{"the server stops on SIGTERM with status 0", stop, 0},
};

int main(void)
{
	signal(SIGPIPE, SIG_IGN);
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
