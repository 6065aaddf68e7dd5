package org.directbill.policy.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;
import org.directbill.policy.Evaluations;
import org.directbill.policy.domain.Evaluation;
import org.directbill.shared.Page;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Evaluations of a partner against a policy: made and stored, then read back unchanged. */
@RestController
@RequestMapping("/api/v1/partners/{id}/evaluations")
class EvaluationController {

    private final Evaluations evaluations;
    private final Localized localized;

    EvaluationController(Evaluations evaluations, Localized localized) {
        this.evaluations = evaluations;
        this.localized = localized;
    }

    /** {@code {asOf?, policyId?, market?}}; an empty body evaluates today against the policy in force. */
    record EvaluationRequest(
            @Nullable LocalDate asOf,
            @Nullable String policyId,
            @Nullable String market) {}

    @PostMapping
    ResponseEntity<EvaluationResponse> evaluate(
            @PathVariable String id, @RequestBody(required = false) @Nullable EvaluationRequest body) {
        EvaluationRequest request = body == null ? new EvaluationRequest(null, null, null) : body;
        Evaluation evaluation = evaluations.evaluate(
                partnerId(id), new Evaluations.Request(request.asOf(), request.policyId(), request.market()));
        return ResponseEntity.created(URI.create("/api/v1/partners/" + id + "/evaluations/" + evaluation.id()))
                .body(EvaluationResponse.of(evaluation, localized));
    }

    @GetMapping
    Page<EvaluationResponse> history(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return evaluations
                .history(partnerId(id), Page.Request.of(page, size))
                .map(evaluation -> EvaluationResponse.of(evaluation, localized));
    }

    @GetMapping("/{evaluationId}")
    EvaluationResponse get(@PathVariable String id, @PathVariable String evaluationId) {
        UUID evaluation;
        try {
            evaluation = UUID.fromString(evaluationId);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound("EVALUATION_NOT_FOUND", evaluationId);
        }
        return EvaluationResponse.of(evaluations.get(partnerId(id), evaluation), localized);
    }

    private static PartnerId partnerId(String id) {
        return PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
    }
}
