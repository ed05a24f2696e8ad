#!/usr/bin/env bash
# bin/sd test: every test, on a fresh machine too.
#  1. PostgreSQL: started (installed when absent and run as root); a test role with a fresh password;
#     the desktop packages (bubblewrap, xvfb, openbox, x11vnc, xterm, novnc) and chromium, chromium-driver.
#  2. The Maven build with all tests (each service's tests start a real Kafka broker in-process
#     and create a throw-away database; the end-to-end tests run Keycloak on the JDK 21+ found here,
#     and drive Debian's Chromium through chromedriver, both installed when absent).
#     The Kubernetes manifests are rendered there too (KubernetesManifestsTest), with kubectl, installed first.
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

# shellcheck source=bin/lib/packages.sh
source "$ROOT/bin/lib/packages.sh"

step() { printf '\n==> %s\n' "$*"; }

step "PostgreSQL"
pg_ensure_running
pg_ensure_test_role
say "Tests use role $SD_TEST_DB_USER on $PG_HOST:$PG_PORT."

step "kubectl (KubernetesManifestsTest renders deploy/kubernetes with 'kubectl kustomize')"
command -v kubectl >/dev/null || apt_install kubectl || true
command -v kubectl >/dev/null || die "kubectl is needed to render deploy/kubernetes and could not be installed (apt-get install kubectl)"
say "$(kubectl version --client 2>/dev/null | grep -i kustomize || echo 'kubectl is installed')"

step "Java 21+ for Keycloak (the end-to-end tests' identity provider)"
say "Keycloak runs on $("$ROOT/bin/lib/keycloak.sh" java)."

step "Desktops and the browser"
# Real desktops (bubblewrap sandboxes with Xvfb, openbox, xterm, x11vnc), noVNC for the gateway's build, and
# headless Chromium with its driver for the viewer's and the web front end's browser tests.
ensure_desktop_packages || die "the desktop packages are needed"
command -v chromium >/dev/null && command -v chromedriver >/dev/null || apt_install chromium chromium-driver || \
  die "chromium and chromium-driver are needed (apt-get install chromium chromium-driver)"
say "Desktop packages, Chromium $(chromium --version 2>/dev/null | awk '{print $2}') and its driver are installed."

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
