#!/usr/bin/env bash
# Load test of the REST API on loopback (docs/performance.md, "REST API under load").
# Builds nothing: run `mvn -q -B package -DskipTests` first. Needs wrk (apt-get install wrk).
#   scripts/load-test.sh [customers] [database-url]
# Defaults: 100000 customers, a fresh SQLite file. For PostgreSQL pass a JDBC URL of an
# empty database or schema, e.g. 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=xsell_load'.
# Every request goes to 127.0.0.1; wrk runs for a fixed time and stops by itself.
set -euo pipefail
customers=${1:-100000}
work=$(mktemp -d /tmp/xsell-load.XXXXXX)
db_url=${2:-jdbc:sqlite:$work/xsell.db}
jar=$(cd "$(dirname "$0")/.." && pwd)/api-server/target/xsell.jar
port=18080
admin=18081
cat > "$work/xsell.yml" <<YAML
database:
  url: "$db_url"
server:
  applicationConnectors:
    - type: http
      port: $port
  adminConnectors:
    - type: http
      port: $admin
  requestLog:
    appenders:
      - type: file
        currentLogFilename: $work/requests.log
        archive: false
logging:
  level: WARN
YAML
config=(-c "$work/xsell.yml")

echo "== data: $customers customers in $work"
java -jar "$jar" generate --customers "$customers" --out "$work/csv" 2>&1 | tail -1
(cd "$work/csv" && zip -q -r "$work/import.zip" .)
ls -l "$work/import.zip" | awk '{print "zip bytes:", $5}'
key=$(java -jar "$jar" tenant create load "${config[@]}" 2>/dev/null | tail -1)

java -Xmx4g -jar "$jar" server "$work/xsell.yml" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "localhost:$admin/healthcheck" >/dev/null && break; sleep 1; done

auth=(-H "Authorization: Bearer $key")
url="http://127.0.0.1:$port/v1/metrics/cross-sell?from=2025-11-01&to=2026-11-01&segment_by=segment"
echo "== import through POST /v1/imports"
curl -s -o /dev/null -w 'status %{http_code}, %{time_total} s\n' "${auth[@]}" -H 'Content-Type: application/zip' \
  --data-binary @"$work/import.zip" "http://127.0.0.1:$port/v1/imports"
echo "== first query after the import (data in memory, nothing cached, ledger not yet priced)"
curl -s -o /dev/null -w 'status %{http_code}, %{time_total} s\n' "${auth[@]}" "$url"
echo "== uncached queries: five new windows on the same data"
for m in 10 09 08 07 06; do
  curl -s -o /dev/null -w "window ending 2026-$m-01: %{time_total} s\n" "${auth[@]}" \
    "http://127.0.0.1:$port/v1/metrics/cross-sell?from=2025-$m-01&to=2026-$m-01&segment_by=segment"
done
echo "== restart: the first query loads the tenant from the database"
kill $server; wait $server 2>/dev/null || true
java -Xmx4g -jar "$jar" server "$work/xsell.yml" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "localhost:$admin/healthcheck" >/dev/null && break; sleep 1; done
curl -s -o /dev/null -w 'cold (load + price + compute): %{time_total} s\n' "${auth[@]}" "$url"
echo "== cached cross-sell query under load: wrk, 2 threads, 32 connections, 30 s (after a 30 s JIT warm-up)"
wrk -t2 -c32 -d30s "${auth[@]}" "$url" > /dev/null
wrk -t2 -c32 -d30s --latency "${auth[@]}" "$url"
if grep -q "$key" "$work/requests.log"; then echo "ERROR: the API key appears in the request log"; exit 1; fi
echo "request log checked: the key never appears ($(wc -l < "$work/requests.log") lines)"
