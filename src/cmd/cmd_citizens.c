/*
 * cmd_citizens.c — indgang citizens access-log|export|purge: the citizen's rights from the
 * command line. The CPR number is read from standard input, never from the arguments (which
 * other users of the machine can see in the process list). Layer: cmd.
 */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../employment/citizens.h"
#include "../store/db.h"
#include "cmd.h"

static const char citizens_help[] =
	"usage: echo CPR | indgang [--db PATH] --key-file KEY citizens access-log\n"
	"       echo CPR | indgang [--db PATH] --key-file KEY citizens export\n"
	"       indgang [--db PATH] citizens purge --inactive-months N [--dry-run]\n\n"
	"access-log prints every read and change of the citizen with the CPR number on standard\n"
	"input, in every municipality that keeps them: time, user, action, purpose (the answer to\n"
	"the citizen's question who has looked at their data).\n"
	"export writes everything kept about that citizen as one JSON document (GDPR art. 15);\n"
	"the CPR number itself is shown masked.\n"
	"purge anonymizes the citizens without any change for N months and without an open\n"
	"placement: name, CPR number, contact and profile are removed, placements stay as\n"
	"anonymous counts. --dry-run only counts them.\n";

/* the CPR number on the first line of standard input, normalized; 0, or prints why and
 * returns EXIT_USAGE */
static int read_cpr(char digits[CPR_DIGITS + 1])
{
	char line[64];
	int rc = cmd_read_secret(line, sizeof line);
	bool ok = rc == 0 && cpr_normalize(line, digits);
	sodium_memzero(line, sizeof line);
	if (!ok)
		return cmd_usage_error("citizens", "standard input must hold a CPR number (10 digits, DDMMYY-XXXX)");
	return 0;
}

static int access_log(struct db *db, struct arena *a)
{
	char digits[CPR_DIGITS + 1];
	int rc = read_cpr(digits);
	if (rc)
		return rc;
	struct citizen_read *rows;
	int n;
	rc = citizens_access_log(db, a, digits, &rows, &n);
	sodium_memzero(digits, sizeof digits);
	if (rc == ERR_NOTFOUND) {
		fprintf(stderr, "indgang citizens: no citizen has this CPR number\n");
		return EXIT_FAIL;
	}
	if (rc) {
		fprintf(stderr, "indgang citizens: cannot read the access log: %s\n", err_str(rc));
		return EXIT_FAIL;
	}
	printf("time\tuser\taction\tpurpose\n");
	for (int i = 0; i < n; i++)
		printf("%s\t%s\t%s\t%s\n", rows[i].at, *rows[i].user_email ? rows[i].user_email : "(system)",
		       rows[i].action, *rows[i].purpose ? rows[i].purpose : "-");
	return EXIT_OK;
}

static int export(struct db *db, struct arena *a)
{
	char digits[CPR_DIGITS + 1];
	int rc = read_cpr(digits);
	if (rc)
		return rc;
	char *json;
	rc = citizens_export(db, a, digits, &json);
	sodium_memzero(digits, sizeof digits);
	if (rc == ERR_NOTFOUND) {
		fprintf(stderr, "indgang citizens: no citizen has this CPR number\n");
		return EXIT_FAIL;
	}
	if (rc) {
		fprintf(stderr, "indgang citizens: cannot export: %s\n", err_str(rc));
		return EXIT_FAIL;
	}
	puts(json);
	return EXIT_OK;
}

int cmd_citizens(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"inactive-months", required_argument, NULL, 'm'},
		{"dry-run", no_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(citizens_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	int months = 0;
	bool dry_run = false;
	int o;
	optind = 0;
	while ((o = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'm': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 1200)
				return cmd_usage_error("citizens", "--inactive-months must be a whole number from 1 to 1200");
			months = (int)v;
			break;
		}
		case 'n': dry_run = true; break;
		case 'h': fputs(citizens_help, stdout); return EXIT_OK;
		default: return cmd_usage_error("citizens", "unknown option");
		}
	}
	const char *verb = argv[1];
	bool purge = !strcmp(verb, "purge");
	if (!purge && strcmp(verb, "access-log") && strcmp(verb, "export"))
		return cmd_usage_error("citizens", "the verb must be access-log, export or purge");
	if (purge && months == 0)
		return cmd_usage_error("citizens", "purge needs --inactive-months N");
	int rc = cmd_load_keys(ctx, !purge);
	if (rc)
		return rc;
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0)
		return EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	if (purge) {
		int count = 0;
		rc = citizens_purge(db, months, dry_run, &count);
		if (rc) {
			fprintf(stderr, "indgang citizens: cannot purge: %s\n", err_str(rc));
			rc = EXIT_FAIL;
		} else {
			printf(dry_run ? "%d citizens would be anonymized\n" : "%d citizens anonymized\n", count);
		}
	} else if (!strcmp(verb, "access-log")) {
		rc = access_log(db, &a);
	} else {
		rc = export(db, &a);
	}
	arena_free(&a);
	db_close(db);
	return rc;
}
