/*
 * cmd_partnerships.c — indgang partnerships remind: the reminders of the partnership
 * agreements' due action items (run daily by tools/indgang-remind.service). Layer: cmd: parses
 * options, calls the collab domain, prints; no SQL and no rules.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../collab/partnerships.h"
#include "../store/db.h"
#include "cmd.h"

static const char partnerships_help[] =
	"usage: indgang [--db PATH] partnerships remind [--date YYYY-MM-DD]\n\n"
	"remind puts a reminder in the outbox for every open item of a partnership agreement's\n"
	"action plan that is due on --date (default today) or before, to its owner party's e-mail\n"
	"(or, when the party has none, to the agreement's responsible staff member), and prints how\n"
	"many it queued. Each item is reminded once per due date, so running it again queues nothing\n"
	"new; run it daily (tools/indgang-remind.timer).\n";

int cmd_partnerships(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"date", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(partnerships_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	const char *verb = argv[1], *date = NULL;
	optind = 2;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			date = optarg;
			break;
		case 'h':
			fputs(partnerships_help, stdout);
			return EXIT_OK;
		default:
			return cmd_usage_error("partnerships", "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error("partnerships", "too many arguments");
	if (strcmp(verb, "remind") != 0)
		return cmd_usage_error("partnerships", "the command is remind");
	if (date && !text_date_valid(date))
		return cmd_usage_error("partnerships", "--date must be YYYY-MM-DD");
	char today[11];
	if (!date) {
		text_today(today);
		date = today;
	}
	struct db *db;
	int orc = cmd_open_job(ctx, "partnerships remind", &db);
	if (orc)
		return orc == CMD_ELSEWHERE ? EXIT_OK : EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	int status = EXIT_OK, queued, skipped;
	int rc = partnerships_remind(db, &a, date, &queued, &skipped);
	if (rc) {
		fprintf(stderr, "indgang partnerships remind: nothing was queued (%s)\n", err_str(rc));
		status = EXIT_FAIL;
	}
	else {
		printf("%d reminder%s queued", queued, queued == 1 ? "" : "s");
		if (skipped)
			printf(", %d without an e-mail address", skipped);
		printf("\n");
	}
	arena_free(&a);
	db_close(db);
	return status;
}
