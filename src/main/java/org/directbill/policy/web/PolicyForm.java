package org.directbill.policy.web;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.directbill.policy.domain.Enforcement;
import org.directbill.policy.domain.Level;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PolicyDraft;
import org.directbill.policy.domain.Requirement;
import org.directbill.policy.domain.RequirementCode;
import org.directbill.policy.domain.RequirementParameters;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.revenue.domain.TtmWindow;
import org.directbill.shared.validation.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The publish form: what was typed, field by field, one row per requirement code (whether the
 * policy includes it, its level, its parameters). It becomes a {@link PolicyDraft} for the one
 * validation every policy goes through, and that validation's field paths ({@code
 * requirements[3].parameters.thresholdUsd}) are brought back to the row and input they came from.
 *
 * <p>Input names: {@code id}, {@code title}, {@code effectiveFrom}, {@code enforcement.measureAt},
 * {@code enforcement.cureDays}…, and per code {@code <CODE>.included}, {@code <CODE>.level}, {@code
 * <CODE>.<parameter>} ({@code TTM_REVENUE.thresholdUsd}, {@code TTM_REVENUE.countedCategories}…).
 */
record PolicyForm(
        String id,
        String title,
        String effectiveFrom,
        String measureAt,
        String cureDays,
        String suspendAfterDays,
        String revokeAfterDays,
        List<Row> rows) {

    private static final Pattern SMALL_WHOLE = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
    private static final Pattern REQUIREMENT_PATH =
            Pattern.compile("requirements\\[(\\d+)](?:\\.parameters\\.([A-Za-z]+)(?:\\[\\d+])?|\\.(code|level))?");

    static final List<String> ENFORCEMENT_NUMBERS =
            List.of("enforcement.cureDays", "enforcement.suspendAfterDays", "enforcement.revokeAfterDays");

    /** One requirement code's row, its values as typed (the parameters the code does not take stay empty). */
    record Row(
            RequirementCode code,
            boolean included,
            String level,
            String scope,
            String thresholdUsd,
            String windowMonths,
            String refreshDay,
            Set<String> countedCategories,
            String months) {

        /** The input name of one of this row's values. */
        public String field(String name) {
            return code.name() + "." + name;
        }

        public boolean takesScope() {
            return code == RequirementCode.LOCATION_ID;
        }

        public boolean takesRevenue() {
            return code == RequirementCode.TTM_REVENUE;
        }

        public boolean takesMonths() {
            return code == RequirementCode.INDIRECT_TENURE;
        }

        public boolean counts(String category) {
            return countedCategories.contains(category);
        }
    }

    /**
     * The form for a new version of {@code base}: its title, enforcement and requirements, every
     * code it does not list unticked with its defaults; the id and the date are left to choose.
     */
    static PolicyForm from(@Nullable Policy base) {
        Enforcement enforcement = base == null ? Enforcement.DEFAULT : base.enforcement();
        List<Row> rows = new ArrayList<>();
        for (RequirementCode code : RequirementCode.values()) {
            Requirement requirement =
                    base == null ? null : base.requirement(code).orElse(null);
            rows.add(row(code, requirement));
        }
        return new PolicyForm(
                "",
                base == null ? "" : base.title(),
                "",
                enforcement.measureAt().name(),
                String.valueOf(enforcement.cureDays()),
                String.valueOf(enforcement.suspendAfterDays()),
                String.valueOf(enforcement.revokeAfterDays()),
                rows);
    }

    private static Row row(RequirementCode code, @Nullable Requirement requirement) {
        RequirementParameters.LocationScope scope = RequirementParameters.LocationScope.DEFAULT;
        RequirementParameters.RevenueThreshold revenue = new RequirementParameters.RevenueThreshold(
                RequirementParameters.RevenueThreshold.DEFAULT_THRESHOLD_USD,
                TtmWindow.DEFAULT_MONTHS,
                TtmWindow.DEFAULT_REFRESH_DAY,
                ProductCategory.DEFAULT_COUNTED);
        RequirementParameters.Tenure tenure = RequirementParameters.Tenure.DEFAULT;
        if (requirement != null) {
            RequirementParameters parameters = requirement.parameters();
            if (parameters instanceof RequirementParameters.LocationScope given) {
                scope = given;
            } else if (parameters instanceof RequirementParameters.RevenueThreshold given) {
                revenue = given;
            } else if (parameters instanceof RequirementParameters.Tenure given) {
                tenure = given;
            }
        }
        Set<String> categories = new LinkedHashSet<>();
        revenue.countedCategories().forEach(category -> categories.add(category.name()));
        return new Row(
                code,
                requirement != null,
                requirement == null
                        ? Level.REQUIRED.name()
                        : requirement.level().name(),
                scope.scope().name(),
                revenue.thresholdUsd().toPlainString(),
                String.valueOf(revenue.windowMonths()),
                String.valueOf(revenue.refreshDay()),
                categories,
                String.valueOf(tenure.months()));
    }

    /** The form as submitted; an input that is missing reads as empty. */
    static PolicyForm read(MultiValueMap<String, String> form) {
        List<Row> rows = new ArrayList<>();
        for (RequirementCode code : RequirementCode.values()) {
            String prefix = code.name() + ".";
            rows.add(new Row(
                    code,
                    !text(form, prefix + "included").isEmpty(),
                    text(form, prefix + "level"),
                    text(form, prefix + "scope"),
                    text(form, prefix + "thresholdUsd"),
                    text(form, prefix + "windowMonths"),
                    text(form, prefix + "refreshDay"),
                    new LinkedHashSet<>(form.getOrDefault(prefix + "countedCategories", List.of())),
                    text(form, prefix + "months")));
        }
        return new PolicyForm(
                text(form, "id"),
                text(form, "title"),
                text(form, "effectiveFrom"),
                text(form, "enforcement.measureAt"),
                text(form, "enforcement.cureDays"),
                text(form, "enforcement.suspendAfterDays"),
                text(form, "enforcement.revokeAfterDays"),
                rows);
    }

    /**
     * The draft the form describes: the ticked requirements in code order. Empty inputs are sent as
     * missing values, for the validation to name them; the enforcement numbers are the exception
     * (a missing one would silently take its default), so {@link #blankEnforcement()} reports them.
     */
    PolicyDraft draft() {
        List<PolicyDraft.@Nullable RequirementDraft> requirements = new ArrayList<>();
        for (Row row : included()) {
            Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
            if (row.takesScope()) {
                parameters.put("scope", nullIfEmpty(row.scope()));
            } else if (row.takesRevenue()) {
                parameters.put("thresholdUsd", nullIfEmpty(row.thresholdUsd()));
                parameters.put("windowMonths", number(row.windowMonths()));
                parameters.put("refreshDay", number(row.refreshDay()));
                parameters.put("countedCategories", List.copyOf(row.countedCategories()));
            } else if (row.takesMonths()) {
                parameters.put("months", number(row.months()));
            }
            requirements.add(new PolicyDraft.RequirementDraft(row.code().name(), nullIfEmpty(row.level()), parameters));
        }
        return new PolicyDraft(
                nullIfEmpty(id),
                nullIfEmpty(title),
                nullIfEmpty(effectiveFrom),
                new PolicyDraft.EnforcementDraft(
                        nullIfEmpty(measureAt), number(cureDays), number(suspendAfterDays), number(revokeAfterDays)),
                requirements);
    }

    /** The enforcement numbers left empty: REQUIRED each. */
    List<Violation> blankEnforcement() {
        List<Violation> blank = new ArrayList<>();
        Map<String, String> values = Map.of(
                "enforcement.cureDays", cureDays,
                "enforcement.suspendAfterDays", suspendAfterDays,
                "enforcement.revokeAfterDays", revokeAfterDays);
        for (String field : ENFORCEMENT_NUMBERS) {
            if (values.get(field).isEmpty()) {
                blank.add(Violation.of(field, "REQUIRED"));
            }
        }
        return blank;
    }

    /**
     * The input a validation field path belongs to: {@code requirements[i]…} goes to the row of the
     * i-th ticked requirement ({@code TTM_REVENUE.thresholdUsd}, {@code TTM_REVENUE.level}; a
     * category of the list goes to the list), anything else keeps its name ({@code enforcement.cureDays}).
     */
    String inputOf(String path) {
        Matcher matcher = REQUIREMENT_PATH.matcher(path);
        if (!matcher.matches()) {
            return path;
        }
        List<Row> included = included();
        int index = Integer.parseInt(matcher.group(1));
        if (index >= included.size()) {
            return "requirements";
        }
        Row row = included.get(index);
        if (matcher.group(2) != null) {
            return row.field(matcher.group(2));
        }
        if ("level".equals(matcher.group(3))) {
            return row.field("level");
        }
        return row.field("included");
    }

    /** The field errors by input, several for one input joined in one message. */
    Map<String, String> errorsByInput(Map<String, String> byPath) {
        Map<String, String> errors = new LinkedHashMap<>();
        byPath.forEach((path, message) -> errors.merge(inputOf(path), message, (a, b) -> a + " " + b));
        return errors;
    }

    private List<Row> included() {
        return rows.stream().filter(Row::included).toList();
    }

    /** A whole number as a number; anything else as typed, for the validation to refuse; empty as missing. */
    private static @Nullable Object number(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (SMALL_WHOLE.matcher(text).matches()) {
            return Integer.valueOf(text);
        }
        // A whole number too large for an int is still one: the validation says it is out of range.
        return WHOLE.matcher(text).matches() ? new BigInteger(text) : text;
    }

    private static @Nullable String nullIfEmpty(String text) {
        return text.isEmpty() ? null : text;
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
