package fi.sd.desktop.mapping;

import java.util.List;

import fi.sd.desktop.api.DecisionView;
import fi.sd.desktop.api.ExportView;
import fi.sd.desktop.api.ImportFileView;
import fi.sd.desktop.api.ImportView;
import fi.sd.desktop.domain.AirlockDecision;
import fi.sd.desktop.domain.AirlockExport;
import fi.sd.desktop.domain.AirlockImport;
import fi.sd.desktop.domain.AirlockRole;
import fi.sd.desktop.domain.ExportedFile;
import fi.sd.desktop.domain.ImportedFile;
import fi.sd.events.desktop.ExportFile;
import fi.sd.events.desktop.ExportReview;

/** From airlock entities to their API views and event parts. */
public final class AirlockMapper {

    private AirlockMapper() {
    }

    public static ImportView toView(AirlockImport request) {
        return new ImportView(request.id, request.workspaceId, request.permitId, request.kind, request.description, request.status,
                request.files.stream().map(AirlockMapper::toView).toList(), request.requestedBy, request.requestedAt, decisions(request.decisions), request.updatedAt);
    }

    public static ExportView toView(AirlockExport export) {
        return new ExportView(export.id, export.workspaceId, export.permitId, export.projectId, export.status, files(export),
                export.riskLevel, export.riskAssessment, export.findataNotificationRef, export.requestedBy, export.requestedAt,
                export.requiredApprovals().stream().map(AirlockRole::label).toList(), decisions(export.decisions), export.updatedAt,
                export.copyError);
    }

    public static ImportFileView toView(ImportedFile file) {
        return file.uploaded() ? new ImportFileView(file.name, file.sizeBytes, file.sha256, true, file.uploadedBy, file.uploadedAt)
                : new ImportFileView(file.name, file.declaredSize, file.declaredSha256, false, null, null);
    }

    public static List<ExportFile> files(AirlockExport export) {
        return export.files.stream().map(AirlockMapper::toEvent).toList();
    }

    public static ExportFile toEvent(ExportedFile file) {
        return new ExportFile(file.path, file.sizeBytes, file.sha256);
    }

    public static ExportReview toReview(AirlockDecision decision) {
        return new ExportReview(decision.actor, decision.role, decision.comment, decision.decidedAt);
    }

    private static List<DecisionView> decisions(List<AirlockDecision> decisions) {
        return decisions.stream().map(d -> new DecisionView(d.action, d.actor, d.role, d.comment, d.decidedAt)).toList();
    }
}
