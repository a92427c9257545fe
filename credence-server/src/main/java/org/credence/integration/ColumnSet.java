package org.credence.integration;

import java.util.List;

/**
 * The columns a file may give, for {@link HeaderMatcher}: an outcome import's kind, or a bulk
 * issuance file.
 */
public interface ColumnSet {
    /** How messages name what the file is ("lms_enrolment", "a bulk issuance file"). */
    String id();

    List<Column> columns();

    /** Whether rows name a person by e-mail or external id, so a file naming neither is warned about. */
    default boolean namesPerson() {
        return false;
    }
}
