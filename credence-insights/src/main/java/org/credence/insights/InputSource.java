package org.credence.insights;

/** Where an input to a figure came from. */
public enum InputSource {
    /** Counted from stored data. */
    MEASURED,
    /** Set by a person (or a documented default) and editable; carries its provenance. */
    ASSUMED
}
