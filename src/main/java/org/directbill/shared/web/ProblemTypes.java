package org.directbill.shared.web;

import java.net.URI;
import java.util.Locale;

/** The {@code type} URI of a problem: one per stable code, documented in the API docs. */
public final class ProblemTypes {

    private ProblemTypes() {}

    public static URI of(String code) {
        return URI.create(
                "urn:directbill:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
