package org.credence.insights.maturity;

import java.util.List;

/**
 * The tier, why, and what to do next.
 *
 * @param tier     visibility, validation or integration
 * @param reasons  one per criterion, met or not, in tier order
 * @param nextStep the one concrete step that would move the program on (or deepen the top tier)
 */
public record MaturityResult(MaturityTier tier, List<Reason> reasons, Reason nextStep) {

    public MaturityResult {
        reasons = List.copyOf(reasons);
    }
}
