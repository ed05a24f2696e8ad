#!/usr/bin/env bash
# Keycloak, the identity provider of the local run and of the end-to-end tests: the distribution that
# the keycloak module unpacked from Maven Central, run on Java 21 or newer, with the realm of
# deploy/keycloak/sd-realm.json imported. Used by bin/sd and by the e2e tests (KeycloakProcess).
#
#   keycloak.sh java             the java command of a JDK 21+ (found by version), or a clear error
#   keycloak.sh run DIR PORT     Keycloak in the foreground (exec: the pid is the JVM's), its state under DIR,
#                                on http://127.0.0.1:PORT; the environment may set KC_BOOTSTRAP_ADMIN_USERNAME and
#                                KC_BOOTSTRAP_ADMIN_PASSWORD (the master realm's admin, made at the first start only),
#                                SD_WEB_CLIENT_SECRET and SD_WEB_URL (the realm's sd-web client)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DIST="$ROOT/keycloak/target/keycloak"
REALM_FILE="$ROOT/deploy/keycloak/sd-realm.json"
# Options fixed when the server image is built (kc.sh build); everything else is given at start.
BUILD_OPTIONS=(--db=dev-file)

die() { printf 'keycloak: %s\n' "$*" >&2; exit 1; }

# shellcheck source=bin/lib/jdk.sh
source "$ROOT/bin/lib/jdk.sh"

# SD_KEYCLOAK_JAVA_HOME, JAVA_HOME, the java on the PATH, then every JDK under /usr/lib/jvm: the first of version 21 or newer.
find_java() {
  java_at_least 21 "${SD_KEYCLOAK_JAVA_HOME:-}" || die "Keycloak needs Java 21 or newer and none was found (SD_KEYCLOAK_JAVA_HOME, JAVA_HOME, the PATH, /usr/lib/jvm/*).
Install one (for example 'apt-get install openjdk-21-jdk-headless') or point SD_KEYCLOAK_JAVA_HOME at it."
}

# The first start of an unpacked distribution needs its server image built once (about a minute).
ensure_built() {
  local java=$1 marker="$DIST/lib/quarkus/sd-build-options"
  [ -f "$DIST/lib/quarkus-run.jar" ] || die "$DIST is missing: build first (./mvnw -pl keycloak package, or bin/sd up)"
  [ "$(cat "$marker" 2>/dev/null)" = "${BUILD_OPTIONS[*]}" ] && return
  exec 9>"$DIST/.sd-build.lock"
  flock 9
  if [ "$(cat "$marker" 2>/dev/null)" != "${BUILD_OPTIONS[*]}" ]; then
    printf 'keycloak: building the server image once (%s)...\n' "${BUILD_OPTIONS[*]}" >&2
    JAVA="$java" "$DIST/bin/kc.sh" build "${BUILD_OPTIONS[@]}" >&2 || die "kc.sh build failed"
    printf '%s' "${BUILD_OPTIONS[*]}" > "$marker"
  fi
  flock -u 9
}

# An instance's home: the distribution's files shared, its own data (database, import, transaction logs).
prepare_home() {
  local home=$1 part
  mkdir -p "$home/data/import"
  for part in lib conf themes providers; do
    ln -sfn "$DIST/$part" "$home/$part"
  done
  cp "$REALM_FILE" "$home/data/import/sd-realm.json"
}

cmd_run() {
  [ $# -eq 2 ] || die "usage: keycloak.sh run DIR PORT"
  local home port=$2 java
  mkdir -p "$1"
  home=$(cd "$1" && pwd)
  java=$(find_java)
  ensure_built "$java"
  prepare_home "$home"
  # The JVM options of kc.sh, with this instance's home.
  exec "$java" -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Xms64m -Xmx512m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
    -Dfile.encoding=UTF-8 -Djava.security.egd=file:/dev/urandom -Duser.language=en -Duser.country=US \
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
    --add-opens=java.base/java.security=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
    -Djava.util.concurrent.ForkJoinPool.common.threadFactory=io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory \
    -Dkc.home.dir="$home" -Djboss.server.config.dir="$home/conf" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -Dpicocli.disable.closures=true -Dquarkus-log-max-startup-records=10000 \
    -cp "$DIST/lib/quarkus-run.jar" io.quarkus.bootstrap.runner.QuarkusEntryPoint \
    start --optimized --import-realm \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$port" --hostname="http://127.0.0.1:$port" \
    --db-url="jdbc:h2:file:$home/data/h2/keycloakdb;NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE"
}

case "${1:-}" in
  java) find_java ;;
  run) shift; cmd_run "$@" ;;
  *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
