#!/usr/bin/env bash
# Start-up of `handshake registry serve` on an empty store: from process spawn to the "listening on" line, with
# the launcher's JVM settings (./handshake), N runs of each jar given, printed one line a run and a median.
#
#   bash bench/registry-start.sh [runs=10] JAR [JAR...]      e.g. BEFORE.jar cli/target/handshake.jar
set -euo pipefail
runs=${1:-10}; shift
[ $# -gt 0 ] || set -- "$(cd "$(dirname "$0")/.." && pwd)/cli/target/handshake.jar"
read -r -a jvm <<< "${HANDSHAKE_REGISTRY_JAVA_OPTS:--XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -Xss256k}"
work="$(mktemp -d)"; pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for jar in "$@"; do
  times=()
  for i in $(seq 1 "$runs"); do
    data="$work/data-$i"; out="$work/out-$i"; : > "$out"
    start=$(date +%s%N)
    java "${jvm[@]}" -jar "$jar" registry serve --port 0 --data-dir "$data" > "$out" 2>&1 &
    pid=$!
    until grep -q 'listening on' "$out"; do
      kill -0 "$pid" 2>/dev/null || { cat "$out" >&2; exit 1; }
      sleep 0.002
    done
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "START jar=$jar runs=${times[*]} median_ms=$median load=$(cut -d' ' -f1-3 /proc/loadavg)"
done
