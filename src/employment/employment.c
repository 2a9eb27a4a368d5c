/*
 * employment.c — the fixed lists of the employment capability and its managed lists.
 */
#include "employment.h"

#include <string.h>

#include "../registry/registry.h"
#include "employment_store.h"

const struct employment_flag employment_schemes[SCHEME_COUNT] = {
	{SCHEME_ORDINAER, "ordinaer", "Ordinært job"},
	{SCHEME_FLEKSJOB, "fleksjob", "Fleksjob"},
	{SCHEME_RESSOURCEFORLOEB, "ressourceforloeb", "Ressourceforløb"},
	{SCHEME_PRAKTIK, "praktik", "Virksomhedspraktik"},
	{SCHEME_LOENTILSKUD, "loentilskud", "Løntilskud"},
};

const struct employment_flag employment_times[TIME_COUNT] = {
	{TIME_MORGEN, "morgen", "Morgen"},
	{TIME_DAG, "dag", "Dag"},
	{TIME_EFTERMIDDAG, "eftermiddag", "Eftermiddag"},
	{TIME_AFTEN, "aften", "Aften"},
	{TIME_FLEKSIBEL, "fleksibel", "Fleksibel"},
};

const struct option_kv employment_travels[] = {
	{"kommune", "Egen kommune"},
	{"region", "Egen region"},
	{"alle", "Hele landet"},
};
const int employment_travels_count = sizeof(employment_travels) / sizeof(employment_travels[0]);

const struct option_kv employment_outcomes[] = {
	{"ordinaert_job", "Ordinært job"},
	{"fleksjob", "Fleksjob"},
	{"uddannelse", "Uddannelse"},
	{"andet_forloeb", "Andet forløb"},
	{"afbrudt", "Afbrudt"},
	{"ingen", "Ingen afklaring"},
};
const int employment_outcomes_count = sizeof(employment_outcomes) / sizeof(employment_outcomes[0]);

const struct option_kv employment_purposes[] = {
	{"matching", "Matchning med job og pladser"},
	{"opfoelgning", "Opfølgning på forløb"},
	{"visitation", "Visitation"},
	{"aktindsigt", "Aktindsigt"},
	{"ajourfoering", "Ajourføring af oplysninger"},
};
const int employment_purposes_count = sizeof(employment_purposes) / sizeof(employment_purposes[0]);

int employment_flag_parse(const struct employment_flag *list, int n, const char *key)
{
	for (int i = 0; key && i < n; i++)
		if (strcmp(list[i].key, key) == 0)
			return list[i].bit;
	return 0;
}

const char *employment_flag_key(const struct employment_flag *list, int n, int bit)
{
	for (int i = 0; i < n; i++)
		if (list[i].bit == bit)
			return list[i].key;
	return NULL;
}

const char *employment_flag_label(const struct employment_flag *list, int n, int bit)
{
	for (int i = 0; i < n; i++)
		if (list[i].bit == bit)
			return list[i].label;
	return NULL;
}

int employment_list(struct db *db, struct arena *a, bool adaptations, struct option_kv **opts,
                    int *n)
{
	return employment_store_list(db, a, adaptations, opts, n);
}
