package org.credence.report;

import java.util.Locale;

/**
 * The five layers of the ROI chain the board report lays out: operations, engagement and
 * marketing value, completion and retention lead; business outcomes lag behind them.
 */
public enum Layer {
    OPERATIONS(1), ENGAGEMENT(2), MARKETING(3), COMPLETION(4), OUTCOMES(5);

    private final int number;

    Layer(int number) {
        this.number = number;
    }

    /** 1 to 5, as "L1" … "L5" on the report. */
    public int number() {
        return number;
    }

    /** Layers 1 to 4 are leading indicators; layer 5 is the lagging outcome. */
    public boolean leading() {
        return number < 5;
    }

    /** The key of its name in the {@code reports} bundle. */
    public String key() {
        return "layer." + name().toLowerCase(Locale.ROOT);
    }
}
