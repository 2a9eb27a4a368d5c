/*
 * cmd_user.c — indgang user ... and indgang token ... Layer: cmd.
 * The command line acts as the principal users_cli, so its changes are audited too.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../store/db.h"
#include "cmd.h"

static const char user_help[] =
	"usage: indgang [--db PATH] user add --email E --role R [--kommune KODE] [--name NAME]\n"
	"                                    [--enterprise ID]\n"
	"       indgang [--db PATH] user list [--kommune KODE]\n"
	"       indgang [--db PATH] user passwd --email E\n"
	"       indgang [--db PATH] user disable|enable --email E\n\n"
	"add and passwd read the password from the first line of standard input (at least 10\n"
	"characters). Roles: admin (no --kommune), konsulent, jobkonsulent, indkoeber, virksomhed\n"
	"(these need --kommune, the municipality's three-digit code). --enterprise links a virksomhed\n"
	"account to the enterprise (registry id) whose profile it may edit.\n";

static void print_errs(const char *verb, const struct errs *e)
{
	for (int i = 0; i < e->n; i++)
		fprintf(stderr, "indgang user %s: %s%s%s\n", verb, e->e[i].field ? e->e[i].field : "",
		        e->e[i].field ? ": " : "", e->e[i].message);
}

static int user_add(struct db *db, struct arena *a, const char *email, const char *role,
                    const char *kommune, const char *name, int64_t enterprise)
{
	char pw[AUTH_PASSWORD_MAX_BYTES + 4];
	if (cmd_read_secret(pw, sizeof(pw)) != 0) {
		fprintf(stderr, "indgang user add: give the password on the first line of standard input\n");
		return EXIT_FAIL;
	}
	struct errs e = {0};
	int64_t id;
	struct user_input in = {.email = email, .role = role, .kommune = kommune, .name = name,
	                        .password = pw, .active = 1, .enterprise_id = enterprise};
	int rc = users_create(db, a, &users_cli, &in, &e, &id);
	memset(pw, 0, sizeof(pw));
	if (rc == ERR_INVALID || rc == ERR_CONFLICT) {
		print_errs("add", &e);
		return EXIT_FAIL;
	}
	if (rc) {
		fprintf(stderr, "indgang user add: %s\n", err_str(rc));
		return EXIT_FAIL;
	}
	printf("user %lld: %s (%s%s%s)\n", (long long)id, email, role, kommune ? ", " : "",
	       kommune ? kommune : "");
	return EXIT_OK;
}

static int user_change(struct db *db, struct arena *a, const char *verb, const char *email)
{
	struct user_row u;
	if (users_by_email(db, a, &users_cli, email, &u) != 0) {
		fprintf(stderr, "indgang user %s: no user with e-mail %s; see 'indgang user list'\n", verb, email);
		return EXIT_FAIL;
	}
	struct user_input in = {.active = -1, .enterprise_id = -1};
	char pw[AUTH_PASSWORD_MAX_BYTES + 4] = "";
	if (strcmp(verb, "passwd") == 0) {
		if (cmd_read_secret(pw, sizeof(pw)) != 0 || !*pw) {
			fprintf(stderr, "indgang user passwd: give the new password on standard input\n");
			return EXIT_FAIL;
		}
		in.password = pw;
	} else {
		in.active = strcmp(verb, "enable") == 0;
	}
	struct errs e = {0};
	int rc = users_update(db, a, &users_cli, u.id, &in, &e);
	memset(pw, 0, sizeof(pw));
	if (rc == ERR_INVALID) {
		print_errs(verb, &e);
		return EXIT_FAIL;
	}
	if (rc) {
		fprintf(stderr, "indgang user %s: %s\n", verb, err_str(rc));
		return EXIT_FAIL;
	}
	printf("user %s: %s\n", email, verb);
	return EXIT_OK;
}

static int user_list(struct db *db, struct arena *a, const char *kommune)
{
	struct user_row *rows;
	int n, total, offset = 0;
	do {
		if (users_list(db, a, &users_cli, kommune, 500, offset, &rows, &n, &total) != 0) {
			fprintf(stderr, "indgang user list: cannot read the users\n");
			return EXIT_FAIL;
		}
		for (int i = 0; i < n; i++)
			printf("%lld\t%s\t%s\t%s\t%s\n", (long long)rows[i].id, rows[i].email, rows[i].role,
			       rows[i].kommune ? rows[i].kommune : "-", rows[i].active ? "active" : "disabled");
		offset += n;
	} while (n > 0 && offset < total);
	return EXIT_OK;
}

int cmd_user(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"email", required_argument, NULL, 'e'},
		{"role", required_argument, NULL, 'r'},
		{"kommune", required_argument, NULL, 'k'},
		{"name", required_argument, NULL, 'n'},
		{"enterprise", required_argument, NULL, 'E'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	long long enterprise = 0;
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(user_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	const char *verb = argv[1];
	const char *email = NULL, *role = NULL, *kommune = NULL, *name = NULL;
	int o;
	optind = 0;
	while ((o = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'e': email = optarg; break;
		case 'r': role = optarg; break;
		case 'k': kommune = optarg; break;
		case 'n': name = optarg; break;
		case 'E':
			if (text_parse_int(optarg, 1, 1LL << 53, &enterprise) != 0)
				return cmd_usage_error("user", "--enterprise wants the enterprise's id");
			break;
		case 'h': fputs(user_help, stdout); return EXIT_OK;
		default: return cmd_usage_error("user", "unknown option");
		}
	}
	bool add = strcmp(verb, "add") == 0, list = strcmp(verb, "list") == 0;
	bool change = !strcmp(verb, "passwd") || !strcmp(verb, "disable") || !strcmp(verb, "enable");
	if (!add && !list && !change)
		return cmd_usage_error("user", "the verb must be add, list, passwd, disable or enable");
	if (add && (!email || !role))
		return cmd_usage_error("user", "add needs --email and --role");
	if (change && !email)
		return cmd_usage_error("user", "this verb needs --email");
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0)
		return EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	int rc = add ? user_add(db, &a, email, role, kommune, name, enterprise)
	         : list ? user_list(db, &a, kommune)
	                : user_change(db, &a, verb, email);
	arena_free(&a);
	db_close(db);
	return rc;
}

static const char token_help[] =
	"usage: indgang [--db PATH] token create --email E [--label TEXT]\n"
	"       indgang [--db PATH] token list [--email E]\n"
	"       indgang [--db PATH] token revoke --id N\n\n"
	"create prints one bearer token on standard output; it is shown only this once and stored\n"
	"only as a hash. Send it as 'Authorization: Bearer TOKEN'. revoke ends token N for good.\n";

int cmd_token(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"email", required_argument, NULL, 'e'},
		{"label", required_argument, NULL, 'l'},
		{"id", required_argument, NULL, 'i'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(token_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	const char *verb = argv[1], *email = NULL, *label = NULL, *id_s = NULL;
	int o;
	optind = 0;
	while ((o = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'e': email = optarg; break;
		case 'l': label = optarg; break;
		case 'i': id_s = optarg; break;
		case 'h': fputs(token_help, stdout); return EXIT_OK;
		default: return cmd_usage_error("token", "unknown option");
		}
	}
	long long id = 0;
	if (strcmp(verb, "create") == 0) {
		if (!email)
			return cmd_usage_error("token", "create needs --email");
	} else if (strcmp(verb, "revoke") == 0) {
		if (!id_s || text_parse_int(id_s, 1, 1LL << 53, &id) != 0)
			return cmd_usage_error("token", "revoke needs --id N");
	} else if (strcmp(verb, "list") != 0) {
		return cmd_usage_error("token", "the verb must be create, list or revoke");
	}
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0)
		return EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	int rc;
	if (strcmp(verb, "list") == 0) {
		struct token_row *rows;
		int n;
		rc = users_tokens(db, &a, &users_cli, email, &rows, &n);
		for (int i = 0; rc == 0 && i < n; i++)
			printf("%lld\t%s\t%s\t%s\t%s\n", (long long)rows[i].id, rows[i].email,
			       *rows[i].label ? rows[i].label : "-", rows[i].created_at,
			       rows[i].revoked_at ? rows[i].revoked_at : "live");
		if (rc)
			fprintf(stderr, "indgang token list: cannot read the tokens\n");
	} else if (id) {
		rc = auth_token_revoke(db, &users_cli, id);
		if (rc == 0)
			fprintf(stderr, "token %lld revoked\n", id);
		else
			fprintf(stderr, "indgang token revoke: %s\n",
			        rc == ERR_NOTFOUND ? "no live token with that id" : err_str(rc));
	} else {
		char *token;
		int64_t tid;
		rc = auth_token_create(db, &a, &users_cli, text_lower_ascii(&a, email), label, &token, &tid);
		if (rc == 0)
			printf("%s\n", token);
		else
			fprintf(stderr, "indgang token create: %s\n",
			        rc == ERR_NOTFOUND ? "no active user with that e-mail; see 'indgang user list'"
			                           : err_str(rc));
	}
	arena_free(&a);
	db_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
