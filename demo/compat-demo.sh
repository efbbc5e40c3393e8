#!/usr/bin/env bash
# The compatibility engine on the example schemas: one compatible change, one breaking change.
# Exits 0 when both verdicts are the expected ones.
set -uo pipefail
cd "$(dirname "$0")/.."
history=schemas/history
echo "== UserCreated v1 -> v2 under BACKWARD_TRANSITIVE (adds fields with defaults)"
./handshake compat --level BACKWARD_TRANSITIVE \
  "$history/dev.handshake.example.user.UserCreated/v1.avsc" schemas/user-events/UserCreated.avsc
compatible=$?
echo
echo "== UserDeleted v1 -> a candidate that drops \"email\", under FULL_TRANSITIVE"
./handshake compat --level FULL_TRANSITIVE \
  "$history/dev.handshake.example.user.UserDeleted/v1.avsc" demo/compat/UserDeleted-drops-email.avsc
breaking=$?
echo
if [ "$compatible" -eq 0 ] && [ "$breaking" -eq 1 ]; then
  echo "demo: as expected, the first change passed (exit 0) and the second was refused (exit 1)"
else
  echo "demo: unexpected exit codes: compatible change $compatible (want 0), breaking change $breaking (want 1)" >&2
  exit 1
fi
