#!/bin/sh
# bench/gen-queries.sh — 400 search paths (GET /api/v1/enterprises?limit=20&q=...) drawn from an
# import CSV written by bench/gen-realistic.sh, 80 of each kind the searches of a registry hold:
# one word of a name; two words of a name; the first 3-5 letters of a word (typing); one of the
# 30 most common words of the descriptions; a word with æ, ø or å written ae, oe or aa.
# Deterministic for a given file. For benchmarks only.
#   sh bench/gen-queries.sh /tmp/enterprises.csv > /tmp/queries.txt
set -eu
csv=$1
awk -F, 'BEGIN { srand(7); for (c = 1; c < 256; c++) ord[sprintf("%c", c)] = c }
NR == 1 { next }
NR % 37 == 0 {
	# names: its words before the legal form
	nw = split(tolower($1), w, " ")
	if (nw >= 2 && w[1] ~ /^[a-zæøå]+$/ && w[2] ~ /^[a-zæøå]+$/) two[++ntwo] = w[1] " " w[2]
	if (w[1] ~ /^[a-zæøå]+$/) one[++none] = w[1]
}
{
	# every word of the descriptions counted; plain ASCII words kept for prefixes, words with
	# æ, ø or å kept for the spellings
	nd = split(tolower($NF), d, " ")
	for (j = 1; j <= nd; j++) {
		x = d[j]; sub(/\.$/, "", x)
		freq[x]++
		if (NR % 53 == 0 && x ~ /^[a-z]+$/ && length(x) >= 6) ascii[++nascii] = x
		if (NR % 53 == 0 && (x ~ /æ/ || x ~ /ø/ || x ~ /å/)) dk[++ndk] = x
	}
}
END {
	# the 30 most common words (a few passes of selection, fine for 30)
	for (t = 1; t <= 30; t++) {
		best = ""; bn = 0
		for (x in freq) if (freq[x] > bn && !(x in taken)) { best = x; bn = freq[x] }
		taken[best] = 1; common[t] = best
	}
	for (q = 0; q < 400; q++) {
		kind = q % 5
		if (kind == 0) s = one[1 + int(rand() * none)]
		else if (kind == 1) s = two[1 + int(rand() * ntwo)]
		else if (kind == 2) s = substr(ascii[1 + int(rand() * nascii)], 1, 3 + int(rand() * 3))
		else if (kind == 3) s = common[1 + int(rand() * 30)]
		else {
			s = dk[1 + int(rand() * ndk)]
			gsub(/æ/, "ae", s); gsub(/ø/, "oe", s); gsub(/å/, "aa", s)
		}
		printf "/api/v1/enterprises?limit=20&q=%s\n", enc(s)
	}
}
function enc(s,   out, i, c) {
	out = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c ~ /[a-z0-9]/) out = out c
		else if (c == " ") out = out "+"
		else out = out sprintf("%%%02X", ord[c])
	}
	return out
}' "$csv"
