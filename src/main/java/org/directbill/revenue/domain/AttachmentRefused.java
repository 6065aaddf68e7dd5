package org.directbill.revenue.domain;

import java.math.BigDecimal;
import org.directbill.shared.problem.ApiProblem;

/** A file refused as an attachment: too large (413) or of a kind not allowed (415). */
public class AttachmentRefused extends ApiProblem {

    private AttachmentRefused(int status, String code, Object... arguments) {
        super(status, code, arguments);
    }

    public static AttachmentRefused tooLarge(String fileName, BigDecimal maxMegabytes) {
        return new AttachmentRefused(413, "ATTACHMENT_TOO_LARGE", fileName, maxMegabytes);
    }

    public static AttachmentRefused typeNotAllowed(String fileName) {
        return new AttachmentRefused(415, "ATTACHMENT_TYPE_NOT_ALLOWED", fileName);
    }
}
