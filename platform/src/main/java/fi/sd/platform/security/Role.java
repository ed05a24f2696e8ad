package fi.sd.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles of the JWT {@code groups} claim. A role alone never grants access to a project's data. */
public enum Role {
    RESEARCHER("researcher"),
    PERMIT_AUTHORITY("permit-authority"),
    DATA_CONTROLLER("data-controller"),
    SERVICE_DESK("service-desk"),
    AUDITOR("auditor"),
    ADMIN("admin");

    /** The names, for {@code @RolesAllowed}. */
    public static final String RESEARCHER_NAME = "researcher";
    public static final String PERMIT_AUTHORITY_NAME = "permit-authority";
    public static final String DATA_CONTROLLER_NAME = "data-controller";
    public static final String SERVICE_DESK_NAME = "service-desk";
    public static final String AUDITOR_NAME = "auditor";
    public static final String ADMIN_NAME = "admin";

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
    }
}
