package fi.sd.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fi.sd.events.apply.AccessEndReason;
import fi.sd.events.apply.AccessGranted;
import fi.sd.events.apply.AccessRevoked;
import fi.sd.events.apply.ApplicationApproved;
import fi.sd.events.apply.ApplicationClosed;
import fi.sd.events.apply.ApplicationRejected;
import fi.sd.events.apply.ApplicationReturned;
import fi.sd.events.apply.ApplicationRevoked;
import fi.sd.events.apply.ApplicationSubmitted;
import fi.sd.events.desktop.DeletedResource;
import fi.sd.events.desktop.DesktopDeleted;
import fi.sd.events.desktop.DesktopProvisioned;
import fi.sd.events.desktop.DesktopProvisioningFailed;
import fi.sd.events.desktop.ExportApproved;
import fi.sd.events.desktop.ExportFile;
import fi.sd.events.desktop.ExportRejected;
import fi.sd.events.desktop.ExportRequested;
import fi.sd.events.desktop.ExportReview;
import fi.sd.events.desktop.ImportCompleted;
import fi.sd.events.desktop.ImportKind;
import fi.sd.events.desktop.ImportRequested;
import fi.sd.events.desktop.LockReason;
import fi.sd.events.desktop.RiskLevel;
import fi.sd.events.desktop.WorkspaceLocked;
import fi.sd.events.desktop.WorkspaceProvisioned;
import fi.sd.events.desktop.WorkspacePurged;
import fi.sd.events.permit.DataReleased;
import fi.sd.events.permit.PermitAmended;
import fi.sd.events.permit.PermitExpired;
import fi.sd.events.permit.PermitExpiringSoon;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.events.permit.PermitSnapshot;
import fi.sd.events.permit.ReleasedFile;

/** A realistic payload of every event type. */
final class EventSamples {

    static final String PERMIT = "8c4f1d2e-0b7a-4c1e-9f57-3d2a1b0c9e88";
    static final Instant AT = Instant.parse("2026-11-28T10:15:30Z");
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private EventSamples() {
    }

    static PermitSnapshot snapshot(int version) {
        return new PermitSnapshot(PERMIT, version, "THL/1234/14.02.00/2026", PermitRoute.REGISTER, "THL", "proj-2026-017",
                new Holder("University of Helsinki", "Aino Virtanen"), "Cardiometabolic risk in young adults",
                "Register-based cohort study of cardiometabolic risk factors.",
                List.of(new DatasetRef("thl-avohilmo-2015-2024", "THL", "Avohilmo 2015-2024")),
                List.of(new PersonRef("aino.virtanen", "Aino Virtanen", "aino.virtanen@helsinki.fi"),
                        new PersonRef("mikko.korhonen", "Mikko Korhonen", "mikko.korhonen@helsinki.fi")),
                LocalDate.parse("2026-12-01"), LocalDate.parse("2029-11-30"), "Results only at aggregate level, n >= 5.");
    }

    static Map<EventType, EventPayload> all() {
        ExportFile file = new ExportFile("results/table1.csv", 2048, SHA);
        ExportReview desk = new ExportReview("olli.operaattori", "service-desk", "Cells >= 5", AT);
        return Map.ofEntries(
                Map.entry(EventType.PERMIT_GRANTED, new PermitGranted(snapshot(1), "thl.controller", AT)),
                Map.entry(EventType.PERMIT_AMENDED, new PermitAmended(snapshot(2), List.of("validUntil"), "Extension by one year",
                        "thl.controller", AT)),
                Map.entry(EventType.PERMIT_REVOKED, new PermitRevoked(PERMIT, 3, "proj-2026-017", "Breach of conditions",
                        "thl.controller", AT)),
                Map.entry(EventType.PERMIT_EXPIRING_SOON, new PermitExpiringSoon(PERMIT, "proj-2026-017",
                        LocalDate.parse("2029-11-30"), 30, AT)),
                Map.entry(EventType.PERMIT_EXPIRED, new PermitExpired(PERMIT, "proj-2026-017", LocalDate.parse("2029-11-30"), AT)),
                Map.entry(EventType.DATA_RELEASED, new DataReleased("rel-1", PERMIT, "proj-2026-017", "thl-avohilmo-2015-2024",
                        List.of(new ReleasedFile("avohilmo.parquet", 1_073_741_824L, SHA, "releases/r-1/5b1c7e0e-2f49-4d3a-9a57-0c1f6f0f4a11")),
                        "thl.controller", AT)),
                Map.entry(EventType.APPLICATION_SUBMITTED, new ApplicationSubmitted("app-1", PERMIT, "aino.virtanen",
                        List.of("thl-avohilmo-2015-2024"), List.of("aino.virtanen", "mikko.korhonen"), false, "aino.virtanen", AT)),
                Map.entry(EventType.APPLICATION_RETURNED, new ApplicationReturned("app-1", PERMIT, "Please fill in the data management plan",
                        "thl.handler", AT)),
                Map.entry(EventType.APPLICATION_APPROVED, new ApplicationApproved("app-1", PERMIT, List.of("thl-avohilmo-2015-2024"),
                        List.of("aino.virtanen", "mikko.korhonen"), Instant.parse("2027-11-30T21:59:59Z"), "Approved", "thl.handler", AT)),
                Map.entry(EventType.APPLICATION_REJECTED, new ApplicationRejected("app-1", PERMIT, List.of("thl-avohilmo-2015-2024"),
                        "Outside the permit's purpose", "thl.handler", AT)),
                Map.entry(EventType.APPLICATION_CLOSED, new ApplicationClosed("app-1", PERMIT, List.of("thl-avohilmo-2015-2024"),
                        null, "system", AT)),
                Map.entry(EventType.APPLICATION_REVOKED, new ApplicationRevoked("app-1", PERMIT, List.of("thl-avohilmo-2015-2024"),
                        List.of("aino.virtanen", "mikko.korhonen"), "Misuse reported", "thl.handler", AT)),
                Map.entry(EventType.ACCESS_GRANTED, new AccessGranted(PERMIT, "app-1", "mikko.korhonen", "thl-avohilmo-2015-2024", AT,
                        null, AT)),
                Map.entry(EventType.ACCESS_REVOKED, new AccessRevoked(PERMIT, "app-1", "mikko.korhonen", "thl-avohilmo-2015-2024",
                        AccessEndReason.MEMBER_REMOVED, AT)),
                Map.entry(EventType.WORKSPACE_PROVISIONED, new WorkspaceProvisioned("ws-1", PERMIT, "proj-2026-017",
                        List.of("aino.virtanen", "mikko.korhonen"), AT)),
                Map.entry(EventType.WORKSPACE_LOCKED, new WorkspaceLocked("ws-1", PERMIT, "proj-2026-017", LockReason.PERMIT_EXPIRED,
                        Instant.parse("2030-02-28T00:00:00Z"), AT)),
                Map.entry(EventType.WORKSPACE_PURGED, new WorkspacePurged("ws-1", PERMIT, "proj-2026-017",
                        List.of(new DeletedResource("DESKTOP", "dt-1", "analysis-1", AT),
                                new DeletedResource("MOUNT", "rel-1", "/data/thl-avohilmo-2015-2024", AT)), AT)),
                Map.entry(EventType.DESKTOP_PROVISIONED, new DesktopProvisioned("dt-1", "ws-1", PERMIT, "analysis-1", "small",
                        "ubuntu-22.04", 100, AT)),
                Map.entry(EventType.DESKTOP_PROVISIONING_FAILED, new DesktopProvisioningFailed("dt-2", "ws-1", PERMIT,
                        "QuotaExceeded: cores", AT)),
                Map.entry(EventType.DESKTOP_DELETED, new DesktopDeleted("dt-1", "ws-1", PERMIT, "deleted by member", "aino.virtanen", AT)),
                Map.entry(EventType.IMPORT_REQUESTED, new ImportRequested("imp-1", "ws-1", PERMIT, ImportKind.SOFTWARE, "R package lme4 1.1-35",
                        "aino.virtanen", AT)),
                Map.entry(EventType.IMPORT_COMPLETED, new ImportCompleted("imp-1", "ws-1", PERMIT, ImportKind.SOFTWARE,
                        "olli.operaattori", AT)),
                Map.entry(EventType.EXPORT_REQUESTED, new ExportRequested("exp-1", "ws-1", PERMIT, List.of(file), RiskLevel.HIGH,
                        "aino.virtanen", AT)),
                Map.entry(EventType.EXPORT_APPROVED, new ExportApproved("exp-1", "ws-1", PERMIT, List.of(file),
                        List.of(desk, new ExportReview("findata.reviewer", "permit-authority", null, AT)), AT)),
                Map.entry(EventType.EXPORT_REJECTED, new ExportRejected("exp-1", "ws-1", PERMIT,
                        new ExportReview("olli.operaattori", "service-desk", "Small cells in table 2", AT), AT)));
    }
}
