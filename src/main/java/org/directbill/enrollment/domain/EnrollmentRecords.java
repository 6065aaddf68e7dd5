package org.directbill.enrollment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;

/** Where enrollments, their history, information requests and attachments are kept. */
public interface EnrollmentRecords {

    /** A new enrollment; a second live one of the partner in the same market is refused (409). */
    void add(Enrollment enrollment);

    Optional<Enrollment> find(EnrollmentId id);

    /**
     * Writes {@code next} over the version it was read at ({@code next.version()}) and answers it at
     * its new version; empty when someone changed the enrollment meanwhile.
     */
    Optional<Enrollment> update(Enrollment next);

    void addHistory(EnrollmentId id, HistoryEntry entry);

    /** Oldest first. */
    List<HistoryEntry> history(EnrollmentId id);

    /** The partner's enrollments, newest first. */
    List<Enrollment> ofPartner(PartnerId partner);

    /** The partner's enrollments in these statuses. */
    List<Enrollment> ofPartner(PartnerId partner, Set<EnrollmentStatus> statuses);

    /** Every enrollment in these statuses (the operations queue, the timers). */
    List<Enrollment> withStatus(Set<EnrollmentStatus> statuses);

    void addInfoRequest(InfoRequest request);

    /** Oldest first. */
    List<InfoRequest> infoRequests(EnrollmentId id);

    /** The unanswered request of an enrollment, if any. */
    Optional<InfoRequest> openInfoRequest(EnrollmentId id);

    /** Unanswered requests due on or before {@code until}: the ones a timer may act on. */
    List<InfoRequest> unansweredDueBy(LocalDate until);

    /** Records the answer and its files (the attachments' ids are those of {@code files}). */
    void answer(UUID requestId, InfoRequest.Answer answer, List<AttachmentContent> files);

    /** Marks the reminder sent; false when another run marked it first. */
    boolean markReminded(UUID requestId, LocalDate on);

    Optional<AttachmentContent> attachment(EnrollmentId enrollment, UUID attachmentId);

    /** A file with its bytes. */
    record AttachmentContent(AttachmentInfo info, byte[] content) {}
}
