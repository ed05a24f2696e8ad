package fi.sd.desktop.api;

import java.time.Instant;

/**
 * The answer to opening a session: {@code connectUrl} carries a signed token usable until
 * {@code tokenExpiresAt}; the session itself idles out at {@code expiresAt} unless kept alive.
 */
public record OpenedSessionView(String sessionId, String desktopId, String connectUrl, Instant expiresAt, Instant tokenExpiresAt) {
}
