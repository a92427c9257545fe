package org.credence.insights.survival;

import java.time.LocalDate;
import java.util.List;

/**
 * Landmark analysis of attrition (Anderson, Cain &amp; Gelber 1983, J Clin Oncol 1:710): compare who
 * leaves after a fixed time since hire between people who had earned the credential by then and
 * people who had not.
 *
 * <p>Why: comparing "ever earned" with "never earned" gives earners <em>immortal time</em> — to earn
 * the credential a person had to still be employed, so the months before earning count as survival
 * that non-earners could not have. Fixing the group at the landmark removes it.
 *
 * <p>The exact rule, for landmark L months and horizon H months, with the data date D:
 * <ol>
 *   <li>landmark date = hire date + L months ({@link LocalDate#plusMonths}, so 31 January + 1 month is
 *       28 or 29 February); horizon end = landmark date + H months.</li>
 *   <li>Excluded when the landmark date is after D (not yet at the landmark).</li>
 *   <li>Excluded when terminated on or before the landmark date (not employed at the landmark:
 *       a person whose last day is the landmark day did not stay past it).</li>
 *   <li>Excluded when the horizon end is after D (follow-up incomplete) — whether or not the person has
 *       already left, so early leavers are not over-counted among the incompletely followed.</li>
 *   <li>Group: earner when the credential date is on or before the landmark date; everyone else,
 *       including people who earned it later, is in the other group — a credential earned after L
 *       cannot change the group.</li>
 *   <li>Left: terminated after the landmark date and on or before the horizon end.</li>
 * </ol>
 */
public final class Landmark {

    private Landmark() {
    }

    /**
     * The landmark comparison.
     *
     * @param employees      the people, each with hire, credential and termination dates
     * @param landmarkMonths L, at least 1 (6 and 12 are the issue's)
     * @param horizonMonths  H, at least 1 (e.g. 12: "left within a year after the landmark")
     * @param dataDate       D, the last day the HR data is known complete
     */
    public static LandmarkResult attrition(List<Employment> employees, int landmarkMonths, int horizonMonths,
            LocalDate dataDate) {
        if (landmarkMonths < 1 || horizonMonths < 1) {
            throw new IllegalArgumentException("landmark (" + landmarkMonths + ") and horizon (" + horizonMonths
                    + ") must be at least one month");
        }
        if (dataDate == null) {
            throw new IllegalArgumentException("a landmark analysis needs the data date");
        }
        long earnersLeft = 0;
        long earnersAtRisk = 0;
        long othersLeft = 0;
        long othersAtRisk = 0;
        long notYet = 0;
        long leftBefore = 0;
        long incomplete = 0;
        for (Employment employee : employees) {
            LocalDate landmark = employee.hiredOn().plusMonths(landmarkMonths);
            LocalDate horizonEnd = landmark.plusMonths(horizonMonths);
            LocalDate terminated = employee.terminatedOn();
            if (landmark.isAfter(dataDate)) {
                notYet++;
            } else if (terminated != null && !terminated.isAfter(landmark)) {
                leftBefore++;
            } else if (horizonEnd.isAfter(dataDate)) {
                incomplete++;
            } else {
                boolean earner = employee.credentialOn() != null && !employee.credentialOn().isAfter(landmark);
                boolean left = terminated != null && !terminated.isAfter(horizonEnd);
                if (earner) {
                    earnersAtRisk++;
                    earnersLeft += left ? 1 : 0;
                } else {
                    othersAtRisk++;
                    othersLeft += left ? 1 : 0;
                }
            }
        }
        return new LandmarkResult(landmarkMonths, horizonMonths, earnersLeft, earnersAtRisk, othersLeft, othersAtRisk,
                notYet, leftBefore, incomplete);
    }
}
