#!/usr/bin/env bash
# The JVM of every service (permit-service, apply-service, desktop-service, gateway, web), one launcher for bin/sd up,
# the end-to-end tests and the benchmarks. The services are packaged as Quarkus's aot-jar (every class on the JVM's
# own class path, so that a JEP 483/514 AOT cache can hold them) and run on Java 25 when a JDK 25+ is present, with
# the AOT cache of a training run (APP_DIR/app.aot) when there is one for this build and this JDK. Without Java 25
# the same jar runs on the default Java (17), without a cache.
#
#   jvm.sh java                  the java that runs the services (a JDK 25+ found by version, else the default java)
#   jvm.sh trainable APP_DIR     succeeds when a training run would make a cache for APP_DIR: Java 25+, and no cache of
#                                this build for that java yet
#   jvm.sh run APP_DIR [OPTION...]
#                                exec: the service of APP_DIR (its quarkus-run.jar) with deploy/jvm.options (then the module's
#                                deploy/MODULE.jvm.options when there is one), the AOT cache
#                                when cached, then OPTIONs and SD_JAVA_OPTS (a later option wins). With SD_AOT_RECORD=FILE
#                                it is a training run instead: the JVM writes its AOT cache to FILE when it exits.
#   jvm.sh train APP_DIR READY_URL
#                                the training run of APP_DIR, when it has no cache for this build and java: the service
#                                started (with the caller's environment: its database, broker...), stopped once READY_URL
#                                answers, and the cache it wrote kept as APP_DIR/app.aot. Does nothing on Java < 25.
# SD_JAVA_HOME picks the services' JDK (one below 25 runs without a cache); SD_AOT=off runs without the cache.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=bin/lib/jdk.sh
source "$ROOT/bin/lib/jdk.sh"
AOT_MIN_JAVA=25

die() { printf 'jvm: %s\n' "$*" >&2; exit 1; }

services_java() {
  if [ -n "${SD_JAVA_HOME:-}" ]; then
    [ -x "$SD_JAVA_HOME/bin/java" ] || die "SD_JAVA_HOME=$SD_JAVA_HOME has no bin/java"
    echo "$SD_JAVA_HOME/bin/java"
  else
    java_at_least "$AOT_MIN_JAVA" || command -v java || die "no java found (17 or newer is needed)"
  fi
}

aot_capable() {
  [ "${SD_AOT:-on}" != off ] && [ "$(java_major "$1")" -ge "$AOT_MIN_JAVA" ]
}

# The JDK that made the cache, beside it: a cache of another JDK, or older than the jar, is not used.
cached() {
  local app=$1 java=$2
  [ -f "$app/app.aot" ] && [ -f "$app/app.aot.jdk" ] && [ "$app/app.aot" -nt "$app/quarkus-run.jar" ] \
    && [ "$(cat "$app/app.aot.jdk")" = "$(java_version "$java")" ]
}

cmd_run() {
  [ $# -ge 1 ] || die "usage: jvm.sh run APP_DIR [OPTION...]"
  local app java
  app=$(cd "$1" && pwd)
  shift
  [ -f "$app/quarkus-run.jar" ] || die "$app/quarkus-run.jar is missing: build first"
  java=$(services_java)
  local -a aot=()
  if aot_capable "$java"; then
    if [ -n "${SD_AOT_RECORD:-}" ]; then
      aot=("-XX:AOTCacheOutput=$SD_AOT_RECORD")
    elif cached "$app" "$java"; then
      aot=("-XX:AOTCache=$app/app.aot")
    fi
  elif [ "$(java_major "$java")" -lt "$AOT_MIN_JAVA" ]; then
    printf 'jvm: running on Java %s (%s), without the AOT cache that needs Java %s+: start-up takes about 2.5 times the CPU\n' \
      "$(java_major "$java")" "$([ -n "${SD_JAVA_HOME:-}" ] && echo "SD_JAVA_HOME" || echo "no JDK 25+ in JAVA_HOME, the PATH or /usr/lib/jvm")" "$AOT_MIN_JAVA" >&2
  fi
  # A module's own options (deploy/MODULE.jvm.options) follow the shared ones: APP_DIR is MODULE/target/<app dir>.
  local -a module=()
  local own="$ROOT/deploy/$(basename "$(dirname "$(dirname "$app")")").jvm.options"
  [ -f "$own" ] && module=("@$own")
  # shellcheck disable=SC2086
  exec "$java" @"$ROOT/deploy/jvm.options" "${module[@]}" "${aot[@]}" "$@" ${SD_JAVA_OPTS:-} -jar "$app/quarkus-run.jar"
}

cmd_train() {
  [ $# -eq 2 ] || die "usage: jvm.sh train APP_DIR READY_URL"
  local app ready_url=$2 java recording pid waited=0
  app=$(cd "$1" && pwd)
  java=$(services_java)
  aot_capable "$java" || return 0
  cached "$app" "$java" && return 0
  recording="$app/app.aot.training-$$"
  SD_AOT_RECORD=$recording "$0" run "$app" &
  pid=$!
  until curl -fsS -o /dev/null --max-time 5 "$ready_url" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" || true; die "the training run of $app stopped before it was ready"; }
    [ $waited -lt 3000 ] || { kill -9 "$pid"; die "the training run of $app was not ready after 300 s"; }
    sleep 0.1
    waited=$((waited + 1))
  done
  # The JVM writes the cache as it exits (JEP 514): a few seconds more.
  kill -TERM "$pid"
  wait "$pid" || true
  [ -s "$recording" ] || die "the training run of $app wrote no AOT cache"
  java_version "$java" > "$app/app.aot.jdk"
  mv -f "$recording" "$app/app.aot"
}

case "${1:-}" in
  java) services_java ;;
  trainable) [ $# -eq 2 ] || die "usage: jvm.sh trainable APP_DIR"; java=$(services_java); aot_capable "$java" && ! cached "$2" "$java" ;;
  run) shift; cmd_run "$@" ;;
  train) shift; cmd_train "$@" ;;
  *) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
