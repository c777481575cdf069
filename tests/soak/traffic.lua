-- Mixed reader traffic for tests/soak/run.sh: cycles through the paths in a file (home, articles, sections, tags,
-- search, feeds, sitemaps), each thread from its own place in the list, as a phone browser would ask for them.
-- Counts the article pages it receives, so the script can compare them with the views the site stored.
-- Usage: wrk ... -s traffic.lua URL -- PATHS_FILE STOP_AT
--   STOP_AT (Unix seconds): from then on only /robots.txt is asked for (no view), so no article request is still
--   in flight when wrk stops and every view the site counts is one wrk received.

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local paths = {}
local position = 1
local stop_at = 0
articles = 0
pages = 0

local browser = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      table.insert(paths, line)
    end
  end
  stop_at = tonumber(args[2])
  position = (id * 7919) % #paths + 1
end

function request()
  local path = "/robots.txt"
  if os.time() < stop_at then
    path = paths[position]
    position = position % #paths + 1
  end
  -- Articles uncompressed, so response() can tell one by its body; everything else compressed as browsers ask.
  local headers = { ["User-Agent"] = browser }
  if string.sub(path, 1, 6) ~= "/news/" then
    headers["Accept-Encoding"] = "br, gzip"
  end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  pages = pages + 1
  if status == 200 and body and string.find(body, 'property="og:type" content="article"', 1, true) then
    articles = articles + 1
  end
end

function done(summary, latency, requests)
  local total_articles, total_pages = 0, 0
  for _, thread in ipairs(threads) do
    total_articles = total_articles + thread:get("articles")
    total_pages = total_pages + thread:get("pages")
  end
  io.write(string.format("SOAK articles=%d responses=%d\n", total_articles, total_pages))
end
