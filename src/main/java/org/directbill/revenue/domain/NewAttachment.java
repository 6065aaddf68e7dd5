package org.directbill.revenue.domain;

import java.util.Objects;

/** A file accepted for an answer: its cleaned name, the kind read from its content, and the content. */
public record NewAttachment(String fileName, AttachmentType type, byte[] content, String sha256) {

    public NewAttachment {
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(type);
        Objects.requireNonNull(content);
        Objects.requireNonNull(sha256);
    }

    public long size() {
        return content.length;
    }
}
