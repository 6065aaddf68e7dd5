package org.directbill.revenue.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes many rows into a table in the current transaction, streaming: on PostgreSQL through {@code
 * COPY} (pgjdbc's copy API, fed as rows come), elsewhere through JDBC batches. While a COPY is
 * open its connection does nothing else: close the writer before running another statement.
 */
@Component
class BulkLoader {

    private static final int BATCH = 1000;
    private static final int BUFFER = 1 << 16;

    private final DataSource dataSource;
    private final JdbcTemplate batches;
    private final boolean postgres;

    BulkLoader(DataSource dataSource, JdbcTemplate batches) {
        this.dataSource = dataSource;
        this.batches = batches;
        this.postgres = isPostgres(dataSource);
    }

    /** Rows for one table; close it to send the last ones (and to end a COPY, which checks them). */
    interface Writer extends AutoCloseable {
        void add(Object... values);

        @Override
        void close();

        /** Gives up: rows not sent yet are dropped, and a COPY still open is cancelled. */
        void abort();
    }

    Writer open(String table, List<String> columns) {
        return postgres ? new CopyWriter(table, columns) : new BatchWriter(table, columns);
    }

    /** Through JDBC batches whatever the database: safe while a query is being read on the connection. */
    Writer openBatched(String table, List<String> columns) {
        return new BatchWriter(table, columns);
    }

    static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
        } catch (SQLException unreachable) {
            throw new IllegalStateException("cannot tell which database is in use", unreachable);
        }
    }

    /** COPY … FROM STDIN (CSV): an empty unquoted value is NULL, which is what an absent value is. */
    private final class CopyWriter implements Writer {

        private final PGCopyOutputStream copy;
        private final CsvWriter csv;
        private final String[] text;

        CopyWriter(String table, List<String> columns) {
            this.text = new String[columns.size()];
            try {
                Connection connection = DataSourceUtils.getConnection(dataSource);
                PGConnection pg = connection.unwrap(PGConnection.class);
                this.copy = new PGCopyOutputStream(
                        pg,
                        "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)",
                        BUFFER);
                this.csv = CsvWriter.builder()
                        .lineDelimiter(LineDelimiter.LF)
                        .build(new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER));
            } catch (SQLException copyRefused) {
                throw new IllegalStateException("cannot start COPY into " + table, copyRefused);
            }
        }

        @Override
        public void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                text[i] = value == null
                        ? ""
                        : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
            }
            csv.writeRecord(text);
        }

        @Override
        public void close() {
            try {
                csv.close(); // flushes and closes the copy stream, which ends the COPY
            } catch (IOException copyFailed) {
                throw new UncheckedIOException(copyFailed);
            }
        }

        @Override
        public void abort() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException alreadyOver) {
                // the server ended the COPY itself (it found an error): nothing left to cancel
            }
        }
    }

    private final class BatchWriter implements Writer {

        private final String insert;
        private final List<Object[]> pending = new ArrayList<>(BATCH);

        BatchWriter(String table, List<String> columns) {
            this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        }

        @Override
        public void add(Object... values) {
            pending.add(values.clone());
            if (pending.size() == BATCH) {
                flush();
            }
        }

        @Override
        public void close() {
            flush();
        }

        @Override
        public void abort() {
            pending.clear();
        }

        private void flush() {
            if (!pending.isEmpty()) {
                batches.batchUpdate(insert, pending);
                pending.clear();
            }
        }
    }
}
