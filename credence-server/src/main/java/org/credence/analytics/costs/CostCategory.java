package org.credence.analytics.costs;

import java.util.Locale;
import java.util.Optional;

/** What a program cost was for; {@link #STAFF} lines are hours × an hourly rate. */
public enum CostCategory {
    PLATFORM, DESIGN, DELIVERY, EXAM_ADMINISTRATION, STAFF, OTHER;

    /** The name in JSON, CSV and the database: {@code platform}, {@code exam_administration} … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category named {@code id}, if there is one. */
    public static Optional<CostCategory> parse(String id) {
        for (CostCategory category : values()) {
            if (category.id().equals(id)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
