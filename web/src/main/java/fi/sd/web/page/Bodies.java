package fi.sd.web.page;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies for the API built from forms: an absent value is sent as null, for the API to name it. */
public final class Bodies {

    private Bodies() {
    }

    public static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }
}
