package fi.sd.apply.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where an access application is in REMS's default workflow; rejected, closed and revoked are final. */
public enum ApplicationState {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED,
    REJECTED,
    CLOSED,
    REVOKED;

    /** The states a permit's expiry or revocation closes. */
    public static final Set<ApplicationState> OPEN = EnumSet.of(DRAFT, SUBMITTED, RETURNED, APPROVED);
}
