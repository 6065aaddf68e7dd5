package org.directbill.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.Locations;
import org.directbill.partner.domain.MembershipStatus;
import org.directbill.partner.domain.PartnerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLocations implements Locations {

    private static final String SELECT =
            "SELECT location_id, partner_id, country, membership_status, created_at FROM location";

    private final JdbcClient jdbc;

    JdbcLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Location l) {
        jdbc.sql("INSERT INTO location (location_id, partner_id, country, membership_status, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(
                        l.locationId(),
                        l.partnerId().value(),
                        l.country(),
                        l.membershipStatus().name(),
                        OffsetDateTime.ofInstant(l.createdAt(), ZoneOffset.UTC))
                .update();
    }

    @Override
    public Optional<Location> find(String locationId) {
        return jdbc.sql(SELECT + " WHERE location_id = ?")
                .param(locationId)
                .query(JdbcLocations::map)
                .optional();
    }

    @Override
    public Optional<Location> findForUpdate(String locationId) {
        return jdbc.sql(SELECT + " WHERE location_id = ? FOR UPDATE")
                .param(locationId)
                .query(JdbcLocations::map)
                .optional();
    }

    @Override
    public void update(Location l) {
        jdbc.sql("UPDATE location SET membership_status = ? WHERE location_id = ?")
                .params(l.membershipStatus().name(), l.locationId())
                .update();
    }

    @Override
    public List<Location> ofPartner(PartnerId partnerId) {
        return jdbc.sql(SELECT + " WHERE partner_id = ? ORDER BY location_id")
                .param(partnerId.value())
                .query(JdbcLocations::map)
                .list();
    }

    @Override
    public java.util.Set<String> allIds() {
        return new java.util.HashSet<>(
                jdbc.sql("SELECT location_id FROM location").query(String.class).list());
    }

    @Override
    public List<Location> all() {
        return jdbc.sql(SELECT).query(JdbcLocations::map).list();
    }

    private static Location map(ResultSet rs, int row) throws SQLException {
        return new Location(
                rs.getString("location_id"),
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                rs.getString("country"),
                MembershipStatus.valueOf(rs.getString("membership_status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
