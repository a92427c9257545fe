package org.credence.insights;

import java.time.Instant;
import java.util.Comparator;

/**
 * Who set an assumption, when, why and for what. Shown next to every figure that uses it, so a
 * finance reader can challenge the assumption rather than the arithmetic.
 *
 * @param setBy  the person (or "Credence default")
 * @param setAt  when it was set; null only for built-in defaults, which have no author's moment
 * @param reason why this value — a source, a benchmark, a judgement
 * @param scope  the tenant or achievement it applies to
 */
public record Provenance(String setBy, Instant setAt, String reason, Scope scope) {

    /** The order in which edits apply: widest scope first, then oldest first, so the narrowest latest edit wins. */
    public static final Comparator<Provenance> APPLY_ORDER = Comparator.comparing((Provenance p) -> p.scope().level())
            .thenComparing(Provenance::setAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));

    /** The author named on Credence's built-in defaults. */
    public static final String BUILT_IN_AUTHOR = "Credence default";

    public Provenance {
        if (setBy == null || setBy.isBlank()) {
            throw new IllegalArgumentException("an assumption needs the name of who set it");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an assumption needs a reason (set by " + setBy + ")");
        }
        if (scope == null) {
            throw new IllegalArgumentException("an assumption needs a scope (set by " + setBy + ")");
        }
        if (setAt == null && scope.level() != Scope.Level.DEFAULT) {
            throw new IllegalArgumentException("an assumption set for a " + scope.level() + " needs the time it was set");
        }
    }

    /** Provenance of a value Credence ships as a default, with the reason (its source). */
    public static Provenance builtIn(String reason) {
        return new Provenance(BUILT_IN_AUTHOR, null, reason, Scope.DEFAULT);
    }
}
