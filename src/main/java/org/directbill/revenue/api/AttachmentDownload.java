package org.directbill.revenue.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.directbill.revenue.domain.StoredAttachment;
import org.directbill.shared.problem.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An attachment of a verification case as a download, for the API and the pages alike: always
 * {@code Content-Disposition: attachment}, with the type read from its content and {@code nosniff},
 * so that a browser never renders a partner's file in the service's origin.
 */
public final class AttachmentDownload {

    private AttachmentDownload() {}

    public static ResponseEntity<byte[]> of(StoredAttachment attachment) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.info().type().mediaType()))
                .contentLength(attachment.content().length)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(attachment.info().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(attachment.content());
    }

    /** An attachment id from a URL; a malformed one is one that exists nowhere. */
    public static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound("ATTACHMENT_NOT_FOUND", text);
        }
    }
}
