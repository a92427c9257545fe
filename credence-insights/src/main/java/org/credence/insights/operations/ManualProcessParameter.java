package org.credence.insights.operations;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** The two assumptions about the manual PDF process that cost avoided is measured against. */
public enum ManualProcessParameter {
    /** Staff minutes to produce, check and send one certificate by hand. */
    MINUTES_PER_CERTIFICATE("manual_minutes_per_certificate"),
    /** The loaded cost of an hour of that staff time. */
    HOURLY_RATE("manual_hourly_rate");

    private final String id;

    ManualProcessParameter(String id) {
        this.id = id;
    }

    /** The name in JSON and the database. */
    public String id() {
        return id;
    }

    /** The unit the value is in. */
    public String unit(Currency currency) {
        return this == HOURLY_RATE ? currency.getCurrencyCode() + " per hour" : "minutes per certificate";
    }

    public static Optional<ManualProcessParameter> parse(String id) {
        for (ManualProcessParameter parameter : values()) {
            if (parameter.id.equals(id.toLowerCase(Locale.ROOT))) {
                return Optional.of(parameter);
            }
        }
        return Optional.empty();
    }
}
