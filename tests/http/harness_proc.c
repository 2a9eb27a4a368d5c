/*
 * harness_proc.c — child processes for the HTTP harness: running a program to its end with
 * input and captured output (tidy, sqlite3, the indgang CLI), waiting with a deadline, and the
 * CLI helpers of harness.h (harness_cli, harness_sqlite, harness_token).
 * Layer: tests. Only async-signal-safe calls happen between fork() and exec.
 */
#include "harness_int.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------- child processes */

double harness_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* run_wait: waitpid that gives up after seconds: the exit status, 128 + the signal that ended
 * it, -1 on an error, or -2 when it still runs */
int harness_run_wait(pid_t pid, double seconds)
{
	double end = harness_now() + seconds;
	for (;;) {
		int st;
		pid_t w = waitpid(pid, &st, WNOHANG);
		if (w == pid)
			return WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : -1;
		if (w < 0 && errno != EINTR)
			return -1;
		if (harness_now() > end)
			return -2;
		usleep(10 * 1000);
	}
}

/* run_process: runs r->argv to its end, feeding r->input and collecting standard output.
 * Returns its exit status (127 when it could not be started, as a shell says), -1 on failure
 * here. Only async-signal-safe calls happen between fork() and exec. */
int harness_run_process(struct harness_run *r)
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
	struct harness_grow g = {0};
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
				harness_grow_add(&g, buf, (size_t)k);
			else if (k == 0 || errno != EINTR)
				break;
		}
	}
	if (in[1] >= 0)
		close(in[1]);
	close(out[0]);
	r->out = harness_grow_take(&g, &r->out_len);
	int st = harness_run_wait(pid, SERVER_WAIT_SECONDS);
	if (st == -2) {
		kill(pid, SIGKILL);
		st = harness_run_wait(pid, SERVER_WAIT_SECONDS);
	}
	return st;
}

/* ---------------------------------------------------------------- the indgang CLI and sqlite3 */

static int cli_v(struct harness_server *s, const char *db, const char *input, char **out,
                 const char *arg, va_list ap)
{
	const char *argv[MAX_ARGS];
	int n = 0;
	argv[n++] = harness_indgang_bin();
	argv[n++] = "--db";
	argv[n++] = db;
	argv[n++] = "--key-file";
	argv[n++] = s->key;
	for (const char *a = arg; a && n < MAX_ARGS - 1; a = va_arg(ap, const char *))
		argv[n++] = a;
	argv[n] = NULL;
	if (!argv[0])
		return -1;
	struct harness_run r = {.argv = argv, .input = input, .input_len = input ? strlen(input) : 0,
	                .err_fd = s->log_fd};
	int st = harness_run_process(&r);
	if (out)
		*out = harness_own_str(r.out);
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
	/* a PostgreSQL test database (tests/tools/testdb.h): psql, unaligned and without headers,
	 * which prints rows as sqlite3 does (columns split by |) */
	bool pg = strncmp(dbfile, "postgresql://", 13) == 0;
	const char *argv[] = {"sqlite3", dbfile, sql, NULL};
	const char *pg_argv[] = {"psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", dbfile,
	                         "-c", sql, NULL};
	struct harness_run r = {.argv = pg ? pg_argv : argv, .err_fd = -1};
	int st = harness_run_process(&r);
	if (out)
		*out = harness_own_str(r.out);
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