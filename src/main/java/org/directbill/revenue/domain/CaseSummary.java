package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.directbill.partner.domain.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * A case as a list shows it: where it stands, its due date, how many sales are in each state, and
 * their amount per currency (amounts in different currencies are never added together).
 */
public record CaseSummary(
        VerificationCaseId id,
        PartnerId partnerId,
        CaseStatus status,
        @Nullable LocalDate dueDate,
        boolean overdue,
        Instant openedAt,
        String openedBy,
        @Nullable Instant closedAt,
        Counts sales,
        List<CurrencyAmount> amounts) {

    public CaseSummary {
        Objects.requireNonNull(id);
        Objects.requireNonNull(partnerId);
        Objects.requireNonNull(status);
        Objects.requireNonNull(openedAt);
        Objects.requireNonNull(openedBy);
        Objects.requireNonNull(sales);
        amounts = List.copyOf(amounts);
    }

    /** The sales of a case by where they stand. */
    public record Counts(long total, long open, long verified, long rejected) {}

    /** The sum of a case's sales in one currency, exact. */
    public record CurrencyAmount(String currency, BigDecimal amount) {

        public CurrencyAmount {
            Objects.requireNonNull(currency);
            Objects.requireNonNull(amount);
        }

        /** The amount as written: at least two decimals, more only when the ledger has them. */
        public String plain() {
            return CaseSummary.plain(amount);
        }
    }

    /** An amount with at least two decimals and no trailing zero beyond them: 10.50, 10.1234. */
    public static String plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 2
                ? amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                : stripped.toPlainString();
    }
}
