package org.credence.standards.verification;

import java.util.Objects;
import org.credence.standards.dataintegrity.ProofException;
import org.credence.standards.jwt.PublicKeyMaterial;
import org.credence.standards.keys.Ed25519PublicKey;

/**
 * A verification method resolved to its key: Ed25519 (a Multikey, for Data Integrity proofs and
 * EdDSA VC-JWTs) or RSA (a JsonWebKey, for RS256 VC-JWTs only).
 *
 * @param id the verification method id, as the proof names it
 * @param controller who controls the key (the DID or controller document URL)
 * @param material the public key
 */
public record ResolvedKey(String id, String controller, PublicKeyMaterial material) {
    public ResolvedKey {
        Objects.requireNonNull(material, "material");
    }

    /** An Ed25519 key. */
    public ResolvedKey(String id, String controller, Ed25519PublicKey key) {
        this(id, controller, PublicKeyMaterial.ed25519(key));
    }

    /**
     * The Ed25519 key, for an eddsa-rdfc-2022 proof.
     *
     * @throws ProofException when the method is an RSA key, which can sign only RS256 VC-JWTs
     */
    public Ed25519PublicKey key() {
        return material.asEd25519().orElseThrow(() -> new ProofException(ProofException.Code.PROOF_MALFORMED,
                "the verification method " + id + " is an RSA key (for RS256 VC-JWTs); an eddsa-rdfc-2022 proof needs an Ed25519 Multikey"));
    }
}
