package org.directbill.revenue.domain;

import java.util.List;
import java.util.Objects;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer's decision on sales of a case: the lines named, or every line still open when none is
 * named; a reason, required to reject.
 */
public record SalesDecision(
        List<String> lineIds,
        SaleDecision decision,
        @Nullable String reason) {

    /** The longest reason. */
    public static final int MAX_REASON = 1000;

    public SalesDecision {
        lineIds = List.copyOf(lineIds);
        Objects.requireNonNull(decision);
    }

    public boolean allOpenLines() {
        return lineIds.isEmpty();
    }

    public static SalesDecision validate(
            @Nullable List<@Nullable String> lineIds, @Nullable SaleDecision decision, @Nullable String reason) {
        Violations violations = new Violations();
        violations.require("decision", decision);
        String why = violations.optionalText("reason", reason, MAX_REASON);
        if (decision == SaleDecision.REJECTED && why == null) {
            violations.add("reason", "REJECTION_REASON_REQUIRED");
        }
        List<String> lines = List.of();
        if (lineIds != null) {
            if (lineIds.size() > SaleSelection.MAX_IDS) {
                violations.add("lineIds", "TOO_MANY", SaleSelection.MAX_IDS);
            } else {
                lines = lineIds.stream().map(id -> id == null ? "" : id.strip()).toList();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).isEmpty()) {
                        violations.add("lineIds[" + i + "]", "REQUIRED");
                    }
                }
            }
        }
        violations.throwIfAny();
        return new SalesDecision(lines, Objects.requireNonNull(decision), why);
    }
}
