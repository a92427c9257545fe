-- wrk script: POST /api/v1/verify with a whole credential, cycling through credentials.jsonl.
-- The baseline for GET /api/v1/verify/{number}: every request parses, canonicalizes and checks the proof.
local bodies = {}
for line in io.lines(os.getenv("CREDENTIALS")) do bodies[#bodies + 1] = line end
local i = math.random(1, #bodies)
function request()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/v1/verify", {["Content-Type"] = "application/json"}, bodies[i])
end
