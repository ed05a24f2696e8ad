package fi.sd.web.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition: attachment} with the file's own name (RFC 6266: an ASCII fallback and the UTF-8 name). */
final class ContentDisposition {

    private ContentDisposition() {
    }

    /** {@code path}'s last segment as the saved file's name. */
    static String attachment(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
