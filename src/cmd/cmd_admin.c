/*
 * cmd_admin.c — indgang backup, indgang audit and indgang demo. Layer: cmd.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../store/db.h"
#include "../view/json.h"
#include "../registry/registry.h"
#include "../registry/registry_io.h"
#include "../entry/advisory.h"
#include "../entry/entry.h"
#include "../surveys/surveys.h"
#include "cmd.h"
#include "../site/site.h"
#include "demo_data.h"

static const char backup_help[] =
	"usage: indgang [--db PATH] backup FILE\n\n"
	"Copies the database to FILE (replaced) with SQLite's online backup: the server may keep\n"
	"running and writing meanwhile; the copy is consistent.\n";

int cmd_backup(const struct cmd_ctx *ctx, int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		fputs(backup_help, stdout);
		return EXIT_OK;
	}
	if (argc != 2)
		return cmd_usage_error("backup", "give the file to write, e.g. indgang backup copy.db");
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0)
		return EXIT_FAIL;
	int rc = db_backup(db, argv[1]);
	db_close(db);
	if (rc) {
		fprintf(stderr, "indgang backup: could not write %s; check the path and free space\n", argv[1]);
		return EXIT_FAIL;
	}
	printf("backup written to %s\n", argv[1]);
	return EXIT_OK;
}

static const char audit_help[] =
	"usage: indgang [--db PATH] audit [--user EMAIL] [--entity NAME] [--id ID]\n"
	"                                 [--from DATE] [--to DATE] [--limit N] [--json]\n\n"
	"Shows the audit log, newest first: every change and every read of personal data.\n"
	"Dates are YYYY-MM-DD; --to includes that whole day. --limit defaults to 100.\n";

int cmd_audit(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"user", required_argument, NULL, 'u'},
		{"entity", required_argument, NULL, 'e'},
		{"id", required_argument, NULL, 'i'},
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 't'},
		{"limit", required_argument, NULL, 'l'},
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct audit_filter f = {.limit = 100};
	bool as_json = false;
	long long v;
	int o;
	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'u': f.user = optarg; break;
		case 'e': f.entity = optarg; break;
		case 'i': f.entity_id = optarg; break;
		case 'f': f.from = optarg; break;
		case 't': f.to = optarg; break;
		case 'l':
			if (text_parse_int(optarg, 1, 1000000, &v) != 0)
				return cmd_usage_error("audit", "--limit wants a number, 1 or more");
			f.limit = (int)v;
			break;
		case 'j': as_json = true; break;
		case 'h': fputs(audit_help, stdout); return EXIT_OK;
		default: return cmd_usage_error("audit", "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error("audit", "unexpected argument");
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0)
		return EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	struct audit_row *rows;
	int n, total;
	int rc = audit_list(db, &a, &f, &rows, &n, &total);
	if (rc == 0 && as_json) {
		struct buf b;
		struct json w;
		buf_init(&b, 0);
		json_init(&w, &b);
		json_obj_open(&w, NULL);
		json_arr_open(&w, "items");
		for (int i = 0; i < n; i++)
			audit_row_json(&w, &rows[i]);
		json_arr_close(&w);
		json_int(&w, "total", total);
		json_obj_close(&w);
		printf("%s\n", buf_str(&b));
		buf_free(&b);
	} else if (rc == 0) {
		for (int i = 0; i < n; i++)
			printf("%s\t%s\t%s\t%s\t%s\t%s\n", rows[i].at,
			       rows[i].user_email ? rows[i].user_email : "-", rows[i].action, rows[i].entity,
			       rows[i].entity_id ? rows[i].entity_id : "-", rows[i].detail);
	} else {
		fprintf(stderr, "indgang audit: cannot read the audit log\n");
	}
	arena_free(&a);
	db_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

/* The demo accounts. The password is public on purpose: the demo database is for trying
 * Indgang out, never for real data. */
#define DEMO_PASSWORD "indgang-demo-2026"

static const struct {
	const char *email, *role, *kommune, *name;
	const char *enterprise; /* the registry name a virksomhed account represents */
} demo_users[] = {
	{"admin@indgang.example", "admin", NULL, "Nanna National", NULL},
	{"konsulent@kolding.example", "konsulent", "621", "Karin Konsulent", NULL},
	{"job@kolding.example", "jobkonsulent", "621", "Jens Jobkonsulent", NULL},
	{"indkoeb@kolding.example", "indkoeber", "621", "Ida Indkøber", NULL},
	{"virksomhed@kolding.example", "virksomhed", "621", "Villads Virksomhed", "Soul Café"},
	{"konsulent@silkeborg.example", "konsulent", "740", "Søren Silkeborg", NULL},
	{"job@silkeborg.example", "jobkonsulent", "740", "Sofie Jobcenter Silkeborg", NULL},
	{"job@slagelse.example", "jobkonsulent", "330", "Svend Jobcenter Slagelse", NULL},
	/* the municipality as customer (chapter 5): Slagelse's buyers and agreements, Kolding's
	 * library tender, Albertslund's café tender, Silkeborg's canteen */
	{"konsulent@slagelse.example", "konsulent", "330", "Vibeke Projektleder Slagelse", NULL},
	{"indkoeb@slagelse.example", "indkoeber", "330", "Ivan Indkøbschef Slagelse", NULL},
	{"indkoeb@albertslund.example", "indkoeber", "165", "Anna Indkøber Albertslund", NULL},
	{"indkoeb@silkeborg.example", "indkoeber", "740", "Inge Indkøber Silkeborg", NULL},
	{"legehytten@kolding.example", "virksomhed", "621", "Lene Legehytten", "Legehytten"},
	{"porten@kolding.example", "virksomhed", "621", "Peter Virksomhedsporten", "Virksomhedsporten"},
};

const struct demo_file *demo_file_find(const char *name)
{
	for (size_t i = 0; i < demo_files_count; i++)
		if (strcmp(demo_files[i].name, name) == 0)
			return &demo_files[i];
	return NULL;
}

/* the registry's demo enterprises (data/demo/enterprises.csv; its source column tells which
 * come from the 2015 report and which are placeholders) */
static int demo_registry(struct db *db, struct arena *a)
{
	const struct demo_file *f = demo_file_find("enterprises.csv");
	if (!f)
		return ERR_NOTFOUND;
	struct import_report rep;
	int rc = registry_import_csv(db, a, &users_cli, f->data, f->len, false, &rep);
	for (int i = 0; i < rep.nproblems; i++)
		fprintf(stderr, "enterprises.csv:%d:%d: %s\n", rep.problems[i].line, rep.problems[i].col,
		        rep.problems[i].message);
	if (rc == 0)
		printf("Registry: %d enterprises (%d new, %d updated, %d unchanged)\n", rep.rows,
		       rep.created, rep.updated, rep.unchanged);
	return rc;
}

/* the 2015 survey (data/surveys/soev-2015.json) and its demo answers, with synthetic
 * assignments of scale answers to municipalities (data/demo/README.md) */
static int demo_surveys(struct db *db, struct arena *a)
{
	const struct demo_file *def = demo_file_find("soev-2015.json");
	if (!def)
		return ERR_NOTFOUND;
	struct errs errs = {0};
	int64_t id;
	bool created;
	int rc = surveys_define(db, a, &users_cli, def->data, def->len, &errs, &id, &created);
	for (int i = 0; i < errs.n; i++)
		fprintf(stderr, "soev-2015.json: %s: %s\n", errs.e[i].field, errs.e[i].message);
	struct survey s;
	if (rc == 0)
		rc = surveys_load(db, a, "soev-2015", &s);
	static const char *rounds[] = {"projektstart", "november-2015"};
	for (int i = 0; rc == 0 && i < 2; i++) {
		const struct demo_file *f = demo_file_find(arena_printf(a, "survey-soev-2015-%s.csv", rounds[i]));
		struct import_report rep;
		rc = f ? surveys_import_csv(db, a, &users_cli, &s, rounds[i], f->data, f->len, &rep) : ERR_NOTFOUND;
		for (int k = 0; k < rep.nproblems; k++)
			fprintf(stderr, "%s:%d:%d: %s\n", rounds[i], rep.problems[k].line, rep.problems[k].col,
			        rep.problems[k].message);
	}
	if (rc == 0)
		printf("Survey soev-2015: rounds projektstart and november-2015, 17 municipalities\n");
	return rc;
}

/* t12_buckets: each municipality's answer to t12 in round code of soev-2015, as the index of the
 * bucket (0: none a month ... 4: over 10); -1 for a municipality without one. kommuner[i] names
 * row i; at most max rows. Returns the number of rows, or an error below 0. */
static int t12_buckets(struct db *db, struct arena *a, const struct survey *s, const char *code,
                       const char **kommuner, int *buckets, int max)
{
	struct round rd;
	struct response *answers;
	int n;
	const struct question *t12 = surveys_question(s, "t12");
	if (!t12 || surveys_round(db, a, s, code, &rd) != 0 || surveys_submitted(db, a, s, &rd, &answers, &n) != 0)
		return ERR_NOTFOUND;
	int count = 0;
	for (int i = 0; i < n && count < max; i++) {
		kommuner[count] = answers[i].kommune;
		buckets[count] = -1;
		for (int c = 0; c < answers[i].ncells; c++)
			if (answers[i].cells[c].q == t12)
				buckets[count] = surveys_choice_index(t12->options, t12->noptions, answers[i].cells[c].option);
		count++;
	}
	return count;
}

/* a year of advisory sessions for the 17 municipalities of the 2015 survey. Tabel 12 asks how
 * many enterprises or entrepreneurs get advice a month (0, 1-2, 3-5, 6-10, over 10): January 2015,
 * when the project started, advises as many as the municipality's answer at the start
 * (projektstart), November and December as many as its answer in November 2015, and the months
 * between move evenly from the one to the other. Whoever is advised in a month with two or more
 * comes back once more, so the sessions outnumber the advised. And a few inquiries for Kolding
 * with its jobcenter as a unit. */
static int demo_entry(struct db *db, struct arena *a)
{
	struct survey s;
	if (surveys_load(db, a, "soev-2015", &s) != 0)
		return ERR_NOTFOUND;
	struct advisory_session_row *rows;
	int n, total;
	if (advisory_sessions(db, a, &users_cli, NULL, NULL, NULL, 1, 0, &rows, &n, &total) != 0)
		return ERR_DB;
	if (total > 0)
		return 0; /* loaded before */
	static const int per_month[] = {0, 2, 4, 8, 12}; /* advised a month: one value inside each bucket */
	enum { MAXK = 128 };
	const char *kommuner[MAXK], *start_kommuner[MAXK];
	int end_bucket[MAXK], start_bucket[MAXK];
	n = t12_buckets(db, a, &s, "november-2015", kommuner, end_bucket, MAXK);
	int nstart = t12_buckets(db, a, &s, "projektstart", start_kommuner, start_bucket, MAXK);
	if (n < 0 || nstart < 0)
		return ERR_NOTFOUND;
	for (int i = 0; i < n; i++) {
		int b1 = end_bucket[i], b0 = b1;
		if (b1 < 0 || b1 > 4)
			continue;
		for (int j = 0; j < nstart; j++)
			if (!strcmp(start_kommuner[j], kommuner[i]) && start_bucket[j] >= 0 && start_bucket[j] <= 4)
				b0 = start_bucket[j];
		for (int month = 1; month <= 12; month++) {
			int v0 = per_month[b0], v1 = per_month[b1];
			int advised = month >= 11 ? v1 : v0 + ((v1 - v0) * (month - 1) + (v1 > v0 ? 5 : -5)) / 10;
			int sessions = advised >= 2 ? advised + 1 : advised;
			for (int k = 0; k < sessions; k++) {
				struct errs errs = {0};
				int64_t sid;
				int who = k < advised ? k : 0; /* the last session: the first advised again */
				struct advisory_session_input in = {
					.kommune = kommuner[i],
					.date = arena_printf(a, "2015-%02d-%02d", month, 2 + k * 2),
					.topic = who % 2 ? "employment" : "business",
					.minutes = 30 + 15 * (k % 4),
					.entrepreneur = arena_printf(a, "Iværksætter %d (demo)", who + 1),
					.follow_up = k < advised ? "" : "Opfølgning på månedens første samtale",
				};
				if (advisory_session_add(db, a, &users_cli, &in, &errs, &sid) != 0)
					return ERR_DB;
			}
		}
	}
	/* Kolding: a jobcenter unit, a bank as partner, employment inquiries routed to the jobkonsulent */
	struct errs errs = {0};
	entry_unit_add(db, a, &users_cli, "621", "unit", "Jobcenter Kolding, virksomhedsservice", "", &errs);
	entry_unit_add(db, a, &users_cli, "621", "unit", "Erhvervscenter", "", &errs);
	entry_unit_add(db, a, &users_cli, "621", "partner", "Lokal bank (finansiering)", "", &errs);
	struct user_row job;
	struct unit_row *units;
	int nu;
	if (users_by_email(db, a, &users_cli, "job@kolding.example", &job) == 0 &&
	    entry_units(db, a, "621", &units, &nu) == 0 && nu > 0) {
		for (int i = 0; i < nu; i++)
			if (!strncmp(units[i].name, "Jobcenter", 9))
				entry_routing_set(db, a, &users_cli, "621", "employment", units[i].id, job.id, &errs);
	}
	static const struct inquiry_input inquiries[] = {
		{"621", "Maja Iværksætter", "maja@example.org", "", "", "Grøn Kantine (idé)", "start",
		 "Jeg vil gerne starte en kantine, der ansætter unge i fleksjob. Hvor begynder jeg?", 0},
		{"621", "Ole Værkfører", "ole@example.org", "20 30 40 50", "", "Kolding Cykelværksted", "employment",
		 "Vi kan tage to borgere i virksomhedspraktik fra næste måned.", 0},
		{"621", "Sara Indkøb", "sara@example.org", "", "", "", "procurement",
		 "Hvordan kommer vi på kommunens liste over leverandører af rengøring?", 0},
	};
	for (size_t i = 0; i < sizeof(inquiries) / sizeof(inquiries[0]); i++) {
		int64_t id;
		const char *ref;
		errs.n = 0;
		if (entry_inquiry_create(db, a, &inquiries[i], &errs, &id, &ref) != 0)
			return ERR_DB;
	}
	printf("One entry point: a year of advisory sessions for the 17 municipalities, 3 inquiries in Kolding\n");
	return 0;
}

static const char demo_help[] =
	"usage: indgang [--db PATH] demo\n\n"
	"Loads the demo data into the database (creating it if missing). Running it again adds\n"
	"nothing twice. Prints the demo logins.\n";

int cmd_demo(const struct cmd_ctx *ctx, int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		fputs(demo_help, stdout);
		return EXIT_OK;
	}
	if (argc > 1)
		return cmd_usage_error("demo", "takes no arguments");
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0)
		return EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	int failed = 0;
	if (demo_registry(db, &a) != 0) {
		fprintf(stderr, "indgang demo: could not load the registry's demo enterprises\n");
		failed = 1;
	}
	if (demo_surveys(db, &a) != 0) {
		fprintf(stderr, "indgang demo: could not load the 2015 survey\n");
		failed = 1;
	}
	printf("Demo logins (password %s):\n", DEMO_PASSWORD);
	for (size_t i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]); i++) {
		struct user_row u;
		if (users_by_email(db, &a, &users_cli, demo_users[i].email, &u) != 0) {
			struct errs e = {0};
			int64_t id;
			struct user_input in = {.email = demo_users[i].email, .role = demo_users[i].role,
			                        .kommune = demo_users[i].kommune, .name = demo_users[i].name,
			                        .password = DEMO_PASSWORD, .active = 1};
			if (demo_users[i].enterprise)
				registry_find(db, NULL, demo_users[i].enterprise, demo_users[i].kommune,
				              &in.enterprise_id);
			if (users_create(db, &a, &users_cli, &in, &e, &id) != 0) {
				fprintf(stderr, "indgang demo: could not create %s\n", demo_users[i].email);
				failed = 1;
				continue;
			}
		}
		printf("  %-30s %s%s%s\n", demo_users[i].email, demo_users[i].role,
		       demo_users[i].kommune ? " " : "", demo_users[i].kommune ? demo_users[i].kommune : "");
	}
	/* after the users: the routing names the jobkonsulent */
	if (demo_entry(db, &a) != 0) {
		fprintf(stderr, "indgang demo: could not load the advisory sessions and inquiries\n");
		failed = 1;
	}
	/* the operator the legal pages name (invented, like every demo contact) */
	struct errs oe = {0};
	struct site_operator op = {.name = "Indgang demodrift", .email = "support@indgang.example",
	                           .phone = "33 12 34 56", .address = ""};
	if (site_operator_set(db, &a, &users_cli, &op, &oe) != 0) {
		fprintf(stderr, "indgang demo: could not set the operator's contact\n");
		failed = 1;
	}
	/* after the users: the jobkonsulenter keep the citizens */
	if (cmd_load_keys(ctx, false) != 0 || demo_employment(db, &a) != 0) {
		fprintf(stderr, "indgang demo: could not load the openings, citizens and placements\n");
		failed = 1;
	}
	/* the catalogue (procurement): products of the registry's enterprises, with pictures */
	if (demo_catalogue(db, &a) != 0) {
		fprintf(stderr, "indgang demo: could not load the catalogue\n");
		failed = 1;
	}
	/* after the employment: the canteen lease follows up the placements there */
	if (demo_purchasing(db, &a) != 0) {
		fprintf(stderr, "indgang demo: could not load the agreements, purchases and contracts\n");
		failed = 1;
	}
	/* after the users: the buyers keep the tenders and the enterprises' accounts bid */
	if (demo_tenders(db, &a) != 0) {
		fprintf(stderr, "indgang demo: could not load the tenders\n");
		failed = 1;
	}
	/* networks: after the users, whose konsulent keeps Silkeborg's network */
	if (demo_networks(db, &a) != 0) {
		fprintf(stderr, "indgang demo: could not load the networks and their meetings\n");
		failed = 1;
	}
	/* strategies with live goals: after the registry, placements and networks they count */
	if (demo_strategies(db, &a) != 0) {
		fprintf(stderr, "indgang demo: could not load the strategies and their goals\n");
		failed = 1;
	}
	/* the grant pool and funding sources: after demo_networks, whose national network the pool
	 * names */
	if (demo_funding(db, &a) != 0) {
		fprintf(stderr, "indgang demo: could not load the grant pool and funding sources\n");
		failed = 1;
	}
	/* partnership agreements: Jammerbugt's of May 2015, kept by the administrator */
	if (demo_partnerships(db, &a) != 0) {
		fprintf(stderr, "indgang demo: could not load the partnership agreements\n");
		failed = 1;
	}
	/* outreach: contacts, leads and support plans of the konsulenter (after demo_employment) */
	if (demo_outreach(db, &a) != 0) {
		fprintf(stderr, "indgang demo: could not load the contacts, leads and support plans\n");
		failed = 1;
	}
	/* events and the guidance library */
	if (demo_events(db, &a) != 0) {
		fprintf(stderr, "indgang demo: could not load the events and guidance documents\n");
		failed = 1;
	}
	arena_free(&a);
	db_close(db);
	return failed ? EXIT_FAIL : EXIT_OK;
}
