package fi.sd.web.security;

import java.util.Set;

/**
 * The signed-in person as the pages need them, from the ID token of their sign-in: the user id the
 * API knows them by ({@code upn}), their name, roles ({@code groups}), organisation and whether the
 * sign-in passed the second factor ({@code mfa} in {@code amr}).
 */
public record Viewer(String userId, String name, Set<String> roles, String org, boolean mfa) {

    public static final String RESEARCHER = "researcher";
    public static final String PERMIT_AUTHORITY = "permit-authority";
    public static final String DATA_CONTROLLER = "data-controller";
    public static final String SERVICE_DESK = "service-desk";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Records permits: Findata (the permit authority) or a register's controller. */
    public boolean issuesPermits() {
        return hasAny(PERMIT_AUTHORITY, DATA_CONTROLLER);
    }

    /** Reviews airlock requests: the service desk, and the permit authority for high-risk exports. */
    public boolean reviews() {
        return hasAny(SERVICE_DESK, PERMIT_AUTHORITY);
    }

    /** Sees workspaces without being a member. */
    public boolean oversees() {
        return hasAny(SERVICE_DESK, AUDITOR, ADMIN);
    }

    /** Whether this person may act as the issuer of a permit issued by {@code issuer} on {@code route}. */
    public boolean issued(String route, String issuer) {
        return "FINDATA".equals(route) ? has(PERMIT_AUTHORITY) : has(DATA_CONTROLLER) && org != null && org.equals(issuer);
    }
}
