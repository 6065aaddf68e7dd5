package org.directbill.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.directbill.bench.LedgerGenerator.Settings;
import org.directbill.bench.LedgerGenerator.SyntheticLocation;
import org.directbill.bench.LedgerGenerator.SyntheticPartner;
import org.directbill.partner.domain.Location;
import org.directbill.revenue.domain.EcbRateFile;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.revenue.domain.ReferenceRate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LedgerGeneratorTest {

    static final Settings SMALL = Settings.of(7, 120, 20_000, 4_000);
    static final Pattern AMOUNT = Pattern.compile("-?\\d+(\\.\\d{1,4})?");

    static LedgerGenerator generator;
    static List<NamedCsvRecord> lines;

    @BeforeAll
    static void generateOnce() throws IOException {
        generator = new LedgerGenerator(SMALL);
        lines = records(ledger(generator));
    }

    static String ledger(LedgerGenerator generator) throws IOException {
        StringWriter out = new StringWriter();
        generator.writeLedger(out);
        return out.toString();
    }

    static String rates(LedgerGenerator generator) throws IOException {
        StringWriter out = new StringWriter();
        generator.writeRates(out);
        return out.toString();
    }

    static List<NamedCsvRecord> records(String csv) throws IOException {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(new StringReader(csv))) {
            return reader.stream().toList();
        }
    }

    @Test
    void the_same_seed_gives_the_same_files_byte_for_byte_and_another_seed_other_files() throws IOException {
        LedgerGenerator again = new LedgerGenerator(SMALL);
        LedgerGenerator other = new LedgerGenerator(Settings.of(8, 120, 20_000, 4_000));

        assertThat(ledger(again)).isEqualTo(ledger(generator));
        assertThat(rates(again)).isEqualTo(rates(generator));
        StringWriter partners = new StringWriter();
        StringWriter partnersAgain = new StringWriter();
        generator.writePartners(partners);
        again.writePartners(partnersAgain);
        assertThat(partnersAgain).hasToString(partners.toString());

        assertThat(ledger(other)).isNotEqualTo(ledger(generator));
        assertThat(other.partners().get(0).id())
                .isNotEqualTo(generator.partners().get(0).id());
    }

    @Test
    void the_ledger_has_the_columns_of_the_ledger_format_and_exactly_the_lines_asked_with_unique_ids()
            throws IOException {
        StringWriter out = new StringWriter();
        generator.writeLedger(out);
        String header = out.toString().lines().findFirst().orElseThrow();

        assertThat(header).isEqualTo(String.join(",", LedgerGenerator.LEDGER_COLUMNS));
        assertThat(lines).hasSize(20_000);
        assertThat(lines.stream().map(line -> line.getField("line_id")).collect(Collectors.toSet()))
                .hasSize(20_000);
        assertThat(lines).allSatisfy(line -> assertThat(line.getFieldCount()).isEqualTo(12));
    }

    @Test
    void every_value_has_the_format_an_import_accepts() {
        Set<String> locations = generator.partners().stream()
                .flatMap(partner -> partner.locations().stream())
                .map(SyntheticLocation::locationId)
                .collect(Collectors.toSet());

        assertThat(lines).allSatisfy(line -> {
            assertThat(line.getField("line_id")).hasSize(16);
            assertThat(line.getField("invoice_id")).isNotBlank();
            assertThat(line.getField("customer_id")).isNotBlank().hasSizeLessThanOrEqualTo(64);
            assertThat(locations).contains(line.getField("location_id"));
            assertThat(ProductCategory.parse(line.getField("product_category"))).isPresent();
            assertThat(LedgerGenerator.CURRENCIES).contains(line.getField("currency"));
            assertThat(line.getField("amount")).matches(AMOUNT);
            assertThat(new BigDecimal(line.getField("amount"))).isNotZero();
            LocalDate billing = LocalDate.parse(line.getField("billing_date"));
            assertThat(billing).isBetween(SMALL.firstBillingDate(), SMALL.lastBillingDate());
            if (!line.getField("paid_date").isEmpty()) {
                assertThat(LocalDate.parse(line.getField("paid_date")))
                        .isAfter(billing)
                        .isBeforeOrEqualTo(SMALL.exportDate());
            }
        });
        // Some product names hold a comma or a quote, and come back whole.
        assertThat(lines)
                .anySatisfy(line -> assertThat(line.getField("product_name")).contains("\""));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line.getField("product_name")).contains(","));
    }

    @Test
    void locations_have_nine_digit_ids_that_no_two_locations_share() {
        List<SyntheticLocation> all = generator.partners().stream()
                .flatMap(partner -> partner.locations().stream())
                .toList();

        assertThat(generator.partners())
                .allSatisfy(partner -> assertThat(partner.locations()).hasSizeBetween(1, 3));
        assertThat(all).allSatisfy(location -> {
            assertThat(location.locationId()).matches("[1-9]\\d{8}");
            assertThat(Location.isLocationId(location.locationId())).isTrue();
        });
        assertThat(all.stream().map(SyntheticLocation::locationId).distinct()).hasSize(all.size());
    }

    @Test
    void the_lines_are_skewed_over_the_partners_the_biggest_holding_exactly_its_share() {
        Map<String, String> partnerOfLocation = new HashMap<>();
        generator
                .partners()
                .forEach(partner -> partner.locations()
                        .forEach(location -> partnerOfLocation.put(location.locationId(), partner.id() + "")));
        Map<String, Long> linesPerPartner = lines.stream()
                .collect(Collectors.groupingBy(
                        line -> partnerOfLocation.get(line.getField("location_id")), Collectors.counting()));

        assertThat(generator.partners())
                .allSatisfy(partner ->
                        assertThat(linesPerPartner.get(partner.id() + "")).isEqualTo(partner.lines()));
        assertThat(generator.biggestPartner().lines()).isEqualTo(4_000);
        assertThat(generator.partners().stream()
                        .mapToLong(SyntheticPartner::lines)
                        .sum())
                .isEqualTo(20_000);
        // A few big partners, a long tail: the second holds far more than the median partner.
        List<Long> sizes = generator.partners().stream()
                .map(SyntheticPartner::lines)
                .sorted()
                .toList();
        assertThat(generator.partners().get(1).lines()).isGreaterThan(10 * sizes.get(sizes.size() / 2));
    }

    @Test
    void invoices_group_one_to_twenty_lines_of_one_location_customer_currency_and_dates() {
        Map<String, List<NamedCsvRecord>> invoices =
                lines.stream().collect(Collectors.groupingBy(line -> line.getField("invoice_id")));

        assertThat(invoices.values()).allSatisfy(invoice -> {
            assertThat(invoice).hasSizeBetween(1, 20);
            for (String column : List.of("location_id", "customer_id", "currency", "billing_date", "paid_date")) {
                assertThat(invoice.stream().map(line -> line.getField(column)).distinct())
                        .as(column)
                        .hasSize(1);
            }
        });
    }

    @Test
    void values_are_spread_as_in_a_real_export() {
        assertThat(share(line -> !line.getField("paid_date").isEmpty())).isBetween(0.85, 0.95);
        assertThat(share(line -> line.getField("amount").startsWith("-"))).isBetween(0.02, 0.04);
        assertThat(share(line -> ProductCategory.DEFAULT_COUNTED.contains(
                        ProductCategory.valueOf(line.getField("product_category")))))
                .isBetween(0.8, 0.9);
        assertThat(share(line -> line.getField("amount").matches("-?\\d+\\.\\d{4}")))
                .isGreaterThan(0.3);
        assertThat(lines.stream().map(line -> line.getField("currency")).distinct())
                .containsExactlyInAnyOrderElementsOf(LedgerGenerator.CURRENCIES);
        Set<Integer> years = new HashSet<>();
        lines.forEach(
                line -> years.add(LocalDate.parse(line.getField("billing_date")).getYear()));
        assertThat(years).containsExactlyInAnyOrder(2023, 2024, 2025, 2026);
    }

    private static double share(java.util.function.Predicate<NamedCsvRecord> test) {
        return lines.stream().filter(test).count() / (double) lines.size();
    }

    @Test
    void the_rate_file_is_accepted_by_the_ecb_reader_with_every_currency_on_every_business_day() throws IOException {
        List<ReferenceRate> rates = new ArrayList<>();
        EcbRateFile.Outcome outcome = EcbRateFile.read(new StringReader(rates(generator)), 500, rates::addAll);

        assertThat(outcome.accepted()).isTrue();
        List<LocalDate> businessDays = SMALL.firstBillingDate()
                .minusDays(14)
                .datesUntil(SMALL.lastBillingDate().plusDays(1))
                .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
                .toList();
        assertThat(outcome.rowsRead()).isEqualTo(businessDays.size());
        Map<String, Set<LocalDate>> days = rates.stream()
                .collect(Collectors.groupingBy(
                        ReferenceRate::currency, Collectors.mapping(ReferenceRate::publishedOn, Collectors.toSet())));
        assertThat(days.keySet()).containsExactlyInAnyOrder("USD", "JPY", "GBP", "CAD", "AUD");
        assertThat(days.values()).allSatisfy(covered -> assertThat(covered).containsAll(businessDays));
    }

    @Test
    void the_partners_and_locations_files_name_what_the_ledger_uses() throws IOException {
        StringWriter partners = new StringWriter();
        StringWriter locations = new StringWriter();
        generator.writePartners(partners);
        generator.writeLocations(locations);

        assertThat(records(partners.toString())).hasSize(120).first().satisfies(first -> {
            assertThat(first.getField("partner_id"))
                    .isEqualTo(generator.biggestPartner().id().toString());
            assertThat(first.getField("lines")).isEqualTo("4000");
        });
        assertThat(records(locations.toString())).hasSize((int) generator.partners().stream()
                .mapToLong(partner -> partner.locations().size())
                .sum());
    }

    @Test
    void settings_that_leave_a_partner_without_a_line_are_refused() {
        assertThatThrownBy(() -> Settings.of(1, 10, 100, 95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Settings.of(1, 0, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
