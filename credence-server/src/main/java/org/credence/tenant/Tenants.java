package org.credence.tenant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.json.JsonFields;
import org.credence.standards.keys.DidDocuments;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Creating and finding tenants; each gets a signing key, a did:web identity and a first API key. */
public final class Tenants {
    /** A new tenant and its first API key, shown once. */
    public record Created(Tenant tenant, String apiKey) {}

    /**
     * What a new tenant is made of: the API's {@code POST /api/v1/tenants} and the first-run setup page both send this.
     *
     * @param slug its short name in addresses and did:web (2-63 lower-case letters, digits, hyphens)
     * @param url its own website, or null
     * @param locale {@code en} or {@code nb}; null means {@code en}
     */
    public record NewTenant(String slug, String name, String url, String locale) {}

    private final Jdbi jdbi;
    private final TenantKeys keys;
    private final ApiKeys apiKeys;
    private final AuditTrail audit;
    private final URI publicUrl;

    public Tenants(Jdbi jdbi, TenantKeys keys, ApiKeys apiKeys, AuditTrail audit, URI publicUrl) {
        this.jdbi = jdbi;
        this.keys = keys;
        this.apiKeys = apiKeys;
        this.audit = audit;
        this.publicUrl = publicUrl;
    }

    /** Creates a tenant with its signing key and a first API key (all scopes), audited; refusals name the field at fault. */
    public Created create(Caller caller, NewTenant command) {
        String slug = command.slug() == null ? "" : command.slug().strip();
        String name = command.name() == null ? "" : command.name().strip();
        String url = command.url() == null || command.url().isBlank() ? null : command.url().strip();
        String locale = command.locale() == null || command.locale().isBlank() ? "en" : command.locale().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new DomainException.InvalidInput("name", ErrorText.of("tenant.name_required"));
        }
        if (url != null && url.length() > 2000) {
            throw new DomainException.InvalidInput("url", ErrorText.of("tenant.url_too_long"));
        }
        if (!slug.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new DomainException.InvalidInput("slug", ErrorText.of("tenant.slug_invalid"));
        }
        if (!locale.equals("en") && !locale.equals("nb")) {
            throw new DomainException.InvalidInput("locale", ErrorText.of("tenant.locale_invalid"));
        }
        if (url != null && !url.matches("https?://\\S+")) {
            throw new DomainException.InvalidInput("url", ErrorText.of("tenant.url_invalid"));
        }
        return jdbi.inTransaction(h -> {
            if (find(h, slug).isPresent()) {
                throw new DomainException.Conflict(ErrorText.of("tenant.slug_taken", "slug", slug));
            }
            long id = h.createUpdate("INSERT INTO tenant (slug, name, url, locale) VALUES (:slug, :name, :url, :locale)")
                    .bind("slug", slug).bind("name", name).bind("url", url).bind("locale", locale)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            keys.rotate(h, id);
            String apiKey = apiKeys.create(h, id, Set.of("issue", "read", "analytics", "admin"), "first key");
            Tenant tenant = new Tenant(id, slug, name, url, locale, didOf(slug));
            audit.record(h, id, caller.actor(), "tenant.create", "tenant:" + slug, null, json(tenant));
            return new Created(tenant, apiKey);
        });
    }

    public Optional<Tenant> bySlug(String slug) {
        return jdbi.withHandle(h -> find(h, slug));
    }

    /**
     * The tenant a person means by what they typed: its short name (slug, any case), or else its
     * full name when exactly one tenant has it (ignoring case and surrounding spaces).
     */
    public Optional<Tenant> bySlugOrName(String typed) {
        String wanted = typed.strip();
        return jdbi.withHandle(h -> find(h, wanted.toLowerCase(java.util.Locale.ROOT)).or(() -> {
            var named = h.createQuery("SELECT id, slug, name, url, locale FROM tenant WHERE lower(name) = lower(:name) LIMIT 2")
                    .bind("name", wanted).map((rs, ctx) -> row(rs)).list();
            return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
        }));
    }

    public Tenant byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, url, locale FROM tenant WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).one());
    }

    /** Rotates the tenant's signing key; returns the new key's fragment. */
    public String rotateKey(Caller caller) {
        return jdbi.inTransaction(h -> {
            String fragment = keys.rotate(h, caller.tenantId());
            audit.record(h, caller.tenantId(), caller.actor(), "signing-key.rotate", "signing-key:" + fragment, null, null);
            return fragment;
        });
    }

    public ObjectNode didDocument(Tenant tenant) {
        return DidDocuments.didWeb(tenant.did(), keys.published(tenant.id()), keys.publishedJwks(tenant.id()));
    }

    public URI publicUrl() {
        return publicUrl;
    }

    /** did:web of the tenant's URL under this installation: {@code <public url>/tenants/<slug>}. */
    String didOf(String slug) {
        return DidDocuments.didWebFor(publicUrl.resolve("/tenants/" + slug));
    }

    private Optional<Tenant> find(Handle h, String slug) {
        return h.createQuery("SELECT id, slug, name, url, locale FROM tenant WHERE slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    private Tenant row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Tenant(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("url"),
                rs.getString("locale"), didOf(rs.getString("slug")));
    }

    public static ObjectNode json(Tenant tenant) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("id", tenant.id());
        node.put("slug", tenant.slug());
        node.put("name", tenant.name());
        node.put("url", tenant.url());
        node.put("locale", tenant.locale());
        node.put("did", tenant.did());
        return node;
    }
}
