#!/usr/bin/env bash
# The walking skeleton across real processes, on PostgreSQL, on ports of its own (so a running
# 'bin/sd up' is not disturbed): a permit recorded through the gateway is published as a
# PermitGranted CloudEvent on the broker, and desktop-service opens its workspace. Everything it
# starts is stopped again, whatever happens.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export SD_HOME="$ROOT/.sd/smoke" SD_DB=postgres
export SD_GATEWAY_PORT=18080 SD_PERMIT_PORT=18081 SD_APPLY_PORT=18082 SD_DESKTOP_PORT=18083
export SD_KAFKA_PORT=19092 SD_KAFKA_CONTROLLER_PORT=19093 SD_S3_PORT=18280
SD="$ROOT/bin/sd"
API="http://127.0.0.1:$SD_GATEWAY_PORT/api/v1"

fail() { printf 'smoke: FAILED: %s\n' "$*" >&2; exit 1; }
ok() { printf 'smoke: ok: %s\n' "$*"; }

# 'mvn verify' just built the PostgreSQL flavour: no second build.
mkdir -p "$SD_HOME/build" && touch "$SD_HOME/build/postgres.stamp"
trap '"$SD" down >/dev/null 2>&1 || true' EXIT
"$SD" up

findata=$("$SD" token findata.officer permit-authority)
member=$("$SD" token mikko.korhonen researcher)
suffix=$(date +%s%N)
body=$(cat <<JSON
{"journalNumber":"SMOKE/$suffix","route":"FINDATA",
 "holder":{"organisation":"University of Helsinki","principalInvestigator":"Aino Virtanen"},
 "projectId":"smoke-$suffix","title":"Smoke test","purpose":"Proves the walking skeleton.",
 "datasets":[{"id":"thl-avohilmo","controller":"THL","title":"Avohilmo"}],
 "persons":[{"userId":"mikko.korhonen","name":"Mikko Korhonen","email":"mikko.korhonen@example.org"}],
 "validFrom":"$(date +%F)","validUntil":"$(date -d '+1 year' +%F)","conditions":null}
JSON
)
response=$(curl -sS -w '\n%{http_code}' -X POST "$API/permits" -H "Authorization: Bearer $findata" \
  -H 'Content-Type: application/json' -d "$body")
status=$(tail -n 1 <<< "$response")
[ "$status" = 201 ] || fail "POST /permits answered $status: $(head -n -1 <<< "$response")"
permit=$(head -n -1 <<< "$response" | jq -r .id)
ok "permit $permit recorded through the gateway"

if command -v kcat >/dev/null; then
  record=""
  for _ in $(seq 1 20); do
    record=$(kcat -b "127.0.0.1:$SD_KAFKA_PORT" -C -t sd.permit.events -o beginning -e -q \
      -f '%k|%h|%s\n' 2>/dev/null | grep "^$permit|" || true)
    [ -n "$record" ] && break
    sleep 1
  done
  [ -n "$record" ] || fail "no record keyed $permit on sd.permit.events"
  for header in "ce_specversion=1.0" "ce_type=fi.sd.PermitGranted.v1" "ce_source=urn:sd:permit-service" "ce_id=" "ce_time="; do
    grep -q "$header" <<< "$record" || fail "the PermitGranted record lacks $header"
  done
  ok "kcat shows PermitGranted keyed by the permit, with its CloudEvents headers"
else
  printf 'smoke: kcat is not installed: the record on sd.permit.events was not inspected (the Maven tests do inspect it)\n'
fi

for _ in $(seq 1 60); do
  if curl -fsS "$API/workspaces" -H "Authorization: Bearer $member" | jq -e --arg p "$permit" 'any(.[]; .permitId == $p)' >/dev/null; then
    ok "desktop-service opened the permit's workspace for its member"
    "$SD" down
    trap - EXIT
    leftover=$(ls "$SD_HOME/run" 2>/dev/null || true)
    [ -z "$leftover" ] || fail "processes left behind: $leftover"
    ok "bin/sd down stopped everything it started"
    exit 0
  fi
  sleep 0.5
done
fail "no workspace for permit $permit after 30 s"
