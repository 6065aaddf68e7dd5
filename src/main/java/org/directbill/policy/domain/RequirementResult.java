package org.directbill.policy.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One requirement evaluated: its status, why (a stable reason code and the arguments of its
 * sentence, rendered in the reader's language by {@code requirement.reason.<REASON>}), and the
 * figures behind it. Detail values are JSON-friendly: strings (money as plain decimal strings,
 * dates as ISO), numbers, booleans, lists of them.
 */
public record RequirementResult(
        RequirementCode code,
        Level level,
        RequirementStatus status,
        String reason,
        List<String> reasonArguments,
        Map<String, Object> details) {

    public RequirementResult {
        Objects.requireNonNull(code);
        Objects.requireNonNull(level);
        Objects.requireNonNull(status);
        Objects.requireNonNull(reason);
        reasonArguments = List.copyOf(reasonArguments);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
