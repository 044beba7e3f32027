-- wrk: typeahead requests, each the next query of bench/queries.tsv (its
-- `kith` column: what a person types), cycling. KITH_QUERIES names the
-- file; each wrk thread starts at a different query. Typeahead answers
-- that are not 2xx are counted by wrk ("Non-2xx or 3xx responses").
local queries = {}

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function load_queries()
  local path = os.getenv("KITH_QUERIES") or "bench/queries.tsv"
  for line in io.lines(path) do
    if line:sub(1, 1) ~= "#" and line ~= "" then
      local _, typed = line:match("^([^\t]*)\t([^\t]*)")
      if typed and typed ~= "" then queries[#queries + 1] = encode(typed) end
    end
  end
  assert(#queries > 0, "no queries in " .. path)
end

load_queries()
local counter = 0
-- The session's cookie (KITH_COOKIE), when the server asks for one.
local cookie = os.getenv("KITH_COOKIE")
local headers = {}
if cookie and cookie ~= "" then headers["Cookie"] = cookie end

function setup(thread)
  thread:set("offset", math.random(0, 1000))
end

request = function()
  counter = counter + 1
  local q = queries[((counter + (offset or 0)) % #queries) + 1]
  return wrk.format("GET", "/api/v1/typeahead?q=" .. q .. "&limit=8", headers)
end
