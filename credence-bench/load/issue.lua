-- wrk script: POST /api/v1/credentials, each request for a new recipient (issuance is idempotent per recipient)
local counter = 0
local thread_id = 0
function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
function request()
  counter = counter + 1
  local body = string.format('{"achievementId": %s, "recipient": {"name": "Load %d-%d", "email": "load-%d-%d-%d@example.org"}, "notify": %s}',
    os.getenv("ACHIEVEMENT"), tid, counter, tid, counter, math.random(1, 1000000000), os.getenv("NOTIFY") or "true")
  return wrk.format("POST", "/api/v1/credentials", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("KEY")}, body)
end
