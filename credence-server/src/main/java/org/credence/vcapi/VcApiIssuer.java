package org.credence.vcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.credence.audit.AuditTrail;
import org.credence.lifecycle.StatusLists;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.status.StatusPurpose;
import org.credence.tenant.Caller;
import org.credence.tenant.Tenant;
import org.credence.tenant.TenantKeys;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/**
 * The W3C VC API issuer: checks a caller's unsigned credential against the data model, adds
 * Bitstring Status List entries from the tenant's lists when asked, signs it as the tenant, and
 * later changes those entries' bits ({@code POST /credentials/status}).
 *
 * <p>A credential with status entries is remembered by its id (tenant-scoped), so its status
 * can be changed and its bits published; other VC API credentials are not stored.
 */
public final class VcApiIssuer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPTIONS = Set.of("credentialStatus", "credentialId");
    private static final Set<String> OB_TYPES = Set.of("OpenBadgeCredential", "AchievementCredential");

    /**
     * What {@code POST /credentials/status} asks: set or clear one purpose's bit.
     *
     * @param status true sets the bit (revoked, suspended), false clears it
     */
    public record StatusChange(String credentialId, StatusPurpose purpose, boolean status) {}

    private final Jdbi jdbi;
    private final Tenants tenants;
    private final TenantKeys keys;
    private final StatusLists statusLists;
    private final EddsaRdfc2022 suite;
    private final AuditTrail audit;
    private final Clock clock;

    public VcApiIssuer(Jdbi jdbi, Tenants tenants, TenantKeys keys, StatusLists statusLists, EddsaRdfc2022 suite,
                       AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.tenants = tenants;
        this.keys = keys;
        this.statusLists = statusLists;
        this.suite = suite;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Signs {@code credential} as the caller's tenant.
     *
     * @param options the request's {@code options} object, or null
     * @throws VcApiException when the credential or the options break a rule
     * @throws org.credence.standards.dataintegrity.ProofException when JSON-LD cannot read it (unknown context or term)
     */
    public ObjectNode issue(Caller caller, ObjectNode credential, JsonNode options) {
        Tenant tenant = tenants.byId(caller.tenantId());
        ObjectNode unsigned = credential.deepCopy();
        TenantKeys.SigningKey key = keys.signingKey(tenant);
        String didKey = "did:key:" + key.keys().publicKey().multibase();
        boolean asDidKey = issuer(unsigned, tenant, didKey);
        String method = asDidKey ? didKey + "#" + key.keys().publicKey().multibase() : key.verificationMethod();
        CredentialRules.check(unsigned);
        Set<StatusPurpose> purposes = statusOptions(options);
        refuseOwnStatus(unsigned, tenant);
        boolean openBadge = CredentialRules.entries(unsigned, "type").stream().anyMatch(t -> OB_TYPES.contains(t.asText()));
        if (openBadge && !unsigned.has("id")) {
            // the OB 3.0 schema and the DCC verifier require an id
            unsigned.put("id", "urn:uuid:" + UUID.randomUUID());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (CredentialRules.isV1(unsigned) && !unsigned.has("issuanceDate")) {
            unsigned.put("issuanceDate", now.toString()); // required by VC 1.1
        }
        if (purposes.isEmpty()) {
            return suite.sign(unsigned, key.keys(), method, clock.instant());
        }
        if (asDidKey) {
            throw VcApiException.invalid("options.credentialStatus", "status lists are published under " + tenant.did()
                    + "; issue as that DID to get a status entry");
        }
        String credentialId = credentialId(unsigned, options);
        if (CredentialRules.isV1(unsigned)) {
            throw VcApiException.invalid("options.credentialStatus",
                    "BitstringStatusListEntry is defined by the VC 2.0 context; issue on " + CredentialRules.VC_V2 + " to get a status entry");
        }
        if (openBadge && purposes.size() > 1) {
            throw VcApiException.invalid("options.credentialStatus", "an Open Badges 3.0 credential carries one credentialStatus object;"
                    + " ask for revocation (its suspension bit is published at the same index in the list's /suspension twin)");
        }
        StatusLists.Slot slot = statusLists.allocate(tenant.id());
        ArrayNode entries = JSON.createArrayNode();
        CredentialRules.entries(unsigned, "credentialStatus").forEach(entries::add);
        for (StatusPurpose purpose : purposes) {
            String list = statusLists.url(tenant, slot.listId(), purpose, tenants.publicUrl());
            entries.addObject().put("id", list + "#" + slot.index()).put("type", "BitstringStatusListEntry")
                    .put("statusPurpose", purpose.jsonName()).put("statusListIndex", Integer.toString(slot.index()))
                    .put("statusListCredential", list);
        }
        unsigned.set("credentialStatus", entries.size() == 1 ? entries.get(0) : entries);
        ObjectNode signed = suite.sign(unsigned, key.keys(), method, clock.instant());
        jdbi.useTransaction(h -> {
            int inserted = h.createUpdate("""
                            INSERT INTO vc_api_credential (tenant_id, credential_id, status_list_id, status_index,
                                                           has_revocation, has_suspension, issued_at)
                            VALUES (:tenant, :id, :list, :index, :revocation, :suspension, :at)
                            ON CONFLICT DO NOTHING
                            """).bind("tenant", tenant.id()).bind("id", credentialId).bind("list", slot.listId())
                    .bind("index", slot.index()).bind("revocation", purposes.contains(StatusPurpose.REVOCATION))
                    .bind("suspension", purposes.contains(StatusPurpose.SUSPENSION)).bind("at", now.atOffset(java.time.ZoneOffset.UTC))
                    .execute();
            if (inserted == 0) {
                throw new VcApiException(VcApiException.Kind.CONFLICT, "credential.id",
                        "a credential with id " + credentialId + " was already issued with a status entry; give each credential its own id");
            }
            audit.record(h, tenant.id(), caller.actor(), "vcapi.issue", "vc:" + credentialId, null,
                    JSON.createObjectNode().set("credentialStatus", signed.get("credentialStatus")));
        });
        return signed;
    }

    /**
     * Sets or clears a status bit of a credential this tenant issued through the VC API.
     *
     * @return true when the bit changed, false when it already had that value
     * @throws VcApiException NOT_FOUND for an unknown id or a purpose the credential has no entry for; CONFLICT to un-revoke
     */
    public boolean changeStatus(Caller caller, StatusChange change) {
        if (!change.purpose().isIssuedByCredence()) {
            throw VcApiException.invalid("credentialStatus.statusPurpose", "Credence keeps revocation and suspension bits only");
        }
        boolean revocation = change.purpose() == StatusPurpose.REVOCATION;
        String column = revocation ? "revoked" : "suspended";
        return jdbi.inTransaction(h -> {
            Optional<java.util.Map<String, Object>> row = h.createQuery("""
                            SELECT status_list_id, has_revocation, has_suspension, revoked, suspended
                              FROM vc_api_credential
                             WHERE tenant_id = :tenant AND credential_id = :id
                               FOR UPDATE
                            """).bind("tenant", caller.tenantId()).bind("id", change.credentialId()).mapToMap().findOne();
            var stored = row.orElseThrow(() -> new VcApiException(VcApiException.Kind.NOT_FOUND, "credentialId",
                    "no credential " + change.credentialId() + " with a status entry was issued through the VC API by this tenant"));
            if (!(Boolean) stored.get(revocation ? "has_revocation" : "has_suspension")) {
                throw new VcApiException(VcApiException.Kind.NOT_FOUND, "credentialStatus.statusPurpose",
                        "credential " + change.credentialId() + " has no " + change.purpose().jsonName() + " entry");
            }
            boolean before = (Boolean) stored.get(column);
            if (before == change.status()) {
                return false;
            }
            if (revocation && before) {
                throw new VcApiException(VcApiException.Kind.CONFLICT, "status", "credential " + change.credentialId() + " is revoked; revocation is final");
            }
            h.createUpdate("UPDATE vc_api_credential SET " + column + " = :value WHERE tenant_id = :tenant AND credential_id = :id")
                    .bind("value", change.status()).bind("tenant", caller.tenantId()).bind("id", change.credentialId()).execute();
            statusLists.touch(h, ((Number) stored.get("status_list_id")).longValue());
            String action = revocation ? "credential.revoke" : change.status() ? "credential.suspend" : "credential.reinstate";
            audit.record(h, caller.tenantId(), caller.actor(), action, "vc:" + change.credentialId(),
                    JSON.createObjectNode().put(column, before), JSON.createObjectNode().put(column, change.status()));
            return true;
        });
    }

    /**
     * The tenant issues as its own did:web, or as the did:key of its current signing key (for
     * verifiers that resolve only did:key; after a key rotation such credentials still verify, but
     * nothing ties them to the tenant). A missing issuer becomes the did:web; a null or another is refused.
     *
     * @return true when the credential names the did:key
     */
    private static boolean issuer(ObjectNode credential, Tenant tenant, String didKey) {
        if (!credential.has("issuer")) {
            credential.put("issuer", tenant.did());
            return false;
        }
        JsonNode issuer = credential.get("issuer");
        JsonNode id = issuer.isObject() ? issuer.get("id") : issuer;
        if (id == null || !id.isTextual()) {
            throw VcApiException.invalid("credential.issuer", "issuer must be a URL (or an object whose id is one): " + tenant.did());
        }
        if (!id.asText().equals(tenant.did()) && !id.asText().equals(didKey)) {
            throw VcApiException.invalid("credential.issuer", "this key issues as " + tenant.did() + " (or " + didKey + "), not " + id.asText());
        }
        return id.asText().equals(didKey);
    }

    /** The purposes {@code options.credentialStatus} asks for; unknown options are refused. */
    private static Set<StatusPurpose> statusOptions(JsonNode options) {
        Set<StatusPurpose> purposes = EnumSet.noneOf(StatusPurpose.class);
        if (options == null || options.isNull()) {
            return purposes;
        }
        if (!options.isObject()) {
            throw VcApiException.invalid("options", "options must be an object");
        }
        options.fieldNames().forEachRemaining(name -> {
            if (!OPTIONS.contains(name)) {
                throw VcApiException.invalid("options." + name, "unknown option '" + name + "'; supported: credentialId, credentialStatus");
            }
        });
        if (options.has("credentialId") && !CredentialRules.isUrl(options.get("credentialId"))) {
            throw VcApiException.invalid("options.credentialId", "credentialId must be a URL");
        }
        for (JsonNode wanted : CredentialRules.entries(options, "credentialStatus")) {
            String type = wanted.path("type").asText("");
            if (!wanted.isObject() || !(type.equals("BitstringStatusList") || type.equals("BitstringStatusListEntry"))) {
                throw VcApiException.invalid("options.credentialStatus.type", "credentialStatus options are {\"type\": \"BitstringStatusList\", "
                        + "\"statusPurpose\": \"revocation\" | \"suspension\"}");
            }
            wanted.fieldNames().forEachRemaining(name -> {
                if (!name.equals("type") && !name.equals("statusPurpose")) {
                    throw VcApiException.invalid("options.credentialStatus." + name, "unknown credentialStatus option '" + name + "'");
                }
            });
            String purpose = wanted.path("statusPurpose").asText("");
            switch (purpose) {
                case "revocation" -> purposes.add(StatusPurpose.REVOCATION);
                case "suspension" -> purposes.add(StatusPurpose.SUSPENSION);
                default -> throw VcApiException.invalid("options.credentialStatus.statusPurpose",
                        "statusPurpose must be revocation or suspension; got '" + purpose + "'");
            }
        }
        return purposes;
    }

    /** A caller may point at anyone's status list but this tenant's own: those entries are ours to allocate. */
    private void refuseOwnStatus(ObjectNode credential, Tenant tenant) {
        String own = tenants.publicUrl() + "/status/" + tenant.slug() + "/";
        for (JsonNode entry : CredentialRules.entries(credential, "credentialStatus")) {
            for (String field : List.of("id", "statusListCredential")) {
                if (entry.path(field).asText("").startsWith(own)) {
                    throw VcApiException.invalid("credential.credentialStatus." + field, "entries in this tenant's own status lists are allocated "
                            + "by the issuer: leave them out and ask with options.credentialStatus");
                }
            }
        }
    }

    private static String credentialId(ObjectNode credential, JsonNode options) {
        if (credential.has("id")) {
            return credential.get("id").asText();
        }
        if (options != null && options.has("credentialId")) {
            return options.get("credentialId").asText();
        }
        throw VcApiException.invalid("credential.id", "a credential with a status entry needs an id (or options.credentialId), "
                + "so POST /credentials/status can name it later");
    }
}
