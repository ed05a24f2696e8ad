package fi.sd.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The filters of a list page as a query-string prefix for its pager links ({@code status=ACTIVE&}). */
public final class Query {

    private Query() {
    }

    /** Pairs of name and value; a null or blank value is left out. */
    public static String of(String... namesAndValues) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                query.append(namesAndValues[i]).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
        return query.toString();
    }
}
