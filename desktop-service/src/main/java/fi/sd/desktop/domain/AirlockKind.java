package fi.sd.desktop.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/**
 * The two ways through the airlock. Both follow one request flow (a member asks, reviewers who are
 * not the requester decide, each step is kept, a lock cancels what is pending); what differs stays
 * with each kind's own rules, {@link AirlockImport#RULES} and {@link AirlockExport#RULES}.
 */
public enum AirlockKind {
    /** Software or data brought into a workspace: the service desk decides and brings it in. */
    IMPORT(AirlockImport.class, EnumSet.of(Role.SERVICE_DESK), "another service desk member must decide it"),
    /** Results taken out of a workspace: the service desk reviews, and the permit authority too for a high risk. */
    EXPORT(AirlockExport.class, EnumSet.of(Role.SERVICE_DESK, Role.PERMIT_AUTHORITY), "another reviewer must review it");

    private final Class<? extends AirlockRequest<?>> type;
    private final Set<Role> reviewers;
    private final String otherReviewer;

    AirlockKind(Class<? extends AirlockRequest<?>> type, Set<Role> reviewers, String otherReviewer) {
        this.type = type;
        this.reviewers = Collections.unmodifiableSet(reviewers);
        this.otherReviewer = otherReviewer;
    }

    /** The kind whose requests are stored as {@code type}. */
    public static AirlockKind of(Class<? extends AirlockRequest<?>> type) {
        for (AirlockKind kind : values()) {
            if (kind.type == type) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No airlock kind is stored as " + type.getName());
    }

    /** {@code import} or {@code export}, as messages and the audit log name one request. */
    public String noun() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code Import} or {@code Export}, as a problem names what was not found. */
    public String title() {
        return name().charAt(0) + noun().substring(1);
    }

    /** Members read a workspace's requests; so do the staff, and the reviewers of this kind. */
    public boolean mayRead(Workspace workspace, Caller caller) {
        return workspace.members.contains(caller.subject()) || readsByRole(caller);
    }

    /** True when the caller reads requests of this kind by role rather than as a member. */
    public boolean readsByRole(Caller caller) {
        return Staff.includes(caller) || reviewers.stream().anyMatch(caller::has);
    }

    /** The 403 detail when a requester tries to review their own request. */
    public String twoPersonRefusal() {
        return "Two-person rule: you requested this " + noun() + ", so " + otherReviewer;
    }
}
