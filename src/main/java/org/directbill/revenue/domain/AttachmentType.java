package org.directbill.revenue.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a partner may attach to an answer, recognised by their first bytes, never by
 * what the client claims or how the file is named: PDF, PNG, JPEG, and plain text or CSV (UTF-8
 * without control characters, CSV when the name ends in {@code .csv}).
 */
public enum AttachmentType {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    TEXT("text/plain;charset=UTF-8"),
    CSV("text/csv;charset=UTF-8");

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final String mediaType;

    AttachmentType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The content type it is served with. */
    public String mediaType() {
        return mediaType;
    }

    /** What the content is, or empty when it is none of the allowed kinds. */
    public static Optional<AttachmentType> of(byte[] content, String fileName) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (content.length > 0 && isText(content)) {
            return Optional.of(fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : TEXT);
        }
        return Optional.empty();
    }

    /** Valid UTF-8 (a byte-order mark allowed) with no control character but tab, line feed, form feed and return. */
    static boolean isText(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
        return text.chars()
                .noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
                        || c == 0x7F
                        || (c >= 0x80 && c < 0xA0));
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
