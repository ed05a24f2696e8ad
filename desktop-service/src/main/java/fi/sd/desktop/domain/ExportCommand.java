package fi.sd.desktop.domain;

import java.util.Arrays;
import java.util.Optional;

/** What can happen to an export, each an entry of {@link AirlockExport#RULES}. */
public enum ExportCommand implements AirlockCommand {
    /** The service's own step once it has copied the export's files: the export awaits review. */
    SUBMIT,
    /** The service's own step when the files cannot be copied: nothing is reviewed, nothing leaves. */
    FAIL,
    /** A reviewer approves in one role; the export waits for the other approvals it needs. */
    APPROVE,
    /** Any reviewer's rejection ends the export: nothing leaves. */
    REJECT,
    /** The requester withdraws it, or the workspace was locked. */
    CANCEL,
    /** The service's own step once every approval the export needs is in: its files may leave. */
    RELEASE;

    /**
     * The audit log's name for it. The copied export's submission for review is recorded as {@code export.requested}
     * (as it was when exports were copied while the request waited); each approval as {@code export.approval.given};
     * the release that the last one triggers as {@code export.approved}.
     */
    @Override
    public String auditAction() {
        return "export." + switch (this) {
            case SUBMIT -> "requested";
            case FAIL -> "copy.failed";
            case APPROVE -> "approval.given";
            case REJECT -> "rejected";
            case CANCEL -> "cancelled";
            case RELEASE -> "approved";
        };
    }

    /** True for the steps only the service takes ({@link #SUBMIT}, {@link #FAIL}, {@link #RELEASE}): no caller addresses them. */
    public boolean servicesOwn() {
        return this == SUBMIT || this == FAIL || this == RELEASE;
    }

    /** The commands a caller may address; the service's own steps are not among them. */
    public static Optional<ExportCommand> fromPath(String path) {
        return Arrays.stream(values()).filter(c -> !c.servicesOwn() && c.path().equals(path)).findFirst();
    }
}
