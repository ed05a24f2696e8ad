package fi.sd.web.page;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import fi.sd.web.i18n.Messages;

/**
 * The API explains a refused field in English; the messages it uses most are said in the reader's
 * language instead, and any other is shown as the API wrote it.
 */
public final class ProblemTexts {

    private static final Map<String, Function<Messages, String>> KNOWN = Map.ofEntries(
            Map.entry("must not be blank", Messages::invalid_required),
            Map.entry("must not be null", Messages::invalid_required),
            Map.entry("must not be empty", Messages::invalid_required),
            Map.entry("must be greater than or equal to 0", Messages::invalid_negative),
            Map.entry("must be greater than or equal to 1", Messages::invalid_positive),
            Map.entry("is listed twice", Messages::invalid_twice),
            Map.entry("must be a SHA-256 digest: 64 hexadecimal characters", Messages::invalid_sha256),
            Map.entry("must be an e-mail address such as name@example.org", Messages::invalid_email),
            Map.entry("must be a well-formed email address", Messages::invalid_email),
            Map.entry("must contain only letters, digits and . _ : -", Messages::invalid_id),
            Map.entry("must contain only letters, digits and . _ @ -", Messages::invalid_user),
            Map.entry("must contain only letters, digits and . _ -", Messages::invalid_name),
            Map.entry("must be a single line without control characters", Messages::invalid_single_line));

    private ProblemTexts() {
    }

    public static String field(String message, Locale locale) {
        Function<Messages, String> known = message == null ? null : KNOWN.get(message);
        return known == null ? message : known.apply(messages(locale));
    }

    public static Messages messages(Locale locale) {
        return MessageBundles.get(Messages.class, Localized.Literal.of(locale.toLanguageTag()));
    }
}
