#!/usr/bin/env bash
# Dashboard benchmark: fills an embedded PostgreSQL with a simulated tenant (about 1.46 million credentials and
# 10 million events by default; its rollups filled by the server's own write path and analytics folder), then times the real dashboard API
# over HTTP (/api/v1/analytics/...) against the same figures computed from raw events in the same run.
# The data directory is kept: a second run skips the generation and only measures, and `./credence serve --data DIR`
# serves the same data (the generator prints an API key with the read and analytics scopes for the analytics API).
# Usage: credence-bench/load/dashboard-bench.sh [DIR] [generation options: --recipients N --months M --seed S]
#   API_RUNS (40) / RAW_RUNS (3): measured runs per API call and per raw-event query.
#   SQL_RUNS (0): if set, DashboardBench also times its own SQL figures (the tracking_* rollups) that many times.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/credence-bench/target/dashboard-data}"
shift || true
(cd "$root" && mvn -B -q -DskipTests package -pl credence-bench -am)
jar="$root/credence-bench/target/benchmarks.jar"
java -Xmx3g -cp "$jar" org.credence.bench.DashboardBench --data "$data" --runs "${SQL_RUNS:-0}" "$@"
exec java -Xmx3g -cp "$jar" org.credence.bench.DashboardApiBench --data "$data" --runs "${API_RUNS:-40}" --raw-runs "${RAW_RUNS:-3}"
