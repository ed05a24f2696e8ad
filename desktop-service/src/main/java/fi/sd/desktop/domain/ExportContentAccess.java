package fi.sd.desktop.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may have an export's bytes, and when. Reviewers (the service desk, the permit authority; never the
 * requester, whose token's roles do not count on their own request) read the files while they decide and after
 * the approval (not while they are still being copied); the requester takes them out only once approved, through
 * download links. The bytes of a rejected or cancelled export, or one whose copy failed, are deleted: nobody has them. {@link #judge} says why not, for the API to answer
 * as the command tables do (403 for a role that never may, 409 for a wrong state).
 */
public enum ExportContentAccess {
    /** {@code GET /exports/{id}/files/{path}}: a reviewer reads or previews a file. */
    REVIEW_READ,
    /** {@code POST /exports/{id}/download-links}, and the downloads through them: the requester takes the files out. */
    DOWNLOAD;

    private static final Set<ExportStatus> DELETED = EnumSet.copyOf(AirlockExport.DISCARDED);

    /** Role × access → the states in which it is granted. */
    public static final Map<AirlockRole, Map<ExportContentAccess, Set<ExportStatus>>> RULES = rules();

    private static Map<AirlockRole, Map<ExportContentAccess, Set<ExportStatus>>> rules() {
        Set<ExportStatus> reviewable = EnumSet.of(ExportStatus.SUBMITTED, ExportStatus.IN_REVIEW, ExportStatus.APPROVED);
        Map<AirlockRole, Map<ExportContentAccess, Set<ExportStatus>>> rules = new EnumMap<>(AirlockRole.class);
        for (AirlockRole role : AirlockRole.values()) {
            rules.put(role, new EnumMap<>(ExportContentAccess.class));
        }
        rules.get(AirlockRole.SERVICE_DESK).put(REVIEW_READ, reviewable);
        rules.get(AirlockRole.PERMIT_AUTHORITY).put(REVIEW_READ, reviewable);
        rules.get(AirlockRole.REQUESTER).put(DOWNLOAD, EnumSet.of(ExportStatus.APPROVED));
        return rules;
    }

    /** True when one of {@code roles} is granted this access in {@code status}. */
    public boolean granted(Set<AirlockRole> roles, ExportStatus status) {
        return roles.stream().anyMatch(role -> RULES.get(role).getOrDefault(this, Set.of()).contains(status));
    }

    /** The answer to a caller asking for this access, as the API gives it. */
    public enum Verdict {
        GRANTED,
        /** The export was rejected or cancelled, or its copy failed: its bytes are deleted (404). */
        DELETED,
        /** None of the caller's roles ever has this access (403). */
        NOT_YOUR_ROLE,
        /** A role of the caller has it, but not in this state (409, as the command tables answer a wrong state). */
        NOT_NOW
    }

    /** Whether {@code roles} have this access in {@code status}, and if not, why. */
    public Verdict judge(Set<AirlockRole> roles, ExportStatus status) {
        if (DELETED.contains(status)) {
            return Verdict.DELETED;
        }
        if (granted(roles, status)) {
            return Verdict.GRANTED;
        }
        return roles.stream().anyMatch(role -> RULES.get(role).containsKey(this)) ? Verdict.NOT_NOW : Verdict.NOT_YOUR_ROLE;
    }
}
