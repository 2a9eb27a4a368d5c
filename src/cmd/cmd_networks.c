/*
 * cmd_networks.c — indgang networks remind|stats: the reminders of the networks' due action
 * items (run daily by tools/indgang-remind.service) and Tabel 8's figures. Layer: cmd: parses
 * options, calls the collab domain, prints; no SQL and no rules.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../collab/meetings.h"
#include "../collab/networks.h"
#include "../store/db.h"
#include "cmd.h"

static const char networks_help[] =
	"usage: indgang [--db PATH] networks remind [--date YYYY-MM-DD]\n"
	"       indgang [--db PATH] networks stats --year Y\n\n"
	"remind puts a reminder in the outbox for every open action item of a network meeting that\n"
	"is due on --date (default today) or before, to its owner (a member's e-mail or a user's),\n"
	"and prints how many it queued. Each item is reminded once per due date, so running it again\n"
	"queues nothing new; run it daily (tools/indgang-remind.timer).\n"
	"stats prints Tabel 8's figures for the year as CSV: per municipality the networks with a\n"
	"meeting in the year, meetings held, members by kind and attendance.\n";

int cmd_networks(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"date", required_argument, NULL, 'd'},
		{"year", required_argument, NULL, 'y'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(networks_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	const char *verb = argv[1], *date = NULL;
	long long year = 0;
	optind = 2;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			date = optarg;
			break;
		case 'y':
			if (text_parse_int(optarg, 1990, 2100, &year) != 0)
				return cmd_usage_error("networks", "--year must be a year, e.g. 2015");
			break;
		case 'h':
			fputs(networks_help, stdout);
			return EXIT_OK;
		default:
			return cmd_usage_error("networks", "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error("networks", "too many arguments");
	bool remind = strcmp(verb, "remind") == 0, stats = strcmp(verb, "stats") == 0;
	if (!remind && !stats)
		return cmd_usage_error("networks", "the command is remind or stats");
	if (remind && date && !text_date_valid(date))
		return cmd_usage_error("networks", "--date must be YYYY-MM-DD");
	if (stats && !year)
		return cmd_usage_error("networks", "stats needs --year");
	char today[16];
	if (remind && !date) {
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		strftime(today, sizeof today, "%Y-%m-%d", &tm);
		date = today;
	}
	struct db *db;
	int orc = remind ? cmd_open_job(ctx, "networks remind", &db) : cmd_open_db(ctx, &db) ? EXIT_FAIL : 0;
	if (orc)
		return orc == CMD_ELSEWHERE ? EXIT_OK : EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	int status = EXIT_OK;
	if (remind) {
		int queued, skipped;
		int rc = meetings_remind(db, &a, date, &queued, &skipped);
		if (rc) {
			fprintf(stderr, "indgang networks remind: nothing was queued (%s)\n", err_str(rc));
			status = EXIT_FAIL;
		}
		else {
			printf("%d reminder%s queued", queued, queued == 1 ? "" : "s");
			if (skipped)
				printf(", %d without an e-mail address", skipped);
			printf("\n");
		}
	}
	else {
		struct networks_stats_row *rows;
		int n;
		int rc = networks_stats(db, &a, (int)year, NULL, &rows, &n);
		if (rc) {
			fprintf(stderr, "indgang networks stats: cannot count (%s)\n", err_str(rc));
			status = EXIT_FAIL;
		}
		else {
			printf("kommune,networks,meetings_held,members_soev,members_company,members_unit,"
			       "members_person,attendance\n");
			for (int i = 0; i < n; i++)
				printf("%s,%d,%d,%d,%d,%d,%d,%d\n", rows[i].kommune ? rows[i].kommune : "national",
				       rows[i].networks, rows[i].meetings_held, rows[i].members_soev,
				       rows[i].members_company, rows[i].members_unit, rows[i].members_person,
				       rows[i].attendance);
		}
	}
	arena_free(&a);
	db_close(db);
	return status;
}
