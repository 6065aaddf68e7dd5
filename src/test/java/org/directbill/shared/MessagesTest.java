package org.directbill.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text exists in English and in French: the two message files have the same keys. */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void the_english_and_french_messages_have_the_same_keys() throws IOException {
        Properties english = load("messages.properties");
        Properties french = load("messages_fr.properties");

        assertThat(french.stringPropertyNames())
                .as("keys in English only are missing in French; keys in French only are missing in English")
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void no_message_is_empty() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_fr.properties"}) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                assertThat(messages.getProperty(key)).as(file + " " + key).isNotBlank();
            }
        }
    }
}
