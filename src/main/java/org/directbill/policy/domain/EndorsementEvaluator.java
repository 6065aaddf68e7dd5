package org.directbill.policy.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.directbill.partner.domain.PartnerProfile;

/**
 * {@code ENDORSEMENT}: a signatory with authority to sign legal agreements. None named, or one
 * without that authority, is NOT_MET: the partner names the right person.
 */
final class EndorsementEvaluator implements RequirementEvaluator {

    @Override
    public RequirementCode code() {
        return RequirementCode.ENDORSEMENT;
    }

    @Override
    public RequirementResult evaluate(Requirement requirement, Facts facts) {
        PartnerProfile.Signatory signatory = facts.profile().signatory();
        if (signatory == null) {
            return RequirementResult.of(requirement, Reason.NO_SIGNATORY, List.of(), Map.of());
        }
        String name = Objects.toString(signatory.name(), "");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("signatoryName", name);
        if (signatory.title() != null) {
            details.put("signatoryTitle", signatory.title());
        }
        boolean authority = Boolean.TRUE.equals(signatory.authorityToSign());
        details.put("authorityToSign", authority);
        return RequirementResult.of(
                requirement,
                authority ? Reason.SIGNATORY_WITH_AUTHORITY : Reason.SIGNATORY_WITHOUT_AUTHORITY,
                List.of(name),
                details);
    }
}
