-- bench/queries.lua — wrk script for bench/registry.sh: each request takes the next path of a
-- file (one path a line, given after "--": wrk ... -s bench/queries.lua URL -- paths.txt), so a
-- run rotates through many different searches; each thread starts at a different line. At the
-- end it prints the same line as report.lua (done() of bench/lib.lua):
--   BENCH requests=N seconds=S rps=R p50_ms=X p99_ms=Y errors=E non2xx=M

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "lib.lua")

local paths = {}
local i = 0
local counter = 0

function setup(thread)
	counter = counter + 1
	thread:set("start", counter * 97)
end

function init(args)
	for line in io.lines(args[1]) do
		if line ~= "" then
			paths[#paths + 1] = line
		end
	end
	i = (start or 0) % #paths
end

function request()
	i = i % #paths + 1
	return wrk.format("GET", paths[i])
end
