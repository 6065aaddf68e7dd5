package org.directbill.revenue.domain;

import java.util.Objects;

/** An attachment with its content, as it is downloaded. */
public record StoredAttachment(CaseMessage.AttachmentInfo info, byte[] content) {

    public StoredAttachment {
        Objects.requireNonNull(info);
        Objects.requireNonNull(content);
    }
}
