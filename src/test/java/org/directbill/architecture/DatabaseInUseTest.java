package org.directbill.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.directbill.support.IntegrationTest;
import org.directbill.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Proves each pass of the database tests really runs on the database it claims. */
@IntegrationTest
class DatabaseInUseTest {

    @Autowired
    DataSource dataSource;

    @Test
    void the_tests_run_on_the_database_of_this_pass() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(TestDatabase.onPostgres() ? "PostgreSQL" : "H2");
        }
    }
}
