// The SD Desktop viewer: noVNC (Debian's novnc package, vendored into the gateway) on a WebSocket that the
// gateway passes to desktop-service, which checks the one-use connect token and bridges to the desktop.
import RFB from './novnc/core/rfb.js';

const HEARTBEAT_MS = 20000;
const CLOSE_REASONS = {
  1000: 'The connection was closed.',
  1001: 'The desktop service is restarting: open the desktop again in a moment.',
  4001: 'The session has ended.',
  4002: 'The desktop stopped.',
  4003: 'The connection was idle for too long.',
};

const status = document.getElementById('status');
const sessionId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop());
const token = new URLSearchParams(location.search).get('token') || '';
// The token works once: it leaves the address bar and the history at once.
history.replaceState(null, '', location.pathname);

function show(state, text) {
  document.body.dataset.state = state;
  status.textContent = text;
}

const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
const socket = new WebSocket(`${scheme}//${location.host}/desktop/connect/${encodeURIComponent(sessionId)}/websocket`
  + `?token=${encodeURIComponent(token)}`);
// Heartbeats from the viewer while its tab is open keep the session from idling out.
const heartbeat = setInterval(() => {
  if (socket.readyState === WebSocket.OPEN) {
    socket.send('heartbeat');
  }
}, HEARTBEAT_MS);
socket.addEventListener('close', (event) => {
  clearInterval(heartbeat);
  document.body.dataset.closeCode = String(event.code);
  document.body.dataset.closedAt = String(Date.now());
  show('closed', CLOSE_REASONS[event.code] || 'The desktop could not be opened: the link may have been used or expired.');
});

const rfb = new RFB(document.getElementById('screen'), socket, { shared: true });
rfb.scaleViewport = true;
rfb.resizeSession = false;
rfb.focusOnClick = true;
// No clipboard either way: the viewer never reads the browser's clipboard nor writes to it (the desktop's
// VNC server runs with -nosel too). noVNC's 'clipboard' events are left unheard, and nothing is pasted in.
rfb.addEventListener('connect', () => {
  document.body.dataset.connectedAt = String(Date.now());
  show('connected', 'Connected');
  rfb.focus();
});
rfb.addEventListener('disconnect', () => {
  if (document.body.dataset.state !== 'closed') {
    show('closed', 'Disconnected.');
  }
});
window.sdViewer = { rfb, socket };
