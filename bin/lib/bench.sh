#!/usr/bin/env bash
# bin/sd bench: the benchmarks of bench/RESULTS.md against the whole system on PostgreSQL, started as the
# end-to-end tests start it (its own free ports and throw-away databases, so a running 'bin/sd up' is not
# disturbed). It prints figures and never fails on a missed target.
#
#   bin/sd bench                    every section, written to bench/RESULTS.md
#   bin/sd bench SECTION...         only those (startup gateway event-latency revocation desktops sustained read-path
#                                   pages memory large-file scale-out soak), written to target/bench/RESULTS.md
#   bin/sd bench soak               the flow held for SD_BENCH_SOAK_MINUTES (30) at SD_BENCH_SOAK_RATE (50) flows/s, the
#                                   services' heap after a full collection and resident memory each minute (only when named)
#   SD_BENCH_BUILD=no bin/sd bench  without building first (after a build of the same tree)
#   SD_BENCH_TRACING=true bin/sd bench  with every process exporting its traces over OTLP (off by default, as deployed)
#   SD_BENCH_LARGE_FILE_MIB=64 bin/sd bench large-file  the large-file section with a smaller file (MiB; 2048 by default)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=bin/lib/postgres.sh
source "$ROOT/bin/lib/postgres.sh"
say() { printf '%s\n' "$*"; }
die() { printf 'sd bench: %s\n' "$*" >&2; exit 1; }

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null 2>&1 || \
      { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
  fi
  command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"
fi

pg_ensure_running
pg_ensure_test_role

if [ "${SD_BENCH_BUILD:-yes}" != no ]; then
  say "Building the services and the benchmark (tests skipped)..."
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
fi
RESULTS=$ROOT/bench/RESULTS.md
[ $# -eq 0 ] || RESULTS=$ROOT/target/bench/RESULTS.md

cd "$ROOT"
exec java -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dsd.root="$ROOT" -Dsd.e2e.tracing="${SD_BENCH_TRACING:-false}" \
  -Dsd.bench.large-file.mib="${SD_BENCH_LARGE_FILE_MIB:-2048}" \
  -Dsd.bench.soak.minutes="${SD_BENCH_SOAK_MINUTES:-30}" -Dsd.bench.soak.rate="${SD_BENCH_SOAK_RATE:-50}" \
  -cp "e2e/target/test-classes:$(cat e2e/target/bench.classpath)" \
  fi.sd.e2e.bench.Benchmarks "$RESULTS" "$@"
