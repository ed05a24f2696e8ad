package fi.sd.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import fi.sd.events.apply.AccessGranted;
import fi.sd.events.apply.AccessRevoked;
import fi.sd.events.apply.ApplicationApproved;
import fi.sd.events.apply.ApplicationClosed;
import fi.sd.events.apply.ApplicationRejected;
import fi.sd.events.apply.ApplicationReturned;
import fi.sd.events.apply.ApplicationRevoked;
import fi.sd.events.apply.ApplicationSubmitted;
import fi.sd.events.desktop.DesktopDeleted;
import fi.sd.events.desktop.DesktopProvisioned;
import fi.sd.events.desktop.DesktopProvisioningFailed;
import fi.sd.events.desktop.ExportApproved;
import fi.sd.events.desktop.ExportRejected;
import fi.sd.events.desktop.ExportRequested;
import fi.sd.events.desktop.ImportCompleted;
import fi.sd.events.desktop.ImportRequested;
import fi.sd.events.desktop.WorkspaceLocked;
import fi.sd.events.desktop.WorkspaceProvisioned;
import fi.sd.events.desktop.WorkspacePurged;
import fi.sd.events.permit.DataReleased;
import fi.sd.events.permit.PermitAmended;
import fi.sd.events.permit.PermitExpired;
import fi.sd.events.permit.PermitExpiringSoon;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitRevoked;

/**
 * Every event type: its topic, its payload record and its JSON Schema. The CloudEvents
 * {@code type} attribute is {@code fi.sd.<Name>.v<major>}; a breaking change to a payload is a
 * new major version, never an edit of this one.
 */
public enum EventType {
    PERMIT_GRANTED(Topic.PERMIT, PermitGranted.class),
    PERMIT_AMENDED(Topic.PERMIT, PermitAmended.class),
    PERMIT_REVOKED(Topic.PERMIT, PermitRevoked.class),
    PERMIT_EXPIRING_SOON(Topic.PERMIT, PermitExpiringSoon.class),
    PERMIT_EXPIRED(Topic.PERMIT, PermitExpired.class),
    DATA_RELEASED(Topic.PERMIT, DataReleased.class),

    APPLICATION_SUBMITTED(Topic.APPLY, ApplicationSubmitted.class),
    APPLICATION_RETURNED(Topic.APPLY, ApplicationReturned.class),
    APPLICATION_APPROVED(Topic.APPLY, ApplicationApproved.class),
    APPLICATION_REJECTED(Topic.APPLY, ApplicationRejected.class),
    APPLICATION_CLOSED(Topic.APPLY, ApplicationClosed.class),
    APPLICATION_REVOKED(Topic.APPLY, ApplicationRevoked.class),
    ACCESS_GRANTED(Topic.APPLY, AccessGranted.class),
    ACCESS_REVOKED(Topic.APPLY, AccessRevoked.class),

    WORKSPACE_PROVISIONED(Topic.DESKTOP, WorkspaceProvisioned.class),
    WORKSPACE_LOCKED(Topic.DESKTOP, WorkspaceLocked.class),
    WORKSPACE_PURGED(Topic.DESKTOP, WorkspacePurged.class),
    DESKTOP_PROVISIONED(Topic.DESKTOP, DesktopProvisioned.class),
    DESKTOP_PROVISIONING_FAILED(Topic.DESKTOP, DesktopProvisioningFailed.class),
    DESKTOP_DELETED(Topic.DESKTOP, DesktopDeleted.class),
    IMPORT_REQUESTED(Topic.DESKTOP, ImportRequested.class),
    IMPORT_COMPLETED(Topic.DESKTOP, ImportCompleted.class),
    EXPORT_REQUESTED(Topic.DESKTOP, ExportRequested.class),
    EXPORT_APPROVED(Topic.DESKTOP, ExportApproved.class),
    EXPORT_REJECTED(Topic.DESKTOP, ExportRejected.class);

    private static final int MAJOR_VERSION = 1;
    private static final Map<String, EventType> BY_CE_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final Topic topic;
    private final Class<? extends EventPayload> payloadType;

    EventType(Topic topic, Class<? extends EventPayload> payloadType) {
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public Topic topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** The event's name as the architecture and the AsyncAPI document spell it, e.g. {@code PermitGranted}. */
    public String eventName() {
        return payloadType.getSimpleName();
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code fi.sd.PermitGranted.v1}. */
    public String ceType() {
        return "fi.sd." + eventName() + ".v" + MAJOR_VERSION;
    }

    /** The CloudEvents {@code dataschema} attribute: the {@code $id} of the payload's JSON Schema. */
    public String dataSchema() {
        return EventSchemas.ID_PREFIX + eventName() + ".json";
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    public static EventType of(EventPayload payload) {
        return ofPayloadType(payload.getClass());
    }

    public static EventType ofPayloadType(Class<?> payloadType) {
        EventType type = BY_PAYLOAD.get(payloadType);
        if (type == null) {
            throw new IllegalArgumentException("Not an event payload: " + payloadType.getName());
        }
        return type;
    }
}
