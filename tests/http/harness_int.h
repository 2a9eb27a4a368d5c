/*
 * harness_int.h — what the files of the HTTP harness share among themselves and no test sees:
 * handing allocations to the running test, a growing byte buffer, running a child process to
 * its end, and the server's state. Tests include harness.h only.
 * Layer: tests.
 */
#ifndef INDGANG_TESTS_HARNESS_INT_H
#define INDGANG_TESTS_HARNESS_INT_H

#include "harness.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define SERVER_WAIT_SECONDS 60 /* for the port line after start, and for exit after a signal */
#define REQUEST_SECONDS 60     /* one HTTP exchange, ASan and a loaded machine included */
#define MAX_ARGS 48

/* ---------------------------------------------------------------- ownership (harness_own.c) */

/* harness_own: hands p to the running test (or the program); drop frees it. Returns p. Aborts
 * when p is NULL or out of memory: a test cannot go on without its allocations. */
void *harness_own(void *p, void (*drop)(void *));
/* harness_own_str: harness_own(s, free) */
char *harness_own_str(char *s);
/* harness_own_strndup: an owned copy of the first n bytes of s */
char *harness_own_strndup(const char *s, size_t n);

/* true once any test of the program failed: temporary directories are kept then */
extern bool harness_any_failed;

/* ---------------------------------------------------------------- buffers (harness_own.c) */

/* a growing byte buffer, always NUL-terminated once something was added; zero-initialise */
struct harness_grow {
	char *p;
	size_t n, cap;
};

/* harness_grow_add: appends n bytes; 0, or -1 when out of memory (g unchanged) */
int harness_grow_add(struct harness_grow *g, const void *data, size_t n);
/* harness_grow_reset: empties g, keeping its memory */
void harness_grow_reset(struct harness_grow *g);
/* harness_grow_take: the contents as a NUL-terminated string the caller owns ("" when empty);
 * g is left empty. len, when not NULL, receives the length. */
char *harness_grow_take(struct harness_grow *g, size_t *len);

/* ---------------------------------------------------------------- processes (harness_proc.c) */

struct harness_run {
	const char *const *argv; /* argv[0] is looked up in PATH */
	const char *input;       /* standard input, or NULL for none */
	size_t input_len;
	int err_fd;              /* standard error goes here; -1: into the output */
	char *out;               /* standard output (and error when err_fd is -1), malloc'd */
	size_t out_len;
};

/* harness_now: a monotonic clock in seconds */
double harness_now(void);
/* harness_run_wait: waitpid that gives up after seconds: the exit status, 128 + the signal
 * that ended it, -1 on an error, or -2 when it still runs */
int harness_run_wait(pid_t pid, double seconds);
/* harness_run_process: runs r->argv to its end, feeding r->input and collecting standard output
 * into r->out (the caller frees it). Returns its exit status (127 when it could not be started,
 * as a shell says), -1 on failure here. */
int harness_run_process(struct harness_run *r);

/* ---------------------------------------------------------------- the server (harness_server.c) */

struct harness_server {
	char *dir, *db, *log;
	char *key;    /* the key file of the CPR numbers, made by `indgang key init` */
	int log_fd;
	pid_t pid;    /* 0 when not running */
	int out_fd;   /* the read end of its standard output while it runs */
	int port;
	bool shared;  /* a twin or a proxy: the directory is another server's, left to it */
	bool pg;      /* the database is a PostgreSQL copy (tests/tools/testdb.h), dropped at the end */
	bool proxy;   /* haproxy: stopped with SIGUSR1, its graceful stop */
};

/* harness_indgang_bin: $INDGANG_BIN, or NULL when it is not set */
const char *harness_indgang_bin(void);
/* harness_note_log_tail: the last lines of the server's log, as notes */
void harness_note_log_tail(const struct harness_server *s);

#endif
