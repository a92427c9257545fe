#!/usr/bin/env bash
# Resident memory of a Credence server under one of the load scripts: the JVM plus every process of its embedded
# PostgreSQL, sampled every second while the script runs. RSS counts PostgreSQL's shared buffers once per process
# that touched them; PSS shares them out, so the PSS total is what the machine really gives the server.
# Usage: credence-bench/load/memory.sh credence-bench/load/server-load.sh   (any load script that runs ./credence serve)
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 LOAD-SCRIPT" >&2; exit 1; }
samples="$(mktemp)"
"$@" &
load=$!
trap 'kill $load 2>/dev/null; rm -f "$samples"; true' EXIT

# kB of one kind (Rss, Pss) of one process; 0 for a process that has just ended
kb() { local v; v=$(awk -v key="$2" '$1 == key":" { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || true); echo "${v:-0}"; }

while kill -0 $load 2>/dev/null; do
  java=$(pgrep -P $load -f 'credence\.jar serve' || true)
  if [ -n "$java" ]; then
    data=$(tr '\0' '\n' < "/proc/$java/cmdline" 2>/dev/null | awk 'previous == "--data" { print } { previous = $0 }')
    postmaster=$(head -1 "$data/pg/postmaster.pid" 2>/dev/null || true)
    postmaster=${postmaster#-} # negative while PostgreSQL starts
    pg=""
    [ -n "$postmaster" ] && pg="$postmaster $(pgrep -P "$postmaster" | tr '\n' ' ' || true)"
    java_rss=$(kb "$java" Rss); java_pss=$(kb "$java" Pss)
    pg_rss=0; pg_pss=0
    for p in $pg; do pg_rss=$((pg_rss + $(kb "$p" Rss))); pg_pss=$((pg_pss + $(kb "$p" Pss))); done
    echo "$java_rss $pg_rss $java_pss $pg_pss" >> "$samples"
  fi
  sleep 1
done
wait $load || true
awk '{ if ($1 > jr) jr = $1; if ($2 > pr) pr = $2; if ($1 + $2 > tr) tr = $1 + $2
       if ($3 > jp) jp = $3; if ($4 > pp) pp = $4; if ($3 + $4 > tp) tp = $3 + $4 }
     END { printf "## resident memory, peak of %d samples (MB): RSS java %.0f, postgres (all processes) %.0f, together %.0f;", NR, jr / 1024, pr / 1024, tr / 1024
           printf " PSS java %.0f, postgres %.0f, together %.0f\n", jp / 1024, pp / 1024, tp / 1024 }' "$samples"
