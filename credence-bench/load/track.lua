-- wrk script: tracked requests over the numbers in numbers.txt — beacons POST /t/{number} (share_click, download, view),
-- share redirects GET /s/{number}/{channel} and referral redirects GET /r/{number}/program — each from a random client
-- address in X-Forwarded-For (the server runs with CREDENCE_TRUSTED_PROXY=true), so rate limits and the double-click
-- rule see many visitors, as on a real site, rather than one loopback address. A 204 or 302 is an acknowledged event.
local numbers = {}
for line in io.lines(os.getenv("NUMBERS")) do numbers[#numbers + 1] = line end
local bodies = {
  '{"type":"share_click","channel":"copy_link"}',
  '{"type":"download","channel":"pdf"}',
  '{"type":"view","channel":"credential_page"}',
}
local channels = {"linkedin_profile", "linkedin_post", "x", "facebook", "email"}
local agents = {
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
  "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
}
function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end
function request()
  local ip = string.format("%d.%d.%d.%d", math.random(1, 223), math.random(0, 255), math.random(0, 255), math.random(1, 254))
  local number = numbers[math.random(1, #numbers)]
  local headers = {["X-Forwarded-For"] = ip, ["User-Agent"] = agents[math.random(1, #agents)]}
  local pick = math.random(1, 10)
  if pick <= 6 then
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", "/t/" .. number, headers, bodies[math.random(1, #bodies)])
  elseif pick <= 8 then
    return wrk.format("GET", "/s/" .. number .. "/" .. channels[math.random(1, #channels)], headers)
  else
    return wrk.format("GET", "/r/" .. number .. "/program", headers)
  end
end
function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("acknowledged events/s: %.0f  (4xx/5xx or socket errors: %d)\n", (summary.requests - errors) / (summary.duration / 1e6), errors))
end
