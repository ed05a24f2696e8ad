#!/usr/bin/env bash
# Benchmark (not a test): GET /api/v1/permits/{id} through the gateway and directly on
# permit-service, in the same run, with wrk. Needs a running `bin/sd up`.
#   bench/gateway.sh [DURATION] [CONNECTIONS] [THREADS]     defaults: 20s 32 2
# Ports follow bin/sd: SD_GATEWAY_PORT (8080), SD_PERMIT_PORT (8081), SD_GATEWAY_MANAGEMENT_PORT (9080).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-20s}
CONNECTIONS=${2:-32}
THREADS=${3:-2}
GATEWAY="http://127.0.0.1:${SD_GATEWAY_PORT:-8080}"
PERMIT="http://127.0.0.1:${SD_PERMIT_PORT:-8081}"
GATEWAY_MANAGEMENT="http://127.0.0.1:${SD_GATEWAY_MANAGEMENT_PORT:-9080}"

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install -y wrk)" >&2; exit 1; }
curl -fsS -o /dev/null "$GATEWAY_MANAGEMENT/q/health/ready" || { echo "no gateway ready at $GATEWAY_MANAGEMENT: run bin/sd up first" >&2; exit 1; }

TOKEN=$(bin/sd token bench.officer permit-authority)
FROM=$(date -u -d '+2 days' +%F)
UNTIL=$(date -u -d '+1 year' +%F)
LOCATION=$(curl -fsS -D - -o /dev/null -X POST "$GATEWAY/api/v1/permits" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{
  "journalNumber": "BENCH/'"$RANDOM"'/2026", "route": "FINDATA",
  "holder": {"organisation": "Benchmark University", "principalInvestigator": "Bench Mark"},
  "projectId": "bench-project", "title": "Gateway benchmark", "purpose": "Throughput measurement",
  "datasets": [{"id": "thl-avohilmo", "controller": "THL", "title": "Avohilmo"}],
  "persons": [{"userId": "bench.user", "name": "Bench User", "email": "bench@example.org"}],
  "validFrom": "'"$FROM"'", "validUntil": "'"$UNTIL"'"}' | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
ID=${LOCATION##*/}
[ -n "$ID" ] || { echo "could not create a permit to read" >&2; exit 1; }
PATH_UNDER_TEST="/api/v1/permits/$ID"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$GATEWAY$PATH_UNDER_TEST"

# wrk prints "Requests/sec: N" and, with --latency, "50% Xms" ... "99% Yms".
run() {
  local label=$1 url=$2 out
  # Access tokens live 5 minutes: a fresh one for each run.
  TOKEN=$(bin/sd token bench.officer permit-authority)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$url")
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
  printf '%-16s %10s req/s   p50 %9s   p99 %9s   non-2xx %s\n' "$label" "$rps" "$p50" "$p99" "${errors:-0}" >&2
  echo "$rps"
}

echo "GET $PATH_UNDER_TEST, $DURATION, $CONNECTIONS connections, $THREADS threads" >&2
# A short warm-up of both JVMs first, so that neither is measured while the JIT compiles.
wrk -t1 -c4 -d5s -H "Authorization: Bearer $TOKEN" "$PERMIT$PATH_UNDER_TEST" >/dev/null
wrk -t1 -c4 -d5s -H "Authorization: Bearer $TOKEN" "$GATEWAY$PATH_UNDER_TEST" >/dev/null
DIRECT=$(run "permit-service" "$PERMIT$PATH_UNDER_TEST")
VIA=$(run "via gateway" "$GATEWAY$PATH_UNDER_TEST")
awk -v v="$VIA" -v d="$DIRECT" 'BEGIN { printf "gateway / direct throughput: %.2f\n", v / d }' >&2
