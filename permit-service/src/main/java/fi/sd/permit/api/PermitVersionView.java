package fi.sd.permit.api;

import java.time.Instant;
import java.util.List;

import fi.sd.events.permit.PermitSnapshot;
import fi.sd.permit.domain.PermitStatus;
import fi.sd.permit.domain.VersionKind;

/**
 * One version of a permit: what made it ({@code kind}, {@code actor}, {@code reason}, and for an
 * amendment the {@code changes}), the status it left the permit in, and the permit as it stated it.
 */
public record PermitVersionView(
        String permitId,
        int version,
        VersionKind kind,
        PermitStatus status,
        String actor,
        Instant recordedAt,
        String reason,
        List<String> changes,
        PermitSnapshot permit) {
}
