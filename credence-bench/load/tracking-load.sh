#!/usr/bin/env bash
# Tracking ingestion over HTTP with wrk, across the thousands of credentials of the simulated demo tenant
# (`serve --demo`): the beacon POST /t/{number}, share redirects GET /s/{number}/{channel} and referral redirects
# GET /r/{number}/program, each acknowledged only after its transaction commits (the embedded PostgreSQL as
# `credence serve` runs it: fsync and synchronous_commit on).
# Two servers in one run: group commit (the product) and the baseline, one transaction per event (CREDENCE_TRACKING_WRITER=direct).
# Usage: credence-bench/load/tracking-load.sh   (from the repository root; about 5 minutes; needs wrk, jq, curl)
#   WARMUP_SECONDS / RUN_SECONDS (30 / 30: the JIT takes up to half a core for the first minute), CONNECTIONS (64), RECIPIENTS (2000: about 2,500 credentials), MODES ("group direct")
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/credence-bench/load"
work="$(mktemp -d)"
port=18490
warm=${WARMUP_SECONDS:-30}
run=${RUN_SECONDS:-30}
connections=${CONNECTIONS:-64}
recipients=${RECIPIENTS:-2000}
admin="crd_00000000beef_load-test-administrator-key-0001"
for tool in wrk jq curl; do command -v $tool >/dev/null || { echo "install $tool first: apt-get install $tool" >&2; exit 1; }; done
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

measure() { # $1 label, $2 writer mode
  # rate limits far above the load: the random client addresses below rarely repeat, and limits are not what is measured
  CREDENCE_BOOTSTRAP_API_KEY=$admin CREDENCE_TRUSTED_PROXY=true CREDENCE_TRACKING_WRITER=$2 \
    "$root/credence" serve --port $port --data "$work/data-$2" --demo --recipients "$recipients" --months 3 > "$work/server-$2.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do grep -q "API key:" "$work/server-$2.log" && break; sleep 0.5; done
  key=$(sed -n 's/^ *API key: *//p' "$work/server-$2.log")
  : > "$work/numbers.txt"
  cursor=""
  while :; do
    page=$(curl -s "localhost:$port/api/v1/credentials?limit=200${cursor:+&cursor=$cursor}" -H "Authorization: Bearer $key")
    jq -r '.items[].number' <<< "$page" >> "$work/numbers.txt"
    cursor=$(jq -r '.next // empty' <<< "$page")
    [ -z "$cursor" ] && break
  done
  echo "## $1: /t, /s and /r over $(wc -l < "$work/numbers.txt") credentials, $connections connections, ${run} s (after a ${warm} s warm-up)"
  NUMBERS="$work/numbers.txt" wrk -t2 -c$connections -d${warm}s -s "$here/track.lua" "http://localhost:$port" >/dev/null
  NUMBERS="$work/numbers.txt" wrk -t2 -c$connections -d${run}s --latency -s "$here/track.lua" "http://localhost:$port"
  kill $server; wait $server 2>/dev/null || true
  server=""
}
case " ${MODES:-group direct} " in *" group "*) measure "Group commit (the product)" group;; esac
case " ${MODES:-group direct} " in *" direct "*) measure "Baseline: one transaction per event" direct;; esac
