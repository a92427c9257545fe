#!/usr/bin/env bash
# Tracking ingestion over HTTP with wrk: POST /t/{number} beacons, acknowledged only after their transaction commits
# (the embedded PostgreSQL as `credence serve` runs it: fsync and synchronous_commit on).
# Two servers in one run: group commit (the product) and the baseline, one transaction per event (CREDENCE_TRACKING_WRITER=direct).
# Usage: credence-bench/load/tracking-load.sh   (from the repository root; about 3 minutes; needs wrk, jq, curl)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/credence-bench/load"
work="$(mktemp -d)"
port=18490
warm=${WARMUP_SECONDS:-10}
run=${RUN_SECONDS:-30}
connections=${CONNECTIONS:-64}
admin="crd_00000000beef_load-test-administrator-key-0001"
for tool in wrk jq curl; do command -v $tool >/dev/null || { echo "install $tool first: apt-get install $tool" >&2; exit 1; }; done
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

measure() { # $1 label, $2 writer mode
  CREDENCE_BOOTSTRAP_API_KEY=$admin CREDENCE_TRUSTED_PROXY=true CREDENCE_TRACKING_WRITER=$2 \
    "$root/credence" serve --port $port --data "$work/data-$2" > "$work/server-$2.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -sf "localhost:$port/health" >/dev/null && break; sleep 0.5; done
  key=$(curl -s -X POST "localhost:$port/api/v1/tenants" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        -d '{"slug":"load","name":"Load Test Academy","url":"https://load.example"}' | jq -r .apiKey)
  achievement=$(curl -s -X POST "localhost:$port/api/v1/achievements" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
        -d '{"name":"Load Test Certificate","kind":"certificate","description":"For the load test.","criteria":"Exist."}' | jq -r .id)
  : > "$work/numbers.txt"
  for i in $(seq 1 200); do
    curl -s -X POST "localhost:$port/api/v1/credentials" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
         -d "{\"achievementId\":$achievement,\"recipient\":{\"name\":\"T $i\",\"email\":\"track-$i@example.org\"}}" | jq -r .number >> "$work/numbers.txt"
  done
  echo "## $1: POST /t/{number} over 200 credentials, $connections connections, ${run} s (after a ${warm} s warm-up)"
  NUMBERS="$work/numbers.txt" wrk -t2 -c$connections -d${warm}s -s "$here/track.lua" "http://localhost:$port" >/dev/null
  NUMBERS="$work/numbers.txt" wrk -t2 -c$connections -d${run}s --latency -s "$here/track.lua" "http://localhost:$port"
  kill $server; wait $server 2>/dev/null || true
  server=""
}
measure "Group commit (the product)" group
measure "Baseline: one transaction per event" direct
