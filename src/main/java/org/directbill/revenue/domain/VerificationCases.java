package org.directbill.revenue.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;
import org.directbill.shared.Page;
import org.jspecify.annotations.Nullable;

/**
 * The verification cases, their messages and attachments, and where each selected sale stands in
 * the ledger. Every change of a sale's state keeps the ledger's rollups exact in the same
 * transaction.
 */
public interface VerificationCases {

    /**
     * The ledger lines with one of these ids or on one of these invoices, locked until the end of the
     * transaction, so that two reviewers selecting the same sale are served one after the other.
     */
    List<SaleSelection.Candidate> lockCandidates(Collection<String> invoiceIds, Collection<String> lineIds);

    /** Those of these lines that are in a case not yet closed. */
    Set<String> inOpenCases(Collection<String> lineIds);

    /** Stores a new case with its sales, and marks the sales OPEN in the ledger. */
    void add(VerificationCase opened);

    Optional<VerificationCase> find(VerificationCaseId id);

    /** The case, locked until the end of the transaction: its steps happen one at a time. */
    Optional<VerificationCase> findForUpdate(VerificationCaseId id);

    /**
     * Stores a case after a step: its status, due date and closing, and the decisions on {@code
     * decided} sales, which the ledger then shows.
     */
    void update(VerificationCase after, Collection<String> decided);

    void addMessage(VerificationCaseId id, CaseMessage message, List<NewAttachment> files);

    /** Oldest first, attachments without their content. */
    List<CaseMessage> messages(VerificationCaseId id);

    Optional<StoredAttachment> attachment(VerificationCaseId id, UUID attachmentId);

    /** The case's sales with their ledger lines, by invoice then line. */
    List<CaseSale> sales(VerificationCase verificationCase);

    /**
     * Cases of a partner (or of all partners when null) in one of the statuses: overdue ones first,
     * then by due date (none last), then oldest first.
     */
    Page<CaseSummary> search(
            @Nullable PartnerId partnerId, Set<CaseStatus> statuses, LocalDate today, Page.Request request);

    CaseSummary summary(VerificationCase verificationCase, LocalDate today);
}
