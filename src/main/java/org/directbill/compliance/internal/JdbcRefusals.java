package org.directbill.compliance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.directbill.compliance.domain.DirectBillStatus;
import org.directbill.compliance.domain.PartnerAction;
import org.directbill.compliance.domain.Refusal;
import org.directbill.compliance.domain.RefusalCode;
import org.directbill.compliance.domain.Refusals;
import org.directbill.partner.domain.PartnerId;
import org.directbill.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refusals in {@code authorization_refusal}: one insert each, committed on its own (outside any
 * transaction the caller has), so a refusal is durable before it is answered.
 */
@Repository
class JdbcRefusals implements Refusals {

    private final JdbcClient jdbc;

    JdbcRefusals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Refusal refusal) {
        jdbc.sql("INSERT INTO authorization_refusal (partner_id, location_id, action, status, code, caller, decided_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        refusal.partnerId().value(),
                        refusal.locationId(),
                        refusal.action().name(),
                        refusal.status().name(),
                        refusal.code().name(),
                        refusal.caller(),
                        OffsetDateTime.ofInstant(refusal.decidedAt(), ZoneOffset.UTC))
                .update();
    }

    @Override
    public Page<Stored> list(@Nullable PartnerId partner, Page.Request request) {
        String where = partner == null ? "" : " WHERE partner_id = :partner";
        var count = jdbc.sql("SELECT COUNT(*) FROM authorization_refusal" + where);
        var select = jdbc.sql("SELECT id, partner_id, location_id, action, status, code, caller, decided_at"
                + " FROM authorization_refusal" + where
                + " ORDER BY decided_at DESC, id DESC LIMIT :limit OFFSET :offset");
        if (partner != null) {
            count = count.param("partner", partner.value());
            select = select.param("partner", partner.value());
        }
        long total = count.query(Long.class).single();
        List<Stored> items = select.param("limit", request.size())
                .param("offset", request.offset())
                .query(JdbcRefusals::stored)
                .list();
        return new Page<>(items, request.page(), request.size(), total);
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getLong("id"),
                new Refusal(
                        new PartnerId(rs.getObject("partner_id", UUID.class)),
                        rs.getString("location_id"),
                        PartnerAction.valueOf(rs.getString("action")),
                        DirectBillStatus.valueOf(rs.getString("status")),
                        RefusalCode.valueOf(rs.getString("code")),
                        rs.getString("caller"),
                        rs.getObject("decided_at", OffsetDateTime.class).toInstant()));
    }
}
