package fi.sd.storage;

/**
 * The names users give files (a release's, an import's, an export's): relative paths of one line,
 * with {@code /} between folders, no leading {@code /}, no empty, {@code .} or {@code ..} segment,
 * no backslash and no control character. They are only ever labels: objects are stored under ids.
 */
public final class FileNames {

    public static final String PATTERN = "(?!/)(?!.*//)(?!(?:.*/)?\\.{1,2}(?:/|$))(?!.*/$)[^\\p{Cntrl}\\\\]+";
    public static final String MESSAGE = "must be a relative path (folders separated by /) without '.' or '..' segments, "
            + "a backslash or control characters";
    public static final int MAX_LENGTH = 1000;

    private FileNames() {
    }

    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && name.matches(PATTERN);
    }
}
