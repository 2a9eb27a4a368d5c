/*
 * harness_own.c — the HTTP harness's bookkeeping (see harness.h): what each test owns and frees
 * when it ends, the test registry with its "ok"/"not ok" lines and the summary, the server's
 * scrubbed environment, and the string helpers (formatted strings, form bodies, growing buffers).
 * Layer: tests. Starts no process and opens no connection.
 */
#include "harness_int.h"

#include <curl/curl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

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
void *harness_own(void *p, void (*drop)(void *))
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

static struct owned *harness_owned_mark(void)
{
	pthread_mutex_lock(&owned_lock);
	struct owned *m = owned_head;
	pthread_mutex_unlock(&owned_lock);
	return m;
}

/* release_to: drops everything owned after mark was taken, newest first */
static void harness_release_to(struct owned *mark)
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

char *harness_own_str(char *s)
{
	return harness_own(s, free);
}

char *harness_own_strndup(const char *s, size_t n)
{
	return harness_own_str(strndup(s, n));
}

/* ---------------------------------------------------------------- the registry */

static pthread_mutex_t fail_lock = PTHREAD_MUTEX_INITIALIZER;
static bool test_failed;
static char test_reason[1024];
bool harness_any_failed;

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
	harness_any_failed = true;
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

/* the server's environment: no INDGANG_* setting of the person running the tests leaks in (the
 * tests' own, INDGANG_BIN and INDGANG_TEST_*, stay: the server reads none of them) */
static void scrub_environment(void)
{
	char *names[64];
	int n = 0;
	for (char **e = environ; *e && n < 64; e++) {
		if (strncmp(*e, "INDGANG_", 8) != 0 || strncmp(*e, "INDGANG_BIN=", 12) == 0 ||
		    strncmp(*e, "INDGANG_TEST_", 13) == 0)
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
	struct owned *program = harness_owned_mark();
	for (size_t i = 0; i < n; i++) {
		if (blocker) {
			printf("not ok - %s: not run, because \"%s\" failed\n", tests[i].name, blocker);
			failed++;
			continue;
		}
		struct owned *mark = harness_owned_mark();
		test_failed = false;
		test_reason[0] = '\0';
		tests[i].run();
		if (!(tests[i].flags & HARNESS_KEEP))
			harness_release_to(mark);
		one_line(tests[i].name, test_failed ? test_reason : NULL);
		if (test_failed) {
			failed++;
			if (tests[i].flags & HARNESS_FATAL)
				blocker = tests[i].name;
		} else {
			passed++;
		}
	}
	harness_release_to(program);
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
	return harness_own_str(rc < 0 ? NULL : s);
}

int harness_grow_add(struct harness_grow *g, const void *data, size_t n)
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

void harness_grow_reset(struct harness_grow *g)
{
	g->n = 0;
	if (g->p)
		g->p[0] = '\0';
}

/* grow_take: the contents as a NUL-terminated string the caller owns ("" when empty) */
char *harness_grow_take(struct harness_grow *g, size_t *len)
{
	if (!g->p)
		harness_grow_add(g, "", 0);
	char *p = g->p;
	if (len)
		*len = g->n;
	memset(g, 0, sizeof(*g));
	return p ? p : strdup("");
}

char *harness_form(const char *name, ...)
{
	struct harness_grow g = {0};
	va_list ap;
	va_start(ap, name);
	for (const char *k = name; k; k = va_arg(ap, const char *)) {
		const char *v = va_arg(ap, const char *);
		if (!v)
			continue;
		char *ek = curl_easy_escape(NULL, k, 0), *ev = curl_easy_escape(NULL, v, 0);
		if (g.n)
			harness_grow_add(&g, "&", 1);
		harness_grow_add(&g, ek, strlen(ek));
		harness_grow_add(&g, "=", 1);
		harness_grow_add(&g, ev, strlen(ev));
		curl_free(ek);
		curl_free(ev);
	}
	va_end(ap);
	return harness_own_str(harness_grow_take(&g, NULL));
}
