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

    /**
     * The result an evaluator gives for a requirement: the status is the reason's, and the reason
     * must explain this requirement's code and come with exactly as many arguments as its sentence
     * takes.
     */
    public static RequirementResult of(
            Requirement requirement, Reason reason, List<String> arguments, Map<String, Object> details) {
        if (reason.code() != requirement.code()) {
            throw new IllegalArgumentException(reason + " does not explain " + requirement.code());
        }
        if (arguments.size() != reason.argumentCount()) {
            throw new IllegalArgumentException(
                    reason + " takes " + reason.argumentCount() + " argument(s), not " + arguments.size());
        }
        return new RequirementResult(
                requirement.code(), requirement.level(), reason.status(), reason.name(), arguments, details);
    }
}
