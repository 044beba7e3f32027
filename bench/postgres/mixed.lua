-- wrk: a mixed load, nine typeahead reads (bench/queries.tsv, as
-- typeahead.lua) to one write: a new card added through the API with the
-- session's cookie and CSRF token (KITH_COOKIE, KITH_CSRF, KITH_ORIGIN).
-- done() prints the non-2xx answers, which must be none.
local queries = {}

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

for line in io.lines(os.getenv("KITH_QUERIES") or "bench/queries.tsv") do
  if line:sub(1, 1) ~= "#" and line ~= "" then
    local _, typed = line:match("^([^\t]*)\t([^\t]*)")
    if typed and typed ~= "" then queries[#queries + 1] = encode(typed) end
  end
end

local cookie = os.getenv("KITH_COOKIE")
local csrf = os.getenv("KITH_CSRF")
local origin = os.getenv("KITH_ORIGIN")
local label = os.getenv("KITH_LABEL") or "mixed"
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  failures = 0
  writes = 0
end

request = function()
  counter = counter + 1
  if counter % 10 == 0 then
    writes = writes + 1
    local body = string.format('{"name":"Mixed %s %d %d","company":"Load Test","tags":["load"]}', label, id or 0,
                               counter)
    return wrk.format("POST", "/api/v1/contacts", {
      ["Content-Type"] = "application/json",
      ["Cookie"] = cookie,
      ["X-CSRF-Token"] = csrf,
      ["Origin"] = origin,
    }, body)
  end
  return wrk.format("GET", "/api/v1/typeahead?q=" .. queries[(counter % #queries) + 1] .. "&limit=8",
                    { ["Cookie"] = cookie })
end

response = function(status, headers, body)
  if status < 200 or status >= 300 then failures = failures + 1 end
end

done = function(summary, latency, requests)
  local failed, written = 0, 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
    written = written + thread:get("writes")
  end
  io.write(string.format("writes sent: %d, non-2xx answers: %d\n", written, failed))
end
