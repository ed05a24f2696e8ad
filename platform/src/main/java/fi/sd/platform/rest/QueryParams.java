package fi.sd.platform.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import fi.sd.platform.rest.Problem.FieldError;

/** Reads optional query parameters: blank means absent, a malformed value is a 400 naming the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    /** The trimmed value, or null when absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static Instant instant(String name, String value) {
        String given = text(value);
        if (given == null) {
            return null;
        }
        try {
            return Instant.parse(given);
        } catch (DateTimeParseException e) {
            throw invalid(name, given, "must be an ISO-8601 instant such as 2026-11-29T12:00:00Z");
        }
    }

    /** One of the enum's constants, matched without regard to case. */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        String given = text(value);
        if (given == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name, given, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
    }

    private static ProblemException invalid(String name, String given, String message) {
        return ProblemException.badRequest("Query parameter " + name + "='" + given + "' " + message, List.of(new FieldError(name, message)));
    }
}
