package org.directbill.revenue.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The rate in force for a currency on a billing date: the latest publication on or before that
 * date that has both USD and the currency, unless it is older than the allowed age, in which case
 * the rate is missing (domain.md, TTM step 6).
 */
public interface UsdRates {

    Optional<UsdRate> on(String currency, LocalDate billingDate);
}
