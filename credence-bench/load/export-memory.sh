#!/usr/bin/env bash
# Memory of a CSV export of N credentials (default 1,000,000): the JVM's used heap and its resident size,
# sampled every second while curl reads GET /api/v1/credentials?format=csv from a real server.
# The rows are copies of one signed credential under new numbers and addresses (issuing a million through the API takes
# an hour). Usage: credence-bench/load/export-memory.sh   (from the repository root; needs curl, psql, jcmd)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
port=${PORT:-18482}
rows=${ROWS:-1000000}
admin="crd_00000000beef_load-test-administrator-key-0001"
CREDENCE_BOOTSTRAP_API_KEY=$admin "$root/credence" serve --port $port --data "$work/data" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do curl -sf "localhost:$port/health" >/dev/null && break; sleep 0.5; done
key=$(curl -s -X POST "localhost:$port/api/v1/tenants" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
      -d '{"slug":"export","name":"Export Academy","url":"https://export.example"}' | sed 's/.*"apiKey":"\([^"]*\)".*/\1/')
achievement=$(curl -s -X POST "localhost:$port/api/v1/achievements" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      -d '{"name":"Export Test","kind":"certificate","description":"D","criteria":"C"}' | sed 's/.*"id":\([0-9]*\).*/\1/')
model=$(curl -s -X POST "localhost:$port/api/v1/credentials" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      -d "{\"achievementId\":$achievement,\"recipient\":{\"name\":\"Model Learner\",\"email\":\"model@example.org\"},\"notify\":false}" \
      | sed 's/.*"number":"\([^"]*\)".*/\1/')
pgport=$(sed -n 4p "$work/data/pg/postmaster.pid")
started=$(date +%s)
PGPASSWORD=$(cat "$work/data/db.password") psql -q -h localhost -p "$pgport" -U postgres postgres -c "
  INSERT INTO credential (id, tenant_id, achievement_id, number, recipient_name, recipient_email_hash, recipient_email, document,
                          document_text, status_list_id, status_index, issued_at, expires_at)
  SELECT gen_random_uuid(), c.tenant_id, c.achievement_id, 'CRD-BULK-' || lpad(g::text, 7, '0'), c.recipient_name, md5(g::text),
         'learner' || g || '@example.org', c.document, c.document_text, c.status_list_id, c.status_index + g, c.issued_at, c.expires_at
    FROM credential c, generate_series(1, $((rows - 1))) g WHERE c.number = '$model'"
echo "## $rows credentials in place ($(( $(date +%s) - started )) s); uptime: $(uptime)"
java=$(pgrep -f -- "credence.jar serve --port $port" | head -1)
samples="$work/samples"
( while :; do
    # the serial collector's young and tenured generations: "... generation total 19648K, used 5235K [..."
    heap=$(jcmd "$java" GC.heap_info 2>/dev/null | awk '/generation/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i+1); sub(/K,?$/, "", v); n += v}} END {print n + 0}')
    rss=$(awk '/VmRSS/ {print $2}' /proc/$java/status)
    echo "$heap $rss" >> "$samples"; sleep 1
  done ) &
sampler=$!
started=$(date +%s)
lines=$(curl -s "localhost:$port/api/v1/credentials?format=csv" -H "Authorization: Bearer $key" | wc -l)
took=$(( $(date +%s) - started ))
kill $sampler
echo "## CSV export: $lines lines (header + $((lines - 1)) rows) in $took s; uptime: $(uptime)"
echo "## JVM during the export (heap used as GC.heap_info reports it, resident set): $(wc -l < "$samples") samples"
awk '{if ($1 + 0 > hmax) hmax = $1 + 0; if ($2 + 0 > rmax) rmax = $2 + 0}
     END {printf "peak heap used %.0f MB, peak RSS %.0f MB (heap limit: the ./credence default -Xmx384m)\n", hmax / 1024, rmax / 1024}' "$samples"
