package org.directbill.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PolicyDraft;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The built-in policy files of {@code src/main/resources/policies}, read as the service reads them. */
public final class BuiltInPolicyFiles {

    public static final List<String> IDS =
            List.of("csp-direct-2018", "csp-direct-2020", "csp-direct-2021", "csp-direct-fy26");

    /** Strict like the service's mapper: an unknown field is an error, not a silently dropped value. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private BuiltInPolicyFiles() {}

    public static String text(String id) {
        try (InputStream in = BuiltInPolicyFiles.class.getResourceAsStream("/policies/" + id + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no file for the built-in policy " + id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode tree(String id) {
        return JSON.readTree(text(id));
    }

    public static Policy policy(String id) {
        return JSON.readValue(text(id), PolicyDraft.class).validate();
    }

    public static List<Policy> all() {
        return IDS.stream().map(BuiltInPolicyFiles::policy).toList();
    }
}
