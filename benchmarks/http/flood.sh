#!/usr/bin/env bash
# Abuse benchmark: does checking tokens stay fast while a flood of registrations and logins keeps
# every core busy with Argon2id? Starts the runnable jar on loopback, measures GET /auth/verify
# alone, then again while wrk floods POST /auth/register (a new address each time) and
# POST /auth/login from hundreds of connections, and prints both p99s side by side, the non-2xx
# answers of each, and how the flood was answered (201/200 hashed; 503 turned away, by the password
# hasher when its line is full or after waiting their turn for five seconds).
#
# Usage: benchmarks/http/flood.sh   (needs wrk: apt-get install wrk)
# Knobs: DURATION (20s), VERIFY_CONNECTIONS (16), FLOOD_CONNECTIONS (400 registering, a quarter as
#        many logging in), JAVA (java), SERVER_JAVA_OPTS (-Xmx64m, as the README runs the server),
#        JAR (bootstrap/target/inkan.jar; another build's jar to compare), FLOOD_SERVER_ENV (more
#        VAR=value settings for the server), RAW_DIR (a folder to keep wrk's own outputs in).
# The abuse limits are off (INKAN_RATE_LIMIT_ENABLED=false): with them on, one address is turned
# away with 429 long before Argon2 is busy; off, the flood reaches the password hasher, which is
# the case where only the bounded hash queue protects the server.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-20s}"
VERIFY_CONNECTIONS="${VERIFY_CONNECTIONS:-16}"
FLOOD_CONNECTIONS="${FLOOD_CONNECTIONS:-400}"
JAVA="${JAVA:-java}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS--Xmx64m}"
JAR="${JAR:-bootstrap/target/inkan.jar}"
HERE=benchmarks/http

command -v wrk >/dev/null || { echo "wrk is not installed: sudo apt-get install wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 1; }
[ -f "$JAR" ] || { echo "building $JAR ..."; ./mvnw -q -DskipTests -pl bootstrap -am package; }
ulimit -n 65536 2>/dev/null || true

work=$(mktemp -d)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

env INKAN_HOST=127.0.0.1 INKAN_PORT=0 INKAN_MANAGEMENT_PORT=off INKAN_DATA_DIR="$work/data" \
    INKAN_RATE_LIMIT_ENABLED=false ${FLOOD_SERVER_ENV:-} "$JAVA" $SERVER_JAVA_OPTS -jar "$JAR" serve >"$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 120); do
  port=$(sed -n 's/.*Inkan listening on [^ ]*:\([0-9][0-9]*\) .*/\1/p' "$work/server.log" | head -1)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$port" ] || { echo "the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
base="http://127.0.0.1:$port"

email="flood-$RANDOM@example.com"
password="correct horse battery staple"
curl -sf -X POST "$base/auth/register" -H 'Content-Type: application/json' \
     -d "{\"email\":\"$email\",\"password\":\"$password\"}" >/dev/null
access=$(curl -sf -X POST "$base/auth/login" -H 'Content-Type: application/json' \
     -d "{\"email\":\"$email\",\"password\":\"$password\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
export INKAN_BENCH_EMAIL="$email" INKAN_BENCH_PASSWORD="$password"  # for login.lua

verify() {
  wrk -t1 -c"$VERIFY_CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $access" "$base/auth/verify" >"$1"
}
p() { awk -v q="$2" '$1 == q {print $2}' "$1"; }
rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
non2xx() { awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {n += 1} END {print n + 0}' "$1"; }
requests() { awk '/requests in/ {print $1}' "$1"; }

echo "machine: $(nproc) cores; $("$JAVA" -version 2>&1 | head -1); server: java $SERVER_JAVA_OPTS -jar $JAR serve"
wrk -t1 -c"$VERIFY_CONNECTIONS" -d5s -H "Authorization: Bearer $access" "$base/auth/verify" >/dev/null  # JIT warm-up
verify "$work/quiet.txt"

wrk -t2 -c"$FLOOD_CONNECTIONS" -d"$DURATION" --timeout 10s -s "$HERE/register.lua" "$base/auth/register" >"$work/register.txt" &
flood_register=$!
wrk -t1 -c$((FLOOD_CONNECTIONS / 4)) -d"$DURATION" --timeout 10s -s "$HERE/login.lua" "$base/auth/login" >"$work/login.txt" &
flood_login=$!
sleep 2  # let the flood fill the hash queue first
verify "$work/flooded.txt"
wait "$flood_register" "$flood_login"

echo
echo "| GET /auth/verify, $VERIFY_CONNECTIONS connections | req/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|"
echo "| alone | $(rps "$work/quiet.txt") | $(p "$work/quiet.txt" 50%) | $(p "$work/quiet.txt" 99%) | $(non2xx "$work/quiet.txt") |"
echo "| during the flood | $(rps "$work/flooded.txt") | $(p "$work/flooded.txt" 50%) | $(p "$work/flooded.txt" 99%) | $(non2xx "$work/flooded.txt") |"
echo
echo "| flood | connections | answers | answers/s | of them non-2xx |"
echo "|---|---:|---:|---:|---:|"
echo "| POST /auth/register | $FLOOD_CONNECTIONS | $(requests "$work/register.txt") | $(rps "$work/register.txt") | $(non2xx "$work/register.txt") |"
echo "| POST /auth/login | $((FLOOD_CONNECTIONS / 4)) | $(requests "$work/login.txt") | $(rps "$work/login.txt") | $(non2xx "$work/login.txt") |"
if [ -n "${RAW_DIR:-}" ]; then
  mkdir -p "$RAW_DIR" && cp "$work"/quiet.txt "$work"/flooded.txt "$work"/register.txt "$work"/login.txt "$RAW_DIR"/
fi
p99_quiet=$(p "$work/quiet.txt" 99%)
p99_flood=$(p "$work/flooded.txt" 99%)
echo
echo "verify p99: $p99_quiet alone, $p99_flood during the flood"
