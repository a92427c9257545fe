package org.credence.transparency;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.standards.transparency.Checkpoint;
import org.credence.standards.transparency.LeafHashes;
import org.credence.standards.transparency.MerkleTree;
import org.credence.standards.transparency.SignedCheckpoint;
import org.credence.tenant.Tenant;
import org.credence.tenant.TenantKeys;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Each tenant's append-only Merkle log, stored in PostgreSQL: every issuance and status change
 * becomes a leaf in the same transaction as the change, and signed checkpoints let anyone check
 * that the log only grows.
 */
public final class TransparencyLog {
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private final Jdbi jdbi;
    private final TenantKeys keys;
    private final Clock clock;
    private final String host;

    public TransparencyLog(Jdbi jdbi, TenantKeys keys, Clock clock, java.net.URI publicUrl) {
        this.jdbi = jdbi;
        this.keys = keys;
        this.clock = clock;
        this.host = publicUrl.getAuthority();
    }

    /** Appends an entry inside the caller's transaction; leaves of one tenant are numbered without gaps. */
    public long append(Handle h, long tenantId, UUID credentialId, ObjectNode entry) {
        // one appender per tenant at a time, so indexes stay dense
        h.execute("SELECT pg_advisory_xact_lock(?)", 0x7c3d_0000_0000_0000L + tenantId);
        long index = h.createQuery("SELECT coalesce(max(idx) + 1, 0) FROM transparency_leaf WHERE tenant_id = :tenant")
                .bind("tenant", tenantId).mapTo(Long.class).one();
        byte[] data = entry.toString().getBytes(StandardCharsets.UTF_8);
        h.createUpdate("""
                        INSERT INTO transparency_leaf (tenant_id, idx, leaf_hash, entry, credential_id)
                        VALUES (:tenant, :idx, :hash, :entry, :credential)
                        """)
                .bind("tenant", tenantId).bind("idx", index).bind("hash", MerkleTree.leafHash(data))
                .bind("entry", entry.toString()).bind("credential", credentialId).execute();
        return index;
    }

    /** The latest signed checkpoint (tree head). */
    public ObjectNode checkpoint(Tenant tenant) {
        List<byte[]> leaves = leaves(tenant.id());
        Checkpoint checkpoint = new Checkpoint(origin(tenant), leaves.size(), tree(leaves).rootHash(leaves.size()),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        TenantKeys.SigningKey key = keys.signingKey(tenant);
        SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint, key.keys());
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("origin", checkpoint.origin());
        node.put("treeSize", checkpoint.size());
        node.put("rootHash", B64.encodeToString(checkpoint.rootHash()));
        node.put("timestamp", checkpoint.timestamp().toString());
        node.put("signedNote", signed.text());
        node.put("verificationMethod", key.verificationMethod());
        node.put("verifierKey", SignedCheckpoint.verifierKey(checkpoint.origin(), key.keys().publicKey()));
        return node;
    }

    /** The proof that a credential's issuance is in the current tree; empty when it was never logged. */
    public Optional<ObjectNode> inclusion(long tenantId, UUID credentialId) {
        Optional<Long> index = jdbi.withHandle(h -> h.createQuery("""
                        SELECT min(idx)
                          FROM transparency_leaf
                         WHERE tenant_id = :tenant
                           AND credential_id = :credential
                        """).bind("tenant", tenantId).bind("credential", credentialId).mapTo(Long.class).findOne());
        if (index.isEmpty() || index.get() == null) {
            return Optional.empty();
        }
        List<byte[]> leaves = leaves(tenantId);
        MerkleTree tree = tree(leaves);
        long size = leaves.size();
        List<byte[]> proof = tree.inclusionProof(index.get(), size);
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("leafIndex", index.get());
        node.put("treeSize", size);
        node.put("leafHash", B64.encodeToString(leaves.get(index.get().intValue())));
        node.put("rootHash", B64.encodeToString(tree.rootHash(size)));
        ArrayNode hashes = node.putArray("proof");
        proof.forEach(p -> hashes.add(B64.encodeToString(p)));
        node.put("verified", MerkleTree.verifyInclusion(leaves.get(index.get().intValue()), index.get(), size, proof, tree.rootHash(size)));
        return Optional.of(node);
    }

    public ObjectNode consistency(Tenant tenant, long from, long to) {
        List<byte[]> leaves = leaves(tenant.id());
        if (from < 1 || to < from || to > leaves.size()) {
            throw Problem.badRequest("need 1 <= from <= to <= " + leaves.size() + " (the current tree size)");
        }
        MerkleTree tree = tree(leaves);
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("from", from);
        node.put("to", to);
        node.put("fromRootHash", B64.encodeToString(tree.rootHash(from)));
        node.put("toRootHash", B64.encodeToString(tree.rootHash(to)));
        ArrayNode hashes = node.putArray("proof");
        tree.consistencyProof(from, to).forEach(p -> hashes.add(B64.encodeToString(p)));
        return node;
    }

    private String origin(Tenant tenant) {
        return host + "/tenants/" + tenant.slug();
    }

    // Read once per request; a tenant's log of a million leaves is 32 MB of hashes, fine for now
    private List<byte[]> leaves(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT leaf_hash FROM transparency_leaf WHERE tenant_id = :tenant ORDER BY idx")
                .bind("tenant", tenantId).mapTo(byte[].class).list());
    }

    private static MerkleTree tree(List<byte[]> leaves) {
        return new MerkleTree(new LeafHashes() {
            @Override
            public long size() {
                return leaves.size();
            }

            @Override
            public byte[] leafHash(long index) {
                return leaves.get((int) index);
            }
        });
    }
}
