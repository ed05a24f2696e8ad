package fi.sd.permit.rest;

/** The shapes of identifiers the API accepts. */
final class Ids {

    static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:\\-]*";
    static final String MESSAGE = "must contain only letters, digits and . _ : -";
    static final String USER_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@\\-]*";
    static final String USER_MESSAGE = "must contain only letters, digits and . _ @ -";

    private Ids() {
    }
}
