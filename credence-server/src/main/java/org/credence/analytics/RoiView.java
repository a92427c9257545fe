package org.credence.analytics;

import java.util.List;

/** What the ROI page's template shows, already formatted in the page's language. */
public final class RoiView {
    private RoiView() {}

    /** A reason of the maturity tier, met or not. */
    public record Line(String text, boolean met) {}

    /** A table with a caption and footnotes under it. */
    public record Table(String id, String caption, List<String> header, List<List<String>> rows, List<String> footnotes) {}

    /** A labelled value. */
    public record Pair(String label, String value) {}

    /** A field of the calculator form, with the value typed in. */
    public record Field(String name, String label, String value) {}

    /** The calculator's answer, or the error that stopped it. */
    public record Calculation(String error, String label, List<Pair> values, Table cases) {}
}
