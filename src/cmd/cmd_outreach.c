/*
 * cmd_outreach.c — indgang outreach remind: the reminders of due follow-ups of contacts with
 * enterprises and of due milestones of support plans (run daily by tools/indgang-remind.timer).
 * Layer: cmd: parses options, calls the outreach domain, prints; no SQL and no rules.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../outreach/contacts.h"
#include "../outreach/support.h"
#include "../store/db.h"
#include "cmd.h"

static const char outreach_help[] =
	"usage: indgang [--db PATH] outreach remind [--date YYYY-MM-DD]\n\n"
	"remind puts a reminder in the outbox for every contact with an enterprise whose follow-up\n"
	"date is due (on --date, default today, or before), to the user who logged the contact, and\n"
	"for every open milestone of a support plan that is due, to its owner, and prints how many it\n"
	"queued. Each is reminded once, so running it again queues nothing new; run it daily\n"
	"(tools/indgang-remind.timer). One whose user is gone or disabled waits and is counted.\n";

int cmd_outreach(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"date", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(outreach_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	const char *verb = argv[1], *date = NULL;
	int o;
	optind = 0;
	while ((o = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'd': date = optarg; break;
		case 'h': fputs(outreach_help, stdout); return EXIT_OK;
		default: return cmd_usage_error("outreach", "unknown option");
		}
	}
	if (strcmp(verb, "remind") != 0)
		return cmd_usage_error("outreach", "the verb must be remind");
	if (argc - 1 - optind > 0)
		return cmd_usage_error("outreach", "remind takes no argument");
	if (date && !text_date_valid(date))
		return cmd_usage_error("outreach", "--date wants a date such as 2026-03-02");
	char today[11];
	text_today(today);
	struct db *db;
	int orc = cmd_open_job(ctx, "outreach remind", &db);
	if (orc)
		return orc == CMD_ELSEWHERE ? EXIT_OK : EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	int contacts = 0, cwait = 0, milestones = 0, mwait = 0;
	int rc = contacts_remind(db, &a, date ? date : today, &contacts, &cwait);
	if (rc == 0)
		rc = support_remind(db, &a, date ? date : today, &milestones, &mwait);
	arena_free(&a);
	db_close(db);
	if (rc) {
		fprintf(stderr, "indgang outreach remind: not every reminder was queued (%s)\n", err_str(rc));
		return EXIT_FAIL;
	}
	printf("%d follow-up reminder%s and %d milestone reminder%s queued", contacts,
	       contacts == 1 ? "" : "s", milestones, milestones == 1 ? "" : "s");
	if (cwait + mwait)
		printf(", %d waiting for an active user", cwait + mwait);
	printf("\n");
	return EXIT_OK;
}
