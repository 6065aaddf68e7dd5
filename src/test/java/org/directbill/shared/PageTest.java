package org.directbill.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paginated lists: page from 0, size from 1 to 200 (api.md, Conventions). */
class PageTest {

    static List<Violation> violationsOf(int page, int size) {
        InvalidInput invalid = catchThrowableOfType(InvalidInput.class, () -> Page.Request.of(page, size));
        assertThat(invalid).as("an InvalidInput is thrown").isNotNull();
        return invalid.violations();
    }

    @Test
    void the_first_page_of_one_item_is_a_valid_request() {
        assertThat(Page.Request.of(0, 1)).isEqualTo(new Page.Request(0, 1));
    }

    @Test
    void a_page_may_hold_up_to_200_items() {
        assertThat(Page.Request.of(7, 200)).isEqualTo(new Page.Request(7, 200));
    }

    @Test
    void a_negative_page_is_out_of_range() {
        assertThat(violationsOf(-1, 20)).containsExactly(Violation.of("page", "OUT_OF_RANGE", 0, Integer.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 201, 1000})
    void a_size_outside_1_to_200_is_out_of_range(int size) {
        assertThat(violationsOf(0, size)).containsExactly(Violation.of("size", "OUT_OF_RANGE", 1, 200));
    }

    @Test
    void a_bad_page_and_a_bad_size_are_reported_together() {
        assertThat(violationsOf(-5, 0))
                .containsExactly(
                        Violation.of("page", "OUT_OF_RANGE", 0, Integer.MAX_VALUE),
                        Violation.of("size", "OUT_OF_RANGE", 1, 200));
    }

    @Test
    void the_offset_is_page_times_size() {
        assertThat(Page.Request.of(0, 50).offset()).isZero();
        assertThat(Page.Request.of(3, 50).offset()).isEqualTo(150);
    }

    @Test
    void the_offset_of_a_far_page_does_not_overflow() {
        assertThat(Page.Request.of(Integer.MAX_VALUE, 200).offset()).isEqualTo(429_496_729_400L);
    }

    @Test
    void mapping_a_page_keeps_its_position_and_total() {
        Page<Integer> page = new Page<>(List.of(1, 2, 3), 2, 3, 42);

        Page<String> mapped = page.map(i -> "#" + i);

        assertThat(mapped).isEqualTo(new Page<>(List.of("#1", "#2", "#3"), 2, 3, 42));
    }

    @Test
    void a_page_keeps_its_own_unmodifiable_copy_of_the_items() {
        List<String> items = new ArrayList<>(List.of("a"));
        Page<String> page = new Page<>(items, 0, 20, 1);

        items.add("b");

        assertThat(page.items()).containsExactly("a");
        assertThatThrownBy(() -> page.items().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void the_number_of_pages_rounds_up_and_is_at_least_one() {
        assertThat(new Page<>(List.of(), 0, 20, 0).pages()).isEqualTo(1);
        assertThat(new Page<>(List.of(), 0, 20, 20).pages()).isEqualTo(1);
        assertThat(new Page<>(List.of(), 0, 20, 21).pages()).isEqualTo(2);
    }
}
