package fi.sd.storage;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A stored file's place: the permit (whose workspace key seals it) and a path below that permit,
 * e.g. {@code releases/{releaseId}/{uploadId}}. Paths are made of ids, never of user-given file
 * names, so no name can reach outside its permit; the S3 key is {@code data/{permitId}/{path}}.
 */
public record ObjectName(String permitId, String path) {

    static final String DATA_PREFIX = "data/";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,99}");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]*(/[A-Za-z0-9][A-Za-z0-9._\\-]*)*");

    public ObjectName {
        if (permitId == null || !ID.matcher(permitId).matches()) {
            throw new IllegalArgumentException("not a permit id: " + permitId);
        }
        if (path == null || path.length() > 800 || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not an object path (ids separated by /): " + path);
        }
    }

    /** {@code permitId} and the path of the given segments, e.g. {@code of(permit, "releases", releaseId, fileId)}. */
    public static ObjectName of(String permitId, String... segments) {
        return new ObjectName(permitId, String.join("/", segments));
    }

    /** A new name in a folder, for one upload: a retried or concurrent upload never overwrites another's object. */
    public static ObjectName unique(String permitId, String... folders) {
        String[] segments = java.util.Arrays.copyOf(folders, folders.length + 1);
        segments[folders.length] = UUID.randomUUID().toString();
        return of(permitId, segments);
    }

    /** The prefix of every object of a permit. */
    static String permitPrefix(String permitId) {
        return DATA_PREFIX + permitId + "/";
    }

    /** The object's S3 key. */
    public String key() {
        return permitPrefix(permitId) + path;
    }
}
