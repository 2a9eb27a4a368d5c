/*
 * cmd_common.c — what every command shares: opening the database, loading the key file,
 * environment, errors.
 * Layer: cmd.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../employment/cpr.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "cmd.h"

const char *cmd_env(const char *name, const char *dflt)
{
	char key[64];
	snprintf(key, sizeof(key), "INDGANG_%s", name);
	const char *v = getenv(key);
	return v && *v ? v : dflt;
}

int cmd_open_db(const struct cmd_ctx *ctx, struct db **out)
{
	struct db *db;
	if (db_open(ctx->db_path, &db) != 0) {
		/* a URI's problem is the one line db_open logged, without the password */
		if (!db_is_postgres(ctx->db_path))
			fprintf(stderr, "indgang: cannot open the database %s; check the path and its "
			                "permissions\n", ctx->db_path);
		return EXIT_FAIL;
	}
	int applied = 0;
	if (db_migrate(db, &applied) != 0) {
		char name[200];
		db_describe(ctx->db_path, name, sizeof(name));
		fprintf(stderr, "indgang: cannot bring the database %s up to date; see the error above\n",
		        name);
		db_close(db);
		return EXIT_FAIL;
	}
	if (cmd_after_migrate(db) != 0) {
		db_close(db);
		return EXIT_FAIL;
	}
	*out = db;
	return 0;
}

int cmd_open_job(const struct cmd_ctx *ctx, const char *job, struct db **out)
{
	if (cmd_open_db(ctx, out) != 0)
		return EXIT_FAIL;
	if (db_job_lock(*out, job))
		return 0;
	printf("indgang %s: another server runs it now; nothing done here\n", job);
	db_close(*out);
	*out = NULL;
	return CMD_ELSEWHERE;
}

int cmd_after_migrate(struct db *db)
{
	/* a migration that changed how search terms are stored asks for them anew */
	struct arena a;
	arena_init(&a, 0);
	int count = 0;
	int rc = registry_reindex_due(db, &a, &count);
	arena_free(&a);
	if (rc != 0)
		fprintf(stderr, "indgang: could not make the registry's search index anew: %s\n", err_str(rc));
	else if (count > 0)
		fprintf(stderr, "indgang: the registry's search index was made anew for %d enterprises\n", count);
	return rc;
}

int cmd_load_keys(const struct cmd_ctx *ctx, bool required)
{
	if (!ctx->key_file || !*ctx->key_file) {
		if (!required)
			return 0;
		fprintf(stderr, "indgang: this needs the key file of the CPR numbers; give --key-file PATH "
		                "before the command or set INDGANG_KEY_FILE ('indgang key init' makes one)\n");
		return EXIT_USAGE;
	}
	struct errs errs = {0};
	int rc = cpr_keys_load(ctx->key_file, &errs);
	if (rc == 0)
		return 0;
	fprintf(stderr, "indgang: cannot use the key file %s: %s\n", ctx->key_file,
	        errs.n ? errs.e[0].message : err_str(rc));
	return EXIT_FAIL;
}

int cmd_usage_error(const char *command, const char *message)
{
	fprintf(stderr, "indgang %s: %s; try 'indgang %s --help'\n", command, message, command);
	return EXIT_USAGE;
}

int cmd_read_secret(char *out, int n)
{
	if (!fgets(out, n, stdin))
		return -1;
	size_t len = strlen(out);
	while (len && (out[len - 1] == '\n' || out[len - 1] == '\r'))
		out[--len] = '\0';
	return 0;
}

int cmd_read_file(const char *path, struct buf *out)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f)
		return ERR_IO;
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(out, chunk, got);
	int err = ferror(f) || out->failed;
	if (f != stdin)
		fclose(f);
	return err ? ERR_IO : 0;
}
