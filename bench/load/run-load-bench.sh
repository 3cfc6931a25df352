#!/usr/bin/env bash
# Load generator comparison (issue 7): nginx on 127.0.0.1 (1 worker, keep-alive, a 1 KB page) driven by
#   crawler load -c 64 -d 10s   vs   wrk -t2 -c64 -d10s   vs   hey -c 64 -z 10s
# Prints requests/s, p50/p99, client CPU seconds (user+sys, from /usr/bin/time or /proc) and ours ÷ wrk.
#
# Usage: bench/load/run-load-bench.sh [--duration 10s] [--connections 64] [--crawler PATH]
# Needs nginx, wrk, hey (apt-get install nginx wrk hey). Builds crawler in Release unless --crawler is given.
# Figures are only comparable within one run on one machine; other load on the machine makes them noisy.
set -euo pipefail

DURATION=10s
CONNECTIONS=64
CRAWLER=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --crawler) CRAWLER="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
for tool in nginx wrk hey; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y $tool" >&2; exit 2; }
done
NGINX="$(command -v nginx)"

if [[ -z "$CRAWLER" ]]; then
  echo "building crawler as shipped (native AOT, scripts/publish)..." >&2
  CRAWLER="$("$ROOT/scripts/publish" "$ROOT/artifacts/publish")"
fi

WORK="$(mktemp -d /tmp/crawler-load-bench.XXXXXX)"
PORT=$(( 20000 + RANDOM % 20000 ))
mkdir -p "$WORK/www" "$WORK/logs"
head -c 1024 /dev/zero | tr '\0' 'x' > "$WORK/www/index.html"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_timeout 65s;
  keepalive_requests 100000000;
  client_body_temp_path $WORK/tmp;
  proxy_temp_path $WORK/tmp;
  fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp;
  scgi_temp_path $WORK/tmp;
  server {
    listen 127.0.0.1:$PORT;
    root $WORK/www;
    location / { index index.html; }
  }
}
CONF
mkdir -p "$WORK/tmp"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
trap 'kill $NGINX_PID 2>/dev/null || true; wait $NGINX_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && break
  sleep 0.1
done
URL="http://127.0.0.1:$PORT/"

# Runs a command, writing its stdout to $1 and its "user sys" CPU seconds to $2 (/usr/bin/time, else getrusage).
timed() {
  local out="$1"; local cpu="$2"; shift 2
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "%U %S" -o "$cpu" "$@" > "$out" 2>"$out.err"
  else
    python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[2:], stdout=open(sys.argv[1] + ".out", "w"), stderr=subprocess.DEVNULL)
r = resource.getrusage(resource.RUSAGE_CHILDREN); print(r.ru_utime, r.ru_stime)' "$out" "$@" > "$cpu"
    mv "$out.out" "$out"
  fi
}

cpu_total() { awk '{printf "%.2f", $1 + $2}' "$1"; }

# Latency values like 1.23ms / 456.78us / 1.2s → milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else printf "%s", v }'
}

echo "warm-up..." >&2
wrk -t2 -c"$CONNECTIONS" -d2s "$URL" >/dev/null

echo "wrk -t2 -c$CONNECTIONS -d$DURATION --latency" >&2
timed "$WORK/wrk.txt" "$WORK/wrk.cpu" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$URL"
WRK_RPS=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.txt")
WRK_P50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")")
WRK_P99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")")
WRK_CPU=$(cpu_total "$WORK/wrk.cpu")

echo "crawler load -c $CONNECTIONS -d $DURATION" >&2
timed "$WORK/crawler.txt" "$WORK/crawler.cpu" "$CRAWLER" load "$URL" -c "$CONNECTIONS" -d "$DURATION" --json
OURS_RPS=$(python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["requestsPerSecond"], 2))' "$WORK/crawler.txt")
OURS_P50=$(python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["latency"]["percentilesUs"]["50"] / 1000, 3))' "$WORK/crawler.txt")
OURS_P99=$(python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["latency"]["percentilesUs"]["99"] / 1000, 3))' "$WORK/crawler.txt")
OURS_CPU=$(cpu_total "$WORK/crawler.cpu")

echo "hey -c $CONNECTIONS -z $DURATION" >&2
timed "$WORK/hey.txt" "$WORK/hey.cpu" hey -c "$CONNECTIONS" -z "$DURATION" "$URL"
HEY_RPS=$(awk '/Requests\/sec/ {print $2}' "$WORK/hey.txt")
HEY_P50=$(awk '/ 50%/ {printf "%.3f", $3 * 1000}' "$WORK/hey.txt")
HEY_P99=$(awk '/ 99%/ {printf "%.3f", $3 * 1000}' "$WORK/hey.txt")
HEY_CPU=$(cpu_total "$WORK/hey.cpu")

printf '\n%-8s %12s %10s %10s %10s\n' tool "req/s" "p50 ms" "p99 ms" "CPU s"
printf '%-8s %12s %10s %10s %10s\n' wrk "$WRK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_CPU"
printf '%-8s %12s %10s %10s %10s\n' crawler "$OURS_RPS" "$OURS_P50" "$OURS_P99" "$OURS_CPU"
printf '%-8s %12s %10s %10s %10s\n' hey "$HEY_RPS" "$HEY_P50" "$HEY_P99" "$HEY_CPU"
SECONDS_RUN=${DURATION%s}
awk -v o="$OURS_RPS" -v w="$WRK_RPS" -v oc="$OURS_CPU" -v wc="$WRK_CPU" -v d="$SECONDS_RUN" 'BEGIN {
  printf "\nours / wrk: requests/s %.3f (target >= 0.95)\n", o / w;
  printf "client CPU per request: wrk %.2f us, crawler %.2f us, ratio %.3f (target <= 1.2; total CPU ratio %.3f)\n",
    wc * 1e6 / (w * d), oc * 1e6 / (o * d), (oc / o) / (wc / w), oc / wc }'
echo "(durations $DURATION each; machine shared with other work, so figures are noisy)"
