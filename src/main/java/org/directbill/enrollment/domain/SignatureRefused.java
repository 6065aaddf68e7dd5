package org.directbill.enrollment.domain;

import org.directbill.shared.problem.ApiProblem;

/**
 * 401: a message said to come from the credit bureau whose signature is missing or wrong ({@code
 * INVALID_SIGNATURE}), or whose timestamp is too far from now ({@code SIGNATURE_EXPIRED}).
 */
public class SignatureRefused extends ApiProblem {

    private SignatureRefused(String code, Object... arguments) {
        super(401, code, arguments);
    }

    public static SignatureRefused invalid() {
        return new SignatureRefused("INVALID_SIGNATURE");
    }

    public static SignatureRefused expired() {
        return new SignatureRefused("SIGNATURE_EXPIRED", HmacSigner.TOLERANCE.toMinutes());
    }
}
