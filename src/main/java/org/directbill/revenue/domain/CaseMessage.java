package org.directbill.revenue.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message of a case: a reviewer's request for information (with its due date) or the partner's
 * answer (with its attachments).
 */
public record CaseMessage(
        UUID id,
        Kind kind,
        String text,
        @Nullable LocalDate dueDate,
        Instant writtenAt,
        String writtenBy,
        List<AttachmentInfo> attachments) {

    public enum Kind {
        REQUEST,
        ANSWER
    }

    public CaseMessage {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(text);
        Objects.requireNonNull(writtenAt);
        Objects.requireNonNull(writtenBy);
        attachments = List.copyOf(attachments);
    }

    public static CaseMessage request(InformationRequest request, Instant at, String by) {
        return new CaseMessage(
                UUID.randomUUID(), Kind.REQUEST, request.message(), request.dueDate(), at, by, List.of());
    }

    public static CaseMessage answer(String text, List<NewAttachment> files, Instant at, String by) {
        return new CaseMessage(
                UUID.randomUUID(),
                Kind.ANSWER,
                text,
                null,
                at,
                by,
                files.stream()
                        .map(file -> new AttachmentInfo(UUID.randomUUID(), file.fileName(), file.type(), file.size()))
                        .toList());
    }

    /** What is known of an attachment without its content. */
    public record AttachmentInfo(UUID id, String fileName, AttachmentType type, long size) {

        public AttachmentInfo {
            Objects.requireNonNull(id);
            Objects.requireNonNull(fileName);
            Objects.requireNonNull(type);
        }
    }
}
