-- POST /auth/login for one account with its right password: the cost is the Argon2id check.
-- The account's e-mail and password come from the environment the script sets.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"' .. os.getenv("INKAN_BENCH_EMAIL") .. '","password":"' .. os.getenv("INKAN_BENCH_PASSWORD") .. '"}'
