package org.directbill.revenue.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text read from UTF-8 bytes, strictly: bytes that are not UTF-8 stop the reading with a {@link
 * java.nio.charset.CharacterCodingException} rather than becoming a wrong character. Unlike an
 * {@link java.io.InputStreamReader}, it first hands over every character decoded before those bytes,
 * so that a reader counting lines knows which line they are on.
 */
public final class StrictUtf8Reader extends Reader {

    private static final int BUFFER = 1 << 13;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private boolean endOfInput;
    private boolean flushed;

    private StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    public static StrictUtf8Reader of(InputStream bytes) {
        return new StrictUtf8Reader(bytes);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    /** Decodes more characters; false at the end of the text. Throws only once nothing decoded is left. */
    private boolean fill() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0) {
                if (flushed) {
                    return false;
                }
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                if (result.isError()) {
                    if (chars.position() > 0) {
                        break; // what came before the bad bytes first; the error on the next call
                    }
                    result.throwException();
                }
                if (result.isOverflow()) {
                    break;
                }
                if (endOfInput) {
                    decoder.flush(chars);
                    flushed = true;
                } else if (chars.position() == 0) {
                    readBytes();
                }
            }
        } finally {
            chars.flip();
        }
        return true;
    }

    private void readBytes() throws IOException {
        bytes.compact();
        try {
            int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
        } finally {
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
