package org.directbill.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL database a benchmark runs on: a fresh one it creates (and drops at the end), or an
 * existing one named with {@code --database}. The server is {@code DIRECTBILL_BENCH_POSTGRES_URL}
 * (default the local one at 127.0.0.1:5432), as {@code DIRECTBILL_BENCH_POSTGRES_USER} (default
 * {@code postgres}) with {@code DIRECTBILL_BENCH_POSTGRES_PASSWORD}.
 */
record BenchDatabase(String name, boolean fresh) {

    static BenchDatabase create() {
        String name = "directbill_bench_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        return new BenchDatabase(name, true);
    }

    static BenchDatabase existing(String name) {
        return new BenchDatabase(name, false);
    }

    String url() {
        String server = serverUrl();
        return server.substring(0, server.lastIndexOf('/') + 1) + name;
    }

    static String user() {
        return env("DIRECTBILL_BENCH_POSTGRES_USER", "postgres");
    }

    static String password() {
        return env("DIRECTBILL_BENCH_POSTGRES_PASSWORD", "");
    }

    void drop() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static String serverUrl() {
        return env("DIRECTBILL_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl(), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException(sql + " failed: " + failure.getMessage(), failure);
        }
    }
}
