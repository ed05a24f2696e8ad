package fi.sd.permit.api;

/** The shapes of the free-text fields, for {@code @Pattern}. */
public final class Texts {

    /** Names and titles: one line, no control characters. */
    public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
    public static final String SINGLE_LINE_MESSAGE = "must be a single line without control characters";
    /** Journal numbers as the issuers write them, e.g. {@code THL/1234/14.02.00/2026} or {@code Kela 123/522/2020}. */
    public static final String JOURNAL_NUMBER = " *[\\p{L}\\p{N}][\\p{L}\\p{N} ./_:\\-]*";
    public static final String JOURNAL_NUMBER_MESSAGE = "must start with a letter or digit and contain only letters, digits, spaces and . / _ : -";
    /** An address with a domain that has a dot, which both Bean Validation and the event schemas accept. */
    public static final String EMAIL = "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\-]+@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)+";
    public static final String EMAIL_MESSAGE = "must be an e-mail address such as name@example.org";
    /** A SHA-256 digest in hex. */
    public static final String SHA256 = "[0-9a-fA-F]{64}";
    public static final String SHA256_MESSAGE = "must be a SHA-256 digest: 64 hexadecimal characters";

    private Texts() {
    }
}
