#!/usr/bin/env bash
# ROI layers at the issue-13 scale: the dashboard benchmark's simulated tenant (about 1.46 million credentials and 10 million
# events by default, generated once per data directory by DashboardBench), then RoiLayersBench imports a million CRM/HRIS rows
# (and LMS enrolments) through the real import API and times every layer-1/4/5 API call, the board report (page, JSON, PDF)
# and the analytics pages over HTTP, with GET /health as the baseline and the load average beside every figure.
# Usage: credence-bench/load/roi-bench.sh [DIR] [generation options: --recipients N --months M --seed S]
#   RUNS (40): measured runs per call. IMPORT ("--contacts 250000 --opportunities 500000 --employees 250000 --enrolments 400000").
# The data directory is kept: a second run measures the same data again (imports are not repeated); delete it afterwards.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/credence-bench/target/roi-data}"
shift || true
(cd "$root" && mvn -B -q -DskipTests package -pl credence-bench -am)
jar="$root/credence-bench/target/benchmarks.jar"
java -Xmx3g -cp "$jar" org.credence.bench.DashboardBench --data "$data" --runs 0 "$@"
# shellcheck disable=SC2086
exec java -Xmx3g -cp "$jar" org.credence.bench.RoiLayersBench --data "$data" --runs "${RUNS:-40}" ${IMPORT:-}
