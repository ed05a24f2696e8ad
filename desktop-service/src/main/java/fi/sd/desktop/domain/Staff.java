package fi.sd.desktop.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/**
 * The service desk, auditors and admins: the staff who see every workspace, with its mounts, its
 * desktops' sessions and its airlock requests, without being among its members.
 */
public final class Staff {

    public static final Set<Role> ROLES = Collections.unmodifiableSet(EnumSet.of(Role.SERVICE_DESK, Role.AUDITOR, Role.ADMIN));

    private Staff() {
    }

    /** True when the caller holds one of the staff {@link #ROLES}. */
    public static boolean includes(Caller caller) {
        return ROLES.stream().anyMatch(caller::has);
    }
}
