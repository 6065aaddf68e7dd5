package org.directbill.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.UserAccount;
import org.directbill.partner.domain.UserAccounts;
import org.directbill.partner.domain.UserId;
import org.directbill.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcUserAccounts implements UserAccounts {

    private static final String SELECT =
            "SELECT id, username, display_name, password_hash, partner_id, roles, locale, created_at FROM app_user";

    private final JdbcClient jdbc;

    JdbcUserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(UserAccount u) {
        jdbc.sql("INSERT INTO app_user (id, username, display_name, password_hash, partner_id, roles, locale,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        u.id().value(),
                        u.username(),
                        u.displayName(),
                        u.passwordHash(),
                        u.partnerId() == null ? null : u.partnerId().value(),
                        // Delimited on both sides so a LIKE '%,ROLE,%' finds a role exactly.
                        "," + u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")) + ",",
                        u.locale(),
                        OffsetDateTime.ofInstant(u.createdAt(), ZoneOffset.UTC))
                .update();
    }

    @Override
    public Optional<UserAccount> find(UserId id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id.value())
                .query(JdbcUserAccounts::map)
                .optional();
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE username = ?")
                .param(username)
                .query(JdbcUserAccounts::map)
                .optional();
    }

    @Override
    public boolean usernameTaken(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public boolean anyWithRole(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE roles LIKE ?")
                        .param("%," + role.name() + ",%")
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public void updateLocale(UserId id, String locale) {
        jdbc.sql("UPDATE app_user SET locale = ? WHERE id = ?")
                .params(locale, id.value())
                .update();
    }

    @Override
    public List<UserAccount> ofPartner(PartnerId partnerId) {
        return jdbc.sql(SELECT + " WHERE partner_id = ? ORDER BY username")
                .param(partnerId.value())
                .query(JdbcUserAccounts::map)
                .list();
    }

    @Override
    public Page<UserAccount> staff(Page.Request request) {
        long total = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE partner_id IS NULL")
                .query(Long.class)
                .single();
        List<UserAccount> items = jdbc.sql(SELECT + " WHERE partner_id IS NULL ORDER BY username LIMIT ? OFFSET ?")
                .params(request.size(), request.offset())
                .query(JdbcUserAccounts::map)
                .list();
        return new Page<>(items, request.page(), request.size(), total);
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        UUID partner = rs.getObject("partner_id", UUID.class);
        return new UserAccount(
                new UserId(rs.getObject("id", UUID.class)),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                partner == null ? null : new PartnerId(partner),
                Arrays.stream(rs.getString("roles").split(","))
                        .filter(name -> !name.isEmpty())
                        .map(Role::valueOf)
                        .collect(Collectors.toSet()),
                rs.getString("locale"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
