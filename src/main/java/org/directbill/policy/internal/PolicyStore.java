package org.directbill.policy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PolicyDraft;
import org.directbill.policy.domain.PublishedPolicy;
import org.directbill.shared.validation.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code policy} table. Rows are only ever inserted: the database refuses to update or delete
 * one (V7_1). Each row keeps the policy's canonical document, every parameter spelled out, and is
 * read back through the same validation as a document received.
 */
@Repository
public class PolicyStore {

    private static final String COLUMNS = "id, document, built_in, published_at, published_by";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PolicyStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every stored policy, by effective date. */
    public List<PublishedPolicy> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM policy ORDER BY effective_from")
                .query(this::map)
                .list();
    }

    /** The ids of every stored policy, sorted: cheap to read, and they change exactly when a row is added. */
    public List<String> ids() {
        return jdbc.sql("SELECT id FROM policy ORDER BY id").query(String.class).list();
    }

    public Optional<PublishedPolicy> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM policy WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** The id of the policy that takes effect on {@code date}, if any does. */
    public Optional<String> idEffectiveFrom(LocalDate date) {
        return jdbc.sql("SELECT id FROM policy WHERE effective_from = ?")
                .param(date)
                .query(String.class)
                .optional();
    }

    /**
     * Stores a new policy.
     *
     * @throws org.springframework.dao.DuplicateKeyException when its id or effective date is taken
     *     ({@link #effectiveFromTaken} tells which)
     */
    public void add(PublishedPolicy published) {
        Policy policy = published.policy();
        jdbc.sql("INSERT INTO policy (id, title, effective_from, document, built_in, published_at, published_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        policy.id(),
                        policy.title(),
                        policy.effectiveFrom(),
                        document(policy),
                        published.builtIn(),
                        OffsetDateTime.ofInstant(published.publishedAt(), ZoneOffset.UTC),
                        published.publishedBy())
                .update();
    }

    /** Whether a refused insert collided on the effective date rather than on the id. */
    public static boolean effectiveFromTaken(RuntimeException duplicate) {
        String message = String.valueOf(duplicate.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("uq_policy_effective_from");
    }

    /** The canonical document: the API's shape, every parameter spelled out. */
    String document(Policy policy) {
        return json.writeValueAsString(PolicyDraft.of(policy));
    }

    /**
     * A document read back (from a row or a built-in file) through the validation of a received one.
     *
     * @throws InvalidInput when it is not a valid policy
     */
    Policy parse(String document) {
        return json.readValue(document, PolicyDraft.class).validate();
    }

    private PublishedPolicy map(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        Policy policy;
        try {
            policy = parse(rs.getString("document"));
        } catch (InvalidInput invalid) {
            throw new IllegalStateException("the stored policy " + id + " is not valid: " + invalid.violations());
        }
        Instant publishedAt = rs.getObject("published_at", OffsetDateTime.class).toInstant();
        return new PublishedPolicy(policy, rs.getBoolean("built_in"), publishedAt, rs.getString("published_by"));
    }
}
