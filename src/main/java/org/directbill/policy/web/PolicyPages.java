package org.directbill.policy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.directbill.policy.Policies;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PolicyComparison;
import org.directbill.policy.domain.PublishedPolicy;
import org.directbill.policy.domain.Requirement;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The requirement policies for people: every version with the one in force today marked, one
 * policy in words, and two versions side by side with what changed. Any signed-in user reads them;
 * publishing is {@link PublishPolicyPage}.
 */
@PageController
class PolicyPages {

    private final Policies policies;
    private final PolicyWords words;
    private final Localized localized;

    PolicyPages(Policies policies, PolicyWords words, Localized localized) {
        this.policies = policies;
        this.words = words;
        this.localized = localized;
    }

    /** Where a version stands today. */
    enum State {
        SUPERSEDED,
        IN_FORCE,
        UPCOMING
    }

    /** A version in the list. */
    record Version(
            PublishedPolicy published,
            State state,
            @Nullable String previousId) {
        public Policy policy() {
            return published.policy();
        }

        public String css() {
            return state.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One requirement of a policy said in words. */
    record RequirementLine(String code, String name, boolean required, String level, String parameters) {}

    @GetMapping("/policies")
    String list(Model model) {
        model.addAttribute("versions", versions());
        model.addAttribute("today", policies.today());
        return "policy/list";
    }

    @GetMapping("/policies/{id}")
    String detail(@PathVariable String id, Model model) {
        PublishedPolicy published = policies.getPublished(id);
        Version version = versions().stream()
                .filter(v -> v.policy().id().equals(published.id()))
                .findFirst()
                .orElseThrow();
        Policy policy = published.policy();
        model.addAttribute("version", version);
        model.addAttribute("policy", policy);
        model.addAttribute("requirements", lines(policy));
        model.addAttribute("enforcement", words.enforcement(policy.enforcement()));
        model.addAttribute("next", next(policy).orElse(null));
        return "policy/detail";
    }

    /** A compared requirement: each side in words, the changes named, the changed parameters old → new. */
    record ComparedRequirement(
            String code,
            String name,
            String css,
            List<Change> changes,
            @Nullable String left,
            @Nullable String right,
            List<ChangedValue> parameters) {}

    record Change(String css, String text) {}

    record ChangedValue(String name, String before, String after) {}

    @GetMapping("/policies/compare")
    String compare(
            @RequestParam(name = "left", required = false) @Nullable String left,
            @RequestParam(name = "right", required = false) @Nullable String right,
            Model model,
            HttpServletResponse response) {
        List<Policy> all = policies.all();
        Map<String, String> errors = new LinkedHashMap<>();
        Policy rightPolicy = pick("right", right, errors)
                .orElseGet(() -> policies.inForceOn(policies.today()).orElse(all.get(all.size() - 1)));
        Policy leftPolicy =
                pick("left", left, errors).orElseGet(() -> previous(rightPolicy).orElse(rightPolicy));
        model.addAttribute("options", all);
        model.addAttribute("errors", errors);
        model.addAttribute("leftId", left == null || left.isBlank() ? leftPolicy.id() : left.strip());
        model.addAttribute("rightId", right == null || right.isBlank() ? rightPolicy.id() : right.strip());
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return "policy/compare";
        }
        PolicyComparison comparison = PolicyComparison.between(leftPolicy, rightPolicy);
        model.addAttribute("left", leftPolicy);
        model.addAttribute("right", rightPolicy);
        model.addAttribute("identical", comparison.identical());
        model.addAttribute(
                "fields",
                comparison.fields().stream()
                        .map(f -> new ChangedValue(
                                words.fieldName(f.name()),
                                words.value(f.name(), f.before()),
                                words.value(f.name(), f.after())))
                        .toList());
        model.addAttribute(
                "requirements",
                comparison.requirements().stream().map(this::compared).toList());
        return "policy/compare";
    }

    private ComparedRequirement compared(PolicyComparison.RequirementChange change) {
        List<Change> changes = change.changes().stream()
                .map(c -> new Change(
                        c.name().toLowerCase(java.util.Locale.ROOT), localized.text("policy.change." + c.name())))
                .toList();
        return new ComparedRequirement(
                change.code().name(),
                localized.text("requirement.code." + change.code().name()),
                change.is(PolicyComparison.Change.UNCHANGED) ? "unchanged" : "changed",
                changes,
                side(change.before()),
                side(change.after()),
                change.parameters().stream()
                        .map(p -> new ChangedValue(
                                words.fieldName(p.name()),
                                words.value(p.name(), p.before()),
                                words.value(p.name(), p.after())))
                        .toList());
    }

    private @Nullable String side(@Nullable Requirement requirement) {
        if (requirement == null) {
            return null;
        }
        return localized.text("requirement.level." + requirement.level().name()) + " · "
                + words.parameters(requirement);
    }

    private Optional<Policy> pick(String field, @Nullable String id, Map<String, String> errors) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Optional<Policy> policy = policies.find(id.strip());
        if (policy.isEmpty()) {
            errors.put(field, localized.text("violation.UNKNOWN_POLICY", id.strip()));
        }
        return policy;
    }

    List<RequirementLine> lines(Policy policy) {
        return policy.requirements().stream()
                .map(r -> new RequirementLine(
                        r.code().name(),
                        localized.text("requirement.code." + r.code().name()),
                        r.level() == org.directbill.policy.domain.Level.REQUIRED,
                        localized.text("requirement.level." + r.level().name()),
                        words.parameters(r)))
                .toList();
    }

    /** Every version by effective date, each with where it stands today and the one before it. */
    private List<Version> versions() {
        LocalDate today = policies.today();
        String inForce = policies.inForceOn(today).map(Policy::id).orElse(null);
        List<Version> versions = new ArrayList<>();
        String previous = null;
        for (PublishedPolicy published : policies.published()) {
            Policy policy = published.policy();
            State state = policy.id().equals(inForce)
                    ? State.IN_FORCE
                    : policy.effectiveFrom().isAfter(today) ? State.UPCOMING : State.SUPERSEDED;
            versions.add(new Version(published, state, previous));
            previous = policy.id();
        }
        return versions;
    }

    private Optional<Policy> previous(Policy policy) {
        return policies.all().stream()
                .filter(p -> p.effectiveFrom().isBefore(policy.effectiveFrom()))
                .reduce((first, second) -> second);
    }

    private Optional<Policy> next(Policy policy) {
        return policies.all().stream()
                .filter(p -> p.effectiveFrom().isAfter(policy.effectiveFrom()))
                .findFirst();
    }
}
