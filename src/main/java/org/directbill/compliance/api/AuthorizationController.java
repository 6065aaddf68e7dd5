package org.directbill.compliance.api;

import java.time.Instant;
import org.directbill.compliance.Authorizations;
import org.directbill.compliance.domain.Refusal;
import org.directbill.compliance.domain.Refusals;
import org.directbill.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /authorizations}: may a partner, or a location, do an action now (the ordering
 * platform's question before each action). The hot path: the answer comes from memory, and this
 * class adds only the reason's words. {@code GET /authorizations/refusals}: the refusals kept.
 */
@RestController
@RequestMapping("/api/v1/authorizations")
class AuthorizationController {

    private final Authorizations authorizations;
    private final AuthorizationReasons reasons;

    AuthorizationController(Authorizations authorizations, AuthorizationReasons reasons) {
        this.authorizations = authorizations;
        this.reasons = reasons;
    }

    record AuthorizationBody(
            @Nullable String partnerId,
            @Nullable String locationId,
            @Nullable String action) {}

    record AuthorizationResponse(
            boolean allowed,
            String status,
            String code,
            String reason,
            String partnerId,
            @Nullable String locationId,
            String action) {}

    @PostMapping
    AuthorizationResponse decide(@RequestBody AuthorizationBody body) {
        Authorizations.Authorization answer = authorizations.decide(body.partnerId(), body.locationId(), body.action());
        return new AuthorizationResponse(
                answer.decision().allowed(),
                answer.decision().status().name(),
                answer.decision().code(),
                reasons.of(answer),
                answer.partnerId().toString(),
                answer.location() == null ? null : answer.location().locationId(),
                answer.action().name());
    }

    record RefusalResponse(
            long id,
            String partnerId,
            @Nullable String locationId,
            String action,
            String status,
            String code,
            String caller,
            Instant decidedAt) {

        static RefusalResponse of(Refusals.Stored stored) {
            Refusal refusal = stored.refusal();
            return new RefusalResponse(
                    stored.id(),
                    refusal.partnerId().toString(),
                    refusal.locationId(),
                    refusal.action().name(),
                    refusal.status().name(),
                    refusal.code().name(),
                    refusal.caller(),
                    refusal.decidedAt());
        }
    }

    @GetMapping("/refusals")
    Page<RefusalResponse> refusals(
            @RequestParam(required = false) @Nullable String partnerId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return authorizations.refusals(partnerId, page, size).map(RefusalResponse::of);
    }
}
