-- bench/search.lua — wrk script for bench/capabilities.sh: GET /api/v1/enterprises with a
-- different Danish search each request (prefixes, stems, æ/ae folding), and the same closing
-- line as report.lua (done() of bench/lib.lua):
--   BENCH requests=N seconds=S rps=R p50_ms=X p99_ms=Y errors=E non2xx=M

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "lib.lua")

local queries = {
	"%C3%A6blesp", "aeblespecialisterne", "genbrug", "cykel", "caf%C3%A9en", "oeko",
	"%C3%A5ben", "haand", "k%C3%B8kken", "v%C3%A6rkstedet", "social", "fonden", "kantinen",
	"havev", "gr%C3%B8n", "lokal", "butikken", "gaarden", "nr", "f%C3%A6lles",
}
local i = 0

function request()
	i = i % #queries + 1
	return wrk.format("GET", "/api/v1/enterprises?limit=20&q=" .. queries[i])
end
