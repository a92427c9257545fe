#!/usr/bin/env bash
# Serving stored documents over loopback with wrk: GET /c/{number}/certificate.pdf (DOC=badge.png … for another kind).
# Each credential's document is requested once first, so it is rendered and stored; the measured run only serves
# stored bytes (one lookup of the public credential by number, one read of the stored document, ETag headers).
# SERVER=bench: the same path behind a bench-module route (org.credence.bench.StoredPdfServer), for builds without the route.
# Usage: credence-bench/load/document-load.sh   (from the repository root; about 2 minutes; needs wrk, jq, curl)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/credence-bench/load"
work="$(mktemp -d)"
port=18485
warm=${WARMUP_SECONDS:-10}
run=${RUN_SECONDS:-30}
doc=${DOC:-certificate.pdf}
count=${CREDENTIALS:-300}
admin="crd_00000000beef_load-test-administrator-key-0001"
for tool in wrk jq curl; do command -v $tool >/dev/null || { echo "install $tool first: apt-get install $tool" >&2; exit 1; }; done
if [ "${SERVER:-credence}" = bench ]; then
  # the stored-certificate path behind a bench-module route (org.credence.bench.StoredPdfServer), for builds without the route
  jar="$root/credence-bench/target/benchmarks.jar"
  [ -f "$jar" ] || { echo "build it first: mvn -B -q -DskipTests package -pl credence-bench -am" >&2; exit 1; }
  doc=certificate.pdf
  java -cp "$jar" org.credence.bench.StoredPdfServer $port "$work/numbers.txt" "$count" > "$work/server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 1 600); do [ -s "$work/numbers.txt" ] && break; kill -0 $server 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }; sleep 0.5; done
else
  CREDENCE_BOOTSTRAP_API_KEY=$admin "$root/credence" serve --port $port --data "$work/data" > "$work/server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 1 120); do curl -sf "localhost:$port/health" >/dev/null && break; sleep 0.5; done
  key=$(curl -s -X POST "localhost:$port/api/v1/tenants" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        -d '{"slug":"load","name":"Load Test Academy","url":"https://load.example"}' | jq -r .apiKey)
  achievement=$(curl -s -X POST "localhost:$port/api/v1/achievements" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
        -d '{"name":"Load Test Certificate","kind":"certificate","description":"For the load test.","criteria":"Exist."}' | jq -r .id)
  for i in $(seq 1 "$count"); do
    curl -s -X POST "localhost:$port/api/v1/credentials" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
         -d "{\"achievementId\":$achievement,\"recipient\":{\"name\":\"Åse Ødegård $i\",\"email\":\"doc-$i@example.org\"}}" \
         | jq -r .number >> "$work/numbers.txt"
  done
fi
first=$(head -1 "$work/numbers.txt")
code=$(curl -s -o "$work/first" -w '%{http_code}' "localhost:$port/c/$first/$doc")
if [ "$code" != 200 ]; then
  echo "GET /c/{number}/$doc answered $code: this build has no such route yet; SERVER=bench serves stored certificates" \
       "through the same path, DOC=badge.png measures another stored document on the real server" >&2
  exit 2
fi
echo "## $doc: $(wc -c < "$work/first") bytes; rendering and storing $count of them first"
while read -r number; do curl -sf -o /dev/null "localhost:$port/c/$number/$doc"; done < "$work/numbers.txt"
for connections in ${CONNECTIONS:-4 16 64}; do
  echo "## GET /c/{number}/$doc over $count stored documents, $connections connections, ${run} s (after a ${warm} s warm-up)"
  NUMBERS="$work/numbers.txt" DOC=$doc wrk -t2 -c$connections -d${warm}s -s "$here/document.lua" "http://localhost:$port" >/dev/null
  NUMBERS="$work/numbers.txt" DOC=$doc wrk -t2 -c$connections -d${run}s --latency -s "$here/document.lua" "http://localhost:$port"
done
