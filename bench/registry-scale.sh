#!/usr/bin/env bash
# The embedded registry from 0 to 100,000 schemas over 10,000 subjects, with the launcher's JVM settings:
# registrations and lookups with wrk at 16 connections, p99, RSS and live heap at each step, group-commit
# counts from the registry's own /handshake/stats, nginx serving a static copy of the same lookup response
# (the machine's limit for that answer), and the disk's synchronous 4 KiB write rate (dd oflag=dsync).
#
#   bash bench/registry-scale.sh [max_schemas=100000] [seconds_per_measurement=10]
#
# Needs wrk and nginx (apt-get install -y wrk nginx) and cli/target/handshake.jar (built if missing).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
max=${1:-100000}
seconds=${2:-10}
jar="$root/cli/target/handshake.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -pl cli -am package -DskipTests)
read -r -a jvm_opts <<< "${HANDSHAKE_REGISTRY_JAVA_OPTS:--XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -Xss256k}"
port=${REGISTRY_PORT:-18091}
nginx_port=${NGINX_PORT:-18092}
work="$(mktemp -d /var/tmp/handshake-scale.XXXXXX)"   # a real disk, not tmpfs: fsync must cost what it costs
chmod 755 "$work"
registry_pid=""
nginx_pid=""
cleanup() {
  [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cat "$root/bench/wrk/register.lua" "$root/bench/wrk/report.lua" > "$work/register.lua"
cat "$root/bench/wrk/lookup.lua" "$root/bench/wrk/report.lua" > "$work/lookup.lua"
cp "$root/bench/wrk/report.lua" "$work/static.lua"

load() { cut -d' ' -f1-3 /proc/loadavg; }
stat_of() { curl -s "http://127.0.0.1:$port/handshake/stats" | sed -E "s/.*\"$1\":([0-9]+).*/\1/"; }
result() { grep '^RESULT' | sed 's/^RESULT //'; }

java "${jvm_opts[@]}" -jar "$jar" registry serve --data-dir "$work/data" --port "$port" > "$work/registry.out" 2>&1 &
registry_pid=$!
for _ in $(seq 1 300); do grep -q "listening on" "$work/registry.out" && break; sleep 0.1; done
grep "listening on" "$work/registry.out"

echo "# $(date -u +%FT%TZ) $(nproc) CPUs, JVM: ${jvm_opts[*]}"
dd_out=$(dd if=/dev/zero of="$work/dd.bin" bs=4k count=2000 oflag=dsync 2>&1 | tail -1)
dd_seconds=$(echo "$dd_out" | sed -E 's/.* copied, ([0-9.]+) s.*/\1/')
echo "DSYNC writes_per_s=$(echo "2000 / $dd_seconds" | bc) ($dd_out) load=$(load)"
rm -f "$work/dd.bin"

mkdir -p "$work/www/schemas/ids" "$work/nginx-tmp"
cat > "$work/nginx.conf" <<NGINX
user root;
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx-tmp;
  proxy_temp_path $work/nginx-tmp;
  fastcgi_temp_path $work/nginx-tmp;
  uwsgi_temp_path $work/nginx-tmp;
  scgi_temp_path $work/nginx-tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    default_type application/vnd.schemaregistry.v1+json;
  }
}
NGINX
nginx -c "$work/nginx.conf" &
nginx_pid=$!

measure_reads() {
  local count=$1
  curl -s "http://127.0.0.1:$port/schemas/ids/1" > "$work/www/schemas/ids/1"
  local random one static
  random=$(wrk -t2 -c16 -d"${seconds}s" -s "$work/lookup.lua" "http://127.0.0.1:$port" -- "$count" | result)
  local l1; l1=$(load)
  one=$(wrk -t2 -c16 -d"${seconds}s" -s "$work/static.lua" "http://127.0.0.1:$port/schemas/ids/1" | result)
  local l2; l2=$(load)
  static=$(wrk -t2 -c16 -d"${seconds}s" -s "$work/static.lua" "http://127.0.0.1:$nginx_port/schemas/ids/1" | result)
  local l3; l3=$(load)
  jcmd "$registry_pid" GC.run > /dev/null
  local heap_kb
  heap_kb=$(jcmd "$registry_pid" GC.heap_info | grep -E 'generation +total' | sed -E 's/.*used ([0-9]+)K.*/\1/' \
    | paste -sd+ | bc)
  local rss_kb; rss_kb=$(grep VmRSS "/proc/$registry_pid/status" | awk '{print $2}')
  echo "LOOKUP_RANDOM schemas=$count $random load=$l1"
  echo "LOOKUP_ID1 schemas=$count $one load=$l2"
  echo "NGINX_ID1 schemas=$count $static load=$l3"
  echo "MEMORY schemas=$count rss_mib=$((rss_kb / 1024)) live_heap_kib=$heap_kb"
}

run=0
count=0
# Registration runs are sized from the last run's rate so the steps land near their targets instead of a 10 s
# run overshooting several of them at once: at least 2 s, at most seconds_per_measurement.
rate_estimate=10000
echo "MEMORY schemas=0 rss_mib=$(( $(grep VmRSS "/proc/$registry_pid/status" | awk '{print $2}') / 1024 ))"
for target in 10000 25000 50000 75000 100000; do
  [ "$target" -gt "$max" ] && break
  [ "$count" -ge "$target" ] && continue
  while [ "$count" -lt "$target" ]; do
    run=$((run + 1))
    appends0=$(stat_of appendsSinceStart); flushes0=$(stat_of flushesSinceStart)
    reg_seconds=$(( (target - count + rate_estimate - 1) / rate_estimate ))
    [ "$reg_seconds" -lt 2 ] && reg_seconds=2
    [ "$reg_seconds" -gt "$seconds" ] && reg_seconds=$seconds
    reg=$(wrk -t2 -c16 -d"${reg_seconds}s" -s "$work/register.lua" "http://127.0.0.1:$port" -- "$((run * 1000000))" \
      10000 | result)
    rate_estimate=$(echo "$reg" | sed -E 's/.*rate=([0-9]+).*/\1/')
    [ "$rate_estimate" -gt 0 ] 2>/dev/null || rate_estimate=1000
    appends=$(( $(stat_of appendsSinceStart) - appends0 )); flushes=$(( $(stat_of flushesSinceStart) - flushes0 ))
    count=$(stat_of schemas)
    echo "REGISTER schemas_after=$count $reg appends=$appends flushes=$flushes per_flush=$(echo "scale=2; $appends / ($flushes + 0.0001)" | bc) load=$(load)"
  done
  measure_reads "$count"
done
grep -v "listening on" "$work/registry.out" || true

# Start-up on the full store: the log is replayed record by record into the index.
kill "$registry_pid"; wait "$registry_pid" 2>/dev/null || true
log_mib=$(( $(stat -c %s "$work/data/registry.log") / 1048576 ))
started=$(date +%s%N)
java "${jvm_opts[@]}" -jar "$jar" registry serve --data-dir "$work/data" --port "$port" > "$work/restart.out" 2>&1 &
registry_pid=$!
for _ in $(seq 1 1200); do grep -q "listening on" "$work/restart.out" && break; sleep 0.05; done
echo "RESTART schemas=$(stat_of schemas) log_mib=$log_mib startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))" \
  "rss_mib=$(( $(grep VmRSS "/proc/$registry_pid/status" | awk '{print $2}') / 1024 ))" "load=$(load)"
