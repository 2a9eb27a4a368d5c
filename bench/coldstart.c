/*
 * bench/coldstart.c — the time from starting `indgang serve` to its first answered request.
 *   coldstart BIN DB [RUNS=10]
 * Each run picks a free loopback port, starts BIN --db DB serve --listen 127.0.0.1:PORT
 * --no-access-log, and from the moment of the fork connects every 0.2 ms and sends
 * GET /healthz until an answer with status 200 arrives; then it stops the server (SIGTERM) and
 * waits for it. Prints each run's milliseconds on its own line and the median last as
 * "median_ms=N". Exits 1 if a server does not answer within 10 s. Asserts no speed.
 */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* a loopback port free at the moment of asking */
static int free_port(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof(a);
	if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof(a)) || getsockname(s, (struct sockaddr *)&a, &len)) {
		perror("coldstart: port");
		exit(1);
	}
	close(s);
	return ntohs(a.sin_port);
}

/* 1 when GET /healthz on port answers 200, else 0 */
static int healthy(int port)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
	                        .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	int ok = 0;
	if (s >= 0 && connect(s, (struct sockaddr *)&a, sizeof(a)) == 0) {
		static const char req[] = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
		char buf[64] = "";
		if (write(s, req, sizeof(req) - 1) == (ssize_t)(sizeof(req) - 1) && read(s, buf, sizeof(buf) - 1) > 12)
			ok = strncmp(buf, "HTTP/1.1 200", 12) == 0;
	}
	if (s >= 0)
		close(s);
	return ok;
}

static int cmp(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return a < b ? -1 : a > b;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: coldstart BIN DB [RUNS]\n");
		return 2;
	}
	int runs = argc > 3 ? atoi(argv[3]) : 10;
	if (runs < 1 || runs > 1000)
		runs = 10;
	double *ms = calloc((size_t)runs, sizeof(*ms));
	for (int r = 0; r < runs; r++) {
		char listen[32];
		snprintf(listen, sizeof(listen), "127.0.0.1:%d", free_port());
		int port = atoi(strchr(listen, ':') + 1);
		fflush(stdout);
		double t0 = now_ms();
		pid_t pid = fork();
		if (pid == 0) {
			freopen("/dev/null", "w", stdout);
			freopen("/dev/null", "w", stderr);
			execl(argv[1], argv[1], "--db", argv[2], "serve", "--listen", listen, "--no-access-log",
			      (char *)NULL);
			_exit(127);
		}
		while (!healthy(port)) {
			if (now_ms() - t0 > 10000 || waitpid(pid, NULL, WNOHANG) == pid) {
				fprintf(stderr, "coldstart: the server did not answer\n");
				kill(pid, SIGKILL);
				return 1;
			}
			nanosleep(&(struct timespec){0, 200000}, NULL);
		}
		ms[r] = now_ms() - t0;
		kill(pid, SIGTERM);
		waitpid(pid, NULL, 0);
		printf("%.1f\n", ms[r]);
	}
	qsort(ms, (size_t)runs, sizeof(*ms), cmp);
	double median = runs % 2 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
	printf("median_ms=%.1f\n", median);
	free(ms);
	return 0;
}
