/*
 * routes.c — the route table: every URL of Indgang, its methods, handler, flags and roles.
 * Layer: http. router_check_table() refuses to start a server whose table lets a state change
 * through without a CSRF token or an API route's authentication.
 */
#include "../auth/auth.h"
#include "../auth/auth_web.h"
#include "../employment/citizens_web.h"
#include "../employment/openings_web.h"
#include "../employment/employment_web.h"
#include "../employment/matching_web.h"
#include "../employment/placements_web.h"
#include "../entry/entry_web.h"
#include "../kommune/kommune_web.h"
#include "../mail/mail_web.h"
#include "../outreach/contacts_web.h"
#include "../outreach/leads_web.h"
#include "../outreach/support_web.h"
#include "../registry/registry_web.h"
#include "../site/site_web.h"
#include "../reports/reports_web.h"
#include "../surveys/surveys_web.h"
#include "core_web.h"
#include "dispatch.h"
#include "req.h"

#define STAFF (ROLE_ADMIN | ROLE_KONSULENT)
/* who keeps openings somewhere (access_openings decides where) */
#define OPENINGS_WRITERS (ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT | ROLE_VIRKSOMHED)
/* who sets a municipality's matching weights (access_match_settings) */
#define MATCH_SETTINGS (ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT)
/* who reads figures: a municipality's staff its own (access_figures), and every municipality's
 * side by side with the survey reports (access_national_figures); the administrator all */
#define FIGURES (ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT | ROLE_INDKOEBER)
/* outreach: who reads a municipality's contacts, leads and plans (access_collaboration decides
 * which, and who writes) */
#define OUTREACH (ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT | ROLE_INDKOEBER)

const struct route routes[] = {
	/* pages */
	{M_GET, "/", core_page_home, RF_PUBLIC, 0},
	{M_GET, "/login", auth_page_login, RF_PUBLIC, 0},
	{M_POST, "/login", auth_page_login_post, RF_PUBLIC | RF_FORM, 0},
	{M_POST, "/logout", auth_page_logout, RF_FORM, 0},
	{M_GET, "/kommuner", kommune_page_list, RF_PUBLIC, 0},
	{M_GET, "/privatliv", core_page_privacy, RF_PUBLIC, 0},
	{M_GET, "/tilgaengelighed", core_page_accessibility, RF_PUBLIC, 0},
	{M_GET, "/brugere", users_page_list, 0, STAFF},
	{M_POST, "/brugere", users_page_create, RF_FORM, STAFF},
	{M_GET, "/brugere/ny", users_page_new, 0, STAFF},
	{M_GET, "/brugere/{id:int}", users_page_edit, 0, STAFF},
	{M_POST, "/brugere/{id:int}", users_page_update, RF_FORM, STAFF},
	{M_GET, "/admin/audit", audit_page, 0, ROLE_ADMIN},
	{M_GET, "/admin/udbakke", mail_page_outbox, 0, ROLE_ADMIN},
	{M_GET, "/admin/indstillinger", site_page_settings, 0, ROLE_ADMIN},
	{M_POST, "/admin/indstillinger", site_page_settings_post, RF_FORM, ROLE_ADMIN},
	{M_GET, "/kontakt", entry_page_contact, RF_PUBLIC, 0},
	{M_POST, "/kontakt", entry_page_contact_post, RF_PUBLIC | RF_FORM, 0},
	{M_GET, "/kontakt/kvittering", entry_page_receipt, RF_PUBLIC, 0},
	{M_GET, "/kontakt/{kode:kommune}", entry_page_contact, RF_PUBLIC, 0},
	{M_GET, "/sager", entry_page_cases, RF_PERSONAL, 0},
	{M_GET, "/sager/{id:int}", entry_page_case, RF_PERSONAL, 0},
	{M_POST, "/sager/{id:int}", entry_page_case_post, RF_FORM, 0},
	{M_GET, "/raadgivning", advisory_page_list, 0, ROLE_KONSULENT},
	{M_POST, "/raadgivning", advisory_page_post, RF_FORM, ROLE_KONSULENT},
	{M_GET, "/opsaetning", entry_page_setup, 0, ROLE_KONSULENT},
	{M_POST, "/opsaetning", entry_page_setup_post, RF_FORM, ROLE_KONSULENT},
	{M_GET, "/virksomheder", registry_page_list, RF_PUBLIC, 0},
	{M_POST, "/virksomheder", registry_page_create, RF_FORM, STAFF},
	{M_GET, "/virksomheder/ny", registry_page_new, 0, STAFF},
	{M_GET, "/virksomheder/eksport", registry_download_export, RF_PUBLIC, 0},
	{M_GET, "/virksomheder/{id:int}", registry_page_profile, RF_PUBLIC, 0},
	{M_POST, "/virksomheder/{id:int}", registry_page_update, RF_FORM, STAFF | ROLE_VIRKSOMHED},
	{M_GET, "/virksomheder/{id:int}/rediger", registry_page_edit, 0, STAFF | ROLE_VIRKSOMHED},
	{M_GET, "/borgere", citizens_page_list, 0, ROLE_JOBKONSULENT},
	{M_POST, "/borgere", citizens_page_create, RF_FORM, ROLE_JOBKONSULENT},
	{M_GET, "/borgere/ny", citizens_page_new, 0, ROLE_JOBKONSULENT},
	{M_POST, "/borgere/soeg", citizens_page_search, RF_FORM, ROLE_JOBKONSULENT},
	{M_GET, "/borgere/{id:int}", citizens_page_view, 0, ROLE_JOBKONSULENT},
	{M_GET, "/borgere/{id:int}/rediger", citizens_page_edit, RF_PERSONAL, ROLE_JOBKONSULENT},
	{M_POST, "/borgere/{id:int}", citizens_page_update, RF_FORM, ROLE_JOBKONSULENT},
	{M_POST, "/borgere/{id:int}/cpr", citizens_page_reveal, RF_FORM, ROLE_JOBKONSULENT},
	{M_GET, "/statistik", registry_page_stats, RF_PUBLIC, 0},
	{M_GET, "/undersoegelser", surveys_page_list, 0, 0},
	{M_GET, "/undersoegelser/{survey}", surveys_page_survey, 0, ROLE_ADMIN},
	{M_POST, "/undersoegelser/{survey}/runder", surveys_page_round_create, RF_FORM, ROLE_ADMIN},
	{M_GET, "/undersoegelser/{survey}/{round}", surveys_page_answer, 0, STAFF},
	{M_POST, "/undersoegelser/{survey}/{round}", surveys_page_answer_post, RF_FORM, ROLE_KONSULENT},
	{M_GET, "/undersoegelser/{survey}/{round}/oversigt", surveys_page_overview, 0, ROLE_ADMIN},
	{M_POST, "/undersoegelser/{survey}/{round}/genaabn", surveys_page_reopen, RF_FORM, ROLE_ADMIN},
	{M_POST, "/undersoegelser/{survey}/{round}/paamind", surveys_page_remind, RF_FORM, ROLE_ADMIN},
	{M_GET, "/undersoegelser/{survey}/{round}/rapport", surveys_page_report, 0, FIGURES},
	{M_GET, "/stillinger", openings_page_list, 0, 0},
	{M_POST, "/stillinger", openings_page_create, RF_FORM, OPENINGS_WRITERS},
	{M_GET, "/stillinger/ny", openings_page_new, 0, OPENINGS_WRITERS},
	{M_GET, "/stillinger/{id:int}", openings_page_show, 0, 0},
	{M_POST, "/stillinger/{id:int}", openings_page_update, RF_FORM, OPENINGS_WRITERS},
	{M_GET, "/stillinger/{id:int}/rediger", openings_page_edit, 0, OPENINGS_WRITERS},
	{M_POST, "/stillinger/{id:int}/status", openings_page_status, RF_FORM, OPENINGS_WRITERS},
	{M_GET, "/statistik/virksomheder", registry_download_stats, RF_PUBLIC, 0},
	{M_GET, "/statistik/bilag1", registry_page_bilag1, RF_PUBLIC, 0},
	{M_GET, "/statistik/bilag1/eksport", registry_download_bilag1, RF_PUBLIC, 0},
	{M_GET, "/matchning/vaegte", matching_page_weights, 0, MATCH_SETTINGS},
	{M_POST, "/matchning/vaegte", matching_page_weights_post, RF_FORM, MATCH_SETTINGS},
	/* the reports: a municipality's overview and the lists behind it, the national view, the
	 * yearly report, and the enterprises behind a figure of Tabel 1 (public, like Tabel 1) */
	{M_GET, "/kommuner/{kode:kommune}/overblik", reports_page_overview, 0, FIGURES},
	{M_GET, "/kommuner/{kode:kommune}/overblik/henvendelser", reports_page_overview_inquiries, 0, FIGURES},
	{M_GET, "/kommuner/{kode:kommune}/overblik/raadgivning", reports_page_overview_advisory, 0, FIGURES},
	{M_GET, "/statistik/landet", reports_page_national, 0, FIGURES},
	{M_GET, "/statistik/aarsrapport", reports_page_yearly, 0, FIGURES},
	{M_GET, "/statistik/tabel1", reports_page_tabel1, RF_PUBLIC, 0},
	{M_GET, "/statistik/beskaeftigelse", employment_page_stats, RF_PUBLIC, 0},
	{M_GET, "/statistik/beskaeftigelse/eksport", employment_download_stats, RF_PUBLIC, 0},
	{M_GET, "/forloeb", placements_page_list, RF_PERSONAL, ROLE_JOBKONSULENT},
	{M_POST, "/forloeb", placements_page_create, RF_FORM, ROLE_JOBKONSULENT},
	{M_GET, "/forloeb/ny", placements_page_new, 0, ROLE_JOBKONSULENT},
	{M_GET, "/forloeb/{id:int}", placements_page_detail, RF_PERSONAL, ROLE_JOBKONSULENT},
	{M_POST, "/forloeb/{id:int}", placements_page_post, RF_FORM, ROLE_JOBKONSULENT},
	{M_GET, "/virksomheder/{id:int}/forloeb", placements_page_enterprise, RF_PERSONAL, ROLE_VIRKSOMHED},
	/* JSON API */
	{M_GET, "/healthz", core_api_health, RF_PUBLIC | RF_API, 0},
	{M_GET, "/api/v1/me", auth_api_me, RF_API, 0},
	{M_GET, "/api/v1/kommuner", kommune_api_list, RF_PUBLIC | RF_API, 0},
	{M_GET, "/api/v1/kommuner/{kode:kommune}/users", users_api_list, RF_API, 0},
	{M_POST, "/api/v1/kommuner/{kode:kommune}/users", users_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/users/{id:int}", users_api_get, RF_API, 0},
	{M_PATCH, "/api/v1/users/{id:int}", users_api_update, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/audit", audit_api_list, RF_API, ROLE_ADMIN},
	{M_POST, "/api/v1/inquiries", entry_api_inquiry_create, RF_PUBLIC | RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/inquiries", entry_api_inquiries, RF_API | RF_PERSONAL, 0},
	{M_PATCH, "/api/v1/inquiries/{id:int}", entry_api_inquiry_update, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/advisory-sessions", entry_api_advisory_session_create, RF_API | RF_JSON, STAFF},
	{M_GET, "/api/v1/stats/advisory", entry_api_advisory_stats, RF_PUBLIC | RF_API, 0},
	{M_GET, "/api/v1/enterprises", registry_api_list, RF_PUBLIC | RF_API, 0},
	{M_POST, "/api/v1/enterprises", registry_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/enterprises/{id:int}", registry_api_get, RF_PUBLIC | RF_API, 0},
	{M_PATCH, "/api/v1/enterprises/{id:int}", registry_api_update, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/stats/enterprises", registry_api_stats, RF_PUBLIC | RF_API, 0},
	{M_POST, "/api/v1/citizens", citizens_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/citizens", citizens_api_list, RF_API | RF_PERSONAL, 0},
	{M_POST, "/api/v1/citizens/search", citizens_api_search, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/citizens/{id:int}", citizens_api_get, RF_API | RF_PERSONAL, 0},
	{M_PATCH, "/api/v1/citizens/{id:int}", citizens_api_update, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/citizens/{id:int}/reveal", citizens_api_reveal, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/citizens/{id:int}/matches", citizens_api_matches, RF_API | RF_PERSONAL, 0},
	{M_GET, "/api/v1/openings", openings_api_list, RF_API, 0},
	{M_POST, "/api/v1/openings", openings_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/openings/{id:int}", openings_api_get, RF_API, 0},
	{M_PATCH, "/api/v1/openings/{id:int}", openings_api_update, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/openings/{id:int}/matches", openings_api_matches, RF_API | RF_PERSONAL, 0},
	/* the managed lists: the registry's and the employment capability's */
	{M_GET, "/api/v1/lists/services", registry_api_list_services, RF_PUBLIC | RF_API, 0},
	{M_GET, "/api/v1/lists/target_groups", registry_api_list_target_groups, RF_PUBLIC | RF_API, 0},
	{M_GET, "/api/v1/lists/tasks", employment_api_list_tasks, RF_PUBLIC | RF_API, 0},
	{M_GET, "/api/v1/lists/adaptations", employment_api_list_adaptations, RF_PUBLIC | RF_API, 0},
	{M_GET, "/api/v1/surveys/{survey}/rounds/{round}/report", surveys_api_report, RF_API, FIGURES},
	{M_GET, "/api/v1/matching/weights", matching_api_weights, RF_API, MATCH_SETTINGS},
	{M_PUT, "/api/v1/matching/weights", matching_api_weights_put, RF_API | RF_JSON, MATCH_SETTINGS},
	{M_POST, "/api/v1/placements", placements_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/placements", placements_api_list, RF_API | RF_PERSONAL, 0},
	{M_GET, "/api/v1/placements/{id:int}", placements_api_get, RF_API | RF_PERSONAL, 0},
	{M_PATCH, "/api/v1/placements/{id:int}", placements_api_update, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/placements/{id:int}/followups", placements_api_followup_create, RF_API | RF_JSON, 0},
	{M_PATCH, "/api/v1/placements/{id:int}/followups/{followup:int}", placements_api_followup_update,
	 RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/stats/employment", employment_api_stats, RF_PUBLIC | RF_API, 0},
	/* outreach: contacts with enterprises, leads, support plans and survival (issue 17, 1-3) */
	{M_GET, "/opsoegning/kontakter", contacts_page_list, 0, OUTREACH},
	{M_GET, "/virksomheder/{id:int}/kontakter/ny", contacts_page_new, 0, OUTREACH},
	{M_POST, "/virksomheder/{id:int}/kontakter", contacts_page_create, RF_FORM, OUTREACH},
	{M_GET, "/opsoegning/leads", leads_page_board, 0, OUTREACH},
	{M_POST, "/opsoegning/leads", leads_page_create, RF_FORM, OUTREACH},
	{M_GET, "/opsoegning/leads/ny", leads_page_new, 0, OUTREACH},
	{M_GET, "/opsoegning/leads/{id:int}", leads_page_show, 0, OUTREACH},
	{M_POST, "/opsoegning/leads/{id:int}/fase", leads_page_stage, RF_FORM, OUTREACH},
	{M_GET, "/opsoegning/planer", support_page_list, 0, OUTREACH},
	{M_GET, "/opsoegning/overlevelse", support_page_survival, 0, OUTREACH},
	{M_GET, "/virksomheder/{id:int}/plan", support_page_plan, 0, OUTREACH},
	{M_POST, "/virksomheder/{id:int}/plan", support_page_plan_post, RF_FORM, OUTREACH},
	{M_POST, "/virksomheder/{id:int}/plan/milepaele", support_page_milestone_add, RF_FORM, OUTREACH},
	{M_POST, "/virksomheder/{id:int}/plan/milepaele/{mid:int}", support_page_milestone_post, RF_FORM,
	 OUTREACH},
	{M_POST, "/api/v1/enterprises/{id:int}/contacts", contacts_api_create, RF_API | RF_JSON, OUTREACH},
	{M_GET, "/api/v1/enterprises/{id:int}/contacts", contacts_api_list, RF_API, OUTREACH},
	{M_GET, "/api/v1/leads", leads_api_list, RF_API, OUTREACH},
	{M_POST, "/api/v1/leads", leads_api_create, RF_API | RF_JSON, OUTREACH},
	{M_GET, "/api/v1/leads/{id:int}", leads_api_get, RF_API, OUTREACH},
	{M_PATCH, "/api/v1/leads/{id:int}", leads_api_update, RF_API | RF_JSON, OUTREACH},
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
