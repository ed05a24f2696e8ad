package fi.sd.desktop.service;

import java.time.Instant;

import fi.sd.desktop.domain.DesktopSession;

/** A session just opened, with the URL its user connects with and when that URL's token stops working. */
public record OpenedSession(DesktopSession session, String connectUrl, Instant tokenExpiresAt) {
}
