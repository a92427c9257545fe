package org.credence.transparency;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.standards.transparency.Checkpoint;
import org.credence.standards.transparency.InMemoryMerkleLog;
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
    private static final int MAX_REMEMBERED = 200_000;
    private final Map<Long, InMemoryMerkleLog> mirrors = new ConcurrentHashMap<>();
    private final Map<UUID, Long> firstLeaves = new ConcurrentHashMap<>();

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
        Head head = head(tenant.id());
        Checkpoint checkpoint = new Checkpoint(origin(tenant), head.size(), head.rootHash(),
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
        Optional<Long> index = firstLeaf(tenantId, credentialId);
        if (index.isEmpty()) {
            return Optional.empty();
        }
        Head head = head(tenantId);
        long size = head.size();
        List<byte[]> proof = head.tree().inclusionProof(index.get(), size);
        byte[] leafHash = head.leaves().leafHash(index.get());
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("leafIndex", index.get());
        node.put("treeSize", size);
        node.put("leafHash", B64.encodeToString(leafHash));
        node.put("rootHash", B64.encodeToString(head.rootHash()));
        ArrayNode hashes = node.putArray("proof");
        proof.forEach(p -> hashes.add(B64.encodeToString(p)));
        node.put("verified", MerkleTree.verifyInclusion(leafHash, index.get(), size, proof, head.rootHash()));
        return Optional.of(node);
    }

    public ObjectNode consistency(Tenant tenant, long from, long to) {
        Head head = head(tenant.id());
        if (from < 1 || to < from || to > head.size()) {
            throw Problem.badRequest("need 1 <= from <= to <= " + head.size() + " (the current tree size)");
        }
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("from", from);
        node.put("to", to);
        node.put("fromRootHash", B64.encodeToString(head.tree().rootHash(from)));
        node.put("toRootHash", B64.encodeToString(head.tree().rootHash(to)));
        ArrayNode hashes = node.putArray("proof");
        head.tree().consistencyProof(from, to).forEach(p -> hashes.add(B64.encodeToString(p)));
        return node;
    }

    private String origin(Tenant tenant) {
        return host + "/tenants/" + tenant.slug();
    }

    /** A tree size seen at one moment, its root, and the tree to prove against it. */
    private record Head(long size, byte[] rootHash, InMemoryMerkleLog leaves) {
        MerkleTree tree() {
            return new MerkleTree(leaves);
        }
    }

    /**
     * The tenant's tree as committed now. The table is the truth; memory mirrors it and reads only
     * the leaves added since the last call (by this or any other server on the same database), so
     * a proof costs one indexed query and O(log n) hashing instead of reading the whole log.
     */
    private Head head(long tenantId) {
        InMemoryMerkleLog mirror = mirrors.computeIfAbsent(tenantId, id -> new InMemoryMerkleLog());
        long known = mirror.size();
        List<IndexedHash> added = jdbi.withHandle(h -> h.createQuery("""
                        SELECT idx, leaf_hash
                          FROM transparency_leaf
                         WHERE tenant_id = :tenant AND idx >= :known
                         ORDER BY idx
                        """).bind("tenant", tenantId).bind("known", known)
                .map((rs, ctx) -> new IndexedHash(rs.getLong(1), rs.getBytes(2))).list());
        synchronized (mirror) {
            // another request may have mirrored some of these already; appends stay in index order
            for (IndexedHash leaf : added) {
                if (leaf.index() == mirror.size()) {
                    mirror.appendLeafHash(leaf.hash());
                }
            }
            long size = mirror.size();
            return new Head(size, mirror.rootHash(), mirror);
        }
    }

    private record IndexedHash(long index, byte[] hash) {}

    /** A credential's issuance leaf never moves, so once found it is remembered. */
    private Optional<Long> firstLeaf(long tenantId, UUID credentialId) {
        Long cached = firstLeaves.get(credentialId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Long> index = jdbi.withHandle(h -> h.createQuery("""
                        SELECT idx
                          FROM transparency_leaf
                         WHERE tenant_id = :tenant
                           AND credential_id = :credential
                         ORDER BY idx
                         LIMIT 1
                        """).bind("tenant", tenantId).bind("credential", credentialId).mapTo(Long.class).findFirst());
        index.ifPresent(i -> {
            if (firstLeaves.size() >= MAX_REMEMBERED) {
                firstLeaves.clear();
            }
            firstLeaves.put(credentialId, i);
        });
        return index;
    }
}
