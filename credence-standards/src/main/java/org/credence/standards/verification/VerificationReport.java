package org.credence.standards.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The result of verifying one credential: its verdict and every check with its reason.
 *
 * @param credential the credential that was checked (decoded from a JWT or image), when readable
 */
public record VerificationReport(InputFormat format, Verdict verdict, List<Check> checks, JsonNode credential) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /** A report whose verdict follows from its checks. */
    public static VerificationReport of(InputFormat format, List<Check> checks, JsonNode credential) {
        return new VerificationReport(format, verdict(checks), checks, credential);
    }

    /** The verdict the checks add up to: tampered over revoked over suspended over expired. */
    public static Verdict verdict(List<Check> checks) {
        Verdict verdict = Verdict.VALID;
        for (Check check : checks) {
            if (!check.hasFailed()) {
                continue;
            }
            Verdict candidate = switch (check.error()) {
                case REVOKED -> Verdict.REVOKED;
                case SUSPENDED -> Verdict.SUSPENDED;
                case EXPIRED -> Verdict.EXPIRED;
                case NOT_YET_VALID -> Verdict.NOT_YET_VALID;
                default -> Verdict.INVALID;
            };
            if (severity(candidate) > severity(verdict)) {
                verdict = candidate;
            }
        }
        return verdict;
    }

    // what a verifier most needs to hear wins: tampered over revoked over suspended over expired
    private static int severity(Verdict verdict) {
        return switch (verdict) {
            case VALID -> 0;
            case NOT_YET_VALID -> 1;
            case EXPIRED -> 2;
            case SUSPENDED -> 3;
            case REVOKED -> 4;
            case INVALID -> 5;
            case UNUSABLE -> 6;
        };
    }

    /** The first failed check, which names what is wrong. */
    public Optional<Check> firstFailure() {
        return checks.stream().filter(Check::hasFailed).findFirst();
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }

    /**
     * The report as JSON: {@code status}, {@code format}, {@code checks}[{@code check, outcome, error, reason}], and
     * {@code signed} ({@link SignedFacts}) when the signature matched.
     */
    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", verdict.json());
        node.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
        firstFailure().ifPresent(f -> node.put("reason", f.reason()));
        ArrayNode list = node.putArray("checks");
        for (Check check : checks) {
            ObjectNode item = list.addObject();
            item.put("check", check.name().name().toLowerCase(java.util.Locale.ROOT));
            item.put("title", check.name().title());
            item.put("outcome", check.outcome().name().toLowerCase(java.util.Locale.ROOT));
            if (check.error() != null) {
                item.put("error", check.error().name());
            }
            item.put("reason", check.reason());
        }
        if (credential != null) {
            node.put("credentialId", credential.path("id").asText(null));
            JsonNode issuer = credential.path("issuer");
            node.put("issuer", issuer.isTextual() ? issuer.asText() : issuer.path("id").asText(null));
        }
        SignedFacts.of(this).ifPresent(facts -> node.set("signed", facts.toJson()));
        return node;
    }

    /** A plain-text report for terminals. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(verdict.name()).append(firstFailure().map(f -> ": " + f.reason()).orElse("")).append('\n');
        for (Check check : checks) {
            String mark = switch (check.outcome()) {
                case PASSED -> "  ok    ";
                case FAILED -> "  FAIL  ";
                case SKIPPED -> "  skip  ";
            };
            out.append(mark).append(check.name().title()).append(" — ").append(check.reason()).append('\n');
        }
        return out.toString();
    }
}
