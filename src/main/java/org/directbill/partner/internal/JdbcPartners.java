package org.directbill.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.directbill.partner.domain.Address;
import org.directbill.partner.domain.Contact;
import org.directbill.partner.domain.Partner;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.Partners;
import org.directbill.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPartners implements Partners {

    private static final String COLUMNS = "p.id, p.legal_name, p.country, p.registration_id, p.address_line1,"
            + " p.address_city, p.address_postal_code, p.address_country, p.contact_name, p.contact_email,"
            + " p.created_at";

    private final JdbcClient jdbc;

    JdbcPartners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Partner p) {
        jdbc.sql("INSERT INTO partner (id, legal_name, country, registration_id, address_line1, address_city,"
                        + " address_postal_code, address_country, contact_name, contact_email, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        p.id().value(),
                        p.legalName(),
                        p.country(),
                        p.registrationId(),
                        p.address().line1(),
                        p.address().city(),
                        p.address().postalCode(),
                        p.address().country(),
                        p.primaryContact().name(),
                        p.primaryContact().email(),
                        OffsetDateTime.ofInstant(p.createdAt(), ZoneOffset.UTC))
                .update();
    }

    @Override
    public Optional<Partner> find(PartnerId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner p WHERE p.id = ?")
                .param(id.value())
                .query(JdbcPartners::map)
                .optional();
    }

    @Override
    public boolean exists(PartnerId id) {
        return jdbc.sql("SELECT COUNT(*) FROM partner WHERE id = ?")
                        .param(id.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public List<PartnerId> allIds() {
        return jdbc.sql("SELECT id FROM partner")
                .query((rs, row) -> new PartnerId(rs.getObject("id", UUID.class)))
                .list();
    }

    @Override
    public boolean registrationIdTaken(String country, String registrationId) {
        return jdbc.sql("SELECT COUNT(*) FROM partner WHERE country = ? AND registration_id = ?")
                        .params(country, registrationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public Page<Partner> search(String query, Page.Request request) {
        String pattern = "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%";
        String where = " FROM partner p WHERE LOWER(p.legal_name) LIKE :q ESCAPE '\\'"
                + " OR LOWER(COALESCE(p.registration_id, '')) LIKE :q ESCAPE '\\'"
                + " OR EXISTS (SELECT 1 FROM location l WHERE l.partner_id = p.id AND l.location_id LIKE :q ESCAPE '\\')";
        long total = jdbc.sql("SELECT COUNT(*)" + where)
                .param("q", pattern)
                .query(Long.class)
                .single();
        List<Partner> items = jdbc.sql(
                        "SELECT " + COLUMNS + where + " ORDER BY LOWER(p.legal_name), p.id LIMIT :limit OFFSET :offset")
                .param("q", pattern)
                .param("limit", request.size())
                .param("offset", request.offset())
                .query(JdbcPartners::map)
                .list();
        return new Page<>(items, request.page(), request.size(), total);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Partner map(ResultSet rs, int row) throws SQLException {
        return new Partner(
                new PartnerId(rs.getObject("id", UUID.class)),
                rs.getString("legal_name"),
                rs.getString("country"),
                rs.getString("registration_id"),
                new Address(
                        rs.getString("address_line1"),
                        rs.getString("address_city"),
                        rs.getString("address_postal_code"),
                        rs.getString("address_country")),
                new Contact(rs.getString("contact_name"), rs.getString("contact_email")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
