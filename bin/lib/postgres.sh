# PostgreSQL for bin/sd: make sure a server runs locally and has the roles and databases we need.
# Sourced by bin/sd and bin/lib/test.sh; expects die() and say().

PG_HOST=${SD_PG_HOST:-127.0.0.1}
PG_PORT=${SD_PG_PORT:-5432}

# psql as a superuser: as root through the postgres account, otherwise as the current user.
pg_admin() {
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qAt -d postgres "$@")
  else
    psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qAt -d postgres "$@"
  fi
}

pg_ensure_running() {
  if command -v pg_isready >/dev/null && pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
    return
  fi
  if ! command -v pg_lsclusters >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "PostgreSQL is not installed: installing it from Debian's packages..."
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
    else
      die "PostgreSQL 15 is needed: install it (apt-get install postgresql) or point SD_PG_HOST/SD_PG_PORT at a server"
    fi
  fi
  local version cluster status
  read -r version cluster _ status _ < <(pg_lsclusters -h | head -n 1) || die "no PostgreSQL cluster exists (pg_createcluster 15 main)"
  if [ "$status" != online ]; then
    say "Starting PostgreSQL cluster $version/$cluster..."
    if [ "$(id -u)" = 0 ]; then
      pg_ctlcluster "$version" "$cluster" start
    else
      die "PostgreSQL cluster $version/$cluster is stopped: run 'sudo pg_ctlcluster $version $cluster start'"
    fi
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && return
    sleep 1
  done
  die "PostgreSQL does not answer on $PG_HOST:$PG_PORT"
}

pg_role() {
  local role=$1 password=$2 options=$3
  if [ "$(pg_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" = 1 ]; then
    pg_admin -c "ALTER ROLE $role WITH LOGIN $options PASSWORD '$password'" >/dev/null
  else
    pg_admin -c "CREATE ROLE $role WITH LOGIN $options PASSWORD '$password'" >/dev/null
  fi
}

random_password() { openssl rand -hex 16; }

# The local run's role and one database per service; the password is made at first run and kept in SD_HOME.
pg_ensure_local_databases() {
  local home=$1 secret="$1/secrets/pg-password"
  if [ ! -f "$secret" ]; then
    mkdir -p "$home/secrets"
    chmod 700 "$home/secrets"
    random_password > "$secret"
    chmod 600 "$secret"
  fi
  pg_role sd_local "$(cat "$secret")" ""
  for db in sd_permit sd_apply sd_desktop; do
    if [ "$(pg_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
      pg_admin -c "CREATE DATABASE $db OWNER sd_local" >/dev/null
    fi
  done
}

# The tests' role, allowed to create their throw-away databases, with a new password on every
# run. The role is per checkout, so that test runs of two checkouts on one machine do not disturb
# each other; leftovers of this checkout's earlier runs are dropped.
pg_ensure_test_role() {
  SD_TEST_DB_USER="sd_test_$(printf '%s' "$ROOT" | md5sum | cut -c1-8)"
  SD_TEST_DB_PASSWORD=$(random_password)
  pg_role "$SD_TEST_DB_USER" "$SD_TEST_DB_PASSWORD" CREATEDB
  local leftover
  for leftover in $(pg_admin -c "SELECT d.datname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba
      WHERE r.rolname = '$SD_TEST_DB_USER' AND d.datname LIKE 'sdtest\_%'"); do
    pg_admin -c "DROP DATABASE IF EXISTS $leftover WITH (FORCE)" >/dev/null
  done
  export SD_TEST_DB_USER SD_TEST_DB_PASSWORD
  export SD_TEST_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/postgres"
}
