/*
 * cmd_survey.c — indgang survey define|import|export|report. Layer: cmd.
 * The command line acts as the national administrator (users_cli).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../store/db.h"
#include "../surveys/surveys.h"
#include "../surveys/surveys_report_html.h"
#include "../view/html.h"
#include "cmd.h"

static const char survey_help[] =
	"usage: indgang [--db PATH] survey define FILE.json\n"
	"       indgang [--db PATH] survey import --survey CODE --round ROUND FILE.csv\n"
	"       indgang [--db PATH] survey export --survey CODE --round ROUND [--output FILE]\n"
	"       indgang [--db PATH] survey report --survey CODE --round ROUND [--compare ROUND]\n"
	"                                         [--format json|csv|html|xlsx] [FILE]\n\n"
	"define creates or updates a questionnaire from its JSON definition (docs/surveys.md); a change\n"
	"that would leave answers without their question, option or item is refused.\n"
	"import reads answers in the wide format (one row per municipality; the round is created if\n"
	"missing); any invalid cell is printed as LINE:COLUMN: message and nothing is written.\n"
	"report prints the round's report; xlsx is written to FILE. --compare ROUND puts a second\n"
	"round beside the first in every format (JSON: a \"compare\" object per question; CSV: a\n"
	"second count column; XLSX and HTML: its columns beside the first's). The CSV is for people\n"
	"(Tabel, Spørgsmål, Delspørgsmål, Kommune, Svar, Antal); JSON has the codes and keys.\n";

int cmd_survey(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"survey", required_argument, NULL, 's'},
		{"round", required_argument, NULL, 'r'},
		{"compare", required_argument, NULL, 'c'},
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(survey_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	const char *verb = argv[1], *code = NULL, *round = NULL, *compare = NULL, *format = "json",
	           *output = NULL;
	int o;
	optind = 0;
	while ((o = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (o) {
		case 's': code = optarg; break;
		case 'r': round = optarg; break;
		case 'c': compare = optarg; break;
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'h': fputs(survey_help, stdout); return EXIT_OK;
		default: return cmd_usage_error("survey", "unknown option");
		}
	}
	int rest = argc - 1 - optind;
	char **pos = argv + 1 + optind;
	bool define = !strcmp(verb, "define"), import = !strcmp(verb, "import"),
	     export = !strcmp(verb, "export"), report = !strcmp(verb, "report");
	if (!define && !import && !export && !report)
		return cmd_usage_error("survey", "the verb must be define, import, export or report");
	if ((define || import) && rest != 1)
		return cmd_usage_error("survey", define ? "define wants one JSON file" : "import wants one CSV file");
	if (!define && (!code || !round))
		return cmd_usage_error("survey", "give --survey CODE and --round ROUND");
	if (report && strcmp(format, "json") && strcmp(format, "csv") && strcmp(format, "html") &&
	    strcmp(format, "xlsx"))
		return cmd_usage_error("survey", "--format must be json, csv, html or xlsx");
	if (report && rest == 1)
		output = pos[0];
	else if (report && rest > 1)
		return cmd_usage_error("survey", "unexpected argument");
	if (report && !strcmp(format, "xlsx") && !output)
		return cmd_usage_error("survey", "xlsx is written to a file: give FILE");
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0)
		return EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	struct buf out;
	buf_init(&out, 256u * 1024 * 1024);
	int rc = EXIT_OK;
	struct survey s;
	struct round rd, cmp_rd;
	if (define) {
		struct errs errs = {0};
		int64_t id;
		bool created;
		if (cmd_read_file(pos[0], &out) != 0) {
			fprintf(stderr, "indgang survey define: cannot read %s\n", pos[0]);
			rc = EXIT_FAIL;
		} else if ((rc = surveys_define(db, &a, &users_cli, buf_str(&out), out.len, &errs, &id, &created))) {
			for (int i = 0; i < errs.n; i++)
				fprintf(stderr, "%s: %s: %s\n", pos[0], errs.e[i].field, errs.e[i].message);
			fprintf(stderr, "indgang survey define: %s; nothing was changed\n",
			        rc == ERR_CONFLICT ? "the change would orphan existing answers" : err_str(rc));
			rc = EXIT_FAIL;
		} else {
			printf("survey %s\n", created ? "created" : "updated");
		}
		buf_reset(&out);
	} else if (surveys_load(db, &a, code, &s) != 0) {
		fprintf(stderr, "indgang survey: no survey '%s'; define it first with 'indgang survey define'\n", code);
		rc = EXIT_FAIL;
	} else if (import) {
		struct import_report rep;
		if (cmd_read_file(pos[0], &out) != 0) {
			fprintf(stderr, "indgang survey import: cannot read %s\n", pos[0]);
			rc = EXIT_FAIL;
		} else {
			int irc = surveys_import_csv(db, &a, &users_cli, &s, round, buf_str(&out), out.len, &rep);
			for (int i = 0; i < rep.nproblems; i++)
				fprintf(stderr, "%d:%d: %s\n", rep.problems[i].line, rep.problems[i].col, rep.problems[i].message);
			if (irc) {
				fprintf(stderr, "indgang survey import: %s; nothing was written\n",
				        irc == ERR_INVALID ? "the file has problems" : err_str(irc));
				rc = EXIT_FAIL;
			} else {
				printf("%d rows: %d new answers, %d replaced\n", rep.rows, rep.created, rep.updated);
			}
		}
		buf_reset(&out);
	} else if (surveys_round(db, &a, &s, round, &rd) != 0) {
		fprintf(stderr, "indgang survey: survey %s has no round '%s'\n", code, round);
		rc = EXIT_FAIL;
	} else if (compare && surveys_round(db, &a, &s, compare, &cmp_rd) != 0) {
		fprintf(stderr, "indgang survey: survey %s has no round '%s'\n", code, compare);
		rc = EXIT_FAIL;
	} else if (export) {
		if (surveys_export_csv(db, &a, &s, &rd, &out) != 0)
			rc = EXIT_FAIL;
	} else {
		struct report r, c;
		if (surveys_report(db, &a, &s, &rd, &r) != 0 ||
		    (compare && surveys_report(db, &a, &s, &cmp_rd, &c) != 0)) {
			fprintf(stderr, "indgang survey report: cannot compute the report\n");
			rc = EXIT_FAIL;
		} else if (!strcmp(format, "json")) {
			surveys_report_json(&out, &r, compare ? &c : NULL);
			buf_putc(&out, '\n');
		} else if (!strcmp(format, "csv")) {
			struct csv_out w;
			csv_out_begin(&w, &out, ',', false);
			surveys_report_csv(&w, &r, compare ? &c : NULL);
		} else if (!strcmp(format, "xlsx")) {
			if (surveys_report_xlsx(&out, &a, &r, compare ? &c : NULL) != 0)
				rc = EXIT_FAIL;
		} else {
			html(&out, "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n");
			htmlf(&out, "<title>%s · %s</title>\n</head>\n<body>\n<main>\n<h1>%s</h1>\n", s.title,
			      rd.code, s.title);
			surveys_report_html(&out, &a, &r, compare ? &c : NULL);
			html(&out, "</main>\n</body>\n</html>\n");
		}
	}
	if (rc == EXIT_OK && (export || report)) {
		FILE *f = output ? fopen(output, "wb") : stdout;
		if (!f || fwrite(buf_str(&out), 1, out.len, f) != out.len) {
			fprintf(stderr, "indgang survey: cannot write %s\n", output ? output : "the output");
			rc = EXIT_FAIL;
		}
		if (f && output)
			fclose(f);
	}
	buf_free(&out);
	arena_free(&a);
	db_close(db);
	return rc;
}
