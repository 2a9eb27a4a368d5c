-- bench/search.lua — wrk script for bench/capabilities.sh: GET /api/v1/enterprises with a
-- different Danish search each request (prefixes, stems, æ/ae folding), and the same closing
-- line as report.lua:
--   BENCH requests=N seconds=S rps=R p50_ms=X p99_ms=Y errors=E non2xx=M

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

function done(summary, latency, requests)
	local seconds = summary.duration / 1e6
	local e = summary.errors
	io.write(string.format(
		"BENCH requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
		summary.requests, seconds, summary.requests / seconds,
		latency:percentile(50) / 1000, latency:percentile(99) / 1000,
		e.connect + e.read + e.write + e.timeout, e.status))
end
