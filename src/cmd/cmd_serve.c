/*
 * cmd_serve.c — indgang serve and indgang migrate. Layer: cmd.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../auth/auth.h"
#include "../base/log.h"
#include "../base/memo.h"
#include "../base/text.h"
#include "../employment/cpr.h"
#include "../http/dispatch.h"
#include "../http/router.h"
#include "../http/server.h"
#include "../mail/mail.h"
#include "../store/db.h"
#include "cmd.h"

static const char serve_help[] =
	"usage: indgang [--db PATH] [--key-file PATH] serve [OPTIONS]\n\n"
	"Serves Indgang over HTTP; creates and migrates the database first.\n"
	"With a key file (--key-file before serve, else $INDGANG_KEY_FILE) it is read at start and\n"
	"a malformed one stops the start (it is read again when 'indgang key rotate' rewrites it);\n"
	"without one the server runs, but citizens' CPR numbers cannot be sealed or read.\n"
	"Stops cleanly on SIGTERM or SIGINT: requests in flight finish, the database is checkpointed.\n\n"
	"  --listen HOST:PORT  address to listen on (default $INDGANG_LISTEN, else 127.0.0.1:8080;\n"
	"                      port 0 picks a free port and prints it)\n"
	"  --threads N         worker threads (default $INDGANG_THREADS, else 2 per core)\n"
	"  --max-body BYTES    largest request body (default $INDGANG_MAX_BODY, else 1048576)\n"
	"  --max-upload BYTES  largest body of a picture or document upload by a signed-in user\n"
	"                      (default 16777216)\n"
	"  --request-memory BYTES\n"
	"                      memory one request may use; past it the request fails with 500\n"
	"                      (default 67108864)\n"
	"  --timeout SECONDS   idle or slow connections are closed after this (default 15)\n"
	"  --head-timeout SECONDS\n"
	"                      a request line and its headers must arrive within this, however\n"
	"                      slowly they trickle in; else the connection is closed (default 10)\n"
	"  --per-ip N          connections allowed from one address (default $INDGANG_PER_IP, else 64)\n"
	"  --max-connections N connections in all (default 10000, lowered to fit ulimit -n, whose\n"
	"                      soft limit is raised to the hard one); near it, the connections\n"
	"                      that have sent no complete request head are closed, oldest first\n"
	"  --no-access-log     do not write one line per request (--access-log: do, the default)\n"
	"  --no-memo           make every answer anew instead of handing out the registry list's\n"
	"                      answers kept since the registry last changed (for measuring)\n"
	"  --smtp-url URL      deliver mail through this relay: smtp://[user:password@]host[:port]\n"
	"                      (STARTTLS when offered) or smtps://...; default $INDGANG_SMTP_URL;\n"
	"                      without one, mail waits in the outbox\n"
	"  --mail-from ADDR    the sender address (default $INDGANG_MAIL_FROM, else indgang@localhost)\n"
	"  --secure-cookies    mark cookies Secure, for serving through an HTTPS proxy\n"
	"                      (default: on when $INDGANG_SECURE_COOKIES is 1)\n"
	"  --trusted-proxy ADDR[,ADDR...]\n"
	"                      requests from these addresses are a proxy's: the client's address is\n"
	"                      the last in X-Forwarded-For, and X-Forwarded-Proto: https marks the\n"
	"                      request as HTTPS (Secure cookies with the __Host- prefix)\n"
	"                      (default $INDGANG_TRUSTED_PROXY, else none)\n";

static int parse_uint(const char *s, long long max, unsigned *out)
{
	long long v;
	if (text_parse_int(s, 0, max, &v) != 0)
		return -1;
	*out = (unsigned)v;
	return 0;
}

/* parse_listen: HOST:PORT (HOST may be [v6]) into c->host and c->port; -1 when malformed.
 * The host is copied into memory kept for the life of the process (the server points at it,
 * and the command may return before the server runs, e.g. on a bad key file); a second call
 * frees the first copy. */
static int parse_listen(const char *s, struct server_config *c)
{
	static char *kept;
	const char *colon = strrchr(s, ':');
	if (!colon || colon == s)
		return -1;
	char *host = strndup(s, (size_t)(colon - s));
	if (!host)
		return -1;
	free(kept);
	kept = host;
	/* [::1]:8080 */
	if (host[0] == '[' && host[strlen(host) - 1] == ']') {
		memmove(host, host + 1, strlen(host));
		host[strlen(host) - 1] = '\0';
	}
	c->host = host;
	return parse_uint(colon + 1, 65535, &c->port);
}

int cmd_serve(const struct cmd_ctx *ctx, int argc, char **argv)
{
	struct server_config c;
	server_config_defaults(&c);
	c.db_path = ctx->db_path;
	const char *listen = cmd_env("LISTEN", NULL);
	if (listen && parse_listen(listen, &c) != 0)
		return cmd_usage_error("serve", "INDGANG_LISTEN must be HOST:PORT");
	unsigned tmp;
	if (cmd_env("THREADS", NULL) && parse_uint(cmd_env("THREADS", NULL), 256, &c.threads))
		return cmd_usage_error("serve", "INDGANG_THREADS must be a number");
	if (cmd_env("MAX_BODY", NULL)) {
		if (parse_uint(cmd_env("MAX_BODY", NULL), 1 << 30, &tmp))
			return cmd_usage_error("serve", "INDGANG_MAX_BODY must be a number of bytes");
		c.max_body = tmp;
	}
	if (cmd_env("PER_IP", NULL) && parse_uint(cmd_env("PER_IP", NULL), 100000, &c.per_ip))
		return cmd_usage_error("serve", "INDGANG_PER_IP must be a number");
	c.secure_cookies = strcmp(cmd_env("SECURE_COOKIES", "0"), "1") == 0;
	c.trusted_proxies = cmd_env("TRUSTED_PROXY", NULL);
	struct mail_config mail = {.smtp_url = cmd_env("SMTP_URL", NULL),
	                           .from = cmd_env("MAIL_FROM", "indgang@localhost")};
	static const struct option opts[] = {
		{"listen", required_argument, NULL, 'l'},
		{"threads", required_argument, NULL, 't'},
		{"max-body", required_argument, NULL, 'b'},
		{"max-upload", required_argument, NULL, 'U'},
		{"request-memory", required_argument, NULL, 'M'},
		{"timeout", required_argument, NULL, 'T'},
		{"head-timeout", required_argument, NULL, 'H'},
		{"per-ip", required_argument, NULL, 'p'},
		{"max-connections", required_argument, NULL, 'm'},
		{"no-access-log", no_argument, NULL, 'q'},
		{"access-log", no_argument, NULL, 'A'},
		{"no-memo", no_argument, NULL, 'N'},
		{"secure-cookies", no_argument, NULL, 's'},
		{"trusted-proxy", required_argument, NULL, 'P'},
		{"smtp-url", required_argument, NULL, 'S'},
		{"mail-from", required_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int o;
	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'l':
			if (parse_listen(optarg, &c) != 0)
				return cmd_usage_error("serve", "--listen wants HOST:PORT, e.g. 127.0.0.1:8080");
			break;
		case 't':
			if (parse_uint(optarg, 256, &c.threads) || c.threads == 0)
				return cmd_usage_error("serve", "--threads wants a number from 1 to 256");
			break;
		case 'b':
			if (parse_uint(optarg, 1 << 30, &tmp) || tmp == 0)
				return cmd_usage_error("serve", "--max-body wants a number of bytes");
			c.max_body = tmp;
			break;
		case 'U':
			if (parse_uint(optarg, 1 << 30, &tmp) || tmp == 0)
				return cmd_usage_error("serve", "--max-upload wants a number of bytes");
			c.max_upload = tmp;
			break;
		case 'M':
			if (parse_uint(optarg, 1 << 30, &tmp) || tmp < 4096)
				return cmd_usage_error("serve", "--request-memory wants a number of bytes, 4096 or more");
			c.request_memory = tmp;
			break;
		case 'T':
			if (parse_uint(optarg, 3600, &c.timeout) || c.timeout == 0)
				return cmd_usage_error("serve", "--timeout wants seconds from 1 to 3600");
			break;
		case 'H':
			if (parse_uint(optarg, 3600, &c.head_timeout) || c.head_timeout == 0)
				return cmd_usage_error("serve", "--head-timeout wants seconds from 1 to 3600");
			break;
		case 'p':
			if (parse_uint(optarg, 100000, &c.per_ip) || c.per_ip == 0)
				return cmd_usage_error("serve", "--per-ip wants a number, 1 or more");
			break;
		case 'm':
			if (parse_uint(optarg, 1000000, &c.max_conns) || c.max_conns < 10)
				return cmd_usage_error("serve", "--max-connections wants a number from 10 to 1000000");
			break;
		case 'q':
			c.access_log = 0;
			break;
		case 'A':
			c.access_log = 1;
			break;
		case 'N':
			memo_set_enabled(false);
			break;
		case 'P':
			c.trusted_proxies = optarg;
			break;
		case 's':
			c.secure_cookies = 1;
			break;
		case 'S':
			mail.smtp_url = optarg;
			break;
		case 'F':
			mail.from = optarg;
			break;
		case 'h':
			fputs(serve_help, stdout);
			return EXIT_OK;
		default:
			return cmd_usage_error("serve", "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error("serve", "unexpected argument");
	if (router_check_table(routes, routes_count) != 0) {
		fprintf(stderr, "indgang serve: the route table is unsafe; see the error above\n");
		return EXIT_FAIL;
	}
	/* the key ring is loaded before any thread starts and only read after (cpr.h) */
	int keys_rc = cmd_load_keys(ctx, false);
	if (keys_rc != 0)
		return keys_rc;
	if (cpr_keys_loaded())
		log_info("serve: the key file %s is loaded; CPR numbers are sealed under key %d",
		         ctx->key_file, cpr_key_current());
	else
		log_info("serve: no key file (--key-file or INDGANG_KEY_FILE): citizens' CPR numbers "
		         "are unavailable");
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0) {
		cpr_keys_unload();
		return EXIT_FAIL;
	}
	db_close(db);
	if (mail_start(c.db_path, &mail) != 0)
		fprintf(stderr, "indgang serve: the mail thread did not start; mail waits in the outbox\n");
	auth_hash_limit(c.threads);
	int rc = server_run(&c);
	mail_stop();
	cpr_keys_unload();
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

static const char migrate_help[] =
	"usage: indgang [--db PATH] migrate\n\n"
	"Creates the database if it is missing and applies the schema migrations it has not had,\n"
	"in order, each once. Prints the schema version.\n";

int cmd_migrate(const struct cmd_ctx *ctx, int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--help") == 0) {
		fputs(migrate_help, stdout);
		return EXIT_OK;
	}
	if (argc > 1)
		return cmd_usage_error("migrate", "takes no arguments");
	struct db *db;
	if (db_open(ctx->db_path, &db) != 0) {
		/* a URI's problem is the one line db_open logged, without the password */
		if (!db_is_postgres(ctx->db_path))
			fprintf(stderr, "indgang migrate: cannot open %s; check the path\n", ctx->db_path);
		return EXIT_FAIL;
	}
	int applied = 0;
	int rc = db_migrate(db, &applied);
	if (rc == 0)
		rc = cmd_after_migrate(db);
	char name[200];
	db_describe(ctx->db_path, name, sizeof(name));
	if (rc == 0)
		printf("%s: schema version %d (%d migration%s applied)\n", name,
		       db_schema_version(db), applied, applied == 1 ? "" : "s");
	else
		fprintf(stderr, "indgang migrate: failed; the database is unchanged by the failed step\n");
	db_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
