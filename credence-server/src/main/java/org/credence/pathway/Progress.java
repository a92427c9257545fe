package org.credence.pathway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where one recipient stands on a pathway.
 *
 * @param done     the components earned, in the listed order
 * @param missing  the components not earned yet, in the listed order
 * @param counted  the earned components that complete it: in an ordered pathway the longest run earned in
 *                 the listed order (issuance dates never decreasing along the list), otherwise all of {@code done}
 * @param complete whether {@code counted} reaches the pathway's minimum
 */
public record Progress(Pathway pathway, List<Earned> done, List<Long> missing, List<Earned> counted, boolean complete) {
    public Progress {
        done = List.copyOf(done);
        missing = List.copyOf(missing);
        counted = List.copyOf(counted);
    }

    /** How many components are earned ("k" of "k of N"). */
    public int earned() {
        return done.size();
    }

    /**
     * The progress of a recipient who has earned {@code earned} (by achievement id, any achievements): the one
     * place where the listed order is judged.
     */
    public static Progress of(Pathway pathway, Map<Long, Earned> earned) {
        List<Earned> done = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (long component : pathway.requires()) {
            Earned e = earned.get(component);
            if (e == null) {
                missing.add(component);
            } else {
                done.add(e);
            }
        }
        List<Earned> counted = pathway.ordered() ? longestInOrder(done) : done;
        return new Progress(pathway, done, missing, counted, counted.size() >= pathway.minimum());
    }

    /**
     * The longest subsequence of {@code done} (already in listed order) whose dates never decrease; ties are in
     * order (earned the same second). Quadratic, and a pathway lists a handful of components.
     */
    private static List<Earned> longestInOrder(List<Earned> done) {
        int n = done.size();
        int[] length = new int[n];
        int[] previous = new int[n];
        int best = -1;
        for (int i = 0; i < n; i++) {
            length[i] = 1;
            previous[i] = -1;
            for (int j = 0; j < i; j++) {
                if (!done.get(j).earnedAt().isAfter(done.get(i).earnedAt()) && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (best < 0 || length[i] > length[best]) {
                best = i;
            }
        }
        List<Earned> chain = new ArrayList<>();
        for (int i = best; i >= 0; i = previous[i]) {
            chain.add(0, done.get(i));
        }
        return chain;
    }
}
