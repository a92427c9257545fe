package org.credence.standards.verification;

/** What the verifier was given. */
public enum InputFormat {
    JSON_LD, VC_JWT, BAKED_PNG, BAKED_SVG, UNKNOWN
}
