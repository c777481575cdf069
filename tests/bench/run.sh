#!/usr/bin/env bash
# The benchmark of issue 5: a Release build on a seeded archive, driven by wrk on 127.0.0.1, each figure a ratio
# to nginx serving the identical article bytes in the same run. Not part of CI.
# Usage: tests/bench/run.sh              (100,000 articles; seeding takes a few minutes)
#        ARTICLES=1000 tests/bench/run.sh (a quick run)
# The uncached home, section and search are also measured on a BASELINE-article archive (default 1,000):
# the ratio shows whether their cost grows with the archive.
#        STORE=postgres tests/bench/run.sh (PostgreSQL + Redis: servers on loopback, as .ci/run starts them;
#                                          BENCH_POSTGRES and BENCH_REDIS name them)
# Rows compared with each other are taken in turns: ROUNDS (default 5) for the ceiling, the floor and the cached article,
# FLAT_ROUNDS (default 3) for each uncached page and its small-archive twin; DURATION and WARMUP set each run's length.
# On a shared machine: BENCH_PORT (the first of six ports, default 5181) and BENCH_NAME (its databases and Redis key
# prefixes, default newssite_bench) keep two runs apart.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

ARTICLES=${ARTICLES:-100000}
DURATION=${DURATION:-10s}
# Each figure is the JIT's steady state: a page first runs unoptimized code, then instrumented, then tier-1 code.
WARMUP=${WARMUP:-5s}
BASELINE=${BASELINE:-1000}
STORE=${STORE:-sqlite}
BENCH_POSTGRES=${BENCH_POSTGRES:-Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres}
BENCH_REDIS=${BENCH_REDIS:-127.0.0.1:6379}
BENCH_PORT=${BENCH_PORT:-5181}
BENCH_NAME=${BENCH_NAME:-newssite_bench}
CACHED_PORT=$BENCH_PORT UNCACHED_PORT=$((BENCH_PORT + 1)) NGINX_PORT=$((BENCH_PORT + 2)) UNLOGGED_PORT=$((BENCH_PORT + 3))
BASELINE_PORT=$((BENCH_PORT + 4)) FLOOR_PORT=$((BENCH_PORT + 5))
main_name=$BENCH_NAME base_name=${BENCH_NAME}_baseline

work=$(mktemp -d /tmp/newssite-bench.XXXXXX)
source tests/loopback.sh
# Stop everything this script started and remove its files, however it ends.
cleanup() {
  stop_started
  if [ "$STORE" = postgres ]; then
    for name in "$main_name" "$base_name"; do drop_database "$name"; delete_redis_keys "$name"; done
  fi
  rm -rf "$work"
}
# PostgreSQL databases of the run, made by the site's own migrate and dropped at the end.
psql_admin() { PGPASSWORD=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$BENCH_POSTGRES") psql -h 127.0.0.1 -U postgres -d postgres -qtA -c "$1"; }
drop_database() { psql_admin "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null 2>&1 || true; }
# Each archive is a site of its own in Redis (its own key prefix, as News:RedisPrefix intends); only the run's keys go.
redis=(redis-cli -h "${BENCH_REDIS%:*}" -p "${BENCH_REDIS##*:}")
delete_redis_keys() { "${redis[@]}" --scan --pattern "$1:*" | xargs -r -d '\n' "${redis[@]}" del >/dev/null || true; }
trap cleanup EXIT

need_packages wrk:wrk nginx:nginx-light
publish_release
loopback_environment
base_redis=()
if [ "$STORE" = postgres ]; then
  export News__Database=Postgres ConnectionStrings__Redis="$BENCH_REDIS"
  # Each instance's pool sized to the cores, as the README advises: PostgreSQL runs a process per connection, and on
  # these cores 16 busy ones only queue for the CPU (uncached article @16 with a pool of 20: ~1,000 req/s, p99 40-90 ms;
  # with 4: ~1,050 req/s, p99 ~25 ms). Uncapped, Npgsql's pool grows to 100 per instance and the instances share the
  # server's 100 connections ("53300: too many clients").
  pool="Maximum Pool Size=$(($(nproc) * 2))"
  main_db="$BENCH_POSTGRES;Database=$main_name;$pool" base_db="$BENCH_POSTGRES;Database=$base_name;$pool"
  for name in "$main_name" "$base_name"; do drop_database "$name"; delete_redis_keys "$name"; done
  export News__RedisPrefix="$main_name:"
  base_redis=(News__RedisPrefix="$base_name:")
else
  main_db="Data Source=$work/news.db" base_db="Data Source=$work/baseline.db"
fi
export ConnectionStrings__News="$main_db"
echo "Seeding $ARTICLES articles..." >&2
(cd "$work/app" && dotnet NewsSite.dll seed-bulk --articles "$ARTICLES" >"$work/seed.log" 2>&1)
(cd "$work/app" && ConnectionStrings__News="$base_db" dotnet NewsSite.dll seed-bulk --articles "$BASELINE" >>"$work/seed.log" 2>&1)

# Two instances on the same database: the site as configured (cache on), and with the page cache switched off.
# Serilog request logging stays on, as in production: one line per request to a file.
start_site() { # port, extra environment...
  local port=$1; shift
  (cd "$work/app" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" "$@" dotnet NewsSite.dll >"$work/site-$port.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the site on port $port did not start; its log:" >&2; tail -20 "$work/site-$port.log" >&2; exit 1
}
start_site $CACHED_PORT
cached_pid=${pids[-1]}
start_site $UNCACHED_PORT News__OutputCache=false
# The cost of request logging on its own: the cached site with the request log's level raised above Information.
start_site $UNLOGGED_PORT Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware=Warning
start_site $BASELINE_PORT News__OutputCache=false ConnectionStrings__News="$base_db" "${base_redis[@]}"

site="http://127.0.0.1:$CACHED_PORT"
enc="Accept-Encoding: br, gzip"
# A browser's user agent, so every request counts a view and impressions as a reader's would.
browser="User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
home_html=$(curl -fs "$site/")
article=$(grep -o 'href="/news/[0-9]*/[^"]*"' <<<"$home_html" | awk 'NR == 1' | cut -d'"' -f2)
section=$(grep -o 'href="/section/[^"/]*"' <<<"$home_html" | awk 'NR == 1' | cut -d'"' -f2)
# The first word of the article's title, past the urgent label an urgent story's h1 starts with (else the word is empty and
# "search" measures the empty query's page).
word=$(curl -fs "$site$article" | grep -o '<h1[^>]*>.*</h1>' | awk 'NR == 1' \
  | sed 's/<span class="urgent-label">[^<]*<\/span>//; s/<[^>]*>//g' | awk '{print $1}')
[ -n "$word" ] || { echo "no title word on $article to search for" >&2; exit 1; }
search="/search?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$word")"

# Page 500 of the section, or its last page when it has fewer (found by halving).
status() { curl -s -o /dev/null -w '%{http_code}' "$1"; }
deep_page() { # site
  local page=500
  if [ "$(status "$1$section?page=$page")" != 200 ]; then
    local low=1 high=$page
    while [ $((high - low)) -gt 1 ]; do
      mid=$(((low + high) / 2))
      if [ "$(status "$1$section?page=$mid")" = 200 ]; then low=$mid; else high=$mid; fi
    done
    page=$low
  fi
  echo "$page"
}
page=$(deep_page "$site")
section_page="$section?page=$page"
baseline="http://127.0.0.1:$BASELINE_PORT"
# The small archive's deepest full page: its last page may hold a card or two, which would flatter it.
baseline_page=$(deep_page "$baseline")
[ "$baseline_page" -gt 1 ] && baseline_page=$((baseline_page - 1))

# The ceiling: nginx serving the cached article's exact Brotli bytes as a static file.
mkdir -p "$work/www"
curl -fs -H "$enc" "$site$article" -o "$work/www/article"
chmod -R a+rX "$work"
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx-body;
  proxy_temp_path $work/nginx-proxy;
  fastcgi_temp_path $work/nginx-fastcgi;
  uwsgi_temp_path $work/nginx-uwsgi;
  scgi_temp_path $work/nginx-scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
    default_type "text/html; charset=utf-8";
    add_header Content-Encoding br;
    add_header Vary Accept-Encoding;
  }
}
CONF
nginx -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
sleep 1
# The floor of the stack: bare Kestrel with the same bytes and headers, no middleware (tests/bench/floor).
dotnet publish tests/bench/floor -c Release -o "$work/floor" -v q -nologo >/dev/null
(cd "$work/floor" && exec env ASPNETCORE_URLS="http://127.0.0.1:$FLOOR_PORT" dotnet KestrelFloor.dll "$work/www/article" >"$work/floor.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$FLOOR_PORT/" -o /dev/null && break; sleep 0.5; done

# wrk: req/s, p50 and p99 (in ms) and failed responses (not 2xx/3xx, or socket errors): a figure with failures in it
# measures the error path, and so does a run that served nothing (a PostgreSQL run once printed 0 req/s and no failure);
# curl: the body's bytes as served with the same headers.
# Server CPU per request: the machine's busy time during the run (/proc/stat: user, nice, system, irq, softirq) less
# wrk's own (its shell's waited-for children), over the requests served. wrk takes about half the cores at these rates,
# so req/s alone understates how far apart two servers are; this counts what answering cost, wherever it ran (the site,
# nginx, PostgreSQL, Redis, the kernel for them).
busy_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
tick_us=$((1000000 / $(getconf CLK_TCK)))
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.2f", v }'; }
results=()
run_wrk() { # url, connections, accept-encoding header (or ""): one run, as "req/s|p50|p99|failed|server CPU µs per request"
  local url=$1 connections=$2 header=${3:-} out before after
  before=$(busy_ticks)
  out=$(wrk -t2 -c"$connections" -d"$DURATION" --latency -H "$browser" ${header:+-H "$header"} "$url"
    awk '{ print "wrk-ticks", $16 + $17 }' "/proc/$BASHPID/stat")
  after=$(busy_ticks)
  awk -v busy=$((after - before)) -v tick="$tick_us" '/Requests\/sec/ { r = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
       / requests in / { requests = $1 } $1 == "wrk-ticks" { own = $2 }
       /Non-2xx or 3xx responses/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 }
       END { printf "%s|%s|%s|%d|%.1f\n", r, p50, p99, requests ? n : n + 1, requests ? (busy - own) * tick / requests : 0 }' <<<"$out"
}
# Warm: the first hit renders, and a run as long as WARMUP lets the JIT reach its optimized code for this path.
warm() { wrk -t2 -c"$2" -d"$WARMUP" -H "$browser" ${3:+-H "$3"} "$1" >/dev/null; }
record() { # label, url, connections, header, "req/s|p50|p99|failed|cpu"
  local label=$1 url=$2 connections=$3 header=$4 rps p50 p99 failed cpu bytes
  IFS='|' read -r rps p50 p99 failed cpu <<<"$5"
  p50=$(to_ms <<<"$p50") p99=$(to_ms <<<"$p99")
  bytes=$(curl -s ${header:+-H "$header"} -o /dev/null -w '%{size_download}' "$url")
  results+=("$label|$connections|$rps|$p50|$p99|$bytes|$failed|$cpu")
  echo "  $label: $rps req/s$([ "$failed" = 0 ] || echo ", $failed failed")" >&2
}
measure() { # label, url, connections, accept-encoding header (or "")
  warm "$2" "$3" "${4:-}"
  record "$1" "$2" "$3" "${4:-}" "$(run_wrk "$2" "$3" "${4:-}")"
}
# Rows that are compared with each other share the machine with its neighbours, whose load comes and goes by the
# minute (nginx alone has measured 69,000 and 94,000 req/s an hour apart): they are taken in turns, several rounds, and
# each row is its median run, so a quiet or a busy minute does not fall on one row alone.
ROUNDS=${ROUNDS:-5}
FLAT_ROUNDS=${FLAT_ROUNDS:-3}
interleaved() { # rounds, then label url connections header, repeated per row
  local rounds=$1; shift
  local -a rows=("$@") runs=()
  local n=$((${#rows[@]} / 4)) i round
  for ((i = 0; i < n; i++)); do warm "${rows[4 * i + 1]}" "${rows[4 * i + 2]}" "${rows[4 * i + 3]}"; done
  for ((round = 0; round < rounds; round++)); do
    for ((i = 0; i < n; i++)); do
      runs[$((i * rounds + round))]=$(run_wrk "${rows[4 * i + 1]}" "${rows[4 * i + 2]}" "${rows[4 * i + 3]}")
    done
  done
  for ((i = 0; i < n; i++)); do
    local median
    median=$(printf '%s\n' "${runs[@]:$((i * rounds)):$rounds}" | sort -t'|' -k1,1g | awk -v m=$(((rounds + 1) / 2)) 'NR == m')
    record "${rows[4 * i]}" "${rows[4 * i + 1]}" "${rows[4 * i + 2]}" "${rows[4 * i + 3]}" "$median"
  done
}

echo "Measuring..." >&2
uncached="http://127.0.0.1:$UNCACHED_PORT"
interleaved "$ROUNDS" "nginx static file (ceiling)" "http://127.0.0.1:$NGINX_PORT/article" 64 "" \
  "bare Kestrel, same bytes" "http://127.0.0.1:$FLOOR_PORT/article" 64 "" \
  "article, cached (br)" "$site$article" 64 "$enc" \
  "article, cached, no req. log" "http://127.0.0.1:$UNLOGGED_PORT$article" 64 "$enc"
measure "article, uncached" "$uncached$article" 64 "$enc"
measure "article, uncached" "$uncached$article" 16 "$enc"
# Each page whose cost must not grow with the archive is measured in turns with the same page of the small archive.
measure "home, cached" "$site/" 64 "$enc"
interleaved "$FLAT_ROUNDS" "home, uncached" "$uncached/" 64 "$enc" \
  "home, uncached @$BASELINE" "$baseline/" 64 "$enc"
measure "section page $page, cached" "$site$section_page" 64 "$enc"
interleaved "$FLAT_ROUNDS" "section page $page, uncached" "$uncached$section_page" 64 "$enc" \
  "section p.$baseline_page, uncached @$BASELINE" "$baseline$section?page=$baseline_page" 64 "$enc"
measure "search, cached" "$site$search" 64 "$enc"
interleaved "$FLAT_ROUNDS" "search, uncached" "$uncached$search" 64 "$enc" \
  "search, uncached @$BASELINE" "$baseline$search" 64 "$enc"
measure "news sitemap, cached" "$site/sitemap-news.xml" 64 "$enc"
measure "RSS feed, cached" "$site/feed.xml" 64 "$enc"

ceiling=$(cut -d'|' -f3 <<<"${results[0]}")
css=$(grep -o 'href="/css/[^"]*"' <<<"$home_html" | awk 'NR == 1' | cut -d'"' -f2)
immutable=$(curl -sI "$site$css" | tr -d '\r' | awk -F': ' 'tolower($1) == "cache-control" { print $2 }')
rss_kb=$(ps -o rss= -p "$cached_pid" | tr -d ' ')
logged=$(grep -c 'HTTP GET' "$work/site-$CACHED_PORT.log" || true)

echo
echo "NewsSite benchmark ($STORE$([ "$STORE" = postgres ] && echo ' + Redis')): $ARTICLES articles, $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), wrk -t2 -d$DURATION on 127.0.0.1"
echo "Taken in turns, each row its median run: the first four rows ($ROUNDS rounds) and each uncached page with its @$BASELINE twin ($FLAT_ROUNDS rounds)"
echo "CPU µs/req: the machine's busy time during the run less wrk's own, per request served (the server's cost, wherever it ran)"
printf '| %-32s | %5s | %9s | %8s | %8s | %7s | %8s | %9s |\n' "what" "conns" "req/s" "p50 ms" "p99 ms" "bytes" "ceiling" "CPU µs/req"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "----------------------------------" "------:" "----------:" "---------:" "---------:" "--------:" "---------:" "-----------:"
failures=()
for row in "${results[@]}"; do
  IFS='|' read -r label connections rps p50 p99 bytes failed cpu <<<"$row"
  [ "$failed" = 0 ] || failures+=("$label @$connections: $failed")
  printf '| %-32s | %5s | %9.0f | %8s | %8s | %7s | %7.1f%% | %10s |\n' "$label" "$connections" "$rps" "$p50" "$p99" "$bytes" \
    "$(awk -v r="$rps" -v c="$ceiling" 'BEGIN { print 100 * r / c }')" "$cpu"
done
echo
echo "Flat in the archive's size: uncached req/s at $BASELINE articles and at $ARTICLES (the target: at most 2x slower)"
rps_of() { printf '%s\n' "${results[@]}" | awk -F'|' -v l="$1" '$1 == l { print $3; exit }'; }
while IFS='|' read -r small_label big_label; do
  small=$(rps_of "$small_label") big=$(rps_of "$big_label")
  printf '| %-32s | %9.0f | %-32s | %9.0f | %5.2fx slower |\n' "$small_label" "$small" "$big_label" "$big" \
    "$(awk -v s="$small" -v b="$big" 'BEGIN { print s / b }')"
done <<PAIRS
home, uncached @$BASELINE|home, uncached
section p.$baseline_page, uncached @$BASELINE|section page $page, uncached
search, uncached @$BASELINE|search, uncached
PAIRS
echo
echo "Site RSS at the end (cached instance): $((rss_kb / 1024)) MB"
echo "Request logging: on (Serilog request logging, Information, standard output in batches to a file: $logged lines written)"
echo "Static asset $css: Cache-Control: $immutable"
log_errors=$(cat "$work"/site-*.log | grep -cE '^\[[0-9:]+ (ERR|FTL)\]' || true)
echo "Failed responses (not 2xx/3xx, or socket errors): $([ ${#failures[@]} = 0 ] && echo none || (IFS=';'; echo "${failures[*]}")); errors in the sites' logs: $log_errors"
