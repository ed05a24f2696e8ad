#!/usr/bin/env bash
# bin/sd test: every test, on a fresh machine too.
#  1. PostgreSQL: started (installed when absent and run as root); a test role with a fresh password.
#  2. The Maven build with all tests (each service's tests start a real Kafka broker in-process
#     and create a throw-away database; the end-to-end tests run Keycloak on the JDK 21+ found here,
#     and drive Debian's Chromium through chromedriver, both installed when absent).
#  3. docker-compose.yml validated as a file (no Docker engine on the build machines).
#  4. The walking skeleton across real processes: bin/sd up on PostgreSQL, a token from Keycloak, a
#     permit through the gateway, its PermitGranted on the broker, its workspace in desktop-service,
#     bin/sd down.
# Extra arguments go to Maven (e.g. bin/sd test -pl permit-service -am).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
say() { printf '%s\n' "$*"; }
die() { printf 'sd test: %s\n' "$*" >&2; exit 1; }
# shellcheck source=bin/lib/postgres.sh
source "$ROOT/bin/lib/postgres.sh"

step() { printf '\n==> %s\n' "$*"; }

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 || \
      { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }
  else
    return 1
  fi
}

step "PostgreSQL"
pg_ensure_running
pg_ensure_test_role
say "Tests use role $SD_TEST_DB_USER on $PG_HOST:$PG_PORT."

step "Java 21+ for Keycloak (the end-to-end tests' identity provider)"
say "Keycloak runs on $("$ROOT/bin/lib/keycloak.sh" java)."

step "Chromium and chromedriver (the web front end's browser tests)"
if ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }; then
  apt_install chromium chromium-driver || die "the browser tests need /usr/bin/chromium and /usr/bin/chromedriver: apt-get install chromium chromium-driver (as root)"
fi
say "$(/usr/bin/chromium --version 2>/dev/null || echo Chromium), $(/usr/bin/chromedriver --version | cut -d' ' -f1-2)."

step "Build and unit, service and contract tests"
(cd "$ROOT" && ./mvnw -B verify "$@")
[ $# -eq 0 ] || { say "Maven arguments given: skipping the compose check and the system smoke test."; exit 0; }

step "docker-compose.yml"
command -v docker-compose >/dev/null || apt_install docker-compose || true
if command -v docker-compose >/dev/null; then
  (cd "$ROOT" && docker-compose --env-file deploy/compose.env.example -f docker-compose.yml config -q)
  say "docker-compose.yml is valid."
elif [ "${CI:-}" = true ]; then
  die "docker-compose is needed to validate docker-compose.yml and could not be installed"
else
  say "docker-compose is not installed: docker-compose.yml not validated (apt-get install docker-compose)."
fi

step "Walking skeleton across processes (PostgreSQL, Kafka, four services)"
command -v kcat >/dev/null || apt_install kcat || true
"$ROOT/bin/lib/smoke.sh"
