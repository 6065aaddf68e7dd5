package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedUsdRatesTest {

    /** The ECB sample: January 2024, weekdays but New Year's Day; no CHF on the 17th. */
    static RateHistory january2024() {
        return history(EcbRateFileTest.sample());
    }

    static RateHistory history(String csv) {
        List<ReferenceRate> rates = new ArrayList<>();
        EcbRateFile.read(new StringReader(csv), 100, rates::addAll).throwIfRefused();
        return RateHistory.of(rates);
    }

    private final UsdRates rates = new PublishedUsdRates(january2024(), PublishedUsdRates.DEFAULT_MAX_AGE_DAYS);

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void a_weekday_uses_that_days_publication() {
        UsdRate jpy = rates.on("JPY", day("2024-01-31")).orElseThrow();

        assertThat(jpy.publishedOn()).isEqualTo("2024-01-31");
        assertThat(jpy.usdPerEur()).isEqualTo("1.0837");
        assertThat(jpy.currencyPerEur()).isEqualTo("159.79");
    }

    @Test
    void a_weekend_falls_back_to_fridays_publication() {
        assertThat(rates.on("GBP", day("2024-01-13")).orElseThrow().publishedOn())
                .isEqualTo("2024-01-12");
        assertThat(rates.on("GBP", day("2024-01-14")).orElseThrow().publishedOn())
                .isEqualTo("2024-01-12");
    }

    @Test
    void a_holiday_falls_back_to_the_last_publication_before_it() {
        UsdRates overNewYear = new PublishedUsdRates(
                history("Date,USD,JPY,\n2024-01-02,1.0956,160.28,\n2023-12-29,1.1050,156.33,\n"), 10);

        UsdRate newYearsDay = overNewYear.on("JPY", day("2024-01-01")).orElseThrow();

        assertThat(newYearsDay.publishedOn()).isEqualTo("2023-12-29");
        assertThat(newYearsDay.currencyPerEur()).isEqualTo("156.33");
    }

    @Test
    void a_publication_ten_days_old_is_still_used_and_one_eleven_days_old_is_missing() {
        assertThat(rates.on("CHF", day("2024-02-10")).orElseThrow().publishedOn())
                .isEqualTo("2024-01-31");
        assertThat(rates.on("CHF", day("2024-02-11"))).isEmpty();
        assertThat(rates.on("EUR", day("2024-02-11"))).isEmpty();
    }

    @Test
    void the_maximum_age_is_a_setting() {
        UsdRates strict = new PublishedUsdRates(january2024(), 1);

        assertThat(strict.on("JPY", day("2024-01-13"))).isPresent(); // Friday's, 1 day old
        assertThat(strict.on("JPY", day("2024-01-14"))).isEmpty(); // Friday's, 2 days old
    }

    @Test
    void a_currency_missing_on_a_day_usd_is_published_takes_both_rates_from_the_last_day_with_both() {
        UsdRate chf = rates.on("CHF", day("2024-01-17")).orElseThrow();

        assertThat(chf.publishedOn()).isEqualTo("2024-01-16");
        assertThat(chf.usdPerEur()).isEqualTo("1.0875"); // the 16th's, not the 17th's 1.0866
        assertThat(chf.currencyPerEur()).isEqualTo("0.9368");
    }

    @Test
    void euros_convert_at_the_usd_per_eur_rate() {
        UsdRate eur = rates.on("EUR", day("2024-01-31")).orElseThrow();

        assertThat(eur.publishedOn()).isEqualTo("2024-01-31");
        assertThat(eur.toUsd(new BigDecimal("100.00"))).isEqualByComparingTo("108.37");
    }

    @Test
    void dollars_convert_at_exactly_one_with_no_publication() {
        UsdRate usd = rates.on("USD", day("1999-01-01")).orElseThrow();

        assertThat(usd.publishedOn()).isNull();
        assertThat(usd.toUsd(new BigDecimal("312345.67"))).isEqualTo("312345.67");
    }

    @Test
    void yen_convert_as_the_amount_times_usd_per_eur_divided_by_yen_per_eur_without_rounding() {
        UsdRate jpy = rates.on("JPY", day("2024-01-31")).orElseThrow();

        // 1000 × 1.0837 ÷ 159.79, to 34 significant digits (DECIMAL128), never rounded to cents.
        assertThat(jpy.toUsd(new BigDecimal("1000"))).isEqualTo(new BigDecimal("6.782026409662682270480005006571125"));
    }

    @Test
    void pounds_convert_the_same_way_from_the_same_publication() {
        UsdRate gbp = rates.on("GBP", day("2024-01-30")).orElseThrow();

        // 250.50 × 1.0846 ÷ 0.85490
        assertThat(gbp.toUsd(new BigDecimal("250.50")))
                .isEqualTo(new BigDecimal("317.8059422154637969353140718212656"));
    }

    @Test
    void a_currency_never_published_or_a_day_before_the_first_publication_has_no_rate() {
        assertThat(rates.on("SEK", day("2024-01-31"))).isEmpty();
        assertThat(rates.on("JPY", day("2023-12-31"))).isEmpty();
        assertThat(rates.on("XYZ", day("2024-01-31"))).isEmpty();
    }

    @Test
    void a_negative_maximum_age_is_refused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new PublishedUsdRates(january2024(), -1));
    }
}
