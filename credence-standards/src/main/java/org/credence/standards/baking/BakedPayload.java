package org.credence.standards.baking;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What was found baked into a badge image.
 *
 * @param format  where it was found (OB 3.0 or OB 2.0, PNG or SVG)
 * @param kind    what the content looks like; a label from its shape, not a validation
 * @param content the baked text exactly as stored (a credential, an assertion, a JWS or a URL)
 */
public record BakedPayload(Format format, Kind kind, String content) {

    /** The image format and Open Badges version the payload was baked with. */
    public enum Format { OB3_PNG, OB3_SVG, OB2_PNG, OB2_SVG }

    /** The shape of the baked content, so callers know whether to parse, verify or fetch it. */
    public enum Kind {
        /** A JSON object: an OB 3.0 credential or an OB 2.0 assertion. */
        JSON,
        /** A compact JWS, as used by VC-JWT credentials and signed OB 2.0 assertions. */
        COMPACT_JWS,
        /** An http(s) URL of a hosted OB 2.0 assertion. */
        URL,
        /** None of the above; the verifier will reject it. */
        UNRECOGNIZED;

        private static final Pattern COMPACT_JWS_SHAPE =
                Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
        private static final Pattern URL_SHAPE = Pattern.compile("https?://\\S+");

        static Kind of(String content) {
            String trimmed = content.strip();
            if (trimmed.startsWith("{")) {
                return JSON;
            }
            if (COMPACT_JWS_SHAPE.matcher(trimmed).matches()) {
                return COMPACT_JWS;
            }
            if (URL_SHAPE.matcher(trimmed).matches()) {
                return URL;
            }
            return UNRECOGNIZED;
        }
    }

    public BakedPayload {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(content, "content");
    }

    static BakedPayload of(Format format, String content) {
        return new BakedPayload(format, Kind.of(content), content);
    }
}
