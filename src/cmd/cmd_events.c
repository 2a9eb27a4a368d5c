/*
 * cmd_events.c — indgang events remind: the reminder mails the day before an event (run daily
 * by tools/indgang-remind.timer). Layer: cmd: parses options, calls the outreach domain,
 * prints; no SQL and no rules.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../outreach/events.h"
#include "../store/db.h"
#include "cmd.h"

static const char events_help[] =
	"usage: indgang [--db PATH] events remind [--date YYYY-MM-DD]\n\n"
	"remind puts a reminder in the outbox for every confirmed sign-up to an event that starts\n"
	"the day after --date (default today) and is not cancelled, and prints how many it queued.\n"
	"Each sign-up is reminded once, so running it again queues nothing new; run it daily\n"
	"(tools/indgang-remind.timer). Set INDGANG_PUBLIC_URL to the address people reach\n"
	"Indgang at, for the links in the mails.\n";

int cmd_events(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"date", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(events_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	const char *verb = argv[1], *date = NULL;
	int o;
	optind = 0;
	while ((o = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'd': date = optarg; break;
		case 'h': fputs(events_help, stdout); return EXIT_OK;
		default: return cmd_usage_error("events", "unknown option");
		}
	}
	if (strcmp(verb, "remind") != 0)
		return cmd_usage_error("events", "the verb must be remind");
	if (argc - 1 - optind > 0)
		return cmd_usage_error("events", "remind takes no argument");
	if (date && !text_date_valid(date))
		return cmd_usage_error("events", "--date wants a date such as 2015-11-11");
	char today[11];
	text_today(today);
	struct db *db;
	int orc = cmd_open_job(ctx, "events remind", &db);
	if (orc)
		return orc == CMD_ELSEWHERE ? EXIT_OK : EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	int queued;
	int rc = events_remind(db, &a, date ? date : today, &queued);
	arena_free(&a);
	db_close(db);
	if (rc) {
		fprintf(stderr, "indgang events remind: nothing was queued (%s)\n", err_str(rc));
		return EXIT_FAIL;
	}
	printf("%d reminder%s queued\n", queued, queued == 1 ? "" : "s");
	return EXIT_OK;
}
