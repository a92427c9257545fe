package org.credence.standards.verification;

import org.credence.standards.keys.Ed25519PublicKey;

/**
 * A verification method resolved to its key.
 *
 * @param id the verification method id, as the proof names it
 * @param controller who controls the key (the DID or controller document URL)
 */
public record ResolvedKey(String id, String controller, Ed25519PublicKey key) {}
