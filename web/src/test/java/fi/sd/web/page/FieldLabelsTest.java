package fi.sd.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import fi.sd.web.i18n.Formats;

class FieldLabelsTest {

    @Test
    void aRowsFieldIsNamedByItsListItsNumberAndItsOwnLabelInTheReadersLanguage() {
        assertThat(FieldLabels.of("files[1].sha256", Locale.ENGLISH)).contains("File 2, SHA-256");
        assertThat(FieldLabels.of("persons[0].email", Locale.forLanguageTag("fi"))).contains("Henkilö 1, Sähköpostiosoite");
        assertThat(FieldLabels.of("holder.organisation", Locale.forLanguageTag("sv"))).contains("Tillståndshavarens organisation");
        assertThat(FieldLabels.of("datasetId", Locale.forLanguageTag("de"))).contains("Dataset");
    }

    @Test
    void aFieldWithoutALabelHasNone() {
        assertThat(FieldLabels.of("validity", Locale.ENGLISH)).isEmpty();
        assertThat(FieldLabels.of("unknown[0].thing", Locale.ENGLISH)).isEmpty();
    }

    @Test
    void everyLanguageNamesTheSameFields() throws IOException {
        Properties english = labels("");
        assertThat(labels("_fi").keySet()).isEqualTo(english.keySet());
        assertThat(labels("_sv").keySet()).isEqualTo(english.keySet());
    }

    @Test
    void aPathGoesIntoAnAddressSegmentBySegment() {
        assertThat(Formats.pathEncoded("results/table 1+2.csv")).isEqualTo("results/table%201%2B2.csv");
    }

    private static Properties labels(String suffix) throws IOException {
        Properties labels = new Properties();
        try (InputStream in = FieldLabelsTest.class.getResourceAsStream("/messages/fields" + suffix + ".properties")) {
            labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return labels;
    }
}
