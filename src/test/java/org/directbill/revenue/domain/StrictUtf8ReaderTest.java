package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTest {

    private static Reader reader(byte[] bytes) {
        return StrictUtf8Reader.of(new ByteArrayInputStream(bytes));
    }

    private static String readAll(Reader reader, int chunk) throws IOException {
        StringWriter out = new StringWriter();
        char[] buffer = new char[chunk];
        for (int n; (n = reader.read(buffer, 0, chunk)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toString();
    }

    @Test
    void utf8_text_is_read_whole_whatever_the_size_of_the_reads() throws IOException {
        StringBuilder text = new StringBuilder();
        Random random = new Random(42);
        String[] pieces = {"a", "é", "€", "😀", "\n", "\r\n", ",", "\uFEFF"};
        while (text.length() < 50_000) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

        for (int chunk : new int[] {1, 2, 3, 7, 8192, 100_000}) {
            assertThat(readAll(reader(bytes), chunk)).as("reads of %d", chunk).isEqualTo(text.toString());
        }
        assertThat(readAll(reader(new byte[0]), 10)).isEmpty();
    }

    @Test
    void every_character_before_bytes_that_are_not_utf8_is_read_before_the_error() throws IOException {
        byte[] text = "x".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(text, text.length + 2);
        bytes[text.length] = (byte) 0xC3;
        bytes[text.length + 1] = (byte) 'y';
        Reader reader = reader(bytes);
        StringBuilder read = new StringBuilder();
        char[] buffer = new char[5000];

        Throwable error = catchThrowable(() -> {
            for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0; ) {
                read.append(buffer, 0, n);
            }
        });

        assertThat(error).isInstanceOf(MalformedInputException.class);
        assertThat(read).hasSize(20_000);
        assertThat(catchThrowable(reader::read)).as("and again").isInstanceOf(MalformedInputException.class);
    }

    @Test
    void a_sequence_cut_at_the_end_encoded_surrogates_and_overlong_forms_are_not_utf8() {
        for (byte[] bad : new byte[][] {
            {'a', (byte) 0xE2, (byte) 0x82}, // € cut short
            {(byte) 0xED, (byte) 0xB0, (byte) 0x80}, // a lone low surrogate, encoded
            {(byte) 0xC0, (byte) 0xAF}, // '/' in two bytes
            {(byte) 0xFF}
        }) {
            assertThat(catchThrowable(() -> readAll(reader(bad), 10)))
                    .as(Arrays.toString(bad))
                    .isInstanceOf(MalformedInputException.class);
        }
    }
}
