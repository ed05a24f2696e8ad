package fi.sd.platform.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fi.sd.platform.rest.Problem.FieldError;

/**
 * Reads the filters of a list from the raw query parameters, one rule for every service: a value is
 * stripped of surrounding white space, absent or blank means no filter, at most {@value #MAX_LENGTH}
 * characters, enum constants and booleans match without regard to case, and a malformed value is a
 * 400 naming the parameter (JAX-RS would answer 404 for a query value it cannot convert).
 */
public final class QueryParams {

    /** The longest value any filter takes. */
    public static final int MAX_LENGTH = 200;

    private QueryParams() {
    }

    /** A dataset, project, permit, workspace or other opaque id ({@link Ids#PATTERN}). */
    public static Optional<String> id(String name, String value) {
        return matching(name, value, Ids.PATTERN, Ids.MESSAGE);
    }

    /** A person's user id ({@link Ids#USER_PATTERN}). */
    public static Optional<String> userId(String name, String value) {
        return matching(name, value, Ids.USER_PATTERN, Ids.USER_MESSAGE);
    }

    /** A value that matches {@code pattern} as a whole; {@code message} says what it must be. */
    public static Optional<String> matching(String name, String value, String pattern, String message) {
        return given(name, value).map(text -> {
            if (!text.matches(pattern)) {
                throw invalid(name, text, message);
            }
            return text;
        });
    }

    /** One of the enum's constants, matched without regard to case: {@code ?state=submitted} is {@code SUBMITTED}. */
    public static <E extends Enum<E>> Optional<E> oneOf(String name, String value, Class<E> type) {
        return given(name, value).map(text -> {
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(name, text, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            }
        });
    }

    public static Optional<Instant> instant(String name, String value) {
        return given(name, value).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw invalid(name, text, "must be an ISO-8601 instant such as 2026-11-29T12:00:00Z");
            }
        });
    }

    /** {@code true} or {@code false}, without regard to case; false when absent. */
    public static boolean flag(String name, String value) {
        return given(name, value).map(text -> {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw invalid(name, text, "must be true or false");
            }
            return Boolean.parseBoolean(text);
        }).orElse(false);
    }

    /** The stripped value, or empty when absent or blank; a 400 when longer than any filter takes. */
    private static Optional<String> given(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.length() > MAX_LENGTH) {
            String message = "must be at most " + MAX_LENGTH + " characters";
            throw ProblemException.badRequest("Query parameter " + name + " " + message, List.of(new FieldError(name, message)));
        }
        return Optional.of(text);
    }

    private static ProblemException invalid(String name, String given, String message) {
        return ProblemException.badRequest("Query parameter " + name + "='" + given + "' " + message, List.of(new FieldError(name, message)));
    }
}
