package org.directbill.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text a person reads exists in English and in French, under the same keys. */
class MessageFilesTest {

    @Test
    void the_english_and_french_message_files_have_the_same_keys() throws IOException {
        Properties english = load("messages.properties");
        Properties french = load("messages_fr.properties");

        assertThat(french.stringPropertyNames())
                .as("keys in English but not in French, or the other way round")
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void no_message_is_empty_and_french_uses_the_typographic_apostrophe() throws IOException {
        Properties english = load("messages.properties");
        Properties french = load("messages_fr.properties");

        english.forEach(
                (key, text) -> assertThat((String) text).as("en %s", key).isNotBlank());
        french.forEach((key, text) ->
                assertThat((String) text).as("fr %s", key).isNotBlank().doesNotContain("'"));
    }

    @Test
    void no_key_is_defined_twice_in_a_file_where_the_last_one_would_silently_win() throws IOException {
        for (String name : java.util.List.of("messages.properties", "messages_fr.properties")) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.List<String> twice = new java.util.ArrayList<>();
            try (InputStream in = MessageFilesTest.class.getResourceAsStream("/" + name)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                        .map(line -> line.substring(0, line.indexOf('=')).strip())
                        .filter(key -> !seen.add(key))
                        .forEach(twice::add);
            }
            assertThat(twice).as("keys defined twice in %s", name).isEmpty();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = MessageFilesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
