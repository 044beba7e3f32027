-- wrk: vary the search query per request over names, companies, prefixes and typos.
local queries = {
  "ada", "okaf", "chen", "maria", "python", "company:acme", "rust", "nunez", "jonh", "kite",
  "pat", "sing", "berlin", "mentor", "tag:speaker", "data", "li", "garcia", "design", "ali",
}
local counter = 0
request = function()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/api/v1/search?q=" .. q .. "&limit=20")
end
