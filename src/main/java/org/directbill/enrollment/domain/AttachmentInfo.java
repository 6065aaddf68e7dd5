package org.directbill.enrollment.domain;

import java.util.Objects;
import java.util.UUID;

/** A file the partner attached to an answer, without its content. */
public record AttachmentInfo(UUID id, String fileName, String contentType, long size, String sha256) {

    public AttachmentInfo {
        Objects.requireNonNull(id);
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(sha256);
    }
}
