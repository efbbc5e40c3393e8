#!/usr/bin/env bash
# A/B of the registry's lookups: two launcher jars, alternating rounds of a fresh registry with ~2,000 schemas,
# wrk at 16 connections on id 1 and on random ids.
#   bash bench/registry-lookup-ab.sh BEFORE.jar AFTER.jar
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
before_jar=$1
after_jar=$2
work=$(mktemp -d /var/tmp/ab.XXXXXX); chmod 755 $work
cat $root/bench/wrk/register.lua $root/bench/wrk/report.lua > $work/register.lua
cat $root/bench/wrk/lookup.lua $root/bench/wrk/report.lua > $work/lookup.lua
cp $root/bench/wrk/report.lua $work/static.lua
result() { grep '^RESULT' | sed 's/^RESULT //'; }
for round in 1 2; do
for name in before after; do
  jar=$before_jar; [ $name = after ] && jar=$after_jar
  rm -rf $work/data
  java -XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -Xss256k -jar $jar registry serve --data-dir $work/data --port 18095 > $work/out 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true; rm -rf $work' EXIT
  for _ in $(seq 1 300); do grep -q "listening on" $work/out && break; sleep 0.1; done
  wrk -t2 -c16 -d3s -s $work/register.lua http://127.0.0.1:18095 -- 1000000 10000 > /dev/null
  one=$(wrk -t2 -c16 -d10s -s $work/static.lua http://127.0.0.1:18095/schemas/ids/1 | result)
  rnd=$(wrk -t2 -c16 -d10s -s $work/lookup.lua http://127.0.0.1:18095 -- 2000 | result)
  echo "$name round=$round ID1 $one load=$(cut -d' ' -f1 /proc/loadavg)"
  echo "$name round=$round RANDOM $rnd load=$(cut -d' ' -f1 /proc/loadavg)"
  kill $pid; wait $pid 2>/dev/null || true
done
done
rm -rf $work
