-- wrk: the queries of search.lua against the slim typeahead endpoint, same
-- limit, so the two compare: the difference is loading and writing cards.
local queries = {
  "ada", "okaf", "chen", "maria", "python", "company:acme", "rust", "nunez", "jonh", "kite",
  "pat", "sing", "berlin", "mentor", "tag:speaker", "data", "li", "garcia", "design", "ali",
}
local counter = 0
request = function()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/api/v1/typeahead?q=" .. q .. "&limit=20")
end
