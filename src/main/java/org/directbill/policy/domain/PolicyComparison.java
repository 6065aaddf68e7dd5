package org.directbill.policy.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What changed from one policy to another (e.g. from a version to the one superseding it): its
 * title, effective date and enforcement, then each requirement code that either lists, in {@link
 * RequirementCode} order. Values are given as the document writes them (strings, numbers, lists of
 * names), ready to be shown.
 *
 * @param fields the changed fields of the policy itself: {@code title}, {@code effectiveFrom},
 *     {@code enforcement.measureAt}, {@code enforcement.cureDays}…
 * @param requirements one entry per code listed by either policy, unchanged ones included
 */
public record PolicyComparison(
        Policy left, Policy right, List<FieldChange> fields, List<RequirementChange> requirements) {

    public PolicyComparison {
        Objects.requireNonNull(left);
        Objects.requireNonNull(right);
        fields = List.copyOf(fields);
        requirements = List.copyOf(requirements);
    }

    /** How a requirement differs between the two policies. */
    public enum Change {
        /** Listed only by the right policy. */
        ADDED,
        /** Listed only by the left policy. */
        REMOVED,
        /** REQUIRED became RECOMMENDED or the other way round. */
        LEVEL_CHANGED,
        /** At least one parameter has another value (see {@link RequirementChange#parameters()}). */
        PARAMETERS_CHANGED,
        /** The same level and parameters in both. */
        UNCHANGED
    }

    /** A field of the policy (or a parameter of a requirement) and its values left and right. */
    public record FieldChange(
            String name, @Nullable Object before, @Nullable Object after) {}

    /**
     * One requirement code compared.
     *
     * @param changes ADDED, REMOVED or UNCHANGED alone; else LEVEL_CHANGED, PARAMETERS_CHANGED or both
     * @param before the requirement in the left policy, null when ADDED
     * @param after the requirement in the right policy, null when REMOVED
     * @param parameters the parameters whose value changed (only when both list the code)
     */
    public record RequirementChange(
            RequirementCode code,
            Set<Change> changes,
            @Nullable Requirement before,
            @Nullable Requirement after,
            List<FieldChange> parameters) {

        public RequirementChange {
            Objects.requireNonNull(code);
            changes = Collections.unmodifiableSet(
                    changes.isEmpty() ? EnumSet.noneOf(Change.class) : EnumSet.copyOf(changes));
            parameters = List.copyOf(parameters);
        }

        public boolean is(Change change) {
            return changes.contains(change);
        }
    }

    /** The differences from {@code left} to {@code right}. */
    public static PolicyComparison between(Policy left, Policy right) {
        List<FieldChange> fields = new ArrayList<>();
        field(fields, "title", left.title(), right.title());
        field(
                fields,
                "effectiveFrom",
                left.effectiveFrom().toString(),
                right.effectiveFrom().toString());
        Enforcement l = left.enforcement();
        Enforcement r = right.enforcement();
        field(
                fields,
                "enforcement.measureAt",
                l.measureAt().name(),
                r.measureAt().name());
        field(fields, "enforcement.cureDays", l.cureDays(), r.cureDays());
        field(fields, "enforcement.suspendAfterDays", l.suspendAfterDays(), r.suspendAfterDays());
        field(fields, "enforcement.revokeAfterDays", l.revokeAfterDays(), r.revokeAfterDays());

        List<RequirementChange> requirements = new ArrayList<>();
        for (RequirementCode code : RequirementCode.values()) {
            Requirement before = left.requirement(code).orElse(null);
            Requirement after = right.requirement(code).orElse(null);
            if (before == null && after == null) {
                continue;
            }
            requirements.add(compare(code, before, after));
        }
        return new PolicyComparison(left, right, fields, requirements);
    }

    /** Whether the two policies differ in nothing but, possibly, their ids. */
    public boolean identical() {
        return fields.isEmpty() && requirements.stream().allMatch(r -> r.is(Change.UNCHANGED));
    }

    private static RequirementChange compare(
            RequirementCode code, @Nullable Requirement before, @Nullable Requirement after) {
        if (before == null) {
            return new RequirementChange(code, EnumSet.of(Change.ADDED), null, after, List.of());
        }
        if (after == null) {
            return new RequirementChange(code, EnumSet.of(Change.REMOVED), before, null, List.of());
        }
        Set<Change> changes = EnumSet.noneOf(Change.class);
        if (before.level() != after.level()) {
            changes.add(Change.LEVEL_CHANGED);
        }
        List<FieldChange> parameters = parameterChanges(before.parameters(), after.parameters());
        if (!parameters.isEmpty()) {
            changes.add(Change.PARAMETERS_CHANGED);
        }
        if (changes.isEmpty()) {
            changes.add(Change.UNCHANGED);
        }
        return new RequirementChange(code, changes, before, after, parameters);
    }

    private static List<FieldChange> parameterChanges(RequirementParameters before, RequirementParameters after) {
        Map<String, Object> left = before.asMap();
        Map<String, Object> right = after.asMap();
        Set<String> names = new LinkedHashSet<>(left.keySet());
        names.addAll(right.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            Object l = left.get(name);
            Object r = right.get(name);
            if (!sameValue(name, l, r)) {
                changes.add(new FieldChange(name, l, r));
            }
        }
        return changes;
    }

    /**
     * Amounts compare by value ("300000" and "300000.00" are the same threshold), and the counted
     * categories as a set: their order counts nothing.
     */
    private static boolean sameValue(String name, @Nullable Object left, @Nullable Object right) {
        if ("thresholdUsd".equals(name) && left instanceof String l && right instanceof String r) {
            return new BigDecimal(l).compareTo(new BigDecimal(r)) == 0;
        }
        if ("countedCategories".equals(name) && left instanceof List<?> l && right instanceof List<?> r) {
            return new HashSet<>(l).equals(new HashSet<>(r));
        }
        return Objects.equals(left, right);
    }

    private static void field(List<FieldChange> fields, String name, Object before, Object after) {
        if (!before.equals(after)) {
            fields.add(new FieldChange(name, before, after));
        }
    }

    /** The compared requirements by code, for a page that looks one up. */
    public Map<RequirementCode, RequirementChange> byCode() {
        Map<RequirementCode, RequirementChange> byCode = new LinkedHashMap<>();
        requirements.forEach(r -> byCode.put(r.code(), r));
        return byCode;
    }
}
