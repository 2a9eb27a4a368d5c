/*
 * harness_server.c — the server under test for the HTTP harness: a temporary directory with
 * the demo database and a key file, `indgang serve` on a free port of 127.0.0.1 (its port read
 * from its first line), stopping it with a signal, and the sanitizer reports in its log.
 * Layer: tests. The server's environment holds no INDGANG_* setting (see harness_own.c), and a
 * test program that dies takes its server with it (PR_SET_PDEATHSIG).
 */
#include "harness_int.h"
#include "tests/tools/testdb.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---------------------------------------------------------------- the server */

const char *harness_indgang_bin(void)
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
	if (s->shared)
		; /* the directory is the first server's */
	else if (harness_any_failed)
		harness_note("kept %s (the database and server.log) for a look", s->dir);
	else
		nftw(s->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	if (s->pg && !s->shared && !harness_any_failed)
		testdb_drop(s->db);
	free(s->dir);
	free(s->db);
	free(s->key);
	free(s->log);
	free(s);
}

/* the last lines of the server's log, as notes */
void harness_note_log_tail(const struct harness_server *s)
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
	const char *bin = harness_indgang_bin();
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
	if (testdb_on_pg()) {
		/* a database of its own, a copy of the template this process migrated once */
		static bool migrated;
		char uri[512];
		if (!migrated && testdb_template(uri, sizeof(uri)) == 0) {
			const char *m[] = {bin, "--db", uri, "migrate", NULL};
			struct harness_run r = {.argv = m, .err_fd = 2};
			migrated = harness_run_process(&r) == 0;
			free(r.out);
		}
		if (!migrated || testdb_new(uri, sizeof(uri)) != 0 || !(s->db = strdup(uri))) {
			harness_note("no PostgreSQL database for the server (INDGANG_TEST_PG)");
			return NULL;
		}
		s->pg = true;
	} else if (asprintf(&s->db, "%s/indgang.db", s->dir) < 0) {
		return NULL;
	}
	if (asprintf(&s->key, "%s/indgang.key", s->dir) < 0 ||
	    asprintf(&s->log, "%s/server.log", s->dir) < 0)
		return NULL;
	s->log_fd = open(s->log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	harness_own(s, server_drop);
	const char *init[] = {bin, "--key-file", s->key, "key", "init", NULL};
	const char *demo[] = {bin, "--db", s->db, "--key-file", s->key, "demo", NULL};
	const char *const *steps[] = {init, demo};
	const char *names[] = {"key init", "demo"};
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		struct harness_run r = {.argv = steps[i], .err_fd = s->log_fd};
		int st = harness_run_process(&r);
		free(r.out);
		if (st != 0) {
			harness_note("'%s %s' in %s exited with status %d", bin, names[i], s->dir, st);
			harness_note_log_tail(s);
			return NULL;
		}
	}
	return s;
}

/* reads the "Indgang serves http://127.0.0.1:PORT/" line; the port, or -1 */
static int read_port(struct harness_server *s)
{
	struct harness_grow g = {0};
	double end = harness_now() + SERVER_WAIT_SECONDS;
	int port = -1;
	while (port < 0 && harness_now() < end) {
		struct pollfd p = {.fd = s->out_fd, .events = POLLIN};
		if (poll(&p, 1, 200) <= 0)
			continue;
		char buf[256];
		ssize_t k = read(s->out_fd, buf, sizeof(buf));
		if (k <= 0)
			break;
		harness_grow_add(&g, buf, (size_t)k);
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
	argv[n++] = harness_indgang_bin();
	argv[n++] = "--db";
	argv[n++] = s->db;
	argv[n++] = "--key-file";
	argv[n++] = s->key;
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
		harness_note_log_tail(s);
		return -1;
	}
	return 0;
}

static int server_signal(struct harness_server *s, int sig)
{
	if (s->pid <= 0)
		return -1;
	kill(s->pid, sig);
	int st = harness_run_wait(s->pid, SERVER_WAIT_SECONDS);
	if (st == -2) {
		harness_note("the server did not exit within %d seconds of signal %d; killing it",
		             SERVER_WAIT_SECONDS, sig);
		kill(s->pid, SIGKILL);
		st = harness_run_wait(s->pid, SERVER_WAIT_SECONDS);
	}
	if (s->out_fd >= 0)
		close(s->out_fd);
	s->out_fd = -1;
	s->pid = 0;
	s->port = 0;
	if (st != 0 && sig != SIGKILL)
		harness_note_log_tail(s);
	return st;
}

int harness_server_stop(struct harness_server *s)
{
	return server_signal(s, s->proxy ? SIGUSR1 : SIGTERM);
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
	harness_note_log_tail(s);
	return false;
}

int harness_server_port(const struct harness_server *s)
{
	return s->port;
}

bool harness_server_pg(const struct harness_server *s)
{
	return s->pg;
}

const char *harness_server_db(const struct harness_server *s)
{
	return s->db;
}

const char *harness_server_path(const struct harness_server *s, const char *name)
{
	return harness_fmt("%s/%s", s->dir, name);
}

int harness_server_no_employment(struct harness_server *s)
{
	return harness_sqlite(s->db,
	                      "DELETE FROM placement_followups; DELETE FROM placements;"
	                      " DELETE FROM citizen_tasks; DELETE FROM citizen_needs; DELETE FROM citizens;"
	                      " DELETE FROM opening_tasks; DELETE FROM opening_adaptations;"
	                      " DELETE FROM openings;", NULL) == 0 ? 0 : -1;
}
