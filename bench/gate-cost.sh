#!/usr/bin/env bash
# What the Handshake gate adds to user-service's build: wall time of `mvn verify` on example-user with the
# gate (handshake:verify and handshake:check) and without it (-Dhandshake.skip=true).
# Runs alternate (with, without, with, ...) so a machine warming up or slowing down affects both alike.
# The whole-build difference is noisy on a busy machine, so the script also times the gate's own goals
# inside each build, from Maven's log timestamps (first handshake goal starts -> build ends).
# Usage: bash bench/gate-cost.sh [RUNS]   (default 5 runs of each; prints every run and the medians)
set -euo pipefail

RUNS="${1:-5}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MVN=("$ROOT/mvnw" -B -q)

echo "Preparing: install Handshake's plugin and build example-user once (downloads anything missing)."
"${MVN[@]}" install -DskipTests -Dinvoker.skip=true -pl maven-plugin -am
"${MVN[@]}" -f example-user/pom.xml verify >/dev/null

LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
TIMESTAMPS=(-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)

millis() { date +%s%3N; }
run() {
  local start end
  start=$(millis)
  "$ROOT/mvnw" -B -o -f example-user/pom.xml verify "${TIMESTAMPS[@]}" "$@" >"$LOG"
  end=$(millis)
  echo $((end - start))
}
# ms from the first "--- handshake:" goal to the end of the build, read from the last run's log.
gate_goals_ms() {
  awk 'function ms(t) { split(t, p, /[:.]/); return ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4] }
       /--- handshake:/ && !start { start = ms($1) }
       /BUILD SUCCESS/ { end = ms($1) }
       END { if (start && end) print end - start; else print "n/a" }' "$LOG"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

with=()
without=()
goals=()
for i in $(seq 1 "$RUNS"); do
  w=$(run)
  g=$(gate_goals_ms)
  wo=$(run -Dhandshake.skip=true)
  with+=("$w")
  without+=("$wo")
  goals+=("$g")
  printf 'run %d: with gate %6d ms   without %6d ms   gate goals inside a build %6s ms\n' "$i" "$w" "$wo" "$g"
done
mw=$(median "${with[@]}")
mwo=$(median "${without[@]}")
echo
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "mvn -o -f example-user/pom.xml verify (no source changes; compile, tests, gate), median of $RUNS:"
printf '  with the gate:     %6d ms\n' "$mw"
printf '  without the gate:  %6d ms   (-Dhandshake.skip=true)\n' "$mwo"
printf '  difference:        %+6d ms\n' $((mw - mwo))
printf '  the gate goals themselves (handshake:verify + handshake:check, from log timestamps): %s ms   (goal: <= +2000 ms)\n' "$(median "${goals[@]}")"
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg) (whole-build figures are only comparable on an idle machine)"
