package fi.sd.desktop.domain;

import java.util.Arrays;
import java.util.Optional;

/** What can happen to an export, each an entry of {@link AirlockExport#RULES}. */
public enum ExportCommand implements AirlockCommand {
    /** A reviewer approves in one role; the export waits for the other approvals it needs. */
    APPROVE,
    /** Any reviewer's rejection ends the export: nothing leaves. */
    REJECT,
    /** The requester withdraws it, or the workspace was locked. */
    CANCEL,
    /** The service's own step once every approval the export needs is in: its files may leave. */
    RELEASE;

    /**
     * The audit log's name for it. Each approval is recorded as {@code export.approval.given};
     * the release that the last one triggers as {@code export.approved}.
     */
    @Override
    public String auditAction() {
        return "export." + switch (this) {
            case APPROVE -> "approval.given";
            case REJECT -> "rejected";
            case CANCEL -> "cancelled";
            case RELEASE -> "approved";
        };
    }

    /** The commands a caller may address; {@link #RELEASE} is not one of them. */
    public static Optional<ExportCommand> fromPath(String path) {
        return Arrays.stream(values()).filter(c -> c != RELEASE && c.path().equals(path)).findFirst();
    }
}
