#!/usr/bin/env bash
# Gateway benchmark: requests per second through nginx with auth_request to Inkan, beside the same
# nginx proxying the same requests to the same upstream without auth, in one run. nginx runs the
# configuration of docs/gateways.md as written (keep-alive to Inkan and to the upstream, the cookie
# maps, the identity headers), with the addresses replaced by loopback ones. The upstream is, with
# UPSTREAM=javalin (the default), a service on Inkan's own HTTP stack (Upstream.java: Javalin on
# Jetty, answering 200 at once with the user id it was given), so that the auth subrequest is what
# the issue calls it, a second round trip to a server of the same make; with UPSTREAM=static, a
# second nginx server that answers 200 at once, which makes the ratio the whole cost of a round
# trip to a JVM and the token check against nginx proxying to itself, the harshest comparison.
#
# Usage: benchmarks/http/gateway.sh   (needs nginx with auth_request, Debian's package, and wrk)
# Knobs: UPSTREAM (javalin or static), DURATION (15s per run), WARMUP (10s, twice per side),
#        CONNECTIONS (16), WRK_THREADS (1), ROUNDS (2: each side measured this many times,
#        alternately), JAVA (java), SERVER_JAVA_OPTS (-Xmx64m, as the README runs the server), NGINX
#        (/usr/sbin/nginx), NGINX_WORKERS (auto, as Debian's nginx.conf has it), NICE (empty;
#        "nice -n -20" runs nginx, wrk, Inkan and the upstream ahead of whatever else the machine is
#        doing).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
WRK_THREADS="${WRK_THREADS:-1}"
ROUNDS="${ROUNDS:-2}"
JAVA="${JAVA:-java}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS--Xmx64m}"
NGINX="${NGINX:-/usr/sbin/nginx}"
NGINX_WORKERS="${NGINX_WORKERS:-auto}"
NICE="${NICE:-}"
UPSTREAM="${UPSTREAM:-javalin}"
JAR=bootstrap/target/inkan.jar

command -v wrk >/dev/null || { echo "wrk is not installed: sudo apt-get install wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 1; }
[ -x "$NGINX" ] || { echo "nginx is not installed: sudo apt-get install nginx" >&2; exit 1; }
case "$UPSTREAM" in javalin | static) ;; *) echo "UPSTREAM is javalin or static, not '$UPSTREAM'" >&2; exit 1 ;; esac
[ -f "$JAR" ] || { echo "building $JAR ..."; ./mvnw -q -DskipTests -pl bootstrap -am package; }

work=$(mktemp -d)
server_pid=""
nginx_pid=""
upstream_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  [ -n "$upstream_pid" ] && kill "$upstream_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Inkan, as the README runs it, trusting the gateway on loopback.
env INKAN_HOST=127.0.0.1 INKAN_PORT=0 INKAN_MANAGEMENT_PORT=off INKAN_DATA_DIR="$work/data" INKAN_RATE_LIMIT_ENABLED=false \
    INKAN_TRUSTED_PROXIES=127.0.0.1 $NICE "$JAVA" $SERVER_JAVA_OPTS -jar "$JAR" serve >"$work/server.log" 2>&1 &
server_pid=$!
inkan_port=""
for _ in $(seq 1 120); do
  inkan_port=$(sed -n 's/.*Inkan listening on [^ ]*:\([0-9][0-9]*\) .*/\1/p' "$work/server.log" | head -1)
  [ -n "$inkan_port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$inkan_port" ] || { echo "the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }

email="gateway-$RANDOM@example.com"
password="correct horse battery staple"
curl -sf -X POST "http://127.0.0.1:$inkan_port/auth/register" -H 'Content-Type: application/json' \
     -d "{\"email\":\"$email\",\"password\":\"$password\"}" >/dev/null
access=$(curl -sf -X POST "http://127.0.0.1:$inkan_port/auth/login" -H 'Content-Type: application/json' \
     -d "{\"email\":\"$email\",\"password\":\"$password\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$access" ] || { echo "no access token" >&2; exit 1; }

gated_port=$(free_port)
open_port=$(free_port)
app_port=$(free_port)
if [ "$UPSTREAM" = javalin ]; then
  $NICE "$JAVA" -Xmx64m -cp "$JAR" benchmarks/http/Upstream.java "$app_port" >"$work/upstream.log" 2>&1 &
  upstream_pid=$!
  for _ in $(seq 1 150); do grep -q "upstream listening" "$work/upstream.log" && break; sleep 0.2; done
  grep -q "upstream listening" "$work/upstream.log" || { echo "the upstream did not start" >&2; cat "$work/upstream.log" >&2; exit 1; }
  static_port=$(free_port) # the static server below listens, unused
else
  static_port=$app_port
fi
documented=$(awk '/^```nginx$/ {inside = 1; next} inside && /^```$/ {exit} inside {print}' docs/gateways.md)
[ -n "$documented" ] || { echo "docs/gateways.md shows no nginx configuration" >&2; exit 1; }
documented=${documented//"server 127.0.0.1:8080;"/"server 127.0.0.1:$inkan_port;"}
documented=${documented//"server 127.0.0.1:3000;"/"server 127.0.0.1:$app_port;"}
documented=${documented//"listen 80;"/"listen 127.0.0.1:$gated_port;"}
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes $NGINX_WORKERS;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/client_body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;

$documented

    # The same proxying, without auth.
    server {
        listen 127.0.0.1:$open_port;
        location / {
            proxy_set_header Cookie \$cookies_for_app;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_pass http://app;
        }
    }

    # UPSTREAM=static: the upstream answers at once.
    server {
        listen 127.0.0.1:$static_port;
        location / {
            default_type text/plain;
            return 200 "ok\n";
        }
    }
}
EOF
$NICE "$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$open_port/" && break; sleep 0.1; done

auth=(-H "Authorization: Bearer $access")
[ "$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "http://127.0.0.1:$gated_port/app")" = 200 ] \
  || { echo "the gated server does not let the token through" >&2; cat "$work/nginx/error.log" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$gated_port/app")" = 401 ] \
  || { echo "the gated server lets a request without a token through" >&2; exit 1; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA" -version 2>&1 | head -1); $("$NGINX" -v 2>&1)"
echo "wrk: $WRK_THREADS thread(s), $CONNECTIONS connections, $DURATION per run, $ROUNDS runs per side, alternately; nginx: $NGINX_WORKERS worker(s); upstream: $UPSTREAM; server: java $SERVER_JAVA_OPTS -jar $JAR serve${NICE:+; all under $NICE}"

# run LABEL PORT: one wrk run with the token, printing and recording req/s, p50, p99 and failures
results="$work/results.tsv"
: >"$results"
run() {
  local label=$1 port=$2 out="$work/wrk.txt"
  $NICE wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${auth[@]}" "http://127.0.0.1:$port/app/orders?page=1" >"$out"
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {n += 1} END {print n + 0}' "$out")
  printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$rps" "$p50" "$p99" "$errors" >>"$results"
  printf '  %-28s %10s req/s  p50 %-9s p99 %-9s non-2xx %s\n' "$label" "$rps" "$p50" "$p99" "$errors"
}

# Warm the JIT and the connections; not reported.
for _ in 1 2; do
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${auth[@]}" "http://127.0.0.1:$gated_port/app" >/dev/null
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${auth[@]}" "http://127.0.0.1:$open_port/app" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  run "nginx, no auth ($round)" "$open_port"
  run "nginx + auth_request ($round)" "$gated_port"
done

awk -F'\t' '
  /no auth/ {open += $2; n_open++}
  /auth_request/ {gated += $2; n_gated++}
  END {
    printf "\nmean: no auth %.0f req/s, with auth_request to Inkan %.0f req/s: %.2fx (goal: at least 0.5x)\n",
      open / n_open, gated / n_gated, (gated / n_gated) / (open / n_open)
  }' "$results"
