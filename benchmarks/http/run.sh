#!/usr/bin/env bash
# HTTP benchmark: starts the runnable jar on loopback, loads it with wrk from a second process, and
# prints requests per second and latency percentiles for
#   GET /health (no auth), GET /auth/verify (auth, no database), GET /me (auth + database),
#   POST /auth/refresh (rotation; H2, and PostgreSQL when INKAN_BENCH_POSTGRES_URL or
#   INKAN_TEST_POSTGRES_URL names one), POST /auth/login (Argon2id-bound, compared with the raw
#   Argon2id checks per second of this machine, measured by JMH in the same run),
# then the ratios and the server's peak resident memory. Beside each figure, what it cost in CPU time
# per request or transaction: the server's (its process), the client's (wrk, RefreshBaseline,
# pgbench), and the whole machine's (the busy time of all cores, from /proc/stat, the database's
# included), so that a run shows where each side's time goes on a machine they share.
# Refresh is put beside its database's own pace, measured in the same run at the same concurrency:
# the statements one refresh runs (read the token by hash, read its user, the rotation), run by
# RefreshBaseline through Inkan's own stores on H2 and on PostgreSQL, and by pgbench -M prepared on
# PostgreSQL (the same statements, as those stores ran them; see PgbenchScript), both in a fresh
# schema the jar's migrations create.
#
# Usage: benchmarks/http/run.sh            (from anywhere; needs wrk: apt-get install wrk, and for the
#        pgbench baseline pgbench and psql: apt-get install postgresql-client-15)
# Knobs: DURATION (15s per endpoint), CONNECTIONS (16), WRK_THREADS (1), JAVA (java),
#        REFRESH_WARMUP (60s: unreported refreshes before each measured one, server and RefreshBaseline
#        alike; on 2 cores under load the JIT compiles the refresh path slowly: after 30 s a quarter of
#        the server's CPU still went to C2, after 90 s a tenth),
#        SERVER_JAVA_OPTS (-Xmx64m, as the README runs the server).
# The server runs as the README runs it, with default settings except: loopback, a fresh data
# directory, no management listener (nothing here reads /metrics, and 9090 may be taken), and
# INKAN_RATE_LIMIT_ENABLED=false, since one client address sending thousands of refreshes and
# logins a second is exactly what the abuse limits are there to stop.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-15s}"
REFRESH_WARMUP="${REFRESH_WARMUP:-60s}"
CONNECTIONS="${CONNECTIONS:-16}"
WRK_THREADS="${WRK_THREADS:-1}"
JAVA="${JAVA:-java}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS--Xmx64m}"
JAR=bootstrap/target/inkan.jar
JMH_JAR=benchmarks/target/benchmarks.jar
HERE=benchmarks/http

command -v wrk >/dev/null || { echo "wrk is not installed: sudo apt-get install wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 1; }
if [ ! -f "$JAR" ] || [ ! -f "$JMH_JAR" ]; then
  echo "building $JAR and $JMH_JAR ..."
  ./mvnw -q -DskipTests -pl bootstrap,benchmarks -am package
fi

work=$(mktemp -d)
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap 'stop_server; drop_pg_schema; rm -rf "$work"' EXIT

# start_server NAME [DB-URL]: runs the jar on a free loopback port and sets $base and $server_pid
start_server() {
  local name=$1 db_url=${2:-}
  mkdir -p "$work/$name"
  env INKAN_HOST=127.0.0.1 INKAN_PORT=0 INKAN_MANAGEMENT_PORT=off INKAN_DATA_DIR="$work/$name" INKAN_RATE_LIMIT_ENABLED=false \
      ${db_url:+INKAN_DB_URL="$db_url"} \
      "$JAVA" $SERVER_JAVA_OPTS -jar "$JAR" serve >"$work/$name/server.log" 2>&1 &
  server_pid=$!
  local port=""
  for _ in $(seq 1 120); do
    port=$(sed -n 's/.*Inkan listening on [^ ]*:\([0-9][0-9]*\) .*/\1/p' "$work/$name/server.log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/$name/server.log" >&2; exit 1; }
    sleep 0.5
  done
  [ -n "$port" ] || { echo "the server did not start" >&2; cat "$work/$name/server.log" >&2; exit 1; }
  base="http://127.0.0.1:$port"
}

# json_field NAME: the string field NAME of the JSON on stdin, on a line of its own
json_field() { { cat; echo; } | sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

# seconds DURATION: wrk's duration (10s, 2m, 1h) in seconds, for pgbench and RefreshBaseline
seconds() {
  case $1 in
    *h) echo $((${1%h} * 3600)) ;;
    *m) echo $((${1%m} * 60)) ;;
    *s) echo "${1%s}" ;;
    *) echo "$1" ;;
  esac
}

email="bench-$RANDOM@example.com"
password="correct horse battery staple"
register_and_login() {
  curl -sf -X POST "$base/auth/register" -H 'Content-Type: application/json' \
       -d "{\"email\":\"$email\",\"password\":\"$password\"}" >/dev/null
  curl -sf -X POST "$base/auth/login" -H 'Content-Type: application/json' \
       -d "{\"email\":\"$email\",\"password\":\"$password\"}" >"$work/login.json"
  access=$(json_field access_token <"$work/login.json")
}

# sessions FILE: logs in twice per connection (see refresh.lua) and writes each session's refresh
# token to FILE
sessions() {
  : >"$1"
  for _ in $(seq 1 $((2 * CONNECTIONS))); do
    curl -sf -X POST "$base/auth/login" -H 'Content-Type: application/json' \
         -d "{\"email\":\"$email\",\"password\":\"$password\"}" | json_field refresh_token >>"$1"
  done
}

# warm_refresh: refreshes for REFRESH_WARMUP, not reported, on sessions of their own
warm_refresh() {
  [ "$(seconds "$REFRESH_WARMUP")" -gt 0 ] || return 0
  sessions "$work/warm.txt"
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$REFRESH_WARMUP" -s "$HERE/refresh.lua" "$base/auth/refresh" \
      -- "$work/warm.txt" "$WRK_THREADS" >/dev/null
}

# process_ticks PID: the CPU time (user + system) of a process so far, in clock ticks
process_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# machine_ticks: the busy time of all cores since boot (user, nice, system, irq, softirq), in clock ticks
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
# ms_per TICKS COUNT: clock ticks as milliseconds per request or transaction
ms_per() { awk -v ticks="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.3fms", ticks * 1000 / hz / n}'; }
# timed_ms_per FILE COUNT: the user + system seconds bash's time wrote last to FILE, as milliseconds per request
timed_ms_per() { awk -v n="$2" 'END {printf "%.3fms", ($1 + $2) * 1000 / n}' "$1"; }
TIMEFORMAT='%U %S'

results="$work/results.tsv"
: >"$results"
# record LABEL DB RPS P50 P90 P99 FAILED SERVER CLIENT MACHINE: appends one figure to the results
record() { local IFS=$'\t'; echo "$*" >>"$results"; }
# load LABEL DB PATH [wrk options...] [-- script args...]: runs wrk on PATH and appends LABEL, DB,
# req/s, p50, p90, p99, the count of failed requests, and the server's, wrk's and the machine's CPU
# time per request to the results
load() {
  local label=$1 db=$2 path=$3; shift 3
  local options=() script_args=() after_dashes=0 arg
  for arg in "$@"; do
    if [ "$after_dashes" = 1 ]; then script_args+=("$arg")
    elif [ "$arg" = "--" ]; then after_dashes=1
    else options+=("$arg"); fi
  done
  local out="$work/wrk.txt" server_before machine_before server_after machine_after
  server_before=$(process_ticks "$server_pid")
  machine_before=$(machine_ticks)
  { time wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${options[@]}" "$base$path" \
      ${script_args[@]+-- "${script_args[@]}"} >"$out"; } 2>"$work/wrk-time"
  server_after=$(process_ticks "$server_pid")
  machine_after=$(machine_ticks)
  local rps p50 p90 p99 errors requests server client machine
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p90=$(awk '$1 == "90%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {n += 1} END {print n + 0}' "$out")
  requests=$(awk '/ requests in / {print $1}' "$out")
  server=$(ms_per $((server_after - server_before)) "$requests")
  client=$(timed_ms_per "$work/wrk-time" "$requests")
  machine=$(ms_per $((machine_after - machine_before)) "$requests")
  record "$label" "$db" "$rps" "$p50" "$p90" "$p99" "$errors" "$server" "$client" "$machine"
  printf '  %-20s %-10s %10s req/s  p50 %-9s p90 %-9s p99 %-9s non-2xx %s  CPU/req: server %s wrk %s machine %s\n' \
      "$label" "$db" "$rps" "$p50" "$p90" "$p99" "$errors" "$server" "$client" "$machine"
}
# refresh_baseline LABEL DB [VAR=VALUE...]: runs RefreshBaseline with the server's configuration
# variables given, on CONNECTIONS threads for REFRESH_WARMUP and then DURATION, and appends its
# figures to the results
refresh_baseline() {
  local label=$1 db=$2; shift 2
  local rps p50 p90 p99 client machine
  read -r rps p50 p90 p99 client machine < <(env "$@" "$JAVA" $SERVER_JAVA_OPTS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -cp "$JMH_JAR" dev.inkan.benchmarks.RefreshBaseline "$CONNECTIONS" "$(seconds "$DURATION")" "$(seconds "$REFRESH_WARMUP")")
  record "$label" "$db" "$rps" "$p50" "$p90" "$p99" 0 - "$client" "$machine"
  printf '  %-20s %-10s %10s tx/s   p50 %-9s p90 %-9s p99 %-9s CPU/tx: client %s machine %s\n' "$label" "$db" "$rps" "$p50" \
      "$p90" "$p99" "$client" "$machine"
}

# create_pg_schema JDBC-URL: points psql and pgbench at that database (PGHOST, PGPORT, PGDATABASE,
# and PGUSER, PGPASSWORD from INKAN_DB_USER, INKAN_DB_PASSWORD as the server takes them), creates a
# fresh schema $pg_schema in it and sets $pg_schema_url, the URL with that schema, for the baselines
pg_schema=""
create_pg_schema() {
  local url=$1 rest host port db separator='?'
  rest=${url#jdbc:postgresql://}
  host=${rest%%/*}; db=${rest#*/}; db=${db%%\?*}
  port=5432
  case $host in *:*) port=${host##*:}; host=${host%:*} ;; esac
  export PGHOST=$host PGPORT=$port PGDATABASE=$db
  if [ -n "${INKAN_DB_USER:-}" ]; then export PGUSER=$INKAN_DB_USER; fi
  if [ -n "${INKAN_DB_PASSWORD:-}" ]; then export PGPASSWORD=$INKAN_DB_PASSWORD; fi
  psql -qX -v ON_ERROR_STOP=1 -c "CREATE SCHEMA inkan_bench_$$" >/dev/null
  pg_schema="inkan_bench_$$"
  case $url in *\?*) separator='&' ;; esac
  pg_schema_url="$url${separator}currentSchema=$pg_schema"
}
drop_pg_schema() {
  if [ -n "$pg_schema" ]; then
    psql -qX -c "DROP SCHEMA $pg_schema CASCADE" >/dev/null 2>&1 || true
    pg_schema=""
  fi
}

# pgbench_baseline: in $pg_schema, which RefreshBaseline migrates and seeds, runs the statements of
# one refresh with pgbench -M prepared on CONNECTIONS clients for DURATION, and appends its figures
# to the results (in the non-2xx column: transactions that did not spend their token)
pgbench_baseline() {
  local defines
  defines=$(env INKAN_DB_URL="$pg_schema_url" "$JAVA" $SERVER_JAVA_OPTS \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$JMH_JAR" dev.inkan.benchmarks.RefreshBaseline \
      --pgbench "$CONNECTIONS" "$work/refresh.pgbench")
  local machine_before machine_after
  machine_before=$(machine_ticks)
  # shellcheck disable=SC2086 # $defines is a list of -D options
  { time PGOPTIONS="-c search_path=$pg_schema" pgbench -n -M prepared -c "$CONNECTIONS" -j "$WRK_THREADS" \
      -T "$(seconds "$DURATION")" $defines -f "$work/refresh.pgbench" -l --log-prefix="$work/pgbench_log" \
      >"$work/pgbench.txt" 2>&1; } 2>"$work/pgbench-time" || { cat "$work/pgbench.txt" >&2; exit 1; }
  machine_after=$(machine_ticks)
  local tps processed spent p50 p90 p99 client machine
  tps=$(awk '/^tps = / {printf "%.1f", $3}' "$work/pgbench.txt")
  processed=$(awk '/^number of transactions actually processed:/ {split($NF, n, "/"); print n[1]}' "$work/pgbench.txt")
  # the seeding rotated one token itself, to learn the statements
  spent=$(psql -qXAt -c "SELECT COUNT(*) - 1 FROM $pg_schema.refresh_tokens WHERE used_at IS NOT NULL")
  # each logged transaction's latency is its third field, in microseconds
  read -r p50 p90 p99 < <(cat "$work"/pgbench_log.* | awk '{print $3}' | sort -n | awk '
      {latency[NR] = $1}
      END {
        split("50 90 99", percents, " ")
        for (i = 1; i <= 3; i++) {
          rank = int(percents[i] / 100 * NR); if (rank < percents[i] / 100 * NR) rank++
          printf "%.2fms ", latency[rank] / 1000
        }
        print ""
      }')
  client=$(timed_ms_per "$work/pgbench-time" "$processed")
  machine=$(ms_per $((machine_after - machine_before)) "$processed")
  record "refresh via pgbench" postgresql "$tps" "$p50" "$p90" "$p99" $((processed - spent)) - "$client" "$machine"
  printf '  %-20s %-10s %10s tx/s   p50 %-9s p90 %-9s p99 %-9s unspent %s  CPU/tx: client %s machine %s\n' \
      "refresh via pgbench" postgresql "$tps" "$p50" "$p90" "$p99" $((processed - spent)) "$client" "$machine"
}

rps_of() { awk -F'\t' -v label="$1" -v db="$2" '$1 == label && $2 == db {print $3}' "$results"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $("$JAVA" -version 2>&1 | head -1)"
echo "wrk: $WRK_THREADS thread(s), $CONNECTIONS connections, $DURATION per endpoint ($REFRESH_WARMUP of refreshes first), on loopback; server: java $SERVER_JAVA_OPTS -jar $JAR serve"

echo "H2 (the default embedded database):"
start_server h2
register_and_login
auth=(-H "Authorization: Bearer $access")
# Warm the JIT on the two cheap routes first; these runs are not reported.
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d5s "$base/health" >/dev/null
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d5s "${auth[@]}" "$base/auth/verify" >/dev/null
load "GET /health" h2 /health
load "GET /auth/verify" h2 /auth/verify "${auth[@]}"
load "GET /me" h2 /me "${auth[@]}"
warm_refresh
sessions "$work/refresh-h2.txt"
load "POST /auth/refresh" h2 /auth/refresh -s "$HERE/refresh.lua" -- "$work/refresh-h2.txt" "$WRK_THREADS"
rss_under_token_load=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status")
export INKAN_BENCH_EMAIL="$email" INKAN_BENCH_PASSWORD="$password"  # for login.lua
load "POST /auth/login" h2 /auth/login -s "$HERE/login.lua"
rss_peak_h2=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status")
stop_server
mkdir -p "$work/h2-baseline"
refresh_baseline "refresh via JDBC" h2 INKAN_DATA_DIR="$work/h2-baseline"

pg_url="${INKAN_BENCH_POSTGRES_URL:-${INKAN_TEST_POSTGRES_URL:-}}"
if [ -n "$pg_url" ]; then
  echo "PostgreSQL ($pg_url):"
  start_server pg "$pg_url"
  register_and_login
  warm_refresh
  sessions "$work/refresh-pg.txt"
  load "POST /auth/refresh" postgresql /auth/refresh -s "$HERE/refresh.lua" -- "$work/refresh-pg.txt" "$WRK_THREADS"
  stop_server
  if command -v pgbench >/dev/null && command -v psql >/dev/null; then
    create_pg_schema "$pg_url"
    pgbench_baseline
    refresh_baseline "refresh via JDBC" postgresql INKAN_DB_URL="$pg_schema_url"
    drop_pg_schema
  else
    echo "  pgbench: skipped (pgbench and psql are not installed: apt-get install postgresql-client-15)"
    refresh_baseline "refresh via JDBC" postgresql INKAN_DB_URL="$pg_url"
  fi
else
  echo "PostgreSQL: skipped (set INKAN_BENCH_POSTGRES_URL=jdbc:postgresql://host:5432/db to include it)"
fi

echo "raw Argon2id checks per second, $(nproc) threads, default parameters (JMH):"
argon2=$("$JAVA" -jar "$JMH_JAR" 'PasswordHashBenchmark.argon2Native' -t "$(nproc)" -f 1 -wi 1 -w 3s -i 3 -r 5s 2>&1 |
  awk '/^PasswordHashBenchmark.argon2Native/ {print $4}')
echo "  $argon2 checks/s"

echo
echo "| endpoint | database | req/s | p50 | p90 | p99 | non-2xx | CPU/req: server | client | machine | ratio |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
health=$(rps_of "GET /health" h2)
# against_baselines DB RPS: RPS as a multiple of each refresh baseline measured on DB
against_baselines() {
  local db=$1 rps=$2 name base notes=()
  for name in "refresh via pgbench" "refresh via JDBC"; do
    base=$(rps_of "$name" "$db")
    [ -n "$base" ] && notes+=("$(ratio "$rps" "$base")x ${name#refresh via } ($base/s)")
  done
  local IFS=';'
  echo "${notes[*]}" | sed 's/;/; /g'
}
while IFS=$'\t' read -r label db rps p50 p90 p99 errors server client machine; do
  case "$label" in
    "GET /health") note="baseline" ;;
    "POST /auth/login") note="$(ratio "$rps" "$argon2")x raw Argon2id ($argon2/s)" ;;
    "POST /auth/refresh") note="$(against_baselines "$db" "$rps")" ;;
    "refresh via "*) note="baseline for /auth/refresh" ;;
    *) note="$(ratio "$rps" "$health")x /health" ;;
  esac
  echo "| $label | $db | $rps | $p50 | $p90 | $p99 | $errors | $server | $client | $machine | $note |"
done <"$results"
echo
echo "server peak resident memory (VmHWM), H2: ${rss_under_token_load} MB through /health, /auth/verify, /me and /auth/refresh; ${rss_peak_h2} MB after /auth/login too"
