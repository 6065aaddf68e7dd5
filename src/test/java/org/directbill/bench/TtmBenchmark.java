package org.directbill.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.directbill.DirectbillApplication;
import org.directbill.bench.LedgerGenerator.SyntheticLocation;
import org.directbill.bench.LedgerGenerator.SyntheticPartner;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.Locations;
import org.directbill.partner.domain.PartnerId;
import org.directbill.policy.Evaluations;
import org.directbill.policy.domain.Evaluation;
import org.directbill.revenue.ExchangeRates;
import org.directbill.revenue.domain.RevenueGroup;
import org.directbill.revenue.domain.RevenueResult;
import org.directbill.revenue.domain.TtmCalculator;
import org.directbill.revenue.domain.TtmParameters;
import org.directbill.revenue.domain.TtmWindow;
import org.directbill.revenue.domain.UsdRates;
import org.directbill.revenue.internal.LedgerRollups;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The TTM figures of the speed issue, on PostgreSQL (docs/benchmarks.md): (a) one partner holding
 * a million ledger lines, its TTM computed again and again; (c) the same partner's evaluation
 * against the policy in force, as the API makes and stores it; (b) every partner's TTM in one batch.
 *
 * <p>Starts the application (profile {@code postgres}) on a fresh database, registers the
 * generator's partners and locations, imports its rates through {@link ExchangeRates#importEcb},
 * loads its ledger through a {@link LedgerLoader} and rebuilds the rollups, then measures. The TTM
 * of a partner is read as the service will read it: its locations, their rollups in the window
 * ({@link LedgerRollups#of}) and the {@link TtmCalculator} over the real {@link UsdRates}, in one
 * read-only transaction. When the revenue module's {@code Revenue} service (its per-partner TTM)
 * lands, {@link #ttm} is the one method to switch to it.
 *
 * <p>Options: those of {@link LedgerGenerator} (default 10,000 partners, 5 million lines, the biggest
 * holding a million), {@code --warmup 50}, {@code --runs 200}, {@code --data DIR} (generated files,
 * reused when already there), {@code --database NAME} (an already loaded database: no loading),
 * {@code --keep-database}, {@code --cluster-rollups} (a variant: the rollups physically ordered by
 * location and billing date before measuring), {@code --skip-all} (not (b), every partner's TTM).
 */
public final class TtmBenchmark {

    /** The day these figures were first recorded: every TTM is computed as of it. */
    static final LocalDate AS_OF = LocalDate.parse("2026-11-21");

    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LedgerGenerator generator;
    private final ConfigurableApplicationContext app;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Locations locations;
    private final LedgerRollups rollups;
    private final TtmCalculator calculator;
    private final TtmParameters parameters = TtmParameters.defaults();
    private final LocalDate from;
    private final LocalDate to;
    private final List<String> report = new ArrayList<>();

    private TtmBenchmark(LedgerGenerator generator, ConfigurableApplicationContext app) {
        this.generator = generator;
        this.app = app;
        this.jdbc = app.getBean(JdbcClient.class);
        this.readOnly = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        readOnly.setReadOnly(true);
        this.locations = app.getBean(Locations.class);
        this.rollups = app.getBean(LedgerRollups.class);
        this.calculator = new TtmCalculator(app.getBean(UsdRates.class));
        TtmWindow window = parameters.windowAsOf(AS_OF);
        this.from = window.start().atDay(1);
        this.to = window.end().atEndOfMonth();
    }

    public static void main(String[] args) throws IOException {
        BenchOptions options = BenchOptions.parse(args);
        LedgerGenerator generator = new LedgerGenerator(options.settings());
        BenchDatabase database = options.flag("database")
                ? BenchDatabase.existing(options.text("database", ""))
                : BenchDatabase.create();
        try (ConfigurableApplicationContext app = start(database)) {
            TtmBenchmark benchmark = new TtmBenchmark(generator, app);
            benchmark.header(database);
            if (database.fresh()) {
                benchmark.load(files(generator, options.path("data", Path.of("target/bench/data"))));
            }
            if (options.flag("cluster-rollups")) {
                benchmark.clusterRollups();
            }
            benchmark.countRollups();
            benchmark.onePartner((int) options.number("warmup", 50), (int) options.number("runs", 200));
            benchmark.oneEvaluation((int) options.number("warmup", 50), (int) options.number("runs", 200));
            if (!options.flag("skip-all")) {
                benchmark.allPartners();
            }
            benchmark.line("load average (1, 5, 15 min) at the end: " + Machine.load());
            benchmark.write(Path.of("target/bench"));
        } finally {
            if (database.fresh() && !options.flag("keep-database")) {
                database.drop();
            } else {
                System.out.println("Kept the database " + database.name());
            }
        }
    }

    /** The generated files for these settings, written once and reused (same settings, same bytes). */
    static Path files(LedgerGenerator generator, Path root) throws IOException {
        LedgerGenerator.Settings s = generator.settings();
        Path directory = root.resolve("seed%d-partners%d-lines%d-biggest%d-%s-%s"
                .formatted(
                        s.seed(),
                        s.partners(),
                        s.lines(),
                        s.biggestPartnerLines(),
                        s.firstBillingDate(),
                        s.lastBillingDate()));
        Path complete = directory.resolve("complete");
        if (!Files.exists(complete)) {
            long started = System.nanoTime();
            generator.writeFiles(directory);
            Files.writeString(complete, "");
            System.out.printf("Generated %,d lines into %s in %.1f s%n", s.lines(), directory, seconds(started));
        }
        return directory;
    }

    static ConfigurableApplicationContext start(BenchDatabase database) {
        // Command-line arguments: they win over application-postgres.yml.
        return new SpringApplicationBuilder(DirectbillApplication.class)
                .profiles("postgres")
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + BenchDatabase.user(),
                        "--spring.datasource.password=" + BenchDatabase.password(),
                        "--directbill.admin.password=" + ADMIN_PASSWORD,
                        "--logging.level.root=WARN");
    }

    private void header(BenchDatabase database) {
        LedgerGenerator.Settings s = generator.settings();
        report.add("## TTM benchmark, " + LocalDate.now() + " (database " + database.name() + ")\n");
        report.add(Machine.describe(jdbc).markdown());
        report.add("Load average (1, 5, 15 min) at the start: " + Machine.load() + "\n");
        report.add(
                "Data: seed %d, %,d partners, %,d lines (the biggest partner %,d), billing dates %s … %s; TTM as of %s (window %s … %s, default parameters).\n"
                        .formatted(
                                s.seed(),
                                s.partners(),
                                s.lines(),
                                s.biggestPartnerLines(),
                                s.firstBillingDate(),
                                s.lastBillingDate(),
                                AS_OF,
                                from,
                                to));
        System.out.println(String.join("\n", report));
    }

    private void load(Path files) throws IOException {
        step("register partners and locations (SQL)", () -> register(app, generator.partners()));
        step(
                "import the rates (ExchangeRates.importEcb)",
                () -> importRates(files.resolve(LedgerGenerator.RATES_FILE)));
        step("load the ledger (" + CopyLedgerLoader.class.getSimpleName() + ")", () -> {
            long loaded = new CopyLedgerLoader(app.getBean(DataSource.class))
                    .load(files.resolve(LedgerGenerator.LEDGER_FILE));
            if (loaded != generator.settings().lines()) {
                throw new IllegalStateException("loaded " + loaded + " lines");
            }
        });
        step(
                "rebuild the rollups (LedgerRollups.rebuild)",
                () -> new TransactionTemplate(app.getBean(PlatformTransactionManager.class))
                        .executeWithoutResult(status -> rollups.rebuild()));
        step("VACUUM ANALYZE", () -> {
            jdbc.sql("VACUUM ANALYZE ledger_line").update();
            jdbc.sql("VACUUM ANALYZE ledger_rollup").update();
            jdbc.sql("VACUUM ANALYZE ledger_rollup_month").update();
        });
    }

    /**
     * A variant, not what the application does: the rollups rewritten in the order of their unique
     * key, so that the rows of one location lie together and a partner's read touches few pages.
     */
    private void clusterRollups() throws IOException {
        step("CLUSTER ledger_rollup USING uq_ledger_rollup (a variant: the application does not do this)", () -> {
            jdbc.sql("CLUSTER ledger_rollup USING uq_ledger_rollup").update();
            jdbc.sql("ANALYZE ledger_rollup").update();
        });
    }

    private void countRollups() {
        long rollupRows =
                jdbc.sql("SELECT COUNT(*) FROM ledger_rollup").query(Long.class).single();
        line("rollup rows: %,d for %,d lines (%.1f lines per row)"
                .formatted(
                        rollupRows,
                        generator.settings().lines(),
                        generator.settings().lines() / (double) rollupRows));
    }

    private interface Step {
        void run() throws IOException;
    }

    private void step(String name, Step step) throws IOException {
        long started = System.nanoTime();
        step.run();
        line("setup: %s: %.1f s".formatted(name, seconds(started)));
    }

    /** As the partner directory stores them: the partner, its empty profile, its active locations. */
    static void register(ConfigurableApplicationContext app, List<SyntheticPartner> partners) {
        JdbcTemplate sql = app.getBean(JdbcTemplate.class);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> partnerRows = new ArrayList<>();
        List<Object[]> profileRows = new ArrayList<>();
        List<Object[]> locationRows = new ArrayList<>();
        for (SyntheticPartner partner : partners) {
            partnerRows.add(new Object[] {
                partner.id(),
                partner.legalName(),
                partner.country(),
                "1 Main Street",
                "Springfield",
                "12345",
                partner.country(),
                "Pat Contact",
                "contact@" + partner.id() + ".example",
                now
            });
            profileRows.add(new Object[] {partner.id()});
            for (SyntheticLocation location : partner.locations()) {
                locationRows.add(new Object[] {location.locationId(), partner.id(), location.country(), now});
            }
        }
        sql.batchUpdate(
                "INSERT INTO partner (id, legal_name, country, address_line1, address_city, address_postal_code,"
                        + " address_country, contact_name, contact_email, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                partnerRows);
        sql.batchUpdate("INSERT INTO partner_profile (partner_id) VALUES (?)", profileRows);
        sql.batchUpdate(
                "INSERT INTO location (location_id, partner_id, country, membership_status, created_at)"
                        + " VALUES (?, ?, ?, 'ACTIVE', ?)",
                locationRows);
    }

    /** Signs the current thread in as the bootstrap admin, as the services expect a caller. */
    static void signInAsAdmin(ConfigurableApplicationContext app) {
        UserDetails admin = app.getBean(UserDetailsService.class).loadUserByUsername("admin");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    }

    private void importRates(Path rates) throws IOException {
        signInAsAdmin(app);
        try (Reader csv = Files.newBufferedReader(rates, StandardCharsets.UTF_8)) {
            app.getBean(ExchangeRates.class).importEcb(csv);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A partner's TTM as of {@link #AS_OF}, read as the service reads it. */
    RevenueResult ttm(PartnerId partner) {
        return readOnly.execute(status -> calculator.compute(AS_OF, parameters, groups(partner)));
    }

    private List<RevenueGroup> groups(PartnerId partner) {
        List<String> ids =
                locations.ofPartner(partner).stream().map(Location::locationId).toList();
        return rollups.asOf(ids, from, to, AS_OF);
    }

    /** (a): warm-up, then timed runs; the read and the computation are also timed apart. */
    private void onePartner(int warmup, int runs) {
        SyntheticPartner partner = generator.biggestPartner();
        PartnerId id = new PartnerId(partner.id());
        RevenueResult result = null;
        for (int i = 0; i < warmup; i++) {
            result = ttm(id);
        }
        long[] total = new long[runs];
        long[] cpu = new long[runs];
        long[] reading = new long[runs];
        long[] computing = new long[runs];
        List<RevenueGroup> groups = List.of();
        for (int i = 0; i < runs; i++) {
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            result = ttm(id);
            total[i] = System.nanoTime() - started;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStarted;
        }
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            groups = readOnly.execute(status -> groups(id));
            long read = System.nanoTime();
            calculator.compute(AS_OF, parameters, groups);
            reading[i] = read - started;
            computing[i] = System.nanoTime() - read;
        }
        long linesInWindow = groups.stream().mapToLong(RevenueGroup::lines).sum();
        Timings timings = new Timings(total);
        line("(a) one partner, %,d lines (%d locations; %,d of them billed in the window, in %,d rollup rows):"
                        .formatted(partner.lines(), partner.locations().size(), linesInWindow, groups.size())
                + " %d warm-up runs, then %d timed: median %.1f ms, p95 %.1f ms, p99 %.1f ms (min %.1f, max %.1f)"
                        .formatted(
                                warmup,
                                timings.count(),
                                timings.medianMillis(),
                                timings.percentileMillis(95),
                                timings.percentileMillis(99),
                                timings.minMillis(),
                                timings.maxMillis()));
        // Wall time counts the waits for the database and for the CPU, which other work on a shared
        // machine lengthens; the benchmark thread's own CPU time does not.
        line("    the JVM's share: the benchmark thread's CPU time per run, median %.1f ms"
                .formatted(new Timings(cpu).medianMillis()));
        line(
                "    apart, %d runs more: reading the rollups median %.1f ms, computing median %.1f ms; TTM %s USD, %d missing rates"
                        .formatted(
                                runs,
                                new Timings(reading).medianMillis(),
                                new Timings(computing).medianMillis(),
                                result.total().rounded(),
                                result.missingRates().size()));
    }

    /**
     * (c): the same partner evaluated as the API does it ({@link Evaluations#evaluate}): its
     * locations, profile and support plans read, its revenue counted by the policy in force on
     * {@link #AS_OF}, every requirement checked, the snapshot and its digest stored; one
     * transaction per evaluation, signed in as the program admin.
     */
    private void oneEvaluation(int warmup, int runs) {
        SyntheticPartner partner = generator.biggestPartner();
        PartnerId id = new PartnerId(partner.id());
        Evaluations evaluations = app.getBean(Evaluations.class);
        TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        Evaluations.Request request =
                new Evaluations.Request(AS_OF, null, partner.locations().get(0).country());
        signInAsAdmin(app);
        try {
            Evaluation evaluation = null;
            for (int i = 0; i < warmup; i++) {
                evaluation = transaction.execute(status -> evaluations.evaluate(id, request));
            }
            long[] total = new long[runs];
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                evaluation = transaction.execute(status -> evaluations.evaluate(id, request));
                total[i] = System.nanoTime() - started;
            }
            long[] checking = new long[runs];
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                readOnly.execute(status -> evaluations.check(id, request));
                checking[i] = System.nanoTime() - started;
            }
            Timings timings = new Timings(total);
            line(
                    "(c) the same partner's evaluation (Evaluations.evaluate, policy %s, market %s, stored): %d warm-up runs, then %d timed: median %.1f ms, p95 %.1f ms, p99 %.1f ms (min %.1f, max %.1f); outcome %s"
                            .formatted(
                                    evaluation.policyId(),
                                    evaluation.market(),
                                    warmup,
                                    timings.count(),
                                    timings.medianMillis(),
                                    timings.percentileMillis(95),
                                    timings.percentileMillis(99),
                                    timings.minMillis(),
                                    timings.maxMillis(),
                                    evaluation.outcome()));
            line(
                    "    apart, %d runs more of the same answer not stored (Evaluations.check, read-only): median %.1f ms, p95 %.1f ms"
                            .formatted(
                                    runs,
                                    new Timings(checking).medianMillis(),
                                    new Timings(checking).percentileMillis(95)));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** (b): every partner, one after the other, each as its own read. */
    private void allPartners() {
        long started = System.nanoTime();
        long missing = 0;
        long partners = 0;
        for (SyntheticPartner partner : generator.partners()) {
            missing += ttm(new PartnerId(partner.id())).missingRates().size();
            partners++;
        }
        double seconds = seconds(started);
        line(
                "(b) all %,d partners' TTM in one batch (one thread, one read per partner): %.1f s (%.2f ms per partner); %d missing rates"
                        .formatted(partners, seconds, seconds * 1000 / partners, missing));
    }

    private void line(String text) {
        report.add("- " + text);
        System.out.println("- " + text);
    }

    private void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(
                "ttm-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, String.join("\n", report) + "\n");
        System.out.println("Wrote " + file);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
