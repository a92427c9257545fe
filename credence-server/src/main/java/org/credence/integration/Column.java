package org.credence.integration;

import java.util.List;

/**
 * One column an outcome import or a bulk issuance file reads.
 *
 * @param name     the column's name in files and JSON (also its database column, unless it names a person or the row)
 * @param aliases  other headers read as this column (compared like {@code name}: case, spaces and punctuation ignored)
 * @param type     how its text is checked and stored
 * @param required whether every row must give it
 */
public record Column(String name, List<String> aliases, Type type, boolean required) {
    /** What a column holds. */
    public enum Type {
        /** The source's own id of the row: the upsert key. */
        ID("text"),
        /** An e-mail address, hashed on arrival and never stored. */
        EMAIL("text"),
        /** The source's own id of the person. */
        EXTERNAL_ID("text"),
        TEXT("text"),
        /** ISO-8601 date or date-time, stored as an instant (a date is its start in UTC). */
        TIMESTAMP("timestamptz"),
        /** ISO-8601 date, or a date-time of which the date is kept. */
        DATE("date"),
        /** A decimal amount of money, not negative. */
        AMOUNT("numeric"),
        /** A decimal amount of money, negative for a refund. */
        SIGNED_AMOUNT("numeric"),
        /** ISO 4217 code. */
        CURRENCY("text"),
        /** 0–100, a trailing % allowed. */
        PROGRESS("numeric"),
        /** A whole number of at least 1. */
        QUANTITY("integer"),
        /** open, won or lost. */
        OUTCOME("text"),
        /** exam_fee, renewal, bundle or other. */
        REVENUE_KIND("text"),
        /** An achievement of the tenant, by id or slug. */
        ACHIEVEMENT("bigint");

        private final String sqlType;

        Type(String sqlType) {
            this.sqlType = sqlType;
        }

        /** The PostgreSQL type the column's text is cast to. */
        public String sqlType() {
            return sqlType;
        }
    }

    public Column {
        aliases = List.copyOf(aliases);
    }

    /** A column every row must give. */
    public static Column required(String name, Type type, String... aliases) {
        return new Column(name, List.of(aliases), type, true);
    }

    /** A column a row may leave empty. */
    public static Column optional(String name, Type type, String... aliases) {
        return new Column(name, List.of(aliases), type, false);
    }

    /** Whether this column is stored in a column of its own (the row id and the person are stored otherwise). */
    boolean stored() {
        return type != Type.ID && type != Type.EMAIL && type != Type.EXTERNAL_ID;
    }
}
