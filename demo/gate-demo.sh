#!/usr/bin/env bash
# Handshake's gate, end to end, from a fresh clone with only a JDK:
#   1. user-service (example-user) as it is: `mvn verify` runs the gate against auth-service's contract: green.
#   2. the same build after a change that drops "email" from UserDeleted, which auth-service reads
#      (demo/breaking-change.patch, applied to a scratch copy): red, with the report.
# Exits 0 when it saw green then red as expected; the working tree is left as it was.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MVN=("$ROOT/mvnw" -B)
if [[ "${HANDSHAKE_DEMO_OFFLINE:-}" == "true" ]]; then
  MVN+=(-o)
fi
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/handshake-demo.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT

bold() { if [[ -t 1 ]]; then printf '\033[1m%s\033[0m\n' "$*"; else printf '%s\n' "$*"; fi; }
step() { echo; bold "==> $*"; }
fail() { echo; bold "DEMO FAILED: $*" >&2; exit 1; }

# The gate's part of a Maven log: from the first handshake goal to the end of the build summary.
gate_output() {
  awk '/--- handshake:/ {on=1} on && /^\[INFO\] Total time/ {exit} on && !/^\[INFO\] -+$/ {print}' "$1"
}

step "Building Handshake (core and the Maven plugin) into the local Maven repository"
"${MVN[@]}" -q install -DskipTests -Dinvoker.skip=true -pl maven-plugin -am \
  || fail "could not build Handshake; run: ./mvnw -B install -DskipTests -pl maven-plugin -am"

step "1/2  user-service as it is:  ./mvnw -f example-user/pom.xml verify"
"${MVN[@]}" -f example-user/pom.xml verify >"$SCRATCH/green.log" 2>&1
green=$?
gate_output "$SCRATCH/green.log"
if [[ $green -ne 0 ]] || ! grep -q 'BUILD SUCCESS' "$SCRATCH/green.log"; then
  tail -n 40 "$SCRATCH/green.log"
  fail "the unchanged user-service should pass the gate (log above)"
fi
bold "GREEN: every consumer contract holds."

step "2/2  user-service after demo/breaking-change.patch (UserDeleted loses \"email\"), in a scratch copy"
sed -n '1,/^$/p' demo/breaking-change.patch
COPY="$SCRATCH/repo"
mkdir -p "$COPY/example-user"
cp -R pom.xml mvnw .mvn schemas contracts "$COPY/"
cp -R example-user/pom.xml example-user/src "$COPY/example-user/"
(cd "$COPY" && git apply "$ROOT/demo/breaking-change.patch") || fail "demo/breaking-change.patch no longer applies"
(cd "$COPY" && "${MVN[@]}" -f example-user/pom.xml verify) >"$SCRATCH/red.log" 2>&1
red=$?
gate_output "$SCRATCH/red.log" | sed "s|$COPY/||g"
if [[ $red -eq 0 ]]; then
  fail "the breaking change passed the gate"
fi
if ! grep -q 'handshake-maven-plugin.*:verify' "$SCRATCH/red.log" || ! grep -q 'consumer "auth-service"' "$SCRATCH/red.log" \
    || ! grep -q '"email"' "$SCRATCH/red.log"; then
  tail -n 40 "$SCRATCH/red.log"
  fail "the build failed, but not because the gate caught auth-service's \"email\" (log above)"
fi
if [[ -f "$COPY/example-user/target/handshake/verify.txt" ]]; then
  step "The report the gate wrote (target/handshake/verify.txt; also verify.json and JUnit XML)"
  sed "s|$COPY/||g" "$COPY/example-user/target/handshake/verify.txt"
fi
echo
bold "RED: the gate stopped the change before it could merge, naming consumer, event, field, rule and fix."
bold "Demo OK: green, then red. The working tree is unchanged (the change was applied to $COPY, now removed)."
