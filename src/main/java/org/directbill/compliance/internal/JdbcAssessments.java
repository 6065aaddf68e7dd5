package org.directbill.compliance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.directbill.compliance.domain.Assessment;
import org.directbill.compliance.domain.Assessments;
import org.directbill.partner.domain.PartnerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Assessments in JdbcClient, their unmet requirements as a JSON array. */
@Repository
class JdbcAssessments implements Assessments {

    private static final String COLUMNS = "id, partner_id, assessed_on, occasion, policy_id, outcome, unmet,"
            + " evaluation_ids, recorded_at, recorded_by";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAssessments(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public boolean exists(PartnerId partner, LocalDate assessedOn, Assessment.Occasion occasion) {
        return jdbc.sql("SELECT COUNT(*) FROM compliance_assessment WHERE partner_id = ? AND assessed_on = ?"
                                + " AND occasion = ?")
                        .params(partner.value(), assessedOn, occasion.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public void add(Assessment a) {
        jdbc.sql("INSERT INTO compliance_assessment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id(),
                        a.partnerId().value(),
                        a.assessedOn(),
                        a.occasion().name(),
                        a.policyId(),
                        a.outcome().name(),
                        unmetJson(a.unmet()),
                        a.evaluationIds().stream().map(UUID::toString).collect(Collectors.joining(",")),
                        OffsetDateTime.ofInstant(a.recordedAt(), ZoneOffset.UTC),
                        a.recordedBy())
                .update();
    }

    @Override
    public Optional<Assessment> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compliance_assessment WHERE id = ?")
                .param(id)
                .query((rs, row) -> assessment(rs))
                .optional();
    }

    @Override
    public List<Assessment> ofPartner(PartnerId partner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compliance_assessment WHERE partner_id = ?"
                        + " ORDER BY assessed_on DESC, recorded_at DESC")
                .param(partner.value())
                .query((rs, row) -> assessment(rs))
                .list();
    }

    private String unmetJson(List<Assessment.Unmet> unmet) {
        ArrayNode array = json.createArrayNode();
        for (Assessment.Unmet each : unmet) {
            ObjectNode node = array.addObject();
            node.put("market", each.market());
            node.put("code", each.code());
            node.put("reason", each.reason());
            ArrayNode arguments = node.putArray("arguments");
            each.reasonArguments().forEach(arguments::add);
        }
        return json.writeValueAsString(array);
    }

    private List<Assessment.Unmet> unmet(String stored) {
        List<Assessment.Unmet> unmet = new ArrayList<>();
        for (JsonNode node : json.readTree(stored)) {
            List<String> arguments = new ArrayList<>();
            node.get("arguments").forEach(argument -> arguments.add(argument.asString()));
            JsonNode market = node.get("market");
            unmet.add(new Assessment.Unmet(
                    market == null || market.isNull() ? null : market.asString(),
                    node.get("code").asString(),
                    node.get("reason").asString(),
                    arguments));
        }
        return unmet;
    }

    private Assessment assessment(ResultSet rs) throws SQLException {
        String ids = rs.getString("evaluation_ids");
        return new Assessment(
                rs.getObject("id", UUID.class),
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                rs.getObject("assessed_on", LocalDate.class),
                Assessment.Occasion.valueOf(rs.getString("occasion")),
                rs.getString("policy_id"),
                Assessment.Outcome.valueOf(rs.getString("outcome")),
                unmet(rs.getString("unmet")),
                ids.isEmpty()
                        ? List.of()
                        : Arrays.stream(ids.split(",")).map(UUID::fromString).toList(),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("recorded_by"));
    }
}
