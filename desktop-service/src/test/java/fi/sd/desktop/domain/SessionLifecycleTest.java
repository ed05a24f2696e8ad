package fi.sd.desktop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Walks the whole session lifecycle: every status × every command, and what an ended session lets go. */
class SessionLifecycleTest {

    private static final Map<SessionStatus, Map<SessionCommand, SessionStatus>> EXPECTED = new EnumMap<>(Map.of(
            SessionStatus.OPEN, new EnumMap<>(Map.of(
                    SessionCommand.HEARTBEAT, SessionStatus.OPEN,
                    SessionCommand.CLOSE, SessionStatus.CLOSED,
                    SessionCommand.EXPIRE, SessionStatus.EXPIRED)),
            SessionStatus.CLOSED, new EnumMap<>(SessionCommand.class),
            SessionStatus.EXPIRED, new EnumMap<>(SessionCommand.class)));

    @Test
    void everyStatusAndCommandLeadsWhereTheTableSaysOrIsRefusedWith409() {
        Instant openedAt = Instant.parse("2026-11-29T03:00:00Z");
        Instant now = openedAt.plus(Duration.ofMinutes(5));
        LifecycleWalk.walk(DesktopSession.LIFECYCLE, SessionStatus.class, SessionCommand.class, EXPECTED, status -> {
            DesktopSession session = session(status, openedAt);
            return new LifecycleWalk.Subject<>(command -> session.apply(command, now), () -> session.status);
        });
    }

    @Test
    void aHeartbeatPushesTheExpiryAndAnEndFreesTheUsersOneOpenSession() {
        Instant openedAt = Instant.parse("2026-11-29T03:00:00Z");
        DesktopSession session = session(SessionStatus.OPEN, openedAt);
        session.openUserId = "aino.virtanen";

        session.apply(SessionCommand.HEARTBEAT, openedAt.plus(Duration.ofMinutes(10)));
        assertThat(session.expiresAt(Duration.ofMinutes(30))).isEqualTo(openedAt.plus(Duration.ofMinutes(40)));
        assertThat(session.openUserId).isEqualTo("aino.virtanen");

        session.apply(SessionCommand.EXPIRE, openedAt.plus(Duration.ofMinutes(45)));
        assertThat(session.openUserId).isNull();
        assertThat(session.closedAt).isEqualTo(openedAt.plus(Duration.ofMinutes(45)));
    }

    private static DesktopSession session(SessionStatus status, Instant openedAt) {
        DesktopSession session = new DesktopSession();
        session.status = status;
        session.openedAt = openedAt;
        session.lastSeenAt = openedAt;
        return session;
    }
}
