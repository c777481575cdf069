# What tests/bench/run.sh and tests/soak/run.sh share, sourced with $work set: Debian tools installed when
# missing, a Release build in $work/app, the environment of a plain-HTTP site on loopback with one client address,
# and stopping what the script started.

pids=()
# Stops every process this script started (by its own pids, never by name: the machine is shared).
stop_started() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}

need_packages() { # command:package ...
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

publish_release() {
  echo "Publishing Release..." >&2
  dotnet publish src/NewsSite -c Release -o "$work/app" -v q -nologo >/dev/null
}

loopback_environment() {
  export ASPNETCORE_ENVIRONMENT=Production
  # Plain HTTP on loopback: no HTTPS redirection (a real deployment keeps it on).
  export News__RequireHttps=false
  # One client (wrk) on one address: lift the per-IP limits or every search after the 60th is a 429.
  export News__RateLimits__Search__PermitLimit=1000000000 News__RateLimits__Go__PermitLimit=1000000000
  export News__MediaPath="$work/media" News__KeysPath="$work/keys" News__Smtp__PickupDirectory="$work/mail"
}
