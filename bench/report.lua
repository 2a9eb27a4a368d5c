-- bench/report.lua — wrk script for bench/run.sh.
-- Sends "Authorization: Bearer $BENCH_TOKEN" when that variable is set, and at the end prints
-- one line that run.sh reads:
--   BENCH requests=N seconds=S rps=R p50_ms=X p99_ms=Y errors=E non2xx=M
-- errors counts connect, read, write and timeout errors; non2xx counts answers of 300 or more.

local token = os.getenv("BENCH_TOKEN")

function init(args)
	if token and token ~= "" then
		wrk.headers["Authorization"] = "Bearer " .. token
	end
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
