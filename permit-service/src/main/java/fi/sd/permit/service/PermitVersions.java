package fi.sd.permit.service;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import fi.sd.events.permit.PermitSnapshot;
import fi.sd.permit.domain.AmendedField;
import fi.sd.permit.domain.PermitStatus;
import fi.sd.permit.domain.PermitVersion;
import fi.sd.permit.domain.VersionKind;
import fi.sd.permit.mapping.PermitMapper;

/** Writes the immutable version rows of permits. */
final class PermitVersions {

    private PermitVersions() {
    }

    /** Records {@code snapshot} as its version, made by {@code actor} at {@code at}, leaving the permit in {@code status}. */
    static PermitVersion record(PermitSnapshot snapshot, PermitStatus status, VersionKind kind, String actor, String reason,
            List<AmendedField> changes, Instant at) {
        PermitVersion version = new PermitVersion();
        version.permitId = snapshot.permitId();
        version.version = snapshot.version();
        version.kind = kind;
        version.status = status;
        version.actor = actor;
        version.reason = reason;
        version.changes = changes.isEmpty() ? null : changes.stream().map(AmendedField::fieldName).collect(Collectors.joining(","));
        version.snapshot = PermitMapper.toJson(snapshot);
        version.recordedAt = at;
        version.persist();
        return version;
    }
}
