/*
 * cmd_key.c — indgang key init|rotate|status: the key file that seals citizens' CPR numbers.
 * Layer: cmd. Talks to the employment capability's cpr.h only; prints key ids and counts,
 * never a key or a CPR number.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../employment/cpr.h"
#include "../store/db.h"
#include "cmd.h"

static const char key_init_help[] =
	"usage: indgang --key-file PATH key init\n\n"
	"Creates the key file PATH with one new key, readable by its owner only (mode 0600). It\n"
	"refuses to replace a file that exists: the keys in it are the only way to read the CPR\n"
	"numbers sealed under them. Keep a copy apart from the database's backups.\n";

static const char key_rotate_help[] =
	"usage: indgang [--db PATH] --key-file PATH key rotate\n\n"
	"Adds a new key to the key file, re-seals and re-hashes every stored CPR number under it in\n"
	"one transaction, then drops the old keys from the file, and prints how many were re-sealed.\n"
	"If re-sealing fails, nothing in the database changes and the file keeps the old keys and\n"
	"the new one; run rotate again when the cause is fixed. A server running on the same key\n"
	"file takes up the new key by itself, at its next seal or at a number under a key it lacks;\n"
	"servers with a copy of the file each (several machines) are stopped first and given the\n"
	"new file. Run it as the user that owns the key file (the file is written anew, mode 0600).\n";

static const char key_status_help[] =
	"usage: indgang [--db PATH] --key-file PATH key status\n\n"
	"Prints the ids of the keys in the key file, the current one last, and how many stored CPR\n"
	"numbers are sealed under each; and any key id the database uses that the file lacks (those\n"
	"CPR numbers cannot be read).\n";

static const char key_help[] =
	"usage: indgang --key-file PATH key init\n"
	"       indgang [--db PATH] --key-file PATH key rotate\n"
	"       indgang [--db PATH] --key-file PATH key status\n\n"
	"The key file seals citizens' CPR numbers at rest; it lives outside the database. Its path\n"
	"is the global option --key-file, else $INDGANG_KEY_FILE. 'indgang key VERB --help' says\n"
	"more.\n"
	"  init    create the key file with one new key (never replaces one)\n"
	"  rotate  add a key, re-seal every stored CPR number under it, drop the old keys\n"
	"  status  the keys and how many CPR numbers each seals\n";

/* key_init: creates ctx->key_file (cpr_keys_init) */
static int key_init(const struct cmd_ctx *ctx)
{
	int rc = cpr_keys_init(ctx->key_file);
	if (rc == ERR_CONFLICT) {
		fprintf(stderr, "indgang key init: %s exists and is not replaced (its keys are the only "
		                "way to read what they sealed); 'indgang key rotate' makes a new key\n",
		        ctx->key_file);
		return EXIT_FAIL;
	}
	if (rc != 0) {
		fprintf(stderr, "indgang key init: cannot write %s (%s); check the directory and its "
		                "permissions\n", ctx->key_file, err_str(rc));
		return EXIT_FAIL;
	}
	printf("%s: a new key file with key 1 (mode 0600); keep a copy apart from the database's "
	       "backups\n", ctx->key_file);
	return EXIT_OK;
}

/* key_rotate: a new key in the file, every stored CPR re-sealed under it, the old keys
 * dropped; says what state the file and the database are in when a step fails */
static int key_rotate(const struct cmd_ctx *ctx, struct db *db)
{
	int new_id = 0;
	int rc = cpr_keys_rotate_file(ctx->key_file, &new_id);
	if (rc != 0) {
		fprintf(stderr, "indgang key rotate: cannot add a key to %s (%s); nothing was changed\n",
		        ctx->key_file, rc == ERR_INVALID ? "it holds the most keys it may" : err_str(rc));
		return EXIT_FAIL;
	}
	int count = 0;
	int64_t bad = 0;
	rc = cpr_rekey(db, &users_cli, &count, &bad);
	if (rc != 0) {
		if (bad)
			fprintf(stderr, "indgang key rotate: the CPR number of citizen %" PRId64 " %s; ", bad,
			        rc == ERR_UNAVAILABLE ? "is sealed under a key the key file lacks"
			                              : "does not open (damaged)");
		else
			fprintf(stderr, "indgang key rotate: re-sealing failed (%s); ", err_str(rc));
		fprintf(stderr, "nothing in the database changed, and %s keeps the old keys and the new "
		                "key %d; run 'indgang key rotate' again when this is fixed\n",
		        ctx->key_file, new_id);
		return EXIT_FAIL;
	}
	rc = cpr_keys_retire_file(ctx->key_file);
	if (rc != 0) {
		fprintf(stderr, "indgang key rotate: %d CPR number%s re-sealed under key %d, but the old "
		                "keys could not be dropped from %s (%s); they are no longer needed\n",
		        count, count == 1 ? "" : "s", new_id, ctx->key_file, err_str(rc));
		return EXIT_FAIL;
	}
	printf("%d CPR number%s re-sealed under key %d; %s holds only that key now\n", count,
	       count == 1 ? "" : "s", new_id, ctx->key_file);
	return EXIT_OK;
}

/* key_status: the keys of the file and the database's use of every key id */
static int key_status(const struct cmd_ctx *ctx, struct db *db)
{
	struct arena a;
	arena_init(&a, 0);
	struct cpr_key_use *uses;
	int n = 0;
	int rc = cpr_key_usage(db, &a, &uses, &n);
	if (rc != 0) {
		fprintf(stderr, "indgang key status: cannot count the stored CPR numbers (%s)\n",
		        err_str(rc));
		arena_free(&a);
		return EXIT_FAIL;
	}
	printf("key file %s, current key %d\n", ctx->key_file, cpr_key_current());
	int missing = 0;
	for (int i = 0; i < n; i++) {
		const struct cpr_key_use *u = &uses[i];
		printf("key %d%s: %" PRId64 " CPR number%s\n", u->key_id,
		       !u->loaded ? " (not in the key file: cannot be read)"
		       : u->key_id == cpr_key_current() ? " (current)" : "",
		       u->citizens, u->citizens == 1 ? "" : "s");
		missing += !u->loaded;
	}
	arena_free(&a);
	if (missing)
		fprintf(stderr, "indgang key status: %d key id%s in the database %s not in %s\n", missing,
		        missing == 1 ? "" : "s", missing == 1 ? "is" : "are", ctx->key_file);
	return EXIT_OK;
}

int cmd_key(const struct cmd_ctx *ctx, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(key_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	const char *verb = argv[1];
	const char *help = !strcmp(verb, "init")     ? key_init_help
	                   : !strcmp(verb, "rotate") ? key_rotate_help
	                   : !strcmp(verb, "status") ? key_status_help
	                                             : NULL;
	if (!help)
		return cmd_usage_error("key", "the verb must be init, rotate or status");
	if (argc > 2 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0)) {
		fputs(help, stdout);
		return EXIT_OK;
	}
	if (argc > 2)
		return cmd_usage_error("key", "init, rotate and status take no arguments");
	if (!ctx->key_file || !*ctx->key_file)
		return cmd_usage_error("key", "give --key-file PATH before 'key' or set INDGANG_KEY_FILE");
	if (!strcmp(verb, "init"))
		return key_init(ctx);
	int rc = cmd_load_keys(ctx, true);
	if (rc != 0)
		return rc;
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0) {
		cpr_keys_unload();
		return EXIT_FAIL;
	}
	rc = !strcmp(verb, "rotate") ? key_rotate(ctx, db) : key_status(ctx, db);
	db_close(db);
	cpr_keys_unload();
	return rc;
}
