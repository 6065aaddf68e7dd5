package org.directbill.compliance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.directbill.compliance.domain.ChangeCause;
import org.directbill.compliance.domain.DirectBillStatus;
import org.directbill.compliance.domain.Standing;
import org.directbill.compliance.domain.Standings;
import org.directbill.compliance.domain.StatusChange;
import org.directbill.partner.domain.PartnerId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Standings in JdbcClient: written only over the version read, each change counted on the single
 * row of {@code compliance_change_counter} in the same transaction (its lock, held to the commit,
 * gives the numbers in commit order), the markets in their own table.
 */
@Repository
class JdbcStandings implements Standings {

    private static final String COLUMNS = "partner_id, status, since, first_active_on, last_assessed_on,"
            + " cure_deadline, restricted_on, suspend_on, revoke_on, failed_assessment_id,"
            + " indirect_reseller_since, version";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcStandings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Standing> find(PartnerId partner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM direct_bill_standing WHERE partner_id = ?")
                .param(partner.value())
                .query((rs, row) -> standing(rs, markets(partner)))
                .optional();
    }

    @Override
    public Standing lock(PartnerId partner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM direct_bill_standing WHERE partner_id = ? FOR UPDATE")
                .param(partner.value())
                .query((rs, row) -> standing(rs, markets(partner)))
                .optional()
                .orElseGet(() -> Standing.none(partner));
    }

    @Override
    public Optional<Standing> save(Standing after) {
        long changeNo = nextChangeNo();
        long newVersion = after.version() + 1;
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (after.version() == 0) {
            try {
                jdbc.sql("INSERT INTO direct_bill_standing (" + COLUMNS + ", change_no, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(values(after, newVersion, changeNo, now))
                        .update();
            } catch (DuplicateKeyException meanwhile) {
                return Optional.empty();
            }
        } else {
            List<Object> params =
                    new ArrayList<>(values(after, newVersion, changeNo, now).subList(1, 14));
            params.add(after.partnerId().value());
            params.add(after.version());
            int rows = jdbc.sql("UPDATE direct_bill_standing SET status = ?, since = ?, first_active_on = ?,"
                            + " last_assessed_on = ?, cure_deadline = ?, restricted_on = ?, suspend_on = ?,"
                            + " revoke_on = ?, failed_assessment_id = ?, indirect_reseller_since = ?, version = ?,"
                            + " change_no = ?, updated_at = ? WHERE partner_id = ? AND version = ?")
                    .params(params)
                    .update();
            if (rows == 0) {
                return Optional.empty();
            }
        }
        writeMarkets(after);
        return Optional.of(after.withVersion(newVersion));
    }

    @Override
    public UUID addChange(PartnerId partner, StatusChange change, @Nullable UUID assessmentId, Instant at, String by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO direct_bill_status_change (id, partner_id, from_status, to_status, effective_on,"
                        + " cause, reason, assessment_id, recorded_at, recorded_by, change_no)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        partner.value(),
                        change.from().name(),
                        change.to().name(),
                        change.effectiveOn(),
                        change.cause().name(),
                        change.reason(),
                        assessmentId,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        by,
                        // The counter the standing's save just took (its row is ours until the commit).
                        changeCounter())
                .update();
        return id;
    }

    @Override
    public List<RecordedChange> history(PartnerId partner) {
        return jdbc.sql("SELECT id, from_status, to_status, effective_on, cause, reason, assessment_id, recorded_at,"
                        + " recorded_by FROM direct_bill_status_change WHERE partner_id = ?"
                        + " ORDER BY change_no DESC")
                .param(partner.value())
                .query((rs, row) -> new RecordedChange(
                        rs.getObject("id", UUID.class),
                        new StatusChange(
                                DirectBillStatus.valueOf(rs.getString("from_status")),
                                DirectBillStatus.valueOf(rs.getString("to_status")),
                                rs.getObject("effective_on", LocalDate.class),
                                ChangeCause.valueOf(rs.getString("cause")),
                                rs.getString("reason")),
                        rs.getObject("assessment_id", UUID.class),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        rs.getString("recorded_by")))
                .list();
    }

    @Override
    public List<Standing> inStatus(Collection<DirectBillStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<String> names = statuses.stream().map(Enum::name).toList();
        String marks = String.join(", ", java.util.Collections.nCopies(names.size(), "?"));
        Map<UUID, SortedSet<String>> markets = marketsWhere(
                "partner_id IN (SELECT partner_id FROM direct_bill_standing WHERE status IN (" + marks + "))", names);
        return jdbc.sql("SELECT " + COLUMNS + " FROM direct_bill_standing WHERE status IN (" + marks + ")"
                        + " ORDER BY partner_id")
                .params(names)
                .query((rs, row) ->
                        standing(rs, markets.getOrDefault(rs.getObject("partner_id", UUID.class), new TreeSet<>())))
                .list();
    }

    @Override
    public long changeCounter() {
        return jdbc.sql("SELECT counter FROM compliance_change_counter WHERE id = 1")
                .query(Long.class)
                .single();
    }

    @Override
    public List<Counted> changedAfter(long seen) {
        Map<UUID, SortedSet<String>> markets = marketsWhere(
                "partner_id IN (SELECT partner_id FROM direct_bill_standing WHERE change_no > ?)", List.of(seen));
        return jdbc.sql("SELECT " + COLUMNS + ", change_no FROM direct_bill_standing WHERE change_no > ?"
                        + " ORDER BY change_no")
                .param(seen)
                .query((rs, row) -> new Counted(
                        standing(rs, markets.getOrDefault(rs.getObject("partner_id", UUID.class), new TreeSet<>())),
                        rs.getLong("change_no")))
                .list();
    }

    /** Counts one change; the row stays locked until the commit, which orders the numbers. */
    private long nextChangeNo() {
        jdbc.sql("UPDATE compliance_change_counter SET counter = counter + 1 WHERE id = 1")
                .update();
        return changeCounter();
    }

    private void writeMarkets(Standing after) {
        SortedSet<String> stored = markets(after.partnerId());
        for (String gone : stored) {
            if (!after.markets().contains(gone)) {
                jdbc.sql("DELETE FROM direct_bill_market WHERE partner_id = ? AND market = ?")
                        .params(after.partnerId().value(), gone)
                        .update();
            }
        }
        for (String added : after.markets()) {
            if (!stored.contains(added)) {
                jdbc.sql("INSERT INTO direct_bill_market (partner_id, market, added_on) VALUES (?, ?, ?)")
                        .params(after.partnerId().value(), added, LocalDate.now(clock))
                        .update();
            }
        }
    }

    private SortedSet<String> markets(PartnerId partner) {
        return new TreeSet<>(jdbc.sql("SELECT market FROM direct_bill_market WHERE partner_id = ?")
                .param(partner.value())
                .query(String.class)
                .list());
    }

    private Map<UUID, SortedSet<String>> marketsWhere(String condition, List<?> params) {
        Map<UUID, SortedSet<String>> markets = new HashMap<>();
        jdbc.sql("SELECT partner_id, market FROM direct_bill_market WHERE " + condition)
                .params(params)
                .query(rs -> {
                    markets.computeIfAbsent(rs.getObject("partner_id", UUID.class), id -> new TreeSet<>())
                            .add(rs.getString("market").strip());
                });
        return markets;
    }

    private static Standing standing(ResultSet rs, SortedSet<String> markets) throws SQLException {
        return new Standing(
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                DirectBillStatus.valueOf(rs.getString("status")),
                rs.getObject("since", LocalDate.class),
                markets,
                rs.getObject("first_active_on", LocalDate.class),
                rs.getObject("last_assessed_on", LocalDate.class),
                rs.getObject("cure_deadline", LocalDate.class),
                rs.getObject("restricted_on", LocalDate.class),
                rs.getObject("suspend_on", LocalDate.class),
                rs.getObject("revoke_on", LocalDate.class),
                rs.getObject("failed_assessment_id", UUID.class),
                rs.getObject("indirect_reseller_since", LocalDate.class),
                rs.getLong("version"));
    }

    private static List<Object> values(Standing s, long version, long changeNo, OffsetDateTime now) {
        List<Object> values = new ArrayList<>();
        values.add(s.partnerId().value());
        values.add(s.status().name());
        values.add(s.since());
        values.add(s.firstActiveOn());
        values.add(s.lastAssessedOn());
        values.add(s.cureDeadline());
        values.add(s.restrictedOn());
        values.add(s.suspendOn());
        values.add(s.revokeOn());
        values.add(s.failedAssessmentId());
        values.add(s.indirectResellerSince());
        values.add(version);
        values.add(changeNo);
        values.add(now);
        return values;
    }
}
