-- wrk script: POST /api/v1/integrations/completions, as learning systems report progress.
-- Every request names its own learner (thread, counter and the RUN label; no random numbers, so a measured run
-- never repeats the warm-up's learners), unless MODE=replay. MODE (default progress):
--   progress  progress 50 on a mapped course: stored and committed, nothing issued (202)
--   complete  progress 100 on a mapped course: stored, then the credential issued (201)
--   replay    the learners of the complete run with the same RUN label again (COUNTS file): named, nothing new (200)
--   unmapped  progress 100 on a course no achievement is mapped to: stored for later (202)
--   xapi      BATCH (default 50) xAPI "completed" statements per request on an activity no achievement is mapped to:
--             the batch stored in one transaction, then answered (200); completions/s = requests/s x BATCH
-- done() prints how many answers of each status came back: 201 issued, 200 replayed, 202 stored.
local threads = {}
counter = 0 -- global: done() reads it through thread:get
local thread_id = 0
function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end
function init(args)
  statuses = {}
end
local mode = os.getenv("MODE") or "progress"
local run = os.getenv("RUN") or "run"
local course = os.getenv("COURSE") or "LOAD-101"
if mode == "unmapped" then course = "UNMAPPED-" .. run end
local progress = (mode == "progress") and 50 or 100
-- a replay run cycles through the learners its thread made in the complete run (counts left in the COUNTS file)
local replay_n = nil
local batch = tonumber(os.getenv("BATCH") or "50")
local function statements()
  local parts = {}
  for i = 1, batch do
    counter = counter + 1
    parts[i] = string.format('{"actor": {"name": "Learner %d-%d", "mbox": "mailto:xapi-%s-%d-%d@example.org"}, '
      .. '"verb": {"id": "http://adlnet.gov/expapi/verbs/completed"}, "object": {"id": "https://lms.example/unmapped/%s"}}',
      tid, counter, run, tid, counter, run)
  end
  return wrk.format("POST", "/api/v1/integrations/xapi/statements", {["Content-Type"] = "application/json",
    ["X-Experience-API-Version"] = "1.0.3", ["Authorization"] = "Bearer " .. os.getenv("KEY")}, "[" .. table.concat(parts, ",") .. "]")
end
function request()
  if mode == "xapi" then return statements() end
  if mode == "replay" and replay_n == nil then
    replay_n = 1
    local file = io.open(os.getenv("COUNTS"), "r")
    if file then
      for line in file:lines() do
        local t, n = line:match("(%d+) (%d+)")
        if tonumber(t) == tid then replay_n = math.max(1, tonumber(n) - 50) end
      end
      file:close()
    end
  end
  counter = counter + 1
  if mode == "replay" and counter > replay_n then counter = 1 end
  local body = string.format('{"courseId": "%s", "learner": {"email": "learner-%s-%d-%d@example.org", "name": "Learner %d-%d"}, "progress": %d}',
    course, run, tid, counter, tid, counter, progress)
  return wrk.format("POST", "/api/v1/integrations/completions",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("KEY")}, body)
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  if mode == "complete" and os.getenv("COUNTS") then
    local file = io.open(os.getenv("COUNTS"), "w")
    for _, thread in ipairs(threads) do file:write(string.format("%d %d\n", thread:get("tid"), thread:get("counter"))) end
    file:close()
  end
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, n in pairs(counts) do total[status] = (total[status] or 0) + n end
  end
  local seconds = summary.duration / 1e6
  for status, n in pairs(total) do
    io.write(string.format("status %d: %d (%.0f/s)\n", status, n, n / seconds))
  end
end
