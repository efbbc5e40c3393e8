#!/usr/bin/env bash
# The local stack user-service and auth-service run on, each part its own process, loopback only, no Docker:
#   ./demo/stack.sh up    --data-dir DIR   broker + registry + both PostgreSQL (one launcher JVM), the schemas
#                                          registered with `handshake register`, user-service, auth-service;
#                                          prints one line per endpoint, then `ready`; writes DIR/stack.env
#                                          (owner-only: it holds ADMIN_TOKEN, the one admin token both services
#                                          get, generated on the first `up` and kept across restarts)
#   ./demo/stack.sh start user-service|auth-service --data-dir DIR   starts a stopped or killed service again,
#                                          on the same data and port, and updates DIR/stack.env
#   ./demo/stack.sh stop  user-service|auth-service --data-dir DIR   stops one service (SIGTERM)
#   ./demo/stack.sh start auth-service --instance N --data-dir DIR   (N >= 2; 1 is the first instance) another
#                                          instance on the same database (and, for auth-service, consumer group),
#                                          on its own port and DATA_DIR (DIR/auth-service-N), written to stack.env
#                                          as AUTH_SERVICE_URL_N and AUTH_SERVICE_PID_N (USER_SERVICE_URL_N and
#                                          USER_SERVICE_PID_N for user-service); `stop ... --instance N` stops it,
#                                          `down` stops every instance
#   ./demo/stack.sh down  --data-dir DIR   stops everything; the data under DIR stays for the next `up`
# A service also reads the caller's environment for its optional settings, e.g.
#   READER_SCHEMAS_DIR=dir ./demo/stack.sh start auth-service --data-dir DIR
#   EVENT_SCHEMAS_DIR=dir ./demo/stack.sh start user-service --data-dir DIR   (a release with other event schemas)
# A part that fails to start is named, the end of its log shown, everything stopped, and the exit code is 1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
START_TIMEOUT_SECONDS="${STACK_START_TIMEOUT_SECONDS:-180}"
USER_JAR="$ROOT/example-user/target/user-service.jar"
AUTH_JAR="$ROOT/example-auth/target/auth-service.jar"
INFRA_CLASSPATH="$ROOT/e2e/target/infra.classpath"

usage() {
  echo "usage: $0 up|down --data-dir DIR" >&2
  echo "       $0 start|stop user-service|auth-service [--instance N] --data-dir DIR   (N >= 2)" >&2
  exit 2
}

say() { echo "stack: $*"; }

command="${1:-}"; [[ $# -gt 0 ]] && shift
service=""
if [[ "$command" == start || "$command" == stop ]]; then
  service="${1:-}"; [[ $# -gt 0 ]] && shift
  [[ "$service" == user-service || "$service" == auth-service ]] || usage
fi
instance=""
data_dir=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) [[ -n "${2:-}" ]] || usage; data_dir="$2"; shift 2 ;;
    --instance) [[ -n "$service" && $# -ge 2 ]] || usage; instance="$2"; shift 2 ;;
    *) usage ;;
  esac
done
[[ -n "$data_dir" ]] || usage
if [[ -n "$instance" ]]; then
  if ! [[ "$instance" =~ ^[0-9]{1,3}$ ]] || ((10#$instance < 2)); then
    echo "stack: --instance $instance is not valid: give a whole number from 2 to 999 (instance 1 is the first" \
      "one, started without --instance)" >&2
    exit 2
  fi
  instance=$((10#$instance))
fi
mkdir -p "$data_dir"
DATA_DIR="$(cd "$data_dir" && pwd)"
ENV_FILE="$DATA_DIR/stack.env"
LOGS="$DATA_DIR/logs"
mkdir -p "$LOGS"

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }
# A process just killed (kill -9) can still be there for a moment: give it 5 s to go before calling it alive.
still_alive() { local deadline=$((SECONDS + 5)); while alive "$1"; do ((SECONDS < deadline)) || return 0; sleep 0.1; done; return 1; }

# Builds what the stack runs when a jar is missing (a fresh clone): the services, the CLI and the launcher.
ensure_built() {
  if [[ -f "$USER_JAR" && -f "$AUTH_JAR" && -f "$INFRA_CLASSPATH" && -f "$ROOT/cli/target/handshake.jar" ]]; then
    return
  fi
  say "building the services, the CLI and the stack launcher (first run: a few minutes)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dinvoker.skip=true -pl e2e -am) \
    || { echo "stack: the build failed; run: ./mvnw -B package -DskipTests -Dinvoker.skip=true -pl e2e -am" >&2; exit 1; }
}

# The extra instances' variables in stack.env: USER_SERVICE_URL_N, USER_SERVICE_PID_N, AUTH_SERVICE_URL_N, ...
instance_vars() { compgen -v | grep -E '^(USER|AUTH)_SERVICE_(URL|PID)_[0-9]+$' || true; }

load_env() {
  local var
  for var in $(instance_vars); do unset "$var"; done
  KAFKA_BOOTSTRAP_SERVERS="" SCHEMA_REGISTRY_URL="" USER_SERVICE_URL="" AUTH_SERVICE_URL=""
  USER_DB_URL="" AUTH_DB_URL="" INFRA_PID="" USER_SERVICE_PID="" AUTH_SERVICE_PID="" ADMIN_TOKEN=""
  if [[ -f "$ENV_FILE" ]]; then
    # shellcheck disable=SC1090
    source "$ENV_FILE"
  fi
}

write_env() {
  local tmp="$ENV_FILE.tmp"
  (umask 077 && : >"$tmp")
  {
    echo "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS"
    echo "SCHEMA_REGISTRY_URL=$SCHEMA_REGISTRY_URL"
    echo "USER_SERVICE_URL=$USER_SERVICE_URL"
    echo "AUTH_SERVICE_URL=$AUTH_SERVICE_URL"
    echo "USER_DB_URL=$USER_DB_URL"
    echo "AUTH_DB_URL=$AUTH_DB_URL"
    echo "INFRA_PID=$INFRA_PID"
    echo "USER_SERVICE_PID=$USER_SERVICE_PID"
    echo "AUTH_SERVICE_PID=$AUTH_SERVICE_PID"
    echo "ADMIN_TOKEN=$ADMIN_TOKEN"
    local var
    for var in $(instance_vars); do
      if [[ -n "${!var}" ]]; then echo "$var=${!var}"; fi
    done
  } >"$tmp"
  mv "$tmp" "$ENV_FILE"
}

# Waits until $log has a line matching $pattern (printed) while $pid lives; fails naming $part otherwise.
await_line() {
  local part="$1" pid="$2" log="$3" pattern="$4" deadline=$((SECONDS + START_TIMEOUT_SECONDS))
  until grep -qE "$pattern" "$log" 2>/dev/null; do
    if ! alive "$pid"; then
      part_failed "$part" "$log" "exited before it was ready"
    fi
    if ((SECONDS >= deadline)); then
      part_failed "$part" "$log" "was not ready within ${START_TIMEOUT_SECONDS}s"
    fi
    sleep 0.1
  done
}

part_failed() {
  local part="$1" log="$2" why="$3"
  {
    echo "stack: $part $why; the last lines of $log:"
    tail -n 30 "$log" | sed 's/^/    /'
  } >&2
  stop_all
  exit 1
}

# SIGTERM, then SIGKILL after 30 s: services and the launcher stop their parts in shutdown hooks.
stop_pid() {
  local name="$1" pid="$2" deadline=$((SECONDS + 30))
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid"; do
    if ((SECONDS >= deadline)); then
      say "$name (pid $pid) did not stop in 30s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
}

# A PostgreSQL whose launcher was killed keeps running (pg_ctl daemonizes it): stop any under DIR.
stop_orphaned_postgres() {
  local pidfile pid
  while IFS= read -r pidfile; do
    pid="$(head -n 1 "$pidfile" 2>/dev/null || true)"
    if alive "$pid" && grep -q postgres "/proc/$pid/cmdline" 2>/dev/null; then
      say "stopping an orphaned PostgreSQL (pid $pid, $(dirname "$pidfile"))"
      kill -INT "$pid" 2>/dev/null || true
      local deadline=$((SECONDS + 30))
      while alive "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
    fi
  done < <(find "$DATA_DIR" -maxdepth 3 -name postmaster.pid 2>/dev/null)
}

stop_all() {
  load_env
  local var
  for var in $(instance_vars); do
    if [[ "$var" == *_PID_* ]]; then
      stop_pid "$(instance_name "$var")" "${!var}"
    fi
    unset "$var"
  done
  stop_pid auth-service "$AUTH_SERVICE_PID"
  stop_pid user-service "$USER_SERVICE_PID"
  stop_pid infra "$INFRA_PID"
  stop_orphaned_postgres
  USER_SERVICE_PID="" AUTH_SERVICE_PID="" INFRA_PID="" USER_SERVICE_URL="" AUTH_SERVICE_URL=""
  write_env
}

# The port a service had last time when it is still free (so the other service's URL for it stays right).
service_port() {
  local file="$DATA_DIR/$1.port" port
  port="$(cat "$file" 2>/dev/null || echo 0)"
  if [[ "$port" != 0 ]] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    port=0
  fi
  echo "$port"
}

# The stack.env variable prefix of a service (USER_SERVICE, AUTH_SERVICE) and the suffix of an instance (_N).
prefix_of() { [[ "$1" == user-service ]] && echo USER_SERVICE || echo AUTH_SERVICE; }
suffix_of() { [[ -n "${1:-}" ]] && echo "_$1" || true; }
# AUTH_SERVICE_PID_3 -> auth-service-3
instance_name() { local prefix="${1%%_PID_*}"; prefix="${prefix,,}"; echo "${prefix//_/-}-${1##*_}"; }

start_service() {
  local service="$1" n="${2:-}" name jar pid url prefix suffix pid_var url_var
  prefix="$(prefix_of "$service")"; suffix="$(suffix_of "$n")"
  name="$service${n:+-$n}"; pid_var="${prefix}_PID$suffix"; url_var="${prefix}_URL$suffix"
  local log="$LOGS/$name.log"
  load_env
  alive "$INFRA_PID" || { echo "stack: the infrastructure is not running; run: $0 up --data-dir $DATA_DIR" >&2; exit 1; }
  still_alive "${!pid_var:-}" && { say "$name is already running (pid ${!pid_var})"; return; }
  local -a env=(HTTP_PORT="$(service_port "$name")" DB_USER=postgres ADMIN_TOKEN="$ADMIN_TOKEN"
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP_SERVERS" SCHEMA_REGISTRY_URL="$SCHEMA_REGISTRY_URL")
  if [[ -n "$n" ]]; then
    # Its own DATA_DIR: whatever an instance keeps on disk is never shared with another.
    mkdir -p "$DATA_DIR/$name"
    env+=(DATA_DIR="$DATA_DIR/$name")
  fi
  if [[ "$service" == user-service ]]; then
    jar="$USER_JAR"; env+=(DB_URL="$USER_DB_URL" OUTBOX_POLL_MS="${OUTBOX_POLL_MS:-200}")
  else
    jar="$AUTH_JAR"; env+=(DB_URL="$AUTH_DB_URL" USER_SERVICE_URL="$USER_SERVICE_URL")
  fi
  : >"$log"
  env "${env[@]}" "$JAVA" -Xmx256m -XX:+UseSerialGC -jar "$jar" >>"$log" 2>&1 </dev/null &
  pid=$!
  printf -v "$pid_var" '%s' "$pid"
  write_env
  await_line "$name" "$pid" "$log" 'listening on http://'
  url="$(grep -oE 'listening on http://[^ ]+' "$log" | head -n 1 | sed 's/^listening on //')"
  echo "${url##*:}" >"$DATA_DIR/$name.port"
  printf -v "$url_var" '%s' "$url"
  write_env
  say "$name $url (pid $pid, log $log)"
}

stop_service() {
  local service="$1" n="${2:-}" prefix suffix
  prefix="$(prefix_of "$service")"; suffix="$(suffix_of "$n")"
  load_env
  local pid_var="${prefix}_PID$suffix" url_var="${prefix}_URL$suffix"
  stop_pid "$service${n:+-$n}" "${!pid_var:-}"
  printf -v "$pid_var" '%s' ""
  [[ -z "$n" ]] || printf -v "$url_var" '%s' ""
  write_env
  say "$service${n:+ instance $n} stopped"
}

register_schemas() {
  local schema subject log="$LOGS/register.log"
  : >"$log"
  # v1 (schemas/user-events) and v2 (schemas/user-events-v2, namespace ...user.v2): user-service publishes both.
  for schema in "$ROOT"/schemas/user-events/*.avsc "$ROOT"/schemas/user-events-v2/*.avsc; do
    subject="dev.handshake.example.user.$(basename "$schema" .avsc)"
    [[ "$schema" == */user-events-v2/* ]] && subject="dev.handshake.example.user.v2.$(basename "$schema" .avsc)"
    if ! "$ROOT/handshake" register --registry="$SCHEMA_REGISTRY_URL" --subject="$subject" "$schema" >>"$log" 2>&1; then
      part_failed "handshake register ($subject)" "$log" "failed"
    fi
  done
  say "schemas registered: $(ls "$ROOT"/schemas/user-events/*.avsc | xargs -n1 basename | tr '\n' ' ')and their v2"
}

up() {
  load_env
  if alive "$INFRA_PID"; then
    echo "stack: already up (infra pid $INFRA_PID); run: $0 down --data-dir $DATA_DIR" >&2
    exit 1
  fi
  stop_orphaned_postgres
  ensure_built
  if [[ -z "$ADMIN_TOKEN" ]]; then
    ADMIN_TOKEN="$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')"
  fi
  local log="$LOGS/infra.log"
  : >"$log"
  "$JAVA" -Xmx512m -XX:+UseSerialGC -cp "$ROOT/e2e/target/classes:$(cat "$INFRA_CLASSPATH")" \
    dev.handshake.e2e.StackInfra --data-dir "$DATA_DIR" >>"$log" 2>&1 </dev/null &
  INFRA_PID=$!
  USER_SERVICE_PID="" AUTH_SERVICE_PID="" USER_SERVICE_URL="" AUTH_SERVICE_URL=""
  write_env
  await_line "infra (broker, registry, PostgreSQL)" "$INFRA_PID" "$log" '^ready$'
  KAFKA_BOOTSTRAP_SERVERS="$(sed -n 's/^KAFKA_BOOTSTRAP_SERVERS=//p' "$log")"
  SCHEMA_REGISTRY_URL="$(sed -n 's/^SCHEMA_REGISTRY_URL=//p' "$log")"
  USER_DB_URL="$(sed -n 's/^USER_DB_URL=//p' "$log")"
  AUTH_DB_URL="$(sed -n 's/^AUTH_DB_URL=//p' "$log")"
  write_env
  say "kafka $KAFKA_BOOTSTRAP_SERVERS"
  say "registry $SCHEMA_REGISTRY_URL"
  say "user-db $USER_DB_URL"
  say "auth-db $AUTH_DB_URL"
  register_schemas
  start_service user-service
  start_service auth-service
  say "env $ENV_FILE (ADMIN_TOKEN: send Authorization: Bearer \$ADMIN_TOKEN to /admin/* and auth's /users)"
  echo "ready"
}

case "$command" in
  up) up ;;
  start) start_service "$service" "$instance" ;;
  stop) stop_service "$service" "$instance" ;;
  down) stop_all; say "down (data kept under $DATA_DIR)" ;;
  *) usage ;;
esac
