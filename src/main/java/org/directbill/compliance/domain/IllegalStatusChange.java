package org.directbill.compliance.domain;

/** A step that the partner's current status does not allow (a 409 at the edge). */
public final class IllegalStatusChange extends RuntimeException {

    private final DirectBillStatus status;
    private final String step;

    public IllegalStatusChange(DirectBillStatus status, String step) {
        super(step + " is not possible while " + status);
        this.status = status;
        this.step = step;
    }

    public DirectBillStatus status() {
        return status;
    }

    public String step() {
        return step;
    }
}
