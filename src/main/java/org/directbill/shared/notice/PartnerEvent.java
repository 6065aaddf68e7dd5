package org.directbill.shared.notice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something about a partner that other systems are told by webhook (a direct-bill status change).
 * The module that makes the change publishes it inside the change's transaction; the notification
 * module stores one delivery per subscribed endpoint in that same transaction (an outbox), so an
 * event is delivered exactly when its change committed, at least once, in order per partner.
 *
 * @param partnerId the partner it is about
 * @param type dotted lower case, e.g. {@code partner.status.restricted}; endpoints subscribe to types
 * @param key unique per event: the same key published twice is delivered once
 * @param data the event's fields, JSON-friendly (strings, numbers, booleans, lists and maps of them;
 *     dates as ISO strings, money as decimal strings)
 */
public record PartnerEvent(UUID partnerId, String type, String key, Map<String, Object> data) {

    public PartnerEvent {
        Objects.requireNonNull(partnerId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(key);
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
