#!/usr/bin/env bash
# Load test of a real Credence server over loopback with wrk (Debian package `wrk`).
# Usage: credence-bench/load/server-load.sh   (from the repository root; about 5 minutes; needs wrk, jq, curl)
#   ISSUE_ONLY=1: only the issue step (WARMUP_SECONDS / RUN_SECONDS as for every step)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/credence-bench/load"
work="$(mktemp -d)"
port=18480
warm=${WARMUP_SECONDS:-30}  # the JIT takes up to half a core for the first minute
run=${RUN_SECONDS:-30}
admin="crd_00000000beef_load-test-administrator-key-0001"
for tool in wrk jq curl; do command -v $tool >/dev/null || { echo "install $tool first: apt-get install $tool" >&2; exit 1; }; done
CREDENCE_BOOTSTRAP_API_KEY=$admin "$root/credence" serve --port $port --data "$work/data" > "$work/server.log" 2>&1 &
server=$!
# `wait` answers 143 for the server it just stopped; under `set -e` that would become the script's exit status
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$port/health" >/dev/null && break; sleep 0.5; done
key=$(curl -s -X POST "localhost:$port/api/v1/tenants" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
      -d '{"slug":"load","name":"Load Test Academy","url":"https://load.example"}' | sed 's/.*"apiKey":"\([^"]*\)".*/\1/')
achievement=$(curl -s -X POST "localhost:$port/api/v1/achievements" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      -d '{"name":"Load Test Certificate","kind":"certificate","description":"For the load test.","criteria":"Exist.","alignments":[{"targetName":"Testing","targetUrl":"https://skills.example/testing"}],"validityDays":365}' \
      | sed 's/.*"id":\([0-9]*\).*/\1/')
# CPU ticks (user + system): the server's JVM, of which its mail thread and its JIT compiler threads, then its PostgreSQL
# (the postmaster and every process it started)
server_ticks() {
  local postmaster jvm mail jit pg=0 pid stat
  postmaster=$(head -1 "$work/data/pg/postmaster.pid")
  jvm=$(awk '{ print $14 + $15 }' "/proc/$server/stat")
  read -r mail jit < <(cat /proc/$server/task/*/stat 2>/dev/null | awk '{ name = $0; sub(/^[0-9]+ \(/, "", name); sub(/\) .*/, "", name)
      rest = $0; sub(/.*\) /, "", rest); split(rest, f, " "); t = f[12] + f[13]
      if (name == "credence-mail") mail += t; else if (name ~ /CompilerThre/) jit += t }
      END { print mail + 0, jit + 0 }')
  for pid in $postmaster $(pgrep -P "$postmaster"); do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    pg=$((pg + $(awk '{ sub(/.*\) /, ""); print $12 + $13 }' <<< "$stat")))
  done
  echo "$jvm $mail $jit $pg"
}
echo "## POST /api/v1/credentials, 8 connections, ${run} s (after a ${warm} s warm-up)"
# every request names a new recipient (issue.lua): SEED and RUN keep the warm-up's recipients out of the measured run
seed=$(date +%s%N)
KEY=$key ACHIEVEMENT=$achievement SEED=$seed RUN=warmup wrk -t2 -c8 -d${warm}s -s "$here/issue.lua" "http://localhost:$port" >/dev/null
cpu_before=$(server_ticks)
KEY=$key ACHIEVEMENT=$achievement SEED=$seed RUN=measured wrk -t2 -c8 -d${run}s --latency -s "$here/issue.lua" "http://localhost:$port" | tee "$work/issue.out"
cpu_after=$(server_ticks)
created=$(sed -n 's/^created (201): \([0-9]*\) .*/\1/p' "$work/issue.out")
# CPU the server spent per new credential: steadier than requests/s when other work shares the cores. Its mail thread
# (rendering and sending the mails of this run and the warm-up's) and JIT compiler threads are shown apart
awk -v b="$cpu_before" -v a="$cpu_after" -v n="$created" -v hz="$(getconf CLK_TCK)" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  split(b, x, " "); split(a, y, " "); for (i = 1; i <= 4; i++) d[i] = (y[i] - x[i]) / hz * 1e6 / n
  printf "server CPU per new credential: %.0f µs = issuing %.0f (JVM %.0f + PostgreSQL %.0f) + mail thread %.0f + JIT compiler %.0f; load average after the run: %s\n",
         d[1] + d[4], d[1] - d[2] - d[3] + d[4], d[1] - d[2] - d[3], d[4], d[2], d[3], load }'
grep -q "replayed (200): 0;" "$work/issue.out" || { echo "the measured run replayed recipients: its figures are not issuances" >&2; exit 1; }
[ "${ISSUE_ONLY:-}" = 1 ] && exit 0
for i in $(seq 1 300); do
  curl -s -X POST "localhost:$port/api/v1/credentials" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
       -d "{\"achievementId\":$achievement,\"recipient\":{\"name\":\"V $i\",\"email\":\"verify-$i@example.org\"}}" > "$work/issued.json"
  jq -r .number "$work/issued.json" >> "$work/numbers.txt"
  jq -c .credential "$work/issued.json" >> "$work/credentials.jsonl"
done
# every issued credential queued its recipient's mail (with the certificate PDF); let the mail worker finish them,
# so the verify steps do not share the cores with the issue step's mail backlog
drain_started=$(date +%s); previous=-1
while :; do
  now=$(find "$work/data/outbox" -type f 2>/dev/null | wc -l)
  [ "$now" = "$previous" ] && break
  previous=$now; sleep 2
  [ $(( $(date +%s) - drain_started )) -gt 600 ] && break
done
echo "## mail outbox drained: $now files, $(( $(date +%s) - drain_started )) s after the issue step"
echo "## GET /api/v1/verify/{number} over 300 credentials, 16 connections, ${run} s (after a ${warm} s warm-up)"
NUMBERS="$work/numbers.txt" wrk -t2 -c16 -d${warm}s -s "$here/verify.lua" "http://localhost:$port" >/dev/null
NUMBERS="$work/numbers.txt" wrk -t2 -c16 -d${run}s --latency -s "$here/verify.lua" "http://localhost:$port"
echo "## Baseline: POST /api/v1/verify with the same 300 credentials (full verification each time), 16 connections, ${run} s"
CREDENTIALS="$work/credentials.jsonl" wrk -t2 -c16 -d${warm}s -s "$here/verify-upload.lua" "http://localhost:$port" >/dev/null
CREDENTIALS="$work/credentials.jsonl" wrk -t2 -c16 -d${run}s --latency -s "$here/verify-upload.lua" "http://localhost:$port"
