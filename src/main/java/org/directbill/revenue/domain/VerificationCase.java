package org.directbill.revenue.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.directbill.partner.domain.PartnerId;
import org.directbill.shared.problem.Conflict;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A verification case: sales of one partner a reviewer selected (domain.md, "Verification of
 * sales"), and its legal steps. Opened with its sales OPEN; the reviewer may ask for information
 * (a message and a due date) at any time until it closes; the partner answers only what was asked;
 * the reviewer decides each sale once, VERIFIED or REJECTED; the case closes when every sale is
 * decided, and then takes no further step.
 *
 * @param dueDate the due date of the last request for information, if any
 */
public record VerificationCase(
        VerificationCaseId id,
        PartnerId partnerId,
        CaseStatus status,
        @Nullable LocalDate dueDate,
        Instant openedAt,
        String openedBy,
        @Nullable Instant closedAt,
        List<CaseLine> lines) {

    public VerificationCase {
        Objects.requireNonNull(id);
        Objects.requireNonNull(partnerId);
        Objects.requireNonNull(status);
        Objects.requireNonNull(openedAt);
        Objects.requireNonNull(openedBy);
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a case has at least one sale");
        }
    }

    /** Opens a case on the selected sales, asking for information at once when a request is given. */
    public static VerificationCase open(
            VerificationCaseId id,
            PartnerId partnerId,
            List<String> lineIds,
            @Nullable InformationRequest request,
            Instant at,
            String by) {
        return new VerificationCase(
                id,
                partnerId,
                request == null ? CaseStatus.OPEN : CaseStatus.INFO_REQUESTED,
                request == null ? null : request.dueDate(),
                at,
                by,
                null,
                lineIds.stream().distinct().map(CaseLine::selected).toList());
    }

    /** Asks the partner for information, replacing the due date of any earlier request. */
    public VerificationCase requestInformation(InformationRequest request) {
        requireOpen();
        return new VerificationCase(
                id, partnerId, CaseStatus.INFO_REQUESTED, request.dueDate(), openedAt, openedBy, null, lines);
    }

    /** The partner answers (again): only once something was asked. */
    public VerificationCase answer() {
        requireOpen();
        if (status == CaseStatus.OPEN) {
            throw new Conflict("VERIFICATION_NOT_REQUESTED");
        }
        return new VerificationCase(id, partnerId, CaseStatus.ANSWERED, dueDate, openedAt, openedBy, null, lines);
    }

    /** A decision applied: the case after it, and the sales it decided. */
    public record Decided(VerificationCase after, List<String> lineIds) {}

    /**
     * Decides the named sales, or every open one when none is named. A sale not in the case is
     * refused by its position (400), one already decided is a conflict (409): a decision is final.
     */
    public Decided decide(SalesDecision decision, Instant at, String by) {
        requireOpen();
        Map<String, CaseLine> byId = lines.stream().collect(Collectors.toMap(CaseLine::lineId, Function.identity()));
        Set<String> chosen = new LinkedHashSet<>();
        if (decision.allOpenLines()) {
            lines.stream().filter(line -> !line.decided()).forEach(line -> chosen.add(line.lineId()));
        } else {
            Violations violations = new Violations();
            List<String> named = decision.lineIds();
            for (int i = 0; i < named.size(); i++) {
                if (!byId.containsKey(named.get(i))) {
                    violations.add("lineIds[" + i + "]", "NOT_IN_CASE", named.get(i));
                }
            }
            violations.throwIfAny();
            chosen.addAll(named);
            List<String> decided =
                    chosen.stream().filter(line -> byId.get(line).decided()).toList();
            if (!decided.isEmpty()) {
                throw new Conflict("SALE_ALREADY_DECIDED", String.join(", ", decided));
            }
        }
        List<CaseLine> after = new ArrayList<>(lines.size());
        for (CaseLine line : lines) {
            after.add(
                    chosen.contains(line.lineId())
                            ? line.decide(decision.decision(), decision.reason(), at, by)
                            : line);
        }
        boolean allDecided = after.stream().allMatch(CaseLine::decided);
        VerificationCase next = new VerificationCase(
                id,
                partnerId,
                allDecided ? CaseStatus.CLOSED : status,
                dueDate,
                openedAt,
                openedBy,
                allDecided ? at : null,
                after);
        return new Decided(next, List.copyOf(chosen));
    }

    /** Waiting for an answer past its due date (the due date itself is still in time). */
    public boolean overdue(LocalDate today) {
        return status == CaseStatus.INFO_REQUESTED && dueDate != null && today.isAfter(dueDate);
    }

    public long count(VerificationState state) {
        return lines.stream().filter(line -> line.state() == state).count();
    }

    private void requireOpen() {
        if (status.isClosed()) {
            throw new Conflict("VERIFICATION_CASE_CLOSED", id.shortForm());
        }
    }
}
