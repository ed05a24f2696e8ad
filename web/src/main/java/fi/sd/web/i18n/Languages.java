package fi.sd.web.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages of the pages: English, Finnish and Swedish, each named in its own language. */
public final class Languages {

    /** The cookie that keeps a person's choice (a preference, no personal data; a year). */
    public static final String COOKIE = "sd_lang";
    public static final String DEFAULT = "en";
    public static final List<Language> ALL = List.of(
            new Language("fi", "Suomi"), new Language("sv", "Svenska"), new Language("en", "English"));

    private Languages() {
    }

    public static Optional<String> supported(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return ALL.stream().map(Language::code).filter(language::equals).findFirst();
    }

    /** The chosen language, else the best of the browser's {@code Accept-Language}, else English. */
    public static String resolve(String cookie, String acceptLanguage) {
        Optional<String> chosen = supported(cookie);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                String best = Locale.lookupTag(ranges, ALL.stream().map(Language::code).toList());
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                return DEFAULT;
            }
        }
        return DEFAULT;
    }

    /** A language as the switch offers it: its code and its name in itself. */
    public record Language(String code, String name) {
    }
}
