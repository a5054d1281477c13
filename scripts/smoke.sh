#!/usr/bin/env bash
# The whole Inkan flow with curl, as a client that is not Java sees it:
# register, log in, /me, /auth/verify, refresh, log out, and the refusals that must follow.
# Usage: scripts/smoke.sh [base-url]   (default http://127.0.0.1:8080)
set -euo pipefail
base="${1:-http://127.0.0.1:8080}"
email="smoke-$(date +%s)-$RANDOM@example.com"
password="correct horse battery staple"
body=$(mktemp); trap 'rm -f "$body"' EXIT

fail() { echo "FAIL: $*" >&2; echo "last body: $(head -c 500 "$body")" >&2; exit 1; }
# call METHOD PATH EXPECTED-STATUS [curl args...]: keeps the body in $body
call() {
  local method=$1 path=$2 expected=$3; shift 3
  local status
  status=$(curl -sS -o "$body" -w '%{http_code}' -X "$method" "$base$path" "$@")
  [ "$status" = "$expected" ] || fail "$method $path answered $status, expected $expected"
  echo "ok  $method $path -> $status"
}
pad() { local s=$1; while [ $(( ${#s} % 4 )) -ne 0 ]; do s="$s="; done; printf '%s' "$s"; }
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$body"; }
json=(-H 'Content-Type: application/json')

call POST /auth/register 201 "${json[@]}" -d "{\"email\":\"$email\",\"password\":\"$password\"}"
user_id=$(field id)
call POST /auth/register 409 "${json[@]}" -d "{\"email\":\"$email\",\"password\":\"$password\"}"
call POST /auth/login 401 "${json[@]}" -d "{\"email\":\"$email\",\"password\":\"wrong password\"}"
grep -q '"status":401' "$body" || fail "a 401 without a problem body"

call POST /auth/login 200 "${json[@]}" -d "{\"email\":\"$email\",\"password\":\"$password\"}"
access=$(field access_token); refresh=$(field refresh_token)
[ -n "$access" ] && [ -n "$refresh" ] || fail "no tokens in the login answer"

call GET /me 200 -H "Authorization: Bearer $access"
[ "$(field id)" = "$user_id" ] || fail "/me shows another user"
call GET /auth/verify 200 -H "Authorization: Bearer $access"
[ "$(field sub)" = "$user_id" ] || fail "/auth/verify shows another subject"

# The seed's attack: decode the payload, change it, re-encode it, keep the old signature.
IFS=. read -r header payload signature <<<"$access"
forged_payload=$(pad "$payload" | tr -- '-_' '+/' | base64 -d \
  | sed 's/"sub":"[^"]*"/"sub":"00000000-0000-0000-0000-000000000000"/' | base64 -w0 | tr -- '+/' '-_' | tr -d '=')
call GET /me 401 -H "Authorization: Bearer $header.$forged_payload.$signature"
call GET /me 401

call POST /auth/refresh 200 "${json[@]}" -d "{\"refresh_token\":\"$refresh\"}"
access2=$(field access_token); refresh2=$(field refresh_token)
[ "$refresh2" != "$refresh" ] || fail "refresh did not rotate the refresh token"
call GET /me 200 -H "Authorization: Bearer $access2"

call POST /auth/logout 204 -H "Authorization: Bearer $access2"
call GET /me 401 -H "Authorization: Bearer $access2"
call POST /auth/refresh 401 "${json[@]}" -d "{\"refresh_token\":\"$refresh2\"}"
call GET /health 200
echo "smoke: all good"
