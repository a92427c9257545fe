package org.credence.insights.survival;

/**
 * Attrition after a landmark, by the group fixed at the landmark. {@code left ÷ atRisk} per group
 * is a proportion ready for a rate comparison (Newcombe difference, relative risk).
 *
 * @param landmarkMonths          L, months after hire
 * @param horizonMonths           H, the months after the landmark in which leaving is counted
 * @param earnersLeft             earners (credential on or before the landmark) who left within H
 * @param earnersAtRisk           earners employed at the landmark with complete follow-up
 * @param othersLeft              the others who left within H
 * @param othersAtRisk            the others employed at the landmark with complete follow-up
 * @param notYetAtLandmark        excluded: hired too recently to have reached the landmark by the data date
 * @param leftBeforeLandmark      excluded: left on or before the landmark
 * @param followUpIncomplete      excluded: reached the landmark, but the horizon ends after the data date
 */
public record LandmarkResult(int landmarkMonths, int horizonMonths, long earnersLeft, long earnersAtRisk,
        long othersLeft, long othersAtRisk, long notYetAtLandmark, long leftBeforeLandmark,
        long followUpIncomplete) {

    /** Everyone in the analysis: both groups' at-risk counts. */
    public long included() {
        return earnersAtRisk + othersAtRisk;
    }

    /** Everyone left out, with a reason each. */
    public long excluded() {
        return notYetAtLandmark + leftBeforeLandmark + followUpIncomplete;
    }
}
