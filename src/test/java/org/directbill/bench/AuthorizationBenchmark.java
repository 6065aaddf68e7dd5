package org.directbill.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.directbill.support.Fixtures;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization decision's speed (issue 6): with an API key, at 64 concurrent connections, the
 * throughput of {@code POST /api/v1/authorizations} against a trivial endpoint of the same service
 * authenticated the same way ({@code GET /api/v1/me}), measured side by side in the same run, and
 * its latency percentiles.
 *
 * <p>Starts the service in a JVM of its own (profile {@code postgres}, a fresh PostgreSQL database,
 * a free port on 127.0.0.1; the test classes left off its classpath), and through its API as the
 * bootstrap admin registers partners with a location in France, an INTEGRATION machine account and
 * its API key. Half the partners are made direct-bill partners in France by SQL, written as the
 * compliance module writes a standing (the row, its market, the change counter counted up), which
 * the service takes by its poll as it would from another instance; a whole enrollment per partner
 * through the API would take minutes and measure nothing asked. A few of them are then restricted
 * through {@code POST /partners/{id}/status-actions}.
 *
 * <p>Then, all from 64 threads on kept-alive connections ({@link HttpLoad}): a warm-up alternating
 * the two endpoints,
 * the trivial endpoint and the authorization (every answer allowed, by partner and by location)
 * alternately in rounds, then a refused mix (half the answers refused, each refusal stored), and
 * last both endpoints again at a fixed rate ({@code --paced-rate 1000} a second, {@code
 * --paced-seconds 15} each), for their latency below saturation.
 * Stops the service and drops the database at the end.
 *
 * <p>Options: {@code --warmup 15} (seconds), {@code --seconds 30} (per endpoint, in {@code --rounds
 * 2}), {@code --refused-seconds 15} (0: none), {@code --connections 64}, {@code --partners 200},
 * {@code --keep-database}; the environment variable {@code BENCH_SERVICE_JVM} sets the service's JVM
 * options (default {@code -Xms1g -Xmx1g -XX:+UseG1GC}), {@code BENCH_SERVICE_ARGS} adds arguments
 * to its command line (e.g. {@code --logging.level.root=DEBUG}).
 */
public final class AuthorizationBenchmark {

    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ALLOWED_ACTIONS = List.of(
            "NEW_AZURE_SUBSCRIPTION",
            "NEW_LICENSE_SUBSCRIPTION",
            "CREATE_CUSTOMER",
            "RENEW_SUBSCRIPTION",
            "CHANGE_SEAT_COUNT");

    private final BenchOptions options;
    private final BenchDatabase database;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<String> report = new ArrayList<>();
    private final String adminAuthorization =
            "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private int port;
    private String base;
    private long servicePid;

    private record Partner(String id, String location) {}

    private AuthorizationBenchmark(BenchOptions options, BenchDatabase database) {
        this.options = options;
        this.database = database;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        BenchDatabase database = BenchDatabase.create();
        Process service = null;
        try {
            AuthorizationBenchmark benchmark = new AuthorizationBenchmark(options, database);
            service = benchmark.startService();
            benchmark.run();
        } finally {
            if (service != null) {
                service.destroy();
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly().waitFor();
                }
            }
            if (options.flag("keep-database")) {
                System.out.println("Kept the database " + database.name());
            } else {
                database.drop();
            }
        }
    }

    private Process startService() throws IOException, InterruptedException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        // The service as deployed: the test classes (and their configurations) left off its classpath.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(serviceJvm().split("\\s+")));
        command.addAll(List.of(
                "-cp",
                classpath,
                "org.directbill.DirectbillApplication",
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + BenchDatabase.user(),
                "--spring.datasource.password=" + BenchDatabase.password(),
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--directbill.admin.password=" + ADMIN_PASSWORD,
                "--directbill.data-dir=target/bench/authorization-data"));
        String extra = System.getenv("BENCH_SERVICE_ARGS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        Path log = Path.of("target/bench/authorization-service.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        servicePid = process.pid();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped; see " + log);
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) {
                    System.out.println("Service up on " + base + " (log: " + log + ")");
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not start within 3 minutes; see " + log);
    }

    private String serviceJvm() {
        String set = System.getenv("BENCH_SERVICE_JVM");
        return set == null || set.isBlank() ? "-Xms1g -Xmx1g -XX:+UseG1GC" : set.strip();
    }

    private void run() throws Exception {
        int connections = (int) options.number("connections", 64);
        int partnerCount = (int) options.number("partners", 200);
        JdbcClient jdbc = JdbcClient.create(new SimpleDriverDataSource(
                new Driver(), database.url(), BenchDatabase.user(), BenchDatabase.password()));
        report.add("## Authorization benchmark, " + LocalDate.now() + "\n");
        report.add(Machine.describe(jdbc).markdown());
        report.add(
                "Service JVM: `" + serviceJvm() + "`, profile `postgres` (PostgreSQL database "
                        + database.name() + "), on 127.0.0.1:" + port + "; load: " + connections
                        + " threads, each on a kept-alive HTTP/1.1 connection of its own (plain sockets), in the benchmark's JVM.\n");
        report.add("Load average (1, 5, 15 min) at the start: " + Machine.load() + "\n");

        // Seed through the API: partners with a location in France, the machine account and its key.
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < partnerCount; i++) {
            String id = created("/api/v1/partners", Fixtures.partnerBody("Bench partner " + i, "FR"))
                    .get("id")
                    .asString();
            String location = Fixtures.uniqueLocationId();
            created("/api/v1/partners/" + id + "/locations", """
                    {"locationId": "%s", "country": "FR", "membershipStatus": "ACTIVE"}""".formatted(location));
            partners.add(new Partner(id, location));
        }
        String userId = created("/api/v1/users", """
                {"email": "ordering-platform@bench.example", "displayName": "Ordering platform", "password": "%s",
                 "roles": ["INTEGRATION"], "locale": "en"}""".formatted(Fixtures.PASSWORD))
                .get("id")
                .asString();
        String key = created("/api/v1/users/" + userId + "/api-keys", "{\"name\": \"bench\"}")
                .get("key")
                .asString();
        String bearer = "Bearer " + key;

        List<Partner> active = partners.subList(0, partnerCount / 2);
        List<Partner> none = partners.subList(partnerCount / 2, partnerCount);
        activateBySql(active);
        waitUntilAllowed(bearer, active.get(active.size() - 1));
        List<Partner> restricted = active.subList(0, Math.max(1, active.size() / 10));
        for (Partner partner : restricted) {
            call("POST", "/api/v1/partners/" + partner.id() + "/status-actions", adminAuthorization, """
                    {"action": "RESTRICT", "reason": "Benchmark"}""");
        }
        List<Partner> allowedOnly = active.subList(restricted.size(), active.size());

        List<String> allowedBodies = new ArrayList<>();
        List<String> refusedBodies = new ArrayList<>();
        for (int i = 0; i < allowedOnly.size(); i++) {
            Partner partner = allowedOnly.get(i);
            String action = ALLOWED_ACTIONS.get(i % ALLOWED_ACTIONS.size());
            allowedBodies.add(i % 2 == 0 ? byPartner(partner, action) : byLocation(partner, action));
        }
        for (int i = 0; i < none.size(); i++) {
            Partner partner = i % 2 == 0 ? none.get(i) : restricted.get(i % restricted.size());
            refusedBodies.add(i % 4 < 2 ? byPartner(partner, "NEW_ADDON") : byLocation(partner, "NEW_ADDON"));
        }
        check(bearer, allowedBodies, true);
        check(bearer, refusedBodies, false);

        HttpLoad load = new HttpLoad(
                "127.0.0.1", port, connections, ProcessHandle.of(servicePid).orElseThrow());
        List<byte[]> trivial = List.of(load.request("GET", "/api/v1/me", bearer, null));
        List<byte[]> allowed = allowedBodies.stream()
                .map(body -> load.request("POST", "/api/v1/authorizations", bearer, body))
                .toList();
        List<byte[]> refused = refusedBodies.stream()
                .map(body -> load.request("POST", "/api/v1/authorizations", bearer, body))
                .toList();
        List<byte[]> mix = new ArrayList<>();
        for (int i = 0; i < Math.max(allowed.size(), refused.size()); i++) {
            mix.add(allowed.get(i % allowed.size()));
            mix.add(refused.get(i % refused.size()));
        }
        Duration warmup = Duration.ofSeconds(options.number("warmup", 15));
        int rounds = (int) options.number("rounds", 2);
        Duration round = Duration.ofSeconds(options.number("seconds", 30)).dividedBy(rounds);
        System.out.println("Warming up for " + warmup.toSeconds() + " s");
        load.run("warm-up", trivial, warmup.dividedBy(2));
        load.run("warm-up", allowed, warmup.dividedBy(2));
        List<HttpLoad.Result> trivialRounds = new ArrayList<>();
        List<HttpLoad.Result> allowedRounds = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            System.out.println("Round " + (r + 1) + " of " + rounds);
            trivialRounds.add(load.run("GET /api/v1/me", trivial, round));
            allowedRounds.add(load.run("POST /api/v1/authorizations (allowed)", allowed, round));
        }
        HttpLoad.Result me = HttpLoad.Result.merge("`GET /api/v1/me` (trivial)", trivialRounds);
        HttpLoad.Result authorizations =
                HttpLoad.Result.merge("`POST /api/v1/authorizations`, every answer allowed", allowedRounds);
        List<HttpLoad.Result> results = new ArrayList<>(List.of(me, authorizations));
        long refusalsBefore = count(jdbc);
        long refusedSeconds = options.number("refused-seconds", 15);
        if (refusedSeconds > 0) {
            System.out.println("Refused mix for " + refusedSeconds + " s");
            results.add(load.run(
                    "`POST /api/v1/authorizations`, half refused (each refusal stored)",
                    mix,
                    Duration.ofSeconds(refusedSeconds)));
        }
        long refusalsStored = count(jdbc) - refusalsBefore;
        double pacedRate = options.number("paced-rate", 1000);
        long pacedSeconds = options.number("paced-seconds", 15);
        List<HttpLoad.Result> paced = new ArrayList<>();
        if (pacedSeconds > 0) {
            System.out.println("Paced at " + pacedRate + "/s for " + pacedSeconds + " s per endpoint");
            paced.add(load.run("`GET /api/v1/me` (trivial)", trivial, Duration.ofSeconds(pacedSeconds), pacedRate));
            paced.add(load.run(
                    "`POST /api/v1/authorizations`, every answer allowed",
                    allowed,
                    Duration.ofSeconds(pacedSeconds),
                    pacedRate));
        }

        report.add("As fast as answers come (each connection sends its next request when its answer arrives):\n");
        table(results);
        double ratio = authorizations.perSecond() / me.perSecond();
        double p99 = authorizations.latencies().percentileMillis(99);
        report.add("");
        report.add("Warm-up %d s; then %d rounds of %d s per endpoint, alternating (trivial, authorization)."
                .formatted(warmup.toSeconds(), rounds, round.toSeconds()));
        report.add(
                "Authorization / trivial throughput: **%.0f%%** (target ≥ 50%%): %s. Authorization p99 **%.2f ms** (target < 10 ms): %s."
                        .formatted(ratio * 100, ratio >= 0.5 ? "met" : "MISSED", p99, p99 < 10 ? "met" : "MISSED"));
        if (refusedSeconds > 0) {
            report.add("Refusals stored during the refused mix: %,d (every refused answer).".formatted(refusalsStored));
        }
        if (!paced.isEmpty()) {
            report.add(
                    "\nPaced: %,.0f requests a second in all over the same %d connections, each latency counted from when its request was due:\n"
                            .formatted(pacedRate, connections));
            table(paced);
        }
        report.add("\nLoad average (1, 5, 15 min) at the end: " + Machine.load());
        write();
    }

    private void table(List<HttpLoad.Result> results) {
        report.add(
                "| load | answers | per second | p50 ms | p95 ms | p99 ms | max ms | errors | service CPU µs per answer | load generator CPU µs per answer |");
        report.add("|---|---|---|---|---|---|---|---|---|---|");
        for (HttpLoad.Result result : results) {
            Timings t = result.latencies();
            report.add("| %s | %,d in %.1f s | **%,.0f** | %.2f | %.2f | **%.2f** | %.1f | %d%s | %.0f | %.0f |"
                    .formatted(
                            result.name(),
                            result.answers(),
                            result.seconds(),
                            result.perSecond(),
                            t.medianMillis(),
                            t.percentileMillis(95),
                            t.percentileMillis(99),
                            t.maxMillis(),
                            result.errors(),
                            result.errors() == 0 ? "" : " (first: HTTP " + result.firstErrorStatus() + ")",
                            result.serviceCpuMicrosPerAnswer(),
                            result.clientCpuMicrosPerAnswer()));
        }
    }

    private void activateBySql(List<Partner> partners) throws SQLException {
        LocalDate since = LocalDate.of(2024, 3, 1);
        try (Connection connection =
                DriverManager.getConnection(database.url(), BenchDatabase.user(), BenchDatabase.password())) {
            connection.setAutoCommit(false);
            try (Statement counter = connection.createStatement();
                    PreparedStatement standing = connection.prepareStatement(
                            "INSERT INTO direct_bill_standing (partner_id, status, since, first_active_on, version,"
                                    + " change_no, updated_at) VALUES (?, 'ACTIVE', ?, ?, 1, ?, CURRENT_TIMESTAMP)");
                    PreparedStatement market = connection.prepareStatement(
                            "INSERT INTO direct_bill_market (partner_id, market, added_on) VALUES (?, 'FR', ?)")) {
                for (Partner partner : partners) {
                    counter.executeUpdate("UPDATE compliance_change_counter SET counter = counter + 1 WHERE id = 1");
                    long changeNo;
                    try (ResultSet rs =
                            counter.executeQuery("SELECT counter FROM compliance_change_counter WHERE id = 1")) {
                        rs.next();
                        changeNo = rs.getLong(1);
                    }
                    UUID id = UUID.fromString(partner.id());
                    standing.setObject(1, id);
                    standing.setObject(2, since);
                    standing.setObject(3, since);
                    standing.setLong(4, changeNo);
                    standing.executeUpdate();
                    market.setObject(1, id);
                    market.setObject(2, since);
                    market.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    /** The service takes standings written by another hand through its poll: wait for it. */
    private void waitUntilAllowed(String bearer, Partner partner) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode answer =
                    JSON.readTree(call("POST", "/api/v1/authorizations", bearer, byPartner(partner, "NEW_ADDON")));
            if (answer.get("allowed").asBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service did not take the standings written by SQL within 10 s");
    }

    /** Every request of a load answers as expected before it is timed. */
    private void check(String bearer, List<String> bodies, boolean allowed) throws Exception {
        for (String body : bodies) {
            JsonNode answer = JSON.readTree(call("POST", "/api/v1/authorizations", bearer, body));
            if (answer.get("allowed").asBoolean() != allowed) {
                throw new IllegalStateException("expected allowed=" + allowed + ", got " + answer);
            }
        }
    }

    private static String byPartner(Partner partner, String action) {
        return "{\"partnerId\": \"%s\", \"action\": \"%s\"}".formatted(partner.id(), action);
    }

    private static String byLocation(Partner partner, String action) {
        return "{\"locationId\": \"%s\", \"action\": \"%s\"}".formatted(partner.location(), action);
    }

    private static long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM authorization_refusal")
                .query(Long.class)
                .single();
    }

    private JsonNode created(String path, String body) throws Exception {
        return JSON.readTree(call("POST", path, adminAuthorization, body));
    }

    private String call(String method, String path, String authorization, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private void write() throws IOException {
        String text = String.join("\n", report) + "\n";
        System.out.println(text);
        Path out = Path.of("target/bench/authorization-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println("Written to " + out);
    }
}
