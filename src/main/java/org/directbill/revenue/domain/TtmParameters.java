package org.directbill.revenue.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The parameters of a {@code TTM_REVENUE} requirement that shape the computation (domain.md, TTM
 * steps 2 and 4): the window's length in months, the day of month the ledger is refreshed, and the
 * categories counted as cloud revenue. The threshold is not here: it belongs to {@link
 * TtmRequirement}, since the revenue view shows the same figures with or without one.
 */
public record TtmParameters(int windowMonths, int refreshDay, Set<ProductCategory> countedCategories) {

    public TtmParameters {
        TtmWindow.requireValid(windowMonths, refreshDay);
        Objects.requireNonNull(countedCategories);
        countedCategories = Set.copyOf(countedCategories);
    }

    public static TtmParameters of(int windowMonths, int refreshDay, Collection<ProductCategory> countedCategories) {
        EnumSet<ProductCategory> counted = EnumSet.noneOf(ProductCategory.class);
        counted.addAll(countedCategories);
        return new TtmParameters(windowMonths, refreshDay, counted);
    }

    /** 12 months, refreshed on day 8, the four cloud categories: the rules when a policy names none. */
    public static TtmParameters defaults() {
        return of(TtmWindow.DEFAULT_MONTHS, TtmWindow.DEFAULT_REFRESH_DAY, ProductCategory.DEFAULT_COUNTED);
    }

    public TtmWindow windowAsOf(LocalDate asOf) {
        return TtmWindow.asOf(asOf, windowMonths, refreshDay);
    }

    public boolean counts(ProductCategory category) {
        return countedCategories.contains(category);
    }
}
