package org.directbill.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Loads a ledger file with one PostgreSQL {@code COPY} straight into {@code ledger_line}, trusting
 * the file (the generator's files are valid): no validation, no duplicate handling, no rollups.
 * Stands in for the ledger import until it exists.
 */
final class CopyLedgerLoader implements LedgerLoader {

    private final DataSource dataSource;

    CopyLedgerLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long load(Path ledgerCsv) throws IOException {
        String columns;
        try (BufferedReader header = Files.newBufferedReader(ledgerCsv, StandardCharsets.UTF_8)) {
            columns = header.readLine();
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                Reader lines = Files.newBufferedReader(ledgerCsv, StandardCharsets.UTF_8)) {
            connection.setAutoCommit(false);
            // The file has no import_id; every line gets the id of this one load.
            statement.execute("ALTER TABLE ledger_line ALTER COLUMN import_id SET DEFAULT '" + UUID.randomUUID() + "'");
            long loaded = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY ledger_line (" + columns + ") FROM STDIN WITH (FORMAT csv, HEADER true)", lines);
            statement.execute("ALTER TABLE ledger_line ALTER COLUMN import_id DROP DEFAULT");
            connection.commit();
            return loaded;
        } catch (SQLException failure) {
            throw new IllegalStateException("COPY of " + ledgerCsv + " failed: " + failure.getMessage(), failure);
        }
    }
}
