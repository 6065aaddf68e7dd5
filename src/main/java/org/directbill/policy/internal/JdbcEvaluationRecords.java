package org.directbill.policy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;
import org.directbill.policy.domain.Evaluation;
import org.directbill.policy.domain.EvaluationRecords;
import org.directbill.policy.domain.Level;
import org.directbill.policy.domain.Outcome;
import org.directbill.policy.domain.RequirementCode;
import org.directbill.policy.domain.RequirementResult;
import org.directbill.policy.domain.RequirementStatus;
import org.directbill.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored evaluations; the database refuses to change or delete one (V8_1). */
@Repository
class JdbcEvaluationRecords implements EvaluationRecords {

    private static final TypeReference<List<StoredResult>> RESULTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcEvaluationRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A requirement result as JSON keeps it: the reason as a code with its arguments. */
    record StoredResult(
            String code,
            String level,
            String status,
            String reason,
            List<String> reasonArguments,
            Map<String, Object> details) {

        static StoredResult of(RequirementResult result) {
            return new StoredResult(
                    result.code().name(),
                    result.level().name(),
                    result.status().name(),
                    result.reason(),
                    result.reasonArguments(),
                    result.details());
        }

        RequirementResult toResult() {
            return new RequirementResult(
                    RequirementCode.valueOf(code),
                    Level.valueOf(level),
                    RequirementStatus.valueOf(status),
                    reason,
                    reasonArguments,
                    details == null ? Map.of() : new LinkedHashMap<>(details));
        }
    }

    @Override
    public void add(Evaluation e) {
        List<StoredResult> results = new ArrayList<>();
        e.requirements().forEach(result -> results.add(StoredResult.of(result)));
        jdbc.sql("INSERT INTO policy_evaluation (id, partner_id, policy_id, as_of, market, outcome, input_digest,"
                        + " requirements, evaluated_at, evaluated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        e.id(),
                        e.partnerId().value(),
                        e.policyId(),
                        java.sql.Date.valueOf(e.asOf()),
                        e.market(),
                        e.outcome().name(),
                        e.inputDigest(),
                        json.writeValueAsString(results),
                        OffsetDateTime.ofInstant(e.evaluatedAt(), ZoneOffset.UTC),
                        e.evaluatedBy())
                .update();
    }

    @Override
    public Optional<Evaluation> find(PartnerId partnerId, UUID id) {
        return jdbc.sql("SELECT * FROM policy_evaluation WHERE id = ? AND partner_id = ?")
                .params(id, partnerId.value())
                .query(this::map)
                .optional();
    }

    @Override
    public Page<Evaluation> ofPartner(PartnerId partnerId, Page.Request request) {
        long total = jdbc.sql("SELECT COUNT(*) FROM policy_evaluation WHERE partner_id = ?")
                .param(partnerId.value())
                .query(Long.class)
                .single();
        List<Evaluation> items = jdbc.sql("SELECT * FROM policy_evaluation WHERE partner_id = ?"
                        + " ORDER BY evaluated_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(partnerId.value(), request.size(), request.offset())
                .query(this::map)
                .list();
        return new Page<>(items, request.page(), request.size(), total);
    }

    private Evaluation map(ResultSet rs, int row) throws SQLException {
        List<StoredResult> stored = json.readValue(rs.getString("requirements"), RESULTS);
        return new Evaluation(
                rs.getObject("id", UUID.class),
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                rs.getString("policy_id"),
                LocalDate.parse(rs.getDate("as_of").toString()),
                rs.getString("market"),
                Outcome.valueOf(rs.getString("outcome")),
                stored.stream().map(StoredResult::toResult).toList(),
                rs.getString("input_digest"),
                rs.getObject("evaluated_at", OffsetDateTime.class).toInstant(),
                rs.getString("evaluated_by"));
    }
}
