#!/usr/bin/env bash
# Load test of POST /v1/usage-events into PostgreSQL (docs/performance.md, "Campaigns, touchpoints
# and usage"). Builds nothing: run `mvn -q -B package -DskipTests` and compile the generator with
#   mvn -q -o -B -pl api-server -am -Pbench test-compile
#   mvn -q -o -B -pl api-server -am -Pbench org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
#       -Dmdep.outputFile=/tmp/xsell-bench.cp -Dmdep.includeScope=test
# first. Usage:
#   scripts/usage-load-test.sh [events] [batch-size] [connections] [database-url]
# Defaults: 2,000,000 events in batches of 10,000 over 4 connections, into a fresh schema
# xsell_usage_load of the local PostgreSQL (dropped and re-created).
set -euo pipefail
events=${1:-2000000}
batch=${2:-10000}
connections=${3:-4}
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${4:-}" ]; then
  psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP SCHEMA IF EXISTS xsell_usage_load CASCADE; CREATE SCHEMA xsell_usage_load'
  db_url='jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=xsell_usage_load'
else
  db_url=$4
fi
work=$(mktemp -d /tmp/xsell-usage-load.XXXXXX)
jar=$root/api-server/target/xsell.jar
port=18090
admin=18091
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
    appenders: []
logging:
  level: WARN
YAML
key=$(java -jar "$jar" tenant create usage-load -c "$work/xsell.yml" 2>/dev/null | tail -1)
java -Xmx2g -jar "$jar" server "$work/xsell.yml" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "localhost:$admin/healthcheck" >/dev/null && break; sleep 1; done

cp="$root/api-server/target/test-classes:$root/api-server/target/classes:$(cat /tmp/xsell-bench.cp)"
echo "== warm-up: 200,000 events"
java -cp "$cp" io.xsell.benchmark.UsageIngestionLoad "http://127.0.0.1:$port" "$key" 200000 "$batch" "$connections"
echo "== measured: $events events"
java -cp "$cp" io.xsell.benchmark.UsageIngestionLoad "http://127.0.0.1:$port" "$key" "$events" "$batch" "$connections"
echo "== first engagement query after the ingestion: loads every stored event from the database"
curl -s -o /dev/null -w 'status %{http_code}, %{time_total} s\n' -H "Authorization: Bearer $key" \
  "http://127.0.0.1:$port/v1/analytics/engagement?from=2025-11-01&to=2026-11-01"
echo "== one more batch of 10,000, then the same query: reads only that batch's rows"
java -cp "$cp" io.xsell.benchmark.UsageIngestionLoad "http://127.0.0.1:$port" "$key" 10000 10000 1 | tail -1
curl -s -o /dev/null -w 'status %{http_code}, %{time_total} s\n' -H "Authorization: Bearer $key" \
  "http://127.0.0.1:$port/v1/analytics/engagement?from=2025-11-01&to=2026-11-01"
echo "== rows in usage_events (warm-up included)"
if [ -z "${4:-}" ]; then
  psql -At -h 127.0.0.1 -U postgres -d test -c 'SELECT count(*) FROM xsell_usage_load.usage_events'
fi
