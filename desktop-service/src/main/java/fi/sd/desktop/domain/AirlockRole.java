package fi.sd.desktop.domain;

import java.util.EnumSet;
import java.util.Set;

import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/** The part a person plays in one airlock request: the member who asked, or a reviewer. */
public enum AirlockRole {
    REQUESTER,
    SERVICE_DESK,
    PERMIT_AUTHORITY;

    /**
     * The caller's roles on a request made by {@code requestedBy}. Whoever requested it gets no
     * reviewer role, whatever their token says: nobody reviews their own request (two-person rule).
     */
    public static Set<AirlockRole> of(Caller caller, String requestedBy) {
        if (caller.subject().equals(requestedBy)) {
            return EnumSet.of(REQUESTER);
        }
        Set<AirlockRole> roles = EnumSet.noneOf(AirlockRole.class);
        if (caller.has(Role.SERVICE_DESK)) {
            roles.add(SERVICE_DESK);
        }
        if (caller.has(Role.PERMIT_AUTHORITY)) {
            roles.add(PERMIT_AUTHORITY);
        }
        return roles;
    }

    /** True when the caller requested the request and holds a role that could otherwise review it. */
    public static boolean reviewsOwnRequest(Caller caller, String requestedBy) {
        return caller.subject().equals(requestedBy) && caller.hasAny(Role.SERVICE_DESK, Role.PERMIT_AUTHORITY);
    }

    /** The role's name in the API and in events ({@code service-desk}, {@code permit-authority}, {@code requester}). */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
