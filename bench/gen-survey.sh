#!/bin/sh
# Writes a generated survey for benchmarks: DIR/big.json with Q questions (single, multi,
# matrix, number and text in turn) and DIR/round-R.csv with answers from all 98
# municipalities for each of ROUNDS rounds.
#   sh bench/gen-survey.sh DIR [Q=60] [ROUNDS=5]
set -eu
dir=$1
q=${2:-60}
rounds=${3:-5}
mkdir -p "$dir"
awk -v q="$q" 'BEGIN {
	printf "{\"code\": \"big\", \"title\": \"Stor undersøgelse\", \"questions\": ["
	for (i = 1; i <= q; i++) {
		t = (i - 1) % 5
		printf "%s{\"code\": \"q%d\", \"text\": \"Spørgsmål %d\", ", (i > 1 ? ", " : ""), i, i
		if (t == 0) printf "\"type\": \"single\", \"options\": [{\"key\":\"1\",\"label\":\"Meget lav\"},{\"key\":\"2\",\"label\":\"Lav\"},{\"key\":\"3\",\"label\":\"Nogen\"},{\"key\":\"4\",\"label\":\"Høj\"},{\"key\":\"5\",\"label\":\"Meget høj\"}]}"
		if (t == 1) printf "\"type\": \"multi\", \"options\": [{\"key\":\"a\",\"label\":\"A\"},{\"key\":\"b\",\"label\":\"B\"},{\"key\":\"c\",\"label\":\"C\"},{\"key\":\"d\",\"label\":\"D\"}]}"
		if (t == 2) printf "\"type\": \"matrix\", \"options\": [{\"key\":\"1\",\"label\":\"Nej\"},{\"key\":\"2\",\"label\":\"Delvis\"},{\"key\":\"3\",\"label\":\"Ja\"}], \"items\": [{\"key\":\"a\",\"label\":\"Et\"},{\"key\":\"b\",\"label\":\"To\"},{\"key\":\"c\",\"label\":\"Tre\"},{\"key\":\"d\",\"label\":\"Fire\"}]}"
		if (t == 3) printf "\"type\": \"number\", \"min\": 0, \"max\": 100000}"
		if (t == 4) printf "\"type\": \"text\"}"
	}
	print "]}"
}' >"$dir/big.json"
codes=$(tail -n +2 "$(dirname "$0")/../src/store/migrations/0001_init.sql" | grep -o "VALUES ('[0-9]*'" | grep -o "[0-9][0-9][0-9]" | tr '\n' ' ')
r=1
while [ "$r" -le "$rounds" ]; do
	echo "$codes" | awk -v q="$q" -v r="$r" '{
		printf "kommune"
		for (i = 1; i <= q; i++) {
			t = (i - 1) % 5
			if (t == 1) printf ",q%d.a,q%d.b,q%d.c,q%d.d", i, i, i, i
			else if (t == 2) printf ",q%d.a,q%d.b,q%d.c,q%d.d", i, i, i, i
			else printf ",q%d", i
		}
		printf "\r\n"
		for (k = 1; k <= NF; k++) {
			printf "%s", $k
			for (i = 1; i <= q; i++) {
				t = (i - 1) % 5
				h = (k * 31 + i * 17 + r * 7)
				if (t == 0) printf ",%d", 1 + h % 5
				if (t == 1) printf ",%d,%d,%d,%d", h % 2, int(h / 2) % 2, int(h / 3) % 2, int(h / 5) % 2
				if (t == 2) printf ",%d,%d,%d,%d", 1 + h % 3, 1 + int(h / 3) % 3, 1 + int(h / 7) % 3, 1 + int(h / 11) % 3
				if (t == 3) printf ",%d", h % 1000
				if (t == 4) printf ",Svar fra kommune %s på spørgsmål %d i runde %d", $k, i, r
			}
			printf "\r\n"
		}
	}' >"$dir/round-$r.csv"
	r=$((r + 1))
done
