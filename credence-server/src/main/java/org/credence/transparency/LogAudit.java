package org.credence.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credence.issuance.Issuance;
import org.credence.standards.transparency.InMemoryMerkleLog;
import org.credence.standards.transparency.MerkleTree;
import org.credence.standards.transparency.SignedCheckpoint;
import org.credence.standards.verification.SignedFacts;
import org.jdbi.v3.core.Handle;

/**
 * Recomputes each tenant's transparency log from what is stored and compares: every leaf hash with
 * its entry, every issuance entry with the credential it names (the SHA-256 of its signed text),
 * every credential's state and columns with its signed document and logged history, and every
 * signed checkpoint with the root of the tree recomputed from the entries. Reports the first
 * difference, in tenant order, then leaf, credential and checkpoint order.
 */
public final class LogAudit {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    /** How much was recomputed, and the first difference found, if any. */
    public record Result(long leaves, long credentials, long checkpoints, Optional<String> discrepancy) {}

    private LogAudit() {}

    /** Checks every tenant's log, credentials and checkpoints. */
    public static Result check(Handle h) {
        long leaves = 0;
        long credentials = 0;
        long checkpoints = 0;
        List<Long> tenants = h.createQuery("SELECT id FROM tenant ORDER BY id").mapTo(Long.class).list();
        for (long tenant : tenants) {
            Tally tally = new Tally();
            Optional<String> found = checkTenant(h, tenant, tally);
            leaves += tally.leaves;
            credentials += tally.credentials;
            checkpoints += tally.checkpoints;
            if (found.isPresent()) {
                return new Result(leaves, credentials, checkpoints, found);
            }
        }
        return new Result(leaves, credentials, checkpoints, Optional.empty());
    }

    private static final class Tally {
        long leaves;
        long credentials;
        long checkpoints;
    }

    /** A credential's issuance fingerprint and latest state as its log entries tell them. */
    private static final class Logged {
        String documentSha256;
        long issueIndex = -1;
        String state = "active";
    }

    private static Optional<String> checkTenant(Handle h, long tenant, Tally tally) {
        InMemoryMerkleLog tree = new InMemoryMerkleLog();
        Map<UUID, Logged> logged = new HashMap<>();
        List<Leaf> stored = h.createQuery("SELECT idx, leaf_hash, entry FROM transparency_leaf WHERE tenant_id = :tenant ORDER BY idx")
                .bind("tenant", tenant).map((rs, ctx) -> new Leaf(rs.getLong(1), rs.getBytes(2), rs.getString(3))).list();
        for (Leaf leaf : stored) {
            String where = "transparency_leaf (tenant " + tenant + ", idx " + leaf.idx() + ")";
            if (leaf.idx() != tree.size()) {
                return Optional.of("transparency_leaf (tenant " + tenant + "): expected leaf idx " + tree.size() + ", found idx " + leaf.idx());
            }
            byte[] expected = MerkleTree.leafHash(leaf.entry().getBytes(StandardCharsets.UTF_8));
            if (!Arrays.equals(expected, leaf.hash())) {
                return Optional.of(where + ": expected leaf_hash " + B64.encodeToString(expected) + " (SHA-256 of 0x00 and the entry), found "
                        + B64.encodeToString(leaf.hash()));
            }
            tree.appendLeafHash(expected);
            tally.leaves++;
            JsonNode entry;
            UUID credential;
            try {
                entry = JSON.readTree(leaf.entry());
                credential = UUID.fromString(entry.path("credential").asText());
            } catch (IOException | IllegalArgumentException e) {
                return Optional.of(where + ": expected an entry naming a credential, found " + leaf.entry());
            }
            Logged history = logged.computeIfAbsent(credential, id -> new Logged());
            if (entry.path("type").asText().equals("issue")) {
                history.documentSha256 = entry.path("documentSha256").asText();
                history.issueIndex = leaf.idx();
                history.state = "active";
            } else if (entry.path("state").isTextual()) {
                // a status change names the state it leaves the credential in, whichever route made it
                history.state = entry.path("state").asText();
            }
        }
        Optional<String> credentials = checkCredentials(h, tenant, logged, tally);
        return credentials.isPresent() ? credentials : checkCheckpoints(h, tenant, tree, tally);
    }

    private record Leaf(long idx, byte[] hash, String entry) {}

    private record Stored(UUID id, String number, String name, String state, String text, boolean documentMatches) {}

    private static Optional<String> checkCredentials(Handle h, long tenant, Map<UUID, Logged> logged, Tally tally) {
        List<Stored> credentials = h.createQuery("""
                        SELECT id, number, recipient_name, state, document_text, document = CAST(document_text AS JSONB) AS same
                          FROM credential
                         WHERE tenant_id = :tenant
                         ORDER BY issued_at, id
                        """).bind("tenant", tenant)
                .map((rs, ctx) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6))).list();
        for (Stored c : credentials) {
            String where = "credential " + c.id() + " (number " + c.number() + ", tenant " + tenant + ")";
            Logged history = logged.get(c.id());
            if (history == null || history.issueIndex < 0) {
                return Optional.of(where + ": expected an issuance entry in the transparency log, found none");
            }
            String sha = Issuance.sha256(c.text());
            if (!sha.equals(history.documentSha256)) {
                return Optional.of(where + ": column document_text expected SHA-256 " + history.documentSha256 + " (transparency_leaf idx "
                        + history.issueIndex + "), found " + sha);
            }
            if (!c.documentMatches()) {
                return Optional.of(where + ": column document expected to equal document_text (the signed credential), found a different JSON");
            }
            if (!c.state().equals(history.state)) {
                return Optional.of(where + ": column state expected '" + history.state + "' (the last state in the transparency log), found '"
                        + c.state() + "'");
            }
            Optional<String> signedName = signedName(c.text());
            if (signedName.isPresent() && !signedName.get().equals(c.name())) {
                return Optional.of(where + ": column recipient_name expected '" + signedName.get() + "' (the signed credential), found '"
                        + c.name() + "'");
            }
            tally.credentials++;
        }
        return Optional.empty();
    }

    /** The recipient's name as the credential text signs it, when it carries one. */
    private static Optional<String> signedName(String documentText) {
        try {
            return Optional.ofNullable(SignedFacts.read(JSON.readTree(documentText)).recipient());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> checkCheckpoints(Handle h, long tenant, InMemoryMerkleLog tree, Tally tally) {
        record Signed(long id, long size, byte[] root, String note) {}
        List<Signed> signed = h.createQuery("""
                        SELECT id, tree_size, root_hash, signed_note FROM transparency_checkpoint WHERE tenant_id = :tenant ORDER BY id
                        """).bind("tenant", tenant)
                .map((rs, ctx) -> new Signed(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getString(4))).list();
        MerkleTree recomputed = new MerkleTree(tree);
        for (Signed checkpoint : signed) {
            String where = "transparency_checkpoint id " + checkpoint.id() + " (tenant " + tenant + ", tree size " + checkpoint.size() + ")";
            if (checkpoint.size() > tree.size()) {
                return Optional.of(where + ": expected at least " + checkpoint.size() + " leaves, found " + tree.size());
            }
            byte[] root = recomputed.rootHash(checkpoint.size());
            byte[] noted;
            try {
                SignedCheckpoint note = SignedCheckpoint.parse(checkpoint.note());
                noted = note.checkpoint().size() == checkpoint.size() ? note.checkpoint().rootHash() : null;
            } catch (IllegalArgumentException e) {
                noted = null;
            }
            if (noted == null) {
                return Optional.of(where + ": expected a signed note for this size, found one that does not parse or names another size");
            }
            for (byte[] claimed : List.of(noted, checkpoint.root())) {
                if (!Arrays.equals(root, claimed)) {
                    return Optional.of(where + ": expected root " + B64.encodeToString(root) + " (recomputed from the stored entries), found "
                            + B64.encodeToString(claimed) + (claimed == noted ? " in the signed note" : " in column root_hash"));
                }
            }
            tally.checkpoints++;
        }
        return Optional.empty();
    }
}
