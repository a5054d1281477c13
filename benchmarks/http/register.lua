-- POST /auth/register with a new address every time: each request costs one Argon2id hash.
-- Addresses are unique per thread and request, so none is ever "taken".
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  counter = 0
  salt = tostring(os.time()) .. "-" .. tostring(math.random(1000000))
end

function request()
  counter = counter + 1
  local email = "flood-" .. salt .. "-" .. thread_number .. "-" .. counter .. "@example.com"
  return wrk.format("POST", "/auth/register", { ["Content-Type"] = "application/json" },
    '{"email":"' .. email .. '","password":"correct horse battery staple"}')
end
