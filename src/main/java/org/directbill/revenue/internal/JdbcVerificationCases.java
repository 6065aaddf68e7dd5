package org.directbill.revenue.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;
import org.directbill.revenue.domain.AttachmentType;
import org.directbill.revenue.domain.CaseLine;
import org.directbill.revenue.domain.CaseMessage;
import org.directbill.revenue.domain.CaseSale;
import org.directbill.revenue.domain.CaseStatus;
import org.directbill.revenue.domain.CaseSummary;
import org.directbill.revenue.domain.NewAttachment;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.revenue.domain.SaleSelection;
import org.directbill.revenue.domain.StoredAttachment;
import org.directbill.revenue.domain.VerificationCase;
import org.directbill.revenue.domain.VerificationCaseId;
import org.directbill.revenue.domain.VerificationCases;
import org.directbill.revenue.domain.VerificationState;
import org.directbill.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The verification cases in {@code verification_case} and its child tables. A sale's state is
 * written on {@code ledger_line.verification} too, with {@link LedgerRollups} kept exact around
 * each change; lines are changed in chunks so that no statement carries too many parameters.
 */
@Repository
class JdbcVerificationCases implements VerificationCases {

    /** Line ids per statement: far below PostgreSQL's limit of 32,767 parameters. */
    static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final LedgerRollups rollups;

    JdbcVerificationCases(JdbcClient jdbc, LedgerRollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    @Override
    public List<SaleSelection.Candidate> lockCandidates(Collection<String> invoiceIds, Collection<String> lineIds) {
        List<SaleSelection.Candidate> found = new ArrayList<>();
        for (List<String> chunk : chunks(lineIds)) {
            found.addAll(candidates("line_id", chunk));
        }
        for (List<String> chunk : chunks(invoiceIds)) {
            found.addAll(candidates("invoice_id", chunk));
        }
        return found;
    }

    private List<SaleSelection.Candidate> candidates(String column, List<String> ids) {
        return jdbc.sql("SELECT line_id, invoice_id, location_id FROM ledger_line WHERE " + column
                        + " IN (:ids) ORDER BY line_id FOR UPDATE")
                .param("ids", ids)
                .query((row, n) -> new SaleSelection.Candidate(
                        row.getString("line_id"), row.getString("invoice_id"), row.getString("location_id")))
                .list();
    }

    @Override
    public Set<String> inOpenCases(Collection<String> lineIds) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(lineIds)) {
            found.addAll(jdbc.sql("SELECT open_line_id FROM verification_case_line WHERE open_line_id IN (:ids)")
                    .param("ids", chunk)
                    .query(String.class)
                    .list());
        }
        return found;
    }

    @Override
    public void add(VerificationCase opened) {
        jdbc.sql("INSERT INTO verification_case (id, partner_id, status, due_date, opened_at, opened_by, closed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        opened.id().value(),
                        opened.partnerId().value(),
                        opened.status().name(),
                        date(opened.dueDate()),
                        timestamp(opened.openedAt()),
                        opened.openedBy(),
                        timestamp(opened.closedAt()))
                .update();
        List<String> lineIds = opened.lines().stream().map(CaseLine::lineId).toList();
        for (List<String> chunk : chunks(lineIds)) {
            jdbc.sql("INSERT INTO verification_case_line (case_id, line_id, state, open_line_id)"
                            + " SELECT :case, line_id, 'OPEN', line_id FROM ledger_line WHERE line_id IN (:ids)")
                    .param("case", opened.id().value())
                    .param("ids", chunk)
                    .update();
            markInLedger(chunk, VerificationState.OPEN);
        }
    }

    @Override
    public Optional<VerificationCase> find(VerificationCaseId id) {
        return load(id, "");
    }

    @Override
    public Optional<VerificationCase> findForUpdate(VerificationCaseId id) {
        return load(id, " FOR UPDATE");
    }

    private Optional<VerificationCase> load(VerificationCaseId id, String lock) {
        Optional<CaseRow> row = jdbc.sql("SELECT * FROM verification_case WHERE id = ?" + lock)
                .param(id.value())
                .query(JdbcVerificationCases::caseRow)
                .optional();
        return row.map(found -> found.with(lines(id)));
    }

    private List<CaseLine> lines(VerificationCaseId id) {
        return jdbc.sql("SELECT line_id, state, reason, decided_at, decided_by FROM verification_case_line"
                        + " WHERE case_id = ? ORDER BY line_id")
                .param(id.value())
                .query(JdbcVerificationCases::caseLine)
                .list();
    }

    @Override
    public void update(VerificationCase after, Collection<String> decided) {
        jdbc.sql("UPDATE verification_case SET status = ?, due_date = ?, closed_at = ? WHERE id = ?")
                .params(
                        after.status().name(),
                        date(after.dueDate()),
                        timestamp(after.closedAt()),
                        after.id().value())
                .update();
        Map<String, CaseLine> lines = new HashMap<>();
        after.lines().forEach(line -> lines.put(line.lineId(), line));
        // Grouped by decision: one decision (state, reason, time, reviewer) is usually shared by many lines.
        Map<CaseLine, List<String>> byDecision = new LinkedHashMap<>();
        for (String lineId : decided) {
            CaseLine line = lines.get(lineId);
            byDecision
                    .computeIfAbsent(
                            new CaseLine("*", line.state(), line.reason(), line.decidedAt(), line.decidedBy()),
                            key -> new ArrayList<>())
                    .add(lineId);
        }
        byDecision.forEach((decision, lineIds) -> {
            for (List<String> chunk : chunks(lineIds)) {
                jdbc.sql("UPDATE verification_case_line SET state = :state, reason = :reason, decided_at = :at,"
                                + " decided_by = :by WHERE case_id = :case AND line_id IN (:ids)")
                        .param("state", decision.state().name())
                        .param("reason", decision.reason())
                        .param("at", timestamp(decision.decidedAt()))
                        .param("by", decision.decidedBy())
                        .param("case", after.id().value())
                        .param("ids", chunk)
                        .update();
                markInLedger(chunk, decision.state());
            }
        });
        if (after.status().isClosed()) {
            jdbc.sql("UPDATE verification_case_line SET open_line_id = NULL WHERE case_id = ?")
                    .param(after.id().value())
                    .update();
        }
    }

    /** Sets the lines' verification state, taking them out of their rollups and adding them back. */
    private void markInLedger(List<String> lineIds, VerificationState state) {
        Map<String, Object> lines = Map.of("ids", lineIds);
        rollups.subtract("l.line_id IN (:ids)", lines);
        jdbc.sql("UPDATE ledger_line SET verification = :state WHERE line_id IN (:ids)")
                .param("state", state.name())
                .param("ids", lineIds)
                .update();
        rollups.add("l.line_id IN (:ids)", lines);
    }

    @Override
    public void addMessage(VerificationCaseId id, CaseMessage message, List<NewAttachment> files) {
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM verification_message WHERE case_id = ?")
                .param(id.value())
                .query(Integer.class)
                .single();
        jdbc.sql("INSERT INTO verification_message (id, case_id, seq, kind, body, due_date, written_at, written_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        message.id(),
                        id.value(),
                        seq,
                        message.kind().name(),
                        message.text(),
                        date(message.dueDate()),
                        timestamp(message.writtenAt()),
                        message.writtenBy())
                .update();
        for (int i = 0; i < files.size(); i++) {
            NewAttachment file = files.get(i);
            CaseMessage.AttachmentInfo info = message.attachments().get(i);
            jdbc.sql("INSERT INTO verification_attachment (id, case_id, message_id, seq, file_name, content_type,"
                            + " size_bytes, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            info.id(),
                            id.value(),
                            message.id(),
                            i,
                            info.fileName(),
                            info.type().name(),
                            info.size(),
                            file.sha256(),
                            file.content())
                    .update();
        }
    }

    @Override
    public List<CaseMessage> messages(VerificationCaseId id) {
        Map<UUID, List<CaseMessage.AttachmentInfo>> attachments = new HashMap<>();
        jdbc.sql("SELECT id, message_id, file_name, content_type, size_bytes FROM verification_attachment"
                        + " WHERE case_id = ? ORDER BY seq")
                .param(id.value())
                .query((row, n) -> {
                    attachments
                            .computeIfAbsent(row.getObject("message_id", UUID.class), key -> new ArrayList<>())
                            .add(attachmentInfo(row));
                    return null;
                })
                .list();
        return jdbc.sql("SELECT * FROM verification_message WHERE case_id = ? ORDER BY seq")
                .param(id.value())
                .query((row, n) -> {
                    UUID messageId = row.getObject("id", UUID.class);
                    return new CaseMessage(
                            messageId,
                            CaseMessage.Kind.valueOf(row.getString("kind")),
                            row.getString("body"),
                            localDate(row.getDate("due_date")),
                            instant(row, "written_at"),
                            row.getString("written_by"),
                            attachments.getOrDefault(messageId, List.of()));
                })
                .list();
    }

    @Override
    public Optional<StoredAttachment> attachment(VerificationCaseId id, UUID attachmentId) {
        return jdbc.sql("SELECT id, file_name, content_type, size_bytes, content FROM verification_attachment"
                        + " WHERE case_id = ? AND id = ?")
                .params(id.value(), attachmentId)
                .query((row, n) -> new StoredAttachment(attachmentInfo(row), row.getBytes("content")))
                .optional();
    }

    @Override
    public List<CaseSale> sales(VerificationCase verificationCase) {
        Map<String, CaseLine> decisions = new HashMap<>();
        verificationCase.lines().forEach(line -> decisions.put(line.lineId(), line));
        return jdbc.sql("SELECT l.line_id, l.invoice_id, l.location_id, l.customer_id, l.product_category,"
                        + " l.product_name, l.billing_date, l.paid_date, l.amount, l.currency"
                        + " FROM verification_case_line c JOIN ledger_line l ON l.line_id = c.line_id"
                        + " WHERE c.case_id = ? ORDER BY l.invoice_id, l.line_id")
                .param(verificationCase.id().value())
                .query((row, n) -> new CaseSale(
                        row.getString("line_id"),
                        row.getString("invoice_id"),
                        row.getString("location_id"),
                        row.getString("customer_id"),
                        ProductCategory.valueOf(row.getString("product_category")),
                        row.getString("product_name"),
                        row.getDate("billing_date").toLocalDate(),
                        localDate(row.getDate("paid_date")),
                        row.getBigDecimal("amount"),
                        row.getString("currency"),
                        decisions.get(row.getString("line_id"))))
                .list();
    }

    private static final String OVERDUE = "(c.status = 'INFO_REQUESTED' AND c.due_date < :today)";

    @Override
    public Page<CaseSummary> search(
            @Nullable PartnerId partnerId, Set<CaseStatus> statuses, LocalDate today, Page.Request request) {
        if (statuses.isEmpty()) {
            return new Page<>(List.of(), request.page(), request.size(), 0);
        }
        String where = " WHERE c.status IN (:statuses)" + (partnerId == null ? "" : " AND c.partner_id = :partner");
        Map<String, Object> params = new HashMap<>();
        params.put("statuses", statuses.stream().map(Enum::name).toList());
        params.put("today", Date.valueOf(today));
        if (partnerId != null) {
            params.put("partner", partnerId.value());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM verification_case c" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<CaseRow> rows = jdbc.sql("SELECT c.* FROM verification_case c" + where + " ORDER BY CASE WHEN "
                        + OVERDUE + " THEN 0 ELSE 1 END, c.due_date NULLS LAST, c.opened_at, c.id"
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", request.size())
                .param("offset", request.offset())
                .query(JdbcVerificationCases::caseRow)
                .list();
        List<CaseSummary> items = summaries(rows, today);
        return new Page<>(items, request.page(), request.size(), total);
    }

    @Override
    public CaseSummary summary(VerificationCase verificationCase, LocalDate today) {
        CaseRow row = new CaseRow(
                verificationCase.id(),
                verificationCase.partnerId(),
                verificationCase.status(),
                verificationCase.dueDate(),
                verificationCase.openedAt(),
                verificationCase.openedBy(),
                verificationCase.closedAt());
        return summaries(List.of(row), today).get(0);
    }

    /** The counts and amounts of these cases, read in two statements whatever their number. */
    private List<CaseSummary> summaries(List<CaseRow> rows, LocalDate today) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(row -> row.id().value()).toList();
        Map<UUID, long[]> counts = new HashMap<>();
        jdbc.sql("SELECT case_id, state, COUNT(*) AS n FROM verification_case_line WHERE case_id IN (:ids)"
                        + " GROUP BY case_id, state")
                .param("ids", ids)
                .query((row, n) -> {
                    long[] byState = counts.computeIfAbsent(row.getObject("case_id", UUID.class), key -> new long[4]);
                    byState[VerificationState.valueOf(row.getString("state")).ordinal()] += row.getLong("n");
                    return null;
                })
                .list();
        Map<UUID, List<CaseSummary.CurrencyAmount>> amounts = new HashMap<>();
        jdbc.sql("SELECT c.case_id, l.currency, SUM(l.amount) AS amount FROM verification_case_line c"
                        + " JOIN ledger_line l ON l.line_id = c.line_id WHERE c.case_id IN (:ids)"
                        + " GROUP BY c.case_id, l.currency ORDER BY l.currency")
                .param("ids", ids)
                .query((row, n) -> amounts.computeIfAbsent(
                                row.getObject("case_id", UUID.class), key -> new ArrayList<>())
                        .add(new CaseSummary.CurrencyAmount(row.getString("currency"), row.getBigDecimal("amount"))))
                .list();
        return rows.stream()
                .map(row -> {
                    long[] byState = counts.getOrDefault(row.id().value(), new long[4]);
                    long open = byState[VerificationState.OPEN.ordinal()];
                    long verified = byState[VerificationState.VERIFIED.ordinal()];
                    long rejected = byState[VerificationState.REJECTED.ordinal()];
                    return new CaseSummary(
                            row.id(),
                            row.partnerId(),
                            row.status(),
                            row.dueDate(),
                            row.status() == CaseStatus.INFO_REQUESTED
                                    && row.dueDate() != null
                                    && today.isAfter(row.dueDate()),
                            row.openedAt(),
                            row.openedBy(),
                            row.closedAt(),
                            new CaseSummary.Counts(open + verified + rejected, open, verified, rejected),
                            amounts.getOrDefault(row.id().value(), List.of()));
                })
                .toList();
    }

    /** A case's own row, before its lines are read. */
    private record CaseRow(
            VerificationCaseId id,
            PartnerId partnerId,
            CaseStatus status,
            @Nullable LocalDate dueDate,
            Instant openedAt,
            String openedBy,
            @Nullable Instant closedAt) {

        VerificationCase with(List<CaseLine> lines) {
            return new VerificationCase(id, partnerId, status, dueDate, openedAt, openedBy, closedAt, lines);
        }
    }

    private static CaseRow caseRow(ResultSet row, int n) throws SQLException {
        OffsetDateTime closed = row.getObject("closed_at", OffsetDateTime.class);
        return new CaseRow(
                new VerificationCaseId(row.getObject("id", UUID.class)),
                new PartnerId(row.getObject("partner_id", UUID.class)),
                CaseStatus.valueOf(row.getString("status")),
                localDate(row.getDate("due_date")),
                instant(row, "opened_at"),
                row.getString("opened_by"),
                closed == null ? null : closed.toInstant());
    }

    private static CaseLine caseLine(ResultSet row, int n) throws SQLException {
        OffsetDateTime decided = row.getObject("decided_at", OffsetDateTime.class);
        return new CaseLine(
                row.getString("line_id"),
                VerificationState.valueOf(row.getString("state")),
                row.getString("reason"),
                decided == null ? null : decided.toInstant(),
                row.getString("decided_by"));
    }

    private static CaseMessage.AttachmentInfo attachmentInfo(ResultSet row) throws SQLException {
        return new CaseMessage.AttachmentInfo(
                row.getObject("id", UUID.class),
                row.getString("file_name"),
                AttachmentType.valueOf(row.getString("content_type")),
                row.getLong("size_bytes"));
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable LocalDate localDate(@Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static @Nullable Date date(@Nullable LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
