package org.directbill.notification.domain;

/** The message keys of a notice's words. */
public final class NoticeWords {

    /** The subject of a kind without words of its own: {0} is the kind. */
    public static final String FALLBACK_SUBJECT = "notice.fallback.subject";

    /** The body of a kind without words of its own: {0} is the kind, {1} its arguments, listed. */
    public static final String FALLBACK_BODY = "notice.fallback.body";

    private NoticeWords() {}

    public static String subjectKey(String kind) {
        return "notice." + kind + ".subject";
    }

    public static String bodyKey(String kind) {
        return "notice." + kind + ".body";
    }
}
