package org.credence.transparency;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.json.JsonFields;
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
        h.execute("SELECT pg_advisory_xact_lock(?)", lockKey(tenantId));
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

    /**
     * Appends one entry per credential inside the caller's transaction, under one lock and in one insert (a batch):
     * the leaves get consecutive indexes in the order given.
     */
    public void appendAll(Handle h, long tenantId, List<UUID> credentialIds, List<ObjectNode> entries) {
        if (entries.isEmpty()) {
            return;
        }
        h.execute("SELECT pg_advisory_xact_lock(?)", lockKey(tenantId));
        appendAllLocked(h, tenantId, credentialIds, entries);
    }

    /** The transaction-scoped advisory lock that makes one appender per tenant at a time, so indexes stay dense. */
    public static long lockKey(long tenantId) {
        return 0x7c3d_0000_0000_0000L + tenantId;
    }

    /**
     * {@link #appendAll} for a caller that already holds {@link #lockKey} of the tenant, taken in an earlier statement of
     * its transaction (this statement's snapshot must see every leaf the previous holder committed).
     */
    public void appendAllLocked(Handle h, long tenantId, List<UUID> credentialIds, List<ObjectNode> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<String> texts = new java.util.ArrayList<>(entries.size());
        List<String> hashes = new java.util.ArrayList<>(entries.size());
        for (ObjectNode entry : entries) {
            String text = entry.toString();
            texts.add(text);
            hashes.add(java.util.HexFormat.of().formatHex(MerkleTree.leafHash(text.getBytes(StandardCharsets.UTF_8))));
        }
        // the next index is read in a statement after the lock's: its snapshot sees every leaf the previous holder committed
        h.createUpdate("""
                        INSERT INTO transparency_leaf (tenant_id, idx, leaf_hash, entry, credential_id)
                        SELECT :tenant, (SELECT coalesce(max(idx) + 1, 0) FROM transparency_leaf WHERE tenant_id = :tenant) + n - 1,
                               decode(hash, 'hex'), entry, credential
                          FROM unnest(:hashes, :entries, :credentials) WITH ORDINALITY AS leaf(hash, entry, credential, n)
                        """)
                .bind("tenant", tenantId).bindArray("hashes", String.class, hashes)
                .bindArray("entries", String.class, texts).bindArray("credentials", UUID.class, credentialIds).execute();
    }

    /**
     * The signed checkpoint (tree head) of the current tree. Every checkpoint is stored before it is
     * handed out, and one tree size is signed with one root only: a size signed before is answered
     * with its stored note (re-signed only after a key rotation, still with the same root).
     *
     * @throws RewrittenLog when the stored leaves no longer give the root signed for this size
     */
    public ObjectNode checkpoint(Tenant tenant) {
        Head head = head(tenant.id());
        TenantKeys.SigningKey key = keys.signingKey(tenant);
        Optional<StoredCheckpoint> stored = storedCheckpoint(tenant.id(), head.size());
        if (stored.isPresent() && !Arrays.equals(stored.get().rootHash(), head.rootHash())) {
            throw new RewrittenLog(tenant.slug(), head.size(), stored.get().rootHash(), head.rootHash());
        }
        StoredCheckpoint checkpoint = stored.filter(c -> c.verificationMethod().equals(key.verificationMethod()))
                .orElseGet(() -> sign(tenant, head, key));
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("origin", origin(tenant));
        node.put("treeSize", checkpoint.treeSize());
        node.put("rootHash", B64.encodeToString(checkpoint.rootHash()));
        node.put("timestamp", checkpoint.signedAt().toString());
        node.put("signedNote", checkpoint.signedNote());
        node.put("verificationMethod", checkpoint.verificationMethod());
        node.put("verifierKey", checkpoint.verifierKey());
        return node;
    }

    /** Signs the head and stores the checkpoint, so the note handed out can always be shown again. */
    private StoredCheckpoint sign(Tenant tenant, Head head, TenantKeys.SigningKey key) {
        Checkpoint checkpoint = new Checkpoint(origin(tenant), head.size(), head.rootHash(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint, key.keys());
        StoredCheckpoint stored = new StoredCheckpoint(head.size(), head.rootHash(), signed.text(), key.verificationMethod(),
                SignedCheckpoint.verifierKey(checkpoint.origin(), key.keys().publicKey()), checkpoint.timestamp());
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO transparency_checkpoint (tenant_id, tree_size, root_hash, signed_note, verification_method, verifier_key, signed_at)
                        VALUES (:tenant, :size, :root, :note, :method, :verifier, :at)
                        """)
                .bind("tenant", tenant.id()).bind("size", stored.treeSize()).bind("root", stored.rootHash()).bind("note", stored.signedNote())
                .bind("method", stored.verificationMethod()).bind("verifier", stored.verifierKey())
                .bind("at", stored.signedAt().atOffset(ZoneOffset.UTC)).execute());
        return stored;
    }

    /** A checkpoint as stored when it was signed. */
    private record StoredCheckpoint(long treeSize, byte[] rootHash, String signedNote, String verificationMethod, String verifierKey,
                                    Instant signedAt) {}

    private Optional<StoredCheckpoint> storedCheckpoint(long tenantId, long size) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT tree_size, root_hash, signed_note, verification_method, verifier_key, signed_at
                          FROM transparency_checkpoint
                         WHERE tenant_id = :tenant AND tree_size = :size
                         ORDER BY id DESC
                         LIMIT 1
                        """).bind("tenant", tenantId).bind("size", size)
                .map((rs, ctx) -> new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .findFirst());
    }

    /**
     * Recomputes every tenant's tree from its stored leaves and compares it with every checkpoint
     * signed before. Run at start: a server whose log was rewritten must not sign a second root
     * for a size it already signed.
     *
     * @throws RewrittenLog naming the first tenant, size and both roots that disagree
     */
    public void refuseRewrittenHistory() {
        List<SignedRoot> signed = jdbi.withHandle(h -> h.createQuery("""
                        SELECT DISTINCT c.tenant_id, t.slug, c.tree_size, c.root_hash
                          FROM transparency_checkpoint c
                          JOIN tenant t ON t.id = c.tenant_id
                         ORDER BY c.tenant_id, c.tree_size
                        """).map((rs, ctx) -> new SignedRoot(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4))).list());
        Head head = null;
        for (SignedRoot root : signed) {
            if (head == null || head.tenantId() != root.tenantId()) {
                head = head(root.tenantId());
            }
            byte[] now = root.size() > head.size() ? null : head.tree().rootHash(root.size());
            if (now == null || !Arrays.equals(now, root.rootHash())) {
                throw new RewrittenLog(root.slug(), root.size(), root.rootHash(), now);
            }
        }
    }

    private record SignedRoot(long tenantId, String slug, long size, byte[] rootHash) {}

    /** The log's leaves no longer give a root the log signed before: it was edited outside Credence. */
    public static final class RewrittenLog extends IllegalStateException {
        RewrittenLog(String slug, long size, byte[] signedRoot, byte[] nowRoot) {
            super("the transparency log of tenant '" + slug + "' was rewritten: tree size " + size + " was signed with root "
                    + B64.encodeToString(signedRoot) + ", but the stored leaves now give "
                    + (nowRoot == null ? "no tree of that size (leaves were removed)" : "root " + B64.encodeToString(nowRoot))
                    + "; refusing to sign a second root for that size. Restore the log from a backup, and run './credence audit verify'"
                    + " to find the row that changed");
        }
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
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("leafIndex", index.get());
        node.put("treeSize", size);
        node.put("leafHash", B64.encodeToString(leafHash));
        // the exact bytes hashed into the leaf (SHA-256 of 0x00 ‖ UTF-8 entry): an auditor ties the leaf to the credential
        String entry = entry(tenantId, index.get());
        node.put("entry", entry);
        node.put("rootHash", B64.encodeToString(head.rootHash()));
        ArrayNode hashes = node.putArray("proof");
        proof.forEach(p -> hashes.add(B64.encodeToString(p)));
        boolean entryMatches = Arrays.equals(MerkleTree.leafHash(entry.getBytes(StandardCharsets.UTF_8)), leafHash);
        node.put("verified", entryMatches && MerkleTree.verifyInclusion(leafHash, index.get(), size, proof, head.rootHash()));
        return Optional.of(node);
    }

    public ObjectNode consistency(Tenant tenant, long from, long to) {
        Head head = head(tenant.id());
        if (from < 1 || to < from || to > head.size()) {
            throw new DomainException.Malformed(ErrorText.of("transparency.range", "size", head.size()));
        }
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
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
    private record Head(long tenantId, long size, byte[] rootHash, InMemoryMerkleLog leaves) {
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
            return new Head(tenantId, size, mirror.rootHash(), mirror);
        }
    }

    private record IndexedHash(long index, byte[] hash) {}

    private String entry(long tenantId, long index) {
        return jdbi.withHandle(h -> h.createQuery("SELECT entry FROM transparency_leaf WHERE tenant_id = :tenant AND idx = :idx")
                .bind("tenant", tenantId).bind("idx", index).mapTo(String.class).one());
    }

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
