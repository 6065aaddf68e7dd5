package org.directbill.policy.domain;

/** Evaluates one requirement code over the facts: a pure function, no I/O. */
public interface RequirementEvaluator {

    RequirementCode code();

    RequirementResult evaluate(Requirement requirement, Facts facts);
}
