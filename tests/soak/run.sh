#!/usr/bin/env bash
# The soak of issue 6: a Release build on a seeded database, N minutes of mixed reader traffic from wrk on 127.0.0.1
# while an editor publishes and edits through the real newsroom forms, then a graceful stop. Fails (exit 1) unless:
# no error response or socket error, no failed publish, memory flat, and the stored views equal the article pages served.
# Not part of CI (too long).
# Usage: tests/soak/run.sh                  (5 minutes, 2,000 articles)
#        SOAK_MINUTES=1 tests/soak/run.sh   (a quick run; also ARTICLES, CONNECTIONS, PUBLISH_SECONDS)
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

SOAK_MINUTES=${SOAK_MINUTES:-5}
ARTICLES=${ARTICLES:-2000}
CONNECTIONS=${CONNECTIONS:-32}
PUBLISH_SECONDS=${PUBLISH_SECONDS:-3}
# A free port chosen by the kernel: a fixed one may be someone else's on a shared machine.
PORT=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
site="http://127.0.0.1:$PORT"
script_dir=tests/soak

work=$(mktemp -d /tmp/newssite-soak.XXXXXX)
source tests/loopback.sh
# Stop everything this script started and remove its files, however it ends.
cleanup() {
  stop_started
  [ -n "${SOAK_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

need_packages wrk:wrk sqlite3:sqlite3
publish_release
loopback_environment
export ConnectionStrings__News="Data Source=$work/news.db"
# Views are written every minute instead of every 10 s, so the graceful stop usually has counts in memory to write.
export News__ViewFlushSeconds=60
admin_email=soak-editor@example.com
export NEWS_ADMIN_PASSWORD="Soak-Password-$RANDOM-2026"
app() { (cd "$work/app" && dotnet NewsSite.dll "$@"); }
echo "Seeding $ARTICLES articles..." >&2
app seed-bulk --articles "$ARTICLES" >"$work/seed.log" 2>&1
app create-admin --email "$admin_email" >>"$work/seed.log" 2>&1
db() { sqlite3 -batch -noheader "$work/news.db" "$@"; }

(cd "$work/app" && exec env ASPNETCORE_URLS="$site" dotnet NewsSite.dll >"$work/site.log" 2>&1) &
site_pid=$!
pids+=("$site_pid")
for _ in $(seq 1 120); do
  curl -fs "$site/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$site/healthz" >/dev/null || { echo "the site did not start; its log:" >&2; tail -20 "$work/site.log" >&2; exit 1; }
# The subshell execs dotnet, which runs the app in its own process: the pid is the site's (its RSS is what is sampled).
app_pid=$site_pid

# The reader paths: 60 articles by their exact address (a wrong slug would be a redirect, not a view), every
# section and its page 2, 20 tags, searches for words of titles, feeds and sitemaps; articles about a third of the requests.
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
paths="$work/paths.txt"
db "SELECT Id, Slug FROM Articles WHERE Status = 3 ORDER BY random() LIMIT 60;" | while IFS='|' read -r id slug; do
  echo "/news/$id/$(urlencode "$slug")"
done >"$paths"
mapfile -t article_ids < <(cut -d/ -f3 "$paths")
{
  for _ in 1 2 3 4 5 6; do echo /; done
  db "SELECT Slug FROM Sections;" | while read -r slug; do echo "/section/$(urlencode "$slug")"; echo "/section/$(urlencode "$slug")?page=2"; done
  db "SELECT Slug FROM Tags ORDER BY random() LIMIT 20;" | while read -r slug; do echo "/tag/$(urlencode "$slug")"; done
  db "SELECT Title FROM Articles ORDER BY random() LIMIT 12;" | awk '{ print $1; print $2 }' | while read -r word; do echo "/search?q=$(urlencode "$word")"; done
  for _ in 1 2 3; do echo /feed.xml; echo /sitemap.xml; echo /sitemap-news.xml; done
} >"$work/others.txt"
# Interleave: an article, then another page, so every stretch of the cycle is mixed.
paste -d'\n' "$paths" <(shuf -r -n "$(wc -l <"$paths")" "$work/others.txt") >"$work/mixed.txt"
cat "$work/others.txt" >>"$work/mixed.txt"
views_sql="SELECT coalesce(sum(Views), 0) FROM ArticleDailyViews WHERE ArticleId IN ($(IFS=,; echo "${article_ids[*]}"));"
views_before=$(db "$views_sql")

# Memory: the site's RSS every 10 seconds.
(while kill -0 "$app_pid" 2>/dev/null; do ps -o rss= -p "$app_pid" | tr -d ' '; sleep 10; done >"$work/rss.txt") &
pids+=($!)

# The editor: signs in through the login form, then every few seconds publishes a new article or edits the last one,
# each time from the form's own antiforgery token and version; anything but the redirect of a successful save is a failure.
editor() {
  local jar="$work/cookies.txt" page token location id=0 n=0
  token_of() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' "$1" | head -1; }
  value_of() { sed -n "s/.*name=\"$2\" value=\"\\([^\"]*\\)\".*/\\1/p" "$1" | head -1; }
  post() { # url, fields...: prints the redirect's location, or nothing
    local url=$1; shift
    local args=()
    for field in "$@"; do args+=(--data-urlencode "$field"); done
    curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' -b "$jar" -c "$jar" "${args[@]}" "$site$url"
  }
  curl -s -b "$jar" -c "$jar" -o "$work/login.html" "$site/admin/login"
  read -r status location < <(post /admin/login "Input.Email=$admin_email" "Input.Password=$NEWS_ADMIN_PASSWORD" \
    "__RequestVerificationToken=$(token_of "$work/login.html")")
  [ "$status" = 302 ] || { echo "sign-in failed: $status" >>"$work/editor-failures.txt"; return; }
  local section author
  section=$(db "SELECT min(Id) FROM Sections;")
  author=$(db "SELECT min(Id) FROM Authors;")
  while [ ! -e "$work/stop" ]; do
    n=$((n + 1))
    if [ $((n % 2)) = 1 ] || [ "$id" = 0 ]; then
      curl -s -b "$jar" -c "$jar" -o "$work/form.html" "$site/admin/articles/new"
      read -r status location < <(post /admin/articles/new "Input.Title=خبر الاختبار الطويل رقم $n" \
        "Input.Summary=ملخص خبر الاختبار رقم $n." "Input.Body=فقرة أولى من الخبر رقم $n."$'\n\n'"فقرة ثانية." \
        "Input.SectionId=$section" "Input.AuthorId=$author" "Input.Version=0" "command=publish" \
        "__RequestVerificationToken=$(token_of "$work/form.html")")
      kind=publish
    else
      curl -s -b "$jar" -c "$jar" -o "$work/form.html" "$site/admin/articles/$id/edit"
      read -r status location < <(post "/admin/articles/$id/edit" "Input.Title=خبر الاختبار الطويل رقم $n (محدَّث)" \
        "Input.Summary=ملخص محدَّث." "Input.Body=فقرة محدَّثة في الدورة $n." \
        "Input.SectionId=$section" "Input.AuthorId=$author" "Input.Version=$(value_of "$work/form.html" Input.Version)" \
        "command=save" "__RequestVerificationToken=$(token_of "$work/form.html")")
      kind=edit
    fi
    if [ "$status" = 302 ] && [[ "$location" =~ /admin/articles/([0-9]+)/edit$ ]]; then
      id=${BASH_REMATCH[1]}
      echo "$kind" >>"$work/editor-ok.txt"
    else
      echo "$kind $n: $status $location" >>"$work/editor-failures.txt"
    fi
    sleep "$PUBLISH_SECONDS"
  done
}
touch "$work/editor-ok.txt" "$work/editor-failures.txt"
editor &
editor_pid=$!
pids+=("$editor_pid")

duration=$((SOAK_MINUTES * 60))
echo "Soaking for $SOAK_MINUTES min: wrk -t2 -c$CONNECTIONS over $(wc -l <"$work/mixed.txt") paths, an edit every ${PUBLISH_SECONDS}s..." >&2
# Article requests stop 5 s before wrk does (see traffic.lua), so none is in flight at the end.
wrk -t2 -c"$CONNECTIONS" -d"${duration}s" --timeout 10s --latency -s "$script_dir/traffic.lua" "$site" -- \
  "$work/mixed.txt" "$(($(date +%s) + duration - 5))" >"$work/wrk.txt" 2>&1 || true
touch "$work/stop"
if ! kill -0 "$app_pid" 2>/dev/null || ! grep -q '^SOAK articles=' "$work/wrk.txt"; then
  echo "SOAK FAILED: wrk or the site stopped early. wrk:" >&2; tail -5 "$work/wrk.txt" >&2
  echo "the site's log:" >&2; tail -20 "$work/site.log" >&2
  if ! kill -0 "$app_pid" 2>/dev/null; then
    code=0; wait "$site_pid" || code=$?
    echo "the site exited with $code$([ "$code" -gt 128 ] && echo " (signal $((code - 128)), not sent by this script)")" >&2
  fi
  exit 1
fi
wait "$editor_pid" || true

# Graceful stop: SIGTERM, and the site writes the counts still in memory before it exits (with code 0).
views_running=$(db "$views_sql")
kill -TERM "$app_pid"
exit_code=0
wait "$site_pid" || exit_code=$?

# The figures.
requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
rps=$(awk '/Requests\/sec/ { print $2 }' "$work/wrk.txt")
non_2xx=$(awk -F': ' '/Non-2xx or 3xx responses/ { print $2 }' "$work/wrk.txt"); non_2xx=${non_2xx:-0}
socket_errors=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$work/wrk.txt"); socket_errors=${socket_errors:-0}
p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
article_pages=$(sed -n 's/^SOAK articles=\([0-9]*\).*/\1/p' "$work/wrk.txt")
views_after=$(db "$views_sql")
views=$((views_after - views_before))
publishes=$(grep -c '^publish$' "$work/editor-ok.txt" || true)
edits=$(grep -c '^edit$' "$work/editor-ok.txt" || true)
failed=$(wc -l <"$work/editor-failures.txt")
log_errors=$(grep -cE '^\[[0-9:]+ (ERR|FTL)\]' "$work/site.log" || true)
mapfile -t rss <"$work/rss.txt"
samples=${#rss[@]}
half=$((samples / 2))
max_of() { printf '%s\n' "$@" | sort -n | tail -1; }
rss_first=$((rss[0] / 1024)) rss_last=$((rss[samples - 1] / 1024)) rss_max=$(($(max_of "${rss[@]}") / 1024))
# Flat: the second half of the run never rises more than 20% above the first half's peak (warm-up included).
first_peak=$(($(max_of "${rss[@]:0:half}") / 1024)) second_peak=$(($(max_of "${rss[@]:half}") / 1024))

failures=0
check() { # label, figure, ok (0/1)
  local mark=ok
  [ "$3" = 1 ] || { mark=FAIL; failures=$((failures + 1)); }
  printf '| %-46s | %32s | %-4s |\n' "$1" "$2" "$mark"
}
echo
echo "NewsSite soak: $SOAK_MINUTES min, $ARTICLES articles, $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), wrk -t2 -c$CONNECTIONS on 127.0.0.1"
printf '| %-46s | %32s | %-4s |\n' "what" "figure" "     "
printf '|%s|%s|%s|\n' "------------------------------------------------" "----------------------------------:" "------"
check "requests (req/s, p99)" "$requests ($rps/s, $p99)" 1
check "non-2xx/3xx responses" "$non_2xx" "$([ "$non_2xx" = 0 ] && echo 1)"
check "socket errors (connect, read, write, timeout)" "$socket_errors" "$([ "$socket_errors" = 0 ] && echo 1)"
check "errors in the site's log" "$log_errors" "$([ "$log_errors" = 0 ] && echo 1)"
check "publishes + edits through the newsroom forms" "$publishes + $edits" "$([ "$publishes" -gt 0 ] && [ "$edits" -gt 0 ] && echo 1)"
check "failed publishes or edits" "$failed" "$([ "$failed" = 0 ] && echo 1)"
check "article pages served = views stored" "$article_pages = $views" "$([ "${article_pages:-x}" = "$views" ] && [ "$views" -gt 0 ] && echo 1)"
check "RSS MB first / last / max ($samples samples)" "$rss_first / $rss_last / $rss_max" 1
check "RSS flat: 2nd-half peak <= 1.2 x 1st-half" "$second_peak <= $((first_peak * 12 / 10))" "$([ "$second_peak" -le $((first_peak * 12 / 10)) ] && echo 1)"
# Views still in memory at the stop are written by it (the exact count above depends on that); how many is chance:
# whatever came after the last minute's flush.
check "SIGTERM: exit code (views written at the stop)" "$exit_code ($((views_after - views_running)))" "$([ "$exit_code" = 0 ] && echo 1)"
if [ -s "$work/editor-failures.txt" ]; then
  echo "Editor failures:"; head -5 "$work/editor-failures.txt"
fi
if [ "$failures" -gt 0 ]; then
  echo "SOAK FAILED: $failures check(s)"; grep -E '^\[[0-9:]+ (ERR|FTL)\]' "$work/site.log" | head -5 || true
  exit 1
fi
echo "SOAK PASSED"
