package fi.sd.apply.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import fi.sd.platform.rest.Ids;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;

/** Query parameters read from their raw values, so that a bad value is a 400 naming the parameter. */
final class QueryFilters {

    private QueryFilters() {
    }

    static Optional<String> id(String name, String value) {
        return matching(name, value, Ids.PATTERN, Ids.MESSAGE);
    }

    static Optional<String> userId(String name, String value) {
        return matching(name, value, Ids.USER_PATTERN, Ids.USER_MESSAGE);
    }

    static <E extends Enum<E>> Optional<E> oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value.strip())).findFirst()
                .or(() -> {
                    throw invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
                });
    }

    static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid(name, "must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static Optional<String> matching(String name, String value, String pattern, String message) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > 200 || !value.matches(pattern)) {
            throw invalid(name, message);
        }
        return Optional.of(value);
    }

    private static ProblemException invalid(String parameter, String message) {
        return ProblemException.badRequest("Invalid query parameter " + parameter, List.of(new FieldError(parameter, message)));
    }
}
