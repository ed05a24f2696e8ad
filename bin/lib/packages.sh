# shellcheck shell=bash
# Debian packages the local run and the tests need, installed when absent (as root, with apt-get).

# The local desktop provider's sandboxes, and the gateway's vendored noVNC (read at build time).
DESKTOP_PACKAGES=(bubblewrap xvfb openbox x11vnc xterm novnc)
# What runs each command of DESKTOP_PACKAGES' sandboxes, to tell whether they are installed.
DESKTOP_COMMANDS=(bwrap Xvfb openbox x11vnc xterm)

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 || \
      { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }
  else
    return 1
  fi
}

# Installs the desktop packages when any is missing; fails with the command to run otherwise.
ensure_desktop_packages() {
  local missing=false cmd
  for cmd in "${DESKTOP_COMMANDS[@]}"; do
    command -v "$cmd" >/dev/null || missing=true
  done
  [ -f /usr/share/novnc/core/rfb.js ] || missing=true
  [ "$missing" = true ] || return 0
  printf 'Installing the desktop packages: %s\n' "${DESKTOP_PACKAGES[*]}"
  apt_install "${DESKTOP_PACKAGES[@]}" || {
    printf 'sd: the local desktops need: apt-get install %s\n' "${DESKTOP_PACKAGES[*]}" >&2
    return 1
  }
}
