-- bench/report.lua — wrk script for bench/run.sh.
-- Sends "Authorization: Bearer $BENCH_TOKEN" when that variable is set, and at the end prints
-- one line that run.sh reads (done() of bench/lib.lua):
--   BENCH requests=N seconds=S rps=R p50_ms=X p99_ms=Y errors=E non2xx=M
-- errors counts connect, read, write and timeout errors; non2xx counts answers of 300 or more.

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "lib.lua")

local token = os.getenv("BENCH_TOKEN")

function init(args)
	if token and token ~= "" then
		wrk.headers["Authorization"] = "Bearer " .. token
	end
end
