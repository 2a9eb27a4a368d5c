#!/bin/sh
# bench/gen-realistic.sh — writes N enterprises (default 100000) as an import CSV on stdout, with
# natural Danish text: words drawn from Debian's word list (/usr/share/dict/danish, package
# wdanish) with a Zipf law (the word of rank r has weight 1/r, so a few words are common and most
# are rare, as in real text). Names are 1-3 words with a capital plus a legal form; descriptions
# 8-30 words; home in any of the 98 municipalities (weighted by a rough size), 15 % with 1-3
# other municipalities; dates over 20 years (2006-2025); 1-3 services, 0-2 target groups; a
# tenth are ordinary companies; CVR numbers valid and unique for half of them. Deterministic for
# a given N and seed (SEED, default 12). For benchmarks only.
#   sh bench/gen-realistic.sh 100000 > /tmp/enterprises.csv
set -eu
n=${1:-100000}
seed=${SEED:-12}
dict=${BENCH_DICT:-/usr/share/dict/danish}
[ -r "$dict" ] || { echo "gen-realistic: $dict is missing (apt-get install wdanish)" >&2; exit 1; }
# the words in a fixed shuffled order (the rank of a word decides how often it is drawn): only
# lowercase words of 3-14 letters, no possessives
grep -E '^[a-zæøå]{3,14}$' "$dict" | awk -v seed="$seed" 'BEGIN { srand(seed) } { print rand() "\t" $0 }' |
	sort -k1,1 | cut -f2 | awk -v n="$n" -v seed="$seed" '
{ w[++nw] = $0 }
END {
	srand(seed)
	split("101 147 151 153 155 157 159 161 163 165 167 169 173 175 183 185 187 190 201 210 217 219 223 230 240 250 253 259 260 265 269 270 306 316 320 326 329 330 336 340 350 360 370 376 390 400 410 420 430 440 450 461 479 480 482 492 510 530 540 550 561 563 573 575 580 607 615 621 630 657 661 665 671 706 707 710 727 730 740 741 746 751 756 760 766 773 779 787 791 810 813 820 825 840 846 849 851 860", k, " ")
	# municipality weights: the big four much bigger, then falling
	kt = 0
	for (i = 1; i <= 98; i++) { kw = (k[i] == "101" ? 12 : k[i] == "751" ? 7 : k[i] == "851" ? 4 : k[i] == "461" ? 4 : 1 + (i % 3)); kt += kw; kc[i] = kt }
	split("aps ivs as smba amba fond forening selvejende anden", lf, " ")
	split("ApS IVS A/S S.M.B.A. A.M.B.A. Fonden Forening Selvejende", lfs, " ")
	split("kantine rengoering haveservice pedel it cafe hotel genbrug koebmand haandvaerk pakning tekstil transport kultur design fodevarer raadgivning omsorg", sv, " ")
	split("fleksjob ressourceforloeb udsatte_ledige handicap unge flygtninge psykisk_saarbare misbrug hjemloese seniorer", tg, " ")
	# Zipf: cumulative weights 1/r over all words, drawn by binary search
	zt = 0
	for (r = 1; r <= nw; r++) { zt += 1 / r; zc[r] = zt }
	cw[1] = 2; cw[2] = 7; cw[3] = 6; cw[4] = 5; cw[5] = 4; cw[6] = 3; cw[7] = 2
	print "name,cvr,kommune,kind,pipeline_since,established,rsv_registered,closed,legal_form,services,target_groups,other_kommuner,description"
	for (i = 1; i <= n; i++) {
		nn = 1 + int(rand() * 3)
		name = ""
		for (j = 1; j <= nn; j++) name = name (j > 1 ? " " : "") cap(word())
		li = 1 + int(rand() * 9)
		if (li <= 8) name = name " " lfs[li]
		x = rand() * kt
		for (h = 1; kc[h] < x; h++) ;
		home = k[h]
		# a name is unique within its municipality (the import matches rows by name there)
		while ((name SUBSEP home) in seen) name = cap(word()) " " name
		seen[name SUBSEP home] = 1
		cvr = ""
		if (i % 2 == 0) {
			base = 1000000 + (i * 7919) % 9000000
			s = 0
			for (d = 1; d <= 7; d++) s += substr(base, d, 1) * cw[d]
			c = (11 - s % 11) % 11
			if (c != 10) cvr = base c
		}
		others = ""
		if (rand() < 0.15) {
			no = 1 + int(rand() * 3)
			for (j = 1; j <= no; j++) { o = k[1 + int(rand() * 98)]; if (o != home && index(others, o) == 0) others = others (others == "" ? "" : "|") o }
		}
		kind = rand() < 0.1 ? "company" : "soev"
		y = 2006 + int(rand() * 20)
		m = 1 + int(rand() * 12); d = 1 + int(rand() * 28)
		pipe = sprintf("%d-%02d-%02d", y - 1, m, d)
		est = rand() < 0.2 ? "" : sprintf("%d-%02d-%02d", y, m, d)
		rsv = (est != "" && rand() < 0.3) ? sprintf("%d-%02d-%02d", y + 1 + int(rand() * 3), 1 + int(rand() * 12), 1 + int(rand() * 28)) : ""
		closed = (est != "" && rand() < 0.08) ? sprintf("%d-%02d-%02d", y + 1 + int(rand() * 4), 1 + int(rand() * 12), 1 + int(rand() * 28)) : ""
		if (rsv != "" && closed != "" && rsv > closed) rsv = ""
		ns = 1 + int(rand() * 3); svs = ""
		for (j = 1; j <= ns; j++) { s1 = sv[1 + int(rand() * 18)]; if (index("|" svs "|", "|" s1 "|") == 0) svs = svs (svs == "" ? "" : "|") s1 }
		nt = int(rand() * 3); tgs = ""
		for (j = 1; j <= nt; j++) { t1 = tg[1 + int(rand() * 10)]; if (index("|" tgs "|", "|" t1 "|") == 0) tgs = tgs (tgs == "" ? "" : "|") t1 }
		nd = 8 + int(rand() * 23); desc = cap(word())
		for (j = 2; j <= nd; j++) desc = desc " " word()
		printf "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s.\n", name, cvr, home, kind, pipe, est, rsv, closed, \
			(li <= 8 ? lf[li] : ""), svs, tgs, others, desc
	}
}
function word(   x, lo, hi, mid) {
	x = rand() * zt; lo = 1; hi = nw
	while (lo < hi) { mid = int((lo + hi) / 2); if (zc[mid] < x) lo = mid + 1; else hi = mid }
	return w[lo]
}
function cap(s) { return toupper(substr(s, 1, 1)) substr(s, 2) }
'
