#!/usr/bin/env bash
# The pipeline benchmark: EVENTS (100,000) user changes into user-service's outbox with the relay paused, then
# relay -> broker -> auth's database (events/s), then LATENCY_EVENTS (10,000) more with the relay running
# (commit-to-applied p50/p99); both end checking 0 lost and 0 doubled. PROFILE=1 records JFR on the three
# processes during the drain and prints each one's hottest frames. AUTH_INSTANCES=2 (or more) runs it again in
# the same stack after starting auth-service instances 2..N (same database and consumer group, the topic's three
# partitions shared): one-instance and N-instance figures side by side; WARMUP_EVENTS=N drains N events first,
# unreported, so both runs find the JVMs warm. METRICS_COST=1 instead drains four times
# in one stack (ROUNDS pairs, default 2), alternately without and with a scraper GETting both services' /metrics
# every SCRAPE_MS (default 1000): the difference is what the metrics cost. SCRAPE_COST=N (with METRICS_COST=1)
# also measures, before each drain without scraping (the backlog in place, relay paused), the CPU of N scrapes of
# both services and of N consumer watches, and prints their share of the cores at 1 s and 15 s intervals.
# Figures: bench/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/handshake-pipeline.XXXXXX")"
trap './demo/stack.sh down --data-dir "$DATA" >/dev/null 2>&1; rm -rf "$DATA"' EXIT
# The relay's batch and the consumer's defaults as shipped; only the outbox poll is the stack's 200 ms.
./demo/stack.sh up --data-dir "$DATA" | tail -n 1
export PROFILE_DIR=""
if [[ "${PROFILE:-}" == 1 ]]; then PROFILE_DIR="$DATA/profiles"; mkdir -p "$PROFILE_DIR"; else unset PROFILE_DIR; fi
# CPU seconds (user + system, from /proc) per part of the stack, PostgreSQL's processes by their data directory
cpu_by_part() {
  local pid args part
  for pid in $(pgrep -f "$DATA|postgres|service.jar"); do
    args="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || continue
    case "$args" in
      *user-service.jar*) part=user-service ;; *auth-service.jar*) part=auth-service ;;
      *StackInfra*) part=broker+registry ;; *PipelineBench*) part=bench-client ;;
      *) case "$(readlink "/proc/$pid/cwd" 2>/dev/null)" in
           "$DATA/user-db"*) part=user-db ;; "$DATA/auth-db"*) part=auth-db ;; *) continue ;; esac ;;
    esac
    read -r -a stat <"/proc/$pid/stat" 2>/dev/null || continue
    echo "$part $((stat[13] + stat[14]))"
  done | awk '{cpu[$1] += $2} END {for (p in cpu) printf "%s %.1f\n", p, cpu[p] / 100}' | sort
}
run_bench() {
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
  log="$DATA/bench.log"
  : >"$log" # exists before the waits below read it
  java -Xmx256m -cp "$ROOT/e2e/target/classes:$(cat "$ROOT/e2e/target/infra.classpath")" dev.handshake.e2e.PipelineBench \
    "$DATA/stack.env" "${EVENTS:-100000}" "${LATENCY_EVENTS:-10000}" "${WRITERS:-8}" >"$log" 2>&1 &
  bench=$!
  until grep -q '^wrote' "$log" || ! kill -0 "$bench" 2>/dev/null; do sleep 0.2; done
  cpu_by_part >"$DATA/cpu-before"
  until grep -q '^relay' "$log" || ! kill -0 "$bench" 2>/dev/null; do sleep 0.2; done
  cpu_by_part >"$DATA/cpu-after"
  wait "$bench" || { cat "$log"; exit 1; }
  cat "$log"
  echo "CPU seconds per part during the drain:"
  join "$DATA/cpu-before" "$DATA/cpu-after" | awk '{printf "    %-16s %5.1f s\n", $1, $3 - $2}'
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
if [[ "${METRICS_COST:-}" == 1 ]]; then
  for ((round = 1; round <= ${ROUNDS:-2}; round++)); do
    echo "== metrics cost, round $round: without scraping"
    (unset SCRAPE_MS; run_bench)
    echo "== metrics cost, round $round: scraping /metrics every ${SCRAPE_MS:-1000} ms"
    (export SCRAPE_MS="${SCRAPE_MS:-1000}"; unset SCRAPE_COST; run_bench)
  done
  exit 0
fi
if (("${WARMUP_EVENTS:-0}" > 0)); then
  # JIT-compiles every JVM's path first, so the 1-instance run is not the only cold one
  echo "== warm-up: ${WARMUP_EVENTS} events, not reported"
  (export EVENTS="$WARMUP_EVENTS" LATENCY_EVENTS=100; run_bench >/dev/null)
fi
echo "== auth-service: 1 instance"
run_bench
if (("${AUTH_INSTANCES:-1}" >= 2)); then
  for ((n = 2; n <= AUTH_INSTANCES; n++)); do
    ./demo/stack.sh start auth-service --instance "$n" --data-dir "$DATA" | tail -n 1
  done
  echo "== auth-service: $AUTH_INSTANCES instances, one consumer group, the topic's 3 partitions"
  run_bench
fi
if [[ -n "${PROFILE_DIR:-}" ]]; then
  for part in infra user_service auth_service; do
    echo "== $part: top frames of jdk.ExecutionSample during the drain (samples, frame)"
    jfr print --events jdk.ExecutionSample "$PROFILE_DIR/$part.jfr" \
      | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' \
      | sort | uniq -c | sort -rn | head -n 12 || true # head closes the pipe early: not a failure
  done
fi
