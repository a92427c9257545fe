package org.credence.standards.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.credence.standards.keys.Ed25519PublicKey;

/**
 * Lets nimbus verify {@code EdDSA} JWS with our BouncyCastle-backed key (nimbus's own
 * Ed25519Verifier needs Google Tink).
 */
final class EdDsaJwsVerifier implements JWSVerifier {
    private final Ed25519PublicKey key;
    private final JCAContext jca = new JCAContext();

    EdDsaJwsVerifier(Ed25519PublicKey key) {
        this.key = key;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
        // RFC 7515 §4.1.11: a "crit" extension we do not understand makes the JWS invalid
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) || header.getCriticalParams() != null) {
            return false;
        }
        return key.verify(signingInput, signature.decode());
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.EdDSA);
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }
}
