package org.credence.insights.roi;

/** The three cases every ROI table shows, in reading order. */
public enum RoiCase {
    CONSERVATIVE("conservative"), BASE("base"), OPTIMISTIC("optimistic");

    private final String code;

    RoiCase(String code) {
        this.code = code;
    }

    /** The lower-case code used in JSON and message keys. */
    public String code() {
        return code;
    }
}
