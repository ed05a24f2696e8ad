#!/bin/bash
# First start of the PostgreSQL container: one role and one database per service, and Keycloak's.
set -euo pipefail
for service in permit apply desktop keycloak; do
  var="${service^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username postgres <<SQL
CREATE ROLE sd_$service LOGIN PASSWORD '${!var}';
CREATE DATABASE sd_$service OWNER sd_$service;
SQL
done
