package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How a recipient is identified without putting their e-mail address in the credential:
 * {@code identityHash = "sha256$" + hex(SHA-256(email + salt))}.
 *
 * @see <a href="https://www.imsglobal.org/spec/ob/v3p0/#identityobject">OB 3.0 IdentityObject</a>
 */
public record IdentityObject(String identityHash, String identityType, boolean hashed, String salt) {
    public static final String EMAIL = "emailAddress";
    /** The identity type of a recipient's name, carried in plain text so a verifier can read it. */
    public static final String NAME = "name";

    public IdentityObject {
        if (identityHash == null || identityHash.isBlank()) {
            throw new CredentialFormatException("identifier.identityHash is required");
        }
        if (identityType == null || identityType.isBlank()) {
            throw new CredentialFormatException("identifier.identityType is required");
        }
    }

    /**
     * The hashed identity for an e-mail address. The address is trimmed and lower-cased first,
     * so {@code Alice@Example.org } and {@code alice@example.org} are the same recipient.
     */
    public static IdentityObject hashedEmail(String email, String salt) {
        return new IdentityObject(hash(normalise(email), salt), EMAIL, true, salt);
    }

    /**
     * The recipient's name as the certificate prints it, not hashed: what lets a verifier see
     * that a PDF or page naming this person shows the credential signed for them.
     */
    public static IdentityObject name(String name) {
        return new IdentityObject(name, NAME, false, null);
    }

    /** True when this identity is {@code email} (normalised as in {@link #hashedEmail}). */
    public boolean matches(String email) {
        if (!hashed) {
            return identityHash.equals(email) || identityHash.equals(normalise(email));
        }
        return identityHash.equalsIgnoreCase(hash(normalise(email), salt == null ? "" : salt));
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonFields.NODES.objectNode();
        node.put("type", "IdentityObject");
        node.put("identityHash", identityHash);
        node.put("identityType", identityType);
        node.put("hashed", hashed);
        JsonFields.put(node, "salt", salt);
        return node;
    }

    static IdentityObject fromJson(JsonNode node, String path) {
        JsonFields.object(node, path);
        JsonNode hashed = node.get("hashed");
        if (hashed == null || !hashed.isBoolean()) {
            throw new CredentialFormatException(path + ".hashed is required and must be true or false");
        }
        return new IdentityObject(JsonFields.requiredText(node, "identityHash", path), JsonFields.requiredText(node, "identityType", path),
                hashed.booleanValue(), JsonFields.text(node, "salt", path));
    }

    private static String normalise(String email) {
        if (email == null || email.isBlank()) {
            throw new CredentialFormatException("recipient e-mail is required");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String hash(String email, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((email + salt).getBytes(StandardCharsets.UTF_8));
            return "sha256$" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
