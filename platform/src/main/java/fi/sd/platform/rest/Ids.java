package fi.sd.platform.rest;

/** The shapes of identifiers the API accepts, for {@code @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE)}. */
public final class Ids {

    /** Dataset, project and other opaque ids. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:\\-]*";
    public static final String MESSAGE = "must contain only letters, digits and . _ : -";
    /** A person's user id (the subject of their tokens). */
    public static final String USER_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@\\-]*";
    public static final String USER_MESSAGE = "must contain only letters, digits and . _ @ -";

    private Ids() {
    }
}
