#!/usr/bin/env python3
"""Writes data/demo/enterprises.csv, the registry's demo data, from the 2015 report's tables
(shared/data/report-2015/tabel1.csv and bilag1.csv).

Each row's `source` column says where it comes from:
  report-2015  an enterprise named in Bilag 1 of the report
  filler       a placeholder where the report gives a count but no name
  invented     an ordinary company (kind `company`), made up to show the employment stories of
               chapter 4 (Silkeborg's Inhouse model, fleksjob in Slagelse and Kolding); its name
               begins with "Eksempel" so that nobody takes it for a real one
Every other row is a social-economy enterprise (kind `soev`); the companies never count in
Tabel 1, Tabel 2 or Bilag 1, so they leave the report's figures as they are.
The report publishes counts per municipality, not which enterprise is registered, when each was
established or where it came from: those dates, origins, services and target groups are
synthetic, chosen so that the statistics for 2015 restricted to the report's 17 municipalities
reproduce Tabel 1 exactly. The output is committed; run this again only when the rules change:
  python3 tools/make-demo-registry.py ../shared/data/report-2015 > data/demo/enterprises.csv
"""
import csv
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/report-2015"
tabel1 = list(csv.DictReader(open(f"{src}/tabel1.csv", encoding="utf-8")))
bilag1 = list(csv.DictReader(open(f"{src}/bilag1.csv", encoding="utf-8")))

# enterprises named by several municipalities get one home; the others work with it
HOME = {"boas specialister aps": "740", "virksomhedsporten": "621", "borups pakkeri": "621"}
# Grennessminde: "not located in Albertslund" (Bilag 1); it is in Høje-Taastrup
OUTSIDE = {"grennessminde": "169"}
SERVICES = {
    "Soul Café": "cafe", "No. 29 Coffee & Print": "cafe|design", "Skovsgaard Hotel": "hotel|kantine",
    "Hjortdal Købmandshandel A.M.B.A.": "koebmand", "Re-cykel ApS": "genbrug|transport",
    "BuddhaBikes": "transport|genbrug", "Fiora Haveterapi": "haveservice|omsorg",
    "DUKAN IT": "it", "Glad Design": "design", "Salling genbyg": "genbrug|haandvaerk",
    "Borups Pakkeri": "pakning", "fødevarerBanken": "fodevarer", "Dyrk Vejle": "fodevarer|haveservice",
    "Sct. Hans Have": "haveservice|fodevarer|cafe", "Æblespecialisterne ApS": "it|raadgivning",
    "Updesign ApS": "design", "Handi Boat Ivs": "kultur", "Kunstgruppen": "kultur|design",
    "VeteranHaven": "haveservice", "Markkloppen": "genbrug", "Tybjerglille brugs": "koebmand",
    "Bistad": "fodevarer", "Feast": "kantine", "Handigood": "genbrug|tekstil",
}
TARGETS = ["fleksjob", "udsatte_ledige", "handicap", "unge", "ressourceforloeb",
           "psykisk_saarbare", "flygtninge"]
ORIGINS = ["social_entrepreneur", "company_spinoff", "existing", "existing_outside",
           "association", "kommune_spinoff"]
# Bilag 1's notes, in the user interface's language
NOTES = {
    "ApS": "Navnet er afskåret i rapporten; kun 'ApS' står tilbage.",
    "Grennessminde": "Ligger ikke i Albertslund, men Albertslund samarbejder med den (rapportens bilag 1).",
    "Stiftelsen Købmandsgården": "Rapportens liste skriver 'Stiftelsen, Købmandsgården'; afsnit 4.2.2 nævner "
                                 "'Stiftelsen Købmandsgaarden' som part.",
}
LEGAL = {"aps": "aps", "ivs": "ivs", "s.m.b.a.": "smba", "a.m.b.a.": "amba", "fonden": "fond",
         "stiftelsen": "selvejende"}


def legal_form(name):
    low = name.lower()
    for suffix, key in LEGAL.items():
        if low.endswith(" " + suffix) or low == suffix or low.startswith(suffix + " "):
            return key
    return ""


# collect the home municipality and the collaborating ones of every named enterprise
named = {}   # key -> dict(name, home, others, note)
order = []
for row in bilag1:
    name = row["virksomhed"].strip()
    if not name:
        continue
    key = name.lower()
    if key in named:
        named[key]["others"].add(row["kode"])
        continue
    home = OUTSIDE.get(key) or HOME.get(key) or row["kode"]
    others = set() if home == row["kode"] else {row["kode"]}
    named[key] = {"name": name, "home": home, "others": others, "note": row["note"]}
    order.append(key)
for key in order:
    e = named[key]
    e["others"].discard(e["home"])

out = csv.writer(sys.stdout, lineterminator="\r\n")
out.writerow(["name", "cvr", "kommune", "kind", "pipeline_since", "established", "rsv_registered",
              "closed", "legal_form", "origin", "purposes", "criteria", "services",
              "target_groups", "other_kommuner", "description", "source"])
counter = 0


def emit(name, kode, dates, source, others=(), note=""):
    global counter
    counter += 1
    pipeline, est, rsv, closed = dates
    crit = "purpose|sells|reinvests|independent" if est else "purpose"
    desc = NOTES.get(name, "") if note else ""
    if source == "filler":
        desc = "Pladsholder: rapporten oplyser antallet, men ikke navnet."
    out.writerow([name, "", kode, "soev", pipeline, est, rsv, closed, legal_form(name),
                  ORIGINS[counter % len(ORIGINS)], "social", crit,
                  SERVICES.get(name, ""), TARGETS[counter % len(TARGETS)] +
                  ("|" + TARGETS[(counter + 3) % len(TARGETS)] if counter % 2 else ""),
                  "|".join(sorted(others)), desc, source])


for t in tabel1:
    kode, navn = t["kode"], t["kommune"]
    total, reg = int(t["antal_i_alt"]), int(t["antal_registrerede"])
    est2015, pipe = int(t["etableret_i_2015"]), int(t["vurderes_paa_vej"])
    closed_n = max(0, est2015 - total)   # established and closed within 2015
    active_2015 = est2015 - closed_n    # of the active ones, established in 2015
    slots = []
    for i in range(total):
        year = 2015 if i < active_2015 else 2012 + i % 3
        est = f"{year}-{1 + (i * 5) % 12:02d}-{1 + (i * 7) % 28:02d}"
        rsv = f"2015-{2 + i % 10:02d}-15" if i < reg else ""
        if rsv and rsv < est:
            rsv = f"2015-12-{10 + i % 10:02d}"
        slots.append((f"{year - 1}-09-01", est, rsv, ""))
    for i in range(pipe):
        # every third one was established in the following year: history, not counted for 2015
        slots.append((f"2015-{3 + i % 9:02d}-01", "2016-03-01" if i % 3 == 2 else "", "", ""))
    for i in range(closed_n):
        slots.append(("2014-11-01", "2015-02-01", "", "2015-10-31"))
    names = [named[k] for k in order if named[k]["home"] == kode]
    if len(names) > len(slots):
        sys.exit(f"{navn}: {len(names)} named enterprises but only {len(slots)} counted")
    for i, dates in enumerate(slots):
        if i < len(names):
            e = names[i]
            emit(e["name"], kode, dates, "report-2015", e["others"], e["note"])
        else:
            emit(f"Pladsholder {navn} {i + 1 - len(names)}", kode, dates, "filler")

# named enterprises whose home is outside the 17 (counted there, not in the report's table)
seventeen = {t["kode"] for t in tabel1}
for key in order:
    e = named[key]
    if e["home"] not in seventeen:
        emit(e["name"], e["home"], ("2010-01-01", "2011-01-01", "", ""), "report-2015",
             e["others"], e["note"])

# ordinary companies that work with the municipality on jobs (made up; see the top)
COMPANIES = [
    ("Eksempel Emballage A/S", "740", "1978-05-01", "as", "pakning", "handicap|psykisk_saarbare",
     "Har efter Inhouse-modellen en gruppe borgere med autisme på lageret, med egen holdleder "
     "og faste opgaver."),
    ("Eksempel Maskinfabrik A/S", "740", "1965-09-01", "as", "haandvaerk|pakning",
     "udsatte_ledige|fleksjob",
     "Tager en Inhouse-gruppe på seks borgere i montageafdelingen og ansætter nogle af dem i "
     "fleksjob bagefter."),
    ("Eksempel Supermarked Silkeborg ApS", "740", "2003-02-01", "aps", "koebmand", "unge|flygtninge",
     "CSR-partner: tager borgere i virksomhedspraktik i butikken og har en Inhouse-gruppe, der "
     "fylder varer op om morgenen."),
    ("Eksempel Kantinedrift ApS", "330", "2009-08-01", "aps", "kantine|rengoering", "fleksjob",
     "Driver kantiner på virksomheder i Slagelse med flere ansatte i fleksjob og gør rent om "
     "eftermiddagen, så arbejdet passer til korte arbejdsdage."),
    ("Eksempel Logistik A/S", "621", "1994-03-01", "as", "transport|pakning",
     "fleksjob|ressourceforloeb",
     "Ansætter borgere i fleksjob på lageret og tager borgere i ressourceforløb i praktik."),
]
for name, kode, est, form, services, targets, desc in COMPANIES:
    out.writerow([name, "", kode, "company", "", est, "", "", form, "", "", "", services, targets,
                  "", "Opdigtet virksomhed (demodata). " + desc, "invented"])
