package org.directbill.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of notice has a subject and a body in English and in French, using its arguments. */
class NoticeMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_fr.properties"})
    void every_kind_has_a_subject_and_a_body_whose_placeholders_are_exactly_its_arguments(String file)
            throws IOException {
        Properties messages = load(file);
        for (NoticeKind kind : NoticeKind.values()) {
            Set<Integer> arguments =
                    IntStream.range(0, kind.argumentCount()).boxed().collect(Collectors.toCollection(TreeSet::new));
            String subject = messages.getProperty(NoticeWords.subjectKey(kind.name()));
            String body = messages.getProperty(NoticeWords.bodyKey(kind.name()));
            assertThat(subject).as("subject of %s in %s", kind, file).isNotBlank();
            assertThat(body).as("body of %s in %s", kind, file).isNotBlank();
            assertThat(placeholders(body))
                    .as("placeholders of the body of %s in %s", kind, file)
                    .isEqualTo(arguments);
            assertThat(arguments)
                    .as("placeholders of the subject of %s in %s", kind, file)
                    .containsAll(placeholders(subject));
            // The arguments come already written: plain placeholders, and nothing MessageFormat would
            // swallow (a stray quote) or choke on (a stray brace).
            assertThat(subject + body)
                    .as("%s in %s", kind, file)
                    .doesNotContain("'")
                    .doesNotContain("{0,");
            Object[] values = IntStream.range(0, kind.argumentCount())
                    .mapToObj(i -> "ARG" + i)
                    .toArray();
            String formatted = new MessageFormat(body, Locale.ENGLISH).format(values);
            for (Object value : values) {
                assertThat(formatted).as("%s in %s", kind, file).contains((String) value);
            }
            new MessageFormat(subject, Locale.ENGLISH).format(values);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_fr.properties"})
    void no_notice_words_exist_for_a_kind_that_is_not_listed(String file) throws IOException {
        Set<String> listed = Arrays.stream(NoticeKind.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> worded = load(file).stringPropertyNames().stream()
                .filter(key -> key.startsWith("notice.") && !key.startsWith("notice.fallback."))
                .map(key -> key.substring("notice.".length(), key.lastIndexOf('.')))
                .collect(Collectors.toSet());

        assertThat(listed)
                .as("the kinds of NoticeKind, from the words of %s", file)
                .containsAll(worded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_fr.properties"})
    void the_generic_words_of_an_unlisted_kind_name_it_and_list_its_arguments(String file) throws IOException {
        Properties messages = load(file);

        assertThat(placeholders(messages.getProperty(NoticeWords.FALLBACK_SUBJECT)))
                .containsExactly(0);
        assertThat(placeholders(messages.getProperty(NoticeWords.FALLBACK_BODY)))
                .containsExactly(0, 1);
    }

    private static Set<Integer> placeholders(String sentence) {
        Set<Integer> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(sentence);
        while (matcher.find()) {
            found.add(Integer.parseInt(matcher.group(1)));
        }
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = NoticeMessagesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
