package fi.sd.apply.domain;

/** What a person is on one application; one person may hold several of these at once. */
public enum ApplicationRole {
    /** Created the application. */
    APPLICANT,
    /** Joined on an invitation. */
    MEMBER,
    /** Invited and not yet joined. */
    INVITEE,
    /** A data-controller whose organisation controls the application's datasets: decides. */
    HANDLER,
    /** Asked by the handler for an advisory review. */
    REVIEWER
}
