package org.directbill.revenue.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.directbill.revenue.domain.LedgerEntry;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes the valid lines of a file into {@code ledger_staging}, in the transaction of the import,
 * streaming: on PostgreSQL through {@code COPY} (pgjdbc's copy API, fed as the file is read), elsewhere
 * through JDBC batches.
 */
@Component
class LedgerStaging {

    static final String COLUMNS = "import_id, line_no, line_id, invoice_id, location_id, customer_id,"
            + " customer_country, product_category, product_name, charge_type, billing_date, paid_date, amount,"
            + " currency";

    private static final int BATCH = 1000;

    private final DataSource dataSource;
    private final JdbcTemplate batches;
    private final boolean postgres;

    LedgerStaging(DataSource dataSource, JdbcTemplate batches) {
        this.dataSource = dataSource;
        this.batches = batches;
        this.postgres = isPostgres(dataSource);
    }

    /** Where a file's lines go, under {@code stagingId}; close it to flush the last ones. */
    interface Writer extends AutoCloseable {
        void add(long line, LedgerEntry entry);

        @Override
        void close();
    }

    Writer open(UUID stagingId) {
        return postgres ? new CopyWriter(stagingId) : new BatchWriter(stagingId);
    }

    /** Through JDBC batches whatever the database: safe while a query is being read on the connection. */
    Writer openBatched(UUID stagingId) {
        return new BatchWriter(stagingId);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
        } catch (SQLException unreachable) {
            throw new IllegalStateException("cannot tell which database is in use", unreachable);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** COPY … FROM STDIN (CSV): an empty unquoted value is NULL, which is what an absent optional value is. */
    private final class CopyWriter implements Writer {

        private final String stagingId;
        private final java.io.Writer out;
        private final CsvWriter csv;

        CopyWriter(UUID stagingId) {
            this.stagingId = stagingId.toString();
            try {
                Connection connection = DataSourceUtils.getConnection(dataSource);
                PGConnection pg = connection.unwrap(PGConnection.class);
                PGCopyOutputStream copy = new PGCopyOutputStream(
                        pg, "COPY ledger_staging (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)", 1 << 16);
                this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
                this.csv = CsvWriter.builder()
                        .lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF)
                        .build(out);
            } catch (SQLException copyRefused) {
                throw new IllegalStateException("cannot start COPY into ledger_staging", copyRefused);
            }
        }

        @Override
        public void add(long line, LedgerEntry entry) {
            csv.writeRecord(
                    stagingId,
                    Long.toString(line),
                    entry.lineId(),
                    entry.invoiceId(),
                    entry.locationId(),
                    entry.customerId(),
                    text(entry.customerCountry()),
                    entry.category().name(),
                    text(entry.productName()),
                    text(entry.chargeType()),
                    entry.billingDate().toString(),
                    text(entry.paidDate()),
                    entry.amount().toPlainString(),
                    entry.currency());
        }

        @Override
        public void close() {
            try {
                csv.close(); // flushes and closes the copy stream, which ends the COPY
            } catch (IOException copyFailed) {
                throw new UncheckedIOException(copyFailed);
            }
        }
    }

    private final class BatchWriter implements Writer {

        private final UUID stagingId;
        private final List<Object[]> pending = new ArrayList<>(BATCH);

        BatchWriter(UUID stagingId) {
            this.stagingId = stagingId;
        }

        @Override
        public void add(long line, LedgerEntry entry) {
            pending.add(new Object[] {
                stagingId,
                line,
                entry.lineId(),
                entry.invoiceId(),
                entry.locationId(),
                entry.customerId(),
                entry.customerCountry(),
                entry.category().name(),
                entry.productName(),
                entry.chargeType(),
                entry.billingDate(),
                entry.paidDate(),
                entry.amount(),
                entry.currency()
            });
            if (pending.size() == BATCH) {
                flush();
            }
        }

        @Override
        public void close() {
            flush();
        }

        private void flush() {
            if (!pending.isEmpty()) {
                batches.batchUpdate(
                        "INSERT INTO ledger_staging (" + COLUMNS
                                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        pending);
                pending.clear();
            }
        }
    }
}
