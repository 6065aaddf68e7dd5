package org.directbill.shared.problem;

/** 404: not found; also what a partner user hears about another partner's resources, so it cannot learn they exist. */
public class NotFound extends ApiProblem {

    public NotFound(String code, Object... arguments) {
        super(404, code, arguments);
    }
}
