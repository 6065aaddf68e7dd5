package org.directbill.enrollment.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.directbill.enrollment.domain.EnrollmentRecords.AttachmentContent;
import org.directbill.shared.problem.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file attached to an enrollment's answer, for the API and the pages alike: always a download
 * ({@code Content-Disposition: attachment}) with the type read from its content and {@code
 * nosniff}, so that a partner's file never renders in the service's origin.
 */
public final class AttachmentDownload {

    private AttachmentDownload() {}

    public static ResponseEntity<byte[]> of(AttachmentContent attachment) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.info().contentType()))
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

    /** An attachment id from a URL; a malformed one is one that exists nowhere (404). */
    public static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound("ATTACHMENT_NOT_FOUND", text);
        }
    }
}
