package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Builds a ledger line for the tests: by default a paid USD Azure consumption sale of location
 * 1000001, billed on 2020-03-15 (inside the window as of {@link #AS_OF}), never selected for
 * verification.
 */
final class Sale {

    static final LocalDate AS_OF = LocalDate.of(2020, 9, 9);
    static final String LOCATION = "1000001";

    private static int next;

    private String locationId = LOCATION;
    private ProductCategory category = ProductCategory.AZURE_CONSUMPTION;
    private LocalDate billingDate = LocalDate.of(2020, 3, 15);
    private @Nullable LocalDate paidDate = LocalDate.of(2020, 4, 1);
    private final BigDecimal amount;
    private String currency = "USD";
    private VerificationState verification = VerificationState.NONE;

    private Sale(String amount) {
        this.amount = new BigDecimal(amount);
    }

    static Sale of(String amount) {
        return new Sale(amount);
    }

    Sale location(String locationId) {
        this.locationId = locationId;
        return this;
    }

    Sale category(ProductCategory category) {
        this.category = category;
        return this;
    }

    Sale billed(String date) {
        this.billingDate = LocalDate.parse(date);
        return this;
    }

    Sale paid(@Nullable String date) {
        this.paidDate = date == null ? null : LocalDate.parse(date);
        return this;
    }

    Sale unpaid() {
        return paid(null);
    }

    Sale in(String currency) {
        this.currency = currency;
        return this;
    }

    Sale verification(VerificationState verification) {
        this.verification = verification;
        return this;
    }

    RevenueLine line() {
        return new RevenueLine(
                "L-" + ++next, locationId, category, billingDate, paidDate, amount, currency, verification);
    }
}
