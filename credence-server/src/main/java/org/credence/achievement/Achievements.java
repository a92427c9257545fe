package org.credence.achievement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.json.JsonFields;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Credential templates: validated on the way in, always read within the caller's tenant. */
public final class Achievements {
    public static final Set<String> FIELDS = Set.of("name", "kind", "description", "criteria", "alignments", "tags",
            "validityDays", "programUrl", "image", "design", "passMark");
    /** The design of an achievement that names none (the column's default). */
    static final String DEFAULT_DESIGN = "classic";
    private static final Set<String> KINDS = Set.of("certificate", "certification", "badge", "diploma");

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final BiPredicate<Long, String> designExists;

    /**
     * @param designExists whether a tenant may use a certificate design of that name (a built-in or its own)
     */
    public Achievements(Jdbi jdbi, AuditTrail audit, BiPredicate<Long, String> designExists) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.designExists = designExists;
    }

    public Achievement create(Caller caller, ObjectNode body) {
        Draft draft = draft(caller, body);
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO achievement (tenant_id, kind, name, description, criteria, details, design)
                            VALUES (:tenant, :kind, :name, :description, :criteria, CAST(:details AS JSONB), :design)
                            """)
                    .bind("tenant", caller.tenantId()).bind("kind", draft.kind).bind("name", draft.name).bind("design", draft.design)
                    .bind("description", draft.description).bind("criteria", draft.criteria).bind("details", draft.details.toString())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Achievement created = find(h, caller.tenantId(), id).orElseThrow();
            audit.record(h, caller.tenantId(), caller.actor(), "achievement.create", "achievement:" + id, null, json(created));
            return created;
        });
    }

    public Achievement update(Caller caller, long id, ObjectNode body) {
        Draft draft = draft(caller, body);
        return jdbi.inTransaction(h -> {
            Achievement before = find(h, caller.tenantId(), id).orElseThrow(() -> notFound(id));
            h.createUpdate("""
                            UPDATE achievement
                               SET kind = :kind
                                 , name = :name
                                 , description = :description
                                 , criteria = :criteria
                                 , details = CAST(:details AS JSONB)
                                 , design = :design
                                 , updated_at = now()
                             WHERE tenant_id = :tenant
                               AND id = :id
                            """)
                    .bind("tenant", caller.tenantId()).bind("id", id).bind("kind", draft.kind).bind("name", draft.name).bind("design", draft.design)
                    .bind("description", draft.description).bind("criteria", draft.criteria).bind("details", draft.details.toString())
                    .execute();
            Achievement after = find(h, caller.tenantId(), id).orElseThrow();
            if (!after.design().equals(before.design())) {
                // stored certificates were drawn with the old design: they are drawn again on next request
                org.credence.document.StoredDocuments.forgetting(h, caller.tenantId());
                h.createUpdate("""
                                DELETE FROM credential_document
                                 WHERE tenant_id = :tenant
                                   AND kind LIKE 'certificate.%'
                                   AND credential_id IN (SELECT id FROM credential WHERE tenant_id = :tenant AND achievement_id = :id)
                                """).bind("tenant", caller.tenantId()).bind("id", id).execute();
            }
            audit.record(h, caller.tenantId(), caller.actor(), "achievement.update", "achievement:" + id, json(before), json(after));
            return after;
        });
    }

    public Achievement get(long tenantId, long id) {
        return jdbi.withHandle(h -> find(h, tenantId, id)).orElseThrow(() -> notFound(id));
    }

    public List<Achievement> list(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, tenant_id, kind, name, description, criteria, CAST(details AS TEXT) AS details, design
                          FROM achievement
                         WHERE tenant_id = :tenant
                         ORDER BY id
                        """).bind("tenant", tenantId).map((rs, ctx) -> row(rs)).list());
    }

    static Optional<Achievement> find(Handle h, long tenantId, long id) {
        return h.createQuery("""
                        SELECT id, tenant_id, kind, name, description, criteria, CAST(details AS TEXT) AS details, design
                          FROM achievement
                         WHERE tenant_id = :tenant
                           AND id = :id
                        """).bind("tenant", tenantId).bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    private static Achievement row(java.sql.ResultSet rs) throws java.sql.SQLException {
        try {
            return new Achievement(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("kind"), rs.getString("name"),
                    rs.getString("description"), rs.getString("criteria"), (ObjectNode) JsonFields.MAPPER.readTree(rs.getString("details")),
                    rs.getString("design"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DomainException notFound(long id) {
        return new DomainException.NotFound("no achievement " + id + " in this tenant");
    }

    public static ObjectNode json(Achievement a) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("id", a.id());
        node.put("kind", a.kind());
        node.put("name", a.name());
        node.put("description", a.description());
        node.put("criteria", a.criteria());
        a.details().fields().forEachRemaining(f -> node.set(f.getKey(), f.getValue()));
        node.put("design", a.design());
        return node;
    }

    /** The validated body, with a design the caller's tenant may use. */
    private Draft draft(Caller caller, ObjectNode body) {
        Draft draft = Draft.of(body);
        if (!designExists.test(caller.tenantId(), draft.design)) {
            throw new DomainException.InvalidInput("design", "design '" + draft.design + "' is neither built in (classic, modern, minimal) nor one of "
                    + "this tenant's own; upload it first with PUT /api/v1/designs/{name}");
        }
        return draft;
    }

    /** A validated achievement body. */
    private record Draft(String kind, String name, String description, String criteria, ObjectNode details, String design) {
        static Draft of(ObjectNode body) {
            String kind = JsonFields.requiredText(body, "kind", 20);
            if (!KINDS.contains(kind)) {
                throw new DomainException.InvalidInput("kind", "kind must be one of certificate, certification, badge, diploma");
            }
            ObjectNode details = JsonFields.MAPPER.createObjectNode();
            ArrayNode alignments = details.putArray("alignments");
            JsonNode given = body.path("alignments");
            if (!given.isMissingNode() && !given.isArray()) {
                throw new DomainException.InvalidInput("alignments", "alignments must be a list of {targetName, targetUrl, targetFramework?}");
            }
            for (JsonNode a : given) {
                ObjectNode alignment = alignments.addObject();
                alignment.put("targetName", JsonFields.requiredText(a, "alignments.targetName", 300));
                String url = JsonFields.requiredText(a, "alignments.targetUrl", 2000);
                requireHttpUrl("alignments.targetUrl", url);
                alignment.put("targetUrl", url);
                String framework = JsonFields.optionalText(a, "alignments.targetFramework", 300);
                if (framework != null) {
                    alignment.put("targetFramework", framework);
                }
            }
            ArrayNode tags = details.putArray("tags");
            JsonNode givenTags = body.path("tags");
            if (!givenTags.isMissingNode() && !givenTags.isArray()) {
                throw new DomainException.InvalidInput("tags", "tags must be a list of strings such as \"role:analyst\" or \"level:advanced\"");
            }
            for (JsonNode tag : givenTags) {
                if (!tag.isTextual() || tag.asText().isBlank() || tag.asText().length() > 100) {
                    throw new DomainException.InvalidInput("tags", "each tag must be a non-empty string of at most 100 characters");
                }
                tags.add(tag.asText());
            }
            JsonNode validity = body.get("validityDays");
            if (validity != null && !validity.isNull()) {
                if (!validity.isInt() || validity.asInt() < 1 || validity.asInt() > 36500) {
                    throw new DomainException.InvalidInput("validityDays", "validityDays must be a whole number of days from 1 to 36500");
                }
                details.put("validityDays", validity.asInt());
            }
            JsonNode passMark = body.get("passMark");
            if (passMark != null && !passMark.isNull()) {
                if (!passMark.isNumber() || passMark.asDouble() < 0 || passMark.asDouble() > 100) {
                    throw new DomainException.InvalidInput("passMark", "passMark is the lowest score (0 to 100) with which a completion earns the credential");
                }
                details.put("passMark", passMark.decimalValue());
            }
            for (String field : List.of("programUrl", "image")) {
                String url = JsonFields.optionalText(body, field, 2000);
                if (url != null) {
                    requireHttpUrl(field, url);
                    details.put(field, url);
                }
            }
            String design = JsonFields.optionalText(body, "design", 40);
            return new Draft(kind, JsonFields.requiredText(body, "name", 200), JsonFields.requiredText(body, "description", 5000),
                    JsonFields.requiredText(body, "criteria", 10000), details, design == null ? DEFAULT_DESIGN : design);
        }

        private static void requireHttpUrl(String field, String url) {
            if (!url.matches("https?://[^\\s<>\"]+")) {
                throw new DomainException.InvalidInput(field, field + " must be an http(s) URL");
            }
        }
    }
}
