package org.directbill.shared.problem;

/** 422: a business rule refuses the request. */
public class RuleViolation extends ApiProblem {

    public RuleViolation(String code, Object... arguments) {
        super(422, code, arguments);
    }
}
