package fi.sd.permit.domain;

/** What can happen to a recorded permit; {@link Permit#LIFECYCLE} says in which status each is allowed. */
public enum PermitCommand {
    /** The issuer changes validity, persons or datasets. */
    AMEND,
    /** The issuer withdraws the permit. */
    REVOKE,
    /** The scheduler warns that the validity ends soon. */
    NOTIFY_EXPIRY,
    /** The scheduler ends the permit after its last valid day. */
    EXPIRE,
    /** A dataset's files are delivered into the project's environment. */
    RELEASE
}
