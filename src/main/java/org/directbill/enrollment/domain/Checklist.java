package org.directbill.enrollment.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The reviewer's checklist. The decision VERIFIED confirms what was not marked (the reviewer vouches
 * for the whole company), but is refused while an item is marked PROBLEM.
 */
public record Checklist(Map<ChecklistItem, ChecklistMark> marks) {

    public Checklist {
        EnumMap<ChecklistItem, ChecklistMark> copy = new EnumMap<>(ChecklistItem.class);
        copy.putAll(marks);
        marks = Collections.unmodifiableMap(copy);
    }

    public static Checklist empty() {
        return new Checklist(Map.of());
    }

    public @Nullable ChecklistMark mark(ChecklistItem item) {
        return marks.get(item);
    }

    public Checklist with(ChecklistItem item, @Nullable ChecklistMark mark) {
        EnumMap<ChecklistItem, ChecklistMark> changed = new EnumMap<>(ChecklistItem.class);
        changed.putAll(marks);
        if (mark == null) {
            changed.remove(item);
        } else {
            changed.put(item, mark);
        }
        return new Checklist(changed);
    }

    public List<ChecklistItem> problems() {
        return marks.entrySet().stream()
                .filter(entry -> entry.getValue() == ChecklistMark.PROBLEM)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Every item CONFIRMED: what VERIFIED leaves behind. */
    public Checklist allConfirmed() {
        EnumMap<ChecklistItem, ChecklistMark> all = new EnumMap<>(ChecklistItem.class);
        for (ChecklistItem item : ChecklistItem.values()) {
            all.put(item, ChecklistMark.CONFIRMED);
        }
        return new Checklist(all);
    }
}
