package org.directbill.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.directbill.notification.domain.DeliveryAttempt;
import org.directbill.notification.domain.DeliveryStatus;
import org.directbill.notification.domain.WebhookDelivery;
import org.directbill.notification.domain.WebhookEndpoint;
import org.directbill.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Webhook endpoints, events, deliveries and their attempts. As for the emails, every change of a
 * delivery's status is one conditional {@code UPDATE} naming the status (and attempt) it expects, so
 * two nodes or threads never both act on one delivery.
 */
@Repository
public class WebhookStore {

    private static final String DELIVERY_COLUMNS = "d.*, v.id AS event_id, v.event_type, v.occurred_at";

    /**
     * An earlier event of the same partner is not yet delivered to the same endpoint: this delivery
     * waits, so a later status never arrives before an earlier one.
     */
    private static final String NO_EARLIER_UNDELIVERED =
            " NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.endpoint_id = d.endpoint_id"
                    + " AND p.partner_id = d.partner_id AND p.event_seq < d.event_seq"
                    + " AND p.status IN ('PENDING', 'SENDING'))";

    private static final String ENDPOINT_LIVE = " EXISTS (SELECT 1 FROM webhook_endpoint e WHERE e.id = d.endpoint_id"
            + " AND e.enabled = TRUE AND e.deleted_at IS NULL)";

    private static final String DUE = " ((d.status = 'PENDING' AND d.next_attempt_at <= :now)"
            + " OR (d.status = 'SENDING' AND d.claimed_at <= :staleBefore))";

    private final JdbcClient jdbc;

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- endpoints

    public void add(WebhookEndpoint e) {
        jdbc.sql("INSERT INTO webhook_endpoint (id, url, events, secret, description, enabled, created_at, created_by,"
                        + " updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        e.id(),
                        e.url(),
                        String.join(",", e.events()),
                        e.secret(),
                        e.description(),
                        e.enabled(),
                        utc(e.createdAt()),
                        e.createdBy(),
                        utc(e.updatedAt()),
                        e.deletedAt() == null ? null : utc(e.deletedAt()))
                .update();
    }

    public Optional<WebhookEndpoint> endpoint(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ?")
                .param(id)
                .query(WebhookStore::endpoint)
                .optional();
    }

    /** The endpoint, its row locked until the transaction ends: changes of one endpoint take turns. */
    public Optional<WebhookEndpoint> endpointForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ? FOR UPDATE")
                .param(id)
                .query(WebhookStore::endpoint)
                .optional();
    }

    /** The endpoints not deleted, newest first. */
    public Page<WebhookEndpoint> endpoints(Page.Request request) {
        long total = jdbc.sql("SELECT COUNT(*) FROM webhook_endpoint WHERE deleted_at IS NULL")
                .query(Long.class)
                .single();
        List<WebhookEndpoint> items = jdbc.sql("SELECT * FROM webhook_endpoint WHERE deleted_at IS NULL"
                        + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(request.size(), request.offset())
                .query(WebhookStore::endpoint)
                .list();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** The endpoints that are sent events: enabled and not deleted. */
    List<WebhookEndpoint> enabledEndpoints() {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE enabled = TRUE AND deleted_at IS NULL")
                .query(WebhookStore::endpoint)
                .list();
    }

    public void setEnabled(UUID id, boolean enabled, Instant now) {
        jdbc.sql("UPDATE webhook_endpoint SET enabled = ?, updated_at = ? WHERE id = ?")
                .params(enabled, utc(now), id)
                .update();
    }

    /** Marks the endpoint deleted and cancels its deliveries still waiting; returns how many were cancelled. */
    public int delete(UUID id, Instant now) {
        jdbc.sql("UPDATE webhook_endpoint SET enabled = FALSE, deleted_at = ?, updated_at = ? WHERE id = ?")
                .params(utc(now), utc(now), id)
                .update();
        return jdbc.sql("UPDATE webhook_delivery SET status = 'CANCELLED', claimed_at = NULL"
                        + " WHERE endpoint_id = ? AND status = 'PENDING'")
                .param(id)
                .update();
    }

    // --- events and deliveries

    boolean eventKeyTaken(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_event WHERE event_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Stores an event and returns its place in the order of events. */
    long addEvent(UUID id, String key, UUID partnerId, String type, String body, Instant occurredAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO webhook_event (id, event_key, partner_id, event_type, body, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, key, partnerId, type, body, utc(occurredAt))
                .update(keys, "seq");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    void addDelivery(UUID id, UUID endpointId, long eventSeq, UUID partnerId, Instant now) {
        jdbc.sql("INSERT INTO webhook_delivery (id, endpoint_id, event_seq, partner_id, status, attempts,"
                        + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)")
                .params(id, endpointId, eventSeq, partnerId, utc(now), utc(now))
                .update();
    }

    /** An endpoint's deliveries, newest event first, all or in one status, of all partners or one. */
    public Page<WebhookDelivery> deliveries(
            UUID endpointId, @Nullable DeliveryStatus status, @Nullable UUID partnerId, Page.Request request) {
        String where = " WHERE d.endpoint_id = :endpoint"
                + (status == null ? "" : " AND d.status = :status")
                + (partnerId == null ? "" : " AND d.partner_id = :partner");
        var count = jdbc.sql("SELECT COUNT(*) FROM webhook_delivery d" + where).param("endpoint", endpointId);
        var select = jdbc.sql("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_delivery d JOIN webhook_event v ON v.seq = d.event_seq" + where
                        + " ORDER BY d.event_seq DESC LIMIT :limit OFFSET :offset")
                .param("endpoint", endpointId);
        if (status != null) {
            count = count.param("status", status.name());
            select = select.param("status", status.name());
        }
        if (partnerId != null) {
            count = count.param("partner", partnerId);
            select = select.param("partner", partnerId);
        }
        long total = count.query(Long.class).single();
        List<WebhookDelivery> items = select.param("limit", request.size())
                .param("offset", request.offset())
                .query(WebhookStore::delivery)
                .list();
        return new Page<>(items, request.page(), request.size(), total);
    }

    public Optional<WebhookDelivery> delivery(UUID id) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_delivery d JOIN webhook_event v ON v.seq = d.event_seq WHERE d.id = ?")
                .param(id)
                .query(WebhookStore::delivery)
                .optional();
    }

    /** The exact JSON body the delivery POSTs. */
    public String body(UUID deliveryId) {
        return jdbc.sql("SELECT v.body FROM webhook_delivery d JOIN webhook_event v ON v.seq = d.event_seq"
                        + " WHERE d.id = ?")
                .param(deliveryId)
                .query(String.class)
                .single();
    }

    /** The delivery's attempts, first first. */
    public List<DeliveryAttempt> attempts(UUID deliveryId) {
        return jdbc.sql("SELECT * FROM webhook_attempt WHERE delivery_id = ? ORDER BY attempt")
                .param(deliveryId)
                .query(WebhookStore::attempt)
                .list();
    }

    /** The attempts of these deliveries, by delivery, first first. */
    public List<LoggedAttempt> attemptsOf(Collection<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM webhook_attempt WHERE delivery_id IN (:ids) ORDER BY delivery_id, attempt")
                .param("ids", deliveryIds)
                .query((rs, row) -> new LoggedAttempt(rs.getObject("delivery_id", UUID.class), attempt(rs, row)))
                .list();
    }

    /** An attempt with the delivery it belongs to. */
    public record LoggedAttempt(UUID deliveryId, DeliveryAttempt attempt) {}

    public void logAttempt(UUID deliveryId, DeliveryAttempt a) {
        jdbc.sql("INSERT INTO webhook_attempt (delivery_id, attempt, started_at, duration_ms, http_status, error)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(deliveryId, a.attempt(), utc(a.startedAt()), a.durationMillis(), a.httpStatus(), a.error())
                .update();
    }

    /**
     * Deliveries that may be claimed now, oldest event first: due and PENDING (or SENDING since before
     * {@code staleBefore}, left by a node that stopped), their endpoint enabled, and no earlier event
     * of the same partner still undelivered to that endpoint.
     */
    public List<UUID> claimable(Instant now, Instant staleBefore, int limit) {
        return jdbc.sql("SELECT d.id FROM webhook_delivery d WHERE" + DUE + " AND" + ENDPOINT_LIVE + " AND"
                        + NO_EARLIER_UNDELIVERED + " ORDER BY d.event_seq LIMIT :limit")
                .param("now", utc(now))
                .param("staleBefore", utc(staleBefore))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Claims a delivery for one attempt: SENDING with one more attempt, in one statement that checks
     * again every condition of {@link #claimable}, so only one claimant wins, and a delivery made due
     * again meanwhile ({@code redeliver}) still holds the later ones back. Committed on its own.
     */
    public boolean claim(UUID id, Instant now, Instant staleBefore) {
        return jdbc.sql("UPDATE webhook_delivery d SET status = 'SENDING', attempts = d.attempts + 1, claimed_at = :now"
                                + " WHERE d.id = :id AND" + DUE + " AND" + ENDPOINT_LIVE + " AND"
                                + NO_EARLIER_UNDELIVERED)
                        .param("now", utc(now))
                        .param("staleBefore", utc(staleBefore))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** What a claimed delivery POSTs, where, and signed with what. */
    public record Sendable(WebhookDelivery delivery, String url, String secret, String body) {}

    public Sendable sendable(UUID id) {
        WebhookDelivery delivery = delivery(id).orElseThrow();
        WebhookEndpoint endpoint = endpoint(delivery.endpointId()).orElseThrow();
        return new Sendable(delivery, endpoint.url(), endpoint.secret(), body(id));
    }

    /** The claimed attempt was answered 2xx. False when the claim was lost meanwhile. */
    public boolean delivered(UUID id, int attempt, Instant at, int httpStatus) {
        return jdbc.sql(
                                "UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = ?, last_http_status = ?,"
                                        + " last_error = NULL, claimed_at = NULL WHERE id = ? AND status = 'SENDING' AND attempts = ?")
                        .params(utc(at), httpStatus, id, attempt)
                        .update()
                == 1;
    }

    /**
     * The claimed attempt failed: PENDING again until {@code nextAttemptAt}, or CANCELLED when its
     * endpoint was deleted meanwhile. False when the claim was lost meanwhile.
     */
    public boolean failed(
            UUID id,
            int attempt,
            DeliveryStatus status,
            Instant nextAttemptAt,
            @Nullable Integer httpStatus,
            String error) {
        return jdbc.sql(
                                "UPDATE webhook_delivery SET status = ?, next_attempt_at = ?, last_http_status = ?,"
                                        + " last_error = ?, claimed_at = NULL WHERE id = ? AND status = 'SENDING' AND attempts = ?")
                        .params(status.name(), utc(nextAttemptAt), httpStatus, error, id, attempt)
                        .update()
                == 1;
    }

    /**
     * Makes a delivery due at {@code now}, whether waiting for a retry or already delivered (to be
     * sent again). False when it is SENDING or CANCELLED.
     */
    public boolean redeliver(UUID id, Instant now) {
        return jdbc.sql("UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = ?, delivered_at = NULL"
                                + " WHERE id = ? AND status IN ('PENDING', 'DELIVERED')")
                        .params(utc(now), id)
                        .update()
                == 1;
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new WebhookEndpoint(
                rs.getObject("id", UUID.class),
                rs.getString("url"),
                Arrays.asList(rs.getString("events").split(",")),
                rs.getString("secret"),
                rs.getString("description"),
                rs.getBoolean("enabled"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "updated_at"),
                nullableInstant(rs, "deleted_at"));
    }

    private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(
                rs.getObject("id", UUID.class),
                rs.getObject("endpoint_id", UUID.class),
                rs.getLong("event_seq"),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getObject("partner_id", UUID.class),
                instant(rs, "occurred_at"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                nullableInt(rs, "last_http_status"),
                rs.getString("last_error"),
                nullableInstant(rs, "delivered_at"),
                instant(rs, "created_at"));
    }

    private static DeliveryAttempt attempt(ResultSet rs, int row) throws SQLException {
        return new DeliveryAttempt(
                rs.getInt("attempt"),
                instant(rs, "started_at"),
                rs.getLong("duration_ms"),
                nullableInt(rs, "http_status"),
                rs.getString("error"));
    }

    private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
