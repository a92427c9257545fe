package org.credence.survey;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.ListSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The seeded random sample of an uploaded non-completer list: entries normalised (trimmed, lower-case), invalid ones
 * counted, duplicates and earners removed, the rest sorted — so the sample depends on the list's content and the
 * seed, not its order — and {@code size} drawn without replacement (SplitMix64, Apache Commons RNG).
 *
 * @param listed   distinct well-formed addresses
 * @param rejected non-empty entries that are not addresses
 * @param excluded listed addresses that are earners
 * @param sample   the addresses drawn, at most {@code size}
 */
record NonCompleterSample(Set<String> listed, int rejected, int excluded, List<String> sample) {
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Draws the sample; {@code earner} says whether an address holds the credential. */
    static NonCompleterSample draw(List<String> entries, Predicate<String> earner, int size, long seed) {
        TreeSet<String> listed = new TreeSet<>();
        int rejected = 0;
        for (String entry : entries) {
            String address = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
            if (address.length() <= 254 && ADDRESS.matcher(address).matches()) {
                listed.add(address);
            } else if (!address.isEmpty()) {
                rejected++;
            }
        }
        List<String> eligible = listed.stream().filter(earner.negate()).toList();
        // the sampler refuses an empty population: nobody eligible is an empty sample, not an error
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        List<String> sample = eligible.isEmpty() ? List.of() : ListSampler.sample(rng, eligible, Math.min(size, eligible.size()));
        return new NonCompleterSample(listed, rejected, listed.size() - eligible.size(), sample);
    }
}
