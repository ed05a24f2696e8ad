package fi.sd.permit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fi.sd.platform.domain.CommandRefusedException;

/** Walks the whole release lifecycle, every status × every command, and the files that drive it. */
class ReleaseLifecycleTest {

    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    /** The expected table, written out in full: a missing entry means "refused". */
    private static final Map<ReleaseStatus, Map<ReleaseCommand, ReleaseStatus>> EXPECTED = new EnumMap<>(Map.of(
            ReleaseStatus.UPLOADING, new EnumMap<>(Map.of(
                    ReleaseCommand.STORE_FILE, ReleaseStatus.UPLOADING,
                    ReleaseCommand.COMPLETE, ReleaseStatus.RELEASED)),
            ReleaseStatus.RELEASED, new EnumMap<>(ReleaseCommand.class)));

    @Test
    void everyStatusAndCommandLeadsWhereTheTableSaysOrIsRefusedForItsState() {
        for (ReleaseStatus status : ReleaseStatus.values()) {
            for (ReleaseCommand command : ReleaseCommand.values()) {
                Optional<ReleaseStatus> expected = Optional.ofNullable(EXPECTED.get(status).get(command));
                assertThat(DataRelease.LIFECYCLE.next(status, command)).as("%s --%s-->", status, command).isEqualTo(expected);
                if (expected.isEmpty()) {
                    assertThatThrownBy(() -> DataRelease.LIFECYCLE.require(status, command))
                            .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(CommandRefusedException.Reason.STATE));
                }
            }
        }
        assertThat(DataRelease.LIFECYCLE.finalStates()).containsExactly(ReleaseStatus.RELEASED);
    }

    @Test
    void theLastVerifiedFileReleasesTheRelease() {
        DataRelease release = release(new ReleaseFile("a.csv", 1, "a"), new ReleaseFile("b.csv", 2, "b"));

        assertThat(release.store(release.files.get(1), "releases/r/1", 30, "findata.officer", AT)).isFalse();
        assertThat(release.status).isEqualTo(ReleaseStatus.UPLOADING);
        assertThat(release.releasedAt).isNull();
        assertThat(release.files.get(1).state).isEqualTo(ReleaseFileState.STORED);

        assertThat(release.store(release.files.get(0), "releases/r/2", 29, "findata.officer", AT)).isTrue();
        assertThat(release.status).isEqualTo(ReleaseStatus.RELEASED);
        assertThat(release.releasedAt).isEqualTo(AT);
        assertThat(release.files).extracting(f -> f.storageKey).containsExactly("releases/r/2", "releases/r/1");
    }

    @Test
    void aReleasedReleaseTakesNoMoreFiles() {
        DataRelease release = release(new ReleaseFile("a.csv", 1, "a"));
        release.store(release.files.get(0), "releases/r/1", 30, "findata.officer", AT);

        assertThatThrownBy(() -> release.store(release.files.get(0), "releases/r/9", 30, "findata.officer", AT))
                .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(CommandRefusedException.Reason.STATE));
        assertThat(release.files.get(0).storageKey).isEqualTo("releases/r/1");
    }

    private static DataRelease release(ReleaseFile... files) {
        DataRelease release = new DataRelease();
        release.id = "r";
        release.status = ReleaseStatus.UPLOADING;
        release.files.addAll(List.of(files));
        return release;
    }
}
