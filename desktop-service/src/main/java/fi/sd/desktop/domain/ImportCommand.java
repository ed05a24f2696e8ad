package fi.sd.desktop.domain;

import java.util.Arrays;
import java.util.Optional;

/** What can happen to an import, each an entry of {@link AirlockImport#RULES}. */
public enum ImportCommand implements AirlockCommand {
    /** The service desk accepts the request (e.g. the software is compatible, the data is covered by the permit). */
    APPROVE,
    REJECT,
    /** The service desk brought the software or data into the workspace. */
    COMPLETE,
    /** The service desk could not bring it in. */
    FAIL,
    /** The requester withdraws it, or the workspace was locked. */
    CANCEL;

    /** The audit log's name for it: {@code import.approved}, {@code import.completed}, ... */
    @Override
    public String auditAction() {
        return "import." + switch (this) {
            case APPROVE -> "approved";
            case REJECT -> "rejected";
            case COMPLETE -> "completed";
            case FAIL -> "failed";
            case CANCEL -> "cancelled";
        };
    }

    public static Optional<ImportCommand> fromPath(String path) {
        return Arrays.stream(values()).filter(c -> c.path().equals(path)).findFirst();
    }
}
