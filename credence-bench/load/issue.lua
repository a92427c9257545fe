-- wrk script: POST /api/v1/credentials, each request for a recipient no other request of any run has used, so each
-- one should create a credential (201). Issuance is idempotent per recipient and achievement: a repeated recipient is
-- answered 200 with the credential already issued (nothing signed, stored or mailed), so 201s and 200s are counted apart
-- and only 201s are issuances.
-- The recipient is load-<SEED>-<RUN>-<thread>-<n>@example.org: SEED (one per script run) and RUN (e.g. "warmup",
-- "measured") come from the environment, so a warm-up and the measured run after it never share a recipient.
local seed = os.getenv("SEED") or tostring(os.time())
local run = os.getenv("RUN") or "run"
local achievement = os.getenv("ACHIEVEMENT")
local notify = os.getenv("NOTIFY") or "true"
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (os.getenv("KEY") or "")}
local threads = {}
local counter = 0
created, replayed, other = 0, 0, 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function request()
  counter = counter + 1
  local body = string.format('{"achievementId": %s, "recipient": {"name": "Load %s %d-%d", "email": "load-%s-%s-%d-%d@example.org"}, "notify": %s}',
    achievement, run, tid, counter, seed, run, tid, counter, notify)
  return wrk.format("POST", "/api/v1/credentials", headers, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1
  elseif status == 200 then replayed = replayed + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local c, r, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created"); r = r + thread:get("replayed"); o = o + thread:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("created (201): %d = %.0f new credentials/s; replayed (200): %d; other status: %d; socket errors: %d\n",
    c, c / seconds, r, o, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
