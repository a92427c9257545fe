package org.credence.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Renders a credential's documents once and keeps them: every later request gets the stored
 * bytes, so a certificate never changes under its ETag and is not re-rendered per download,
 * until a new {@link DocumentEdition} (an upgrade that draws differently) draws it again.
 */
public final class StoredDocuments {
    /** Drawings of one request before it gives up storing (each undone by documents being forgotten meanwhile). */
    private static final int MAX_RENDERS = 3;
    private final Jdbi jdbi;
    private final String edition;

    /** @param edition what draws documents now ({@link DocumentEdition#current()}); others are drawn again */
    public StoredDocuments(Jdbi jdbi, String edition) {
        this.jdbi = jdbi;
        this.edition = edition;
    }

    /** What a renderer produces. */
    public record Rendered(String contentType, byte[] bytes) {}

    /** The stored document, if this edition rendered it before. */
    public Optional<StoredDocument> find(long tenantId, UUID credentialId, String kind) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT kind, content_type, bytes, sha256 FROM credential_document
                        WHERE tenant_id = :tenant AND credential_id = :credential AND kind = :kind AND drawn_with = :edition""")
                .bind("tenant", tenantId).bind("credential", credentialId).bind("kind", kind).bind("edition", edition)
                .map((rs, ctx) -> new StoredDocument(rs.getString("kind"), rs.getString("content_type"), rs.getBytes("bytes"),
                        quoted(rs.getString("sha256"))))
                .findOne());
    }

    /**
     * The stored document, rendering and storing it on first use (or first use since an upgrade,
     * replacing the older edition's). Two concurrent first requests may both render; the first
     * write wins and both answer with the stored bytes. A render during which the tenant's documents
     * were forgotten ({@link #forgetting}) is not stored but drawn again: it may show the old branding.
     */
    public StoredDocument findOrRender(long tenantId, UUID credentialId, String kind, Supplier<Rendered> renderer) {
        for (int attempt = 1; ; attempt++) {
            Optional<StoredDocument> stored = find(tenantId, credentialId, kind);
            if (stored.isPresent()) {
                return stored.get();
            }
            long generation = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(max(generation), 0) FROM document_generation WHERE tenant_id = :tenant")
                    .bind("tenant", tenantId).mapTo(Long.class).one());
            Rendered rendered = renderer.get();
            if (store(tenantId, credentialId, kind, rendered, generation)) {
                return find(tenantId, credentialId, kind).orElseThrow();
            }
            if (attempt == MAX_RENDERS) {
                // documents keep being forgotten while we draw: answer with this drawing, keep nothing
                return new StoredDocument(kind, rendered.contentType(), rendered.bytes(), quoted(sha256(rendered.bytes())));
            }
        }
    }

    /** Stores the render unless the tenant's documents were forgotten since {@code generation} was read; false if not stored. */
    private boolean store(long tenantId, UUID credentialId, String kind, Rendered rendered, long generation) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO document_generation (tenant_id, generation) VALUES (:tenant, 0) ON CONFLICT (tenant_id) DO NOTHING")
                    .bind("tenant", tenantId).execute();
            // FOR SHARE: waits for a transaction that is forgetting documents, then reads the generation it wrote;
            // and a transaction that starts forgetting now waits for this store, then deletes what it stored
            long now = h.createQuery("SELECT generation FROM document_generation WHERE tenant_id = :tenant FOR SHARE")
                    .bind("tenant", tenantId).mapTo(Long.class).one();
            if (now != generation) {
                return false;
            }
            h.createUpdate("""
                            INSERT INTO credential_document (tenant_id, credential_id, kind, content_type, bytes, sha256, drawn_with)
                            VALUES (:tenant, :credential, :kind, :type, :bytes, :sha, :edition)
                            ON CONFLICT (credential_id, kind) DO UPDATE
                               SET content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes, sha256 = EXCLUDED.sha256,
                                   drawn_with = EXCLUDED.drawn_with
                             WHERE credential_document.drawn_with <> EXCLUDED.drawn_with""")
                    .bind("tenant", tenantId).bind("credential", credentialId).bind("kind", kind).bind("edition", edition)
                    .bind("type", rendered.contentType()).bind("bytes", rendered.bytes()).bind("sha", sha256(rendered.bytes()))
                    .execute();
            return true;
        });
    }

    /**
     * Call in the transaction that deletes stored documents of the tenant, before the {@code DELETE}: renders that
     * began before it will not store what they drew (see {@link #findOrRender}).
     */
    public static void forgetting(Handle h, long tenantId) {
        h.createUpdate("""
                        INSERT INTO document_generation (tenant_id, generation) VALUES (:tenant, 1)
                        ON CONFLICT (tenant_id) DO UPDATE SET generation = document_generation.generation + 1""")
                .bind("tenant", tenantId).execute();
    }

    /** Forgets a credential's documents, so they are rendered afresh (after a status change or a new design). */
    public void forget(long tenantId, UUID credentialId) {
        jdbi.useTransaction(h -> {
            forgetting(h, tenantId);
            h.createUpdate("DELETE FROM credential_document WHERE tenant_id = :tenant AND credential_id = :credential")
                    .bind("tenant", tenantId).bind("credential", credentialId).execute();
        });
    }

    /** The lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String quoted(String hash) {
        return "\"" + hash + "\"";
    }
}
