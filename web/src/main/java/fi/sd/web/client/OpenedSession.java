package fi.sd.web.client;

import java.time.Instant;

/** A session just opened: {@code connectUrl} carries a one-use token valid until {@code tokenExpiresAt}. */
public record OpenedSession(String sessionId, String desktopId, String connectUrl, Instant expiresAt, Instant tokenExpiresAt) {
}
