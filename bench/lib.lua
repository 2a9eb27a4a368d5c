-- bench/lib.lua — what the wrk scripts of bench/ share, loaded by each with dofile from the
-- directory it stands in: wrk's done() hook, which prints at the end of a run the one line the
-- scripts of bench/ read:
--   BENCH requests=N seconds=S rps=R p50_ms=X p99_ms=Y errors=E non2xx=M
-- errors counts connect, read, write and timeout errors; non2xx counts answers of 300 or more.

function done(summary, latency, requests)
	local seconds = summary.duration / 1e6
	local e = summary.errors
	io.write(string.format(
		"BENCH requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
		summary.requests, seconds, summary.requests / seconds,
		latency:percentile(50) / 1000, latency:percentile(99) / 1000,
		e.connect + e.read + e.write + e.timeout, e.status))
end
