#!/usr/bin/env bash
# Dashboard benchmark: fills an embedded PostgreSQL with a simulated tenant (about 1.46 million credentials and
# 10 million events by default), then times the dashboard's rollup queries against the same figures from raw events.
# The data directory is kept: a second run skips the generation and only measures, and `./credence serve --data DIR`
# serves the same data (the generator prints an API key with the read and analytics scopes for the analytics API).
# Usage: credence-bench/load/dashboard-bench.sh [DIR] [DashboardBench options: --recipients N --months M --seed S --runs R --raw-runs R]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/credence-bench/target/dashboard-data}"
shift || true
(cd "$root" && mvn -B -q -DskipTests package -pl credence-bench -am)
exec java -Xmx3g -cp "$root/credence-bench/target/benchmarks.jar" org.credence.bench.DashboardBench --data "$data" "$@"
