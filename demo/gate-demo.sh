#!/usr/bin/env bash
# Handshake's gate, end to end, from a fresh clone with only a JDK:
#   1. user-service (example-user) as it is: `mvn verify` runs the gate against auth-service's contract: green.
#   2. the same build after a change that drops "email" from UserDeleted, which auth-service reads
#      (demo/breaking-change.patch, applied to a scratch copy): red, with the report.
#   3. the same build after adding an enum symbol (demo/enum-symbol-change.patch): a registry at BACKWARD
#      accepts it, but auth-service's reader enum has no default: red again.
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

step "Building Handshake (core, the Maven plugin, and what user-service builds on) into the local Maven repository"
"${MVN[@]}" -q install -DskipTests -Dinvoker.skip=true -pl maven-plugin,example-user -am \
  || fail "could not build Handshake; run: ./mvnw -B install -DskipTests -Dinvoker.skip=true -pl maven-plugin,example-user -am"

# -DskipITs: the gate needs user-service's unit tests and build, not its PostgreSQL and Kafka tests (*IT).
step "1/3  user-service as it is:  ./mvnw -f example-user/pom.xml verify -DskipITs"
"${MVN[@]}" -f example-user/pom.xml verify -DskipITs >"$SCRATCH/green.log" 2>&1
green=$?
gate_output "$SCRATCH/green.log"
if [[ $green -ne 0 ]] || ! grep -q 'BUILD SUCCESS' "$SCRATCH/green.log"; then
  tail -n 40 "$SCRATCH/green.log"
  fail "the unchanged user-service should pass the gate (log above)"
fi
bold "GREEN: every consumer contract holds."

# Applies a patch to a fresh scratch copy of user-service, runs its build, and checks that the gate (and not
# a compile error or a test) turned it red, naming auth-service and the expected rule.
red_case() {
  local patch="$1" rule="$2" copy="$SCRATCH/$3"
  sed -n '1,/^$/p' "$patch"
  mkdir -p "$copy/example-user"
  cp -R pom.xml mvnw .mvn schemas contracts "$copy/"
  cp -R example-user/pom.xml example-user/src "$copy/example-user/"
  (cd "$copy" && git apply "$ROOT/$patch") || fail "$patch no longer applies"
  (cd "$copy" && "${MVN[@]}" -f example-user/pom.xml verify -DskipITs) >"$copy.log" 2>&1
  local red=$?
  gate_output "$copy.log" | sed "s|$copy/||g"
  if [[ $red -eq 0 ]]; then
    fail "the change in $patch passed the gate"
  fi
  if ! grep -q 'handshake-maven-plugin.*:verify' "$copy.log" || ! grep -q 'consumer "auth-service"' "$copy.log" \
      || ! grep -q "\[$rule\]" "$copy.log"; then
    tail -n 40 "$copy.log"
    fail "the build failed, but not because the gate reported $rule for auth-service (log above)"
  fi
  if [[ -f "$copy/example-user/target/handshake/verify.txt" ]]; then
    step "The report the gate wrote (target/handshake/verify.txt; also verify.json and JUnit XML)"
    sed "s|$copy/||g" "$copy/example-user/target/handshake/verify.txt"
  fi
}

step "2/3  user-service after demo/breaking-change.patch (UserDeleted loses \"email\"), in a scratch copy"
red_case demo/breaking-change.patch FIELD_REMOVED_WITHOUT_DEFAULT email-removed
echo
bold "RED: the gate stopped the change before it could merge, naming consumer, event, field, rule and fix."

step "3/3  user-service after demo/enum-symbol-change.patch (UserStatus gains LOCKED), in a scratch copy"
red_case demo/enum-symbol-change.patch ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT enum-symbol-added
step "The same change against the schema history alone (what a registry checks): ./mvnw handshake:check"
(cd "$SCRATCH/enum-symbol-added" && "${MVN[@]}" -f example-user/pom.xml handshake:check@schema-history) \
  >"$SCRATCH/enum-check.log" 2>&1 || fail "handshake:check should accept the added enum symbol (log: $SCRATCH/enum-check.log)"
grep -E '^\[INFO\] compatible' "$SCRATCH/enum-check.log" | sed "s|$SCRATCH/enum-symbol-added/||g"
echo
bold "RED: a change the registry accepts under BACKWARD still breaks auth-service's reader; only the gate saw it."
bold "Demo OK: green, then red twice. The working tree is unchanged (the changes were applied to scratch copies, now removed)."
