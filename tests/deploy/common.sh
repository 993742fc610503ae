# shellcheck shell=bash
# Helpers of the deploy tests (sourced): messages, free ports, the processes a
# test started (stopped by stop_all, which each test's EXIT trap calls), polls.

fail() { echo "FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# PIDs of the processes this test started, in start order.
tracked=()
track() { tracked+=("$1"); }

# Stops one tracked process: SIGTERM, SIGKILL after 10 s.
stop_pid() {
  local pid="$1"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Stops every tracked process, the last started first.
stop_all() {
  local i
  for ((i = ${#tracked[@]} - 1; i >= 0; i--)); do stop_pid "${tracked[i]}"; done
  tracked=()
}

# Polls URL until it answers 2xx, for at most SECONDS (default 30).
wait_for_http() {
  local url="$1" seconds="${2:-30}"
  for _ in $(seq $((seconds * 10))); do
    curl -fs -o /dev/null --max-time 2 "$url" && return 0
    sleep 0.1
  done
  return 1
}

# The value of a top-level field of a JSON object.
json_field() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }

deploy_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
nginx_bin="$(PATH="$PATH:/usr/sbin" command -v nginx || true)"

# start_nginx [--cpus LIST] DIR PORT SEARCHER_PORT...: Debian's nginx as this
# user, from DIR, on 127.0.0.1:PORT with the shipped site
# (scripts/deploy/nginx-local) in front of the imr-search on those ports,
# pinned to the cores LIST when given. Sets nginx_pid (tracked); fails unless
# it answers /api/health within 60 s.
start_nginx() {
  local pin=()
  if [ "$1" = --cpus ]; then pin=(taskset -c "$2"); shift 2; fi
  local dir="$1" port="$2"
  shift 2
  [ -n "$nginx_bin" ] || fail "nginx is missing (scripts/install-deps installs it)"
  "$deploy_root/scripts/deploy/nginx-local" "$dir" "$port" "$deploy_root/web" "$@" ||
    fail "could not write the nginx configuration"
  "${pin[@]}" "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g 'daemon off;' \
    > "$dir/stdout.log" 2>&1 &
  nginx_pid=$!
  track "$nginx_pid"
  wait_for_http "http://127.0.0.1:$port/api/health" 60 || { cat "$dir/error.log" >&2; fail "nginx did not start"; }
}
