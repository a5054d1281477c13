-- POST /auth/refresh with rotation, as clients do it: every answer's refresh token is the one the
-- next request sends. Each wrk thread gets its share of the sessions in the file named by the first
-- argument (one refresh token per line; the second argument is the number of threads), keeps them
-- in a pool, takes one per request and puts back the successor from the answer. A token is never
-- sent twice, so reuse detection never fires and every answer should be a 200. wrk asks for a
-- connection's first request again when the socket was not writable yet, and the token of the
-- request it drops is lost: the script that runs this provides two sessions per connection.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  pool = {}
  local file, thread_count = args[1], tonumber(args[2])
  local line_number = 0
  for line in io.lines(file) do
    if line_number % thread_count == thread_number - 1 then
      table.insert(pool, line)
    end
    line_number = line_number + 1
  end
end

function request()
  local token = table.remove(pool)
  if token == nil then
    -- Only after a failed refresh lost its session: this request fails too and wrk counts it.
    token = "spent"
  end
  return wrk.format("POST", "/auth/refresh", { ["Content-Type"] = "application/json" },
    '{"refresh_token":"' .. token .. '"}')
end

function response(status, headers, body)
  local successor = body:match('"refresh_token":"([^"]+)"')
  if successor then
    table.insert(pool, successor)
  end
end
