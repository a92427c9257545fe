package org.credence.standards.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.credence.standards.keys.Ed25519KeyPair;

/**
 * Lets nimbus sign {@code EdDSA} JWS with our BouncyCastle-backed key: nimbus's own
 * Ed25519Signer needs Google Tink, which we do not ship.
 */
final class EdDsaJwsSigner implements JWSSigner {
    private final Ed25519KeyPair keys;
    private final JCAContext jca = new JCAContext();

    EdDsaJwsSigner(Ed25519KeyPair keys) {
        this.keys = keys;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new JOSEException("an Ed25519 key signs only EdDSA, the header asks for " + header.getAlgorithm());
        }
        return Base64URL.encode(keys.sign(signingInput));
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
