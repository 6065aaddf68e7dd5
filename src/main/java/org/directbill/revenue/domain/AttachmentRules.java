package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * What an answer may carry: at most {@code maxFiles} files of at most {@code maxBytes} each, every
 * one of an allowed {@link AttachmentType} read from its content.
 */
public record AttachmentRules(long maxBytes, int maxFiles) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_FILES = 5;

    /** The longest file name kept. */
    public static final int MAX_FILE_NAME = 255;

    public AttachmentRules {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("an attachment may hold 1 byte to 2 GB: " + maxBytes);
        }
        if (maxFiles < 0) {
            throw new IllegalArgumentException("a negative number of files: " + maxFiles);
        }
    }

    public static AttachmentRules defaults() {
        return new AttachmentRules(DEFAULT_MAX_BYTES, DEFAULT_MAX_FILES);
    }

    /** Too many files is a field error on {@code files}. */
    public void checkCount(int files, Violations violations) {
        if (files > maxFiles) {
            violations.add("files", "TOO_MANY_FILES", maxFiles);
        }
    }

    /** Refuses a file larger than allowed (413), from the size it announces or the bytes read. */
    public void checkSize(String fileName, long size) {
        if (size > maxBytes) {
            throw AttachmentRefused.tooLarge(fileName, maxMegabytes());
        }
    }

    /**
     * Accepts a file: not empty (a field error on {@code files[index]}), not too large (413), of an
     * allowed kind (415).
     */
    public NewAttachment accept(int index, String fileName, byte[] content) {
        if (content.length == 0) {
            new Violations().add("files[" + index + "]", "EMPTY_FILE", fileName).throwIfAny();
        }
        checkSize(fileName, content.length);
        AttachmentType type =
                AttachmentType.of(content, fileName).orElseThrow(() -> AttachmentRefused.typeNotAllowed(fileName));
        return new NewAttachment(fileName, type, content, sha256(content));
    }

    /**
     * The size allowed in megabytes (of 1,048,576 bytes), for messages to write in each language's
     * unit: 10 for the default, 0.5 for 512 KB.
     */
    public BigDecimal maxMegabytes() {
        return BigDecimal.valueOf(maxBytes)
                .divide(BigDecimal.valueOf(1024 * 1024), 6, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    /**
     * A file name safe to keep and to send back: its last path segment, without control characters,
     * at most {@value #MAX_FILE_NAME} characters (keeping the extension), {@code attachment} if
     * nothing is left.
     */
    public static String cleanFileName(@Nullable String given) {
        if (given == null) {
            return "attachment";
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        name = name.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "attachment";
        }
        if (name.length() > MAX_FILE_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            int cut = MAX_FILE_NAME - extension.length();
            if (Character.isHighSurrogate(name.charAt(cut - 1))) {
                cut--;
            }
            name = name.substring(0, cut) + extension;
        }
        return name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}
