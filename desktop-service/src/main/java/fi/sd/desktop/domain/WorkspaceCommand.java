package fi.sd.desktop.domain;

/** What can happen to a workspace, each an entry of {@link Workspace#LIFECYCLE}. */
public enum WorkspaceCommand {
    /** The environment is set up: members may start working. */
    COMPLETE_PROVISIONING,
    /** The permit changed its persons, datasets or validity. */
    AMEND,
    /** The permit expired or was revoked: all work stops. */
    LOCK,
    /** An amendment extended the permit before the purge. */
    UNLOCK,
    /** The retention period after the lock has passed: everything is deleted. */
    PURGE
}
