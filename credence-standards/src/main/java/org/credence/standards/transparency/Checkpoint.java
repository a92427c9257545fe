package org.credence.standards.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tree head: the log's identity, a tree size and the root hash of that tree, at a time.
 *
 * <p>Its {@link #body()} is a transparency-dev checkpoint: origin, decimal size and padded base64
 * root hash, one per line, plus our extension line with the ISO-8601 timestamp. Exactly one text
 * is valid for each checkpoint, so the signed bytes can always be rebuilt from the fields.
 *
 * @see <a href="https://github.com/transparency-dev/formats/blob/main/log/README.md">checkpoint format</a>
 */
public record Checkpoint(String origin, long size, byte[] rootHash, Instant timestamp) {
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");
    private static final Pattern NOT_A_KEY_NAME = Pattern.compile("[\\s+]");

    public Checkpoint {
        String problem = originProblem(origin);
        if (problem != null) {
            throw new CheckpointFormatException(problem);
        }
        if (size < 0) {
            throw new CheckpointFormatException("a tree size is at least 0, got " + size);
        }
        if (rootHash == null || rootHash.length != TreeHash.LENGTH) {
            throw new CheckpointFormatException("a root hash is 32 bytes of SHA-256, got "
                    + (rootHash == null ? "none" : rootHash.length + " bytes"));
        }
        Objects.requireNonNull(timestamp, "timestamp");
        rootHash = rootHash.clone();
    }

    /**
     * Reads a checkpoint body as produced by {@link #body()}; anything else, including an
     * equivalent but differently written value, is refused so signatures stay checkable.
     */
    public static Checkpoint parse(String body) {
        if (body.contains("\r")) {
            throw new CheckpointFormatException("checkpoint lines end in \\n alone, this text has \\r");
        }
        if (!body.endsWith("\n")) {
            throw new CheckpointFormatException("a checkpoint body ends with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length != 4) {
            throw new CheckpointFormatException(
                    "a checkpoint body has 4 lines (origin, size, root hash, timestamp), got " + lines.length);
        }
        String problem = originProblem(lines[0]);
        if (problem != null) {
            throw new CheckpointFormatException("line 1: " + problem);
        }
        if (!DECIMAL.matcher(lines[1]).matches()) {
            throw new CheckpointFormatException(
                    "line 2 (tree size) '" + lines[1] + "' is not a decimal number without sign or leading zeros");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new CheckpointFormatException("line 2 (tree size) " + lines[1] + " is too large");
        }
        return new Checkpoint(lines[0], size, rootHashLine(lines[2]), timestampLine(lines[3]));
    }

    /** The canonical text: origin, size, base64 root hash, timestamp, each ending in {@code \n}. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + timestamp + "\n";
    }

    /** The UTF-8 bytes of {@link #body()}: what gets signed. */
    public byte[] bodyBytes() {
        return body().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint other && origin.equals(other.origin) && size == other.size
                && Arrays.equals(rootHash, other.rootHash) && timestamp.equals(other.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), timestamp);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + body().replace("\n", " ").strip() + "]";
    }

    /** The origin doubles as the signed-note key name, so it follows the key-name rules too. */
    static String originProblem(String origin) {
        if (origin == null || origin.isEmpty()) {
            return "a checkpoint origin must not be empty";
        }
        if (NOT_A_KEY_NAME.matcher(origin).find()) {
            return "checkpoint origin '" + origin + "' must not contain whitespace or '+' (it names the signing key)";
        }
        return null;
    }

    private static byte[] rootHashLine(String line) {
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException("line 3 (root hash) '" + line + "' is not base64: " + e.getMessage());
        }
        if (hash.length != TreeHash.LENGTH) {
            throw new CheckpointFormatException(
                    "line 3 (root hash) decodes to " + hash.length + " bytes, a SHA-256 root hash has 32");
        }
        if (!Base64.getEncoder().encodeToString(hash).equals(line)) {
            throw new CheckpointFormatException("line 3 (root hash) '" + line + "' is not standard padded base64");
        }
        return hash;
    }

    private static Instant timestampLine(String line) {
        Instant timestamp;
        try {
            timestamp = Instant.parse(line);
        } catch (DateTimeParseException e) {
            throw new CheckpointFormatException(
                    "line 4 (timestamp) '" + line + "' is not an ISO-8601 UTC instant such as 2025-01-31T12:00:00Z");
        }
        if (!timestamp.toString().equals(line)) {
            throw new CheckpointFormatException(
                    "line 4 (timestamp) '" + line + "' is not in canonical form, which is " + timestamp);
        }
        return timestamp;
    }
}
