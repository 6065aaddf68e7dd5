package org.directbill.policy.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.directbill.policy.domain.PolicyDraft.EnforcementDraft;
import org.directbill.policy.domain.PolicyDraft.RequirementDraft;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.revenue.domain.TtmWindow;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a policy document (domain.md, "Requirement policies"), each mistake reported once
 * under its field path and all of them together. Whether {@code effectiveFrom} lies in the future
 * is not checked here: it depends on the day of publication, not on the document.
 */
final class PolicyValidation {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    /** Words the API and the pages use after {@code /policies/}: a policy so named could not be reached. */
    static final java.util.Set<String> RESERVED_IDS = java.util.Set.of("in-force", "new", "compare");

    static final int TITLE_MAX = 200;
    // Money is a decimal string: digits, at most two decimals, no sign, no exponent, no separator.
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,14})(\\.[0-9]{1,2})?");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    /** The parameters each kind of requirement takes, in document order. */
    static final Map<RequirementCode, List<String>> PARAMETERS = parameterNames();

    static final int WINDOW_MONTHS_MAX = 36;
    static final int REFRESH_DAY_MAX = 28;
    static final int TENURE_MONTHS_MAX = 120;
    static final int CURE_DAYS_MAX = 365;
    static final int ESCALATION_DAYS_MAX = 730;

    private final PolicyDraft draft;
    private final Violations violations = new Violations();

    PolicyValidation(PolicyDraft draft) {
        this.draft = draft;
    }

    Policy policy() {
        String id = id();
        String title = violations.requireText("title", draft.title(), TITLE_MAX);
        LocalDate effectiveFrom = effectiveFrom();
        Enforcement enforcement = enforcement(draft.enforcement());
        List<Requirement> requirements = requirements();
        violations.throwIfAny();
        return new Policy(id, title, effectiveFrom, enforcement, requirements);
    }

    private @Nullable String id() {
        String id = draft.id();
        if (id == null || id.isBlank()) {
            violations.add("id", "REQUIRED");
            return null;
        }
        if (!ID.matcher(id).matches()) {
            violations.add("id", "INVALID_POLICY_ID", id);
        } else if (RESERVED_IDS.contains(id)) {
            violations.add("id", "RESERVED_POLICY_ID", id);
        }
        return id;
    }

    private @Nullable LocalDate effectiveFrom() {
        String text = draft.effectiveFrom();
        if (text == null || text.isBlank()) {
            violations.add("effectiveFrom", "REQUIRED");
            return null;
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException notADate) {
            violations.add("effectiveFrom", "INVALID_DATE", text);
            return null;
        }
    }

    private Enforcement enforcement(@Nullable EnforcementDraft given) {
        if (given == null) {
            return Enforcement.DEFAULT;
        }
        Enforcement.MeasureAt measureAt = given.measureAt() == null
                ? Enforcement.DEFAULT.measureAt()
                : choice("enforcement.measureAt", given.measureAt(), Enforcement.MeasureAt.class);
        // The enforcement object is read into fixed fields, so a JSON null cannot be told from an absent value.
        Integer cure = given.cureDays() == null
                ? Integer.valueOf(Enforcement.DEFAULT.cureDays())
                : integer("enforcement.cureDays", given.cureDays(), 1, CURE_DAYS_MAX);
        Integer suspend = given.suspendAfterDays() == null
                ? Integer.valueOf(Enforcement.DEFAULT.suspendAfterDays())
                : integer("enforcement.suspendAfterDays", given.suspendAfterDays(), 1, ESCALATION_DAYS_MAX);
        Integer revoke = given.revokeAfterDays() == null
                ? Integer.valueOf(Enforcement.DEFAULT.revokeAfterDays())
                : integer("enforcement.revokeAfterDays", given.revokeAfterDays(), 1, ESCALATION_DAYS_MAX);
        if (suspend != null && revoke != null && revoke <= suspend) {
            violations.add("enforcement.revokeAfterDays", "REVOKE_NOT_AFTER_SUSPEND", revoke, suspend);
        }
        if (measureAt == null || cure == null || suspend == null || revoke == null) {
            return Enforcement.DEFAULT; // never returned: a violation was recorded
        }
        return new Enforcement(measureAt, cure, suspend, revoke);
    }

    private List<Requirement> requirements() {
        List<@Nullable RequirementDraft> given = draft.requirements();
        if (given == null) {
            violations.add("requirements", "REQUIRED");
            return List.of();
        }
        if (given.isEmpty()) {
            violations.add("requirements", "NO_REQUIREMENT");
            return List.of();
        }
        List<Requirement> requirements = new ArrayList<>();
        Map<RequirementCode, Integer> seen = new EnumMap<>(RequirementCode.class);
        for (int i = 0; i < given.size(); i++) {
            String field = "requirements[" + i + "]";
            RequirementDraft requirement = given.get(i);
            if (requirement == null) {
                violations.add(field, "REQUIRED");
                continue;
            }
            RequirementCode code = code(field + ".code", requirement.code());
            if (code != null) {
                Integer first = seen.putIfAbsent(code, i);
                if (first != null) {
                    violations.add(field + ".code", "DUPLICATE_REQUIREMENT", code.name(), first);
                    code = null;
                }
            }
            Level level = requirement.level() == null
                    ? missing(field + ".level")
                    : choice(field + ".level", requirement.level(), Level.class);
            RequirementParameters parameters =
                    code == null ? null : parameters(field + ".parameters", code, requirement.parameters());
            if (code != null && level != null && parameters != null) {
                requirements.add(new Requirement(code, level, parameters));
            }
        }
        return requirements;
    }

    private @Nullable RequirementCode code(String field, @Nullable String code) {
        if (code == null || code.isBlank()) {
            violations.add(field, "REQUIRED");
            return null;
        }
        for (RequirementCode known : RequirementCode.values()) {
            if (known.name().equals(code)) {
                return known;
            }
        }
        violations.add(field, "UNKNOWN_REQUIREMENT_CODE", code, names(RequirementCode.values()));
        return null;
    }

    /** The parameters of {@code code}, defaults filled in; null when one was wrong (and reported). */
    private @Nullable RequirementParameters parameters(
            String field, RequirementCode code, @Nullable Map<String, @Nullable Object> given) {
        Map<String, @Nullable Object> values = given == null ? Map.of() : given;
        List<String> allowed = PARAMETERS.get(code);
        boolean wrong = false;
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                violations.add(
                        field + "." + name,
                        "UNKNOWN_PARAMETER",
                        name,
                        code.name(),
                        String.join(", ", allowed),
                        allowed.size());
                wrong = true;
            }
        }
        Parameters read = new Parameters(field, values);
        RequirementParameters parameters = switch (code) {
            case LOCATION_ID -> read.locationScope();
            case TTM_REVENUE -> read.revenueThreshold();
            case INDIRECT_TENURE -> read.tenure();
            default -> new RequirementParameters.None();
        };
        return wrong ? null : parameters;
    }

    /** The parameters of one requirement, each read from the document or defaulted. */
    private final class Parameters {

        private final String field;
        private final Map<String, @Nullable Object> values;

        Parameters(String field, Map<String, @Nullable Object> values) {
            this.field = field;
            this.values = values;
        }

        private String at(String name) {
            return field + "." + name;
        }

        /** Whether the parameter is written; a JSON null counts as written (and is refused as missing). */
        private boolean given(String name) {
            return values.containsKey(name);
        }

        RequirementParameters.@Nullable LocationScope locationScope() {
            if (!given("scope")) {
                return RequirementParameters.LocationScope.DEFAULT;
            }
            RequirementParameters.Scope scope =
                    choice(at("scope"), values.get("scope"), RequirementParameters.Scope.class);
            return scope == null ? null : new RequirementParameters.LocationScope(scope);
        }

        RequirementParameters.@Nullable Tenure tenure() {
            Integer months = given("months")
                    ? integer(at("months"), values.get("months"), 1, TENURE_MONTHS_MAX)
                    : Integer.valueOf(RequirementParameters.Tenure.DEFAULT.months());
            return months == null ? null : new RequirementParameters.Tenure(months);
        }

        RequirementParameters.@Nullable RevenueThreshold revenueThreshold() {
            BigDecimal threshold = given("thresholdUsd")
                    ? amount(at("thresholdUsd"), values.get("thresholdUsd"))
                    : RequirementParameters.RevenueThreshold.DEFAULT_THRESHOLD_USD;
            Integer window = given("windowMonths")
                    ? integer(at("windowMonths"), values.get("windowMonths"), 1, WINDOW_MONTHS_MAX)
                    : Integer.valueOf(TtmWindow.DEFAULT_MONTHS);
            Integer refreshDay = given("refreshDay")
                    ? integer(at("refreshDay"), values.get("refreshDay"), 1, REFRESH_DAY_MAX)
                    : Integer.valueOf(TtmWindow.DEFAULT_REFRESH_DAY);
            List<ProductCategory> categories = given("countedCategories")
                    ? categories(at("countedCategories"), values.get("countedCategories"))
                    : ProductCategory.DEFAULT_COUNTED;
            if (threshold == null || window == null || refreshDay == null || categories == null) {
                return null;
            }
            return new RequirementParameters.RevenueThreshold(threshold, window, refreshDay, categories);
        }
    }

    private @Nullable BigDecimal amount(String field, @Nullable Object value) {
        if (value == null) {
            violations.add(field, "REQUIRED");
            return null;
        }
        if (value instanceof Number number) {
            violations.add(field, "AMOUNT_NOT_A_STRING", number.toString());
            return null;
        }
        if (!(value instanceof String text) || !AMOUNT.matcher(text).matches()) {
            violations.add(field, "INVALID_AMOUNT", String.valueOf(value));
            return null;
        }
        return new BigDecimal(text);
    }

    private @Nullable List<ProductCategory> categories(String field, @Nullable Object value) {
        if (!(value instanceof List<?> list)) {
            violations.add(field, "LIST_EXPECTED");
            return null;
        }
        if (list.isEmpty()) {
            violations.add(field, "EMPTY_LIST");
            return null;
        }
        List<ProductCategory> categories = new ArrayList<>();
        Set<ProductCategory> seen = EnumSet.noneOf(ProductCategory.class);
        boolean wrong = false;
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            ProductCategory category = choice(at, list.get(i), ProductCategory.class);
            if (category == null) {
                wrong = true;
            } else if (!seen.add(category)) {
                violations.add(at, "DUPLICATE_VALUE", category.name());
                wrong = true;
            } else {
                categories.add(category);
            }
        }
        return wrong ? null : categories;
    }

    /** A whole number from {@code min} to {@code max}: a string, a fraction or a JSON null is not one. */
    private @Nullable Integer integer(String field, @Nullable Object value, int min, int max) {
        if (value == null) {
            return missing(field);
        }
        BigInteger whole = null;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            whole = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            whole = big;
        }
        if (whole == null) {
            violations.add(field, "INTEGER_EXPECTED", String.valueOf(value));
            return null;
        }
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            violations.add(field, "OUT_OF_RANGE", min, max);
            return null;
        }
        return whole.intValueExact();
    }

    /** One of the constants of {@code type}, written exactly (upper case). */
    private <E extends Enum<E>> @Nullable E choice(String field, @Nullable Object value, Class<E> type) {
        if (value == null) {
            return missing(field);
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        violations.add(field, "INVALID_ENUM", field, String.valueOf(value), names(type.getEnumConstants()));
        return null;
    }

    private <T> @Nullable T missing(String field) {
        violations.add(field, "REQUIRED");
        return null;
    }

    private static String names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static Map<RequirementCode, List<String>> parameterNames() {
        Map<RequirementCode, List<String>> names = new EnumMap<>(RequirementCode.class);
        for (RequirementCode code : RequirementCode.values()) {
            names.put(
                    code,
                    switch (code) {
                        case LOCATION_ID -> List.of("scope");
                        case TTM_REVENUE -> List.of("thresholdUsd", "windowMonths", "refreshDay", "countedCategories");
                        case INDIRECT_TENURE -> List.of("months");
                        default -> List.of();
                    });
        }
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }
}
