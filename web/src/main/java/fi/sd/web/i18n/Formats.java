package fi.sd.web.i18n;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateExtension;

/**
 * Dates, times and sizes on the pages: in Europe/Helsinki (where the service's dates are meant), in the
 * reader's language ({@code {permit.validUntil.local}}, {@code {desktop.createdAt.local}}).
 */
@TemplateExtension
public final class Formats {

    public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    private Formats() {
    }

    static String local(LocalDate date, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale(locale)).format(date);
    }

    static String local(Instant instant, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale(locale)).withZone(HELSINKI).format(instant);
    }

    /** The machine-readable value of a {@code <time datetime="...">}. */
    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The value of an {@code <input type="datetime-local">}: the instant's wall time in Helsinki. */
    static String helsinkiInput(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(HELSINKI).format(instant);
    }

    /** The value of an {@code <input type="date">} for the day of the instant in Helsinki. */
    static String helsinkiDate(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.withZone(HELSINKI).format(instant);
    }

    /** 2048 → "2 kB", in decimal units and the reader's number format. */
    static String bytes(long size, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        double value = size;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale(locale));
        format.setMaximumFractionDigits(unit == 0 ? 0 : 1);
        return format.format(value) + " " + UNITS[unit];
    }

    /** A short form of a long id for tables (the full id stays in the link and its title). */
    /** A value for a query string. */
    static String urlEncoded(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A relative path ({@code results/table 1.csv}) in an address: each segment encoded, the slashes kept. */
    public static String pathEncoded(String path) {
        return Arrays.stream(path.split("/", -1)).map(segment -> urlEncoded(segment).replace("+", "%20")).collect(Collectors.joining("/"));
    }

    static String shortId(String id) {
        return id == null || id.length() <= 8 ? id : id.substring(0, 8);
    }

    static Locale locale(Object attribute) {
        if (attribute instanceof Locale locale) {
            return locale;
        }
        return attribute == null ? Locale.forLanguageTag(Languages.DEFAULT) : Locale.forLanguageTag(attribute.toString());
    }
}
