#!/bin/bash
# One SD Desktop session, run by the local desktop provider inside its bubblewrap sandbox as the desktop's
# unprivileged user: a virtual screen, a window manager, a terminal, and a VNC server on a Unix socket in the
# home folder. The session ends (and with it the sandbox) when the screen or the VNC server ends.
set -u
# Standard output is bwrap's --info-fd: everything else goes to the session log (standard error).
exec 1>&2

# The sandbox has its own network namespace and /tmp, so its display number cannot collide with the host's;
# -displayfd lets Xvfb pick a free one all the same. Its clients connect over an abstract socket, private to
# the sandbox's network namespace.
Xvfb -displayfd 3 -screen 0 "$SD_SCREEN" -nolisten tcp 3>/tmp/.display &
xvfb=$!
for _ in $(seq 1 200); do
  [ -s /tmp/.display ] && break
  kill -0 "$xvfb" 2>/dev/null || exit 1
  sleep 0.05
done
export DISPLAY=":$(cat /tmp/.display)"

openbox &
# The terminal comes back when it is closed: the desktop is never left without one.
(
  while true; do
    xterm -geometry 110x32+40+40 -T "SD Desktop" -e /bin/bash -c 'cat /opt/sd-desktop/welcome.txt; exec /bin/bash -i'
    sleep 1
  done
) &

# VNC on a Unix socket only: no TCP port (IPv4 or IPv6), no clipboard exchange, no file transfer.
mkdir -p "$HOME/.vnc"
rm -f "$HOME/.vnc/display.sock"
x11vnc -display "$DISPLAY" -unixsock "$HOME/.vnc/display.sock" -rfbport 0 -rfbportv6 -1 -noipv6 \
  -forever -shared -nopw -quiet -nosel -noxrecord &
vnc=$!

wait -n "$xvfb" "$vnc"
