package org.directbill.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a database of its own: an in-memory H2 in PostgreSQL mode by
 * default, or a fresh PostgreSQL database when the build runs the database-facing tests again on
 * PostgreSQL ({@code -Ddirectbill.test.database=postgresql}).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String DATABASE_PROPERTY = "directbill.test.database";

    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty(DATABASE_PROPERTY));
    }

    static String postgresUrl() {
        return env("DIRECTBILL_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    static String postgresUser() {
        return env("DIRECTBILL_TEST_POSTGRES_USER", "postgres");
    }

    static String postgresPassword() {
        return env("DIRECTBILL_TEST_POSTGRES_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Whether the PostgreSQL server answers; the reason when it does not. */
    static String postgresProblem() {
        try (Connection ignored = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword())) {
            return null;
        } catch (SQLException unreachable) {
            return unreachable.getMessage();
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = onPostgres() ? freshPostgresDatabase() : freshH2Database();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-database", properties));
    }

    private static Map<String, Object> freshH2Database() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        return Map.of(
                "spring.datasource.url",
                "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username",
                "sa",
                "spring.datasource.password",
                "");
    }

    private static Map<String, Object> freshPostgresDatabase() {
        String name = "directbill_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        String server = postgresUrl();
        String url = server.substring(0, server.lastIndexOf('/') + 1) + name;
        return Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", postgresUser(),
                "spring.datasource.password", postgresPassword());
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException(
                    "PostgreSQL test database: " + sql + " failed: " + failure.getMessage(), failure);
        }
    }
}
