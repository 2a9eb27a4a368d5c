/*
 * harness.h — what the HTTP tests share: a temporary database with the demo data, the real
 * `indgang serve` (the binary named by $INDGANG_BIN) on a free port of 127.0.0.1, stopped with
 * SIGTERM; HTTP clients with their own cookie jars (libcurl); sign-in and bearer tokens; HTML
 * validation with tidy; a small test registry whose CHECK macros print "ok - name" or
 * "not ok - name: reason", and whose last line is "N passed, N failed".
 * Layer: tests. Sends traffic only to 127.0.0.1 and never through a proxy.
 *
 * Ownership: everything a helper returns (responses, clients, strings, parsed JSON) belongs to
 * the test that is running and is freed when that test ends, so a CHECK may return early without
 * leaking. A test flagged HARNESS_KEEP (the setup of a file) hands what it creates to the whole
 * program instead; so does code that runs outside any test. The helpers may be called from
 * several threads at once, each thread with clients of its own; the CHECK macros belong to the
 * test's own thread. A test program that dies takes its servers with it (PR_SET_PDEATHSIG).
 */
#ifndef INDGANG_TESTS_HARNESS_H
#define INDGANG_TESTS_HARNESS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#define HARNESS_DEMO_PASSWORD "indgang-demo-2026"

/* ---------------------------------------------------------------- the test registry */

enum {
	HARNESS_FATAL = 1, /* when this test fails, the ones after it are reported as not run */
	HARNESS_KEEP = 2,  /* what this test creates lives until the program ends */
};

struct harness_test {
	const char *name; /* printed after "ok - " */
	void (*run)(void);
	int flags;        /* HARNESS_FATAL | HARNESS_KEEP */
};

/* harness_main: runs the tests in order, prints one line for each and then
 * "N passed, N failed" as the last line. Returns the exit status for main(): 0 only when no
 * test failed. Stops any server still running and removes the temporary directories (kept,
 * and named in a "# " line, when a test failed). */
int harness_main(const struct harness_test *tests, size_t n);

/* harness_fail: marks the running test failed with a reason (the first reason is printed).
 * file and line name the check. */
void harness_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* harness_note: a diagnostic line "# ..." on standard output, between the test lines. */
void harness_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* CHECK(cond): the test fails and returns when cond is false. CHECKF adds a message. */
#define CHECK(cond)                                                  \
	do {                                                             \
		if (!(cond)) {                                               \
			harness_fail(__FILE__, __LINE__, "failed: %s", #cond);   \
			return;                                                  \
		}                                                            \
	} while (0)
#define CHECKF(cond, ...)                                            \
	do {                                                             \
		if (!(cond)) {                                               \
			harness_fail(__FILE__, __LINE__, __VA_ARGS__);           \
			return;                                                  \
		}                                                            \
	} while (0)
/* CHECK_OK(reason): reason is a string from one of the harness_*_problem() checkers below,
 * NULL when all is well; the test fails with that reason otherwise. */
#define CHECK_OK(expr)                                               \
	do {                                                             \
		const char *check_why_ = (expr);                             \
		if (check_why_) {                                            \
			harness_fail(__FILE__, __LINE__, "%s", check_why_);      \
			return;                                                  \
		}                                                            \
	} while (0)
#define CHECK_STATUS(resp, want) CHECK_OK(harness_status_problem((resp), (want)))
#define CHECK_STR(got, want) CHECK_OK(harness_str_problem(#got, (got), (want)))
#define CHECK_HAS(text, needle) CHECK_OK(harness_has_problem((text), (needle), true))
#define CHECK_LACKS(text, needle) CHECK_OK(harness_has_problem((text), (needle), false))
#define CHECK_HTML(resp) CHECK_OK(harness_html_problem(resp))
#define CHECK_SECURITY_HEADERS(resp) CHECK_OK(harness_security_headers_problem(resp))
#define CHECK_API_ERROR(resp, status, code, field) \
	CHECK_OK(harness_api_error_problem((resp), (status), (code), (field)))

/* ---------------------------------------------------------------- strings */

/* harness_fmt: a formatted string owned by the running test. */
char *harness_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* harness_form: an application/x-www-form-urlencoded body from name, value pairs ending with
 * NULL; a NULL value leaves its field out. Owned by the running test. */
char *harness_form(const char *name, ...) __attribute__((sentinel));

/* ---------------------------------------------------------------- the server */

struct harness_server;

/* harness_server_demo: a new temporary directory with a key file that `indgang key init` made
 * (indgang.key, given as --key-file to serve and to every harness_cli) and a database that
 * `indgang demo` filled; the server is not started. NULL (with a "# " note saying why) on
 * failure. The directory is removed at the end, or kept (and named in a note) when any test
 * failed. */
struct harness_server *harness_server_demo(void);
/* harness_server_no_employment: removes the demo's openings, citizens and placements from the
 * database of s (before it is started), for tests that count their own from zero. 0 or -1. */
int harness_server_no_employment(struct harness_server *s);
/* harness_server_start: `indgang --db DB --key-file KEY serve --listen 127.0.0.1:0
 * --no-access-log` plus the NULL-terminated extra options (may be NULL); waits for the line
 * naming the port. 0 when it serves, -1 (with a note and the end of the server's log)
 * otherwise. */
int harness_server_start(struct harness_server *s, const char *const *options);
/* harness_server_stop / harness_server_kill: SIGTERM (a proxy: SIGUSR1, its graceful stop) or
 * SIGKILL, then waits (SIGKILL after 60 seconds). Returns the exit status, 128 + the signal that ended it, or -1 when none ran. */
int harness_server_stop(struct harness_server *s);
int harness_server_kill(struct harness_server *s);
/* harness_server_log_problem: NULL, or a reason when the server's log holds a sanitizer report. */
const char *harness_server_log_problem(struct harness_server *s);
/* harness_server_alive: whether the server still runs; one that exited is reaped and noted. */
bool harness_server_alive(struct harness_server *s);
int harness_server_port(const struct harness_server *s);
const char *harness_server_db(const struct harness_server *s);
/* harness_server_pg: the server's database is a PostgreSQL one (INDGANG_TEST_BACKEND) */
bool harness_server_pg(const struct harness_server *s);
/* harness_server_path: DIR/name inside the server's temporary directory, owned by the test. */
const char *harness_server_path(const struct harness_server *s, const char *name);

/* harness_server_twin: a second server on s's database and key file, with a log of its own
 * (server-N.log in s's directory); not started. Several servers on one database, as behind a
 * proxy. */
struct harness_server *harness_server_twin(struct harness_server *s);
/* harness_proxy_start: Debian's haproxy on a free port of 127.0.0.1 in front of the running
 * servers a and b (round robin; /healthz checked every 200 ms; a request that finds its server
 * gone is tried on the other). Returned as a server: harness_client() talks to the proxy and
 * harness_server_stop() stops it. NULL (with a note) when haproxy is missing or does not start. */
struct harness_server *harness_proxy_start(struct harness_server *a, struct harness_server *b);

/* An SMTP relay for the servers' outbox: accepts any number of connections and messages, and
 * counts the messages by the outbox id in their Message-ID (indgang-ID-...). */
struct harness_smtp;
/* harness_smtp_start: listening on a free port of 127.0.0.1, in threads of its own; NULL on
 * failure. Stopped and freed with the test that made it. */
struct harness_smtp *harness_smtp_start(void);
int harness_smtp_port(const struct harness_smtp *m);
/* harness_smtp_count: how many messages with outbox id `id` arrived (0 when none) */
int harness_smtp_count(struct harness_smtp *m, long long id);
/* harness_smtp_total: how many messages arrived in all */
int harness_smtp_total(struct harness_smtp *m);

/* harness_cli: runs `$INDGANG_BIN --db DB --key-file KEY ARGS...` (arguments end with NULL;
 * they may give --key-file again, which wins) with input on standard input (may be NULL).
 * Returns the exit status (-1 when it did not run); *out, if out is not NULL, is its standard
 * output, owned by the test. Standard error goes to the log. */
int harness_cli(struct harness_server *s, const char *input, char **out, const char *arg, ...)
	__attribute__((sentinel));
/* harness_cli_db: harness_cli on another database file (a backup, say). */
int harness_cli_db(struct harness_server *s, const char *db, const char *input, char **out,
                   const char *arg, ...) __attribute__((sentinel));
/* harness_sqlite: `sqlite3 DBFILE SQL`; exit status as harness_cli, output in *out. On a
 * PostgreSQL test database (a postgresql:// URI) `psql` with the same output (rows one a line,
 * columns split by |): the SQL must then read the same in both dialects. */
int harness_sqlite(const char *dbfile, const char *sql, char **out);
/* harness_token: a new bearer token for email (`indgang token create`), or NULL. */
const char *harness_token(struct harness_server *s, const char *email);

/* ---------------------------------------------------------------- clients and requests */

struct harness_client;

struct harness_resp {
	long status;       /* the final response's status; 0 when none came */
	const char *error; /* libcurl's reason when status is 0, else NULL */
	char *body;        /* the body, NUL-terminated (it may hold other NULs) */
	size_t len;
	double seconds;    /* how long the exchange took */
	char *headers;     /* the final response's header lines, "Name: value\r\n" each */
	json_t *json;      /* set by harness_json() */
};

struct harness_req {
	const char *method;         /* GET when NULL */
	const char *path;           /* starts with '/'; may hold a query string */
	const char *type;           /* Content-Type of the body, or NULL */
	const char *body;           /* NULL: no body */
	size_t len;                 /* of body; 0 means strlen(body) */
	const char *const *headers; /* more header lines, NULL-terminated, or NULL */
	bool chunked;               /* send the body without Content-Length */
};

/* harness_client: a new client of s, as it runs now (after a restart, make new clients), with
 * an empty cookie jar. */
struct harness_client *harness_client(struct harness_server *s);
/* harness_login: a client signed in through the form (GET /login, POST with its csrf), holding
 * the session cookie and the session's CSRF token. NULL (with a note) on failure. */
struct harness_client *harness_login(struct harness_server *s, const char *email,
                                     const char *password);
/* harness_bearer: a client that sends a new token of email as Authorization: Bearer; NULL on
 * failure. harness_client_set_bearer gives any client a token (NULL removes it). */
struct harness_client *harness_bearer(struct harness_server *s, const char *email);
void harness_client_set_bearer(struct harness_client *c, const char *token);
/* harness_client_bind: send from this local address (e.g. "127.0.0.2") instead of the default. */
void harness_client_bind(struct harness_client *c, const char *local_ip);
/* harness_client_csrf: the CSRF token of the client's session (or anonymous cookie), read from
 * the form on "/" the first time; NULL when the page has none. */
const char *harness_client_csrf(struct harness_client *c);
/* harness_cookie: the value of cookie name in the client's jar, or NULL; owned by the test. */
const char *harness_cookie(struct harness_client *c, const char *name);
/* harness_set_cookie: puts name=value for 127.0.0.1, path / into the client's jar. */
void harness_set_cookie(struct harness_client *c, const char *name, const char *value);

/* harness_send: one request. Never NULL; a transport failure has status 0 and error set. */
struct harness_resp *harness_send(struct harness_client *c, const struct harness_req *q);
struct harness_resp *harness_get(struct harness_client *c, const char *path);
struct harness_resp *harness_post_form(struct harness_client *c, const char *path,
                                       const char *body);
struct harness_resp *harness_post_json(struct harness_client *c, const char *path,
                                       const char *json);
struct harness_resp *harness_patch_json(struct harness_client *c, const char *path,
                                        const char *json);

/* harness_header: the first value of header name (any case) in resp, or NULL; owned by the
 * test. harness_set_cookie_line: the Set-Cookie value that sets cookie name, or NULL. */
const char *harness_header(const struct harness_resp *resp, const char *name);
const char *harness_set_cookie_line(const struct harness_resp *resp, const char *name);
/* harness_json: the body parsed as JSON (kept in resp), or NULL. */
json_t *harness_json(struct harness_resp *resp);
/* harness_json_str: the string member key of obj, or NULL when obj is no object or the member
 * is missing or no string. Borrowed from obj. */
const char *harness_json_str(const json_t *obj, const char *key);
/* harness_json_text: v as compact JSON text owned by the test; takes v's reference (for
 * json_pack(...) straight into a request body). */
const char *harness_json_text(json_t *v);
/* harness_csrf_field: the value of the first hidden field named csrf in an HTML body, or NULL. */
const char *harness_csrf_field(const struct harness_resp *resp);

/* ---------------------------------------------------------------- checkers
 * Each returns NULL when all is well, else a reason owned by the test (for CHECK_OK). */

const char *harness_status_problem(const struct harness_resp *resp, long want);
const char *harness_str_problem(const char *what, const char *got, const char *want);
const char *harness_has_problem(const char *text, const char *needle, bool want);
/* the body is an HTML5 document that tidy accepts (no error, and no warning but those listed
 * in harness_check.c as gaps of Debian's tidy 5.6), without the "[bad format]" mark of the HTML
 * writer */
const char *harness_html_problem(const struct harness_resp *resp);
/* Content-Security-Policy without 'unsafe-inline' and with frame-ancestors,
 * X-Content-Type-Options: nosniff, and a Referrer-Policy that keeps paths on this site */
const char *harness_security_headers_problem(const struct harness_resp *resp);
/* status, JSON content, and a body {"error": {"code": code, "message": "...", "field": field}}
 * with exactly those members; field NULL means JSON null */
const char *harness_api_error_problem(struct harness_resp *resp, long status, const char *code,
                                      const char *field);

#endif
