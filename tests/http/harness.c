/*
 * harness.c — the HTTP tests' shared machinery (see harness.h): ownership of what tests
 * allocate, the test registry, child processes (the server, its CLI, tidy, sqlite3), libcurl
 * clients, and the checkers behind the CHECK macros.
 * Layer: tests. Talks to nothing but 127.0.0.1: libcurl runs with proxies off and HTTP only,
 * and the server's environment loses every INDGANG_* setting (an SMTP relay among them).
 */
#include "harness.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define SERVER_WAIT_SECONDS 60 /* for the port line after start, and for exit after a signal */
#define REQUEST_SECONDS 60     /* one HTTP exchange, ASan and a loaded machine included */
#define MAX_ARGS 48

/* ---------------------------------------------------------------- ownership */

struct owned {
	void *p;
	void (*drop)(void *);
	struct owned *next;
};

static struct owned *owned_head;
static pthread_mutex_t owned_lock = PTHREAD_MUTEX_INITIALIZER;

/* own: hands p to the running test (or the program); drop frees it. Returns p. Aborts when out
 * of memory: a test cannot go on without its allocations. */
static void *own(void *p, void (*drop)(void *))
{
	if (!p) {
		fputs("harness: out of memory\n", stderr);
		abort();
	}
	struct owned *o = malloc(sizeof(*o));
	if (!o) {
		fputs("harness: out of memory\n", stderr);
		abort();
	}
	o->p = p;
	o->drop = drop;
	pthread_mutex_lock(&owned_lock);
	o->next = owned_head;
	owned_head = o;
	pthread_mutex_unlock(&owned_lock);
	return p;
}

static struct owned *owned_mark(void)
{
	pthread_mutex_lock(&owned_lock);
	struct owned *m = owned_head;
	pthread_mutex_unlock(&owned_lock);
	return m;
}

/* release_to: drops everything owned after mark was taken, newest first */
static void release_to(struct owned *mark)
{
	for (;;) {
		pthread_mutex_lock(&owned_lock);
		struct owned *o = owned_head;
		if (o == mark || !o) {
			pthread_mutex_unlock(&owned_lock);
			return;
		}
		owned_head = o->next;
		pthread_mutex_unlock(&owned_lock);
		o->drop(o->p);
		free(o);
	}
}

static char *own_str(char *s)
{
	return own(s, free);
}

static char *own_strndup(const char *s, size_t n)
{
	return own_str(strndup(s, n));
}

/* ---------------------------------------------------------------- the registry */

static pthread_mutex_t fail_lock = PTHREAD_MUTEX_INITIALIZER;
static bool test_failed;
static char test_reason[1024];
static bool any_failed;

void harness_fail(const char *file, int line, const char *fmt, ...)
{
	pthread_mutex_lock(&fail_lock);
	if (!test_failed) {
		char msg[900];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		const char *base = strrchr(file, '/');
		snprintf(test_reason, sizeof(test_reason), "%s (%s:%d)", msg, base ? base + 1 : file,
		         line);
	}
	test_failed = true;
	any_failed = true;
	pthread_mutex_unlock(&fail_lock);
}

void harness_note(const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* one "# " per line, so no note can look like a test line */
	flockfile(stdout);
	for (char *p = msg, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl) {
			printf("# %s\n", p);
			break;
		}
		printf("# %.*s\n", (int)(nl - p), p);
	}
	funlockfile(stdout);
}

/* the server's environment: no INDGANG_* setting of the person running the tests leaks in */
static void scrub_environment(void)
{
	char *names[64];
	int n = 0;
	for (char **e = environ; *e && n < 64; e++) {
		if (strncmp(*e, "INDGANG_", 8) != 0 || strncmp(*e, "INDGANG_BIN=", 12) == 0)
			continue;
		const char *eq = strchr(*e, '=');
		if (eq)
			names[n++] = strndup(*e, (size_t)(eq - *e));
	}
	for (int i = 0; i < n; i++) {
		if (names[i])
			unsetenv(names[i]);
		free(names[i]);
	}
}

static void one_line(const char *name, const char *why)
{
	/* a reason is one line: the summary parser reads lines */
	char clean[1100];
	size_t k = 0;
	for (const char *p = why; p && *p && k + 1 < sizeof(clean); p++)
		clean[k++] = (*p == '\n' || *p == '\r') ? ' ' : *p;
	clean[k] = '\0';
	if (why)
		printf("not ok - %s: %s\n", name, clean);
	else
		printf("ok - %s\n", name);
}

int harness_main(const struct harness_test *tests, size_t n)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGPIPE, SIG_IGN);
	scrub_environment();
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		puts("not ok - libcurl starts");
		puts("0 passed, 1 failed");
		return 1;
	}
	size_t passed = 0, failed = 0;
	const char *blocker = NULL;
	struct owned *program = owned_mark();
	for (size_t i = 0; i < n; i++) {
		if (blocker) {
			printf("not ok - %s: not run, because \"%s\" failed\n", tests[i].name, blocker);
			failed++;
			continue;
		}
		struct owned *mark = owned_mark();
		test_failed = false;
		test_reason[0] = '\0';
		tests[i].run();
		if (!(tests[i].flags & HARNESS_KEEP))
			release_to(mark);
		one_line(tests[i].name, test_failed ? test_reason : NULL);
		if (test_failed) {
			failed++;
			if (tests[i].flags & HARNESS_FATAL)
				blocker = tests[i].name;
		} else {
			passed++;
		}
	}
	release_to(program);
	curl_global_cleanup();
	printf("%zu passed, %zu failed\n", passed, failed);
	return failed ? 1 : 0;
}

/* ---------------------------------------------------------------- strings */

char *harness_fmt(const char *fmt, ...)
{
	char *s = NULL;
	va_list ap;
	va_start(ap, fmt);
	int rc = vasprintf(&s, fmt, ap);
	va_end(ap);
	return own_str(rc < 0 ? NULL : s);
}

/* a growing byte buffer, always NUL-terminated once something was added */
struct grow {
	char *p;
	size_t n, cap;
};

static int grow_add(struct grow *g, const void *data, size_t n)
{
	if (g->n + n + 1 > g->cap) {
		size_t cap = g->cap ? g->cap : 4096;
		while (cap < g->n + n + 1)
			cap *= 2;
		char *p = realloc(g->p, cap);
		if (!p)
			return -1;
		g->p = p;
		g->cap = cap;
	}
	memcpy(g->p + g->n, data, n);
	g->n += n;
	g->p[g->n] = '\0';
	return 0;
}

static void grow_reset(struct grow *g)
{
	g->n = 0;
	if (g->p)
		g->p[0] = '\0';
}

/* grow_take: the contents as a NUL-terminated string the caller owns ("" when empty) */
static char *grow_take(struct grow *g, size_t *len)
{
	if (!g->p)
		grow_add(g, "", 0);
	char *p = g->p;
	if (len)
		*len = g->n;
	memset(g, 0, sizeof(*g));
	return p ? p : strdup("");
}

char *harness_form(const char *name, ...)
{
	struct grow g = {0};
	va_list ap;
	va_start(ap, name);
	for (const char *k = name; k; k = va_arg(ap, const char *)) {
		const char *v = va_arg(ap, const char *);
		if (!v)
			continue;
		char *ek = curl_easy_escape(NULL, k, 0), *ev = curl_easy_escape(NULL, v, 0);
		if (g.n)
			grow_add(&g, "&", 1);
		grow_add(&g, ek, strlen(ek));
		grow_add(&g, "=", 1);
		grow_add(&g, ev, strlen(ev));
		curl_free(ek);
		curl_free(ev);
	}
	va_end(ap);
	return own_str(grow_take(&g, NULL));
}

/* ---------------------------------------------------------------- child processes */

struct run {
	const char *const *argv; /* argv[0] is looked up in PATH */
	const char *input;       /* standard input, or NULL for none */
	size_t input_len;
	int err_fd;              /* standard error goes here; -1: into the output */
	char *out;               /* standard output (and error when err_fd is -1), malloc'd */
	size_t out_len;
};

static double now_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* run_wait: waitpid that gives up after seconds: the exit status, 128 + the signal that ended
 * it, -1 on an error, or -2 when it still runs */
static int run_wait(pid_t pid, double seconds)
{
	double end = now_seconds() + seconds;
	for (;;) {
		int st;
		pid_t w = waitpid(pid, &st, WNOHANG);
		if (w == pid)
			return WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : -1;
		if (w < 0 && errno != EINTR)
			return -1;
		if (now_seconds() > end)
			return -2;
		usleep(10 * 1000);
	}
}

/* run_process: runs r->argv to its end, feeding r->input and collecting standard output.
 * Returns its exit status (127 when it could not be started, as a shell says), -1 on failure
 * here. Only async-signal-safe calls happen between fork() and exec. */
static int run_process(struct run *r)
{
	int in[2] = {-1, -1}, out[2] = {-1, -1};
	if (pipe2(in, O_CLOEXEC) != 0)
		return -1;
	if (pipe2(out, O_CLOEXEC) != 0) {
		close(in[0]);
		close(in[1]);
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(r->err_fd >= 0 ? r->err_fd : out[1], 2);
		close_range(3, ~0U, 0);
		execvp(r->argv[0], (char *const *)r->argv);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	size_t sent = 0;
	if (!r->input || r->input_len == 0) {
		close(in[1]);
		in[1] = -1;
	}
	struct grow g = {0};
	for (;;) {
		struct pollfd p[2] = {{.fd = out[0], .events = POLLIN}, {.fd = in[1], .events = POLLOUT}};
		int ready = poll(p, in[1] >= 0 ? 2 : 1, 120 * 1000);
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready <= 0)
			break;
		if (in[1] >= 0 && (p[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t w = write(in[1], r->input + sent, r->input_len - sent);
			if (w > 0)
				sent += (size_t)w;
			if (w < 0 && errno != EAGAIN && errno != EINTR)
				sent = r->input_len; /* it stopped reading: no more to give */
			if (sent >= r->input_len) {
				close(in[1]);
				in[1] = -1;
			}
		}
		if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			char buf[8192];
			ssize_t k = read(out[0], buf, sizeof(buf));
			if (k > 0)
				grow_add(&g, buf, (size_t)k);
			else if (k == 0 || errno != EINTR)
				break;
		}
	}
	if (in[1] >= 0)
		close(in[1]);
	close(out[0]);
	r->out = grow_take(&g, &r->out_len);
	int st = run_wait(pid, SERVER_WAIT_SECONDS);
	if (st == -2) {
		kill(pid, SIGKILL);
		st = run_wait(pid, SERVER_WAIT_SECONDS);
	}
	return st;
}

/* ---------------------------------------------------------------- the server */

struct harness_server {
	char *dir, *db, *log;
	int log_fd;
	pid_t pid;    /* 0 when not running */
	int out_fd;   /* the read end of its standard output while it runs */
	int port;
};

static const char *indgang_bin(void)
{
	const char *b = getenv("INDGANG_BIN");
	return b && *b ? b : NULL;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	return remove(path);
}

static void server_drop(void *p)
{
	struct harness_server *s = p;
	if (s->pid > 0)
		harness_server_kill(s);
	if (s->log_fd >= 0)
		close(s->log_fd);
	if (any_failed)
		harness_note("kept %s (the database and server.log) for a look", s->dir);
	else
		nftw(s->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(s->dir);
	free(s->db);
	free(s->log);
	free(s);
}

/* the last lines of the server's log, as notes */
static void note_log_tail(const struct harness_server *s)
{
	FILE *f = fopen(s->log, "r");
	if (!f)
		return;
	char tail[3000];
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, size > (long)sizeof(tail) - 1 ? size - (long)sizeof(tail) + 1 : 0, SEEK_SET);
	size_t k = fread(tail, 1, sizeof(tail) - 1, f);
	fclose(f);
	tail[k] = '\0';
	if (k)
		harness_note("end of %s:\n%s", s->log, tail);
}

struct harness_server *harness_server_demo(void)
{
	const char *bin = indgang_bin();
	if (!bin) {
		harness_note("INDGANG_BIN is not set: it names the indgang binary to test");
		return NULL;
	}
	const char *tmp = getenv("TMPDIR");
	struct harness_server *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->log_fd = -1;
	if (asprintf(&s->dir, "%s/indgang-http-XXXXXX", tmp && *tmp ? tmp : "/tmp") < 0) {
		free(s);
		return NULL;
	}
	if (!mkdtemp(s->dir)) {
		harness_note("cannot make a temporary directory %s: %s", s->dir, strerror(errno));
		free(s->dir);
		free(s);
		return NULL;
	}
	if (asprintf(&s->db, "%s/indgang.db", s->dir) < 0 ||
	    asprintf(&s->log, "%s/server.log", s->dir) < 0)
		return NULL;
	s->log_fd = open(s->log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	own(s, server_drop);
	const char *argv[] = {bin, "--db", s->db, "demo", NULL};
	struct run r = {.argv = argv, .err_fd = s->log_fd};
	int st = run_process(&r);
	free(r.out);
	if (st != 0) {
		harness_note("'%s --db %s demo' exited with status %d", bin, s->db, st);
		note_log_tail(s);
		return NULL;
	}
	return s;
}

/* reads the "Indgang serves http://127.0.0.1:PORT/" line; the port, or -1 */
static int read_port(struct harness_server *s)
{
	struct grow g = {0};
	double end = now_seconds() + SERVER_WAIT_SECONDS;
	int port = -1;
	while (port < 0 && now_seconds() < end) {
		struct pollfd p = {.fd = s->out_fd, .events = POLLIN};
		if (poll(&p, 1, 200) <= 0)
			continue;
		char buf[256];
		ssize_t k = read(s->out_fd, buf, sizeof(buf));
		if (k <= 0)
			break;
		grow_add(&g, buf, (size_t)k);
		const char *m = strstr(g.p, "Indgang serves http://127.0.0.1:");
		if (m && strchr(m, '\n')) {
			long v = strtol(m + strlen("Indgang serves http://127.0.0.1:"), NULL, 10);
			port = v > 0 && v < 65536 ? (int)v : -1;
			if (port < 0)
				break;
		}
	}
	free(g.p);
	return port;
}

int harness_server_start(struct harness_server *s, const char *const *options)
{
	const char *argv[MAX_ARGS];
	int n = 0;
	argv[n++] = indgang_bin();
	argv[n++] = "--db";
	argv[n++] = s->db;
	argv[n++] = "serve";
	argv[n++] = "--listen";
	argv[n++] = "127.0.0.1:0";
	argv[n++] = "--no-access-log";
	for (int i = 0; options && options[i] && n < MAX_ARGS - 1; i++)
		argv[n++] = options[i];
	argv[n] = NULL;
	if (s->pid > 0 || !argv[0])
		return -1;
	int out[2];
	if (pipe2(out, O_CLOEXEC) != 0)
		return -1;
	int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		close(out[0]);
		close(out[1]);
		close(devnull);
		return -1;
	}
	if (pid == 0) {
		/* a test program that dies (a crash, say) takes its server along */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(127);
		dup2(devnull, 0);
		dup2(out[1], 1);
		dup2(s->log_fd, 2);
		close_range(3, ~0U, 0);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(out[1]);
	close(devnull);
	s->pid = pid;
	s->out_fd = out[0];
	s->port = read_port(s);
	if (s->port < 0) {
		harness_note("the server printed no port within %d seconds", SERVER_WAIT_SECONDS);
		harness_server_kill(s);
		note_log_tail(s);
		return -1;
	}
	return 0;
}

static int server_signal(struct harness_server *s, int sig)
{
	if (s->pid <= 0)
		return -1;
	kill(s->pid, sig);
	int st = run_wait(s->pid, SERVER_WAIT_SECONDS);
	if (st == -2) {
		harness_note("the server did not exit within %d seconds of signal %d; killing it",
		             SERVER_WAIT_SECONDS, sig);
		kill(s->pid, SIGKILL);
		st = run_wait(s->pid, SERVER_WAIT_SECONDS);
	}
	close(s->out_fd);
	s->out_fd = -1;
	s->pid = 0;
	s->port = 0;
	if (st != 0 && sig != SIGKILL)
		note_log_tail(s);
	return st;
}

int harness_server_stop(struct harness_server *s)
{
	return server_signal(s, SIGTERM);
}

int harness_server_kill(struct harness_server *s)
{
	return server_signal(s, SIGKILL);
}

const char *harness_server_log_problem(struct harness_server *s)
{
	FILE *f = fopen(s->log, "r");
	if (!f)
		return NULL;
	static const char *const marks[] = {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
	                                     "runtime error:"};
	char line[1024];
	const char *why = NULL;
	while (!why && fgets(line, sizeof(line), f)) {
		for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
			if (strstr(line, marks[i])) {
				line[strcspn(line, "\n")] = '\0';
				why = harness_fmt("the server's log has a sanitizer report: %s", line);
				break;
			}
		}
	}
	fclose(f);
	return why;
}

bool harness_server_alive(struct harness_server *s)
{
	if (!s || s->pid <= 0)
		return false;
	int st;
	if (waitpid(s->pid, &st, WNOHANG) != s->pid)
		return true;
	harness_note("the server exited by itself with %s %d", WIFEXITED(st) ? "status" : "signal",
	             WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
	close(s->out_fd);
	s->out_fd = -1;
	s->pid = 0;
	s->port = 0;
	note_log_tail(s);
	return false;
}

int harness_server_port(const struct harness_server *s)
{
	return s->port;
}

const char *harness_server_db(const struct harness_server *s)
{
	return s->db;
}

const char *harness_server_path(const struct harness_server *s, const char *name)
{
	return harness_fmt("%s/%s", s->dir, name);
}

static int cli_v(struct harness_server *s, const char *db, const char *input, char **out,
                 const char *arg, va_list ap)
{
	const char *argv[MAX_ARGS];
	int n = 0;
	argv[n++] = indgang_bin();
	argv[n++] = "--db";
	argv[n++] = db;
	for (const char *a = arg; a && n < MAX_ARGS - 1; a = va_arg(ap, const char *))
		argv[n++] = a;
	argv[n] = NULL;
	if (!argv[0])
		return -1;
	struct run r = {.argv = argv, .input = input, .input_len = input ? strlen(input) : 0,
	                .err_fd = s->log_fd};
	int st = run_process(&r);
	if (out)
		*out = own_str(r.out);
	else
		free(r.out);
	return st;
}

int harness_cli(struct harness_server *s, const char *input, char **out, const char *arg, ...)
{
	va_list ap;
	va_start(ap, arg);
	int st = cli_v(s, s->db, input, out, arg, ap);
	va_end(ap);
	return st;
}

int harness_cli_db(struct harness_server *s, const char *db, const char *input, char **out,
                   const char *arg, ...)
{
	va_list ap;
	va_start(ap, arg);
	int st = cli_v(s, db, input, out, arg, ap);
	va_end(ap);
	return st;
}

int harness_sqlite(const char *dbfile, const char *sql, char **out)
{
	const char *argv[] = {"sqlite3", dbfile, sql, NULL};
	struct run r = {.argv = argv, .err_fd = -1};
	int st = run_process(&r);
	if (out)
		*out = own_str(r.out);
	else
		free(r.out);
	return st;
}

const char *harness_token(struct harness_server *s, const char *email)
{
	char *out = NULL;
	int st = harness_cli(s, NULL, &out, "token", "create", "--email", email, "--label",
	                     "http tests", NULL);
	if (st != 0 || !out || strncmp(out, "ind_", 4) != 0) {
		harness_note("'indgang token create --email %s' exited with %d: %s", email, st,
		             out ? out : "");
		return NULL;
	}
	out[strcspn(out, "\r\n")] = '\0';
	return out;
}

/* ---------------------------------------------------------------- clients */

static size_t on_body(char *data, size_t size, size_t n, void *ud);
static size_t on_header(char *data, size_t size, size_t n, void *ud);

struct harness_client {
	CURL *h;
	int port;     /* of the server run it was made for */
	char *bearer;
	char *csrf;
	char *bind;
	char errbuf[CURL_ERROR_SIZE];
};

static void client_drop(void *p)
{
	struct harness_client *c = p;
	curl_easy_cleanup(c->h);
	free(c->bearer);
	free(c->csrf);
	free(c->bind);
	free(c);
}

struct harness_client *harness_client(struct harness_server *s)
{
	struct harness_client *c = own(calloc(1, sizeof(struct harness_client)), client_drop);
	c->h = curl_easy_init();
	c->port = s->port;
	if (!c->h) {
		fputs("harness: libcurl cannot make a handle\n", stderr);
		abort();
	}
	CURL *h = c->h;
	/* an empty jar that libcurl keeps for this handle */
	curl_easy_setopt(h, CURLOPT_COOKIEFILE, "");
	/* plain HTTP to 127.0.0.1 only: no proxy from the environment, no other protocol */
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http");
	curl_easy_setopt(h, CURLOPT_PROXY, "");
	curl_easy_setopt(h, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)REQUEST_SECONDS);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->errbuf);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	return c;
}

void harness_client_set_bearer(struct harness_client *c, const char *token)
{
	free(c->bearer);
	c->bearer = token ? strdup(token) : NULL;
}

void harness_client_bind(struct harness_client *c, const char *local_ip)
{
	free(c->bind);
	c->bind = local_ip ? strdup(local_ip) : NULL;
}

struct harness_client *harness_bearer(struct harness_server *s, const char *email)
{
	const char *t = harness_token(s, email);
	if (!t)
		return NULL;
	struct harness_client *c = harness_client(s);
	harness_client_set_bearer(c, t);
	return c;
}

const char *harness_client_csrf(struct harness_client *c)
{
	/* signed in, every page's sign-out form holds it; anonymous, the sign-in form does */
	if (!c->csrf) {
		const char *v = harness_csrf_field(harness_get(c, "/"));
		if (!v)
			v = harness_csrf_field(harness_get(c, "/login"));
		c->csrf = v ? strdup(v) : NULL;
	}
	return c->csrf;
}

struct harness_client *harness_login(struct harness_server *s, const char *email,
                                     const char *password)
{
	struct harness_client *c = harness_client(s);
	struct harness_resp *r = harness_get(c, "/login");
	const char *csrf = harness_csrf_field(r);
	if (r->status != 200 || !csrf) {
		harness_note("GET /login answered %ld without a csrf field", r->status);
		return NULL;
	}
	r = harness_post_form(c, "/login",
	                      harness_form("csrf", csrf, "email", email, "password", password, NULL));
	if (r->status != 303 || !harness_cookie(c, "indgang_session")) {
		harness_note("signing in as %s answered %ld", email, r->status);
		return NULL;
	}
	if (!harness_client_csrf(c)) {
		harness_note("signed in as %s, but \"/\" has no csrf field", email);
		return NULL;
	}
	return c;
}

const char *harness_cookie(struct harness_client *c, const char *name)
{
	struct curl_slist *list = NULL;
	const char *found = NULL;
	if (curl_easy_getinfo(c->h, CURLINFO_COOKIELIST, &list) != CURLE_OK)
		return NULL;
	/* Netscape format: domain, tailmatch, path, secure, expires, name, value */
	for (struct curl_slist *l = list; l && !found; l = l->next) {
		const char *f = l->data;
		for (int tab = 0; tab < 5 && f; tab++) {
			f = strchr(f, '\t');
			if (f)
				f++;
		}
		if (!f)
			continue;
		const char *t = strchr(f, '\t');
		if (t && (size_t)(t - f) == strlen(name) && strncmp(f, name, (size_t)(t - f)) == 0)
			found = own_str(strdup(t + 1));
	}
	curl_slist_free_all(list);
	return found;
}

void harness_set_cookie(struct harness_client *c, const char *name, const char *value)
{
	char *line = harness_fmt("127.0.0.1\tFALSE\t/\tFALSE\t0\t%s\t%s", name, value);
	curl_easy_setopt(c->h, CURLOPT_COOKIELIST, line);
}

/* ---------------------------------------------------------------- requests */

static void resp_drop(void *p)
{
	struct harness_resp *r = p;
	free(r->body);
	free(r->headers);
	free((char *)r->error);
	if (r->json)
		json_decref(r->json);
	free(r);
}

static size_t on_body(char *data, size_t size, size_t n, void *ud)
{
	return grow_add(ud, data, size * n) == 0 ? size * n : 0;
}

static size_t on_header(char *data, size_t size, size_t n, void *ud)
{
	struct grow *g = ud;
	/* a new status line (after 100 Continue, say): keep only the final response's headers */
	if (size * n >= 5 && strncmp(data, "HTTP/", 5) == 0)
		grow_reset(g);
	else if (grow_add(g, data, size * n) != 0)
		return 0;
	return size * n;
}

struct upload {
	const char *p;
	size_t left;
};

static size_t on_read(char *dest, size_t size, size_t n, void *ud)
{
	struct upload *u = ud;
	size_t k = size * n < u->left ? size * n : u->left;
	/* in pieces of at most 64 KiB, so the body really arrives in several chunks */
	if (k > 65536)
		k = 65536;
	memcpy(dest, u->p, k);
	u->p += k;
	u->left -= k;
	return k;
}

struct harness_resp *harness_send(struct harness_client *c, const struct harness_req *q)
{
	struct harness_resp *r = own(calloc(1, sizeof(struct harness_resp)), resp_drop);
	CURL *h = c->h;
	const char *method = q->method ? q->method : "GET";
	size_t len = q->body ? (q->len ? q->len : strlen(q->body)) : 0;
	struct curl_slist *hdrs = NULL;
	struct grow body = {0}, head = {0};
	struct upload up = {q->body, len};

	/* every option a request may change is set here each time: curl_easy_reset() would keep
	 * the cookies, but re-enabling the cookie engine after it leaks inside libcurl 7.88 */
	c->errbuf[0] = '\0';
	curl_easy_setopt(h, CURLOPT_URL, harness_fmt("http://127.0.0.1:%d%s", c->port, q->path));
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, &head);
	curl_easy_setopt(h, CURLOPT_INTERFACE, c->bind ? harness_fmt("host!%s", c->bind) : NULL);
	if (c->bearer)
		hdrs = curl_slist_append(hdrs, harness_fmt("Authorization: Bearer %s", c->bearer));
	if (q->body)
		/* an empty value removes the form type libcurl would add on its own */
		hdrs = curl_slist_append(hdrs, harness_fmt("Content-Type:%s%s", q->type ? " " : "",
		                                           q->type ? q->type : ""));
	for (int i = 0; q->headers && q->headers[i]; i++)
		hdrs = curl_slist_append(hdrs, q->headers[i]);
	curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, NULL);
	curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, on_read);
	curl_easy_setopt(h, CURLOPT_READDATA, &up);
	if (q->body && q->chunked) {
		hdrs = curl_slist_append(hdrs, "Transfer-Encoding: chunked");
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, NULL);
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)-1);
		curl_easy_setopt(h, CURLOPT_POST, 1L);
	} else if (q->body) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, q->body);
	}
	if (strcmp(method, "HEAD") == 0)
		curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
	else if (strcmp(method, "GET") != 0 && !(q->body && strcmp(method, "POST") == 0))
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);

	double t0 = now_seconds();
	CURLcode rc = curl_easy_perform(h);
	r->seconds = now_seconds() - t0;
	if (rc == CURLE_OK) {
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r->status);
	} else {
		r->status = 0;
		r->error = strdup(c->errbuf[0] ? c->errbuf : curl_easy_strerror(rc));
	}
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(hdrs);
	r->body = grow_take(&body, &r->len);
	r->headers = grow_take(&head, NULL);
	return r;
}

struct harness_resp *harness_get(struct harness_client *c, const char *path)
{
	return harness_send(c, &(struct harness_req){.path = path});
}

struct harness_resp *harness_post_form(struct harness_client *c, const char *path,
                                       const char *body)
{
	return harness_send(c, &(struct harness_req){.method = "POST", .path = path,
	                                             .type = "application/x-www-form-urlencoded",
	                                             .body = body});
}

struct harness_resp *harness_post_json(struct harness_client *c, const char *path,
                                       const char *json)
{
	return harness_send(c, &(struct harness_req){.method = "POST", .path = path,
	                                             .type = "application/json", .body = json});
}

struct harness_resp *harness_patch_json(struct harness_client *c, const char *path,
                                        const char *json)
{
	return harness_send(c, &(struct harness_req){.method = "PATCH", .path = path,
	                                             .type = "application/json", .body = json});
}

/* header_at: the value of the i-th header called name, or NULL */
static const char *header_at(const struct harness_resp *resp, const char *name, int want)
{
	size_t n = strlen(name);
	int seen = 0;
	for (const char *l = resp->headers; l && *l;) {
		const char *end = strstr(l, "\r\n");
		size_t ll = end ? (size_t)(end - l) : strlen(l);
		if (ll > n && l[n] == ':' && strncasecmp(l, name, n) == 0 && seen++ == want) {
			const char *v = l + n + 1;
			while (*v == ' ' || *v == '\t')
				v++;
			size_t vl = ll - (size_t)(v - l);
			while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\t'))
				vl--;
			return own_strndup(v, vl);
		}
		l = end ? end + 2 : l + ll;
	}
	return NULL;
}

const char *harness_header(const struct harness_resp *resp, const char *name)
{
	return header_at(resp, name, 0);
}

const char *harness_set_cookie_line(const struct harness_resp *resp, const char *name)
{
	size_t n = strlen(name);
	for (int i = 0;; i++) {
		const char *v = header_at(resp, "Set-Cookie", i);
		if (!v)
			return NULL;
		if (strncmp(v, name, n) == 0 && v[n] == '=')
			return v;
	}
}

json_t *harness_json(struct harness_resp *resp)
{
	if (!resp->json && resp->body)
		resp->json = json_loadb(resp->body, resp->len, 0, NULL);
	return resp->json;
}

const char *harness_json_str(const json_t *obj, const char *key)
{
	const json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
	return json_is_string(v) ? json_string_value(v) : NULL;
}

const char *harness_json_text(json_t *v)
{
	/* json_pack() gives NULL for a NULL string: send JSON null, and let the test fail on it */
	if (!v)
		return "null";
	char *s = json_dumps(v, JSON_COMPACT);
	json_decref(v);
	return own_str(s);
}

const char *harness_csrf_field(const struct harness_resp *resp)
{
	static const char mark[] = "name=\"csrf\" value=\"";
	const char *p = resp->body ? strstr(resp->body, mark) : NULL;
	if (!p)
		return NULL;
	p += strlen(mark);
	const char *q = strchr(p, '"');
	return q && q > p ? own_strndup(p, (size_t)(q - p)) : NULL;
}

/* ---------------------------------------------------------------- checkers */

/* a short, one-line view of a body for a failure message */
static const char *excerpt(const char *s, size_t len)
{
	if (!s)
		return "(none)";
	size_t n = len < 300 ? len : 300;
	char *e = own_strndup(s, n);
	for (char *p = e; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return len > n ? harness_fmt("%s...", e) : e;
}

const char *harness_status_problem(const struct harness_resp *resp, long want)
{
	if (resp->status == 0)
		return harness_fmt("no response (expected %ld): %s", want, resp->error);
	if (resp->status != want)
		return harness_fmt("status %ld, expected %ld; body: %s", resp->status, want,
		                   excerpt(resp->body, resp->len));
	return NULL;
}

const char *harness_str_problem(const char *what, const char *got, const char *want)
{
	if (!got && !want)
		return NULL;
	if (!got || !want || strcmp(got, want) != 0)
		return harness_fmt("%s is %s%s%s, expected %s%s%s", what, got ? "\"" : "",
		                   got ? excerpt(got, strlen(got)) : "NULL", got ? "\"" : "",
		                   want ? "\"" : "", want ? want : "NULL", want ? "\"" : "");
	return NULL;
}

const char *harness_has_problem(const char *text, const char *needle, bool want)
{
	bool has = text && strstr(text, needle);
	if (has == want)
		return NULL;
	if (want)
		return harness_fmt("\"%s\" is missing from: %s", needle,
		                   excerpt(text, text ? strlen(text) : 0));
	const char *at = strstr(text, needle);
	size_t from = (size_t)(at - text) > 80 ? (size_t)(at - text) - 80 : 0;
	return harness_fmt("\"%s\" is present, at: %s", needle,
	                   excerpt(text + from, strlen(text + from)));
}

/*
 * Warnings of tidy 5.6 (Debian 12) that are not problems of the page. Each is an attribute the
 * HTML standard allows but tidy's tables, frozen at WAI-ARIA 1.0, do not know: the ARIA 1.1
 * states and properties (aria-current marks the current page in the navigation), and two
 * input attributes added to HTML later. Everything else tidy says fails the page: an unknown
 * attribute that is not on this list is a typo or invented markup, and tidy's other warnings
 * (unclosed or misnested elements, duplicate ids, empty or missing titles, bad entities,
 * invalid UTF-8) are real faults. Tidy in HTML5 mode does not give the HTML 4 accessibility
 * noise ("<table> lacks summary"), so nothing of that kind needs ignoring.
 */
static const char *const tidy_unknown_standard_attributes[] = {
	"aria-colcount", "aria-colindex", "aria-colspan", "aria-current",
	"aria-details", "aria-errormessage", "aria-keyshortcuts", "aria-modal",
	"aria-placeholder", "aria-roledescription", "aria-rowcount", "aria-rowindex",
	"aria-rowspan", "enterkeyhint", "inputmode",
};

static bool tidy_line_ignored(const char *line)
{
	const char *w = strstr(line, " - Warning: ");
	const char *pa = w ? strstr(w, "> proprietary attribute \"") : NULL;
	if (!pa)
		return false;
	const char *name = pa + strlen("> proprietary attribute \"");
	const char *q = strchr(name, '"');
	if (!q || q[1] != '\0')
		return false;
	for (size_t i = 0; i < sizeof(tidy_unknown_standard_attributes) /
	                           sizeof(tidy_unknown_standard_attributes[0]); i++) {
		const char *a = tidy_unknown_standard_attributes[i];
		if (strlen(a) == (size_t)(q - name) && strncmp(a, name, (size_t)(q - name)) == 0)
			return true;
	}
	return false;
}

const char *harness_html_problem(const struct harness_resp *resp)
{
	const char *type = harness_header(resp, "Content-Type");
	if (!type || strncmp(type, "text/html", 9) != 0)
		return harness_fmt("Content-Type is %s, not text/html", type ? type : "missing");
	if (!resp->body || strncasecmp(resp->body, "<!DOCTYPE html>", 15) != 0)
		return harness_fmt("the body does not start with the HTML5 doctype: %s",
		                   excerpt(resp->body, resp->len));
	/* what src/view/html.c writes for a conversion it does not know, and stops the line at */
	const char *mark = strstr(resp->body, "[bad format]");
	if (mark) {
		const char *from = mark - resp->body > 60 ? mark - 60 : resp->body;
		return harness_fmt("the page holds \"[bad format]\": a format the HTML writer does not "
		                   "know cut it short; at: %s", excerpt(from, 120));
	}
	const char *argv[] = {"tidy", "-q", "-e", "--show-warnings", "yes", "-utf8", NULL};
	struct run r = {.argv = argv, .input = resp->body, .input_len = resp->len, .err_fd = -1};
	int st = run_process(&r);
	char *out = own_str(r.out);
	if (st == 127)
		return "tidy is not installed (sh tools/setup.sh test installs it)";
	if (st < 0 || st > 2)
		return harness_fmt("tidy exited with status %d: %s", st, excerpt(out, r.out_len));
	struct grow bad = {0};
	int nbad = 0;
	for (char *line = out, *nl; line && *line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (!*line || tidy_line_ignored(line))
			continue;
		if (nbad++ < 5) {
			grow_add(&bad, nbad > 1 ? " | " : "", nbad > 1 ? 3 : 0);
			grow_add(&bad, line, strlen(line));
		}
	}
	if (st == 2 && nbad == 0)
		grow_add(&bad, "tidy found errors", 17);
	if (nbad || st == 2) {
		char *msg = own_str(grow_take(&bad, NULL));
		return harness_fmt("tidy: %s%s", msg, nbad > 5 ? " | ..." : "");
	}
	free(bad.p);
	return NULL;
}

const char *harness_security_headers_problem(const struct harness_resp *resp)
{
	const char *csp = harness_header(resp, "Content-Security-Policy");
	if (!csp)
		return "no Content-Security-Policy";
	if (strstr(csp, "'unsafe-inline'") || strstr(csp, "'unsafe-eval'"))
		return harness_fmt("the Content-Security-Policy allows inline or eval'd code: %s", csp);
	if (!strstr(csp, "frame-ancestors"))
		return harness_fmt("the Content-Security-Policy has no frame-ancestors: %s", csp);
	const char *xcto = harness_header(resp, "X-Content-Type-Options");
	if (!xcto || strcasecmp(xcto, "nosniff") != 0)
		return harness_fmt("X-Content-Type-Options is %s, not nosniff", xcto ? xcto : "missing");
	const char *rp = harness_header(resp, "Referrer-Policy");
	static const char *const good[] = {"no-referrer", "same-origin", "strict-origin",
	                                   "strict-origin-when-cross-origin"};
	for (size_t i = 0; rp && i < sizeof(good) / sizeof(good[0]); i++)
		if (strcasecmp(rp, good[i]) == 0)
			return NULL;
	return harness_fmt("Referrer-Policy is %s, which may send paths to other sites",
	                   rp ? rp : "missing");
}

const char *harness_api_error_problem(struct harness_resp *resp, long status, const char *code,
                                      const char *field)
{
	const char *why = harness_status_problem(resp, status);
	if (why)
		return why;
	const char *type = harness_header(resp, "Content-Type");
	if (!type || strncmp(type, "application/json", 16) != 0)
		return harness_fmt("Content-Type is %s, not application/json", type ? type : "missing");
	json_t *root = harness_json(resp);
	json_t *err = root ? json_object_get(root, "error") : NULL;
	if (!json_is_object(root) || json_object_size(root) != 1 || !json_is_object(err))
		return harness_fmt("the body is not {\"error\": {...}}: %s", excerpt(resp->body, resp->len));
	json_t *c = json_object_get(err, "code"), *m = json_object_get(err, "message"),
	       *f = json_object_get(err, "field");
	if (json_object_size(err) != 3 || !json_is_string(c) || !json_is_string(m) || !f ||
	    !*json_string_value(m))
		return harness_fmt("the error is not {code, message, field}: %s",
		                   excerpt(resp->body, resp->len));
	if (strcmp(json_string_value(c), code) != 0)
		return harness_fmt("error code \"%s\", expected \"%s\"", json_string_value(c), code);
	if (field ? (!json_is_string(f) || strcmp(json_string_value(f), field) != 0) : !json_is_null(f))
		return harness_fmt("error field %s, expected %s", excerpt(resp->body, resp->len),
		                   field ? field : "null");
	return NULL;
}
