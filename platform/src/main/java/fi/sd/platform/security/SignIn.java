package fi.sd.platform.security;

import java.time.Instant;
import java.util.Optional;

/**
 * The sign-in behind a caller's token: the identity provider's session ({@code sid}, when the
 * provider names one) and when this token expires. A token cannot be renewed once that session is
 * logged out or its user disabled, so what is bound to the sign-in ends with the last token.
 */
public record SignIn(Optional<String> sessionId, Instant tokenExpiresAt) {
}
