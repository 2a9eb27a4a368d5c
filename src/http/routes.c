/*
 * routes.c — the route table: every URL of Indgang, its methods, handler, flags and roles.
 * Layer: http. router_check_table() refuses to start a server whose table lets a state change
 * through without a CSRF token or an API route's authentication.
 */
#include "../auth/auth.h"
#include "../auth/auth_web.h"
#include "../collab/collab_web.h"
#include "../collab/networks_web.h"
/* strategies and goals (collab) */
#include "../collab/strategies_web.h"
/* the grant pool and funding sources (collab) */
#include "../collab/funding_web.h"
#include "../collab/pools_web.h"
/* partnership agreements (collab) */
#include "../collab/partnerships_web.h"
#include "../employment/citizens_web.h"
#include "../employment/openings_web.h"
#include "../employment/employment_web.h"
#include "../employment/matching_web.h"
#include "../employment/placements_web.h"
#include "../entry/entry_web.h"
#include "../kommune/kommune_web.h"
#include "../mail/mail_web.h"
#include "../procurement/catalogue_web.h"
/* purchasing: agreements, purchases, spend, contracts */
#include "../procurement/agreements_web.h"
#include "../procurement/contracts_web.h"
#include "../procurement/orders_web.h"
#include "../procurement/purchases_web.h"
#include "../procurement/spend_web.h"
#include "../procurement/tenders_web.h"
#include "../outreach/contacts_web.h"
#include "../outreach/leads_web.h"
#include "../outreach/support_web.h"
#include "../outreach/events_web.h"
#include "../outreach/guidance_web.h"
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
/* who keeps a catalogue somewhere (access_catalogue_write decides whose) */
#define CATALOGUE_WRITERS (ROLE_ADMIN | ROLE_KONSULENT | ROLE_VIRKSOMHED)
/* purchasing: a municipality's agreements, purchases and contracts are kept by its konsulent
 * and indkøber and read by its jobkonsulent (access_procurement); an enterprise's own account
 * reads its agreements (access_supplier) */
#define PURCH_READ (ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT | ROLE_INDKOEBER)
#define PURCH_WRITE (ROLE_ADMIN | ROLE_KONSULENT | ROLE_INDKOEBER)
/* tenders: who keeps a municipality's tenders (access_procurement decides which), and who bids */
#define TENDER_STAFF (ROLE_ADMIN | ROLE_KONSULENT | ROLE_INDKOEBER | ROLE_JOBKONSULENT)
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
	{M_GET, "/undersoegelser", surveys_page_list, 0,
	 ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT | ROLE_INDKOEBER},
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
	/* the catalogue (procurement): the public search, a product, the picture files, and an
	 * enterprise's own catalogue */
	{M_GET, "/katalog", catalogue_page_search, RF_PUBLIC, 0},
	{M_GET, "/katalog/{id:int}", catalogue_page_product, RF_PUBLIC, 0},
	{M_POST, "/katalog/{id:int}", catalogue_page_update, RF_FORM, CATALOGUE_WRITERS},
	{M_GET, "/katalog/{id:int}/rediger", catalogue_page_edit, 0, CATALOGUE_WRITERS},
	{M_POST, "/katalog/{id:int}/status", catalogue_page_status, RF_FORM, CATALOGUE_WRITERS},
	{M_POST, "/katalog/{id:int}/billeder", catalogue_page_image_upload, RF_FORM | RF_UPLOAD, CATALOGUE_WRITERS},
	{M_POST, "/katalog/billeder/{id:int}", catalogue_page_image_post, RF_FORM, CATALOGUE_WRITERS},
	{M_GET, "/katalog/billeder/{id:int}/slet", catalogue_page_image_delete_confirm, 0, CATALOGUE_WRITERS},
	{M_POST, "/katalog/billeder/{id:int}/slet", catalogue_page_image_delete, RF_FORM, CATALOGUE_WRITERS},
	{M_GET, "/billeder/{id:int}/{file}", catalogue_page_image_file, RF_PUBLIC, 0},
	{M_GET, "/virksomheder/{id:int}/katalog", catalogue_page_manage, 0, CATALOGUE_WRITERS},
	{M_POST, "/virksomheder/{id:int}/katalog", catalogue_page_create, RF_FORM, CATALOGUE_WRITERS},
	{M_GET, "/virksomheder/{id:int}/katalog/ny", catalogue_page_new, 0, CATALOGUE_WRITERS},
	/* purchasing: voluntary agreements, orders, purchases, contracts and spend (procurement/) */
	{M_GET, "/indkoeb", purchases_page_home, 0, PURCH_READ},
	{M_GET, "/indkoeb/aftaler", agreements_page_list, 0, PURCH_READ | ROLE_VIRKSOMHED},
	{M_POST, "/indkoeb/aftaler", agreements_page_create, RF_FORM, PURCH_WRITE},
	{M_GET, "/indkoeb/aftaler/ny", agreements_page_new, 0, PURCH_WRITE},
	{M_GET, "/indkoeb/aftaler/{id:int}", agreements_page_show, 0, PURCH_READ | ROLE_VIRKSOMHED},
	{M_POST, "/indkoeb/aftaler/{id:int}", agreements_page_update, RF_FORM, PURCH_WRITE},
	{M_GET, "/indkoeb/aftaler/{id:int}/rediger", agreements_page_edit, 0, PURCH_WRITE},
	{M_GET, "/indkoeb/aftaler/{id:int}/afslut", agreements_page_end, 0, PURCH_WRITE},
	{M_POST, "/indkoeb/aftaler/{id:int}/afslut", agreements_page_end, RF_FORM, PURCH_WRITE},
	{M_GET, "/indkoeb/ordrer", orders_page_list, 0, PURCH_READ},
	{M_POST, "/indkoeb/ordrer", orders_page_create, RF_FORM, PURCH_WRITE},
	{M_GET, "/indkoeb/ordrer/ny", orders_page_new, 0, PURCH_WRITE},
	{M_GET, "/indkoeb/ordrer/{id:int}", orders_page_show, 0, PURCH_READ | ROLE_VIRKSOMHED},
	{M_POST, "/indkoeb/ordrer/{id:int}/status", orders_page_status, RF_FORM, PURCH_WRITE | ROLE_VIRKSOMHED},
	{M_GET, "/virksomheder/{id:int}/ordrer", orders_page_enterprise, 0, ROLE_VIRKSOMHED},
	{M_GET, "/indkoeb/koeb", purchases_page_list, 0, PURCH_READ},
	{M_POST, "/indkoeb/koeb", purchases_page_create, RF_FORM, PURCH_WRITE},
	{M_GET, "/indkoeb/koeb/eksport", purchases_download, 0, PURCH_READ},
	{M_GET, "/indkoeb/koeb/{id:int}/slet", purchases_page_delete_confirm, 0, PURCH_WRITE},
	{M_POST, "/indkoeb/koeb/{id:int}/slet", purchases_page_delete, RF_FORM, PURCH_WRITE},
	{M_GET, "/indkoeb/kontrakter", contracts_page_list, 0, PURCH_READ},
	{M_POST, "/indkoeb/kontrakter", contracts_page_create, RF_FORM, PURCH_WRITE},
	{M_GET, "/indkoeb/kontrakter/ny", contracts_page_new, 0, PURCH_WRITE},
	{M_GET, "/indkoeb/kontrakter/{id:int}", contracts_page_show, 0, PURCH_READ},
	{M_POST, "/indkoeb/kontrakter/{id:int}", contracts_page_update, RF_FORM, PURCH_WRITE},
	{M_GET, "/indkoeb/kontrakter/{id:int}/rediger", contracts_page_edit, 0, PURCH_WRITE},
	{M_GET, "/statistik/indkoeb", spend_page_stats, RF_PUBLIC, 0},
	{M_GET, "/statistik/indkoeb/eksport", spend_download, RF_PUBLIC, 0},
	{M_POST, "/api/v1/agreements", agreements_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/agreements", agreements_api_list, RF_API, 0},
	{M_GET, "/api/v1/agreements/{id:int}", agreements_api_get, RF_API, 0},
	{M_PATCH, "/api/v1/agreements/{id:int}", agreements_api_update, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/orders", orders_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/orders", orders_api_list, RF_API, 0},
	{M_GET, "/api/v1/orders/{id:int}", orders_api_get, RF_API, 0},
	{M_PATCH, "/api/v1/orders/{id:int}", orders_api_status, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/purchases", purchases_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/purchases", purchases_api_list, RF_API, 0},
	{M_DELETE, "/api/v1/purchases/{id:int}", purchases_api_delete, RF_API, 0},
	{M_GET, "/api/v1/stats/spend", spend_api_stats, RF_PUBLIC | RF_API, 0},
	{M_POST, "/api/v1/contracts", contracts_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/contracts", contracts_api_list, RF_API, 0},
	{M_GET, "/api/v1/contracts/{id:int}", contracts_api_get, RF_API, 0},
	/* tenders (udbud): public list, tender and feed; the staff's forms; an enterprise's bid */
	{M_GET, "/udbud", tenders_page_list, RF_PUBLIC, 0},
	{M_POST, "/udbud", tenders_page_create, RF_FORM, TENDER_STAFF},
	{M_GET, "/udbud/ny", tenders_page_new, 0, TENDER_STAFF},
	{M_GET, "/udbud/feed.xml", tenders_page_feed, RF_PUBLIC, 0},
	{M_GET, "/udbud/{id:int}", tenders_page_show, RF_PUBLIC, 0},
	{M_POST, "/udbud/{id:int}", tenders_page_update, RF_FORM, TENDER_STAFF},
	{M_GET, "/udbud/{id:int}/rediger", tenders_page_edit, 0, TENDER_STAFF},
	{M_POST, "/udbud/{id:int}/offentliggoer", tenders_page_publish, RF_FORM, TENDER_STAFF},
	{M_GET, "/udbud/{id:int}/annuller", tenders_page_cancel_confirm, 0, TENDER_STAFF},
	{M_POST, "/udbud/{id:int}/annuller", tenders_page_cancel, RF_FORM, TENDER_STAFF},
	{M_POST, "/udbud/{id:int}/spoergsmaal", tenders_page_ask, RF_FORM, ROLE_VIRKSOMHED},
	{M_POST, "/udbud/{id:int}/spoergsmaal/{question:int}", tenders_page_answer, RF_FORM, TENDER_STAFF},
	{M_POST, "/udbud/{id:int}/interesse", tenders_page_interest, RF_FORM, ROLE_VIRKSOMHED},
	{M_POST, "/udbud/{id:int}/bud", bids_page_submit, RF_FORM, ROLE_VIRKSOMHED},
	{M_POST, "/udbud/{id:int}/vurdering", bids_page_score, RF_FORM, TENDER_STAFF},
	{M_POST, "/udbud/{id:int}/tildeling", bids_page_award, RF_FORM, TENDER_STAFF},
	{M_GET, "/udbud/{id:int}/beslutning", bids_page_decision, RF_PUBLIC, 0},
	{M_GET, "/udbud/{id:int}/beslutning.xlsx", bids_download_decision, RF_PUBLIC, 0},
	{M_POST, "/bud/{id:int}/dokumenter", bids_page_upload, RF_FORM | RF_UPLOAD, ROLE_VIRKSOMHED},
	{M_GET, "/bud/{id:int}/dokumenter/{doc:int}", bids_page_document, 0, 0},
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
	/* the catalogue's API */
	{M_GET, "/api/v1/catalogue", catalogue_api_search, RF_PUBLIC | RF_API, 0},
	{M_POST, "/api/v1/enterprises/{id:int}/products", catalogue_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/products/{id:int}", catalogue_api_get, RF_PUBLIC | RF_API, 0},
	{M_PATCH, "/api/v1/products/{id:int}", catalogue_api_update, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/products/{id:int}/images", catalogue_api_image_add, RF_API | RF_UPLOAD, 0},
	{M_PATCH, "/api/v1/images/{id:int}", catalogue_api_image_update, RF_API | RF_JSON, 0},
	{M_DELETE, "/api/v1/images/{id:int}", catalogue_api_image_delete, RF_API, 0},
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
	/* tenders (udbud) and bids */
	{M_GET, "/api/v1/tenders", tenders_api_list, RF_PUBLIC | RF_API, 0},
	{M_POST, "/api/v1/tenders", tenders_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/tenders/{id:int}", tenders_api_get, RF_PUBLIC | RF_API, 0},
	{M_PATCH, "/api/v1/tenders/{id:int}", tenders_api_update, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/tenders/{id:int}/publish", tenders_api_publish, RF_API, 0},
	{M_POST, "/api/v1/tenders/{id:int}/cancel", tenders_api_cancel, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/tenders/{id:int}/questions", tenders_api_questions, RF_PUBLIC | RF_API, 0},
	{M_POST, "/api/v1/tenders/{id:int}/questions", tenders_api_ask, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/tenders/{id:int}/questions/{question:int}", tenders_api_answer, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/tenders/{id:int}/bids", bids_api_submit, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/tenders/{id:int}/bids", bids_api_list, RF_API, 0},
	{M_POST, "/api/v1/tenders/{id:int}/scores", bids_api_scores, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/tenders/{id:int}/result", bids_api_result, RF_PUBLIC | RF_API, 0},
	{M_POST, "/api/v1/tenders/{id:int}/award", bids_api_award, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/bids/{id:int}/documents", bids_api_document, RF_API | RF_UPLOAD, 0},
	/* networks and meetings (collab): a municipality's staff and the administrator; who may
	 * read and write which network is access_collaboration's. The feed is reached with its
	 * secret token, without signing in; Tabel 8's figures are public as counts. */
#define NETWORK_STAFF (ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT | ROLE_INDKOEBER)
	{M_GET, "/samarbejde", collab_page_hub, 0, NETWORK_STAFF},
	{M_GET, "/netvaerk", networks_page_list, 0, NETWORK_STAFF},
	{M_POST, "/netvaerk", networks_page_create, RF_FORM, NETWORK_STAFF},
	{M_GET, "/netvaerk/ny", networks_page_new, 0, NETWORK_STAFF},
	{M_GET, "/netvaerk/{id:int}", networks_page_show, 0, NETWORK_STAFF},
	{M_POST, "/netvaerk/{id:int}", networks_page_post, RF_FORM, NETWORK_STAFF},
	{M_GET, "/netvaerk/{id:int}/kalender.ics", networks_page_feed, RF_PUBLIC, 0},
	{M_GET, "/netvaerk/{id:int}/moeder/{mid:int}", meetings_page_show, 0, NETWORK_STAFF},
	{M_POST, "/netvaerk/{id:int}/moeder/{mid:int}", meetings_page_post, RF_FORM, NETWORK_STAFF},
	{M_GET, "/statistik/netvaerk", networks_page_stats, RF_PUBLIC, 0},
	{M_GET, "/statistik/netvaerk/eksport", networks_download_stats, RF_PUBLIC, 0},
	{M_GET, "/api/v1/networks", networks_api_list, RF_API, 0},
	{M_POST, "/api/v1/networks", networks_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/networks/{id:int}", networks_api_get, RF_API, 0},
	{M_PATCH, "/api/v1/networks/{id:int}", networks_api_update, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/networks/{id:int}/token", networks_api_token, RF_API, 0},
	{M_GET, "/api/v1/networks/{id:int}/members", networks_api_members, RF_API, 0},
	{M_POST, "/api/v1/networks/{id:int}/members", networks_api_member_add, RF_API | RF_JSON, 0},
	{M_DELETE, "/api/v1/networks/{id:int}/members/{member:int}", networks_api_member_remove, RF_API, 0},
	{M_GET, "/api/v1/networks/{id:int}/meetings", meetings_api_list, RF_API, 0},
	{M_POST, "/api/v1/networks/{id:int}/meetings", meetings_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/meetings/{id:int}", meetings_api_get, RF_API, 0},
	{M_PATCH, "/api/v1/meetings/{id:int}", meetings_api_update, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/meetings/{id:int}/attendance", meetings_api_attendance, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/meetings/{id:int}/actions", meetings_api_action_add, RF_API | RF_JSON, 0},
	{M_PATCH, "/api/v1/meetings/{id:int}/actions/{action:int}", meetings_api_action_update, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/stats/networks", networks_api_stats, RF_PUBLIC | RF_API, 0},
	/* the grant pool (collab): national; the administrator keeps it, every municipality's
	 * staff reads it and sees its own rows, a konsulent or jobkonsulent applies and reports
	 * (pools.h asks access_collaboration) */
#define POOL_STAFF (ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT | ROLE_INDKOEBER)
	{M_GET, "/puljer", pools_page_list, 0, POOL_STAFF},
	{M_POST, "/puljer", pools_page_create, RF_FORM, ROLE_ADMIN},
	{M_GET, "/puljer/ny", pools_page_new, 0, ROLE_ADMIN},
	{M_GET, "/puljer/{id:int}", pools_page_show, 0, POOL_STAFF},
	{M_POST, "/puljer/{id:int}", pools_page_post, RF_FORM, POOL_STAFF},
	{M_GET, "/puljer/{id:int}/rapport", pools_page_report, 0, POOL_STAFF},
	{M_GET, "/api/v1/pools", pools_api_list, RF_API, 0},
	{M_POST, "/api/v1/pools", pools_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/pools/{id:int}", pools_api_get, RF_API, 0},
	{M_POST, "/api/v1/pools/{id:int}/applications", pools_api_apply, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/pools/{id:int}/grants", pools_api_grant, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/pools/{id:int}/payments", pools_api_pay, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/pools/{id:int}/spend", pools_api_spend, RF_API | RF_JSON, 0},
	/* funding sources (collab): public sources for anyone, the rest for the staff of their
	 * municipality (national ones for all staff); kept by a konsulent or jobkonsulent (their
	 * municipality's) and the administrator (funding.h asks access_collaboration); suggested on
	 * an inquiry of topic funding by who may work on the case (access_inquiry) */
	{M_GET, "/finansiering", funding_page_list, RF_PUBLIC, 0},
	{M_POST, "/finansiering", funding_page_create, RF_FORM, POOL_STAFF},
	{M_GET, "/finansiering/eksport", funding_download, RF_PUBLIC, 0},
	{M_GET, "/finansiering/ny", funding_page_new, 0, POOL_STAFF},
	{M_GET, "/finansiering/{id:int}/rediger", funding_page_edit, 0, POOL_STAFF},
	{M_POST, "/finansiering/{id:int}", funding_page_update, RF_FORM, POOL_STAFF},
	{M_GET, "/finansiering/{id:int}/slet", funding_page_delete_confirm, 0, POOL_STAFF},
	{M_POST, "/finansiering/{id:int}/slet", funding_page_delete, RF_FORM, POOL_STAFF},
	{M_POST, "/sager/{id:int}/finansiering", funding_page_case_post, RF_FORM, 0},
	{M_GET, "/api/v1/funding", funding_api_list, RF_PUBLIC | RF_API, 0},
	{M_POST, "/api/v1/funding", funding_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/funding/{id:int}", funding_api_get, RF_PUBLIC | RF_API, 0},
	{M_PATCH, "/api/v1/funding/{id:int}", funding_api_update, RF_API | RF_JSON, 0},
	{M_DELETE, "/api/v1/funding/{id:int}", funding_api_delete, RF_API, 0},
	{M_POST, "/api/v1/inquiries/{id:int}/funding", funding_api_suggest, RF_API | RF_JSON, 0},
	{M_DELETE, "/api/v1/inquiries/{id:int}/funding/{source:int}", funding_api_unsuggest, RF_API, 0},
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
	/* ---- events (arrangementer): public pages and sign-up for public events; staff keep them
	 * (access_collaboration decides where) */
	{M_GET, "/arrangementer", events_page_list, RF_PUBLIC, 0},
	{M_POST, "/arrangementer", events_page_create, RF_FORM, ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT},
	{M_GET, "/arrangementer/ny", events_page_new, 0, ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT},
	{M_GET, "/arrangementer/{id:int}", events_page_show, RF_PUBLIC, 0},
	{M_POST, "/arrangementer/{id:int}", events_page_update, RF_FORM, ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT},
	{M_GET, "/arrangementer/{id:int}/rediger", events_page_edit, 0, ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT},
	{M_POST, "/arrangementer/{id:int}/tilmeld", events_page_signup, RF_PUBLIC | RF_FORM, 0},
	{M_GET, "/arrangementer/{id:int}/aflys", events_page_cancel_confirm, 0, ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT},
	{M_POST, "/arrangementer/{id:int}/aflys", events_page_cancel, RF_FORM, ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT},
	{M_POST, "/arrangementer/{id:int}/fremmoede", events_page_attendance, RF_FORM, ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT},
	{M_GET, "/arrangementer/{id:int}/tilmeldte/{signup:int}/slet", events_page_signup_remove_confirm, 0,
	 ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT},
	{M_POST, "/arrangementer/{id:int}/tilmeldte/{signup:int}/slet", events_page_signup_remove, RF_FORM,
	 ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT},
	{M_GET, "/arrangementer/{id:int}/tilmeldte.csv", events_page_csv, 0,
	 ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT | ROLE_INDKOEBER},
	{M_GET, "/arrangementer/{id:int}/kalender.ics", events_page_ics, RF_PUBLIC, 0},
	{M_GET, "/arrangementer/{id:int}/afmeld", events_page_unsubscribe, RF_PUBLIC, 0},
	{M_POST, "/arrangementer/{id:int}/afmeld", events_page_unsubscribe_post, RF_PUBLIC | RF_FORM, 0},
	{M_GET, "/api/v1/events", events_api_list, RF_PUBLIC | RF_API, 0},
	{M_POST, "/api/v1/events", events_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/events/{id:int}", events_api_get, RF_PUBLIC | RF_API, 0},
	{M_PATCH, "/api/v1/events/{id:int}", events_api_update, RF_API | RF_JSON, 0},
	{M_DELETE, "/api/v1/events/{id:int}", events_api_cancel, RF_API, 0},
	{M_POST, "/api/v1/events/{id:int}/signups", events_api_signup, RF_PUBLIC | RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/events/{id:int}/signups", events_api_signups, RF_API, 0},
	{M_DELETE, "/api/v1/events/{id:int}/signups/{signup:int}", events_api_signup_cancel, RF_PUBLIC | RF_API, 0},
	{M_PATCH, "/api/v1/events/{id:int}/signups/{signup:int}", events_api_attendance, RF_API | RF_JSON, 0},
	/* ---- end of events */
	/* ---- the guidance library (vejledning): the municipality's staff (access_collaboration) */
	{M_GET, "/vejledning", guidance_page_list, 0, 0},
	{M_POST, "/vejledning", guidance_page_create, RF_FORM | RF_UPLOAD, 0},
	{M_GET, "/vejledning/ny", guidance_page_new, 0, 0},
	{M_GET, "/vejledning/eksport.csv", guidance_page_csv, 0, 0},
	{M_GET, "/vejledning/{id:int}", guidance_page_show, 0, 0},
	{M_POST, "/vejledning/{id:int}", guidance_page_update, RF_FORM, 0},
	{M_GET, "/vejledning/{id:int}/rediger", guidance_page_edit, 0, 0},
	{M_GET, "/vejledning/{id:int}/fil", guidance_page_file, 0, 0},
	{M_GET, "/vejledning/{id:int}/slet", guidance_page_delete_confirm, 0, 0},
	{M_POST, "/vejledning/{id:int}/slet", guidance_page_delete, RF_FORM, 0},
	{M_GET, "/api/v1/guidance", guidance_api_list, RF_API, 0},
	{M_POST, "/api/v1/guidance", guidance_api_create, RF_API | RF_UPLOAD, 0},
	{M_GET, "/api/v1/guidance/{id:int}", guidance_api_get, RF_API, 0},
	{M_PATCH, "/api/v1/guidance/{id:int}", guidance_api_update, RF_API | RF_JSON, 0},
	{M_DELETE, "/api/v1/guidance/{id:int}", guidance_api_delete, RF_API, 0},
	{M_GET, "/api/v1/guidance/{id:int}/file", guidance_api_file, RF_API, 0},
	/* ---- end of the guidance library */
	/* ---- strategies with live goals (strategier): public ones are read by everybody; the
	 * municipality's konsulent and jobkonsulent keep them (access_collaboration decides which),
	 * its indkøber reads them */
#define STRATEGY_WRITERS (ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT)
	{M_GET, "/strategier", strategies_page_list, RF_PUBLIC, 0},
	{M_POST, "/strategier", strategies_page_create, RF_FORM, STRATEGY_WRITERS},
	{M_GET, "/strategier/ny", strategies_page_new, 0, STRATEGY_WRITERS},
	{M_GET, "/strategier/eksport", strategies_page_export, RF_PUBLIC, 0},
	{M_GET, "/strategier/{id:int}", strategies_page_show, RF_PUBLIC, 0},
	{M_POST, "/strategier/{id:int}", strategies_page_post, RF_FORM, STRATEGY_WRITERS},
	{M_POST, "/strategier/{id:int}/dokument", strategies_page_document_post, RF_FORM | RF_UPLOAD, STRATEGY_WRITERS},
	{M_GET, "/strategier/{id:int}/dokument.pdf", strategies_page_document, RF_PUBLIC, 0},
	{M_GET, "/strategier/{id:int}/rapport", strategies_page_report, RF_PUBLIC, 0},
	{M_GET, "/strategier/{id:int}/rapport.xlsx", strategies_page_report_xlsx, RF_PUBLIC, 0},
	{M_GET, "/api/v1/strategies", strategies_api_list, RF_PUBLIC | RF_API, 0},
	{M_POST, "/api/v1/strategies", strategies_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/strategies/{id:int}", strategies_api_get, RF_PUBLIC | RF_API, 0},
	{M_PATCH, "/api/v1/strategies/{id:int}", strategies_api_update, RF_API | RF_JSON, 0},
	{M_DELETE, "/api/v1/strategies/{id:int}", strategies_api_delete, RF_API, 0},
	{M_PUT, "/api/v1/strategies/{id:int}/document", strategies_api_document, RF_API | RF_UPLOAD, 0},
	{M_POST, "/api/v1/strategies/{id:int}/goals", strategies_api_goal_add, RF_API | RF_JSON, 0},
	{M_PATCH, "/api/v1/strategies/{id:int}/goals/{goal:int}", strategies_api_goal_update, RF_API | RF_JSON, 0},
	{M_DELETE, "/api/v1/strategies/{id:int}/goals/{goal:int}", strategies_api_goal_delete, RF_API, 0},
	{M_GET, "/api/v1/goals/{id:int}/values", strategies_api_values, RF_PUBLIC | RF_API, 0},
	{M_POST, "/api/v1/goals/{id:int}/values", strategies_api_value_add, RF_API | RF_JSON, 0},
	/* ---- end of strategies */
	/* ---- partnership agreements (collab): the municipality's staff and the administrator
	 * (access_collaboration decides who reads and writes which); a public agreement's page, PDF
	 * and JSON are open to anyone, the list API shows the public ones to everyone else */
#define PSHIP_STAFF (ROLE_ADMIN | ROLE_KONSULENT | ROLE_JOBKONSULENT | ROLE_INDKOEBER)
	{M_GET, "/partnerskaber", partnerships_page_list, RF_PUBLIC, 0},
	{M_POST, "/partnerskaber", partnerships_page_create, RF_FORM, PSHIP_STAFF},
	{M_GET, "/partnerskaber/ny", partnerships_page_new, 0, PSHIP_STAFF},
	{M_GET, "/partnerskaber/eksport", partnerships_download_list, RF_PUBLIC, 0},
	{M_GET, "/partnerskaber/{id:int}", partnerships_page_show, RF_PUBLIC, 0},
	{M_POST, "/partnerskaber/{id:int}", partnerships_page_post, RF_FORM, PSHIP_STAFF},
	{M_POST, "/partnerskaber/{id:int}/aftale", partnerships_page_upload, RF_FORM | RF_UPLOAD, PSHIP_STAFF},
	{M_GET, "/partnerskaber/{id:int}/aftale.pdf", partnerships_page_document, RF_PUBLIC, 0},
	{M_GET, "/api/v1/partnerships", partnerships_api_list, RF_PUBLIC | RF_API, 0},
	{M_POST, "/api/v1/partnerships", partnerships_api_create, RF_API | RF_JSON, 0},
	{M_GET, "/api/v1/partnerships/{id:int}", partnerships_api_get, RF_PUBLIC | RF_API, 0},
	{M_PATCH, "/api/v1/partnerships/{id:int}", partnerships_api_update, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/partnerships/{id:int}/parties", partnerships_api_party_add, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/partnerships/{id:int}/members", partnerships_api_member_add, RF_API | RF_JSON, 0},
	{M_POST, "/api/v1/partnerships/{id:int}/actions", partnerships_api_action_add, RF_API | RF_JSON, 0},
	{M_PATCH, "/api/v1/partnerships/{id:int}/actions/{action:int}", partnerships_api_action_update, RF_API | RF_JSON, 0},
	{M_DELETE, "/api/v1/partnerships/{id:int}/actions/{action:int}", partnerships_api_action_delete, RF_API, 0},
	{M_PUT, "/api/v1/partnerships/{id:int}/document", partnerships_api_document_put, RF_API | RF_UPLOAD, 0},
	{M_GET, "/api/v1/partnerships/{id:int}/document", partnerships_api_document_get, RF_PUBLIC | RF_API, 0},
	/* ---- end of partnership agreements */
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
