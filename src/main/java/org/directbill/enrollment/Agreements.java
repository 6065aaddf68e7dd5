package org.directbill.enrollment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.directbill.enrollment.domain.Agreement;
import org.directbill.shared.problem.NotFound;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versions of the direct-bill agreement, read from {@code agreements/direct-bill-agreement.json}:
 * the text is the program's, changed by a release with a new version and its effective date, never
 * edited in place.
 */
@Service
public class Agreements {

    static final String RESOURCE = "agreements/direct-bill-agreement.json";

    private final List<Agreement> versions;
    private final Clock clock;

    Agreements(JsonMapper json, Clock clock) {
        this.clock = clock;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            this.versions = json.readValue(in, new TypeReference<List<Agreement>>() {}).stream()
                    .sorted(Comparator.comparing(Agreement::effectiveFrom))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        if (versions.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " holds no agreement");
        }
    }

    /** The version in force today. */
    public Agreement current() {
        return inForceOn(LocalDate.now(clock))
                .orElseThrow(() -> new NotFound(
                        "NO_AGREEMENT_IN_FORCE", LocalDate.now(clock).toString()));
    }

    public Optional<Agreement> inForceOn(LocalDate date) {
        return versions.stream()
                .filter(agreement -> !agreement.effectiveFrom().isAfter(date))
                .reduce((earlier, later) -> later);
    }

    public Optional<Agreement> version(String version) {
        return versions.stream().filter(a -> a.version().equals(version)).findFirst();
    }

    public List<Agreement> all() {
        return versions;
    }
}
