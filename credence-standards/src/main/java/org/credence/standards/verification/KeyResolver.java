package org.credence.standards.verification;

import java.util.Optional;
import org.credence.standards.jwt.PublicKeyMaterial;
import org.credence.standards.keys.Ed25519PublicKey;
import org.credence.standards.keys.KeyFormatException;

/**
 * Finds the public key a proof's {@code verificationMethod} names.
 *
 * <p>Offline resolvers ({@link #didKey()}, {@link #givenKey}) never touch the network; the online
 * one ({@link #web}) fetches did:web documents and https controller documents, only from the
 * hosts its {@link Fetcher} allows.
 */
public interface KeyResolver {
    /**
     * The key for {@code verificationMethod}; empty when this resolver does not handle it.
     *
     * @throws KeyResolutionException when it handles this kind of method but cannot resolve it
     */
    Optional<ResolvedKey> resolve(String verificationMethod);

    /** This resolver, then {@code next} for what this one does not handle. */
    default KeyResolver or(KeyResolver next) {
        return method -> {
            Optional<ResolvedKey> key = resolve(method);
            return key.isPresent() ? key : next.resolve(method);
        };
    }

    /** Resolves nothing. */
    static KeyResolver none() {
        return method -> Optional.empty();
    }

    /** did:key methods, decoded from the identifier itself (offline). */
    static KeyResolver didKey() {
        return method -> {
            if (!method.startsWith("did:key:")) {
                return Optional.empty();
            }
            String did = method.contains("#") ? method.substring(0, method.indexOf('#')) : method;
            String multibase = did.substring("did:key:".length());
            if (method.contains("#") && !method.substring(method.indexOf('#') + 1).equals(multibase)) {
                throw new KeyResolutionException("did:key fragment does not match its key: " + method);
            }
            try {
                return Optional.of(new ResolvedKey(method, did, Ed25519PublicKey.fromMultibase(multibase)));
            } catch (KeyFormatException e) {
                throw new KeyResolutionException("did:key " + did + " is not a usable Ed25519 key: " + e.getMessage(), e);
            }
        };
    }

    /**
     * A key the caller vouches for, used for any verification method (the CLI's {@code --key}).
     * The controller is taken from the method id, so the issuer check still compares names.
     */
    static KeyResolver givenKey(Ed25519PublicKey key) {
        return method -> Optional.of(new ResolvedKey(method, controllerOf(method), key));
    }

    /** As {@link #givenKey(Ed25519PublicKey)} for any VC-JWT key, e.g. the RSA JWK of RS256 tokens. */
    static KeyResolver givenKey(PublicKeyMaterial key) {
        return method -> Optional.of(new ResolvedKey(method, controllerOf(method), key));
    }

    /** did:web and https controller documents, fetched through {@code fetcher}. */
    static KeyResolver web(Fetcher fetcher) {
        return new WebKeyResolver(fetcher);
    }

    /** The controller part of a verification method id: everything before the fragment. */
    static String controllerOf(String method) {
        int hash = method.indexOf('#');
        return hash < 0 ? method : method.substring(0, hash);
    }
}
