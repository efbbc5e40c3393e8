#!/usr/bin/env bash
# What the Handshake gate adds to user-service's build: wall time of `mvn verify` on example-user with the
# gate (handshake:verify, and handshake:check once bound) and without it (-Dhandshake.skip=true).
# Runs alternate (with, without, with, ...) so a machine warming up or slowing down affects both alike.
# Usage: bash bench/gate-cost.sh [RUNS]   (default 5 runs of each; prints every run and the medians)
set -euo pipefail

RUNS="${1:-5}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MVN=("$ROOT/mvnw" -B -q)

echo "Preparing: install Handshake's plugin and build example-user once (downloads anything missing)."
"${MVN[@]}" install -DskipTests -Dinvoker.skip=true -pl maven-plugin -am
"${MVN[@]}" -f example-user/pom.xml verify >/dev/null

millis() { date +%s%3N; }
run() {
  local start end
  start=$(millis)
  "${MVN[@]}" -o -f example-user/pom.xml verify "$@" >/dev/null
  end=$(millis)
  echo $((end - start))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

with=()
without=()
for i in $(seq 1 "$RUNS"); do
  w=$(run)
  wo=$(run -Dhandshake.skip=true)
  with+=("$w")
  without+=("$wo")
  printf 'run %d: with gate %6d ms   without %6d ms\n' "$i" "$w" "$wo"
done
mw=$(median "${with[@]}")
mwo=$(median "${without[@]}")
echo
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "mvn -o -f example-user/pom.xml verify (no source changes; compile, tests, gate), median of $RUNS:"
printf '  with the gate:     %6d ms\n' "$mw"
printf '  without the gate:  %6d ms   (-Dhandshake.skip=true)\n' "$mwo"
printf '  the gate costs:    %+6d ms   (goal: <= +2000 ms)\n' $((mw - mwo))
