package fi.sd.platform.security;

import java.io.IOException;

/** Why a token could not be checked: the token's fault, or the identity provider's. */
public final class TokenFailures {

    private TokenFailures() {
    }

    /**
     * True when the identity provider's keys could not be read at all (it was unreachable when they
     * were first needed): nothing is known about the token then, so the answer is 503, not 401.
     */
    public static boolean keysUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
