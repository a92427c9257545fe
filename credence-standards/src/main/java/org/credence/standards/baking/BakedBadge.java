package org.credence.standards.baking;

import java.util.Objects;
import java.util.Optional;

/**
 * Open Badges "baking": embedding a credential in a badge image so the image alone carries it.
 *
 * <p>Writes OB 3.0 (PNG iTXt chunk {@code openbadgecredential}; SVG element
 * {@code <openbadges:credential>}) and reads both OB 3.0 and OB 2.0 badges, the latter for imports.
 * Images over 5 MB and payloads over 1 MB are refused.
 */
public final class BakedBadge {

    private BakedBadge() {
    }

    /**
     * Returns a copy of the PNG carrying the credential, replacing any credential baked before.
     *
     * @param png            the badge image
     * @param credentialJson the credential as compact JSON (or a compact JWS for VC-JWT), stored as is
     * @throws BakingException if the PNG is invalid or too large, or the credential is empty or too large
     */
    public static byte[] bakePng(byte[] png, String credentialJson) {
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(credentialJson, "credentialJson");
        BakingLimits.requireImageWithinLimit(png.length);
        return PngBadge.bake(png, credentialJson);
    }

    /**
     * Returns the SVG carrying the credential, replacing any credential baked before. The SVG is
     * re-serialized, so formatting outside the credential may change; its content does not.
     *
     * @param svg            the badge image as text
     * @param credentialJson the credential as compact JSON (or a compact JWS for VC-JWT), stored as is
     * @throws BakingException if the SVG is not well-formed, has a DOCTYPE or is too large, or the
     *                         credential is empty, too large or holds characters XML cannot carry
     */
    public static String bakeSvg(String svg, String credentialJson) {
        Objects.requireNonNull(svg, "svg");
        Objects.requireNonNull(credentialJson, "credentialJson");
        return SvgBadge.bake(svg, credentialJson);
    }

    /**
     * Reads the credential baked into a PNG or SVG, preferring OB 3.0 over OB 2.0.
     *
     * @param imageBytes the image file as uploaded
     * @return the payload, or empty when the image is valid but carries no credential
     * @throws BakingException if the bytes are not a valid PNG or SVG, are too large, or hold an
     *                         ambiguous or malformed payload
     */
    public static Optional<BakedPayload> read(byte[] imageBytes) {
        Objects.requireNonNull(imageBytes, "imageBytes");
        BakingLimits.requireImageWithinLimit(imageBytes.length);
        if (PngFile.hasSignature(imageBytes)) {
            return PngBadge.read(imageBytes);
        }
        if (startsLikeXml(imageBytes)) {
            return SvgBadge.read(imageBytes);
        }
        throw new BakingException("not a PNG or SVG image");
    }

    /** XML declarations, comments and the root all begin with '<' once a BOM and whitespace are skipped. */
    private static boolean startsLikeXml(byte[] bytes) {
        int i = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }
}
