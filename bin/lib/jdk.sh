# shellcheck shell=bash
# Finding a JDK by version (never by a hard-coded path): sourced by bin/lib/keycloak.sh and bin/lib/jvm.sh.

# The JDK's version as its release file states it (read with builtins, not run: this is on every service's start),
# else as java says.
java_version() {
  local home=${1%/bin/java} line
  [ -f "$home/release" ] || home=$(dirname "$(dirname "$(readlink -f "$1")")")
  if [ -f "$home/release" ]; then
    while IFS= read -r line; do
      case $line in
        JAVA_RUNTIME_VERSION=*) line=${line#*=\"}; echo "${line%\"}"; return ;;
      esac
    done < "$home/release"
  fi
  "$1" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p'
}

java_major() {
  local version
  version=$(java_version "$1")
  echo "${version%%[!0-9]*}"
}

# The first java of version MIN or newer among HOME_VAR's JDK (when set), JAVA_HOME, the java on the PATH and every
# JDK under /usr/lib/jvm; nothing (and status 1) when there is none.
java_at_least() {
  local min=$1 preferred=${2:-} candidate major
  local -a candidates=()
  [ -n "$preferred" ] && candidates+=("$preferred/bin/java")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null && candidates+=("$(command -v java)")
  for candidate in /usr/lib/jvm/*/bin/java; do candidates+=("$candidate"); done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
