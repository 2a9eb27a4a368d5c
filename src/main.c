/*
 * main.c — argv to the command table, nothing else.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"

#ifndef INDGANG_VERSION
#define INDGANG_VERSION "0.1.0"
#endif

static const struct {
	const char *name;
	int (*run)(const struct cmd_ctx *, int, char **);
	const char *summary;
} commands[] = {
	{"serve", cmd_serve, "serve the web application and the JSON API"},
	{"migrate", cmd_migrate, "create the database or bring its schema up to date"},
	{"demo", cmd_demo, "load the demo data (municipalities, users)"},
	{"registry", cmd_registry, "import, export and count social-economy enterprises"},
	{"survey", cmd_survey, "define surveys, import answers, print the report"},
	{"report", cmd_report, "the yearly report: chapter 3 for a year and a survey round"},
	{"mail", cmd_mail, "deliver or list the outbox"},
	{"employment", cmd_employment, "Tabel 4 from placements; remind due follow-ups"},
	{"procurement", cmd_procurement, "spend with social-economy enterprises; remind expiring agreements"},
	{"user", cmd_user, "add, list, enable and disable user accounts"},
	{"token", cmd_token, "create, list and revoke API tokens"},
	{"backup", cmd_backup, "copy the live database to a file"},
	{"copy", cmd_copy, "copy a SQLite database into an empty PostgreSQL one, or back"},
	{"audit", cmd_audit, "show the audit log"},
	{"routes", cmd_routes, "print the route table: methods, pattern, flags, roles"},
	{"inquiries", cmd_inquiries, "erase closed inquiries' personal data when their retention ends"},
	{"citizens", cmd_citizens, "the citizen's access log and export, and the purge of inactive citizens"},
	/* outreach: contacts, leads and support plans */
	{"outreach", cmd_outreach, "remind due follow-ups of contacts and milestones of support plans"},
	{"events", cmd_events, "remind those signed up to tomorrow's events"},
	{"key", cmd_key, "create, rotate and show the key file that seals CPR numbers"},
	/* networks and meetings */
	{"networks", cmd_networks, "remind due action items of network meetings; Tabel 8's figures"},
	/* strategies with live goals */
	{"strategies", cmd_strategies, "a strategy's report for the committee: html, xlsx or json"},
	/* partnership agreements */
	{"partnerships", cmd_partnerships, "remind due items of the partnership agreements' action plans"},
	{"version", NULL, "print the version"},
	{"help", NULL, "show this help"},
};

static void usage(FILE *f)
{
	fprintf(f, "usage: indgang [--db PATH] [--key-file PATH] COMMAND [OPTIONS]\n\n"
	           "Indgang: one entry point for municipalities and social-economy enterprises.\n\n"
	           "Commands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\nOptions:\n"
	           "  --db PATH       the SQLite database (default: $INDGANG_DB, else indgang.db)\n"
	           "  --key-file PATH the key file that seals citizens' CPR numbers ('indgang key\n"
	           "                  init' makes one; default: $INDGANG_KEY_FILE, else none)\n"
	           "  --help          this help; 'indgang COMMAND --help' for a command's own\n"
	           "  --version       print the version\n");
}

int main(int argc, char **argv)
{
	struct cmd_ctx ctx = {.db_path = cmd_env("DB", "indgang.db"),
	                      .key_file = cmd_env("KEY_FILE", NULL),
	                      .prog = argv[0]};
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"key-file", required_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int c;
	/* '+': stop at the command, whose options are its own */
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx.db_path = optarg;
			break;
		case 'k':
			ctx.key_file = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("indgang %s\n", INDGANG_VERSION);
			return EXIT_OK;
		default:
			fprintf(stderr, "indgang: unknown option; try 'indgang --help'\n");
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[optind];
	if (strcmp(name, "version") == 0) {
		printf("indgang %s\n", INDGANG_VERSION);
		return EXIT_OK;
	}
	if (strcmp(name, "help") == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (commands[i].run && strcmp(commands[i].name, name) == 0) {
			int sub_argc = argc - optind;
			char **sub_argv = argv + optind;
			optind = 0; /* glibc: start getopt_long afresh on the command's own argv */
			return commands[i].run(&ctx, sub_argc, sub_argv);
		}
	}
	fprintf(stderr, "indgang: unknown command '%s'; try 'indgang help'\n", name);
	return EXIT_USAGE;
}
