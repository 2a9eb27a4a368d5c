/*
 * test_robust.c — the server under faults, over real HTTP: SIGKILL in the middle of writes
 * loses no write that was acknowledged with 201 and leaves a sound database; SIGTERM with
 * requests in flight lets them finish, exits 0 and leaves nothing in the WAL; 200 connections
 * that stall halfway through a request line do not keep a normal client out; oversized headers
 * get a 4xx, not a crash; `indgang backup` beside the running server makes a sound copy; the
 * key file of the CPR numbers at start and from the command line. On PostgreSQL (the harness's
 * INDGANG_TEST_BACKEND) there is no WAL file, the database must answer instead of passing
 * SQLite's integrity check, and `indgang backup` must refuse (pg_dump is the tool there).
 * Layer: tests. Runs the real `indgang serve` (harness.h) with --per-ip 50 --timeout 2, so that
 * stalled connections are capped per address and cut after two seconds.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define KOLDING_USERS "/api/v1/kommuner/621/users"
#define WRITES_MAX 200     /* per writer: never reached, the tests stop writers much earlier */
#define STALLERS 200
#define STALL_ADDRESS "127.0.0.3" /* the stalling connections' source address */
#define PATIENCE 60.0      /* seconds: the generous bound for anything the tests wait for */
#define IN_FLIGHT 0.03     /* seconds a request has been running when it counts as in flight */

static const char *const serve_options[] = {"--per-ip", "50", "--timeout", "2", NULL};

static struct harness_server *srv;
static const char *kolding_token; /* konsulent of 621; tokens live in the database */

/* ---------------------------------------------------------------- helpers */

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* starts the server again on the same database and checks it answers */
static const char *restart_problem(void)
{
	if (harness_server_start(srv, serve_options) != 0)
		return "indgang serve did not start again";
	struct harness_resp *r = harness_get(harness_client(srv), "/healthz");
	return r->status == 200 ? NULL : harness_status_problem(r, 200);
}

/* SQLite's integrity check of dbfile; on PostgreSQL, which checks its pages itself and recovers
 * from its WAL, that the database answers and reads its tables */
static const char *integrity_problem(const char *dbfile)
{
	char *out = NULL;
	if (harness_server_pg(srv)) {
		int st = harness_sqlite(dbfile, "SELECT CASE WHEN count(*) > 0 THEN 'ok' END FROM users;", &out);
		if (st != 0 || !out || strcmp(out, "ok\n") != 0)
			return harness_fmt("psql %s could not read the users: exit %d: %s", dbfile, st,
			                   out ? out : "");
		return NULL;
	}
	int st = harness_sqlite(dbfile, "PRAGMA integrity_check;", &out);
	if (st != 0 || !out || strcmp(out, "ok\n") != 0)
		return harness_fmt("sqlite3 %s 'PRAGMA integrity_check' exited %d: %s", dbfile, st,
		                   out ? out : "");
	return NULL;
}

/* the -wal file of dbfile is absent or empty (PostgreSQL's WAL is its server's) */
static const char *wal_problem(const char *dbfile)
{
	if (harness_server_pg(srv))
		return NULL;
	struct stat st;
	const char *wal = harness_fmt("%s-wal", dbfile);
	if (stat(wal, &st) == 0 && st.st_size > 0)
		return harness_fmt("%s still holds %lld bytes", wal, (long long)st.st_size);
	return NULL;
}

/* ---------------------------------------------------------------- writers
 * A writer is a thread that creates users through the API, one after another, until told to
 * stop or until the server stops answering, and records each request's times and outcome. */

struct write {
	double start, end;
	long status;
	long long id;
	char email[64];
};

struct writer {
	pthread_t thread;
	const char *prefix;
	atomic_bool stop;
	atomic_int acked;      /* 201s so far */
	atomic_int n;          /* requests made; the entries of w[] below n are final */
	atomic_llong busy_us;  /* when the request on the wire began (microseconds), 0 if none */
	long unexpected;       /* a status that is neither 201 nor a refusal on shutdown */
	struct write w[WRITES_MAX];
};

static void *writer_main(void *arg)
{
	struct writer *wr = arg;
	struct harness_client *c = harness_client(srv);
	harness_client_set_bearer(c, kolding_token);
	for (int i = 0; !atomic_load(&wr->stop) && i < WRITES_MAX; i++) {
		struct write *w = &wr->w[i];
		snprintf(w->email, sizeof(w->email), "%s-%d@kolding.example", wr->prefix, i);
		const char *body = harness_fmt("{\"email\": \"%s\", \"role\": \"indkoeber\", "
		                               "\"password\": \"lang-nok-kode-1\"}", w->email);
		w->start = now();
		atomic_store(&wr->busy_us, (long long)(w->start * 1e6));
		struct harness_resp *r = harness_post_json(c, KOLDING_USERS, body);
		w->end = now();
		atomic_store(&wr->busy_us, 0);
		w->status = r->status;
		if (r->status == 201)
			w->id = (long long)json_integer_value(json_object_get(harness_json(r), "id"));
		atomic_store(&wr->n, i + 1);
		if (r->status == 201)
			atomic_fetch_add(&wr->acked, 1);
		else if (r->status == 0)
			break; /* the server is gone */
		else if (!wr->unexpected)
			wr->unexpected = r->status;
	}
	return NULL;
}

static void writers_stop(struct writer *wr, int n)
{
	for (int i = 0; i < n; i++)
		atomic_store(&wr[i].stop, true);
}

static void writers_join(struct writer *wr, int n)
{
	for (int i = 0; i < n; i++)
		pthread_join(wr[i].thread, NULL);
}

/* starts n writers whose e-mail addresses begin with prefix and their number; -1 (with none
 * left running) when a thread cannot be made */
static int writers_start(struct writer *wr, int n, const char *prefix)
{
	for (int i = 0; i < n; i++) {
		memset(&wr[i], 0, sizeof(wr[i]));
		wr[i].prefix = harness_fmt("%s%d", prefix, i);
		atomic_init(&wr[i].stop, false);
		atomic_init(&wr[i].acked, 0);
		atomic_init(&wr[i].n, 0);
		atomic_init(&wr[i].busy_us, 0);
		if (pthread_create(&wr[i].thread, NULL, writer_main, &wr[i]) != 0) {
			writers_stop(wr, i);
			writers_join(wr, i);
			return -1;
		}
	}
	return 0;
}

/* waits until the writers together have had want 201s; false after PATIENCE seconds */
static bool writers_wait(struct writer *wr, int n, int want)
{
	double end = now() + PATIENCE;
	while (now() < end) {
		int acked = 0;
		for (int i = 0; i < n; i++)
			acked += atomic_load(&wr[i].acked);
		if (acked >= want)
			return true;
		usleep(20 * 1000);
	}
	return false;
}

/* waits until some writer's request has been on the wire for at least seconds, so that a
 * signal sent now surely finds it in flight; false after PATIENCE seconds */
static bool writers_busy(struct writer *wr, int n, double seconds)
{
	double end = now() + PATIENCE;
	while (now() < end) {
		long long t = (long long)(now() * 1e6);
		for (int i = 0; i < n; i++) {
			long long since = atomic_load(&wr[i].busy_us);
			if (since && t - since >= (long long)(seconds * 1e6))
				return true;
		}
		usleep(2 * 1000);
	}
	return false;
}

/* every acknowledged user of the writers is in the database of the running server */
static const char *acked_problem(struct writer *wr, int n)
{
	struct harness_client *c = harness_client(srv);
	harness_client_set_bearer(c, kolding_token);
	for (int i = 0; i < n; i++) {
		for (int k = 0; k < atomic_load(&wr[i].n); k++) {
			if (wr[i].w[k].status != 201)
				continue;
			struct harness_resp *r =
				harness_get(c, harness_fmt("/api/v1/users/%lld", wr[i].w[k].id));
			const char *email = harness_json_str(harness_json(r), "email");
			if (r->status != 200 || !email || strcmp(email, wr[i].w[k].email) != 0)
				return harness_fmt("%s got 201 as user %lld, but now GET answers %ld: %.200s",
				                   wr[i].w[k].email, wr[i].w[k].id, r->status, r->body);
		}
	}
	return NULL;
}

/* ---------------------------------------------------------------- setup */

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, serve_options) == 0, "indgang serve did not start");
	kolding_token = harness_token(srv, "konsulent@kolding.example");
	CHECKF(kolding_token, "'indgang token create' failed");
}

/* ---------------------------------------------------------------- crashes and stops */

static void sigkill_keeps_acked_writes(void)
{
	static struct writer wr[2];
	CHECK(writers_start(wr, 2, "kill") == 0);
	bool enough = writers_wait(wr, 2, 4);
	int st = harness_server_kill(srv);
	writers_stop(wr, 2);
	writers_join(wr, 2);
	harness_note("%d users acknowledged before SIGKILL, %d requests cut off",
	             atomic_load(&wr[0].acked) + atomic_load(&wr[1].acked),
	             atomic_load(&wr[0].n) + atomic_load(&wr[1].n) - atomic_load(&wr[0].acked) -
	                 atomic_load(&wr[1].acked));
	CHECKF(enough, "the writers got fewer than 4 answers 201 in %.0f seconds", PATIENCE);
	CHECKF(st == 128 + 9, "the server ended with %d, not by SIGKILL", st);
	CHECKF(!wr[0].unexpected && !wr[1].unexpected, "a write answered %ld",
	       wr[0].unexpected ? wr[0].unexpected : wr[1].unexpected);
	CHECK_OK(integrity_problem(harness_server_db(srv)));
	CHECK_OK(restart_problem());
	CHECK_OK(acked_problem(wr, 2));
	CHECK_OK(harness_server_log_problem(srv));
}

static void sigterm_finishes_requests(void)
{
	static struct writer wr[3];
	if (!harness_server_alive(srv))
		CHECK_OK(restart_problem());
	CHECK(writers_start(wr, 3, "term") == 0);
	bool enough = writers_wait(wr, 3, 3) && writers_busy(wr, 3, IN_FLIGHT);
	/* no new requests from here on; those on the wire must finish */
	writers_stop(wr, 3);
	double signalled = now();
	int st = harness_server_stop(srv);
	writers_join(wr, 3);
	CHECKF(enough, "the writers got fewer than 3 answers 201, or had no request in flight, in "
	       "%.0f seconds", PATIENCE);
	CHECKF(st == 0, "indgang serve exited with status %d after SIGTERM", st);
	int in_flight = 0;
	for (int i = 0; i < 3; i++) {
		for (int k = 0; k < atomic_load(&wr[i].n); k++) {
			const struct write *w = &wr[i].w[k];
			/* begun well before the signal: surely on the wire when it came */
			if (w->start < signalled - IN_FLIGHT && w->end > signalled) {
				in_flight++;
				CHECKF(w->status == 201, "%s was in flight at SIGTERM and got %ld (%s)", w->email,
				       w->status, w->status ? "an answer" : "no answer");
			}
		}
		CHECKF(!wr[i].unexpected, "a write answered %ld", wr[i].unexpected);
	}
	harness_note("%d requests were in flight when SIGTERM came", in_flight);
	CHECKF(in_flight > 0, "no request was in flight when SIGTERM came");
	CHECK_OK(wal_problem(harness_server_db(srv)));
	CHECK_OK(integrity_problem(harness_server_db(srv)));
	CHECK_OK(harness_server_log_problem(srv));
	CHECK_OK(restart_problem());
	CHECK_OK(acked_problem(wr, 3));
}

/* ---------------------------------------------------------------- slow and oversized clients */

/* a connection from STALL_ADDRESS that sends half a request line and then nothing; -1 on error */
static int stall(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	struct sockaddr_in from = {.sin_family = AF_INET}, to = {.sin_family = AF_INET};
	inet_pton(AF_INET, STALL_ADDRESS, &from.sin_addr);
	inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
	to.sin_port = htons((uint16_t)port);
	if (bind(fd, (struct sockaddr *)&from, sizeof(from)) != 0 ||
	    connect(fd, (struct sockaddr *)&to, sizeof(to)) != 0) {
		close(fd);
		return -1;
	}
	/* the server may already have closed a connection over the per-address limit */
	send(fd, "GET /healthz HT", 15, MSG_NOSIGNAL);
	return fd;
}

/* whether the server has closed fd (end of file or a reset), without waiting */
static bool closed_by_server(int fd)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	if (poll(&p, 1, 0) <= 0)
		return false;
	char b[256];
	ssize_t k = recv(fd, b, sizeof(b), MSG_DONTWAIT);
	return k == 0 || (k < 0 && errno != EAGAIN && errno != EWOULDBLOCK) ||
	       (k > 0 && closed_by_server(fd));
}

static int count_closed(const int *fds, int n, bool *done)
{
	int closed = 0;
	for (int i = 0; i < n; i++) {
		if (!done[i] && closed_by_server(fds[i]))
			done[i] = true;
		closed += done[i];
	}
	return closed;
}

static void stalled_connections(void)
{
	static int fds[STALLERS];
	static bool done[STALLERS];
	if (!harness_server_alive(srv))
		CHECK_OK(restart_problem());
	int port = harness_server_port(srv), opened = 0;
	for (int i = 0; i < STALLERS; i++) {
		fds[i] = stall(port);
		done[i] = false;
		opened += fds[i] >= 0;
	}
	double stalled = now();
	bool all_open = opened == STALLERS;
	/* a normal client, from the usual address, is answered at once: several times over */
	struct harness_client *c = harness_client(srv);
	const char *why = NULL;
	for (int i = 0; i < 5 && !why; i++) {
		struct harness_resp *r = harness_get(c, "/healthz");
		why = harness_status_problem(r, 200);
		if (!why && r->seconds > PATIENCE / 4)
			why = harness_fmt("/healthz took %.1f seconds behind the stalled connections",
			                  r->seconds);
	}
	/* over the per-address limit, connections are closed at once: well before the two seconds
	 * of --timeout, which then close the rest */
	int early = count_closed(fds, STALLERS, done);
	while (early < STALLERS - 50 && now() < stalled + 1.5) {
		usleep(20 * 1000);
		early = count_closed(fds, STALLERS, done);
	}
	double end = now() + PATIENCE;
	int closed = early;
	while (closed < STALLERS && now() < end) {
		usleep(100 * 1000);
		closed = count_closed(fds, STALLERS, done);
	}
	harness_note("%d of %d stalled connections refused at once, %d closed after %.1f seconds",
	             early, STALLERS, closed, now() - stalled);
	for (int i = 0; i < STALLERS; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	CHECKF(all_open, "only %d of %d stalling connections could be made from %s", opened,
	       STALLERS, STALL_ADDRESS);
	CHECK_OK(why);
	CHECKF(early >= STALLERS - 50, "only %d stalled connections were refused at once; --per-ip 50 "
	       "should refuse %d", early, STALLERS - 50);
	CHECKF(closed == STALLERS, "%d stalled connections were still open after %.0f seconds",
	       STALLERS - closed, PATIENCE);
	/* with its stalled connections gone, the stalling address is served again */
	struct harness_client *same = harness_client(srv);
	harness_client_bind(same, STALL_ADDRESS);
	CHECK_STATUS(harness_get(same, "/healthz"), 200);
	CHECK(harness_server_alive(srv));
}

static void oversized_headers(void)
{
	if (!harness_server_alive(srv))
		CHECK_OK(restart_problem());
	struct harness_client *c = harness_client(srv);
	char *cookie = harness_fmt("Cookie: big=%*s", 64 * 1024, "");
	memset(cookie + strlen("Cookie: big="), 'x', 64 * 1024);
	struct harness_resp *r = harness_send(
		c, &(struct harness_req){.path = "/healthz", .headers = (const char *const[]){cookie, NULL}});
	CHECKF(r->status >= 400 && r->status < 500, "a 64 KiB Cookie header answered %ld%s%s",
	       r->status, r->error ? ": " : "", r->error ? r->error : "");
	/* many small headers that add up past the limit */
	static const char *many[2001];
	for (int i = 0; i < 2000; i++)
		many[i] = harness_fmt("X-Filler-%d: %032d", i, i);
	many[2000] = NULL;
	r = harness_send(c, &(struct harness_req){.path = "/healthz", .headers = many});
	CHECKF(r->status >= 400 && r->status < 500, "2000 headers answered %ld%s%s", r->status,
	       r->error ? ": " : "", r->error ? r->error : "");
	/* and a 64 KiB request line */
	char *path = harness_fmt("/healthz?q=%*s", 64 * 1024, "");
	memset(path + strlen("/healthz?q="), 'y', 64 * 1024);
	r = harness_get(c, path);
	CHECKF(r->status >= 400 && r->status < 500, "a 64 KiB URL answered %ld%s%s", r->status,
	       r->error ? ": " : "", r->error ? r->error : "");
	CHECK(harness_server_alive(srv));
	CHECK_STATUS(harness_get(harness_client(srv), "/healthz"), 200);
	CHECK_OK(harness_server_log_problem(srv));
}

/* ---------------------------------------------------------------- memory per request */

/* A server whose requests may use 16 KiB each: a request past that answers 500 and the server
 * serves on; a form that passes it before its handler runs stores nothing. */
static void request_memory_cap(void)
{
	struct harness_server *small = harness_server_demo();
	CHECKF(small, "no demo database");
	static const char *const opts[] = {"--request-memory", "16384", NULL};
	CHECKF(harness_server_start(small, opts) == 0, "indgang serve --request-memory did not start");
	struct harness_client *c = harness_client(small);
	CHECK_STATUS(harness_get(c, "/healthz"), 200);
	/* the registry's list page needs more than 16 KiB */
	struct harness_resp *r = harness_get(c, "/virksomheder?limit=100");
	CHECK_STATUS(r, 500);
	CHECK_HAS(r->body, "Der skete en fejl. Den er logget.");
	CHECK_API_ERROR(harness_get(c, "/api/v1/enterprises?limit=100"), 500, "internal", NULL);
	/* a form whose fields alone pass the cap: the handler never runs */
	const char *csrf = harness_client_csrf(c);
	CHECKF(csrf, "no CSRF token on the front page");
	char *before = NULL, *after = NULL;
	CHECK(harness_sqlite(harness_server_db(small), "SELECT count(*) FROM inquiries;", &before) == 0);
	char *big = harness_fmt("%*s", 12000, "");
	memset(big, 'x', 12000);
	char *body = harness_form("csrf", csrf, "kommune", "621", "name", "Hukommelse Test", "email",
	                          "test@example.org", "topic", "start", "message", big, NULL);
	/* many small fields: each is a separate allocation */
	for (int i = 0; i < 300; i++)
		body = harness_fmt("%s&f%d=%d", body, i, i);
	r = harness_post_form(c, "/kontakt", body);
	CHECK_STATUS(r, 500);
	CHECK(harness_sqlite(harness_server_db(small), "SELECT count(*) FROM inquiries;", &after) == 0);
	CHECK_STR(after, before);
	/* and the server answers the next request as usual */
	CHECK(harness_server_alive(small));
	CHECK_STATUS(harness_get(harness_client(small), "/healthz"), 200);
	CHECK_STATUS(harness_get(harness_client(small), "/kommuner"), 200);
	CHECK_OK(harness_server_log_problem(small));
	CHECKF(harness_server_stop(small) == 0, "the server did not stop cleanly");
}

/* ---------------------------------------------------------------- backup */

static void backup_while_serving(void)
{
	static struct writer wr[1];
	if (!harness_server_alive(srv))
		CHECK_OK(restart_problem());
	CHECK(writers_start(wr, 1, "backup") == 0);
	bool enough = writers_wait(wr, 1, 2);
	/* what was acknowledged before the copy began must be in it */
	int before = atomic_load(&wr[0].n);
	const char *copy = harness_server_path(srv, "copy.db");
	char *out = NULL;
	int st = harness_cli(srv, NULL, &out, "backup", copy, NULL);
	writers_stop(wr, 1);
	writers_join(wr, 1);
	CHECKF(enough, "the writer got fewer than 2 answers 201 in %.0f seconds", PATIENCE);
	if (harness_server_pg(srv)) {
		/* PostgreSQL is backed up with its own tools: backup refuses and says which, and the
		 * server goes on */
		CHECKF(st == 1, "indgang backup on PostgreSQL exited with %d, not 1", st);
		CHECK(!wr[0].unexpected);
		CHECK(harness_server_alive(srv));
		return;
	}
	CHECKF(st == 0, "indgang backup exited with %d: %s", st, out ? out : "");
	CHECK_OK(integrity_problem(copy));
	/* the copy opens with the program itself and holds the users */
	char *list = NULL;
	st = harness_cli_db(srv, copy, NULL, &list, "user", "list", NULL);
	CHECKF(st == 0, "indgang --db %s user list exited with %d", copy, st);
	CHECK_HAS(list, "\tkonsulent@kolding.example\t");
	CHECK_HAS(list, "\tkonsulent@silkeborg.example\t");
	for (int k = 0; k < before; k++)
		if (wr[0].w[k].status == 201)
			CHECK_HAS(list, harness_fmt("\t%s\t", wr[0].w[k].email));
	CHECK(!wr[0].unexpected);
	CHECK(harness_server_alive(srv));
}

/* whether a line of the file at path holds needle */
static bool file_has(const char *path, const char *needle)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	char line[2048];
	bool found = false;
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, needle) != NULL;
	fclose(f);
	return found;
}

/* the key file of the CPR numbers: the server runs with the one the harness made (mode 0600),
 * `key init` never replaces a key file, `key status` and `key rotate` run, and a malformed key
 * file stops `serve` with one line naming the line */
static void key_file(void)
{
	const char *key = harness_server_path(srv, "indgang.key");
	const char *log = harness_server_path(srv, "server.log");
	struct stat st;
	CHECK(stat(key, &st) == 0);
	CHECKF((st.st_mode & 0777) == 0600, "the key file has mode %o", (unsigned)(st.st_mode & 0777));
	CHECK(file_has(log, "serve: the key file "));
	CHECK(!file_has(log, "serve: no key file"));
	CHECK(harness_cli(srv, NULL, NULL, "key", "init", NULL) == 1);
	char *out = NULL;
	CHECK(harness_cli(srv, NULL, &out, "key", "status", NULL) == 0);
	char *sealed = NULL;
	CHECK(harness_sqlite(harness_server_db(srv), "SELECT count(*) FROM citizens WHERE cpr_key = 1", &sealed) == 0);
	CHECK_HAS(out, harness_fmt("key 1 (current): %d CPR numbers", atoi(sealed)));
	const char *other = harness_server_path(srv, "other.key");
	const char *db = harness_server_path(srv, "other.db");
	CHECK(harness_cli_db(srv, db, NULL, NULL, "--key-file", other, "key", "init", NULL) == 0);
	CHECK(harness_cli_db(srv, db, NULL, NULL, "--key-file", other, "key", "init", NULL) == 1);
	CHECK(harness_cli_db(srv, db, NULL, &out, "--key-file", other, "key", "rotate", NULL) == 0);
	CHECK_HAS(out, "0 CPR numbers re-sealed under key 2");
	CHECK(harness_cli_db(srv, db, NULL, &out, "--key-file", other, "key", "status", NULL) == 0);
	CHECK_HAS(out, "key 2 (current): 0 CPR numbers");
	CHECK_LACKS(out, "key 1");
	const char *bad = harness_server_path(srv, "bad.key");
	FILE *f = fopen(bad, "w");
	CHECK(f);
	fputs("indgang-cpr-key 1 00\n", f);
	fclose(f);
	chmod(bad, 0600); /* only its owner's: the refusal must be for its line */
	int rc = harness_cli_db(srv, db, NULL, NULL, "--key-file", bad, "serve", "--listen",
	                        "127.0.0.1:0", NULL);
	CHECKF(rc == 1, "serve with a malformed key file exited with %d", rc);
	CHECK(file_has(log, harness_fmt("indgang: cannot use the key file %s: line 1: the key must "
	                                "be 64 hex digits", bad)));
}

static void stop(void)
{
	if (!harness_server_alive(srv))
		CHECK_OK(restart_problem());
	int st = harness_server_stop(srv);
	CHECKF(st == 0, "indgang serve exited with status %d after SIGTERM", st);
	CHECK_OK(wal_problem(harness_server_db(srv)));
	CHECK_OK(integrity_problem(harness_server_db(srv)));
	CHECK_OK(harness_server_log_problem(srv));
}

static const struct harness_test tests[] = {
	{"the server starts with --per-ip 50 --timeout 2 on a demo database", start,
	 HARNESS_FATAL | HARNESS_KEEP},
	{"SIGKILL during writes: every user acknowledged with 201 is there after a restart",
	 sigkill_keeps_acked_writes, 0},
	{"SIGTERM with requests in flight: they finish, exit 0, and the WAL is empty",
	 sigterm_finishes_requests, 0},
	{"200 stalled half request lines keep no normal client out, and are cut off",
	 stalled_connections, 0},
	{"64 KiB of headers or URL answer 4xx, and the server serves on", oversized_headers, 0},
	{"a request past its memory cap answers 500, stores nothing, and the server serves on",
	 request_memory_cap, 0},
	{"indgang backup beside the running server writes a sound copy with the users",
	 backup_while_serving, 0},
	{"the key file: serve uses it, key init never replaces one, key status and rotate run, and "
	 "a malformed one stops serve", key_file, 0},
	{"the server stops on SIGTERM with status 0, an empty WAL and a sound database", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
