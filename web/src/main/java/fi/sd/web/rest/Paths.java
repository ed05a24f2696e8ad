package fi.sd.web.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Paths the pages redirect to: only this site's own, and ids put into paths safely. */
final class Paths {

    /** A path of this site: one slash, then no second slash or backslash (no other host), no control characters. */
    private static final Pattern LOCAL = Pattern.compile("/(?![/\\\\])[^\\p{Cntrl}\\\\]*");

    private Paths() {
    }

    static String local(String path, String fallback) {
        return path != null && LOCAL.matcher(path).matches() ? path : fallback;
    }

    /** One path segment, encoded. */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
