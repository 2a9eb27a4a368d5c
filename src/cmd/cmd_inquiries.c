/*
 * cmd_inquiries.c — indgang inquiries purge: erases the personal data of closed inquiries whose
 * municipality's retention has ended, the promise /privatliv makes. Run daily by
 * tools/indgang-remind.timer. Layer: cmd.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../base/err.h"
#include "../entry/entry.h"
#include "../store/db.h"
#include "cmd.h"

static const char inquiries_help[] =
	"usage: indgang [--db PATH] inquiries purge [--date YYYY-MM-DD] [--dry-run]\n\n"
	"purge erases the personal data of every closed inquiry whose municipality's retention\n"
	"(set on /opsaetning, 5 years when none is set) ended before --date (default today): the\n"
	"sender's name, e-mail, phone and CVR number, the organisation, the message, the outcome,\n"
	"the next action, the notes and the referrals' notes. The inquiry stays with its\n"
	"municipality, topic, status and dates, so the figures still count it. --dry-run only\n"
	"counts. Prints how many.\n";

int cmd_inquiries(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"date", required_argument, NULL, 'd'},
		{"dry-run", no_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(inquiries_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	if (strcmp(argv[1], "purge") != 0)
		return cmd_usage_error("inquiries", "the verb must be purge");
	const char *date = NULL;
	bool dry_run = false;
	int o;
	optind = 0;
	while ((o = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'd': date = optarg; break;
		case 'n': dry_run = true; break;
		case 'h': fputs(inquiries_help, stdout); return EXIT_OK;
		default: return cmd_usage_error("inquiries", "unknown option");
		}
	}
	if (optind + 1 < argc)
		return cmd_usage_error("inquiries", "purge takes no arguments besides its options");
	struct db *db;
	int orc = cmd_open_job(ctx, "inquiries purge", &db);
	if (orc)
		return orc == CMD_ELSEWHERE ? EXIT_OK : EXIT_FAIL;
	int count = 0;
	int rc = entry_purge(db, date, dry_run, &count);
	db_close(db);
	if (rc == ERR_INVALID)
		return cmd_usage_error("inquiries", "--date must be a date written YYYY-MM-DD");
	if (rc) {
		fprintf(stderr, "indgang inquiries: cannot purge: %s\n", err_str(rc));
		return EXIT_FAIL;
	}
	printf(dry_run ? "%d closed inquiries would be erased\n" : "%d closed inquiries erased\n", count);
	return EXIT_OK;
}
