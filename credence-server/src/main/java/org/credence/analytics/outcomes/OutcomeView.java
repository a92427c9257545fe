package org.credence.analytics.outcomes;

import java.util.List;
import org.credence.analytics.ComparisonView;

/** What the outcomes page template shows, already in the reader's language. */
public final class OutcomeView {
    private OutcomeView() {}

    /**
     * One figure block: a table of groups (n, rate with interval), the comparisons drawn from them, and footnotes
     * (formula, rule, what it cannot say).
     */
    public record Block(String id, String title, List<String> header, List<List<String>> rows, List<ComparisonView> comparisons,
                        List<String> footnotes) {}

    /** One section of the page: a layer. */
    public record Section(String id, String title, String note, List<Block> blocks) {}
}
