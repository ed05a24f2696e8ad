#!/usr/bin/env bash
# bin/sd demo: scenario 1, the Findata route, played against a running 'bin/sd up' through the gateway,
# printing each step. It moves the local run's clock (SD_HOME/clock-offset) to show expiry and purge.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SD_HOME=${SD_HOME:-$ROOT/.sd}
API=http://localhost:${SD_GATEWAY_PORT:-8080}/api/v1
CLOCK=$SD_HOME/clock-offset

say() { printf '%s\n' "$*"; }
die() { printf 'sd demo: %s\n' "$*" >&2; exit 1; }
step() { printf '\n\033[1m%s\033[0m\n' "$*"; }

command -v jq >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q jq >/dev/null 2>&1; } || die "jq is needed (apt-get install jq)"
curl -fsS "http://localhost:${SD_GATEWAY_MANAGEMENT_PORT:-9080}/q/health/ready" >/dev/null 2>&1 || die "the system is not running: start it with 'bin/sd up'"
[ -f "$CLOCK" ] || die "$CLOCK is missing: restart the system with this version of 'bin/sd up'"

# Who acts: demo users of the local Keycloak realm. Their tokens live 5 minutes, so each call asks
# 'bin/sd token', which hands out the last one while it is valid or a renewed one.
OFFICER="findata.officer"
RESEARCHER="mikko.korhonen --mfa"
DESK="service.desk"
AUDITOR="auditor.anna"
# shellcheck disable=SC2086 # WHO is a user name and options
token() { "$ROOT/bin/sd" token $1; }

# call WHO METHOD PATH [JSON]: prints the answer's body; fails loudly on an unexpected status.
call() {
  local who=$1 method=$2 path=$3 body=${4:-} out status token
  token=$(token "$who")
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' ${body:+--data "$body"} "$API$path")
  printf '  %s %s -> %s\n' "$method" "$path" "$status" >&2
  cat "$out"; rm -f "$out"
  [ "${status:0:1}" = 2 ] || return 1
}

# until_equal DESCRIPTION EXPECTED COMMAND...: polls for up to 120 s.
until_equal() {
  local what=$1 expected=$2 actual="" i
  shift 2
  for i in $(seq 1 240); do
    actual=$("$@" 2>/dev/null || true)
    [ "$actual" = "$expected" ] && { say "  $what: $actual"; return 0; }
    sleep 0.5
  done
  die "$what is '$actual', not '$expected', after 120 s"
}

# The local clock as the services see it: shifted by the ISO-8601 duration in the offset file.
echo PT0S > "$CLOCK"
today=$(date -u +%F)
project="demo-$(date +%s)"

step "1. Findata records a data permit for project $project (valid 30 days)"
permit=$(call "$OFFICER" POST /permits "$(jq -n --arg p "$project" --arg from "$today" \
  --arg until "$(date -u -d "$today + 30 days" +%F)" --arg j "THL/$RANDOM/14.02.00/$(date +%Y)" '{
    journalNumber: $j, route: "FINDATA", projectId: $p,
    holder: {organisation: "University of Helsinki", principalInvestigator: "Aino Virtanen"},
    title: "Cardiometabolic risk in young adults", purpose: "Register-based cohort study.",
    datasets: [{id: "thl-avohilmo", controller: "THL", title: "Avohilmo 2015-2024"}],
    persons: [{userId: "mikko.korhonen", name: "Mikko Korhonen", email: "mikko.korhonen@example.org"}],
    validFrom: $from, validUntil: $until, conditions: "Aggregate results only, n >= 5."}')")
permit_id=$(jq -r .id <<< "$permit")
say "  permit $permit_id, journal $(jq -r .journalNumber <<< "$permit")"

step "2. desktop-service opens the project's workspace (PermitGranted)"
workspace_status() { call "$RESEARCHER" GET "/workspaces?projectId=$project" 2>/dev/null | jq -r '.[0].status // empty'; }
until_equal "workspace" READY workspace_status
workspace_id=$(call "$RESEARCHER" GET "/workspaces?projectId=$project" 2>/dev/null | jq -r '.[0].id')

# upload WHO PATH FILE: PUTs the file's bytes; prints the answer's body; fails loudly on an unexpected status.
upload() {
  local who=$1 path=$2 file=$3 out status token
  token=$(token "$who")
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/octet-stream' --data-binary "@$file" "$API$path")
  printf '  PUT %s -> %s\n' "$path" "$status" >&2
  cat "$out"; rm -f "$out"
  [ "${status:0:1}" = 2 ] || return 1
}

step "3. Findata declares the release, uploads its file (stored encrypted, checked), DataReleased: mounted read-only, delivered"
visits=$(mktemp)
printf 'id,visit_date,icd10\n1,2026-01-02,E11.9\n2,2026-01-05,I10\n' > "$visits"
release_id=$(call "$OFFICER" POST "/permits/$permit_id/releases" \
  '{"datasetId":"thl-avohilmo","files":[{"name":"visits.csv","sizeBytes":'"$(wc -c < "$visits")"',"sha256":"'"$(sha256sum "$visits" | cut -d' ' -f1)"'"}]}' \
  | jq -r .id)
upload "$OFFICER" "/permits/$permit_id/releases/$release_id/files/visits.csv" "$visits" | jq -c '{name, state, releaseStatus}'
rm -f "$visits"
mount_of() { call "$RESEARCHER" GET "/workspaces/$workspace_id" 2>/dev/null | jq -r --arg r "$release_id" '.datasets[] | select(.releaseId == $r) | .mountPath'; }
until_equal "mount" "/data/thl-avohilmo/$release_id" mount_of
delivery_of() { call "$RESEARCHER" GET "/workspaces/$workspace_id" 2>/dev/null | jq -r --arg r "$release_id" '.datasets[] | select(.releaseId == $r) | .delivery'; }
until_equal "release files decrypted and checked into the desktops" DELIVERED delivery_of

step "4. The researcher starts a desktop"
desktop_id=$(call "$RESEARCHER" POST "/workspaces/$workspace_id/desktops" \
  '{"name":"analysis","flavour":"small","image":"ubuntu-22.04","volumeGb":50}' | jq -r .id)
desktop_status() { call "$RESEARCHER" GET "/desktops/$desktop_id" 2>/dev/null | jq -r .status; }
until_equal "desktop" RUNNING desktop_status

step "5. ...and opens a session with MFA"
session=$(call "$RESEARCHER" POST "/desktops/$desktop_id/sessions")
session_id=$(jq -r .sessionId <<< "$session")
say "  session $session_id, connect at $(jq -r .connectUrl <<< "$session" | cut -c1-60)..."

step "6. The researcher saves a result in the desktop's /export and asks to export it; the service desk reviews those bytes"
# The folder the local desktops show at /export (bin/sd up's provider); written here as the researcher would in the desktop.
export_dir=${SD_DESKTOP_STATE_DIR:?run it as bin/sd demo}/workspaces/$workspace_id/export
[ -d "$SD_DESKTOP_STATE_DIR/workspaces/$workspace_id" ] || die "no desktop folder of workspace $workspace_id under $SD_DESKTOP_STATE_DIR: exports need the local desktops (SD_DESKTOP_PROVIDER_KIND=local, bin/sd up's default)"
mkdir -p "$export_dir/results"
printf 'municipality,visits,patients\nHelsinki,11702,5120\nEspoo,4133,1920\nTampere,3810,1702\n' > "$export_dir/results/table1.csv"
saved_sha=$(sha256sum "$export_dir/results/table1.csv" | cut -d' ' -f1)
export_id=$(call "$RESEARCHER" POST "/workspaces/$workspace_id/exports" '{"files":[{"path":"results/table1.csv"}],"riskLevel":"LOW",
  "riskAssessment":"Aggregated counts, every cell n >= 5.","findataNotificationRef":"FD-2026-0042"}' | jq -r .id)
# The request answers 202 COPYING at once; desktop-service copies the file into encrypted storage, then it awaits review.
export_status() { call "$RESEARCHER" GET "/exports/$export_id" 2>/dev/null | jq -r .status; }
until_equal "export" SUBMITTED export_status
call "$DESK" GET "/exports/$export_id/files/results/table1.csv?preview=true" | sed 's/^/    /'
call "$DESK" POST "/exports/$export_id/approve" '{"comment":"Aggregates only, n >= 5"}' | jq -r '"  export " + .status'

step "7. The requester downloads the approved result with a short-lived link of their own"
href=$(call "$RESEARCHER" POST "/exports/$export_id/download-links" | jq -r '.links[0].href')
downloaded=$(mktemp)
curl -fsS -H "Authorization: Bearer $(token "$RESEARCHER")" -o "$downloaded" "${API%/api/v1}$href"
downloaded_sha=$(sha256sum "$downloaded" | cut -d' ' -f1)
rm -f "$downloaded"
say "  SHA-256 saved in /export: $saved_sha"
say "  SHA-256 downloaded:       $downloaded_sha"
[ "$saved_sha" = "$downloaded_sha" ] || die "the downloaded file is not the one saved in /export"
say "  the SHA-256 match: the bytes reviewed are the bytes that left"

step "8. 31 days later the permit has expired: the workspace locks and no session starts"
echo P31D > "$CLOCK"
until_equal "workspace" LOCKED workspace_status
if call "$RESEARCHER" POST "/desktops/$desktop_id/sessions" >/dev/null 2>&1; then die "a session started in a locked workspace"; fi
say "  a new session is refused"

step "9. After the retention period the workspace is purged, and the audit log says so"
echo P122D > "$CLOCK"
until_equal "workspace" PURGED workspace_status
call "$AUDITOR" GET "/audit?workspaceId=$workspace_id&size=200" | jq -r '.[] | "  \(.seq) \(.action) by \(.actor)"' | sort -n
call "$AUDITOR" GET /audit/verify | jq -r '"  audit chain valid: \(.valid) (\(.entries) entries)"'

echo PT0S > "$CLOCK"
step "Done: the clock of the local run is back to now."
