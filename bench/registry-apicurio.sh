#!/usr/bin/env bash
# Apicurio Registry 2.4.2 (in-memory storage, its ccompat API) under the same wrk scripts as registry-scale.sh:
# registrations with ONE connection (its in-memory storage fails concurrent registrations with 500s, see
# README.md), then lookups with 16 connections over the ids it holds, and RSS.
#
#   bash bench/registry-apicurio.sh [quarkus-app dir=apicurio-app/target/quarkus-app] [seconds=10]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
app=${1:-$root/apicurio-app/target/quarkus-app}
seconds=${2:-10}
port=${APICURIO_PORT:-18093}
work="$(mktemp -d /var/tmp/handshake-apicurio.XXXXXX)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cat "$root/bench/wrk/register.lua" "$root/bench/wrk/report.lua" > "$work/register.lua"
cat "$root/bench/wrk/lookup.lua" "$root/bench/wrk/report.lua" > "$work/lookup.lua"
cp "$root/bench/wrk/report.lua" "$work/static.lua"
load() { cut -d' ' -f1-3 /proc/loadavg; }
result() { grep '^RESULT' | sed 's/^RESULT //'; }

java -XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1 -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
  -jar "$app/quarkus-run.jar" > "$work/apicurio.out" 2>&1 &
pid=$!
base="http://127.0.0.1:$port/apis/ccompat/v7"
for _ in $(seq 1 600); do curl -sf "$base/subjects" > /dev/null 2>&1 && break; sleep 0.2; done
echo "# $(date -u +%FT%TZ) Apicurio at $base, JVM: -XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1"
reg=$(wrk -t1 -c1 -d"${seconds}s" -s "$work/register.lua" "$base" -- 1000000 10000 /apis/ccompat/v7 | result)
count=$(curl -s "$base/subjects" | tr ',' '\n' | grep -c bench || true)
echo "REGISTER connections=1 subjects_after=$count $reg load=$(load)"
max_id=$(curl -s -XPOST -H 'Content-Type: application/vnd.schemaregistry.v1+json' \
  -d '{"schema":"{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[]}"}' "$base/subjects/probe/versions" \
  | sed -E 's/.*"id":([0-9]+).*/\1/')
random=$(wrk -t2 -c16 -d"${seconds}s" -s "$work/lookup.lua" "$base" -- "$max_id" /apis/ccompat/v7 | result)
echo "LOOKUP_RANDOM ids=1..$max_id $random load=$(load)"
one=$(wrk -t2 -c16 -d"${seconds}s" -s "$work/static.lua" "$base/schemas/ids/1" | result)
echo "LOOKUP_ID1 $one load=$(load)"
echo "MEMORY rss_mib=$(( $(grep VmRSS "/proc/$pid/status" | awk '{print $2}') / 1024 ))"
