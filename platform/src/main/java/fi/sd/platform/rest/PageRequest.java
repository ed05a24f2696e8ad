package fi.sd.platform.rest;

import java.util.ArrayList;
import java.util.List;

import fi.sd.platform.rest.Problem.FieldError;

/**
 * Which page of a list: {@code page} counts from 0 (up to {@value #MAX_PAGE}), {@code size} is 1
 * to {@value #MAX_SIZE} ({@value #DEFAULT_SIZE} when absent). Read from the raw query parameters so that a malformed
 * value is a 400 naming the parameter, not the 404 JAX-RS gives for unconvertible query values.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** Keeps {@code page * size} within the row offsets the database query takes. */
    public static final int MAX_PAGE = 1_000_000;

    public static PageRequest parse(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int pageNumber = parse("page", page, 0, 0, MAX_PAGE, errors);
        int pageSize = parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid paging parameters", errors);
        }
        return new PageRequest(pageNumber, pageSize);
    }

    public long offset() {
        return (long) page * size;
    }

    private static int parse(String name, String value, int fallback, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String digits = value.strip();
        if (digits.matches("[0-9]{1,9}")) {
            int parsed = Integer.parseInt(digits);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
