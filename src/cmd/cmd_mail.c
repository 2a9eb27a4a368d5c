/*
 * cmd_mail.c — indgang mail send|list: the outbox from the command line. Layer: cmd.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../auth/users.h"
#include "../mail/mail.h"
#include "../store/db.h"
#include "cmd.h"

static const char mail_help[] =
	"usage: indgang [--db PATH] mail send [--smtp-url URL] [--mail-from ADDR]\n"
	"       indgang [--db PATH] mail list [--pending]\n\n"
	"send delivers the messages in the outbox whose time has come (the server does this by\n"
	"itself when it has --smtp-url); a failed delivery is tried again later, never dropped.\n"
	"list shows the outbox, newest first.\n";

int cmd_mail(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"smtp-url", required_argument, NULL, 'S'},
		{"mail-from", required_argument, NULL, 'F'},
		{"pending", no_argument, NULL, 'p'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(mail_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	struct mail_config cfg = {.smtp_url = cmd_env("SMTP_URL", NULL),
	                          .from = cmd_env("MAIL_FROM", "indgang@localhost")};
	bool pending = false;
	int o;
	optind = 0;
	while ((o = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'S': cfg.smtp_url = optarg; break;
		case 'F': cfg.from = optarg; break;
		case 'p': pending = true; break;
		case 'h': fputs(mail_help, stdout); return EXIT_OK;
		default: return cmd_usage_error("mail", "unknown option");
		}
	}
	bool send = !strcmp(argv[1], "send");
	if (!send && strcmp(argv[1], "list"))
		return cmd_usage_error("mail", "the verb must be send or list");
	if (send && (!cfg.smtp_url || !*cfg.smtp_url))
		return cmd_usage_error("mail", "send needs --smtp-url or INDGANG_SMTP_URL");
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0)
		return EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	int rc = EXIT_OK;
	if (send) {
		int sent, failed;
		if (mail_deliver_due(db, &a, &cfg, (int64_t)time(NULL), 1000, &sent, &failed) != 0)
			rc = EXIT_FAIL;
		printf("%d sent, %d failed (they stay in the outbox)\n", sent, failed);
		if (failed)
			rc = EXIT_FAIL;
	} else {
		struct outbox_row *rows;
		int n, total;
		if (mail_outbox(db, &a, &users_cli, pending, 1000, 0, &rows, &n, &total) != 0) {
			rc = EXIT_FAIL;
		} else {
			for (int i = 0; i < n; i++)
				printf("%lld\t%s\t%s\t%s\t%d\t%s\n", (long long)rows[i].id, rows[i].created_at, rows[i].to,
				       rows[i].sent_at ? "sent" : "pending", rows[i].attempts, rows[i].subject);
		}
	}
	arena_free(&a);
	db_close(db);
	return rc;
}
