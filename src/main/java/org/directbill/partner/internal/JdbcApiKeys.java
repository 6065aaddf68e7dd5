package org.directbill.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.directbill.partner.domain.ApiKey;
import org.directbill.partner.domain.ApiKeys;
import org.directbill.partner.domain.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApiKeys implements ApiKeys {

    private static final String SELECT = "SELECT id, user_id, name, key_hash, key_prefix, created_at FROM api_key";

    private final JdbcClient jdbc;

    JdbcApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(ApiKey k) {
        jdbc.sql("INSERT INTO api_key (id, user_id, name, key_hash, key_prefix, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        k.id(),
                        k.userId().value(),
                        k.name(),
                        k.keyHash(),
                        k.keyPrefix(),
                        OffsetDateTime.ofInstant(k.createdAt(), ZoneOffset.UTC))
                .update();
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return jdbc.sql(SELECT + " WHERE key_hash = ?")
                .param(keyHash)
                .query(JdbcApiKeys::map)
                .optional();
    }

    @Override
    public List<ApiKey> ofUser(UserId userId) {
        return jdbc.sql(SELECT + " WHERE user_id = ? ORDER BY created_at")
                .param(userId.value())
                .query(JdbcApiKeys::map)
                .list();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                rs.getObject("id", UUID.class),
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getString("name"),
                rs.getString("key_hash"),
                rs.getString("key_prefix"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
