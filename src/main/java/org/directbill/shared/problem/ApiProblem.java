package org.directbill.shared.problem;

import java.util.List;

/**
 * A refusal a caller can act on. The edge turns it into an RFC 9457 problem with the HTTP status,
 * the stable {@code code}, and a detail resolved from {@code problem.<code>} in the caller's
 * language.
 */
public abstract class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Object> arguments;

    protected ApiProblem(int status, String code, Object... arguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
