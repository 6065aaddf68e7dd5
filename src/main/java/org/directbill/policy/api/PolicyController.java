package org.directbill.policy.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.directbill.policy.Policies;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PolicyDraft;
import org.directbill.policy.domain.PublishedPolicy;
import org.directbill.shared.Page;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The policy rows of api.md's "Policies and evaluations" table. */
@RestController
@RequestMapping("/api/v1/policies")
class PolicyController {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final Policies policies;

    PolicyController(Policies policies) {
        this.policies = policies;
    }

    /** Every policy by effective date, a page at a time (they are few: the default page holds them all). */
    @GetMapping
    Page<PolicyResponse> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Page.Request request = Page.Request.of(page, size);
        List<PublishedPolicy> all = policies.published();
        List<PolicyResponse> items = all.stream()
                .skip(request.offset())
                .limit(request.size())
                .map(PolicyResponse::of)
                .toList();
        return new Page<>(items, request.page(), request.size(), all.size());
    }

    /** The policy in force on {@code date} (today when absent); 404 {@code NO_POLICY_IN_FORCE} before the first. */
    @GetMapping("/in-force")
    PolicyResponse inForce(@RequestParam(name = "date", required = false) @Nullable String date) {
        LocalDate day = date == null || date.isBlank() ? policies.today() : date(date.strip());
        Policy policy = policies.inForceOn(day).orElseThrow(() -> new NotFound("NO_POLICY_IN_FORCE", day));
        return PolicyResponse.of(policies.getPublished(policy.id()));
    }

    @GetMapping("/{id}")
    PolicyResponse get(@PathVariable String id) {
        return PolicyResponse.of(policies.getPublished(id));
    }

    /** Publishes a new version (program admin): 201 with its {@code Location}. */
    @PostMapping
    ResponseEntity<PolicyResponse> publish(@RequestBody PolicyDraft body) {
        Policy policy = policies.publish(body);
        return ResponseEntity.created(URI.create("/api/v1/policies/" + policy.id()))
                .body(PolicyResponse.of(policies.getPublished(policy.id())));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException notADate) {
            throw new InvalidInput(List.of(Violation.of("date", "INVALID_DATE", text)));
        }
    }
}
