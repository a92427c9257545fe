#!/usr/bin/env bash
# Completion intake (issue 14): POST /api/v1/integrations/completions against a real Credence server over loopback with wrk.
# Usage: credence-bench/load/completion-load.sh   (from the repository root; about 3 minutes; needs wrk, curl)
# Steps, each with its own learners (never the warm-up's): progress reports (stored only), full completions (stored and
# issued, mail queued), retries of those (replayed), completions of an unmapped course (stored for later). Each step prints
# wrk's figures, the answers by status (201 issued, 200 replayed, 202 stored) and `uptime` (the cores are shared).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/credence-bench/load"
work="$(mktemp -d)"
port=${PORT:-18481}
warm=${WARMUP_SECONDS:-20}
run=${RUN_SECONDS:-20}
conns=${CONNECTIONS:-16}
admin="crd_00000000beef_load-test-administrator-key-0001"
for tool in wrk curl; do command -v $tool >/dev/null || { echo "install $tool first: apt-get install $tool" >&2; exit 1; }; done
CREDENCE_BOOTSTRAP_API_KEY=$admin "$root/credence" serve --port $port --data "$work/data" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -sf "localhost:$port/health" >/dev/null && break; sleep 0.5; done
key=$(curl -s -X POST "localhost:$port/api/v1/tenants" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
      -d '{"slug":"lms-load","name":"LMS Load Academy","url":"https://lms-load.example"}' | sed 's/.*"apiKey":"\([^"]*\)".*/\1/')
achievement=$(curl -s -X POST "localhost:$port/api/v1/achievements" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      -d '{"name":"Load Test Course","kind":"certificate","description":"For the load test.","criteria":"Complete the course."}' \
      | sed 's/.*"id":\([0-9]*\).*/\1/')
curl -sf -X PUT "localhost:$port/api/v1/integrations/courses/LOAD-101" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
     -d "{\"achievementId\":$achievement}" >/dev/null
# CPU milliseconds used so far by the server's JVM (java) or its embedded PostgreSQL (postgres: the postmaster started with
# the data directory, what its exited children used, and its live backends)
cpu() {
  local ticks=0 pid child
  for pid in $(pgrep -f -- "$work/data"); do
    grep -q "^$1" /proc/$pid/comm 2>/dev/null || continue
    ticks=$(( ticks + $(awk '{print $14 + $15 + $16 + $17}' /proc/$pid/stat 2>/dev/null || echo 0) ))
    if [ "$1" = postgres ]; then
      for child in $(pgrep -P $pid); do
        ticks=$(( ticks + $(awk '{print $14 + $15}' /proc/$child/stat 2>/dev/null || echo 0) ))
      done
    fi
  done
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}
step() { # name, mode, run label
  echo "## $1: MODE=$2, $conns connections, ${run} s"
  echo "uptime before: $(uptime)"
  local jvm pg; jvm=$(cpu java); pg=$(cpu postgres)
  KEY=$key MODE=$2 RUN=$3 COUNTS="$work/counts-$3" wrk -t2 -c$conns -d${run}s --latency -s "$here/completion.lua" "http://localhost:$port" \
      | tee "$work/step.txt"
  jvm=$(( $(cpu java) - jvm )); pg=$(( $(cpu postgres) - pg ))
  local answered; answered=$(awk '/^status/ {n += $3} END {print n + 0}' "$work/step.txt")
  [ "$2" = xapi ] && answered=$(( answered * ${BATCH:-50} ))
  echo "server CPU: JVM ${jvm} ms + PostgreSQL ${pg} ms for ${answered} completions = $(( answered > 0 ? jvm * 1000 / answered : 0 )) + $(( answered > 0 ? pg * 1000 / answered : 0 )) µs each (two quiet cores give 2,000,000 µs/s)"
  echo "uptime after:  $(uptime)"
}
echo "## warm-up: progress reports, ${warm} s (not measured)"
KEY=$key MODE=progress RUN=warm wrk -t2 -c$conns -d${warm}s -s "$here/completion.lua" "http://localhost:$port" >/dev/null
step "progress reports (stored, committed, nothing to issue)" progress m1
step "full completions (stored, then issued with mail queued)" complete c1
step "LMS retries of those completions (replayed)" replay c1
step "completions of an unmapped course (stored for later)" unmapped u1
step "xAPI batches of ${BATCH:-50} completed statements, unmapped activity (each batch stored in one transaction)" xapi x1
issued=$(curl -s "localhost:$port/api/v1/credentials?format=csv" -H "Authorization: Bearer $key" | tail -n +2 | wc -l)
echo "## credentials in the tenant afterwards (the CSV export, counted): $issued"
