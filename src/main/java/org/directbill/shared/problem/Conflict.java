package org.directbill.shared.problem;

/** 409: a conflict with the current state: an existing id, a stale version, an illegal transition. */
public class Conflict extends ApiProblem {

    public Conflict(String code, Object... arguments) {
        super(409, code, arguments);
    }
}
