package fi.sd.desktop.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.SignIn;

/** Which tokens keep a session's sign-in alive, and how far. */
class SessionSignInRulesTest {

    private static final Instant OPENED_UNTIL = Instant.parse("2026-12-06T12:05:00Z");

    @Test
    void aTokenOfTheSameSignInWithASecondFactorMovesTheSignInToItsExpiryNeverBack() {
        DesktopSession session = opened(Optional.of("sid-1"));
        session.renew(signIn("sid-1", OPENED_UNTIL.plusSeconds(300)), true);
        assertThat(session.signedInUntil).isEqualTo(OPENED_UNTIL.plusSeconds(300));
        session.renew(signIn("sid-1", OPENED_UNTIL), true);
        assertThat(session.signedInUntil).as("an older token does not shorten it").isEqualTo(OPENED_UNTIL.plusSeconds(300));
    }

    @Test
    void anotherSignInATokenWithoutASignInOrOneWithoutTheSecondFactorIsRefused() {
        DesktopSession session = opened(Optional.of("sid-1"));
        for (SignIn other : new SignIn[] {signIn("sid-2", OPENED_UNTIL.plusSeconds(300)),
                new SignIn(Optional.empty(), OPENED_UNTIL.plusSeconds(300))}) {
            assertThatThrownBy(() -> session.renew(other, true)).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        }
        assertThatThrownBy(() -> session.renew(signIn("sid-1", OPENED_UNTIL.plusSeconds(300)), false))
                .isInstanceOf(ProblemException.class);
        assertThat(session.signedInUntil).isEqualTo(OPENED_UNTIL);
    }

    @Test
    void aSessionOpenedWithoutASignInIdFollowsAnyTokenOfItsUserWithASecondFactor() {
        DesktopSession session = opened(Optional.empty());
        assertThat(session.signInId).isNull();
        session.renew(signIn("sid-9", OPENED_UNTIL.plusSeconds(60)), true);
        assertThat(session.signedInUntil).isEqualTo(OPENED_UNTIL.plusSeconds(60));
    }

    private static DesktopSession opened(Optional<String> sid) {
        DesktopSession session = new DesktopSession();
        session.status = SessionStatus.OPEN;
        session.bindTo(new SignIn(sid, OPENED_UNTIL));
        assertThat(session.signInId).isEqualTo(sid.orElse(null));
        return session;
    }

    private static SignIn signIn(String sid, Instant expiresAt) {
        return new SignIn(Optional.of(sid), expiresAt);
    }
}
