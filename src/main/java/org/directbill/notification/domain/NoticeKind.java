package org.directbill.notification.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of notice a module publishes, with the number of arguments its words take. Its words
 * are the messages {@code notice.<KIND>.subject} and {@code notice.<KIND>.body} in both languages
 * (a test checks each). A kind published but not listed here is still stored, mailed and shown,
 * in generic words ({@link NoticeWords#FALLBACK_SUBJECT}): a notice is never lost for want of words.
 */
public enum NoticeKind {
    /** {0} market (ISO code), {1} due date, {2} the reviewer's message. */
    ENROLLMENT_INFO_REQUESTED(3),
    /** {0} market, {1} due date, {2} the reviewer's message. */
    ENROLLMENT_INFO_REMINDER(3),
    /** {0} market, {1} the due date that passed. */
    ENROLLMENT_WITHDRAWN_PAST_DUE(2),
    /** {0} market, {1} the reviewer's note. */
    ENROLLMENT_REJECTED(2),
    /** {0} market, {1} the credit limit in USD (an amount). */
    ENROLLMENT_CREDIT_APPROVED(2),
    /** {0} market, {1} the analyst's note. */
    ENROLLMENT_CREDIT_DECLINED(2),
    /** {0} market, {1} the agreement version. */
    ENROLLMENT_ACTIVATED(2),
    /** {0} the assessment date, {1} the unmet requirements (lines), {2} the cure deadline. */
    COMPLIANCE_AT_RISK(3),
    /** {0} the date the requirements were met again. */
    COMPLIANCE_CURED(1),
    /** {0} effective date, {1} why (lines), {2} the suspension date, {3} the revocation date. */
    COMPLIANCE_RESTRICTED(4),
    /** {0} effective date, {1} why (lines), {2} the revocation date. */
    COMPLIANCE_SUSPENDED(3),
    /** {0} effective date, {1} why (lines). */
    COMPLIANCE_REVOKED(2),
    /** {0} effective date, {1} the program admin's reason. */
    COMPLIANCE_REINSTATED(2);

    private final int argumentCount;

    NoticeKind(int argumentCount) {
        this.argumentCount = argumentCount;
    }

    public int argumentCount() {
        return argumentCount;
    }

    public static Optional<NoticeKind> find(String kind) {
        return Arrays.stream(values()).filter(k -> k.name().equals(kind)).findFirst();
    }
}
