package org.directbill.shared.problem;

/** 403: the caller is known but may not do this (e.g. set a fact only program staff set). */
public class Forbidden extends ApiProblem {

    public Forbidden(String code, Object... arguments) {
        super(403, code, arguments);
    }
}
