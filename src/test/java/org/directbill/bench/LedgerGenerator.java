package org.directbill.bench;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * A seeded generator of synthetic sales ledgers (ledger-format.md) for the benchmarks: the same
 * settings give the same files, byte for byte.
 *
 * <p>{@code partners} partner global accounts, each with 1–3 locations (9-digit location IDs), share
 * {@code lines} ledger lines, skewed: the first partner holds exactly {@code biggestPartnerLines}
 * and the others a Zipf share of the rest (a few big partners, a long tail of small ones, each at
 * least one line). Lines come as invoices of 1–20 lines of one customer, location, currency,
 * billing date and paid date; partners are interleaved through the file. Values look like a billing
 * export: mostly counted categories, currencies among USD, EUR, GBP, JPY, CAD and AUD, billing dates
 * on each location's monthly invoicing day over the given period (a billing system invoices on a
 * cycle, not any day), paid dates spread from 3 to 60 days after, about 90% paid, about 3% negative credits, amounts with up to 4
 * decimals, and some product names that need CSV quoting.
 *
 * <p>The ledger streams: the state kept is per partner and per location, never per line, so 5
 * million lines take no more memory than 5,000. Besides the ledger it writes the partners and
 * locations it uses, so that a benchmark can register them, and an ECB-shaped exchange-rate file
 * with a rate for each currency on every business day (Monday to Friday) of the period.
 *
 * <p>{@code java … org.directbill.bench.LedgerGenerator --out DIR [--seed S] [--partners N]
 * [--lines M] [--biggest B] [--first-billing-date D] [--last-billing-date D]}
 */
public final class LedgerGenerator {

    /** The columns of the ledger file, in the order of ledger-format.md. */
    public static final List<String> LEDGER_COLUMNS = List.of(
            "line_id",
            "invoice_id",
            "location_id",
            "customer_id",
            "customer_country",
            "product_category",
            "product_name",
            "charge_type",
            "billing_date",
            "paid_date",
            "amount",
            "currency");

    /** The currencies of the ledger; the rate file has every one but EUR (the ECB's base). */
    public static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "CAD", "AUD");

    static final String LEDGER_FILE = "ledger.csv";
    static final String PARTNERS_FILE = "partners.csv";
    static final String LOCATIONS_FILE = "locations.csv";
    static final String RATES_FILE = "rates.csv";

    private static final String RANDOM_ALGORITHM = "L64X128MixRandom";
    private static final int MAX_INVOICE_LINES = 20;
    private static final int EXPORT_DELAY_DAYS = 7;
    private static final long LOCATION_ID_RANGE = 900_000_000L;
    // A prime, so coprime to LOCATION_ID_RANGE: index -> id is a bijection, ids never collide.
    private static final long LOCATION_ID_STEP = 982_451_653L;

    private record Market(String country, String currency, String suffix, int weight) {}

    private static final List<Market> MARKETS = List.of(
            new Market("US", "USD", "Inc.", 28),
            new Market("GB", "GBP", "Ltd", 12),
            new Market("FR", "EUR", "SAS", 10),
            new Market("DE", "EUR", "GmbH", 10),
            new Market("NL", "EUR", "B.V.", 5),
            new Market("IE", "EUR", "Ltd", 3),
            new Market("ES", "EUR", "S.L.", 4),
            new Market("IT", "EUR", "S.r.l.", 4),
            new Market("JP", "JPY", "K.K.", 8),
            new Market("CA", "CAD", "Inc.", 8),
            new Market("AU", "AUD", "Pty Ltd", 8));

    private static final String[] NAMES = {
        "Contoso",
        "Fabrikam",
        "Northwind",
        "Tailspin",
        "Adatum",
        "Litware",
        "Proseware",
        "Wingtip",
        "Woodgrove",
        "Alpine"
    };
    private static final String[] TRADES = {"Cloud", "Systems", "IT Services", "Digital", "Solutions"};

    private record Category(String code, int weight, int decimals, String[] products, String[] charges) {}

    // About 85% of the lines in the four categories counted by default (ProductCategory.DEFAULT_COUNTED).
    private static final List<Category> CATEGORIES = List.of(
            new Category(
                    "AZURE_CONSUMPTION",
                    40,
                    4,
                    new String[] {
                        "Azure Virtual Machines", "Azure SQL Database", "Azure Blob Storage", "Azure Kubernetes Service"
                    },
                    new String[] {"USAGE"}),
            new Category(
                    "LICENSE_SUBSCRIPTION",
                    25,
                    2,
                    new String[] {
                        "Microsoft 365 E3",
                        "Microsoft 365 Business Premium",
                        "Office 365 E1",
                        "Dynamics 365 Sales, Enterprise"
                    },
                    new String[] {"NEW", "RENEW", "RENEW", "RENEW", "ADD_QUANTITY"}),
            new Category(
                    "AZURE_RESERVATION",
                    10,
                    2,
                    new String[] {"Reserved VM Instance, 1 year", "Reserved VM Instance, 3 years"},
                    new String[] {"NEW", "RENEW"}),
            new Category(
                    "MARKETPLACE_SAAS",
                    10,
                    2,
                    new String[] {"Contoso Backup for \"Microsoft 365\"", "Fabrikam SIEM"},
                    new String[] {"NEW", "RENEW", "ADD_QUANTITY"}),
            new Category(
                    "SOFTWARE_SUBSCRIPTION",
                    10,
                    2,
                    new String[] {"Windows Server 2022 Datacenter, 1 year", "SQL Server 2022 Standard, 3 years"},
                    new String[] {"NEW", "RENEW"}),
            new Category(
                    "PERPETUAL_SOFTWARE",
                    5,
                    2,
                    new String[] {"Office LTSC Professional Plus 2024", "Windows Server 2025 Standard - 16 core"},
                    new String[] {"NEW"}));

    // Rough units of each currency per USD, for amounts of similar worth whatever the currency.
    private static final Map<String, Double> PER_USD =
            Map.of("USD", 1.0, "EUR", 0.92, "GBP", 0.79, "JPY", 150.0, "CAD", 1.36, "AUD", 1.52);

    // ECB columns: currency, units per EUR at the start, decimals as the ECB publishes them.
    private record RateSeries(String currency, double start, int decimals) {}

    private static final List<RateSeries> RATE_SERIES = List.of(
            new RateSeries("USD", 1.0837, 4),
            new RateSeries("JPY", 159.79, 2),
            new RateSeries("GBP", 0.85365, 5),
            new RateSeries("CAD", 1.4725, 4),
            new RateSeries("AUD", 1.6318, 4));

    /** What to generate. */
    public record Settings(
            long seed,
            int partners,
            long lines,
            long biggestPartnerLines,
            LocalDate firstBillingDate,
            LocalDate lastBillingDate) {

        /** Three years of billing dates, up to the end of October 2026. */
        public static final LocalDate DEFAULT_FIRST_BILLING_DATE = LocalDate.parse("2023-11-01");

        public static final LocalDate DEFAULT_LAST_BILLING_DATE = LocalDate.parse("2026-10-31");

        public Settings {
            if (partners < 1) {
                throw new IllegalArgumentException("at least one partner: " + partners);
            }
            if (biggestPartnerLines < 1 || biggestPartnerLines > lines - (partners - 1)) {
                throw new IllegalArgumentException("the biggest partner holds 1 to lines - (partners - 1) lines, "
                        + "so that every partner has one: " + biggestPartnerLines);
            }
            if (lastBillingDate.isBefore(firstBillingDate)) {
                throw new IllegalArgumentException("the billing dates end before they start");
            }
        }

        /** The default period; the biggest partner holds a fifth of the lines, at most a million. */
        public static Settings of(long seed, int partners, long lines) {
            return of(seed, partners, lines, Math.max(1, Math.min(1_000_000L, lines / 5)));
        }

        public static Settings of(long seed, int partners, long lines, long biggestPartnerLines) {
            return new Settings(
                    seed, partners, lines, biggestPartnerLines, DEFAULT_FIRST_BILLING_DATE, DEFAULT_LAST_BILLING_DATE);
        }

        /** The day the file was exported: no payment after it is known. */
        public LocalDate exportDate() {
            return lastBillingDate.plusDays(EXPORT_DELAY_DAYS);
        }
    }

    /** A partner global account the ledger uses, with the number of ledger lines it holds. */
    public record SyntheticPartner(
            UUID id, String legalName, String country, long lines, List<SyntheticLocation> locations) {}

    /** A location of a partner; its invoices are mostly in its country's currency. */
    public record SyntheticLocation(String locationId, UUID partnerId, String country, String currency) {}

    private final Settings settings;
    private final List<SyntheticPartner> partners;

    public LedgerGenerator(Settings settings) {
        this.settings = settings;
        this.partners = List.copyOf(makePartners());
    }

    public Settings settings() {
        return settings;
    }

    /** The partners, the biggest first; their lines add up to the settings' lines. */
    public List<SyntheticPartner> partners() {
        return partners;
    }

    public SyntheticPartner biggestPartner() {
        return partners.get(0);
    }

    private List<SyntheticPartner> makePartners() {
        RandomGenerator random = random(1);
        long[] lines = lineShares();
        long locationIdOffset = Math.floorMod(random.nextLong(), LOCATION_ID_RANGE);
        long locationIndex = 0;
        List<SyntheticPartner> made = new ArrayList<>(settings.partners());
        for (int p = 0; p < settings.partners(); p++) {
            UUID id = UUID.nameUUIDFromBytes(
                    ("directbill-bench/" + settings.seed() + "/" + p).getBytes(StandardCharsets.UTF_8));
            Market home = market(random);
            String name = "%s %s %05d %s"
                    .formatted(
                            NAMES[random.nextInt(NAMES.length)],
                            TRADES[random.nextInt(TRADES.length)],
                            p + 1,
                            home.suffix());
            int locationCount = 1 + random.nextInt(3);
            List<SyntheticLocation> locations = new ArrayList<>(locationCount);
            for (int l = 0; l < locationCount; l++) {
                Market market = l == 0 ? home : market(random);
                long number = Math.floorMod(locationIndex++ * LOCATION_ID_STEP + locationIdOffset, LOCATION_ID_RANGE);
                locations.add(new SyntheticLocation(
                        String.valueOf(100_000_000L + number), id, market.country(), market.currency()));
            }
            made.add(new SyntheticPartner(id, name, home.country(), lines[p], List.copyOf(locations)));
        }
        return made;
    }

    /** The first partner holds the biggest share; the others a Zipf share of the rest, each at least one. */
    private long[] lineShares() {
        int n = settings.partners();
        long[] shares = new long[n];
        shares[0] = settings.biggestPartnerLines();
        if (n == 1) {
            return shares;
        }
        long rest = settings.lines() - settings.biggestPartnerLines() - (n - 1);
        double weights = 0;
        for (int rank = 1; rank < n; rank++) {
            weights += 1.0 / rank;
        }
        long given = 0;
        for (int rank = 1; rank < n; rank++) {
            long share = (long) Math.floor(rest * (1.0 / rank) / weights);
            shares[rank] = 1 + share;
            given += share;
        }
        for (int rank = 1; given < rest; rank = rank % (n - 1) + 1, given++) {
            shares[rank]++;
        }
        return shares;
    }

    /** Writes the ledger, header first; closes nothing. */
    public void writeLedger(Writer out) throws IOException {
        CsvWriter csv = csv(out);
        csv.writeRecord(LEDGER_COLUMNS);
        new Ledger(csv).write();
        csv.flush();
    }

    /** {@code partner_id,legal_name,country,lines}. */
    public void writePartners(Writer out) throws IOException {
        CsvWriter csv = csv(out);
        csv.writeRecord("partner_id", "legal_name", "country", "lines");
        for (SyntheticPartner partner : partners) {
            csv.writeRecord(
                    partner.id().toString(), partner.legalName(), partner.country(), String.valueOf(partner.lines()));
        }
        csv.flush();
    }

    /** {@code location_id,partner_id,country}. */
    public void writeLocations(Writer out) throws IOException {
        CsvWriter csv = csv(out);
        csv.writeRecord("location_id", "partner_id", "country");
        for (SyntheticPartner partner : partners) {
            for (SyntheticLocation location : partner.locations()) {
                csv.writeRecord(location.locationId(), partner.id().toString(), location.country());
            }
        }
        csv.flush();
    }

    /**
     * ECB-shaped reference rates (units per EUR), newest first as the ECB publishes them, with a
     * trailing empty column: every business day from two weeks before the first billing date to
     * the last one, a slow random walk per currency.
     */
    public void writeRates(Writer out) throws IOException {
        RandomGenerator random = random(3);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = settings.firstBillingDate().minusDays(14);
                !day.isAfter(settings.lastBillingDate());
                day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        String[][] cells = new String[days.size()][RATE_SERIES.size()];
        for (int c = 0; c < RATE_SERIES.size(); c++) {
            RateSeries series = RATE_SERIES.get(c);
            double level = 1.0;
            for (int d = 0; d < days.size(); d++) {
                // ±0.4% a day, pulled back towards the start so that three years stay plausible.
                level = level * (1 + (random.nextDouble() - 0.5) * 0.008) + (1.0 - level) * 0.01;
                cells[d][c] = BigDecimal.valueOf(
                                Math.round(series.start() * level * StrictMath.pow(10, series.decimals())))
                        .movePointLeft(series.decimals())
                        .toPlainString();
            }
        }
        CsvWriter csv = csv(out);
        List<String> header = new ArrayList<>();
        header.add("Date");
        RATE_SERIES.forEach(series -> header.add(series.currency()));
        header.add("");
        csv.writeRecord(header);
        for (int d = days.size() - 1; d >= 0; d--) {
            List<String> row = new ArrayList<>();
            row.add(days.get(d).toString());
            row.addAll(List.of(cells[d]));
            row.add("");
            csv.writeRecord(row);
        }
        csv.flush();
    }

    /** Writes the four files into {@code directory}, creating it. */
    public void writeFiles(Path directory) throws IOException {
        Files.createDirectories(directory);
        try (Writer out = Files.newBufferedWriter(directory.resolve(LEDGER_FILE), StandardCharsets.UTF_8)) {
            writeLedger(out);
        }
        try (Writer out = Files.newBufferedWriter(directory.resolve(PARTNERS_FILE), StandardCharsets.UTF_8)) {
            writePartners(out);
        }
        try (Writer out = Files.newBufferedWriter(directory.resolve(LOCATIONS_FILE), StandardCharsets.UTF_8)) {
            writeLocations(out);
        }
        try (Writer out = Files.newBufferedWriter(directory.resolve(RATES_FILE), StandardCharsets.UTF_8)) {
            writeRates(out);
        }
    }

    /** One pass over the ledger: the state is per partner (lines left to write), never per line. */
    private final class Ledger {

        private final CsvWriter csv;
        private final RandomGenerator random = random(2);
        private final RemainingLines remaining;
        private final long lineIdSalt;
        private long lineNumber;
        private long invoiceNumber;

        Ledger(CsvWriter csv) {
            this.csv = csv;
            this.remaining = new RemainingLines(
                    partners.stream().mapToLong(SyntheticPartner::lines).toArray());
            this.lineIdSalt = random.nextLong();
        }

        void write() {
            while (remaining.total() > 0) {
                int p = remaining.pick(random.nextLong(remaining.total()));
                // Small invoices are the most common: 1 + ⌊20·u²⌋, about 7 lines on average.
                double u = random.nextDouble();
                int size = (int) Math.min(remaining.of(p), Math.min(MAX_INVOICE_LINES, 1 + (long) (20 * u * u)));
                remaining.take(p, size);
                invoice(partners.get(p), size);
            }
        }

        private void invoice(SyntheticPartner partner, int size) {
            SyntheticLocation location =
                    partner.locations().get(random.nextInt(partner.locations().size()));
            String invoiceId = "INV-" + decimal(++invoiceNumber, 10);
            long customers = Math.max(1, partner.lines() / 40);
            String customerId = "CUST-" + partner.id().toString().substring(0, 8) + "-" + random.nextLong(customers);
            double countryDraw = random.nextDouble();
            String customerCountry = countryDraw < 0.92
                    ? location.country()
                    : countryDraw < 0.95 ? "" : market(random).country();
            double currencyDraw = random.nextDouble();
            String currency = currencyDraw < 0.85
                    ? location.currency()
                    : currencyDraw < 0.95 ? "USD" : CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            LocalDate billing = billingDate(location);
            LocalDate paid = random.nextDouble() < 0.925 ? billing.plusDays(3 + random.nextInt(58)) : null;
            String paidDate = paid == null || paid.isAfter(settings.exportDate()) ? "" : paid.toString();
            String billingDate = billing.toString();
            for (int i = 0; i < size; i++) {
                line(invoiceId, location, customerId, customerCountry, billingDate, paidDate, currency);
            }
        }

        /**
         * A billing date as a billing system sets them: each location invoices on its own day of the
         * month (from its ID, 1 to 28), in a month drawn over the period, rather than on any day.
         */
        private LocalDate billingDate(SyntheticLocation location) {
            int day = 1 + Math.floorMod(location.locationId().hashCode(), 28);
            java.time.YearMonth first = java.time.YearMonth.from(settings.firstBillingDate());
            java.time.YearMonth last = java.time.YearMonth.from(settings.lastBillingDate());
            int months = (int) first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
            LocalDate billing = first.plusMonths(random.nextInt(months)).atDay(day);
            if (billing.isBefore(settings.firstBillingDate())) {
                return settings.firstBillingDate();
            }
            return billing.isAfter(settings.lastBillingDate()) ? settings.lastBillingDate() : billing;
        }

        private void line(
                String invoiceId,
                SyntheticLocation location,
                String customerId,
                String customerCountry,
                String billingDate,
                String paidDate,
                String currency) {
            Category category = category(random);
            boolean credit = random.nextDouble() < 0.03;
            String charge = credit
                    ? category.code().equals("AZURE_CONSUMPTION") ? "CREDIT" : "REFUND"
                    : category.charges()[random.nextInt(category.charges().length)];
            csv.writeRecord()
                    .writeField(lineId(++lineNumber))
                    .writeField(invoiceId)
                    .writeField(location.locationId())
                    .writeField(customerId)
                    .writeField(customerCountry)
                    .writeField(category.code())
                    .writeField(category.products()[random.nextInt(category.products().length)])
                    .writeField(charge)
                    .writeField(billingDate)
                    .writeField(paidDate)
                    .writeField(amount(category, currency, credit))
                    .writeField(currency)
                    .endRecord();
        }

        /** A worth between 0.50 and 20,000 USD, mostly small (log-uniform, skewed down), in the currency. */
        private String amount(Category category, String currency, boolean credit) {
            double worth = StrictMath.exp(
                    StrictMath.log(0.5) + StrictMath.pow(random.nextDouble(), 1.5) * StrictMath.log(40_000));
            int decimals = currency.equals("JPY") ? Math.max(0, category.decimals() - 2) : category.decimals();
            long units = Math.max(1, Math.round(worth * PER_USD.get(currency) * StrictMath.pow(10, decimals)));
            return BigDecimal.valueOf(credit ? -units : units, decimals).toPlainString();
        }

        /** Unique, and random-looking as a billing system's ids are: a bijection of the line number. */
        private String lineId(long number) {
            return hex16(mix(number + lineIdSalt));
        }
    }

    /** Lines left to write per partner, in a Fenwick tree: a partner drawn by its share in O(log n). */
    private static final class RemainingLines {

        private final long[] tree;
        private final long[] left;
        private long total;

        RemainingLines(long[] lines) {
            left = lines.clone();
            tree = new long[lines.length + 1];
            for (int i = 0; i < lines.length; i++) {
                add(i, lines[i]);
                total += lines[i];
            }
        }

        long total() {
            return total;
        }

        long of(int partner) {
            return left[partner];
        }

        void take(int partner, long lines) {
            left[partner] -= lines;
            total -= lines;
            add(partner, -lines);
        }

        /** The partner whose range of the remaining lines holds {@code draw} (0 ≤ draw < total). */
        int pick(long draw) {
            int position = 0;
            for (int step = Integer.highestOneBit(left.length); step > 0; step >>= 1) {
                int next = position + step;
                if (next <= left.length && tree[next] <= draw) {
                    position = next;
                    draw -= tree[next];
                }
            }
            return position;
        }

        private void add(int partner, long delta) {
            for (int i = partner + 1; i < tree.length; i += i & -i) {
                tree[i] += delta;
            }
        }
    }

    private RandomGenerator random(int stream) {
        return RandomGeneratorFactory.of(RANDOM_ALGORITHM).create(mix(settings.seed() * 31 + stream));
    }

    private static Market market(RandomGenerator random) {
        int total = MARKETS.stream().mapToInt(Market::weight).sum();
        int draw = random.nextInt(total);
        for (Market market : MARKETS) {
            draw -= market.weight();
            if (draw < 0) {
                return market;
            }
        }
        throw new AssertionError();
    }

    private static Category category(RandomGenerator random) {
        int draw = random.nextInt(100);
        for (Category category : CATEGORIES) {
            draw -= category.weight();
            if (draw < 0) {
                return category;
            }
        }
        throw new AssertionError();
    }

    /** The finalizer of SplitMix64: a bijection of the longs that scatters neighbours. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String hex16(long number) {
        String text = Long.toHexString(number);
        return "0".repeat(16 - text.length()) + text;
    }

    private static String decimal(long number, int digits) {
        String text = Long.toString(number);
        return "0".repeat(Math.max(0, digits - text.length())) + text;
    }

    private static CsvWriter csv(Writer out) {
        return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
    }

    public static void main(String[] args) throws IOException {
        BenchOptions options = BenchOptions.parse(args);
        Settings settings = options.settings();
        Path out = options.path("out", Path.of("target/bench/data"));
        long started = System.nanoTime();
        new LedgerGenerator(settings).writeFiles(out);
        System.out.printf(
                "Wrote %,d lines of %,d partners (seed %d) to %s in %.1f s%n",
                settings.lines(), settings.partners(), settings.seed(), out, (System.nanoTime() - started) / 1e9);
    }
}
