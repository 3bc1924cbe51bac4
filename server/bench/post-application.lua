-- wrk script: POST /api/v1/applications, each request with its own Idempotency-Key.
-- Usage: wrk ... -s post-application.lua URL -- NONCE
local counter = 0
local nonce = "x"
local body = '{"listingId":"bench-listing","applicant":{"name":"Load Test","email":"load@example.org","consent":true},"answers":{"why":"Benchmark"}}'

function setup(thread)
  thread:set("tid", tostring(math.random(1, 1e9)))
end

function init(args)
  nonce = args[1] or tostring(os.time())
end

function request()
  counter = counter + 1
  local key = string.format("%s-%s-%d", nonce, tid or "0", counter)
  return wrk.format("POST", "/api/v1/applications",
    { ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end
