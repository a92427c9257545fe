package org.credence.standards.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.standards.baking.BakedBadge;
import org.credence.standards.baking.BakedPayload;
import org.credence.standards.baking.BakingException;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.jsonld.RdfCanonicalizer;
import org.credence.standards.model.CredentialFormatException;
import org.credence.standards.model.CredentialJson;

/**
 * The one entry point for verifying a credential in any form Credence accepts: JSON-LD with a
 * Data Integrity proof, a VC-JWT, or a PNG/SVG badge with either baked in.
 *
 * <p>It never throws for bad input: everything wrong with the input becomes a failed check in
 * the report. Thread-safe; build one per configuration and share it.
 */
public final class Verifier {
    /** Inputs larger than this are refused before parsing. */
    public static final int MAX_INPUT_BYTES = 1024 * 1024;

    private final CredentialChecks checks;
    private final JwtChecks jwt;

    /**
     * @param canonicalizer RDFC-1.0 implementation (share one {@code ShapeTemplateCanonicalizer})
     * @param keys how verification methods become keys (offline, given, or online)
     * @param statuses how status list credentials are found
     * @param clock the time validity dates are judged at
     */
    public Verifier(RdfCanonicalizer canonicalizer, KeyResolver keys, StatusResolver statuses, Clock clock) {
        Objects.requireNonNull(canonicalizer);
        Objects.requireNonNull(keys);
        Objects.requireNonNull(statuses);
        Objects.requireNonNull(clock);
        this.checks = new CredentialChecks(new EddsaRdfc2022(canonicalizer), keys, statuses, clock);
        this.jwt = new JwtChecks(keys, checks);
    }

    /** Verifies bytes of unknown form: JSON, a compact JWT, or a baked PNG/SVG. */
    public VerificationReport verify(byte[] input) {
        if (input.length > MAX_INPUT_BYTES) {
            return unusable(InputFormat.UNKNOWN, VerificationError.INPUT_TOO_LARGE,
                    "the input is " + input.length + " bytes; credentials over " + MAX_INPUT_BYTES + " bytes (1 MB) are refused");
        }
        if (looksLikePng(input) || looksLikeSvg(input)) {
            return verifyImage(input);
        }
        String text = new String(input, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{")) {
            return verifyJsonText(text, InputFormat.JSON_LD);
        }
        if (JwtChecks.looksLikeJwt(text)) {
            return jwt.verify(text, InputFormat.VC_JWT);
        }
        return unusable(InputFormat.UNKNOWN, VerificationError.UNSUPPORTED_FORMAT,
                "this is not a credential: expected JSON (starting with '{'), a VC-JWT, or a PNG/SVG badge");
    }

    /** Verifies a JSON-LD credential already parsed. */
    public VerificationReport verify(JsonNode credential) {
        return checks.verify(credential, InputFormat.JSON_LD);
    }

    private VerificationReport verifyJsonText(String text, InputFormat format) {
        JsonNode parsed;
        try {
            parsed = CredentialJson.readTree(text);
        } catch (CredentialFormatException e) {
            return unusable(format, VerificationError.MALFORMED_JSON, e.getMessage());
        }
        return checks.verify(parsed, format);
    }

    private VerificationReport verifyImage(byte[] input) {
        Optional<BakedPayload> payload;
        try {
            payload = BakedBadge.read(input);
        } catch (BakingException e) {
            return unusable(InputFormat.UNKNOWN, VerificationError.UNSUPPORTED_FORMAT, e.getMessage());
        }
        InputFormat format = looksLikePng(input) ? InputFormat.BAKED_PNG : InputFormat.BAKED_SVG;
        if (payload.isEmpty()) {
            return unusable(format, VerificationError.NOT_A_CREDENTIAL, "this image has no credential baked into it");
        }
        BakedPayload baked = payload.get();
        if (baked.format() == BakedPayload.Format.OB2_PNG || baked.format() == BakedPayload.Format.OB2_SVG) {
            return unusable(format, VerificationError.UNSUPPORTED_FORMAT,
                    "this badge carries an Open Badges 2.0 assertion; it can be imported but not verified as an Open Badges 3.0 credential");
        }
        String content = baked.content().strip();
        return content.startsWith("{") ? verifyJsonText(content, format) : jwt.verify(content, format);
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static boolean looksLikePng(byte[] input) {
        return input.length >= 8 && java.util.Arrays.equals(input, 0, 8, PNG_SIGNATURE, 0, 8);
    }

    private static boolean looksLikeSvg(byte[] input) {
        String head = new String(input, 0, Math.min(input.length, 512), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        return head.startsWith("<");
    }

    static VerificationReport unusable(InputFormat format, VerificationError error, String reason) {
        List<Check> list = new ArrayList<>();
        list.add(Check.failed(CheckName.PARSE, error, reason));
        for (CheckName name : CheckName.STANDALONE) {
            if (name != CheckName.PARSE) {
                list.add(Check.skipped(name, "not checked: the input is not a readable credential"));
            }
        }
        return new VerificationReport(format, Verdict.UNUSABLE, list, null);
    }

    static ObjectNode asObject(JsonNode node) {
        return (ObjectNode) node;
    }
}
