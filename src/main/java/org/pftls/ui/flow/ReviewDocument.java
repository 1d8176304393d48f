package org.pftls.ui.flow;

import java.util.List;

/**
 * What the Review step shows, as a value: made once in {@link ReviewBuilder}, rendered by the full
 * screen and by line mode alike.
 */
public record ReviewDocument(List<ReviewSection> sections) {

    public ReviewDocument {
        sections = List.copyOf(sections);
    }

    /** The kinds of the sections, in order (what tests compare with their list per task). */
    public List<ReviewSection.Kind> kinds() {
        return sections.stream().map(ReviewSection::kind).toList();
    }

    /** Every checklist in the document, in order. */
    public List<ReviewBlock.Checklist> checklists() {
        return sections.stream().flatMap(s -> s.blocks().stream())
                .filter(ReviewBlock.Checklist.class::isInstance).map(ReviewBlock.Checklist.class::cast).toList();
    }
}
