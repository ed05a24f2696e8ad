package fi.sd.platform.config;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The bounds of a service's numeric settings, checked once when it starts; every setting out of
 * bounds is named in one error, and the service does not start. Used instead of Bean Validation
 * constraints on the {@code @ConfigMapping} interfaces: with any such constraint Quarkus builds a
 * second validator factory on the main thread at every start (about 0.2 s of a 2.7 s start-up,
 * bench/RESULTS.md).
 */
public final class SettingChecks {

    private final List<String> violations = new ArrayList<>();

    public SettingChecks atLeast(String property, long value, long min) {
        if (value < min) {
            violations.add(property + " must be at least " + min + " (is " + value + ")");
        }
        return this;
    }

    public SettingChecks between(String property, long value, long min, long max) {
        if (value < min || value > max) {
            violations.add(property + " must be between " + min + " and " + max + " (is " + value + ")");
        }
        return this;
    }

    public SettingChecks between(String property, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            violations.add(property + " must be between " + min + " and " + max + " (is " + value + ")");
        }
        return this;
    }

    /** Adds another set's violations to these. */
    public SettingChecks include(SettingChecks other) {
        violations.addAll(other.violations);
        return this;
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Throws, naming every setting out of bounds, when there is one. */
    public void verify() {
        if (!violations.isEmpty()) {
            throw new ConfigurationException("Settings out of bounds: " + String.join("; ", violations));
        }
    }
}
