package org.directbill.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.SupportPlan;
import org.directbill.partner.domain.SupportPlans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSupportPlans implements SupportPlans {

    private final JdbcClient jdbc;

    JdbcSupportPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(SupportPlan s) {
        jdbc.sql("INSERT INTO support_plan (id, partner_id, plan_type, contract_id, purchased_on, renews_on, flagged,"
                        + " flag_reason, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.id(),
                        s.partnerId().value(),
                        s.type().name(),
                        s.contractId(),
                        java.sql.Date.valueOf(s.purchasedOn()),
                        java.sql.Date.valueOf(s.renewsOn()),
                        s.flagged(),
                        s.flagReason(),
                        OffsetDateTime.ofInstant(s.recordedAt(), ZoneOffset.UTC),
                        s.recordedBy())
                .update();
    }

    @Override
    public boolean contractRecorded(PartnerId partnerId, String contractId) {
        return jdbc.sql("SELECT COUNT(*) FROM support_plan WHERE partner_id = ? AND contract_id = ?")
                        .params(partnerId.value(), contractId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public List<SupportPlan> ofPartner(PartnerId partnerId) {
        return jdbc.sql("SELECT * FROM support_plan WHERE partner_id = ? ORDER BY purchased_on DESC, recorded_at DESC")
                .param(partnerId.value())
                .query(JdbcSupportPlans::map)
                .list();
    }

    private static SupportPlan map(ResultSet rs, int row) throws SQLException {
        return new SupportPlan(
                rs.getObject("id", UUID.class),
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                SupportPlan.Type.valueOf(rs.getString("plan_type")),
                rs.getString("contract_id"),
                LocalDate.parse(rs.getDate("purchased_on").toString()),
                LocalDate.parse(rs.getDate("renews_on").toString()),
                rs.getBoolean("flagged"),
                rs.getString("flag_reason"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("recorded_by"));
    }
}
