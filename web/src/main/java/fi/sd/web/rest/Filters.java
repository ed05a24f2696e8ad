package fi.sd.web.rest;

import java.util.List;

/** List filters from a page's query: what the API would refuse is simply not applied. */
final class Filters {

    private Filters() {
    }

    static String oneOf(String value, String... allowed) {
        return value != null && List.of(allowed).contains(value) ? value : null;
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
