/*
 * testdb.c — the tests' databases on PostgreSQL (see testdb.h).
 * Layer: tests.
 */
#include "tests/tools/testdb.h"

#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

bool testdb_on_pg(void)
{
	const char *b = getenv("INDGANG_TEST_BACKEND"), *uri = getenv("INDGANG_TEST_PG");
	return b && strcmp(b, "postgresql") == 0 && uri && *uri;
}

/* the cluster's URI with the database name replaced by name: out, or -1 */
static int uri_with(const char *name, char *out, size_t n)
{
	const char *base = getenv("INDGANG_TEST_PG");
	if (!base)
		return -1;
	const char *q = strchr(base, '?');
	size_t end = q ? (size_t)(q - base) : strlen(base);
	const char *slash = NULL;
	for (const char *p = base + strlen("postgresql://"); p < base + end; p++)
		if (*p == '/')
			slash = p;
	if (strncmp(base, "postgresql://", strlen("postgresql://")) != 0 || !slash)
		return -1;
	int k = snprintf(out, n, "%.*s/%s%s", (int)(slash - base), base, name, q ? q : "");
	return k > 0 && (size_t)k < n ? 0 : -1;
}

int testdb_template(char *out, size_t n)
{
	return uri_with("indgang_template", out, n);
}

/* runs argv (from PATH) quietly: its exit status, or -1 */
static int run(const char *const *argv)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", 0, 0);
	pid_t pid;
	int rc = posix_spawnp(&pid, argv[0], &fa, NULL, (char *const *)argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -1;
	int st;
	while (waitpid(pid, &st, 0) < 0)
		;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int testdb_new(char *out, size_t n)
{
	static unsigned counter;
	char admin[512], name[64];
	snprintf(name, sizeof(name), "t_%ld_%u", (long)getpid(), ++counter);
	if (uri_with("postgres", admin, sizeof(admin)) != 0 || uri_with(name, out, n) != 0) {
		fprintf(stderr, "testdb: INDGANG_TEST_PG is not a postgresql:// URI with a database\n");
		return -1;
	}
	char maint[600];
	snprintf(maint, sizeof(maint), "--maintenance-db=%s", admin);
	const char *argv[] = {"createdb", maint, "-T", "indgang_template", name, NULL};
	/* the template cannot be copied while another connection is on it: tried again */
	for (int i = 0; i < 50; i++) {
		if (run(argv) == 0)
			return 0;
		usleep(100 * 1000);
	}
	fprintf(stderr, "testdb: createdb %s from indgang_template failed\n", name);
	return -1;
}

void testdb_drop(const char *uri)
{
	char admin[512], maint[600];
	const char *slash = strrchr(uri, '/');
	if (!slash || uri_with("postgres", admin, sizeof(admin)) != 0)
		return;
	char name[64];
	snprintf(name, sizeof(name), "%.*s", (int)strcspn(slash + 1, "?"), slash + 1);
	snprintf(maint, sizeof(maint), "--maintenance-db=%s", admin);
	const char *argv[] = {"dropdb", maint, "--force", name, NULL};
	run(argv);
}
