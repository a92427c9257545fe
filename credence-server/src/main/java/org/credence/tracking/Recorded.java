package org.credence.tracking;

/**
 * What became of one event.
 *
 * @param outcome    stored and counted, stored but not counted, dropped (flood), or refused (no such credential)
 * @param notCounted why a stored event does not count, else null
 */
public record Recorded(Outcome outcome, NotCounted notCounted) {
    public enum Outcome { COUNTED, NOT_COUNTED, DROPPED, UNKNOWN_CREDENTIAL }

    static final Recorded COUNTED = new Recorded(Outcome.COUNTED, null);
    static final Recorded DROPPED = new Recorded(Outcome.DROPPED, null);
    static final Recorded UNKNOWN = new Recorded(Outcome.UNKNOWN_CREDENTIAL, null);

    static Recorded notCounted(NotCounted reason) {
        return new Recorded(Outcome.NOT_COUNTED, reason);
    }

    public boolean counted() {
        return outcome == Outcome.COUNTED;
    }
}
