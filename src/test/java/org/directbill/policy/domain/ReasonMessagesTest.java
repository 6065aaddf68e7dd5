package org.directbill.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
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

/** Every reason, code, level, status and outcome reads in English and in French. */
class ReasonMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_fr.properties"})
    void every_reason_has_a_sentence_using_each_of_its_arguments_once_or_more(String file) throws IOException {
        Properties messages = load(file);
        for (Reason reason : Reason.values()) {
            String sentence = messages.getProperty(reason.messageKey());
            assertThat(sentence).as("%s in %s", reason.messageKey(), file).isNotBlank();
            Set<Integer> expected =
                    IntStream.range(0, reason.argumentCount()).boxed().collect(Collectors.toCollection(TreeSet::new));
            assertThat(placeholders(sentence))
                    .as("placeholders of %s in %s", reason, file)
                    .isEqualTo(expected);
            // It formats: no stray brace or quote that MessageFormat would choke on or swallow. An
            // amount placeholder ({n,number,…}) gets an amount as ReasonArguments gives it.
            List<String> texts = IntStream.range(0, reason.argumentCount())
                    .mapToObj(i -> sentence.contains("{" + i + ",number") ? (i + 1) + "234567.50" : "ARG" + i)
                    .toList();
            Object[] arguments = ReasonArguments.forMessage(texts).toArray();
            String formatted = new MessageFormat(sentence, Locale.ENGLISH).format(arguments);
            for (String text : texts) {
                String shown = text.startsWith("ARG")
                        ? text
                        : String.format(Locale.ENGLISH, "%,.2f", new java.math.BigDecimal(text));
                assertThat(formatted).as("%s in %s", reason, file).contains(shown);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_fr.properties"})
    void every_code_level_status_and_outcome_has_a_name(String file) throws IOException {
        Properties messages = load(file);
        for (RequirementCode code : RequirementCode.values()) {
            assertThat(messages.getProperty("requirement.code." + code))
                    .as("%s %s", file, code)
                    .isNotBlank();
        }
        for (Level level : Level.values()) {
            assertThat(messages.getProperty("requirement.level." + level))
                    .as("%s %s", file, level)
                    .isNotBlank();
        }
        for (RequirementStatus status : RequirementStatus.values()) {
            assertThat(messages.getProperty("requirement.status." + status))
                    .as("%s %s", file, status)
                    .isNotBlank();
        }
        for (Outcome outcome : Outcome.values()) {
            assertThat(messages.getProperty("evaluation.outcome." + outcome))
                    .as("%s %s", file, outcome)
                    .isNotBlank();
        }
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
        try (InputStream in = ReasonMessagesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
