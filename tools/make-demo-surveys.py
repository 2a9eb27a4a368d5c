#!/usr/bin/env python3
"""Writes the 2015 survey behind the report's chapter 3 as shipped content, and its demo answers:
  data/surveys/soev-2015.json                        the questionnaire (Tabel 2 to 15)
  data/demo/survey-soev-2015-november-2015.csv       answers of the 17 municipalities, November 2015
  data/demo/survey-soev-2015-projektstart.csv        answers at the project's start (Tabel 12 only)
from shared/data/report-2015/survey-tables.json, tabel1.csv and Tabel 15 of the report's text.

The report publishes counts, not which municipality gave which answer: the assignment of scale
answers to municipalities here is synthetic (each option's count is handed out in turn, so every
count of Tabel 2 to 14 is reproduced exactly). The free-text answers of Tabel 15 are the report's
own, under their municipalities. The output is committed; run this only when the rules change:
  python3 tools/make-demo-surveys.py ../shared
"""
import csv
import json
import re
import sys

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
tables = json.load(open(f"{shared}/data/report-2015/survey-tables.json", encoding="utf-8"))["tables"]
kommuner = [(r["kode"], r["kommune"]) for r in csv.DictReader(open(f"{shared}/data/report-2015/tabel1.csv", encoding="utf-8"))]
codes = sorted(k for k, _ in kommuner)
by_name = {n: k for k, n in kommuner}

# Tabel 15 from the report's text: "Kommune<TAB>text" lines between its title and chapter 4; a
# page break splits Næstved's answer ("Kommuner<TAB>Forankring" repeated, then the rest)
text = open(f"{shared}/seed/erfaringsopsamling-2015.txt", encoding="utf-8").read()
part = text.split("Tabel 15. Forankring i de 17 kommuner. Projektlederens besvarelser", 1)[1]
part = part.split("\n4 Artikler", 1)[0]
t15 = {}
last = None
for line in part.splitlines():
    if not line.strip() or line.startswith("Kommuner\tForankring"):
        continue
    name, _, answer = line.partition("\t")
    if name in by_name:
        last = by_name[name]
        t15[last] = answer.strip()
    elif name == "" and last:
        t15[last] += " " + answer.strip()
if len(t15) != 17:
    sys.exit(f"Tabel 15: found {len(t15)} municipalities, want 17")

questions = []
for t in tables:
    n = int(t["table"].split()[1])
    q = {"code": f"t{n}", "text": t["question"], "type": t["type"], "required": True,
         "options": [{"key": str(i + 1), "label": label} for i, label in enumerate(t["options"])]}
    if t["type"] == "matrix":
        q["items"] = [{"key": "abcdefgh"[i], "label": it["label"]} for i, it in enumerate(t["items"])]
    if t["type"] == "multi":
        q["help"] = "Sæt gerne flere krydser."
    questions.append(q)
questions.append({"code": "t15", "type": "text", "required": False,
                  "text": "Forankring: hvordan fortsætter indsatsen efter projektperioden?",
                  "help": "Projektlederens besvarelse, som i rapportens tabel 15."})
definition = {"code": "soev-2015",
              "title": "Kommunernes samarbejde med socialøkonomiske virksomheder 2015",
              "questions": questions}
with open("data/surveys/soev-2015.json", "w", encoding="utf-8") as f:
    json.dump(definition, f, ensure_ascii=False, indent=1)
    f.write("\n")


def hand_out(counts, start=0):
    """one option per municipality: option i to counts[i] municipalities, in turn"""
    keys = []
    for i, c in enumerate(counts):
        keys += [str(i + 1)] * c
    if len(keys) != len(codes):
        sys.exit(f"counts {counts} do not add up to {len(codes)}")
    # rotate so that different questions give different municipalities different answers
    keys = keys[start:] + keys[:start]
    return dict(zip(codes, keys))


def columns():
    cols = ["kommune"]
    for q in questions:
        if q["type"] == "matrix":
            cols += [f"{q['code']}.{it['key']}" for it in q["items"]]
        elif q["type"] == "multi":
            cols += [f"{q['code']}.{o['key']}" for o in q["options"]]
        else:
            cols.append(q["code"])
    return cols


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(columns())
        for k in codes:
            w.writerow([k] + [rows[k].get(c, "") for c in columns()[1:]])


nov = {k: {} for k in codes}
start = {k: {} for k in codes}
for qi, t in enumerate(tables):
    code = f"t{int(t['table'].split()[1])}"
    if t["type"] == "single":
        counts = t["counts"] if "counts" in t else t["rounds"][1]["counts"]
        for k, v in hand_out(counts, qi * 5 % 17).items():
            nov[k][code] = v
        if "rounds" in t:
            for k, v in hand_out(t["rounds"][0]["counts"], qi * 5 % 17).items():
                start[k][code] = v
    elif t["type"] == "matrix":
        for ii, it in enumerate(t["items"]):
            for k, v in hand_out(it["counts"], (qi + ii * 3) % 17).items():
                nov[k][f"{code}.{'abcdefgh'[ii]}"] = v
    elif t["type"] == "multi":
        # each option to counts[i] municipalities, those with the fewest choices first, so that
        # every municipality chose at least one
        chosen = {k: 0 for k in codes}
        for oi, c in enumerate(t["counts"]):
            for k in sorted(codes, key=lambda k: (chosen[k], (codes.index(k) * 7 + oi) % 17))[:c]:
                nov[k][f"{code}.{oi + 1}"] = "1"
                chosen[k] += 1
        for k in codes:
            for oi in range(len(t["counts"])):
                nov[k].setdefault(f"{code}.{oi + 1}", "0")
for k in codes:
    nov[k]["t15"] = t15[k]
write("data/demo/survey-soev-2015-november-2015.csv", nov)
write("data/demo/survey-soev-2015-projektstart.csv", start)
