package org.directbill.enrollment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.directbill.enrollment.EnrollmentWorkflow.CreditDecision;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.enrollment.domain.EnrollmentStatus;
import org.directbill.enrollment.domain.HmacSigner;
import org.directbill.enrollment.domain.SignatureRefused;
import org.directbill.enrollment.internal.CreditBureauProperties;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credit bureau's decision, arrived on its webhook. The signature is the only credential: it is
 * checked over the raw body before anything is read from it. Bureaus deliver again when unsure we got
 * a message, so the decision the enrollment already holds is answered as done, unchanged.
 */
@Service
public class CreditBureauWebhook {

    /** Who the history and the audit log name for the bureau's decisions. */
    public static final String BUREAU = "credit-bureau";

    private static final Logger log = LoggerFactory.getLogger(CreditBureauWebhook.class);

    private final CreditBureauProperties settings;
    private final EnrollmentWorkflow workflow;
    private final JsonMapper json;
    private final Clock clock;

    CreditBureauWebhook(CreditBureauProperties settings, EnrollmentWorkflow workflow, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.workflow = workflow;
        this.json = json;
        this.clock = clock;
    }

    /** The webhook's body. */
    record DecisionBody(
            @Nullable String enrollmentId,
            @Nullable CreditDecision decision,
            @Nullable String creditLimitUsd,
            @Nullable String note,
            @Nullable String reference) {}

    /**
     * 404 without a bureau; 401 unless signed with the shared secret within the last minutes; 400
     * for a body that is not a decision; then the decision, taken as the bureau.
     */
    public Enrollment receive(@Nullable String timestamp, @Nullable String signature, byte[] body) {
        if (!settings.configured()) {
            throw new NotFound("CREDIT_BUREAU_NOT_CONFIGURED");
        }
        switch (HmacSigner.of(settings.secret()).check(timestamp, signature, body, clock.instant())) {
            case INVALID -> throw SignatureRefused.invalid();
            case EXPIRED -> throw SignatureRefused.expired();
            case VALID -> {}
        }
        DecisionBody decision = json.readValue(body, DecisionBody.class);
        if (decision == null) {
            decision = new DecisionBody(null, null, null, null, null);
        }
        Violations violations = new Violations();
        String idText = violations.requireText("enrollmentId", decision.enrollmentId(), 100);
        EnrollmentId id = idText == null ? null : EnrollmentId.parse(idText).orElse(null);
        if (idText != null && id == null) {
            violations.add("enrollmentId", "INVALID_VALUE", idText);
        }
        violations.throwIfAny();
        EnrollmentId enrollment = Objects.requireNonNull(id);
        DecisionBody taken = decision;
        log.info(
                "Credit bureau decision {} for enrollment {} (reference {})",
                taken.decision(),
                enrollment,
                taken.reference());
        return asBureau(() -> {
            Enrollment current =
                    workflow.find(enrollment).orElseThrow(() -> new NotFound("ENROLLMENT_NOT_FOUND", idText));
            if (alreadyHolds(current, taken)) {
                return current;
            }
            return workflow.decideCreditForBureau(
                    enrollment, taken.decision(), taken.creditLimitUsd(), taken.note(), BUREAU);
        });
    }

    /** The same decision delivered again: approved with the same limit, or declined. */
    private static boolean alreadyHolds(Enrollment enrollment, DecisionBody decision) {
        if (decision.decision() == CreditDecision.DECLINED) {
            return enrollment.status() == EnrollmentStatus.CREDIT_DECLINED;
        }
        if (decision.decision() != CreditDecision.APPROVED
                || enrollment.status() != EnrollmentStatus.CREDIT_APPROVED
                || enrollment.creditLimitUsd() == null
                || decision.creditLimitUsd() == null) {
            return false;
        }
        try {
            return new BigDecimal(decision.creditLimitUsd().strip()).compareTo(enrollment.creditLimitUsd()) == 0;
        } catch (NumberFormatException notAnAmount) {
            return false;
        }
    }

    /**
     * Runs the decision with the bureau as the signed-in principal: the signature authenticated it,
     * and the audit log names whoever is signed in. It holds no role, so it may do nothing else.
     */
    private static Enrollment asBureau(Supplier<Enrollment> decision) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext bureau = SecurityContextHolder.createEmptyContext();
        bureau.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(BUREAU, null, List.of()));
        SecurityContextHolder.setContext(bureau);
        try {
            return decision.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
