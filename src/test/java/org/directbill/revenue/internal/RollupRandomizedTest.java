package org.directbill.revenue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.directbill.revenue.LedgerFiles;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.revenue.domain.RevenueGroup;
import org.directbill.revenue.domain.RevenueLine;
import org.directbill.revenue.domain.RevenueResult;
import org.directbill.revenue.domain.TtmCalculator;
import org.directbill.revenue.domain.TtmParameters;
import org.directbill.revenue.domain.UsdRate;
import org.directbill.revenue.domain.VerificationState;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Random ledgers fed through the real imports — new lines, credits, repeats, older exports, paid
 * dates arriving by ledger and by payments file — and after each import the rollups compared with a
 * from-scratch recomputation, and the TTM read from the rollups (as they are, and with their paid
 * dates summed in the database as the revenue reads them) compared with the TTM computed from the
 * stored lines one by one, for random as-of dates. Seeded: a failure replays.
 */
@IntegrationTest
class RollupRandomizedTest {

    private static final long SEED = 20_201_027L;
    private static final int ROUNDS = 12;
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY", "GBP");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    /** Made-up but fixed rates: both paths convert with the same ones, which is all this compares. */
    private final TtmCalculator calculator =
            new TtmCalculator((currency, date) -> currency.equals("GBP") && date.getDayOfMonth() == 13
                    ? Optional.empty() // a missing rate now and then
                    : Optional.of(new UsdRate(
                            currency,
                            date,
                            new BigDecimal("1.0865"),
                            switch (currency) {
                                case "EUR" -> BigDecimal.ONE;
                                case "JPY" -> new BigDecimal("157.12");
                                default -> new BigDecimal("0.8573");
                            })));

    @Test
    void rollupsKeptByImportsAlwaysEqualARecomputationAndGiveTheSameTtm() throws Exception {
        Random random = new Random(SEED);
        Fixtures fixtures = new Fixtures(mvc);
        LedgerFiles ledger = new LedgerFiles(mvc);
        String partner = fixtures.createPartner(Fixtures.unique("Random "));
        List<String> locations = List.of(
                fixtures.addLocation(partner, "FR", "ACTIVE"),
                fixtures.addLocation(partner, "DE", "ACTIVE"),
                fixtures.addLocation(partner, "US", "SUSPENDED"));
        String prefix = Fixtures.unique("R");
        Map<String, String> sent = new TreeMap<>(); // line id → the line as first sent
        int next = 0;

        for (int round = 0; round < ROUNDS; round++) {
            List<String> lines = new ArrayList<>();
            int fresh = 5 + random.nextInt(30);
            for (int i = 0; i < fresh; i++) {
                String id = prefix + "-" + next++;
                String line = LedgerFiles.line(
                        id,
                        prefix + "-INV" + random.nextInt(12),
                        locations.get(random.nextInt(locations.size())),
                        ProductCategory.values()[random.nextInt(ProductCategory.values().length)].name(),
                        LocalDate.of(2020, 1, 1).plusDays(random.nextInt(500)).toString(),
                        random.nextInt(3) == 0
                                ? ""
                                : LocalDate.of(2020, 3, 1)
                                        .plusDays(random.nextInt(500))
                                        .toString(),
                        amount(random),
                        CURRENCIES.get(random.nextInt(CURRENCIES.size())));
                sent.put(id, line);
                lines.add(line);
            }
            // repeats of earlier lines: as sent (duplicates) or, for unpaid ones, now paid
            List<String> earlier = new ArrayList<>(sent.keySet());
            for (int i = 0; i < random.nextInt(10) && !earlier.isEmpty(); i++) {
                String line = sent.get(earlier.get(random.nextInt(earlier.size())));
                String[] cells = line.split(",", -1);
                if (cells[9].isEmpty() && random.nextBoolean()) {
                    cells[9] = LocalDate.parse(cells[8])
                            .plusDays(random.nextInt(90))
                            .toString();
                }
                lines.add(String.join(",", cells));
            }
            java.util.Collections.shuffle(lines, random);
            JsonNode job = ledger.importLedger(LedgerFiles.file(lines.toArray(String[]::new)));
            assertThat(job.get("status").asString())
                    .as("round %d: %s", round, job)
                    .isEqualTo("SUCCEEDED");
            if (random.nextBoolean()) {
                JsonNode paid = ledger.importPayments("invoice_id,paid_date\n" + prefix + "-INV" + random.nextInt(12)
                        + "," + LocalDate.of(2021, 1, 1).plusDays(random.nextInt(200)) + "\n");
                assertThat(paid.get("status").asString()).isIn("SUCCEEDED", "FAILED"); // paid on another day: refused
            }

            assertThat(rollups.all()).containsExactlyInAnyOrderElementsOf(rollups.recomputedFromLedger());
            assertThat(rollups.monthlyAgreeWithExact())
                    .as("round %d: the monthly rollups", round)
                    .isTrue();
            for (int check = 0; check < 4; check++) {
                // as-of dates in the middle of the payments, where a paid month splits on its days
                LocalDate asOf = LocalDate.of(2020, 6, 1).plusDays(random.nextInt(500));
                RevenueResult fromRollups = calculator.compute(
                        asOf,
                        TtmParameters.defaults(),
                        rollups.of(locations, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)));
                RevenueResult fromLines = calculator.compute(asOf, TtmParameters.defaults(), storedLines(locations));
                assertThat(fromRollups).as("round %d as of %s", round, asOf).isEqualTo(fromLines);
                RevenueResult fromCollapsed = calculator.compute(
                        asOf,
                        TtmParameters.defaults(),
                        rollups.asOf(locations, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), asOf));
                assertThat(fromCollapsed)
                        .as("round %d as of %s, paid dates summed in the database", round, asOf)
                        .isEqualTo(fromLines);
            }
        }
    }

    private static String amount(Random random) {
        BigDecimal value = BigDecimal.valueOf(random.nextLong(-50_000_000L, 500_000_000L), 4);
        return value.toPlainString();
    }

    private List<RevenueGroup> storedLines(List<String> locations) {
        return jdbc.sql("SELECT line_id, location_id, product_category, billing_date, paid_date, amount, currency,"
                        + " verification FROM ledger_line WHERE location_id IN (:locations)")
                .param("locations", locations)
                .query((row, n) -> new RevenueLine(
                                row.getString("line_id"),
                                row.getString("location_id"),
                                ProductCategory.valueOf(row.getString("product_category")),
                                row.getDate("billing_date").toLocalDate(),
                                row.getDate("paid_date") == null
                                        ? null
                                        : row.getDate("paid_date").toLocalDate(),
                                row.getBigDecimal("amount"),
                                row.getString("currency").strip(),
                                VerificationState.valueOf(row.getString("verification")))
                        .toGroup())
                .list();
    }
}
