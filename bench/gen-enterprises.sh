#!/bin/sh
# Writes N generated enterprises as an import CSV on stdout (default 100000): Danish-looking
# names with æ, ø and å, every 98 municipalities, dates across 2005-2025, a third with valid CVR
# numbers. For benchmarks only.
#   sh bench/gen-enterprises.sh 100000 > /tmp/enterprises.csv
set -eu
n=${1:-100000}
awk -v n="$n" 'BEGIN {
	split("101 147 151 153 155 157 159 161 163 165 167 169 173 175 183 185 187 190 201 210 217 219 223 230 240 250 253 259 260 265 269 270 306 316 320 326 329 330 336 340 350 360 370 376 390 400 410 420 430 440 450 461 479 480 482 492 510 530 540 550 561 563 573 575 580 607 615 621 630 657 661 665 671 706 707 710 727 730 740 741 746 751 756 760 766 773 779 787 791 810 813 820 825 840 846 849 851 860", k, " ")
	split("Æble Øko Åben Grøn Social Glad Fælles Nær Lokal Bæredygtig Hånd Kvarter Have Køkken Cykel Værksted", a, " ")
	split("specialisterne værkstedet caféen kantinen genbrug service fonden huset gården butikken", b, " ")
	split("aps ivs as smba amba fond forening selvejende anden", lf, " ")
	split("kantine rengoering haveservice pedel it cafe hotel genbrug koebmand haandvaerk", sv, " ")
	print "name,cvr,kommune,pipeline_since,established,rsv_registered,closed,legal_form,services,description"
	w[1] = 2; w[2] = 7; w[3] = 6; w[4] = 5; w[5] = 4; w[6] = 3; w[7] = 2
	for (i = 1; i <= n; i++) {
		name = a[1 + i % 16] b[1 + int(i / 16) % 10] " " i
		cvr = ""
		if (i % 3 == 0) {
			# seven digits from i, then the check digit that makes the weighted sum divisible by 11
			base = 1000000 + (i * 7919) % 9000000
			s = 0
			for (d = 1; d <= 7; d++) s += substr(base, d, 1) * w[d]
			c = (11 - s % 11) % 11
			if (c != 10) cvr = base c
		}
		y = 2005 + i % 21
		est = (i % 5 == 0) ? "" : sprintf("%d-%02d-%02d", y, 1 + i % 12, 1 + i % 28)
		pipe = sprintf("%d-%02d-01", y - 1, 1 + i % 12)
		rsv = (est != "" && i % 4 == 0) ? sprintf("%d-12-15", y) : ""
		closed = (est != "" && i % 17 == 0) ? sprintf("%d-06-30", y + 2) : ""
		printf "%s,%s,%s,%s,%s,%s,%s,%s,%s,Socialøkonomisk virksomhed nr. %d med %s og %s\n", \
			name, cvr, k[1 + i % 98], pipe, est, rsv, closed, lf[1 + i % 9], sv[1 + i % 10], i, \
			b[1 + i % 10], a[1 + (i * 7) % 16]
	}
}'
