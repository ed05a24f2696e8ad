package fi.sd.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text exists in English, Finnish and Swedish, none left empty. */
class MessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"msg", "apply", "desk"})
    void everyBundleHasTheSameKeysInEveryLanguage(String bundle) throws IOException {
        Properties english = load(bundle, "en");
        assertThat(english).isNotEmpty();
        for (String language : List.of("fi", "sv")) {
            Properties translated = load(bundle, language);
            Set<Object> keys = translated.keySet();
            assertThat(keys).as(bundle + "_" + language).containsExactlyInAnyOrderElementsOf(english.keySet());
            translated.forEach((key, value) -> assertThat(value.toString()).as(bundle + "_" + language + " " + key).isNotBlank());
        }
    }

    private static Properties load(String bundle, String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages/" + bundle + "_" + language + ".properties")) {
            assertThat(in).as(bundle + "_" + language + ".properties").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
