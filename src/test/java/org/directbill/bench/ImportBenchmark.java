package org.directbill.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.directbill.revenue.LedgerImports;
import org.directbill.revenue.domain.FileFormat;
import org.directbill.revenue.domain.ImportKind;
import org.directbill.revenue.domain.ImportStatus;
import org.directbill.revenue.domain.LedgerImport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger import figures of the speed issue, on PostgreSQL (docs/benchmarks.md): a generated
 * ledger (default 5 million lines) imported through the real job ({@link LedgerImports#submit}, as
 * {@code POST /ledger/imports} does after receiving the file), its rate set beside that of {@code
 * psql \copy} of the same file into a table of the same columns with the same unique key on {@code
 * line_id} ({@code bench/copy-baseline.sh}), in the same run; and the peak Java heap during the
 * import, to be read with the JVM's heap capped ({@code BENCH_JVM="-Xmx512m"}: finishing at all
 * then shows the bound holds).
 *
 * <p>Options: those of {@link LedgerGenerator}, {@code --data DIR}.
 */
public final class ImportBenchmark {

    private static final Pattern LINES_PER_SECOND = Pattern.compile("([0-9][0-9,]*) lines/s");

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        LedgerGenerator generator = new LedgerGenerator(options.settings());
        Path files = TtmBenchmark.files(generator, options.path("data", Path.of("target/bench/data")));
        Path ledger = files.resolve(LedgerGenerator.LEDGER_FILE).toAbsolutePath();
        BenchDatabase database = BenchDatabase.create();
        List<String> report = new ArrayList<>();
        try (ConfigurableApplicationContext app = TtmBenchmark.start(database)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            report.add("## Ledger import benchmark, " + LocalDate.now() + " (database " + database.name() + ")\n");
            report.add(Machine.describe(jdbc).markdown());
            report.add("Load average (1, 5, 15 min) at the start: " + Machine.load() + "\n");
            report.add("JVM: max heap %,d MB (%s)\n"
                    .formatted(
                            Runtime.getRuntime().maxMemory() >> 20,
                            String.join(
                                    " ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
            TtmBenchmark.register(app, generator.partners());
            TtmBenchmark.signInAsAdmin(app);
            LedgerImports imports = app.getBean(LedgerImports.class);
            long lines = generator.settings().lines();
            long bytes = Files.size(ledger);

            System.gc();
            HeapSampler heap = new HeapSampler();
            heap.start();
            long started = System.nanoTime();
            LedgerImport job;
            try (InputStream body = Files.newInputStream(ledger)) {
                job = imports.submit(
                        ImportKind.LEDGER, FileFormat.CSV, ledger.getFileName().toString(), body);
            }
            do {
                Thread.sleep(200);
                job = imports.get(job.id());
            } while (!job.status().finished());
            double importSeconds = (System.nanoTime() - started) / 1e9;
            heap.interrupt();
            heap.join();
            long heapPeak = heap.peak;
            if (job.status() != ImportStatus.SUCCEEDED || job.linesImported() != lines) {
                throw new IllegalStateException("the import did not store every line: " + job);
            }
            double importRate = lines / importSeconds;

            String copyOutput = copyBaseline(ledger, database.name() + "_copy");
            Matcher rate = LINES_PER_SECOND.matcher(copyOutput);
            if (!rate.find()) {
                throw new IllegalStateException("no rate in the baseline's output: " + copyOutput);
            }
            double copyRate = Double.parseDouble(rate.group(1).replace(",", ""));

            report.add("Data: seed %d, %,d lines, %,d MB, %,d partners.\n"
                    .formatted(
                            generator.settings().seed(),
                            lines,
                            bytes >> 20,
                            generator.settings().partners()));
            report.add("| measure | value |\n|---|---|");
            report.add("| import (receive the file, read, check, store, rollups, commit) | %.1f s, %,.0f lines/s |"
                    .formatted(importSeconds, importRate));
            report.add("| `psql \\copy` of the same file, same run | %,.0f lines/s |".formatted(copyRate));
            report.add("| import rate / `\\copy` rate | **%.0f%%** |".formatted(100 * importRate / copyRate));
            report.add("| peak Java heap used during the import (sampled every 10 ms; garbage included) | **%,d MB** |"
                    .formatted(heapPeak >> 20));
            report.add("\nLoad average (1, 5, 15 min) at the end: " + Machine.load());
            String text = String.join("\n", report);
            System.out.println(text);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/import-" + System.currentTimeMillis() + ".md"), text + "\n");
        } finally {
            database.drop();
        }
    }

    private static String copyBaseline(Path ledger, String database) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bench/copy-baseline.sh", ledger.toString(), database)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("bench/copy-baseline.sh failed: " + output);
        }
        System.out.print(output);
        return output;
    }

    /** The most heap in use seen while the import ran, live objects and garbage not yet collected. */
    private static final class HeapSampler extends Thread {

        volatile long peak;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak = Math.max(
                        peak,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }
}
