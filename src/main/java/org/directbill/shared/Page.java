package org.directbill.shared;

import java.util.List;
import java.util.function.Function;
import org.directbill.shared.validation.Violations;

/** One page of a list, as every list endpoint answers it: {@code items, page, size, total}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    public Page {
        items = List.copyOf(items);
    }

    /** A page request checked for sense: page from 0, size from 1 to {@value #MAX_SIZE}. */
    public record Request(int page, int size) {

        public static Request of(int page, int size) {
            Violations violations = new Violations();
            if (page < 0) {
                violations.add("page", "OUT_OF_RANGE", 0, Integer.MAX_VALUE);
            }
            if (size < 1 || size > MAX_SIZE) {
                violations.add("size", "OUT_OF_RANGE", 1, MAX_SIZE);
            }
            violations.throwIfAny();
            return new Request(page, size);
        }

        public long offset() {
            return (long) page * size;
        }
    }

    /** How many pages the whole list fills; at least one, even when empty. */
    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
