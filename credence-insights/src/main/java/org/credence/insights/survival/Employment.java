package org.credence.insights.survival;

import java.time.LocalDate;

/**
 * One employee for a {@link Landmark} analysis.
 *
 * @param hiredOn        the hire date
 * @param credentialOn   the date the person first earned the credential; null if never (so far)
 * @param terminatedOn   the last day of employment; null while still employed
 */
public record Employment(LocalDate hiredOn, LocalDate credentialOn, LocalDate terminatedOn) {

    public Employment {
        if (hiredOn == null) {
            throw new IllegalArgumentException("an employee needs a hire date");
        }
        if (terminatedOn != null && terminatedOn.isBefore(hiredOn)) {
            throw new IllegalArgumentException("termination (" + terminatedOn + ") is before hire (" + hiredOn + ")");
        }
    }
}
