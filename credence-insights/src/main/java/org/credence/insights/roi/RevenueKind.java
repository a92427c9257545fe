package org.credence.insights.roi;

/** What a program revenue line is for (the {@code revenue_line.kind} values). */
public enum RevenueKind {
    EXAM_FEE("exam_fee"), RENEWAL("renewal"), BUNDLE("bundle"), OTHER("other");

    private final String code;

    RevenueKind(String code) {
        this.code = code;
    }

    /** The lower-case code stored and shown in JSON. */
    public String code() {
        return code;
    }

    /** The kind with this code. */
    public static RevenueKind fromCode(String code) {
        for (RevenueKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("revenue kind '" + code + "' must be exam_fee, renewal, bundle or other");
    }
}
