-- wrk: vary the search query per request over names, companies, prefixes and typos.
-- KITH_WRK_ENDPOINT=typeahead asks /api/v1/typeahead (slim lines) instead of
-- /api/v1/search (cards), the same queries at the same limit.
local endpoint = os.getenv("KITH_WRK_ENDPOINT") or "search"
local queries = {
  "ada", "okaf", "chen", "maria", "python", "company:acme", "rust", "nunez", "jonh", "kite",
  "pat", "sing", "berlin", "mentor", "tag:speaker", "data", "li", "garcia", "design", "ali",
}
local counter = 0
request = function()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/api/v1/" .. endpoint .. "?q=" .. q .. "&limit=20")
end
