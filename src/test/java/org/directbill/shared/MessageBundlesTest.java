package org.directbill.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text exists in English and in French, and no message holds a quote MessageFormat would eat. */
class MessageBundlesTest {

    static Properties bundle(String name) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }

    @Test
    void english_and_french_have_the_same_keys() throws IOException {
        Properties english = bundle("messages.properties");
        Properties french = bundle("messages_fr.properties");

        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void no_message_uses_a_straight_apostrophe() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_fr.properties"}) {
            Properties messages = bundle(name);
            for (String key : messages.stringPropertyNames()) {
                assertThat(messages.getProperty(key)).as(name + " " + key).doesNotContain("'");
            }
        }
    }
}
